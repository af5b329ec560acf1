#include "domain/groups/rules.hpp"

#include <algorithm>
#include <array>
#include <climits>
#include <cstdio>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>
#include <utility>

#include "core/names.hpp"
#include "core/text.hpp"

namespace gotong::domain::groups {
namespace {

using Wide = __int128;

constexpr std::int64_t kInt64Max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kInt64Min = std::numeric_limits<std::int64_t>::min();

std::int64_t Saturate(Wide value) {
  if (value > static_cast<Wide>(kInt64Max)) return kInt64Max;
  if (value < static_cast<Wide>(kInt64Min)) return kInt64Min;
  return static_cast<std::int64_t>(value);
}

// floor(a ÷ b) for b > 0.
Wide FloorDiv(Wide a, Wide b) {
  Wide quotient = a / b;
  if (a % b != 0 && a < 0) --quotient;
  return quotient;
}

// Months since year 0, January: a single number that orders and subtracts.
std::int64_t Serial(const Month& month) {
  return static_cast<std::int64_t>(month.year) * 12 + static_cast<std::int64_t>(month.month) - 1;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::string Line(std::size_t index) { return "lines[" + std::to_string(index) + "]"; }

std::string Entry(std::size_t index) { return "capacities[" + std::to_string(index) + "]"; }

constexpr core::Names<GroupKind, 3> kGroupKinds = {{
    {"learning_community", GroupKind::kLearningCommunity},
    {"joint_business_group", GroupKind::kJointBusinessGroup},
    {"cooperative", GroupKind::kCooperative}
}};

constexpr core::Names<Origin, 2> kOrigins = {{
    {"self_initiated", Origin::kSelfInitiated}, {"programme_formed", Origin::kProgrammeFormed}
}};

constexpr core::Names<GroupStatus, 4> kGroupStatuses = {{
    {"embryo", GroupStatus::kEmbryo}, {"active", GroupStatus::kActive},
    {"inactive", GroupStatus::kInactive}, {"dissolved", GroupStatus::kDissolved}
}};

constexpr core::Names<MemberRole, 4> kMemberRoles = {{
    {"leader", MemberRole::kLeader}, {"secretary", MemberRole::kSecretary},
    {"treasurer", MemberRole::kTreasurer}, {"member", MemberRole::kMember}
}};

constexpr core::Names<MeetingKind, 2> kMeetingKinds = {{
    {"formal", MeetingKind::kFormal}, {"informal", MeetingKind::kInformal}
}};

constexpr core::Names<MeetingStatus, 3> kMeetingStatuses = {{
    {"planned", MeetingStatus::kPlanned}, {"held", MeetingStatus::kHeld},
    {"cancelled", MeetingStatus::kCancelled}
}};

constexpr core::Names<Presence, 3> kPresences = {{
    {"present", Presence::kPresent}, {"excused", Presence::kExcused}, {"absent", Presence::kAbsent}
}};

constexpr core::Names<Topic, 8> kTopics = {{
    {"learning_theme", Topic::kLearningTheme}, {"schedule", Topic::kSchedule},
    {"venue", Topic::kVenue}, {"price", Topic::kPrice}, {"market_areas", Topic::kMarketAreas},
    {"fee_rule", Topic::kFeeRule}, {"rule", Topic::kRule}, {"other", Topic::kOther}
}};

constexpr core::Names<DecisionMethod, 2> kDecisionMethods = {{
    {"vote", DecisionMethod::kVote}, {"consensus", DecisionMethod::kConsensus}
}};

constexpr core::Names<Outcome, 2> kOutcomes = {{
    {"agreed", Outcome::kAgreed}, {"not_agreed", Outcome::kNotAgreed}
}};

constexpr core::Names<DecisionRule, 3> kDecisionRules = {{
    {"majority", DecisionRule::kMajority}, {"two_thirds", DecisionRule::kTwoThirds},
    {"consensus", DecisionRule::kConsensus}
}};

constexpr core::Names<DatePrecision, 3> kDatePrecisions = {{
    {"year", DatePrecision::kYear}, {"month", DatePrecision::kMonth}, {"day", DatePrecision::kDay}
}};

constexpr core::Names<GroupSetting, 3> kGroupSettings = {{
    {"monthly_fee", GroupSetting::kMonthlyFee}, {"sop_meetings", GroupSetting::kSopMeetings},
    {"market_area", GroupSetting::kMarketArea}
}};

constexpr core::Names<Part, 10> kParts = {{
    {"profile", Part::kProfile}, {"members", Part::kMembers}, {"meetings", Part::kMeetings},
    {"deliberations", Part::kDeliberations}, {"ledger", Part::kLedger}, {"assets", Part::kAssets},
    {"materials", Part::kMaterials}, {"market_areas", Part::kMarketAreas},
    {"orders", Part::kOrders}, {"posts", Part::kPosts}
}};

constexpr core::Names<LedgerAccount, 8> kAccounts = {{
    {"cash", LedgerAccount::kCash}, {"fees_receivable", LedgerAccount::kFeesReceivable},
    {"common_assets", LedgerAccount::kCommonAssets}, {"aid_received", LedgerAccount::kAidReceived},
    {"member_fees", LedgerAccount::kMemberFees}, {"shop_revenue", LedgerAccount::kShopRevenue},
    {"purchases", LedgerAccount::kPurchases}, {"expenses", LedgerAccount::kExpenses}
}};

constexpr core::Names<MaterialKind, 2> kMaterialKinds = {{
    {"offer", MaterialKind::kOffer}, {"request", MaterialKind::kRequest}
}};

constexpr core::Names<EntryKind, 8> kEntryKinds = {{
    {"fee_payment", EntryKind::kFeePayment}, {"aid_received", EntryKind::kAidReceived},
    {"asset_purchase", EntryKind::kAssetPurchase}, {"shop_sale", EntryKind::kShopSale},
    {"purchase", EntryKind::kPurchase}, {"expense", EntryKind::kExpense},
    {"general", EntryKind::kGeneral}, {"reversal", EntryKind::kReversal}
}};

constexpr core::Names<AssetKind, 3> kAssetKinds = {{
    {"shop", AssetKind::kShop}, {"equipment", AssetKind::kEquipment}, {"other", AssetKind::kOther}
}};

constexpr core::Names<AssetSource, 3> kAssetSources = {{
    {"aid", AssetSource::kAid}, {"fees", AssetSource::kFees}, {"other", AssetSource::kOther}
}};

constexpr core::Names<OrderStatus, 3> kOrderStatuses = {{
    {"open", OrderStatus::kOpen}, {"fulfilled", OrderStatus::kFulfilled},
    {"cancelled", OrderStatus::kCancelled}
}};

constexpr core::Names<PostKind, 5> kPostKinds = {{
    {"technique", PostKind::kTechnique}, {"supplier", PostKind::kSupplier}, {"fix", PostKind::kFix},
    {"market", PostKind::kMarket}, {"other", PostKind::kOther}
}};

}  // namespace

// ---- words ----------------------------------------------------------------------------------

std::string_view ToString(GroupKind kind) { return core::NameOf(kind, kGroupKinds); }
std::optional<GroupKind> ParseGroupKind(std::string_view text) {
  return core::ValueNamed(text, kGroupKinds);
}

std::string_view ToString(Origin origin) { return core::NameOf(origin, kOrigins); }
std::optional<Origin> ParseOrigin(std::string_view text) { return core::ValueNamed(text, kOrigins); }

std::string_view ToString(GroupStatus status) { return core::NameOf(status, kGroupStatuses); }
std::optional<GroupStatus> ParseGroupStatus(std::string_view text) {
  return core::ValueNamed(text, kGroupStatuses);
}

std::string_view ToString(MemberRole role) { return core::NameOf(role, kMemberRoles); }
std::optional<MemberRole> ParseMemberRole(std::string_view text) {
  return core::ValueNamed(text, kMemberRoles);
}

std::string_view ToString(MeetingKind kind) { return core::NameOf(kind, kMeetingKinds); }
std::optional<MeetingKind> ParseMeetingKind(std::string_view text) {
  return core::ValueNamed(text, kMeetingKinds);
}

std::string_view ToString(MeetingStatus status) { return core::NameOf(status, kMeetingStatuses); }
std::optional<MeetingStatus> ParseMeetingStatus(std::string_view text) {
  return core::ValueNamed(text, kMeetingStatuses);
}

std::string_view ToString(Presence presence) { return core::NameOf(presence, kPresences); }
std::optional<Presence> ParsePresence(std::string_view text) { return core::ValueNamed(text, kPresences); }

std::string_view ToString(Topic topic) { return core::NameOf(topic, kTopics); }
std::optional<Topic> ParseTopic(std::string_view text) { return core::ValueNamed(text, kTopics); }

bool BecomesNorm(Topic topic) {
  switch (topic) {
    case Topic::kPrice:
    case Topic::kMarketAreas:
    case Topic::kFeeRule:
    case Topic::kRule:
      return true;
    case Topic::kLearningTheme:
    case Topic::kSchedule:
    case Topic::kVenue:
    case Topic::kOther:
      return false;
  }
  return false;
}

std::string_view ToString(DecisionMethod method) { return core::NameOf(method, kDecisionMethods); }
std::optional<DecisionMethod> ParseDecisionMethod(std::string_view text) {
  return core::ValueNamed(text, kDecisionMethods);
}

std::string_view ToString(Outcome outcome) { return core::NameOf(outcome, kOutcomes); }
std::optional<Outcome> ParseOutcome(std::string_view text) { return core::ValueNamed(text, kOutcomes); }

std::string_view ToString(DecisionRule rule) { return core::NameOf(rule, kDecisionRules); }
std::optional<DecisionRule> ParseDecisionRule(std::string_view text) {
  return core::ValueNamed(text, kDecisionRules);
}

DecisionMethod MethodOf(DecisionRule rule) {
  return rule == DecisionRule::kConsensus ? DecisionMethod::kConsensus : DecisionMethod::kVote;
}

std::string_view ToString(DatePrecision precision) { return core::NameOf(precision, kDatePrecisions); }
std::optional<DatePrecision> ParseDatePrecision(std::string_view text) {
  return core::ValueNamed(text, kDatePrecisions);
}

std::optional<std::pair<core::Date, DatePrecision>> ParsePartialDate(std::string_view text) {
  auto digits = [](std::string_view part) {
    return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (text.size() == 4 && digits(text)) {
    int year = std::stoi(std::string(text));
    if (year < 1900) return std::nullopt;
    return std::pair{core::Date{year, 1, 1}, DatePrecision::kYear};
  }
  if (text.size() == 7) {
    auto month = Month::Parse(text);
    if (!month) return std::nullopt;
    return std::pair{month->FirstDay(), DatePrecision::kMonth};
  }
  auto day = core::Date::Parse(text);
  if (!day) return std::nullopt;
  return std::pair{*day, DatePrecision::kDay};
}

std::string_view ToString(GroupSetting setting) { return core::NameOf(setting, kGroupSettings); }
std::optional<GroupSetting> ParseGroupSetting(std::string_view text) {
  return core::ValueNamed(text, kGroupSettings);
}

Topic TopicOf(GroupSetting setting) {
  switch (setting) {
    case GroupSetting::kMonthlyFee: return Topic::kFeeRule;
    case GroupSetting::kSopMeetings: return Topic::kRule;
    case GroupSetting::kMarketArea: return Topic::kMarketAreas;
  }
  return Topic::kOther;
}

std::int64_t DefaultQuorum(std::int64_t voters) { return voters <= 0 ? 1 : voters / 2 + 1; }

// ---- who writes what ------------------------------------------------------------------------

std::string_view ToString(Part part) { return core::NameOf(part, kParts); }

bool RoleWrites(MemberRole role, bool mentor, Part part) {
  if (mentor && (part == Part::kMeetings || part == Part::kPosts)) return true;
  switch (role) {
    case MemberRole::kLeader:
      return true;
    case MemberRole::kSecretary:
      return part == Part::kMembers || part == Part::kMeetings || part == Part::kDeliberations ||
             part == Part::kMarketAreas || part == Part::kOrders || part == Part::kPosts;
    case MemberRole::kTreasurer:
      return part == Part::kLedger || part == Part::kAssets || part == Part::kMaterials ||
             part == Part::kOrders || part == Part::kPosts;
    case MemberRole::kMember:
      return part == Part::kPosts;
  }
  return false;
}

bool CanChangeStatus(GroupStatus from, GroupStatus to) {
  switch (from) {
    case GroupStatus::kEmbryo:
      return to == GroupStatus::kActive || to == GroupStatus::kDissolved;
    case GroupStatus::kActive:
      return to == GroupStatus::kInactive || to == GroupStatus::kDissolved;
    case GroupStatus::kInactive:
      return to == GroupStatus::kActive || to == GroupStatus::kDissolved;
    case GroupStatus::kDissolved:
      return false;
  }
  return false;
}

// ---- months and SOP compliance --------------------------------------------------------------

Month Month::Of(const core::Date& date) { return Month{date.year, date.month}; }

std::optional<Month> Month::Parse(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u}) {
    if (!IsDigit(text[i])) return std::nullopt;
  }
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) year = year * 10 + (text[i] - '0');
  auto month = static_cast<unsigned>((text[5] - '0') * 10 + (text[6] - '0'));
  if (month < 1 || month > 12) return std::nullopt;
  return Month{year, month};
}

