// A group's treasury (seed 001): ledger entries and reversals, the statement, month-end
// balances, fee rules with fees due and arrears, and common assets such as the group shop.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace groups = domain::groups;

std::string_view TypeWord(groups::AccountType type) {
  switch (type) {
    case groups::AccountType::kAsset: return "asset";
    case groups::AccountType::kIncome: return "income";
    case groups::AccountType::kExpense: return "expense";
  }
  return "asset";
}

json::value EntryJson(const groups::LedgerEntry& e) {
  json::array lines;
  for (const auto& line : e.lines) {
    lines.push_back(json::object{{"account", groups::ToString(line.account)},
                                 {"debit", line.debit},
                                 {"credit", line.credit},
                                 {"member_id", NullableNumber(line.member_id)}});
  }
  return json::object{{"id", e.id},
                      {"group_id", e.group_id},
                      {"date", e.date.ToString()},
                      {"kind", groups::ToString(e.kind)},
                      {"memo", e.memo},
                      {"amount", e.amount},
                      {"lines", std::move(lines)},
                      {"reverses_id", NullableNumber(e.reverses_id)},
                      {"reversed_by", NullableNumber(e.reversed_by)},
                      {"asset_id", NullableNumber(e.asset_id)},
                      {"meeting_id", NullableNumber(e.meeting_id)},
                      {"created_by", json::object{{"id", NullableNumber(e.created_by)},
                                                  {"username", e.created_by_username}}},
                      {"created_at", core::FormatInstant(e.created_at)}};
}

json::value FeeRuleJson(const groups::FeeRule& r) {
  return json::object{{"id", r.id},
                      {"amount", r.amount},
                      {"from", r.from.ToString()},
                      {"deliberation_id", NullableNumber(r.deliberation_id)},
                      {"created_at", core::FormatInstant(r.created_at)}};
}

json::value AssetJson(const groups::CommonAsset& a) {
  return json::object{{"id", a.id},
                      {"group_id", a.group_id},
                      {"name", a.name},
                      {"kind", groups::ToString(a.kind)},
                      {"source", groups::ToString(a.source)},
                      {"value", a.value},
                      {"acquired_on", a.acquired_on.ToString()},
                      {"sales", a.sales},
                      {"purchases", a.purchases},
                      {"created_at", core::FormatInstant(a.created_at)}};
}

json::value StatementJson(const groups::Statement& s) {
  json::array accounts;
  for (const auto& line : s.accounts) {
    accounts.push_back(json::object{{"account", groups::ToString(line.account)},
                                    {"type", TypeWord(groups::TypeOf(line.account))},
                                    {"opening", line.opening},
                                    {"debits", line.debits},
                                    {"credits", line.credits},
                                    {"closing", line.closing}});
  }
  return json::object{{"from", NullableDate(s.from)},
                      {"to", s.to.ToString()},
                      {"accounts", std::move(accounts)},
                      {"assets", s.assets},
                      {"income", s.income},
                      {"expenses", s.expenses},
                      {"surplus", s.surplus},
                      {"balanced", s.balanced}};
}

json::value FeesJson(const groups::FeesView& view) {
  json::array rules, members;
  for (const auto& rule : view.rules) rules.push_back(FeeRuleJson(rule));
  for (const auto& row : view.members) {
    members.push_back(json::object{{"member_id", row.member.id},
                                   {"name", row.member.person_name},
                                   {"active", !row.member.left_on.has_value()},
                                   {"due", row.due},
                                   {"paid", row.paid},
                                   {"arrears", row.arrears}});
  }
  return json::object{{"through", view.through.ToString()},
                      {"rules", std::move(rules)},
                      {"members", std::move(members)},
                      {"due", view.due},
                      {"paid", view.paid},
                      {"arrears", view.arrears}};
}

json::value BalanceJson(const groups::BalancePoint& point) {
  return json::object{{"month", point.month.ToString()},
                      {"cash", point.cash},
                      {"common_assets", point.common_assets}};
}

// A general entry's lines, each one account's debit or credit.
void ReadLines(BodyReader& body, groups::EntryInput& input) {
  if (body.Has("lines")) {
    if (auto lines = body.Objects("lines", false, 50, {"account", "debit", "credit", "member_id"})) {
      input.lines.emplace();
      for (auto& line : *lines) {
        input.lines->push_back({line.String("account", false), line.Int("debit", false),
                                line.Int("credit", false), line.Int("member_id", false)});
      }
    }
  }
}

using EntryIn = groups::EntryInput;
constexpr auto kEntryFields = std::to_array<BodyField<EntryIn>>({
    {"date", &EntryIn::date}, {"kind", &EntryIn::kind}, {"memo", &EntryIn::memo},
    {"amount", &EntryIn::amount}, {"member_id", &EntryIn::member_id},
    {"asset_id", &EntryIn::asset_id}, {"lines", ReadLines}});

// A fee sheet's "payments", each a member and what she paid ("payments[2].amount").
void ReadPayments(BodyReader& body, groups::FeeSheetInput& input) {
  if (auto lines = body.Objects("payments", true, groups::kMaxFeePayments, {"member_id", "amount"})) {
    input.payments.emplace();
    for (auto& line : *lines) {
      input.payments->push_back({NumberField(line, "member_id"), NumberField(line, "amount")});
    }
  }
}

