#include "domain/accounts/login_throttle.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gotong::domain::accounts {
namespace {

using namespace std::chrono_literals;

class LoginThrottleTest : public ::testing::Test {
 protected:
  LoginThrottleTest()
      : clock_(core::Instant{std::chrono::sys_days{std::chrono::year{2026} / 3 / 1}}),
        throttle_(clock_) {}

  void Fail(int times, const std::string& account = "siti",
            const std::string& address = "10.0.0.1") {
    for (int i = 0; i < times; ++i) throttle_.RecordFailure(account, address);
  }

  core::ManualClock clock_;
  LoginThrottle throttle_;
};

TEST_F(LoginThrottleTest, FreshKeysAreNotBlocked) {
  EXPECT_FALSE(throttle_.Blocked("siti", "10.0.0.1").has_value());
}

TEST_F(LoginThrottleTest, FifthTryIsAllowedSixthIsBlocked) {
  Fail(4);
  EXPECT_FALSE(throttle_.Blocked("siti", "10.0.0.1").has_value()) << "the 5th try must be allowed";
  Fail(1);
  auto wait = throttle_.Blocked("siti", "10.0.0.1");
  ASSERT_TRUE(wait.has_value()) << "the 6th try must be blocked";
  EXPECT_EQ(*wait, 900s);
}

TEST_F(LoginThrottleTest, AnAttackerElsewhereCannotLockTheOwnerOut) {
  Fail(5, "siti", "10.0.0.1");
  EXPECT_TRUE(throttle_.Blocked("siti", "10.0.0.1").has_value()) << "the attacker's address waits";
  EXPECT_FALSE(throttle_.Blocked("siti", "192.168.1.9").has_value())
      << "the owner at her own address still signs in";
  EXPECT_FALSE(throttle_.Blocked("budi", "10.0.0.1").has_value())
      << "another account from the attacker's address is under its own limit";
}

TEST_F(LoginThrottleTest, FailuresOfOneAccountFromManyAddressesCountPerAddress) {
  for (int i = 0; i < 4; ++i) Fail(4, "siti", "10.0.0." + std::to_string(i));
  for (int i = 0; i < 4; ++i) {
    EXPECT_FALSE(throttle_.Blocked("siti", "10.0.0." + std::to_string(i)).has_value()) << i;
  }
  Fail(1, "siti", "10.0.0.2");
  EXPECT_TRUE(throttle_.Blocked("siti", "10.0.0.2").has_value());
  EXPECT_FALSE(throttle_.Blocked("siti", "10.0.0.3").has_value());
}

TEST_F(LoginThrottleTest, RetryAfterIsWhenTheOldestCountedFailureLeavesTheWindow) {
  for (int i = 0; i < 5; ++i) {
    throttle_.RecordFailure("siti", "10.0.0.1");
    clock_.Advance(60s);
  }
  // Failures at 0, 60, 120, 180, 240 s; now is 300 s: the first leaves at 900 s.
  EXPECT_EQ(throttle_.Blocked("siti", "10.0.0.1"), 600s);
  clock_.Advance(599s);
  EXPECT_EQ(throttle_.Blocked("siti", "10.0.0.1"), 1s);
  clock_.Advance(1s);
  EXPECT_FALSE(throttle_.Blocked("siti", "10.0.0.1").has_value());
  // Only one failure has left: one more puts the account over again, until 960 s.
  throttle_.RecordFailure("siti", "10.0.0.1");
  EXPECT_EQ(throttle_.Blocked("siti", "10.0.0.1"), 60s);
}

TEST_F(LoginThrottleTest, RetryAfterCountsEveryFailureOverTheLimit) {
  for (int i = 0; i < 7; ++i) {
    throttle_.RecordFailure("siti", "10.0.0.1");
    clock_.Advance(10s);
  }
  // Failures at 0..60 s; to get under 5, those at 0, 10 and 20 s must leave: at 920 s.
  EXPECT_EQ(throttle_.Blocked("siti", "10.0.0.1"), 920s - 70s);
}

TEST_F(LoginThrottleTest, WindowExpiryUnblocks) {
  Fail(5);
  clock_.Advance(15min - 1s);
  EXPECT_TRUE(throttle_.Blocked("siti", "10.0.0.1").has_value());
  clock_.Advance(1s);
  EXPECT_FALSE(throttle_.Blocked("siti", "10.0.0.1").has_value());
}

TEST_F(LoginThrottleTest, SuccessClearsTheAccountAtItsAddressButNotTheAddress) {
  Fail(4, "siti", "10.0.0.1");
  throttle_.RecordSuccess("siti", "10.0.0.1");
  Fail(4, "siti", "10.0.0.1");
  EXPECT_FALSE(throttle_.Blocked("siti", "10.0.0.1").has_value())
      << "4 failures after a success must not add to the 4 before it";
  Fail(1, "siti", "10.0.0.1");
  EXPECT_TRUE(throttle_.Blocked("siti", "10.0.0.1").has_value());

  // The address keeps counting across accounts and successes: 9 so far, 11 more reach 20.
  for (int i = 0; i < 11; ++i) throttle_.RecordFailure("user" + std::to_string(i), "10.0.0.1");
  throttle_.RecordSuccess("siti", "10.0.0.1");
  EXPECT_TRUE(throttle_.Blocked("someone-new", "10.0.0.1").has_value());
}

TEST_F(LoginThrottleTest, SuccessFromOneAddressLeavesTheAttackersCountElsewhere) {
  Fail(5, "siti", "10.0.0.1");
  throttle_.RecordSuccess("siti", "192.168.1.9");
  EXPECT_TRUE(throttle_.Blocked("siti", "10.0.0.1").has_value())
      << "the owner signing in at home must not reset the attacker's tries";
}

TEST_F(LoginThrottleTest, TwentyFailuresFromOneAddressBlockEveryAccountFromIt) {
  for (int i = 0; i < 19; ++i) {
    throttle_.RecordFailure("user" + std::to_string(i % 4), "10.0.0.1");
  }
  EXPECT_FALSE(throttle_.Blocked("fresh", "10.0.0.1").has_value()) << "19 failures are allowed";
  throttle_.RecordFailure("user9", "10.0.0.1");
  auto wait = throttle_.Blocked("fresh", "10.0.0.1");
  ASSERT_TRUE(wait.has_value());
  EXPECT_EQ(*wait, 900s);
  EXPECT_FALSE(throttle_.Blocked("fresh", "10.0.0.2").has_value());
}

TEST_F(LoginThrottleTest, LongerOfTheTwoWaitsWins) {
  // The address fills up early; the account at that address later.
  for (int i = 0; i < 20; ++i) throttle_.RecordFailure("other" + std::to_string(i), "10.0.0.1");
  clock_.Advance(5min);
  Fail(5, "siti", "10.0.0.1");
  EXPECT_EQ(throttle_.Blocked("siti", "10.0.0.1"), 900s);  // account there: 900 s, address: 600 s
  EXPECT_EQ(throttle_.Blocked("nobody", "10.0.0.1"), 600s);
}

TEST_F(LoginThrottleTest, PolicyIsConfigurable) {
  LoginThrottle strict(clock_, ThrottlePolicy{2, 3, std::chrono::seconds{60}, 100});
  strict.RecordFailure("a", "x");
  EXPECT_FALSE(strict.Blocked("a", "x").has_value());
  strict.RecordFailure("a", "x");
  EXPECT_EQ(strict.Blocked("a", "x"), 60s);
  strict.RecordFailure("b", "x");
  EXPECT_EQ(strict.Blocked("c", "x"), 60s);
  clock_.Advance(60s);
  EXPECT_FALSE(strict.Blocked("a", "x").has_value());
}

// ---- memory stays bounded ----

TEST_F(LoginThrottleTest, KeysWhoseFailuresExpiredAreForgotten) {
  for (int i = 0; i < 50; ++i) {
    throttle_.RecordFailure("user" + std::to_string(i), "10.0." + std::to_string(i) + ".1");
  }
  EXPECT_EQ(throttle_.TrackedKeys(), 100u) << "50 account-at-address keys and 50 addresses";
  clock_.Advance(15min);
  throttle_.RecordFailure("late", "10.9.9.9");
  EXPECT_EQ(throttle_.TrackedKeys(), 2u) << "only the new failure's two keys are left";
}

TEST_F(LoginThrottleTest, ASprayOfNamesAndAddressesNeverPassesTheCap) {
  LoginThrottle capped(clock_, ThrottlePolicy{5, 20, std::chrono::seconds{900}, 64});
  for (int i = 0; i < 5000; ++i) {
    capped.RecordFailure("user" + std::to_string(i), "10." + std::to_string(i / 250) + "." +
                                                         std::to_string(i % 250) + ".1");
    ASSERT_LE(capped.TrackedKeys(), 128u) << "after " << i + 1 << " failures";
    if (i % 100 == 0) clock_.Advance(1s);
  }
}

TEST_F(LoginThrottleTest, TheCapForgetsTheKeyThatFailedLongestAgoFirst) {
  LoginThrottle capped(clock_, ThrottlePolicy{2, 20, std::chrono::seconds{900}, 3});
  capped.RecordFailure("siti", "10.0.0.1");
  capped.RecordFailure("siti", "10.0.0.1");
  clock_.Advance(1s);
  capped.RecordFailure("budi", "10.0.0.2");
  capped.RecordFailure("budi", "10.0.0.2");
  clock_.Advance(1s);
  capped.RecordFailure("ani", "10.0.0.3");
  capped.RecordFailure("ani", "10.0.0.3");
  clock_.Advance(1s);
  // siti failing again makes her the most recent: budi's key is now the oldest.
  capped.RecordFailure("siti", "10.0.0.1");
  capped.RecordFailure("dewi", "10.0.0.4");
  EXPECT_TRUE(capped.Blocked("siti", "10.0.0.1").has_value());
  EXPECT_FALSE(capped.Blocked("budi", "10.0.0.2").has_value()) << "forgotten first";
  EXPECT_TRUE(capped.Blocked("ani", "10.0.0.3").has_value());
}

TEST_F(LoginThrottleTest, ManyFailuresOnOneKeyKeepOnlyWhatTheLimitNeeds) {
  // 1000 failures, one a second: blocked until the 5th newest leaves the window.
  for (int i = 0; i < 1000; ++i) {
    throttle_.RecordFailure("siti", "10.0.0.1");
    clock_.Advance(1s);
  }
  // Failures at 0..999 s, now 1000 s: the 5th newest (995 s) leaves at 1895 s.
  EXPECT_EQ(throttle_.Blocked("siti", "10.0.0.1"), 895s);
  EXPECT_EQ(throttle_.TrackedKeys(), 2u);
}

}  // namespace
}  // namespace gotong::domain::accounts
