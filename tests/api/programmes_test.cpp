// Empowerment programmes (issue 15): an officer designs one for her stakeholder with partners across
// the quadruple helix, criteria, SOPs and budget; it moves draft → active → closed only; groups and
// enterprises are enrolled, outside the criteria only with a written reason; and each caller sees
// only the programmes she owns, partners in, facilitates or is enrolled in.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Programmes : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    // Stakeholder 2 partners in the programme; stakeholder 3 has nothing to do with it.
    for (const char* name : {"YBM BRILiaN", "Bank Lain"}) {
      Reply made = Post("/api/v1/stakeholders",
                        {{"name", name}, {"helix", "business"}, {"kind", std::string(name) == "Bank Lain" ? "bank" : "zakat_institution"}},
                        admin_);
      ASSERT_EQ(made.status(), 201) << made;
    }
    for (auto [user, stakeholder] : {std::pair{"partner_officer", 2}, std::pair{"stranger_officer", 3}}) {
      domain::accounts::NewUser input;
      input.username = user;
      input.role = "officer";
      input.password = kPassword;
      input.scope = domain::accounts::ScopeInput{"stakeholder", stakeholder};
      auto created = services().accounts.CreateUser(domain::accounts::Context::System(), input);
      ASSERT_TRUE(created.ok()) << created.error().message;
    }
    partner_ = Login("partner_officer");
    stranger_ = Login("stranger_officer");
    facilitator_ = Login("facilitator");
    group_member_ = Login("member");
  }

  // Seed 001's programme as the harness's officer designs it: owned by her stakeholder (1), YBM
  // BRILiaN (2) partnering as civil society, for homogeneous food groups of Kabupaten Malang
  // founded within ten years.
  json::object Design() {
    return {{"name", "Pemberdayaan Kelompok Tape Ngajum"},
            {"description", "Peralatan, modal kerja dan pendampingan satu tahun."},
            {"starts_on", "2026-01-01"},
            {"ends_on", "2026-12-31"},
            {"factors", json::array{"capital_access", "human_resources"}},
            {"sop_meetings_per_month", 1},
            {"sop_reports_per_year", 12},
            {"budget", 150000000},
            {"exit_strategy", "Pendampingan diserahkan kepada pahlawan lokal kelompok."},
            {"follow_up_months", json::array{3, 6, 12}},
            {"partners", json::array{json::object{{"stakeholder_id", 2}, {"helix", "civil_society"},
                                                  {"contribution", "modal kerja dan peralatan"}}}},
            {"criteria", json::object{{"region_codes", json::array{"35.07"}},
                                      {"sectors", json::array{"food_processing"}},
                                      {"founded_within_years", 10},
                                      {"homogeneous", true}}}};
  }

  std::int64_t Designed() {
    Reply made = Post("/api/v1/programmes", Design(), officer_);
    EXPECT_EQ(made.status(), 201) << made;
    return made.status() == 201 ? made.body.at("id").as_int64() : 0;
  }

  std::string Path(std::int64_t id, const std::string& rest = "") {
    return "/api/v1/programmes/" + std::to_string(id) + rest;
  }

  // The person who is member `member` of group 1.
  std::int64_t PersonOf(std::int64_t member) {
    Reply members = Get("/api/v1/groups/1/members?limit=200", &officer_);
    for (const auto& item : members.body.at("items").as_array()) {
      if (item.at("id").as_int64() == member) return item.at("person").at("id").as_int64();
    }
    ADD_FAILURE() << "no member " << member << " in " << members;
    return 0;
  }

  // Gives member `member` of group 1 an enterprise of `sector`.
  void GiveEnterprise(std::int64_t member, const std::string& sector) {
    Reply shop = Post("/api/v1/enterprises",
                      {{"owner_id", PersonOf(member)}, {"name", "Usaha " + std::to_string(member)},
                       {"sector", sector}, {"village_code", kBanjarsari}},
                      officer_);
    ASSERT_EQ(shop.status(), 201) << shop;
    Reply linked = Patch("/api/v1/groups/1/members/" + std::to_string(member),
                         {{"enterprise_id", shop.body.at("id")}}, officer_);
    ASSERT_EQ(linked.status(), 200) << linked;
  }

  // A facilitator account scoped to `programme`; its id (0 when it could not be made).
  std::int64_t AddFacilitator(const std::string& username, const std::string& name, std::int64_t programme) {
    domain::accounts::NewUser input;
    input.username = username;
    input.display_name = name;
    input.role = "facilitator";
    input.password = kPassword;
    input.scope = domain::accounts::ScopeInput{"programme", programme};
    auto created = services().accounts.CreateUser(domain::accounts::Context::System(), input);
    EXPECT_TRUE(created.ok()) << created.error().message;
    return created.ok() ? created->id : 0;
  }

  Browser partner_, stranger_, facilitator_, group_member_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Programmes);

