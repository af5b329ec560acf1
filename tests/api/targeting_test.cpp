// Equitable targeting (issue 15): candidates that meet every criterion ranked by need with their
// reasons, rounds frozen against later registry edits, overlapping rounds refused, the officer's
// confirmation that enrols, the explanation of a decision, household categories only for those who
// may see them, and every wrong field named with nothing written.
//
// Today is 5 January 2026. Stakeholders: 1 Dinas Koperasi (the harness's officer), 2 Bank Jatim.
// Programme 1 "Modal Usaha Mikro" (Dinas; the harness's facilitator's), active 2025–2026, asks for
// Kabupaten Malang (35.07) and food processing.
#include "api/group_fixture.hpp"
#include "domain/accounts/account_service.hpp"

namespace gotong::api_tests {
namespace {

class Targeting : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    facilitator_ = Login("facilitator");
    Reply bank = Post("/api/v1/stakeholders",
                      json::object{{"name", "Bank Jatim Cabang Batu"}, {"helix", "business"}, {"kind", "bank"}},
                      admin_);
    ASSERT_EQ(bank.status(), 201) << bank;
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programmes (name, search_name, owner_id, status, starts_on, ends_on, capital_access, "
        "human_resources, partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, "
        "budget, follow_up_months, created_at, updated_at) VALUES ('Modal Usaha Mikro', 'modal usaha mikro', 1, "
        "'active', '2025-01-01', '2026-12-31', 1, 0, 0, 0, 1, 0, 100000000, '3', '2025-01-01T00:00:00Z', "
        "'2025-01-01T00:00:00Z')"));
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, position) VALUES "
        "(1, 1, 'owner', 'government', 0)"));
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programme_criteria (programme_id, kind, value) VALUES (1, 'region', '35.07'), "
        "(1, 'sector', 'food_processing')"));
    domain::accounts::NewUser input;
    input.username = "petugas_bank";
    input.role = "officer";
    input.password = kPassword;
    input.scope = domain::accounts::ScopeInput{"stakeholder", 2};
    ASSERT_TRUE(services().accounts.CreateUser(domain::accounts::Context::System(), input).ok());
    bank_officer_ = Login("petugas_bank");

    // Tape Bu Siti: micro, a poor household, never assisted: 20 + 25 + 30 = 75.
    tape_ = Enterprise("Tape Bu Siti", "Siti Aminah", "food_processing", 100'000'000);
    Reply poor = Patch("/api/v1/people/" + std::to_string(Owner(tape_)),
                       {{"categories", json::array{json::object{{"category", "poor"},
                                                                {"since", "2024-01-01"},
                                                                {"source", "DTKS 2024"}}}}},
                       officer_);
    ASSERT_EQ(poor.status(), 200) << poor;
    // Keripik Pak Budi: micro, Rp 12.000.000 from 2 providers in 2025: 20 − 12 + 2 = 10.
    keripik_ = Enterprise("Keripik Pak Budi", "Budi Santoso", "food_processing", 150'000'000);
    Assist(keripik_, 1, 6'000'000);
    Assist(keripik_, 2, 6'000'000);
    // Batik Sekar Arum: another sector, so not a candidate.
    batik_ = Enterprise("Batik Sekar Arum", "Rina Wati", "batik", 80'000'000);
    // Tempe Bu Sri: qualifies but is enrolled already.
    tempe_ = Enterprise("Tempe Bu Sri", "Sri Rahayu", "food_processing", 90'000'000);
    Reply enrolled = Post("/api/v1/programmes/1/enrolments", {{"enterprise_id", tempe_}}, officer_);
    ASSERT_EQ(enrolled.status(), 201) << enrolled;
  }

  std::int64_t Enterprise(const std::string& name, const std::string& owner, const std::string& sector,
                          std::int64_t turnover) {
    Reply reply = Post("/api/v1/enterprises",
                       json::object{{"owner", {{"name", owner}}},
                                    {"name", name},
                                    {"sector", sector},
                                    {"village_code", kBanjarsari},
                                    {"founded_year", 2015},
                                    {"turnover", turnover},
                                    {"steward_id", 1}},
                       admin_);
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  }

  std::int64_t Owner(std::int64_t enterprise) {
    Reply reply = Get("/api/v1/enterprises/" + std::to_string(enterprise), &admin_);
    EXPECT_EQ(reply.status(), 200) << reply;
    return reply.status() == 200 ? reply.body.at("owner").at("id").as_int64() : 0;
  }

  void Assist(std::int64_t enterprise, std::int64_t provider, std::int64_t value) {
    Reply reply = Post("/api/v1/assistance",
                       {{"provider_id", provider},
                        {"enterprise_id", enterprise},
                        {"kind", "grant"},
                        {"value", value},
                        {"given_on", "2025-06-01"}},
                       admin_);
    EXPECT_EQ(reply.status(), 201) << reply;
  }

  Reply Round(const std::string& opens, const std::string& closes, std::optional<std::int64_t> quota,
              const Browser& as) {
    json::object body{{"opens_on", opens}, {"closes_on", closes}};
    if (quota) body["quota"] = *quota;
    return Post("/api/v1/programmes/1/rounds", body, as);
  }

  std::int64_t Rows(const std::string& table) {
    auto count = test_database().QueryInt("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(count.ok());
    return count.ok() ? *count : -1;
  }

  static std::vector<std::int64_t> Ids(const Reply& reply) {
    std::vector<std::int64_t> ids;
    for (const auto& item : reply.body.at("items").as_array()) ids.push_back(item.at("id").as_int64());
    return ids;
  }

  static std::vector<std::string> Labels(const json::value& item) {
    std::vector<std::string> labels;
    for (const auto& term : item.at("terms").as_array()) labels.emplace_back(term.at("label").as_string());
    return labels;
  }

  Browser facilitator_, bank_officer_;
  std::int64_t tape_ = 0, keripik_ = 0, batik_ = 0, tempe_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Targeting);

