#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "domain/database.hpp"
#include "domain/idempotency/idempotency.hpp"

namespace gotong::domain::idempotency {

struct Policy {
  std::chrono::seconds retention{24 * 60 * 60};  // a key is remembered this long
  // A first request still "in progress" after this long was cut off (the process died between
  // its write and keeping its answer): whether it wrote is unknown.
  std::chrono::seconds lost_after{10 * 60};
};

// What to do with a request that carries a key.
enum class Decision {
  kProceed,     // first use: run it, then Finish() or Abandon()
  kReplay,      // answered before: send `response` again
  kMismatch,    // the key was used for a different request: 422
  kInProgress,  // the first request with this key is still running: 409, retry shortly
  kUnknown,     // the first request was cut off; it may or may not have written: 409
};

struct Claim {
  Decision decision = Decision::kProceed;
  std::optional<StoredResponse> response;
};

class IdempotencyService {
 public:
  IdempotencyService(Database& database, const core::Clock& clock, Policy policy = {})
      : database_(database), clock_(clock), policy_(policy) {}

  // Claims `key` for `user_id`'s request, in its own committed transaction, so a concurrent
  // request with the same key sees the claim.
  core::Result<Claim> Begin(std::int64_t user_id, const std::string& key,
                            const std::string& fingerprint);
  // Keeps the answer of a request that proceeded.
  core::Status Finish(std::int64_t user_id, const std::string& key, const StoredResponse& response);
  // Forgets the claim (the request failed without writing, e.g. a 5xx): the key may be used again.
  core::Status Abandon(std::int64_t user_id, const std::string& key);

 private:
  Database& database_;
  const core::Clock& clock_;
  Policy policy_;
  std::atomic<std::int64_t> last_purge_{0};  // seconds since the epoch
};

}  // namespace gotong::domain::idempotency
