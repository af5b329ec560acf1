// A member's fee position (issue 13, the member): what she owes under the group's fee rules, and
// the last month what she paid covers ("Iuran Anda lunas sampai Desember 2026").
#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/groups/treasury_service.hpp"

namespace gotong::domain::groups {
namespace {

Month M(int year, unsigned month) { return Month{year, month}; }

Membership Joined(int year, unsigned month, std::optional<core::Date> left = std::nullopt) {
  Membership member;
  member.joined_on = core::Date{year, month, 15};
  member.left_on = left;
  return member;
}

FeeRule Rule(std::int64_t amount, Month from) {
  FeeRule rule;
  rule.amount = amount;
  rule.from = from;
  return rule;
}

// Rp 10.000 from November 2025, Rp 15.000 from March 2026.
const std::vector<FeeRule> kRules{Rule(10'000, M(2025, 11)), Rule(15'000, M(2026, 3))};

TEST(MemberFeesDue, CountsEachRuleUntilTheNextOne) {
  // Nov–Feb at 10.000, Mar–Apr at 15.000.
  EXPECT_EQ(MemberFeesDue(Joined(2018, 6), kRules, M(2026, 4)), 4 * 10'000 + 2 * 15'000);
  // Joined in January 2026: Jan–Feb at 10.000, March at 15.000.
  EXPECT_EQ(MemberFeesDue(Joined(2026, 1), kRules, M(2026, 3)), 2 * 10'000 + 15'000);
  // Left in December 2025: Nov and Dec only.
  EXPECT_EQ(MemberFeesDue(Joined(2018, 6, core::Date{2025, 12, 20}), kRules, M(2026, 4)), 20'000);
  EXPECT_EQ(MemberFeesDue(Joined(2018, 6), {}, M(2026, 4)), 0);
  EXPECT_EQ(MemberFeesDue(Joined(2018, 6), kRules, M(2025, 10)), 0);
}

TEST(PaidThrough, IsTheLastMonthHerPaymentsCoverInOrder) {
  const Membership painem = Joined(2018, 6);
  EXPECT_EQ(PaidThrough(painem, kRules, 10'000, M(2026, 1)), M(2025, 11));
  EXPECT_EQ(PaidThrough(painem, kRules, 19'999, M(2026, 1)), M(2025, 11)) << "a part of a month covers none";
  EXPECT_EQ(PaidThrough(painem, kRules, 40'000, M(2026, 1)), M(2026, 2));
  // Past the change of rule: Nov–Feb take 40.000, each later month 15.000.
  EXPECT_EQ(PaidThrough(painem, kRules, 70'000, M(2026, 1)), M(2026, 4));
  EXPECT_EQ(PaidThrough(painem, kRules, 69'999, M(2026, 1)), M(2026, 3));
}

TEST(PaidThrough, IsNoneWhenNothingIsCoveredOrNoFeeIsAsked) {
  const Membership painem = Joined(2018, 6);
  EXPECT_EQ(PaidThrough(painem, kRules, 0, M(2026, 1)), std::nullopt);
  EXPECT_EQ(PaidThrough(painem, kRules, 9'999, M(2026, 1)), std::nullopt);
  EXPECT_EQ(PaidThrough(painem, kRules, -10'000, M(2026, 1)), std::nullopt);
  EXPECT_EQ(PaidThrough(painem, {}, 50'000, M(2026, 1)), std::nullopt);
}

TEST(PaidThrough, StartsWhenSheJoinedAndStopsWhenSheLeft) {
  EXPECT_EQ(PaidThrough(Joined(2026, 2), kRules, 10'000, M(2026, 2)), M(2026, 2));
  EXPECT_EQ(PaidThrough(Joined(2026, 2), kRules, 25'000, M(2026, 2)), M(2026, 3));
  // She left in December 2025: paying more covers no month after it.
  EXPECT_EQ(PaidThrough(Joined(2018, 6, core::Date{2025, 12, 20}), kRules, 90'000, M(2026, 4)), M(2025, 12));
}

TEST(PaidThrough, CountsAtMostTenYearsAhead) {
  const Membership painem = Joined(2018, 6);
  EXPECT_EQ(PaidThrough(painem, {Rule(10'000, M(2025, 11))}, 10'000'000'000, M(2026, 1)), M(2036, 1));
}

}  // namespace
}  // namespace gotong::domain::groups
