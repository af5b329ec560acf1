// The groups context's repositories: groups and members, meetings and attendance,
// deliberations with their options, votes and norms.

#include "sql_groups.hpp"

#include <map>

#include "core/text.hpp"
#include "sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// ---- groups -----------------------------------------------------------------------------------

constexpr const char* kGroupColumns =
    "g.id, g.name, g.kind, g.sector, g.business_centre, g.village_code, g.origin, g.programme_id, "
    "g.legality, g.legality_date, g.status, g.status_since, g.founded_on, "
    "g.sop_meetings_per_month, g.steward_id, g.created_at, g.updated_at, "
    "(SELECT COUNT(*) FROM memberships m WHERE m.group_id = g.id AND m.left_on IS NULL)";

struct GroupVars {
  long long id = 0, active = 0;
  int sop = 1;
  std::string name, kind, sector, village_code, origin, status, status_since, created_at, updated_at;
  Slot<std::string> business_centre, legality, legality_date, founded_on;
  Slot<long long> programme_id, steward_id;

  void Bind(Query& query) {
    query.Into(id).Into(name).Into(kind).Into(sector)
        .Into(business_centre.value, business_centre.indicator).Into(village_code).Into(origin)
        .Into(programme_id.value, programme_id.indicator).Into(legality.value, legality.indicator)
        .Into(legality_date.value, legality_date.indicator).Into(status).Into(status_since)
        .Into(founded_on.value, founded_on.indicator).Into(sop)
        .Into(steward_id.value, steward_id.indicator).Into(created_at).Into(updated_at).Into(active);
  }
  Group Get() const {
    Group g;
    g.id = id;
    g.name = name;
    g.kind = Stored("kind", kind, ParseGroupKind);
    g.sector = Stored("sector", sector, domain::registry::ParseSector);
    g.business_centre = business_centre.get();
    g.village_code = village_code;
    g.origin = Stored("origin", origin, ParseOrigin);
    if (programme_id.has()) g.programme_id = programme_id.value;
    g.legality = legality.get();
    g.legality_date = OptionalDate(legality_date);
    g.status = Stored("status", status, ParseGroupStatus);
    g.status_since = DateFrom(status_since);
    g.founded_on = OptionalDate(founded_on);
    g.sop_meetings_per_month = sop;
    if (steward_id.has()) g.steward_id = steward_id.value;
    g.created_at = InstantFrom(created_at);
    g.updated_at = InstantFrom(updated_at);
    g.active_members = active;
    return g;
  }
};

// The values of a group's columns, in kGroupWriteColumns order, kept alive while bound.
struct GroupIn {
  std::string name, search_name, kind, sector, village_code, origin, status, status_since;
  In<std::string> business_centre, legality, legality_date, founded_on;
  In<long long> programme_id, steward_id;
  int sop = 1;
  std::string updated_at;

  explicit GroupIn(const Group& g)
      : name(g.name),
        search_name(core::AsciiLower(g.name)),
        kind(ToString(g.kind)),
        sector(domain::registry::ToString(g.sector)),
        village_code(g.village_code),
        origin(ToString(g.origin)),
        status(ToString(g.status)),
        status_since(g.status_since.ToString()),
        business_centre(TextIn(g.business_centre)),
        legality(TextIn(g.legality)),
        legality_date(DateIn(g.legality_date)),
        founded_on(DateIn(g.founded_on)),
        programme_id(NumberIn(g.programme_id)),
        steward_id(NumberIn(g.steward_id)),
        sop(g.sop_meetings_per_month),
        updated_at(Text(g.updated_at)) {}

  void Bind(Query& query) {
    query.Use(name).Use(search_name).Use(kind).Use(sector)
        .Use(business_centre.value, business_centre.indicator).Use(village_code).Use(origin)
        .Use(programme_id.value, programme_id.indicator).Use(legality.value, legality.indicator)
        .Use(legality_date.value, legality_date.indicator).Use(status).Use(status_since)
        .Use(founded_on.value, founded_on.indicator).Use(sop)
        .Use(steward_id.value, steward_id.indicator).Use(updated_at);
  }
};

