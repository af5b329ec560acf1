#include "domain/programmes/exit_service.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "domain/groups/group_access.hpp"
#include "domain/mentoring/cycle_service.hpp"
#include "domain/programmes/programme_reach.hpp"
#include "domain/service.hpp"

namespace gotong::domain::programmes {
namespace {

// The most groups the dashboard and the follow-up counts read of one programme.
constexpr int kMaxDashboardGroups = 10000;

// The group an account scoped to a group acts for; none for every other caller.
std::optional<std::int64_t> OwnGroup(const Context& context) {
  if (context.principal && context.principal->scope && context.principal->scope->kind == ScopeKind::kGroup) {
    return context.principal->scope->id;
  }
  return std::nullopt;
}

Error NoGroup(std::int64_t group_id) {
  return Error::NotFound("no group " + std::to_string(group_id) + " enrolled in this programme");
}

// A programme the caller reads, and what she may do with it.
struct Opened {
  Programme programme;
  ProgrammeReach reach;
  std::optional<std::int64_t> own_group;  // an enrolled group's account: only its own group
};

core::Result<Opened> Open(const Context& context, UnitOfWork& unit, std::int64_t programme_id, const core::Date& today) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, unit, programme_id, today));
  Opened result{std::move(opened.first), opened.second, std::nullopt};
  if (!result.reach.manage) result.own_group = OwnGroup(context);
  return result;
}

// The group's current enrolment in the programme, when the caller may see it.
core::Result<Enrolment> EnrolmentOfGroup(UnitOfWork& unit, const Opened& opened, std::int64_t group_id) {
  if (opened.own_group && *opened.own_group != group_id) return NoGroup(group_id);
  GOTONG_ASSIGN_OR_RETURN(auto found, unit.Exits().GroupEnrolments(opened.programme.id, group_id, {1, 0}));
  if (found.items.empty()) return NoGroup(group_id);
  return unit.Enrolments().Find(found.items.front().enrolment_id);
}

// Those who manage the programme and the group's own facilitator write its exit and visits.
core::Status MayWrite(const Context& context, const Opened& opened, const Enrolment& enrolment) {
  if (opened.reach.manage) return core::OkStatus();
  if (context.principal && context.principal->role == Role::kFacilitator && enrolment.facilitator_id &&
      *enrolment.facilitator_id == context.principal->user_id) {
    return core::OkStatus();
  }
  return Error::Denied("only an admin, an officer of the programme's owner or the group's facilitator may do this");
}

bool MayWriteQuietly(const Context& context, const Opened& opened, const Enrolment& enrolment) {
  return MayWrite(context, opened, enrolment).ok();
}

audit::Snapshot ChecklistSnapshot(const Nomination& n) {
  audit::Snapshot snapshot;
  for (auto item : kReadinessItems) {
    const auto& check = n.Check(item);
    const std::string name(ToString(item));
    snapshot.emplace_back(name, check.met);
    snapshot.emplace_back(name + "_evidence", audit::Nullable(check.evidence));
    snapshot.emplace_back(name + "_checked_on", audit::Nullable(check.checked_on));
  }
  return snapshot;
}

core::Result<ExitView> ViewOf(UnitOfWork& unit, const Context& context, const Opened& opened,
                              const Enrolment& enrolment, const core::Date& today) {
  ExitView view;
  view.enrolment = enrolment;
  view.group_name = enrolment.recipient_name;
  GOTONG_ASSIGN_OR_RETURN(view.current, unit.Exits().CurrentNomination(enrolment.id));
  view.status = StatusOf(view.current);
  if (view.current) {
    const groups::Month month = groups::Month::Of(today);
    GOTONG_ASSIGN_OR_RETURN(
        view.record, unit.Exits().HeroRecordOf(*enrolment.group_id, view.current->member_id,
                                               groups::MonthsBefore(month, kHeroRecordMonths - 1).FirstDay(), today));
  }
  GOTONG_ASSIGN_OR_RETURN(auto all, unit.Exits().Nominations(enrolment.id, kMaxNominationHistory + 1));
  for (auto& nomination : all) {
    if (nomination.replaced_at) view.history.push_back(std::move(nomination));
  }
  view.can_manage = MayWriteQuietly(context, opened, enrolment);
  return view;
}

