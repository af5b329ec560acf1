// The mentoring context's mentorships and learning cycles, with a cycle's targets, mentees,
// sessions (meetings of the group) and evaluations.

#include "storage/sql_competency_targets.hpp"
#include "storage/sql_mentoring.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::mentoring;  // NOLINT: this file implements that context's interfaces

// ---- mentorships ------------------------------------------------------------------------------

// Who mentors whom is written once.
constexpr Column<Mentorship> kMentorshipColumns[] = {
    Member<&Mentorship::id>("ms.id"),
    Field<&Mentorship::group_id>("ms.group_id").OnInsert(),
    Field<&Mentorship::mentor_person_id>("ms.mentor_person_id").OnInsert(),
    Field<&Mentorship::mentor_member_id>("ms.mentor_member_id").OnInsert(),
    Member<&Mentorship::mentor_name>("mp.name"),
    Field<&Mentorship::mentee_member_id>("ms.mentee_member_id").OnInsert(),
    Member<&Mentorship::mentee_name>("ep.name"),
    Field<&Mentorship::origin, ParseMentorOrigin>("ms.origin").OnInsert(),
    Field<&Mentorship::started_on>("ms.started_on"),
    Field<&Mentorship::ended_on>("ms.ended_on"),
    Field<&Mentorship::note>("ms.note"),
    Field<&Mentorship::created_at>("ms.created_at").OnInsert(),
    Field<&Mentorship::updated_at>("ms.updated_at"),
};
constexpr RecordTable<Mentorship> kMentorshipTable{
    kMentorshipColumns,
    " FROM mentorships ms JOIN people mp ON mp.id = ms.mentor_person_id "
    "JOIN memberships em ON em.id = ms.mentee_member_id JOIN people ep ON ep.id = em.person_id",
    "ms", "mentorship"};

// ---- learning cycles --------------------------------------------------------------------------

// The group and the creation are written once.
constexpr Column<LearningCycle> kCycleColumns[] = {
    Member<&LearningCycle::id>("lc.id"),
    Field<&LearningCycle::group_id>("lc.group_id").OnInsert(),
    Field<&LearningCycle::title>("lc.title"),
    Field<&LearningCycle::theme>("lc.theme"),
    Field<&LearningCycle::deliberation_id>("lc.deliberation_id"),
    Field<&LearningCycle::status, ParseCycleStatus>("lc.status"),
    Field<&LearningCycle::status_since>("lc.status_since"),
    Field<&LearningCycle::mentor_person_id>("lc.mentor_person_id"),
    Field<&LearningCycle::mentor_member_id>("lc.mentor_member_id"),
    Member<&LearningCycle::mentor_name>("mp.name"),
    Field<&LearningCycle::mentor_origin, ParseMentorOrigin>("lc.mentor_origin"),
    Field<&LearningCycle::venue>("lc.venue"),
    Field<&LearningCycle::host_member_id>("lc.host_member_id"),
    Field<&LearningCycle::time_allocation>("lc.time_allocation"),
    Field<&LearningCycle::facilities>("lc.facilities"),
    Field<&LearningCycle::planned_from>("lc.planned_from"),
    Field<&LearningCycle::planned_to>("lc.planned_to"),
    Field<&LearningCycle::created_at>("lc.created_at").OnInsert(),
    Field<&LearningCycle::updated_at>("lc.updated_at"),
    Field<&LearningCycle::schedule_deliberation_id>("lc.schedule_deliberation_id"),
    Field<&LearningCycle::venue_deliberation_id>("lc.venue_deliberation_id"),
};
constexpr RecordTable<LearningCycle> kCycleTable{
    kCycleColumns, " FROM learning_cycles lc JOIN people mp ON mp.id = lc.mentor_person_id", "lc",
    "learning cycle"};

// A target of a cycle's plan, read with its cycle's id (not one of its members), which places it.
// A mentee of a cycle, read with its cycle's id as a target is.
constexpr Column<CycleMentee> kMenteeColumns[] = {
    Member<&CycleMentee::member_id>("cm.member_id"),
    Member<&CycleMentee::person_name>("p.name"),
};

// ---- sessions and evaluations -----------------------------------------------------------------

