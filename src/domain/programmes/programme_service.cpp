#include "domain/programmes/programme_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/groups/group_access.hpp"
#include "domain/groups/rules.hpp"
#include "domain/programmes/assistance.hpp"
#include "domain/programmes/programme_reach.hpp"
#include "domain/service.hpp"

namespace gotong::domain::programmes {
namespace {

constexpr std::size_t kMaxName = 160;
constexpr std::size_t kMaxText = 4000;
constexpr std::size_t kMaxContribution = 300;
constexpr std::size_t kMaxPartners = 50;
constexpr std::int64_t kMaxBudget = 1'000'000'000'000'000;  // Rp 1.000 triliun
constexpr std::int64_t kMaxFollowUpMonth = 120;
constexpr std::int64_t kMaxFoundedWithin = 100;

std::string Joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : ",") + word;
  return text;
}

void ApplyFactors(Problems& problems, const ProgrammeInput& input, bool creating, Factors& factors) {
  if (!input.factors) {
    if (creating) problems.Add("factors", "required", "choose at least one empowerment factor");
    return;
  }
  Factors chosen;
  for (const auto& factor : *input.factors) {
    if (factor == "capital_access") {
      chosen.capital_access = true;
    } else if (factor == "human_resources") {
      chosen.human_resources = true;
    } else if (factor == "partnership") {
      chosen.partnership = true;
    } else if (factor == "market_strengthening") {
      chosen.market_strengthening = true;
    } else {
      problems.Add("factors", "invalid_value",
                   "factors are capital_access, human_resources, partnership and market_strengthening");
      return;
    }
  }
  if (!chosen.Any()) {
    problems.Add("factors", "required", "choose at least one empowerment factor");
    return;
  }
  factors = chosen;
}

// A wrong field with the numbers a client words its message from.
void AddWithParams(Problems& problems, std::string field, std::string code, std::string message,
                   core::ErrorParams params) {
  problems.Add(Error::Invalid({core::FieldError(std::move(field), std::move(code), std::move(message), std::move(params))}));
}

