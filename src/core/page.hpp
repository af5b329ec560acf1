#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/result.hpp"

namespace gotong::core {

// A bounded window onto a list (STYLE: no unbounded edges).
struct PageRequest {
  static constexpr int kDefaultLimit = 50;
  static constexpr int kMaxLimit = 200;
  int limit = kDefaultLimit;
  std::int64_t offset = 0;
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::int64_t total = 0;
  int limit = PageRequest::kDefaultLimit;
  std::int64_t offset = 0;
  // The list was counted no further than `total`: there are more (a list too long to count).
  bool total_capped = false;
};

// Reads a whole list a page at a time, the largest pages a list gives: `read(page)` returns a
// Result<Page<T>>, and `visit(item)` takes each item (T&, to move it out) in the list's order.
// Stops after the last page (the one reaching the total, or a short one where the total was
// not counted whole), or at the first error, which it returns.
template <typename Read, typename Visit>
Status ForEachItem(Read&& read, Visit&& visit) {
  PageRequest page{PageRequest::kMaxLimit, 0};
  while (true) {
    auto result = read(page);
    if (!result.ok()) return result.error();
    auto& items = result->items;
    for (auto& item : items) visit(item);
    if (items.empty()) return OkStatus();
    page.offset += static_cast<std::int64_t>(items.size());
    const bool last = result->total_capped ? items.size() < static_cast<std::size_t>(result->limit)
                                           : page.offset >= result->total;
    if (last) return OkStatus();
  }
}

}  // namespace gotong::core
