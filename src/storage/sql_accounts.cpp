#include "sql_repositories.hpp"
#include "sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using domain::accounts::ApiToken;
using domain::accounts::Scope;
using domain::accounts::Session;
using domain::accounts::User;

// A scope is two columns, both NULL or neither (V001): the kind makes it, the id completes it.
constexpr Column<User> kUserColumns[] = {
    Member<&User::id>("id"),
    Member<&User::username>("username"),
    Member<&User::display_name>("display_name"),
    Member<&User::role, domain::accounts::ParseRole>("role"),
    {"scope_kind", CellKind::kText,
     [](User& user, const Cell& cell, std::string_view sql) {
       if (cell.IsNull()) return;
       using domain::accounts::ScopeKind;
       user.scope = Scope{cell::Read<ScopeKind, domain::accounts::ParseScopeKind>(cell, sql), 0};
     }},
    PartMember<&User::scope, &Scope::id>("scope_id"),
    Member<&User::password_hash>("password_hash"),
    Member<&User::disabled>("disabled"),
    Member<&User::created_at>("created_at"),
    Member<&User::updated_at>("updated_at"),
};
constexpr RecordTable<User> kUserTable{kUserColumns, " FROM users", "users", "user"};

// The username and the creation are written once.
constexpr WriteColumn<User> kUserWrites[] = {
    WritesOnce<&User::username>("username"),
    Writes<&User::display_name>("display_name"),
    Writes<&User::role>("role"),
    WritesPart<&User::scope, &Scope::kind>("scope_kind"),
    WritesPart<&User::scope, &Scope::id>("scope_id"),
    Writes<&User::password_hash>("password_hash"),
    Writes<&User::disabled>("disabled"),
    WritesOnce<&User::created_at>("created_at"),
    Writes<&User::updated_at>("updated_at"),
};

// A session is found by its token's hash, which the caller holds: it is not read back.
constexpr Column<Session> kSessionColumns[] = {
    Member<&Session::id>("id"),
    Member<&Session::user_id>("user_id"),
    Member<&Session::csrf_token>("csrf_token"),
    Member<&Session::created_at>("created_at"),
    Member<&Session::last_seen_at>("last_seen_at"),
    Member<&Session::revoked_at>("revoked_at"),
    Member<&Session::client_address>("client_address"),
};
constexpr RecordTable<Session> kSessionTable{kSessionColumns, " FROM sessions", "sessions",
                                             "session"};

// A session is inserted whole; after that only its times change (Touch, Revoke).
constexpr WriteColumn<Session> kSessionWrites[] = {
    Writes<&Session::user_id>("user_id"),
    Writes<&Session::token_hash>("token_hash"),
    Writes<&Session::csrf_token>("csrf_token"),
    Writes<&Session::created_at>("created_at"),
    Writes<&Session::last_seen_at>("last_seen_at"),
    Writes<&Session::client_address>("client_address"),
};

// A token's hash is not read back: the caller looking one up holds it, and a user's list of
// tokens leaves it empty.
constexpr Column<ApiToken> kTokenColumns[] = {
    Member<&ApiToken::id>("id"),
    Member<&ApiToken::user_id>("user_id"),
    Member<&ApiToken::name>("name"),
    Member<&ApiToken::created_at>("created_at"),
    Member<&ApiToken::revoked_at>("revoked_at"),
};
constexpr RecordTable<ApiToken> kTokenTable{kTokenColumns, " FROM api_tokens", "api_tokens",
                                            "api token"};

// A token is inserted whole; after that only its revocation is set (Revoke).
constexpr WriteColumn<ApiToken> kTokenWrites[] = {
    Writes<&ApiToken::user_id>("user_id"),
    Writes<&ApiToken::name>("name"),
    Writes<&ApiToken::token_hash>("token_hash"),
    Writes<&ApiToken::created_at>("created_at"),
};

}  // namespace

core::Result<std::int64_t> SqlUserRepository::Insert(const User& user) {
  return Guard("insert user", [&]() -> core::Result<std::int64_t> {
    try {
      return InsertRecord<User>(sql_, "users", kUserWrites, user);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("username", "the username " + user.username + " is taken");
      }
      throw;
    }
  });
}

core::Status SqlUserRepository::Update(const User& user) {
  return Guard("update user", [&]() -> core::Status {
    if (UpdateRecord<User>(sql_, "users", kUserWrites, user) != 1) {
      return core::Error::NotFound("no user with id " + std::to_string(user.id));
    }
    return core::OkStatus();
  });
}

core::Result<User> SqlUserRepository::Find(std::int64_t id) {
  return FindRecord(sql_, kUserTable, id);
}

core::Result<User> SqlUserRepository::FindByUsername(const std::string& username) {
  return Guard("find user", [&]() -> core::Result<User> {
    RowReader<User> row(kUserColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(username);
    if (!query.Run(kUserTable.Select() + " WHERE username = :v")) {
      return core::Error::NotFound("no user named " + username);
    }
    return row.Get();
  });
}

core::Result<core::Page<User>> SqlUserRepository::List(const core::PageRequest& page) {
  return Guard("list users", [&]() -> core::Result<core::Page<User>> {
    return PagedRecords(sql_, page, kUserTable, "", Params{}, "username");
  });
}

core::Result<std::vector<User>> SqlUserRepository::FacilitatorsOf(std::int64_t programme_id) {
  return Guard("list a programme's facilitators", [&]() -> core::Result<std::vector<User>> {
    Params params;
    std::string where = " WHERE role = 'facilitator' AND scope_kind = 'programme' AND scope_id = ";
    params.Number(where, programme_id);
    return SelectRecords(sql_, kUserTable, where + " AND disabled = 0 ORDER BY display_name, id",
                         params);
  });
}

core::Result<std::int64_t> SqlSessionRepository::Insert(const Session& session) {
  return Guard("insert session", [&]() -> core::Result<std::int64_t> {
    return InsertRecord<Session>(sql_, "sessions", kSessionWrites, session);
  });
}

core::Result<Session> SqlSessionRepository::FindByTokenHash(const std::string& token_hash) {
  return Guard("find session", [&]() -> core::Result<Session> {
    RowReader<Session> row(kSessionColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(token_hash);
    if (!query.Run(kSessionTable.Select() + " WHERE token_hash = :t")) {
      return core::Error::NotFound("no such session");
    }
    Session session = row.Get();
    session.token_hash = token_hash;
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
    return InsertRecord<ApiToken>(sql_, "api_tokens", kTokenWrites, token);
  });
}

core::Result<ApiToken> SqlApiTokenRepository::FindByTokenHash(const std::string& token_hash) {
  return Guard("find api token", [&]() -> core::Result<ApiToken> {
    RowReader<ApiToken> row(kTokenColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(token_hash);
    if (!query.Run(kTokenTable.Select() + " WHERE token_hash = :t")) {
      return core::Error::NotFound("no such token");
    }
    ApiToken token = row.Get();
    token.token_hash = token_hash;
    return token;
  });
}

core::Result<std::vector<ApiToken>> SqlApiTokenRepository::OfUser(std::int64_t user_id) {
  return Guard("list api tokens", [&]() -> core::Result<std::vector<ApiToken>> {
    Params params;
    std::string where = " WHERE user_id = ";
    params.Number(where, user_id);
    return SelectRecords(sql_, kTokenTable, where + " ORDER BY id DESC", params);
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
