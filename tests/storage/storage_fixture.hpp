#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "core/time.hpp"
#include "domain/accounts/user.hpp"
#include "domain/database.hpp"
#include "domain/groups/groups.hpp"
#include "domain/registry/registry.hpp"
#include "support/testing.hpp"

namespace gotong::storage_tests {

using domain::Access;
using domain::UnitOfWork;
using domain::accounts::User;

inline core::Instant T(const char* text) { return core::ParseInstant(text).value(); }
inline core::Date D(const char* text) { return core::Date::Parse(text).value(); }

// Villages of the loaded region data: two in Ngajum (35.07.20), Kabupaten Malang, and one in
// Kota Malang.
inline constexpr const char* kBanjarsari = "35.07.20.2004";
inline constexpr const char* kNgajum = "35.07.20.2001";
inline constexpr const char* kKotaMalangVillage = "35.79.01.2005";

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

  // Runs `write` (returning Result<std::int64_t>) in a unit of its own and commits it; returns
  // the id (0 after recording a failure).
  template <typename Write>
  std::int64_t Committed(Write&& write) {
    auto unit = Begin(Access::kWrite);
    if (!unit) return 0;
    auto id = write(*unit);
    EXPECT_TRUE(id.ok()) << id.error().message;
    if (!id.ok()) return 0;
    auto commit = unit->Commit();
    EXPECT_TRUE(commit.ok()) << commit.error().message;
    return commit.ok() ? *id : 0;
  }

  std::int64_t InsertPerson(const std::string& name, const std::string& village = kBanjarsari) {
    domain::registry::Person person;
    person.name = name;
    person.gender = domain::registry::Gender::kFemale;
    person.village_code = village;
    person.created_at = T("2026-01-02T03:04:05Z");
    person.updated_at = T("2026-01-02T03:04:05Z");
    return Committed([&](UnitOfWork& unit) { return unit.People().Insert(person); });
  }

  std::int64_t InsertGroup(const std::string& name, const std::string& village = kBanjarsari) {
    domain::groups::Group group;
    group.name = name;
    group.village_code = village;
    group.status = domain::groups::GroupStatus::kActive;
    group.status_since = D("2019-01-01");
    group.created_at = T("2026-01-02T03:04:05Z");
    group.updated_at = T("2026-01-02T03:04:05Z");
    return Committed([&](UnitOfWork& unit) { return unit.Groups().Insert(group); });
  }

  domain::groups::Membership SampleMember(std::int64_t group_id, std::int64_t person_id,
                                          domain::groups::MemberRole role =
                                              domain::groups::MemberRole::kMember) {
    domain::groups::Membership member;
    member.group_id = group_id;
    member.person_id = person_id;
    member.role = role;
    member.joined_on = D("2018-06-01");
    member.created_at = T("2026-01-02T03:04:05Z");
    member.updated_at = T("2026-01-02T03:04:05Z");
    return member;
  }

  // A new person of that name made a member of the group; returns the membership's id.
  std::int64_t AddMember(std::int64_t group_id, const std::string& name,
                         domain::groups::MemberRole role = domain::groups::MemberRole::kMember) {
    std::int64_t person = InsertPerson(name);
    if (person == 0) return 0;
    auto member = SampleMember(group_id, person, role);
    return Committed([&](UnitOfWork& unit) { return unit.Groups().InsertMember(member); });
  }
};

// Storage tests of a group's records: the group, and another that must never see them.
class TwoGroupsTest : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    group_ = InsertGroup("Harapan Sejahtera");
    other_group_ = InsertGroup("Lain");
    ASSERT_GT(group_, 0);
    ASSERT_GT(other_group_, 0);
  }

  std::int64_t group_ = 0, other_group_ = 0;
};

}  // namespace gotong::storage_tests
