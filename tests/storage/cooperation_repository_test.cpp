#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/groups/cooperation.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::groups::CollectivePurchase;
using domain::groups::JointOrder;
using domain::groups::KnowledgePost;
using domain::groups::MarketArea;
using domain::groups::MaterialKind;
using domain::groups::MaterialRecord;
using domain::groups::OrderShare;
using domain::groups::OrderStatus;
using domain::groups::PostKind;

class CooperationRepository : public TwoGroupsTest {
 protected:
  void SetUp() override {
    TwoGroupsTest::SetUp();
    if (HasFatalFailure()) return;
    sulastri_ = AddMember(group_, "Sulastri");
    painem_ = AddMember(group_, "Painem");
    ASSERT_GT(painem_, 0);
  }

  MarketArea Area(const std::string& area, std::int64_t member, const char* day = "2026-01-01") {
    MarketArea a;
    a.group_id = group_;
    a.member_id = member;
    a.area = area;
    a.claimed_on = D(day);
    a.created_at = T("2026-01-01T00:00:00Z");
    return a;
  }
  std::int64_t InsertArea(const MarketArea& area) {
    return Committed([&](UnitOfWork& unit) { return unit.Cooperation().InsertArea(area); });
  }

  JointOrder Order(const std::string& customer, std::int64_t group = 0) {
    JointOrder o;
    o.group_id = group == 0 ? group_ : group;
    o.customer = customer;
    o.product = "tape singkong";
    o.quantity = 150;
    o.unit = "kg";
    o.unit_price = 12'000;
    o.created_at = T("2026-02-01T00:00:00Z");
    o.updated_at = T("2026-02-01T00:00:00Z");
    return o;
  }
  std::int64_t InsertOrder(const JointOrder& order) {
    return Committed([&](UnitOfWork& unit) { return unit.Cooperation().InsertOrder(order); });
  }

  KnowledgePost Post(const std::string& title, std::vector<std::string> tags = {}) {
    KnowledgePost p;
    p.group_id = group_;
    p.member_id = sulastri_;
    p.kind = PostKind::kSupplier;
    p.title = title;
    p.body = "Singkong dari Pak Slamet \xE2\x80\x94 Rp 2.000/kg.\nKirim Senin.";
    p.tags = std::move(tags);
    p.created_at = T("2026-02-02T00:00:00Z");
    return p;
  }
  std::int64_t InsertPost(const KnowledgePost& post) {
    return Committed([&](UnitOfWork& unit) { return unit.Cooperation().InsertPost(post); });
  }
  KnowledgePost FindPost(std::int64_t id) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto found = unit->Cooperation().FindPost(group_, id);
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? *found : KnowledgePost{};
  }

  MaterialRecord Material(MaterialKind kind, const char* until, std::int64_t group = 0) {
    MaterialRecord r;
    r.group_id = group == 0 ? group_ : group;
    r.post.member_id = group == 0 ? painem_ : AddMember(group, "Tukini");
    r.post.kind = kind;
    r.post.material = "Singkong";
    r.post.unit = "kg";
    r.post.quantity = 50;
    r.post.until = D(until);
    r.created_at = T("2026-02-03T00:00:00Z");
    return r;
  }
  std::int64_t InsertMaterial(const MaterialRecord& record) {
    return Committed([&](UnitOfWork& unit) { return unit.Cooperation().InsertMaterial(record); });
  }

  std::int64_t sulastri_ = 0, painem_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(CooperationRepository);

// ---- market areas ---------------------------------------------------------------------------

