#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <future>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/sql_database.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;

// ---- units of work ----

class UnitOfWorkTest : public StorageTest {};
GOTONG_INSTANTIATE_FOR_BACKENDS(UnitOfWorkTest);

TEST_P(UnitOfWorkTest, BackendNamesItself) {
  EXPECT_EQ(db().Backend(), testing::BackendName(GetParam()));
  EXPECT_OK(db().Ping());
}

TEST_P(UnitOfWorkTest, UnitDestroyedWithoutCommitLeavesNothingBehind) {
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(std::int64_t id, unit->Users().Insert(SampleUser("ghost")));
    domain::audit::Entry entry;
    entry.actor_username = "system";
    entry.entity = "user";
    entry.entity_id = std::to_string(id);
    entry.action = "create";
    ASSERT_OK(unit->Audit().Append(entry));
    ASSERT_OK(unit->Users().FindByUsername("ghost"));  // visible inside its own unit
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Users().FindByUsername("ghost"), ErrorCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(auto audit, unit->Audit().List({}, {}));
  EXPECT_EQ(audit.total, 0);
}

TEST_P(UnitOfWorkTest, CommittedWorkIsKept) {
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Users().Insert(SampleUser("kept")));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_OK(unit->Users().FindByUsername("kept"));
}

TEST_P(UnitOfWorkTest, CommitTwiceIsAnError) {
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  ASSERT_OK(unit->Commit());
  EXPECT_ERROR_CODE(unit->Commit(), ErrorCode::kInternal);
}

TEST_P(UnitOfWorkTest, UncommittedWritesAreInvisibleToOtherUnits) {
  auto writer = Begin(Access::kWrite);
  ASSERT_TRUE(writer);
  ASSERT_OK(writer->Users().Insert(SampleUser("pending")));
  {
    auto reader = Begin(Access::kRead);
    ASSERT_TRUE(reader);
    EXPECT_ERROR_CODE(reader->Users().FindByUsername("pending"), ErrorCode::kNotFound);
  }
  ASSERT_OK(writer->Commit());
  auto reader = Begin(Access::kRead);
  ASSERT_TRUE(reader);
  EXPECT_OK(reader->Users().FindByUsername("pending"));
}

TEST_P(UnitOfWorkTest, FailedStatementDoesNotLeakIntoTheNextUnit) {
  ASSERT_GT(InsertUser(SampleUser("siti")), 0);
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    EXPECT_ERROR_CODE(unit->Users().Insert(SampleUser("siti")), ErrorCode::kAlreadyExists);
  }
  // The connection goes back to the pool; the next unit on it works normally.
  for (int i = 0; i < 6; ++i) {
    EXPECT_GT(InsertUser(SampleUser("user" + std::to_string(i))), 0);
  }
}

TEST_P(UnitOfWorkTest, ExhaustedPoolIsUnavailableAfterTheLeaseTimeout) {
  storage::DatabaseOptions options;
  options.pool_size = 1;
  options.lease_timeout = std::chrono::milliseconds{200};
  ASSERT_OK_AND_ASSIGN(auto small, test_database().OpenAnother(options));
  ASSERT_OK_AND_ASSIGN(auto held, small->Begin(Access::kRead));
  auto started = std::chrono::steady_clock::now();
  EXPECT_ERROR_CODE(small->Begin(Access::kRead), ErrorCode::kUnavailable);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds{150});
  held.reset();
  EXPECT_OK(small->Begin(Access::kRead));
}

TEST_P(UnitOfWorkTest, WritersThatCrossAreToldToTryAgainNeverAnInternalError) {
  User a = SampleUser("crossing_a"), b = SampleUser("crossing_b");
  a.id = InsertUser(a);
  b.id = InsertUser(b);
  ASSERT_GT(a.id, 0);
  ASSERT_GT(b.id, 0);
  // First updates A, then B; the other unit B, then A. PostgreSQL finds the deadlock and
  // ends one of them; SQLite lets the second writer begin only once the first has committed.
  auto first = Begin(Access::kWrite);
  ASSERT_TRUE(first);
  ASSERT_OK(first->Users().Update(a));
  std::promise<void> b_locked;
  std::future<void> b_locked_future = b_locked.get_future();
  core::Status second_result = core::OkStatus();
  std::thread second_writer([&] {
    auto second = db().Begin(Access::kWrite);
    if (!second.ok()) {
      second_result = std::move(second).error();
      b_locked.set_value();
      return;
    }
    second_result = (*second)->Users().Update(b);
    b_locked.set_value();
    if (second_result.ok()) second_result = (*second)->Users().Update(a);
    if (second_result.ok()) second_result = (*second)->Commit();
  });
  (void)b_locked_future.wait_for(std::chrono::milliseconds{300});  // SQLite: still waiting to begin
  core::Status first_result = first->Users().Update(b);
  if (first_result.ok()) first_result = first->Commit();
  first.reset();
  second_writer.join();

  int told_to_retry = 0;
  for (const core::Status* result : {&first_result, &second_result}) {
    if (result->ok()) continue;
    EXPECT_EQ(result->error().code, ErrorCode::kUnavailable) << result->error().message;
    EXPECT_NE(result->error().message.find("try again"), std::string::npos) << result->error().message;
    ++told_to_retry;
  }
  EXPECT_EQ(told_to_retry, GetParam() == testing::Backend::kPostgresql ? 1 : 0);
}

