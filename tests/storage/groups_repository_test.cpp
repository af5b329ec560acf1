#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/groups/groups.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::groups::Attendance;
using domain::groups::ComplianceSort;
using domain::groups::DecisionMethod;
using domain::groups::Deliberation;
using domain::groups::DeliberationOption;
using domain::groups::Group;
using domain::groups::GroupFilter;
using domain::groups::GroupKind;
using domain::groups::GroupStatus;
using domain::groups::HeldMeeting;
using domain::groups::Meeting;
using domain::groups::MeetingKind;
using domain::groups::MeetingStatus;
using domain::groups::MemberVote;
using domain::groups::MemberRole;
using domain::groups::Membership;
using domain::groups::Norm;
using domain::groups::Origin;
using domain::groups::Outcome;
using domain::groups::Presence;
using domain::groups::Topic;
using domain::groups::Vote;
using domain::registry::Sector;

GroupFilter Filter(void (*set)(GroupFilter&)) {
  GroupFilter filter;
  set(filter);
  return filter;
}
GroupFilter ByRegion(const std::string& region) {
  GroupFilter filter;
  filter.region = region;
  return filter;
}
GroupFilter ByName(const std::string& q) {
  GroupFilter filter;
  filter.q = q;
  return filter;
}

std::vector<std::string> Names(const std::vector<Group>& groups) {
  std::vector<std::string> names;
  for (const auto& group : groups) names.push_back(group.name);
  return names;
}

std::vector<std::string> Names(const std::vector<Membership>& members) {
  std::vector<std::string> names;
  for (const auto& member : members) names.push_back(member.person_name);
  return names;
}

// ---- groups -----------------------------------------------------------------------------------

class GroupRepository : public StorageTest {
 protected:
  Group FullGroup() {
    Group group;
    group.name = "Harapan Sejahtera \xE2\x80\x94 Ngajum";
    group.kind = GroupKind::kCooperative;
    group.sector = Sector::kBatik;
    group.business_centre = "sentra tape Ngajum";
    group.village_code = kBanjarsari;
    group.origin = Origin::kProgrammeFormed;
    group.programme_id = 9000000000;  // beyond 32 bits
    group.legality = "Keputusan Kepala Desa No. 12/2019";
    group.legality_date = D("2019-03-01");
    group.status = GroupStatus::kInactive;
    group.status_since = D("2024-02-29");
    group.founded_on = D("2018-06-01");
    group.sop_meetings_per_month = 4;
    group.created_at = T("2026-01-02T03:04:05Z");
    group.updated_at = T("2026-03-04T05:06:07Z");
    return group;
  }

  core::Page<Group> List(const GroupFilter& filter, core::PageRequest page = {}) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto result = unit->Groups().List(filter, page);
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : core::Page<Group>{};
  }

  std::int64_t InsertGroupWith(Group group) {
    return Committed([&](UnitOfWork& unit) { return unit.Groups().Insert(group); });
  }

  void ExpectSameGroup(const Group& found, const Group& written) {
    EXPECT_EQ(found.name, written.name);
    EXPECT_EQ(found.kind, written.kind);
    EXPECT_EQ(found.sector, written.sector);
    EXPECT_EQ(found.business_centre, written.business_centre);
    EXPECT_EQ(found.village_code, written.village_code);
    EXPECT_EQ(found.origin, written.origin);
    EXPECT_EQ(found.programme_id, written.programme_id);
    EXPECT_EQ(found.legality, written.legality);
    EXPECT_EQ(found.legality_date, written.legality_date);
    EXPECT_EQ(found.status, written.status);
    EXPECT_EQ(found.status_since, written.status_since);
    EXPECT_EQ(found.founded_on, written.founded_on);
    EXPECT_EQ(found.sop_meetings_per_month, written.sop_meetings_per_month);
    EXPECT_EQ(found.steward_id, written.steward_id);
    EXPECT_EQ(found.created_at, written.created_at);
    EXPECT_EQ(found.updated_at, written.updated_at);
  }

  // Inserts a held (or other) meeting on `day` and returns its id.
  std::int64_t InsertMeeting(std::int64_t group_id, const char* day,
                             MeetingStatus status = MeetingStatus::kHeld) {
    Meeting meeting;
    meeting.group_id = group_id;
    meeting.held_on = D(day);
    meeting.status = status;
    meeting.created_at = T("2026-01-02T03:04:05Z");
    meeting.updated_at = T("2026-01-02T03:04:05Z");
    return Committed([&](UnitOfWork& unit) { return unit.Meetings().Insert(meeting); });
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(GroupRepository);

TEST_P(GroupRepository, EveryFieldRoundTripsAndUpdateRewritesThem) {
  std::int64_t steward = Committed([](UnitOfWork& unit) {
    domain::registry::Stakeholder stakeholder;
    stakeholder.name = "Dinas Koperasi Kabupaten Malang";
    stakeholder.created_at = T("2026-01-02T03:04:05Z");
    stakeholder.updated_at = T("2026-01-02T03:04:05Z");
    return unit.Stakeholders().Insert(stakeholder);
  });
  Group group = FullGroup();
  group.steward_id = steward;
  std::int64_t id = InsertGroupWith(group);
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(Group found, unit->Groups().Find(id));
    EXPECT_EQ(found.id, id);
    ExpectSameGroup(found, group);
    EXPECT_EQ(found.active_members, 0);
  }

  // Every optional cleared, every other field changed.
  Group changed;
  changed.id = id;
  changed.name = "Harapan Baru";
  changed.kind = GroupKind::kLearningCommunity;
  changed.sector = Sector::kFoodProcessing;
  changed.village_code = kNgajum;
  changed.origin = Origin::kSelfInitiated;
  changed.status = GroupStatus::kDissolved;
  changed.status_since = D("2026-12-31");
  changed.sop_meetings_per_month = 31;
  changed.created_at = group.created_at;  // not rewritten
  changed.updated_at = T("2026-07-08T09:10:11Z");
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Groups().Update(changed));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Group found, unit->Groups().Find(id));
  ExpectSameGroup(found, changed);
  EXPECT_FALSE(found.business_centre.has_value());
  EXPECT_FALSE(found.programme_id.has_value());
  EXPECT_FALSE(found.legality.has_value());
  EXPECT_FALSE(found.legality_date.has_value());
  EXPECT_FALSE(found.founded_on.has_value());
  EXPECT_FALSE(found.steward_id.has_value());
}

TEST_P(GroupRepository, UncommittedUnitLeavesNothingBehind) {
  std::int64_t person = InsertPerson("Sulastri");
  std::int64_t group_id = 0;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(group_id, unit->Groups().Insert(FullGroup()));
    ASSERT_OK(unit->Groups().InsertMember(SampleMember(group_id, person)));
    // Seen inside its own unit…
    ASSERT_OK_AND_ASSIGN(Group inside, unit->Groups().Find(group_id));
    EXPECT_EQ(inside.active_members, 1);
  }  // …and gone when the unit ends without Commit().
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Groups().Find(group_id), ErrorCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Groups().List({}, {}));
  EXPECT_EQ(page.total, 0);
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM memberships"), 0);
}

TEST_P(GroupRepository, UnknownGroupIsNotFound) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Groups().Find(424242), ErrorCode::kNotFound);
}

TEST_P(GroupRepository, ActiveMembersCountsOnlyThoseWhoHaveNotLeft) {
  std::int64_t group = InsertGroup("Harapan");
  std::int64_t other = InsertGroup("Lain");
  ASSERT_GT(AddMember(group, "Sulastri"), 0);
  ASSERT_GT(AddMember(group, "Sutini"), 0);
  ASSERT_GT(AddMember(other, "Painem"), 0);
  Membership left = SampleMember(group, InsertPerson("Tukini"));
  left.left_on = D("2025-01-31");
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Groups().InsertMember(left); }), 0);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Group found, unit->Groups().Find(group));
  EXPECT_EQ(found.active_members, 2);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Groups().List({}, {}));
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].name, "Harapan");
  EXPECT_EQ(page.items[0].active_members, 2);
  EXPECT_EQ(page.items[1].active_members, 1);
}