TEST_P(Targeting, CandidatesAreTheQualifiedNotEnrolledRankedByNeedWithTheirReasons) {
  Reply candidates = Get("/api/v1/programmes/1/candidates", &officer_);
  ASSERT_EQ(candidates.status(), 200) << candidates;
  EXPECT_EQ(candidates.body.at("total"), 2);
  EXPECT_EQ(Ids(candidates), (std::vector<std::int64_t>{tape_, keripik_}));
  const auto& first = candidates.body.at("items").as_array()[0];
  EXPECT_EQ(first.at("rank"), 1);
  EXPECT_EQ(first.at("score"), 75);
  EXPECT_EQ(Labels(first), (std::vector<std::string>{"usaha mikro +20", "rumah tangga miskin (DTKS) +25",
                                                     "belum pernah menerima bantuan +30"}));
  EXPECT_EQ(first.at("eligibility").at("eligible"), true);
  EXPECT_EQ(first.at("eligibility").at("checks").as_array().size(), 2u);
  EXPECT_EQ(first.at("facts").at("categories"), json::array{"poor"});
  const auto& second = candidates.body.at("items").as_array()[1];
  EXPECT_EQ(second.at("score"), 10);
  EXPECT_EQ(Labels(second), (std::vector<std::string>{"usaha mikro +20",
                                                      "menerima Rp 12.000.000 dari 2 penyedia \xE2\x88\x92" "12",
                                                      "bantuan terakhir 1 tahun lalu +2"}));
  EXPECT_EQ(second.at("facts").at("received").at("value"), 12'000'000);
  EXPECT_EQ(second.at("facts").at("received").at("providers"), 2);

  // Paged and filtered.
  Reply page = Get("/api/v1/programmes/1/candidates?limit=1&offset=1", &officer_);
  ASSERT_EQ(page.status(), 200) << page;
  EXPECT_EQ(Ids(page), std::vector<std::int64_t>{keripik_});
  EXPECT_EQ(page.body.at("items").as_array()[0].at("rank"), 2);
  EXPECT_EQ(Get("/api/v1/programmes/1/candidates?region=35.79", &officer_).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/programmes/1/candidates?kind=group", &officer_).status(), 200);

  // Only those who manage the programme list its candidates.
  EXPECT_EQ(Get("/api/v1/programmes/1/candidates", &facilitator_).status(), 403);
  EXPECT_EQ(Get("/api/v1/programmes/1/candidates", &bank_officer_).status(), 404);
  EXPECT_EQ(Get("/api/v1/programmes/1/candidates", &admin_).status(), 200);
}

TEST_P(Targeting, ARoundFreezesItsListAgainstLaterRegistryEdits) {
  Reply round = Round("2026-02-01", "2026-03-31", 1, officer_);
  ASSERT_EQ(round.status(), 201) << round;
  const std::int64_t id = round.body.at("id").as_int64();
  const std::string path = "/api/v1/programmes/1/rounds/" + std::to_string(id);
  EXPECT_EQ(round.header("Location"), path);
  EXPECT_EQ(round.body.at("status"), "draft");
  EXPECT_EQ(round.body.at("candidate_count"), 2);
  EXPECT_EQ(round.body.at("selected_count"), 1);
  EXPECT_EQ(round.body.at("cut_score"), 75);

  // The registry changes: Bu Siti's turnover makes her small and her household leaves the register.
  Reply edit = Patch("/api/v1/enterprises/" + std::to_string(tape_), {{"turnover", 3'000'000'000LL}}, admin_);
  ASSERT_EQ(edit.status(), 200) << edit;
  Reply cleared = Patch("/api/v1/people/" + std::to_string(Owner(tape_)), {{"categories", nullptr}}, admin_);
  ASSERT_EQ(cleared.status(), 200) << cleared;
  Reply now = Get("/api/v1/programmes/1/candidates", &officer_);
  EXPECT_EQ(now.body.at("items").as_array()[0].at("score"), 40);  // small 10 + never assisted 30

  Reply frozen = Get(path + "/beneficiaries", &officer_);
  ASSERT_EQ(frozen.status(), 200) << frozen;
  ASSERT_EQ(frozen.body.at("total"), 1);
  const auto& selected = frozen.body.at("items").as_array()[0];
  EXPECT_EQ(selected.at("id"), tape_);
  EXPECT_EQ(selected.at("position"), 1);
  EXPECT_EQ(selected.at("score"), 75);
  EXPECT_EQ(selected.at("facts").at("scale"), "micro");
  EXPECT_EQ(Labels(selected), (std::vector<std::string>{"usaha mikro +20", "rumah tangga miskin (DTKS) +25",
                                                        "belum pernah menerima bantuan +30"}));

  // The explanation: selected from the frozen facts; not selected from the registry now.
  Reply yes = Get(path + "/decision?enterprise_id=" + std::to_string(tape_), &officer_);
  ASSERT_EQ(yes.status(), 200) << yes;
  EXPECT_EQ(yes.body.at("selected"), true);
  EXPECT_EQ(yes.body.at("reason"), "selected");
  EXPECT_EQ(yes.body.at("facts_from"), "frozen");
  EXPECT_EQ(yes.body.at("position"), 1);
  EXPECT_EQ(yes.body.at("score"), 75);
  Reply below = Get(path + "/decision?enterprise_id=" + std::to_string(keripik_), &officer_);
  ASSERT_EQ(below.status(), 200) << below;
  EXPECT_EQ(below.body.at("selected"), false);
  EXPECT_EQ(below.body.at("reason"), "below_cut");
  EXPECT_EQ(below.body.at("score"), 10);
  EXPECT_EQ(below.body.at("cut_score"), 75);
  Reply unmet = Get(path + "/decision?enterprise_id=" + std::to_string(batik_), &officer_);
  ASSERT_EQ(unmet.status(), 200) << unmet;
  EXPECT_EQ(unmet.body.at("reason"), "criteria_unmet");
  bool sector_unmet = false;
  for (const auto& check : unmet.body.at("eligibility").at("checks").as_array()) {
    if (check.at("criterion") == "sector") sector_unmet = check.at("met") == false && check.at("found") == "batik";
  }
  EXPECT_TRUE(sector_unmet) << unmet;
  Reply enrolled = Get(path + "/decision?enterprise_id=" + std::to_string(tempe_), &officer_);
  EXPECT_EQ(enrolled.body.at("reason"), "enrolled");
  EXPECT_EQ(Get(path + "/decision?enterprise_id=" + std::to_string(tape_), &facilitator_).status(), 403);
  EXPECT_TRUE(HasFieldError(Get(path + "/decision", &officer_), "enterprise_id", "one_of"));
  EXPECT_TRUE(HasFieldError(Get(path + "/decision?enterprise_id=99999", &officer_), "enterprise_id", "not_found"));
  EXPECT_TRUE(HasFieldError(Get(path + "/decision?group_id=1", &officer_), "group_id", "wrong_kind"));
}

TEST_P(Targeting, AnOverlappingRoundIsRefusedAndNothingIsWritten) {
  ASSERT_EQ(Round("2026-02-01", "2026-03-31", std::nullopt, officer_).status(), 201);
  const std::int64_t rounds = Rows("targeting_rounds"), beneficiaries = Rows("round_beneficiaries");
  EXPECT_EQ(beneficiaries, 2);
  Reply overlapping = Round("2026-03-31", "2026-04-30", 1, officer_);
  EXPECT_EQ(overlapping.status(), 409) << overlapping;
  EXPECT_TRUE(HasFieldError(overlapping, "opens_on", "overlapping_round")) << overlapping;
  EXPECT_EQ(Rows("targeting_rounds"), rounds);
  EXPECT_EQ(Rows("round_beneficiaries"), beneficiaries);
  EXPECT_EQ(Rows("round_criteria"), 2);
  // A cancelled draft no longer holds its period.
  Reply list = Get("/api/v1/programmes/1/rounds", &officer_);
  ASSERT_EQ(list.status(), 200) << list;
  const std::int64_t first = list.body.at("items").as_array()[0].at("id").as_int64();
  Reply cancelled = Post("/api/v1/programmes/1/rounds/" + std::to_string(first) + "/cancel", {}, officer_);
  ASSERT_EQ(cancelled.status(), 200) << cancelled;
  EXPECT_EQ(cancelled.body.at("status"), "cancelled");
  EXPECT_EQ(Round("2026-03-31", "2026-04-30", 1, officer_).status(), 201);
  EXPECT_EQ(Post("/api/v1/programmes/1/rounds/" + std::to_string(first) + "/cancel", {}, officer_).status(), 409);
}

TEST_P(Targeting, AListOfRoundsShowsEachRoundTheCriteriaItFroze) {
  ASSERT_EQ(Round("2026-02-01", "2026-03-31", std::nullopt, officer_).status(), 201);
  // The programme narrows its criteria to micro enterprises; the next round freezes that.
  ASSERT_OK(test_database().Execute(
      "INSERT INTO programme_criteria (programme_id, kind, value) VALUES (1, 'scale', 'micro')"));
  Reply later = Round("2026-04-01", "2026-04-30", std::nullopt, officer_);
  ASSERT_EQ(later.status(), 201) << later;

  Reply list = Get("/api/v1/programmes/1/rounds", &officer_);
  ASSERT_EQ(list.status(), 200) << list;
  const auto& items = list.body.at("items").as_array();
  ASSERT_EQ(items.size(), 2U) << list;
  // Newest first: the later round froze the micro scale, the first did not.
  EXPECT_EQ(items[0].at("opens_on"), "2026-04-01");
  EXPECT_EQ(items[0].at("criteria").at("scales"), json::array({"micro"}));
  EXPECT_EQ(items[1].at("opens_on"), "2026-02-01");
  EXPECT_TRUE(items[1].at("criteria").at("scales").as_array().empty()) << list;
  for (const auto& item : items) {
    EXPECT_EQ(item.at("criteria").at("region_codes"), json::array({"35.07"})) << item;
    EXPECT_EQ(item.at("criteria").at("sectors"), json::array({"food_processing"})) << item;
  }
}

TEST_P(Targeting, AManagerConfirmsARoundByItsCountAndItsBeneficiariesAreEnrolled) {
  Reply round = Round("2026-02-01", "2026-03-31", 1, officer_);
  ASSERT_EQ(round.status(), 201) << round;
  const std::string path = "/api/v1/programmes/1/rounds/" + std::to_string(round.body.at("id").as_int64());
  EXPECT_EQ(Post(path + "/confirm", {{"count", 1}}, facilitator_).status(), 403);
  EXPECT_EQ(Post(path + "/confirm", {{"count", 1}}, bank_officer_).status(), 404);
  Reply wrong = Post(path + "/confirm", {{"count", 2}}, officer_);
  EXPECT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "count", "count_mismatch")) << wrong;
  EXPECT_TRUE(HasFieldError(Post(path + "/confirm", {}, officer_), "count", "required"));
  EXPECT_EQ(Rows("enrolments"), 1);

  Reply confirmed = Post(path + "/confirm", {{"count", 1}}, officer_);
  ASSERT_EQ(confirmed.status(), 200) << confirmed;
  EXPECT_EQ(confirmed.body.at("status"), "confirmed");
  EXPECT_EQ(confirmed.body.at("enrolled_count"), 1);
  Reply enrolments = Get("/api/v1/programmes/1/enrolments", &officer_);
  ASSERT_EQ(enrolments.status(), 200) << enrolments;
  EXPECT_EQ(enrolments.body.at("total"), 2);
  EXPECT_EQ(enrolments.body.at("items").as_array()[1].at("enterprise_id"), tape_);
  // Final: neither confirmed again nor cancelled.
  EXPECT_EQ(Post(path + "/confirm", {{"count", 1}}, officer_).status(), 409);
  EXPECT_EQ(Post(path + "/cancel", {}, officer_).status(), 409);
  // Bu Siti is enrolled now: no longer a candidate.
  EXPECT_EQ(Ids(Get("/api/v1/programmes/1/candidates", &officer_)), std::vector<std::int64_t>{keripik_});
  Reply log = Get("/api/v1/audit?entity=targeting_round", &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  EXPECT_EQ(log.body.at("total"), 2);  // made, confirmed
}

TEST_P(Targeting, EveryWrongFieldIsNamedAndNothingIsWritten) {
  Reply wrong = Post("/api/v1/programmes/1/rounds",
                     {{"kind", "person"},
                      {"opens_on", "2024-12-01"},
                      {"closes_on", "31-03-2026"},
                      {"quota", 0},
                      {"region", "Batu"},
                      {"sector", "spaceships"}},
                     officer_);
  EXPECT_EQ(wrong.status(), 400) << wrong;
  for (const auto& [field, code] : std::vector<std::pair<std::string, std::string>>{
           {"kind", "invalid_value"}, {"opens_on", "outside_programme"}, {"closes_on", "invalid_format"},
           {"quota", "out_of_range"}, {"region", "invalid_format"}, {"sector", "invalid_value"}}) {
    EXPECT_TRUE(HasFieldError(wrong, field, code)) << field << " " << code << ": " << wrong;
  }
  Reply reversed = Round("2026-03-01", "2026-02-01", std::nullopt, officer_);
  EXPECT_TRUE(HasFieldError(reversed, "closes_on", "before_opens")) << reversed;
  Reply late = Round("2026-12-01", "2027-01-31", std::nullopt, officer_);
  EXPECT_TRUE(HasFieldError(late, "closes_on", "outside_programme")) << late;
  EXPECT_TRUE(HasFieldError(Post("/api/v1/programmes/1/rounds", {}, officer_), "opens_on", "required"));
  EXPECT_EQ(Round("2026-02-01", "2026-03-31", 1, facilitator_).status(), 403);
  EXPECT_EQ(Rows("targeting_rounds"), 0);
  EXPECT_TRUE(HasFieldError(Get("/api/v1/programmes/1/candidates?kind=person", &officer_), "kind", "invalid_value"));
  EXPECT_TRUE(HasFieldError(Get("/api/v1/programmes/1/rounds?status=open", &officer_), "status", "invalid_value"));
}

TEST_P(Targeting, HouseholdCategoriesAreSeenAndSetOnlyByAdminsAndTheStewardsOfficers) {
  const std::string person = "/api/v1/people/" + std::to_string(Owner(tape_));
  Reply by_admin = Get(person, &admin_);
  ASSERT_EQ(by_admin.status(), 200) << by_admin;
  ASSERT_TRUE(by_admin.body.as_object().contains("categories")) << by_admin;
  const auto& category = by_admin.body.at("categories").as_array()[0];
  EXPECT_EQ(category.at("category"), "poor");
  EXPECT_EQ(category.at("since"), "2024-01-01");
  EXPECT_EQ(category.at("source"), "DTKS 2024");
  EXPECT_TRUE(Get(person, &officer_).body.as_object().contains("categories"));
  Reply by_facilitator = Get(person, &facilitator_);
  ASSERT_EQ(by_facilitator.status(), 200) << by_facilitator;
  EXPECT_FALSE(by_facilitator.body.as_object().contains("categories")) << by_facilitator;
  Reply by_bank = Get(person, &bank_officer_);
  ASSERT_EQ(by_bank.status(), 200) << by_bank;
  EXPECT_FALSE(by_bank.body.as_object().contains("categories")) << by_bank;
  Reply listed = Get("/api/v1/people?q=siti", &bank_officer_);
  ASSERT_EQ(listed.status(), 200) << listed;
  for (const auto& item : listed.body.at("items").as_array()) EXPECT_FALSE(item.as_object().contains("categories"));
  EXPECT_EQ(Patch(person, {{"categories", json::array{json::object{{"category", "zakat_recipient"}}}}}, bank_officer_)
                .status(),
            403);

  Reply wrong = Patch(person,
                      {{"categories", json::array{json::object{{"category", "rich"}},
                                                  json::object{{"category", "poor"}, {"since", "2099-01-01"}}}}},
                      officer_);
  EXPECT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "categories[0].category", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "categories[1].since", "in_future")) << wrong;
  Reply both = Patch(person,
                     {{"categories", json::array{json::object{{"category", "zakat_recipient"}, {"source", "BAZNAS"}},
                                                 json::object{{"category", "poor"}}}}},
                     officer_);
  ASSERT_EQ(both.status(), 200) << both;
  EXPECT_EQ(both.body.at("categories").as_array().size(), 2u);
  // Audited under its own entity, not in the person's history that every registry reader sees.
  Reply log = Get("/api/v1/audit?entity=household_categories", &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  EXPECT_EQ(log.body.at("total"), 2);
  Reply history = Get(person + "/history", &facilitator_);
  ASSERT_EQ(history.status(), 200) << history;
  EXPECT_EQ(json::serialize(history.body).find("DTKS"), std::string::npos);
}

TEST_P(Targeting, AMemberReadsWhyTheConfirmedRoundsSelectedHerOrNot) {
  SeedGroup();
  ASSERT_FALSE(HasFatalFailure());
  auto person = test_database().QueryInt("SELECT person_id FROM memberships WHERE user_id = " +
                                         std::to_string(UserId("member")));
  ASSERT_TRUE(person.ok());
  Reply own = Post("/api/v1/enterprises",
                   json::object{{"owner_id", *person},
                                {"name", "Tape Painem"},
                                {"sector", "food_processing"},
                                {"village_code", kBanjarsari},
                                {"turnover", 50'000'000},
                                {"steward_id", 1}},
                   admin_);
  ASSERT_EQ(own.status(), 201) << own;
  const std::int64_t painem = own.body.at("id").as_int64();
  Reply round = Round("2026-02-01", "2026-03-31", 1, officer_);
  ASSERT_EQ(round.status(), 201) << round;
  Browser member = Login("member");
  Reply none = Get("/api/v1/me/selections", &member);
  ASSERT_EQ(none.status(), 200) << none;
  EXPECT_TRUE(none.body.at("items").as_array().empty());  // a draft decides nothing yet
  const std::string path = "/api/v1/programmes/1/rounds/" + std::to_string(round.body.at("id").as_int64());
  ASSERT_EQ(Post(path + "/confirm", {{"count", 1}}, officer_).status(), 200);
  Reply mine = Get("/api/v1/me/selections", &member);
  ASSERT_EQ(mine.status(), 200) << mine;
  ASSERT_EQ(mine.body.at("items").as_array().size(), 1u) << mine;
  const auto& decision = mine.body.at("items").as_array()[0].at("decision");
  EXPECT_EQ(decision.at("id"), painem);
  EXPECT_EQ(decision.at("selected"), false);
  EXPECT_EQ(decision.at("reason"), "below_cut");
  EXPECT_EQ(mine.body.at("items").as_array()[0].at("programme_name"), "Modal Usaha Mikro");
  EXPECT_TRUE(Get("/api/v1/me/selections", &officer_).body.at("items").as_array().empty());
}

}  // namespace
}  // namespace gotong::api_tests
