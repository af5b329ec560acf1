#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/registry/registry.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::registry::AreaCount;
using domain::registry::Enterprise;
using domain::registry::EnterpriseFilter;
using domain::registry::EnterpriseSort;
using domain::registry::Gender;
using domain::registry::Helix;
using domain::registry::Person;
using domain::registry::Scale;
using domain::registry::Sector;
using domain::registry::Stakeholder;
using domain::registry::StakeholderKind;
using domain::registry::Status;

constexpr std::int64_t kMillion = 1'000'000;

// ---- stakeholders -----------------------------------------------------------------------------

class StakeholderRepository : public StorageTest {
 protected:
  Stakeholder Sample(const std::string& name, Helix helix = Helix::kGovernment,
                     StakeholderKind kind = StakeholderKind::kAgency) {
    Stakeholder s;
    s.name = name;
    s.helix = helix;
    s.kind = kind;
    s.created_at = T("2026-01-02T03:04:05Z");
    s.updated_at = T("2026-01-02T03:04:05Z");
    return s;
  }
  std::int64_t Insert(const Stakeholder& s) {
    return Committed([&](UnitOfWork& unit) { return unit.Stakeholders().Insert(s); });
  }
  std::vector<std::string> Names(std::optional<Helix> helix, std::optional<StakeholderKind> kind,
                                 std::optional<std::string> q, core::PageRequest page = {},
                                 std::int64_t* total = nullptr) {
    std::vector<std::string> names;
    auto unit = Begin(Access::kRead);
    if (!unit) return names;
    auto list = unit->Stakeholders().List(helix, kind, q, page);
    EXPECT_TRUE(list.ok()) << list.error().message;
    if (!list.ok()) return names;
    for (const auto& s : list->items) names.push_back(s.name);
    if (total) *total = list->total;
    return names;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(StakeholderRepository);

TEST_P(StakeholderRepository, EveryFieldRoundTripsAndUpdateClearsOptionals) {
  Stakeholder s = Sample("Bank BRI Malang", Helix::kBusiness, StakeholderKind::kBank);
  s.region_code = "35.07";
  s.contact = "Pak Budi \xE2\x80\x94 0341 123456";
  s.updated_at = T("2026-02-03T04:05:06Z");
  std::int64_t id = Insert(s);
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(Stakeholder found, unit->Stakeholders().Find(id));
    EXPECT_EQ(found.id, id);
    EXPECT_EQ(found.name, s.name);
    EXPECT_EQ(found.helix, Helix::kBusiness);
    EXPECT_EQ(found.kind, StakeholderKind::kBank);
    EXPECT_EQ(found.region_code, "35.07");
    EXPECT_EQ(found.contact, s.contact);
    EXPECT_EQ(found.created_at, s.created_at);
    EXPECT_EQ(found.updated_at, s.updated_at);
  }
  Stakeholder changed = Sample("Universitas Brawijaya", Helix::kAcademia,
                               StakeholderKind::kUniversity);
  changed.id = id;
  changed.updated_at = T("2026-03-03T00:00:00Z");
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Stakeholders().Update(changed));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Stakeholder found, unit->Stakeholders().Find(id));
  EXPECT_EQ(found.name, "Universitas Brawijaya");
  EXPECT_EQ(found.helix, Helix::kAcademia);
  EXPECT_EQ(found.kind, StakeholderKind::kUniversity);
  EXPECT_FALSE(found.region_code.has_value());
  EXPECT_FALSE(found.contact.has_value());
  EXPECT_EQ(found.updated_at, T("2026-03-03T00:00:00Z"));
  EXPECT_EQ(found.created_at, T("2026-01-02T03:04:05Z"));
  EXPECT_ERROR_CODE(unit->Stakeholders().Find(424242), ErrorCode::kNotFound);
}

