#include "api/limits.hpp"

#include <string>

namespace gotong::api {

struct ConcurrencyLimits::Slot {
  Slot(ConcurrencyLimits* owner, Heavy slot_kind, std::int64_t slot_user)
      : limits(owner), kind(slot_kind), user_id(slot_user) {}
  Slot(const Slot&) = delete;
  Slot& operator=(const Slot&) = delete;
  ~Slot() { limits->Release(kind, user_id); }

  ConcurrencyLimits* limits;
  Heavy kind;
  std::int64_t user_id;
};

core::Result<std::shared_ptr<void>> ConcurrencyLimits::Acquire(Heavy kind, std::int64_t user_id) {
  if (kind == Heavy::kNone) return std::shared_ptr<void>();
  std::lock_guard lock(mutex_);
  int per_user_limit =
      kind == Heavy::kExport ? options_.exports_per_user : options_.imports_per_user;
  int total_limit = kind == Heavy::kImport ? options_.imports_total : 0;  // 0: no total limit
  int& mine = per_user_[{kind, user_id}];
  const char* what = kind == Heavy::kExport ? "exports" : "imports";
  if (mine >= per_user_limit) {
    if (mine == 0) per_user_.erase({kind, user_id});
    core::Error error{core::ErrorCode::kResourceExhausted,
                      std::string("you already have ") + std::to_string(per_user_limit) + " " +
                          what + " running; wait for one to finish",
                      {},
                      options_.retry_after_seconds,
                      "too-many-" + std::string(what)};
    return error;
  }
  int& everyone = total_[kind];
  if (total_limit > 0 && everyone >= total_limit) {
    if (mine == 0) per_user_.erase({kind, user_id});
    core::Error error{
        core::ErrorCode::kUnavailable,
        std::string("the server is taking as many ") + what + " as it can; try again in a moment",
        {},
        options_.retry_after_seconds,
        "busy"};
    return error;
  }
  ++mine;
  ++everyone;
  // The slot is released when the last copy of the handle goes.
  return std::shared_ptr<void>(std::make_shared<Slot>(this, kind, user_id));
}

void ConcurrencyLimits::Release(Heavy kind, std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  auto mine = per_user_.find({kind, user_id});
  if (mine != per_user_.end() && --mine->second <= 0) per_user_.erase(mine);
  auto everyone = total_.find(kind);
  if (everyone != total_.end() && everyone->second > 0) --everyone->second;
}

int ConcurrencyLimits::InFlight(Heavy kind, std::int64_t user_id) const {
  std::lock_guard lock(mutex_);
  auto found = per_user_.find({kind, user_id});
  return found == per_user_.end() ? 0 : found->second;
}

}  // namespace gotong::api
