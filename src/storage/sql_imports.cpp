// Import jobs, their row errors, and the bulk writer that imports go through.

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <boost/json.hpp>

#include "core/text.hpp"
#include "storage/sql_copy.hpp"
#include "storage/sql_registry.hpp"
#include "storage/sql_row.hpp"
#include "storage/sqlite_statement.hpp"

namespace gotong::storage::internal {
namespace {

namespace json = boost::json;
using namespace domain::registry;  // NOLINT: this file implements that context's interfaces
using namespace sqlite_api;        // NOLINT: SOCI's header puts SQLite's C API in this namespace

using NoteParams = std::vector<std::pair<std::string, std::string>>;

json::object NoteParamsObject(const NoteParams& params) {
  json::object object;
  for (const auto& [name, value] : params) object[name] = value;
  return object;
}

NoteParams NoteParamsFrom(const json::value& value) {
  NoteParams params;
  if (!value.is_object()) return params;
  for (const auto& [name, item] : value.as_object()) {
    if (item.is_string()) params.emplace_back(std::string(name), std::string(item.as_string()));
  }
  return params;
}

// A job's message params as stored (migration V013): a JSON object, '' when none.
std::string NoteParamsJson(const NoteParams& params) {
  return params.empty() ? std::string() : json::serialize(NoteParamsObject(params));
}

NoteParams NoteParamsFrom(const std::string& text) {
  if (text.empty()) return {};
  json::error_code ec;
  auto value = json::parse(text, ec);
  return ec ? NoteParams{} : NoteParamsFrom(value);
}

// Warnings as stored: a JSON array of {"message", "code", "params"}; older jobs stored plain
// strings, read as messages without a code.
std::string WarningsJson(const std::vector<JobNote>& warnings) {
  json::array array;
  for (const auto& warning : warnings) {
    array.emplace_back(json::object{{"message", warning.message},
                                    {"code", warning.code},
                                    {"params", NoteParamsObject(warning.params)}});
  }
  return json::serialize(array);
}

std::vector<JobNote> WarningsFrom(const std::string& text) {
  std::vector<JobNote> warnings;
  json::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_array()) return warnings;
  for (const auto& item : value.as_array()) {
    if (item.is_string()) {
      warnings.push_back({std::string(item.as_string()), "", {}});
    } else if (const auto* object = item.if_object()) {
      JobNote note;
      if (const auto* message = object->if_contains("message"); message && message->is_string()) {
        note.message = std::string(message->as_string());
      }
      if (const auto* code = object->if_contains("code"); code && code->is_string()) {
        note.code = std::string(code->as_string());
      }
      if (const auto* params = object->if_contains("params")) note.params = NoteParamsFrom(*params);
      warnings.push_back(std::move(note));
    }
  }
  return warnings;
}

// A row error's params as stored: a JSON object of strings in their order, '' when none.
std::string ParamsJson(const std::vector<RowErrorParam>& params) {
  if (params.empty()) return "";
  json::object object;
  for (const auto& param : params) object[param.name] = param.value;
  return json::serialize(object);
}

std::vector<RowErrorParam> ParamsFrom(const std::string& text) {
  std::vector<RowErrorParam> params;
  if (text.empty()) return params;
  json::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_object()) return params;
  for (const auto& [name, item] : value.as_object()) {
    if (item.is_string()) params.push_back({std::string(name), std::string(item.as_string())});
  }
  return params;
}

// The columns of import_errors that make a RowError (its job and id are not part of it).
constexpr Column<RowError> kErrorColumns[] = {
    Member<&RowError::row>("row_number"),
    Member<&RowError::field>("field"),
    Member<&RowError::value>("value"),
    Member<&RowError::message>("message"),
    Member<&RowError::code>("code"),
    {"params", CellKind::kText,
     [](RowError& error, const Cell& cell, std::string_view) {
       error.params = ParamsFrom(cell.text);
     }},
};
constexpr RecordTable<RowError> kErrorTable{kErrorColumns, " FROM import_errors", "import_errors",
                                            "import error"};

