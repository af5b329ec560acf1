// The import runner over real files: a queued job whose uploaded file has gone (a cleaned
// work folder, say) ends failed, saying so as a code the web app words in Indonesian.
#include "app/import_runner.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/runtime_fixture.hpp"

namespace gotong::app {
namespace {

namespace registry = domain::registry;

class ImportRunnerTest : public RuntimeTest {
 protected:
  // A queued job over `path`, which holds `csv`.
  std::int64_t Queue(const std::string& path, const std::string& csv) {
    std::ofstream(path, std::ios::binary) << csv;
    registry::ImportRequest request{"enterprises", "insert", false,
                                    "umkm.csv", path, static_cast<std::int64_t>(csv.size())};
    auto job = runtime_->imports->Create(domain::accounts::Context::System("test"), request);
    EXPECT_TRUE(job.ok()) << job.error().message;
    return job.ok() ? job->id : 0;
  }

};

TEST_F(ImportRunnerTest, AJobWhoseFileIsGoneFailsSayingSo) {
  std::string path = dir_ + "/upload-1.csv";
  std::int64_t id = Queue(path, "nama_pemilik;nama_usaha;sektor;kode_desa\nSiti;Batik;batik;35.79.02.2006\n");
  std::filesystem::remove(path);
  auto job = RunImportJob(*runtime_->imports, id, true, nullptr);
  ASSERT_TRUE(job.ok()) << job.error().message;
  EXPECT_EQ(job->status, registry::JobStatus::kFailed);
  ASSERT_TRUE(job->message.has_value());
  EXPECT_EQ(job->message->code, registry::job_note::kFileGone);
  EXPECT_NE(job->message->message.find("gone"), std::string::npos) << job->message->message;
}

TEST_F(ImportRunnerTest, AJobThatEndsHasItsFileRemovedAndItsRowsIn) {
  std::string path = dir_ + "/upload-2.csv";
  std::int64_t id = Queue(path, "nama_pemilik;nama_usaha;sektor;kode_desa;No\nSiti;Batik;batik;35.79.02.2006;1\n");
  auto job = RunImportJob(*runtime_->imports, id, true, nullptr);
  ASSERT_TRUE(job.ok()) << job.error().message;
  EXPECT_EQ(job->status, registry::JobStatus::kSucceeded);
  EXPECT_EQ(job->rows_inserted, 1);
  EXPECT_FALSE(job->message.has_value());
  ASSERT_EQ(job->warnings.size(), 1u);
  EXPECT_EQ(job->warnings[0].code, registry::job_note::kUnknownColumn);
  EXPECT_EQ(job->warnings[0].params, (std::vector<std::pair<std::string, std::string>>{{"column", "No"}}));
  EXPECT_FALSE(std::filesystem::exists(path));
}

}  // namespace
}  // namespace gotong::app
