// Groups as alliances: registering a group and its members, who writes which part, meetings and
// attendance, SOP compliance (seed 001: twice a month where the SOP asked once = 200%), and
// deliberations decided by vote or consensus, with the norms agreed outcomes become.
#include <algorithm>

#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Groups : public GroupTest {};

TEST_P(Groups, OfficerRegistersAGroupThatItsOwnAccountsAndProgrammeSee) {
  SeedGroup();
  Reply got = Get("/api/v1/groups/1", &officer_);
  ASSERT_EQ(got.status(), 200) << got;
  EXPECT_EQ(got.body.at("steward_id"), 1);
  EXPECT_EQ(got.body.at("status"), "embryo");
  EXPECT_EQ(got.body.at("status_since"), "2026-01-05");
  EXPECT_EQ(got.body.at("active_members"), 6);
  EXPECT_EQ(got.body.at("village").at("name"), "Banjarsari");
  EXPECT_EQ(Words(got.body.at("writes")), (std::vector<std::string>{"profile", "members"}));

  Browser leader = Login("group_leader");
  Reply as_leader = Get("/api/v1/groups/1", &leader);
  ASSERT_EQ(as_leader.status(), 200) << as_leader;
  EXPECT_EQ(as_leader.body.at("member_id"), leader_);
  EXPECT_EQ(Words(as_leader.body.at("writes")).size(), 10u);

  Browser member = Login("member");
  Reply as_member = Get("/api/v1/groups/1", &member);
  EXPECT_EQ(Words(as_member.body.at("writes")), (std::vector<std::string>{"posts"}));
  Browser mentor = Login("mentor");
  EXPECT_EQ(Words(Get("/api/v1/groups/1", &mentor).body.at("writes")),
            (std::vector<std::string>{"meetings", "posts"}));

  // The facilitator of programme 1 (which formed the group) reads it and writes nothing.
  Browser facilitator = Login("facilitator");
  Reply as_facilitator = Get("/api/v1/groups/1", &facilitator);
  ASSERT_EQ(as_facilitator.status(), 200) << as_facilitator;
  EXPECT_TRUE(as_facilitator.body.at("writes").as_array().empty());
  EXPECT_EQ(Get("/api/v1/groups", &facilitator).body.at("total"), 1);

  // An officer of another stakeholder neither sees it nor finds it in the list.
  domain::accounts::NewUser other;
  other.username = "officer2";
  other.role = "officer";
  other.password = kPassword;
  other.scope = domain::accounts::ScopeInput{"stakeholder", 2};
  Reply bank = Post("/api/v1/stakeholders",
                    {{"name", "BRI Unit Ngajum"}, {"helix", "business"}, {"kind", "bank"}}, admin_);
  ASSERT_EQ(bank.status(), 201) << bank;
  ASSERT_TRUE(services().accounts.CreateUser(domain::accounts::Context::System(), other).ok());
  Browser officer2 = Login("officer2");
  EXPECT_EQ(Get("/api/v1/groups/1", &officer2).status(), 403);
  EXPECT_EQ(Get("/api/v1/groups", &officer2).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/groups?region=35.07", &officer_).body.at("total"), 1);
  EXPECT_EQ(Get("/api/v1/groups?region=35.79", &officer_).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/groups?q=harapan", &officer_).body.at("total"), 1);
  EXPECT_EQ(Get("/api/v1/groups?region=35.7x", &officer_).status(), 400);
  EXPECT_EQ(Get("/api/v1/groups/99", &admin_).status(), 404);
}

TEST_P(Groups, WrongGroupFieldsAreEachNamedAndNothingIsWritten) {
  Reply empty = Post("/api/v1/groups", {}, officer_);
  ASSERT_EQ(empty.status(), 400) << empty;
  for (const char* field : {"name", "kind", "sector", "village_code"}) {
    EXPECT_TRUE(HasFieldError(empty, field, "required")) << field << " " << empty;
  }
  Reply wrong = Post("/api/v1/groups",
                     {{"name", "Kelompok"},
                      {"kind", "gang"},
                      {"sector", "tape"},
                      {"village_code", "35.07.20.9999"},
                      {"legality_date", "2026-02-01"},
                      {"sop_meetings_per_month", 0},
                      {"programme_id", 3},
                      {"status", "asleep"}},
                     officer_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "kind", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "sector", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "village_code", "not_found")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "legality_date", "in_future")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "sop_meetings_per_month", "out_of_range")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "programme_id", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "status", "invalid_value")) << wrong;
  EXPECT_EQ(Get("/api/v1/groups", &admin_).body.at("total"), 0);
  Reply born_dissolved = Post("/api/v1/groups",
                              {{"name", "X"}, {"kind", "cooperative"}, {"sector", "batik"},
                               {"village_code", kBanjarsari}, {"status", "dissolved"}},
                              officer_);
  EXPECT_TRUE(HasFieldError(born_dissolved, "status", "invalid_transition")) << born_dissolved;

  Browser member = Login("member");
  EXPECT_EQ(Post("/api/v1/groups", {{"name", "X"}}, member).status(), 403);
  Reply steward = Post("/api/v1/groups",
                       {{"name", "X"}, {"kind", "cooperative"}, {"sector", "batik"},
                        {"village_code", kBanjarsari}, {"steward_id", 1}},
                       officer_);
  EXPECT_EQ(steward.status(), 403) << steward;
}

TEST_P(Groups, StatusFollowsTheLifecycleAndADissolvedGroupIsKeptAsItWas) {
  SeedGroup();
  clock().Advance(std::chrono::days(40));
  officer_ = Login("officer");  // sessions end after half an hour idle
  admin_ = Login("admin");
  Reply active = Patch("/api/v1/groups/1", {{"status", "active"}, {"status_since", "2026-02-01"}}, officer_);
  ASSERT_EQ(active.status(), 200) << active;
  EXPECT_EQ(active.body.at("status_since"), "2026-02-01");
  Reply back = Patch("/api/v1/groups/1", {{"status", "embryo"}}, officer_);
  EXPECT_EQ(back.status(), 400) << back;
  EXPECT_TRUE(HasFieldError(back, "status", "invalid_transition")) << back;
  Reply since_alone = Patch("/api/v1/groups/1", {{"status_since", "2026-01-20"}}, officer_);
  EXPECT_TRUE(HasFieldError(since_alone, "status_since")) << since_alone;

  Browser leader = Login("group_leader");
  ASSERT_EQ(Patch("/api/v1/groups/1", {{"status", "dissolved"}}, leader).status(), 200);
  Reply after = Post("/api/v1/groups/1/meetings", {{"held_on", "2026-02-10"}}, leader);
  EXPECT_EQ(after.status(), 409) << after;
  EXPECT_EQ(after.problem(), "group-dissolved");
  EXPECT_EQ(Patch("/api/v1/groups/1", {{"status", "active"}}, admin_).status(), 409);
  EXPECT_EQ(Get("/api/v1/groups/1", &leader).body.at("writes").as_array().size(), 0u);
}

