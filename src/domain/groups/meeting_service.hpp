#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/groups.hpp"

namespace gotong::domain::groups {

using form::Field;

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

struct MeetingView {
  Meeting meeting;
  std::vector<Attendance> attendance;
};

struct ComplianceMonth {
  MonthCompliance compliance;
  std::int64_t present = 0;   // attendance recorded at the month's held meetings
  std::int64_t recorded = 0;
};

struct ComplianceView {
  int sop_meetings_per_month = 1;  // in force this month; each month has its own `required`
  Month from;
  Month to;
  std::vector<ComplianceMonth> months;
  int held = 0;
  int required = 0;
};

// Sets `meeting` (of `meeting.group_id`; id 0 when it is new) from `input`, adding what is wrong
// to `problems`: a new meeting held after `today` is planned, and a held one may not lie ahead.
void ApplyMeeting(UnitOfWork& unit, form::Problems& problems, const MeetingInput& input, Meeting& meeting,
                  const core::Date& today);

// The attendance lines of a meeting of the group held on `held_on`: each member in the group on
// that day, listed once, with a presence. What is wrong goes to `problems`, named
// "<field>[i].member_id" or "<field>[i].presence".
core::Result<std::vector<Attendance>> CheckAttendance(UnitOfWork& unit, form::Problems& problems,
                                                      std::int64_t group_id, const core::Date& held_on,
                                                      const std::vector<AttendanceInput>& attendance,
                                                      const std::string& field = "attendance");

// A group's meetings under its programme's SOP (seed 001): the meetings the secretary records,
// who attended, and how many the group held against what its SOP asks each month.
class MeetingService : public GroupWorkspace {
 public:
  using GroupWorkspace::GroupWorkspace;

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

 private:
  core::Result<MeetingView> MeetingViewOf(UnitOfWork& unit, std::int64_t group_id,
                                          std::int64_t meeting_id);
};

}  // namespace gotong::domain::groups
