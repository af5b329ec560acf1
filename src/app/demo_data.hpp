#pragma once

#include <cstdint>
#include <ostream>

#include "app/runtime.hpp"
#include "core/result.hpp"

namespace gotong::app {

// Seed 002's stakeholders of Batu City and seed 001's YBM BRILiaN; returns the id of Batu's
// Department of Micro Enterprise Cooperatives and Trade (the officers' stakeholder).
core::Result<std::int64_t> LoadDemoStakeholders(Runtime& runtime);

// A generated, deterministic registry of Batu City: 14,579 enterprises (the 2016 count in seed
// 002) over Batu's real villages, with a plausible sector mix and a share of stale records.
// Does nothing when Batu already has enterprises. Returns how many it added.
core::Result<std::int64_t> LoadDemoRegistry(Runtime& runtime, std::int64_t steward_id,
                                            std::int64_t count = 14579);

}  // namespace gotong::app