TEST_P(GroupRepository, ListPagesByNameIgnoringCaseWithTotal) {
  for (const char* name : {"citra", "Ani", "eko", "Budi", "dewi"}) ASSERT_GT(InsertGroup(name), 0);
  auto page = List({}, {2, 1});
  EXPECT_EQ(page.total, 5);
  EXPECT_EQ(page.limit, 2);
  EXPECT_EQ(page.offset, 1);
  EXPECT_EQ(Names(page.items), (std::vector<std::string>{"Budi", "citra"}));

  auto past_end = List({}, {10, 5});
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 5);
}

TEST_P(GroupRepository, RegionPrefixMatchesWholeCodeSegmentsOnly) {
  ASSERT_GT(InsertGroup("Banjarsari", kBanjarsari), 0);
  ASSERT_GT(InsertGroup("Ngajum", kNgajum), 0);
  ASSERT_GT(InsertGroup("Kota", kKotaMalangVillage), 0);

  EXPECT_EQ(Names(List(ByRegion("35.07.20")).items),
            (std::vector<std::string>{"Banjarsari", "Ngajum"}));
  EXPECT_EQ(Names(List(ByRegion("35")).items),
            (std::vector<std::string>{"Banjarsari", "Kota", "Ngajum"}));
  EXPECT_EQ(Names(List(ByRegion(kBanjarsari)).items),
            (std::vector<std::string>{"Banjarsari"}));
  // Lookalikes: a code that merely starts the same is not a parent.
  EXPECT_EQ(List(ByRegion("35.07.2")).total, 0) << "35.07.2 is not 35.07.20";
  EXPECT_EQ(List(ByRegion("35.7")).total, 0) << "35.7 is not 35.79";
  EXPECT_EQ(List(ByRegion("35.07.20.200")).total, 0);
  // LIKE wildcards in the region are literal.
  EXPECT_EQ(List(ByRegion("35.07.2_")).total, 0);
  EXPECT_EQ(List(ByRegion("35.%")).total, 0);
}

TEST_P(GroupRepository, SearchIsCaseInsensitiveAndTreatsLikeWildcardsLiterally) {
  for (const char* name : {"Maju 100% Jaya", "Maju 1000 Jaya", "Tani_Makmur", "TaniXMakmur"}) {
    ASSERT_GT(InsertGroup(name), 0);
  }
  EXPECT_EQ(Names(List(ByName("100%")).items), (std::vector<std::string>{"Maju 100% Jaya"}));
  EXPECT_EQ(Names(List(ByName("i_m")).items), (std::vector<std::string>{"Tani_Makmur"}));
  EXPECT_EQ(List(ByName("maju")).total, 2);
  EXPECT_EQ(List(ByName("%")).total, 1);
  EXPECT_EQ(List(ByName("_")).total, 1);
}

TEST_P(GroupRepository, ListFiltersKindStatusProgrammeAndId) {
  Group a = FullGroup();
  a.name = "A";
  a.kind = GroupKind::kCooperative;
  a.status = GroupStatus::kActive;
  a.programme_id = 7;
  Group b = FullGroup();
  b.name = "B";
  b.kind = GroupKind::kLearningCommunity;
  b.status = GroupStatus::kDissolved;
  b.programme_id = 7;
  Group c = FullGroup();
  c.name = "C";
  c.kind = GroupKind::kCooperative;
  c.status = GroupStatus::kEmbryo;
  c.programme_id.reset();
  std::int64_t a_id = InsertGroupWith(a);
  InsertGroupWith(b);
  InsertGroupWith(c);

  EXPECT_EQ(Names(List(Filter([](GroupFilter& f) { f.kind = GroupKind::kCooperative; })).items),
            (std::vector<std::string>{"A", "C"}));
  EXPECT_EQ(Names(List(Filter([](GroupFilter& f) { f.status = GroupStatus::kDissolved; })).items),
            (std::vector<std::string>{"B"}));
  EXPECT_EQ(Names(List(Filter([](GroupFilter& f) { f.include_dissolved = false; })).items),
            (std::vector<std::string>{"A", "C"}));
  EXPECT_EQ(Names(List(Filter([](GroupFilter& f) { f.programme_id = 7; })).items), (std::vector<std::string>{"A", "B"}));
  GroupFilter by_id;
  by_id.group_id = a_id;
  EXPECT_EQ(Names(List(by_id).items), (std::vector<std::string>{"A"}));
  EXPECT_EQ(List(Filter([](GroupFilter& f) {
              f.kind = GroupKind::kCooperative;
              f.programme_id = 7;
            })).total, 1);
}

TEST_P(GroupRepository, StoredSectorThisVersionCannotReadIsAnError) {
  std::int64_t id = InsertGroup("Harapan");
  ASSERT_OK(test_database().Execute("UPDATE groups SET sector = 'mystery' WHERE id = " +
                                    std::to_string(id)));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  auto found = unit->Groups().Find(id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kInternal);
  EXPECT_NE(found.error().message.find("mystery"), std::string::npos) << found.error().message;
  EXPECT_ERROR_CODE(unit->Groups().List({}, {}), ErrorCode::kInternal);
}

TEST_P(GroupRepository, ComplianceCountsHeldMeetingsInRangeIntoBandsAndPages) {
  // SOP 2 a month over one month (November 2026): 2 held = met, 1 = partial; SOP 4 with 1 = low.
  Group base = FullGroup();
  base.sop_meetings_per_month = 2;
  base.name = "Met";
  std::int64_t met = InsertGroupWith(base);
  base.name = "Partial";
  std::int64_t partial = InsertGroupWith(base);
  base.name = "None";
  std::int64_t none = InsertGroupWith(base);
  base.name = "Low";
  base.sop_meetings_per_month = 4;
  std::int64_t low = InsertGroupWith(base);
  InsertMeeting(met, "2026-11-01");
  InsertMeeting(met, "2026-11-30");
  InsertMeeting(partial, "2026-11-15");
  InsertMeeting(partial, "2026-10-31");                          // before the range
  InsertMeeting(partial, "2026-12-01");                          // after it
  InsertMeeting(partial, "2026-11-16", MeetingStatus::kPlanned);  // not held
  InsertMeeting(partial, "2026-11-17", MeetingStatus::kCancelled);
  InsertMeeting(low, "2026-11-20");
  InsertMeeting(none, "2026-10-20");

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  auto table = [&](ComplianceSort sort, core::PageRequest page) {
    return unit->Groups().Compliance({}, D("2026-11-01"), D("2026-11-30"), 1, sort, page);
  };
  ASSERT_OK_AND_ASSIGN(auto least, table(ComplianceSort::kPercent, {}));
  EXPECT_EQ(least.total, 4);
  EXPECT_EQ(least.bands.met, 1);
  EXPECT_EQ(least.bands.partial, 1);
  EXPECT_EQ(least.bands.low, 1);
  EXPECT_EQ(least.bands.none, 1);
  ASSERT_EQ(least.rows.size(), 4u);
  std::vector<std::int64_t> order;
  for (const auto& row : least.rows) order.push_back(row.group_id);
  EXPECT_EQ(order, (std::vector<std::int64_t>{none, low, partial, met}));
  EXPECT_EQ(least.rows[1].held, 1);
  EXPECT_EQ(least.rows[1].required, 4);
  EXPECT_EQ(least.rows[2].held, 1) << "planned, cancelled and out-of-range meetings do not count";
  EXPECT_EQ(least.rows[3].held, 2);
  EXPECT_EQ(least.rows[3].name, "Met");
  EXPECT_EQ(least.rows[3].village_code, kBanjarsari);

  ASSERT_OK_AND_ASSIGN(auto most, table(ComplianceSort::kPercentDesc, {1, 0}));
  ASSERT_EQ(most.rows.size(), 1u);
  EXPECT_EQ(most.rows[0].group_id, met);
  EXPECT_EQ(most.total, 4);
  EXPECT_EQ(most.bands.low, 1);

  ASSERT_OK_AND_ASSIGN(auto by_name, table(ComplianceSort::kName, {2, 1}));
  ASSERT_EQ(by_name.rows.size(), 2u);
  EXPECT_EQ(by_name.rows[0].name, "Met");
  EXPECT_EQ(by_name.rows[1].name, "None");

  // A page past the end still carries the totals and bands of every matching group.
  ASSERT_OK_AND_ASSIGN(auto past_end, table(ComplianceSort::kPercent, {10, 20}));
  EXPECT_TRUE(past_end.rows.empty());
  EXPECT_EQ(past_end.total, 4);
  EXPECT_EQ(past_end.bands.met, 1);
  EXPECT_EQ(past_end.bands.partial, 1);
  EXPECT_EQ(past_end.bands.low, 1);
  EXPECT_EQ(past_end.bands.none, 1);

  // The same filter as List: nothing matches, zeros everywhere.
  ASSERT_OK_AND_ASSIGN(auto nothing,
                       unit->Groups().Compliance(ByRegion("12"), D("2026-11-01"),
                                                 D("2026-11-30"), 1, ComplianceSort::kPercent, {}));
  EXPECT_TRUE(nothing.rows.empty());
  EXPECT_EQ(nothing.total, 0);
  EXPECT_EQ(nothing.bands.none, 0);
}

