#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace gotong::domain::accounts {

struct ThrottlePolicy {
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
  std::chrono::seconds window{15 * 60};
};

// Counts failed logins per account and per client address in a sliding window. Held in this
// process: with several servers behind a balancer each counts its own share.
class LoginThrottle {
 public:
  LoginThrottle(const core::Clock& clock, ThrottlePolicy policy = {})
      : clock_(clock), policy_(policy) {}

  // Seconds to wait when either key is over its limit, nothing when a try is allowed.
  std::optional<std::chrono::seconds> Blocked(const std::string& account,
                                              const std::string& address);
  void RecordFailure(const std::string& account, const std::string& address);
  void RecordSuccess(const std::string& account);

 private:
  using Failures = std::deque<core::Instant>;
  std::optional<std::chrono::seconds> Check(Failures& failures, int limit, core::Instant now);
  void Prune(Failures& failures, core::Instant now);

  const core::Clock& clock_;
  ThrottlePolicy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, Failures> by_account_;
  std::unordered_map<std::string, Failures> by_address_;
};

}  // namespace gotong::domain::accounts
