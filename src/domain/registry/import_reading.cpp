#include "domain/registry/import_reading.hpp"

#include <string>

namespace gotong::domain::registry {
namespace {

std::uint64_t DigitsNumber(const std::string& digits) { return std::stoull(digits); }

RowError Repeated(const ImportRecord& record, std::string field, std::string value,
                  const std::string& what, std::string_view code, std::int64_t earlier) {
  std::string line = std::to_string(earlier);
  return {record.line, std::move(field), std::move(value),
          "the same " + what + " already on line " + line, std::string(code), {{"line", line}}};
}

}  // namespace

JobNote NoteOf(const core::Error& error) {
  if (error.fields.size() != 1) return {error.message, "", {}};
  return {error.message, error.fields.front().code, error.fields.front().params};
}

bool SeenRows::Add(const ImportRecord& record, std::vector<RowError>& errors) {
  const std::int64_t line = record.line;
  std::optional<std::uint64_t> nib, nik;
  if (record.enterprise.nib) {
    nib = DigitsNumber(*record.enterprise.nib);
    if (auto it = nibs_.find(*nib); it != nibs_.end()) {
      errors.push_back(Repeated(record, "nib", *record.enterprise.nib, "NIB is", row_error::kDuplicateNib,
                                it->second));
      return false;
    }
  }
  if (record.owner.nik) {
    nik = DigitsNumber(*record.owner.nik);
    if (auto it = niks_.find(*nik); it != niks_.end()) {
      errors.push_back(Repeated(record, "nik", std::string(MaskNik(*record.owner.nik)), "NIK is",
                                row_error::kDuplicateNik, it->second));
      return false;
    }
  }
  const std::uint64_t key = std::hash<std::string>{}(record.match_key);
  if (auto it = keys_.find(key); it != keys_.end()) {
    errors.push_back(Repeated(record, "name", record.enterprise.name,
                              "owner, name and village are", row_error::kDuplicateEnterprise,
                              it->second));
    return false;
  }
  if (nib) nibs_.emplace(*nib, line);
  if (nik) niks_.emplace(*nik, line);
  keys_.emplace(key, line);
  return true;
}

void ReadRows(RowSource& source, RowParser& parser, std::int64_t rows_done,
              std::size_t batch_rows, core::BoundedQueue<Batch>& queue) {
  SeenRows seen;
  std::int64_t rows_seen = 0;
  ImportRow row;
  std::vector<RowError> row_errors;
  Batch batch;
  batch.records.reserve(batch_rows);
  auto send = [&] {
    batch.bytes_read = source.BytesRead();
    return queue.Push(std::exchange(batch, Batch{}));
  };
  while (true) {
    auto more = source.Next(row);
    if (!more.ok()) {
      // Malformed CSV (an unclosed quote, say): what came before is kept, the job fails here.
      if (send()) queue.Close(std::move(more).error());
      return;
    }
    if (!*more) break;
    ImportRecord& record = batch.records.emplace_back();
    row_errors.clear();
    bool valid = parser.Parse(row, record, row_errors) && seen.Add(record, row_errors);
    if (++rows_seen <= rows_done) {
      batch.records.pop_back();  // written by the run that was interrupted: only its keys count
      continue;
    }
    if (!valid) {
      batch.records.pop_back();
      ++batch.failed;
      for (auto& error : row_errors) batch.errors.push_back(std::move(error));
    }
    if (batch.records.size() + static_cast<std::size_t>(batch.failed) >= batch_rows) {
      if (!send()) return;
      batch.records.reserve(batch_rows);
    }
  }
  if ((!batch.records.empty() || batch.failed > 0) && !send()) return;
  queue.Close(std::nullopt);
}

}  // namespace gotong::domain::registry
