#include "core/result.hpp"

namespace gotong::core {

const char* ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kFailedPrecondition: return "failed_precondition";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kResourceExhausted: return "resource_exhausted";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error Error::Invalid(std::string field, std::string code, std::string message) {
  Error error{ErrorCode::kInvalidArgument, message, {}, std::nullopt, {}};
  error.fields.push_back({std::move(field), std::move(code), std::move(message)});
  return error;
}

Error Error::Invalid(std::vector<FieldError> fields) {
  std::string message = fields.size() == 1 ? fields.front().message
                                           : std::to_string(fields.size()) + " fields are invalid";
  return Error{ErrorCode::kInvalidArgument, std::move(message), std::move(fields), std::nullopt, {}};
}

Error Error::NotFound(std::string message) {
  return Error{ErrorCode::kNotFound, std::move(message), {}, std::nullopt, {}};
}

Error Error::Denied(std::string message) {
  return Error{ErrorCode::kPermissionDenied, std::move(message), {}, std::nullopt, {}};
}

Error Error::Unauthenticated(std::string message) {
  return Error{ErrorCode::kUnauthenticated, std::move(message), {}, std::nullopt, {}};
}

Error Error::Exists(std::string field, std::string message) {
  Error error{ErrorCode::kAlreadyExists, message, {}, std::nullopt, "already-exists"};
  error.fields.push_back({std::move(field), "already_exists", std::move(message)});
  return error;
}

Error Error::Internal(std::string message) {
  return Error{ErrorCode::kInternal, std::move(message), {}, std::nullopt, {}};
}

Error Error::Unavailable(std::string message) {
  return Error{ErrorCode::kUnavailable, std::move(message), {}, std::nullopt, {}};
}

}  // namespace gotong::core
