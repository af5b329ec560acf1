#include "optim/lemon_matching_solver.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "optim/matching_candidates.hpp"
#include "optim/matching_flow.hpp"

namespace gotong::optim {
namespace {

using domain::mentoring::MatchingProblem;
using domain::mentoring::MatchingProgress;
using domain::mentoring::MatchingResult;
using domain::mentoring::MatchingStage;
using domain::mentoring::UnplacedReason;

constexpr std::int32_t kNone = -1;
constexpr std::size_t kExplainReportEvery = 16384;
// Flows solved at most: the first over everyone, then over the mentees the pruning left out.
constexpr int kFlowRounds = 3;

// Who took whom: per mentee her mentor's number (or kNone) and the pair's score.
struct Assignment {
  std::vector<std::int32_t> mentor;
  std::vector<int> score;
};

// Solves one round's flow and makes its pairs, taking their places from `room`.
core::Status MakePairs(const MatchingIndex& index, const Candidates& candidates,
                       std::vector<int>& room, Assignment& assignment) {
  MatchingFlow flow(index, candidates, room);
  auto made = flow.Solve();
  if (!made) return core::Error::Internal("the matching network has no optimal flow");
  for (std::size_t i = 0; i < index.mentee_count(); ++i) {
    for (std::size_t j = candidates.begin[i]; j < candidates.begin[i + 1]; ++j) {
      if ((*made)[j] == 0) continue;
      assignment.mentor[i] = candidates.mentor[j];
      assignment.score[i] = candidates.score[j];
      --room[static_cast<std::size_t>(candidates.mentor[j])];
    }
  }
  return core::OkStatus();
}

// The mentees a round left out while a mentor beyond their top_k had room at its start: they
// may still find one. Empty when there are none.
std::vector<char> LeftOutByPruning(const Candidates& candidates, const Assignment& assignment) {
  std::vector<char> left_out;
  for (std::size_t i = 0; i < assignment.mentor.size(); ++i) {
    auto kept = static_cast<std::int32_t>(candidates.begin[i + 1] - candidates.begin[i]);
    if (assignment.mentor[i] == kNone && candidates.admissible[i] > kept) {
      if (left_out.empty()) left_out.assign(assignment.mentor.size(), 0);
      left_out[i] = 1;
    }
  }
  return left_out;
}

// The last resort of the header's step 3: each mentee still left out, in input order, takes the
// best-scoring admissible mentor who has room (ties: the lower mentor id).
void PlaceGreedily(const MatchingIndex& index, const std::vector<char>& left_out,
                   std::vector<int>& room, Assignment& assignment) {
  MatchingIndex::Scratch scratch(index);
  for (std::size_t i = 0; i < index.mentee_count(); ++i) {
    if (left_out[i] == 0) continue;
    std::int32_t best = kNone;
    int best_score = 0;
    std::size_t admissible = index.ScoreAdmissible(i, scratch);
    for (std::size_t j = 0; j < admissible; ++j) {
      std::int32_t p = scratch.mentor[j];
      int score = scratch.score[j];
      if (room[static_cast<std::size_t>(p)] <= 0) continue;
      if (best == kNone || score > best_score || (score == best_score && p < best)) {
        best = p;
        best_score = score;
      }
    }
    if (best != kNone) {
      assignment.mentor[i] = best;
      assignment.score[i] = best_score;
      --room[static_cast<std::size_t>(best)];
    }
  }
}

// `admissible`: per mentee, her admissible mentors with capacity.
core::Result<MatchingResult> Explain(const MatchingIndex& index,
                                     const std::vector<std::int32_t>& admissible,
                                     const Assignment& assignment,
                                     const MatchingProgress& progress) {
  const MatchingProblem& problem = index.problem();
  std::size_t n = index.mentee_count();
  MatchingResult result;
  for (std::size_t i = 0; i < n; ++i) {
    if (progress && i % kExplainReportEvery == 0) {
      progress(MatchingStage::kExplaining, static_cast<std::int64_t>(i),
               static_cast<std::int64_t>(n));
    }
    const auto& mentee = problem.mentees[i];
    std::int32_t p = assignment.mentor[i];
    if (p == kNone) {
      UnplacedReason reason =
          admissible[i] == 0 ? UnplacedReason::kNoMentorCovers : UnplacedReason::kCapacity;
      result.unplaced.push_back({mentee.member_id, reason, index.Uncovered(i)});
      continue;
    }
    const auto& mentor = problem.mentors[index.mentor_input(p)];
    auto score = domain::mentoring::ScorePair(mentee, mentor, problem.weights);
    if (score.total != assignment.score[i]) {
      return core::Error::Internal("matching scored mentee " + std::to_string(mentee.member_id) +
                                   " and mentor " + std::to_string(mentor.member_id) +
                                   " differently from ScorePair");
    }
    result.total_score += score.total;
    result.pairs.push_back({mentee.member_id, mentor.member_id, std::move(score)});
  }
  if (progress)
    progress(MatchingStage::kExplaining, static_cast<std::int64_t>(n),
             static_cast<std::int64_t>(n));
  return result;
}

}  // namespace

core::Result<MatchingResult> LemonMatchingSolver::Solve(const MatchingProblem& problem,
                                                        const MatchingProgress& progress) const {
  GOTONG_RETURN_IF_ERROR(domain::mentoring::ValidateMatchingProblem(problem));
  MatchingIndex index(problem);
  std::size_t n = index.mentee_count();
  int top_k = problem.weights.top_k;
  CandidateRound round;
  round.room.reserve(index.mentor_count());
  for (std::size_t p = 0; p < index.mentor_count(); ++p)
    round.room.push_back(index.capacity(static_cast<std::int32_t>(p)));

  Candidates candidates = SelectCandidates(index, top_k, round, options_.threads, progress);
  std::vector<std::int32_t> admissible = candidates.admissible;  // every mentor has room yet
  if (progress) progress(MatchingStage::kSolving, 0, kFlowRounds);
  Assignment assignment{std::vector<std::int32_t>(n, kNone), std::vector<int>(n, 0)};
  for (int flows = 1;; ++flows) {
    GOTONG_RETURN_IF_ERROR(MakePairs(index, candidates, round.room, assignment));
    if (progress) progress(MatchingStage::kSolving, flows, kFlowRounds);
    round.mentees = LeftOutByPruning(candidates, assignment);
    if (round.mentees.empty()) break;
    if (flows == kFlowRounds) {
      PlaceGreedily(index, round.mentees, round.room, assignment);
      break;
    }
    candidates = SelectCandidates(index, top_k, round, options_.threads, {});
  }
  if (progress) progress(MatchingStage::kSolving, kFlowRounds, kFlowRounds);
  return Explain(index, admissible, assignment, progress);
}

}  // namespace gotong::optim