// " WHERE …" selecting the groups of `filter` (table alias g).
std::string GroupWhere(const GroupFilter& filter, Params& params) {
  std::string where = " WHERE 1 = 1";
  if (filter.region) {
    where += " AND (g.village_code = ";
    params.Text(where, *filter.region);
    where += " OR g.village_code LIKE ";
    params.Text(where, EscapeLike(*filter.region) + ".%");
    where += " ESCAPE '\\')";
  }
  if (filter.kind) {
    where += " AND g.kind = ";
    params.Text(where, std::string(ToString(*filter.kind)));
  }
  if (filter.status) {
    where += " AND g.status = ";
    params.Text(where, std::string(ToString(*filter.status)));
  }
  if (!filter.include_dissolved) where += " AND g.status <> 'dissolved'";
  if (filter.q) {
    where += " AND g.search_name LIKE ";
    params.Text(where, "%" + EscapeLike(*filter.q) + "%");
    where += " ESCAPE '\\'";
  }
  if (filter.steward_id) {
    where += " AND g.steward_id = ";
    params.Number(where, *filter.steward_id);
  }
  if (filter.programme_id) {
    where += " AND g.programme_id = ";
    params.Number(where, *filter.programme_id);
  }
  if (filter.group_id) {
    where += " AND g.id = ";
    params.Number(where, *filter.group_id);
  }
  return where;
}

// ---- members ----------------------------------------------------------------------------------

constexpr const char* kMemberColumns =
    "m.id, m.group_id, m.person_id, p.name, m.enterprise_id, COALESCE(e.name, ''), m.role, "
    "m.mentor, m.local_hero, m.joined_on, m.left_on, m.user_id, m.created_at, m.updated_at";
constexpr const char* kMemberFrom =
    " FROM memberships m JOIN people p ON p.id = m.person_id "
    "LEFT JOIN enterprises e ON e.id = m.enterprise_id";

struct MemberVars {
  long long id = 0, group_id = 0, person_id = 0;
  int mentor = 0, local_hero = 0;
  std::string person_name, enterprise_name, role, joined_on, created_at, updated_at;
  Slot<long long> enterprise_id, user_id;
  Slot<std::string> left_on;

  void Bind(Query& query) {
    query.Into(id).Into(group_id).Into(person_id).Into(person_name)
        .Into(enterprise_id.value, enterprise_id.indicator).Into(enterprise_name).Into(role)
        .Into(mentor).Into(local_hero).Into(joined_on).Into(left_on.value, left_on.indicator)
        .Into(user_id.value, user_id.indicator).Into(created_at).Into(updated_at);
  }
  Membership Get() const {
    Membership m;
    m.id = id;
    m.group_id = group_id;
    m.person_id = person_id;
    m.person_name = person_name;
    if (enterprise_id.has()) m.enterprise_id = enterprise_id.value;
    m.enterprise_name = enterprise_name;
    m.role = Stored("role", role, ParseMemberRole);
    m.mentor = mentor != 0;
    m.local_hero = local_hero != 0;
    m.joined_on = DateFrom(joined_on);
    m.left_on = OptionalDate(left_on);
    if (user_id.has()) m.user_id = user_id.value;
    m.created_at = InstantFrom(created_at);
    m.updated_at = InstantFrom(updated_at);
    return m;
  }
};

constexpr const char* kMemberOrder =
    " ORDER BY CASE WHEN m.left_on IS NULL THEN 0 ELSE 1 END, "
    "CASE m.role WHEN 'leader' THEN 1 WHEN 'secretary' THEN 2 WHEN 'treasurer' THEN 3 ELSE 4 END, "
    "p.search_name, m.id";

struct MemberIn {
  long long person_id = 0;
  In<long long> enterprise_id, user_id;
  std::string role, joined_on, updated_at;
  In<std::string> left_on;
  int mentor = 0, local_hero = 0;

  explicit MemberIn(const Membership& m)
      : person_id(m.person_id),
        enterprise_id(NumberIn(m.enterprise_id)),
        user_id(NumberIn(m.user_id)),
        role(ToString(m.role)),
        joined_on(m.joined_on.ToString()),
        updated_at(Text(m.updated_at)),
        left_on(DateIn(m.left_on)),
        mentor(m.mentor ? 1 : 0),
        local_hero(m.local_hero ? 1 : 0) {}

  void Bind(Query& query) {
    query.Use(person_id).Use(enterprise_id.value, enterprise_id.indicator).Use(role).Use(mentor)
        .Use(local_hero).Use(joined_on).Use(left_on.value, left_on.indicator)
        .Use(user_id.value, user_id.indicator).Use(updated_at);
  }
};

