#include "domain/programmes/dashboard_service.hpp"

#include <array>
#include <chrono>
#include <map>
#include <utility>

#include "core/names.hpp"
#include "domain/accounts/role.hpp"
#include "domain/form.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/service.hpp"

namespace gotong::domain::programmes {
namespace {

bool HasRole(const Context& context, std::initializer_list<Role> roles) {
  if (context.system) return true;
  if (!context.principal) return false;
  for (Role role : roles) {
    if (context.principal->role == role) return true;
  }
  return false;
}

// The dimension of `by` and the region drilled into: the children of a province are its
// regencies, and so on down to the villages of a district.
std::optional<EquityDimension> DimensionOf(Problems& problems, const EquityQuery& query) {
  const std::string by = query.by.value_or("region");
  if (by == "sector") return EquityDimension::kSector;
  if (by == "scale") return EquityDimension::kScale;
  if (by == "gender") return EquityDimension::kGender;
  if (by != "region") {
    problems.Add("by", "invalid_value", "by is region, sector, scale or gender");
    return std::nullopt;
  }
  if (!query.region) return EquityDimension::kProvince;
  auto level = regions::LevelOfCode(*query.region);
  if (!level) {
    problems.Add("region", "invalid_value", "region is a region code such as 35.07");
    return std::nullopt;
  }
  switch (*level) {
    case regions::Level::kProvince: return EquityDimension::kRegency;
    case regions::Level::kRegency: return EquityDimension::kDistrict;
    case regions::Level::kDistrict: return EquityDimension::kVillage;
    case regions::Level::kVillage: break;
  }
  problems.Add("region", "no_smaller_areas", "a village has no smaller areas");
  return std::nullopt;
}

EquityRow RowOf(std::string key, std::string name, std::int64_t enterprises, const EquityCell& cell) {
  EquityRow row;
  row.key = std::move(key);
  row.name = std::move(name);
  row.enterprises = enterprises;
  row.served = cell;
  if (enterprises > 0) {
    row.share_served = static_cast<double>(cell.enterprises_served) / static_cast<double>(enterprises);
    row.value_per_enterprise = cell.value / enterprises;
  }
  return row;
}

// The rows of a dimension other than a region: every known value, then any value the database
// holds that this version does not know.
std::vector<std::pair<std::string, std::string>> KnownValues(EquityDimension dimension) {
  std::vector<std::pair<std::string, std::string>> out;
  auto add = [&](std::string_view stored) { out.emplace_back(stored, stored.empty() ? kUnknownValue : stored); };
  switch (dimension) {
    case EquityDimension::kSector:
      for (const auto& info : registry::kSectors) add(registry::ToString(info.sector));
      break;
    case EquityDimension::kScale:
      for (auto scale : {registry::Scale::kMicro, registry::Scale::kSmall, registry::Scale::kMedium,
                         registry::Scale::kLarge}) {
        add(registry::ToString(scale));
      }
      add("");
      break;
    case EquityDimension::kGender:
      for (auto gender : {registry::Gender::kFemale, registry::Gender::kMale}) add(registry::ToString(gender));
      add("");
      break;
    default:
      break;
  }
  return out;
}

constexpr core::Names<EquityDimension, 7> kDimensions = {{{"province", EquityDimension::kProvince},
                                                          {"regency", EquityDimension::kRegency},
                                                          {"district", EquityDimension::kDistrict},
                                                          {"village", EquityDimension::kVillage},
                                                          {"sector", EquityDimension::kSector},
                                                          {"scale", EquityDimension::kScale},
                                                          {"gender", EquityDimension::kGender}}};

constexpr core::Names<CountSource, 2> kCountSources = {
    {{"tallies", CountSource::kTallies}, {"ledger", CountSource::kLedger}}};

}  // namespace

std::string_view ToString(EquityDimension dimension) {
  return core::NameOf(dimension, kDimensions);
}

bool IsRegionLevel(EquityDimension dimension) {
  return dimension == EquityDimension::kProvince || dimension == EquityDimension::kRegency ||
         dimension == EquityDimension::kDistrict || dimension == EquityDimension::kVillage;
}

std::string_view ToString(CountSource source) { return core::NameOf(source, kCountSources); }

core::Result<EquityView> DashboardService::Equity(const Context& context, const EquityQuery& query) {
  if (!HasRole(context, {Role::kAdmin, Role::kOfficer})) {
    return Error::Denied("the equity dashboard is for admins and officers");
  }
  Problems problems;
  EquityView view;
  auto dimension = DimensionOf(problems, query);
  if (query.region && query.by && *query.by != "region") {
    problems.Add("region", "only_by_region", "region drills into areas: give it with by=region");
  }
  auto range = groups::ReadDateRange(problems, query.from, query.to);
  EquityFilter& filter = view.filter;
  filter.from = range.from;
  filter.to = range.to;
  if (query.kind) {
    filter.kind = ParseAssistanceKind(*query.kind);
    if (!filter.kind) problems.Add("kind", "invalid_value", "kind is not a kind of assistance");
  }
  if (query.helix) {
    filter.helix = registry::ParseHelix(*query.helix);
    if (!filter.helix) problems.Add("helix", "invalid_value", "helix is government, business, academia or civil_society");
  }
  filter.programme_id = query.programme_id;
  if (!problems.empty() || !dimension) return problems.ToError();
  filter.dimension = *dimension;
  view.dimension = *dimension;
  if (IsRegionLevel(*dimension)) filter.region = query.region;

  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  if (query.region) {
    auto region = unit->Regions().Get(*query.region);
    if (!region.ok()) {
      if (region.error().code == core::ErrorCode::kNotFound) {
        return Error::Invalid("region", "not_found", "no region with code " + *query.region);
      }
      return std::move(region).error();
    }
    view.region = std::move(region).value();
  }
  if (filter.programme_id) {
    auto programme = unit->Programmes().Find(*filter.programme_id);
    if (!programme.ok()) {
      if (programme.error().code == core::ErrorCode::kNotFound) {
        return Error::Invalid("programme_id", "not_found",
                              "no programme with id " + std::to_string(*filter.programme_id));
      }
      return std::move(programme).error();
    }
  }
  GOTONG_ASSIGN_OR_RETURN(auto counts, unit->Dashboards().Equity(filter));
  view.assistance_source = counts.assistance_source;
  view.served_source = counts.served_source;

  std::vector<std::pair<std::string, std::string>> keys;  // stored value, name
  if (IsRegionLevel(*dimension)) {
    GOTONG_RETURN_IF_ERROR(core::ForEachItem(
        [&](const core::PageRequest& page) { return unit->Regions().Children(filter.region, page); },
        [&](const regions::Region& child) { keys.emplace_back(child.code, child.name); }));
  } else {
    keys = KnownValues(*dimension);
  }
  std::map<std::string, bool> listed;
  for (const auto& [stored, name] : keys) listed[stored] = true;
  // Values the region table or this version no longer knows still count, under their code.
  auto add_unlisted = [&](const std::string& stored) {
    if (listed.emplace(stored, true).second) keys.emplace_back(stored, stored.empty() ? kUnknownValue : stored);
  };
  for (const auto& [stored, n] : counts.enterprises) add_unlisted(stored);
  for (const auto& [stored, cell] : counts.assistance) add_unlisted(stored);

  EquityCell total_cell;
  std::int64_t total_enterprises = 0;
  for (const auto& [stored, name] : keys) {
    std::int64_t enterprises = 0;
    if (auto found = counts.enterprises.find(stored); found != counts.enterprises.end()) enterprises = found->second;
    EquityCell cell;
    if (auto found = counts.assistance.find(stored); found != counts.assistance.end()) cell = found->second;
    std::string key = stored.empty() ? std::string(kUnknownValue) : stored;
    EquityRow row = RowOf(key, name, enterprises, cell);
    if (enterprises > 0 && cell.records == 0) view.never_served.push_back(row);
    total_enterprises += enterprises;
    total_cell.enterprises_served += cell.enterprises_served;
    total_cell.groups_served += cell.groups_served;
    total_cell.records += cell.records;
    total_cell.value += cell.value;
    view.rows.push_back(std::move(row));
  }
  view.totals = RowOf("total", view.region ? view.region->name : "total", total_enterprises, total_cell);
  GOTONG_ASSIGN_OR_RETURN(view.groups_never_served, unit->Dashboards().GroupsNeverServed(filter, query.page));
  return view;
}

core::Result<HelixView> DashboardService::Helix(const Context& context) {
  if (!HasRole(context, {Role::kAdmin, Role::kOfficer, Role::kFacilitator})) {
    return Error::Denied("the helix dashboard is for admins, officers and facilitators");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  HelixView view;
  view.max_programmes = kMaxNetworkProgrammes;
  GOTONG_ASSIGN_OR_RETURN(view.network, unit->Dashboards().Network(kMaxNetworkProgrammes));
  GOTONG_ASSIGN_OR_RETURN(auto parts, unit->Dashboards().PartsByHelix());
  GOTONG_ASSIGN_OR_RETURN(auto given, unit->Dashboards().AssistanceByHelix());
  for (auto helix : {registry::Helix::kGovernment, registry::Helix::kBusiness, registry::Helix::kAcademia,
                     registry::Helix::kCivilSociety}) {
    HelixContribution contribution;
    contribution.helix = helix;
    for (const auto& part : parts) {
      if (part.helix != helix) continue;
      (part.role == PartnerRole::kOwner ? contribution.programmes_owned : contribution.programmes_partnered) +=
          part.programmes;
      contribution.contributions_declared += part.contributions;
    }
    for (const auto& tally : given) {
      if (tally.helix != helix || tally.records == 0) continue;
      contribution.records += tally.records;
      contribution.value += tally.value;
      contribution.by_kind.push_back(tally);
    }
    view.helixes.push_back(std::move(contribution));
  }
  return view;
}

}  // namespace gotong::domain::programmes
