#include "domain/registry/import_service.hpp"

#include <array>
#include <chrono>
#include <exception>
#include <functional>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "core/bounded_queue.hpp"
#include "core/text.hpp"
#include "core/time.hpp"
#include "domain/regions/region.hpp"

namespace gotong::domain::registry {
namespace {

using accounts::Context;
using accounts::Role;
using core::Error;

enum Column {
  kOwnerName, kOwnerGender, kOwnerBirthYear, kOwnerPhone, kOwnerNik, kNikConsent,
  kName, kSector, kProducts, kBusinessCentre, kVillageCode, kFoundedYear, kEmployees,
  kCapital, kTurnover, kNib, kStatus, kVerifiedAt, kColumnCount
};

struct ColumnName {
  Column column;
  std::string_view english;
  std::string_view indonesian;
  bool required;
};

constexpr std::array<ColumnName, kColumnCount> kColumns = {{
    {kOwnerName, "owner_name", "nama_pemilik", true},
    {kOwnerGender, "owner_gender", "jenis_kelamin", false},
    {kOwnerBirthYear, "owner_birth_year", "tahun_lahir", false},
    {kOwnerPhone, "owner_phone", "telepon", false},
    {kOwnerNik, "owner_nik", "nik", false},
    {kNikConsent, "nik_consent", "persetujuan_nik", false},
    {kName, "name", "nama_usaha", true},
    {kSector, "sector", "sektor", true},
    {kProducts, "products", "produk", false},
    {kBusinessCentre, "business_centre", "sentra", false},
    {kVillageCode, "village_code", "kode_desa", true},
    {kFoundedYear, "founded_year", "tahun_berdiri", false},
    {kEmployees, "employees", "tenaga_kerja", false},
    {kCapital, "capital", "modal", false},
    {kTurnover, "turnover", "omzet", false},
    {kNib, "nib", "nib", false},
    {kStatus, "status", "status", false},
    {kVerifiedAt, "verified_at", "tanggal_verifikasi", false},
}};

// A cell as an error shows it back: at most 200 bytes, cut between characters, and valid UTF-8
// (a byte that is not, such as "é" saved as Windows-1252, becomes U+FFFD) so that it can be sent
// as JSON; a control character (NUL, a line break) becomes U+FFFD too, so that the database
// keeps it whole.
std::string ShownValue(std::string_view cell) {
  constexpr std::size_t kMaxBytes = 200;
  std::string out;
  std::size_t i = 0;
  while (i < cell.size()) {
    auto lead = static_cast<unsigned char>(cell[i]);
    std::size_t length = lead < 0x80                ? 1
                         : (lead & 0xE0) == 0xC0 ? 2
                         : (lead & 0xF0) == 0xE0 ? 3
                         : (lead & 0xF8) == 0xF0 ? 4
                                                 : 0;
    bool valid = length > 0 && i + length <= cell.size() &&
                 core::IsValidUtf8(cell.substr(i, length)) &&
                 core::FindControlCharacter(cell.substr(i, length)) == std::string_view::npos;
    std::string_view piece = valid ? cell.substr(i, length) : std::string_view("\xEF\xBF\xBD");
    if (out.size() + piece.size() > kMaxBytes) break;
    out += piece;
    i += valid ? length : 1;
  }
  return out;
}

// Where each known column sits in the file, and what the file calls it.
struct Layout {
  std::array<int, kColumnCount> index;
  std::array<std::string, kColumnCount> header;
};

core::Result<Layout> ReadLayout(const std::vector<std::string>& header,
                                std::vector<JobNote>& warnings) {
  Layout layout;
  layout.index.fill(-1);
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name = core::AsciiLower(core::Trim(header[i]));
    for (char& c : name) {
      if (c == ' ' || c == '-') c = '_';
    }
    bool known = false;
    for (const auto& column : kColumns) {
      if (name == column.english || name == column.indonesian) {
        if (layout.index[column.column] >= 0) {
          return Error::Invalid(std::string(column.english), "duplicate_column",
                                "the column " + std::string(core::Trim(header[i])) +
                                    " appears twice in the header");
        }
        layout.index[column.column] = static_cast<int>(i);
        layout.header[column.column] = std::string(core::Trim(header[i]));
        known = true;
        break;
      }
    }
    if (!known && !core::Trim(header[i]).empty()) {
      std::string as_written = ShownValue(core::Trim(header[i]));
      warnings.push_back({"column '" + as_written + "' is not known and was skipped",
                          std::string(job_note::kUnknownColumn), {{"column", as_written}}});
    }
  }
  std::vector<core::FieldError> missing;
  for (const auto& column : kColumns) {
    if (column.required && layout.index[column.column] < 0) {
      missing.push_back({std::string(column.english), "missing_column",
                         "the file has no column " + std::string(column.english) + " (or " +
                             std::string(column.indonesian) + ")"});
    }
  }
  if (!missing.empty()) return Error::Invalid(std::move(missing));
  return layout;
}

// A column as the two languages call it: "nama_pemilik (owner_name)".
std::string ColumnNames(std::string_view english) {
  for (const auto& column : kColumns) {
    if (column.english == english) return std::string(column.indonesian) + " (" + std::string(english) + ")";
  }
  return std::string(english);
}

// Why a header row cannot be read (ReadLayout's error), as the job's note.
JobNote LayoutProblem(const core::Error& error) {
  JobNote note{"", "", {}};
  std::string columns;
  for (const auto& field : error.fields) {
    note.message += (note.message.empty() ? "" : "; ") + field.message;
    columns += (columns.empty() ? "" : ", ") + ColumnNames(field.field);
    note.code = field.code == "duplicate_column" ? job_note::kDuplicateColumn : job_note::kMissingColumns;
  }
  if (note.message.empty()) note.message = error.message;
  if (note.code == job_note::kDuplicateColumn) {
    note.params = {{"column", columns}};
  } else if (!note.code.empty()) {
    note.params = {{"columns", columns}};
  }
  return note;
}

// Why a file could not be read on (RowSource's error: "line N: …"), as the job's note.
JobNote FileProblem(const core::Error& error) {
  JobNote note{error.message, "", {}};
  std::string_view text = error.message;
  if (!error.fields.empty() && error.fields.front().code == "invalid_format" &&
      text.starts_with("line ")) {
    text.remove_prefix(5);
    std::size_t digits = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
    if (digits > 0 && digits < text.size() && text[digits] == ':') {
      note.code = job_note::kMalformedFile;
      note.params = {{"line", std::string(text.substr(0, digits))}};
    }
  }
  return note;
}

// Why a job stopped when the database refused a batch, without the database's own words.
JobNote DatabaseProblem(std::int64_t job_id) {
  std::string job = std::to_string(job_id);
  return {"the database refused the write; the administrator can find details in the log under "
          "job " + job,
          std::string(job_note::kDatabaseError),
          {{"job", job}}};
}

std::optional<bool> ParseYesNo(std::string_view text) {
  std::string lower = core::AsciiLower(core::Trim(text));
  if (lower == "ya" || lower == "yes" || lower == "true" || lower == "1" || lower == "y") return true;
  if (lower == "tidak" || lower == "no" || lower == "false" || lower == "0" || lower == "t" ||
      lower == "n") {
    return false;
  }
  return std::nullopt;
}

int YearOf(core::Instant now) {
  return static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
}

// Village codes of the official region list, looked up per row without allocating.
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
using VillageSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// Turns one data row into a record, or into the errors that stop it.
class RowParser {
 public:
  RowParser(const Layout& layout, const VillageSet& villages,
            core::Instant now)
      : layout_(layout), villages_(villages), now_(now), this_year_(YearOf(now)) {}

