#include "domain/mentoring/cycle_service.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <utility>

#include "domain/mentoring/mentoring.hpp"
#include "domain/mentoring/targets.hpp"
#include "domain/service.hpp"

namespace gotong::domain::mentoring {
namespace {

constexpr std::string_view kPlan = "plan its learning";

using groups::Caller;
using groups::GroupWrite;
using groups::Precondition;

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxMentees = 500;

// A date field that is required when `creating` or named.
void ApplyDate(Problems& problems, const Field<std::string>& input, bool creating, const std::string& field,
               core::Date& target) {
  if (!Given(input) && !creating) return;
  if (!IsSet(input)) {
    problems.Add(field, "required", field + " is required");
  } else if (auto day = CheckDate(problems, field, **input)) {
    target = *day;
  }
}

void ApplyOptionalDate(Problems& problems, const Field<std::string>& input, const std::string& field,
                       std::optional<core::Date>& target) {
  if (!Given(input)) return;
  target.reset();
  if (IsSet(input)) target = CheckDate(problems, field, **input);
}

// The mentor of `input` into the three fields: a member of the group (her person follows) or a
// person of the registry; a community mentor is a member of the group.
struct Mentor {
  std::int64_t person_id = 0;
  std::optional<std::int64_t> member_id;
  std::string name;
  MentorOrigin origin = MentorOrigin::kCommunity;
};

std::optional<Mentor> CheckMentor(UnitOfWork& unit, Problems& problems, std::int64_t group_id,
                                  const MentorInput& input) {
  Mentor mentor;
  bool ok = true;
  std::optional<MentorOrigin> origin = IsSet(input.origin) ? ParseMentorOrigin(**input.origin) : std::nullopt;
  if (!origin) {
    problems.Add("mentor_origin", IsSet(input.origin) ? "invalid_value" : "required",
                 "mentor_origin is community or external");
    ok = false;
  } else {
    mentor.origin = *origin;
  }
  if (IsSet(input.mentor_member_id) && IsSet(input.mentor_person_id)) {
    problems.Add("mentor_person_id", "not_applicable",
                 "name the mentor once: mentor_member_id for a member of the group, mentor_person_id otherwise");
    return std::nullopt;
  }
  if (IsSet(input.mentor_member_id)) {
    auto member = unit.Groups().FindMember(group_id, **input.mentor_member_id);
    if (!member.ok()) {
      problems.Add("mentor_member_id", "not_member",
                   "member " + std::to_string(**input.mentor_member_id) + " is not in this group");
      return std::nullopt;
    }
    mentor.member_id = member->id;
    mentor.person_id = member->person_id;
    mentor.name = member->person_name;
  } else if (IsSet(input.mentor_person_id)) {
    auto person = unit.People().Find(**input.mentor_person_id);
    if (!person.ok()) {
      problems.Add("mentor_person_id", "not_found", "no person " + std::to_string(**input.mentor_person_id));
      return std::nullopt;
    }
    mentor.person_id = person->id;
    mentor.name = person->name;
    if (ok && mentor.origin == MentorOrigin::kCommunity) {
      problems.Add("mentor_member_id", "required",
                   "a community mentor is a member of the group: name her by mentor_member_id");
      return std::nullopt;
    }
  } else {
    problems.Add("mentor_member_id", "required", "name the mentor by mentor_member_id or mentor_person_id");
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return mentor;
}

// Links (or with null unlinks) the group's proposal on `topic` that chooses part of the plan.
void LinkProposal(UnitOfWork& unit, Problems& problems, const Field<std::int64_t>& given, const char* field,
                  groups::Topic topic, const char* about, std::int64_t group_id, std::optional<std::int64_t>& linked) {
  if (!Given(given)) return;
  linked.reset();
  if (!IsSet(given)) return;
  auto deliberation = unit.Deliberations().Find(group_id, **given);
  if (!deliberation.ok()) {
    problems.Add(field, "not_found", "no proposal " + std::to_string(**given) + " in this group");
  } else if (deliberation->topic != topic) {
    problems.Add(field, "invalid_value", std::string("the proposal is not about ") + about);
  } else {
    linked = deliberation->id;
  }
}

// The text and dates a cycle's planning sets.
void ApplyCyclePlan(UnitOfWork& unit, Problems& problems, const CycleInput& input, bool creating,
                    LearningCycle& cycle) {
  ApplyRequiredText(problems, input.title, creating, "title", kMaxTitle, cycle.title);
  ApplyOptionalText(problems, input.theme, "theme", kMaxTitle, cycle.theme);
  ApplyOptionalText(problems, input.venue, "venue", kMaxTitle, cycle.venue);
  ApplyOptionalText(problems, input.time_allocation, "time_allocation", kMaxTitle, cycle.time_allocation);
  ApplyOptionalText(problems, input.facilities, "facilities", kMaxText, cycle.facilities);
  ApplyOptionalDate(problems, input.planned_from, "planned_from", cycle.planned_from);
  ApplyOptionalDate(problems, input.planned_to, "planned_to", cycle.planned_to);
  if (cycle.planned_from && cycle.planned_to && *cycle.planned_to < *cycle.planned_from) {
    problems.Add("planned_to", "after_to", "planned_to comes after planned_from");
  }
  if (Given(input.host_member_id)) {
    cycle.host_member_id.reset();
    if (IsSet(input.host_member_id)) {
      auto host = unit.Groups().FindMember(cycle.group_id, **input.host_member_id);
      if (!host.ok()) {
        problems.Add("host_member_id", "not_member",
                     "member " + std::to_string(**input.host_member_id) + " is not in this group");
      } else {
        cycle.host_member_id = host->id;
      }
    }
  }
  LinkProposal(unit, problems, input.deliberation_id, "deliberation_id", groups::Topic::kLearningTheme,
               "a learning theme", cycle.group_id, cycle.deliberation_id);
  LinkProposal(unit, problems, input.schedule_deliberation_id, "schedule_deliberation_id", groups::Topic::kSchedule,
               "the schedule", cycle.group_id, cycle.schedule_deliberation_id);
  LinkProposal(unit, problems, input.venue_deliberation_id, "venue_deliberation_id", groups::Topic::kVenue,
               "a venue", cycle.group_id, cycle.venue_deliberation_id);
}

core::Status ApplyTargets(UnitOfWork& unit, Problems& problems, const std::vector<TargetInput>& targets,
                          LearningCycle& cycle) {
  GOTONG_ASSIGN_OR_RETURN(cycle.targets, CheckTargets(unit, problems, targets, "targets"));
  return core::OkStatus();
}

core::Status ApplyMentees(UnitOfWork& unit, Problems& problems, const std::vector<MenteeInput>& mentees,
                          const core::Date& today, LearningCycle& cycle) {
  if (mentees.size() > kMaxMentees) {
    problems.Add("mentees", "too_many", "a cycle has at most 500 mentees");
    return core::OkStatus();
  }
  std::vector<std::int64_t> ids;
  for (const auto& mentee : mentees) {
    if (mentee.member_id) ids.push_back(*mentee.member_id);
  }
  GOTONG_ASSIGN_OR_RETURN(auto members, unit.Groups().FindMembers(cycle.group_id, ids));
  std::vector<CycleMentee> chosen;
  std::set<std::int64_t> seen;
  for (std::size_t i = 0; i < mentees.size(); ++i) {
    std::string field = "mentees[" + std::to_string(i) + "].member_id";
    if (!mentees[i].member_id) {
      problems.Add(field, "required", field + " is required");
      continue;
    }
    auto found = std::find_if(members.begin(), members.end(),
                              [&](const groups::Membership& m) { return m.id == *mentees[i].member_id; });
    if (found == members.end()) {
      problems.Add(field, "not_member", "member " + std::to_string(*mentees[i].member_id) + " is not in this group");
    } else if (!found->ActiveOn(today)) {
      problems.Add(field, "not_member_now", found->person_name + " is no longer a member");
    } else if (cycle.mentor_member_id == found->id) {
      problems.Add(field, "same_person", found->person_name + " mentors this cycle");
    } else if (!seen.insert(found->id).second) {
      problems.Add(field, "duplicate", found->person_name + " is listed twice");
    } else {
      chosen.push_back({found->id, found->person_name});
    }
  }
  cycle.mentees = std::move(chosen);
  return core::OkStatus();
}

bool MentorGiven(const MentorInput& mentor) {
  return Given(mentor.mentor_member_id) || Given(mentor.mentor_person_id) || Given(mentor.origin);
}

// What a create or patch body sets on `cycle`: its mentor (on a patch, only when given), plan,
// targets and mentees. Wrong fields are collected in `problems`.
core::Status ApplyCycleInput(UnitOfWork& unit, Problems& problems, const CycleInput& input,
                             bool creating, const core::Date& today, LearningCycle& cycle) {
  if (creating || MentorGiven(input.mentor)) {
    if (auto mentor = CheckMentor(unit, problems, cycle.group_id, input.mentor)) {
      cycle.mentor_person_id = mentor->person_id;
      cycle.mentor_member_id = mentor->member_id;
      cycle.mentor_name = mentor->name;
      cycle.mentor_origin = mentor->origin;
    }
  }
  ApplyCyclePlan(unit, problems, input, creating, cycle);
  if (input.targets) GOTONG_RETURN_IF_ERROR(ApplyTargets(unit, problems, *input.targets, cycle));
  if (input.mentees) {
    GOTONG_RETURN_IF_ERROR(ApplyMentees(unit, problems, *input.mentees, today, cycle));
  }
  return core::OkStatus();
}

core::Result<std::optional<PlanDecision>> DecisionOf(UnitOfWork& unit, std::int64_t group_id,
                                                     const std::optional<std::int64_t>& deliberation_id) {
  if (!deliberation_id) return std::optional<PlanDecision>();
  GOTONG_ASSIGN_OR_RETURN(auto deliberation, unit.Deliberations().Find(group_id, *deliberation_id));
  PlanDecision decision;
  decision.deliberation_id = deliberation.id;
  decision.title = deliberation.title;
  decision.decided = deliberation.decided;
  decision.outcome = deliberation.outcome;
  if (deliberation.outcome == groups::Outcome::kAgreed && deliberation.option_id) {
    for (const auto& option : deliberation.options) {
      if (option.id != *deliberation.option_id) continue;
      decision.agreed_option = option.label;
      decision.agreed_targets = option.targets;
    }
  }
  return std::optional<PlanDecision>(std::move(decision));
}

// The decisions on a cycle's theme, schedule and venue, each when a proposal was linked.
struct PlanDecisions {
  std::optional<PlanDecision> theme, schedule, venue;
};

core::Result<PlanDecisions> DecisionsOf(UnitOfWork& unit, const LearningCycle& cycle) {
  PlanDecisions decisions;
  GOTONG_ASSIGN_OR_RETURN(decisions.theme, DecisionOf(unit, cycle.group_id, cycle.deliberation_id));
  GOTONG_ASSIGN_OR_RETURN(decisions.schedule, DecisionOf(unit, cycle.group_id, cycle.schedule_deliberation_id));
  GOTONG_ASSIGN_OR_RETURN(decisions.venue, DecisionOf(unit, cycle.group_id, cycle.venue_deliberation_id));
  return decisions;
}

// A linked proposal the group has not decided or did not agree on goes into `missing` under
// `field`; an agreed one sets `chosen` to the option the group agreed on.
void ApplyDecision(const std::optional<PlanDecision>& decision, const char* field, const char* what,
                   std::vector<core::FieldError>& missing, std::optional<std::string>& chosen) {
  if (!decision) return;
  if (!decision->decided) {
    missing.emplace_back(field, "not_held", "the group has not decided the proposal \"" + decision->title + "\" yet",
                         core::ErrorParams{{"title", decision->title}});
  } else if (decision->outcome != groups::Outcome::kAgreed) {
    missing.emplace_back(field, "not_agreed", std::string("the group did not agree on ") + what,
                         core::ErrorParams{{"title", decision->title}});
  } else if (decision->agreed_option) {
    chosen = decision->agreed_option;
  }
}

// What a cycle needs before it leaves planning: its theme, and its schedule and venue where a
// proposal chooses them, agreed by the group (the agreed options become the cycle's); targets and
// mentees.
core::Status ReadyToImplement(const PlanDecisions& decisions, LearningCycle& cycle) {
  std::vector<core::FieldError> missing;
  ApplyDecision(decisions.theme, "deliberation_id", "a theme", missing, cycle.theme);
  if (!cycle.theme && missing.empty()) missing.emplace_back("theme", "required", "choose the cycle's theme first");
  // The group chose what to learn with the theme: the agreed option's competencies are the targets.
  if (decisions.theme && missing.empty() && !decisions.theme->agreed_targets.empty()) {
    cycle.targets = decisions.theme->agreed_targets;
  }
  ApplyDecision(decisions.schedule, "schedule_deliberation_id", "the schedule", missing, cycle.time_allocation);
  ApplyDecision(decisions.venue, "venue_deliberation_id", "a venue", missing, cycle.venue);
  if (cycle.targets.empty()) {
    missing.emplace_back("targets", "required", "choose at least one target competency first");
  }
  if (cycle.mentees.empty()) missing.emplace_back("mentees", "required", "choose the cycle's mentees first");
  if (missing.empty()) return core::OkStatus();
  Error error{core::ErrorCode::kFailedPrecondition, missing.front().message, std::move(missing), std::nullopt, ""};
  return error;
}

core::Error MissingEvaluations(const Completion& completion) {
  Error error{core::ErrorCode::kFailedPrecondition,
              std::to_string(completion.missing.size()) + " evaluations are missing",
              {}, std::nullopt, ""};
  for (const auto& missing : completion.missing) {
    error.fields.emplace_back("evaluations", "missing_evaluation",
                              missing.person_name + " has no evaluation on " + missing.competency_name,
                              core::ErrorParams{{"member_id", std::to_string(missing.member_id)},
                                                {"member", missing.person_name},
                                                {"competency_id", std::to_string(missing.competency_id)},
                                                {"competency", missing.competency_name}});
  }
  return error;
}

audit::Snapshot SnapshotOf(const Evaluation& evaluation) {
  return {{"cycle_id", evaluation.cycle_id},
          {"member_id", evaluation.member_id},
          {"competency_id", evaluation.competency_id},
          {"achieved", evaluation.achieved},
          {"level", evaluation.level ? audit::Value(static_cast<std::int64_t>(*evaluation.level)) : audit::Value(nullptr)},
          {"notes", audit::Nullable(evaluation.notes)},
          {"evaluated_on", evaluation.evaluated_on.ToString()},
          {"on_request", evaluation.on_request}};
}

// Every mentorship of the groups, by mentee, in one read.
core::Result<std::multimap<std::int64_t, Mentorship>> MentorshipsByMentee(UnitOfWork& unit,
                                                                         const std::vector<std::int64_t>& group_ids) {
  std::multimap<std::int64_t, Mentorship> by_mentee;
  GOTONG_ASSIGN_OR_RETURN(auto found, unit.Mentorships().OfGroups(group_ids));
  for (auto& mentorship : found) by_mentee.emplace(mentorship.mentee_member_id, std::move(mentorship));
  return by_mentee;
}

// The origin a help request counts under: that of the mentee's mentorship on the day she reported
// it (the latest started when several ran), not that of whoever advised first. The comparison is
// between ways of being mentored (seed 000's members with a mentor from their own community
// against those taught by a consultant), and a request is often answered first by the leader or an
// officer standing in, whose advice carries no origin: the mentorship is a record with its origin
// and its period, the adviser is not. None when she had no mentor that day.
std::optional<MentorOrigin> OriginOn(const std::multimap<std::int64_t, Mentorship>& mentorships,
                                     std::int64_t mentee, const core::Date& day) {
  const Mentorship* latest = nullptr;
  auto [from, to] = mentorships.equal_range(mentee);
  for (auto it = from; it != to; ++it) {
    const Mentorship& m = it->second;
    if (!m.ActiveOn(day)) continue;
    if (!latest || latest->started_on < m.started_on || (latest->started_on == m.started_on && latest->id < m.id)) {
      latest = &m;
    }
  }
  if (!latest) return std::nullopt;
  return latest->origin;
}

// What the outcomes of some groups are computed from: their newest cycles with their counts and
// their newest help requests with the origin each counts under, in three reads however many groups
// (within the caps of one answer: dozens of cycles a group in years of learning, and a dozen
// requests a week in a busy group is 3,000 in five years).
struct OutcomeRecords {
  std::vector<CycleTally> cycles;   // newest first
  std::vector<HelpTiming> timings;  // newest first, each with its origin
};

core::Result<OutcomeRecords> ReadOutcomeRecords(UnitOfWork& unit, const std::vector<std::int64_t>& group_ids) {
  OutcomeRecords records;
  GOTONG_ASSIGN_OR_RETURN(records.cycles, unit.Cycles().Tallies(group_ids, kMaxOutcomeCycles));
  GOTONG_ASSIGN_OR_RETURN(records.timings, unit.HelpRequests().Timings(group_ids, kMaxOutcomeRequests));
  GOTONG_ASSIGN_OR_RETURN(auto mentorships, MentorshipsByMentee(unit, group_ids));
  for (auto& timing : records.timings) {
    timing.origin =
        OriginOn(mentorships, timing.member_id, core::DayInIndonesia(timing.created_at));
  }
  return records;
}

// Community mentors, then outside ones: each origin's cycles, and the requests of mentees whose
// mentorship that day had it (those of mentees without one count under neither).
std::vector<OriginOutcome> ByOrigin(const OutcomeRecords& records) {
  std::vector<OriginOutcome> sides(2);
  sides[0].origin = MentorOrigin::kCommunity;
  sides[1].origin = MentorOrigin::kExternal;
  auto index_of = [](MentorOrigin origin) -> std::size_t { return origin == MentorOrigin::kCommunity ? 0 : 1; };
  for (const auto& tally : records.cycles) sides[index_of(tally.cycle.mentor_origin)].Count(tally);
  std::array<std::vector<HelpTiming>, 2> timings;
  for (const auto& timing : records.timings) {
    if (timing.origin) timings[index_of(*timing.origin)].push_back(timing);
  }
  for (std::size_t side = 0; side < sides.size(); ++side) sides[side].help = HelpOutcomeOf(timings[side]);
  return sides;
}

}  // namespace

void OutcomeFigures::Count(const CycleTally& tally) {
  ++cycles;
  present += tally.present;
  recorded += tally.recorded;
  if (tally.cycle.status == CycleStatus::kClosed) {
    ++closed;
    achieved += tally.achieved;
    targets += tally.targets;
  }
}

bool Guides(const Caller& caller) {
  if (caller.Overseer()) return true;
  return caller.member && (caller.member->role == groups::MemberRole::kLeader || caller.member->mentor);
}

core::Status MayGuide(const Caller& caller, const groups::Group& group, std::string_view what) {
  if (group.status == groups::GroupStatus::kDissolved) return groups::Dissolved();
  if (!Guides(caller)) {
    return Error::Denied("only the group's leader, its mentors and those who oversee it " + std::string(what));
  }
  return core::OkStatus();
}

audit::Snapshot SnapshotOf(const Mentorship& mentorship) {
  return {{"group_id", mentorship.group_id},
          {"mentor_person_id", mentorship.mentor_person_id},
          {"mentor_member_id", audit::Nullable(mentorship.mentor_member_id)},
          {"mentee_member_id", mentorship.mentee_member_id},
          {"origin", std::string(ToString(mentorship.origin))},
          {"started_on", mentorship.started_on.ToString()},
          {"ended_on", audit::Nullable(mentorship.ended_on)},
          {"note", audit::Nullable(mentorship.note)}};
}

audit::Snapshot SnapshotOf(const LearningCycle& cycle) {
  audit::Snapshot snapshot{{"group_id", cycle.group_id},
                           {"title", cycle.title},
                           {"theme", audit::Nullable(cycle.theme)},
                           {"deliberation_id", audit::Nullable(cycle.deliberation_id)},
                           {"schedule_deliberation_id", audit::Nullable(cycle.schedule_deliberation_id)},
                           {"venue_deliberation_id", audit::Nullable(cycle.venue_deliberation_id)},
                           {"status", std::string(ToString(cycle.status))},
                           {"mentor_person_id", cycle.mentor_person_id},
                           {"mentor_origin", std::string(ToString(cycle.mentor_origin))},
                           {"venue", audit::Nullable(cycle.venue)},
                           {"host_member_id", audit::Nullable(cycle.host_member_id)},
                           {"time_allocation", audit::Nullable(cycle.time_allocation)},
                           {"facilities", audit::Nullable(cycle.facilities)},
                           {"planned_from", audit::Nullable(cycle.planned_from)},
                           {"planned_to", audit::Nullable(cycle.planned_to)}};
  std::string targets, mentees;
  for (const auto& target : cycle.targets) {
    targets += (targets.empty() ? "" : ",") + target.code + ":" + std::to_string(target.level);
  }
  for (const auto& mentee : cycle.mentees) {
    mentees += (mentees.empty() ? "" : ",") + std::to_string(mentee.member_id);
  }
  snapshot.emplace_back("targets", targets);
  snapshot.emplace_back("mentees", mentees);
  return snapshot;
}

// ---- mentorships --------------------------------------------------------------------------

core::Result<core::Page<Mentorship>> MentorshipService::List(const Context& context, const MentorshipQuery& query) {
  if (!query.group_id) return Error::Invalid("group_id", "required", "group_id is required");
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, *query.group_id));
  MentorshipFilter filter;
  filter.group_id = *query.group_id;
  filter.mentor_person_id = query.mentor_person_id;
  filter.mentee_member_id = query.mentee_member_id;
  if (query.active_only) filter.active_on = Today();
  return unit->Mentorships().List(filter, query.page);
}