// ---- members ----------------------------------------------------------------------------------

class MemberRepository : public TwoGroupsTest {
 protected:
  core::Result<std::int64_t> TryInsert(const Membership& member) {
    auto unit = Begin(Access::kWrite);
    if (!unit) return core::Error::Internal("no unit");
    auto id = unit->Groups().InsertMember(member);
    if (id.ok()) EXPECT_OK(unit->Commit());
    return id;
  }

  core::Page<Membership> ListMembers(bool include_left, core::PageRequest page = {}) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto result = unit->Groups().ListMembers(group_, include_left, page);
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : core::Page<Membership>{};
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(MemberRepository);

TEST_P(MemberRepository, EveryFieldRoundTripsWithPersonAndEnterpriseNames) {
  std::int64_t person = InsertPerson("Sulastri");
  std::int64_t user = InsertUser(SampleUser("sulastri"));
  std::int64_t enterprise = Committed([&](UnitOfWork& unit) {
    domain::registry::Enterprise e;
    e.owner_id = person;
    e.name = "Tape Bu Las";
    e.sector = Sector::kFoodProcessing;
    e.village_code = kBanjarsari;
    e.created_at = T("2026-01-02T03:04:05Z");
    e.updated_at = T("2026-01-02T03:04:05Z");
    return unit.Enterprises().Insert(e);
  });
  Membership member = SampleMember(group_, person, MemberRole::kTreasurer);
  member.enterprise_id = enterprise;
  member.mentor = true;
  member.local_hero = true;
  member.joined_on = D("2018-02-28");
  member.left_on = D("2024-02-29");
  member.user_id = user;
  member.updated_at = T("2026-05-06T07:08:09Z");
  ASSERT_OK_AND_ASSIGN(std::int64_t id, TryInsert(member));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Membership found, unit->Groups().FindMember(group_, id));
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.person_id, person);
  EXPECT_EQ(found.person_name, "Sulastri");
  EXPECT_EQ(found.enterprise_id, enterprise);
  EXPECT_EQ(found.enterprise_name, "Tape Bu Las");
  EXPECT_EQ(found.role, MemberRole::kTreasurer);
  EXPECT_TRUE(found.mentor);
  EXPECT_TRUE(found.local_hero);
  EXPECT_EQ(found.joined_on, D("2018-02-28"));
  EXPECT_EQ(found.left_on, D("2024-02-29"));
  EXPECT_EQ(found.user_id, user);
  EXPECT_EQ(found.created_at, T("2026-01-02T03:04:05Z"));
  EXPECT_EQ(found.updated_at, T("2026-05-06T07:08:09Z"));
}

TEST_P(MemberRepository, MemberWithoutEnterpriseOrAccountReadsBackEmpty) {
  std::int64_t id = AddMember(group_, "Painem");
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Membership found, unit->Groups().FindMember(group_, id));
  EXPECT_FALSE(found.enterprise_id.has_value());
  EXPECT_EQ(found.enterprise_name, "");
  EXPECT_FALSE(found.user_id.has_value());
  EXPECT_FALSE(found.left_on.has_value());
  EXPECT_FALSE(found.mentor);
  EXPECT_FALSE(found.local_hero);
}

TEST_P(MemberRepository, PersonAlreadyInTheGroupIsAlreadyExistsOnPersonId) {
  std::int64_t person = InsertPerson("Sulastri");
  ASSERT_OK(TryInsert(SampleMember(group_, person)));
  auto again = TryInsert(SampleMember(group_, person, MemberRole::kLeader));
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(again.error().fields.size(), 1u);
  EXPECT_EQ(again.error().fields[0].field, "person_id");
  // The same person may belong to another group.
  EXPECT_OK(TryInsert(SampleMember(other_group_, person)));
}

TEST_P(MemberRepository, AccountActingAsASecondMemberIsAlreadyExistsOnUserId) {
  std::int64_t user = InsertUser(SampleUser("sulastri"));
  Membership first = SampleMember(group_, InsertPerson("Sulastri"));
  first.user_id = user;
  ASSERT_OK(TryInsert(first));

  Membership second = SampleMember(group_, InsertPerson("Sutini"));
  second.user_id = user;
  auto taken = TryInsert(second);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(taken.error().fields.size(), 1u);
  EXPECT_EQ(taken.error().fields[0].field, "user_id");

  // Linking her by an update is refused the same way.
  second.user_id.reset();
  ASSERT_OK_AND_ASSIGN(second.id, TryInsert(second));
  second.user_id = user;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto update = unit->Groups().UpdateMember(second);
    ASSERT_FALSE(update.ok());
    EXPECT_EQ(update.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(update.error().fields.size(), 1u);
    EXPECT_EQ(update.error().fields[0].field, "user_id");
  }
  // In another group the same account may act for someone.
  Membership elsewhere = SampleMember(other_group_, InsertPerson("Painem"));
  elsewhere.user_id = user;
  EXPECT_OK(TryInsert(elsewhere));
}

TEST_P(MemberRepository, ConstraintsRefuseUnknownPersonAndLeavingBeforeJoining) {
  EXPECT_FALSE(TryInsert(SampleMember(group_, 424242)).ok()) << "unknown person";
  EXPECT_FALSE(TryInsert(SampleMember(424242, InsertPerson("Sutini"))).ok()) << "unknown group";
  Membership early = SampleMember(group_, InsertPerson("Painem"));
  early.left_on = D("2018-05-31");  // the day before she joined
  EXPECT_FALSE(TryInsert(early).ok());
  early.left_on = early.joined_on;  // leaving on the day she joined is allowed
  EXPECT_OK(TryInsert(early));
}