// What a job is, who made it and when are written once; an update saves its progress and outcome.
constexpr Column<ImportJob> kJobColumns[] = {
    Member<&ImportJob::id>("id"),
    Field<&ImportJob::kind>("kind").OnInsert(),
    Field<&ImportJob::mode, ParseImportMode>("mode").OnInsert(),
    Field<&ImportJob::dry_run>("dry_run").OnInsert(),
    Field<&ImportJob::status, ParseJobStatus>("status"),
    Field<&ImportJob::file_name>("file_name").OnInsert(),
    Field<&ImportJob::file_path>("file_path").OnInsert(),
    Field<&ImportJob::bytes_total>("bytes_total"),
    Field<&ImportJob::bytes_read>("bytes_read"),
    Field<&ImportJob::rows_read>("rows_read"),
    Field<&ImportJob::rows_inserted>("rows_inserted"),
    Field<&ImportJob::rows_updated>("rows_updated"),
    Field<&ImportJob::rows_failed>("rows_failed"),
    Field<&ImportJob::errors_stored>("errors_stored"),
    // The message is a note when it is not NULL; its code and params complete it.
    {"message", CellKind::kText,
     [](ImportJob& job, const Cell& cell, std::string_view) {
       if (!cell.IsNull()) job.message = JobNote{cell.text, "", {}};
     },
     [](const ImportJob& job, Cell& cell) {
       if (job.message) cell.SetText(job.message->message);
     },
     Written::kAlways},
    {"message_code", CellKind::kText,
     [](ImportJob& job, const Cell& cell, std::string_view) {
       if (job.message) job.message->code = cell.text;
     },
     [](const ImportJob& job, Cell& cell) { cell.SetText(job.message ? job.message->code : ""); },
     Written::kAlways},
    {"message_params", CellKind::kText,
     [](ImportJob& job, const Cell& cell, std::string_view) {
       if (job.message) job.message->params = NoteParamsFrom(cell.text);
     },
     [](const ImportJob& job, Cell& cell) {
       cell.SetText(job.message ? NoteParamsJson(job.message->params) : "");
     },
     Written::kAlways},
    {"warnings", CellKind::kText,
     [](ImportJob& job, const Cell& cell, std::string_view) {
       job.warnings = WarningsFrom(cell.text);
     },
     [](const ImportJob& job, Cell& cell) { cell.SetText(WarningsJson(job.warnings)); },
     Written::kAlways},
    Field<&ImportJob::created_by>("created_by").OnInsert(),
    Field<&ImportJob::created_by_username>("created_by_username").OnInsert(),
    Field<&ImportJob::steward_id>("steward_id").OnInsert(),
    Field<&ImportJob::created_at>("created_at").OnInsert(),
    Field<&ImportJob::started_at>("started_at"),
    Field<&ImportJob::finished_at>("finished_at"),
};
constexpr RecordTable<ImportJob> kJobTable{kJobColumns, " FROM import_jobs", "import_jobs",
                                           "import"};

// An enterprise an import row may match, by its NIB or its match key.
constexpr Column<ExistingEnterprise> kExistingColumns[] = {
    Member<&ExistingEnterprise::id>("id"),
    Member<&ExistingEnterprise::nib>("nib"),
    Member<&ExistingEnterprise::match_key>("match_key"),
    Member<&ExistingEnterprise::owner_id>("owner_id"),
};

// A NIK an import row gives and the person who holds it.
constexpr Column<NikHolder> kNikHolderColumns[] = {
    Member<&NikHolder::nik>("nik"),
    Member<&NikHolder::person_id>("id"),
};

}  // namespace

core::Result<std::int64_t> SqlImportRepository::Insert(const ImportJob& job) {
  return Guard("insert import job", [&]() -> core::Result<std::int64_t> {
    // A new job starts at zero, without a message or times, whatever `job` holds.
    ImportJob fresh = job;
    fresh.bytes_read = fresh.rows_read = fresh.rows_inserted = fresh.rows_updated =
        fresh.rows_failed = fresh.errors_stored = 0;
    fresh.message.reset();
    fresh.started_at.reset();
    fresh.finished_at.reset();
    return InsertRecord<ImportJob>(sql_, "import_jobs", kJobColumns, fresh);
  });
}

core::Status SqlImportRepository::Update(const ImportJob& job) {
  return Guard("save import job", [&]() -> core::Status {
    UpdateRecord<ImportJob>(sql_, "import_jobs", kJobColumns, job);
    return core::OkStatus();
  });
}

core::Result<ImportJob> SqlImportRepository::Find(std::int64_t id) {
  return FindRecord(sql_, kJobTable, id);
}

core::Result<core::Page<ImportJob>> SqlImportRepository::List(std::optional<std::int64_t> created_by,
                                                              const core::PageRequest& page) {
  return Guard("list import jobs", [&]() -> core::Result<core::Page<ImportJob>> {
    Params params;
    std::string where;
    if (created_by) {
      where += " WHERE created_by = ";
      params.Number(where, *created_by);
    }
    return PagedRecords(sql_, page, kJobTable, where, params, "id DESC");
  });
}

