// Groups as alliances (seeds 000 and 001): the group, its members, and the SOP compliance of a
// region's groups. Meetings and deliberations have their own files.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace groups = domain::groups;

json::value GroupJson(const groups::Group& g, const Villages& villages) {
  return json::object{{"id", g.id},
                      {"name", g.name},
                      {"kind", groups::ToString(g.kind)},
                      {"sector", domain::registry::ToString(g.sector)},
                      {"business_centre", Nullable(g.business_centre)},
                      {"village_code", g.village_code},
                      {"village", villages.Of(g.village_code)},
                      {"origin", groups::ToString(g.origin)},
                      {"programme_id", NullableNumber(g.programme_id)},
                      {"legality", Nullable(g.legality)},
                      {"legality_date", NullableDate(g.legality_date)},
                      {"status", groups::ToString(g.status)},
                      {"status_since", g.status_since.ToString()},
                      {"founded_on", NullableDate(g.founded_on)},
                      {"sop_meetings_per_month", g.sop_meetings_per_month},
                      {"steward_id", NullableNumber(g.steward_id)},
                      {"active_members", g.active_members},
                      {"created_at", core::FormatInstant(g.created_at)},
                      {"updated_at", core::FormatInstant(g.updated_at)}};
}

json::value GroupViewJson(const groups::GroupView& view, const Villages& villages) {
  json::value value = GroupJson(view.group, villages);
  json::array writes;
  for (auto part : view.writes) writes.push_back(json::string(groups::ToString(part)));
  value.as_object()["writes"] = std::move(writes);
  value.as_object()["member_id"] = NullableNumber(view.member_id);
  return value;
}

json::value MemberJson(const groups::Membership& m) {
  json::value enterprise = nullptr;
  if (m.enterprise_id) enterprise = json::object{{"id", *m.enterprise_id}, {"name", m.enterprise_name}};
  return json::object{{"id", m.id},
                      {"group_id", m.group_id},
                      {"person", json::object{{"id", m.person_id},
                                              {"name", m.person_name},
                                              {"birth_year", NullableNumber(m.person_birth_year)},
                                              {"occupation", Nullable(m.person_occupation)}}},
                      {"enterprise", std::move(enterprise)},
                      {"role", groups::ToString(m.role)},
                      {"mentor", m.mentor},
                      {"local_hero", m.local_hero},
                      {"joined_on", m.joined_on.ToString()},
                      {"joined_precision", groups::ToString(m.joined_precision)},
                      {"left_on", NullableDate(m.left_on)},
                      {"active", !m.left_on.has_value()},
                      {"user_id", NullableNumber(m.user_id)},
                      {"created_at", core::FormatInstant(m.created_at)},
                      {"updated_at", core::FormatInstant(m.updated_at)}};
}

using GroupIn = groups::GroupInput;
constexpr auto kGroupFields = std::to_array<BodyField<GroupIn>>({
    {"name", &GroupIn::name}, {"kind", &GroupIn::kind}, {"sector", &GroupIn::sector},
    {"business_centre", &GroupIn::business_centre}, {"village_code", &GroupIn::village_code},
    {"origin", &GroupIn::origin}, {"programme_id", &GroupIn::programme_id},
    {"legality", &GroupIn::legality}, {"legality_date", &GroupIn::legality_date},
    {"status", &GroupIn::status}, {"status_since", &GroupIn::status_since},
    {"founded_on", &GroupIn::founded_on},
    {"sop_meetings_per_month", &GroupIn::sop_meetings_per_month},
    {"steward_id", &GroupIn::steward_id}});

// A new person who joins with her membership. She is kept by the group's steward, so the body
// does not name one.
void ReadNewPerson(BodyReader& body, groups::MemberInput& input) {
  if (body.Has("person") && !body.IsNull("person")) {
    if (auto person = body.Object("person", false, FieldNames(kPersonFields, {"steward_id"}))) {
      domain::registry::PersonInput p;
      ReadFields(*person, kPersonFields, p, {"steward_id"});
      input.person = std::move(p);
    }
  }
}

// Who joins: a person already in the registry (person_id), or a new person; then her membership.
constexpr auto kJoinFields = std::to_array<BodyField<groups::MemberInput>>(
    {{"person_id", &groups::MemberInput::person_id}, {"person", ReadNewPerson}});

