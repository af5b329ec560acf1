#pragma once

#include <optional>
#include <string>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/database.hpp"
#include "domain/regions/region.hpp"

namespace gotong::domain::regions {

struct ListQuery {
  std::optional<std::string> parent;
  std::optional<std::string> q;
  core::PageRequest page;
};

// Browsing and searching the official regions; every answer carries each region's full path.
class RegionService {
 public:
  explicit RegionService(Database& database) : database_(database) {}

  core::Result<core::Page<Region>> List(const ListQuery& query);
  core::Result<Region> Get(const std::string& code);
  // Several regions at once, in code order; codes that are malformed or unknown are left out.
  core::Result<std::vector<Region>> GetMany(const std::vector<std::string>& codes);

 private:
  core::Status FillPaths(UnitOfWork& unit, std::vector<Region>& regions);

  Database& database_;
};

}  // namespace gotong::domain::regions