core::Result<std::vector<ImportJob>> SqlImportRepository::Unfinished() {
  return Guard("unfinished import jobs", [&]() -> core::Result<std::vector<ImportJob>> {
    return SelectRecords(sql_, kJobTable, " WHERE status IN ('queued', 'running') ORDER BY id",
                         Params());
  });
}

core::Status SqlImportRepository::AddErrors(std::int64_t job_id, const std::vector<RowError>& errors) {
  return Guard("store import errors", [&]() -> core::Status {
    if (errors.empty()) return core::OkStatus();
    long long job = job_id, row = 0;
    std::string field, value, message, code, params;
    soci::statement insert =
        (sql_.prepare << "INSERT INTO import_errors (job_id, row_number, field, value, message, "
                         "code, params) VALUES (:a, :b, :c, :d, :e, :f, :g)",
         soci::use(job), soci::use(row), soci::use(field), soci::use(value), soci::use(message),
         soci::use(code), soci::use(params));
    for (const auto& error : errors) {
      row = error.row;
      field = error.field;
      value = error.value;
      message = error.message;
      code = error.code;
      params = ParamsJson(error.params);
      insert.execute(true);
    }
    return core::OkStatus();
  });
}

core::Result<core::Page<RowError>> SqlImportRepository::ListErrors(std::int64_t job_id,
                                                                  const core::PageRequest& page) {
  return Guard("list import errors", [&]() -> core::Result<core::Page<RowError>> {
    Params params;
    std::string where = " WHERE job_id = ";
    params.Number(where, job_id);
    return PagedRecords(sql_, page, kErrorTable, where, params, "id");
  });
}

