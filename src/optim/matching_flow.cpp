#include "optim/matching_flow.hpp"

#include <algorithm>
#include <utility>

namespace gotong::optim {

// Nodes: 0 the source, 1..n the mentees, n+1..n+m the mentors by number, n+m+1 the sink.
// Arcs, in StaticDigraph's order (by source node): [0, s) source → each of the s mentees with a
// candidate; s the bypass; [s+1, s+1+C) the candidates in Candidates order; then mentor p →
// sink for each mentor. A mentee without candidates is a node without arcs.
MatchingFlow::MatchingFlow(const MatchingIndex& index, const Candidates& candidates,
                           const std::vector<int>& room)
    : candidate_count_(candidates.mentor.size()), upper_(graph_), cost_(graph_) {
  std::size_t n = index.mentee_count();
  std::size_t m = index.mentor_count();
  sink_ = static_cast<int>(n + m + 1);
  auto mentee_node = [](std::size_t i) { return static_cast<int>(i + 1); };
  auto mentor_node = [n](std::int32_t p) {
    return static_cast<int>(n + 1 + static_cast<std::size_t>(p));
  };
  auto has_candidates = [&](std::size_t i) {
    return candidates.begin[i + 1] > candidates.begin[i];
  };

  std::vector<std::pair<int, int>> arcs;
  for (std::size_t i = 0; i < n; ++i) {
    if (has_candidates(i)) ++supply_;
  }
  arcs.reserve(static_cast<std::size_t>(supply_) + 1 + candidate_count_ + m);
  for (std::size_t i = 0; i < n; ++i) {
    if (has_candidates(i)) arcs.emplace_back(0, mentee_node(i));
  }
  arcs.emplace_back(0, sink_);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = candidates.begin[i]; j < candidates.begin[i + 1]; ++j) {
      arcs.emplace_back(mentee_node(i), mentor_node(candidates.mentor[j]));
    }
  }
  for (std::size_t p = 0; p < m; ++p)
    arcs.emplace_back(mentor_node(static_cast<std::int32_t>(p)), sink_);
  graph_.build(sink_ + 1, arcs.begin(), arcs.end());
  arcs = {};

  // B: more than every pair's score together (see the header).
  std::int64_t bypass_cost =
      std::int64_t{domain::mentoring::MaxPairScore(index.problem().weights)} * (supply_ + 1) + 1;
  int arc = 0;
  for (; arc < supply_; ++arc) {
    upper_[Graph::arc(arc)] = 1;
    cost_[Graph::arc(arc)] = 0;
  }
  upper_[Graph::arc(arc)] = supply_;
  cost_[Graph::arc(arc)] = bypass_cost;
  ++arc;
  for (std::size_t j = 0; j < candidate_count_; ++j, ++arc) {
    upper_[Graph::arc(arc)] = 1;
    cost_[Graph::arc(arc)] = -std::int64_t{candidates.score[j]};
  }
  for (std::size_t p = 0; p < m; ++p, ++arc) {
    upper_[Graph::arc(arc)] = std::max(0, room[p]);
    cost_[Graph::arc(arc)] = 0;
  }
}

std::optional<std::vector<char>> MatchingFlow::Solve() const {
  Simplex simplex(graph_);
  simplex.upperMap(upper_).costMap(cost_).stSupply(source(), sink(), supply_);
  if (simplex.run() != Simplex::OPTIMAL) return std::nullopt;
  std::vector<char> made(candidate_count_, 0);
  for (std::size_t j = 0; j < candidate_count_; ++j) {
    made[j] = simplex.flow(CandidateArc(j)) > 0 ? 1 : 0;
  }
  return made;
}

}  // namespace gotong::optim
