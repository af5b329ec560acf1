// The groups context's group repository: groups, their members and SOP compliance.

#include "storage/sql_groups.hpp"

#include "core/text.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// ---- groups -----------------------------------------------------------------------------------

// The creation is written once.
constexpr Column<Group> kGroupColumns[] = {
    Member<&Group::id>("g.id"),
    Field<&Group::name>("g.name"),
    Field<&Group::kind, ParseGroupKind>("g.kind"),
    Field<&Group::sector, domain::registry::ParseSector>("g.sector"),
    Field<&Group::business_centre>("g.business_centre"),
    Field<&Group::village_code>("g.village_code"),
    Field<&Group::origin, ParseOrigin>("g.origin"),
    Field<&Group::programme_id>("g.programme_id"),
    Field<&Group::legality>("g.legality"),
    Field<&Group::legality_date>("g.legality_date"),
    Field<&Group::status, ParseGroupStatus>("g.status"),
    Field<&Group::status_since>("g.status_since"),
    Field<&Group::founded_on>("g.founded_on"),
    Field<&Group::sop_meetings_per_month>("g.sop_meetings_per_month"),
    Field<&Group::steward_id>("g.steward_id"),
    Field<&Group::created_at>("g.created_at").OnInsert(),
    Field<&Group::updated_at>("g.updated_at"),
    Member<&Group::active_members>(
        "(SELECT COUNT(*) FROM memberships m WHERE m.group_id = g.id AND m.left_on IS NULL)"),
    {"search_name", CellKind::kText, nullptr,
     [](const Group& g, Cell& cell) { cell.SetText(core::AsciiLower(g.name)); }, Written::kAlways},
};
constexpr RecordTable<Group> kGroupTable{kGroupColumns, " FROM groups g", "g", "group"};

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

// The group and the creation are written once.
constexpr Column<Membership> kMemberColumns[] = {
    Member<&Membership::id>("m.id"),
    Field<&Membership::group_id>("m.group_id").OnInsert(),
    Field<&Membership::person_id>("m.person_id"),
    Member<&Membership::person_name>("p.name"),
    Field<&Membership::enterprise_id>("m.enterprise_id"),
    Member<&Membership::enterprise_name>("COALESCE(e.name, '')"),
    Field<&Membership::role, ParseMemberRole>("m.role"),
    Field<&Membership::mentor>("m.mentor"),
    Field<&Membership::local_hero>("m.local_hero"),
    Field<&Membership::joined_on>("m.joined_on"),
    Field<&Membership::left_on>("m.left_on"),
    Field<&Membership::user_id>("m.user_id"),
    Field<&Membership::created_at>("m.created_at").OnInsert(),
    Field<&Membership::updated_at>("m.updated_at"),
    Field<&Membership::joined_precision, ParseDatePrecision>("m.joined_precision"),
    Member<&Membership::person_birth_year>("p.birth_year"),
    Member<&Membership::person_occupation>("p.occupation"),
};
constexpr RecordTable<Membership> kMemberTable{
    kMemberColumns,
    " FROM memberships m JOIN people p ON p.id = m.person_id LEFT JOIN enterprises e ON e.id = "
    "m.enterprise_id",
    "m", "member"};

// Active members first, the officers in their order, then by name.
constexpr const char* kMemberOrderBy =
    "CASE WHEN m.left_on IS NULL THEN 0 ELSE 1 END, "
    "CASE m.role WHEN 'leader' THEN 1 WHEN 'secretary' THEN 2 WHEN 'treasurer' THEN 3 ELSE 4 END, "
    "p.search_name, m.id";

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

// ---- SOP changes ------------------------------------------------------------------------------

// A change's group is the one asked for; its month is stored as text, "2026-11".
// A change is not updated: a later agreement adds another.
constexpr Column<SopChange> kSopChangeColumns[] = {
    Field<&SopChange::from, Month::Parse>("from_month"),
    Field<&SopChange::meetings>("meetings"),
    Field<&SopChange::deliberation_id>("deliberation_id"),
    WrittenOnly<&SopChange::group_id>("group_id"),
    WrittenOnly<&SopChange::created_at>("created_at"),
};

}  // namespace

// ---- groups -----------------------------------------------------------------------------------

SqlGroupRepository::SqlGroupRepository(soci::session& sql)
    : SqlRecordRepository(sql, kGroupTable) {}

