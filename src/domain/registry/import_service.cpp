#include "domain/registry/import_service.hpp"

#include <exception>

#include "core/bounded_queue.hpp"
#include "core/names.hpp"
#include "domain/registry/import_reading.hpp"
#include "domain/registry/import_writing.hpp"
#include "domain/service.hpp"

namespace gotong::domain::registry {
namespace {

constexpr core::Names<ImportMode, 2> kImportModes = {{
    {"insert", ImportMode::kInsert}, {"upsert", ImportMode::kUpsert}}};

constexpr core::Names<JobStatus, 4> kJobStatuses = {{
    {"queued", JobStatus::kQueued}, {"running", JobStatus::kRunning},
    {"succeeded", JobStatus::kSucceeded}, {"failed", JobStatus::kFailed}}};

// Why a job stopped when the database refused a batch, without the database's own words.
JobNote DatabaseProblem(std::int64_t job_id) {
  std::string job = std::to_string(job_id);
  return {"the database refused the write; the administrator can find details in the log under "
          "job " + job,
          std::string(job_note::kDatabaseError),
          {{"job", job}}};
}

}  // namespace

std::string_view ToString(ImportMode mode) { return core::NameOf(mode, kImportModes); }
std::optional<ImportMode> ParseImportMode(std::string_view text) {
  return core::ValueNamed(text, kImportModes);
}

std::string_view ToString(JobStatus status) { return core::NameOf(status, kJobStatuses); }
std::optional<JobStatus> ParseJobStatus(std::string_view text) {
  return core::ValueNamed(text, kJobStatuses);
}

bool ImportService::MaySee(const Context& context, const ImportJob& job) const {
  if (context.IsAdmin()) return true;
  return context.principal && job.created_by && *job.created_by == context.principal->user_id;
}

core::Result<ImportJob> ImportService::Create(const Context& context, const ImportRequest& request) {
  bool officer = context.principal && context.principal->role == Role::kOfficer;
  if (!context.IsAdmin() && !officer) return Error::Denied("only admins and officers import");
  if (request.kind != "enterprises") {
    return Error::Invalid("kind", "invalid_value", "kind must be enterprises");
  }
  auto mode = ParseImportMode(request.mode);
  if (!mode) return Error::Invalid("mode", "invalid_value", "mode must be insert or upsert");
  ImportJob job;
  job.kind = request.kind;
  job.mode = *mode;
  job.dry_run = request.dry_run;
  job.file_name = request.file_name.empty() ? "upload.csv" : request.file_name;
  job.file_path = request.file_path;
  job.bytes_total = request.bytes_total;
  if (context.principal) {
    job.created_by = context.principal->user_id;
    job.created_by_username = context.principal->username;
  } else {
    job.created_by_username = "system";
  }
  if (officer) {
    const auto& scope = context.principal->scope;
    if (!scope || scope->kind != accounts::ScopeKind::kStakeholder) {
      return Error::Denied("your account is not attached to a stakeholder; ask an admin");
    }
    job.steward_id = scope->id;
  }
  job.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(job.id, unit->Imports().Insert(job));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return job;
}

core::Result<ImportJob> ImportService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  auto job = unit->Imports().Find(id);
  if (!job.ok()) return job;
  if (!MaySee(context, *job)) return Error::NotFound("no import with id " + std::to_string(id));
  return job;
}

core::Result<core::Page<ImportJob>> ImportService::List(const Context& context,
                                                        const core::PageRequest& page) {
  if (!context.IsAdmin() && !(context.principal && context.principal->role == Role::kOfficer)) {
    return Error::Denied("only admins and officers import");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  std::optional<std::int64_t> mine;
  if (!context.IsAdmin()) mine = context.principal->user_id;
  return unit->Imports().List(mine, page);
}

core::Result<core::Page<RowError>> ImportService::Errors(const Context& context, std::int64_t id,
                                                         const core::PageRequest& page) {
  GOTONG_RETURN_IF_ERROR(Get(context, id));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Imports().ListErrors(id, page);
}

core::Status ImportService::ForEachError(const Context& context, std::int64_t id,
                                         const std::function<bool(const RowError&)>& each) {
  GOTONG_RETURN_IF_ERROR(Get(context, id));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Imports().ForEachError(id, each);
}

core::Result<std::vector<ImportJob>> ImportService::Unfinished() {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Imports().Unfinished();
}

core::Status ImportService::Fail(std::int64_t job_id, JobNote why) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto job, unit->Imports().Find(job_id));
  job.status = JobStatus::kFailed;
  job.message = std::move(why);
  job.finished_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Imports().Update(job));
  return unit->Commit();
}

