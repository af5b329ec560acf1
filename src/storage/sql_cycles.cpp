// The mentoring context's mentorships and learning cycles, with a cycle's targets, mentees,
// sessions (meetings of the group) and evaluations.

#include "sql_mentoring.hpp"
#include "sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::mentoring;  // NOLINT: this file implements that context's interfaces

// ---- mentorships ------------------------------------------------------------------------------

constexpr Column<Mentorship> kMentorshipColumns[] = {
    Member<&Mentorship::id>("ms.id"),
    Member<&Mentorship::group_id>("ms.group_id"),
    Member<&Mentorship::mentor_person_id>("ms.mentor_person_id"),
    Member<&Mentorship::mentor_member_id>("ms.mentor_member_id"),
    Member<&Mentorship::mentor_name>("mp.name"),
    Member<&Mentorship::mentee_member_id>("ms.mentee_member_id"),
    Member<&Mentorship::mentee_name>("ep.name"),
    Member<&Mentorship::origin, ParseMentorOrigin>("ms.origin"),
    Member<&Mentorship::started_on>("ms.started_on"),
    Member<&Mentorship::ended_on>("ms.ended_on"),
    Member<&Mentorship::note>("ms.note"),
    Member<&Mentorship::created_at>("ms.created_at"),
    Member<&Mentorship::updated_at>("ms.updated_at"),
};
constexpr RecordTable<Mentorship> kMentorshipTable{
    kMentorshipColumns,
    " FROM mentorships ms JOIN people mp ON mp.id = ms.mentor_person_id "
    "JOIN memberships em ON em.id = ms.mentee_member_id JOIN people ep ON ep.id = em.person_id",
    "ms", "mentorship"};

// Who mentors whom is written once.
constexpr WriteColumn<Mentorship> kMentorshipWrites[] = {
    Writes<&Mentorship::started_on>("started_on"),
    Writes<&Mentorship::ended_on>("ended_on"),
    Writes<&Mentorship::note>("note"),
    Writes<&Mentorship::updated_at>("updated_at"),
    WritesOnce<&Mentorship::group_id>("group_id"),
    WritesOnce<&Mentorship::mentor_person_id>("mentor_person_id"),
    WritesOnce<&Mentorship::mentor_member_id>("mentor_member_id"),
    WritesOnce<&Mentorship::mentee_member_id>("mentee_member_id"),
    WritesOnce<&Mentorship::origin>("origin"),
    WritesOnce<&Mentorship::created_at>("created_at"),
};

// ---- learning cycles --------------------------------------------------------------------------

constexpr Column<LearningCycle> kCycleColumns[] = {
    Member<&LearningCycle::id>("lc.id"),
    Member<&LearningCycle::group_id>("lc.group_id"),
    Member<&LearningCycle::title>("lc.title"),
    Member<&LearningCycle::theme>("lc.theme"),
    Member<&LearningCycle::deliberation_id>("lc.deliberation_id"),
    Member<&LearningCycle::status, ParseCycleStatus>("lc.status"),
    Member<&LearningCycle::status_since>("lc.status_since"),
    Member<&LearningCycle::mentor_person_id>("lc.mentor_person_id"),
    Member<&LearningCycle::mentor_member_id>("lc.mentor_member_id"),
    Member<&LearningCycle::mentor_name>("mp.name"),
    Member<&LearningCycle::mentor_origin, ParseMentorOrigin>("lc.mentor_origin"),
    Member<&LearningCycle::venue>("lc.venue"),
    Member<&LearningCycle::host_member_id>("lc.host_member_id"),
    Member<&LearningCycle::time_allocation>("lc.time_allocation"),
    Member<&LearningCycle::facilities>("lc.facilities"),
    Member<&LearningCycle::planned_from>("lc.planned_from"),
    Member<&LearningCycle::planned_to>("lc.planned_to"),
    Member<&LearningCycle::created_at>("lc.created_at"),
    Member<&LearningCycle::updated_at>("lc.updated_at"),
    Member<&LearningCycle::schedule_deliberation_id>("lc.schedule_deliberation_id"),
    Member<&LearningCycle::venue_deliberation_id>("lc.venue_deliberation_id"),
};
constexpr RecordTable<LearningCycle> kCycleTable{
    kCycleColumns, " FROM learning_cycles lc JOIN people mp ON mp.id = lc.mentor_person_id", "lc",
    "learning cycle"};

