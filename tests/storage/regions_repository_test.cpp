#include <gtest/gtest.h>

#include <algorithm>

#include "domain/regions/region_service.hpp"
#include "io/region_dataset.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::domain::regions {
// For comparing paths in assertions (found by argument lookup).
static bool operator==(const PathItem& a, const PathItem& b) {
  return a.code == b.code && a.name == b.name;
}
}  // namespace gotong::domain::regions

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::regions::Level;
using domain::regions::ListQuery;
using domain::regions::PathItem;
using domain::regions::Region;
using domain::regions::RegionService;

const Region* FindCode(const std::vector<Region>& regions, const std::string& code) {
  auto it = std::find_if(regions.begin(), regions.end(),
                         [&](const Region& r) { return r.code == code; });
  return it == regions.end() ? nullptr : &*it;
}

class Regions : public StorageTest {
 protected:
  std::int64_t CountSql(const std::string& where) {
    auto count = test_database().QueryInt("SELECT COUNT(*) FROM regions WHERE " + where);
    EXPECT_TRUE(count.ok()) << count.error().message;
    return count.ok() ? *count : -1;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Regions);

// idn-area-data 4.0.1: 38 provinces, 514 regencies, 7,285 districts, 83,762 villages.
TEST_P(Regions, TheWholeOfficialDatasetIsLoaded) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(std::int64_t count, unit->Regions().Count());
  EXPECT_GE(count, 91000);
  EXPECT_LE(count, 93000);
  EXPECT_EQ(CountSql("level = 1"), 38);
  EXPECT_GT(CountSql("level = 2"), 500);
  EXPECT_GT(CountSql("level = 3"), 7000);
  EXPECT_GT(CountSql("level = 4"), 83000);
  EXPECT_EQ(CountSql("level = 1 AND parent_code IS NOT NULL"), 0);
  EXPECT_EQ(CountSql("level > 1 AND parent_code IS NULL"), 0);
  // Every region below a province hangs under a region that exists.
  EXPECT_EQ(CountSql("parent_code IS NOT NULL AND parent_code NOT IN (SELECT code FROM regions)"),
            0);
}

TEST_P(Regions, ProvincesAreTheTopLevelInNameOrder) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Regions().Children(std::nullopt, {50, 0}));
  EXPECT_EQ(page.total, 38);
  ASSERT_EQ(page.items.size(), 38u);
  EXPECT_EQ(page.items.front().name, "Aceh");
  for (std::size_t i = 1; i < page.items.size(); ++i) {
    EXPECT_LE(page.items[i - 1].name, page.items[i].name);
  }
  for (const Region& region : page.items) {
    EXPECT_EQ(region.level, Level::kProvince) << region.code;
    EXPECT_FALSE(region.parent_code.has_value()) << region.code;
    EXPECT_TRUE(region.has_children) << region.code;
  }
}

TEST_P(Regions, ChildrenOfADistrictIncludeBanjarsari) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Regions().Children(std::string("35.07.20"), {200, 0}));
  EXPECT_GT(page.total, 5);
  EXPECT_EQ(page.items.size(), static_cast<std::size_t>(page.total));
  const Region* banjarsari = FindCode(page.items, "35.07.20.2004");
  ASSERT_NE(banjarsari, nullptr);
  EXPECT_EQ(banjarsari->name, "Banjarsari");
  EXPECT_EQ(banjarsari->level, Level::kVillage);
  EXPECT_EQ(banjarsari->parent_code, "35.07.20");
  EXPECT_FALSE(banjarsari->has_children);
  for (const Region& region : page.items) EXPECT_EQ(region.parent_code, "35.07.20");
}

TEST_P(Regions, ChildrenArePaged) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Regions().Children(std::string("35.07"), {200, 0}));
  ASSERT_OK_AND_ASSIGN(auto second, unit->Regions().Children(std::string("35.07"), {5, 5}));
  EXPECT_EQ(second.total, all.total);
  ASSERT_EQ(second.items.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) EXPECT_EQ(second.items[i].code, all.items[i + 5].code);
}

TEST_P(Regions, GetReturnsOneRegion) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Region regency, unit->Regions().Get("35.07"));
  EXPECT_EQ(regency.name, "Kabupaten Malang");
  EXPECT_EQ(regency.level, Level::kRegency);
  EXPECT_EQ(regency.parent_code, "35");
  EXPECT_TRUE(regency.has_children);
  EXPECT_ERROR_CODE(unit->Regions().Get("99.99"), ErrorCode::kNotFound);
}

