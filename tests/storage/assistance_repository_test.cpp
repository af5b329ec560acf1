// The assistance ledger's repository (V029): records with their loan part, duplicates across
// providers read with each record, the reach of officers and facilitators, a programme's budget
// tally, and a loan book with its repayments.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/programmes/assistance.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::programmes::Assistance;
using domain::programmes::AssistanceFilter;
using domain::programmes::AssistanceKind;
using domain::programmes::InterestMethod;
using domain::programmes::LoanPart;
using domain::programmes::RecordedRepayment;
using Ids = std::vector<std::int64_t>;

class AssistanceRepository : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    dinas_ = InsertStakeholder("Dinas Koperasi Kota Batu");
    bank_ = InsertStakeholder("Bank Jatim Batu");
    baznas_ = InsertStakeholder("BAZNAS Kota Batu");
    std::int64_t owner = InsertPerson("Siti Aminah");
    domain::registry::Enterprise tape;
    tape.owner_id = owner;
    tape.name = "Tape Bu Siti";
    tape.sector = domain::registry::Sector::kFoodProcessing;
    tape.village_code = kBanjarsari;
    tape.steward_id = baznas_;
    tape.created_at = tape.updated_at = T("2026-01-02T03:04:05Z");
    enterprise_ = Committed([&](UnitOfWork& unit) { return unit.Enterprises().Insert(tape); });
    group_ = InsertGroup("Kelompok Tape Banjarsari");
    ASSERT_GT(enterprise_, 0);
    ASSERT_GT(group_, 0);
    programme_ = InsertProgramme("Kredit Usaha Muda", dinas_, "active", 100'000'000);
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, position) VALUES (" +
        std::to_string(programme_) + ", " + std::to_string(dinas_) + ", 'owner', 'government', 0), (" +
        std::to_string(programme_) + ", " + std::to_string(bank_) + ", 'partner', 'business', 1)"));
  }

  std::int64_t InsertStakeholder(const std::string& name) {
    domain::registry::Stakeholder s;
    s.name = name;
    s.created_at = s.updated_at = T("2026-01-02T03:04:05Z");
    return Committed([&](UnitOfWork& unit) { return unit.Stakeholders().Insert(s); });
  }

  std::int64_t InsertProgramme(const std::string& name, std::int64_t owner, const std::string& status,
                               std::int64_t budget) {
    EXPECT_OK(test_database().Execute(
        "INSERT INTO programmes (name, search_name, owner_id, status, starts_on, ends_on, capital_access, "
        "human_resources, partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, "
        "budget, follow_up_months, created_at, updated_at) VALUES ('" + name + "', '" + name + "', " +
        std::to_string(owner) + ", '" + status + "', '2026-01-01', '2026-12-31', 1, 0, 0, 0, 1, 0, " +
        std::to_string(budget) + ", '3,6', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"));
    auto id = test_database().QueryInt("SELECT MAX(id) FROM programmes");
    EXPECT_TRUE(id.ok());
    return id.ok() ? *id : 0;
  }

  Assistance Record(AssistanceKind kind, std::int64_t provider, const char* given_on,
                    std::optional<const char*> until_on = std::nullopt) {
    Assistance a;
    a.provider_id = provider;
    a.enterprise_id = enterprise_;
    a.kind = kind;
    a.value = 1'000'000;
    a.given_on = D(given_on);
    if (until_on) a.until_on = D(*until_on);
    a.created_at = a.updated_at = T("2026-03-01T02:00:00Z");
    return a;
  }

  std::int64_t Insert(const Assistance& a) {
    return Committed([&](UnitOfWork& unit) { return unit.Assistance().Insert(a); });
  }

  Assistance Find(std::int64_t id) {
    auto unit = Begin(Access::kRead);
    auto found = unit->Assistance().Find(id);
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? *found : Assistance{};
  }

  core::Page<Assistance> List(const AssistanceFilter& filter, int limit = 50, std::int64_t offset = 0) {
    auto unit = Begin(Access::kRead);
    auto page = unit->Assistance().List(filter, core::PageRequest{limit, offset});
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? *page : core::Page<Assistance>{};
  }

  static Ids IdsOf(const core::Page<Assistance>& page) {
    Ids ids;
    for (const auto& a : page.items) ids.push_back(a.id);
    return ids;
  }

  std::int64_t dinas_ = 0, bank_ = 0, baznas_ = 0, enterprise_ = 0, group_ = 0, programme_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(AssistanceRepository);

