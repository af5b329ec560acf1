#include "sql_internal.hpp"
#include "sql_repositories.hpp"

namespace gotong::storage::internal {
namespace {

using domain::accounts::ApiToken;
using domain::accounts::Session;
using domain::accounts::User;

constexpr const char* kUserColumns =
    "id, username, display_name, role, scope_kind, scope_id, password_hash, disabled, "
    "created_at, updated_at";

struct UserRow {
  long long id = 0;
  std::string username, display_name, role, scope_kind, password_hash, created_at, updated_at;
  long long scope_id = 0;
  int disabled = 0;
  soci::indicator scope_kind_ind = soci::i_null, scope_id_ind = soci::i_null;

  void Bind(Query& query) {
    query.Into(id).Into(username).Into(display_name).Into(role).Into(scope_kind, scope_kind_ind)
        .Into(scope_id, scope_id_ind).Into(password_hash).Into(disabled).Into(created_at)
        .Into(updated_at);
  }

  User ToUser() const {
    User user;
    user.id = id;
    user.username = username;
    user.display_name = display_name;
    user.role = Stored("role", role, domain::accounts::ParseRole);
    if (scope_kind_ind == soci::i_ok && scope_id_ind == soci::i_ok) {
      if (auto kind = domain::accounts::ParseScopeKind(scope_kind)) {
        user.scope = domain::accounts::Scope{*kind, scope_id};
      }
    }
    user.password_hash = password_hash;
    user.disabled = disabled != 0;
    user.created_at = InstantFrom(created_at);
    user.updated_at = InstantFrom(updated_at);
    return user;
  }
};

struct UserParams {
  std::string username, display_name, role, scope_kind, password_hash, created_at, updated_at;
  long long scope_id = 0;
  int disabled = 0;
  soci::indicator scope_ind = soci::i_null, scope_id_ind = soci::i_null;

