// Exit to a local hero and follow-ups (V032): one current nomination per enrolment with the one
// before kept, the checklist and hand-over written and read back, the group's records of a
// member, follow-up visits one per scheduled month, and the enrolments counted.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/programmes/exits.hpp"
#include "domain/programmes/programmes.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::programmes::FollowUp;
using domain::programmes::GroupCondition;
using domain::programmes::Nomination;
using domain::programmes::ReadinessItem;

class ExitRepository : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    group_ = InsertGroup("Harapan Sejahtera");
    other_group_ = InsertGroup("Kelompok Lain");
    hero_ = AddMember(group_, "Sulastri", domain::groups::MemberRole::kLeader);
    second_ = AddMember(group_, "Sutini", domain::groups::MemberRole::kSecretary);
    ASSERT_GT(hero_, 0);
    domain::registry::Stakeholder ybm;
    ybm.name = "YBM BRILiaN";
    ybm.created_at = ybm.updated_at = T("2026-01-02T03:04:05Z");
    std::int64_t owner = Committed([&](UnitOfWork& unit) { return unit.Stakeholders().Insert(ybm); });
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programmes (name, search_name, owner_id, status, starts_on, ends_on, capital_access, "
        "human_resources, partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, budget, "
        "follow_up_months, created_at, updated_at) VALUES ('Tape', 'tape', " + std::to_string(owner) +
        ", 'active', '2025-01-01', '2025-05-31', 1, 1, 0, 0, 1, 0, 0, '1,3', '2025-01-01T00:00:00Z', "
        "'2025-01-01T00:00:00Z')"));
    programme_ = *test_database().QueryInt("SELECT MAX(id) FROM programmes");
    enrolment_ = Enrol(group_, std::nullopt);
    ASSERT_GT(enrolment_, 0);
  }

  std::int64_t Enrol(std::optional<std::int64_t> group, std::optional<std::int64_t> enterprise,
                     std::optional<const char*> left_on = std::nullopt) {
    domain::programmes::Enrolment e;
    e.programme_id = programme_;
    e.group_id = group;
    e.enterprise_id = enterprise;
    e.enrolled_on = D("2025-01-10");
    e.created_at = e.updated_at = T("2025-01-10T01:00:00Z");
    std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Enrolments().Insert(e); });
    if (left_on) {
      EXPECT_OK(test_database().Execute("UPDATE enrolments SET left_on = '" + std::string(*left_on) +
                                        "' WHERE id = " + std::to_string(id)));
    }
    return id;
  }

  Nomination Nominee(std::int64_t member) const {
    Nomination n;
    n.enrolment_id = enrolment_;
    n.programme_id = programme_;
    n.group_id = group_;
    n.member_id = member;
    n.nominated_on = D("2025-05-01");
    n.created_at = n.updated_at = T("2025-05-01T01:00:00Z");
    return n;
  }

  std::int64_t group_ = 0, other_group_ = 0, hero_ = 0, second_ = 0, programme_ = 0, enrolment_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(ExitRepository);

