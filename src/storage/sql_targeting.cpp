// Targeting: candidates ranked by need in one statement, rounds frozen by one INSERT … SELECT, the
// per-recipient summary of assistance received, and people's household categories.

#include "storage/sql_targeting.hpp"

#include <algorithm>
#include <map>

#include "storage/sql_programmes.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::programmes;  // NOLINT: this file implements that context's interfaces
using domain::registry::HouseholdCategory;

std::string Number(long long value) { return std::to_string(value); }

// How a candidate query reads enterprises: counting them (no score), or ranked by their kept score
// (need_scores) either sorted after the criteria found them or found by walking need_scores_rank
// in order. A short list sorts faster; a long one (a province's million) is walked, its first
// page met within the first rows (SQLite keeps a CROSS JOIN's order; PostgreSQL plans its own).
enum class Plan { kCount, kSort, kWalk };

// The columns every candidate query yields, as `c`: id, name, village_code, sector, scale,
// founded_year, poor, zakat_recipient, homogeneous, assistance_count, assistance_value, providers,
// last_on; enterprises ranked (kSort, kWalk) add kept_score. `where` narrows the rows of
// enterprises `e` or groups `g`.
std::string FactsSql(RecipientKind kind, const std::string& where, Plan plan = Plan::kCount) {
  const std::string received =
      "COALESCE(r.assistance_count, 0) AS assistance_count, COALESCE(r.assistance_value, 0) AS assistance_value, "
      "COALESCE(r.providers, 0) AS providers, r.last_on AS last_on";
  if (kind == RecipientKind::kEnterprise) {
    auto household = [](const char* category) {
      return std::string("CASE WHEN EXISTS (SELECT 1 FROM household_categories h WHERE h.person_id = e.owner_id "
                         "AND h.category = '") +
             category + "') THEN 1 ELSE 0 END";
    };
    const std::string facts =
        "e.name AS name, e.village_code AS village_code, e.sector AS sector, e.scale AS scale, "
        "e.founded_year AS founded_year, " +
        household("poor") + " AS poor, " + household("zakat_recipient") +
        " AS zakat_recipient, CAST(NULL AS INTEGER) AS homogeneous, " + received;
    if (plan != Plan::kCount) {
      // (PostgreSQL takes no ON after CROSS JOIN: the walk's join condition goes in the WHERE.)
      const std::string joined = plan == Plan::kWalk ? "need_scores n CROSS JOIN enterprises e"
                                                     : "enterprises e JOIN need_scores n ON n.enterprise_id = e.id";
      const std::string joined_where = plan == Plan::kWalk ? "e.id = n.enterprise_id AND " + where : where;
      return "SELECT n.enterprise_id AS id, " + facts + ", n.score AS kept_score FROM " + joined +
             " LEFT JOIN assistance_received r ON r.enterprise_id = e.id WHERE " + joined_where;
    }
    return "SELECT e.id AS id, " + facts + " FROM enterprises e LEFT JOIN assistance_received r ON r.enterprise_id = e.id "
           "WHERE " + where;
  }
  // A group is in a household category when one of its current members is.
  auto household = [](const char* category) {
    return std::string("CASE WHEN EXISTS (SELECT 1 FROM memberships m JOIN household_categories h ON h.person_id = "
                       "m.person_id WHERE m.group_id = g.id AND m.left_on IS NULL AND h.category = '") +
           category + "') THEN 1 ELSE 0 END";
  };
  return "SELECT g.id AS id, g.name AS name, g.village_code AS village_code, g.sector AS sector, "
         "CAST(NULL AS TEXT) AS scale, CAST(SUBSTR(g.founded_on, 1, 4) AS INTEGER) AS founded_year, " +
         household("poor") + " AS poor, " + household("zakat_recipient") +
         " AS zakat_recipient, "
         // Homogeneous: its current members' enterprises (those recorded) all share its sector.
         "CASE WHEN EXISTS (SELECT 1 FROM memberships m JOIN enterprises me ON me.id = m.enterprise_id "
         "WHERE m.group_id = g.id AND m.left_on IS NULL) AND NOT EXISTS (SELECT 1 FROM memberships m JOIN "
         "enterprises me ON me.id = m.enterprise_id WHERE m.group_id = g.id AND m.left_on IS NULL AND "
         "me.sector <> g.sector) THEN 1 ELSE 0 END AS homogeneous, " +
         received + " FROM groups g LEFT JOIN assistance_received r ON r.group_id = g.id WHERE " + where;
}

