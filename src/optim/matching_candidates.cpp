#include "optim/matching_candidates.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdlib>
#include <exception>
#include <functional>
#include <limits>
#include <numeric>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>

namespace gotong::optim {
namespace {

using domain::mentoring::kSurveyValues;
using domain::mentoring::MatchingProblem;
using domain::mentoring::MatchingStage;

constexpr std::size_t kAnswers = kSurveyValues.size();
// Mentees per unit of work: small enough to balance two threads and move a progress bar, large
// enough that handing out work costs nothing.
constexpr std::size_t kChunk = 1024;

// A candidate's rank as one number: higher score first, then the lower mentor number.
std::int64_t RankKey(int score, std::int32_t p) { return (std::int64_t{score} << 32) - p; }
int ScoreOf(std::int64_t key) { return static_cast<int>((key + 0xFFFFFFFFLL) >> 32); }
std::int32_t MentorOf(std::int64_t key) {
  return static_cast<std::int32_t>((std::int64_t{ScoreOf(key)} << 32) - key);
}

// One chunk's candidates, concatenated in mentee order once every chunk is done.
struct ChunkResult {
  std::vector<std::int32_t> count;  // per mentee of the chunk
  std::vector<std::int32_t> admissible;
  std::vector<std::int32_t> mentor;
  std::vector<std::int32_t> score;
};

// Puts `key` in the bounded min-heap of the best `top_k`; answers the heap's least key once it is
// full (no smaller key can enter any more), else the smallest key there is.
std::int64_t Offer(std::vector<std::int64_t>& heap, std::size_t top_k, std::int64_t key) {
  if (heap.size() < top_k) {
    heap.push_back(key);
    std::push_heap(heap.begin(), heap.end(), std::greater<>());
  } else {
    std::pop_heap(heap.begin(), heap.end(), std::greater<>());
    heap.back() = key;
    std::push_heap(heap.begin(), heap.end(), std::greater<>());
  }
  return heap.size() == top_k ? heap.front() : std::numeric_limits<std::int64_t>::min();
}

void ScoreChunk(const MatchingIndex& index, const CandidateRound& round, std::size_t first,
                std::size_t last, std::size_t top_k, MatchingIndex::Scratch& scratch,
                std::vector<std::int64_t>& heap, ChunkResult& out) {
  out.count.reserve(last - first);
  out.admissible.reserve(last - first);
  out.mentor.reserve((last - first) * std::min<std::size_t>(top_k, index.mentor_count()));
  out.score.reserve(out.mentor.capacity());
  const int* room = round.room.data();
  for (std::size_t i = first; i < last; ++i) {
    if (!round.mentees.empty() && round.mentees[i] == 0) {
      out.admissible.push_back(0);
      out.count.push_back(0);
      continue;
    }
    // Her top_k in a bounded min-heap: once it is full, a candidate no better than its least
    // costs one comparison.
    std::size_t scored = index.ScoreAdmissible(i, scratch);
    std::int32_t admissible = 0;
    heap.clear();
    std::int64_t least = std::numeric_limits<std::int64_t>::min();  // the heap's least once full
    for (std::size_t j = 0; j < scored; ++j) {
      std::int32_t p = scratch.mentor[j];
      if (room[p] <= 0) continue;
      ++admissible;
      std::int64_t key = RankKey(scratch.score[j], p);
      if (key > least) least = Offer(heap, top_k, key);
    }
    std::sort(heap.begin(), heap.end(), std::greater<>());
    out.admissible.push_back(admissible);
    out.count.push_back(static_cast<std::int32_t>(heap.size()));
    for (std::int64_t key : heap) {
      out.mentor.push_back(MentorOf(key));
      out.score.push_back(ScoreOf(key));
    }
  }
}

}  // namespace

MatchingIndex::MatchingIndex(const MatchingProblem& problem) : problem_(problem) {
  const auto& mentors = problem.mentors;
  const auto& mentees = problem.mentees;
  const auto& weights = problem.weights;
  std::size_t m = mentors.size();

  mentor_input_.resize(m);
  std::iota(mentor_input_.begin(), mentor_input_.end(), std::size_t{0});
  std::sort(mentor_input_.begin(), mentor_input_.end(), [&](std::size_t a, std::size_t b) {
    return mentors[a].member_id < mentors[b].member_id;
  });

  std::unordered_map<std::int64_t, std::int32_t> groups;
  std::unordered_map<std::string, std::int32_t> villages;
  std::unordered_map<std::int64_t, std::int32_t> competencies;
  std::unordered_map<std::int64_t, std::int32_t> mentor_number;
  std::vector<std::size_t>
      competency_mentors;  // per dense competency: how many mentors achieved it
  mentor_number.reserve(m);
  capacity_.reserve(m);
  mentor_key_.reserve(m);
  for (std::size_t p = 0; p < m; ++p) {
    const auto& mentor = mentors[mentor_input_[p]];
    mentor_number.emplace(mentor.member_id, static_cast<std::int32_t>(p));
    capacity_.push_back(mentor.capacity);
    MentorKey& key = mentor_key_.emplace_back();
    key.profile = Profile(mentor.values);
    key.community_points =
        static_cast<std::int16_t>(domain::mentoring::CommunityPoints(mentor.origin, weights));
    if (mentor.group_id) {
      key.group = groups.try_emplace(*mentor.group_id, static_cast<std::int32_t>(groups.size()))
                      .first->second;
    }
    if (mentor.village_code) {
      key.village =
          villages.try_emplace(*mentor.village_code, static_cast<std::int32_t>(villages.size()))
              .first->second;
    }
    if (mentor.capacity <= 0) continue;
    for (std::int64_t id : mentor.achieved_competencies) {
      auto [it, added] =
          competencies.try_emplace(id, static_cast<std::int32_t>(competencies.size()));
      if (added) competency_mentors.push_back(0);
      ++competency_mentors[Ix(it->second)];
    }
  }

  // The competency index: each competency's mentors with capacity, by ascending number.
  competency_begin_.assign(competency_mentors.size() + 1, 0);
  for (std::size_t c = 0; c < competency_mentors.size(); ++c) {
    competency_begin_[c + 1] = competency_begin_[c] + competency_mentors[c];
  }
  by_competency_.resize(competency_begin_.back());
  std::vector<std::size_t> fill(competency_begin_.begin(), competency_begin_.end() - 1);
  for (std::size_t p = 0; p < m; ++p) {
    const auto& mentor = mentors[mentor_input_[p]];
    if (mentor.capacity <= 0) continue;
    for (std::int64_t id : mentor.achieved_competencies) {
      by_competency_[fill[Ix(competencies.at(id))]++] = static_cast<std::int32_t>(p);
    }
  }

  std::size_t n = mentees.size();
  mentee_group_.reserve(n);
  mentee_village_.reserve(n);
  mentee_self_.reserve(n);
  mentee_profile_.reserve(n);
  target_begin_.reserve(n + 1);
  target_begin_.push_back(0);
  for (const auto& mentee : mentees) {
    auto group = groups.find(mentee.group_id);
    mentee_group_.push_back(group == groups.end() ? -2 : group->second);
    auto village = mentee.village_code ? villages.find(*mentee.village_code) : villages.end();
    mentee_village_.push_back(village == villages.end() ? -2 : village->second);
    auto self = mentor_number.find(mentee.member_id);
    mentee_self_.push_back(self == mentor_number.end() ? -1 : self->second);
    mentee_profile_.push_back(Profile(mentee.values));
    for (std::int64_t id : mentee.target_competencies) {
      auto c = competencies.find(id);
      targets_.push_back(c == competencies.end() ? -1 : c->second);
    }
    target_begin_.push_back(targets_.size());
  }

  // The values points of every two profiles (ValuesPoints of their distance).
  std::vector<std::array<int, kAnswers>> answers(kUnanswered);
  for (std::size_t profile = 0; profile < kUnanswered; ++profile) {
    std::size_t rest = profile;
    for (std::size_t j = 0; j < kAnswers; ++j, rest /= kLevels)
      answers[profile][j] = static_cast<int>(rest % kLevels);
  }
  values_points_.assign(
      kProfiles * kProfiles,
      static_cast<std::uint16_t>(domain::mentoring::UnansweredValuesPoints(weights)));
  for (std::size_t a = 0; a < kUnanswered; ++a) {
    for (std::size_t b = 0; b < kUnanswered; ++b) {
      int distance = 0;
      for (std::size_t j = 0; j < kAnswers; ++j)
        distance += std::abs(answers[a][j] - answers[b][j]);
      values_points_[a * kProfiles + b] =
          static_cast<std::uint16_t>(domain::mentoring::ValuesPoints(distance, weights));
    }
  }
  same_group_points_ =
      domain::mentoring::ProximityPoints(domain::mentoring::Proximity::kSameGroup, weights);
  same_village_points_ =
      domain::mentoring::ProximityPoints(domain::mentoring::Proximity::kSameVillage, weights);
}

std::uint16_t MatchingIndex::Profile(const std::vector<int>& values) {
  if (values.size() != kAnswers) return static_cast<std::uint16_t>(kUnanswered);
  std::size_t profile = 0;
  for (std::size_t j = kAnswers; j-- > 0;) {
    profile = profile * kLevels +
              static_cast<std::size_t>(values[j] - domain::mentoring::kMinValueAnswer);
  }
  return static_cast<std::uint16_t>(profile);
}

std::size_t MatchingIndex::ScoreAdmissible(std::size_t i, Scratch& scratch) const {
  const std::int32_t self = mentee_self_[i];
  const std::int32_t group = mentee_group_[i];
  const std::int32_t village = mentee_village_[i];
  const int same_group = same_group_points_;
  const int same_village = same_village_points_;
  const std::uint16_t* values = &values_points_[mentee_profile_[i] * kProfiles];
  const MentorKey* keys = mentor_key_.data();
  const std::int32_t* by_competency = by_competency_.data();
  const std::size_t* competency_begin = competency_begin_.data();
  std::int32_t* out_mentor = scratch.mentor.data();
  int* out_score = scratch.score.data();
  std::size_t found = 0;
  // Writes mentor p's score at the next place, which only a mentor other than herself keeps.
  auto put = [&](std::int32_t p, int coverage_points) {
    const MentorKey& key = keys[Ix(p)];
    int proximity = key.group == group ? same_group : (key.village == village ? same_village : 0);
    out_mentor[found] = p;
    out_score[found] = coverage_points + key.community_points + proximity + values[key.profile];
    found += p != self ? 1 : 0;
  };

  std::size_t first = target_begin_[i];
  std::size_t last = target_begin_[i + 1];
  if (first == last) {
    // No targets: every mentor with capacity may take her, and coverage scores nothing.
    for (std::int32_t p = 0; p < static_cast<std::int32_t>(mentor_count()); ++p) {
      if (capacity_[Ix(p)] > 0) put(p, 0);
    }
    return found;
  }
  auto targets = static_cast<int>(last - first);
  scratch.coverage_points.resize(last - first + 1);
  for (int covered = 0; covered <= targets; ++covered) {
    scratch.coverage_points[Ix(covered)] =
        domain::mentoring::CoveragePoints(covered, targets, problem_.weights);
  }
  const int* coverage_points = scratch.coverage_points.data();
  if (targets == 1) {  // her one target's mentors, each covering it
    std::int32_t c = targets_[first];
    if (c < 0) return 0;
    for (std::size_t at = competency_begin[Ix(c)], end = competency_begin[Ix(c) + 1]; at < end;
         ++at) {
      put(by_competency[at], coverage_points[1]);
    }
    return found;
  }
  // Count each mentor's covered targets through the competency index: only the mentors who
  // cover one of her targets are met at all. (Without a branch: a mentor stays in `touched`
  // because its end moves past it on her first count only.)
  std::uint16_t* counts = scratch.counts.data();
  std::int32_t* touched = scratch.touched.data();
  std::size_t met = 0;
  for (std::size_t t = first; t < last; ++t) {
    std::int32_t c = targets_[t];
    if (c < 0) continue;
    for (std::size_t at = competency_begin[Ix(c)], end = competency_begin[Ix(c) + 1]; at < end;
         ++at) {
      std::int32_t p = by_competency[at];
      touched[met] = p;
      met += counts[Ix(p)]++ == 0 ? 1 : 0;
    }
  }
  for (std::size_t t = 0; t < met; ++t) {
    std::int32_t p = touched[t];
    put(p, coverage_points[counts[Ix(p)]]);
    counts[Ix(p)] = 0;
  }
  return found;
}

std::vector<std::int64_t> MatchingIndex::Uncovered(std::size_t i) const {
  const auto& mentee = problem_.mentees[i];
  std::vector<std::int64_t> uncovered;
  for (std::size_t t = target_begin_[i]; t < target_begin_[i + 1]; ++t) {
    std::int32_t c = targets_[t];
    bool nobody = c < 0;
    if (!nobody) {
      std::size_t first = competency_begin_[Ix(c)];
      std::size_t last = competency_begin_[Ix(c) + 1];
      nobody = last - first == 1 && by_competency_[first] == mentee_self_[i];
    }
    if (nobody) uncovered.push_back(mentee.target_competencies[t - target_begin_[i]]);
  }
  std::sort(uncovered.begin(), uncovered.end());
  return uncovered;
}

Candidates SelectCandidates(const MatchingIndex& index, int top_k, const CandidateRound& round,
                            int threads, const domain::mentoring::MatchingProgress& progress) {
  std::size_t n = index.mentee_count();
  std::size_t chunks = (n + kChunk - 1) / kChunk;
  std::vector<ChunkResult> results(chunks);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  auto k = static_cast<std::size_t>(std::max(top_k, 1));

  // Each thread takes the next chunk until none is left; a chunk's answer depends only on its
  // mentees, so the result is the same whichever thread scores it.
  auto work = [&](bool report) {
    MatchingIndex::Scratch scratch(index);
    std::vector<std::int64_t> heap;
    heap.reserve(k + 1);
    for (std::size_t c = next++; c < chunks; c = next++) {
      std::size_t first = c * kChunk;
      std::size_t last = std::min(n, first + kChunk);
      ScoreChunk(index, round, first, last, k, scratch, heap, results[c]);
      std::size_t now = done += last - first;
      if (report && progress) {
        progress(MatchingStage::kScoring, static_cast<std::int64_t>(now),
                 static_cast<std::int64_t>(n));
      }
    }
  };
  if (progress) progress(MatchingStage::kScoring, 0, static_cast<std::int64_t>(n));
  std::size_t helpers = chunks > 1 ? static_cast<std::size_t>(std::clamp(threads, 1, 64) - 1) : 0;
  std::vector<std::exception_ptr> failures(helpers);
  std::vector<std::thread> pool;
  pool.reserve(helpers);
  for (std::size_t t = 0; t < helpers; ++t) {
    pool.emplace_back([&, t] {
      try {
        work(false);
      } catch (...) {
        failures[t] = std::current_exception();
        next = chunks;  // the others stop at their next chunk
      }
    });
  }
  std::exception_ptr failure;
  try {
    work(true);
  } catch (...) {
    failure = std::current_exception();
    next = chunks;
  }
  for (auto& thread : pool) thread.join();
  for (const auto& f : failures) {
    if (f && !failure) failure = f;
  }
  if (failure) std::rethrow_exception(failure);
  if (progress)
    progress(MatchingStage::kScoring, static_cast<std::int64_t>(n), static_cast<std::int64_t>(n));

  Candidates candidates;
  std::size_t total = 0;
  for (const auto& result : results) total += result.mentor.size();
  candidates.begin.reserve(n + 1);
  candidates.begin.push_back(0);
  candidates.admissible.reserve(n);
  candidates.mentor.reserve(total);
  candidates.score.reserve(total);
  for (auto& result : results) {
    for (std::int32_t count : result.count) {
      candidates.begin.push_back(candidates.begin.back() + static_cast<std::size_t>(count));
    }
    candidates.admissible.insert(candidates.admissible.end(), result.admissible.begin(),
                                 result.admissible.end());
    candidates.mentor.insert(candidates.mentor.end(), result.mentor.begin(), result.mentor.end());
    candidates.score.insert(candidates.score.end(), result.score.begin(), result.score.end());
    result = ChunkResult{};  // give its memory back before the next one is copied
  }
  return candidates;
}

}  // namespace gotong::optim
