// A group's meetings (seed 001's SOP): the meetings, who attended, and the SOP compliance
// per month.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace groups = domain::groups;

json::value MeetingJson(const groups::Meeting& m) {
  return json::object{{"id", m.id},
                      {"group_id", m.group_id},
                      {"kind", groups::ToString(m.kind)},
                      {"held_on", m.held_on.ToString()},
                      {"status", groups::ToString(m.status)},
                      {"venue", Nullable(m.venue)},
                      {"host_member_id", NullableNumber(m.host_member_id)},
                      {"agenda", Nullable(m.agenda)},
                      {"minutes", Nullable(m.minutes)},
                      {"present", m.present},
                      {"excused", m.excused},
                      {"absent", m.absent},
                      {"created_at", core::FormatInstant(m.created_at)},
                      {"updated_at", core::FormatInstant(m.updated_at)}};
}

json::value MeetingViewJson(const groups::MeetingView& view) {
  json::value value = MeetingJson(view.meeting);
  json::array attendance;
  for (const auto& line : view.attendance) {
    attendance.push_back(json::object{{"member_id", line.member_id},
                                      {"name", line.person_name},
                                      {"presence", groups::ToString(line.presence)}});
  }
  value.as_object()["attendance"] = std::move(attendance);
  return value;
}

json::value PercentOrNull(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return nullptr;
  return groups::Percent(part, whole);
}

json::value ComplianceJson(const groups::ComplianceView& view) {
  json::array months;
  for (const auto& row : view.months) {
    months.push_back(json::object{{"month", row.compliance.month.ToString()},
                                  {"held", row.compliance.held},
                                  {"required", row.compliance.required},
                                  {"percent", row.compliance.percent},
                                  {"present", row.present},
                                  {"recorded", row.recorded},
                                  {"attendance_percent", PercentOrNull(row.present, row.recorded)}});
  }
  return json::object{{"sop_meetings_per_month", view.sop_meetings_per_month},
                      {"from", view.from.ToString()},
                      {"to", view.to.ToString()},
                      {"held", view.held},
                      {"required", view.required},
                      {"percent", groups::Percent(view.held, view.required)},
                      {"months", std::move(months)}};
}

using MeetingIn = groups::MeetingInput;
constexpr auto kMeetingFields = std::to_array<BodyField<MeetingIn>>({
    {"kind", &MeetingIn::kind}, {"held_on", &MeetingIn::held_on}, {"status", &MeetingIn::status},
    {"venue", &MeetingIn::venue}, {"host_member_id", &MeetingIn::host_member_id},
    {"agenda", &MeetingIn::agenda, core::TextLines::kMulti},
    {"minutes", &MeetingIn::minutes, core::TextLines::kMulti}});

std::optional<std::vector<groups::AttendanceInput>> ReadAttendance(BodyReader& body) {
  std::optional<std::vector<groups::AttendanceInput>> lines;
  if (auto items = body.Objects("attendance", true, 1000, {"member_id", "presence"})) {
    lines.emplace();
    for (auto& item : *items) {
      lines->push_back({item.Int("member_id", false), item.String("presence", false)});
    }
  }
  return lines;
}

}  // namespace

void AddMeetingRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.meetings;

  routes.push_back(GroupRoute("GET", "/meetings", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto range, ReadDateRangePage(call));
    return PageJsonReply(service.ListMeetings(call.context, id, range.from, range.to, range.page),
                         MeetingJson);
  }));

  routes.push_back(GroupRoute("POST", "/meetings", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kMeetingFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, service.CreateMeeting(call.context, id, input));
    return CreatedResponse(MeetingViewJson(created),
                           GroupRecordPath(id, "meetings", created.meeting.id));
  }));

  routes.push_back(GroupRecordRoute(
      "GET", "/meetings/{meeting_id}", "meeting_id", "no such meeting",
      OnGroupRecord(service, &groups::MeetingService::GetMeeting, MeetingViewJson)));

  routes.push_back(GroupRecordRoute("PATCH", "/meetings/{meeting_id}", "meeting_id",
                                    "no such meeting",
                                    OnGroupRecord(service, &groups::MeetingService::UpdateMeeting,
                                                  kMeetingFields, MeetingViewJson, 200)));

  routes.push_back(GroupRecordRoute("PUT", "/meetings/{meeting_id}/attendance", "meeting_id", "no such meeting",
                                    [&service](Call& call, GroupRecordIds ids) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto lines, ReadBody(call, {"attendance"}, ReadAttendance));
    return JsonReply(200, service.RecordAttendance(call.context, ids.group_id, ids.id, lines),
                     MeetingViewJson);
  }));

  routes.push_back(GroupRoute("GET", "/compliance", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto range, ReadDateRange(call));
    return JsonReply(200, service.Compliance(call.context, id, range.from, range.to), ComplianceJson);
  }));
}

}  // namespace gotong::api::handlers
