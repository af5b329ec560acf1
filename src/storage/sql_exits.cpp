// Exit to a local hero (nominations with their readiness checklist and hand-over) and the
// follow-up visits after a programme's end.

#include "storage/sql_exits.hpp"

#include <array>

#include "sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::programmes;  // NOLINT: this file implements that context's interfaces

// ---- nominations --------------------------------------------------------------------------------

constexpr const char* kNominationColumns =
    "n.id, n.enrolment_id, n.programme_id, n.group_id, n.member_id, p.name, n.nominated_on, n.note, "
    "n.leads_meetings, n.leads_meetings_evidence, n.leads_meetings_checked_on, n.keeps_books, n.keeps_books_evidence, "
    "n.keeps_books_checked_on, n.outside_network, n.outside_network_evidence, n.outside_network_checked_on, "
    "n.handed_over_on, n.handed_over_by, COALESCE(u.display_name, ''), n.hand_over_note, n.replaced_at, n.created_by, "
    "n.created_at, n.updated_at";
constexpr const char* kNominationFrom =
    " FROM exit_nominations n JOIN memberships m ON m.id = n.member_id JOIN people p ON p.id = m.person_id "
    "LEFT JOIN users u ON u.id = n.handed_over_by";

struct CheckVars {
  int met = 0;
  Slot<std::string> evidence, checked_on;
  ReadinessCheck Get() const { return {met != 0, evidence.get(), OptionalDate(checked_on)}; }
};

struct NominationVars {
  long long id = 0, enrolment_id = 0, programme_id = 0, group_id = 0, member_id = 0;
  std::string hero, nominated_on, handed_over_by_name, created_at, updated_at;
  Slot<std::string> note, handed_over_on, hand_over_note, replaced_at;
  std::array<CheckVars, 3> checks;
  Slot<long long> handed_over_by, created_by;

  void Bind(Query& query) {
    query.Into(id).Into(enrolment_id).Into(programme_id).Into(group_id).Into(member_id).Into(hero).Into(nominated_on)
        .Into(note.value, note.indicator);
    for (auto& check : checks) {
      query.Into(check.met).Into(check.evidence.value, check.evidence.indicator)
          .Into(check.checked_on.value, check.checked_on.indicator);
    }
    query.Into(handed_over_on.value, handed_over_on.indicator).Into(handed_over_by.value, handed_over_by.indicator)
        .Into(handed_over_by_name).Into(hand_over_note.value, hand_over_note.indicator)
        .Into(replaced_at.value, replaced_at.indicator).Into(created_by.value, created_by.indicator)
        .Into(created_at).Into(updated_at);
  }
  Nomination Get() const {
    Nomination n;
    n.id = id;
    n.enrolment_id = enrolment_id;
    n.programme_id = programme_id;
    n.group_id = group_id;
    n.member_id = member_id;
    n.hero_name = hero;
    n.nominated_on = DateFrom(nominated_on);
    n.note = note.get();
    for (std::size_t i = 0; i < checks.size(); ++i) n.checklist.at(i) = checks.at(i).Get();
    n.handed_over_on = OptionalDate(handed_over_on);
    if (handed_over_by.has()) n.handed_over_by = handed_over_by.value;
    n.handed_over_by_name = handed_over_by_name;
    n.hand_over_note = hand_over_note.get();
    n.replaced_at = OptionalInstant(replaced_at.value, replaced_at.indicator);
    if (created_by.has()) n.created_by = created_by.value;
    n.created_at = InstantFrom(created_at);
    n.updated_at = InstantFrom(updated_at);
    return n;
  }
};

// The columns an update writes, in the order NominationIn binds them.
constexpr std::string_view kNominationWriteColumns[] = {
    "note",           "leads_meetings",           "leads_meetings_evidence",  "leads_meetings_checked_on",
    "keeps_books",    "keeps_books_evidence",     "keeps_books_checked_on",   "outside_network",
    "outside_network_evidence", "outside_network_checked_on", "handed_over_on", "handed_over_by",
    "hand_over_note", "replaced_at",              "updated_at"};

struct CheckIn {
  int met = 0;
  In<std::string> evidence, checked_on;
};

struct NominationIn {
  In<std::string> note, handed_over_on, hand_over_note, replaced_at;
  std::array<CheckIn, 3> checks;
  In<long long> handed_over_by;
  std::string updated_at;

