// Mentor matching runs on both backends: a run with its groups and capacities, listed by group
// and never by another, its progress written, its result read back with names in order, the
// unfinished runs, and the pool of mentees and mentors a group holds on a day.
#include <gtest/gtest.h>

#include <vector>

#include "domain/mentoring/matching_runs.hpp"
#include "domain/mentoring/mentoring.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::mentoring::MatchingRun;
using domain::mentoring::MatchingStage;
using domain::mentoring::MentorOrigin;
using domain::mentoring::Mentorship;
using domain::mentoring::Proximity;
using domain::mentoring::RunPair;
using domain::mentoring::RunStatus;
using domain::mentoring::RunUnplaced;
using domain::mentoring::UnplacedReason;

class MatchingRunRepository : public TwoGroupsTest {
 protected:
  std::int64_t InsertRun(std::vector<std::int64_t> groups) {
    MatchingRun run;
    run.group_ids = std::move(groups);
    run.default_capacity = 3;
    run.top_k = 10;
    run.created_at = T("2026-01-05T03:00:00Z");
    return Committed([&](UnitOfWork& unit) { return unit.MatchingRuns().Insert(run); });
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(MatchingRunRepository);

TEST_P(MatchingRunRepository, ARunKeepsItsInputProgressAndResult) {
  std::int64_t mentor_person = InsertPerson("Ibu Darmi");
  std::int64_t mentee = AddMember(group_, "Painem");
  MatchingRun run;
  run.group_ids = {group_};
  run.default_capacity = 2;
  run.capacities = {{mentor_person, 0}};
  run.created_at = T("2026-01-05T03:00:00Z");
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.MatchingRuns().Insert(run); });
  InsertRun({other_group_});
  {
    auto unit = Begin(Access::kRead);
    ASSERT_OK_AND_ASSIGN(auto found, unit->MatchingRuns().Find(id));
    EXPECT_EQ(found.status, RunStatus::kQueued);
    EXPECT_EQ(found.group_ids, std::vector<std::int64_t>{group_});
    ASSERT_EQ(found.capacities.size(), 1u);
    EXPECT_EQ(found.capacities[0].capacity, 0);
    EXPECT_FALSE(found.top_k);
    ASSERT_OK_AND_ASSIGN(auto page, unit->MatchingRuns().List(group_, {}));
    ASSERT_EQ(page.total, 1);
    EXPECT_EQ(page.items[0].id, id);
    ASSERT_OK_AND_ASSIGN(auto unfinished, unit->MatchingRuns().Unfinished());
    EXPECT_EQ(unfinished.size(), 2u);
    EXPECT_EQ(unit->MatchingRuns().Find(999).error().code, ErrorCode::kNotFound);
  }
  run.id = id;
  run.status = RunStatus::kSucceeded;
  run.stage = MatchingStage::kExplaining;
  run.done = run.total = 4;
  run.total_score = 105;
  run.finished_at = T("2026-01-05T03:00:02Z");
  RunPair pair;
  pair.mentee_member_id = mentee;
  pair.mentor_person_id = mentor_person;
  pair.origin = MentorOrigin::kExternal;
  pair.score.total = 60;
  pair.score.values = 20;
  pair.score.coverage = 40;
  pair.score.proximity_kind = Proximity::kSameVillage;
  pair.score.covered_competencies = {1, 2};
  RunUnplaced unplaced{mentee, UnplacedReason::kCapacity, {3}, "", 0};
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_OK(unit->MatchingRuns().Update(run));
    ASSERT_OK(unit->MatchingRuns().InsertResult(id, {pair}, {unplaced}));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto found, unit->MatchingRuns().Find(id));
  EXPECT_EQ(found.status, RunStatus::kSucceeded);
  EXPECT_EQ(found.stage, MatchingStage::kExplaining);
  EXPECT_EQ(found.total_score, 105);
  EXPECT_EQ(found.finished_at, T("2026-01-05T03:00:02Z"));
  ASSERT_OK_AND_ASSIGN(auto pairs, unit->MatchingRuns().Pairs(id));
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].score, pair.score);
  EXPECT_EQ(pairs[0].mentee_name, "Painem");
  EXPECT_EQ(pairs[0].mentor_name, "Ibu Darmi");
  EXPECT_EQ(pairs[0].mentee_group_id, group_);
  EXPECT_EQ(pairs[0].origin, MentorOrigin::kExternal);
  ASSERT_OK_AND_ASSIGN(auto left, unit->MatchingRuns().Unplaced(id));
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].reason, UnplacedReason::kCapacity);
  EXPECT_EQ(left[0].uncovered_competencies, std::vector<std::int64_t>{3});
  EXPECT_EQ(left[0].name, "Painem");
  ASSERT_OK_AND_ASSIGN(auto unfinished, unit->MatchingRuns().Unfinished());
  EXPECT_EQ(unfinished.size(), 1u);
}

TEST_P(MatchingRunRepository, ThePoolHoldsActiveMenteesWithoutAMentorAndTheMentorsWithTheirLoad) {
  std::int64_t painem = AddMember(group_, "Painem");
  std::int64_t tukini = AddMember(group_, "Tukini");
  std::int64_t gone = AddMember(group_, "Sumi");
  AddMember(other_group_, "Elsewhere");
  std::int64_t darmi_person = InsertPerson("Ibu Darmi");
  auto darmi = SampleMember(group_, darmi_person);
  darmi.mentor = true;
  std::int64_t darmi_member = Committed([&](UnitOfWork& unit) { return unit.Groups().InsertMember(darmi); });
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_OK_AND_ASSIGN(auto left, unit->Groups().FindMember(group_, gone));
    left.left_on = D("2025-12-31");
    ASSERT_OK(unit->Groups().UpdateMember(left));
    ASSERT_OK(unit->Commit());
  }
  Mentorship mentorship;
  mentorship.group_id = group_;
  mentorship.mentor_person_id = darmi_person;
  mentorship.mentor_member_id = darmi_member;
  mentorship.mentee_member_id = tukini;
  mentorship.started_on = D("2025-06-01");
  mentorship.created_at = mentorship.updated_at = T("2026-01-02T03:04:05Z");
  Committed([&](UnitOfWork& unit) { return unit.Mentorships().Insert(mentorship); });

  auto unit = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto pool, unit->MatchingRuns().Pool({group_}, D("2026-01-05")));
  ASSERT_EQ(pool.mentees.size(), 1u);
  EXPECT_EQ(pool.mentees[0].member_id, painem);
  ASSERT_EQ(pool.mentors.size(), 1u);
  EXPECT_EQ(pool.mentors[0].person_id, darmi_person);
  EXPECT_EQ(pool.mentors[0].member_id, darmi_member);
  EXPECT_EQ(pool.mentors[0].origin, MentorOrigin::kCommunity);
  EXPECT_EQ(pool.mentors[0].active_mentees, 1);
  EXPECT_TRUE(pool.values.empty());
  ASSERT_OK_AND_ASSIGN(auto empty, unit->MatchingRuns().Pool({}, D("2026-01-05")));
  EXPECT_TRUE(empty.mentees.empty());
}

}  // namespace
}  // namespace gotong::storage_tests
