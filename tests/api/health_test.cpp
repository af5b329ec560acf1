#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

class Health : public ApiTest {};
GOTONG_INSTANTIATE_FOR_BACKENDS(Health);

TEST_P(Health, AnswersOkWithVersionAndDatabase) {
  Reply reply = Get("/api/v1/health");
  ASSERT_EQ(reply.status(), 200) << reply;
  EXPECT_EQ(reply.header("Content-Type"), "application/json");
  EXPECT_EQ(reply.body.at("status"), "ok");
  EXPECT_EQ(reply.body.at("version"), "9.9.9-test");
  EXPECT_EQ(reply.body.at("database"), json::value(testing::BackendName(GetParam())));
}

TEST_P(Health, HeadIsAnsweredLikeGet) {
  Reply reply = services().Send("HEAD", "/api/v1/health");
  EXPECT_EQ(reply.status(), 200) << reply;
}

// Without a database the server still answers, and says why it is unhealthy.
TEST(HealthWithoutDatabase, Answers503Problem) {
  DownDatabase down;
  Services services(down);
  Reply reply = services.Send("GET", "/api/v1/health");
  ASSERT_EQ(reply.status(), 503) << reply;
  EXPECT_EQ(reply.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(reply.problem(), "unavailable");
  EXPECT_EQ(reply.body.at("status"), 503);
  EXPECT_NE(std::string(reply.body.at("detail").as_string()).find("connection refused"),
            std::string::npos);
  EXPECT_TRUE(reply.body.at("errors").as_array().empty());
}

TEST(HealthWithoutDatabase, SignedInRoutesAnswer503NotASignInPrompt) {
  DownDatabase down;
  Services services(down);
  Reply me = services.Send("GET", "/api/v1/me", "", {{"Cookie", "gotong_session=abc"}});
  EXPECT_EQ(me.status(), 503) << me;
  Reply login = services.Send("POST", "/api/v1/session",
                              R"({"username":"admin","password":"correct horse battery staple"})",
                              {{"Content-Type", "application/json"}});
  EXPECT_EQ(login.status(), 503) << login;
  Reply regions = services.Send("GET", "/api/v1/regions?parent=35");
  EXPECT_EQ(regions.status(), 503) << regions;
}

}  // namespace
}  // namespace gotong::api_tests
