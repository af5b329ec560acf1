// Issue 13, the member: her own records in one answer (GET /groups/{id}/members/{member_id}/summary)
// — her fees as GET …/fees counts them with her latest payments, her shares of joint orders, her
// votes and her posts; and (issue 14) her competencies, as the group's learning cycles left them. The group's books are open to its members, so whoever reaches the group
// reads any member's summary; nobody else does. In process, on both backends.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class MemberSummary : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();  // today is 2026-01-05; everyone joined in June 2018
    if (HasFatalFailure()) return;
    leader_login_ = Login("group_leader");
    member_login_ = Login("member");  // Painem
    ASSERT_EQ(Post("/api/v1/groups/1/fee-rules", {{"amount", 10'000}, {"from", "2025-11"}}, leader_login_).status(),
              201);
  }

  std::string SummaryPath(std::int64_t member, const std::string& query = "") {
    return "/api/v1/groups/1/members/" + std::to_string(member) + "/summary" + query;
  }

  // A fee payment of `amount` by `member` on `date`; its entry id.
  std::int64_t Pay(std::int64_t member, std::int64_t amount, const std::string& date) {
    Reply entry = Post("/api/v1/groups/1/ledger",
                       {{"kind", "fee_payment"}, {"date", date}, {"member_id", member}, {"amount", amount},
                        {"memo", "Iuran"}},
                       leader_login_);
    EXPECT_EQ(entry.status(), 201) << entry;
    return entry.status() == 201 ? entry.body.at("id").as_int64() : 0;
  }

  std::int64_t Order(const std::string& product, const json::array& capacities, const std::string& due_on) {
    Reply created = Post("/api/v1/groups/1/orders",
                         {{"customer", "Toko Oleh-oleh Batu"},
                          {"product", product},
                          {"quantity", 60},
                          {"unit", "kg"},
                          {"unit_price", 12'000},
                          {"due_on", due_on},
                          {"capacities", capacities}},
                         leader_login_);
    EXPECT_EQ(created.status(), 201) << created;
    return created.status() == 201 ? created.body.at("id").as_int64() : 0;
  }

  static json::object Capacity(std::int64_t member, std::int64_t capacity) {
    return json::object{{"member_id", member}, {"capacity", capacity}};
  }

  std::int64_t WritePost(const std::string& title, const Browser& as) {
    Reply post = Post("/api/v1/groups/1/posts", {{"kind", "technique"}, {"title", title}, {"body", "Caranya."}}, as);
    EXPECT_EQ(post.status(), 201) << post;
    return post.status() == 201 ? post.body.at("id").as_int64() : 0;
  }

  // A second group, with one member whose account (`username`) acts for her there.
  std::int64_t OtherGroupMember(const std::string& username) {
    Reply group = Post("/api/v1/groups",
                       {{"name", "Sido Makmur"},
                        {"kind", "learning_community"},
                        {"sector", "batik"},
                        {"village_code", kBanjarsari},
                        {"origin", "self_initiated"}},
                       officer_);
    EXPECT_EQ(group.status(), 201) << group;
    std::int64_t group_id = group.body.at("id").as_int64();
    domain::accounts::NewUser account;
    account.username = username;
    account.role = "member";
    account.password = kPassword;
    account.scope = domain::accounts::ScopeInput{"group", group_id};
    auto user = services().accounts.CreateUser(domain::accounts::Context::System(), account);
    EXPECT_TRUE(user.ok());
    Reply member = Post("/api/v1/groups/" + std::to_string(group_id) + "/members",
                        {{"person", {{"name", "Sumarni"}, {"gender", "female"}, {"village_code", kBanjarsari}}},
                         {"role", "member"},
                         {"joined_on", "2020-01-01"},
                         {"user_id", user.ok() ? user->id : 0}},
                        officer_);
    EXPECT_EQ(member.status(), 201) << member;
    return member.status() == 201 ? member.body.at("id").as_int64() : 0;
  }

  static const json::value* FeesRow(const Reply& fees, std::int64_t member) {
    for (const auto& row : fees.body.at("members").as_array()) {
      if (row.at("member_id") == member) return &row;
    }
    return nullptr;
  }

  Browser leader_login_, member_login_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(MemberSummary);

TEST_P(MemberSummary, HerFeesAgreeWithTheGroupsFeesAndListHerPaymentsNewestFirst) {
  Pay(member_, 10'000, "2025-11-02");
  std::int64_t wrong = Pay(member_, 10'000, "2025-12-07");
  Reply reversal = Post("/api/v1/groups/1/ledger/" + std::to_string(wrong) + "/reverse", {}, leader_login_);
  ASSERT_EQ(reversal.status(), 201) << reversal;
  Pay(member_, 5'000, "2026-01-04");
  Pay(other_, 30'000, "2026-01-04");  // Tukini's, not hers

  Reply summary = Get(SummaryPath(member_), &member_login_);
  ASSERT_EQ(summary.status(), 200) << summary;
  EXPECT_EQ(summary.body.at("member").at("id"), member_);
  EXPECT_EQ(summary.body.at("member").at("name"), "Painem");
  EXPECT_EQ(summary.body.at("limit"), 5);
  const auto& fees = summary.body.at("fees");
  Reply group_fees = Get("/api/v1/groups/1/fees", &member_login_);
  const json::value* row = FeesRow(group_fees, member_);
  ASSERT_NE(row, nullptr) << group_fees;
  EXPECT_EQ(fees.at("through"), group_fees.body.at("through"));
  for (const char* figure : {"due", "paid", "arrears"}) {
    EXPECT_EQ(fees.at(figure), row->at(figure)) << figure;
  }
  EXPECT_EQ(fees.at("due"), 30'000);     // November to January
  EXPECT_EQ(fees.at("paid"), 15'000);    // 10.000 + 10.000 − 10.000 taken back + 5.000
  EXPECT_EQ(fees.at("arrears"), 15'000);
  EXPECT_EQ(fees.at("monthly_fee"), 10'000);
  EXPECT_EQ(fees.at("paid_through"), "2025-11") << "5.000 of December's 10.000 covers no month";

  const auto& payments = fees.at("payments");
  EXPECT_EQ(payments.at("total"), 4);  // three payments and the reversal; Tukini's is not hers
  const auto& items = payments.at("items").as_array();
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].at("date"), "2026-01-05") << "the reversal, dated today";
  EXPECT_EQ(items[0].at("kind"), "reversal");
  EXPECT_EQ(items[0].at("amount"), -10'000);
  EXPECT_EQ(items[1].at("date"), "2026-01-04");
  EXPECT_EQ(items[1].at("amount"), 5'000);
  EXPECT_EQ(items[2].at("entry_id"), wrong);
  EXPECT_EQ(items[2].at("reversed"), true);
  EXPECT_EQ(items[3].at("date"), "2025-11-02");
  EXPECT_EQ(items[3].at("kind"), "fee_payment");
  EXPECT_EQ(items[3].at("reversed"), false);
}

TEST_P(MemberSummary, PayingAheadShowsTheMonthSheIsPaidThrough) {
  Pay(member_, 50'000, "2026-01-04");
  Reply summary = Get(SummaryPath(member_), &member_login_);
  ASSERT_EQ(summary.status(), 200) << summary;
  EXPECT_EQ(summary.body.at("fees").at("arrears"), -20'000);
  EXPECT_EQ(summary.body.at("fees").at("paid_through"), "2026-03");
  Reply nothing = Get(SummaryPath(other_), &member_login_);
  EXPECT_EQ(nothing.body.at("fees").at("paid_through"), nullptr);
  EXPECT_EQ(nothing.body.at("fees").at("payments").at("total"), 0);
}

TEST_P(MemberSummary, ListsHerSharesOfJointOrdersOnly) {
  std::int64_t hers = Order("Tape singkong", json::array{Capacity(leader_, 40), Capacity(member_, 20)}, "2026-01-20");
  Order("Tape ketan", json::array{Capacity(leader_, 60)}, "2026-01-25");
  Reply summary = Get(SummaryPath(member_), &member_login_);
  ASSERT_EQ(summary.status(), 200) << summary;
  const auto& orders = summary.body.at("orders");
  EXPECT_EQ(orders.at("total"), 1);
  ASSERT_EQ(orders.at("items").as_array().size(), 1u);
  const auto& share = orders.at("items").at(0);
  EXPECT_EQ(share.at("order_id"), hers);
  EXPECT_EQ(share.at("product"), "Tape singkong");
  EXPECT_EQ(share.at("quantity"), 20);  // 60 split 40 : 20
  EXPECT_EQ(share.at("payout"), 20 * 12'000);
  EXPECT_EQ(share.at("delivered"), 0);
  EXPECT_EQ(share.at("status"), "open");
  EXPECT_EQ(share.at("due_on"), "2026-01-20");
  EXPECT_EQ(share.at("overdue"), false);

  services().clock.Advance(std::chrono::hours(24 * 20));  // 2026-01-25: her order's day has passed
  Browser again = Login("member");                         // her session has long expired
  Reply later = Get(SummaryPath(member_), &again);
  ASSERT_EQ(later.status(), 200) << later;
  EXPECT_EQ(later.body.at("orders").at("items").at(0).at("overdue"), true) << later;
}

TEST_P(MemberSummary, ListsHerVotesWithHerChoiceAndWhoEnteredThem) {
  std::int64_t price = Proposal({{"title", "Harga tape seragam"}, {"topic", "price"},
                                 {"options", json::array{"Rp 12.000 per kg", "Rp 13.000 per kg"}}},
                                leader_login_);
  ASSERT_EQ(Vote(price, {{"option_id", OptionId(price, 1, leader_login_)}}, member_login_).status(), 201);
  std::int64_t trip = Proposal({{"title", "Studi banding ke Kediri"}, {"topic", "other"},
                                {"options", json::array{"Ikut"}}},
                               leader_login_);
  // Tukini has no account: the leader enters her vote against the proposal.
  Reply entered = Write("PUT", "/api/v1/groups/1/deliberations/" + std::to_string(trip) + "/votes",
                        json::object{{"votes", json::array{json::object{{"member_id", other_}, {"option_id", nullptr}}}}},
                        &leader_login_);
  ASSERT_EQ(entered.status(), 200) << entered;

  Reply mine = Get(SummaryPath(member_), &member_login_);
  ASSERT_EQ(mine.status(), 200) << mine;
  EXPECT_EQ(mine.body.at("votes").at("total"), 1);
  const auto& vote = mine.body.at("votes").at("items").at(0);
  EXPECT_EQ(vote.at("deliberation_id"), price);
  EXPECT_EQ(vote.at("title"), "Harga tape seragam");
  EXPECT_EQ(vote.at("choice"), "Rp 13.000 per kg");
  EXPECT_EQ(vote.at("own"), true);
  EXPECT_EQ(vote.at("decided"), false);
  EXPECT_EQ(vote.at("outcome"), nullptr);

  Reply tukini = Get(SummaryPath(other_), &member_login_);
  const auto& against = tukini.body.at("votes").at("items").at(0);
  EXPECT_EQ(against.at("deliberation_id"), trip);
  EXPECT_EQ(against.at("option_id"), nullptr);
  EXPECT_EQ(against.at("choice"), nullptr) << "she voted against";
  EXPECT_EQ(against.at("own"), false);
  EXPECT_EQ(against.at("recorded_by"), "group_leader");
}

TEST_P(MemberSummary, ListsHerPostsWithHowUsefulOthersFoundThem) {
  std::int64_t hers = WritePost("Fermentasi tape 48 jam", member_login_);
  WritePost("Ragi dari Pasar Kepanjen", leader_login_);
  ASSERT_EQ(Post("/api/v1/groups/1/posts/" + std::to_string(hers) + "/useful", {}, leader_login_).status(), 200);
  Reply summary = Get(SummaryPath(member_), &leader_login_);
  ASSERT_EQ(summary.status(), 200) << summary;
  EXPECT_EQ(summary.body.at("posts").at("total"), 1);
  const auto& post = summary.body.at("posts").at("items").at(0);
  EXPECT_EQ(post.at("post_id"), hers);
  EXPECT_EQ(post.at("title"), "Fermentasi tape 48 jam");
  EXPECT_EQ(post.at("kind"), "technique");
  EXPECT_EQ(post.at("useful"), 1);
}

TEST_P(MemberSummary, EachListHoldsTheLatestUpToTheLimitWithItsTotal) {
  WritePost("Satu", member_login_);
  std::int64_t second = WritePost("Dua", member_login_);
  Reply one = Get(SummaryPath(member_, "?limit=1"), &member_login_);
  ASSERT_EQ(one.status(), 200) << one;
  EXPECT_EQ(one.body.at("limit"), 1);
  EXPECT_EQ(one.body.at("posts").at("total"), 2);
  ASSERT_EQ(one.body.at("posts").at("items").as_array().size(), 1u);
  EXPECT_EQ(one.body.at("posts").at("items").at(0).at("post_id"), second);

  for (const char* limit : {"0", "21", "-1"}) {
    Reply wrong = Get(SummaryPath(member_, std::string("?limit=") + limit), &member_login_);
    EXPECT_EQ(wrong.status(), 400) << limit << " " << wrong;
    EXPECT_TRUE(HasFieldError(wrong, "limit", "invalid_value")) << wrong;
  }
  Reply word = Get(SummaryPath(member_, "?limit=lima"), &member_login_);
  EXPECT_TRUE(HasFieldError(word, "limit", "wrong_type")) << word;
  Reply unknown = Get(SummaryPath(member_, "?offset=5"), &member_login_);
  EXPECT_EQ(unknown.status(), 400) << unknown;
  EXPECT_TRUE(HasFieldError(unknown, "offset", "unknown_field")) << unknown;
}

TEST_P(MemberSummary, EveryoneWhoReachesTheGroupReadsItAndNobodyElse) {
  // The books are open to the group: a member reads another member's summary, and so do the
  // leader and the group's officer.
  EXPECT_EQ(Get(SummaryPath(leader_), &member_login_).status(), 200);
  EXPECT_EQ(Get(SummaryPath(member_), &leader_login_).status(), 200);
  EXPECT_EQ(Get(SummaryPath(member_), &officer_).status(), 200);

  Reply anonymous = Get(SummaryPath(member_));
  EXPECT_EQ(anonymous.status(), 401) << anonymous;

  std::int64_t sumarni = OtherGroupMember("sumarni");
  Browser stranger = Login("sumarni");
  Reply other_group = Get(SummaryPath(member_), &stranger);
  EXPECT_EQ(other_group.status(), 403) << other_group;
  // A member of the other group is no member of this one, even to its own officer.
  Reply not_ours = Get(SummaryPath(sumarni), &officer_);
  EXPECT_EQ(not_ours.status(), 404) << not_ours;
  // Her own group reads her summary.
  EXPECT_EQ(Get("/api/v1/groups/2/members/" + std::to_string(sumarni) + "/summary", &stranger).status(), 200);

  EXPECT_EQ(Get(SummaryPath(999), &member_login_).status(), 404);
  EXPECT_EQ(Get("/api/v1/groups/1/members/abc/summary", &member_login_).status(), 404);
  EXPECT_EQ(Get("/api/v1/groups/1/members/0/summary", &member_login_).status(), 404);
  EXPECT_EQ(Get("/api/v1/groups/99/members/" + std::to_string(member_) + "/summary", &admin_).status(), 404)
      << "no group 99";
}

TEST_P(MemberSummary, HerCompetenciesShowHerLatestEvaluationAndTheTargetsOfHerOpenCycles) {
  Reply before = Get(SummaryPath(member_), &member_login_);
  ASSERT_EQ(before.status(), 200) << before;
  EXPECT_TRUE(before.body.at("competencies").as_array().empty()) << "no cycle has taught her yet";

  const std::int64_t yeast = CompetencyId("tape.ragi"), cassava = CompetencyId("tape.singkong");
  Browser mentor_login = Login("mentor");
  auto plan = [&](const std::string& title, const json::array& targets, const json::array& mentees) -> std::int64_t {
    Reply created = Post("/api/v1/cycles",
                         {{"group_id", 1},
                          {"title", title},
                          {"theme", title},
                          {"mentor_member_id", mentor_},
                          {"mentor_origin", "community"},
                          {"targets", targets},
                          {"mentees", mentees}},
                         leader_login_);
    EXPECT_EQ(created.status(), 201) << created;
    return created.status() == 201 ? created.body.at("id").as_int64() : 0;
  };
  auto move = [&](std::int64_t cycle, const std::string& to) {
    Reply moved = Post("/api/v1/cycles/" + std::to_string(cycle) + "/transitions", {{"to", to}}, leader_login_);
    EXPECT_EQ(moved.status(), 200) << moved;
  };
  auto evaluate = [&](std::int64_t cycle, std::int64_t member, std::int64_t competency, bool achieved, int level) {
    Reply evaluated = Post("/api/v1/cycles/" + std::to_string(cycle) + "/evaluations",
                           {{"member_id", member}, {"competency_id", competency}, {"achieved", achieved}, {"level", level}},
                           mentor_login);
    EXPECT_EQ(evaluated.status(), 201) << evaluated;
  };
  // A closed cycle: Painem reached cassava, not yet yeast; Tukini reached both (not hers).
  std::int64_t first = plan("Belajar ragi",
                            json::array{json::object{{"competency_id", yeast}, {"level", 2}},
                                        json::object{{"competency_id", cassava}, {"level", 2}}},
                            json::array{json::object{{"member_id", member_}}, json::object{{"member_id", other_}}});
  move(first, "implementation");
  Reply session = Post("/api/v1/cycles/" + std::to_string(first) + "/sessions",
                       {{"held_on", "2026-01-03"}, {"practice", "membuat ragi dari tepung beras"}}, leader_login_);
  EXPECT_EQ(session.status(), 201) << session;
  move(first, "evaluation");
  evaluate(first, member_, yeast, false, 1);
  evaluate(first, member_, cassava, true, 2);
  evaluate(first, other_, yeast, true, 2);
  evaluate(first, other_, cassava, true, 3);
  move(first, "closed");
  // A new cycle, planned, aims her at yeast again, one level higher.
  std::int64_t second = plan("Tape ketan hitam", json::array{json::object{{"competency_id", yeast}, {"level", 3}}},
                             json::array{json::object{{"member_id", member_}}});

  Reply summary = Get(SummaryPath(member_), &member_login_);
  ASSERT_EQ(summary.status(), 200) << summary;
  const auto& lines = summary.body.at("competencies").as_array();
  ASSERT_EQ(lines.size(), 2u) << summary;
  // What she learns now comes first: yeast, with her latest evaluation and the open cycle's target.
  const auto& now = lines.at(0);
  EXPECT_EQ(now.at("competency_id"), yeast);
  EXPECT_EQ(now.at("code"), "tape.ragi");
  EXPECT_EQ(now.at("name"), "Fermentasi dengan ragi");
  EXPECT_EQ(now.at("name_en"), "Fermentation with yeast");
  EXPECT_EQ(now.at("latest"), (json::object{{"achieved", false},
                                            {"level", 1},
                                            {"evaluated_on", "2026-01-05"},
                                            {"cycle_id", first},
                                            {"cycle_title", "Belajar ragi"}}));
  EXPECT_EQ(now.at("targets"), (json::array{json::object{
                                   {"cycle_id", second}, {"cycle_title", "Tape ketan hitam"}, {"status", "planning"}, {"level", 3}}}));
  // Then what she reached, with no open target: her level, not Tukini's.
  const auto& reached = lines.at(1);
  EXPECT_EQ(reached.at("competency_id"), cassava);
  EXPECT_EQ(reached.at("latest").at("achieved"), true);
  EXPECT_EQ(reached.at("latest").at("level"), 2);
  EXPECT_TRUE(reached.at("targets").as_array().empty());

  // Tukini's summary holds her own evaluations only; the books are open, so Painem reads it too.
  Reply tukini = Get(SummaryPath(other_), &member_login_);
  ASSERT_EQ(tukini.status(), 200) << tukini;
  const auto& hers = tukini.body.at("competencies").as_array();
  ASSERT_EQ(hers.size(), 2u) << tukini;
  for (const auto& line : hers) {
    EXPECT_EQ(line.at("latest").at("achieved"), true) << line;
    EXPECT_TRUE(line.at("targets").as_array().empty()) << "the open cycle is not hers";
  }
  // Another member, no mentee of any cycle, has none.
  EXPECT_TRUE(Get(SummaryPath(secretary_), &member_login_).body.at("competencies").as_array().empty());
}

}  // namespace
}  // namespace gotong::api_tests
