#pragma once

#include <soci/soci.h>

#include "domain/programmes/dashboards.hpp"

namespace gotong::storage::internal {

class SqlDashboardRepository final : public domain::programmes::DashboardRepository {
 public:
  explicit SqlDashboardRepository(soci::session& sql) : sql_(sql) {}
  core::Result<domain::programmes::EquityCounts> Equity(const domain::programmes::EquityFilter& filter) override;
  core::Result<core::Page<domain::programmes::GroupRef>> GroupsNeverServed(
      const domain::programmes::EquityFilter& filter, const core::PageRequest& page) override;
  core::Result<domain::programmes::HelixNetwork> Network(std::int64_t max_programmes) override;
  core::Result<std::vector<domain::programmes::HelixPartTally>> PartsByHelix() override;
  core::Result<std::vector<domain::programmes::HelixKindTally>> AssistanceByHelix() override;

 private:
  soci::session& sql_;
};

}  // namespace gotong::storage::internal
