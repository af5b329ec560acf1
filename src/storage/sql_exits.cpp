// Exit to a local hero (nominations with their readiness checklist and hand-over) and the
// follow-up visits after a programme's end.

#include "storage/sql_exits.hpp"

#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::programmes;  // NOLINT: this file implements that context's interfaces

// ---- nominations --------------------------------------------------------------------------------

// The checklist is three items' columns in the row: item `Item`'s member `Field`, read and
// written as Field reads and writes a record's own.
template <ReadinessItem Item, auto Field>
constexpr Column<Nomination> CheckColumn(std::string_view sql) {
  using T = decltype(cell::MemberOf(Field));
  return {sql, cell::KindOf<T>(),
          [](Nomination& n, const Cell& value, std::string_view column) {
            cell::Fill<T, nullptr>(n.Check(Item).*Field, value, column);
          },
          [](const Nomination& n, Cell& value) { cell::Write(n.Check(Item).*Field, value); },
          Written::kAlways};
}

// Who is nominated for which enrolment, when and by whom are written once; an update checks the
// items, hands over or replaces.
constexpr Column<Nomination> kNominationColumns[] = {
    Member<&Nomination::id>("n.id"),
    Field<&Nomination::enrolment_id>("n.enrolment_id").OnInsert(),
    Field<&Nomination::programme_id>("n.programme_id").OnInsert(),
    Field<&Nomination::group_id>("n.group_id").OnInsert(),
    Field<&Nomination::member_id>("n.member_id").OnInsert(),
    Member<&Nomination::hero_name>("p.name"),
    Field<&Nomination::nominated_on>("n.nominated_on").OnInsert(),
    Field<&Nomination::note>("n.note"),
    CheckColumn<ReadinessItem::kLeadsMeetings, &ReadinessCheck::met>("n.leads_meetings"),
    CheckColumn<ReadinessItem::kLeadsMeetings, &ReadinessCheck::evidence>(
        "n.leads_meetings_evidence"),
    CheckColumn<ReadinessItem::kLeadsMeetings, &ReadinessCheck::checked_on>(
        "n.leads_meetings_checked_on"),
    CheckColumn<ReadinessItem::kKeepsBooks, &ReadinessCheck::met>("n.keeps_books"),
    CheckColumn<ReadinessItem::kKeepsBooks, &ReadinessCheck::evidence>("n.keeps_books_evidence"),
    CheckColumn<ReadinessItem::kKeepsBooks, &ReadinessCheck::checked_on>(
        "n.keeps_books_checked_on"),
    CheckColumn<ReadinessItem::kOutsideNetwork, &ReadinessCheck::met>("n.outside_network"),
    CheckColumn<ReadinessItem::kOutsideNetwork, &ReadinessCheck::evidence>(
        "n.outside_network_evidence"),
    CheckColumn<ReadinessItem::kOutsideNetwork, &ReadinessCheck::checked_on>(
        "n.outside_network_checked_on"),
    Field<&Nomination::handed_over_on>("n.handed_over_on"),
    Field<&Nomination::handed_over_by>("n.handed_over_by"),
    Member<&Nomination::handed_over_by_name>("COALESCE(u.display_name, '')"),
    Field<&Nomination::hand_over_note>("n.hand_over_note"),
    Field<&Nomination::replaced_at>("n.replaced_at"),
    Field<&Nomination::created_by>("n.created_by").OnInsert(),
    Field<&Nomination::created_at>("n.created_at").OnInsert(),
    Field<&Nomination::updated_at>("n.updated_at"),
};
constexpr RecordTable<Nomination> kNominationTable{
    kNominationColumns,
    " FROM exit_nominations n JOIN memberships m ON m.id = n.member_id JOIN people p ON p.id = "
    "m.person_id "
    "LEFT JOIN users u ON u.id = n.handed_over_by",
    "n", "exit nomination"};

// ---- follow-ups ---------------------------------------------------------------------------------

// Every column, by the insert: a visit is not updated.
constexpr Column<FollowUp> kFollowUpColumns[] = {
    Member<&FollowUp::id>("f.id"),
    Field<&FollowUp::enrolment_id>("f.enrolment_id"),
    Field<&FollowUp::programme_id>("f.programme_id"),
    Field<&FollowUp::group_id>("f.group_id"),
    Member<&FollowUp::group_name>("g.name"),
    Field<&FollowUp::follow_up_month>("f.follow_up_month"),
    Field<&FollowUp::visited_on>("f.visited_on"),
    Field<&FollowUp::status, ParseGroupCondition>("f.status"),
    Field<&FollowUp::active_members>("f.active_members"),
    Field<&FollowUp::meets_sop>("f.meets_sop"),
    Field<&FollowUp::hero_coaching>("f.hero_coaching"),
    Field<&FollowUp::note>("f.note"),
    Field<&FollowUp::recorded_by>("f.recorded_by"),
    Member<&FollowUp::recorded_by_name>("COALESCE(u.display_name, '')"),
    Field<&FollowUp::created_at>("f.created_at"),
};
constexpr RecordTable<FollowUp> kFollowUpTable{
    kFollowUpColumns,
    " FROM follow_ups f JOIN groups g ON g.id = f.group_id LEFT JOIN users u ON u.id = "
    "f.recorded_by",
    "f", "follow-up visit"};

