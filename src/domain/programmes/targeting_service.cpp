#include "domain/programmes/targeting_service.hpp"

#include <algorithm>
#include <utility>

#include "domain/groups/group_access.hpp"
#include "domain/programmes/programme_reach.hpp"
#include "domain/regions/region.hpp"
#include "domain/service.hpp"

namespace gotong::domain::programmes {
namespace {

constexpr std::int64_t kMaxQuota = 1'000'000;
constexpr std::size_t kMaxNote = 1000;
constexpr int kMySelectionRounds = 50;

Error Refused(core::ErrorCode code, std::string field, std::string field_code, const std::string& message,
              core::ErrorParams params = {}) {
  return Error{code, message, {core::FieldError(std::move(field), std::move(field_code), message, std::move(params))},
               std::nullopt, ""};
}

// Rounds and their decisions name people and their needs: admins and the officers who read the
// programme read them, not its facilitators nor the accounts of its groups.
core::Status MayReadRounds(const Context& context, const ProgrammeReach& reach) {
  if (context.IsAdmin() || context.system) return core::OkStatus();
  if (reach.read && context.principal && context.principal->role == Role::kOfficer) return core::OkStatus();
  return Error::Denied("only admins and the officers of the programme's owner and partners read its rounds");
}

// True when `code` is `region` or lies inside it.
bool Inside(const std::string& code, const std::string& region) {
  return code.size() >= region.size() && code.compare(0, region.size(), region) == 0 &&
         (code.size() == region.size() || code[region.size()] == '.');
}

void ApplyFilters(Problems& problems, const std::optional<std::string>& region, const std::optional<std::string>& sector,
                  CandidateFilter& filter) {
  if (region) {
    if (!regions::LevelOfCode(*region)) {
      problems.Add("region", "invalid_format", "region is a region code such as 35.79");
    } else {
      filter.region_code = *region;
    }
  }
  if (sector) {
    filter.sector = registry::ParseSector(*sector);
    if (!filter.sector) problems.Add("sector", "invalid_value", "sector is a known sector (GET /api/v1/sectors)");
  }
}

CandidateFilter FilterOf(const Programme& programme, RecipientKind kind, int year) {
  CandidateFilter filter;
  filter.programme_id = programme.id;
  filter.kind = kind;
  filter.criteria = programme.criteria;
  filter.criteria_starts_on = programme.starts_on;
  filter.year = year;
  return filter;
}

core::Result<Round> RoundOf(UnitOfWork& unit, std::int64_t programme_id, std::int64_t round_id) {
  auto round = unit.Targeting().FindRound(round_id);
  if (!round.ok() || round->programme_id != programme_id) {
    if (!round.ok() && round.error().code != core::ErrorCode::kNotFound) return round.error();
    return Error::NotFound("no round with id " + std::to_string(round_id) + " in this programme");
  }
  return round;
}

// Stores a round confirmed or cancelled (`action`) by `context`'s caller with its audit entry, and
// answers the round as stored.
core::Result<RoundView> Decided(UnitOfWork& unit, const Context& context, const Round& round,
                                std::string action, audit::Snapshot before) {
  GOTONG_RETURN_IF_ERROR(unit.Targeting().UpdateRound(round));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit.Audit(), context, round.updated_at, "targeting_round",
                                       round.id, std::move(action), std::move(before),
                                       SnapshotOf(round)));
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit.Targeting().FindRound(round.id));
  GOTONG_RETURN_IF_ERROR(unit.Commit());
  return RoundView{std::move(stored), true};
}

