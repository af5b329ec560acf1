// The assistance ledger of the empowerment programmes (issue 15): what reached an enterprise or a
// group, soft loans with their schedules, repayments and portfolio at risk, and a programme's
// budget against what its records commit.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "domain/programmes/assistance_service.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace programmes = domain::programmes;
using domain::accounts::Role;

json::value IdsJson(const std::vector<std::int64_t>& ids) {
  json::array out;
  for (std::int64_t id : ids) out.push_back(id);
  return out;
}

json::value LoanTermsJson(const std::optional<programmes::LoanPart>& loan) {
  if (!loan) return nullptr;
  return json::object{{"annual_rate_bp", loan->annual_rate_bp},
                      {"term_months", loan->term_months},
                      {"method", programmes::ToString(loan->method)},
                      {"first_due_on", loan->first_due_on.ToString()}};
}

json::object AssistanceJson(const programmes::Assistance& a) {
  return json::object{
      {"id", a.id},
      {"programme_id", NullableNumber(a.programme_id)},
      {"programme_name", a.programme_id ? json::value(a.programme_name) : json::value(nullptr)},
      {"provider_id", a.provider_id},
      {"provider_name", a.provider_name},
      {"enterprise_id", NullableNumber(a.enterprise_id)},
      {"group_id", NullableNumber(a.group_id)},
      {"recipient_name", a.recipient_name},
      {"kind", programmes::ToString(a.kind)},
      {"value", a.value},
      {"given_on", a.given_on.ToString()},
      {"until_on", NullableDate(a.until_on)},
      {"disbursed_on", NullableDate(a.disbursed_on)},
      {"status", a.disbursed_on ? "disbursed" : "committed"},
      {"description", Nullable(a.description)},
      {"over_budget_reason", Nullable(a.over_budget_reason)},
      {"loan", LoanTermsJson(a.loan)},
      {"duplicate_of", IdsJson(a.duplicate_of)},
      {"created_at", core::FormatInstant(a.created_at)},
      {"updated_at", core::FormatInstant(a.updated_at)}};
}

json::value AssistanceValue(const programmes::Assistance& a) { return AssistanceJson(a); }

json::value ArrearsJson(const programmes::Arrears& a) {
  return json::object{{"as_of", a.as_of.ToString()},
                      {"disbursed", a.disbursed},
                      {"closed", a.closed},
                      {"overdue_instalments", a.overdue_instalments},
                      {"overdue_principal", a.overdue_principal},
                      {"overdue_interest", a.overdue_interest},
                      {"oldest_unpaid_due_on", NullableDate(a.oldest_unpaid_due_on)},
                      {"days_past_due", a.days_past_due},
                      {"outstanding_principal", a.outstanding_principal},
                      {"outstanding_interest", a.outstanding_interest}};
}

json::value LoanBookJson(const programmes::LoanBook& book) {
  json::array items;
  for (const auto& loan : book.loans.items) {
    auto item = AssistanceJson(loan.assistance);
    item["arrears"] = ArrearsJson(loan.arrears);
    items.push_back(std::move(item));
  }
  const auto& par = book.portfolio;
  return json::object{{"as_of", book.as_of.ToString()},
                      {"items", std::move(items)},
                      {"total", book.loans.total},
                      {"limit", book.loans.limit},
                      {"offset", book.loans.offset},
                      {"portfolio", json::object{{"threshold_days", par.threshold_days},
                                                 {"outstanding_principal", par.outstanding_principal},
                                                 {"at_risk_principal", par.at_risk_principal},
                                                 {"par30", par.ratio},
                                                 {"loans_at_risk", par.loans_at_risk},
                                                 {"loans_outstanding", par.loans_outstanding}}}};
}

json::value LoanViewJson(const programmes::LoanView& view) {
  auto out = AssistanceJson(view.assistance);
  json::array instalments, repayments;
  for (const auto& i : view.position.instalments) {
    instalments.push_back(json::object{{"number", i.due.number},
                                       {"due_on", i.due.due_on.ToString()},
                                       {"principal", i.due.principal},
                                       {"interest", i.due.interest},
                                       {"amount", i.due.Amount()},
                                       {"balance_after", i.due.balance_after},
                                       {"paid_principal", i.paid_principal},
                                       {"paid_interest", i.paid_interest},
                                       {"paid_on", NullableDate(i.paid_on)}});
  }
  for (const auto& r : view.repayments) {
    repayments.push_back(json::object{{"id", r.id},
                                      {"paid_on", r.paid_on.ToString()},
                                      {"amount", r.amount},
                                      {"recorded_by", NullableNumber(r.recorded_by)},
                                      {"recorded_by_username", r.recorded_by ? json::value(r.recorded_by_username)
                                                                             : json::value("system")},
                                      {"created_at", core::FormatInstant(r.created_at)}});
  }
  out["schedule"] = json::object{{"total_principal", view.schedule.total_principal},
                                 {"total_interest", view.schedule.total_interest},
                                 {"total_due", view.schedule.TotalDue()},
                                 {"instalments", std::move(instalments)}};
  const auto& p = view.position;
  out["position"] = json::object{{"paid_principal", p.paid_principal},
                                 {"paid_interest", p.paid_interest},
                                 {"outstanding_principal", p.outstanding_principal},
                                 {"outstanding_interest", p.outstanding_interest},
                                 {"closed_on", NullableDate(p.closed_on)}};
  out["repayments"] = std::move(repayments);
  out["arrears"] = ArrearsJson(view.arrears);
  return out;
}

