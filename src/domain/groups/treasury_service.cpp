#include "domain/groups/treasury_service.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <utility>

#include "domain/groups/group_access.hpp"
#include "domain/service.hpp"

namespace gotong::domain::groups {
namespace {

// Rp 10 trillion: far above any group's entry, far below int64's limit when added up.
constexpr int kMaxBalanceMonths = 120;
// The longest a member may have paid ahead that PaidThrough counts: ten years.
constexpr int kMaxMonthsAhead = 120;

Month MonthsAfter(Month month, int count) { return MonthsBefore(month, -count); }
constexpr std::size_t kMaxLines = 50;

std::optional<Month> CheckMonth(Problems& problems, const std::string& field,
                                const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  auto month = Month::Parse(*text);
  if (!month) problems.Add(field, "invalid_format", field + " must be a month such as 2026-11");
  return month;
}

std::string CallerName(const Context& context) {
  if (context.principal) return context.principal->username;
  return "system";
}

audit::Snapshot SnapshotOf(const LedgerEntry& entry) {
  std::string lines;
  for (const auto& line : entry.lines) {
    if (!lines.empty()) lines += "; ";
    lines += std::string(ToString(line.account)) + (line.debit > 0 ? " Dr " : " Cr ") +
             std::to_string(line.debit > 0 ? line.debit : line.credit);
    if (line.member_id) lines += " member " + std::to_string(*line.member_id);
  }
  audit::Snapshot snapshot{
      {"date", entry.date.ToString()},
      {"kind", std::string(ToString(entry.kind))},
      {"memo", entry.memo},
      {"amount", entry.amount},
      {"lines", lines},
      {"reverses_id", entry.reverses_id ? audit::Value(*entry.reverses_id) : audit::Value(nullptr)},
      {"asset_id", entry.asset_id ? audit::Value(*entry.asset_id) : audit::Value(nullptr)}};
  if (entry.meeting_id) snapshot.emplace_back("meeting_id", *entry.meeting_id);
  return snapshot;
}

core::Result<std::int64_t> Post(UnitOfWork& unit, const Context& context, const core::Clock& clock,
                                LedgerEntry& entry) {
  entry.amount = 0;
  for (const auto& line : entry.lines) entry.amount += line.debit;
  entry.created_by = context.UserId();
  entry.created_by_username = CallerName(context);
  entry.created_at = clock.Now();
  GOTONG_ASSIGN_OR_RETURN(entry.id, unit.Treasury().InsertEntry(entry));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit.Audit(), context, clock.Now(), "ledger_entry", entry.id,
                                       "post", std::nullopt, SnapshotOf(entry)));
  return entry.id;
}

// The meeting a fee sheet names, when it names one: a meeting of this group that was held.
// Otherwise nullopt, with "not_found" or "not_held" added to `problems`.
core::Result<std::optional<Meeting>> SheetMeeting(UnitOfWork& unit, Problems& problems,
                                                  std::int64_t group_id,
                                                  const form::Field<std::int64_t>& meeting_id) {
  if (!IsSet(meeting_id)) return std::optional<Meeting>();
  auto meeting = unit.Meetings().Find(group_id, **meeting_id);
  if (!meeting.ok()) {
    if (meeting.error().code != core::ErrorCode::kNotFound) return meeting.error();
    problems.Add("meeting_id", "not_found",
                 "meeting " + std::to_string(**meeting_id) + " is not this group's");
    return std::optional<Meeting>();
  }
  if (meeting->status != MeetingStatus::kHeld) {
    problems.Add("meeting_id", "not_held", "fees are recorded at a meeting that was held");
    return std::optional<Meeting>();
  }
  return std::optional<Meeting>(std::move(*meeting));
}

// The members whose fee was recorded at the meeting and not reversed since.
core::Result<std::set<std::int64_t>> FeesRecordedAt(UnitOfWork& unit, std::int64_t group_id,
                                                    std::int64_t meeting_id) {
  std::set<std::int64_t> members;
  LedgerFilter filter;
  filter.meeting_id = meeting_id;
  GOTONG_RETURN_IF_ERROR(core::ForEachItem(
      [&](const core::PageRequest& page) { return unit.Treasury().ListEntries(group_id, filter, page); },
      [&](const LedgerEntry& entry) {
        if (entry.kind != EntryKind::kFeePayment || entry.reversed_by) return;
        for (const auto& line : entry.lines) {
          if (line.member_id) members.insert(*line.member_id);
        }
      }));
  return members;
}

}  // namespace

