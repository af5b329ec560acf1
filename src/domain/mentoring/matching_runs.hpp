#pragma once

// Mentor matching runs (issue 14): an officer asks to match the mentees of some groups with
// mentors; a background job reads who may mentor and learn, solves (matching.hpp) and keeps the
// proposal with each pair's explanation, until an officer publishes it as mentorships.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/mentoring/matching.hpp"

namespace gotong::domain::mentoring {

// queued → running → succeeded → published, or → failed.
enum class RunStatus { kQueued, kRunning, kSucceeded, kFailed, kPublished };
std::string_view ToString(RunStatus status);
std::optional<RunStatus> ParseRunStatus(std::string_view text);

struct RunCapacity {
  std::int64_t person_id = 0;
  int capacity = 0;
};

// A pair of the proposal: the mentee (a member), her mentor (a person; a community mentor's
// membership too) and why.
struct RunPair {
  std::int64_t mentee_member_id = 0;
  std::int64_t mentor_person_id = 0;
  std::optional<std::int64_t> mentor_member_id;
  MentorOrigin origin = MentorOrigin::kCommunity;
  PairScore score;
  // read
  std::string mentee_name;
  std::string mentor_name;
  std::int64_t mentee_group_id = 0;
};

struct RunUnplaced {
  std::int64_t member_id = 0;
  UnplacedReason reason = UnplacedReason::kNoMentorCovers;
  std::vector<std::int64_t> uncovered_competencies;
  // read
  std::string name;
  std::int64_t group_id = 0;
};

struct MatchingRun {
  std::int64_t id = 0;
  RunStatus status = RunStatus::kQueued;
  std::vector<std::int64_t> group_ids;  // ascending
  int default_capacity = 5;
  std::optional<int> top_k;
  std::vector<RunCapacity> capacities;  // by person, ascending
  std::optional<MatchingStage> stage;
  std::int64_t done = 0;
  std::int64_t total = 0;
  std::optional<std::string> error;  // why it failed
  std::optional<std::int64_t> total_score;
  std::optional<std::int64_t> created_by;
  core::Instant created_at{};
  std::optional<core::Instant> started_at;
  std::optional<core::Instant> finished_at;
  std::optional<std::int64_t> published_by;
  std::optional<core::Instant> published_at;
};

// Who may learn and who may mentor in some groups on one day, as the database holds them.
struct PoolMentee {
  std::int64_t member_id = 0;
  std::int64_t person_id = 0;
  std::int64_t group_id = 0;
  std::optional<std::string> village_code;
  std::vector<std::int64_t> targets;  // of her planned or running cycles, not yet achieved
};

struct PoolMentor {
  std::int64_t person_id = 0;
  std::optional<std::int64_t> member_id;  // a community mentor's membership
  std::optional<std::int64_t> group_id;
  std::optional<std::string> village_code;
  MentorOrigin origin = MentorOrigin::kCommunity;
  std::int64_t active_mentees = 0;  // mentorships lasting on the day, in any group
  std::vector<std::int64_t> achieved;
};

struct MatchingPool {
  std::vector<PoolMentee> mentees;  // by membership id
  std::vector<PoolMentor> mentors;  // community ones first, by membership id; then by person
  // Each person's latest answers to a values survey, in kSurveyValues order (complete only).
  std::vector<std::pair<std::int64_t, std::vector<int>>> values;
};

class MatchingRunRepository {
 public:
  virtual ~MatchingRunRepository() = default;
  // Inserts the run with its groups and capacities; returns its id.
  virtual core::Result<std::int64_t> Insert(const MatchingRun& run) = 0;
  // kNotFound naming the run; with groups and capacities, not the result.
  virtual core::Result<MatchingRun> Find(std::int64_t id) = 0;
  // Runs of the group, newest first.
  virtual core::Result<core::Page<MatchingRun>> List(std::int64_t group_id, const core::PageRequest& page) = 0;
  // Queued or running, oldest first.
  virtual core::Result<std::vector<MatchingRun>> Unfinished() = 0;
  // Writes status, progress, error, total score and the instants.
  virtual core::Status Update(const MatchingRun& run) = 0;
  // Stores the result (the run has none yet).
  virtual core::Status InsertResult(std::int64_t run_id, const std::vector<RunPair>& pairs,
                                    const std::vector<RunUnplaced>& unplaced) = 0;
  // The result with the names read, in stored order.
  virtual core::Result<std::vector<RunPair>> Pairs(std::int64_t run_id) = 0;
  virtual core::Result<std::vector<RunUnplaced>> Unplaced(std::int64_t run_id) = 0;
  // The pool of the groups on `today`.
  virtual core::Result<MatchingPool> Pool(const std::vector<std::int64_t>& group_ids, const core::Date& today) = 0;
};

}  // namespace gotong::domain::mentoring
