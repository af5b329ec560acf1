#include "domain/regions/region_service.hpp"

#include <map>
#include <set>

#include "core/text.hpp"

namespace gotong::domain::regions {

core::Result<core::Page<Region>> RegionService::List(const ListQuery& query) {
  if (query.parent && query.q) {
    return core::Error::Invalid("q", "invalid_value", "use either parent or q, not both");
  }
  if (query.parent && !LevelOfCode(*query.parent)) {
    return core::Error::Invalid("parent", "invalid_format",
                                "parent must be a region code such as 35 or 35.07.20");
  }
  std::string needle;
  if (query.q) {
    needle = core::AsciiLower(core::Trim(*query.q));
    if (core::CodePointCount(needle) < 2) {
      return core::Error::Invalid("q", "too_short", "q must be at least 2 characters");
    }
    if (core::CodePointCount(needle) > 100) {
      return core::Error::Invalid("q", "too_long", "q must be at most 100 characters");
    }
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  core::Result<core::Page<Region>> page = core::Error::Internal("unreachable");
  if (query.q) {
    page = unit->Regions().Search(needle, query.page);
  } else {
    if (query.parent) {
      auto parent = unit->Regions().Get(*query.parent);
      if (!parent.ok()) return std::move(parent).error();
    }
    page = unit->Regions().Children(query.parent, query.page);
  }
  if (!page.ok()) return page;
  GOTONG_RETURN_IF_ERROR(FillPaths(*unit, page->items));
  return page;
}

core::Result<Region> RegionService::Get(const std::string& code) {
  if (!LevelOfCode(code)) {
    return core::Error::Invalid("code", "invalid_format", "not a region code: " + code);
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(Region region, unit->Regions().Get(code));
  std::vector<Region> one{std::move(region)};
  GOTONG_RETURN_IF_ERROR(FillPaths(*unit, one));
  return std::move(one.front());
}

core::Result<std::vector<Region>> RegionService::GetMany(const std::vector<std::string>& codes) {
  std::set<std::string> wanted;
  for (const auto& code : codes) {
    if (LevelOfCode(code)) wanted.insert(code);
  }
  if (wanted.empty()) return std::vector<Region>();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto regions, unit->Regions().Find({wanted.begin(), wanted.end()}));
  GOTONG_RETURN_IF_ERROR(FillPaths(*unit, regions));
  return regions;
}

core::Status RegionService::FillPaths(UnitOfWork& unit, std::vector<Region>& regions) {
  std::set<std::string> wanted;
  for (const Region& region : regions) {
    for (auto& code : LineageCodes(region.code)) wanted.insert(std::move(code));
  }
  if (wanted.empty()) return core::OkStatus();
  GOTONG_ASSIGN_OR_RETURN(auto names,
                          unit.Regions().Names({wanted.begin(), wanted.end()}));
  std::map<std::string, std::string> by_code;
  for (auto& item : names) by_code.emplace(std::move(item.code), std::move(item.name));
  for (Region& region : regions) {
    region.path.clear();
    for (auto& code : LineageCodes(region.code)) {
      auto found = by_code.find(code);
      region.path.push_back({code, found == by_code.end() ? std::string() : found->second});
    }
  }
  return core::OkStatus();
}

}  // namespace gotong::domain::regions
