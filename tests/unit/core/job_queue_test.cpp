#include "core/job_queue.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace gotong::core {
namespace {

using namespace std::chrono_literals;

// What the jobs did, for the test thread to read.
struct Log {
  std::mutex mutex;
  std::vector<std::int64_t> ran;
  void Add(std::int64_t id) {
    std::lock_guard lock(mutex);
    ran.push_back(id);
  }
  std::vector<std::int64_t> Ran() {
    std::lock_guard lock(mutex);
    return ran;
  }
};

// Waits up to a few seconds for `done`.
template <typename Done>
bool Eventually(Done done) {
  for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(10ms);
  return done();
}

TEST(JobQueue, RunsTheJobsOneAtATimeInTheOrderTheyCame) {
  Log log;
  std::atomic<int> running = 0, most = 0;
  JobQueue jobs(0, [&](std::int64_t id, const std::stop_token&) {
    int now = ++running;
    most = std::max(most.load(), now);
    std::this_thread::sleep_for(2ms);
    log.Add(id);
    --running;
  });
  jobs.Start();
  for (std::int64_t id = 1; id <= 20; ++id) ASSERT_TRUE(jobs.Enqueue(id));
  ASSERT_TRUE(Eventually([&] { return log.Ran().size() == 20; }));
  std::vector<std::int64_t> expected;
  for (std::int64_t id = 1; id <= 20; ++id) expected.push_back(id);
  EXPECT_EQ(log.Ran(), expected);
  EXPECT_EQ(most, 1) << "never two at once";
}

TEST(JobQueue, ABoundedQueueRefusesAJobPastItsCapacityButResumesOneAcceptedBefore) {
  JobQueue jobs(2, [](std::int64_t, const std::stop_token&) {});  // not started: nothing leaves
  EXPECT_TRUE(jobs.Enqueue(1));
  EXPECT_TRUE(jobs.Enqueue(2));
  EXPECT_FALSE(jobs.Enqueue(3));
  EXPECT_EQ(jobs.Waiting(), 2u) << "the refused job is not queued";
  jobs.Resume(4);
  EXPECT_EQ(jobs.Waiting(), 3u);
}

TEST(JobQueue, StopTellsTheRunningJobToStopAndLeavesTheOthersForTheNextStart) {
  Log log;
  std::promise<void> started;
  JobQueue jobs(0, [&](std::int64_t id, const std::stop_token& stop) {
    if (id == 1) {
      started.set_value();
      while (!stop.stop_requested()) std::this_thread::sleep_for(1ms);  // a long job, until told
    }
    log.Add(id);
  });
  jobs.Start();
  jobs.Enqueue(1);
  jobs.Enqueue(2);
  started.get_future().wait();
  jobs.Stop();  // returns: the long job saw its token
  EXPECT_EQ(log.Ran(), std::vector<std::int64_t>{1});
  EXPECT_EQ(jobs.Waiting(), 1u);
  jobs.Start();
  ASSERT_TRUE(Eventually([&] { return log.Ran().size() == 2; }));
  EXPECT_EQ(log.Ran(), (std::vector<std::int64_t>{1, 2}));
}

}  // namespace
}  // namespace gotong::core