// A writing unit on one enrolled group's exit for one who may write it.
struct ExitWrite {
  std::unique_ptr<UnitOfWork> unit;
  Opened opened;
  Enrolment enrolment;
};

core::Result<ExitWrite> BeginExitWrite(Database& database, const Context& context, std::int64_t programme_id,
                                       std::int64_t group_id, const core::Date& today) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, *unit, programme_id, today));
  GOTONG_ASSIGN_OR_RETURN(auto enrolment, EnrolmentOfGroup(*unit, opened, group_id));
  GOTONG_RETURN_IF_ERROR(MayWrite(context, opened, enrolment));
  return ExitWrite{std::move(unit), std::move(opened), std::move(enrolment)};
}

// A date field that defaults to today and may not lie after it.
core::Date DayOr(Problems& problems, const form::Field<std::string>& input, const std::string& field,
                 const core::Date& today) {
  core::Date day = today;
  groups::ApplyPastDate(problems, input, field, today, day);
  return day;
}

void ApplyCheck(Problems& problems, const CheckInput& input, const std::string& name, const core::Date& today,
                ReadinessCheck& check) {
  if (Given(input.met)) {
    if (!IsSet(input.met)) {
      problems.Add(name + ".met", "required", "met is true or false");
    } else {
      check.met = **input.met;
    }
  }
  form::ApplyOptionalText(problems, input.evidence, name + ".evidence", kMaxEvidence, check.evidence);
  check.checked_on = DayOr(problems, input.checked_on, name + ".checked_on", today);
  if (check.met && !check.evidence) {
    problems.Add(name + ".evidence", "required", "say what shows it is met");
  }
}

// The group's current nomination while coaching is not yet handed over: not_nominated without one,
// handed_over (the day, then `after`) once it is.
core::Result<Nomination> NominationBeforeHandOver(UnitOfWork& unit, const Enrolment& enrolment,
                                                                 const std::string& after) {
  GOTONG_ASSIGN_OR_RETURN(auto current, unit.Exits().CurrentNomination(enrolment.id));
  if (!current) return groups::Precondition("member_id", "not_nominated", "nominate the group's local hero first");
  if (current->handed_over_on) {
    return groups::Precondition("handed_over_on", "handed_over",
                                "coaching was handed over on " + current->handed_over_on->ToString() + after);
  }
  return *std::move(current);
}

}  // namespace

audit::Snapshot SnapshotOf(const Nomination& n) {
  audit::Snapshot snapshot{{"enrolment_id", n.enrolment_id},
                           {"programme_id", n.programme_id},
                           {"group_id", n.group_id},
                           {"member_id", n.member_id},
                           {"nominated_on", n.nominated_on.ToString()},
                           {"note", audit::Nullable(n.note)}};
  for (auto& field : ChecklistSnapshot(n)) snapshot.push_back(std::move(field));
  snapshot.emplace_back("handed_over_on", audit::Nullable(n.handed_over_on));
  snapshot.emplace_back("handed_over_by", audit::Nullable(n.handed_over_by));
  snapshot.emplace_back("hand_over_note", audit::Nullable(n.hand_over_note));
  snapshot.emplace_back("replaced", n.replaced_at.has_value());
  return snapshot;
}

