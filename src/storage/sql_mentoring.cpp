#include "sql_mentoring.hpp"

#include "sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using domain::mentoring::Competency;
using domain::mentoring::CompetencyFilter;

constexpr Column<Competency> kCompetencyColumns[] = {
    Member<&Competency::id>("c.id"),
    Member<&Competency::code>("c.code"),
    Member<&Competency::sector>("c.sector"),
    Member<&Competency::name>("c.name"),
    Member<&Competency::name_en>("c.name_en"),
    Member<&Competency::description>("c.description"),
    Member<&Competency::retired>("c.retired"),
    Member<&Competency::created_at>("c.created_at"),
    Member<&Competency::updated_at>("c.updated_at"),
};
constexpr RecordTable<Competency> kCompetencyTable{kCompetencyColumns, " FROM competencies c", "c",
                                                   "competency"};

// The code and the sector are written once.
constexpr WriteColumn<Competency> kCompetencyWrites[] = {
    Writes<&Competency::name>("name"),
    Writes<&Competency::name_en>("name_en"),
    Writes<&Competency::description>("description"),
    Writes<&Competency::retired>("retired"),
    Writes<&Competency::updated_at>("updated_at"),
    WritesOnce<&Competency::code>("code"),
    WritesOnce<&Competency::sector>("sector"),
    WritesOnce<&Competency::created_at>("created_at"),
};

core::Error CodeTaken() { return core::Error::Exists("code", "another competency already has this code"); }

}  // namespace

core::Result<std::int64_t> SqlCompetencyRepository::Insert(const Competency& competency) {
  return Guard("insert competency", [&]() -> core::Result<std::int64_t> {
    try {
      return InsertRecord<Competency>(sql_, "competencies", kCompetencyWrites, competency);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return CodeTaken();
      throw;
    }
  });
}

core::Status SqlCompetencyRepository::Update(const Competency& competency) {
  return Guard("update competency", [&]() -> core::Status {
    UpdateRecord<Competency>(sql_, "competencies", kCompetencyWrites, competency);
    return core::OkStatus();
  });
}

core::Result<Competency> SqlCompetencyRepository::Find(std::int64_t id) {
  return FindRecord(sql_, kCompetencyTable, id);
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
    // A sector's own skills first (by sector), then those every sector shares; by name within.
    return PagedRecords(sql_, page, kCompetencyTable, where, params,
                        "CASE WHEN c.sector IS NULL THEN 1 ELSE 0 END, c.sector, c.name, c.id");
  });
}

}  // namespace gotong::storage::internal
