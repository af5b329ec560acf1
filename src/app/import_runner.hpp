#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <stop_token>
#include <thread>

#include "domain/registry/import_service.hpp"

namespace gotong::app {

// Runs queued import jobs one at a time on its own thread, so a request that uploads a file
// answers at once. Jobs left unfinished by a stopped server are picked up again at start.
class ImportRunner {
 public:
  explicit ImportRunner(domain::registry::ImportService& imports) : imports_(imports) {}
  ~ImportRunner() { Stop(); }
  ImportRunner(const ImportRunner&) = delete;
  ImportRunner& operator=(const ImportRunner&) = delete;

  void Start();
  // Stops after the running job's current batch: the job stays running and the next start
  // resumes it, as it does a job whose process was killed.
  void Stop();
  void Enqueue(std::int64_t job_id);
  // Queues every job that was queued or running when the process last stopped.
  void ResumeUnfinished();

 private:
  void Loop();

  domain::registry::ImportService& imports_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::int64_t> queue_;
  bool stopping_ = false;
  std::stop_source stop_;
  std::thread thread_;
};

// Runs one job over its file now, in this thread; `progress` sees each batch. Deletes the
// file afterwards when `remove_file` and the job has ended.
core::Result<domain::registry::ImportJob> RunImportJob(
    domain::registry::ImportService& imports, std::int64_t job_id, bool remove_file,
    const std::function<void(const domain::registry::ImportJob&)>& progress,
    const std::stop_token& stop = {});

}  // namespace gotong::app
