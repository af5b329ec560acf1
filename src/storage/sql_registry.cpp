// The registry's repositories: stakeholders, people and enterprises (row by row through SOCI).

#include "storage/sql_registry.hpp"

#include <map>
#include <tuple>

#include "core/text.hpp"
#include "storage/sql_registry_query.hpp"
#include "storage/sql_row.hpp"

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
  sql += KindConditions(filter, params, e);
  if (filter.stale) {
    std::string condition = StaleCondition(params, filter.stale_before, e);
    sql += *filter.stale ? " AND " + condition : " AND NOT " + condition;
  }
  return sql;
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

// The derived search columns, written with the others and again alone when the owner is renamed.
constexpr Column<Enterprise> kSearchTextColumn{
    "search_text", CellKind::kText, nullptr,
    [](const Enterprise& e, Cell& cell) { cell.SetText(SearchText(e.name, e.owner_name, e.nib)); },
    Written::kAlways};
constexpr Column<Enterprise> kMatchKeyColumn{
    "match_key", CellKind::kText, nullptr,
    [](const Enterprise& e, Cell& cell) {
      cell.SetText(MatchKey(e.owner_name, e.name, e.village_code));
    },
    Written::kAlways};
constexpr Column<Enterprise> kEnterpriseSearchColumns[] = {kSearchTextColumn, kMatchKeyColumn};

constexpr Column<Enterprise> kEnterpriseColumns[] = {
    Member<&Enterprise::id>("e.id"),
    Field<&Enterprise::owner_id>("e.owner_id"),
    Member<&Enterprise::owner_name>("p.name"),
    Member<&Enterprise::owner_gender, ParseGender>("p.gender"),
    Field<&Enterprise::name>("e.name"),
    Field<&Enterprise::sector, ParseSector>("e.sector"),
    Field<&Enterprise::products>("e.products"),
    Field<&Enterprise::business_centre>("e.business_centre"),
    Field<&Enterprise::village_code>("e.village_code"),
    Field<&Enterprise::founded_year>("e.founded_year"),
    Field<&Enterprise::employees>("e.employees"),
    Field<&Enterprise::capital>("e.capital"),
    Field<&Enterprise::turnover>("e.turnover"),
    Field<&Enterprise::nib>("e.nib"),
    Field<&Enterprise::status, ParseStatus>("e.status"),
    Field<&Enterprise::verified_at>("e.verified_at"),
    Field<&Enterprise::verified_by>("e.verified_by"),
    // Verified by no account (an import's date): "system".
    {"u.username", CellKind::kText,
     [](Enterprise& e, const Cell& cell, std::string_view) {
       e.verified_by_username = !cell.IsNull() ? cell.text : e.verified_at ? "system" : "";
     }},
    Field<&Enterprise::steward_id>("e.steward_id"),
    Field<&Enterprise::import_job_id>("e.import_job_id"),
    Field<&Enterprise::created_at>("e.created_at").OnInsert(),
    Field<&Enterprise::updated_at>("e.updated_at"),
    {"search_name", CellKind::kText, nullptr,
     [](const Enterprise& e, Cell& cell) { cell.SetText(core::AsciiLower(e.name)); },
     Written::kAlways},
    kSearchTextColumn,
    kMatchKeyColumn,
    // The scale and the criterion it was derived by (turnover, else capital), NULL when neither is
    // known.
    {"scale", CellKind::kText, nullptr,
     [](const Enterprise& e, Cell& cell) {
       if (auto derived = e.scale()) cell.SetText(std::string(ToString(derived->scale)));
     },
     Written::kAlways},
    {"scale_criterion", CellKind::kText, nullptr,
     [](const Enterprise& e, Cell& cell) {
       if (auto derived = e.scale()) cell.SetText(std::string(ToString(derived->criterion)));
     },
     Written::kAlways},
};
core::Error NibTaken() {
  return core::Error::Exists("nib", "another enterprise already has this NIB");
}
constexpr RecordTable<Enterprise> kEnterpriseTable{
    kEnterpriseColumns,
    " FROM enterprises e JOIN people p ON p.id = e.owner_id LEFT JOIN users u ON u.id = "
    "e.verified_by",
    "e", "enterprise", NibTaken};

constexpr Column<Person> kPersonColumns[] = {
    Member<&Person::id>("p.id"),
    Field<&Person::name>("p.name"),
    Field<&Person::gender, ParseGender>("p.gender"),
    Field<&Person::birth_year>("p.birth_year"),
    Field<&Person::phone>("p.phone"),
    Field<&Person::village_code>("p.village_code"),
    Field<&Person::nik>("p.nik"),
    Field<&Person::nik_consent_at>("p.nik_consent_at"),
    Field<&Person::steward_id>("p.steward_id"),
    Field<&Person::created_at>("p.created_at").OnInsert(),
    Field<&Person::updated_at>("p.updated_at"),
    Field<&Person::occupation>("p.occupation"),
    {"search_name", CellKind::kText, nullptr,
     [](const Person& p, Cell& cell) { cell.SetText(core::AsciiLower(p.name)); }, Written::kAlways},
};
// The unique index people_nik (V014).
core::Error NikTaken() { return core::Error::Exists("nik", "another person already has this NIK"); }
constexpr RecordTable<Person> kPersonTable{kPersonColumns, " FROM people p", "p", "person",
                                           NikTaken};

}  // namespace

std::string SearchText(const std::string& name, const std::string& owner_name,
                       const std::optional<std::string>& nib) {
  return core::AsciiLower(name) + "\x1f" + core::AsciiLower(owner_name) + "\x1f" + nib.value_or("");
}

