#include "storage/sql_database.hpp"

#include <soci/connection-pool.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "domain/mentoring/help_request.hpp"
#include "storage/migrations.hpp"
#include "storage/sql_assistance.hpp"
#include "storage/sql_dashboards.hpp"
#include "storage/sql_exits.hpp"
#include "storage/sql_groups.hpp"
#include "storage/sql_help_requests.hpp"
#include "storage/sql_internal.hpp"
#include "storage/sql_mentoring.hpp"
#include "storage/sql_programmes.hpp"
#include "storage/sql_registry.hpp"
#include "storage/sql_repositories.hpp"
#include "storage/sql_targeting.hpp"

namespace gotong::storage {
namespace internal {

bool IsUniqueViolation(const soci::soci_error& error) {
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    return pg->sqlstate() == "23505";
  }
  std::string message = error.what();
  return message.find("UNIQUE constraint failed") != std::string::npos;
}

core::Error MapError(const std::string& what, const soci::soci_error& error) {
  if (error.get_error_category() == soci::soci_error::connection_error) {
    return core::Error::Unavailable(what + ": the database cannot be reached: " +
                                    error.get_error_message());
  }
  if (auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&error)) {
    if (pg->sqlstate().rfind("08", 0) == 0 || pg->sqlstate().rfind("57P", 0) == 0) {
      return core::Error::Unavailable(what + ": the database cannot be reached: " +
                                      error.get_error_message());
    }
    // A deadlock (40P01) or a serialization failure (40001) ended this transaction so that
    // another could finish: nothing was written, and the same request will succeed again.
    if (pg->sqlstate() == "40P01" || pg->sqlstate() == "40001") {
      return core::Error::Unavailable(what + ": another change to the same records came at the "
                                      "same moment; nothing was saved, try again");
    }
  }
  std::string message = error.what();
  if (message.find("database is locked") != std::string::npos) {
    return core::Error::Unavailable(what + ": the database is busy; try again");
  }
  // The database's own words (its SQL, the bound values) stay in the message for the log; the
  // type lets api/ and the import jobs say plainly that the database refused.
  core::Error refused = core::Error::Internal(what + ": " + message);
  refused.type = "database";
  return refused;
}

core::Instant InstantFrom(const std::string& text) {
  return Stored("timestamp", text, core::ParseInstant);
}

}  // namespace internal

namespace {

using internal::Guard;
using internal::Query;

class SqlUnit final : public domain::UnitOfWork {
 public:
  SqlUnit(soci::connection_pool& pool, std::size_t position, Dialect dialect)
      : pool_(pool),
        position_(position),
        sql_(pool.at(position)),
        users_(sql_),
        sessions_(sql_),
        api_tokens_(sql_),
        regions_(sql_, dialect),
        stakeholders_(sql_),
        people_(sql_),
        enterprises_(sql_),
        bulk_(sql_, dialect),
        imports_(sql_),
        groups_(sql_),
        meetings_(sql_),
        deliberations_(sql_),
        treasury_(sql_),
        cooperation_(sql_),
        competencies_(sql_),
        mentorships_(sql_),
        cycles_(sql_),
        surveys_(sql_),
        help_requests_(sql_),
        matching_runs_(sql_),
        programmes_(sql_),
        enrolments_(sql_),
        assistance_(sql_),
        targeting_(sql_),
        households_(sql_),
        exits_(sql_),
        dashboards_(sql_),
        idempotency_(sql_),
        audit_(sql_) {}

  ~SqlUnit() override {
    if (open_) {
      try {
        sql_ << "ROLLBACK";
      } catch (...) {
        // A broken connection has rolled back already; the pool reconnects it next time.
      }
    }
    pool_.give_back(position_);
  }

  core::Status Start(Dialect dialect, domain::Access access) {
    const char* begin = "BEGIN";
    if (dialect == Dialect::kSqlite && access == domain::Access::kWrite) begin = "BEGIN IMMEDIATE";
    if (dialect == Dialect::kPostgresql && access == domain::Access::kRead) {
      begin = "BEGIN READ ONLY";
    }
    auto status = Guard("begin transaction", [&]() -> core::Status {
      try {
        sql_ << begin;
      } catch (const soci::soci_error& error) {
        if (dialect != Dialect::kPostgresql) throw;
        // The server may have restarted since this connection was opened: reconnect once.
        sql_.reconnect();
        sql_ << begin;
      }
      return core::OkStatus();
    });
    open_ = status.ok();
    return status;
  }

