// A vote that means something (issue 13; seed 001: the group decides by deliberation): a quorum
// before deciding, majority and two-thirds rules, a meeting's votes saved on one sheet or not at
// all, members with an account voting for themselves, and agreed changes to the group's
// settings applied from their effective date.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Votes : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();  // six members; the leader, the mentor and Painem have accounts
    if (HasFatalFailure()) return;
    leader_login_ = Login("group_leader");
  }

  std::string Path(std::int64_t deliberation, const std::string& tail = "") {
    return "/api/v1/groups/1/deliberations/" + std::to_string(deliberation) + tail;
  }
  Reply Sheet(std::int64_t deliberation, const json::array& votes, const Browser& as) {
    return Write("PUT", Path(deliberation, "/votes"), json::object{{"votes", votes}}, &as);
  }
  Reply Decide(std::int64_t deliberation) { return Post(Path(deliberation, "/decide"), {}, leader_login_); }
  json::object Line(std::int64_t member, json::value option) {
    return json::object{{"member_id", member}, {"option_id", std::move(option)}};
  }

  Browser leader_login_;
};

TEST_P(Votes, DecidingShortOfTheQuorumIsRefusedWithTheNumbers) {
  std::int64_t price = Proposal({{"title", "Harga tape seragam"}, {"topic", "price"},
                                 {"options", json::array{"Rp 12.000 per kg"}}},
                                leader_login_);
  Reply put = Get(Path(price), &leader_login_);
  EXPECT_EQ(put.body.at("rule"), "majority");
  EXPECT_EQ(put.body.at("quorum"), 4);  // more than half of six members
  EXPECT_EQ(put.body.at("voters"), 6);
  std::int64_t yes = OptionId(price, 0, leader_login_);
  ASSERT_EQ(Sheet(price, {Line(secretary_, yes), Line(treasurer_, yes)}, leader_login_).status(), 200);
  ASSERT_EQ(Vote(price, {{"option_id", yes}}, leader_login_).status(), 201);

  Reply early = Decide(price);
  ASSERT_EQ(early.status(), 409) << early;
  EXPECT_TRUE(HasFieldError(early, "deliberation", "no_quorum")) << early;
  EXPECT_EQ(early.body.at("detail"), "3 of 6 voted; 4 needed");
  const auto& params = early.body.at("errors").at(0).at("params");
  EXPECT_EQ(params.at("voted"), "3");
  EXPECT_EQ(params.at("voters"), "6");
  EXPECT_EQ(params.at("needed"), "4");
  EXPECT_FALSE(Get(Path(price), &leader_login_).body.at("decided").as_bool());

  ASSERT_EQ(Vote(price, {{"option_id", nullptr}}, Login("member")).status(), 201);
  Reply decided = Decide(price);
  ASSERT_EQ(decided.status(), 200) << decided;
  EXPECT_EQ(decided.body.at("outcome"), "agreed");  // 3 of 4 cast
}

TEST_P(Votes, AQuorumAndRuleAreCheckedWhenTheProposalIsPut) {
  json::object base{{"title", "Jadwal pertemuan"}, {"topic", "schedule"}, {"options", json::array{"Senin"}}};
  auto with = [&](json::object extra) {
    json::object body = base;
    for (auto& [key, value] : extra) body[key] = value;
    return Post("/api/v1/groups/1/deliberations", body, leader_login_);
  };
  EXPECT_TRUE(HasFieldError(with({{"quorum", 7}}), "quorum", "out_of_range"));
  EXPECT_TRUE(HasFieldError(with({{"quorum", 0}}), "quorum", "out_of_range"));
  EXPECT_TRUE(HasFieldError(with({{"rule", "consensus"}, {"quorum", 3}}), "quorum", "invalid_value"));
  EXPECT_TRUE(HasFieldError(with({{"rule", "unanimous"}}), "rule", "invalid_value"));
  EXPECT_TRUE(HasFieldError(with({{"rule", "majority"}, {"method", "consensus"}}), "rule", "mismatch"));
  EXPECT_EQ(Get("/api/v1/groups/1/deliberations", &leader_login_).body.at("total"), 0);

  Reply whole = with({{"rule", "two_thirds"}, {"quorum", 6}});
  ASSERT_EQ(whole.status(), 201) << whole;
  EXPECT_EQ(whole.body.at("rule"), "two_thirds");
  EXPECT_EQ(whole.body.at("method"), "vote");
  EXPECT_EQ(whole.body.at("quorum"), 6);
  Reply older = with({{"method", "consensus"}});
  ASSERT_EQ(older.status(), 201) << older;
  EXPECT_EQ(older.body.at("rule"), "consensus");  // an older client's method still works
  EXPECT_TRUE(older.body.at("quorum").is_null());
}

