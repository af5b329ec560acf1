#include "domain/mentoring/matching.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gotong::domain::mentoring {
namespace {

MatchMentee Mentee(std::int64_t id, std::int64_t group, std::optional<std::string> village,
                   std::vector<std::int64_t> targets, std::vector<int> values = {3, 3, 3, 3}) {
  return MatchMentee{id, group, std::move(village), std::move(targets), std::move(values)};
}

MatchMentor Mentor(std::int64_t id, std::optional<std::int64_t> group,
                   std::optional<std::string> village, MentorOrigin origin, int capacity,
                   std::vector<std::int64_t> achieved, std::vector<int> values = {3, 3, 3, 3}) {
  return MatchMentor{
      id, group, std::move(village), origin, capacity, std::move(achieved), std::move(values)};
}

// The first field error of a failed status, or a failure.
core::FieldError OnlyField(const core::Status& status) {
  EXPECT_FALSE(status.ok());
  if (status.ok()) return {};
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(status.error().fields.size(), 1U) << status.error().message;
  return status.error().fields.empty() ? core::FieldError{} : status.error().fields.front();
}

MatchingProblem ValidProblem() {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, 10, "35.07.20.2004", {100, 101}), Mentee(2, 10, std::nullopt, {})};
  problem.mentors = {Mentor(3, 10, "35.07.20.2004", MentorOrigin::kCommunity, 2, {100}),
                     Mentor(4, std::nullopt, std::nullopt, MentorOrigin::kExternal, 1, {101}, {})};
  return problem;
}

// ---- scoring ---------------------------------------------------------------------------------

TEST(MatchScoring, PerfectPairScoresEveryTermInFull) {
  MatchWeights weights;
  auto score = ScorePair(
      Mentee(1, 10, "v", {100, 101}, {5, 4, 3, 2}),
      Mentor(2, 10, "v", MentorOrigin::kCommunity, 1, {102, 101, 100}, {5, 4, 3, 2}), weights);
  EXPECT_EQ(score.values, 40);
  EXPECT_TRUE(score.values_answered);
  EXPECT_EQ(score.coverage, 40);
  EXPECT_EQ(score.covered_competencies, (std::vector<std::int64_t>{100, 101}));
  EXPECT_EQ(score.proximity, 15);
  EXPECT_EQ(score.proximity_kind,
            Proximity::kSameGroup);  // the group wins over the village, no stacking
  EXPECT_EQ(score.community, 10);
  EXPECT_EQ(score.total, 105);
  EXPECT_EQ(score.total, MaxPairScore(weights));
}

TEST(MatchScoring, ValuesScaleWithTheDistanceOfTheAnswers) {
  MatchWeights weights;
  auto pair = [&](std::vector<int> a, std::vector<int> b) {
    return ScorePair(Mentee(1, 10, std::nullopt, {}, std::move(a)),
                     Mentor(2, 11, std::nullopt, MentorOrigin::kExternal, 1, {}, std::move(b)),
                     weights);
  };
  EXPECT_EQ(pair({1, 1, 1, 1}, {5, 5, 5, 5}).values, 0);   // opposite on every value
  EXPECT_EQ(pair({1, 1, 1, 1}, {2, 1, 1, 1}).values, 38);  // 40 × 15/16 = 37.5, halves up
  EXPECT_EQ(pair({1, 5, 1, 5}, {5, 1, 5, 1}).values, 0);
  EXPECT_EQ(pair({3, 3, 3, 3}, {1, 5, 3, 3}).values, 30);  // distance 4: 40 × 12/16
  EXPECT_EQ(pair({3, 3, 3, 3}, {1, 5, 3, 3}).total, 30);   // nothing else scored
  EXPECT_EQ(ValuesPoints(0, weights), 40);
  EXPECT_EQ(ValuesPoints(kMaxValueDistance, weights), 0);
}

TEST(MatchScoring, UnansweredSurveyScoresHalfTheValuesWeight) {
  MatchWeights weights;
  auto mentee_silent =
      ScorePair(Mentee(1, 10, std::nullopt, {}, {}),
                Mentor(2, 11, std::nullopt, MentorOrigin::kExternal, 1, {}), weights);
  EXPECT_FALSE(mentee_silent.values_answered);
  EXPECT_EQ(mentee_silent.values, 20);
  auto mentor_silent =
      ScorePair(Mentee(1, 10, std::nullopt, {}),
                Mentor(2, 11, std::nullopt, MentorOrigin::kExternal, 1, {}, {}), weights);
  EXPECT_FALSE(mentor_silent.values_answered);
  EXPECT_EQ(mentor_silent.values, 20);
  weights.values = 7;
  EXPECT_EQ(UnansweredValuesPoints(weights), 4);  // 3.5, halves up
}

