#include "optim/lemon_matching_solver.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace gotong::optim {
namespace {

using domain::mentoring::IsAdmissible;
using domain::mentoring::MatchingProblem;
using domain::mentoring::MatchingResult;
using domain::mentoring::MatchingStage;
using domain::mentoring::MatchMentee;
using domain::mentoring::MatchMentor;
using domain::mentoring::MentorOrigin;
using domain::mentoring::ScorePair;
using domain::mentoring::UnplacedReason;
using Ids = std::vector<std::int64_t>;

MatchMentee Mentee(std::int64_t id, Ids targets, std::int64_t group = 1,
                   std::vector<int> values = {3, 3, 3, 3}) {
  return MatchMentee{id, group, std::nullopt, std::move(targets), std::move(values)};
}

MatchMentor Mentor(std::int64_t id, int capacity, Ids achieved,
                   std::optional<std::int64_t> group = 1,
                   MentorOrigin origin = MentorOrigin::kCommunity,
                   std::vector<int> values = {3, 3, 3, 3}) {
  return MatchMentor{
      id, group, std::nullopt, origin, capacity, std::move(achieved), std::move(values)};
}

MatchingResult SolveOk(const MatchingProblem& problem, int threads = 2) {
  auto result = LemonMatchingSolver({.threads = threads}).Solve(problem, {});
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? std::move(result).value() : MatchingResult{};
}

// Everything a correct answer keeps, whatever the pruning: each mentee once, in input order,
// placed or not; each pair admissible, scored as ScorePair scores it, within capacity; the total
// their sum; and each unplaced mentee's reason and uncovered targets exactly as the input says.
void ExpectValidAnswer(const MatchingProblem& problem, const MatchingResult& result) {
  std::map<std::int64_t, const MatchMentor*> mentors;
  for (const auto& mentor : problem.mentors) mentors[mentor.member_id] = &mentor;
  std::map<std::int64_t, int> load;
  std::set<std::int64_t> placed;
  std::int64_t total = 0;
  std::size_t pair = 0;
  std::size_t unplaced = 0;
  for (const auto& mentee : problem.mentees) {
    if (pair < result.pairs.size() && result.pairs[pair].mentee_id == mentee.member_id) {
      const auto& made = result.pairs[pair++];
      ASSERT_TRUE(mentors.count(made.mentor_id)) << made.mentor_id;
      const MatchMentor& mentor = *mentors[made.mentor_id];
      EXPECT_TRUE(IsAdmissible(mentee, mentor)) << mentee.member_id << " with " << mentor.member_id;
      EXPECT_EQ(made.score, ScorePair(mentee, mentor, problem.weights));
      ++load[mentor.member_id];
      placed.insert(mentee.member_id);
      total += made.score.total;
    } else {
      ASSERT_LT(unplaced, result.unplaced.size()) << "mentee " << mentee.member_id << " is missing";
      const auto& left = result.unplaced[unplaced++];
      ASSERT_EQ(left.mentee_id, mentee.member_id);
      Ids uncovered;
      for (std::int64_t target : mentee.target_competencies) {
        bool covered =
            std::any_of(problem.mentors.begin(), problem.mentors.end(), [&](const MatchMentor& m) {
              return m.capacity > 0 && m.member_id != mentee.member_id &&
                     std::count(m.achieved_competencies.begin(), m.achieved_competencies.end(),
                                target) > 0;
            });
        if (!covered) uncovered.push_back(target);
      }
      std::sort(uncovered.begin(), uncovered.end());
      EXPECT_EQ(left.uncovered_competencies, uncovered) << "mentee " << mentee.member_id;
    }
  }
  EXPECT_EQ(pair, result.pairs.size()) << "pairs out of the mentees' order";
  EXPECT_EQ(unplaced, result.unplaced.size());
  EXPECT_EQ(result.total_score, total);
  for (const auto& [id, taken] : load) EXPECT_LE(taken, mentors[id]->capacity) << "mentor " << id;
  // The reasons, against the final loads.
  for (const auto& left : result.unplaced) {
    const MatchMentee& mentee =
        *std::find_if(problem.mentees.begin(), problem.mentees.end(),
                      [&](const MatchMentee& m) { return m.member_id == left.mentee_id; });
    bool some_admissible = false;
    for (const auto& mentor : problem.mentors) {
      if (mentor.capacity <= 0 || !IsAdmissible(mentee, mentor)) continue;
      some_admissible = true;
      EXPECT_EQ(load[mentor.member_id], mentor.capacity)
          << "mentee " << mentee.member_id << " left out while mentor " << mentor.member_id
          << " has room";
    }
    EXPECT_EQ(left.reason,
              some_admissible ? UnplacedReason::kCapacity : UnplacedReason::kNoMentorCovers)
        << "mentee " << mentee.member_id;
  }
}

// The best (placed, total score) over every assignment, by exhaustive search.
struct Optimum {
  int placed = -1;
  std::int64_t score = 0;
};

void Search(const std::vector<std::vector<std::pair<std::size_t, int>>>& options, std::size_t i,
            std::vector<int>& room, int placed, std::int64_t score, Optimum& best) {
  if (i == options.size()) {
    if (placed > best.placed || (placed == best.placed && score > best.score))
      best = {placed, score};
    return;
  }
  Search(options, i + 1, room, placed, score, best);
  for (auto [mentor, points] : options[i]) {
    if (room[mentor] == 0) continue;
    --room[mentor];
    Search(options, i + 1, room, placed + 1, score + points, best);
    ++room[mentor];
  }
}

Optimum BruteForce(const MatchingProblem& problem) {
  std::vector<std::vector<std::pair<std::size_t, int>>> options;
  for (const auto& mentee : problem.mentees) {
    auto& mine = options.emplace_back();
    for (std::size_t j = 0; j < problem.mentors.size(); ++j) {
      const auto& mentor = problem.mentors[j];
      if (mentor.capacity > 0 && IsAdmissible(mentee, mentor)) {
        mine.emplace_back(j, ScorePair(mentee, mentor, problem.weights).total);
      }
    }
  }
  std::vector<int> room;
  for (const auto& mentor : problem.mentors) room.push_back(mentor.capacity);
  Optimum best;
  Search(options, 0, room, 0, 0, best);
  return best;
}

std::vector<int> RandomValues(std::mt19937& random) {
  if (random() % 5 == 0) return {};
  std::vector<int> values(domain::mentoring::kSurveyValues.size());
  for (int& value : values) value = static_cast<int>(1 + random() % 5);
  return values;
}

Ids RandomCompetencies(std::mt19937& random, std::uint32_t pool, std::uint32_t most) {
  Ids ids;
  auto count = random() % (most + 1);
  for (std::uint32_t c = 0; c < count; ++c) {
    auto id = static_cast<std::int64_t>(100 + random() % pool);
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return ids;
}

std::optional<std::string> RandomVillage(std::mt19937& random) {
  static const char* const kVillages[] = {"35.07.20.2004", "35.07.20.2005"};
  auto pick = random() % 3;
  if (pick == 2) return std::nullopt;
  return kVillages[pick];
}

// A small random instance: people drawn from ids 1..10, so a mentee is sometimes a mentor too.
MatchingProblem RandomProblem(std::mt19937& random, std::size_t most_mentees,
                              std::size_t most_mentors, int most_capacity,
                              std::uint32_t competencies) {
  MatchingProblem problem;
  std::vector<std::int64_t> people(most_mentees + most_mentors + 4);
  for (std::size_t k = 0; k < people.size(); ++k) people[k] = static_cast<std::int64_t>(k + 1);
  std::shuffle(people.begin(), people.end(), random);
  auto mentees = random() % (most_mentees + 1);
  for (std::size_t i = 0; i < mentees; ++i) {
    problem.mentees.push_back(
        MatchMentee{people[i], static_cast<std::int64_t>(1 + random() % 3), RandomVillage(random),
                    RandomCompetencies(random, competencies, 3), RandomValues(random)});
  }
  std::shuffle(people.begin(), people.end(), random);
  auto mentors = random() % (most_mentors + 1);
  for (std::size_t j = 0; j < mentors; ++j) {
    std::optional<std::int64_t> group;
    if (random() % 4 != 0) group = static_cast<std::int64_t>(1 + random() % 3);
    problem.mentors.push_back(
        MatchMentor{people[j], group, RandomVillage(random),
                    random() % 3 == 0 ? MentorOrigin::kExternal : MentorOrigin::kCommunity,
                    static_cast<int>(random() % static_cast<std::uint32_t>(most_capacity + 1)),
                    RandomCompetencies(random, competencies, 3), RandomValues(random)});
  }
  if (random() % 2 == 0) {
    auto weight = [&] { return static_cast<int>(random() % 50); };
    problem.weights = {weight(), weight(), weight(), weight(), weight(), 20};
  }
  return problem;
}

bool NoCapacity(const MatchingProblem& problem) {
  return !problem.mentors.empty() &&
         std::all_of(problem.mentors.begin(), problem.mentors.end(),
                     [](const MatchMentor& m) { return m.capacity == 0; });
}

// ---- optimality --------------------------------------------------------------------------------

TEST(LemonMatchingSolver, EqualsBruteForceOnSmallRandomInstances) {
  int solved = 0;
  int with_unplaced = 0;
  for (std::uint32_t seed = 0; seed < 300; ++seed) {
    std::mt19937 random(seed);
    MatchingProblem problem = RandomProblem(random, 6, 4, 3, 5);
    SCOPED_TRACE("seed " + std::to_string(seed));
    if (NoCapacity(problem)) {
      auto refused = LemonMatchingSolver{}.Solve(problem, {});
      ASSERT_FALSE(refused.ok());
      EXPECT_EQ(refused.error().fields.at(0).field, "mentors");
      continue;
    }
    MatchingResult result = SolveOk(problem);
    ExpectValidAnswer(problem, result);
    Optimum best = BruteForce(problem);
    EXPECT_EQ(static_cast<int>(result.pairs.size()), best.placed);
    EXPECT_EQ(result.total_score, best.score);
    ++solved;
    if (!result.unplaced.empty()) ++with_unplaced;
  }
  // The instances exercise both the solved and the refused paths, and leave mentees out.
  EXPECT_GT(solved, 250);
  EXPECT_GT(with_unplaced, 100);
}

TEST(LemonMatchingSolver, PlacesAsManyMenteesAsPossibleBeforeMaximisingTheScore) {
  // Mentee 1 with mentor 10 alone scores 105; mentee 2 can only learn from mentor 10, and
  // mentee 1 from mentor 11 too: two pairs scoring 30 + 40 beat one pair scoring 105.
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100}), Mentee(2, {200, 300}, 2, {1, 1, 1, 1})};
  problem.mentors = {Mentor(10, 1, {100, 200}, 1, MentorOrigin::kCommunity, {5, 5, 5, 5}),
                     Mentor(11, 1, {100}, std::nullopt, MentorOrigin::kExternal, {1, 1, 1, 1})};
  problem.mentees[0].values = {5, 5, 5, 5};
  MatchingResult result = SolveOk(problem);
  ExpectValidAnswer(problem, result);
  ASSERT_EQ(result.pairs.size(), 2U);
  EXPECT_EQ(result.pairs[0].mentor_id, 11);
  EXPECT_EQ(result.pairs[1].mentor_id, 10);
  EXPECT_EQ(result.pairs[0].score.total, 40);  // coverage only
  EXPECT_EQ(result.pairs[1].score.total, 30);  // half coverage, community
  EXPECT_EQ(result.total_score, 70);
}