TEST_P(Groups, MembershipRulesNameTheWrongFieldAndAddNoHalfPerson) {
  SeedGroup();
  Reply second_leader = Post("/api/v1/groups/1/members",
                             {{"person", {{"name", "Ngatini"}}}, {"role", "leader"}}, officer_);
  EXPECT_EQ(second_leader.status(), 409) << second_leader;
  EXPECT_TRUE(HasFieldError(second_leader, "role", "office_taken")) << second_leader;
  EXPECT_NE(second_leader.body.at("detail").as_string().find("Sulastri"), json::string::npos);

  Reply leader = Get("/api/v1/groups/1/members", &officer_);
  std::int64_t sulastri = leader.body.at("items").at(0).at("person").at("id").as_int64();
  EXPECT_EQ(leader.body.at("items").at(0).at("role"), "leader");  // officers listed first
  Reply again = Post("/api/v1/groups/1/members", {{"person_id", sulastri}}, officer_);
  EXPECT_EQ(again.status(), 409) << again;
  EXPECT_TRUE(HasFieldError(again, "person_id")) << again;

  std::int64_t people_before = Get("/api/v1/people", &officer_).body.at("total").as_int64();
  Reply wrong = Post("/api/v1/groups/1/members",
                     {{"person", {{"name", ""}, {"phone", "12"}}},
                      {"role", "boss"},
                      {"joined_on", "2026-03-01"},
                      {"user_id", UserId("officer")}},
                     officer_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "person.name")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "person.phone")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "role", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "joined_on", "in_future")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "user_id", "wrong_scope")) << wrong;
  EXPECT_EQ(Get("/api/v1/people", &officer_).body.at("total").as_int64(), people_before);

  Reply both = Post("/api/v1/groups/1/members", {{"person_id", sulastri}, {"person", {{"name", "A"}}}}, officer_);
  EXPECT_TRUE(HasFieldError(both, "person_id", "invalid_value")) << both;
  EXPECT_TRUE(HasFieldError(Post("/api/v1/groups/1/members", {{"role", "member"}}, officer_), "person_id", "required"));

  // The leader reaches only people her group's stakeholder keeps, and records no NIK.
  Browser group_leader = Login("group_leader");
  Reply outsider = Post("/api/v1/people", {{"name", "Orang Lain"}}, admin_);
  ASSERT_EQ(outsider.status(), 201) << outsider;
  Reply reach = Post("/api/v1/groups/1/members", {{"person_id", outsider.body.at("id")}}, group_leader);
  EXPECT_TRUE(HasFieldError(reach, "person_id", "not_found")) << reach;
  Reply nik = Post("/api/v1/groups/1/members",
                   {{"person", {{"name", "Sumarni"}, {"nik", "3507012345670002"}, {"nik_consent", true}}}},
                   group_leader);
  EXPECT_TRUE(HasFieldError(nik, "person.nik", "not_allowed")) << nik;
  Reply by_leader = Post("/api/v1/groups/1/members", {{"person", {{"name", "Sumarni"}}}}, group_leader);
  EXPECT_EQ(by_leader.status(), 201) << by_leader;

  // Her enterprise can be named; someone else's cannot.
  Reply shop = Post("/api/v1/enterprises",
                    {{"owner_id", sulastri}, {"name", "Tape Bu Sulastri"}, {"sector", "food_processing"},
                     {"village_code", kBanjarsari}},
                    officer_);
  ASSERT_EQ(shop.status(), 201) << shop;
  std::int64_t shop_id = shop.body.at("id").as_int64();
  Reply hers = Patch("/api/v1/groups/1/members/" + std::to_string(leader_), {{"enterprise_id", shop_id}}, officer_);
  ASSERT_EQ(hers.status(), 200) << hers;
  EXPECT_EQ(hers.body.at("enterprise").at("name"), "Tape Bu Sulastri");
  Reply not_hers = Patch("/api/v1/groups/1/members/" + std::to_string(other_), {{"enterprise_id", shop_id}}, officer_);
  EXPECT_TRUE(HasFieldError(not_hers, "enterprise_id", "not_owner")) << not_hers;

  Reply left_early = Patch("/api/v1/groups/1/members/" + std::to_string(other_), {{"left_on", "2017-01-01"}}, officer_);
  EXPECT_TRUE(HasFieldError(left_early, "left_on", "before_joined")) << left_early;
  Reply left = Patch("/api/v1/groups/1/members/" + std::to_string(other_), {{"left_on", "2025-12-31"}}, officer_);
  ASSERT_EQ(left.status(), 200) << left;
  EXPECT_FALSE(left.body.at("active").as_bool());
  // Seven joined (six seeded, Sumarni added by the leader); one has left.
  EXPECT_EQ(Get("/api/v1/groups/1/members", &officer_).body.at("total"), 6);
  EXPECT_EQ(Get("/api/v1/groups/1/members?include_left=true", &officer_).body.at("total"), 7);
  EXPECT_EQ(Get("/api/v1/groups/1", &officer_).body.at("active_members"), 6);
  EXPECT_EQ(Patch("/api/v1/groups/1/members/999", {{"role", "member"}}, officer_).status(), 404);
}

TEST_P(Groups, AJoiningKnownOnlyByYearOrMonthIsKeptAsKnownAndAPersonKeepsHerOccupation) {
  SeedGroup();
  auto join = [&](const std::string& name, const std::string& joined) {
    return Post("/api/v1/groups/1/members",
                {{"person", {{"name", name}, {"gender", "female"}, {"village_code", kBanjarsari},
                             {"birth_year", 1972}, {"occupation", "ibu rumah tangga"}}},
                 {"joined_on", joined}},
                officer_);
  };
  Reply by_year = join("KU", "2017");
  ASSERT_EQ(by_year.status(), 201) << by_year;
  EXPECT_EQ(by_year.body.at("joined_on"), "2017-01-01");
  EXPECT_EQ(by_year.body.at("joined_precision"), "year");
  Reply by_month = join("NA", "2019-03");
  ASSERT_EQ(by_month.status(), 201) << by_month;
  EXPECT_EQ(by_month.body.at("joined_on"), "2019-03-01");
  EXPECT_EQ(by_month.body.at("joined_precision"), "month");
  Reply listed = Get("/api/v1/groups/1/members", &officer_);
  for (const auto& member : listed.body.at("items").as_array()) {
    if (member.at("id") == leader_) {
      EXPECT_EQ(member.at("joined_precision"), "day");  // a full date
    }
  }
  EXPECT_TRUE(HasFieldError(join("SA", "17"), "joined_on", "invalid_format"));
  EXPECT_TRUE(HasFieldError(join("SA", "2099"), "joined_on", "in_future"));
  EXPECT_TRUE(HasFieldError(join("SA", "2019-13"), "joined_on", "invalid_format"));

  std::int64_t person = by_year.body.at("person").at("id").as_int64();
  Reply read = Get("/api/v1/people/" + std::to_string(person), &officer_);
  ASSERT_EQ(read.status(), 200) << read;
  EXPECT_EQ(read.body.at("occupation"), "ibu rumah tangga");
  Reply too_long = Patch("/api/v1/people/" + std::to_string(person), {{"occupation", std::string(101, 'x')}}, officer_);
  EXPECT_TRUE(HasFieldError(too_long, "occupation", "too_long")) << too_long;
  Reply cleared = Patch("/api/v1/people/" + std::to_string(person), {{"occupation", nullptr}}, officer_);
  ASSERT_EQ(cleared.status(), 200) << cleared;
  EXPECT_TRUE(cleared.body.at("occupation").is_null());
}

