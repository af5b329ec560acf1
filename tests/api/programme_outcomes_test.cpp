// A programme's learning outcomes (issue 14): its groups' cycles and help requests, a line per
// group, and community against outside mentors pooled over all of them, for whoever reaches which
// of its groups.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

constexpr const char* kOutcomes = "/api/v1/programmes/1/learning-outcomes";

class ProgrammeOutcomes : public GroupTest {
 protected:
  // Group 1 (Harapan Sejahtera, steward 1) and group 2 (Sido Makmur, steward 2) were formed by
  // programme 1; group 3 (Lestari) by programme 2. Each has its mentees and requests.
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    Reply bank = Post("/api/v1/stakeholders", {{"name", "BRI Unit Ngajum"}, {"helix", "business"}, {"kind", "bank"}},
                      admin_);
    ASSERT_EQ(bank.status(), 201) << bank;
    ASSERT_EQ(AddGroup("Sido Makmur", 1, bank.body.at("id").as_int64()), 2);
    ASSERT_EQ(AddGroup("Lestari", 2, 1), 3);
    yuli_ = Join(2, "Bu Yuli", true);
    wati_ = Join(2, "Wati");
    sri_ = Join(2, "Sri");
    lestari_member_ = Join(3, "Ngatini", false, CreateUser("lestari", Role::kMember, kPassword, 3));
    Reply consultant = Post("/api/v1/people", {{"name", "Dr. Bambang"}}, admin_);
    ASSERT_EQ(consultant.status(), 201) << consultant;
    consultant_ = consultant.body.at("id").as_int64();
    yeast_ = CompetencyId("tape.ragi");
    cassava_ = CompetencyId("tape.singkong");
    ASSERT_FALSE(HasFailure());
  }

  using ApiTest::CreateUser;
  // An account scoped to group `group` (the harness's are scoped to number 1).
  std::int64_t CreateUser(const std::string& username, Role role, const std::string& password, std::int64_t group) {
    domain::accounts::NewUser input;
    input.username = username;
    input.role = std::string(domain::accounts::ToString(role));
    input.password = password;
    input.scope = domain::accounts::ScopeInput{"group", group};
    auto user = services().accounts.CreateUser(domain::accounts::Context::System(), input);
    EXPECT_TRUE(user.ok()) << user.error().message;
    return user.ok() ? user->id : 0;
  }

  std::int64_t AddGroup(const std::string& name, std::int64_t programme, std::int64_t steward) {
    Reply group = Post("/api/v1/groups",
                       {{"name", name},
                        {"kind", "learning_community"},
                        {"sector", "food_processing"},
                        {"village_code", kBanjarsari},
                        {"origin", "programme_formed"},
                        {"programme_id", programme},
                        {"steward_id", steward}},
                       admin_);
    EXPECT_EQ(group.status(), 201) << group;
    return group.status() == 201 ? group.body.at("id").as_int64() : 0;
  }

  std::int64_t Join(std::int64_t group, const std::string& name, bool mentor = false,
                    std::optional<std::int64_t> user_id = std::nullopt) {
    json::object body{{"person", {{"name", name}, {"gender", "female"}, {"village_code", kBanjarsari}}},
                      {"role", "member"},
                      {"mentor", mentor},
                      {"joined_on", "2020-01-01"}};
    if (user_id) body["user_id"] = *user_id;
    Reply reply = Post("/api/v1/groups/" + std::to_string(group) + "/members", body, admin_);
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  }

  void Mentor(std::int64_t group, json::object body) {
    body["group_id"] = group;
    body["started_on"] = "2025-01-01";
    Reply reply = Post("/api/v1/mentorships", body, admin_);
    EXPECT_EQ(reply.status(), 201) << reply;
  }

  Reply Cycle(std::int64_t cycle, const std::string& tail, const json::object& body) {
    return Post("/api/v1/cycles/" + std::to_string(cycle) + tail, body, admin_);
  }

  // A cycle of `group` by `mentor` (mentor_member_id or mentor_person_id, and mentor_origin) for
  // `mentees` on `targets`, planned and, with `close`, held once with `attendance` and closed with
  // `achieved` evaluations reached (mentee by mentee, target by target).
  std::int64_t RunCycle(std::int64_t group, json::object mentor, const std::vector<std::int64_t>& mentees,
                        const std::vector<std::int64_t>& targets, bool close, const json::array& attendance,
                        const std::vector<bool>& achieved) {
    json::array target_list, mentee_list;
    for (auto target : targets) target_list.push_back(json::object{{"competency_id", target}});
    for (auto mentee : mentees) mentee_list.push_back(json::object{{"member_id", mentee}});
    json::object body = std::move(mentor);
    body["group_id"] = group;
    body["title"] = "Belajar tape";
    body["theme"] = "Ragi tape yang manis";
    body["targets"] = target_list;
    body["mentees"] = mentee_list;
    Reply created = Post("/api/v1/cycles", body, admin_);
    EXPECT_EQ(created.status(), 201) << created;
    if (created.status() != 201) return 0;
    std::int64_t cycle = created.body.at("id").as_int64();
    if (!close) return cycle;
    EXPECT_EQ(Cycle(cycle, "/transitions", {{"to", "implementation"}}).status(), 200);
    Reply session = Cycle(cycle, "/sessions", {{"held_on", "2026-01-03"}, {"practice", "ragi"}, {"attendance", attendance}});
    EXPECT_EQ(session.status(), 201) << session;
    EXPECT_EQ(Cycle(cycle, "/transitions", {{"to", "evaluation"}}).status(), 200);
    std::size_t k = 0;
    for (auto mentee : mentees) {
      for (auto target : targets) {
        bool reached = achieved.at(k++);
        json::object evaluation{{"member_id", mentee}, {"competency_id", target}, {"achieved", reached}};
        if (reached) evaluation["level"] = 2;
        Reply evaluated = Cycle(cycle, "/evaluations", evaluation);
        EXPECT_EQ(evaluated.status(), 201) << evaluated;
      }
    }
    Reply closed = Cycle(cycle, "/transitions", {{"to", "closed"}});
    EXPECT_EQ(closed.status(), 200) << closed;
    return cycle;
  }

  static json::object Present(std::int64_t member, bool present = true) {
    return {{"member_id", member}, {"presence", present ? "present" : "absent"}};
  }

  // Requests reported now for `members` of `group`, each advised an hour later and resolved after
  // the hours given (at least 1), in one timeline: the clock moves forward only.
  struct Request {
    std::int64_t group;
    std::int64_t member;
    int resolved_after;  // hours
    std::int64_t id = 0;
  };
  void Timeline(std::vector<Request>& requests) {
    for (auto& request : requests) {
      Reply reply = Post("/api/v1/help-requests",
                         {{"group_id", request.group}, {"member_id", request.member}, {"title", "Tape asam"}}, admin_);
      EXPECT_EQ(reply.status(), 201) << reply;
      request.id = reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
    }
    int now = 0;
    auto advance_to = [&](int hour) {
      clock().Advance(std::chrono::hours(hour - now));
      now = hour;
      admin_ = Login("admin");  // a session ends after 30 idle minutes
    };
    auto act = [&](const Request& request, const std::string& tail, const json::object& body) {
      Reply reply = Post("/api/v1/help-requests/" + std::to_string(request.id) + tail, body, admin_);
      EXPECT_LT(reply.status(), 300) << tail << " " << reply;
    };
    advance_to(1);
    for (const auto& request : requests) act(request, "/advice", {{"text", "Kurangi ragi."}});
    std::vector<const Request*> by_hour;
    by_hour.reserve(requests.size());
    for (const auto& request : requests) by_hour.push_back(&request);
    std::sort(by_hour.begin(), by_hour.end(),
              [](const Request* a, const Request* b) { return a->resolved_after < b->resolved_after; });
    for (const Request* request : by_hour) {
      advance_to(request->resolved_after);
      act(*request, "/transitions", {{"to", "resolved"}});
    }
    officer_ = Login("officer");
  }

  // The mentorships, cycles and requests of the three groups.
  void SeedLearning() {
    // Group 1: Painem with Ibu Darmi (community), Tukini with Dr. Bambang (external). Group 2: Wati
    // with Bu Yuli (community), Sri with Dr. Bambang. Group 3: Ngatini with Dr. Bambang.
    Mentor(1, {{"mentor_member_id", mentor_}, {"mentor_origin", "community"}, {"mentee_member_id", member_}});
    Mentor(1, {{"mentor_person_id", consultant_}, {"mentor_origin", "external"}, {"mentee_member_id", other_}});
    Mentor(2, {{"mentor_member_id", yuli_}, {"mentor_origin", "community"}, {"mentee_member_id", wati_}});
    Mentor(2, {{"mentor_person_id", consultant_}, {"mentor_origin", "external"}, {"mentee_member_id", sri_}});
    Mentor(3, {{"mentor_person_id", consultant_}, {"mentor_origin", "external"},
               {"mentee_member_id", lestari_member_}});

    // Group 1: a community cycle closed at 3 of 4 (Painem present, Tukini absent) and an outside
    // one still planned. Group 2: an outside cycle closed at 1 of 2, both present. Group 3: an
    // outside cycle closed at 1 of 1.
    RunCycle(1, {{"mentor_member_id", mentor_}, {"mentor_origin", "community"}}, {member_, other_},
             {yeast_, cassava_}, true, {Present(member_), Present(other_, false)}, {true, true, true, false});
    RunCycle(1, {{"mentor_person_id", consultant_}, {"mentor_origin", "external"}}, {member_}, {yeast_}, false, {},
             {});
    RunCycle(2, {{"mentor_person_id", consultant_}, {"mentor_origin", "external"}}, {wati_, sri_}, {yeast_}, true,
             {Present(wati_), Present(sri_)}, {true, false});
    RunCycle(3, {{"mentor_person_id", consultant_}, {"mentor_origin", "external"}}, {lestari_member_}, {yeast_}, true,
             {Present(lestari_member_)}, {true});

    // Hours to resolution. Community: Painem 1 and 3 (group 1), Wati 20 (group 2): pooled median
    // 3, where the groups' medians (2 and 20) would give 11. External: Tukini 5 (group 1), Sri 7
    // and 30 (group 2): pooled 7, not 11.75. All: 1 3 5 | 7 20 30: pooled 6, not (3 + 20) / 2.
    std::vector<Request> requests{{1, member_, 1}, {1, member_, 3}, {2, wati_, 20}, {1, other_, 5},
                                  {2, sri_, 7},    {2, sri_, 30},   {3, lestari_member_, 2}};
    Timeline(requests);
  }

  std::int64_t yuli_ = 0, wati_ = 0, sri_ = 0, lestari_member_ = 0, consultant_ = 0;
  std::int64_t yeast_ = 0, cassava_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(ProgrammeOutcomes);

