#include "domain/accounts/login_throttle.hpp"

#include <algorithm>

namespace gotong::domain::accounts {

void LoginThrottle::Prune(Failures& failures, core::Instant now) {
  while (!failures.empty() && failures.front() + policy_.window <= now) failures.pop_front();
}

std::optional<std::chrono::seconds> LoginThrottle::Check(Failures& failures, int limit,
                                                         core::Instant now) {
  Prune(failures, now);
  if (static_cast<int>(failures.size()) < limit) return std::nullopt;
  // Allowed again once enough of the oldest failures have left the window.
  auto release = failures[failures.size() - static_cast<std::size_t>(limit)] + policy_.window;
  return std::max(std::chrono::seconds{1}, release - now);
}

std::optional<std::chrono::seconds> LoginThrottle::Blocked(const std::string& account,
                                                           const std::string& address) {
  std::lock_guard lock(mutex_);
  auto now = clock_.Now();
  std::optional<std::chrono::seconds> wait;
  if (auto it = by_account_.find(account); it != by_account_.end()) {
    wait = Check(it->second, policy_.max_failures_per_account, now);
  }
  if (auto it = by_address_.find(address); it != by_address_.end()) {
    auto by_address = Check(it->second, policy_.max_failures_per_address, now);
    if (by_address && (!wait || *by_address > *wait)) wait = by_address;
  }
  return wait;
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  auto now = clock_.Now();
  auto& account_failures = by_account_[account];
  Prune(account_failures, now);
  account_failures.push_back(now);
  auto& address_failures = by_address_[address];
  Prune(address_failures, now);
  address_failures.push_back(now);
  // Bound memory under a spray of distinct names: forget keys whose window has passed.
  for (auto* keys : {&by_account_, &by_address_}) {
    if (keys->size() <= 100000) continue;
    for (auto it = keys->begin(); it != keys->end();) {
      Prune(it->second, now);
      it = it->second.empty() ? keys->erase(it) : std::next(it);
    }
  }
}

void LoginThrottle::RecordSuccess(const std::string& account) {
  std::lock_guard lock(mutex_);
  by_account_.erase(account);
}

}  // namespace gotong::domain::accounts
