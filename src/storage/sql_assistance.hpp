#pragma once

#include <soci/soci.h>

#include <string>

#include "domain/programmes/assistance.hpp"

namespace gotong::storage::internal {

class Params;

class SqlAssistanceRepository final : public domain::programmes::AssistanceRepository {
 public:
  explicit SqlAssistanceRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::programmes::Assistance& assistance) override;
  core::Result<domain::programmes::Assistance> Find(std::int64_t id) override;
  core::Result<core::Page<domain::programmes::Assistance>> List(
      const domain::programmes::AssistanceFilter& filter, const core::PageRequest& page) override;
  core::Result<std::vector<domain::programmes::BookedLoan>> LoanBook(
      const domain::programmes::AssistanceFilter& filter) override;
  core::Result<domain::programmes::BudgetTally> Tally(std::int64_t programme_id) override;
  core::Status Lock(std::int64_t id) override;
  core::Result<std::int64_t> InsertRepayment(const domain::programmes::RecordedRepayment& repayment) override;
  core::Result<std::vector<domain::programmes::RecordedRepayment>> Repayments(std::int64_t loan_id) override;

 private:
  // Reads the records `sql` selects (the record's columns, then a duplicate's id or NULL, one
  // row per duplicate, a record's rows together) into whole records with their duplicate_of.
  std::vector<domain::programmes::Assistance> ReadWithDuplicates(const std::string& sql, const Params& params);
  soci::session& sql_;
};

}  // namespace gotong::storage::internal
