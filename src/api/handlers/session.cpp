#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;

std::string SessionCookie(const std::string& value, bool secure, bool clear) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) cookie += "; Secure";
  if (clear) cookie += "; Max-Age=0";
  return cookie;
}

json::value MeBody(const domain::accounts::Authenticated& auth) {
  json::value csrf = nullptr;
  if (auth.csrf_token) csrf = json::string(*auth.csrf_token);
  return json::object{{"user", json::value_from(auth.user)}, {"csrf_token", std::move(csrf)}};
}

}  // namespace

void AddSessionRoutes(std::vector<Route>& routes, const Services& services,
                      const ApiOptions& options) {
  auto& accounts = services.accounts;
  RouterOptions router = options.router;

  routes.push_back({"POST", "/api/v1/session", Access::Public(), [&accounts, router](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto body, BodyReader::Parse(call.request, {"username", "password"}));
    auto username = body.String("username", true);
    auto password = body.String("password", true);
    GOTONG_RETURN_IF_ERROR(body.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto login, accounts.Login(call.context, *username, *password));
    Response response = JsonResponse(201, json::object{{"user", json::value_from(login.user)},
                                                       {"csrf_token", login.csrf_token}});
    response.SetHeader("Set-Cookie",
                       SessionCookie(login.session_token, IsSecure(call.request, router), false));
    return response;
  }});

  routes.push_back({"DELETE", "/api/v1/session", Access::SignedIn(), [&accounts, router](Call& call) -> Reply {
    if (!call.auth->session_id) {
      return core::Error::Invalid("", "invalid_value", "an API token has no session to end");
    }
    GOTONG_RETURN_IF_ERROR(accounts.Logout(call.context, *call.auth->session_id));
    Response response = NoContent();
    response.SetHeader("Set-Cookie", SessionCookie("", IsSecure(call.request, router), true));
    return response;
  }});

  routes.push_back({"GET", "/api/v1/me", Access::SignedIn(),
                    [](Call& call) -> Reply { return JsonResponse(200, MeBody(*call.auth)); }});

  routes.push_back({"PUT", "/api/v1/me/password", Access::SignedIn(), [&accounts](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto body, BodyReader::Parse(call.request, {"current_password", "new_password"}));
    auto current = body.String("current_password", true);
    auto fresh = body.String("new_password", true);
    GOTONG_RETURN_IF_ERROR(body.Finish());
    GOTONG_RETURN_IF_ERROR(accounts.ChangeOwnPassword(call.context, call.auth->session_id, *current, *fresh));
    return NoContent();
  }});
}

}  // namespace gotong::api::handlers
