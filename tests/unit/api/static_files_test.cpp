#include "api/static_files.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace gotong::api {
namespace {

namespace fs = std::filesystem;

class ServeStaticTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "gotong-web-XXXXXX").string();
    ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
    root_ = pattern;
    fs::create_directories(root_ / "web" / "assets");
    Write("web/index.html", "<!doctype html><title>gotong</title>");
    Write("web/assets/app-3f2a.js", "console.log('app')");
    Write("web/assets/app-3f2a.css", "body{}");
    Write("web/logo.svg", "<svg/>");
    Write("secret.txt", "outside the web root");
  }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }

  void Write(const std::string& relative, const std::string& content) {
    std::ofstream(root_ / relative, std::ios::binary) << content;
  }

  Response Serve(const std::string& target, const std::string& method = "GET",
                 const std::string& accept_encoding = "") {
    Request request;
    request.method = method;
    request.target = target;
    if (!accept_encoding.empty()) request.headers.emplace_back("Accept-Encoding", accept_encoding);
    return ServeStatic(request, (root_ / "web").string());
  }

  fs::path root_;
};

TEST_F(ServeStaticTest, ServesFilesWithTheirType) {
  Response js = Serve("/assets/app-3f2a.js");
  EXPECT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log('app')");
  EXPECT_EQ(js.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(Serve("/assets/app-3f2a.css").Header("Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(Serve("/logo.svg").Header("Content-Type"), "image/svg+xml");
}

TEST_F(ServeStaticTest, HashedAssetsAreCachedForAYearEverythingElseRevalidated) {
  EXPECT_EQ(Serve("/assets/app-3f2a.js").Header("Cache-Control"),
            "public, max-age=31536000, immutable");
  EXPECT_EQ(Serve("/logo.svg").Header("Cache-Control"), "no-cache");
  EXPECT_EQ(Serve("/").Header("Cache-Control"), "no-cache");
}

TEST_F(ServeStaticTest, UnknownPagesFallBackToTheApp) {
  for (const char* target : {"/", "/users/12", "/regions?parent=35", "/index.html"}) {
    Response response = Serve(target);
    EXPECT_EQ(response.status, 200) << target;
    EXPECT_EQ(response.body, "<!doctype html><title>gotong</title>") << target;
    EXPECT_EQ(response.Header("Content-Type"), "text/html; charset=utf-8") << target;
  }
}

TEST_F(ServeStaticTest, MissingHashedAssetIs404NotTheApp) {
  Response response = Serve("/assets/app-0000.js");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("Content-Type"), "application/problem+json");
}

TEST_F(ServeStaticTest, NeverReadsOutsideTheRoot) {
  for (const char* target : {"/../secret.txt", "/assets/../../secret.txt", "/..%2fsecret.txt",
                             "/%2e%2e/secret.txt", "//secret.txt", "/./../secret.txt"}) {
    Response response = Serve(target);
    EXPECT_EQ(response.body.find("outside the web root"), std::string::npos) << target;
  }
  EXPECT_EQ(Serve("/../secret.txt").body, "<!doctype html><title>gotong</title>");
}

TEST_F(ServeStaticTest, OnlyGetAndHead) {
  EXPECT_EQ(Serve("/", "HEAD").status, 200);
  Response post = Serve("/", "POST");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.Header("Allow"), "GET, HEAD");
}

TEST_F(ServeStaticTest, ApiPathsAreNeverTheApp) {
  EXPECT_EQ(Serve("/api/v1/nothing").status, 404);
}

TEST_F(ServeStaticTest, UnbuiltAppIs503) {
  fs::remove(root_ / "web" / "index.html");
  Response response = Serve("/");
  EXPECT_EQ(response.status, 503);
  EXPECT_NE(response.body.find("GOTONG_WEB_ROOT"), std::string::npos);
}

// ---- pre-compressed siblings (the build writes name.br and name.gz) ----

class PrecompressedTest : public ServeStaticTest {
 protected:
  void SetUp() override {
    ServeStaticTest::SetUp();
    Write("web/assets/app-3f2a.js.br", "BROTLI(app)");
    Write("web/assets/app-3f2a.js.gz", "GZIP(app)");
    Write("web/index.html.gz", "GZIP(index)");  // no .br: gzip is what there is
  }
};

TEST_F(PrecompressedTest, BrotliIsSentWhenAcceptedAndPresent) {
  Response js = Serve("/assets/app-3f2a.js", "GET", "gzip, deflate, br, zstd");
  EXPECT_EQ(js.body, "BROTLI(app)");
  EXPECT_EQ(js.Header("Content-Encoding"), "br");
  EXPECT_EQ(js.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.Header("Vary"), "Accept-Encoding");
  EXPECT_EQ(js.Header("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(PrecompressedTest, GzipWhenBrotliIsRefusedOrAbsent) {
  Response js = Serve("/assets/app-3f2a.js", "GET", "gzip");
  EXPECT_EQ(js.body, "GZIP(app)");
  EXPECT_EQ(js.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(Serve("/assets/app-3f2a.js", "GET", "br;q=0, gzip").body, "GZIP(app)");
  EXPECT_EQ(Serve("/assets/app-3f2a.js", "GET", "br;q=0.5, gzip").body, "GZIP(app)");
  // index.html has only a .gz; so has every page that falls back to it.
  for (const char* target : {"/", "/groups/7"}) {
    Response page = Serve(target, "GET", "br, gzip");
    EXPECT_EQ(page.body, "GZIP(index)") << target;
    EXPECT_EQ(page.Header("Content-Encoding"), "gzip") << target;
    EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8") << target;
    EXPECT_EQ(page.Header("Cache-Control"), "no-cache") << target;
  }
}

TEST_F(PrecompressedTest, IdentityWhenNothingAcceptableWithVaryStill) {
  for (const char* accept : {"", "identity", "deflate", "br;q=0, gzip;q=0", "*;q=0"}) {
    Response js = Serve("/assets/app-3f2a.js", "GET", accept);
    EXPECT_EQ(js.body, "console.log('app')") << accept;
    EXPECT_EQ(js.Header("Content-Encoding"), "") << accept;
    EXPECT_EQ(js.Header("Vary"), "Accept-Encoding") << accept;
  }
  EXPECT_EQ(Serve("/", "GET", "br").body, "<!doctype html><title>gotong</title>");
}

TEST_F(PrecompressedTest, CompressibleFilesWithoutSiblingsSayVaryToo) {
  Response css = Serve("/assets/app-3f2a.css", "GET", "br, gzip");
  EXPECT_EQ(css.body, "body{}");
  EXPECT_EQ(css.Header("Content-Encoding"), "");
  EXPECT_EQ(css.Header("Vary"), "Accept-Encoding");
}

TEST_F(PrecompressedTest, ImagesAreNeverSentEncodedNorVary) {
  Write("web/photo.png", "PNG");
  Write("web/photo.png.gz", "GZIP(png)");
  Response png = Serve("/photo.png", "GET", "gzip");
  EXPECT_EQ(png.body, "PNG");
  EXPECT_EQ(png.Header("Content-Encoding"), "");
  EXPECT_EQ(png.Header("Vary"), "");
}

TEST_F(PrecompressedTest, HeadAnswersWithTheSameHeadersAsGet) {
  Response get = Serve("/assets/app-3f2a.js", "GET", "br");
  Response head = Serve("/assets/app-3f2a.js", "HEAD", "br");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.headers, get.headers);
  EXPECT_EQ(head.body.size(), get.body.size());  // the transport sends its length, not its bytes
}

TEST_F(PrecompressedTest, AMissingHashedAssetIs404InEveryEncoding) {
  EXPECT_EQ(Serve("/assets/app-0000.js", "GET", "br, gzip").status, 404);
}

}  // namespace
}  // namespace gotong::api