audit::Snapshot SnapshotOf(const FollowUp& f) {
  return {{"enrolment_id", f.enrolment_id},
          {"programme_id", f.programme_id},
          {"group_id", f.group_id},
          {"follow_up_month", f.follow_up_month ? audit::Value(std::int64_t{*f.follow_up_month}) : audit::Value(nullptr)},
          {"visited_on", f.visited_on.ToString()},
          {"status", std::string(ToString(f.status))},
          {"active_members", f.active_members},
          {"meets_sop", f.meets_sop},
          {"hero_coaching", f.hero_coaching ? audit::Value(*f.hero_coaching) : audit::Value(nullptr)},
          {"note", audit::Nullable(f.note)}};
}

core::Date ExitService::Today() const { return core::DayInIndonesia(clock_.Now()); }

// ---- exit ---------------------------------------------------------------------------------------

core::Result<core::Page<ExitSummary>> ExitService::List(const Context& context, std::int64_t programme_id,
                                                        const std::optional<std::string>& status,
                                                        const core::PageRequest& page) {
  std::optional<ExitStatus> wanted;
  if (status) {
    wanted = ParseExitStatus(*status);
    if (!wanted) return Error::Invalid("status", "invalid_value", "status is none, nominated, ready or handed_over");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, *unit, programme_id, Today()));
  core::Page<ExitSummary> result{{}, 0, page.limit, page.offset};
  // With a status, every enrolled group is read and the page cut from those that match.
  const core::PageRequest read = wanted ? core::PageRequest{kMaxDashboardGroups, 0} : page;
  GOTONG_ASSIGN_OR_RETURN(auto groups, unit->Exits().GroupEnrolments(programme_id, opened.own_group, read));
  std::vector<std::int64_t> ids;
  for (const auto& g : groups.items) ids.push_back(g.enrolment_id);
  GOTONG_ASSIGN_OR_RETURN(auto current, unit->Exits().CurrentNominations(programme_id, ids));
  std::map<std::int64_t, Nomination> by_enrolment;
  for (auto& n : current) by_enrolment.emplace(n.enrolment_id, std::move(n));
  std::vector<std::pair<std::int64_t, std::optional<Nomination>>> rows;
  for (const auto& g : groups.items) {
    std::optional<Nomination> nomination;
    if (auto found = by_enrolment.find(g.enrolment_id); found != by_enrolment.end()) nomination = found->second;
    if (wanted && StatusOf(nomination) != *wanted) continue;
    rows.emplace_back(g.enrolment_id, std::move(nomination));
  }
  std::size_t first = 0, last = rows.size();
  if (wanted) {
    result.total = static_cast<std::int64_t>(rows.size());
    first = static_cast<std::size_t>(std::min<std::int64_t>(page.offset, result.total));
    last = std::min(rows.size(), first + static_cast<std::size_t>(page.limit));
  } else {
    result.total = groups.total;
  }
  for (std::size_t i = first; i < last; ++i) {
    ExitSummary summary;
    GOTONG_ASSIGN_OR_RETURN(summary.enrolment, unit->Enrolments().Find(rows[i].first));
    summary.current = std::move(rows[i].second);
    summary.status = StatusOf(summary.current);
    result.items.push_back(std::move(summary));
  }
  return result;
}

core::Result<ExitView> ExitService::Get(const Context& context, std::int64_t programme_id, std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, *unit, programme_id, Today()));
  GOTONG_ASSIGN_OR_RETURN(auto enrolment, EnrolmentOfGroup(*unit, opened, group_id));
  return ViewOf(*unit, context, opened, enrolment, Today());
}

