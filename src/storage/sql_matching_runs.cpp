// Mentor matching runs (issue 14): the run with its input and progress, its result, and the pool
// of mentees and mentors its groups hold on a day.

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include "storage/sql_mentoring.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::mentoring;  // NOLINT: this file implements that context's interfaces

// "(1, 2, 3)": ids are integers, so they go into the text as they are.
std::string Literal(const std::vector<std::int64_t>& ids) {
  std::string list = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) list += (i > 0 ? ", " : "") + std::to_string(ids[i]);
  return list + ")";
}

std::string Joined(const std::vector<std::int64_t>& ids) {
  std::string text;
  for (std::size_t i = 0; i < ids.size(); ++i) text += (i > 0 ? "," : "") + std::to_string(ids[i]);
  return text;
}

std::vector<std::int64_t> Split(const std::string& text) {
  std::vector<std::int64_t> ids;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) ids.push_back(std::stoll(item));
  }
  return ids;
}

// The input and the creation are written once; an update records the progress and the outcome
// (none yet when a run is inserted).
constexpr Column<MatchingRun> kRunColumns[] = {
    Member<&MatchingRun::id>("r.id"),
    Field<&MatchingRun::status, ParseRunStatus>("r.status"),
    Field<&MatchingRun::default_capacity>("r.default_capacity").OnInsert(),
    Field<&MatchingRun::top_k>("r.top_k").OnInsert(),
    Field<&MatchingRun::stage, ParseMatchingStage>("r.stage"),
    Field<&MatchingRun::done>("r.done"),
    Field<&MatchingRun::total>("r.total"),
    Field<&MatchingRun::error>("r.error"),
    Field<&MatchingRun::total_score>("r.total_score"),
    Field<&MatchingRun::created_by>("r.created_by").OnInsert(),
    Field<&MatchingRun::created_at>("r.created_at").OnInsert(),
    Field<&MatchingRun::started_at>("r.started_at"),
    Field<&MatchingRun::finished_at>("r.finished_at"),
    Field<&MatchingRun::published_by>("r.published_by"),
    Field<&MatchingRun::published_at>("r.published_at"),
};
constexpr RecordTable<MatchingRun> kRunTable{kRunColumns, " FROM matching_runs r", "r",
                                             "matching run"};

// A group of the run's input, read with its run's id.
constexpr Column<std::int64_t> kRunGroupColumns[] = {
    {"group_id", CellKind::kNumber,
     [](std::int64_t& group_id, const Cell& cell, std::string_view sql) {
       cell::Fill<std::int64_t, nullptr>(group_id, cell, sql);
     }},
};

// A capacity of the run's input, read with its run's id.
constexpr Column<RunCapacity> kCapacityColumns[] = {
    Member<&RunCapacity::person_id>("person_id"),
    Member<&RunCapacity::capacity>("capacity"),
};

// Competency ids stored as "1,2,3".
template <typename Record, std::vector<std::int64_t> Record::*Ids>
void FillIds(Record& record, const Cell& cell, std::string_view sql) {
  if (cell.IsNull()) cell::Damaged(sql, "NULL");
  record.*Ids = Split(cell.text);
}

