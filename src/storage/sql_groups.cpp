// The groups context's group repository: groups, their members and SOP compliance.

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
const RecordTable kGroupTable{kGroupColumns, " FROM groups g", "g", "group"};

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

// The columns a group's writes set, in the order GroupIn binds them.
constexpr std::string_view kGroupWriteColumns[] = {
    "name", "search_name", "kind", "sector", "business_centre", "village_code", "origin",
    "programme_id", "legality", "legality_date", "status", "status_since", "founded_on",
    "sop_meetings_per_month", "steward_id", "updated_at"};

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
  if (filter.programme_id) AddProgrammeGroups(where, params, "g.id", *filter.programme_id);
  if (filter.group_id) {
    where += " AND g.id = ";
    params.Number(where, *filter.group_id);
  }
  return where;
}

// ---- members ----------------------------------------------------------------------------------

constexpr const char* kMemberColumns =
    "m.id, m.group_id, m.person_id, p.name, m.enterprise_id, COALESCE(e.name, ''), m.role, "
    "m.mentor, m.local_hero, m.joined_on, m.left_on, m.user_id, m.created_at, m.updated_at, "
    "m.joined_precision, p.birth_year, p.occupation";
const std::string kMemberFrom =
    " FROM memberships m JOIN people p ON p.id = m.person_id "
    "LEFT JOIN enterprises e ON e.id = m.enterprise_id";
const RecordTable kMemberTable{kMemberColumns, kMemberFrom, "m", "member"};

struct MemberVars {
  long long id = 0, group_id = 0, person_id = 0;
  int mentor = 0, local_hero = 0;
  std::string person_name, enterprise_name, role, joined_on, created_at, updated_at, precision;
  Slot<long long> enterprise_id, user_id;
  Slot<std::string> left_on, occupation;
  Slot<long long> birth_year;

  void Bind(Query& query) {
    query.Into(id).Into(group_id).Into(person_id).Into(person_name)
        .Into(enterprise_id.value, enterprise_id.indicator).Into(enterprise_name).Into(role)
        .Into(mentor).Into(local_hero).Into(joined_on).Into(left_on.value, left_on.indicator)
        .Into(user_id.value, user_id.indicator).Into(created_at).Into(updated_at).Into(precision)
        .Into(birth_year.value, birth_year.indicator).Into(occupation.value, occupation.indicator);
  }
  Membership Get() const {
    Membership m;
    m.id = id;
    m.group_id = group_id;
    m.person_id = person_id;
    m.person_name = person_name;
    if (birth_year.has()) m.person_birth_year = static_cast<int>(birth_year.value);
    if (occupation.has()) m.person_occupation = occupation.value;
    if (enterprise_id.has()) m.enterprise_id = enterprise_id.value;
    m.enterprise_name = enterprise_name;
    m.role = Stored("role", role, ParseMemberRole);
    m.mentor = mentor != 0;
    m.local_hero = local_hero != 0;
    m.joined_on = DateFrom(joined_on);
    m.joined_precision = Stored("joined_precision", precision, ParseDatePrecision);
    m.left_on = OptionalDate(left_on);
    if (user_id.has()) m.user_id = user_id.value;
    m.created_at = InstantFrom(created_at);
    m.updated_at = InstantFrom(updated_at);
    return m;
  }
};

// Active members first, the officers in their order, then by name.
const std::string kMemberOrderBy =
    "CASE WHEN m.left_on IS NULL THEN 0 ELSE 1 END, "
    "CASE m.role WHEN 'leader' THEN 1 WHEN 'secretary' THEN 2 WHEN 'treasurer' THEN 3 ELSE 4 END, "
    "p.search_name, m.id";
const std::string kMemberOrder = " ORDER BY " + kMemberOrderBy;

// The columns a membership's writes set, in the order MemberIn binds them.
constexpr std::string_view kMemberWriteColumns[] = {
    "person_id", "enterprise_id", "role", "mentor", "local_hero", "joined_on", "left_on", "user_id",
    "joined_precision", "updated_at"};

struct MemberIn {
  long long person_id = 0;
  In<long long> enterprise_id, user_id;
  std::string role, joined_on, precision, updated_at;
  In<std::string> left_on;
  int mentor = 0, local_hero = 0;

  explicit MemberIn(const Membership& m)
      : person_id(m.person_id),
        enterprise_id(NumberIn(m.enterprise_id)),
        user_id(NumberIn(m.user_id)),
        role(ToString(m.role)),
        joined_on(m.joined_on.ToString()),
        precision(ToString(m.joined_precision)),
        updated_at(Text(m.updated_at)),
        left_on(DateIn(m.left_on)),
        mentor(m.mentor ? 1 : 0),
        local_hero(m.local_hero ? 1 : 0) {}

