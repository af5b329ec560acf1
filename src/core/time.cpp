#include "core/time.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace gotong::core {
namespace {

// Eastern Indonesia Time (WIT).
constexpr std::chrono::hours kIndonesiaOffset{9};

bool ParseFixed(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return ec == std::errc{} && ptr == text.data() + pos + len;
}

std::optional<std::chrono::year_month_day> ParseYmd(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (!ParseFixed(text, 0, 4, y) || !ParseFixed(text, 5, 2, m) || !ParseFixed(text, 8, 2, d)) {
    return std::nullopt;
  }
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                  std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

}  // namespace

std::string FormatInstant(Instant instant) {
  auto day = std::chrono::floor<std::chrono::days>(instant);
  std::chrono::year_month_day ymd{day};
  std::chrono::hh_mm_ss hms{instant - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                static_cast<int>(hms.seconds().count()));
  return buffer;
}

std::optional<Instant> ParseInstant(std::string_view text) {
  if (text.size() != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' ||
      text[19] != 'Z') {
    return std::nullopt;
  }
  auto ymd = ParseYmd(text.substr(0, 10));
  int hh = 0, mm = 0, ss = 0;
  if (!ymd || !ParseFixed(text, 11, 2, hh) || !ParseFixed(text, 14, 2, mm) ||
      !ParseFixed(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60) {
    return std::nullopt;
  }
  return std::chrono::sys_days{*ymd} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
         std::chrono::seconds{ss};
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  auto ymd = ParseYmd(text);
  if (!ymd) return std::nullopt;
  return Date{static_cast<int>(ymd->year()), static_cast<unsigned>(ymd->month()),
              static_cast<unsigned>(ymd->day())};
}

Date DayInIndonesia(Instant instant) {
  std::chrono::year_month_day day(
      std::chrono::floor<std::chrono::days>(instant + kIndonesiaOffset));
  return Date{static_cast<int>(day.year()), static_cast<unsigned>(day.month()),
              static_cast<unsigned>(day.day())};
}

Instant StartOfDayInIndonesia(const Date& date) {
  std::chrono::year_month_day ymd{std::chrono::year{date.year}, std::chrono::month{date.month},
                                  std::chrono::day{date.day}};
  return Instant{std::chrono::sys_days{ymd}} - kIndonesiaOffset;
}

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  return buffer;
}

}  // namespace gotong::core
