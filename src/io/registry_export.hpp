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
  // The finished file's bytes.
  virtual core::Result<std::string> Finish() = 0;
};

// Appends one field for a ';'-separated CSV: quoted when it holds ';', '"' or a line end, and
// with a leading ' when a spreadsheet would run it as a formula ("+62…" phone numbers are not).
void AppendCsvField(std::string& out, const std::string& text);

// UTF-8 with a BOM, ';' between fields and CRLF line ends: what Indonesian Excel opens as is.
std::unique_ptr<EnterpriseSheet> NewCsvSheet();
// A real .xlsx workbook (libxlsxwriter), built in a temporary file under `tmpdir`.
core::Result<std::unique_ptr<EnterpriseSheet>> NewXlsxSheet(const std::string& tmpdir);

}  // namespace gotong::io
