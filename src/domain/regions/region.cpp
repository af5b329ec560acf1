#include "domain/regions/region.hpp"

#include "core/names.hpp"

namespace gotong::domain::regions {
namespace {

bool AllDigits(std::string_view text, std::size_t length) {
  if (text.size() != length) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

constexpr core::Names<Level, 4> kLevels = {{
    {"province", Level::kProvince}, {"regency", Level::kRegency}, {"district", Level::kDistrict},
    {"village", Level::kVillage}}};

}  // namespace

std::string_view ToString(Level level) { return core::NameOf(level, kLevels); }

std::optional<Level> LevelOfCode(std::string_view code) {
  // Part widths per level: 2, 2, 2, 4.
  static constexpr std::size_t kWidths[] = {2, 2, 2, 4};
  int level = 0;
  std::size_t start = 0;
  while (true) {
    if (level == 4) return std::nullopt;
    auto dot = code.find('.', start);
    std::string_view part = code.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!AllDigits(part, kWidths[level])) return std::nullopt;
    ++level;
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return static_cast<Level>(level);
}

std::optional<std::string> ParentCode(std::string_view code) {
  auto dot = code.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return std::string(code.substr(0, dot));
}

std::vector<std::string> LineageCodes(std::string_view code) {
  std::vector<std::string> codes;
  std::size_t pos = 0;
  while (true) {
    auto dot = code.find('.', pos);
    if (dot == std::string_view::npos) break;
    codes.emplace_back(code.substr(0, dot));
    pos = dot + 1;
  }
  codes.emplace_back(code);
  return codes;
}

bool IsWithin(std::string_view code, std::string_view prefix) {
  if (code.size() < prefix.size() || code.substr(0, prefix.size()) != prefix) return false;
  return code.size() == prefix.size() || code[prefix.size()] == '.';
}

}  // namespace gotong::domain::regions
