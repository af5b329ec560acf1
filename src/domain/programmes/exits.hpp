#pragma once

// Exit to a local hero and the follow-ups after it (issue 15; seed 001). At the end of a group's
// programme its coaching is handed to a member "considered capable of being the driving force of
// the group": she is nominated, checked against a readiness checklist (she leads meetings, keeps
// the books, has a network outside the group), and coaching is handed over to her once every item
// is met. After the programme's end the group is visited again on the programme's schedule
// (follow_up_months) and what the visitor found is recorded. Pure records and rules; storage is
// behind ExitRepository.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/groups/rules.hpp"

namespace gotong::domain::programmes {

// ---- exit ---------------------------------------------------------------------------------------

// The readiness checklist, in this order everywhere.
enum class ReadinessItem { kLeadsMeetings, kKeepsBooks, kOutsideNetwork };
inline constexpr std::array<ReadinessItem, 3> kReadinessItems = {
    ReadinessItem::kLeadsMeetings, ReadinessItem::kKeepsBooks, ReadinessItem::kOutsideNetwork};
std::string_view ToString(ReadinessItem item);  // leads_meetings, keeps_books, outside_network

// One item as it was last checked: met or not, on what evidence, on which day.
struct ReadinessCheck {
  bool met = false;
  std::optional<std::string> evidence;
  std::optional<core::Date> checked_on;  // none until it is checked
};

// A local hero nominated for an enrolled group. One per enrolment is current; a re-nomination
// replaces it (replaced_at) and keeps it as the group's history.
struct Nomination {
  std::int64_t id = 0;
  std::int64_t enrolment_id = 0;
  std::int64_t programme_id = 0;
  std::int64_t group_id = 0;
  std::int64_t member_id = 0;  // her membership of the group
  std::string hero_name;       // read only: the member's name
  core::Date nominated_on;
  std::optional<std::string> note;
  std::array<ReadinessCheck, 3> checklist;  // in kReadinessItems' order
  std::optional<core::Date> handed_over_on;
  std::optional<std::int64_t> handed_over_by;
  std::string handed_over_by_name;  // read only: the account's display name; "" when none
  std::optional<std::string> hand_over_note;
  std::optional<core::Instant> replaced_at;
  std::optional<std::int64_t> created_by;
  core::Instant created_at{};
  core::Instant updated_at{};

