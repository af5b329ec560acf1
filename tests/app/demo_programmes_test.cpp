// `gotong demo`'s programmes (issue 15): seed 001's year of YBM BRILiaN with the tape group and
// seed 002's programmes of Kota Batu over a generated registry, loaded through the real services
// into a fresh SQLite database, hold what the seeds describe.
#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/demo_data.hpp"
#include "app/runtime_fixture.hpp"
#include "domain/groups/group_access.hpp"

namespace gotong::app {
namespace {

using domain::accounts::Context;
namespace programmes = domain::programmes;

class DemoProgrammesTest : public RuntimeTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(RuntimeTest::SetUp());
    auto dinas = LoadDemoStakeholders(*runtime_);
    ASSERT_TRUE(dinas.ok()) << dinas.error().message;
    // A smaller registry than the demo's 14,579: enough young micro businesses for every loan.
    auto added = LoadDemoRegistry(*runtime_, *dinas, 3000);
    ASSERT_TRUE(added.ok()) << added.error().message;
    ASSERT_OK(runtime_->accounts->CreateUser(system_, {"mentor", "Mentor Komunitas", "mentor",
                                                       "kata-sandi-panjang-sekali", std::nullopt}));
    auto groups = LoadDemoGroups(*runtime_);
    ASSERT_TRUE(groups.ok()) << groups.error().message;
    groups_ = *groups;
    auto loaded = LoadDemoProgrammes(*runtime_, groups_);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    programmes_ = *loaded;
  }

  domain::groups::Month Back(int months) const {
    return domain::groups::MonthsBefore(domain::groups::Month::Of(today_), months);
  }

  // The ledger's records (newest first) of a programme, a group, a kind, or the flagged duplicates.
  std::vector<programmes::Assistance> Ledger(std::optional<std::int64_t> programme_id,
                                             std::optional<std::int64_t> group_id = std::nullopt,
                                             std::optional<std::string> kind = std::nullopt,
                                             bool duplicates_only = false) {
    programmes::AssistanceQuery query;
    query.programme_id = programme_id;
    query.group_id = group_id;
    query.kind = std::move(kind);
    query.duplicates_only = duplicates_only;
    query.page = {core::PageRequest::kMaxLimit, 0};
    auto page = runtime_->assistance->List(system_, query);
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? page->items : std::vector<programmes::Assistance>{};
  }

  DemoGroups groups_;
  DemoProgrammes programmes_;
  Context system_ = Context::System("test");
  core::Date today_ = core::DayInIndonesia(core::SystemClock{}.Now());
};

TEST_F(DemoProgrammesTest, YbmBrilianRanOneYearWithTheTapeGroupClosedItAndSupportedItAgainAfterwards) {
  ASSERT_GT(programmes_.ybm, 0);
  auto ybm = runtime_->programmes->Get(system_, programmes_.ybm);
  ASSERT_TRUE(ybm.ok()) << ybm.error().message;
  const auto& programme = ybm->programme;
  EXPECT_EQ(programme.owner_name, "YBM BRILiaN");
  EXPECT_EQ(programme.status, programmes::ProgrammeStatus::kClosed);
  EXPECT_EQ(programme.starts_on, Back(23).FirstDay());
  EXPECT_EQ(programme.ends_on, Back(12).LastDay());
  EXPECT_EQ(programme.sop_meetings_per_month, 1);
  EXPECT_EQ(programme.follow_up_months, (std::vector<int>{3, 6, 12}));
  ASSERT_EQ(programme.partners.size(), 3u);  // the owner first, then the bank and the university
  EXPECT_EQ(programme.partners[0].helix, domain::registry::Helix::kCivilSociety);
  EXPECT_EQ(programme.partners[1].helix, domain::registry::Helix::kBusiness);
  EXPECT_EQ(programme.partners[2].helix, domain::registry::Helix::kAcademia);

  auto enrolled = runtime_->programmes->Enrolments(system_, programmes_.ybm, {});
  ASSERT_TRUE(enrolled.ok()) << enrolled.error().message;
  ASSERT_EQ(enrolled->total, 1);
  EXPECT_EQ(enrolled->items[0].group_id, groups_.tape_group);
  EXPECT_FALSE(enrolled->items[0].outside_criteria_reason.has_value()) << "the tape group meets the criteria";

  // Equipment, working capital (the aid the group's treasury received), training, the food
  // permit and bookkeeping coaching: Rp 37.000.000 of Rp 60.000.000, all disbursed.
  auto budget = runtime_->assistance->Budget(system_, programmes_.ybm);
  ASSERT_TRUE(budget.ok()) << budget.error().message;
  EXPECT_EQ(budget->budget, 60'000'000);
  EXPECT_EQ(budget->tally.committed, 37'000'000);
  EXPECT_EQ(budget->tally.disbursed, 37'000'000);
  EXPECT_EQ(Ledger(programmes_.ybm).size(), 5u);

  // After the year: the further equipment support, outside the closed programme.
  auto to_group = Ledger(std::nullopt, groups_.tape_group);
  ASSERT_EQ(to_group.size(), 6u);
  const auto& later = to_group.front();  // newest first
  EXPECT_FALSE(later.programme_id.has_value());
  EXPECT_EQ(later.kind, programmes::AssistanceKind::kEquipment);
  EXPECT_EQ(later.value, 8'500'000);
  EXPECT_GT(later.given_on, programme.ends_on);
}

