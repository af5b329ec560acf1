#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/form.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/groups.hpp"
#include "domain/groups/treasury.hpp"

namespace gotong::domain::groups {

struct LineInput {
  std::optional<std::string> account;
  std::optional<std::int64_t> debit;
  std::optional<std::int64_t> credit;
  std::optional<std::int64_t> member_id;
};

struct EntryInput {
  form::Field<std::string> date;  // default: today
  form::Field<std::string> kind;
  form::Field<std::string> memo;
  form::Field<std::int64_t> amount;     // every kind but general
  form::Field<std::int64_t> member_id;  // whose fee (fee_payment), or whom it concerns
  form::Field<std::int64_t> asset_id;   // the shop a sale or purchase belongs to
  std::optional<std::vector<LineInput>> lines;  // general only
};

struct ReversalInput {
  form::Field<std::string> date;  // default: today
  form::Field<std::string> memo;  // default: the original's memo
};

// One member's fee on a fee sheet.
struct FeePaymentInput {
  form::Field<std::int64_t> member_id;
  form::Field<std::int64_t> amount;
};

// The fees paid at a meeting (or on one day), entered on one sheet and posted at once.
struct FeeSheetInput {
  form::Field<std::string> date;          // default: the meeting's day, else today
  form::Field<std::int64_t> meeting_id;   // the held meeting they were paid at
  std::optional<std::vector<FeePaymentInput>> payments;
};

// The most payments one fee sheet holds.
inline constexpr std::size_t kMaxFeePayments = 100;

struct FeeRuleInput {
  form::Field<std::int64_t> amount;
  form::Field<std::string> from;  // "2026-01"
  form::Field<std::int64_t> deliberation_id;
};

struct AssetInput {
  form::Field<std::string> name;
  form::Field<std::string> kind;
  form::Field<std::string> source;
  form::Field<std::int64_t> value;
  form::Field<std::string> acquired_on;
};

struct StatementLine {
  LedgerAccount account = LedgerAccount::kCash;
  std::int64_t opening = 0;  // balance on its normal side before `from`
  std::int64_t debits = 0;   // in the period
  std::int64_t credits = 0;
  std::int64_t closing = 0;  // balance at the end of `to`
};

struct Statement {
  std::optional<core::Date> from;  // nullopt: since the first entry
  core::Date to;
  std::vector<StatementLine> accounts;  // every account, in kLedgerAccounts order
  std::int64_t assets = 0;    // closing, all asset accounts
  std::int64_t income = 0;    // in the period
  std::int64_t expenses = 0;  // in the period
  std::int64_t surplus = 0;   // income − expenses
  bool balanced = true;       // all debits ever posted equal all credits
};

struct BalancePoint {
  Month month;
  std::int64_t cash = 0;           // at the month's end
  std::int64_t common_assets = 0;  // at the month's end
};

struct MemberFees {
  Membership member;
  std::int64_t due = 0;
  std::int64_t paid = 0;
  std::int64_t arrears = 0;  // due − paid; negative when paid ahead
};

struct FeesView {
  Month through;
  std::vector<FeeRule> rules;
  std::vector<MemberFees> members;
  std::int64_t due = 0;
  std::int64_t paid = 0;
  std::int64_t arrears = 0;  // of those in arrears only
};

// The fees a member owes under `rules` (in the order of the month they start) through `through`:
// each rule's amount for every month from the later of her joining and its start to the earliest
// of the month before the next rule, her leaving and `through`.
std::int64_t MemberFeesDue(const Membership& member, const std::vector<FeeRule>& rules, Month through);

// The last month whose fee `paid` covers, counting her months in order from the first one a rule
// asks a fee for (each at the rule then in force, the last rule going on past `through` for at most
// ten years paid ahead, none past her leaving). Nullopt without a rule, or when `paid` does not
// cover her first month.
std::optional<Month> PaidThrough(const Membership& member, const std::vector<FeeRule>& rules,
                                 std::int64_t paid, Month through);

// The treasury's use cases. The leader and treasurer write it (Part::kLedger, kAssets); whoever
// reaches the group reads it.
class TreasuryService : public GroupWorkspace {
 public:
  using GroupWorkspace::GroupWorkspace;

  // `meeting_id` keeps the entries recorded at that meeting (by a fee sheet).
  core::Result<core::Page<LedgerEntry>> ListEntries(const accounts::Context& context,
                                                    std::int64_t group_id,
                                                    const std::optional<std::string>& from,
                                                    const std::optional<std::string>& to,
                                                    std::optional<std::int64_t> meeting_id,
                                                    const core::PageRequest& page);
  core::Result<LedgerEntry> GetEntry(const accounts::Context& context, std::int64_t group_id,
                                     std::int64_t id);
  core::Result<LedgerEntry> PostEntry(const accounts::Context& context, std::int64_t group_id,
                                      const EntryInput& input);
  // Posts the entry that undoes `id`; an entry is reversed once, and a reversal never.
  core::Result<LedgerEntry> Reverse(const accounts::Context& context, std::int64_t group_id,
                                    std::int64_t id, const ReversalInput& input);

  // `from`/`to` are days ("2026-01-01"); default: today, from the first of January of `to`'s year.
  core::Result<Statement> GetStatement(const accounts::Context& context, std::int64_t group_id,
                                       const std::optional<std::string>& from,
                                       const std::optional<std::string>& to);
  // Month-end balances from `from` to `to` ("2026-01"); default: the twelve months to this one.
  core::Result<std::vector<BalancePoint>> Balances(const accounts::Context& context,
                                                   std::int64_t group_id,
                                                   const std::optional<std::string>& from,
                                                   const std::optional<std::string>& to);

  core::Result<std::vector<FeeRule>> FeeRules(const accounts::Context& context, std::int64_t group_id);
  core::Result<FeeRule> AddFeeRule(const accounts::Context& context, std::int64_t group_id,
                                   const FeeRuleInput& input);
  // A sheet of fees paid, each posted as its own fee_payment entry, all in one unit: all or
  // nothing, a wrong line named "payments[2].amount". At a meeting, a member whose fee was recorded
  // there already (and not reversed) is refused ("already_recorded").
  core::Result<std::vector<LedgerEntry>> RecordFees(const accounts::Context& context,
                                                    std::int64_t group_id, const FeeSheetInput& input);
  // Fees due, paid and in arrears per member through `through` ("2026-11"; default: this month).
  core::Result<FeesView> Fees(const accounts::Context& context, std::int64_t group_id,
                              const std::optional<std::string>& through);

  core::Result<std::vector<CommonAsset>> Assets(const accounts::Context& context, std::int64_t group_id);
  // Records the asset and posts its value from cash into common assets, dated when acquired.
  core::Result<CommonAsset> AddAsset(const accounts::Context& context, std::int64_t group_id,
                                     const AssetInput& input);
};

}  // namespace gotong::domain::groups
