#include "domain/groups/groups.hpp"

namespace gotong::domain::groups {
namespace {

std::string Word(std::string_view word) { return std::string(word); }

}  // namespace

audit::Snapshot SnapshotOf(const Group& group) {
  return {
      {"name", group.name},
      {"kind", Word(ToString(group.kind))},
      {"sector", Word(registry::ToString(group.sector))},
      {"business_centre", audit::Nullable(group.business_centre)},
      {"village_code", group.village_code},
      {"origin", Word(ToString(group.origin))},
      {"programme_id", audit::Nullable(group.programme_id)},
      {"legality", audit::Nullable(group.legality)},
      {"legality_date", audit::Nullable(group.legality_date)},
      {"status", Word(ToString(group.status))},
      {"status_since", group.status_since.ToString()},
      {"founded_on", audit::Nullable(group.founded_on)},
      {"sop_meetings_per_month", static_cast<std::int64_t>(group.sop_meetings_per_month)},
      {"steward_id", audit::Nullable(group.steward_id)},
  };
}

audit::Snapshot SnapshotOf(const Membership& membership) {
  return {
      {"group_id", membership.group_id},
      {"person_id", membership.person_id},
      {"enterprise_id", audit::Nullable(membership.enterprise_id)},
      {"role", Word(ToString(membership.role))},
      {"mentor", membership.mentor},
      {"local_hero", membership.local_hero},
      {"joined_on", membership.joined_on.ToString()},
      {"joined_precision", std::string(ToString(membership.joined_precision))},
      {"left_on", audit::Nullable(membership.left_on)},
      {"user_id", audit::Nullable(membership.user_id)},
  };
}

audit::Snapshot SnapshotOf(const Meeting& meeting) {
  return {
      {"group_id", meeting.group_id},
      {"kind", Word(ToString(meeting.kind))},
      {"held_on", meeting.held_on.ToString()},
      {"status", Word(ToString(meeting.status))},
      {"venue", audit::Nullable(meeting.venue)},
      {"host_member_id", audit::Nullable(meeting.host_member_id)},
      {"agenda", audit::Nullable(meeting.agenda)},
      {"minutes", audit::Nullable(meeting.minutes)},
  };
}

audit::Snapshot SnapshotOf(const Deliberation& deliberation) {
  // "Ecotik (ecotik 2, mondeng 1) | Jumputan": each option with the competencies it would have
  // the group learn, so the log keeps what members voted for.
  std::string options;
  for (const auto& option : deliberation.options) {
    if (!options.empty()) options += " | ";
    options += option.label;
    for (std::size_t i = 0; i < option.targets.size(); ++i) {
      const mentoring::CompetencyTarget& target = option.targets[i];
      options += i == 0 ? " (" : ", ";
      options += target.code.empty() ? "#" + std::to_string(target.competency_id) : target.code;
      options += " " + std::to_string(target.level);
    }
    if (!option.targets.empty()) options += ")";
  }
  return {
      {"group_id", deliberation.group_id},
      {"meeting_id", audit::Nullable(deliberation.meeting_id)},
      {"title", deliberation.title},
      {"topic", Word(ToString(deliberation.topic))},
      {"rule", Word(ToString(deliberation.rule))},
      {"quorum", audit::Nullable(deliberation.quorum)},
      {"options", options},
      {"decided", deliberation.decided},
      {"outcome", deliberation.outcome ? audit::Value(Word(ToString(*deliberation.outcome)))
                                       : audit::Value(nullptr)},
      {"option_id", audit::Nullable(deliberation.option_id)},
      {"decided_on", audit::Nullable(deliberation.decided_on)},
      {"note", audit::Nullable(deliberation.note)},
  };
}

int SopOn(Month month, int base, const std::vector<SopChange>& changes) {
  int meetings = base;
  for (const auto& change : changes) {
    if (change.from <= month) meetings = change.meetings;
  }
  return meetings;
}

}  // namespace gotong::domain::groups
