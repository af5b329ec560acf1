#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "api/http.hpp"
#include "api/limits.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/idempotency/idempotency_service.hpp"

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

// What a handler answers: its response, or the error the router turns into problem+json
// (STYLE.md 3). Every handler has this one shape.
using Reply = core::Result<Response>;
using Handler = std::function<Reply(Call&)>;

struct Route {
  std::string method;   // "GET"
  std::string pattern;  // "/api/v1/users/{id}"
  Access access;
  Handler handler;
  Heavy heavy = Heavy::kNone;  // long work with its own concurrency limits (exports, imports)
  // Answered on the transport's I/O thread, without waiting for a worker: only for a public
  // route whose handler answers from memory and never blocks (health).
  bool answers_inline = false;
  // Its answer holds a secret shown once (a temporary password, an API token): an
  // Idempotency-Key is ignored, so the answer is never kept for a replay.
  bool reveals_secret = false;
  // A route whose body is a file (a photo): at most this many bytes, refused from its
  // Content-Length before any of it is read (413, naming `body_field` with code too_large).
  // 0: the server's own limits.
  std::size_t max_body = 0;
  std::string body_field{};
};

struct RouterOptions {
  bool cookie_secure = false;  // always mark the session cookie Secure
  bool trust_proxy = false;    // believe X-Forwarded-For / X-Forwarded-Proto
  LimitOptions limits;
};

inline constexpr const char* kSessionCookie = "gotong_session";

// Matches requests against the one route table, authenticates the caller, enforces CSRF and
// roles, and turns anything a handler throws into a 500 (STYLE.md 2).
class Router {
 public:
  Router(std::vector<Route> routes, domain::accounts::AccountService& accounts,
         domain::idempotency::IdempotencyService& idempotency, RouterOptions options);

  // nullopt when no API route's path matches (the caller may serve static files then).
  std::optional<Response> Dispatch(const Request& request);
  // Before a request's body is read (call it for /api/ paths only): refuses (with the answer to
  // send) an unknown route or method, a caller who is not signed in or may not use the route, a missing CSRF token, or a
  // heavy request over its limits; nothing admits it. An admitted heavy request holds its slot
  // in request.admission until it has been answered.
  std::optional<Response> Admit(Request& request);
  // The answer of an inline route (answers_inline), or nothing for every other request.
  std::optional<Response> AnswerInline(const Request& request);

  const std::vector<Route>& routes() const { return routes_; }
  const RouterOptions& options() const { return options_; }

 private:
  struct Found {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
    std::string query;
    std::optional<core::Error> refusal;  // 405 when the path exists for other methods
    std::string allow;                   // the methods it exists for then
  };
  // A call of a matched route: its parameters, query and the request's id and client address.
  Call NewCall(const Request& request, std::map<std::string, std::string> params,
               std::string query) const;
  // The route for the request's method and path; nothing at all when no API path matches.
  std::optional<Found> Find(const Request& request) const;
  // The answer for a matched request: the handler's, or why it was refused.
  Reply Handle(const Request& request, Found& found);
  // Authenticates, checks CSRF and the route's roles: OK when allowed.
  core::Status Authorize(const Request& request, const Route& route, Call& call);
  core::Status Authenticate(const Request& request, const Route& route, Call& call);
  // A signed-in POST with an Idempotency-Key: the first answer for the key, or the handler's.
  Reply Idempotent(const Request& request, const Route& route, Call& call,
                   std::string_view key_header);
  // A reply as sent: the response, or its error as problem+json (with Allow for a 405).
  Response Answer(Reply reply, const Request& request, const Found* found) const;

  std::vector<Route> routes_;
  std::vector<const Route*> inline_routes_;
  domain::accounts::AccountService& accounts_;
  domain::idempotency::IdempotencyService& idempotency_;
  RouterOptions options_;
  ConcurrencyLimits limits_;
};

// The refusal of a body over `max_bytes`: 413 (type payload-too-large) naming `field` with code
// too_large and the limit in params max_bytes and max_megabytes.
core::Error BodyTooLarge(const std::string& field, std::size_t max_bytes);

// The client's address, honouring X-Forwarded-For only behind a trusted proxy.
std::string ClientAddress(const Request& request, const RouterOptions& options);
bool IsSecure(const Request& request, const RouterOptions& options);
std::string CookieValue(std::string_view cookie_header, std::string_view name);

}  // namespace gotong::api