TEST(LemonMatchingSolver, PrefersTheBetterFittingMentorWhenBothHaveRoom) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100, 101}, 7)};
  problem.mentors = {Mentor(10, 3, {100}, std::nullopt, MentorOrigin::kExternal),
                     Mentor(11, 3, {100, 101}, 7, MentorOrigin::kCommunity)};
  MatchingResult result = SolveOk(problem);
  ASSERT_EQ(result.pairs.size(), 1U);
  EXPECT_EQ(result.pairs[0].mentor_id, 11);
  EXPECT_EQ(result.pairs[0].score.covered_competencies, (Ids{100, 101}));
  EXPECT_EQ(result.pairs[0].score.proximity_kind, domain::mentoring::Proximity::kSameGroup);
  EXPECT_EQ(result.pairs[0].score.total, 105);
}

// ---- who is left out, and why ------------------------------------------------------------------

TEST(LemonMatchingSolver, MenteeNobodyCoversIsUnplacedWithHerUncoveredTargets) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {300, 200}), Mentee(2, {100})};
  problem.mentors = {Mentor(10, 5, {100, 101})};
  MatchingResult result = SolveOk(problem);
  ExpectValidAnswer(problem, result);
  ASSERT_EQ(result.pairs.size(), 1U);
  EXPECT_EQ(result.pairs[0].mentee_id, 2);
  ASSERT_EQ(result.unplaced.size(), 1U);
  EXPECT_EQ(result.unplaced[0].mentee_id, 1);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::kNoMentorCovers);
  EXPECT_EQ(result.unplaced[0].uncovered_competencies, (Ids{200, 300}));
}