TEST_P(AssistanceRepository, ReadsBackARecordWithItsNamesAndASoftLoanWithItsTerms) {
  Assistance grant = Record(AssistanceKind::kEquipment, baznas_, "2026-02-10");
  grant.group_id = group_;
  grant.enterprise_id.reset();
  grant.value = 4'500'000;
  grant.disbursed_on = D("2026-02-12");
  grant.description = "Panci kukus dan\nrak fermentasi";
  std::int64_t id = Insert(grant);
  ASSERT_GT(id, 0);
  Assistance found = Find(id);
  EXPECT_EQ(found.kind, AssistanceKind::kEquipment);
  EXPECT_EQ(found.provider_id, baznas_);
  EXPECT_EQ(found.provider_name, "BAZNAS Kota Batu");
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.enterprise_id, std::nullopt);
  EXPECT_EQ(found.recipient_name, "Kelompok Tape Banjarsari");
  EXPECT_EQ(found.programme_id, std::nullopt);
  EXPECT_EQ(found.value, 4'500'000);
  EXPECT_EQ(found.given_on, D("2026-02-10"));
  EXPECT_EQ(found.until_on, std::nullopt);
  EXPECT_EQ(found.disbursed_on, D("2026-02-12"));
  EXPECT_EQ(found.description, "Panci kukus dan\nrak fermentasi");
  EXPECT_EQ(found.loan.has_value(), false);
  EXPECT_TRUE(found.duplicate_of.empty());
  EXPECT_EQ(found.created_at, T("2026-03-01T02:00:00Z"));

  Assistance loan = Record(AssistanceKind::kSoftLoan, bank_, "2026-02-01");
  loan.programme_id = programme_;
  loan.value = 12'000'000;
  loan.disbursed_on = D("2026-02-01");
  loan.over_budget_reason = "Tambahan dari APBD perubahan";
  loan.loan = LoanPart{600, 12, InterestMethod::kDeclining, D("2026-03-01")};
  std::int64_t loan_id = Insert(loan);
  ASSERT_GT(loan_id, 0);
  Assistance read = Find(loan_id);
  EXPECT_EQ(read.programme_id, programme_);
  EXPECT_EQ(read.programme_name, "Kredit Usaha Muda");
  EXPECT_EQ(read.recipient_name, "Tape Bu Siti");
  EXPECT_EQ(read.recipient_steward_id, baznas_);
  EXPECT_EQ(read.over_budget_reason, "Tambahan dari APBD perubahan");
  ASSERT_TRUE(read.loan.has_value());
  EXPECT_EQ(read.loan->annual_rate_bp, 600);
  EXPECT_EQ(read.loan->term_months, 12);
  EXPECT_EQ(read.loan->method, InterestMethod::kDeclining);
  EXPECT_EQ(read.loan->first_due_on, D("2026-03-01"));
  EXPECT_EQ(test_database().QueryInt("SELECT COUNT(*) FROM loans").value(), 1);

  auto unit = Begin(Access::kRead);
  auto missing = unit->Assistance().Find(999999);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(AssistanceRepository, DuplicatesAreTheSameKindForTheSameRecipientOverOverlappingDays) {
  // Two providers train her in overlapping weeks; a third course later does not overlap.
  std::int64_t first = Insert(Record(AssistanceKind::kTrainingSeat, dinas_, "2026-02-02", "2026-02-06"));
  std::int64_t second = Insert(Record(AssistanceKind::kTrainingSeat, bank_, "2026-02-06", "2026-02-08"));
  std::int64_t later = Insert(Record(AssistanceKind::kTrainingSeat, baznas_, "2026-02-09", "2026-02-10"));
  // One day inside the first course's period, also of a third provider.
  std::int64_t day = Insert(Record(AssistanceKind::kTrainingSeat, baznas_, "2026-02-03"));
  // Other kinds, or another recipient, in the same days are not duplicates.
  std::int64_t grant = Insert(Record(AssistanceKind::kGrant, bank_, "2026-02-03"));
  Assistance to_group = Record(AssistanceKind::kTrainingSeat, bank_, "2026-02-03");
  to_group.enterprise_id.reset();
  to_group.group_id = group_;
  std::int64_t group_seat = Insert(to_group);

  EXPECT_EQ(Find(first).duplicate_of, (Ids{second, day}));
  EXPECT_EQ(Find(second).duplicate_of, (Ids{first}));  // 6 February is in both
  EXPECT_EQ(Find(day).duplicate_of, (Ids{first}));
  EXPECT_TRUE(Find(later).duplicate_of.empty());
  EXPECT_TRUE(Find(grant).duplicate_of.empty());
  EXPECT_TRUE(Find(group_seat).duplicate_of.empty());

  // The list: each record once with all of its duplicates, however the page cuts.
  auto all = List({});
  EXPECT_EQ(all.total, 6);
  EXPECT_EQ(IdsOf(all), (Ids{later, second, group_seat, grant, day, first}));
  auto last = List({}, 1, 5);
  ASSERT_EQ(last.items.size(), 1u);
  EXPECT_EQ(last.items[0].id, first);
  EXPECT_EQ(last.items[0].duplicate_of, (Ids{second, day}));
  auto flagged = List({.duplicates_only = true});
  EXPECT_EQ(flagged.total, 3);
  EXPECT_EQ(IdsOf(flagged), (Ids{second, day, first}));
}