// ---- entries ------------------------------------------------------------------------------

core::Result<core::Page<LedgerEntry>> TreasuryService::ListEntries(
    const Context& context, std::int64_t group_id, const std::optional<std::string>& from,
    const std::optional<std::string>& to, std::optional<std::int64_t> meeting_id,
    const core::PageRequest& page) {
  Problems problems;
  DateRange range = ReadDateRange(problems, from, to);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Treasury().ListEntries(group_id, {range.from, range.to, meeting_id, std::nullopt}, page);
}

core::Result<LedgerEntry> TreasuryService::GetEntry(const Context& context, std::int64_t group_id,
                                                    std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Treasury().FindEntry(group_id, id);
}

core::Result<LedgerEntry> TreasuryService::PostEntry(const Context& context, std::int64_t group_id,
                                                     const EntryInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kLedger));
  auto& [unit, group, caller, trail] = write;
  core::Date today = Today();
  Problems problems;
  LedgerEntry entry;
  entry.group_id = group_id;
  entry.date = today;
  ApplyPastDate(problems, input.date, "date", today, entry.date);
  std::optional<EntryKind> kind = IsSet(input.kind) ? ParseEntryKind(**input.kind) : std::nullopt;
  ApplyRequiredChoice(problems, input.kind, true, "kind", ParseEntryKind,
                      "kind must be fee_payment, aid_received, asset_purchase, shop_sale, purchase, "
                      "expense or general",
                      entry.kind);
  if (entry.kind == EntryKind::kReversal) {
    problems.Add("kind", "invalid_value", "a reversal is posted with POST …/ledger/{entry_id}/reverse");
  }
  std::optional<std::string> memo;
  ApplyOptionalText(problems, input.memo, "memo", 200, memo);
  entry.memo = memo.value_or("");

  // The members named, by the member_id field or a general entry's lines, must be the group's.
  std::vector<std::pair<std::string, std::int64_t>> named_members;
  std::optional<std::int64_t> member_id;
  if (IsSet(input.member_id)) {
    member_id = **input.member_id;
    named_members.emplace_back("member_id", *member_id);
  }
  if (!kind) {
    // Without a kind there is nothing to check the amount or lines against.
  } else if (entry.kind == EntryKind::kGeneral) {
    if (Given(input.amount)) problems.Add("amount", "invalid_value", "a general entry gives lines, not an amount");
    if (member_id) {
      problems.Add("member_id", "invalid_value", "a general entry names members on its lines");
    }
    if (!input.lines) {
      problems.Add("lines", "required", "a general entry needs its lines");
    } else if (input.lines->size() > kMaxLines) {
      problems.Add("lines", "too_many", "an entry has at most 50 lines");
    } else {
      for (std::size_t i = 0; i < input.lines->size(); ++i) {
        const auto& in = (*input.lines)[i];
        std::string at = "lines[" + std::to_string(i) + "].";
        LedgerLine line;
        std::optional<LedgerAccount> account = in.account ? ParseLedgerAccount(*in.account) : std::nullopt;
        if (!account) {
          problems.Add(at + "account", in.account ? "invalid_value" : "required",
                       at + "account must be cash, fees_receivable, common_assets, aid_received, "
                            "member_fees, shop_revenue, purchases or expenses");
        } else {
          line.account = *account;
        }
        line.debit = in.debit.value_or(0);
        line.credit = in.credit.value_or(0);
        for (auto [side, amount] : {std::pair{"debit", line.debit}, std::pair{"credit", line.credit}}) {
          if (amount > kMaxAmount) {
            problems.Add(at + side, "out_of_range", at + side + " is at most Rp 10.000.000.000.000");
          }
        }
        if (in.member_id) {
          line.member_id = *in.member_id;
          named_members.emplace_back(at + "member_id", *in.member_id);
        }
        entry.lines.push_back(line);
      }
      // Every line's sides are checked, whatever else is wrong with it.
      if (auto balanced = CheckEntry(entry.lines); !balanced.ok()) problems.Add(balanced.error());
    }
  } else if (entry.kind != EntryKind::kReversal) {
    if (input.lines) problems.Add("lines", "invalid_value", "only a general entry gives lines");
    if (auto amount = CheckAmount(problems, "amount", input.amount)) {
      entry.lines = EntryLines(entry.kind, *amount, member_id);
    }
    if (entry.kind == EntryKind::kFeePayment && !member_id) {
      problems.Add("member_id", "required", "say whose fee this is");
    }
  }
  if (IsSet(input.asset_id)) {
    if (entry.kind != EntryKind::kShopSale && entry.kind != EntryKind::kPurchase) {
      problems.Add("asset_id", "invalid_value", "only a shop sale or purchase names an asset");
    } else if (auto asset = unit->Treasury().FindAsset(group_id, **input.asset_id); !asset.ok()) {
      problems.Add("asset_id", "not_found",
                   "asset " + std::to_string(**input.asset_id) + " is not this group's");
    } else {
      entry.asset_id = asset->id;
    }
  }
  if (!named_members.empty()) {
    std::vector<std::int64_t> ids;
    ids.reserve(named_members.size());
    for (const auto& [field, id] : named_members) ids.push_back(id);
    GOTONG_ASSIGN_OR_RETURN(auto found, unit->Groups().FindMembers(group_id, ids));
    for (const auto& [field, id] : named_members) {
      if (std::none_of(found.begin(), found.end(), [member_id = id](const Membership& m) { return m.id == member_id; })) {
        problems.Add(field, "not_member", "member " + std::to_string(id) + " is not in this group");
      }
    }
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_RETURN_IF_ERROR(Post(*unit, context, clock_, entry));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Treasury().FindEntry(group_id, entry.id));
  return write.Commit(std::move(saved));
}

