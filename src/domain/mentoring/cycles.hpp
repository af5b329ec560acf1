#pragma once

// Community mentoring (seed 000): who mentors whom, and the mentoring model's learning cycle —
// planned by the group's deliberation, carried out by learning-by-doing sessions (meetings of
// the group), and closed by evaluating every mentee on every target competency.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/mentoring/mentoring.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::mentoring {

// Where a mentor comes from: the MSME community itself, or an outside consultant (the seed's
// central comparison: community mentors share the members' values).
enum class MentorOrigin { kCommunity, kExternal };  // community, external
std::string_view ToString(MentorOrigin origin);
std::optional<MentorOrigin> ParseMentorOrigin(std::string_view text);

// A mentor and one mentee of a group, for a period. The mentor is a person of the registry; a
// community mentor is also a member of the group (`mentor_member_id`).
struct Mentorship {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t mentor_person_id = 0;
  std::optional<std::int64_t> mentor_member_id;
  std::string mentor_name;  // read from the person
  std::int64_t mentee_member_id = 0;
  std::string mentee_name;  // read from the mentee's person
  MentorOrigin origin = MentorOrigin::kCommunity;
  core::Date started_on;
  std::optional<core::Date> ended_on;  // the last day; none while it lasts
  std::optional<std::string> note;
  core::Instant created_at{};
  core::Instant updated_at{};

  bool ActiveOn(const core::Date& day) const { return started_on <= day && (!ended_on || day <= *ended_on); }
};

struct MentorshipFilter {
  std::int64_t group_id = 0;
  std::optional<std::int64_t> mentor_person_id;
  std::optional<std::int64_t> mentee_member_id;
  std::optional<core::Date> active_on;  // only those lasting on that day
};

class MentorshipRepository : public RecordRepository<Mentorship> {
 public:
  // Newest start first.
  virtual core::Result<core::Page<Mentorship>> List(const MentorshipFilter& filter,
                                                    const core::PageRequest& page) = 0;
  // Whether the same mentor already mentors the mentee in the group at some day of
  // [from, to] (to: open), other than mentorship `except`.
  virtual core::Result<bool> Overlaps(const Mentorship& mentorship, std::int64_t except) = 0;
  // Every mentorship of the groups, in one read however many groups (the outcomes' origins).
  virtual core::Result<std::vector<Mentorship>> OfGroups(const std::vector<std::int64_t>& group_ids) = 0;
};

// planning → implementation → evaluation → closed, one step at a time.
enum class CycleStatus { kPlanning, kImplementation, kEvaluation, kClosed };
std::string_view ToString(CycleStatus status);
std::optional<CycleStatus> ParseCycleStatus(std::string_view text);
// The one state a cycle may move to from `from`; none from closed.
std::optional<CycleStatus> NextStatus(CycleStatus from);

struct CycleMentee {
  std::int64_t member_id = 0;
  std::string person_name;  // read
};

struct LearningCycle {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::string title;                          // how the group calls it until the theme is chosen
  std::optional<std::string> theme;           // "ecotik": often a market trend (seed 000)
  std::optional<std::int64_t> deliberation_id;  // the proposal that chose the theme
  std::optional<std::int64_t> schedule_deliberation_id;  // the one that chose the time allocation
  std::optional<std::int64_t> venue_deliberation_id;     // the one that chose the venue
  CycleStatus status = CycleStatus::kPlanning;
  core::Date status_since;
  std::int64_t mentor_person_id = 0;
  std::optional<std::int64_t> mentor_member_id;  // a community mentor's membership
  std::string mentor_name;                       // read
  MentorOrigin mentor_origin = MentorOrigin::kCommunity;
  std::optional<std::string> venue;               // "rumah Bu Dewi: halaman luas untuk mondeng"
  std::optional<std::int64_t> host_member_id;     // whose house
  std::optional<std::string> time_allocation;     // "dua kali seminggu, pukul 13.00–16.00"
  std::optional<std::string> facilities;          // "kompor, wajan, kain mori, daun jati"
  std::optional<core::Date> planned_from;
  std::optional<core::Date> planned_to;
  std::vector<CompetencyTarget> targets;
  std::vector<CycleMentee> mentees;
  core::Instant created_at{};
  core::Instant updated_at{};
};

struct CycleFilter {
  std::int64_t group_id = 0;
  std::optional<CycleStatus> status;
};

// A learning-by-doing session: a meeting of the group, with what was practised.
struct CycleSession {
  std::int64_t id = 0;
  std::int64_t cycle_id = 0;
  std::int64_t meeting_id = 0;
  std::string practice;  // "mondeng daun jati pada kain mori, lalu fiksasi"
  core::Instant created_at{};
  // read from the meeting
  core::Date held_on;
  std::optional<std::string> venue;
  std::optional<std::int64_t> host_member_id;
  std::int64_t present = 0;
  std::int64_t excused = 0;
  std::int64_t absent = 0;
};