TEST_P(CooperationRepository, AreaRoundTripsAndAnEndedClaimLeavesTheCurrentList) {
  std::int64_t deliberation = Committed([&](UnitOfWork& unit) -> core::Result<std::int64_t> {
    domain::groups::Deliberation d;
    d.group_id = group_;
    d.title = "Wilayah pasar";
    d.created_at = T("2026-01-01T00:00:00Z");
    d.updated_at = T("2026-01-01T00:00:00Z");
    GOTONG_ASSIGN_OR_RETURN(auto saved, unit.Deliberations().Insert(d));
    return saved.id;
  });
  MarketArea shared = Area("Pasar Ngajum", sulastri_, "2024-02-29");
  shared.deliberation_id = deliberation;
  std::int64_t id = InsertArea(shared);
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(MarketArea found, unit->Cooperation().FindArea(group_, id));
    EXPECT_EQ(found.id, id);
    EXPECT_EQ(found.group_id, group_);
    EXPECT_EQ(found.member_id, sulastri_);
    EXPECT_EQ(found.member_name, "Sulastri");
    EXPECT_EQ(found.area, "Pasar Ngajum");
    EXPECT_EQ(found.deliberation_id, deliberation);
    EXPECT_EQ(found.claimed_on, D("2024-02-29"));
    EXPECT_FALSE(found.ended_on.has_value());
    EXPECT_EQ(found.created_at, shared.created_at);
    EXPECT_ERROR_CODE(unit->Cooperation().FindArea(other_group_, id), ErrorCode::kNotFound);
  }
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Cooperation().EndArea(id, D("2026-03-31")));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(MarketArea ended, unit->Cooperation().FindArea(group_, id));
  EXPECT_EQ(ended.ended_on, D("2026-03-31"));
  ASSERT_OK_AND_ASSIGN(auto current, unit->Cooperation().Areas(group_, false));
  EXPECT_TRUE(current.empty());
  ASSERT_OK_AND_ASSIGN(auto all, unit->Cooperation().Areas(group_, true));
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].id, id);
  EXPECT_EQ(all[0].ended_on, D("2026-03-31"));
}

TEST_P(CooperationRepository, AreasListByFoldedAreaThenOldestFirst) {
  std::int64_t wates = InsertArea(Area("Pasar Wates", sulastri_));
  std::int64_t ngajum_1 = InsertArea(Area("pasar ngajum", painem_));
  std::int64_t ngajum_2 = InsertArea(Area("  Pasar   NGAJUM ", sulastri_));
  std::int64_t balai = InsertArea(Area("Balai desa", painem_));
  MarketArea elsewhere = Area("Pasar Ngajum", AddMember(other_group_, "Tukini"));
  elsewhere.group_id = other_group_;
  InsertArea(elsewhere);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto areas, unit->Cooperation().Areas(group_, false));
  std::vector<std::int64_t> ids;
  for (const auto& area : areas) ids.push_back(area.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{balai, ngajum_1, ngajum_2, wates}));
  ASSERT_EQ(areas.size(), 4u);
  EXPECT_EQ(areas[2].area, "  Pasar   NGAJUM ") << "the area as written is kept";
}

// ---- joint orders ---------------------------------------------------------------------------

TEST_P(CooperationRepository, OrderRoundTripsWithSharesInTheirOrder) {
  JointOrder order = Order("Toko Oleh-oleh Malang");
  order.due_on = D("2026-02-28");
  order.status = OrderStatus::kOpen;
  // Painem first: shares keep the order they were given in, not the members' names or ids.
  order.shares = {{painem_, "", 100, 90, 0, 0}, {sulastri_, "", 70, 60, 10, 120'000}};
  std::int64_t id = InsertOrder(order);
  ASSERT_GT(id, 0);
  std::int64_t undated_id = InsertOrder(Order("Warung"));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(JointOrder found, unit->Cooperation().FindOrder(group_, id));
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.customer, "Toko Oleh-oleh Malang");
  EXPECT_EQ(found.product, "tape singkong");
  EXPECT_EQ(found.quantity, 150);
  EXPECT_EQ(found.unit, "kg");
  EXPECT_EQ(found.unit_price, 12'000);
  EXPECT_EQ(found.due_on, D("2026-02-28"));
  EXPECT_EQ(found.status, OrderStatus::kOpen);
  EXPECT_EQ(found.created_at, order.created_at);
  EXPECT_EQ(found.updated_at, order.updated_at);
  ASSERT_EQ(found.shares.size(), 2u);
  EXPECT_EQ(found.shares[0].member_id, painem_);
  EXPECT_EQ(found.shares[0].member_name, "Painem");
  EXPECT_EQ(found.shares[0].capacity, 100);
  EXPECT_EQ(found.shares[0].quantity, 90);
  EXPECT_EQ(found.shares[1].member_id, sulastri_);
  EXPECT_EQ(found.shares[1].member_name, "Sulastri");
  EXPECT_EQ(found.shares[1].delivered, 10);
  EXPECT_EQ(found.shares[1].paid_out, 120'000);
  EXPECT_ERROR_CODE(unit->Cooperation().FindOrder(other_group_, id), ErrorCode::kNotFound);

  ASSERT_OK_AND_ASSIGN(JointOrder bare, unit->Cooperation().FindOrder(group_, undated_id));
  EXPECT_FALSE(bare.due_on.has_value());
  EXPECT_TRUE(bare.shares.empty());
}

TEST_P(CooperationRepository, UpdateOrderWritesStatusAndDeliveriesOnly) {
  JointOrder order = Order("Toko");
  order.shares = {{sulastri_, "", 100, 90, 0, 0}, {painem_, "", 70, 60, 0, 0}};
  std::int64_t id = InsertOrder(order);
  order.id = id;
  order.status = OrderStatus::kFulfilled;
  order.updated_at = T("2026-03-01T00:00:00Z");
  order.customer = "not rewritten";
  order.shares[0].delivered = 90;
  order.shares[0].paid_out = 1'080'000;
  order.shares[0].quantity = 1;  // not rewritten
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Cooperation().UpdateOrder(order));
    ASSERT_OK(unit->Commit());
  }
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(JointOrder found, unit->Cooperation().FindOrder(group_, id));
    EXPECT_EQ(found.status, OrderStatus::kFulfilled);
    EXPECT_EQ(found.updated_at, T("2026-03-01T00:00:00Z"));
    EXPECT_EQ(found.customer, "Toko");
    ASSERT_EQ(found.shares.size(), 2u);
    EXPECT_EQ(found.shares[0].delivered, 90);
    EXPECT_EQ(found.shares[0].paid_out, 1'080'000);
    EXPECT_EQ(found.shares[0].quantity, 90);
    EXPECT_EQ(found.shares[1].delivered, 0);
  }
  // Delivering more than her part is refused.
  order.shares[0].quantity = 90;
  order.shares[1].delivered = 61;
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->Cooperation().UpdateOrder(order).ok());
}

