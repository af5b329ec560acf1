// The mentor-matching benchmark (issue 14, bench/README.md): a seeded random province of
// MENTEES mentees and MENTORS mentors, solved (a) by LemonMatchingSolver as a job calls it
// (checks, scoring and top-k pruning, the flow network, NetworkSimplex, the further rounds for
// mentees the pruning left out, and every pair's explanation) and (b) by LEMON's bare
// NetworkSimplex::run() on the same pruned network (the first round's), built beforehand. Prints
// each run, the ratio of the medians (a)/(b) and the process's peak RSS.
//   matching_bench [MENTEES] [MENTORS] [TOP_K] [REPEATS] [SEED]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "optim/lemon_matching_solver.hpp"
#include "optim/matching_candidates.hpp"
#include "optim/matching_flow.hpp"

namespace {

using gotong::domain::mentoring::kSurveyValues;
using gotong::domain::mentoring::MatchingProblem;
using gotong::domain::mentoring::MatchingStage;
using gotong::domain::mentoring::MatchMentee;
using gotong::domain::mentoring::MatchMentor;
using gotong::domain::mentoring::MentorOrigin;
using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

double PeakRssMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

// Sectors of a province's MSMEs, by share: each has 8 competencies (id sector*100 + 1..8), and
// 6 business skills (ids 901..906: bookkeeping, pricing, selling online …) serve every sector.
constexpr double kSectorShare[] = {0.25, 0.20, 0.15, 0.12, 0.10, 0.08, 0.06, 0.04};
constexpr int kSectorCompetencies = 8;
constexpr int kBusinessSkills = 6;
constexpr int kVillages = 1000;

struct Group {
  std::int64_t id;
  int sector;
  int village;
};

class Generator {
 public:
  explicit Generator(std::uint32_t seed)
      : random_(seed), sector_(std::begin(kSectorShare), std::end(kSectorShare)) {}

  MatchingProblem Make(std::size_t mentees, std::size_t mentors, int top_k) {
    MatchingProblem problem;
    problem.weights.top_k = top_k;
    std::size_t group_count = std::max<std::size_t>(1, mentees / 20);  // ~20 mentees a group
    std::vector<Group> groups;
    groups.reserve(group_count);
    for (std::size_t g = 0; g < group_count; ++g) {
      groups.push_back(
          {static_cast<std::int64_t>(g + 1), sector_(random_), Uniform(0, kVillages - 1)});
    }
    problem.mentees.reserve(mentees);
    for (std::size_t i = 0; i < mentees; ++i) {
      const Group& group =
          groups[static_cast<std::size_t>(Uniform(0, static_cast<int>(group_count) - 1))];
      MatchMentee mentee;
      mentee.member_id = static_cast<std::int64_t>(i + 1);
      mentee.group_id = group.id;
      mentee.village_code = Village(Chance(0.9) ? group.village : Uniform(0, kVillages - 1));
      mentee.target_competencies = Pick(group.sector, Uniform(1, 3), Chance(0.3) ? 1 : 0);
      mentee.values = Values();
      problem.mentees.push_back(std::move(mentee));
    }
    problem.mentors.reserve(mentors);
    for (std::size_t j = 0; j < mentors; ++j) {
      MatchMentor mentor;
      mentor.member_id = static_cast<std::int64_t>(10'000'000 + j);
      int sector = 0;
      if (Chance(0.7)) {  // from the community: a member of a group of her sector
        const Group& group =
            groups[static_cast<std::size_t>(Uniform(0, static_cast<int>(group_count) - 1))];
        mentor.group_id = group.id;
        mentor.village_code = Village(group.village);
        mentor.origin = MentorOrigin::kCommunity;
        sector = group.sector;
      } else {  // an external consultant
        if (Chance(0.5)) mentor.village_code = Village(Uniform(0, kVillages - 1));
        mentor.origin = MentorOrigin::kExternal;
        sector = sector_(random_);
      }
      mentor.capacity = Uniform(20, 30);
      mentor.achieved_competencies = Pick(sector, Uniform(3, 6), Uniform(0, 2));
      mentor.values = Values();
      problem.mentors.push_back(std::move(mentor));
    }
    return problem;
  }

