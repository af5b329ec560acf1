// The assistance ledger and soft loans (issue 15): a loan recorded with a schedule that sums to its
// principal, repayments and their refusals, PAR30 moving on its boundary day, a programme's budget
// at and one rupiah over, duplicates across providers, a closed programme, every wrong field named
// with nothing written, and who reaches which record.
//
// Stakeholders: 1 Dinas Koperasi (the harness's officer), 2 Bank Jatim, 3 BAZNAS. Programmes,
// inserted directly: 1 Kredit Usaha Muda (Dinas, with the bank as partner; the harness's
// facilitator's), 2 Pameran IBSC (BAZNAS), 3 Pelatihan 2024 (Dinas, closed).
#include <algorithm>

#include "api/group_fixture.hpp"
#include "domain/accounts/account_service.hpp"

namespace gotong::api_tests {
namespace {

// The shared HasFieldError for a "field:code" word of the lists below.
bool HasFieldErrorWord(const Reply& reply, std::string_view word) {
  const auto at = word.rfind(':');
  return HasFieldError(reply, std::string(word.substr(0, at)), std::string(word.substr(at + 1)));
}

// The params of the first error naming `field`, as "name=value" words.
std::vector<std::string> ParamsOf(const Reply& reply, const std::string& field) {
  std::vector<std::string> out;
  if (!reply.body.is_object() || !reply.body.as_object().contains("errors")) return out;
  for (const auto& error : reply.body.at("errors").as_array()) {
    if (error.at("field") != field.c_str()) continue;
    for (const auto& [name, value] : error.at("params").as_object()) {
      out.push_back(std::string(name) + "=" + std::string(value.as_string()));
    }
    break;
  }
  return out;
}

std::vector<std::int64_t> Ints(const json::value& array) {
  std::vector<std::int64_t> out;
  for (const auto& item : array.as_array()) out.push_back(item.as_int64());
  return out;
}

class Ledger : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
    officer_ = Login("officer");
    facilitator_ = Login("facilitator");
    Reply bank = Write("POST", "/api/v1/stakeholders",
                       json::object{{"name", "Bank Jatim Cabang Batu"}, {"helix", "business"}, {"kind", "bank"}},
                       &admin_);
    ASSERT_EQ(bank.status(), 201) << bank;
    Reply baznas = Write("POST", "/api/v1/stakeholders",
                         json::object{{"name", "BAZNAS Kota Batu"}, {"helix", "civil_society"},
                                      {"kind", "zakat_institution"}},
                         &admin_);
    ASSERT_EQ(baznas.status(), 201) << baznas;
    Programme("Kredit Usaha Muda", 1, "active", 100'000'000);
    Programme("Pameran IBSC", 3, "active", 10'000'000);
    Programme("Pelatihan 2024", 1, "closed", 50'000'000);
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, position) VALUES "
        "(1, 1, 'owner', 'government', 0), (1, 2, 'partner', 'business', 1), (2, 3, 'owner', 'civil_society', 0)"));
    bank_officer_ = Scoped("petugas_bank", Role::kOfficer, "stakeholder", 2);
    baznas_officer_ = Scoped("petugas_baznas", Role::kOfficer, "stakeholder", 3);
    other_facilitator_ = Scoped("pendamping_ibsc", Role::kFacilitator, "programme", 2);
    tape_ = Enterprise("Tape Bu Siti", "Siti Aminah", 3);  // stewarded by BAZNAS
    batik_ = Enterprise("Batik Sekar Arum", "Rina Wati", std::nullopt);
    Reply group = Write("POST", "/api/v1/groups",
                        json::object{{"name", "Harapan Sejahtera"},
                                     {"kind", "joint_business_group"},
                                     {"sector", "food_processing"},
                                     {"village_code", kBanjarsari},
                                     {"origin", "self_initiated"},
                                     {"founded_on", "2018-06-01"}},
                        &officer_);
    ASSERT_EQ(group.status(), 201) << group;
    group_ = group.body.at("id").as_int64();
  }

  void Programme(const std::string& name, std::int64_t owner, const std::string& status, std::int64_t budget) {
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programmes (name, search_name, owner_id, status, starts_on, ends_on, capital_access, "
        "human_resources, partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, "
        "budget, follow_up_months, created_at, updated_at) VALUES ('" + name + "', '" + name + "', " +
        std::to_string(owner) + ", '" + status + "', '2025-01-01', '2026-12-31', 1, 0, 0, 0, 1, 0, " +
        std::to_string(budget) + ", '3,6', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')"));
  }

  Browser Scoped(const std::string& username, Role role, const std::string& kind, std::int64_t id) {
    domain::accounts::NewUser input;
    input.username = username;
    input.role = std::string(domain::accounts::ToString(role));
    input.password = kPassword;
    input.scope = domain::accounts::ScopeInput{kind, id};
    auto user = services().accounts.CreateUser(domain::accounts::Context::System(), input);
    EXPECT_TRUE(user.ok()) << user.error().message;
    return Login(username);
  }

  std::int64_t Enterprise(const std::string& name, const std::string& owner, std::optional<std::int64_t> steward) {
    json::object body{{"owner", {{"name", owner}}},
                      {"name", name},
                      {"sector", "food_processing"},
                      {"village_code", kBanjarsari}};
    if (steward) body["steward_id"] = *steward;
    Reply reply = Write("POST", "/api/v1/enterprises", body, &admin_);
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  }

  Reply Post(const std::string& target, const json::object& body, const Browser& as) {
    return Write("POST", target, body, &as);
  }
  Reply Patch(const std::string& target, const json::object& body, const Browser& as) {
    return Write("PATCH", target, body, &as);
  }

  // A soft loan of programme 1 from the bank to the batik enterprise.
  json::object Loan(std::int64_t value, const char* disbursed_on, json::object terms) {
    return json::object{{"programme_id", 1},     {"provider_id", 2},           {"enterprise_id", batik_},
                        {"kind", "soft_loan"},   {"value", value},             {"given_on", disbursed_on},
                        {"disbursed_on", disbursed_on}, {"loan", std::move(terms)}};
  }

  std::int64_t Created(const Reply& reply) {
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  }

  std::int64_t Rows(const std::string& table) {
    auto count = test_database().QueryInt("SELECT COUNT(*) FROM " + table);
    EXPECT_TRUE(count.ok());
    return count.ok() ? *count : -1;
  }

  Browser admin_, officer_, facilitator_, bank_officer_, baznas_officer_, other_facilitator_;
  std::int64_t tape_ = 0, batik_ = 0, group_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Ledger);