TEST_P(MemberRepository, UpdateRewritesEveryWritableField) {
  std::int64_t id = AddMember(group_, "Sulastri");
  std::int64_t user = InsertUser(SampleUser("sulastri"));
  Membership changed;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(changed, unit->Groups().FindMember(group_, id));
    changed.role = MemberRole::kLeader;
    changed.mentor = true;
    changed.joined_on = D("2019-01-01");
    changed.left_on = D("2026-11-30");
    changed.user_id = user;
    changed.updated_at = T("2026-12-01T00:00:00Z");
    ASSERT_OK(unit->Groups().UpdateMember(changed));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Membership found, unit->Groups().FindMember(group_, id));
  EXPECT_EQ(found.role, MemberRole::kLeader);
  EXPECT_TRUE(found.mentor);
  EXPECT_FALSE(found.local_hero);
  EXPECT_EQ(found.joined_on, D("2019-01-01"));
  EXPECT_EQ(found.left_on, D("2026-11-30"));
  EXPECT_EQ(found.user_id, user);
  EXPECT_EQ(found.updated_at, T("2026-12-01T00:00:00Z"));
  EXPECT_EQ(found.created_at, T("2026-01-02T03:04:05Z"));
}

TEST_P(MemberRepository, MembersListActiveFirstThenOfficersInOrderThenByName) {
  // Inserted in an order unlike the one promised.
  std::int64_t zaenab = AddMember(group_, "Zaenab");
  std::int64_t ani_left = 0;
  {
    Membership left = SampleMember(group_, InsertPerson("Ani"), MemberRole::kLeader);
    left.left_on = D("2020-01-01");
    ani_left = Committed([&](UnitOfWork& unit) { return unit.Groups().InsertMember(left); });
  }
  std::int64_t treasurer = AddMember(group_, "Bu Treasurer", MemberRole::kTreasurer);
  std::int64_t budi = AddMember(group_, "budi");
  std::int64_t secretary = AddMember(group_, "Yuni", MemberRole::kSecretary);
  std::int64_t leader = AddMember(group_, "Wati", MemberRole::kLeader);
  std::int64_t citra = AddMember(group_, "Citra");
  ASSERT_GT(AddMember(other_group_, "Aan"), 0);  // another group's member is never listed

  auto all = ListMembers(true);
  EXPECT_EQ(all.total, 7);
  std::vector<std::int64_t> ids;
  for (const auto& member : all.items) ids.push_back(member.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{leader, secretary, treasurer, budi, citra, zaenab,
                                            ani_left}))
      << ::testing::PrintToString(Names(all.items));

  auto active = ListMembers(false);
  EXPECT_EQ(active.total, 6);
  EXPECT_EQ(Names(active.items), (std::vector<std::string>{"Wati", "Yuni", "Bu Treasurer", "budi",
                                                           "Citra", "Zaenab"}));

  auto page = ListMembers(false, {2, 3});
  EXPECT_EQ(page.total, 6);
  EXPECT_EQ(Names(page.items), (std::vector<std::string>{"budi", "Citra"}));
  auto past_end = ListMembers(true, {5, 7});
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 7);
}

TEST_P(MemberRepository, MemberOfAnotherGroupIsNotFound) {
  std::int64_t elsewhere = AddMember(other_group_, "Painem");
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Groups().FindMember(group_, elsewhere), ErrorCode::kNotFound);
  EXPECT_ERROR_CODE(unit->Groups().FindMember(group_, 424242), ErrorCode::kNotFound);
  EXPECT_OK(unit->Groups().FindMember(other_group_, elsewhere));
}

TEST_P(MemberRepository, FindMembersReturnsOnlyTheGroupsOwnAmongTheIds) {
  std::int64_t a = AddMember(group_, "Sulastri");
  std::int64_t b = AddMember(group_, "Sutini", MemberRole::kLeader);
  ASSERT_GT(AddMember(group_, "Suwarni"), 0);
  std::int64_t elsewhere = AddMember(other_group_, "Painem");
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto found, unit->Groups().FindMembers(group_, {a, elsewhere, 424242, b}));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].id, b) << "in the list's order: the leader first";
  EXPECT_EQ(found[1].id, a);
  ASSERT_OK_AND_ASSIGN(auto none, unit->Groups().FindMembers(group_, {}));
  EXPECT_TRUE(none.empty());
}

TEST_P(MemberRepository, OfficeHolderIsTheCurrentOneNotWhoLeft) {
  Membership former = SampleMember(group_, InsertPerson("Ani"), MemberRole::kLeader);
  former.left_on = D("2020-01-01");
  ASSERT_OK(TryInsert(former));
  ASSERT_GT(AddMember(other_group_, "Leader Elsewhere", MemberRole::kLeader), 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(auto nobody, unit->Groups().OfficeHolder(group_, MemberRole::kLeader));
    EXPECT_FALSE(nobody.has_value());
  }
  std::int64_t leader = AddMember(group_, "Wati", MemberRole::kLeader);
  ASSERT_GT(AddMember(group_, "Yuni", MemberRole::kSecretary), 0);
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto holder, unit->Groups().OfficeHolder(group_, MemberRole::kLeader));
  ASSERT_TRUE(holder.has_value());
  EXPECT_EQ(holder->id, leader);
  ASSERT_OK_AND_ASSIGN(auto treasurer, unit->Groups().OfficeHolder(group_, MemberRole::kTreasurer));
  EXPECT_FALSE(treasurer.has_value());
}

TEST_P(MemberRepository, MemberOfUserFindsHerLinkInThatGroupEvenAfterSheLeft) {
  std::int64_t user = InsertUser(SampleUser("sulastri"));
  Membership member = SampleMember(group_, InsertPerson("Sulastri"));
  member.user_id = user;
  member.left_on = D("2025-01-01");
  ASSERT_OK_AND_ASSIGN(std::int64_t id, TryInsert(member));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto found, unit->Groups().MemberOfUser(group_, user));
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, id);
  ASSERT_OK_AND_ASSIGN(auto elsewhere, unit->Groups().MemberOfUser(other_group_, user));
  EXPECT_FALSE(elsewhere.has_value());
  ASSERT_OK_AND_ASSIGN(auto stranger, unit->Groups().MemberOfUser(group_, 424242));
  EXPECT_FALSE(stranger.has_value());
}

// ---- meetings ---------------------------------------------------------------------------------

class MeetingRepository : public TwoGroupsTest {
 protected:
  Meeting SampleMeeting(const char* day, std::int64_t group_id = 0) {
    Meeting meeting;
    meeting.group_id = group_id == 0 ? group_ : group_id;
    meeting.held_on = D(day);
    meeting.created_at = T("2026-01-02T03:04:05Z");
    meeting.updated_at = T("2026-01-02T03:04:05Z");
    return meeting;
  }

  std::int64_t InsertMeeting(const Meeting& meeting) {
    return Committed([&](UnitOfWork& unit) { return unit.Meetings().Insert(meeting); });
  }