// A pair of the run's result, with the names and the mentee's group.
constexpr Column<RunPair> kPairColumns[] = {
    Member<&RunPair::mentee_member_id>("p.mentee_member_id"),
    Member<&RunPair::mentor_person_id>("p.mentor_person_id"),
    Member<&RunPair::mentor_member_id>("p.mentor_member_id"),
    Member<&RunPair::origin, ParseMentorOrigin>("p.origin"),
    PartMember<&RunPair::score, &PairScore::total>("p.total"),
    PartMember<&RunPair::score, &PairScore::values>("p.values_points"),
    PartMember<&RunPair::score, &PairScore::values_answered>("p.values_answered"),
    PartMember<&RunPair::score, &PairScore::coverage>("p.coverage"),
    PartMember<&RunPair::score, &PairScore::proximity>("p.proximity"),
    PartMember<&RunPair::score, &PairScore::proximity_kind, ParseProximity>("p.proximity_kind"),
    PartMember<&RunPair::score, &PairScore::community>("p.community"),
    {"p.covered", CellKind::kText,
     [](RunPair& pair, const Cell& cell, std::string_view sql) {
       FillIds<PairScore, &PairScore::covered_competencies>(pair.score, cell, sql);
     }},
    Member<&RunPair::mentee_name>("ep.name"),
    Member<&RunPair::mentor_name>("mp.name"),
    Member<&RunPair::mentee_group_id>("m.group_id"),
};
constexpr RecordTable<RunPair> kPairTable{
    kPairColumns,
    " FROM matching_pairs p JOIN memberships m ON m.id = p.mentee_member_id "
    "JOIN people ep ON ep.id = m.person_id JOIN people mp ON mp.id = p.mentor_person_id",
    "p", "matching pair"};

constexpr Column<RunUnplaced> kUnplacedColumns[] = {
    Member<&RunUnplaced::member_id>("u.member_id"),
    Member<&RunUnplaced::reason, ParseUnplacedReason>("u.reason"),
    {"u.uncovered", CellKind::kText, FillIds<RunUnplaced, &RunUnplaced::uncovered_competencies>},
    Member<&RunUnplaced::name>("p.name"),
    Member<&RunUnplaced::group_id>("m.group_id"),
};
constexpr RecordTable<RunUnplaced> kUnplacedTable{
    kUnplacedColumns,
    " FROM matching_unplaced u JOIN memberships m ON m.id = u.member_id "
    "JOIN people p ON p.id = m.person_id",
    "u", "unplaced mentee"};

// A mentee of the pool (memberships m, people p); her targets are read after.
constexpr Column<PoolMentee> kPoolMenteeColumns[] = {
    Member<&PoolMentee::member_id>("m.id"),
    Member<&PoolMentee::person_id>("m.person_id"),
    Member<&PoolMentee::group_id>("m.group_id"),
    Member<&PoolMentee::village_code>("p.village_code"),
};

// A community mentor of the pool (memberships m, people p).
constexpr Column<PoolMentor> kCommunityMentorColumns[] = {
    Member<&PoolMentor::member_id>("m.id"),
    Member<&PoolMentor::person_id>("m.person_id"),
    Member<&PoolMentor::group_id>("m.group_id"),
    Member<&PoolMentor::village_code>("p.village_code"),
};

// An external mentor of the pool (people p): no membership, no group.
constexpr Column<PoolMentor> kExternalMentorColumns[] = {
    Member<&PoolMentor::person_id>("p.id"),
    Member<&PoolMentor::village_code>("p.village_code"),
};

// The runs' groups and capacities.
void LoadInput(soci::session& sql, std::span<MatchingRun> runs) {
  LoadChildren<&MatchingRun::group_ids>(sql, runs, kRunGroupColumns, " FROM matching_run_groups",
                                        "run_id", "run_id, group_id");
  LoadChildren<&MatchingRun::capacities>(
      sql, runs, kCapacityColumns, " FROM matching_run_capacities", "run_id", "run_id, person_id");
}

}  // namespace

