#pragma once

// The pure rules of groups as alliances (seeds 000 and 001): the words the API and storage use,
// who writes which part of a group's workspace, SOP compliance, deciding a deliberation by vote,
// the double-entry ledger's balance, fees due, splitting a joint order by capacity, overlapping
// market areas, raw-material matches and the WhatsApp share link. No I/O here.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"

namespace gotong::domain::groups {

// ---- words ----------------------------------------------------------------------------------
// Each enum has ToString (the API and storage word, shown in comments) and Parse (that word, or
// nullopt for anything else; exact, lower-case). The enums of the later sections follow the same
// rule; rules.cpp keeps every word in one core::Names table per enum.

enum class GroupKind { kLearningCommunity, kJointBusinessGroup, kCooperative };
// learning_community, joint_business_group, cooperative
std::string_view ToString(GroupKind kind);
std::optional<GroupKind> ParseGroupKind(std::string_view text);

enum class Origin { kSelfInitiated, kProgrammeFormed };  // self_initiated, programme_formed
std::string_view ToString(Origin origin);
std::optional<Origin> ParseOrigin(std::string_view text);

enum class GroupStatus { kEmbryo, kActive, kInactive, kDissolved };  // embryo, active, ...
std::string_view ToString(GroupStatus status);
std::optional<GroupStatus> ParseGroupStatus(std::string_view text);

// A member's office in the group; whether she also mentors is a separate flag (seed 000's
// leader is the community's mentor too).
enum class MemberRole { kLeader, kSecretary, kTreasurer, kMember };  // leader, secretary, ...
std::string_view ToString(MemberRole role);
std::optional<MemberRole> ParseMemberRole(std::string_view text);

enum class MeetingKind { kFormal, kInformal };  // formal, informal
std::string_view ToString(MeetingKind kind);
std::optional<MeetingKind> ParseMeetingKind(std::string_view text);

enum class MeetingStatus { kPlanned, kHeld, kCancelled };  // planned, held, cancelled
std::string_view ToString(MeetingStatus status);
std::optional<MeetingStatus> ParseMeetingStatus(std::string_view text);

enum class Presence { kPresent, kExcused, kAbsent };  // present, excused, absent
std::string_view ToString(Presence presence);
std::optional<Presence> ParsePresence(std::string_view text);

// What a deliberation decides.
enum class Topic {
  kLearningTheme,  // learning_theme (the mentoring cycle's planning, seed 000)
  kSchedule,       // schedule
  kVenue,          // venue
  kPrice,          // price (seed 001: a uniform price, not agreed)
  kMarketAreas,    // market_areas (seed 001: agreed and documented)
  kFeeRule,        // fee_rule
  kRule,           // rule (any other rule the group keeps)
  kOther,          // other
};
std::string_view ToString(Topic topic);
std::optional<Topic> ParseTopic(std::string_view text);
// Whether an agreed outcome on this topic becomes a norm the group keeps: price, market_areas,
// fee_rule and rule do; learning_theme, schedule, venue and other do not.
bool BecomesNorm(Topic topic);

enum class DecisionMethod { kVote, kConsensus };  // vote, consensus
std::string_view ToString(DecisionMethod method);
std::optional<DecisionMethod> ParseDecisionMethod(std::string_view text);

enum class Outcome { kAgreed, kNotAgreed };  // agreed, not_agreed
std::string_view ToString(Outcome outcome);
std::optional<Outcome> ParseOutcome(std::string_view text);

// How a proposal is decided: by more than half, or at least two thirds, of the votes cast, or by
// consensus (no votes: the outcome recorded as the members reached it).
enum class DecisionRule { kMajority, kTwoThirds, kConsensus };  // majority, two_thirds, consensus
std::string_view ToString(DecisionRule rule);
std::optional<DecisionRule> ParseDecisionRule(std::string_view text);
// vote for majority and two_thirds, consensus for consensus.
DecisionMethod MethodOf(DecisionRule rule);

// How much of a day is known: seed 000's Table 1 gives only the year members joined.
enum class DatePrecision { kYear, kMonth, kDay };  // year, month, day
std::string_view ToString(DatePrecision precision);
std::optional<DatePrecision> ParseDatePrecision(std::string_view text);
// "2017" (the year), "2017-03" (the month) or "2017-03-05": the first day it can be, and how much
// of it is known; nullopt for anything else.
std::optional<std::pair<core::Date, DatePrecision>> ParsePartialDate(std::string_view text);

// A group setting an agreed proposal changes, and the topic such a proposal has.
enum class GroupSetting { kMonthlyFee, kSopMeetings, kMarketArea };  // monthly_fee, sop_meetings, market_area
std::string_view ToString(GroupSetting setting);
std::optional<GroupSetting> ParseGroupSetting(std::string_view text);
Topic TopicOf(GroupSetting setting);  // fee_rule, rule, market_areas

// The votes a proposal needs before it is decided when none is set: more than half of `voters`.
std::int64_t DefaultQuorum(std::int64_t voters);

// ---- who writes what ------------------------------------------------------------------------

// The parts of a group's workspace, each written by some of its officers.
enum class Part {
  kProfile,        // the group's own record: name, status, SOP, legality
  kMembers,        // memberships
  kMeetings,       // meetings, minutes and attendance
  kDeliberations,  // proposals, recording votes, deciding
  kLedger,         // the treasury: entries, fee rules, reversals
  kAssets,         // common assets and the shop's sales and purchases
  kMaterials,      // collective purchases (every member posts her own offers and requests)
  kMarketAreas,    // the division of market areas
  kOrders,         // joint orders, their split and payouts
  kPosts,          // knowledge posts (every member writes her own)
};
std::string_view ToString(Part part);  // profile, members, meetings, ...

// The leader writes every part. The secretary: members, meetings, deliberations, market areas,
// orders, posts. The treasurer: ledger, assets, materials, orders, posts. A mentor (any office):
// meetings and posts besides her office's parts. A member: posts only (her own votes, offers,
// requests and "useful" marks are not parts; any member makes those).
bool RoleWrites(MemberRole role, bool mentor, Part part);

// Status changes a group may make: embryo → active; active ↔ inactive; embryo, active or
// inactive → dissolved. Dissolved is final. Staying in the same status is not a change (false).
bool CanChangeStatus(GroupStatus from, GroupStatus to);

// ---- months and SOP compliance (seed 001: twice a month where the SOP asked once = 200%) ------

struct Month {
  int year = 1970;
  unsigned month = 1;  // 1..12