  const ReadinessCheck& Check(ReadinessItem item) const { return checklist.at(static_cast<std::size_t>(item)); }
  ReadinessCheck& Check(ReadinessItem item) { return checklist.at(static_cast<std::size_t>(item)); }
};

// Where a group's exit stands: nobody nominated; a hero nominated with items still unmet; every
// item met (ready to hand over); coaching handed over.
enum class ExitStatus { kNone, kNominated, kReady, kHandedOver };
std::string_view ToString(ExitStatus status);  // none, nominated, ready, handed_over
std::optional<ExitStatus> ParseExitStatus(std::string_view text);

// The checklist items not met, in the checklist's order.
std::vector<ReadinessItem> Unmet(const Nomination& nomination);
ExitStatus StatusOf(const std::optional<Nomination>& current);

// What the group's own records say about a member, beside the checklist: her office, the meetings
// held in the window with those she attended and hosted, the ledger entries her account recorded,
// and the other groups she belongs to now. Nothing here is typed in by the programme.
struct HeroRecord {
  groups::MemberRole role = groups::MemberRole::kMember;
  bool mentor = false;
  bool local_hero = false;
  core::Date joined_on;
  std::optional<core::Date> left_on;
  core::Date from;  // the window counted (inclusive days)
  core::Date to;
  std::int64_t meetings_held = 0;
  std::int64_t meetings_attended = 0;  // present
  std::int64_t meetings_hosted = 0;    // held at her house (host_member_id)
  // Entries her linked account posted to the group's ledger; none when no account acts for her.
  std::optional<std::int64_t> ledger_entries;
  std::int64_t other_groups = 0;  // groups she is a current member of besides this one
};

// The months the record looks back over, this month included.
inline constexpr int kHeroRecordMonths = 6;

// ---- follow-up ----------------------------------------------------------------------------------

// What a visitor found of the group.
enum class GroupCondition { kActive, kStruggling, kDormant, kDissolved };
inline constexpr std::array<GroupCondition, 4> kGroupConditions = {
    GroupCondition::kActive, GroupCondition::kStruggling, GroupCondition::kDormant, GroupCondition::kDissolved};
std::string_view ToString(GroupCondition condition);  // active, struggling, dormant, dissolved
std::optional<GroupCondition> ParseGroupCondition(std::string_view text);

struct FollowUp {
  std::int64_t id = 0;
  std::int64_t enrolment_id = 0;
  std::int64_t programme_id = 0;
  std::int64_t group_id = 0;
  std::string group_name;  // read only
  // The month of the programme's follow_up_months it answers; none for a visit off the schedule.
  std::optional<int> follow_up_month;
  core::Date visited_on;
  GroupCondition status = GroupCondition::kActive;
  std::int64_t active_members = 0;
  bool meets_sop = false;
  std::optional<bool> hero_coaching;  // none when coaching was not handed over
  std::optional<std::string> note;
  std::optional<std::int64_t> recorded_by;
  std::string recorded_by_name;  // read only
  core::Instant created_at{};
};

// A scheduled visit: done (a visit answers it), overdue (its day has passed without one) or
// upcoming (due today or later).
enum class VisitState { kDone, kOverdue, kUpcoming };
std::string_view ToString(VisitState state);  // done, overdue, upcoming

struct ScheduledVisit {
  int month = 0;        // months after the programme's end
  core::Date due_on;    // ends_on moved `month` months on, its day kept or clamped to the month's end
  VisitState state = VisitState::kUpcoming;
  std::optional<std::int64_t> follow_up_id;  // the visit that answers it
  std::optional<core::Date> visited_on;
};

// The day a visit `month` months after `ends_on` is due: the same day of the month, or the
// month's last day when it is shorter (a programme ending on 31 August is visited on 28 or 29
// February six months on).
core::Date FollowUpDue(const core::Date& ends_on, int month);

// A group's schedule on `today` from the programme's end and months and the group's visits.
std::vector<ScheduledVisit> FollowUpSchedule(const core::Date& ends_on, const std::vector<int>& months,
                                             const std::vector<FollowUp>& visits, const core::Date& today);

// The scheduled month a visit on `visited_on` answers when the visitor does not say: of the
// months no visit answers yet, the one due nearest to that day (the earlier on a tie); none when
// every month is answered.
std::optional<int> NearestOpenMonth(const core::Date& ends_on, const std::vector<int>& months,
                                    const std::vector<int>& answered, const core::Date& visited_on);

// ---- storage ------------------------------------------------------------------------------------

// How many of a programme's enrolments are groups or enterprises, current or left, and enrolled
// outside the criteria (current ones).
struct EnrolmentCounts {
  std::int64_t current_groups = 0;
  std::int64_t current_enterprises = 0;
  std::int64_t left_groups = 0;
  std::int64_t left_enterprises = 0;
  std::int64_t outside_criteria = 0;
};

// A group enrolled in a programme now.
struct GroupEnrolment {
  std::int64_t enrolment_id = 0;
  std::int64_t group_id = 0;
};

class ExitRepository {
 public:
  virtual ~ExitRepository() = default;
  // kAlreadyExists (field member_id) when the enrolment has a current nomination already.
  virtual core::Result<std::int64_t> InsertNomination(const Nomination& nomination) = 0;
  // Its note, checklist, hand-over, replaced_at and updated_at.
  virtual core::Status UpdateNomination(const Nomination& nomination) = 0;
  virtual core::Result<std::optional<Nomination>> CurrentNomination(std::int64_t enrolment_id) = 0;
  // Every nomination of the enrolment, newest first (at most `limit`).
  virtual core::Result<std::vector<Nomination>> Nominations(std::int64_t enrolment_id, int limit) = 0;
  // The current nominations of the programme's groups enrolled now, among `enrolment_ids` when
  // given (a page of them), else all of them.
  virtual core::Result<std::vector<Nomination>> CurrentNominations(
      std::int64_t programme_id, const std::optional<std::vector<std::int64_t>>& enrolment_ids) = 0;
  // Writes the day coaching was handed over on the enrolment.
  virtual core::Status MarkHandedOver(std::int64_t enrolment_id, const core::Date& day) = 0;
  // What the group's records say of member `member_id` (who is in the group) from `from` to `to`.
  virtual core::Result<HeroRecord> HeroRecordOf(std::int64_t group_id, std::int64_t member_id,
                                                const core::Date& from, const core::Date& to) = 0;

  // kAlreadyExists (field follow_up_month) when a visit answers that month already.
  virtual core::Result<std::int64_t> InsertFollowUp(const FollowUp& follow_up) = 0;
  virtual core::Result<FollowUp> FindFollowUp(std::int64_t id) = 0;
  // Oldest visit first; of one group when given; at most `limit`.
  virtual core::Result<std::vector<FollowUp>> FollowUps(std::int64_t programme_id, std::optional<std::int64_t> group_id,
                                                        int limit) = 0;

  // The programme's groups enrolled now (not left), oldest enrolment first; one group when given.
  virtual core::Result<core::Page<GroupEnrolment>> GroupEnrolments(std::int64_t programme_id,
                                                                   std::optional<std::int64_t> group_id,
                                                                   const core::PageRequest& page) = 0;
  // The programme's enrolments counted; of one group only when given.
  virtual core::Result<EnrolmentCounts> CountEnrolments(std::int64_t programme_id,
                                                        std::optional<std::int64_t> group_id) = 0;
};

}  // namespace gotong::domain::programmes
