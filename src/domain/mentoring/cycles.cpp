#include "domain/mentoring/cycles.hpp"

#include <map>
#include <utility>
#include <vector>

#include "core/names.hpp"

namespace gotong::domain::mentoring {
namespace {

constexpr core::Names<MentorOrigin, 2> kMentorOrigins = {{
    {"community", MentorOrigin::kCommunity}, {"external", MentorOrigin::kExternal}
}};

constexpr core::Names<CycleStatus, 4> kCycleStatuses = {{
    {"planning", CycleStatus::kPlanning},
    {"implementation", CycleStatus::kImplementation},
    {"evaluation", CycleStatus::kEvaluation},
    {"closed", CycleStatus::kClosed},
}};

}  // namespace

std::string_view ToString(MentorOrigin origin) { return core::NameOf(origin, kMentorOrigins); }
std::optional<MentorOrigin> ParseMentorOrigin(std::string_view text) {
  return core::ValueNamed(text, kMentorOrigins);
}

std::string_view ToString(CycleStatus status) { return core::NameOf(status, kCycleStatuses); }
std::optional<CycleStatus> ParseCycleStatus(std::string_view text) {
  return core::ValueNamed(text, kCycleStatuses);
}

std::optional<CycleStatus> NextStatus(CycleStatus from) {
  switch (from) {
    case CycleStatus::kPlanning: return CycleStatus::kImplementation;
    case CycleStatus::kImplementation: return CycleStatus::kEvaluation;
    case CycleStatus::kEvaluation: return CycleStatus::kClosed;
    case CycleStatus::kClosed: return std::nullopt;
  }
  return std::nullopt;
}

Completion CompletionOf(const LearningCycle& cycle, const std::vector<Evaluation>& evaluations) {
  std::map<std::pair<std::int64_t, std::int64_t>, bool> achieved;  // (member, competency)
  for (const auto& evaluation : evaluations) {
    achieved[{evaluation.member_id, evaluation.competency_id}] = evaluation.achieved;
  }
  Completion completion;
  for (const auto& mentee : cycle.mentees) {
    for (const auto& target : cycle.targets) {
      ++completion.targets;
      auto found = achieved.find({mentee.member_id, target.competency_id});
      if (found == achieved.end()) {
        completion.missing.push_back({mentee.member_id, mentee.person_name, target.competency_id, target.name});
      } else if (found->second) {
        ++completion.achieved;
      }
    }
  }
  return completion;
}

std::vector<MenteeCompetency> MenteeCompetencies(const MenteeRecord& record) {
  std::vector<MenteeCompetency> lines;
  std::map<std::int64_t, std::size_t> line_of;  // competency id → its line
  auto line_for = [&](const CompetencyRef& competency) -> MenteeCompetency& {
    auto [it, added] = line_of.try_emplace(competency.id, lines.size());
    if (added) lines.push_back({competency, std::nullopt, {}});
    return lines[it->second];
  };
  for (const auto& target : record.targets) line_for(target.competency).targets.push_back(target);
  // The evaluations come newest first: the first one of a competency is its latest.
  for (const auto& evaluation : record.evaluations) {
    auto& line = line_for(evaluation.competency);
    if (!line.latest) line.latest = evaluation;
  }
  return lines;
}

}  // namespace gotong::domain::mentoring
