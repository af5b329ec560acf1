#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/clock.hpp"

namespace gotong::domain::accounts {

struct ThrottlePolicy {
  // Failures of one account from one client address: an attacker elsewhere cannot use up the
  // owner's tries (OWASP ASVS 2.2.1: anti-automation without denial of service).
  int max_failures_per_account_at_address = 5;
  // Failures from one client address, whatever the account.
  int max_failures_per_address = 20;
  std::chrono::seconds window{15 * 60};
  // At most this many keys of each kind are remembered; past it the key whose last failure is
  // oldest is forgotten first. Keys whose failures have all left the window are dropped anyway.
  std::size_t max_tracked_keys = 100000;
};

// Counts failed sign-ins (and wrong current passwords) per account at a client address and per
// client address, in a sliding window. Held in this process: with several servers behind a
// balancer each counts its own share.
class LoginThrottle {
 public:
  LoginThrottle(const core::Clock& clock, ThrottlePolicy policy = {})
      : clock_(clock), policy_(policy) {}

  // Seconds to wait when either key is over its limit, nothing when a try is allowed.
  std::optional<std::chrono::seconds> Blocked(const std::string& account,
                                              const std::string& address);
  void RecordFailure(const std::string& account, const std::string& address);
  // The account proved its password from `address`: its failures there are forgotten (those
  // from other addresses, and the address's own count, stay).
  void RecordSuccess(const std::string& account, const std::string& address);

  // Keys remembered now (account-at-address keys plus address keys), for tests of the bound.
  std::size_t TrackedKeys();

 private:
  // Failure times per key, the newest `limit` of each only, and the keys in the order of their
  // last failure so that expired and surplus keys are dropped from the front.
  class FailureLog {
   public:
    std::optional<std::chrono::seconds> Check(const std::string& key, int limit,
                                              core::Instant now, std::chrono::seconds window);
    void Add(const std::string& key, int limit, core::Instant now, std::chrono::seconds window,
             std::size_t max_keys);
    void Erase(const std::string& key);
    std::size_t size() const { return entries_.size(); }

   private:
    struct Entry {
      std::deque<core::Instant> failures;  // oldest first
      std::list<std::string>::iterator order;
    };
    void DropExpired(core::Instant now, std::chrono::seconds window);

    std::unordered_map<std::string, Entry> entries_;
    std::list<std::string> order_;  // least recently failed first
  };

  static std::string PairKey(const std::string& account, const std::string& address);

  const core::Clock& clock_;
  ThrottlePolicy policy_;
  std::mutex mutex_;
  FailureLog by_account_at_address_;
  FailureLog by_address_;
};

}  // namespace gotong::domain::accounts