// What a member's own row says of her (memberships); her account and person are read after.
constexpr Column<HeroRecord> kHeroColumns[] = {
    Member<&HeroRecord::role, domain::groups::ParseMemberRole>("role"),
    Member<&HeroRecord::mentor>("mentor"),
    Member<&HeroRecord::local_hero>("local_hero"),
    Member<&HeroRecord::joined_on>("joined_on"),
    Member<&HeroRecord::left_on>("left_on"),
};

// One COUNT(*) of `sql` with its parameters.
std::int64_t Count(soci::session& sql, const std::string& statement, const Params& params) {
  long long count = 0;
  Query query(sql);
  query.Into(count);
  params.BindTo(query);
  query.Run(statement);
  return count;
}

}  // namespace

std::vector<Nomination> SqlExitRepository::ReadNominations(const std::string& where, const Params& params,
                                                           const std::string& order) {
  return SelectRecords(sql_, kNominationTable, where + " ORDER BY " + order, params);
}

core::Result<std::int64_t> SqlExitRepository::InsertNomination(const Nomination& nomination) {
  return AddRecord(sql_, kNominationTable, nomination, [&] {
    return core::Error::Exists("member_id", "the group has a nominee already");
  });
}

core::Status SqlExitRepository::UpdateNomination(const Nomination& nomination) {
  return ChangeRecord(sql_, kNominationTable, nomination);
}

core::Result<std::optional<Nomination>> SqlExitRepository::CurrentNomination(std::int64_t enrolment_id) {
  return Guard("read the current exit nomination", [&]() -> core::Result<std::optional<Nomination>> {
    Params params;
    std::string where = " WHERE n.replaced_at IS NULL AND n.enrolment_id = ";
    params.Number(where, enrolment_id);
    auto found = ReadNominations(where, params, "n.id");
    if (found.empty()) return std::optional<Nomination>();
    return std::optional<Nomination>(std::move(found.front()));
  });
}

core::Result<std::vector<Nomination>> SqlExitRepository::Nominations(std::int64_t enrolment_id, int limit) {
  return Guard("list exit nominations", [&]() -> core::Result<std::vector<Nomination>> {
    Params params;
    std::string where = " WHERE n.enrolment_id = ";
    params.Number(where, enrolment_id);
    std::string order = "n.id DESC LIMIT ";
    params.Number(order, limit);
    return ReadNominations(where, params, order);
  });
}

core::Result<std::vector<Nomination>> SqlExitRepository::CurrentNominations(
    std::int64_t programme_id, const std::optional<std::vector<std::int64_t>>& enrolment_ids) {
  if (enrolment_ids && enrolment_ids->empty()) return std::vector<Nomination>();
  return Guard("list current exit nominations", [&]() -> core::Result<std::vector<Nomination>> {
    Params params;
    std::string where = " WHERE n.replaced_at IS NULL AND n.programme_id = ";
    params.Number(where, programme_id);
    where += " AND n.enrolment_id IN (SELECT id FROM enrolments WHERE left_on IS NULL AND programme_id = ";
    params.Number(where, programme_id);
    where += ")";
    if (enrolment_ids) where += " AND n.enrolment_id IN " + IdList(params, *enrolment_ids);
    return ReadNominations(where, params, "n.enrolment_id");
  });
}

core::Status SqlExitRepository::MarkHandedOver(std::int64_t enrolment_id, const core::Date& day) {
  return Guard("record the hand-over on the enrolment", [&]() -> core::Status {
    long long id = enrolment_id;
    std::string on = day.ToString();
    Query query(sql_);
    query.Use(on).Use(id);
    query.Run("UPDATE enrolments SET handed_over_on = :d WHERE id = :id");
    return core::OkStatus();
  });
}

