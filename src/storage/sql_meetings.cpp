// The groups context's meeting repository: meetings, their attendance and the held meetings
// SOP compliance counts.

#include "sql_groups.hpp"

#include "sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// ---- meetings ---------------------------------------------------------------------------------

constexpr const char* kMeetingColumns =
    "mt.id, mt.group_id, mt.kind, mt.held_on, mt.status, mt.venue, mt.host_member_id, mt.agenda, "
    "mt.minutes, mt.created_at, mt.updated_at, "
    "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.presence = 'present'), "
    "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.presence = 'excused'), "
    "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.presence = 'absent')";
const RecordTable kMeetingTable{kMeetingColumns, " FROM meetings mt", "mt", "meeting"};

struct MeetingVars {
  long long id = 0, group_id = 0, present = 0, excused = 0, absent = 0;
  std::string kind, held_on, status, created_at, updated_at;
  Slot<std::string> venue, agenda, minutes;
  Slot<long long> host;

  void Bind(Query& query) {
    query.Into(id).Into(group_id).Into(kind).Into(held_on).Into(status)
        .Into(venue.value, venue.indicator).Into(host.value, host.indicator)
        .Into(agenda.value, agenda.indicator).Into(minutes.value, minutes.indicator)
        .Into(created_at).Into(updated_at).Into(present).Into(excused).Into(absent);
  }
  Meeting Get() const {
    Meeting m;
    m.id = id;
    m.group_id = group_id;
    m.kind = Stored("kind", kind, ParseMeetingKind);
    m.held_on = DateFrom(held_on);
    m.status = Stored("status", status, ParseMeetingStatus);
    m.venue = venue.get();
    if (host.has()) m.host_member_id = host.value;
    m.agenda = agenda.get();
    m.minutes = minutes.get();
    m.created_at = InstantFrom(created_at);
    m.updated_at = InstantFrom(updated_at);
    m.present = present;
    m.excused = excused;
    m.absent = absent;
    return m;
  }
};

// The columns a meeting's writes set, in the order MeetingIn binds them.
constexpr std::string_view kMeetingWriteColumns[] = {
    "kind", "held_on", "status", "venue", "host_member_id", "agenda", "minutes", "updated_at"};

struct MeetingIn {
  std::string kind, held_on, status, updated_at;
  In<std::string> venue, agenda, minutes;
  In<long long> host;

  explicit MeetingIn(const Meeting& m)
      : kind(ToString(m.kind)),
        held_on(m.held_on.ToString()),
        status(ToString(m.status)),
        updated_at(Text(m.updated_at)),
        venue(TextIn(m.venue)),
        agenda(TextIn(m.agenda)),
        minutes(TextIn(m.minutes)),
        host(NumberIn(m.host_member_id)) {}

  void Bind(Query& query) {
    query.Use(kind).Use(held_on).Use(status).Use(venue.value, venue.indicator)
        .Use(host.value, host.indicator).Use(agenda.value, agenda.indicator)
        .Use(minutes.value, minutes.indicator).Use(updated_at);
  }
};

}  // namespace

// ---- meetings ---------------------------------------------------------------------------------

core::Result<std::int64_t> SqlMeetingRepository::Insert(const Meeting& meeting) {
  return Guard("insert meeting", [&]() -> core::Result<std::int64_t> {
    MeetingIn in(meeting);
    long long group_id = meeting.group_id;
    std::string created = Text(meeting.created_at);
    return InsertRow(sql_, "meetings", kMeetingWriteColumns, in, {"group_id", "created_at"},
                     [&](Query& query) { query.Use(group_id).Use(created); });
  });
}

core::Status SqlMeetingRepository::Update(const Meeting& meeting) {
  return Guard("update meeting", [&]() -> core::Status {
    MeetingIn in(meeting);
    UpdateRow(sql_, "meetings", kMeetingWriteColumns, in, meeting.id);
    return core::OkStatus();
  });
}

core::Result<Meeting> SqlMeetingRepository::Find(std::int64_t group_id, std::int64_t id) {
  return FindRecord<MeetingVars>(sql_, kMeetingTable, id, group_id);
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
    MeetingVars vars;
    return PagedQuery<Meeting>(sql_, page, kMeetingColumns, " FROM meetings mt" + where, params,
                               "mt.held_on DESC, mt.id DESC", [&](Query& query) { vars.Bind(query); },
                               [&] { return vars.Get(); });
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
    long long meeting = meeting_id, member = 0;
    std::string presence, name;
    Query query(sql_);
    query.Into(member).Into(presence).Into(name).Use(meeting);
    if (query.Run("SELECT a.member_id, a.presence, p.name FROM attendance a "
                  "JOIN memberships m ON m.id = a.member_id JOIN people p ON p.id = m.person_id "
                  "WHERE a.meeting_id = :m ORDER BY p.search_name, a.member_id")) {
      do {
        list.push_back({member, Stored("presence", presence, ParsePresence), name});
      } while (query.Next());
    }
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
    if (query.Run("SELECT mt.held_on, "
                  "COALESCE(SUM(CASE WHEN a.presence = 'present' THEN 1 ELSE 0 END), 0), "
                  "COUNT(a.member_id) FROM meetings mt "
                  "LEFT JOIN attendance a ON a.meeting_id = mt.id "
                  "WHERE mt.group_id = :g AND mt.held_on >= :f AND mt.held_on <= :t "
                  "AND mt.status = 'held' GROUP BY mt.id, mt.held_on ORDER BY mt.held_on, mt.id")) {
      do {
        held.push_back({DateFrom(day), present, recorded});
      } while (query.Next());
    }
    return held;
  });
}

}  // namespace gotong::storage::internal