void ApplyNumber(Problems& problems, const form::Field<std::int64_t>& input, bool creating, const std::string& field,
                 std::int64_t min, std::int64_t max, std::int64_t& target) {
  if (!Given(input) && !creating) return;
  if (!IsSet(input)) {
    if (creating && !Given(input)) return;  // the default stands
    problems.Add(field, "required", field + " is a number");
    return;
  }
  std::int64_t value = **input;
  if (value < min || value > max) {
    AddWithParams(problems, field, "out_of_range",
                  field + " is between " + std::to_string(min) + " and " + std::to_string(max),
                  {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
    return;
  }
  target = value;
}

void ApplyDates(Problems& problems, const ProgrammeInput& input, bool creating, Programme& programme) {
  auto apply = [&](const form::Field<std::string>& field, const std::string& name, core::Date& target) {
    if (!Given(field) && !creating) return;
    if (!IsSet(field)) {
      problems.Add(name, "required", name + " is a date such as 2026-01-31");
      return;
    }
    if (auto date = form::CheckDate(problems, name, **field)) target = *date;
  };
  apply(input.starts_on, "starts_on", programme.starts_on);
  apply(input.ends_on, "ends_on", programme.ends_on);
  if (programme.ends_on < programme.starts_on) {
    problems.Add("ends_on", "before_start", "a programme ends on or after the day it starts");
  }
}

void ApplyFollowUps(Problems& problems, const ProgrammeInput& input, Programme& programme) {
  if (!input.follow_up_months) return;
  std::vector<int> months;
  for (std::size_t i = 0; i < input.follow_up_months->size(); ++i) {
    std::int64_t month = (*input.follow_up_months)[i];
    if (month < 1 || month > kMaxFollowUpMonth || (!months.empty() && month <= months.back())) {
      problems.Add("follow_up_months", "invalid_value",
                   "follow-up visits are months after the end, 1 to 120, each later than the one before");
      return;
    }
    months.push_back(static_cast<int>(month));
  }
  if (months.size() > 12) {
    problems.Add("follow_up_months", "too_many", "at most 12 follow-up visits");
    return;
  }
  programme.follow_up_months = std::move(months);
}

template <typename Enum, typename Parse>
void ApplyChoices(Problems& problems, const std::optional<std::vector<std::string>>& words, const std::string& field,
                  Parse parse, const std::string& message, std::vector<Enum>& target) {
  if (!words) return;
  std::vector<Enum> values;
  for (const auto& word : *words) {
    auto value = parse(word);
    if (!value) {
      problems.Add(field, "invalid_value", message);
      return;
    }
    if (std::find(values.begin(), values.end(), *value) == values.end()) values.push_back(*value);
  }
  target = std::move(values);
}

core::Status ApplyCriteria(UnitOfWork& unit, Problems& problems, const CriteriaInput& input, Criteria& criteria) {
  Criteria next = criteria;
  if (input.region_codes) {
    std::vector<std::string> codes;
    for (const auto& code : *input.region_codes) {
      if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
    }
    if (codes.size() > 100) {
      problems.Add("criteria.region_codes", "too_many", "at most 100 regions");
    } else {
      GOTONG_ASSIGN_OR_RETURN(auto found, unit.Regions().Find(codes));
      if (found.size() != codes.size()) {
        std::set<std::string> known;
        for (const auto& region : found) known.insert(region.code);
        for (const auto& code : codes) {
          if (known.count(code) == 0) {
            AddWithParams(problems, "criteria.region_codes", "not_found", "no region with code " + code,
                               {{"code", code}});
          }
        }
      } else {
        next.region_codes = std::move(codes);
      }
    }
  }
  ApplyChoices(problems, input.sectors, "criteria.sectors", registry::ParseSector,
               "a sector is not a known sector (GET /api/v1/sectors)", next.sectors);
  ApplyChoices(problems, input.scales, "criteria.scales", registry::ParseScale,
               "scales are micro, small, medium and large", next.scales);
  ApplyChoices(problems, input.categories, "criteria.categories", ParseCategory,
               "categories are poor and zakat_recipient", next.categories);
  if (Given(input.founded_within_years)) {
    if (!IsSet(input.founded_within_years)) {
      next.founded_within_years.reset();
    } else if (**input.founded_within_years < 0 || **input.founded_within_years > kMaxFoundedWithin) {
      AddWithParams(problems, "criteria.founded_within_years", "out_of_range",
                         "founded_within_years is between 0 and 100", {{"min", "0"}, {"max", "100"}});
    } else {
      next.founded_within_years = static_cast<int>(**input.founded_within_years);
    }
  }
  if (Given(input.homogeneous)) next.homogeneous = input.homogeneous->value_or(false);
  criteria = std::move(next);
  return core::OkStatus();
}

core::Status ApplyPartners(UnitOfWork& unit, Problems& problems, const ProgrammeInput& input, Programme& programme) {
  if (!input.partners) return core::OkStatus();
  if (input.partners->size() > kMaxPartners) {
    problems.Add("partners", "too_many", "at most 50 partners");
    return core::OkStatus();
  }
  std::vector<Partner> partners;
  // The owner stays first.
  for (const auto& partner : programme.partners) {
    if (partner.role == PartnerRole::kOwner) partners.push_back(partner);
  }
  std::set<std::int64_t> seen{programme.owner_id};
  for (std::size_t i = 0; i < input.partners->size(); ++i) {
    const auto& given = (*input.partners)[i];
    const std::string at = "partners[" + std::to_string(i) + "]";
    if (!given.stakeholder_id) {
      problems.Add(at + ".stakeholder_id", "required", "name the partner stakeholder");
      continue;
    }
    if (!seen.insert(*given.stakeholder_id).second) {
      problems.Add(at + ".stakeholder_id", "duplicate", "a stakeholder is the owner or a partner once");
      continue;
    }
    auto stakeholder = unit.Stakeholders().Find(*given.stakeholder_id);
    if (!stakeholder.ok()) {
      if (stakeholder.error().code != core::ErrorCode::kNotFound) return stakeholder.error();
      problems.Add(at + ".stakeholder_id", "not_found", "no stakeholder with that id");
      continue;
    }
    Partner partner;
    partner.stakeholder_id = stakeholder->id;
    partner.name = stakeholder->name;
    partner.role = PartnerRole::kPartner;
    partner.helix = stakeholder->helix;
    if (given.helix) {
      auto helix = registry::ParseHelix(*given.helix);
      if (!helix) {
        problems.Add(at + ".helix", "invalid_value", "helix is government, business, academia or civil_society");
        continue;
      }
      partner.helix = *helix;
    }
    if (given.contribution) {
      partner.contribution = form::CheckText(problems, at + ".contribution", *given.contribution, kMaxContribution);
    }
    partners.push_back(std::move(partner));
  }
  programme.partners = std::move(partners);
  return core::OkStatus();
}

// Every field of a create or an update but the owner and the status.
core::Status ApplyDesign(UnitOfWork& unit, Problems& problems, const ProgrammeInput& input, bool creating,
                         Programme& programme) {
  ApplyRequiredText(problems, input.name, creating, "name", kMaxName, programme.name);
  ApplyOptionalText(problems, input.description, "description", kMaxText, programme.description);
  ApplyOptionalText(problems, input.exit_strategy, "exit_strategy", kMaxText, programme.exit_strategy);
  ApplyDates(problems, input, creating, programme);
  ApplyFactors(problems, input, creating, programme.factors);
  std::int64_t meetings = programme.sop_meetings_per_month, reports = programme.sop_reports_per_year;
  ApplyNumber(problems, input.sop_meetings_per_month, creating, "sop_meetings_per_month", 0, 31, meetings);
  ApplyNumber(problems, input.sop_reports_per_year, creating, "sop_reports_per_year", 0, 52, reports);
  programme.sop_meetings_per_month = static_cast<int>(meetings);
  programme.sop_reports_per_year = static_cast<int>(reports);
  if (creating && !IsSet(input.budget)) {
    problems.Add("budget", "required", "give the programme's budget in rupiah (0 when it has none)");
  } else {
    ApplyNumber(problems, input.budget, creating, "budget", 0, kMaxBudget, programme.budget);
  }
  ApplyFollowUps(problems, input, programme);
  GOTONG_RETURN_IF_ERROR(ApplyPartners(unit, problems, input, programme));
  if (input.criteria) GOTONG_RETURN_IF_ERROR(ApplyCriteria(unit, problems, *input.criteria, programme.criteria));
  return core::OkStatus();
}

core::Result<Eligibility> EligibilityOf(UnitOfWork& unit, const Programme& programme,
                                        const std::optional<std::int64_t>& group_id,
                                        const std::optional<std::int64_t>& enterprise_id) {
  CandidateFacts facts;
  if (group_id) {
    GOTONG_ASSIGN_OR_RETURN(facts, unit.Enrolments().GroupFacts(*group_id));
  } else {
    GOTONG_ASSIGN_OR_RETURN(facts, unit.Enrolments().EnterpriseFacts(*enterprise_id));
  }
  return CheckEligibility(programme.criteria, facts, programme.starts_on);
}

std::string Unmet(const Eligibility& eligibility) {
  std::vector<std::string> unmet;
  for (const auto& check : eligibility.checks) {
    if (!check.met) unmet.push_back(check.criterion);
  }
  return Joined(unmet);
}

// The facilitator named: an account with the facilitator role scoped to this programme.
core::Status CheckFacilitator(UnitOfWork& unit, Problems& problems, std::int64_t programme_id, std::int64_t user_id) {
  auto user = unit.Users().Find(user_id);
  if (!user.ok()) {
    if (user.error().code != core::ErrorCode::kNotFound) return user.error();
    problems.Add("facilitator_id", "not_found", "no user with that id");
    return core::OkStatus();
  }
  if (user->role != Role::kFacilitator || !user->scope || user->scope->kind != ScopeKind::kProgramme ||
      user->scope->id != programme_id || user->disabled) {
    problems.Add("facilitator_id", "not_facilitator",
                 user->username + " is not an active facilitator of this programme (role facilitator, scope it)");
  }
  return core::OkStatus();
}

}  // namespace

audit::Snapshot SnapshotOf(const Programme& programme) {
  std::vector<std::string> factors, partners, criteria;
  if (programme.factors.capital_access) factors.emplace_back("capital_access");
  if (programme.factors.human_resources) factors.emplace_back("human_resources");
  if (programme.factors.partnership) factors.emplace_back("partnership");
  if (programme.factors.market_strengthening) factors.emplace_back("market_strengthening");
  for (const auto& p : programme.partners) {
    partners.push_back(std::to_string(p.stakeholder_id) + ":" + std::string(ToString(p.role)) + ":" +
                       std::string(registry::ToString(p.helix)));
  }
  const auto& c = programme.criteria;
  for (const auto& code : c.region_codes) criteria.push_back("region=" + code);
  for (auto sector : c.sectors) criteria.push_back("sector=" + std::string(registry::ToString(sector)));
  for (auto scale : c.scales) criteria.push_back("scale=" + std::string(registry::ToString(scale)));
  if (c.founded_within_years) criteria.push_back("founded_within_years=" + std::to_string(*c.founded_within_years));
  if (c.homogeneous) criteria.emplace_back("homogeneous");
  for (auto category : c.categories) criteria.push_back("category=" + std::string(ToString(category)));
  std::string months;
  for (int month : programme.follow_up_months) months += (months.empty() ? "" : ",") + std::to_string(month);
  return {
      {"name", programme.name},
      {"owner_id", programme.owner_id},
      {"description", audit::Nullable(programme.description)},
      {"status", std::string(ToString(programme.status))},
      {"starts_on", programme.starts_on.ToString()},
      {"ends_on", programme.ends_on.ToString()},
      {"factors", Joined(factors)},
      {"sop_meetings_per_month", static_cast<std::int64_t>(programme.sop_meetings_per_month)},
      {"sop_reports_per_year", static_cast<std::int64_t>(programme.sop_reports_per_year)},
      {"budget", programme.budget},
      {"exit_strategy", audit::Nullable(programme.exit_strategy)},
      {"follow_up_months", months},
      {"partners", Joined(partners)},
      {"criteria", Joined(criteria)},
  };
}

audit::Snapshot SnapshotOf(const Enrolment& enrolment) {
  return {
      {"programme_id", enrolment.programme_id},
      {"group_id", audit::Nullable(enrolment.group_id)},
      {"enterprise_id", audit::Nullable(enrolment.enterprise_id)},
      {"facilitator_id", audit::Nullable(enrolment.facilitator_id)},
      {"enrolled_on", enrolment.enrolled_on.ToString()},
      {"left_on", enrolment.left_on ? audit::Value(enrolment.left_on->ToString()) : audit::Value(nullptr)},
      {"outside_criteria_reason", audit::Nullable(enrolment.outside_criteria_reason)},
  };
}

core::Date ProgrammeService::Today() const { return core::DayInIndonesia(clock_.Now()); }

core::Result<core::Page<Programme>> ProgrammeService::List(const Context& context, const ProgrammeQuery& query) {
  if (!context.system && !context.principal) return Error::Denied("sign in first");
  ProgrammeFilter filter;
  if (query.status) {
    filter.status = ParseProgrammeStatus(*query.status);
    if (!filter.status) return Error::Invalid("status", "invalid_value", "status is draft, active or closed");
  }
  filter.q = query.q;
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  core::Page<Programme> none;
  none.limit = query.page.limit;
  none.offset = query.page.offset;
  // What the caller reaches (as ReachOf reads one programme); nothing without a scope.
  const accounts::Scope* scope =
      context.principal && context.principal->scope ? &*context.principal->scope : nullptr;
  if (context.IsAdmin()) {
    filter.everything = true;
  } else if (scope != nullptr && scope->kind == ScopeKind::kStakeholder && context.principal->role == Role::kOfficer) {
    filter.stakeholder_ids = {scope->id};
  } else if (scope != nullptr && scope->kind == ScopeKind::kProgramme) {
    filter.programme_id = scope->id;
  } else if (scope != nullptr && scope->kind == ScopeKind::kGroup) {
    GOTONG_ASSIGN_OR_RETURN(bool acts, groups::ActsInItsGroup(context, *unit, Today()));
    if (acts) filter.enrolled_group_id = scope->id;
  }
  if (!filter.everything && filter.stakeholder_ids.empty() && !filter.programme_id && !filter.enrolled_group_id) {
    return none;
  }
  return unit->Programmes().List(filter, query.page);
}

core::Result<ProgrammeView> ProgrammeService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, id, Today()));
  return ProgrammeView{std::move(opened.first), opened.second.manage};
}