TEST_P(CooperationRepository, AMemberTwiceInOneOrderIsRefusedAndNothingKept) {
  JointOrder order = Order("Toko");
  order.shares = {{sulastri_, "", 100, 90, 0, 0}, {sulastri_, "", 70, 60, 0, 0}};
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    EXPECT_FALSE(unit->Cooperation().InsertOrder(order).ok());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Cooperation().Orders(group_, {}));
  EXPECT_EQ(page.total, 0);
}

TEST_P(CooperationRepository, OrdersAreNewestFirstWithSharesAndPage) {
  JointOrder a = Order("A");
  a.shares = {{sulastri_, "", 10, 10, 0, 0}};
  std::int64_t a_id = InsertOrder(a);
  std::int64_t b_id = InsertOrder(Order("B"));
  JointOrder c = Order("C");
  c.shares = {{painem_, "", 5, 5, 0, 0}, {sulastri_, "", 5, 5, 0, 0}};
  std::int64_t c_id = InsertOrder(c);
  InsertOrder(Order("Elsewhere", other_group_));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Cooperation().Orders(group_, {}));
  EXPECT_EQ(all.total, 3);
  ASSERT_EQ(all.items.size(), 3u);
  EXPECT_EQ(all.items[0].id, c_id);
  EXPECT_EQ(all.items[1].id, b_id);
  EXPECT_EQ(all.items[2].id, a_id);
  EXPECT_EQ(all.items[0].shares.size(), 2u);
  EXPECT_TRUE(all.items[1].shares.empty());
  ASSERT_EQ(all.items[2].shares.size(), 1u);
  EXPECT_EQ(all.items[2].shares[0].member_id, sulastri_);

  ASSERT_OK_AND_ASSIGN(auto page, unit->Cooperation().Orders(group_, {1, 1}));
  EXPECT_EQ(page.total, 3);
  EXPECT_EQ(page.limit, 1);
  EXPECT_EQ(page.offset, 1);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, b_id);
  ASSERT_OK_AND_ASSIGN(auto past_end, unit->Cooperation().Orders(group_, {5, 3}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 3);
}