TEST_P(Ledger, ASoftLoanIsRecordedWithASchedulePayingExactlyItsPrincipal) {
  // Today is 5 January 2026. Rp 12.000.000 at 6% flat over a year, disbursed on 1 December.
  Reply created = Post("/api/v1/assistance",
                       Loan(12'000'000, "2025-12-01",
                            {{"annual_rate_bp", 600}, {"term_months", 12}, {"method", "flat"},
                             {"first_due_on", "2026-01-01"}}),
                       bank_officer_);
  std::int64_t id = Created(created);
  EXPECT_EQ(created.header("Location"), "/api/v1/assistance/" + std::to_string(id));
  EXPECT_EQ(created.body.at("kind"), "soft_loan");
  EXPECT_EQ(created.body.at("status"), "disbursed");
  EXPECT_EQ(created.body.at("provider_name"), "Bank Jatim Cabang Batu");
  EXPECT_EQ(created.body.at("programme_name"), "Kredit Usaha Muda");
  EXPECT_EQ(created.body.at("recipient_name"), "Batik Sekar Arum");
  EXPECT_EQ(created.body.at("loan").at("term_months"), 12);
  EXPECT_EQ(created.body.at("loan").at("method"), "flat");

  Reply loan = Get("/api/v1/loans/" + std::to_string(id), &bank_officer_);
  ASSERT_EQ(loan.status(), 200) << loan;
  const auto& schedule = loan.body.at("schedule");
  EXPECT_EQ(schedule.at("total_principal"), 12'000'000);
  EXPECT_EQ(schedule.at("total_interest"), 720'000);  // 12.000.000 × 6% × 1 year
  const auto& instalments = schedule.at("instalments").as_array();
  ASSERT_EQ(instalments.size(), 12u);
  std::int64_t principal = 0;
  for (const auto& i : instalments) principal += i.at("principal").as_int64();
  EXPECT_EQ(principal, 12'000'000);
  EXPECT_EQ(instalments[0].at("due_on"), "2026-01-01");
  EXPECT_EQ(instalments[0].at("amount"), 1'060'000);
  EXPECT_EQ(instalments[11].at("due_on"), "2026-12-01");
  EXPECT_EQ(instalments[11].at("balance_after"), 0);
  // The first instalment fell due four days ago.
  EXPECT_EQ(loan.body.at("arrears").at("days_past_due"), 4);
  EXPECT_EQ(loan.body.at("arrears").at("overdue_principal"), 1'000'000);
  EXPECT_EQ(loan.body.at("position").at("outstanding_principal"), 12'000'000);
  EXPECT_TRUE(loan.body.at("repayments").as_array().empty());

  // Declining, where the principal does not divide: the remainder rides on the last instalment.
  Reply odd = Post("/api/v1/assistance",
                   Loan(1'000'000, "2025-12-15",
                        {{"annual_rate_bp", 1200}, {"term_months", 3}, {"method", "declining"},
                         {"first_due_on", "2026-01-15"}}),
                   admin_);
  Reply declining = Get("/api/v1/loans/" + std::to_string(Created(odd)), &admin_);
  ASSERT_EQ(declining.status(), 200) << declining;
  const auto& parts = declining.body.at("schedule").at("instalments").as_array();
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].at("principal"), 333'333);
  EXPECT_EQ(parts[1].at("principal"), 333'333);
  EXPECT_EQ(parts[2].at("principal"), 333'334);
  EXPECT_EQ(parts[0].at("interest"), 10'000);  // 1% a month of 1.000.000
  EXPECT_EQ(parts[1].at("interest"), 6'667);   // of 666.667, half up

  Reply log = Get("/api/v1/audit?entity=assistance&entity_id=" + std::to_string(id), &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  ASSERT_EQ(log.body.at("total"), 1);
  EXPECT_EQ(log.body.at("items").as_array()[0].at("after").at("loan.term_months"), 12);
}

TEST_P(Ledger, RepaymentsAreRecordedOnceAndTheirRefusalsNameTheField) {
  std::int64_t id = Created(Post("/api/v1/assistance",
                                 Loan(12'000'000, "2025-12-01",
                                      {{"annual_rate_bp", 600}, {"term_months", 12}, {"method", "flat"},
                                       {"first_due_on", "2026-01-01"}}),
                                 bank_officer_));
  const std::string repayments = "/api/v1/loans/" + std::to_string(id) + "/repayments";
  api::Headers headers{{"Content-Type", "application/json"},
                       {"Cookie", bank_officer_.cookie},
                       {"X-CSRF-Token", bank_officer_.csrf},
                       {"Idempotency-Key", "3f0c8a52-1d7e-4b8a-9c3e-5a2b7d9e0f11"}};
  const std::string body = json::serialize(json::object{{"paid_on", "2026-01-02"}, {"amount", 1'060'000}});
  Reply paid = services().Send("POST", repayments, body, headers);
  ASSERT_EQ(paid.status(), 201) << paid;
  Reply again = services().Send("POST", repayments, body, headers);  // a retry after a lost answer
  EXPECT_EQ(again.status(), 201) << again;
  EXPECT_EQ(Rows("loan_repayments"), 1);
  const auto& first = paid.body.at("schedule").at("instalments").as_array()[0];
  EXPECT_EQ(first.at("paid_principal"), 1'000'000);
  EXPECT_EQ(first.at("paid_interest"), 60'000);
  EXPECT_EQ(first.at("paid_on"), "2026-01-02");
  EXPECT_EQ(paid.body.at("arrears").at("days_past_due"), 0);
  EXPECT_EQ(paid.body.at("position").at("outstanding_principal"), 11'000'000);
  ASSERT_EQ(paid.body.at("repayments").as_array().size(), 1u);
  EXPECT_EQ(paid.body.at("repayments").as_array()[0].at("recorded_by_username"), "petugas_bank");

  // 12.720.000 due in all, 1.060.000 paid: 11.660.000 is the most it takes.
  Reply over = Post(repayments, {{"paid_on", "2026-01-03"}, {"amount", 11'660'001}}, bank_officer_);
  EXPECT_EQ(over.status(), 400) << over;
  EXPECT_TRUE(HasFieldError(over, "amount", "exceeds_outstanding")) << over;
  EXPECT_EQ(ParamsOf(over, "amount"), std::vector<std::string>{"outstanding=11660000"});
  Reply early = Post(repayments, {{"paid_on", "2025-11-30"}, {"amount", 100}}, bank_officer_);
  EXPECT_TRUE(HasFieldError(early, "paid_on", "before_disbursement")) << early;
  Reply tomorrow = Post(repayments, {{"paid_on", "2026-01-06"}, {"amount", 100}}, bank_officer_);
  EXPECT_TRUE(HasFieldError(tomorrow, "paid_on", "in_future")) << tomorrow;
  Reply nothing = Post(repayments, {{"amount", 0}}, bank_officer_);
  EXPECT_TRUE(HasFieldError(nothing, "paid_on", "required")) << nothing;
  EXPECT_TRUE(HasFieldError(nothing, "amount", "invalid_value")) << nothing;
  EXPECT_EQ(Rows("loan_repayments"), 1);

  // The rest, paid off by the programme's owner (Dinas), closes the loan.
  Reply rest = Post(repayments, {{"paid_on", "2026-01-05"}, {"amount", 11'660'000}}, officer_);
  ASSERT_EQ(rest.status(), 201) << rest;
  EXPECT_EQ(rest.body.at("position").at("closed_on"), "2026-01-05");
  EXPECT_EQ(rest.body.at("arrears").at("closed"), true);
  Reply closed = Post(repayments, {{"paid_on", "2026-01-05"}, {"amount", 1}}, officer_);
  EXPECT_TRUE(HasFieldError(closed, "amount", "exceeds_outstanding")) << closed;

  // A grant has no repayments; a loan that is not there is not found.
  std::int64_t grant = Created(Post("/api/v1/assistance",
                                    {{"provider_id", 2}, {"enterprise_id", batik_}, {"kind", "grant"},
                                     {"value", 500'000}, {"given_on", "2026-01-02"}},
                                    bank_officer_));
  EXPECT_EQ(Post("/api/v1/loans/" + std::to_string(grant) + "/repayments",
                 {{"paid_on", "2026-01-05"}, {"amount", 1}}, admin_).status(), 404);
  EXPECT_EQ(Get("/api/v1/loans/" + std::to_string(grant), &admin_).status(), 404);
  EXPECT_EQ(Post("/api/v1/loans/999999/repayments", {{"paid_on", "2026-01-05"}, {"amount", 1}}, admin_).status(),
            404);
  Reply log = Get("/api/v1/audit?entity=loan&entity_id=" + std::to_string(id), &admin_);
  EXPECT_EQ(log.body.at("total"), 2) << log;
}

TEST_P(Ledger, Par30CountsALoan31DaysPastDueNot30AndPayingTheOverdueInstalmentTakesItOut) {
  // A: Rp 6.000.000 over 6 months, first due 1 December. B: Rp 6.000.000, first due 15 January.
  std::int64_t late = Created(Post("/api/v1/assistance",
                                   Loan(6'000'000, "2025-11-01",
                                        {{"annual_rate_bp", 1200}, {"term_months", 6}, {"method", "flat"},
                                         {"first_due_on", "2025-12-01"}}),
                                   bank_officer_));
  std::int64_t current = Created(Post("/api/v1/assistance",
                                      Loan(6'000'000, "2025-12-15",
                                           {{"annual_rate_bp", 1200}, {"term_months", 6}, {"method", "flat"},
                                            {"first_due_on", "2026-01-15"}}),
                                      bank_officer_));
  // Another programme's loan is not in programme 1's book.
  Created(Post("/api/v1/assistance",
               {{"programme_id", 2}, {"provider_id", 3}, {"enterprise_id", tape_}, {"kind", "soft_loan"},
                {"value", 1'000'000}, {"given_on", "2025-11-01"}, {"disbursed_on", "2025-11-01"},
                {"loan", {{"annual_rate_bp", 0}, {"term_months", 2}, {"method", "flat"}, {"first_due_on", "2025-12-01"}}}},
               admin_));

  auto book = [&](const std::string& as_of) {
    Reply reply = Get("/api/v1/loans?programme_id=1&limit=1&as_of=" + as_of, &officer_);
    EXPECT_EQ(reply.status(), 200) << reply;
    return reply;
  };
  Reply day30 = book("2025-12-31");
  EXPECT_EQ(day30.body.at("total"), 2);
  EXPECT_EQ(day30.body.at("items").as_array().size(), 1u);  // the page; the portfolio is the book
  EXPECT_EQ(day30.body.at("items").as_array()[0].at("id"), late);
  EXPECT_EQ(day30.body.at("items").as_array()[0].at("arrears").at("days_past_due"), 30);
  const auto& p30 = day30.body.at("portfolio");
  EXPECT_EQ(p30.at("outstanding_principal"), 12'000'000);
  EXPECT_EQ(p30.at("at_risk_principal"), 0);
  EXPECT_EQ(p30.at("loans_at_risk"), 0);
  EXPECT_EQ(p30.at("loans_outstanding"), 2);
  EXPECT_EQ(p30.at("par30").as_double(), 0.0);

  Reply day31 = book("2026-01-01");
  EXPECT_EQ(day31.body.at("items").as_array()[0].at("arrears").at("days_past_due"), 31);
  const auto& p31 = day31.body.at("portfolio");
  EXPECT_EQ(p31.at("at_risk_principal"), 6'000'000);  // the whole outstanding principal of the late loan
  EXPECT_EQ(p31.at("loans_at_risk"), 1);
  EXPECT_DOUBLE_EQ(p31.at("par30").as_double(), 0.5);
  Reply second_page = Get("/api/v1/loans?programme_id=1&limit=1&offset=1&as_of=2026-01-01", &officer_);
  EXPECT_EQ(second_page.body.at("items").as_array()[0].at("id"), current);
  EXPECT_DOUBLE_EQ(second_page.body.at("portfolio").at("par30").as_double(), 0.5);

  // The overdue instalment (1.000.000 + 60.000), paid late on 20 December.
  ASSERT_EQ(Post("/api/v1/loans/" + std::to_string(late) + "/repayments",
                 {{"paid_on", "2025-12-20"}, {"amount", 1'060'000}}, bank_officer_).status(),
            201);
  Reply paid = book("2026-01-01");
  EXPECT_EQ(paid.body.at("items").as_array()[0].at("arrears").at("days_past_due"), 0);  // the 2nd falls due today
  const auto& after = paid.body.at("portfolio");
  EXPECT_EQ(after.at("at_risk_principal"), 0);
  EXPECT_EQ(after.at("loans_at_risk"), 0);
  EXPECT_EQ(after.at("outstanding_principal"), 11'000'000);
  EXPECT_EQ(after.at("par30").as_double(), 0.0);

  // Today by default; a wrong day is named.
  Reply today = Get("/api/v1/loans?programme_id=1", &officer_);
  EXPECT_EQ(today.body.at("as_of"), "2026-01-05");
  Reply wrong = Get("/api/v1/loans?as_of=2026-02-30", &officer_);
  EXPECT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "as_of", "invalid_format")) << wrong;
}

TEST_P(Ledger, ABudgetTakesRecordsUpToExactlyItsSumOneRupiahOverNeedsAReasonAndItGoesNoLowerThanCommitted) {
  auto grant = [&](json::value value, const char* disbursed_on) {
    json::object body{{"programme_id", 2}, {"provider_id", 3}, {"enterprise_id", tape_}, {"kind", "exhibition_slot"},
                      {"value", std::move(value)}, {"given_on", "2025-12-01"}};
    if (disbursed_on) body["disbursed_on"] = disbursed_on;
    return body;
  };
  Created(Post("/api/v1/assistance", grant(4'000'000, "2025-12-02"), baznas_officer_));
  Reply over = Post("/api/v1/assistance", grant(6'000'001, nullptr), baznas_officer_);
  EXPECT_EQ(over.status(), 400) << over;
  EXPECT_TRUE(HasFieldError(over, "value", "over_budget")) << over;
  EXPECT_EQ(ParamsOf(over, "value"),
            (std::vector<std::string>{"budget=10000000", "committed=4000000", "value=6000001"}));
  std::int64_t exact = Created(Post("/api/v1/assistance", grant(6'000'000, nullptr), baznas_officer_));
  EXPECT_TRUE(Get("/api/v1/assistance/" + std::to_string(exact), &admin_).body.at("over_budget_reason").is_null());

  Reply one = Post("/api/v1/assistance", grant(1, nullptr), baznas_officer_);
  EXPECT_TRUE(HasFieldError(one, "value", "over_budget")) << one;
  json::object with_reason = grant(1, nullptr);
  with_reason["over_budget_reason"] = "Stan tambahan disetujui ketua BAZNAS";
  Reply kept = Post("/api/v1/assistance", with_reason, baznas_officer_);
  ASSERT_EQ(kept.status(), 201) << kept;
  EXPECT_EQ(kept.body.at("over_budget_reason"), "Stan tambahan disetujui ketua BAZNAS");

  Reply budget = Get("/api/v1/programmes/2/budget", &baznas_officer_);
  ASSERT_EQ(budget.status(), 200) << budget;
  EXPECT_EQ(budget.body.at("budget"), 10'000'000);
  EXPECT_EQ(budget.body.at("committed"), 10'000'001);
  EXPECT_EQ(budget.body.at("disbursed"), 4'000'000);
  EXPECT_EQ(budget.body.at("remaining"), -1);
  EXPECT_EQ(budget.body.at("over_budget_records"), 1);
  // The budget goes up freely, and down to what is committed but not below it.
  EXPECT_EQ(Patch("/api/v1/programmes/2", {{"budget", 12'000'000}}, baznas_officer_).status(), 200);
  EXPECT_EQ(Patch("/api/v1/programmes/2", {{"budget", 10'000'001}}, baznas_officer_).status(), 200);
  Reply below = Patch("/api/v1/programmes/2", {{"budget", 10'000'000}}, baznas_officer_);
  EXPECT_TRUE(HasFieldError(below, "budget", "below_committed")) << below;
  EXPECT_EQ(ParamsOf(below, "budget"), (std::vector<std::string>{"committed=10000001"}));
  EXPECT_NE(json::serialize(below.body).find("Rp 10.000.001 is committed already"), std::string::npos) << below;
  EXPECT_EQ(Get("/api/v1/programmes/2/budget", &admin_).body.at("budget"), 10'000'001) << "nothing written";
  // Who runs another programme does not see this one's budget.
  EXPECT_EQ(Get("/api/v1/programmes/2/budget", &officer_).status(), 404);
  EXPECT_EQ(Get("/api/v1/programmes/2/budget", &facilitator_).status(), 404);
  EXPECT_EQ(Get("/api/v1/programmes/2/budget", &other_facilitator_).status(), 200);
  EXPECT_EQ(Get("/api/v1/programmes/1/budget", &bank_officer_).status(), 200);
  EXPECT_EQ(Get("/api/v1/programmes/999/budget", &admin_).status(), 404);
  EXPECT_EQ(Get("/api/v1/programmes/2/budget", nullptr).status(), 401);
}

TEST_P(Ledger, DuplicatesAreFlaggedAcrossTwoProvidersAndNotForDisjointPeriods) {
  auto seat = [&](std::int64_t provider, const char* from, const char* until) {
    return json::object{{"provider_id", provider}, {"enterprise_id", tape_}, {"kind", "training_seat"},
                        {"value", 750'000},        {"given_on", from},       {"until_on", until}};
  };
  std::int64_t dinas = Created(Post("/api/v1/assistance", seat(1, "2025-12-01", "2025-12-05"), admin_));
  Reply bank = Post("/api/v1/assistance", seat(2, "2025-12-04", "2025-12-10"), admin_);
  std::int64_t bank_id = Created(bank);
  EXPECT_EQ(Ints(bank.body.at("duplicate_of")), std::vector<std::int64_t>{dinas});
  Reply later = Post("/api/v1/assistance", seat(3, "2025-12-11", "2025-12-12"), admin_);
  Created(later);
  EXPECT_TRUE(later.body.at("duplicate_of").as_array().empty());
  // The same days to another recipient, or another kind, are no duplicate.
  json::object to_group = seat(3, "2025-12-04", "2025-12-04");
  to_group.erase("enterprise_id");
  to_group["group_id"] = group_;
  EXPECT_TRUE(Post("/api/v1/assistance", to_group, admin_).body.at("duplicate_of").as_array().empty());
  json::object consultation = seat(3, "2025-12-04", "2025-12-04");
  consultation["kind"] = "consultation";
  EXPECT_TRUE(Post("/api/v1/assistance", consultation, admin_).body.at("duplicate_of").as_array().empty());

  Reply first = Get("/api/v1/assistance/" + std::to_string(dinas), &admin_);
  EXPECT_EQ(Ints(first.body.at("duplicate_of")), std::vector<std::int64_t>{bank_id});
  Reply flagged = Get("/api/v1/assistance?duplicates_only=true", &admin_);
  ASSERT_EQ(flagged.status(), 200) << flagged;
  EXPECT_EQ(flagged.body.at("total"), 2);
  Reply seats = Get("/api/v1/assistance?kind=training_seat&enterprise_id=" + std::to_string(tape_), &admin_);
  EXPECT_EQ(seats.body.at("total"), 3);
  Reply december = Get("/api/v1/assistance?from=2025-12-04&to=2025-12-10&limit=2", &admin_);
  EXPECT_EQ(december.body.at("total"), 3);
  EXPECT_EQ(december.body.at("items").as_array().size(), 2u);
  Reply wrong = Get("/api/v1/assistance?kind=gift&from=2025-12-10&to=2025-12-01", &admin_);
  EXPECT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "kind", "invalid_value")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "from", "after_to")) << wrong;
}

TEST_P(Ledger, EveryWrongFieldIsNamedAndNothingIsWritten) {
  Reply empty = Post("/api/v1/assistance", json::object{}, admin_);
  EXPECT_EQ(empty.status(), 400) << empty;
  for (const char* error : {"provider_id:required", "enterprise_id:required", "kind:required", "value:required",
                            "given_on:required"}) {
    EXPECT_TRUE(HasFieldErrorWord(empty, error)) << error << " " << empty;
  }

  Reply wrong = Post("/api/v1/assistance",
                     {{"programme_id", 999}, {"provider_id", 999}, {"enterprise_id", 999}, {"group_id", group_},
                      {"kind", "gift"}, {"value", -1}, {"given_on", "2025-12-10"}, {"until_on", "2025-12-09"},
                      {"disbursed_on", "2026-01-06"}},
                     admin_);
  EXPECT_EQ(wrong.status(), 400) << wrong;
  for (const char* error : {"programme_id:not_found", "provider_id:not_found", "group_id:conflict",
                            "kind:invalid_value", "value:out_of_range", "until_on:before_given_on",
                            "disbursed_on:in_future"}) {
    EXPECT_TRUE(HasFieldErrorWord(wrong, error)) << error << " " << wrong;
  }
  Reply nobody = Post("/api/v1/assistance",
                      {{"provider_id", 1}, {"enterprise_id", 999}, {"kind", "grant"}, {"value", 1},
                       {"given_on", "2025-12-32"}, {"over_budget_reason", "tanpa program"}},
                      admin_);
  EXPECT_TRUE(HasFieldError(nobody, "enterprise_id", "not_found")) << nobody;
  EXPECT_TRUE(HasFieldError(nobody, "given_on", "invalid_format")) << nobody;
  EXPECT_TRUE(HasFieldError(nobody, "over_budget_reason", "not_applicable")) << nobody;
  Reply no_group = Post("/api/v1/assistance",
                        {{"provider_id", 1}, {"group_id", 999}, {"kind", "grant"}, {"value", 1},
                         {"given_on", "2025-12-01"}},
                        admin_);
  EXPECT_TRUE(HasFieldError(no_group, "group_id", "not_found")) << no_group;

  Reply closed = Post("/api/v1/assistance",
                      {{"programme_id", 3}, {"provider_id", 1}, {"enterprise_id", batik_}, {"kind", "training_seat"},
                       {"value", 100'000}, {"given_on", "2025-12-01"}},
                      officer_);
  EXPECT_EQ(closed.status(), 400) << closed;
  EXPECT_TRUE(HasFieldError(closed, "programme_id", "programme_closed")) << closed;

  Reply grant_with_terms = Post("/api/v1/assistance",
                                {{"provider_id", 1}, {"enterprise_id", batik_}, {"kind", "grant"}, {"value", 1},
                                 {"given_on", "2025-12-01"}, {"loan", {{"term_months", 12}}}},
                                admin_);
  EXPECT_TRUE(HasFieldError(grant_with_terms, "loan", "not_applicable")) << grant_with_terms;
  Reply bare_loan = Post("/api/v1/assistance",
                         {{"provider_id", 2}, {"enterprise_id", batik_}, {"kind", "soft_loan"}, {"value", 1'000'000},
                          {"given_on", "2025-12-01"}},
                         admin_);
  EXPECT_TRUE(HasFieldError(bare_loan, "loan", "required")) << bare_loan;
  EXPECT_TRUE(HasFieldError(bare_loan, "disbursed_on", "required")) << bare_loan;
  Reply bad_terms = Post("/api/v1/assistance",
                         Loan(0, "2025-12-01",
                              {{"annual_rate_bp", 20'000}, {"term_months", 0}, {"method", "flat"},
                               {"first_due_on", "2025-12-01"}}),
                         admin_);
  EXPECT_EQ(bad_terms.status(), 400) << bad_terms;
  for (const char* error : {"value:out_of_range", "loan.annual_rate_bp:out_of_range", "loan.term_months:out_of_range",
                            "loan.first_due_on:before_disbursement"}) {
    EXPECT_TRUE(HasFieldErrorWord(bad_terms, error)) << error << " " << bad_terms;
  }
  Reply bad_method = Post("/api/v1/assistance",
                          Loan(1'000'000, "2025-12-01",
                               {{"annual_rate_bp", 600}, {"term_months", 121}, {"method", "balloon"},
                                {"first_due_on", "2026-01-01"}}),
                          admin_);
  EXPECT_TRUE(HasFieldError(bad_method, "loan.method", "invalid_value")) << bad_method;
  Reply long_term = Post("/api/v1/assistance",
                         Loan(1'000'000, "2025-12-01",
                              {{"annual_rate_bp", 600}, {"term_months", 121}, {"method", "flat"},
                               {"first_due_on", "2026-01-01"}}),
                         admin_);
  EXPECT_TRUE(HasFieldError(long_term, "loan.term_months", "out_of_range")) << long_term;
  Reply unknown = Post("/api/v1/assistance",
                       Loan(1'000'000, "2025-12-01", {{"rate", 600}}), admin_);
  EXPECT_EQ(unknown.status(), 400) << unknown;
  EXPECT_EQ(Rows("assistance"), 0);
  EXPECT_EQ(Rows("loans"), 0);
}

// The loan part is written after the record: when the database refuses it, the record goes too.
TEST_P(Ledger, ALoanPartTheDatabaseRefusesLeavesNoRecordBehind) {
  if (GetParam() == testing::Backend::kPostgresql) {
    ASSERT_OK(test_database().Execute(
        "CREATE FUNCTION refuse_loan_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN RAISE EXCEPTION 'refused by a test trigger'; END $$"));
    ASSERT_OK(test_database().Execute("CREATE TRIGGER refuse_loan_for_test BEFORE INSERT ON loans "
                                      "FOR EACH ROW EXECUTE FUNCTION refuse_loan_for_test()"));
  } else {
    ASSERT_OK(test_database().Execute("CREATE TRIGGER refuse_loan_for_test BEFORE INSERT ON loans "
                                      "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END"));
  }
  Reply refused = Post("/api/v1/assistance",
                       Loan(1'000'000, "2025-12-01",
                            {{"annual_rate_bp", 600}, {"term_months", 6}, {"method", "flat"},
                             {"first_due_on", "2026-01-01"}}),
                       admin_);
  EXPECT_EQ(refused.status(), 500) << refused;
  EXPECT_EQ(Rows("assistance"), 0);
  EXPECT_EQ(Rows("loans"), 0);
  Reply log = Get("/api/v1/audit?entity=assistance", &admin_);
  EXPECT_EQ(log.body.at("total"), 0) << log;
}

TEST_P(Ledger, OfficersAndFacilitatorsReachTheirOwnPartOfTheLedgerAndNothingElse) {
  // The bank's loan in programme 1 to an enterprise nobody stewards.
  std::int64_t loan = Created(Post("/api/v1/assistance",
                                   Loan(2'000'000, "2025-12-01",
                                        {{"annual_rate_bp", 600}, {"term_months", 6}, {"method", "flat"},
                                         {"first_due_on", "2026-01-01"}}),
                                   bank_officer_));
  const std::string record = "/api/v1/assistance/" + std::to_string(loan);
  const std::string loan_path = "/api/v1/loans/" + std::to_string(loan);
  // Dinas owns the programme, the harness's facilitator facilitates it: both read and record.
  EXPECT_EQ(Get(record, &officer_).status(), 200);
  EXPECT_EQ(Get(loan_path, &facilitator_).status(), 200);
  EXPECT_EQ(Post(loan_path + "/repayments", {{"paid_on", "2026-01-02"}, {"amount", 10'000}}, facilitator_).status(),
            201);
  Created(Post("/api/v1/assistance",
               {{"programme_id", 1}, {"provider_id", 2}, {"enterprise_id", batik_}, {"kind", "consultation"},
                {"value", 0}, {"given_on", "2026-01-02"}},
               facilitator_));
  // BAZNAS has nothing to do with it: not found, and it may not record for the bank.
  EXPECT_EQ(Get(record, &baznas_officer_).status(), 404);
  EXPECT_EQ(Get(loan_path, &baznas_officer_).status(), 404);
  EXPECT_EQ(Post(loan_path + "/repayments", {{"paid_on", "2026-01-02"}, {"amount", 1}}, baznas_officer_).status(),
            404);
  EXPECT_EQ(Get("/api/v1/assistance", &baznas_officer_).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/loans", &baznas_officer_).body.at("total"), 0);
  Reply for_bank = Post("/api/v1/assistance",
                        {{"provider_id", 2}, {"enterprise_id", batik_}, {"kind", "grant"}, {"value", 1},
                         {"given_on", "2026-01-02"}},
                        baznas_officer_);
  EXPECT_EQ(for_bank.status(), 403) << for_bank;
  // The other programme's facilitator neither sees it nor records in programme 1.
  EXPECT_EQ(Get(record, &other_facilitator_).status(), 404);
  EXPECT_EQ(Get(loan_path, &other_facilitator_).status(), 404);
  Reply elsewhere = Post("/api/v1/assistance",
                         {{"programme_id", 1}, {"provider_id", 2}, {"enterprise_id", batik_}, {"kind", "grant"},
                          {"value", 1}, {"given_on", "2026-01-02"}},
                         other_facilitator_);
  EXPECT_EQ(elsewhere.status(), 403) << elsewhere;
  EXPECT_EQ(Rows("assistance"), 2);

  // BAZNAS stewards the tape enterprise: it reads what the bank gave her, but records no repayment.
  std::int64_t hers = Created(Post("/api/v1/assistance",
                                   {{"provider_id", 2}, {"enterprise_id", tape_}, {"kind", "soft_loan"},
                                    {"value", 3'000'000}, {"given_on", "2025-12-01"}, {"disbursed_on", "2025-12-01"},
                                    {"loan", {{"annual_rate_bp", 0}, {"term_months", 3}, {"method", "flat"},
                                              {"first_due_on", "2026-01-01"}}}},
                                   bank_officer_));
  EXPECT_EQ(Get("/api/v1/assistance/" + std::to_string(hers), &baznas_officer_).status(), 200);
  EXPECT_EQ(Get("/api/v1/assistance", &baznas_officer_).body.at("total"), 1);
  Reply not_hers = Post("/api/v1/loans/" + std::to_string(hers) + "/repayments",
                        {{"paid_on", "2026-01-02"}, {"amount", 1}}, baznas_officer_);
  EXPECT_EQ(not_hers.status(), 403) << not_hers;
  // An officer records what its own stakeholder gave without naming it.
  Reply own = Post("/api/v1/assistance",
                   {{"enterprise_id", tape_}, {"kind", "market_access"}, {"value", 0}, {"given_on", "2026-01-05"}},
                   baznas_officer_);
  ASSERT_EQ(own.status(), 201) << own;
  EXPECT_EQ(own.body.at("provider_id"), 3);
  // The bank reads both of its records and the ones given in its programme, not BAZNAS's own.
  EXPECT_EQ(Get("/api/v1/assistance", &bank_officer_).body.at("total"), 3);
  // Members and group accounts have no part in the ledger.
  for (const char* role : {"member", "group_leader", "mentor"}) {
    Browser someone = Login(role);
    EXPECT_EQ(Get("/api/v1/assistance", &someone).status(), 403) << role;
    EXPECT_EQ(Get(loan_path, &someone).status(), 403) << role;
  }
}

}  // namespace
}  // namespace gotong::api_tests
