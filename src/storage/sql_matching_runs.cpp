// Mentor matching runs (issue 14): the run with its input and progress, its result, and the pool
// of mentees and mentors its groups hold on a day.

#include <algorithm>
#include <array>
#include <map>
#include <sstream>

#include "sql_mentoring.hpp"
#include "sql_row.hpp"

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

std::optional<MatchingStage> ParseStage(const std::string& text) {
  for (auto stage : {MatchingStage::kScoring, MatchingStage::kSolving, MatchingStage::kExplaining}) {
    if (text == ToString(stage)) return stage;
  }
  return std::nullopt;
}

std::optional<Proximity> ParseProximity(std::string_view text) {
  for (auto p : {Proximity::kNone, Proximity::kSameVillage, Proximity::kSameGroup}) {
    if (text == ToString(p)) return p;
  }
  return std::nullopt;
}

std::optional<UnplacedReason> ParseReason(std::string_view text) {
  for (auto r : {UnplacedReason::kNoMentorCovers, UnplacedReason::kCapacity}) {
    if (text == ToString(r)) return r;
  }
  return std::nullopt;
}

constexpr Column<MatchingRun> kRunColumns[] = {
    Member<&MatchingRun::id>("r.id"),
    Member<&MatchingRun::status, ParseRunStatus>("r.status"),
    Member<&MatchingRun::default_capacity>("r.default_capacity"),
    Member<&MatchingRun::top_k>("r.top_k"),
    Member<&MatchingRun::stage, ParseStage>("r.stage"),
    Member<&MatchingRun::done>("r.done"),
    Member<&MatchingRun::total>("r.total"),
    Member<&MatchingRun::error>("r.error"),
    Member<&MatchingRun::total_score>("r.total_score"),
    Member<&MatchingRun::created_by>("r.created_by"),
    Member<&MatchingRun::created_at>("r.created_at"),
    Member<&MatchingRun::started_at>("r.started_at"),
    Member<&MatchingRun::finished_at>("r.finished_at"),
    Member<&MatchingRun::published_by>("r.published_by"),
    Member<&MatchingRun::published_at>("r.published_at"),
};
constexpr RecordTable<MatchingRun> kRunTable{kRunColumns, " FROM matching_runs r", "r",
                                             "matching run"};

// The input and the creation are written once; an update records the progress and the outcome
// (none yet when a run is inserted).
constexpr WriteColumn<MatchingRun> kRunWrites[] = {
    Writes<&MatchingRun::status>("status"),
    Writes<&MatchingRun::stage>("stage"),
    Writes<&MatchingRun::done>("done"),
    Writes<&MatchingRun::total>("total"),
    Writes<&MatchingRun::error>("error"),
    Writes<&MatchingRun::total_score>("total_score"),
    Writes<&MatchingRun::started_at>("started_at"),
    Writes<&MatchingRun::finished_at>("finished_at"),
    Writes<&MatchingRun::published_by>("published_by"),
    Writes<&MatchingRun::published_at>("published_at"),
    WritesOnce<&MatchingRun::default_capacity>("default_capacity"),
    WritesOnce<&MatchingRun::top_k>("top_k"),
    WritesOnce<&MatchingRun::created_by>("created_by"),
    WritesOnce<&MatchingRun::created_at>("created_at"),
};

}  // namespace

void SqlMatchingRunRepository::ReadInput(MatchingRun& run) {
  long long number = 0;
  int capacity = 0;
  {
    Query query(sql_);
    query.Into(number).Use(run.id);
    if (query.Run("SELECT group_id FROM matching_run_groups WHERE run_id = :r ORDER BY group_id")) {
      do {
        run.group_ids.push_back(number);
      } while (query.Next());
    }
  }
  Query query(sql_);
  query.Into(number).Into(capacity).Use(run.id);
  if (query.Run("SELECT person_id, capacity FROM matching_run_capacities WHERE run_id = :r ORDER BY person_id")) {
    do {
      run.capacities.push_back({number, capacity});
    } while (query.Next());
  }
}