core::Error MemberTaken(const soci::soci_error& error) {
  // The message quotes the statement too, so look for the constraint's own name (PostgreSQL) or
  // columns (SQLite).
  std::string message = error.what();
  if (message.find("memberships_group_id_user_id_key") != std::string::npos ||
      message.find("memberships.group_id, memberships.user_id") != std::string::npos) {
    return core::Error::Exists("user_id", "this account already acts as another member of the group");
  }
  return core::Error::Exists("person_id", "this person is already a member of the group");
}

// ---- meetings ---------------------------------------------------------------------------------

constexpr const char* kMeetingColumns =
    "mt.id, mt.group_id, mt.kind, mt.held_on, mt.status, mt.venue, mt.host_member_id, mt.agenda, "
    "mt.minutes, mt.created_at, mt.updated_at, "
    "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.presence = 'present'), "
    "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.presence = 'excused'), "
    "(SELECT COUNT(*) FROM attendance a WHERE a.meeting_id = mt.id AND a.presence = 'absent')";

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

// ---- deliberations ----------------------------------------------------------------------------

constexpr const char* kDeliberationColumns =
    "d.id, d.group_id, d.meeting_id, d.title, d.description, d.topic, d.method, d.decided, "
    "d.outcome, d.option_id, d.decided_on, d.note, d.created_at, d.updated_at, "
    "(SELECT COUNT(*) FROM votes v WHERE v.deliberation_id = d.id AND v.option_id IS NULL)";

struct DeliberationVars {
  long long id = 0, group_id = 0, against = 0;
  int decided = 0;
  std::string title, topic, method, created_at, updated_at;
  Slot<long long> meeting_id, option_id;
  Slot<std::string> description, outcome, decided_on, note;

  void Bind(Query& query) {
    query.Into(id).Into(group_id).Into(meeting_id.value, meeting_id.indicator).Into(title)
        .Into(description.value, description.indicator).Into(topic).Into(method).Into(decided)
        .Into(outcome.value, outcome.indicator).Into(option_id.value, option_id.indicator)
        .Into(decided_on.value, decided_on.indicator).Into(note.value, note.indicator)
        .Into(created_at).Into(updated_at).Into(against);
  }
  Deliberation Get() const {
    Deliberation d;
    d.id = id;
    d.group_id = group_id;
    if (meeting_id.has()) d.meeting_id = meeting_id.value;
    d.title = title;
    d.description = description.get();
    d.topic = Stored("topic", topic, ParseTopic);
    d.method = Stored("method", method, ParseDecisionMethod);
    d.decided = decided != 0;
    if (outcome.has()) d.outcome = ParseOutcome(outcome.value);
    if (option_id.has()) d.option_id = option_id.value;
    d.decided_on = OptionalDate(decided_on);
    d.note = note.get();
    d.created_at = InstantFrom(created_at);
    d.updated_at = InstantFrom(updated_at);
    d.votes_against = against;
    return d;
  }
};

}  // namespace

// ---- groups -----------------------------------------------------------------------------------

