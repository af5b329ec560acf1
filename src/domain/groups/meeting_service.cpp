#include "domain/groups/meeting_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/service.hpp"

namespace gotong::domain::groups {

// ---- meetings -----------------------------------------------------------------------------

core::Result<core::Page<Meeting>> MeetingService::ListMeetings(const Context& context,
                                                             std::int64_t group_id,
                                                             const std::optional<std::string>& from,
                                                             const std::optional<std::string>& to,
                                                             const core::PageRequest& page) {
  Problems problems;
  DateRange range = ReadDateRange(problems, from, to);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Meetings().List(group_id, range.from, range.to, page);
}

core::Result<MeetingView> MeetingService::MeetingViewOf(UnitOfWork& unit, std::int64_t group_id,
                                                      std::int64_t meeting_id) {
  MeetingView view;
  GOTONG_ASSIGN_OR_RETURN(view.meeting, unit.Meetings().Find(group_id, meeting_id));
  GOTONG_ASSIGN_OR_RETURN(view.attendance, unit.Meetings().AttendanceOf(meeting_id));
  return view;
}

core::Result<MeetingView> MeetingService::GetMeeting(const Context& context, std::int64_t group_id,
                                                   std::int64_t meeting_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return MeetingViewOf(*unit, group_id, meeting_id);
}

void ApplyMeeting(UnitOfWork& unit, Problems& problems, const MeetingInput& input, Meeting& meeting,
                  const core::Date& today) {
  bool creating = meeting.id == 0;
  if (Given(input.kind)) {
    ApplyRequiredChoice(problems, input.kind, true, "kind", ParseMeetingKind,
                        "kind must be formal or informal", meeting.kind);
  }
  bool date_ok = !creating;
  if (Given(input.held_on) || creating) {
    date_ok = false;
    if (!IsSet(input.held_on)) {
      problems.Add("held_on", "required", "held_on is required");
    } else if (auto day = CheckDate(problems, "held_on", **input.held_on)) {
      meeting.held_on = *day;
      date_ok = true;
    }
  }
  if (Given(input.status)) {
    ApplyRequiredChoice(problems, input.status, true, "status", ParseMeetingStatus,
                        "status must be planned, held or cancelled", meeting.status);
  } else if (creating) {
    meeting.status = date_ok && meeting.held_on > today ? MeetingStatus::kPlanned : MeetingStatus::kHeld;
  }
  if (date_ok && meeting.status == MeetingStatus::kHeld && meeting.held_on > today) {
    problems.Add("status", "in_future",
                 "a meeting on " + meeting.held_on.ToString() +
                     " has not happened yet; record it as planned");
  }
  ApplyOptionalText(problems, input.venue, "venue", 200, meeting.venue);
  ApplyOptionalText(problems, input.agenda, "agenda", 2000, meeting.agenda);
  ApplyOptionalText(problems, input.minutes, "minutes", 20000, meeting.minutes);
  if (Given(input.host_member_id)) {
    meeting.host_member_id.reset();
    if (IsSet(input.host_member_id)) {
      auto host = unit.Groups().FindMember(meeting.group_id, **input.host_member_id);
      if (!host.ok()) {
        problems.Add("host_member_id", "not_member",
                     "member " + std::to_string(**input.host_member_id) + " is not in this group");
      } else {
        meeting.host_member_id = host->id;
      }
    }
  }
}

core::Result<MeetingView> MeetingService::CreateMeeting(const Context& context, std::int64_t group_id,
                                                      const MeetingInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kMeetings));
  auto& [unit, group, caller, trail] = write;
  Problems problems;
  Meeting meeting;
  meeting.group_id = group_id;
  ApplyMeeting(*unit, problems, input, meeting, Today());
  if (!problems.empty()) return problems.ToError();
  meeting.created_at = meeting.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(meeting.id, unit->Meetings().Insert(meeting));
  GOTONG_RETURN_IF_ERROR(
      trail.Record("meeting", meeting.id, "create", std::nullopt, SnapshotOf(meeting)));
  GOTONG_ASSIGN_OR_RETURN(auto view, MeetingViewOf(*unit, group_id, meeting.id));
  return write.Commit(std::move(view));
}

core::Result<MeetingView> MeetingService::UpdateMeeting(const Context& context, std::int64_t group_id,
                                                      std::int64_t meeting_id,
                                                      const MeetingInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kMeetings));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto meeting, unit->Meetings().Find(group_id, meeting_id));
  auto before = SnapshotOf(meeting);
  Problems problems;
  ApplyMeeting(*unit, problems, input, meeting, Today());
  if (!problems.empty()) return problems.ToError();
  meeting.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Meetings().Update(meeting));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, meeting.updated_at, "meeting",
                                       meeting_id, "update", std::move(before),
                                       SnapshotOf(meeting)));
  GOTONG_ASSIGN_OR_RETURN(auto view, MeetingViewOf(*unit, group_id, meeting_id));
  return write.Commit(std::move(view));
}

