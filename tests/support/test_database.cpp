#include "support/test_database.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>

#include "io/region_dataset.hpp"

namespace gotong::testing {
namespace {

namespace fs = std::filesystem;

std::string RandomSuffix() {
  static std::atomic<unsigned> counter{0};
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return std::to_string(::getpid()) + "_" + std::to_string(counter++) + "_" +
         std::to_string(engine() % 1000000);
}

// Migrates `database` and loads the official regions into it, as `gotong migrate` does.
core::Status MigrateAndLoad(storage::SqlDatabase& database) {
  GOTONG_ASSIGN_OR_RETURN(auto applied, database.Migrate());
  (void)applied;
  GOTONG_ASSIGN_OR_RETURN(auto records, io::ReadRegionDataset(RegionsDir()));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database.Begin(domain::Access::kWrite));
  GOTONG_RETURN_IF_ERROR(unit->Regions().ReplaceAll(records));
  return unit->Commit();
}

core::Result<std::unique_ptr<storage::SqlDatabase>> Open(const std::string& url,
                                                         const TestDatabaseOptions& options) {
  storage::DatabaseOptions database_options;
  database_options.url = url;
  database_options.pool_size = options.pool_size;
  database_options.lease_timeout = options.lease_timeout;
  return storage::OpenDatabase(database_options);
}

TestDatabaseOptions TemplateOptions() {
  TestDatabaseOptions options;
  options.pool_size = 1;
  return options;
}

// ---- SQLite: one migrated, loaded template file per process, copied per test ----

class SqliteTemplate {
 public:
  ~SqliteTemplate() {
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  // The folder for this process's database files, and the template file in it.
  core::Status Prepare(bool with_template) {
    std::lock_guard lock(mutex_);
    if (dir_.empty()) {
      std::string pattern = (fs::temp_directory_path() / "gotong-test-XXXXXX").string();
      if (::mkdtemp(pattern.data()) == nullptr) {
        return core::Error::Unavailable("cannot create a temporary folder for SQLite tests");
      }
      dir_ = pattern;
    }
    if (!with_template) return core::OkStatus();
    if (failure_) return *failure_;
    if (!template_path_.empty()) return core::OkStatus();
    std::string path = dir_ + "/template.db";
    auto status = [&]() -> core::Status {
      GOTONG_ASSIGN_OR_RETURN(auto database, Open("sqlite:" + path, TemplateOptions()));
      return MigrateAndLoad(*database);
      // closing the only connection checkpoints the WAL into the file
    }();
    if (!status.ok()) {
      failure_ = status.error();
      failure_->message = "preparing the SQLite template database: " + failure_->message;
      return *failure_;
    }
    template_path_ = path;
    return core::OkStatus();
  }

  std::string NewPath() { return dir_ + "/t_" + RandomSuffix() + ".db"; }
  const std::string& template_path() const { return template_path_; }

 private:
  std::mutex mutex_;
  std::string dir_;
  std::string template_path_;
  std::optional<core::Error> failure_;
};

SqliteTemplate& Sqlite() {
  static SqliteTemplate instance;
  return instance;
}

// ---- PostgreSQL: one template database per process, CREATE DATABASE ... TEMPLATE per test ----

// The same server and credentials, another database. The URL always carries a query parameter:
// SOCI 4.0.3 rebuilds the connect string from key=value words and turns a bare URI into "URI=",
// so that "postgresql://host/db" asks for the database "db=" (see
// OpenDatabase.PostgresqlUrlWithoutQueryParametersConnects in tests/storage).
std::string WithDatabase(const std::string& url, const std::string& name) {
  auto scheme = url.find("://");
  std::size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
  auto query = url.find('?', authority);
  auto slash = url.find('/', authority);
  std::string base = url.substr(0, std::min(slash, query));
  std::string tail =
      query == std::string::npos ? "?application_name=gotong_tests" : url.substr(query);
  return base + "/" + name + tail;
}

class PostgresServer {
 public:
  ~PostgresServer() {
    if (connection_) {
      if (!template_name_.empty()) (void)Run("DROP DATABASE IF EXISTS " + template_name_ + " WITH (FORCE)");
      PQfinish(connection_);
    }
  }

  core::Status Prepare(bool with_template) {
    std::lock_guard lock(mutex_);
    if (failure_) return *failure_;
    if (!connection_) {
      const char* url = std::getenv("GOTONG_TEST_POSTGRES_URL");
      if (url == nullptr || *url == '\0') {
        return Fail(core::Error::Unavailable(
            "GOTONG_TEST_POSTGRES_URL is not set: the PostgreSQL suites need a server. Run them "
            "through scripts/with-postgres.sh (e.g. `scripts/with-postgres.sh ctest`), or set it "
            "to a maintenance URL such as postgresql://postgres@127.0.0.1:5432/postgres"));
      }
      url_ = url;
      connection_ = PQconnectdb(url);
      if (PQstatus(connection_) != CONNECTION_OK) {
        return Fail(core::Error::Unavailable("cannot connect to GOTONG_TEST_POSTGRES_URL=" + url_ +
                                             ": " + PQerrorMessage(connection_)));
      }
    }
    if (!with_template || !template_name_.empty()) return core::OkStatus();
    std::string name = "gotong_tpl_" + RandomSuffix();
    if (auto status = Run("CREATE DATABASE " + name + " TEMPLATE template0"); !status.ok()) {
      return Fail(status.error());
    }
    template_name_ = name;
    auto loaded = [&]() -> core::Status {
      GOTONG_ASSIGN_OR_RETURN(auto database, Open(WithDatabase(url_, name), TemplateOptions()));
      return MigrateAndLoad(*database);
    }();
    if (!loaded.ok()) {
      core::Error error = loaded.error();
      error.message = "preparing the PostgreSQL template database: " + error.message;
      return Fail(error);
    }
    return core::OkStatus();
  }