// The decision of `round` about one enterprise or group (see Decision).
core::Result<Decision> DecisionFor(UnitOfWork& unit, const Round& round, RecipientKind kind, std::int64_t id,
                                   const std::string& field) {
  Decision decision;
  decision.round = round;
  decision.kind = kind;
  decision.id = id;
  GOTONG_ASSIGN_OR_RETURN(auto frozen, unit.Targeting().FindBeneficiary(round.id, kind, id));
  if (frozen) {
    decision.name = frozen->candidate.name;
    decision.selected = true;
    decision.reason = "selected";
    decision.facts = "frozen";
    decision.position = frozen->position;
    decision.need = ScoreNeed(frozen->candidate.facts, frozen->candidate.received, round.scored_year);
    decision.eligibility = CheckEligibility(round.criteria, frozen->candidate.facts, round.criteria_starts_on);
    return decision;
  }
  auto now = unit.Targeting().CandidateNow(kind, id, round.scored_year);
  if (!now.ok()) {
    if (now.error().code != core::ErrorCode::kNotFound) return now.error();
    return Error::Invalid(field, "not_found", now.error().message);
  }
  decision.name = now->name;
  decision.facts = "registry";
  decision.need = ScoreNeed(now->facts, now->received, round.scored_year);
  decision.eligibility = CheckEligibility(round.criteria, now->facts, round.criteria_starts_on);
  GOTONG_ASSIGN_OR_RETURN(bool enrolled, unit.Targeting().Enrolled(round.programme_id, kind, id));
  const bool outside_filter =
      (round.region_code && !Inside(now->facts.village_code, *round.region_code)) ||
      (round.sector && now->facts.sector != round.sector);
  if (!decision.eligibility.eligible) {
    decision.reason = "criteria_unmet";
  } else if (enrolled) {
    decision.reason = "enrolled";
  } else if (outside_filter) {
    decision.reason = "outside_round_filter";
  } else if (round.cut_score && decision.need.score <= *round.cut_score) {
    // A tie with the last selected is broken by id: the lower id went first.
    decision.reason = "below_cut";
  } else {
    decision.reason = "not_a_candidate_then";
  }
  return decision;
}

}  // namespace

audit::Snapshot SnapshotOf(const Round& round) {
  return {
      {"programme_id", round.programme_id},
      {"kind", std::string(ToString(round.kind))},
      {"status", std::string(ToString(round.status))},
      {"opens_on", round.opens_on.ToString()},
      {"closes_on", round.closes_on.ToString()},
      {"quota", audit::Nullable(round.quota)},
      {"region", audit::Nullable(round.region_code)},
      {"sector", round.sector ? audit::Value(std::string(registry::ToString(*round.sector))) : audit::Value(nullptr)},
      {"candidate_count", round.candidate_count},
      {"selected_count", round.selected_count},
      {"cut_score", round.cut_score ? audit::Value(static_cast<std::int64_t>(*round.cut_score)) : audit::Value(nullptr)},
      {"enrolled_count", audit::Nullable(round.enrolled_count)},
  };
}

core::Date TargetingService::Today() const { return core::DayInIndonesia(clock_.Now()); }

core::Result<core::Page<RankedCandidate>> TargetingService::Candidates(const Context& context,
                                                                       std::int64_t programme_id,
                                                                       const CandidateListQuery& query) {
  Problems problems;
  auto kind = query.kind ? ParseRecipientKind(*query.kind) : std::optional(RecipientKind::kEnterprise);
  if (!kind) problems.Add("kind", "invalid_value", "kind is enterprise or group");
  // A write unit: the ranking's kept scores are rescored in it when the year has turned.
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "list a programme's candidates"));
  const Programme& programme = opened.first;
  const int year = Today().year;
  CandidateFilter filter = FilterOf(programme, kind.value_or(RecipientKind::kEnterprise), year);
  ApplyFilters(problems, query.region, query.sector, filter);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto page, unit->Targeting().Candidates(filter, query.page));
  core::Page<RankedCandidate> ranked{{}, page.total, page.limit, page.offset, page.total_capped};
  std::int64_t rank = page.offset;
  for (auto& candidate : page.items) {
    RankedCandidate item;
    item.rank = ++rank;
    item.need = ScoreNeed(candidate.facts, candidate.received, year);
    item.eligibility = CheckEligibility(programme.criteria, candidate.facts, programme.starts_on);
    item.candidate = std::move(candidate);
    ranked.items.push_back(std::move(item));
  }
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return ranked;
}

