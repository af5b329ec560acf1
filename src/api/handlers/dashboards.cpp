// The programmes' dashboards (issue 15): the equity of assistance against the registry, and the
// quadruple helix as a network with what each helix contributes. Shaped for charts: one row per
// bar, numbers as numbers, the table's totals beside them.

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
#include "domain/programmes/dashboard_service.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace programmes = domain::programmes;
using domain::accounts::Role;

json::object EquityRowJson(const programmes::EquityRow& row) {
  json::value share = nullptr;
  if (row.share_served) share = *row.share_served;
  return json::object{{"key", row.key},
                      {"name", row.name},
                      {"enterprises", row.enterprises},
                      {"enterprises_served", row.served.enterprises_served},
                      {"groups_served", row.served.groups_served},
                      {"records", row.served.records},
                      {"value", row.served.value},
                      {"share_served", share},
                      {"value_per_enterprise", NullableNumber(row.value_per_enterprise)}};
}

json::value EquityJson(const programmes::EquityView& view) {
  json::array rows, never_served;
  for (const auto& row : view.rows) rows.push_back(EquityRowJson(row));
  for (const auto& row : view.never_served) never_served.push_back(EquityRowJson(row));
  const auto& f = view.filter;
  json::value region = nullptr;
  if (view.region) {
    region = json::object{{"code", view.region->code},
                          {"name", view.region->name},
                          {"parent_code", Nullable(view.region->parent_code)}};
  }
  return json::object{
      {"by", programmes::IsRegionLevel(view.dimension) ? "region" : std::string(programmes::ToString(view.dimension))},
      {"level", programmes::ToString(view.dimension)},
      {"region", std::move(region)},
      {"filters",
       json::object{{"from", NullableDate(f.from)},
                    {"to", NullableDate(f.to)},
                    {"kind", f.kind ? json::value(programmes::ToString(*f.kind)) : json::value(nullptr)},
                    {"helix", f.helix ? json::value(domain::registry::ToString(*f.helix)) : json::value(nullptr)},
                    {"programme_id", NullableNumber(f.programme_id)}}},
      {"rows", std::move(rows)},
      {"totals", EquityRowJson(view.totals)},
      {"never_served", std::move(never_served)},
      {"groups_never_served", PageJson(view.groups_never_served,
                                       [](const programmes::GroupRef& g) -> json::value {
                                         return json::object{
                                             {"id", g.id}, {"name", g.name}, {"village_code", g.village_code}};
                                       })},
      {"counted_from", json::object{{"assistance", programmes::ToString(view.assistance_source)},
                                    {"served", programmes::ToString(view.served_source)}}}};
}

std::string NodeId(char kind, std::int64_t id) { return std::string(1, kind) + std::to_string(id); }

json::value HelixJson(const programmes::HelixView& view) {
  json::array nodes, edges, helixes;
  for (const auto& s : view.network.stakeholders) {
    nodes.push_back(json::object{{"id", NodeId('s', s.id)},
                                 {"type", "stakeholder"},
                                 {"record_id", s.id},
                                 {"name", s.name},
                                 {"helix", domain::registry::ToString(s.helix)},
                                 {"kind", s.kind},
                                 {"status", nullptr}});
  }
  for (const auto& p : view.network.programmes) {
    nodes.push_back(json::object{{"id", NodeId('p', p.id)},
                                 {"type", "programme"},
                                 {"record_id", p.id},
                                 {"name", p.name},
                                 {"helix", nullptr},
                                 {"kind", nullptr},
                                 {"status", programmes::ToString(p.status)}});
  }
  for (const auto& e : view.network.edges) {
    edges.push_back(json::object{{"source", NodeId('s', e.stakeholder_id)},
                                 {"target", NodeId('p', e.programme_id)},
                                 {"role", programmes::ToString(e.role)},
                                 {"helix", domain::registry::ToString(e.helix)},
                                 {"contribution", Nullable(e.contribution)}});
  }
  for (const auto& h : view.helixes) {
    json::array by_kind;
    for (const auto& k : h.by_kind) {
      by_kind.push_back(json::object{{"kind", programmes::ToString(k.kind)}, {"records", k.records}, {"value", k.value}});
    }
    helixes.push_back(json::object{{"helix", domain::registry::ToString(h.helix)},
                                   {"programmes_owned", h.programmes_owned},
                                   {"programmes_partnered", h.programmes_partnered},
                                   {"contributions_declared", h.contributions_declared},
                                   {"records", h.records},
                                   {"value", h.value},
                                   {"by_kind", std::move(by_kind)}});
  }
  const auto shown = static_cast<std::int64_t>(view.network.programmes.size());
  return json::object{{"nodes", std::move(nodes)},
                      {"edges", std::move(edges)},
                      {"programmes_total", view.network.programmes_total},
                      {"programmes_shown", shown},
                      {"max_programmes", view.max_programmes},
                      {"truncated", view.network.programmes_total > shown},
                      {"helixes", std::move(helixes)}};
}

}  // namespace

void AddDashboardRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& dashboards = services.dashboards;

  routes.push_back({"GET", "/api/v1/dashboards/equity", Access::Roles({Role::kAdmin, Role::kOfficer}),
                    [&dashboards](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    programmes::EquityQuery filter;
    filter.by = query.String("by");
    filter.region = query.String("region");
    filter.from = query.String("from");
    filter.to = query.String("to");
    filter.kind = query.String("kind");
    filter.helix = query.String("helix");
    filter.programme_id = query.Int("programme_id", 1, INT64_MAX);
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return JsonReply(200, dashboards.Equity(call.context, filter), EquityJson);
  }});

  routes.push_back({"GET", "/api/v1/dashboards/helix",
                    Access::Roles({Role::kAdmin, Role::kOfficer, Role::kFacilitator}),
                    [&dashboards](Call& call) -> Reply {
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    return JsonReply(200, dashboards.Helix(call.context), HelixJson);
  }});
}

}  // namespace gotong::api::handlers
