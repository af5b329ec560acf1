#include "domain/accounts/account_service.hpp"

#include <utility>

#include "core/text.hpp"
#include "domain/form.hpp"
#include "domain/service.hpp"

namespace gotong::domain::accounts {
namespace {

Error InvalidCredentials() {
  Error error = Error::Unauthenticated("invalid username or password");
  error.type = "invalid-credentials";
  return error;
}

Error RateLimited(std::chrono::seconds wait, const char* what) {
  return Error{core::ErrorCode::kResourceExhausted,
               std::string("too many ") + what + "; try again later", {},
               static_cast<int>(wait.count()), "rate-limited"};
}

Error SessionExpired() {
  Error error = Error::Unauthenticated("the session has ended; sign in again");
  error.type = "session-expired";
  return error;
}

std::vector<FieldError> CheckDisplayName(const std::string& name) {
  if (!core::IsValidUtf8(name)) return {{"display_name", "invalid_format", "display_name must be UTF-8 text"}};
  auto length = core::CodePointCount(core::Trim(name));
  if (length == 0) return {{"display_name", "required", "display_name must not be empty"}};
  if (length > 100) return {{"display_name", "too_long", "display_name must be at most 100 characters"}};
  return {};
}

// Checks a role with its scope and builds them.
core::Result<std::pair<Role, std::optional<Scope>>> CheckRoleAndScope(
    const std::string& role_text, const std::optional<ScopeInput>& scope_input) {
  auto role = ParseRole(role_text);
  if (!role) {
    return Error::Invalid("role", "invalid_value",
                          "role must be one of admin, officer, facilitator, group_leader, "
                          "mentor, member");
  }
  if (!scope_input) return std::pair{*role, std::optional<Scope>{}};
  auto kind = ParseScopeKind(scope_input->kind);
  if (!kind) {
    return Error::Invalid("scope.kind", "invalid_value",
                          "scope.kind must be stakeholder, programme or group");
  }
  if (scope_input->id <= 0) {
    return Error::Invalid("scope.id", "invalid_value", "scope.id must be a positive id");
  }
  auto allowed = ScopeKindFor(*role);
  if (!allowed) {
    return Error::Invalid("scope", "invalid_value", "an admin is not bound to a scope");
  }
  if (*allowed != *kind) {
    return Error::Invalid("scope.kind", "invalid_value",
                          "a " + std::string(ToString(*role)) + " is bound to a " +
                              std::string(ToString(*allowed)));
  }
  return std::pair{*role, std::optional<Scope>{Scope{*kind, scope_input->id}}};
}

Principal PrincipalOf(const User& user) {
  return Principal{user.id, user.username, user.role, user.scope};
}

}  // namespace

std::vector<FieldError> CheckUsername(const std::string& username) {
  if (username.empty()) return {{"username", "required", "username is required"}};
  if (username.size() < 3) return {{"username", "too_short", "username must be at least 3 characters"}};
  if (username.size() > 32) return {{"username", "too_long", "username must be at most 32 characters"}};
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return {{"username", "invalid_format",
               "username may contain only lowercase letters, digits, '.', '_' and '-'"}};
    }
  }
  return {};
}

std::vector<FieldError> CheckPassword(const std::string& field, const std::string& password) {
  if (!core::IsValidUtf8(password)) return {{field, "invalid_format", field + " must be UTF-8 text"}};
  auto length = core::CodePointCount(password);
  if (length < AccountService::kMinPasswordLength) {
    return {{field, "too_short", field + " must be at least 12 characters"}};
  }
  if (length > AccountService::kMaxPasswordLength) {
    return {{field, "too_long", field + " must be at most 1024 characters"}};
  }
  return {};
}