core::Status SqlImportRepository::ForEachError(std::int64_t job_id,
                                               const std::function<bool(const RowError&)>& each) {
  return Guard("read import errors", [&]() -> core::Status {
    long long job = job_id;
    RowReader<RowError> row(kErrorColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(job);
    if (query.Run(kErrorTable.Select() + " WHERE job_id = :j ORDER BY id")) {
      do {
        if (!each(row.Get())) break;
      } while (query.Next());
    }
    return core::OkStatus();
  });
}

// ---- bulk writer --------------------------------------------------------------------------

core::Result<std::vector<ExistingEnterprise>> SqlBulkRegistryWriter::FindExisting(
    const std::vector<std::string>& nibs, const std::vector<std::string>& match_keys) {
  return Guard("look up existing enterprises", [&]() -> core::Result<std::vector<ExistingEnterprise>> {
    std::vector<ExistingEnterprise> found;
    // The keys travel as one JSON array (SQLite: json_each) or one text array (PostgreSQL).
    json::array nib_array, key_array;
    for (const auto& nib : nibs) nib_array.emplace_back(nib);
    for (const auto& key : match_keys) key_array.emplace_back(key);
    std::string nib_json = json::serialize(nib_array), key_json = json::serialize(key_array);
    // The enterprises either key matches, each once.
    const std::string select =
        "SELECT " + SelectList<ExistingEnterprise>(kExistingColumns) + " FROM enterprises WHERE ";
    std::string sql;
    if (dialect_ == Dialect::kSqlite) {
      sql = select + "nib IN (SELECT value FROM json_each(:n)) UNION " + select +
            "match_key IN (SELECT value FROM json_each(:k))";
    } else {
      sql = select + "nib IN (SELECT json_array_elements_text(CAST(:n AS json))) UNION " + select +
            "match_key IN (SELECT json_array_elements_text(CAST(:k AS json)))";
    }
    RowReader<ExistingEnterprise> row(kExistingColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(nib_json).Use(key_json);
    query.ForEachRow(sql, [&] { found.push_back(row.Get()); });
    return found;
  });
}

core::Result<std::vector<domain::registry::NikHolder>> SqlBulkRegistryWriter::FindNikHolders(
    const std::vector<std::string>& niks) {
  return Guard("look up NIK holders", [&]() -> core::Result<std::vector<domain::registry::NikHolder>> {
    std::vector<domain::registry::NikHolder> found;
    json::array nik_array;
    for (const auto& nik : niks) nik_array.emplace_back(nik);
    std::string nik_json = json::serialize(nik_array);
    std::string sql =
        "SELECT " + SelectList<NikHolder>(kNikHolderColumns) + " FROM people WHERE nik IN ";
    sql += dialect_ == Dialect::kSqlite ? "(SELECT value FROM json_each(:n))"
                                        : "(SELECT json_array_elements_text(CAST(:n AS json)))";
    RowReader<NikHolder> row(kNikHolderColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(nik_json);
    query.ForEachRow(sql, [&] { found.push_back(row.Get()); });
    return found;
  });
}

core::Result<std::int64_t> SqlBulkRegistryWriter::CountOthers(std::int64_t job_id) {
  return Guard("count enterprises", [&]() -> core::Result<std::int64_t> {
    long long job = job_id, total = 0;
    Query query(sql_);
    query.Into(total).Use(job);
    query.Run("SELECT COUNT(*) FROM enterprises WHERE import_job_id IS NULL OR import_job_id <> :j");
    return static_cast<std::int64_t>(total);
  });
}

// Counts enterprise_tallies from enterprises, as migration V006 first did, but grouped in the
// order of enterprises_area (restored before it) so no sorter holds a million rows: 0.5 s and
// 60 MB at a million rows on SQLite, against 1.8 s and 120 MB grouping by the tallies' key.
constexpr const char* kCountTallies =
    "INSERT INTO enterprise_tallies (regency, sector, scale, status, verified_month, n) "
    "SELECT substr(village_code, 1, 5), sector, scale, status, month, SUM(c) FROM ("
    "SELECT village_code, sector, COALESCE(scale, '') AS scale, status, "
    "COALESCE(substr(verified_at, 1, 7), '') AS month, COUNT(*) AS c FROM enterprises "
    "GROUP BY village_code, status, enterprises.scale, verified_at, sector) a "
    "GROUP BY 1, 2, 3, 4, 5";

// The words of every enterprise, each with the word before it, and the tallies of their
// two-letter prefixes, as the triggers of migrations V012 and V017 add them row by row.
constexpr const char* kFillWords =
    "WITH added AS (INSERT INTO enterprise_words (word, previous_word, village_code, search_name, "
    "enterprise_id) SELECT u.word, u.previous_word, e.village_code, e.search_name, e.id FROM "
    "(SELECT tsvector_to_array(to_tsvector('simple', search_text)) AS words, village_code, "
    "search_name, id FROM enterprises OFFSET 0) e, LATERAL unnest(e.words, "
    "array_prepend(NULL::text, e.words)) AS u (word, previous_word) WHERE u.word IS NOT NULL "
    "RETURNING word, previous_word) INSERT INTO word_prefix_tallies (prefix, n) SELECT "
    "left(word, k), COUNT(*) FROM added, (VALUES (2)) AS l (k) WHERE char_length(word) >= k "
    "AND (previous_word IS NULL OR left(previous_word, k) <> left(word, k)) GROUP BY 1";

core::Status SqlBulkRegistryWriter::Analyze() {
  return Guard("analyze the registry", [&]() -> core::Status {
    if (dialect_ == Dialect::kSqlite) {
      // A sample of about 1,000 rows per index is enough for the planner and keeps a registry
      // of millions from being read whole; the setting is this connection's and only bounds
      // ANALYZE.
      sql_ << "PRAGMA analysis_limit = 1000";
      sql_ << "ANALYZE people";
      sql_ << "ANALYZE enterprises";
      sql_ << "ANALYZE enterprise_tallies";
    } else {
      sql_ << "ANALYZE people, enterprises, enterprise_words, enterprise_tallies";
    }
    return core::OkStatus();
  });
}

core::Result<int> SqlBulkRegistryWriter::SuspendIndexes() {
  return Guard("suspend indexes", [&]() -> core::Result<int> {
    struct Suspended {
      std::string name, type, table, definition;
    };
    std::vector<Suspended> found;
    {
      std::string name, type, table, definition;
      Query query(sql_);
      query.Into(name).Into(type).Into(table).Into(definition);
      // SQLite: the secondary indexes and the triggers that keep the search index in step;
      // PostgreSQL: the secondary indexes, the word table's among them, and (below) the
      // foreign keys.
      const char* sql =
          dialect_ == Dialect::kSqlite
              ? "SELECT name, type, tbl_name, sql FROM sqlite_master WHERE type IN ('index', "
                "'trigger') AND tbl_name IN ('people', 'enterprises') AND sql IS NOT NULL AND "
                "sql NOT LIKE 'CREATE UNIQUE%' ORDER BY type, name"
              : "SELECT indexname, 'index', tablename, indexdef FROM pg_indexes WHERE schemaname = "
                "current_schema() AND tablename IN ('people', 'enterprises', 'enterprise_words') "
                "AND indexdef NOT LIKE 'CREATE UNIQUE%' ORDER BY indexname";
      query.ForEachRow(sql, [&] { found.push_back({name, type, table, definition}); });
    }
    if (dialect_ == Dialect::kPostgresql) {
      // PostgreSQL checks a foreign key per copied row; added back, it checks them in one pass.
      std::string name, table, definition;
      Query query(sql_);
      query.Into(name).Into(table).Into(definition);
      query.ForEachRow(
          "SELECT conname, conrelid::regclass::text, pg_get_constraintdef(oid) FROM "
          "pg_constraint WHERE contype = 'f' AND conrelid IN ('people'::regclass, "
          "'enterprises'::regclass) ORDER BY conname",
          [&] {
            found.push_back(
                {name, "constraint", table,
                 "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + definition});
          });
    }
    if (dialect_ == Dialect::kPostgresql) {
      // The triggers that keep enterprise_tallies and enterprise_words (SQLite's triggers are
      // dropped above).
      std::string name, table;
      Query query(sql_);
      query.Into(name).Into(table);
      query.ForEachRow(
          "SELECT tgname, tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal "
          "AND tgenabled <> 'D' AND tgrelid IN ('people'::regclass, "
          "'enterprises'::regclass) ORDER BY tgname",
          [&] {
            found.push_back({name, "disabled trigger", table,
                             "ALTER TABLE " + table + " ENABLE TRIGGER " + name});
          });
    }
    bool triggers = false;  // whether any trigger was dropped or disabled
    for (auto& item : found) {
      Query insert(sql_);
      insert.Use(item.name).Use(item.table).Use(item.definition);
      insert.Run("INSERT INTO suspended_indexes (name, table_name, definition) VALUES (:n, :t, :d)");
      if (item.type == "constraint") {
        sql_ << "ALTER TABLE " + item.table + " DROP CONSTRAINT " + item.name;
      } else if (item.type == "disabled trigger") {
        sql_ << "ALTER TABLE " + item.table + " DISABLE TRIGGER " + item.name;
      } else {
        sql_ << (item.type == "trigger" ? "DROP TRIGGER " : "DROP INDEX ") + item.name;
      }
      triggers = triggers || item.type == "trigger" || item.type == "disabled trigger";
    }
    auto remember = [&](const std::string& name, const std::string& definition) {
      std::string table = "enterprises";
      Query insert(sql_);
      insert.Use(name).Use(table).Use(definition);
      insert.Run("INSERT INTO suspended_indexes (name, table_name, definition) VALUES (:n, :t, :d)");
    };
    // Rows loaded without the triggers reach the search index (SQLite) or the word table
    // (PostgreSQL) and the tallies in one pass at the end, restored in name order: the words
    // before their index, the tallies last, once the indexes are back.
    if (triggers) {
      if (dialect_ == Dialect::kSqlite) {
        remember("enterprise_search (rebuild)",
                 "INSERT INTO enterprise_search (enterprise_search) VALUES ('rebuild')");
      } else {
        // (DELETE, not TRUNCATE, whose lock would stop searches until the load commits; the
        // registry was empty, so there is next to nothing to delete.)
        remember("enterprise words (0 clear prefixes)", "DELETE FROM word_prefix_tallies");
        remember("enterprise words (1 clear)", "DELETE FROM enterprise_words");
        remember("enterprise words (2 fill)", kFillWords);
      }
      remember("tallies of enterprises (1 clear)", "DELETE FROM enterprise_tallies");
      remember("tallies of enterprises (2 count)", kCountTallies);
      // The equity dashboard's tallies (V031), counted again from scratch by their views.
      remember("tallies of equity (1 clear enterprises)", "DELETE FROM equity_enterprise_tallies");
      remember("tallies of equity (2 clear assistance)", "DELETE FROM equity_assistance_tallies");
      remember("tallies of equity (3 clear served)", "DELETE FROM equity_served_tallies");
      remember("tallies of equity (4 count enterprises)",
               "INSERT INTO equity_enterprise_tallies (dim, value, n) SELECT dim, value, n FROM "
               "equity_enterprise_recount");
      remember("tallies of equity (5 count assistance)",
               "INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total) SELECT dim, "
               "value, month, kind, helix, records, total FROM equity_assistance_recount");
      remember("tallies of equity (6 count served)",
               "INSERT INTO equity_served_tallies (dim, scope, value, recipient, n) SELECT dim, scope, value, "
               "recipient, n FROM equity_served_recount");
      // The ledger's records with their recipients' values (V035), from scratch.
      remember("tallies of equity (7 clear records)", "DELETE FROM equity_records");
      remember("tallies of equity (8 count records)",
               "INSERT INTO equity_records (given_on, id, kind, helix, programme_id, recipient, recipient_id, "
               "village_code, sector, scale, gender, value) SELECT given_on, id, kind, helix, programme_id, recipient, "
               "recipient_id, village_code, sector, scale, gender, value FROM equity_records_recount");
      // Targeting's kept need scores (V033), in the year they were kept in.
      remember("tallies of need scores (1 clear)", "DELETE FROM need_scores");
      remember("tallies of need scores (2 score)",
               "INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount");
    }
    return static_cast<int>(found.size());
  });
}

core::Result<int> SqlBulkRegistryWriter::RestoreIndexes() {
  return Guard("restore indexes", [&]() -> core::Result<int> {
    std::vector<std::pair<std::string, std::string>> suspended;
    {
      std::string name, definition;
      Query query(sql_);
      query.Into(name).Into(definition);
      query.ForEachRow("SELECT name, definition FROM suspended_indexes ORDER BY name",
                       [&] { suspended.emplace_back(name, definition); });
    }
    if (suspended.empty()) return 0;
    if (dialect_ == Dialect::kSqlite) {
      // Sorting a million keys in 32 MB of cache with a helper thread, reading the table
      // through that cache rather than a map of the whole file (which would count as this
      // process's memory).
      sql_ << "PRAGMA threads = 2";
      sql_ << "PRAGMA cache_size = -32768";
      sql_ << "PRAGMA mmap_size = 0";
    } else {
      // Index builds sort in memory instead of in temp files (server memory, this transaction).
      sql_ << "SET LOCAL maintenance_work_mem = '256MB'";
    }
    for (auto& [name, definition] : suspended) {
      // A migration may have re-created an index meanwhile: that newer definition stays.
      std::string statement = definition;
      for (std::string_view kind : {"CREATE INDEX ", "CREATE TRIGGER "}) {
        if (statement.starts_with(kind)) statement.insert(kind.size(), "IF NOT EXISTS ");
      }
      sql_ << statement;
      Query remove(sql_);
      remove.Use(name);
      remove.Run("DELETE FROM suspended_indexes WHERE name = :n");
    }
    // The planner chooses between these indexes by their statistics, which a bulk load has
    // made stale (SQLite samples a few hundred rows per index; PostgreSQL its usual sample).
    if (dialect_ == Dialect::kSqlite) sql_ << "PRAGMA analysis_limit = 400";
    sql_ << "ANALYZE people";
    sql_ << "ANALYZE enterprises";
    if (dialect_ == Dialect::kPostgresql) sql_ << "ANALYZE enterprise_words";
    if (dialect_ == Dialect::kSqlite) {
      sql_ << "PRAGMA cache_size = -2000";  // SQLite's default
      sql_ << "PRAGMA mmap_size = 1073741824";
    }
    return static_cast<int>(suspended.size());
  });
}

core::Status SqlBulkRegistryWriter::InsertMany(std::vector<ImportRecord>& records) {
  if (records.empty()) return core::OkStatus();
  return dialect_ == Dialect::kSqlite ? InsertSqlite(records) : InsertPostgres(records);
}

namespace {

std::optional<std::string> GenderText(const std::optional<Gender>& gender) {
  if (!gender) return std::nullopt;
  return std::string(ToString(*gender));
}

std::optional<std::int64_t> Widen(const std::optional<int>& value) {
  if (!value) return std::nullopt;
  return *value;
}

std::optional<std::string> InstantText(const std::optional<core::Instant>& value) {
  if (!value) return std::nullopt;
  return Text(*value);
}

// The rows of a batch share one creation instant: it is formatted once, not per row.
class StampText {
 public:
  const std::string& operator()(core::Instant instant) {
    if (text_.empty() || instant != last_) {
      last_ = instant;
      text_ = Text(instant);
    }
    return text_;
  }

 private:
  core::Instant last_{};
  std::string text_;
};

}  // namespace

core::Status SqlBulkRegistryWriter::InsertSqlite(std::vector<ImportRecord>& records) {
  sqlite3* db = static_cast<soci::sqlite3_session_backend*>(sql_.get_backend())->conn_;
  // The indexes of a large registry do not fit SQLite's default 2 MB page cache; a bulk load
  // would spend its time re-reading pages. This connection keeps a bigger cache from now on.
  sqlite3_exec(db, "PRAGMA cache_size = -32768", nullptr, nullptr, nullptr);
  SqliteStatement person(db,
                  "INSERT INTO people (name, search_name, gender, birth_year, phone, village_code, "
                  "nik, nik_consent_at, steward_id, created_at, updated_at) VALUES "
                  "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)");
  SqliteStatement enterprise(db,
                      "INSERT INTO enterprises (owner_id, name, search_name, search_text, "
                      "match_key, sector, products, business_centre, village_code, founded_year, "
                      "employees, capital, turnover, nib, status, scale, scale_criterion, "
                      "verified_at, steward_id, import_job_id, created_at, updated_at) VALUES "
                      "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
                      "?17, ?18, ?19, ?20, ?21, ?21)");
  if (!person.ok() || !enterprise.ok()) {
    return core::Error::Internal("prepare bulk insert: " + std::string(sqlite3_errmsg(db)));
  }
  StampText stamp;
  // The texts made for a row, kept until its statements have run.
  std::string person_search, enterprise_search, search_text;
  std::optional<std::string> consent, verified;
  for (auto& record : records) {
    Person& p = record.owner;
    person_search = core::AsciiLower(p.name);
    consent = InstantText(p.nik_consent_at);
    person.Text(1, std::string_view(p.name));
    person.Text(2, std::string_view(person_search));
    if (p.gender) {
      person.Text(3, ToString(*p.gender));
    } else {
      person.Null(3);
    }
    person.Number(4, Widen(p.birth_year));
    person.Text(5, p.phone);
    person.Text(6, p.village_code);
    person.Text(7, p.nik);
    person.Text(8, consent);
    person.Number(9, p.steward_id);
    person.Text(10, std::string_view(stamp(p.created_at)));
    if (person.Step() != SQLITE_DONE) return core::Error::Internal("insert owner: " + person.Error());
    p.id = sqlite3_last_insert_rowid(db);

    Enterprise& e = record.enterprise;
    e.owner_id = p.id;
    e.owner_name = p.name;
    auto scale = e.scale();
    enterprise_search = core::AsciiLower(e.name);
    search_text = SearchText(e.name, p.name, e.nib);
    verified = InstantText(e.verified_at);
    enterprise.Number(1, e.owner_id);
    enterprise.Text(2, std::string_view(e.name));
    enterprise.Text(3, std::string_view(enterprise_search));
    enterprise.Text(4, std::string_view(search_text));
    enterprise.Text(5, std::string_view(record.match_key));
    enterprise.Text(6, ToString(e.sector));
    enterprise.Text(7, e.products);
    enterprise.Text(8, e.business_centre);
    enterprise.Text(9, std::string_view(e.village_code));
    enterprise.Number(10, Widen(e.founded_year));
    enterprise.Number(11, e.employees);
    enterprise.Number(12, e.capital);
    enterprise.Number(13, e.turnover);
    enterprise.Text(14, e.nib);
    enterprise.Text(15, ToString(e.status));
    if (scale) {
      enterprise.Text(16, ToString(scale->scale));
      enterprise.Text(17, ToString(scale->criterion));
    } else {
      enterprise.Null(16);
      enterprise.Null(17);
    }
    enterprise.Text(18, verified);
    enterprise.Number(19, e.steward_id);
    enterprise.Number(20, e.import_job_id);
    enterprise.Text(21, std::string_view(stamp(e.created_at)));
    int rc = enterprise.Step();
    if (rc != SQLITE_DONE) {
      if ((rc & 0xff) == SQLITE_CONSTRAINT &&
          enterprise.Error().find("UNIQUE") != std::string::npos) {
        return core::Error::Exists("nib", "another enterprise already has NIB " + e.nib.value_or(""));
      }
      return core::Error::Internal("insert enterprise: " + enterprise.Error());
    }
    e.id = sqlite3_last_insert_rowid(db);
  }
  return core::OkStatus();
}

core::Status SqlBulkRegistryWriter::InsertPostgres(std::vector<ImportRecord>& records) {
  auto reserve = [&](const char* table, std::vector<std::int64_t>& ids) -> core::Status {
    return Guard("reserve ids", [&]() -> core::Status {
      // The sequence is named once, as a literal: PostgreSQL then resolves it when planning,
      // where a per-row pg_get_serial_sequence made id reservation half the server's load work.
      std::string sequence;
      {
        Query name(sql_);
        name.Into(sequence);
        name.Run(std::string("SELECT pg_get_serial_sequence('") + table + "', 'id')");
      }
      std::string literal = "'";
      for (char c : sequence) literal += c == '\'' ? std::string("''") : std::string(1, c);
      literal += "'";
      long long id = 0, count = static_cast<long long>(records.size());
      Query query(sql_);
      query.Into(id).Use(count);
      query.ForEachRow("SELECT nextval(" + literal + "::regclass) FROM generate_series(1, :n)",
                       [&] { ids.push_back(id); });
      return core::OkStatus();
    });
  };
  std::vector<std::int64_t> person_ids, enterprise_ids;
  GOTONG_RETURN_IF_ERROR(reserve("people", person_ids));
  GOTONG_RETURN_IF_ERROR(reserve("enterprises", enterprise_ids));
  if (person_ids.size() != records.size() || enterprise_ids.size() != records.size()) {
    return core::Error::Internal("could not reserve ids for the batch");
  }
  PGconn* conn = static_cast<soci::postgresql_session_backend*>(sql_.get_backend())->conn_;
  {
    CopyIn copy(conn);
    GOTONG_RETURN_IF_ERROR(copy.Begin(
        "COPY people (id, name, search_name, gender, birth_year, phone, village_code, nik, "
        "nik_consent_at, steward_id, created_at, updated_at) FROM STDIN"));
    StampText stamp;
    for (std::size_t i = 0; i < records.size(); ++i) {
      Person& p = records[i].owner;
      p.id = person_ids[i];
      const std::string& created = stamp(p.created_at);
      copy.Number(p.id);
      copy.Text(std::string_view(p.name));
      copy.Text(std::string_view(core::AsciiLower(p.name)));
      copy.Text(GenderText(p.gender));
      copy.Number(Widen(p.birth_year));
      copy.Text(p.phone);
      copy.Text(p.village_code);
      copy.Text(p.nik);
      copy.Text(InstantText(p.nik_consent_at));
      copy.Number(p.steward_id);
      copy.Text(std::string_view(created));
      copy.Text(std::string_view(created));
      copy.EndRow();
    }
    GOTONG_RETURN_IF_ERROR(copy.Finish());
  }
  CopyIn copy(conn);
  GOTONG_RETURN_IF_ERROR(copy.Begin(
      "COPY enterprises (id, owner_id, name, search_name, search_text, match_key, sector, "
      "products, business_centre, village_code, founded_year, employees, capital, turnover, nib, "
      "status, scale, scale_criterion, verified_at, steward_id, import_job_id, created_at, "
      "updated_at) FROM STDIN"));
  StampText stamp;
  for (std::size_t i = 0; i < records.size(); ++i) {
    ImportRecord& record = records[i];
    Enterprise& e = record.enterprise;
    e.id = enterprise_ids[i];
    e.owner_id = record.owner.id;
    e.owner_name = record.owner.name;
    auto scale = e.scale();
    const std::string& created = stamp(e.created_at);
    copy.Number(e.id);
    copy.Number(e.owner_id);
    copy.Text(std::string_view(e.name));
    copy.Text(std::string_view(core::AsciiLower(e.name)));
    copy.Text(std::string_view(SearchText(e.name, e.owner_name, e.nib)));
    copy.Text(std::string_view(record.match_key));
    copy.Text(ToString(e.sector));
    copy.Text(e.products);
    copy.Text(e.business_centre);
    copy.Text(std::string_view(e.village_code));
    copy.Number(Widen(e.founded_year));
    copy.Number(e.employees);
    copy.Number(e.capital);
    copy.Number(e.turnover);
    copy.Text(e.nib);
    copy.Text(ToString(e.status));
    if (scale) {
      copy.Text(ToString(scale->scale));
      copy.Text(ToString(scale->criterion));
    } else {
      copy.Null();
      copy.Null();
    }
    copy.Text(InstantText(e.verified_at));
    copy.Number(e.steward_id);
    copy.Number(e.import_job_id);
    copy.Text(std::string_view(created));
    copy.Text(std::string_view(created));
    copy.EndRow();
  }
  auto status = copy.Finish();
  if (!status.ok() && status.error().code == core::ErrorCode::kAlreadyExists) {
    return core::Error::Exists("nib", "another enterprise already has an NIB of this batch");
  }
  return status;
}

}  // namespace gotong::storage::internal
