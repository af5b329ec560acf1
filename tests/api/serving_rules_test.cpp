// What the API promises a client that retries, an attacker who sends bodies without signing in,
// and a user who starts too many exports: Idempotency-Key, admission before the body, and the
// concurrency limits of heavy routes. In process, on both backends.
#include <atomic>
#include <thread>

#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

json::object Bank(const std::string& name) {
  return json::object{{"name", name}, {"helix", "business"}, {"kind", "bank"}};
}

class Idempotency : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
  }

  Reply PostWithKey(const std::string& target, const json::value& body, const std::string& key,
                    const Browser& as) {
    api::Headers headers{{"Content-Type", "application/json"},
                         {"Cookie", as.cookie},
                         {"X-CSRF-Token", as.csrf},
                         {"Idempotency-Key", key}};
    return services().Send("POST", target, json::serialize(body), std::move(headers));
  }

  std::int64_t StakeholderCount() {
    Reply list = Get("/api/v1/stakeholders", &admin_);
    EXPECT_EQ(list.status(), 200) << list;
    return list.body.at("total").as_int64();
  }

  Browser admin_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Idempotency);

TEST_P(Idempotency, ARetryWithTheSameKeyGetsTheFirstAnswerAndWritesNothingAgain) {
  auto before = StakeholderCount();
  Reply first = PostWithKey("/api/v1/stakeholders", Bank("Bank Jatim"), "7f1c-retry", admin_);
  ASSERT_EQ(first.status(), 201) << first;
  EXPECT_EQ(first.header("Idempotent-Replayed"), "");
  Reply again = PostWithKey("/api/v1/stakeholders", Bank("Bank Jatim"), "7f1c-retry", admin_);
  ASSERT_EQ(again.status(), 201) << again;
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.response.body, first.response.body);
  EXPECT_EQ(again.header("Content-Type"), "application/json");
  EXPECT_EQ(StakeholderCount(), before + 1);
}

TEST_P(Idempotency, TheSameKeyWithADifferentBodyIs422) {
  Reply first = PostWithKey("/api/v1/stakeholders", Bank("Bank Jatim"), "key-1", admin_);
  ASSERT_EQ(first.status(), 201) << first;
  Reply other = PostWithKey("/api/v1/stakeholders", Bank("Bank Mandiri"), "key-1", admin_);
  EXPECT_EQ(other.status(), 422) << other;
  EXPECT_EQ(other.problem(), "idempotency-key-reused");
  Reply elsewhere = PostWithKey("/api/v1/enterprises", json::object{}, "key-1", admin_);
  EXPECT_EQ(elsewhere.status(), 422) << "the key names one request, wherever it is sent";
}

TEST_P(Idempotency, KeysBelongToTheirUser) {
  Browser officer = Login("officer");
  Reply mine = PostWithKey("/api/v1/stakeholders", Bank("Bank Jatim"), "shared-key", admin_);
  ASSERT_EQ(mine.status(), 201) << mine;
  // Another user's identical key is a first use of her own: it is not answered with mine.
  Reply hers = PostWithKey("/api/v1/stakeholders", Bank("Bank Jatim"), "shared-key", officer);
  EXPECT_NE(hers.header("Idempotent-Replayed"), "true");
  EXPECT_NE(hers.status(), 422);
}