TEST(LemonMatchingSolver, MenteesBeyondEveryCoveringMentorsCapacityAreUnplacedForCapacity) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100}), Mentee(2, {100, 900}), Mentee(3, {100}), Mentee(4, {500})};
  problem.mentors = {Mentor(10, 1, {100}), Mentor(11, 1, {100, 500}), Mentor(12, 4, {700})};
  MatchingResult result = SolveOk(problem);
  ExpectValidAnswer(problem, result);
  // Mentee 4 can only learn from mentor 11, so one of 1–3 learns from mentor 10 and two wait;
  // mentor 12 covers nobody's targets.
  EXPECT_EQ(result.pairs.size(), 2U);
  ASSERT_EQ(result.unplaced.size(), 2U);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::kCapacity);
  EXPECT_EQ(result.unplaced[1].reason, UnplacedReason::kCapacity);
  EXPECT_NE(result.unplaced[1].mentee_id, 4);
}

TEST(LemonMatchingSolver, CapacityReasonStillListsTargetsNobodyCovers) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100}), Mentee(2, {100, 900})};
  problem.mentors = {Mentor(10, 1, {100})};
  problem.mentees[0].group_id = 1;
  problem.mentees[1].group_id = 2;  // mentee 1 fits mentor 10 better (same group)
  MatchingResult result = SolveOk(problem);
  ExpectValidAnswer(problem, result);
  ASSERT_EQ(result.unplaced.size(), 1U);
  EXPECT_EQ(result.unplaced[0].mentee_id, 2);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::kCapacity);
  EXPECT_EQ(result.unplaced[0].uncovered_competencies, (Ids{900}));
}

