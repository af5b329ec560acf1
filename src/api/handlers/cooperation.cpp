// Cooperation among a group's members (seeds 000 and 001): market areas and their overlaps, joint
// orders split by capacity, knowledge posts, raw-material offers and requests with their matches,
// and collective purchases with the saving they made.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace groups = domain::groups;

json::value AreaJson(const groups::MarketArea& a) {
  return json::object{{"id", a.id},
                      {"member", json::object{{"id", a.member_id}, {"name", a.member_name}}},
                      {"area", a.area},
                      {"deliberation_id", NullableNumber(a.deliberation_id)},
                      {"claimed_on", a.claimed_on.ToString()},
                      {"ended_on", NullableDate(a.ended_on)},
                      {"created_at", core::FormatInstant(a.created_at)}};
}

json::value OrderJson(const groups::JointOrder& o) {
  json::array shares;
  std::int64_t delivered = 0;
  for (const auto& s : o.shares) {
    shares.push_back(json::object{{"member", json::object{{"id", s.member_id}, {"name", s.member_name}}},
                                  {"capacity", s.capacity},
                                  {"quantity", s.quantity},
                                  {"delivered", s.delivered},
                                  {"payout", s.quantity * o.unit_price},
                                  {"paid_out", s.paid_out}});
    delivered += s.delivered;
  }
  return json::object{{"id", o.id},
                      {"group_id", o.group_id},
                      {"customer", o.customer},
                      {"product", o.product},
                      {"quantity", o.quantity},
                      {"unit", o.unit},
                      {"unit_price", o.unit_price},
                      {"value", o.quantity * o.unit_price},
                      {"due_on", NullableDate(o.due_on)},
                      {"status", groups::ToString(o.status)},
                      {"overdue", o.overdue},
                      {"delivered", delivered},
                      {"shares", std::move(shares)},
                      {"created_at", core::FormatInstant(o.created_at)},
                      {"updated_at", core::FormatInstant(o.updated_at)}};
}

json::value MaterialJson(const groups::MaterialRecord& r) {
  return json::object{{"id", r.post.id},
                      {"member", json::object{{"id", r.post.member_id}, {"name", r.member_name}}},
                      {"kind", groups::ToString(r.post.kind)},
                      {"material", r.post.material},
                      {"unit", r.post.unit},
                      {"quantity", r.post.quantity},
                      {"price", NullableNumber(r.price)},
                      {"until", r.post.until.ToString()},
                      {"closed", r.post.closed},
                      {"created_at", core::FormatInstant(r.created_at)}};
}

json::value PurchaseJson(const groups::CollectivePurchase& c) {
  return json::object{{"id", c.id},
                      {"supplier", c.supplier},
                      {"material", c.material},
                      {"unit", c.unit},
                      {"quantity", c.quantity},
                      {"group_price", c.group_price},
                      {"alone_price", c.alone_price},
                      {"paid", c.quantity * c.group_price},
                      {"saving", groups::Saving(c.alone_price, c.group_price, c.quantity)},
                      {"purchased_on", c.purchased_on.ToString()},
                      {"entry_id", NullableNumber(c.entry_id)},
                      {"created_at", core::FormatInstant(c.created_at)}};
}

json::value AreasJson(const groups::AreasView& view) {
  json::array areas, overlaps;
  for (const auto& area : view.areas) areas.push_back(AreaJson(area));
  for (const auto& overlap : view.overlaps) {
    json::array members, claims;
    for (auto member : overlap.member_ids) members.push_back(member);
    for (auto claim : overlap.claim_ids) claims.push_back(claim);
    overlaps.push_back(json::object{{"area", overlap.area}, {"member_ids", std::move(members)},
                                    {"claim_ids", std::move(claims)}});
  }
  return json::object{{"items", std::move(areas)}, {"overlaps", std::move(overlaps)}};
}

json::value MaterialsJson(const groups::MaterialsView& view) {
  json::array open, matches;
  for (const auto& record : view.open) open.push_back(MaterialJson(record));
  for (const auto& match : view.matches) {
    matches.push_back(json::object{{"request_id", match.request_id},
                                   {"offer_id", match.offer_id},
                                   {"quantity", match.quantity}});
  }
  return json::object{{"items", std::move(open)}, {"matches", std::move(matches)}};
}

using AreaIn = groups::AreaInput;
constexpr auto kAreaFields = std::to_array<BodyField<AreaIn>>({
    {"member_id", &AreaIn::member_id}, {"area", &AreaIn::area},
    {"deliberation_id", &AreaIn::deliberation_id}, {"claimed_on", &AreaIn::claimed_on}});

// A joint order's capacities: what each member can make in time.
void ReadCapacities(BodyReader& body, groups::OrderInput& input) {
  if (auto items = body.Objects("capacities", false, 500, {"member_id", "capacity"})) {
    input.capacities.emplace();
    for (auto& item : *items) {
      input.capacities->push_back({item.Int("member_id", false), item.Int("capacity", false)});
    }
  }
}

using OrderIn = groups::OrderInput;
constexpr auto kOrderFields = std::to_array<BodyField<OrderIn>>({
    {"customer", &OrderIn::customer}, {"product", &OrderIn::product},
    {"quantity", &OrderIn::quantity}, {"unit", &OrderIn::unit},
    {"unit_price", &OrderIn::unit_price}, {"due_on", &OrderIn::due_on},
    {"capacities", ReadCapacities}});

using ShareIn = groups::ShareInput;
constexpr auto kShareFields = std::to_array<BodyField<ShareIn>>({
    {"delivered", &ShareIn::delivered}, {"paid_out", &ShareIn::paid_out}});

