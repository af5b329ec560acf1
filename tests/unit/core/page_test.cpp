#include "core/page.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/result.hpp"

namespace gotong::core {
namespace {

// A list of `size` numbers 0, 1, …, read a page at a time; with `cap`, its total is counted no
// further than that (as long registry lists are). Counts the reads.
struct FakeList {
  std::int64_t size = 0;
  std::int64_t cap = -1;
  int reads = 0;
  std::int64_t fail_at_offset = -1;

  Result<Page<int>> operator()(const PageRequest& page) {
    ++reads;
    if (page.offset == fail_at_offset) return Error::Unavailable("the database is gone");
    Page<int> result{{}, size, page.limit, page.offset};
    for (std::int64_t i = page.offset; i < size && i < page.offset + page.limit; ++i) {
      result.items.push_back(static_cast<int>(i));
    }
    if (cap >= 0 && size > cap) {
      result.total = cap;
      result.total_capped = true;
    }
    return result;
  }
};

std::vector<int> ReadAll(FakeList& list, Status* status = nullptr) {
  std::vector<int> seen;
  Status done = ForEachItem([&](const PageRequest& page) { return list(page); },
                            [&](int& item) { seen.push_back(item); });
  if (status != nullptr) *status = done;
  return seen;
}

TEST(ForEachItem, VisitsEveryItemInOrderInPagesOfTheLargestSize) {
  FakeList list{450};
  std::vector<int> seen = ReadAll(list);
  ASSERT_EQ(seen.size(), 450U);
  for (int i = 0; i < 450; ++i) ASSERT_EQ(seen[static_cast<std::size_t>(i)], i);
  EXPECT_EQ(list.reads, 3);  // 200 + 200 + 50
}

TEST(ForEachItem, AListFillingItsLastPageExactlyIsNotReadOnceMore) {
  FakeList list{400};
  EXPECT_EQ(ReadAll(list).size(), 400U);
  EXPECT_EQ(list.reads, 2);
}

TEST(ForEachItem, AnEmptyListIsReadOnce) {
  FakeList list{0};
  EXPECT_TRUE(ReadAll(list).empty());
  EXPECT_EQ(list.reads, 1);
}

TEST(ForEachItem, ATotalNotCountedWholeIsReadPastUntilAShortPage) {
  FakeList list{450, 250};
  EXPECT_EQ(ReadAll(list).size(), 450U);
  EXPECT_EQ(list.reads, 3);
}

TEST(ForEachItem, TheFirstFailedReadStopsAndIsReturned) {
  FakeList list{450};
  list.fail_at_offset = 200;
  Status status = OkStatus();
  std::vector<int> seen = ReadAll(list, &status);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(seen.size(), 200U);
  EXPECT_EQ(list.reads, 2);
}

}  // namespace
}  // namespace gotong::core
