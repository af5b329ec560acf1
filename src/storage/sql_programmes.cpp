// Empowerment programmes with their partners and criteria, and the enrolments in them.

#include "storage/sql_programmes.hpp"

#include <map>

#include "core/text.hpp"
#include "sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::programmes;  // NOLINT: this file implements that context's interfaces

// ---- programmes --------------------------------------------------------------------------------

constexpr const char* kProgrammeColumns =
    "pg.id, pg.name, pg.owner_id, o.name, pg.description, pg.status, pg.starts_on, pg.ends_on, pg.capital_access, "
    "pg.human_resources, pg.partnership, pg.market_strengthening, pg.sop_meetings_per_month, "
    "pg.sop_reports_per_year, pg.budget, pg.exit_strategy, pg.follow_up_months, pg.created_by, pg.created_at, "
    "pg.updated_at";
constexpr const char* kProgrammeFrom = " FROM programmes pg JOIN stakeholders o ON o.id = pg.owner_id";
const RecordTable kProgrammeTable{kProgrammeColumns, kProgrammeFrom, "pg", "programme"};

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

struct ProgrammeVars {
  long long id = 0, owner_id = 0, budget = 0;
  int capital = 0, human = 0, partnership = 0, market = 0, meetings = 0, reports = 0;
  std::string name, owner_name, status, starts_on, ends_on, follow_up, created_at, updated_at;
  Slot<std::string> description, exit_strategy;
  Slot<long long> created_by;

  void Bind(Query& query) {
    query.Into(id).Into(name).Into(owner_id).Into(owner_name).Into(description.value, description.indicator)
        .Into(status).Into(starts_on).Into(ends_on).Into(capital).Into(human).Into(partnership).Into(market)
        .Into(meetings).Into(reports).Into(budget).Into(exit_strategy.value, exit_strategy.indicator)
        .Into(follow_up).Into(created_by.value, created_by.indicator).Into(created_at).Into(updated_at);
  }
  Programme Get() const {
    Programme p;
    p.id = id;
    p.name = name;
    p.owner_id = owner_id;
    p.owner_name = owner_name;
    p.description = description.get();
    p.status = Stored("status", status, ParseProgrammeStatus);
    p.starts_on = DateFrom(starts_on);
    p.ends_on = DateFrom(ends_on);
    p.factors = Factors{capital != 0, human != 0, partnership != 0, market != 0};
    p.sop_meetings_per_month = meetings;
    p.sop_reports_per_year = reports;
    p.budget = budget;
    p.exit_strategy = exit_strategy.get();
    p.follow_up_months = MonthsFrom(follow_up);
    if (created_by.has()) p.created_by = created_by.value;
    p.created_at = InstantFrom(created_at);
    p.updated_at = InstantFrom(updated_at);
    return p;
  }
};

// The columns an update sets; the owner and the creation are written once.
constexpr std::string_view kProgrammeWriteColumns[] = {
    "name", "search_name", "description", "status", "starts_on", "ends_on", "capital_access", "human_resources",
    "partnership", "market_strengthening", "sop_meetings_per_month", "sop_reports_per_year", "budget",
    "exit_strategy", "follow_up_months", "updated_at"};

struct ProgrammeIn {
  std::string name, search_name, status, starts_on, ends_on, follow_up, updated_at;
  In<std::string> description, exit_strategy;
  int capital, human, partnership, market, meetings, reports;
  long long budget;

  explicit ProgrammeIn(const Programme& p)
      : name(p.name),
        search_name(core::AsciiLower(p.name)),
        status(ToString(p.status)),
        starts_on(p.starts_on.ToString()),
        ends_on(p.ends_on.ToString()),
        follow_up(MonthsText(p.follow_up_months)),
        updated_at(Text(p.updated_at)),
        description(TextIn(p.description)),
        exit_strategy(TextIn(p.exit_strategy)),
        capital(p.factors.capital_access ? 1 : 0),
        human(p.factors.human_resources ? 1 : 0),
        partnership(p.factors.partnership ? 1 : 0),
        market(p.factors.market_strengthening ? 1 : 0),
        meetings(p.sop_meetings_per_month),
        reports(p.sop_reports_per_year),
        budget(p.budget) {}