  void Bind(Query& query) {
    query.Use(person_id).Use(enterprise_id.value, enterprise_id.indicator).Use(role).Use(mentor)
        .Use(local_hero).Use(joined_on).Use(left_on.value, left_on.indicator)
        .Use(user_id.value, user_id.indicator).Use(precision).Use(updated_at);
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

}  // namespace

// ---- groups -----------------------------------------------------------------------------------

core::Result<std::int64_t> SqlGroupRepository::Insert(const Group& group) {
  return Guard("insert group", [&]() -> core::Result<std::int64_t> {
    GroupIn in(group);
    std::string created = Text(group.created_at);
    return InsertRow(sql_, "groups", kGroupWriteColumns, in, {"created_at"},
                     [&](Query& query) { query.Use(created); });
  });
}

core::Status SqlGroupRepository::Update(const Group& group) {
  return Guard("update group", [&]() -> core::Status {
    GroupIn in(group);
    UpdateRow(sql_, "groups", kGroupWriteColumns, in, group.id);
    return core::OkStatus();
  });
}

core::Result<Group> SqlGroupRepository::Find(std::int64_t id) {
  return FindRecord<GroupVars>(sql_, kGroupTable, id);
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
    // The SOP in force in the range's last month: the latest agreed change by then, else the
    // group's own (a month this code formats, so written into the statement).
    std::string sop_in_force =
        "COALESCE((SELECT sc.meetings FROM sop_changes sc WHERE sc.group_id = g.id "
        "AND sc.from_month <= '" + Month::Of(to).ToString() + "' "
        "ORDER BY sc.from_month DESC, sc.deliberation_id DESC LIMIT 1), g.sop_meetings_per_month)";
    // A group's share of its SOP, as an integer percent × 100 for ordering and banding.
    std::string share = "(COALESCE(h.held, 0) * 10000 / (" + sop_in_force + " * " +
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
      if (query.Run("SELECT g.id, g.name, g.village_code, g.status, " + sop_in_force + ", "
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
      return InsertRow(sql_, "memberships", kMemberWriteColumns, in, {"group_id", "created_at"},
                       [&](Query& query) { query.Use(group_id).Use(created); });
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
      UpdateRow(sql_, "memberships", kMemberWriteColumns, in, membership.id);
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return MemberTaken(error);
      throw;
    }
  });
}

core::Result<Membership> SqlGroupRepository::FindMember(std::int64_t group_id,
                                                        std::int64_t member_id) {
  return FindRecord<MemberVars>(sql_, kMemberTable, member_id, group_id);
}

core::Result<core::Page<Membership>> SqlGroupRepository::ListMembers(
    std::int64_t group_id, bool include_left, const core::PageRequest& page) {
  return Guard("list members", [&]() -> core::Result<core::Page<Membership>> {
    Params params;
    std::string where = " WHERE m.group_id = ";
    params.Number(where, group_id);
    if (!include_left) where += " AND m.left_on IS NULL";
    MemberVars vars;
    return PagedQuery<Membership>(sql_, page, kMemberColumns, kMemberFrom + where, params,
                                  kMemberOrderBy, [&](Query& query) { vars.Bind(query); },
                                  [&] { return vars.Get(); });
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

core::Result<bool> SqlGroupRepository::InProgramme(std::int64_t group_id, std::int64_t programme_id) {
  return Guard("check a group's programme", [&]() -> core::Result<bool> {
    Params params;
    std::string where = " WHERE g.id = ";
    params.Number(where, group_id);
    AddProgrammeGroups(where, params, "g.id", programme_id);
    return CountRows(sql_, " FROM groups g" + where, params) > 0;
  });
}

core::Result<std::int64_t> SqlGroupRepository::CountMembersOn(std::int64_t group_id, core::Date day) {
  return Guard("count members", [&]() -> core::Result<std::int64_t> {
    long long group = group_id, count = 0;
    std::string on = day.ToString();
    Query query(sql_);
    query.Into(count).Use(group).Use(on).Use(on);
    query.Run("SELECT COUNT(*) FROM memberships WHERE group_id = :g AND joined_on <= :d "
              "AND (left_on IS NULL OR left_on >= :e)");
    return static_cast<std::int64_t>(count);
  });
}

core::Status SqlGroupRepository::InsertSopChange(const SopChange& change) {
  return Guard("insert sop change", [&]() -> core::Status {
    long long group = change.group_id, deliberation = change.deliberation_id;
    int meetings = change.meetings;
    std::string from = change.from.ToString(), created = Text(change.created_at);
    Query query(sql_);
    query.Use(group).Use(from).Use(meetings).Use(deliberation).Use(created);
    query.Run("INSERT INTO sop_changes (group_id, from_month, meetings, deliberation_id, created_at) "
              "VALUES (:g, :f, :m, :d, :c)");
    return core::OkStatus();
  });
}

core::Result<std::vector<SopChange>> SqlGroupRepository::SopChanges(std::int64_t group_id) {
  return Guard("list sop changes", [&]() -> core::Result<std::vector<SopChange>> {
    std::vector<SopChange> changes;
    long long group = group_id, deliberation = 0;
    int meetings = 0;
    std::string from;
    Query query(sql_);
    query.Into(from).Into(meetings).Into(deliberation).Use(group);
    if (query.Run("SELECT from_month, meetings, deliberation_id FROM sop_changes "
                  "WHERE group_id = :g ORDER BY from_month, deliberation_id")) {
      do {
        auto month = Month::Parse(from);
        if (!month) return core::Error::Internal("the database holds '" + from + "' in sop_changes.from_month");
        changes.push_back(SopChange{group_id, *month, meetings, deliberation});
      } while (query.Next());
    }
    return changes;
  });
}

}  // namespace gotong::storage::internal
