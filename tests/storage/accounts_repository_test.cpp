#include <gtest/gtest.h>

#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::accounts::ApiToken;
using domain::accounts::Role;
using domain::accounts::Scope;
using domain::accounts::ScopeKind;
using domain::accounts::Session;

// ---- users ----

class UserRepository : public StorageTest {};
GOTONG_INSTANTIATE_FOR_BACKENDS(UserRepository);

TEST_P(UserRepository, InsertedUserIsFoundByIdAndNameWithEveryField) {
  User user = SampleUser("siti");
  user.display_name = "Siti Nurhaliza \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC";  // em dash, 日本
  user.role = Role::kOfficer;
  user.scope = Scope{ScopeKind::kStakeholder, 9000000000};  // beyond 32 bits
  user.disabled = true;
  user.updated_at = T("2026-05-06T07:08:09Z");
  std::int64_t id = InsertUser(user);
  ASSERT_GT(id, 0);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  for (auto found : {unit->Users().Find(id), unit->Users().FindByUsername("siti")}) {
    ASSERT_OK(found);
    EXPECT_EQ(found->id, id);
    EXPECT_EQ(found->username, "siti");
    EXPECT_EQ(found->display_name, user.display_name);
    EXPECT_EQ(found->role, Role::kOfficer);
    EXPECT_EQ(found->scope, user.scope);
    EXPECT_EQ(found->password_hash, user.password_hash);
    EXPECT_TRUE(found->disabled);
    EXPECT_EQ(found->created_at, T("2026-01-02T03:04:05Z"));
    EXPECT_EQ(found->updated_at, T("2026-05-06T07:08:09Z"));
  }
}

TEST_P(UserRepository, UnscopedUserHasNoScope) {
  User user = SampleUser("admin");
  user.role = Role::kAdmin;
  user.scope.reset();
  std::int64_t id = InsertUser(user);
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(User found, unit->Users().Find(id));
  EXPECT_FALSE(found.scope.has_value());
  EXPECT_EQ(found.role, Role::kAdmin);
  EXPECT_FALSE(found.disabled);
}

TEST_P(UserRepository, IdsAreDistinct) {
  std::int64_t a = InsertUser(SampleUser("aaa"));
  std::int64_t b = InsertUser(SampleUser("bbb"));
  EXPECT_GT(a, 0);
  EXPECT_GT(b, 0);
  EXPECT_NE(a, b);
}

TEST_P(UserRepository, DuplicateUsernameIsAlreadyExistsOnUsername) {
  ASSERT_GT(InsertUser(SampleUser("siti")), 0);
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  auto again = unit->Users().Insert(SampleUser("siti"));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(again.error().fields.size(), 1u);
  EXPECT_EQ(again.error().fields[0].field, "username");
  EXPECT_EQ(again.error().type, "already-exists");
}

TEST_P(UserRepository, UnknownUserIsNotFound) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Users().Find(424242), ErrorCode::kNotFound);
  EXPECT_ERROR_CODE(unit->Users().FindByUsername("nobody"), ErrorCode::kNotFound);
  // Names are exact: no pattern matching, no case folding.
  ASSERT_GT(InsertUser(SampleUser("siti")), 0);
  auto again = Begin(Access::kRead);
  ASSERT_TRUE(again);
  EXPECT_ERROR_CODE(again->Users().FindByUsername("SITI"), ErrorCode::kNotFound);
  EXPECT_ERROR_CODE(again->Users().FindByUsername("sit%"), ErrorCode::kNotFound);
}