  // `cut`: the fields the reader did not keep for being too long.
  bool Parse(std::int64_t line, const std::vector<std::string>& fields,
             const std::vector<std::size_t>& cut, ImportRecord& record,
             std::vector<RowError>& errors) {
    line_ = line;
    fields_ = &fields;
    errors_ = &errors;
    std::size_t before = errors.size();
    if (fields.size() != expected_width_ && expected_width_ != 0 && fields.size() < needed_) {
      Fail("", "", "the row has " + std::to_string(fields.size()) + " fields; the header has " +
                       std::to_string(expected_width_),
           row_error::kFieldCount,
           {{"fields", std::to_string(fields.size())},
            {"header_fields", std::to_string(expected_width_)}});
      return false;
    }
    if (!Readable(cut)) return false;
    record = ImportRecord{};
    record.line = line;
    Person& owner = record.owner;
    Enterprise& enterprise = record.enterprise;

    if (auto name = Text(kOwnerName, 120, true)) owner.name = std::move(*name);
    if (auto gender = Cell(kOwnerGender); !gender.empty()) {
      owner.gender = ParseGender(gender);
      if (!owner.gender) {
        Fail(kOwnerGender, row_error::kBadGender, "must be P or L (perempuan or laki-laki)");
      }
    }
    if (auto year = Number(kOwnerBirthYear, 1900, this_year_, row_error::kBadYear)) {
      owner.birth_year = static_cast<int>(*year);
    }
    if (auto phone = Cell(kOwnerPhone); !phone.empty()) {
      auto normalised = NormalisePhone(phone, Header(kOwnerPhone));
      if (normalised.ok()) {
        owner.phone = std::move(normalised).value();
      } else {
        Fail(kOwnerPhone, row_error::kBadPhone, "must be a phone number such as 0812-3456-7890");
      }
    }
    if (auto nik = Cell(kOwnerNik); !nik.empty()) {
      auto consent = ParseYesNo(Cell(kNikConsent));
      if (!IsValidNik(nik)) {
        Fail(kOwnerNik, row_error::kBadNik, "must be the 16 digits of a national id (NIK)");
      } else if (!consent || !*consent) {
        Fail(kNikConsent, row_error::kNikWithoutConsent,
             "a NIK is stored only with the owner's consent: write ya here");
      } else {
        owner.nik = std::string(nik);
        owner.nik_consent_at = now_;
      }
    }
    owner.village_code.reset();

    if (auto name = Text(kName, 200, true)) enterprise.name = std::move(*name);
    if (auto sector = Cell(kSector); sector.empty()) {
      Fail(kSector, row_error::kRequired, "is required");
    } else if (auto parsed = ParseSector(sector)) {
      enterprise.sector = *parsed;
    } else {
      Fail(kSector, row_error::kUnknownSector,
           "is not a known sector (batik, olahan pangan, kuliner, ... or a KBLI code)");
    }
    if (auto products = Text(kProducts, 500, false)) enterprise.products = std::move(products);
    if (auto centre = Text(kBusinessCentre, 200, false)) enterprise.business_centre = std::move(centre);
    if (auto village = Cell(kVillageCode); village.empty()) {
      Fail(kVillageCode, row_error::kRequired, "is required");
    } else if (!villages_.contains(village)) {
      auto level = regions::LevelOfCode(village);
      if (level && *level == regions::Level::kVillage) {
        Fail(kVillageCode, row_error::kUnknownVillage,
             "is not a village in the official region list");
      } else {
        Fail(kVillageCode, row_error::kNotAVillage, "must be a village code such as 35.79.01.2001");
      }
    } else {
      enterprise.village_code = std::string(village);
      owner.village_code = enterprise.village_code;
    }
    if (auto year = Number(kFoundedYear, 1900, this_year_, row_error::kBadYear)) {
      enterprise.founded_year = static_cast<int>(*year);
    }
    if (auto employees = Number(kEmployees, 0, 100'000, row_error::kOutOfRange)) {
      enterprise.employees = *employees;
    }
    enterprise.capital = Amount(kCapital);
    enterprise.turnover = Amount(kTurnover);
    if (auto nib = Cell(kNib); !nib.empty()) {
      if (!IsValidNib(nib)) {
        Fail(kNib, row_error::kBadNib, "must be exactly 13 digits");
      } else {
        enterprise.nib = std::string(nib);
      }
    }
    if (auto status = Cell(kStatus); !status.empty()) {
      auto parsed = ParseStatus(status);
      if (!parsed) {
        Fail(kStatus, row_error::kBadStatus, "must be aktif or tutup (active or closed)");
      } else {
        enterprise.status = *parsed;
      }
    }
    if (auto verified = Cell(kVerifiedAt); !verified.empty()) {
      auto date = core::Date::Parse(verified);
      if (!date) {
        Fail(kVerifiedAt, row_error::kBadDate, "must be a date written YYYY-MM-DD");
      } else {
        auto instant = core::ParseInstant(date->ToString() + "T00:00:00Z");
        if (!instant || *instant > now_) {
          Fail(kVerifiedAt, row_error::kInFuture, "must not be in the future");
        } else {
          enterprise.verified_at = instant;
        }
      }
    }
    if (errors.size() != before) return false;
    record.match_key = MatchKey(owner.name, enterprise.name, enterprise.village_code);
    return true;
  }

  void SetHeader(const std::vector<std::string>& header) {
    header_.clear();
    for (const auto& name : header) header_.push_back(ShownValue(core::Trim(name)));
    const std::size_t width = header.size();
    expected_width_ = width;
    needed_ = 0;
    for (int index : layout_.index) needed_ = std::max<std::size_t>(needed_, static_cast<std::size_t>(index + 1));
  }

 private:
  std::string_view Cell(Column column) const {
    int index = layout_.index[column];
    if (index < 0 || static_cast<std::size_t>(index) >= fields_->size()) return {};
    return core::Trim((*fields_)[static_cast<std::size_t>(index)]);
  }
  const std::string& Header(Column column) const { return layout_.header[column]; }

  // Every cell too long to have been read, or holding a control character, is an error; the
  // row is refused when there is one (its other cells are not worth checking).
  bool Readable(const std::vector<std::size_t>& cut) {
    std::size_t before = errors_->size();
    for (std::size_t index : cut) {
      std::string field = index < header_.size() ? header_[index] : "";
      std::string max = std::to_string(kMaxCellBytes);
      std::string message = field;
      message += " is longer than " + max + " bytes; the row was not read";
      Fail(field, "", std::move(message),
           row_error::kFieldTooLong, {{"max", max}});
    }
    for (const auto& column : kColumns) {
      std::string_view cell = Cell(column.column);
      if (core::FindControlCharacter(cell) != std::string_view::npos) {
        Fail(column.column, row_error::kControlCharacter,
             "holds a control character (such as NUL or a line break), which no cell may hold");
      }
    }
    return errors_->size() == before;
  }

  // `why` is the English message after the column's name; `code` and `params` say the same for
  // other languages.
  void Fail(Column column, std::string_view code, const std::string& why,
            std::vector<RowErrorParam> params = {}) {
    Fail(Header(column).empty() ? std::string(kColumns[column].english) : Header(column),
         Cell(column), Header(column) + " " + why, code, std::move(params));
  }
  void Fail(std::string field, std::string_view value, std::string message,
            std::string_view code, std::vector<RowErrorParam> params) {
    errors_->push_back({line_, std::move(field), ShownValue(value), std::move(message),
                        std::string(code), std::move(params)});
  }

  std::optional<std::string> Text(Column column, std::size_t max, bool required) {
    std::string_view cell = Cell(column);
    if (cell.empty()) {
      if (required) Fail(column, row_error::kRequired, "is required");
      return std::nullopt;
    }
    if (!core::IsValidUtf8(cell)) {
      Fail(column, row_error::kNotUtf8, "is not UTF-8 text; save the file as CSV UTF-8");
      return std::nullopt;
    }
    if (core::CodePointCount(cell) > max) {
      Fail(column, row_error::kTooLong, "must be at most " + std::to_string(max) + " characters",
           {{"max", std::to_string(max)}});
      return std::nullopt;
    }
    return std::string(cell);
  }

  // `code`: kBadYear for a year, else kOutOfRange (for a number out of range or no number).
  std::optional<std::int64_t> Number(Column column, std::int64_t min, std::int64_t max,
                                     std::string_view code) {
    std::string_view cell = Cell(column);
    if (cell.empty()) return std::nullopt;
    auto value = ParseWhole(cell, Header(column), min, max);
    if (!value.ok()) {
      Fail(column, code,
           "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max),
           {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
      return std::nullopt;
    }
    return *value;
  }

  std::optional<std::int64_t> Amount(Column column) {
    std::string_view cell = Cell(column);
    if (cell.empty()) return std::nullopt;
    auto value = ParseRupiah(cell, Header(column));
    if (!value.ok()) {
      const auto& fields = value.error().fields;
      std::string code = fields.empty() ? "" : fields.front().code;
      if (code == "negative") {
        Fail(column, row_error::kNegative, "must not be negative");
      } else if (code == "too_large") {
        Fail(column, row_error::kTooLarge, "is too large");
      } else {
        Fail(column, row_error::kNotRupiah, "must be whole rupiah such as 1500000 or 1.500.000");
      }
      return std::nullopt;
    }
    return *value;
  }

  const Layout& layout_;
  const VillageSet& villages_;
  core::Instant now_;
  int this_year_;
  std::vector<std::string> header_;  // as the file names its columns, shown back
  std::size_t expected_width_ = 0;
  std::size_t needed_ = 0;
  std::int64_t line_ = 0;
  const std::vector<std::string>* fields_ = nullptr;
  std::vector<RowError>* errors_ = nullptr;
};

std::uint64_t NibNumber(const std::string& nib) { return std::stoull(nib); }

// Rows read and checked, on their way from the reading thread to the writing one.
struct Batch {
  std::vector<ImportRecord> records;
  std::vector<RowError> errors;
  std::int64_t failed = 0;      // rows refused; each has at least one error
  std::int64_t bytes_read = 0;  // of the file, up to the batch's last row
};

// The hand-off between the two threads of a job: the reader waits while two batches wait to be
// written, so memory stays bounded whatever the file's size.
using BatchQueue = core::BoundedQueue<Batch>;

// The reading side of a job: parses and checks every row after the header, skipping (but
// remembering the keys of) the first `rows_done` rows that an interrupted run already wrote.
// A second row with the same NIB or owner + name + village is refused, so that neither mode
// writes the same enterprise twice. (Match keys are remembered by a 64-bit hash: two distinct
// keys colliding among a million rows has odds of about 1 in 30 million.)
void ReadRows(RowSource& source, RowParser& parser, std::int64_t rows_done, std::size_t batch_rows,
              BatchQueue& queue) {
  std::unordered_map<std::uint64_t, std::int64_t> nibs_seen, niks_seen, keys_seen;
  std::hash<std::string> hash;
  std::int64_t line = 0, rows_seen = 0;
  std::vector<std::string> fields;
  std::vector<RowError> row_errors;
  Batch batch;
  batch.records.reserve(batch_rows);
  auto full = [&] { return batch.records.size() + static_cast<std::size_t>(batch.failed) >= batch_rows; };
  while (true) {
    auto more = source.Next(line, fields);
    if (!more.ok()) {
      // Malformed CSV (an unclosed quote, say): what came before is kept, the job fails here.
      batch.bytes_read = source.BytesRead();
      if (!queue.Push(std::move(batch))) return;
      queue.Close(std::move(more).error());
      return;
    }
    if (!*more) break;
    ++rows_seen;
    ImportRecord& record = batch.records.emplace_back();
    row_errors.clear();
    bool valid = parser.Parse(line, fields, source.CutFields(), record, row_errors);
    if (rows_seen <= rows_done) {
      // Already written by the run that was interrupted: only remember its keys.
      if (valid) {
        if (record.enterprise.nib) nibs_seen.emplace(NibNumber(*record.enterprise.nib), line);
        if (record.owner.nik) niks_seen.emplace(NibNumber(*record.owner.nik), line);
        keys_seen.emplace(hash(record.match_key), line);
      }
      batch.records.pop_back();
      continue;
    }
    if (valid && record.enterprise.nib) {
      auto [it, fresh] = nibs_seen.emplace(NibNumber(*record.enterprise.nib), line);
      if (!fresh) {
        row_errors.push_back({line, "nib", *record.enterprise.nib,
                              "the same NIB is already on line " + std::to_string(it->second),
                              std::string(row_error::kDuplicateNib),
                              {{"line", std::to_string(it->second)}}});
        valid = false;
      }
    }
    if (valid && record.owner.nik) {
      auto [it, fresh] = niks_seen.emplace(NibNumber(*record.owner.nik), line);
      if (!fresh) {
        row_errors.push_back({line, "nik", std::string(MaskNik(*record.owner.nik)),
                              "the same NIK is already on line " + std::to_string(it->second),
                              std::string(row_error::kDuplicateNik),
                              {{"line", std::to_string(it->second)}}});
        valid = false;
      }
    }
    if (valid) {
      auto [it, fresh] = keys_seen.emplace(hash(record.match_key), line);
      if (!fresh) {
        row_errors.push_back({line, "name", record.enterprise.name,
                              "the same owner, name and village are already on line " +
                                  std::to_string(it->second),
                              std::string(row_error::kDuplicateEnterprise),
                              {{"line", std::to_string(it->second)}}});
        valid = false;
      }
    }
    if (!valid) {
      batch.records.pop_back();
      ++batch.failed;
      for (auto& error : row_errors) batch.errors.push_back(std::move(error));
    }
    if (full()) {
      batch.bytes_read = source.BytesRead();
      if (!queue.Push(std::move(batch))) return;
      batch = Batch{};
      batch.records.reserve(batch_rows);
    }
  }
  batch.bytes_read = source.BytesRead();
  if (!batch.records.empty() || batch.failed > 0) {
    if (!queue.Push(std::move(batch))) return;
  }
  queue.Close(std::nullopt);
}

// Merges a row's non-empty cells into an existing record (upsert).
void MergeInto(const ImportRecord& row, Person& owner, Enterprise& enterprise) {
  const Person& from = row.owner;
  owner.name = from.name;
  if (from.gender) owner.gender = from.gender;
  if (from.birth_year) owner.birth_year = from.birth_year;
  if (from.phone) owner.phone = from.phone;
  if (from.nik) {
    owner.nik = from.nik;
    owner.nik_consent_at = from.nik_consent_at;
  }
  if (from.village_code) owner.village_code = from.village_code;
  const Enterprise& e = row.enterprise;
  enterprise.name = e.name;
  enterprise.sector = e.sector;
  if (e.products) enterprise.products = e.products;
  if (e.business_centre) enterprise.business_centre = e.business_centre;
  enterprise.village_code = e.village_code;
  if (e.founded_year) enterprise.founded_year = e.founded_year;
  if (e.employees) enterprise.employees = e.employees;
  if (e.capital) enterprise.capital = e.capital;
  if (e.turnover) enterprise.turnover = e.turnover;
  if (e.nib) enterprise.nib = e.nib;
  enterprise.status = e.status;
  if (e.verified_at) enterprise.verified_at = e.verified_at;
}

Context JobContext(const ImportJob& job) {
  Context context;
  if (job.created_by) {
    accounts::Principal principal;
    principal.user_id = *job.created_by;
    principal.username = job.created_by_username;
    principal.role = Role::kAdmin;  // only for attributing the audit entries
    context.principal = principal;
  } else {
    context.system = true;
  }
  context.request_id = "import-" + std::to_string(job.id);
  return context;
}

}  // namespace

std::string_view ToString(ImportMode mode) { return mode == ImportMode::kInsert ? "insert" : "upsert"; }

std::optional<ImportMode> ParseImportMode(std::string_view text) {
  if (text == "insert") return ImportMode::kInsert;
  if (text == "upsert") return ImportMode::kUpsert;
  return std::nullopt;
}

std::string_view ToString(JobStatus status) {
  switch (status) {
    case JobStatus::kQueued: return "queued";
    case JobStatus::kRunning: return "running";
    case JobStatus::kSucceeded: return "succeeded";
    case JobStatus::kFailed: return "failed";
  }
  return "queued";
}

std::optional<JobStatus> ParseJobStatus(std::string_view text) {
  for (auto status : {JobStatus::kQueued, JobStatus::kRunning, JobStatus::kSucceeded, JobStatus::kFailed}) {
    if (ToString(status) == text) return status;
  }
  return std::nullopt;
}

bool ImportService::MaySee(const Context& context, const ImportJob& job) const {
  if (context.IsAdmin()) return true;
  return context.principal && job.created_by && *job.created_by == context.principal->user_id;
}

core::Result<ImportJob> ImportService::Create(const Context& context, const ImportRequest& request) {
  bool officer = context.principal && context.principal->role == Role::kOfficer;
  if (!context.IsAdmin() && !officer) return Error::Denied("only admins and officers import");
  if (request.kind != "enterprises") {
    return Error::Invalid("kind", "invalid_value", "kind must be enterprises");
  }
  auto mode = ParseImportMode(request.mode);
  if (!mode) return Error::Invalid("mode", "invalid_value", "mode must be insert or upsert");
  ImportJob job;
  job.kind = request.kind;
  job.mode = *mode;
  job.dry_run = request.dry_run;
  job.file_name = request.file_name.empty() ? "upload.csv" : request.file_name;
  job.file_path = request.file_path;
  job.bytes_total = request.bytes_total;
  if (context.principal) {
    job.created_by = context.principal->user_id;
    job.created_by_username = context.principal->username;
  } else {
    job.created_by_username = "system";
  }
  if (officer) {
    const auto& scope = context.principal->scope;
    if (!scope || scope->kind != accounts::ScopeKind::kStakeholder) {
      return Error::Denied("your account is not attached to a stakeholder; ask an admin");
    }
    job.steward_id = scope->id;
  }
  job.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(job.id, unit->Imports().Insert(job));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return job;
}

core::Result<ImportJob> ImportService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  auto job = unit->Imports().Find(id);
  if (!job.ok()) return job;
  if (!MaySee(context, *job)) return Error::NotFound("no import with id " + std::to_string(id));
  return job;
}

core::Result<core::Page<ImportJob>> ImportService::List(const Context& context,
                                                        const core::PageRequest& page) {
  if (!context.IsAdmin() && !(context.principal && context.principal->role == Role::kOfficer)) {
    return Error::Denied("only admins and officers import");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  std::optional<std::int64_t> mine;
  if (!context.IsAdmin()) mine = context.principal->user_id;
  return unit->Imports().List(mine, page);
}

core::Result<core::Page<RowError>> ImportService::Errors(const Context& context, std::int64_t id,
                                                         const core::PageRequest& page) {
  GOTONG_RETURN_IF_ERROR(Get(context, id));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Imports().ListErrors(id, page);
}

core::Status ImportService::ForEachError(const Context& context, std::int64_t id,
                                         const std::function<bool(const RowError&)>& each) {
  GOTONG_RETURN_IF_ERROR(Get(context, id));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Imports().ForEachError(id, each);
}

core::Result<std::vector<ImportJob>> ImportService::Unfinished() {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Imports().Unfinished();
}

core::Status ImportService::Fail(std::int64_t job_id, JobNote why) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto job, unit->Imports().Find(job_id));
  job.status = JobStatus::kFailed;
  job.message = std::move(why);
  job.finished_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Imports().Save(job));
  return unit->Commit();
}