TEST_P(Groups, EachOfficeWritesOnlyItsOwnParts) {
  SeedGroup();
  Browser leader = Login("group_leader");
  Browser mentor = Login("mentor");
  Browser member = Login("member");
  EXPECT_EQ(Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-02"}}, leader).status(), 201);
  EXPECT_EQ(Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-03"}}, mentor).status(), 201);
  Reply by_member = Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-04"}}, member);
  EXPECT_EQ(by_member.status(), 403) << by_member;
  EXPECT_EQ(Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-04"}}, officer_).status(), 403);
  EXPECT_EQ(Post("/api/v1/groups/1/deliberations",
                 {{"title", "Harga"}, {"topic", "price"}, {"options", json::array{"Rp 12.000"}}}, mentor)
                .status(),
            403);
  EXPECT_EQ(Post("/api/v1/groups/1/members", {{"person", {{"name", "X"}}}}, member).status(), 403);
  EXPECT_EQ(Patch("/api/v1/groups/1", {{"sop_meetings_per_month", 2}}, member).status(), 403);
  EXPECT_EQ(Patch("/api/v1/groups/1", {{"sop_meetings_per_month", 2}}, leader).status(), 200);
  // An account that left the group loses its rights with the membership.
  ASSERT_EQ(Patch("/api/v1/groups/1/members/" + std::to_string(mentor_), {{"left_on", "2026-01-04"}}, officer_)
                .status(),
            200);
  EXPECT_EQ(Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-05"}}, mentor).status(), 403);
}

TEST_P(Groups, MeetingsInTheFutureArePlannedNeverHeld) {
  SeedGroup();
  Browser leader = Login("group_leader");
  Reply held_tomorrow = Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-06"}, {"status", "held"}}, leader);
  ASSERT_EQ(held_tomorrow.status(), 400) << held_tomorrow;
  EXPECT_TRUE(HasFieldError(held_tomorrow, "status", "in_future")) << held_tomorrow;
  Reply planned = Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-06"}, {"agenda", "bagi wilayah pasar"}}, leader);
  ASSERT_EQ(planned.status(), 201) << planned;
  EXPECT_EQ(planned.body.at("status"), "planned");
  Reply today = Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-05"}, {"host_member_id", leader_}}, leader);
  ASSERT_EQ(today.status(), 201) << today;
  EXPECT_EQ(today.body.at("status"), "held");
  Reply bad = Post("/api/v1/groups/1/meetings",
                   {{"held_on", "5/1/2026"}, {"kind", "party"}, {"host_member_id", 999}}, leader);
  EXPECT_TRUE(HasFieldError(bad, "held_on", "invalid_format")) << bad;
  EXPECT_TRUE(HasFieldError(bad, "kind", "invalid_value")) << bad;
  EXPECT_TRUE(HasFieldError(bad, "host_member_id", "not_member")) << bad;
  EXPECT_EQ(Get("/api/v1/groups/1/meetings", &leader).body.at("total"), 2);
  std::int64_t id = planned.body.at("id").as_int64();
  Reply too_soon = Patch("/api/v1/groups/1/meetings/" + std::to_string(id), {{"status", "held"}}, leader);
  EXPECT_TRUE(HasFieldError(too_soon, "status", "in_future")) << too_soon;
  clock().Advance(std::chrono::days(1));
  leader = Login("group_leader");
  EXPECT_EQ(Patch("/api/v1/groups/1/meetings/" + std::to_string(id), {{"status", "held"}}, leader).status(), 200);
}

TEST_P(Groups, AttendanceIsForMembersOfTheDayAndAWrongListChangesNothing) {
  SeedGroup();
  Browser leader = Login("group_leader");
  std::int64_t meeting = Meeting("2026-01-03", leader);
  Reply ok = Attendance(meeting,
                        {{{"member_id", leader_}, {"presence", "present"}},
                         {{"member_id", secretary_}, {"presence", "present"}},
                         {{"member_id", treasurer_}, {"presence", "excused"}},
                         {{"member_id", member_}, {"presence", "absent"}}},
                        leader);
  ASSERT_EQ(ok.status(), 200) << ok;
  EXPECT_EQ(ok.body.at("present"), 2);
  EXPECT_EQ(ok.body.at("excused"), 1);
  EXPECT_EQ(ok.body.at("absent"), 1);
  EXPECT_EQ(ok.body.at("attendance").as_array().size(), 4u);

  // A newcomer who joined after the meeting, a stranger, a repeat and a bad word: all named.
  Reply newcomer = Post("/api/v1/groups/1/members", {{"person", {{"name", "Sumi"}}}, {"joined_on", "2026-01-04"}}, officer_);
  ASSERT_EQ(newcomer.status(), 201) << newcomer;
  Reply wrong = Attendance(meeting,
                           {{{"member_id", leader_}, {"presence", "present"}},
                            {{"member_id", newcomer.body.at("id").as_int64()}, {"presence", "present"}},
                            {{"member_id", 999}, {"presence", "present"}},
                            {{"member_id", leader_}, {"presence", "present"}},
                            {{"member_id", member_}, {"presence", "sick"}},
                            {{"presence", "present"}}},
                           leader);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "attendance[1].member_id", "not_member_then")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "attendance[2].member_id", "not_member")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "attendance[3].member_id", "duplicate")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "attendance[4].presence", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "attendance[5].member_id", "required")) << wrong;
  Reply kept = Get("/api/v1/groups/1/meetings/" + std::to_string(meeting), &leader);
  EXPECT_EQ(kept.body.at("present"), 2);
  EXPECT_EQ(kept.body.at("attendance").as_array().size(), 4u);

  Reply not_array = Write("PUT", "/api/v1/groups/1/meetings/" + std::to_string(meeting) + "/attendance",
                          json::object{{"attendance", "all"}}, &leader);
  EXPECT_TRUE(HasFieldError(not_array, "attendance", "wrong_type")) << not_array;

  Reply planned = Post("/api/v1/groups/1/meetings", {{"held_on", "2026-01-20"}}, leader);
  Reply early = Attendance(planned.body.at("id").as_int64(), {{{"member_id", leader_}, {"presence", "present"}}}, leader);
  EXPECT_EQ(early.status(), 409) << early;
  EXPECT_TRUE(HasFieldError(early, "attendance", "not_held")) << early;

  Browser member = Login("member");
  EXPECT_EQ(Attendance(meeting, {}, member).status(), 403);
  EXPECT_EQ(Get("/api/v1/groups/1/meetings/999", &leader).status(), 404);
}