  domain::accounts::UserRepository& Users() override { return users_; }
  domain::accounts::SessionRepository& Sessions() override { return sessions_; }
  domain::accounts::ApiTokenRepository& ApiTokens() override { return api_tokens_; }
  domain::regions::RegionRepository& Regions() override { return regions_; }
  domain::registry::StakeholderRepository& Stakeholders() override { return stakeholders_; }
  domain::registry::PersonRepository& People() override { return people_; }
  domain::registry::EnterpriseRepository& Enterprises() override { return enterprises_; }
  domain::registry::BulkRegistryWriter& Bulk() override { return bulk_; }
  domain::registry::ImportRepository& Imports() override { return imports_; }
  domain::groups::GroupRepository& Groups() override { return groups_; }
  domain::groups::MeetingRepository& Meetings() override { return meetings_; }
  domain::groups::DeliberationRepository& Deliberations() override { return deliberations_; }
  domain::groups::TreasuryRepository& Treasury() override { return treasury_; }
  domain::groups::CooperationRepository& Cooperation() override { return cooperation_; }
  domain::mentoring::CompetencyRepository& Competencies() override { return competencies_; }
  domain::mentoring::MentorshipRepository& Mentorships() override { return mentorships_; }
  domain::mentoring::CycleRepository& Cycles() override { return cycles_; }
  domain::mentoring::SurveyRepository& Surveys() override { return surveys_; }
  domain::mentoring::HelpRequestRepository& HelpRequests() override { return help_requests_; }
  domain::mentoring::MatchingRunRepository& MatchingRuns() override { return matching_runs_; }
  domain::programmes::ProgrammeRepository& Programmes() override { return programmes_; }
  domain::programmes::EnrolmentRepository& Enrolments() override { return enrolments_; }
  domain::programmes::AssistanceRepository& Assistance() override { return assistance_; }
  domain::programmes::TargetingRepository& Targeting() override { return targeting_; }
  domain::registry::HouseholdRepository& Households() override { return households_; }
  domain::programmes::ExitRepository& Exits() override { return exits_; }
  domain::programmes::DashboardRepository& Dashboards() override { return dashboards_; }
  domain::idempotency::IdempotencyRepository& Idempotency() override { return idempotency_; }
  domain::audit::AuditLog& Audit() override { return audit_; }

  core::Status Commit() override {
    if (!open_) return core::Error::Internal("commit on a closed transaction");
    auto status = Guard("commit", [&]() -> core::Status {
      sql_ << "COMMIT";
      return core::OkStatus();
    });
    open_ = false;
    return status;
  }

  soci::session& sql() { return sql_; }

 private:
  soci::connection_pool& pool_;
  std::size_t position_;
  soci::session& sql_;
  bool open_ = false;
  internal::SqlUserRepository users_;
  internal::SqlSessionRepository sessions_;
  internal::SqlApiTokenRepository api_tokens_;
  internal::SqlRegionRepository regions_;
  internal::SqlStakeholderRepository stakeholders_;
  internal::SqlPersonRepository people_;
  internal::SqlEnterpriseRepository enterprises_;
  internal::SqlBulkRegistryWriter bulk_;
  internal::SqlImportRepository imports_;
  internal::SqlGroupRepository groups_;
  internal::SqlMeetingRepository meetings_;
  internal::SqlDeliberationRepository deliberations_;
  internal::SqlTreasuryRepository treasury_;
  internal::SqlCooperationRepository cooperation_;
  internal::SqlCompetencyRepository competencies_;
  internal::SqlMentorshipRepository mentorships_;
  internal::SqlCycleRepository cycles_;
  internal::SqlSurveyRepository surveys_;
  internal::SqlHelpRequestRepository help_requests_;
  internal::SqlMatchingRunRepository matching_runs_;
  internal::SqlProgrammeRepository programmes_;
  internal::SqlEnrolmentRepository enrolments_;
  internal::SqlAssistanceRepository assistance_;
  internal::SqlTargetingRepository targeting_;
  internal::SqlHouseholdRepository households_;
  internal::SqlExitRepository exits_;
  internal::SqlDashboardRepository dashboards_;
  internal::SqlIdempotencyRepository idempotency_;
  internal::SqlAuditLog audit_;
};

class SociDatabase final : public SqlDatabase {
 public:
  SociDatabase(const DatabaseOptions& options, Dialect dialect)
      : options_(options), dialect_(dialect), pool_(options.pool_size) {}

