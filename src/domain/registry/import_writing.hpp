#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/database.hpp"
#include "domain/registry/import.hpp"
#include "domain/registry/import_reading.hpp"

namespace gotong::domain::registry {

// The writing side of a job: each batch goes into the registry in one transaction together with
// the job's counters and the rows' errors, so that a job killed half-way keeps whole batches only.
class BatchWriter {
 public:
  // `check_registry`: whether rows may match enterprises already registered (false when the
  // registry holds none but this job's: then rows need no look-up until an insert says
  // otherwise). `max_errors`: how many row errors a job stores at most.
  BatchWriter(Database& database, std::int64_t job_id, core::Instant now, bool check_registry,
              std::int64_t max_errors)
      : database_(database),
        job_id_(job_id),
        now_(now),
        check_registry_(check_registry),
        max_errors_(max_errors) {}

  // Inserts the batch's new enterprises, updates the ones it matches (mode upsert) or refuses
  // them (mode insert), refuses a NIK another person holds, and saves the job with `warnings`;
  // writes nothing for a dry run but the job. The job as saved.
  core::Result<ImportJob> Write(Batch& batch, const std::vector<JobNote>& warnings);

 private:
  // What becomes of a batch's rows.
  struct Plan {
    std::vector<ImportRecord> inserts;
    std::vector<std::pair<ImportRecord*, std::int64_t>> updates;  // row, enterprise id
    std::vector<RowError> errors;
    std::int64_t failed = 0;
    std::unordered_map<std::string, std::int64_t> nik_holders;  // NIK → person id
  };

  core::Result<Plan> Sort(UnitOfWork& unit, ImportMode mode, Batch& batch);
  core::Status MatchRegistry(UnitOfWork& unit, ImportMode mode, Batch& batch, Plan& plan);
  // Whether another person than `own_owner` holds the record's NIK; the row is refused if so.
  bool NikTaken(const ImportRecord& record, std::int64_t own_owner, Plan& plan);
  core::Status Update(UnitOfWork& unit, const ImportJob& job, const ImportRecord& record,
                      std::int64_t enterprise_id);
  core::Status SaveJob(UnitOfWork& unit, ImportJob& job, const Batch& batch, Plan& plan) const;

  Database& database_;
  std::int64_t job_id_;
  core::Instant now_;
  bool check_registry_;
  std::int64_t max_errors_;
};

// Whom a job's writes are attributed to in the audit log: its creator, or the system.
accounts::Context JobContext(const ImportJob& job);

}  // namespace gotong::domain::registry