core::Result<LedgerEntry> TreasuryService::Reverse(const Context& context, std::int64_t group_id,
                                                   std::int64_t id, const ReversalInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kLedger));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto original, unit->Treasury().FindEntry(group_id, id));
  if (original.kind == EntryKind::kReversal) {
    return Precondition("entry", "is_reversal", "a reversal is not reversed; post the entry again instead");
  }
  if (original.reversed_by) {
    return Precondition("entry", "reversed",
                        "this entry was reversed already by entry " + std::to_string(*original.reversed_by));
  }
  core::Date today = Today();
  Problems problems;
  LedgerEntry reversal;
  reversal.group_id = group_id;
  reversal.kind = EntryKind::kReversal;
  reversal.date = today;
  if (IsSet(input.date)) {
    if (auto date = PastDate(problems, "date", **input.date, today)) {
      if (*date < original.date) {
        problems.Add("date", "before_original", "a reversal cannot be dated before the entry it undoes (" +
                                                    original.date.ToString() + ")");
      } else {
        reversal.date = *date;
      }
    }
  }
  std::optional<std::string> memo = original.memo;
  ApplyOptionalText(problems, input.memo, "memo", 200, memo);
  if (!problems.empty()) return problems.ToError();
  reversal.memo = memo.value_or("");
  reversal.lines = Reversal(original.lines);
  reversal.reverses_id = original.id;
  reversal.asset_id = original.asset_id;
  reversal.meeting_id = original.meeting_id;
  GOTONG_RETURN_IF_ERROR(Post(*unit, context, clock_, reversal));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Treasury().FindEntry(group_id, reversal.id));
  return write.Commit(std::move(saved));
}

// ---- statements ---------------------------------------------------------------------------

