#pragma once

// A SQLite statement prepared and stepped by hand, bound by position: for bulk loads and walks
// over many rows, where SOCI's per-row exchange costs more than the work. Not part of storage's
// public interface.

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gotong::storage::internal {

class SqliteStatement {
 public:
  // On a raw connection: a statement that did not prepare is not ok(); Error() says why.
  SqliteStatement(sqlite_api::sqlite3* db, const char* sql) : db_(db) {
    if (sqlite_api::sqlite3_prepare_v2(db_, sql, -1, &statement_, nullptr) != SQLITE_OK) {
      statement_ = nullptr;
    }
  }
  // On SOCI's SQLite session: failures throw soci::soci_error, as SOCI's own statements do.
  SqliteStatement(soci::session& sql, const char* text)
      : SqliteStatement(static_cast<soci::sqlite3_session_backend*>(sql.get_backend())->conn_, text) {
    if (!ok()) Fail();
  }
  ~SqliteStatement() { sqlite_api::sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  bool ok() const { return statement_ != nullptr; }
  std::string Error() const { return sqlite_api::sqlite3_errmsg(db_); }

  // Text is bound without a copy: what is bound must outlive the next step.
  void Text(int index, std::string_view value) {
    sqlite_api::sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                                  SQLITE_STATIC);
  }
  void Text(int index, const std::optional<std::string>& value) {
    if (value) {
      Text(index, std::string_view(*value));
    } else {
      Null(index);
    }
  }
  void Null(int index) { sqlite_api::sqlite3_bind_null(statement_, index); }
  void Number(int index, std::int64_t value) { sqlite_api::sqlite3_bind_int64(statement_, index, value); }
  void Number(int index, const std::optional<std::int64_t>& value) {
    if (value) {
      Number(index, *value);
    } else {
      Null(index);
    }
  }

  // Runs a statement that returns no rows and resets it for the next: SQLITE_DONE, or the error
  // code.
  int Step() {
    int rc = sqlite_api::sqlite3_step(statement_);
    sqlite_api::sqlite3_reset(statement_);
    return rc;
  }
  // The next row's first column; nullopt after the last row.
  std::optional<std::int64_t> NextNumber() {
    int rc = sqlite_api::sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return sqlite_api::sqlite3_column_int64(statement_, 0);
    if (rc != SQLITE_DONE) Fail();
    return std::nullopt;
  }
  // The text (first column) of the one row for `id`, bound to ?1; "" when there is none.
  std::string TextFor(std::int64_t id) {
    sqlite_api::sqlite3_reset(statement_);
    Number(1, id);
    int rc = sqlite_api::sqlite3_step(statement_);
    if (rc == SQLITE_ROW) {
      const auto* text = sqlite_api::sqlite3_column_text(statement_, 0);
      return text ? std::string(reinterpret_cast<const char*>(text)) : std::string();
    }
    if (rc != SQLITE_DONE) Fail();
    return {};
  }

 private:
  [[noreturn]] void Fail() const { throw soci::soci_error(Error()); }

  sqlite_api::sqlite3* db_;
  sqlite_api::sqlite3_stmt* statement_ = nullptr;
};

}  // namespace gotong::storage::internal
