#include "domain/programmes/assistance_service.hpp"

#include <algorithm>
#include <limits>
#include <utility>

#include "domain/accounts/role.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/rules.hpp"
#include "domain/programmes/programme_reach.hpp"
#include "domain/programmes/targeting.hpp"
#include "domain/service.hpp"

namespace gotong::domain::programmes {
namespace {

// What the caller is to the ledger.
struct Standing {
  bool admin = false;
  std::optional<std::int64_t> stakeholder_id;  // an officer's
  std::optional<std::int64_t> programme_id;    // a facilitator's
};

core::Result<Standing> StandingOf(const Context& context) {
  if (context.IsAdmin()) return Standing{true, std::nullopt, std::nullopt};
  if (!context.principal) return Error::Denied("sign in first");
  const auto& principal = *context.principal;
  if (principal.scope) {
    if (principal.role == Role::kOfficer && principal.scope->kind == ScopeKind::kStakeholder) {
      return Standing{false, principal.scope->id, std::nullopt};
    }
    if (principal.role == Role::kFacilitator && principal.scope->kind == ScopeKind::kProgramme) {
      return Standing{false, std::nullopt, principal.scope->id};
    }
  }
  return Error::Denied("only admins, officers and facilitators keep the assistance ledger");
}

// Records it: admins; an officer for its stakeholder as provider, or under a programme its
// stakeholder owns or partners; a facilitator under its programme.
bool MayRecord(const Standing& standing, std::int64_t provider_id, const std::optional<Programme>& programme) {
  if (standing.admin) return true;
  if (standing.stakeholder_id) {
    return provider_id == *standing.stakeholder_id ||
           (programme && IsPartner(*programme, *standing.stakeholder_id));
  }
  return standing.programme_id && programme && programme->id == *standing.programme_id;
}

// Reads it: those who record it, and the officers of the recipient's steward.
bool MayRead(const Standing& standing, const Assistance& assistance,
             const std::optional<Programme>& programme) {
  if (MayRecord(standing, assistance.provider_id, programme)) return true;
  return standing.stakeholder_id && assistance.recipient_steward_id &&
         *assistance.recipient_steward_id == *standing.stakeholder_id;
}

LedgerReach ReachOf(const Standing& standing) { return {standing.stakeholder_id, standing.programme_id}; }

Error NoRecord(std::int64_t id) { return Error::NotFound("no assistance record with id " + std::to_string(id)); }
Error NoLoan(std::int64_t id) { return Error::NotFound("no loan with id " + std::to_string(id)); }

core::Result<std::optional<Programme>> ProgrammeOf(UnitOfWork& unit, const Assistance& assistance) {
  if (!assistance.programme_id) return std::optional<Programme>();
  GOTONG_ASSIGN_OR_RETURN(auto programme, unit.Programmes().Find(*assistance.programme_id));
  return std::optional<Programme>(std::move(programme));
}

// Record `id` as the caller may read it: kNotFound when there is none or it is out of reach.
struct Opened {
  Assistance assistance;
  std::optional<Programme> programme;
};

core::Result<Opened> Open(UnitOfWork& unit, const Standing& standing, std::int64_t id) {
  auto found = unit.Assistance().Find(id);
  if (!found.ok()) {
    if (found.error().code == core::ErrorCode::kNotFound) return NoRecord(id);
    return std::move(found).error();
  }
  GOTONG_ASSIGN_OR_RETURN(auto programme, ProgrammeOf(unit, *found));
  if (!MayRead(standing, *found, programme)) return NoRecord(id);
  return Opened{std::move(found).value(), std::move(programme)};
}

// Loan `id` as the caller may read it: kNotFound naming a loan when there is none, it is out of
// reach, or the record is not a loan.
core::Result<Opened> OpenLoan(UnitOfWork& unit, const Standing& standing, std::int64_t id) {
  auto opened = Open(unit, standing, id);
  if (!opened.ok()) {
    if (opened.error().code == core::ErrorCode::kNotFound) return NoLoan(id);
    return std::move(opened).error();
  }
  if (!opened->assistance.loan) return NoLoan(id);
  return opened;
}

audit::Snapshot SnapshotOf(const Assistance& a) {
  audit::Snapshot snapshot{{"programme_id", audit::Nullable(a.programme_id)},
                           {"provider_id", a.provider_id},
                           {"enterprise_id", audit::Nullable(a.enterprise_id)},
                           {"group_id", audit::Nullable(a.group_id)},
                           {"kind", std::string(ToString(a.kind))},
                           {"value", a.value},
                           {"given_on", a.given_on.ToString()},
                           {"until_on", audit::Nullable(a.until_on)},
                           {"disbursed_on", audit::Nullable(a.disbursed_on)},
                           {"description", audit::Nullable(a.description)},
                           {"over_budget_reason", audit::Nullable(a.over_budget_reason)}};
  if (a.loan) {
    snapshot.emplace_back("loan.annual_rate_bp", a.loan->annual_rate_bp);
    snapshot.emplace_back("loan.term_months", static_cast<std::int64_t>(a.loan->term_months));
    snapshot.emplace_back("loan.method", std::string(ToString(a.loan->method)));
    snapshot.emplace_back("loan.first_due_on", a.loan->first_due_on.ToString());
  }
  return snapshot;
}

// ---- checking a new record --------------------------------------------------------------------

std::optional<core::Date> RequiredDate(Problems& problems, const form::Field<std::string>& input,
                                       const std::string& field) {
  if (!IsSet(input)) {
    problems.Add(field, "required", field + " is required");
    return std::nullopt;
  }
  return form::CheckDate(problems, field, **input);
}

std::optional<core::Date> OptionalDateField(Problems& problems, const form::Field<std::string>& input,
                                            const std::string& field) {
  if (!IsSet(input)) return std::nullopt;
  return form::CheckDate(problems, field, **input);
}

// The recipient: exactly one of enterprise_id and group_id.
void ApplyRecipient(Problems& problems, const AssistanceInput& input, Assistance& a) {
  const bool enterprise = IsSet(input.enterprise_id), group = IsSet(input.group_id);
  if (!enterprise && !group) {
    problems.Add("enterprise_id", "required", "give the recipient: enterprise_id or group_id");
  } else if (enterprise && group) {
    problems.Add(core::Error::Invalid(
        {core::FieldError("group_id", "conflict", "a record reaches one recipient: enterprise_id or group_id",
                          {{"with", "enterprise_id"}})}));
  } else if (enterprise) {
    a.enterprise_id = **input.enterprise_id;
  } else {
    a.group_id = **input.group_id;
  }
}

void ApplyValue(Problems& problems, const form::Field<std::int64_t>& input, Assistance& a) {
  if (!IsSet(input)) {
    problems.Add("value", "required", "value is required (whole rupiah; 0 for a benefit without a price)");
  } else if (**input < 0 || **input > kMaxAssistanceValue) {
    problems.Add(core::Error::Invalid({core::FieldError(
        "value", "out_of_range", "value must be from Rp 0 to Rp 10.000.000.000.000",
        {{"min", "0"}, {"max", std::to_string(kMaxAssistanceValue)}})}));
  } else {
    a.value = **input;
  }
}

void ApplyDates(Problems& problems, const AssistanceInput& input, const core::Date& today, Assistance& a,
                bool& dates_ok) {
  auto given = RequiredDate(problems, input.given_on, "given_on");
  auto until = OptionalDateField(problems, input.until_on, "until_on");
  std::optional<core::Date> disbursed;
  if (IsSet(input.disbursed_on)) disbursed = groups::PastDate(problems, "disbursed_on", **input.disbursed_on, today);
  dates_ok = given.has_value() && (until || !IsSet(input.until_on)) && (disbursed || !IsSet(input.disbursed_on));
  if (given) a.given_on = *given;
  if (given && until && *until < *given) {
    problems.Add(core::Error::Invalid({core::FieldError("until_on", "before_given_on",
                                                        "until_on must not be before given_on " + given->ToString(),
                                                        {{"given_on", given->ToString()}})}));
    dates_ok = false;
  }
  a.until_on = until;
  a.disbursed_on = disbursed;
}

// CheckLoanTerms' errors named as the body names them: the principal is the record's value, the
// disbursement its disbursed_on, the rest lie in `loan`.
void AddLoanErrors(Problems& problems, const core::Error& error) {
  std::vector<core::FieldError> fields;
  for (core::FieldError field : error.fields) {
    if (field.field == "principal") {
      field.field = "value";
    } else if (field.field != "disbursed_on") {
      field.field = "loan." + field.field;
    }
    fields.push_back(std::move(field));
  }
  problems.Add(core::Error::Invalid(std::move(fields)));
}

// A soft loan's terms; `loan` for the other kinds is refused.
void ApplyLoan(Problems& problems, const AssistanceInput& input, bool value_ok, bool dates_ok, Assistance& a) {
  const bool has_loan = input.loan.has_value();
  if (a.kind != AssistanceKind::kSoftLoan) {
    if (has_loan) problems.Add("loan", "not_applicable", "only a soft_loan has loan terms");
    return;
  }
  bool ok = value_ok && dates_ok;
  if (!IsSet(input.disbursed_on)) {
    problems.Add("disbursed_on", "required", "a soft loan is recorded with the day it was disbursed");
    ok = false;
  }
  if (!has_loan) {
    problems.Add("loan", "required", "a soft loan needs its terms: annual_rate_bp, term_months, method, first_due_on");
    return;
  }
  const LoanInput& in = *input.loan;
  LoanPart loan;
  if (!IsSet(in.annual_rate_bp)) {
    problems.Add("loan.annual_rate_bp", "required", "loan.annual_rate_bp is required (600 = 6% a year)");
    ok = false;
  } else {
    loan.annual_rate_bp = **in.annual_rate_bp;
  }
  if (!IsSet(in.term_months)) {
    problems.Add("loan.term_months", "required", "loan.term_months is required");
    ok = false;
  } else {
    // Beyond int, CheckLoanTerms' own range names it.
    loan.term_months = static_cast<int>(std::clamp<std::int64_t>(**in.term_months, std::numeric_limits<int>::min(),
                                                                 std::numeric_limits<int>::max()));
  }
  std::optional<InterestMethod> method = IsSet(in.method) ? ParseInterestMethod(**in.method) : std::nullopt;
  if (!method) {
    problems.Add("loan.method", IsSet(in.method) ? "invalid_value" : "required", "loan.method is flat or declining");
    ok = false;
  } else {
    loan.method = *method;
  }
  if (auto due = RequiredDate(problems, in.first_due_on, "loan.first_due_on")) {
    loan.first_due_on = *due;
  } else {
    ok = false;
  }
  a.loan = loan;
  if (!ok) return;
  if (auto status = CheckLoanTerms(a.Terms()); !status.ok()) AddLoanErrors(problems, status.error());
}

// The fields that need no database; `value_ok` says the value can be summed against a budget.
Assistance ReadInput(Problems& problems, const AssistanceInput& input, const Standing& standing,
                     const core::Date& today, bool& value_ok) {
  Assistance a;
  if (IsSet(input.programme_id)) a.programme_id = **input.programme_id;
  if (IsSet(input.provider_id)) {
    a.provider_id = **input.provider_id;
  } else if (standing.stakeholder_id && !Given(input.provider_id)) {
    a.provider_id = *standing.stakeholder_id;  // an officer records what its stakeholder gave
  } else {
    problems.Add("provider_id", "required", "say which stakeholder gave it");
  }
  ApplyRecipient(problems, input, a);
  form::ApplyRequiredChoice(problems, input.kind, true, "kind", ParseAssistanceKind,
                            "kind is soft_loan, grant, working_capital, equipment, training_seat, "
                            "exhibition_slot, market_access or consultation",
                            a.kind);
  const bool kind_ok = IsSet(input.kind) && ParseAssistanceKind(**input.kind).has_value();
  Problems value_problems;
  ApplyValue(value_problems, input.value, a);
  value_ok = value_problems.empty();
  if (!value_ok) problems.Add(value_problems.ToError());
  bool dates_ok = false;
  ApplyDates(problems, input, today, a, dates_ok);
  ApplyOptionalText(problems, input.description, "description", kMaxAssistanceDescription, a.description);
  ApplyOptionalText(problems, input.over_budget_reason, "over_budget_reason", kMaxOverBudgetReason,
                    a.over_budget_reason);
  if (kind_ok) ApplyLoan(problems, input, value_ok, dates_ok, a);
  return a;
}

// Whether record `id` of a repository exists: a problem naming `field` when it does not.
template <typename Repository>
core::Status CheckExists(Repository& repository, Problems& problems, std::int64_t id, const std::string& field,
                         const std::string& noun) {
  auto found = repository.Find(id);
  if (found.ok()) return core::OkStatus();
  if (found.error().code != core::ErrorCode::kNotFound) return std::move(found).error();
  problems.Add(core::Error::Invalid({core::FieldError(field, "not_found", "no " + noun + " with id " + std::to_string(id),
                                                      {{"id", std::to_string(id)}})}));
  return core::OkStatus();
}

// The programme a new record names, locked against other writers: none without one, or with a
// problem when it does not exist or is closed.
core::Result<std::optional<Programme>> CheckProgramme(UnitOfWork& unit, Problems& problems,
                                                              const Assistance& a) {
  if (!a.programme_id) return std::optional<Programme>();
  GOTONG_RETURN_IF_ERROR(unit.Programmes().Lock(*a.programme_id));
  auto programme = unit.Programmes().Find(*a.programme_id);
  if (!programme.ok()) {
    if (programme.error().code != core::ErrorCode::kNotFound) return std::move(programme).error();
    problems.Add(core::Error::Invalid({core::FieldError("programme_id", "not_found",
                                                        "no programme with id " + std::to_string(*a.programme_id),
                                                        {{"id", std::to_string(*a.programme_id)}})}));
    return std::optional<Programme>();
  }
  if (programme->status == ProgrammeStatus::kClosed) {
    problems.Add(core::Error::Invalid({core::FieldError("programme_id", "programme_closed",
                                                        programme->name + " is closed: it takes no new assistance",
                                                        {{"name", programme->name}})}));
  }
  return std::optional<Programme>(std::move(programme).value());
}

// The budget: a record that takes the programme's committed money over its budget needs an
// over_budget_reason, kept with it; a reason is kept only on such a record.
core::Status CheckBudget(UnitOfWork& unit, Problems& problems, const std::optional<Programme>& programme,
                         bool value_ok, Assistance& a) {
  if (!programme) {
    if (a.over_budget_reason) {
      problems.Add("over_budget_reason", "not_applicable", "only a programme's assistance has a budget to go over");
    }
    return core::OkStatus();
  }
  if (!value_ok) return core::OkStatus();
  GOTONG_ASSIGN_OR_RETURN(auto tally, unit.Assistance().Tally(programme->id));
  if (tally.committed + a.value <= programme->budget) {
    a.over_budget_reason.reset();
    return core::OkStatus();
  }
  if (a.over_budget_reason) return core::OkStatus();
  problems.Add(core::Error::Invalid({core::FieldError(
      "value", "over_budget",
      groups::FormatRupiah(a.value) + " would take " + programme->name + " over its budget of " +
          groups::FormatRupiah(programme->budget) + " (" + groups::FormatRupiah(tally.committed) +
          " committed); give over_budget_reason to record it anyway",
      {{"budget", std::to_string(programme->budget)},
       {"committed", std::to_string(tally.committed)},
       {"value", std::to_string(a.value)}})}));
  return core::OkStatus();
}

core::Result<LoanView> ViewOf(UnitOfWork& unit, Assistance assistance, const core::Date& today) {
  LoanView view;
  GOTONG_ASSIGN_OR_RETURN(view.schedule, ScheduleOf(assistance));
  GOTONG_ASSIGN_OR_RETURN(view.repayments, unit.Assistance().Repayments(assistance.id));
  const auto repayments = RepaymentsOf(view.repayments);
  GOTONG_ASSIGN_OR_RETURN(view.position, ApplyRepayments(view.schedule, repayments));
  GOTONG_ASSIGN_OR_RETURN(view.arrears, ArrearsOn(view.schedule, repayments, today));
  view.assistance = std::move(assistance);
  return view;
}

// The filter of a list or a loan book: what the caller reaches, narrowed to the ids the query
// names.
template <typename Query>
AssistanceFilter FilterOf(const Standing& standing, const Query& query) {
  AssistanceFilter filter;
  filter.reach = ReachOf(standing);
  filter.programme_id = query.programme_id;
  filter.provider_id = query.provider_id;
  filter.enterprise_id = query.enterprise_id;
  filter.group_id = query.group_id;
  return filter;
}

}  // namespace

core::Date AssistanceService::Today() const { return core::DayInIndonesia(clock_.Now()); }

core::Result<core::Page<Assistance>> AssistanceService::List(const Context& context, const AssistanceQuery& query) {
  GOTONG_ASSIGN_OR_RETURN(auto standing, StandingOf(context));
  Problems problems;
  AssistanceFilter filter = FilterOf(standing, query);
  if (query.kind) {
    filter.kind = ParseAssistanceKind(*query.kind);
    if (!filter.kind) problems.Add("kind", "invalid_value", "kind is not a kind of assistance");
  }
  auto range = groups::ReadDateRange(problems, query.from, query.to);
  filter.from = range.from;
  filter.to = range.to;
  filter.duplicates_only = query.duplicates_only;
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Assistance().List(filter, query.page);
}

core::Result<Assistance> AssistanceService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto standing, StandingOf(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(*unit, standing, id));
  return std::move(opened.assistance);
}