TEST(LemonMatchingSolver, WithoutMentorsEveryMenteeIsUnplaced) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100, 101}), Mentee(2, {})};
  MatchingResult result = SolveOk(problem);
  EXPECT_TRUE(result.pairs.empty());
  ASSERT_EQ(result.unplaced.size(), 2U);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::kNoMentorCovers);
  EXPECT_EQ(result.unplaced[0].uncovered_competencies, (Ids{100, 101}));
  EXPECT_EQ(result.unplaced[1].reason, UnplacedReason::kNoMentorCovers);
  EXPECT_TRUE(result.unplaced[1].uncovered_competencies.empty());
  EXPECT_EQ(result.total_score, 0);
}

TEST(LemonMatchingSolver, MentorOnLeaveNeitherTakesNorCovers) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100}), Mentee(2, {})};
  problem.mentors = {Mentor(10, 0, {100}), Mentor(11, 1, {200})};
  MatchingResult result = SolveOk(problem);
  ExpectValidAnswer(problem, result);
  ASSERT_EQ(result.pairs.size(), 1U);
  EXPECT_EQ(result.pairs[0].mentee_id, 2);  // no targets: any mentor
  EXPECT_EQ(result.pairs[0].mentor_id, 11);
  ASSERT_EQ(result.unplaced.size(), 1U);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::kNoMentorCovers);
  EXPECT_EQ(result.unplaced[0].uncovered_competencies, (Ids{100}));
}

TEST(LemonMatchingSolver, NoOneIsHerOwnMentor) {
  MatchingProblem problem;
  problem.mentees = {Mentee(7, {100})};
  problem.mentors = {Mentor(7, 3, {100})};
  MatchingResult result = SolveOk(problem);
  EXPECT_TRUE(result.pairs.empty());
  ASSERT_EQ(result.unplaced.size(), 1U);
  EXPECT_EQ(result.unplaced[0].reason, UnplacedReason::kNoMentorCovers);
  EXPECT_EQ(result.unplaced[0].uncovered_competencies, (Ids{100}));
}

