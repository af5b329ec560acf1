#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>

#include "core/text.hpp"
#include "storage/sql_copy.hpp"
#include "storage/sql_repositories.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using domain::regions::Level;
using domain::regions::PathItem;
using domain::regions::Region;
using domain::regions::RegionRecord;

constexpr Column<Region> kRegionColumns[] = {
    Member<&Region::code>("r.code"),
    Member<&Region::name>("r.name"),
    // Stored as its number (1 a province … 4 a village).
    {"r.level", CellKind::kNumber,
     [](Region& region, const Cell& cell, std::string_view sql) {
       if (cell.IsNull()) cell::Damaged(sql, "NULL");
       region.level = static_cast<Level>(cell.number);
     }},
    Member<&Region::parent_code>("r.parent_code"),
    Member<&Region::has_children>("CASE WHEN EXISTS (SELECT 1 FROM regions c WHERE c.parent_code = "
                                  "r.code) THEN 1 ELSE 0 END"),
};
// Regions have codes, not ids: they are read by the queries below, never by FindRecord.
constexpr RecordTable<Region> kRegionTable{kRegionColumns, " FROM regions r", "r", "region"};

// The page of regions `where` selects (" WHERE …", its parameters in `params`) in `order`.
core::Result<core::Page<Region>> RegionPage(soci::session& sql, const std::string& where,
                                            const Params& params, const std::string& order,
                                            const core::PageRequest& page) {
  return Guard("list regions", [&]() -> core::Result<core::Page<Region>> {
    return PagedRecords(sql, page, kRegionTable, where, params, order);
  });
}

}  // namespace

core::Result<core::Page<Region>> SqlRegionRepository::Children(
    const std::optional<std::string>& parent, const core::PageRequest& page) {
  Params params;
  std::string where = " WHERE r.parent_code ";
  if (parent) {
    where += "= ";
    params.Text(where, *parent);
  } else {
    where += "IS NULL";
  }
  return RegionPage(sql_, where, params, "r.name, r.code", page);
}

core::Result<core::Page<Region>> SqlRegionRepository::Search(const std::string& needle,
                                                             const core::PageRequest& page) {
  Params params;
  std::string where = " WHERE r.search_name LIKE ";
  params.Text(where, "%" + EscapeLike(core::AsciiLower(needle)) + "%");
  where += " ESCAPE '\\'";
  return RegionPage(sql_, where, params, "r.level, r.name, r.code", page);
}

core::Result<Region> SqlRegionRepository::Get(const std::string& code) {
  return Guard("find region", [&]() -> core::Result<Region> {
    Params params;
    std::string where = " WHERE r.code = ";
    params.Text(where, code);
    if (auto region = FirstRecord(sql_, kRegionTable, where, params)) return *std::move(region);
    return core::Error::NotFound("no region with code " + code);
  });
}

core::Result<std::vector<Region>> SqlRegionRepository::Find(const std::vector<std::string>& codes) {
  return Guard("find regions", [&]() -> core::Result<std::vector<Region>> {
    if (codes.empty()) return std::vector<Region>();
    Params params;
    std::string where = " WHERE r.code IN (";
    for (std::size_t i = 0; i < codes.size(); ++i) {
      if (i > 0) where += ", ";
      params.Text(where, codes[i]);
    }
    where += ") ORDER BY r.code";
    return SelectRecords(sql_, kRegionTable, where, params);
  });
}

core::Result<std::vector<PathItem>> SqlRegionRepository::Names(
    const std::vector<std::string>& codes) {
  return Guard("region names", [&]() -> core::Result<std::vector<PathItem>> {
    std::vector<PathItem> items;
    if (codes.empty()) return items;
    std::string sql = "SELECT code, name FROM regions WHERE code IN (";
    for (std::size_t i = 0; i < codes.size(); ++i) {
      sql += (i ? ", :c" : ":c") + std::to_string(i);
    }
    sql += ")";
    std::string code, name;
    Query query(sql_);
    query.Into(code).Into(name);
    for (const auto& c : codes) query.Use(c);
    query.ForEachRow(sql, [&] { items.push_back({code, name}); });
    return items;
  });
}

core::Result<std::int64_t> SqlRegionRepository::Count() {
  return Guard("count regions", [&]() -> core::Result<std::int64_t> {
    long long total = 0;
    sql_ << "SELECT COUNT(*) FROM regions", soci::into(total);
    return static_cast<std::int64_t>(total);
  });
}

core::Result<std::vector<std::string>> SqlRegionRepository::CodesAt(Level level) {
  return Guard("region codes", [&]() -> core::Result<std::vector<std::string>> {
    std::vector<std::string> codes;
    int wanted = static_cast<int>(level);
    std::string code;
    Query query(sql_);
    query.Into(code).Use(wanted);
    query.ForEachRow("SELECT code FROM regions WHERE level = :l", [&] { codes.push_back(code); });
    return codes;
  });
}

core::Status SqlRegionRepository::ReplaceAll(const std::vector<RegionRecord>& records) {
  return Guard("load regions", [&]() -> core::Status {
    sql_ << "DELETE FROM regions";
    if (dialect_ == Dialect::kPostgresql) return CopyPostgres(records);
    std::vector<std::string> codes, parents, names, search;
    std::vector<int> levels;
    std::vector<soci::indicator> parent_inds;
    for (const auto& record : records) {
      auto level = domain::regions::LevelOfCode(record.code);
      auto parent = domain::regions::ParentCode(record.code);
      codes.push_back(record.code);
      parents.push_back(parent.value_or(""));
      parent_inds.push_back(parent ? soci::i_ok : soci::i_null);
      levels.push_back(static_cast<int>(level.value_or(Level::kProvince)));
      names.push_back(record.name);
      search.push_back(core::AsciiLower(record.name));
    }
    if (codes.empty()) return core::OkStatus();
    soci::statement insert =
        (sql_.prepare << "INSERT INTO regions (code, parent_code, level, name, search_name) "
                         "VALUES (:a, :b, :c, :d, :e)",
         soci::use(codes), soci::use(parents, parent_inds), soci::use(levels), soci::use(names),
         soci::use(search));
    insert.execute(true);
    return core::OkStatus();
  });
}

core::Status SqlRegionRepository::CopyPostgres(const std::vector<RegionRecord>& records) {
  CopyIn copy(static_cast<soci::postgresql_session_backend*>(sql_.get_backend())->conn_);
  GOTONG_RETURN_IF_ERROR(copy.Begin("COPY regions (code, parent_code, level, name, search_name) FROM STDIN"));
  for (const auto& record : records) {
    auto level = domain::regions::LevelOfCode(record.code).value_or(Level::kProvince);
    copy.Text(std::string_view(record.code));
    copy.Text(domain::regions::ParentCode(record.code));
    copy.Number(static_cast<int>(level));
    copy.Text(std::string_view(record.name));
    copy.Text(std::string_view(core::AsciiLower(record.name)));
    copy.EndRow();
  }
  return copy.Finish();
}

}  // namespace gotong::storage::internal
