#include "api/limits.hpp"

#include <gtest/gtest.h>

namespace gotong::api {
namespace {

LimitOptions Limits(int exports_per_user, int imports_per_user, int imports_total) {
  LimitOptions options;
  options.exports_per_user = exports_per_user;
  options.imports_per_user = imports_per_user;
  options.imports_total = imports_total;
  options.retry_after_seconds = 7;
  return options;
}

TEST(ConcurrencyLimits, AUserPastHerExportLimitIsToldToWaitWith429) {
  ConcurrencyLimits limits(Limits(2, 1, 4));
  auto first = limits.Acquire(Heavy::kExport, 10);
  auto second = limits.Acquire(Heavy::kExport, 10);
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(second.ok());
  auto third = limits.Acquire(Heavy::kExport, 10);
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, core::ErrorCode::kResourceExhausted);
  EXPECT_EQ(third.error().retry_after_seconds, 7);
  EXPECT_EQ(third.error().type, "too-many-exports");
  EXPECT_TRUE(limits.Acquire(Heavy::kExport, 11).ok()) << "another user is not held back";
  EXPECT_TRUE(limits.Acquire(Heavy::kImport, 10).ok()) << "imports count apart from exports";
}

TEST(ConcurrencyLimits, ASlotIsFreedWhenItsLastHandleGoes) {
  ConcurrencyLimits limits(Limits(1, 1, 4));
  std::shared_ptr<void> copy;
  {
    auto held = limits.Acquire(Heavy::kExport, 1);
    ASSERT_TRUE(held.ok());
    copy = *held;
  }
  EXPECT_EQ(limits.InFlight(Heavy::kExport, 1), 1) << "a copy still holds it";
  copy.reset();
  EXPECT_EQ(limits.InFlight(Heavy::kExport, 1), 0);
  EXPECT_TRUE(limits.Acquire(Heavy::kExport, 1).ok());
}

TEST(ConcurrencyLimits, UploadsFromEveryoneStopAtTheTotalWith503) {
  ConcurrencyLimits limits(Limits(2, 1, 2));
  auto a = limits.Acquire(Heavy::kImport, 1);
  auto b = limits.Acquire(Heavy::kImport, 2);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  auto c = limits.Acquire(Heavy::kImport, 3);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, core::ErrorCode::kUnavailable);
  EXPECT_EQ(limits.InFlight(Heavy::kImport, 3), 0) << "a refused request holds nothing";
}

TEST(ConcurrencyLimits, OrdinaryRoutesAreNotCounted) {
  ConcurrencyLimits limits(Limits(1, 1, 4));
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(limits.Acquire(Heavy::kNone, 1).ok());
}

}  // namespace
}  // namespace gotong::api