TEST_P(AssistanceRepository, FiltersAndTheReachOfOfficersAndFacilitators) {
  Assistance a = Record(AssistanceKind::kGrant, dinas_, "2026-01-10");
  std::int64_t by_dinas = Insert(a);
  Assistance b = Record(AssistanceKind::kSoftLoan, bank_, "2026-02-10");
  b.programme_id = programme_;
  b.loan = LoanPart{600, 6, InterestMethod::kFlat, D("2026-03-10")};
  b.disbursed_on = D("2026-02-10");
  std::int64_t in_programme = Insert(b);
  Assistance c = Record(AssistanceKind::kConsultation, baznas_, "2026-03-10");
  c.enterprise_id.reset();
  c.group_id = group_;
  std::int64_t to_group = Insert(c);

  EXPECT_EQ(IdsOf(List({.kind = AssistanceKind::kGrant})), (Ids{by_dinas}));
  EXPECT_EQ(IdsOf(List({.programme_id = programme_})), (Ids{in_programme}));
  EXPECT_EQ(IdsOf(List({.provider_id = baznas_})), (Ids{to_group}));
  EXPECT_EQ(IdsOf(List({.enterprise_id = enterprise_})), (Ids{in_programme, by_dinas}));
  EXPECT_EQ(IdsOf(List({.group_id = group_})), (Ids{to_group}));
  EXPECT_EQ(IdsOf(List({.from = D("2026-02-10"), .to = D("2026-02-10")})), (Ids{in_programme}));

  // Dinas owns the programme; the bank is its partner and gave the loan; BAZNAS stewards the
  // enterprise (so it reads what reached it) and gave the group's consultation.
  EXPECT_EQ(IdsOf(List({.reach = {dinas_, std::nullopt}})), (Ids{in_programme, by_dinas}));
  EXPECT_EQ(IdsOf(List({.reach = {bank_, std::nullopt}})), (Ids{in_programme}));
  EXPECT_EQ(IdsOf(List({.reach = {baznas_, std::nullopt}})), (Ids{to_group, in_programme, by_dinas}));
  EXPECT_EQ(IdsOf(List({.reach = {std::nullopt, programme_}})), (Ids{in_programme}));
  EXPECT_EQ(List({.reach = {std::nullopt, programme_ + 1}}).total, 0);
}