core::Result<ProgrammeView> ProgrammeService::Create(const Context& context, const ProgrammeInput& input) {
  const bool admin = context.IsAdmin();
  const bool officer = context.principal && context.principal->role == Role::kOfficer && context.principal->scope &&
                       context.principal->scope->kind == ScopeKind::kStakeholder;
  if (!admin && !officer) return Error::Denied("only an admin or an officer designs a programme");
  Problems problems;
  Programme programme;
  if (Given(input.status) && IsSet(input.status) && **input.status != "draft") {
    problems.Add("status", "invalid_transition", "a programme starts as a draft");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  if (IsSet(input.owner_id)) {
    programme.owner_id = **input.owner_id;
    if (officer && programme.owner_id != context.principal->scope->id) {
      problems.Add("owner_id", "not_yours", "an officer designs programmes of her own stakeholder");
    }
  } else if (officer) {
    programme.owner_id = context.principal->scope->id;
  } else {
    problems.Add("owner_id", "required", "name the stakeholder that owns the programme");
  }
  if (programme.owner_id > 0) {
    auto owner = unit->Stakeholders().Find(programme.owner_id);
    if (!owner.ok()) {
      if (owner.error().code != core::ErrorCode::kNotFound) return owner.error();
      problems.Add("owner_id", "not_found", "no stakeholder with that id");
    } else {
      programme.owner_name = owner->name;
      programme.partners.push_back({owner->id, owner->name, PartnerRole::kOwner, owner->helix, std::nullopt});
    }
  }
  GOTONG_RETURN_IF_ERROR(ApplyDesign(*unit, problems, input, true, programme));
  if (!problems.empty()) return problems.ToError();
  programme.status = ProgrammeStatus::kDraft;
  programme.created_at = programme.updated_at = clock_.Now();
  programme.created_by = context.UserId();
  GOTONG_ASSIGN_OR_RETURN(programme.id, unit->Programmes().Insert(programme));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, programme.created_at, "programme",
                                       programme.id, "create", std::nullopt,
                                       SnapshotOf(programme)));
  // Read back in the same transaction (names the joins give), not in a second one.
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Programmes().Find(programme.id));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return ProgrammeView{std::move(stored), true};
}

