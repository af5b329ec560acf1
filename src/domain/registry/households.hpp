#pragma once

// A person's household categories (issue 15): on the poverty register (DTKS, "poor") and/or a
// zakat recipient ("zakat_recipient"), since when and on whose word. Sensitive registry data that
// targeting reads: only admins and the officers of the person's steward see or set it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace gotong::domain::registry {

inline constexpr std::string_view kHouseholdCategories[] = {"poor", "zakat_recipient"};

struct HouseholdCategory {
  std::string category;  // one of kHouseholdCategories
  std::optional<core::Date> since;
  std::optional<std::string> source;  // "DTKS 2024", "BAZNAS Kota Batu"
  friend bool operator==(const HouseholdCategory&, const HouseholdCategory&) = default;
};

class HouseholdRepository {
 public:
  virtual ~HouseholdRepository() = default;
  // By person, each person's categories in the order of kHouseholdCategories; people without any
  // are absent.
  virtual core::Result<std::map<std::int64_t, std::vector<HouseholdCategory>>> Categories(
      const std::vector<std::int64_t>& person_ids) = 0;
  // Replaces the person's categories.
  virtual core::Status Replace(std::int64_t person_id, const std::vector<HouseholdCategory>& categories,
                               core::Instant at) = 0;
};

}  // namespace gotong::domain::registry
