#include "io/csv_reader.hpp"

#include <csv.h>

namespace gotong::io {

struct CsvReader::State {
  struct Record {
    std::int64_t line;
    std::vector<std::string> fields;
    std::vector<std::size_t> cut;
  };
  struct csv_parser parser;
  std::vector<std::string> fields;
  std::vector<std::size_t> cut;  // fields of the record being read that were too long
  std::deque<Record> ready;
  std::int64_t line = 1;         // current physical line
  std::int64_t record_line = 1;  // first line of the record being read
};

namespace {

void OnField(void* data, size_t length, void* raw) {
  auto* state = static_cast<CsvReader::State*>(raw);
  if (!state->cut.empty() && state->cut.back() == state->fields.size()) {
    state->fields.emplace_back();  // the start of a field that was too long: not kept
    return;
  }
  state->fields.emplace_back(static_cast<const char*>(data), length);
}

void OnRecord(int, void* raw) {
  auto* state = static_cast<CsvReader::State*>(raw);
  bool blank = state->fields.size() == 1 && state->fields.front().empty() && state->cut.empty();
  if (!blank) {
    state->ready.push_back({state->record_line, std::move(state->fields), std::move(state->cut)});
  }
  state->fields.clear();
  state->cut.clear();
}

core::Error Malformed(std::int64_t line, const std::string& why) {
  std::string number = std::to_string(line);
  return core::Error::Invalid({{"file", "invalid_format", "line " + number + ": " + why, {{"line", number}}}});
}

}  // namespace

CsvReader::CsvReader(std::istream& input, CsvOptions options)
    : input_(input), options_(options), state_(std::make_unique<State>()), buffer_(1 << 16) {
  if (csv_init(&state_->parser, CSV_STRICT | CSV_STRICT_FINI) != 0) finished_ = true;
}

CsvReader::~CsvReader() { csv_free(&state_->parser); }

core::Status CsvReader::Parse(const char* data, std::size_t size) {
  if (size == 0) return core::OkStatus();
  State& state = *state_;
  if (csv_parse(&state.parser, data, size, OnField, OnRecord, &state) != size) {
    finished_ = true;
    return Malformed(state.line, csv_strerror(csv_error(&state.parser)));
  }
  return core::OkStatus();
}

core::Status CsvReader::Feed() {
  State& state = *state_;
  input_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  auto count = static_cast<std::size_t>(input_.gcount());
  bytes_read_ += static_cast<std::int64_t>(count);
  if (count == 0) {
    finished_ = true;
    if (in_quotes_) {
      return Malformed(state.record_line, "a quoted field is not closed before the end of the file");
    }
    skipping_ = false;
    if (csv_fini(&state.parser, OnField, OnRecord, &state) != 0) {
      return Malformed(state.line, csv_strerror(csv_error(&state.parser)));
    }
    return core::OkStatus();
  }
  std::size_t start = 0;
  if (first_chunk_) {
    first_chunk_ = false;
    if (count >= 3 && static_cast<unsigned char>(buffer_[0]) == 0xEF &&
        static_cast<unsigned char>(buffer_[1]) == 0xBB &&
        static_cast<unsigned char>(buffer_[2]) == 0xBF) {
      start = 3;
    }
    delimiter_ = options_.delimiter;
    if (delimiter_ == 0) {
      // The header decides: more ';' than ',' outside quotes on the first line means ';'.
      int commas = 0, semicolons = 0;
      bool quoted = false;
      for (std::size_t i = start; i < count && (quoted || (buffer_[i] != '\n' && buffer_[i] != '\r')); ++i) {
        if (buffer_[i] == '"') quoted = !quoted;
        if (!quoted && buffer_[i] == ',') ++commas;
        if (!quoted && buffer_[i] == ';') ++semicolons;
      }
      delimiter_ = semicolons > commas ? ';' : ',';
    }
    csv_set_delim(&state.parser, static_cast<unsigned char>(delimiter_));
  }
  // Feed line by line so each record knows the line it started on. The bytes of a field past
  // max_field_bytes are not fed at all: libcsv never holds more than that of one field.
  std::size_t piece = start;
  for (std::size_t i = start; i < count; ++i) {
    const char c = buffer_[i];
    const bool field_end = !in_quotes_ && (c == delimiter_ || c == '\n' || c == '\r');
    if (skipping_) {
      if (!field_end) {
        if (c == '"') in_quotes_ = !in_quotes_;
        if (c == '\n') ++state.line;
        continue;
      }
      // The long field ends here: close the quote libcsv saw open, and go on from this byte.
      skipping_ = false;
      if (skipped_quoted_) GOTONG_RETURN_IF_ERROR(Parse("\"", 1));
      piece = i;
    }
    const bool was_in_quotes = in_quotes_;
    if (c == '"') in_quotes_ = !in_quotes_;
    if (field_end) {
      field_bytes_ = 0;
    } else if (++field_bytes_ > options_.max_field_bytes && (was_in_quotes || c != '"')) {
      // Too long: libcsv gets nothing more of this field. (Not right after the first quote of
      // a doubled one, which libcsv would still be waiting to pair: inside quotes before this
      // byte means every quote fed so far is paired.)
      GOTONG_RETURN_IF_ERROR(Parse(buffer_.data() + piece, i - piece));
      state.cut.push_back(state.fields.size());
      skipping_ = true;
      skipped_quoted_ = was_in_quotes;
      if (c == '\n') ++state.line;
      continue;
    }
    if (c == '\n') {
      if (!in_quotes_) {
        GOTONG_RETURN_IF_ERROR(Parse(buffer_.data() + piece, i + 1 - piece));
        piece = i + 1;
        state.record_line = state.line + 1;
      }
      ++state.line;
    }
  }
  if (!skipping_ && piece < count) GOTONG_RETURN_IF_ERROR(Parse(buffer_.data() + piece, count - piece));
  return core::OkStatus();
}

core::Result<bool> CsvReader::Next(std::int64_t& line, std::vector<std::string>& fields) {
  while (state_->ready.empty()) {
    // Records before a malformed line are delivered first; then the error.
    if (pending_error_) return *pending_error_;
    if (finished_) return false;
    auto fed = Feed();
    if (!fed.ok()) {
      pending_error_ = std::move(fed).error();
      finished_ = true;
    }
  }
  auto& front = state_->ready.front();
  line = front.line;
  fields = std::move(front.fields);
  cut_fields_ = std::move(front.cut);
  state_->ready.pop_front();
  return true;
}

core::Status ReadCsv(std::istream& input, const CsvOptions& options,
                     const CsvRecordHandler& on_record) {
  CsvReader reader(input, options);
  std::int64_t line = 0;
  std::vector<std::string> fields;
  while (true) {
    auto more = reader.Next(line, fields);
    if (!more.ok()) return std::move(more).error();
    if (!*more) return core::OkStatus();
    if (!on_record(line, fields)) return core::OkStatus();
  }
}

}  // namespace gotong::io
