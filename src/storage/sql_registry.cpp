// The registry's repositories: stakeholders, people and enterprises (row by row through SOCI).

#include <algorithm>
#include <cctype>
#include <functional>
#include <deque>
#include <map>
#include <tuple>

#include <soci/sqlite3/soci-sqlite3.h>

#include "core/text.hpp"
#include "sql_internal.hpp"
#include "sql_registry.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::registry;  // NOLINT: this file implements that context's interfaces

// `e` prefixes the columns: "e." normally, "+e." for SQLite to keep an index from serving the
// condition (see FilterOf).
std::string StaleCondition(Params& params, core::Instant before, const std::string& e = "e.") {
  std::string condition = "(" + e + "status = 'active' AND (" + e + "verified_at IS NULL OR " + e +
                          "verified_at < ";
  params.Text(condition, Text(before));
  condition += "))";
  return condition;
}

std::string OrderBy(EnterpriseSort sort) {
  switch (sort) {
    case EnterpriseSort::kName: return "e.search_name, e.id";
    case EnterpriseSort::kNameDesc: return "e.search_name DESC, e.id DESC";
    case EnterpriseSort::kVerifiedAt: return "e.verified_at ASC NULLS FIRST, e.id";
    case EnterpriseSort::kVerifiedAtDesc: return "e.verified_at DESC NULLS LAST, e.id DESC";
    case EnterpriseSort::kTurnover: return "e.turnover ASC NULLS LAST, e.id";
    case EnterpriseSort::kTurnoverDesc: return "e.turnover DESC NULLS LAST, e.id DESC";
    case EnterpriseSort::kCreatedAt: return "e.id";
    case EnterpriseSort::kCreatedAtDesc: return "e.id DESC";
  }
  return "e.search_name, e.id";
}

// The words of a search, lower-cased: runs of ASCII letters and digits and of any non-ASCII
// (UTF-8) bytes; everything else separates words. Each is safe inside a full-text query.
std::vector<std::string> SearchWords(std::string_view q) {
  std::vector<std::string> words;
  std::string word;
  for (char c : q) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || byte >= 0x80) {
      word.push_back(static_cast<char>(std::tolower(byte)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// The SQLite full-text query for `q`: for every word of it, a word starting with it
// ("batik"* AND "sa"*); empty when q has no word.
std::string FtsQuery(const std::string& q) {
  std::string query;
  for (const auto& word : SearchWords(q)) {
    query += (query.empty() ? "\"" : " AND \"") + word + "\"*";
  }
  return query;
}

// The first text after every text that starts with `word`, in byte order: its last character
// (UTF-8, whole: SearchWords splits only at ASCII) one code point up. A last U+10FFFF, the
// highest, goes and the one before it steps up instead.
std::string PrefixEnd(std::string word) {
  std::size_t start = word.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(word[start]) & 0xC0) == 0x80) --start;
  auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(word[i])); };
  const std::size_t length = word.size() - start;
  char32_t code = length == 1   ? byte(start)
                  : length == 2 ? (byte(start) & 0x1F) << 6 | (byte(start + 1) & 0x3F)
                  : length == 3 ? (byte(start) & 0x0F) << 12 | (byte(start + 1) & 0x3F) << 6 |
                                      (byte(start + 2) & 0x3F)
                                : (byte(start) & 0x07) << 18 | (byte(start + 1) & 0x3F) << 12 |
                                      (byte(start + 2) & 0x3F) << 6 | (byte(start + 3) & 0x3F);
  word.resize(start);
  if (code == 0x10FFFF) {
    // Nothing follows it; a word of nothing else gets a bound just past itself.
    return word.empty() ? "\xF4\x8F\xBF\xBF\xF4\x8F\xBF\xBF" : PrefixEnd(std::move(word));
  }
  code = code == 0xD7FF ? 0xE000 : code + 1;  // past the surrogates, which UTF-8 never holds
  auto put = [&](char32_t value) { word.push_back(static_cast<char>(value)); };
  if (code < 0x80) {
    put(code);
  } else if (code < 0x800) {
    put(0xC0 | code >> 6), put(0x80 | (code & 0x3F));
  } else if (code < 0x10000) {
    put(0xE0 | code >> 12), put(0x80 | (code >> 6 & 0x3F)), put(0x80 | (code & 0x3F));
  } else {
    put(0xF0 | code >> 18), put(0x80 | (code >> 12 & 0x3F)), put(0x80 | (code >> 6 & 0x3F)),
        put(0x80 | (code & 0x3F));
  }
  return word;
}

// The region condition on `column` (a village code): the village itself, or a range of codes.
std::string RegionCondition(const std::string& column, const std::string& region, Params& params) {
  std::string sql;
  if (region.size() == 13) {
    sql += " AND " + column + " = ";
    params.Text(sql, region);
  } else {
    sql += " AND " + column + " >= ";
    params.Text(sql, region + ".");
    sql += " AND " + column + " < ";
    params.Text(sql, region + "/");
  }
  return sql;
}

// PostgreSQL: the ids of the enterprises that have, for each of `words`, a word starting with
// it, within `region` if any; read from the index of enterprise_words alone (migration V012).
// Each id comes once: of an enterprise's words in a word's range, only the first has its
// previous word below the range (migration V017).
std::string WordMatches(const std::vector<std::string>& words,
                        const std::optional<std::string>& region, Params& params) {
  std::string sql;
  for (const auto& word : words) {
    sql += sql.empty() ? "" : " INTERSECT ";
    sql += "SELECT enterprise_id FROM enterprise_words WHERE word >= ";
    params.Text(sql, word);
    sql += " AND word < ";
    params.Text(sql, PrefixEnd(word));
    sql += " AND (previous_word IS NULL OR previous_word < ";
    params.Text(sql, word);
    sql += ")";
    if (region) sql += RegionCondition("village_code", *region, params);
  }
  return sql;
}

// The order of enterprise_words that gives `sort`'s order of enterprises, if it has one.
const char* WordOrder(EnterpriseSort sort) {
  switch (sort) {
    case EnterpriseSort::kName: return "search_name, enterprise_id";
    case EnterpriseSort::kNameDesc: return "search_name DESC, enterprise_id DESC";
    case EnterpriseSort::kCreatedAt: return "enterprise_id";
    case EnterpriseSort::kCreatedAtDesc: return "enterprise_id DESC";
    default: return nullptr;
  }
}

// PostgreSQL: the ids of a page of the enterprises with a word starting with `word` (within
// `region`), sorted by WordOrder(sort). Each word's rows are in name order in the index
// (migration V017): when few words start so, the page merges their first rows; otherwise it
// is the top of the sorted range.
constexpr int kMergedWords = 32;

