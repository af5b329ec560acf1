// Soft loans (issue 15): schedules checked against hand-computed ones, principal that adds up to
// the loan exactly, due dates through short months, repayments oldest first and interest first,
// overpayment refused, arrears and PAR30 on their boundary days.
#include "domain/programmes/loans.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace gotong::domain::programmes {
namespace {

core::Date D(const char* text) {
  auto date = core::Date::Parse(text);
  EXPECT_TRUE(date.has_value()) << text;
  return date.value_or(core::Date{});
}

LoanTerms Terms(std::int64_t principal, std::int64_t rate_bp, int months, InterestMethod method,
                const char* disbursed = "2024-01-15", const char* first_due = "2024-02-15") {
  return LoanTerms{principal, rate_bp, months, method, D(disbursed), D(first_due)};
}

LoanSchedule Build(const LoanTerms& terms) {
  auto schedule = BuildSchedule(terms);
  EXPECT_TRUE(schedule.ok()) << (schedule.ok() ? "" : schedule.error().message);
  return schedule.ok() ? *schedule : LoanSchedule{};
}

std::vector<std::int64_t> Principals(const LoanSchedule& schedule) {
  std::vector<std::int64_t> out;
  for (const auto& instalment : schedule.instalments) out.push_back(instalment.principal);
  return out;
}

std::vector<std::int64_t> Interests(const LoanSchedule& schedule) {
  std::vector<std::int64_t> out;
  for (const auto& instalment : schedule.instalments) out.push_back(instalment.interest);
  return out;
}

std::vector<std::string> DueDates(const LoanSchedule& schedule) {
  std::vector<std::string> out;
  for (const auto& instalment : schedule.instalments) out.push_back(instalment.due_on.ToString());
  return out;
}

// The one field error of a refusal (the test fails when there is not exactly one).
core::FieldError OnlyField(const core::Error& error) {
  EXPECT_EQ(error.code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(error.fields.size(), 1u) << error.message;
  return error.fields.empty() ? core::FieldError{} : error.fields.front();
}

std::string Param(const core::FieldError& field, const std::string& name) {
  for (const auto& [key, value] : field.params) {
    if (key == name) return value;
  }
  return "<none>";
}

Arrears ArrearsAt(const LoanSchedule& schedule, const std::vector<Repayment>& repayments,
                  const char* day) {
  auto arrears = ArrearsOn(schedule, repayments, D(day));
  EXPECT_TRUE(arrears.ok());
  return arrears.ok() ? *arrears : Arrears{};
}

// ---- schedules against hand-computed ones ---------------------------------------------------

constexpr std::int64_t kTenMillion = 10'000'000;
const std::vector<std::int64_t> kTenMillionOverTwelve = {833'333, 833'333, 833'333, 833'333,
                                                         833'333, 833'333, 833'333, 833'333,
                                                         833'333, 833'333, 833'333, 833'337};

TEST(LoanSchedule, FlatTenMillionAtSixPercentOverTwelveMonths) {
  // Interest: 10.000.000 × 6% × 12/12 = 600.000 in all, 50.000 a month. Principal: 833.333 a
  // month, and 10.000.000 − 11 × 833.333 = 833.337 on the last.
  auto schedule = Build(Terms(kTenMillion, 600, 12, InterestMethod::kFlat));
  EXPECT_EQ(Principals(schedule), kTenMillionOverTwelve);
  EXPECT_EQ(Interests(schedule), std::vector<std::int64_t>(12, 50'000));
  EXPECT_EQ(schedule.total_principal, kTenMillion);
  EXPECT_EQ(schedule.total_interest, 600'000);
  EXPECT_EQ(schedule.TotalDue(), 10'600'000);
  EXPECT_EQ(schedule.instalments[0].Amount(), 883'333);
  EXPECT_EQ(schedule.instalments[11].Amount(), 883'337);
  EXPECT_EQ(schedule.instalments[0].number, 1);
  EXPECT_EQ(schedule.instalments[0].balance_after, 9'166'667);
  EXPECT_EQ(schedule.instalments[10].balance_after, 833'337);
  EXPECT_EQ(schedule.instalments[11].balance_after, 0);
  EXPECT_EQ(DueDates(schedule),
            (std::vector<std::string>{"2024-02-15", "2024-03-15", "2024-04-15", "2024-05-15",
                                      "2024-06-15", "2024-07-15", "2024-08-15", "2024-09-15",
                                      "2024-10-15", "2024-11-15", "2024-12-15", "2025-01-15"}));
}

TEST(LoanSchedule, DecliningTenMillionAtSixPercentOverTwelveMonths) {
  // Interest each month = balance before it × 0,5%, rounded half up:
  // 10.000.000 → 50.000; 9.166.667 → 45.833,335 → 45.833; 8.333.334 → 41.666,67 → 41.667;
  // 7.500.001 → 37.500,005 → 37.500; 6.666.668 → 33.333,34 → 33.333; 5.833.335 → 29.166,675 →
  // 29.167; 5.000.002 → 25.000,01 → 25.000; 4.166.669 → 20.833,345 → 20.833; 3.333.336 →
  // 16.666,68 → 16.667; 2.500.003 → 12.500,015 → 12.500; 1.666.670 → 8.333,35 → 8.333;
  // 833.337 → 4.166,685 → 4.167. In all 325.000 (flat: 600.000).
  auto schedule = Build(Terms(kTenMillion, 600, 12, InterestMethod::kDeclining));
  EXPECT_EQ(Principals(schedule), kTenMillionOverTwelve);
  EXPECT_EQ(Interests(schedule),
            (std::vector<std::int64_t>{50'000, 45'833, 41'667, 37'500, 33'333, 29'167, 25'000,
                                       20'833, 16'667, 12'500, 8'333, 4'167}));
  EXPECT_EQ(schedule.total_principal, kTenMillion);
  EXPECT_EQ(schedule.total_interest, 325'000);
  EXPECT_EQ(schedule.instalments[0].Amount(), 883'333);
  EXPECT_EQ(schedule.instalments[11].Amount(), 837'504);
  EXPECT_EQ(schedule.instalments[1].balance_after, 8'333'334);
}

TEST(LoanSchedule, OneMillionAtNoInterestOverThreeMonthsPutsTheExtraRupiahLast) {
  for (auto method : {InterestMethod::kFlat, InterestMethod::kDeclining}) {
    auto schedule = Build(Terms(1'000'000, 0, 3, method));
    EXPECT_EQ(Principals(schedule), (std::vector<std::int64_t>{333'333, 333'333, 333'334}));
    EXPECT_EQ(Interests(schedule), (std::vector<std::int64_t>{0, 0, 0}));
    EXPECT_EQ(schedule.TotalDue(), 1'000'000);
  }
}

TEST(LoanSchedule, OddPrincipalOverSevenMonthsAtNinePercentDeclining) {
  // 5.000.001 ÷ 7 = 714.285 rest 6: the last carries 714.291. Interest = balance × 0,75%:
  // 5.000.001 → 37.500,0075 → 37.500; 4.285.716 → 32.142,87 → 32.143; 3.571.431 → 26.785,7325 →
  // 26.786; 2.857.146 → 21.428,595 → 21.429; 2.142.861 → 16.071,4575 → 16.071; 1.428.576 →
  // 10.714,32 → 10.714; 714.291 → 5.357,1825 → 5.357.
  auto schedule = Build(Terms(5'000'001, 900, 7, InterestMethod::kDeclining));
  EXPECT_EQ(Principals(schedule), (std::vector<std::int64_t>{714'285, 714'285, 714'285, 714'285,
                                                             714'285, 714'285, 714'291}));
  EXPECT_EQ(Interests(schedule),
            (std::vector<std::int64_t>{37'500, 32'143, 26'786, 21'429, 16'071, 10'714, 5'357}));
  EXPECT_EQ(schedule.total_principal, 5'000'001);
  EXPECT_EQ(schedule.total_interest, 150'000);
  std::vector<std::int64_t> balances;
  for (const auto& instalment : schedule.instalments) balances.push_back(instalment.balance_after);
  EXPECT_EQ(balances, (std::vector<std::int64_t>{4'285'716, 3'571'431, 2'857'146, 2'142'861,
                                                 1'428'576, 714'291, 0}));
}

TEST(LoanSchedule, FlatInterestIsRoundedOnceAndItsRemainderGoesOnTheLastInstalment) {
  // 1.000.000 × 5% × 7/12 = 29.166,67 → 29.167 in all; 29.167 ÷ 7 = 4.166 rest 5.
  auto schedule = Build(Terms(1'000'000, 500, 7, InterestMethod::kFlat));
  EXPECT_EQ(Interests(schedule),
            (std::vector<std::int64_t>{4'166, 4'166, 4'166, 4'166, 4'166, 4'166, 4'171}));
  EXPECT_EQ(schedule.total_interest, 29'167);
  EXPECT_EQ(Principals(schedule), (std::vector<std::int64_t>{142'857, 142'857, 142'857, 142'857,
                                                             142'857, 142'857, 142'858}));
}

TEST(LoanSchedule, HalfARupiahOfInterestRoundsUpAndLessRoundsDown) {
  // Rp 100 at 6% for a month: 0,5 → 1. Rp 99: 0,495 → 0.
  for (auto method : {InterestMethod::kFlat, InterestMethod::kDeclining}) {
    EXPECT_EQ(Build(Terms(100, 600, 1, method)).total_interest, 1);
    EXPECT_EQ(Build(Terms(99, 600, 1, method)).total_interest, 0);
  }
}

TEST(LoanSchedule, PrincipalAndInterestAddUpExactlyOverASweepOfLoans) {
  std::mt19937_64 random(15);  // fixed: the same loans every run
  std::uniform_int_distribution<std::int64_t> small(1, 50'000'000);
  std::uniform_int_distribution<std::int64_t> large(1, kMaxLoanPrincipal);
  std::uniform_int_distribution<std::int64_t> rates(0, kMaxAnnualRateBp);
  std::uniform_int_distribution<int> terms(1, kMaxTermMonths);
  std::vector<std::int64_t> principals = {1, 2, 7, 119, 120, 121, 999'999, kMaxLoanPrincipal};
  for (int i = 0; i < 400; ++i) principals.push_back(i % 4 == 0 ? large(random) : small(random));

  for (std::size_t i = 0; i < principals.size(); ++i) {
    const std::int64_t principal = principals[i];
    const int months = i < 8 ? (i % 2 == 0 ? kMaxTermMonths : 7) : terms(random);
    const std::int64_t rate = i < 8 ? kMaxAnnualRateBp : rates(random);
    SCOPED_TRACE("Rp " + std::to_string(principal) + ", " + std::to_string(rate) + " bp, " +
                 std::to_string(months) + " months");
    auto flat = Build(Terms(principal, rate, months, InterestMethod::kFlat));
    auto declining = Build(Terms(principal, rate, months, InterestMethod::kDeclining));
    for (const LoanSchedule* schedule : {&flat, &declining}) {
      ASSERT_EQ(schedule->instalments.size(), static_cast<std::size_t>(months));
      std::int64_t principal_sum = 0;
      std::int64_t interest_sum = 0;
      for (const auto& instalment : schedule->instalments) {
        EXPECT_GE(instalment.principal, principal / months);
        EXPECT_GE(instalment.interest, 0);
        principal_sum += instalment.principal;
        interest_sum += instalment.interest;
        EXPECT_EQ(instalment.balance_after, principal - principal_sum);
      }
      EXPECT_EQ(principal_sum, principal);
      EXPECT_EQ(schedule->total_principal, principal);
      EXPECT_EQ(interest_sum, schedule->total_interest);
      EXPECT_EQ(schedule->instalments.back().balance_after, 0);
    }
    // Flat: the total is the one rounded product. Declining never costs more than flat and its
    // interest never grows from one month to the next.
    const std::int64_t exact = principal * rate * months;
    EXPECT_EQ(flat.total_interest, exact / 120'000 + (exact % 120'000 >= 60'000 ? 1 : 0));
    EXPECT_LE(declining.total_interest, flat.total_interest + months);
    auto interest = Interests(declining);
    EXPECT_TRUE(std::is_sorted(interest.rbegin(), interest.rend()));
  }
}

// ---- due dates --------------------------------------------------------------------------------

TEST(LoanDueDate, TheThirtyFirstFallsOnFebruarysLastDayAndComesBackInMarch) {
  auto common = Build(Terms(1'200'000, 0, 4, InterestMethod::kFlat, "2023-01-02", "2023-01-31"));
  EXPECT_EQ(DueDates(common),
            (std::vector<std::string>{"2023-01-31", "2023-02-28", "2023-03-31", "2023-04-30"}));
  auto leap = Build(Terms(1'200'000, 0, 4, InterestMethod::kFlat, "2024-01-02", "2024-01-31"));
  EXPECT_EQ(DueDates(leap),
            (std::vector<std::string>{"2024-01-31", "2024-02-29", "2024-03-31", "2024-04-30"}));
}

TEST(LoanDueDate, KeepsTheFirstDueDaysDayAcrossYearsAndCenturyLeapRules) {
  EXPECT_EQ(DueDate(D("2024-02-29"), 1), D("2024-03-29"));  // the 29th stays the 29th
  EXPECT_EQ(DueDate(D("2024-02-29"), 12), D("2025-02-28"));
  EXPECT_EQ(DueDate(D("2024-12-31"), 1), D("2025-01-31"));
  EXPECT_EQ(DueDate(D("2024-12-31"), 2), D("2025-02-28"));
  EXPECT_EQ(DueDate(D("2100-01-30"), 1), D("2100-02-28"));  // 2100 is not a leap year
  EXPECT_EQ(DueDate(D("2000-01-30"), 1), D("2000-02-29"));  // 2000 is
  EXPECT_EQ(DueDate(D("2024-01-15"), 119), D("2033-12-15"));
}

// ---- wrong terms ------------------------------------------------------------------------------

TEST(LoanTerms, RefusesATermOfZeroNegativeOrMoreThanTenYears) {
  for (int months : {0, -1, -12, kMaxTermMonths + 1, 1000}) {
    auto schedule = BuildSchedule(Terms(1'000'000, 600, months, InterestMethod::kFlat));
    ASSERT_FALSE(schedule.ok()) << months;
    auto field = OnlyField(schedule.error());
    EXPECT_EQ(field.field, "term_months");
    EXPECT_EQ(field.code, "out_of_range");
    EXPECT_EQ(Param(field, "min"), "1");
    EXPECT_EQ(Param(field, "max"), "120");
  }
  EXPECT_TRUE(BuildSchedule(Terms(1'000'000, 600, 1, InterestMethod::kFlat)).ok());
  EXPECT_TRUE(BuildSchedule(Terms(1'000'000, 600, kMaxTermMonths, InterestMethod::kFlat)).ok());
}

TEST(LoanTerms, RefusesPrincipalAndRateOutsideTheirRangesAndAcceptsTheirEdges) {
  for (std::int64_t principal : {std::int64_t{0}, std::int64_t{-5}, kMaxLoanPrincipal + 1}) {
    auto schedule = BuildSchedule(Terms(principal, 600, 12, InterestMethod::kFlat));
    ASSERT_FALSE(schedule.ok());
    auto field = OnlyField(schedule.error());
    EXPECT_EQ(field.field, "principal");
    EXPECT_EQ(field.code, "out_of_range");
    EXPECT_EQ(Param(field, "max"), "10000000000");
  }
  for (std::int64_t rate : {std::int64_t{-1}, kMaxAnnualRateBp + 1}) {
    auto schedule = BuildSchedule(Terms(1'000'000, rate, 12, InterestMethod::kDeclining));
    ASSERT_FALSE(schedule.ok());
    auto field = OnlyField(schedule.error());
    EXPECT_EQ(field.field, "annual_rate_bp");
    EXPECT_EQ(field.code, "out_of_range");
    EXPECT_EQ(Param(field, "min"), "0");
    EXPECT_EQ(Param(field, "max"), "10000");
  }
  // The largest loan at the highest rate over the longest term does not overflow.
  auto largest =
      Build(Terms(kMaxLoanPrincipal, kMaxAnnualRateBp, kMaxTermMonths, InterestMethod::kFlat));
  EXPECT_EQ(largest.total_interest, 100'000'000'000);  // 100% a year for ten years
  EXPECT_TRUE(BuildSchedule(Terms(1, 0, 1, InterestMethod::kDeclining)).ok());
}

TEST(LoanTerms, RefusesAnUnknownMethodAndReportsEveryWrongFieldAtOnce) {
  EXPECT_EQ(ParseInterestMethod("flat"), InterestMethod::kFlat);
  EXPECT_EQ(ParseInterestMethod("declining"), InterestMethod::kDeclining);
  EXPECT_EQ(ParseInterestMethod("Flat"), std::nullopt);
  EXPECT_EQ(ParseInterestMethod("anuitas"), std::nullopt);
  EXPECT_EQ(ToString(InterestMethod::kDeclining), "declining");

  auto terms = Terms(0, -1, 0, static_cast<InterestMethod>(7));
  auto status = CheckLoanTerms(terms);
  ASSERT_FALSE(status.ok());
  std::vector<std::string> fields;
  for (const auto& field : status.error().fields) fields.push_back(field.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"principal", "annual_rate_bp", "term_months", "method"}));
  EXPECT_EQ(status.error().fields[3].code, "invalid_value");
}

TEST(LoanTerms, RefusesAFirstDueDateNotAfterTheDisbursementOrNotACalendarDay) {
  auto same_day =
      CheckLoanTerms(Terms(1'000'000, 600, 12, InterestMethod::kFlat, "2024-01-15", "2024-01-15"));
  ASSERT_FALSE(same_day.ok());
  auto field = OnlyField(same_day.error());
  EXPECT_EQ(field.field, "first_due_on");
  EXPECT_EQ(field.code, "before_disbursement");
  EXPECT_EQ(Param(field, "disbursed_on"), "2024-01-15");
  EXPECT_TRUE(
      CheckLoanTerms(Terms(1'000'000, 600, 12, InterestMethod::kFlat, "2024-01-15", "2024-01-16"))
          .ok());

  auto terms = Terms(1'000'000, 600, 12, InterestMethod::kFlat);
  terms.first_due_on = core::Date{2023, 2, 29};
  auto not_a_day = CheckLoanTerms(terms);
  ASSERT_FALSE(not_a_day.ok());
  EXPECT_EQ(OnlyField(not_a_day.error()).field, "first_due_on");
  EXPECT_EQ(OnlyField(not_a_day.error()).code, "invalid_value");

  auto too_late =
      CheckLoanTerms(Terms(1'000'000, 600, 12, InterestMethod::kFlat, "9999-01-01", "9999-02-01"));
  ASSERT_FALSE(too_late.ok());
  EXPECT_EQ(OnlyField(too_late.error()).code, "out_of_range");
}

// ---- repayments -------------------------------------------------------------------------------

// Rp 10.000.000 flat at 6% over 12 months: 883.333 a month (50.000 interest, 833.333 principal),
// due on the 15th from 15 February 2024.
LoanSchedule TenMillionFlat() { return Build(Terms(kTenMillion, 600, 12, InterestMethod::kFlat)); }

TEST(LoanRepayment, PaysInterestBeforePrincipalAndTheOldestInstalmentFirst) {
  auto schedule = TenMillionFlat();
  auto position =
      ApplyRepayments(schedule, {{D("2024-02-15"), 30'000}, {D("2024-02-20"), 900'000}});
  ASSERT_TRUE(position.ok());
  const auto& first = position->instalments[0];
  const auto& second = position->instalments[1];
  // 30.000 + 900.000: the first's 50.000 interest and 833.333 principal, then 46.667 of the
  // second's interest and none of its principal.
  EXPECT_EQ(first.paid_interest, 50'000);
  EXPECT_EQ(first.paid_principal, 833'333);
  EXPECT_TRUE(first.Whole());
  EXPECT_EQ(first.paid_on, D("2024-02-20"));  // the day it became whole, not the first payment
  EXPECT_EQ(second.paid_interest, 46'667);
  EXPECT_EQ(second.paid_principal, 0);
  EXPECT_EQ(second.paid_on, std::nullopt);
  EXPECT_EQ(second.Owed(), 836'666);
  EXPECT_EQ(position->instalments[2].paid_interest, 0);
  EXPECT_EQ(position->paid_interest, 96'667);
  EXPECT_EQ(position->paid_principal, 833'333);
  EXPECT_EQ(position->outstanding_principal, 9'166'667);
  EXPECT_EQ(position->outstanding_interest, 503'333);
  EXPECT_FALSE(position->Closed());
}

TEST(LoanRepayment, IsAppliedInTheOrderOfItsDayNotOfTheList) {
  auto schedule = TenMillionFlat();
  auto position =
      ApplyRepayments(schedule, {{D("2024-03-15"), 883'333}, {D("2024-02-15"), 883'333}});
  ASSERT_TRUE(position.ok());
  EXPECT_EQ(position->instalments[0].paid_on, D("2024-02-15"));
  EXPECT_EQ(position->instalments[1].paid_on, D("2024-03-15"));
}

TEST(LoanRepayment, RefusesMoreThanIsStillOwedAndSaysHowMuchThatIs) {
  auto schedule = TenMillionFlat();
  std::vector<Repayment> recorded = {{D("2024-02-15"), 10'599'900}};
  auto over = AddRepayment(schedule, recorded, {D("2024-03-01"), 101});
  ASSERT_FALSE(over.ok());
  auto field = OnlyField(over.error());
  EXPECT_EQ(field.field, "amount");
  EXPECT_EQ(field.code, "exceeds_outstanding");
  EXPECT_EQ(Param(field, "outstanding"), "100");
  EXPECT_NE(field.message.find("Rp 100"), std::string::npos) << field.message;

  auto exact = AddRepayment(schedule, recorded, {D("2024-03-01"), 100});
  ASSERT_TRUE(exact.ok());
  EXPECT_TRUE(exact->Closed());

  // In a list, the one that comes (by day) when less is owed than it brings is named.
  auto listed = ApplyRepayments(schedule, {{D("2024-03-01"), 200}, {D("2024-02-15"), 10'599'900}});
  ASSERT_FALSE(listed.ok());
  auto named = OnlyField(listed.error());
  EXPECT_EQ(named.field, "repayments[0].amount");
  EXPECT_EQ(Param(named, "outstanding"), "100");

  // A back-dated repayment that fits is applied in its day's place.
  auto back_dated =
      AddRepayment(schedule, {{D("2024-04-15"), 883'333}}, {D("2024-02-15"), 883'333});
  ASSERT_TRUE(back_dated.ok());
  EXPECT_EQ(back_dated->instalments[0].paid_on, D("2024-02-15"));
  EXPECT_EQ(back_dated->instalments[1].paid_on, D("2024-04-15"));
}

TEST(LoanRepayment, RefusesNothingOrLessAndADayBeforeTheDisbursement) {
  auto schedule = TenMillionFlat();  // disbursed on 15 January 2024
  auto zero = AddRepayment(schedule, {}, {D("2024-02-15"), 0});
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(OnlyField(zero.error()).field, "amount");
  EXPECT_EQ(OnlyField(zero.error()).code, "out_of_range");
  EXPECT_FALSE(AddRepayment(schedule, {}, {D("2024-02-15"), -883'333}).ok());

  auto early = AddRepayment(schedule, {}, {D("2024-01-14"), 50'000});
  ASSERT_FALSE(early.ok());
  auto field = OnlyField(early.error());
  EXPECT_EQ(field.field, "paid_on");
  EXPECT_EQ(field.code, "before_disbursement");
  EXPECT_EQ(Param(field, "disbursed_on"), "2024-01-15");
  EXPECT_TRUE(AddRepayment(schedule, {}, {D("2024-01-15"), 50'000}).ok());

  auto both = ApplyRepayments(schedule, {{D("2024-02-15"), 1}, {D("2024-01-01"), 0}});
  ASSERT_FALSE(both.ok());
  ASSERT_EQ(both.error().fields.size(), 2u);
  EXPECT_EQ(both.error().fields[0].field, "repayments[1].amount");
  EXPECT_EQ(both.error().fields[1].field, "repayments[1].paid_on");
}

TEST(LoanRepayment, PayingEverythingEarlyClosesTheLoanOnThatDay) {
  auto schedule = TenMillionFlat();
  auto position = AddRepayment(schedule, {}, {D("2024-01-20"), schedule.TotalDue()});
  ASSERT_TRUE(position.ok());
  EXPECT_TRUE(position->Closed());
  EXPECT_EQ(position->closed_on, D("2024-01-20"));
  EXPECT_EQ(position->Outstanding(), 0);
  for (const auto& instalment : position->instalments) {
    EXPECT_EQ(instalment.paid_on, D("2024-01-20"));
  }
  // Closed: nothing is overdue when its instalments fall due, and nothing more can be paid.
  auto later = ArrearsAt(schedule, {{D("2024-01-20"), schedule.TotalDue()}}, "2024-12-31");
  EXPECT_TRUE(later.closed);
  EXPECT_EQ(later.Overdue(), 0);
  EXPECT_EQ(later.days_past_due, 0);
  EXPECT_EQ(later.outstanding_principal, 0);
  auto more =
      AddRepayment(schedule, {{D("2024-01-20"), schedule.TotalDue()}}, {D("2024-02-01"), 1});
  ASSERT_FALSE(more.ok());
  EXPECT_EQ(Param(OnlyField(more.error()), "outstanding"), "0");
}

TEST(LoanRepayment, KeepsThePaidAndOutstandingSumsWholeOverRandomRepayments) {
  std::mt19937_64 random(2024);
  auto schedule = Build(Terms(5'000'001, 900, 7, InterestMethod::kDeclining));
  for (int round = 0; round < 50; ++round) {
    std::vector<Repayment> repayments;
    std::int64_t left = schedule.TotalDue();
    std::uniform_int_distribution<int> days(0, 240);
    while (left > 0 && repayments.size() < 12) {
      std::uniform_int_distribution<std::int64_t> amount(1,
                                                         std::min<std::int64_t>(left, 1'500'000));
      // Any month from the disbursement's to eight months on.
      repayments.push_back({DueDate(D("2024-01-15"), days(random) / 30), amount(random)});
      left -= repayments.back().amount;
    }
    auto position = ApplyRepayments(schedule, repayments);
    ASSERT_TRUE(position.ok());
    EXPECT_EQ(position->paid_principal + position->outstanding_principal, 5'000'001);
    EXPECT_EQ(position->paid_interest + position->outstanding_interest, schedule.total_interest);
    EXPECT_EQ(position->Closed(), left == 0);
    // Oldest first: once an instalment is not whole, nothing later has been paid.
    bool open_seen = false;
    for (const auto& instalment : position->instalments) {
      if (open_seen) {
        EXPECT_EQ(instalment.paid_interest + instalment.paid_principal, 0);
      }
      if (!instalment.Whole()) open_seen = true;
      // Interest first: no principal paid while interest of the same instalment is owed.
      if (instalment.paid_principal > 0) {
        EXPECT_EQ(instalment.OwedInterest(), 0);
      }
    }
  }
}

// ---- arrears ----------------------------------------------------------------------------------

TEST(LoanArrears, NothingIsOverdueTheDayBeforeTheDueDateAndZeroDaysPastDueOnIt) {
  auto schedule = TenMillionFlat();  // first due 15 February 2024
  auto before = ArrearsAt(schedule, {}, "2024-02-14");
  EXPECT_TRUE(before.disbursed);
  EXPECT_EQ(before.overdue_instalments, 0);
  EXPECT_EQ(before.Overdue(), 0);
  EXPECT_EQ(before.oldest_unpaid_due_on, std::nullopt);
  EXPECT_EQ(before.days_past_due, 0);
  EXPECT_EQ(before.outstanding_principal, kTenMillion);

  auto on = ArrearsAt(schedule, {}, "2024-02-15");
  EXPECT_EQ(on.overdue_instalments, 1);
  EXPECT_EQ(on.overdue_interest, 50'000);
  EXPECT_EQ(on.overdue_principal, 833'333);
  EXPECT_EQ(on.oldest_unpaid_due_on, D("2024-02-15"));
  EXPECT_EQ(on.days_past_due, 0);

  EXPECT_EQ(ArrearsAt(schedule, {}, "2024-02-16").days_past_due, 1);
  // 15 February to 15 March 2024 is 29 days (a leap February); the second instalment is due too.
  auto month = ArrearsAt(schedule, {}, "2024-03-15");
  EXPECT_EQ(month.overdue_instalments, 2);
  EXPECT_EQ(month.Overdue(), 2 * 883'333);
  EXPECT_EQ(month.days_past_due, 29);
}

TEST(LoanArrears, CountsWhatAPartPaymentLeftAndIgnoresRepaymentsOfLaterDays) {
  auto schedule = TenMillionFlat();
  std::vector<Repayment> repayments = {{D("2024-02-15"), 60'000}, {D("2024-03-01"), 823'333}};
  auto partial = ArrearsAt(schedule, repayments, "2024-02-20");
  EXPECT_EQ(partial.overdue_interest, 0);
  EXPECT_EQ(partial.overdue_principal, 823'333);
  EXPECT_EQ(partial.days_past_due, 5);
  EXPECT_EQ(partial.outstanding_principal, kTenMillion - 10'000);
  EXPECT_EQ(partial.outstanding_interest, 600'000 - 50'000);

  auto caught_up = ArrearsAt(schedule, repayments, "2024-03-01");
  EXPECT_EQ(caught_up.Overdue(), 0);
  EXPECT_EQ(caught_up.days_past_due, 0);
  EXPECT_EQ(caught_up.oldest_unpaid_due_on, std::nullopt);

  // Before the disbursement the loan owes nothing yet.
  auto not_yet = ArrearsAt(schedule, repayments, "2024-01-14");
  EXPECT_FALSE(not_yet.disbursed);
  EXPECT_EQ(not_yet.outstanding_principal, 0);
}

TEST(LoanArrears, RefusesAWrongRepaymentWhateverTheDay) {
  auto schedule = TenMillionFlat();
  auto arrears = ArrearsOn(schedule, {{D("2024-12-01"), 99'999'999}}, D("2024-02-01"));
  ASSERT_FALSE(arrears.ok());
  EXPECT_EQ(OnlyField(arrears.error()).code, "exceeds_outstanding");
}

// ---- PAR30 --------------------------------------------------------------------------------

// Five million at no interest over five months, paid on every due day (15 Feb .. 15 Jun 2024).
LoanSchedule CurrentLoan() { return Build(Terms(5'000'000, 0, 5, InterestMethod::kFlat)); }
std::vector<Repayment> PaidOnTime() {
  return {{D("2024-02-15"), 1'000'000}, {D("2024-03-15"), 1'000'000}, {D("2024-04-15"), 1'000'000}};
}

PortfolioAtRisk ParOn(const std::vector<std::pair<LoanSchedule, std::vector<Repayment>>>& loans,
                      const char* day) {
  std::vector<Arrears> book;
  book.reserve(loans.size());
  for (const auto& [schedule, repayments] : loans) {
    book.push_back(ArrearsAt(schedule, repayments, day));
  }
  return PortfolioAtRiskOf(book);
}

TEST(Par30, ALoanThirtyDaysPastDueIsNotAtRiskAndOnDayThirtyOneItIs) {
  // The ten-million loan pays nothing: 15 February 2024 + 30 days = 16 March.
  auto late = TenMillionFlat();
  auto current = CurrentLoan();
  EXPECT_EQ(ArrearsAt(late, {}, "2024-03-16").days_past_due, 30);
  auto day30 = ParOn({{late, {}}, {current, PaidOnTime()}}, "2024-03-16");
  EXPECT_EQ(day30.loans_at_risk, 0);
  EXPECT_EQ(day30.at_risk_principal, 0);
  EXPECT_EQ(day30.outstanding_principal, kTenMillion + 3'000'000);
  EXPECT_EQ(day30.loans_outstanding, 2);
  EXPECT_EQ(day30.ratio, 0.0);

  auto day31 = ParOn({{late, {}}, {current, PaidOnTime()}}, "2024-03-17");
  EXPECT_EQ(day31.threshold_days, 30);
  EXPECT_EQ(day31.loans_at_risk, 1);
  // The whole outstanding principal of the late loan, not only its overdue part.
  EXPECT_EQ(day31.at_risk_principal, kTenMillion);
  EXPECT_EQ(day31.outstanding_principal, kTenMillion + 3'000'000);
  EXPECT_DOUBLE_EQ(day31.ratio, 10.0 / 13.0);
}

TEST(Par30, ALoanPaidLateThenCaughtUpLeavesTheRiskButStaysInTheHistory) {
  auto late = TenMillionFlat();
  auto current = CurrentLoan();
  // Nothing until 20 March, then the two overdue instalments at once.
  std::vector<Repayment> caught_up = {{D("2024-03-20"), 1'766'666}};  // 2 × 883.333
  auto before = ParOn({{late, caught_up}, {current, PaidOnTime()}}, "2024-03-19");
  EXPECT_EQ(before.loans_at_risk, 1);
  EXPECT_EQ(before.at_risk_principal, kTenMillion);

  auto after = ParOn({{late, caught_up}, {current, PaidOnTime()}}, "2024-03-20");
  EXPECT_EQ(after.loans_at_risk, 0);
  EXPECT_EQ(after.at_risk_principal, 0);
  EXPECT_EQ(after.outstanding_principal, kTenMillion - 1'666'666 + 3'000'000);

  // Paying only the oldest instalment moves the oldest unpaid due date to 15 March: 5 days.
  std::vector<Repayment> one = {{D("2024-03-20"), 883'333}};
  auto arrears = ArrearsAt(late, one, "2024-03-20");
  EXPECT_EQ(arrears.oldest_unpaid_due_on, D("2024-03-15"));
  EXPECT_EQ(arrears.days_past_due, 5);
  EXPECT_EQ(ParOn({{late, one}}, "2024-03-20").loans_at_risk, 0);
}

TEST(Par30, LeavesOutLoansNotYetDisbursedOrClosedAndIsZeroOverNothing) {
  auto closed = CurrentLoan();
  std::vector<Repayment> all = {{D("2024-01-20"), 5'000'000}};
  auto future =
      Build(Terms(kTenMillion, 600, 12, InterestMethod::kFlat, "2024-06-01", "2024-07-01"));
  auto par = ParOn({{closed, all}, {future, {}}}, "2024-05-01");
  EXPECT_EQ(par.loans_outstanding, 0);
  EXPECT_EQ(par.outstanding_principal, 0);
  EXPECT_EQ(par.ratio, 0.0);
  EXPECT_EQ(PortfolioAtRiskOf({}).ratio, 0.0);

  // Another threshold: PAR90 counts the late loan only from day 91.
  auto late = TenMillionFlat();
  std::vector<Arrears> ninety = {ArrearsAt(late, {}, "2024-05-15")};  // 15 Feb + 90 days
  EXPECT_EQ(ninety.front().days_past_due, 90);
  EXPECT_EQ(PortfolioAtRiskOf(ninety, 90).loans_at_risk, 0);
  EXPECT_EQ(PortfolioAtRiskOf(ninety, 30).loans_at_risk, 1);
}

}  // namespace
}  // namespace gotong::domain::programmes
