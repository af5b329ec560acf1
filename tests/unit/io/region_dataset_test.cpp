#include "io/region_dataset.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace gotong::io {
namespace {

namespace fs = std::filesystem;

class RegionDatasetVersionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("gotong-regions-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_ / "data");
  }
  void TearDown() override { fs::remove_all(root_); }

  void WritePackage(const std::string& text) const {
    std::ofstream(root_ / "package.json", std::ios::binary) << text;
  }
  std::string Data() const { return (root_ / "data").string(); }

  fs::path root_;
};

TEST_F(RegionDatasetVersionTest, ReadsThePackagesOwnVersionBesideTheDataFolder) {
  WritePackage(R"({
  "name": "idn-area-data",
  "version": "4.0.1",
  "devDependencies": { "tsx": "^4.19.2" }
})");
  EXPECT_EQ(RegionDatasetVersion(Data()), "4.0.1");
  EXPECT_EQ(RegionDatasetVersion(Data() + "/"), "4.0.1");
}

TEST_F(RegionDatasetVersionTest, IsNothingForAFolderOfCsvFilesAlone) {
  EXPECT_EQ(RegionDatasetVersion(Data()), std::nullopt);
}

TEST_F(RegionDatasetVersionTest, IsNothingWhenThePackageNamesNoVersionOrAnOddOne) {
  WritePackage(R"({"name": "idn-area-data", "dependencies": {"x": "1.0.0"}})");
  EXPECT_EQ(RegionDatasetVersion(Data()), std::nullopt);
  WritePackage(R"({"name": "idn-area-data", "version": "<script>"})");
  EXPECT_EQ(RegionDatasetVersion(Data()), std::nullopt);
}

}  // namespace
}  // namespace gotong::io
