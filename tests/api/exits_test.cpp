// Exit to a local hero, follow-ups and the programme dashboard (issue 15; seed 001): a current
// member of an enrolled group is nominated, checked against the readiness checklist, and coaching
// is handed over to her only when every item is met — she then mentors the group; after the
// programme's end the group is visited on the programme's schedule; the dashboard counts it all.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Exits : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    if (HasFatalFailure()) return;
    // Stakeholder 2 partners in programme 1; stakeholder 3 has nothing to do with it.
    for (const char* name : {"YBM BRILiaN", "Bank Lain"}) {
      Reply made = Post("/api/v1/stakeholders", {{"name", name}, {"helix", "civil_society"}, {"kind", "ngo"}}, admin_);
      ASSERT_EQ(made.status(), 201) << made;
    }
    // Programme 1, seed 001's year (here January to May 2025), over by the harness's today
    // (2026-01-05): visits due 2025-06-30 (month 1, the 31st clamped), 2025-08-31 and 2026-05-31.
    Reply programme = Post("/api/v1/programmes",
                           {{"name", "Pemberdayaan Kelompok Tape Ngajum"},
                            {"starts_on", "2025-01-01"},
                            {"ends_on", "2025-05-31"},
                            {"factors", json::array{"capital_access", "human_resources"}},
                            {"sop_meetings_per_month", 1},
                            {"budget", 150'000'000},
                            {"follow_up_months", json::array{1, 3, 12}},
                            {"partners", json::array{json::object{{"stakeholder_id", 2}}}},
                            {"criteria", json::object{{"sectors", json::array{"food_processing"}}}}},
                           officer_);
    ASSERT_EQ(programme.status(), 201) << programme;
    ASSERT_EQ(programme.body.at("id"), 1);
    Reply enrolled = Post("/api/v1/programmes/1/enrolments",
                          {{"group_id", 1}, {"enrolled_on", "2025-01-10"}, {"facilitator_id", UserId("facilitator")}},
                          officer_);
    ASSERT_EQ(enrolled.status(), 201) << enrolled;
    for (auto [user, scope_kind, scope] : {std::tuple{"partner_officer", "stakeholder", 2},
                                           std::tuple{"stranger_officer", "stakeholder", 3}}) {
      domain::accounts::NewUser input;
      input.username = user;
      input.role = "officer";
      input.password = kPassword;
      input.scope = domain::accounts::ScopeInput{scope_kind, scope};
      auto created = services().accounts.CreateUser(domain::accounts::Context::System(), input);
      ASSERT_TRUE(created.ok()) << created.error().message;
    }
    partner_ = Login("partner_officer");
    stranger_ = Login("stranger_officer");
    facilitator_ = Login("facilitator");
    group_member_ = Login("member");  // Painem's account
    leader_account_ = Login("group_leader");  // Sulastri's account: she keeps the meetings
  }

  std::string Exit(const std::string& rest = "") { return "/api/v1/programmes/1/exits/1" + rest; }

  Reply Nominate(std::int64_t member, const Browser& as) {
    return Post(Exit("/nominations"), {{"member_id", member}, {"nominated_on", "2025-05-01"}}, as);
  }

  static json::object Met(const std::string& evidence) {
    return {{"met", true}, {"evidence", evidence}, {"checked_on", "2025-05-20"}};
  }

  Reply CheckAll(const Browser& as) {
    return Patch(Exit("/checklist"),
                 {{"leads_meetings", Met("memimpin rapat bulanan sejak Maret")},
                  {"keeps_books", Met("mencatat buku kas kelompok")},
                  {"outside_network", Met("ketua RT, aktif di kegiatan desa")}},
                 as);
  }

  Reply Visit(json::object body, const Browser& as) {
    body.emplace("group_id", 1);
    return Post("/api/v1/programmes/1/follow-ups", body, as);
  }

  static json::object Found(const std::string& day) {
    return {{"visited_on", day}, {"status", "active"}, {"active_members", 6}, {"meets_sop", true}};
  }

  const json::value& Member(std::int64_t id) {
    members_ = Get("/api/v1/groups/1/members?limit=200", &officer_);
    for (const auto& item : members_.body.at("items").as_array()) {
      if (item.at("id").as_int64() == id) return item;
    }
    ADD_FAILURE() << "no member " << id << " in " << members_;
    static const json::value kNone;
    return kNone;
  }

  Browser partner_, stranger_, facilitator_, group_member_, leader_account_;
  Reply members_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Exits);

