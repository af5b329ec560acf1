// Field rules and the checks AccountService makes before it touches the database. The service's
// database work is tested against both real backends in tests/storage and tests/api; here the
// database refuses every unit, so a test that reaches it sees kUnavailable.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "domain/accounts/account_service.hpp"
#include "domain/audit/audit.hpp"

namespace gotong::domain::accounts {
namespace {

using core::ErrorCode;
using namespace std::chrono_literals;

std::string Repeat(const std::string& piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::vector<std::string> FieldNames(const core::Error& error) {
  std::vector<std::string> names;
  for (const auto& field : error.fields) names.push_back(field.field);
  return names;
}

// ---- CheckUsername ----

TEST(CheckUsername, AcceptsLowercaseDigitsAndPunctuation) {
  for (const char* name : {"abc", "siti.nurhaliza", "user_01", "a-b", "007",
                           "abcdefghijklmnopqrstuvwxyz012345"}) {
    EXPECT_TRUE(CheckUsername(name).empty()) << name;
  }
}

TEST(CheckUsername, NamesTheProblem) {
  struct Case {
    std::string name;
    std::string code;
  };
  for (const Case& c : std::vector<Case>{{"", "required"},
                                         {"ab", "too_short"},
                                         {std::string(33, 'a'), "too_long"},
                                         {"Siti", "invalid_format"},
                                         {"siti nur", "invalid_format"},
                                         {"siti@x", "invalid_format"},
                                         {"d\xC3\xA9vi", "invalid_format"}}) {
    auto errors = CheckUsername(c.name);
    ASSERT_EQ(errors.size(), 1u) << c.name;
    EXPECT_EQ(errors[0].field, "username");
    EXPECT_EQ(errors[0].code, c.code) << c.name;
  }
  EXPECT_TRUE(CheckUsername(std::string(32, 'a')).empty());
}

// ---- CheckPassword: code points, not bytes ----

TEST(CheckPassword, TwelveCodePointsIsTheMinimum) {
  EXPECT_EQ(CheckPassword("password", std::string(11, 'x')).at(0).code, "too_short");
  EXPECT_TRUE(CheckPassword("password", std::string(12, 'x')).empty());
}

TEST(CheckPassword, CountsMultibyteCharactersOnce) {
  const std::string e_acute = "\xC3\xA9";        // 2 bytes
  const std::string kanji = "\xE6\x97\xA5";      // 3 bytes
  const std::string emoji = "\xF0\x9F\x98\x80";  // 4 bytes
  // 11 characters are too few however many bytes they take.
  EXPECT_EQ(CheckPassword("password", Repeat(e_acute, 11)).at(0).code, "too_short");
  EXPECT_EQ(CheckPassword("password", Repeat(emoji, 11)).at(0).code, "too_short");
  EXPECT_EQ(CheckPassword("password", Repeat(kanji, 6) + Repeat("a", 5)).at(0).code,
            "too_short");
  // 12 are enough.
  EXPECT_TRUE(CheckPassword("password", Repeat(e_acute, 12)).empty());
  EXPECT_TRUE(CheckPassword("password", Repeat(emoji, 12)).empty());
  EXPECT_TRUE(CheckPassword("password", Repeat(kanji, 6) + Repeat("a", 6)).empty());
}

TEST(CheckPassword, AtMost1024CodePoints) {
  EXPECT_TRUE(CheckPassword("password", std::string(1024, 'x')).empty());
  EXPECT_EQ(CheckPassword("password", std::string(1025, 'x')).at(0).code, "too_long");
  // 1024 two-byte characters are 2048 bytes and still allowed.
  EXPECT_TRUE(CheckPassword("password", Repeat("\xC3\xA9", 1024)).empty());
  EXPECT_EQ(CheckPassword("password", Repeat("\xC3\xA9", 1025)).at(0).code, "too_long");
}

TEST(CheckPassword, RejectsInvalidUtf8AndUsesTheGivenFieldName) {
  auto errors = CheckPassword("new_password", std::string(12, 'x') + "\xC3");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].field, "new_password");
  EXPECT_EQ(errors[0].code, "invalid_format");
  EXPECT_EQ(CheckPassword("new_password", "short").at(0).field, "new_password");
}

// ---- SnapshotOf / NewEntry ----

TEST(SnapshotOf, LeavesThePasswordHashOut) {
  User user;
  user.username = "siti";
  user.display_name = "Siti";
  user.role = Role::kOfficer;
  user.scope = Scope{ScopeKind::kStakeholder, 4};
  user.password_hash = "$argon2id$secret";
  auto snapshot = SnapshotOf(user);
  for (const auto& [key, value] : snapshot) {
    EXPECT_NE(key, "password_hash");
    if (auto* text = std::get_if<std::string>(&value)) {
      EXPECT_EQ(text->find("argon2"), std::string::npos) << key;
    }
  }
  auto find = [&](const std::string& key) {
    return std::find_if(snapshot.begin(), snapshot.end(),
                        [&](const auto& item) { return item.first == key; });
  };
  ASSERT_NE(find("role"), snapshot.end());
  EXPECT_EQ(std::get<std::string>(find("role")->second), "officer");
  EXPECT_EQ(std::get<std::string>(find("scope_kind")->second), "stakeholder");
  EXPECT_EQ(std::get<std::int64_t>(find("scope_id")->second), 4);
  EXPECT_EQ(std::get<bool>(find("disabled")->second), false);
}

TEST(SnapshotOf, WritesNullScopeForUnscopedUsers) {
  User user;
  user.role = Role::kAdmin;
  auto snapshot = SnapshotOf(user);
  int nulls = 0;
  for (const auto& [key, value] : snapshot) {
    if ((key == "scope_kind" || key == "scope_id") &&
        std::holds_alternative<std::nullptr_t>(value)) {
      ++nulls;
    }
  }
  EXPECT_EQ(nulls, 2);
}

TEST(NewEntry, NamesTheActor) {
  Context system = Context::System("req-1");
  auto by_system = audit::NewEntry(system, core::Instant{}, "user", "3", "create");
  EXPECT_FALSE(by_system.actor_id.has_value());
  EXPECT_EQ(by_system.actor_username, "system");
  EXPECT_EQ(by_system.request_id, "req-1");

  Context anonymous;
  EXPECT_EQ(audit::NewEntry(anonymous, core::Instant{}, "session", "1", "login").actor_username,
            "anonymous");

  Context signed_in;
  signed_in.principal = Principal{12, "siti", Role::kAdmin, std::nullopt};
  auto by_user = audit::NewEntry(signed_in, core::Instant{}, "user", "3", "update");
  EXPECT_EQ(by_user.actor_id, 12);
  EXPECT_EQ(by_user.actor_username, "siti");
  EXPECT_EQ(by_user.entity, "user");
  EXPECT_EQ(by_user.entity_id, "3");
  EXPECT_EQ(by_user.action, "update");
}

// An audit log that keeps what is appended, or refuses it.
class KeptLog final : public audit::AuditLog {
 public:
  core::Status Append(const audit::Entry& entry) override {
    if (refuse) return core::Error::Unavailable("log is switched off");
    entries.push_back(entry);
    return core::OkStatus();
  }
  core::Result<core::Page<audit::Entry>> List(const audit::Filter&,
                                              const core::PageRequest&) override {
    return core::Error::Internal("not read here");
  }
  std::vector<audit::Entry> entries;
  bool refuse = false;
};

TEST(AuditRecord, AppendsOneEntryWithTheCallerTheTimeAndBothSnapshots) {
  KeptLog log;
  Context signed_in;
  signed_in.principal = Principal{12, "siti", Role::kAdmin, std::nullopt};
  signed_in.request_id = "req-9";
  const core::Instant at = core::Instant{} + 90s;
  ASSERT_TRUE(audit::Record(log, signed_in, at, "programme", std::int64_t{7}, "update",
                            audit::Snapshot{{"name", std::string("Batik")}},
                            audit::Snapshot{{"name", std::string("Batik tulis")}})
                  .ok());
  ASSERT_EQ(log.entries.size(), 1U);
  const auto& entry = log.entries[0];
  EXPECT_EQ(entry.entity, "programme");
  EXPECT_EQ(entry.entity_id, "7");
  EXPECT_EQ(entry.action, "update");
  EXPECT_EQ(entry.at, at);
  EXPECT_EQ(entry.actor_id, 12);
  EXPECT_EQ(entry.request_id, "req-9");
  ASSERT_TRUE(entry.before.has_value());
  EXPECT_EQ(std::get<std::string>(entry.before->at(0).second), "Batik");
  ASSERT_TRUE(entry.after.has_value());
  EXPECT_EQ(std::get<std::string>(entry.after->at(0).second), "Batik tulis");
}

TEST(AuditRecord, LeavesOutTheSnapshotsNotGivenAndPassesOnTheLogsRefusal) {
  KeptLog log;
  ASSERT_TRUE(audit::Record(log, Context::System("r"), core::Instant{}, "session", std::int64_t{3},
                            "logout", std::nullopt, std::nullopt)
                  .ok());
  ASSERT_EQ(log.entries.size(), 1U);
  EXPECT_FALSE(log.entries[0].before.has_value());
  EXPECT_FALSE(log.entries[0].after.has_value());

  log.refuse = true;
  auto refused = audit::Record(log, Context::System("r"), core::Instant{}, "export", "enterprises",
                               "export_nik", std::nullopt, audit::Snapshot{});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(log.entries.size(), 1U);
}

// ---- AccountService: what it refuses before opening a transaction ----

class UnreachableDatabase final : public Database {
 public:
  core::Result<std::unique_ptr<UnitOfWork>> Begin(Access) override {
    ++begins;
    return core::Error::Unavailable("test database is switched off");
  }
  std::string_view Backend() const override { return "sqlite"; }
  core::Status Ping() override { return core::Error::Unavailable("switched off"); }
  int begins = 0;
};

class PlainHasher final : public PasswordHasher {
 public:
  core::Result<std::string> Hash(const std::string& password) override { return "h:" + password; }
  bool Verify(const std::string& hash, const std::string& password) override {
    return hash == "h:" + password;
  }
};

class CountingSecrets final : public SecretGenerator {
 public:
  std::string NewToken() override { return "token-" + std::to_string(++count_); }
  std::string Digest(const std::string& token) override { return "digest-" + token; }

