#pragma once

// The target competencies a cycle's mentees are to reach, as sent: the planner's list on the
// cycle, or the list an option of a learning-theme proposal names (the group chooses the theme
// and what it will learn in one vote, seed 000).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/mentoring/cycles.hpp"

namespace gotong::domain::mentoring {

inline constexpr std::size_t kMaxTargets = 50;

struct TargetInput {
  std::optional<std::int64_t> competency_id;
  std::optional<std::int64_t> level;  // default 2
};

// The targets `targets` names, each a competency of the catalogue that is not retired, named once,
// at a level of 1–3. A wrong one is added to `problems` under `field` ("targets[2].level"); at
// most kMaxTargets (too_many under `field`).
core::Result<std::vector<CompetencyTarget>> CheckTargets(UnitOfWork& unit, form::Problems& problems,
                                                         const std::vector<TargetInput>& targets,
                                                         const std::string& field);

}  // namespace gotong::domain::mentoring