std::vector<std::int64_t> WordPage(soci::session& sql, const std::string& word,
                                   const std::optional<std::string>& region, EnterpriseSort sort,
                                   const core::PageRequest& page) {
  const std::string end = PrefixEnd(word);  // bound by reference: must outlive Run
  std::vector<std::string> found;
  if (sort == EnterpriseSort::kName || sort == EnterpriseSort::kNameDesc) {
    // The distinct words in the range, one index probe each, up to one more than merged.
    std::string each;
    Query words(sql);
    words.Into(each).Use(word).Use(end).Use(end);
    if (words.Run("WITH RECURSIVE w (word) AS (SELECT MIN(word) FROM enterprise_words WHERE "
                  "word >= :a AND word < :b UNION ALL SELECT (SELECT MIN(x.word) FROM "
                  "enterprise_words x WHERE x.word > w.word AND x.word < :c) FROM w WHERE w.word "
                  "IS NOT NULL) SELECT word FROM w WHERE word IS NOT NULL LIMIT " +
                  std::to_string(kMergedWords + 1))) {
      do {
        found.push_back(each);
      } while (words.Next());
    }
  }
  const std::string order = WordOrder(sort);
  Params params;
  std::string text;
  auto first_of_enterprise = [&](std::string& sql_text) {
    sql_text += " AND (previous_word IS NULL OR previous_word < ";
    params.Text(sql_text, word);
    sql_text += ")";
    if (region) sql_text += RegionCondition("village_code", *region, params);
  };
  if (!found.empty() && found.size() <= kMergedWords) {
    for (const auto& each : found) {
      text += text.empty() ? "SELECT enterprise_id FROM (" : " UNION ALL ";
      text += "(SELECT search_name, enterprise_id FROM enterprise_words WHERE word = ";
      params.Text(text, each);
      first_of_enterprise(text);
      text += " ORDER BY " + order + " LIMIT ";
      params.Number(text, page.offset + page.limit);
      text += ")";
    }
    text += ") m";
  } else {
    text = "SELECT enterprise_id FROM enterprise_words WHERE word >= ";
    params.Text(text, word);
    text += " AND word < ";
    params.Text(text, end);
    first_of_enterprise(text);
  }
  text += " ORDER BY " + order + " LIMIT ";
  params.Number(text, page.limit);
  text += " OFFSET ";
  params.Number(text, page.offset);
  std::vector<std::int64_t> ids;
  long long id = 0;
  Query query(sql);
  query.Into(id);
  params.BindTo(query);
  if (query.Run(text)) {
    do {
      ids.push_back(id);
    } while (query.Next());
  }
  return ids;
}


bool IsSqlite(soci::session& sql) { return sql.get_backend_name() == "sqlite3"; }

using namespace sqlite_api;  // NOLINT: SOCI's header puts SQLite's C API in this namespace

// A SQLite statement stepped by hand: a walk of many rows costs a fraction of SOCI's fetch.
class Stepper {
 public:
  Stepper(soci::session& sql, const char* text)
      : db_(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_) {
    if (sqlite3_prepare_v2(db_, text, -1, &statement_, nullptr) != SQLITE_OK) Fail();
  }
  ~Stepper() { sqlite3_finalize(statement_); }
  Stepper(const Stepper&) = delete;
  Stepper& operator=(const Stepper&) = delete;

  void Bind(int index, const std::string& text) {
    sqlite3_bind_text(statement_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  // The text of the one row for `id`'s (first column); "" when there is none.
  std::string Text(std::int64_t id) {
    sqlite3_reset(statement_);
    sqlite3_bind_int64(statement_, 1, id);
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement_, 0);
      return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
    }
    if (rc != SQLITE_DONE) Fail();
    return {};
  }
  // The next row's first column; nullopt after the last row.
  std::optional<std::int64_t> Next() {
    int rc = sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return sqlite3_column_int64(statement_, 0);
    if (rc != SQLITE_DONE) Fail();
    return std::nullopt;
  }

