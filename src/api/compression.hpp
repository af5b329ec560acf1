#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/http.hpp"

namespace gotong::api {

// The content codings gotong sends. Static assets may come pre-compressed in either; API answers
// are compressed on the fly with gzip only.
enum class Encoding { kIdentity, kGzip, kBrotli };

// Which codings a response can be sent in besides identity.
struct EncodingOffer {
  bool gzip = false;
  bool brotli = false;
};

// Answers below this many bytes are sent as they are: compressing them saves less than it costs.
inline constexpr std::size_t kCompressMinBytes = 1024;

// Picks the coding to send from an Accept-Encoding header (RFC 9110 12.5.3): the offered coding
// with the highest q-value, brotli over gzip on a tie; "*" stands for any coding not listed, q=0
// refuses one; identity when nothing offered is acceptable, when the header is absent, or when
// identity itself is listed with a higher q-value than the best coding.
Encoding NegotiateEncoding(std::string_view accept_encoding, EncodingOffer offer);

// The Content-Encoding token of a coding ("br", "gzip"); empty for identity.
std::string_view EncodingToken(Encoding encoding);

// Whether a media type is worth compressing: text, JSON, JavaScript, SVG, XML. Not images,
// archives or office files (already compressed).
bool IsCompressibleType(std::string_view content_type);

// gzip (RFC 1952) of `data` with zlib at `level` (1..9); nullopt only if zlib fails.
std::optional<std::string> Gzip(std::string_view data, int level = 6);
// The data a gzip stream holds; nullopt when it is not a complete, valid gzip stream.
std::optional<std::string> Gunzip(std::string_view data);

// Adds "Accept-Encoding" to a response's Vary header (once).
void AddVaryAcceptEncoding(Response& response);

// Compresses an API answer with gzip when the client accepts it: only in-memory bodies of at
// least kCompressMinBytes of a compressible type that are not encoded already, and only when
// that makes them smaller. Every such answer says Vary: Accept-Encoding.
Response CompressForClient(const Request& request, Response response);

}  // namespace gotong::api
