#include "io/photo.hpp"

#include <gtest/gtest.h>
#include <vips/vips.h>
#include <zlib.h>

#include <cstring>
#include <memory>
#include <string>

namespace gotong::io {
namespace {

// Images made here with libvips itself, as a phone would send them.
struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// A `width` × `height` image of `bands` bands: white on its left half, black on its right.
Image HalfWhite(int width, int height, int bands = 3) {
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, width / 2, height, "bands", bands, nullptr), 0);
  Image right(black);
  VipsImage* white = nullptr;
  EXPECT_EQ(vips_linear1(black, &white, 1.0, 255.0, "uchar", TRUE, nullptr), 0);
  Image left(white);
  VipsImage* joined = nullptr;
  EXPECT_EQ(vips_join(left.get(), right.get(), &joined, VIPS_DIRECTION_HORIZONTAL, nullptr), 0);
  return Image(joined);
}

// A copy whose metadata can be set without touching the original.
Image Copy(VipsImage* image) {
  VipsImage* out = nullptr;
  EXPECT_EQ(vips_copy(image, &out, nullptr), 0);
  return Image(out);
}

// Where a phone puts its owner: GPS position, the camera, the owner's name, and the orientation.
void TagLikeAPhone(VipsImage* image, int orientation) {
  vips_image_set_string(image, "exif-ifd2-GPSLatitude", "7 50 10.5");
  vips_image_set_string(image, "exif-ifd2-GPSLatitudeRef", "S");
  vips_image_set_string(image, "exif-ifd2-GPSLongitude", "112 31 44.2");
  vips_image_set_string(image, "exif-ifd2-GPSLongitudeRef", "E");
  vips_image_set_string(image, "exif-ifd0-Make", "PhoneMakerX");
  vips_image_set_string(image, "exif-ifd0-Artist", "Painem Banjarsari");
  vips_image_set_int(image, "orientation", orientation);
}

std::string Saved(int (*save)(VipsImage*, void**, std::size_t*, ...), VipsImage* image) {
  void* buffer = nullptr;
  std::size_t size = 0;
  EXPECT_EQ(save(image, &buffer, &size, nullptr), 0) << vips_error_buffer();
  std::string bytes(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return bytes;
}

std::string PhoneJpeg(int width, int height, int orientation = 1) {
  Image tagged = Copy(HalfWhite(width, height).get());
  TagLikeAPhone(tagged.get(), orientation);
  return Saved(vips_jpegsave_buffer, tagged.get());
}

bool Contains(const std::string& bytes, std::string_view needle) {
  return bytes.find(needle) != std::string::npos;
}

// Whether a JPEG has a segment with the marker FF `marker` before its image data.
bool HasSegment(const std::string& jpeg, unsigned char marker) {
  std::size_t at = 2;
  while (at + 4 <= jpeg.size() && static_cast<unsigned char>(jpeg[at]) == 0xFF) {
    auto kind = static_cast<unsigned char>(jpeg[at + 1]);
    if (kind == marker) return true;
    if (kind == 0xDA) return false;  // start of scan: the headers are over
    const std::size_t length = std::size_t{static_cast<unsigned char>(jpeg[at + 2])} * 256 +
                               static_cast<unsigned char>(jpeg[at + 3]);
    at += 2 + length;
  }
  return false;
}

// `bytes` decoded; they must outlive the image.
Image Decoded(const std::string& bytes) {
  return Image(vips_image_new_from_buffer(bytes.data(), bytes.size(), "", nullptr));
}

// The mean brightness of a region.
double Mean(VipsImage* image, int left, int top, int width, int height) {
  VipsImage* area = nullptr;
  EXPECT_EQ(vips_crop(image, &area, left, top, width, height, nullptr), 0);
  Image owned(area);
  double mean = 0;
  EXPECT_EQ(vips_avg(area, &mean, nullptr), 0);
  return mean;
}

std::string BigEndian(std::uint32_t value) {
  std::string out(4, '\0');
  for (int i = 0; i < 4; ++i) out[static_cast<std::size_t>(i)] = static_cast<char>((value >> (24 - 8 * i)) & 0xFF);
  return out;
}

std::string Chunk(const std::string& type, const std::string& data) {
  std::string body = type + data;
  auto crc = static_cast<std::uint32_t>(
      crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
  return BigEndian(static_cast<std::uint32_t>(data.size())) + body + BigEndian(crc);
}

// A PNG of a few dozen bytes whose header claims 60000 × 60000 pixels (3.6 gigapixels).
std::string PngBomb() {
  std::string header = BigEndian(60000) + BigEndian(60000) + std::string("\x08\x02\x00\x00\x00", 5);
  const std::string pixels("\x78\x9c\x03\x00\x00\x00\x00\x01", 8);  // an empty zlib stream
  return std::string("\x89PNG\r\n\x1A\n", 8) + Chunk("IHDR", header) + Chunk("IDAT", pixels) +
         Chunk("IEND", "");
}

class Photo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(StartImageLibrary().ok()); }

  static std::string FieldCode(const core::Result<domain::mentoring::EncodedPhoto>& result) {
    if (result.ok() || result.error().fields.empty()) return "";
    const auto& field = result.error().fields.front();
    return field.field + ":" + field.code;
  }

  VipsPhotoEncoder encoder_;
};