  core::Status Attend(std::int64_t meeting, const std::vector<Attendance>& lines) {
    auto unit = Begin(Access::kWrite);
    if (!unit) return core::Error::Internal("no unit");
    GOTONG_RETURN_IF_ERROR(unit->Meetings().ReplaceAttendance(meeting, lines));
    return unit->Commit();
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(MeetingRepository);

TEST_P(MeetingRepository, EveryFieldRoundTripsAndOptionalsClear) {
  std::int64_t host = AddMember(group_, "Sulastri");
  Meeting meeting = SampleMeeting("2026-02-28");
  meeting.kind = MeetingKind::kInformal;
  meeting.status = MeetingStatus::kPlanned;
  meeting.venue = "rumah Bu Sulastri";
  meeting.host_member_id = host;
  meeting.agenda = "Harga tape \xE2\x80\x94 2026";
  meeting.minutes = "Sepakat.\nTidak ada keberatan.";
  meeting.updated_at = T("2026-03-01T10:00:00Z");
  std::int64_t id = InsertMeeting(meeting);
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(Meeting found, unit->Meetings().Find(group_, id));
    EXPECT_EQ(found.id, id);
    EXPECT_EQ(found.group_id, group_);
    EXPECT_EQ(found.kind, MeetingKind::kInformal);
    EXPECT_EQ(found.held_on, D("2026-02-28"));
    EXPECT_EQ(found.status, MeetingStatus::kPlanned);
    EXPECT_EQ(found.venue, meeting.venue);
    EXPECT_EQ(found.host_member_id, host);
    EXPECT_EQ(found.agenda, meeting.agenda);
    EXPECT_EQ(found.minutes, meeting.minutes);
    EXPECT_EQ(found.created_at, meeting.created_at);
    EXPECT_EQ(found.updated_at, meeting.updated_at);
    EXPECT_EQ(found.present + found.excused + found.absent, 0);
  }
  Meeting changed = SampleMeeting("2026-03-01");
  changed.id = id;
  changed.status = MeetingStatus::kHeld;
  changed.updated_at = T("2026-03-02T10:00:00Z");
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Meetings().Update(changed));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Meeting found, unit->Meetings().Find(group_, id));
  EXPECT_EQ(found.kind, MeetingKind::kFormal);
  EXPECT_EQ(found.held_on, D("2026-03-01"));
  EXPECT_EQ(found.status, MeetingStatus::kHeld);
  EXPECT_FALSE(found.venue.has_value());
  EXPECT_FALSE(found.host_member_id.has_value());
  EXPECT_FALSE(found.agenda.has_value());
  EXPECT_FALSE(found.minutes.has_value());
  EXPECT_EQ(found.updated_at, T("2026-03-02T10:00:00Z"));
}

TEST_P(MeetingRepository, MeetingOfAnotherGroupIsNotFound) {
  std::int64_t id = InsertMeeting(SampleMeeting("2026-02-01", other_group_));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Meetings().Find(group_, id), ErrorCode::kNotFound);
  EXPECT_OK(unit->Meetings().Find(other_group_, id));
}

TEST_P(MeetingRepository, AttendanceIsReplacedAndCountedPresentExcusedAbsent) {
  std::int64_t sulastri = AddMember(group_, "Sulastri");
  std::int64_t ani = AddMember(group_, "Ani");
  std::int64_t tukini = AddMember(group_, "Tukini");
  std::int64_t budi = AddMember(group_, "Budi");
  std::int64_t meeting = InsertMeeting(SampleMeeting("2026-02-01"));
  ASSERT_OK(Attend(meeting, {{sulastri, Presence::kPresent, ""},
                             {ani, Presence::kAbsent, ""},
                             {tukini, Presence::kPresent, ""}}));
  ASSERT_OK(Attend(meeting, {{sulastri, Presence::kPresent, ""},
                             {tukini, Presence::kExcused, ""},
                             {budi, Presence::kAbsent, ""},
                             {ani, Presence::kAbsent, ""}}));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Meeting found, unit->Meetings().Find(group_, meeting));
  EXPECT_EQ(found.present, 1);
  EXPECT_EQ(found.excused, 1);
  EXPECT_EQ(found.absent, 2);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Meetings().List(group_, std::nullopt, std::nullopt, {}));
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].present, 1);
  EXPECT_EQ(page.items[0].excused, 1);
  EXPECT_EQ(page.items[0].absent, 2);

  ASSERT_OK_AND_ASSIGN(auto lines, unit->Meetings().AttendanceOf(meeting));
  ASSERT_EQ(lines.size(), 4u);  // by name
  EXPECT_EQ(lines[0].member_id, ani);
  EXPECT_EQ(lines[0].person_name, "Ani");
  EXPECT_EQ(lines[0].presence, Presence::kAbsent);
  EXPECT_EQ(lines[1].person_name, "Budi");
  EXPECT_EQ(lines[2].person_name, "Sulastri");
  EXPECT_EQ(lines[2].presence, Presence::kPresent);
  EXPECT_EQ(lines[3].person_name, "Tukini");
  EXPECT_EQ(lines[3].presence, Presence::kExcused);

  ASSERT_OK_AND_ASSIGN(auto none, unit->Meetings().AttendanceOf(424242));
  EXPECT_TRUE(none.empty());
}

TEST_P(MeetingRepository, AttendanceRefusesAMemberTwiceOrAnUnknownMember) {
  std::int64_t sulastri = AddMember(group_, "Sulastri");
  std::int64_t meeting = InsertMeeting(SampleMeeting("2026-02-01"));
  EXPECT_FALSE(Attend(meeting, {{sulastri, Presence::kPresent, ""},
                                {sulastri, Presence::kAbsent, ""}})
                   .ok());
  EXPECT_FALSE(Attend(meeting, {{424242, Presence::kPresent, ""}}).ok());
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto lines, unit->Meetings().AttendanceOf(meeting));
  EXPECT_TRUE(lines.empty()) << "a refused replacement leaves nothing behind";
}

TEST_P(MeetingRepository, ListIsNewestFirstWithinInclusiveBoundsAndPages) {
  std::int64_t jan31 = InsertMeeting(SampleMeeting("2026-01-31"));
  std::int64_t feb1a = InsertMeeting(SampleMeeting("2026-02-01"));
  std::int64_t feb1b = InsertMeeting(SampleMeeting("2026-02-01"));
  std::int64_t feb28 = InsertMeeting(SampleMeeting("2026-02-28"));
  std::int64_t mar1 = InsertMeeting(SampleMeeting("2026-03-01"));
  InsertMeeting(SampleMeeting("2026-02-10", other_group_));

  auto ids = [](const core::Page<Meeting>& page) {
    std::vector<std::int64_t> out;
    for (const auto& meeting : page.items) out.push_back(meeting.id);
    return out;
  };
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Meetings().List(group_, std::nullopt, std::nullopt, {}));
  EXPECT_EQ(all.total, 5);
  EXPECT_EQ(ids(all), (std::vector<std::int64_t>{mar1, feb28, feb1b, feb1a, jan31}));

  ASSERT_OK_AND_ASSIGN(auto february,
                       unit->Meetings().List(group_, D("2026-02-01"), D("2026-02-28"), {}));
  EXPECT_EQ(february.total, 3);
  EXPECT_EQ(ids(february), (std::vector<std::int64_t>{feb28, feb1b, feb1a}));

  ASSERT_OK_AND_ASSIGN(auto from, unit->Meetings().List(group_, D("2026-02-28"), std::nullopt, {}));
  EXPECT_EQ(ids(from), (std::vector<std::int64_t>{mar1, feb28}));
  ASSERT_OK_AND_ASSIGN(auto to, unit->Meetings().List(group_, std::nullopt, D("2026-01-31"), {}));
  EXPECT_EQ(ids(to), (std::vector<std::int64_t>{jan31}));

  ASSERT_OK_AND_ASSIGN(auto page, unit->Meetings().List(group_, std::nullopt, std::nullopt, {2, 1}));
  EXPECT_EQ(page.total, 5);
  EXPECT_EQ(ids(page), (std::vector<std::int64_t>{feb28, feb1b}));
  ASSERT_OK_AND_ASSIGN(auto past_end,
                       unit->Meetings().List(group_, std::nullopt, std::nullopt, {2, 5}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 5);
}