// A session with its meeting's day, venue, host and attendance (summed over the meeting's rows).
// Every column, by the insert: a session is not updated.
constexpr Column<CycleSession> kSessionColumns[] = {
    Member<&CycleSession::id>("s.id"),
    Field<&CycleSession::cycle_id>("s.cycle_id"),
    Field<&CycleSession::meeting_id>("s.meeting_id"),
    Field<&CycleSession::practice>("s.practice"),
    Field<&CycleSession::created_at>("s.created_at"),
    Member<&CycleSession::held_on>("mt.held_on"),
    Member<&CycleSession::venue>("mt.venue"),
    Member<&CycleSession::host_member_id>("mt.host_member_id"),
    Member<&CycleSession::present>(
        "COALESCE(SUM(CASE WHEN a.presence = 'present' THEN 1 ELSE 0 END), 0)"),
    Member<&CycleSession::excused>(
        "COALESCE(SUM(CASE WHEN a.presence = 'excused' THEN 1 ELSE 0 END), 0)"),
    Member<&CycleSession::absent>(
        "COALESCE(SUM(CASE WHEN a.presence = 'absent' THEN 1 ELSE 0 END), 0)"),
};

// Who was evaluated on what, how it was asked for, by whom and when are written once; a
// correction changes the finding.
constexpr Column<Evaluation> kEvaluationColumns[] = {
    Member<&Evaluation::id>("e.id"),
    Field<&Evaluation::cycle_id>("e.cycle_id").OnInsert(),
    Field<&Evaluation::member_id>("e.member_id").OnInsert(),
    Member<&Evaluation::person_name>("p.name"),
    Field<&Evaluation::competency_id>("e.competency_id").OnInsert(),
    Field<&Evaluation::achieved>("e.achieved"),
    Field<&Evaluation::level>("e.level"),
    Field<&Evaluation::notes>("e.notes"),
    Field<&Evaluation::evaluated_on>("e.evaluated_on"),
    Field<&Evaluation::on_request>("e.on_request").OnInsert(),
    Field<&Evaluation::evaluated_by>("e.evaluated_by").OnInsert(),
    Field<&Evaluation::created_at>("e.created_at").OnInsert(),
};
constexpr RecordTable<Evaluation> kEvaluationTable{
    kEvaluationColumns,
    " FROM cycle_evaluations e JOIN memberships m ON m.id = e.member_id "
    "JOIN people p ON p.id = m.person_id",
    "e", "evaluation"};

// ---- a mentee's record ------------------------------------------------------------------------

constexpr Column<MenteeEvaluation> kMenteeEvaluationColumns[] = {
    PartMember<&MenteeEvaluation::competency, &CompetencyRef::id>("c.id"),
    PartMember<&MenteeEvaluation::competency, &CompetencyRef::code>("c.code"),
    PartMember<&MenteeEvaluation::competency, &CompetencyRef::name>("c.name"),
    PartMember<&MenteeEvaluation::competency, &CompetencyRef::name_en>("c.name_en"),
    Member<&MenteeEvaluation::cycle_id>("lc.id"),
    Member<&MenteeEvaluation::cycle_title>("lc.title"),
    Member<&MenteeEvaluation::achieved>("e.achieved"),
    Member<&MenteeEvaluation::level>("e.level"),
    Member<&MenteeEvaluation::evaluated_on>("e.evaluated_on"),
};

constexpr Column<MenteeTarget> kMenteeTargetColumns[] = {
    PartMember<&MenteeTarget::competency, &CompetencyRef::id>("c.id"),
    PartMember<&MenteeTarget::competency, &CompetencyRef::code>("c.code"),
    PartMember<&MenteeTarget::competency, &CompetencyRef::name>("c.name"),
    PartMember<&MenteeTarget::competency, &CompetencyRef::name_en>("c.name_en"),
    Member<&MenteeTarget::cycle_id>("lc.id"),
    Member<&MenteeTarget::cycle_title>("lc.title"),
    Member<&MenteeTarget::status, ParseCycleStatus>("lc.status"),
    Member<&MenteeTarget::level>("t.level"),
};

// Reads the targets and mentees of `cycles` (a page of a list, or one), two statements for all.
void LoadPlans(soci::session& sql, std::span<LearningCycle> cycles) {
  LoadChildren<&LearningCycle::targets>(sql, cycles, kCompetencyTargetColumns,
                                        CompetencyTargetsFrom("cycle_targets"), "t.cycle_id",
                                        "t.cycle_id, t.position");
  LoadChildren<&LearningCycle::mentees>(
      sql, cycles, kMenteeColumns,
      " FROM cycle_mentees cm "
      "JOIN memberships m ON m.id = cm.member_id JOIN people p ON p.id = m.person_id",
      "cm.cycle_id", "cm.cycle_id, p.search_name, cm.member_id");
}

}  // namespace

