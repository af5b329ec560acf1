// The assistance ledger and its soft loans (issue 15; V029). Duplicates across providers are read
// with the records they belong to, in the same statement: one statement per page.

#include "storage/sql_assistance.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using domain::programmes::Assistance;
using domain::programmes::AssistanceFilter;
using domain::programmes::BookedLoan;
using domain::programmes::BudgetTally;
using domain::programmes::LoanPart;
using domain::programmes::RecordedRepayment;

// A record's columns (alias a) with its provider, programme, recipient and loan part.
// Every column, by the insert: a record is not updated.
constexpr Column<Assistance> kAssistanceColumns[] = {
    Member<&Assistance::id>("a.id"),
    Field<&Assistance::programme_id>("a.programme_id"),
    Member<&Assistance::programme_name>("COALESCE(pg.name, '')"),
    Field<&Assistance::provider_id>("a.provider_id"),
    Member<&Assistance::provider_name>("s.name"),
    Field<&Assistance::enterprise_id>("a.enterprise_id"),
    Field<&Assistance::group_id>("a.group_id"),
    Member<&Assistance::recipient_name>("COALESCE(e.name, g.name, '')"),
    Member<&Assistance::recipient_steward_id>("COALESCE(e.steward_id, g.steward_id)"),
    Field<&Assistance::kind, domain::programmes::ParseAssistanceKind>("a.kind"),
    Field<&Assistance::value>("a.value"),
    Field<&Assistance::given_on>("a.given_on"),
    Field<&Assistance::until_on>("a.until_on"),
    Field<&Assistance::disbursed_on>("a.disbursed_on"),
    Field<&Assistance::description>("a.description"),
    Field<&Assistance::over_budget_reason>("a.over_budget_reason"),
    Field<&Assistance::created_by>("a.created_by"),
    Field<&Assistance::created_at>("a.created_at"),
    Field<&Assistance::updated_at>("a.updated_at"),
    // The loan part is there when its row is (l is a LEFT JOIN); its other columns fill it.
    {"l.annual_rate_bp", CellKind::kNumber,
     [](Assistance& a, const Cell& cell, std::string_view) {
       if (!cell.IsNull()) a.loan.emplace().annual_rate_bp = cell.number;
     }},
    PartMember<&Assistance::loan, &LoanPart::term_months>("l.term_months"),
    PartMember<&Assistance::loan, &LoanPart::method, domain::programmes::ParseInterestMethod>(
        "l.method"),
    PartMember<&Assistance::loan, &LoanPart::first_due_on>("l.first_due_on"),
};
constexpr std::string_view kAssistanceFrom =
    " FROM assistance a"
    " JOIN stakeholders s ON s.id = a.provider_id"
    " LEFT JOIN programmes pg ON pg.id = a.programme_id"
    " LEFT JOIN enterprises e ON e.id = a.enterprise_id"
    " LEFT JOIN groups g ON g.id = a.group_id"
    " LEFT JOIN loans l ON l.assistance_id = a.id";
constexpr RecordTable<Assistance> kAssistanceTable{kAssistanceColumns, kAssistanceFrom, "a",
                                                   "assistance record"};

// Another record of the same kind for the same recipient whose period overlaps a's ([given_on,
// until_on or given_on], both ends included).
constexpr const char* kDuplicateOfA =
    "d.id <> a.id AND d.kind = a.kind"
    " AND (d.enterprise_id = a.enterprise_id OR d.group_id = a.group_id)"
    " AND d.given_on <= COALESCE(a.until_on, a.given_on)"
    " AND COALESCE(d.until_on, d.given_on) >= a.given_on";
constexpr const char* kNewestFirst = "a.given_on DESC, a.id DESC";

