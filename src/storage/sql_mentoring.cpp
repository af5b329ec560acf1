#include "sql_mentoring.hpp"

#include "sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

using domain::mentoring::Competency;
using domain::mentoring::CompetencyFilter;

struct CompetencyVars {
  long long id = 0;
  int retired = 0;
  std::string code, name, created_at, updated_at;
  Slot<std::string> sector, name_en, description;
  void Bind(Query& query) {
    query.Into(id).Into(code).Into(sector.value, sector.indicator).Into(name)
        .Into(name_en.value, name_en.indicator).Into(description.value, description.indicator).Into(retired)
        .Into(created_at).Into(updated_at);
  }
  Competency Get() const {
    Competency c;
    c.id = id;
    c.code = code;
    c.sector = sector.get();
    c.name = name;
    c.name_en = name_en.get();
    c.description = description.get();
    c.retired = retired != 0;
    c.created_at = InstantFrom(created_at);
    c.updated_at = InstantFrom(updated_at);
    return c;
  }
};

constexpr const char* kCompetencyColumns =
    "c.id, c.code, c.sector, c.name, c.name_en, c.description, c.retired, c.created_at, c.updated_at";
const RecordTable kCompetencyTable{kCompetencyColumns, " FROM competencies c", "c", "competency"};

// The columns a competency's writes set, in the order they are bound; code and sector only once.
constexpr std::string_view kCompetencyWriteColumns[] = {"name", "name_en", "description", "retired",
                                                        "updated_at"};

core::Error CodeTaken() { return core::Error::Exists("code", "another competency already has this code"); }

}  // namespace

core::Result<std::int64_t> SqlCompetencyRepository::Insert(const Competency& competency) {
  return Guard("insert competency", [&]() -> core::Result<std::int64_t> {
    try {
      auto name_en = TextIn(competency.name_en);
      auto description = TextIn(competency.description);
      auto sector = TextIn(competency.sector);
      int retired = competency.retired ? 1 : 0;
      std::string created = Text(competency.created_at), updated = Text(competency.updated_at);
      long long id = 0;
      Query query(sql_);
      query.Use(competency.name).Use(name_en.value, name_en.indicator)
          .Use(description.value, description.indicator).Use(retired).Use(updated).Use(competency.code)
          .Use(sector.value, sector.indicator).Use(created).Into(id);
      query.Run(InsertSql("competencies", kCompetencyWriteColumns, {"code", "sector", "created_at"}));
      return static_cast<std::int64_t>(id);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return CodeTaken();
      throw;
    }
  });
}

core::Status SqlCompetencyRepository::Update(const Competency& competency) {
  return Guard("update competency", [&]() -> core::Status {
    auto name_en = TextIn(competency.name_en);
    auto description = TextIn(competency.description);
    int retired = competency.retired ? 1 : 0;
    std::string updated = Text(competency.updated_at);
    long long id = competency.id;
    Query query(sql_);
    query.Use(competency.name).Use(name_en.value, name_en.indicator)
        .Use(description.value, description.indicator).Use(retired).Use(updated).Use(id);
    query.Run(UpdateSql("competencies", kCompetencyWriteColumns));
    return core::OkStatus();
  });
}

core::Result<Competency> SqlCompetencyRepository::Find(std::int64_t id) {
  return FindRecord<CompetencyVars>(sql_, kCompetencyTable, id);
}

core::Result<core::Page<Competency>> SqlCompetencyRepository::List(const CompetencyFilter& filter,
                                                                   const core::PageRequest& page) {
  return Guard("list competencies", [&]() -> core::Result<core::Page<Competency>> {
    Params params;
    std::string where = " WHERE 1 = 1";
    if (filter.sector) {
      where += " AND (c.sector IS NULL OR c.sector = ";
      params.Text(where, *filter.sector);
      where += ")";
    }
    if (!filter.include_retired) where += " AND c.retired = 0";
    CompetencyVars vars;
    // A sector's own skills first (by sector), then those every sector shares; by name within.
    return PagedQuery<Competency>(
        sql_, page, kCompetencyColumns, " FROM competencies c" + where, params,
        "CASE WHEN c.sector IS NULL THEN 1 ELSE 0 END, c.sector, c.name, c.id",
        [&](Query& query) { vars.Bind(query); }, [&] { return vars.Get(); });
  });
}

}  // namespace gotong::storage::internal
