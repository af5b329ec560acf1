// What a survey's answers add up to, and what the coding of its open answers shows: no database.
#include "domain/mentoring/surveys.hpp"

#include <gtest/gtest.h>

namespace gotong::domain::mentoring {
namespace {

SurveyTemplate ThreeKinds() {
  SurveyTemplate t;
  t.questions = {{1, 1, "nilai", QuestionKind::kOpen, "", ""},
                 {2, 2, "bebas_bertanya", QuestionKind::kLikert, "", ""},
                 {3, 3, "teman", QuestionKind::kCheck, "", ""}};
  return t;
}

SurveyResponse Response(std::int64_t id, std::vector<Answer> answers) {
  SurveyResponse r;
  r.id = id;
  r.answers = std::move(answers);
  return r;
}

TEST(Summarise, CountsEachScaleValueTheMeanAndTheTickedItems) {
  auto summary = Summarise(ThreeKinds(), {Response(1, {{1, "kerja sama", {}, {}}, {2, {}, 5, {}}, {3, {}, {}, true}}),
                                          Response(2, {{2, {}, 4, {}}, {3, {}, {}, false}}),
                                          Response(3, {{1, "", {}, {}}})});
  ASSERT_EQ(summary.size(), 3u);
  EXPECT_EQ(summary[0].answered, 1);  // an empty text is no answer
  EXPECT_EQ(summary[1].answered, 2);
  EXPECT_EQ(summary[1].scale_counts, (std::vector<std::int64_t>{0, 0, 0, 1, 1}));
  ASSERT_TRUE(summary[1].mean.has_value());
  EXPECT_DOUBLE_EQ(*summary[1].mean, 4.5);
  EXPECT_EQ(summary[2].answered, 2);
  EXPECT_EQ(summary[2].checked, 1);
  EXPECT_TRUE(summary[0].scale_counts.empty());
}

TEST(Summarise, HasNoMeanWhereNobodyAnswered) {
  auto summary = Summarise(ThreeKinds(), {});
  EXPECT_FALSE(summary[1].mean.has_value());
  EXPECT_EQ(summary[1].scale_counts, (std::vector<std::int64_t>(5, 0)));
}

CodeTag Tagged(std::int64_t response, std::int64_t code) {
  CodeTag t;
  t.response_id = response;
  t.code_id = code;
  return t;
}

TEST(AnalyseCoding, CountsPassagesAndMembersPerCodeAndPairsNamedByTheSameMember) {
  std::vector<SurveyCode> codes = {{10, 1, "kerja_sama", ""}, {11, 1, "saling_membantu", ""},
                                   {12, 1, "persahabatan", ""}, {13, 1, "teman", ""}};
  // Member 1 names cooperation twice and mutual help; member 2 mutual help and friendship.
  auto analysis = AnalyseCoding(codes, {Tagged(1, 10), Tagged(1, 10), Tagged(1, 11), Tagged(2, 11), Tagged(2, 12)});
  ASSERT_EQ(analysis.frequencies.size(), 4u);
  EXPECT_EQ(analysis.frequencies[0].tags, 2);
  EXPECT_EQ(analysis.frequencies[0].responses, 1);
  EXPECT_EQ(analysis.frequencies[1].responses, 2);
  EXPECT_EQ(analysis.frequencies[3].tags, 0);  // a code nobody named is listed with 0
  EXPECT_EQ(analysis.co_occurrences,
            (std::vector<CoOccurrence>{{10, 11, 1}, {11, 12, 1}}));  // never a code with itself
}

}  // namespace
}  // namespace gotong::domain::mentoring