core::Result<Assistance> AssistanceService::Create(const Context& context, const AssistanceInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto standing, StandingOf(context));
  Problems problems;
  bool value_ok = false;
  Assistance a = ReadInput(problems, input, standing, Today(), value_ok);
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto programme, CheckProgramme(*unit, problems, a));
  if (a.provider_id > 0 && IsSet(input.provider_id)) {
    GOTONG_RETURN_IF_ERROR(CheckExists(unit->Stakeholders(), problems, a.provider_id, "provider_id", "stakeholder"));
  }
  // Rights once the provider and the programme are known: out of them, nothing else is told.
  const bool programme_known = !a.programme_id || programme;
  if (problems.empty() || (a.provider_id > 0 && programme_known)) {
    if (!MayRecord(standing, a.provider_id, programme)) {
      return Error::Denied(standing.programme_id
                               ? "a facilitator records the assistance of its own programme"
                               : "an officer records what its stakeholder gave, or what its programmes give");
    }
  }
  if (a.enterprise_id) {
    GOTONG_RETURN_IF_ERROR(CheckExists(unit->Enterprises(), problems, *a.enterprise_id, "enterprise_id", "enterprise"));
  }
  if (a.group_id) {
    GOTONG_RETURN_IF_ERROR(CheckExists(unit->Groups(), problems, *a.group_id, "group_id", "group"));
  }
  GOTONG_RETURN_IF_ERROR(CheckBudget(*unit, problems, programme, value_ok, a));
  if (!problems.empty()) return problems.ToError();
  a.created_by = context.UserId();
  a.created_at = a.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(a.id, unit->Assistance().Insert(a));
  // What the recipient has received, kept for targeting in the same transaction (V030).
  GOTONG_RETURN_IF_ERROR(unit->Targeting().RecountReceived(
      a.enterprise_id ? RecipientKind::kEnterprise : RecipientKind::kGroup, a.enterprise_id ? *a.enterprise_id : *a.group_id));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, a.created_at, "assistance", a.id,
                                       "create", std::nullopt, SnapshotOf(a)));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Assistance().Find(a.id));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return saved;
}