  explicit NominationIn(const Nomination& n)
      : note(TextIn(n.note)),
        handed_over_on(DateIn(n.handed_over_on)),
        hand_over_note(TextIn(n.hand_over_note)),
        replaced_at(InstantIn(n.replaced_at)),
        handed_over_by(NumberIn(n.handed_over_by)),
        updated_at(Text(n.updated_at)) {
    for (std::size_t i = 0; i < checks.size(); ++i) {
      const auto& check = n.checklist.at(i);
      checks.at(i).met = check.met ? 1 : 0;
      checks.at(i).evidence = TextIn(check.evidence);
      checks.at(i).checked_on = DateIn(check.checked_on);
    }
  }
  void Bind(Query& query) {
    query.Use(note.value, note.indicator);
    for (auto& check : checks) {
      query.Use(check.met).Use(check.evidence.value, check.evidence.indicator)
          .Use(check.checked_on.value, check.checked_on.indicator);
    }
    query.Use(handed_over_on.value, handed_over_on.indicator).Use(handed_over_by.value, handed_over_by.indicator)
        .Use(hand_over_note.value, hand_over_note.indicator).Use(replaced_at.value, replaced_at.indicator)
        .Use(updated_at);
  }
};

// ---- follow-ups ---------------------------------------------------------------------------------

constexpr const char* kFollowUpColumns =
    "f.id, f.enrolment_id, f.programme_id, f.group_id, g.name, f.follow_up_month, f.visited_on, f.status, "
    "f.active_members, f.meets_sop, f.hero_coaching, f.note, f.recorded_by, COALESCE(u.display_name, ''), "
    "f.created_at";
constexpr const char* kFollowUpFrom =
    " FROM follow_ups f JOIN groups g ON g.id = f.group_id LEFT JOIN users u ON u.id = f.recorded_by";
const RecordTable kFollowUpTable{kFollowUpColumns, kFollowUpFrom, "f", "follow-up visit"};

struct FollowUpVars {
  long long id = 0, enrolment_id = 0, programme_id = 0, group_id = 0, active_members = 0;
  int meets_sop = 0;
  std::string group_name, visited_on, status, recorded_by_name, created_at;
  Slot<int> month, hero_coaching;
  Slot<std::string> note;
  Slot<long long> recorded_by;

  void Bind(Query& query) {
    query.Into(id).Into(enrolment_id).Into(programme_id).Into(group_id).Into(group_name)
        .Into(month.value, month.indicator).Into(visited_on).Into(status).Into(active_members).Into(meets_sop)
        .Into(hero_coaching.value, hero_coaching.indicator).Into(note.value, note.indicator)
        .Into(recorded_by.value, recorded_by.indicator).Into(recorded_by_name).Into(created_at);
  }
  FollowUp Get() const {
    FollowUp f;
    f.id = id;
    f.enrolment_id = enrolment_id;
    f.programme_id = programme_id;
    f.group_id = group_id;
    f.group_name = group_name;
    f.follow_up_month = month.get();
    f.visited_on = DateFrom(visited_on);
    f.status = Stored("follow-up status", status, ParseGroupCondition);
    f.active_members = active_members;
    f.meets_sop = meets_sop != 0;
    if (hero_coaching.has()) f.hero_coaching = hero_coaching.value != 0;
    f.note = note.get();
    if (recorded_by.has()) f.recorded_by = recorded_by.value;
    f.recorded_by_name = recorded_by_name;
    f.created_at = InstantFrom(created_at);
    return f;
  }
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
  std::vector<Nomination> found;
  NominationVars vars;
  Query query(sql_);
  vars.Bind(query);
  params.BindTo(query);
  if (query.Run(std::string("SELECT ") + kNominationColumns + kNominationFrom + where + " ORDER BY " + order)) {
    do {
      found.push_back(vars.Get());
    } while (query.Next());
  }
  return found;
}

