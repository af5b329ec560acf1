// The registry's tallies: enterprises counted per regency, sector, scale, status and month of
// verification (migration V006), added up for lists and drill-downs without a search.

#include "storage/sql_registry_query.hpp"

namespace gotong::storage::internal {

using namespace domain::registry;  // NOLINT: this file implements that context's queries

std::string KindConditions(const EnterpriseFilter& filter, Params& params, const std::string& c) {
  std::string where;
  if (filter.sector) {
    where += " AND " + c + "sector = ";
    params.Text(where, std::string(ToString(*filter.sector)));
  }
  if (filter.scale) {
    where += " AND " + c + "scale = ";
    params.Text(where, std::string(ToString(*filter.scale)));
  }
  if (filter.status) {
    where += " AND " + c + "status = ";
    params.Text(where, std::string(ToString(*filter.status)));
  }
  return where;
}

// (A bulk load records what it set aside in suspended_indexes; see SqlBulkRegistryWriter.)
bool BulkLoading(soci::session& sql) {
  long long suspended = 0;
  Query query(sql);
  query.Into(suspended);
  query.Run("SELECT COUNT(*) FROM suspended_indexes");
  return suspended > 0;
}

bool Tallied(soci::session& sql, const EnterpriseFilter& filter) {
  if (filter.q || (filter.region && filter.region->size() > 5)) return false;
  return !BulkLoading(sql);
}

// The tallies of a filter (see Tallied) per area cut to `code_length` (2 or 5), scale and status,
// before the filter's `stale` condition. A month's verifications are stale when the month is
// before the cut-off's; the cut-off's own month is split by counting its verifications from
// enterprises (through the verified_at index: a month of them at most).
std::map<TallyKey, Tally> SumTallies(soci::session& sql, const EnterpriseFilter& filter,
                                     std::size_t code_length) {
  const bool sqlite = IsSqlite(sql);
  const std::string cutoff = Text(filter.stale_before);
  const std::string month = cutoff.substr(0, 7);  // "2026-01"
  const std::string cut = std::to_string(code_length);
  std::map<TallyKey, Tally> tallies;
  std::string area, scale, status;
  long long all = 0, stale = 0;
  {
    Params params;
    std::string text = "SELECT substr(t.regency, 1, " + cut + "), t.scale, t.status, "
                       "CAST(SUM(t.n) AS BIGINT), CAST(SUM(CASE WHEN t.verified_month < ";
    params.Text(text, month);
    text += " THEN t.n ELSE 0 END) AS BIGINT) FROM enterprise_tallies t WHERE 1 = 1";
    if (filter.region) text += " AND " + RegionMatch("t.regency", *filter.region, params, 5);
    text += KindConditions(filter, params, "t.") + " GROUP BY 1, 2, 3";
    Query query(sql);
    query.Into(area).Into(scale).Into(status).Into(all).Into(stale);
    params.BindTo(query);
    query.ForEachRow(text, [&] {
      if (all == 0) return;
      Tally& tally = tallies[{area, scale, status}];
      tally.all += all;
      if (status == "active") tally.stale += stale;  // closed ones are never stale
    });
  }
  {
    // SQLite is kept to the verified_at index by a unary + on the other columns.
    const std::string e = sqlite ? "+e." : "e.";
    Params params;
    std::string text = "SELECT substr(e.village_code, 1, " + cut +
                       "), COALESCE(e.scale, ''), COUNT(*) FROM enterprises e WHERE e.verified_at >= ";
    params.Text(text, month);
    text += " AND e.verified_at < ";
    params.Text(text, cutoff);
    text += " AND " + e + "status = 'active'";
    if (filter.region) text += RegionCondition(e + "village_code", *filter.region, params);
    text += KindConditions(filter, params, e) + " GROUP BY 1, 2";
    Query query(sql);
    query.Into(area).Into(scale).Into(stale);
    params.BindTo(query);
    query.ForEachRow(text, [&] { tallies[{area, scale, "active"}].stale += stale; });
  }
  // The filter's own stale condition picks the stale ones, or the others.
  if (filter.stale) {
    for (auto& [key, tally] : tallies) {
      tally.all = *filter.stale ? tally.stale : tally.all - tally.stale;
      if (!*filter.stale) tally.stale = 0;
    }
  }
  return tallies;
}

// The total of a filter from the tallies, when they can give it.
std::optional<long long> TallyTotal(soci::session& sql, const EnterpriseFilter& filter) {
  if (!Tallied(sql, filter)) return std::nullopt;
  long long total = 0;
  for (const auto& [key, tally] : SumTallies(sql, filter, 2)) total += tally.all;
  return total;
}


}  // namespace gotong::storage::internal