core::Result<std::int64_t> SqlGroupRepository::Insert(const Group& group) {
  return Guard("insert group", [&]() -> core::Result<std::int64_t> {
    GroupIn in(group);
    std::string created = Text(group.created_at);
    long long id = 0;
    Query query(sql_);
    in.Bind(query);
    query.Use(created).Into(id);
    query.Run("INSERT INTO groups (name, search_name, kind, sector, business_centre, village_code, "
              "origin, programme_id, legality, legality_date, status, status_since, founded_on, "
              "sop_meetings_per_month, steward_id, updated_at, created_at) VALUES (:a, :b, :c, :d, "
              ":e, :f, :g, :h, :i, :j, :k, :l, :m, :n, :o, :p, :q) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Status SqlGroupRepository::Update(const Group& group) {
  return Guard("update group", [&]() -> core::Status {
    GroupIn in(group);
    long long id = group.id;
    Query query(sql_);
    in.Bind(query);
    query.Use(id);
    query.Run("UPDATE groups SET name = :a, search_name = :b, kind = :c, sector = :d, "
              "business_centre = :e, village_code = :f, origin = :g, programme_id = :h, "
              "legality = :i, legality_date = :j, status = :k, status_since = :l, founded_on = :m, "
              "sop_meetings_per_month = :n, steward_id = :o, updated_at = :p WHERE id = :q");
    return core::OkStatus();
  });
}

core::Result<Group> SqlGroupRepository::Find(std::int64_t id) {
  return Guard("find group", [&]() -> core::Result<Group> {
    GroupVars vars;
    long long key = id;
    Query query(sql_);
    vars.Bind(query);
    query.Use(key);
    if (!query.Run(std::string("SELECT ") + kGroupColumns + " FROM groups g WHERE g.id = :id")) {
      return core::Error::NotFound("no group with id " + std::to_string(id));
    }
    return vars.Get();
  });
}

core::Result<core::Page<Group>> SqlGroupRepository::List(const GroupFilter& filter,
                                                         const core::PageRequest& page) {
  return Guard("list groups", [&]() -> core::Result<core::Page<Group>> {
    Params params;
    std::string where = GroupWhere(filter, params);
    GroupVars vars;
    return PagedQuery<Group>(sql_, page, kGroupColumns, " FROM groups g" + where, params,
                             "g.search_name, g.id", [&](Query& query) { vars.Bind(query); },
                             [&] { return vars.Get(); });
  });
}

core::Result<ComplianceTable> SqlGroupRepository::Compliance(const GroupFilter& filter, core::Date from,
                                                             core::Date to, int months,
                                                             ComplianceSort sort,
                                                             const core::PageRequest& page) {
  return Guard("compliance table", [&]() -> core::Result<ComplianceTable> {
    // Held meetings per group in the range, read from meetings_day (day, status, group) alone.
    Params params;
    std::string held =
        "SELECT mt.group_id, COUNT(*) AS held FROM meetings mt WHERE mt.status = 'held' "
        "AND mt.held_on >= ";
    params.Text(held, from.ToString());
    held += " AND mt.held_on <= ";
    params.Text(held, to.ToString());
    held += " GROUP BY mt.group_id";
    std::string where = GroupWhere(filter, params);
    std::string base = " FROM groups g LEFT JOIN (" + held + ") h ON h.group_id = g.id" + where;
    // A group's share of its SOP, as an integer percent × 100 for ordering and banding.
    std::string share = "(COALESCE(h.held, 0) * 10000 / (g.sop_meetings_per_month * " +
                        std::to_string(months) + "))";
    // One pass: the page's rows carry the totals and bands of every matching group as window
    // aggregates (computed before LIMIT); only a page past the end needs a second query.
    std::string bands =
        "COUNT(*) OVER (), "
        "SUM(CASE WHEN " + share + " >= 10000 THEN 1 ELSE 0 END) OVER (), "
        "SUM(CASE WHEN " + share + " >= 5000 AND " + share + " < 10000 THEN 1 ELSE 0 END) OVER (), "
        "SUM(CASE WHEN " + share + " > 0 AND " + share + " < 5000 THEN 1 ELSE 0 END) OVER (), "
        "SUM(CASE WHEN COALESCE(h.held, 0) = 0 THEN 1 ELSE 0 END) OVER ()";
    std::string order = " ORDER BY " + share + ", g.search_name, g.id";
    if (sort == ComplianceSort::kPercentDesc) order = " ORDER BY " + share + " DESC, g.search_name, g.id";
    if (sort == ComplianceSort::kName) order = " ORDER BY g.search_name, g.id";
    ComplianceTable table;
    long long id = 0, held_count = 0, limit = page.limit, offset = page.offset;
    long long total = 0, met = 0, partial = 0, low = 0, none = 0;
    int sop = 1;
    std::string name, village, status;
    {
      Query query(sql_);
      query.Into(id).Into(name).Into(village).Into(status).Into(sop).Into(held_count)
          .Into(total).Into(met).Into(partial).Into(low).Into(none);
      params.BindTo(query);
      query.Use(limit).Use(offset);
      if (query.Run("SELECT g.id, g.name, g.village_code, g.status, g.sop_meetings_per_month, "
                    "COALESCE(h.held, 0), " + bands + base + order + " LIMIT :l OFFSET :o")) {
        do {
          ComplianceRow row;
          row.group_id = id;
          row.name = name;
          row.village_code = village;
          row.status = Stored("status", status, ParseGroupStatus);
          row.sop_meetings_per_month = sop;
          row.held = held_count;
          row.required = static_cast<std::int64_t>(sop) * months;
          table.rows.push_back(std::move(row));
        } while (query.Next());
        table.total = total;
        table.bands = {met, partial, low, none};
        return table;
      }
    }
    Query query(sql_);
    query.Into(total).Into(met).Into(partial).Into(low).Into(none);
    params.BindTo(query);
    query.Run("SELECT COUNT(*), "
              "COALESCE(SUM(CASE WHEN " + share + " >= 10000 THEN 1 ELSE 0 END), 0), "
              "COALESCE(SUM(CASE WHEN " + share + " >= 5000 AND " + share + " < 10000 THEN 1 ELSE 0 END), 0), "
              "COALESCE(SUM(CASE WHEN " + share + " > 0 AND " + share + " < 5000 THEN 1 ELSE 0 END), 0), "
              "COALESCE(SUM(CASE WHEN COALESCE(h.held, 0) = 0 THEN 1 ELSE 0 END), 0)" + base);
    table.total = total;
    table.bands = {met, partial, low, none};
    return table;
  });
}

core::Result<std::int64_t> SqlGroupRepository::InsertMember(const Membership& membership) {
  return Guard("insert member", [&]() -> core::Result<std::int64_t> {
    try {
      MemberIn in(membership);
      long long group_id = membership.group_id;
      std::string created = Text(membership.created_at);
      long long id = 0;
      Query query(sql_);
      in.Bind(query);
      query.Use(group_id).Use(created).Into(id);
      query.Run("INSERT INTO memberships (person_id, enterprise_id, role, mentor, local_hero, "
                "joined_on, left_on, user_id, updated_at, group_id, created_at) VALUES (:a, :b, "
                ":c, :d, :e, :f, :g, :h, :i, :j, :k) RETURNING id");
      return static_cast<std::int64_t>(id);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return MemberTaken(error);
      throw;
    }
  });
}

core::Status SqlGroupRepository::UpdateMember(const Membership& membership) {
  return Guard("update member", [&]() -> core::Status {
    try {
      MemberIn in(membership);
      long long id = membership.id;
      Query query(sql_);
      in.Bind(query);
      query.Use(id);
      query.Run("UPDATE memberships SET person_id = :a, enterprise_id = :b, role = :c, mentor = :d, "
                "local_hero = :e, joined_on = :f, left_on = :g, user_id = :h, updated_at = :i "
                "WHERE id = :j");
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return MemberTaken(error);
      throw;
    }
  });
}

core::Result<Membership> SqlGroupRepository::FindMember(std::int64_t group_id,
                                                        std::int64_t member_id) {
  return Guard("find member", [&]() -> core::Result<Membership> {
    MemberVars vars;
    long long group = group_id, id = member_id;
    Query query(sql_);
    vars.Bind(query);
    query.Use(id).Use(group);
    if (!query.Run(std::string("SELECT ") + kMemberColumns + kMemberFrom +
                   " WHERE m.id = :id AND m.group_id = :g")) {
      return core::Error::NotFound("no member " + std::to_string(member_id) + " in this group");
    }
    return vars.Get();
  });
}

core::Result<core::Page<Membership>> SqlGroupRepository::ListMembers(
    std::int64_t group_id, bool include_left, const core::PageRequest& page) {
  return Guard("list members", [&]() -> core::Result<core::Page<Membership>> {
    std::string where = " WHERE m.group_id = :g";
    if (!include_left) where += " AND m.left_on IS NULL";
    long long group = group_id;
    core::Page<Membership> result{{}, 0, page.limit, page.offset};
    long long total = 0;
    {
      Query count(sql_);
      count.Into(total).Use(group);
      count.Run("SELECT COUNT(*) FROM memberships m" + where);
    }
    result.total = total;
    MemberVars vars;
    long long limit = page.limit, offset = page.offset;
    Query query(sql_);
    vars.Bind(query);
    query.Use(group).Use(limit).Use(offset);
    if (query.Run(std::string("SELECT ") + kMemberColumns + kMemberFrom + where + kMemberOrder +
                  " LIMIT :l OFFSET :o")) {
      do {
        result.items.push_back(vars.Get());
      } while (query.Next());
    }
    return result;
  });
}

core::Result<std::vector<Membership>> SqlGroupRepository::FindMembers(
    std::int64_t group_id, const std::vector<std::int64_t>& ids) {
  return Guard("find members", [&]() -> core::Result<std::vector<Membership>> {
    std::vector<Membership> found;
    if (ids.empty()) return found;
    Params params;
    std::string where = " WHERE m.group_id = ";
    params.Number(where, group_id);
    where += " AND m.id IN " + IdList(params, ids);
    MemberVars vars;
    Query query(sql_);
    vars.Bind(query);
    params.BindTo(query);
    if (query.Run(std::string("SELECT ") + kMemberColumns + kMemberFrom + where + kMemberOrder)) {
      do {
        found.push_back(vars.Get());
      } while (query.Next());
    }
    return found;
  });
}

core::Result<std::optional<Membership>> SqlGroupRepository::OfficeHolder(std::int64_t group_id,
                                                                         MemberRole role) {
  return Guard("find office holder", [&]() -> core::Result<std::optional<Membership>> {
    MemberVars vars;
    long long group = group_id;
    std::string word(ToString(role));
    Query query(sql_);
    vars.Bind(query);
    query.Use(group).Use(word);
    if (!query.Run(std::string("SELECT ") + kMemberColumns + kMemberFrom +
                   " WHERE m.group_id = :g AND m.role = :r AND m.left_on IS NULL" + kMemberOrder)) {
      return std::optional<Membership>{};
    }
    return std::optional<Membership>{vars.Get()};
  });
}

core::Result<std::optional<Membership>> SqlGroupRepository::MemberOfUser(std::int64_t group_id,
                                                                         std::int64_t user_id) {
  return Guard("find member of user", [&]() -> core::Result<std::optional<Membership>> {
    MemberVars vars;
    long long group = group_id, user = user_id;
    Query query(sql_);
    vars.Bind(query);
    query.Use(group).Use(user);
    if (!query.Run(std::string("SELECT ") + kMemberColumns + kMemberFrom +
                   " WHERE m.group_id = :g AND m.user_id = :u")) {
      return std::optional<Membership>{};
    }
    return std::optional<Membership>{vars.Get()};
  });
}

// ---- meetings ---------------------------------------------------------------------------------

core::Result<std::int64_t> SqlMeetingRepository::Insert(const Meeting& meeting) {
  return Guard("insert meeting", [&]() -> core::Result<std::int64_t> {
    MeetingIn in(meeting);
    long long group_id = meeting.group_id;
    std::string created = Text(meeting.created_at);
    long long id = 0;
    Query query(sql_);
    in.Bind(query);
    query.Use(group_id).Use(created).Into(id);
    query.Run("INSERT INTO meetings (kind, held_on, status, venue, host_member_id, agenda, minutes, "
              "updated_at, group_id, created_at) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, :j) "
              "RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Status SqlMeetingRepository::Update(const Meeting& meeting) {
  return Guard("update meeting", [&]() -> core::Status {
    MeetingIn in(meeting);
    long long id = meeting.id;
    Query query(sql_);
    in.Bind(query);
    query.Use(id);
    query.Run("UPDATE meetings SET kind = :a, held_on = :b, status = :c, venue = :d, "
              "host_member_id = :e, agenda = :f, minutes = :g, updated_at = :h WHERE id = :i");
    return core::OkStatus();
  });
}

core::Result<Meeting> SqlMeetingRepository::Find(std::int64_t group_id, std::int64_t id) {
  return Guard("find meeting", [&]() -> core::Result<Meeting> {
    MeetingVars vars;
    long long group = group_id, key = id;
    Query query(sql_);
    vars.Bind(query);
    query.Use(key).Use(group);
    if (!query.Run(std::string("SELECT ") + kMeetingColumns +
                   " FROM meetings mt WHERE mt.id = :id AND mt.group_id = :g")) {
      return core::Error::NotFound("no meeting " + std::to_string(id) + " in this group");
    }
    return vars.Get();
  });
}

core::Result<core::Page<Meeting>> SqlMeetingRepository::List(std::int64_t group_id,
                                                             std::optional<core::Date> from,
                                                             std::optional<core::Date> to,
                                                             const core::PageRequest& page) {
  return Guard("list meetings", [&]() -> core::Result<core::Page<Meeting>> {
    Params params;
    std::string where = " WHERE mt.group_id = ";
    params.Number(where, group_id);
    if (from) {
      where += " AND mt.held_on >= ";
      params.Text(where, from->ToString());
    }
    if (to) {
      where += " AND mt.held_on <= ";
      params.Text(where, to->ToString());
    }
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

// ---- deliberations ----------------------------------------------------------------------------

core::Result<Deliberation> SqlDeliberationRepository::Insert(const Deliberation& deliberation) {
  return Guard("insert deliberation", [&]() -> core::Result<Deliberation> {
    Deliberation saved = deliberation;
    long long group = deliberation.group_id, id = 0;
    auto meeting = NumberIn(deliberation.meeting_id);
    auto description = TextIn(deliberation.description);
    std::string topic(ToString(deliberation.topic)), method(ToString(deliberation.method));
    std::string created = Text(deliberation.created_at), updated = Text(deliberation.updated_at);
    {
      Query query(sql_);
      query.Use(group).Use(meeting.value, meeting.indicator).Use(deliberation.title)
          .Use(description.value, description.indicator).Use(topic).Use(method).Use(created)
          .Use(updated).Into(id);
      query.Run("INSERT INTO deliberations (group_id, meeting_id, title, description, topic, method, "
                "decided, created_at, updated_at) VALUES (:a, :b, :c, :d, :e, :f, 0, :g, :h) "
                "RETURNING id");
    }
    saved.id = id;
    int position = 0;
    for (auto& option : saved.options) {
      long long option_id = 0;
      ++position;
      Query query(sql_);
      query.Use(id).Use(position).Use(option.label).Into(option_id);
      query.Run("INSERT INTO deliberation_options (deliberation_id, position, label) "
                "VALUES (:d, :p, :l) RETURNING id");
      option.id = option_id;
      option.votes = 0;
    }
    return saved;
  });
}

core::Status SqlDeliberationRepository::Update(const Deliberation& deliberation) {
  return Guard("update deliberation", [&]() -> core::Status {
    int decided = deliberation.decided ? 1 : 0;
    auto outcome = TextIn(deliberation.outcome ? std::optional<std::string>(std::string(
                                                     ToString(*deliberation.outcome)))
                                               : std::nullopt);
    auto option = NumberIn(deliberation.option_id);
    auto decided_on = DateIn(deliberation.decided_on);
    auto note = TextIn(deliberation.note);
    std::string updated = Text(deliberation.updated_at);
    long long id = deliberation.id;
    Query query(sql_);
    query.Use(decided).Use(outcome.value, outcome.indicator).Use(option.value, option.indicator)
        .Use(decided_on.value, decided_on.indicator).Use(note.value, note.indicator).Use(updated)
        .Use(id);
    query.Run("UPDATE deliberations SET decided = :a, outcome = :b, option_id = :c, "
              "decided_on = :d, note = :e, updated_at = :f WHERE id = :g");
    return core::OkStatus();
  });
}

core::Status SqlDeliberationRepository::LoadOptions(std::vector<Deliberation>& deliberations) {
  if (deliberations.empty()) return core::OkStatus();
  std::map<std::int64_t, Deliberation*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& d : deliberations) {
    by_id[d.id] = &d;
    ids.push_back(d.id);
  }
  Params params;
  std::string sql =
      "SELECT o.deliberation_id, o.id, o.label, (SELECT COUNT(*) FROM votes v "
      "WHERE v.deliberation_id = o.deliberation_id AND v.option_id = o.id) "
      "FROM deliberation_options o WHERE o.deliberation_id IN " +
      IdList(params, ids) + " ORDER BY o.deliberation_id, o.position";
  long long deliberation_id = 0, option_id = 0, votes = 0;
  std::string label;
  Query query(sql_);
  query.Into(deliberation_id).Into(option_id).Into(label).Into(votes);
  params.BindTo(query);
  if (query.Run(sql)) {
    do {
      by_id.at(deliberation_id)->options.push_back({option_id, label, votes});
    } while (query.Next());
  }
  return core::OkStatus();
}

core::Result<Deliberation> SqlDeliberationRepository::Find(std::int64_t group_id, std::int64_t id) {
  return Guard("find deliberation", [&]() -> core::Result<Deliberation> {
    DeliberationVars vars;
    long long group = group_id, key = id;
    std::vector<Deliberation> found;
    {
      Query query(sql_);
      vars.Bind(query);
      query.Use(key).Use(group);
      if (!query.Run(std::string("SELECT ") + kDeliberationColumns +
                     " FROM deliberations d WHERE d.id = :id AND d.group_id = :g")) {
        return core::Error::NotFound("no deliberation " + std::to_string(id) + " in this group");
      }
      found.push_back(vars.Get());
    }
    GOTONG_RETURN_IF_ERROR(LoadOptions(found));
    return std::move(found.front());
  });
}

core::Result<core::Page<Deliberation>> SqlDeliberationRepository::List(
    std::int64_t group_id, const core::PageRequest& page) {
  return Guard("list deliberations", [&]() -> core::Result<core::Page<Deliberation>> {
    long long group = group_id;
    core::Page<Deliberation> result{{}, 0, page.limit, page.offset};
    long long total = 0;
    {
      Query count(sql_);
      count.Into(total).Use(group);
      count.Run("SELECT COUNT(*) FROM deliberations d WHERE d.group_id = :g");
    }
    result.total = total;
    {
      DeliberationVars vars;
      long long limit = page.limit, offset = page.offset;
      Query query(sql_);
      vars.Bind(query);
      query.Use(group).Use(limit).Use(offset);
      if (query.Run(std::string("SELECT ") + kDeliberationColumns +
                    " FROM deliberations d WHERE d.group_id = :g ORDER BY d.id DESC "
                    "LIMIT :l OFFSET :o")) {
        do {
          result.items.push_back(vars.Get());
        } while (query.Next());
      }
    }
    GOTONG_RETURN_IF_ERROR(LoadOptions(result.items));
    return result;
  });
}

core::Status SqlDeliberationRepository::InsertVote(std::int64_t deliberation_id, const Vote& vote,
                                                   core::Instant at) {
  return Guard("record vote", [&]() -> core::Status {
    try {
      long long deliberation = deliberation_id, member = vote.member_id;
      auto option = NumberIn(vote.option_id);
      std::string cast = Text(at);
      Query query(sql_);
      query.Use(deliberation).Use(member).Use(option.value, option.indicator).Use(cast);
      query.Run("INSERT INTO votes (deliberation_id, member_id, option_id, cast_at) "
                "VALUES (:d, :m, :o, :c)");
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("member_id", "this member has already voted on this proposal");
      }
      throw;
    }
  });
}

core::Result<std::vector<Vote>> SqlDeliberationRepository::Votes(std::int64_t deliberation_id) {
  return Guard("read votes", [&]() -> core::Result<std::vector<Vote>> {
    std::vector<Vote> votes;
    long long deliberation = deliberation_id, member = 0;
    Slot<long long> option;
    std::string name;
    Query query(sql_);
    query.Into(member).Into(option.value, option.indicator).Into(name).Use(deliberation);
    if (query.Run("SELECT v.member_id, v.option_id, p.name FROM votes v "
                  "JOIN memberships m ON m.id = v.member_id JOIN people p ON p.id = m.person_id "
                  "WHERE v.deliberation_id = :d ORDER BY p.search_name, v.member_id")) {
      do {
        Vote vote;
        vote.member_id = member;
        if (option.has()) vote.option_id = option.value;
        vote.person_name = name;
        votes.push_back(std::move(vote));
      } while (query.Next());
    }
    return votes;
  });
}

core::Result<bool> SqlDeliberationRepository::DeleteVote(std::int64_t deliberation_id,
                                                         std::int64_t member_id) {
  return Guard("withdraw vote", [&]() -> core::Result<bool> {
    long long deliberation = deliberation_id, member = member_id;
    Query query(sql_);
    query.Use(deliberation).Use(member);
    query.Run("DELETE FROM votes WHERE deliberation_id = :d AND member_id = :m");
    return query.AffectedRows() > 0;
  });
}

core::Result<std::int64_t> SqlDeliberationRepository::InsertNorm(const Norm& norm) {
  return Guard("insert norm", [&]() -> core::Result<std::int64_t> {
    long long group = norm.group_id, deliberation = norm.deliberation_id, id = 0;
    std::string topic(ToString(norm.topic)), adopted = norm.adopted_on.ToString();
    std::string created = Text(norm.created_at);
    Query query(sql_);
    query.Use(group).Use(deliberation).Use(topic).Use(norm.text).Use(adopted).Use(created).Into(id);
    query.Run("INSERT INTO norms (group_id, deliberation_id, topic, text, adopted_on, created_at) "
              "VALUES (:a, :b, :c, :d, :e, :f) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<Norm>> SqlDeliberationRepository::Norms(std::int64_t group_id) {
  return Guard("list norms", [&]() -> core::Result<std::vector<Norm>> {
    std::vector<Norm> norms;
    long long group = group_id, id = 0, deliberation = 0;
    std::string topic, text, adopted, created;
    Query query(sql_);
    query.Into(id).Into(deliberation).Into(topic).Into(text).Into(adopted).Into(created).Use(group);
    if (query.Run("SELECT n.id, n.deliberation_id, n.topic, n.text, n.adopted_on, n.created_at "
                  "FROM norms n WHERE n.group_id = :g ORDER BY n.id")) {
      do {
        Norm norm;
        norm.id = id;
        norm.group_id = group_id;
        norm.deliberation_id = deliberation;
        norm.topic = Stored("topic", topic, ParseTopic);
        norm.text = text;
        norm.adopted_on = DateFrom(adopted);
        norm.created_at = InstantFrom(created);
        norms.push_back(std::move(norm));
      } while (query.Next());
    }
    return norms;
  });
}

}  // namespace gotong::storage::internal
