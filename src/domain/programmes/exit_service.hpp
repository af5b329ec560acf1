#pragma once

// Exit to a local hero, follow-ups and the programme dashboard (issue 15).
//
// Who: the exit of an enrolled group (nominating, checking, handing over) and its follow-up visits
// are written by those who manage the programme (admins, its owner's officers: MayManage) and by
// the group's own facilitator (the enrolment's facilitator_id). Those who read the programme read
// them (OpenProgramme); an account scoped to an enrolled group reads its own group's exit and
// follow-ups only — the lists show it its group, and another group is not found. A programme out of
// the caller's reach is not found (404).
//
// The dashboard is read by those who read the programme; for an account scoped to a group every
// figure is narrowed to its own group and the budget (the programme's money as a whole) is left out.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/groups/groups.hpp"
#include "domain/programmes/assistance.hpp"
#include "domain/programmes/exits.hpp"
#include "domain/programmes/loans.hpp"
#include "domain/programmes/programmes.hpp"

namespace gotong::domain::mentoring {
class CycleService;
}  // namespace gotong::domain::mentoring

namespace gotong::domain::programmes {

struct NominationInput {
  form::Field<std::int64_t> member_id;
  form::Field<std::string> nominated_on;  // default: today
  form::Field<std::string> note;
};

struct CheckInput {
  form::Field<bool> met;
  form::Field<std::string> evidence;
  form::Field<std::string> checked_on;  // default: today
};

// The items given are checked again; the others stay as they were.
struct ChecklistInput {
  std::array<std::optional<CheckInput>, 3> items;  // in kReadinessItems' order
  form::Field<std::string> note;
};

struct HandOverInput {
  form::Field<std::string> handed_over_on;  // default: today
  form::Field<std::string> note;
};

struct FollowUpInput {
  form::Field<std::int64_t> group_id;
  form::Field<std::int64_t> follow_up_month;  // default: NearestOpenMonth
  form::Field<std::string> visited_on;
  form::Field<std::string> status;
  form::Field<std::int64_t> active_members;
  form::Field<bool> meets_sop;
  form::Field<bool> hero_coaching;
  form::Field<std::string> note;
};

// One enrolled group's exit as a list shows it.
struct ExitSummary {
  Enrolment enrolment;
  ExitStatus status = ExitStatus::kNone;
  std::optional<Nomination> current;
};

// One group's exit: where it stands, the current nomination with what the group's records say of
// the hero, the earlier nominations, and whether the caller may write it.
struct ExitView {
  Enrolment enrolment;
  std::string group_name;
  ExitStatus status = ExitStatus::kNone;
  std::optional<Nomination> current;
  std::optional<HeroRecord> record;  // of the current hero
  std::vector<Nomination> history;   // replaced nominations, newest first
  bool can_manage = false;
};

// One enrolled group's follow-up schedule and visits.
struct GroupFollowUps {
  Enrolment enrolment;
  std::vector<ScheduledVisit> schedule;
  std::vector<FollowUp> visits;  // oldest first, off-schedule ones included
};

struct FollowUpBoard {
  core::Date ends_on;
  std::vector<int> months;
  bool ended = false;  // the programme's end has passed
  core::Page<GroupFollowUps> groups;
};

// The programme dashboard: counts shaped for charts.
struct DashboardEnrolment {
  EnrolmentCounts counts;
};

struct DashboardCompliance {
  groups::Month from;
  groups::Month to;
  std::int64_t groups = 0;  // the programme's groups counted
  groups::ComplianceBands bands;
  std::vector<groups::ComplianceRow> rows;  // the least compliant first, at most kDashboardRows
};

struct DashboardCompletion {
  std::int64_t groups = 0;
  std::int64_t cycles = 0;
  std::int64_t closed = 0;
  std::int64_t achieved = 0;
  std::int64_t targets = 0;
};

struct DashboardBudget {
  std::int64_t budget = 0;
  BudgetTally tally;
  std::int64_t over = 0;  // committed beyond the budget; 0 within it
};

// Loans by how far past due they are on the day.
struct ArrearsBands {
  std::int64_t current = 0;      // disbursed, open, nothing overdue
  std::int64_t days_1_30 = 0;
  std::int64_t days_31_60 = 0;
  std::int64_t days_61_90 = 0;
  std::int64_t days_over_90 = 0;
  std::int64_t closed = 0;       // repaid in full
  std::int64_t undisbursed = 0;  // committed, not yet disbursed
};

struct DashboardLoans {
  core::Date as_of;
  std::int64_t loans = 0;
  PortfolioAtRisk portfolio;
  ArrearsBands bands;
};

struct DashboardExits {
  std::int64_t none = 0;
  std::int64_t nominated = 0;
  std::int64_t ready = 0;
  std::int64_t handed_over = 0;
};

struct DashboardFollowUps {
  bool ended = false;
  std::int64_t done = 0;
  std::int64_t overdue = 0;
  std::int64_t upcoming = 0;
  // The groups by the status their latest visit found; groups not yet visited apart.
  std::array<std::int64_t, 4> latest{};  // in kGroupConditions' order
  std::int64_t not_visited = 0;
};

struct Dashboard {
  std::int64_t programme_id = 0;
  std::optional<std::int64_t> group_id;  // set when narrowed to the caller's own group
  core::Date as_of;
  DashboardEnrolment enrolment;
  DashboardCompliance compliance;
  DashboardCompletion completion;
  std::optional<DashboardBudget> budget;  // none for a group's account
  DashboardLoans loans;
  DashboardExits exits;
  DashboardFollowUps follow_ups;
};

// The bounds of what one answer reads.
inline constexpr int kMaxNominationHistory = 50;
inline constexpr int kMaxGroupVisits = 200;        // one group's visits
inline constexpr int kMaxProgrammeVisits = 20000;  // a programme's visits (board, dashboard)
inline constexpr int kDashboardRows = 20;          // compliance rows on the dashboard
inline constexpr std::size_t kMaxExitNote = 2000;
inline constexpr std::size_t kMaxEvidence = 1000;
inline constexpr std::int64_t kMaxActiveMembers = 100000;

audit::Snapshot SnapshotOf(const Nomination& nomination);
audit::Snapshot SnapshotOf(const FollowUp& follow_up);

class ExitService {
 public:
  ExitService(Database& database, const core::Clock& clock, mentoring::CycleService& cycles)
      : database_(database), clock_(clock), cycles_(cycles) {}

