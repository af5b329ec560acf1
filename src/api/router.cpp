#include "api/router.hpp"

#include <spdlog/spdlog.h>

#include <boost/url/decode_view.hpp>

#include <charconv>

#include "api/problem.hpp"
#include "crypto/sodium.hpp"
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

// A request target's path and query (without '?').
std::pair<std::string_view, std::string_view> SplitTarget(std::string_view target) {
  auto question = target.find('?');
  if (question == std::string_view::npos) return {target, {}};
  return {target.substr(0, question), target.substr(question + 1)};
}

bool IsWrite(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

core::Error BodyTooLarge(const std::string& field, std::size_t max_bytes) {
  const std::size_t megabytes = max_bytes / (std::size_t{1024} * 1024);
  std::string message = "the file is larger than " +
                        (megabytes > 0 ? std::to_string(megabytes) + " MB" : std::to_string(max_bytes) + " bytes");
  core::Error error = Problem(core::ErrorCode::kInvalidArgument, "payload-too-large", message);
  error.fields.push_back({field, "too_large", message,
                          {{"max_bytes", std::to_string(max_bytes)}, {"max_megabytes", std::to_string(megabytes)}}});
  return error;
}

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
               domain::idempotency::IdempotencyService& idempotency, RouterOptions options)
    : routes_(std::move(routes)),
      accounts_(accounts),
      idempotency_(idempotency),
      options_(options),
      limits_(options.limits) {
  for (const Route& route : routes_) {
    if (route.answers_inline) inline_routes_.push_back(&route);
  }
}

core::Status Router::Authenticate(const Request& request, const Route& route, Call& call) {
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
      return core::OkStatus();  // a stale cookie does not stop a public page
    }
    return auth.error();
  }
  // A public write (signing in again) acts on no session's authority, so it needs no token.
  if (by_cookie && IsWrite(request.method) && !route.access.is_public) {
    std::string_view sent = request.Header("X-CSRF-Token");
    if (sent.empty() || !auth->csrf_token || !core::ConstantTimeEquals(sent, *auth->csrf_token)) {
      return Problem(core::ErrorCode::kPermissionDenied, "csrf-failed",
                     "the X-CSRF-Token header is missing or does not match the session");
    }
  }
  call.context.principal = auth->principal;
  call.auth = std::move(auth).value();
  return core::OkStatus();
}

Call Router::NewCall(const Request& request, std::map<std::string, std::string> params,
                     std::string query) const {
  Call call{request, std::move(params), std::move(query), {}, std::nullopt};
  call.context.request_id = request.request_id;
  call.context.client_address = ClientAddress(request, options_);
  return call;
}

std::optional<Router::Found> Router::Find(const Request& request) const {
  auto [path, query] = SplitTarget(request.target);
  Found found;
  found.query = std::string(query);
  std::string method = request.method == "HEAD" ? "GET" : request.method;
  std::vector<std::string> allowed;
  for (const Route& route : routes_) {
    std::map<std::string, std::string> params;
    if (!Match(route.pattern, path, params)) continue;
    if (route.method == method) {
      found.route = &route;
      found.params = std::move(params);
      return found;
    }
    allowed.push_back(route.method);
  }
  if (allowed.empty()) return std::nullopt;
  for (const auto& name : allowed) found.allow += (found.allow.empty() ? "" : ", ") + name;
  found.refusal = Problem(core::ErrorCode::kInvalidArgument, "method-not-allowed",
                          request.method + " is not allowed here; use " + found.allow);
  return found;
}

core::Status Router::Authorize(const Request& request, const Route& route, Call& call) {
  GOTONG_RETURN_IF_ERROR(Authenticate(request, route, call));
  if (route.access.is_public) return core::OkStatus();
  if (!call.auth) return core::Error::Unauthenticated("sign in first");
  const auto& roles = route.access.roles;
  if (!roles.empty() &&
      std::find(roles.begin(), roles.end(), call.auth->principal.role) == roles.end()) {
    return core::Error::Denied("your role may not use this");
  }
  return core::OkStatus();
}

Response Router::Answer(Reply reply, const Request& request, const Found* found) const {
  if (reply.ok()) return std::move(reply).value();
  Response response = ProblemResponse(reply.error(), request.request_id);
  if (found && found->refusal && !found->allow.empty()) response.SetHeader("Allow", found->allow);
  return response;
}

std::optional<Response> Router::Dispatch(const Request& request) {
  auto found = Find(request);
  if (!found) return std::nullopt;
  return Answer(Handle(request, *found), request, &*found);
}

Reply Router::Handle(const Request& request, Found& found) {
  if (found.refusal) return *found.refusal;
  const Route& route = *found.route;
  Call call = NewCall(request, std::move(found.params), std::move(found.query));
  try {
    GOTONG_RETURN_IF_ERROR(Authorize(request, route, call));
    // A heavy request admitted before its body was read already holds its slot.
    std::shared_ptr<void> slot = request.admission;
    if (route.heavy != Heavy::kNone && !slot) {
      GOTONG_ASSIGN_OR_RETURN(slot, limits_.Acquire(route.heavy, call.auth ? call.auth->principal.user_id : 0));
    }
    // A public POST (signing in) acts for nobody yet: its answer (a new session) is never kept.
    // A PUT (a sheet of votes, attendance) is kept too, so a retry is not audited twice.
    std::string_view key = request.Header("Idempotency-Key");
    bool keyed = request.method == "POST" || request.method == "PUT";
    if (keyed && !key.empty() && call.auth && !route.access.is_public && !route.reveals_secret) {
      return Idempotent(request, route, call, key);
    }
    return route.handler(call);
  } catch (const std::exception& error) {
    spdlog::error("request_id={} event=unhandled_exception method={} target=\"{}\" error=\"{}\"",
                  request.request_id, request.method, request.target, error.what());
    return core::Error::Internal(error.what());
  }
}

