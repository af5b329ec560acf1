#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/runtime.hpp"
#include "support/testing.hpp"

namespace gotong::app {

// A runtime over a fresh SQLite file in its own folder (its work folder too), migrated, with
// the official regions loaded; the folder goes when the test ends.
class RuntimeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::NewTempDir("gotong-app");
    Config config;
    config.database = "sqlite:" + dir_ + "/app.db";
    config.regions_dir = testing::RegionsDir();
    config.work_dir = dir_;
    auto runtime = OpenRuntime(config);
    ASSERT_TRUE(runtime.ok()) << runtime.error().message;
    runtime_ = std::move(runtime).value();
    ASSERT_OK(MigrateAndLoadRegions(*runtime_, false, true));
  }
  void TearDown() override {
    runtime_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  std::string dir_;
  std::unique_ptr<Runtime> runtime_;
};

}  // namespace gotong::app
