// Empowerment programmes with their partners and criteria, and the enrolments in them.

#include "storage/sql_programmes.hpp"

#include <map>

#include "core/text.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::programmes;  // NOLINT: this file implements that context's interfaces

// ---- programmes --------------------------------------------------------------------------------

std::string MonthsText(const std::vector<int>& months) {
  std::string text;
  for (int month : months) text += (text.empty() ? "" : ",") + std::to_string(month);
  return text;
}

std::vector<int> MonthsFrom(const std::string& text) {
  std::vector<int> months;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) months.push_back(std::stoi(text.substr(start, comma - start)));
    start = comma + 1;
  }
  return months;
}

// The owner and the creation are written once.
constexpr Column<Programme> kProgrammeColumns[] = {
    Member<&Programme::id>("pg.id"),
    Field<&Programme::name>("pg.name"),
    Field<&Programme::owner_id>("pg.owner_id").OnInsert(),
    Member<&Programme::owner_name>("o.name"),
    Field<&Programme::description>("pg.description"),
    Field<&Programme::status, ParseProgrammeStatus>("pg.status"),
    Field<&Programme::starts_on>("pg.starts_on"),
    Field<&Programme::ends_on>("pg.ends_on"),
    {"pg.capital_access", CellKind::kNumber,
     [](Programme& p, const Cell& cell, std::string_view) {
       p.factors.capital_access = cell.number != 0;
     },
     [](const Programme& p, Cell& cell) { cell.SetNumber(p.factors.capital_access ? 1 : 0); },
     Written::kAlways},
    {"pg.human_resources", CellKind::kNumber,
     [](Programme& p, const Cell& cell, std::string_view) {
       p.factors.human_resources = cell.number != 0;
     },
     [](const Programme& p, Cell& cell) { cell.SetNumber(p.factors.human_resources ? 1 : 0); },
     Written::kAlways},
    {"pg.partnership", CellKind::kNumber,
     [](Programme& p, const Cell& cell, std::string_view) {
       p.factors.partnership = cell.number != 0;
     },
     [](const Programme& p, Cell& cell) { cell.SetNumber(p.factors.partnership ? 1 : 0); },
     Written::kAlways},
    {"pg.market_strengthening", CellKind::kNumber,
     [](Programme& p, const Cell& cell, std::string_view) {
       p.factors.market_strengthening = cell.number != 0;
     },
     [](const Programme& p, Cell& cell) { cell.SetNumber(p.factors.market_strengthening ? 1 : 0); },
     Written::kAlways},
    Field<&Programme::sop_meetings_per_month>("pg.sop_meetings_per_month"),
    Field<&Programme::sop_reports_per_year>("pg.sop_reports_per_year"),
    Field<&Programme::budget>("pg.budget"),
    Field<&Programme::exit_strategy>("pg.exit_strategy"),
    {"pg.follow_up_months", CellKind::kText,
     [](Programme& p, const Cell& cell, std::string_view) {
       p.follow_up_months = MonthsFrom(cell.text);
     },
     [](const Programme& p, Cell& cell) { cell.SetText(MonthsText(p.follow_up_months)); },
     Written::kAlways},
    Field<&Programme::created_by>("pg.created_by").OnInsert(),
    Field<&Programme::created_at>("pg.created_at").OnInsert(),
    Field<&Programme::updated_at>("pg.updated_at"),
    {"search_name", CellKind::kText, nullptr,
     [](const Programme& p, Cell& cell) { cell.SetText(core::AsciiLower(p.name)); },
     Written::kAlways},
};
constexpr RecordTable<Programme> kProgrammeTable{
    kProgrammeColumns, " FROM programmes pg JOIN stakeholders o ON o.id = pg.owner_id", "pg",
    "programme"};

// ---- enrolments ---------------------------------------------------------------------------------

// Who is enrolled in what, when and why are written once; an update changes the facilitator or
// the leaving.
constexpr Column<Enrolment> kEnrolmentColumns[] = {
    Member<&Enrolment::id>("en.id"),
    Field<&Enrolment::programme_id>("en.programme_id").OnInsert(),
    Field<&Enrolment::group_id>("en.group_id").OnInsert(),
    Field<&Enrolment::enterprise_id>("en.enterprise_id").OnInsert(),
    Member<&Enrolment::recipient_name>("COALESCE(g.name, e.name)"),
    Field<&Enrolment::facilitator_id>("en.facilitator_id"),
    Member<&Enrolment::facilitator_name>("COALESCE(u.display_name, '')"),
    Field<&Enrolment::enrolled_on>("en.enrolled_on").OnInsert(),
    Field<&Enrolment::left_on>("en.left_on"),
    Field<&Enrolment::outside_criteria_reason>("en.outside_criteria_reason").OnInsert(),
    Field<&Enrolment::created_by>("en.created_by").OnInsert(),
    Field<&Enrolment::created_at>("en.created_at").OnInsert(),
    Field<&Enrolment::updated_at>("en.updated_at"),
};
constexpr RecordTable<Enrolment> kEnrolmentTable{
    kEnrolmentColumns,
    " FROM enrolments en LEFT JOIN groups g ON g.id = en.group_id LEFT JOIN enterprises e ON e.id "
    "= en.enterprise_id "
    "LEFT JOIN users u ON u.id = en.facilitator_id",
    "en", "enrolment"};