core::Result<Mentorship> MentorshipService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto mentorship, unit->Mentorships().Find(id));
  GOTONG_RETURN_IF_ERROR(groups::OpenGroup(context, *unit, mentorship.group_id, Today()));
  return mentorship;
}

core::Result<Mentorship> MentorshipService::Create(const Context& context, const MentorshipInput& input) {
  if (!IsSet(input.group_id)) return Error::Invalid("group_id", "required", "group_id is required");
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, **input.group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  GOTONG_RETURN_IF_ERROR(MayGuide(caller, group, kPlan));
  Problems problems;
  Mentorship mentorship;
  mentorship.group_id = group.id;
  auto mentor = CheckMentor(*unit, problems, group.id, input.mentor);
  ApplyDate(problems, input.started_on, true, "started_on", mentorship.started_on);
  ApplyOptionalDate(problems, input.ended_on, "ended_on", mentorship.ended_on);
  ApplyOptionalText(problems, input.note, "note", kMaxText, mentorship.note);
  if (!IsSet(input.mentee_member_id)) {
    problems.Add("mentee_member_id", "required", "mentee_member_id is required");
  } else if (auto mentee = unit->Groups().FindMember(group.id, **input.mentee_member_id); !mentee.ok()) {
    problems.Add("mentee_member_id", "not_member",
                 "member " + std::to_string(**input.mentee_member_id) + " is not in this group");
  } else {
    mentorship.mentee_member_id = mentee->id;
    mentorship.mentee_name = mentee->person_name;
    if (mentor && mentor->person_id == mentee->person_id) {
      problems.Add("mentee_member_id", "same_person", mentee->person_name + " cannot mentor herself");
    }
  }
  if (mentor) {
    mentorship.mentor_person_id = mentor->person_id;
    mentorship.mentor_member_id = mentor->member_id;
    mentorship.mentor_name = mentor->name;
    mentorship.origin = mentor->origin;
  }
  if (mentorship.ended_on && *mentorship.ended_on < mentorship.started_on) {
    problems.Add("ended_on", "after_to", "ended_on comes after started_on");
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(bool overlaps, unit->Mentorships().Overlaps(mentorship, 0));
  if (overlaps) {
    return Error::Exists("mentee_member_id", mentorship.mentor_name + " already mentors " + mentorship.mentee_name +
                                                 " in that period");
  }
  mentorship.created_at = mentorship.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(mentorship.id, unit->Mentorships().Insert(mentorship));
  GOTONG_RETURN_IF_ERROR(trail.Record("mentorship", mentorship.id, "create", std::nullopt, SnapshotOf(mentorship)));
  return write.Commit(std::move(mentorship));
}

core::Result<Mentorship> MentorshipService::Update(const Context& context, std::int64_t id,
                                                   const MentorshipInput& input) {
  Problems problems;
  // Who mentors whom is what the record is: a different pair is a new mentorship.
  if (Given(input.group_id)) problems.Add("group_id", "immutable", "a mentorship stays in its group");
  if (Given(input.mentor.mentor_member_id) || Given(input.mentor.mentor_person_id) || Given(input.mentor.origin)) {
    problems.Add("mentor_member_id", "immutable", "a mentorship keeps its mentor; end it and start another");
  }
  if (Given(input.mentee_member_id)) {
    problems.Add("mentee_member_id", "immutable", "a mentorship keeps its mentee; end it and start another");
  }
  std::int64_t group_id = 0;
  {
    GOTONG_ASSIGN_OR_RETURN(auto read, database_.Begin(Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(auto found, read->Mentorships().Find(id));
    group_id = found.group_id;
  }
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  GOTONG_RETURN_IF_ERROR(MayGuide(caller, group, kPlan));
  GOTONG_ASSIGN_OR_RETURN(auto mentorship, unit->Mentorships().Find(id));
  auto before = SnapshotOf(mentorship);
  ApplyDate(problems, input.started_on, false, "started_on", mentorship.started_on);
  ApplyOptionalDate(problems, input.ended_on, "ended_on", mentorship.ended_on);
  ApplyOptionalText(problems, input.note, "note", kMaxText, mentorship.note);
  if (mentorship.ended_on && *mentorship.ended_on < mentorship.started_on) {
    problems.Add("ended_on", "after_to", "ended_on comes after started_on");
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(bool overlaps, unit->Mentorships().Overlaps(mentorship, mentorship.id));
  if (overlaps) {
    return Error::Exists("started_on", mentorship.mentor_name + " already mentors " + mentorship.mentee_name +
                                           " in that period");
  }
  mentorship.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Mentorships().Update(mentorship));
  GOTONG_RETURN_IF_ERROR(trail.Record("mentorship", mentorship.id, "update", before, SnapshotOf(mentorship)));
  return write.Commit(std::move(mentorship));
}

// ---- learning cycles ----------------------------------------------------------------------

core::Result<CycleView> CycleService::ViewOf(UnitOfWork& unit, const LearningCycle& cycle,
                                             const Caller& caller) const {
  CycleView view;
  view.cycle = cycle;
  GOTONG_ASSIGN_OR_RETURN(auto decisions, DecisionsOf(unit, cycle));
  view.decision = std::move(decisions.theme);
  view.schedule_decision = std::move(decisions.schedule);
  view.venue_decision = std::move(decisions.venue);
  GOTONG_ASSIGN_OR_RETURN(view.sessions, unit.Cycles().Sessions(cycle.id));
  GOTONG_ASSIGN_OR_RETURN(view.evaluations, unit.Cycles().Evaluations(cycle.id));
  view.completion = CompletionOf(cycle, view.evaluations);
  view.can_guide = Guides(caller);
  return view;
}

core::Result<core::Page<CycleSummary>> CycleService::List(const Context& context, const CycleQuery& query) {
  if (!query.group_id) return Error::Invalid("group_id", "required", "group_id is required");
  CycleFilter filter;
  filter.group_id = *query.group_id;
  if (query.status) {
    filter.status = ParseCycleStatus(*query.status);
    if (!filter.status) {
      return Error::Invalid("status", "invalid_value", "status is planning, implementation, evaluation or closed");
    }
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, *query.group_id));
  GOTONG_ASSIGN_OR_RETURN(auto cycles, unit->Cycles().List(filter, query.page));
  std::vector<std::int64_t> ids;
  for (const auto& cycle : cycles.items) ids.push_back(cycle.id);
  GOTONG_ASSIGN_OR_RETURN(auto tallies, unit->Cycles().TalliesOf(ids));
  std::map<std::int64_t, const CycleTally*> tally_of;
  for (const auto& tally : tallies) tally_of[tally.cycle.id] = &tally;
  core::Page<CycleSummary> page;
  page.total = cycles.total;
  page.limit = cycles.limit;
  page.offset = cycles.offset;
  for (auto& cycle : cycles.items) {
    CycleSummary summary;
    // A cycle deleted between the two reads cannot be: they share one transaction.
    const CycleTally& tally = *tally_of.at(cycle.id);
    summary.achieved = tally.achieved;
    summary.targets = tally.targets;
    summary.evaluated = tally.evaluated;
    summary.sessions = tally.sessions;
    summary.cycle = std::move(cycle);
    page.items.push_back(std::move(summary));
  }
  return page;
}

core::Result<LearningOutcomes> CycleService::Outcomes(const Context& context, std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  GOTONG_ASSIGN_OR_RETURN(auto records, ReadOutcomeRecords(*unit, {group_id}));
  LearningOutcomes outcomes;
  outcomes.by_origin = ByOrigin(records);
  outcomes.help = HelpOutcomeOf(records.timings);
  outcomes.cycles = std::move(records.cycles);
  return outcomes;
}

core::Result<ProgrammeOutcomes> CycleService::OutcomesOfProgramme(const Context& context,
                                                                  std::int64_t programme_id) {
  auto none = [programme_id] {
    return Error::NotFound("no programme " + std::to_string(programme_id) + " with a group you reach");
  };
  // The programme's groups within the caller's reach: a facilitator of another programme reaches
  // none of them, an account scoped to a group at most that group, while it acts in it.
  GOTONG_ASSIGN_OR_RETURN(auto filter, groups::ReachFilter(context));
  if (filter.programme_id && *filter.programme_id != programme_id) return none();
  filter.programme_id = programme_id;
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(bool acts, groups::ActsInItsGroup(context, *unit, Today()));
  if (!acts) return none();
  GOTONG_ASSIGN_OR_RETURN(auto found, unit->Groups().List(filter, {static_cast<int>(kMaxProgrammeGroups), 0}));
  if (found.items.empty()) return none();

  ProgrammeOutcomes outcomes;
  outcomes.programme_id = programme_id;
  outcomes.groups_total = found.total;
  std::vector<std::int64_t> group_ids;
  std::map<std::int64_t, std::size_t> row_of;
  for (const auto& group : found.items) {
    row_of.emplace(group.id, outcomes.groups.size());
    group_ids.push_back(group.id);
    GroupOutcome row;
    row.group_id = group.id;
    row.name = group.name;
    outcomes.groups.push_back(std::move(row));
  }
  GOTONG_ASSIGN_OR_RETURN(auto records, ReadOutcomeRecords(*unit, group_ids));
  for (const auto& tally : records.cycles) {
    outcomes.groups[row_of.at(tally.cycle.group_id)].Count(tally);
    outcomes.totals.Count(tally);
  }
  std::vector<std::vector<HelpTiming>> timings_of(outcomes.groups.size());
  for (const auto& timing : records.timings) timings_of[row_of.at(timing.group_id)].push_back(timing);
  for (std::size_t row = 0; row < outcomes.groups.size(); ++row) {
    outcomes.groups[row].help = HelpOutcomeOf(timings_of[row]);
  }
  outcomes.totals.help = HelpOutcomeOf(records.timings);
  outcomes.by_origin = ByOrigin(records);
  return outcomes;
}

core::Result<CycleView> CycleService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto cycle, unit->Cycles().Find(id));
  GOTONG_ASSIGN_OR_RETURN(auto opened, groups::OpenGroup(context, *unit, cycle.group_id, Today()));
  return ViewOf(*unit, cycle, opened.second);
}