void ReadTags(BodyReader& body, groups::PostInput& input) {
  input.tags = body.Strings("tags", false, 10);
}

using PostIn = groups::PostInput;
constexpr auto kPostFields = std::to_array<BodyField<PostIn>>({
    {"member_id", &PostIn::member_id}, {"kind", &PostIn::kind}, {"title", &PostIn::title},
    {"body", &PostIn::body, core::TextLines::kMulti}, {"tags", ReadTags}});

using MaterialIn = groups::MaterialInput;
constexpr auto kMaterialFields = std::to_array<BodyField<MaterialIn>>({
    {"member_id", &MaterialIn::member_id}, {"kind", &MaterialIn::kind},
    {"material", &MaterialIn::material}, {"unit", &MaterialIn::unit},
    {"quantity", &MaterialIn::quantity}, {"price", &MaterialIn::price},
    {"until", &MaterialIn::until}});

using PurchaseIn = groups::PurchaseInput;
constexpr auto kPurchaseFields = std::to_array<BodyField<PurchaseIn>>({
    {"supplier", &PurchaseIn::supplier}, {"material", &PurchaseIn::material},
    {"unit", &PurchaseIn::unit}, {"quantity", &PurchaseIn::quantity},
    {"group_price", &PurchaseIn::group_price}, {"alone_price", &PurchaseIn::alone_price},
    {"purchased_on", &PurchaseIn::purchased_on}});

}  // namespace

json::value PostJson(const groups::PostView& view) {
  const auto& p = view.post;
  json::array tags;
  for (const auto& tag : p.tags) tags.push_back(json::string(tag));
  return json::object{{"id", p.id},
                      {"member", json::object{{"id", p.member_id}, {"name", p.member_name}}},
                      {"kind", groups::ToString(p.kind)},
                      {"title", p.title},
                      {"body", p.body},
                      {"tags", std::move(tags)},
                      {"useful", p.useful},
                      {"share_link", view.share_link},
                      {"created_at", core::FormatInstant(p.created_at)}};
}

void AddCooperationRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.cooperation;
  const Access signed_in = Access::SignedIn();

  routes.push_back(GroupRoute("GET", "/market-areas", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    bool include = query.Bool("include_ended").value_or(false);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return JsonReply(200, service.Areas(call.context, id, include), AreasJson);
  }));

  routes.push_back(GroupRoute(
      "POST", "/market-areas",
      OnGroup(service, &groups::CooperationService::ClaimArea, kAreaFields, AreaJson, 201)));

  routes.push_back(
      GroupRecordRoute("POST", "/market-areas/{area_id}/end", "area_id", "no such market area",
                       OnGroupRecord(service, &groups::CooperationService::EndArea, AreaJson)));

  routes.push_back(GroupRoute(
      "GET", "/orders", PageOfGroup(service, &groups::CooperationService::Orders, OrderJson)));

  routes.push_back(GroupRoute("POST", "/orders", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kOrderFields));
    GOTONG_ASSIGN_OR_RETURN(auto order, service.CreateOrder(call.context, id, input));
    return CreatedResponse(OrderJson(order), GroupRecordPath(id, "orders", order.id));
  }));

  routes.push_back(
      GroupRecordRoute("GET", "/orders/{order_id}", "order_id", "no such order",
                       OnGroupRecord(service, &groups::CooperationService::GetOrder, OrderJson)));

  routes.push_back(GroupRecordRoute(
      "POST", "/orders/{order_id}/cancel", "order_id", "no such order",
      OnGroupRecord(service, &groups::CooperationService::CancelOrder, OrderJson)));

  routes.push_back({"PATCH", "/api/v1/groups/{id}/orders/{order_id}/shares/{member_id}", signed_in,
                    [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    auto order_id = PathId(call, "order_id");
    auto member_id = PathId(call, "member_id");
    if (!id || !order_id || !member_id) return core::Error::NotFound("no such share");
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kShareFields));
    return JsonReply(200, service.UpdateShare(call.context, *id, *order_id, *member_id, input), OrderJson);
  }});

  routes.push_back(GroupRoute("GET", "/posts",
                              PageOfGroup(service, &groups::CooperationService::Posts, PostJson)));

  routes.push_back(GroupRoute(
      "POST", "/posts",
      OnGroup(service, &groups::CooperationService::CreatePost, kPostFields, PostJson, 201)));

  routes.push_back(
      GroupRecordRoute("POST", "/posts/{post_id}/useful", "post_id", "no such post",
                       OnGroupRecord(service, &groups::CooperationService::MarkUseful, PostJson)));

  routes.push_back(
      GroupRoute("GET", "/materials",
                 OnGroup(service, &groups::CooperationService::Materials, MaterialsJson)));

  routes.push_back(GroupRoute("POST", "/materials",
                              OnGroup(service, &groups::CooperationService::PostMaterial,
                                      kMaterialFields, MaterialJson, 201)));

  routes.push_back(GroupRecordRoute(
      "POST", "/materials/{post_id}/close", "post_id", "no such post",
      OnGroupRecord(service, &groups::CooperationService::CloseMaterial, MaterialJson)));

  routes.push_back(
      GroupRoute("GET", "/purchases",
                 PageOfGroup(service, &groups::CooperationService::Purchases, PurchaseJson)));

  routes.push_back(GroupRoute("POST", "/purchases",
                              OnGroup(service, &groups::CooperationService::RecordPurchase,
                                      kPurchaseFields, PurchaseJson, 201)));
}

}  // namespace gotong::api::handlers