TEST_P(StakeholderRepository, TakenNameIsAlreadyExistsOnNameForInsertAndUpdate) {
  ASSERT_GT(Insert(Sample("Dinas Koperasi")), 0);
  std::int64_t other = Insert(Sample("Bank BRI"));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto again = unit->Stakeholders().Insert(Sample("Dinas Koperasi"));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(again.error().fields.size(), 1u);
    EXPECT_EQ(again.error().fields[0].field, "name");
  }
  Stakeholder renamed = Sample("Dinas Koperasi");
  renamed.id = other;
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  auto update = unit->Stakeholders().Update(renamed);
  ASSERT_FALSE(update.ok());
  EXPECT_EQ(update.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(update.error().fields.size(), 1u);
  EXPECT_EQ(update.error().fields[0].field, "name");
}

TEST_P(StakeholderRepository, ListOrdersByHelixThenNameAndFiltersWithLiteralSearch) {
  Insert(Sample("Zakat 100% Amanah", Helix::kCivilSociety, StakeholderKind::kZakatInstitution));
  Insert(Sample("Universitas Brawijaya", Helix::kAcademia, StakeholderKind::kUniversity));
  Insert(Sample("Bank BRI", Helix::kBusiness, StakeholderKind::kBank));
  Insert(Sample("Dinas Koperasi", Helix::kGovernment, StakeholderKind::kAgency));
  Insert(Sample("Bappeda", Helix::kGovernment, StakeholderKind::kAgency));
  Insert(Sample("Bank_Jatim", Helix::kBusiness, StakeholderKind::kBank));
  Insert(Sample("BankXJatim 1000", Helix::kBusiness, StakeholderKind::kBank));

  std::int64_t total = 0;
  EXPECT_EQ(Names(std::nullopt, std::nullopt, std::nullopt, {}, &total),
            (std::vector<std::string>{"Bappeda", "Dinas Koperasi", "Bank BRI", "BankXJatim 1000",
                                      "Bank_Jatim", "Universitas Brawijaya",
                                      "Zakat 100% Amanah"}));
  EXPECT_EQ(total, 7);
  EXPECT_EQ(Names(Helix::kBusiness, std::nullopt, std::nullopt),
            (std::vector<std::string>{"Bank BRI", "BankXJatim 1000", "Bank_Jatim"}));
  EXPECT_EQ(Names(std::nullopt, StakeholderKind::kUniversity, std::nullopt),
            (std::vector<std::string>{"Universitas Brawijaya"}));
  EXPECT_EQ(Names(std::nullopt, std::nullopt, std::string("k_j")),
            (std::vector<std::string>{"Bank_Jatim"}));
  EXPECT_EQ(Names(std::nullopt, std::nullopt, std::string("100%")),
            (std::vector<std::string>{"Zakat 100% Amanah"}));
  EXPECT_EQ(Names(std::nullopt, std::nullopt, std::string("bank")).size(), 3u)
      << "the search ignores case";
  EXPECT_EQ(Names(std::nullopt, std::nullopt, std::nullopt, {2, 1}, &total),
            (std::vector<std::string>{"Dinas Koperasi", "Bank BRI"}));
  EXPECT_EQ(total, 7);
  EXPECT_TRUE(Names(std::nullopt, std::nullopt, std::nullopt, {2, 7}, &total).empty());
  EXPECT_EQ(total, 7);
}

// ---- people -----------------------------------------------------------------------------------

