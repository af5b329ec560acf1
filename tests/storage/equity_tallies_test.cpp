// The equity dashboard's kept counts (V031) and ledger records (V035): after inserts, moves of an
// enterprise to another village, sector or scale, an owner's gender, a group's village, a
// provider's helix, a record moved to another recipient, and deletions, the three tallies and
// equity_records equal a count from scratch (their recount views); and the repository answers the
// same whether it adds up the tallies or counts the ledger.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/programmes/assistance.hpp"
#include "domain/programmes/dashboards.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using domain::programmes::Assistance;
using domain::programmes::AssistanceKind;
using domain::programmes::CountSource;
using domain::programmes::EquityCounts;
using domain::programmes::EquityDimension;
using domain::programmes::EquityFilter;

class EquityTallies : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    dinas_ = InsertStakeholder("Dinas Koperasi Kota Batu", domain::registry::Helix::kGovernment);
    bank_ = InsertStakeholder("Bank Jatim Batu", domain::registry::Helix::kBusiness);
    siti_ = InsertPerson("Siti Aminah");
    budi_ = InsertPerson("Budi");
    tape_ = InsertEnterprise("Tape Bu Siti", siti_, kBanjarsari, domain::registry::Sector::kFoodProcessing);
    batik_ = InsertEnterprise("Batik Sekar", budi_, kKotaMalangVillage, domain::registry::Sector::kBatik);
    kopi_ = InsertEnterprise("Kopi Ngajum", siti_, kNgajum, domain::registry::Sector::kBeverages);
    group_ = InsertGroup("Kelompok Tape Banjarsari");
    ASSERT_GT(kopi_, 0);
    ASSERT_GT(group_, 0);
  }

  std::int64_t InsertStakeholder(const std::string& name, domain::registry::Helix helix) {
    domain::registry::Stakeholder s;
    s.name = name;
    s.helix = helix;
    s.created_at = s.updated_at = T("2026-01-02T03:04:05Z");
    return Committed([&](UnitOfWork& unit) { return unit.Stakeholders().Insert(s); });
  }

  std::int64_t InsertEnterprise(const std::string& name, std::int64_t owner, const std::string& village,
                                domain::registry::Sector sector) {
    domain::registry::Enterprise e;
    e.owner_id = owner;
    e.name = name;
    e.sector = sector;
    e.village_code = village;
    e.created_at = e.updated_at = T("2026-01-02T03:04:05Z");
    return Committed([&](UnitOfWork& unit) { return unit.Enterprises().Insert(e); });
  }

  std::int64_t Give(std::optional<std::int64_t> enterprise, std::optional<std::int64_t> group, std::int64_t provider,
                    AssistanceKind kind, std::int64_t value, const char* given_on) {
    Assistance a;
    a.provider_id = provider;
    a.enterprise_id = enterprise;
    a.group_id = group;
    a.kind = kind;
    a.value = value;
    a.given_on = D(given_on);
    a.created_at = a.updated_at = T("2026-03-01T02:00:00Z");
    return Committed([&](UnitOfWork& unit) { return unit.Assistance().Insert(a); });
  }

  template <typename Change>
  void Edit(Change&& change) {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    change(*unit);
    ASSERT_OK(unit->Commit());
  }

  // Rows where the kept tallies (and equity_records, V035) and the recount views differ, both ways
  // (0 when in step).
  std::int64_t Differences() {
    std::int64_t out = 0;
    const std::string kRecordColumns =
        "given_on, id, kind, helix, programme_id, recipient, recipient_id, village_code, sector, scale, gender, value";
    for (const std::string& sql : std::vector<std::string>{
             "SELECT COUNT(*) FROM (SELECT dim, value, n FROM equity_enterprise_tallies WHERE n <> 0 EXCEPT "
          "SELECT dim, value, n FROM equity_enterprise_recount) x",
          "SELECT COUNT(*) FROM (SELECT dim, value, n FROM equity_enterprise_recount EXCEPT "
          "SELECT dim, value, n FROM equity_enterprise_tallies WHERE n <> 0) x",
          "SELECT COUNT(*) FROM (SELECT dim, value, month, kind, helix, records, total FROM "
          "equity_assistance_tallies WHERE records <> 0 EXCEPT SELECT dim, value, month, kind, helix, records, "
          "total FROM equity_assistance_recount) x",
          "SELECT COUNT(*) FROM (SELECT dim, value, month, kind, helix, records, total FROM "
          "equity_assistance_recount EXCEPT SELECT dim, value, month, kind, helix, records, total FROM "
          "equity_assistance_tallies WHERE records <> 0) x",
          "SELECT COUNT(*) FROM (SELECT dim, scope, value, recipient, n FROM equity_served_tallies WHERE n <> 0 "
          "EXCEPT SELECT dim, scope, value, recipient, n FROM equity_served_recount) x",
          "SELECT COUNT(*) FROM (SELECT dim, scope, value, recipient, n FROM equity_served_recount EXCEPT "
          "SELECT dim, scope, value, recipient, n FROM equity_served_tallies WHERE n <> 0) x",
          "SELECT COUNT(*) FROM (SELECT " + kRecordColumns + " FROM equity_records EXCEPT SELECT " + kRecordColumns +
              " FROM equity_records_recount) x",
          "SELECT COUNT(*) FROM (SELECT " + kRecordColumns + " FROM equity_records_recount EXCEPT SELECT " +
              kRecordColumns + " FROM equity_records) x"}) {
      auto n = test_database().QueryInt(sql);
      EXPECT_TRUE(n.ok()) << n.error().message;
      if (n.ok()) out += *n;
    }
    return out;
  }

  EquityCounts Counts(const EquityFilter& filter) {
    auto unit = Begin(Access::kRead);
    auto counts = unit->Dashboards().Equity(filter);
    EXPECT_TRUE(counts.ok()) << counts.error().message;
    return counts.ok() ? *counts : EquityCounts{};
  }

  std::int64_t dinas_ = 0, bank_ = 0, siti_ = 0, budi_ = 0, tape_ = 0, batik_ = 0, kopi_ = 0, group_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(EquityTallies);