// ---- migrations ----

class Migrations : public testing::DatabaseTest {};
GOTONG_INSTANTIATE_FOR_BACKENDS(Migrations);

TEST_P(Migrations, FirstRunAppliesEverythingAndSecondRunNothing) {
  testing::TestDatabaseOptions options;
  options.migrated = false;
  ASSERT_OK_AND_ASSIGN(auto empty, testing::TestDatabase::Create(GetParam(), options));
  ASSERT_OK_AND_ASSIGN(auto first, empty->db().Migrate());
  ASSERT_FALSE(first.empty());
  EXPECT_EQ(first.front().version, 1);
  EXPECT_EQ(first.front().name, "foundation");
  for (std::size_t i = 1; i < first.size(); ++i) EXPECT_LT(first[i - 1].version, first[i].version);
  ASSERT_OK_AND_ASSIGN(auto second, empty->db().Migrate());
  EXPECT_TRUE(second.empty());
  ASSERT_OK_AND_ASSIGN(std::int64_t recorded,
                       empty->QueryInt("SELECT COUNT(*) FROM schema_migrations"));
  EXPECT_EQ(recorded, static_cast<std::int64_t>(first.size()));
  // The schema works: a unit can use every repository.
  auto unit = empty->db().Begin(Access::kRead);
  ASSERT_OK(unit);
  ASSERT_OK_AND_ASSIGN(std::int64_t regions, (*unit)->Regions().Count());
  EXPECT_EQ(regions, 0);
}

TEST_P(Migrations, MigratedTestDatabaseHasNothingLeftToApply) {
  ASSERT_OK_AND_ASSIGN(auto applied, db().Migrate());
  EXPECT_TRUE(applied.empty());
}

// V014 makes a NIK unique. A registry kept before it may hold a NIK twice: the migration must
// still run (a city office's server starts through it), keep every record, and say what it did.
TEST_P(Migrations, NikUniqueKeepsTheFirstHolderAndClearsAndAuditsTheLaterOnes) {
  // The database as it was before V014, holding the same NIK three times.
  ASSERT_OK(test_database().Execute("DROP INDEX people_nik"));
  ASSERT_OK(test_database().Execute("DELETE FROM schema_migrations WHERE version = 14"));
  const char* kPeople[][2] = {{"101", "'3507012345670001'"}, {"102", "'3507012345670001'"},
                              {"103", "'3507012345670002'"}, {"104", "'3507012345670001'"},
                              {"105", "NULL"}};
  for (const auto& [id, nik] : kPeople) {
    std::string consent = std::string(nik) == "NULL" ? "NULL" : "'2025-01-01T00:00:00Z'";
    ASSERT_OK(test_database().Execute(
        std::string("INSERT INTO people (id, name, search_name, nik, nik_consent_at, created_at, "
                    "updated_at) VALUES (") +
        id + ", 'P" + id + "', 'p" + id + "', " + nik + ", " + consent +
        ", '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')"));
  }
  ASSERT_OK_AND_ASSIGN(auto applied, db().Migrate());
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_EQ(applied[0].version, 14);
  EXPECT_EQ(applied[0].name, "nik_unique");
  auto count = [&](const std::string& sql) {
    auto result = test_database().QueryInt(sql);
    EXPECT_TRUE(result.ok()) << sql << ": " << (result.ok() ? "" : result.error().message);
    return result.ok() ? *result : -1;
  };
  // The first registered keeps it; the later ones keep their records without it.
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), 5);
  EXPECT_EQ(count("SELECT id FROM people WHERE nik = '3507012345670001'"), 101);
  EXPECT_EQ(count("SELECT id FROM people WHERE nik = '3507012345670002'"), 103);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE id IN (102, 104) AND nik IS NULL AND "
                  "nik_consent_at IS NULL AND updated_at <> '2025-01-01T00:00:00Z'"),
            2);
  // Each clearing is in the audit log under the person, the NIK masked, naming who kept it.
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'nik_cleared_duplicate'"), 2);
  for (const char* id : {"102", "104"}) {
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM audit_log WHERE entity = 'person' AND "
                                "entity_id = '") +
                    id +
                    "' AND action = 'nik_cleared_duplicate' AND actor_username = 'system' AND "
                    "before_json = '{\"nik\":\"3507********0001\"}' AND "
                    "after_json = '{\"nik\":null,\"duplicate_of\":101}' AND "
                    "request_id = 'migration-V014' AND at LIKE '20__-__-__T__:__:__Z'"),
              1)
        << id;
  }
  // From now on the database itself refuses a second holder.
  EXPECT_FALSE(test_database()
                   .Execute("UPDATE people SET nik = '3507012345670002', nik_consent_at = "
                            "'2025-01-01T00:00:00Z' WHERE id = 105")
                   .ok());
  ASSERT_OK(test_database().Execute(
      "UPDATE people SET nik = '3507012345670003', nik_consent_at = '2025-01-01T00:00:00Z' "
      "WHERE id = 105"));
}

