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

struct DemoGroups {
  std::int64_t tape_group = 0;       // 0 when the groups were there already
  std::int64_t batik_community = 0;
  std::int64_t batu_group = 0;       // kept by Batu's department, the demo officer's stakeholder
};

// Seed 001's Harapan Sejahtera tape group (Banjarsari, Ngajum: two years of twice-monthly
// meetings, fees, aid set aside as a group shop, market areas agreed, a uniform price not
// agreed, cassava bought together in a scarce month), seed 000's Citra Gendhis batik community
// (Gondanglegi: the eleven informants of Table 1 with their roles and years, a year of monthly
// learning meetings, a joint order split by capacity and now overdue, knowledge posts) and a
// group of Batu kept by its department. Everything is dated back from the day it runs, recorded
// through the services at the time it happened (Runtime::clock replays it), so that the demo
// lives in the present. Does nothing when they are there already.
core::Result<DemoGroups> LoadDemoGroups(Runtime& runtime);

struct DemoProgrammes {
  std::int64_t ybm = 0;          // seed 001's year with the tape group; 0 when loaded before
  std::int64_t soft_loans = 0;   // Kota Batu's (seed 002); 0 without the generated registry
  std::int64_t training = 0;
  std::int64_t exhibitions = 0;
  std::int64_t assistance_records = 0;  // written over the registry of Kota Batu
};

// Seed 001's one-year YBM BRILiaN programme for the tape group (equipment, working capital,
// training, the food permit; closed after its year, then the further equipment support of 2024),
// and seed 002's programmes of Kota Batu (soft loans through BRI and BTN for young micro businesses
// with their repayments, some late and some stopped; IBSC training; exhibitions) with the ledger
// over the generated registry. Runs only when LoadDemoGroups has just loaded the groups.
core::Result<DemoProgrammes> LoadDemoProgrammes(Runtime& runtime, const DemoGroups& groups);

}  // namespace gotong::app