TEST_P(EquityTallies, StayEqualToARecountThroughInsertsEditsAndDeletions) {
  EXPECT_EQ(Differences(), 0);
  const std::int64_t grant = Give(tape_, std::nullopt, dinas_, AssistanceKind::kGrant, 1'000'000, "2024-03-05");
  Give(tape_, std::nullopt, bank_, AssistanceKind::kGrant, 500'000, "2024-03-20");
  const std::int64_t loan = Give(batik_, std::nullopt, bank_, AssistanceKind::kSoftLoan, 10'000'000, "2023-07-01");
  Give(std::nullopt, group_, dinas_, AssistanceKind::kEquipment, 2'500'000, "2024-01-10");
  EXPECT_EQ(Differences(), 0);
  ASSERT_OK_AND_ASSIGN(auto served, test_database().QueryInt(
                                        "SELECT n FROM equity_served_tallies WHERE dim = 'regency' AND scope = "
                                        "'*|*|*' AND value = '35.07' AND recipient = 'e'"));
  EXPECT_EQ(served, 1);  // the tape enterprise, twice given to

  // The enterprise moves village, sector and scale; its owner's gender changes.
  Edit([&](UnitOfWork& unit) {
    auto tape = unit.Enterprises().Find(tape_);
    ASSERT_OK(tape);
    auto moved = *tape;
    moved.village_code = kKotaMalangVillage;
    moved.sector = domain::registry::Sector::kCulinary;
    moved.turnover = 3'000'000'000;  // small (PP 7/2021)
    ASSERT_OK(unit.Enterprises().Update(moved));
  });
  EXPECT_EQ(Differences(), 0);
  Edit([&](UnitOfWork& unit) {
    auto budi = unit.People().Find(budi_);
    ASSERT_OK(budi);
    auto changed = *budi;
    changed.gender = std::nullopt;
    ASSERT_OK(unit.People().Update(changed));
  });
  EXPECT_EQ(Differences(), 0);
  // The group moves; the bank is re-classed as academia; a record goes to another recipient.
  ASSERT_OK(test_database().Execute("UPDATE groups SET village_code = '" + std::string(kKotaMalangVillage) +
                                    "' WHERE id = " + std::to_string(group_)));
  ASSERT_OK(test_database().Execute("UPDATE stakeholders SET helix = 'academia' WHERE id = " + std::to_string(bank_)));
  ASSERT_OK(test_database().Execute("UPDATE assistance SET enterprise_id = " + std::to_string(kopi_) +
                                    ", kind = 'training_seat', given_on = '2025-02-01' WHERE id = " +
                                    std::to_string(loan)));
  EXPECT_EQ(Differences(), 0);
  // Deletions: a record, then an enterprise without records.
  ASSERT_OK(test_database().Execute("DELETE FROM assistance WHERE id = " + std::to_string(grant)));
  EXPECT_EQ(Differences(), 0);
  ASSERT_OK(test_database().Execute("DELETE FROM enterprises WHERE id = " + std::to_string(batik_)));
  EXPECT_EQ(Differences(), 0);
  ASSERT_OK_AND_ASSIGN(auto enterprises, test_database().QueryInt(
                                             "SELECT SUM(n) FROM equity_enterprise_tallies WHERE dim = 'province'"));
  EXPECT_EQ(enterprises, 2);
}

TEST_P(EquityTallies, TheTalliesAndTheLedgerGiveTheSameCounts) {
  Give(tape_, std::nullopt, dinas_, AssistanceKind::kGrant, 1'000'000, "2024-03-05");
  Give(tape_, std::nullopt, bank_, AssistanceKind::kGrant, 500'000, "2024-03-20");
  Give(kopi_, std::nullopt, bank_, AssistanceKind::kSoftLoan, 10'000'000, "2024-07-01");
  Give(batik_, std::nullopt, bank_, AssistanceKind::kTrainingSeat, 300'000, "2023-11-01");
  Give(std::nullopt, group_, dinas_, AssistanceKind::kEquipment, 2'500'000, "2024-01-10");
  for (auto dimension : {EquityDimension::kProvince, EquityDimension::kRegency, EquityDimension::kDistrict,
                         EquityDimension::kSector, EquityDimension::kScale, EquityDimension::kGender}) {
    for (int variant = 0; variant < 3; ++variant) {
      EquityFilter kept;
      kept.dimension = dimension;
      if (dimension == EquityDimension::kDistrict) kept.region = "35.07";
      if (variant == 1) {
        kept.from = D("2024-01-01");
        kept.to = D("2024-12-31");
      }
      if (variant == 2) {
        kept.helix = domain::registry::Helix::kBusiness;
        kept.kind = AssistanceKind::kGrant;
      }
      // The same filter ending a day before a month's end: counted from the ledger.
      EquityFilter ledger = kept;
      ledger.to = kept.to ? D("2024-12-30") : D("2099-12-30");
      EquityCounts a = Counts(kept), b = Counts(ledger);
      EXPECT_EQ(a.assistance_source, CountSource::kTallies);
      EXPECT_EQ(a.served_source, CountSource::kTallies);
      EXPECT_EQ(b.assistance_source, CountSource::kLedger);
      EXPECT_EQ(b.served_source, CountSource::kLedger);
      EXPECT_EQ(a.assistance.size(), b.assistance.size()) << ToString(dimension) << " " << variant;
      for (const auto& [value, cell] : a.assistance) {
        const auto& other = b.assistance[value];
        EXPECT_EQ(cell.records, other.records) << ToString(dimension) << " " << value << " " << variant;
        EXPECT_EQ(cell.value, other.value) << ToString(dimension) << " " << value;
        EXPECT_EQ(cell.enterprises_served, other.enterprises_served) << ToString(dimension) << " " << value;
        EXPECT_EQ(cell.groups_served, other.groups_served) << ToString(dimension) << " " << value;
      }
    }
  }
  EquityFilter regencies;
  regencies.dimension = EquityDimension::kRegency;
  regencies.region = "35";
  EquityCounts counts = Counts(regencies);
  EXPECT_EQ(counts.enterprises["35.07"], 2);
  EXPECT_EQ(counts.enterprises["35.79"], 1);
  EXPECT_EQ(counts.assistance["35.07"].records, 4);  // two grants and a loan, the group's equipment
  EXPECT_EQ(counts.assistance["35.07"].enterprises_served, 2);
  EXPECT_EQ(counts.assistance["35.07"].groups_served, 1);
  EXPECT_EQ(counts.assistance["35.07"].value, 14'000'000);
}

}  // namespace
}  // namespace gotong::storage_tests
