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

  routes.push_back({"POST", "/api/v1/session", Access::Public(), [&accounts, router](Call& call) {
    auto body = BodyReader::Parse(call.request, {"username", "password"});
    if (!body.ok()) return ProblemResponse(body.error(), call.request.request_id);
    auto username = body->String("username", true);
    auto password = body->String("password", true);
    if (auto status = body->Finish(); !status.ok()) {
      return ProblemResponse(status.error(), call.request.request_id);
    }
    auto login = accounts.Login(call.context, *username, *password);
    if (!login.ok()) return ProblemResponse(login.error(), call.request.request_id);
    Response response = JsonResponse(201, json::object{{"user", json::value_from(login->user)},
                                                       {"csrf_token", login->csrf_token}});
    response.SetHeader("Set-Cookie",
                       SessionCookie(login->session_token, IsSecure(call.request, router), false));
    return response;
  }});

  routes.push_back({"DELETE", "/api/v1/session", Access::SignedIn(), [&accounts, router](Call& call) {
    if (!call.auth->session_id) {
      return ProblemResponse(core::Error::Invalid("", "invalid_value",
                                                  "an API token has no session to end"),
                             call.request.request_id);
    }
    auto status = accounts.Logout(call.context, *call.auth->session_id);
    if (!status.ok()) return ProblemResponse(status.error(), call.request.request_id);
    Response response = NoContent();
    response.SetHeader("Set-Cookie", SessionCookie("", IsSecure(call.request, router), true));
    return response;
  }});

  routes.push_back({"GET", "/api/v1/me", Access::SignedIn(),
                    [](Call& call) { return JsonResponse(200, MeBody(*call.auth)); }});

  routes.push_back({"PUT", "/api/v1/me/password", Access::SignedIn(), [&accounts](Call& call) {
    auto body = BodyReader::Parse(call.request, {"current_password", "new_password"});
    if (!body.ok()) return ProblemResponse(body.error(), call.request.request_id);
    auto current = body->String("current_password", true);
    auto fresh = body->String("new_password", true);
    if (auto status = body->Finish(); !status.ok()) {
      return ProblemResponse(status.error(), call.request.request_id);
    }
    auto status = accounts.ChangeOwnPassword(call.context, call.auth->session_id, *current, *fresh);
    if (!status.ok()) return ProblemResponse(status.error(), call.request.request_id);
    return NoContent();
  }});
}

}  // namespace gotong::api::handlers