core::Result<std::int64_t> SqlMatchingRunRepository::Insert(const MatchingRun& run) {
  return Guard("insert matching run", [&]() -> core::Result<std::int64_t> {
    long long id = InsertRecord<MatchingRun>(sql_, "matching_runs", kRunWrites, run);
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
  GOTONG_ASSIGN_OR_RETURN(auto run, FindRecord(sql_, kRunTable, id));
  return Guard("find matching run", [&]() -> core::Result<MatchingRun> {
    ReadInput(run);
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
    for (auto& run : result.items) ReadInput(run);
    return result;
  });
}

core::Result<std::vector<MatchingRun>> SqlMatchingRunRepository::Unfinished() {
  return Guard("list unfinished matching runs", [&]() -> core::Result<std::vector<MatchingRun>> {
    auto runs = SelectRecords(sql_, kRunTable,
                              " WHERE r.status IN ('queued', 'running') ORDER BY r.id", Params());
    for (auto& run : runs) ReadInput(run);
    return runs;
  });
}

core::Status SqlMatchingRunRepository::Update(const MatchingRun& run) {
  return Guard("update matching run", [&]() -> core::Status {
    UpdateRecord<MatchingRun>(sql_, "matching_runs", kRunWrites, run);
    return core::OkStatus();
  });
}

core::Status SqlMatchingRunRepository::InsertResult(std::int64_t run_id, const std::vector<RunPair>& pairs,
                                                    const std::vector<RunUnplaced>& unplaced) {
  return Guard("store matching result", [&]() -> core::Status {
    long long run = run_id;
    int position = 0;
    for (const auto& p : pairs) {
      long long mentee = p.mentee_member_id, mentor = p.mentor_person_id;
      In<long long> member = NumberIn(p.mentor_member_id);
      std::string origin(ToString(p.origin)), kind = ToString(p.score.proximity_kind),
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
      std::string reason = ToString(u.reason), uncovered = Joined(u.uncovered_competencies);
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
    std::vector<RunPair> pairs;
    long long run = run_id, mentee = 0, mentor = 0, group = 0;
    Slot<long long> member;
    std::string origin, kind, covered, mentee_name, mentor_name;
    int total = 0, values = 0, answered = 0, coverage = 0, proximity = 0, community = 0;
    Query query(sql_);
    query.Into(mentee).Into(mentor).Into(member.value, member.indicator).Into(origin).Into(total).Into(values)
        .Into(answered).Into(coverage).Into(proximity).Into(kind).Into(community).Into(covered).Into(mentee_name)
        .Into(mentor_name).Into(group).Use(run);
    if (query.Run("SELECT p.mentee_member_id, p.mentor_person_id, p.mentor_member_id, p.origin, p.total, "
                  "p.values_points, p.values_answered, p.coverage, p.proximity, p.proximity_kind, p.community, "
                  "p.covered, ep.name, mp.name, m.group_id FROM matching_pairs p "
                  "JOIN memberships m ON m.id = p.mentee_member_id JOIN people ep ON ep.id = m.person_id "
                  "JOIN people mp ON mp.id = p.mentor_person_id WHERE p.run_id = :r ORDER BY p.position")) {
      do {
        RunPair p;
        p.mentee_member_id = mentee;
        p.mentor_person_id = mentor;
        if (member.has()) p.mentor_member_id = member.value;
        p.origin = Stored("origin", origin, ParseMentorOrigin);
        p.score.total = total;
        p.score.values = values;
        p.score.values_answered = answered != 0;
        p.score.coverage = coverage;
        p.score.proximity = proximity;
        p.score.proximity_kind = Stored("proximity_kind", kind, ParseProximity);
        p.score.community = community;
        p.score.covered_competencies = Split(covered);
        p.mentee_name = mentee_name;
        p.mentor_name = mentor_name;
        p.mentee_group_id = group;
        pairs.push_back(std::move(p));
      } while (query.Next());
    }
    return pairs;
  });
}

core::Result<std::vector<RunUnplaced>> SqlMatchingRunRepository::Unplaced(std::int64_t run_id) {
  return Guard("read unplaced mentees", [&]() -> core::Result<std::vector<RunUnplaced>> {
    std::vector<RunUnplaced> unplaced;
    long long run = run_id, member = 0, group = 0;
    std::string reason, uncovered, name;
    Query query(sql_);
    query.Into(member).Into(reason).Into(uncovered).Into(name).Into(group).Use(run);
    if (query.Run("SELECT u.member_id, u.reason, u.uncovered, p.name, m.group_id FROM matching_unplaced u "
                  "JOIN memberships m ON m.id = u.member_id JOIN people p ON p.id = m.person_id "
                  "WHERE u.run_id = :r ORDER BY u.position")) {
      do {
        unplaced.push_back({member, Stored("reason", reason, ParseReason), Split(uncovered), name, group});
      } while (query.Next());
    }
    return unplaced;
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
      long long member = 0, person = 0, group = 0;
      Slot<std::string> village;
      Query query(sql_);
      query.Into(member).Into(person).Into(group).Into(village.value, village.indicator).Use(day).Use(day).Use(day)
          .Use(day);
      if (query.Run("SELECT m.id, m.person_id, m.group_id, p.village_code FROM memberships m "
                    "JOIN people p ON p.id = m.person_id WHERE m.group_id IN " + groups +
                    " AND m.mentor = 0 AND" + active +
                    " AND NOT EXISTS (SELECT 1 FROM mentorships s WHERE s.mentee_member_id = m.id AND" + mentoring +
                    ") ORDER BY m.id")) {
        do {
          mentee_at[member] = pool.mentees.size();
          pool.mentees.push_back({member, person, group, village.get(), {}});
        } while (query.Next());
      }
    }
    {
      long long member = 0, competency = 0;
      Query query(sql_);
      query.Into(member).Into(competency);
      if (query.Run("SELECT DISTINCT cm.member_id, t.competency_id FROM cycle_mentees cm "
                    "JOIN learning_cycles c ON c.id = cm.cycle_id JOIN cycle_targets t ON t.cycle_id = c.id "
                    "WHERE c.group_id IN " + groups + " AND c.status IN ('planning', 'implementation') "
                    "AND NOT EXISTS (SELECT 1 FROM cycle_evaluations e WHERE e.member_id = cm.member_id "
                    "AND e.competency_id = t.competency_id AND e.achieved = 1) "
                    "ORDER BY cm.member_id, t.competency_id")) {
        do {
          if (auto it = mentee_at.find(member); it != mentee_at.end()) {
            pool.mentees[it->second].targets.push_back(competency);
          }
        } while (query.Next());
      }
    }
    std::map<std::int64_t, std::size_t> mentor_at;  // person → index
    {
      long long member = 0, person = 0, group = 0;
      Slot<std::string> village;
      Query query(sql_);
      query.Into(member).Into(person).Into(group).Into(village.value, village.indicator).Use(day).Use(day);
      if (query.Run("SELECT m.id, m.person_id, m.group_id, p.village_code FROM memberships m "
                    "JOIN people p ON p.id = m.person_id WHERE m.group_id IN " + groups +
                    " AND m.mentor = 1 AND" + active + " ORDER BY m.id")) {
        do {
          if (mentor_at.count(person) > 0) continue;
          mentor_at[person] = pool.mentors.size();
          pool.mentors.push_back({person, member, group, village.get(), MentorOrigin::kCommunity, 0, {}});
        } while (query.Next());
      }
    }
    {
      long long person = 0;
      Slot<std::string> village;
      Query query(sql_);
      query.Into(person).Into(village.value, village.indicator);
      if (query.Run("SELECT p.id, p.village_code FROM people p WHERE p.id IN ("
                    "SELECT mentor_person_id FROM mentorships WHERE origin = 'external' AND group_id IN " + groups +
                    " UNION SELECT mentor_person_id FROM learning_cycles WHERE mentor_origin = 'external' "
                    "AND group_id IN " + groups + ") ORDER BY p.id")) {
        do {
          if (mentor_at.count(person) > 0) continue;
          mentor_at[person] = pool.mentors.size();
          pool.mentors.push_back({person, std::nullopt, std::nullopt, village.get(), MentorOrigin::kExternal, 0, {}});
        } while (query.Next());
      }
    }
    if (!pool.mentors.empty()) {
      std::vector<std::int64_t> people;
      for (const auto& mentor : pool.mentors) people.push_back(mentor.person_id);
      const std::string persons = Literal(people);
      long long person = 0, number = 0;
      {
        Query query(sql_);
        query.Into(person).Into(number).Use(day).Use(day);
        if (query.Run("SELECT s.mentor_person_id, COUNT(*) FROM mentorships s WHERE s.mentor_person_id IN " +
                      persons + " AND" + mentoring + " GROUP BY s.mentor_person_id")) {
          do {
            pool.mentors[mentor_at.at(person)].active_mentees = number;
          } while (query.Next());
        }
      }
      Query query(sql_);
      query.Into(person).Into(number);
      if (query.Run("SELECT c.mentor_person_id, t.competency_id FROM learning_cycles c "
                    "JOIN cycle_targets t ON t.cycle_id = c.id WHERE c.mentor_person_id IN " + persons +
                    " UNION SELECT m.person_id, e.competency_id FROM cycle_evaluations e "
                    "JOIN memberships m ON m.id = e.member_id WHERE e.achieved = 1 AND e.level = 3 "
                    "AND m.person_id IN " + persons + " ORDER BY 1, 2")) {
        do {
          pool.mentors[mentor_at.at(person)].achieved.push_back(number);
        } while (query.Next());
      }
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
      if (query.Run("SELECT m.person_id, r.id, q.code, a.scale FROM survey_responses r "
                    "JOIN surveys s ON s.id = r.survey_id JOIN survey_templates t ON t.id = s.template_id "
                    "JOIN memberships m ON m.id = r.member_id JOIN survey_answers a ON a.response_id = r.id "
                    "JOIN survey_questions q ON q.id = a.question_id WHERE t.code = 'values' AND m.person_id IN " +
                    Literal(people) + " ORDER BY m.person_id, r.id DESC")) {
        do {
          auto& [id, answers] = latest[person];
          if (id == 0) {
            id = response;
            answers.assign(kCodes.size(), 0);
          }
          if (id != response || !scale.has()) continue;
          for (std::size_t i = 0; i < kCodes.size(); ++i) {
            if (kCodes[i] == code) answers[i] = scale.value;
          }
        } while (query.Next());
      }
      for (auto& [who, answer] : latest) {
        bool complete = std::all_of(answer.second.begin(), answer.second.end(), [](int v) { return v > 0; });
        if (complete) pool.values.emplace_back(who, std::move(answer.second));
      }
    }
    return pool;
  });
}

}  // namespace gotong::storage::internal
