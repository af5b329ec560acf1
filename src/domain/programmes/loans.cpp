#include "domain/programmes/loans.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <iterator>
#include <numeric>
#include <string>
#include <utility>

#include "core/names.hpp"
#include "domain/groups/rules.hpp"

namespace gotong::domain::programmes {
namespace {

using core::FieldError;

constexpr std::int64_t kMonthsBasisPoints = 120'000;  // rate ÷ 12 months ÷ 10000 bp

constexpr core::Names<InterestMethod, 2> kInterestMethods = {
    {{"flat", InterestMethod::kFlat}, {"declining", InterestMethod::kDeclining}}};

std::chrono::year_month_day Ymd(const core::Date& date) {
  return std::chrono::year_month_day{std::chrono::year{date.year}, std::chrono::month{date.month},
                                     std::chrono::day{date.day}};
}

bool IsCalendarDate(const core::Date& date) { return Ymd(date).ok(); }

// Whole days from `from` to `to` (negative when `to` is earlier).
std::int64_t DaysBetween(const core::Date& from, const core::Date& to) {
  return (std::chrono::sys_days{Ymd(to)} - std::chrono::sys_days{Ymd(from)}).count();
}

// numerator ÷ denominator rounded to the nearest whole number, halves up (numerator ≥ 0, d > 0).
std::int64_t RoundHalfUp(std::int64_t numerator, std::int64_t denominator) {
  return (numerator + denominator / 2) / denominator;
}

std::string Rupiah(std::int64_t amount) { return groups::FormatRupiah(amount); }

void CheckRange(std::vector<FieldError>& errors, const std::string& field, std::int64_t value,
                std::int64_t min, std::int64_t max, const std::string& shown_max) {
  if (value >= min && value <= max) return;
  errors.emplace_back(
      field, "out_of_range",
      field + " must be from " + std::to_string(min) + " to " + shown_max + "; it is " +
          std::to_string(value),
      core::ErrorParams{{"min", std::to_string(min)}, {"max", std::to_string(max)}});
}

// A calendar date from kMinLoanYear to kMaxLoanYear; false (with its error) otherwise.
bool CheckDate(std::vector<FieldError>& errors, const std::string& field, const core::Date& date) {
  if (!IsCalendarDate(date)) {
    errors.emplace_back(field, "invalid_value", field + " is not a calendar date");
    return false;
  }
  if (date.year < kMinLoanYear || date.year > kMaxLoanYear) {
    errors.emplace_back(field, "out_of_range",
                        field + " must be in the years " + std::to_string(kMinLoanYear) + " to " +
                            std::to_string(kMaxLoanYear),
                        core::ErrorParams{{"min", std::to_string(kMinLoanYear)},
                                          {"max", std::to_string(kMaxLoanYear)}});
    return false;
  }
  return true;
}

void CheckFirstDue(std::vector<FieldError>& errors, const LoanTerms& terms, bool disbursed_ok,
                   bool term_ok) {
  if (!CheckDate(errors, "first_due_on", terms.first_due_on)) return;
  if (disbursed_ok && terms.first_due_on <= terms.disbursed_on) {
    errors.emplace_back(
        "first_due_on", "before_disbursement",
        "first_due_on must be after the disbursement on " + terms.disbursed_on.ToString(),
        core::ErrorParams{{"disbursed_on", terms.disbursed_on.ToString()}});
  }
  if (term_ok && DueDate(terms.first_due_on, terms.term_months - 1).year > kMaxLoanYear) {
    errors.emplace_back(
        "first_due_on", "out_of_range",
        "the last instalment would fall after the year " + std::to_string(kMaxLoanYear),
        core::ErrorParams{{"max", std::to_string(kMaxLoanYear)}});
  }
}

// `total` in `term` parts: floor(total ÷ term) each, the remainder on the last.
std::vector<std::int64_t> EvenParts(std::int64_t total, int term) {
  std::vector<std::int64_t> parts(static_cast<std::size_t>(term), total / term);
  parts.back() += total % term;
  return parts;
}

// Flat: the total rounded half up once, floor(total ÷ term) a month, the remainder on the last.
std::vector<std::int64_t> FlatInterest(const LoanTerms& terms) {
  const std::int64_t total =
      RoundHalfUp(terms.principal * terms.annual_rate_bp * terms.term_months, kMonthsBasisPoints);
  return EvenParts(total, terms.term_months);
}

// Declining: each month's interest on the principal outstanding before it, rounded half up.
std::vector<std::int64_t> DecliningInterest(const LoanTerms& terms,
                                            const std::vector<std::int64_t>& principal_parts) {
  std::vector<std::int64_t> interest;
  interest.reserve(principal_parts.size());
  std::int64_t balance = terms.principal;
  for (std::int64_t part : principal_parts) {
    interest.push_back(RoundHalfUp(balance * terms.annual_rate_bp, kMonthsBasisPoints));
    balance -= part;
  }
  return interest;
}

LoanPosition Unpaid(const LoanSchedule& schedule) {
  LoanPosition position;
  position.instalments.reserve(schedule.instalments.size());
  for (const Instalment& instalment : schedule.instalments) {
    position.instalments.push_back(InstalmentPosition{instalment, 0, 0, std::nullopt});
  }
  position.outstanding_principal = schedule.total_principal;
  position.outstanding_interest = schedule.total_interest;
  return position;
}

// Pays `amount` (at most what is outstanding) into the oldest instalments, interest first.
void Pay(LoanPosition& position, const Repayment& repayment) {
  std::int64_t left = repayment.amount;
  for (InstalmentPosition& instalment : position.instalments) {
    if (left == 0) break;
    if (instalment.Whole()) continue;
    const std::int64_t interest = std::min(left, instalment.OwedInterest());
    instalment.paid_interest += interest;
    left -= interest;
    const std::int64_t principal = std::min(left, instalment.OwedPrincipal());
    instalment.paid_principal += principal;
    left -= principal;
    position.paid_interest += interest;
    position.paid_principal += principal;
    position.outstanding_interest -= interest;
    position.outstanding_principal -= principal;
    if (instalment.Whole()) instalment.paid_on = repayment.paid_on;
  }
  if (position.Outstanding() == 0) position.closed_on = repayment.paid_on;
}

// The checks of one repayment that need nothing but the loan's terms.
void CheckRepayment(std::vector<FieldError>& errors, const std::string& prefix,
                    const LoanTerms& terms, const Repayment& repayment) {
  if (repayment.amount <= 0) {
    errors.emplace_back(prefix + "amount", "out_of_range", prefix + "amount must be more than Rp 0",
                        core::ErrorParams{{"min", "1"}});
  }
  if (!IsCalendarDate(repayment.paid_on)) {
    errors.emplace_back(prefix + "paid_on", "invalid_value",
                        prefix + "paid_on is not a calendar date");
  } else if (repayment.paid_on < terms.disbursed_on) {
    errors.emplace_back(
        prefix + "paid_on", "before_disbursement",
        prefix + "paid_on is before the loan was disbursed on " + terms.disbursed_on.ToString(),
        core::ErrorParams{{"disbursed_on", terms.disbursed_on.ToString()}});
  }
}

FieldError ExceedsOutstanding(const std::string& field, std::int64_t amount,
                              std::int64_t outstanding) {
  return FieldError{field,
                    "exceeds_outstanding",
                    "the repayment of " + Rupiah(amount) + " is more than the " +
                        Rupiah(outstanding) + " the loan still owes",
                    {{"outstanding", std::to_string(outstanding)}}};
}

// Indices of `repayments` in the order of their day, the list's order within a day.
std::vector<std::size_t> ByDay(const std::vector<Repayment>& repayments) {
  std::vector<std::size_t> order(repayments.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return repayments[a].paid_on < repayments[b].paid_on;
  });
  return order;
}

std::string At(std::size_t index) { return "repayments[" + std::to_string(index) + "]."; }

}  // namespace

