// Targeting's repository (V030, V033): the per-recipient summary of assistance received equals a
// recount of the ledger after every write, the SQL ranking scores every candidate as ScoreNeed does,
// and the need scores kept per enterprise follow every write that moves them and the turn of a year.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/programmes/targeting.hpp"
#include "domain/registry/households.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using domain::programmes::AssistanceSummary;
using domain::programmes::CandidateFilter;
using domain::programmes::RecipientKind;

class TargetingRepository : public StorageTest {
 protected:
  void SetUp() override {
    StorageTest::SetUp();
    if (HasFatalFailure()) return;
    for (const char* name : {"Dinas Koperasi", "Bank Jatim", "BAZNAS"}) {
      domain::registry::Stakeholder s;
      s.name = name;
      s.created_at = s.updated_at = T("2026-01-02T03:04:05Z");
      providers_.push_back(Committed([&](UnitOfWork& unit) { return unit.Stakeholders().Insert(s); }));
    }
    group_ = InsertGroup("Kelompok Tape Banjarsari");
    ASSERT_GT(group_, 0);
  }

  // An enterprise with the facts the score reads.
  std::int64_t Enterprise(const std::string& name, std::optional<std::int64_t> turnover, std::optional<int> founded) {
    domain::registry::Enterprise e;
    e.owner_id = InsertPerson(name + " (pemilik)");
    e.name = name;
    e.sector = domain::registry::Sector::kFoodProcessing;
    e.village_code = kBanjarsari;
    e.turnover = turnover;
    e.founded_year = founded;
    e.created_at = e.updated_at = T("2026-01-02T03:04:05Z");
    owners_.push_back(e.owner_id);
    return Committed([&](UnitOfWork& unit) { return unit.Enterprises().Insert(e); });
  }

  // One ledger record, straight into the table, and the summary recounted in the same unit.
  void Give(RecipientKind kind, std::int64_t id, std::int64_t provider, std::int64_t value, const std::string& day) {
    const std::string column = kind == RecipientKind::kEnterprise ? "enterprise_id" : "group_id";
    ASSERT_OK(test_database().Execute(
        "INSERT INTO assistance (provider_id, " + column + ", kind, value, given_on, created_at, updated_at) VALUES (" +
        std::to_string(provider) + ", " + std::to_string(id) + ", 'grant', " + std::to_string(value) + ", '" + day +
        "', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z')"));
    auto write = Begin(Access::kWrite);
    ASSERT_TRUE(write);
    ASSERT_OK(write->Targeting().RecountReceived(kind, id));
    ASSERT_OK(write->Commit());
  }

  // The kept summary beside a recount of the ledger.
  void ExpectKeptEqualsRecount(RecipientKind kind, std::int64_t id) {
    const std::string column = kind == RecipientKind::kEnterprise ? "enterprise_id" : "group_id";
    const std::string where = " FROM assistance WHERE " + column + " = " + std::to_string(id);
    auto count = test_database().QueryInt("SELECT COUNT(*)" + where);
    auto value = test_database().QueryInt("SELECT COALESCE(SUM(value), 0)" + where);
    auto providers = test_database().QueryInt("SELECT COUNT(DISTINCT provider_id)" + where);
    ASSERT_TRUE(count.ok() && value.ok() && providers.ok());
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    auto kept = unit->Targeting().Received(kind, id);
    ASSERT_TRUE(kept.ok()) << kept.error().message;
    EXPECT_EQ(kept->count, *count);
    EXPECT_EQ(kept->value, *value);
    EXPECT_EQ(kept->providers, *providers);
  }