  core::Status Connect(const std::string& target) {
    return Guard("connect", [&]() -> core::Status {
      for (std::size_t i = 0; i < options_.pool_size; ++i) {
        soci::session& sql = pool_.at(i);
        if (dialect_ == Dialect::kSqlite) {
          sql.open(soci::sqlite3, "db=\"" + target + "\" timeout=10");
          sql << "PRAGMA journal_mode = WAL";
          sql << "PRAGMA synchronous = NORMAL";
          sql << "PRAGMA foreign_keys = ON";
          sql << "PRAGMA busy_timeout = 10000";
          // Reads map the file instead of copying pages through a small per-connection cache:
          // a registry of a million enterprises is ~600 MB, shared by every connection.
          sql << "PRAGMA mmap_size = 1073741824";
        } else {
          try {
            sql.open(soci::postgresql, target);
          } catch (const soci::soci_error& error) {
            // Whatever libpq says (refused, unknown host, bad password), the database is out of reach.
            return core::Error::Unavailable("cannot connect to PostgreSQL: " +
                                            error.get_error_message());
          }
          sql << "SET client_min_messages TO WARNING";
        }
      }
      return dialect_ == Dialect::kPostgresql ? CheckTextOrder(pool_.at(0)) : core::OkStatus();
    });
  }

  // An area is matched as a range of codes ("35.79." <= village_code < "35.79/"), so text must
  // compare code point by code point, as the C and C.UTF-8 collations do. A collation that skips
  // punctuation would put "35.79.01.1001" after "35.79/" and make every area filter find nothing,
  // without an error: refuse such a database with what to do instead.
  static core::Status CheckTextOrder(soci::session& sql) {
    int in_order = 0;
    sql << "SELECT CASE WHEN '35.79.01.1001' >= '35.79.' AND '35.79.01.1001' < '35.79/' "
           "THEN 1 ELSE 0 END",
        soci::into(in_order);
    if (in_order == 1) return core::OkStatus();
    return core::Error::Invalid(
        "database", "invalid_value",
        "the PostgreSQL database compares text by a locale that skips punctuation, so region codes "
        "would not match their areas; create the database with a byte-order collation, e.g. "
        "createdb --template=template0 --locale=C.UTF-8 gotong, and migrate into it");
  }

  core::Result<std::unique_ptr<domain::UnitOfWork>> Begin(domain::Access access) override {
    auto unit = Lease();
    if (!unit.ok()) return std::move(unit).error();
    GOTONG_RETURN_IF_ERROR((*unit)->Start(dialect_, access));
    return std::unique_ptr<domain::UnitOfWork>(std::move(unit).value());
  }

  std::string_view Backend() const override {
    return dialect_ == Dialect::kSqlite ? "sqlite" : "postgresql";
  }

  core::Status Ping() override {
    GOTONG_ASSIGN_OR_RETURN(auto unit, Begin(domain::Access::kRead));
    auto* sql_unit = static_cast<SqlUnit*>(unit.get());
    return Guard("ping", [&]() -> core::Status {
      int one = 0;
      sql_unit->sql() << "SELECT 1", soci::into(one);
      if (one != 1) return core::Error::Unavailable("the database answered nonsense");
      return core::OkStatus();
    });
  }