  void Bind(Query& query) {
    query.Use(name).Use(search_name).Use(description.value, description.indicator).Use(status).Use(starts_on)
        .Use(ends_on).Use(capital).Use(human).Use(partnership).Use(market).Use(meetings).Use(reports).Use(budget)
        .Use(exit_strategy.value, exit_strategy.indicator).Use(follow_up).Use(updated_at);
  }
};

// ---- enrolments ---------------------------------------------------------------------------------

constexpr const char* kEnrolmentColumns =
    "en.id, en.programme_id, en.group_id, en.enterprise_id, COALESCE(g.name, e.name), en.facilitator_id, "
    "COALESCE(u.display_name, ''), en.enrolled_on, en.left_on, en.outside_criteria_reason, en.created_by, "
    "en.created_at, en.updated_at";
constexpr const char* kEnrolmentFrom =
    " FROM enrolments en LEFT JOIN groups g ON g.id = en.group_id LEFT JOIN enterprises e ON e.id = en.enterprise_id "
    "LEFT JOIN users u ON u.id = en.facilitator_id";
const RecordTable kEnrolmentTable{kEnrolmentColumns, kEnrolmentFrom, "en", "enrolment"};

struct EnrolmentVars {
  long long id = 0, programme_id = 0;
  Slot<long long> group_id, enterprise_id, facilitator_id, created_by;
  std::string recipient, facilitator, enrolled_on, created_at, updated_at;
  Slot<std::string> left_on, reason;

  void Bind(Query& query) {
    query.Into(id).Into(programme_id).Into(group_id.value, group_id.indicator)
        .Into(enterprise_id.value, enterprise_id.indicator).Into(recipient)
        .Into(facilitator_id.value, facilitator_id.indicator).Into(facilitator).Into(enrolled_on)
        .Into(left_on.value, left_on.indicator).Into(reason.value, reason.indicator)
        .Into(created_by.value, created_by.indicator).Into(created_at).Into(updated_at);
  }
  Enrolment Get() const {
    Enrolment e;
    e.id = id;
    e.programme_id = programme_id;
    if (group_id.has()) e.group_id = group_id.value;
    if (enterprise_id.has()) e.enterprise_id = enterprise_id.value;
    e.recipient_name = recipient;
    if (facilitator_id.has()) e.facilitator_id = facilitator_id.value;
    e.facilitator_name = facilitator;
    e.enrolled_on = DateFrom(enrolled_on);
    e.left_on = OptionalDate(left_on);
    e.outside_criteria_reason = reason.get();
    if (created_by.has()) e.created_by = created_by.value;
    e.created_at = InstantFrom(created_at);
    e.updated_at = InstantFrom(updated_at);
    return e;
  }
};

// The household categories a statement selects for one id (V030), in their order.
std::vector<Category> CategoriesOf(soci::session& sql, const std::string& statement, long long id) {
  std::vector<Category> categories;
  std::string word;
  Query query(sql);
  query.Into(word).Use(id);
  if (query.Run(statement)) {
    do {
      categories.push_back(Stored("household category", word, ParseCategory));
    } while (query.Next());
  }
  return categories;
}

}  // namespace

core::Result<std::int64_t> SqlProgrammeRepository::Insert(const Programme& programme) {
  return Guard("insert programme", [&]() -> core::Result<std::int64_t> {
    ProgrammeIn in(programme);
    long long owner = programme.owner_id;
    In<long long> by = NumberIn(programme.created_by);
    std::string created = Text(programme.created_at);
    Programme stored = programme;
    stored.id = InsertRow(
        sql_, "programmes", kProgrammeWriteColumns, in, {"owner_id", "created_by", "created_at"},
        [&](Query& query) { query.Use(owner).Use(by.value, by.indicator).Use(created); });
    WriteParts(stored);
    return stored.id;
  });
}

