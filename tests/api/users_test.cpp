// User administration and its audit trail.
#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

class Users : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
  }

  Reply Create(const json::object& body) { return Write("POST", "/api/v1/users", body, &admin_); }
  Reply Patch(std::int64_t id, const json::object& body) {
    return Write("PATCH", "/api/v1/users/" + std::to_string(id), body, &admin_);
  }
  // The audit entries of one user, newest first.
  json::array AuditOf(std::int64_t id) {
    Reply reply = Get("/api/v1/audit?entity=user&entity_id=" + std::to_string(id), &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    if (reply.status() != 200) return {};
    return reply.body.at("items").as_array();
  }

  Browser admin_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Users);

TEST_P(Users, AdminCreatesReadsListsAndUpdatesAUser) {
  Reply created = Create({{"username", "siti"},
                          {"display_name", "  Siti Nurhaliza  "},
                          {"role", "officer"},
                          {"password", kPassword},
                          {"scope", {{"kind", "stakeholder"}, {"id", 1}}}});
  ASSERT_EQ(created.status(), 201) << created;
  std::int64_t id = created.body.at("id").as_int64();
  EXPECT_EQ(created.header("Location"), "/api/v1/users/" + std::to_string(id));
  EXPECT_EQ(created.body.at("username"), "siti");
  EXPECT_EQ(created.body.at("display_name"), "Siti Nurhaliza");
  EXPECT_EQ(created.body.at("role"), "officer");
  EXPECT_EQ(created.body.at("scope"), (json::object{{"kind", "stakeholder"}, {"id", 1}}));
  EXPECT_EQ(created.body.at("disabled"), false);
  EXPECT_EQ(created.body.at("created_at"), kStart);
  EXPECT_FALSE(created.body.as_object().contains("password_hash"));

  Reply read = Get("/api/v1/users/" + std::to_string(id), &admin_);
  ASSERT_EQ(read.status(), 200) << read;
  EXPECT_EQ(read.body, created.body);

  Reply list = Get("/api/v1/users?limit=2&offset=0", &admin_);
  ASSERT_EQ(list.status(), 200) << list;
  EXPECT_EQ(list.body.at("total"), 7);  // six seeded users and siti
  EXPECT_EQ(list.body.at("limit"), 2);
  EXPECT_EQ(list.body.at("offset"), 0);
  EXPECT_EQ(list.body.at("items").as_array().size(), 2u);
  Reply all = Get("/api/v1/users?offset=0", &admin_);
  bool found = false;
  for (const auto& user : all.body.at("items").as_array()) {
    found = found || user.at("username") == "siti";
    EXPECT_FALSE(user.as_object().contains("password_hash"));
  }
  EXPECT_TRUE(found);

  Reply patched = Patch(id, {{"display_name", "Siti N."}, {"role", "member"},
                             {"scope", {{"kind", "group"}, {"id", 7}}}});
  ASSERT_EQ(patched.status(), 200) << patched;
  EXPECT_EQ(patched.body.at("display_name"), "Siti N.");
  EXPECT_EQ(patched.body.at("role"), "member");
  EXPECT_EQ(patched.body.at("scope"), (json::object{{"kind", "group"}, {"id", 7}}));
  EXPECT_EQ(Get("/api/v1/users/" + std::to_string(id), &admin_).body, patched.body);

  // The new user can sign in with the password given.
  Browser siti = Login("siti");
  EXPECT_EQ(siti.user_id, id);
}

TEST_P(Users, DisplayNameDefaultsToTheUsername) {
  Reply created = Create({{"username", "budi"}, {"role", "member"}, {"password", kPassword}});
  ASSERT_EQ(created.status(), 201) << created;
  EXPECT_EQ(created.body.at("display_name"), "budi");
  EXPECT_TRUE(created.body.at("scope").is_null());
}

TEST_P(Users, DuplicateUsernameIs409) {
  Reply reply = Create({{"username", "member"}, {"role", "member"}, {"password", kPassword}});
  ASSERT_EQ(reply.status(), 409) << reply;
  EXPECT_EQ(reply.problem(), "already-exists");
  EXPECT_EQ(reply.field_errors(), std::vector<std::string>{"username:already_exists"});
}