// ScoreNeed in SQL over the columns of FactsSql (alias c), with the same weights.
std::string ScoreSql(int year) {
  using W = NeedWeights;
  const std::string y = Number(year);
  const std::string years = "(" + y + " - CAST(SUBSTR(c.last_on, 1, 4) AS INTEGER))";
  const std::string per_point = Number(W::kRupiahPerPoint);
  return "((CASE c.scale WHEN 'micro' THEN " + Number(W::kMicro) + " WHEN 'small' THEN " + Number(W::kSmall) +
         " ELSE 0 END)"
         " + (CASE WHEN c.poor = 1 OR c.zakat_recipient = 1 THEN " + Number(W::kHousehold) + " ELSE 0 END)" +
         " + (CASE WHEN c.founded_year IS NOT NULL AND c.founded_year <= " + y + " AND c.founded_year >= " +
         Number(year - W::kYoungYears) + " THEN " + Number(W::kYoung) + " ELSE 0 END)" +
         " + (CASE WHEN c.assistance_count = 0 THEN " + Number(W::kNeverAssisted) + " ELSE " +
         "(CASE WHEN c.assistance_value / " + per_point + " >= " + Number(W::kMaxValuePenalty) + " THEN " +
         Number(-W::kMaxValuePenalty) + " ELSE 0 - (c.assistance_value / " + per_point + ") END)" +
         " + (CASE WHEN c.last_on IS NULL OR " + years + " <= 0 THEN 0 WHEN " + years + " * " +
         Number(W::kPerYearSinceLast) + " >= " + Number(W::kMaxSinceLast) + " THEN " + Number(W::kMaxSinceLast) +
         " ELSE " + years + " * " + Number(W::kPerYearSinceLast) + " END) END))";
}

// The score candidates are ranked by: enterprises' kept score (need_scores, V033, in the year
// KeepScoresIn made it), groups' computed here.
std::string RankSql(RecipientKind kind, int year) {
  return kind == RecipientKind::kEnterprise ? std::string("c.kept_score") : ScoreSql(year);
}

// need_scores holds every enterprise's score in one year (need_score_year); a request that scores
// in another year (the first of a new year, or a test's clock) rescores them all first, in its
// own write unit, from need_score_recount (the migration's ScoreNeed in SQL).
void KeepScoresIn(soci::session& sql, int year) {
  int kept = 0;
  sql << "SELECT year FROM need_score_year WHERE id = 1", soci::into(kept);
  if (kept == year) return;
  sql << "UPDATE need_score_year SET year = :y WHERE id = 1", soci::use(year);
  sql << "DELETE FROM need_scores";
  sql << "INSERT INTO need_scores (enterprise_id, score) SELECT enterprise_id, score FROM need_score_recount";
}