const json::value& Line(const Reply& reply, std::int64_t group) {
  for (const auto& line : reply.body.at("groups").as_array()) {
    if (line.at("group_id") == group) return line;
  }
  static const json::value kNone;
  ADD_FAILURE() << "no line for group " << group << " in " << reply;
  return kNone;
}

double Median(const json::value& figures, const char* point) {
  return figures.at("help_requests").at(point).at("median_hours").as_double();
}

TEST_P(ProgrammeOutcomes, EachGroupHasItsLineAndTheComparisonPoolsEveryRequestOfTheProgramme) {
  SeedLearning();
  ASSERT_FALSE(HasFailure());
  Reply outcomes = Get(kOutcomes, &admin_);
  ASSERT_EQ(outcomes.status(), 200) << outcomes;
  EXPECT_EQ(outcomes.body.at("programme_id"), 1);
  EXPECT_EQ(outcomes.body.at("groups_total"), 2);  // Lestari is programme 2's
  const auto& groups = outcomes.body.at("groups").as_array();
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[0].at("name"), "Harapan Sejahtera");  // by name
  EXPECT_EQ(groups[1].at("name"), "Sido Makmur");

  const auto& harapan = Line(outcomes, 1);
  EXPECT_EQ(harapan.at("cycles"), 2);
  EXPECT_EQ(harapan.at("closed"), 1);
  EXPECT_EQ(harapan.at("achieved"), 3);
  EXPECT_EQ(harapan.at("targets"), 4);
  EXPECT_EQ(harapan.at("completion_percent"), 75);
  EXPECT_EQ(harapan.at("attendance_percent"), 50);
  EXPECT_EQ(harapan.at("help_requests").at("total"), 3);
  EXPECT_EQ(Median(harapan, "resolution"), 3.0);  // 1, 3 and 5 hours
  EXPECT_EQ(Median(harapan, "first_advice"), 1.0);
  const auto& sido = Line(outcomes, 2);
  EXPECT_EQ(sido.at("cycles"), 1);
  EXPECT_EQ(sido.at("completion_percent"), 50);
  EXPECT_EQ(sido.at("attendance_percent"), 100);
  EXPECT_EQ(sido.at("help_requests").at("resolved"), 3);
  EXPECT_EQ(Median(sido, "resolution"), 20.0);  // 7, 20 and 30 hours

  // The totals are the two lines together: Lestari's cycle and request are not among them, and
  // the median is over the six requests (6 hours), not the mean of the groups' medians (11.5).
  const auto& totals = outcomes.body.at("totals");
  EXPECT_EQ(totals.at("cycles"), 3);
  EXPECT_EQ(totals.at("closed"), 2);
  EXPECT_EQ(totals.at("achieved"), 4);
  EXPECT_EQ(totals.at("targets"), 6);
  EXPECT_EQ(totals.at("completion_percent"), 67);
  EXPECT_EQ(totals.at("attendance_percent"), 75);  // 3 of 4
  EXPECT_EQ(totals.at("help_requests").at("total"), 6);
  EXPECT_EQ(totals.at("help_requests").at("resolution").at("count"), 6);
  EXPECT_EQ(Median(totals, "resolution"), 6.0);

  // Community against outside mentors over the programme, pooled.
  const auto& origins = outcomes.body.at("by_origin").as_array();
  ASSERT_EQ(origins.size(), 2u);
  const auto& community = origins[0];
  EXPECT_EQ(community.at("origin"), "community");
  EXPECT_EQ(community.at("cycles"), 1);
  EXPECT_EQ(community.at("completion_percent"), 75);
  EXPECT_EQ(community.at("attendance_percent"), 50);
  EXPECT_EQ(community.at("help_requests").at("total"), 3);
  EXPECT_EQ(Median(community, "resolution"), 3.0);  // 1, 3 and 20: not (2 + 20) / 2
  const auto& external = origins[1];
  EXPECT_EQ(external.at("origin"), "external");
  EXPECT_EQ(external.at("cycles"), 2);  // Sido Makmur's closed one and Harapan's planned one
  EXPECT_EQ(external.at("closed"), 1);
  EXPECT_EQ(external.at("completion_percent"), 50);
  EXPECT_EQ(external.at("attendance_percent"), 100);
  EXPECT_EQ(external.at("help_requests").at("total"), 3);
  EXPECT_EQ(Median(external, "resolution"), 7.0);  // 5, 7 and 30: not (5 + 18.5) / 2

  // A group's own outcomes agree with its line.
  Reply own = Get("/api/v1/groups/2/learning-outcomes", &admin_);
  ASSERT_EQ(own.status(), 200) << own;
  EXPECT_EQ(own.body.at("help_requests"), sido.at("help_requests"));
}