// ---- partners and facts ------------------------------------------------------------------

// A partner, read with its programme's id (not one of its members), which places it.
constexpr Column<Partner> kPartnerColumns[] = {
    Member<&Partner::stakeholder_id>("pp.stakeholder_id"),
    Member<&Partner::name>("s.name"),
    Member<&Partner::role, ParsePartnerRole>("pp.role"),
    Member<&Partner::helix, domain::registry::ParseHelix>("pp.helix"),
    Member<&Partner::contribution>("pp.contribution"),
};

// An enterprise's facts (its household categories are read after).
constexpr Column<CandidateFacts> kEnterpriseFactsColumns[] = {
    Member<&CandidateFacts::village_code>("village_code"),
    Member<&CandidateFacts::sector, domain::registry::ParseSector>("sector"),
    Member<&CandidateFacts::scale, domain::registry::ParseScale>("scale"),
    Member<&CandidateFacts::founded_year>("founded_year"),
};
constexpr RecordTable<CandidateFacts> kEnterpriseFactsTable{
    kEnterpriseFactsColumns, " FROM enterprises", "enterprises", "enterprise"};

// A group's facts (its household categories are read after). Homogeneous: its current members'
// enterprises (those recorded) all share the group's sector.
constexpr Column<CandidateFacts> kGroupFactsColumns[] = {
    Member<&CandidateFacts::village_code>("g.village_code"),
    Member<&CandidateFacts::sector, domain::registry::ParseSector>("g.sector"),
    {"g.founded_on", CellKind::kText,
     [](CandidateFacts& facts, const Cell& cell, std::string_view sql) {
       if (!cell.IsNull()) facts.founded_year = cell::Read<core::Date, nullptr>(cell, sql).year;
     }},
    {"(SELECT COUNT(*) FROM memberships m JOIN enterprises e ON e.id = m.enterprise_id "
     "WHERE m.group_id = g.id AND m.left_on IS NULL)",
     CellKind::kNumber,
     [](CandidateFacts& facts, const Cell& cell, std::string_view) {
       facts.homogeneous = cell.number > 0;
     }},
    {"(SELECT COUNT(*) FROM memberships m JOIN enterprises e ON e.id = m.enterprise_id "
     "WHERE m.group_id = g.id AND m.left_on IS NULL AND e.sector <> g.sector)",
     CellKind::kNumber,
     [](CandidateFacts& facts, const Cell& cell, std::string_view) {
       facts.homogeneous = facts.homogeneous.value_or(false) && cell.number == 0;
     }},
};
constexpr RecordTable<CandidateFacts> kGroupFactsTable{kGroupFactsColumns, " FROM groups g", "g",
                                                       "group"};

// The household categories a statement selects for one id (V030), in their order.
std::vector<Category> CategoriesOf(soci::session& sql, const std::string& statement, long long id) {
  std::vector<Category> categories;
  std::string word;
  Query query(sql);
  query.Into(word).Use(id);
  query.ForEachRow(
      statement, [&] { categories.push_back(Stored("household category", word, ParseCategory)); });
  return categories;
}

// A criterion as programme_criteria and round_criteria store it (see CriteriaRows).
struct CriterionRow {
  std::string kind;
  std::string value;
};
constexpr Column<CriterionRow> kCriterionColumns[] = {
    Member<&CriterionRow::kind>("kind"),
    Member<&CriterionRow::value>("value"),
};

// Reads the partners and criteria of `programmes` (a page of a list, or one), two statements for
// all of them.
void LoadParts(soci::session& sql, std::span<Programme> programmes) {
  LoadChildren<&Programme::partners>(
      sql, programmes, kPartnerColumns,
      " FROM programme_partners pp JOIN stakeholders s ON s.id = pp.stakeholder_id",
      "pp.programme_id", "pp.programme_id, pp.position");
  std::map<std::int64_t, Criteria*> criteria;
  for (auto& programme : programmes) criteria[programme.id] = &programme.criteria;
  LoadCriteria(sql, " FROM programme_criteria", "programme_id", criteria);
}

}  // namespace

