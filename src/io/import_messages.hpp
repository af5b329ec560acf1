#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/registry/import.hpp"

namespace gotong::io {

// The languages people read gotong's files in: Bahasa Indonesia first, English second.
enum class Language { kIndonesian, kEnglish };

// "id" or "en"; nullopt for anything else.
std::optional<Language> ParseLanguage(std::string_view text);

// A whole number with thousands separators: 100.000 in Indonesian, 100,000 in English.
std::string GroupDigits(std::int64_t number, Language language);

// Whether `code` (one of domain::registry::row_error::kAll) has words in every language.
bool KnowsRowErrorCode(std::string_view code);

// A row error in the reader's words, made from its code and params, without the column's name
// (which has its own column beside it). An error whose code is empty or unknown, or lacks one of
// its code's params, is shown by its stored English message instead.
std::string RowErrorText(const domain::registry::RowError& error, Language language);

// The errors.csv of an import, as Indonesian Excel opens it: the BOM and the header line
// (baris;kolom;nilai;pesan or row;field;value;message), then one line per error.
std::string ImportErrorsCsvHeader(Language language);
void AppendImportErrorCsvRow(std::string& out, const domain::registry::RowError& error,
                             Language language);

// An errors.csv written line by line to a file under `tmpdir`, so that a job's many errors take
// no more memory than one.
class ImportErrorsCsvFile {
 public:
  static core::Result<std::unique_ptr<ImportErrorsCsvFile>> Create(const std::string& tmpdir,
                                                                   Language language);
  ~ImportErrorsCsvFile();
  ImportErrorsCsvFile(const ImportErrorsCsvFile&) = delete;
  ImportErrorsCsvFile& operator=(const ImportErrorsCsvFile&) = delete;

  void Add(const domain::registry::RowError& error);
  // Closes the file and hands it over: its path, for the caller to send and remove. (A file
  // never finished is removed.)
  core::Result<std::string> Finish();

 private:
  ImportErrorsCsvFile(const std::string& tmpdir, Language language);
  struct File;
  std::unique_ptr<File> file_;
  Language language_;
  std::string line_;
};

}  // namespace gotong::io
