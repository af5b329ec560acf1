#pragma once

#include <string>
#include <string_view>

namespace gotong::io {

// A file in `tmpdir` (created if need be) named at random with `prefix` and `extension`,
// removed with its owner unless handed over by Release: how exports and errors.csv are built
// row by row on disk and then sent from there.
class TempFile {
 public:
  TempFile(const std::string& tmpdir, std::string_view prefix, std::string_view extension);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  // The path, now the caller's to remove.
  std::string Release();

 private:
  std::string path_;
};

}  // namespace gotong::io
