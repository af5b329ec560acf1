#include "io/registry_csv.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "core/text.hpp"

namespace gotong::io {
namespace {

namespace registry = domain::registry;
using registry::ImportField;
using registry::JobNote;

struct Column {
  ImportField field;
  std::string_view english;
  std::string_view indonesian;
  bool required;
};

constexpr std::array<Column, registry::kImportFieldCount> kColumns = {{
    {ImportField::kOwnerName, "owner_name", "nama_pemilik", true},
    {ImportField::kOwnerGender, "owner_gender", "jenis_kelamin", false},
    {ImportField::kOwnerBirthYear, "owner_birth_year", "tahun_lahir", false},
    {ImportField::kOwnerPhone, "owner_phone", "telepon", false},
    {ImportField::kOwnerNik, "owner_nik", "nik", false},
    {ImportField::kNikConsent, "nik_consent", "persetujuan_nik", false},
    {ImportField::kName, "name", "nama_usaha", true},
    {ImportField::kSector, "sector", "sektor", true},
    {ImportField::kProducts, "products", "produk", false},
    {ImportField::kBusinessCentre, "business_centre", "sentra", false},
    {ImportField::kVillageCode, "village_code", "kode_desa", true},
    {ImportField::kFoundedYear, "founded_year", "tahun_berdiri", false},
    {ImportField::kEmployees, "employees", "tenaga_kerja", false},
    {ImportField::kCapital, "capital", "modal", false},
    {ImportField::kTurnover, "turnover", "omzet", false},
    {ImportField::kNib, "nib", "nib", false},
    {ImportField::kStatus, "status", "status", false},
    {ImportField::kVerifiedAt, "verified_at", "tanggal_verifikasi", false},
}};

constexpr bool InFieldOrder() {
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    if (static_cast<std::size_t>(kColumns[i].field) != i) return false;
  }
  return true;
}
static_assert(InFieldOrder(), "kColumns lists the import fields in ImportField's order");

// A column as the two languages call it: "nama_pemilik (owner_name)".
std::string BothNames(const Column& column) {
  return std::string(column.indonesian) + " (" + std::string(column.english) + ")";
}

// Why the file cannot be imported, as an error RowSource's caller turns into the job's note.
core::Error FileNote(const std::string& message, std::string_view code, core::ErrorParams params = {}) {
  core::Error error = core::Error::Invalid("file", std::string(code), message);
  error.fields.front().params = std::move(params);
  return error;
}

// CsvReader's error (malformed CSV at a line) as the job's note.
core::Error ReadProblem(core::Error error) {
  if (error.fields.size() == 1 && error.fields.front().code == "invalid_format") {
    error.fields.front().code = registry::job_note::kMalformedFile;
  } else {
    error.fields.clear();  // nothing a reader's language could word: the message is all there is
  }
  return error;
}

}  // namespace

CsvRowSource::CsvRowSource(std::unique_ptr<std::istream> input)
    : input_(std::move(input)), reader_(*input_, CsvOptions{0, registry::kMaxCellBytes}) {
  index_.fill(-1);
}

core::Result<std::unique_ptr<CsvRowSource>> CsvRowSource::OpenFile(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) == static_cast<std::uintmax_t>(-1) || ec) return core::Error::Invalid("file", "not_found", "cannot read " + path + ": " + ec.message());
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) return core::Error::Invalid("file", "not_found", "cannot open " + path);
  return std::make_unique<CsvRowSource>(std::move(file));
}

core::Result<std::vector<JobNote>> CsvRowSource::Start() {
  std::int64_t line = 0;
  auto more = reader_.Next(line, fields_);
  if (!more.ok()) return ReadProblem(std::move(more).error());
  if (!*more) return FileNote("the file is empty; it needs a header row", registry::job_note::kEmptyFile);
  std::vector<JobNote> warnings;
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    std::string_view written = core::Trim(fields_[i]);
    header_.push_back(core::ShownText(written));
    std::string name = core::AsciiLower(written);
    for (char& c : name) {
      if (c == ' ' || c == '-') c = '_';
    }
    const Column* known = nullptr;
    for (const auto& column : kColumns) {
      if (name == column.english || name == column.indonesian) known = &column;
    }
    if (known == nullptr) {
      if (!written.empty()) {
        warnings.push_back({"column '" + header_.back() + "' is not known and was skipped",
                            std::string(registry::job_note::kUnknownColumn), {{"column", header_.back()}}});
      }
      continue;
    }
    auto slot = static_cast<std::size_t>(known->field);
    if (index_[slot] >= 0) {
      return FileNote("the column " + std::string(written) + " appears twice in the header",
                      registry::job_note::kDuplicateColumn, {{"column", BothNames(*known)}});
    }
    index_[slot] = static_cast<int>(i);
    names_[slot] = std::string(written);
    needed_ = std::max(needed_, i + 1);
  }
  std::string message, missing;
  for (const auto& column : kColumns) {
    auto slot = static_cast<std::size_t>(column.field);
    if (names_[slot].empty()) names_[slot] = std::string(column.english);
    if (!column.required || index_[slot] >= 0) continue;
    message += (message.empty() ? "" : "; ") + std::string("the file has no column ") +
               std::string(column.english) + " (or " + std::string(column.indonesian) + ")";
    missing += (missing.empty() ? "" : ", ") + BothNames(column);
  }
  if (!missing.empty()) {
    return FileNote(message, registry::job_note::kMissingColumns, {{"columns", missing}});
  }
  return warnings;
}

core::Result<bool> CsvRowSource::Next(registry::ImportRow& row) {
  auto more = reader_.Next(row.line, fields_);
  if (!more.ok()) return ReadProblem(std::move(more).error());
  if (!*more) return false;
  row.problems.clear();
  if (fields_.size() != header_.size() && fields_.size() < needed_) {
    std::string fields = std::to_string(fields_.size());
    std::string header_fields = std::to_string(header_.size());
    row.problems.push_back({row.line, "", "",
                            "the row has " + fields + " fields; the header has " + header_fields,
                            std::string(registry::row_error::kFieldCount),
                            {{"fields", fields}, {"header_fields", header_fields}}});
  } else {
    std::string max = std::to_string(registry::kMaxCellBytes);
    for (std::size_t index : reader_.cut_fields()) {
      std::string column = index < header_.size() ? header_[index] : "";
      std::string message = column;
      message.append(" is longer than ").append(max).append(" bytes; the row was not read");
      row.problems.push_back({row.line, std::move(column), "", std::move(message),
                              std::string(registry::row_error::kFieldTooLong), {{"max", max}}});
    }
  }
  for (std::size_t slot = 0; slot < registry::kImportFieldCount; ++slot) {
    int index = index_[slot];
    bool present = index >= 0 && static_cast<std::size_t>(index) < fields_.size();
    row.cells[slot] = present ? core::Trim(fields_[static_cast<std::size_t>(index)]) : std::string_view();
    row.columns[slot] = names_[slot];
  }
  return true;
}

}  // namespace gotong::io
