#include "domain/mentoring/targets.hpp"

#include <set>

#include "domain/mentoring/mentoring.hpp"

namespace gotong::domain::mentoring {

core::Result<std::vector<CompetencyTarget>> CheckTargets(UnitOfWork& unit, form::Problems& problems,
                                                         const std::vector<TargetInput>& targets,
                                                         const std::string& field) {
  std::vector<CompetencyTarget> chosen;
  if (targets.size() > kMaxTargets) {
    problems.Add(field, "too_many", "a cycle has at most 50 target competencies");
    return chosen;
  }
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < targets.size(); ++i) {
    std::string at = field + "[" + std::to_string(i) + "].";
    const auto& target = targets[i];
    if (!target.competency_id) {
      problems.Add(at + "competency_id", "required", at + "competency_id is required");
      continue;
    }
    auto competency = unit.Competencies().Find(*target.competency_id);
    if (!competency.ok()) {
      if (competency.error().code != core::ErrorCode::kNotFound) return competency.error();
      problems.Add(at + "competency_id", "not_found", "no competency " + std::to_string(*target.competency_id));
      continue;
    }
    if (competency->retired) {
      problems.Add(at + "competency_id", "retired", competency->name + " is retired from the catalogue");
      continue;
    }
    if (!seen.insert(competency->id).second) {
      problems.Add(at + "competency_id", "duplicate", competency->name + " is listed twice");
      continue;
    }
    int level = 2;
    if (target.level) {
      if (*target.level < kBasicLevel || *target.level > kMasterLevel) {
        problems.Add(at + "level", "out_of_range", at + "level is 1, 2 or 3");
        continue;
      }
      level = static_cast<int>(*target.level);
    }
    chosen.push_back(
        {competency->id, level, competency->code, competency->name, competency->name_en});
  }
  return chosen;
}

}  // namespace gotong::domain::mentoring