core::Result<std::pair<GroupWrite, LearningCycle>> CycleService::BeginCycleWrite(const Context& context,
                                                                                 std::int64_t id) const {
  std::int64_t group_id = 0;
  {
    GOTONG_ASSIGN_OR_RETURN(auto read, database_.Begin(Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(auto found, read->Cycles().Find(id));
    group_id = found.group_id;
  }
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  GOTONG_RETURN_IF_ERROR(MayGuide(write.caller, write.group, kPlan));
  GOTONG_ASSIGN_OR_RETURN(auto cycle, write.unit->Cycles().Find(id));
  return std::make_pair(std::move(write), std::move(cycle));
}

core::Result<CycleView> CycleService::Create(const Context& context, const CycleInput& input) {
  if (!IsSet(input.group_id)) return Error::Invalid("group_id", "required", "group_id is required");
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, **input.group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  GOTONG_RETURN_IF_ERROR(MayGuide(caller, group, kPlan));
  Problems problems;
  LearningCycle cycle;
  cycle.group_id = group.id;
  cycle.status_since = Today();
  GOTONG_RETURN_IF_ERROR(ApplyCycleInput(*unit, problems, input, true, Today(), cycle));
  if (!problems.empty()) return problems.ToError();
  cycle.created_at = cycle.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(cycle.id, unit->Cycles().Insert(cycle));
  GOTONG_RETURN_IF_ERROR(trail.Record("learning_cycle", cycle.id, "create", std::nullopt, SnapshotOf(cycle)));
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Cycles().Find(cycle.id));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, stored, caller));
  return write.Commit(std::move(view));
}