core::Result<ProgrammeView> ProgrammeService::Update(const Context& context, std::int64_t id,
                                                     const ProgrammeInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  // Locked: the ledger checks its budget in the same way (AssistanceService::Record).
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, id, Today(), true));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "change a programme"));
  Programme programme = std::move(opened.first);
  if (programme.status == ProgrammeStatus::kClosed) {
    return Error{core::ErrorCode::kFailedPrecondition, "a closed programme does not change", {}, std::nullopt, ""};
  }
  auto before = SnapshotOf(programme);
  Problems problems;
  if (Given(input.owner_id)) problems.Add("owner_id", "immutable", "a programme's owner does not change");
  if (Given(input.status)) {
    auto to = IsSet(input.status) ? ParseProgrammeStatus(**input.status) : std::nullopt;
    if (!to) {
      problems.Add("status", "invalid_value", "status is draft, active or closed");
    } else if (*to != programme.status) {
      if (!MayMove(programme.status, *to)) {
        AddWithParams(problems, "status", "invalid_transition", "a draft becomes active, an active one closed",
                           {{"from", std::string(ToString(programme.status))}, {"to", std::string(ToString(*to))}});
      } else {
        programme.status = *to;
      }
    }
  }
  const std::int64_t budget_before = programme.budget;
  GOTONG_RETURN_IF_ERROR(ApplyDesign(*unit, problems, input, false, programme));
  if (programme.budget < budget_before) {
    // Money the ledger has committed stays covered: a budget goes no lower than that.
    GOTONG_ASSIGN_OR_RETURN(auto tally, unit->Assistance().Tally(id));
    if (programme.budget < tally.committed) {
      AddWithParams(problems, "budget", "below_committed",
                    groups::FormatRupiah(tally.committed) +
                        " is committed already: the budget goes no lower than that",
                    {{"committed", std::to_string(tally.committed)}});
    }
  }
  if (!problems.empty()) return problems.ToError();
  programme.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Programmes().Update(programme));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, programme.updated_at, "programme",
                                       id, "update", std::move(before), SnapshotOf(programme)));
  // Read back in the same transaction (names the joins give), not in a second one.
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Programmes().Find(id));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return ProgrammeView{std::move(stored), true};
}