core::Result<HeroRecord> SqlExitRepository::HeroRecordOf(std::int64_t group_id, std::int64_t member_id,
                                                         const core::Date& from, const core::Date& to) {
  return Guard("read what the group's records say of a member", [&]() -> core::Result<HeroRecord> {
    HeroRecord record;
    long long group = group_id, member = member_id, person = 0;
    Slot<long long> user;
    {
      RowReader<HeroRecord> row(kHeroColumns);
      Query query(sql_);
      row.Bind(query);
      query.Into(user.value, user.indicator).Into(person).Use(member).Use(group);
      if (!query.Run("SELECT " + SelectList<HeroRecord>(kHeroColumns) +
                     ", user_id, person_id FROM memberships WHERE id = :m AND group_id = :g")) {
        return core::Error::NotFound("no member " + std::to_string(member_id) + " in this group");
      }
      record = row.Get();
    }
    record.from = from;
    record.to = to;
    const std::string first = from.ToString(), last = to.ToString();
    auto window = [&](std::string statement, const std::string& day_column, Params& params) {
      statement += " AND " + day_column + " >= ";
      params.Text(statement, first);
      statement += " AND " + day_column + " <= ";
      params.Text(statement, last);
      return statement;
    };
    {
      Params params;
      std::string sql = "SELECT COUNT(*) FROM meetings WHERE status = 'held' AND group_id = ";
      params.Number(sql, group);
      record.meetings_held = Count(sql_, window(sql, "held_on", params), params);
    }
    {
      Params params;
      std::string sql =
          "SELECT COUNT(*) FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id "
          "WHERE mt.status = 'held' AND a.presence = 'present' AND a.member_id = ";
      params.Number(sql, member);
      record.meetings_attended = Count(sql_, window(sql, "mt.held_on", params), params);
    }
    {
      Params params;
      std::string sql = "SELECT COUNT(*) FROM meetings WHERE status = 'held' AND group_id = ";
      params.Number(sql, group);
      sql += " AND host_member_id = ";
      params.Number(sql, member);
      record.meetings_hosted = Count(sql_, window(sql, "held_on", params), params);
    }
    if (user.has()) {
      Params params;
      std::string sql = "SELECT COUNT(*) FROM ledger_entries WHERE group_id = ";
      params.Number(sql, group);
      sql += " AND created_by = ";
      params.Number(sql, user.value);
      record.ledger_entries = Count(sql_, window(sql, "entry_date", params), params);
    }
    {
      Params params;
      std::string sql = "SELECT COUNT(*) FROM memberships WHERE left_on IS NULL AND person_id = ";
      params.Number(sql, person);
      sql += " AND group_id <> ";
      params.Number(sql, group);
      record.other_groups = Count(sql_, sql, params);
    }
    return record;
  });
}

core::Result<std::int64_t> SqlExitRepository::InsertFollowUp(const FollowUp& f) {
  return AddRecord(sql_, kFollowUpTable, f, [&] {
    return core::Error::Exists("follow_up_month", "a visit answers that month already");
  });
}

core::Result<FollowUp> SqlExitRepository::FindFollowUp(std::int64_t id) {
  return FindRecord(sql_, kFollowUpTable, id);
}

core::Result<std::vector<FollowUp>> SqlExitRepository::FollowUps(std::int64_t programme_id,
                                                                 std::optional<std::int64_t> group_id, int limit) {
  return Guard("list follow-up visits", [&]() -> core::Result<std::vector<FollowUp>> {
    Params params;
    std::string where = " WHERE f.programme_id = ";
    params.Number(where, programme_id);
    if (group_id) {
      where += " AND f.group_id = ";
      params.Number(where, *group_id);
    }
    where += " ORDER BY f.visited_on, f.id LIMIT ";
    params.Number(where, limit);
    return SelectRecords(sql_, kFollowUpTable, where, params);
  });
}

core::Result<core::Page<GroupEnrolment>> SqlExitRepository::GroupEnrolments(std::int64_t programme_id,
                                                                            std::optional<std::int64_t> group_id,
                                                                            const core::PageRequest& page) {
  return Guard("list enrolled groups", [&]() -> core::Result<core::Page<GroupEnrolment>> {
    Params params;
    std::string where = " FROM enrolments en WHERE en.group_id IS NOT NULL AND en.left_on IS NULL AND en.programme_id = ";
    params.Number(where, programme_id);
    if (group_id) {
      where += " AND en.group_id = ";
      params.Number(where, *group_id);
    }
    long long enrolment = 0, group = 0;
    return PagedQuery<GroupEnrolment>(
        sql_, page, "en.id, en.group_id", where, params, "en.id",
        [&](Query& query) { query.Into(enrolment).Into(group); },
        [&] { return GroupEnrolment{enrolment, group}; });
  });
}

core::Result<EnrolmentCounts> SqlExitRepository::CountEnrolments(std::int64_t programme_id,
                                                                 std::optional<std::int64_t> group_id) {
  return Guard("count enrolments", [&]() -> core::Result<EnrolmentCounts> {
    Params params;
    std::string sql =
        "SELECT CASE WHEN group_id IS NULL THEN 0 ELSE 1 END, CASE WHEN left_on IS NULL THEN 1 ELSE 0 END, "
        "CASE WHEN outside_criteria_reason IS NULL THEN 0 ELSE 1 END, COUNT(*) FROM enrolments WHERE programme_id = ";
    params.Number(sql, programme_id);
    if (group_id) {
      sql += " AND group_id = ";
      params.Number(sql, *group_id);
    }
    sql += " GROUP BY 1, 2, 3";
    EnrolmentCounts counts;
    int is_group = 0, current = 0, outside = 0;
    long long count = 0;
    Query query(sql_);
    query.Into(is_group).Into(current).Into(outside).Into(count);
    params.BindTo(query);
    query.ForEachRow(sql, [&] {
      if (current != 0) {
        (is_group != 0 ? counts.current_groups : counts.current_enterprises) += count;
        if (outside != 0) counts.outside_criteria += count;
      } else {
        (is_group != 0 ? counts.left_groups : counts.left_enterprises) += count;
      }
    });
    return counts;
  });
}

}  // namespace gotong::storage::internal