core::Result<RoundView> TargetingService::CreateRound(const Context& context, std::int64_t programme_id,
                                                      const RoundInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  // Locked: two rounds made at once cannot both pass the overlap check.
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today(), true));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "make a round"));
  const Programme& programme = opened.first;
  if (programme.status == ProgrammeStatus::kClosed) {
    return Refused(core::ErrorCode::kFailedPrecondition, "programme_id", "programme_closed",
                   "the programme is closed: no more rounds");
  }
  Problems problems;
  Round round;
  round.programme_id = programme_id;
  round.kind = RecipientKind::kEnterprise;
  if (IsSet(input.kind)) {
    auto kind = ParseRecipientKind(**input.kind);
    if (!kind) {
      problems.Add("kind", "invalid_value", "kind is enterprise or group");
    } else {
      round.kind = *kind;
    }
  }
  auto date = [&](const form::Field<std::string>& field, const char* name) -> std::optional<core::Date> {
    if (!IsSet(field)) {
      problems.Add(name, "required", std::string(name) + " is a date such as 2026-01-31");
      return std::nullopt;
    }
    return form::CheckDate(problems, name, **field);
  };
  auto opens = date(input.opens_on, "opens_on");
  auto closes = date(input.closes_on, "closes_on");
  const core::ErrorParams period{{"starts_on", programme.starts_on.ToString()},
                                 {"ends_on", programme.ends_on.ToString()}};
  if (opens && *opens < programme.starts_on) {
    problems.Add(Error::Invalid({core::FieldError("opens_on", "outside_programme",
                                                  "a round lies inside the programme's period", period)}));
  }
  if (closes && *closes > programme.ends_on) {
    problems.Add(Error::Invalid({core::FieldError("closes_on", "outside_programme",
                                                  "a round lies inside the programme's period", period)}));
  }
  if (opens && closes && *closes < *opens) {
    problems.Add("closes_on", "before_opens", "a round closes on or after the day it opens");
  }
  if (IsSet(input.quota)) {
    if (**input.quota < 1 || **input.quota > kMaxQuota) {
      problems.Add(Error::Invalid({core::FieldError("quota", "out_of_range", "quota is between 1 and 1000000",
                                                    {{"min", "1"}, {"max", std::to_string(kMaxQuota)}})}));
    } else {
      round.quota = **input.quota;
    }
  }
  form::ApplyOptionalText(problems, input.note, "note", kMaxNote, round.note);
  const int year = Today().year;
  CandidateFilter filter = FilterOf(programme, round.kind, year);
  ApplyFilters(problems, IsSet(input.region) ? std::optional(**input.region) : std::nullopt,
               IsSet(input.sector) ? std::optional(**input.sector) : std::nullopt, filter);
  if (!problems.empty()) return problems.ToError();
  round.opens_on = *opens;
  round.closes_on = *closes;
  GOTONG_ASSIGN_OR_RETURN(auto overlapping, unit->Targeting().Overlapping(programme_id, round.opens_on, round.closes_on));
  if (!overlapping.empty()) {
    const Round& other = overlapping.front();
    return Refused(core::ErrorCode::kConflict, "opens_on", "overlapping_round",
                   "round " + std::to_string(other.id) + " (" + other.opens_on.ToString() + " to " +
                       other.closes_on.ToString() + ") overlaps this period",
                   {{"round_id", std::to_string(other.id)},
                    {"opens_on", other.opens_on.ToString()},
                    {"closes_on", other.closes_on.ToString()}});
  }
  round.region_code = filter.region_code;
  round.sector = filter.sector;
  round.status = RoundStatus::kDraft;
  round.scored_year = year;
  round.criteria = programme.criteria;
  round.criteria_starts_on = programme.starts_on;
  round.created_at = round.updated_at = clock_.Now();
  round.created_by = context.UserId();
  GOTONG_ASSIGN_OR_RETURN(round.id, unit->Targeting().Freeze(round, filter));
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Targeting().FindRound(round.id));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, round.created_at, "targeting_round",
                                       round.id, "create", std::nullopt, SnapshotOf(stored)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return RoundView{std::move(stored), true};
}