core::Result<ExitView> ExitService::Nominate(const Context& context, std::int64_t programme_id,
                                             std::int64_t group_id, const NominationInput& input) {
  const core::Date today = Today();
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginExitWrite(database_, context, programme_id, group_id, today));
  auto& [unit, opened, enrolment] = write;
  GOTONG_ASSIGN_OR_RETURN(auto current, unit->Exits().CurrentNomination(enrolment.id));
  if (current && current->handed_over_on) {
    return groups::Precondition("member_id", "handed_over",
                                "coaching was handed over on " + current->handed_over_on->ToString() +
                                    "; the group's local hero is not nominated again");
  }
  Problems problems;
  Nomination nomination;
  nomination.enrolment_id = enrolment.id;
  nomination.programme_id = programme_id;
  nomination.group_id = group_id;
  nomination.nominated_on = DayOr(problems, input.nominated_on, "nominated_on", today);
  if (nomination.nominated_on < enrolment.enrolled_on) {
    problems.Add("nominated_on", "before_enrolment", "the group was enrolled on " + enrolment.enrolled_on.ToString());
  }
  form::ApplyOptionalText(problems, input.note, "note", kMaxExitNote, nomination.note);
  if (!IsSet(input.member_id)) {
    problems.Add("member_id", "required", "name the member nominated as the group's local hero");
  } else {
    auto member = unit->Groups().FindMember(group_id, **input.member_id);
    if (!member.ok()) {
      if (member.error().code != core::ErrorCode::kNotFound) return std::move(member).error();
      problems.Add("member_id", "not_member", "the local hero is a member of the group");
    } else if (!member->ActsOn(today)) {
      problems.Add("member_id", "not_current_member", member->person_name + " is not a member of the group now");
    } else if (current && current->member_id == member->id) {
      problems.Add("member_id", "already_nominated", member->person_name + " is the group's nominee already");
    } else {
      nomination.member_id = member->id;
    }
  }
  if (!problems.empty()) return problems.ToError();
  const core::Instant now = clock_.Now();
  if (current) {
    // A re-nomination: the one before stays as the group's history.
    auto before = SnapshotOf(*current);
    current->replaced_at = now;
    current->updated_at = now;
    GOTONG_RETURN_IF_ERROR(unit->Exits().UpdateNomination(*current));
    GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "exit_nomination",
                                         current->id, "replace", before, SnapshotOf(*current)));
  }
  nomination.created_at = nomination.updated_at = now;
  nomination.created_by = context.UserId();
  GOTONG_ASSIGN_OR_RETURN(nomination.id, unit->Exits().InsertNomination(nomination));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "exit_nomination",
                                       nomination.id, "create", std::nullopt,
                                       SnapshotOf(nomination)));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, context, opened, enrolment, today));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return view;
}

core::Result<ExitView> ExitService::Check(const Context& context, std::int64_t programme_id, std::int64_t group_id,
                                          const ChecklistInput& input) {
  const core::Date today = Today();
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginExitWrite(database_, context, programme_id, group_id, today));
  auto& [unit, opened, enrolment] = write;
  GOTONG_ASSIGN_OR_RETURN(auto current,
                          NominationBeforeHandOver(*unit, enrolment, "; the checklist stays as it was then"));
  Nomination next = current;
  Problems problems;
  for (auto item : kReadinessItems) {
    const auto& given = input.items.at(static_cast<std::size_t>(item));
    if (given) ApplyCheck(problems, *given, std::string(ToString(item)), today, next.Check(item));
  }
  for (auto item : kReadinessItems) {
    const auto& check = next.Check(item);
    if (check.checked_on && *check.checked_on < current.nominated_on) {
      problems.Add(std::string(ToString(item)) + ".checked_on", "before_nomination",
                   "she was nominated on " + current.nominated_on.ToString());
    }
  }
  form::ApplyOptionalText(problems, input.note, "note", kMaxExitNote, next.note);
  if (!problems.empty()) return problems.ToError();
  next.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Exits().UpdateNomination(next));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, next.updated_at, "exit_nomination",
                                       next.id, "check", SnapshotOf(current), SnapshotOf(next)));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, context, opened, enrolment, today));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return view;
}

