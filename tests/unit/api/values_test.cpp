// The villages an answer names are looked up before it is written: a database failure fails
// the answer instead of leaving the village out; a page says its total is capped only when it is.

#include "api/handlers/values.hpp"

#include <gtest/gtest.h>

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;

class SwitchedOffDatabase final : public domain::Database {
 public:
  core::Result<std::unique_ptr<domain::UnitOfWork>> Begin(domain::Access) override {
    ++begins;
    return core::Error::Unavailable("test database is switched off");
  }
  std::string_view Backend() const override { return "sqlite"; }
  core::Status Ping() override { return core::Error::Unavailable("switched off"); }
  int begins = 0;
};

struct Shop {
  std::optional<std::string> village_code;
};

}  // namespace

template <>
struct VillageJson<Shop> {
  static std::optional<std::string> Code(const Shop& shop) { return shop.village_code; }
  static json::value Json(const Shop& shop, const Villages& villages) {
    return json::object{{"village", villages.Of(shop.village_code)}};
  }
};

namespace {

TEST(Villages, ADatabaseFailureFailsTheLookupInsteadOfLeavingTheVillageOut) {
  SwitchedOffDatabase database;
  domain::regions::RegionService regions(database);
  Villages villages(regions);
  auto loaded = villages.Load(std::optional<std::string>("35.79.01.2001"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(database.begins, 1);
}

TEST(Villages, ARecordWithoutAVillageNeedsNoLookup) {
  SwitchedOffDatabase database;
  domain::regions::RegionService regions(database);
  Reply reply = RecordReply(200, Shop{std::nullopt}, regions);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(json::parse(reply->body).at("village"), nullptr);
  EXPECT_EQ(database.begins, 0);
}

TEST(RecordReply, ADatabaseFailureBecomesTheReplysErrorNotANullVillage) {
  SwitchedOffDatabase database;
  domain::regions::RegionService regions(database);
  Reply one = RecordReply(200, Shop{"35.79.01.2001"}, regions);
  ASSERT_FALSE(one.ok());
  EXPECT_EQ(one.error().code, core::ErrorCode::kUnavailable);
  core::Page<Shop> page;
  page.items = {Shop{std::nullopt}, Shop{"35.79.01.2001"}};
  Reply many = PageReply(page, regions);
  ASSERT_FALSE(many.ok());
  EXPECT_EQ(many.error().code, core::ErrorCode::kUnavailable);
}

TEST(PageJson, SaysTheTotalIsCappedOnlyOfAListCountedNoFurther) {
  auto ints = [](int i) { return json::value(i); };
  core::Page<int> exact{{1, 2}, 2, 50, 0};
  json::object written = PageJson(exact, ints).as_object();
  EXPECT_EQ(written.at("total").as_int64(), 2);
  EXPECT_FALSE(written.contains("total_capped"));

  core::Page<int> capped{{1, 2}, 10'000, 2, 0, /*total_capped=*/true};
  written = PageJson(capped, ints).as_object();
  EXPECT_EQ(written.at("total").as_int64(), 10'000);
  EXPECT_EQ(written.at("total_capped"), json::value(true));
  EXPECT_EQ(written.at("items").as_array().size(), 2U);
}

}  // namespace
}  // namespace gotong::api::handlers