// The criteria and filters over `c`, and the rows a candidate comes from, read by `plan`.
std::string CandidatesFrom(const CandidateFilter& filter, Params& params, Plan plan) {
  const Criteria& criteria = filter.criteria;
  const std::string p = Number(filter.programme_id);
  std::string base = filter.kind == RecipientKind::kEnterprise
                         ? "e.status = 'active' AND NOT EXISTS (SELECT 1 FROM enrolments en WHERE en.programme_id = " +
                               p + " AND en.enterprise_id = e.id)"
                         : "g.status IN ('embryo', 'active') AND NOT EXISTS (SELECT 1 FROM enrolments en WHERE "
                           "en.programme_id = " + p + " AND en.group_id = g.id)";
  std::string where = " WHERE 1 = 1";
  // The regions as one condition, the narrowing folded into the criteria's: an index reads one
  // range where two on the same column would leave the narrower one to be checked row by row.
  if (auto regions = CandidateRegions(filter)) {
    where += " AND (";
    if (regions->empty()) where += "1 = 0";
    for (std::size_t i = 0; i < regions->size(); ++i) {
      if (i > 0) where += " OR ";
      where += "(" + RegionMatch("c.village_code", (*regions)[i], params) + ")";
    }
    where += ")";
  }
  auto in_list = [&](const char* column, const std::vector<std::string>& words) {
    if (words.empty()) return;
    where += std::string(" AND ") + column + " IN (";
    for (std::size_t i = 0; i < words.size(); ++i) {
      if (i > 0) where += ", ";
      params.Text(where, words[i]);
    }
    where += ")";
  };
  std::vector<std::string> sectors, scales;
  for (auto sector : criteria.sectors) sectors.emplace_back(domain::registry::ToString(sector));
  for (auto scale : criteria.scales) scales.emplace_back(domain::registry::ToString(scale));
  in_list("c.sector", sectors);
  in_list("c.scale", scales);
  if (criteria.founded_within_years) {
    const int start = filter.criteria_starts_on.year;
    where += " AND c.founded_year IS NOT NULL AND c.founded_year <= " + Number(start) + " AND c.founded_year >= " +
             Number(start - *criteria.founded_within_years);
  }
  if (criteria.homogeneous) where += " AND c.homogeneous = 1";
  if (!criteria.categories.empty()) {
    std::string any;
    for (auto category : criteria.categories) {
      any += std::string(any.empty() ? "" : " OR ") +
             (category == Category::kPoor ? "c.poor = 1" : "c.zakat_recipient = 1");
    }
    where += " AND (" + any + ")";
  }
  if (filter.sector) {
    where += " AND c.sector = ";
    params.Text(where, std::string(domain::registry::ToString(*filter.sector)));
  }
  return " FROM (" + FactsSql(filter.kind, base, plan) + ") c" + where;
}

// Whether enterprises counted `counted` (capped) are ranked by walking the kept scores: when they
// are many, or when they lie anywhere in a province or wider. Walking stops at the page, after
// about limit ÷ density scores; sorting reads every enterprise of the regions first, cheaper only
// when the regions are narrow (a regency, a district, a village) and hold few candidates. A rare
// filter over a province (zakat recipients of one sector: 2,047 of 1,000,000) took 0.57 s sorted
// and 0.04 s walked on SQLite.
bool WalkRanks(const CandidateFilter& filter, long long counted) {
  if (filter.kind != RecipientKind::kEnterprise) return false;
  if (counted >= kCandidatesCounted) return true;
  auto regions = CandidateRegions(filter);
  return !regions || std::any_of(regions->begin(), regions->end(),
                                 [](const std::string& code) { return code.size() <= 2; });
}

// A candidate's facts and what it has received, read as PartMember reads a part.
template <auto Pointer, auto Parse = nullptr>
constexpr Column<Candidate> FactMember(std::string_view sql) {
  return PartMember<&Candidate::facts, Pointer, Parse>(sql);
}
template <auto Pointer>
constexpr Column<Candidate> ReceivedMember(std::string_view sql) {
  return PartMember<&Candidate::received, Pointer>(sql);
}

// A column (1 or 0) saying whether the candidate's household is in `kCategory`.
template <Category kCategory>
void AddCategory(Candidate& candidate, const Cell& cell, std::string_view sql) {
  if (cell.IsNull()) cell::Damaged(sql, "NULL");
  if (cell.number != 0) candidate.facts.categories.push_back(kCategory);
}