core::Result<CycleView> CycleService::Update(const Context& context, std::int64_t id, const CycleInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, BeginCycleWrite(context, id));
  auto& [write, cycle] = opened;
  auto& [unit, group, caller, trail] = write;
  Problems problems;
  if (Given(input.group_id)) problems.Add("group_id", "immutable", "a cycle stays in its group");
  if (cycle.status == CycleStatus::kClosed) {
    return Precondition("status", "closed", "the cycle is closed; its record stays as it was");
  }
  if (cycle.status != CycleStatus::kPlanning) {
    // Under way, what the group planned stays; the practical details may still change.
    for (const auto& [given, field] :
         {std::pair{Given(input.title), "title"},
          {Given(input.theme), "theme"},
          {Given(input.deliberation_id), "deliberation_id"},
          {Given(input.schedule_deliberation_id), "schedule_deliberation_id"},
          {Given(input.venue_deliberation_id), "venue_deliberation_id"},
          {input.targets.has_value(), "targets"},
          {input.mentees.has_value(), "mentees"},
          {MentorGiven(input.mentor), "mentor_member_id"}}) {
      if (given) {
        problems.Add(field, "not_allowed",
                     std::string(field) + " is set while the cycle is planned; this one is " +
                         std::string(ToString(cycle.status)));
      }
    }
  }
  auto before = SnapshotOf(cycle);
  GOTONG_RETURN_IF_ERROR(ApplyCycleInput(*unit, problems, input, false, Today(), cycle));
  if (!problems.empty()) return problems.ToError();
  cycle.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Cycles().Update(cycle));
  if (input.targets || input.mentees) GOTONG_RETURN_IF_ERROR(unit->Cycles().ReplacePlan(cycle));
  GOTONG_RETURN_IF_ERROR(trail.Record("learning_cycle", cycle.id, "update", before, SnapshotOf(cycle)));
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Cycles().Find(cycle.id));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, stored, caller));
  return write.Commit(std::move(view));
}

