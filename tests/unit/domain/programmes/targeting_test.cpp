// The need score: hand-computed points for each term, and ties broken by id.

#include "domain/programmes/targeting.hpp"

#include <gtest/gtest.h>

namespace gotong::domain::programmes {
namespace {

CandidateFacts Facts(std::optional<registry::Scale> scale, std::vector<Category> categories,
                     std::optional<int> founded_year) {
  CandidateFacts facts;
  facts.village_code = "35.79.01.1001";
  facts.scale = scale;
  facts.categories = std::move(categories);
  facts.founded_year = founded_year;
  return facts;
}

int PointsOf(const NeedScore& score, const std::string& code) {
  for (const auto& term : score.terms) {
    if (term.code == code) return term.points;
  }
  return 0;
}

bool HasTerm(const NeedScore& score, const std::string& code) {
  for (const auto& term : score.terms) {
    if (term.code == code) return true;
  }
  return false;
}

TEST(NeedScore, NeverAssistedPoorYoungMicroEnterprise) {
  // micro 20 + household 25 + young (2024 in 2026: 2 years) 10 + never assisted 30 = 85.
  auto score = ScoreNeed(Facts(registry::Scale::kMicro, {Category::kPoor}, 2024), {}, 2026);
  EXPECT_EQ(score.score, 85);
  EXPECT_EQ(PointsOf(score, "scale"), 20);
  EXPECT_EQ(PointsOf(score, "household"), 25);
  EXPECT_EQ(PointsOf(score, "young_business"), 10);
  EXPECT_EQ(PointsOf(score, "never_assisted"), 30);
  EXPECT_FALSE(HasTerm(score, "value_received"));
  ASSERT_EQ(score.terms.size(), 4U);
  EXPECT_EQ(score.terms[3].label, "belum pernah menerima bantuan +30");
  EXPECT_EQ(score.terms[1].label, "rumah tangga miskin (DTKS) +25");
}

TEST(NeedScore, AssistedSmallEnterpriseLosesByValueAndGainsByYearsSinceLast) {
  // small 10; founded 2015 (11 years before 2026) is not young; received Rp 12.000.000 from 2
  // providers: −12; last 2023, 3 years before 2026: +6. 10 − 12 + 6 = 4.
  AssistanceSummary received{3, 12'000'000, 2, core::Date{2023, 5, 1}};
  auto score = ScoreNeed(Facts(registry::Scale::kSmall, {}, 2015), received, 2026);
  EXPECT_EQ(score.score, 4);
  EXPECT_EQ(PointsOf(score, "scale"), 10);
  EXPECT_EQ(PointsOf(score, "value_received"), -12);
  EXPECT_EQ(PointsOf(score, "since_last"), 6);
  EXPECT_FALSE(HasTerm(score, "never_assisted"));
  EXPECT_FALSE(HasTerm(score, "young_business"));
  EXPECT_EQ(score.terms[1].label, "menerima Rp 12.000.000 dari 2 penyedia \xE2\x88\x92" "12");
  EXPECT_EQ(score.terms[2].label, "bantuan terakhir 3 tahun lalu +6");
}

TEST(NeedScore, PenaltyAndYearsSinceLastAreCapped) {
  // Rp 500.000.000 received: −20 at most; last 2010, 16 years before: +10 at most; medium: 0.
  AssistanceSummary received{9, 500'000'000, 4, core::Date{2010, 1, 1}};
  auto score = ScoreNeed(Facts(registry::Scale::kMedium, {}, std::nullopt), received, 2026);
  EXPECT_EQ(PointsOf(score, "value_received"), -20);
  EXPECT_EQ(PointsOf(score, "since_last"), 10);
  EXPECT_EQ(score.score, -10);
  EXPECT_FALSE(HasTerm(score, "scale"));
}

TEST(NeedScore, AssistedThisYearAndUnderAMillionGainsNothingButShowsTheTerm) {
  AssistanceSummary received{1, 999'999, 1, core::Date{2026, 2, 1}};
  auto score = ScoreNeed(Facts(std::nullopt, {}, 2026), received, 2026);
  // Founded this year: young (+10); value under Rp 1.000.000: 0; assisted this year: no since_last.
  EXPECT_EQ(score.score, 10);
  EXPECT_TRUE(HasTerm(score, "value_received"));
  EXPECT_EQ(PointsOf(score, "value_received"), 0);
  EXPECT_FALSE(HasTerm(score, "since_last"));
}

TEST(NeedScore, YoungMeansThisYearOrTheThreeBeforeIt) {
  EXPECT_EQ(PointsOf(ScoreNeed(Facts(std::nullopt, {}, 2023), {}, 2026), "young_business"), 10);
  EXPECT_FALSE(HasTerm(ScoreNeed(Facts(std::nullopt, {}, 2022), {}, 2026), "young_business"));
  // A founding year after the scoring year is not young: it is wrong data.
  EXPECT_FALSE(HasTerm(ScoreNeed(Facts(std::nullopt, {}, 2027), {}, 2026), "young_business"));
}

TEST(NeedScore, BothHouseholdCategoriesCountOnce) {
  auto score = ScoreNeed(Facts(std::nullopt, {Category::kPoor, Category::kZakatRecipient}, std::nullopt), {}, 2026);
  EXPECT_EQ(PointsOf(score, "household"), 25);
  EXPECT_EQ(score.score, 55);
  EXPECT_EQ(score.terms[0].label, "rumah tangga miskin (DTKS) dan penerima zakat +25");
}

TEST(NeedScore, TiesAreBrokenByTheLowerId) {
  EXPECT_TRUE(RanksBefore(40, 7, 40, 9));
  EXPECT_FALSE(RanksBefore(40, 9, 40, 7));
  EXPECT_TRUE(RanksBefore(41, 9, 40, 7));
  EXPECT_FALSE(RanksBefore(40, 7, 41, 9));
}

CandidateFilter Regions(std::vector<std::string> criteria, std::optional<std::string> narrowing) {
  CandidateFilter filter;
  filter.criteria.region_codes = std::move(criteria);
  filter.region_code = std::move(narrowing);
  return filter;
}

TEST(CandidateRegions, AreAnywhereWhenNeitherCriteriaNorNarrowingNamesOne) {
  EXPECT_EQ(CandidateRegions(Regions({}, std::nullopt)), std::nullopt);
}

TEST(CandidateRegions, AreTheCriteriaOrTheNarrowingWhenOnlyOneNamesThem) {
  using Codes = std::vector<std::string>;
  EXPECT_EQ(CandidateRegions(Regions({"35.07", "35.79"}, std::nullopt)), Codes({"35.07", "35.79"}));
  EXPECT_EQ(CandidateRegions(Regions({}, "35.79.01")), Codes({"35.79.01"}));
}

TEST(CandidateRegions, NarrowToTheInnerOfEachCriteriaRegionAndTheNarrowing) {
  using Codes = std::vector<std::string>;
  // A district inside the province criterion: only the district.
  EXPECT_EQ(CandidateRegions(Regions({"35"}, "35.79.01")), Codes({"35.79.01"}));
  // A province around two regency criteria: both regencies; a third elsewhere drops out.
  EXPECT_EQ(CandidateRegions(Regions({"35.79", "35.07", "33.01"}, "35")), Codes({"35.07", "35.79"}));
  // The same region on both sides, and one named twice by nesting criteria: once.
  EXPECT_EQ(CandidateRegions(Regions({"35", "35.79"}, "35.79.01")), Codes({"35.79.01"}));
  // "35.7" is not inside "35.79": codes nest by whole parts.
  EXPECT_EQ(CandidateRegions(Regions({"35.79"}, "35.7")), Codes());
}

TEST(CandidateRegions, AreNoneWhenTheNarrowingLiesOutsideEveryCriteriaRegion) {
  auto regions = CandidateRegions(Regions({"35.79"}, "33.01"));
  ASSERT_TRUE(regions.has_value());
  EXPECT_TRUE(regions->empty());
}

}  // namespace
}  // namespace gotong::domain::programmes
