#include "api/problem.hpp"

#include <boost/json.hpp>
#include <spdlog/spdlog.h>

#include <string_view>
#include <utility>

namespace gotong::api {
namespace {

namespace json = boost::json;

const char* DefaultSlug(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument: return "invalid-input";
    case core::ErrorCode::kUnauthenticated: return "unauthenticated";
    case core::ErrorCode::kPermissionDenied: return "forbidden";
    case core::ErrorCode::kNotFound: return "not-found";
    case core::ErrorCode::kAlreadyExists: return "already-exists";
    case core::ErrorCode::kFailedPrecondition:
    case core::ErrorCode::kConflict: return "conflict";
    case core::ErrorCode::kResourceExhausted: return "rate-limited";
    case core::ErrorCode::kUnavailable: return "unavailable";
    case core::ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

const char* TitleOf(int status) {
  switch (status) {
    case 400: return "The request is not valid";
    case 401: return "Sign-in needed";
    case 403: return "Not allowed";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 409: return "Conflict";
    case 413: return "Request too large";
    case 415: return "Unsupported media type";
    case 422: return "The request cannot be processed";
    case 431: return "Request headers too large";
    case 429: return "Too many requests";
    case 503: return "Service unavailable";
    default: return "Internal error";
  }
}

Response Build(int status, const std::string& slug, const std::string& detail,
               const std::vector<core::FieldError>& fields, std::optional<int> retry_after) {
  json::object body;
  body["type"] = "urn:gotong:problem:" + slug;
  body["title"] = TitleOf(status);
  body["status"] = status;
  body["detail"] = detail;
  json::array errors;
  for (const auto& field : fields) {
    json::object error{{"field", field.field}, {"code", field.code}, {"message", field.message}};
    if (!field.params.empty()) {
      json::object params;
      for (const auto& [name, value] : field.params) params[name] = value;
      error["params"] = std::move(params);
    }
    errors.push_back(std::move(error));
  }
  body["errors"] = std::move(errors);
  Response response;
  response.status = status;
  if (retry_after) {
    body["retry_after"] = *retry_after;
    response.SetHeader("Retry-After", std::to_string(*retry_after));
  }
  response.SetHeader("Content-Type", "application/problem+json");
  response.SetHeader("Cache-Control", "no-store");
  response.body = json::serialize(body);
  return response;
}

}  // namespace

int HttpStatusOf(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidArgument: return 400;
    case core::ErrorCode::kUnauthenticated: return 401;
    case core::ErrorCode::kPermissionDenied: return 403;
    case core::ErrorCode::kNotFound: return 404;
    case core::ErrorCode::kAlreadyExists:
    case core::ErrorCode::kFailedPrecondition:
    case core::ErrorCode::kConflict: return 409;
    case core::ErrorCode::kResourceExhausted: return 429;
    case core::ErrorCode::kUnavailable: return 503;
    case core::ErrorCode::kInternal: return 500;
  }
  return 500;
}

int HttpStatusOf(const core::Error& error) {
  static constexpr std::pair<std::string_view, int> kOwnStatus[] = {
      {"method-not-allowed", 405},     {"payload-too-large", 413},
      {"unsupported-media-type", 415}, {"idempotency-key-reused", 422},
      {"headers-too-large", 431},
  };
  for (const auto& [type, status] : kOwnStatus) {
    if (error.type == type) return status;
  }
  return HttpStatusOf(error.code);
}

core::Error Problem(core::ErrorCode code, std::string type, std::string message) {
  core::Error error;
  error.code = code;
  error.type = std::move(type);
  error.message = std::move(message);
  return error;
}

Response ProblemResponse(const core::Error& error, const std::string& request_id) {
  int status = HttpStatusOf(error);
  if (error.code == core::ErrorCode::kInternal) {
    // What went wrong (for the database: its SQL and bound values, other people's records) is
    // for the log only; the caller gets where to find it.
    spdlog::error("request_id={} event=internal_error error=\"{}\"", request_id, error.message);
    std::string detail =
        error.type == "database"
            ? "the database refused the write; the administrator can find details in the log "
              "under request " + request_id
            : "Something went wrong on the server; the administrator can find details in the "
              "log under request " + request_id + ".";
    return Build(status, "internal", detail, {}, std::nullopt);
  }
  std::string slug = error.type.empty() ? DefaultSlug(error.code) : error.type;
  return Build(status, slug, error.message, error.fields, error.retry_after_seconds);
}

}  // namespace gotong::api
