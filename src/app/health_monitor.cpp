#include "app/health_monitor.hpp"

#include <string>

namespace gotong::app {

void HealthMonitor::Start() {
  Probe();
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
      lock.unlock();
      Probe();
      lock.lock();
    }
  });
}

void HealthMonitor::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void HealthMonitor::Probe() {
  core::Status status = probe_.Ping();
  std::lock_guard lock(mutex_);
  last_ = std::move(status);
  last_answer_ = std::chrono::steady_clock::now();
}

core::Status HealthMonitor::Status() const {
  std::lock_guard lock(mutex_);
  if (!last_) return core::Error::Unavailable("the database has not been checked yet");
  auto silent = std::chrono::steady_clock::now() - last_answer_;
  if (silent > stale_after_) {
    return core::Error::Unavailable(
        "the database has not answered for " +
        std::to_string(std::chrono::duration_cast<std::chrono::seconds>(silent).count()) + " s");
  }
  return *last_;
}

}  // namespace gotong::app