std::string Month::ToString() const {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", year, month);
  return buffer;
}

Month Month::Next() const {
  if (month >= 12) return Month{year + 1, 1};
  return Month{year, month + 1};
}

core::Date Month::FirstDay() const { return core::Date{year, month, 1}; }

core::Date Month::LastDay() const {
  static constexpr std::array<unsigned, 12> kDays = {31, 28, 31, 30, 31, 30,
                                                     31, 31, 30, 31, 30, 31};
  unsigned day = (month >= 1 && month <= 12) ? kDays[month - 1] : 31;
  if (month == 2 && IsLeapYear(year)) day = 29;
  return core::Date{year, month, day};
}

int MonthsBetween(Month from, Month to) {
  std::int64_t count = Serial(to) - Serial(from) + 1;
  if (count <= 0) return 0;
  return static_cast<int>(std::min<std::int64_t>(count, INT_MAX));
}

std::vector<MonthCompliance> ComplianceByMonth(const std::vector<core::Date>& held_dates,
                                               Month from, Month to, int required_per_month) {
  return ComplianceByMonth(held_dates, from, to, [required_per_month](Month) { return required_per_month; });
}

std::vector<MonthCompliance> ComplianceByMonth(const std::vector<core::Date>& held_dates,
                                               Month from, Month to,
                                               const std::function<int(Month)>& required_in) {
  const int count = MonthsBetween(from, to);
  std::vector<MonthCompliance> rows;
  rows.reserve(static_cast<std::size_t>(count));
  Month month = from;
  for (int i = 0; i < count; ++i) {
    rows.push_back(MonthCompliance{month, 0, required_in(month), 0});
    month = month.Next();
  }
  const std::int64_t first = Serial(from);
  for (const core::Date& date : held_dates) {
    std::int64_t index = Serial(Month::Of(date)) - first;
    if (index < 0 || index >= count) continue;
    ++rows[static_cast<std::size_t>(index)].held;
  }
  for (MonthCompliance& row : rows) row.percent = Percent(row.held, row.required);
  return rows;
}

int Percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0;
  Wide numerator = static_cast<Wide>(part) * 100;
  Wide denominator = whole;
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  // Half up: floor(part × 100 ÷ whole + ½) = floor((200 × part + whole) ÷ (2 × whole)).
  Wide rounded = FloorDiv(2 * numerator + denominator, 2 * denominator);
  if (rounded > INT_MAX) return INT_MAX;
  if (rounded < INT_MIN) return INT_MIN;
  return static_cast<int>(rounded);
}

// ---- deliberation by vote -------------------------------------------------------------------

Decision DecideByVote(const std::vector<std::optional<std::int64_t>>& votes, DecisionRule rule) {
  std::map<std::int64_t, std::size_t> tally;
  for (const auto& vote : votes) {
    if (vote) ++tally[*vote];
  }
  for (const auto& [option, count] : tally) {
    bool carried = rule == DecisionRule::kTwoThirds ? count * 3 >= votes.size() * 2
                                                    : count * 2 > votes.size();
    if (carried && count > 0) return Decision{Outcome::kAgreed, option};
  }
  return Decision{Outcome::kNotAgreed, std::nullopt};
}

// ---- the treasury ---------------------------------------------------------------------------

std::string_view ToString(LedgerAccount account) { return core::NameOf(account, kAccounts); }
std::optional<LedgerAccount> ParseLedgerAccount(std::string_view text) {
  return core::ValueNamed(text, kAccounts);
}

