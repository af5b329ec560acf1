#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {

void AddAuditRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& accounts = services.accounts;
  routes.push_back({"GET", "/api/v1/audit", Access::Roles({domain::accounts::Role::kAdmin}),
                    [&accounts](Call& call) {
    auto query = QueryReader::Parse(call.query, {"entity", "entity_id", "limit", "offset"});
    if (!query.ok()) return ProblemResponse(query.error(), call.request.request_id);
    domain::audit::Filter filter{query->String("entity"), query->String("entity_id")};
    auto page = ReadPage(*query);
    if (auto status = query->Finish(); !status.ok()) {
      return ProblemResponse(status.error(), call.request.request_id);
    }
    auto entries = accounts.ListAudit(call.context, filter, page);
    if (!entries.ok()) return ProblemResponse(entries.error(), call.request.request_id);
    return JsonResponse(200, PageToJson(*entries));
  }});
}

}  // namespace gotong::api::handlers