using FeeSheetIn = groups::FeeSheetInput;
constexpr auto kFeeSheetFields = std::to_array<BodyField<FeeSheetIn>>({
    {"date", &FeeSheetIn::date}, {"meeting_id", &FeeSheetIn::meeting_id},
    {"payments", ReadPayments}});

// GET …/ledger: a date range, a page, and the meeting the entries were recorded at.
struct LedgerQuery {
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<std::int64_t> meeting_id;
  core::PageRequest page;
};

core::Result<LedgerQuery> ReadLedgerQuery(const Call& call) {
  GOTONG_ASSIGN_OR_RETURN(auto query,
                          QueryReader::Parse(call.query));
  LedgerQuery ledger;
  ledger.from = query.String("from");
  ledger.to = query.String("to");
  ledger.meeting_id = query.Int("meeting_id", 1, INT64_MAX);
  ledger.page = ReadPage(query);
  GOTONG_RETURN_IF_ERROR(query.Finish());
  return ledger;
}

json::value EntriesJson(const std::vector<groups::LedgerEntry>& entries) {
  json::array items;
  for (const auto& entry : entries) items.push_back(EntryJson(entry));
  return json::object{{"items", std::move(items)}};
}

using ReversalIn = groups::ReversalInput;
constexpr auto kReversalFields = std::to_array<BodyField<ReversalIn>>({
    {"date", &ReversalIn::date}, {"memo", &ReversalIn::memo}});

using FeeRuleIn = groups::FeeRuleInput;
constexpr auto kFeeRuleFields = std::to_array<BodyField<FeeRuleIn>>({
    {"amount", &FeeRuleIn::amount}, {"from", &FeeRuleIn::from},
    {"deliberation_id", &FeeRuleIn::deliberation_id}});

using AssetIn = groups::AssetInput;
constexpr auto kAssetFields = std::to_array<BodyField<AssetIn>>({
    {"name", &AssetIn::name}, {"kind", &AssetIn::kind}, {"source", &AssetIn::source},
    {"value", &AssetIn::value}, {"acquired_on", &AssetIn::acquired_on}});

}  // namespace

void AddTreasuryRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.treasury;

  routes.push_back(GroupRoute("GET", "/ledger", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, ReadLedgerQuery(call));
    return PageJsonReply(
        service.ListEntries(call.context, id, query.from, query.to, query.meeting_id, query.page),
        EntryJson);
  }));

  routes.push_back(GroupRoute("POST", "/ledger", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(
        auto input, ReadBody(call, kEntryFields));
    GOTONG_ASSIGN_OR_RETURN(auto posted, service.PostEntry(call.context, id, input));
    return CreatedResponse(EntryJson(posted), GroupRecordPath(id, "ledger", posted.id));
  }));

  routes.push_back(
      GroupRecordRoute("GET", "/ledger/{entry_id}", "entry_id", "no such ledger entry",
                       OnGroupRecord(service, &groups::TreasuryService::GetEntry, EntryJson)));

  routes.push_back(GroupRecordRoute("POST", "/ledger/{entry_id}/reverse", "entry_id", "no such ledger entry",
                                    [&service](Call& call, GroupRecordIds ids) -> Reply {
    groups::ReversalInput input;
    if (!call.request.body.empty()) {
      GOTONG_ASSIGN_OR_RETURN(input, ReadBody(call, kReversalFields));
    }
    GOTONG_ASSIGN_OR_RETURN(auto reversal, service.Reverse(call.context, ids.group_id, ids.id, input));
    return CreatedResponse(EntryJson(reversal), GroupRecordPath(ids.group_id, "ledger", reversal.id));
  }));

  routes.push_back(GroupRoute("GET", "/statement", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto range, ReadDateRange(call));
    return JsonReply(200, service.GetStatement(call.context, id, range.from, range.to), StatementJson);
  }));

  routes.push_back(GroupRoute("GET", "/balances", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto range, ReadDateRange(call));
    return ItemsJsonReply(service.Balances(call.context, id, range.from, range.to), BalanceJson);
  }));

  routes.push_back(GroupRoute("GET", "/fee-rules", [&service](Call& call, std::int64_t id) -> Reply {
    return ItemsJsonReply(service.FeeRules(call.context, id), FeeRuleJson);
  }));

  routes.push_back(GroupRoute(
      "POST", "/fee-rules",
      OnGroup(service, &groups::TreasuryService::AddFeeRule, kFeeRuleFields, FeeRuleJson, 201)));

  routes.push_back(GroupRoute("GET", "/fees", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto through = query.String("through");
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return JsonReply(200, service.Fees(call.context, id, through), FeesJson);
  }));

  routes.push_back(GroupRoute(
      "POST", "/fees",
      OnGroup(service, &groups::TreasuryService::RecordFees, kFeeSheetFields, EntriesJson, 201)));

  routes.push_back(GroupRoute("GET", "/assets", [&service](Call& call, std::int64_t id) -> Reply {
    return ItemsJsonReply(service.Assets(call.context, id), AssetJson);
  }));

  routes.push_back(GroupRoute("POST", "/assets", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(
        auto input, ReadBody(call, kAssetFields));
    GOTONG_ASSIGN_OR_RETURN(auto asset, service.AddAsset(call.context, id, input));
    return CreatedResponse(AssetJson(asset), "/api/v1/groups/" + std::to_string(id) + "/assets");
  }));
}

}  // namespace gotong::api::handlers
