// A group's treasury (seed 001): ledger entries and reversals, the statement, month-end
// balances, fee rules with fees due and arrears, and common assets such as the group shop.

#include "api/handlers/handlers.hpp"
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

}  // namespace

void AddTreasuryRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.treasury;
  const Access signed_in = Access::SignedIn();

  routes.push_back({"GET", "/api/v1/groups/{id}/ledger", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto query = QueryReader::Parse(call.query, {"from", "to", "limit", "offset"});
    if (!query.ok()) return query.error();
    auto from = query->String("from");
    auto to = query->String("to");
    auto page = ReadPage(*query);
    if (auto status = query->Finish(); !status.ok()) return status.error();
    auto found = service.ListEntries(call.context, *id, from, to, page);
    if (!found.ok()) return found.error();
    return JsonResponse(200, PageJson(*found, EntryJson));
  }});

  routes.push_back({"POST", "/api/v1/groups/{id}/ledger", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto body = BodyReader::Parse(call.request,
                                  {"date", "kind", "memo", "amount", "member_id", "asset_id", "lines"});
    if (!body.ok()) return body.error();
    groups::EntryInput input;
    input.date = TextField(*body, "date");
    input.kind = TextField(*body, "kind");
    input.memo = TextField(*body, "memo");
    input.amount = NumberField(*body, "amount");
    input.member_id = NumberField(*body, "member_id");
    input.asset_id = NumberField(*body, "asset_id");
    if (body->Has("lines")) {
      if (auto lines = body->Objects("lines", false, 50, {"account", "debit", "credit", "member_id"})) {
        input.lines.emplace();
        for (auto& line : *lines) {
          input.lines->push_back({line.String("account", false), line.Int("debit", false),
                                  line.Int("credit", false), line.Int("member_id", false)});
        }
      }
    }
    if (auto status = body->Finish(); !status.ok()) return status.error();
    auto posted = service.PostEntry(call.context, *id, input);
    if (!posted.ok()) return posted.error();
    Response response = JsonResponse(201, EntryJson(*posted));
    response.SetHeader("Location", "/api/v1/groups/" + std::to_string(*id) + "/ledger/" +
                                       std::to_string(posted->id));
    return response;
  }});

  routes.push_back({"GET", "/api/v1/groups/{id}/ledger/{entry_id}", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    auto entry_id = PathId(call, "entry_id");
    if (!id || !entry_id) return core::Error::NotFound("no such ledger entry");
    auto found = service.GetEntry(call.context, *id, *entry_id);
    if (!found.ok()) return found.error();
    return JsonResponse(200, EntryJson(*found));
  }});

  routes.push_back({"POST", "/api/v1/groups/{id}/ledger/{entry_id}/reverse", signed_in,
                    [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    auto entry_id = PathId(call, "entry_id");
    if (!id || !entry_id) return core::Error::NotFound("no such ledger entry");
    groups::ReversalInput input;
    if (!call.request.body.empty()) {
      auto body = BodyReader::Parse(call.request, {"date", "memo"});
      if (!body.ok()) return body.error();
      input.date = TextField(*body, "date");
      input.memo = TextField(*body, "memo");
      if (auto status = body->Finish(); !status.ok()) return status.error();
    }
    auto reversal = service.Reverse(call.context, *id, *entry_id, input);
    if (!reversal.ok()) return reversal.error();
    Response response = JsonResponse(201, EntryJson(*reversal));
    response.SetHeader("Location", "/api/v1/groups/" + std::to_string(*id) + "/ledger/" +
                                       std::to_string(reversal->id));
    return response;
  }});

  routes.push_back({"GET", "/api/v1/groups/{id}/statement", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto query = QueryReader::Parse(call.query, {"from", "to"});
    if (!query.ok()) return query.error();
    auto from = query->String("from");
    auto to = query->String("to");
    if (auto status = query->Finish(); !status.ok()) return status.error();
    auto statement = service.GetStatement(call.context, *id, from, to);
    if (!statement.ok()) return statement.error();
    return JsonResponse(200, StatementJson(*statement));
  }});

  routes.push_back({"GET", "/api/v1/groups/{id}/balances", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto query = QueryReader::Parse(call.query, {"from", "to"});
    if (!query.ok()) return query.error();
    auto from = query->String("from");
    auto to = query->String("to");
    if (auto status = query->Finish(); !status.ok()) return status.error();
    auto points = service.Balances(call.context, *id, from, to);
    if (!points.ok()) return points.error();
    json::array items;
    for (const auto& point : *points) {
      items.push_back(json::object{{"month", point.month.ToString()},
                                   {"cash", point.cash},
                                   {"common_assets", point.common_assets}});
    }
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  }});

  routes.push_back({"GET", "/api/v1/groups/{id}/fee-rules", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto rules = service.FeeRules(call.context, *id);
    if (!rules.ok()) return rules.error();
    json::array items;
    for (const auto& rule : *rules) items.push_back(FeeRuleJson(rule));
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  }});

  routes.push_back({"POST", "/api/v1/groups/{id}/fee-rules", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto body = BodyReader::Parse(call.request, {"amount", "from", "deliberation_id"});
    if (!body.ok()) return body.error();
    groups::FeeRuleInput input;
    input.amount = NumberField(*body, "amount");
    input.from = TextField(*body, "from");
    input.deliberation_id = NumberField(*body, "deliberation_id");
    if (auto status = body->Finish(); !status.ok()) return status.error();
    auto rule = service.AddFeeRule(call.context, *id, input);
    if (!rule.ok()) return rule.error();
    return JsonResponse(201, FeeRuleJson(*rule));
  }});

  routes.push_back({"GET", "/api/v1/groups/{id}/fees", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto query = QueryReader::Parse(call.query, {"through"});
    if (!query.ok()) return query.error();
    auto through = query->String("through");
    if (auto status = query->Finish(); !status.ok()) return status.error();
    auto fees = service.Fees(call.context, *id, through);
    if (!fees.ok()) return fees.error();
    return JsonResponse(200, FeesJson(*fees));
  }});

  routes.push_back({"GET", "/api/v1/groups/{id}/assets", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto assets = service.Assets(call.context, *id);
    if (!assets.ok()) return assets.error();
    json::array items;
    for (const auto& asset : *assets) items.push_back(AssetJson(asset));
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  }});

  routes.push_back({"POST", "/api/v1/groups/{id}/assets", signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    if (!id) return NoGroup();
    auto body = BodyReader::Parse(call.request, {"name", "kind", "source", "value", "acquired_on"});
    if (!body.ok()) return body.error();
    groups::AssetInput input;
    input.name = TextField(*body, "name");
    input.kind = TextField(*body, "kind");
    input.source = TextField(*body, "source");
    input.value = NumberField(*body, "value");
    input.acquired_on = TextField(*body, "acquired_on");
    if (auto status = body->Finish(); !status.ok()) return status.error();
    auto asset = service.AddAsset(call.context, *id, input);
    if (!asset.ok()) return asset.error();
    Response response = JsonResponse(201, AssetJson(*asset));
    response.SetHeader("Location", "/api/v1/groups/" + std::to_string(*id) + "/assets");
    return response;
  }});
}

}  // namespace gotong::api::handlers