class PersonRepository : public StorageTest {
 protected:
  Person Sample(const std::string& name, const std::string& village = kBanjarsari) {
    Person p;
    p.name = name;
    p.village_code = village;
    p.created_at = T("2026-01-02T03:04:05Z");
    p.updated_at = T("2026-01-02T03:04:05Z");
    return p;
  }
  std::int64_t Insert(const Person& p) {
    return Committed([&](UnitOfWork& unit) { return unit.People().Insert(p); });
  }
  std::vector<std::string> Names(std::optional<std::string> region, std::optional<std::string> q,
                                 core::PageRequest page = {}, std::int64_t* total = nullptr) {
    std::vector<std::string> names;
    auto unit = Begin(Access::kRead);
    if (!unit) return names;
    auto list = unit->People().List(region, q, page);
    EXPECT_TRUE(list.ok()) << list.error().message;
    if (!list.ok()) return names;
    for (const auto& p : list->items) names.push_back(p.name);
    if (total) *total = list->total;
    return names;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(PersonRepository);

TEST_P(PersonRepository, EveryFieldRoundTripsAndUpdateClearsOptionals) {
  std::int64_t steward = Committed([](UnitOfWork& unit) {
    Stakeholder s;
    s.name = "Dinas Koperasi";
    s.created_at = T("2026-01-02T03:04:05Z");
    s.updated_at = T("2026-01-02T03:04:05Z");
    return unit.Stakeholders().Insert(s);
  });
  Person p = Sample("Siti Nurhaliza \xE2\x80\x94 \xE6\x97\xA5\xE6\x9C\xAC");
  p.gender = Gender::kFemale;
  p.birth_year = 1975;
  p.phone = "+6281234567890";
  p.nik = "3507204101750001";
  p.nik_consent_at = T("2026-01-01T07:00:00Z");
  p.steward_id = steward;
  p.updated_at = T("2026-02-02T02:02:02Z");
  std::int64_t id = Insert(p);
  ASSERT_GT(id, 0);
  {
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(Person found, unit->People().Find(id));
    EXPECT_EQ(found.id, id);
    EXPECT_EQ(found.name, p.name);
    EXPECT_EQ(found.gender, Gender::kFemale);
    EXPECT_EQ(found.birth_year, 1975);
    EXPECT_EQ(found.phone, p.phone);
    EXPECT_EQ(found.village_code, kBanjarsari);
    EXPECT_EQ(found.nik, p.nik);
    EXPECT_EQ(found.nik_consent_at, p.nik_consent_at);
    EXPECT_EQ(found.steward_id, steward);
    EXPECT_EQ(found.created_at, p.created_at);
    EXPECT_EQ(found.updated_at, p.updated_at);
  }
  Person bare;
  bare.id = id;
  bare.name = "Siti";
  bare.updated_at = T("2026-03-03T03:03:03Z");
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->People().Update(bare));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Person found, unit->People().Find(id));
  EXPECT_EQ(found.name, "Siti");
  EXPECT_FALSE(found.gender.has_value());
  EXPECT_FALSE(found.birth_year.has_value());
  EXPECT_FALSE(found.phone.has_value());
  EXPECT_FALSE(found.village_code.has_value());
  EXPECT_FALSE(found.nik.has_value());
  EXPECT_FALSE(found.nik_consent_at.has_value());
  EXPECT_FALSE(found.steward_id.has_value());
  EXPECT_EQ(found.created_at, T("2026-01-02T03:04:05Z"));
  EXPECT_ERROR_CODE(unit->People().Find(424242), ErrorCode::kNotFound);
}

TEST_P(PersonRepository, TakenNikIsAlreadyExistsOnNikAndNeedsConsent) {
  Person a = Sample("Ani");
  a.nik = "3507204101750001";
  a.nik_consent_at = T("2026-01-01T07:00:00Z");
  ASSERT_GT(Insert(a), 0);
  Person b = Sample("Budi");
  b.nik = a.nik;
  b.nik_consent_at = a.nik_consent_at;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto taken = unit->People().Insert(b);
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(taken.error().fields.size(), 1u);
    EXPECT_EQ(taken.error().fields[0].field, "nik");
  }
  b.nik.reset();
  b.nik_consent_at.reset();
  std::int64_t b_id = Insert(b);
  ASSERT_GT(b_id, 0) << "people without a NIK do not collide";
  ASSERT_GT(Insert(Sample("Citra")), 0);
  {
    b.id = b_id;
    b.nik = a.nik;
    b.nik_consent_at = a.nik_consent_at;
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto update = unit->People().Update(b);
    ASSERT_FALSE(update.ok());
    EXPECT_EQ(update.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(update.error().fields.size(), 1u);
    EXPECT_EQ(update.error().fields[0].field, "nik");
  }
  Person no_consent = Sample("Dewi");
  no_consent.nik = "3507204101750002";
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->People().Insert(no_consent).ok()) << "a NIK is kept only with consent";
}

