#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <utility>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/accounts/login_throttle.hpp"
#include "domain/accounts/user.hpp"
#include "domain/database.hpp"

namespace gotong::domain::accounts {

struct ScopeInput {
  std::string kind;
  std::int64_t id = 0;
};

struct NewUser {
  std::string username;
  std::optional<std::string> display_name;
  std::string role;
  std::string password;
  std::optional<ScopeInput> scope;
};

struct UserPatch {
  std::optional<std::string> display_name;
  std::optional<std::string> role;
  std::optional<std::optional<ScopeInput>> scope;  // engaged-but-empty clears the scope
  std::optional<bool> disabled;
};

struct SessionPolicy {
  std::chrono::seconds idle_timeout{30 * 60};
  std::chrono::seconds absolute_timeout{12 * 60 * 60};
  // last_seen_at is written at most this often, so reads stay reads.
  std::chrono::seconds touch_interval{60};
};

struct LoginResult {
  User user;
  std::int64_t session_id = 0;
  std::string session_token;  // goes into the cookie; only its digest is stored
  std::string csrf_token;
};

struct Authenticated {
  Principal principal;
  User user;
  std::optional<std::int64_t> session_id;  // empty for bearer tokens
  std::optional<std::string> csrf_token;
};

// Accounts, sign-in and sessions. Every write runs in one transaction, checks the caller's
// right and appends to the audit log (STYLE.md 5).
class AccountService {
 public:
  AccountService(Database& database, PasswordHasher& hasher, SecretGenerator& secrets,
                 const core::Clock& clock, LoginThrottle& throttle, SessionPolicy policy = {})
      : database_(database),
        hasher_(hasher),
        secrets_(secrets),
        clock_(clock),
        throttle_(throttle),
        policy_(policy) {}

  static constexpr std::size_t kMinPasswordLength = 12;
  static constexpr std::size_t kMaxPasswordLength = 1024;

  core::Result<User> CreateUser(const Context& context, const NewUser& input);
  core::Result<User> UpdateUser(const Context& context, std::int64_t id, const UserPatch& patch);
  core::Result<User> GetUser(const Context& context, std::int64_t id);
  core::Result<core::Page<User>> ListUsers(const Context& context, const core::PageRequest& page);
  // Sets a password by name (console or admin); signs the user out everywhere.
  core::Status SetPassword(const Context& context, const std::string& username,
                           const std::string& password);
  // The caller changes their own password; their other sessions are signed out.
  core::Status ChangeOwnPassword(const Context& context, std::optional<std::int64_t> session_id,
                                 const std::string& current_password,
                                 const std::string& new_password);

  core::Result<LoginResult> Login(const Context& context, const std::string& username,
                                  const std::string& password);
  core::Status Logout(const Context& context, std::int64_t session_id);
  core::Result<Authenticated> AuthenticateSession(const std::string& token);
  core::Result<Authenticated> AuthenticateBearer(const std::string& token);
  // Returns the token text, shown once.
  core::Result<std::string> IssueApiToken(const Context& context, const std::string& username,
                                          const std::string& name);
  // The same for the user with `user_id`: the token as kept, and its text, shown once.
  // kFailedPrecondition (field "user", code "disabled") for a disabled user.
  core::Result<std::pair<ApiToken, std::string>> IssueApiToken(const Context& context,
                                                               std::int64_t user_id,
                                                               const std::string& name);
  core::Result<std::vector<ApiToken>> ApiTokens(const Context& context, std::int64_t user_id);
  // Revokes one of the user's tokens (again: no change); kNotFound for another user's.
  core::Status RevokeApiToken(const Context& context, std::int64_t user_id, std::int64_t token_id);
  // An admin resets another user's password to a new random one, returned once, and signs the
  // user out everywhere. kPermissionDenied for the caller's own account.
  core::Result<std::string> ResetPassword(const Context& context, std::int64_t user_id);

  // The audit log, newest first, narrowed by `filter` and by the calendar days `from` to `to`
  // ("2026-11-30", inclusive, each open when absent; days in UTC+9). A wrong date or `from`
  // after `to` is kInvalidArgument naming the parameter.
  core::Result<core::Page<audit::Entry>> ListAudit(const Context& context, audit::Filter filter,
                                                   const std::optional<std::string>& from,
                                                   const std::optional<std::string>& to,
                                                   const core::PageRequest& page);

 private:
  core::Status RequireAdmin(const Context& context) const;

  Database& database_;
  PasswordHasher& hasher_;
  SecretGenerator& secrets_;
  const core::Clock& clock_;
  LoginThrottle& throttle_;
  SessionPolicy policy_;
};

// Field checks shared by every way in (API, CLI). Each returns the field errors found.
std::vector<core::FieldError> CheckUsername(const std::string& username);
std::vector<core::FieldError> CheckPassword(const std::string& field, const std::string& password);

}  // namespace gotong::domain::accounts