core::Result<ExitView> ExitService::HandOver(const Context& context, std::int64_t programme_id,
                                             std::int64_t group_id, const HandOverInput& input) {
  const core::Date today = Today();
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginExitWrite(database_, context, programme_id, group_id, today));
  auto& [unit, opened, enrolment] = write;
  GOTONG_ASSIGN_OR_RETURN(auto current, NominationBeforeHandOver(*unit, enrolment, ""));
  if (auto unmet = Unmet(current); !unmet.empty()) {
    Error error{core::ErrorCode::kFailedPrecondition, "not every item of the readiness checklist is met", {},
                std::nullopt, ""};
    for (auto item : unmet) {
      error.fields.emplace_back("checklist." + std::string(ToString(item)), "unmet",
                                std::string(ToString(item)) + " is not met yet",
                                core::ErrorParams{{"item", std::string(ToString(item))}});
    }
    return error;
  }
  Problems problems;
  Nomination next = current;
  next.handed_over_on = DayOr(problems, input.handed_over_on, "handed_over_on", today);
  if (*next.handed_over_on < current.nominated_on) {
    problems.Add("handed_over_on", "before_nomination", "she was nominated on " + current.nominated_on.ToString());
  }
  form::ApplyOptionalText(problems, input.note, "note", kMaxExitNote, next.hand_over_note);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto hero, unit->Groups().FindMember(group_id, current.member_id));
  if (!hero.ActsOn(today)) {
    return groups::Precondition("member_id", "not_current_member",
                                hero.person_name + " has left the group: nominate another member");
  }
  const core::Instant now = clock_.Now();
  next.handed_over_by = context.UserId();
  next.updated_at = now;
  GOTONG_RETURN_IF_ERROR(unit->Exits().UpdateNomination(next));
  GOTONG_RETURN_IF_ERROR(unit->Exits().MarkHandedOver(enrolment.id, *next.handed_over_on));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "exit_nomination", next.id,
                                       "hand_over", SnapshotOf(current), SnapshotOf(next)));
  // Coaching is hers now: the group's community mentor and its local hero.
  auto hero_before = groups::SnapshotOf(hero);
  hero.mentor = true;
  hero.local_hero = true;
  hero.updated_at = now;
  GOTONG_RETURN_IF_ERROR(unit->Groups().UpdateMember(hero));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "membership", hero.id, "update",
                                       std::move(hero_before), groups::SnapshotOf(hero)));
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Enrolments().Find(enrolment.id));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, context, opened, stored, today));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return view;
}

// ---- follow-ups ---------------------------------------------------------------------------------

namespace {

std::map<std::int64_t, std::vector<FollowUp>> VisitsByGroup(std::vector<FollowUp> visits) {
  std::map<std::int64_t, std::vector<FollowUp>> by_group;
  for (auto& visit : visits) by_group[visit.group_id].push_back(std::move(visit));
  return by_group;
}

}  // namespace

core::Result<FollowUpBoard> ExitService::FollowUps(const Context& context, std::int64_t programme_id,
                                                   const core::PageRequest& page) {
  const core::Date today = Today();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, *unit, programme_id, today));
  FollowUpBoard board;
  board.ends_on = opened.programme.ends_on;
  board.months = opened.programme.follow_up_months;
  board.ended = opened.programme.ends_on < today;
  GOTONG_ASSIGN_OR_RETURN(auto groups, unit->Exits().GroupEnrolments(programme_id, opened.own_group, page));
  GOTONG_ASSIGN_OR_RETURN(auto visits, unit->Exits().FollowUps(programme_id, opened.own_group, kMaxProgrammeVisits));
  auto by_group = VisitsByGroup(std::move(visits));
  board.groups = {{}, groups.total, groups.limit, groups.offset};
  for (const auto& g : groups.items) {
    GroupFollowUps row;
    GOTONG_ASSIGN_OR_RETURN(row.enrolment, unit->Enrolments().Find(g.enrolment_id));
    row.visits = std::move(by_group[g.group_id]);
    row.schedule = FollowUpSchedule(board.ends_on, board.months, row.visits, today);
    board.groups.items.push_back(std::move(row));
  }
  return board;
}