TEST_P(Groups, ComplianceShowsTwoHundredPercentWhereTheGroupMetTwiceAMonth) {
  SeedGroup();
  clock().Advance(std::chrono::days(90));  // 2026-04-05
  Browser leader = Login("group_leader");
  for (const char* day : {"2026-01-08", "2026-01-22", "2026-02-05", "2026-02-19", "2026-03-05", "2026-03-19"}) {
    std::int64_t meeting = Meeting(day, leader);
    ASSERT_EQ(Attendance(meeting,
                         {{{"member_id", leader_}, {"presence", "present"}},
                          {{"member_id", secretary_}, {"presence", "present"}},
                          {{"member_id", treasurer_}, {"presence", "present"}},
                          {{"member_id", member_}, {"presence", "absent"}}},
                         leader)
                  .status(),
              200);
  }
  Reply cancelled = Post("/api/v1/groups/1/meetings", {{"held_on", "2026-03-26"}, {"status", "cancelled"}}, leader);
  ASSERT_EQ(cancelled.status(), 201) << cancelled;

  Reply view = Get("/api/v1/groups/1/compliance?from=2025-12&to=2026-04", &leader);
  ASSERT_EQ(view.status(), 200) << view;
  const auto& months = view.body.at("months").as_array();
  ASSERT_EQ(months.size(), 5u);
  EXPECT_EQ(months[0].at("month"), "2025-12");
  EXPECT_EQ(months[0].at("percent"), 0);
  EXPECT_TRUE(months[0].at("attendance_percent").is_null());
  for (std::size_t i = 1; i <= 3; ++i) {
    EXPECT_EQ(months[i].at("held"), 2) << i;
    EXPECT_EQ(months[i].at("required"), 1) << i;
    EXPECT_EQ(months[i].at("percent"), 200) << i;
    EXPECT_EQ(months[i].at("attendance_percent"), 75) << i;
  }
  EXPECT_EQ(months[4].at("held"), 0);
  EXPECT_EQ(view.body.at("held"), 6);
  EXPECT_EQ(view.body.at("required"), 5);
  EXPECT_EQ(view.body.at("percent"), 120);

  // The SOP asking twice a month makes the same meetings 100%.
  ASSERT_EQ(Patch("/api/v1/groups/1", {{"sop_meetings_per_month", 2}}, leader).status(), 200);
  EXPECT_EQ(Get("/api/v1/groups/1/compliance?from=2026-01&to=2026-01", &leader).body.at("percent"), 100);
  // Twelve months to this one by default.
  Reply defaults = Get("/api/v1/groups/1/compliance", &leader);
  EXPECT_EQ(defaults.body.at("from"), "2025-05");
  EXPECT_EQ(defaults.body.at("to"), "2026-04");

  Reply bad = Get("/api/v1/groups/1/compliance?from=2026-13&to=January", &leader);
  EXPECT_TRUE(HasFieldError(bad, "from", "invalid_format")) << bad;
  EXPECT_TRUE(HasFieldError(bad, "to", "invalid_format")) << bad;
  EXPECT_TRUE(HasFieldError(Get("/api/v1/groups/1/compliance?from=2026-03&to=2026-01", &leader), "from", "after_to"));
  EXPECT_TRUE(HasFieldError(Get("/api/v1/groups/1/compliance?from=2000-01&to=2026-01", &leader), "from", "out_of_range"));
}

TEST_P(Groups, ARegionsComplianceTableShowsTheGroupsThatStoppedMeetingFirst) {
  SeedGroup();
  // Two more groups of the same office: one that never met, one dissolved; and one elsewhere.
  for (const char* name : {"Kelompok Tani Makmur", "Kelompok Bubar"}) {
    Reply group = Post("/api/v1/groups",
                       {{"name", name}, {"kind", "joint_business_group"}, {"sector", "agriculture"},
                        {"village_code", "35.07.20.2001"}, {"status", "active"}},
                       officer_);
    ASSERT_EQ(group.status(), 201) << group;
  }
  ASSERT_EQ(Patch("/api/v1/groups/3", {{"status", "dissolved"}}, officer_).status(), 200);
  Reply batu = Post("/api/v1/groups",
                    {{"name", "Paguyuban Batu"}, {"kind", "cooperative"}, {"sector", "crafts"},
                     {"village_code", "35.79.02.2006"}},
                    officer_);
  ASSERT_EQ(batu.status(), 201) << batu;
  clock().Advance(std::chrono::days(90));  // 2026-04-05
  Browser leader = Login("group_leader");
  officer_ = Login("officer");
  for (const char* day : {"2026-01-08", "2026-01-22", "2026-02-05", "2026-02-19", "2026-03-05", "2026-03-19"}) {
    Meeting(day, leader);
  }

  Reply table = Get("/api/v1/groups/compliance?region=35.07&from=2026-01&to=2026-03", &officer_);
  ASSERT_EQ(table.status(), 200) << table;
  EXPECT_EQ(table.body.at("total"), 2);  // the dissolved group and Batu's are not counted
  const auto& items = table.body.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("name"), "Kelompok Tani Makmur");
  EXPECT_EQ(items[0].at("percent"), 0);
  EXPECT_EQ(items[1].at("name"), "Harapan Sejahtera");
  EXPECT_EQ(items[1].at("held"), 6);
  EXPECT_EQ(items[1].at("required"), 3);
  EXPECT_EQ(items[1].at("percent"), 200);
  EXPECT_EQ(table.body.at("bands").at("met"), 1);
  EXPECT_EQ(table.body.at("bands").at("none"), 1);
  Reply most = Get("/api/v1/groups/compliance?region=35.07&from=2026-01&to=2026-03&sort=-percent", &officer_);
  EXPECT_EQ(most.body.at("items").at(0).at("name"), "Harapan Sejahtera");
  EXPECT_EQ(Get("/api/v1/groups/compliance?status=dissolved", &officer_).body.at("total"), 1);
  Reply past_the_end = Get("/api/v1/groups/compliance?region=35.07&from=2026-01&to=2026-03&offset=10", &officer_);
  EXPECT_TRUE(past_the_end.body.at("items").as_array().empty());
  EXPECT_EQ(past_the_end.body.at("total"), 2);  // still counted
  EXPECT_EQ(past_the_end.body.at("bands").at("met"), 1);
  Reply defaults = Get("/api/v1/groups/compliance", &officer_);
  EXPECT_EQ(defaults.body.at("from"), "2026-02");
  EXPECT_EQ(defaults.body.at("to"), "2026-04");
  EXPECT_EQ(defaults.body.at("total"), 3);

  // A group's own accounts see only their group; a wrong parameter is named.
  EXPECT_EQ(Get("/api/v1/groups/compliance", &leader).body.at("total"), 1);
  Reply wrong = Get("/api/v1/groups/compliance?from=2026-1&sort=best&region=x", &officer_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "from", "invalid_format")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "sort", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "region", "invalid_format")) << wrong;
}

