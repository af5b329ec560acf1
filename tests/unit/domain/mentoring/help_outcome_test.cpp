// The help requests' outcomes that need no database: counts by status, and the median and 90th
// percentile of the hours to first advice and to resolution over the requests that got there.
#include <gtest/gtest.h>

#include "domain/mentoring/help_request.hpp"

namespace gotong::domain::mentoring {
namespace {

constexpr std::int64_t kHour = 3600;

HelpTiming Timing(HelpStatus status, std::optional<int> advice_hours, std::optional<int> closed_hours) {
  HelpTiming timing;
  timing.status = status;
  timing.created_at = core::Instant{std::chrono::hours(1000)};
  if (advice_hours) timing.first_advice_at = timing.created_at + std::chrono::hours(*advice_hours);
  if (closed_hours) timing.closed_at = timing.created_at + std::chrono::hours(*closed_hours);
  return timing;
}

TEST(QuantileHours, InterpolatesBetweenTheNearestRanksInHoursToATenth) {
  EXPECT_EQ(QuantileHours({}, 0.5), std::nullopt);
  EXPECT_EQ(QuantileHours({5 * kHour}, 0.9), 5.0);
  EXPECT_EQ(QuantileHours({8 * kHour, 30 * kHour}, 0.5), 19.0);
  EXPECT_EQ(QuantileHours({30 * kHour, 8 * kHour}, 0.9), 27.8);  // unsorted input
  EXPECT_EQ(QuantileHours({2 * kHour, 4 * kHour, 6 * kHour}, 0.9), 5.6);
  EXPECT_EQ(QuantileHours({90, 90}, 0.5), 0.0);  // a minute and a half rounds to no tenth of an hour
  EXPECT_EQ(QuantileHours({1, 2, 3, 4, 5, 6, 7, 8, 9, kHour * 10}, 0.0), 0.0);
  EXPECT_EQ(QuantileHours({1, 2, 3, 4, 5, 6, 7, 8, 9, kHour * 10}, 1.0), 10.0);
}

TEST(HelpOutcomeOf, CountsEveryStatusAndTimesOnlyThoseThatGotThere) {
  auto outcome = HelpOutcomeOf({Timing(HelpStatus::kOpen, std::nullopt, std::nullopt),
                                Timing(HelpStatus::kAdvised, 2, std::nullopt),
                                Timing(HelpStatus::kResolved, 4, 8),
                                Timing(HelpStatus::kResolved, 6, 30),
                                Timing(HelpStatus::kAbandoned, std::nullopt, 3),  // withdrawn before advice
                                Timing(HelpStatus::kAbandoned, 1, 50)});
  EXPECT_EQ(outcome.open, 1);
  EXPECT_EQ(outcome.advised, 1);
  EXPECT_EQ(outcome.resolved, 2);
  EXPECT_EQ(outcome.abandoned, 2);
  EXPECT_EQ(outcome.Total(), 6);
  EXPECT_EQ(outcome.first_advice.count, 4);  // 1, 2, 4 and 6 hours
  EXPECT_EQ(outcome.first_advice.median_hours, 3.0);
  EXPECT_EQ(outcome.first_advice.p90_hours, 5.4);
  EXPECT_EQ(outcome.resolution.count, 2);  // an abandoned request was never resolved
  EXPECT_EQ(outcome.resolution.median_hours, 19.0);
}

TEST(HelpOutcomeOf, HasNoTimesWithoutRequests) {
  auto outcome = HelpOutcomeOf({});
  EXPECT_EQ(outcome.Total(), 0);
  EXPECT_EQ(outcome.first_advice.count, 0);
  EXPECT_EQ(outcome.first_advice.median_hours, std::nullopt);
  EXPECT_EQ(outcome.resolution.p90_hours, std::nullopt);
}

}  // namespace
}  // namespace gotong::domain::mentoring
