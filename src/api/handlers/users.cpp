#include <charconv>

#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
using domain::accounts::Role;

std::optional<domain::accounts::ScopeInput> ReadScope(BodyReader& body) {
  auto scope = body.Object("scope", false, {"kind", "id"});
  if (!scope) return std::nullopt;
  auto kind = scope->String("kind", true);
  auto id = scope->Int("id", true);
  if (!kind || !id) return std::nullopt;
  return domain::accounts::ScopeInput{*kind, *id};
}

}  // namespace

void AddUserRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& accounts = services.accounts;
  const Access admin = Access::Roles({Role::kAdmin});

  routes.push_back({"GET", "/api/v1/users", admin, [&accounts](Call& call) -> Reply {
    auto page = PageOnly(call);
    if (!page.ok()) return page.error();
    auto users = accounts.ListUsers(call.context, *page);
    if (!users.ok()) return users.error();
    return JsonResponse(200, PageToJson(*users));
  }});

  routes.push_back({"POST", "/api/v1/users", admin, [&accounts](Call& call) -> Reply {
    auto body = BodyReader::Parse(call.request,
                                  {"username", "display_name", "role", "password", "scope"});
    if (!body.ok()) return body.error();
    domain::accounts::NewUser input;
    input.username = body->String("username", true).value_or("");
    input.display_name = body->String("display_name", false);
    input.role = body->String("role", true).value_or("");
    input.password = body->String("password", true).value_or("");
    input.scope = ReadScope(*body);
    if (auto status = body->Finish(); !status.ok()) {
      return status.error();
    }
    auto user = accounts.CreateUser(call.context, input);
    if (!user.ok()) return user.error();
    Response response = JsonResponse(201, json::value_from(*user));
    response.SetHeader("Location", "/api/v1/users/" + std::to_string(user->id));
    return response;
  }});

  routes.push_back({"GET", "/api/v1/users/{id}", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no user with that id");
    auto user = accounts.GetUser(call.context, *id);
    if (!user.ok()) return user.error();
    return JsonResponse(200, json::value_from(*user));
  }});

  routes.push_back({"PATCH", "/api/v1/users/{id}", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no user with that id");
    auto body = BodyReader::Parse(call.request, {"display_name", "role", "scope", "disabled"});
    if (!body.ok()) return body.error();
    domain::accounts::UserPatch patch;
    patch.display_name = body->String("display_name", false);
    patch.role = body->String("role", false);
    if (body->IsNull("scope")) {
      patch.scope = std::optional<domain::accounts::ScopeInput>{};
    } else if (body->Has("scope")) {
      if (auto scope = ReadScope(*body)) patch.scope = scope;
    }
    patch.disabled = body->Bool("disabled", false);
    if (auto status = body->Finish(); !status.ok()) {
      return status.error();
    }
    auto user = accounts.UpdateUser(call.context, *id, patch);
    if (!user.ok()) return user.error();
    return JsonResponse(200, json::value_from(*user));
  }});
}

}  // namespace gotong::api::handlers
