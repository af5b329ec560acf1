#include "domain/programmes/assistance.hpp"

#include "core/names.hpp"

namespace gotong::domain::programmes {
namespace {

constexpr core::Names<AssistanceKind, 8> kKinds = {{
    {"soft_loan", AssistanceKind::kSoftLoan},
    {"grant", AssistanceKind::kGrant},
    {"working_capital", AssistanceKind::kWorkingCapital},
    {"equipment", AssistanceKind::kEquipment},
    {"training_seat", AssistanceKind::kTrainingSeat},
    {"exhibition_slot", AssistanceKind::kExhibitionSlot},
    {"market_access", AssistanceKind::kMarketAccess},
    {"consultation", AssistanceKind::kConsultation},
}};

}  // namespace

std::string_view ToString(AssistanceKind kind) { return core::NameOf(kind, kKinds); }

std::optional<AssistanceKind> ParseAssistanceKind(std::string_view text) {
  return core::ValueNamed(text, kKinds);
}

LoanTerms Assistance::Terms() const {
  LoanTerms terms;
  terms.principal = value;
  if (disbursed_on) terms.disbursed_on = *disbursed_on;
  if (loan) {
    terms.annual_rate_bp = loan->annual_rate_bp;
    terms.term_months = loan->term_months;
    terms.method = loan->method;
    terms.first_due_on = loan->first_due_on;
  }
  return terms;
}

std::vector<Repayment> RepaymentsOf(const std::vector<RecordedRepayment>& recorded) {
  std::vector<Repayment> repayments;
  repayments.reserve(recorded.size());
  for (const auto& r : recorded) repayments.push_back(Repayment{r.paid_on, r.amount});
  return repayments;
}

core::Result<LoanSchedule> ScheduleOf(const Assistance& loan) {
  auto schedule = BuildSchedule(loan.Terms());
  if (!schedule.ok()) {
    return core::Error::Internal("loan " + std::to_string(loan.id) +
                                 " holds terms it could not have been recorded with: " + schedule.error().message);
  }
  return schedule;
}

core::Result<std::vector<Arrears>> ArrearsOfBook(const std::vector<BookedLoan>& loans, const core::Date& day) {
  std::vector<Arrears> arrears;
  arrears.reserve(loans.size());
  for (const auto& loan : loans) {
    GOTONG_ASSIGN_OR_RETURN(auto schedule, ScheduleOf(loan.assistance));
    GOTONG_ASSIGN_OR_RETURN(auto on_day, ArrearsOn(schedule, RepaymentsOf(loan.repayments), day));
    arrears.push_back(on_day);
  }
  return arrears;
}

}  // namespace gotong::domain::programmes