TEST_P(Votes, TwoThirdsNeedsTwoThirdsOfTheVotesCast) {
  std::int64_t rule = Proposal({{"title", "Aturan pinjam alat"}, {"topic", "rule"}, {"rule", "two_thirds"},
                                {"quorum", 3}, {"options", json::array{"Alat dipinjam bergilir"}}},
                               leader_login_);
  std::int64_t yes = OptionId(rule, 0, leader_login_);
  // 2 for and 1 against is two thirds exactly: carried.
  ASSERT_EQ(Sheet(rule, {Line(secretary_, yes), Line(treasurer_, yes), Line(other_, nullptr)}, leader_login_)
                .status(),
            200);
  Reply carried = Decide(rule);
  ASSERT_EQ(carried.status(), 200) << carried;
  EXPECT_EQ(carried.body.at("outcome"), "agreed");

  std::int64_t again = Proposal({{"title", "Aturan kas"}, {"topic", "rule"}, {"rule", "two_thirds"},
                                 {"quorum", 4}, {"options", json::array{"Kas dipegang bendahara"}}},
                                leader_login_);
  std::int64_t kas = OptionId(again, 0, leader_login_);
  // 3 of 5 is a majority but short of two thirds: not agreed.
  ASSERT_EQ(Sheet(again, {Line(secretary_, kas), Line(treasurer_, kas), Line(other_, nullptr)}, leader_login_)
                .status(),
            200);
  ASSERT_EQ(Vote(again, {{"option_id", kas}}, leader_login_).status(), 201);
  ASSERT_EQ(Vote(again, {{"option_id", nullptr}}, Login("member")).status(), 201);
  Reply short_of = Decide(again);
  ASSERT_EQ(short_of.status(), 200) << short_of;
  EXPECT_EQ(short_of.body.at("outcome"), "not_agreed");
  EXPECT_TRUE(short_of.body.at("norm").is_null());
}

TEST_P(Votes, ASheetOfVotesIsSavedWholeOrNotAtAll) {
  std::int64_t price = Proposal({{"title", "Harga tape"}, {"topic", "price"},
                                 {"options", json::array{"Rp 12.000", "Rp 13.000"}}},
                                leader_login_);
  std::int64_t low = OptionId(price, 0, leader_login_), high = OptionId(price, 1, leader_login_);
  Reply wrong = Sheet(price,
                      {Line(secretary_, low), Line(member_, low), Line(treasurer_, high + 100),
                       Line(secretary_, high), Line(999, low), json::object{{"member_id", other_}}},
                      leader_login_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "votes[1].member_id", "has_account")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "votes[2].option_id", "not_found")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "votes[3].member_id", "duplicate")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "votes[4].member_id", "not_member")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "votes[5].option_id", "required")) << wrong;
  EXPECT_FALSE(HasFieldError(wrong, "votes[0].member_id")) << wrong;
  EXPECT_EQ(Get(Path(price), &leader_login_).body.at("votes_cast"), 0);  // not even the good line

  Reply saved = Sheet(price, {Line(secretary_, low), Line(treasurer_, high), Line(other_, nullptr)}, leader_login_);
  ASSERT_EQ(saved.status(), 200) << saved;
  EXPECT_EQ(saved.body.at("votes_cast"), 3);
  for (const auto& vote : saved.body.at("votes").as_array()) {
    EXPECT_EQ(vote.at("recorded_by"), "group_leader") << vote;
    EXPECT_FALSE(vote.at("own").as_bool()) << vote;
  }
  // A second sheet changes a recorded vote and keeps the others.
  Reply changed = Sheet(price, {Line(treasurer_, low)}, leader_login_);
  ASSERT_EQ(changed.status(), 200) << changed;
  EXPECT_EQ(changed.body.at("votes_cast"), 3);
  EXPECT_EQ(changed.body.at("options").at(0).at("votes"), 2);
  EXPECT_EQ(changed.body.at("options").at(1).at("votes"), 0);

  // Only whoever records votes enters a sheet.
  EXPECT_EQ(Sheet(price, {Line(other_, low)}, Login("member")).status(), 403);
  Reply empty = Sheet(price, {}, leader_login_);
  EXPECT_TRUE(HasFieldError(empty, "votes")) << empty;
}