 private:
  [[noreturn]] void Fail() { throw soci::soci_error(sqlite3_errmsg(db_)); }
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

// SQLite: the ids of enterprises in the order an index gives, for walking a search's matches.
const char* WalkOrder(EnterpriseSort sort) {
  switch (sort) {
    case EnterpriseSort::kName: return "SELECT id FROM enterprises ORDER BY search_name, id";
    case EnterpriseSort::kNameDesc:
      return "SELECT id FROM enterprises ORDER BY search_name DESC, id DESC";
    case EnterpriseSort::kCreatedAt: return "SELECT id FROM enterprises ORDER BY id";
    case EnterpriseSort::kCreatedAtDesc: return "SELECT id FROM enterprises ORDER BY id DESC";
    default: return nullptr;
  }
}

// SQLite, a search with no other condition but a region, sorted by WalkOrder(sort): how many
// enterprises match, and the ids of the page. The full-text matches are marked in a bitmap of
// ids (and, with a region, only those that the region's range of enterprises_area holds).
// Sorted by creation, the page is read off the bitmap; a region's few matches are sorted by
// name in memory; many are found by walking the name index, testing each id against the
// bitmap. Probing an IN list instead cost more than the walk: two letters can match a tenth of
// the registry, bunched in the order (for "ho", 400,000 names come before the first "homestay").
struct Walked {
  long long total = 0;
  std::vector<std::int64_t> ids;
};
constexpr long long kSortInMemory = 20000;  // matches looked up one by one and sorted by name

Walked WalkMatches(soci::session& sql, const std::string& fts_query,
                   const std::optional<std::string>& region, EnterpriseSort sort,
                   const core::PageRequest& page, std::int64_t max_id) {
  Walked walked;
  const auto slots = static_cast<std::size_t>(max_id / 64 + 1);
  std::vector<std::uint64_t> marked(slots, 0);
  auto is_marked = [&](std::int64_t id) {
    auto slot = static_cast<std::size_t>(id / 64);
    return id >= 0 && slot < marked.size() && (marked[slot] >> (id % 64) & 1) != 0;
  };
  auto mark = [](std::vector<std::uint64_t>& bits, std::int64_t id) {
    bits[static_cast<std::size_t>(id / 64)] |= std::uint64_t{1} << (id % 64);
  };
  {
    Stepper matches(sql, "SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?1");
    matches.Bind(1, fts_query);
    while (auto id = matches.Next()) {
      if (*id < 0 || *id > max_id) continue;  // written after max_id was read
      mark(marked, *id);
      ++walked.total;
    }
  }
  std::vector<std::int64_t> found;  // with a region, its matches (in the area index's order)
  if (region) {
    std::vector<std::uint64_t> in_region(slots, 0);
    const bool village = region->size() == 13;
    const std::string from = village ? *region : *region + ".", to = *region + "/";
    Stepper ids(sql, village ? "SELECT id FROM enterprises WHERE village_code = ?1"
                             : "SELECT id FROM enterprises WHERE village_code >= ?1 AND "
                               "village_code < ?2");
    ids.Bind(1, from);
    if (!village) ids.Bind(2, to);
    while (auto id = ids.Next()) {
      if (!is_marked(*id)) continue;
      mark(in_region, *id);
      found.push_back(*id);
    }
    marked.swap(in_region);
    walked.total = static_cast<long long>(found.size());
  }
  if (walked.total <= page.offset) return walked;
  const auto end = static_cast<std::size_t>(page.offset + page.limit);
  auto take = [&](std::int64_t id) {
    walked.ids.push_back(id);
    return walked.ids.size() >= end;
  };
  if (sort == EnterpriseSort::kCreatedAt || sort == EnterpriseSort::kCreatedAtDesc) {
    const bool up = sort == EnterpriseSort::kCreatedAt;
    for (std::int64_t i = 0; i <= max_id; ++i) {
      std::int64_t id = up ? i : max_id - i;
      if (is_marked(id) && take(id)) break;
    }
  } else if (region && walked.total <= kSortInMemory) {
    std::vector<std::pair<std::string, std::int64_t>> named;
    named.reserve(found.size());
    Stepper name(sql, "SELECT search_name FROM enterprises WHERE id = ?1");
    for (std::int64_t id : found) named.emplace_back(name.Text(id), id);
    const auto count = std::min(end, named.size());
    if (sort == EnterpriseSort::kName) {
      std::partial_sort(named.begin(), named.begin() + static_cast<std::ptrdiff_t>(count), named.end());
    } else {
      std::partial_sort(named.begin(), named.begin() + static_cast<std::ptrdiff_t>(count), named.end(),
                        std::greater<>());
    }
    for (std::size_t i = 0; i < count; ++i) walked.ids.push_back(named[i].second);
  } else {
    Stepper order(sql, WalkOrder(sort));
    while (auto id = order.Next()) {
      if (is_marked(*id) && take(*id)) break;
    }
  }
  auto skipped = std::min(walked.ids.size(), static_cast<std::size_t>(page.offset));
  walked.ids.erase(walked.ids.begin(), walked.ids.begin() + static_cast<std::ptrdiff_t>(skipped));
  return walked;
}

constexpr long long kOrderFirstMatches = 1000;  // below this, sorting is cheap anyway

// How SQLite should serve the conditions of a filter. (PostgreSQL's planner weighs its own.)
// A unary + on a column keeps SQLite from using an index for that condition.
enum class Plan {
  kFilterFirst,  // the index that fits the conditions best: counts and small matches
  kOrderFirst,   // walk the ORDER BY's index, testing rows, until the page is full
  kAreaScan,     // the region's range of enterprises_area, grouped in its order (drill-down)
};

// What follows "FROM enterprises e" for a filter: the search's join, if any, and " WHERE …".
// A SQLite search starts from the full-text matches (a join) when nothing else narrows the
// rows; with a region, it walks the region's range of enterprises_area and looks each row up
// in the matches (IN); walking the ORDER BY's index (kOrderFirst), likewise. A PostgreSQL
// search is an IN over the word table, which its planner joins as it sees fit.
std::string FilterOf(const EnterpriseFilter& filter, bool sqlite, Params& params,
                     Plan plan = Plan::kFilterFirst) {
  std::string sql = " WHERE 1 = 1";
  const bool search = filter.q.has_value();
  const bool join = sqlite && search && plan != Plan::kOrderFirst && !filter.region;
  if (search) {
    std::vector<std::string> words = SearchWords(*filter.q);
    if (words.empty()) return " WHERE 1 = 0";  // nothing to look for: "--" matches no name
    if (!sqlite) {
      sql += " AND e.id IN (" + WordMatches(words, filter.region, params) + ")";
    } else if (join) {
      sql = " JOIN (SELECT rowid AS id FROM enterprise_search WHERE enterprise_search MATCH ";
      params.Text(sql, FtsQuery(*filter.q));
      sql += ") s ON s.id = e.id WHERE 1 = 1";
    } else {
      sql += " AND +e.id IN (SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ";
      params.Text(sql, FtsQuery(*filter.q));
      sql += ")";
    }
  }
  const bool indexed = !sqlite || (plan == Plan::kFilterFirst && !search);
  const std::string e = indexed ? "e." : "+e.";
  const std::string region_e =
      indexed || (plan != Plan::kOrderFirst && !join) ? std::string("e.") : e;
  if (filter.region) sql += RegionCondition(region_e + "village_code", *filter.region, params);
  if (filter.sector) {
    sql += " AND " + e + "sector = ";
    params.Text(sql, std::string(ToString(*filter.sector)));
  }
  if (filter.scale) {
    sql += " AND " + e + "scale = ";
    params.Text(sql, std::string(ToString(*filter.scale)));
  }
  if (filter.status) {
    sql += " AND " + e + "status = ";
    params.Text(sql, std::string(ToString(*filter.status)));
  }
  if (filter.stale) {
    std::string condition = StaleCondition(params, filter.stale_before, e);
    sql += *filter.stale ? " AND " + condition : " AND NOT " + condition;
  }
  return sql;
}

// Whether the counts of a filter can be added up from enterprise_tallies (migration V006):
// no search, and the region, if any, a province or a regency.
// While a bulk load has them suspended (see SqlBulkRegistryWriter), the tallies are not kept.
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

// PostgreSQL: how many enterprises have a word starting with `word`, when word_prefix_tallies
// (migration V017) keeps that: for two letters, outside a bulk load.
std::optional<long long> PrefixTally(soci::session& sql, const std::string& word) {
  auto letters = std::count_if(word.begin(), word.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a UTF-8 continuation byte
  });
  if (letters != 2 || BulkLoading(sql)) return std::nullopt;
  long long n = 0;
  Query query(sql);
  query.Into(n).Use(word);
  query.Run("SELECT COALESCE(SUM(n), 0) FROM word_prefix_tallies WHERE prefix = :p");
  return n;
}

