#pragma once

// Soft loans of the empowerment programmes (issue 15; seed 002's capital access, "pinjaman lunak
// berbunga ringan"): the instalment schedule, repayments applied to it, arrears as of a day and
// the portfolio at risk over 30 days (PAR30). Pure rules: no I/O, no clock; everything is
// computed from the terms and the repayments, never stored.
//
// Money is whole rupiah (int64). Rounding, decided once:
//  - Principal: each instalment carries floor(principal ÷ term); the last one also carries the
//    remainder, so the principal parts add up to the principal exactly.
//  - Flat ("bunga flat"): the total interest is principal × rate × term ÷ 12 ÷ 10000, rounded
//    half up once; each instalment carries floor(total ÷ term), the last one the remainder, so
//    the interest parts add up to that total exactly.
//  - Declining ("bunga menurun", "efektif" in cooperatives' and KUR brochures: equal principal,
//    interest on what is left): each instalment's interest is the principal outstanding before
//    it × rate ÷ 12 ÷ 10000, rounded half up on its own (x.5 rupiah → x + 1).
//  - The schedule is the contract: paying early does not recompute interest, and paying off
//    early means paying everything the schedule still asks (no rebate of future interest).
// Every product above fits in int64: principal ≤ 10^10, rate ≤ 10^4, term ≤ 120.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace gotong::domain::programmes {

// How interest is charged.
enum class InterestMethod { kFlat, kDeclining };  // flat, declining
std::string_view ToString(InterestMethod method);
std::optional<InterestMethod> ParseInterestMethod(std::string_view text);

inline constexpr std::int64_t kMaxLoanPrincipal = 10'000'000'000;  // Rp 10.000.000.000
inline constexpr std::int64_t kMaxAnnualRateBp = 10'000;           // 100% a year
inline constexpr int kMaxTermMonths = 120;                         // ten years
inline constexpr int kMinLoanYear = 1900;  // dates before it are typing mistakes
inline constexpr int kMaxLoanYear = 9999;  // the last due date must still be written in 4 digits

struct LoanTerms {
  std::int64_t principal = 0;       // whole rupiah, 1..kMaxLoanPrincipal
  std::int64_t annual_rate_bp = 0;  // basis points a year, 0..kMaxAnnualRateBp: 600 = 6%
  int term_months = 0;              // 1..kMaxTermMonths, one instalment a month
  InterestMethod method = InterestMethod::kFlat;
  core::Date disbursed_on;
  // After disbursed_on. Later instalments fall on the same day of the month, or on the month's
  // last day when it is shorter: a loan due on the 31st is due on 28 or 29 February.
  core::Date first_due_on;
};

// Every wrong field at once, as core::Error::Invalid (kInvalidArgument):
//   principal       out_of_range (params min, max)
//   annual_rate_bp  out_of_range (params min, max)
//   term_months     out_of_range (params min, max): zero, negative or longer than ten years
//   method          invalid_value (an enum value outside flat and declining)
//   disbursed_on    invalid_value (not a calendar date), out_of_range (params min, max: years)
//   first_due_on    invalid_value, out_of_range (the last due date would pass year 9999),
//                   before_disbursement (params disbursed_on: not after the disbursement)
core::Status CheckLoanTerms(const LoanTerms& terms);

// The due date of instalment `index` (0 = the first): `first_due_on` moved `index` months on,
// its day kept or clamped to the month's last day. `first_due_on` must be a calendar date.
core::Date DueDate(const core::Date& first_due_on, int index);

struct Instalment {
  int number = 0;  // 1..term_months
  core::Date due_on;
  std::int64_t principal = 0;
  std::int64_t interest = 0;
  std::int64_t balance_after = 0;  // principal still owed once this instalment is paid

  std::int64_t Amount() const { return principal + interest; }
  friend bool operator==(const Instalment&, const Instalment&) = default;
};

struct LoanSchedule {
  LoanTerms terms;
  std::vector<Instalment> instalments;  // oldest first, term_months of them
  std::int64_t total_principal = 0;     // = terms.principal
  std::int64_t total_interest = 0;

  std::int64_t TotalDue() const { return total_principal + total_interest; }
};

// The schedule of valid terms, or CheckLoanTerms' error.
core::Result<LoanSchedule> BuildSchedule(const LoanTerms& terms);

struct Repayment {
  core::Date paid_on;
  std::int64_t amount = 0;  // whole rupiah, > 0
};

// An instalment with what has been paid towards it.
struct InstalmentPosition {
  Instalment due;
  std::int64_t paid_interest = 0;
  std::int64_t paid_principal = 0;
  // The day the repayment that made it whole was paid; none while it is not whole, and none for
  // an instalment that owed nothing (a loan of fewer rupiah than months).
  std::optional<core::Date> paid_on;

