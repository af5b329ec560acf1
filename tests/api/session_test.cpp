// Signing in and out, sessions, CSRF, bearer tokens and the caller's own password.
#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

api::RouterOptions RouterWith(bool cookie_secure, bool trust_proxy) {
  api::RouterOptions options;
  options.cookie_secure = cookie_secure;
  options.trust_proxy = trust_proxy;
  return options;
}

using namespace std::chrono_literals;

class Session : public ApiTest {
 protected:
  Reply PostSession(const std::string& body, const std::string& type = "application/json",
                    const std::string& remote = "127.0.0.1") {
    return services().Send("POST", "/api/v1/session", body, {{"Content-Type", type}}, remote);
  }
  Reply TryLogin(const std::string& username, const std::string& password,
                 const std::string& remote = "127.0.0.1") {
    return PostSession(json::serialize(json::object{{"username", username},
                                                    {"password", password}}),
                       "application/json", remote);
  }
  Reply ChangePassword(const Browser& as, const std::string& current, const std::string& fresh,
                       const std::string& remote = "127.0.0.1") {
    return services().Send(
        "PUT", "/api/v1/me/password",
        json::serialize(json::object{{"current_password", current}, {"new_password", fresh}}),
        {{"Content-Type", "application/json"}, {"Cookie", as.cookie}, {"X-CSRF-Token", as.csrf}},
        remote);
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Session);

// ---- signing in ----

TEST_P(Session, LoginSetsAStrictHttpOnlyCookieAndReturnsTheCsrfToken) {
  Reply reply = TryLogin("officer", kPassword);
  ASSERT_EQ(reply.status(), 201) << reply;
  std::string cookie(reply.header("Set-Cookie"));
  EXPECT_EQ(cookie.rfind("gotong_session=", 0), 0u) << cookie;
  EXPECT_GT(cookie.find(';'), std::string("gotong_session=").size() + 20) << "a long random token";
  EXPECT_NE(cookie.find("; HttpOnly"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; SameSite=Strict"), std::string::npos) << cookie;
  EXPECT_NE(cookie.find("; Path=/"), std::string::npos) << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "plain HTTP by default: " << cookie;
  EXPECT_EQ(cookie.find("Max-Age"), std::string::npos) << "a session cookie: " << cookie;

  const auto& body = reply.body.as_object();
  EXPECT_GT(body.at("csrf_token").as_string().size(), 20u);
  const auto& user = body.at("user").as_object();
  EXPECT_EQ(user.at("username"), "officer");
  EXPECT_EQ(user.at("role"), "officer");
  EXPECT_EQ(user.at("scope"), (json::object{{"kind", "stakeholder"}, {"id", 1}}));
  EXPECT_EQ(user.at("disabled"), false);
  EXPECT_EQ(user.at("created_at"), kStart);
  EXPECT_FALSE(user.contains("password_hash"));
  EXPECT_EQ(reply.response.body.find("argon2"), std::string::npos);

  // The cookie signs the browser in.
  std::string session = cookie.substr(0, cookie.find(';'));
  Reply me = services().Send("GET", "/api/v1/me", "", {{"Cookie", "theme=dark; " + session}});
  ASSERT_EQ(me.status(), 200) << me;
  EXPECT_EQ(me.body.at("user").at("username"), "officer");
  EXPECT_EQ(me.body.at("csrf_token"), body.at("csrf_token"));
}

TEST_P(Session, EachLoginIsItsOwnSession) {
  Browser first = Login("member");
  Browser second = Login("member");
  EXPECT_NE(first.cookie, second.cookie);
  EXPECT_NE(first.csrf, second.csrf);
}

TEST_P(Session, CookieIsSecureWhenConfiguredOrBehindATrustedHttpsProxy) {
  Services secure(db(), RouterWith(true, false));
  Reply reply = secure.Send("POST", "/api/v1/session",
                            R"({"username":"admin","password":"correct horse battery staple"})",
                            {{"Content-Type", "application/json"}});
  ASSERT_EQ(reply.status(), 201) << reply;
  EXPECT_NE(reply.header("Set-Cookie").find("; Secure"), std::string::npos);

  Services proxied(db(), RouterWith(false, true));
  reply = proxied.Send("POST", "/api/v1/session",
                       R"({"username":"admin","password":"correct horse battery staple"})",
                       {{"Content-Type", "application/json"}, {"X-Forwarded-Proto", "https"}});
  ASSERT_EQ(reply.status(), 201) << reply;
  EXPECT_NE(reply.header("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST_P(Session, UsernameIsMatchedWithoutCase) {
  EXPECT_EQ(TryLogin("ADMIN", kPassword).status(), 201);
}

TEST_P(Session, WrongPasswordIsInvalidCredentials) {
  Reply reply = TryLogin("admin", "not the password at all");
  ASSERT_EQ(reply.status(), 401) << reply;
  EXPECT_EQ(reply.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(reply.problem(), "invalid-credentials");
  EXPECT_TRUE(reply.header("Set-Cookie").empty());
}

TEST_P(Session, UnknownUserLooksLikeAWrongPassword) {
  Reply unknown = TryLogin("nobody", kPassword);
  Reply wrong = TryLogin("admin", "not the password at all");
  ASSERT_EQ(unknown.status(), 401) << unknown;
  EXPECT_EQ(unknown.problem(), "invalid-credentials");
  EXPECT_EQ(unknown.body.at("detail"), wrong.body.at("detail"));
}

TEST_P(Session, SixthWrongTryIsRateLimitedWithRetryAfter) {
  for (int i = 1; i <= 5; ++i) {
    Reply reply = TryLogin("mentor", "wrong password number " + std::to_string(i));
    ASSERT_EQ(reply.status(), 401) << "try " << i << ": " << reply;
  }
  clock().Advance(100s);
  Reply limited = TryLogin("mentor", "wrong password number 6");
  ASSERT_EQ(limited.status(), 429) << limited;
  EXPECT_EQ(limited.problem(), "rate-limited");
  EXPECT_EQ(limited.header("Retry-After"), "800");
  EXPECT_EQ(limited.body.at("retry_after"), 800);
  // Even the right password waits: the limit is checked before the password.
  EXPECT_EQ(TryLogin("mentor", kPassword).status(), 429);
  // Other accounts are not affected.
  EXPECT_EQ(TryLogin("member", kPassword).status(), 201);
  clock().Advance(800s);
  EXPECT_EQ(TryLogin("mentor", kPassword).status(), 201);
}

TEST_P(Session, AnAttackerElsewhereCannotLockTheOwnerOut) {
  // Issue 11: five wrong passwords from one address used to lock the account for everyone.
  for (int i = 1; i <= 5; ++i) {
    ASSERT_EQ(TryLogin("admin", "guess number " + std::to_string(i), "203.0.113.66").status(), 401);
  }
  Reply attacker = TryLogin("admin", "guess number 6", "203.0.113.66");
  EXPECT_EQ(attacker.status(), 429) << attacker;
  EXPECT_EQ(TryLogin("admin", kPassword, "203.0.113.66").status(), 429)
      << "the attacker's address waits even with the right password";

  Reply owner = TryLogin("admin", kPassword, "198.51.100.20");
  EXPECT_EQ(owner.status(), 201) << "the owner at her own address signs in: " << owner;
  // Her success at home does not reset the attacker's count.
  EXPECT_EQ(TryLogin("admin", "guess number 7", "203.0.113.66").status(), 429);
}

TEST_P(Session, TwentyFailuresFromOneAddressBlockItsNextLogin) {
  // Four wrong tries on each of five accounts: no account reaches its limit of five.
  const char* names[] = {"admin", "officer", "facilitator", "group_leader", "mentor"};
  for (const char* name : names) {
    for (int i = 0; i < 4; ++i) {
      ASSERT_EQ(TryLogin(name, "wrong password!!", "198.51.100.7").status(), 401);
    }
  }
  Reply blocked = TryLogin("member", kPassword, "198.51.100.7");
  EXPECT_EQ(blocked.status(), 429) << blocked;
  EXPECT_EQ(TryLogin("member", kPassword, "198.51.100.8").status(), 201);
}

TEST_P(Session, DisabledAccountCannotSignIn) {
  Browser admin = Login("admin");
  ASSERT_EQ(Write("PATCH", "/api/v1/users/" + std::to_string(UserId("member")),
                  json::object{{"disabled", true}}, &admin)
                .status(),
            200);
  Reply reply = TryLogin("member", kPassword);
  EXPECT_EQ(reply.status(), 403) << reply;
  EXPECT_EQ(reply.problem(), "account-disabled");
}

// ---- request bodies ----

TEST_P(Session, MalformedJsonIsRejected) {
  for (const char* body : {"", "{", "{\"username\":\"admin\",}", "username=admin"}) {
    Reply reply = PostSession(body);
    ASSERT_EQ(reply.status(), 400) << body << ": " << reply;
    EXPECT_EQ(reply.problem(), "invalid-input");
    EXPECT_EQ(reply.field_errors(), std::vector<std::string>{":malformed_json"}) << body;
  }
}

TEST_P(Session, NonObjectBodyIsRejected) {
  for (const char* body : {"[]", "\"admin\"", "null", "42"}) {
    Reply reply = PostSession(body);
    ASSERT_EQ(reply.status(), 400) << body << ": " << reply;
    EXPECT_EQ(reply.field_errors(), std::vector<std::string>{":wrong_type"}) << body;
  }
}

TEST_P(Session, EveryWrongFieldIsNamed) {
  Reply types = PostSession(R"({"username":5,"password":true})");
  ASSERT_EQ(types.status(), 400) << types;
  EXPECT_EQ(types.field_errors(),
            (std::vector<std::string>{"username:wrong_type", "password:wrong_type"}));

  Reply missing = PostSession("{}");
  ASSERT_EQ(missing.status(), 400) << missing;
  EXPECT_EQ(missing.field_errors(),
            (std::vector<std::string>{"username:required", "password:required"}));

  Reply unknown = PostSession(R"({"username":"admin","password":"x","remember":true})");
  ASSERT_EQ(unknown.status(), 400) << unknown;
  EXPECT_EQ(unknown.field_errors(), std::vector<std::string>{"remember:unknown_field"});

  Reply nulls = PostSession(R"({"username":null,"password":"x"})");
  EXPECT_EQ(nulls.field_errors(), std::vector<std::string>{"username:required"});
}

TEST_P(Session, WrongContentTypeIs415) {
  Reply reply = PostSession(R"({"username":"admin","password":"correct horse battery staple"})",
                            "text/plain");
  ASSERT_EQ(reply.status(), 415) << reply;
  EXPECT_EQ(reply.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(PostSession(R"({"username":"admin","password":"correct horse battery staple"})",
                        "application/json; charset=utf-8")
                .status(),
            201);
}

// ---- sessions ----

TEST_P(Session, NoSessionIs401) {
  Reply reply = Get("/api/v1/me");
  ASSERT_EQ(reply.status(), 401) << reply;
  EXPECT_EQ(reply.problem(), "unauthenticated");
  Browser forged{"gotong_session=not-a-real-token", "x", 0};
  EXPECT_EQ(Get("/api/v1/me", &forged).status(), 401);
  Browser empty{"gotong_session=", "x", 0};
  EXPECT_EQ(Get("/api/v1/me", &empty).status(), 401);
}

TEST_P(Session, StaleCookieDoesNotBlockPublicRoutes) {
  Browser forged{"gotong_session=not-a-real-token", "x", 0};
  EXPECT_EQ(Get("/api/v1/regions?parent=35.07.20", &forged).status(), 200);
  EXPECT_EQ(Get("/api/v1/health", &forged).status(), 200);
}

TEST_P(Session, SessionEndsAfter30MinutesIdle) {
  Browser browser = Login("member");
  clock().Advance(29min);
  ASSERT_EQ(Get("/api/v1/me", &browser).status(), 200);
  clock().Advance(31min);
  Reply reply = Get("/api/v1/me", &browser);
  EXPECT_EQ(reply.status(), 401) << reply;
  EXPECT_EQ(reply.problem(), "session-expired");
}

TEST_P(Session, IdleTimeoutCountsFromExactlyThirtyMinutes) {
  Browser browser = Login("member");
  clock().Advance(30min - 1s);
  EXPECT_EQ(Get("/api/v1/me", &browser).status(), 200);
  Browser other = Login("mentor");
  clock().Advance(30min);
  EXPECT_EQ(Get("/api/v1/me", &other).status(), 401);
}

TEST_P(Session, ActivityKeepsASessionAliveUntil12Hours) {
  Browser browser = Login("member");
  // A request every 25 minutes keeps it from going idle...
  for (auto elapsed = 25min; elapsed < 12h; elapsed += 25min) {
    clock().Advance(25min);
    Reply reply = Get("/api/v1/me", &browser);
    ASSERT_EQ(reply.status(), 200) << "after " << elapsed.count() << " min: " << reply;
  }
  // ...but not past 12 hours from sign-in (it is now 11 h 40 min after it).
  clock().Advance(19min);
  ASSERT_EQ(Get("/api/v1/me", &browser).status(), 200) << "11 h 59 min";
  clock().Advance(1min);
  Reply reply = Get("/api/v1/me", &browser);
  EXPECT_EQ(reply.status(), 401) << reply;
  EXPECT_EQ(reply.problem(), "session-expired");
}

TEST_P(Session, LogoutRevokesTheSessionOnTheServer) {
  Browser browser = Login("facilitator");
  Reply logout = Write("DELETE", "/api/v1/session", json::object{}, &browser);
  ASSERT_EQ(logout.status(), 204) << logout;
  std::string cleared(logout.header("Set-Cookie"));
  EXPECT_EQ(cleared.rfind("gotong_session=;", 0), 0u) << cleared;
  EXPECT_NE(cleared.find("Max-Age=0"), std::string::npos) << cleared;
  // A copy of the old cookie no longer works.
  EXPECT_EQ(Get("/api/v1/me", &browser).status(), 401);
  EXPECT_EQ(Write("DELETE", "/api/v1/session", json::object{}, &browser).status(), 401);
}

// ---- CSRF ----

TEST_P(Session, CookieWritesNeedTheCsrfToken) {
  Browser admin = Login("admin");
  json::object user{{"username", "newbie"}, {"role", "member"}, {"password", kPassword}};

  Reply without = Write("POST", "/api/v1/users", user, &admin, false);
  ASSERT_EQ(without.status(), 403) << without;
  EXPECT_EQ(without.problem(), "csrf-failed");

  Browser wrong = admin;
  wrong.csrf = admin.csrf.substr(1) + "x";
  Reply mismatched = Write("POST", "/api/v1/users", user, &wrong);
  ASSERT_EQ(mismatched.status(), 403) << mismatched;
  EXPECT_EQ(mismatched.problem(), "csrf-failed");

  // Another session's token is not this session's token.
  Browser other = Login("admin");
  Browser crossed = admin;
  crossed.csrf = other.csrf;
  EXPECT_EQ(Write("POST", "/api/v1/users", user, &crossed).status(), 403);

  Reply with = Write("POST", "/api/v1/users", user, &admin);
  EXPECT_EQ(with.status(), 201) << with;

  // Reads need no token.
  EXPECT_EQ(Get("/api/v1/users?limit=5", &admin).status(), 200);
  // Logging out is a write too.
  EXPECT_EQ(Write("DELETE", "/api/v1/session", json::object{}, &admin, false).status(), 403);
  EXPECT_EQ(Get("/api/v1/me", &admin).status(), 200) << "the refused logout did nothing";
}

// ---- bearer tokens ----

TEST_P(Session, BearerTokenWorksWithoutCsrf) {
  auto token = services().accounts.IssueApiToken(domain::accounts::Context::System(), "admin",
                                                 "integration");
  ASSERT_OK(token);
  Reply me = WithBearer("GET", "/api/v1/me", *token);
  ASSERT_EQ(me.status(), 200) << me;
  EXPECT_EQ(me.body.at("user").at("username"), "admin");
  EXPECT_TRUE(me.body.at("csrf_token").is_null());

  Reply created = WithBearer("POST", "/api/v1/users", *token,
                             R"({"username":"from-ci","role":"member",)"
                             R"("password":"correct horse battery staple"})");
  EXPECT_EQ(created.status(), 201) << created;

  // A token has no session to end.
  EXPECT_EQ(WithBearer("DELETE", "/api/v1/session", *token).status(), 400);
}

TEST_P(Session, BogusBearerTokenIs401) {
  Reply reply = WithBearer("GET", "/api/v1/me", "bogus-token");
  ASSERT_EQ(reply.status(), 401) << reply;
  EXPECT_EQ(reply.problem(), "invalid-token");
  EXPECT_EQ(WithBearer("POST", "/api/v1/users", "bogus-token", "{}").status(), 401);
}

TEST_P(Session, BearerTokenOfADisabledUserIs401) {
  auto token = services().accounts.IssueApiToken(domain::accounts::Context::System(), "officer",
                                                 "bot");
  ASSERT_OK(token);
  ASSERT_EQ(WithBearer("GET", "/api/v1/me", *token).status(), 200);
  Browser admin = Login("admin");
  ASSERT_EQ(Write("PATCH", "/api/v1/users/" + std::to_string(UserId("officer")),
                  json::object{{"disabled", true}}, &admin)
                .status(),
            200);
  EXPECT_EQ(WithBearer("GET", "/api/v1/me", *token).status(), 401);
}

// ---- the caller's own password ----

TEST_P(Session, ChangePasswordChecksTheCurrentOne) {
  Browser browser = Login("group_leader");
  Reply reply = Write("PUT", "/api/v1/me/password",
                      json::object{{"current_password", "not my password"},
                                   {"new_password", "a brand new passphrase"}},
                      &browser);
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(), std::vector<std::string>{"current_password:invalid_value"});
}

TEST_P(Session, ChangePasswordChecksTheNewOne) {
  Browser browser = Login("group_leader");
  Reply reply = Write("PUT", "/api/v1/me/password",
                      json::object{{"current_password", kPassword}, {"new_password", "too short"}},
                      &browser);
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(), std::vector<std::string>{"new_password:too_short"});

  Reply both = Write("PUT", "/api/v1/me/password",
                     json::object{{"current_password", "nope"}, {"new_password", "short"}},
                     &browser);
  EXPECT_EQ(both.field_errors(), (std::vector<std::string>{"current_password:invalid_value",
                                                           "new_password:too_short"}));
  Reply missing = Write("PUT", "/api/v1/me/password", json::object{}, &browser);
  EXPECT_EQ(missing.field_errors(), (std::vector<std::string>{"current_password:required",
                                                              "new_password:required"}));
}

TEST_P(Session, ChangePasswordSignsOutOtherSessionsButKeepsThisOne) {
  Browser here = Login("group_leader");
  Browser elsewhere = Login("group_leader");
  Reply reply = Write("PUT", "/api/v1/me/password",
                      json::object{{"current_password", kPassword},
                                   {"new_password", "a brand new passphrase"}},
                      &here);
  ASSERT_EQ(reply.status(), 204) << reply;
  EXPECT_EQ(Get("/api/v1/me", &here).status(), 200);
  EXPECT_EQ(Get("/api/v1/me", &elsewhere).status(), 401);
  EXPECT_EQ(TryLogin("group_leader", kPassword).status(), 401);
  EXPECT_EQ(TryLogin("group_leader", "a brand new passphrase").status(), 201);
}

TEST_P(Session, WrongCurrentPasswordsAreThrottledLikeSignIns) {
  Browser thief = Login("group_leader");
  for (int i = 1; i <= 5; ++i) {
    Reply reply = ChangePassword(thief, "guess number " + std::to_string(i), "a brand new passphrase");
    ASSERT_EQ(reply.status(), 400) << "guess " << i << ": " << reply;
  }
  clock().Advance(100s);
  Reply limited = ChangePassword(thief, "guess number 6", "a brand new passphrase");
  ASSERT_EQ(limited.status(), 429) << limited;
  EXPECT_EQ(limited.problem(), "rate-limited");
  EXPECT_EQ(limited.header("Retry-After"), "800");
  EXPECT_EQ(limited.body.at("retry_after"), 800);
  // The right password waits too, so a guess cannot be told from the answer.
  EXPECT_EQ(ChangePassword(thief, kPassword, "a brand new passphrase").status(), 429);
  // The same keys as sign-in: this account cannot sign in from this address either...
  EXPECT_EQ(TryLogin("group_leader", kPassword).status(), 429);
  // ...but can from another, and the password was never changed.
  EXPECT_EQ(TryLogin("group_leader", kPassword, "198.51.100.20").status(), 201);
  clock().Advance(800s);
  EXPECT_EQ(ChangePassword(thief, kPassword, "a brand new passphrase").status(), 204);
}

TEST_P(Session, FailedSignInsCountAgainstChangingThePassword) {
  Browser browser = Login("group_leader");
  for (int i = 1; i <= 5; ++i) {
    ASSERT_EQ(TryLogin("group_leader", "guess number " + std::to_string(i)).status(), 401);
  }
  Reply reply = ChangePassword(browser, kPassword, "a brand new passphrase");
  EXPECT_EQ(reply.status(), 429) << reply;
  // The session used from another address is under that address's own count.
  EXPECT_EQ(ChangePassword(browser, kPassword, "a brand new passphrase", "198.51.100.20").status(),
            204);
}

TEST_P(Session, ConsolePasswordResetSignsTheUserOutEverywhere) {
  Browser browser = Login("mentor");
  Browser other = Login("mentor");
  ASSERT_OK(services().accounts.SetPassword(domain::accounts::Context::System(), "mentor",
                                            "reset by the operator"));
  EXPECT_EQ(Get("/api/v1/me", &browser).status(), 401);
  EXPECT_EQ(Get("/api/v1/me", &other).status(), 401);
  EXPECT_EQ(TryLogin("mentor", kPassword).status(), 401);
  EXPECT_EQ(TryLogin("mentor", "reset by the operator").status(), 201);
  EXPECT_ERROR_CODE(services().accounts.SetPassword(domain::accounts::Context::System(), "nobody",
                                                    "long enough password"),
                    core::ErrorCode::kNotFound);
}

}  // namespace
// ---- signing in again, and media types ----

TEST_P(Session, SigningInAgainWithAStillValidCookieNeedsNoCsrfToken) {
  Browser first = Login("officer");
  Reply again = services().Send(
      "POST", "/api/v1/session",
      json::serialize(json::object{{"username", "officer"}, {"password", kPassword}}),
      {{"Content-Type", "application/json"}, {"Cookie", first.cookie}});
  EXPECT_EQ(again.status(), 201) << again;
}

TEST_P(Session, ContentTypeIsMatchedWithoutCase) {
  Reply reply = PostSession(
      json::serialize(json::object{{"username", "officer"}, {"password", kPassword}}),
      "Application/JSON; charset=utf-8");
  EXPECT_EQ(reply.status(), 201) << reply;
}

TEST_P(Session, AnOverlongUsernameIsRefusedWithoutCountingAgainstTheThrottle) {
  std::string huge(10000, 'x');
  for (int i = 0; i < 10; ++i) EXPECT_EQ(TryLogin(huge, "whatever password").status(), 401);
  // The address was not charged: a real account still signs in from it.
  EXPECT_EQ(TryLogin("officer", kPassword).status(), 201);
}

}  // namespace gotong::api_tests