// Enterprises of one area (its code cut to some length), scale ("" when unknown) and status:
// all of them, and how many of those are stale.
struct Tally {
  long long all = 0, stale = 0;
};
using TallyKey = std::tuple<std::string, std::string, std::string>;  // area, scale, status

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
  // The filter's conditions on sector, scale and status, for columns prefixed `c`.
  auto kinds = [&](Params& params, const std::string& c) {
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
  };
  std::map<TallyKey, Tally> tallies;
  std::string area, scale, status;
  long long all = 0, stale = 0;
  {
    Params params;
    std::string text = "SELECT substr(t.regency, 1, " + cut + "), t.scale, t.status, "
                       "CAST(SUM(t.n) AS BIGINT), CAST(SUM(CASE WHEN t.verified_month < ";
    params.Text(text, month);
    text += " THEN t.n ELSE 0 END) AS BIGINT) FROM enterprise_tallies t WHERE 1 = 1";
    if (filter.region && filter.region->size() == 5) {
      text += " AND t.regency = ";
      params.Text(text, *filter.region);
    } else if (filter.region) {
      text += " AND t.regency >= ";
      params.Text(text, *filter.region + ".");
      text += " AND t.regency < ";
      params.Text(text, *filter.region + "/");
    }
    text += kinds(params, "t.") + " GROUP BY 1, 2, 3";
    Query query(sql);
    query.Into(area).Into(scale).Into(status).Into(all).Into(stale);
    params.BindTo(query);
    if (query.Run(text)) {
      do {
        if (all == 0) continue;
        Tally& tally = tallies[{area, scale, status}];
        tally.all += all;
        if (status == "active") tally.stale += stale;  // closed ones are never stale
      } while (query.Next());
    }
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
    text += kinds(params, e) + " GROUP BY 1, 2";
    Query query(sql);
    query.Into(area).Into(scale).Into(stale);
    params.BindTo(query);
    if (query.Run(text)) {
      do {
        tallies[{area, scale, "active"}].stale += stale;
      } while (query.Next());
    }
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

// Adds `count` enterprises of `scale` ("" or NULL when unknown) to an area's breakdown.
void AddScale(AreaCount& area, const std::string* scale, long long count) {
  if (scale == nullptr || scale->empty()) {
    area.unknown += count;
  } else if (*scale == "micro") {
    area.micro += count;
  } else if (*scale == "small") {
    area.small += count;
  } else if (*scale == "medium") {
    area.medium += count;
  } else {
    area.large += count;
  }
}

constexpr const char* kEnterpriseColumns =
    "e.id, e.owner_id, p.name, p.gender, e.name, e.sector, e.products, e.business_centre, "
    "e.village_code, e.founded_year, e.employees, e.capital, e.turnover, e.nib, e.status, "
    "e.verified_at, e.verified_by, u.username, e.steward_id, e.import_job_id, e.created_at, "
    "e.updated_at";
const std::string kEnterpriseJoins =
    " JOIN people p ON p.id = e.owner_id LEFT JOIN users u ON u.id = e.verified_by";
const std::string kEnterpriseFrom = " FROM enterprises e" + kEnterpriseJoins;

struct EnterpriseVars {
  long long id = 0, owner_id = 0;
  std::string owner_name, name, sector, village_code, status, created_at, updated_at;
  Slot<std::string> owner_gender, products, business_centre, nib, verified_at, verified_by_name;
  Slot<long long> founded_year, employees, capital, turnover, verified_by, steward_id, import_job_id;

  void Bind(Query& query) {
    query.Into(id).Into(owner_id).Into(owner_name).Into(owner_gender.value, owner_gender.indicator)
        .Into(name).Into(sector).Into(products.value, products.indicator)
        .Into(business_centre.value, business_centre.indicator).Into(village_code)
        .Into(founded_year.value, founded_year.indicator).Into(employees.value, employees.indicator)
        .Into(capital.value, capital.indicator).Into(turnover.value, turnover.indicator)
        .Into(nib.value, nib.indicator).Into(status).Into(verified_at.value, verified_at.indicator)
        .Into(verified_by.value, verified_by.indicator)
        .Into(verified_by_name.value, verified_by_name.indicator)
        .Into(steward_id.value, steward_id.indicator).Into(import_job_id.value, import_job_id.indicator)
        .Into(created_at).Into(updated_at);
  }

  Enterprise Get() const {
    Enterprise e;
    e.id = id;
    e.owner_id = owner_id;
    e.owner_name = owner_name;
    if (owner_gender.has()) e.owner_gender = ParseGender(owner_gender.value);
    e.name = name;
    e.sector = Stored("sector", sector, ParseSector);
    e.products = products.get();
    e.business_centre = business_centre.get();
    e.village_code = village_code;
    if (founded_year.has()) e.founded_year = static_cast<int>(founded_year.value);
    if (employees.has()) e.employees = employees.value;
    if (capital.has()) e.capital = capital.value;
    if (turnover.has()) e.turnover = turnover.value;
    e.nib = nib.get();
    e.status = Stored("status", status, ParseStatus);
    e.verified_at = OptionalInstant(verified_at.value, verified_at.indicator);
    if (verified_by.has()) e.verified_by = verified_by.value;
    e.verified_by_username = verified_by_name.has() ? verified_by_name.value
                             : e.verified_at           ? "system"
                                                       : "";
    if (steward_id.has()) e.steward_id = steward_id.value;
    if (import_job_id.has()) e.import_job_id = import_job_id.value;
    e.created_at = InstantFrom(created_at);
    e.updated_at = InstantFrom(updated_at);
    return e;
  }
};

constexpr const char* kPersonColumns =
    "p.id, p.name, p.gender, p.birth_year, p.phone, p.village_code, p.nik, p.nik_consent_at, "
    "p.steward_id, p.created_at, p.updated_at";

struct PersonVars {
  long long id = 0;
  std::string name, created_at, updated_at;
  Slot<std::string> gender, phone, village_code, nik, nik_consent_at;
  Slot<long long> birth_year, steward_id;

  void Bind(Query& query) {
    query.Into(id).Into(name).Into(gender.value, gender.indicator)
        .Into(birth_year.value, birth_year.indicator).Into(phone.value, phone.indicator)
        .Into(village_code.value, village_code.indicator).Into(nik.value, nik.indicator)
        .Into(nik_consent_at.value, nik_consent_at.indicator)
        .Into(steward_id.value, steward_id.indicator).Into(created_at).Into(updated_at);
  }

  Person Get() const {
    Person p;
    p.id = id;
    p.name = name;
    if (gender.has()) p.gender = ParseGender(gender.value);
    if (birth_year.has()) p.birth_year = static_cast<int>(birth_year.value);
    p.phone = phone.get();
    p.village_code = village_code.get();
    p.nik = nik.get();
    p.nik_consent_at = OptionalInstant(nik_consent_at.value, nik_consent_at.indicator);
    if (steward_id.has()) p.steward_id = steward_id.value;
    p.created_at = InstantFrom(created_at);
    p.updated_at = InstantFrom(updated_at);
    return p;
  }
};

core::Error NibTaken() { return core::Error::Exists("nib", "another enterprise already has this NIB"); }
core::Error NikTaken() { return core::Error::Exists("nik", "another person already has this NIK"); }

}  // namespace