  core::Result<std::vector<AppliedMigration>> Migrate() override {
    GOTONG_ASSIGN_OR_RETURN(auto migrations, LoadMigrations(EmbeddedMigrations(), dialect_));
    auto leased = Lease();
    if (!leased.ok()) return std::move(leased).error();
    auto unit = std::move(leased).value();
    GOTONG_RETURN_IF_ERROR(unit->Start(dialect_, domain::Access::kWrite));
    soci::session& sql = unit->sql();
    auto applied = Guard("migrate", [&]() -> core::Result<std::vector<AppliedMigration>> {
      if (dialect_ == Dialect::kPostgresql) {
        // Two servers starting together must not both migrate.
        sql << "SELECT pg_advisory_xact_lock(7461626)";
      }
      sql << "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
             "name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)";
      std::map<int, std::string> done;
      {
        int version = 0;
        std::string checksum;
        Query query(sql);
        query.Into(version).Into(checksum);
        query.ForEachRow("SELECT version, checksum FROM schema_migrations ORDER BY version",
                         [&] { done.emplace(version, checksum); });
      }
      std::vector<AppliedMigration> applied_now;
      int newest_known = migrations.empty() ? 0 : migrations.back().version;
      if (!done.empty() && done.rbegin()->first > newest_known) {
        return core::Error{core::ErrorCode::kFailedPrecondition,
                           "the database was migrated by a newer gotong (schema version " +
                               std::to_string(done.rbegin()->first) + "); upgrade this binary",
                           {}, std::nullopt, "schema-too-new"};
      }
      for (const auto& migration : migrations) {
        if (auto it = done.find(migration.version); it != done.end()) {
          if (it->second != migration.checksum) {
            return core::Error{core::ErrorCode::kFailedPrecondition,
                               "migration V" + std::to_string(migration.version) +
                                   " was changed after it was applied",
                               {}, std::nullopt, "migration-edited"};
          }
          continue;
        }
        for (const auto& statement : migration.statements) sql << statement;
        std::string now = internal::Text(core::SystemClock().Now());
        sql << "INSERT INTO schema_migrations (version, name, checksum, applied_at) "
               "VALUES (:v, :n, :c, :a)",
            soci::use(migration.version), soci::use(migration.name),
            soci::use(migration.checksum), soci::use(now);
        applied_now.push_back({migration.version, migration.name});
      }
      return applied_now;
    });
    if (!applied.ok()) return applied;
    GOTONG_RETURN_IF_ERROR(unit->Commit());
    return applied;
  }

 private:
  core::Result<std::unique_ptr<SqlUnit>> Lease() {
    std::size_t position = 0;
    if (!pool_.try_lease(position, static_cast<int>(options_.lease_timeout.count()))) {
      return core::Error::Unavailable("every database connection is busy; try again");
    }
    return std::make_unique<SqlUnit>(pool_, position, dialect_);
  }

  DatabaseOptions options_;
  Dialect dialect_;
  soci::connection_pool pool_;
};

}  // namespace

core::Result<std::unique_ptr<SqlDatabase>> OpenDatabase(const DatabaseOptions& options) {
  const std::string& url = options.url;
  if (options.pool_size == 0) {
    return core::Error::Invalid("database", "invalid_value", "the pool needs at least one connection");
  }
  std::unique_ptr<SociDatabase> database;
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    if (path.empty() || path.find('"') != std::string::npos) {
      return core::Error::Invalid("database", "invalid_format",
                                  "write the SQLite database as sqlite:PATH, e.g. sqlite:var/gotong.db");
    }
    std::error_code ec;
    auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
    if (ec) {
      return core::Error::Unavailable("cannot create the folder " + parent.string() + ": " +
                                      ec.message());
    }
    // Each connection is used by one thread at a time (the pool leases it), so SQLite needs no
    // mutex of its own per call, nor a global lock to count its memory. Both can only be set
    // before SQLite's first use; later calls are refused, harmlessly.
    static std::once_flag configured;
    std::call_once(configured, [] {
      sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
      sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    });
    database = std::make_unique<SociDatabase>(options, Dialect::kSqlite);
    GOTONG_RETURN_IF_ERROR(database->Connect(path));
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    database = std::make_unique<SociDatabase>(options, Dialect::kPostgresql);
    // SOCI 4.0 garbles a URL that ends in its database name (it reads "db" as "db="); a query
    // part avoids that and names us in pg_stat_activity.
    std::string target = url;
    if (target.find("application_name=") == std::string::npos) {
      target += (target.find('?') == std::string::npos ? "?" : "&");
      target += "application_name=gotong";
    }
    GOTONG_RETURN_IF_ERROR(database->Connect(target));
  } else {
    return core::Error::Invalid("database", "invalid_format",
                                "the database must be sqlite:PATH or a postgresql:// URL");
  }
  return std::unique_ptr<SqlDatabase>(std::move(database));
}

}  // namespace gotong::storage
