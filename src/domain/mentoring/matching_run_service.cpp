#include "domain/mentoring/matching_run_service.hpp"

#include <algorithm>
#include <chrono>
#include <set>
#include <utility>

#include "core/names.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/mentoring/cycle_service.hpp"
#include "domain/mentoring/mentoring.hpp"
#include "domain/service.hpp"

namespace gotong::domain::mentoring {
namespace {

std::string At(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }

// The problem of a pool and a run's input, and how its ids map back: both sides are people.
struct Built {
  MatchingProblem problem;
  std::map<std::int64_t, const PoolMentee*> mentees;  // by person
  std::map<std::int64_t, const PoolMentor*> mentors;  // by person
  int total_capacity = 0;
};

Built BuildProblem(const MatchingPool& pool, const MatchingRun& run) {
  Built built;
  std::map<std::int64_t, std::vector<int>> values(pool.values.begin(), pool.values.end());
  std::map<std::int64_t, int> overrides;
  for (const auto& c : run.capacities) overrides[c.person_id] = c.capacity;
  for (const auto& mentee : pool.mentees) {
    if (!built.mentees.emplace(mentee.person_id, &mentee).second) continue;  // one place a person
    MatchMentee m;
    m.member_id = mentee.person_id;
    m.group_id = mentee.group_id;
    m.village_code = mentee.village_code;
    m.target_competencies = mentee.targets;
    if (auto it = values.find(mentee.person_id); it != values.end()) m.values = it->second;
    built.problem.mentees.push_back(std::move(m));
  }
  for (const auto& mentor : pool.mentors) {
    if (!built.mentors.emplace(mentor.person_id, &mentor).second) continue;
    MatchMentor m;
    m.member_id = mentor.person_id;
    m.group_id = mentor.group_id;
    m.village_code = mentor.village_code;
    m.origin = mentor.origin;
    auto it = overrides.find(mentor.person_id);
    std::int64_t capacity = (it != overrides.end() ? it->second : run.default_capacity) - mentor.active_mentees;
    m.capacity = static_cast<int>(std::max<std::int64_t>(0, capacity));
    built.total_capacity += m.capacity;
    m.achieved_competencies = mentor.achieved;
    if (auto v = values.find(mentor.person_id); v != values.end()) m.values = v->second;
    built.problem.mentors.push_back(std::move(m));
  }
  built.problem.weights = WeightsOf(run);
  return built;
}

// kPermissionDenied unless the caller oversees every group; a missing group is a field error.
core::Status OverseeAll(const Context& context, UnitOfWork& unit, const std::vector<std::int64_t>& group_ids,
                        const core::Date& today, bool oversee) {
  Problems problems;
  for (std::size_t i = 0; i < group_ids.size(); ++i) {
    auto opened = groups::OpenGroup(context, unit, group_ids[i], today);
    if (!opened.ok()) {
      if (opened.error().code == core::ErrorCode::kNotFound) {
        problems.Add(At("group_ids", i), "not_found", "no group " + std::to_string(group_ids[i]));
        continue;
      }
      return opened.error();
    }
    if (oversee && !opened->second.Overseer()) {
      return Error::Denied("only those who oversee group " + std::to_string(group_ids[i]) + " match its mentors");
    }
  }
  if (!problems.empty()) return problems.ToError();
  return core::OkStatus();
}

Error Conflict(std::vector<core::FieldError> fields, std::string message) {
  Error error{core::ErrorCode::kConflict, std::move(message), std::move(fields), std::nullopt, ""};
  return error;
}

core::Result<MatchingRunView> ViewOf(UnitOfWork& unit, MatchingRun run) {
  MatchingRunView view;
  view.weights = WeightsOf(run);
  if (run.status == RunStatus::kSucceeded || run.status == RunStatus::kPublished) {
    GOTONG_ASSIGN_OR_RETURN(view.pairs, unit.MatchingRuns().Pairs(run.id));
    GOTONG_ASSIGN_OR_RETURN(view.unplaced, unit.MatchingRuns().Unplaced(run.id));
  }
  std::set<std::int64_t> ids;
  for (const auto& p : view.pairs) ids.insert(p.score.covered_competencies.begin(), p.score.covered_competencies.end());
  for (const auto& u : view.unplaced) ids.insert(u.uncovered_competencies.begin(), u.uncovered_competencies.end());
  for (auto id : ids) {
    auto competency = unit.Competencies().Find(id);
    view.competency_names[id] = competency.ok() ? competency->name : std::to_string(id);
  }
  view.run = std::move(run);
  return view;
}

constexpr core::Names<RunStatus, 5> kRunStatuses = {{{"queued", RunStatus::kQueued},
                                                     {"running", RunStatus::kRunning},
                                                     {"succeeded", RunStatus::kSucceeded},
                                                     {"failed", RunStatus::kFailed},
                                                     {"published", RunStatus::kPublished}}};

}  // namespace

MatchWeights WeightsOf(const MatchingRun& run) {
  MatchWeights weights;
  if (run.top_k) weights.top_k = *run.top_k;
  return weights;
}

std::string_view ToString(RunStatus status) { return core::NameOf(status, kRunStatuses); }

std::optional<RunStatus> ParseRunStatus(std::string_view text) {
  return core::ValueNamed(text, kRunStatuses);
}

core::Result<MatchingRun> MatchingRunService::Create(const Context& context, const MatchingRunInput& input) {
  if (!context.system && !context.principal) return Error::Denied("sign in first");
  Problems problems;
  MatchingRun run;
  if (!input.group_ids || input.group_ids->empty()) {
    problems.Add("group_ids", "required", "name at least one group");
  } else if (input.group_ids->size() > kMaxRunGroups) {
    problems.Add("group_ids", "too_many", "a run matches at most 200 groups");
  } else {
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < input.group_ids->size(); ++i) {
      if (!seen.insert((*input.group_ids)[i]).second) problems.Add(At("group_ids", i), "duplicate", "listed twice");
    }
    run.group_ids.assign(seen.begin(), seen.end());
  }
  run.default_capacity = kDefaultRunCapacity;
  if (input.default_capacity) {
    if (*input.default_capacity < 1 || *input.default_capacity > kMaxRunCapacity) {
      problems.Add("default_capacity", "out_of_range", "default_capacity is 1 to 50");
    } else {
      run.default_capacity = static_cast<int>(*input.default_capacity);
    }
  }
  if (input.top_k) {
    if (*input.top_k < 1 || *input.top_k > kMaxTopK) {
      problems.Add("top_k", "out_of_range", "top_k is 1 to 1000");
    } else {
      run.top_k = static_cast<int>(*input.top_k);
    }
  }
  if (!problems.empty()) return problems.ToError();

