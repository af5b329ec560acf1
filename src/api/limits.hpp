#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "core/result.hpp"

namespace gotong::api {

// Routes whose work is long and heavy: each kind has its own concurrency limits.
enum class Heavy { kNone, kExport, kImport };

struct LimitOptions {
  int exports_per_user = 2;  // concurrent exports one user may run; past it 429
  int imports_per_user = 1;  // concurrent import uploads one user may send; past it 429
  int imports_total = 4;     // concurrent import uploads from everyone; past it 503
  int retry_after_seconds = 5;
};

// Counts heavy requests in flight per user and in all. A slot is held for as long as the
// returned handle lives (for an upload: from its headers until it has been answered).
class ConcurrencyLimits {
 public:
  explicit ConcurrencyLimits(LimitOptions options) : options_(options) {}
  ConcurrencyLimits(const ConcurrencyLimits&) = delete;
  ConcurrencyLimits& operator=(const ConcurrencyLimits&) = delete;

  // A held slot, or kResourceExhausted (the user's own limit: 429) or kUnavailable (everyone's:
  // 503), both with a Retry-After.
  core::Result<std::shared_ptr<void>> Acquire(Heavy kind, std::int64_t user_id);

  int InFlight(Heavy kind, std::int64_t user_id) const;

 private:
  struct Slot;  // a held place; gives it back when destroyed
  void Release(Heavy kind, std::int64_t user_id);

  LimitOptions options_;
  mutable std::mutex mutex_;
  std::map<std::pair<Heavy, std::int64_t>, int> per_user_;
  std::map<Heavy, int> total_;
};

}  // namespace gotong::api
