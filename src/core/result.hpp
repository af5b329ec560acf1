#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace gotong::core {

// The kinds of expected failure (STYLE.md 1). api/ maps each to one HTTP status.
enum class ErrorCode {
  kInvalidArgument,
  kUnauthenticated,
  kPermissionDenied,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kConflict,
  kResourceExhausted,
  kUnavailable,
  kInternal,
};

const char* ToString(ErrorCode code);

// The values a field error's words need, by name ("can" → "120"), in the order they were given.
using ErrorParams = std::vector<std::pair<std::string, std::string>>;

// One wrong field: `field` names it as the client spelled it ("scope.id"), `code` is a stable
// machine word a client can translate (required, too_short, ...), `message` is plain English,
// and `params` the numbers and names a translation needs, so no client reads them back out
// of the English.
struct FieldError {
  FieldError() = default;
  FieldError(std::string field_name, std::string error_code, std::string text, ErrorParams values = {})
      : field(std::move(field_name)),
        code(std::move(error_code)),
        message(std::move(text)),
        params(std::move(values)) {}

  std::string field;
  std::string code;
  std::string message;
  ErrorParams params;

  friend bool operator==(const FieldError&, const FieldError&) = default;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<FieldError> fields;
  // Seconds a client should wait before retrying (kResourceExhausted).
  std::optional<int> retry_after_seconds;
  // A stable word for a specific kind of problem within its code ("invalid-credentials"), or
  // empty; api/ turns it into the problem type.
  std::string type;

  static Error Invalid(std::string field, std::string code, std::string message);
  static Error Invalid(std::vector<FieldError> fields);
  static Error NotFound(std::string message);
  static Error Denied(std::string message);
  static Error Unauthenticated(std::string message);
  static Error Exists(std::string field, std::string message);
  static Error Internal(std::string message);
  static Error Unavailable(std::string message);
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& {
    assert(!ok());
    return std::get<1>(state_);
  }
  Error&& error() && {
    assert(!ok());
    return std::get<1>(std::move(state_));
  }

 private:
  std::variant<T, Error> state_;
};

struct Ok {};

// Result of an operation that returns nothing on success.
using Status = Result<Ok>;

inline Status OkStatus() { return Ok{}; }

}  // namespace gotong::core

// Returns the error of a failed Result from the enclosing function.
#define GOTONG_RETURN_IF_ERROR(expr)                  \
  do {                                                \
    auto gotong_status_ = (expr);                     \
    if (!gotong_status_.ok()) {                       \
      return std::move(gotong_status_).error();       \
    }                                                 \
  } while (false)

#define GOTONG_CONCAT_INNER_(a, b) a##b
#define GOTONG_CONCAT_(a, b) GOTONG_CONCAT_INNER_(a, b)

// Declares `lhs` from a successful Result, or returns its error. `lhs` is a declaration
// ("auto x"), which parentheses would break.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define GOTONG_ASSIGN_OR_RETURN(lhs, expr) \
  GOTONG_ASSIGN_OR_RETURN_IMPL_(GOTONG_CONCAT_(gotong_result_, __LINE__), lhs, expr)
#define GOTONG_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) {                                    \
    return std::move(tmp).error();                    \
  }                                                   \
  lhs = std::move(tmp).value()
// NOLINTEND(bugprone-macro-parentheses)