TEST_P(Groups, AUniformPriceVotedDownIsNotAgreedAndMakesNoNorm) {
  SeedGroup();
  Browser leader = Login("group_leader");
  Browser member = Login("member");
  std::int64_t price = Proposal({{"title", "Harga tape seragam"},
                                 {"topic", "price"},
                                 {"quorum", 3},
                                 {"options", json::array{"Rp 12.000 per kg untuk semua anggota"}}},
                                leader);
  std::int64_t uniform = OptionId(price, 0, leader);
  ASSERT_EQ(Vote(price, {{"member_id", leader_}, {"option_id", uniform}}, leader).status(), 201);
  ASSERT_EQ(Vote(price, {{"member_id", secretary_}, {"option_id", nullptr}}, leader).status(), 201);
  // A member casts her own vote without naming herself.
  Reply own = Vote(price, {{"option_id", nullptr}}, member);
  ASSERT_EQ(own.status(), 201) << own;
  EXPECT_EQ(own.body.at("votes_against"), 2);
  EXPECT_EQ(own.body.at("votes_cast"), 3);

  Reply twice = Vote(price, {{"member_id", leader_}, {"option_id", uniform}}, leader);
  EXPECT_EQ(twice.status(), 409) << twice;
  EXPECT_TRUE(HasFieldError(twice, "member_id")) << twice;
  // A vote recorded by mistake is taken back and cast again while the proposal is open; a
  // member takes back only her own.
  std::string votes = "/api/v1/groups/1/deliberations/" + std::to_string(price) + "/votes/";
  EXPECT_EQ(Write("DELETE", votes + std::to_string(leader_), json::object{}, &member).status(), 403);
  Reply withdrawn = Write("DELETE", votes + std::to_string(leader_), json::object{}, &leader);
  ASSERT_EQ(withdrawn.status(), 200) << withdrawn;
  EXPECT_EQ(withdrawn.body.at("votes_cast"), 2);
  EXPECT_EQ(Write("DELETE", votes + std::to_string(leader_), json::object{}, &leader).status(), 404);
  ASSERT_EQ(Vote(price, {{"member_id", leader_}, {"option_id", uniform}}, leader).status(), 201);
  EXPECT_EQ(Vote(price, {{"member_id", treasurer_}, {"option_id", uniform}}, member).status(), 403);
  Browser facilitator = Login("facilitator");  // reads the group, is not one of its members
  EXPECT_EQ(Vote(price, {{"option_id", uniform}}, facilitator).status(), 403);
  Reply stranger = Vote(price, {{"member_id", 999}, {"option_id", uniform}}, leader);
  EXPECT_TRUE(HasFieldError(stranger, "member_id", "not_member")) << stranger;
  Reply no_choice = Vote(price, {{"member_id", treasurer_}}, leader);
  EXPECT_TRUE(HasFieldError(no_choice, "option_id", "required")) << no_choice;
  Reply foreign = Vote(price, {{"member_id", treasurer_}, {"option_id", uniform + 100}}, leader);
  EXPECT_TRUE(HasFieldError(foreign, "option_id", "not_found")) << foreign;
  ASSERT_EQ(Patch("/api/v1/groups/1/members/" + std::to_string(other_), {{"left_on", "2026-01-01"}}, officer_).status(), 200);
  Reply gone = Vote(price, {{"member_id", other_}, {"option_id", uniform}}, leader);
  EXPECT_TRUE(HasFieldError(gone, "member_id", "not_member_now")) << gone;

  Reply told = Post("/api/v1/groups/1/deliberations/" + std::to_string(price) + "/decide",
                    {{"outcome", "agreed"}}, leader);
  EXPECT_TRUE(HasFieldError(told, "outcome", "decided_by_vote")) << told;
  Reply decided = Post("/api/v1/groups/1/deliberations/" + std::to_string(price) + "/decide",
                       {{"note", "anggota ingin harga sendiri-sendiri"}}, leader);
  ASSERT_EQ(decided.status(), 200) << decided;
  EXPECT_EQ(decided.body.at("outcome"), "not_agreed");
  EXPECT_TRUE(decided.body.at("norm").is_null());
  EXPECT_EQ(decided.body.at("decided_on"), "2026-01-05");
  EXPECT_EQ(decided.body.at("votes").as_array().size(), 3u);
  EXPECT_TRUE(Get("/api/v1/groups/1/norms", &member).body.at("items").as_array().empty());

  Reply late = Vote(price, {{"member_id", treasurer_}, {"option_id", uniform}}, leader);
  EXPECT_EQ(late.status(), 409) << late;
  EXPECT_EQ(Write("DELETE", votes + std::to_string(leader_), json::object{}, &leader).status(), 409);
  EXPECT_EQ(Post("/api/v1/groups/1/deliberations/" + std::to_string(price) + "/decide", {}, leader).status(), 409);
}

TEST_P(Groups, AgreedMarketAreasBecomeANormTheGroupKeeps) {
  SeedGroup();
  Browser leader = Login("group_leader");
  std::int64_t meeting = Meeting("2026-01-04", leader);
  std::int64_t areas = Proposal({{"title", "Pembagian wilayah pemasaran"},
                                 {"topic", "market_areas"},
                                 {"meeting_id", meeting},
                                 {"options", json::array{"Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen",
                                                         "Semua anggota bebas di semua pasar"}}},
                                leader);
  std::int64_t division = OptionId(areas, 0, leader);
  for (auto member : {leader_, secretary_, treasurer_}) {
    ASSERT_EQ(Vote(areas, {{"member_id", member}, {"option_id", division}}, leader).status(), 201);
  }
  // Painem has an account: she votes from her own phone.
  ASSERT_EQ(Vote(areas, {{"option_id", OptionId(areas, 1, leader)}}, Login("member")).status(), 201);
  Reply decided = Post("/api/v1/groups/1/deliberations/" + std::to_string(areas) + "/decide", {}, leader);
  ASSERT_EQ(decided.status(), 200) << decided;
  EXPECT_EQ(decided.body.at("outcome"), "agreed");
  EXPECT_EQ(decided.body.at("option_id"), division);
  EXPECT_EQ(decided.body.at("meeting_id"), meeting);
  ASSERT_TRUE(decided.body.at("norm").is_object()) << decided;
  EXPECT_EQ(decided.body.at("norm").at("topic"), "market_areas");

  Reply norms = Get("/api/v1/groups/1/norms", &officer_);
  ASSERT_EQ(norms.body.at("items").as_array().size(), 1u);
  // Named after the proposal, then the option agreed on among several.
  EXPECT_EQ(norms.body.at("items").at(0).at("text"),
            "Pembagian wilayah pemasaran: Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen");
  EXPECT_EQ(norms.body.at("items").at(0).at("adopted_on"), "2026-01-05");
  EXPECT_EQ(Get("/api/v1/groups/1/deliberations", &officer_).body.at("total"), 1);
}

