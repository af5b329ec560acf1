#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/registry/import.hpp"

namespace gotong::domain::registry {

// What an import row gives: the fields of an owner and of her enterprise.
enum class ImportField : std::uint8_t {
  kOwnerName, kOwnerGender, kOwnerBirthYear, kOwnerPhone, kOwnerNik, kNikConsent,
  kName, kSector, kProducts, kBusinessCentre, kVillageCode, kFoundedYear, kEmployees,
  kCapital, kTurnover, kNib, kStatus, kVerifiedAt
};
inline constexpr std::size_t kImportFieldCount = 18;

// One data row as a file's reader hands it over. Views into the reader's storage, valid until
// its next row.
struct ImportRow {
  std::int64_t line = 0;  // the row's first line in the file; the header is line 1
  // Each field's cell, trimmed; empty when the row leaves it empty or the file has no column
  // for it.
  std::array<std::string_view, kImportFieldCount> cells{};
  // What the file calls each field's column ("nama_pemilik"), for the row's errors.
  std::array<std::string_view, kImportFieldCount> columns{};
  // What makes the row unreadable as a whole, found by the reader: a wrong number of cells, a
  // cell too long to have been kept. Its cells are not checked then.
  std::vector<RowError> problems;

  std::string_view operator[](ImportField field) const {
    return cells[static_cast<std::size_t>(field)];
  }
  std::string_view column(ImportField field) const {
    return columns[static_cast<std::size_t>(field)];
  }
};

// Reads a file's rows for an import, one at a time, knowing the file's format and how it names
// its columns (io/registry_csv.hpp for CSV).
class RowSource {
 public:
  virtual ~RowSource() = default;
  // Reads the header: on success, what the job notes about it (the columns it skips). A file
  // that cannot be imported (empty, a required column missing, unreadable) is an error whose
  // one field's code is a job_note code, with the note's parameters.
  virtual core::Result<std::vector<JobNote>> Start() = 0;
  // The next data row; false at the end. A file that cannot be read on is an error as Start's.
  virtual core::Result<bool> Next(ImportRow& row) = 0;
  // Of the file, so far (for progress).
  virtual std::int64_t BytesRead() const = 0;
};

}  // namespace gotong::domain::registry