TEST_P(UserRepository, UpdateChangesEveryWritableField) {
  std::int64_t id = InsertUser(SampleUser("budi"));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(User user, unit->Users().Find(id));
    user.display_name = "Budi Santoso";
    user.role = Role::kFacilitator;
    user.scope = Scope{ScopeKind::kProgramme, 12};
    user.password_hash = "$argon2id$new";
    user.disabled = true;
    user.updated_at = T("2026-02-03T04:05:06Z");
    ASSERT_OK(unit->Users().Update(user));
    ASSERT_OK(unit->Commit());
  }
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(User user, unit->Users().Find(id));
    EXPECT_EQ(user.username, "budi");
    EXPECT_EQ(user.display_name, "Budi Santoso");
    EXPECT_EQ(user.role, Role::kFacilitator);
    EXPECT_EQ(user.scope, (Scope{ScopeKind::kProgramme, 12}));
    EXPECT_EQ(user.password_hash, "$argon2id$new");
    EXPECT_TRUE(user.disabled);
    EXPECT_EQ(user.created_at, T("2026-01-02T03:04:05Z"));
    EXPECT_EQ(user.updated_at, T("2026-02-03T04:05:06Z"));
  }
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(User user, unit->Users().Find(id));
    user.scope.reset();
    user.role = Role::kAdmin;
    ASSERT_OK(unit->Users().Update(user));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(User cleared, unit->Users().Find(id));
  EXPECT_FALSE(cleared.scope.has_value());
}

TEST_P(UserRepository, UpdateOfUnknownIdIsNotFound) {
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  User ghost = SampleUser("ghost");
  ghost.id = 987654;
  EXPECT_ERROR_CODE(unit->Users().Update(ghost), ErrorCode::kNotFound);
}

TEST_P(UserRepository, ListPagesByUsernameAndCountsAll) {
  for (const char* name : {"citra", "ani", "eko", "budi", "dewi"}) {
    ASSERT_GT(InsertUser(SampleUser(name)), 0);
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Users().List({2, 1}));
  EXPECT_EQ(page.total, 5);
  EXPECT_EQ(page.limit, 2);
  EXPECT_EQ(page.offset, 1);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].username, "budi");
  EXPECT_EQ(page.items[1].username, "citra");

  ASSERT_OK_AND_ASSIGN(auto all, unit->Users().List({}));
  ASSERT_EQ(all.items.size(), 5u);
  EXPECT_EQ(all.items.front().username, "ani");
  EXPECT_EQ(all.items.back().username, "eko");

  ASSERT_OK_AND_ASSIGN(auto past_end, unit->Users().List({50, 5}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 5);
}

TEST_P(UserRepository, EmptyListHasZeroTotal) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Users().List({}));
  EXPECT_TRUE(page.items.empty());
  EXPECT_EQ(page.total, 0);
}

// ---- sessions ----

class SessionRepository : public StorageTest {
 protected:
  Session SampleSession(std::int64_t user_id, const std::string& token_hash) {
    Session session;
    session.user_id = user_id;
    session.token_hash = token_hash;
    session.csrf_token = "csrf-" + token_hash;
    session.created_at = T("2026-01-01T08:00:00Z");
    session.last_seen_at = T("2026-01-01T08:00:00Z");
    session.client_address = "203.0.113.5";
    return session;
  }

  std::int64_t InsertSession(const Session& session) {
    auto unit = Begin(Access::kWrite);
    if (!unit) return 0;
    auto id = unit->Sessions().Insert(session);
    EXPECT_TRUE(id.ok()) << id.error().message;
    EXPECT_TRUE(unit->Commit().ok());
    return id.ok() ? *id : 0;
  }

  Session Find(const std::string& token_hash) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto found = unit->Sessions().FindByTokenHash(token_hash);
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? *found : Session{};
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(SessionRepository);

TEST_P(SessionRepository, InsertedSessionIsFoundByTokenHash) {
  std::int64_t user = InsertUser(SampleUser("siti"));
  std::int64_t id = InsertSession(SampleSession(user, "hash-1"));
  ASSERT_GT(id, 0);
  Session found = Find("hash-1");
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.user_id, user);
  EXPECT_EQ(found.token_hash, "hash-1");
  EXPECT_EQ(found.csrf_token, "csrf-hash-1");
  EXPECT_EQ(found.created_at, T("2026-01-01T08:00:00Z"));
  EXPECT_EQ(found.last_seen_at, T("2026-01-01T08:00:00Z"));
  EXPECT_FALSE(found.revoked_at.has_value());
  EXPECT_EQ(found.client_address, "203.0.113.5");

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Sessions().FindByTokenHash("hash-2"), ErrorCode::kNotFound);
}

TEST_P(SessionRepository, SessionOfAnUnknownUserIsRefused) {
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->Sessions().Insert(SampleSession(777777, "orphan")).ok());
}

