#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace gotong::io {

struct CsvOptions {
  // 0 detects ',' or ';' from the header line (Indonesian Excel writes ';').
  char delimiter = 0;
  // A field longer than this (in bytes, as written in the file) is not kept: the reader skips
  // to its end and hands the record over with that field empty, marked as cut.
  std::size_t max_field_bytes = std::size_t{64} * 1024;
};

// Reads RFC 4180 CSV (quotes, embedded delimiters and newlines, CRLF) one record at a time,
// skipping a UTF-8 BOM. Memory stays bounded by one chunk of input plus its records, and no field
// grows past CsvOptions::max_field_bytes however long it is in the file.
class CsvReader {
 public:
  CsvReader(std::istream& input, CsvOptions options);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // false at the end of the input. `line` is the record's first line (1-based). Malformed
  // input is kInvalidArgument, field "file", code invalid_format, with the line as a parameter
  // and in the message ("line 12: ...").
  core::Result<bool> Next(std::int64_t& line, std::vector<std::string>& fields);
  // The fields of the record Next gave last that were longer than max_field_bytes (0-based, in
  // order); each was handed over empty.
  const std::vector<std::size_t>& cut_fields() const { return cut_fields_; }
  // Bytes of input consumed so far (for progress).
  std::int64_t BytesRead() const { return bytes_read_; }
  char delimiter() const { return delimiter_; }

  struct State;

 private:
  core::Status Feed();
  core::Status Parse(const char* data, std::size_t size);

  std::istream& input_;
  CsvOptions options_;
  std::unique_ptr<State> state_;
  std::vector<char> buffer_;
  bool first_chunk_ = true;
  bool in_quotes_ = false;
  bool finished_ = false;
  char delimiter_ = ',';
  std::int64_t bytes_read_ = 0;
  std::optional<core::Error> pending_error_;
  std::vector<std::size_t> cut_fields_;
  // The field being read: its bytes so far; whether its rest is being skipped (it is too long)
  // and whether libcsv saw it open with a quote, which the reader closes when the skip ends.
  std::size_t field_bytes_ = 0;
  bool skipping_ = false;
  bool skipped_quoted_ = false;
};

// Called per record with its 1-based line number of the record's first line; return false to stop.
using CsvRecordHandler =
    std::function<bool(std::int64_t line, const std::vector<std::string>& fields)>;

// Streams a whole input through `on_record`.
core::Status ReadCsv(std::istream& input, const CsvOptions& options,
                     const CsvRecordHandler& on_record);

}  // namespace gotong::io