TEST(SniffImage, TellsTheFormatByItsFirstBytesAlone) {
  EXPECT_EQ(SniffImage(std::string_view("\xFF\xD8\xFF\xE0rest", 8)), ImageFormat::kJpeg);
  EXPECT_EQ(SniffImage(std::string_view("\x89PNG\r\n\x1A\nIHDR", 12)), ImageFormat::kPng);
  EXPECT_EQ(SniffImage(std::string_view("RIFF\x10\x00\x00\x00WEBPVP8 ", 16)), ImageFormat::kWebp);
  EXPECT_EQ(SniffImage(std::string_view("RIFF\x10\x00\x00\x00WAVEfmt ", 16)), std::nullopt);  // a sound, not a photo
  EXPECT_EQ(SniffImage("GIF89a......"), std::nullopt);
  EXPECT_EQ(SniffImage("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), std::nullopt);
  EXPECT_EQ(SniffImage("Ini bukan foto, hanya teks."), std::nullopt);
  EXPECT_EQ(SniffImage(std::string_view("\xFF\xD8", 2)), std::nullopt);
  EXPECT_EQ(SniffImage(""), std::nullopt);
}

TEST_F(Photo, APhoneJpegLosesItsExifAndGpsAndIsShrunkTo1600OnItsLongSide) {
  std::string sent = PhoneJpeg(4000, 3000);
  ASSERT_TRUE(Contains(sent, "Exif"));
  ASSERT_TRUE(Contains(sent, "PhoneMakerX"));
  ASSERT_TRUE(HasSegment(sent, 0xE1));

  auto encoded = encoder_.Encode(sent);
  ASSERT_TRUE(encoded.ok()) << encoded.error().message;
  const auto& photo = encoded->photo;
  EXPECT_EQ(photo.width, 1600);
  EXPECT_EQ(photo.height, 1200);  // 4:3 kept
  EXPECT_EQ(SniffImage(photo.bytes), ImageFormat::kJpeg);
  const auto& thumbnail = encoded->thumbnail;
  for (const std::string* bytes : {&photo.bytes, &thumbnail.bytes}) {
    EXPECT_FALSE(HasSegment(*bytes, 0xE1)) << "an APP1 (EXIF or XMP) segment is left";
    EXPECT_FALSE(HasSegment(*bytes, 0xE2)) << "an APP2 (ICC) segment is left";
    EXPECT_FALSE(HasSegment(*bytes, 0xED)) << "an APP13 (IPTC) segment is left";
    EXPECT_FALSE(Contains(*bytes, "Exif"));
    EXPECT_FALSE(Contains(*bytes, "GPS"));
    EXPECT_FALSE(Contains(*bytes, "PhoneMakerX"));
    EXPECT_FALSE(Contains(*bytes, "Banjarsari"));
  }
  EXPECT_EQ(thumbnail.width, 320);
  EXPECT_EQ(thumbnail.height, 240);

  Image kept = Decoded(photo.bytes);
  ASSERT_TRUE(kept);
  EXPECT_EQ(vips_image_get_width(kept.get()), 1600);
  EXPECT_EQ(vips_image_get_height(kept.get()), 1200);
  EXPECT_FALSE(vips_image_get_typeof(kept.get(), VIPS_META_EXIF_NAME) != 0);
  EXPECT_FALSE(vips_image_get_typeof(kept.get(), VIPS_META_ICC_NAME) != 0);
  EXPECT_FALSE(vips_image_get_typeof(kept.get(), VIPS_META_XMP_NAME) != 0);
}

TEST_F(Photo, ThePhotoIsTurnedUprightByItsOrientation) {
  // Orientation 6: the camera was held upright; the stored pixels must turn 90° clockwise.
  auto encoded = encoder_.Encode(PhoneJpeg(2000, 1000, 6));
  ASSERT_TRUE(encoded.ok()) << encoded.error().message;
  EXPECT_EQ(encoded->photo.width, 800);
  EXPECT_EQ(encoded->photo.height, 1600);
  EXPECT_EQ(encoded->thumbnail.width, 160);
  EXPECT_EQ(encoded->thumbnail.height, 320);
  Image kept = Decoded(encoded->photo.bytes);
  ASSERT_TRUE(kept);
  // The white left half is now on top.
  EXPECT_GT(Mean(kept.get(), 0, 0, 800, 700), 240.0);
  EXPECT_LT(Mean(kept.get(), 0, 900, 800, 700), 15.0);
  EXPECT_EQ(vips_image_get_typeof(kept.get(), VIPS_META_ORIENTATION), 0u) << "no orientation is left";
}

TEST_F(Photo, AWidePhotoKeepsItsAspectRatioAndASmallOneIsNotEnlarged) {
  auto wide = encoder_.Encode(PhoneJpeg(3000, 1000));
  ASSERT_TRUE(wide.ok()) << wide.error().message;
  EXPECT_EQ(wide->photo.width, 1600);
  EXPECT_EQ(wide->photo.height, 533);

  auto small = encoder_.Encode(PhoneJpeg(800, 600));
  ASSERT_TRUE(small.ok()) << small.error().message;
  EXPECT_EQ(small->photo.width, 800);
  EXPECT_EQ(small->photo.height, 600);
  EXPECT_EQ(small->thumbnail.width, 320);
  EXPECT_EQ(small->thumbnail.height, 240);
}

TEST_F(Photo, PngWithTransparencyAndWebpWithExifBecomeCleanJpegs) {
  Image rgba = HalfWhite(1000, 2000, 4);
  auto png = encoder_.Encode(Saved(vips_pngsave_buffer, rgba.get()));
  ASSERT_TRUE(png.ok()) << png.error().message;
  EXPECT_EQ(SniffImage(png->photo.bytes), ImageFormat::kJpeg);
  EXPECT_EQ(png->photo.width, 800);
  EXPECT_EQ(png->photo.height, 1600);

  Image tagged = Copy(HalfWhite(2400, 1800).get());
  TagLikeAPhone(tagged.get(), 1);
  std::string webp = Saved(vips_webpsave_buffer, tagged.get());
  ASSERT_EQ(SniffImage(webp), ImageFormat::kWebp);
  auto encoded = encoder_.Encode(webp);
  ASSERT_TRUE(encoded.ok()) << encoded.error().message;
  EXPECT_EQ(SniffImage(encoded->photo.bytes), ImageFormat::kJpeg);
  EXPECT_EQ(encoded->photo.width, 1600);
  EXPECT_EQ(encoded->photo.height, 1200);
  EXPECT_FALSE(Contains(encoded->photo.bytes, "PhoneMakerX"));
  EXPECT_FALSE(Contains(encoded->photo.bytes, "GPS"));
  EXPECT_FALSE(HasSegment(encoded->photo.bytes, 0xE1));
}

TEST_F(Photo, WhatIsNotAPhotoIsRefusedNamingThePhotoField) {
  EXPECT_EQ(FieldCode(encoder_.Encode("")), "photo:required");
  // A text file renamed foto.jpg: its name and the type a browser claims for it do not count.
  EXPECT_EQ(FieldCode(encoder_.Encode("Ini bukan foto, hanya teks.\n")), "photo:not_an_image");
  EXPECT_EQ(FieldCode(encoder_.Encode("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")),
            "photo:not_an_image");
  // JPEG's first bytes and then nothing a decoder can read.
  EXPECT_EQ(FieldCode(encoder_.Encode(std::string("\xFF\xD8\xFF\xE0", 4) + std::string(200, 'x'))),
            "photo:unreadable");
}

TEST_F(Photo, ATruncatedPhotoIsRefusedInsteadOfPaddedWithGrey) {
  std::string whole = PhoneJpeg(2000, 1500);
  auto cut = encoder_.Encode(std::string_view(whole).substr(0, whole.size() / 2));
  EXPECT_EQ(FieldCode(cut), "photo:unreadable");
  Image rgb = HalfWhite(1200, 900);
  std::string png = Saved(vips_pngsave_buffer, rgb.get());
  EXPECT_EQ(FieldCode(encoder_.Encode(std::string_view(png).substr(0, png.size() * 2 / 3))),
            "photo:unreadable");
}

TEST_F(Photo, ATooLargeFileAndADecompressionBombAreRefusedBeforeDecoding) {
  VipsPhotoEncoder small({.max_bytes = 4096});
  std::string sent = PhoneJpeg(1200, 900);
  ASSERT_GT(sent.size(), 4096u);
  auto refused = small.Encode(sent);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(FieldCode(refused), "photo:too_large");
  EXPECT_EQ(refused.error().type, "payload-too-large");
  EXPECT_EQ(refused.error().fields.front().params,
            (core::ErrorParams{{"max_bytes", "4096"}, {"max_megabytes", "0"}}));
  EXPECT_EQ(small.MaxBytes(), 4096u);

  std::string bomb = PngBomb();
  ASSERT_LT(bomb.size(), 100u);
  auto exploded = encoder_.Encode(bomb);
  ASSERT_FALSE(exploded.ok());
  EXPECT_EQ(FieldCode(exploded), "photo:too_many_pixels");
  EXPECT_EQ(exploded.error().fields.front().params, (core::ErrorParams{{"max_megapixels", "50"}}));
}

}  // namespace
}  // namespace gotong::io