// ---- stakeholders -------------------------------------------------------------------------

namespace {

constexpr Column<Stakeholder> kStakeholderColumns[] = {
    Member<&Stakeholder::id>("s.id"),
    Field<&Stakeholder::name>("s.name"),
    Field<&Stakeholder::helix, ParseHelix>("s.helix"),
    Field<&Stakeholder::kind, ParseStakeholderKind>("s.kind"),
    Field<&Stakeholder::region_code>("s.region_code"),
    Field<&Stakeholder::contact>("s.contact"),
    Field<&Stakeholder::created_at>("s.created_at").OnInsert(),
    Field<&Stakeholder::updated_at>("s.updated_at"),
};
core::Error StakeholderNameTaken() {
  return core::Error::Exists("name", "a stakeholder with this name already exists");
}
constexpr RecordTable<Stakeholder> kStakeholderTable{kStakeholderColumns, " FROM stakeholders s",
                                                     "s", "stakeholder", StakeholderNameTaken};

}  // namespace

SqlStakeholderRepository::SqlStakeholderRepository(soci::session& sql)
    : SqlRecordRepository(sql, kStakeholderTable) {}

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
    // Helix in the paper's order: government, business, academia, civil society.
    return PagedRecords(
        sql_, page, kStakeholderTable, where, params,
        "CASE s.helix WHEN 'government' THEN 1 WHEN 'business' THEN 2 WHEN 'academia' THEN 3 "
        "ELSE 4 END, s.name, s.id");
  });
}

// ---- people -------------------------------------------------------------------------------

SqlPersonRepository::SqlPersonRepository(soci::session& sql)
    : SqlRecordRepository(sql, kPersonTable) {}

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
    return PagedRecords(sql_, page, kPersonTable, where, params, "p.search_name, p.id");
  });
}

// ---- enterprises --------------------------------------------------------------------------

SqlEnterpriseRepository::SqlEnterpriseRepository(soci::session& sql)
    : SqlRecordRepository(sql, kEnterpriseTable) {}

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
      RowReader<Enterprise> row(kEnterpriseColumns);
      long long limit = page.limit, offset = page.offset, total = 0;
      Query query(sql_);
      row.Bind(query);
      if (counted) query.Into(total);
      params.BindTo(query);
      query.Use(limit).Use(offset);
      // The page is chosen from enterprises alone; only its rows are joined to their owners.
      std::string order = " ORDER BY " + OrderBy(sort);
      std::string text =
          counted
              ? "SELECT " + SelectList(kEnterpriseTable.columns) + ", c.total FROM (SELECT e.id, " +
                    "COUNT(*) OVER () AS total FROM enterprises e" + where + order +
                    " LIMIT :l OFFSET :o) c JOIN enterprises e ON e.id = c.id" +
                    std::string(kEnterpriseTable.Joins()) + order
              : kEnterpriseTable.Select() + " WHERE e.id IN (SELECT e.id FROM enterprises e" +
                    where + order + " LIMIT :l OFFSET :o)" + order;
      query.ForEachRow(text, [&] {
        result.items.push_back(row.Get());
        if (counted) result.total = total;  // COUNT(*) OVER (): the same on every row
      });
    };

    // The page of enterprises with these ids, in the order of `sort`.
    auto read_ids = [&](const std::vector<std::int64_t>& ids) {
      if (ids.empty()) return;
      Params params;
      std::string list = IdList(params, ids);
      result.items = SelectRecords(sql_, kEnterpriseTable,
                                   " WHERE e.id IN " + list + " ORDER BY " + OrderBy(sort), params);
    };

    std::optional<long long> total = TallyTotal(sql_, filter);
    if (!total && filter.q) {
      // The backend's search strategy answers from its own index when it can.
      if (auto found = SearchStrategyFor(sql_)->Page(filter, sort, page)) {
        result.total = found->total;
        if (found->ids) {
          read_ids(*found->ids);
          return result;
        }
        total = found->total;
      }
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
    if (!total) {
      Params params;
      std::string where = FilterOf(filter, sqlite, params);
      total = CountRows(sql_, " FROM enterprises e" + where, params);
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
    RowReader<Enterprise> row(kEnterpriseColumns);
    RowReader<Person> owner(kPersonColumns);
    Query query(sql_);
    row.Bind(query);
    owner.Bind(query);
    params.BindTo(query);
    if (query.Run("SELECT " + SelectList(kEnterpriseTable.columns) + ", " +
                  SelectList(kPersonTable.columns) + std::string(kEnterpriseTable.from) + where +
                  " ORDER BY " + OrderBy(sort))) {
      do {
        if (!each(row.Get(), owner.Get())) break;
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
    query.ForEachRow(sql, [&] {
      std::string code = village.substr(0, std::min(child_code_length, village.size()));
      AreaCount& area = areas[code];
      area.code = code;
      area.total += count;
      if (status == "active") area.stale += unverified_or_old;  // closed ones are never stale
      AddScale(area, scale.has() ? &scale.value : nullptr, count);
    });
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
    Params params;
    std::string where = " WHERE e.owner_id = ";
    params.Number(where, owner_id);
    for (auto& enterprise : SelectRecords(sql_, kEnterpriseTable, where, params)) {
      enterprise.owner_name = owner_name;
      UpdateRecord<Enterprise>(sql_, "enterprises", kEnterpriseSearchColumns, enterprise);
    }
    return core::OkStatus();
  });
}

}  // namespace gotong::storage::internal
