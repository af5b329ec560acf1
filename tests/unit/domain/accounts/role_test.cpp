#include "domain/accounts/role.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace gotong::domain::accounts {
namespace {

TEST(Role, EveryRoleRoundTripsThroughItsName) {
  std::set<std::string> names;
  for (Role role : kAllRoles) {
    auto name = std::string(ToString(role));
    names.insert(name);
    auto parsed = ParseRole(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(*parsed, role);
  }
  EXPECT_EQ(names, (std::set<std::string>{"admin", "officer", "facilitator", "group_leader",
                                          "mentor", "member"}));
}

TEST(Role, ParseRejectsAnythingElse) {
  for (const char* text : {"", "Admin", "ADMIN", " admin", "admin ", "group-leader",
                           "groupleader", "root", "members"}) {
    EXPECT_FALSE(ParseRole(text).has_value()) << '"' << text << '"';
  }
}

TEST(ScopeKind, RoundTripsAndRejectsUnknown) {
  for (ScopeKind kind : {ScopeKind::kStakeholder, ScopeKind::kProgramme, ScopeKind::kGroup}) {
    auto parsed = ParseScopeKind(ToString(kind));
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(*parsed, kind);
  }
  EXPECT_EQ(ToString(ScopeKind::kStakeholder), "stakeholder");
  EXPECT_EQ(ToString(ScopeKind::kProgramme), "programme");
  EXPECT_EQ(ToString(ScopeKind::kGroup), "group");
  for (const char* text : {"", "Group", "program", "village", "groups"}) {
    EXPECT_FALSE(ParseScopeKind(text).has_value()) << text;
  }
}

TEST(ScopeKindFor, BindsEachRoleToOneKind) {
  EXPECT_FALSE(ScopeKindFor(Role::kAdmin).has_value());
  EXPECT_EQ(ScopeKindFor(Role::kOfficer), ScopeKind::kStakeholder);
  EXPECT_EQ(ScopeKindFor(Role::kFacilitator), ScopeKind::kProgramme);
  EXPECT_EQ(ScopeKindFor(Role::kGroupLeader), ScopeKind::kGroup);
  EXPECT_EQ(ScopeKindFor(Role::kMentor), ScopeKind::kGroup);
  EXPECT_EQ(ScopeKindFor(Role::kMember), ScopeKind::kGroup);
}

}  // namespace
}  // namespace gotong::domain::accounts