// ---- mentorships ------------------------------------------------------------------------------

SqlMentorshipRepository::SqlMentorshipRepository(soci::session& sql)
    : SqlRecordRepository(sql, kMentorshipTable) {}

core::Result<core::Page<Mentorship>> SqlMentorshipRepository::List(const MentorshipFilter& filter,
                                                                   const core::PageRequest& page) {
  return Guard("list mentorships", [&]() -> core::Result<core::Page<Mentorship>> {
    Params params;
    std::string where = " WHERE ms.group_id = ";
    params.Number(where, filter.group_id);
    if (filter.mentor_person_id) {
      where += " AND ms.mentor_person_id = ";
      params.Number(where, *filter.mentor_person_id);
    }
    if (filter.mentee_member_id) {
      where += " AND ms.mentee_member_id = ";
      params.Number(where, *filter.mentee_member_id);
    }
    if (filter.active_on) {
      where += " AND ms.started_on <= ";
      params.Text(where, filter.active_on->ToString());
      where += " AND (ms.ended_on IS NULL OR ms.ended_on >= ";
      params.Text(where, filter.active_on->ToString());
      where += ")";
    }
    return PagedRecords(sql_, page, kMentorshipTable, where, params,
                        "ms.started_on DESC, ms.id DESC");
  });
}

core::Result<std::vector<Mentorship>> SqlMentorshipRepository::OfGroups(const std::vector<std::int64_t>& group_ids) {
  return Guard("read mentorships", [&]() -> core::Result<std::vector<Mentorship>> {
    if (group_ids.empty()) return std::vector<Mentorship>{};
    Params params;
    return SelectRecords(sql_, kMentorshipTable,
                         " WHERE ms.group_id IN " + IdList(params, group_ids) + " ORDER BY ms.id",
                         params);
  });
}

core::Result<bool> SqlMentorshipRepository::Overlaps(const Mentorship& mentorship, std::int64_t except) {
  return Guard("check mentorship overlap", [&]() -> core::Result<bool> {
    long long group = mentorship.group_id, mentor = mentorship.mentor_person_id, mentee = mentorship.mentee_member_id,
              other = except, count = 0;
    // Two periods overlap when each starts before the other ends (an open end never ends).
    std::string from = mentorship.started_on.ToString(), to = mentorship.ended_on ? mentorship.ended_on->ToString() : "";
    Query query(sql_);
    query.Into(count).Use(group).Use(mentor).Use(mentee).Use(other).Use(from);
    std::string sql =
        "SELECT COUNT(*) FROM mentorships WHERE group_id = :g AND mentor_person_id = :m "
        "AND mentee_member_id = :e AND id <> :x AND (ended_on IS NULL OR ended_on >= :f)";
    if (mentorship.ended_on) {
      query.Use(to);
      sql += " AND started_on <= :t";
    }
    query.Run(sql);
    return count > 0;
  });
}

// ---- learning cycles --------------------------------------------------------------------------

core::Result<std::int64_t> SqlCycleRepository::Insert(const LearningCycle& cycle) {
  return Guard("insert learning cycle", [&]() -> core::Result<std::int64_t> {
    LearningCycle stored = cycle;
    stored.id = InsertRecord<LearningCycle>(sql_, "learning_cycles", kCycleColumns, cycle);
    GOTONG_RETURN_IF_ERROR(ReplacePlan(stored));
    return stored.id;
  });
}

core::Status SqlCycleRepository::Update(const LearningCycle& cycle) {
  return ChangeRecord(sql_, kCycleTable, cycle);
}

core::Status SqlCycleRepository::ReplacePlan(const LearningCycle& cycle) {
  return Guard("write a learning cycle's plan", [&]() -> core::Status {
    long long id = cycle.id;
    sql_ << "DELETE FROM cycle_targets WHERE cycle_id = :c", soci::use(id);
    sql_ << "DELETE FROM cycle_mentees WHERE cycle_id = :c", soci::use(id);
    InsertCompetencyTargets(sql_, "cycle_targets", "cycle_id", id, cycle.targets);
    for (const auto& mentee : cycle.mentees) {
      long long member = mentee.member_id;
      sql_ << "INSERT INTO cycle_mentees (cycle_id, member_id) VALUES (:c, :m)", soci::use(id), soci::use(member);
    }
    return core::OkStatus();
  });
}

