// A group's treasury: ledger entries with their lines, fee rules and common assets.

#include <map>

#include "storage/sql_groups.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// An entry is only ever inserted (a reversing entry corrects it); its lines are written apart.
constexpr Column<LedgerEntry> kEntryColumns[] = {
    Member<&LedgerEntry::id>("le.id"),
    Field<&LedgerEntry::group_id>("le.group_id"),
    Field<&LedgerEntry::date>("le.entry_date"),
    Field<&LedgerEntry::kind, ParseEntryKind>("le.kind"),
    Field<&LedgerEntry::memo>("le.memo"),
    Field<&LedgerEntry::amount>("le.amount"),
    Field<&LedgerEntry::reverses_id>("le.reverses_id"),
    Field<&LedgerEntry::asset_id>("le.asset_id"),
    Field<&LedgerEntry::meeting_id>("le.meeting_id"),
    Field<&LedgerEntry::created_by>("le.created_by"),
    Field<&LedgerEntry::created_by_username>("le.created_by_username"),
    Field<&LedgerEntry::created_at>("le.created_at"),
    Member<&LedgerEntry::reversed_by>(
        "(SELECT r.id FROM ledger_entries r WHERE r.reverses_id = le.id)"),
};
constexpr RecordTable<LedgerEntry> kEntryTable{kEntryColumns, " FROM ledger_entries le", "le",
                                               "ledger entry"};

// A line is read with its entry's id (not one of its members), which places it.
constexpr Column<LedgerLine> kLineColumns[] = {
    Member<&LedgerLine::account, ParseLedgerAccount>("l.account"),
    Member<&LedgerLine::debit>("l.debit"),
    Member<&LedgerLine::credit>("l.credit"),
    Member<&LedgerLine::member_id>("l.member_id"),
};

// A rule's group is the one asked for; its month is stored as text, "2026-11".
// A rule is not updated: a later month's rule follows it.
constexpr Column<FeeRule> kFeeRuleColumns[] = {
    Member<&FeeRule::id>("f.id"),
    Field<&FeeRule::amount>("f.amount"),
    Field<&FeeRule::from, Month::Parse>("f.from_month"),
    Field<&FeeRule::deliberation_id>("f.deliberation_id"),
    Field<&FeeRule::created_at>("f.created_at"),
    WrittenOnly<&FeeRule::group_id>("group_id"),
};
constexpr RecordTable<FeeRule> kFeeRuleTable{kFeeRuleColumns, " FROM fee_rules f", "f", "fee rule"};

// What the ledger says of an asset: the net of the entries naming it, on its two accounts.
// Assets are not updated.
constexpr Column<CommonAsset> kAssetColumns[] = {
    Member<&CommonAsset::id>("a.id"),
    Field<&CommonAsset::group_id>("a.group_id"),
    Field<&CommonAsset::name>("a.name"),
    Field<&CommonAsset::kind, ParseAssetKind>("a.kind"),
    Field<&CommonAsset::source, ParseAssetSource>("a.source"),
    Field<&CommonAsset::value>("a.value"),
    Field<&CommonAsset::acquired_on>("a.acquired_on"),
    Field<&CommonAsset::created_at>("a.created_at"),
    Member<&CommonAsset::sales>(
        "(SELECT COALESCE(CAST(SUM(l.credit) - SUM(l.debit) AS BIGINT), 0) FROM ledger_lines l "
        "JOIN ledger_entries e ON e.id = l.entry_id WHERE e.asset_id = a.id AND l.account = "
        "'shop_revenue')"),
    Member<&CommonAsset::purchases>(
        "(SELECT COALESCE(CAST(SUM(l.debit) - SUM(l.credit) AS BIGINT), 0) FROM ledger_lines l "
        "JOIN ledger_entries e ON e.id = l.entry_id WHERE e.asset_id = a.id AND l.account = "
        "'purchases')"),
};
constexpr RecordTable<CommonAsset> kAssetTable{kAssetColumns, " FROM common_assets a", "a",
                                               "common asset"};