TEST_P(SessionRepository, TouchMovesLastSeen) {
  std::int64_t user = InsertUser(SampleUser("siti"));
  std::int64_t id = InsertSession(SampleSession(user, "hash-1"));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Sessions().Touch(id, T("2026-01-01T08:20:00Z")));
    ASSERT_OK(unit->Commit());
  }
  Session found = Find("hash-1");
  EXPECT_EQ(found.last_seen_at, T("2026-01-01T08:20:00Z"));
  EXPECT_EQ(found.created_at, T("2026-01-01T08:00:00Z"));
}

TEST_P(SessionRepository, RevokeKeepsTheFirstRevocationTime) {
  std::int64_t user = InsertUser(SampleUser("siti"));
  std::int64_t id = InsertSession(SampleSession(user, "hash-1"));
  for (const char* at : {"2026-01-01T09:00:00Z", "2026-01-01T10:00:00Z"}) {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Sessions().Revoke(id, T(at)));
    ASSERT_OK(unit->Commit());
  }
  EXPECT_EQ(Find("hash-1").revoked_at, T("2026-01-01T09:00:00Z"));
}

TEST_P(SessionRepository, RevokeAllOfUserSparesTheKeptSessionAndOtherUsers) {
  std::int64_t siti = InsertUser(SampleUser("siti"));
  std::int64_t budi = InsertUser(SampleUser("budi"));
  InsertSession(SampleSession(siti, "s1"));
  std::int64_t keep = InsertSession(SampleSession(siti, "s2"));
  InsertSession(SampleSession(siti, "s3"));
  InsertSession(SampleSession(budi, "b1"));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Sessions().RevokeAllOfUser(siti, T("2026-01-01T11:00:00Z"), keep));
    ASSERT_OK(unit->Commit());
  }
  EXPECT_EQ(Find("s1").revoked_at, T("2026-01-01T11:00:00Z"));
  EXPECT_FALSE(Find("s2").revoked_at.has_value());
  EXPECT_EQ(Find("s3").revoked_at, T("2026-01-01T11:00:00Z"));
  EXPECT_FALSE(Find("b1").revoked_at.has_value());
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Sessions().RevokeAllOfUser(siti, T("2026-01-01T12:00:00Z"), std::nullopt));
    ASSERT_OK(unit->Commit());
  }
  EXPECT_EQ(Find("s1").revoked_at, T("2026-01-01T11:00:00Z")) << "already revoked: unchanged";
  EXPECT_EQ(Find("s2").revoked_at, T("2026-01-01T12:00:00Z"));
  EXPECT_FALSE(Find("b1").revoked_at.has_value());
}

// ---- API tokens ----

class ApiTokenRepository : public StorageTest {};
GOTONG_INSTANTIATE_FOR_BACKENDS(ApiTokenRepository);

TEST_P(ApiTokenRepository, InsertedTokenIsFoundByHash) {
  std::int64_t user = InsertUser(SampleUser("ci"));
  ApiToken token{0, user, "deploy bot", "token-hash", T("2026-03-04T05:06:07Z"), std::nullopt};
  std::int64_t id = 0;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(id, unit->ApiTokens().Insert(token));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(ApiToken found, unit->ApiTokens().FindByTokenHash("token-hash"));
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.user_id, user);
  EXPECT_EQ(found.name, "deploy bot");
  EXPECT_EQ(found.created_at, T("2026-03-04T05:06:07Z"));
  EXPECT_FALSE(found.revoked_at.has_value());
  EXPECT_ERROR_CODE(unit->ApiTokens().FindByTokenHash("other"), ErrorCode::kNotFound);
}

TEST_P(ApiTokenRepository, TokenHashesAreUnique) {
  std::int64_t user = InsertUser(SampleUser("ci"));
  ApiToken token{0, user, "one", "same-hash", T("2026-03-04T05:06:07Z"), std::nullopt};
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->ApiTokens().Insert(token));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  token.name = "two";
  EXPECT_FALSE(unit->ApiTokens().Insert(token).ok());
}

}  // namespace
}  // namespace gotong::storage_tests
