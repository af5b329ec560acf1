// The scoping mechanism: who reaches which record. Every later context (enterprises, groups,
// programmes) decides access with Reaches, so each route of ownership is checked for a match
// and for each kind of mismatch.
#include "domain/accounts/access.hpp"

#include <gtest/gtest.h>

namespace gotong::domain::accounts {
namespace {

constexpr std::int64_t kSelf = 7;
constexpr std::int64_t kOther = 8;

Principal Make(Role role, std::optional<Scope> scope) {
  return Principal{kSelf, "someone", role, scope};
}

Ownership OwnedByStakeholders(std::vector<std::int64_t> ids) {
  Ownership o;
  o.stakeholder_ids = std::move(ids);
  return o;
}
Ownership OwnedByProgrammes(std::vector<std::int64_t> ids) {
  Ownership o;
  o.programme_ids = std::move(ids);
  return o;
}
Ownership OwnedByGroup(std::int64_t id) {
  Ownership o;
  o.group_id = id;
  return o;
}
Ownership OwnedByUser(std::int64_t id) {
  Ownership o;
  o.user_id = id;
  return o;
}
// Owned through every route at once, with ids none of the test principals hold (1000+).
Ownership OwnedByStrangers() {
  Ownership o;
  o.stakeholder_ids = {1001, 1002};
  o.programme_ids = {1003};
  o.group_id = 1004;
  o.user_id = kOther;
  return o;
}

TEST(Reaches, AdminReachesEverything) {
  Principal admin = Make(Role::kAdmin, std::nullopt);
  EXPECT_TRUE(Reaches(admin, Ownership{}));
  EXPECT_TRUE(Reaches(admin, OwnedByStrangers()));
  EXPECT_TRUE(Reaches(admin, OwnedByUser(kOther)));
  EXPECT_TRUE(Reaches(admin, OwnedByGroup(3)));
}

TEST(Reaches, EveryRoleReachesItsOwnRecordByUserId) {
  for (Role role : kAllRoles) {
    Principal principal = Make(role, std::nullopt);
    EXPECT_TRUE(Reaches(principal, OwnedByUser(kSelf))) << ToString(role);
    if (role != Role::kAdmin) {
      EXPECT_FALSE(Reaches(principal, OwnedByUser(kOther))) << ToString(role);
    }
  }
}

TEST(Reaches, OfficerReachesRecordsOfItsStakeholderOnly) {
  Principal officer = Make(Role::kOfficer, Scope{ScopeKind::kStakeholder, 3});
  EXPECT_TRUE(Reaches(officer, OwnedByStakeholders({3})));
  EXPECT_TRUE(Reaches(officer, OwnedByStakeholders({1, 2, 3})));  // one of several owners
  EXPECT_FALSE(Reaches(officer, OwnedByStakeholders({4})));
  EXPECT_FALSE(Reaches(officer, OwnedByStakeholders({})));
  // The same number in another kind of owner is a different owner.
  EXPECT_FALSE(Reaches(officer, OwnedByProgrammes({3})));
  EXPECT_FALSE(Reaches(officer, OwnedByGroup(3)));
  EXPECT_FALSE(Reaches(officer, OwnedByStrangers()));
}

TEST(Reaches, FacilitatorReachesRecordsOfItsProgrammeOnly) {
  Principal facilitator = Make(Role::kFacilitator, Scope{ScopeKind::kProgramme, 5});
  EXPECT_TRUE(Reaches(facilitator, OwnedByProgrammes({5})));
  EXPECT_TRUE(Reaches(facilitator, OwnedByProgrammes({9, 5})));
  EXPECT_FALSE(Reaches(facilitator, OwnedByProgrammes({6})));
  EXPECT_FALSE(Reaches(facilitator, OwnedByStakeholders({5})));
  EXPECT_FALSE(Reaches(facilitator, OwnedByGroup(5)));
  EXPECT_FALSE(Reaches(facilitator, OwnedByStrangers()));
}

TEST(Reaches, GroupRolesReachRecordsOfTheirGroupOnly) {
  for (Role role : {Role::kGroupLeader, Role::kMentor, Role::kMember}) {
    Principal principal = Make(role, Scope{ScopeKind::kGroup, 9});
    EXPECT_TRUE(Reaches(principal, OwnedByGroup(9))) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByGroup(10))) << ToString(role);
    EXPECT_FALSE(Reaches(principal, Ownership{})) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByStakeholders({9}))) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByProgrammes({9}))) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByStrangers())) << ToString(role);
  }
}

TEST(Reaches, RecordOwnedThroughSeveralRoutesIsReachedThroughAnyOfThem) {
  Ownership shared;
  shared.stakeholder_ids = {3};
  shared.programme_ids = {5};
  shared.group_id = 9;
  EXPECT_TRUE(Reaches(Make(Role::kOfficer, Scope{ScopeKind::kStakeholder, 3}), shared));
  EXPECT_TRUE(Reaches(Make(Role::kFacilitator, Scope{ScopeKind::kProgramme, 5}), shared));
  EXPECT_TRUE(Reaches(Make(Role::kMember, Scope{ScopeKind::kGroup, 9}), shared));
  EXPECT_FALSE(Reaches(Make(Role::kMember, Scope{ScopeKind::kGroup, 3}), shared));
}

TEST(Reaches, UnscopedNonAdminReachesNothingButItsOwnRecords) {
  for (Role role : kAllRoles) {
    if (role == Role::kAdmin) continue;
    Principal principal = Make(role, std::nullopt);
    EXPECT_FALSE(Reaches(principal, Ownership{})) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByStrangers())) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByStakeholders({0}))) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByProgrammes({0}))) << ToString(role);
    EXPECT_FALSE(Reaches(principal, OwnedByGroup(0))) << ToString(role);
  }
}

TEST(HasRole, MatchesAnyListedRole) {
  Principal mentor = Make(Role::kMentor, Scope{ScopeKind::kGroup, 1});
  EXPECT_TRUE(HasRole(mentor, {Role::kMentor}));
  EXPECT_TRUE(HasRole(mentor, {Role::kAdmin, Role::kMentor}));
  EXPECT_FALSE(HasRole(mentor, {Role::kAdmin, Role::kGroupLeader, Role::kMember}));
  EXPECT_FALSE(HasRole(mentor, {}));
}

TEST(Context, SystemAndAdminsAreAdmins) {
  EXPECT_TRUE(Context::System().IsAdmin());
  EXPECT_EQ(Context::System().request_id, "cli");
  EXPECT_EQ(Context::System("migrate").request_id, "migrate");
  Context anonymous;
  EXPECT_FALSE(anonymous.IsAdmin());
  for (Role role : kAllRoles) {
    Context context;
    context.principal = Make(role, std::nullopt);
    EXPECT_EQ(context.IsAdmin(), role == Role::kAdmin) << ToString(role);
  }
}

}  // namespace
}  // namespace gotong::domain::accounts