  // Lists the candidates scored in `year` (rescoring the kept scores when they are of another year),
  // then checks each enterprise's kept score against ScoreNeed over what the registry holds now.
  void ExpectKeptScores(const std::vector<std::int64_t>& ids, int year) {
    {
      auto write = Begin(Access::kWrite);
      ASSERT_TRUE(write);
      CandidateFilter filter;
      filter.programme_id = 999;
      filter.year = year;
      filter.criteria_starts_on = D((std::to_string(year) + "-01-01").c_str());
      ASSERT_TRUE(write->Targeting().Candidates(filter, {1, 0}).ok());
      ASSERT_OK(write->Commit());
    }
    auto unit = Begin(Access::kRead);
    ASSERT_TRUE(unit);
    for (std::int64_t id : ids) {
      auto now = unit->Targeting().CandidateNow(RecipientKind::kEnterprise, id, year);
      ASSERT_TRUE(now.ok()) << now.error().message;
      auto kept = test_database().QueryInt("SELECT score FROM need_scores WHERE enterprise_id = " + std::to_string(id));
      ASSERT_TRUE(kept.ok()) << now->name << ": no kept score";
      EXPECT_EQ(*kept, domain::programmes::ScoreNeed(now->facts, now->received, year).score) << now->name << " in " << year;
    }
  }

