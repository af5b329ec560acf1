// Exit to a local hero and follow-ups (issue 15): readiness from the checklist, the follow-up
// schedule from the programme's end (month ends clamped), done / overdue / upcoming on a day, and
// which scheduled month an unlabelled visit answers.
#include "domain/programmes/exits.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace gotong::domain::programmes {
namespace {

core::Date D(const char* text) {
  auto date = core::Date::Parse(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date.value_or(core::Date{});
}

Nomination Nominee(bool leads, bool books, bool network) {
  Nomination n;
  n.Check(ReadinessItem::kLeadsMeetings).met = leads;
  n.Check(ReadinessItem::kKeepsBooks).met = books;
  n.Check(ReadinessItem::kOutsideNetwork).met = network;
  return n;
}

FollowUp Visit(std::int64_t id, std::optional<int> month, const char* day) {
  FollowUp f;
  f.id = id;
  f.follow_up_month = month;
  f.visited_on = D(day);
  return f;
}

TEST(Readiness, NobodyNominatedIsNone) { EXPECT_EQ(StatusOf(std::nullopt), ExitStatus::kNone); }

TEST(Readiness, AnUnmetItemKeepsHerNominatedAndIsNamedInTheChecklistsOrder) {
  auto n = Nominee(true, false, false);
  EXPECT_EQ(StatusOf(n), ExitStatus::kNominated);
  EXPECT_EQ(Unmet(n), (std::vector{ReadinessItem::kKeepsBooks, ReadinessItem::kOutsideNetwork}));
  EXPECT_EQ(Unmet(Nominee(false, true, true)), std::vector{ReadinessItem::kLeadsMeetings});
}

TEST(Readiness, EveryItemMetIsReadyAndAHandOverIsFinal) {
  auto n = Nominee(true, true, true);
  EXPECT_TRUE(Unmet(n).empty());
  EXPECT_EQ(StatusOf(n), ExitStatus::kReady);
  n.handed_over_on = D("2026-12-31");
  EXPECT_EQ(StatusOf(n), ExitStatus::kHandedOver);
}

TEST(Readiness, StatusesAndItemsReadAndWriteTheirWords) {
  for (auto status : {ExitStatus::kNone, ExitStatus::kNominated, ExitStatus::kReady, ExitStatus::kHandedOver}) {
    EXPECT_EQ(ParseExitStatus(ToString(status)), status);
  }
  EXPECT_EQ(ParseExitStatus("done"), std::nullopt);
  EXPECT_EQ(ToString(ReadinessItem::kOutsideNetwork), "outside_network");
  for (auto condition : kGroupConditions) EXPECT_EQ(ParseGroupCondition(ToString(condition)), condition);
  EXPECT_EQ(ParseGroupCondition("asleep"), std::nullopt);
}

TEST(FollowUpSchedule, DueDatesAreMonthsAfterTheEndWithTheMonthsLastDayWhenShorter) {
  EXPECT_EQ(FollowUpDue(D("2026-12-31"), 3), D("2027-03-31"));
  EXPECT_EQ(FollowUpDue(D("2026-08-31"), 6), D("2027-02-28"));
  EXPECT_EQ(FollowUpDue(D("2027-08-31"), 6), D("2028-02-29")) << "a leap year";
  EXPECT_EQ(FollowUpDue(D("2026-05-31"), 1), D("2026-06-30"));
  EXPECT_EQ(FollowUpDue(D("2026-01-15"), 12), D("2027-01-15"));
  EXPECT_EQ(FollowUpDue(D("2026-11-30"), 3), D("2027-02-28")) << "a 30th clamps too";
}

TEST(FollowUpSchedule, AScheduledVisitIsDoneOverdueAfterItsDayOrUpcomingUntilThen) {
  const auto ends = D("2026-08-31");
  const std::vector<int> months{3, 6, 12};
  auto schedule = FollowUpSchedule(ends, months, {Visit(7, 3, "2026-12-02")}, D("2027-02-28"));
  ASSERT_EQ(schedule.size(), 3u);
  EXPECT_EQ(schedule[0].due_on, D("2026-11-30"));
  EXPECT_EQ(schedule[0].state, VisitState::kDone);
  EXPECT_EQ(schedule[0].follow_up_id, 7);
  EXPECT_EQ(schedule[0].visited_on, D("2026-12-02"));
  EXPECT_EQ(schedule[1].due_on, D("2027-02-28"));
  EXPECT_EQ(schedule[1].state, VisitState::kUpcoming) << "due today is not overdue yet";
  EXPECT_EQ(schedule[2].state, VisitState::kUpcoming);
  auto next_day = FollowUpSchedule(ends, months, {Visit(7, 3, "2026-12-02")}, D("2027-03-01"));
  EXPECT_EQ(next_day[1].state, VisitState::kOverdue);
  EXPECT_EQ(next_day[2].state, VisitState::kUpcoming);
}

TEST(FollowUpSchedule, AVisitOffTheScheduleAnswersNoMonth) {
  auto schedule = FollowUpSchedule(D("2026-08-31"), {3}, {Visit(1, std::nullopt, "2026-11-30")}, D("2027-01-01"));
  ASSERT_EQ(schedule.size(), 1u);
  EXPECT_EQ(schedule[0].state, VisitState::kOverdue);
  EXPECT_TRUE(FollowUpSchedule(D("2026-08-31"), {}, {}, D("2027-01-01")).empty());
}

TEST(FollowUpSchedule, AnUnlabelledVisitAnswersTheOpenMonthDueNearestToIt) {
  const auto ends = D("2026-12-31");  // due 2027-03-31, 2027-06-30, 2027-12-31
  const std::vector<int> months{3, 6, 12};
  EXPECT_EQ(NearestOpenMonth(ends, months, {}, D("2027-01-20")), 3);
  EXPECT_EQ(NearestOpenMonth(ends, months, {}, D("2027-06-01")), 6);
  EXPECT_EQ(NearestOpenMonth(ends, months, {3}, D("2027-02-01")), 6) << "month 3 is answered already";
  EXPECT_EQ(NearestOpenMonth(ends, months, {}, D("2027-05-15")), 3) << "45 days after month 3, 46 before month 6";
  EXPECT_EQ(NearestOpenMonth(ends, months, {}, D("2027-05-16")), 6);
  EXPECT_EQ(NearestOpenMonth(ends, months, {3, 6, 12}, D("2027-05-16")), std::nullopt);
}

}  // namespace
}  // namespace gotong::domain::programmes