  std::int64_t OwedInterest() const { return due.interest - paid_interest; }
  std::int64_t OwedPrincipal() const { return due.principal - paid_principal; }
  std::int64_t Owed() const { return OwedInterest() + OwedPrincipal(); }
  bool Whole() const { return Owed() == 0; }
};

struct LoanPosition {
  std::vector<InstalmentPosition> instalments;  // the schedule's, in its order
  std::int64_t paid_principal = 0;
  std::int64_t paid_interest = 0;
  std::int64_t outstanding_principal = 0;
  std::int64_t outstanding_interest = 0;
  std::optional<core::Date> closed_on;  // the day the last rupiah was paid; none while open

  std::int64_t Outstanding() const { return outstanding_principal + outstanding_interest; }
  bool Closed() const { return closed_on.has_value(); }
};

// Applies the repayments in the order of their day (the list's order within a day): each one to
// the oldest instalment not yet whole, its interest before its principal, and what is left over
// to the next instalment, so paying ahead is allowed. Refuses, as core::Error::Invalid naming
// every wrong one:
//   repayments[i].amount   out_of_range (params min: 1) when ≤ 0;
//                          exceeds_outstanding (params outstanding: what was still owed when
//                          it came, in date order) when larger than that
//   repayments[i].paid_on  invalid_value (not a calendar date);
//                          before_disbursement (params disbursed_on)
core::Result<LoanPosition> ApplyRepayments(const LoanSchedule& schedule,
                                           const std::vector<Repayment>& repayments);

// Recording one more repayment on top of those already recorded: the new position, or the same
// refusals naming "amount" and "paid_on" (a wrong recorded one is refused as ApplyRepayments
// does). exceeds_outstanding's `outstanding` is the loan's total due less every recorded
// repayment, whatever the new one's day: a back-dated repayment is applied in its day's place.
core::Result<LoanPosition> AddRepayment(const LoanSchedule& schedule,
                                        const std::vector<Repayment>& recorded,
                                        const Repayment& next);

// The loan as it stood at the end of `day`: only the repayments paid on or before it count.
core::Result<LoanPosition> PositionOn(const LoanSchedule& schedule,
                                      const std::vector<Repayment>& repayments,
                                      const core::Date& day);

// A loan's arrears at the end of a day.
struct Arrears {
  core::Date as_of;
  bool disbursed = false;  // disbursed on or before the day; nothing below counts before it
  bool closed = false;     // repaid in full by the day
  // Instalments due on or before the day and not whole by then, and what of them is unpaid.
  int overdue_instalments = 0;
  std::int64_t overdue_principal = 0;
  std::int64_t overdue_interest = 0;
  std::optional<core::Date> oldest_unpaid_due_on;
  // Days from the oldest unpaid due date to the day: 0 on the due date itself, 1 the day after.
  std::int64_t days_past_due = 0;
  // What the loan still owes in all (due or not) at the end of the day.
  std::int64_t outstanding_principal = 0;
  std::int64_t outstanding_interest = 0;

  std::int64_t Overdue() const { return overdue_principal + overdue_interest; }
};

// The arrears of `position` (a PositionOn the same day) at the end of `day`.
Arrears ArrearsOf(const LoanSchedule& schedule, const LoanPosition& position,
                  const core::Date& day);

// PositionOn, then ArrearsOf: ApplyRepayments' refusals for a wrong repayment, of any day.
core::Result<Arrears> ArrearsOn(const LoanSchedule& schedule,
                                const std::vector<Repayment>& repayments, const core::Date& day);

inline constexpr int kParDays = 30;

// The portfolio at risk: of the principal still outstanding on loans disbursed and not closed,
// the part owed by loans more than `threshold_days` past due (the whole outstanding principal of
// such a loan, not only its overdue part). A loan 30 days past due is not at risk over 30 days;
// on day 31 it is.
struct PortfolioAtRisk {
  int threshold_days = kParDays;
  std::int64_t at_risk_principal = 0;      // the numerator
  std::int64_t outstanding_principal = 0;  // the denominator
  double ratio = 0;                        // numerator ÷ denominator; 0 when nothing is lent
  std::int64_t loans_at_risk = 0;
  std::int64_t loans_outstanding = 0;  // disbursed, not closed, with principal still owed
};

// Over loans' arrears, all as of the same day (a programme's loan book). `threshold_days` ≥ 0.
PortfolioAtRisk PortfolioAtRiskOf(const std::vector<Arrears>& loans, int threshold_days = kParDays);

}  // namespace gotong::domain::programmes