core::Result<GroupFollowUps> ExitService::GroupVisits(const Context& context, std::int64_t programme_id,
                                                      std::int64_t group_id) {
  const core::Date today = Today();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, *unit, programme_id, today));
  GroupFollowUps result;
  GOTONG_ASSIGN_OR_RETURN(result.enrolment, EnrolmentOfGroup(*unit, opened, group_id));
  GOTONG_ASSIGN_OR_RETURN(result.visits, unit->Exits().FollowUps(programme_id, group_id, kMaxGroupVisits));
  result.schedule = FollowUpSchedule(opened.programme.ends_on, opened.programme.follow_up_months, result.visits, today);
  return result;
}

core::Result<FollowUp> ExitService::RecordFollowUp(const Context& context, std::int64_t programme_id,
                                                   const FollowUpInput& input) {
  const core::Date today = Today();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, *unit, programme_id, today));
  const Programme& programme = opened.programme;
  if (!IsSet(input.group_id)) return Error::Invalid("group_id", "required", "name the group visited");
  auto enrolment = EnrolmentOfGroup(*unit, opened, **input.group_id);
  if (!enrolment.ok()) {
    if (enrolment.error().code != core::ErrorCode::kNotFound) return std::move(enrolment).error();
    return Error::Invalid("group_id", "not_enrolled", "the group is not enrolled in this programme");
  }
  GOTONG_RETURN_IF_ERROR(MayWrite(context, opened, *enrolment));
  Problems problems;
  FollowUp visit;
  visit.enrolment_id = enrolment->id;
  visit.programme_id = programme_id;
  visit.group_id = **input.group_id;
  if (!IsSet(input.visited_on)) {
    problems.Add("visited_on", "required", "visited_on is the day of the visit");
  } else if (auto day = groups::PastDate(problems, "visited_on", **input.visited_on, today)) {
    if (*day <= programme.ends_on) {
      problems.Add(Error::Invalid({core::FieldError("visited_on", "before_programme_end",
                                    "follow-up visits come after the programme's end, " + programme.ends_on.ToString(),
                                    {{"ends_on", programme.ends_on.ToString()}})}));
    } else {
      visit.visited_on = *day;
    }
  }
  form::ApplyRequiredChoice(problems, input.status, true, "status", ParseGroupCondition,
                            "status is active, struggling, dormant or dissolved", visit.status);
  if (!IsSet(input.active_members)) {
    problems.Add("active_members", "required", "how many members are still active");
  } else if (**input.active_members < 0 || **input.active_members > kMaxActiveMembers) {
    problems.Add(Error::Invalid({core::FieldError("active_members", "out_of_range", "active_members is between 0 and 100000",
                                  {{"min", "0"}, {"max", std::to_string(kMaxActiveMembers)}})}));
  } else {
    visit.active_members = **input.active_members;
  }
  if (!IsSet(input.meets_sop)) {
    problems.Add("meets_sop", "required", "whether the group still meets as the SOP asks");
  } else {
    visit.meets_sop = **input.meets_sop;
  }
  GOTONG_ASSIGN_OR_RETURN(auto exit, unit->Exits().CurrentNomination(enrolment->id));
  if (IsSet(input.hero_coaching)) {
    if (!exit || !exit->handed_over_on) {
      problems.Add("hero_coaching", "not_handed_over", "coaching was not handed over to a local hero in this group");
    } else {
      visit.hero_coaching = **input.hero_coaching;
    }
  }
  form::ApplyOptionalText(problems, input.note, "note", kMaxExitNote, visit.note);
  GOTONG_ASSIGN_OR_RETURN(auto earlier, unit->Exits().FollowUps(programme_id, visit.group_id, kMaxGroupVisits));
  std::vector<int> answered;
  for (const auto& f : earlier) {
    if (f.follow_up_month) answered.push_back(*f.follow_up_month);
  }
  const auto& months = programme.follow_up_months;
  if (IsSet(input.follow_up_month)) {
    const std::int64_t month = **input.follow_up_month;
    if (std::find(months.begin(), months.end(), month) == months.end()) {
      problems.Add("follow_up_month", "not_scheduled", "the programme schedules no visit in that month");
    } else if (std::find(answered.begin(), answered.end(), month) != answered.end()) {
      problems.Add("follow_up_month", "already_done", "a visit answers that month already");
    } else {
      visit.follow_up_month = static_cast<int>(month);
    }
  } else if (!problems.empty()) {
    // The day is wrong: no month to choose.
  } else {
    visit.follow_up_month = NearestOpenMonth(programme.ends_on, months, answered, visit.visited_on);
  }
  if (!problems.empty()) return problems.ToError();
  visit.created_at = clock_.Now();
  visit.recorded_by = context.UserId();
  GOTONG_ASSIGN_OR_RETURN(visit.id, unit->Exits().InsertFollowUp(visit));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, visit.created_at, "follow_up",
                                       visit.id, "create", std::nullopt, SnapshotOf(visit)));
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Exits().FindFollowUp(visit.id));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return stored;
}

