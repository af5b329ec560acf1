#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace gotong::core {

// "2026-11-23T08:51:00Z": how instants are written in storage, the API and logs.
std::string FormatInstant(Instant instant);
std::optional<Instant> ParseInstant(std::string_view text);

// A calendar date, "2026-11-23".
struct Date {
  int year = 1970;
  unsigned month = 1;
  unsigned day = 1;

  static std::optional<Date> Parse(std::string_view text);
  std::string ToString() const;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Date&, const Date&) = default;
};

// The app keeps its calendar in Indonesia's easternmost time (UTC+9), so that something done this
// evening anywhere in the country is never "in the future": the day `instant` falls on there.
Date DayInIndonesia(Instant instant);
// When `date` begins there.
Instant StartOfDayInIndonesia(const Date& date);

}  // namespace gotong::core
