#pragma once

// The equity and quadruple-helix dashboards (issue 15): charts first, the table behind them.
//
// Who: the equity dashboard is for admins and officers (it reads the whole registry and ledger);
// the helix dashboard for admins, officers and facilitators. Neither names a person: rows are
// areas, sectors, scales and genders; the never-served list names groups.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/programmes/dashboards.hpp"
#include "domain/regions/region.hpp"

namespace gotong::domain::programmes {

struct EquityQuery {
  std::optional<std::string> by;      // region (default), sector, scale, gender
  std::optional<std::string> region;  // by region: the area drilled into (none: the provinces)
  std::optional<std::string> from;    // given_on, "2024-01-01"
  std::optional<std::string> to;
  std::optional<std::string> kind;
  std::optional<std::string> helix;  // the provider's
  std::optional<std::int64_t> programme_id;
  core::PageRequest page;  // of the groups never served
};

// One bar of the chart: a child area, a sector, a scale or a gender.
struct EquityRow {
  std::string key;   // the region code, sector, scale or gender ("unknown" for none)
  std::string name;  // the region's name; the key otherwise
  std::int64_t enterprises = 0;  // what the registry holds there
  EquityCell served;
  // enterprises_served / enterprises; none without enterprises.
  std::optional<double> share_served;
  // value / enterprises in whole rupiah (rounded down); none without enterprises.
  std::optional<std::int64_t> value_per_enterprise;
};

struct EquityView {
  EquityDimension dimension = EquityDimension::kProvince;
  std::optional<regions::Region> region;  // the area drilled into
  EquityFilter filter;
  std::vector<EquityRow> rows;
  EquityRow totals;  // the rows added up (each enterprise and group lies in exactly one row)
  // Rows with enterprises and no record under the filter.
  std::vector<EquityRow> never_served;
  core::Page<GroupRef> groups_never_served;
  CountSource assistance_source = CountSource::kTallies;
  CountSource served_source = CountSource::kTallies;
};

// What one helix contributes.
struct HelixContribution {
  registry::Helix helix = registry::Helix::kGovernment;
  std::int64_t programmes_owned = 0;      // programmes where it plays this helix as owner
  std::int64_t programmes_partnered = 0;  // … as partner
  std::int64_t contributions_declared = 0;
  std::int64_t records = 0;  // assistance its stakeholders provided
  std::int64_t value = 0;
  std::vector<HelixKindTally> by_kind;  // kinds with at least one record
};

struct HelixView {
  HelixNetwork network;
  std::int64_t max_programmes = 0;
  std::vector<HelixContribution> helixes;  // all four, government first
};

// The most programmes the network carries (the newest); the contributions count every one.
inline constexpr std::int64_t kMaxNetworkProgrammes = 500;

class DashboardService {
 public:
  explicit DashboardService(Database& database) : database_(database) {}

  core::Result<EquityView> Equity(const accounts::Context& context, const EquityQuery& query);
  core::Result<HelixView> Helix(const accounts::Context& context);

 private:
  Database& database_;
};

}  // namespace gotong::domain::programmes