TEST(LemonMatchingSolver, RefusesZeroTotalCapacityAndNegativeCapacity) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100})};
  problem.mentors = {Mentor(10, 0, {100}), Mentor(11, 0, {100})};
  auto none = LemonMatchingSolver{}.Solve(problem, {});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, core::ErrorCode::kInvalidArgument);
  ASSERT_EQ(none.error().fields.size(), 1U);
  EXPECT_EQ(none.error().fields[0].field, "mentors");
  EXPECT_EQ(none.error().fields[0].code, "no_capacity");

  problem.mentors[1].capacity = -2;
  auto negative = LemonMatchingSolver{}.Solve(problem, {});
  ASSERT_FALSE(negative.ok());
  ASSERT_EQ(negative.error().fields.size(), 1U);
  EXPECT_EQ(negative.error().fields[0].field, "mentors[1].capacity");
}

TEST(LemonMatchingSolver, NoMenteesIsAnEmptyAnswer) {
  MatchingProblem problem;
  problem.mentors = {Mentor(10, 1, {100})};
  MatchingResult result = SolveOk(problem);
  EXPECT_TRUE(result.pairs.empty());
  EXPECT_TRUE(result.unplaced.empty());
  EXPECT_EQ(result.total_score, 0);
}

// ---- pruning -----------------------------------------------------------------------------------

TEST(LemonMatchingSolver, PrunedMenteeWhoseCandidatesAreFullTakesAMentorWithRoom) {
  // With top_k 1 both mentees keep only mentor 10 (same group); the flow can place one of them
  // there, and the other then goes to mentor 11, who has room.
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100}, 1), Mentee(2, {100}, 1)};
  problem.mentors = {Mentor(10, 1, {100}, 1), Mentor(11, 1, {100}, 2)};
  problem.weights.top_k = 1;
  MatchingResult result = SolveOk(problem);
  ExpectValidAnswer(problem, result);
  ASSERT_EQ(result.pairs.size(), 2U);
  EXPECT_TRUE(result.unplaced.empty());
}

TEST(LemonMatchingSolver, MenteesCutOffRoundAfterRoundAreStillPlaced) {
  // Five alike mentees, five alike mentors with one place each, top_k 1: every round's only
  // candidate is the lowest-id mentor with room, so each flow places one mentee; after the
  // last flow the rest take the mentors left, one by one.
  MatchingProblem problem;
  for (std::int64_t i = 1; i <= 5; ++i) problem.mentees.push_back(Mentee(i, {100}));
  for (std::int64_t j = 11; j <= 15; ++j) problem.mentors.push_back(Mentor(j, 1, {100}));
  problem.weights.top_k = 1;
  MatchingResult result = SolveOk(problem);
  ExpectValidAnswer(problem, result);
  EXPECT_EQ(result.pairs.size(), 5U);
  EXPECT_TRUE(result.unplaced.empty());
}

TEST(LemonMatchingSolver, TopKTiesGoToTheLowerMentorId) {
  MatchingProblem problem;
  problem.mentees = {Mentee(1, {100})};
  problem.mentors = {Mentor(30, 1, {100}), Mentor(7, 1, {100}), Mentor(12, 1, {100})};
  problem.weights.top_k = 1;  // (with more candidates the flow may pick any of the equals)
  MatchingResult result = SolveOk(problem);
  ASSERT_EQ(result.pairs.size(), 1U);
  EXPECT_EQ(result.pairs[0].mentor_id, 7);
}