core::Result<LoanBook> AssistanceService::Loans(const Context& context, const LoanQuery& query) {
  GOTONG_ASSIGN_OR_RETURN(auto standing, StandingOf(context));
  LoanBook book;
  book.as_of = Today();
  if (query.as_of) {
    Problems problems;
    auto day = form::CheckDate(problems, "as_of", *query.as_of);
    if (!day) return problems.ToError();
    book.as_of = *day;
  }
  AssistanceFilter filter = FilterOf(standing, query);
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto loans, unit->Assistance().LoanBook(filter));
  GOTONG_ASSIGN_OR_RETURN(auto arrears, ArrearsOfBook(loans, book.as_of));
  book.portfolio = PortfolioAtRiskOf(arrears);
  book.loans.total = static_cast<std::int64_t>(loans.size());
  book.loans.limit = query.page.limit;
  book.loans.offset = query.page.offset;
  // The page of the book; the portfolio above is the whole of it.
  const auto first = static_cast<std::size_t>(std::min<std::int64_t>(query.page.offset, book.loans.total));
  const auto last = std::min(loans.size(), first + static_cast<std::size_t>(query.page.limit));
  for (std::size_t i = first; i < last; ++i) book.loans.items.push_back({std::move(loans[i].assistance), arrears[i]});
  return book;
}

