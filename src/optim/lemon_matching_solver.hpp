#pragma once

// The mentor-matching solver (issue 14): exact min-cost flow with LEMON's NetworkSimplex over
// each mentee's top-k candidates. A background job calls
//
//   auto result = optim::LemonMatchingSolver{}.Solve(problem, progress);
//
// and gets kInvalidArgument naming the wrong field, or the pairs with their explanation and
// the unplaced mentees with their reason. It holds no state: one solver may serve every job,
// from any thread.
//
// What it answers, in order of priority:
//   1. as many mentees placed as the candidate arcs allow, then
//   2. the largest total score among those assignments (both exact: optim/matching_flow.hpp);
//   3. a mentee whom the pruning cut off from every mentor with room (her top_k all full while
//      another admissible mentor has room) goes into a second flow with the mentors' remaining
//      places and her top_k among the mentors with room, and so on up to three flows; who is
//      still cut off then takes the best-scoring admissible mentor with room, mentee by mentee
//      in input order. With top_k at least the number of mentors no one is ever cut off, and the
//      answer is optimal for 1 and 2 over all admissible pairs; with a smaller top_k it is
//      optimal over the candidates, and no mentee is left out while a mentor who may take her
//      has room.
// An unplaced mentee's reason is exact: kNoMentorCovers when no mentor with capacity may take
// her, kCapacity when every mentor who may is full.

#include "domain/mentoring/matching.hpp"

namespace gotong::optim {

class LemonMatchingSolver final : public domain::mentoring::MatchingSolver {
 public:
  struct Options {
    // Threads scoring the candidate pairs (the calling thread is one of them); the flow itself
    // runs on the calling thread. The answer does not depend on it.
    int threads = 2;
  };

  LemonMatchingSolver() = default;
  explicit LemonMatchingSolver(Options options) : options_(options) {}

  core::Result<domain::mentoring::MatchingResult> Solve(
      const domain::mentoring::MatchingProblem& problem,
      const domain::mentoring::MatchingProgress& progress) const override;

 private:
  Options options_;
};

}  // namespace gotong::optim
