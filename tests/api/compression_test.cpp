// API answers over 1 KB travel gzip-compressed to clients that accept it (api/compression.hpp).

#include "api/compression.hpp"

#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

class CompressionApi : public ApiTest {};
GOTONG_INSTANTIATE_FOR_BACKENDS(CompressionApi);

TEST_P(CompressionApi, ALargeListArrivesGzippedAndDecodesToTheSameJson) {
  Reply plain = Get("/api/v1/regions");
  ASSERT_EQ(plain.status(), 200) << plain;
  ASSERT_GT(plain.response.body.size(), api::kCompressMinBytes);
  EXPECT_EQ(plain.header("Content-Encoding"), "");
  EXPECT_EQ(plain.header("Vary"), "Accept-Encoding");

  Reply zipped = services().Send("GET", "/api/v1/regions", "",
                                 {{"Accept-Encoding", "gzip, deflate, br, zstd"}});
  ASSERT_EQ(zipped.status(), 200);
  EXPECT_EQ(zipped.header("Content-Encoding"), "gzip");
  EXPECT_EQ(zipped.header("Content-Type"), "application/json");
  EXPECT_EQ(zipped.header("Vary"), "Accept-Encoding");
  EXPECT_EQ(zipped.header("Cache-Control"), plain.header("Cache-Control"));
  EXPECT_LT(zipped.response.body.size(), plain.response.body.size() / 3);
  auto inflated = api::Gunzip(zipped.response.body);
  ASSERT_TRUE(inflated.has_value());
  EXPECT_EQ(json::parse(*inflated), plain.body);
  EXPECT_EQ(38u, json::parse(*inflated).at("items").as_array().size());
}

TEST_P(CompressionApi, HeadOfALargeListAnnouncesTheGzippedAnswer) {
  Reply get = services().Send("GET", "/api/v1/regions", "", {{"Accept-Encoding", "gzip"}});
  Reply head = services().Send("HEAD", "/api/v1/regions", "", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(head.status(), 200);
  EXPECT_EQ(head.header("Content-Encoding"), "gzip");
  EXPECT_EQ(head.response.body.size(), get.response.body.size());
}

TEST_P(CompressionApi, SmallAnswersAndRefusingClientsGetPlainJson) {
  Reply health = services().Send("GET", "/api/v1/health", "", {{"Accept-Encoding", "gzip"}});
  ASSERT_EQ(health.status(), 200) << health;
  ASSERT_LT(health.response.body.size(), api::kCompressMinBytes);
  EXPECT_EQ(health.header("Content-Encoding"), "");
  EXPECT_TRUE(health.body.is_object());

  for (const char* accept : {"br", "gzip;q=0", "identity"}) {
    Reply reply = services().Send("GET", "/api/v1/regions", "", {{"Accept-Encoding", accept}});
    EXPECT_EQ(reply.header("Content-Encoding"), "") << accept;
    EXPECT_EQ(reply.body.at("items").as_array().size(), 38u) << accept;
  }
}

TEST_P(CompressionApi, ProblemAnswersUnderOneKilobyteStayPlain) {
  Reply missing = services().Send("GET", "/api/v1/regions/99.99", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(missing.status(), 404);
  EXPECT_EQ(missing.header("Content-Encoding"), "");
  EXPECT_EQ(missing.problem(), "not-found");
}

}  // namespace
}  // namespace gotong::api_tests
