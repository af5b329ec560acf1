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
  {
    long long cycle = 0, competency = 0;
    int level = 0;
    std::string code, name;
    Slot<std::string> name_en;
    Query query(sql_);
    query.Into(cycle)
        .Into(competency)
        .Into(level)
        .Into(code)
        .Into(name)
        .Into(name_en.value, name_en.indicator);
    params.BindTo(query);
    if (query.Run("SELECT t.cycle_id, t.competency_id, t.level, c.code, c.name, c.name_en FROM "
                  "cycle_targets t "
                  "JOIN competencies c ON c.id = t.competency_id WHERE t.cycle_id IN " +
                  in + " ORDER BY t.cycle_id, t.position")) {
      do {
        by_id.at(cycle)->targets.push_back({competency, level, code, name, name_en.get()});
      } while (query.Next());
    }
  }
  long long cycle = 0, member = 0;
  std::string name;
  Query query(sql_);
  query.Into(cycle).Into(member).Into(name);
  params.BindTo(query);
  if (query.Run("SELECT cm.cycle_id, cm.member_id, p.name FROM cycle_mentees cm "
                "JOIN memberships m ON m.id = cm.member_id JOIN people p ON p.id = m.person_id "
                "WHERE cm.cycle_id IN " + in + " ORDER BY cm.cycle_id, p.search_name, cm.member_id")) {
    do {
      by_id.at(cycle)->mentees.push_back({member, name});
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
    long long cycle = session.cycle_id, meeting = session.meeting_id, id = 0;
    std::string created = Text(session.created_at);
    Query query(sql_);
    query.Use(cycle).Use(meeting).Use(session.practice).Use(created).Into(id);
    query.Run("INSERT INTO cycle_sessions (cycle_id, meeting_id, practice, created_at) "
              "VALUES (:c, :m, :p, :t) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<CycleSession>> SqlCycleRepository::Sessions(std::int64_t cycle_id) {
  return Guard("read learning sessions", [&]() -> core::Result<std::vector<CycleSession>> {
    std::vector<CycleSession> sessions;
    long long cycle = cycle_id, id = 0, meeting = 0, present = 0, excused = 0, absent = 0;
    std::string practice, created_at, held_on;
    Slot<std::string> venue;
    Slot<long long> host;
    Query query(sql_);
    query.Into(id).Into(meeting).Into(practice).Into(created_at).Into(held_on).Into(venue.value, venue.indicator)
        .Into(host.value, host.indicator).Into(present).Into(excused).Into(absent).Use(cycle);
    if (query.Run("SELECT s.id, s.meeting_id, s.practice, s.created_at, mt.held_on, mt.venue, mt.host_member_id, "
                  "COALESCE(SUM(CASE WHEN a.presence = 'present' THEN 1 ELSE 0 END), 0), "
                  "COALESCE(SUM(CASE WHEN a.presence = 'excused' THEN 1 ELSE 0 END), 0), "
                  "COALESCE(SUM(CASE WHEN a.presence = 'absent' THEN 1 ELSE 0 END), 0) "
                  "FROM cycle_sessions s JOIN meetings mt ON mt.id = s.meeting_id "
                  "LEFT JOIN attendance a ON a.meeting_id = mt.id WHERE s.cycle_id = :c "
                  "GROUP BY s.id, s.meeting_id, s.practice, s.created_at, mt.held_on, mt.venue, mt.host_member_id "
                  "ORDER BY mt.held_on, s.id")) {
      do {
        CycleSession session;
        session.id = id;
        session.cycle_id = cycle_id;
        session.meeting_id = meeting;
        session.practice = practice;
        session.created_at = InstantFrom(created_at);
        session.held_on = DateFrom(held_on);
        session.venue = venue.get();
        if (host.has()) session.host_member_id = host.value;
        session.present = present;
        session.excused = excused;
        session.absent = absent;
        sessions.push_back(std::move(session));
      } while (query.Next());
    }
    return sessions;
  });
}

core::Result<std::int64_t> SqlCycleRepository::InsertEvaluation(const Evaluation& evaluation) {
  return Guard("insert evaluation", [&]() -> core::Result<std::int64_t> {
    try {
      long long cycle = evaluation.cycle_id, member = evaluation.member_id, competency = evaluation.competency_id,
                id = 0;
      int achieved = evaluation.achieved ? 1 : 0, on_request = evaluation.on_request ? 1 : 0;
      In<long long> level = NumberIn(evaluation.level ? std::optional<std::int64_t>(*evaluation.level) : std::nullopt);
      In<long long> by = NumberIn(evaluation.evaluated_by);
      In<std::string> notes = TextIn(evaluation.notes);
      std::string on = evaluation.evaluated_on.ToString(), created = Text(evaluation.created_at);
      Query query(sql_);
      query.Use(cycle).Use(member).Use(competency).Use(achieved).Use(level.value, level.indicator)
          .Use(notes.value, notes.indicator).Use(on).Use(on_request).Use(by.value, by.indicator).Use(created)
          .Into(id);
      query.Run("INSERT INTO cycle_evaluations (cycle_id, member_id, competency_id, achieved, level, notes, "
                "evaluated_on, on_request, evaluated_by, created_at) "
                "VALUES (:c, :m, :k, :a, :l, :n, :d, :r, :b, :t) RETURNING id");
      return static_cast<std::int64_t>(id);
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
    long long id = evaluation.id;
    int achieved = evaluation.achieved ? 1 : 0;
    In<long long> level = NumberIn(evaluation.level ? std::optional<std::int64_t>(*evaluation.level) : std::nullopt);
    In<std::string> notes = TextIn(evaluation.notes);
    std::string on = evaluation.evaluated_on.ToString();
    Query query(sql_);
    query.Use(achieved).Use(level.value, level.indicator).Use(notes.value, notes.indicator).Use(on).Use(id);
    query.Run("UPDATE cycle_evaluations SET achieved = :a, level = :l, notes = :n, evaluated_on = :d WHERE id = :i");
    if (query.AffectedRows() == 0) return core::Error::NotFound("no evaluation " + std::to_string(evaluation.id));
    return core::OkStatus();
  });
}

core::Result<std::vector<Evaluation>> SqlCycleRepository::Evaluations(std::int64_t cycle_id) {
  return Guard("read evaluations", [&]() -> core::Result<std::vector<Evaluation>> {
    std::vector<Evaluation> evaluations;
    long long cycle = cycle_id, id = 0, member = 0, competency = 0;
    int achieved = 0, on_request = 0;
    Slot<int> level;
    Slot<long long> by;
    Slot<std::string> notes;
    std::string name, on, created;
    Query query(sql_);
    query.Into(id).Into(member).Into(name).Into(competency).Into(achieved).Into(level.value, level.indicator)
        .Into(notes.value, notes.indicator).Into(on).Into(on_request).Into(by.value, by.indicator).Into(created)
        .Use(cycle);
    if (query.Run("SELECT e.id, e.member_id, p.name, e.competency_id, e.achieved, e.level, e.notes, "
                  "e.evaluated_on, e.on_request, e.evaluated_by, e.created_at FROM cycle_evaluations e "
                  "JOIN memberships m ON m.id = e.member_id JOIN people p ON p.id = m.person_id "
                  "WHERE e.cycle_id = :c ORDER BY p.search_name, e.member_id, e.competency_id")) {
      do {
        Evaluation e;
        e.id = id;
        e.cycle_id = cycle_id;
        e.member_id = member;
        e.person_name = name;
        e.competency_id = competency;
        e.achieved = achieved != 0;
        e.level = level.get();
        e.notes = notes.get();
        e.evaluated_on = DateFrom(on);
        e.on_request = on_request != 0;
        if (by.has()) e.evaluated_by = by.value;
        e.created_at = InstantFrom(created);
        evaluations.push_back(std::move(e));
      } while (query.Next());
    }
    return evaluations;
  });
}

core::Result<MenteeRecord> SqlCycleRepository::OfMentee(std::int64_t group_id, std::int64_t member_id) {
  return Guard("read a mentee's competencies", [&]() -> core::Result<MenteeRecord> {
    MenteeRecord record;
    long long group = group_id, member = member_id, competency = 0, cycle = 0;
    std::string code, name, title;
    Slot<std::string> name_en;
    // Through her cycles of the group (cycle_mentees by member), each cycle's own rows.
    constexpr const char* kHers =
        " FROM cycle_mentees cm JOIN learning_cycles lc ON lc.id = cm.cycle_id ";
    {
      int achieved = 0;
      Slot<int> level;
      std::string on;
      Query query(sql_);
      query.Into(competency).Into(code).Into(name).Into(name_en.value, name_en.indicator).Into(cycle).Into(title)
          .Into(achieved).Into(level.value, level.indicator).Into(on).Use(member).Use(group);
      if (query.Run(std::string("SELECT c.id, c.code, c.name, c.name_en, lc.id, lc.title, e.achieved, e.level, "
                                "e.evaluated_on") +
                    kHers +
                    "JOIN cycle_evaluations e ON e.cycle_id = cm.cycle_id AND e.member_id = cm.member_id "
                    "JOIN competencies c ON c.id = e.competency_id "
                    "WHERE cm.member_id = :m AND lc.group_id = :g ORDER BY e.evaluated_on DESC, e.id DESC")) {
        do {
          record.evaluations.push_back({{competency, code, name, name_en.get()}, cycle, title, achieved != 0,
                                        level.get(), DateFrom(on)});
        } while (query.Next());
      }
    }
    int level = 0;
    std::string status;
    Query query(sql_);
    query.Into(competency).Into(code).Into(name).Into(name_en.value, name_en.indicator).Into(cycle).Into(title)
        .Into(status).Into(level).Use(member).Use(group);
    if (query.Run(std::string("SELECT c.id, c.code, c.name, c.name_en, lc.id, lc.title, lc.status, t.level") + kHers +
                  "JOIN cycle_targets t ON t.cycle_id = lc.id JOIN competencies c ON c.id = t.competency_id "
                  "WHERE cm.member_id = :m AND lc.group_id = :g AND lc.status <> 'closed' "
                  "ORDER BY lc.id DESC, t.position")) {
      do {
        record.targets.push_back({{competency, code, name, name_en.get()}, cycle, title,
                                  Stored("status", status, ParseCycleStatus), level});
      } while (query.Next());
    }
    return record;
  });
}

}  // namespace gotong::storage::internal