core::Result<std::int64_t> SqlProgrammeRepository::Insert(const Programme& programme) {
  return Guard("insert programme", [&]() -> core::Result<std::int64_t> {
    Programme stored = programme;
    stored.id = InsertRecord<Programme>(sql_, "programmes", kProgrammeColumns, programme);
    WriteParts(stored);
    return stored.id;
  });
}

core::Status SqlProgrammeRepository::Update(const Programme& programme) {
  return Guard("update programme", [&]() -> core::Status {
    UpdateRecord<Programme>(sql_, "programmes", kProgrammeColumns, programme);
    WriteParts(programme);
    return core::OkStatus();
  });
}

std::vector<std::pair<std::string, std::string>> CriteriaRows(const Criteria& c) {
  std::vector<std::pair<std::string, std::string>> rows;
  for (const auto& code : c.region_codes) rows.emplace_back("region", code);
  for (auto sector : c.sectors) rows.emplace_back("sector", std::string(domain::registry::ToString(sector)));
  for (auto scale : c.scales) rows.emplace_back("scale", std::string(domain::registry::ToString(scale)));
  if (c.founded_within_years) rows.emplace_back("founded_within_years", std::to_string(*c.founded_within_years));
  if (c.homogeneous) rows.emplace_back("homogeneous", "1");
  for (auto category : c.categories) rows.emplace_back("category", std::string(ToString(category)));
  return rows;
}

void AddCriterion(Criteria& c, const std::string& kind, const std::string& value) {
  if (kind == "region") {
    c.region_codes.push_back(value);
  } else if (kind == "sector") {
    c.sectors.push_back(Stored("criterion sector", value, domain::registry::ParseSector));
  } else if (kind == "scale") {
    c.scales.push_back(Stored("criterion scale", value, domain::registry::ParseScale));
  } else if (kind == "founded_within_years") {
    c.founded_within_years = std::stoi(value);
  } else if (kind == "homogeneous") {
    c.homogeneous = true;
  } else {
    c.categories.push_back(Stored("criterion category", value, ParseCategory));
  }
}

void LoadCriteria(soci::session& sql, std::string_view from, std::string_view key_column,
                  const std::map<std::int64_t, Criteria*>& criteria) {
  std::vector<std::int64_t> ids;
  ids.reserve(criteria.size());
  for (const auto& [id, _] : criteria) ids.push_back(id);
  ReadChildren<CriterionRow>(sql, kCriterionColumns, from, key_column, ids,
                             std::string(key_column) + ", kind, value",
                             [&](std::int64_t id, const CriterionRow& row) {
                               AddCriterion(*criteria.at(id), row.kind, row.value);
                             });
}

void SqlProgrammeRepository::WriteParts(const Programme& programme) {
  long long id = programme.id;
  sql_ << "DELETE FROM programme_partners WHERE programme_id = :p", soci::use(id);
  sql_ << "DELETE FROM programme_criteria WHERE programme_id = :p", soci::use(id);
  int position = 0;
  for (const auto& partner : programme.partners) {
    long long stakeholder = partner.stakeholder_id;
    std::string role(ToString(partner.role)), helix(domain::registry::ToString(partner.helix));
    In<std::string> contribution = TextIn(partner.contribution);
    ++position;
    sql_ << "INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, contribution, position) "
            "VALUES (:p, :s, :r, :h, :c, :n)",
        soci::use(id), soci::use(stakeholder), soci::use(role), soci::use(helix),
        soci::use(contribution.value, contribution.indicator), soci::use(position);
  }
  for (auto& [kind, value] : CriteriaRows(programme.criteria)) {
    sql_ << "INSERT INTO programme_criteria (programme_id, kind, value) VALUES (:p, :k, :v)", soci::use(id),
        soci::use(kind), soci::use(value);
  }
}

core::Result<Programme> SqlProgrammeRepository::Find(std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto programme, FindRecord(sql_, kProgrammeTable, id));
  return Guard("read a programme's partners", [&]() -> core::Result<Programme> {
    LoadParts(sql_, std::span(&programme, 1));
    return std::move(programme);
  });
}

core::Status SqlProgrammeRepository::Lock(std::int64_t id) {
  return Guard("lock programme", [&]() -> core::Status {
    // A write to the programme's row: PostgreSQL holds it until this unit ends (SQLite's writing
    // units are serialised already).
    long long key = id;
    Query query(sql_);
    query.Use(key);
    query.Run("UPDATE programmes SET updated_at = updated_at WHERE id = :id");
    return core::OkStatus();
  });
}