TEST_P(ProgrammeOutcomes, EachCallerCountsOnlyTheProgrammesGroupsSheReaches) {
  SeedLearning();
  ASSERT_FALSE(HasFailure());
  // The officer stewards Harapan Sejahtera, not Sido Makmur: her answer is that one group's.
  Reply officer = Get(kOutcomes, &officer_);
  ASSERT_EQ(officer.status(), 200) << officer;
  EXPECT_EQ(officer.body.at("groups_total"), 1);
  ASSERT_EQ(officer.body.at("groups").as_array().size(), 1u);
  EXPECT_EQ(officer.body.at("groups").as_array()[0].at("group_id"), 1);
  EXPECT_EQ(officer.body.at("totals").at("help_requests").at("total"), 3);
  EXPECT_EQ(Median(officer.body.at("by_origin").as_array()[1], "resolution"), 5.0);  // Tukini's only

  // The programme's facilitator reaches both.
  Browser facilitator_login = Login("facilitator");
  Reply facilitator = Get(kOutcomes, &facilitator_login);
  ASSERT_EQ(facilitator.status(), 200) << facilitator;
  EXPECT_EQ(facilitator.body.at("groups").as_array().size(), 2u);
  EXPECT_EQ(facilitator.body.at("totals").at("help_requests").at("total"), 6);

  // A member of Harapan Sejahtera reads her own group's line.
  Browser member_login = Login("member");
  Reply member = Get(kOutcomes, &member_login);
  ASSERT_EQ(member.status(), 200) << member;
  ASSERT_EQ(member.body.at("groups").as_array().size(), 1u);
  EXPECT_EQ(member.body.at("groups").as_array()[0].at("group_id"), 1);

  // A member of programme 2's group finds nothing of programme 1, as if it did not exist; her own
  // programme answers her.
  Browser lestari = Login("lestari");
  Reply outside = Get(kOutcomes, &lestari);
  EXPECT_EQ(outside.status(), 404) << outside;
  EXPECT_EQ(outside.problem(), "not-found");
  Reply unknown = Get("/api/v1/programmes/99/learning-outcomes", &lestari);
  EXPECT_EQ(unknown.status(), 404) << unknown;
  std::string detail(unknown.body.at("detail").as_string());
  detail.replace(detail.find("99"), 2, "1");
  EXPECT_EQ(outside.body.at("detail").as_string(), detail);  // the same answer but for the number
  Reply own = Get("/api/v1/programmes/2/learning-outcomes", &lestari);
  ASSERT_EQ(own.status(), 200) << own;
  EXPECT_EQ(own.body.at("totals").at("help_requests").at("total"), 1);

  // The facilitator of programme 1 does not reach programme 2.
  EXPECT_EQ(Get("/api/v1/programmes/2/learning-outcomes", &facilitator_login).status(), 404);
}