core::Result<CycleView> CycleService::Transition(const Context& context, std::int64_t id,
                                                 const Field<std::string>& to) {
  if (!IsSet(to)) return Error::Invalid("to", "required", "to is the state the cycle moves to");
  auto target = ParseCycleStatus(**to);
  if (!target) return Error::Invalid("to", "invalid_value", "to is implementation, evaluation or closed");
  GOTONG_ASSIGN_OR_RETURN(auto opened, BeginCycleWrite(context, id));
  auto& [write, cycle] = opened;
  auto& [unit, group, caller, trail] = write;
  if (NextStatus(cycle.status) != target) {
    Error error = Precondition("to", "invalid_transition",
                               "a cycle in " + std::string(ToString(cycle.status)) + " does not move to " +
                                   std::string(ToString(*target)));
    error.fields.front().params = {{"from", std::string(ToString(cycle.status))}, {"to", std::string(ToString(*target))}};
    return error;
  }
  auto before = SnapshotOf(cycle);
  switch (*target) {
    case CycleStatus::kImplementation: {
      GOTONG_ASSIGN_OR_RETURN(auto decisions, DecisionsOf(*unit, cycle));
      GOTONG_RETURN_IF_ERROR(ReadyToImplement(decisions, cycle));
      if (decisions.theme && !decisions.theme->agreed_targets.empty()) {
        GOTONG_RETURN_IF_ERROR(unit->Cycles().ReplacePlan(cycle));
      }
      break;
    }
    case CycleStatus::kEvaluation: {
      GOTONG_ASSIGN_OR_RETURN(auto sessions, unit->Cycles().Sessions(cycle.id));
      if (sessions.empty()) {
        return Precondition("sessions", "required", "hold at least one learning session before the evaluation");
      }
      break;
    }
    case CycleStatus::kClosed: {
      GOTONG_ASSIGN_OR_RETURN(auto evaluations, unit->Cycles().Evaluations(cycle.id));
      auto completion = CompletionOf(cycle, evaluations);
      if (!completion.missing.empty()) return MissingEvaluations(completion);
      break;
    }
    case CycleStatus::kPlanning: break;
  }
  cycle.status = *target;
  cycle.status_since = Today();
  cycle.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Cycles().Update(cycle));
  GOTONG_RETURN_IF_ERROR(trail.Record("learning_cycle", cycle.id, "transition", before, SnapshotOf(cycle)));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, cycle, caller));
  return write.Commit(std::move(view));
}