TEST_P(Migrations, RefusesADatabaseMigratedByANewerVersion) {
  ASSERT_OK(test_database().Execute(
      "INSERT INTO schema_migrations (version, name, checksum, applied_at) "
      "VALUES (999, 'from_the_future', 'x', '2030-01-01T00:00:00Z')"));
  auto result = db().Migrate();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(result.error().type, "schema-too-new");
  EXPECT_NE(result.error().message.find("999"), std::string::npos);
}

TEST_P(Migrations, RefusesAnAppliedMigrationThatWasEdited) {
  ASSERT_OK(test_database().Execute("UPDATE schema_migrations SET checksum = 'edited' "
                                    "WHERE version = 1"));
  auto result = db().Migrate();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(result.error().type, "migration-edited");
}

TEST(LoadMigrations, ParsesNamesAndSplitsStatementsPerDialect) {
  std::vector<storage::MigrationSource> sources = {
      {"V002__second.sql", "-- comment only\nCREATE TABLE b (id @ID@);\n"},
      {"V001__first.sql", "CREATE TABLE a (\n  id @ID@\n);\n\nCREATE INDEX a_id ON a (id);\n"}};
  ASSERT_OK_AND_ASSIGN(auto sqlite, storage::LoadMigrations(sources, storage::Dialect::kSqlite));
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_EQ(sqlite[0].version, 1);
  EXPECT_EQ(sqlite[0].name, "first");
  EXPECT_EQ(sqlite[0].statements.size(), 2u);
  EXPECT_NE(sqlite[0].statements[0].find("INTEGER PRIMARY KEY AUTOINCREMENT"), std::string::npos);
  EXPECT_EQ(sqlite[1].statements.size(), 1u);
  ASSERT_OK_AND_ASSIGN(auto pg, storage::LoadMigrations(sources, storage::Dialect::kPostgresql));
  EXPECT_NE(pg[0].statements[0].find("GENERATED BY DEFAULT AS IDENTITY"), std::string::npos);
  EXPECT_EQ(pg[0].checksum, sqlite[0].checksum) << "the checksum is of the file as written";
}

TEST(LoadMigrations, ABackendLoadsOnlyItsOwnVersionOfAStep) {
  std::vector<storage::MigrationSource> sources = {
      {"V001__first.sql", "CREATE TABLE a (id @ID@);\n"},
      {"V002__search.sqlite.sql", "CREATE VIRTUAL TABLE s USING fts5(t);\n"},
      {"V002__search.postgresql.sql", "CREATE INDEX s ON a USING gin (t);\n"}};
  ASSERT_OK_AND_ASSIGN(auto sqlite, storage::LoadMigrations(sources, storage::Dialect::kSqlite));
  ASSERT_EQ(sqlite.size(), 2u);
  EXPECT_EQ(sqlite[1].version, 2);
  EXPECT_EQ(sqlite[1].name, "search");
  EXPECT_EQ(sqlite[1].statements, (std::vector<std::string>{"CREATE VIRTUAL TABLE s USING fts5(t)"}));
  ASSERT_OK_AND_ASSIGN(auto pg, storage::LoadMigrations(sources, storage::Dialect::kPostgresql));
  ASSERT_EQ(pg.size(), 2u);
  EXPECT_EQ(pg[1].name, "search");
  EXPECT_EQ(pg[1].statements, (std::vector<std::string>{"CREATE INDEX s ON a USING gin (t)"}));
}