TEST_P(ExitRepository, OneNominationIsCurrentAndAReplacedOneStaysAsHistory) {
  std::int64_t first = Committed([&](UnitOfWork& unit) { return unit.Exits().InsertNomination(Nominee(second_)); });
  ASSERT_GT(first, 0);
  {
    auto unit = Begin(Access::kWrite);
    auto twice = unit->Exits().InsertNomination(Nominee(hero_));
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
  }
  auto unit = Begin(Access::kWrite);
  auto current = unit->Exits().CurrentNomination(enrolment_);
  ASSERT_TRUE(current.ok() && current->has_value());
  Nomination replaced = **current;
  EXPECT_EQ(replaced.hero_name, "Sutini");
  replaced.replaced_at = T("2025-05-02T01:00:00Z");
  ASSERT_OK(unit->Exits().UpdateNomination(replaced));
  Nomination next = Nominee(hero_);
  next.Check(ReadinessItem::kKeepsBooks) = {true, "buku kas", D("2025-05-20")};
  next.handed_over_on = D("2025-05-31");
  next.hand_over_note = "serah terima";
  auto id = unit->Exits().InsertNomination(next);
  ASSERT_TRUE(id.ok()) << id.error().message;
  ASSERT_OK(unit->Exits().MarkHandedOver(enrolment_, D("2025-05-31")));
  ASSERT_OK(unit->Commit());

  auto read = Begin(Access::kRead);
  auto now = read->Exits().CurrentNomination(enrolment_);
  ASSERT_TRUE(now.ok() && now->has_value());
  EXPECT_EQ((*now)->id, *id);
  EXPECT_EQ((*now)->hero_name, "Sulastri");
  EXPECT_TRUE((*now)->Check(ReadinessItem::kKeepsBooks).met);
  EXPECT_EQ((*now)->Check(ReadinessItem::kKeepsBooks).evidence, "buku kas");
  EXPECT_EQ((*now)->Check(ReadinessItem::kKeepsBooks).checked_on, D("2025-05-20"));
  EXPECT_FALSE((*now)->Check(ReadinessItem::kLeadsMeetings).checked_on.has_value());
  EXPECT_EQ((*now)->handed_over_on, D("2025-05-31"));
  EXPECT_EQ((*now)->hand_over_note, "serah terima");
  auto all = read->Exits().Nominations(enrolment_, 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ(all->at(0).id, *id) << "newest first";
  EXPECT_EQ(all->at(1).replaced_at, T("2025-05-02T01:00:00Z"));
  auto of_programme = read->Exits().CurrentNominations(programme_, std::nullopt);
  ASSERT_TRUE(of_programme.ok());
  EXPECT_EQ(of_programme->size(), 1u);
  auto none = read->Exits().CurrentNominations(programme_, std::vector<std::int64_t>{});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  auto handed = test_database().QueryInt("SELECT COUNT(*) FROM enrolments WHERE handed_over_on = '2025-05-31'");
  ASSERT_TRUE(handed.ok());
  EXPECT_EQ(*handed, 1);
}

TEST_P(ExitRepository, TheGroupsRecordsOfAMemberCountHerWindowOnly) {
  ASSERT_OK(test_database().Execute(
      "INSERT INTO meetings (group_id, kind, held_on, status, host_member_id, created_at, updated_at) VALUES (" +
      std::to_string(group_) + ", 'formal', '2025-12-10', 'held', " + std::to_string(hero_) +
      ", '2025-12-10T01:00:00Z', '2025-12-10T01:00:00Z'), (" + std::to_string(group_) +
      ", 'formal', '2025-06-10', 'held', NULL, '2025-06-10T01:00:00Z', '2025-06-10T01:00:00Z')"));
  ASSERT_OK(test_database().Execute("INSERT INTO attendance (meeting_id, member_id, presence) SELECT id, " +
                                    std::to_string(hero_) + ", 'present' FROM meetings"));
  auto unit = Begin(Access::kRead);
  auto record = unit->Exits().HeroRecordOf(group_, hero_, D("2025-08-01"), D("2026-01-05"));
  ASSERT_TRUE(record.ok()) << record.error().message;
  EXPECT_EQ(record->role, domain::groups::MemberRole::kLeader);
  EXPECT_EQ(record->meetings_held, 1);
  EXPECT_EQ(record->meetings_attended, 1);
  EXPECT_EQ(record->meetings_hosted, 1);
  EXPECT_FALSE(record->ledger_entries.has_value()) << "no account acts for her";
  EXPECT_EQ(record->other_groups, 0);
  auto stranger = unit->Exits().HeroRecordOf(other_group_, hero_, D("2025-08-01"), D("2026-01-05"));
  ASSERT_FALSE(stranger.ok());
  EXPECT_EQ(stranger.error().code, ErrorCode::kNotFound);
}

TEST_P(ExitRepository, OneVisitPerScheduledMonthAndTheEnrolmentsCounted) {
  FollowUp visit;
  visit.enrolment_id = enrolment_;
  visit.programme_id = programme_;
  visit.group_id = group_;
  visit.follow_up_month = 1;
  visit.visited_on = D("2025-07-02");
  visit.status = GroupCondition::kStruggling;
  visit.active_members = 4;
  visit.meets_sop = false;
  visit.note = "bahan baku langka";
  visit.created_at = T("2025-07-02T05:00:00Z");
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Exits().InsertFollowUp(visit); });
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kWrite);
    auto twice = unit->Exits().InsertFollowUp(visit);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
  }
  visit.follow_up_month.reset();
  visit.visited_on = D("2025-07-20");
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Exits().InsertFollowUp(visit); }), 0)
      << "visits off the schedule are many";
  Enrol(other_group_, std::nullopt, "2025-03-01");
  auto unit = Begin(Access::kRead);
  auto found = unit->Exits().FindFollowUp(id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->group_name, "Harapan Sejahtera");
  EXPECT_EQ(found->status, GroupCondition::kStruggling);
  EXPECT_EQ(found->follow_up_month, 1);
  EXPECT_FALSE(found->hero_coaching.has_value());
  EXPECT_EQ(found->note, "bahan baku langka");
  auto visits = unit->Exits().FollowUps(programme_, group_, 10);
  ASSERT_TRUE(visits.ok());
  ASSERT_EQ(visits->size(), 2u);
  EXPECT_EQ(visits->at(0).id, id) << "oldest first";
  auto groups = unit->Exits().GroupEnrolments(programme_, std::nullopt, {50, 0});
  ASSERT_TRUE(groups.ok());
  ASSERT_EQ(groups->total, 1) << "the group that left is not enrolled now";
  EXPECT_EQ(groups->items.at(0).group_id, group_);
  auto counts = unit->Exits().CountEnrolments(programme_, std::nullopt);
  ASSERT_TRUE(counts.ok());
  EXPECT_EQ(counts->current_groups, 1);
  EXPECT_EQ(counts->left_groups, 1);
  EXPECT_EQ(counts->current_enterprises, 0);
}

}  // namespace
}  // namespace gotong::storage_tests
