// The groups context's meeting repository: meetings, their attendance and the held meetings
// SOP compliance counts.

#include "storage/sql_groups.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// ---- meetings ---------------------------------------------------------------------------------

// The group and the creation are written once.
constexpr Column<Meeting> kMeetingColumns[] = {
    Member<&Meeting::id>("mt.id"),
    Field<&Meeting::group_id>("mt.group_id").OnInsert(),
    Field<&Meeting::kind, ParseMeetingKind>("mt.kind"),
    Field<&Meeting::held_on>("mt.held_on"),
    Field<&Meeting::status, ParseMeetingStatus>("mt.status"),
    Field<&Meeting::venue>("mt.venue"),
    Field<&Meeting::host_member_id>("mt.host_member_id"),
    Field<&Meeting::agenda>("mt.agenda"),
    Field<&Meeting::minutes>("mt.minutes"),
    Field<&Meeting::created_at>("mt.created_at").OnInsert(),
    Field<&Meeting::updated_at>("mt.updated_at"),
    Member<&Meeting::present>("(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND "
                              "a.presence = 'present')"),
    Member<&Meeting::excused>("(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND "
                              "a.presence = 'excused')"),
    Member<&Meeting::absent>(
        "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.presence = 'absent')"),
};
constexpr RecordTable<Meeting> kMeetingTable{kMeetingColumns, " FROM meetings mt", "mt", "meeting"};

// ---- attendance -------------------------------------------------------------------------------

// A member's presence at the meeting asked for.
constexpr Column<Attendance> kAttendanceColumns[] = {
    Member<&Attendance::member_id>("a.member_id"),
    Member<&Attendance::presence, ParsePresence>("a.presence"),
    Member<&Attendance::person_name>("p.name"),
};

}  // namespace

// ---- meetings ---------------------------------------------------------------------------------

core::Result<std::int64_t> SqlMeetingRepository::Insert(const Meeting& meeting) {
  return AddRecord(sql_, kMeetingTable, meeting);
}

core::Status SqlMeetingRepository::Update(const Meeting& meeting) {
  return ChangeRecord(sql_, kMeetingTable, meeting);
}

core::Result<Meeting> SqlMeetingRepository::Find(std::int64_t group_id, std::int64_t id) {
  return FindRecord(sql_, kMeetingTable, id, group_id);
}

core::Result<core::Page<Meeting>> SqlMeetingRepository::List(std::int64_t group_id,
                                                             std::optional<core::Date> from,
                                                             std::optional<core::Date> to,
                                                             const core::PageRequest& page) {
  return Guard("list meetings", [&]() -> core::Result<core::Page<Meeting>> {
    Params params;
    std::string where = " WHERE mt.group_id = ";
    params.Number(where, group_id);
    AddDateRange(where, params, "mt.held_on", from, to);
    return PagedRecords(sql_, page, kMeetingTable, where, params, "mt.held_on DESC, mt.id DESC");
  });
}

core::Status SqlMeetingRepository::ReplaceAttendance(std::int64_t meeting_id,
                                                     const std::vector<Attendance>& attendance) {
  return Guard("record attendance", [&]() -> core::Status {
    long long meeting = meeting_id;
    sql_ << "DELETE FROM attendance WHERE meeting_id = :m", soci::use(meeting);
    for (const auto& one : attendance) {
      long long member = one.member_id;
      std::string presence(ToString(one.presence));
      sql_ << "INSERT INTO attendance (meeting_id, member_id, presence) VALUES (:m, :p, :s)",
          soci::use(meeting), soci::use(member), soci::use(presence);
    }
    return core::OkStatus();
  });
}

core::Result<std::vector<Attendance>> SqlMeetingRepository::AttendanceOf(std::int64_t meeting_id) {
  return Guard("read attendance", [&]() -> core::Result<std::vector<Attendance>> {
    std::vector<Attendance> list;
    long long meeting = meeting_id;
    RowReader<Attendance> row(kAttendanceColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(meeting);
    query.ForEachRow("SELECT " + SelectList<Attendance>(kAttendanceColumns) +
                         " FROM attendance a JOIN memberships m ON m.id = a.member_id "
                         "JOIN people p ON p.id = m.person_id "
                         "WHERE a.meeting_id = :m ORDER BY p.search_name, a.member_id",
                     [&] { list.push_back(row.Get()); });
    return list;
  });
}

core::Result<std::vector<HeldMeeting>> SqlMeetingRepository::Held(std::int64_t group_id,
                                                                  core::Date from, core::Date to) {
  return Guard("count held meetings", [&]() -> core::Result<std::vector<HeldMeeting>> {
    std::vector<HeldMeeting> held;
    long long group = group_id, present = 0, recorded = 0;
    std::string first = from.ToString(), last = to.ToString(), day;
    Query query(sql_);
    query.Into(day).Into(present).Into(recorded).Use(group).Use(first).Use(last);
    query.ForEachRow(
        "SELECT mt.held_on, "
        "COALESCE(SUM(CASE WHEN a.presence = 'present' THEN 1 ELSE 0 END), 0), "
        "COUNT(a.member_id) FROM meetings mt "
        "LEFT JOIN attendance a ON a.meeting_id = mt.id "
        "WHERE mt.group_id = :g AND mt.held_on >= :f AND mt.held_on <= :t "
        "AND mt.status = 'held' GROUP BY mt.id, mt.held_on ORDER BY mt.held_on, mt.id",
        [&] {
          held.push_back({DateFrom(day), present, recorded});
        });
    return held;
  });
}

}  // namespace gotong::storage::internal