TEST_P(MeetingRepository, HeldCountsOnlyHeldMeetingsInRangeOldestFirst) {
  std::int64_t a = AddMember(group_, "Sulastri");
  std::int64_t b = AddMember(group_, "Sutini");
  std::int64_t c = AddMember(group_, "Suwarni");
  std::int64_t late = InsertMeeting(SampleMeeting("2026-02-28"));
  std::int64_t early = InsertMeeting(SampleMeeting("2026-02-01"));
  Meeting planned = SampleMeeting("2026-02-10");
  planned.status = MeetingStatus::kPlanned;
  Meeting cancelled = SampleMeeting("2026-02-11");
  cancelled.status = MeetingStatus::kCancelled;
  InsertMeeting(planned);
  InsertMeeting(cancelled);
  InsertMeeting(SampleMeeting("2026-01-31"));
  InsertMeeting(SampleMeeting("2026-03-01"));
  InsertMeeting(SampleMeeting("2026-02-15", other_group_));
  std::int64_t unrecorded = InsertMeeting(SampleMeeting("2026-02-14"));
  ASSERT_OK(Attend(early, {{a, Presence::kPresent, ""}, {b, Presence::kPresent, ""},
                           {c, Presence::kExcused, ""}}));
  ASSERT_OK(Attend(late, {{a, Presence::kAbsent, ""}, {b, Presence::kPresent, ""}}));
  ASSERT_GT(unrecorded, 0);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto held, unit->Meetings().Held(group_, D("2026-02-01"), D("2026-02-28")));
  ASSERT_EQ(held.size(), 3u);
  EXPECT_EQ(held[0].held_on, D("2026-02-01"));
  EXPECT_EQ(held[0].present, 2);
  EXPECT_EQ(held[0].recorded, 3);
  EXPECT_EQ(held[1].held_on, D("2026-02-14"));
  EXPECT_EQ(held[1].present, 0);
  EXPECT_EQ(held[1].recorded, 0);
  EXPECT_EQ(held[2].held_on, D("2026-02-28"));
  EXPECT_EQ(held[2].present, 1);
  EXPECT_EQ(held[2].recorded, 2);
}

TEST_P(MeetingRepository, HostMustBeAKnownMember) {
  Meeting meeting = SampleMeeting("2026-02-01");
  meeting.host_member_id = 424242;
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->Meetings().Insert(meeting).ok());
}

// ---- deliberations, votes and norms -----------------------------------------------------------

class DeliberationRepository : public TwoGroupsTest {
 protected:
  Deliberation SampleDeliberation(const std::string& title, std::vector<std::string> labels = {},
                                  std::int64_t group_id = 0) {
    Deliberation d;
    d.group_id = group_id == 0 ? group_ : group_id;
    d.title = title;
    d.topic = Topic::kPrice;
    d.method = DecisionMethod::kVote;
    for (auto& label : labels) d.options.push_back({0, std::move(label), 0, {}});
    d.created_at = T("2026-02-01T09:00:00Z");
    d.updated_at = T("2026-02-01T09:00:00Z");
    return d;
  }

  Deliberation Insert(const Deliberation& d) {
    auto unit = Begin(Access::kWrite);
    if (!unit) return {};
    auto saved = unit->Deliberations().Insert(d);
    EXPECT_TRUE(saved.ok()) << saved.error().message;
    EXPECT_OK(unit->Commit());
    return saved.ok() ? *saved : Deliberation{};
  }

  core::Status CastVote(std::int64_t deliberation, std::int64_t member,
                        std::optional<std::int64_t> option) {
    auto unit = Begin(Access::kWrite);
    if (!unit) return core::Error::Internal("no unit");
    Vote vote;
    vote.member_id = member;
    vote.option_id = option;
    GOTONG_RETURN_IF_ERROR(
        unit->Deliberations().InsertVote(deliberation, vote, T("2026-02-02T10:00:00Z")));
    return unit->Commit();
  }

  Deliberation Find(std::int64_t id) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto found = unit->Deliberations().Find(group_, id);
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? *found : Deliberation{};
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(DeliberationRepository);

TEST_P(DeliberationRepository, InsertFillsOptionIdsAndFindReadsEveryFieldBack) {
  std::int64_t meeting = Committed([&](UnitOfWork& unit) {
    Meeting m;
    m.group_id = group_;
    m.held_on = D("2026-02-01");
    m.created_at = T("2026-02-01T08:00:00Z");
    m.updated_at = T("2026-02-01T08:00:00Z");
    return unit.Meetings().Insert(m);
  });
  Deliberation d = SampleDeliberation("Harga tape", {"Rp 10.000", "Rp 12.000", "Rp 15.000"});
  d.meeting_id = meeting;
  d.description = "Harga seragam \xE2\x80\x94 per kilo";
  d.topic = Topic::kMarketAreas;
  d.method = DecisionMethod::kConsensus;
  d.updated_at = T("2026-02-01T09:30:00Z");
  Deliberation saved = Insert(d);
  ASSERT_GT(saved.id, 0);
  ASSERT_EQ(saved.options.size(), 3u);
  EXPECT_GT(saved.options[0].id, 0);
  EXPECT_NE(saved.options[0].id, saved.options[1].id);
  EXPECT_NE(saved.options[1].id, saved.options[2].id);

  Deliberation found = Find(saved.id);
  EXPECT_EQ(found.id, saved.id);
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.meeting_id, meeting);
  EXPECT_EQ(found.title, "Harga tape");
  EXPECT_EQ(found.description, d.description);
  EXPECT_EQ(found.topic, Topic::kMarketAreas);
  EXPECT_EQ(found.method, DecisionMethod::kConsensus);
  EXPECT_FALSE(found.decided);
  EXPECT_FALSE(found.outcome.has_value());
  EXPECT_FALSE(found.option_id.has_value());
  EXPECT_FALSE(found.decided_on.has_value());
  EXPECT_FALSE(found.note.has_value());
  EXPECT_EQ(found.created_at, d.created_at);
  EXPECT_EQ(found.updated_at, d.updated_at);
  EXPECT_EQ(found.votes_against, 0);
  ASSERT_EQ(found.options.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(found.options[i].id, saved.options[i].id) << "options keep their order";
    EXPECT_EQ(found.options[i].label, d.options[i].label);
    EXPECT_EQ(found.options[i].votes, 0);
  }

  Deliberation bare = Insert(SampleDeliberation("Tanpa pilihan"));
  Deliberation bare_found = Find(bare.id);
  EXPECT_TRUE(bare_found.options.empty());
  EXPECT_FALSE(bare_found.meeting_id.has_value());
  EXPECT_FALSE(bare_found.description.has_value());
}

TEST_P(DeliberationRepository, UncommittedDeliberationLeavesNoOptionsBehind) {
  std::int64_t id = 0;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(auto saved,
                         unit->Deliberations().Insert(SampleDeliberation("Harga", {"A", "B"})));
    id = saved.id;
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Deliberations().Find(group_, id), ErrorCode::kNotFound);
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM deliberation_options"), 0);
}