TEST_P(Idempotency, AKeyIsForgottenAfter24Hours) {
  auto before = StakeholderCount();
  ASSERT_EQ(PostWithKey("/api/v1/stakeholders", Bank("Bank A"), "daily", admin_).status(), 201);
  clock().Advance(std::chrono::hours(25));
  admin_ = Login("admin");  // the session has expired meanwhile
  Reply later = PostWithKey("/api/v1/stakeholders", Bank("Bank A 2"), "daily", admin_);
  EXPECT_EQ(later.status(), 201) << later;
  EXPECT_NE(later.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(StakeholderCount(), before + 2);
}

TEST_P(Idempotency, ARefusedRequestIsAnsweredTheSameWayAgain) {
  auto before = StakeholderCount();
  json::object bad{{"name", "Tanpa helix"}};
  Reply first = PostWithKey("/api/v1/stakeholders", bad, "bad-1", admin_);
  ASSERT_EQ(first.status(), 400) << first;
  Reply again = PostWithKey("/api/v1/stakeholders", bad, "bad-1", admin_);
  EXPECT_EQ(again.status(), 400);
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(StakeholderCount(), before);
}

TEST_P(Idempotency, AMalformedKeyIsRefusedNamingTheHeader) {
  for (const std::string& key :
       {std::string(256, 'k'), std::string("spasi di tengah"), std::string("ctl\x01")}) {
    Reply reply = PostWithKey("/api/v1/stakeholders", Bank("Bank X"), key, admin_);
    EXPECT_EQ(reply.status(), 400) << reply;
    EXPECT_EQ(reply.field_errors(), std::vector<std::string>{"Idempotency-Key:invalid_format"});
  }
  // The quoted form of a structured-field string is the same key.
  Reply quoted = PostWithKey("/api/v1/stakeholders", Bank("Bank Q"), "\"abc-123\"", admin_);
  ASSERT_EQ(quoted.status(), 201) << quoted;
  Reply bare = PostWithKey("/api/v1/stakeholders", Bank("Bank Q"), "abc-123", admin_);
  EXPECT_EQ(bare.header("Idempotent-Replayed"), "true");
}

TEST_P(Idempotency, SigningInIsNeverReplayedSoNoSessionIsKept) {
  api::Headers headers{{"Content-Type", "application/json"},
                       {"Cookie", admin_.cookie},
                       {"Idempotency-Key", "login-key"}};
  std::string body = R"({"username":"admin","password":"correct horse battery staple"})";
  Reply first = services().Send("POST", "/api/v1/session", body, headers);
  Reply second = services().Send("POST", "/api/v1/session", body, headers);
  ASSERT_EQ(first.status(), 201) << first;
  ASSERT_EQ(second.status(), 201) << second;
  EXPECT_EQ(second.header("Idempotent-Replayed"), "");
  EXPECT_NE(first.header("Set-Cookie"), second.header("Set-Cookie")) << "each sign-in is a new session";
}

TEST_P(Idempotency, ConcurrentRequestsWithOneKeyWriteOnce) {
  auto before = StakeholderCount();
  constexpr int kClients = 6;
  std::vector<Reply> replies(kClients);
  std::vector<std::thread> clients;
  std::atomic<bool> go{false};
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      while (!go) std::this_thread::yield();
      replies[static_cast<std::size_t>(i)] =
          PostWithKey("/api/v1/stakeholders", Bank("Bank Serentak"), "same-tap", admin_);
    });
  }
  go = true;
  for (auto& client : clients) client.join();
  int created = 0, replayed = 0, in_use = 0;
  for (const auto& reply : replies) {
    if (reply.status() == 201 && reply.header("Idempotent-Replayed") == "true") {
      ++replayed;
    } else if (reply.status() == 201) {
      ++created;
    } else if (reply.status() == 409 && reply.problem() == "idempotency-key-in-use") {
      EXPECT_EQ(reply.header("Retry-After"), "1");
      ++in_use;
    } else {
      ADD_FAILURE() << reply;
    }
  }
  EXPECT_EQ(created, 1);
  EXPECT_EQ(created + replayed + in_use, kClients);
  EXPECT_EQ(StakeholderCount(), before + 1);
}

// ---- admission: decided from the headers, before any body is read ----

class Admission : public ApiTest {
 protected:
  api::Request Head(const std::string& method, const std::string& target, api::Headers headers) {
    api::Request request;
    request.method = method;
    request.target = target;
    request.headers = std::move(headers);
    request.remote_address = "127.0.0.1";
    request.request_id = "admit";
    return request;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Admission);

TEST_P(Admission, AnImportWithoutASessionIsRefusedFromItsHeaders) {
  auto request = Head("POST", "/api/v1/imports?kind=enterprises", {{"Content-Type", "text/csv"}});
  auto refused = services().app.Admit(request);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 401);
  EXPECT_FALSE(request.admission) << "nothing is held for a refused request";
}