// How one mentee stands on one target competency.
struct Evaluation {
  std::int64_t id = 0;
  std::int64_t cycle_id = 0;
  std::int64_t member_id = 0;
  std::string person_name;  // read
  std::int64_t competency_id = 0;
  bool achieved = false;
  std::optional<int> level;
  std::optional<std::string> notes;
  core::Date evaluated_on;
  bool on_request = false;  // the mentee asked for it outside the sessions
  std::optional<std::int64_t> evaluated_by;  // the account that recorded it
  core::Instant created_at{};
};

// A mentee and a target competency no evaluation covers yet.
struct MissingEvaluation {
  std::int64_t member_id = 0;
  std::string person_name;
  std::int64_t competency_id = 0;
  std::string competency_name;
  friend bool operator==(const MissingEvaluation&, const MissingEvaluation&) = default;
};

// Completion = achieved target competencies ÷ every mentee's target competencies (seed 000
// reports 100%); computed from the evaluations, never stored.
struct Completion {
  std::int64_t achieved = 0;
  std::int64_t targets = 0;  // mentees × targets
  std::vector<MissingEvaluation> missing;
};
Completion CompletionOf(const LearningCycle& cycle, const std::vector<Evaluation>& evaluations);

// A cycle as a group's outcomes count it, read with its counts (no targets or mentees listed).
struct CycleTally {
  LearningCycle cycle;
  std::int64_t mentees = 0;
  std::int64_t targets = 0;   // mentees × target competencies
  std::int64_t achieved = 0;  // evaluations that reached their target
  std::int64_t evaluated = 0;
  std::int64_t sessions = 0;
  std::int64_t present = 0;   // attendance at its sessions
  std::int64_t recorded = 0;  // present + excused + absent
};

// A competency as a mentee's own page names it.
struct CompetencyRef {
  std::int64_t id = 0;
  std::string code;
  std::string name;
  std::optional<std::string> name_en;
};

// An evaluation of a mentee in one of her group's cycles.
struct MenteeEvaluation {
  CompetencyRef competency;
  std::int64_t cycle_id = 0;
  std::string cycle_title;
  bool achieved = false;
  std::optional<int> level;
  core::Date evaluated_on;
};

// A target competency of a cycle she learns in that is not closed yet.
struct MenteeTarget {
  CompetencyRef competency;
  std::int64_t cycle_id = 0;
  std::string cycle_title;
  CycleStatus status = CycleStatus::kPlanning;
  int level = 2;
};

// What a mentee's cycles in her group hold of her: every evaluation (newest first) and the
// targets of her open cycles (newest cycle first, each in its plan's order).
struct MenteeRecord {
  std::vector<MenteeEvaluation> evaluations;
  std::vector<MenteeTarget> targets;
};

// A mentee's standing on one competency (issue 14: mentees see their competencies): her latest
// evaluation on it, and the open cycles that target it for her.
struct MenteeCompetency {
  CompetencyRef competency;
  std::optional<MenteeEvaluation> latest;
  std::vector<MenteeTarget> targets;
};
// One line per competency she was evaluated on or is learning: those of her open cycles first
// (as `record.targets` lists them), then the others by their latest evaluation, newest first.
std::vector<MenteeCompetency> MenteeCompetencies(const MenteeRecord& record);

// Insert writes the cycle with its targets and mentees; Update its own fields only.
class CycleRepository : public RecordRepository<LearningCycle> {
 public:
  // Replaces its targets and mentees (while it is planned: evaluations name them later).
  virtual core::Status ReplacePlan(const LearningCycle& cycle) = 0;
  // Newest first; with targets and mentees (two reads for the page, not two per cycle).
  virtual core::Result<core::Page<LearningCycle>> List(const CycleFilter& filter,
                                                       const core::PageRequest& page) = 0;
  // The `limit` newest cycles of the groups with their counts, in one read however many groups
  // (a group's or a programme's outcomes).
  virtual core::Result<std::vector<CycleTally>> Tallies(const std::vector<std::int64_t>& group_ids,
                                                        std::int64_t limit) = 0;
  // The given cycles with their counts, newest first, in one read (a page of a cycle list).
  virtual core::Result<std::vector<CycleTally>> TalliesOf(const std::vector<std::int64_t>& cycle_ids) = 0;
  virtual core::Result<std::int64_t> InsertSession(const CycleSession& session) = 0;
  // Oldest first.
  virtual core::Result<std::vector<CycleSession>> Sessions(std::int64_t cycle_id) = 0;
  // kAlreadyExists (field "member_id") when the mentee has one on the competency already.
  virtual core::Result<std::int64_t> InsertEvaluation(const Evaluation& evaluation) = 0;
  // Its achievement, level, notes and day (who and what it evaluates stay); kNotFound without it.
  virtual core::Status UpdateEvaluation(const Evaluation& evaluation) = 0;
  virtual core::Result<std::vector<Evaluation>> Evaluations(std::int64_t cycle_id) = 0;
  // Member `member_id`'s evaluations and open targets in the cycles of group `group_id`.
  virtual core::Result<MenteeRecord> OfMentee(std::int64_t group_id, std::int64_t member_id) = 0;
};

}  // namespace gotong::domain::mentoring