// A candidate as a ranking reads it, from FactsSql's columns (as `c`). Its score, an expression
// of each query (RankSql, ScoreSql), is read after these.
constexpr Column<Candidate> kCandidateColumns[] = {
    Member<&Candidate::id>("c.id"),
    Member<&Candidate::name>("c.name"),
    FactMember<&CandidateFacts::village_code>("c.village_code"),
    FactMember<&CandidateFacts::sector, domain::registry::ParseSector>("c.sector"),
    FactMember<&CandidateFacts::scale, domain::registry::ParseScale>("c.scale"),
    FactMember<&CandidateFacts::founded_year>("c.founded_year"),
    {"c.poor", CellKind::kNumber, AddCategory<Category::kPoor>},
    {"c.zakat_recipient", CellKind::kNumber, AddCategory<Category::kZakatRecipient>},
    FactMember<&CandidateFacts::homogeneous>("c.homogeneous"),
    ReceivedMember<&AssistanceSummary::count>("c.assistance_count"),
    ReceivedMember<&AssistanceSummary::value>("c.assistance_value"),
    ReceivedMember<&AssistanceSummary::providers>("c.providers"),
    ReceivedMember<&AssistanceSummary::last_on>("c.last_on"),
};

// A candidate as a round froze it (round_beneficiaries `b`), with its score. Its position, which
// is the beneficiary's, is read before these.
constexpr Column<Candidate> kBeneficiaryColumns[] = {
    Member<&Candidate::id>("COALESCE(b.enterprise_id, b.group_id)"),
    Member<&Candidate::name>("b.name"),
    FactMember<&CandidateFacts::village_code>("b.village_code"),
    FactMember<&CandidateFacts::sector, domain::registry::ParseSector>("b.sector"),
    FactMember<&CandidateFacts::scale, domain::registry::ParseScale>("b.scale"),
    FactMember<&CandidateFacts::founded_year>("b.founded_year"),
    {"b.poor", CellKind::kNumber, AddCategory<Category::kPoor>},
    {"b.zakat_recipient", CellKind::kNumber, AddCategory<Category::kZakatRecipient>},
    FactMember<&CandidateFacts::homogeneous>("b.homogeneous"),
    ReceivedMember<&AssistanceSummary::count>("b.assistance_count"),
    ReceivedMember<&AssistanceSummary::value>("b.assistance_value"),
    ReceivedMember<&AssistanceSummary::providers>("b.providers"),
    ReceivedMember<&AssistanceSummary::last_on>("b.last_on"),
    Member<&Candidate::score>("b.score"),
};

// The candidates a ranking query reads, each with the score it selects after kCandidateColumns.
class ScoredRows {
 public:
  void Bind(Query& query) {
    row_.Bind(query);
    query.Into(score_);
  }
  Candidate Get() const {
    Candidate candidate = row_.Get();
    candidate.score = static_cast<int>(score_);
    return candidate;
  }

 private:
  RowReader<Candidate> row_{kCandidateColumns};
  long long score_ = 0;
};

// What a round is and what it was frozen from are written once (its cut score by Freeze itself);
// an update records the decision on it.
constexpr Column<Round> kRoundColumns[] = {
    Member<&Round::id>("r.id"),
    Field<&Round::programme_id>("r.programme_id").OnInsert(),
    Field<&Round::kind, ParseRecipientKind>("r.kind").OnInsert(),
    Field<&Round::status, ParseRoundStatus>("r.status"),
    Field<&Round::opens_on>("r.opens_on").OnInsert(),
    Field<&Round::closes_on>("r.closes_on").OnInsert(),
    Field<&Round::quota>("r.quota").OnInsert(),
    Field<&Round::region_code>("r.region_code").OnInsert(),
    Field<&Round::sector, domain::registry::ParseSector>("r.sector").OnInsert(),
    Field<&Round::note>("r.note").OnInsert(),
    Field<&Round::scored_year>("r.scored_year").OnInsert(),
    Field<&Round::criteria_starts_on>("r.criteria_starts_on").OnInsert(),
    Field<&Round::candidate_count>("r.candidate_count").OnInsert(),
    Field<&Round::selected_count>("r.selected_count").OnInsert(),
    Member<&Round::cut_score>("r.cut_score"),
    Field<&Round::enrolled_count>("r.enrolled_count"),
    Field<&Round::created_by>("r.created_by").OnInsert(),
    Field<&Round::created_at>("r.created_at").OnInsert(),
    Field<&Round::decided_by>("r.decided_by"),
    Field<&Round::decided_at>("r.decided_at"),
    Field<&Round::updated_at>("r.updated_at"),
};
constexpr RecordTable<Round> kRoundTable{kRoundColumns, " FROM targeting_rounds r", "r", "round"};

