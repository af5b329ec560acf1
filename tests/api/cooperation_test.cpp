// Cooperation among members: market areas agreed before they are shared (seed 001), joint orders
// split by capacity with the shortfall named (seed 000), knowledge posts marked useful, and raw
// material offered, requested, matched and bought together.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Cooperation : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    if (HasFatalFailure()) return;
    leader_login_ = Login("group_leader");
    member_login_ = Login("member");
  }

  Reply Claim(std::int64_t member, const std::string& area, std::optional<std::int64_t> deliberation,
              const Browser& as) {
    json::object body{{"member_id", member}, {"area", area}};
    if (deliberation) body["deliberation_id"] = *deliberation;
    return Post("/api/v1/groups/1/market-areas", body, as);
  }

  // An agreed (or rejected) market-areas deliberation decided by consensus.
  std::int64_t AreasAgreement(bool agreed) {
    Reply created = Post("/api/v1/groups/1/deliberations",
                         {{"title", "Berbagi Pasar Ngajum"}, {"topic", "market_areas"}, {"method", "consensus"},
                          {"options", json::array{"Bu Sulastri dan Bu Sutini berbagi Pasar Ngajum"}}},
                         leader_login_);
    EXPECT_EQ(created.status(), 201) << created;
    std::int64_t id = created.body.at("id").as_int64();
    json::object decision{{"outcome", agreed ? "agreed" : "not_agreed"}};
    if (agreed) decision["option_id"] = created.body.at("options").at(0).at("id");
    EXPECT_EQ(Post("/api/v1/groups/1/deliberations/" + std::to_string(id) + "/decide", decision, leader_login_)
                  .status(),
              200);
    return id;
  }

  Browser leader_login_, member_login_;
};

TEST_P(Cooperation, AnAreaIsSharedOnlyThroughAnAgreedDeliberationAndOverlapsAreShown) {
  ASSERT_EQ(Claim(leader_, "Pasar Ngajum", std::nullopt, leader_login_).status(), 201);
  ASSERT_EQ(Claim(secretary_, "Pasar Kepanjen", std::nullopt, leader_login_).status(), 201);
  Reply taken = Claim(secretary_, "pasar  NGAJUM ", std::nullopt, leader_login_);
  ASSERT_EQ(taken.status(), 409) << taken;
  EXPECT_TRUE(HasFieldError(taken, "area", "claimed_by_other")) << taken;
  EXPECT_NE(taken.body.at("detail").as_string().find("Sulastri"), json::string::npos) << taken;
  Reply mine_again = Claim(leader_, "Pasar Ngajum", std::nullopt, leader_login_);
  EXPECT_TRUE(HasFieldError(mine_again, "area", "already_claimed")) << mine_again;
  Reply rejected = Claim(secretary_, "Pasar Ngajum", AreasAgreement(false), leader_login_);
  EXPECT_TRUE(HasFieldError(rejected, "deliberation_id", "not_agreed")) << rejected;
  EXPECT_TRUE(Get("/api/v1/groups/1/market-areas", &member_login_).body.at("overlaps").as_array().empty());

  Reply shared = Claim(secretary_, "Pasar Ngajum", AreasAgreement(true), leader_login_);
  ASSERT_EQ(shared.status(), 201) << shared;
  Reply view = Get("/api/v1/groups/1/market-areas", &member_login_);
  ASSERT_EQ(view.status(), 200) << view;
  EXPECT_EQ(view.body.at("items").as_array().size(), 3u);
  const auto& overlaps = view.body.at("overlaps").as_array();
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_EQ(overlaps[0].at("area"), "Pasar Ngajum");
  EXPECT_EQ(overlaps[0].at("member_ids").as_array().size(), 2u);

  // Ending the shared claim ends the overlap; a claim ends once.
  std::string end = "/api/v1/groups/1/market-areas/" + std::to_string(shared.body.at("id").as_int64()) + "/end";
  ASSERT_EQ(Post(end, {}, leader_login_).status(), 200);
  EXPECT_EQ(Post(end, {}, leader_login_).status(), 409);
  EXPECT_TRUE(Get("/api/v1/groups/1/market-areas", &member_login_).body.at("overlaps").as_array().empty());
  EXPECT_EQ(Get("/api/v1/groups/1/market-areas?include_ended=true", &member_login_).body.at("items").as_array().size(), 3u);

  EXPECT_EQ(Claim(member_, "Pasar Sumberpucung", std::nullopt, member_login_).status(), 403);
  Reply wrong = Post("/api/v1/groups/1/market-areas", {{"member_id", 999}, {"area", ""}}, leader_login_);
  EXPECT_TRUE(HasFieldError(wrong, "member_id", "not_member")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "area")) << wrong;
}