TEST_P(Exits, OnlyACurrentMemberOfTheGroupIsNominated) {
  Reply outsider = Nominate(999, officer_);
  EXPECT_EQ(outsider.status(), 400) << outsider;
  EXPECT_TRUE(HasFieldError(outsider, "member_id", "not_member")) << outsider;
  Reply gone = Patch("/api/v1/groups/1/members/" + std::to_string(other_), {{"left_on", "2025-12-01"}}, officer_);
  ASSERT_EQ(gone.status(), 200) << gone;
  Reply left = Nominate(other_, officer_);
  EXPECT_TRUE(HasFieldError(left, "member_id", "not_current_member")) << left;
  Reply missing = Post(Exit("/nominations"), json::object{}, officer_);
  EXPECT_TRUE(HasFieldError(missing, "member_id", "required")) << missing;
  Reply list = Get("/api/v1/programmes/1/exits", &officer_);
  ASSERT_EQ(list.status(), 200) << list;
  ASSERT_EQ(list.body.at("total"), 1);
  EXPECT_EQ(list.body.at("items").at(0).at("status"), "none") << "nothing was written";
  EXPECT_EQ(Get("/api/v1/programmes/1/exits/2", &officer_).status(), 404) << "group 2 is not enrolled";
}

TEST_P(Exits, AReNominationKeepsTheOneBeforeAsHistory) {
  Reply first = Nominate(secretary_, officer_);
  ASSERT_EQ(first.status(), 201) << first;
  EXPECT_EQ(first.header("Location"), Exit());
  EXPECT_EQ(first.body.at("status"), "nominated");
  EXPECT_EQ(first.body.at("current").at("hero_name"), "Sutini");
  Reply again = Nominate(secretary_, officer_);
  EXPECT_TRUE(HasFieldError(again, "member_id", "already_nominated")) << again;
  Reply second = Nominate(leader_, facilitator_);
  ASSERT_EQ(second.status(), 201) << "the group's facilitator nominates too: " << second;
  EXPECT_EQ(second.body.at("current").at("hero_name"), "Sulastri");
  ASSERT_EQ(second.body.at("history").as_array().size(), 1u);
  EXPECT_EQ(second.body.at("history").at(0).at("hero_name"), "Sutini");
  EXPECT_FALSE(second.body.at("history").at(0).at("replaced_at").is_null());
  Reply log = Get("/api/v1/audit?entity=exit_nomination", &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  EXPECT_EQ(log.body.at("total"), 3) << "two nominations and one replacement";
}

TEST_P(Exits, TheHandOverIsRefusedNamingEachUnmetItemThenTheHeroMentorsTheGroup) {
  // What the group's own records say of her, beside the checklist.
  std::int64_t meeting = Meeting("2025-12-10", leader_account_);
  Reply attended =
      Attendance(meeting, json::array{json::object{{"member_id", leader_}, {"presence", "present"}}}, leader_account_);
  ASSERT_EQ(attended.status(), 200) << attended;
  ASSERT_EQ(Nominate(leader_, officer_).status(), 201);

  Reply refused = Post(Exit("/hand-over"), {{"handed_over_on", "2025-05-31"}}, officer_);
  EXPECT_EQ(refused.status(), 409) << refused;
  EXPECT_TRUE(HasFieldError(refused, "checklist.leads_meetings", "unmet")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "checklist.keeps_books", "unmet")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "checklist.outside_network", "unmet")) << refused;

  Reply no_evidence = Patch(Exit("/checklist"), {{"keeps_books", json::object{{"met", true}}}}, officer_);
  EXPECT_TRUE(HasFieldError(no_evidence, "keeps_books.evidence", "required")) << no_evidence;
  Reply one = Patch(Exit("/checklist"), {{"leads_meetings", Met("memimpin rapat bulanan")}}, officer_);
  ASSERT_EQ(one.status(), 200) << one;
  EXPECT_EQ(one.body.at("status"), "nominated");
  EXPECT_EQ(one.body.at("current").at("checklist").at("leads_meetings").at("checked_on"), "2025-05-20");
  EXPECT_EQ(one.body.at("current").at("unmet"), (json::array{"keeps_books", "outside_network"}));
  const auto& record = one.body.at("record");
  EXPECT_EQ(record.at("role"), "leader");
  EXPECT_EQ(record.at("mentor"), false);
  EXPECT_EQ(record.at("meetings_held"), 1);
  EXPECT_EQ(record.at("meetings_attended"), 1);
  EXPECT_EQ(record.at("ledger_entries"), 0) << "her account recorded no ledger entry";
  EXPECT_EQ(record.at("other_groups"), 0);

  Reply still = Post(Exit("/hand-over"), {{"handed_over_on", "2025-05-31"}}, officer_);
  EXPECT_EQ(still.status(), 409) << still;
  EXPECT_FALSE(HasFieldError(still, "checklist.leads_meetings")) << still;
  EXPECT_TRUE(HasFieldError(still, "checklist.keeps_books", "unmet")) << still;

  Reply ready = CheckAll(officer_);
  ASSERT_EQ(ready.status(), 200) << ready;
  EXPECT_EQ(ready.body.at("status"), "ready");
  EXPECT_EQ(Post(Exit("/hand-over"), json::object{}, partner_).status(), 403) << "a partner reads, does not hand over";
  EXPECT_EQ(Post(Exit("/hand-over"), json::object{}, group_member_).status(), 403);

  Reply done = Post(Exit("/hand-over"), {{"handed_over_on", "2025-05-31"}, {"note", "serah terima di balai desa"}},
                    facilitator_);
  ASSERT_EQ(done.status(), 201) << done;
  EXPECT_EQ(done.body.at("status"), "handed_over");
  EXPECT_EQ(done.body.at("current").at("hand_over").at("handed_over_on"), "2025-05-31");
  EXPECT_EQ(done.body.at("current").at("hand_over").at("by").at("id"), UserId("facilitator"));
  const auto& hero = Member(leader_);
  EXPECT_EQ(hero.at("mentor"), true) << "she is the group's community mentor now";
  EXPECT_EQ(hero.at("local_hero"), true);
  Reply audit = Get("/api/v1/audit?entity=membership&entity_id=" + std::to_string(leader_), &admin_);
  ASSERT_EQ(audit.status(), 200) << audit;
  EXPECT_EQ(audit.body.at("total"), 2) << "her membership's creation and the hand-over's update";

  Reply twice = Post(Exit("/hand-over"), json::object{}, officer_);
  EXPECT_TRUE(HasFieldError(twice, "handed_over_on", "handed_over")) << twice;
  Reply renominate = Nominate(secretary_, officer_);
  EXPECT_TRUE(HasFieldError(renominate, "member_id", "handed_over")) << renominate;
  Reply listed = Get("/api/v1/programmes/1/exits?status=handed_over", &partner_);
  ASSERT_EQ(listed.status(), 200) << listed;
  EXPECT_EQ(listed.body.at("total"), 1);
  EXPECT_EQ(Get("/api/v1/programmes/1/exits?status=ready", &partner_).body.at("total"), 0);
}