TEST_P(PersonRepository, ListFiltersByRegionPrefixAndSearchesNameOrPhoneLiterally) {
  Person ani = Sample("Ani", kBanjarsari);
  ani.phone = "+6281234500001";
  Insert(ani);
  Insert(Sample("budi", kNgajum));
  Insert(Sample("Citra_Dewi", kKotaMalangVillage));
  Insert(Sample("CitraXDewi", kKotaMalangVillage));
  Person nowhere = Sample("Eko");
  nowhere.village_code.reset();
  Insert(nowhere);

  std::int64_t total = 0;
  EXPECT_EQ(Names(std::nullopt, std::nullopt, {}, &total),
            (std::vector<std::string>{"Ani", "budi", "Citra_Dewi", "CitraXDewi", "Eko"}));
  EXPECT_EQ(total, 5);
  EXPECT_EQ(Names(std::string("35.07.20"), std::nullopt),
            (std::vector<std::string>{"Ani", "budi"}));
  EXPECT_EQ(Names(std::string("35.07"), std::nullopt), (std::vector<std::string>{"Ani", "budi"}));
  EXPECT_EQ(Names(std::string(kBanjarsari), std::nullopt), (std::vector<std::string>{"Ani"}));
  EXPECT_TRUE(Names(std::string("35.07.2"), std::nullopt).empty()) << "not a parent of 35.07.20";
  EXPECT_TRUE(Names(std::string("35.7"), std::nullopt).empty()) << "not a parent of 35.79";
  EXPECT_EQ(Names(std::nullopt, std::string("a_d")), (std::vector<std::string>{"Citra_Dewi"}));
  EXPECT_EQ(Names(std::nullopt, std::string("4500001")), (std::vector<std::string>{"Ani"}))
      << "the phone is searched too";
  EXPECT_TRUE(Names(std::nullopt, std::string("%")).empty());
  EXPECT_EQ(Names(std::nullopt, std::nullopt, {2, 2}, &total),
            (std::vector<std::string>{"Citra_Dewi", "CitraXDewi"}));
  EXPECT_TRUE(Names(std::nullopt, std::nullopt, {2, 5}, &total).empty());
  EXPECT_EQ(total, 5);
}

// ---- enterprises ------------------------------------------------------------------------------

class EnterpriseRepository : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    owner_ = InsertPerson("Sulastri");
    ASSERT_GT(owner_, 0);
  }

  Enterprise Sample(const std::string& name, const std::string& village = kBanjarsari) {
    Enterprise e;
    e.owner_id = owner_;
    e.owner_name = "Sulastri";
    e.name = name;
    e.sector = Sector::kFoodProcessing;
    e.village_code = village;
    e.created_at = T("2026-01-02T03:04:05Z");
    e.updated_at = T("2026-01-02T03:04:05Z");
    return e;
  }
  std::int64_t Insert(const Enterprise& e) {
    return Committed([&](UnitOfWork& unit) { return unit.Enterprises().Insert(e); });
  }
  core::Page<Enterprise> List(const EnterpriseFilter& filter,
                              EnterpriseSort sort = EnterpriseSort::kName,
                              core::PageRequest page = {}) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto list = unit->Enterprises().List(filter, sort, page);
    EXPECT_TRUE(list.ok()) << list.error().message;
    return list.ok() ? *list : core::Page<Enterprise>{};
  }
  static std::vector<std::string> Names(const core::Page<Enterprise>& page) {
    std::vector<std::string> names;
    for (const auto& e : page.items) names.push_back(e.name);
    return names;
  }
  static EnterpriseFilter Region(const std::string& region) {
    EnterpriseFilter filter;
    filter.region = region;
    return filter;
  }
  static EnterpriseFilter Search(const std::string& q) {
    EnterpriseFilter filter;
    filter.q = q;
    return filter;
  }

  std::int64_t owner_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(EnterpriseRepository);

