#include "io/csv_reader.hpp"

#include <csv.h>

#include <array>
#include <memory>

namespace gotong::io {
namespace {

struct ParseState {
  const CsvRecordHandler* handler = nullptr;
  std::vector<std::string> fields;
  std::int64_t line = 1;         // current physical line
  std::int64_t record_line = 1;  // first line of the record being read
  bool stopped = false;
};

void OnField(void* data, size_t length, void* raw) {
  auto* state = static_cast<ParseState*>(raw);
  state->fields.emplace_back(static_cast<const char*>(data), length);
}

void OnRecord(int, void* raw) {
  auto* state = static_cast<ParseState*>(raw);
  if (!state->stopped) {
    bool blank = state->fields.size() == 1 && state->fields.front().empty();
    if (!blank && !(*state->handler)(state->record_line, state->fields)) state->stopped = true;
  }
  state->fields.clear();
}

}  // namespace

core::Status ReadCsv(std::istream& input, const CsvOptions& options,
                     const CsvRecordHandler& on_record) {
  struct csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return core::Error::Internal("cannot start the CSV parser");
  }
  std::unique_ptr<struct csv_parser, void (*)(struct csv_parser*)> guard(&parser, csv_free);
  ParseState state;
  state.handler = &on_record;

  std::array<char, 1 << 16> buffer{};
  bool first_chunk = true;
  bool in_quotes = false;
  while (!state.stopped && input) {
    input.read(buffer.data(), buffer.size());
    auto count = static_cast<std::size_t>(input.gcount());
    if (count == 0) break;
    std::size_t start = 0;
    if (first_chunk) {
      first_chunk = false;
      if (count >= 3 && static_cast<unsigned char>(buffer[0]) == 0xEF &&
          static_cast<unsigned char>(buffer[1]) == 0xBB &&
          static_cast<unsigned char>(buffer[2]) == 0xBF) {
        start = 3;
      }
      char delimiter = options.delimiter;
      if (delimiter == 0) {
        // The header decides: more ';' than ',' outside quotes on the first line means ';'.
        int commas = 0, semicolons = 0;
        bool quoted = false;
        for (std::size_t i = start; i < count && (quoted || (buffer[i] != '\n' && buffer[i] != '\r')); ++i) {
          if (buffer[i] == '"') quoted = !quoted;
          if (!quoted && buffer[i] == ',') ++commas;
          if (!quoted && buffer[i] == ';') ++semicolons;
        }
        delimiter = semicolons > commas ? ';' : ',';
      }
      csv_set_delim(&parser, delimiter);
    }
    // Feed line by line so each record knows the line it started on.
    std::size_t piece = start;
    for (std::size_t i = start; i < count; ++i) {
      if (buffer[i] == '"') in_quotes = !in_quotes;
      if (buffer[i] == '\n') {
        if (!in_quotes) {
          if (csv_parse(&parser, buffer.data() + piece, i + 1 - piece, OnField, OnRecord, &state) !=
              i + 1 - piece) {
            return core::Error::Invalid("file", "invalid_format",
                                        "line " + std::to_string(state.line) + ": " +
                                            csv_strerror(csv_error(&parser)));
          }
          piece = i + 1;
          state.record_line = state.line + 1;
        }
        ++state.line;
        if (state.stopped) return core::OkStatus();
      }
    }
    if (piece < count &&
        csv_parse(&parser, buffer.data() + piece, count - piece, OnField, OnRecord, &state) !=
            count - piece) {
      return core::Error::Invalid("file", "invalid_format",
                                  "line " + std::to_string(state.line) + ": " +
                                      csv_strerror(csv_error(&parser)));
    }
  }
  if (state.stopped) return core::OkStatus();
  if (in_quotes) {
    return core::Error::Invalid("file", "invalid_format",
                                "line " + std::to_string(state.record_line) +
                                    ": a quoted field is not closed before the end of the file");
  }
  if (csv_fini(&parser, OnField, OnRecord, &state) != 0) {
    return core::Error::Invalid("file", "invalid_format",
                                "line " + std::to_string(state.line) + ": " +
                                    csv_strerror(csv_error(&parser)));
  }
  return core::OkStatus();
}

}  // namespace gotong::io