TEST_P(Exits, AFollowUpBeforeTheEndInTheFutureOrOfAGroupNotEnrolledIsRefused) {
  Reply early = Visit(Found("2025-05-31"), officer_);
  EXPECT_EQ(early.status(), 400) << early;
  EXPECT_TRUE(HasFieldError(early, "visited_on", "before_programme_end")) << early;
  Reply future = Visit(Found("2026-01-06"), officer_);
  EXPECT_TRUE(HasFieldError(future, "visited_on", "in_future")) << future;
  auto elsewhere = Found("2025-07-01");
  elsewhere["group_id"] = 2;
  Reply other = Post("/api/v1/programmes/1/follow-ups", elsewhere, officer_);
  EXPECT_TRUE(HasFieldError(other, "group_id", "not_enrolled")) << other;
  auto hero = Found("2025-07-01");
  hero["hero_coaching"] = true;
  Reply no_hero = Visit(hero, officer_);
  EXPECT_TRUE(HasFieldError(no_hero, "hero_coaching", "not_handed_over")) << no_hero;
  auto wrong = Found("2025-07-01");
  wrong["status"] = "asleep";
  wrong["follow_up_month"] = 2;
  Reply bad = Visit(wrong, officer_);
  EXPECT_TRUE(HasFieldError(bad, "status", "invalid_value")) << bad;
  EXPECT_TRUE(HasFieldError(bad, "follow_up_month", "not_scheduled")) << bad;
  EXPECT_EQ(Visit(Found("2025-07-01"), group_member_).status(), 403);
  EXPECT_EQ(Visit(Found("2025-07-01"), stranger_).status(), 404);
  Reply board = Get("/api/v1/programmes/1/follow-ups", &officer_);
  ASSERT_EQ(board.status(), 200) << board;
  EXPECT_TRUE(board.body.at("items").at(0).at("visits").as_array().empty()) << "nothing was written";
}

