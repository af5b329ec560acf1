// The registry's repositories: stakeholders, people and enterprises (row by row through SOCI).

#include <deque>
#include <map>
#include <tuple>

#include "core/text.hpp"
#include "sql_internal.hpp"
#include "sql_registry.hpp"
#include "sql_registry_query.hpp"

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

constexpr const char* kEnterpriseColumns =
    "e.id, e.owner_id, p.name, p.gender, e.name, e.sector, e.products, e.business_centre, "
    "e.village_code, e.founded_year, e.employees, e.capital, e.turnover, e.nib, e.status, "
    "e.verified_at, e.verified_by, u.username, e.steward_id, e.import_job_id, e.created_at, "
    "e.updated_at";
const std::string kEnterpriseJoins =
    " JOIN people p ON p.id = e.owner_id LEFT JOIN users u ON u.id = e.verified_by";
const std::string kEnterpriseFrom = " FROM enterprises e" + kEnterpriseJoins;
const RecordTable kEnterpriseTable{kEnterpriseColumns, kEnterpriseFrom, "e", "enterprise"};

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
    "p.steward_id, p.created_at, p.updated_at, p.occupation";
const RecordTable kPersonTable{kPersonColumns, " FROM people p", "p", "person"};

struct PersonVars {
  long long id = 0;
  std::string name, created_at, updated_at;
  Slot<std::string> gender, phone, village_code, nik, nik_consent_at, occupation;
  Slot<long long> birth_year, steward_id;

  void Bind(Query& query) {
    query.Into(id).Into(name).Into(gender.value, gender.indicator)
        .Into(birth_year.value, birth_year.indicator).Into(phone.value, phone.indicator)
        .Into(village_code.value, village_code.indicator).Into(nik.value, nik.indicator)
        .Into(nik_consent_at.value, nik_consent_at.indicator)
        .Into(steward_id.value, steward_id.indicator).Into(created_at).Into(updated_at)
        .Into(occupation.value, occupation.indicator);
  }

  Person Get() const {
    Person p;
    p.id = id;
    p.name = name;
    if (gender.has()) p.gender = ParseGender(gender.value);
    if (birth_year.has()) p.birth_year = static_cast<int>(birth_year.value);
    p.occupation = occupation.get();
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
const RecordTable kStakeholderTable{kStakeholderColumns, " FROM stakeholders s", "s", "stakeholder"};

}  // namespace

namespace {

// The columns a stakeholder's writes set, in the order they are bound.
constexpr std::string_view kStakeholderWriteColumns[] = {"name", "helix", "kind", "region_code",
                                                         "contact", "updated_at"};

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
          .Use(contact.value, contact.indicator).Use(updated).Use(created).Into(id);
      query.Run(InsertSql("stakeholders", kStakeholderWriteColumns, {"created_at"}));
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
      query.Run(UpdateSql("stakeholders", kStakeholderWriteColumns));
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
  return FindRecord<StakeholderVars>(sql_, kStakeholderTable, id);
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
    StakeholderVars vars;
    // Helix in the paper's order: government, business, academia, civil society.
    return PagedQuery<Stakeholder>(
        sql_, page, kStakeholderColumns, " FROM stakeholders s" + where, params,
        "CASE s.helix WHEN 'government' THEN 1 WHEN 'business' THEN 2 WHEN 'academia' THEN 3 "
        "ELSE 4 END, s.name, s.id",
        [&](Query& query) { vars.Bind(query); }, [&] { return vars.Get(); });
  });
}

// ---- people -------------------------------------------------------------------------------

namespace {

// The columns a person's writes set: PersonIn binds all but updated_at, bound after it.
constexpr std::string_view kPersonWriteColumns[] = {
    "name", "search_name", "gender", "birth_year", "phone", "village_code", "nik",
    "nik_consent_at", "steward_id", "occupation", "updated_at"};

// A person's columns as an INSERT or UPDATE binds them.
struct PersonIn {
  std::string name, search_name;
  In<std::string> gender, phone, village_code, nik, nik_consent_at, occupation;
  In<long long> birth_year, steward_id;

  explicit PersonIn(const Person& p)
      : name(p.name),
        search_name(core::AsciiLower(p.name)),
        gender(p.gender ? std::optional<std::string>(std::string(ToString(*p.gender))) : std::nullopt),
        phone(TextIn(p.phone)),
        village_code(TextIn(p.village_code)),
        nik(TextIn(p.nik)),
        nik_consent_at(InstantIn(p.nik_consent_at)),
        occupation(TextIn(p.occupation)),
        birth_year(NumberIn(p.birth_year ? std::optional<std::int64_t>(*p.birth_year) : std::nullopt)),
        steward_id(NumberIn(p.steward_id)) {}

  void Bind(Query& query) {
    query.Use(name).Use(search_name).Use(gender.value, gender.indicator)
        .Use(birth_year.value, birth_year.indicator).Use(phone.value, phone.indicator)
        .Use(village_code.value, village_code.indicator).Use(nik.value, nik.indicator)
        .Use(nik_consent_at.value, nik_consent_at.indicator).Use(steward_id.value, steward_id.indicator)
        .Use(occupation.value, occupation.indicator);
  }
};

}  // namespace

core::Result<std::int64_t> SqlPersonRepository::Insert(const Person& person) {
  return Guard("insert person", [&]() -> core::Result<std::int64_t> {
    PersonIn in(person);
    std::string created = Text(person.created_at), updated = Text(person.updated_at);
    long long id = 0;
    Query query(sql_);
    in.Bind(query);
    query.Use(updated).Use(created).Into(id);
    try {
      query.Run(InsertSql("people", kPersonWriteColumns, {"created_at"}));
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return NikTaken();  // people_nik (V014)
      throw;
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Status SqlPersonRepository::Update(const Person& person) {
  return Guard("update person", [&]() -> core::Status {
    PersonIn in(person);
    std::string updated = Text(person.updated_at);
    long long id = person.id;
    Query query(sql_);
    in.Bind(query);
    query.Use(updated).Use(id);
    try {
      query.Run(UpdateSql("people", kPersonWriteColumns));
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return NikTaken();  // people_nik (V014)
      throw;
    }
    return core::OkStatus();
  });
}

core::Result<Person> SqlPersonRepository::Find(std::int64_t id) {
  return FindRecord<PersonVars>(sql_, kPersonTable, id);
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
    PersonVars vars;
    return PagedQuery<Person>(sql_, page, kPersonColumns, " FROM people p" + where, params,
                              "p.search_name, p.id", [&](Query& query) { vars.Bind(query); },
                              [&] { return vars.Get(); });
  });
}

// ---- enterprises --------------------------------------------------------------------------

namespace {

// The columns an enterprise's writes set, in the order EnterpriseWrite binds them.
constexpr std::string_view kEnterpriseWriteColumns[] = {
    "owner_id", "name", "search_name", "search_text", "match_key", "sector", "products",
    "business_centre", "village_code", "founded_year", "employees", "capital", "turnover", "nib",
    "status", "scale", "scale_criterion", "verified_at", "verified_by", "steward_id",
    "import_job_id", "updated_at"};

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
      return InsertRow(sql_, "enterprises", kEnterpriseWriteColumns, write, {"created_at"},
                       [&](Query& query) { query.Use(created); });
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
      UpdateRow(sql_, "enterprises", kEnterpriseWriteColumns, write, enterprise.id);
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return NibTaken();
      throw;
    }
  });
}

core::Result<Enterprise> SqlEnterpriseRepository::Find(std::int64_t id) {
  return FindRecord<EnterpriseVars>(sql_, kEnterpriseTable, id);
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
