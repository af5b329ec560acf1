#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"

namespace gotong::domain::regions {

// Kemendagri administrative levels; a code's level is its number of dotted parts:
// 35 (province) › 35.07 (regency) › 35.07.20 (district) › 35.07.20.2004 (village).
enum class Level { kProvince = 1, kRegency = 2, kDistrict = 3, kVillage = 4 };

std::string_view ToString(Level level);

// The level of a well-formed code, or nothing for anything else.
std::optional<Level> LevelOfCode(std::string_view code);
// "35.07.20" for "35.07.20.2004"; nothing for a province.
std::optional<std::string> ParentCode(std::string_view code);
// Codes from the province down to `code` itself.
std::vector<std::string> LineageCodes(std::string_view code);
// True when `code` is `prefix` or lies beneath it (35.07 covers 35.07.20.2004, not 35.071).
bool IsWithin(std::string_view code, std::string_view prefix);

struct PathItem {
  std::string code;
  std::string name;
};

struct Region {
  std::string code;
  std::string name;
  Level level = Level::kProvince;
  std::optional<std::string> parent_code;
  bool has_children = false;
  std::vector<PathItem> path;  // province first, the region itself last
};

// A row as the official dataset gives it.
struct RegionRecord {
  std::string code;
  std::string name;
};

class RegionRepository {
 public:
  virtual ~RegionRepository() = default;
  // Children of `parent` (provinces when empty), ordered by name.
  virtual core::Result<core::Page<Region>> Children(const std::optional<std::string>& parent,
                                                    const core::PageRequest& page) = 0;
  // Regions whose name contains `needle` (case-insensitive), villages last, then by name.
  virtual core::Result<core::Page<Region>> Search(const std::string& needle,
                                                  const core::PageRequest& page) = 0;
  virtual core::Result<Region> Get(const std::string& code) = 0;
  // The regions with the given codes, in code order (unknown codes are left out).
  virtual core::Result<std::vector<Region>> Find(const std::vector<std::string>& codes) = 0;
  // Names for the given codes (unknown codes are left out).
  virtual core::Result<std::vector<PathItem>> Names(const std::vector<std::string>& codes) = 0;
  virtual core::Result<std::int64_t> Count() = 0;
  // Every code at one level (the villages, to check an import's rows against).
  virtual core::Result<std::vector<std::string>> CodesAt(Level level) = 0;
  // Replaces the whole table with the dataset, as one bulk load.
  virtual core::Status ReplaceAll(const std::vector<RegionRecord>& records) = 0;
};

}  // namespace gotong::domain::regions
