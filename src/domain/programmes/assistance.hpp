#pragma once

// The assistance ledger of the empowerment programmes (issue 15): every benefit that reached an
// enterprise or a group — a soft loan, a grant, working capital, equipment, a training seat, an
// exhibition slot, market access, a consultation — with who gave it, under which programme, when
// and what it was worth. A soft loan carries its terms; its schedule, position and arrears are
// computed from them and its repayments (loans.hpp), never stored.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/programmes/loans.hpp"

namespace gotong::domain::programmes {

enum class AssistanceKind {
  kSoftLoan,
  kGrant,
  kWorkingCapital,
  kEquipment,
  kTrainingSeat,
  kExhibitionSlot,
  kMarketAccess,
  kConsultation,
};
std::string_view ToString(AssistanceKind kind);
std::optional<AssistanceKind> ParseAssistanceKind(std::string_view text);

// A soft loan's own terms. Its principal is the assistance's value and its disbursement the
// assistance's disbursed_on.
struct LoanPart {
  std::int64_t annual_rate_bp = 0;
  int term_months = 0;
  InterestMethod method = InterestMethod::kFlat;
  core::Date first_due_on;
};

struct Assistance {
  std::int64_t id = 0;
  std::optional<std::int64_t> programme_id;
  std::string programme_name;  // read only; "" without a programme
  std::int64_t provider_id = 0;  // the stakeholder who gave it
  std::string provider_name;     // read only
  // The recipient: exactly one of the two.
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> group_id;
  std::string recipient_name;                       // read only
  std::optional<std::int64_t> recipient_steward_id;  // read only: the recipient's steward
  AssistanceKind kind = AssistanceKind::kGrant;
  std::int64_t value = 0;  // whole rupiah; a loan's principal
  core::Date given_on;
  std::optional<core::Date> until_on;  // the end of a period (a training course, a stall)
  // When it reached the recipient; none while it is only committed. A loan's disbursement.
  std::optional<core::Date> disbursed_on;
  std::optional<std::string> description;
  // Why it was recorded although it took its programme over budget; none when it did not.
  std::optional<std::string> over_budget_reason;
  std::optional<LoanPart> loan;  // a soft loan's terms; none for every other kind
  std::optional<std::int64_t> created_by;
  core::Instant created_at{};
  core::Instant updated_at{};
  // Read only, computed when read: other records of the same kind for the same recipient whose
  // periods overlap this one's, whoever gave them (ascending ids).
  std::vector<std::int64_t> duplicate_of;

  // The last day of its period: until_on, or given_on for a benefit of one day.
  core::Date PeriodEnd() const { return until_on.value_or(given_on); }
  // A soft loan's terms for loans.hpp (the loan part, value and disbursed_on).
  LoanTerms Terms() const;
};

// One repayment of a soft loan as recorded.
struct RecordedRepayment {
  std::int64_t id = 0;
  std::int64_t loan_id = 0;  // the assistance record of the loan
  core::Date paid_on;
  std::int64_t amount = 0;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_by_username;  // read only; "" for the console
  core::Instant created_at{};
};

std::vector<Repayment> RepaymentsOf(const std::vector<RecordedRepayment>& recorded);

// A recorded loan's schedule from its stored terms (checked when it was recorded): kInternal when
// they no longer make one.
core::Result<LoanSchedule> ScheduleOf(const Assistance& loan);

// The records a caller reaches, when not every one: an officer's stakeholder reaches what it
// gave, what its programmes (as owner or partner) gave and what reached the enterprises and
// groups it stewards; a facilitator's programme reaches the programme's records.
struct LedgerReach {
  std::optional<std::int64_t> stakeholder_id{};
  std::optional<std::int64_t> programme_id{};
};

// Every part optional and all of them combined.
struct AssistanceFilter {
  LedgerReach reach{};
  std::optional<std::int64_t> programme_id{};
  std::optional<std::int64_t> provider_id{};
  std::optional<std::int64_t> enterprise_id{};
  std::optional<std::int64_t> group_id{};
  std::optional<AssistanceKind> kind{};
  std::optional<core::Date> from{};  // given_on
  std::optional<core::Date> to{};
  bool duplicates_only = false;
};

// A programme's money: what its records commit and what of that has been disbursed.
struct BudgetTally {
  std::int64_t committed = 0;
  std::int64_t disbursed = 0;
  std::int64_t over_budget_records = 0;  // records kept with an over_budget_reason
};

// A soft loan with its recorded repayments (oldest first).
struct BookedLoan {
  Assistance assistance;
  std::vector<RecordedRepayment> repayments;
};

// The arrears of every loan of a loan book at the end of `day`, in the book's order (for
// PortfolioAtRiskOf over the book).
core::Result<std::vector<Arrears>> ArrearsOfBook(const std::vector<BookedLoan>& loans, const core::Date& day);

class AssistanceRepository {
 public:
  virtual ~AssistanceRepository() = default;

  // The record and, for a soft loan, its loan part; returns the new id.
  virtual core::Result<std::int64_t> Insert(const Assistance& assistance) = 0;
  // With its loan part and duplicate_of; kNotFound naming the record when there is none.
  virtual core::Result<Assistance> Find(std::int64_t id) = 0;
  // Newest given_on first (then newest id), each with duplicate_of; the page is one statement.
  virtual core::Result<core::Page<Assistance>> List(const AssistanceFilter& filter,
                                                    const core::PageRequest& page) = 0;
  // Every soft loan the filter selects (its kind is ignored), oldest disbursement first, with
  // their repayments: the whole loan book of the filter, for its portfolio at risk.
  virtual core::Result<std::vector<BookedLoan>> LoanBook(const AssistanceFilter& filter) = 0;

  virtual core::Result<BudgetTally> Tally(std::int64_t programme_id) = 0;

  // Holds the record against other writers until this unit ends (a loan's repayments are
  // checked against those already recorded).
  virtual core::Status Lock(std::int64_t id) = 0;
  virtual core::Result<std::int64_t> InsertRepayment(const RecordedRepayment& repayment) = 0;
  // Oldest paid_on first, then in the order they were recorded.
  virtual core::Result<std::vector<RecordedRepayment>> Repayments(std::int64_t loan_id) = 0;
};

}  // namespace gotong::domain::programmes