TEST_P(Exits, VisitsOnTheScheduleAreDoneAndAMissedOneIsOverdue) {
  Reply first = Visit(Found("2025-07-02"), facilitator_);
  ASSERT_EQ(first.status(), 201) << first;
  EXPECT_EQ(first.body.at("follow_up_month"), 1) << "the open month due nearest to the visit";
  EXPECT_EQ(first.body.at("recorded_by").at("id"), UserId("facilitator"));
  EXPECT_EQ(first.header("Location"), "/api/v1/programmes/1/follow-ups/1");
  auto labelled = Found("2025-07-20");
  labelled["follow_up_month"] = 1;
  Reply twice = Visit(labelled, officer_);
  EXPECT_TRUE(HasFieldError(twice, "follow_up_month", "already_done")) << twice;

  Reply board = Get("/api/v1/programmes/1/follow-ups", &partner_);
  ASSERT_EQ(board.status(), 200) << board;
  EXPECT_EQ(board.body.at("ended"), true);
  EXPECT_EQ(board.body.at("follow_up_months"), (json::array{1, 3, 12}));
  const auto& schedule = board.body.at("items").at(0).at("schedule").as_array();
  ASSERT_EQ(schedule.size(), 3u);
  EXPECT_EQ(schedule[0].at("due_on"), "2025-06-30") << "the 31st clamped to June's last day";
  EXPECT_EQ(schedule[0].at("state"), "done");
  EXPECT_EQ(schedule[0].at("visited_on"), "2025-07-02");
  EXPECT_EQ(schedule[1].at("due_on"), "2025-08-31");
  EXPECT_EQ(schedule[1].at("state"), "overdue");
  EXPECT_EQ(schedule[2].at("due_on"), "2026-05-31");
  EXPECT_EQ(schedule[2].at("state"), "upcoming");

  Reply own = Get("/api/v1/programmes/1/follow-ups/1", &group_member_);
  ASSERT_EQ(own.status(), 200) << "a group's account reads its own group's visits: " << own;
  EXPECT_EQ(own.body.at("visits").at(0).at("status"), "active");
  EXPECT_EQ(own.body.at("schedule").at(1).at("state"), "overdue");
}