  static Month Of(const core::Date& date);
  // "2026-11"; nullopt for anything else (month 00 or 13, a day part, spaces).
  static std::optional<Month> Parse(std::string_view text);
  std::string ToString() const;  // "2026-11"
  Month Next() const;
  core::Date FirstDay() const;
  core::Date LastDay() const;  // knows leap years
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Month&, const Month&) = default;
};

// Months from `from` to `to` inclusive (0 when to < from).
int MonthsBetween(Month from, Month to);

struct MonthCompliance {
  Month month;
  int held = 0;      // meetings held that month
  int required = 0;  // what the SOP asks (meetings a month)
  int percent = 0;   // held ÷ required, in whole percent rounded half up; 0 when required is 0
};

// One row per month from `from` to `to` inclusive, counting the dates of meetings held (dates
// outside the range are ignored; several on one day count each). `required_per_month` ≥ 1, or
// what `required_in(month)` says for each month.
std::vector<MonthCompliance> ComplianceByMonth(const std::vector<core::Date>& held_dates,
                                               Month from, Month to, int required_per_month);
std::vector<MonthCompliance> ComplianceByMonth(const std::vector<core::Date>& held_dates,
                                               Month from, Month to,
                                               const std::function<int(Month)>& required_in);

// part ÷ whole in whole percent, rounded half up; 0 when whole is 0.
int Percent(std::int64_t part, std::int64_t whole);

// ---- deliberation by vote (one member, one vote) ---------------------------------------------

struct Decision {
  Outcome outcome = Outcome::kNotAgreed;
  std::optional<std::int64_t> option_id;  // the option agreed on
  friend bool operator==(const Decision&, const Decision&) = default;
};

// `votes` holds each voter's option id, or nullopt for a vote against the proposal. Agreed on an
// option only when it has more than half (kMajority) or at least two thirds (kTwoThirds) of the
// votes cast; anything else (no votes, a tie, a plurality short of that, a majority against) is
// not agreed.
Decision DecideByVote(const std::vector<std::optional<std::int64_t>>& votes,
                      DecisionRule rule = DecisionRule::kMajority);