core::Result<core::Page<Round>> TargetingService::Rounds(const Context& context, std::int64_t programme_id,
                                                         const RoundQuery& query) {
  RoundFilter filter;
  filter.programme_id = programme_id;
  if (query.status) {
    filter.status = ParseRoundStatus(*query.status);
    if (!filter.status) return Error::Invalid("status", "invalid_value", "status is draft, confirmed or cancelled");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayReadRounds(context, opened.second));
  return unit->Targeting().ListRounds(filter, query.page);
}

core::Result<RoundView> TargetingService::GetRound(const Context& context, std::int64_t programme_id,
                                                   std::int64_t round_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayReadRounds(context, opened.second));
  GOTONG_ASSIGN_OR_RETURN(auto round, RoundOf(*unit, programme_id, round_id));
  return RoundView{std::move(round), opened.second.manage};
}

core::Result<core::Page<BeneficiaryView>> TargetingService::Beneficiaries(const Context& context,
                                                                          std::int64_t programme_id,
                                                                          std::int64_t round_id,
                                                                          const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayReadRounds(context, opened.second));
  GOTONG_ASSIGN_OR_RETURN(auto round, RoundOf(*unit, programme_id, round_id));
  GOTONG_ASSIGN_OR_RETURN(auto frozen, unit->Targeting().Beneficiaries(round_id, page));
  core::Page<BeneficiaryView> views{{}, frozen.total, frozen.limit, frozen.offset};
  for (auto& beneficiary : frozen.items) {
    BeneficiaryView view;
    view.need = ScoreNeed(beneficiary.candidate.facts, beneficiary.candidate.received, round.scored_year);
    view.eligibility = CheckEligibility(round.criteria, beneficiary.candidate.facts, round.criteria_starts_on);
    view.beneficiary = std::move(beneficiary);
    views.items.push_back(std::move(view));
  }
  return views;
}

core::Result<RoundView> TargetingService::Confirm(const Context& context, std::int64_t programme_id,
                                                  std::int64_t round_id, const ConfirmInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today(), true));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "confirm a round"));
  GOTONG_ASSIGN_OR_RETURN(auto round, RoundOf(*unit, programme_id, round_id));
  const Programme& programme = opened.first;
  if (round.status != RoundStatus::kDraft) {
    return Refused(core::ErrorCode::kFailedPrecondition, "status", "not_draft",
                   "the round is " + std::string(ToString(round.status)) + ": only a draft is confirmed",
                   {{"status", std::string(ToString(round.status))}});
  }
  if (programme.status == ProgrammeStatus::kClosed) {
    return Refused(core::ErrorCode::kFailedPrecondition, "programme_id", "programme_closed",
                   "the programme is closed: nobody is enrolled any more");
  }
  const core::Date today = Today();
  if (today > programme.ends_on) {
    return Refused(core::ErrorCode::kFailedPrecondition, "programme_id", "programme_ended",
                   "the programme ended on " + programme.ends_on.ToString());
  }
  if (!IsSet(input.count)) {
    return Error::Invalid("count", "required", "confirm by naming the number of beneficiaries");
  }
  if (**input.count != round.selected_count) {
    return Error::Invalid({core::FieldError(
        "count", "count_mismatch",
        "the round holds " + std::to_string(round.selected_count) + " beneficiaries, not " +
            std::to_string(**input.count),
        {{"expected", std::to_string(round.selected_count)}, {"given", std::to_string(**input.count)}})});
  }
  auto before = SnapshotOf(round);
  const auto by = context.UserId();
  GOTONG_ASSIGN_OR_RETURN(auto enrolled, unit->Targeting().EnrolBeneficiaries(round, today, by, clock_.Now()));
  round.status = RoundStatus::kConfirmed;
  round.enrolled_count = enrolled;
  round.decided_by = by;
  round.decided_at = round.updated_at = clock_.Now();
  return Decided(*unit, context, round, "confirm", std::move(before));
}

