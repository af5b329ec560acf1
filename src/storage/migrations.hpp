#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gotong::storage {

struct MigrationSource {
  const char* file_name;  // "V001__foundation.sql"
  const char* sql;
};

const std::vector<MigrationSource>& EmbeddedMigrations();

struct Migration {
  int version = 0;
  std::string name;
  std::string checksum;                 // of the file as written
  std::vector<std::string> statements;  // with the backend's dialect applied
};

enum class Dialect { kSqlite, kPostgresql };

// Parses the embedded files for one backend; fails on a malformed name or duplicate version.
core::Result<std::vector<Migration>> LoadMigrations(const std::vector<MigrationSource>& sources,
                                                    Dialect dialect);

}  // namespace gotong::storage
