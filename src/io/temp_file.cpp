#include "io/temp_file.hpp"

#include <filesystem>
#include <random>
#include <utility>

namespace gotong::io {

TempFile::TempFile(const std::string& tmpdir, std::string_view prefix, std::string_view extension) {
  std::error_code ec;
  std::filesystem::create_directories(tmpdir, ec);
  std::random_device random;
  path_ = (std::filesystem::path(tmpdir) / (std::string(prefix) + std::to_string(random()) +
                                             std::to_string(random()) + std::string(extension)))
              .string();
}

TempFile::~TempFile() {
  if (path_.empty()) return;
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

std::string TempFile::Release() { return std::exchange(path_, std::string()); }

}  // namespace gotong::io
