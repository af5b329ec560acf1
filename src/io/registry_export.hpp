#pragma once

#include <memory>
#include <string>

#include "core/result.hpp"
#include "domain/registry/registry.hpp"

namespace gotong::io {

// Writes enterprises with their owners as a spreadsheet people can open: the import's column
// names (so an export can be corrected and imported back with mode upsert) plus the derived ones.
class EnterpriseSheet {
 public:
  virtual ~EnterpriseSheet() = default;
  virtual void Add(const domain::registry::Enterprise& enterprise,
                   const domain::registry::Person& owner, bool stale) = 0;
  // Closes the finished file and hands it over: its path; the caller removes it. (A sheet
  // never finished removes its file.)
  virtual core::Result<std::string> Finish() = 0;
};

// Appends one field for a ';'-separated CSV: quoted when it holds ';', '"' or a line end, and
// with a leading ' when a spreadsheet would run it as a formula ("+62…" phone numbers are not).
void AppendCsvField(std::string& out, const std::string& text);

// UTF-8 with a BOM, ';' between fields and CRLF line ends: what Indonesian Excel opens as is.
// Written row by row to a file under `tmpdir`, so memory stays flat whatever the size.
core::Result<std::unique_ptr<EnterpriseSheet>> NewCsvSheet(const std::string& tmpdir);
// A real .xlsx workbook (libxlsxwriter in constant-memory mode), built in a file under `tmpdir`.
core::Result<std::unique_ptr<EnterpriseSheet>> NewXlsxSheet(const std::string& tmpdir);

}  // namespace gotong::io
