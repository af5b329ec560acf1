#pragma once

#include <cstddef>
#include <cstdint>

#include "core/job_queue.hpp"
#include "domain/mentoring/matching_run_service.hpp"

namespace gotong::app {

// Runs queued mentor-matching runs one at a time on its own thread, never on a request thread.
// Its queue is bounded: a full queue refuses a new run (the API answers 503 with Retry-After).
// Runs left unfinished by a stopped server are queued again at start.
class MatchingRunner {
 public:
  static constexpr std::size_t kMaxQueued = 32;

  explicit MatchingRunner(domain::mentoring::MatchingRunService& runs);

  void Start() { jobs_.Start(); }
  // Stops after the running run ends.
  void Stop() { jobs_.Stop(); }
  // False when the queue is full.
  bool Enqueue(std::int64_t run_id) { return jobs_.Enqueue(run_id); }
  void ResumeUnfinished();

 private:
  void Run(std::int64_t run_id);

  domain::mentoring::MatchingRunService& runs_;
  core::JobQueue jobs_;
};

}  // namespace gotong::app