core::Result<CycleView> CycleService::AddSession(const Context& context, std::int64_t id, const SessionInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, BeginCycleWrite(context, id));
  auto& [write, cycle] = opened;
  auto& [unit, group, caller, trail] = write;
  if (cycle.status != CycleStatus::kImplementation) {
    return Precondition("status", "not_allowed",
                        "sessions are held while the cycle is under way; this one is " +
                            std::string(ToString(cycle.status)));
  }
  Problems problems;
  groups::Meeting meeting;
  meeting.group_id = group.id;
  // The cycle's venue and host unless the session says otherwise.
  meeting.venue = cycle.venue;
  meeting.host_member_id = cycle.host_member_id;
  meeting.agenda = "Belajar: " + cycle.theme.value_or(cycle.title);
  groups::ApplyMeeting(*unit, problems, input.meeting, meeting, Today());
  if (meeting.status != groups::MeetingStatus::kHeld && problems.empty()) {
    problems.Add("status", "not_held", "a session is recorded once it was held");
  }
  CycleSession session;
  ApplyRequiredText(problems, input.practice, true, "practice", kMaxText, session.practice);
  std::vector<groups::Attendance> attendance;
  if (input.attendance) {
    GOTONG_ASSIGN_OR_RETURN(attendance, groups::CheckAttendance(*unit, problems, group.id, meeting.held_on,
                                                                *input.attendance));
  }
  if (!problems.empty()) return problems.ToError();
  meeting.created_at = meeting.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(meeting.id, unit->Meetings().Insert(meeting));
  GOTONG_RETURN_IF_ERROR(unit->Meetings().ReplaceAttendance(meeting.id, attendance));
  GOTONG_RETURN_IF_ERROR(trail.Record("meeting", meeting.id, "create", std::nullopt, groups::SnapshotOf(meeting)));
  session.cycle_id = cycle.id;
  session.meeting_id = meeting.id;
  session.created_at = meeting.created_at;
  GOTONG_ASSIGN_OR_RETURN(session.id, unit->Cycles().InsertSession(session));
  GOTONG_RETURN_IF_ERROR(trail.Record("cycle_session", session.id, "create", std::nullopt,
                                      audit::Snapshot{{"cycle_id", cycle.id},
                                                      {"meeting_id", meeting.id},
                                                      {"practice", session.practice},
                                                      {"attendance", static_cast<std::int64_t>(attendance.size())}}));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, cycle, caller));
  return write.Commit(std::move(view));
}

