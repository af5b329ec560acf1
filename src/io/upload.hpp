#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gotong::io {

// An uploaded file kept until its job has read it.
struct StagedUpload {
  std::string path;
  std::int64_t bytes = 0;
};

// Keeps an upload in `work_dir`/imports under a name nobody can guess: moved there from the
// server's spool file `spooled` (a large body streamed to disk; copied when it lies on another
// file system), or written from `body` (a small one kept in memory). An empty upload is
// kInvalidArgument on "file" (code required); a file that cannot be kept is kUnavailable, and
// nothing is left behind.
core::Result<StagedUpload> StageUpload(const std::string& work_dir, const std::string& spooled,
                                       std::string_view body);

// Removes a staged upload that no job will read; a file already gone is no error.
void DiscardUpload(const std::string& path);

// The body of a small upload (a photo) the server spooled to `path`: at most `max_bytes` + 1
// bytes of it, enough for the caller to tell that it is too large without reading it all.
// kUnavailable when the file cannot be read.
core::Result<std::string> ReadSpooledBody(const std::string& path, std::size_t max_bytes);

}  // namespace gotong::io