TEST_P(AssistanceRepository, ABudgetTallyCountsCommittedDisbursedAndOverridesOfItsProgrammeOnly) {
  auto unit = Begin(Access::kRead);
  auto empty = unit->Assistance().Tally(programme_);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->committed, 0);
  unit.reset();

  Assistance committed = Record(AssistanceKind::kWorkingCapital, dinas_, "2026-02-01");
  committed.programme_id = programme_;
  committed.value = 30'000'000;
  Insert(committed);
  Assistance disbursed = committed;
  disbursed.value = 80'000'000;
  disbursed.disbursed_on = D("2026-02-03");
  disbursed.over_budget_reason = "Disetujui kepala dinas";
  Insert(disbursed);
  Assistance elsewhere = committed;
  elsewhere.programme_id.reset();
  Insert(elsewhere);
  auto read = Begin(Access::kRead);
  auto tally = read->Assistance().Tally(programme_);
  ASSERT_TRUE(tally.ok()) << tally.error().message;
  EXPECT_EQ(tally->committed, 110'000'000);
  EXPECT_EQ(tally->disbursed, 80'000'000);
  EXPECT_EQ(tally->over_budget_records, 1);
}

TEST_P(AssistanceRepository, RepaymentsInTheirDaysOrderAndTheLoanBookOfAFilter) {
  Assistance loan = Record(AssistanceKind::kSoftLoan, bank_, "2026-02-01");
  loan.programme_id = programme_;
  loan.disbursed_on = D("2026-02-01");
  loan.loan = LoanPart{600, 6, InterestMethod::kFlat, D("2026-03-01")};
  std::int64_t first = Insert(loan);
  loan.disbursed_on = D("2026-01-15");
  loan.given_on = D("2026-01-15");
  std::int64_t older = Insert(loan);
  loan.programme_id.reset();
  std::int64_t outside = Insert(loan);
  Insert(Record(AssistanceKind::kGrant, bank_, "2026-02-01"));
  std::int64_t user = InsertUser(SampleUser("petugas"));

  auto repay = [&](std::int64_t loan_id, const char* paid_on, std::int64_t amount) {
    RecordedRepayment r;
    r.loan_id = loan_id;
    r.paid_on = D(paid_on);
    r.amount = amount;
    r.recorded_by = user;
    r.created_at = T("2026-04-01T01:00:00Z");
    return Committed([&](UnitOfWork& unit) { return unit.Assistance().InsertRepayment(r); });
  };
  std::int64_t april = repay(first, "2026-04-01", 200'000);
  std::int64_t march = repay(first, "2026-03-01", 172'000);
  repay(older, "2026-03-01", 100'000);
  repay(outside, "2026-03-01", 50'000);

  auto unit = Begin(Access::kWrite);
  ASSERT_OK(unit->Assistance().Lock(first));
  auto repayments = unit->Assistance().Repayments(first);
  ASSERT_TRUE(repayments.ok()) << repayments.error().message;
  ASSERT_EQ(repayments->size(), 2u);
  EXPECT_EQ((*repayments)[0].id, march);
  EXPECT_EQ((*repayments)[0].amount, 172'000);
  EXPECT_EQ((*repayments)[0].recorded_by_username, "petugas");
  EXPECT_EQ((*repayments)[1].id, april);
  EXPECT_EQ((*repayments)[1].paid_on, D("2026-04-01"));

  auto book = unit->Assistance().LoanBook({.programme_id = programme_});
  ASSERT_TRUE(book.ok()) << book.error().message;
  ASSERT_EQ(book->size(), 2u);  // the grant and the loan outside the programme are not in it
  EXPECT_EQ((*book)[0].assistance.id, older);  // oldest disbursement first
  EXPECT_EQ((*book)[0].repayments.size(), 1u);
  EXPECT_EQ((*book)[1].assistance.id, first);
  EXPECT_EQ((*book)[1].repayments.size(), 2u);
  EXPECT_EQ((*book)[1].repayments[0].id, march);
  auto everything = unit->Assistance().LoanBook({});
  ASSERT_TRUE(everything.ok());
  EXPECT_EQ(everything->size(), 3u);
}

}  // namespace
}  // namespace gotong::storage_tests
