#pragma once

// gtest helpers shared by the suites: Result assertions and the two-backend instantiation.

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/result.hpp"
#include "support/test_database.hpp"

namespace gotong::testing {
// A new empty folder under the system's temporary directory, named `prefix`-XXXXXX.
std::string NewTempDir(const std::string& prefix);
}  // namespace gotong::testing

// Fails the test (with the error's message) unless `expr` (a Result or Status) is OK.
#define ASSERT_OK(expr)                                                   \
  do {                                                                    \
    const auto& gotong_assert_ok_ = (expr);                               \
    ASSERT_TRUE(gotong_assert_ok_.ok()) << gotong_assert_ok_.error().message; \
  } while (false)
#define EXPECT_OK(expr)                                                   \
  do {                                                                    \
    const auto& gotong_expect_ok_ = (expr);                               \
    EXPECT_TRUE(gotong_expect_ok_.ok()) << gotong_expect_ok_.error().message; \
  } while (false)

// Declares `lhs` from a successful Result, or fails the test.
#define ASSERT_OK_AND_ASSIGN(lhs, expr) \
  GOTONG_ASSERT_OK_AND_ASSIGN_IMPL_(GOTONG_CONCAT_(gotong_assign_, __LINE__), lhs, expr)
#define GOTONG_ASSERT_OK_AND_ASSIGN_IMPL_(tmp, lhs, expr)    \
  auto tmp = (expr);                                         \
  ASSERT_TRUE(tmp.ok()) << tmp.error().message;              \
  lhs = std::move(tmp).value()

// Fails the test unless `expr` failed with `error_code`.
#define EXPECT_ERROR_CODE(expr, error_code)                                     \
  do {                                                                          \
    const auto& gotong_expect_error_ = (expr);                                  \
    if (gotong_expect_error_.ok()) {                                            \
      ADD_FAILURE() << #expr " succeeded; expected " << ::gotong::core::ToString(error_code); \
    } else {                                                                    \
      EXPECT_EQ(::gotong::core::ToString(gotong_expect_error_.error().code),    \
                std::string(::gotong::core::ToString(error_code)))              \
          << gotong_expect_error_.error().message;                              \
    }                                                                           \
  } while (false)

namespace gotong::testing {

inline std::string BackendParamName(const ::testing::TestParamInfo<Backend>& info) {
  return BackendName(info.param);
}

// A test with a fresh database of the parameter's backend (see TestDatabase).
class DatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto created = TestDatabase::Create(GetParam());
    ASSERT_TRUE(created.ok()) << "cannot prepare a " << BackendName(GetParam())
                              << " test database: " << created.error().message;
    test_database_ = std::move(created).value();
  }

  storage::SqlDatabase& db() { return test_database_->db(); }
  TestDatabase& test_database() { return *test_database_; }

 private:
  std::unique_ptr<TestDatabase> test_database_;
};

}  // namespace gotong::testing

// Runs every TEST_P of `suite` once per backend, as Sqlite/suite.Name/sqlite and
// Postgresql/suite.Name/postgresql (tests/CMakeLists.txt filters on the prefix).
#define GOTONG_INSTANTIATE_FOR_BACKENDS(suite)                                              \
  INSTANTIATE_TEST_SUITE_P(Sqlite, suite,                                                   \
                           ::testing::Values(::gotong::testing::Backend::kSqlite),          \
                           ::gotong::testing::BackendParamName);                            \
  INSTANTIATE_TEST_SUITE_P(Postgresql, suite,                                               \
                           ::testing::Values(::gotong::testing::Backend::kPostgresql),      \
                           ::gotong::testing::BackendParamName)