TEST_P(Cooperation, AJointOrderIsSplitByCapacityAndAShortfallIsNamed) {
  json::object order{{"customer", "Dinas Pariwisata"},
                     {"product", "Kain batik tulis"},
                     {"quantity", 100},
                     {"unit", "lembar"},
                     {"unit_price", 350'000},
                     {"due_on", "2026-03-01"},
                     {"capacities", json::array{json::object{{"member_id", leader_}, {"capacity", 50}},
                                                json::object{{"member_id", secretary_}, {"capacity", 30}},
                                                json::object{{"member_id", member_}, {"capacity", 40}}}}};
  Reply created = Post("/api/v1/groups/1/orders", order, leader_login_);
  ASSERT_EQ(created.status(), 201) << created;
  const auto& shares = created.body.at("shares").as_array();
  ASSERT_EQ(shares.size(), 3u);
  // 100 × 50/120 = 41.67, × 30/120 = 25, × 40/120 = 33.33 → 41 + 25 + 33 = 99; the largest
  // remainder (0.67) takes the last one.
  EXPECT_EQ(shares[0].at("quantity"), 42);
  EXPECT_EQ(shares[1].at("quantity"), 25);
  EXPECT_EQ(shares[2].at("quantity"), 33);
  EXPECT_EQ(shares[0].at("payout"), 42 * 350'000);
  EXPECT_EQ(created.body.at("value"), 35'000'000);

  json::object too_big = order;
  too_big["quantity"] = 150;
  Reply short_of = Post("/api/v1/groups/1/orders", too_big, leader_login_);
  ASSERT_EQ(short_of.status(), 409) << short_of;
  EXPECT_TRUE(HasFieldError(short_of, "quantity", "insufficient_capacity")) << short_of;
  // The numbers come as params, so the web app words them without reading the English.
  EXPECT_EQ(short_of.body.at("errors").at(0).at("params"),
            (json::object{{"can", "120"}, {"ordered", "150"}, {"short", "30"}})) << short_of;
  EXPECT_NE(short_of.body.at("detail").as_string().find("120 of 150; 30 short"), json::string::npos) << short_of;

  Reply wrong = Post("/api/v1/groups/1/orders",
                     {{"customer", "X"}, {"product", "Y"}, {"quantity", 0}, {"unit", "pcs"}, {"unit_price", -1},
                      {"capacities", json::array{json::object{{"member_id", 999}, {"capacity", 5}},
                                                 json::object{{"capacity", 5}}}}},
                     leader_login_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "quantity", "out_of_range")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "unit_price", "negative")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "capacities[0].member_id", "not_member")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "capacities[1].member_id", "required")) << wrong;
  Reply twice = Post("/api/v1/groups/1/orders",
                     {{"customer", "X"}, {"product", "Y"}, {"quantity", 5}, {"unit", "pcs"}, {"unit_price", 1},
                      {"capacities", json::array{json::object{{"member_id", leader_}, {"capacity", 5}},
                                                 json::object{{"member_id", leader_}, {"capacity", 5}}}}},
                     leader_login_);
  EXPECT_TRUE(HasFieldError(twice, "capacities[1].member_id", "duplicate")) << twice;
  EXPECT_EQ(Get("/api/v1/groups/1/orders", &member_login_).body.at("total"), 1);

  // Fulfilment and payout per member; the order is fulfilled when every share is delivered.
  std::string order_path = "/api/v1/groups/1/orders/" + std::to_string(created.body.at("id").as_int64());
  Reply over = Patch(order_path + "/shares/" + std::to_string(secretary_), {{"delivered", 26}}, leader_login_);
  EXPECT_TRUE(HasFieldError(over, "delivered", "out_of_range")) << over;
  for (auto [member, quantity] : {std::pair{leader_, 42}, std::pair{secretary_, 25}}) {
    ASSERT_EQ(Patch(order_path + "/shares/" + std::to_string(member),
                    {{"delivered", quantity}, {"paid_out", quantity * 350'000}}, leader_login_)
                  .status(),
              200);
  }
  EXPECT_EQ(Get(order_path, &member_login_).body.at("status"), "open");
  Reply last = Patch(order_path + "/shares/" + std::to_string(member_), {{"delivered", 33}}, leader_login_);
  ASSERT_EQ(last.status(), 200) << last;
  EXPECT_EQ(last.body.at("status"), "fulfilled");
  EXPECT_EQ(last.body.at("delivered"), 100);
  EXPECT_EQ(Patch(order_path + "/shares/" + std::to_string(other_), {{"delivered", 1}}, leader_login_).status(), 404);
  EXPECT_EQ(Post(order_path + "/cancel", {}, leader_login_).status(), 409);
  EXPECT_EQ(Post("/api/v1/groups/1/orders", order, member_login_).status(), 403);
}

TEST_P(Cooperation, MembersShareWhatTheyLearnAndMarkOthersPostsUsefulOnce) {
  Reply post = Post("/api/v1/groups/1/posts",
                    {{"kind", "technique"},
                     {"title", "Warna alam dari kulit mahoni"},
                     {"body", "Rebus kulit mahoni 2 jam, saring, celup kain 3 kali."},
                     {"tags", json::array{"Pewarna", "mahoni", "pewarna"}}},
                    leader_login_);
  ASSERT_EQ(post.status(), 201) << post;
  EXPECT_EQ(post.body.at("member").at("id"), leader_);
  EXPECT_EQ(post.body.at("tags").as_array().size(), 2u);
  std::string link(post.body.at("share_link").as_string());
  EXPECT_EQ(link.rfind("https://wa.me/?text=Warna%20alam%20dari%20kulit%20mahoni%0A%0ARebus", 0), 0u) << link;

  std::string useful = "/api/v1/groups/1/posts/" + std::to_string(post.body.at("id").as_int64()) + "/useful";
  Reply marked = Post(useful, {}, member_login_);
  ASSERT_EQ(marked.status(), 200) << marked;
  EXPECT_EQ(marked.body.at("useful"), 1);
  Reply again = Post(useful, {}, member_login_);
  EXPECT_EQ(again.status(), 409) << again;
  EXPECT_TRUE(HasFieldError(again, "member_id")) << again;
  Reply own = Post(useful, {}, leader_login_);
  EXPECT_TRUE(HasFieldError(own, "post", "own_post")) << own;
  EXPECT_EQ(Post(useful, {}, officer_).status(), 403);

  Reply for_other = Post("/api/v1/groups/1/posts",
                         {{"member_id", secretary_}, {"kind", "fix"}, {"title", "X"}, {"body", "Y"}}, member_login_);
  EXPECT_EQ(for_other.status(), 403) << for_other;
  Reply wrong = Post("/api/v1/groups/1/posts", {{"kind", "gossip"}, {"title", ""}}, member_login_);
  EXPECT_TRUE(HasFieldError(wrong, "kind", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "title")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "body", "required")) << wrong;
  EXPECT_EQ(Post("/api/v1/groups/1/posts", {{"kind", "fix"}, {"title", "X"}, {"body", "Y"}}, officer_).status(), 403);
  Reply feed = Get("/api/v1/groups/1/posts", &officer_);
  EXPECT_EQ(feed.body.at("total"), 1);
  EXPECT_EQ(feed.body.at("items").at(0).at("useful"), 1);
}

TEST_P(Cooperation, ScarceCassavaIsMatchedBetweenMembersAndBuyingTogetherShowsTheSaving) {
  Reply offer = Post("/api/v1/groups/1/materials",
                     {{"kind", "offer"}, {"material", "Singkong"}, {"unit", "kg"}, {"quantity", 80},
                      {"price", 2'500}, {"until", "2026-01-10"}},
                     leader_login_);
  ASSERT_EQ(offer.status(), 201) << offer;
  Reply request = Post("/api/v1/groups/1/materials",
                       {{"kind", "request"}, {"material", "singkong"}, {"unit", "KG"}, {"quantity", 50},
                        {"until", "2026-01-07"}},
                       member_login_);
  ASSERT_EQ(request.status(), 201) << request;
  Reply other_unit = Post("/api/v1/groups/1/materials",
                          {{"kind", "request"}, {"material", "singkong"}, {"unit", "karung"}, {"quantity", 2},
                           {"until", "2026-01-07"}},
                          member_login_);
  ASSERT_EQ(other_unit.status(), 201) << other_unit;
  Reply board = Get("/api/v1/groups/1/materials", &member_login_);
  ASSERT_EQ(board.status(), 200) << board;
  ASSERT_EQ(board.body.at("matches").as_array().size(), 1u);
  EXPECT_EQ(board.body.at("matches").at(0).at("request_id"), request.body.at("id"));
  EXPECT_EQ(board.body.at("matches").at(0).at("offer_id"), offer.body.at("id"));
  EXPECT_EQ(board.body.at("matches").at(0).at("quantity"), 50);

  std::string close = "/api/v1/groups/1/materials/" + std::to_string(request.body.at("id").as_int64()) + "/close";
  EXPECT_EQ(Post(close, {}, officer_).status(), 403);  // only she, the leader or the treasurer
  ASSERT_EQ(Post(close, {}, member_login_).status(), 200);
  EXPECT_EQ(Post(close, {}, member_login_).status(), 409);
  EXPECT_TRUE(Get("/api/v1/groups/1/materials", &member_login_).body.at("matches").as_array().empty());

  Reply wrong = Post("/api/v1/groups/1/materials",
                     {{"kind", "swap"}, {"material", ""}, {"unit", "kg"}, {"quantity", 0}, {"until", "2026-01-01"}},
                     member_login_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "kind", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "material")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "quantity", "out_of_range")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "until", "in_past")) << wrong;

  Reply purchase = Post("/api/v1/groups/1/purchases",
                        {{"supplier", "Pak Slamet, Kepanjen"}, {"material", "singkong"}, {"unit", "kg"},
                         {"quantity", 500}, {"group_price", 2'000}, {"alone_price", 2'600}},
                        leader_login_);
  ASSERT_EQ(purchase.status(), 201) << purchase;
  EXPECT_EQ(purchase.body.at("paid"), 1'000'000);
  EXPECT_EQ(purchase.body.at("saving"), 300'000);
  Reply entry = Get("/api/v1/groups/1/ledger/" + std::to_string(purchase.body.at("entry_id").as_int64()), &officer_);
  ASSERT_EQ(entry.status(), 200) << entry;
  EXPECT_EQ(entry.body.at("kind"), "purchase");
  EXPECT_EQ(entry.body.at("amount"), 1'000'000);
  EXPECT_EQ(Post("/api/v1/groups/1/purchases",
                 {{"supplier", "X"}, {"material", "Y"}, {"unit", "kg"}, {"quantity", 1}, {"group_price", 1},
                  {"alone_price", 1}},
                 member_login_)
                .status(),
            403);
  EXPECT_EQ(Get("/api/v1/groups/1/purchases", &member_login_).body.at("total"), 1);
}

GOTONG_INSTANTIATE_FOR_BACKENDS(Cooperation);

}  // namespace
}  // namespace gotong::api_tests
