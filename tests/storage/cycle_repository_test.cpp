// Mentorships and learning cycles on both backends: round trips, the overlap query, a cycle's plan
// replaced whole, sessions read with their meeting's attendance, and one evaluation per mentee and
// competency.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/mentoring/cycles.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::groups::Attendance;
using domain::groups::Meeting;
using domain::groups::Presence;
using domain::mentoring::CycleFilter;
using domain::mentoring::CycleSession;
using domain::mentoring::CycleStatus;
using domain::mentoring::Evaluation;
using domain::mentoring::LearningCycle;
using domain::mentoring::MentorOrigin;
using domain::mentoring::Mentorship;
using domain::mentoring::MentorshipFilter;

class CycleRepository : public TwoGroupsTest {
 protected:
  void SetUp() override {
    TwoGroupsTest::SetUp();
    if (HasFatalFailure()) return;
    mentor_ = AddMember(group_, "Ibu Darmi");
    painem_ = AddMember(group_, "Painem");
    tukini_ = AddMember(group_, "Tukini");
    consultant_ = InsertPerson("Dr. Bambang");
    auto unit = Begin(Access::kRead);
    auto page = unit->Competencies().List({}, core::PageRequest{200, 0});
    ASSERT_TRUE(page.ok());
    for (const auto& c : page->items) {
      if (c.code == "tape.ragi") yeast_ = c.id;
      if (c.code == "tape.singkong") cassava_ = c.id;
    }
    ASSERT_GT(yeast_, 0);
    ASSERT_GT(cassava_, 0);
  }

  std::int64_t MentorPerson() {
    auto unit = Begin(Access::kRead);
    auto member = unit->Groups().FindMember(group_, mentor_);
    return member.ok() ? member->person_id : 0;
  }

  Mentorship Pair(std::int64_t mentee, const char* from, std::optional<const char*> to = std::nullopt) {
    Mentorship m;
    m.group_id = group_;
    m.mentor_person_id = MentorPerson();
    m.mentor_member_id = mentor_;
    m.mentee_member_id = mentee;
    m.origin = MentorOrigin::kCommunity;
    m.started_on = D(from);
    if (to) m.ended_on = D(*to);
    m.created_at = m.updated_at = T("2026-01-02T03:04:05Z");
    return m;
  }

  LearningCycle Plan() {
    LearningCycle c;
    c.group_id = group_;
    c.title = "Ragi";
    c.status_since = D("2026-01-02");
    c.mentor_person_id = consultant_;
    c.mentor_origin = MentorOrigin::kExternal;
    c.venue = "rumah Bu Darmi";
    c.host_member_id = mentor_;
    c.planned_from = D("2026-01-01");
    c.targets = {{yeast_, 2, "", "", std::nullopt}, {cassava_, 3, "", "", std::nullopt}};
    c.mentees = {{painem_, ""}, {tukini_, ""}};
    c.created_at = c.updated_at = T("2026-01-02T03:04:05Z");
    return c;
  }

  Evaluation Evaluated(std::int64_t cycle, std::int64_t member, std::int64_t competency, bool achieved) {
    Evaluation e;
    e.cycle_id = cycle;
    e.member_id = member;
    e.competency_id = competency;
    e.achieved = achieved;
    if (achieved) e.level = 2;
    e.evaluated_on = D("2026-01-03");
    e.created_at = T("2026-01-03T03:04:05Z");
    return e;
  }

  std::int64_t mentor_ = 0, painem_ = 0, tukini_ = 0, consultant_ = 0, yeast_ = 0, cassava_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(CycleRepository);

TEST_P(CycleRepository, AMentorshipRoundTripsWithNamesAndItsActiveFilterFollowsItsPeriod) {
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Mentorships().Insert(Pair(painem_, "2025-01-01")); });
  Mentorship ended = Pair(tukini_, "2024-01-01", "2024-12-31");
  ended.note = "selesai";
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Mentorships().Insert(ended); }), 0);
  auto unit = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto found, unit->Mentorships().Find(id));
  EXPECT_EQ(found.mentor_name, "Ibu Darmi");
  EXPECT_EQ(found.mentee_name, "Painem");
  EXPECT_EQ(found.mentor_member_id, mentor_);
  EXPECT_EQ(found.origin, MentorOrigin::kCommunity);
  EXPECT_EQ(found.ended_on, std::nullopt);

  MentorshipFilter filter;
  filter.group_id = group_;
  ASSERT_OK_AND_ASSIGN(auto all, unit->Mentorships().List(filter, {}));
  EXPECT_EQ(all.total, 2);
  filter.active_on = D("2026-01-05");
  ASSERT_OK_AND_ASSIGN(auto active, unit->Mentorships().List(filter, {}));
  ASSERT_EQ(active.total, 1);
  EXPECT_EQ(active.items[0].id, id);
  filter.group_id = other_group_;
  filter.active_on.reset();
  ASSERT_OK_AND_ASSIGN(auto other, unit->Mentorships().List(filter, {}));
  EXPECT_EQ(other.total, 0);
  EXPECT_EQ(unit->Mentorships().Find(id + 100).error().code, ErrorCode::kNotFound);
}