core::Result<ImportJob> ImportService::Run(std::int64_t job_id, RowSource& source,
                                           const std::function<void(const ImportJob&)>& progress,
                                           const std::stop_token& stop) {
  VillageSet villages;
  GOTONG_ASSIGN_OR_RETURN(auto job, MarkRunning(job_id, villages));
  if (job.status != JobStatus::kRunning) return job;
  auto header = source.Start();
  if (!header.ok()) return Finish(job, JobStatus::kFailed, NoteOf(header.error()), progress);
  job.warnings = std::move(header).value();
  GOTONG_ASSIGN_OR_RETURN(bool check_registry, PrepareLoad(job));
  const core::Instant now = clock_.Now();
  RowParser parser(villages, now);
  BatchWriter writer(database_, job_id, now, check_registry, options_.max_errors);
  // Reading and checking rows is about as much work as writing them: a second thread reads the
  // next batch while this one writes. At most two batches wait between them.
  core::BackgroundProducer<Batch> reader(2, [&, rows_done = job.rows_read](auto& queue) {
    ReadRows(source, parser, rows_done, options_.batch_rows, queue);
  });
  while (auto batch = reader.Pop()) {
    if (stop.stop_requested()) return job;  // still running: the next run resumes after `job`
    auto written = writer.Write(*batch, job.warnings);
    if (!written.ok()) {
      if (options_.report_database_error) options_.report_database_error(job_id, written.error());
      return Finish(job, JobStatus::kFailed, DatabaseProblem(job_id), progress);
    }
    job = std::move(written).value();
    if (progress) progress(job);
  }
  if (auto exception = reader.exception()) std::rethrow_exception(exception);
  if (auto error = reader.error()) return Finish(job, JobStatus::kFailed, NoteOf(*error), progress);
  return Finish(job, JobStatus::kSucceeded, std::nullopt, progress);
}

core::Result<ImportJob> ImportService::MarkRunning(std::int64_t job_id, VillageSet& villages) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto job, unit->Imports().Find(job_id));
  if (job.status == JobStatus::kSucceeded || job.status == JobStatus::kFailed) return job;
  job.status = JobStatus::kRunning;
  if (!job.started_at) job.started_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Imports().Update(job));
  GOTONG_ASSIGN_OR_RETURN(auto codes, unit->Regions().CodesAt(regions::Level::kVillage));
  villages.reserve(codes.size());
  for (auto& code : codes) villages.insert(std::move(code));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return job;
}

// With no other enterprise registered, only the file itself can hold duplicates: rows need no
// look-up, and a large file is bulk-loaded with the secondary indexes built at the end.
core::Result<bool> ImportService::PrepareLoad(const ImportJob& job) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto others, unit->Bulk().CountOthers(job.id));
  const bool check_registry = others > 0;
  if (!check_registry && !job.dry_run && job.bytes_total - job.bytes_read >= options_.bulk_load_bytes) {
    GOTONG_RETURN_IF_ERROR(unit->Bulk().SuspendIndexes());
  }
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return check_registry;
}

core::Result<ImportJob> ImportService::Finish(const ImportJob& job, JobStatus status,
                                              std::optional<JobNote> message,
                                              const std::function<void(const ImportJob&)>& progress) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Imports().Find(job.id));
  // Indexes suspended for a bulk load (by this run or by an interrupted one) come back now.
  GOTONG_RETURN_IF_ERROR(unit->Bulk().RestoreIndexes());
  saved.status = status;
  saved.message = std::move(message);
  saved.warnings = job.warnings;
  saved.finished_at = clock_.Now();
  if (status == JobStatus::kSucceeded) saved.bytes_read = saved.bytes_total;
  GOTONG_RETURN_IF_ERROR(unit->Imports().Update(saved));
  GOTONG_RETURN_IF_ERROR(
      audit::Record(unit->Audit(), JobContext(saved), clock_.Now(), "import", job.id,
                    saved.dry_run ? "import_dry_run" : "import", std::nullopt,
                    audit::Snapshot{{"file_name", saved.file_name},
                                    {"mode", std::string(ToString(saved.mode))},
                                    {"status", std::string(ToString(saved.status))},
                                    {"rows_read", saved.rows_read},
                                    {"rows_inserted", saved.rows_inserted},
                                    {"rows_updated", saved.rows_updated},
                                    {"rows_failed", saved.rows_failed}}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  if (!saved.dry_run && saved.rows_inserted + saved.rows_updated > 0) Analyze(job.id);
  if (progress) progress(saved);
  return saved;
}

// The first lists after a load plan on real statistics. Only an optimisation: the job's outcome
// stands whatever this says (a failure goes to the log).
void ImportService::Analyze(std::int64_t job_id) {
  auto unit = database_.Begin(Access::kWrite);
  core::Status analysis = unit.ok() ? (*unit)->Bulk().Analyze() : core::Status(unit.error());
  if (analysis.ok()) analysis = (*unit)->Commit();
  if (!analysis.ok() && options_.report_database_error) {
    options_.report_database_error(job_id, analysis.error());
  }
}

}  // namespace gotong::domain::registry
