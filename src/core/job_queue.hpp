#pragma once

// Jobs run one at a time, in the order they came, on a thread of their own: the background
// work (imports, matching runs) that a request starts and answers at once. A job is an id; the
// owner says what running one means. At most `capacity` jobs wait (0: no bound), so a client
// that keeps asking is refused rather than queued without end. Stop lets the running job see its
// stop token and joins; what has not started stays queued for the next Start.

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <stop_token>
#include <thread>
#include <utility>

namespace gotong::core {

class JobQueue {
 public:
  using Run = std::function<void(std::int64_t id, const std::stop_token& stop)>;

  JobQueue(std::size_t capacity, Run run) : capacity_(capacity), run_(std::move(run)) {}
  ~JobQueue() { Stop(); }
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  void Start() {
    std::lock_guard lock(mutex_);
    if (thread_.joinable()) return;
    stopping_ = false;
    stop_ = std::stop_source();
    thread_ = std::thread([this] { Loop(); });
  }

  void Stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    stop_.request_stop();
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }

  // False, and nothing queued, when `capacity` jobs wait already.
  bool Enqueue(std::int64_t id) {
    {
      std::lock_guard lock(mutex_);
      if (capacity_ > 0 && queue_.size() >= capacity_) return false;
      queue_.push_back(id);
    }
    wake_.notify_one();
    return true;
  }

  // Queues a job accepted before the process stopped, past the bound: it was not refused then.
  void Resume(std::int64_t id) {
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(id);
    }
    wake_.notify_one();
  }

  std::size_t Waiting() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
  }

 private:
  void Loop() {
    while (true) {
      std::int64_t id = 0;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        id = queue_.front();
        queue_.pop_front();
      }
      run_(id, stop_.get_token());
    }
  }

  const std::size_t capacity_;
  const Run run_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::int64_t> queue_;
  bool stopping_ = false;
  std::stop_source stop_;
  std::thread thread_;
};

}  // namespace gotong::core