// ---- dashboard ----------------------------------------------------------------------------------

namespace {

ArrearsBands BandsOf(const std::vector<Arrears>& loans) {
  ArrearsBands bands;
  for (const auto& a : loans) {
    if (!a.disbursed) {
      ++bands.undisbursed;
    } else if (a.closed) {
      ++bands.closed;
    } else if (a.Overdue() == 0 || a.days_past_due == 0) {
      ++bands.current;
    } else if (a.days_past_due <= 30) {
      ++bands.days_1_30;
    } else if (a.days_past_due <= 60) {
      ++bands.days_31_60;
    } else if (a.days_past_due <= 90) {
      ++bands.days_61_90;
    } else {
      ++bands.days_over_90;
    }
  }
  return bands;
}

core::Status FillCompliance(UnitOfWork& unit, const Programme& programme, std::optional<std::int64_t> own_group,
                            const core::Date& today, DashboardCompliance& compliance) {
  compliance.from = groups::Month::Of(programme.starts_on);
  compliance.to = std::min(groups::Month::Of(programme.ends_on), groups::Month::Of(today));
  const int months = groups::MonthsBetween(compliance.from, compliance.to);
  if (months <= 0) return core::OkStatus();  // not started yet
  if (months > groups::kMaxComplianceMonths) {
    compliance.from = groups::MonthsBefore(compliance.to, groups::kMaxComplianceMonths - 1);
  }
  groups::GroupFilter filter;
  filter.programme_id = programme.id;
  filter.group_id = own_group;
  GOTONG_ASSIGN_OR_RETURN(auto table, unit.Groups().Compliance(filter, compliance.from.FirstDay(),
                                                               compliance.to.LastDay(),
                                                               groups::MonthsBetween(compliance.from, compliance.to),
                                                               groups::ComplianceSort::kPercent, {kDashboardRows, 0}));
  compliance.groups = table.total;
  compliance.bands = table.bands;
  compliance.rows = std::move(table.rows);
  return core::OkStatus();
}

core::Status FillFollowUps(UnitOfWork& unit, const Programme& programme, std::optional<std::int64_t> own_group,
                           const core::Date& today, DashboardFollowUps& counts) {
  counts.ended = programme.ends_on < today;
  GOTONG_ASSIGN_OR_RETURN(auto groups, unit.Exits().GroupEnrolments(programme.id, own_group, {kMaxDashboardGroups, 0}));
  GOTONG_ASSIGN_OR_RETURN(auto visits, unit.Exits().FollowUps(programme.id, own_group, kMaxProgrammeVisits));
  auto by_group = VisitsByGroup(std::move(visits));
  for (const auto& g : groups.items) {
    const auto& seen = by_group[g.group_id];
    for (const auto& slot : FollowUpSchedule(programme.ends_on, programme.follow_up_months, seen, today)) {
      if (slot.state == VisitState::kDone) ++counts.done;
      if (slot.state == VisitState::kOverdue) ++counts.overdue;
      if (slot.state == VisitState::kUpcoming) ++counts.upcoming;
    }
    if (seen.empty()) {
      ++counts.not_visited;
    } else {
      // Oldest first: the last is the latest.
      ++counts.latest.at(static_cast<std::size_t>(seen.back().status));
    }
  }
  return core::OkStatus();
}

}  // namespace