void LoadLines(soci::session& sql, std::span<LedgerEntry> entries) {
  LoadChildren<&LedgerEntry::lines>(sql, entries, kLineColumns, " FROM ledger_lines l",
                                    "l.entry_id", "l.entry_id, l.line_no");
}

}  // namespace

core::Result<std::int64_t> SqlTreasuryRepository::InsertEntry(const LedgerEntry& entry) {
  return Guard("post ledger entry", [&]() -> core::Result<std::int64_t> {
    long long id = 0;
    try {
      id = InsertRecord<LedgerEntry>(sql_, "ledger_entries", kEntryColumns, entry);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("entry", "this entry was reversed already");
      }
      throw;
    }
    int line_no = 0;
    for (const auto& line : entry.lines) {
      ++line_no;
      long long group = entry.group_id, debit = line.debit, credit = line.credit;
      std::string date = entry.date.ToString(), account(ToString(line.account));
      auto member = NumberIn(line.member_id);
      Query query(sql_);
      query.Use(id).Use(line_no).Use(group).Use(date).Use(account).Use(debit).Use(credit)
          .Use(member.value, member.indicator);
      query.Run("INSERT INTO ledger_lines (entry_id, line_no, group_id, entry_date, account, debit, "
                "credit, member_id) VALUES (:a, :b, :c, :d, :e, :f, :g, :h)");
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Result<LedgerEntry> SqlTreasuryRepository::FindEntry(std::int64_t group_id, std::int64_t id) {
  return Guard("find ledger entry", [&]() -> core::Result<LedgerEntry> {
    GOTONG_ASSIGN_OR_RETURN(auto entry, FindRecord(sql_, kEntryTable, id, group_id));
    LoadLines(sql_, std::span(&entry, 1));
    return entry;
  });
}

core::Result<core::Page<LedgerEntry>> SqlTreasuryRepository::ListEntries(
    std::int64_t group_id, const LedgerFilter& filter, const core::PageRequest& page) {
  return Guard("list ledger entries", [&]() -> core::Result<core::Page<LedgerEntry>> {
    Params params;
    std::string where = " WHERE le.group_id = ";
    params.Number(where, group_id);
    AddDateRange(where, params, "le.entry_date", filter.from, filter.to);
    if (filter.meeting_id) {
      where += " AND le.meeting_id = ";
      params.Number(where, *filter.meeting_id);
    }
    if (filter.fees_of) {
      where += " AND le.id IN (SELECT l.entry_id FROM ledger_lines l WHERE l.member_id = ";
      params.Number(where, *filter.fees_of);
      where += " AND l.account = 'member_fees')";
    }
    core::Page<LedgerEntry> result =
        PagedRecords(sql_, page, kEntryTable, where, params, "le.entry_date DESC, le.id DESC");
    LoadLines(sql_, result.items);
    return result;
  });
}

core::Result<std::vector<AccountTotals>> SqlTreasuryRepository::Totals(std::int64_t group_id,
                                                                       std::optional<core::Date> from,
                                                                       core::Date to) {
  return Guard("add up ledger", [&]() -> core::Result<std::vector<AccountTotals>> {
    Params params;
    std::string where = " WHERE l.group_id = ";
    params.Number(where, group_id);
    AddDateRange(where, params, "l.entry_date", from, to);
    std::vector<AccountTotals> totals;
    std::string account;
    long long debits = 0, credits = 0;
    Query query(sql_);
    query.Into(account).Into(debits).Into(credits);
    params.BindTo(query);
    query.ForEachRow(
        "SELECT l.account, CAST(SUM(l.debit) AS BIGINT), CAST(SUM(l.credit) AS BIGINT) "
        "FROM ledger_lines l" +
            where + " GROUP BY l.account ORDER BY l.account",
        [&] {
          totals.push_back(
              {Stored("ledger account", account, ParseLedgerAccount), debits, credits});
        });
    return totals;
  });
}

core::Result<std::vector<MonthlyMovement>> SqlTreasuryRepository::Monthly(std::int64_t group_id,
                                                                          core::Date from,
                                                                          core::Date to) {
  return Guard("add up ledger by month", [&]() -> core::Result<std::vector<MonthlyMovement>> {
    std::vector<MonthlyMovement> movements;
    long long group = group_id, debits = 0, credits = 0;
    std::string first = from.ToString(), last = to.ToString(), month, account;
    Query query(sql_);
    query.Into(month).Into(account).Into(debits).Into(credits).Use(group).Use(first).Use(last);
    query.ForEachRow(
        "SELECT substr(l.entry_date, 1, 7), l.account, CAST(SUM(l.debit) AS BIGINT), "
        "CAST(SUM(l.credit) AS BIGINT) FROM ledger_lines l WHERE l.group_id = :g "
        "AND l.entry_date >= :f AND l.entry_date <= :t "
        "GROUP BY substr(l.entry_date, 1, 7), l.account ORDER BY 1, 2",
        [&] {
          movements.push_back({Stored("month", month, Month::Parse),
                               Stored("ledger account", account, ParseLedgerAccount), debits,
                               credits});
        });
    return movements;
  });
}

core::Result<std::map<std::int64_t, std::int64_t>> SqlTreasuryRepository::FeesPaid(
    std::int64_t group_id, core::Date to) {
  return Guard("add up fees paid", [&]() -> core::Result<std::map<std::int64_t, std::int64_t>> {
    std::map<std::int64_t, std::int64_t> paid;
    long long group = group_id, member = 0, amount = 0;
    std::string last = to.ToString();
    Query query(sql_);
    query.Into(member).Into(amount).Use(group).Use(last);
    query.ForEachRow(
        "SELECT l.member_id, CAST(SUM(l.credit) - SUM(l.debit) AS BIGINT) "
        "FROM ledger_lines l WHERE l.group_id = :g AND l.account = 'member_fees' "
        "AND l.member_id IS NOT NULL AND l.entry_date <= :t GROUP BY l.member_id",
        [&] { paid[member] = amount; });
    return paid;
  });
}

core::Result<std::int64_t> SqlTreasuryRepository::InsertFeeRule(const FeeRule& rule) {
  return AddRecord(sql_, kFeeRuleTable, rule, [&] {
    return core::Error::Exists("from", "a fee rule already starts in " + rule.from.ToString());
  });
}

core::Result<std::vector<FeeRule>> SqlTreasuryRepository::FeeRules(std::int64_t group_id) {
  return Guard("list fee rules", [&]() -> core::Result<std::vector<FeeRule>> {
    Params params;
    std::string where = " WHERE f.group_id = ";
    params.Number(where, group_id);
    auto rules = SelectRecords(sql_, kFeeRuleTable, where + " ORDER BY f.from_month", params);
    for (auto& rule : rules) rule.group_id = group_id;
    return rules;
  });
}

core::Result<std::int64_t> SqlTreasuryRepository::InsertAsset(const CommonAsset& asset) {
  return AddRecord(sql_, kAssetTable, asset);
}

core::Result<std::vector<CommonAsset>> SqlTreasuryRepository::SelectAssets(
    std::int64_t group_id, std::optional<std::int64_t> id) {
  Params params;
  std::string where = " WHERE a.group_id = ";
  params.Number(where, group_id);
  if (id) {
    where += " AND a.id = ";
    params.Number(where, *id);
  }
  return SelectRecords(sql_, kAssetTable, where + " ORDER BY a.id", params);
}

core::Result<CommonAsset> SqlTreasuryRepository::FindAsset(std::int64_t group_id, std::int64_t id) {
  return Guard("find common asset", [&]() -> core::Result<CommonAsset> {
    if (auto asset = FetchRecord(sql_, kAssetTable, id, group_id)) return *std::move(asset);
    return core::Error::NotFound("no asset " + std::to_string(id) + " in this group");
  });
}

core::Result<std::vector<CommonAsset>> SqlTreasuryRepository::Assets(std::int64_t group_id) {
  return Guard("list common assets", [&]() -> core::Result<std::vector<CommonAsset>> {
    return SelectAssets(group_id, std::nullopt);
  });
}

}  // namespace gotong::storage::internal
