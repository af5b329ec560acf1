#pragma once

#include <cstdint>
#include <vector>

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

}  // namespace gotong::core
