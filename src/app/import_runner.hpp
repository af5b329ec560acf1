#pragma once

#include <cstdint>
#include <functional>
#include <stop_token>

#include "core/job_queue.hpp"
#include "domain/registry/import_service.hpp"

namespace gotong::app {

// Runs queued import jobs one at a time on its own thread, so a request that uploads a file
// answers at once. Jobs left unfinished by a stopped server are picked up again at start.
class ImportRunner {
 public:
  explicit ImportRunner(domain::registry::ImportService& imports);

  void Start() { jobs_.Start(); }
  // Stops after the running job's current batch: the job stays running and the next start
  // resumes it, as it does a job whose process was killed.
  void Stop() { jobs_.Stop(); }
  void Enqueue(std::int64_t job_id) { jobs_.Enqueue(job_id); }
  // Queues every job that was queued or running when the process last stopped.
  void ResumeUnfinished();

 private:
  void Run(std::int64_t job_id, const std::stop_token& stop);

  domain::registry::ImportService& imports_;
  core::JobQueue jobs_;  // unbounded: uploads at once are bounded per user and in all
};

// Runs one job over its file now, in this thread; `progress` sees each batch. Deletes the
// file afterwards when `remove_file` and the job has ended.
core::Result<domain::registry::ImportJob> RunImportJob(
    domain::registry::ImportService& imports, std::int64_t job_id, bool remove_file,
    const std::function<void(const domain::registry::ImportJob&)>& progress,
    const std::stop_token& stop = {});

}  // namespace gotong::app