TEST_P(DeliberationRepository, AThemesOptionsKeepTheTargetsTheyNameInOrderAndEveryReadLoadsThem) {
  std::int64_t ecotik = *test_database().QueryInt("SELECT id FROM competencies WHERE code = 'batik.ecotik'");
  std::int64_t mondeng = *test_database().QueryInt("SELECT id FROM competencies WHERE code = 'batik.mondeng'");
  std::int64_t colouring = *test_database().QueryInt("SELECT id FROM competencies WHERE code = 'batik.pewarnaan'");
  Deliberation d = SampleDeliberation("Tema belajar", {"Ecotik", "Jumputan", "Bebas"});
  d.topic = Topic::kLearningTheme;
  d.options[0].targets = {{mondeng, 3, "", "", std::nullopt},
                          {ecotik, 2, "", "", std::nullopt}};  // mondeng first, as named
  d.options[1].targets = {{colouring, 1, "", "", std::nullopt}};
  Deliberation saved = Insert(d);
  ASSERT_GT(saved.id, 0);

  auto check = [&](const Deliberation& found) {
    ASSERT_EQ(found.options.size(), 3u);
    ASSERT_EQ(found.options[0].targets.size(), 2u);
    EXPECT_EQ(found.options[0].targets[0].competency_id, mondeng);
    EXPECT_EQ(found.options[0].targets[0].level, 3);
    EXPECT_EQ(found.options[0].targets[0].code, "batik.mondeng");
    EXPECT_EQ(found.options[0].targets[0].name, "Mondeng");  // the catalogue's names
    EXPECT_EQ(found.options[0].targets[0].name_en, "Mondeng (leaf pounding)");
    EXPECT_EQ(found.options[0].targets[1].competency_id, ecotik);
    ASSERT_EQ(found.options[1].targets.size(), 1u);
    EXPECT_EQ(found.options[1].targets[0].level, 1);
    EXPECT_TRUE(found.options[2].targets.empty());
  };
  check(Find(saved.id));
  Insert(SampleDeliberation("Harga", {"A"}));  // another proposal's options name nothing
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Deliberations().List(group_, {}));
  ASSERT_EQ(page.items.size(), 2u);
  check(page.items[1]);
  EXPECT_TRUE(page.items[0].options[0].targets.empty());
}

TEST_P(DeliberationRepository, ATargetNamingNoCompetencyIsRefusedAndLeavesNoProposalBehind) {
  Deliberation d = SampleDeliberation("Tema belajar", {"Ecotik"});
  d.topic = Topic::kLearningTheme;
  d.options[0].targets = {{987654, 2, "", "", std::nullopt}};
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    EXPECT_FALSE(unit->Deliberations().Insert(d).ok());
  }
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM deliberations"), 0);
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM deliberation_option_targets"), 0);
}

TEST_P(DeliberationRepository, VotesAreCountedPerOptionAndAgainst) {
  Deliberation d = Insert(SampleDeliberation("Harga", {"Rp 10.000", "Rp 12.000"}));
  std::int64_t first = d.options[0].id, second = d.options[1].id;
  std::int64_t ani = AddMember(group_, "Ani");
  std::int64_t budi = AddMember(group_, "Budi");
  std::int64_t citra = AddMember(group_, "Citra");
  std::int64_t dewi = AddMember(group_, "Dewi");
  std::int64_t eko = AddMember(group_, "Eko");
  ASSERT_OK(CastVote(d.id, eko, second));
  ASSERT_OK(CastVote(d.id, ani, second));
  ASSERT_OK(CastVote(d.id, budi, std::nullopt));
  ASSERT_OK(CastVote(d.id, citra, std::nullopt));
  ASSERT_OK(CastVote(d.id, dewi, std::nullopt));
  // Another proposal's votes are not counted here.
  Deliberation other = Insert(SampleDeliberation("Lain", {"X"}));
  ASSERT_OK(CastVote(other.id, ani, std::nullopt));

  Deliberation found = Find(d.id);
  EXPECT_EQ(found.votes_against, 3);
  ASSERT_EQ(found.options.size(), 2u);
  EXPECT_EQ(found.options[0].id, first);
  EXPECT_EQ(found.options[0].votes, 0);
  EXPECT_EQ(found.options[1].votes, 2);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto votes, unit->Deliberations().Votes(d.id));
  ASSERT_EQ(votes.size(), 5u);  // by name
  EXPECT_EQ(votes[0].member_id, ani);
  EXPECT_EQ(votes[0].person_name, "Ani");
  EXPECT_EQ(votes[0].option_id, second);
  EXPECT_EQ(votes[1].member_id, budi);
  EXPECT_FALSE(votes[1].option_id.has_value());
  EXPECT_EQ(votes[4].member_id, eko);
}

// A member's votes (issue 13, the member): the proposal's title and state, her option's label (none
// when she voted against) and who entered it, the latest cast first; only this group's.
TEST_P(DeliberationRepository, VotesOfAMemberCarryTheProposalAndHerChoiceLatestFirst) {
  std::int64_t ani = AddMember(group_, "Ani");
  std::int64_t budi = AddMember(group_, "Budi");
  Deliberation price = Insert(SampleDeliberation("Harga", {"Rp 10.000", "Rp 12.000"}));
  Deliberation trip = Insert(SampleDeliberation("Studi banding", {"Ikut"}));
  Deliberation elsewhere = Insert(SampleDeliberation("Lain", {"X"}, other_group_));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    Vote own;
    own.member_id = ani;
    own.option_id = price.options[1].id;
    own.recorded_by = "anggota";
    ASSERT_OK(unit->Deliberations().InsertVote(price.id, own, T("2026-02-02T10:00:00Z")));
    Vote against;
    against.member_id = ani;
    against.recorded_by = "ketua";
    ASSERT_OK(unit->Deliberations().InsertVote(trip.id, against, T("2026-02-03T10:00:00Z")));
    Vote other;
    other.member_id = budi;
    other.option_id = price.options[0].id;
    ASSERT_OK(unit->Deliberations().InsertVote(price.id, other, T("2026-02-04T10:00:00Z")));
    ASSERT_OK(unit->Commit());
  }
  ASSERT_GT(elsewhere.id, 0);
  price.decided = true;
  price.outcome = Outcome::kAgreed;
  price.option_id = price.options[1].id;
  price.decided_on = D("2026-02-05");
  ASSERT_EQ(Committed([&](UnitOfWork& unit) -> core::Result<std::int64_t> {
              GOTONG_RETURN_IF_ERROR(unit.Deliberations().Update(price));
              return price.id;
            }),
            price.id);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto hers, unit->Deliberations().VotesOf(group_, ani, {}));
  EXPECT_EQ(hers.total, 2);
  ASSERT_EQ(hers.items.size(), 2u);
  const MemberVote& latest = hers.items[0];
  EXPECT_EQ(latest.deliberation_id, trip.id);
  EXPECT_EQ(latest.title, "Studi banding");
  EXPECT_FALSE(latest.vote.option_id.has_value());
  EXPECT_FALSE(latest.choice.has_value()) << "against: no option";
  EXPECT_EQ(latest.vote.recorded_by, "ketua");
  EXPECT_EQ(latest.cast_at, T("2026-02-03T10:00:00Z"));
  EXPECT_FALSE(latest.decided);
  const MemberVote& earlier = hers.items[1];
  EXPECT_EQ(earlier.deliberation_id, price.id);
  EXPECT_EQ(earlier.vote.option_id, price.options[1].id);
  EXPECT_EQ(earlier.choice, "Rp 12.000");
  EXPECT_TRUE(earlier.decided);
  EXPECT_EQ(earlier.outcome, Outcome::kAgreed);

  ASSERT_OK_AND_ASSIGN(auto second, unit->Deliberations().VotesOf(group_, ani, {1, 1}));
  EXPECT_EQ(second.total, 2);
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].deliberation_id, price.id);
  ASSERT_OK_AND_ASSIGN(auto none, unit->Deliberations().VotesOf(other_group_, ani, {}));
  EXPECT_EQ(none.total, 0);
}

TEST_P(DeliberationRepository, SecondVoteBySameMemberIsAlreadyExistsOnMemberId) {
  Deliberation d = Insert(SampleDeliberation("Harga", {"A", "B"}));
  std::int64_t ani = AddMember(group_, "Ani");
  ASSERT_OK(CastVote(d.id, ani, d.options[0].id));
  auto again = CastVote(d.id, ani, d.options[1].id);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(again.error().fields.size(), 1u);
  EXPECT_EQ(again.error().fields[0].field, "member_id");
  EXPECT_EQ(Find(d.id).options[0].votes, 1) << "the first vote stands";
  // She may vote on another proposal.
  Deliberation other = Insert(SampleDeliberation("Lain", {"X"}));
  EXPECT_OK(CastVote(other.id, ani, other.options[0].id));
}

