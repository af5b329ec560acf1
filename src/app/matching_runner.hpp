#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <thread>

#include "domain/mentoring/matching_run_service.hpp"

namespace gotong::app {

// Runs queued mentor-matching runs one at a time on its own thread, never on a request thread.
// Its queue is bounded: a full queue refuses a new run (the API answers 503 with Retry-After).
// Runs left unfinished by a stopped server are queued again at start.
class MatchingRunner {
 public:
  static constexpr std::size_t kMaxQueued = 32;

  explicit MatchingRunner(domain::mentoring::MatchingRunService& runs) : runs_(runs) {}
  ~MatchingRunner() { Stop(); }
  MatchingRunner(const MatchingRunner&) = delete;
  MatchingRunner& operator=(const MatchingRunner&) = delete;

  void Start();
  // Stops after the running run ends.
  void Stop();
  // False when the queue is full.
  bool Enqueue(std::int64_t run_id);
  void ResumeUnfinished();

 private:
  void Loop();

  domain::mentoring::MatchingRunService& runs_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::int64_t> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gotong::app
