#pragma once

// Mentor matching (issue 14, seed 000): which mentor each mentee learns from. Seed 000 found that
// mentoring works when mentor and mentee share values (cooperation, friendship, mutual help,
// complementarity), when the mentor is close to the group, and best when the mentor comes from
// the community rather than from outside. A pair's score says how well it fits, in whole points
// so that a min-cost flow solves the assignment exactly; a solver (optim/) maximises first the
// number of mentees placed, then the total score, within each mentor's capacity.
//
// This file is pure: the problem, the answer, the scoring and the checks of the input. The
// solver lives in optim/ (LEMON); callers see only MatchingSolver.

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/mentoring/cycles.hpp"

namespace gotong::domain::mentoring {

// The values of seed 000's values survey, in the order of a person's answers. A survey template
// may later ask more of them: add the value here and every answer list grows with it.
inline constexpr std::array<std::string_view, 4> kSurveyValues = {"cooperation", "friendship",
                                                                  "mutual_help", "complementarity"};
// Each answer is a Likert point: 1 (not at all) … 5 (very much).
inline constexpr int kMinValueAnswer = 1;
inline constexpr int kMaxValueAnswer = 5;
// The largest summed distance between two complete answer lists.
inline constexpr int kMaxValueDistance =
    static_cast<int>(kSurveyValues.size()) * (kMaxValueAnswer - kMinValueAnswer);

// Limits of one problem (a province's mentoring programme fits well within them).
inline constexpr std::size_t kMaxMatchMentees = 1'000'000;
inline constexpr std::size_t kMaxMatchMentors = 100'000;
inline constexpr std::size_t kMaxMatchCompetencies = 1'000;  // per person
inline constexpr int kMaxMatchWeight = 1'000;                // points of one term
inline constexpr int kMaxTopK = 1'000;
inline constexpr int kMaxMentorCapacity = 1'000'000;

// MentorOrigin (community or external consultant), seed 000's central comparison, is the one
// mentorships and learning cycles record (cycles.hpp).

struct MatchMentee {
  std::int64_t member_id = 0;  // the person; unique among the mentees
  std::int64_t group_id = 0;   // the group she learns in
  std::optional<std::string> village_code;
  std::vector<std::int64_t> target_competencies;  // what she wants to learn; may be empty
  std::vector<int> values;  // one answer per kSurveyValues, or empty: she has not answered
};

struct MatchMentor {
  std::int64_t member_id = 0;            // the person; unique among the mentors
  std::optional<std::int64_t> group_id;  // none for an external consultant
  std::optional<std::string> village_code;
  MentorOrigin origin = MentorOrigin::kCommunity;
  int capacity = 0;  // mentees she takes; 0: not taking any now (on leave)
  std::vector<std::int64_t> achieved_competencies;
  std::vector<int> values;  // as MatchMentee::values
};

// The points of each term of a pair's score, and how many candidates each mentee keeps.
// Defaults: shared values and the competencies covered weigh most and alike (40 each, the
// paper's two findings about what makes mentoring work); closeness next (15 for the same
// group, 10 for the same village: a mentor who lives nearby or meets the group already); a
// community mentor gets 10 over an external one (the paper's recommendation, kept smaller than
// the rest so that a far better-fitting consultant still wins).
struct MatchWeights {
  int values = 40;        // full alignment of the values survey (scaled by the answers' distance)
  int coverage = 40;      // every target competency covered (scaled by the share covered)
  int same_group = 15;    // mentor in the mentee's group
  int same_village = 10;  // otherwise, mentor in the mentee's village
  int community = 10;     // mentor from the community
  // Each mentee keeps her top_k highest-scoring admissible mentors as candidates for the flow
  // (ties by the lower mentor id). A mentee whom the pruning leaves out while a mentor who may
  // take her has room is still placed (optim/lemon_matching_solver.hpp).
  int top_k = 20;
};

struct MatchingProblem {
  std::vector<MatchMentee> mentees;
  std::vector<MatchMentor> mentors;
  MatchWeights weights;
};

enum class Proximity { kNone, kSameVillage, kSameGroup };
std::string_view ToString(Proximity proximity);
std::optional<Proximity> ParseProximity(std::string_view text);

// A pair's score and why: each term's points, so a coordinator can see what made the pair.
struct PairScore {
  int total = 0;
  int values = 0;                // shared values
  bool values_answered = false;  // both answered the survey; otherwise `values` is half the weight
  int coverage = 0;              // target competencies covered
  int proximity = 0;             // same group or village
  Proximity proximity_kind = Proximity::kNone;
  int community = 0;  // community mentor
  // The mentee's targets the mentor achieved, ascending.
  std::vector<std::int64_t> covered_competencies;