TEST_P(Groups, ConsensusIsRecordedWithItsOutcomeAndHasNoVotes) {
  SeedGroup();
  Browser leader = Login("group_leader");
  Reply wrong = Post("/api/v1/groups/1/deliberations",
                     {{"title", ""}, {"topic", "gossip"}, {"method", "coin"},
                      {"options", json::array{"Iuran Rp 10.000", "iuran  rp 10.000"}}, {"meeting_id", 999}},
                     leader);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "title")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "topic", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "method", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "options[1]", "duplicate")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "meeting_id", "not_found")) << wrong;
  Reply no_options = Post("/api/v1/groups/1/deliberations", {{"title", "Iuran"}, {"topic", "fee_rule"}, {"options", json::array{}}}, leader);
  EXPECT_TRUE(HasFieldError(no_options, "options", "required")) << no_options;
  EXPECT_EQ(Get("/api/v1/groups/1/deliberations", &leader).body.at("total"), 0);

  std::int64_t fee = Proposal({{"title", "Iuran bulanan"},
                               {"topic", "fee_rule"},
                               {"method", "consensus"},
                               {"options", json::array{"Rp 10.000 per bulan", "Rp 5.000 per bulan"}}},
                              leader);
  Reply vote = Vote(fee, {{"member_id", leader_}, {"option_id", nullptr}}, leader);
  EXPECT_EQ(vote.status(), 409) << vote;
  std::string decide = "/api/v1/groups/1/deliberations/" + std::to_string(fee) + "/decide";
  EXPECT_TRUE(HasFieldError(Post(decide, {}, leader), "outcome", "required"));
  EXPECT_TRUE(HasFieldError(Post(decide, {{"outcome", "agreed"}}, leader), "option_id", "required"));
  EXPECT_TRUE(HasFieldError(Post(decide, {{"outcome", "not_agreed"}, {"option_id", OptionId(fee, 0, leader)}}, leader),
                            "option_id", "invalid_value"));
  Reply agreed = Post(decide, {{"outcome", "agreed"}, {"option_id", OptionId(fee, 0, leader)},
                               {"note", "disepakati bulat"}}, leader);
  ASSERT_EQ(agreed.status(), 200) << agreed;
  EXPECT_EQ(agreed.body.at("norm").at("text"), "Iuran bulanan: Rp 10.000 per bulan");
  EXPECT_EQ(agreed.body.at("rule"), "consensus");
  EXPECT_TRUE(agreed.body.at("quorum").is_null());
  EXPECT_EQ(agreed.body.at("note"), "disepakati bulat");

  // A learning theme agreed by consensus is a decision, not a norm.
  std::int64_t theme = Proposal({{"title", "Tema belajar"}, {"topic", "learning_theme"}, {"method", "consensus"},
                                 {"options", json::array{"Ecoprint"}}},
                                leader);
  Reply chosen = Post("/api/v1/groups/1/deliberations/" + std::to_string(theme) + "/decide",
                      {{"outcome", "agreed"}, {"option_id", OptionId(theme, 0, leader)}}, leader);
  ASSERT_EQ(chosen.status(), 200) << chosen;
  EXPECT_TRUE(chosen.body.at("norm").is_null());
  EXPECT_EQ(Get("/api/v1/groups/1/norms", &leader).body.at("items").as_array().size(), 1u);
}

TEST_P(Groups, EveryWriteIsAudited) {
  SeedGroup();
  Browser leader = Login("group_leader");
  std::int64_t meeting = Meeting("2026-01-03", leader);
  ASSERT_EQ(Attendance(meeting, {{{"member_id", leader_}, {"presence", "present"}}}, leader).status(), 200);
  Reply group = Get("/api/v1/audit?entity=group&entity_id=1", &admin_);
  ASSERT_EQ(group.status(), 200) << group;
  EXPECT_EQ(group.body.at("total"), 1);
  Reply members = Get("/api/v1/audit?entity=membership", &admin_);
  EXPECT_EQ(members.body.at("total"), 6);
  Reply meetings = Get("/api/v1/audit?entity=meeting&entity_id=" + std::to_string(meeting), &admin_);
  EXPECT_EQ(meetings.body.at("total"), 2);  // created, then its attendance
  // The people added with their memberships are audited as people.
  EXPECT_EQ(Get("/api/v1/audit?entity=person", &admin_).body.at("total"), 6);
}

GOTONG_INSTANTIATE_FOR_BACKENDS(Groups);

// ---- offices and account links (issue 11): a secretary cannot take the group over ----

class Offices : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    if (HasFatalFailure()) return;
    leader_browser_ = Login("group_leader");
  }

  static std::string MemberPath(std::int64_t id) { return "/api/v1/groups/1/members/" + std::to_string(id); }

  // Sutini, the secretary, signs in with an account the officer links to her.
  Browser Secretary() {
    std::int64_t account = CreateUser("sutini", Role::kMember);
    EXPECT_EQ(Patch(MemberPath(secretary_), {{"user_id", account}}, officer_).status(), 200);
    return Login("sutini");
  }

  // A proposal of group `group` decided by consensus: agreed on its first option, or not.
  std::int64_t Decided(const Browser& as, bool agreed, std::int64_t group = 1) {
    std::string base = "/api/v1/groups/" + std::to_string(group) + "/deliberations";
    Reply proposal = Post(base,
                          {{"title", "Bu Suwarni menjadi anggota biasa, Bu Tukini bendahara"},
                           {"topic", "rule"},
                           {"method", "consensus"},
                           {"options", json::array{"Setuju"}}},
                          as);
    EXPECT_EQ(proposal.status(), 201) << proposal;
    if (proposal.status() != 201) return 0;
    std::int64_t id = proposal.body.at("id").as_int64();
    json::object decision{{"outcome", agreed ? "agreed" : "not_agreed"}};
    if (agreed) decision["option_id"] = proposal.body.at("options").at(0).at("id");
    Reply decided = Post(base + "/" + std::to_string(id) + "/decide", decision, as);
    EXPECT_EQ(decided.status(), 200) << decided;
    return id;
  }

  // The member as the list shows her (left members included).
  json::object Member(std::int64_t id) {
    Reply list = Get("/api/v1/groups/1/members?include_left=true&limit=200", &officer_);
    for (const auto& item : list.body.at("items").as_array()) {
      if (item.at("id") == id) return item.as_object();
    }
    ADD_FAILURE() << "member " << id << " is not listed";
    return {};
  }

  Browser leader_browser_;
};

