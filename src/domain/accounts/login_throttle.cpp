#include "domain/accounts/login_throttle.hpp"

#include <algorithm>

namespace gotong::domain::accounts {

std::optional<std::chrono::seconds> LoginThrottle::FailureLog::Check(const std::string& key,
                                                                     int limit, core::Instant now,
                                                                     std::chrono::seconds window) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  auto& failures = it->second.failures;
  while (!failures.empty() && failures.front() + window <= now) failures.pop_front();
  if (failures.empty()) {
    Erase(key);
    return std::nullopt;
  }
  if (static_cast<int>(failures.size()) < limit) return std::nullopt;
  // Allowed again once enough of the oldest failures have left the window.
  auto release = failures[failures.size() - static_cast<std::size_t>(limit)] + window;
  return std::max(std::chrono::seconds{1}, release - now);
}

void LoginThrottle::FailureLog::Add(const std::string& key, int limit, core::Instant now,
                                    std::chrono::seconds window, std::size_t max_keys) {
  DropExpired(now, window);
  auto [it, inserted] = entries_.try_emplace(key);
  auto& entry = it->second;
  if (inserted) {
    entry.order = order_.insert(order_.end(), key);
  } else {
    order_.splice(order_.end(), order_, entry.order);  // now the most recent
  }
  entry.failures.push_back(now);
  // Only the newest `limit` failures decide when the key is allowed again.
  while (entry.failures.size() > static_cast<std::size_t>(std::max(limit, 1))) {
    entry.failures.pop_front();
  }
  while (entries_.size() > std::max<std::size_t>(max_keys, 1)) Erase(order_.front());
}

void LoginThrottle::FailureLog::Erase(const std::string& key) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  order_.erase(it->second.order);
  entries_.erase(it);
}

void LoginThrottle::FailureLog::DropExpired(core::Instant now, std::chrono::seconds window) {
  while (!order_.empty()) {
    auto it = entries_.find(order_.front());
    if (it->second.failures.back() + window > now) break;
    order_.pop_front();
    entries_.erase(it);
  }
}

std::string LoginThrottle::PairKey(const std::string& account, const std::string& address) {
  // Length-prefixed, so that no account name can make two pairs meet.
  return std::to_string(account.size()) + ":" + account + address;
}

std::optional<std::chrono::seconds> LoginThrottle::Blocked(const std::string& account,
                                                           const std::string& address) {
  std::lock_guard lock(mutex_);
  auto now = clock_.Now();
  auto wait = by_account_at_address_.Check(PairKey(account, address),
                                           policy_.max_failures_per_account_at_address, now,
                                           policy_.window);
  auto by_address = by_address_.Check(address, policy_.max_failures_per_address, now, policy_.window);
  if (by_address && (!wait || *by_address > *wait)) wait = by_address;
  return wait;
}

void LoginThrottle::RecordFailure(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  auto now = clock_.Now();
  by_account_at_address_.Add(PairKey(account, address), policy_.max_failures_per_account_at_address,
                             now, policy_.window, policy_.max_tracked_keys);
  by_address_.Add(address, policy_.max_failures_per_address, now, policy_.window,
                  policy_.max_tracked_keys);
}

void LoginThrottle::RecordSuccess(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  by_account_at_address_.Erase(PairKey(account, address));
}

std::size_t LoginThrottle::TrackedKeys() {
  std::lock_guard lock(mutex_);
  return by_account_at_address_.size() + by_address_.size();
}

}  // namespace gotong::domain::accounts