std::string_view ToString(EntryKind kind) { return core::NameOf(kind, kEntryKinds); }
std::optional<EntryKind> ParseEntryKind(std::string_view text) {
  return core::ValueNamed(text, kEntryKinds);
}

std::vector<LedgerLine> EntryLines(EntryKind kind, std::int64_t amount,
                                   std::optional<std::int64_t> member_id) {
  auto two = [&](LedgerAccount debit, LedgerAccount credit) {
    return std::vector<LedgerLine>{{debit, amount, 0, member_id}, {credit, 0, amount, member_id}};
  };
  switch (kind) {
    case EntryKind::kFeePayment: return two(LedgerAccount::kCash, LedgerAccount::kMemberFees);
    case EntryKind::kAidReceived: return two(LedgerAccount::kCash, LedgerAccount::kAidReceived);
    case EntryKind::kAssetPurchase: return two(LedgerAccount::kCommonAssets, LedgerAccount::kCash);
    case EntryKind::kShopSale: return two(LedgerAccount::kCash, LedgerAccount::kShopRevenue);
    case EntryKind::kPurchase: return two(LedgerAccount::kPurchases, LedgerAccount::kCash);
    case EntryKind::kExpense: return two(LedgerAccount::kExpenses, LedgerAccount::kCash);
    case EntryKind::kGeneral:
    case EntryKind::kReversal: return {};
  }
  return {};
}