  explicit UserParams(const User& user)
      : username(user.username),
        display_name(user.display_name),
        role(domain::accounts::ToString(user.role)),
        password_hash(user.password_hash),
        created_at(Text(user.created_at)),
        updated_at(Text(user.updated_at)),
        disabled(user.disabled ? 1 : 0) {
    if (user.scope) {
      scope_kind = domain::accounts::ToString(user.scope->kind);
      scope_id = user.scope->id;
      scope_ind = scope_id_ind = soci::i_ok;
    }
  }
};

core::Result<User> FindUserBy(soci::session& sql, const std::string& column,
                              const std::string& value_text, long long value_id, bool by_id) {
  UserRow row;
  Query query(sql);
  row.Bind(query);
  if (by_id) {
    query.Use(value_id);
  } else {
    query.Use(value_text);
  }
  if (!query.Run(std::string("SELECT ") + kUserColumns + " FROM users WHERE " + column + " = :v")) {
    return core::Error::NotFound(by_id ? "no user with id " + std::to_string(value_id)
                                       : "no user named " + value_text);
  }
  return row.ToUser();
}

}  // namespace

core::Result<std::int64_t> SqlUserRepository::Insert(const User& user) {
  return Guard("insert user", [&]() -> core::Result<std::int64_t> {
    UserParams p(user);
    long long id = 0;
    Query query(sql_);
    query.Use(p.username).Use(p.display_name).Use(p.role).Use(p.scope_kind, p.scope_ind)
        .Use(p.scope_id, p.scope_id_ind).Use(p.password_hash).Use(p.disabled).Use(p.created_at)
        .Use(p.updated_at).Into(id);
    try {
      query.Run(
          "INSERT INTO users (username, display_name, role, scope_kind, scope_id, password_hash, "
          "disabled, created_at, updated_at) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i) "
          "RETURNING id");
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("username", "the username " + user.username + " is taken");
      }
      throw;
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Status SqlUserRepository::Update(const User& user) {
  return Guard("update user", [&]() -> core::Status {
    UserParams p(user);
    long long id = user.id;
    Query query(sql_);
    query.Use(p.display_name).Use(p.role).Use(p.scope_kind, p.scope_ind)
        .Use(p.scope_id, p.scope_id_ind).Use(p.password_hash).Use(p.disabled).Use(p.updated_at)
        .Use(id);
    query.Run(
        "UPDATE users SET display_name = :a, role = :b, scope_kind = :c, scope_id = :d, "
        "password_hash = :e, disabled = :f, updated_at = :g WHERE id = :h");
    if (query.AffectedRows() != 1) return core::Error::NotFound("no user with id " + std::to_string(id));
    return core::OkStatus();
  });
}

core::Result<User> SqlUserRepository::Find(std::int64_t id) {
  return Guard("find user", [&] { return FindUserBy(sql_, "id", "", id, true); });
}

core::Result<User> SqlUserRepository::FindByUsername(const std::string& username) {
  return Guard("find user", [&] { return FindUserBy(sql_, "username", username, 0, false); });
}

core::Result<core::Page<User>> SqlUserRepository::List(const core::PageRequest& page) {
  return Guard("list users", [&]() -> core::Result<core::Page<User>> {
    UserRow row;
    return PagedQuery<User>(sql_, page, kUserColumns, " FROM users", Params{}, "username",
                            [&](Query& query) { row.Bind(query); }, [&] { return row.ToUser(); });
  });
}

core::Result<std::vector<User>> SqlUserRepository::FacilitatorsOf(std::int64_t programme_id) {
  return Guard("list a programme's facilitators", [&]() -> core::Result<std::vector<User>> {
    UserRow row;
    long long id = programme_id;
    Query query(sql_);
    row.Bind(query);
    query.Use(id);
    std::vector<User> users;
    if (!query.Run(std::string("SELECT ") + kUserColumns +
                   " FROM users WHERE role = 'facilitator' AND scope_kind = 'programme' AND scope_id = :p"
                   " AND disabled = 0 ORDER BY display_name, id")) {
      return users;
    }
    do {
      users.push_back(row.ToUser());
    } while (query.Next());
    return users;
  });
}

core::Result<std::int64_t> SqlSessionRepository::Insert(const Session& session) {
  return Guard("insert session", [&]() -> core::Result<std::int64_t> {
    long long user_id = session.user_id, id = 0;
    std::string created = Text(session.created_at), seen = Text(session.last_seen_at);
    Query query(sql_);
    query.Use(user_id).Use(session.token_hash).Use(session.csrf_token).Use(created).Use(seen)
        .Use(session.client_address).Into(id);
    query.Run(
        "INSERT INTO sessions (user_id, token_hash, csrf_token, created_at, last_seen_at, "
        "client_address) VALUES (:a, :b, :c, :d, :e, :f) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<Session> SqlSessionRepository::FindByTokenHash(const std::string& token_hash) {
  return Guard("find session", [&]() -> core::Result<Session> {
    long long id = 0, user_id = 0;
    std::string csrf, created, seen, revoked, address;
    soci::indicator revoked_ind = soci::i_null;
    Query query(sql_);
    query.Into(id).Into(user_id).Into(csrf).Into(created).Into(seen).Into(revoked, revoked_ind)
        .Into(address).Use(token_hash);
    if (!query.Run("SELECT id, user_id, csrf_token, created_at, last_seen_at, revoked_at, "
                   "client_address FROM sessions WHERE token_hash = :t")) {
      return core::Error::NotFound("no such session");
    }
    Session session{id, user_id, token_hash, csrf, InstantFrom(created), InstantFrom(seen),
                    OptionalInstant(revoked, revoked_ind), address};
    return session;
  });
}

core::Status SqlSessionRepository::Touch(std::int64_t id, core::Instant at) {
  return Guard("touch session", [&]() -> core::Status {
    long long session_id = id;
    std::string when = Text(at);
    sql_ << "UPDATE sessions SET last_seen_at = :a WHERE id = :b", soci::use(when),
        soci::use(session_id);
    return core::OkStatus();
  });
}

core::Status SqlSessionRepository::Revoke(std::int64_t id, core::Instant at) {
  return Guard("revoke session", [&]() -> core::Status {
    long long session_id = id;
    std::string when = Text(at);
    sql_ << "UPDATE sessions SET revoked_at = :a WHERE id = :b AND revoked_at IS NULL",
        soci::use(when), soci::use(session_id);
    return core::OkStatus();
  });
}

core::Status SqlSessionRepository::RevokeAllOfUser(std::int64_t user_id, core::Instant at,
                                                   std::optional<std::int64_t> keep) {
  return Guard("revoke sessions", [&]() -> core::Status {
    long long uid = user_id, kept = keep.value_or(0);
    std::string when = Text(at);
    sql_ << "UPDATE sessions SET revoked_at = :a WHERE user_id = :b AND id <> :c "
            "AND revoked_at IS NULL",
        soci::use(when), soci::use(uid), soci::use(kept);
    return core::OkStatus();
  });
}

core::Result<std::int64_t> SqlApiTokenRepository::Insert(const ApiToken& token) {
  return Guard("insert api token", [&]() -> core::Result<std::int64_t> {
    long long user_id = token.user_id, id = 0;
    std::string created = Text(token.created_at);
    Query query(sql_);
    query.Use(user_id).Use(token.name).Use(token.token_hash).Use(created).Into(id);
    query.Run(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at) "
        "VALUES (:a, :b, :c, :d) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<ApiToken> SqlApiTokenRepository::FindByTokenHash(const std::string& token_hash) {
  return Guard("find api token", [&]() -> core::Result<ApiToken> {
    long long id = 0, user_id = 0;
    std::string name, created, revoked;
    soci::indicator revoked_ind = soci::i_null;
    Query query(sql_);
    query.Into(id).Into(user_id).Into(name).Into(created).Into(revoked, revoked_ind)
        .Use(token_hash);
    if (!query.Run("SELECT id, user_id, name, created_at, revoked_at FROM api_tokens "
                   "WHERE token_hash = :t")) {
      return core::Error::NotFound("no such token");
    }
    return ApiToken{id, user_id, name, token_hash, InstantFrom(created),
                    OptionalInstant(revoked, revoked_ind)};
  });
}

core::Result<std::vector<ApiToken>> SqlApiTokenRepository::OfUser(std::int64_t user_id) {
  return Guard("list api tokens", [&]() -> core::Result<std::vector<ApiToken>> {
    std::vector<ApiToken> tokens;
    long long id = 0, user = user_id;
    std::string name, created, revoked;
    soci::indicator revoked_ind = soci::i_null;
    Query query(sql_);
    query.Into(id).Into(name).Into(created).Into(revoked, revoked_ind).Use(user);
    if (query.Run("SELECT id, name, created_at, revoked_at FROM api_tokens WHERE user_id = :u "
                  "ORDER BY id DESC")) {
      do {
        tokens.push_back(ApiToken{id, user_id, name, "", InstantFrom(created),
                                  OptionalInstant(revoked, revoked_ind)});
      } while (query.Next());
    }
    return tokens;
  });
}

core::Result<bool> SqlApiTokenRepository::Revoke(std::int64_t user_id, std::int64_t id, core::Instant at) {
  return Guard("revoke api token", [&]() -> core::Result<bool> {
    long long user = user_id, token = id, found = 0;
    std::string when = Text(at);
    {
      Query query(sql_);
      query.Into(found).Use(token).Use(user);
      query.Run("SELECT COUNT(*) FROM api_tokens WHERE id = :i AND user_id = :u");
    }
    if (found == 0) return false;
    Query query(sql_);
    query.Use(when).Use(token);
    query.Run("UPDATE api_tokens SET revoked_at = :a WHERE id = :i AND revoked_at IS NULL");
    return true;
  });
}

}  // namespace gotong::storage::internal