TEST_P(EnterpriseRepository, EveryFieldRoundTripsWithTheOwnerAndVerifier) {
  std::int64_t verifier = InsertUser(SampleUser("petugas"));
  Enterprise e = Sample("Tape Bu Las \xE2\x80\x94 Ngajum");
  e.owner_name = "ignored: read from the owner";
  e.sector = Sector::kBatik;
  e.products = "tape singkong, suwar-suwir";
  e.business_centre = "sentra tape Ngajum";
  e.founded_year = 1998;
  e.employees = 12;
  e.capital = 9'000'000'000;  // beyond 32 bits
  e.turnover = 1'500 * kMillion;
  e.nib = "9120000000001";
  e.status = Status::kClosed;
  e.verified_at = T("2026-02-03T04:05:06Z");
  e.verified_by = verifier;
  e.updated_at = T("2026-02-03T04:05:06Z");
  std::int64_t id = Insert(e);
  ASSERT_GT(id, 0);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Enterprise found, unit->Enterprises().Find(id));
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.owner_id, owner_);
  EXPECT_EQ(found.owner_name, "Sulastri");
  EXPECT_EQ(found.owner_gender, Gender::kFemale);
  EXPECT_EQ(found.name, e.name);
  EXPECT_EQ(found.sector, Sector::kBatik);
  EXPECT_EQ(found.products, e.products);
  EXPECT_EQ(found.business_centre, e.business_centre);
  EXPECT_EQ(found.village_code, kBanjarsari);
  EXPECT_EQ(found.founded_year, 1998);
  EXPECT_EQ(found.employees, 12);
  EXPECT_EQ(found.capital, 9'000'000'000);
  EXPECT_EQ(found.turnover, 1'500 * kMillion);
  EXPECT_EQ(found.nib, e.nib);
  EXPECT_EQ(found.status, Status::kClosed);
  EXPECT_EQ(found.verified_at, e.verified_at);
  EXPECT_EQ(found.verified_by, verifier);
  EXPECT_EQ(found.verified_by_username, "petugas");
  EXPECT_FALSE(found.steward_id.has_value());
  EXPECT_FALSE(found.import_job_id.has_value());
  EXPECT_EQ(found.created_at, e.created_at);
  EXPECT_EQ(found.updated_at, e.updated_at);
  EXPECT_ERROR_CODE(unit->Enterprises().Find(424242), ErrorCode::kNotFound);
}

TEST_P(EnterpriseRepository, OptionalsStayAbsent) {
  std::int64_t id = Insert(Sample("Keripik"));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Enterprise found, unit->Enterprises().Find(id));
  EXPECT_FALSE(found.products.has_value());
  EXPECT_FALSE(found.business_centre.has_value());
  EXPECT_FALSE(found.founded_year.has_value());
  EXPECT_FALSE(found.employees.has_value());
  EXPECT_FALSE(found.capital.has_value());
  EXPECT_FALSE(found.turnover.has_value());
  EXPECT_FALSE(found.nib.has_value());
  EXPECT_FALSE(found.verified_at.has_value());
  EXPECT_FALSE(found.verified_by.has_value());
  EXPECT_EQ(found.verified_by_username, "");
  EXPECT_EQ(found.status, Status::kActive);
}

TEST_P(EnterpriseRepository, TakenNibIsAlreadyExistsOnNibForInsertAndUpdate) {
  Enterprise a = Sample("Tape A");
  a.nib = "9120000000001";
  ASSERT_GT(Insert(a), 0);
  std::int64_t b = Insert(Sample("Tape B"));
  ASSERT_GT(Insert(Sample("Tape C")), 0) << "enterprises without an NIB do not collide";
  {
    Enterprise dup = Sample("Tape D");
    dup.nib = a.nib;
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto taken = unit->Enterprises().Insert(dup);
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(taken.error().fields.size(), 1u);
    EXPECT_EQ(taken.error().fields[0].field, "nib");
  }
  Enterprise update = Sample("Tape B");
  update.id = b;
  update.nib = a.nib;
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  auto taken = unit->Enterprises().Update(update);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(taken.error().fields.size(), 1u);
  EXPECT_EQ(taken.error().fields[0].field, "nib");
}

TEST_P(EnterpriseRepository, UncommittedEnterpriseIsNeitherListedNorFound) {
  std::int64_t id = 0;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(id, unit->Enterprises().Insert(Sample("Tape")));
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Enterprises().Find(id), ErrorCode::kNotFound);
  EXPECT_EQ(List({}).total, 0);
  EXPECT_EQ(List(Region("35.07")).total, 0) << "nor counted in the tallies";
  EXPECT_EQ(List(Search("tape")).total, 0) << "nor in the search index";
}