 private:
  int count_ = 0;
};

class AccountRules : public ::testing::Test {
 protected:
  AccountRules()
      : clock_(core::Instant{std::chrono::sys_days{std::chrono::year{2026} / 1 / 1}}),
        throttle_(clock_),
        service_(database_, hasher_, secrets_, clock_, throttle_) {}

  static Context As(Role role) {
    Context context;
    context.principal = Principal{5, "caller", role, std::nullopt};
    return context;
  }
  static NewUser Valid() {
    return NewUser{"siti", std::string("Siti"), "member", "correct horse battery",
                   ScopeInput{"group", 3}};
  }

  UnreachableDatabase database_;
  PlainHasher hasher_;
  CountingSecrets secrets_;
  core::ManualClock clock_;
  LoginThrottle throttle_;
  AccountService service_;
};

TEST_F(AccountRules, OnlyAdminsMayManageAccounts) {
  Context anonymous;
  auto refused = service_.CreateUser(anonymous, Valid());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kUnauthenticated);
  for (Role role : kAllRoles) {
    if (role == Role::kAdmin) continue;
    auto denied = service_.CreateUser(As(role), Valid());
    ASSERT_FALSE(denied.ok());
    EXPECT_EQ(denied.error().code, ErrorCode::kPermissionDenied) << ToString(role);
    EXPECT_EQ(service_.ListUsers(As(role), {}).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(service_.GetUser(As(role), 1).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(service_.UpdateUser(As(role), 1, {}).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(service_.ListAudit(As(role), {}, std::nullopt, std::nullopt, {}).error().code, ErrorCode::kPermissionDenied);
    EXPECT_EQ(service_.IssueApiToken(As(role), "siti", "ci").error().code,
              ErrorCode::kPermissionDenied);
    EXPECT_EQ(service_.SetPassword(As(role), "siti", "correct horse battery").error().code,
              ErrorCode::kPermissionDenied);
  }
  EXPECT_EQ(database_.begins, 0);
  // An admin and the console get past the check to the (switched-off) database.
  EXPECT_EQ(service_.CreateUser(As(Role::kAdmin), Valid()).error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(service_.CreateUser(Context::System(), Valid()).error().code,
            ErrorCode::kUnavailable);
}

TEST_F(AccountRules, CreateUserReportsEveryWrongFieldAtOnce) {
  NewUser input{"X", std::string("   "), "chief", "short", std::nullopt};
  auto result = service_.CreateUser(Context::System(), input);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(FieldNames(result.error()),
            (std::vector<std::string>{"username", "display_name", "password", "role"}));
  EXPECT_EQ(database_.begins, 0);
}

TEST_F(AccountRules, DisplayNameIsOneToAHundredCharacters) {
  auto code_of = [&](const std::string& name) -> std::string {
    NewUser input = Valid();
    input.display_name = name;
    auto result = service_.CreateUser(Context::System(), input);
    if (result.error().code != ErrorCode::kInvalidArgument) return "accepted";
    return result.error().fields.at(0).field + ":" + result.error().fields.at(0).code;
  };
  EXPECT_EQ(code_of("S"), "accepted");
  EXPECT_EQ(code_of(std::string(100, 'x')), "accepted");
  EXPECT_EQ(code_of(Repeat("\xC3\xA9", 100)), "accepted");  // 200 bytes, 100 characters
  EXPECT_EQ(code_of(std::string(101, 'x')), "display_name:too_long");
  EXPECT_EQ(code_of("  " + std::string(100, 'x') + "  "), "accepted");  // trimmed first
  EXPECT_EQ(code_of(""), "display_name:required");
  EXPECT_EQ(code_of(" \t "), "display_name:required");
  EXPECT_EQ(code_of("bad \xFF"), "display_name:invalid_format");
}

TEST_F(AccountRules, ScopeMustFitTheRole) {
  struct Case {
    std::string role;
    std::optional<ScopeInput> scope;
    std::string field;  // empty: accepted
  };
  const std::vector<Case> cases = {
      {"admin", std::nullopt, ""},
      {"admin", ScopeInput{"group", 1}, "scope"},
      {"officer", ScopeInput{"stakeholder", 1}, ""},
      {"officer", ScopeInput{"group", 1}, "scope.kind"},
      {"officer", ScopeInput{"programme", 1}, "scope.kind"},
      {"facilitator", ScopeInput{"programme", 2}, ""},
      {"facilitator", ScopeInput{"stakeholder", 2}, "scope.kind"},
      {"group_leader", ScopeInput{"group", 3}, ""},
      {"mentor", ScopeInput{"group", 3}, ""},
      {"member", ScopeInput{"group", 3}, ""},
      {"member", ScopeInput{"programme", 3}, "scope.kind"},
      {"member", ScopeInput{"village", 3}, "scope.kind"},
      {"member", ScopeInput{"group", 0}, "scope.id"},
      {"member", ScopeInput{"group", -4}, "scope.id"},
      {"member", std::nullopt, ""},  // a scope may be assigned later
  };
  for (const Case& c : cases) {
    NewUser input = Valid();
    input.role = c.role;
    input.scope = c.scope;
    auto result = service_.CreateUser(Context::System(), input);
    ASSERT_FALSE(result.ok());
    std::string label = c.role + " " + (c.scope ? c.scope->kind + ":" + std::to_string(c.scope->id)
                                                : std::string("no scope"));
    if (c.field.empty()) {
      EXPECT_EQ(result.error().code, ErrorCode::kUnavailable) << label;
    } else {
      EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument) << label;
      EXPECT_EQ(FieldNames(result.error()), std::vector<std::string>{c.field}) << label;
    }
  }
}

TEST_F(AccountRules, IssueApiTokenNeedsAName) {
  for (const std::string& name : {std::string(""), std::string("   "), std::string(101, 'n')}) {
    auto result = service_.IssueApiToken(Context::System(), "siti", name);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(result.error().fields.at(0).field, "name");
  }
  EXPECT_EQ(database_.begins, 0);
}

TEST_F(AccountRules, SignedOutCallerCannotChangePasswordOrLogOut) {
  Context anonymous;
  EXPECT_EQ(service_.ChangeOwnPassword(anonymous, 1, "a", "b").error().code,
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(service_.Logout(anonymous, 1).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(service_.AuthenticateSession("").error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(service_.AuthenticateBearer("").error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(database_.begins, 0);
}

TEST_F(AccountRules, SetPasswordChecksTheNewPasswordFirst) {
  auto result = service_.SetPassword(Context::System(), "siti", "short");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().fields.at(0).field, "password");
  EXPECT_EQ(result.error().fields.at(0).code, "too_short");
  EXPECT_EQ(database_.begins, 0);
}

TEST_F(AccountRules, LoginIsRefusedByTheThrottleBeforeAnyLookup) {
  for (int i = 0; i < 5; ++i) throttle_.RecordFailure("siti", "10.0.0.1");
  Context context;
  context.client_address = "10.0.0.1";
  // The account key is the lowercased name, so case does not dodge the limit.
  auto result = service_.Login(context, "SITI", "whatever password");
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(result.error().type, "rate-limited");
  EXPECT_EQ(result.error().retry_after_seconds, 900);
  EXPECT_EQ(database_.begins, 0);
}

TEST_F(AccountRules, ChangingThePasswordIsRefusedByTheThrottleBeforeAnyLookup) {
  for (int i = 0; i < 5; ++i) throttle_.RecordFailure("siti", "10.0.0.1");
  Context context;
  context.client_address = "10.0.0.1";
  context.principal = Principal{12, "Siti", Role::kMember, std::nullopt};
  auto status = service_.ChangeOwnPassword(context, 1, "a guess at it", "a brand new passphrase");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(status.error().type, "rate-limited");
  EXPECT_EQ(status.error().retry_after_seconds, 900);
  EXPECT_EQ(database_.begins, 0);
}

}  // namespace
}  // namespace gotong::domain::accounts
