#include "io/upload.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

namespace gotong::io {

namespace fs = std::filesystem;

core::Result<StagedUpload> StageUpload(const std::string& work_dir, const std::string& spooled,
                                       std::string_view body) {
  std::error_code ec;
  const auto bytes = spooled.empty() ? static_cast<std::int64_t>(body.size())
                                     : static_cast<std::int64_t>(fs::file_size(spooled, ec));
  if (ec) return core::Error::Unavailable("cannot read the uploaded file: " + ec.message());
  if (bytes == 0) return core::Error::Invalid("file", "required", "the file is empty");

  fs::path folder = fs::path(work_dir) / "imports";
  fs::create_directories(folder, ec);
  if (ec) return core::Error::Unavailable("cannot keep the uploaded file: " + ec.message());
  std::random_device random;
  fs::path path = folder / ("upload-" + std::to_string(random()) + std::to_string(random()) + ".csv");
  if (!spooled.empty()) {
    fs::rename(spooled, path, ec);
    if (ec) {
      ec.clear();  // another file system: copy instead
      fs::copy_file(spooled, path, ec);
    }
  } else {
    std::ofstream file(path, std::ios::binary);
    file.write(body.data(), static_cast<std::streamsize>(body.size()));
    file.close();
    if (!file) ec = std::make_error_code(std::errc::io_error);
  }
  if (ec) {
    DiscardUpload(path.string());
    return core::Error::Unavailable("cannot keep the uploaded file: " + ec.message());
  }
  return StagedUpload{path.string(), bytes};
}

void DiscardUpload(const std::string& path) {
  std::error_code ec;
  fs::remove(path, ec);
}

core::Result<std::string> ReadSpooledBody(const std::string& path, std::size_t max_bytes) {
  std::error_code ec;
  const auto size = static_cast<std::size_t>(fs::file_size(path, ec));
  std::ifstream file(path, std::ios::binary);
  if (ec || !file) return core::Error::Unavailable("cannot read the uploaded file");
  std::string bytes(std::min(size, max_bytes + 1), '\0');
  file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (file.bad()) return core::Error::Unavailable("cannot read the uploaded file");
  bytes.resize(static_cast<std::size_t>(file.gcount()));
  return bytes;
}

}  // namespace gotong::io