audit::Snapshot SnapshotOf(const User& user) {
  audit::Snapshot snapshot{
      {"username", user.username},
      {"display_name", user.display_name},
      {"role", std::string(ToString(user.role))},
      {"disabled", user.disabled},
  };
  if (user.scope) {
    snapshot.emplace_back("scope_kind", std::string(ToString(user.scope->kind)));
    snapshot.emplace_back("scope_id", user.scope->id);
  } else {
    snapshot.emplace_back("scope_kind", nullptr);
    snapshot.emplace_back("scope_id", nullptr);
  }
  return snapshot;
}

core::Status AccountService::RequireAdmin(const Context& context) const {
  if (context.IsAdmin()) return core::OkStatus();
  if (!context.principal) return Error::Unauthenticated("sign in first");
  return Error::Denied("only an admin may manage accounts");
}

namespace {

// A stakeholder scope must name a registered stakeholder. (Programmes and groups are checked
// once they exist.)
core::Status CheckScopeExists(UnitOfWork& unit, const std::optional<Scope>& scope) {
  if (!scope || scope->kind != ScopeKind::kStakeholder) return core::OkStatus();
  auto found = unit.Stakeholders().Find(scope->id);
  if (found.ok()) return core::OkStatus();
  if (found.error().code != core::ErrorCode::kNotFound) return found.error();
  return Error::Invalid("scope.id", "not_found",
                        "there is no stakeholder with id " + std::to_string(scope->id));
}

}  // namespace

core::Result<User> AccountService::CreateUser(const Context& context, const NewUser& input) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  std::vector<FieldError> errors = CheckUsername(input.username);
  if (input.display_name) {
    for (auto& e : CheckDisplayName(*input.display_name)) errors.push_back(std::move(e));
  }
  for (auto& e : CheckPassword("password", input.password)) errors.push_back(std::move(e));
  auto role_scope = CheckRoleAndScope(input.role, input.scope);
  if (!role_scope.ok()) {
    for (auto& e : role_scope.error().fields) errors.push_back(e);
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));

  User user;
  user.username = input.username;
  user.display_name = input.display_name ? std::string(core::Trim(*input.display_name))
                                         : input.username;
  user.role = role_scope->first;
  user.scope = role_scope->second;
  GOTONG_ASSIGN_OR_RETURN(user.password_hash, hasher_.Hash(input.password));
  user.created_at = user.updated_at = clock_.Now();

  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_RETURN_IF_ERROR(CheckScopeExists(*unit, user.scope));
  GOTONG_ASSIGN_OR_RETURN(user.id, unit->Users().Insert(user));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, user.created_at, "user", user.id,
                                       "create", std::nullopt, SnapshotOf(user)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return user;
}

core::Result<User> AccountService::UpdateUser(const Context& context, std::int64_t id,
                                              const UserPatch& patch) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().Find(id));
  const User before = user;

  std::vector<FieldError> errors;
  if (patch.display_name) {
    errors = CheckDisplayName(*patch.display_name);
    user.display_name = std::string(core::Trim(*patch.display_name));
  }
  if (patch.role || patch.scope) {
    std::optional<ScopeInput> scope_input;
    if (patch.scope) {
      scope_input = *patch.scope;
    } else if (user.scope) {
      scope_input = ScopeInput{std::string(ToString(user.scope->kind)), user.scope->id};
    }
    std::string role_text = patch.role ? *patch.role : std::string(ToString(user.role));
    auto role_scope = CheckRoleAndScope(role_text, scope_input);
    if (!role_scope.ok()) {
      for (auto& e : role_scope.error().fields) errors.push_back(e);
    } else {
      user.role = role_scope->first;
      user.scope = role_scope->second;
    }
  }
  if (patch.disabled) {
    if (*patch.disabled && context.principal && context.principal->user_id == id) {
      errors.push_back({"disabled", "invalid_value", "you cannot disable your own account"});
    }
    user.disabled = *patch.disabled;
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  if (patch.scope) GOTONG_RETURN_IF_ERROR(CheckScopeExists(*unit, user.scope));

  user.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Users().Update(user));
  if (user.disabled && !before.disabled) {
    GOTONG_RETURN_IF_ERROR(unit->Sessions().RevokeAllOfUser(user.id, user.updated_at, std::nullopt));
  }
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, user.updated_at, "user", id,
                                       "update", SnapshotOf(before), SnapshotOf(user)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return user;
}