  // Creates a database for one test and returns its name.
  core::Result<std::string> CreateDatabase(bool from_template) {
    std::string name = "t_" + RandomSuffix();
    std::lock_guard lock(mutex_);
    // FILE_COPY: with fsync off, copying the files beats WAL-logging every block of the copy.
    GOTONG_RETURN_IF_ERROR(Run("CREATE DATABASE " + name + " TEMPLATE " +
                               (from_template ? template_name_ : std::string("template0")) +
                               " STRATEGY = FILE_COPY"));
    return name;
  }

  void DropDatabase(const std::string& name) {
    std::lock_guard lock(mutex_);
    (void)Run("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  std::string UrlOf(const std::string& name) const { return WithDatabase(url_, name); }


 private:
  core::Status Fail(core::Error error) {
    failure_ = error;
    return error;
  }

  core::Status Run(const std::string& sql) {
    PGresult* result = PQexec(connection_, sql.c_str());
    bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    std::string message = ok ? "" : PQresultErrorMessage(result);
    PQclear(result);
    if (!ok) return core::Error::Unavailable(sql + ": " + message);
    return core::OkStatus();
  }

  std::mutex mutex_;
  std::string url_;
  PGconn* connection_ = nullptr;
  std::string template_name_;
  std::optional<core::Error> failure_;
};

PostgresServer& Postgres() {
  static PostgresServer instance;
  return instance;
}

// A connection of its own to the test's database.
void OpenSession(soci::session& sql, Backend backend, const std::string& url) {
  if (backend == Backend::kSqlite) {
    sql.open(soci::sqlite3, "db=\"" + url.substr(7) + "\" timeout=10");
  } else {
    sql.open(soci::postgresql, url);
  }
}

}  // namespace

core::Result<std::string> PostgresUrlWithoutQuery(const TestDatabase& database) {
  if (database.backend() != Backend::kPostgresql) {
    return core::Error::Invalid("backend", "invalid_value", "not a PostgreSQL test database");
  }
  auto url = database.url();
  return url.substr(0, url.find('?', url.find("://") + 3));
}

std::string BackendName(Backend backend) {
  return backend == Backend::kSqlite ? "sqlite" : "postgresql";
}

std::string BackendLabel(Backend backend) {
  return backend == Backend::kSqlite ? "Sqlite" : "Postgresql";
}

void PrintTo(Backend backend, std::ostream* out) { *out << BackendName(backend); }

std::string SourceDir() { return GOTONG_SOURCE_DIR; }

std::string RegionsDir() {
  const char* dir = std::getenv("GOTONG_REGIONS_DIR");
  if (dir != nullptr && *dir != '\0') return dir;
  return SourceDir() + "/node_modules/idn-area-data/data";
}

core::Result<std::unique_ptr<TestDatabase>> TestDatabase::Create(Backend backend,
                                                                 TestDatabaseOptions options) {
  std::unique_ptr<TestDatabase> test(new TestDatabase());
  test->backend_ = backend;
  if (backend == Backend::kSqlite) {
    GOTONG_RETURN_IF_ERROR(Sqlite().Prepare(options.migrated));
    test->sqlite_path_ = Sqlite().NewPath();
    if (options.migrated) {
      std::error_code ec;
      fs::copy_file(Sqlite().template_path(), test->sqlite_path_, ec);
      if (ec) return core::Error::Unavailable("copying the template database: " + ec.message());
    }
    test->url_ = "sqlite:" + test->sqlite_path_;
  } else {
    GOTONG_RETURN_IF_ERROR(Postgres().Prepare(options.migrated));
    GOTONG_ASSIGN_OR_RETURN(test->postgres_name_, Postgres().CreateDatabase(options.migrated));
    test->url_ = Postgres().UrlOf(test->postgres_name_);
  }
  GOTONG_ASSIGN_OR_RETURN(test->database_, Open(test->url_, options));
  return test;
}

TestDatabase::~TestDatabase() {
  database_.reset();  // close the pool before removing what it points at
  if (!postgres_name_.empty()) Postgres().DropDatabase(postgres_name_);
  if (!sqlite_path_.empty()) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      fs::remove(sqlite_path_ + suffix, ec);
    }
  }
}

core::Result<std::unique_ptr<storage::SqlDatabase>> TestDatabase::OpenAnother(
    const storage::DatabaseOptions& options) const {
  storage::DatabaseOptions copy = options;
  copy.url = url_;
  return storage::OpenDatabase(copy);
}

core::Status TestDatabase::Execute(const std::string& sql_text) const {
  try {
    soci::session sql;
    OpenSession(sql, backend_, url_);
    sql << sql_text;
    return core::OkStatus();
  } catch (const std::exception& error) {
    return core::Error::Internal(sql_text + ": " + error.what());
  }
}

core::Result<std::int64_t> TestDatabase::QueryInt(const std::string& sql_text) const {
  try {
    soci::session sql;
    OpenSession(sql, backend_, url_);
    long long value = 0;
    sql << sql_text, soci::into(value);
    return static_cast<std::int64_t>(value);
  } catch (const std::exception& error) {
    return core::Error::Internal(sql_text + ": " + error.what());
  }
}

std::string NewTempDir(const std::string& prefix) {
  std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create " + pattern);
  return pattern;
}

}  // namespace gotong::testing