// Her own orders (issue 13, the member): those she holds a share in, newest first, each with every
// share; another member's and another group's are left out.
TEST_P(CooperationRepository, OrdersOfAMemberAreThoseSheSharesNewestFirstAndPage) {
  JointOrder a = Order("A");
  a.shares = {{painem_, "", 10, 10, 0, 0}};
  std::int64_t a_id = InsertOrder(a);
  JointOrder b = Order("B");
  b.shares = {{sulastri_, "", 10, 10, 0, 0}};
  InsertOrder(b);
  JointOrder c = Order("C");
  c.shares = {{sulastri_, "", 5, 5, 0, 0}, {painem_, "", 5, 5, 2, 0}};
  std::int64_t c_id = InsertOrder(c);
  JointOrder elsewhere = Order("Elsewhere", other_group_);
  InsertOrder(elsewhere);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto hers, unit->Cooperation().OrdersOf(group_, painem_, {}));
  EXPECT_EQ(hers.total, 2);
  ASSERT_EQ(hers.items.size(), 2u);
  EXPECT_EQ(hers.items[0].id, c_id);
  EXPECT_EQ(hers.items[1].id, a_id);
  ASSERT_EQ(hers.items[0].shares.size(), 2u) << "every share of the order";
  EXPECT_EQ(hers.items[0].shares[1].member_id, painem_);
  EXPECT_EQ(hers.items[0].shares[1].delivered, 2);

  ASSERT_OK_AND_ASSIGN(auto second, unit->Cooperation().OrdersOf(group_, painem_, {1, 1}));
  EXPECT_EQ(second.total, 2);
  ASSERT_EQ(second.items.size(), 1u);
  EXPECT_EQ(second.items[0].id, a_id);
  ASSERT_OK_AND_ASSIGN(auto none, unit->Cooperation().OrdersOf(other_group_, painem_, {}));
  EXPECT_EQ(none.total, 0);
  EXPECT_TRUE(none.items.empty());
}

// ---- knowledge posts ------------------------------------------------------------------------

TEST_P(CooperationRepository, PostRoundTripsWithTagsAndCountsUsefulMarks) {
  KnowledgePost post = Post("Pemasok singkong", {"singkong", "pemasok murah", "malang"});
  std::int64_t id = InsertPost(post);
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Cooperation().MarkUseful(id, painem_, T("2026-02-03T00:00:00Z")));
    ASSERT_OK(unit->Cooperation().MarkUseful(id, sulastri_, T("2026-02-03T00:00:00Z")));
    ASSERT_OK(unit->Commit());
  }
  KnowledgePost found = FindPost(id);
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.member_id, sulastri_);
  EXPECT_EQ(found.member_name, "Sulastri");
  EXPECT_EQ(found.kind, PostKind::kSupplier);
  EXPECT_EQ(found.title, "Pemasok singkong");
  EXPECT_EQ(found.body, post.body);
  EXPECT_EQ(found.tags, post.tags);
  EXPECT_EQ(found.useful, 2);
  EXPECT_EQ(found.created_at, post.created_at);

  EXPECT_TRUE(FindPost(InsertPost(Post("Tanpa tag"))).tags.empty());
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Cooperation().FindPost(other_group_, id), ErrorCode::kNotFound);
}

TEST_P(CooperationRepository, TagsHoldingCommasReadBackAsWritten) {
  // The service takes any text of up to 30 characters as a tag (folded by AreaKey): a comma is
  // part of the tag, not a separator between two.
  KnowledgePost post = Post("Pewarna", {"pewarna, alami", "mahoni", ",", "a,,b"});
  EXPECT_EQ(FindPost(InsertPost(post)).tags, post.tags);
}

TEST_P(CooperationRepository, TagsStoredJoinedByCommasAreStillRead) {
  std::int64_t id = InsertPost(Post("Lama"));
  ASSERT_OK(test_database().Execute("UPDATE knowledge_posts SET tags = 'singkong,pemasok murah' "
                                    "WHERE id = " + std::to_string(id)));
  EXPECT_EQ(FindPost(id).tags, (std::vector<std::string>{"singkong", "pemasok murah"}));
  ASSERT_OK(test_database().Execute("UPDATE knowledge_posts SET tags = '' WHERE id = " +
                                    std::to_string(id)));
  EXPECT_TRUE(FindPost(id).tags.empty());
}

TEST_P(CooperationRepository, MarkingAPostUsefulTwiceIsAlreadyExistsOnMemberId) {
  std::int64_t id = InsertPost(Post("Pemasok"));
  std::int64_t other = InsertPost(Post("Lain"));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Cooperation().MarkUseful(id, painem_, T("2026-02-03T00:00:00Z")));
    ASSERT_OK(unit->Commit());
  }
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto again = unit->Cooperation().MarkUseful(id, painem_, T("2026-02-04T00:00:00Z"));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(again.error().fields.size(), 1u);
    EXPECT_EQ(again.error().fields[0].field, "member_id");
  }
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    EXPECT_TRUE(unit->Cooperation().MarkUseful(other, painem_, T("2026-02-04T00:00:00Z")).ok())
        << "another post may be marked";
    EXPECT_FALSE(unit->Cooperation().MarkUseful(424242, painem_, T("2026-02-04T00:00:00Z")).ok())
        << "an unknown post cannot";
  }
  EXPECT_EQ(FindPost(id).useful, 1);
}