std::string_view ToString(AssetKind kind) { return core::NameOf(kind, kAssetKinds); }
std::optional<AssetKind> ParseAssetKind(std::string_view text) {
  return core::ValueNamed(text, kAssetKinds);
}

std::string_view ToString(AssetSource source) { return core::NameOf(source, kAssetSources); }
std::optional<AssetSource> ParseAssetSource(std::string_view text) {
  return core::ValueNamed(text, kAssetSources);
}

AccountType TypeOf(LedgerAccount account) {
  switch (account) {
    case LedgerAccount::kCash:
    case LedgerAccount::kFeesReceivable:
    case LedgerAccount::kCommonAssets:
      return AccountType::kAsset;
    case LedgerAccount::kAidReceived:
    case LedgerAccount::kMemberFees:
    case LedgerAccount::kShopRevenue:
      return AccountType::kIncome;
    case LedgerAccount::kPurchases:
    case LedgerAccount::kExpenses:
      return AccountType::kExpense;
  }
  return AccountType::kAsset;
}

core::Status CheckEntry(const std::vector<LedgerLine>& lines) {
  std::vector<core::FieldError> errors;
  if (lines.size() < 2) {
    errors.push_back({"lines", "too_few",
                      "an entry needs at least two lines, a debit and a credit; it has " +
                          std::to_string(lines.size())});
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const LedgerLine& line = lines[i];
    const std::string name = Line(i);
    if (line.debit < 0 || line.credit < 0) {
      if (line.debit < 0) {
        errors.push_back({name + ".debit", "negative", name + ".debit must not be negative"});
      }
      if (line.credit < 0) {
        errors.push_back({name + ".credit", "negative", name + ".credit must not be negative"});
      }
    } else if (line.debit == 0 && line.credit == 0) {
      errors.push_back({name + ".debit", "required",
                        name + " needs an amount above 0 as its debit or its credit"});
    } else if (line.debit > 0 && line.credit > 0) {
      errors.push_back({name + ".credit", "invalid_value",
                        name + " has both a debit and a credit; each line has only one side"});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));

  // Every amount is now ≥ 0 and there are fewer than 2^63 lines, so the wide sums cannot wrap.
  Wide debits = 0;
  Wide credits = 0;
  for (const LedgerLine& line : lines) {
    debits += line.debit;
    credits += line.credit;
  }
  if (debits > kInt64Max || credits > kInt64Max) {
    return core::Error::Invalid("lines", "too_large",
                                "the entry's totals are too large to record; split it");
  }
  if (debits != credits) {
    return core::Error::Invalid(
        "lines", "unbalanced",
        "debits (" + FormatRupiah(static_cast<std::int64_t>(debits)) + ") and credits (" +
            FormatRupiah(static_cast<std::int64_t>(credits)) + ") must be equal");
  }
  return core::OkStatus();
}

std::vector<LedgerLine> Reversal(const std::vector<LedgerLine>& lines) {
  std::vector<LedgerLine> reversed;
  reversed.reserve(lines.size());
  for (const LedgerLine& line : lines) {
    reversed.push_back(LedgerLine{line.account, line.credit, line.debit, line.member_id});
  }
  return reversed;
}

std::int64_t Balance(LedgerAccount account, std::int64_t debits, std::int64_t credits) {
  Wide debit_side = static_cast<Wide>(debits) - static_cast<Wide>(credits);
  return Saturate(TypeOf(account) == AccountType::kIncome ? -debit_side : debit_side);
}