core::Result<ImportJob> ImportService::Run(std::int64_t job_id, RowSource& source,
                                           const std::function<void(const ImportJob&)>& progress,
                                           const std::stop_token& stop) {
  ImportJob job;
  VillageSet villages;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
    GOTONG_ASSIGN_OR_RETURN(job, unit->Imports().Find(job_id));
    if (job.status == JobStatus::kSucceeded || job.status == JobStatus::kFailed) return job;
    job.status = JobStatus::kRunning;
    if (!job.started_at) job.started_at = clock_.Now();
    GOTONG_RETURN_IF_ERROR(unit->Imports().Save(job));
    GOTONG_ASSIGN_OR_RETURN(auto codes, unit->Regions().CodesAt(regions::Level::kVillage));
    villages.reserve(codes.size());
    for (auto& code : codes) villages.insert(std::move(code));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
  }
  auto finish = [&](JobStatus status, std::optional<JobNote> message) -> core::Result<ImportJob> {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
    GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Imports().Find(job_id));
    // Indexes suspended for a bulk load (by this run or by an interrupted one) come back now.
    GOTONG_RETURN_IF_ERROR(unit->Bulk().RestoreIndexes());
    saved.status = status;
    saved.message = std::move(message);
    saved.warnings = job.warnings;
    saved.finished_at = clock_.Now();
    if (status == JobStatus::kSucceeded) saved.bytes_read = saved.bytes_total;
    GOTONG_RETURN_IF_ERROR(unit->Imports().Save(saved));
    auto entry = audit::NewEntry(JobContext(saved), clock_.Now(), "import", std::to_string(job_id),
                                 saved.dry_run ? "import_dry_run" : "import");
    entry.after = audit::Snapshot{{"file_name", saved.file_name},
                                  {"mode", std::string(ToString(saved.mode))},
                                  {"status", std::string(ToString(saved.status))},
                                  {"rows_read", saved.rows_read},
                                  {"rows_inserted", saved.rows_inserted},
                                  {"rows_updated", saved.rows_updated},
                                  {"rows_failed", saved.rows_failed}};
    GOTONG_RETURN_IF_ERROR(unit->Audit().Append(entry));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
    if (!saved.dry_run && saved.rows_inserted + saved.rows_updated > 0) {
      // The first lists after a load plan on real statistics. Only an optimisation: the job's
      // outcome stands whatever this says (a failure goes to the log).
      auto analyzed = database_.Begin(Access::kWrite);
      core::Status analysis =
          analyzed.ok() ? (*analyzed)->Bulk().Analyze() : core::Status(analyzed.error());
      if (analysis.ok()) analysis = (*analyzed)->Commit();
      if (!analysis.ok() && options_.report_database_error) {
        options_.report_database_error(job_id, analysis.error());
      }
    }
    if (progress) progress(saved);
    return saved;
  };

  std::int64_t line = 0;
  std::vector<std::string> fields;
  auto header = source.Next(line, fields);
  if (!header.ok()) return finish(JobStatus::kFailed, FileProblem(header.error()));
  if (!*header) {
    return finish(JobStatus::kFailed, JobNote{"the file is empty; it needs a header row",
                                              std::string(job_note::kEmptyFile), {}});
  }
  job.warnings.clear();
  auto layout = ReadLayout(fields, job.warnings);
  if (!layout.ok()) return finish(JobStatus::kFailed, LayoutProblem(layout.error()));
  core::Instant now = clock_.Now();
  RowParser parser(*layout, villages, now);
  parser.SetHeader(fields);

  // With no other enterprise registered, only the file itself can hold duplicates: rows need
  // no look-up, and a large file is bulk-loaded with the secondary indexes built at the end.
  bool check_registry = true;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
    GOTONG_ASSIGN_OR_RETURN(auto others, unit->Bulk().CountOthers(job_id));
    check_registry = others > 0;
    if (!check_registry && !job.dry_run &&
        job.bytes_total - job.bytes_read >= options_.bulk_load_bytes) {
      GOTONG_RETURN_IF_ERROR(unit->Bulk().SuspendIndexes());
    }
    GOTONG_RETURN_IF_ERROR(unit->Commit());
  }

  auto flush = [&](Batch& batch) -> core::Status {
    for (int attempt = 0; attempt < 2; ++attempt) {
      GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
      GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Imports().Find(job_id));
      std::vector<RowError> errors = batch.errors;
      std::int64_t failed = batch.failed;
      const auto batch_rows = static_cast<std::int64_t>(batch.records.size()) + batch.failed;
      std::vector<ImportRecord> inserts;
      std::vector<std::pair<ImportRecord*, std::int64_t>> updates;
      // A NIK belongs to one person: a row whose NIK another person of the registry holds is
      // refused (an update may keep its own owner's).
      std::unordered_map<std::string, std::int64_t> nik_holders;
      {
        std::vector<std::string> niks;
        for (auto& record : batch.records) {
          if (record.owner.nik) niks.push_back(*record.owner.nik);
        }
        if (!niks.empty()) {
          GOTONG_ASSIGN_OR_RETURN(auto holders, unit->Bulk().FindNikHolders(niks));
          for (auto& holder : holders) nik_holders.emplace(holder.nik, holder.person_id);
        }
      }
      auto nik_taken = [&](const ImportRecord& record, std::int64_t own_owner) {
        if (!record.owner.nik) return false;
        auto it = nik_holders.find(*record.owner.nik);
        if (it == nik_holders.end() || it->second == own_owner) return false;
        ++failed;
        errors.push_back({record.line, "nik", std::string(MaskNik(*record.owner.nik)),
                          "another person of the registry (#" + std::to_string(it->second) +
                              ") already has this NIK",
                          std::string(row_error::kNikRegistered),
                          {{"person_id", std::to_string(it->second)}}});
        return true;
      };
      if (check_registry) {
        std::vector<std::string> nibs, keys;
        for (auto& record : batch.records) {
          if (record.enterprise.nib) nibs.push_back(*record.enterprise.nib);
          keys.push_back(record.match_key);
        }
        GOTONG_ASSIGN_OR_RETURN(auto existing, unit->Bulk().FindExisting(nibs, keys));
        std::unordered_map<std::string, std::int64_t> by_nib, by_key;
        std::unordered_map<std::int64_t, std::int64_t> owner_of;  // enterprise id → owner id
        for (auto& e : existing) {
          if (e.nib) by_nib.emplace(*e.nib, e.id);
          by_key.emplace(e.match_key, e.id);
          owner_of.emplace(e.id, e.owner_id);
        }
        for (auto& record : batch.records) {
          std::optional<std::int64_t> match;
          const char* how = "";
          std::string_view code;
          if (record.enterprise.nib) {
            if (auto it = by_nib.find(*record.enterprise.nib); it != by_nib.end()) {
              match = it->second;
              how = "the same NIB";
              code = row_error::kNibRegistered;
            }
          }
          if (!match) {
            if (auto it = by_key.find(record.match_key); it != by_key.end()) {
              match = it->second;
              how = "the same owner, name and village";
              code = row_error::kEnterpriseRegistered;
            }
          }
          if (!match) {
            if (!nik_taken(record, 0)) inserts.push_back(std::move(record));
          } else if (saved.mode == ImportMode::kInsert) {
            ++failed;
            errors.push_back({record.line, record.enterprise.nib ? "nib" : "name",
                              record.enterprise.nib.value_or(record.enterprise.name),
                              "already registered as enterprise #" + std::to_string(*match) +
                                  " (" + how + "); import with mode upsert to update it",
                              std::string(code),
                              {{"enterprise_id", std::to_string(*match)}}});
          } else if (!nik_taken(record, owner_of[*match])) {
            updates.emplace_back(&record, *match);
          }
        }
      } else {
        for (auto& record : batch.records) {
          if (!nik_taken(record, 0)) inserts.push_back(std::move(record));
        }
        batch.records.clear();
      }
      if (!saved.dry_run) {
        for (auto& record : inserts) {
          record.owner.steward_id = saved.steward_id;
          record.enterprise.steward_id = saved.steward_id;
          record.enterprise.import_job_id = job_id;
          record.owner.created_at = record.owner.updated_at = now;
          record.enterprise.created_at = record.enterprise.updated_at = now;
        }
        auto inserted = unit->Bulk().InsertMany(inserts);
        if (!inserted.ok()) {
          if (inserted.error().code == core::ErrorCode::kAlreadyExists && !check_registry) {
            // Someone registered an enterprise meanwhile: look the batch up after all.
            check_registry = true;
            batch.records = std::move(inserts);
            batch.errors = std::move(errors);  // with the rows refused for their NIK
            batch.failed = failed;
            continue;
          }
          return inserted;
        }
        Context context = JobContext(saved);
        for (auto& [record, id] : updates) {
          GOTONG_ASSIGN_OR_RETURN(auto enterprise, unit->Enterprises().Find(id));
          GOTONG_ASSIGN_OR_RETURN(auto owner, unit->People().Find(enterprise.owner_id));
          auto entry = audit::NewEntry(context, now, "enterprise", std::to_string(id), "import_update");
          entry.before = SnapshotOf(enterprise);
          std::string old_owner_name = owner.name;
          MergeInto(*record, owner, enterprise);
          owner.updated_at = enterprise.updated_at = now;
          GOTONG_RETURN_IF_ERROR(unit->People().Update(owner));
          enterprise.owner_name = owner.name;
          GOTONG_RETURN_IF_ERROR(unit->Enterprises().Update(enterprise));
          if (owner.name != old_owner_name) {
            GOTONG_RETURN_IF_ERROR(unit->Enterprises().OwnerRenamed(owner.id, owner.name));
          }
          entry.after = SnapshotOf(enterprise);
          GOTONG_RETURN_IF_ERROR(unit->Audit().Append(entry));
        }
      }
      saved.rows_read += batch_rows;
      saved.rows_inserted += static_cast<std::int64_t>(inserts.size());
      saved.rows_updated += static_cast<std::int64_t>(updates.size());
      saved.rows_failed += failed;
      std::int64_t room = std::max<std::int64_t>(0, options_.max_errors - saved.errors_stored);
      if (static_cast<std::int64_t>(errors.size()) > room) errors.resize(static_cast<std::size_t>(room));
      GOTONG_RETURN_IF_ERROR(unit->Imports().AddErrors(job_id, errors));
      saved.errors_stored += static_cast<std::int64_t>(errors.size());
      saved.bytes_read = batch.bytes_read;
      saved.warnings = job.warnings;
      GOTONG_RETURN_IF_ERROR(unit->Imports().Save(saved));
      GOTONG_RETURN_IF_ERROR(unit->Commit());
      job = std::move(saved);
      if (progress) progress(job);
      return core::OkStatus();
    }
    return Error::Internal("the batch could not be written");
  };

  // Reading and checking rows is about as much work as writing them: a second thread reads
  // the next batch while this one writes. At most two batches wait between them.
  BatchQueue queue(2);
  const std::int64_t rows_done = job.rows_read;
  std::jthread reader([&] {
    try {
      ReadRows(source, parser, rows_done, options_.batch_rows, queue);
    } catch (...) {
      queue.Close(std::nullopt, std::current_exception());
    }
  });
  struct StopReader {
    BatchQueue& queue;
    std::jthread& reader;
    ~StopReader() {
      queue.Cancel();
      reader.join();
    }
  } stop_reader{queue, reader};

  while (auto batch = queue.Pop()) {
    if (stop.stop_requested()) return job;  // still running: the next run resumes after `job`
    auto status = flush(*batch);
    if (!status.ok()) {
      if (options_.report_database_error) options_.report_database_error(job_id, status.error());
      return finish(JobStatus::kFailed, DatabaseProblem(job_id));
    }
  }
  if (auto exception = queue.exception()) std::rethrow_exception(exception);
  if (auto error = queue.error()) return finish(JobStatus::kFailed, FileProblem(*error));
  return finish(JobStatus::kSucceeded, std::nullopt);
}

}  // namespace gotong::domain::registry
