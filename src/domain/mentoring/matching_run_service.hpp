#pragma once

// Mentor matching runs (issue 14) as use cases: an overseer of some groups starts a run, a
// background worker runs it (never a request thread), and an overseer publishes its proposal as
// mentorships in one transaction.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/mentoring/matching.hpp"
#include "domain/mentoring/matching_runs.hpp"

namespace gotong::domain::mentoring {

inline constexpr std::size_t kMaxRunGroups = 200;
inline constexpr int kMaxRunCapacity = 50;
inline constexpr int kDefaultRunCapacity = 5;

struct CapacityInput {
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> member_id;  // names the member's person
  std::optional<std::int64_t> capacity;
};

struct MatchingRunInput {
  std::optional<std::vector<std::int64_t>> group_ids;
  std::optional<std::int64_t> default_capacity;
  std::vector<CapacityInput> capacities;
  std::optional<std::int64_t> top_k;
};

struct MatchingRunView {
  MatchingRun run;
  std::vector<RunPair> pairs;
  std::vector<RunUnplaced> unplaced;
  std::map<std::int64_t, std::string> competency_names;  // of the competencies the result names
  MatchWeights weights;  // the run's: each term's maximum, for a reader weighing a pair's points
};

// The weights a run scores its pairs with: the defaults, with the run's top_k.
MatchWeights WeightsOf(const MatchingRun& run);

class MatchingRunService {
 public:
  MatchingRunService(Database& database, const core::Clock& clock, const MatchingSolver& solver)
      : database_(database), clock_(clock), solver_(solver) {}

  // Queues a run; the caller oversees every group (kPermissionDenied otherwise). Refuses input
  // that nothing could be matched from (no mentees: group_ids "no_mentees"; no capacity left:
  // "no_capacity" on capacities or default_capacity).
  core::Result<MatchingRun> Create(const accounts::Context& context, const MatchingRunInput& input);
  // Runs touching the group, which the caller reaches; newest first.
  core::Result<core::Page<MatchingRun>> List(const accounts::Context& context, std::int64_t group_id,
                                             const core::PageRequest& page);
  // A run whose every group the caller reaches, with its result once it has one.
  core::Result<MatchingRunView> Get(const accounts::Context& context, std::int64_t id);
  // Creates a mentorship per pair in one transaction: a succeeded, unpublished run (kConflict on
  // `status`), whose mentees are all still active and without a mentor (kConflict on `pairs`,
  // code "stale", one error per pair, otherwise).
  core::Result<MatchingRunView> Publish(const accounts::Context& context, std::int64_t id);

  // Marks a queued run failed because no worker took it (its queue was full).
  core::Status Abandon(std::int64_t id, const std::string& reason);

  // The worker's part: runs a queued (or interrupted) run to its end, persisting progress at
  // most ~4 times a second; the result is written in one transaction with its success.
  core::Result<MatchingRun> Run(std::int64_t id);
  // Runs queued or running when the process last stopped, oldest first.
  core::Result<std::vector<MatchingRun>> Unfinished();

 private:
  Database& database_;
  const core::Clock& clock_;
  const MatchingSolver& solver_;
};

}  // namespace gotong::domain::mentoring
