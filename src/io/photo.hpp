#pragma once

// Photos members send from their phones (a failed batik piece for a help request): told by their
// bytes, never by the Content-Type a client claims; decoded by libvips with only its JPEG, PNG
// and WebP loaders allowed; turned upright by their EXIF orientation; shrunk and re-encoded as a
// JPEG that keeps no metadata at all (a phone photo's EXIF holds the GPS position of her home),
// with a thumbnail.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "core/result.hpp"
#include "domain/mentoring/help_request.hpp"

namespace gotong::io {

enum class ImageFormat { kJpeg, kPng, kWebp };

// The format the first bytes announce (JPEG FF D8 FF, PNG's 8-byte signature, RIFF….WEBP), or
// nullopt for anything else.
std::optional<ImageFormat> SniffImage(std::string_view bytes);

struct PhotoOptions {
  std::size_t max_bytes = std::size_t{10} * 1024 * 1024;  // as sent
  // A decompression bomb (a small PNG that claims 60000 × 60000) is refused from its header,
  // before a pixel is decoded. 50 MP lets a phone's 48 MP mode through.
  std::int64_t max_pixels = 50'000'000;
  int max_side = 1600;       // the long side of the photo kept
  int thumbnail_side = 320;  // and of its thumbnail
  int quality = 82;          // JPEG quality of both
};

// Starts libvips once for the process (later calls return the first call's outcome): only the
// JPEG, PNG and WebP loaders may run, its operation cache is off (nothing of one member's photo
// is kept for the next), and its warnings are not printed. kUnavailable when it cannot start.
core::Status StartImageLibrary();

class VipsPhotoEncoder final : public domain::mentoring::PhotoEncoder {
 public:
  explicit VipsPhotoEncoder(PhotoOptions options = {}) : options_(options) {}

  std::size_t MaxBytes() const override { return options_.max_bytes; }
  // The photo at most max_side on its long side (never enlarged) and its thumbnail, both JPEG
  // without EXIF, XMP, IPTC or ICC. Errors name the field "photo": required (empty), too_large,
  // not_an_image, too_many_pixels, unreadable (damaged, truncated or not what it claims).
  core::Result<domain::mentoring::EncodedPhoto> Encode(std::string_view bytes) const override;

 private:
  PhotoOptions options_;
};

}  // namespace gotong::io
