#include "io/photo.hpp"

#include <vips/vips.h>

#include <array>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace gotong::io {
namespace {

using domain::mentoring::EncodedImage;
using domain::mentoring::EncodedPhoto;

// The loaders that may run: libvips has many more (PDF, SVG, FITS, …) that a photo never needs
// and that have had their share of bugs with hostile files.
constexpr std::array<const char*, 3> kAllowedLoaders = {"VipsForeignLoadJpeg", "VipsForeignLoadPng",
                                                        "VipsForeignLoadWebp"};

// Owns one reference to a libvips object.
struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

struct GFree {
  void operator()(void* memory) const { g_free(memory); }
};

core::Error PhotoError(std::string code, std::string message, core::ErrorParams params = {}) {
  core::Error error = core::Error::Invalid("photo", std::move(code), std::move(message));
  error.fields.front().params = std::move(params);
  return error;
}

core::Error Unreadable() {
  vips_error_clear();
  return PhotoError("unreadable",
                    "the photo cannot be read: it is damaged, cut short or not the picture its "
                    "first bytes announce");
}

void Quiet(const gchar*, GLogLevelFlags, const gchar*, gpointer) {}

core::Status Start() {
  if (VIPS_INIT("gotong") != 0) {
    std::string reason = vips_error_buffer();
    vips_error_clear();
    return core::Error::Unavailable("the image library (libvips) cannot start: " + reason);
  }
  vips_block_untrusted_set(TRUE);
  vips_operation_block_set("VipsForeignLoad", TRUE);
  for (const char* loader : kAllowedLoaders) vips_operation_block_set(loader, FALSE);
  vips_cache_set_max(0);
  // The server's workers decode photos side by side: one thread each is enough.
  vips_concurrency_set(1);
  // A damaged photo is an answer to its sender, not a line on the server's console.
  g_log_set_handler("VIPS", static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE),
                    Quiet, nullptr);
  return core::OkStatus();
}

// The image's header, read by the loader of its format alone (no pixel is decoded yet).
Image Header(std::string_view bytes, ImageFormat format) {
  VipsImage* out = nullptr;
  const void* data = bytes.data();
  const std::size_t size = bytes.size();
  int failed = 0;
  switch (format) {
    case ImageFormat::kJpeg:
      failed = vips_jpegload_buffer(const_cast<void*>(data), size, &out, "access",
                                    VIPS_ACCESS_SEQUENTIAL, nullptr);
      break;
    case ImageFormat::kPng:
      failed = vips_pngload_buffer(const_cast<void*>(data), size, &out, "access",
                                   VIPS_ACCESS_SEQUENTIAL, nullptr);
      break;
    case ImageFormat::kWebp:
      failed = vips_webpload_buffer(const_cast<void*>(data), size, &out, "access",
                                    VIPS_ACCESS_SEQUENTIAL, nullptr);
      break;
  }
  if (failed != 0) return nullptr;
  return Image(out);
}

// `bytes` (an image of an allowed format) upright and at most `side` on its long side.
Image Shrunk(std::string_view bytes, int side) {
  VipsImage* out = nullptr;
  // The loader stops at the first damaged scanline instead of filling it with grey.
  if (vips_thumbnail_buffer(const_cast<char*>(bytes.data()), bytes.size(), &out, side, "height", side,
                            "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error", nullptr) != 0) {
    return nullptr;
  }
  Image image(out);
  if (vips_image_hasalpha(image.get()) != 0) {
    // A JPEG has no transparency: what was transparent becomes white.
    VipsArrayDouble* white = vips_array_double_newv(1, 255.0);
    VipsImage* flat = nullptr;
    int failed = vips_flatten(image.get(), &flat, "background", white, nullptr);
    vips_area_unref(VIPS_AREA(white));
    if (failed != 0) return nullptr;
    image.reset(flat);
  }
  return image;
}

// The image as a JPEG with nothing but its pixels: every metadata block (EXIF, XMP, IPTC, ICC)
// is stripped. nullopt when its pixels cannot be decoded.
std::optional<EncodedImage> Jpeg(VipsImage* image, int quality) {
  void* buffer = nullptr;
  std::size_t size = 0;
  if (vips_jpegsave_buffer(image, &buffer, &size, "Q", quality, "strip", TRUE, "optimize_coding", TRUE,
                           nullptr) != 0) {
    return std::nullopt;
  }
  std::unique_ptr<void, GFree> owned(buffer);
  return EncodedImage{std::string(static_cast<const char*>(buffer), size), vips_image_get_width(image),
                      vips_image_get_height(image)};
}

}  // namespace

std::optional<ImageFormat> SniffImage(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xFF\xD8\xFF") return ImageFormat::kJpeg;
  if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\x89PNG\r\n\x1A\n", 8)) {
    return ImageFormat::kPng;
  }
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF" && bytes.substr(8, 4) == "WEBP") {
    return ImageFormat::kWebp;
  }
  return std::nullopt;
}

core::Status StartImageLibrary() {
  static std::once_flag once;
  static core::Status started = core::OkStatus();
  std::call_once(once, [] { started = Start(); });
  return started;
}

core::Result<EncodedPhoto> VipsPhotoEncoder::Encode(std::string_view bytes) const {
  if (bytes.empty()) return PhotoError("required", "the photo is empty");
  if (bytes.size() > options_.max_bytes) return domain::mentoring::PhotoTooLarge(options_.max_bytes);
  auto format = SniffImage(bytes);
  if (!format) {
    return PhotoError("not_an_image", "the file is not a photo: send a JPEG, PNG or WebP picture");
  }
  GOTONG_RETURN_IF_ERROR(StartImageLibrary());

  Image header = Header(bytes, *format);
  if (!header) return Unreadable();
  const std::int64_t pixels =
      std::int64_t{vips_image_get_width(header.get())} * vips_image_get_height(header.get());
  if (pixels > options_.max_pixels) {
    const std::int64_t megapixels = options_.max_pixels / 1'000'000;
    return PhotoError("too_many_pixels",
                      "the photo has more than " + std::to_string(megapixels) + " million pixels",
                      {{"max_megapixels", std::to_string(megapixels)}});
  }
  header.reset();

  Image shrunk = Shrunk(bytes, options_.max_side);
  if (!shrunk) return Unreadable();
  auto photo = Jpeg(shrunk.get(), options_.quality);
  if (!photo) return Unreadable();
  shrunk.reset();
  // The thumbnail from the photo just made: already upright, smaller to decode.
  Image small = Shrunk(photo->bytes, options_.thumbnail_side);
  if (!small) return Unreadable();
  auto thumbnail = Jpeg(small.get(), options_.quality);
  if (!thumbnail) return Unreadable();
  return EncodedPhoto{std::move(*photo), std::move(*thumbnail)};
}

}  // namespace gotong::io
