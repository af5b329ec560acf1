// The assistance ledger and its soft loans (issue 15; V029). Duplicates across providers are read
// with the records they belong to, in the same statement: one statement per page.

#include "sql_assistance.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sql_internal.hpp"

namespace gotong::storage::internal {
namespace {

using domain::programmes::Assistance;
using domain::programmes::AssistanceFilter;
using domain::programmes::BookedLoan;
using domain::programmes::BudgetTally;
using domain::programmes::LoanPart;
using domain::programmes::RecordedRepayment;

// A record's columns (alias a) with its provider, programme, recipient and loan part.
constexpr const char* kColumns =
    "a.id, a.programme_id, pg.name, a.provider_id, s.name, a.enterprise_id, a.group_id, "
    "COALESCE(e.name, g.name), COALESCE(e.steward_id, g.steward_id), a.kind, a.value, a.given_on, "
    "a.until_on, a.disbursed_on, a.description, a.over_budget_reason, a.created_by, a.created_at, "
    "a.updated_at, l.annual_rate_bp, l.term_months, l.method, l.first_due_on";
constexpr const char* kJoins =
    " JOIN stakeholders s ON s.id = a.provider_id"
    " LEFT JOIN programmes pg ON pg.id = a.programme_id"
    " LEFT JOIN enterprises e ON e.id = a.enterprise_id"
    " LEFT JOIN groups g ON g.id = a.group_id"
    " LEFT JOIN loans l ON l.assistance_id = a.id";
// Another record of the same kind for the same recipient whose period overlaps a's ([given_on,
// until_on or given_on], both ends included).
constexpr const char* kDuplicateOfA =
    "d.id <> a.id AND d.kind = a.kind"
    " AND (d.enterprise_id = a.enterprise_id OR d.group_id = a.group_id)"
    " AND d.given_on <= COALESCE(a.until_on, a.given_on)"
    " AND COALESCE(d.until_on, d.given_on) >= a.given_on";
constexpr const char* kNewestFirst = "a.given_on DESC, a.id DESC";

struct AssistanceVars {
  long long id = 0, provider_id = 0, value = 0;
  std::string provider_name, kind, given_on, created_at, updated_at;
  Slot<long long> programme_id, enterprise_id, group_id, steward_id, created_by, rate, term;
  Slot<std::string> programme_name, recipient_name, until_on, disbursed_on, description, reason, method,
      first_due_on;
  void Bind(Query& query) {
    query.Into(id).Into(programme_id.value, programme_id.indicator)
        .Into(programme_name.value, programme_name.indicator).Into(provider_id).Into(provider_name)
        .Into(enterprise_id.value, enterprise_id.indicator).Into(group_id.value, group_id.indicator)
        .Into(recipient_name.value, recipient_name.indicator).Into(steward_id.value, steward_id.indicator)
        .Into(kind).Into(value).Into(given_on).Into(until_on.value, until_on.indicator)
        .Into(disbursed_on.value, disbursed_on.indicator).Into(description.value, description.indicator)
        .Into(reason.value, reason.indicator).Into(created_by.value, created_by.indicator).Into(created_at)
        .Into(updated_at).Into(rate.value, rate.indicator).Into(term.value, term.indicator)
        .Into(method.value, method.indicator).Into(first_due_on.value, first_due_on.indicator);
  }
  Assistance Get() const {
    Assistance a;
    a.id = id;
    if (programme_id.has()) a.programme_id = programme_id.value;
    a.programme_name = programme_name.get().value_or("");
    a.provider_id = provider_id;
    a.provider_name = provider_name;
    if (enterprise_id.has()) a.enterprise_id = enterprise_id.value;
    if (group_id.has()) a.group_id = group_id.value;
    a.recipient_name = recipient_name.get().value_or("");
    if (steward_id.has()) a.recipient_steward_id = steward_id.value;
    a.kind = Stored("assistance kind", kind, domain::programmes::ParseAssistanceKind);
    a.value = value;
    a.given_on = DateFrom(given_on);
    if (until_on.has()) a.until_on = DateFrom(until_on.value);
    if (disbursed_on.has()) a.disbursed_on = DateFrom(disbursed_on.value);
    a.description = description.get();
    a.over_budget_reason = reason.get();
    if (created_by.has()) a.created_by = created_by.value;
    a.created_at = InstantFrom(created_at);
    a.updated_at = InstantFrom(updated_at);
    if (rate.has()) {
      LoanPart loan;
      loan.annual_rate_bp = rate.value;
      loan.term_months = static_cast<int>(term.value);
      loan.method = Stored("loan method", method.value, domain::programmes::ParseInterestMethod);
      loan.first_due_on = DateFrom(first_due_on.value);
      a.loan = loan;
    }
    return a;
  }
};

struct RepaymentVars {
  long long id = 0, loan_id = 0, amount = 0;
  std::string paid_on, created_at;
  Slot<long long> recorded_by;
  Slot<std::string> username;
  void Bind(Query& query) {
    query.Into(id).Into(loan_id).Into(paid_on).Into(amount).Into(recorded_by.value, recorded_by.indicator)
        .Into(username.value, username.indicator).Into(created_at);
  }
  RecordedRepayment Get() const {
    RecordedRepayment r;
    r.id = id;
    r.loan_id = loan_id;
    r.paid_on = DateFrom(paid_on);
    r.amount = amount;
    if (recorded_by.has()) r.recorded_by = recorded_by.value;
    r.recorded_by_username = username.get().value_or("");
    r.created_at = InstantFrom(created_at);
    return r;
  }
};

constexpr const char* kRepaymentColumns =
    "r.id, r.loan_id, r.paid_on, r.amount, r.recorded_by, u.username, r.created_at";

// " WHERE …" over assistance a (with enterprises e and groups g joined) for `filter`.
std::string WhereOf(const AssistanceFilter& filter, Params& params) {
  std::string where = " WHERE 1 = 1";
  if (filter.reach.stakeholder_id) {
    // Each comparison binds its own copy: the values are bound by position.
    const long long s = *filter.reach.stakeholder_id;
    where += " AND (a.provider_id = ";
    params.Number(where, s);
    where += " OR e.steward_id = ";
    params.Number(where, s);
    where += " OR g.steward_id = ";
    params.Number(where, s);
    where += " OR a.programme_id IN (SELECT pr.id FROM programmes pr WHERE pr.owner_id = ";
    params.Number(where, s);
    where += ") OR a.programme_id IN (SELECT pp.programme_id FROM programme_partners pp WHERE pp.stakeholder_id = ";
    params.Number(where, s);
    where += "))";
  }
  if (filter.reach.programme_id) {
    where += " AND a.programme_id = ";
    params.Number(where, *filter.reach.programme_id);
  }
  auto equal = [&](const char* column, const std::optional<std::int64_t>& value) {
    if (!value) return;
    where += std::string(" AND ") + column + " = ";
    params.Number(where, *value);
  };
  equal("a.programme_id", filter.programme_id);
  equal("a.provider_id", filter.provider_id);
  equal("a.enterprise_id", filter.enterprise_id);
  equal("a.group_id", filter.group_id);
  if (filter.kind) {
    where += " AND a.kind = ";
    params.Text(where, std::string(ToString(*filter.kind)));
  }
  AddDateRange(where, params, "a.given_on", filter.from, filter.to);
  if (filter.duplicates_only) {
    where += std::string(" AND EXISTS (SELECT 1 FROM assistance d WHERE ") + kDuplicateOfA + ")";
  }
  return where;
}

// The filter's rows: assistance a with its recipient (for the steward's reach).
constexpr const char* kFilterFrom =
    " FROM assistance a LEFT JOIN enterprises e ON e.id = a.enterprise_id"
    " LEFT JOIN groups g ON g.id = a.group_id";

}  // namespace

std::vector<Assistance> SqlAssistanceRepository::ReadWithDuplicates(const std::string& sql,
                                                                    const Params& params) {
  std::vector<Assistance> records;
  AssistanceVars vars;
  Slot<long long> duplicate;
  Query query(sql_);
  vars.Bind(query);
  query.Into(duplicate.value, duplicate.indicator);
  params.BindTo(query);
  if (query.Run(sql)) {
    do {
      if (records.empty() || records.back().id != vars.id) records.push_back(vars.Get());
      if (duplicate.has()) records.back().duplicate_of.push_back(duplicate.value);
    } while (query.Next());
  }
  return records;
}

core::Result<std::int64_t> SqlAssistanceRepository::Insert(const Assistance& assistance) {
  return Guard("insert assistance", [&]() -> core::Result<std::int64_t> {
    static constexpr std::string_view kWriteColumns[] = {
        "programme_id", "provider_id", "enterprise_id", "group_id", "kind", "value", "given_on", "until_on",
        "disbursed_on", "description", "over_budget_reason", "created_by", "created_at", "updated_at"};
    auto programme = NumberIn(assistance.programme_id);
    long long provider = assistance.provider_id, value = assistance.value;
    auto enterprise = NumberIn(assistance.enterprise_id);
    auto group = NumberIn(assistance.group_id);
    std::string kind(ToString(assistance.kind)), given = assistance.given_on.ToString();
    auto until = DateIn(assistance.until_on);
    auto disbursed = DateIn(assistance.disbursed_on);
    auto description = TextIn(assistance.description);
    auto reason = TextIn(assistance.over_budget_reason);
    auto created_by = NumberIn(assistance.created_by);
    std::string created = Text(assistance.created_at), updated = Text(assistance.updated_at);
    long long id = 0;
    Query query(sql_);
    query.Use(programme.value, programme.indicator).Use(provider).Use(enterprise.value, enterprise.indicator)
        .Use(group.value, group.indicator).Use(kind).Use(value).Use(given).Use(until.value, until.indicator)
        .Use(disbursed.value, disbursed.indicator).Use(description.value, description.indicator)
        .Use(reason.value, reason.indicator).Use(created_by.value, created_by.indicator).Use(created)
        .Use(updated).Into(id);
    query.Run(InsertSql("assistance", kWriteColumns));
    if (assistance.loan) {
      const LoanPart& loan = *assistance.loan;
      long long rate = loan.annual_rate_bp, term = loan.term_months;
      std::string method(ToString(loan.method)), first_due = loan.first_due_on.ToString();
      Query insert(sql_);
      insert.Use(id).Use(rate).Use(term).Use(method).Use(first_due);
      insert.Run(
          "INSERT INTO loans (assistance_id, annual_rate_bp, term_months, method, first_due_on) "
          "VALUES (:a, :r, :t, :m, :f)");
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Result<Assistance> SqlAssistanceRepository::Find(std::int64_t id) {
  return Guard("find assistance", [&]() -> core::Result<Assistance> {
    Params params;
    std::string sql = std::string("SELECT ") + kColumns + ", d.id FROM assistance a" + kJoins +
                      " LEFT JOIN assistance d ON " + kDuplicateOfA + " WHERE a.id = ";
    params.Number(sql, id);
    sql += " ORDER BY d.id";
    auto records = ReadWithDuplicates(sql, params);
    if (records.empty()) return core::Error::NotFound("no assistance record with id " + std::to_string(id));
    return std::move(records.front());
  });
}

core::Result<core::Page<Assistance>> SqlAssistanceRepository::List(const AssistanceFilter& filter,
                                                                   const core::PageRequest& page) {
  return Guard("list assistance", [&]() -> core::Result<core::Page<Assistance>> {
    core::Page<Assistance> result{{}, 0, page.limit, page.offset};
    Params params;
    const std::string from_where = kFilterFrom + WhereOf(filter, params);
    result.total = CountRows(sql_, from_where, params);
    if (result.total <= page.offset) return result;
    // The page's ids in a subquery, then each record with one row per duplicate.
    std::string sql = std::string("SELECT ") + kColumns + ", d.id FROM (SELECT a.id AS id" + from_where +
                      " ORDER BY " + kNewestFirst;
    params.Page(sql, page);
    sql += std::string(") p JOIN assistance a ON a.id = p.id") + kJoins + " LEFT JOIN assistance d ON " +
           kDuplicateOfA + " ORDER BY " + kNewestFirst + ", d.id";
    result.items = ReadWithDuplicates(sql, params);
    return result;
  });
}

core::Result<std::vector<BookedLoan>> SqlAssistanceRepository::LoanBook(const AssistanceFilter& filter) {
  return Guard("read loan book", [&]() -> core::Result<std::vector<BookedLoan>> {
    AssistanceFilter loans = filter;
    loans.kind = domain::programmes::AssistanceKind::kSoftLoan;
    loans.duplicates_only = false;
    std::vector<BookedLoan> book;
    std::map<std::int64_t, std::size_t> position;
    {
      Params params;
      std::string where = WhereOf(loans, params);
      AssistanceVars vars;
      Query query(sql_);
      vars.Bind(query);
      params.BindTo(query);
      std::string sql = std::string("SELECT ") + kColumns + " FROM assistance a" + kJoins + where +
                        " AND l.assistance_id IS NOT NULL ORDER BY a.disbursed_on, a.id";
      if (query.Run(sql)) {
        do {
          position.emplace(vars.id, book.size());
          book.push_back({vars.Get(), {}});
        } while (query.Next());
      }
    }
    if (book.empty()) return book;
    Params params;
    std::string where = WhereOf(loans, params);
    RepaymentVars vars;
    Query query(sql_);
    vars.Bind(query);
    params.BindTo(query);
    std::string sql = std::string("SELECT ") + kRepaymentColumns +
                      " FROM loan_repayments r JOIN assistance a ON a.id = r.loan_id"
                      " LEFT JOIN enterprises e ON e.id = a.enterprise_id LEFT JOIN groups g ON g.id = a.group_id"
                      " LEFT JOIN users u ON u.id = r.recorded_by" +
                      where + " ORDER BY r.loan_id, r.paid_on, r.id";
    if (query.Run(sql)) {
      do {
        auto it = position.find(vars.loan_id);
        if (it != position.end()) book[it->second].repayments.push_back(vars.Get());
      } while (query.Next());
    }
    return book;
  });
}

core::Result<BudgetTally> SqlAssistanceRepository::Tally(std::int64_t programme_id) {
  return Guard("tally programme budget", [&]() -> core::Result<BudgetTally> {
    long long key = programme_id, committed = 0, disbursed = 0, over = 0;
    Query query(sql_);
    query.Into(committed).Into(disbursed).Into(over).Use(key);
    query.Run(
        "SELECT CAST(COALESCE(SUM(value), 0) AS BIGINT),"
        " CAST(COALESCE(SUM(CASE WHEN disbursed_on IS NULL THEN 0 ELSE value END), 0) AS BIGINT),"
        " COUNT(over_budget_reason) FROM assistance WHERE programme_id = :id");
    return BudgetTally{committed, disbursed, over};
  });
}

core::Status SqlAssistanceRepository::Lock(std::int64_t id) {
  return Guard("lock assistance", [&]() -> core::Status {
    long long key = id;
    Query query(sql_);
    query.Use(key);
    query.Run("UPDATE assistance SET updated_at = updated_at WHERE id = :id");
    return core::OkStatus();
  });
}

core::Result<std::int64_t> SqlAssistanceRepository::InsertRepayment(const RecordedRepayment& repayment) {
  return Guard("insert loan repayment", [&]() -> core::Result<std::int64_t> {
    static constexpr std::string_view kWriteColumns[] = {"loan_id", "paid_on", "amount", "recorded_by",
                                                         "created_at"};
    long long loan = repayment.loan_id, amount = repayment.amount, id = 0;
    std::string paid = repayment.paid_on.ToString(), created = Text(repayment.created_at);
    auto recorded_by = NumberIn(repayment.recorded_by);
    Query query(sql_);
    query.Use(loan).Use(paid).Use(amount).Use(recorded_by.value, recorded_by.indicator).Use(created).Into(id);
    query.Run(InsertSql("loan_repayments", kWriteColumns));
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<RecordedRepayment>> SqlAssistanceRepository::Repayments(std::int64_t loan_id) {
  return Guard("list loan repayments", [&]() -> core::Result<std::vector<RecordedRepayment>> {
    std::vector<RecordedRepayment> repayments;
    long long key = loan_id;
    RepaymentVars vars;
    Query query(sql_);
    vars.Bind(query);
    query.Use(key);
    if (query.Run(std::string("SELECT ") + kRepaymentColumns +
                  " FROM loan_repayments r LEFT JOIN users u ON u.id = r.recorded_by"
                  " WHERE r.loan_id = :id ORDER BY r.paid_on, r.id")) {
      do {
        repayments.push_back(vars.Get());
      } while (query.Next());
    }
    return repayments;
  });
}

}  // namespace gotong::storage::internal