TEST_P(Exits, TheDashboardCountsAHandBuiltProgramme) {
  // Two enterprises outside the food criteria: one enrolled with a reason, one enrolled and left.
  std::int64_t enterprise_ids[2] = {0, 0};
  for (int i = 0; i < 2; ++i) {
    Reply person = Post("/api/v1/people", {{"name", i == 0 ? "Bu Yati" : "Bu Sri"}, {"village_code", kBanjarsari}},
                        officer_);
    ASSERT_EQ(person.status(), 201) << person;
    Reply shop = Post("/api/v1/enterprises",
                      {{"owner_id", person.body.at("id")}, {"name", i == 0 ? "Anyaman Yati" : "Anyaman Sri"},
                       {"sector", "crafts"}, {"village_code", kBanjarsari}},
                      officer_);
    ASSERT_EQ(shop.status(), 201) << shop;
    enterprise_ids[i] = shop.body.at("id").as_int64();
    Reply enrolled = Post("/api/v1/programmes/1/enrolments",
                          {{"enterprise_id", enterprise_ids[i]}, {"enrolled_on", "2025-01-10"},
                           {"outside_criteria_reason", "pengrajin binaan desa"}},
                          officer_);
    ASSERT_EQ(enrolled.status(), 201) << enrolled;
    if (i == 1) {
      Reply left = Patch("/api/v1/enrolments/" + std::to_string(enrolled.body.at("id").as_int64()),
                         {{"left_on", "2025-03-01"}}, officer_);
      ASSERT_EQ(left.status(), 200) << left;
    }
  }
  // Two meetings in the programme's five months: 2 of 5 required, 40%, "low".
  Meeting("2025-02-10", leader_account_);
  Meeting("2025-03-10", leader_account_);
  // A grant of Rp 50.000.000 and a soft loan of Rp 10.000.000 never repaid (first due 2025-03-01).
  Reply grant = Post("/api/v1/assistance",
                     {{"programme_id", 1}, {"provider_id", 1}, {"group_id", 1}, {"kind", "equipment"},
                      {"value", 50'000'000}, {"given_on", "2025-01-15"}, {"disbursed_on", "2025-01-15"}},
                     officer_);
  ASSERT_EQ(grant.status(), 201) << grant;
  Reply loan = Post("/api/v1/assistance",
                    {{"programme_id", 1}, {"provider_id", 1}, {"group_id", 1}, {"kind", "soft_loan"},
                     {"value", 10'000'000}, {"given_on", "2025-02-01"}, {"disbursed_on", "2025-02-01"},
                     {"loan", json::object{{"annual_rate_bp", 600}, {"term_months", 10}, {"method", "flat"},
                                           {"first_due_on", "2025-03-01"}}}},
                    officer_);
  ASSERT_EQ(loan.status(), 201) << loan;
  ASSERT_EQ(Nominate(leader_, officer_).status(), 201);
  ASSERT_EQ(Visit(Found("2025-07-02"), officer_).status(), 201);

  Reply board = Get("/api/v1/programmes/1/dashboard", &partner_);
  ASSERT_EQ(board.status(), 200) << board;
  const auto& d = board.body;
  EXPECT_TRUE(d.at("group_id").is_null());
  EXPECT_EQ(d.at("as_of"), "2026-01-05");
  EXPECT_EQ(d.at("enrolment"), (json::value{{"groups", {{"current", 1}, {"left", 0}}},
                                            {"enterprises", {{"current", 1}, {"left", 1}}},
                                            {"outside_criteria", 1}}));
  EXPECT_EQ(d.at("compliance").at("from"), "2025-01");
  EXPECT_EQ(d.at("compliance").at("to"), "2025-05");
  EXPECT_EQ(d.at("compliance").at("groups"), 1);
  EXPECT_EQ(d.at("compliance").at("bands"), (json::value{{"met", 0}, {"partial", 0}, {"low", 1}, {"none", 0}}));
  EXPECT_EQ(d.at("compliance").at("rows").at(0).at("held"), 2);
  EXPECT_EQ(d.at("compliance").at("rows").at(0).at("required"), 5);
  EXPECT_EQ(d.at("budget"), (json::value{{"budget", 150'000'000}, {"committed", 60'000'000},
                                         {"disbursed", 60'000'000}, {"over", 0}, {"over_budget_records", 0}}));
  const auto& loans = d.at("loans");
  EXPECT_EQ(loans.at("loans"), 1);
  EXPECT_EQ(loans.at("par30").at("at_risk_principal"), 10'000'000);
  EXPECT_EQ(loans.at("par30").at("outstanding_principal"), 10'000'000);
  EXPECT_EQ(loans.at("par30").at("ratio"), 1.0);
  EXPECT_EQ(loans.at("bands").at("days_over_90"), 1) << "due 2025-03-01, nothing paid by 2026-01-05";
  EXPECT_EQ(d.at("exits"), (json::value{{"none", 0}, {"nominated", 1}, {"ready", 0}, {"handed_over", 0}}));
  EXPECT_EQ(d.at("follow_ups").at("schedule"), (json::value{{"done", 1}, {"overdue", 1}, {"upcoming", 1}}));
  EXPECT_EQ(d.at("follow_ups").at("latest_status").at("active"), 1);
  EXPECT_EQ(d.at("follow_ups").at("latest_status").at("not_visited"), 0);
  EXPECT_EQ(d.at("completion").at("cycles"), 0);

  Reply own = Get("/api/v1/programmes/1/dashboard", &group_member_);
  ASSERT_EQ(own.status(), 200) << own;
  EXPECT_EQ(own.body.at("group_id"), 1) << "a group's account sees its own group's figures";
  EXPECT_TRUE(own.body.at("budget").is_null()) << "and not the programme's money";
  EXPECT_EQ(own.body.at("enrolment").at("enterprises").at("current"), 0);
  EXPECT_EQ(own.body.at("enrolment").at("groups").at("current"), 1);
  EXPECT_EQ(own.body.at("loans").at("loans"), 1) << "the loan to its own group";
  EXPECT_EQ(Get("/api/v1/programmes/1/dashboard", &stranger_).status(), 404);
}