// The group and the creation are written once.
constexpr WriteColumn<LearningCycle> kCycleWrites[] = {
    Writes<&LearningCycle::title>("title"),
    Writes<&LearningCycle::theme>("theme"),
    Writes<&LearningCycle::deliberation_id>("deliberation_id"),
    Writes<&LearningCycle::status>("status"),
    Writes<&LearningCycle::status_since>("status_since"),
    Writes<&LearningCycle::mentor_person_id>("mentor_person_id"),
    Writes<&LearningCycle::mentor_member_id>("mentor_member_id"),
    Writes<&LearningCycle::mentor_origin>("mentor_origin"),
    Writes<&LearningCycle::venue>("venue"),
    Writes<&LearningCycle::host_member_id>("host_member_id"),
    Writes<&LearningCycle::time_allocation>("time_allocation"),
    Writes<&LearningCycle::facilities>("facilities"),
    Writes<&LearningCycle::planned_from>("planned_from"),
    Writes<&LearningCycle::planned_to>("planned_to"),
    Writes<&LearningCycle::updated_at>("updated_at"),
    Writes<&LearningCycle::schedule_deliberation_id>("schedule_deliberation_id"),
    Writes<&LearningCycle::venue_deliberation_id>("venue_deliberation_id"),
    WritesOnce<&LearningCycle::group_id>("group_id"),
    WritesOnce<&LearningCycle::created_at>("created_at"),
};

// A target of a cycle's plan; its cycle's id is read before these.
constexpr Column<CompetencyTarget> kTargetColumns[] = {
    Member<&CompetencyTarget::competency_id>("t.competency_id"),
    Member<&CompetencyTarget::level>("t.level"),
    Member<&CompetencyTarget::code>("c.code"),
    Member<&CompetencyTarget::name>("c.name"),
    Member<&CompetencyTarget::name_en>("c.name_en"),
};

// A mentee of a cycle; its cycle's id is read before these.
constexpr Column<CycleMentee> kMenteeColumns[] = {
    Member<&CycleMentee::member_id>("cm.member_id"),
    Member<&CycleMentee::person_name>("p.name"),
};

// ---- sessions and evaluations -----------------------------------------------------------------

// A session with its meeting's day, venue, host and attendance (summed over the meeting's rows).
constexpr Column<CycleSession> kSessionColumns[] = {
    Member<&CycleSession::id>("s.id"),
    Member<&CycleSession::cycle_id>("s.cycle_id"),
    Member<&CycleSession::meeting_id>("s.meeting_id"),
    Member<&CycleSession::practice>("s.practice"),
    Member<&CycleSession::created_at>("s.created_at"),
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

// Every column, by the insert: a session is not updated.
constexpr WriteColumn<CycleSession> kSessionWrites[] = {
    Writes<&CycleSession::cycle_id>("cycle_id"),
    Writes<&CycleSession::meeting_id>("meeting_id"),
    Writes<&CycleSession::practice>("practice"),
    Writes<&CycleSession::created_at>("created_at"),
};

constexpr Column<Evaluation> kEvaluationColumns[] = {
    Member<&Evaluation::id>("e.id"),
    Member<&Evaluation::cycle_id>("e.cycle_id"),
    Member<&Evaluation::member_id>("e.member_id"),
    Member<&Evaluation::person_name>("p.name"),
    Member<&Evaluation::competency_id>("e.competency_id"),
    Member<&Evaluation::achieved>("e.achieved"),
    Member<&Evaluation::level>("e.level"),
    Member<&Evaluation::notes>("e.notes"),
    Member<&Evaluation::evaluated_on>("e.evaluated_on"),
    Member<&Evaluation::on_request>("e.on_request"),
    Member<&Evaluation::evaluated_by>("e.evaluated_by"),
    Member<&Evaluation::created_at>("e.created_at"),
};
constexpr RecordTable<Evaluation> kEvaluationTable{
    kEvaluationColumns,
    " FROM cycle_evaluations e JOIN memberships m ON m.id = e.member_id "
    "JOIN people p ON p.id = m.person_id",
    "e", "evaluation"};

// Who was evaluated on what, how it was asked for, by whom and when are written once; a
// correction changes the finding.
constexpr WriteColumn<Evaluation> kEvaluationWrites[] = {
    WritesOnce<&Evaluation::cycle_id>("cycle_id"),
    WritesOnce<&Evaluation::member_id>("member_id"),
    WritesOnce<&Evaluation::competency_id>("competency_id"),
    Writes<&Evaluation::achieved>("achieved"),
    Writes<&Evaluation::level>("level"),
    Writes<&Evaluation::notes>("notes"),
    Writes<&Evaluation::evaluated_on>("evaluated_on"),
    WritesOnce<&Evaluation::on_request>("on_request"),
    WritesOnce<&Evaluation::evaluated_by>("evaluated_by"),
    WritesOnce<&Evaluation::created_at>("created_at"),
};

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

}  // namespace

