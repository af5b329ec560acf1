#pragma once

// The mentoring model of seed 000 on a group's workspace: mentorships, and learning cycles with
// their sessions (meetings of the group) and evaluations.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/audit/audit.hpp"
#include "domain/form.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/meeting_service.hpp"
#include "domain/mentoring/cycles.hpp"
#include "domain/mentoring/help_request.hpp"
#include "domain/mentoring/targets.hpp"

namespace gotong::domain::mentoring {

using form::Field;

// Who mentors: a member of the group (a community mentor, or an outside one who joined it), or a
// person of the registry from outside the group (an external consultant).
struct MentorInput {
  Field<std::int64_t> mentor_member_id;
  Field<std::int64_t> mentor_person_id;
  Field<std::string> origin;
};

struct MentorshipInput {
  Field<std::int64_t> group_id;  // on create only
  MentorInput mentor;            // on create only
  Field<std::int64_t> mentee_member_id;  // on create only
  Field<std::string> started_on;
  Field<std::string> ended_on;
  Field<std::string> note;
};

struct MentorshipQuery {
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> mentor_person_id;
  std::optional<std::int64_t> mentee_member_id;
  bool active_only = false;
  core::PageRequest page;
};

struct MenteeInput {
  std::optional<std::int64_t> member_id;
};

struct CycleInput {
  Field<std::int64_t> group_id;  // on create only
  Field<std::string> title;
  Field<std::string> theme;
  Field<std::int64_t> deliberation_id;           // a learning_theme proposal: the theme
  Field<std::int64_t> schedule_deliberation_id;  // a schedule proposal: the time allocation
  Field<std::int64_t> venue_deliberation_id;     // a venue proposal: the venue and its facilities
  MentorInput mentor;
  Field<std::string> venue;
  Field<std::int64_t> host_member_id;
  Field<std::string> time_allocation;
  Field<std::string> facilities;
  Field<std::string> planned_from;
  Field<std::string> planned_to;
  std::optional<std::vector<TargetInput>> targets;   // absent: unchanged
  std::optional<std::vector<MenteeInput>> mentees;   // absent: unchanged
};

struct CycleQuery {
  std::optional<std::int64_t> group_id;
  std::optional<std::string> status;
  core::PageRequest page;
};

// What a proposal that chooses part of a cycle's plan (its theme, schedule or venue) stands at.
struct PlanDecision {
  std::int64_t deliberation_id = 0;
  std::string title;
  bool decided = false;
  std::optional<groups::Outcome> outcome;
  std::optional<std::string> agreed_option;  // the label the group agreed on
  // The target competencies the agreed option names (a learning theme's option may name them):
  // they become the cycle's when it moves to implementation. Empty: the planner's stand.
  std::vector<CompetencyTarget> agreed_targets;
};

struct CycleSummary {
  LearningCycle cycle;
  std::int64_t achieved = 0;
  std::int64_t targets = 0;
  std::int64_t evaluated = 0;
  std::int64_t sessions = 0;
};

struct CycleView {
  LearningCycle cycle;
  Completion completion;
  std::optional<PlanDecision> decision;           // the theme's
  std::optional<PlanDecision> schedule_decision;  // the time allocation's
  std::optional<PlanDecision> venue_decision;     // the venue's
  std::vector<CycleSession> sessions;
  std::vector<Evaluation> evaluations;
  bool can_guide = false;  // the caller plans, holds sessions and evaluates
};

struct SessionInput {
  groups::MeetingInput meeting;  // held_on, venue, host_member_id, agenda, minutes; kind
  Field<std::string> practice;
  std::optional<std::vector<groups::AttendanceInput>> attendance;
};

struct EvaluationInput {
  Field<std::int64_t> member_id;
  Field<std::int64_t> competency_id;
  Field<bool> achieved;
  Field<std::int64_t> level;
  Field<std::string> notes;
  Field<std::string> evaluated_on;  // default: today
  Field<bool> on_request;
};

// What a set of cycles and help requests achieved: completion over the closed cycles, attendance
// over all, and the requests' times.
struct OutcomeFigures {
  std::int64_t cycles = 0;
  std::int64_t closed = 0;
  std::int64_t achieved = 0;  // over closed cycles only: an open cycle is still learning
  std::int64_t targets = 0;
  std::int64_t present = 0;
  std::int64_t recorded = 0;
  HelpOutcome help;

