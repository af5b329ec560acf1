#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "core/result.hpp"
#include "domain/database.hpp"

namespace gotong::app {

// Pings the database on a connection of its own every `interval`, on its own thread, so that
// /api/v1/health answers at once from the last result, even while every worker and pooled
// connection is busy. The database counts as down when its last ping failed, or when no ping
// has come back for `stale_after` (a ping that hangs).
class HealthMonitor {
 public:
  HealthMonitor(domain::Database& probe,
                std::chrono::milliseconds interval = std::chrono::seconds(1),
                std::chrono::milliseconds stale_after = std::chrono::seconds(10))
      : probe_(probe), interval_(interval), stale_after_(stale_after) {}
  ~HealthMonitor() { Stop(); }
  HealthMonitor(const HealthMonitor&) = delete;
  HealthMonitor& operator=(const HealthMonitor&) = delete;

  // Pings once before returning, then keeps pinging in the background.
  void Start();
  void Stop();
  // Never blocks.
  core::Status Status() const;

 private:
  void Probe();

  domain::Database& probe_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds stale_after_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::optional<core::Status> last_;
  std::chrono::steady_clock::time_point last_answer_{};
  std::thread thread_;
};

}  // namespace gotong::app
