#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace gotong::io {

struct CsvOptions {
  // 0 detects ',' or ';' from the header line (Indonesian Excel writes ';').
  char delimiter = 0;
};

// Called per record with its 1-based line number of the record's first line; return false to stop.
using CsvRecordHandler =
    std::function<bool(std::int64_t line, const std::vector<std::string>& fields)>;

// Streams RFC 4180 CSV (quotes, embedded delimiters and newlines, CRLF), skipping a UTF-8 BOM.
// kInvalidArgument names the line of malformed input.
core::Status ReadCsv(std::istream& input, const CsvOptions& options,
                     const CsvRecordHandler& on_record);

}  // namespace gotong::io
