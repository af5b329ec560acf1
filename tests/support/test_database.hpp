#pragma once

// Fresh, migrated databases with the official regions loaded, for either backend.
//
// SQLite: the first database of a process is migrated and loaded into a template file in a
// temporary folder; every test gets a copy of that file. PostgreSQL: the server named by
// GOTONG_TEST_POSTGRES_URL (a maintenance URL, e.g. postgresql://postgres@127.0.0.1:5432/postgres)
// gets one template database per process; every test gets `CREATE DATABASE t_<random> TEMPLATE
// ...`, dropped again when the test ends. Without GOTONG_TEST_POSTGRES_URL the PostgreSQL
// backend fails loudly: scripts/with-postgres.sh always sets it.

#include <chrono>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/sql_database.hpp"

namespace gotong::testing {

enum class Backend { kSqlite, kPostgresql };

// "sqlite" or "postgresql", as Database::Backend() says it.
std::string BackendName(Backend backend);
// "Sqlite" or "Postgresql": the gtest instantiation prefix that ctest filters on.
std::string BackendLabel(Backend backend);
void PrintTo(Backend backend, std::ostream* out);

// GOTONG_REGIONS_DIR, or idn-area-data's data folder under the source tree.
std::string RegionsDir();
// The repository root (where docs/ and node_modules/ live).
std::string SourceDir();

struct TestDatabaseOptions {
  std::size_t pool_size = 4;
  std::chrono::milliseconds lease_timeout{10000};
  // false: an empty database (no tables, nothing migrated), for testing migrations.
  bool migrated = true;
};

class TestDatabase {
 public:
  // Fails (with a message that says what to set) when the backend cannot be prepared.
  static core::Result<std::unique_ptr<TestDatabase>> Create(Backend backend,
                                                            TestDatabaseOptions options = {});
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  storage::SqlDatabase& db() { return *database_; }
  Backend backend() const { return backend_; }
  // The URL OpenDatabase accepts for this test's database.
  const std::string& url() const { return url_; }

  // Another pool onto the same database (e.g. with a pool of one).
  core::Result<std::unique_ptr<storage::SqlDatabase>> OpenAnother(
      const storage::DatabaseOptions& options) const;

  // Raw SQL on a connection of its own, outside every unit of work: for arranging states the
  // repositories cannot produce (a newer schema version) and for counting rows.
  core::Status Execute(const std::string& sql) const;
  core::Result<std::int64_t> QueryInt(const std::string& sql) const;

 private:
  TestDatabase() = default;

  Backend backend_ = Backend::kSqlite;
  std::string url_;
  std::string sqlite_path_;    // the copy, for SQLite
  std::string postgres_name_;  // the database to drop, for PostgreSQL
  std::unique_ptr<storage::SqlDatabase> database_;
};

// A PostgreSQL test database's URL without the query parameter the support code adds for SOCI.
core::Result<std::string> PostgresUrlWithoutQuery(const TestDatabase& database);

}  // namespace gotong::testing
