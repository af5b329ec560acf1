#pragma once

#include <array>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/registry/import_row.hpp"
#include "io/csv_reader.hpp"

namespace gotong::io {

// The rows of an enterprise import from CSV (comma or semicolon, UTF-8 with or without a BOM,
// CRLF: CsvReader). The header names each column in English or Indonesian ("owner_name" or
// "nama_pemilik"; any case, spaces or hyphens for underscores, in any order). A column it does
// not know is skipped with a warning; a required one missing, or one named twice, fails the file.
class CsvRowSource final : public domain::registry::RowSource {
 public:
  explicit CsvRowSource(std::unique_ptr<std::istream> input);
  static core::Result<std::unique_ptr<CsvRowSource>> OpenFile(const std::string& path);

  core::Result<std::vector<domain::registry::JobNote>> Start() override;
  core::Result<bool> Next(domain::registry::ImportRow& row) override;
  std::int64_t BytesRead() const override { return reader_.BytesRead(); }

 private:
  std::unique_ptr<std::istream> input_;
  CsvReader reader_;
  std::array<int, domain::registry::kImportFieldCount> index_{};  // each field's column, or -1
  // What the file calls each field's column, as written (the English name for a column it lacks).
  std::array<std::string, domain::registry::kImportFieldCount> names_;
  std::vector<std::string> header_;  // every column's name, shown back
  std::size_t needed_ = 0;           // a row narrower than this misses a known column
  std::vector<std::string> fields_;  // the row being handed over
};

}  // namespace gotong::io