core::Result<std::int64_t> SqlMatchingRunRepository::Insert(const MatchingRun& run) {
  return Guard("insert matching run", [&]() -> core::Result<std::int64_t> {
    long long id = InsertRecord<MatchingRun>(sql_, "matching_runs", kRunColumns, run);
    for (auto group : run.group_ids) {
      long long group_id = group;
      sql_ << "INSERT INTO matching_run_groups (run_id, group_id) VALUES (:r, :g)", soci::use(id), soci::use(group_id);
    }
    for (const auto& c : run.capacities) {
      long long person = c.person_id;
      int value = c.capacity;
      sql_ << "INSERT INTO matching_run_capacities (run_id, person_id, capacity) VALUES (:r, :p, :c)", soci::use(id),
          soci::use(person), soci::use(value);
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Result<MatchingRun> SqlMatchingRunRepository::Find(std::int64_t id) {
  return Guard("find matching run", [&]() -> core::Result<MatchingRun> {
    GOTONG_ASSIGN_OR_RETURN(auto run, FindRecord(sql_, kRunTable, id));
    LoadInput(sql_, std::span(&run, 1));
    return run;
  });
}

core::Result<core::Page<MatchingRun>> SqlMatchingRunRepository::List(std::int64_t group_id,
                                                                     const core::PageRequest& page) {
  return Guard("list matching runs", [&]() -> core::Result<core::Page<MatchingRun>> {
    Params params;
    std::string where = " WHERE r.id IN (SELECT run_id FROM matching_run_groups WHERE group_id = ";
    params.Number(where, group_id);
    where += ")";
    auto result = PagedRecords(sql_, page, kRunTable, where, params, "r.id DESC");
    LoadInput(sql_, result.items);
    return result;
  });
}

core::Result<std::vector<MatchingRun>> SqlMatchingRunRepository::Unfinished() {
  return Guard("list unfinished matching runs", [&]() -> core::Result<std::vector<MatchingRun>> {
    auto runs = SelectRecords(sql_, kRunTable,
                              " WHERE r.status IN ('queued', 'running') ORDER BY r.id", Params());
    LoadInput(sql_, runs);
    return runs;
  });
}

core::Status SqlMatchingRunRepository::Update(const MatchingRun& run) {
  return ChangeRecord(sql_, kRunTable, run);
}

core::Status SqlMatchingRunRepository::InsertResult(std::int64_t run_id, const std::vector<RunPair>& pairs,
                                                    const std::vector<RunUnplaced>& unplaced) {
  return Guard("store matching result", [&]() -> core::Status {
    long long run = run_id;
    int position = 0;
    for (const auto& p : pairs) {
      long long mentee = p.mentee_member_id, mentor = p.mentor_person_id;
      In<long long> member = NumberIn(p.mentor_member_id);
      std::string origin(ToString(p.origin)), kind(ToString(p.score.proximity_kind)),
          covered = Joined(p.score.covered_competencies);
      int answered = p.score.values_answered ? 1 : 0;
      ++position;
      sql_ << "INSERT INTO matching_pairs (run_id, position, mentee_member_id, mentor_person_id, mentor_member_id, "
              "origin, total, values_points, values_answered, coverage, proximity, proximity_kind, community, "
              "covered) VALUES (:r, :n, :m, :p, :b, :o, :t, :v, :a, :c, :x, :k, :y, :d)",
          soci::use(run), soci::use(position), soci::use(mentee), soci::use(mentor),
          soci::use(member.value, member.indicator), soci::use(origin), soci::use(p.score.total),
          soci::use(p.score.values), soci::use(answered), soci::use(p.score.coverage), soci::use(p.score.proximity),
          soci::use(kind), soci::use(p.score.community), soci::use(covered);
    }
    position = 0;
    for (const auto& u : unplaced) {
      long long member = u.member_id;
      std::string reason(ToString(u.reason)), uncovered = Joined(u.uncovered_competencies);
      ++position;
      sql_ << "INSERT INTO matching_unplaced (run_id, position, member_id, reason, uncovered) "
              "VALUES (:r, :n, :m, :w, :u)",
          soci::use(run), soci::use(position), soci::use(member), soci::use(reason), soci::use(uncovered);
    }
    return core::OkStatus();
  });
}

core::Result<std::vector<RunPair>> SqlMatchingRunRepository::Pairs(std::int64_t run_id) {
  return Guard("read matching pairs", [&]() -> core::Result<std::vector<RunPair>> {
    return RecordsWhere(sql_, kPairTable, "p.run_id", run_id, "p.position");
  });
}

core::Result<std::vector<RunUnplaced>> SqlMatchingRunRepository::Unplaced(std::int64_t run_id) {
  return Guard("read unplaced mentees", [&]() -> core::Result<std::vector<RunUnplaced>> {
    return RecordsWhere(sql_, kUnplacedTable, "u.run_id", run_id, "u.position");
  });
}

core::Result<MatchingPool> SqlMatchingRunRepository::Pool(const std::vector<std::int64_t>& group_ids,
                                                         const core::Date& today) {
  return Guard("read the matching pool", [&]() -> core::Result<MatchingPool> {
    MatchingPool pool;
    if (group_ids.empty()) return pool;
    const std::string groups = Literal(group_ids), day = today.ToString();
    const std::string active = " m.joined_on <= :d1 AND (m.left_on IS NULL OR m.left_on > :d2)";
    const std::string mentoring =
        " s.started_on <= :d3 AND (s.ended_on IS NULL OR s.ended_on >= :d4)";
    std::map<std::int64_t, std::size_t> mentee_at;  // membership → index
    {
      RowReader<PoolMentee> row(kPoolMenteeColumns);
      Query query(sql_);
      row.Bind(query);
      query.Use(day).Use(day).Use(day).Use(day);
      query.ForEachRow(
          "SELECT " + SelectList<PoolMentee>(kPoolMenteeColumns) +
              " FROM memberships m "
              "JOIN people p ON p.id = m.person_id WHERE m.group_id IN " +
              groups + " AND m.mentor = 0 AND" + active +
              " AND NOT EXISTS (SELECT 1 FROM mentorships s WHERE s.mentee_member_id = m.id AND" +
              mentoring + ") ORDER BY m.id",
          [&] {
            PoolMentee mentee = row.Get();
            mentee_at[mentee.member_id] = pool.mentees.size();
            pool.mentees.push_back(std::move(mentee));
          });
    }
    {
      long long member = 0, competency = 0;
      Query query(sql_);
      query.Into(member).Into(competency);
      query.ForEachRow(
          "SELECT DISTINCT cm.member_id, t.competency_id FROM cycle_mentees cm "
          "JOIN learning_cycles c ON c.id = cm.cycle_id JOIN cycle_targets t ON t.cycle_id = c.id "
          "WHERE c.group_id IN " +
              groups +
              " AND c.status IN ('planning', 'implementation') "
              "AND NOT EXISTS (SELECT 1 FROM cycle_evaluations e WHERE e.member_id = cm.member_id "
              "AND e.competency_id = t.competency_id AND e.achieved = 1) "
              "ORDER BY cm.member_id, t.competency_id",
          [&] {
            if (auto it = mentee_at.find(member); it != mentee_at.end()) {
              pool.mentees[it->second].targets.push_back(competency);
            }
          });
    }
    std::map<std::int64_t, std::size_t> mentor_at;  // person → index
    // Each person once: as a community mentor where she is one.
    auto add_mentor = [&](PoolMentor mentor) {
      if (mentor_at.count(mentor.person_id) > 0) return;
      mentor_at[mentor.person_id] = pool.mentors.size();
      pool.mentors.push_back(std::move(mentor));
    };
    {
      RowReader<PoolMentor> row(kCommunityMentorColumns);
      Query query(sql_);
      row.Bind(query);
      query.Use(day).Use(day);
      query.ForEachRow("SELECT " + SelectList<PoolMentor>(kCommunityMentorColumns) +
                           " FROM memberships m "
                           "JOIN people p ON p.id = m.person_id WHERE m.group_id IN " +
                           groups + " AND m.mentor = 1 AND" + active + " ORDER BY m.id",
                       [&] { add_mentor(row.Get()); });
    }
    {
      RowReader<PoolMentor> row(kExternalMentorColumns);
      Query query(sql_);
      row.Bind(query);
      query.ForEachRow(
          "SELECT " + SelectList<PoolMentor>(kExternalMentorColumns) +
              " FROM people p WHERE p.id IN ("
              "SELECT mentor_person_id FROM mentorships WHERE origin = 'external' AND "
              "group_id IN " +
              groups +
              " UNION SELECT mentor_person_id FROM learning_cycles WHERE mentor_origin = "
              "'external' "
              "AND group_id IN " +
              groups + ") ORDER BY p.id",
          [&] {
            PoolMentor mentor = row.Get();
            mentor.origin = MentorOrigin::kExternal;
            add_mentor(std::move(mentor));
          });
    }
    if (!pool.mentors.empty()) {
      std::vector<std::int64_t> people;
      for (const auto& mentor : pool.mentors) people.push_back(mentor.person_id);
      const std::string persons = Literal(people);
      long long person = 0, number = 0;
      {
        Query query(sql_);
        query.Into(person).Into(number).Use(day).Use(day);
        query.ForEachRow(
            "SELECT s.mentor_person_id, COUNT(*) FROM mentorships s WHERE s.mentor_person_id IN " +
                persons + " AND" + mentoring + " GROUP BY s.mentor_person_id",
            [&] { pool.mentors[mentor_at.at(person)].active_mentees = number; });
      }
      Query query(sql_);
      query.Into(person).Into(number);
      query.ForEachRow(
          "SELECT c.mentor_person_id, t.competency_id FROM learning_cycles c "
          "JOIN cycle_targets t ON t.cycle_id = c.id WHERE c.mentor_person_id IN " +
              persons +
              " UNION SELECT m.person_id, e.competency_id FROM cycle_evaluations e "
              "JOIN memberships m ON m.id = e.member_id WHERE e.achieved = 1 AND e.level = 3 "
              "AND m.person_id IN " +
              persons + " ORDER BY 1, 2",
          [&] { pool.mentors[mentor_at.at(person)].achieved.push_back(number); });
    }
    // Each person's latest complete response to a values survey.
    {
      std::vector<std::int64_t> people;
      for (const auto& mentee : pool.mentees) people.push_back(mentee.person_id);
      for (const auto& mentor : pool.mentors) people.push_back(mentor.person_id);
      if (people.empty()) return pool;
      long long person = 0, response = 0;
      std::string code;
      Slot<int> scale;
      Query query(sql_);
      query.Into(person).Into(response).Into(code).Into(scale.value, scale.indicator);
      std::map<std::int64_t, std::pair<long long, std::vector<int>>> latest;
      static constexpr std::array<std::string_view, 4> kCodes = {"kerja_sama", "persahabatan", "saling_membantu",
                                                                 "saling_melengkapi"};
      query.ForEachRow(
          "SELECT m.person_id, r.id, q.code, a.scale FROM survey_responses r "
          "JOIN surveys s ON s.id = r.survey_id JOIN survey_templates t ON t.id = s.template_id "
          "JOIN memberships m ON m.id = r.member_id JOIN survey_answers a ON a.response_id = r.id "
          "JOIN survey_questions q ON q.id = a.question_id WHERE t.code = 'values' "
          "AND m.person_id IN " +
              Literal(people) + " ORDER BY m.person_id, r.id DESC",
          [&] {
            auto& [id, answers] = latest[person];
            if (id == 0) {
              id = response;
              answers.assign(kCodes.size(), 0);
            }
            if (id != response || !scale.has()) return;
            for (std::size_t i = 0; i < kCodes.size(); ++i) {
              if (kCodes[i] == code) answers[i] = scale.value;
            }
          });
      for (auto& [who, answer] : latest) {
        bool complete = std::all_of(answer.second.begin(), answer.second.end(), [](int v) { return v > 0; });
        if (complete) pool.values.emplace_back(who, std::move(answer.second));
      }
    }
    return pool;
  });
}

}  // namespace gotong::storage::internal