  auto today = core::DayInIndonesia(clock_.Now());
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_RETURN_IF_ERROR(OverseeAll(context, *unit, run.group_ids, today, true));
  std::map<std::int64_t, int> capacities;
  for (std::size_t i = 0; i < input.capacities.size(); ++i) {
    const auto& item = input.capacities[i];
    std::string at = At("capacities", i) + ".";
    if (!item.capacity) {
      problems.Add(at + "capacity", "required", "capacity is required");
    } else if (*item.capacity < 0 || *item.capacity > kMaxRunCapacity) {
      problems.Add(at + "capacity", "out_of_range", "capacity is 0 to 50");
    }
    std::optional<std::int64_t> person;
    if (item.person_id.has_value() == item.member_id.has_value()) {
      problems.Add(at + "person_id", "required", "name the mentor once, by person_id or member_id");
    } else if (item.person_id) {
      if (unit->People().Find(*item.person_id).ok()) {
        person = *item.person_id;
      } else {
        problems.Add(at + "person_id", "not_found", "no person " + std::to_string(*item.person_id));
      }
    } else {
      for (auto group_id : run.group_ids) {
        auto member = unit->Groups().FindMember(group_id, *item.member_id);
        if (member.ok()) person = member->person_id;
      }
      if (!person) problems.Add(at + "member_id", "not_member", "member " + std::to_string(*item.member_id) +
                                                                    " is in none of the groups");
    }
    if (person && item.capacity && !capacities.emplace(*person, static_cast<int>(*item.capacity)).second) {
      problems.Add(at + "person_id", "duplicate", "this mentor's capacity is given twice");
    }
  }
  if (!problems.empty()) return problems.ToError();
  for (auto [person, capacity] : capacities) run.capacities.push_back({person, capacity});

