#include "storage/sql_repositories.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using domain::accounts::ApiToken;
using domain::accounts::Scope;
using domain::accounts::Session;
using domain::accounts::User;

// A scope is two columns, both NULL or neither (V001): the kind makes it, the id completes it.
// The username and the creation are written once.
constexpr Column<User> kUserColumns[] = {
    Member<&User::id>("id"),
    Field<&User::username>("username").OnInsert(),
    Field<&User::display_name>("display_name"),
    Field<&User::role, domain::accounts::ParseRole>("role"),
    {"scope_kind", CellKind::kText,
     [](User& user, const Cell& cell, std::string_view sql) {
       if (cell.IsNull()) return;
       using domain::accounts::ScopeKind;
       user.scope = Scope{cell::Read<ScopeKind, domain::accounts::ParseScopeKind>(cell, sql), 0};
     },
     [](const User& user, Cell& cell) {
       if (!user.scope) return cell.SetNull();
       cell::Write(user.scope->kind, cell);
     },
     Written::kAlways},
    PartField<&User::scope, &Scope::id>("scope_id"),
    Field<&User::password_hash>("password_hash"),
    Field<&User::disabled>("disabled"),
    Field<&User::created_at>("created_at").OnInsert(),
    Field<&User::updated_at>("updated_at"),
};
constexpr RecordTable<User> kUserTable{kUserColumns, " FROM users", "users", "user"};

// A session is found by its token's hash, which the caller holds: it is not read back. A session
// is inserted whole; after that only its times change (Touch, Revoke).
constexpr Column<Session> kSessionColumns[] = {
    Member<&Session::id>("id"),
    Field<&Session::user_id>("user_id"),
    Field<&Session::csrf_token>("csrf_token"),
    Field<&Session::created_at>("created_at"),
    Field<&Session::last_seen_at>("last_seen_at"),
    Member<&Session::revoked_at>("revoked_at"),
    Field<&Session::client_address>("client_address"),
    WrittenOnly<&Session::token_hash>("token_hash"),
};
constexpr RecordTable<Session> kSessionTable{kSessionColumns, " FROM sessions", "sessions",
                                             "session"};

// A token's hash is not read back: the caller looking one up holds it, and a user's list of
// tokens leaves it empty. A token is inserted whole; after that only its revocation is set
// (Revoke).
constexpr Column<ApiToken> kTokenColumns[] = {
    Member<&ApiToken::id>("id"),
    Field<&ApiToken::user_id>("user_id"),
    Field<&ApiToken::name>("name"),
    Field<&ApiToken::created_at>("created_at"),
    Member<&ApiToken::revoked_at>("revoked_at"),
    WrittenOnly<&ApiToken::token_hash>("token_hash"),
};
constexpr RecordTable<ApiToken> kTokenTable{kTokenColumns, " FROM api_tokens", "api_tokens",
                                            "api token"};

// The session or token whose token's hash is `token_hash`, or kNotFound saying `missing`.
template <typename Record>
core::Result<Record> FindByHash(soci::session& sql, const RecordTable<Record>& table,
                                const std::string& token_hash, const std::string& missing) {
  Params params;
  std::string where = " WHERE token_hash = ";
  params.Text(where, token_hash);
  auto record = FirstRecord(sql, table, where, params);
  if (!record) return core::Error::NotFound(missing);
  record->token_hash = token_hash;
  return *std::move(record);
}

}  // namespace

core::Result<std::int64_t> SqlUserRepository::Insert(const User& user) {
  return AddRecord(sql_, kUserTable, user, [&] {
    return core::Error::Exists("username", "the username " + user.username + " is taken");
  });
}

core::Status SqlUserRepository::Update(const User& user) {
  return Guard("update user", [&]() -> core::Status {
    if (UpdateRecord<User>(sql_, "users", kUserColumns, user) != 1) {
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
  return AddRecord(sql_, kSessionTable, session);
}

core::Result<Session> SqlSessionRepository::FindByTokenHash(const std::string& token_hash) {
  return Guard("find session", [&]() -> core::Result<Session> {
    return FindByHash(sql_, kSessionTable, token_hash, "no such session");
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
  return AddRecord(sql_, kTokenTable, token);
}

core::Result<ApiToken> SqlApiTokenRepository::FindByTokenHash(const std::string& token_hash) {
  return Guard("find api token", [&]() -> core::Result<ApiToken> {
    return FindByHash(sql_, kTokenTable, token_hash, "no such token");
  });
}

core::Result<std::vector<ApiToken>> SqlApiTokenRepository::OfUser(std::int64_t user_id) {
  return Guard("list api tokens", [&]() -> core::Result<std::vector<ApiToken>> {
    return RecordsWhere(sql_, kTokenTable, "user_id", user_id, "id DESC");
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
