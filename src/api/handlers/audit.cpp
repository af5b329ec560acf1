#include <cstdint>
#include <optional>
#include <utility>

#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {
namespace {

// `actor`: a user's id, or "system" for the changes made without an account. An id no user has
// finds nothing, as other filters by id do.
std::optional<domain::audit::Actor> ReadActor(QueryReader& query) {
  auto text = query.String("actor");
  if (!text) return std::nullopt;
  if (*text == "system") return domain::audit::Actor{};
  auto id = query.Int("actor", 1, INT64_MAX);
  if (!id) return std::nullopt;
  return domain::audit::Actor{*id};
}

}  // namespace

void AddAuditRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& accounts = services.accounts;
  routes.push_back({"GET", "/api/v1/audit", Access::Roles({domain::accounts::Role::kAdmin}),
                    [&accounts](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    domain::audit::Filter filter;
    filter.entity = query.String("entity");
    filter.entity_id = query.String("entity_id");
    filter.actor = ReadActor(query);
    auto from = query.String("from");
    auto to = query.String("to");
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto entries, accounts.ListAudit(call.context, std::move(filter), from, to, page));
    return JsonResponse(200, PageToJson(entries));
  }});
}

}  // namespace gotong::api::handlers