core::Result<RoundView> TargetingService::Cancel(const Context& context, std::int64_t programme_id,
                                                 std::int64_t round_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today(), true));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "cancel a round"));
  GOTONG_ASSIGN_OR_RETURN(auto round, RoundOf(*unit, programme_id, round_id));
  if (round.status != RoundStatus::kDraft) {
    return Refused(core::ErrorCode::kFailedPrecondition, "status", "not_draft",
                   "the round is " + std::string(ToString(round.status)) + ": only a draft is cancelled",
                   {{"status", std::string(ToString(round.status))}});
  }
  auto before = SnapshotOf(round);
  round.status = RoundStatus::kCancelled;
  round.decided_by = context.UserId();
  round.decided_at = round.updated_at = clock_.Now();
  return Decided(*unit, context, round, "cancel", std::move(before));
}

core::Result<Decision> TargetingService::Decide(const Context& context, std::int64_t programme_id,
                                                std::int64_t round_id, const DecisionQuery& query) {
  if (query.enterprise_id.has_value() == query.group_id.has_value()) {
    return Error::Invalid("enterprise_id", "one_of",
                          "name one enterprise_id or one group_id");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayReadRounds(context, opened.second));
  GOTONG_ASSIGN_OR_RETURN(auto round, RoundOf(*unit, programme_id, round_id));
  const RecipientKind kind = query.enterprise_id ? RecipientKind::kEnterprise : RecipientKind::kGroup;
  const std::string field = query.enterprise_id ? "enterprise_id" : "group_id";
  if (kind != round.kind) {
    return Error::Invalid(field, "wrong_kind",
                          "the round selects " + std::string(ToString(round.kind)) + "s; ask about one of those");
  }
  return DecisionFor(*unit, round, kind, query.enterprise_id ? *query.enterprise_id : *query.group_id, field);
}

core::Result<std::vector<Selection>> TargetingService::MySelections(const Context& context) {
  if (!context.principal) return Error::Denied("sign in first");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  std::vector<Selection> selections;
  GOTONG_ASSIGN_OR_RETURN(auto enterprises, unit->Targeting().EnterprisesOfAccount(context.principal->user_id));
  if (enterprises.empty()) return selections;
  RoundFilter filter;
  filter.status = RoundStatus::kConfirmed;
  filter.kind = RecipientKind::kEnterprise;
  GOTONG_ASSIGN_OR_RETURN(auto rounds, unit->Targeting().ListRounds(filter, {kMySelectionRounds, 0}));
  for (const auto& round : rounds.items) {
    GOTONG_ASSIGN_OR_RETURN(auto programme, unit->Programmes().Find(round.programme_id));
    for (std::int64_t enterprise_id : enterprises) {
      GOTONG_ASSIGN_OR_RETURN(auto decision,
                              DecisionFor(*unit, round, RecipientKind::kEnterprise, enterprise_id, "enterprise_id"));
      // A round considered her enterprise when it selected it or the enterprise lies in its regions.
      bool in_regions = round.criteria.region_codes.empty() ||
                        std::any_of(decision.eligibility.checks.begin(), decision.eligibility.checks.end(),
                                    [](const CriterionCheck& check) { return check.criterion == "region" && check.met; });
      if (!decision.selected && (!in_regions || decision.reason == "outside_round_filter")) continue;
      selections.push_back({programme.name, std::move(decision)});
    }
  }
  return selections;
}

}  // namespace gotong::domain::programmes
