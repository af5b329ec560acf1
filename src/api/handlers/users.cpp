#include <charconv>

#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
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

json::value TokenJson(const domain::accounts::ApiToken& token) {
  return json::object{{"id", token.id},
                      {"name", token.name},
                      {"created_at", core::FormatInstant(token.created_at)},
                      {"revoked_at", token.revoked_at ? json::value(core::FormatInstant(*token.revoked_at))
                                                      : json::value(nullptr)}};
}

struct TokenIn {
  domain::form::Field<std::string> name;
};
constexpr auto kTokenFields = std::to_array<BodyField<TokenIn>>({{"name", &TokenIn::name}});

}  // namespace

void AddUserRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& accounts = services.accounts;
  const Access admin = Access::Roles({Role::kAdmin});

  routes.push_back({"GET", "/api/v1/users", admin, [&accounts](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    GOTONG_ASSIGN_OR_RETURN(auto users, accounts.ListUsers(call.context, page));
    return JsonResponse(200, PageToJson(users));
  }});

  routes.push_back({"POST", "/api/v1/users", admin, [&accounts](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto body, BodyReader::Parse(call.request,
                                  {"username", "display_name", "role", "password", "scope"}));
    domain::accounts::NewUser input;
    input.username = body.String("username", true).value_or("");
    input.display_name = body.String("display_name", false);
    input.role = body.String("role", true).value_or("");
    input.password = body.String("password", true).value_or("");
    input.scope = ReadScope(body);
    GOTONG_RETURN_IF_ERROR(body.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto user, accounts.CreateUser(call.context, input));
    Response response = JsonResponse(201, json::value_from(user));
    response.SetHeader("Location", "/api/v1/users/" + std::to_string(user.id));
    return response;
  }});

  routes.push_back({"GET", "/api/v1/users/{id}", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no user with that id");
    GOTONG_ASSIGN_OR_RETURN(auto user, accounts.GetUser(call.context, *id));
    return JsonResponse(200, json::value_from(user));
  }});

  routes.push_back({"PATCH", "/api/v1/users/{id}", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no user with that id");
    GOTONG_ASSIGN_OR_RETURN(auto body, BodyReader::Parse(call.request, {"display_name", "role", "scope", "disabled"}));
    domain::accounts::UserPatch patch;
    patch.display_name = body.String("display_name", false);
    patch.role = body.String("role", false);
    if (body.IsNull("scope")) {
      patch.scope = std::optional<domain::accounts::ScopeInput>{};
    } else if (body.Has("scope")) {
      if (auto scope = ReadScope(body)) patch.scope = scope;
    }
    patch.disabled = body.Bool("disabled", false);
    GOTONG_RETURN_IF_ERROR(body.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto user, accounts.UpdateUser(call.context, *id, patch));
    return JsonResponse(200, json::value_from(user));
  }});

  routes.push_back({"POST", "/api/v1/users/{id}/password-reset", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no user with that id");
    GOTONG_ASSIGN_OR_RETURN(auto password, accounts.ResetPassword(call.context, *id));
    return JsonResponse(200, json::object{{"temporary_password", password}});
  }, Heavy::kNone, false, true});

  routes.push_back({"GET", "/api/v1/users/{id}/tokens", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no user with that id");
    return ItemsJsonReply(accounts.ApiTokens(call.context, *id), TokenJson);
  }});

  routes.push_back({"POST", "/api/v1/users/{id}/tokens", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    if (!id) return core::Error::NotFound("no user with that id");
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kTokenFields));
    std::string name = input.name && *input.name ? **input.name : "";
    GOTONG_ASSIGN_OR_RETURN(auto issued, accounts.IssueApiToken(call.context, *id, name));
    json::value body = TokenJson(issued.first);
    body.as_object()["token"] = issued.second;
    return JsonResponse(201, body);
  }, Heavy::kNone, false, true});

  routes.push_back({"DELETE", "/api/v1/users/{id}/tokens/{token_id}", admin, [&accounts](Call& call) -> Reply {
    auto id = PathId(call);
    auto token_id = PathId(call, "token_id");
    if (!id || !token_id) return core::Error::NotFound("no such API token");
    GOTONG_RETURN_IF_ERROR(accounts.RevokeApiToken(call.context, *id, *token_id));
    return NoContent();
  }});
}

}  // namespace gotong::api::handlers