core::Result<Statement> TreasuryService::GetStatement(const Context& context, std::int64_t group_id,
                                                      const std::optional<std::string>& from,
                                                      const std::optional<std::string>& to) {
  core::Date today = Today();
  Problems problems;
  Statement statement;
  statement.to = today;
  if (to) {
    if (auto day = CheckDate(problems, "to", *to)) statement.to = *day;
  }
  statement.from = core::Date{statement.to.year, 1, 1};  // by default the year of `to`
  if (from) statement.from = CheckDate(problems, "from", *from);
  if (statement.from && *statement.from > statement.to) {
    problems.Add("from", "after_to", "from must not be after to");
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  GOTONG_ASSIGN_OR_RETURN(auto all, unit->Treasury().Totals(group_id, std::nullopt, statement.to));
  GOTONG_ASSIGN_OR_RETURN(auto period, unit->Treasury().Totals(group_id, statement.from, statement.to));
  GOTONG_ASSIGN_OR_RETURN(auto ever, unit->Treasury().Totals(group_id, std::nullopt, core::Date{9999, 12, 31}));
  auto find = [](const std::vector<AccountTotals>& totals, LedgerAccount account) {
    for (const auto& t : totals) {
      if (t.account == account) return t;
    }
    return AccountTotals{account, 0, 0};
  };
  std::int64_t ever_debits = 0, ever_credits = 0;
  for (const auto& t : ever) {
    ever_debits += t.debits;
    ever_credits += t.credits;
  }
  statement.balanced = ever_debits == ever_credits;
  for (LedgerAccount account : kLedgerAccounts) {
    AccountTotals closing = find(all, account);
    AccountTotals moved = find(period, account);
    StatementLine line;
    line.account = account;
    line.debits = moved.debits;
    line.credits = moved.credits;
    line.closing = Balance(account, closing.debits, closing.credits);
    line.opening = Balance(account, closing.debits - moved.debits, closing.credits - moved.credits);
    std::int64_t in_period = Balance(account, moved.debits, moved.credits);
    switch (TypeOf(account)) {
      case AccountType::kAsset: statement.assets += line.closing; break;
      case AccountType::kIncome: statement.income += in_period; break;
      case AccountType::kExpense: statement.expenses += in_period; break;
    }
    statement.accounts.push_back(line);
  }
  statement.surplus = statement.income - statement.expenses;
  return statement;
}

core::Result<std::vector<BalancePoint>> TreasuryService::Balances(const Context& context,
                                                                  std::int64_t group_id,
                                                                  const std::optional<std::string>& from,
                                                                  const std::optional<std::string>& to) {
  Problems problems;
  auto [first, last] = ReadMonthRange(problems, from, to, Today(), 11, kMaxBalanceMonths);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  GOTONG_ASSIGN_OR_RETURN(auto closing, unit->Treasury().Totals(group_id, std::nullopt, last.LastDay()));
  GOTONG_ASSIGN_OR_RETURN(auto monthly, unit->Treasury().Monthly(group_id, first.FirstDay(), last.LastDay()));
  // Start from the balances before `first`: the closing ones less what moved in the range.
  std::int64_t cash_debits = 0, cash_credits = 0, asset_debits = 0, asset_credits = 0;
  for (const auto& t : closing) {
    if (t.account == LedgerAccount::kCash) {
      cash_debits = t.debits;
      cash_credits = t.credits;
    } else if (t.account == LedgerAccount::kCommonAssets) {
      asset_debits = t.debits;
      asset_credits = t.credits;
    }
  }
  for (const auto& m : monthly) {
    if (m.account == LedgerAccount::kCash) {
      cash_debits -= m.debits;
      cash_credits -= m.credits;
    } else if (m.account == LedgerAccount::kCommonAssets) {
      asset_debits -= m.debits;
      asset_credits -= m.credits;
    }
  }
  std::vector<BalancePoint> points;
  std::size_t next = 0;
  for (Month month = first; month <= last; month = month.Next()) {
    while (next < monthly.size() && monthly[next].month == month) {
      const auto& m = monthly[next++];
      if (m.account == LedgerAccount::kCash) {
        cash_debits += m.debits;
        cash_credits += m.credits;
      } else if (m.account == LedgerAccount::kCommonAssets) {
        asset_debits += m.debits;
        asset_credits += m.credits;
      }
    }
    points.push_back({month, Balance(LedgerAccount::kCash, cash_debits, cash_credits),
                      Balance(LedgerAccount::kCommonAssets, asset_debits, asset_credits)});
  }
  return points;
}

// ---- fees ---------------------------------------------------------------------------------

std::int64_t MemberFeesDue(const Membership& member, const std::vector<FeeRule>& rules, Month through) {
  const Month joined = Month::Of(member.joined_on);
  std::optional<Month> left;
  if (member.left_on) left = Month::Of(*member.left_on);
  std::int64_t due = 0;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    Month until = through;
    if (i + 1 < rules.size()) until = std::min(until, MonthsBefore(rules[i + 1].from, 1));
    due += FeesDue(joined, left, rules[i].from, rules[i].amount, until);
  }
  return due;
}

std::optional<Month> PaidThrough(const Membership& member, const std::vector<FeeRule>& rules,
                                 std::int64_t paid, Month through) {
  const Month joined = Month::Of(member.joined_on);
  Month last = MonthsAfter(through, kMaxMonthsAhead);
  if (member.left_on) last = std::min(last, Month::Of(*member.left_on));
  std::optional<Month> covered;
  std::int64_t left_over = paid;
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const Month start = std::max(joined, rules[i].from);
    Month end = last;
    if (i + 1 < rules.size()) end = std::min(end, MonthsBefore(rules[i + 1].from, 1));
    const int months = MonthsBetween(start, end);
    if (months == 0) continue;
    const std::int64_t amount = rules[i].amount;
    const std::int64_t affordable = left_over > 0 ? left_over / amount : 0;
    if (affordable < months) {
      if (affordable > 0) covered = MonthsAfter(start, static_cast<int>(affordable) - 1);
      return covered;
    }
    left_over -= static_cast<std::int64_t>(months) * amount;
    covered = end;
  }
  return covered;
}