TEST(LoadMigrations, ATriggerBodyStaysOneStatement) {
  std::vector<storage::MigrationSource> sources = {
      {"V001__t.sql",
       "CREATE TABLE a (id @ID@, t TEXT);\n"
       "CREATE TRIGGER a_t AFTER INSERT ON a BEGIN\n"
       "  UPDATE a SET t = lower(t) WHERE id = new.id;\n"
       "  -- a comment inside\n"
       "  UPDATE a SET t = trim(t) WHERE id = new.id;\n"
       "END;\n"
       "CREATE INDEX a_t ON a (t);\n"}};
  ASSERT_OK_AND_ASSIGN(auto sqlite, storage::LoadMigrations(sources, storage::Dialect::kSqlite));
  ASSERT_EQ(sqlite[0].statements.size(), 3u);
  EXPECT_EQ(sqlite[0].statements[1],
            "CREATE TRIGGER a_t AFTER INSERT ON a BEGIN\n"
            "  UPDATE a SET t = lower(t) WHERE id = new.id;\n"
            "  UPDATE a SET t = trim(t) WHERE id = new.id;\n"
            "END;\n");
  EXPECT_EQ(sqlite[0].statements[2], "CREATE INDEX a_t ON a (t)");
}

TEST(LoadMigrations, ADollarQuotedFunctionBodyStaysOneStatement) {
  std::vector<storage::MigrationSource> sources = {
      {"V001__t.postgresql.sql",
       "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
       "BEGIN\n"
       "  UPDATE a SET t = lower(t);\n"
       "  RETURN NULL;\n"
       "END\n"
       "$$;\n"
       "CREATE TABLE b (s TEXT);\n"}};
  ASSERT_OK_AND_ASSIGN(auto pg, storage::LoadMigrations(sources, storage::Dialect::kPostgresql));
  ASSERT_EQ(pg[0].statements.size(), 2u);
  EXPECT_EQ(pg[0].statements[0],
            "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            "BEGIN\n"
            "  UPDATE a SET t = lower(t);\n"
            "  RETURN NULL;\n"
            "END\n"
            "$$");
  EXPECT_EQ(pg[0].statements[1], "CREATE TABLE b (s TEXT)");
}

TEST(LoadMigrations, RejectsBadNamesAndDuplicateVersions) {
  EXPECT_FALSE(storage::LoadMigrations({{"001_first.sql", ""}}, storage::Dialect::kSqlite).ok());
  EXPECT_FALSE(storage::LoadMigrations({{"V1_first.sql", ""}}, storage::Dialect::kSqlite).ok());
  EXPECT_FALSE(storage::LoadMigrations({{"Vx__first.sql", ""}}, storage::Dialect::kSqlite).ok());
  EXPECT_FALSE(storage::LoadMigrations({{"V001__first.txt", ""}}, storage::Dialect::kSqlite).ok());
  EXPECT_FALSE(storage::LoadMigrations({{"V001__a.sql", ""}, {"V1__b.sql", ""}},
                                       storage::Dialect::kSqlite)
                   .ok());
  EXPECT_FALSE(storage::EmbeddedMigrations().empty());
}

// ---- opening ----

std::string OpenFails(const std::string& url, ErrorCode* code, std::string* field) {
  storage::DatabaseOptions options;
  options.url = url;
  options.pool_size = 1;
  auto result = storage::OpenDatabase(options);
  if (result.ok()) return "opened";
  *code = result.error().code;
  *field = result.error().fields.empty() ? "" : result.error().fields[0].field;
  return result.error().message;
}

TEST(OpenDatabase, MalformedUrlIsInvalidArgumentOnDatabase) {
  for (const char* url : {"", "gotong.db", "mysql://localhost/gotong", "sqlite:",
                          "sqlite:bad\"name.db", "SQLITE:x.db", "http://127.0.0.1/"}) {
    ErrorCode code = ErrorCode::kInternal;
    std::string field;
    std::string message = OpenFails(url, &code, &field);
    EXPECT_EQ(code, ErrorCode::kInvalidArgument) << url << ": " << message;
    EXPECT_EQ(field, "database") << url;
  }
}