core::Status SqlProgrammeRepository::Update(const Programme& programme) {
  return Guard("update programme", [&]() -> core::Status {
    ProgrammeIn in(programme);
    UpdateRow(sql_, "programmes", kProgrammeWriteColumns, in, programme.id);
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

void SqlProgrammeRepository::ReadParts(std::vector<Programme>& programmes) {
  if (programmes.empty()) return;
  std::map<long long, Programme*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& programme : programmes) {
    by_id[programme.id] = &programme;
    ids.push_back(programme.id);
  }
  Params params;
  const std::string in = IdList(params, ids);
  {
    long long programme = 0, stakeholder = 0;
    std::string name, role, helix;
    Slot<std::string> contribution;
    Query query(sql_);
    query.Into(programme).Into(stakeholder).Into(name).Into(role).Into(helix)
        .Into(contribution.value, contribution.indicator);
    params.BindTo(query);
    if (query.Run("SELECT pp.programme_id, pp.stakeholder_id, s.name, pp.role, pp.helix, pp.contribution "
                  "FROM programme_partners pp JOIN stakeholders s ON s.id = pp.stakeholder_id "
                  "WHERE pp.programme_id IN " + in + " ORDER BY pp.programme_id, pp.position")) {
      do {
        Partner partner;
        partner.stakeholder_id = stakeholder;
        partner.name = name;
        partner.role = role == "owner" ? PartnerRole::kOwner : PartnerRole::kPartner;
        partner.helix = Stored("helix", helix, domain::registry::ParseHelix);
        partner.contribution = contribution.get();
        by_id.at(programme)->partners.push_back(std::move(partner));
      } while (query.Next());
    }
  }
  long long programme = 0;
  std::string kind, value;
  Query query(sql_);
  query.Into(programme).Into(kind).Into(value);
  params.BindTo(query);
  if (query.Run("SELECT programme_id, kind, value FROM programme_criteria WHERE programme_id IN " + in +
                " ORDER BY programme_id, kind, value")) {
    do {
      AddCriterion(by_id.at(programme)->criteria, kind, value);
    } while (query.Next());
  }
}

core::Result<Programme> SqlProgrammeRepository::Find(std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto programme, FindRecord<ProgrammeVars>(sql_, kProgrammeTable, id));
  return Guard("read a programme's partners", [&]() -> core::Result<Programme> {
    std::vector<Programme> one{std::move(programme)};
    ReadParts(one);
    return std::move(one.front());
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
    ProgrammeVars vars;
    auto programmes = PagedQuery<Programme>(
        sql_, page, kProgrammeColumns, kProgrammeFrom + where, params, "pg.id DESC",
        [&](Query& query) { vars.Bind(query); }, [&] { return vars.Get(); });
    ReadParts(programmes.items);
    return programmes;
  });
}

core::Result<std::int64_t> SqlEnrolmentRepository::Insert(const Enrolment& enrolment) {
  return Guard("insert enrolment", [&]() -> core::Result<std::int64_t> {
    try {
      long long programme = enrolment.programme_id, id = 0;
      In<long long> group = NumberIn(enrolment.group_id), enterprise = NumberIn(enrolment.enterprise_id),
                    facilitator = NumberIn(enrolment.facilitator_id), by = NumberIn(enrolment.created_by);
      In<std::string> reason = TextIn(enrolment.outside_criteria_reason);
      std::string enrolled = enrolment.enrolled_on.ToString(), created = Text(enrolment.created_at),
                  updated = Text(enrolment.updated_at);
      Query query(sql_);
      query.Use(programme).Use(group.value, group.indicator).Use(enterprise.value, enterprise.indicator)
          .Use(facilitator.value, facilitator.indicator).Use(enrolled).Use(reason.value, reason.indicator)
          .Use(by.value, by.indicator).Use(created).Use(updated).Into(id);
      query.Run("INSERT INTO enrolments (programme_id, group_id, enterprise_id, facilitator_id, enrolled_on, "
                "outside_criteria_reason, created_by, created_at, updated_at) "
                "VALUES (:p, :g, :e, :f, :d, :r, :b, :c, :u) RETURNING id");
      return static_cast<std::int64_t>(id);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists(enrolment.group_id ? "group_id" : "enterprise_id",
                                   enrolment.group_id ? "the group is enrolled in this programme already"
                                                      : "the enterprise is enrolled in this programme already");
      }
      throw;
    }
  });
}

