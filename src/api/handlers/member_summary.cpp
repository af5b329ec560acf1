// One member's own records in her group (issue 13, the member): her fees and arrears with her
// latest payments, her shares of joint orders, her votes, her knowledge posts and her
// competencies (issue 14), in one answer so that a phone on a slow network makes one request.

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace groups = domain::groups;
namespace mentoring = domain::mentoring;

// {"items": [...], "total": n}: the latest of a member's records and how many she has.
template <typename T, typename ToJson>
json::value LatestJson(const core::Page<T>& page, ToJson&& to_json) {
  json::array items;
  for (const auto& item : page.items) items.push_back(to_json(item));
  return json::object{{"items", std::move(items)}, {"total", page.total}};
}

json::value PaymentJson(const groups::FeePayment& p) {
  return json::object{{"entry_id", p.entry_id},
                      {"date", p.date.ToString()},
                      {"kind", groups::ToString(p.kind)},
                      {"memo", p.memo},
                      {"amount", p.amount},
                      {"reversed", p.reversed}};
}

json::value FeesJson(const groups::FeePosition& f) {
  return json::object{
      {"through", f.through.ToString()},
      {"monthly_fee", NullableNumber(f.monthly_fee)},
      {"due", f.due},
      {"paid", f.paid},
      {"arrears", f.arrears},
      {"paid_through", f.paid_through ? json::value(json::string(f.paid_through->ToString())) : json::value(nullptr)},
      {"payments", LatestJson(f.payments, PaymentJson)}};
}

json::value ShareJson(const groups::MemberShare& s) {
  const auto& o = s.order;
  return json::object{{"order_id", o.id},
                      {"customer", o.customer},
                      {"product", o.product},
                      {"unit", o.unit},
                      {"unit_price", o.unit_price},
                      {"due_on", NullableDate(o.due_on)},
                      {"status", groups::ToString(o.status)},
                      {"overdue", o.overdue},
                      {"quantity", s.share.quantity},
                      {"delivered", s.share.delivered},
                      {"payout", s.share.quantity * o.unit_price},
                      {"paid_out", s.share.paid_out}};
}

json::value VoteJson(const groups::MemberVote& v) {
  return json::object{
      {"deliberation_id", v.deliberation_id},
      {"title", v.title},
      {"decided", v.decided},
      {"outcome", v.outcome ? json::value(json::string(groups::ToString(*v.outcome))) : json::value(nullptr)},
      {"option_id", NullableNumber(v.vote.option_id)},
      {"choice", Nullable(v.choice)},
      {"cast_at", core::FormatInstant(v.cast_at)},
      {"recorded_by", Nullable(v.vote.recorded_by)},
      {"own", v.vote.own}};
}

json::value PostJson(const groups::KnowledgePost& p) {
  return json::object{{"post_id", p.id},
                      {"kind", groups::ToString(p.kind)},
                      {"title", p.title},
                      {"useful", p.useful},
                      {"created_at", core::FormatInstant(p.created_at)}};
}

json::value CompetencyJson(const mentoring::MenteeCompetency& c) {
  json::value latest = nullptr;
  if (c.latest) {
    const auto& e = *c.latest;
    latest = json::object{{"achieved", e.achieved},
                          {"level", e.level ? json::value(*e.level) : json::value(nullptr)},
                          {"evaluated_on", e.evaluated_on.ToString()},
                          {"cycle_id", e.cycle_id},
                          {"cycle_title", e.cycle_title}};
  }
  json::array targets;
  for (const auto& t : c.targets) {
    targets.push_back(json::object{{"cycle_id", t.cycle_id},
                                   {"cycle_title", t.cycle_title},
                                   {"status", mentoring::ToString(t.status)},
                                   {"level", t.level}});
  }
  return json::object{{"competency_id", c.competency.id},
                      {"code", c.competency.code},
                      {"name", c.competency.name},
                      {"name_en", Nullable(c.competency.name_en)},
                      {"latest", std::move(latest)},
                      {"targets", std::move(targets)}};
}

json::value SummaryJson(const groups::MemberSummary& s) {
  const auto& m = s.member;
  json::array competencies;
  for (const auto& c : s.competencies) competencies.push_back(CompetencyJson(c));
  return json::object{{"member", json::object{{"id", m.id},
                                              {"name", m.person_name},
                                              {"role", groups::ToString(m.role)},
                                              {"joined_on", m.joined_on.ToString()},
                                              {"left_on", NullableDate(m.left_on)}}},
                      {"limit", s.orders.limit},
                      {"fees", FeesJson(s.fees)},
                      {"orders", LatestJson(s.orders, ShareJson)},
                      {"votes", LatestJson(s.votes, VoteJson)},
                      {"posts", LatestJson(s.posts, PostJson)},
                      {"competencies", std::move(competencies)}};
}

}  // namespace

void AddMemberSummaryRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.member_summary;

  routes.push_back(GroupRecordRoute("GET", "/members/{member_id}/summary", "member_id", "no such member",
                                    [&service](Call& call, GroupRecordIds ids) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto limit = query.Int("limit", 1, groups::kMaxSummaryItems);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return JsonReply(200, service.Summary(call.context, ids.group_id, ids.id, limit), SummaryJson);
  }));
}

}  // namespace gotong::api::handlers