TEST_P(CooperationRepository, PostsAreNewestFirstAndPage) {
  std::int64_t a = InsertPost(Post("A"));
  std::int64_t b = InsertPost(Post("B"));
  std::int64_t c = InsertPost(Post("C"));
  KnowledgePost elsewhere = Post("Elsewhere");
  elsewhere.group_id = other_group_;
  elsewhere.member_id = AddMember(other_group_, "Tukini");
  InsertPost(elsewhere);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Cooperation().Posts(group_, {}));
  EXPECT_EQ(all.total, 3);
  ASSERT_EQ(all.items.size(), 3u);
  EXPECT_EQ(all.items[0].id, c);
  EXPECT_EQ(all.items[1].id, b);
  EXPECT_EQ(all.items[2].id, a);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Cooperation().Posts(group_, {2, 1}));
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, b);
  EXPECT_EQ(page.items[1].id, a);
  ASSERT_OK_AND_ASSIGN(auto past_end, unit->Cooperation().Posts(group_, {2, 3}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 3);
}

TEST_P(CooperationRepository, PostsOfAMemberAreHerOwnNewestFirstAndPage) {
  KnowledgePost first = Post("Ragi tape");
  first.member_id = painem_;
  std::int64_t a = InsertPost(first);
  InsertPost(Post("Sulastri's"));
  KnowledgePost second = Post("Daun pisang");
  second.member_id = painem_;
  std::int64_t b = InsertPost(second);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto hers, unit->Cooperation().PostsOf(group_, painem_, {}));
  EXPECT_EQ(hers.total, 2);
  ASSERT_EQ(hers.items.size(), 2u);
  EXPECT_EQ(hers.items[0].id, b);
  EXPECT_EQ(hers.items[1].id, a);
  EXPECT_EQ(hers.items[0].member_name, "Painem");
  ASSERT_OK_AND_ASSIGN(auto page, unit->Cooperation().PostsOf(group_, painem_, {1, 1}));
  EXPECT_EQ(page.total, 2);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].id, a);
  ASSERT_OK_AND_ASSIGN(auto none, unit->Cooperation().PostsOf(other_group_, painem_, {}));
  EXPECT_EQ(none.total, 0);
  EXPECT_TRUE(none.items.empty());
}

// ---- raw material ---------------------------------------------------------------------------

TEST_P(CooperationRepository, MaterialRoundTripsAndCloses) {
  MaterialRecord offer = Material(MaterialKind::kOffer, "2026-02-28");
  offer.price = 2'000;
  std::int64_t id = InsertMaterial(offer);
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(MaterialRecord found, unit->Cooperation().FindMaterial(group_, id));
    EXPECT_EQ(found.post.id, id);
    EXPECT_EQ(found.post.member_id, painem_);
    EXPECT_EQ(found.member_name, "Painem");
    EXPECT_EQ(found.post.kind, MaterialKind::kOffer);
    EXPECT_EQ(found.post.material, "Singkong");
    EXPECT_EQ(found.post.unit, "kg");
    EXPECT_EQ(found.post.quantity, 50);
    EXPECT_EQ(found.post.until, D("2026-02-28"));
    EXPECT_FALSE(found.post.closed);
    EXPECT_EQ(found.group_id, group_);
    EXPECT_EQ(found.price, 2'000);
    EXPECT_EQ(found.created_at, offer.created_at);
    EXPECT_ERROR_CODE(unit->Cooperation().FindMaterial(other_group_, id), ErrorCode::kNotFound);
  }
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Cooperation().CloseMaterial(id));
    ASSERT_OK(unit->Commit());
  }
  std::int64_t request = InsertMaterial(Material(MaterialKind::kRequest, "2026-02-28"));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(MaterialRecord closed, unit->Cooperation().FindMaterial(group_, id));
  EXPECT_TRUE(closed.post.closed);
  ASSERT_OK_AND_ASSIGN(MaterialRecord no_price, unit->Cooperation().FindMaterial(group_, request));
  EXPECT_FALSE(no_price.price.has_value());
  EXPECT_EQ(no_price.post.kind, MaterialKind::kRequest);
}

