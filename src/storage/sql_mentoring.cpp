#include "storage/sql_mentoring.hpp"

#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using domain::mentoring::Competency;
using domain::mentoring::CompetencyFilter;

// The code and the sector are written once.
constexpr Column<Competency> kCompetencyColumns[] = {
    Member<&Competency::id>("c.id"),
    Field<&Competency::code>("c.code").OnInsert(),
    Field<&Competency::sector>("c.sector").OnInsert(),
    Field<&Competency::name>("c.name"),
    Field<&Competency::name_en>("c.name_en"),
    Field<&Competency::description>("c.description"),
    Field<&Competency::retired>("c.retired"),
    Field<&Competency::created_at>("c.created_at").OnInsert(),
    Field<&Competency::updated_at>("c.updated_at"),
};
core::Error CodeTaken() { return core::Error::Exists("code", "another competency already has this code"); }
constexpr RecordTable<Competency> kCompetencyTable{kCompetencyColumns, " FROM competencies c", "c",
                                                   "competency", CodeTaken};

}  // namespace

SqlCompetencyRepository::SqlCompetencyRepository(soci::session& sql)
    : SqlRecordRepository(sql, kCompetencyTable) {}

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
    // A sector's own skills first (by sector), then those every sector shares; by name within.
    return PagedRecords(sql_, page, kCompetencyTable, where, params,
                        "CASE WHEN c.sector IS NULL THEN 1 ELSE 0 END, c.sector, c.name, c.id");
  });
}

}  // namespace gotong::storage::internal