TEST_P(Users, ScopeKindMustFitTheRole) {
  Reply officer = Create({{"username", "officer2"}, {"role", "officer"}, {"password", kPassword},
                          {"scope", {{"kind", "group"}, {"id", 1}}}});
  ASSERT_EQ(officer.status(), 400) << officer;
  EXPECT_EQ(officer.field_errors(), std::vector<std::string>{"scope.kind:invalid_value"});

  Reply unknown = Create({{"username", "member3"}, {"role", "member"}, {"password", kPassword},
                          {"scope", {{"kind", "village"}, {"id", 1}}}});
  EXPECT_EQ(unknown.field_errors(), std::vector<std::string>{"scope.kind:invalid_value"});

  Reply admin = Create({{"username", "admin4"}, {"role", "admin"}, {"password", kPassword},
                        {"scope", {{"kind", "group"}, {"id", 1}}}});
  EXPECT_EQ(admin.field_errors(), std::vector<std::string>{"scope:invalid_value"});

  Reply id = Create({{"username", "member5"}, {"role", "member"}, {"password", kPassword},
                     {"scope", {{"kind", "group"}, {"id", 0}}}});
  EXPECT_EQ(id.field_errors(), std::vector<std::string>{"scope.id:invalid_value"});

  Reply patch = Patch(UserId("facilitator"), {{"scope", {{"kind", "stakeholder"}, {"id", 3}}}});
  ASSERT_EQ(patch.status(), 400) << patch;
  EXPECT_EQ(patch.field_errors(), std::vector<std::string>{"scope.kind:invalid_value"});
}

TEST_P(Users, AnOfficerMustWorkForARegisteredStakeholder) {
  const json::value users_before = Get("/api/v1/users?limit=200", &admin_).body.at("total");
  Reply missing = Create({{"username", "siti"}, {"role", "officer"}, {"password", kPassword},
                          {"scope", {{"kind", "stakeholder"}, {"id", 42}}}});
  ASSERT_EQ(missing.status(), 400) << missing;
  EXPECT_EQ(missing.field_errors(), std::vector<std::string>{"scope.id:not_found"});
  EXPECT_EQ(Get("/api/v1/users?limit=200", &admin_).body.at("total"), users_before);

  Reply moved = Patch(UserId("officer"), {{"scope", {{"kind", "stakeholder"}, {"id", 42}}}});
  ASSERT_EQ(moved.status(), 400) << moved;
  EXPECT_EQ(moved.field_errors(), std::vector<std::string>{"scope.id:not_found"});
  Reply officer = Get("/api/v1/users/" + std::to_string(UserId("officer")), &admin_);
  EXPECT_EQ(officer.body.at("scope"), (json::object{{"kind", "stakeholder"}, {"id", 1}}));
}

TEST_P(Users, CreateNamesEveryWrongField) {
  Reply reply = Create({{"username", "No Spaces"}, {"display_name", ""}, {"role", "boss"},
                        {"password", "short"}, {"shoe_size", 44}});
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(), std::vector<std::string>{"shoe_size:unknown_field"})
      << "unknown fields are refused before anything else";

  reply = Create({{"username", "No Spaces"}, {"display_name", ""}, {"role", "boss"},
                  {"password", "short"}});
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(),
            (std::vector<std::string>{"username:invalid_format", "display_name:required",
                                      "password:too_short", "role:invalid_value"}));

  reply = Create({{"username", 1}, {"role", true}, {"password", json::array{}},
                  {"scope", {{"kind", 1}, {"id", "x"}, {"extra", 1}}}});
  EXPECT_EQ(reply.field_errors(),
            (std::vector<std::string>{"username:wrong_type", "role:wrong_type",
                                      "password:wrong_type", "scope.extra:unknown_field",
                                      "scope.kind:wrong_type", "scope.id:wrong_type"}));

  reply = Create({});
  EXPECT_EQ(reply.field_errors(), (std::vector<std::string>{"username:required", "role:required",
                                                            "password:required"}));
}

TEST_P(Users, PatchClearsAScopeWithNull) {
  std::int64_t id = UserId("member");
  Reply reply = Patch(id, {{"scope", nullptr}});
  ASSERT_EQ(reply.status(), 200) << reply;
  EXPECT_TRUE(reply.body.at("scope").is_null());
  // Promoting to admin needs the scope gone in the same request.
  Reply mentor = Patch(UserId("mentor"), {{"role", "admin"}});
  EXPECT_EQ(mentor.field_errors(), std::vector<std::string>{"scope:invalid_value"});
  Reply promoted = Patch(UserId("mentor"), {{"role", "admin"}, {"scope", nullptr}});
  ASSERT_EQ(promoted.status(), 200) << promoted;
  EXPECT_EQ(promoted.body.at("role"), "admin");
}

TEST_P(Users, PatchRefusesUnknownFieldsAndWrongTypes) {
  Reply reply = Patch(UserId("member"), {{"username", "renamed"}, {"disabled", "yes"}});
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(), (std::vector<std::string>{"username:unknown_field",
                                                            "disabled:wrong_type"}));
}

