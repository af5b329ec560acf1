// Issue 13, the group leader: the fees members paid at a meeting entered on one sheet and posted
// at once (POST /groups/{id}/fees), one fee_payment entry per member, all or nothing, so that the
// fees, arrears and statement count them as any other fee. In process, on both backends.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class FeeSheet : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    if (HasFatalFailure()) return;
    leader_login_ = Login("group_leader");
    ASSERT_EQ(Post("/api/v1/groups/1/fee-rules", {{"amount", 10'000}, {"from", "2025-11"}}, leader_login_).status(),
              201);
  }

  static json::object Pay(std::int64_t member, json::value amount) {
    return json::object{{"member_id", member}, {"amount", std::move(amount)}};
  }

  Reply Sheet(const json::object& body, const Browser& as) { return Post("/api/v1/groups/1/fees", body, as); }

  Reply SheetWithKey(const json::object& body, const std::string& key, const Browser& as) {
    api::Headers headers{{"Content-Type", "application/json"},
                         {"Cookie", as.cookie},
                         {"X-CSRF-Token", as.csrf},
                         {"Idempotency-Key", key}};
    return services().Send("POST", "/api/v1/groups/1/fees", json::serialize(body), std::move(headers));
  }

  // A meeting held on `day`, with everyone but Tukini present.
  std::int64_t HeldMeeting(const std::string& day) {
    std::int64_t meeting = Meeting(day, leader_login_);
    json::array lines;
    for (std::int64_t member : {leader_, secretary_, treasurer_, mentor_, member_}) {
      lines.push_back(json::object{{"member_id", member}, {"presence", "present"}});
    }
    lines.push_back(json::object{{"member_id", other_}, {"presence", "absent"}});
    EXPECT_EQ(Attendance(meeting, lines, leader_login_).status(), 200);
    return meeting;
  }

  std::int64_t LedgerTotal(const std::string& query = "") {
    Reply ledger = Get("/api/v1/groups/1/ledger" + query, &officer_);
    EXPECT_EQ(ledger.status(), 200) << ledger;
    return ledger.status() == 200 ? ledger.body.at("total").as_int64() : -1;
  }

  const json::value* FeesOf(const Reply& fees, std::int64_t member) {
    for (const auto& row : fees.body.at("members").as_array()) {
      if (row.at("member_id") == member) return &row;
    }
    ADD_FAILURE() << "no member " << member << " in " << fees;
    return nullptr;
  }

  Browser leader_login_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(FeeSheet);

TEST_P(FeeSheet, EachPaymentBecomesAFeePaymentAtTheMeetingAndTheFeesCountIt) {
  std::int64_t meeting = HeldMeeting("2026-01-04");
  Reply sheet = Sheet({{"meeting_id", meeting},
                       {"payments", json::array{Pay(leader_, 10'000), Pay(member_, 30'000), Pay(secretary_, 10'000)}}},
                      leader_login_);
  ASSERT_EQ(sheet.status(), 201) << sheet;
  const auto& items = sheet.body.at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  std::int64_t painem_amount = 0;
  for (const auto& entry : items) {
    EXPECT_EQ(entry.at("kind"), "fee_payment");
    EXPECT_EQ(entry.at("date"), "2026-01-04") << "dated the day of the meeting";
    EXPECT_EQ(entry.at("memo"), "Iuran pertemuan 2026-01-04");
    EXPECT_EQ(entry.at("meeting_id"), meeting);
    EXPECT_EQ(entry.at("created_by").at("username"), "group_leader");
    const auto& lines = entry.at("lines").as_array();
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].at("account"), "cash");
    EXPECT_EQ(lines[1].at("account"), "member_fees");
    EXPECT_EQ(lines[1].at("member_id"), lines[0].at("member_id"));
    if (lines[1].at("member_id") == member_) painem_amount = entry.at("amount").as_int64();
  }
  EXPECT_EQ(items[0].at("lines").at(1).at("member_id"), leader_) << "in the sheet's order";
  EXPECT_EQ(painem_amount, 30'000);

  // The fees view counts them as any fee: Painem has paid the three months to January.
  Reply fees = Get("/api/v1/groups/1/fees?through=2026-01", &leader_login_);
  ASSERT_EQ(fees.status(), 200) << fees;
  EXPECT_EQ(FeesOf(fees, member_)->at("arrears"), 0);
  EXPECT_EQ(FeesOf(fees, leader_)->at("paid"), 10'000);
  EXPECT_EQ(FeesOf(fees, other_)->at("paid"), 0);
  EXPECT_EQ(fees.body.at("paid"), 50'000);
  Reply statement = Get("/api/v1/groups/1/statement", &officer_);
  EXPECT_TRUE(statement.body.at("balanced").as_bool());
  EXPECT_EQ(LedgerTotal("?meeting_id=" + std::to_string(meeting)), 3);
  EXPECT_EQ(Get("/api/v1/audit?entity=ledger_entry", &admin_).body.at("total"), 3) << "one audit entry each";

  // Without a meeting the sheet is dated today unless told, and its memo says only "Iuran".
  Reply loose = Sheet({{"date", "2026-01-02"}, {"payments", json::array{Pay(other_, 20'000)}}}, leader_login_);
  ASSERT_EQ(loose.status(), 201) << loose;
  EXPECT_EQ(loose.body.at("items").at(0).at("date"), "2026-01-02");
  EXPECT_EQ(loose.body.at("items").at(0).at("memo"), "Iuran");
  EXPECT_TRUE(loose.body.at("items").at(0).at("meeting_id").is_null());
  EXPECT_EQ(LedgerTotal("?meeting_id=" + std::to_string(meeting)), 3);
  EXPECT_EQ(LedgerTotal(), 4);
}

TEST_P(FeeSheet, AWrongLineIsNamedByItsIndexAndNothingIsWritten) {
  std::int64_t meeting = HeldMeeting("2026-01-04");
  Reply wrong = Sheet({{"meeting_id", meeting},
                       {"date", "2026-02-01"},
                       {"payments", json::array{Pay(leader_, 10'000), Pay(999, 10'000), Pay(member_, 0),
                                                Pay(leader_, 5'000), Pay(other_, -5'000),
                                                Pay(secretary_, 20'000'000'000'000),
                                                json::object{{"amount", 10'000}}, Pay(treasurer_, nullptr)}}},
                      leader_login_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_EQ(wrong.field_errors(),
            (std::vector<std::string>{"date:in_future", "payments[1].member_id:not_member",
                                      "payments[2].amount:invalid_value", "payments[3].member_id:duplicate",
                                      "payments[4].amount:negative", "payments[5].amount:out_of_range",
                                      "payments[6].member_id:required", "payments[7].amount:required"}))
      << wrong;
  EXPECT_EQ(LedgerTotal(), 0) << "all or nothing: Sulastri's good line is not posted either";

  Reply none = Sheet({{"payments", json::array{}}}, leader_login_);
  EXPECT_EQ(none.field_errors(), (std::vector<std::string>{"payments:required"})) << none;
  Reply missing = Sheet({{"meeting_id", meeting}}, leader_login_);
  EXPECT_TRUE(HasFieldError(missing, "payments", "required")) << missing;
  json::array many;
  for (int i = 0; i < 101; ++i) many.push_back(Pay(leader_, 1'000));
  Reply too_many = Sheet({{"payments", many}}, leader_login_);
  EXPECT_TRUE(HasFieldError(too_many, "payments", "too_many")) << too_many;
  Reply typed = Sheet({{"payments", json::array{Pay(leader_, "10.000")}}, {"tip", 1}}, leader_login_);
  EXPECT_TRUE(HasFieldError(typed, "payments[0].amount", "wrong_type")) << typed;
  EXPECT_TRUE(HasFieldError(typed, "tip", "unknown_field")) << typed;
  Reply no_meeting = Sheet({{"meeting_id", 999}, {"payments", json::array{Pay(leader_, 10'000)}}}, leader_login_);
  EXPECT_EQ(no_meeting.field_errors(), (std::vector<std::string>{"meeting_id:not_found"})) << no_meeting;
  std::int64_t planned = Meeting("2026-01-20", leader_login_);
  Reply not_held = Sheet({{"meeting_id", planned}, {"payments", json::array{Pay(leader_, 10'000)}}}, leader_login_);
  EXPECT_EQ(not_held.field_errors(), (std::vector<std::string>{"meeting_id:not_held"})) << not_held;
  EXPECT_EQ(LedgerTotal(), 0);
}

TEST_P(FeeSheet, AMemberOfAnotherGroupIsRefused) {
  Reply other_group = Post("/api/v1/groups",
                           {{"name", "Sido Makmur"},
                            {"kind", "learning_community"},
                            {"sector", "batik"},
                            {"village_code", kBanjarsari},
                            {"origin", "self_initiated"}},
                           officer_);
  ASSERT_EQ(other_group.status(), 201) << other_group;
  Reply stranger = Post("/api/v1/groups/" + std::to_string(other_group.body.at("id").as_int64()) + "/members",
                        {{"person", {{"name", "Sumarni"}, {"gender", "female"}, {"village_code", kBanjarsari}}},
                         {"role", "member"},
                         {"joined_on", "2020-01-01"}},
                        officer_);
  ASSERT_EQ(stranger.status(), 201) << stranger;
  std::int64_t sumarni = stranger.body.at("id").as_int64();

  Reply refused = Sheet({{"payments", json::array{Pay(member_, 10'000), Pay(sumarni, 10'000)}}}, leader_login_);
  ASSERT_EQ(refused.status(), 400) << refused;
  EXPECT_EQ(refused.field_errors(), (std::vector<std::string>{"payments[1].member_id:not_member"})) << refused;
  EXPECT_EQ(LedgerTotal(), 0);
}

TEST_P(FeeSheet, ARetryWithTheSameIdempotencyKeyPostsTheSheetOnce) {
  std::int64_t meeting = HeldMeeting("2026-01-04");
  json::object body{{"meeting_id", meeting}, {"payments", json::array{Pay(leader_, 10'000), Pay(member_, 10'000)}}};
  Reply first = SheetWithKey(body, "iuran-4-januari", leader_login_);
  ASSERT_EQ(first.status(), 201) << first;
  Reply again = SheetWithKey(body, "iuran-4-januari", leader_login_);
  ASSERT_EQ(again.status(), 201) << again;
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(again.response.body, first.response.body);
  EXPECT_EQ(LedgerTotal(), 2);
  Reply changed = SheetWithKey({{"meeting_id", meeting}, {"payments", json::array{Pay(other_, 10'000)}}},
                               "iuran-4-januari", leader_login_);
  EXPECT_EQ(changed.status(), 422) << changed;
  EXPECT_EQ(LedgerTotal(), 2);
}

TEST_P(FeeSheet, AMembersFeeIsRecordedOnceAtAMeetingUntilItIsReversed) {
  std::int64_t meeting = HeldMeeting("2026-01-04");
  Reply first = Sheet({{"meeting_id", meeting}, {"payments", json::array{Pay(member_, 10'000)}}}, leader_login_);
  ASSERT_EQ(first.status(), 201) << first;
  // The treasurer enters the same meeting's sheet on her own phone: Painem is there already.
  Reply twice = Sheet({{"meeting_id", meeting}, {"payments", json::array{Pay(other_, 10'000), Pay(member_, 10'000)}}},
                      leader_login_);
  ASSERT_EQ(twice.status(), 400) << twice;
  EXPECT_EQ(twice.field_errors(), (std::vector<std::string>{"payments[1].member_id:already_recorded"})) << twice;
  // Another meeting, or no meeting, takes her fee again.
  std::int64_t next = HeldMeeting("2026-01-05");
  EXPECT_EQ(Sheet({{"meeting_id", next}, {"payments", json::array{Pay(member_, 10'000)}}}, leader_login_).status(), 201);

  // A fee recorded wrongly is reversed; the meeting then takes it again, and the reversal keeps
  // the meeting too.
  std::int64_t entry = first.body.at("items").at(0).at("id").as_int64();
  Reply reversal = Post("/api/v1/groups/1/ledger/" + std::to_string(entry) + "/reverse", {}, leader_login_);
  ASSERT_EQ(reversal.status(), 201) << reversal;
  EXPECT_EQ(reversal.body.at("meeting_id"), meeting);
  Reply again = Sheet({{"meeting_id", meeting}, {"payments", json::array{Pay(member_, 15'000)}}}, leader_login_);
  ASSERT_EQ(again.status(), 201) << again;
  EXPECT_EQ(LedgerTotal("?meeting_id=" + std::to_string(meeting)), 3);
  EXPECT_TRUE(HasFieldError(Get("/api/v1/groups/1/ledger?meeting_id=first", &officer_), "meeting_id", "wrong_type"));
}

TEST_P(FeeSheet, OnlyThoseWhoWriteTheLedgerRecordASheet) {
  json::object body{{"payments", json::array{Pay(member_, 10'000)}}};
  EXPECT_EQ(Sheet(body, Login("member")).status(), 403);
  EXPECT_EQ(Sheet(body, officer_).status(), 403);
  EXPECT_EQ(Sheet(body, Login("facilitator")).status(), 403);
  EXPECT_EQ(LedgerTotal(), 0);
  EXPECT_EQ(Sheet(body, admin_).status(), 201);
  EXPECT_EQ(Sheet(body, leader_login_).status(), 201);
  EXPECT_EQ(Write("POST", "/api/v1/groups/1/fees", body, &leader_login_, false).status(), 403)
      << "a cookie without its CSRF token";
}

}  // namespace
}  // namespace gotong::api_tests