TEST(MatchScoring, CoverageIsTheShareOfTargetsTheMentorAchieved) {
  MatchWeights weights;
  auto coverage = [&](std::vector<std::int64_t> targets, std::vector<std::int64_t> achieved) {
    return ScorePair(Mentee(1, 10, std::nullopt, std::move(targets)),
                     Mentor(2, 11, std::nullopt, MentorOrigin::kExternal, 1, std::move(achieved)),
                     weights);
  };
  EXPECT_EQ(coverage({1, 2, 3}, {2}).coverage, 13);        // 40/3 = 13.3
  EXPECT_EQ(coverage({3, 1, 2}, {2, 3, 9}).coverage, 27);  // 80/3 = 26.7
  EXPECT_EQ(coverage({3, 1, 2}, {2, 3, 9}).covered_competencies, (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(coverage({1, 2}, {1, 2}).coverage, 40);
  EXPECT_EQ(coverage({1, 2}, {7}).coverage, 0);
  EXPECT_EQ(coverage({}, {1, 2}).coverage, 0);  // nothing to cover scores nothing
  EXPECT_TRUE(coverage({}, {1, 2}).covered_competencies.empty());
}

TEST(MatchScoring, SameVillageCountsOnlyWithoutTheSameGroup) {
  MatchWeights weights;
  auto proximity = [&](std::int64_t group, std::optional<std::string> village,
                       std::optional<std::int64_t> mentor_group,
                       std::optional<std::string> mentor_village) {
    return ScorePair(
        Mentee(1, group, std::move(village), {}),
        Mentor(2, mentor_group, std::move(mentor_village), MentorOrigin::kExternal, 1, {}),
        weights);
  };
  EXPECT_EQ(proximity(10, "a", 10, "b").proximity_kind, Proximity::kSameGroup);
  EXPECT_EQ(proximity(10, "a", 11, "a").proximity, 10);
  EXPECT_EQ(proximity(10, "a", 11, "a").proximity_kind, Proximity::kSameVillage);
  EXPECT_EQ(proximity(10, "a", std::nullopt, "a").proximity,
            10);  // a consultant living in the village
  EXPECT_EQ(proximity(10, "a", 11, "b").proximity, 0);
  EXPECT_EQ(proximity(10, std::nullopt, 11, std::nullopt).proximity,
            0);  // two unknown villages are not one
  EXPECT_EQ(proximity(10, std::nullopt, 11, std::nullopt).proximity_kind, Proximity::kNone);
}

TEST(MatchScoring, OnlyACommunityMentorEarnsTheCommunityPoints) {
  MatchWeights weights;
  auto mentee = Mentee(1, 10, std::nullopt, {});
  EXPECT_EQ(ScorePair(mentee, Mentor(2, 11, std::nullopt, MentorOrigin::kCommunity, 1, {}), weights)
                .community,
            10);
  EXPECT_EQ(ScorePair(mentee, Mentor(2, 11, std::nullopt, MentorOrigin::kExternal, 1, {}), weights)
                .community,
            0);
}

TEST(MatchScoring, WeightsSetEveryTermsPoints) {
  MatchWeights weights{
      .values = 4, .coverage = 6, .same_group = 0, .same_village = 3, .community = 1, .top_k = 5};
  auto score =
      ScorePair(Mentee(1, 10, "v", {1, 2, 3}, {1, 1, 1, 1}),
                Mentor(2, 10, "v", MentorOrigin::kCommunity, 1, {1}, {3, 3, 1, 1}), weights);
  EXPECT_EQ(score.values, 3);     // 4 × 12/16
  EXPECT_EQ(score.coverage, 2);   // 6 × 1/3
  EXPECT_EQ(score.proximity, 0);  // same group, weighted 0: the village does not step in
  EXPECT_EQ(score.community, 1);
  EXPECT_EQ(score.total, 6);
  EXPECT_EQ(MaxPairScore(weights), 4 + 6 + 3 + 1);
}

TEST(MatchScoring, AdmissibleOnlyWhenTheMentorCoversATargetAndIsSomeoneElse) {
  auto mentor = Mentor(2, 10, std::nullopt, MentorOrigin::kCommunity, 1, {100, 101});
  EXPECT_TRUE(IsAdmissible(Mentee(1, 10, std::nullopt, {101, 200}), mentor));
  EXPECT_FALSE(IsAdmissible(Mentee(1, 10, std::nullopt, {200, 201}), mentor));
  EXPECT_TRUE(IsAdmissible(Mentee(1, 10, std::nullopt, {}), mentor));      // no targets: any mentor
  EXPECT_FALSE(IsAdmissible(Mentee(2, 10, std::nullopt, {100}), mentor));  // never her own mentor
  EXPECT_FALSE(IsAdmissible(Mentee(2, 10, std::nullopt, {}), mentor));
}

TEST(MatchWords, WordsRoundTrip) {
  EXPECT_EQ(ToString(MentorOrigin::kCommunity), "community");
  EXPECT_EQ(ToString(MentorOrigin::kExternal), "external");
  EXPECT_EQ(ParseMentorOrigin("community"), MentorOrigin::kCommunity);
  EXPECT_EQ(ParseMentorOrigin("external"), MentorOrigin::kExternal);
  EXPECT_FALSE(ParseMentorOrigin("Community").has_value());
  EXPECT_FALSE(ParseMentorOrigin("").has_value());
  EXPECT_EQ(ToString(UnplacedReason::kNoMentorCovers), "no_mentor_covers");
  EXPECT_EQ(ToString(UnplacedReason::kCapacity), "capacity");
  EXPECT_EQ(ToString(Proximity::kSameGroup), "same_group");
  EXPECT_EQ(ToString(Proximity::kSameVillage), "same_village");
  EXPECT_EQ(ToString(Proximity::kNone), "none");
  EXPECT_EQ(ToString(MatchingStage::kScoring), "scoring");
  EXPECT_EQ(ToString(MatchingStage::kSolving), "solving");
  EXPECT_EQ(ToString(MatchingStage::kExplaining), "explaining");
  for (auto reason : {UnplacedReason::kNoMentorCovers, UnplacedReason::kCapacity}) {
    EXPECT_EQ(ParseUnplacedReason(ToString(reason)), reason);
  }
  for (auto proximity : {Proximity::kNone, Proximity::kSameVillage, Proximity::kSameGroup}) {
    EXPECT_EQ(ParseProximity(ToString(proximity)), proximity);
  }
  for (auto stage :
       {MatchingStage::kScoring, MatchingStage::kSolving, MatchingStage::kExplaining}) {
    EXPECT_EQ(ParseMatchingStage(ToString(stage)), stage);
  }
  EXPECT_FALSE(ParseProximity("Same_Group").has_value());
  EXPECT_FALSE(ParseUnplacedReason("").has_value());
  EXPECT_FALSE(ParseMatchingStage("done").has_value());
  EXPECT_EQ(kSurveyValues.size(), 4U);
  EXPECT_EQ(kSurveyValues[2], "mutual_help");
}

// ---- validation ------------------------------------------------------------------------------

TEST(MatchValidation, AcceptsAValidProblem) {
  EXPECT_TRUE(ValidateMatchingProblem(ValidProblem()).ok());
}

TEST(MatchValidation, AcceptsNoMentorsAndNoMentees) {
  auto problem = ValidProblem();
  problem.mentors.clear();
  EXPECT_TRUE(ValidateMatchingProblem(problem).ok());
  problem.mentees.clear();
  EXPECT_TRUE(ValidateMatchingProblem(problem).ok());
}

TEST(MatchValidation, AcceptsOneMentorOnLeaveWithCapacityZero) {
  auto problem = ValidProblem();
  problem.mentors[1].capacity = 0;
  EXPECT_TRUE(ValidateMatchingProblem(problem).ok());
}

TEST(MatchValidation, RejectsNegativeCapacityNamingTheMentor) {
  auto problem = ValidProblem();
  problem.mentors[1].capacity = -1;
  auto field = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(field.field, "mentors[1].capacity");
  EXPECT_EQ(field.code, "negative");
}

TEST(MatchValidation, RejectsZeroTotalCapacityNamingTheMentors) {
  auto problem = ValidProblem();
  problem.mentors[0].capacity = 0;
  problem.mentors[1].capacity = 0;
  auto field = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(field.field, "mentors");
  EXPECT_EQ(field.code, "no_capacity");
}

TEST(MatchValidation, RejectsCapacityAboveTheLimit) {
  auto problem = ValidProblem();
  problem.mentors[0].capacity = kMaxMentorCapacity + 1;
  auto field = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(field.field, "mentors[0].capacity");
  EXPECT_EQ(field.code, "out_of_range");
}

TEST(MatchValidation, RejectsDuplicateIdsNamingTheSecond) {
  auto problem = ValidProblem();
  problem.mentees.push_back(Mentee(1, 10, std::nullopt, {}));
  auto mentee = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(mentee.field, "mentees[2].member_id");
  EXPECT_EQ(mentee.code, "duplicate");

  problem = ValidProblem();
  problem.mentors[1].member_id = 3;
  auto mentor = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(mentor.field, "mentors[1].member_id");
  EXPECT_EQ(mentor.code, "duplicate");

  problem = ValidProblem();
  problem.mentors[0].member_id = 1;  // a mentee may mentor others too
  EXPECT_TRUE(ValidateMatchingProblem(problem).ok());
}

TEST(MatchValidation, RejectsAnswersOutsideOneToFiveNamingTheAnswer) {
  auto problem = ValidProblem();
  problem.mentees[0].values = {1, 2, 6, 3};
  auto field = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(field.field, "mentees[0].values[2]");
  EXPECT_EQ(field.code, "out_of_range");
  EXPECT_EQ(field.params, (core::ErrorParams{{"min", "1"}, {"max", "5"}}));

  problem = ValidProblem();
  problem.mentors[0].values = {0, 3, 3, 3};
  EXPECT_EQ(OnlyField(ValidateMatchingProblem(problem)).field, "mentors[0].values[0]");
}

TEST(MatchValidation, RejectsAnIncompleteSurvey) {
  auto problem = ValidProblem();
  problem.mentors[0].values = {3, 3, 3};
  auto field = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(field.field, "mentors[0].values");
  EXPECT_EQ(field.code, "invalid_length");
  EXPECT_EQ(field.params, (core::ErrorParams{{"expected", "4"}}));
}

TEST(MatchValidation, RejectsACompetencyNamedTwice) {
  auto problem = ValidProblem();
  problem.mentees[1].target_competencies = {5, 6, 5};
  auto target = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(target.field, "mentees[1].target_competencies");
  EXPECT_EQ(target.code, "duplicate");

  problem = ValidProblem();
  problem.mentors[0].achieved_competencies = {100, 100};
  EXPECT_EQ(OnlyField(ValidateMatchingProblem(problem)).field, "mentors[0].achieved_competencies");
}

TEST(MatchValidation, RejectsWeightsOutOfRangeNamingEach) {
  auto problem = ValidProblem();
  problem.weights.top_k = 0;
  auto top_k = OnlyField(ValidateMatchingProblem(problem));
  EXPECT_EQ(top_k.field, "weights.top_k");
  EXPECT_EQ(top_k.code, "out_of_range");
  EXPECT_EQ(top_k.params, (core::ErrorParams{{"min", "1"}, {"max", std::to_string(kMaxTopK)}}));

  problem = ValidProblem();
  problem.weights.values = -1;
  problem.weights.community = kMaxMatchWeight + 1;
  auto status = ValidateMatchingProblem(problem);
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.error().fields.size(), 2U);  // every wrong field at once
  EXPECT_EQ(status.error().fields[0].field, "weights.values");
  EXPECT_EQ(status.error().fields[1].field, "weights.community");
}

TEST(MatchValidation, StopsListingAfterTheFirstHundredErrors) {
  MatchingProblem problem;
  for (int i = 0; i < 500; ++i)
    problem.mentees.push_back(Mentee(1, 10, std::nullopt, {}, {9, 9, 9, 9}));
  auto status = ValidateMatchingProblem(problem);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().fields.size(), kMaxFieldErrors);
  EXPECT_EQ(status.error().fields.front().field, "mentees[0].values[0]");
}

}  // namespace
}  // namespace gotong::domain::mentoring
