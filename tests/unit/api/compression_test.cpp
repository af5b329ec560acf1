#include "api/compression.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace gotong::api {
namespace {

constexpr EncodingOffer kBoth{.gzip = true, .brotli = true};
constexpr EncodingOffer kGzipOnly{.gzip = true};

// A JSON list like the API's, comfortably over the 1 KB threshold and compressible.
std::string LargeJson() {
  std::string json = R"({"items":[)";
  for (int i = 0; i < 60; ++i) {
    if (i > 0) json += ',';
    json += R"({"code":"35.07.)" + std::to_string(i) + R"(","name":"Kecamatan )" +
            std::to_string(i) + R"(","level":"district","has_children":true})";
  }
  return json + "]}";
}

Request Accepting(std::string accept_encoding) {
  Request request;
  request.method = "GET";
  request.target = "/api/v1/regions";
  if (!accept_encoding.empty()) request.headers.emplace_back("Accept-Encoding", accept_encoding);
  return request;
}

Response JsonAnswer(std::string body) {
  Response response;
  response.SetHeader("Content-Type", "application/json");
  response.body = std::move(body);
  return response;
}

// ---- negotiation ----

TEST(NegotiateEncoding, BrotliIsPreferredOverGzipAtEqualQuality) {
  EXPECT_EQ(NegotiateEncoding("gzip, deflate, br, zstd", kBoth), Encoding::kBrotli);
  EXPECT_EQ(NegotiateEncoding("gzip, br", kBoth), Encoding::kBrotli);
  EXPECT_EQ(NegotiateEncoding("br;q=0.8, gzip;q=0.8", kBoth), Encoding::kBrotli);
}

TEST(NegotiateEncoding, HigherQualityWins) {
  EXPECT_EQ(NegotiateEncoding("br;q=0.5, gzip;q=0.9", kBoth), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("gzip;q=0.1, br;q=0.2", kBoth), Encoding::kBrotli);
  EXPECT_EQ(NegotiateEncoding("gzip;q=1.000, br;q=0.999", kBoth), Encoding::kGzip);
}

TEST(NegotiateEncoding, QZeroRefusesACoding) {
  EXPECT_EQ(NegotiateEncoding("br;q=0, gzip", kBoth), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("br;q=0.000, gzip;q=0", kBoth), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("gzip;q=0", kGzipOnly), Encoding::kIdentity);
}

TEST(NegotiateEncoding, OnlyOfferedCodingsAreChosen) {
  EXPECT_EQ(NegotiateEncoding("br", kGzipOnly), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("br, gzip;q=0.1", kGzipOnly), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("gzip, br", EncodingOffer{}), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("gzip", {.brotli = true}), Encoding::kIdentity);
}

TEST(NegotiateEncoding, NoHeaderOrOnlyUnknownCodingsMeanIdentity) {
  EXPECT_EQ(NegotiateEncoding("", kBoth), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("   ", kBoth), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("deflate, zstd", kBoth), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("identity", kBoth), Encoding::kIdentity);
}

TEST(NegotiateEncoding, StarStandsForCodingsNotListed) {
  EXPECT_EQ(NegotiateEncoding("*", kBoth), Encoding::kBrotli);
  EXPECT_EQ(NegotiateEncoding("*", kGzipOnly), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("br;q=0, *", kBoth), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("gzip, *;q=0", kBoth), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("*;q=0", kBoth), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("*;q=0.2, gzip;q=0.5", kBoth), Encoding::kGzip);
}

TEST(NegotiateEncoding, IdentityListedHigherThanEveryCodingWins) {
  EXPECT_EQ(NegotiateEncoding("identity, gzip;q=0.5", kGzipOnly), Encoding::kIdentity);
  EXPECT_EQ(NegotiateEncoding("identity;q=0.5, gzip", kGzipOnly), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("identity;q=0, gzip", kGzipOnly), Encoding::kGzip);
}