core::Result<core::Page<Enrolment>> ProgrammeService::Enrolments(const Context& context, std::int64_t programme_id,
                                                                     const EnrolmentQuery& query) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  EnrolmentFilter filter;
  filter.programme_id = programme_id;
  filter.current_only = query.current_only;
  filter.outside_criteria_only = query.outside_criteria_only;
  // An enrolled group's accounts see their own enrolment, not the others'.
  if (!opened.second.manage && context.principal && context.principal->scope &&
      context.principal->scope->kind == ScopeKind::kGroup) {
    filter.group_id = context.principal->scope->id;
  }
  return unit->Enrolments().List(filter, query.page);
}

core::Result<Eligibility> ProgrammeService::CheckCandidate(const Context& context, std::int64_t programme_id,
                                                           const CandidateQuery& query) {
  if (query.group_id.has_value() == query.enterprise_id.has_value()) {
    return Error::Invalid("group_id", "one_of", "name one group_id or one enterprise_id");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "check candidates"));
  auto eligibility = EligibilityOf(*unit, opened.first, query.group_id, query.enterprise_id);
  if (!eligibility.ok() && eligibility.error().code == core::ErrorCode::kNotFound) {
    return Error::Invalid(query.group_id ? "group_id" : "enterprise_id", "not_found", eligibility.error().message);
  }
  return eligibility;
}

