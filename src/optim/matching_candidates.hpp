#pragma once

// The first half of a matching solve: the problem indexed for fast scoring, and each mentee's
// top-k admissible mentors (her candidates), which become the arcs of the flow
// (optim/matching_flow.hpp). Scoring uses domain/mentoring/matching.hpp's term functions, in
// tables, so a candidate's score is exactly ScorePair's total.

#include <cstdint>
#include <vector>

#include "domain/mentoring/matching.hpp"

namespace gotong::optim {

// The problem with every id and code replaced by a small integer, and the mentors indexed by the
// competencies they achieved. Mentors with capacity 0 are left out of the index: nobody can be
// placed with them. Mentors are numbered by ascending member id (ties in a top-k go to the
// lower number, i.e. the lower id); mentor_input(p) is mentor p's index in problem.mentors.
// Keeps a reference to the problem, which must outlive it.
class MatchingIndex {
 public:
  explicit MatchingIndex(const domain::mentoring::MatchingProblem& problem);

  // Per-thread working memory of ScoreAdmissible, and its answer.
  struct Scratch {
    explicit Scratch(const MatchingIndex& index)
        : counts(index.mentor_count(), 0),
          touched(index.mentor_count() + 1),
          mentor(index.mentor_count() + 1),
          score(index.mentor_count() + 1) {}
    std::vector<std::uint16_t> counts;  // covered targets per mentor; all zero between calls
    std::vector<std::int32_t> touched;  // the mentors met, each once (one slot spare)
    std::vector<int> coverage_points;   // by covered targets, for the current mentee
    // The answer: admissible mentor mentor[j] scores score[j], for j below the count returned.
    std::vector<std::int32_t> mentor;
    std::vector<int> score;
  };

  const domain::mentoring::MatchingProblem& problem() const { return problem_; }
  std::size_t mentee_count() const { return problem_.mentees.size(); }
  std::size_t mentor_count() const { return mentor_input_.size(); }
  std::size_t mentor_input(std::int32_t p) const { return mentor_input_[Ix(p)]; }
  int capacity(std::int32_t p) const { return capacity_[Ix(p)]; }

  // Scores mentee i against every admissible mentor with capacity, into scratch.mentor and
  // scratch.score in an order fixed by the input; answers how many there are.
  std::size_t ScoreAdmissible(std::size_t i, Scratch& scratch) const;

  // Mentee i's targets that no mentor with capacity but herself achieved, ascending.
  std::vector<std::int64_t> Uncovered(std::size_t i) const;

 private:
  // A person's answers to the values survey as one number: 0 … 5^N − 1 for a complete list,
  // kUnanswered for none. The values points of every two profiles are one table look-up, which
  // grows as 5^2N: past five values, score them pair by pair instead.
  static constexpr std::size_t kLevels =
      domain::mentoring::kMaxValueAnswer - domain::mentoring::kMinValueAnswer + 1;
  static constexpr std::size_t kUnanswered = [] {
    std::size_t profiles = 1;
    for (std::size_t j = 0; j < domain::mentoring::kSurveyValues.size(); ++j) profiles *= kLevels;
    return profiles;
  }();
  static constexpr std::size_t kProfiles = kUnanswered + 1;
  static_assert(domain::mentoring::kSurveyValues.size() <= 5,
                "the values table would be too large");
  static std::uint16_t Profile(const std::vector<int>& values);

  // What the inner loop reads of a mentor, in one place.
  struct MentorKey {
    std::uint16_t profile = 0;
    std::int16_t community_points = 0;
    std::int32_t group = -1;    // -1: none
    std::int32_t village = -1;  // -1: none
  };

  static std::size_t Ix(std::int32_t n) { return static_cast<std::size_t>(n); }

  const domain::mentoring::MatchingProblem& problem_;
  // Mentors, by number p.
  std::vector<std::size_t> mentor_input_;
  std::vector<int> capacity_;
  std::vector<MentorKey> mentor_key_;
  // Mentees, by input index.
  std::vector<std::int32_t> mentee_group_;    // -2: no mentor in her group
  std::vector<std::int32_t> mentee_village_;  // -2: none, or no mentor in her village
  std::vector<std::int32_t> mentee_self_;     // her own mentor number, or -1
  std::vector<std::uint16_t> mentee_profile_;
  std::vector<std::size_t> target_begin_;  // her targets: targets_[begin[i], begin[i+1])
  std::vector<std::int32_t> targets_;      // dense competency, -1: no mentor with capacity has it
  // Competency c's mentors with capacity: by_competency_[competency_begin_[c], [c+1]), ascending.
  std::vector<std::size_t> competency_begin_;
  std::vector<std::int32_t> by_competency_;
  // Points: values by (mentee profile, mentor profile), and closeness.
  std::vector<std::uint16_t> values_points_;
  int same_group_points_ = 0;
  int same_village_points_ = 0;
};

// Who takes part in a round of candidates: the places each mentor has left, and the mentees.
struct CandidateRound {
  std::vector<int> room;      // by mentor number; a mentor without room is no candidate
  std::vector<char> mentees;  // by mentee, 1: she takes part; empty: every mentee does
};

// Each mentee's candidates: her top-k admissible mentors with room, by (score desc, mentor
// number asc), in that order. Mentee i's are [begin[i], begin[i+1]).
struct Candidates {
  std::vector<std::size_t> begin;
  std::vector<std::int32_t> mentor;  // mentor number p
  std::vector<std::int32_t> score;
  std::vector<std::int32_t> admissible;  // per mentee: her admissible mentors with room, unpruned
};

// Scores every admissible pair of the round and keeps each mentee's top_k, on `threads` threads
// (the answer does not depend on how many). Reports MatchingStage::kScoring on the calling
// thread when `progress` is given.
Candidates SelectCandidates(const MatchingIndex& index, int top_k, const CandidateRound& round,
                            int threads, const domain::mentoring::MatchingProgress& progress);

}  // namespace gotong::optim
