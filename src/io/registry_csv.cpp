#include "io/registry_csv.hpp"

#include <filesystem>

namespace gotong::io {

core::Result<std::unique_ptr<CsvFileRowSource>> CsvFileRowSource::Open(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return core::Error::Invalid("file", "not_found", "cannot read " + path + ": " + ec.message());
  std::unique_ptr<CsvFileRowSource> source(new CsvFileRowSource());
  source->file_.open(path, std::ios::binary);
  if (!source->file_) return core::Error::Invalid("file", "not_found", "cannot open " + path);
  source->size_ = static_cast<std::int64_t>(size);
  CsvOptions options;
  options.max_field_bytes = domain::registry::kMaxCellBytes;
  source->reader_ = std::make_unique<CsvReader>(source->file_, options);
  return source;
}

}  // namespace gotong::io
