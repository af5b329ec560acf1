// The equity and quadruple-helix dashboards (issue 15). The equity dashboard adds up the tallies
// of migration V031 (kept by triggers per dimension value): enterprises per value; records and
// rupiah per value, month, kind and provider's helix; distinct recipients per value and scope
// ('year|kind|helix', '*' for any). What those cannot answer exactly is counted from the ledger:
// a period that does not start on a month's first day or end on its last, served counts of a
// period other than none or one calendar year, and a programme; read from equity_records (V035),
// the ledger with its recipients' values beside each record, in one range without lookups.

#include "storage/sql_dashboards.hpp"

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "storage/sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

namespace programmes = domain::programmes;
using programmes::CountSource;
using programmes::EquityDimension;
using programmes::EquityFilter;

bool MonthStart(const core::Date& date) { return date.day == 1; }

bool MonthEnd(const core::Date& date) {
  const std::chrono::year_month_day_last last{std::chrono::year{date.year} / std::chrono::month{date.month} /
                                              std::chrono::last};
  return date.day == static_cast<unsigned>(last.day());
}

std::string Month(const core::Date& date) { return date.ToString().substr(0, 7); }

// The served tallies' scope of the filter, when they keep it: none or one whole calendar year,
// any kind or one, any helix or one, no programme.
std::optional<std::string> ServedScope(const EquityFilter& filter) {
  if (filter.programme_id) return std::nullopt;
  std::string year = "*";
  if (filter.from || filter.to) {
    if (!filter.from || !filter.to || filter.from->year != filter.to->year || filter.from->month != 1 ||
        filter.from->day != 1 || filter.to->month != 12 || filter.to->day != 31) {
      return std::nullopt;
    }
    year = std::to_string(filter.from->year);
  }
  return year + "|" + (filter.kind ? std::string(programmes::ToString(*filter.kind)) : "*") + "|" +
         (filter.helix ? std::string(domain::registry::ToString(*filter.helix)) : "*");
}

bool RecordsFromTallies(const EquityFilter& filter) {
  return !filter.programme_id && (!filter.from || MonthStart(*filter.from)) && (!filter.to || MonthEnd(*filter.to));
}

// " AND <column> in the filter's region" (RegionMatch), when it names one.
void AddRegionRange(std::string& sql, Params& params, const std::string& column, const EquityFilter& filter) {
  if (filter.region) sql += " AND " + RegionMatch(column, *filter.region, params);
}

// The dimension's value of a record of equity_records (alias f).
std::string RecordValue(EquityDimension dimension) {
  switch (dimension) {
    case EquityDimension::kProvince: return "substr(f.village_code, 1, 2)";
    case EquityDimension::kRegency: return "substr(f.village_code, 1, 5)";
    case EquityDimension::kDistrict: return "substr(f.village_code, 1, 8)";
    case EquityDimension::kVillage: return "f.village_code";
    case EquityDimension::kSector: return "f.sector";
    case EquityDimension::kScale: return "f.scale";
    case EquityDimension::kGender: return "f.gender";
  }
  return "''";
}

// " AND <prefix>kind = …" and " AND <prefix>helix = …" for the filter's kind and helix.
void AddKindAndHelix(std::string& sql, Params& params, const EquityFilter& filter,
                     const std::string& prefix) {
  if (filter.kind) {
    sql += " AND " + prefix + "kind = ";
    params.Text(sql, std::string(programmes::ToString(*filter.kind)));
  }
  if (filter.helix) {
    sql += " AND " + prefix + "helix = ";
    params.Text(sql, std::string(domain::registry::ToString(*filter.helix)));
  }
}

// " AND …" over equity_records f for the filter's period, kind, helix and programme.
void AddRecordConditions(std::string& sql, Params& params, const EquityFilter& filter) {
  AddDateRange(sql, params, "f.given_on", filter.from, filter.to);
  AddKindAndHelix(sql, params, filter, "f.");
  if (filter.programme_id) {
    sql += " AND f.programme_id = ";
    params.Number(sql, *filter.programme_id);
  }
}

}  // namespace