core::Result<LearningCycle> SqlCycleRepository::Find(std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto cycle, FindRecord(sql_, kCycleTable, id));
  return Guard("read a learning cycle's plan", [&]() -> core::Result<LearningCycle> {
    LoadPlans(sql_, std::span(&cycle, 1));
    return std::move(cycle);
  });
}

core::Result<core::Page<LearningCycle>> SqlCycleRepository::List(const CycleFilter& filter,
                                                                  const core::PageRequest& page) {
  return Guard("list learning cycles", [&]() -> core::Result<core::Page<LearningCycle>> {
    Params params;
    std::string where = " WHERE lc.group_id = ";
    params.Number(where, filter.group_id);
    if (filter.status) {
      where += " AND lc.status = ";
      params.Text(where, std::string(ToString(*filter.status)));
    }
    auto cycles = PagedRecords(sql_, page, kCycleTable, where, params, "lc.id DESC");
    LoadPlans(sql_, cycles.items);
    return cycles;
  });
}

core::Result<std::vector<CycleTally>> SqlCycleRepository::Tallies(const std::vector<std::int64_t>& group_ids,
                                                                   std::int64_t limit) {
  return Guard("count learning cycles", [&]() -> core::Result<std::vector<CycleTally>> {
    if (group_ids.empty()) return std::vector<CycleTally>{};
    Params params;
    std::string where = " WHERE lc.group_id IN " + IdList(params, group_ids) + " ORDER BY lc.id DESC LIMIT ";
    params.Number(where, limit);
    return ReadTallies(where, params);
  });
}

core::Result<std::vector<CycleTally>> SqlCycleRepository::TalliesOf(const std::vector<std::int64_t>& cycle_ids) {
  return Guard("count learning cycles", [&]() -> core::Result<std::vector<CycleTally>> {
    if (cycle_ids.empty()) return std::vector<CycleTally>{};
    Params params;
    const std::string where = " WHERE lc.id IN " + IdList(params, cycle_ids) + " ORDER BY lc.id DESC";
    return ReadTallies(where, params);
  });
}

std::vector<CycleTally> SqlCycleRepository::ReadTallies(const std::string& where, const Params& params) {
  std::vector<CycleTally> tallies;
  long long mentees = 0, targets = 0, evaluated = 0, achieved = 0, sessions = 0, present = 0, recorded = 0;
  RowReader<LearningCycle> row(kCycleColumns);
  Query query(sql_);
  row.Bind(query);
  query.Into(mentees).Into(targets).Into(evaluated).Into(achieved).Into(sessions).Into(present).Into(recorded);
  params.BindTo(query);
  // Each count is a lookup on its table's (cycle_id, ...) key; attendance on (meeting_id, ...).
  // Evaluations name only the cycle's own mentees and targets, once each (their keys), so the
  // achieved ones are its completion's numerator.
  const std::string sql =
      "SELECT " + SelectList<LearningCycle>(kCycleColumns) +
      ", (SELECT COUNT(*) FROM cycle_mentees cm WHERE cm.cycle_id = lc.id)"
      ", (SELECT COUNT(*) FROM cycle_targets ct WHERE ct.cycle_id = lc.id)"
      ", (SELECT COUNT(*) FROM cycle_evaluations e WHERE e.cycle_id = lc.id)"
      ", (SELECT COALESCE(SUM(e.achieved), 0) FROM cycle_evaluations e WHERE e.cycle_id = lc.id)"
      ", (SELECT COUNT(*) FROM cycle_sessions s WHERE s.cycle_id = lc.id)"
      ", (SELECT COUNT(*) FROM cycle_sessions s JOIN attendance a ON a.meeting_id = s.meeting_id "
      "WHERE s.cycle_id = lc.id AND a.presence = 'present')"
      ", (SELECT COUNT(*) FROM cycle_sessions s JOIN attendance a ON a.meeting_id = s.meeting_id "
      "WHERE s.cycle_id = lc.id AND a.presence IN ('present', 'excused', 'absent'))" +
      std::string(kCycleTable.from) + where;
  query.ForEachRow(sql, [&] {
    CycleTally tally;
    tally.cycle = row.Get();
    tally.mentees = mentees;
    tally.targets = mentees * targets;
    tally.evaluated = evaluated;
    tally.achieved = achieved;
    tally.sessions = sessions;
    tally.present = present;
    tally.recorded = recorded;
    tallies.push_back(std::move(tally));
  });
  return tallies;
}