TEST_P(Programmes, AnOfficerDesignsOneForHerStakeholderWithItsPartnerCriteriaSopsAndFollowUps) {
  Reply made = Post("/api/v1/programmes", Design(), officer_);
  ASSERT_EQ(made.status(), 201) << made;
  std::int64_t id = made.body.at("id").as_int64();
  EXPECT_EQ(made.header("Location"), Path(id));
  EXPECT_EQ(made.body.at("status"), "draft");
  EXPECT_EQ(made.body.at("owner").at("id"), 1) << "an officer's programme is her stakeholder's";
  EXPECT_EQ(made.body.at("can_manage"), true);
  const auto& partners = made.body.at("partners").as_array();
  ASSERT_EQ(partners.size(), 2u);
  EXPECT_EQ(partners[0].at("role"), "owner");
  EXPECT_EQ(partners[0].at("helix"), "government");  // the Dinas's own helix
  EXPECT_EQ(partners[1].at("name"), "YBM BRILiaN");
  EXPECT_EQ(partners[1].at("helix"), "civil_society") << "the helix it plays here, not its own (business)";
  EXPECT_EQ(partners[1].at("contribution"), "modal kerja dan peralatan");
  EXPECT_EQ(Words(made.body.at("factors")), (std::vector<std::string>{"capital_access", "human_resources"}));
  EXPECT_EQ(made.body.at("follow_up_months"), (json::array{3, 6, 12}));
  EXPECT_EQ(made.body.at("criteria").at("region_codes"), json::array{"35.07"});
  EXPECT_EQ(made.body.at("criteria").at("founded_within_years"), 10);
  EXPECT_EQ(made.body.at("criteria").at("homogeneous"), true);
  EXPECT_EQ(made.body.at("budget"), 150000000);

  Reply read = Get(Path(id), &officer_);
  ASSERT_EQ(read.status(), 200) << read;
  EXPECT_EQ(read.body.at("partners"), made.body.at("partners"));
  EXPECT_EQ(read.body.at("criteria"), made.body.at("criteria"));
  Reply log = Get("/api/v1/audit?entity=programme&entity_id=" + std::to_string(id), &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  EXPECT_EQ(log.body.at("total"), 1);

  Reply theirs = Post("/api/v1/programmes", [&] {
    auto body = Design();
    body["owner_id"] = 2;
    return body;
  }(), officer_);
  EXPECT_TRUE(HasFieldError(theirs, "owner_id", "not_yours")) << theirs;
  Reply by_member = Post("/api/v1/programmes", Design(), group_member_);
  EXPECT_EQ(by_member.status(), 403) << by_member;
}

TEST_P(Programmes, EveryWrongFieldIsNamedAndNothingIsWritten) {
  Reply wrong = Post("/api/v1/programmes",
                     {{"starts_on", "2026-12-31"},
                      {"ends_on", "2026-01-01"},
                      {"factors", json::array{"money"}},
                      {"budget", -1},
                      {"sop_meetings_per_month", 40},
                      {"follow_up_months", json::array{6, 3}},
                      {"partners", json::array{json::object{{"stakeholder_id", 999}},
                                               json::object{{"stakeholder_id", 1}}}},
                      {"criteria", json::object{{"region_codes", json::array{"99.99"}},
                                                {"sectors", json::array{"spaceships"}},
                                                {"founded_within_years", 500}}}},
                     officer_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  for (const auto& [field, code] : std::vector<std::pair<std::string, std::string>>{
           {"name", "required"},
           {"ends_on", "before_start"},
           {"factors", "invalid_value"},
           {"budget", "out_of_range"},
           {"sop_meetings_per_month", "out_of_range"},
           {"follow_up_months", "invalid_value"},
           {"partners[0].stakeholder_id", "not_found"},
           {"partners[1].stakeholder_id", "duplicate"},
           {"criteria.region_codes", "not_found"},
           {"criteria.sectors", "invalid_value"},
           {"criteria.founded_within_years", "out_of_range"}}) {
    EXPECT_TRUE(HasFieldError(wrong, field, code)) << field << ":" << code << " in " << wrong;
  }
  EXPECT_EQ(Get("/api/v1/programmes", &admin_).body.at("total"), 0);
  Reply no_factor = Post("/api/v1/programmes", [&] {
    auto body = Design();
    body["factors"] = json::array{};
    return body;
  }(), officer_);
  EXPECT_TRUE(HasFieldError(no_factor, "factors", "required")) << no_factor;
}

TEST_P(Programmes, ItMovesFromDraftToActiveToClosedOnlyAndAClosedOneDoesNotChange) {
  std::int64_t id = Designed();
  Reply back = Patch(Path(id), {{"status", "closed"}}, officer_);
  EXPECT_TRUE(HasFieldError(back, "status", "invalid_transition")) << back;
  Reply active = Patch(Path(id), {{"status", "active"}, {"budget", 200000000}}, officer_);
  ASSERT_EQ(active.status(), 200) << active;
  EXPECT_EQ(active.body.at("status"), "active");
  EXPECT_EQ(active.body.at("budget"), 200000000);
  EXPECT_EQ(active.body.at("partners").as_array().size(), 2u) << "a patch without partners keeps them";
  Reply draft = Patch(Path(id), {{"status", "draft"}}, officer_);
  EXPECT_TRUE(HasFieldError(draft, "status", "invalid_transition")) << draft;
  Reply by_partner = Patch(Path(id), {{"name", "Lain"}}, partner_);
  EXPECT_EQ(by_partner.status(), 403) << by_partner;
  Reply closed = Patch(Path(id), {{"status", "closed"}}, officer_);
  ASSERT_EQ(closed.status(), 200) << closed;
  Reply renamed = Patch(Path(id), {{"name", "Lain"}}, officer_);
  EXPECT_EQ(renamed.status(), 409) << renamed;
  EXPECT_EQ(Get(Path(id), &officer_).body.at("name"), "Pemberdayaan Kelompok Tape Ngajum");
}

TEST_P(Programmes, EachCallerSeesOnlyTheProgrammesSheOwnsPartnersInFacilitatesOrIsEnrolledIn) {
  ASSERT_NO_FATAL_FAILURE(SeedGroup());
  std::int64_t id = Designed();
  ASSERT_EQ(id, 1) << "the harness's facilitator is scoped to programme 1";
  EXPECT_EQ(Get("/api/v1/programmes", &officer_).body.at("total"), 1);
  Reply partner = Get(Path(id), &partner_);
  ASSERT_EQ(partner.status(), 200) << partner;
  EXPECT_EQ(partner.body.at("can_manage"), false);
  EXPECT_EQ(Get("/api/v1/programmes", &partner_).body.at("total"), 1);
  EXPECT_EQ(Get(Path(id), &stranger_).status(), 404) << "a programme out of reach does not exist for her";
  EXPECT_EQ(Get("/api/v1/programmes", &stranger_).body.at("total"), 0);
  EXPECT_EQ(Get(Path(id), &facilitator_).status(), 200);
  EXPECT_EQ(Get("/api/v1/programmes", &facilitator_).body.at("total"), 1);
  EXPECT_EQ(Get(Path(id), &group_member_).status(), 404) << "not enrolled yet";
  EXPECT_EQ(Get("/api/v1/programmes", &group_member_).body.at("total"), 0);

  Reply enrolled = Post(Path(id, "/enrolments"), {{"group_id", 1}, {"outside_criteria_reason", "Belum ada usaha tercatat."}},
                        officer_);
  ASSERT_EQ(enrolled.status(), 201) << enrolled;
  EXPECT_EQ(Get(Path(id), &group_member_).status(), 200) << "her group is enrolled";
  EXPECT_EQ(Get("/api/v1/programmes", &group_member_).body.at("total"), 1);
  Reply mine = Get(Path(id, "/enrolments"), &group_member_);
  ASSERT_EQ(mine.status(), 200) << mine;
  EXPECT_EQ(mine.body.at("total"), 1);
  EXPECT_EQ(Post(Path(id, "/enrolments"), {{"group_id", 1}}, group_member_).status(), 403);
  EXPECT_EQ(Get(Path(999), &admin_).status(), 404);
}

TEST_P(Programmes, AGroupOutsideTheCriteriaIsEnrolledOnlyWithAWrittenReasonAndIsFlagged) {
  ASSERT_NO_FATAL_FAILURE(SeedGroup());
  std::int64_t id = Designed();
  // No member's enterprise is recorded yet: the group cannot be shown to be homogeneous.
  Reply check = Get(Path(id, "/eligibility?group_id=1"), &officer_);
  ASSERT_EQ(check.status(), 200) << check;
  EXPECT_EQ(check.body.at("eligible"), false);
  std::map<std::string, bool> met;
  for (const auto& c : check.body.at("checks").as_array()) met[std::string(c.at("criterion").as_string())] = c.at("met").as_bool();
  EXPECT_EQ(met, (std::map<std::string, bool>{{"region", true}, {"sector", true}, {"founded_within_years", true},
                                                {"homogeneous", false}}));
  Reply refused = Post(Path(id, "/enrolments"), {{"group_id", 1}}, officer_);
  EXPECT_TRUE(HasFieldError(refused, "outside_criteria_reason", "required_outside_criteria")) << refused;
  EXPECT_EQ(Get(Path(id, "/enrolments"), &officer_).body.at("total"), 0) << "nothing written";

  // Two members with tape shops: homogeneous, so it qualifies and needs no reason.
  ASSERT_NO_FATAL_FAILURE(GiveEnterprise(leader_, "food_processing"));
  ASSERT_NO_FATAL_FAILURE(GiveEnterprise(member_, "food_processing"));
  EXPECT_EQ(Get(Path(id, "/eligibility?group_id=1"), &officer_).body.at("eligible"), true);
  Reply needless = Post(Path(id, "/enrolments"), {{"group_id", 1}, {"outside_criteria_reason", "karena"}}, officer_);
  EXPECT_TRUE(HasFieldError(needless, "outside_criteria_reason", "not_outside_criteria")) << needless;
  Reply enrolled = Post(Path(id, "/enrolments"), {{"group_id", 1}, {"facilitator_id", UserId("facilitator")},
                                                  {"enrolled_on", "2026-01-05"}},
                        officer_);
  ASSERT_EQ(enrolled.status(), 201) << enrolled;
  EXPECT_EQ(enrolled.body.at("outside_criteria"), false);
  EXPECT_EQ(enrolled.body.at("recipient_name"), "Harapan Sejahtera");
  EXPECT_EQ(enrolled.body.at("facilitator").at("id"), UserId("facilitator"));
  EXPECT_EQ(enrolled.body.at("eligibility").at("eligible"), true);
  Reply twice = Post(Path(id, "/enrolments"), {{"group_id", 1}}, officer_);
  EXPECT_EQ(twice.status(), 409) << twice;

  // A batik shop among them: no longer homogeneous.
  ASSERT_NO_FATAL_FAILURE(GiveEnterprise(other_, "batik"));
  EXPECT_EQ(Get(Path(id, "/eligibility?group_id=1"), &officer_).body.at("eligible"), false);

  // A batik enterprise of Kota Batu meets neither region nor sector: enrolled with a reason, flagged.
  Reply batik = Post("/api/v1/enterprises",
                     {{"owner_id", PersonOf(secretary_)}, {"name", "Batik Sutini"}, {"sector", "batik"},
                      {"village_code", "35.79.01.1001"}, {"founded_year", 2024}},
                     officer_);
  ASSERT_EQ(batik.status(), 201) << batik;
  Reply outside = Post(Path(id, "/enrolments"),
                       {{"enterprise_id", batik.body.at("id")},
                        {"outside_criteria_reason", "Pemasok kain untuk kemasan kelompok."}},
                       officer_);
  ASSERT_EQ(outside.status(), 201) << outside;
  EXPECT_EQ(outside.body.at("outside_criteria"), true);
  Reply flagged = Get(Path(id, "/enrolments?outside_criteria=true"), &officer_);
  ASSERT_EQ(flagged.body.at("total"), 1) << flagged;
  EXPECT_EQ(flagged.body.at("items").as_array()[0].at("recipient_name"), "Batik Sutini");
  EXPECT_EQ(Get(Path(id, "/enrolments"), &officer_).body.at("total"), 2);

  Reply both = Post(Path(id, "/enrolments"), {{"group_id", 1}, {"enterprise_id", batik.body.at("id")}}, officer_);
  EXPECT_TRUE(HasFieldError(both, "enterprise_id", "one_of")) << both;
  Reply missing = Post(Path(id, "/enrolments"), {{"group_id", 999}}, officer_);
  EXPECT_TRUE(HasFieldError(missing, "group_id", "not_found")) << missing;
}

TEST_P(Programmes, AFacilitatorMustFacilitateThisProgrammeAndAnEnrolmentLeavesAfterItBegan) {
  ASSERT_NO_FATAL_FAILURE(SeedGroup());
  std::int64_t id = Designed();
  Reply by_admin = Post(Path(id, "/enrolments"),
                        {{"group_id", 1}, {"facilitator_id", UserId("admin")}, {"outside_criteria_reason", "uji"}},
                        officer_);
  EXPECT_TRUE(HasFieldError(by_admin, "facilitator_id", "not_facilitator")) << by_admin;
  Reply enrolled = Post(Path(id, "/enrolments"),
                        {{"group_id", 1}, {"enrolled_on", "2026-01-05"}, {"outside_criteria_reason", "uji"}}, officer_);
  ASSERT_EQ(enrolled.status(), 201) << enrolled;
  std::string enrolment = "/api/v1/enrolments/" + std::to_string(enrolled.body.at("id").as_int64());
  Reply early = Patch(enrolment, {{"left_on", "2025-12-31"}}, officer_);
  EXPECT_TRUE(HasFieldError(early, "left_on", "before_enrolment")) << early;
  Reply moved = Patch(enrolment, {{"group_id", 2}}, officer_);
  EXPECT_TRUE(HasFieldError(moved, "group_id", "immutable")) << moved;
  Reply left = Patch(enrolment, {{"left_on", "2026-06-30"}, {"facilitator_id", UserId("facilitator")}}, officer_);
  ASSERT_EQ(left.status(), 200) << left;
  EXPECT_EQ(left.body.at("left_on"), "2026-06-30");
  EXPECT_EQ(Get(Path(id, "/enrolments?current=true"), &officer_).body.at("total"), 0);
  EXPECT_EQ(Get(Path(id, "/enrolments"), &officer_).body.at("total"), 1);
  EXPECT_EQ(Patch(enrolment, {{"left_on", nullptr}}, partner_).status(), 403);
  EXPECT_EQ(Patch(enrolment, {{"left_on", nullptr}}, stranger_).status(), 404);
}

TEST_P(Programmes, AnOfficerPicksAnEnrolmentsFacilitatorFromTheProgrammesActiveFacilitatorsOnly) {
  std::int64_t id = Designed();
  ASSERT_EQ(id, 1) << "the harness's facilitator is scoped to programme 1";
  ASSERT_EQ(Designed(), 2);
  std::int64_t ani = AddFacilitator("ani", "Ani Pendamping", 1);
  std::int64_t gone = AddFacilitator("gone", "Bu Lama", 1);
  ASSERT_NE(ani, 0);
  ASSERT_NE(gone, 0);
  ASSERT_NE(AddFacilitator("elsewhere", "Budi Program Dua", 2), 0);
  domain::accounts::UserPatch disable;
  disable.disabled = true;
  ASSERT_TRUE(services().accounts.UpdateUser(domain::accounts::Context::System(), gone, disable).ok());

  Reply listed = Get(Path(id, "/facilitators"), &officer_);
  ASSERT_EQ(listed.status(), 200) << listed;
  std::vector<std::string> names;
  for (const auto& item : listed.body.at("items").as_array()) names.emplace_back(item.at("name").as_string());
  ASSERT_EQ(names.size(), 2u) << listed;
  EXPECT_EQ(names[0], "Ani Pendamping") << "by name; the disabled one and programme 2's are not offered";
  EXPECT_EQ(listed.body.at("items").as_array()[0].at("id"), ani);
  EXPECT_EQ(listed.body.at("items").as_array()[1].at("id"), UserId("facilitator"));
  EXPECT_EQ(Get(Path(id, "/facilitators"), &admin_).body, listed.body);
  EXPECT_EQ(Get(Path(id, "/facilitators"), &partner_).status(), 403) << "a partner does not enrol";
  EXPECT_EQ(Get(Path(id, "/facilitators"), &stranger_).status(), 404);
  EXPECT_EQ(Get(Path(id, "/facilitators"), &facilitator_).status(), 403);
  EXPECT_EQ(Get(Path(99, "/facilitators"), &officer_).status(), 404);

  ASSERT_NO_FATAL_FAILURE(SeedGroup());
  Reply disabled = Post(Path(id, "/enrolments"),
                        {{"group_id", 1}, {"facilitator_id", gone}, {"outside_criteria_reason", "uji"}}, officer_);
  EXPECT_TRUE(HasFieldError(disabled, "facilitator_id", "not_facilitator")) << disabled;
  Reply named = Post(Path(id, "/enrolments"),
                     {{"group_id", 1}, {"facilitator_id", ani}, {"outside_criteria_reason", "uji"}}, officer_);
  ASSERT_EQ(named.status(), 201) << named;
  EXPECT_EQ(named.body.at("facilitator").at("name"), "Ani Pendamping");
}

TEST_P(Programmes, AFacilitatorReachesAGroupHerProgrammeEnrolsOnlyWhileItIsEnrolled) {
  ASSERT_NO_FATAL_FAILURE(SeedGroup());  // formed by programme 1
  ASSERT_EQ(Designed(), 1);
  std::int64_t id = Designed();
  ASSERT_EQ(id, 2);
  ASSERT_NE(AddFacilitator("pendamping_dua", "pendamping_dua", id), 0);
  Browser second = Login("pendamping_dua");
  EXPECT_EQ(Get("/api/v1/groups/1", &second).status(), 403) << "programme 2 neither formed nor enrolled it";
  EXPECT_EQ(Get("/api/v1/groups", &second).body.at("total"), 0);
  Reply enrolled = Post(Path(id, "/enrolments"),
                        {{"group_id", 1}, {"enrolled_on", "2026-01-05"}, {"outside_criteria_reason", "uji"}}, officer_);
  ASSERT_EQ(enrolled.status(), 201) << enrolled;
  EXPECT_EQ(Get("/api/v1/groups/1", &second).status(), 200);
  Reply listed = Get("/api/v1/groups", &second);
  ASSERT_EQ(listed.body.at("total"), 1) << listed;
  EXPECT_EQ(listed.body.at("items").as_array()[0].at("name"), "Harapan Sejahtera");
  EXPECT_EQ(Get("/api/v1/groups/1/members", &second).status(), 200);
  EXPECT_EQ(Get("/api/v1/groups/1", &facilitator_).status(), 200) << "programme 1 formed it";
  Reply left = Patch("/api/v1/enrolments/" + std::to_string(enrolled.body.at("id").as_int64()),
                     {{"left_on", "2026-06-30"}}, officer_);
  ASSERT_EQ(left.status(), 200) << left;
  EXPECT_EQ(Get("/api/v1/groups/1", &second).status(), 403) << "the group has left the programme";
  EXPECT_EQ(Get("/api/v1/groups", &second).body.at("total"), 0);
}

TEST_P(Programmes, NobodyIsEnrolledInAClosedProgramme) {
  ASSERT_NO_FATAL_FAILURE(SeedGroup());
  std::int64_t id = Designed();
  ASSERT_EQ(Patch(Path(id), {{"status", "active"}}, officer_).status(), 200);
  ASSERT_EQ(Patch(Path(id), {{"status", "closed"}}, officer_).status(), 200);
  Reply refused = Post(Path(id, "/enrolments"), {{"group_id", 1}, {"outside_criteria_reason", "uji"}}, officer_);
  EXPECT_EQ(refused.status(), 409) << refused;
  EXPECT_TRUE(HasFieldError(refused, "programme_id", "programme_closed")) << refused;
  EXPECT_EQ(Get(Path(id, "/enrolments"), &officer_).body.at("total"), 0);
}

}  // namespace
}  // namespace gotong::api_tests