core::Result<Dashboard> ExitService::ProgrammeDashboard(const Context& context, std::int64_t programme_id) {
  const core::Date today = Today();
  Dashboard dashboard;
  dashboard.programme_id = programme_id;
  dashboard.as_of = today;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, *unit, programme_id, today));
    const Programme& programme = opened.programme;
    dashboard.group_id = opened.own_group;
    GOTONG_ASSIGN_OR_RETURN(dashboard.enrolment.counts, unit->Exits().CountEnrolments(programme_id, opened.own_group));
    GOTONG_RETURN_IF_ERROR(FillCompliance(*unit, programme, opened.own_group, today, dashboard.compliance));
    if (!opened.own_group) {
      DashboardBudget budget;
      budget.budget = programme.budget;
      GOTONG_ASSIGN_OR_RETURN(budget.tally, unit->Assistance().Tally(programme_id));
      budget.over = std::max<std::int64_t>(0, budget.tally.committed - budget.budget);
      dashboard.budget = budget;
    }
    AssistanceFilter loans;
    loans.programme_id = programme_id;
    loans.group_id = opened.own_group;
    GOTONG_ASSIGN_OR_RETURN(auto book, unit->Assistance().LoanBook(loans));
    GOTONG_ASSIGN_OR_RETURN(auto arrears, ArrearsOfBook(book, today));
    dashboard.loans.as_of = today;
    dashboard.loans.loans = static_cast<std::int64_t>(book.size());
    dashboard.loans.portfolio = PortfolioAtRiskOf(arrears);
    dashboard.loans.bands = BandsOf(arrears);
    GOTONG_ASSIGN_OR_RETURN(auto current, unit->Exits().CurrentNominations(programme_id, std::nullopt));
    std::int64_t nominated_groups = 0;
    for (const auto& n : current) {
      if (opened.own_group && n.group_id != *opened.own_group) continue;
      ++nominated_groups;
      switch (StatusOf(n)) {
        case ExitStatus::kNominated: ++dashboard.exits.nominated; break;
        case ExitStatus::kReady: ++dashboard.exits.ready; break;
        case ExitStatus::kHandedOver: ++dashboard.exits.handed_over; break;
        case ExitStatus::kNone: break;
      }
    }
    dashboard.exits.none = std::max<std::int64_t>(0, dashboard.enrolment.counts.current_groups - nominated_groups);
    GOTONG_RETURN_IF_ERROR(FillFollowUps(*unit, programme, opened.own_group, today, dashboard.follow_ups));
  }
  // Completion is the learning outcomes' own figures over the programme's groups the caller reaches.
  auto outcomes = cycles_.OutcomesOfProgramme(context, programme_id);
  if (outcomes.ok()) {
    dashboard.completion.groups = outcomes->groups_total;
    dashboard.completion.cycles = outcomes->totals.cycles;
    dashboard.completion.closed = outcomes->totals.closed;
    dashboard.completion.achieved = outcomes->totals.achieved;
    dashboard.completion.targets = outcomes->totals.targets;
  } else if (outcomes.error().code != core::ErrorCode::kNotFound) {
    return std::move(outcomes).error();
  }
  return dashboard;
}

}  // namespace gotong::domain::programmes