TEST_P(Offices, ASecretaryCannotDemoteUnlinkOrReplaceTheLeader) {
  Browser secretary = Secretary();
  Reply demote = Patch(MemberPath(leader_), {{"role", "member"}}, secretary);
  EXPECT_EQ(demote.status(), 403) << demote;
  EXPECT_TRUE(HasFieldError(demote, "role", "not_allowed")) << demote;
  Reply unlink = Patch(MemberPath(leader_), {{"user_id", nullptr}}, secretary);
  EXPECT_EQ(unlink.status(), 403) << unlink;
  EXPECT_TRUE(HasFieldError(unlink, "user_id", "not_allowed")) << unlink;
  Reply out = Patch(MemberPath(leader_), {{"left_on", "2026-01-05"}}, secretary);
  EXPECT_EQ(out.status(), 403) << "ending the leader's membership ends her office: " << out;
  EXPECT_TRUE(HasFieldError(out, "left_on", "not_allowed")) << out;
  Reply treasurer = Patch(MemberPath(treasurer_), {{"role", "member"}}, secretary);
  EXPECT_EQ(treasurer.status(), 403) << treasurer;
  Reply mentor = Patch(MemberPath(other_), {{"mentor", true}}, secretary);
  EXPECT_EQ(mentor.status(), 403) << mentor;
  EXPECT_TRUE(HasFieldError(mentor, "mentor", "not_allowed")) << mentor;
  // Not with a deliberation either: only the leader cites one.
  std::int64_t agreed = Decided(leader_browser_, true);
  Reply cited = Patch(MemberPath(treasurer_), {{"role", "member"}, {"deliberation_id", agreed}}, secretary);
  EXPECT_EQ(cited.status(), 403) << cited;

  // Her own office and account link are not hers to change.
  Reply herself = Patch(MemberPath(secretary_), {{"role", "treasurer"}}, secretary);
  EXPECT_EQ(herself.status(), 403) << herself;
  EXPECT_TRUE(HasFieldError(herself, "role", "own_office")) << herself;
  Reply leave = Patch(MemberPath(secretary_), {{"left_on", "2026-01-05"}}, secretary);
  EXPECT_TRUE(HasFieldError(leave, "left_on", "own_office")) << leave;
  Reply relink = Patch(MemberPath(secretary_), {{"user_id", nullptr}}, secretary);
  EXPECT_EQ(relink.status(), 403) << relink;
  EXPECT_TRUE(HasFieldError(relink, "user_id", "own_account")) << relink;

  // A new member comes in without an office or an account.
  Reply officer = Post("/api/v1/groups/1/members", {{"person", {{"name", "Ngatini"}}}, {"mentor", true}}, secretary);
  EXPECT_EQ(officer.status(), 403) << officer;
  EXPECT_TRUE(HasFieldError(officer, "mentor", "not_allowed")) << officer;
  std::int64_t account = CreateUser("ngatini", Role::kMember);
  Reply linked = Post("/api/v1/groups/1/members", {{"person", {{"name", "Ngatini"}}}, {"user_id", account}}, secretary);
  EXPECT_EQ(linked.status(), 403) << linked;
  EXPECT_TRUE(HasFieldError(linked, "user_id", "not_allowed")) << linked;

  // Nothing changed: the leader still leads and signs in as herself; the secretary keeps no ledger.
  json::object leader = Member(leader_);
  EXPECT_EQ(leader.at("role"), "leader");
  EXPECT_EQ(leader.at("user_id"), UserId("group_leader"));
  EXPECT_TRUE(leader.at("left_on").is_null());
  EXPECT_EQ(Member(secretary_).at("role"), "secretary");
  EXPECT_EQ(Member(treasurer_).at("role"), "treasurer");
  EXPECT_EQ(Get("/api/v1/groups/1", &leader_browser_).body.at("member_id"), leader_);
  Reply ledger = Post("/api/v1/groups/1/ledger",
                      {{"kind", "aid_received"}, {"amount", 50000}, {"date", "2026-01-05"}, {"memo", "Bantuan"}},
                      secretary);
  EXPECT_EQ(ledger.status(), 403) << ledger;
}

TEST_P(Offices, ASecretaryStillAddsPlainMembersAndKeepsTheirOtherFields) {
  Browser secretary = Secretary();
  Reply added = Post("/api/v1/groups/1/members",
                     {{"person", {{"name", "Ngatini"}}}, {"role", "member"}, {"mentor", false}}, secretary);
  EXPECT_EQ(added.status(), 201) << added;
  Reply hero = Patch(MemberPath(leader_), {{"local_hero", true}, {"joined_on", "2018-07-01"}}, secretary);
  EXPECT_EQ(hero.status(), 200) << "the leader's other fields: " << hero;
  Reply same = Patch(MemberPath(leader_), {{"role", "leader"}, {"mentor", false}}, secretary);
  EXPECT_EQ(same.status(), 200) << "naming the office she already holds changes nothing: " << same;
  Reply left = Patch(MemberPath(other_), {{"left_on", "2026-01-04"}}, secretary);
  EXPECT_EQ(left.status(), 200) << "a plain member leaves: " << left;
  Reply own = Patch(MemberPath(secretary_), {{"joined_on", "2018-06-02"}}, secretary);
  EXPECT_EQ(own.status(), 200) << "her own other fields: " << own;
}

TEST_P(Offices, TheLeaderChangesAnOfficeOnlyByAnAgreedDeliberationOfHerGroup) {
  Browser& leader = leader_browser_;
  Reply bare = Patch(MemberPath(treasurer_), {{"role", "member"}}, leader);
  EXPECT_EQ(bare.status(), 400) << bare;
  EXPECT_EQ(bare.field_errors(), std::vector<std::string>{"deliberation_id:required"});
  Reply missing = Patch(MemberPath(treasurer_), {{"role", "member"}, {"deliberation_id", 999}}, leader);
  EXPECT_EQ(missing.field_errors(), std::vector<std::string>{"deliberation_id:not_found"});
  Reply open = Post("/api/v1/groups/1/deliberations",
                    {{"title", "Ganti bendahara"}, {"topic", "rule"}, {"options", json::array{"Setuju"}}},
                    leader);
  ASSERT_EQ(open.status(), 201) << open;
  Reply undecided = Patch(MemberPath(treasurer_), {{"role", "member"}, {"deliberation_id", open.body.at("id")}}, leader);
  EXPECT_EQ(undecided.field_errors(), std::vector<std::string>{"deliberation_id:not_agreed"});
  Reply refused = Patch(MemberPath(treasurer_), {{"role", "member"}, {"deliberation_id", Decided(leader, false)}}, leader);
  EXPECT_EQ(refused.field_errors(), std::vector<std::string>{"deliberation_id:not_agreed"});
  // Another group's agreement does not count here.
  Reply group2 = Post("/api/v1/groups",
                      {{"name", "Kelompok Lain"}, {"kind", "joint_business_group"}, {"sector", "food_processing"},
                       {"village_code", kBanjarsari}},
                      officer_);
  ASSERT_EQ(group2.status(), 201) << group2;
  std::int64_t elsewhere = Decided(admin_, true, group2.body.at("id").as_int64());
  Reply foreign = Patch(MemberPath(treasurer_), {{"role", "member"}, {"deliberation_id", elsewhere}}, leader);
  EXPECT_EQ(foreign.field_errors(), std::vector<std::string>{"deliberation_id:not_found"});
  EXPECT_EQ(Member(treasurer_).at("role"), "treasurer");

  std::int64_t agreed = Decided(leader, true);
  Reply stepped_down = Patch(MemberPath(treasurer_), {{"role", "member"}, {"deliberation_id", agreed}}, leader);
  ASSERT_EQ(stepped_down.status(), 200) << stepped_down;
  EXPECT_EQ(stepped_down.body.at("role"), "member");
  Reply new_treasurer = Patch(MemberPath(other_), {{"role", "treasurer"}, {"mentor", true}, {"deliberation_id", agreed}}, leader);
  ASSERT_EQ(new_treasurer.status(), 200) << new_treasurer;
  EXPECT_EQ(new_treasurer.body.at("role"), "treasurer");
  EXPECT_EQ(new_treasurer.body.at("mentor"), true);
  Reply added = Post("/api/v1/groups/1/members",
                     {{"person", {{"name", "Ngatini"}}}, {"mentor", true}, {"deliberation_id", agreed}}, leader);
  EXPECT_EQ(added.status(), 201) << added;
  // The audit log says which agreement gave the office.
  Reply audit = Get("/api/v1/audit?entity=membership&entity_id=" + std::to_string(other_), &admin_);
  ASSERT_EQ(audit.status(), 200) << audit;
  EXPECT_EQ(audit.body.at("items").at(0).at("after").at("deliberation_id"), agreed) << audit;

  // Not her own office, and never an account link.
  Reply herself = Patch(MemberPath(leader_), {{"role", "member"}, {"deliberation_id", agreed}}, leader);
  EXPECT_EQ(herself.status(), 403) << herself;
  EXPECT_TRUE(HasFieldError(herself, "role", "own_office")) << herself;
  Reply unlink = Patch(MemberPath(member_), {{"user_id", nullptr}, {"deliberation_id", agreed}}, leader);
  EXPECT_EQ(unlink.status(), 403) << unlink;
  EXPECT_TRUE(HasFieldError(unlink, "user_id", "not_allowed")) << unlink;
}