core::Result<std::vector<Attendance>> CheckAttendance(UnitOfWork& unit, Problems& problems,
                                                      std::int64_t group_id, const core::Date& held_on,
                                                      const std::vector<AttendanceInput>& attendance,
                                                      const std::string& field) {
  std::vector<std::int64_t> ids;
  for (const auto& line : attendance) {
    if (line.member_id) ids.push_back(*line.member_id);
  }
  GOTONG_ASSIGN_OR_RETURN(auto members, unit.Groups().FindMembers(group_id, ids));
  std::set<std::int64_t> seen;
  std::vector<Attendance> lines;
  for (std::size_t i = 0; i < attendance.size(); ++i) {
    const auto& line = attendance[i];
    std::string at = field + "[" + std::to_string(i) + "].";
    std::optional<Presence> presence;
    if (!line.presence) {
      problems.Add(at + "presence", "required", at + "presence is required");
    } else if (!(presence = ParsePresence(*line.presence))) {
      problems.Add(at + "presence", "invalid_value", at + "presence must be present, excused or absent");
    }
    if (!line.member_id) {
      problems.Add(at + "member_id", "required", at + "member_id is required");
      continue;
    }
    auto found = std::find_if(members.begin(), members.end(),
                              [&](const Membership& m) { return m.id == *line.member_id; });
    if (found == members.end()) {
      problems.Add(at + "member_id", "not_member",
                   "member " + std::to_string(*line.member_id) + " is not in this group");
    } else if (!found->ActiveOn(held_on)) {
      problems.Add(at + "member_id", "not_member_then",
                   found->person_name + " was not a member on " + held_on.ToString());
    } else if (!seen.insert(*line.member_id).second) {
      problems.Add(at + "member_id", "duplicate", found->person_name + " is listed twice");
    } else if (presence) {
      lines.push_back({*line.member_id, *presence, found->person_name});
    }
  }
  return lines;
}

core::Result<MeetingView> MeetingService::RecordAttendance(
    const Context& context, std::int64_t group_id, std::int64_t meeting_id,
    const std::optional<std::vector<AttendanceInput>>& attendance) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kMeetings));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto meeting, unit->Meetings().Find(group_id, meeting_id));
  if (!attendance) return Error::Invalid("attendance", "required", "attendance is required");
  if (meeting.status != MeetingStatus::kHeld) {
    return Precondition("attendance", "not_held",
                        "attendance is taken at a meeting that was held; this one is " +
                            std::string(ToString(meeting.status)));
  }
  Problems problems;
  GOTONG_ASSIGN_OR_RETURN(auto lines, CheckAttendance(*unit, problems, group_id, meeting.held_on, *attendance));
  if (!problems.empty()) return problems.ToError();
  GOTONG_RETURN_IF_ERROR(unit->Meetings().ReplaceAttendance(meeting_id, lines));
  std::int64_t counts[3] = {0, 0, 0};
  for (const auto& line : lines) ++counts[static_cast<int>(line.presence)];
  GOTONG_RETURN_IF_ERROR(trail.Record(
      "meeting", meeting_id, "attendance",
      audit::Snapshot{{"present", meeting.present}, {"excused", meeting.excused}, {"absent", meeting.absent}},
      audit::Snapshot{{"present", counts[0]}, {"excused", counts[1]}, {"absent", counts[2]}}));
  GOTONG_ASSIGN_OR_RETURN(auto view, MeetingViewOf(*unit, group_id, meeting_id));
  return write.Commit(std::move(view));
}

// ---- compliance ---------------------------------------------------------------------------

core::Result<ComplianceView> MeetingService::Compliance(const Context& context, std::int64_t group_id,
                                                      const std::optional<std::string>& from,
                                                      const std::optional<std::string>& to) {
  Problems problems;
  auto [first, last] = ReadMonthRange(problems, from, to, Today(), 11, kMaxComplianceMonths);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenGroup(context, *unit, group_id, Today()));
  const Group& group = opened.first;
  GOTONG_ASSIGN_OR_RETURN(auto held, unit->Meetings().Held(group_id, first.FirstDay(), last.LastDay()));
  std::vector<core::Date> days;
  days.reserve(held.size());
  for (const auto& meeting : held) days.push_back(meeting.held_on);
  GOTONG_ASSIGN_OR_RETURN(auto changes, unit->Groups().SopChanges(group_id));
  auto sop_in = [&](Month month) { return SopOn(month, group.sop_meetings_per_month, changes); };
  ComplianceView view;
  view.sop_meetings_per_month = sop_in(Month::Of(Today()));
  view.from = first;
  view.to = last;
  auto months = ComplianceByMonth(days, first, last, sop_in);
  std::size_t next = 0;
  for (const auto& month : months) {
    ComplianceMonth row{month, 0, 0};
    while (next < held.size() && Month::Of(held[next].held_on) == month.month) {
      row.present += held[next].present;
      row.recorded += held[next].recorded;
      ++next;
    }
    view.held += month.held;
    view.required += month.required;
    view.months.push_back(row);
  }
  return view;
}

}  // namespace gotong::domain::groups
