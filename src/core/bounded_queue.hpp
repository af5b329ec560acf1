#pragma once

// A bounded hand-off from one producing thread to one consuming thread: the producer waits
// while `capacity` items wait to be taken, so memory stays bounded whatever it produces. The
// producer ends with Close (its last word: done, an error, or the exception that stopped it);
// the consumer takes what came before that, then sees the end. A consumer that stops early
// Cancels, which releases a producer waiting for room. BackgroundProducer runs the producer on a
// thread of its own.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

#include "core/result.hpp"

namespace gotong::core {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}
  BoundedQueue(const BoundedQueue&) = delete;
  BoundedQueue& operator=(const BoundedQueue&) = delete;

  // Waits for room; false (the item dropped) once the consumer has cancelled.
  bool Push(T item) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || items_.size() < capacity_; });
    if (cancelled_) return false;
    items_.push_back(std::move(item));
    ready_.notify_one();
    return true;
  }

  // The producer's last word: the end (no error), why it could not go on, or the exception that
  // ended it, for the consumer to re-throw once the items before it are taken.
  void Close(std::optional<Error> error = std::nullopt, std::exception_ptr exception = nullptr) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    error_ = std::move(error);
    exception_ = std::move(exception);
    ready_.notify_all();
  }

  // The next item, waiting for one; nullopt once the producer has closed and all are taken.
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return item;
  }

  // The consumer stops taking items: a waiting or later Push returns false.
  void Cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    items_.clear();
    room_.notify_all();
  }

  std::optional<Error> error() const {
    std::lock_guard lock(mutex_);
    return error_;
  }
  std::exception_ptr exception() const {
    std::lock_guard lock(mutex_);
    return exception_;
  }

 private:
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<T> items_;
  bool closed_ = false, cancelled_ = false;
  std::optional<Error> error_;
  std::exception_ptr exception_;
};

// A producer on a thread of its own, feeding a BoundedQueue that the owning thread drains:
// `produce(queue)` runs at once and ends with queue.Close; an exception it throws closes the
// queue with that exception. Going out of scope cancels the queue and joins the thread, so a
// consumer that stops early (an error, a stop request) never leaves the producer waiting.
template <typename T>
class BackgroundProducer {
 public:
  template <typename Produce>
  BackgroundProducer(std::size_t capacity, Produce produce)
      : queue_(capacity), thread_([this, produce = std::move(produce)]() mutable {
          try {
            produce(queue_);
          } catch (...) {
            queue_.Close(std::nullopt, std::current_exception());
          }
        }) {}
  BackgroundProducer(const BackgroundProducer&) = delete;
  BackgroundProducer& operator=(const BackgroundProducer&) = delete;
  ~BackgroundProducer() {
    queue_.Cancel();
    thread_.join();
  }

  // The next item; nullopt at the end, after which error() or exception() say why it ended.
  std::optional<T> Pop() { return queue_.Pop(); }
  std::optional<Error> error() const { return queue_.error(); }
  std::exception_ptr exception() const { return queue_.exception(); }

 private:
  BoundedQueue<T> queue_;
  std::jthread thread_;
};

}  // namespace gotong::core