TEST_P(Exits, EachCallerReachesTheExitsItsScopeReaches) {
  // Programme 2, owned by stakeholder 3, with a facilitator of its own.
  Reply second = Post("/api/v1/programmes",
                      {{"name", "Program Lain"}, {"starts_on", "2025-01-01"}, {"ends_on", "2025-12-31"},
                       {"factors", json::array{"partnership"}}, {"budget", 0}},
                      stranger_);
  ASSERT_EQ(second.status(), 201) << second;
  domain::accounts::NewUser input;
  input.username = "other_facilitator";
  input.role = "facilitator";
  input.password = kPassword;
  input.scope = domain::accounts::ScopeInput{"programme", second.body.at("id").as_int64()};
  ASSERT_TRUE(services().accounts.CreateUser(domain::accounts::Context::System(), input).ok());
  Browser other_facilitator = Login("other_facilitator");

  ASSERT_EQ(Nominate(leader_, officer_).status(), 201);
  for (const std::string& path : {std::string("/api/v1/programmes/1/exits"), Exit(),
                                  std::string("/api/v1/programmes/1/follow-ups"),
                                  std::string("/api/v1/programmes/1/dashboard")}) {
    EXPECT_EQ(Get(path, &other_facilitator).status(), 404) << path << ": another programme's facilitator";
    EXPECT_EQ(Get(path, &stranger_).status(), 404) << path;
    EXPECT_EQ(Get(path, &partner_).status(), 200) << path << ": a partner reads";
    EXPECT_EQ(Get(path, &facilitator_).status(), 200) << path;
    EXPECT_EQ(Get(path, &group_member_).status(), 200) << path << ": the group's own member";
  }
  EXPECT_EQ(Nominate(secretary_, other_facilitator).status(), 404);
  EXPECT_EQ(Nominate(secretary_, partner_).status(), 403);
  EXPECT_EQ(Nominate(secretary_, group_member_).status(), 403);
  Reply mine = Get(Exit(), &group_member_);
  EXPECT_EQ(mine.body.at("can_manage"), false);
  EXPECT_EQ(mine.body.at("current").at("hero_name"), "Sulastri");
  EXPECT_EQ(Get(Exit(), &facilitator_).body.at("can_manage"), true);
  // A group's account reaches its own group's exit only.
  EXPECT_EQ(Get("/api/v1/programmes/1/exits/2", &group_member_).status(), 404);
}

}  // namespace
}  // namespace gotong::api_tests