TEST(NegotiateEncoding, TokensAndParametersAreCaseAndSpaceInsensitive) {
  EXPECT_EQ(NegotiateEncoding("GZIP", kGzipOnly), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("  Br ; Q=0.4 ,\tGzip ;q=0.3", kBoth), Encoding::kBrotli);
  EXPECT_EQ(NegotiateEncoding("x-gzip", kGzipOnly), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding(",,gzip,,", kGzipOnly), Encoding::kGzip);
}

TEST(NegotiateEncoding, MalformedQualitiesAreIgnoredNotGuessed) {
  // Not RFC 9110 qvalues: the element counts as not sent.
  for (const char* bad : {"gzip;q=2", "gzip;q=1.5", "gzip;q=-1", "gzip;q=0.0001", "gzip;q=",
                          "gzip;q=abc", "gzip;q=.5", "gzip;q=1.001"}) {
    EXPECT_EQ(NegotiateEncoding(bad, kGzipOnly), Encoding::kIdentity) << bad;
  }
  EXPECT_EQ(NegotiateEncoding("br;q=x, gzip", kBoth), Encoding::kGzip);
  EXPECT_EQ(NegotiateEncoding("gzip;level=9", kGzipOnly), Encoding::kGzip);
}

// ---- gzip ----

TEST(Gzip, RoundTripsWhatItCompressed) {
  for (const std::string& data :
       {std::string(), std::string("x"), LargeJson(), std::string(300000, 'a'),
        std::string("\0\1\2\xff binary", 12)}) {
    auto compressed = Gzip(data);
    ASSERT_TRUE(compressed.has_value());
    ASSERT_GE(compressed->size(), 2u);
    EXPECT_EQ(static_cast<unsigned char>((*compressed)[0]), 0x1f);  // the gzip magic
    EXPECT_EQ(static_cast<unsigned char>((*compressed)[1]), 0x8b);
    EXPECT_EQ(Gunzip(*compressed), data);
  }
  EXPECT_LT(Gzip(LargeJson())->size(), LargeJson().size() / 3);
}

TEST(Gzip, GunzipRefusesWhatIsNotACompleteGzipStream) {
  std::string compressed = *Gzip(LargeJson());
  EXPECT_FALSE(Gunzip(compressed.substr(0, compressed.size() / 2)).has_value());
  EXPECT_FALSE(Gunzip(compressed + "trailing").has_value());
  EXPECT_FALSE(Gunzip(LargeJson()).has_value());
  EXPECT_FALSE(Gunzip("").has_value());
}

// ---- API answers ----

