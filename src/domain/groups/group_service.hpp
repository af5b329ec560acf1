#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/groups.hpp"
#include "domain/registry/registry_service.hpp"

namespace gotong::domain::groups {

using registry::Field;

struct GroupInput {
  Field<std::string> name;
  Field<std::string> kind;
  Field<std::string> sector;
  Field<std::string> business_centre;
  Field<std::string> village_code;
  Field<std::string> origin;
  Field<std::int64_t> programme_id;
  Field<std::string> legality;
  Field<std::string> legality_date;
  Field<std::string> status;
  Field<std::string> status_since;  // the day the status changed (default: today)
  Field<std::string> founded_on;
  Field<std::int64_t> sop_meetings_per_month;
  Field<std::int64_t> steward_id;
};

struct MemberInput {
  Field<std::int64_t> person_id;
  std::optional<registry::PersonInput> person;  // add a new person to the registry with it
  Field<std::int64_t> enterprise_id;
  Field<std::string> role;
  Field<bool> mentor;
  Field<bool> local_hero;
  Field<std::string> joined_on;
  Field<std::string> left_on;
  Field<std::int64_t> user_id;
  // The group's agreed deliberation that a leader cites to give or take an office.
  Field<std::int64_t> deliberation_id;
};

struct MeetingInput {
  Field<std::string> kind;
  Field<std::string> held_on;
  Field<std::string> status;
  Field<std::string> venue;
  Field<std::int64_t> host_member_id;
  Field<std::string> agenda;
  Field<std::string> minutes;
};

struct AttendanceInput {
  std::optional<std::int64_t> member_id;
  std::optional<std::string> presence;
};

struct DeliberationInput {
  Field<std::string> title;
  Field<std::string> description;
  Field<std::string> topic;
  Field<std::string> method;
  std::optional<std::vector<std::string>> options;
  Field<std::int64_t> meeting_id;
};

struct VoteInput {
  std::optional<std::int64_t> member_id;  // default: the caller's own membership
  Field<std::int64_t> option_id;          // null: against the proposal
};

struct DecisionInput {
  Field<std::string> outcome;     // consensus only
  Field<std::int64_t> option_id;  // consensus only
  Field<std::string> note;
};

struct GroupQuery {
  std::optional<std::string> region;
  std::optional<std::string> kind;
  std::optional<std::string> status;
  std::optional<std::string> q;
};

// A group as its caller sees it: which parts she writes and whom she acts as.
struct GroupView {
  Group group;
  std::vector<Part> writes;
  std::optional<std::int64_t> member_id;  // the caller's own membership
};

struct MeetingView {
  Meeting meeting;
  std::vector<Attendance> attendance;
};

struct DeliberationView {
  Deliberation deliberation;
  std::vector<Vote> votes;
  std::optional<Norm> norm;  // the norm it became, once agreed
};

struct ComplianceMonth {
  MonthCompliance compliance;
  std::int64_t present = 0;   // attendance recorded at the month's held meetings
  std::int64_t recorded = 0;
};

struct ComplianceView {
  int sop_meetings_per_month = 1;
  Month from;
  Month to;
  std::vector<ComplianceMonth> months;
  int held = 0;
  int required = 0;
};

// A group's workspace (seeds 000 and 001). Admins and the officers of the group's steward
// register groups and members; the group's own leader, secretary and treasurer write their parts
// (RoleWrites); facilitators of the group's programme and every account scoped to the group read.
class GroupService {
 public:
  GroupService(Database& database, const core::Clock& clock, registry::RegistryService& registry)
      : database_(database), clock_(clock), registry_(registry) {}

