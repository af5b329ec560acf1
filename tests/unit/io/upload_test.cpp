#include "io/upload.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace gotong::io {
namespace {

namespace fs = std::filesystem;

class Upload : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("gotong-upload-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  static std::string Read(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
  }

  fs::path root_;
};

TEST_F(Upload, ASmallBodyIsWrittenUnderImportsWithAnUnguessableName) {
  const std::string csv = "\xEF\xBB\xBFnama_pemilik;nama_usaha\r\nSiti;Batik Sekar\r\n";
  auto first = StageUpload(root_.string(), "", csv);
  auto second = StageUpload(root_.string(), "", csv);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(fs::path(first->path).parent_path(), root_ / "imports");
  EXPECT_NE(first->path, second->path);
  EXPECT_EQ(first->bytes, static_cast<std::int64_t>(csv.size()));
  EXPECT_EQ(Read(first->path), csv) << "byte for byte, BOM and CRLF kept";
}

TEST_F(Upload, ASpooledBodyIsMovedNotCopied) {
  const std::string spooled = (root_ / "spool.tmp").string();
  std::ofstream(spooled, std::ios::binary) << "a;b\r\n1;2\r\n";
  auto staged = StageUpload(root_.string(), spooled, "ignored when spooled");
  ASSERT_TRUE(staged.ok()) << staged.error().message;
  EXPECT_EQ(staged->bytes, 10);
  EXPECT_EQ(Read(staged->path), "a;b\r\n1;2\r\n");
  EXPECT_FALSE(fs::exists(spooled)) << "the spool file was moved";
}

TEST_F(Upload, AnEmptyUploadIsRefusedOnFileAndKeepsNothing) {
  for (bool spool : {false, true}) {
    std::string spooled;
    if (spool) {
      spooled = (root_ / "empty.tmp").string();
      std::ofstream(spooled, std::ios::binary).close();
    }
    auto staged = StageUpload(root_.string(), spooled, "");
    ASSERT_FALSE(staged.ok());
    EXPECT_EQ(staged.error().code, core::ErrorCode::kInvalidArgument);
    ASSERT_EQ(staged.error().fields.size(), 1u);
    EXPECT_EQ(staged.error().fields[0].field, "file");
    EXPECT_EQ(staged.error().fields[0].code, "required");
  }
  EXPECT_FALSE(fs::exists(root_ / "imports") && !fs::is_empty(root_ / "imports"));
}

TEST_F(Upload, AFolderThatCannotBeMadeIsUnavailableNotACrash) {
  const std::string blocker = (root_ / "work").string();
  std::ofstream(blocker) << "a file where the work folder should be";
  auto staged = StageUpload(blocker, "", "a;b\n");
  ASSERT_FALSE(staged.ok());
  EXPECT_EQ(staged.error().code, core::ErrorCode::kUnavailable);
  auto missing = StageUpload(root_.string(), (root_ / "gone.tmp").string(), "");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::ErrorCode::kUnavailable);
}

TEST_F(Upload, DiscardRemovesTheFileAndToleratesOneAlreadyGone) {
  auto staged = StageUpload(root_.string(), "", "a;b\n");
  ASSERT_TRUE(staged.ok());
  DiscardUpload(staged->path);
  EXPECT_FALSE(fs::exists(staged->path));
  DiscardUpload(staged->path);
}

}  // namespace
}  // namespace gotong::io