TEST_P(CycleRepository, TwoPeriodsOfTheSamePairOverlapWhenEachStartsBeforeTheOtherEnds) {
  std::int64_t id =
      Committed([&](UnitOfWork& unit) { return unit.Mentorships().Insert(Pair(painem_, "2025-01-01", "2025-06-30")); });
  auto unit = Begin(Access::kRead);
  auto overlaps = [&](Mentorship m, std::int64_t except = 0) {
    auto result = unit->Mentorships().Overlaps(m, except);
    EXPECT_TRUE(result.ok());
    return result.ok() && *result;
  };
  EXPECT_TRUE(overlaps(Pair(painem_, "2025-06-30")));                 // starts on its last day
  EXPECT_TRUE(overlaps(Pair(painem_, "2024-01-01", "2025-01-01")));   // ends on its first day
  EXPECT_TRUE(overlaps(Pair(painem_, "2024-01-01")));                 // open-ended, from before
  EXPECT_FALSE(overlaps(Pair(painem_, "2025-07-01")));                // after it
  EXPECT_FALSE(overlaps(Pair(painem_, "2024-01-01", "2024-12-31")));  // before it
  EXPECT_FALSE(overlaps(Pair(tukini_, "2025-03-01")));                // another mentee
  EXPECT_FALSE(overlaps(Pair(painem_, "2025-03-01"), id));            // itself, when it is changed
}

TEST_P(CycleRepository, ACyclesPlanIsReplacedWholeAndItsOwnFieldsRoundTrip) {
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Cycles().Insert(Plan()); });
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_OK_AND_ASSIGN(auto found, unit->Cycles().Find(id));
    EXPECT_EQ(found.title, "Ragi");
    EXPECT_EQ(found.status, CycleStatus::kPlanning);
    EXPECT_EQ(found.mentor_name, "Dr. Bambang");
    EXPECT_EQ(found.mentor_origin, MentorOrigin::kExternal);
    EXPECT_EQ(found.mentor_member_id, std::nullopt);
    EXPECT_EQ(found.host_member_id, mentor_);
    EXPECT_EQ(found.planned_from, D("2026-01-01"));
    EXPECT_EQ(found.planned_to, std::nullopt);
    ASSERT_EQ(found.targets.size(), 2u);
    EXPECT_EQ(found.targets[0].code, "tape.ragi");  // in the order planned
    EXPECT_EQ(found.targets[1].level, 3);
    ASSERT_EQ(found.mentees.size(), 2u);
    EXPECT_EQ(found.mentees[0].person_name, "Painem");
  }
  auto unit = Begin(Access::kWrite);
  ASSERT_OK_AND_ASSIGN(auto cycle, unit->Cycles().Find(id));
  cycle.theme = "Tape singkong madu";
  cycle.status = CycleStatus::kImplementation;
  cycle.targets = {{cassava_, 1, "", "", std::nullopt}};
  cycle.mentees = {{tukini_, ""}};
  ASSERT_OK(unit->Cycles().Update(cycle));
  ASSERT_OK(unit->Cycles().ReplacePlan(cycle));
  ASSERT_OK(unit->Commit());
  auto read = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto changed, read->Cycles().Find(id));
  EXPECT_EQ(changed.theme, "Tape singkong madu");
  EXPECT_EQ(changed.status, CycleStatus::kImplementation);
  ASSERT_EQ(changed.targets.size(), 1u);
  EXPECT_EQ(changed.targets[0].code, "tape.singkong");
  ASSERT_EQ(changed.mentees.size(), 1u);
  EXPECT_EQ(changed.mentees[0].member_id, tukini_);
  CycleFilter filter;
  filter.group_id = group_;
  filter.status = CycleStatus::kPlanning;
  ASSERT_OK_AND_ASSIGN(auto planned, read->Cycles().List(filter, {}));
  EXPECT_EQ(planned.total, 0);
  filter.status = CycleStatus::kImplementation;
  ASSERT_OK_AND_ASSIGN(auto underway, read->Cycles().List(filter, {}));
  ASSERT_EQ(underway.total, 1);
  EXPECT_EQ(underway.items[0].targets.size(), 1u);
}