core::Result<CycleView> CycleService::AddEvaluation(const Context& context, std::int64_t id,
                                                    const EvaluationInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, BeginCycleWrite(context, id));
  auto& [write, cycle] = opened;
  auto& [unit, group, caller, trail] = write;
  Evaluation evaluation;
  evaluation.cycle_id = cycle.id;
  evaluation.on_request = IsSet(input.on_request) && **input.on_request;
  bool open = cycle.status == CycleStatus::kEvaluation ||
              (cycle.status == CycleStatus::kImplementation && evaluation.on_request);
  if (!open) {
    return Precondition("status", "not_allowed",
                        cycle.status == CycleStatus::kImplementation
                            ? "while the cycle is under way a mentee is evaluated only when she asks (on_request)"
                            : "evaluations are recorded during the cycle's evaluation; this one is " +
                                  std::string(ToString(cycle.status)));
  }
  Problems problems;
  if (!IsSet(input.member_id)) {
    problems.Add("member_id", "required", "member_id is required");
  } else {
    auto mentee = std::find_if(cycle.mentees.begin(), cycle.mentees.end(),
                               [&](const CycleMentee& m) { return m.member_id == **input.member_id; });
    if (mentee == cycle.mentees.end()) {
      problems.Add("member_id", "not_mentee", "member " + std::to_string(**input.member_id) + " is not a mentee of this cycle");
    } else {
      evaluation.member_id = mentee->member_id;
      evaluation.person_name = mentee->person_name;
    }
  }
  if (!IsSet(input.competency_id)) {
    problems.Add("competency_id", "required", "competency_id is required");
  } else if (std::none_of(cycle.targets.begin(), cycle.targets.end(),
                          [&](const CompetencyTarget& t) {
                            return t.competency_id == **input.competency_id;
                          })) {
    problems.Add("competency_id", "not_target",
                 "competency " + std::to_string(**input.competency_id) + " is not a target of this cycle");
  } else {
    evaluation.competency_id = **input.competency_id;
  }
  if (!IsSet(input.achieved)) {
    problems.Add("achieved", "required", "achieved is true or false");
  } else {
    evaluation.achieved = **input.achieved;
  }
  if (IsSet(input.level)) {
    if (**input.level < kBasicLevel || **input.level > kMasterLevel) {
      problems.Add("level", "out_of_range", "level is 1, 2 or 3");
    } else {
      evaluation.level = static_cast<int>(**input.level);
    }
  } else if (evaluation.achieved) {
    problems.Add("level", "required", "say the level she reached");
  }
  ApplyOptionalText(problems, input.notes, "notes", kMaxText, evaluation.notes);
  evaluation.evaluated_on = Today();
  if (IsSet(input.evaluated_on)) {
    if (auto day = groups::PastDate(problems, "evaluated_on", **input.evaluated_on, Today())) evaluation.evaluated_on = *day;
  }
  if (!problems.empty()) return problems.ToError();
  evaluation.evaluated_by = context.UserId();
  evaluation.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(evaluation.id, unit->Cycles().InsertEvaluation(evaluation));
  GOTONG_RETURN_IF_ERROR(trail.Record("evaluation", evaluation.id, "create", std::nullopt, SnapshotOf(evaluation)));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, cycle, caller));
  return write.Commit(std::move(view));
}