  friend bool operator==(const PairScore&, const PairScore&) = default;
};

// The terms, each on its own, so a solver scoring millions of pairs uses the same arithmetic.
// Points are rounded to the nearest whole point (halves up).
// `distance`: the summed |difference| of two complete answer lists, 0..kMaxValueDistance.
int ValuesPoints(int distance, const MatchWeights& weights);
// When either person has not answered the survey: half the weight, neither reward nor penalty.
int UnansweredValuesPoints(const MatchWeights& weights);
// `covered` of the mentee's `targets` target competencies; 0 when she has no targets.
int CoveragePoints(int covered, int targets, const MatchWeights& weights);
int ProximityPoints(Proximity proximity, const MatchWeights& weights);
int CommunityPoints(MentorOrigin origin, const MatchWeights& weights);
// The largest score any pair can get with these weights.
int MaxPairScore(const MatchWeights& weights);

// Scores a pair. Call it on a valid problem's people (ValidateMatchingProblem).
PairScore ScorePair(const MatchMentee& mentee, const MatchMentor& mentor,
                    const MatchWeights& weights);

// Whether the mentor may take the mentee at all: not herself, and, when the mentee names target
// competencies, the mentor achieved at least one of them. (A mentee with no targets may learn
// from any mentor.) Capacity is the solver's business, not the pair's.
bool IsAdmissible(const MatchMentee& mentee, const MatchMentor& mentor);

struct MatchPair {
  std::int64_t mentee_id = 0;
  std::int64_t mentor_id = 0;
  PairScore score;

  friend bool operator==(const MatchPair&, const MatchPair&) = default;
};

enum class UnplacedReason {
  kNoMentorCovers,  // no mentor with capacity may take her (none covers any of her targets)
  kCapacity,        // some mentor could, but every one of them is full
};
std::string_view ToString(UnplacedReason reason);
std::optional<UnplacedReason> ParseUnplacedReason(std::string_view text);

struct UnplacedMentee {
  std::int64_t mentee_id = 0;
  UnplacedReason reason = UnplacedReason::kNoMentorCovers;
  // Her targets that no mentor with capacity achieved, ascending (for kCapacity too: what a
  // new mentor would have to bring).
  std::vector<std::int64_t> uncovered_competencies;

  friend bool operator==(const UnplacedMentee&, const UnplacedMentee&) = default;
};

// Pairs in the mentees' input order, then the mentees not placed in the same order.
struct MatchingResult {
  std::vector<MatchPair> pairs;
  std::vector<UnplacedMentee> unplaced;
  std::int64_t total_score = 0;
};

// Checks a problem before solving; every wrong field is named ("mentors[3].capacity",
// "mentees[0].values[2]", "weights.top_k"), the first kMaxFieldErrors of them.
//   - ids: duplicate member ids among the mentees or among the mentors; a person may be both.
//   - capacity: negative → mentors[i].capacity "negative"; one mentor at 0 is allowed (on
//     leave); every mentor at 0 → field "mentors", code "no_capacity" (matching with zero
//     capacity is wrong input, issue 14). No mentors at all is not an error: every mentee comes
//     back unplaced with kNoMentorCovers.
//   - values: empty or one answer per kSurveyValues, each 1..5.
//   - competencies: no id twice in one list.
//   - weights: each term 0..kMaxMatchWeight, top_k 1..kMaxTopK.
inline constexpr std::size_t kMaxFieldErrors = 100;
core::Status ValidateMatchingProblem(const MatchingProblem& problem);

// Progress of a solve, for a background job's progress bar: the stages in order, each with its
// own `done` of `total`.
enum class MatchingStage { kScoring, kSolving, kExplaining };
std::string_view ToString(MatchingStage stage);
std::optional<MatchingStage> ParseMatchingStage(std::string_view text);
// Called on the thread that called Solve, never from another one.
using MatchingProgress =
    std::function<void(MatchingStage stage, std::int64_t done, std::int64_t total)>;

// Assigns mentees to mentors: as many mentees as can be placed, then the largest total score.
// Answers kInvalidArgument (ValidateMatchingProblem) for wrong input.
class MatchingSolver {
 public:
  MatchingSolver() = default;
  MatchingSolver(const MatchingSolver&) = default;
  MatchingSolver& operator=(const MatchingSolver&) = default;
  MatchingSolver(MatchingSolver&&) = default;
  MatchingSolver& operator=(MatchingSolver&&) = default;
  virtual ~MatchingSolver() = default;

  // `progress` may be empty.
  virtual core::Result<MatchingResult> Solve(const MatchingProblem& problem,
                                             const MatchingProgress& progress) const = 0;
};

}  // namespace gotong::domain::mentoring