Reply Router::Idempotent(const Request& request, const Route& route, Call& call,
                         std::string_view key_header) {
  namespace idem = domain::idempotency;
  GOTONG_ASSIGN_OR_RETURN(std::string key, idem::ParseKey(key_header));
  // The same key may only ever mean the same request: method, target, type and body.
  GOTONG_ASSIGN_OR_RETURN(
      std::string fingerprint,
      crypto::Sha256Hex({request.method, request.target, request.Header("Content-Type"), request.body},
                        request.body_file));
  std::int64_t user = call.auth->principal.user_id;
  GOTONG_ASSIGN_OR_RETURN(auto claim, idempotency_.Begin(user, key, fingerprint));
  switch (claim.decision) {
    case idem::Decision::kMismatch:
      return Problem(core::ErrorCode::kInvalidArgument, "idempotency-key-reused",
                     "this Idempotency-Key was already used for a different request");
    case idem::Decision::kInProgress: {
      core::Error busy = Problem(core::ErrorCode::kConflict, "idempotency-key-in-use",
                                 "a request with this Idempotency-Key is still being processed; "
                                 "try again in a moment");
      busy.retry_after_seconds = 1;
      return busy;
    }
    case idem::Decision::kUnknown:
      return Problem(core::ErrorCode::kConflict, "idempotency-outcome-unknown",
                     "the first request with this Idempotency-Key was interrupted; check whether "
                     "it was recorded before sending it again with a new key");
    case idem::Decision::kReplay: {
      Response replay;
      replay.status = claim.response->status;
      replay.headers = std::move(claim.response->headers);
      replay.body = std::move(claim.response->body);
      replay.SetHeader("Idempotent-Replayed", "true");
      return replay;
    }
    case idem::Decision::kProceed:
      break;
  }
  // Until the answer is kept the claim stands, so a concurrent retry is told to wait; if the
  // process dies here, the key is left "in progress" and later reported as of unknown outcome.
  struct Abandon {
    idem::IdempotencyService& service;
    std::int64_t user;
    const std::string& key;
    bool armed = true;
    ~Abandon() {
      if (armed) (void)service.Abandon(user, key);
    }
  } abandon{idempotency_, user, key};
  Response response = Answer(route.handler(call), request, nullptr);
  // Worth repeating: what the handler decided. Not kept, so the same key may be tried again: a
  // server failure or overload (services write in one transaction, which a failure rolls back),
  // a rate limit, or a download (its file is sent once). A throwing handler is forgotten too.
  bool keep = response.status < 500 && response.status != 429 && response.body_file.empty();
  if (keep) {
    // A cookie is never stored: the replay must not hand out a session.
    Headers headers;
    for (const auto& header : response.headers) {
      if (core::AsciiLower(header.first) != "set-cookie") headers.push_back(header);
    }
    auto kept = idempotency_.Finish(user, key, {response.status, std::move(headers), response.body});
    if (!kept.ok()) {
      spdlog::error("request_id={} event=idempotency_not_kept error=\"{}\"", request.request_id,
                    kept.error().message);
    }
    abandon.armed = false;
  }
  return response;
}

std::optional<Response> Router::Admit(Request& request) {
  auto found = Find(request);
  if (!found) {
    return ProblemResponse(
        core::Error::NotFound("no API route " + std::string(SplitTarget(request.target).first)),
        request.request_id);
  }
  Reply refusal = [&]() -> Reply {
    if (found->refusal) return *found->refusal;
    const Route& route = *found->route;
    Call call = NewCall(request, std::move(found->params), std::move(found->query));
    GOTONG_RETURN_IF_ERROR(Authorize(request, route, call));
    if (route.heavy != Heavy::kNone) {
      GOTONG_ASSIGN_OR_RETURN(request.admission,
                              limits_.Acquire(route.heavy, call.auth ? call.auth->principal.user_id : 0));
    }
    if (route.max_body > 0) {
      // Refused from what the client says it sends; one that sends more (or does not say) is
      // cut off by the transport at the same limit.
      std::string_view length = request.Header("Content-Length");
      std::size_t declared = 0;
      auto [end, ec] = std::from_chars(length.data(), length.data() + length.size(), declared);
      if (!length.empty() && (ec == std::errc::result_out_of_range ||
                              (ec == std::errc{} && end == length.data() + length.size() &&
                               declared > route.max_body))) {
        return BodyTooLarge(route.body_field, route.max_body);
      }
      request.body_limit = route.max_body;
    }
    return Response{};
  }();
  if (refusal.ok()) return std::nullopt;
  return Answer(std::move(refusal), request, &*found);
}

std::optional<Response> Router::AnswerInline(const Request& request) {
  if (inline_routes_.empty()) return std::nullopt;
  auto [path, query] = SplitTarget(request.target);
  std::string method = request.method == "HEAD" ? "GET" : request.method;
  for (const Route* route : inline_routes_) {
    std::map<std::string, std::string> params;
    if (route->method != method || !Match(route->pattern, path, params)) continue;
    Call call = NewCall(request, std::move(params), std::string(query));
    return Answer(route->handler(call), request, nullptr);
  }
  return std::nullopt;
}

}  // namespace gotong::api
