#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/registry/import.hpp"
#include "domain/registry/import_row.hpp"
#include "domain/registry/row_parser.hpp"

namespace gotong::domain::registry {

struct ImportRequest {
  std::string kind;
  std::string mode = "insert";
  bool dry_run = false;
  std::string file_name;
  std::string file_path;
  std::int64_t bytes_total = 0;
};

struct ImportOptions {
  std::size_t batch_rows = 5000;     // rows per transaction
  std::int64_t max_errors = 10000;   // stored per job; every failed row is still counted
  // A file at least this large going into a registry with no other enterprises is bulk-loaded:
  // secondary indexes are suspended during the load and built once at the end.
  std::int64_t bulk_load_bytes = 16 << 20;
  // Told what the database said when it refused a job's batch, for the log; the job itself
  // says only that it did (job_note::kDatabaseError), since the database's words may hold SQL
  // and other rows' values.
  std::function<void(std::int64_t job_id, const core::Error& error)> report_database_error;
};

// Bulk import of enterprises with their owners from a file, as a resumable job: each batch of
// rows is written in one transaction together with the job's counters, so a job killed half-way
// keeps whole batches only and, run again, continues after the last one.
class ImportService {
 public:
  ImportService(Database& database, const core::Clock& clock, ImportOptions options = {})
      : database_(database), clock_(clock), options_(std::move(options)) {}

  // Records a queued job for the caller (admin or officer).
  core::Result<ImportJob> Create(const accounts::Context& context, const ImportRequest& request);
  core::Result<ImportJob> Get(const accounts::Context& context, std::int64_t id);
  core::Result<core::Page<ImportJob>> List(const accounts::Context& context,
                                           const core::PageRequest& page);
  core::Result<core::Page<RowError>> Errors(const accounts::Context& context, std::int64_t id,
                                            const core::PageRequest& page);
  core::Status ForEachError(const accounts::Context& context, std::int64_t id,
                            const std::function<bool(const RowError&)>& each);
  // Jobs that were queued or running when the process stopped.
  core::Result<std::vector<ImportJob>> Unfinished();

  // Runs (or resumes) a job over its file's rows; `progress` sees the job after every batch.
  // One thread reads and checks rows (import_reading.hpp) while this one writes the batch before
  // (import_writing.hpp). The job ends
  // succeeded or failed (with its message), or, when `stop` is requested, stays running after
  // its last whole batch so that the next run resumes it. The returned error is for the case
  // where even that could not be recorded.
  core::Result<ImportJob> Run(std::int64_t job_id, RowSource& source,
                              const std::function<void(const ImportJob&)>& progress,
                              const std::stop_token& stop = {});

  // Marks a job failed without running it (its file is gone, say).
  core::Status Fail(std::int64_t job_id, JobNote why);

 private:
  bool MaySee(const accounts::Context& context, const ImportJob& job) const;
  // Run's steps: the job marked running (unless it has ended) with the official villages; the
  // bulk load prepared (whether rows must be matched against the registry); the job ended.
  core::Result<ImportJob> MarkRunning(std::int64_t job_id, VillageSet& villages);
  core::Result<bool> PrepareLoad(const ImportJob& job);
  core::Result<ImportJob> Finish(const ImportJob& job, JobStatus status, std::optional<JobNote> message,
                                 const std::function<void(const ImportJob&)>& progress);
  void Analyze(std::int64_t job_id);

  Database& database_;
  const core::Clock& clock_;
  ImportOptions options_;
};

}  // namespace gotong::domain::registry
