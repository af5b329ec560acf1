#include "domain/idempotency/idempotency_service.hpp"

namespace gotong::domain::idempotency {

core::Result<std::string> ParseKey(std::string_view header) {
  if (header.size() >= 2 && header.front() == '"' && header.back() == '"') {
    header = header.substr(1, header.size() - 2);
  }
  auto invalid = [] {
    return core::Error::Invalid("Idempotency-Key", "invalid_format",
                                "Idempotency-Key must be 1 to 255 visible ASCII characters");
  };
  if (header.empty() || header.size() > 255) return invalid();
  for (char c : header) {
    if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') return invalid();
  }
  return std::string(header);
}

core::Result<Claim> IdempotencyService::Begin(std::int64_t user_id, const std::string& key,
                                              const std::string& fingerprint) {
  auto now = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  auto& keys = unit->Idempotency();
  // Now and then, forget what is past its retention (at most once a minute).
  std::int64_t seconds = now.time_since_epoch().count();
  std::int64_t last = last_purge_.load();
  if (seconds - last >= 60 && last_purge_.compare_exchange_strong(last, seconds)) {
    GOTONG_RETURN_IF_ERROR(keys.RemoveCreatedBefore(now - policy_.retention));
  }
  Record record{user_id, key, fingerprint, now, std::nullopt};
  Claim claim;
  GOTONG_ASSIGN_OR_RETURN(bool inserted, keys.Insert(record));
  if (!inserted) {
    GOTONG_ASSIGN_OR_RETURN(auto existing, keys.Find(user_id, key));
    if (!existing || existing->created_at < now - policy_.retention) {
      // Gone meanwhile, or expired: this is a first use again.
      GOTONG_RETURN_IF_ERROR(keys.Remove(user_id, key));
      GOTONG_ASSIGN_OR_RETURN(inserted, keys.Insert(record));
      if (!inserted) return core::Error::Unavailable("the request key is busy; try again");
    } else if (existing->fingerprint != fingerprint) {
      claim.decision = Decision::kMismatch;
    } else if (existing->response) {
      claim.decision = Decision::kReplay;
      claim.response = std::move(existing->response);
    } else if (existing->created_at < now - policy_.lost_after) {
      claim.decision = Decision::kUnknown;
    } else {
      claim.decision = Decision::kInProgress;
    }
  }
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return claim;
}

core::Status IdempotencyService::Finish(std::int64_t user_id, const std::string& key,
                                        const StoredResponse& response) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_RETURN_IF_ERROR(unit->Idempotency().Complete(user_id, key, response));
  return unit->Commit();
}

core::Status IdempotencyService::Abandon(std::int64_t user_id, const std::string& key) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_RETURN_IF_ERROR(unit->Idempotency().Remove(user_id, key));
  return unit->Commit();
}

}  // namespace gotong::domain::idempotency
