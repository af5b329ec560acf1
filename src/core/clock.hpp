#pragma once

#include <chrono>
#include <mutex>
#include <optional>

namespace gotong::core {

using Instant = std::chrono::sys_seconds;

// The time source, injected so that tests control it (STYLE.md 12).
class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
};

// The system's clock, unless it is set to replay a moment of the past: the demo records two
// years of a group's life through the services as they happened, each event at its own time,
// then resumes.
class ReplayClock final : public Clock {
 public:
  Instant Now() const override {
    std::lock_guard lock(mutex_);
    return replaying_ ? *replaying_ : std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  }
  void Replay(Instant at) {
    std::lock_guard lock(mutex_);
    replaying_ = at;
  }
  void Resume() {
    std::lock_guard lock(mutex_);
    replaying_.reset();
  }

 private:
  mutable std::mutex mutex_;
  std::optional<Instant> replaying_;
};

// A clock that moves only when told to.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Instant start) : now_(start) {}
  Instant Now() const override {
    std::lock_guard lock(mutex_);
    return now_;
  }
  void Advance(std::chrono::seconds by) {
    std::lock_guard lock(mutex_);
    now_ += by;
  }

 private:
  mutable std::mutex mutex_;
  Instant now_;
};

}  // namespace gotong::core