TEST_P(Votes, AMemberWithAnAccountVotesHerselfAndTheRecordSaysWhoEnteredEachVote) {
  std::int64_t price = Proposal({{"title", "Harga tape"}, {"topic", "price"}, {"options", json::array{"Rp 12.000"}}},
                                leader_login_);
  std::int64_t yes = OptionId(price, 0, leader_login_);
  Reply for_her = Vote(price, {{"member_id", member_}, {"option_id", yes}}, leader_login_);
  ASSERT_EQ(for_her.status(), 400) << for_her;
  EXPECT_TRUE(HasFieldError(for_her, "member_id", "has_account")) << for_her;

  Reply own = Vote(price, {{"option_id", yes}}, Login("member"));
  ASSERT_EQ(own.status(), 201) << own;
  ASSERT_EQ(Vote(price, {{"member_id", secretary_}, {"option_id", nullptr}}, leader_login_).status(), 201);
  Reply view = Get(Path(price), &officer_);
  for (const auto& vote : view.body.at("votes").as_array()) {
    if (vote.at("member_id") == member_) {
      EXPECT_TRUE(vote.at("own").as_bool()) << vote;
      EXPECT_EQ(vote.at("recorded_by"), "member") << vote;
    } else {
      EXPECT_FALSE(vote.at("own").as_bool()) << vote;
      EXPECT_EQ(vote.at("recorded_by"), "group_leader") << vote;
    }
  }
}

// Seed 000: planning by deliberation starts from what the members bring, often a market trend.
TEST_P(Votes, AMemberProposesALearningThemeHerselfButNothingElse) {
  Browser painem = Login("member");
  Reply theme = Post("/api/v1/groups/1/deliberations",
                     {{"title", "Tema belajar berikutnya"},
                      {"topic", "learning_theme"},
                      {"description", "Ecotik sedang dicari pembeli di pameran."},
                      {"options", json::array{"Ecotik", "Batik tulis"}}},
                     painem);
  ASSERT_EQ(theme.status(), 201) << theme;
  EXPECT_EQ(theme.body.at("proposed_by").at("member_id"), member_);
  EXPECT_EQ(theme.body.at("proposed_by").at("name"), "Painem");
  EXPECT_EQ(theme.body.at("quorum"), 4) << "more than half of the six members, as for any proposal";
  std::int64_t id = theme.body.at("id").as_int64();
  Reply listed = Get("/api/v1/groups/1/deliberations", &officer_);
  EXPECT_EQ(listed.body.at("items").as_array()[0].at("proposed_by").at("name"), "Painem") << listed;

  // The group decides it as any other: she votes, the leader decides.
  ASSERT_EQ(Vote(id, {{"option_id", OptionId(id, 0, painem)}}, painem).status(), 201);
  EXPECT_EQ(Decide(id).status(), 409) << "one vote of the four needed";

  Reply price = Post("/api/v1/groups/1/deliberations",
                     {{"title", "Harga tape"}, {"topic", "price"}, {"options", json::array{"Rp 12.000"}}}, painem);
  EXPECT_EQ(price.status(), 403) << price;
  Reply fee = Post("/api/v1/groups/1/deliberations",
                   {{"title", "Iuran naik"},
                    {"topic", "learning_theme"},
                    {"change", json::object{{"setting", "monthly_fee"}, {"amount", 15000}, {"effective_on", "2026-02-01"}}}},
                   painem);
  EXPECT_EQ(fee.status(), 403) << fee;
  std::int64_t meeting = Meeting("2026-01-10", leader_login_);
  Reply at_meeting = Post("/api/v1/groups/1/deliberations",
                          {{"title", "Tema"}, {"topic", "learning_theme"}, {"options", json::array{"Ecotik"}},
                           {"meeting_id", meeting}},
                          painem);
  EXPECT_EQ(at_meeting.status(), 403) << at_meeting;
  EXPECT_EQ(Get("/api/v1/groups/1/deliberations", &officer_).body.at("total"), 1) << "nothing else written";

  Reply by_leader = Post("/api/v1/groups/1/deliberations",
                         {{"title", "Tema"}, {"topic", "learning_theme"}, {"options", json::array{"Ecotik"}}},
                         leader_login_);
  ASSERT_EQ(by_leader.status(), 201) << by_leader;
  EXPECT_TRUE(by_leader.body.at("proposed_by").is_null()) << "the leader puts it; nobody is named";
  EXPECT_EQ(Post("/api/v1/groups/1/deliberations",
                 {{"title", "Tema"}, {"topic", "learning_theme"}, {"options", json::array{"Ecotik"}}}, officer_)
                .status(),
            403)
      << "the steward's officer is not a member";
}