  core::Result<core::Page<Group>> ListGroups(const accounts::Context& context,
                                                 const GroupQuery& query,
                                                 const core::PageRequest& page);
  // The compliance of every group the caller reaches in a region (seed 002's province view):
  // months `from`..`to` ("2026-11"; default: the three months to this one), least compliant
  // first unless `sort` says "-percent" or "name". Dissolved groups are left out unless asked
  // for by status.
  core::Result<ComplianceTable> RegionCompliance(const accounts::Context& context,
                                                const GroupQuery& query,
                                                const std::optional<std::string>& from,
                                                const std::optional<std::string>& to,
                                                const std::optional<std::string>& sort,
                                                const core::PageRequest& page);
  core::Result<GroupView> GetGroup(const accounts::Context& context, std::int64_t id);
  core::Result<GroupView> CreateGroup(const accounts::Context& context, const GroupInput& input);
  core::Result<GroupView> UpdateGroup(const accounts::Context& context, std::int64_t id,
                                      const GroupInput& input);

  core::Result<core::Page<Membership>> ListMembers(const accounts::Context& context,
                                                   std::int64_t group_id, bool include_left,
                                                   const core::PageRequest& page);
  core::Result<Membership> AddMember(const accounts::Context& context, std::int64_t group_id,
                                     const MemberInput& input);
  core::Result<Membership> UpdateMember(const accounts::Context& context, std::int64_t group_id,
                                        std::int64_t member_id, const MemberInput& input);

  core::Result<core::Page<Meeting>> ListMeetings(const accounts::Context& context,
                                                 std::int64_t group_id,
                                                 const std::optional<std::string>& from,
                                                 const std::optional<std::string>& to,
                                                 const core::PageRequest& page);
  core::Result<MeetingView> GetMeeting(const accounts::Context& context, std::int64_t group_id,
                                       std::int64_t meeting_id);
  core::Result<MeetingView> CreateMeeting(const accounts::Context& context, std::int64_t group_id,
                                          const MeetingInput& input);
  core::Result<MeetingView> UpdateMeeting(const accounts::Context& context, std::int64_t group_id,
                                          std::int64_t meeting_id, const MeetingInput& input);
  // Replaces the meeting's attendance with `attendance` (at most one line per member).
  core::Result<MeetingView> RecordAttendance(const accounts::Context& context,
                                             std::int64_t group_id, std::int64_t meeting_id,
                                             const std::optional<std::vector<AttendanceInput>>& attendance);

  // SOP compliance per month, `from`..`to` as "2026-11" (default: the twelve months to this one).
  core::Result<ComplianceView> Compliance(const accounts::Context& context, std::int64_t group_id,
                                          const std::optional<std::string>& from,
                                          const std::optional<std::string>& to);

  core::Result<core::Page<Deliberation>> ListDeliberations(const accounts::Context& context,
                                                           std::int64_t group_id,
                                                           const core::PageRequest& page);
  core::Result<DeliberationView> GetDeliberation(const accounts::Context& context,
                                                 std::int64_t group_id, std::int64_t id);
  core::Result<DeliberationView> CreateDeliberation(const accounts::Context& context,
                                                    std::int64_t group_id,
                                                    const DeliberationInput& input);
  core::Result<DeliberationView> CastVote(const accounts::Context& context, std::int64_t group_id,
                                          std::int64_t id, const VoteInput& input);
  // Takes a vote back while the proposal is open (a vote recorded for the wrong member or
  // option is withdrawn and cast again): the member herself or whoever records votes.
  core::Result<DeliberationView> WithdrawVote(const accounts::Context& context, std::int64_t group_id,
                                              std::int64_t id, std::int64_t member_id);
  core::Result<DeliberationView> Decide(const accounts::Context& context, std::int64_t group_id,
                                        std::int64_t id, const DecisionInput& input);
  core::Result<std::vector<Norm>> Norms(const accounts::Context& context, std::int64_t group_id);

  core::Date Today() const { return TodayInIndonesia(clock_); }

 private:
  core::Result<MeetingView> MeetingViewOf(UnitOfWork& unit, std::int64_t group_id,
                                          std::int64_t meeting_id);
  core::Result<DeliberationView> DeliberationViewOf(UnitOfWork& unit, std::int64_t group_id,
                                                    std::int64_t id);

  Database& database_;
  const core::Clock& clock_;
  registry::RegistryService& registry_;
};

}  // namespace gotong::domain::groups