 private:
  int Uniform(int low, int high) { return std::uniform_int_distribution<int>(low, high)(random_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(random_); }
  static std::string Village(int v) {
    return "35." + std::to_string(10 + v / 100) + ".10." + std::to_string(2000 + v % 100);
  }
  // `from_sector` distinct competencies of the sector and `business` distinct business skills.
  std::vector<std::int64_t> Pick(int sector, int from_sector, int business) {
    std::vector<std::int64_t> ids;
    ids.reserve(static_cast<std::size_t>(from_sector) + static_cast<std::size_t>(business));
    std::vector<int> order(kSectorCompetencies);
    for (int c = 0; c < kSectorCompetencies; ++c) order[static_cast<std::size_t>(c)] = c + 1;
    std::shuffle(order.begin(), order.end(), random_);
    for (int c = 0; c < from_sector; ++c)
      ids.push_back((sector + 1) * 100 + order[static_cast<std::size_t>(c)]);
    std::vector<int> skills(kBusinessSkills);
    for (int s = 0; s < kBusinessSkills; ++s) skills[static_cast<std::size_t>(s)] = 901 + s;
    std::shuffle(skills.begin(), skills.end(), random_);
    for (int s = 0; s < business; ++s) ids.push_back(skills[static_cast<std::size_t>(s)]);
    return ids;
  }
  // 5% have not answered the survey; the others lean to agreeing, as seed 000's members did.
  std::vector<int> Values() {
    if (Chance(0.05)) return {};
    std::vector<int> values(kSurveyValues.size());
    for (int& value : values) value = Uniform(2, 5);
    return values;
  }

  std::mt19937 random_;
  std::discrete_distribution<int> sector_;
};

struct FullRun {
  double seconds = 0;
  double scoring = 0;
  double solving = 0;
  double explaining = 0;
  std::size_t placed = 0;
  std::size_t unplaced = 0;
  std::int64_t score = 0;
};

FullRun RunFull(const MatchingProblem& problem) {
  FullRun run;
  Clock::time_point started = Clock::now();
  Clock::time_point solving_started = started;
  Clock::time_point explaining_started = started;
  auto progress = [&](MatchingStage stage, std::int64_t done, std::int64_t) {
    if (stage == MatchingStage::kSolving && done == 0) solving_started = Clock::now();
    if (stage == MatchingStage::kExplaining && done == 0) explaining_started = Clock::now();
  };
  auto result = gotong::optim::LemonMatchingSolver{}.Solve(problem, progress);
  Clock::time_point finished = Clock::now();
  if (!result.ok()) {
    std::fprintf(stderr, "solve failed: %s\n", result.error().message.c_str());
    std::exit(1);
  }
  run.seconds = Seconds(started, finished);
  run.scoring = Seconds(started, solving_started);
  run.solving = Seconds(solving_started, explaining_started);
  run.explaining = Seconds(explaining_started, finished);
  run.placed = result->pairs.size();
  run.unplaced = result->unplaced.size();
  run.score = result->total_score;
  return run;
}

struct BareRun {
  double index = 0;
  double candidates = 0;
  double graph = 0;
  double setup = 0;
  double run = 0;  // NetworkSimplex::run() alone: the reference
  std::size_t arcs = 0;
  std::int64_t placed = 0;
};

BareRun RunBare(const MatchingProblem& problem) {
  using gotong::optim::MatchingFlow;
  BareRun bare;
  Clock::time_point t0 = Clock::now();
  gotong::optim::MatchingIndex index(problem);
  Clock::time_point t1 = Clock::now();
  gotong::optim::CandidateRound round;
  for (std::size_t p = 0; p < index.mentor_count(); ++p)
    round.room.push_back(index.capacity(static_cast<std::int32_t>(p)));
  auto candidates = gotong::optim::SelectCandidates(index, problem.weights.top_k, round, 2, {});
  Clock::time_point t2 = Clock::now();
  MatchingFlow flow(index, candidates, round.room);
  Clock::time_point t3 = Clock::now();
  MatchingFlow::Simplex simplex(flow.graph());
  simplex.upperMap(flow.upper())
      .costMap(flow.cost())
      .stSupply(flow.source(), flow.sink(), flow.supply());
  Clock::time_point t4 = Clock::now();
  auto outcome = simplex.run();
  Clock::time_point t5 = Clock::now();
  if (outcome != MatchingFlow::Simplex::OPTIMAL) {
    std::fprintf(stderr, "NetworkSimplex found no optimum\n");
    std::exit(1);
  }
  bare.index = Seconds(t0, t1);
  bare.candidates = Seconds(t1, t2);
  bare.graph = Seconds(t2, t3);
  bare.setup = Seconds(t3, t4);
  bare.run = Seconds(t4, t5);
  bare.arcs = static_cast<std::size_t>(lemon::countArcs(flow.graph()));
  for (std::size_t j = 0; j < candidates.mentor.size(); ++j) {
    bare.placed += simplex.flow(flow.CandidateArc(j));
  }
  return bare;
}

std::size_t Arg(int argc, char** argv, int at, std::size_t fallback) {
  return argc > at ? static_cast<std::size_t>(std::stoull(argv[at])) : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t mentees = Arg(argc, argv, 1, 100'000);
  std::size_t mentors = Arg(argc, argv, 2, 5'000);
  auto top_k = static_cast<int>(Arg(argc, argv, 3, 20));
  std::size_t repeats = std::max<std::size_t>(1, Arg(argc, argv, 4, 3));
  auto seed = static_cast<std::uint32_t>(Arg(argc, argv, 5, 1));

  Clock::time_point t0 = Clock::now();
  MatchingProblem problem = Generator(seed).Make(mentees, mentors, top_k);
  std::int64_t capacity = 0;
  std::size_t targets = 0;
  for (const auto& mentor : problem.mentors) capacity += mentor.capacity;
  for (const auto& mentee : problem.mentees) targets += mentee.target_competencies.size();
  std::printf(
      "instance: %zu mentees (%.2f targets each), %zu mentors, capacity %lld, top_k %d, seed %u "
      "(generated in %.2f s, peak RSS %.0f MB)\n",
      mentees,
      static_cast<double>(targets) / static_cast<double>(std::max<std::size_t>(1, mentees)),
      mentors, static_cast<long long>(capacity), top_k, seed, Seconds(t0, Clock::now()),
      PeakRssMb());

  std::vector<double> full_times;
  std::vector<double> bare_times;
  double full_peak = 0;
  for (std::size_t r = 0; r < repeats; ++r) {
    FullRun full = RunFull(problem);
    if (r == 0) full_peak = PeakRssMb();
    full_times.push_back(full.seconds);
    std::printf(
        "(a) full solve %zu: %.3f s (scoring %.3f, flows %.3f, explaining %.3f); placed %zu, "
        "unplaced %zu, total score %lld\n",
        r + 1, full.seconds, full.scoring, full.solving, full.explaining, full.placed,
        full.unplaced, static_cast<long long>(full.score));
    BareRun bare = RunBare(problem);
    bare_times.push_back(bare.run);
    std::printf(
        "(b) bare run() %zu: %.3f s on %zu arcs (built beforehand: index %.3f, candidates %.3f, "
        "graph %.3f, NetworkSimplex maps %.3f); flow placed %lld\n",
        r + 1, bare.run, bare.arcs, bare.index, bare.candidates, bare.graph, bare.setup,
        static_cast<long long>(bare.placed));
    std::fflush(stdout);
  }
  double a = Median(full_times);
  double b = Median(bare_times);
  std::printf(
      "median (a) %.3f s, median (b) %.3f s, ratio (a)/(b) %.3f (target <= 1.25); "
      "peak RSS after the first full solve %.0f MB, overall %.0f MB (target < 500)\n",
      a, b, a / b, full_peak, PeakRssMb());
  return 0;
}
