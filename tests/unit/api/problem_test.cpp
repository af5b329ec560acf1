#include "api/problem.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace gotong::api {
namespace {

namespace json = boost::json;

TEST(HttpStatusOf, MapsEveryCode) {
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kInvalidArgument), 400);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kUnauthenticated), 401);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kPermissionDenied), 403);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kNotFound), 404);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kAlreadyExists), 409);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kConflict), 409);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kResourceExhausted), 429);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kUnavailable), 503);
  EXPECT_EQ(HttpStatusOf(core::ErrorCode::kInternal), 500);
}

TEST(HttpStatusOf, AFewProblemTypesCarryTheirOwnStatusAndTheRestTheirCodes) {
  EXPECT_EQ(HttpStatusOf(Problem(core::ErrorCode::kInvalidArgument, "method-not-allowed", "m")), 405);
  EXPECT_EQ(HttpStatusOf(Problem(core::ErrorCode::kInvalidArgument, "payload-too-large", "m")), 413);
  EXPECT_EQ(HttpStatusOf(Problem(core::ErrorCode::kInvalidArgument, "unsupported-media-type", "m")), 415);
  EXPECT_EQ(HttpStatusOf(Problem(core::ErrorCode::kInvalidArgument, "idempotency-key-reused", "m")), 422);
  EXPECT_EQ(HttpStatusOf(Problem(core::ErrorCode::kInvalidArgument, "headers-too-large", "m")), 431);
  EXPECT_EQ(HttpStatusOf(Problem(core::ErrorCode::kPermissionDenied, "csrf-failed", "m")), 403);
  EXPECT_EQ(HttpStatusOf(Problem(core::ErrorCode::kUnavailable, "busy", "m")), 503);
  EXPECT_EQ(HttpStatusOf(core::Error::NotFound("no group")), 404);
}

TEST(ProblemResponse, ATypedProblemIsWrittenWithItsStatusTitleAndSlug) {
  Response response =
      ProblemResponse(Problem(core::ErrorCode::kInvalidArgument, "headers-too-large", "too big"), "r");
  EXPECT_EQ(response.status, 431);
  auto body = json::parse(response.body).as_object();
  EXPECT_EQ(body.at("type").as_string(), "urn:gotong:problem:headers-too-large");
  EXPECT_EQ(body.at("title").as_string(), "Request headers too large");
  EXPECT_EQ(body.at("status").as_int64(), 431);
  EXPECT_EQ(body.at("detail").as_string(), "too big");
  EXPECT_TRUE(body.at("errors").as_array().empty());
}

TEST(ProblemResponse, WritesRfc9457BodyWithFieldErrors) {
  auto error = core::Error::Invalid(std::vector<core::FieldError>{
      {"username", "too_short", "username must be at least 3 characters"},
      {"scope.id", "invalid_value", "scope.id must be a positive id"}});
  Response response = ProblemResponse(error, "req-1");
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  auto body = json::parse(response.body).as_object();
  EXPECT_EQ(body.at("type"), "urn:gotong:problem:invalid-input");
  EXPECT_EQ(body.at("title"), "The request is not valid");
  EXPECT_EQ(body.at("status"), 400);
  EXPECT_EQ(body.at("detail"), "2 fields are invalid");
  auto& errors = body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1].at("field"), "scope.id");
  EXPECT_EQ(errors[1].at("code"), "invalid_value");
  EXPECT_FALSE(body.contains("retry_after"));
}

TEST(ProblemResponse, UsesTheErrorTypeAsSlug) {
  core::Error error = core::Error::Unauthenticated("invalid username or password");
  error.type = "invalid-credentials";
  auto body = json::parse(ProblemResponse(error, "r").body).as_object();
  EXPECT_EQ(body.at("type"), "urn:gotong:problem:invalid-credentials");
  EXPECT_EQ(body.at("status"), 401);
  EXPECT_TRUE(body.at("errors").as_array().empty());
}

TEST(ProblemResponse, RateLimitCarriesRetryAfterInHeaderAndBody) {
  core::Error error{core::ErrorCode::kResourceExhausted, "slow down", {}, 42, "rate-limited"};
  Response response = ProblemResponse(error, "r");
  EXPECT_EQ(response.status, 429);
  EXPECT_EQ(response.Header("Retry-After"), "42");
  EXPECT_EQ(json::parse(response.body).at("retry_after"), 42);
}

TEST(ProblemResponse, InternalErrorsKeepTheirMessageOutOfTheBody) {
  Response response =
      ProblemResponse(core::Error::Internal("SELECT password_hash FROM users failed"), "req-77");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("password_hash"), std::string::npos);
  auto body = json::parse(response.body).as_object();
  EXPECT_EQ(body.at("type"), "urn:gotong:problem:internal");
  EXPECT_NE(std::string(body.at("detail").as_string()).find("req-77"), std::string::npos);
}

TEST(ProblemResponse, ADatabaseRefusalSaysSoAndWhereTheLogHasItsWords) {
  core::Error error = core::Error::Internal(
      "insert enterprise: ERROR: value too long while executing \"INSERT INTO enterprises (name) "
      "VALUES (:p1)\" with :p1=\"Batik Rahasia\"");
  error.type = "database";
  error.fields = {{"name", "x", "Batik Rahasia"}};
  Response response = ProblemResponse(error, "req-9");
  EXPECT_EQ(response.status, 500);
  for (const char* secret : {"INSERT", "Rahasia", "enterprises", ":p1"}) {
    EXPECT_EQ(response.body.find(secret), std::string::npos) << secret << ": " << response.body;
  }
  auto body = json::parse(response.body).as_object();
  EXPECT_EQ(body.at("type"), "urn:gotong:problem:internal");
  EXPECT_EQ(body.at("detail"),
            "the database refused the write; the administrator can find details in the log under "
            "request req-9");
  EXPECT_TRUE(body.at("errors").as_array().empty());
}

TEST(ProblemResponse, UnsupportedMediaTypeIs415) {
  core::Error error = core::Error::Invalid("", "invalid_format", "send JSON");
  error.type = "unsupported-media-type";
  EXPECT_EQ(ProblemResponse(error, "r").status, 415);
}

}  // namespace
}  // namespace gotong::api
