#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "core/time.hpp"
#include "domain/accounts/user.hpp"
#include "domain/database.hpp"
#include "support/testing.hpp"

namespace gotong::storage_tests {

using domain::Access;
using domain::UnitOfWork;
using domain::accounts::User;

inline core::Instant T(const char* text) { return core::ParseInstant(text).value(); }

inline User SampleUser(const std::string& username) {
  User user;
  user.username = username;
  user.display_name = "Display " + username;
  user.role = domain::accounts::Role::kMember;
  user.scope = domain::accounts::Scope{domain::accounts::ScopeKind::kGroup, 3};
  user.password_hash = "$argon2id$v=19$fake$" + username;
  user.created_at = T("2026-01-02T03:04:05Z");
  user.updated_at = T("2026-01-02T03:04:05Z");
  return user;
}

class StorageTest : public testing::DatabaseTest {
 protected:
  // A unit of work, or nullptr after recording a failure.
  std::unique_ptr<UnitOfWork> Begin(Access access) {
    auto unit = db().Begin(access);
    EXPECT_TRUE(unit.ok()) << unit.error().message;
    return unit.ok() ? std::move(unit).value() : nullptr;
  }

  // Inserts and commits a user; returns its id (0 after recording a failure).
  std::int64_t InsertUser(const User& user) {
    auto unit = Begin(Access::kWrite);
    if (!unit) return 0;
    auto id = unit->Users().Insert(user);
    EXPECT_TRUE(id.ok()) << id.error().message;
    auto commit = unit->Commit();
    EXPECT_TRUE(commit.ok()) << commit.error().message;
    return id.ok() ? *id : 0;
  }
};

}  // namespace gotong::storage_tests
