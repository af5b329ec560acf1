#include "core/bounded_queue.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

namespace gotong::core {
namespace {

using namespace std::chrono_literals;

TEST(BoundedQueue, HandsItemsOverInOrderThenEndsOnceClosedAndDrained) {
  BoundedQueue<std::string> queue(4);
  std::jthread producer([&] {
    for (int i = 0; i < 100; ++i) ASSERT_TRUE(queue.Push("item " + std::to_string(i)));
    queue.Close();
  });
  for (int i = 0; i < 100; ++i) EXPECT_EQ(queue.Pop(), "item " + std::to_string(i));
  EXPECT_EQ(queue.Pop(), std::nullopt);
  EXPECT_EQ(queue.Pop(), std::nullopt) << "the end stays the end";
  EXPECT_FALSE(queue.error().has_value());
  EXPECT_EQ(queue.exception(), nullptr);
}

TEST(BoundedQueue, AFullQueueHoldsTheProducerUntilAnItemIsTaken) {
  BoundedQueue<int> queue(2);
  ASSERT_TRUE(queue.Push(1));
  ASSERT_TRUE(queue.Push(2));
  std::atomic<bool> pushed = false;
  std::jthread producer([&] {
    EXPECT_TRUE(queue.Push(3));
    pushed = true;
  });
  std::this_thread::sleep_for(50ms);
  EXPECT_FALSE(pushed) << "a third item waits for room";
  EXPECT_EQ(queue.Pop(), 1);
  producer.join();
  EXPECT_TRUE(pushed);
  EXPECT_EQ(queue.Pop(), 2);
  EXPECT_EQ(queue.Pop(), 3);
}

TEST(BoundedQueue, CancellingReleasesAWaitingProducerAndRefusesLaterItems) {
  BoundedQueue<int> queue(1);
  ASSERT_TRUE(queue.Push(1));
  std::atomic<int> result = -1;
  std::jthread producer([&] { result = queue.Push(2) ? 1 : 0; });
  std::this_thread::sleep_for(20ms);
  queue.Cancel();
  producer.join();
  EXPECT_EQ(result, 0);
  EXPECT_FALSE(queue.Push(3));
}

TEST(BoundedQueue, TheProducersErrorAndExceptionComeAfterTheItemsBeforeThem) {
  BoundedQueue<int> failed(3);
  ASSERT_TRUE(failed.Push(1));
  failed.Close(Error::Invalid("file", "unclosed_quote", "a quote is not closed"));
  EXPECT_EQ(failed.Pop(), 1);
  EXPECT_EQ(failed.Pop(), std::nullopt);
  ASSERT_TRUE(failed.error().has_value());
  EXPECT_EQ(failed.error()->fields.at(0).code, "unclosed_quote");

  BoundedQueue<int> thrown(3);
  ASSERT_TRUE(thrown.Push(7));
  thrown.Close(std::nullopt, std::make_exception_ptr(std::runtime_error("disk gone")));
  EXPECT_EQ(thrown.Pop(), 7);
  EXPECT_EQ(thrown.Pop(), std::nullopt);
  ASSERT_NE(thrown.exception(), nullptr);
  EXPECT_THROW(std::rethrow_exception(thrown.exception()), std::runtime_error);
}

TEST(BoundedQueue, AConsumerWaitingOnAnEmptyQueueWakesWhenItCloses) {
  BoundedQueue<int> queue(2);
  std::jthread closer([&] {
    std::this_thread::sleep_for(20ms);
    queue.Close();
  });
  EXPECT_EQ(queue.Pop(), std::nullopt);
}

TEST(BackgroundProducer, RunsTheProducerOnItsOwnThreadAndHandsOverItsItems) {
  const auto consumer = std::this_thread::get_id();
  std::atomic<bool> elsewhere = false;
  BackgroundProducer<int> producer(2, [&](BoundedQueue<int>& queue) {
    elsewhere = std::this_thread::get_id() != consumer;
    for (int i = 1; i <= 10; ++i) queue.Push(i);
    queue.Close(Error::Invalid("file", "invalid_format", "line 12: unclosed quote"));
  });
  int sum = 0;
  while (auto item = producer.Pop()) sum += *item;
  EXPECT_EQ(sum, 55);
  EXPECT_TRUE(elsewhere);
  ASSERT_TRUE(producer.error().has_value());
  EXPECT_EQ(producer.error()->message, "line 12: unclosed quote");
}

TEST(BackgroundProducer, AnExceptionInTheProducerReachesTheConsumerAfterItsItems) {
  BackgroundProducer<int> producer(4, [](BoundedQueue<int>& queue) {
    queue.Push(7);
    throw std::runtime_error("killed");
  });
  EXPECT_EQ(producer.Pop(), 7);
  EXPECT_EQ(producer.Pop(), std::nullopt);
  ASSERT_NE(producer.exception(), nullptr);
  EXPECT_THROW(std::rethrow_exception(producer.exception()), std::runtime_error);
}

TEST(BackgroundProducer, GoingOutOfScopeEarlyReleasesAProducerWaitingForRoom) {
  std::atomic<int> refused = 0;
  {
    BackgroundProducer<int> producer(1, [&](BoundedQueue<int>& queue) {
      for (int i = 0; i < 1000; ++i) {
        if (!queue.Push(i)) ++refused;
      }
      queue.Close();
    });
    EXPECT_EQ(producer.Pop(), 0);
  }  // would hang here if the producer were left waiting
  EXPECT_GT(refused.load(), 0) << "the producer saw the consumer leave";
}

}  // namespace
}  // namespace gotong::core