// ---- the treasury: a double-entry ledger per group ----------------------------------------

enum class LedgerAccount {
  kCash,            // cash: asset
  kFeesReceivable,  // fees_receivable: asset (fees due, not yet paid)
  kCommonAssets,    // common_assets: asset (the shop, equipment)
  kAidReceived,     // aid_received: income (a programme's grant)
  kMemberFees,      // member_fees: income
  kShopRevenue,     // shop_revenue: income (the group shop's sales)
  kPurchases,       // purchases: expense (raw material bought for resale or collectively)
  kExpenses,        // expenses: expense
};
inline constexpr LedgerAccount kLedgerAccounts[] = {
    LedgerAccount::kCash,       LedgerAccount::kFeesReceivable, LedgerAccount::kCommonAssets,
    LedgerAccount::kAidReceived, LedgerAccount::kMemberFees,     LedgerAccount::kShopRevenue,
    LedgerAccount::kPurchases,  LedgerAccount::kExpenses};
std::string_view ToString(LedgerAccount account);
std::optional<LedgerAccount> ParseLedgerAccount(std::string_view text);

enum class AccountType { kAsset, kIncome, kExpense };
AccountType TypeOf(LedgerAccount account);

struct LedgerLine {
  LedgerAccount account = LedgerAccount::kCash;
  std::int64_t debit = 0;   // whole rupiah
  std::int64_t credit = 0;  // whole rupiah
  std::optional<std::int64_t> member_id;  // whose fee, whose payout (optional)
  friend bool operator==(const LedgerLine&, const LedgerLine&) = default;
};

// What an entry records; all but general and reversal are built from an amount by EntryLines.
enum class EntryKind {
  kFeePayment,     // fee_payment: a member pays her fee (cash / member_fees, with the member)
  kAidReceived,    // aid_received: a programme's grant arrives (cash / aid_received)
  kAssetPurchase,  // asset_purchase: cash set aside into a common asset (common_assets / cash)
  kShopSale,       // shop_sale: the group shop sells (cash / shop_revenue)
  kPurchase,       // purchase: raw material or stock bought (purchases / cash)
  kExpense,        // expense: anything else paid (expenses / cash)
  kGeneral,        // general: lines given one by one
  kReversal,       // reversal: undoes an earlier entry (posted by Reverse only)
};
std::string_view ToString(EntryKind kind);
std::optional<EntryKind> ParseEntryKind(std::string_view text);

// The two lines of a kind built from an amount (not general or reversal).
std::vector<LedgerLine> EntryLines(EntryKind kind, std::int64_t amount,
                                   std::optional<std::int64_t> member_id);

enum class AssetKind { kShop, kEquipment, kOther };  // shop, equipment, other
std::string_view ToString(AssetKind kind);
std::optional<AssetKind> ParseAssetKind(std::string_view text);

enum class AssetSource { kAid, kFees, kOther };  // aid, fees, other
std::string_view ToString(AssetSource source);
std::optional<AssetSource> ParseAssetSource(std::string_view text);

// An entry is at least two lines; each line has exactly one positive side (the other 0), no
// negative amounts; debits equal credits; the totals fit in int64. kInvalidArgument names the
// field: "lines" (fewer than two, or unbalanced: the message gives both totals in rupiah as
// "Rp 1.500.000"), "lines[2].debit" / "lines[2].credit" (negative, both set, neither set).
// Every wrong line is reported, not only the first.
core::Status CheckEntry(const std::vector<LedgerLine>& lines);

// The lines that undo `lines`: each debit becomes a credit and the other way round.
std::vector<LedgerLine> Reversal(const std::vector<LedgerLine>& lines);

// An account's balance on its normal side: assets and expenses debit − credit, income
// credit − debit.
std::int64_t Balance(LedgerAccount account, std::int64_t debits, std::int64_t credits);

// "Rp 1.500.000", "Rp 0", "-Rp 25.000".
std::string FormatRupiah(std::int64_t amount);

// Fees a member owes under a rule of `amount` a month in force from `rule_from`: one for each
// month from max(joined, rule_from) to min(left, through), inclusive; 0 when that is empty.
std::int64_t FeesDue(Month joined, std::optional<Month> left, Month rule_from, std::int64_t amount,
                     Month through);