core::Result<std::int64_t> SqlCycleRepository::InsertSession(const CycleSession& session) {
  return Guard("insert learning session", [&]() -> core::Result<std::int64_t> {
    return InsertRecord<CycleSession>(sql_, "cycle_sessions", kSessionColumns, session);
  });
}

core::Result<std::vector<CycleSession>> SqlCycleRepository::Sessions(std::int64_t cycle_id) {
  return Guard("read learning sessions", [&]() -> core::Result<std::vector<CycleSession>> {
    std::vector<CycleSession> sessions;
    long long cycle = cycle_id;
    RowReader<CycleSession> row(kSessionColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(cycle);
    query.ForEachRow("SELECT " + SelectList<CycleSession>(kSessionColumns) +
                         " FROM cycle_sessions s JOIN meetings mt ON mt.id = s.meeting_id "
                         "LEFT JOIN attendance a ON a.meeting_id = mt.id WHERE s.cycle_id = :c "
                         "GROUP BY s.id, s.cycle_id, s.meeting_id, s.practice, s.created_at, "
                         "mt.held_on, mt.venue, mt.host_member_id ORDER BY mt.held_on, s.id",
                     [&] { sessions.push_back(row.Get()); });
    return sessions;
  });
}

core::Result<std::int64_t> SqlCycleRepository::InsertEvaluation(const Evaluation& evaluation) {
  return AddRecord(sql_, kEvaluationTable, evaluation, [&] {
    return core::Error::Exists("member_id", "the mentee is evaluated on this competency already");
  });
}

core::Status SqlCycleRepository::UpdateEvaluation(const Evaluation& evaluation) {
  return Guard("correct evaluation", [&]() -> core::Status {
    if (UpdateRecord<Evaluation>(sql_, "cycle_evaluations", kEvaluationColumns, evaluation) == 0) {
      return core::Error::NotFound("no evaluation " + std::to_string(evaluation.id));
    }
    return core::OkStatus();
  });
}

core::Result<std::vector<Evaluation>> SqlCycleRepository::Evaluations(std::int64_t cycle_id) {
  return Guard("read evaluations", [&]() -> core::Result<std::vector<Evaluation>> {
    Params params;
    std::string where = " WHERE e.cycle_id = ";
    params.Number(where, cycle_id);
    return SelectRecords(sql_, kEvaluationTable,
                         where + " ORDER BY p.search_name, e.member_id, e.competency_id", params);
  });
}

core::Result<MenteeRecord> SqlCycleRepository::OfMentee(std::int64_t group_id, std::int64_t member_id) {
  return Guard("read a mentee's competencies", [&]() -> core::Result<MenteeRecord> {
    MenteeRecord record;
    long long group = group_id, member = member_id;
    // Through her cycles of the group (cycle_mentees by member), each cycle's own rows.
    constexpr const char* kHers =
        " FROM cycle_mentees cm JOIN learning_cycles lc ON lc.id = cm.cycle_id ";
    {
      RowReader<MenteeEvaluation> row(kMenteeEvaluationColumns);
      Query query(sql_);
      row.Bind(query);
      query.Use(member).Use(group);
      query.ForEachRow(
          "SELECT " + SelectList<MenteeEvaluation>(kMenteeEvaluationColumns) + kHers +
              "JOIN cycle_evaluations e ON e.cycle_id = cm.cycle_id AND e.member_id = cm.member_id "
              "JOIN competencies c ON c.id = e.competency_id "
              "WHERE cm.member_id = :m AND lc.group_id = :g ORDER BY e.evaluated_on DESC, e.id "
              "DESC",
          [&] { record.evaluations.push_back(row.Get()); });
    }
    RowReader<MenteeTarget> row(kMenteeTargetColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(member).Use(group);
    query.ForEachRow("SELECT " + SelectList<MenteeTarget>(kMenteeTargetColumns) + kHers +
                         "JOIN cycle_targets t ON t.cycle_id = lc.id JOIN competencies c ON c.id = "
                         "t.competency_id "
                         "WHERE cm.member_id = :m AND lc.group_id = :g AND lc.status <> 'closed' "
                         "ORDER BY lc.id DESC, t.position",
                     [&] { record.targets.push_back(row.Get()); });
    return record;
  });
}

}  // namespace gotong::storage::internal
