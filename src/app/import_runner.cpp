#include "app/import_runner.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "io/registry_csv.hpp"

namespace gotong::app {

core::Result<domain::registry::ImportJob> RunImportJob(
    domain::registry::ImportService& imports, std::int64_t job_id, bool remove_file,
    const std::function<void(const domain::registry::ImportJob&)>& progress,
    const std::stop_token& stop) {
  auto context = domain::accounts::Context::System("import");
  GOTONG_ASSIGN_OR_RETURN(auto job, imports.Get(context, job_id));
  auto source = io::CsvRowSource::OpenFile(job.file_path);
  if (!source.ok()) {
    GOTONG_RETURN_IF_ERROR(imports.Fail(
        job_id, {"the file to import is gone: " + source.error().message,
                 std::string(domain::registry::job_note::kFileGone), {}}));
    return imports.Get(context, job_id);
  }
  auto result = imports.Run(job_id, **source, progress, stop);
  if (remove_file && result.ok() &&
      (result->status == domain::registry::JobStatus::kSucceeded ||
       result->status == domain::registry::JobStatus::kFailed)) {
    std::error_code ec;
    std::filesystem::remove(job.file_path, ec);
  }
  return result;
}

ImportRunner::ImportRunner(domain::registry::ImportService& imports)
    : imports_(imports),
      jobs_(0, [this](std::int64_t id, const std::stop_token& stop) { Run(id, stop); }) {}

void ImportRunner::ResumeUnfinished() {
  auto jobs = imports_.Unfinished();
  if (!jobs.ok()) {
    spdlog::error("event=import_resume_failed error=\"{}\"", jobs.error().message);
    return;
  }
  for (const auto& job : *jobs) {
    spdlog::info("event=import_resumed job={} rows_done={}", job.id, job.rows_read);
    Enqueue(job.id);
  }
}

void ImportRunner::Run(std::int64_t job_id, const std::stop_token& stop) {
  spdlog::info("event=import_started job={}", job_id);
  auto result = RunImportJob(imports_, job_id, true, nullptr, stop);
  if (!result.ok()) {
    spdlog::error("event=import_failed job={} error=\"{}\"", job_id, result.error().message);
  } else if (result->status == domain::registry::JobStatus::kRunning) {
    spdlog::info("event=import_paused job={} rows_done={}", job_id, result->rows_read);
  } else {
    spdlog::info("event=import_finished job={} status={} inserted={} updated={} failed={}", job_id,
                 ToString(result->status), result->rows_inserted, result->rows_updated,
                 result->rows_failed);
  }
}

}  // namespace gotong::app
