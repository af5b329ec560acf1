#pragma once
// What the demo loaders share (demo_data.cpp, demo_programmes.cpp): a deterministic generator and
// the history clock that dates what the services record back from the day the demo runs.

#include <algorithm>
#include <chrono>
#include <cstdint>

#include "app/runtime.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/rules.hpp"

namespace gotong::app::demo {

using domain::groups::Month;

// A small deterministic generator (the standard distributions differ between libraries).
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  std::int64_t Between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(high - low + 1));
  }

 private:
  std::uint64_t state_;
};

// The demo's history, dated back from the day it runs: the months before this one, and a day in
// a month that is never after today.
class History {
 public:
  explicit History(Runtime& runtime)
      : runtime_(runtime),
        today_(core::DayInIndonesia(runtime.clock.Now())),
        current_(Month::Of(today_)) {}
  ~History() { runtime_.clock.Resume(); }
  History(const History&) = delete;
  History& operator=(const History&) = delete;

  const core::Date& today() const { return today_; }
  Month current() const { return current_; }
  Month Back(int months) const { return domain::groups::MonthsBefore(current_, months); }
  // `day` of `month`, or today when that would be later (this month's events happen by today).
  core::Date On(Month month, unsigned day) const {
    core::Date date{month.year, month.month, std::min(day, month.LastDay().day)};
    return date > today_ ? today_ : date;
  }
  // The services record what follows as done on `day` (mid-morning in Indonesia).
  void At(const core::Date& day) {
    std::chrono::sys_days days{std::chrono::year{day.year} / std::chrono::month{day.month} /
                               std::chrono::day{day.day}};
    runtime_.clock.Replay(core::Instant{days} + std::chrono::hours(2));
  }
  // The services record what follows as done on `day` at `hour` o'clock UTC (Indonesia is 7
  // hours ahead).
  void At(const core::Date& day, int hour) {
    std::chrono::sys_days days{std::chrono::year{day.year} / std::chrono::month{day.month} /
                               std::chrono::day{day.day}};
    runtime_.clock.Replay(core::Instant{days} + std::chrono::hours(hour));
  }
  void Now() { runtime_.clock.Resume(); }

 private:
  Runtime& runtime_;
  core::Date today_;
  Month current_;
};

}  // namespace gotong::app::demo
