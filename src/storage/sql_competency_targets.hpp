#pragma once

// Competency targets (a competency at a level, in the order they were given) kept as child rows:
// a learning cycle's (cycle_targets, by cycle_id) and a deliberation option's
// (deliberation_option_targets, by option_id). Both tables are (<parent>, competency_id, level,
// position).

#include <soci/soci.h>

#include <string>
#include <string_view>
#include <vector>

#include "domain/mentoring/mentoring.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {

// A target as it is read, with its competency's code and names: from CompetencyTargetsFrom.
inline constexpr Column<domain::mentoring::CompetencyTarget> kCompetencyTargetColumns[] = {
    Member<&domain::mentoring::CompetencyTarget::competency_id>("t.competency_id"),
    Member<&domain::mentoring::CompetencyTarget::level>("t.level"),
    Member<&domain::mentoring::CompetencyTarget::code>("c.code"),
    Member<&domain::mentoring::CompetencyTarget::name>("c.name"),
    Member<&domain::mentoring::CompetencyTarget::name_en>("c.name_en"),
};

// " FROM <table> t JOIN competencies c …", for kCompetencyTargetColumns.
inline std::string CompetencyTargetsFrom(std::string_view table) {
  return " FROM " + std::string(table) + " t JOIN competencies c ON c.id = t.competency_id";
}

// Writes `targets` under `parent_id` in `parent_column`, numbered from 1 in their order.
inline void InsertCompetencyTargets(soci::session& sql, std::string_view table,
                                    std::string_view parent_column, long long parent_id,
                                    const std::vector<domain::mentoring::CompetencyTarget>& targets) {
  const std::string insert = "INSERT INTO " + std::string(table) + " (" +
                             std::string(parent_column) +
                             ", competency_id, level, position) VALUES (:parent, :c, :l, :p)";
  int position = 0;
  for (const auto& target : targets) {
    long long competency = target.competency_id;
    int level = target.level;
    ++position;
    sql << insert, soci::use(parent_id), soci::use(competency), soci::use(level),
        soci::use(position);
  }
}

}  // namespace gotong::storage::internal