TEST(CompressForClient, GzipsLargeJsonForAClientThatAcceptsIt) {
  Response response = CompressForClient(Accepting("gzip, deflate, br"), JsonAnswer(LargeJson()));
  EXPECT_EQ(response.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_EQ(response.Header("Vary"), "Accept-Encoding");
  EXPECT_EQ(Gunzip(response.body), LargeJson());
}

TEST(CompressForClient, ProblemJsonAndCsvAreCompressedToo) {
  Response problem = JsonAnswer(LargeJson());
  problem.SetHeader("Content-Type", "application/problem+json");
  EXPECT_EQ(CompressForClient(Accepting("gzip"), problem).Header("Content-Encoding"), "gzip");
  Response csv = JsonAnswer(std::string(2000, 'x'));
  csv.SetHeader("Content-Type", "text/csv; charset=utf-8");
  EXPECT_EQ(CompressForClient(Accepting("gzip"), csv).Header("Content-Encoding"), "gzip");
}

TEST(CompressForClient, BodiesUnderOneKilobyteAreSentAsTheyAre) {
  std::string small(kCompressMinBytes - 1, 'a');
  Response response = CompressForClient(Accepting("gzip"), JsonAnswer(small));
  EXPECT_EQ(response.body, small);
  EXPECT_EQ(response.Header("Content-Encoding"), "");
  EXPECT_EQ(response.Header("Vary"), "");
  std::string exact(kCompressMinBytes, 'a');
  Response at_threshold = CompressForClient(Accepting("gzip"), JsonAnswer(exact));
  EXPECT_EQ(at_threshold.Header("Content-Encoding"), "gzip");
  EXPECT_EQ(Gunzip(at_threshold.body), exact);
}

TEST(CompressForClient, ClientsThatRefuseGzipGetIdentityWithVary) {
  for (const char* accept : {"", "identity", "br", "gzip;q=0", "*;q=0", "deflate"}) {
    Response response = CompressForClient(Accepting(accept), JsonAnswer(LargeJson()));
    EXPECT_EQ(response.body, LargeJson()) << accept;
    EXPECT_EQ(response.Header("Content-Encoding"), "") << accept;
    EXPECT_EQ(response.Header("Vary"), "Accept-Encoding") << accept;
  }
}

TEST(CompressForClient, DownloadsEncodedBodiesAndCompressedTypesAreLeftAlone) {
  Response download = JsonAnswer("");
  download.SetHeader("Content-Type", "text/csv; charset=utf-8");
  download.body_file = "/tmp/export.csv";
  Response sent = CompressForClient(Accepting("gzip"), download);
  EXPECT_EQ(sent.body_file, "/tmp/export.csv");
  EXPECT_EQ(sent.Header("Content-Encoding"), "");

  Response xlsx = JsonAnswer(LargeJson());
  xlsx.SetHeader("Content-Type",
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(CompressForClient(Accepting("gzip"), xlsx).body, LargeJson());
  Response png = JsonAnswer(LargeJson());
  png.SetHeader("Content-Type", "image/png");
  EXPECT_EQ(CompressForClient(Accepting("gzip"), png).Header("Content-Encoding"), "");

  Response encoded = JsonAnswer(LargeJson());
  encoded.SetHeader("Content-Encoding", "br");
  EXPECT_EQ(CompressForClient(Accepting("gzip"), encoded).body, LargeJson());
}

TEST(CompressForClient, IncompressibleBodiesStayAsTheyAre) {
  // Random bytes grow under gzip: identity is sent instead.
  std::string noise(4096, '\0');
  std::uint32_t state = 12345;
  for (char& c : noise) {
    state = state * 1664525u + 1013904223u;
    c = static_cast<char>(state >> 24);
  }
  Response response = CompressForClient(Accepting("gzip"), JsonAnswer(noise));
  EXPECT_EQ(response.body, noise);
  EXPECT_EQ(response.Header("Content-Encoding"), "");
}

TEST(CompressForClient, VaryKeepsWhatWasThereAndIsNotRepeated) {
  Response with_vary = JsonAnswer(LargeJson());
  with_vary.SetHeader("Vary", "Cookie");
  EXPECT_EQ(CompressForClient(Accepting("gzip"), with_vary).Header("Vary"),
            "Cookie, Accept-Encoding");
  Response already = JsonAnswer(LargeJson());
  already.SetHeader("Vary", "accept-encoding");
  EXPECT_EQ(CompressForClient(Accepting("gzip"), already).Header("Vary"), "accept-encoding");
}

TEST(IsCompressibleType, TextAndJsonYesImagesAndArchivesNo) {
  for (const char* type :
       {"application/json", "application/problem+json", "text/html; charset=utf-8",
        "text/javascript; charset=utf-8", "text/css", "image/svg+xml", "application/manifest+json",
        "Application/JSON"}) {
    EXPECT_TRUE(IsCompressibleType(type)) << type;
  }
  for (const char* type : {"image/png", "image/webp", "font/woff2", "application/zip",
                           "application/octet-stream", "application/gzip", ""}) {
    EXPECT_FALSE(IsCompressibleType(type)) << type;
  }
}

}  // namespace
}  // namespace gotong::api