std::string FormatRupiah(std::int64_t amount) {
  // The magnitude as unsigned, so that INT64_MIN has one too.
  std::uint64_t magnitude = amount < 0 ? 0 - static_cast<std::uint64_t>(amount)
                                       : static_cast<std::uint64_t>(amount);
  std::string digits = std::to_string(magnitude);
  std::string grouped;
  grouped.reserve(digits.size() + digits.size() / 3);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped.push_back('.');
    grouped.push_back(digits[i]);
  }
  return (amount < 0 ? "-Rp " : "Rp ") + grouped;
}

std::int64_t FeesDue(Month joined, std::optional<Month> left, Month rule_from, std::int64_t amount,
                     Month through) {
  Month start = std::max(joined, rule_from);
  Month end = left ? std::min(*left, through) : through;
  int months = MonthsBetween(start, end);
  if (months == 0) return 0;
  return Saturate(static_cast<Wide>(months) * amount);
}

// ---- joint orders ---------------------------------------------------------------------------

std::string_view ToString(OrderStatus status) { return core::NameOf(status, kOrderStatuses); }
std::optional<OrderStatus> ParseOrderStatus(std::string_view text) {
  return core::ValueNamed(text, kOrderStatuses);
}

core::Result<std::vector<Share>> SplitOrder(std::int64_t quantity,
                                            const std::vector<Capacity>& capacities) {
  std::vector<core::FieldError> errors;
  if (quantity <= 0) {
    errors.push_back({"quantity", "invalid_value",
                      "quantity must be at least 1; it is " + std::to_string(quantity)});
  }
  if (capacities.empty()) {
    errors.push_back({"capacities", "required", "capacities must list at least one member"});
  }
  std::unordered_map<std::int64_t, std::size_t> first_seen;
  for (std::size_t i = 0; i < capacities.size(); ++i) {
    const Capacity& entry = capacities[i];
    if (entry.capacity < 0) {
      errors.push_back({Entry(i) + ".capacity", "negative",
                        Entry(i) + ".capacity must not be negative; it is " +
                            std::to_string(entry.capacity)});
    }
    auto [at, inserted] = first_seen.emplace(entry.member_id, i);
    if (!inserted) {
      errors.push_back({Entry(i) + ".member_id", "duplicate",
                        "member " + std::to_string(entry.member_id) +
                            " is listed twice, at " + Entry(at->second) + " and " + Entry(i)});
    }
  }
  if (!errors.empty()) return core::Error::Invalid(std::move(errors));

  Wide total = 0;
  for (const Capacity& entry : capacities) total += entry.capacity;
  if (total < quantity) {
    // total < quantity ≤ INT64_MAX, so it narrows safely.
    const auto can = static_cast<std::int64_t>(total);
    std::string message = "members can make " + std::to_string(can) + " of " +
                          std::to_string(quantity) + "; " + std::to_string(quantity - can) +
                          " short";
    return core::Error{core::ErrorCode::kFailedPrecondition,
                       message,
                       {core::FieldError{"quantity", "insufficient_capacity", message,
                                         {{"can", std::to_string(can)},
                                          {"ordered", std::to_string(quantity)},
                                          {"short", std::to_string(quantity - can)}}}},
                       std::nullopt,
                       {}};
  }

  // quantity × capacity < 2^126: exact in 128 bits. Each whole part is at most the capacity
  // because quantity ≤ total.
  std::vector<Share> shares;
  std::vector<Wide> remainders;
  shares.reserve(capacities.size());
  remainders.reserve(capacities.size());
  std::int64_t assigned = 0;
  for (const Capacity& entry : capacities) {
    Wide scaled = static_cast<Wide>(quantity) * entry.capacity;
    auto whole = static_cast<std::int64_t>(scaled / total);
    shares.push_back(Share{entry.member_id, whole});
    remainders.push_back(scaled % total);
    assigned += whole;  // ≤ quantity: the whole parts never add up to more than the order
  }

  std::vector<std::size_t> order(capacities.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (remainders[a] != remainders[b]) return remainders[a] > remainders[b];
    if (capacities[a].capacity != capacities[b].capacity) {
      return capacities[a].capacity > capacities[b].capacity;
    }
    return capacities[a].member_id < capacities[b].member_id;
  });
  // The remainders add up to (quantity − assigned) × total and each is below total, so more
  // members than units left have a positive remainder, and a positive remainder means the whole
  // part is below capacity. The capacity check only guards that reasoning.
  std::int64_t left = quantity - assigned;
  for (std::size_t index : order) {
    if (left == 0) break;
    if (shares[index].quantity >= capacities[index].capacity) continue;
    ++shares[index].quantity;
    --left;
  }
  return shares;
}