core::Result<std::vector<FacilitatorRef>> ProgrammeService::Facilitators(const Context& context,
                                                                         std::int64_t programme_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "see its facilitators"));
  GOTONG_ASSIGN_OR_RETURN(auto users, unit->Users().FacilitatorsOf(programme_id));
  std::vector<FacilitatorRef> facilitators;
  facilitators.reserve(users.size());
  for (auto& user : users) facilitators.push_back(FacilitatorRef{user.id, std::move(user.display_name)});
  return facilitators;
}

core::Result<EnrolmentView> ProgrammeService::Enrol(const Context& context, std::int64_t programme_id,
                                                    const EnrolmentInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  GOTONG_RETURN_IF_ERROR(MayManage(opened.second, "enrol"));
  const Programme& programme = opened.first;
  if (programme.status == ProgrammeStatus::kClosed) {
    return Error{core::ErrorCode::kFailedPrecondition,
                 "the programme is closed: nobody is enrolled any more",
                 {core::FieldError("programme_id", "programme_closed", "the programme is closed")},
                 std::nullopt,
                 ""};
  }
  Problems problems;
  Enrolment enrolment;
  enrolment.programme_id = programme_id;
  if (IsSet(input.group_id) == IsSet(input.enterprise_id)) {
    problems.Add(IsSet(input.group_id) ? "enterprise_id" : "group_id", "one_of",
                 "enrol one group (group_id) or one enterprise (enterprise_id)");
    return problems.ToError();
  }
  if (IsSet(input.group_id)) enrolment.group_id = **input.group_id;
  if (IsSet(input.enterprise_id)) enrolment.enterprise_id = **input.enterprise_id;
  auto eligibility = EligibilityOf(*unit, programme, enrolment.group_id, enrolment.enterprise_id);
  if (!eligibility.ok()) {
    if (eligibility.error().code != core::ErrorCode::kNotFound) return eligibility.error();
    return Error::Invalid(enrolment.group_id ? "group_id" : "enterprise_id", "not_found", eligibility.error().message);
  }
  enrolment.enrolled_on = Today();
  if (IsSet(input.enrolled_on)) {
    if (auto day = form::CheckDate(problems, "enrolled_on", **input.enrolled_on)) enrolment.enrolled_on = *day;
  }
  if (enrolment.enrolled_on > programme.ends_on) {
    problems.Add("enrolled_on", "after_end", "the programme ends on " + programme.ends_on.ToString());
  }
  if (Given(input.left_on)) problems.Add("left_on", "not_on_create", "an enrolment leaves after it is made");
  if (IsSet(input.facilitator_id)) {
    GOTONG_RETURN_IF_ERROR(CheckFacilitator(*unit, problems, programme_id, **input.facilitator_id));
    enrolment.facilitator_id = **input.facilitator_id;
  }
  ApplyOptionalText(problems, input.outside_criteria_reason, "outside_criteria_reason", kMaxText,
                    enrolment.outside_criteria_reason);
  if (!eligibility->eligible && !enrolment.outside_criteria_reason) {
    AddWithParams(problems, "outside_criteria_reason", "required_outside_criteria",
                       "it does not meet the programme's criteria (" + Unmet(*eligibility) +
                           "): write why it is enrolled all the same",
                       {{"unmet", Unmet(*eligibility)}});
  } else if (eligibility->eligible && enrolment.outside_criteria_reason) {
    problems.Add("outside_criteria_reason", "not_outside_criteria",
                 "it meets every criterion of the programme; no reason is needed");
  }
  if (!problems.empty()) return problems.ToError();
  enrolment.created_at = enrolment.updated_at = clock_.Now();
  enrolment.created_by = context.UserId();
  GOTONG_ASSIGN_OR_RETURN(enrolment.id, unit->Enrolments().Insert(enrolment));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, enrolment.created_at, "enrolment",
                                       enrolment.id, "create", std::nullopt,
                                       SnapshotOf(enrolment)));
  // Read back in the same transaction (names the joins give), not in a second one.
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Enrolments().Find(enrolment.id));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return EnrolmentView{std::move(stored), std::move(*eligibility)};
}