core::Result<std::vector<FeeRule>> TreasuryService::FeeRules(const Context& context,
                                                             std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Treasury().FeeRules(group_id);
}

core::Result<FeeRule> TreasuryService::AddFeeRule(const Context& context, std::int64_t group_id,
                                                  const FeeRuleInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kLedger));
  auto& [unit, group, caller, trail] = write;
  Problems problems;
  FeeRule rule;
  rule.group_id = group_id;
  if (auto amount = CheckAmount(problems, "amount", input.amount)) rule.amount = *amount;
  if (!IsSet(input.from)) {
    problems.Add("from", "required", "from is required: the first month the fee is due");
  } else if (auto month = CheckMonth(problems, "from", **input.from)) {
    rule.from = *month;
  }
  rule.deliberation_id = CitedDeliberation(*unit, problems, group_id, input.deliberation_id,
                                          Topic::kFeeRule,
                                          "only an agreed fee-rule deliberation sets a fee");
  if (!problems.empty()) return problems.ToError();
  rule.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(rule.id, unit->Treasury().InsertFeeRule(rule));
  GOTONG_RETURN_IF_ERROR(trail.Record(
      "fee_rule", rule.id, "create", std::nullopt,
      {{"group_id", group_id},
       {"amount", rule.amount},
       {"from", rule.from.ToString()},
       {"deliberation_id", rule.deliberation_id ? audit::Value(*rule.deliberation_id) : audit::Value(nullptr)}}));
  return write.Commit(rule);
}

core::Result<std::vector<LedgerEntry>> TreasuryService::RecordFees(const Context& context,
                                                                   std::int64_t group_id,
                                                                   const FeeSheetInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kLedger));
  auto& [unit, group, caller, trail] = write;
  const core::Date today = Today();
  Problems problems;
  std::optional<Meeting> meeting;
  GOTONG_ASSIGN_OR_RETURN(meeting, SheetMeeting(*unit, problems, group_id, input.meeting_id));
  core::Date date = meeting ? std::min(meeting->held_on, today) : today;
  ApplyPastDate(problems, input.date, "date", today, date);
  std::set<std::int64_t> recorded;  // members whose fee the meeting holds already
  if (meeting) {
    GOTONG_ASSIGN_OR_RETURN(recorded, FeesRecordedAt(*unit, group_id, meeting->id));
  }
  std::vector<LedgerEntry> entries;
  if (!input.payments || input.payments->empty()) {
    problems.Add("payments", "required", "payments is required: one line per member who paid");
  } else if (input.payments->size() > kMaxFeePayments) {
    problems.Add("payments", "too_many", "a fee sheet holds at most 100 payments");
  } else {
    std::vector<std::int64_t> ids;
    for (const auto& line : *input.payments) {
      if (IsSet(line.member_id)) ids.push_back(**line.member_id);
    }
    GOTONG_ASSIGN_OR_RETURN(auto members, unit->Groups().FindMembers(group_id, ids));
    std::set<std::int64_t> seen;
    for (std::size_t i = 0; i < input.payments->size(); ++i) {
      const FeePaymentInput& line = (*input.payments)[i];
      const std::string at = "payments[" + std::to_string(i) + "].";
      std::optional<std::int64_t> member_id;
      if (!IsSet(line.member_id)) {
        problems.Add(at + "member_id", "required", at + "member_id is required: whose fee is it?");
      } else {
        const std::int64_t id = **line.member_id;
        auto member = std::find_if(members.begin(), members.end(),
                                   [id](const Membership& m) { return m.id == id; });
        if (member == members.end()) {
          problems.Add(at + "member_id", "not_member",
                       "member " + std::to_string(id) + " is not in this group");
        } else if (!seen.insert(id).second) {
          problems.Add(at + "member_id", "duplicate", member->person_name + " is on the sheet twice");
        } else if (recorded.contains(id)) {
          problems.Add(at + "member_id", "already_recorded",
                       member->person_name + "'s fee at this meeting is recorded already");
        } else {
          member_id = id;
        }
      }
      std::optional<std::int64_t> amount = CheckAmount(problems, at + "amount", line.amount);
      if (member_id && amount) {
        LedgerEntry entry;
        entry.group_id = group_id;
        entry.date = date;
        entry.kind = EntryKind::kFeePayment;
        entry.memo = meeting ? "Iuran pertemuan " + meeting->held_on.ToString() : "Iuran";
        entry.lines = EntryLines(EntryKind::kFeePayment, *amount, member_id);
        if (meeting) entry.meeting_id = meeting->id;
        entries.push_back(std::move(entry));
      }
    }
  }
  if (!problems.empty()) return problems.ToError();
  std::vector<LedgerEntry> saved;
  saved.reserve(entries.size());
  for (auto& entry : entries) {
    GOTONG_RETURN_IF_ERROR(Post(*unit, context, clock_, entry));
    GOTONG_ASSIGN_OR_RETURN(auto posted, unit->Treasury().FindEntry(group_id, entry.id));
    saved.push_back(std::move(posted));
  }
  return write.Commit(std::move(saved));
}