TEST_F(DemoProgrammesTest, YbmHandedCoachingToSulastriBeforeTheEndAndVisitedTheGroupOnTheScheduleSince) {
  auto exit = runtime_->exits->Get(system_, programmes_.ybm, groups_.tape_group);
  ASSERT_TRUE(exit.ok()) << exit.error().message;
  EXPECT_EQ(exit->status, programmes::ExitStatus::kHandedOver);
  ASSERT_TRUE(exit->current.has_value());
  EXPECT_EQ(exit->current->hero_name, "Sulastri");
  for (const auto& check : exit->current->checklist) {
    EXPECT_TRUE(check.met);
    EXPECT_TRUE(check.evidence.has_value());
  }
  ASSERT_TRUE(exit->current->handed_over_on.has_value());
  auto ybm = runtime_->programmes->Get(system_, programmes_.ybm);
  ASSERT_TRUE(ybm.ok()) << ybm.error().message;
  const core::Date ends_on = ybm->programme.ends_on;
  EXPECT_LE(*exit->current->handed_over_on, ends_on) << "handed over inside the programme's year";
  EXPECT_GT(*exit->current->handed_over_on, exit->current->nominated_on);

  // She is the group's mentor and local hero now.
  auto members = runtime_->groups->ListMembers(system_, groups_.tape_group, false, {200, 0});
  ASSERT_TRUE(members.ok()) << members.error().message;
  int heroes = 0;
  for (const auto& m : members->items) {
    if (m.local_hero) {
      ++heroes;
      EXPECT_EQ(m.person_name, "Sulastri");
      EXPECT_TRUE(m.mentor);
    }
  }
  EXPECT_EQ(heroes, 1);

  // The visits of 3, 6 and 12 months after the end: those whose day has come are done, in order,
  // after the end and not in the future; none is overdue.
  auto visits = runtime_->exits->GroupVisits(system_, programmes_.ybm, groups_.tape_group);
  ASSERT_TRUE(visits.ok()) << visits.error().message;
  ASSERT_EQ(visits->schedule.size(), 3u);
  ASSERT_GE(visits->visits.size(), 2u) << "the programme ended a year ago: the 3- and 6-month visits are done";
  for (const auto& slot : visits->schedule) {
    EXPECT_NE(slot.state, programmes::VisitState::kOverdue) << slot.month;
  }
  EXPECT_EQ(visits->schedule[0].state, programmes::VisitState::kDone);
  EXPECT_EQ(visits->schedule[1].state, programmes::VisitState::kDone);
  for (const auto& v : visits->visits) {
    EXPECT_GT(v.visited_on, ends_on);
    EXPECT_LE(v.visited_on, today_);
    EXPECT_EQ(v.status, programmes::GroupCondition::kActive);
  }
}