TEST_P(CycleRepository, ASessionReadsItsMeetingsDayVenueAndAttendance) {
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Cycles().Insert(Plan()); });
  Meeting meeting;
  meeting.group_id = group_;
  meeting.held_on = D("2026-01-03");
  meeting.venue = "rumah Bu Darmi";
  meeting.created_at = meeting.updated_at = T("2026-01-03T03:04:05Z");
  std::int64_t session_id = Committed([&](UnitOfWork& unit) -> core::Result<std::int64_t> {
    GOTONG_ASSIGN_OR_RETURN(std::int64_t meeting_id, unit.Meetings().Insert(meeting));
    GOTONG_RETURN_IF_ERROR(unit.Meetings().ReplaceAttendance(
        meeting_id, {Attendance{painem_, Presence::kPresent, ""}, Attendance{tukini_, Presence::kExcused, ""}}));
    CycleSession session;
    session.cycle_id = id;
    session.meeting_id = meeting_id;
    session.practice = "membuat ragi";
    session.created_at = T("2026-01-03T03:04:05Z");
    return unit.Cycles().InsertSession(session);
  });
  ASSERT_GT(session_id, 0);
  auto unit = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto sessions, unit->Cycles().Sessions(id));
  ASSERT_EQ(sessions.size(), 1u);
  EXPECT_EQ(sessions[0].practice, "membuat ragi");
  EXPECT_EQ(sessions[0].held_on, D("2026-01-03"));
  EXPECT_EQ(sessions[0].venue, "rumah Bu Darmi");
  EXPECT_EQ(sessions[0].present, 1);
  EXPECT_EQ(sessions[0].excused, 1);
  EXPECT_EQ(sessions[0].absent, 0);
}

TEST_P(CycleRepository, AMenteeHasOneEvaluationPerCompetencyAndOnlyOnTheCyclesOwnTargets) {
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Cycles().Insert(Plan()); });
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Cycles().InsertEvaluation(Evaluated(id, painem_, yeast_, true)); }),
            0);
  {
    auto unit = Begin(Access::kWrite);
    auto twice = unit->Cycles().InsertEvaluation(Evaluated(id, painem_, yeast_, false));
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(twice.error().fields.size(), 1u);
    EXPECT_EQ(twice.error().fields[0].field, "member_id");
  }
  {
    // The schema itself keeps an evaluation to the cycle's mentees and targets.
    auto unit = Begin(Access::kWrite);
    EXPECT_FALSE(unit->Cycles().InsertEvaluation(Evaluated(id, mentor_, yeast_, true)).ok());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto evaluations, unit->Cycles().Evaluations(id));
  ASSERT_EQ(evaluations.size(), 1u);
  EXPECT_EQ(evaluations[0].person_name, "Painem");
  EXPECT_TRUE(evaluations[0].achieved);
  EXPECT_EQ(evaluations[0].level, 2);
  EXPECT_EQ(evaluations[0].evaluated_on, D("2026-01-03"));
}

TEST_P(CycleRepository, AListedPageKeepsEachCyclesOwnPlanAndTalliesOfCountsOnlyTheCyclesAsked) {
  LearningCycle second = Plan();
  second.title = "Singkong";
  second.targets = {{cassava_, 1, "", "", std::nullopt}};
  second.mentees = {{tukini_, ""}};
  std::int64_t first = Committed([&](UnitOfWork& unit) { return unit.Cycles().Insert(Plan()); });
  std::int64_t later = Committed([&](UnitOfWork& unit) { return unit.Cycles().Insert(second); });
  std::int64_t third = Committed([&](UnitOfWork& unit) { return unit.Cycles().Insert(Plan()); });
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Cycles().InsertEvaluation(Evaluated(first, painem_, yeast_, true)); }),
            0);
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Cycles().InsertEvaluation(Evaluated(first, tukini_, yeast_, false)); }),
            0);
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Cycles().InsertEvaluation(Evaluated(later, tukini_, cassava_, true)); }),
            0);
  auto unit = Begin(Access::kRead);
  CycleFilter filter;
  filter.group_id = group_;
  ASSERT_OK_AND_ASSIGN(auto page, unit->Cycles().List(filter, core::PageRequest{2, 1}));
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, later);  // newest first: third, later, first
  ASSERT_EQ(page.items[0].targets.size(), 1u);
  EXPECT_EQ(page.items[0].targets[0].code, "tape.singkong");
  ASSERT_EQ(page.items[0].mentees.size(), 1u);
  EXPECT_EQ(page.items[0].mentees[0].person_name, "Tukini");
  EXPECT_EQ(page.items[1].id, first);
  ASSERT_EQ(page.items[1].targets.size(), 2u);
  EXPECT_EQ(page.items[1].targets[0].code, "tape.ragi");  // in the order planned
  ASSERT_EQ(page.items[1].mentees.size(), 2u);
  EXPECT_EQ(page.items[1].mentees[0].person_name, "Painem");

  ASSERT_OK_AND_ASSIGN(auto tallies, unit->Cycles().TalliesOf({first, later}));
  ASSERT_EQ(tallies.size(), 2u);
  EXPECT_EQ(tallies[0].cycle.id, later);
  EXPECT_EQ(tallies[0].targets, 1);  // one mentee × one target
  EXPECT_EQ(tallies[0].evaluated, 1);
  EXPECT_EQ(tallies[0].achieved, 1);
  EXPECT_EQ(tallies[1].cycle.id, first);
  EXPECT_EQ(tallies[1].targets, 4);  // two mentees × two targets
  EXPECT_EQ(tallies[1].evaluated, 2);
  EXPECT_EQ(tallies[1].achieved, 1);
  EXPECT_NE(third, 0);
  ASSERT_OK_AND_ASSIGN(auto none, unit->Cycles().TalliesOf({}));
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace gotong::storage_tests
