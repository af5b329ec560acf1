// The matching runner's queue is bounded: a run beyond it is refused (the API answers 503), and
// a stopped runner that never started leaves its queue alone.
#include "app/matching_runner.hpp"

#include <gtest/gtest.h>

#include "app/runtime_fixture.hpp"

namespace gotong::app {
namespace {

using MatchingRunnerTest = RuntimeTest;

TEST_F(MatchingRunnerTest, RefusesARunWhenItsQueueIsFull) {
  MatchingRunner runner(*runtime_->matching_runs);  // not started: nothing leaves the queue
  for (std::size_t i = 0; i < MatchingRunner::kMaxQueued; ++i) {
    EXPECT_TRUE(runner.Enqueue(static_cast<std::int64_t>(i) + 1));
  }
  EXPECT_FALSE(runner.Enqueue(99));
}

TEST_F(MatchingRunnerTest, ARunThatDoesNotExistEndsWithoutHarm) {
  MatchingRunner runner(*runtime_->matching_runs);
  runner.Start();
  EXPECT_TRUE(runner.Enqueue(12345));
  runner.Stop();
  auto unfinished = runtime_->matching_runs->Unfinished();
  ASSERT_TRUE(unfinished.ok());
  EXPECT_TRUE(unfinished->empty());
}

}  // namespace
}  // namespace gotong::app
