#include "domain/regions/region.hpp"

#include <gtest/gtest.h>

namespace gotong::domain::regions {
namespace {

TEST(LevelOfCode, AcceptsEachLevel) {
  EXPECT_EQ(LevelOfCode("35"), Level::kProvince);
  EXPECT_EQ(LevelOfCode("35.07"), Level::kRegency);
  EXPECT_EQ(LevelOfCode("35.07.20"), Level::kDistrict);
  EXPECT_EQ(LevelOfCode("35.07.20.2004"), Level::kVillage);
  EXPECT_EQ(LevelOfCode("00"), Level::kProvince);
}

TEST(LevelOfCode, RejectsMalformedCodes) {
  for (const char* code : {"", "3", "350", "35.7", "35.007", "35.07.2", "35.07.20.204",
                           "35.07.20.20041", "35.07.20.2004.1", "35.07.20.2004.", "ab",
                           "3a", "35.0a", "35.07.20.200x", "35.", ".35", "35..07", "35-07",
                           " 35", "35 ", "35.07 ", "\xD9\xA3\xD9\xA5"}) {
    EXPECT_FALSE(LevelOfCode(code).has_value()) << '"' << code << '"';
  }
}

TEST(LevelName, NamesEachLevel) {
  EXPECT_EQ(ToString(Level::kProvince), "province");
  EXPECT_EQ(ToString(Level::kRegency), "regency");
  EXPECT_EQ(ToString(Level::kDistrict), "district");
  EXPECT_EQ(ToString(Level::kVillage), "village");
}

TEST(ParentCode, DropsTheLastPart) {
  EXPECT_EQ(ParentCode("35.07.20.2004"), "35.07.20");
  EXPECT_EQ(ParentCode("35.07.20"), "35.07");
  EXPECT_EQ(ParentCode("35.07"), "35");
  EXPECT_FALSE(ParentCode("35").has_value());
}

TEST(LineageCodes, RunsFromProvinceToTheCodeItself) {
  EXPECT_EQ(LineageCodes("35.07.20.2004"),
            (std::vector<std::string>{"35", "35.07", "35.07.20", "35.07.20.2004"}));
  EXPECT_EQ(LineageCodes("35.07"), (std::vector<std::string>{"35", "35.07"}));
  EXPECT_EQ(LineageCodes("35"), (std::vector<std::string>{"35"}));
}

TEST(IsWithin, FollowsWholeParts) {
  EXPECT_TRUE(IsWithin("35.07", "35.07"));
  EXPECT_TRUE(IsWithin("35.07.20", "35.07"));
  EXPECT_TRUE(IsWithin("35.07.20.2004", "35.07"));
  EXPECT_TRUE(IsWithin("35.07.20.2004", "35"));
  EXPECT_FALSE(IsWithin("35.071", "35.07"));  // a prefix of the text, not of the parts
  EXPECT_FALSE(IsWithin("35.17", "35.1"));
  EXPECT_FALSE(IsWithin("35", "35.07"));      // a parent is not within its child
  EXPECT_FALSE(IsWithin("36.07", "35"));
  EXPECT_FALSE(IsWithin("350", "35"));
}

}  // namespace
}  // namespace gotong::domain::regions