// ---- joint orders (seed 000: joint marketing) ------------------------------------------------

enum class OrderStatus { kOpen, kFulfilled, kCancelled };  // open, fulfilled, cancelled
std::string_view ToString(OrderStatus status);
std::optional<OrderStatus> ParseOrderStatus(std::string_view text);

struct Capacity {
  std::int64_t member_id = 0;
  std::int64_t capacity = 0;  // units she can make in time; ≥ 0
};

struct Share {
  std::int64_t member_id = 0;
  std::int64_t quantity = 0;
  friend bool operator==(const Share&, const Share&) = default;
};

// Splits `quantity` units in proportion to capacity by the largest-remainder method: each gets
// the whole part of quantity × capacity ÷ total capacity, and the units left over go one each to
// the largest remainders (ties: larger capacity first, then smaller member id). No share exceeds
// its capacity. The result is in the input's order, one share per input (0 where capacity 0),
// deterministic for the same input.
// kInvalidArgument naming "quantity" when quantity ≤ 0; naming "capacities" when empty, a
// capacity is negative ("capacities[1].capacity") or a member is listed twice
// ("capacities[3].member_id"); kFailedPrecondition naming "quantity" when the capacities add up
// to less than the order, with the shortfall in the message ("members can make 120 of 150;
// 30 short"). No overflow for quantities and capacities up to 10^12.
core::Result<std::vector<Share>> SplitOrder(std::int64_t quantity,
                                            const std::vector<Capacity>& capacities);

// ---- market areas (seed 001: a documented division among members) --------------------------

struct AreaClaim {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  std::string area;  // a village code or a market's name
};

struct Overlap {
  std::string area;                     // as first written
  std::vector<std::int64_t> member_ids;  // distinct, ascending
  std::vector<std::int64_t> claim_ids;   // ascending
  friend bool operator==(const Overlap&, const Overlap&) = default;
};

// The key two claims on the same area share: trimmed, case-folded (ASCII), inner runs of spaces
// as one ("Pasar  Ngajum " and "pasar ngajum" are the same market).
std::string AreaKey(std::string_view area);

// Areas claimed by more than one member, ordered by area key. A member claiming the same area
// twice is not an overlap.
std::vector<Overlap> FindOverlaps(const std::vector<AreaClaim>& claims);

// ---- raw material (seed 001: sharing cassava when it is scarce) ------------------------------

enum class MaterialKind { kOffer, kRequest };  // offer, request
std::string_view ToString(MaterialKind kind);
std::optional<MaterialKind> ParseMaterialKind(std::string_view text);

struct MaterialPost {
  std::int64_t id = 0;
  std::int64_t member_id = 0;
  MaterialKind kind = MaterialKind::kOffer;
  std::string material;  // "singkong", compared by AreaKey-style folding
  std::string unit;      // "kg", compared the same way
  std::int64_t quantity = 0;
  core::Date until;      // open through this day
  bool closed = false;
};

struct MaterialMatch {
  std::int64_t request_id = 0;
  std::int64_t offer_id = 0;
  std::int64_t quantity = 0;  // min of the two
  friend bool operator==(const MaterialMatch&, const MaterialMatch&) = default;
};

// Every open request (not closed, until ≥ today) against every open offer of the same material
// and unit by another member; ordered by request id, then offer id.
std::vector<MaterialMatch> MatchMaterials(const std::vector<MaterialPost>& posts, core::Date today);

// What buying together saved: (alone − group) × quantity; negative when the group paid more.
std::int64_t Saving(std::int64_t alone_price, std::int64_t group_price, std::int64_t quantity);

// ---- knowledge sharing -------------------------------------------------------------------

enum class PostKind { kTechnique, kSupplier, kFix, kMarket, kOther };  // technique, supplier, ...
std::string_view ToString(PostKind kind);
std::optional<PostKind> ParsePostKind(std::string_view text);

// "https://wa.me/?text=" followed by `text` percent-encoded as UTF-8 (unreserved characters
// A-Z a-z 0-9 - . _ ~ stay, everything else, spaces and newlines included, becomes %XX in
// upper-case hex).
std::string WhatsAppLink(std::string_view text);

}  // namespace gotong::domain::groups
