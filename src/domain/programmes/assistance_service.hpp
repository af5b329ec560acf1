#pragma once

// The assistance ledger and its soft loans (issue 15): recording what reached an enterprise or a
// group, a loan's repayments, a loan book's portfolio at risk and a programme's budget.
//
// Who: admins record and read everything. An officer records what its stakeholder gave, and
// anything given under a programme its stakeholder owns or is a partner of; a facilitator what
// is given under the programme it facilitates. Those read what they may record, and officers
// also read what reached the enterprises and groups their stakeholder stewards. A record out of
// the caller's reach is not found (404, its existence is not revealed); a create the caller may
// not make is refused (403).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/programmes/assistance.hpp"
#include "domain/programmes/loans.hpp"

namespace gotong::domain::programmes {

// A soft loan's terms as sent; its principal is the record's value.
struct LoanInput {
  form::Field<std::int64_t> annual_rate_bp;
  form::Field<std::int64_t> term_months;
  form::Field<std::string> method;  // flat or declining
  form::Field<std::string> first_due_on;
};

struct AssistanceInput {
  form::Field<std::int64_t> programme_id;
  form::Field<std::int64_t> provider_id;
  form::Field<std::int64_t> enterprise_id;
  form::Field<std::int64_t> group_id;
  form::Field<std::string> kind;
  form::Field<std::int64_t> value;
  form::Field<std::string> given_on;
  form::Field<std::string> until_on;
  form::Field<std::string> disbursed_on;
  form::Field<std::string> description;
  form::Field<std::string> over_budget_reason;
  // The terms of a soft loan; none when the body has no loan object (absent or null).
  std::optional<LoanInput> loan;
};

struct AssistanceQuery {
  std::optional<std::int64_t> programme_id;
  std::optional<std::int64_t> provider_id;
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::string> kind;
  std::optional<std::string> from;
  std::optional<std::string> to;
  bool duplicates_only = false;
  core::PageRequest page;
};

struct LoanQuery {
  std::optional<std::int64_t> programme_id;
  std::optional<std::int64_t> provider_id;
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::string> as_of;  // default: today in Indonesia
  core::PageRequest page;
};

struct RepaymentInput {
  form::Field<std::string> paid_on;
  form::Field<std::int64_t> amount;
};

// A loan of a loan book with its arrears on the book's day.
struct LoanSummary {
  Assistance assistance;
  Arrears arrears;
};

// A page of a loan book and the portfolio at risk over the whole book, not only the page.
struct LoanBook {
  core::Date as_of;
  core::Page<LoanSummary> loans;
  PortfolioAtRisk portfolio;
};

// One loan: its terms, its schedule with what each instalment has been paid, its repayments and
// its arrears today.
struct LoanView {
  Assistance assistance;
  LoanSchedule schedule;
  LoanPosition position;
  std::vector<RecordedRepayment> repayments;
  Arrears arrears;
};

struct BudgetView {
  std::int64_t programme_id = 0;
  std::int64_t budget = 0;
  BudgetTally tally;
};

// The longest texts.
inline constexpr std::size_t kMaxAssistanceDescription = 2000;
inline constexpr std::size_t kMaxOverBudgetReason = 1000;
// The most rupiah one record may be worth (Rp 10.000.000.000.000), as groups::kMaxAmount.
inline constexpr std::int64_t kMaxAssistanceValue = 10'000'000'000'000;

class AssistanceService {
 public:
  AssistanceService(Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

  core::Result<core::Page<Assistance>> List(const accounts::Context& context, const AssistanceQuery& query);
  core::Result<Assistance> Get(const accounts::Context& context, std::int64_t id);
  // The record as saved; a soft loan's schedule is read by Loan().
  core::Result<Assistance> Create(const accounts::Context& context, const AssistanceInput& input);

  core::Result<LoanBook> Loans(const accounts::Context& context, const LoanQuery& query);
  core::Result<LoanView> Loan(const accounts::Context& context, std::int64_t id);
  core::Result<LoanView> Repay(const accounts::Context& context, std::int64_t loan_id,
                               const RepaymentInput& input);

  core::Result<BudgetView> Budget(const accounts::Context& context, std::int64_t programme_id);

  core::Date Today() const;

 private:
  Database& database_;
  const core::Clock& clock_;
};

}  // namespace gotong::domain::programmes