core::Result<EnrolmentView> ProgrammeService::UpdateEnrolment(const Context& context, std::int64_t id,
                                                              const EnrolmentInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto enrolment, unit->Enrolments().Find(id));
  auto opened = OpenProgramme(context, *unit, enrolment.programme_id, Today());
  if (!opened.ok()) {
    if (opened.error().code == core::ErrorCode::kNotFound) {
      return Error::NotFound("no enrolment with id " + std::to_string(id));
    }
    return opened.error();
  }
  GOTONG_RETURN_IF_ERROR(MayManage(opened->second, "change an enrolment"));
  if (opened->first.status == ProgrammeStatus::kClosed) {
    return Error{core::ErrorCode::kFailedPrecondition, "a closed programme's enrolments do not change", {},
                 std::nullopt, ""};
  }
  auto before = SnapshotOf(enrolment);
  Problems problems;
  if (Given(input.group_id)) problems.Add("group_id", "immutable", "an enrolment's group does not change");
  if (Given(input.enterprise_id)) problems.Add("enterprise_id", "immutable", "an enrolment's enterprise does not change");
  if (Given(input.enrolled_on)) problems.Add("enrolled_on", "immutable", "the day of enrolment does not change");
  if (Given(input.outside_criteria_reason)) {
    problems.Add("outside_criteria_reason", "immutable", "the reason given at enrolment does not change");
  }
  if (Given(input.facilitator_id)) {
    if (IsSet(input.facilitator_id)) {
      GOTONG_RETURN_IF_ERROR(CheckFacilitator(*unit, problems, enrolment.programme_id, **input.facilitator_id));
      enrolment.facilitator_id = **input.facilitator_id;
    } else {
      enrolment.facilitator_id.reset();
    }
  }
  if (Given(input.left_on)) {
    if (!IsSet(input.left_on)) {
      enrolment.left_on.reset();
    } else if (auto day = form::CheckDate(problems, "left_on", **input.left_on)) {
      if (*day < enrolment.enrolled_on) {
        problems.Add("left_on", "before_enrolment", "it leaves on or after " + enrolment.enrolled_on.ToString());
      } else {
        enrolment.left_on = *day;
      }
    }
  }
  if (!problems.empty()) return problems.ToError();
  enrolment.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Enrolments().Update(enrolment));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, enrolment.updated_at, "enrolment",
                                       id, "update", std::move(before), SnapshotOf(enrolment)));
  GOTONG_ASSIGN_OR_RETURN(auto eligibility,
                          EligibilityOf(*unit, opened->first, enrolment.group_id, enrolment.enterprise_id));
  // Read back in the same transaction (names the joins give), not in a second one.
  GOTONG_ASSIGN_OR_RETURN(auto stored, unit->Enrolments().Find(id));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return EnrolmentView{std::move(stored), std::move(eligibility)};
}

}  // namespace gotong::domain::programmes
