// The learning cycle's rules that need no database: its one legal next stage, and completion as
// achieved target competencies over every mentee's targets.
#include "domain/mentoring/cycles.hpp"

#include <gtest/gtest.h>

namespace gotong::domain::mentoring {
namespace {

LearningCycle TwoMenteesTwoTargets() {
  LearningCycle cycle;
  cycle.targets = {{4, 2, "batik.ecotik", "Ecotik", "Ecotik (ecoprint with batik)"},
                   {5, 2, "batik.mondeng", "Mondeng", std::nullopt}};
  cycle.mentees = {{13, "DW"}, {14, "SR"}};
  return cycle;
}

Evaluation Of(std::int64_t member, std::int64_t competency, bool achieved) {
  Evaluation e;
  e.member_id = member;
  e.competency_id = competency;
  e.achieved = achieved;
  return e;
}

TEST(CycleStatus, MovesOneStageForwardAndNoneOnceClosed) {
  EXPECT_EQ(NextStatus(CycleStatus::kPlanning), CycleStatus::kImplementation);
  EXPECT_EQ(NextStatus(CycleStatus::kImplementation), CycleStatus::kEvaluation);
  EXPECT_EQ(NextStatus(CycleStatus::kEvaluation), CycleStatus::kClosed);
  EXPECT_EQ(NextStatus(CycleStatus::kClosed), std::nullopt);
  for (auto status : {CycleStatus::kPlanning, CycleStatus::kImplementation, CycleStatus::kEvaluation,
                      CycleStatus::kClosed}) {
    EXPECT_EQ(ParseCycleStatus(ToString(status)), status);
  }
  EXPECT_EQ(ParseCycleStatus("Planning"), std::nullopt);
  EXPECT_EQ(ParseMentorOrigin("external"), MentorOrigin::kExternal);
  EXPECT_EQ(ParseMentorOrigin("konsultan"), std::nullopt);
}

TEST(Completion, CountsEveryMenteesTargetsAndListsThoseNotYetEvaluatedInOrder) {
  auto cycle = TwoMenteesTwoTargets();
  auto none = CompletionOf(cycle, {});
  EXPECT_EQ(none.targets, 4);
  EXPECT_EQ(none.achieved, 0);
  ASSERT_EQ(none.missing.size(), 4u);
  EXPECT_EQ(none.missing[0], (MissingEvaluation{13, "DW", 4, "Ecotik"}));
  EXPECT_EQ(none.missing[3], (MissingEvaluation{14, "SR", 5, "Mondeng"}));

  // An evaluation that was not achieved counts as evaluated, not as achieved.
  auto some = CompletionOf(cycle, {Of(13, 4, true), Of(13, 5, false), Of(14, 4, true)});
  EXPECT_EQ(some.achieved, 2);
  ASSERT_EQ(some.missing.size(), 1u);
  EXPECT_EQ(some.missing[0], (MissingEvaluation{14, "SR", 5, "Mondeng"}));
}

TEST(Completion, IsWholeWhenEveryMenteeAchievedEveryTargetAsSeed000Reports) {
  auto cycle = TwoMenteesTwoTargets();
  auto all = CompletionOf(cycle, {Of(13, 4, true), Of(13, 5, true), Of(14, 4, true), Of(14, 5, true)});
  EXPECT_EQ(all.achieved, all.targets);
  EXPECT_TRUE(all.missing.empty());
  // Evaluations of competencies or members outside the plan do not count.
  auto outside = CompletionOf(cycle, {Of(99, 4, true), Of(13, 99, true)});
  EXPECT_EQ(outside.achieved, 0);
  EXPECT_EQ(outside.missing.size(), 4u);
}

TEST(Completion, OfACycleWithoutMenteesOrTargetsIsEmptyNotAFullScore) {
  LearningCycle empty;
  auto completion = CompletionOf(empty, {});
  EXPECT_EQ(completion.targets, 0);
  EXPECT_EQ(completion.achieved, 0);
}

TEST(MenteeCompetencies, PutWhatHerOpenCyclesTeachFirstThenTheRestByTheirLatestEvaluation) {
  const CompetencyRef yeast{1, "tape.ragi", "Fermentasi dengan ragi", "Fermentation with yeast"};
  const CompetencyRef cassava{2, "tape.singkong", "Memilih singkong", std::nullopt};
  const CompetencyRef price{3, "usaha.harga", "Menghitung harga", std::nullopt};
  MenteeRecord record;
  // Newest first: cassava reached in cycle 5, yeast not yet in cycle 4, earlier price and yeast.
  record.evaluations = {{cassava, 5, "Memilih bahan", true, 2, {2026, 3, 1}},
                        {yeast, 4, "Belajar ragi", false, 1, {2026, 2, 1}},
                        {price, 3, "Harga jual", true, 2, {2026, 1, 1}},
                        {yeast, 3, "Harga jual", true, 1, {2026, 1, 1}}};
  record.targets = {{yeast, 6, "Tape ketan hitam", CycleStatus::kImplementation, 3},
                    {yeast, 7, "Ragi lanjutan", CycleStatus::kPlanning, 3}};
  auto lines = MenteeCompetencies(record);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].competency.code, "tape.ragi");
  ASSERT_TRUE(lines[0].latest.has_value());
  EXPECT_EQ(lines[0].latest->cycle_id, 4);  // her latest, not her first
  EXPECT_FALSE(lines[0].latest->achieved);
  ASSERT_EQ(lines[0].targets.size(), 2u);
  EXPECT_EQ(lines[0].targets[0].cycle_id, 6);
  EXPECT_EQ(lines[1].competency.code, "tape.singkong");
  EXPECT_TRUE(lines[1].targets.empty());
  EXPECT_EQ(lines[2].competency.code, "usaha.harga");
}

TEST(MenteeCompetencies, ShowATargetNotYetEvaluatedAndNothingForNoRecord) {
  MenteeRecord record;
  EXPECT_TRUE(MenteeCompetencies(record).empty());
  record.targets = {{{1, "tape.ragi", "Fermentasi dengan ragi", std::nullopt}, 6, "Tape ketan hitam",
                     CycleStatus::kPlanning, 2}};
  auto lines = MenteeCompetencies(record);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_FALSE(lines[0].latest.has_value());
  EXPECT_EQ(lines[0].targets.size(), 1u);
}

}  // namespace
}  // namespace gotong::domain::mentoring
