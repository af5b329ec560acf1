#pragma once

// The registry's queries shared by its repository (sql_registry.cpp), its search strategies
// (sql_registry_search.cpp) and its tallies (sql_registry_tallies.cpp).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/page.hpp"
#include "storage/sql_internal.hpp"
#include "storage/sql_registry.hpp"

namespace gotong::storage::internal {

inline bool IsSqlite(soci::session& sql) { return sql.get_backend_name() == "sqlite3"; }

// The words of a search, lower-cased: runs of ASCII letters and digits and of any non-ASCII
// (UTF-8) bytes; everything else separates words. Each is safe inside a full-text query.
std::vector<std::string> SearchWords(std::string_view q);
// The SQLite full-text query for `q`: for every word of it, a word starting with it
// ("batik"* AND "sa"*); empty when q has no word.
std::string FtsQuery(const std::string& q);
// The first text after every text that starts with `word`, in byte order.
std::string PrefixEnd(std::string word);
// The region condition on `column` (a village code): the village itself, or a range of codes.
std::string RegionCondition(const std::string& column, const std::string& region, Params& params);
// PostgreSQL: the ids of the enterprises with, for each of `words`, a word starting with it,
// within `region` if any, each once (a subquery for IN).
std::string WordMatches(const std::vector<std::string>& words,
                        const std::optional<std::string>& region, Params& params);

// A search's total and, when the strategy read it too, the ids of its page in order.
struct SearchPage {
  long long total = 0;
  std::optional<std::vector<std::int64_t>> ids;  // nullopt: read the page the general way
};

// How one backend answers a search (q) from its own index: SQLite's full-text index walked
// against a bitmap of matches, PostgreSQL's table of words. Page is nullopt when the filter
// is one the strategy leaves to the general plan (other conditions, another order).
class SearchStrategy {
 public:
  virtual ~SearchStrategy() = default;
  virtual std::optional<SearchPage> Page(const domain::registry::EnterpriseFilter& filter,
                                         domain::registry::EnterpriseSort sort,
                                         const core::PageRequest& page) = 0;
};
std::unique_ptr<SearchStrategy> SearchStrategyFor(soci::session& sql);

// The filter's conditions on sector, scale and status (" AND …"), for columns prefixed `c`
// ("e.", "+e." to keep SQLite off an index, "t." for the tallies).
std::string KindConditions(const domain::registry::EnterpriseFilter& filter, Params& params,
                           const std::string& c);

// True while a bulk load has the secondary indexes, triggers and tallies set aside.
bool BulkLoading(soci::session& sql);

// Whether the counts of a filter can be added up from enterprise_tallies (migration V006):
// no search, and the region, if any, a province or a regency, outside a bulk load.
bool Tallied(soci::session& sql, const domain::registry::EnterpriseFilter& filter);

// Enterprises of one area (its code cut to some length), scale ("" when unknown) and status:
// all of them, and how many of those are stale.
struct Tally {
  long long all = 0, stale = 0;
};
using TallyKey = std::tuple<std::string, std::string, std::string>;  // area, scale, status

// The tallies of a filter (see Tallied) per area cut to `code_length` (2 or 5), scale and
// status, before the filter's `stale` condition.
std::map<TallyKey, Tally> SumTallies(soci::session& sql,
                                     const domain::registry::EnterpriseFilter& filter,
                                     std::size_t code_length);
// The filter's total from the tallies, when Tallied.
std::optional<long long> TallyTotal(soci::session& sql,
                                    const domain::registry::EnterpriseFilter& filter);

}  // namespace gotong::storage::internal