TEST_P(EnterpriseRepository, RegionMatchesItsVillagesAtEveryLevelButNoLookalike) {
  Insert(Sample("Banjarsari", kBanjarsari));
  Insert(Sample("Ngajum", kNgajum));
  Insert(Sample("Kota", kKotaMalangVillage));
  // Every level, through the tallies (province, regency) and through the rows (district,
  // village): the same answers.
  EXPECT_EQ(Names(List(Region("35"))), (std::vector<std::string>{"Banjarsari", "Kota", "Ngajum"}));
  EXPECT_EQ(List(Region("35")).total, 3);
  EXPECT_EQ(Names(List(Region("35.07"))), (std::vector<std::string>{"Banjarsari", "Ngajum"}));
  EXPECT_EQ(List(Region("35.07")).total, 2);
  EXPECT_EQ(Names(List(Region("35.07.20"))), (std::vector<std::string>{"Banjarsari", "Ngajum"}));
  EXPECT_EQ(List(Region("35.07.20")).total, 2);
  EXPECT_EQ(Names(List(Region(kBanjarsari))), (std::vector<std::string>{"Banjarsari"}));
  EXPECT_EQ(List(Region(kBanjarsari)).total, 1);
  for (const char* lookalike : {"3", "35.0", "35.7", "35.07.2", "35.07.20.200"}) {
    EXPECT_EQ(List(Region(lookalike)).total, 0) << lookalike;
    EXPECT_TRUE(List(Region(lookalike)).items.empty()) << lookalike;
  }
}