  GOTONG_ASSIGN_OR_RETURN(auto pool, unit->MatchingRuns().Pool(run.group_ids, today));
  auto built = BuildProblem(pool, run);
  if (built.problem.mentees.empty()) {
    return Error::Invalid("group_ids", "no_mentees",
                          "these groups have no active member without a mentor to match");
  }
  if (built.total_capacity == 0) {
    return Error::Invalid(run.capacities.empty() ? "default_capacity" : "capacities", "no_capacity",
                          "no mentor of these groups has room for a mentee");
  }
  GOTONG_RETURN_IF_ERROR(ValidateMatchingProblem(built.problem));

  run.status = RunStatus::kQueued;
  run.created_at = clock_.Now();
  run.created_by = context.UserId();
  GOTONG_ASSIGN_OR_RETURN(run.id, unit->MatchingRuns().Insert(run));
  audit::Snapshot after{{"status", std::string(ToString(run.status))},
                        {"groups", static_cast<std::int64_t>(run.group_ids.size())},
                        {"default_capacity", static_cast<std::int64_t>(run.default_capacity)}};
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, clock_.Now(), "matching_run", run.id,
                                       "create", std::nullopt, after));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return run;
}

core::Result<core::Page<MatchingRun>> MatchingRunService::List(const Context& context, std::int64_t group_id,
                                                               const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, groups::BeginGroupRead(database_, clock_, context, group_id));
  return unit->MatchingRuns().List(group_id, page);
}

core::Result<MatchingRunView> MatchingRunService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto run, unit->MatchingRuns().Find(id));
  GOTONG_RETURN_IF_ERROR(
      OverseeAll(context, *unit, run.group_ids, core::DayInIndonesia(clock_.Now()), false));
  return ViewOf(*unit, std::move(run));
}

core::Result<MatchingRunView> MatchingRunService::Publish(const Context& context, std::int64_t id) {
  auto today = core::DayInIndonesia(clock_.Now());
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto run, unit->MatchingRuns().Find(id));
  GOTONG_RETURN_IF_ERROR(OverseeAll(context, *unit, run.group_ids, today, true));
  if (run.status != RunStatus::kSucceeded) {
    return Conflict({{"status", run.status == RunStatus::kPublished ? "published" : "not_succeeded",
                      "only a succeeded run that is not published yet can be published",
                      {{"status", std::string(ToString(run.status))}}}},
                    "the run is " + std::string(ToString(run.status)));
  }
  GOTONG_ASSIGN_OR_RETURN(auto pairs, unit->MatchingRuns().Pairs(id));
  std::vector<core::FieldError> stale;
  for (const auto& pair : pairs) {
    auto member = unit->Groups().FindMember(pair.mentee_group_id, pair.mentee_member_id);
    bool gone = !member.ok() || !member->ActsOn(today);
    bool mentored = false;
    if (!gone) {
      MentorshipFilter filter{pair.mentee_group_id, std::nullopt, pair.mentee_member_id, today};
      GOTONG_ASSIGN_OR_RETURN(auto active, unit->Mentorships().List(filter, core::PageRequest{1, 0}));
      mentored = !active.items.empty();
    }
    if (gone || mentored) {
      stale.push_back({"pairs", "stale",
                       pair.mentee_name + (gone ? " has left the group" : " has a mentor already") +
                           ": run the matching again",
                       {{"member", pair.mentee_name},
                        {"member_id", std::to_string(pair.mentee_member_id)},
                        {"mentor", pair.mentor_name},
                        {"reason", gone ? "left" : "mentored"}}});
    }
  }
  if (!stale.empty()) return Conflict(std::move(stale), "the proposal is out of date: run the matching again");
  for (const auto& pair : pairs) {
    Mentorship mentorship;
    mentorship.group_id = pair.mentee_group_id;
    mentorship.mentor_person_id = pair.mentor_person_id;
    mentorship.mentor_member_id = pair.mentor_member_id;
    mentorship.mentee_member_id = pair.mentee_member_id;
    mentorship.origin = pair.origin;
    mentorship.started_on = today;
    mentorship.note = "matching run " + std::to_string(id);
    mentorship.created_at = mentorship.updated_at = clock_.Now();
    GOTONG_ASSIGN_OR_RETURN(mentorship.id, unit->Mentorships().Insert(mentorship));
    GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, clock_.Now(), "mentorship",
                                         mentorship.id, "create", std::nullopt,
                                         SnapshotOf(mentorship)));
  }
  audit::Snapshot before{{"status", std::string(ToString(run.status))}};
  run.status = RunStatus::kPublished;
  run.published_at = clock_.Now();
  run.published_by = context.UserId();
  GOTONG_RETURN_IF_ERROR(unit->MatchingRuns().Update(run));
  GOTONG_RETURN_IF_ERROR(
      audit::Record(unit->Audit(), context, clock_.Now(), "matching_run", id, "publish", before,
                    audit::Snapshot{{"status", std::string(ToString(run.status))},
                                    {"mentorships", static_cast<std::int64_t>(pairs.size())}}));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, std::move(run)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return view;
}