TEST_P(Admission, AnImportFromARoleThatMayNotImportIsRefused) {
  Browser member = Login("member");
  auto request = Head(
      "POST", "/api/v1/imports?kind=enterprises",
      {{"Content-Type", "text/csv"}, {"Cookie", member.cookie}, {"X-CSRF-Token", member.csrf}});
  auto refused = services().app.Admit(request);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 403);
}

TEST_P(Admission, AnImportWithoutTheCsrfTokenIsRefused) {
  Browser officer = Login("officer");
  auto request = Head("POST", "/api/v1/imports?kind=enterprises",
                      {{"Content-Type", "text/csv"}, {"Cookie", officer.cookie}});
  auto refused = services().app.Admit(request);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 403);
}

TEST_P(Admission, AnUnknownApiRouteOrMethodIsRefusedBeforeItsBody) {
  auto unknown = Head("POST", "/api/v1/no-such-thing", {});
  auto refused = services().app.Admit(unknown);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 404);
  // Under the upload prefix too: a path that exists for GET only is not an upload.
  auto wrong_method = Head("POST", "/api/v1/imports/12", {});
  auto not_allowed = services().app.Admit(wrong_method);
  ASSERT_TRUE(not_allowed.has_value());
  EXPECT_EQ(not_allowed->status, 405);
}

TEST_P(Admission, OneUserSendsOneImportAtATimeAndTheSlotIsFreedAfterwards) {
  Browser officer = Login("officer");
  api::Headers headers{
      {"Content-Type", "text/csv"}, {"Cookie", officer.cookie}, {"X-CSRF-Token", officer.csrf}};
  auto first = Head("POST", "/api/v1/imports?kind=enterprises", headers);
  ASSERT_FALSE(services().app.Admit(first).has_value());
  ASSERT_TRUE(first.admission) << "an admitted upload holds its slot";
  auto second = Head("POST", "/api/v1/imports?kind=enterprises", headers);
  auto refused = services().app.Admit(second);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 429);
  EXPECT_FALSE(refused->Header("Retry-After").empty());
  // Another user is not held back by the officer's upload.
  Browser admin = Login("admin");
  auto theirs =
      Head("POST", "/api/v1/imports?kind=enterprises",
           {{"Content-Type", "text/csv"}, {"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}});
  EXPECT_FALSE(services().app.Admit(theirs).has_value());
  first.admission.reset();  // the first upload was answered
  auto third = Head("POST", "/api/v1/imports?kind=enterprises", headers);
  EXPECT_FALSE(services().app.Admit(third).has_value());
}

TEST_P(Admission, UploadsFromEveryoneAreCappedTogether) {
  std::vector<api::Request> held;
  for (int i = 0; i < 4; ++i) {
    std::string name = "importer" + std::to_string(i);
    CreateUser(name, Role::kAdmin);
    Browser browser = Login(name);
    auto request = Head(
        "POST", "/api/v1/imports?kind=enterprises",
        {{"Content-Type", "text/csv"}, {"Cookie", browser.cookie}, {"X-CSRF-Token", browser.csrf}});
    ASSERT_FALSE(services().app.Admit(request).has_value()) << i;
    held.push_back(std::move(request));
  }
  Browser fifth = Login("admin");
  auto request =
      Head("POST", "/api/v1/imports?kind=enterprises",
           {{"Content-Type", "text/csv"}, {"Cookie", fifth.cookie}, {"X-CSRF-Token", fifth.csrf}});
  auto refused = services().app.Admit(request);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 503);
  EXPECT_FALSE(refused->Header("Retry-After").empty());
}

}  // namespace
}  // namespace gotong::api_tests
