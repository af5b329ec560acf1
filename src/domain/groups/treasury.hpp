#pragma once

// A group's treasury (seed 001): the double-entry ledger, fee rules and common assets such as
// the group shop. Balances, statements and arrears are computed from the entries, never typed.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/groups/rules.hpp"

namespace gotong::domain::groups {

struct LedgerEntry {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  core::Date date;
  EntryKind kind = EntryKind::kGeneral;
  std::string memo;
  std::int64_t amount = 0;  // the total of the debits (= the credits)
  std::vector<LedgerLine> lines;
  std::optional<std::int64_t> reverses_id;
  std::optional<std::int64_t> reversed_by;  // read only
  std::optional<std::int64_t> asset_id;
  std::optional<std::int64_t> meeting_id;  // the meeting a fee sheet recorded it at
  std::optional<std::int64_t> created_by;
  std::string created_by_username;
  core::Instant created_at{};
};

// Which of a group's entries a list holds: `from`/`to` bound the entry date, inclusive;
// `meeting_id` keeps those recorded at that meeting; `fees_of` those that move that member's fees
// (a member_fees line naming her: her payments, their reversals, corrections).
struct LedgerFilter {
  std::optional<core::Date> from;
  std::optional<core::Date> to;
  std::optional<std::int64_t> meeting_id;
  std::optional<std::int64_t> fees_of;
};

struct CommonAsset {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::string name;
  AssetKind kind = AssetKind::kShop;
  AssetSource source = AssetSource::kAid;
  std::int64_t value = 0;
  core::Date acquired_on;
  core::Instant created_at{};
  // Read only: what the ledger says of it.
  std::int64_t sales = 0;      // shop_sale entries naming it, net of reversals
  std::int64_t purchases = 0;  // purchase entries naming it, net of reversals
};

struct FeeRule {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t amount = 0;  // per member per month
  Month from;
  std::optional<std::int64_t> deliberation_id;  // the deliberation that set it
  core::Instant created_at{};
};

// Debits and credits of one account.
struct AccountTotals {
  LedgerAccount account = LedgerAccount::kCash;
  std::int64_t debits = 0;
  std::int64_t credits = 0;
};

// The movement of one account in one month.
struct MonthlyMovement {
  Month month;
  LedgerAccount account = LedgerAccount::kCash;
  std::int64_t debits = 0;
  std::int64_t credits = 0;
};

class TreasuryRepository {
 public:
  virtual ~TreasuryRepository() = default;
  // Inserts the entry with its lines; kAlreadyExists (field "entry") when `reverses_id` has been
  // reversed already.
  virtual core::Result<std::int64_t> InsertEntry(const LedgerEntry& entry) = 0;
  // With lines; kNotFound unless it belongs to the group.
  virtual core::Result<LedgerEntry> FindEntry(std::int64_t group_id, std::int64_t id) = 0;
  // Newest first, with lines.
  virtual core::Result<core::Page<LedgerEntry>> ListEntries(std::int64_t group_id,
                                                            const LedgerFilter& filter,
                                                            const core::PageRequest& page) = 0;
  // Per account, the lines dated from `from` (nullopt: the beginning) to `to`, inclusive.
  virtual core::Result<std::vector<AccountTotals>> Totals(std::int64_t group_id,
                                                          std::optional<core::Date> from,
                                                          core::Date to) = 0;
  // Per month and account, from `from` to `to` inclusive.
  virtual core::Result<std::vector<MonthlyMovement>> Monthly(std::int64_t group_id,
                                                             core::Date from, core::Date to) = 0;
  // member id → fees paid (member_fees credits − debits) up to `to`.
  virtual core::Result<std::map<std::int64_t, std::int64_t>> FeesPaid(std::int64_t group_id,
                                                                      core::Date to) = 0;

  // kAlreadyExists (field "from") when a rule starts that month already.
  virtual core::Result<std::int64_t> InsertFeeRule(const FeeRule& rule) = 0;
  // In the order of the month they start.
  virtual core::Result<std::vector<FeeRule>> FeeRules(std::int64_t group_id) = 0;

  virtual core::Result<std::int64_t> InsertAsset(const CommonAsset& asset) = 0;
  virtual core::Result<CommonAsset> FindAsset(std::int64_t group_id, std::int64_t id) = 0;
  // Oldest first, with the ledger's sales and purchases of each.
  virtual core::Result<std::vector<CommonAsset>> Assets(std::int64_t group_id) = 0;
};

}  // namespace gotong::domain::groups