// What one recipient has received, as RecountReceived keeps it.
constexpr Column<AssistanceSummary> kReceivedColumns[] = {
    Member<&AssistanceSummary::count>("assistance_count"),
    Member<&AssistanceSummary::value>("assistance_value"),
    Member<&AssistanceSummary::providers>("providers"),
    Member<&AssistanceSummary::last_on>("last_on"),
};

// A household category; ReadChildren reads its person's id after these.
constexpr Column<HouseholdCategory> kCategoryColumns[] = {
    Member<&HouseholdCategory::category>("category"),
    Member<&HouseholdCategory::since>("since"),
    Member<&HouseholdCategory::source>("source"),
};

const char* RecipientColumn(RecipientKind kind) {
  return kind == RecipientKind::kEnterprise ? "enterprise_id" : "group_id";
}

// Reads the frozen criteria of `rounds` (a page of a list, or one) in one statement.
void LoadRoundCriteria(soci::session& sql, std::span<Round> rounds) {
  std::map<std::int64_t, Criteria*> criteria;
  for (auto& round : rounds) criteria[round.id] = &round.criteria;
  LoadCriteria(sql, " FROM round_criteria", "round_id", criteria);
}

}  // namespace

core::Status SqlTargetingRepository::RecountReceived(RecipientKind kind, std::int64_t id) {
  return Guard("recount assistance received", [&]() -> core::Status {
    const std::string column = RecipientColumn(kind), key = Number(id);
    sql_ << "DELETE FROM assistance_received WHERE " + column + " = " + key;
    sql_ << "INSERT INTO assistance_received (enterprise_id, group_id, assistance_count, assistance_value, "
            "providers, last_on) SELECT " +
                std::string(kind == RecipientKind::kEnterprise ? key + ", CAST(NULL AS BIGINT)" : "CAST(NULL AS BIGINT), " + key) +
                ", COUNT(*), SUM(value), COUNT(DISTINCT provider_id), MAX(given_on) FROM assistance WHERE " +
                column + " = " + key + " HAVING COUNT(*) > 0";
    return core::OkStatus();
  });
}

core::Result<AssistanceSummary> SqlTargetingRepository::Received(RecipientKind kind, std::int64_t id) {
  return Guard("read assistance received", [&]() -> core::Result<AssistanceSummary> {
    // Nothing received: no row.
    RowReader<AssistanceSummary> row(kReceivedColumns);
    Query query(sql_);
    row.Bind(query);
    if (!query.Run("SELECT " + SelectList<AssistanceSummary>(kReceivedColumns) +
                   " FROM assistance_received WHERE " + RecipientColumn(kind) + " = " +
                   Number(id))) {
      return AssistanceSummary{};
    }
    return row.Get();
  });
}

core::Result<core::Page<Candidate>> SqlTargetingRepository::Candidates(const CandidateFilter& filter,
                                                                       const core::PageRequest& page) {
  return Guard("list candidates", [&]() -> core::Result<core::Page<Candidate>> {
    if (filter.kind == RecipientKind::kEnterprise) KeepScoresIn(sql_, filter.year);
    core::Page<Candidate> result{{}, 0, page.limit, page.offset};
    // Counted up to kCandidatesCounted past the offset: a count of a province's million would
    // cost more than the page.
    const long long cap = page.offset + kCandidatesCounted;
    long long total = 0;
    {
      Params params;
      const std::string counted = CandidatesFrom(filter, params, Plan::kCount);
      total = CountRows(
          sql_, " FROM (SELECT 1" + counted + " LIMIT " + Number(cap + 1) + ") counted", params);
    }
    result.total = std::min(total, cap);
    result.total_capped = total > cap;
    if (total <= page.offset) return result;
    Params params;
    const std::string from = CandidatesFrom(filter, params, WalkRanks(filter, total) ? Plan::kWalk : Plan::kSort);
    ScoredRows rows;
    Query query(sql_);
    rows.Bind(query);
    params.BindTo(query);
    const std::string rank = RankSql(filter.kind, filter.year);
    query.ForEachRow("SELECT " + SelectList<Candidate>(kCandidateColumns) + ", " + rank +
                         " AS score" + from + " ORDER BY " + rank + " DESC, c.id LIMIT " +
                         Number(page.limit) + " OFFSET " + Number(page.offset),
                     [&] { result.items.push_back(rows.Get()); });
    return result;
  });
}

