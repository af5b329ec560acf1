// A group's treasury: double-entry posting, reversals instead of edits, the statement and
// month-end balances computed from the entries, fee rules with arrears per member, and the group
// shop as a common asset whose sales and purchases post to the ledger.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Treasury : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    if (HasFatalFailure()) return;
    // The treasurer gets an account that acts as her membership.
    std::int64_t user = CreateUser("suwarni", Role::kMember);
    ASSERT_EQ(Patch("/api/v1/groups/1/members/" + std::to_string(treasurer_), {{"user_id", user}}, officer_)
                  .status(),
              200);
    treasurer_login_ = Login("suwarni");
  }

  Reply PostEntry(const json::object& body, const Browser& as) {
    return Post("/api/v1/groups/1/ledger", body, as);
  }

  std::int64_t Posted(const json::object& body) {
    Reply reply = PostEntry(body, treasurer_login_);
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  }

  std::int64_t Closing(const Reply& statement, const std::string& account) {
    for (const auto& line : statement.body.at("accounts").as_array()) {
      if (line.at("account") == account.c_str()) return line.at("closing").as_int64();
    }
    ADD_FAILURE() << "no account " << account << " in " << statement;
    return -1;
  }

  const json::value* FeesOf(const Reply& fees, std::int64_t member) {
    for (const auto& row : fees.body.at("members").as_array()) {
      if (row.at("member_id") == member) return &row;
    }
    ADD_FAILURE() << "no member " << member << " in " << fees;
    return nullptr;
  }

  // Seed 001's year in small: aid arrives, part of it becomes the group shop, the shop sells and
  // buys, two members pay fees.
  void PostTheSeason() {
    ASSERT_EQ(Post("/api/v1/groups/1/fee-rules", {{"amount", 10'000}, {"from", "2025-11"}}, treasurer_login_).status(), 201);
    Posted({{"kind", "aid_received"}, {"amount", 5'000'000}, {"date", "2025-12-01"}, {"memo", "Bantuan YBM BRILiaN"}});
    Reply shop = Post("/api/v1/groups/1/assets",
                      {{"name", "Toko kelompok"}, {"kind", "shop"}, {"source", "aid"}, {"value", 3'000'000},
                       {"acquired_on", "2025-12-10"}},
                      treasurer_login_);
    ASSERT_EQ(shop.status(), 201) << shop;
    shop_ = shop.body.at("id").as_int64();
    Posted({{"kind", "shop_sale"}, {"amount", 250'000}, {"asset_id", shop_}, {"date", "2026-01-02"}});
    Posted({{"kind", "purchase"}, {"amount", 100'000}, {"asset_id", shop_}, {"date", "2026-01-03"},
            {"memo", "singkong 50 kg"}});
    Posted({{"kind", "fee_payment"}, {"amount", 30'000}, {"member_id", leader_}, {"date", "2026-01-04"}});
    member_payment_ = Posted({{"kind", "fee_payment"}, {"amount", 10'000}, {"member_id", member_}});
  }

  Browser treasurer_login_;
  std::int64_t shop_ = 0, member_payment_ = 0;
};

TEST_P(Treasury, TheStatementIsComputedFromBalancedEntries) {
  PostTheSeason();
  ASSERT_FALSE(HasFailure());
  Reply statement = Get("/api/v1/groups/1/statement?from=2025-01-01&to=2026-01-05", &officer_);
  ASSERT_EQ(statement.status(), 200) << statement;
  EXPECT_TRUE(statement.body.at("balanced").as_bool());
  EXPECT_EQ(Closing(statement, "cash"), 5'000'000 - 3'000'000 + 250'000 - 100'000 + 40'000);
  EXPECT_EQ(Closing(statement, "common_assets"), 3'000'000);
  EXPECT_EQ(Closing(statement, "member_fees"), 40'000);
  EXPECT_EQ(statement.body.at("assets"), 5'190'000);
  EXPECT_EQ(statement.body.at("income"), 5'290'000);
  EXPECT_EQ(statement.body.at("expenses"), 100'000);
  EXPECT_EQ(statement.body.at("surplus"), 5'190'000);

  // This year alone: the opening balance carries last year's aid and shop.
  Reply january = Get("/api/v1/groups/1/statement", &officer_);
  ASSERT_EQ(january.status(), 200) << january;
  EXPECT_EQ(january.body.at("from"), "2026-01-01");
  EXPECT_EQ(january.body.at("income"), 290'000);
  for (const auto& line : january.body.at("accounts").as_array()) {
    if (line.at("account") == "cash") {
      EXPECT_EQ(line.at("opening"), 2'000'000);
    }
  }

  Reply balances = Get("/api/v1/groups/1/balances?from=2025-11&to=2026-01", &officer_);
  ASSERT_EQ(balances.status(), 200) << balances;
  const auto& points = balances.body.at("items").as_array();
  ASSERT_EQ(points.size(), 3u);
  EXPECT_EQ(points[0].at("cash"), 0);
  EXPECT_EQ(points[1].at("cash"), 2'000'000);
  EXPECT_EQ(points[1].at("common_assets"), 3'000'000);
  EXPECT_EQ(points[2].at("cash"), 2'190'000);

  Reply assets = Get("/api/v1/groups/1/assets", &officer_);
  ASSERT_EQ(assets.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(assets.body.at("items").at(0).at("sales"), 250'000);
  EXPECT_EQ(assets.body.at("items").at(0).at("purchases"), 100'000);

  Reply ledger = Get("/api/v1/groups/1/ledger", &officer_);
  EXPECT_EQ(ledger.body.at("total"), 6);  // the asset's own entry included
  const auto& newest = ledger.body.at("items").at(0);
  EXPECT_EQ(newest.at("kind"), "fee_payment");
  EXPECT_EQ(newest.at("lines").at(0).at("account"), "cash");
  EXPECT_EQ(newest.at("lines").at(1).at("account"), "member_fees");
  EXPECT_EQ(newest.at("lines").at(1).at("member_id"), member_);
  EXPECT_EQ(newest.at("created_by").at("username"), "suwarni");
}

TEST_P(Treasury, FeesDueFollowTheRuleAndArrearsArePerMember) {
  PostTheSeason();
  ASSERT_FALSE(HasFailure());
  // Rp 10.000 a month from November: three months to January for everyone who joined before.
  Reply fees = Get("/api/v1/groups/1/fees?through=2026-01", &treasurer_login_);
  ASSERT_EQ(fees.status(), 200) << fees;
  EXPECT_EQ(fees.body.at("members").as_array().size(), 6u);
  const json::value* leader = FeesOf(fees, leader_);
  const json::value* member = FeesOf(fees, member_);
  ASSERT_TRUE(leader && member);
  EXPECT_EQ(leader->at("due"), 30'000);
  EXPECT_EQ(leader->at("arrears"), 0);
  EXPECT_EQ(member->at("paid"), 10'000);
  EXPECT_EQ(member->at("arrears"), 20'000);
  EXPECT_EQ(fees.body.at("due"), 180'000);
  EXPECT_EQ(fees.body.at("paid"), 40'000);
  EXPECT_EQ(fees.body.at("arrears"), 140'000);

  // A higher fee from January, and a member who left in December, owe accordingly.
  ASSERT_EQ(Post("/api/v1/groups/1/fee-rules", {{"amount", 15'000}, {"from", "2026-01"}}, treasurer_login_).status(), 201);
  ASSERT_EQ(Patch("/api/v1/groups/1/members/" + std::to_string(other_), {{"left_on", "2025-12-20"}}, officer_).status(), 200);
  Reply later = Get("/api/v1/groups/1/fees?through=2026-01", &treasurer_login_);
  EXPECT_EQ(FeesOf(later, leader_)->at("due"), 35'000);
  EXPECT_EQ(FeesOf(later, other_)->at("due"), 20'000);
  EXPECT_FALSE(FeesOf(later, other_)->at("active").as_bool());

  Reply twice = Post("/api/v1/groups/1/fee-rules", {{"amount", 20'000}, {"from", "2026-01"}}, treasurer_login_);
  EXPECT_EQ(twice.status(), 409) << twice;
  EXPECT_TRUE(HasFieldError(twice, "from")) << twice;
  Reply wrong = Post("/api/v1/groups/1/fee-rules", {{"amount", -5}, {"from", "2026-13"}, {"deliberation_id", 99}},
                     treasurer_login_);
  EXPECT_TRUE(HasFieldError(wrong, "amount", "negative")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "from", "invalid_format")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "deliberation_id", "not_found")) << wrong;
  EXPECT_TRUE(HasFieldError(Get("/api/v1/groups/1/fees?through=soon", &treasurer_login_), "through", "invalid_format"));
}

// A stored kind this version cannot read (a row damaged, or written by a newer version) is an
// error of the server, not an entry silently shown as "general".
TEST_P(Treasury, AStoredKindTheServerCannotReadIsAnErrorNotAGeneralEntry) {
  std::int64_t id = Posted({{"kind", "expense"}, {"amount", 20'000}, {"memo", "plastik"}});
  ASSERT_NE(id, 0);
  ASSERT_TRUE(test_database().Execute("UPDATE ledger_entries SET kind = 'mystery' WHERE id = " +
                                      std::to_string(id)).ok());
  Reply one = Get("/api/v1/groups/1/ledger/" + std::to_string(id), &treasurer_login_);
  EXPECT_EQ(one.status(), 500) << one;
  EXPECT_EQ(one.response.body.find("general"), std::string::npos) << one;
  Reply list = Get("/api/v1/groups/1/ledger", &treasurer_login_);
  EXPECT_EQ(list.status(), 500) << list;
}

TEST_P(Treasury, AWrongEntryIsRefusedWholeAndNamesItsField) {
  Reply unbalanced = PostEntry({{"kind", "general"},
                                {"lines", json::array{json::object{{"account", "cash"}, {"debit", 150'000}},
                                                      json::object{{"account", "expenses"}, {"credit", 100'000}}}}},
                               treasurer_login_);
  ASSERT_EQ(unbalanced.status(), 400) << unbalanced;
  EXPECT_TRUE(HasFieldError(unbalanced, "lines", "unbalanced")) << unbalanced;
  EXPECT_NE(unbalanced.response.body.find("Rp 150.000"), std::string::npos) << unbalanced;

  Reply negative = PostEntry({{"kind", "expense"}, {"amount", -20'000}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(negative, "amount", "negative")) << negative;
  Reply bad_line = PostEntry({{"kind", "general"},
                              {"lines", json::array{json::object{{"account", "cash"}, {"debit", -5}},
                                                    json::object{{"account", "piggy_bank"}, {"credit", 5}}}}},
                             treasurer_login_);
  EXPECT_TRUE(HasFieldError(bad_line, "lines[1].account", "invalid_value")) << bad_line;
  EXPECT_TRUE(HasFieldError(bad_line, "lines[0].debit", "negative")) << bad_line;
  Reply unknown = PostEntry({{"kind", "donation"}, {"amount", 1'000}}, treasurer_login_);
  EXPECT_EQ(unknown.field_errors(), (std::vector<std::string>{"kind:invalid_value"})) << unknown;
  Reply whose = PostEntry({{"kind", "fee_payment"}, {"amount", 10'000}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(whose, "member_id", "required")) << whose;
  Reply stranger = PostEntry({{"kind", "fee_payment"}, {"amount", 10'000}, {"member_id", 999}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(stranger, "member_id", "not_member")) << stranger;
  Reply future = PostEntry({{"kind", "expense"}, {"amount", 1'000}, {"date", "2026-02-01"}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(future, "date", "in_future")) << future;
  Reply reversal = PostEntry({{"kind", "reversal"}, {"amount", 1'000}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(reversal, "kind", "invalid_value")) << reversal;
  Reply both = PostEntry({{"kind", "expense"}, {"amount", 1'000},
                          {"lines", json::array{json::object{{"account", "cash"}, {"debit", 1}}}}},
                         treasurer_login_);
  EXPECT_TRUE(HasFieldError(both, "lines", "invalid_value")) << both;
  Reply asset = PostEntry({{"kind", "expense"}, {"amount", 1'000}, {"asset_id", 1}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(asset, "asset_id", "invalid_value")) << asset;
  Reply no_asset = PostEntry({{"kind", "shop_sale"}, {"amount", 1'000}, {"asset_id", 77}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(no_asset, "asset_id", "not_found")) << no_asset;
  Reply huge = PostEntry({{"kind", "aid_received"}, {"amount", 20'000'000'000'000}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(huge, "amount", "out_of_range")) << huge;
  Reply asset_wrong = Post("/api/v1/groups/1/assets", {{"name", ""}, {"kind", "car"}, {"value", 0}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(asset_wrong, "name")) << asset_wrong;
  EXPECT_TRUE(HasFieldError(asset_wrong, "kind", "invalid_value")) << asset_wrong;
  EXPECT_TRUE(HasFieldError(asset_wrong, "source", "required")) << asset_wrong;
  EXPECT_TRUE(HasFieldError(asset_wrong, "value", "invalid_value")) << asset_wrong;

  EXPECT_EQ(Get("/api/v1/groups/1/ledger", &officer_).body.at("total"), 0);
  EXPECT_TRUE(Get("/api/v1/groups/1/assets", &officer_).body.at("items").as_array().empty());
}

TEST_P(Treasury, APostedEntryIsCorrectedByReversingItNeverByEditing) {
  PostTheSeason();
  ASSERT_FALSE(HasFailure());
  std::string reverse = "/api/v1/groups/1/ledger/" + std::to_string(member_payment_) + "/reverse";
  Reply early = Post(reverse, {{"date", "2025-12-31"}}, treasurer_login_);
  EXPECT_TRUE(HasFieldError(early, "date", "before_original")) << early;
  Reply reversal = Post(reverse, {{"memo", "salah catat: uang belum diterima"}}, treasurer_login_);
  ASSERT_EQ(reversal.status(), 201) << reversal;
  EXPECT_EQ(reversal.body.at("kind"), "reversal");
  EXPECT_EQ(reversal.body.at("reverses_id"), member_payment_);
  EXPECT_EQ(reversal.body.at("lines").at(0).at("account"), "cash");
  EXPECT_EQ(reversal.body.at("lines").at(0).at("credit"), 10'000);
  EXPECT_EQ(reversal.body.at("lines").at(1).at("debit"), 10'000);

  Reply original = Get("/api/v1/groups/1/ledger/" + std::to_string(member_payment_), &officer_);
  EXPECT_EQ(original.body.at("reversed_by"), reversal.body.at("id"));
  EXPECT_EQ(original.body.at("lines").at(0).at("debit"), 10'000);  // the entry itself is unchanged
  Reply fees = Get("/api/v1/groups/1/fees?through=2026-01", &officer_);
  EXPECT_EQ(FeesOf(fees, member_)->at("arrears"), 30'000);
  EXPECT_TRUE(Get("/api/v1/groups/1/statement", &officer_).body.at("balanced").as_bool());

  Reply again = Post(reverse, {}, treasurer_login_);
  EXPECT_EQ(again.status(), 409) << again;
  Reply undo_undo = Post("/api/v1/groups/1/ledger/" + std::to_string(reversal.body.at("id").as_int64()) + "/reverse",
                         {}, treasurer_login_);
  EXPECT_EQ(undo_undo.status(), 409) << undo_undo;
  EXPECT_EQ(Write("PATCH", "/api/v1/groups/1/ledger/" + std::to_string(member_payment_),
                  json::object{{"amount", 1}}, &treasurer_login_).status() / 100, 4);
}

TEST_P(Treasury, OnlyTheLeaderAndTreasurerWriteTheTreasuryAndEveryoneInReachReadsIt) {
  Browser member = Login("member");
  Browser leader = Login("group_leader");
  json::object expense{{"kind", "expense"}, {"amount", 5'000}, {"memo", "fotokopi"}};
  EXPECT_EQ(PostEntry(expense, member).status(), 403);
  EXPECT_EQ(PostEntry(expense, officer_).status(), 403);
  EXPECT_EQ(Post("/api/v1/groups/1/fee-rules", {{"amount", 1'000}, {"from", "2026-01"}}, member).status(), 403);
  EXPECT_EQ(Post("/api/v1/groups/1/assets", {{"name", "Dandang"}, {"kind", "equipment"}, {"source", "fees"},
                                             {"value", 400'000}},
                 member)
                .status(),
            403);
  EXPECT_EQ(PostEntry(expense, leader).status(), 201);
  EXPECT_EQ(PostEntry(expense, treasurer_login_).status(), 201);
  EXPECT_EQ(Get("/api/v1/groups/1/statement", &member).status(), 200);
  EXPECT_EQ(Get("/api/v1/groups/1/fees", &member).status(), 200);
  Browser facilitator = Login("facilitator");
  EXPECT_EQ(Get("/api/v1/groups/1/ledger", &facilitator).body.at("total"), 2);
  Reply audit = Get("/api/v1/audit?entity=ledger_entry", &admin_);
  EXPECT_EQ(audit.body.at("total"), 2);
}

GOTONG_INSTANTIATE_FOR_BACKENDS(Treasury);

}  // namespace
}  // namespace gotong::api_tests