core::Result<User> AccountService::GetUser(const Context& context, std::int64_t id) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Users().Find(id);
}

core::Result<core::Page<User>> AccountService::ListUsers(const Context& context,
                                                         const core::PageRequest& page) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Users().List(page);
}

core::Status AccountService::SetPassword(const Context& context, const std::string& username,
                                         const std::string& password) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  if (auto errors = CheckPassword("password", password); !errors.empty()) {
    return Error::Invalid(std::move(errors));
  }
  GOTONG_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(password));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().FindByUsername(username));
  user.password_hash = std::move(hash);
  user.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Users().Update(user));
  GOTONG_RETURN_IF_ERROR(unit->Sessions().RevokeAllOfUser(user.id, user.updated_at, std::nullopt));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, user.updated_at, "user", user.id,
                                       "set_password", std::nullopt, std::nullopt));
  return unit->Commit();
}

core::Status AccountService::ChangeOwnPassword(const Context& context,
                                               std::optional<std::int64_t> session_id,
                                               const std::string& current_password,
                                               const std::string& new_password) {
  if (!context.principal) return Error::Unauthenticated("sign in first");
  // A wrong current password counts with the sign-in failures of the account at this address,
  // so a stolen session cannot guess it without limit.
  const std::string account = core::AsciiLower(context.principal->username);
  if (auto wait = throttle_.Blocked(account, context.client_address)) {
    return RateLimited(*wait, "wrong passwords");
  }
  std::vector<FieldError> errors = CheckPassword("new_password", new_password);
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().Find(context.principal->user_id));
  if (!hasher_.Verify(user.password_hash, current_password)) {
    throttle_.RecordFailure(account, context.client_address);
    errors.insert(errors.begin(),
                  {"current_password", "invalid_value", "the current password is not correct"});
  } else {
    throttle_.RecordSuccess(account, context.client_address);
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  GOTONG_ASSIGN_OR_RETURN(user.password_hash, hasher_.Hash(new_password));
  user.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Users().Update(user));
  GOTONG_RETURN_IF_ERROR(unit->Sessions().RevokeAllOfUser(user.id, user.updated_at, session_id));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, user.updated_at, "user", user.id,
                                       "change_password", std::nullopt, std::nullopt));
  return unit->Commit();
}