TEST_P(Votes, AnAgreedFeeChangeSetsTheFeeFromItsMonthAndTheNormIsNamedAfterTheProposal) {
  Reply fees_before = Get("/api/v1/groups/1/fees?through=2026-02", &leader_login_);
  ASSERT_EQ(fees_before.status(), 200) << fees_before;
  EXPECT_EQ(fees_before.body.at("due"), 0);

  Reply put = Post("/api/v1/groups/1/deliberations",
                   {{"title", "Iuran bulanan naik menjadi Rp 15.000"},
                    {"quorum", 2},
                    {"change", {{"setting", "monthly_fee"}, {"amount", 15'000}, {"effective_on", "2026-02-01"}}}},
                   leader_login_);
  ASSERT_EQ(put.status(), 201) << put;
  EXPECT_EQ(put.body.at("topic"), "fee_rule");
  ASSERT_EQ(put.body.at("options").as_array().size(), 1u);  // the proposal itself, for or against
  EXPECT_EQ(put.body.at("options").at(0).at("label"), "Iuran bulanan naik menjadi Rp 15.000");
  EXPECT_EQ(put.body.at("change").at("amount"), 15'000);
  std::int64_t fee = put.body.at("id").as_int64();
  std::int64_t yes = OptionId(fee, 0, leader_login_);
  ASSERT_EQ(Sheet(fee, {Line(secretary_, yes), Line(treasurer_, yes)}, leader_login_).status(), 200);

  Reply decided = Decide(fee);
  ASSERT_EQ(decided.status(), 200) << decided;
  EXPECT_EQ(decided.body.at("norm").at("text"), "Iuran bulanan naik menjadi Rp 15.000");
  EXPECT_EQ(decided.body.at("norm").at("change").at("effective_on"), "2026-02-01");
  Reply rules = Get("/api/v1/groups/1/fee-rules", &leader_login_);
  ASSERT_EQ(rules.body.at("items").as_array().size(), 1u) << rules;
  EXPECT_EQ(rules.body.at("items").at(0).at("amount"), 15'000);
  EXPECT_EQ(rules.body.at("items").at(0).at("from"), "2026-02");
  EXPECT_EQ(rules.body.at("items").at(0).at("deliberation_id"), fee);
  // The fees due follow: nothing for January, Rp 15.000 a member for February.
  EXPECT_EQ(Get("/api/v1/groups/1/fees?through=2026-01", &leader_login_).body.at("due"), 0);
  EXPECT_EQ(Get("/api/v1/groups/1/fees?through=2026-02", &leader_login_).body.at("due"), 6 * 15'000);
}

TEST_P(Votes, AWrongChangeIsRefusedNamingItsField) {
  auto put = [&](json::object change, json::object extra = {}) {
    json::object body{{"title", "Perubahan"}, {"change", std::move(change)}};
    for (auto& [key, value] : extra) body[key] = value;
    return Post("/api/v1/groups/1/deliberations", body, leader_login_);
  };
  EXPECT_TRUE(HasFieldError(put({{"setting", "monthly_fee"}, {"amount", 15'000}, {"effective_on", "2026-02-15"}}),
                            "change.effective_on", "not_first_of_month"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "monthly_fee"}, {"effective_on", "2026-02-01"}}), "change.amount", "required"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "monthly_fee"}, {"amount", 1}, {"meetings", 2}, {"effective_on", "2026-02-01"}}),
                            "change.meetings", "not_applicable"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "sop_meetings"}, {"meetings", 40}, {"effective_on", "2026-02-01"}}),
                            "change.meetings", "out_of_range"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "market_area"}, {"member_id", 999}, {"area", "Pasar Ngajum"},
                                 {"effective_on", "2026-02-03"}}),
                            "change.member_id", "not_member"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "holiday"}, {"effective_on", "2026-02-01"}}), "change.setting", "invalid_value"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "monthly_fee"}, {"amount", 15'000}}), "change.effective_on", "required"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "monthly_fee"}, {"amount", 15'000}, {"effective_on", "2026-02-01"}},
                                {{"topic", "price"}}),
                            "topic", "mismatch"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "monthly_fee"}, {"amount", 15'000}, {"effective_on", "2026-02-01"}},
                                {{"options", json::array{"Rp 15.000", "Rp 20.000"}}}),
                            "options", "one_option"));
  EXPECT_TRUE(HasFieldError(put({{"setting", "monthly_fee"}, {"mood", "happy"}}), "change.mood"));
  EXPECT_EQ(Get("/api/v1/groups/1/deliberations", &leader_login_).body.at("total"), 0);
}

