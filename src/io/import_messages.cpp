// The words of import row errors, in every language gotong's files are read in. The domain
// gives each error a stable code with named arguments (domain/registry/import.hpp); the web app
// keeps the same sentences in its i18n (web/src/lib/i18n/{id,en}.ts, imports.rowErrors), so a
// file downloaded reads like the table on screen.

#include "io/import_messages.hpp"

#include <array>
#include <charconv>
#include <fstream>

#include "io/registry_export.hpp"
#include "io/temp_file.hpp"

namespace gotong::io {
namespace {

namespace row_error = domain::registry::row_error;
using domain::registry::RowError;

// A code's sentence per language, without ';' (the delimiter of errors.csv, which would have the
// sentence quoted). "{name}" is replaced by the argument as stored; "{name:n}" by
// the argument as a whole number with thousands separators.
struct RowErrorWords {
  std::string_view code;
  std::string_view indonesian;
  std::string_view english;
};

constexpr std::array<RowErrorWords, 28> kWords = {{
    {row_error::kFieldCount,
     "baris ini berisi {fields} kolom, sedangkan baris judul berisi {header_fields} kolom",
     "the row has {fields} fields, but the header has {header_fields}"},
    {row_error::kRequired, "wajib diisi", "is required"},
    {row_error::kNotUtf8, "bukan teks UTF-8: simpan berkas sebagai CSV UTF-8",
     "is not UTF-8 text: save the file as CSV UTF-8"},
    {row_error::kTooLong, "paling banyak {max:n} karakter", "must be at most {max:n} characters"},
    {row_error::kBadYear, "harus tahun dari {min} sampai {max}", "must be a year from {min} to {max}"},
    {row_error::kOutOfRange, "harus angka bulat dari {min:n} sampai {max:n}",
     "must be a whole number from {min:n} to {max:n}"},
    {row_error::kNegative, "tidak boleh negatif", "must not be negative"},
    {row_error::kTooLarge, "angkanya terlalu besar", "is too large"},
    {row_error::kNotRupiah, "harus rupiah utuh seperti 1500000 atau 1.500.000",
     "must be whole rupiah such as 1500000 or 1.500.000"},
    {row_error::kBadGender, "harus P atau L (perempuan atau laki-laki)",
     "must be P or L (perempuan or laki-laki)"},
    {row_error::kBadPhone, "harus nomor telepon seperti 0812-3456-7890",
     "must be a phone number such as 0812-3456-7890"},
    {row_error::kBadNik, "NIK harus 16 angka, seperti di KTP",
     "must be the 16 digits of a national id (NIK)"},
    {row_error::kNikWithoutConsent, "NIK hanya disimpan bila pemiliknya setuju: tulis ya di sini",
     "a NIK is stored only with the owner’s consent: write ya here"},
    {row_error::kUnknownSector,
     "bukan sektor yang dikenal (batik, olahan pangan, kuliner, … atau kode KBLI)",
     "is not a known sector (batik, olahan pangan, kuliner, … or a KBLI code)"},
    {row_error::kNotAVillage, "bukan kode desa/kelurahan, contohnya 35.79.01.2001",
     "must be a village code such as 35.79.01.2001"},
    {row_error::kUnknownVillage, "tidak ada di daftar desa/kelurahan resmi",
     "is not a village in the official region list"},
    {row_error::kBadNib, "NIB harus tepat 13 angka", "must be exactly 13 digits"},
    {row_error::kBadStatus, "harus aktif atau tutup", "must be aktif or tutup (active or closed)"},
    {row_error::kBadDate, "harus tanggal yang ditulis tahun-bulan-tanggal, seperti 2024-08-17",
     "must be a date written YYYY-MM-DD, such as 2024-08-17"},
    {row_error::kInFuture, "tanggalnya tidak boleh di masa depan", "must not be in the future"},
    {row_error::kDuplicateNib, "NIB yang sama sudah ada di baris {line}",
     "the same NIB is already on line {line}"},
    {row_error::kDuplicateEnterprise,
     "pemilik, nama usaha, dan desa yang sama sudah ada di baris {line}",
     "the same owner, name and village are already on line {line}"},
    {row_error::kNibRegistered,
     "sudah terdaftar sebagai usaha nomor {enterprise_id} (NIB-nya sama). Untuk memperbaruinya, "
     "impor dengan cara Tambah dan perbarui",
     "already registered as enterprise #{enterprise_id} (the same NIB). To update it, import "
     "with Add and update (mode upsert)"},
    {row_error::kEnterpriseRegistered,
     "sudah terdaftar sebagai usaha nomor {enterprise_id} (pemilik, nama usaha, dan desanya "
     "sama). Untuk memperbaruinya, impor dengan cara Tambah dan perbarui",
     "already registered as enterprise #{enterprise_id} (the same owner, name and village). To "
     "update it, import with Add and update (mode upsert)"},
    {row_error::kControlCharacter,
     "berisi karakter kendali (seperti NUL, tab, atau ganti baris) yang tidak boleh ada di sel",
     "holds a control character (such as NUL, a tab or a line break), which no cell may hold"},
    {row_error::kFieldTooLong,
     "isinya lebih dari {max:n} byte, jadi baris ini tidak dibaca",
     "is longer than {max:n} bytes, so the row was not read"},
    {row_error::kDuplicateNik, "NIK yang sama sudah ada di baris {line}",
     "the same NIK is already on line {line}"},
    {row_error::kNikRegistered,
     "NIK ini sudah dipakai orang lain di daftar (orang nomor {person_id}): satu NIK untuk satu "
     "orang",
     "another person of the registry (#{person_id}) already has this NIK: a NIK belongs to one "
     "person"},
}};

const RowErrorWords* WordsFor(std::string_view code) {
  for (const auto& words : kWords) {
    if (words.code == code) return &words;
  }
  return nullptr;
}

const std::string* Param(const RowError& error, std::string_view name) {
  for (const auto& param : error.params) {
    if (param.name == name) return &param.value;
  }
  return nullptr;
}

// The sentence with its placeholders filled in; nullopt when an argument is missing or a
// number is not one.
std::optional<std::string> Fill(std::string_view sentence, const RowError& error,
                                Language language) {
  std::string out;
  out.reserve(sentence.size() + 16);
  while (!sentence.empty()) {
    auto open = sentence.find('{');
    out.append(sentence.substr(0, open));
    if (open == std::string_view::npos) break;
    auto close = sentence.find('}', open);
    if (close == std::string_view::npos) return std::nullopt;
    std::string_view name = sentence.substr(open + 1, close - open - 1);
    bool number = name.ends_with(":n");
    if (number) name.remove_suffix(2);
    const std::string* value = Param(error, name);
    if (!value) return std::nullopt;
    if (number) {
      std::int64_t parsed = 0;
      auto [end, ec] = std::from_chars(value->data(), value->data() + value->size(), parsed);
      if (ec != std::errc{} || end != value->data() + value->size()) return std::nullopt;
      out += GroupDigits(parsed, language);
    } else {
      out += *value;
    }
    sentence.remove_prefix(close + 1);
  }
  return out;
}

}  // namespace

std::optional<Language> ParseLanguage(std::string_view text) {
  if (text == "id") return Language::kIndonesian;
  if (text == "en") return Language::kEnglish;
  return std::nullopt;
}

std::string GroupDigits(std::int64_t number, Language language) {
  std::string digits = std::to_string(number);
  std::size_t first = digits.front() == '-' ? 1 : 0;
  const char separator = language == Language::kIndonesian ? '.' : ',';
  for (std::size_t at = digits.size(); at > first + 3; at -= 3) digits.insert(at - 3, 1, separator);
  return digits;
}

bool KnowsRowErrorCode(std::string_view code) { return WordsFor(code) != nullptr; }

std::string RowErrorText(const RowError& error, Language language) {
  const RowErrorWords* words = WordsFor(error.code);
  if (!words) return error.message;
  auto text = Fill(language == Language::kIndonesian ? words->indonesian : words->english, error,
                   language);
  if (text) return std::move(*text);
  return error.message;
}

std::string ImportErrorsCsvHeader(Language language) {
  return language == Language::kIndonesian ? "\xEF\xBB\xBF" "baris;kolom;nilai;pesan\r\n"
                                           : "\xEF\xBB\xBF" "row;field;value;message\r\n";
}

void AppendImportErrorCsvRow(std::string& out, const RowError& error, Language language) {
  out += std::to_string(error.row);
  out.push_back(';');
  AppendCsvField(out, error.field);
  out.push_back(';');
  AppendCsvField(out, error.value);
  out.push_back(';');
  AppendCsvField(out, RowErrorText(error, language));
  out += "\r\n";
}

struct ImportErrorsCsvFile::File {
  explicit File(const std::string& tmpdir) : temp(tmpdir, "import-errors-", ".csv") {
    out.open(temp.path(), std::ios::binary | std::ios::trunc);
  }
  TempFile temp;  // outlives the stream, which is closed first
  std::ofstream out;
};

ImportErrorsCsvFile::ImportErrorsCsvFile(const std::string& tmpdir, Language language)
    : file_(std::make_unique<File>(tmpdir)), language_(language) {}

ImportErrorsCsvFile::~ImportErrorsCsvFile() = default;

core::Result<std::unique_ptr<ImportErrorsCsvFile>> ImportErrorsCsvFile::Create(
    const std::string& tmpdir, Language language) {
  std::unique_ptr<ImportErrorsCsvFile> file(new ImportErrorsCsvFile(tmpdir, language));
  file->file_->out << ImportErrorsCsvHeader(language);
  if (!file->file_->out) return core::Error::Unavailable("cannot write errors.csv in " + tmpdir);
  return file;
}

void ImportErrorsCsvFile::Add(const domain::registry::RowError& error) {
  line_.clear();
  AppendImportErrorCsvRow(line_, error, language_);
  file_->out << line_;
}

core::Result<std::string> ImportErrorsCsvFile::Finish() {
  file_->out.close();
  if (!file_->out) return core::Error::Unavailable("cannot write " + file_->temp.path());
  return file_->temp.Release();
}

}  // namespace gotong::io