core::Status MatchingRunService::Abandon(std::int64_t id, const std::string& reason) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto run, unit->MatchingRuns().Find(id));
  if (run.status != RunStatus::kQueued) return core::OkStatus();
  run.status = RunStatus::kFailed;
  run.error = reason;
  run.finished_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->MatchingRuns().Update(run));
  return unit->Commit();
}

core::Result<std::vector<MatchingRun>> MatchingRunService::Unfinished() {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->MatchingRuns().Unfinished();
}

core::Result<MatchingRun> MatchingRunService::Run(std::int64_t id) {
  MatchingRun run;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
    GOTONG_ASSIGN_OR_RETURN(run, unit->MatchingRuns().Find(id));
    if (run.status != RunStatus::kQueued && run.status != RunStatus::kRunning) return run;
    run.status = RunStatus::kRunning;
    run.started_at = clock_.Now();
    run.stage.reset();
    run.done = run.total = 0;
    GOTONG_RETURN_IF_ERROR(unit->MatchingRuns().Update(run));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
  }
  Built built;
  MatchingPool pool;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(
        pool, unit->MatchingRuns().Pool(run.group_ids, core::DayInIndonesia(clock_.Now())));
  }
  built = BuildProblem(pool, run);

  using Steady = std::chrono::steady_clock;
  auto last = Steady::now() - std::chrono::seconds(1);
  auto progress = [&](MatchingStage stage, std::int64_t done, std::int64_t total) {
    auto now = Steady::now();
    if (now - last < std::chrono::milliseconds(250) && done != total) return;
    last = now;
    auto unit = database_.Begin(Access::kWrite);
    if (!unit.ok()) return;  // progress is a courtesy; the run goes on
    run.stage = stage;
    run.done = done;
    run.total = total;
    if ((*unit)->MatchingRuns().Update(run).ok()) (void)(*unit)->Commit();
  };
  auto result = solver_.Solve(built.problem, progress);

  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  run.finished_at = clock_.Now();
  if (!result.ok()) {
    run.status = RunStatus::kFailed;
    run.error = result.error().message;
    GOTONG_RETURN_IF_ERROR(unit->MatchingRuns().Update(run));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
    return run;
  }
  std::vector<RunPair> pairs;
  std::vector<RunUnplaced> unplaced;
  for (const auto& pair : result->pairs) {
    const PoolMentee& mentee = *built.mentees.at(pair.mentee_id);
    const PoolMentor& mentor = *built.mentors.at(pair.mentor_id);
    RunPair stored;
    stored.mentee_member_id = mentee.member_id;
    stored.mentee_group_id = mentee.group_id;
    stored.mentor_person_id = mentor.person_id;
    stored.mentor_member_id = mentor.member_id;
    stored.origin = mentor.origin;
    stored.score = pair.score;
    pairs.push_back(std::move(stored));
  }
  for (const auto& u : result->unplaced) {
    const PoolMentee& mentee = *built.mentees.at(u.mentee_id);
    unplaced.push_back({mentee.member_id, u.reason, u.uncovered_competencies, "", mentee.group_id});
  }
  GOTONG_RETURN_IF_ERROR(unit->MatchingRuns().InsertResult(id, pairs, unplaced));
  run.status = RunStatus::kSucceeded;
  run.total_score = result->total_score;
  run.error.reset();
  GOTONG_RETURN_IF_ERROR(unit->MatchingRuns().Update(run));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return run;
}

}  // namespace gotong::domain::mentoring
