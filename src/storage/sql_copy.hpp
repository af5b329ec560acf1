#pragma once

// PostgreSQL COPY FROM STDIN through libpq, for bulk loads (SOCI's vector insert goes row by
// row on PostgreSQL). Not part of storage's public interface.

#include <libpq-fe.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gotong::storage::internal {

class CopyIn {
 public:
  explicit CopyIn(PGconn* conn) : conn_(conn) {}

  // "COPY people (id, name) FROM STDIN"
  core::Status Begin(const std::string& statement);
  void Text(std::string_view value);
  void Text(const std::optional<std::string>& value) {
    if (value) {
      Text(std::string_view(*value));
    } else {
      Null();
    }
  }
  void Number(std::int64_t value);
  void Number(const std::optional<std::int64_t>& value) {
    if (value) {
      Number(*value);
    } else {
      Null();
    }
  }
  void Null();
  void EndRow();
  // Sends what is left and reports the server's verdict: kAlreadyExists for a unique violation.
  core::Status Finish();

 private:
  void Separate();
  bool Flush();

  PGconn* conn_;
  std::string statement_;
  std::string buffer_;
  bool first_in_row_ = true;
  bool failed_ = false;
};

}  // namespace gotong::storage::internal