core::Status SqlEnrolmentRepository::Update(const Enrolment& enrolment) {
  return Guard("update enrolment", [&]() -> core::Status {
    long long id = enrolment.id;
    In<long long> facilitator = NumberIn(enrolment.facilitator_id);
    In<std::string> left = DateIn(enrolment.left_on);
    std::string updated = Text(enrolment.updated_at);
    sql_ << "UPDATE enrolments SET facilitator_id = :f, left_on = :l, updated_at = :u WHERE id = :id",
        soci::use(facilitator.value, facilitator.indicator), soci::use(left.value, left.indicator),
        soci::use(updated), soci::use(id);
    return core::OkStatus();
  });
}

core::Result<Enrolment> SqlEnrolmentRepository::Find(std::int64_t id) {
  return FindRecord<EnrolmentVars>(sql_, kEnrolmentTable, id);
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
    EnrolmentVars vars;
    return PagedQuery<Enrolment>(
        sql_, page, kEnrolmentColumns, kEnrolmentFrom + where, params, "en.id",
        [&](Query& query) { vars.Bind(query); }, [&] { return vars.Get(); });
  });
}

core::Result<CandidateFacts> SqlEnrolmentRepository::EnterpriseFacts(std::int64_t enterprise_id) {
  return Guard("read an enterprise's facts", [&]() -> core::Result<CandidateFacts> {
    long long id = enterprise_id;
    std::string village, sector;
    Slot<std::string> scale;
    Slot<int> founded;
    Query query(sql_);
    query.Into(village).Into(sector).Into(scale.value, scale.indicator).Into(founded.value, founded.indicator).Use(id);
    if (!query.Run("SELECT village_code, sector, scale, founded_year FROM enterprises WHERE id = :id")) {
      return core::Error::NotFound("no enterprise with id " + std::to_string(enterprise_id));
    }
    CandidateFacts facts;
    facts.village_code = village;
    facts.sector = domain::registry::ParseSector(sector);
    if (scale.has()) facts.scale = domain::registry::ParseScale(scale.value);
    facts.founded_year = founded.get();
    facts.categories = CategoriesOf(sql_, "SELECT DISTINCT h.category FROM enterprises e JOIN household_categories h "
                                          "ON h.person_id = e.owner_id WHERE e.id = :id ORDER BY h.category", id);
    return facts;
  });
}

core::Result<CandidateFacts> SqlEnrolmentRepository::GroupFacts(std::int64_t group_id) {
  return Guard("read a group's facts", [&]() -> core::Result<CandidateFacts> {
    long long id = group_id, members = 0, others = 0;
    std::string village, sector;
    Slot<std::string> founded;
    Query query(sql_);
    // Homogeneous: its current members' enterprises (those recorded) all share the group's sector.
    query.Into(village).Into(sector).Into(founded.value, founded.indicator).Into(members).Into(others).Use(id);
    if (!query.Run("SELECT g.village_code, g.sector, g.founded_on, "
                   "(SELECT COUNT(*) FROM memberships m JOIN enterprises e ON e.id = m.enterprise_id "
                   "WHERE m.group_id = g.id AND m.left_on IS NULL), "
                   "(SELECT COUNT(*) FROM memberships m JOIN enterprises e ON e.id = m.enterprise_id "
                   "WHERE m.group_id = g.id AND m.left_on IS NULL AND e.sector <> g.sector) "
                   "FROM groups g WHERE g.id = :id")) {
      return core::Error::NotFound("no group with id " + std::to_string(group_id));
    }
    CandidateFacts facts;
    facts.village_code = village;
    facts.sector = domain::registry::ParseSector(sector);
    if (founded.has()) {
      if (auto day = core::Date::Parse(founded.value)) facts.founded_year = day->year;
    }
    facts.homogeneous = members > 0 && others == 0;
    // A group is in a category when one of its current members' households is.
    facts.categories = CategoriesOf(sql_, "SELECT DISTINCT h.category FROM memberships m JOIN household_categories h "
                                          "ON h.person_id = m.person_id WHERE m.group_id = :id AND m.left_on IS NULL "
                                          "ORDER BY h.category", id);
    return facts;
  });
}

}  // namespace gotong::storage::internal
