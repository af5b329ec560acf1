#pragma once

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/programmes/programmes.hpp"
#include "storage/sql_record_repository.hpp"

namespace gotong::storage::internal {

// Eligibility criteria as programme_criteria and round_criteria store them: one (kind, value) row
// a region, sector, scale or category, and one each for founded_within_years and homogeneous.
std::vector<std::pair<std::string, std::string>> CriteriaRows(const domain::programmes::Criteria& criteria);
// Adds one stored row to `criteria`; a value this version cannot read is an error (Stored).
void AddCriterion(domain::programmes::Criteria& criteria, const std::string& kind, const std::string& value);
// Reads the stored criteria of several records in one statement: `criteria` maps each record's id
// to the criteria it fills; `from` is " FROM programme_criteria" or " FROM round_criteria", and
// `key_column` the record's id there.
void LoadCriteria(soci::session& sql, std::string_view from, std::string_view key_column,
                  const std::map<std::int64_t, domain::programmes::Criteria*>& criteria);

class SqlProgrammeRepository final : public domain::programmes::ProgrammeRepository {
 public:
  explicit SqlProgrammeRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::programmes::Programme& programme) override;
  core::Status Update(const domain::programmes::Programme& programme) override;
  core::Result<domain::programmes::Programme> Find(std::int64_t id) override;
  core::Status Lock(std::int64_t id) override;
  core::Result<core::Page<domain::programmes::Programme>> List(const domain::programmes::ProgrammeFilter& filter,
                                                               const core::PageRequest& page) override;

 private:
  // Writes its partners and criteria in place of those stored.
  void WriteParts(const domain::programmes::Programme& programme);
  // Reads the partners and criteria of `programmes`, two statements for all of them.
  void ReadParts(std::vector<domain::programmes::Programme>& programmes);
  soci::session& sql_;
};

class SqlEnrolmentRepository final
    : public SqlRecordRepository<domain::programmes::EnrolmentRepository,
                                 domain::programmes::Enrolment> {
 public:
  explicit SqlEnrolmentRepository(soci::session& sql);
  core::Result<std::int64_t> Insert(const domain::programmes::Enrolment& enrolment) override;
  core::Result<core::Page<domain::programmes::Enrolment>> List(const domain::programmes::EnrolmentFilter& filter,
                                                               const core::PageRequest& page) override;
  core::Result<domain::programmes::CandidateFacts> EnterpriseFacts(std::int64_t enterprise_id) override;
  core::Result<domain::programmes::CandidateFacts> GroupFacts(std::int64_t group_id) override;
};

}  // namespace gotong::storage::internal