TEST_P(EnterpriseRepository, FiltersBySectorScaleStatusAndStaleness) {
  auto make = [&](const char* name, Sector sector, std::optional<std::int64_t> turnover,
                  Status status, std::optional<core::Instant> verified) {
    Enterprise e = Sample(name);
    e.sector = sector;
    e.turnover = turnover;
    e.status = status;
    e.verified_at = verified;
    return Insert(e);
  };
  make("Micro fresh", Sector::kFoodProcessing, 100 * kMillion, Status::kActive,
       T("2026-06-20T00:00:00Z"));
  make("Micro early in the month", Sector::kFoodProcessing, 100 * kMillion, Status::kActive,
       T("2026-06-10T00:00:00Z"));
  make("Small never verified", Sector::kBatik, 10'000 * kMillion, Status::kActive, std::nullopt);
  make("Closed old", Sector::kBatik, std::nullopt, Status::kClosed, T("2020-01-01T00:00:00Z"));

  EnterpriseFilter filter;
  filter.sector = Sector::kBatik;
  EXPECT_EQ(Names(List(filter)), (std::vector<std::string>{"Closed old", "Small never verified"}));
  filter = {};
  filter.scale = Scale::kMicro;
  EXPECT_EQ(Names(List(filter)),
            (std::vector<std::string>{"Micro early in the month", "Micro fresh"}));
  filter = {};
  filter.status = Status::kClosed;
  EXPECT_EQ(Names(List(filter)), (std::vector<std::string>{"Closed old"}));

  // Stale: active, and never verified or verified before the cut-off (here mid-month, so the
  // month's own verifications split).
  for (const std::string region : {"", "35.07", "35.07.20"}) {
    EnterpriseFilter stale;
    if (!region.empty()) stale.region = region;
    stale.stale = true;
    stale.stale_before = T("2026-06-15T00:00:00Z");
    auto found = List(stale);
    EXPECT_EQ(Names(found),
              (std::vector<std::string>{"Micro early in the month", "Small never verified"}))
        << "region " << region;
    EXPECT_EQ(found.total, 2) << "region " << region;
    stale.stale = false;
    auto fresh = List(stale);
    EXPECT_EQ(Names(fresh), (std::vector<std::string>{"Closed old", "Micro fresh"}))
        << "region " << region;
    EXPECT_EQ(fresh.total, 2) << "region " << region;
  }
}

TEST_P(EnterpriseRepository, SortsPutNeverVerifiedFirstAndUnknownTurnoverLast) {
  auto make = [&](const char* name, std::optional<std::int64_t> turnover,
                  std::optional<core::Instant> verified) {
    Enterprise e = Sample(name);
    e.turnover = turnover;
    e.verified_at = verified;
    return Insert(e);
  };
  make("b", 300 * kMillion, T("2026-02-01T00:00:00Z"));
  make("a", std::nullopt, std::nullopt);
  make("c", 100 * kMillion, T("2026-01-01T00:00:00Z"));
  make("d", 200 * kMillion, std::nullopt);

  EXPECT_EQ(Names(List({}, EnterpriseSort::kName)), (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(Names(List({}, EnterpriseSort::kNameDesc)),
            (std::vector<std::string>{"d", "c", "b", "a"}));
  EXPECT_EQ(Names(List({}, EnterpriseSort::kVerifiedAt)),
            (std::vector<std::string>{"a", "d", "c", "b"}));
  EXPECT_EQ(Names(List({}, EnterpriseSort::kVerifiedAtDesc)),
            (std::vector<std::string>{"b", "c", "d", "a"}));
  EXPECT_EQ(Names(List({}, EnterpriseSort::kTurnover)),
            (std::vector<std::string>{"c", "d", "b", "a"}));
  EXPECT_EQ(Names(List({}, EnterpriseSort::kTurnoverDesc)),
            (std::vector<std::string>{"b", "d", "c", "a"}));
  EXPECT_EQ(Names(List({}, EnterpriseSort::kCreatedAt)),
            (std::vector<std::string>{"b", "a", "c", "d"}));
  EXPECT_EQ(Names(List({}, EnterpriseSort::kCreatedAtDesc)),
            (std::vector<std::string>{"d", "c", "a", "b"}));

  auto page = List({}, EnterpriseSort::kTurnover, {2, 1});
  EXPECT_EQ(Names(page), (std::vector<std::string>{"d", "b"}));
  EXPECT_EQ(page.total, 4);
  auto past_end = List({}, EnterpriseSort::kName, {2, 4});
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 4);
}

TEST_P(EnterpriseRepository, SearchFindsWordPrefixesOfNameOwnerOrNib) {
  Enterprise batik = Sample("Batik Sari Asih");
  batik.nib = "9120000000777";
  Insert(batik);
  Insert(Sample("Keripik Tempe"));
  std::int64_t other_owner = InsertPerson("Painem");
  Enterprise painem = Sample("Jamu Gendong");
  painem.owner_id = other_owner;
  painem.owner_name = "Painem";
  Insert(painem);

  EXPECT_EQ(Names(List(Search("batik"))), (std::vector<std::string>{"Batik Sari Asih"}));
  EXPECT_EQ(Names(List(Search("sa as"))), (std::vector<std::string>{"Batik Sari Asih"}))
      << "every word must start a word of the enterprise";
  EXPECT_EQ(List(Search("sari tempe")).total, 0);
  EXPECT_EQ(Names(List(Search("painem"))), (std::vector<std::string>{"Jamu Gendong"}));
  EXPECT_EQ(Names(List(Search("9120000000777"))), (std::vector<std::string>{"Batik Sari Asih"}));
  EXPECT_EQ(List(Search("sulastri")).total, 2);
  EXPECT_EQ(List(Search("ari")).total, 0) << "a word's middle is not its start";
  EXPECT_EQ(List(Search("--")).total, 0) << "no word, no match";
  EnterpriseFilter in_region = Search("sulastri");
  in_region.region = "35.79";
  EXPECT_EQ(List(in_region).total, 0);
  in_region.region = "35.07.20";
  EXPECT_EQ(List(in_region).total, 2);
}

TEST_P(EnterpriseRepository, OwnerRenamedKeepsTheSearchInStep) {
  Insert(Sample("Tape"));
  Insert(Sample("Keripik"));
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Enterprises().OwnerRenamed(owner_, "Wartini"));
    ASSERT_OK(unit->Commit());
  }
  EXPECT_EQ(List(Search("wartini")).total, 2);
  EXPECT_EQ(List(Search("sulastri")).total, 0);
  EXPECT_EQ(List(Search("tape")).total, 1) << "the enterprise's own name is still found";
}

