#include "api/compression.hpp"

#include <zlib.h>

#include <algorithm>
#include <array>

#include "core/text.hpp"

namespace gotong::api {
namespace {

using core::AsciiLower;
using core::Trim;

// An RFC 9110 qvalue in thousandths: "0", "0.5", "0.125", "1", "1.000"; nullopt if malformed.
std::optional<int> ParseQValue(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1') || text.size() > 5) return std::nullopt;
  int value = (text[0] - '0') * 1000;
  if (text.size() == 1) return value;
  if (text[1] != '.') return std::nullopt;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    value += (c - '0') * scale;
    scale /= 10;
  }
  if (value > 1000) return std::nullopt;
  return value;
}

// One element of Accept-Encoding: its coding (lower case) and q in thousandths; nullopt when the
// element is malformed (then it is ignored, as if not sent).
std::optional<std::pair<std::string, int>> ParseElement(std::string_view element) {
  std::size_t semicolon = element.find(';');
  std::string coding = AsciiLower(Trim(element.substr(0, semicolon)));
  if (coding.empty()) return std::nullopt;
  int q = 1000;
  while (semicolon != std::string_view::npos) {
    element.remove_prefix(semicolon + 1);
    semicolon = element.find(';');
    std::string_view parameter = Trim(element.substr(0, semicolon));
    std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos) continue;
    if (AsciiLower(Trim(parameter.substr(0, equals))) != "q") continue;
    auto parsed = ParseQValue(Trim(parameter.substr(equals + 1)));
    if (!parsed) return std::nullopt;
    q = *parsed;
  }
  return std::pair{std::move(coding), q};
}

bool ContainsToken(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    if (AsciiLower(Trim(list.substr(0, comma))) == token) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

}  // namespace

Encoding NegotiateEncoding(std::string_view accept_encoding, EncodingOffer offer) {
  // -1: not listed. Values are q in thousandths.
  int brotli = -1, gzip = -1, identity = -1, any = -1;
  while (!accept_encoding.empty()) {
    std::size_t comma = accept_encoding.find(',');
    if (auto element = ParseElement(accept_encoding.substr(0, comma))) {
      const auto& [coding, q] = *element;
      int* slot = coding == "br"                          ? &brotli
                  : coding == "gzip" || coding == "x-gzip" ? &gzip
                  : coding == "identity"                   ? &identity
                  : coding == "*"                          ? &any
                                                           : nullptr;
      if (slot) *slot = std::max(*slot, q);
    }
    if (comma == std::string_view::npos) break;
    accept_encoding.remove_prefix(comma + 1);
  }
  auto acceptance = [any](int listed) { return listed >= 0 ? listed : std::max(any, 0); };
  int brotli_q = offer.brotli ? acceptance(brotli) : 0;
  int gzip_q = offer.gzip ? acceptance(gzip) : 0;
  int best = std::max(brotli_q, gzip_q);
  if (best == 0 || identity > best) return Encoding::kIdentity;
  return brotli_q >= gzip_q ? Encoding::kBrotli : Encoding::kGzip;
}

std::string_view EncodingToken(Encoding encoding) {
  switch (encoding) {
    case Encoding::kGzip:
      return "gzip";
    case Encoding::kBrotli:
      return "br";
    case Encoding::kIdentity:
      break;
  }
  return {};
}

bool IsCompressibleType(std::string_view content_type) {
  std::string type = AsciiLower(Trim(content_type.substr(0, content_type.find(';'))));
  if (type.starts_with("text/")) return true;
  static constexpr std::array<std::string_view, 5> kTypes = {
      "application/json", "application/javascript", "application/xml", "image/svg+xml",
      "application/manifest+json"};
  if (std::find(kTypes.begin(), kTypes.end(), type) != kTypes.end()) return true;
  return type.ends_with("+json") || type.ends_with("+xml");
}

std::optional<std::string> Gzip(std::string_view data, int level) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    return std::nullopt;
  }
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = deflate(&stream, Z_FINISH);
  std::size_t written = stream.total_out;
  deflateEnd(&stream);
  if (status != Z_STREAM_END) return std::nullopt;
  out.resize(written);
  return out;
}

std::optional<std::string> Gunzip(std::string_view data) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  std::array<char, 16384> chunk;
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    status = inflate(&stream, Z_NO_FLUSH);
    out.append(chunk.data(), chunk.size() - stream.avail_out);
  }
  bool complete = status == Z_STREAM_END && stream.avail_in == 0;
  inflateEnd(&stream);
  if (!complete) return std::nullopt;
  return out;
}

void AddVaryAcceptEncoding(Response& response) {
  std::string vary(response.Header("Vary"));
  if (ContainsToken(vary, "accept-encoding") || ContainsToken(vary, "*")) return;
  response.SetHeader("Vary", vary.empty() ? "Accept-Encoding" : vary + ", Accept-Encoding");
}

Response CompressForClient(const Request& request, Response response) {
  if (!response.body_file.empty() || response.body.size() < kCompressMinBytes) return response;
  if (!response.Header("Content-Encoding").empty()) return response;
  if (!IsCompressibleType(response.Header("Content-Type"))) return response;
  AddVaryAcceptEncoding(response);
  if (NegotiateEncoding(request.Header("Accept-Encoding"), {.gzip = true}) != Encoding::kGzip) {
    return response;
  }
  auto compressed = Gzip(response.body);
  if (!compressed || compressed->size() >= response.body.size()) return response;
  response.body = std::move(*compressed);
  response.SetHeader("Content-Encoding", "gzip");
  return response;
}

}  // namespace gotong::api