core::Result<LoginResult> AccountService::Login(const Context& context,
                                                const std::string& username,
                                                const std::string& password) {
  // A name no account can have fails at once and is not remembered by the throttle.
  if (username.empty() || username.size() > 32) return InvalidCredentials();
  const std::string account = core::AsciiLower(username);
  if (auto wait = throttle_.Blocked(account, context.client_address)) {
    return RateLimited(*wait, "failed sign-in attempts");
  }
  GOTONG_ASSIGN_OR_RETURN(auto read, database_.Begin(Access::kRead));
  auto found = read->Users().FindByUsername(account);
  read.reset();  // argon2 takes a while: hold no database lock meanwhile
  if (!found.ok() && found.error().code != core::ErrorCode::kNotFound) {
    return std::move(found).error();
  }
  // Verify even for an unknown name so that timing does not tell which names exist.
  static const std::string kNoSuchUser =
      "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
      "3p6RRXYE6Zqkqfr3PTVkXrvTnNAExx5/PqfUAyTyvFQ";
  bool verified = hasher_.Verify(found.ok() ? found->password_hash : kNoSuchUser, password);
  if (!found.ok() || !verified) {
    throttle_.RecordFailure(account, context.client_address);
    return InvalidCredentials();
  }
  User user = std::move(found).value();
  if (user.disabled) {
    Error error = Error::Denied("this account has been disabled");
    error.type = "account-disabled";
    return error;
  }
  throttle_.RecordSuccess(account, context.client_address);
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));

  LoginResult result;
  result.session_token = secrets_.NewToken();
  result.csrf_token = secrets_.NewToken();
  Session session;
  session.user_id = user.id;
  session.token_hash = secrets_.Digest(result.session_token);
  session.csrf_token = result.csrf_token;
  session.created_at = session.last_seen_at = clock_.Now();
  session.client_address = context.client_address;
  GOTONG_ASSIGN_OR_RETURN(result.session_id, unit->Sessions().Insert(session));

  Context as_user = context;
  as_user.principal = PrincipalOf(user);
  GOTONG_RETURN_IF_ERROR(audit::Record(
      unit->Audit(), as_user, session.created_at, "session", result.session_id, "login",
      std::nullopt, audit::Snapshot{{"client_address", context.client_address}}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  result.user = std::move(user);
  return result;
}

core::Status AccountService::Logout(const Context& context, std::int64_t session_id) {
  if (!context.principal) return Error::Unauthenticated("sign in first");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  auto now = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Sessions().Revoke(session_id, now));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "session", session_id, "logout",
                                       std::nullopt, std::nullopt));
  return unit->Commit();
}

core::Result<Authenticated> AccountService::AuthenticateSession(const std::string& token) {
  if (token.empty()) return Error::Unauthenticated("sign in first");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  auto session = unit->Sessions().FindByTokenHash(secrets_.Digest(token));
  if (!session.ok()) {
    if (session.error().code == core::ErrorCode::kNotFound) return SessionExpired();
    return std::move(session).error();
  }
  auto now = clock_.Now();
  if (session->revoked_at || now - session->created_at >= policy_.absolute_timeout ||
      now - session->last_seen_at >= policy_.idle_timeout) {
    return SessionExpired();
  }
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().Find(session->user_id));
  if (user.disabled) return SessionExpired();
  if (now - session->last_seen_at >= policy_.touch_interval) {
    unit.reset();  // end the read before writing, so SQLite never upgrades a read lock
    GOTONG_ASSIGN_OR_RETURN(auto write, database_.Begin(Access::kWrite));
    GOTONG_RETURN_IF_ERROR(write->Sessions().Touch(session->id, now));
    GOTONG_RETURN_IF_ERROR(write->Commit());
  }
  Authenticated result{PrincipalOf(user), std::move(user), session->id, session->csrf_token};
  return result;
}

core::Result<Authenticated> AccountService::AuthenticateBearer(const std::string& token) {
  if (token.empty()) return Error::Unauthenticated("sign in first");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  auto api_token = unit->ApiTokens().FindByTokenHash(secrets_.Digest(token));
  if (!api_token.ok() || api_token->revoked_at) {
    if (!api_token.ok() && api_token.error().code != core::ErrorCode::kNotFound) {
      return std::move(api_token).error();
    }
    Error error = Error::Unauthenticated("the API token is not valid");
    error.type = "invalid-token";
    return error;
  }
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().Find(api_token->user_id));
  if (user.disabled) return Error::Unauthenticated("the account of this token is disabled");
  return Authenticated{PrincipalOf(user), std::move(user), std::nullopt, std::nullopt};
}

namespace {

// A token's name: 1 to 100 characters that are not all spaces.
core::Status CheckTokenName(const std::string& name) {
  if (core::Trim(name).empty() || name.size() > 100) {
    return Error::Invalid("name", "invalid_value", "a token needs a name of 1 to 100 characters");
  }
  return core::OkStatus();
}

}  // namespace