TEST(OpenDatabase, EmptyPoolIsInvalid) {
  storage::DatabaseOptions options;
  options.url = "sqlite::memory:";
  options.pool_size = 0;
  auto result = storage::OpenDatabase(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(result.error().fields.at(0).field, "database");
}

TEST(OpenDatabase, SqliteCreatesTheFolderOfItsFile) {
  std::string pattern = (std::filesystem::temp_directory_path() / "gotong-open-XXXXXX").string();
  ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
  std::string path = pattern + "/nested/deeper/gotong.db";
  storage::DatabaseOptions options;
  options.url = "sqlite:" + path;
  options.pool_size = 1;
  {
    auto database = storage::OpenDatabase(options);
    ASSERT_OK(database);
    EXPECT_OK((*database)->Ping());
    EXPECT_EQ((*database)->Backend(), "sqlite");
  }
  EXPECT_TRUE(std::filesystem::exists(path));
  std::filesystem::remove_all(pattern);
}

// A port on 127.0.0.1 that nothing listens on (bound, then released).
// A port the kernel just gave out and took back: nothing listens on it. 0 (and a failure) when
// the kernel gives none.
int ClosedPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    ADD_FAILURE() << "socket: " << std::strerror(errno);
    return 0;
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ADD_FAILURE() << "no port to close: " << std::strerror(errno);
    ::close(fd);
    return 0;
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

TEST(OpenDatabase, PostgresqlOnAClosedPortIsUnavailable) {
  ErrorCode code = ErrorCode::kInternal;
  std::string field;
  std::string url = "postgresql://postgres@127.0.0.1:" + std::to_string(ClosedPort()) +
                    "/gotong?connect_timeout=5";
  std::string message = OpenFails(url, &code, &field);
  EXPECT_NE(message, "opened");
  EXPECT_EQ(code, ErrorCode::kUnavailable) << message;
}

// URLs as an operator writes them (GOTONG_DATABASE=postgresql://user@host:port/gotong).
class PostgresqlUrls : public testing::DatabaseTest {};
INSTANTIATE_TEST_SUITE_P(Postgresql, PostgresqlUrls,
                         ::testing::Values(testing::Backend::kPostgresql),
                         testing::BackendParamName);

TEST_P(PostgresqlUrls, UrlWithoutQueryParametersConnects) {
  ASSERT_OK_AND_ASSIGN(std::string url, testing::PostgresUrlWithoutQuery(test_database()));
  storage::DatabaseOptions options;
  options.url = url;
  options.pool_size = 1;
  auto database = storage::OpenDatabase(options);
  ASSERT_TRUE(database.ok()) << url << ": " << database.error().message;
  EXPECT_OK((*database)->Ping());
}

TEST_P(PostgresqlUrls, UrlWithQueryParametersConnects) {
  storage::DatabaseOptions options;
  options.url = test_database().url();
  options.pool_size = 1;
  ASSERT_NE(options.url.find('?'), std::string::npos);
  auto database = storage::OpenDatabase(options);
  ASSERT_TRUE(database.ok()) << options.url << ": " << database.error().message;
  EXPECT_OK((*database)->Ping());
}

// Area filters match codes as ranges ("35.79." <= code < "35.79/"): on a database whose collation
// skips punctuation (ICU's "shifted" here; many operating-system locales do the same) they would
// silently find nothing, so such a database is refused with what to do instead.
TEST_P(PostgresqlUrls, ADatabaseThatComparesTextSkippingPunctuationIsRefusedSayingHowToCreateIt) {
  const std::string name = "t_shifted_" + std::to_string(::getpid());
  ASSERT_OK(test_database().Execute("CREATE DATABASE " + name +
                                    " LOCALE_PROVIDER icu ICU_LOCALE 'und-u-ka-shifted' "
                                    "LOCALE 'C' TEMPLATE template0"));
  std::string url = test_database().url();
  const auto query = url.find('?');
  const auto slash = url.rfind('/', query);
  url.replace(slash + 1, query - slash - 1, name);

  ErrorCode code = ErrorCode::kInternal;
  std::string field;
  std::string message = OpenFails(url, &code, &field);
  EXPECT_OK(test_database().Execute("DROP DATABASE " + name + " WITH (FORCE)"));
  EXPECT_EQ(code, ErrorCode::kInvalidArgument) << message;
  EXPECT_EQ(field, "database");
  EXPECT_NE(message.find("skips punctuation"), std::string::npos) << message;
  EXPECT_NE(message.find("--locale=C.UTF-8"), std::string::npos) << message;
}

}  // namespace
}  // namespace gotong::storage_tests
