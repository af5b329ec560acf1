#include "app/matching_runner.hpp"

#include <spdlog/spdlog.h>

namespace gotong::app {

void MatchingRunner::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void MatchingRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool MatchingRunner::Enqueue(std::int64_t run_id) {
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueued) return false;
    queue_.push_back(run_id);
  }
  wake_.notify_one();
  return true;
}

void MatchingRunner::ResumeUnfinished() {
  auto runs = runs_.Unfinished();
  if (!runs.ok()) {
    spdlog::error("event=matching_resume_failed error=\"{}\"", runs.error().message);
    return;
  }
  for (const auto& run : *runs) {
    spdlog::info("event=matching_resumed run={}", run.id);
    std::lock_guard lock(mutex_);
    queue_.push_back(run.id);  // resumed runs may exceed the bound: they were accepted before
  }
  wake_.notify_one();
}

void MatchingRunner::Loop() {
  while (true) {
    std::int64_t run_id = 0;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (stopping_) return;
      run_id = queue_.front();
      queue_.pop_front();
    }
    spdlog::info("event=matching_started run={}", run_id);
    auto result = runs_.Run(run_id);
    if (!result.ok()) {
      spdlog::error("event=matching_failed run={} error=\"{}\"", run_id, result.error().message);
    } else {
      spdlog::info("event=matching_finished run={} status={}", run_id, ToString(result->status));
    }
  }
}

}  // namespace gotong::app
