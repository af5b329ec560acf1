#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/database.hpp"

namespace gotong::storage {

struct DatabaseOptions {
  // "sqlite:PATH" or a "postgresql://" URL.
  std::string url = "sqlite:var/gotong.db";
  std::size_t pool_size = 8;
  std::chrono::milliseconds lease_timeout{10000};
};

struct AppliedMigration {
  int version = 0;
  std::string name;
};

// The SOCI-backed database: SQLite (embedded, WAL) or PostgreSQL, one schema for both.
class SqlDatabase : public domain::Database {
 public:
  // Applies every embedded migration not yet applied, in one transaction, and returns those it
  // applied. Refuses a database that a newer gotong has migrated, or whose applied migrations
  // were edited since.
  virtual core::Result<std::vector<AppliedMigration>> Migrate() = 0;
};

// Opens the pool; kInvalidArgument for a malformed URL (field "database"), kUnavailable when the
// server cannot be reached.
core::Result<std::unique_ptr<SqlDatabase>> OpenDatabase(const DatabaseOptions& options);

}  // namespace gotong::storage
