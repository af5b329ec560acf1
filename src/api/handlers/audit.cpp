#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {

void AddAuditRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& accounts = services.accounts;
  routes.push_back({"GET", "/api/v1/audit", Access::Roles({domain::accounts::Role::kAdmin}),
                    [&accounts](Call& call) -> Reply {
    auto query = QueryReader::Parse(call.query, {"entity", "entity_id", "limit", "offset"});
    if (!query.ok()) return query.error();
    domain::audit::Filter filter{query->String("entity"), query->String("entity_id")};
    auto page = ReadPage(*query);
    if (auto status = query->Finish(); !status.ok()) {
      return status.error();
    }
    auto entries = accounts.ListAudit(call.context, filter, page);
    if (!entries.ok()) return entries.error();
    return JsonResponse(200, PageToJson(*entries));
  }});
}

}  // namespace gotong::api::handlers