TEST_P(Regions, NamesWithQuotesAndCommasSurviveTheLoad) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Region quoted, unit->Regions().Get("35.13.15.2017"));
  EXPECT_EQ(quoted.name, "Soka\"an");
  ASSERT_OK_AND_ASSIGN(Region comma, unit->Regions().Get("12.07.28.1007"));
  EXPECT_EQ(comma.name, "Lubuk Pakam I,II");
}

TEST_P(Regions, NamesSkipsUnknownCodes) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto names, unit->Regions().Names({"35", "35.07", "99.99"}));
  std::sort(names.begin(), names.end(),
            [](const PathItem& a, const PathItem& b) { return a.code < b.code; });
  EXPECT_EQ(names, (std::vector<PathItem>{{"35", "Jawa Timur"}, {"35.07", "Kabupaten Malang"}}));
  ASSERT_OK_AND_ASSIGN(auto none, unit->Regions().Names({}));
  EXPECT_TRUE(none.empty());
}

TEST_P(Regions, SearchIsCaseInsensitiveAndPutsVillagesLast) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto lower, unit->Regions().Search("banjarsari", {200, 0}));
  ASSERT_OK_AND_ASSIGN(auto upper, unit->Regions().Search("BANJARSARI", {200, 0}));
  EXPECT_EQ(lower.total, upper.total);
  EXPECT_GE(lower.total, 60);
  ASSERT_NE(FindCode(lower.items, "35.07.20.2004"), nullptr);
  for (std::size_t i = 1; i < lower.items.size(); ++i) {
    EXPECT_LE(static_cast<int>(lower.items[i - 1].level), static_cast<int>(lower.items[i].level));
  }
  EXPECT_NE(lower.items.front().level, Level::kVillage) << "districts named Banjarsari come first";
}

TEST_P(Regions, LikeMetacharactersInTheNeedleAreLiteral) {
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  for (const char* needle : {"%", "%%", "_", "b_njarsari", "banjar%sari", "\\"}) {
    ASSERT_OK_AND_ASSIGN(auto page, unit->Regions().Search(needle, {10, 0}));
    EXPECT_EQ(page.total, 0) << needle << " must not act as a wildcard";
  }
}

TEST_P(Regions, ReplaceAllSwapsTheWholeTableAndRollsBackWithTheUnit) {
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Regions().ReplaceAll({{"99", "Provinsi Uji"}, {"99.01", "Kabupaten Uji"}}));
    ASSERT_OK_AND_ASSIGN(std::int64_t inside, unit->Regions().Count());
    EXPECT_EQ(inside, 2);
    // destroyed without Commit
  }
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(std::int64_t after_rollback, unit->Regions().Count());
    EXPECT_GT(after_rollback, 91000);
  }
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Regions().ReplaceAll({{"99", "Provinsi Uji"}, {"99.01", "Kabupaten Uji"}}));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Region child, unit->Regions().Get("99.01"));
  EXPECT_EQ(child.parent_code, "99");
  EXPECT_EQ(child.level, Level::kRegency);
  ASSERT_OK_AND_ASSIGN(std::int64_t count, unit->Regions().Count());
  EXPECT_EQ(count, 2);
}

// ---- RegionService over the real data ----

class RegionServiceTest : public StorageTest {};
GOTONG_INSTANTIATE_FOR_BACKENDS(RegionServiceTest);

TEST_P(RegionServiceTest, SearchFindsBanjarsariWithItsFullPath) {
  RegionService service(db());
  ListQuery query;
  query.q = "  Banjarsari ";
  query.page = {200, 0};
  ASSERT_OK_AND_ASSIGN(auto page, service.List(query));
  const Region* banjarsari = FindCode(page.items, "35.07.20.2004");
  ASSERT_NE(banjarsari, nullptr);
  EXPECT_EQ(banjarsari->path, (std::vector<PathItem>{{"35", "Jawa Timur"},
                                                    {"35.07", "Kabupaten Malang"},
                                                    {"35.07.20", "Ngajum"},
                                                    {"35.07.20.2004", "Banjarsari"}}));
  for (const Region& region : page.items) {
    ASSERT_FALSE(region.path.empty());
    EXPECT_EQ(region.path.back().code, region.code);
    EXPECT_EQ(region.path.size(), static_cast<std::size_t>(region.level));
    for (const PathItem& item : region.path) EXPECT_FALSE(item.name.empty()) << item.code;
  }
}