std::string SearchText(const std::string& name, const std::string& owner_name,
                       const std::optional<std::string>& nib) {
  return core::AsciiLower(name) + "\x1f" + core::AsciiLower(owner_name) + "\x1f" + nib.value_or("");
}

// ---- stakeholders -------------------------------------------------------------------------

namespace {

struct StakeholderVars {
  long long id = 0;
  std::string name, helix, kind, created_at, updated_at;
  Slot<std::string> region_code, contact;
  void Bind(Query& query) {
    query.Into(id).Into(name).Into(helix).Into(kind).Into(region_code.value, region_code.indicator)
        .Into(contact.value, contact.indicator).Into(created_at).Into(updated_at);
  }
  Stakeholder Get() const {
    Stakeholder s;
    s.id = id;
    s.name = name;
    s.helix = Stored("helix", helix, ParseHelix);
    s.kind = Stored("kind", kind, ParseStakeholderKind);
    s.region_code = region_code.get();
    s.contact = contact.get();
    s.created_at = InstantFrom(created_at);
    s.updated_at = InstantFrom(updated_at);
    return s;
  }
};

constexpr const char* kStakeholderColumns =
    "s.id, s.name, s.helix, s.kind, s.region_code, s.contact, s.created_at, s.updated_at";

}  // namespace

core::Result<std::int64_t> SqlStakeholderRepository::Insert(const Stakeholder& stakeholder) {
  return Guard("insert stakeholder", [&]() -> core::Result<std::int64_t> {
    try {
      auto region = TextIn(stakeholder.region_code);
      auto contact = TextIn(stakeholder.contact);
      std::string helix(ToString(stakeholder.helix)), kind(ToString(stakeholder.kind));
      std::string created = Text(stakeholder.created_at), updated = Text(stakeholder.updated_at);
      long long id = 0;
      Query query(sql_);
      query.Use(stakeholder.name).Use(helix).Use(kind).Use(region.value, region.indicator)
          .Use(contact.value, contact.indicator).Use(created).Use(updated).Into(id);
      query.Run("INSERT INTO stakeholders (name, helix, kind, region_code, contact, created_at, "
                "updated_at) VALUES (:a, :b, :c, :d, :e, :f, :g) RETURNING id");
      return static_cast<std::int64_t>(id);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("name", "a stakeholder with this name already exists");
      }
      throw;
    }
  });
}

core::Status SqlStakeholderRepository::Update(const Stakeholder& stakeholder) {
  return Guard("update stakeholder", [&]() -> core::Status {
    try {
      auto region = TextIn(stakeholder.region_code);
      auto contact = TextIn(stakeholder.contact);
      std::string helix(ToString(stakeholder.helix)), kind(ToString(stakeholder.kind));
      std::string updated = Text(stakeholder.updated_at);
      long long id = stakeholder.id;
      Query query(sql_);
      query.Use(stakeholder.name).Use(helix).Use(kind).Use(region.value, region.indicator)
          .Use(contact.value, contact.indicator).Use(updated).Use(id);
      query.Run("UPDATE stakeholders SET name = :a, helix = :b, kind = :c, region_code = :d, "
                "contact = :e, updated_at = :f WHERE id = :g");
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("name", "a stakeholder with this name already exists");
      }
      throw;
    }
  });
}

core::Result<Stakeholder> SqlStakeholderRepository::Find(std::int64_t id) {
  return Guard("find stakeholder", [&]() -> core::Result<Stakeholder> {
    StakeholderVars vars;
    long long key = id;
    Query query(sql_);
    vars.Bind(query);
    query.Use(key);
    if (!query.Run(std::string("SELECT ") + kStakeholderColumns + " FROM stakeholders s WHERE s.id = :id")) {
      return core::Error::NotFound("no stakeholder with id " + std::to_string(id));
    }
    return vars.Get();
  });
}

core::Result<core::Page<Stakeholder>> SqlStakeholderRepository::List(
    std::optional<Helix> helix, std::optional<StakeholderKind> kind,
    const std::optional<std::string>& q, const core::PageRequest& page) {
  return Guard("list stakeholders", [&]() -> core::Result<core::Page<Stakeholder>> {
    Params params;
    std::string where = " WHERE 1 = 1";
    if (helix) {
      where += " AND s.helix = ";
      params.Text(where, std::string(ToString(*helix)));
    }
    if (kind) {
      where += " AND s.kind = ";
      params.Text(where, std::string(ToString(*kind)));
    }
    if (q) {
      where += " AND lower(s.name) LIKE ";
      params.Text(where, "%" + EscapeLike(*q) + "%");
      where += " ESCAPE '\\'";
    }
    core::Page<Stakeholder> result{{}, 0, page.limit, page.offset};
    long long total = 0;
    {
      Query count(sql_);
      count.Into(total);
      params.BindTo(count);
      count.Run("SELECT COUNT(*) FROM stakeholders s" + where);
    }
    result.total = total;
    StakeholderVars vars;
    long long limit = page.limit, offset = page.offset;
    Query query(sql_);
    vars.Bind(query);
    params.BindTo(query);
    query.Use(limit).Use(offset);
    // Helix in the paper's order: government, business, academia, civil society.
    if (query.Run(std::string("SELECT ") + kStakeholderColumns + " FROM stakeholders s" + where +
                  " ORDER BY CASE s.helix WHEN 'government' THEN 1 WHEN 'business' THEN 2 "
                  "WHEN 'academia' THEN 3 ELSE 4 END, s.name, s.id LIMIT :l OFFSET :o")) {
      do {
        result.items.push_back(vars.Get());
      } while (query.Next());
    }
    return result;
  });
}

// ---- people -------------------------------------------------------------------------------

