#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/http.hpp"
#include "domain/accounts/access.hpp"
#include "domain/accounts/account_service.hpp"

namespace gotong::api {

// Who may call a route: anyone, any signed-in user, or only the listed roles.
struct Access {
  bool is_public = false;
  std::vector<domain::accounts::Role> roles;  // empty: any signed-in user

  static Access Public() { return {true, {}}; }
  static Access SignedIn() { return {false, {}}; }
  static Access Roles(std::vector<domain::accounts::Role> roles) { return {false, std::move(roles)}; }
};

// What a handler gets: the request, its path parameters and the caller.
struct Call {
  const Request& request;
  std::map<std::string, std::string> path;
  std::string query;  // the raw query string, without '?'
  domain::accounts::Context context;
  std::optional<domain::accounts::Authenticated> auth;
};

using Handler = std::function<Response(Call&)>;

struct Route {
  std::string method;   // "GET"
  std::string pattern;  // "/api/v1/users/{id}"
  Access access;
  Handler handler;
};

struct RouterOptions {
  bool cookie_secure = false;  // always mark the session cookie Secure
  bool trust_proxy = false;    // believe X-Forwarded-For / X-Forwarded-Proto
};

inline constexpr const char* kSessionCookie = "gotong_session";

// Matches requests against the one route table, authenticates the caller, enforces CSRF and
// roles, and turns anything a handler throws into a 500 (STYLE.md 2).
class Router {
 public:
  Router(std::vector<Route> routes, domain::accounts::AccountService& accounts,
         RouterOptions options);

  // nullopt when no API route's path matches (the caller may serve static files then).
  std::optional<Response> Dispatch(const Request& request);

  const std::vector<Route>& routes() const { return routes_; }
  const RouterOptions& options() const { return options_; }

 private:
  std::optional<Response> Authenticate(const Request& request, const Route& route, Call& call);

  std::vector<Route> routes_;
  domain::accounts::AccountService& accounts_;
  RouterOptions options_;
};

// The client's address, honouring X-Forwarded-For only behind a trusted proxy.
std::string ClientAddress(const Request& request, const RouterOptions& options);
bool IsSecure(const Request& request, const RouterOptions& options);
std::string CookieValue(std::string_view cookie_header, std::string_view name);

}  // namespace gotong::api
