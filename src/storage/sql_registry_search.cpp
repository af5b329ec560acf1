// The registry's search strategies, one per backend: SQLite walks its full-text matches as a
// bitmap against an order's index; PostgreSQL reads its table of words (migrations V012, V017).

#include <algorithm>
#include <cctype>
#include <functional>

#include "storage/sql_registry_query.hpp"
#include "storage/sqlite_statement.hpp"

namespace gotong::storage::internal {

using namespace domain::registry;  // NOLINT: this file implements that context's queries

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
  return " AND " + RegionMatch(column, region, params);
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

namespace {

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
    words.ForEachRow(
        "WITH RECURSIVE w (word) AS (SELECT MIN(word) FROM enterprise_words WHERE "
        "word >= :a AND word < :b UNION ALL SELECT (SELECT MIN(x.word) FROM "
        "enterprise_words x WHERE x.word > w.word AND x.word < :c) FROM w WHERE w.word "
        "IS NOT NULL) SELECT word FROM w WHERE word IS NOT NULL LIMIT " +
            std::to_string(kMergedWords + 1),
        [&] { found.push_back(each); });
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
  text += " ORDER BY " + order;
  params.Page(text, page);
  std::vector<std::int64_t> ids;
  long long id = 0;
  Query query(sql);
  query.Into(id);
  params.BindTo(query);
  query.ForEachRow(text, [&] { ids.push_back(id); });
  return ids;
}

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
    SqliteStatement matches(sql, "SELECT rowid FROM enterprise_search WHERE enterprise_search MATCH ?1");
    matches.Text(1, std::string_view(fts_query));
    while (auto id = matches.NextNumber()) {
      if (*id < 0 || *id > max_id) continue;  // written after max_id was read
      mark(marked, *id);
      ++walked.total;
    }
  }
  std::vector<std::int64_t> found;  // with a region, its matches (in the area index's order)
  if (region) {
    std::vector<std::uint64_t> in_region(slots, 0);
    const RegionRange range = RangeOf(*region);
    SqliteStatement ids(sql, range.exact
                                 ? "SELECT id FROM enterprises WHERE village_code = ?1"
                                 : "SELECT id FROM enterprises WHERE village_code >= ?1 AND "
                                   "village_code < ?2");
    ids.Text(1, std::string_view(range.from));
    if (!range.exact) ids.Text(2, std::string_view(range.to));
    while (auto id = ids.NextNumber()) {
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
    SqliteStatement name(sql, "SELECT search_name FROM enterprises WHERE id = ?1");
    for (std::int64_t id : found) named.emplace_back(name.TextFor(id), id);
    const auto count = std::min(end, named.size());
    if (sort == EnterpriseSort::kName) {
      std::partial_sort(named.begin(), named.begin() + static_cast<std::ptrdiff_t>(count), named.end());
    } else {
      std::partial_sort(named.begin(), named.begin() + static_cast<std::ptrdiff_t>(count), named.end(),
                        std::greater<>());
    }
    for (std::size_t i = 0; i < count; ++i) walked.ids.push_back(named[i].second);
  } else {
    SqliteStatement order(sql, WalkOrder(sort));
    while (auto id = order.NextNumber()) {
      if (is_marked(*id) && take(*id)) break;
    }
  }
  auto skipped = std::min(walked.ids.size(), static_cast<std::size_t>(page.offset));
  walked.ids.erase(walked.ids.begin(), walked.ids.begin() + static_cast<std::ptrdiff_t>(skipped));
  return walked;
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


class SqliteSearch final : public SearchStrategy {
 public:
  explicit SqliteSearch(soci::session& sql) : sql_(sql) {}
  // A search with no condition but a region, in an order an index gives.
  std::optional<SearchPage> Page(const EnterpriseFilter& filter, EnterpriseSort sort,
                                 const core::PageRequest& page) override {
    if (!filter.q || filter.sector || filter.scale || filter.status || filter.stale ||
        WalkOrder(sort) == nullptr) {
      return std::nullopt;
    }
    std::string query = FtsQuery(*filter.q);
    if (query.empty()) return SearchPage{0, std::vector<std::int64_t>{}};
    long long max_id = 0;
    {
      Query size(sql_);
      size.Into(max_id);
      size.Run("SELECT COALESCE(MAX(id), 0) FROM enterprises");
    }
    Walked walked = WalkMatches(sql_, query, filter.region, sort, page, max_id);
    return SearchPage{walked.total, std::move(walked.ids)};
  }

 private:
  soci::session& sql_;
};

class PostgresSearch final : public SearchStrategy {
 public:
  explicit PostgresSearch(soci::session& sql) : sql_(sql) {}
  // A search, in a region or not, with no other condition: its total (for two letters, from
  // their tally), and the page of one word sorted by name or by creation.
  std::optional<SearchPage> Page(const EnterpriseFilter& filter, EnterpriseSort sort,
                                 const core::PageRequest& page) override {
    if (!filter.q || filter.sector || filter.scale || filter.status || filter.stale) return std::nullopt;
    std::vector<std::string> words = SearchWords(*filter.q);
    if (words.empty()) return SearchPage{0, std::vector<std::int64_t>{}};
    // On two cores, a parallel plan's workers cost more to start than this work takes.
    sql_ << "SET LOCAL max_parallel_workers_per_gather = 0";
    std::optional<long long> total;
    if (words.size() == 1 && !filter.region) total = PrefixTally(sql_, words[0]);
    if (!total) {
      Params params;
      std::string matches = WordMatches(words, filter.region, params);
      total = CountRows(sql_, " FROM (" + matches + ") m", params);
    }
    if (words.size() != 1 || WordOrder(sort) == nullptr) return SearchPage{*total, std::nullopt};
    std::vector<std::int64_t> ids;
    if (*total > page.offset) ids = WordPage(sql_, words[0], filter.region, sort, page);
    return SearchPage{*total, std::move(ids)};
  }

 private:
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<SearchStrategy> SearchStrategyFor(soci::session& sql) {
  if (IsSqlite(sql)) return std::make_unique<SqliteSearch>(sql);
  return std::make_unique<PostgresSearch>(sql);
}

}  // namespace gotong::storage::internal
