#include "api/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "api/compression.hpp"
#include "api/problem.hpp"

namespace gotong::api {
namespace {

std::string ContentType(const std::filesystem::path& path) {
  static const std::pair<const char*, const char*> kTypes[] = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".webp", "image/webp"},
      {".woff2", "font/woff2"}, {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"}};
  std::string ext = path.extension().string();
  for (const auto& [suffix, type] : kTypes) {
    if (ext == suffix) return type;
  }
  return "application/octet-stream";
}

std::optional<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  if (!input) return std::nullopt;
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

bool IsFile(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

// The build writes `name.br` and `name.gz` beside each compressible file (web/vite.config.ts):
// the coding the client prefers among those present, identity when none fits.
Encoding PickEncoding(const Request& request, const std::filesystem::path& file) {
  EncodingOffer offer{.gzip = IsFile(file.string() + ".gz"),
                      .brotli = IsFile(file.string() + ".br")};
  if (!offer.gzip && !offer.brotli) return Encoding::kIdentity;
  return NegotiateEncoding(request.Header("Accept-Encoding"), offer);
}

std::filesystem::path EncodedPath(const std::filesystem::path& file, Encoding encoding) {
  if (encoding == Encoding::kBrotli) return file.string() + ".br";
  if (encoding == Encoding::kGzip) return file.string() + ".gz";
  return file;
}

}  // namespace

Response ServeStatic(const Request& request, const std::string& root) {
  if (request.method != "GET" && request.method != "HEAD") {
    Response response = ProblemResponse(
        Problem(core::ErrorCode::kInvalidArgument, "method-not-allowed", "only GET is allowed here"),
        request.request_id);
    response.SetHeader("Allow", "GET, HEAD");
    return response;
  }
  std::string path = request.target.substr(0, request.target.find('?'));
  if (path.starts_with("/api/")) {
    return ProblemResponse(core::Error::NotFound("no such API route"), request.request_id);
  }
  namespace fs = std::filesystem;
  const fs::path base = fs::path(root);
  bool hashed_asset = path.starts_with("/assets/");
  fs::path file;
  if (path.find("..") == std::string::npos && path.find('\0') == std::string::npos && path != "/") {
    file = base / fs::path(path).relative_path();
  }
  std::error_code ec;
  if (file.empty() || !fs::is_regular_file(file, ec)) {
    if (hashed_asset) return ProblemResponse(core::Error::NotFound("no such file"), request.request_id);
    file = base / "index.html";
  }
  const std::string type = ContentType(file);
  const bool compressible = IsCompressibleType(type);
  Encoding encoding = compressible ? PickEncoding(request, file) : Encoding::kIdentity;
  auto content = ReadFile(EncodedPath(file, encoding));
  if (!content && encoding != Encoding::kIdentity) {
    encoding = Encoding::kIdentity;
    content = ReadFile(file);
  }
  if (!content) {
    return ProblemResponse(
        core::Error::Unavailable("the web app is not built: run make build (or set GOTONG_WEB_ROOT)"),
        request.request_id);
  }
  Response response;
  response.status = 200;
  response.SetHeader("Content-Type", type);
  if (encoding != Encoding::kIdentity) {
    response.SetHeader("Content-Encoding", std::string(EncodingToken(encoding)));
  }
  if (compressible) AddVaryAcceptEncoding(response);
  response.SetHeader("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable"
                                                   : "no-cache");
  response.body = std::move(*content);
  return response;
}

}  // namespace gotong::api