TEST(LemonMatchingSolver, SmallTopKStillGivesAValidAnswer) {
  for (std::uint32_t seed = 0; seed < 40; ++seed) {
    std::mt19937 random(1000 + seed);
    MatchingProblem problem = RandomProblem(random, 150, 25, 4, 8);
    if (NoCapacity(problem)) continue;
    SCOPED_TRACE("seed " + std::to_string(1000 + seed));
    MatchingProblem whole = problem;
    whole.weights.top_k = domain::mentoring::kMaxTopK;
    MatchingResult best = SolveOk(whole);
    ExpectValidAnswer(whole, best);
    for (int top_k : {1, 2, 3}) {
      problem.weights.top_k = top_k;
      MatchingResult pruned = SolveOk(problem);
      ExpectValidAnswer(problem, pruned);
      EXPECT_LE(pruned.pairs.size(), best.pairs.size());
      if (pruned.pairs.size() == best.pairs.size()) {
        EXPECT_LE(pruned.total_score, best.total_score);
      }
    }
  }
}

// ---- determinism and progress
// --------------------------------------------------------------------

TEST(LemonMatchingSolver, SameInputGivesTheSameAnswerOnAnyNumberOfThreads) {
  std::mt19937 random(77);
  MatchingProblem problem;
  for (std::int64_t i = 0; i < 5000; ++i) {  // several chunks of work
    problem.mentees.push_back(MatchMentee{i + 1, static_cast<std::int64_t>(1 + random() % 200),
                                          std::nullopt, RandomCompetencies(random, 30, 3),
                                          RandomValues(random)});
  }
  for (std::int64_t j = 0; j < 300; ++j) {
    problem.mentors.push_back(MatchMentor{
        100000 + j, static_cast<std::int64_t>(1 + random() % 200), std::nullopt,
        j % 3 == 0 ? MentorOrigin::kExternal : MentorOrigin::kCommunity,
        static_cast<int>(random() % 20), RandomCompetencies(random, 30, 6), RandomValues(random)});
  }
  problem.weights.top_k = 5;
  MatchingResult one = SolveOk(problem, 1);
  MatchingResult two = SolveOk(problem, 2);
  MatchingResult again = SolveOk(problem, 2);
  ExpectValidAnswer(problem, two);
  EXPECT_GT(two.pairs.size(), 1000U);
  EXPECT_EQ(one.pairs, two.pairs);
  EXPECT_EQ(one.unplaced, two.unplaced);
  EXPECT_EQ(two.pairs, again.pairs);
  EXPECT_EQ(two.unplaced, again.unplaced);
  EXPECT_EQ(one.total_score, two.total_score);
}

TEST(LemonMatchingSolver, ReportsEachStageInOrderOnTheCallingThread) {
  std::mt19937 random(5);
  MatchingProblem problem;
  for (std::int64_t i = 0; i < 3000; ++i)
    problem.mentees.push_back(Mentee(i + 1, RandomCompetencies(random, 10, 2)));
  for (std::int64_t j = 0; j < 50; ++j)
    problem.mentors.push_back(Mentor(10000 + j, 40, RandomCompetencies(random, 10, 4)));
  std::vector<std::pair<MatchingStage, std::int64_t>> seen;
  std::map<MatchingStage, std::int64_t> totals;
  bool other_thread = false;
  auto caller = std::this_thread::get_id();
  auto result = LemonMatchingSolver{}.Solve(
      problem, [&](MatchingStage stage, std::int64_t done, std::int64_t total) {
        if (std::this_thread::get_id() != caller) other_thread = true;
        seen.emplace_back(stage, done);
        totals[stage] = total;
        EXPECT_LE(done, total);
      });
  ASSERT_TRUE(result.ok());
  EXPECT_FALSE(other_thread);
  ASSERT_FALSE(seen.empty());
  for (std::size_t k = 1; k < seen.size(); ++k) {
    EXPECT_LE(seen[k - 1].first, seen[k].first);  // stages never go back
    if (seen[k - 1].first == seen[k].first) {
      EXPECT_LE(seen[k - 1].second, seen[k].second);
    }
  }
  EXPECT_EQ(totals[MatchingStage::kScoring], 3000);
  EXPECT_EQ(seen.back(), std::make_pair(MatchingStage::kExplaining, std::int64_t{3000}));
  EXPECT_TRUE(std::count(seen.begin(), seen.end(),
                         std::make_pair(MatchingStage::kScoring, std::int64_t{3000})) > 0);
  EXPECT_TRUE(std::count(seen.begin(), seen.end(),
                         std::make_pair(MatchingStage::kSolving, std::int64_t{1})) > 0);
}

}  // namespace
}  // namespace gotong::optim
