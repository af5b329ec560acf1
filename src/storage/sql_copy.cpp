#include "storage/sql_copy.hpp"

namespace gotong::storage::internal {

core::Status CopyIn::Begin(const std::string& statement) {
  statement_ = statement;
  PGresult* start = PQexec(conn_, statement.c_str());
  bool started = PQresultStatus(start) == PGRES_COPY_IN;
  PQclear(start);
  if (!started) return core::Error::Internal(statement_ + ": " + PQerrorMessage(conn_));
  buffer_.clear();
  buffer_.reserve(1 << 17);
  return core::OkStatus();
}

void CopyIn::Separate() {
  if (!first_in_row_) buffer_.push_back('\t');
  first_in_row_ = false;
}

void CopyIn::Text(std::string_view value) {
  Separate();
  // COPY's text format escapes backslash, tab and line ends.
  for (char c : value) {
    switch (c) {
      case '\\': buffer_ += "\\\\"; break;
      case '\t': buffer_ += "\\t"; break;
      case '\n': buffer_ += "\\n"; break;
      case '\r': buffer_ += "\\r"; break;
      default: buffer_.push_back(c);
    }
  }
}

void CopyIn::Number(std::int64_t value) {
  Separate();
  buffer_ += std::to_string(value);
}

void CopyIn::Null() {
  Separate();
  buffer_ += "\\N";
}

void CopyIn::EndRow() {
  buffer_.push_back('\n');
  first_in_row_ = true;
  if (buffer_.size() > (1 << 16)) Flush();
}

bool CopyIn::Flush() {
  if (failed_ || buffer_.empty()) return !failed_;
  failed_ = PQputCopyData(conn_, buffer_.data(), static_cast<int>(buffer_.size())) != 1;
  buffer_.clear();
  return !failed_;
}

core::Status CopyIn::Finish() {
  bool sent = Flush();
  if (PQputCopyEnd(conn_, sent ? nullptr : "client failed to send data") != 1) {
    return core::Error::Internal(statement_ + ": " + PQerrorMessage(conn_));
  }
  core::Status status = core::OkStatus();
  while (PGresult* result = PQgetResult(conn_)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK && status.ok()) {
      const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
      if (state && std::string_view(state) == "23505") {
        status = core::Error::Exists("", statement_ + ": a unique value is taken");
      } else {
        status = core::Error::Internal(statement_ + ": " + PQresultErrorMessage(result));
      }
    }
    PQclear(result);
  }
  return status;
}

}  // namespace gotong::storage::internal