std::string_view ToString(InterestMethod method) { return core::NameOf(method, kInterestMethods); }
std::optional<InterestMethod> ParseInterestMethod(std::string_view text) {
  return core::ValueNamed(text, kInterestMethods);
}

core::Status CheckLoanTerms(const LoanTerms& terms) {
  std::vector<FieldError> errors;
  CheckRange(errors, "principal", terms.principal, 1, kMaxLoanPrincipal, Rupiah(kMaxLoanPrincipal));
  CheckRange(errors, "annual_rate_bp", terms.annual_rate_bp, 0, kMaxAnnualRateBp,
             std::to_string(kMaxAnnualRateBp) + " (100% a year)");
  const bool term_ok = terms.term_months >= 1 && terms.term_months <= kMaxTermMonths;
  CheckRange(errors, "term_months", terms.term_months, 1, kMaxTermMonths,
             std::to_string(kMaxTermMonths) + " (ten years)");
  if (terms.method != InterestMethod::kFlat && terms.method != InterestMethod::kDeclining) {
    errors.emplace_back("method", "invalid_value", "method must be flat or declining");
  }
  const bool disbursed_ok = CheckDate(errors, "disbursed_on", terms.disbursed_on);
  CheckFirstDue(errors, terms, disbursed_ok, term_ok);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return core::OkStatus();
}

core::Date DueDate(const core::Date& first_due_on, int index) {
  using std::chrono::months;
  const std::chrono::year_month month =
      std::chrono::year_month{std::chrono::year{first_due_on.year},
                              std::chrono::month{first_due_on.month}} +
      months{index};
  const std::chrono::year_month_day_last last{month.year(),
                                              std::chrono::month_day_last{month.month()}};
  const unsigned day = std::min(first_due_on.day, static_cast<unsigned>(last.day()));
  return core::Date{static_cast<int>(month.year()), static_cast<unsigned>(month.month()), day};
}