  std::vector<std::int64_t> providers_, owners_;
  std::int64_t group_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(TargetingRepository);

TEST_P(TargetingRepository, TheKeptSummaryEqualsARecountOfTheLedger) {
  std::int64_t tape = Enterprise("Tape Bu Siti", 100'000'000, 2015);
  ExpectKeptEqualsRecount(RecipientKind::kEnterprise, tape);
  Give(RecipientKind::kEnterprise, tape, providers_[0], 5'000'000, "2024-03-01");
  Give(RecipientKind::kEnterprise, tape, providers_[1], 7'000'000, "2025-06-01");
  Give(RecipientKind::kEnterprise, tape, providers_[1], 1'500'000, "2023-01-15");
  Give(RecipientKind::kGroup, group_, providers_[2], 20'000'000, "2025-02-01");
  ExpectKeptEqualsRecount(RecipientKind::kEnterprise, tape);
  ExpectKeptEqualsRecount(RecipientKind::kGroup, group_);
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  auto kept = unit->Targeting().Received(RecipientKind::kEnterprise, tape);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(*kept, (AssistanceSummary{3, 13'500'000, 2, D("2025-06-01")}));
}

TEST_P(TargetingRepository, TheRankingScoresEveryCandidateAsScoreNeedDoes) {
  // A spread of scales, founding years, households and assistance.
  std::vector<std::int64_t> ids{Enterprise("Mikro Muda", 100'000'000, 2024), Enterprise("Kecil Lama", 3'000'000'000, 2000),
                                Enterprise("Menengah", 20'000'000'000, 2019), Enterprise("Tanpa Data", std::nullopt, std::nullopt),
                                Enterprise("Mikro Dibantu", 50'000'000, 2010), Enterprise("Mikro Lama Dibantu", 50'000'000, 2026)};
  Give(RecipientKind::kEnterprise, ids[4], providers_[0], 12'000'000, "2023-05-01");
  Give(RecipientKind::kEnterprise, ids[4], providers_[1], 3'000'000, "2025-05-01");
  Give(RecipientKind::kEnterprise, ids[5], providers_[2], 90'000'000, "2015-01-01");
  Give(RecipientKind::kEnterprise, ids[1], providers_[2], 400'000, "2026-01-01");
  {
    auto write = Begin(Access::kWrite);
    ASSERT_TRUE(write);
    ASSERT_OK(write->Households().Replace(owners_[0], {{"poor", D("2024-01-01"), "DTKS"}}, T("2026-01-02T00:00:00Z")));
    ASSERT_OK(write->Households().Replace(owners_[4], {{"zakat_recipient", std::nullopt, std::nullopt}},
                                             T("2026-01-02T00:00:00Z")));
    ASSERT_OK(write->Commit());
  }
  auto unit = Begin(Access::kWrite);  // the kept scores are rescored when the year differs
  ASSERT_TRUE(unit);
  CandidateFilter filter;
  filter.programme_id = 999;
  filter.year = 2026;
  filter.criteria_starts_on = D("2026-01-01");
  auto page = unit->Targeting().Candidates(filter, {50, 0});
  ASSERT_TRUE(page.ok()) << page.error().message;
  ASSERT_EQ(page->items.size(), ids.size());
  int previous = 1'000'000;
  std::int64_t previous_id = 0;
  for (const auto& candidate : page->items) {
    auto need = domain::programmes::ScoreNeed(candidate.facts, candidate.received, 2026);
    EXPECT_EQ(candidate.score, need.score) << candidate.name;
    EXPECT_TRUE(candidate.score < previous || (candidate.score == previous && candidate.id > previous_id))
        << candidate.name;
    previous = candidate.score;
    previous_id = candidate.id;
    auto now = unit->Targeting().CandidateNow(RecipientKind::kEnterprise, candidate.id, 2026);
    ASSERT_TRUE(now.ok());
    EXPECT_EQ(now->score, candidate.score);
  }
  EXPECT_EQ(page->items.front().name, "Mikro Muda");  // micro 20 + poor 25 + young 10 + never 30 = 85
  EXPECT_EQ(page->items.front().score, 85);
}

TEST_P(TargetingRepository, TheKeptNeedScoresFollowEveryWriteThatMovesThemAndTheTurnOfTheYear) {
  std::vector<std::int64_t> ids{Enterprise("Mikro Muda", 100'000'000, 2024), Enterprise("Kecil Lama", 3'000'000'000, 2000),
                                Enterprise("Tanpa Data", std::nullopt, std::nullopt),
                                Enterprise("Mikro Dibantu", 50'000'000, 2023)};
  ASSERT_NO_FATAL_FAILURE(ExpectKeptScores(ids, 2026));  // as inserted
  // The ledger: first record, a second from another provider, a large one.
  Give(RecipientKind::kEnterprise, ids[3], providers_[0], 12'000'000, "2023-05-01");
  Give(RecipientKind::kEnterprise, ids[3], providers_[1], 3'000'000, "2025-05-01");
  Give(RecipientKind::kEnterprise, ids[1], providers_[2], 90'000'000, "2015-01-01");
  ASSERT_NO_FATAL_FAILURE(ExpectKeptScores(ids, 2026));
  // Household categories given, then taken away.
  {
    auto write = Begin(Access::kWrite);
    ASSERT_TRUE(write);
    ASSERT_OK(write->Households().Replace(owners_[0], {{"poor", D("2024-01-01"), "DTKS"}}, T("2026-01-02T00:00:00Z")));
    ASSERT_OK(write->Households().Replace(owners_[2], {{"zakat_recipient", std::nullopt, std::nullopt}},
                                             T("2026-01-02T00:00:00Z")));
    ASSERT_OK(write->Commit());
  }
  ASSERT_NO_FATAL_FAILURE(ExpectKeptScores(ids, 2026));
  {
    auto write = Begin(Access::kWrite);
    ASSERT_TRUE(write);
    ASSERT_OK(write->Households().Replace(owners_[0], {}, T("2026-01-03T00:00:00Z")));
    ASSERT_OK(write->Commit());
  }
  ASSERT_NO_FATAL_FAILURE(ExpectKeptScores(ids, 2026));
  // The registry edits an enterprise's turnover (its scale) and founding year.
  ASSERT_OK(test_database().Execute("UPDATE enterprises SET scale = 'medium', founded_year = 2026 WHERE id = " +
                                    std::to_string(ids[0])));
  ASSERT_NO_FATAL_FAILURE(ExpectKeptScores(ids, 2026));
  // A new year rescores every one (young businesses age, years since the last help grow), and
  // back again.
  ASSERT_NO_FATAL_FAILURE(ExpectKeptScores(ids, 2030));
  ASSERT_NO_FATAL_FAILURE(ExpectKeptScores(ids, 2026));
  // A deleted enterprise leaves no score behind.
  ASSERT_OK(test_database().Execute("DELETE FROM enterprises WHERE id = " + std::to_string(ids[2])));
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM need_scores WHERE enterprise_id = " +
                                      std::to_string(ids[2])),
            0);
}

// More candidates than are counted: the first page says the total is capped and ranks as the kept
// scores do (walking need_scores_rank); a page far enough on counts the rest exactly; a short list
// (the small businesses alone) ranks the same way, walked anywhere and sorted within a regency.
TEST_P(TargetingRepository, ALongListIsCountedToTheCapAndRankedAsAShortOneIs) {
  constexpr std::int64_t kMany = domain::programmes::kCandidatesCounted + 50;
  const std::int64_t owner = InsertPerson("Pemilik banyak usaha");
  ASSERT_OK(test_database().Execute(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + std::to_string(kMany) +
      ") INSERT INTO enterprises (owner_id, name, search_name, search_text, match_key, sector, village_code, "
      "founded_year, status, scale, created_at, updated_at) SELECT " + std::to_string(owner) +
      ", 'Usaha ' || i, 'usaha ' || i, 'usaha ' || i, 'usaha' || i, 'food_processing', '" + kBanjarsari +
      "', 2000 + i % 27, 'active', CASE WHEN i % 3 = 0 THEN 'small' ELSE 'micro' END, '2026-01-02T03:04:05Z', "
      "'2026-01-02T03:04:05Z' FROM n"));
  CandidateFilter filter;
  filter.programme_id = 999;
  filter.year = 2026;
  filter.criteria_starts_on = D("2026-01-01");
  // The id at `position` of the kept ranking, among the enterprises of `scale` if given.
  auto ranked_at = [&](std::int64_t position, const std::string& scale) {
    const std::string where = scale.empty() ? "" : " JOIN enterprises e ON e.id = n.enterprise_id WHERE e.scale = '" + scale + "'";
    return test_database().QueryInt("SELECT n.enterprise_id FROM need_scores n" + where +
                                    " ORDER BY n.score DESC, n.enterprise_id LIMIT 1 OFFSET " + std::to_string(position));
  };
  auto list = [&](const CandidateFilter& f, core::PageRequest page) {
    auto write = Begin(Access::kWrite);
    EXPECT_TRUE(write);
    auto found = write->Targeting().Candidates(f, page);
    EXPECT_TRUE(found.ok()) << found.error().message;
    EXPECT_OK(write->Commit());
    return found.ok() ? *found : core::Page<domain::programmes::Candidate>{};
  };
  auto expect_ranked = [&](const core::Page<domain::programmes::Candidate>& page, const std::string& scale) {
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      auto expected = ranked_at(page.offset + static_cast<std::int64_t>(i), scale);
      ASSERT_TRUE(expected.ok());
      EXPECT_EQ(page.items[i].id, *expected) << "position " << page.offset + static_cast<std::int64_t>(i);
    }
  };

  auto first = list(filter, {50, 0});
  EXPECT_EQ(first.total, domain::programmes::kCandidatesCounted);
  EXPECT_TRUE(first.total_capped);
  ASSERT_EQ(first.items.size(), 50U);
  expect_ranked(first, "");

  auto far = list(filter, {100, 10'000});
  EXPECT_EQ(far.total, kMany);
  EXPECT_FALSE(far.total_capped);
  ASSERT_EQ(far.items.size(), 50U);
  expect_ranked(far, "");

  // Fewer than are counted: anywhere they are walked for (their regions unbounded), within a
  // regency sorted; both rank as the kept scores do.
  CandidateFilter small = filter;
  small.criteria.scales = {domain::registry::Scale::kSmall};
  auto few = list(small, {50, 20});
  EXPECT_EQ(few.total, kMany / 3);
  EXPECT_FALSE(few.total_capped);
  ASSERT_EQ(few.items.size(), 50U);
  expect_ranked(few, "small");
  small.criteria.region_codes = {"35.07"};
  auto near = list(small, {50, 20});
  EXPECT_EQ(near.total, kMany / 3);
  ASSERT_EQ(near.items.size(), 50U);
  expect_ranked(near, "small");
}

}  // namespace
}  // namespace gotong::storage_tests