core::Result<programmes::EquityCounts> SqlDashboardRepository::Equity(const EquityFilter& filter) {
  return Guard("count the equity dashboard", [&]() -> core::Result<programmes::EquityCounts> {
    programmes::EquityCounts counts;
    const std::string dim(programmes::ToString(filter.dimension));
    {
      Params params;
      std::string sql = "SELECT value, n FROM equity_enterprise_tallies WHERE dim = ";
      params.Text(sql, dim);
      AddRegionRange(sql, params, "value", filter);
      sql += " AND n <> 0";
      std::string value;
      long long n = 0;
      Query query(sql_);
      query.Into(value).Into(n);
      params.BindTo(query);
      query.ForEachRow(sql, [&] { counts.enterprises[value] += n; });
    }
    const bool records_kept = RecordsFromTallies(filter);
    const auto scope = ServedScope(filter);
    counts.assistance_source = records_kept ? CountSource::kTallies : CountSource::kLedger;
    counts.served_source = scope ? CountSource::kTallies : CountSource::kLedger;
    if (records_kept) {
      Params params;
      std::string sql =
          "SELECT value, CAST(SUM(records) AS BIGINT), CAST(SUM(total) AS BIGINT) FROM equity_assistance_tallies "
          "WHERE dim = ";
      params.Text(sql, dim);
      AddRegionRange(sql, params, "value", filter);
      if (filter.from) {
        sql += " AND month >= ";
        params.Text(sql, Month(*filter.from));
      }
      if (filter.to) {
        sql += " AND month <= ";
        params.Text(sql, Month(*filter.to));
      }
      AddKindAndHelix(sql, params, filter, "");
      sql += " GROUP BY value";
      std::string value;
      long long records = 0, total = 0;
      Query query(sql_);
      query.Into(value).Into(records).Into(total);
      params.BindTo(query);
      query.ForEachRow(sql, [&] {
        if (records == 0) return;
        auto& cell = counts.assistance[value];
        cell.records = records;
        cell.value = total;
      });
    }
    if (scope) {
      Params params;
      std::string sql = "SELECT value, recipient, CAST(SUM(n) AS BIGINT) FROM equity_served_tallies WHERE dim = ";
      params.Text(sql, dim);
      sql += " AND scope = ";
      params.Text(sql, *scope);
      AddRegionRange(sql, params, "value", filter);
      sql += " GROUP BY value, recipient";
      std::string value, recipient;
      long long n = 0;
      Query query(sql_);
      query.Into(value).Into(recipient).Into(n);
      params.BindTo(query);
      query.ForEachRow(sql, [&] {
        if (n == 0) return;
        auto& cell = counts.assistance[value];
        (recipient == "g" ? cell.groups_served : cell.enterprises_served) = n;
      });
    }
    if (!records_kept || !scope) {
      // From the ledger as equity_records (V035) holds it: enterprises always, groups where the
      // dimension is a region level; one range of dates or of a programme's records.
      Params params;
      std::string sql = "SELECT " + RecordValue(filter.dimension) +
                        ", f.recipient, COUNT(DISTINCT f.recipient_id), COUNT(*), CAST(SUM(f.value) AS BIGINT) "
                        "FROM equity_records f WHERE 1 = 1";
      if (!programmes::IsRegionLevel(filter.dimension)) sql += " AND f.recipient = 'e'";
      AddRegionRange(sql, params, "f.village_code", filter);
      AddRecordConditions(sql, params, filter);
      sql += " GROUP BY 1, 2";
      std::string value, recipient;
      long long served = 0, records = 0, total = 0;
      Query query(sql_);
      query.Into(value).Into(recipient).Into(served).Into(records).Into(total);
      params.BindTo(query);
      query.ForEachRow(sql, [&] {
        auto& cell = counts.assistance[value];
        if (!scope) (recipient == "g" ? cell.groups_served : cell.enterprises_served) = served;
        if (!records_kept) {
          cell.records += records;
          cell.value += total;
        }
      });
    }
    return counts;
  });
}

core::Result<core::Page<programmes::GroupRef>> SqlDashboardRepository::GroupsNeverServed(const EquityFilter& filter,
                                                                                         const core::PageRequest& page) {
  return Guard("list the groups never served", [&]() -> core::Result<core::Page<programmes::GroupRef>> {
    Params params;
    std::string from_where = " FROM groups g WHERE g.status <> 'dissolved'";
    AddRegionRange(from_where, params, "g.village_code", filter);
    // Read from equity_records' index of recipients alone (V035), not record by record.
    from_where += " AND NOT EXISTS (SELECT 1 FROM equity_records f WHERE f.recipient_id = g.id AND f.recipient = 'g'";
    AddRecordConditions(from_where, params, filter);
    from_where += ")";
    long long id = 0;
    std::string name, village_code;
    return PagedQuery<programmes::GroupRef>(
        sql_, page, "g.id, g.name, g.village_code", from_where, params, "g.search_name, g.id",
        [&](Query& query) { query.Into(id).Into(name).Into(village_code); },
        [&] { return programmes::GroupRef{id, name, village_code}; });
  });
}