core::Result<LoanSchedule> BuildSchedule(const LoanTerms& terms) {
  GOTONG_RETURN_IF_ERROR(CheckLoanTerms(terms));
  const std::vector<std::int64_t> principal = EvenParts(terms.principal, terms.term_months);
  const std::vector<std::int64_t> interest = terms.method == InterestMethod::kFlat
                                                 ? FlatInterest(terms)
                                                 : DecliningInterest(terms, principal);
  LoanSchedule schedule;
  schedule.terms = terms;
  schedule.instalments.reserve(principal.size());
  std::int64_t balance = terms.principal;
  for (std::size_t i = 0; i < principal.size(); ++i) {
    balance -= principal[i];
    const int number = static_cast<int>(i) + 1;
    schedule.instalments.push_back(Instalment{number, DueDate(terms.first_due_on, number - 1),
                                              principal[i], interest[i], balance});
    schedule.total_principal += principal[i];
    schedule.total_interest += interest[i];
  }
  return schedule;
}

core::Result<LoanPosition> ApplyRepayments(const LoanSchedule& schedule,
                                           const std::vector<Repayment>& repayments) {
  std::vector<FieldError> errors;
  for (std::size_t i = 0; i < repayments.size(); ++i) {
    CheckRepayment(errors, At(i), schedule.terms, repayments[i]);
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));

  LoanPosition position = Unpaid(schedule);
  for (std::size_t i : ByDay(repayments)) {
    const std::int64_t outstanding = position.Outstanding();
    if (repayments[i].amount > outstanding) {
      errors.push_back(ExceedsOutstanding(At(i) + "amount", repayments[i].amount, outstanding));
      continue;
    }
    Pay(position, repayments[i]);
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  return position;
}

core::Result<LoanPosition> AddRepayment(const LoanSchedule& schedule,
                                        const std::vector<Repayment>& recorded,
                                        const Repayment& next) {
  std::vector<FieldError> errors;
  CheckRepayment(errors, "", schedule.terms, next);
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));
  GOTONG_ASSIGN_OR_RETURN(LoanPosition position, ApplyRepayments(schedule, recorded));
  if (next.amount > position.Outstanding()) {
    return core::Error::Invalid(
        {ExceedsOutstanding("amount", next.amount, position.Outstanding())});
  }
  // What the recorded ones add up to leaves room for this one, so no repayment in day order
  // exceeds what is owed when it comes, wherever this one falls.
  std::vector<Repayment> all = recorded;
  all.push_back(next);
  return ApplyRepayments(schedule, all);
}

core::Result<LoanPosition> PositionOn(const LoanSchedule& schedule,
                                      const std::vector<Repayment>& repayments,
                                      const core::Date& day) {
  // Checked whole first: a wrong repayment of a later day is wrong on any day.
  GOTONG_RETURN_IF_ERROR(ApplyRepayments(schedule, repayments));
  std::vector<Repayment> by_then;
  std::copy_if(repayments.begin(), repayments.end(), std::back_inserter(by_then),
               [&](const Repayment& repayment) { return repayment.paid_on <= day; });
  return ApplyRepayments(schedule, by_then);
}

Arrears ArrearsOf(const LoanSchedule& schedule, const LoanPosition& position,
                  const core::Date& day) {
  Arrears arrears;
  arrears.as_of = day;
  arrears.disbursed = schedule.terms.disbursed_on <= day;
  if (!arrears.disbursed) return arrears;
  arrears.closed = position.Closed();
  arrears.outstanding_principal = position.outstanding_principal;
  arrears.outstanding_interest = position.outstanding_interest;
  for (const InstalmentPosition& instalment : position.instalments) {
    if (instalment.due.due_on > day) break;
    if (instalment.Whole()) continue;
    ++arrears.overdue_instalments;
    arrears.overdue_principal += instalment.OwedPrincipal();
    arrears.overdue_interest += instalment.OwedInterest();
    if (!arrears.oldest_unpaid_due_on) arrears.oldest_unpaid_due_on = instalment.due.due_on;
  }
  if (arrears.oldest_unpaid_due_on) {
    arrears.days_past_due = DaysBetween(*arrears.oldest_unpaid_due_on, day);
  }
  return arrears;
}

core::Result<Arrears> ArrearsOn(const LoanSchedule& schedule,
                                const std::vector<Repayment>& repayments, const core::Date& day) {
  GOTONG_ASSIGN_OR_RETURN(LoanPosition position, PositionOn(schedule, repayments, day));
  return ArrearsOf(schedule, position, day);
}

PortfolioAtRisk PortfolioAtRiskOf(const std::vector<Arrears>& loans, int threshold_days) {
  PortfolioAtRisk par;
  par.threshold_days = threshold_days;
  for (const Arrears& loan : loans) {
    if (!loan.disbursed || loan.closed || loan.outstanding_principal == 0) continue;
    ++par.loans_outstanding;
    par.outstanding_principal += loan.outstanding_principal;
    if (loan.days_past_due > threshold_days) {
      ++par.loans_at_risk;
      par.at_risk_principal += loan.outstanding_principal;
    }
  }
  if (par.outstanding_principal > 0) {
    par.ratio =
        static_cast<double>(par.at_risk_principal) / static_cast<double>(par.outstanding_principal);
  }
  return par;
}

}  // namespace gotong::domain::programmes