core::Result<LoanView> AssistanceService::Loan(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto standing, StandingOf(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenLoan(*unit, standing, id));
  return ViewOf(*unit, std::move(opened.assistance), Today());
}

core::Result<LoanView> AssistanceService::Repay(const Context& context, std::int64_t loan_id,
                                                const RepaymentInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto standing, StandingOf(context));
  const core::Date today = Today();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenLoan(*unit, standing, loan_id));
  const Assistance& loan = opened.assistance;
  if (!MayRecord(standing, loan.provider_id, opened.programme)) {
    return Error::Denied("repayments are recorded by the lender's officers and the programme's facilitator");
  }
  // Checked against the repayments recorded before it, which no other writer adds to meanwhile.
  GOTONG_RETURN_IF_ERROR(unit->Assistance().Lock(loan_id));
  Problems problems;
  std::optional<core::Date> paid_on;
  if (!IsSet(input.paid_on)) {
    problems.Add("paid_on", "required", "paid_on is required");
  } else {
    paid_on = groups::PastDate(problems, "paid_on", **input.paid_on, today);
  }
  auto amount = groups::CheckAmount(problems, "amount", input.amount);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto schedule, ScheduleOf(loan));
  GOTONG_ASSIGN_OR_RETURN(auto recorded, unit->Assistance().Repayments(loan_id));
  GOTONG_RETURN_IF_ERROR(AddRepayment(schedule, RepaymentsOf(recorded), Repayment{*paid_on, *amount}));
  RecordedRepayment repayment;
  repayment.loan_id = loan_id;
  repayment.paid_on = *paid_on;
  repayment.amount = *amount;
  repayment.recorded_by = context.UserId();
  repayment.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(repayment.id, unit->Assistance().InsertRepayment(repayment));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, repayment.created_at, "loan",
                                       loan_id, "repay", std::nullopt,
                                       audit::Snapshot{{"repayment_id", repayment.id},
                                                       {"paid_on", repayment.paid_on.ToString()},
                                                       {"amount", repayment.amount}}));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, std::move(opened.assistance), today));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return view;
}

core::Result<BudgetView> AssistanceService::Budget(const Context& context, std::int64_t programme_id) {
  // The ledger's keepers (StandingOf) who reach the programme: its partners' officers, its facilitators.
  if (auto standing = StandingOf(context); !standing.ok()) return std::move(standing).error();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenProgramme(context, *unit, programme_id, Today()));
  const Programme& programme = opened.first;
  GOTONG_ASSIGN_OR_RETURN(auto tally, unit->Assistance().Tally(programme_id));
  return BudgetView{programme_id, programme.budget, tally};
}

}  // namespace gotong::domain::programmes