TEST_P(Votes, AnAgreedSopChangeCountsInComplianceFromItsMonth) {
  for (const char* day : {"2025-12-10", "2026-01-04"}) Meeting(day, leader_login_);
  Reply sop = Post("/api/v1/groups/1/deliberations",
                   {{"title", "Pertemuan dua kali sebulan"},
                    {"rule", "consensus"},
                    {"change", {{"setting", "sop_meetings"}, {"meetings", 2}, {"effective_on", "2026-01-01"}}}},
                   leader_login_);
  ASSERT_EQ(sop.status(), 201) << sop;
  EXPECT_EQ(sop.body.at("topic"), "rule");
  std::int64_t id = sop.body.at("id").as_int64();
  Reply agreed = Post(Path(id, "/decide"), {{"outcome", "agreed"}, {"option_id", OptionId(id, 0, leader_login_)}},
                      leader_login_);
  ASSERT_EQ(agreed.status(), 200) << agreed;

  Reply view = Get("/api/v1/groups/1/compliance?from=2025-12&to=2026-01", &leader_login_);
  ASSERT_EQ(view.status(), 200) << view;
  const auto& months = view.body.at("months").as_array();
  ASSERT_EQ(months.size(), 2u) << view;
  EXPECT_EQ(months.at(0).at("required"), 1);  // December: the group's own SOP
  EXPECT_EQ(months.at(0).at("percent"), 100);
  EXPECT_EQ(months.at(1).at("required"), 2);  // January: as agreed
  EXPECT_EQ(months.at(1).at("percent"), 50);
  EXPECT_EQ(view.body.at("sop_meetings_per_month"), 2);
  // The region's compliance table reads the SOP in force in its last month too.
  Reply region = Get("/api/v1/groups/compliance?from=2026-01&to=2026-01", &officer_);
  ASSERT_EQ(region.status(), 200) << region;
  EXPECT_EQ(region.body.at("items").at(0).at("sop_meetings_per_month"), 2) << region;
}

TEST_P(Votes, AnAgreedMarketAreaChangeRecordsTheMembersClaim) {
  Reply put = Post("/api/v1/groups/1/deliberations",
                   {{"title", "Bu Suwarni berjualan di Pasar Kepanjen"},
                    {"quorum", 1},
                    {"change", {{"setting", "market_area"}, {"member_id", treasurer_}, {"area", "Pasar Kepanjen"},
                                {"effective_on", "2026-01-05"}}}},
                   leader_login_);
  ASSERT_EQ(put.status(), 201) << put;
  std::int64_t id = put.body.at("id").as_int64();
  ASSERT_EQ(Sheet(id, {Line(secretary_, OptionId(id, 0, leader_login_))}, leader_login_).status(), 200);
  ASSERT_EQ(Decide(id).status(), 200);
  Reply areas = Get("/api/v1/groups/1/market-areas", &leader_login_);
  ASSERT_EQ(areas.status(), 200) << areas;
  const auto& claims = areas.body.at("items").as_array();
  ASSERT_EQ(claims.size(), 1u) << areas;
  EXPECT_EQ(claims.at(0).at("member").at("id"), treasurer_);
  EXPECT_EQ(claims.at(0).at("area"), "Pasar Kepanjen");
  EXPECT_EQ(claims.at(0).at("deliberation_id"), id);
  EXPECT_EQ(claims.at(0).at("claimed_on"), "2026-01-05");
}

GOTONG_INSTANTIATE_FOR_BACKENDS(Votes);

}  // namespace
}  // namespace gotong::api_tests