TEST_P(CooperationRepository, OpenMaterialsAreUnclosedAndNotPastTheirDayOldestFirst) {
  std::int64_t through_today = InsertMaterial(Material(MaterialKind::kOffer, "2026-02-15"));
  InsertMaterial(Material(MaterialKind::kOffer, "2026-02-14"));  // past
  std::int64_t closed = InsertMaterial(Material(MaterialKind::kRequest, "2026-03-01"));
  std::int64_t later = InsertMaterial(Material(MaterialKind::kRequest, "2026-03-01"));
  std::int64_t last = InsertMaterial(Material(MaterialKind::kOffer, "2026-12-31"));
  InsertMaterial(Material(MaterialKind::kOffer, "2026-12-31", other_group_));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Cooperation().CloseMaterial(closed));
    ASSERT_OK(unit->Commit());
  }
  auto ids = [](const std::vector<MaterialRecord>& records) {
    std::vector<std::int64_t> out;
    for (const auto& r : records) out.push_back(r.post.id);
    return out;
  };
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto open, unit->Cooperation().OpenMaterials(group_, D("2026-02-15"), 10));
  EXPECT_EQ(ids(open), (std::vector<std::int64_t>{through_today, later, last}));
  ASSERT_OK_AND_ASSIGN(auto limited, unit->Cooperation().OpenMaterials(group_, D("2026-02-15"), 2));
  EXPECT_EQ(ids(limited), (std::vector<std::int64_t>{through_today, later}));
  ASSERT_OK_AND_ASSIGN(auto march, unit->Cooperation().OpenMaterials(group_, D("2026-03-02"), 10));
  EXPECT_EQ(ids(march), (std::vector<std::int64_t>{last}));
}

// ---- collective purchases -------------------------------------------------------------------

TEST_P(CooperationRepository, PurchasesRoundTripNewestDayFirstAndPage) {
  std::int64_t entry = Committed([&](UnitOfWork& unit) {
    domain::groups::LedgerEntry e;
    e.group_id = group_;
    e.date = D("2026-02-10");
    e.kind = domain::groups::EntryKind::kPurchase;
    e.memo = "singkong";
    e.amount = 100'000;
    e.lines = domain::groups::EntryLines(domain::groups::EntryKind::kPurchase, 100'000,
                                         std::nullopt);
    e.created_by_username = "system";
    e.created_at = T("2026-02-10T00:00:00Z");
    return unit.Treasury().InsertEntry(e);
  });
  auto purchase = [&](const char* day, std::optional<std::int64_t> entry_id, std::int64_t group) {
    CollectivePurchase p;
    p.group_id = group;
    p.supplier = "Pak Slamet";
    p.material = "singkong";
    p.unit = "kg";
    p.quantity = 50;
    p.group_price = 2'000;
    p.alone_price = 2'500;
    p.purchased_on = D(day);
    p.entry_id = entry_id;
    p.created_at = T("2026-02-10T00:00:00Z");
    return Committed([&](UnitOfWork& unit) { return unit.Cooperation().InsertPurchase(p); });
  };
  std::int64_t feb10 = purchase("2026-02-10", entry, group_);
  std::int64_t jan5 = purchase("2026-01-05", std::nullopt, group_);
  std::int64_t feb10_later = purchase("2026-02-10", std::nullopt, group_);
  std::int64_t mar1 = purchase("2026-03-01", std::nullopt, group_);
  purchase("2026-02-11", std::nullopt, other_group_);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Cooperation().Purchases(group_, {}));
  EXPECT_EQ(all.total, 4);
  std::vector<std::int64_t> ids;
  for (const auto& p : all.items) ids.push_back(p.id);
  EXPECT_EQ(ids, (std::vector<std::int64_t>{mar1, feb10_later, feb10, jan5}));
  const CollectivePurchase& found = all.items[2];
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.supplier, "Pak Slamet");
  EXPECT_EQ(found.material, "singkong");
  EXPECT_EQ(found.unit, "kg");
  EXPECT_EQ(found.quantity, 50);
  EXPECT_EQ(found.group_price, 2'000);
  EXPECT_EQ(found.alone_price, 2'500);
  EXPECT_EQ(found.purchased_on, D("2026-02-10"));
  EXPECT_EQ(found.entry_id, entry);
  EXPECT_EQ(found.created_at, T("2026-02-10T00:00:00Z"));
  EXPECT_FALSE(all.items[0].entry_id.has_value());

  ASSERT_OK_AND_ASSIGN(auto page, unit->Cooperation().Purchases(group_, {2, 1}));
  EXPECT_EQ(page.total, 4);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].id, feb10_later);
  EXPECT_EQ(page.items[1].id, feb10);
  ASSERT_OK_AND_ASSIGN(auto past_end, unit->Cooperation().Purchases(group_, {2, 4}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 4);
}

}  // namespace
}  // namespace gotong::storage_tests