TEST_P(RegionServiceTest, ListsChildrenWithPaths) {
  RegionService service(db());
  ListQuery query;
  query.parent = "35.07";
  ASSERT_OK_AND_ASSIGN(auto page, service.List(query));
  ASSERT_FALSE(page.items.empty());
  for (const Region& region : page.items) {
    EXPECT_EQ(region.level, Level::kDistrict);
    ASSERT_EQ(region.path.size(), 3u);
    EXPECT_EQ(region.path[0], (PathItem{"35", "Jawa Timur"}));
    EXPECT_EQ(region.path[1], (PathItem{"35.07", "Kabupaten Malang"}));
    EXPECT_EQ(region.path[2], (PathItem{region.code, region.name}));
  }
}

TEST_P(RegionServiceTest, RefusesBadQueries) {
  RegionService service(db());
  auto field_of = [&](ListQuery query) -> std::string {
    auto result = service.List(query);
    if (result.ok()) return "<ok>";
    if (result.error().code != ErrorCode::kInvalidArgument || result.error().fields.empty()) {
      return "<" + std::string(core::ToString(result.error().code)) + ">";
    }
    return result.error().fields[0].field + ":" + result.error().fields[0].code;
  };
  EXPECT_EQ(field_of({std::string("35.07"), std::string("malang"), {}}), "q:invalid_value");
  EXPECT_EQ(field_of({std::string("abc"), std::nullopt, {}}), "parent:invalid_format");
  EXPECT_EQ(field_of({std::string(""), std::nullopt, {}}), "parent:invalid_format");
  EXPECT_EQ(field_of({std::nullopt, std::string("a"), {}}), "q:too_short");
  EXPECT_EQ(field_of({std::nullopt, std::string("  a  "), {}}), "q:too_short");
  EXPECT_EQ(field_of({std::nullopt, std::string("\xC3\xA9"), {}}), "q:too_short");
  EXPECT_EQ(field_of({std::nullopt, std::string(101, 'a'), {}}), "q:too_long");
  EXPECT_EQ(field_of({std::nullopt, std::string(100, 'a'), {}}), "<ok>");
  EXPECT_EQ(field_of({std::string("99"), std::nullopt, {}}), "<not_found>");
  EXPECT_EQ(field_of({std::string("35.07.20.2004"), std::nullopt, {}}), "<ok>");
}

TEST_P(RegionServiceTest, GetFillsThePathAndRejectsNonCodes) {
  RegionService service(db());
  ASSERT_OK_AND_ASSIGN(Region village, service.Get("35.07.20.2004"));
  ASSERT_EQ(village.path.size(), 4u);
  EXPECT_EQ(village.path[2], (PathItem{"35.07.20", "Ngajum"}));
  EXPECT_ERROR_CODE(service.Get("99.99"), ErrorCode::kNotFound);
  EXPECT_ERROR_CODE(service.Get("35.7"), ErrorCode::kInvalidArgument);
  EXPECT_ERROR_CODE(service.Get("'; DROP TABLE regions; --"), ErrorCode::kInvalidArgument);
}

// The dataset reader itself, on the real files.
TEST(RegionDataset, ReadsEveryLevelWithCheckedCodes) {
  auto records = io::ReadRegionDataset(testing::RegionsDir());
  ASSERT_OK(records);
  EXPECT_GT(records->size(), 91000u);
  EXPECT_EQ(records->front().code, "11");
  EXPECT_EQ(records->front().name, "Aceh");
  auto banjarsari = std::find_if(records->begin(), records->end(),
                                 [](const auto& r) { return r.code == "35.07.20.2004"; });
  ASSERT_NE(banjarsari, records->end());
  EXPECT_EQ(banjarsari->name, "Banjarsari");
}

TEST(RegionDataset, MissingFolderIsUnavailableAndSaysWhatToSet) {
  auto records = io::ReadRegionDataset("/nonexistent/idn-area-data");
  ASSERT_FALSE(records.ok());
  EXPECT_EQ(records.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(records.error().message.find("GOTONG_REGIONS_DIR"), std::string::npos);
}

}  // namespace
}  // namespace gotong::storage_tests