core::Result<Candidate> SqlTargetingRepository::CandidateNow(RecipientKind kind, std::int64_t id, int year) {
  return Guard("read a candidate", [&]() -> core::Result<Candidate> {
    const std::string where = (kind == RecipientKind::kEnterprise ? "e.id = " : "g.id = ") + Number(id);
    ScoredRows row;
    Query query(sql_);
    row.Bind(query);
    if (!query.Run("SELECT " + SelectList<Candidate>(kCandidateColumns) + ", " + ScoreSql(year) +
                   " AS score FROM (" + FactsSql(kind, where) + ") c")) {
      return core::Error::NotFound("no " + std::string(ToString(kind)) + " with id " + Number(id));
    }
    return row.Get();
  });
}

core::Result<bool> SqlTargetingRepository::Enrolled(std::int64_t programme_id, RecipientKind kind, std::int64_t id) {
  return Guard("read an enrolment", [&]() -> core::Result<bool> {
    long long count = 0;
    Query query(sql_);
    query.Into(count);
    query.Run("SELECT COUNT(*) FROM enrolments WHERE programme_id = " + Number(programme_id) + " AND " +
              RecipientColumn(kind) + " = " + Number(id));
    return count > 0;
  });
}

core::Result<std::vector<Round>> SqlTargetingRepository::Overlapping(std::int64_t programme_id,
                                                                     const core::Date& opens_on,
                                                                     const core::Date& closes_on) {
  return Guard("find overlapping rounds", [&]() -> core::Result<std::vector<Round>> {
    Params params;
    std::string where = " WHERE r.programme_id = " + Number(programme_id) +
                        " AND r.status <> 'cancelled' AND r.opens_on <= ";
    params.Text(where, closes_on.ToString());
    where += " AND r.closes_on >= ";
    params.Text(where, opens_on.ToString());
    return SelectRecords(sql_, kRoundTable, where + " ORDER BY r.opens_on", params);
  });
}