TEST_P(Users, AdminCannotDisableThemself) {
  Reply reply = Patch(UserId("admin"), {{"disabled", true}});
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(), std::vector<std::string>{"disabled:invalid_value"});
}

TEST_P(Users, DisablingAUserEndsTheirSessions) {
  Browser member = Login("member");
  ASSERT_EQ(Get("/api/v1/me", &member).status(), 200);
  ASSERT_EQ(Patch(UserId("member"), {{"disabled", true}}).status(), 200);
  EXPECT_EQ(Get("/api/v1/me", &member).status(), 401);
  ASSERT_EQ(Patch(UserId("member"), {{"disabled", false}}).status(), 200);
  EXPECT_EQ(Get("/api/v1/me", &member).status(), 401) << "re-enabling does not revive sessions";
}

TEST_P(Users, AResetPasswordIsShownOnceSignsTheUserOutAndReplacesTheOldOne) {
  Browser member = Login("member");
  const std::string reset = "/api/v1/users/" + std::to_string(UserId("member")) + "/password-reset";
  Reply answered = Write("POST", reset, json::object{}, &admin_);
  ASSERT_EQ(answered.status(), 200) << answered;
  std::string temporary(answered.body.at("temporary_password").as_string());
  EXPECT_GE(temporary.size(), 12u);
  EXPECT_EQ(Get("/api/v1/me", &member).status(), 401) << "signed out everywhere";
  Reply old = Write("POST", "/api/v1/session", json::object{{"username", "member"}, {"password", kPassword}}, nullptr);
  EXPECT_EQ(old.status(), 401) << old;
  Browser again = Login("member", temporary);
  EXPECT_EQ(Get("/api/v1/me", &again).status(), 200);
  // A second reset answers a different password; the audit log says who reset whose.
  Reply second = Write("POST", reset, json::object{}, &admin_);
  EXPECT_NE(second.body.at("temporary_password"), answered.body.at("temporary_password"));
  EXPECT_EQ(AuditOf(UserId("member")).at(0).at("action"), "reset_password");

  // Not one's own (change it with the current one), not by a non-admin, not an unknown user.
  Reply own = Write("POST", "/api/v1/users/" + std::to_string(UserId("admin")) + "/password-reset", json::object{}, &admin_);
  EXPECT_EQ(own.status(), 403) << own;
  Browser officer = Login("officer");
  EXPECT_EQ(Write("POST", reset, json::object{}, &officer).status(), 403);
  EXPECT_EQ(Write("POST", "/api/v1/users/9999/password-reset", json::object{}, &admin_).status(), 404);
}