TEST_P(ProgrammeOutcomes, AProgrammeWithoutLearningYetHasItsGroupsWithEmptyFigures) {
  Reply outcomes = Get(kOutcomes, &admin_);
  ASSERT_EQ(outcomes.status(), 200) << outcomes;
  ASSERT_EQ(outcomes.body.at("groups").as_array().size(), 2u);
  const auto& totals = outcomes.body.at("totals");
  EXPECT_EQ(totals.at("cycles"), 0);
  EXPECT_TRUE(totals.at("completion_percent").is_null());
  EXPECT_TRUE(totals.at("attendance_percent").is_null());
  EXPECT_TRUE(totals.at("help_requests").at("resolution").at("median_hours").is_null());
  for (const auto& side : outcomes.body.at("by_origin").as_array()) {
    EXPECT_EQ(side.at("help_requests").at("total"), 0);
  }
}

TEST_P(ProgrammeOutcomes, AWrongQueryIsNamedAndAnIdThatIsNoProgrammeIsNotFound) {
  // As every route with an {id}: a path that names no record is a 404.
  for (const char* id : {"abc", "0", "-1", "1.5"}) {
    Reply wrong = Get("/api/v1/programmes/" + std::string(id) + "/learning-outcomes", &admin_);
    EXPECT_EQ(wrong.status(), 404) << id << " " << wrong;
  }
  Reply query = Get(std::string(kOutcomes) + "?limit=5", &admin_);
  EXPECT_EQ(query.status(), 400) << query;
  EXPECT_TRUE(HasFieldError(query, "limit")) << query;
  Reply unknown = Get("/api/v1/programmes/99/learning-outcomes", &admin_);
  EXPECT_EQ(unknown.status(), 404) << unknown;
  EXPECT_NE(std::string(unknown.body.at("detail").as_string()).find("programme 99"), std::string::npos) << unknown;
  EXPECT_EQ(Get(kOutcomes).status(), 401);
}

}  // namespace
}  // namespace gotong::api_tests
