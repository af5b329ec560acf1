#pragma once

#include <fstream>
#include <memory>
#include <string>

#include "core/result.hpp"
#include "domain/registry/import.hpp"
#include "io/csv_reader.hpp"

namespace gotong::io {

// A CSV file as the rows of an import.
class CsvFileRowSource final : public domain::registry::RowSource {
 public:
  static core::Result<std::unique_ptr<CsvFileRowSource>> Open(const std::string& path);

  core::Result<bool> Next(std::int64_t& line, std::vector<std::string>& fields) override {
    return reader_->Next(line, fields);
  }
  const std::vector<std::size_t>& CutFields() const override { return reader_->cut_fields(); }
  std::int64_t BytesRead() const override { return reader_->BytesRead(); }
  std::int64_t size() const { return size_; }

 private:
  CsvFileRowSource() = default;
  std::ifstream file_;
  std::unique_ptr<CsvReader> reader_;
  std::int64_t size_ = 0;
};

}  // namespace gotong::io