TEST_P(Users, AnApiTokenIsShownOnceWorksAsABearerUntilRevoked) {
  const std::string tokens = "/api/v1/users/" + std::to_string(UserId("officer")) + "/tokens";
  Reply issued = Write("POST", tokens, json::object{{"name", "laporan dinas"}}, &admin_);
  ASSERT_EQ(issued.status(), 201) << issued;
  std::string secret(issued.body.at("token").as_string());
  std::int64_t id = issued.body.at("id").as_int64();
  EXPECT_TRUE(issued.body.at("revoked_at").is_null());
  Reply me = WithBearer("GET", "/api/v1/me", secret);
  ASSERT_EQ(me.status(), 200) << me;
  EXPECT_EQ(me.body.at("user").at("username"), "officer");

  Reply listed = Get(tokens, &admin_);
  ASSERT_EQ(listed.status(), 200) << listed;
  ASSERT_EQ(listed.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(listed.body.at("items").at(0).at("name"), "laporan dinas");
  EXPECT_FALSE(listed.body.at("items").at(0).as_object().contains("token")) << "the secret is shown once";

  // Another user's token is not this user's; revoking twice changes nothing.
  const std::string other = "/api/v1/users/" + std::to_string(UserId("member")) + "/tokens/" + std::to_string(id);
  EXPECT_EQ(Write("DELETE", other, json::object{}, &admin_).status(), 404);
  EXPECT_EQ(Write("DELETE", tokens + "/" + std::to_string(id), json::object{}, &admin_).status(), 204);
  EXPECT_EQ(WithBearer("GET", "/api/v1/me", secret).status(), 401);
  EXPECT_EQ(Write("DELETE", tokens + "/" + std::to_string(id), json::object{}, &admin_).status(), 204);
  EXPECT_FALSE(Get(tokens, &admin_).body.at("items").at(0).at("revoked_at").is_null());

  // A retry under the same Idempotency-Key issues a new token: the secret is never kept for a
  // replay (nor is a temporary password).
  auto keyed = [&](const std::string& target, const std::string& body) {
    return services().Send("POST", target, body,
                            {{"Content-Type", "application/json"}, {"Cookie", admin_.cookie},
                             {"X-CSRF-Token", admin_.csrf}, {"Idempotency-Key", "retry-1"}});
  };
  Reply first = keyed(tokens, R"({"name":"sekali"})");
  Reply retried = keyed(tokens, R"({"name":"sekali"})");
  ASSERT_EQ(first.status(), 201) << first;
  ASSERT_EQ(retried.status(), 201) << retried;
  EXPECT_NE(first.body.at("token"), retried.body.at("token"));
  EXPECT_EQ(retried.header("Idempotent-Replayed"), "");
  const std::string reset = "/api/v1/users/" + std::to_string(UserId("member")) + "/password-reset";
  EXPECT_NE(keyed(reset, "{}").body.at("temporary_password"), keyed(reset, "{}").body.at("temporary_password"));

  Reply unnamed = Write("POST", tokens, json::object{{"name", "  "}}, &admin_);
  EXPECT_EQ(unnamed.status(), 400) << unnamed;
  ASSERT_EQ(Patch(UserId("member"), {{"disabled", true}}).status(), 200);
  Reply disabled = Write("POST", "/api/v1/users/" + std::to_string(UserId("member")) + "/tokens",
                         json::object{{"name", "x"}}, &admin_);
  EXPECT_EQ(disabled.status(), 409) << disabled;
  Browser officer = Login("officer");
  EXPECT_EQ(Get(tokens, &officer).status(), 403);
  EXPECT_EQ(Get("/api/v1/users/9999/tokens", &admin_).status(), 404);
}

TEST_P(Users, UnknownOrMalformedIdsAre404) {
  EXPECT_EQ(Get("/api/v1/users/999999", &admin_).status(), 404);
  EXPECT_EQ(Patch(999999, {{"display_name", "x"}}).status(), 404);
  for (const char* id : {"abc", "0", "-1", "1.5", "99999999999999999999"}) {
    Reply reply = Get(std::string("/api/v1/users/") + id, &admin_);
    EXPECT_EQ(reply.status(), 404) << id << ": " << reply;
    EXPECT_EQ(reply.problem(), "not-found");
  }
}

TEST_P(Users, ListWithoutQueryStringUsesTheDefaultPage) {
  Reply reply = Get("/api/v1/users", &admin_);
  ASSERT_EQ(reply.status(), 200) << reply;
  EXPECT_EQ(reply.body.at("limit"), 50);
  EXPECT_EQ(reply.body.at("offset"), 0);
  EXPECT_EQ(reply.body.at("total"), 6);
  Reply audit = Get("/api/v1/audit", &admin_);
  EXPECT_EQ(audit.status(), 200) << audit;
}

TEST_P(Users, ListRejectsBadPaging) {
  for (const char* query : {"limit=0", "limit=201", "limit=x", "offset=-1", "sort=name"}) {
    Reply reply = Get(std::string("/api/v1/users?") + query, &admin_);
    EXPECT_EQ(reply.status(), 400) << query << ": " << reply;
  }
  EXPECT_EQ(Get("/api/v1/users?limit=200", &admin_).status(), 200);
}

// ---- the audit trail ----

TEST_P(Users, EveryWriteAppendsAnAuditEntryWithBeforeAndAfter) {
  Reply created = Create({{"username", "rina"}, {"role", "mentor"}, {"password", kPassword},
                          {"scope", {{"kind", "group"}, {"id", 5}}}});
  ASSERT_EQ(created.status(), 201) << created;
  std::int64_t id = created.body.at("id").as_int64();

  json::array entries = AuditOf(id);
  ASSERT_EQ(entries.size(), 1u);
  const auto& create = entries[0].as_object();
  EXPECT_EQ(create.at("action"), "create");
  EXPECT_EQ(create.at("entity"), "user");
  EXPECT_EQ(create.at("entity_id"), json::value(std::to_string(id)));
  EXPECT_EQ(create.at("actor"), (json::object{{"id", UserId("admin")}, {"username", "admin"}}));
  EXPECT_EQ(create.at("at"), kStart);
  EXPECT_TRUE(create.at("before").is_null());
  EXPECT_EQ(create.at("after"), (json::object{{"username", "rina"},
                                              {"display_name", "rina"},
                                              {"role", "mentor"},
                                              {"disabled", false},
                                              {"scope_kind", "group"},
                                              {"scope_id", 5}}));
  EXPECT_FALSE(std::string(create.at("request_id").as_string()).empty());

  clock().Advance(std::chrono::minutes{5});
  ASSERT_EQ(Patch(id, {{"display_name", "Rina Wati"}}).status(), 200);
  entries = AuditOf(id);
  ASSERT_EQ(entries.size(), 2u);
  const auto& update = entries[0].as_object();  // newest first
  EXPECT_EQ(update.at("action"), "update");
  EXPECT_EQ(update.at("at"), "2026-01-05T08:05:00Z");
  EXPECT_EQ(update.at("before").at("display_name"), "rina");
  EXPECT_EQ(update.at("after").at("display_name"), "Rina Wati");
  EXPECT_EQ(update.at("before").at("role"), update.at("after").at("role"));

  // Password changes are audited without any trace of the password or its hash.
  Browser rina = Login("rina");
  ASSERT_EQ(Write("PUT", "/api/v1/me/password",
                  json::object{{"current_password", kPassword},
                               {"new_password", "another long passphrase"}},
                  &rina)
                .status(),
            204);
  entries = AuditOf(id);
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].at("action"), "change_password");
  EXPECT_EQ(entries[0].at("actor").at("id"), id);
  std::string everything = json::serialize(entries);
  EXPECT_EQ(everything.find("argon2"), std::string::npos);
  EXPECT_EQ(everything.find("passphrase"), std::string::npos);
  EXPECT_EQ(everything.find(kPassword), std::string::npos);
}