core::Result<core::Page<Programme>> SqlProgrammeRepository::List(const ProgrammeFilter& filter,
                                                                 const core::PageRequest& page) {
  return Guard("list programmes", [&]() -> core::Result<core::Page<Programme>> {
    Params params;
    std::string where = " WHERE 1 = 1";
    if (!filter.everything) {
      // What the caller reaches: any of these routes.
      std::string reach;
      if (!filter.stakeholder_ids.empty()) {
        reach += "pg.id IN (SELECT programme_id FROM programme_partners WHERE stakeholder_id IN " +
                 IdList(params, filter.stakeholder_ids) + ")";
      }
      if (filter.programme_id) {
        reach += std::string(reach.empty() ? "" : " OR ") + "pg.id = ";
        params.Number(reach, *filter.programme_id);
      }
      if (filter.enrolled_group_id) {
        reach += std::string(reach.empty() ? "" : " OR ") +
                 "pg.id IN (SELECT programme_id FROM enrolments WHERE left_on IS NULL AND group_id = ";
        params.Number(reach, *filter.enrolled_group_id);
        reach += ")";
      }
      where += reach.empty() ? " AND 1 = 0" : " AND (" + reach + ")";
    }
    if (filter.status) {
      where += " AND pg.status = ";
      params.Text(where, std::string(ToString(*filter.status)));
    }
    if (filter.q) {
      where += " AND pg.search_name LIKE ";
      params.Text(where, "%" + EscapeLike(core::AsciiLower(*filter.q)) + "%");
      where += " ESCAPE '\\'";
    }
    auto programmes = PagedRecords(sql_, page, kProgrammeTable, where, params, "pg.id DESC");
    LoadParts(sql_, programmes.items);
    return programmes;
  });
}

SqlEnrolmentRepository::SqlEnrolmentRepository(soci::session& sql)
    : SqlRecordRepository(sql, kEnrolmentTable) {}

core::Result<std::int64_t> SqlEnrolmentRepository::Insert(const Enrolment& enrolment) {
  return AddRecord(sql_, kEnrolmentTable, enrolment, [&] {
    return core::Error::Exists(enrolment.group_id ? "group_id" : "enterprise_id",
                               enrolment.group_id
                                   ? "the group is enrolled in this programme already"
                                   : "the enterprise is enrolled in this programme already");
  });
}

core::Result<core::Page<Enrolment>> SqlEnrolmentRepository::List(const EnrolmentFilter& filter,
                                                                 const core::PageRequest& page) {
  return Guard("list enrolments", [&]() -> core::Result<core::Page<Enrolment>> {
    Params params;
    std::string where = " WHERE 1 = 1";
    auto number = [&](const std::optional<std::int64_t>& value, const char* column) {
      if (!value) return;
      where += std::string(" AND ") + column + " = ";
      params.Number(where, *value);
    };
    number(filter.programme_id, "en.programme_id");
    number(filter.facilitator_id, "en.facilitator_id");
    number(filter.group_id, "en.group_id");
    number(filter.enterprise_id, "en.enterprise_id");
    if (filter.current_only) where += " AND en.left_on IS NULL";
    if (filter.outside_criteria_only) where += " AND en.outside_criteria_reason IS NOT NULL";
    return PagedRecords(sql_, page, kEnrolmentTable, where, params, "en.id");
  });
}

core::Result<CandidateFacts> SqlEnrolmentRepository::EnterpriseFacts(std::int64_t enterprise_id) {
  return Guard("read an enterprise's facts", [&]() -> core::Result<CandidateFacts> {
    auto facts = FetchRecord(sql_, kEnterpriseFactsTable, enterprise_id);
    if (!facts)
      return core::Error::NotFound("no enterprise with id " + std::to_string(enterprise_id));
    facts->categories =
        CategoriesOf(sql_,
                     "SELECT DISTINCT h.category FROM enterprises e JOIN household_categories h "
                     "ON h.person_id = e.owner_id WHERE e.id = :id ORDER BY h.category",
                     enterprise_id);
    return *std::move(facts);
  });
}

core::Result<CandidateFacts> SqlEnrolmentRepository::GroupFacts(std::int64_t group_id) {
  return Guard("read a group's facts", [&]() -> core::Result<CandidateFacts> {
    auto facts = FetchRecord(sql_, kGroupFactsTable, group_id);
    if (!facts) return core::Error::NotFound("no group with id " + std::to_string(group_id));
    // A group is in a category when one of its current members' households is.
    facts->categories =
        CategoriesOf(sql_,
                     "SELECT DISTINCT h.category FROM memberships m JOIN household_categories h "
                     "ON h.person_id = m.person_id WHERE m.group_id = :id AND m.left_on IS NULL "
                     "ORDER BY h.category",
                     group_id);
    return *std::move(facts);
  });
}

}  // namespace gotong::storage::internal