core::Result<programmes::HelixNetwork> SqlDashboardRepository::Network(std::int64_t max_programmes) {
  return Guard("read the helix network", [&]() -> core::Result<programmes::HelixNetwork> {
    programmes::HelixNetwork network;
    long long limit = max_programmes;
    {
      long long total = 0;
      Query query(sql_);
      query.Into(total);
      query.Run("SELECT COUNT(*) FROM programmes");
      network.programmes_total = total;
    }
    {
      long long id = 0;
      std::string name, status;
      Query query(sql_);
      query.Into(id).Into(name).Into(status).Use(limit);
      query.ForEachRow("SELECT id, name, status FROM programmes ORDER BY id DESC LIMIT :l", [&] {
        network.programmes.push_back(
            {id, name, Stored("programme status", status, programmes::ParseProgrammeStatus)});
      });
    }
    const std::string newest = "(SELECT n.id FROM programmes n ORDER BY n.id DESC LIMIT :l)";
    {
      long long programme_id = 0, stakeholder_id = 0;
      std::string role, helix;
      Slot<std::string> contribution;
      Query query(sql_);
      query.Into(programme_id).Into(stakeholder_id).Into(role).Into(helix)
          .Into(contribution.value, contribution.indicator).Use(limit);
      query.ForEachRow(
          "SELECT pp.programme_id, pp.stakeholder_id, pp.role, pp.helix, pp.contribution FROM "
          "programme_partners pp WHERE pp.programme_id IN " +
              newest + " ORDER BY pp.programme_id DESC, pp.position",
          [&] {
            programmes::NetworkEdge edge;
            edge.programme_id = programme_id;
            edge.stakeholder_id = stakeholder_id;
            edge.role = Stored("partner role", role, programmes::ParsePartnerRole);
            edge.helix = Stored("helix", helix, domain::registry::ParseHelix);
            edge.contribution = contribution.get();
            network.edges.push_back(std::move(edge));
          });
    }
    {
      long long id = 0;
      std::string name, helix, kind;
      Query query(sql_);
      query.Into(id).Into(name).Into(helix).Into(kind).Use(limit);
      query.ForEachRow(
          "SELECT s.id, s.name, s.helix, s.kind FROM stakeholders s WHERE s.id IN (SELECT "
          "pp.stakeholder_id FROM programme_partners pp WHERE pp.programme_id IN " +
              newest + ") ORDER BY s.name, s.id",
          [&] {
            network.stakeholders.push_back(
                {id, name, Stored("helix", helix, domain::registry::ParseHelix), kind});
          });
    }
    return network;
  });
}

core::Result<std::vector<programmes::HelixPartTally>> SqlDashboardRepository::PartsByHelix() {
  return Guard("count the helix parts", [&]() -> core::Result<std::vector<programmes::HelixPartTally>> {
    std::vector<programmes::HelixPartTally> out;
    std::string helix, role;
    long long count = 0, contributions = 0;
    Query query(sql_);
    query.Into(helix).Into(role).Into(count).Into(contributions);
    query.ForEachRow(
        "SELECT helix, role, COUNT(DISTINCT programme_id), CAST(SUM(CASE WHEN contribution IS NOT "
        "NULL AND contribution <> '' THEN 1 ELSE 0 END) AS BIGINT) FROM programme_partners "
        "GROUP BY helix, role",
        [&] {
          out.push_back({Stored("helix", helix, domain::registry::ParseHelix),
                         Stored("partner role", role, programmes::ParsePartnerRole), count,
                         contributions});
        });
    return out;
  });
}

core::Result<std::vector<programmes::HelixKindTally>> SqlDashboardRepository::AssistanceByHelix() {
  return Guard("count assistance by helix", [&]() -> core::Result<std::vector<programmes::HelixKindTally>> {
    std::vector<programmes::HelixKindTally> out;
    std::string helix, kind;
    long long records = 0, total = 0;
    Query query(sql_);
    query.Into(helix).Into(kind).Into(records).Into(total);
    // Every record, an enterprise's or a group's, has one province.
    query.ForEachRow(
        "SELECT helix, kind, CAST(SUM(records) AS BIGINT), CAST(SUM(total) AS BIGINT) FROM "
        "equity_assistance_tallies WHERE dim = 'province' GROUP BY helix, kind "
        "ORDER BY helix, kind",
        [&] {
          out.push_back({Stored("helix", helix, domain::registry::ParseHelix),
                         Stored("assistance kind", kind, programmes::ParseAssistanceKind), records,
                         total});
        });
    return out;
  });
}

}  // namespace gotong::storage::internal
