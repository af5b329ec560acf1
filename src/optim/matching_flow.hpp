#pragma once

// The second half of a matching solve: the candidates as a min-cost flow network, solved by
// LEMON's NetworkSimplex.
//
//   source ──1──▶ mentee ──1, −score──▶ mentor ──capacity──▶ sink
//     └──────────────── bypass: supply, cost B ─────────────────┘
//
// The source sends one unit per mentee who has a candidate (only those get a node's arcs); each
// unit reaches the sink either
// through a mentee–mentor arc (cost −score: the pair is made) or through the bypass (cost B:
// she stays unplaced). With B larger than the score of every pair together, B > MaxPairScore ×
// mentees, one more placed mentee always outweighs any loss of score, so the minimum cost places
// as many mentees as the candidates allow and, among those assignments, has the largest total
// score (cost = B × unplaced − score). Costs are int64: B reaches 10^10 for a million mentees.

#include <lemon/network_simplex.h>
#include <lemon/static_graph.h>

#include <cstdint>
#include <optional>
#include <vector>

#include "optim/matching_candidates.hpp"

namespace gotong::optim {

class MatchingFlow {
 public:
  using Graph = lemon::StaticDigraph;
  using Simplex = lemon::NetworkSimplex<Graph, int, std::int64_t>;

  // Builds the network for `candidates` over `index`'s mentors, each with `room[p]` places.
  MatchingFlow(const MatchingIndex& index, const Candidates& candidates,
               const std::vector<int>& room);

  const Graph& graph() const { return graph_; }
  const Graph::ArcMap<int>& upper() const { return upper_; }
  const Graph::ArcMap<std::int64_t>& cost() const { return cost_; }
  Graph::Node source() const { return Graph::node(0); }
  Graph::Node sink() const { return Graph::node(sink_); }
  int supply() const { return supply_; }
  // Candidate j's arc (j indexes Candidates::mentor).
  Graph::Arc CandidateArc(std::size_t j) const {
    return Graph::arc(supply_ + 1 + static_cast<int>(j));
  }

  // Solves; for each candidate whether its pair is made (1) or not (0). Nothing when LEMON finds
  // no optimum, which the bypass rules out.
  std::optional<std::vector<char>> Solve() const;

 private:
  std::size_t candidate_count_ = 0;
  int sink_ = 0;
  int supply_ = 0;
  Graph graph_;
  Graph::ArcMap<int> upper_;
  Graph::ArcMap<std::int64_t> cost_;
};

}  // namespace gotong::optim