TEST_P(Offices, AdminStewardAndFacilitatorChangeOfficesAndAccountLinks) {
  // The steward's officer hands the leadership over without a deliberation.
  EXPECT_EQ(Patch(MemberPath(leader_), {{"role", "member"}}, officer_).status(), 200);
  Reply leader = Patch(MemberPath(secretary_), {{"role", "leader"}}, officer_);
  EXPECT_EQ(leader.status(), 200) << leader;
  // The admin unlinks an account and links it again.
  EXPECT_EQ(Patch(MemberPath(member_), {{"user_id", nullptr}}, admin_).status(), 200);
  EXPECT_EQ(Patch(MemberPath(member_), {{"user_id", UserId("member")}}, admin_).status(), 200);

  // The facilitator of the programme that formed the group keeps its offices and accounts.
  Browser facilitator = Login("facilitator");
  Reply treasurer = Patch(MemberPath(treasurer_), {{"role", "member"}}, facilitator);
  EXPECT_EQ(treasurer.status(), 200) << treasurer;
  EXPECT_EQ(Patch(MemberPath(other_), {{"role", "treasurer"}, {"mentor", true}}, facilitator).status(), 200);
  std::int64_t account = CreateUser("tukini", Role::kMember);
  Reply linked = Patch(MemberPath(other_), {{"user_id", account}}, facilitator);
  EXPECT_EQ(linked.status(), 200) << linked;
  EXPECT_EQ(linked.body.at("user_id"), account);
  Browser tukini = Login("tukini");
  EXPECT_EQ(Get("/api/v1/groups/1", &tukini).body.at("member_id"), other_);
  // She does not add people to the steward's registry.
  Reply added = Post("/api/v1/groups/1/members", {{"person", {{"name", "Ngatini"}}}}, facilitator);
  EXPECT_EQ(added.status(), 403) << added;
}

// ---- access follows membership dates ----

TEST_P(Offices, AFormerMembersAccountReadsNothingOfTheGroup) {
  Browser member = Login("member");
  ASSERT_EQ(Get("/api/v1/groups/1/ledger", &member).status(), 200);
  ASSERT_EQ(Patch(MemberPath(member_), {{"left_on", "2026-01-04"}}, officer_).status(), 200);
  Reply ledger = Get("/api/v1/groups/1/ledger", &member);
  EXPECT_EQ(ledger.status(), 403) << "she left yesterday: " << ledger;
  EXPECT_EQ(Get("/api/v1/groups/1/members", &member).status(), 403);
  EXPECT_EQ(Get("/api/v1/groups/1", &member).status(), 403);
  EXPECT_EQ(Get("/api/v1/groups/1/deliberations", &member).status(), 403);
  Reply list = Get("/api/v1/groups", &member);
  ASSERT_EQ(list.status(), 200) << list;
  EXPECT_EQ(list.body.at("total"), 0);
  EXPECT_TRUE(list.body.at("items").as_array().empty());
  // Members who stay are not affected.
  Browser leader = leader_browser_;
  EXPECT_EQ(Get("/api/v1/groups/1/ledger", &leader).status(), 200);
}

TEST_P(Offices, AMemberLeavingTomorrowStillReadsUntilTheDaySheLeaves) {
  ASSERT_EQ(Patch(MemberPath(member_), {{"left_on", "2026-01-05"}}, officer_).status(), 200);
  // The day before she leaves.
  clock().Advance(-std::chrono::hours(24));
  Browser member = Login("member");
  EXPECT_EQ(Get("/api/v1/groups/1/ledger", &member).status(), 200);
  EXPECT_EQ(Get("/api/v1/groups/1/members", &member).status(), 200);
  EXPECT_EQ(Get("/api/v1/groups", &member).body.at("total"), 1);
  // From the day she leaves on, the group is closed to her account.
  clock().Advance(std::chrono::hours(24));
  member = Login("member");
  EXPECT_EQ(Get("/api/v1/groups/1/ledger", &member).status(), 403);
  EXPECT_EQ(Get("/api/v1/groups/1/members", &member).status(), 403);
}

TEST_P(Offices, TheDayIsIndonesiasNotUtcs) {
  ASSERT_EQ(Patch(MemberPath(member_), {{"left_on", "2026-01-05"}}, officer_).status(), 200);
  // 2026-01-04T14:59Z is still 23:59 on the 4th in Jayapura (UTC+9); a minute later it is the 5th.
  clock().Advance(-std::chrono::hours(17) - std::chrono::minutes(1));
  Browser member = Login("member");
  EXPECT_EQ(Get("/api/v1/groups/1/members", &member).status(), 200);
  clock().Advance(std::chrono::minutes(1));
  EXPECT_EQ(Get("/api/v1/groups/1/members", &member).status(), 403);
}

TEST_P(Offices, AGroupAccountLinkedToNoMemberReachesNothingUntilLinked) {
  std::int64_t account = CreateUser("baru", Role::kMember);
  Browser fresh = Login("baru");
  EXPECT_EQ(Get("/api/v1/groups/1", &fresh).status(), 403);
  EXPECT_EQ(Get("/api/v1/groups/1/members", &fresh).status(), 403);
  EXPECT_EQ(Get("/api/v1/groups", &fresh).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/groups/compliance?region=35.07", &fresh).body.at("total"), 0);
  ASSERT_EQ(Patch(MemberPath(other_), {{"user_id", account}}, officer_).status(), 200);
  EXPECT_EQ(Get("/api/v1/groups/1/members", &fresh).status(), 200);
  EXPECT_EQ(Get("/api/v1/groups", &fresh).body.at("total"), 1);
}

GOTONG_INSTANTIATE_FOR_BACKENDS(Offices);

}  // namespace
}  // namespace gotong::api_tests
