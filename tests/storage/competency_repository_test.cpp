#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/mentoring/mentoring.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::mentoring::Competency;
using domain::mentoring::CompetencyFilter;

// The catalogue the migration seeds: 6 batik, 3 tape (food_processing), 5 shared business skills.
constexpr std::int64_t kSeeded = 14;

class CompetencyRepository : public StorageTest {
 protected:
  static Competency Skill(const std::string& code, std::optional<std::string> sector, const std::string& name) {
    Competency c;
    c.code = code;
    c.sector = std::move(sector);
    c.name = name;
    c.created_at = T("2026-12-02T03:00:00Z");
    c.updated_at = T("2026-12-02T03:00:00Z");
    return c;
  }
  core::Page<Competency> List(const CompetencyFilter& filter, int limit = 200, std::int64_t offset = 0) {
    auto unit = Begin(Access::kRead);
    auto page = unit->Competencies().List(filter, core::PageRequest{limit, offset});
    EXPECT_TRUE(page.ok()) << page.error().message;
    return page.ok() ? *page : core::Page<Competency>{};
  }
  static std::vector<std::string> Codes(const core::Page<Competency>& page) {
    std::vector<std::string> codes;
    for (const auto& c : page.items) codes.push_back(c.code);
    return codes;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(CompetencyRepository);

TEST_P(CompetencyRepository, ReadsBackWhatItStoresWithNullsAndTheRetiredFlag) {
  Competency jumputan = Skill("batik.jumputan", "batik", "Jumputan");
  jumputan.description = "Ikat celup.\nPola lingkaran.";
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Competencies().Insert(jumputan); });
  ASSERT_GT(id, 0);
  auto unit = Begin(Access::kRead);
  auto found = unit->Competencies().Find(id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->code, "batik.jumputan");
  EXPECT_EQ(found->sector, "batik");
  EXPECT_EQ(found->name, "Jumputan");
  EXPECT_EQ(found->name_en, std::nullopt);
  EXPECT_EQ(found->description, "Ikat celup.\nPola lingkaran.");
  EXPECT_FALSE(found->retired);
  EXPECT_EQ(found->created_at, T("2026-12-02T03:00:00Z"));

  Competency changed = *found;
  changed.name_en = "Tie-dye";
  changed.description.reset();
  changed.retired = true;
  changed.code = "batik.other";  // Update never writes the code or the sector
  changed.sector = "fashion";
  changed.updated_at = T("2026-12-03T03:00:00Z");
  ASSERT_EQ(Committed([&](UnitOfWork& w) -> core::Result<std::int64_t> {
              GOTONG_RETURN_IF_ERROR(w.Competencies().Update(changed));
              return id;
            }),
            id);
  auto unit2 = Begin(Access::kRead);
  auto again = unit2->Competencies().Find(id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->name_en, "Tie-dye");
  EXPECT_EQ(again->description, std::nullopt);
  EXPECT_TRUE(again->retired);
  EXPECT_EQ(again->code, "batik.jumputan");
  EXPECT_EQ(again->sector, "batik");
  EXPECT_EQ(again->updated_at, T("2026-12-03T03:00:00Z"));
}

TEST_P(CompetencyRepository, ATakenCodeIsAlreadyExistsNamingCodeAndNothingIsWritten) {
  auto unit = Begin(Access::kWrite);
  auto taken = unit->Competencies().Insert(Skill("batik.ecotik", "batik", "Ecotik lagi"));
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
  ASSERT_EQ(taken.error().fields.size(), 1u);
  EXPECT_EQ(taken.error().fields[0].field, "code");
  unit.reset();  // rolled back
  EXPECT_EQ(List({}).total, kSeeded);
}

TEST_P(CompetencyRepository, ASectorListsItsOwnThenTheSharedSkillsAndHidesRetiredOnesUnlessAsked) {
  auto batik = List({.sector = "batik"});
  EXPECT_EQ(batik.total, 11);
  EXPECT_EQ(Codes(batik),
            (std::vector<std::string>{"batik.cap", "batik.ecotik", "batik.canting", "batik.mondeng", "batik.pelorodan",
                                      "batik.pewarnaan", "usaha.jualan_daring", "usaha.kemasan", "usaha.harga",
                                      "usaha.pembukuan", "usaha.halal"}));
  // Paging keeps the order and the total.
  auto second = List({.sector = "batik"}, 3, 3);
  EXPECT_EQ(second.total, 11);
  EXPECT_EQ(Codes(second), (std::vector<std::string>{"batik.mondeng", "batik.pelorodan", "batik.pewarnaan"}));
  // A sector with no skills of its own still gets the shared ones.
  EXPECT_EQ(List({.sector = "fisheries"}).total, 5);

  auto mondeng = List({.sector = "batik"}, 1, 3).items.at(0);
  mondeng.retired = true;
  ASSERT_GT(Committed([&](UnitOfWork& w) -> core::Result<std::int64_t> {
              GOTONG_RETURN_IF_ERROR(w.Competencies().Update(mondeng));
              return mondeng.id;
            }),
            0);
  EXPECT_EQ(List({.sector = "batik"}).total, 10);
  EXPECT_EQ(List({.sector = "batik", .include_retired = true}).total, 11);
  EXPECT_EQ(List({}).total, kSeeded - 1);
  EXPECT_EQ(List({.sector = std::nullopt, .include_retired = true}).total, kSeeded);
}

TEST_P(CompetencyRepository, AnUnknownIdIsNotFoundNamingTheCompetency) {
  auto unit = Begin(Access::kRead);
  auto missing = unit->Competencies().Find(999999);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  EXPECT_NE(missing.error().message.find("competency"), std::string::npos);
}

}  // namespace
}  // namespace gotong::storage_tests