// ---- market areas ---------------------------------------------------------------------------

std::string AreaKey(std::string_view area) {
  std::string_view trimmed = core::Trim(area);
  std::string key;
  key.reserve(trimmed.size());
  bool in_space = false;
  for (char c : trimmed) {
    if (IsSpace(c)) {
      in_space = true;
      continue;
    }
    if (in_space) key.push_back(' ');
    in_space = false;
    key.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return key;
}

std::vector<Overlap> FindOverlaps(const std::vector<AreaClaim>& claims) {
  struct Group {
    const AreaClaim* first = nullptr;  // the claim with the smallest id: as first written
    std::vector<std::int64_t> member_ids;
    std::vector<std::int64_t> claim_ids;
  };
  std::map<std::string, Group> by_key;
  for (const AreaClaim& claim : claims) {
    std::string key = AreaKey(claim.area);
    if (key.empty()) continue;  // a blank area is no area
    Group& group = by_key[key];
    if (group.first == nullptr || claim.id < group.first->id) group.first = &claim;
    group.member_ids.push_back(claim.member_id);
    group.claim_ids.push_back(claim.id);
  }
  std::vector<Overlap> overlaps;
  for (auto& [key, group] : by_key) {
    std::sort(group.member_ids.begin(), group.member_ids.end());
    group.member_ids.erase(std::unique(group.member_ids.begin(), group.member_ids.end()),
                           group.member_ids.end());
    if (group.member_ids.size() < 2) continue;
    std::sort(group.claim_ids.begin(), group.claim_ids.end());
    overlaps.push_back(
        Overlap{group.first->area, std::move(group.member_ids), std::move(group.claim_ids)});
  }
  return overlaps;
}

// ---- raw material ---------------------------------------------------------------------------

std::string_view ToString(MaterialKind kind) { return core::NameOf(kind, kMaterialKinds); }
std::optional<MaterialKind> ParseMaterialKind(std::string_view text) {
  return core::ValueNamed(text, kMaterialKinds);
}

std::vector<MaterialMatch> MatchMaterials(const std::vector<MaterialPost>& posts,
                                          core::Date today) {
  struct Open {
    const MaterialPost* post;
    std::string material;
    std::string unit;
  };
  std::vector<Open> requests;
  std::vector<Open> offers;
  for (const MaterialPost& post : posts) {
    if (post.closed || post.until < today) continue;
    Open open{&post, AreaKey(post.material), AreaKey(post.unit)};
    (post.kind == MaterialKind::kRequest ? requests : offers).push_back(std::move(open));
  }
  std::vector<MaterialMatch> matches;
  for (const Open& request : requests) {
    for (const Open& offer : offers) {
      if (request.post->member_id == offer.post->member_id) continue;
      if (request.material != offer.material || request.unit != offer.unit) continue;
      matches.push_back(MaterialMatch{request.post->id, offer.post->id,
                                      std::min(request.post->quantity, offer.post->quantity)});
    }
  }
  std::sort(matches.begin(), matches.end(), [](const MaterialMatch& a, const MaterialMatch& b) {
    if (a.request_id != b.request_id) return a.request_id < b.request_id;
    return a.offer_id < b.offer_id;
  });
  return matches;
}

std::int64_t Saving(std::int64_t alone_price, std::int64_t group_price, std::int64_t quantity) {
  return Saturate((static_cast<Wide>(alone_price) - group_price) * quantity);
}

// ---- knowledge sharing ----------------------------------------------------------------------

std::string_view ToString(PostKind kind) { return core::NameOf(kind, kPostKinds); }
std::optional<PostKind> ParsePostKind(std::string_view text) {
  return core::ValueNamed(text, kPostKinds);
}

std::string WhatsAppLink(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string link = "https://wa.me/?text=";
  link.reserve(link.size() + text.size() * 3);
  for (char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      link.push_back(c);
      continue;
    }
    auto byte = static_cast<unsigned char>(c);
    link.push_back('%');
    link.push_back(kHex[byte >> 4]);
    link.push_back(kHex[byte & 0x0F]);
  }
  return link;
}

}  // namespace gotong::domain::groups