core::Result<std::string> AccountService::IssueApiToken(const Context& context,
                                                        const std::string& username,
                                                        const std::string& name) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  GOTONG_RETURN_IF_ERROR(CheckTokenName(name));  // before any database work
  std::int64_t user_id = 0;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().FindByUsername(username));
    user_id = user.id;
  }
  GOTONG_ASSIGN_OR_RETURN(auto issued, IssueApiToken(context, user_id, name));
  return std::move(issued.second);
}

core::Result<std::pair<ApiToken, std::string>> AccountService::IssueApiToken(const Context& context,
                                                                             std::int64_t user_id,
                                                                             const std::string& name) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  GOTONG_RETURN_IF_ERROR(CheckTokenName(name));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().Find(user_id));
  if (user.disabled) {
    Error error{core::ErrorCode::kFailedPrecondition, "a disabled account gets no API token", {}, std::nullopt, ""};
    error.fields.push_back({"user", "disabled", "a disabled account gets no API token"});
    return error;
  }
  std::string token = secrets_.NewToken();
  ApiToken record;
  record.user_id = user.id;
  record.name = std::string(core::Trim(name));
  record.token_hash = secrets_.Digest(token);
  record.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(record.id, unit->ApiTokens().Insert(record));
  GOTONG_RETURN_IF_ERROR(
      audit::Record(unit->Audit(), context, record.created_at, "api_token", record.id, "create",
                    std::nullopt, audit::Snapshot{{"user_id", user.id}, {"name", record.name}}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  record.token_hash.clear();
  return std::pair<ApiToken, std::string>{std::move(record), std::move(token)};
}

core::Result<std::vector<ApiToken>> AccountService::ApiTokens(const Context& context, std::int64_t user_id) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().Find(user_id));
  return unit->ApiTokens().OfUser(user.id);
}

core::Status AccountService::RevokeApiToken(const Context& context, std::int64_t user_id,
                                            std::int64_t token_id) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  const core::Instant now = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(bool found, unit->ApiTokens().Revoke(user_id, token_id, now));
  if (!found) return Error::NotFound("no such API token");
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "api_token", token_id, "revoke",
                                       std::nullopt, audit::Snapshot{{"user_id", user_id}}));
  return unit->Commit();
}

core::Result<std::string> AccountService::ResetPassword(const Context& context, std::int64_t user_id) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  if (context.principal && context.principal->user_id == user_id) {
    return Error::Denied("change your own password with your current one");
  }
  // 18 URL-safe characters: typed by hand once, then changed.
  std::string password = secrets_.NewToken().substr(0, 18);
  GOTONG_ASSIGN_OR_RETURN(std::string hash, hasher_.Hash(password));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(User user, unit->Users().Find(user_id));
  user.password_hash = std::move(hash);
  user.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Users().Update(user));
  GOTONG_RETURN_IF_ERROR(unit->Sessions().RevokeAllOfUser(user.id, user.updated_at, std::nullopt));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, user.updated_at, "user", user.id,
                                       "reset_password", std::nullopt, std::nullopt));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return password;
}

core::Result<core::Page<audit::Entry>> AccountService::ListAudit(
    const Context& context, audit::Filter filter, const std::optional<std::string>& from,
    const std::optional<std::string>& to, const core::PageRequest& page) {
  GOTONG_RETURN_IF_ERROR(RequireAdmin(context));
  form::Problems problems;
  std::optional<core::Date> first = from ? form::CheckDate(problems, "from", *from) : std::nullopt;
  std::optional<core::Date> last = to ? form::CheckDate(problems, "to", *to) : std::nullopt;
  if (first && last && *first > *last) {
    problems.Add("from", "after_to", "from must not be after to");
  }
  if (!problems.empty()) return problems.ToError();
  // The changes of a day are those made on that day anywhere in Indonesia.
  if (first) filter.since = core::StartOfDayInIndonesia(*first);
  if (last) filter.before = core::StartOfDayInIndonesia(*last) + std::chrono::days{1};
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Audit().List(filter, page);
}

}  // namespace gotong::domain::accounts