  // The groups enrolled now, oldest enrolment first, each with its exit's status.
  core::Result<core::Page<ExitSummary>> List(const accounts::Context& context, std::int64_t programme_id,
                                             const std::optional<std::string>& status, const core::PageRequest& page);
  core::Result<ExitView> Get(const accounts::Context& context, std::int64_t programme_id, std::int64_t group_id);
  // A current member of the group; replaces the current nomination (kept as history) unless
  // coaching was handed over already.
  core::Result<ExitView> Nominate(const accounts::Context& context, std::int64_t programme_id, std::int64_t group_id,
                                  const NominationInput& input);
  core::Result<ExitView> Check(const accounts::Context& context, std::int64_t programme_id, std::int64_t group_id,
                               const ChecklistInput& input);
  // Refused (kFailedPrecondition, a field per unmet item "checklist.<item>") until every item is
  // met. The hero becomes the group's mentor and local hero in the same transaction.
  core::Result<ExitView> HandOver(const accounts::Context& context, std::int64_t programme_id, std::int64_t group_id,
                                  const HandOverInput& input);

  core::Result<FollowUpBoard> FollowUps(const accounts::Context& context, std::int64_t programme_id,
                                        const core::PageRequest& page);
  core::Result<GroupFollowUps> GroupVisits(const accounts::Context& context, std::int64_t programme_id,
                                           std::int64_t group_id);
  core::Result<FollowUp> RecordFollowUp(const accounts::Context& context, std::int64_t programme_id,
                                        const FollowUpInput& input);

  core::Result<Dashboard> ProgrammeDashboard(const accounts::Context& context, std::int64_t programme_id);

 private:
  core::Date Today() const;
  Database& database_;
  const core::Clock& clock_;
  mentoring::CycleService& cycles_;
};

}  // namespace gotong::domain::programmes