// ---- mentorships ------------------------------------------------------------------------------

core::Result<std::int64_t> SqlMentorshipRepository::Insert(const Mentorship& mentorship) {
  return Guard("insert mentorship", [&]() -> core::Result<std::int64_t> {
    return InsertRecord<Mentorship>(sql_, "mentorships", kMentorshipWrites, mentorship);
  });
}

core::Status SqlMentorshipRepository::Update(const Mentorship& mentorship) {
  return Guard("update mentorship", [&]() -> core::Status {
    UpdateRecord<Mentorship>(sql_, "mentorships", kMentorshipWrites, mentorship);
    return core::OkStatus();
  });
}

core::Result<Mentorship> SqlMentorshipRepository::Find(std::int64_t id) {
  return FindRecord(sql_, kMentorshipTable, id);
}

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

void SqlCycleRepository::ReadPlans(std::vector<LearningCycle>& cycles) {
  if (cycles.empty()) return;
  // One read of targets and one of mentees for every cycle asked for (a page of a list, or one).
  std::map<long long, LearningCycle*> by_id;
  Params params;
  std::vector<std::int64_t> ids;
  for (auto& cycle : cycles) {
    by_id[cycle.id] = &cycle;
    ids.push_back(cycle.id);
  }
  const std::string in = IdList(params, ids);
  long long cycle = 0;
  {
    RowReader<CompetencyTarget> row(kTargetColumns);
    Query query(sql_);
    query.Into(cycle);
    row.Bind(query);
    params.BindTo(query);
    if (query.Run("SELECT t.cycle_id, " + SelectList<CompetencyTarget>(kTargetColumns) +
                  " FROM cycle_targets t JOIN competencies c ON c.id = t.competency_id "
                  "WHERE t.cycle_id IN " +
                  in + " ORDER BY t.cycle_id, t.position")) {
      do {
        by_id.at(cycle)->targets.push_back(row.Get());
      } while (query.Next());
    }
  }
  RowReader<CycleMentee> row(kMenteeColumns);
  Query query(sql_);
  query.Into(cycle);
  row.Bind(query);
  params.BindTo(query);
  if (query.Run("SELECT cm.cycle_id, " + SelectList<CycleMentee>(kMenteeColumns) +
                " FROM cycle_mentees cm "
                "JOIN memberships m ON m.id = cm.member_id JOIN people p ON p.id = m.person_id "
                "WHERE cm.cycle_id IN " +
                in + " ORDER BY cm.cycle_id, p.search_name, cm.member_id")) {
    do {
      by_id.at(cycle)->mentees.push_back(row.Get());
    } while (query.Next());
  }
}

core::Result<std::int64_t> SqlCycleRepository::Insert(const LearningCycle& cycle) {
  return Guard("insert learning cycle", [&]() -> core::Result<std::int64_t> {
    LearningCycle stored = cycle;
    stored.id = InsertRecord<LearningCycle>(sql_, "learning_cycles", kCycleWrites, cycle);
    GOTONG_RETURN_IF_ERROR(ReplacePlan(stored));
    return stored.id;
  });
}

