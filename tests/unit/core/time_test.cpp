#include "core/time.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace gotong::core {
namespace {

using namespace std::chrono;

Instant At(year_month_day day, hours h = hours{0}, minutes m = minutes{0},
           seconds s = seconds{0}) {
  return sys_days{day} + h + m + s;
}

TEST(FormatInstant, WritesIsoUtcWithZ) {
  EXPECT_EQ(FormatInstant(Instant{}), "1970-01-01T00:00:00Z");
  EXPECT_EQ(FormatInstant(At(2026y / 11 / 23, hours{8}, minutes{51})), "2026-11-23T08:51:00Z");
  EXPECT_EQ(FormatInstant(At(1999y / 12 / 31, hours{23}, minutes{59}, seconds{59})),
            "1999-12-31T23:59:59Z");
  EXPECT_EQ(FormatInstant(At(1969y / 7 / 20, hours{20}, minutes{17})), "1969-07-20T20:17:00Z");
}

TEST(ParseInstant, RoundTripsFormattedInstants) {
  for (Instant instant : {Instant{}, At(2024y / 2 / 29, hours{12}), At(2026y / 11 / 23, hours{8},
                                                                        minutes{51}, seconds{7}),
                          At(2099y / 12 / 31, hours{23}, minutes{59}, seconds{59})}) {
    auto parsed = ParseInstant(FormatInstant(instant));
    ASSERT_TRUE(parsed.has_value()) << FormatInstant(instant);
    EXPECT_EQ(*parsed, instant);
  }
}

TEST(ParseInstant, AcceptsCalendarBoundaries) {
  EXPECT_TRUE(ParseInstant("2024-02-29T00:00:00Z"));  // leap year
  EXPECT_TRUE(ParseInstant("2000-02-29T00:00:00Z"));  // divisible by 400
  EXPECT_TRUE(ParseInstant("2026-12-31T23:59:59Z"));
  EXPECT_TRUE(ParseInstant("2026-01-01T00:00:00Z"));
}

TEST(ParseInstant, RejectsImpossibleDatesAndTimes) {
  EXPECT_FALSE(ParseInstant("2023-02-29T00:00:00Z"));  // not a leap year
  EXPECT_FALSE(ParseInstant("1900-02-29T00:00:00Z"));  // century, not divisible by 400
  EXPECT_FALSE(ParseInstant("2026-04-31T00:00:00Z"));
  EXPECT_FALSE(ParseInstant("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(ParseInstant("2026-00-10T00:00:00Z"));
  EXPECT_FALSE(ParseInstant("2026-01-00T00:00:00Z"));
  EXPECT_FALSE(ParseInstant("2026-01-01T24:00:00Z"));
  EXPECT_FALSE(ParseInstant("2026-01-01T23:60:00Z"));
  EXPECT_FALSE(ParseInstant("2026-01-01T23:59:61Z"));
}

TEST(ParseInstant, RejectsOtherShapes) {
  EXPECT_FALSE(ParseInstant(""));
  EXPECT_FALSE(ParseInstant("2026-11-23"));
  EXPECT_FALSE(ParseInstant("2026-11-23T08:51:00"));        // no zone
  EXPECT_FALSE(ParseInstant("2026-11-23T08:51:00+07:00"));  // offsets are not accepted
  EXPECT_FALSE(ParseInstant("2026-11-23t08:51:00Z"));
  EXPECT_FALSE(ParseInstant("2026-11-23T08:51:00z"));
  EXPECT_FALSE(ParseInstant("2026-11-23 08:51:00Z"));
  EXPECT_FALSE(ParseInstant("2026-11-23T08:51:00.5Z"));
  EXPECT_FALSE(ParseInstant("2026/11/23T08:51:00Z"));
  EXPECT_FALSE(ParseInstant("2026-11-2aT08:51:00Z"));
  EXPECT_FALSE(ParseInstant("+026-11-23T08:51:00Z"));
  EXPECT_FALSE(ParseInstant("2026-1-230T08:51:00Z"));
  EXPECT_FALSE(ParseInstant(" 2026-11-23T08:51:00Z"));
}

TEST(Date, ParsesAndPrints) {
  auto date = Date::Parse("2026-11-23");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(date->year, 2026);
  EXPECT_EQ(date->month, 11u);
  EXPECT_EQ(date->day, 23u);
  EXPECT_EQ(date->ToString(), "2026-11-23");
  EXPECT_EQ((Date{5, 1, 2}.ToString()), "0005-01-02");
}

TEST(Date, RejectsBadInput) {
  EXPECT_FALSE(Date::Parse(""));
  EXPECT_FALSE(Date::Parse("2026-11-23T00:00:00Z"));  // an instant is not a date
  EXPECT_FALSE(Date::Parse("2026-11-2"));
  EXPECT_FALSE(Date::Parse("2026-1-123"));
  EXPECT_FALSE(Date::Parse("2023-02-29"));
  EXPECT_FALSE(Date::Parse("2026-02-30"));
  EXPECT_FALSE(Date::Parse("2026-13-01"));
  EXPECT_FALSE(Date::Parse("23-11-2026"));
  EXPECT_FALSE(Date::Parse("2026_11_23"));
  EXPECT_TRUE(Date::Parse("2024-02-29"));
}

TEST(Date, OrdersByYearThenMonthThenDay) {
  EXPECT_LT((Date{2025, 12, 31}), (Date{2026, 1, 1}));
  EXPECT_LT((Date{2026, 1, 31}), (Date{2026, 2, 1}));
  EXPECT_LT((Date{2026, 2, 1}), (Date{2026, 2, 2}));
  EXPECT_EQ((Date{2026, 2, 2}), *Date::Parse("2026-02-02"));
}

TEST(ManualClock, MovesOnlyWhenAdvanced) {
  ManualClock clock(At(2026y / 1 / 1));
  EXPECT_EQ(clock.Now(), At(2026y / 1 / 1));
  EXPECT_EQ(clock.Now(), At(2026y / 1 / 1));
  clock.Advance(minutes{31});
  EXPECT_EQ(FormatInstant(clock.Now()), "2026-01-01T00:31:00Z");
}

TEST(DayInIndonesia, TurnsAtMidnightUtcPlusNineSoAnEveningInJayapuraIsAlreadyTomorrow) {
  // 14:59 UTC is 23:59 in Jayapura; 15:00 UTC is midnight there.
  EXPECT_EQ(DayInIndonesia(At(2026y / 3 / 31, hours{14}, minutes{59})).ToString(), "2026-03-31");
  EXPECT_EQ(DayInIndonesia(At(2026y / 3 / 31, hours{15})).ToString(), "2026-04-01");
  // Across a year's end.
  EXPECT_EQ(DayInIndonesia(At(2025y / 12 / 31, hours{20})).ToString(), "2026-01-01");
}

TEST(StartOfDayInIndonesia, IsFifteenUtcTheDayBeforeAndTheFirstInstantOfThatDay) {
  const Date day{2026, 4, 1};
  EXPECT_EQ(FormatInstant(StartOfDayInIndonesia(day)), "2026-03-31T15:00:00Z");
  EXPECT_EQ(DayInIndonesia(StartOfDayInIndonesia(day)), day);
  EXPECT_EQ(DayInIndonesia(StartOfDayInIndonesia(day) - seconds{1}), (Date{2026, 3, 31}));
}

}  // namespace
}  // namespace gotong::core