TEST_P(DeliberationRepository, VoteForAnUnknownOptionOrMemberIsRefused) {
  Deliberation d = Insert(SampleDeliberation("Harga", {"A"}));
  std::int64_t ani = AddMember(group_, "Ani");
  EXPECT_FALSE(CastVote(d.id, ani, 424242).ok());
  EXPECT_FALSE(CastVote(d.id, 424242, d.options[0].id).ok());
  EXPECT_FALSE(CastVote(424242, ani, std::nullopt).ok());
}

TEST_P(DeliberationRepository, DeleteVoteSaysWhetherThereWasOne) {
  Deliberation d = Insert(SampleDeliberation("Harga", {"A"}));
  std::int64_t ani = AddMember(group_, "Ani");
  std::int64_t budi = AddMember(group_, "Budi");
  ASSERT_OK(CastVote(d.id, ani, std::nullopt));
  ASSERT_OK(CastVote(d.id, budi, std::nullopt));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(bool removed, unit->Deliberations().DeleteVote(d.id, ani));
    EXPECT_TRUE(removed);
    ASSERT_OK_AND_ASSIGN(bool again, unit->Deliberations().DeleteVote(d.id, ani));
    EXPECT_FALSE(again);
    ASSERT_OK(unit->Commit());
  }
  EXPECT_EQ(Find(d.id).votes_against, 1) << "only her vote is gone";
  // Having withdrawn, she may vote again.
  EXPECT_OK(CastVote(d.id, ani, d.options[0].id));
}

TEST_P(DeliberationRepository, UpdateWritesTheDecisionAndADecisionNeedsAnOutcome) {
  Deliberation d = Insert(SampleDeliberation("Harga", {"A", "B"}));
  d.decided = true;
  d.outcome = Outcome::kAgreed;
  d.option_id = d.options[1].id;
  d.decided_on = D("2026-02-28");
  d.note = "Semua setuju";
  d.updated_at = T("2026-02-28T12:00:00Z");
  d.title = "not rewritten";
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Deliberations().Update(d));
    ASSERT_OK(unit->Commit());
  }
  Deliberation found = Find(d.id);
  EXPECT_TRUE(found.decided);
  EXPECT_EQ(found.outcome, Outcome::kAgreed);
  EXPECT_EQ(found.option_id, d.options[1].id);
  EXPECT_EQ(found.decided_on, D("2026-02-28"));
  EXPECT_EQ(found.note, "Semua setuju");
  EXPECT_EQ(found.updated_at, T("2026-02-28T12:00:00Z"));
  EXPECT_EQ(found.title, "Harga") << "Update writes only the decision fields";

  Deliberation undecided_outcome = found;
  undecided_outcome.outcome.reset();
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->Deliberations().Update(undecided_outcome).ok());
}

TEST_P(DeliberationRepository, ListIsNewestFirstWithOptionsAndPages) {
  Deliberation a = Insert(SampleDeliberation("A", {"a1", "a2"}));
  Deliberation b = Insert(SampleDeliberation("B"));
  Deliberation c = Insert(SampleDeliberation("C", {"c1"}));
  Insert(SampleDeliberation("Elsewhere", {"x"}, other_group_));
  std::int64_t ani = AddMember(group_, "Ani");
  ASSERT_OK(CastVote(a.id, ani, a.options[1].id));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Deliberations().List(group_, {}));
  EXPECT_EQ(all.total, 3);
  ASSERT_EQ(all.items.size(), 3u);
  EXPECT_EQ(all.items[0].id, c.id);
  EXPECT_EQ(all.items[1].id, b.id);
  EXPECT_EQ(all.items[2].id, a.id);
  ASSERT_EQ(all.items[0].options.size(), 1u);
  EXPECT_EQ(all.items[0].options[0].label, "c1");
  EXPECT_TRUE(all.items[1].options.empty());
  ASSERT_EQ(all.items[2].options.size(), 2u);
  EXPECT_EQ(all.items[2].options[0].label, "a1");
  EXPECT_EQ(all.items[2].options[1].votes, 1);

  ASSERT_OK_AND_ASSIGN(auto page, unit->Deliberations().List(group_, {1, 1}));
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, b.id);
  ASSERT_OK_AND_ASSIGN(auto past_end, unit->Deliberations().List(group_, {5, 3}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 3);
}

TEST_P(DeliberationRepository, DeliberationOfAnotherGroupIsNotFound) {
  Deliberation elsewhere = Insert(SampleDeliberation("Lain", {}, other_group_));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Deliberations().Find(group_, elsewhere.id), ErrorCode::kNotFound);
}

TEST_P(DeliberationRepository, NormsListOldestFirstAndOnePerDeliberation) {
  Deliberation first = Insert(SampleDeliberation("Wilayah pasar"));
  Deliberation second = Insert(SampleDeliberation("Iuran"));
  Deliberation elsewhere = Insert(SampleDeliberation("Lain", {}, other_group_));
  auto norm = [](std::int64_t group, std::int64_t deliberation, Topic topic, const char* text,
                 const char* day) {
    Norm n;
    n.group_id = group;
    n.deliberation_id = deliberation;
    n.topic = topic;
    n.text = text;
    n.adopted_on = D(day);
    n.created_at = T("2026-03-01T00:00:00Z");
    return n;
  };
  std::int64_t a = Committed([&](UnitOfWork& unit) {
    return unit.Deliberations().InsertNorm(
        norm(group_, first.id, Topic::kMarketAreas, "Pasar Ngajum: Bu Sulastri", "2026-03-01"));
  });
  std::int64_t b = Committed([&](UnitOfWork& unit) {
    return unit.Deliberations().InsertNorm(
        norm(group_, second.id, Topic::kFeeRule, "Rp 5.000 sebulan", "2026-02-01"));
  });
  Committed([&](UnitOfWork& unit) {
    return unit.Deliberations().InsertNorm(
        norm(other_group_, elsewhere.id, Topic::kRule, "lain", "2026-01-01"));
  });
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    EXPECT_FALSE(unit->Deliberations()
                     .InsertNorm(norm(group_, first.id, Topic::kRule, "again", "2026-03-02"))
                     .ok())
        << "one norm per deliberation";
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto norms, unit->Deliberations().Norms(group_));
  ASSERT_EQ(norms.size(), 2u);
  EXPECT_EQ(norms[0].id, a);
  EXPECT_EQ(norms[0].group_id, group_);
  EXPECT_EQ(norms[0].deliberation_id, first.id);
  EXPECT_EQ(norms[0].topic, Topic::kMarketAreas);
  EXPECT_EQ(norms[0].text, "Pasar Ngajum: Bu Sulastri");
  EXPECT_EQ(norms[0].adopted_on, D("2026-03-01"));
  EXPECT_EQ(norms[0].created_at, T("2026-03-01T00:00:00Z"));
  EXPECT_EQ(norms[1].id, b);
  EXPECT_EQ(norms[1].topic, Topic::kFeeRule);
}

TEST_P(DeliberationRepository, StoredNormTopicThisVersionCannotReadIsAnError) {
  Deliberation d = Insert(SampleDeliberation("Wilayah pasar"));
  Norm n;
  n.group_id = group_;
  n.deliberation_id = d.id;
  n.text = "x";
  n.adopted_on = D("2026-03-01");
  n.created_at = T("2026-03-01T00:00:00Z");
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Deliberations().InsertNorm(n); }), 0);
  ASSERT_OK(test_database().Execute("UPDATE norms SET topic = 'mystery'"));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Deliberations().Norms(group_), ErrorCode::kInternal);
}

}  // namespace
}  // namespace gotong::storage_tests