core::Result<core::Page<Group>> SqlGroupRepository::List(const GroupFilter& filter,
                                                         const core::PageRequest& page) {
  return Guard("list groups", [&]() -> core::Result<core::Page<Group>> {
    Params params;
    std::string where = GroupWhere(filter, params);
    return PagedRecords(sql_, page, kGroupTable, where, params, "g.search_name, g.id");
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
      query.ForEachRow("SELECT g.id, g.name, g.village_code, g.status, " + sop_in_force +
                           ", "
                           "COALESCE(h.held, 0), " +
                           bands + base + order + " LIMIT :l OFFSET :o",
                       [&] {
                         ComplianceRow row;
                         row.group_id = id;
                         row.name = name;
                         row.village_code = village;
                         row.status = Stored("status", status, ParseGroupStatus);
                         row.sop_meetings_per_month = sop;
                         row.held = held_count;
                         row.required = static_cast<std::int64_t>(sop) * months;
                         table.rows.push_back(std::move(row));
                       });
    }
    if (table.rows.empty()) {
      Query query(sql_);
      query.Into(total).Into(met).Into(partial).Into(low).Into(none);
      params.BindTo(query);
      query.Run(
          "SELECT COUNT(*), "
          "COALESCE(SUM(CASE WHEN " +
          share +
          " >= 10000 THEN 1 ELSE 0 END), 0), "
          "COALESCE(SUM(CASE WHEN " +
          share + " >= 5000 AND " + share +
          " < 10000 THEN 1 ELSE 0 END), 0), "
          "COALESCE(SUM(CASE WHEN " +
          share + " > 0 AND " + share +
          " < 5000 THEN 1 ELSE 0 END), 0), "
          "COALESCE(SUM(CASE WHEN COALESCE(h.held, 0) = 0 THEN 1 ELSE 0 END), 0)" +
          base);
    }
    table.total = total;
    table.bands = {met, partial, low, none};
    return table;
  });
}

core::Result<std::int64_t> SqlGroupRepository::InsertMember(const Membership& membership) {
  return AddRecord(sql_, kMemberTable, membership, MemberTaken);
}

core::Status SqlGroupRepository::UpdateMember(const Membership& membership) {
  return ChangeRecord(sql_, kMemberTable, membership, MemberTaken);
}

core::Result<Membership> SqlGroupRepository::FindMember(std::int64_t group_id,
                                                        std::int64_t member_id) {
  return FindRecord(sql_, kMemberTable, member_id, group_id);
}

core::Result<core::Page<Membership>> SqlGroupRepository::ListMembers(
    std::int64_t group_id, bool include_left, const core::PageRequest& page) {
  return Guard("list members", [&]() -> core::Result<core::Page<Membership>> {
    Params params;
    std::string where = " WHERE m.group_id = ";
    params.Number(where, group_id);
    if (!include_left) where += " AND m.left_on IS NULL";
    return PagedRecords(sql_, page, kMemberTable, where, params, kMemberOrderBy);
  });
}

core::Result<std::vector<Membership>> SqlGroupRepository::FindMembers(
    std::int64_t group_id, const std::vector<std::int64_t>& ids) {
  return Guard("find members", [&]() -> core::Result<std::vector<Membership>> {
    if (ids.empty()) return std::vector<Membership>{};
    Params params;
    std::string where = " WHERE m.group_id = ";
    params.Number(where, group_id);
    where += " AND m.id IN " + IdList(params, ids) + " ORDER BY " + kMemberOrderBy;
    return SelectRecords(sql_, kMemberTable, where, params);
  });
}

core::Result<std::optional<Membership>> SqlGroupRepository::OfficeHolder(std::int64_t group_id,
                                                                         MemberRole role) {
  return Guard("find office holder", [&]() -> core::Result<std::optional<Membership>> {
    Params params;
    std::string where = " WHERE m.group_id = ";
    params.Number(where, group_id);
    where += " AND m.role = ";
    params.Text(where, std::string(ToString(role)));
    return FirstRecord(sql_, kMemberTable,
                       where + " AND m.left_on IS NULL ORDER BY " + kMemberOrderBy, params);
  });
}

core::Result<std::optional<Membership>> SqlGroupRepository::MemberOfUser(std::int64_t group_id,
                                                                         std::int64_t user_id) {
  return Guard("find member of user", [&]() -> core::Result<std::optional<Membership>> {
    Params params;
    std::string where = " WHERE m.group_id = ";
    params.Number(where, group_id);
    where += " AND m.user_id = ";
    params.Number(where, user_id);
    return FirstRecord(sql_, kMemberTable, where, params);
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
    // Its id is not kept: a change is known by its deliberation.
    InsertRecord<SopChange>(sql_, "sop_changes", kSopChangeColumns, change);
    return core::OkStatus();
  });
}

core::Result<std::vector<SopChange>> SqlGroupRepository::SopChanges(std::int64_t group_id) {
  return Guard("list sop changes", [&]() -> core::Result<std::vector<SopChange>> {
    std::vector<SopChange> changes;
    long long group = group_id;
    RowReader<SopChange> row(kSopChangeColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(group);
    query.ForEachRow(
        "SELECT " + SelectList<SopChange>(kSopChangeColumns) +
            " FROM sop_changes WHERE group_id = :g ORDER BY from_month, deliberation_id",
        [&] {
          changes.push_back(row.Get());
          changes.back().group_id = group_id;
        });
    return changes;
  });
}

}  // namespace gotong::storage::internal
