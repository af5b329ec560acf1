#pragma once

// The programmes' dashboards (issue 15; seed 002): the equity of assistance — what the ledger
// gave per region, sector, scale and owner's gender set against how many enterprises the
// registry holds there, and who was never served — and the quadruple helix — which stakeholders
// play which helix role in which programme, and what each helix contributes. Read only; the
// counts of the equity dashboard are kept per dimension value by migration V031.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/programmes/assistance.hpp"
#include "domain/programmes/programmes.hpp"
#include "domain/registry/rules.hpp"

namespace gotong::domain::programmes {

// What the equity dashboard counts by: a region level (the children of the region drilled
// into), the sector, the scale or the owner's gender. Groups, as recipients, count only at the
// region levels (by their village).
enum class EquityDimension { kProvince, kRegency, kDistrict, kVillage, kSector, kScale, kGender };
// "province", "regency", "district", "village", "sector", "scale", "gender".
std::string_view ToString(EquityDimension dimension);
bool IsRegionLevel(EquityDimension dimension);

// The key of an unknown scale or gender in the dashboard's rows (stored as "").
inline constexpr std::string_view kUnknownValue = "unknown";

struct EquityFilter {
  EquityDimension dimension = EquityDimension::kProvince;
  std::optional<std::string> region;  // a region level's values lie within this code
  std::optional<core::Date> from;     // given_on, both ends included
  std::optional<core::Date> to;
  std::optional<AssistanceKind> kind;
  std::optional<registry::Helix> helix;  // the provider's
  std::optional<std::int64_t> programme_id;
};

// What the ledger gave to one dimension value under a filter.
struct EquityCell {
  std::int64_t enterprises_served = 0;  // distinct enterprises with a record
  std::int64_t groups_served = 0;       // distinct groups with a record (region levels only)
  std::int64_t records = 0;
  std::int64_t value = 0;  // rupiah
};

// Where a figure was counted: the kept tallies, or the ledger's records themselves (a period
// that is not whole months, served counts of a period other than one calendar year, a programme).
enum class CountSource { kTallies, kLedger };
std::string_view ToString(CountSource source);

struct EquityCounts {
  // Per stored dimension value ("" for an unknown scale or gender).
  std::map<std::string, std::int64_t> enterprises;
  std::map<std::string, EquityCell> assistance;
  CountSource assistance_source = CountSource::kTallies;
  CountSource served_source = CountSource::kTallies;
};

struct GroupRef {
  std::int64_t id = 0;
  std::string name;
  std::string village_code;
};

// The quadruple helix as a network: stakeholders and programmes as nodes, a stakeholder's part
// in a programme (owner or partner, the helix it plays there, what it brings) as an edge.
struct NetworkStakeholder {
  std::int64_t id = 0;
  std::string name;
  registry::Helix helix = registry::Helix::kGovernment;  // its own
  std::string kind;                                      // agency, bank, …
};
struct NetworkProgramme {
  std::int64_t id = 0;
  std::string name;
  ProgrammeStatus status = ProgrammeStatus::kDraft;
};
struct NetworkEdge {
  std::int64_t stakeholder_id = 0;
  std::int64_t programme_id = 0;
  PartnerRole role = PartnerRole::kPartner;
  registry::Helix helix = registry::Helix::kGovernment;  // the role it plays in this programme
  std::optional<std::string> contribution;
};
struct HelixNetwork {
  std::vector<NetworkStakeholder> stakeholders;  // those with an edge, by name
  std::vector<NetworkProgramme> programmes;      // newest first, at most the bound
  std::vector<NetworkEdge> edges;
  std::int64_t programmes_total = 0;  // every programme, also those past the bound
};

// What the providers of one helix gave, of one kind, over the whole ledger.
struct HelixKindTally {
  registry::Helix helix = registry::Helix::kGovernment;
  AssistanceKind kind = AssistanceKind::kGrant;
  std::int64_t records = 0;
  std::int64_t value = 0;
};

// The programmes in which stakeholders play one helix in one role: how many, and how many of those
// parts declare a contribution.
struct HelixPartTally {
  registry::Helix helix = registry::Helix::kGovernment;
  PartnerRole role = PartnerRole::kPartner;
  std::int64_t programmes = 0;
  std::int64_t contributions = 0;
};

class DashboardRepository {
 public:
  virtual ~DashboardRepository() = default;
  // Enterprises per value of the filter's dimension (within its region) and what the ledger gave
  // there under the filter; values with neither are left out.
  virtual core::Result<EquityCounts> Equity(const EquityFilter& filter) = 0;
  // Groups (not dissolved, within the filter's region) with no record under the filter, by name.
  virtual core::Result<core::Page<GroupRef>> GroupsNeverServed(const EquityFilter& filter,
                                                               const core::PageRequest& page) = 0;
  // The newest `max_programmes` programmes with their partners and those stakeholders.
  virtual core::Result<HelixNetwork> Network(std::int64_t max_programmes) = 0;
  // Every programme's parts by the helix played and the role.
  virtual core::Result<std::vector<HelixPartTally>> PartsByHelix() = 0;
  // The whole ledger by the provider's helix and kind (from the kept tallies).
  virtual core::Result<std::vector<HelixKindTally>> AssistanceByHelix() = 0;
};

}  // namespace gotong::domain::programmes