TEST_P(EnterpriseRepository, ForEachGivesOwnersInOrderAndStopsWhenTold) {
  std::int64_t painem = InsertPerson("Painem");
  Insert(Sample("c"));
  Enterprise b = Sample("b");
  b.owner_id = painem;
  b.owner_name = "Painem";
  Insert(b);
  Insert(Sample("a"));
  Insert(Sample("elsewhere", kKotaMalangVillage));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  std::vector<std::string> seen;
  ASSERT_OK(unit->Enterprises().ForEach(Region("35.07"), EnterpriseSort::kName,
                                        [&](const Enterprise& e, const Person& owner) {
                                          EXPECT_EQ(owner.id, e.owner_id);
                                          seen.push_back(e.name + "/" + owner.name);
                                          return true;
                                        }));
  EXPECT_EQ(seen, (std::vector<std::string>{"a/Sulastri", "b/Painem", "c/Sulastri"}));
  seen.clear();
  ASSERT_OK(unit->Enterprises().ForEach({}, EnterpriseSort::kNameDesc,
                                        [&](const Enterprise& e, const Person&) {
                                          seen.push_back(e.name);
                                          return seen.size() < 2;
                                        }));
  EXPECT_EQ(seen, (std::vector<std::string>{"elsewhere", "c"}));
}

TEST_P(EnterpriseRepository, CountByAreaBreaksDownChildAreasByScaleAndStaleness) {
  auto make = [&](const char* name, const char* village, std::optional<std::int64_t> turnover,
                  Status status, std::optional<core::Instant> verified) {
    Enterprise e = Sample(name, village);
    e.turnover = turnover;
    e.status = status;
    e.verified_at = verified;
    return Insert(e);
  };
  make("a", kBanjarsari, 100 * kMillion, Status::kActive, std::nullopt);
  make("b", kNgajum, 10'000 * kMillion, Status::kActive, T("2026-06-20T00:00:00Z"));
  make("c", kNgajum, std::nullopt, Status::kClosed, std::nullopt);
  make("d", kKotaMalangVillage, 100'000 * kMillion, Status::kActive, T("2026-06-10T00:00:00Z"));

  auto counts = [&](const std::optional<std::string>& region, std::size_t length) {
    std::map<std::string, AreaCount> by_code;
    auto unit = Begin(Access::kRead);
    if (!unit) return by_code;
    EnterpriseFilter filter;
    filter.region = region;
    filter.stale_before = T("2026-06-15T00:00:00Z");
    auto result = unit->Enterprises().CountByArea(filter, length);
    EXPECT_TRUE(result.ok()) << result.error().message;
    if (!result.ok()) return by_code;
    for (const auto& area : *result) by_code[area.code] = area;
    return by_code;
  };
  // Per regency of the province (from the tallies).
  auto regencies = counts(std::string("35"), 5);
  ASSERT_EQ(regencies.size(), 2u);
  const AreaCount& malang = regencies["35.07"];
  EXPECT_EQ(malang.total, 3);
  EXPECT_EQ(malang.stale, 1) << "a: never verified; c is closed, so never stale";
  EXPECT_EQ(malang.micro, 1);
  EXPECT_EQ(malang.small, 1);
  EXPECT_EQ(malang.unknown, 1);
  const AreaCount& kota = regencies["35.79"];
  EXPECT_EQ(kota.total, 1);
  EXPECT_EQ(kota.stale, 1) << "verified before the cut-off, within its month";
  EXPECT_EQ(kota.large, 1);

  // Per village of a district (from the rows).
  auto villages = counts(std::string("35.07.20"), 13);
  ASSERT_EQ(villages.size(), 2u);
  EXPECT_EQ(villages[kBanjarsari].total, 1);
  EXPECT_EQ(villages[kBanjarsari].stale, 1);
  EXPECT_EQ(villages[kNgajum].total, 2);
  EXPECT_EQ(villages[kNgajum].stale, 0);
  EXPECT_EQ(villages[kNgajum].small, 1);
  EXPECT_EQ(villages[kNgajum].unknown, 1);

  // Per province (nullopt) and a region with none.
  auto provinces = counts(std::nullopt, 2);
  ASSERT_EQ(provinces.size(), 1u);
  EXPECT_EQ(provinces["35"].total, 4);
  EXPECT_EQ(provinces["35"].stale, 2);
  EXPECT_TRUE(counts(std::string("12"), 5).empty());
}

}  // namespace
}  // namespace gotong::storage_tests