core::Result<std::int64_t> SqlExitRepository::InsertNomination(const Nomination& nomination) {
  return Guard("insert exit nomination", [&]() -> core::Result<std::int64_t> {
    try {
      NominationIn in(nomination);
      long long enrolment = nomination.enrolment_id, programme = nomination.programme_id,
                group = nomination.group_id, member = nomination.member_id;
      std::string nominated = nomination.nominated_on.ToString(), created = Text(nomination.created_at);
      In<long long> by = NumberIn(nomination.created_by);
      return InsertRow(sql_, "exit_nominations", kNominationWriteColumns, in,
                       {"enrolment_id", "programme_id", "group_id", "member_id", "nominated_on",
                        "created_by", "created_at"},
                       [&](Query& query) {
                         query.Use(enrolment)
                             .Use(programme)
                             .Use(group)
                             .Use(member)
                             .Use(nominated)
                             .Use(by.value, by.indicator)
                             .Use(created);
                       });
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("member_id", "the group has a nominee already");
      }
      throw;
    }
  });
}

core::Status SqlExitRepository::UpdateNomination(const Nomination& nomination) {
  return Guard("update exit nomination", [&]() -> core::Status {
    NominationIn in(nomination);
    UpdateRow(sql_, "exit_nominations", kNominationWriteColumns, in, nomination.id);
    return core::OkStatus();
  });
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
    record.from = from;
    record.to = to;
    long long group = group_id, member = member_id, person = 0;
    std::string role, joined;
    int mentor = 0, local_hero = 0;
    Slot<std::string> left;
    Slot<long long> user;
    {
      Query query(sql_);
      query.Into(role).Into(mentor).Into(local_hero).Into(joined).Into(left.value, left.indicator)
          .Into(user.value, user.indicator).Into(person).Use(member).Use(group);
      if (!query.Run("SELECT role, mentor, local_hero, joined_on, left_on, user_id, person_id FROM memberships "
                     "WHERE id = :m AND group_id = :g")) {
        return core::Error::NotFound("no member " + std::to_string(member_id) + " in this group");
      }
    }
    record.role = Stored("member role", role, domain::groups::ParseMemberRole);
    record.mentor = mentor != 0;
    record.local_hero = local_hero != 0;
    record.joined_on = DateFrom(joined);
    record.left_on = OptionalDate(left);
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
  return Guard("insert follow-up visit", [&]() -> core::Result<std::int64_t> {
    try {
      long long enrolment = f.enrolment_id, programme = f.programme_id, group = f.group_id,
                members = f.active_members, id = 0;
      In<int> month(f.follow_up_month);
      In<int> hero(f.hero_coaching ? std::optional<int>(*f.hero_coaching ? 1 : 0) : std::nullopt);
      int meets = f.meets_sop ? 1 : 0;
      std::string visited = f.visited_on.ToString(), status(ToString(f.status)), created = Text(f.created_at);
      In<std::string> note = TextIn(f.note);
      In<long long> by = NumberIn(f.recorded_by);
      Query query(sql_);
      query.Use(enrolment).Use(programme).Use(group).Use(month.value, month.indicator).Use(visited).Use(status)
          .Use(members).Use(meets).Use(hero.value, hero.indicator).Use(note.value, note.indicator)
          .Use(by.value, by.indicator).Use(created).Into(id);
      query.Run("INSERT INTO follow_ups (enrolment_id, programme_id, group_id, follow_up_month, visited_on, status, "
                "active_members, meets_sop, hero_coaching, note, recorded_by, created_at) "
                "VALUES (:e, :p, :g, :m, :v, :s, :a, :o, :h, :n, :b, :c) RETURNING id");
      return static_cast<std::int64_t>(id);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("follow_up_month", "a visit answers that month already");
      }
      throw;
    }
  });
}

core::Result<FollowUp> SqlExitRepository::FindFollowUp(std::int64_t id) {
  return FindRecord<FollowUpVars>(sql_, kFollowUpTable, id);
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
    std::vector<FollowUp> found;
    FollowUpVars vars;
    Query query(sql_);
    vars.Bind(query);
    params.BindTo(query);
    if (query.Run(std::string("SELECT ") + kFollowUpColumns + kFollowUpFrom + where)) {
      do {
        found.push_back(vars.Get());
      } while (query.Next());
    }
    return found;
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
    if (query.Run(sql)) {
      do {
        if (current != 0) {
          (is_group != 0 ? counts.current_groups : counts.current_enterprises) += count;
          if (outside != 0) counts.outside_criteria += count;
        } else {
          (is_group != 0 ? counts.left_groups : counts.left_enterprises) += count;
        }
      } while (query.Next());
    }
    return counts;
  });
}

}  // namespace gotong::storage::internal