core::Result<std::int64_t> SqlTargetingRepository::Freeze(const Round& round, const CandidateFilter& filter) {
  return Guard("freeze a round", [&]() -> core::Result<std::int64_t> {
    if (round.kind == RecipientKind::kEnterprise) KeepScoresIn(sql_, round.scored_year);
    long long candidates = 0;
    {
      Params params;
      candidates = CountRows(sql_, CandidatesFrom(filter, params, Plan::kCount), params);
    }
    Params params;
    const std::string from =
        CandidatesFrom(filter, params, WalkRanks(filter, candidates) ? Plan::kWalk : Plan::kSort);
    // Its counts are this freeze's (how many it selects is set below); nothing of it is decided
    // yet.
    Round frozen = round;
    frozen.candidate_count = candidates;
    frozen.selected_count = 0;
    frozen.enrolled_count.reset();
    frozen.decided_by.reset();
    frozen.decided_at.reset();
    long long id = InsertRecord<Round>(sql_, "targeting_rounds", kRoundColumns, frozen);
    // The criteria as they stand, in programme_criteria's words.
    for (auto& [criterion, value] : CriteriaRows(round.criteria)) {
      sql_ << "INSERT INTO round_criteria (round_id, kind, value) VALUES (:r, :k, :v)", soci::use(id),
          soci::use(criterion), soci::use(value);
    }
    // The list itself: one INSERT … SELECT, ranked as Candidates ranks.
    const bool enterprises = round.kind == RecipientKind::kEnterprise;
    const long long limit = round.quota.value_or(std::int64_t{1} << 62);
    long long selected = 0;
    {
      Query insert(sql_);
      params.BindTo(insert);
      insert.Run(
          "INSERT INTO round_beneficiaries (round_id, position, enterprise_id, group_id, name, "
          "village_code, "
          "sector, scale, founded_year, poor, zakat_recipient, homogeneous, assistance_count, "
          "assistance_value, providers, last_on, score) SELECT " +
          Number(id) + ", ROW_NUMBER() OVER (ORDER BY s.score DESC, s.id), " +
          (enterprises ? "s.id, CAST(NULL AS BIGINT)" : "CAST(NULL AS BIGINT), s.id") +
          ", s.name, s.village_code, s.sector, s.scale, s.founded_year, s.poor, s.zakat_recipient, "
          "s.homogeneous, s.assistance_count, s.assistance_value, s.providers, s.last_on, s.score "
          "FROM "
          "(SELECT " +
          SelectList<Candidate>(kCandidateColumns) + ", " + RankSql(round.kind, round.scored_year) +
          " AS score" + from + " ORDER BY score DESC, c.id LIMIT " + Number(limit) + ") s");
      selected = insert.AffectedRows();
    }
    // The score of the last selected, when the quota left qualified candidates out.
    if (selected < candidates) {
      sql_ << "UPDATE targeting_rounds SET selected_count = :n, cut_score = (SELECT MIN(score) FROM "
              "round_beneficiaries WHERE round_id = :r) WHERE id = :r2",
          soci::use(selected), soci::use(id), soci::use(id);
    } else {
      sql_ << "UPDATE targeting_rounds SET selected_count = :n WHERE id = :r", soci::use(selected), soci::use(id);
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Result<Round> SqlTargetingRepository::FindRound(std::int64_t id) {
  return Guard("find round", [&]() -> core::Result<Round> {
    GOTONG_ASSIGN_OR_RETURN(auto round, FindRecord(sql_, kRoundTable, id));
    LoadRoundCriteria(sql_, std::span(&round, 1));
    return round;
  });
}

core::Result<core::Page<Round>> SqlTargetingRepository::ListRounds(const RoundFilter& filter,
                                                                   const core::PageRequest& page) {
  return Guard("list rounds", [&]() -> core::Result<core::Page<Round>> {
    Params params;
    std::string where = " WHERE 1 = 1";
    if (filter.programme_id) where += " AND r.programme_id = " + Number(*filter.programme_id);
    if (filter.status) {
      where += " AND r.status = ";
      params.Text(where, std::string(ToString(*filter.status)));
    }
    if (filter.kind) {
      where += " AND r.kind = ";
      params.Text(where, std::string(ToString(*filter.kind)));
    }
    auto rounds = PagedRecords(sql_, page, kRoundTable, where, params, "r.id DESC");
    LoadRoundCriteria(sql_, rounds.items);
    return rounds;
  });
}

core::Status SqlTargetingRepository::UpdateRound(const Round& round) {
  return ChangeRecord(sql_, kRoundTable, round);
}

core::Result<core::Page<Beneficiary>> SqlTargetingRepository::Beneficiaries(std::int64_t round_id,
                                                                            const core::PageRequest& page) {
  return Guard("list beneficiaries", [&]() -> core::Result<core::Page<Beneficiary>> {
    Params params;
    long long position = 0;
    RowReader<Candidate> row(kBeneficiaryColumns);
    return PagedQuery<Beneficiary>(
        sql_, page, "b.position, " + SelectList<Candidate>(kBeneficiaryColumns),
        " FROM round_beneficiaries b WHERE b.round_id = " + Number(round_id), params, "b.position",
        [&](Query& query) {
          query.Into(position);
          row.Bind(query);
        },
        [&] {
          return Beneficiary{round_id, position, row.Get()};
        });
  });
}

core::Result<std::optional<Beneficiary>> SqlTargetingRepository::FindBeneficiary(std::int64_t round_id,
                                                                                 RecipientKind kind,
                                                                                 std::int64_t id) {
  return Guard("find beneficiary", [&]() -> core::Result<std::optional<Beneficiary>> {
    long long position = 0;
    RowReader<Candidate> row(kBeneficiaryColumns);
    Query query(sql_);
    query.Into(position);
    row.Bind(query);
    if (!query.Run("SELECT b.position, " + SelectList<Candidate>(kBeneficiaryColumns) +
                   " FROM round_beneficiaries b WHERE b.round_id = " + Number(round_id) +
                   " AND b." + RecipientColumn(kind) + " = " + Number(id))) {
      return std::optional<Beneficiary>();
    }
    return std::optional<Beneficiary>(Beneficiary{round_id, position, row.Get()});
  });
}

core::Result<std::int64_t> SqlTargetingRepository::EnrolBeneficiaries(const Round& round, const core::Date& enrolled_on,
                                                                      std::optional<std::int64_t> by,
                                                                      core::Instant at) {
  return Guard("enrol beneficiaries", [&]() -> core::Result<std::int64_t> {
    const std::string p = Number(round.programme_id);
    std::string day = enrolled_on.ToString(), when = Text(at);
    In<long long> user = NumberIn(by);
    Query insert(sql_);
    insert.Use(day).Use(user.value, user.indicator).Use(when).Use(when);
    insert.Run("INSERT INTO enrolments (programme_id, group_id, enterprise_id, facilitator_id, enrolled_on, "
               "outside_criteria_reason, created_by, created_at, updated_at) SELECT " +
               p + ", b.group_id, b.enterprise_id, NULL, CAST(:d AS TEXT), NULL, CAST(:b AS BIGINT), "
                   "CAST(:c AS TEXT), CAST(:u AS TEXT) FROM round_beneficiaries b WHERE b.round_id = " +
               Number(round.id) + " AND NOT EXISTS (SELECT 1 FROM enrolments en WHERE en.programme_id = " + p +
               " AND (en.enterprise_id = b.enterprise_id OR en.group_id = b.group_id)) ORDER BY b.position");
    return static_cast<std::int64_t>(insert.AffectedRows());
  });
}

core::Result<std::vector<std::int64_t>> SqlTargetingRepository::EnterprisesOfAccount(std::int64_t user_id) {
  return Guard("read an account's enterprises", [&]() -> core::Result<std::vector<std::int64_t>> {
    std::vector<std::int64_t> ids;
    long long id = 0;
    Query query(sql_);
    query.Into(id);
    query.ForEachRow(
        "SELECT DISTINCT e.id FROM memberships m JOIN enterprises e ON e.owner_id = m.person_id "
        "WHERE m.user_id = " +
            Number(user_id) + " AND m.left_on IS NULL ORDER BY e.id LIMIT 20",
        [&] { ids.push_back(id); });
    return ids;
  });
}

core::Result<std::map<std::int64_t, std::vector<HouseholdCategory>>> SqlHouseholdRepository::Categories(
    const std::vector<std::int64_t>& person_ids) {
  return Guard("read household categories", [&]() -> core::Result<std::map<std::int64_t, std::vector<HouseholdCategory>>> {
    std::map<std::int64_t, std::vector<HouseholdCategory>> found;
    ReadChildren<HouseholdCategory>(sql_, kCategoryColumns, " FROM household_categories",
                                    "person_id", person_ids, "person_id, category",
                                    [&](std::int64_t person, HouseholdCategory category) {
                                      found[person].push_back(std::move(category));
                                    });
    return found;
  });
}

core::Status SqlHouseholdRepository::Replace(std::int64_t person_id, const std::vector<HouseholdCategory>& categories,
                                             core::Instant at) {
  return Guard("write household categories", [&]() -> core::Status {
    long long person = person_id;
    std::string created = Text(at);
    sql_ << "DELETE FROM household_categories WHERE person_id = :p", soci::use(person);
    for (const auto& c : categories) {
      std::string category = c.category;
      In<std::string> since = DateIn(c.since), source = TextIn(c.source);
      sql_ << "INSERT INTO household_categories (person_id, category, since, source, created_at) "
              "VALUES (:p, :c, :s, :o, :a)",
          soci::use(person), soci::use(category), soci::use(since.value, since.indicator),
          soci::use(source.value, source.indicator), soci::use(created);
    }
    return core::OkStatus();
  });
}

}  // namespace gotong::storage::internal