core::Result<std::int64_t> SqlPersonRepository::Insert(const Person& person) {
  return Guard("insert person", [&]() -> core::Result<std::int64_t> {
    std::string search = core::AsciiLower(person.name);
    auto gender = In<std::string>(person.gender ? std::optional<std::string>(std::string(ToString(*person.gender))) : std::nullopt);
    auto birth_year = NumberIn(person.birth_year ? std::optional<std::int64_t>(*person.birth_year) : std::nullopt);
    auto phone = TextIn(person.phone);
    auto village = TextIn(person.village_code);
    auto nik = TextIn(person.nik);
    auto consent = InstantIn(person.nik_consent_at);
    auto steward = NumberIn(person.steward_id);
    std::string created = Text(person.created_at), updated = Text(person.updated_at);
    long long id = 0;
    Query query(sql_);
    query.Use(person.name).Use(search).Use(gender.value, gender.indicator)
        .Use(birth_year.value, birth_year.indicator).Use(phone.value, phone.indicator)
        .Use(village.value, village.indicator).Use(nik.value, nik.indicator)
        .Use(consent.value, consent.indicator).Use(steward.value, steward.indicator)
        .Use(created).Use(updated).Into(id);
    try {
      query.Run("INSERT INTO people (name, search_name, gender, birth_year, phone, village_code, "
                "nik, nik_consent_at, steward_id, created_at, updated_at) VALUES (:a, :b, :c, :d, "
                ":e, :f, :g, :h, :i, :j, :k) RETURNING id");
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return NikTaken();  // people_nik (V014)
      throw;
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Status SqlPersonRepository::Update(const Person& person) {
  return Guard("update person", [&]() -> core::Status {
    std::string search = core::AsciiLower(person.name);
    auto gender = In<std::string>(person.gender ? std::optional<std::string>(std::string(ToString(*person.gender))) : std::nullopt);
    auto birth_year = NumberIn(person.birth_year ? std::optional<std::int64_t>(*person.birth_year) : std::nullopt);
    auto phone = TextIn(person.phone);
    auto village = TextIn(person.village_code);
    auto nik = TextIn(person.nik);
    auto consent = InstantIn(person.nik_consent_at);
    auto steward = NumberIn(person.steward_id);
    std::string updated = Text(person.updated_at);
    long long id = person.id;
    Query query(sql_);
    query.Use(person.name).Use(search).Use(gender.value, gender.indicator)
        .Use(birth_year.value, birth_year.indicator).Use(phone.value, phone.indicator)
        .Use(village.value, village.indicator).Use(nik.value, nik.indicator)
        .Use(consent.value, consent.indicator).Use(steward.value, steward.indicator)
        .Use(updated).Use(id);
    try {
      query.Run("UPDATE people SET name = :a, search_name = :b, gender = :c, birth_year = :d, "
                "phone = :e, village_code = :f, nik = :g, nik_consent_at = :h, steward_id = :i, "
                "updated_at = :j WHERE id = :k");
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return NikTaken();  // people_nik (V014)
      throw;
    }
    return core::OkStatus();
  });
}

core::Result<Person> SqlPersonRepository::Find(std::int64_t id) {
  return Guard("find person", [&]() -> core::Result<Person> {
    PersonVars vars;
    long long key = id;
    Query query(sql_);
    vars.Bind(query);
    query.Use(key);
    if (!query.Run(std::string("SELECT ") + kPersonColumns + " FROM people p WHERE p.id = :id")) {
      return core::Error::NotFound("no person with id " + std::to_string(id));
    }
    return vars.Get();
  });
}

core::Result<core::Page<Person>> SqlPersonRepository::List(const std::optional<std::string>& region,
                                                           const std::optional<std::string>& q,
                                                           const core::PageRequest& page) {
  return Guard("list people", [&]() -> core::Result<core::Page<Person>> {
    Params params;
    std::string where = " WHERE 1 = 1";
    if (region) where += RegionCondition("p.village_code", *region, params);
    if (q) {
      where += " AND (p.search_name LIKE ";
      params.Text(where, "%" + EscapeLike(*q) + "%");
      where += " ESCAPE '\\' OR p.phone LIKE ";
      params.Text(where, "%" + EscapeLike(*q) + "%");
      where += " ESCAPE '\\')";
    }
    core::Page<Person> result{{}, 0, page.limit, page.offset};
    long long total = 0;
    {
      Query count(sql_);
      count.Into(total);
      params.BindTo(count);
      count.Run("SELECT COUNT(*) FROM people p" + where);
    }
    result.total = total;
    PersonVars vars;
    long long limit = page.limit, offset = page.offset;
    Query query(sql_);
    vars.Bind(query);
    params.BindTo(query);
    query.Use(limit).Use(offset);
    if (query.Run(std::string("SELECT ") + kPersonColumns + " FROM people p" + where +
                  " ORDER BY p.search_name, p.id LIMIT :l OFFSET :o")) {
      do {
        result.items.push_back(vars.Get());
      } while (query.Next());
    }
    return result;
  });
}

// ---- enterprises --------------------------------------------------------------------------

namespace {

// The columns an enterprise write sets, in the order of kEnterpriseWrite.
struct EnterpriseWrite {
  long long owner_id = 0;
  std::string name, search_name, search_text, match_key, sector, village_code, status, updated_at;
  In<std::string> products, business_centre, nib, scale, criterion, verified_at;
  In<long long> founded_year, employees, capital, turnover, verified_by, steward_id, import_job_id;

  explicit EnterpriseWrite(const Enterprise& e) {
    owner_id = e.owner_id;
    name = e.name;
    search_name = core::AsciiLower(e.name);
    search_text = SearchText(e.name, e.owner_name, e.nib);
    match_key = MatchKey(e.owner_name, e.name, e.village_code);
    sector = std::string(ToString(e.sector));
    village_code = e.village_code;
    status = std::string(ToString(e.status));
    updated_at = Text(e.updated_at);
    products = TextIn(e.products);
    business_centre = TextIn(e.business_centre);
    nib = TextIn(e.nib);
    auto derived = e.scale();
    scale = TextIn(derived ? std::optional<std::string>(std::string(ToString(derived->scale))) : std::nullopt);
    criterion = TextIn(derived ? std::optional<std::string>(std::string(ToString(derived->criterion))) : std::nullopt);
    verified_at = InstantIn(e.verified_at);
    founded_year = NumberIn(e.founded_year ? std::optional<std::int64_t>(*e.founded_year) : std::nullopt);
    employees = NumberIn(e.employees);
    capital = NumberIn(e.capital);
    turnover = NumberIn(e.turnover);
    verified_by = NumberIn(e.verified_by);
    steward_id = NumberIn(e.steward_id);
    import_job_id = NumberIn(e.import_job_id);
  }

  void Bind(Query& query) {
    query.Use(owner_id).Use(name).Use(search_name).Use(search_text).Use(match_key).Use(sector)
        .Use(products.value, products.indicator).Use(business_centre.value, business_centre.indicator)
        .Use(village_code).Use(founded_year.value, founded_year.indicator)
        .Use(employees.value, employees.indicator).Use(capital.value, capital.indicator)
        .Use(turnover.value, turnover.indicator).Use(nib.value, nib.indicator).Use(status)
        .Use(scale.value, scale.indicator).Use(criterion.value, criterion.indicator)
        .Use(verified_at.value, verified_at.indicator).Use(verified_by.value, verified_by.indicator)
        .Use(steward_id.value, steward_id.indicator).Use(import_job_id.value, import_job_id.indicator)
        .Use(updated_at);
  }
};

}  // namespace

core::Result<std::int64_t> SqlEnterpriseRepository::Insert(const Enterprise& enterprise) {
  return Guard("insert enterprise", [&]() -> core::Result<std::int64_t> {
    try {
      EnterpriseWrite write(enterprise);
      std::string created = Text(enterprise.created_at);
      long long id = 0;
      Query query(sql_);
      write.Bind(query);
      query.Use(created).Into(id);
      query.Run("INSERT INTO enterprises (owner_id, name, search_name, search_text, match_key, sector, "
                "products, business_centre, village_code, founded_year, employees, capital, "
                "turnover, nib, status, scale, scale_criterion, verified_at, verified_by, "
                "steward_id, import_job_id, updated_at, created_at) VALUES (:a, :b, :c, :d, :e, "
                ":f, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p, :q, :r, :s, :t, :u, :v, :w) "
                "RETURNING id");
      return static_cast<std::int64_t>(id);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return NibTaken();
      throw;
    }
  });
}

core::Status SqlEnterpriseRepository::Update(const Enterprise& enterprise) {
  return Guard("update enterprise", [&]() -> core::Status {
    try {
      EnterpriseWrite write(enterprise);
      long long id = enterprise.id;
      Query query(sql_);
      write.Bind(query);
      query.Use(id);
      query.Run("UPDATE enterprises SET owner_id = :a, name = :b, search_name = :c, "
                "search_text = :d, match_key = :e, sector = :f, products = :g, "
                "business_centre = :h, village_code = :i, founded_year = :j, employees = :k, "
                "capital = :l, turnover = :m, nib = :n, status = :o, scale = :p, "
                "scale_criterion = :q, verified_at = :r, verified_by = :s, steward_id = :t, "
                "import_job_id = :u, updated_at = :v WHERE id = :w");
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return NibTaken();
      throw;
    }
  });
}

core::Result<Enterprise> SqlEnterpriseRepository::Find(std::int64_t id) {
  return Guard("find enterprise", [&]() -> core::Result<Enterprise> {
    EnterpriseVars vars;
    long long key = id;
    Query query(sql_);
    vars.Bind(query);
    query.Use(key);
    if (!query.Run(std::string("SELECT ") + kEnterpriseColumns + kEnterpriseFrom + " WHERE e.id = :id")) {
      return core::Error::NotFound("no enterprise with id " + std::to_string(id));
    }
    return vars.Get();
  });
}

core::Result<core::Page<Enterprise>> SqlEnterpriseRepository::List(const EnterpriseFilter& filter,
                                                                   EnterpriseSort sort,
                                                                   const core::PageRequest& page) {
  return Guard("list enterprises", [&]() -> core::Result<core::Page<Enterprise>> {
    const bool sqlite = IsSqlite(sql_);
    core::Page<Enterprise> result{{}, 0, page.limit, page.offset};
    // Sorting a match reads each of its rows; walking the sort's index instead reads about
    // (offset + limit) * rows / matches before the page is full. SQLite is told which is
    // cheaper (PostgreSQL's planner weighs this itself).
    long long rows = -1;
    auto row_count = [&] {
      if (rows < 0) {
        Query size(sql_);
        size.Into(rows);
        size.Run("SELECT COALESCE(MAX(id), 0) FROM enterprises");  // about the row count, at once
      }
      return rows;
    };
    auto order_first = [&](long long matches) {
      return sqlite && matches >= kOrderFirstMatches &&
             matches * matches >= static_cast<long long>(page.offset + page.limit) * row_count();
    };
    // Reads the page by `plan`; with `counted`, the total of the match comes with each row.
    auto read_page = [&](Plan plan, bool counted) {
      Params params;
      std::string where = FilterOf(filter, sqlite, params, plan);
      EnterpriseVars vars;
      long long limit = page.limit, offset = page.offset, total = 0;
      Query query(sql_);
      vars.Bind(query);
      if (counted) query.Into(total);
      params.BindTo(query);
      query.Use(limit).Use(offset);
      // The page is chosen from enterprises alone; only its rows are joined to their owners.
      std::string order = " ORDER BY " + OrderBy(sort);
      std::string text =
          counted ? std::string("SELECT ") + kEnterpriseColumns + ", c.total FROM (SELECT e.id, " +
                        "COUNT(*) OVER () AS total FROM enterprises e" + where + order +
                        " LIMIT :l OFFSET :o) c JOIN enterprises e ON e.id = c.id" +
                        kEnterpriseJoins + order
                  : std::string("SELECT ") + kEnterpriseColumns + kEnterpriseFrom +
                        " WHERE e.id IN (SELECT e.id FROM enterprises e" + where + order +
                        " LIMIT :l OFFSET :o)" + order;
      if (query.Run(text)) {
        do {
          result.items.push_back(vars.Get());
        } while (query.Next());
        if (counted) result.total = total;
      }
    };

    // The page of enterprises with these ids, in the order of `sort`.
    auto read_ids = [&](const std::vector<std::int64_t>& ids) {
      if (ids.empty()) return;
      Params params;
      std::string list = IdList(params, ids);
      EnterpriseVars vars;
      Query query(sql_);
      vars.Bind(query);
      params.BindTo(query);
      if (query.Run(std::string("SELECT ") + kEnterpriseColumns + kEnterpriseFrom +
                    " WHERE e.id IN " + list + " ORDER BY " + OrderBy(sort))) {
        do {
          result.items.push_back(vars.Get());
        } while (query.Next());
      }
    };

    std::optional<long long> total = TallyTotal(sql_, filter);
    if (!total && sqlite && filter.q && !filter.sector && !filter.scale && !filter.status &&
        !filter.stale && WalkOrder(sort) != nullptr) {
      std::string query = FtsQuery(*filter.q);
      if (query.empty()) return result;
      Walked walked = WalkMatches(sql_, query, filter.region, sort, page, row_count());
      result.total = walked.total;
      read_ids(walked.ids);
      return result;
    }
    if (!total && sqlite && filter.q) {
      // The full-text index counts a search's matches without reading a row.
      long long found = 0;
      std::string query = FtsQuery(*filter.q);
      if (!query.empty()) {
        Query count(sql_);
        count.Into(found).Use(query);
        count.Run("SELECT COUNT(*) FROM enterprise_search WHERE enterprise_search MATCH :q");
      }
      if (found == 0 || (!filter.region && !filter.sector && !filter.scale && !filter.status &&
                         !filter.stale)) {
        total = found;  // nothing else narrows the search
      } else {
        // Guessed as the search's share of the region (by its regency or province's tally):
        // a small match is read, sorted and counted in one pass.
        long long guess = found;
        if (filter.region) {
          EnterpriseFilter area;
          area.region = filter.region->substr(0, std::min<std::size_t>(5, filter.region->size()));
          if (auto in_area = TallyTotal(sql_, area); in_area && row_count() > 0) {
            guess = found * *in_area / row_count();
          }
        }
        if (!order_first(guess)) {
          read_page(Plan::kFilterFirst, true);
          if (!result.items.empty()) return result;
        }
      }
    }
    if (!total && !sqlite && filter.q && !filter.sector && !filter.scale && !filter.status &&
        !filter.stale) {
      // PostgreSQL answers a search, in a region or not, from the index of enterprise_words:
      // its total (for two letters, from their tally), and the page of one word sorted
      // by name or by creation.
      std::vector<std::string> words = SearchWords(*filter.q);
      if (words.empty()) return result;
      // On two cores, a parallel plan's workers cost more to start than this work takes.
      sql_ << "SET LOCAL max_parallel_workers_per_gather = 0";
      if (words.size() == 1 && !filter.region) total = PrefixTally(sql_, words[0]);
      if (!total) {
        Params params;
        std::string matches = WordMatches(words, filter.region, params);
        total = 0;
        Query count(sql_);
        count.Into(*total);
        params.BindTo(count);
        count.Run("SELECT COUNT(*) FROM (" + matches + ") m");
      }
      if (words.size() == 1 && WordOrder(sort) != nullptr) {
        result.total = *total;
        if (*total > page.offset) read_ids(WordPage(sql_, words[0], filter.region, sort, page));
        return result;
      }
    }
    if (!total) {
      Params params;
      std::string where = FilterOf(filter, sqlite, params);
      total = 0;
      Query count(sql_);
      count.Into(*total);
      params.BindTo(count);
      count.Run("SELECT COUNT(*) FROM enterprises e" + where);
    }
    result.total = *total;
    if (*total > 0) read_page(order_first(*total) ? Plan::kOrderFirst : Plan::kFilterFirst, false);
    return result;
  });
}

core::Status SqlEnterpriseRepository::ForEach(
    const EnterpriseFilter& filter, EnterpriseSort sort,
    const std::function<bool(const Enterprise&, Person owner)>& each) {
  return Guard("export enterprises", [&]() -> core::Status {
    Params params;
    std::string where = FilterOf(filter, IsSqlite(sql_), params);
    EnterpriseVars vars;
    PersonVars owner;
    Query query(sql_);
    vars.Bind(query);
    owner.Bind(query);
    params.BindTo(query);
    if (query.Run(std::string("SELECT ") + kEnterpriseColumns + ", " + kPersonColumns +
                  kEnterpriseFrom + where + " ORDER BY " + OrderBy(sort))) {
      do {
        if (!each(vars.Get(), owner.Get())) break;
      } while (query.Next());
    }
    return core::OkStatus();
  });
}

core::Result<std::vector<AreaCount>> SqlEnterpriseRepository::CountByArea(
    const EnterpriseFilter& filter, std::size_t child_code_length) {
  return Guard("count enterprises by area", [&]() -> core::Result<std::vector<AreaCount>> {
    std::map<std::string, AreaCount> areas;
    if (child_code_length <= 5 && Tallied(sql_, filter)) {
      for (const auto& [key, tally] : SumTallies(sql_, filter, child_code_length)) {
        const auto& [code, scale, status] = key;
        if (tally.all == 0 && tally.stale == 0) continue;
        AreaCount& area = areas[code];
        area.code = code;
        area.total += tally.all;
        area.stale += tally.stale;
        AddScale(area, &scale, tally.all);
      }
      std::vector<AreaCount> counts;
      for (auto& [code, area] : areas) {
        if (area.total > 0) counts.push_back(std::move(area));
      }
      return counts;
    }
    // Counted per village, status and scale, in the order of the enterprises_area index (so
    // the database streams it without sorting), then summed up to the child areas here.
    Params params;
    std::string sql = "SELECT e.village_code, e.status, e.scale, COUNT(*), SUM(CASE WHEN "
                      "e.verified_at IS NULL OR e.verified_at < ";
    params.Text(sql, Text(filter.stale_before));
    sql += " THEN 1 ELSE 0 END) FROM enterprises e" +
           FilterOf(filter, IsSqlite(sql_), params, Plan::kAreaScan) +
           " GROUP BY e.village_code, e.status, e.scale";
    std::string village, status;
    Slot<std::string> scale;
    long long count = 0, unverified_or_old = 0;
    Query query(sql_);
    query.Into(village).Into(status).Into(scale.value, scale.indicator).Into(count)
        .Into(unverified_or_old);
    params.BindTo(query);
    if (query.Run(sql)) {
      do {
        std::string code = village.substr(0, std::min(child_code_length, village.size()));
        AreaCount& area = areas[code];
        area.code = code;
        area.total += count;
        if (status == "active") area.stale += unverified_or_old;  // closed ones are never stale
        AddScale(area, scale.has() ? &scale.value : nullptr, count);
      } while (query.Next());
    }
    std::vector<AreaCount> counts;
    counts.reserve(areas.size());
    for (auto& [code, area] : areas) counts.push_back(std::move(area));
    return counts;
  });
}

core::Status SqlEnterpriseRepository::OwnerRenamed(std::int64_t owner_id,
                                                   const std::string& owner_name) {
  return Guard("rename owner", [&]() -> core::Status {
    // Rewrite the derived search columns of the owner's enterprises.
    std::vector<Enterprise> owned;
    {
      EnterpriseVars vars;
      long long key = owner_id;
      Query query(sql_);
      vars.Bind(query);
      query.Use(key);
      if (query.Run(std::string("SELECT ") + kEnterpriseColumns + kEnterpriseFrom +
                    " WHERE e.owner_id = :o")) {
        do {
          owned.push_back(vars.Get());
        } while (query.Next());
      }
    }
    for (auto& enterprise : owned) {
      std::string text = SearchText(enterprise.name, owner_name, enterprise.nib);
      std::string key = MatchKey(owner_name, enterprise.name, enterprise.village_code);
      long long id = enterprise.id;
      Query update(sql_);
      update.Use(text).Use(key).Use(id);
      update.Run("UPDATE enterprises SET search_text = :t, match_key = :k WHERE id = :i");
    }
    return core::OkStatus();
  });
}

}  // namespace gotong::storage::internal