TEST_F(DemoProgrammesTest, BatuLendsToYoungMicroBusinessesAndSomeLoansFallMoreThan30DaysBehind) {
  ASSERT_GT(programmes_.soft_loans, 0);
  programmes::LoanQuery query;
  query.programme_id = programmes_.soft_loans;
  query.page = {core::PageRequest::kMaxLimit, 0};
  auto book = runtime_->assistance->Loans(system_, query);
  ASSERT_TRUE(book.ok()) << book.error().message;
  EXPECT_EQ(book->loans.total, 120);
  const auto& par = book->portfolio;
  EXPECT_GT(par.loans_at_risk, 0) << "some borrowers stopped paying";
  EXPECT_LT(par.loans_at_risk, par.loans_outstanding / 2) << "most pay";
  EXPECT_GT(par.ratio, 0.0);
  EXPECT_LT(par.ratio, 0.5);
  int repaid = 0;
  auto programme = runtime_->programmes->Get(system_, programmes_.soft_loans);
  ASSERT_TRUE(programme.ok()) << programme.error().message;
  const int young_since = programme->programme.starts_on.year - 5;

  // The borrowers are the beneficiaries of one round the officer confirmed: 120 of more candidates.
  programmes::RoundQuery rounds_query;
  rounds_query.page = {10, 0};
  auto rounds = runtime_->targeting->Rounds(system_, programmes_.soft_loans, rounds_query);
  ASSERT_TRUE(rounds.ok()) << rounds.error().message;
  ASSERT_EQ(rounds->total, 1);
  const auto& round = rounds->items[0];
  EXPECT_EQ(round.status, programmes::RoundStatus::kConfirmed);
  EXPECT_EQ(round.selected_count, 120);
  EXPECT_GT(round.candidate_count, round.selected_count);
  std::set<std::int64_t> beneficiaries;
  int in_poor_households = 0;
  for (int offset = 0; offset < 120; offset += 100) {
    auto page = runtime_->targeting->Beneficiaries(system_, programmes_.soft_loans, round.id, {100, offset});
    ASSERT_TRUE(page.ok()) << page.error().message;
    for (const auto& b : page->items) {
      beneficiaries.insert(b.beneficiary.candidate.id);
      if (!b.beneficiary.candidate.facts.categories.empty()) ++in_poor_households;
    }
  }
  EXPECT_EQ(beneficiaries.size(), 120u);
  EXPECT_GT(in_poor_households, 0) << "poor and zakat-receiving households rank first";
  auto enrolled = runtime_->programmes->Enrolments(system_, programmes_.soft_loans, {});
  ASSERT_TRUE(enrolled.ok()) << enrolled.error().message;
  EXPECT_EQ(enrolled->total, 120) << "confirming the round enrolled its beneficiaries";

  for (const auto& summary : book->loans.items) {
    EXPECT_TRUE(beneficiaries.count(*summary.assistance.enterprise_id)) << summary.assistance.recipient_name;
    const auto& loan = summary.assistance;
    EXPECT_GE(loan.value, 5'000'000);
    EXPECT_LE(loan.value, 25'000'000);
    ASSERT_TRUE(loan.loan.has_value());
    EXPECT_EQ(loan.loan->annual_rate_bp, 600);
    auto enterprise = runtime_->registry->GetEnterprise(system_, *loan.enterprise_id);
    ASSERT_TRUE(enterprise.ok()) << enterprise.error().message;
    ASSERT_TRUE(enterprise->enterprise.founded_year.has_value());
    EXPECT_GE(*enterprise->enterprise.founded_year, young_since) << loan.recipient_name;
    if (summary.arrears.outstanding_principal < loan.value) ++repaid;
  }
  EXPECT_GT(repaid, 60) << "repayments were recorded";
}

TEST_F(DemoProgrammesTest, BatuTrainingAndExhibitionsReachManyEnterprisesAndTheLedgerFlagsCoursesTakenTwice) {
  ASSERT_GT(programmes_.training, 0);
  ASSERT_GT(programmes_.exhibitions, 0);
  EXPECT_GT(programmes_.assistance_records, 200);
  auto seats = Ledger(programmes_.training, std::nullopt, "training_seat");
  EXPECT_GT(seats.size(), 80u);
  std::set<std::int64_t> taught;
  for (const auto& seat : seats) taught.insert(*seat.enterprise_id);
  EXPECT_GT(taught.size(), 80u);
  auto twice = Ledger(programmes_.training, std::nullopt, std::nullopt, true);
  EXPECT_FALSE(twice.empty()) << "a course attended from two providers is flagged";
  for (const auto& seat : twice) EXPECT_FALSE(seat.duplicate_of.empty());
  EXPECT_GT(Ledger(programmes_.exhibitions).size(), 20u);
}

}  // namespace
}  // namespace gotong::app