json::value BudgetJson(const programmes::BudgetView& view) {
  return json::object{{"programme_id", view.programme_id},
                      {"budget", view.budget},
                      {"committed", view.tally.committed},
                      {"disbursed", view.tally.disbursed},
                      {"remaining", view.budget - view.tally.committed},
                      {"over_budget_records", view.tally.over_budget_records}};
}

using AssistanceIn = programmes::AssistanceInput;
void ReadLoan(BodyReader& body, AssistanceIn& input) {
  if (!body.Has("loan") || body.IsNull("loan")) return;
  auto loan = body.Object("loan", false, {"annual_rate_bp", "term_months", "method", "first_due_on"});
  if (!loan) return;
  programmes::LoanInput terms;
  terms.annual_rate_bp = NumberField(*loan, "annual_rate_bp");
  terms.term_months = NumberField(*loan, "term_months");
  terms.method = TextField(*loan, "method");
  terms.first_due_on = TextField(*loan, "first_due_on");
  input.loan = terms;
}
constexpr auto kAssistanceFields = std::to_array<BodyField<AssistanceIn>>({
    {"programme_id", &AssistanceIn::programme_id}, {"provider_id", &AssistanceIn::provider_id},
    {"enterprise_id", &AssistanceIn::enterprise_id}, {"group_id", &AssistanceIn::group_id},
    {"kind", &AssistanceIn::kind}, {"value", &AssistanceIn::value}, {"given_on", &AssistanceIn::given_on},
    {"until_on", &AssistanceIn::until_on}, {"disbursed_on", &AssistanceIn::disbursed_on},
    {"description", &AssistanceIn::description, core::TextLines::kMulti},
    {"over_budget_reason", &AssistanceIn::over_budget_reason, core::TextLines::kMulti}, {"loan", &ReadLoan}});

using RepaymentIn = programmes::RepaymentInput;
constexpr auto kRepaymentFields = std::to_array<BodyField<RepaymentIn>>(
    {{"paid_on", &RepaymentIn::paid_on}, {"amount", &RepaymentIn::amount}});

}  // namespace

void AddAssistanceRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& ledger = services.assistance;
  // Officers and facilitators see their own part of the ledger; the service decides which.
  const auto keepers = Access::Roles({Role::kAdmin, Role::kOfficer, Role::kFacilitator});

  routes.push_back({"GET", "/api/v1/assistance", keepers, [&ledger](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    programmes::AssistanceQuery filter;
    filter.programme_id = query.Int("programme_id", 1, INT64_MAX);
    filter.provider_id = query.Int("provider_id", 1, INT64_MAX);
    filter.enterprise_id = query.Int("enterprise_id", 1, INT64_MAX);
    filter.group_id = query.Int("group_id", 1, INT64_MAX);
    filter.kind = query.String("kind");
    filter.from = query.String("from");
    filter.to = query.String("to");
    filter.duplicates_only = query.Bool("duplicates_only").value_or(false);
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(ledger.List(call.context, filter), AssistanceValue);
  }});

  routes.push_back({"POST", "/api/v1/assistance", keepers, [&ledger](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kAssistanceFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, ledger.Create(call.context, input));
    return CreatedResponse(AssistanceValue(created), "/api/v1/assistance/" + std::to_string(created.id));
  }});

  routes.push_back({"GET", "/api/v1/assistance/{id}", keepers,
                    OnId("no assistance record with that id", ledger,
                         &programmes::AssistanceService::Get, AssistanceValue)});

  routes.push_back({"GET", "/api/v1/loans", keepers, [&ledger](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    programmes::LoanQuery filter;
    filter.programme_id = query.Int("programme_id", 1, INT64_MAX);
    filter.provider_id = query.Int("provider_id", 1, INT64_MAX);
    filter.enterprise_id = query.Int("enterprise_id", 1, INT64_MAX);
    filter.group_id = query.Int("group_id", 1, INT64_MAX);
    filter.as_of = query.String("as_of");
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return JsonReply(200, ledger.Loans(call.context, filter), LoanBookJson);
  }});

  routes.push_back(
      {"GET", "/api/v1/loans/{id}", keepers,
       OnId("no loan with that id", ledger, &programmes::AssistanceService::Loan, LoanViewJson)});

  routes.push_back({"POST", "/api/v1/loans/{id}/repayments", keepers, [&ledger](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no loan with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kRepaymentFields));
    GOTONG_ASSIGN_OR_RETURN(auto view, ledger.Repay(call.context, id, input));
    return CreatedResponse(LoanViewJson(view), "/api/v1/loans/" + std::to_string(id));
  }});

  routes.push_back({"GET", "/api/v1/programmes/{id}/budget", keepers, [&ledger](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no programme with that id"));
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    return JsonReply(200, ledger.Budget(call.context, id), BudgetJson);
  }});
}

}  // namespace gotong::api::handlers