TEST_P(Users, SignInAndOutAreAudited) {
  Reply sessions = Get("/api/v1/audit?entity=session", &admin_);
  ASSERT_EQ(sessions.status(), 200) << sessions;
  ASSERT_GE(sessions.body.at("total").as_int64(), 1);
  const auto& login = sessions.body.at("items").as_array().at(0);
  EXPECT_EQ(login.at("action"), "login");
  EXPECT_EQ(login.at("actor").at("username"), "admin");
  EXPECT_EQ(login.at("after").at("client_address"), "127.0.0.1");

  Browser member = Login("member");
  ASSERT_EQ(Write("DELETE", "/api/v1/session", json::object{}, &member).status(), 204);
  Reply after = Get("/api/v1/audit?entity=session&limit=1", &admin_);
  EXPECT_EQ(after.body.at("items").at(0).at("action"), "logout");
  EXPECT_EQ(after.body.at("items").at(0).at("actor").at("username"), "member");
}

TEST_P(Users, AuditListPagesAndRejectsUnknownParameters) {
  Reply page = Get("/api/v1/audit?limit=1&offset=1", &admin_);
  ASSERT_EQ(page.status(), 200) << page;
  EXPECT_EQ(page.body.at("limit"), 1);
  EXPECT_EQ(page.body.at("offset"), 1);
  EXPECT_LE(page.body.at("items").as_array().size(), 1u);
  Reply bad = Get("/api/v1/audit?who=1", &admin_);
  EXPECT_EQ(bad.status(), 400) << bad;
  EXPECT_EQ(bad.field_errors(), std::vector<std::string>{"who:unknown_field"});
}

// ---- routing ----

TEST_P(Users, UnknownApiRouteIs404) {
  for (const char* target : {"/api/v1/nope", "/api/v2/health", "/api/v1/health/", "/api/v1",
                             "/api/v1/users/1/extra"}) {
    Reply reply = Get(target, &admin_);
    EXPECT_EQ(reply.status(), 404) << target << ": " << reply;
    EXPECT_EQ(reply.problem(), "not-found") << target;
  }
  // Outside /api/ with no web root configured there is nothing to serve either.
  EXPECT_EQ(Get("/index.html").status(), 404);
}

TEST_P(Users, WrongMethodIs405WithAllow) {
  Reply health = services().Send("DELETE", "/api/v1/health");
  ASSERT_EQ(health.status(), 405) << health;
  EXPECT_EQ(health.problem(), "method-not-allowed");
  EXPECT_EQ(health.header("Allow"), "GET");

  Reply users = services().Send("PUT", "/api/v1/users");
  ASSERT_EQ(users.status(), 405) << users;
  EXPECT_EQ(users.header("Allow"), "GET, POST");

  Reply session = services().Send("GET", "/api/v1/session");
  EXPECT_EQ(session.header("Allow"), "POST, DELETE");

  Reply user = services().Send("DELETE", "/api/v1/users/1");
  EXPECT_EQ(user.header("Allow"), "GET, PATCH");
}

}  // namespace
}  // namespace gotong::api_tests
