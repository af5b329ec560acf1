// `gotong demo`'s groups: seed 001's tape group and seed 000's batik community, loaded through
// the real services into a fresh SQLite registry, hold the facts the seeds report.
#include "app/demo_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "app/runtime_fixture.hpp"

namespace gotong::app {
namespace {

using domain::accounts::Context;

class DemoGroupsTest : public RuntimeTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(RuntimeTest::SetUp());
    ASSERT_OK(LoadDemoStakeholders(*runtime_));
    auto loaded = LoadDemoGroups(*runtime_);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    groups_ = *loaded;
  }

  DemoGroups groups_;
  Context system_ = Context::System("test");
};

TEST_F(DemoGroupsTest, TheTapeGroupMetTwiceAMonthWhereItsSopAskedOnce) {
  ASSERT_GT(groups_.tape_group, 0);
  auto view = runtime_->meetings->Compliance(system_, groups_.tape_group, std::string("2024-01"),
                                           std::string("2025-12"));
  ASSERT_TRUE(view.ok()) << view.error().message;
  ASSERT_EQ(view->months.size(), 24u);
  for (const auto& month : view->months) EXPECT_EQ(month.compliance.percent, 200) << month.compliance.month.ToString();
  auto group = runtime_->groups->GetGroup(system_, groups_.tape_group);
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group->group.status, domain::groups::GroupStatus::kActive);
  EXPECT_TRUE(group->group.legality.has_value());
}

TEST_F(DemoGroupsTest, TheTapeGroupAgreedItsMarketAreasButNotAUniformPrice) {
  auto norms = runtime_->deliberations->Norms(system_, groups_.tape_group);
  ASSERT_TRUE(norms.ok());
  ASSERT_EQ(norms->size(), 1u);
  EXPECT_EQ(norms->front().topic, domain::groups::Topic::kMarketAreas);
  auto deliberations = runtime_->deliberations->ListDeliberations(system_, groups_.tape_group, {50, 0});
  ASSERT_TRUE(deliberations.ok());
  ASSERT_EQ(deliberations->total, 2);
  for (const auto& d : deliberations->items) {
    if (d.topic == domain::groups::Topic::kPrice) {
      EXPECT_EQ(d.outcome, domain::groups::Outcome::kNotAgreed);
    }
  }
  auto areas = runtime_->cooperation->Areas(system_, groups_.tape_group, false);
  ASSERT_TRUE(areas.ok());
  EXPECT_EQ(areas->areas.size(), 5u);
  EXPECT_TRUE(areas->overlaps.empty());
}

TEST_F(DemoGroupsTest, TheTreasuryBalancesWithAShopFromAidAndTwoMembersInArrears) {
  auto statement = runtime_->treasury->GetStatement(system_, groups_.tape_group, std::string("2024-01-01"),
                                                    std::string("2025-12-31"));
  ASSERT_TRUE(statement.ok()) << statement.error().message;
  EXPECT_TRUE(statement->balanced);
  auto assets = runtime_->treasury->Assets(system_, groups_.tape_group);
  ASSERT_TRUE(assets.ok());
  ASSERT_EQ(assets->size(), 1u);
  EXPECT_EQ(assets->front().source, domain::groups::AssetSource::kAid);
  EXPECT_GT(assets->front().sales, assets->front().purchases);
  auto fees = runtime_->treasury->Fees(system_, groups_.tape_group, std::string("2025-12"));
  ASSERT_TRUE(fees.ok());
  auto in_arrears = std::count_if(fees->members.begin(), fees->members.end(),
                                  [](const auto& row) { return row.arrears > 0; });
  EXPECT_EQ(in_arrears, 2);
  EXPECT_EQ(fees->arrears, 2 * 6 * 10'000);
  auto purchases = runtime_->cooperation->Purchases(system_, groups_.tape_group, {50, 0});
  ASSERT_TRUE(purchases.ok());
  ASSERT_EQ(purchases->items.size(), 1u);
  const auto& cassava = purchases->items.front();
  EXPECT_EQ(domain::groups::Saving(cassava.alone_price, cassava.group_price, cassava.quantity), 640'000);
  auto board = runtime_->cooperation->Materials(system_, groups_.tape_group);
  ASSERT_TRUE(board.ok());
  ASSERT_EQ(board->matches.size(), 1u);
  EXPECT_EQ(board->matches.front().quantity, 60);
}

TEST_F(DemoGroupsTest, TheBatikCommunityHasTheElevenInformantsOfTableOne) {
  ASSERT_GT(groups_.batik_community, 0);
  auto members = runtime_->groups->ListMembers(system_, groups_.batik_community, true, {50, 0});
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->total, 11);
  auto find = [&](const std::string& name) {
    return *std::find_if(members->items.begin(), members->items.end(),
                         [&](const auto& m) { return m.person_name == name; });
  };
  EXPECT_EQ(find("AD").role, domain::groups::MemberRole::kLeader);
  EXPECT_TRUE(find("AD").mentor);
  EXPECT_EQ(find("DW").role, domain::groups::MemberRole::kTreasurer);
  EXPECT_EQ(find("JA").role, domain::groups::MemberRole::kSecretary);
  EXPECT_EQ(find("JA").joined_on.year, 2013);
  EXPECT_EQ(find("SA").joined_on.year, 2020);
  auto orders = runtime_->cooperation->Orders(system_, groups_.batik_community, {50, 0});
  ASSERT_TRUE(orders.ok());
  ASSERT_EQ(orders->items.size(), 1u);
  std::int64_t split = 0;
  for (const auto& share : orders->items.front().shares) {
    EXPECT_LE(share.quantity, share.capacity);
    split += share.quantity;
  }
  EXPECT_EQ(split, 240);
  auto posts = runtime_->cooperation->Posts(system_, groups_.batik_community, {50, 0});
  ASSERT_TRUE(posts.ok());
  EXPECT_EQ(posts->total, 4);
}

TEST_F(DemoGroupsTest, LoadingAgainAddsNothing) {
  auto again = LoadDemoGroups(*runtime_);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->tape_group, 0);
  auto list = runtime_->groups->ListGroups(system_, {}, {50, 0});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 2);
}

}  // namespace
}  // namespace gotong::app
