#include "core/result.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace gotong::core {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return Error::Invalid("n", "invalid_value", "n must be even");
  return n / 2;
}

// Uses both macros: the first failure is returned unchanged, later steps do not run.
Result<int> Quarter(int n, int* steps) {
  GOTONG_ASSIGN_OR_RETURN(int half, Half(n));
  ++*steps;
  GOTONG_ASSIGN_OR_RETURN(int quarter, Half(half));
  ++*steps;
  return quarter;
}

Status CheckEven(int n) {
  GOTONG_RETURN_IF_ERROR(Half(n));
  return OkStatus();
}

TEST(Result, HoldsValue) {
  Result<int> result = 21;
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(static_cast<bool>(result));
  EXPECT_EQ(*result, 21);
  EXPECT_EQ(result.value(), 21);
}

TEST(Result, HoldsError) {
  Result<int> result = Error::NotFound("no such thing");
  ASSERT_FALSE(result.ok());
  EXPECT_FALSE(static_cast<bool>(result));
  EXPECT_EQ(result.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(result.error().message, "no such thing");
}

TEST(Result, MovesOutMoveOnlyValues) {
  Result<std::unique_ptr<int>> result = std::make_unique<int>(7);
  ASSERT_TRUE(result.ok());
  std::unique_ptr<int> owned = std::move(result).value();
  ASSERT_NE(owned, nullptr);
  EXPECT_EQ(*owned, 7);
}

TEST(Result, ArrowReachesMembers) {
  Result<std::string> result = std::string("gotong");
  EXPECT_EQ(result->size(), 6u);
}

TEST(Result, AssignOrReturnPropagatesFirstError) {
  int steps = 0;
  auto ok = Quarter(8, &steps);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 2);
  EXPECT_EQ(steps, 2);

  steps = 0;
  auto odd = Quarter(7, &steps);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(steps, 0);
  EXPECT_EQ(odd.error().fields.at(0).field, "n");

  steps = 0;
  auto odd_half = Quarter(6, &steps);  // 6 -> 3, and 3 is odd
  ASSERT_FALSE(odd_half.ok());
  EXPECT_EQ(steps, 1);
}

TEST(Result, ReturnIfErrorPropagatesError) {
  EXPECT_TRUE(CheckEven(4).ok());
  auto status = CheckEven(5);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().message, "n must be even");
}

TEST(Error, InvalidWithOneFieldUsesItsMessage) {
  Error error = Error::Invalid("username", "too_short", "username is too short");
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, "username is too short");
  ASSERT_EQ(error.fields.size(), 1u);
  EXPECT_EQ(error.fields[0], (FieldError{"username", "too_short", "username is too short"}));
  EXPECT_TRUE(error.type.empty());
  EXPECT_FALSE(error.retry_after_seconds.has_value());
}

TEST(Error, InvalidWithSeveralFieldsCountsThem) {
  Error error = Error::Invalid(std::vector<FieldError>{{"a", "required", "a is required"},
                                                       {"b", "wrong_type", "b must be a string"},
                                                       {"c", "too_long", "c is too long"}});
  EXPECT_EQ(error.code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.message, "3 fields are invalid");
  EXPECT_EQ(error.fields.size(), 3u);
  EXPECT_EQ(error.fields[1].field, "b");
}

TEST(Error, ExistsNamesFieldAndType) {
  Error error = Error::Exists("username", "the username siti is taken");
  EXPECT_EQ(error.code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(error.type, "already-exists");
  ASSERT_EQ(error.fields.size(), 1u);
  EXPECT_EQ(error.fields[0].field, "username");
  EXPECT_EQ(error.fields[0].code, "already_exists");
}

TEST(Error, FactoriesSetTheirCode) {
  EXPECT_EQ(Error::NotFound("x").code, ErrorCode::kNotFound);
  EXPECT_EQ(Error::Denied("x").code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(Error::Unauthenticated("x").code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(Error::Internal("x").code, ErrorCode::kInternal);
  EXPECT_EQ(Error::Unavailable("x").code, ErrorCode::kUnavailable);
  EXPECT_TRUE(Error::Unavailable("x").fields.empty());
}

TEST(ErrorCode, EveryCodeHasItsOwnName) {
  const ErrorCode codes[] = {ErrorCode::kInvalidArgument,  ErrorCode::kUnauthenticated,
                             ErrorCode::kPermissionDenied, ErrorCode::kNotFound,
                             ErrorCode::kAlreadyExists,    ErrorCode::kFailedPrecondition,
                             ErrorCode::kConflict,         ErrorCode::kResourceExhausted,
                             ErrorCode::kUnavailable,      ErrorCode::kInternal};
  const char* names[] = {"invalid_argument", "unauthenticated",     "permission_denied",
                         "not_found",        "already_exists",      "failed_precondition",
                         "conflict",         "resource_exhausted",  "unavailable",
                         "internal"};
  for (std::size_t i = 0; i < std::size(codes); ++i) {
    EXPECT_STREQ(ToString(codes[i]), names[i]);
  }
}

}  // namespace
}  // namespace gotong::core