core::Status SqlCycleRepository::Update(const LearningCycle& cycle) {
  return Guard("update learning cycle", [&]() -> core::Status {
    UpdateRecord<LearningCycle>(sql_, "learning_cycles", kCycleWrites, cycle);
    return core::OkStatus();
  });
}

core::Status SqlCycleRepository::ReplacePlan(const LearningCycle& cycle) {
  return Guard("write a learning cycle's plan", [&]() -> core::Status {
    long long id = cycle.id;
    sql_ << "DELETE FROM cycle_targets WHERE cycle_id = :c", soci::use(id);
    sql_ << "DELETE FROM cycle_mentees WHERE cycle_id = :c", soci::use(id);
    int position = 0;
    for (const auto& target : cycle.targets) {
      long long competency = target.competency_id;
      int level = target.level;
      ++position;
      sql_ << "INSERT INTO cycle_targets (cycle_id, competency_id, level, position) VALUES (:c, :k, :l, :p)",
          soci::use(id), soci::use(competency), soci::use(level), soci::use(position);
    }
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
    std::vector<LearningCycle> one{std::move(cycle)};
    ReadPlans(one);
    return std::move(one.front());
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
    ReadPlans(cycles.items);
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
  if (query.Run(sql)) {
    do {
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
    } while (query.Next());
  }
  return tallies;
}

core::Result<std::int64_t> SqlCycleRepository::InsertSession(const CycleSession& session) {
  return Guard("insert learning session", [&]() -> core::Result<std::int64_t> {
    return InsertRecord<CycleSession>(sql_, "cycle_sessions", kSessionWrites, session);
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
    if (query.Run("SELECT " + SelectList<CycleSession>(kSessionColumns) +
                  " FROM cycle_sessions s JOIN meetings mt ON mt.id = s.meeting_id "
                  "LEFT JOIN attendance a ON a.meeting_id = mt.id WHERE s.cycle_id = :c "
                  "GROUP BY s.id, s.cycle_id, s.meeting_id, s.practice, s.created_at, mt.held_on, "
                  "mt.venue, mt.host_member_id ORDER BY mt.held_on, s.id")) {
      do {
        sessions.push_back(row.Get());
      } while (query.Next());
    }
    return sessions;
  });
}

core::Result<std::int64_t> SqlCycleRepository::InsertEvaluation(const Evaluation& evaluation) {
  return Guard("insert evaluation", [&]() -> core::Result<std::int64_t> {
    try {
      return InsertRecord<Evaluation>(sql_, "cycle_evaluations", kEvaluationWrites, evaluation);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("member_id", "the mentee is evaluated on this competency already");
      }
      throw;
    }
  });
}

core::Status SqlCycleRepository::UpdateEvaluation(const Evaluation& evaluation) {
  return Guard("correct evaluation", [&]() -> core::Status {
    if (UpdateRecord<Evaluation>(sql_, "cycle_evaluations", kEvaluationWrites, evaluation) == 0) {
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
      if (query.Run(
              "SELECT " + SelectList<MenteeEvaluation>(kMenteeEvaluationColumns) + kHers +
              "JOIN cycle_evaluations e ON e.cycle_id = cm.cycle_id AND e.member_id = cm.member_id "
              "JOIN competencies c ON c.id = e.competency_id "
              "WHERE cm.member_id = :m AND lc.group_id = :g ORDER BY e.evaluated_on DESC, e.id "
              "DESC")) {
        do {
          record.evaluations.push_back(row.Get());
        } while (query.Next());
      }
    }
    RowReader<MenteeTarget> row(kMenteeTargetColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(member).Use(group);
    if (query.Run("SELECT " + SelectList<MenteeTarget>(kMenteeTargetColumns) + kHers +
                  "JOIN cycle_targets t ON t.cycle_id = lc.id JOIN competencies c ON c.id = "
                  "t.competency_id "
                  "WHERE cm.member_id = :m AND lc.group_id = :g AND lc.status <> 'closed' "
                  "ORDER BY lc.id DESC, t.position")) {
      do {
        record.targets.push_back(row.Get());
      } while (query.Next());
    }
    return record;
  });
}

}  // namespace gotong::storage::internal