core::Result<CycleView> CycleService::CorrectEvaluation(const Context& context, std::int64_t id,
                                                        std::int64_t evaluation_id, const EvaluationInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, BeginCycleWrite(context, id));
  auto& [write, cycle] = opened;
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto evaluations, unit->Cycles().Evaluations(cycle.id));
  auto found = std::find_if(evaluations.begin(), evaluations.end(),
                            [&](const Evaluation& e) { return e.id == evaluation_id; });
  if (found == evaluations.end()) {
    return Error::NotFound("no evaluation " + std::to_string(evaluation_id) + " in this learning cycle");
  }
  if (cycle.status == CycleStatus::kClosed) {
    return Precondition("status", "closed", "the cycle is closed; its evaluations stay as they were");
  }
  Evaluation evaluation = *found;
  Problems problems;
  for (const auto& [given, field] : {std::pair{Given(input.member_id), "member_id"},
                                     {Given(input.competency_id), "competency_id"},
                                     {Given(input.on_request), "on_request"}}) {
    if (given) problems.Add(field, "immutable", std::string(field) + " stays: evaluate the other one instead");
  }
  if (Given(input.achieved)) {
    if (!IsSet(input.achieved)) {
      problems.Add("achieved", "required", "achieved is true or false");
    } else {
      evaluation.achieved = **input.achieved;
    }
  }
  if (Given(input.level)) {
    if (!IsSet(input.level)) {
      evaluation.level.reset();
    } else if (**input.level < kBasicLevel || **input.level > kMasterLevel) {
      problems.Add("level", "out_of_range", "level is 1, 2 or 3");
    } else {
      evaluation.level = static_cast<int>(**input.level);
    }
  }
  if (evaluation.achieved && !evaluation.level && !IsSet(input.level)) {  // (an out-of-range one is said above)
    problems.Add("level", "required", "say the level she reached");
  }
  ApplyOptionalText(problems, input.notes, "notes", kMaxText, evaluation.notes);
  if (IsSet(input.evaluated_on)) {
    if (auto day = groups::PastDate(problems, "evaluated_on", **input.evaluated_on, Today())) evaluation.evaluated_on = *day;
  } else if (Given(input.evaluated_on)) {
    problems.Add("evaluated_on", "required", "an evaluation keeps its day");
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_RETURN_IF_ERROR(unit->Cycles().UpdateEvaluation(evaluation));
  GOTONG_RETURN_IF_ERROR(
      trail.Record("evaluation", evaluation.id, "update", SnapshotOf(*found), SnapshotOf(evaluation)));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, cycle, caller));
  return write.Commit(std::move(view));
}

}  // namespace gotong::domain::mentoring
