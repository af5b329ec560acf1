#include "api/router.hpp"

#include <spdlog/spdlog.h>

#include <boost/url/decode_view.hpp>

#include "api/problem.hpp"
#include "core/text.hpp"

namespace gotong::api {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    parts.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return parts;
}

bool Match(std::string_view pattern, std::string_view path,
           std::map<std::string, std::string>& params) {
  auto want = Segments(pattern);
  auto have = Segments(path);
  if (want.size() != have.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
      if (have[i].empty()) return false;
      boost::urls::decode_view decoded(have[i]);
      std::string value(decoded.begin(), decoded.end());
      found.emplace(std::string(want[i].substr(1, want[i].size() - 2)), std::move(value));
    } else if (want[i] != have[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

bool IsWrite(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto end = header.find(';');
    std::string_view pair = core::Trim(header.substr(0, end));
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return {};
}

std::string ClientAddress(const Request& request, const RouterOptions& options) {
  if (options.trust_proxy) {
    std::string_view forwarded = request.Header("X-Forwarded-For");
    if (!forwarded.empty()) return std::string(core::Trim(forwarded.substr(0, forwarded.find(','))));
  }
  return request.remote_address;
}

bool IsSecure(const Request& request, const RouterOptions& options) {
  return options.cookie_secure ||
         (options.trust_proxy && request.Header("X-Forwarded-Proto") == "https");
}

Router::Router(std::vector<Route> routes, domain::accounts::AccountService& accounts,
               RouterOptions options)
    : routes_(std::move(routes)), accounts_(accounts), options_(options) {}

std::optional<Response> Router::Authenticate(const Request& request, const Route& route,
                                             Call& call) {
  std::string_view authorization = request.Header("Authorization");
  std::string cookie = CookieValue(request.Header("Cookie"), kSessionCookie);
  core::Result<domain::accounts::Authenticated> auth =
      core::Error::Unauthenticated("sign in first");
  bool by_cookie = false;
  if (authorization.rfind("Bearer ", 0) == 0) {
    auth = accounts_.AuthenticateBearer(std::string(core::Trim(authorization.substr(7))));
  } else if (!cookie.empty()) {
    auth = accounts_.AuthenticateSession(cookie);
    by_cookie = true;
  }
  if (!auth.ok()) {
    if (route.access.is_public && auth.error().code == core::ErrorCode::kUnauthenticated) {
      return std::nullopt;  // a stale cookie does not stop a public page
    }
    return ProblemResponse(auth.error(), request.request_id);
  }
  // A public write (signing in again) acts on no session's authority, so it needs no token.
  if (by_cookie && IsWrite(request.method) && !route.access.is_public) {
    std::string_view sent = request.Header("X-CSRF-Token");
    if (sent.empty() || !auth->csrf_token || !core::ConstantTimeEquals(sent, *auth->csrf_token)) {
      return SimpleProblem(403, "csrf-failed",
                           "the X-CSRF-Token header is missing or does not match the session");
    }
  }
  call.context.principal = auth->principal;
  call.auth = std::move(auth).value();
  return std::nullopt;
}

std::optional<Response> Router::Dispatch(const Request& request) {
  std::string_view target = request.target;
  auto question = target.find('?');
  std::string_view path = target.substr(0, question);
  std::string query(question == std::string_view::npos ? std::string_view{}
                                                       : target.substr(question + 1));
  std::vector<std::string> allowed;
  const Route* matched = nullptr;
  std::map<std::string, std::string> params;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> found;
    if (!Match(route.pattern, path, found)) continue;
    std::string method = request.method == "HEAD" ? "GET" : request.method;
    if (route.method == method) {
      matched = &route;
      params = std::move(found);
      break;
    }
    allowed.push_back(route.method);
  }
  if (!matched) {
    if (allowed.empty()) return std::nullopt;
    std::string allow;
    for (const auto& method : allowed) allow += (allow.empty() ? "" : ", ") + method;
    Response response = SimpleProblem(405, "method-not-allowed",
                                      request.method + " is not allowed here; use " + allow);
    response.SetHeader("Allow", allow);
    return response;
  }

  Call call{request, std::move(params), std::move(query), {}, std::nullopt};
  call.context.request_id = request.request_id;
  call.context.client_address = ClientAddress(request, options_);
  try {
    if (auto refused = Authenticate(request, *matched, call)) return refused;
    if (!matched->access.is_public) {
      if (!call.auth) {
        return ProblemResponse(core::Error::Unauthenticated("sign in first"), request.request_id);
      }
      const auto& roles = matched->access.roles;
      if (!roles.empty() &&
          std::find(roles.begin(), roles.end(), call.auth->principal.role) == roles.end()) {
        return SimpleProblem(403, "forbidden", "your role may not use this");
      }
    }
    return matched->handler(call);
  } catch (const std::exception& error) {
    spdlog::error("request_id={} event=unhandled_exception method={} path={} error=\"{}\"",
                  request.request_id, request.method, path, error.what());
    return ProblemResponse(core::Error::Internal(error.what()), request.request_id);
  }
}

}  // namespace gotong::api