  // Adds the cycle's counts (its completion only once it is closed).
  void Count(const CycleTally& tally);
};

// Cycles and help requests of one mentor origin together: seed 000's comparison of community and
// outside mentors. `help` holds the requests of mentees whose mentorship that day had this origin.
struct OriginOutcome : OutcomeFigures {
  MentorOrigin origin = MentorOrigin::kCommunity;
};

struct LearningOutcomes {
  std::vector<CycleTally> cycles;        // newest first
  std::vector<OriginOutcome> by_origin;  // community, then external
  HelpOutcome help;                      // every request of the group, with or without a mentorship
};

// One group's line in its programme's outcomes.
struct GroupOutcome : OutcomeFigures {
  std::int64_t group_id = 0;
  std::string name;
};

// What the learning of a programme's groups achieved, as far as the caller reaches them: a line per
// group, the totals, and community against outside mentors pooled over every cycle and request of
// those groups (a median over all their requests, not a median of the groups' medians).
struct ProgrammeOutcomes {
  std::int64_t programme_id = 0;
  std::int64_t groups_total = 0;     // the programme's groups the caller reaches
  std::vector<GroupOutcome> groups;  // by name; at most kMaxProgrammeGroups of them
  OutcomeFigures totals;             // over the groups listed
  std::vector<OriginOutcome> by_origin;  // community, then external
};

// The most groups one programme's outcomes count (the first by name), cycles and help requests
// (the newest, over every group counted) one answer of outcomes reads.
inline constexpr std::int64_t kMaxProgrammeGroups = 1000;
inline constexpr std::int64_t kMaxOutcomeCycles = 1000;
inline constexpr std::int64_t kMaxOutcomeRequests = 20000;

audit::Snapshot SnapshotOf(const Mentorship& mentorship);
audit::Snapshot SnapshotOf(const LearningCycle& cycle);

// Those who guide a group's learning: admins, its steward's officers and its programme's
// facilitator, its leader, and the members who mentor it.
bool Guides(const groups::Caller& caller);
// OK when the caller guides the group and it is not dissolved; else kPermissionDenied saying
// who may `what` ("plan its learning").
core::Status MayGuide(const groups::Caller& caller, const groups::Group& group, std::string_view what);

// Mentor and mentee pairs of a group. Members of the group read them; those who guide it
// (Guides) write them.
class MentorshipService : public groups::GroupWorkspace {
 public:
  using groups::GroupWorkspace::GroupWorkspace;

  core::Result<core::Page<Mentorship>> List(const accounts::Context& context, const MentorshipQuery& query);
  core::Result<Mentorship> Get(const accounts::Context& context, std::int64_t id);
  core::Result<Mentorship> Create(const accounts::Context& context, const MentorshipInput& input);
  core::Result<Mentorship> Update(const accounts::Context& context, std::int64_t id,
                                  const MentorshipInput& input);
};

// Learning cycles: planned (targets, mentees, theme by the group's deliberation, venue, time,
// facilities), carried out in sessions that are meetings of the group, and evaluated per mentee
// and target competency before they close.
class CycleService : public groups::GroupWorkspace {
 public:
  using groups::GroupWorkspace::GroupWorkspace;

  core::Result<core::Page<CycleSummary>> List(const accounts::Context& context, const CycleQuery& query);
  core::Result<CycleView> Get(const accounts::Context& context, std::int64_t id);
  // What a group's learning achieved: each cycle's completion and attendance, its help requests'
  // times to advice and to resolution, and community against outside mentors on both
  // (completion over closed cycles). One read each of cycles, requests and mentorships, however
  // many there are (the newest kMaxOutcomeCycles and kMaxOutcomeRequests count).
  core::Result<LearningOutcomes> Outcomes(const accounts::Context& context, std::int64_t group_id);
  // The same for the groups of programme `programme_id` the caller reaches (as the groups list
  // reaches them), per group and pooled, in the same few reads however many groups.
  // kNotFound naming the programme when the caller reaches none of its groups (or it has none).
  core::Result<ProgrammeOutcomes> OutcomesOfProgramme(const accounts::Context& context,
                                                      std::int64_t programme_id);
  core::Result<CycleView> Create(const accounts::Context& context, const CycleInput& input);
  // Planning only: a cycle under way keeps its targets, mentees and theme.
  core::Result<CycleView> Update(const accounts::Context& context, std::int64_t id, const CycleInput& input);
  // One step forward (NextStatus), when the cycle is ready for it; kFailedPrecondition naming
  // what is missing otherwise (closing lists every evaluation still missing).
  core::Result<CycleView> Transition(const accounts::Context& context, std::int64_t id,
                                     const Field<std::string>& to);
  // A learning-by-doing session: a held meeting of the group with its attendance, during
  // implementation.
  core::Result<CycleView> AddSession(const accounts::Context& context, std::int64_t id, const SessionInput& input);
  // During evaluation; during implementation only one the mentee asked for (on_request).
  core::Result<CycleView> AddEvaluation(const accounts::Context& context, std::int64_t id,
                                        const EvaluationInput& input);
  // Corrects an evaluation (achieved, level, notes, evaluated_on) until the cycle is closed; the
  // mentee, the competency and whether she asked for it stay. Audited with before and after.
  core::Result<CycleView> CorrectEvaluation(const accounts::Context& context, std::int64_t id,
                                            std::int64_t evaluation_id, const EvaluationInput& input);

 private:
  core::Result<CycleView> ViewOf(UnitOfWork& unit, const LearningCycle& cycle, const groups::Caller& caller) const;
  // A writing unit on the cycle's group for one who guides it, and the cycle read in it.
  core::Result<std::pair<groups::GroupWrite, LearningCycle>> BeginCycleWrite(const accounts::Context& context,
                                                                             std::int64_t id) const;
};

}  // namespace gotong::domain::mentoring