constexpr Column<RecordedRepayment> kRepaymentColumns[] = {
    Member<&RecordedRepayment::id>("r.id"),
    Field<&RecordedRepayment::loan_id>("r.loan_id"),
    Field<&RecordedRepayment::paid_on>("r.paid_on"),
    Field<&RecordedRepayment::amount>("r.amount"),
    Field<&RecordedRepayment::recorded_by>("r.recorded_by"),
    Member<&RecordedRepayment::recorded_by_username>("COALESCE(u.username, '')"),
    Field<&RecordedRepayment::created_at>("r.created_at"),
};
constexpr RecordTable<RecordedRepayment> kRepaymentTable{
    kRepaymentColumns, " FROM loan_repayments r LEFT JOIN users u ON u.id = r.recorded_by", "r",
    "loan repayment"};

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
  RowReader<Assistance> row(kAssistanceColumns);
  Slot<long long> duplicate;
  Query query(sql_);
  row.Bind(query);
  query.Into(duplicate.value, duplicate.indicator);
  params.BindTo(query);
  query.ForEachRow(sql, [&] {
    Assistance record = row.Get();
    if (records.empty() || records.back().id != record.id) records.push_back(std::move(record));
    if (duplicate.has()) records.back().duplicate_of.push_back(duplicate.value);
  });
  return records;
}

core::Result<std::int64_t> SqlAssistanceRepository::Insert(const Assistance& assistance) {
  return Guard("insert assistance", [&]() -> core::Result<std::int64_t> {
    long long id = InsertRecord<Assistance>(sql_, "assistance", kAssistanceColumns, assistance);
    // The loan part's row is keyed by the record's id (InsertRecord returns a row's own id).
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
    std::string sql = "SELECT " + SelectList<Assistance>(kAssistanceColumns) + ", d.id" +
                      std::string(kAssistanceFrom) + " LEFT JOIN assistance d ON " + kDuplicateOfA +
                      " WHERE a.id = ";
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
    std::string sql = "SELECT " + SelectList<Assistance>(kAssistanceColumns) +
                      ", d.id FROM (SELECT a.id AS id" + from_where + " ORDER BY " + kNewestFirst;
    params.Page(sql, page);
    sql += ") p JOIN assistance a ON a.id = p.id" + std::string(kAssistanceTable.Joins()) +
           " LEFT JOIN assistance d ON " + kDuplicateOfA + " ORDER BY " + kNewestFirst + ", d.id";
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
      const std::string where =
          WhereOf(loans, params) + " AND l.assistance_id IS NOT NULL ORDER BY a.disbursed_on, a.id";
      for (auto& loan : SelectRecords(sql_, kAssistanceTable, where, params)) {
        position.emplace(loan.id, book.size());
        book.push_back({std::move(loan), {}});
      }
    }
    if (book.empty()) return book;
    Params params;
    std::string where = WhereOf(loans, params);
    RowReader<RecordedRepayment> row(kRepaymentColumns);
    Query query(sql_);
    row.Bind(query);
    params.BindTo(query);
    std::string sql =
        "SELECT " + SelectList<RecordedRepayment>(kRepaymentColumns) +
        " FROM loan_repayments r JOIN assistance a ON a.id = r.loan_id"
        " LEFT JOIN enterprises e ON e.id = a.enterprise_id LEFT JOIN groups g ON g.id = a.group_id"
        " LEFT JOIN users u ON u.id = r.recorded_by" +
        where + " ORDER BY r.loan_id, r.paid_on, r.id";
    query.ForEachRow(sql, [&] {
      RecordedRepayment repayment = row.Get();
      auto it = position.find(repayment.loan_id);
      if (it != position.end()) book[it->second].repayments.push_back(std::move(repayment));
    });
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
  return AddRecord(sql_, kRepaymentTable, repayment);
}

core::Result<std::vector<RecordedRepayment>> SqlAssistanceRepository::Repayments(std::int64_t loan_id) {
  return Guard("list loan repayments", [&]() -> core::Result<std::vector<RecordedRepayment>> {
    return RecordsWhere(sql_, kRepaymentTable, "r.loan_id", loan_id, "r.paid_on, r.id");
  });
}

}  // namespace gotong::storage::internal