using MemberIn = groups::MemberInput;
constexpr auto kMemberFields = std::to_array<BodyField<MemberIn>>({
    {"enterprise_id", &MemberIn::enterprise_id}, {"role", &MemberIn::role},
    {"mentor", &MemberIn::mentor}, {"local_hero", &MemberIn::local_hero},
    {"joined_on", &MemberIn::joined_on}, {"left_on", &MemberIn::left_on},
    {"user_id", &MemberIn::user_id}, {"deliberation_id", &MemberIn::deliberation_id}});

// The compliance of a region's groups: the bands, then one row per group.
json::value ComplianceTableJson(const groups::ComplianceTable& table, const core::PageRequest& page) {
  json::array items;
  for (const auto& row : table.rows) {
    items.push_back(json::object{{"id", row.group_id},
                                 {"name", row.name},
                                 {"village_code", row.village_code},
                                 {"status", groups::ToString(row.status)},
                                 {"sop_meetings_per_month", row.sop_meetings_per_month},
                                 {"held", row.held},
                                 {"required", row.required},
                                 {"percent", groups::Percent(row.held, row.required)}});
  }
  return json::object{
      {"from", table.from.ToString()},
      {"to", table.to.ToString()},
      {"bands", json::object{{"met", table.bands.met}, {"partial", table.bands.partial},
                             {"low", table.bands.low}, {"none", table.bands.none}}},
      {"items", std::move(items)},
      {"total", table.total},
      {"limit", page.limit},
      {"offset", page.offset}};
}

}  // namespace

template <>
struct VillageJson<groups::Group> {
  static std::optional<std::string> Code(const groups::Group& g) { return g.village_code; }
  static json::value Json(const groups::Group& g, const Villages& villages) { return GroupJson(g, villages); }
};

template <>
struct VillageJson<groups::GroupView> {
  static std::optional<std::string> Code(const groups::GroupView& view) { return view.group.village_code; }
  static json::value Json(const groups::GroupView& view, const Villages& villages) {
    return GroupViewJson(view, villages);
  }
};

void AddGroupRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.groups;
  auto& regions = services.regions;
  const Access signed_in = Access::SignedIn();
  // Groups are registered by the office (the service narrows officers to their stakeholder).
  const Access registrars = Access::Roles({domain::accounts::Role::kAdmin, domain::accounts::Role::kOfficer});

  routes.push_back({"GET", "/api/v1/groups", signed_in, [&service, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    groups::GroupQuery filter{query.String("region"), query.String("kind"),
                              query.String("status"), query.String("q")};
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto found, service.ListGroups(call.context, filter, page));
    return PageReply(found, regions);
  }});

  routes.push_back({"POST", "/api/v1/groups", registrars, [&service, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kGroupFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, service.CreateGroup(call.context, input));
    return CreatedReply(created, created.group.id, "/api/v1/groups", regions);
  }});

  // Before /groups/{id}, which would otherwise take "compliance" for an id.
  routes.push_back({"GET", "/api/v1/groups/compliance", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    groups::GroupQuery filter{query.String("region"), query.String("kind"),
                              query.String("status"), query.String("q")};
    auto from = query.String("from");
    auto to = query.String("to");
    auto sort = query.String("sort");
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto table, service.RegionCompliance(call.context, filter, from, to, sort, page));
    return JsonResponse(200, ComplianceTableJson(table, page));
  }});

  routes.push_back(GroupRoute("GET", "", [&service, &regions](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto found, service.GetGroup(call.context, id));
    return RecordReply(200, found, regions);
  }));

  routes.push_back(GroupRoute("PATCH", "", [&service, &regions](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kGroupFields));
    GOTONG_ASSIGN_OR_RETURN(auto updated, service.UpdateGroup(call.context, id, input));
    return RecordReply(200, updated, regions);
  }));

  // ---- members ----

  routes.push_back(GroupRoute("GET", "/members", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    bool include_left = query.Bool("include_left").value_or(false);
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(service.ListMembers(call.context, id, include_left, page), MemberJson);
  }));

  routes.push_back(GroupRoute("POST", "/members", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input,
                            ReadBody(call, kJoinFields, kMemberFields));
    GOTONG_ASSIGN_OR_RETURN(auto added, service.AddMember(call.context, id, input));
    return CreatedResponse(MemberJson(added), GroupRecordPath(id, "members", added.id));
  }));

  routes.push_back(GroupRecordRoute(
      "PATCH", "/members/{member_id}", "member_id", "no such member",
      OnGroupRecord(service, &groups::GroupService::UpdateMember, kMemberFields, MemberJson, 200)));
}

}  // namespace gotong::api::handlers