core::Result<FeesView> TreasuryService::Fees(const Context& context, std::int64_t group_id,
                                             const std::optional<std::string>& through) {
  Problems problems;
  FeesView view;
  view.through = Month::Of(Today());
  if (auto month = CheckMonth(problems, "through", through)) view.through = *month;
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  GOTONG_ASSIGN_OR_RETURN(view.rules, unit->Treasury().FeeRules(group_id));
  GOTONG_ASSIGN_OR_RETURN(auto paid, unit->Treasury().FeesPaid(group_id, view.through.LastDay()));
  GOTONG_RETURN_IF_ERROR(core::ForEachItem(
      [&](const core::PageRequest& page) { return unit->Groups().ListMembers(group_id, true, page); },
      [&](Membership& member) {
        MemberFees row;
        row.due = MemberFeesDue(member, view.rules, view.through);
        if (auto it = paid.find(member.id); it != paid.end()) row.paid = it->second;
        row.arrears = row.due - row.paid;
        view.due += row.due;
        view.paid += row.paid;
        if (row.arrears > 0) view.arrears += row.arrears;
        row.member = std::move(member);
        view.members.push_back(std::move(row));
      }));
  return view;
}

// ---- common assets ------------------------------------------------------------------------

core::Result<std::vector<CommonAsset>> TreasuryService::Assets(const Context& context,
                                                               std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Treasury().Assets(group_id);
}

core::Result<CommonAsset> TreasuryService::AddAsset(const Context& context, std::int64_t group_id,
                                                    const AssetInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kAssets));
  auto& [unit, group, caller, trail] = write;
  core::Date today = Today();
  Problems problems;
  CommonAsset asset;
  asset.group_id = group_id;
  ApplyRequiredText(problems, input.name, true, "name", 120, asset.name);
  ApplyRequiredChoice(problems, input.kind, true, "kind", ParseAssetKind,
                      "kind must be shop, equipment or other", asset.kind);
  ApplyRequiredChoice(problems, input.source, true, "source", ParseAssetSource,
                      "source must be aid, fees or other", asset.source);
  if (auto value = CheckAmount(problems, "value", input.value)) asset.value = *value;
  asset.acquired_on = today;
  ApplyPastDate(problems, input.acquired_on, "acquired_on", today, asset.acquired_on);
  if (!problems.empty()) return problems.ToError();
  asset.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(asset.id, unit->Treasury().InsertAsset(asset));
  GOTONG_RETURN_IF_ERROR(trail.Record("common_asset", asset.id, "create", std::nullopt,
                                     {{"group_id", group_id},
                                      {"name", asset.name},
                                      {"kind", std::string(ToString(asset.kind))},
                                      {"source", std::string(ToString(asset.source))},
                                      {"value", asset.value},
                                      {"acquired_on", asset.acquired_on.ToString()}}));
  LedgerEntry entry;
  entry.group_id = group_id;
  entry.date = asset.acquired_on;
  entry.kind = EntryKind::kAssetPurchase;
  entry.memo = asset.name;
  entry.asset_id = asset.id;
  entry.lines = EntryLines(EntryKind::kAssetPurchase, asset.value, std::nullopt);
  GOTONG_RETURN_IF_ERROR(Post(*unit, context, clock_, entry));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Treasury().FindAsset(group_id, asset.id));
  return write.Commit(std::move(saved));
}

}  // namespace gotong::domain::groups
