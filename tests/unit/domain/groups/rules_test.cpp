#include "domain/groups/rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/groups/groups.hpp"

namespace gotong::domain::groups {
namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kTrillion = 1'000'000'000'000;

core::Date D(int year, unsigned month, unsigned day) { return core::Date{year, month, day}; }
Month M(int year, unsigned month) { return Month{year, month}; }

// Each word the header promises, and a parse that must take it back.
template <typename Enum, typename ParseFn>
void ExpectWords(const std::vector<std::pair<Enum, std::string_view>>& words, ParseFn parse) {
  std::set<std::string_view> distinct;
  for (const auto& [value, word] : words) {
    EXPECT_EQ(ToString(value), word);
    EXPECT_EQ(parse(word), value) << word;
    distinct.insert(ToString(value));
    // Exact and lower-case: no folding, no trimming.
    std::string upper(word);
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    EXPECT_FALSE(parse(upper).has_value()) << upper;
    std::string capitalised(word);
    capitalised[0] = upper[0];
    EXPECT_FALSE(parse(capitalised).has_value()) << capitalised;
    EXPECT_FALSE(parse(" " + std::string(word)).has_value()) << word;
    EXPECT_FALSE(parse(std::string(word) + " ").has_value()) << word;
    EXPECT_FALSE(parse(std::string(word) + "s").has_value()) << word;
    EXPECT_FALSE(parse(std::string(word).substr(0, word.size() - 1)).has_value()) << word;
  }
  EXPECT_EQ(distinct.size(), words.size());
  for (const char* text : {"", " ", "unknown", "-", "0", "null"}) {
    EXPECT_FALSE(parse(text).has_value()) << '"' << text << '"';
  }
}

// ---- words ----------------------------------------------------------------------------------

TEST(GroupWords, GroupKindRoundTripsAndRejectsOtherWords) {
  ExpectWords<GroupKind>({{GroupKind::kLearningCommunity, "learning_community"},
                          {GroupKind::kJointBusinessGroup, "joint_business_group"},
                          {GroupKind::kCooperative, "cooperative"}},
                         ParseGroupKind);
  EXPECT_FALSE(ParseGroupKind("learning community").has_value());
  EXPECT_FALSE(ParseGroupKind("koperasi").has_value());
}

TEST(GroupWords, OriginRoundTripsAndRejectsOtherWords) {
  ExpectWords<Origin>({{Origin::kSelfInitiated, "self_initiated"},
                       {Origin::kProgrammeFormed, "programme_formed"}},
                      ParseOrigin);
  EXPECT_FALSE(ParseOrigin("program_formed").has_value());
}

TEST(GroupWords, GroupStatusRoundTripsAndRejectsOtherWords) {
  ExpectWords<GroupStatus>({{GroupStatus::kEmbryo, "embryo"},
                            {GroupStatus::kActive, "active"},
                            {GroupStatus::kInactive, "inactive"},
                            {GroupStatus::kDissolved, "dissolved"}},
                           ParseGroupStatus);
  EXPECT_FALSE(ParseGroupStatus("aktif").has_value());
}

TEST(GroupWords, MemberRoleRoundTripsAndRejectsOtherWords) {
  ExpectWords<MemberRole>({{MemberRole::kLeader, "leader"},
                           {MemberRole::kSecretary, "secretary"},
                           {MemberRole::kTreasurer, "treasurer"},
                           {MemberRole::kMember, "member"}},
                          ParseMemberRole);
  EXPECT_FALSE(ParseMemberRole("mentor").has_value());  // a flag, not an office
  EXPECT_FALSE(ParseMemberRole("ketua").has_value());
}

TEST(GroupWords, MeetingKindRoundTripsAndRejectsOtherWords) {
  ExpectWords<MeetingKind>({{MeetingKind::kFormal, "formal"}, {MeetingKind::kInformal, "informal"}},
                           ParseMeetingKind);
}

TEST(GroupWords, MeetingStatusRoundTripsAndRejectsOtherWords) {
  ExpectWords<MeetingStatus>({{MeetingStatus::kPlanned, "planned"},
                              {MeetingStatus::kHeld, "held"},
                              {MeetingStatus::kCancelled, "cancelled"}},
                             ParseMeetingStatus);
  EXPECT_FALSE(ParseMeetingStatus("canceled").has_value());
}

TEST(GroupWords, PresenceRoundTripsAndRejectsOtherWords) {
  ExpectWords<Presence>({{Presence::kPresent, "present"},
                         {Presence::kExcused, "excused"},
                         {Presence::kAbsent, "absent"}},
                        ParsePresence);
}

TEST(GroupWords, TopicRoundTripsAndRejectsOtherWords) {
  ExpectWords<Topic>({{Topic::kLearningTheme, "learning_theme"},
                      {Topic::kSchedule, "schedule"},
                      {Topic::kVenue, "venue"},
                      {Topic::kPrice, "price"},
                      {Topic::kMarketAreas, "market_areas"},
                      {Topic::kFeeRule, "fee_rule"},
                      {Topic::kRule, "rule"},
                      {Topic::kOther, "other"}},
                     ParseTopic);
  EXPECT_FALSE(ParseTopic("market-areas").has_value());
  EXPECT_FALSE(ParseTopic("rules").has_value());
}

TEST(GroupWords, DecisionMethodRoundTripsAndRejectsOtherWords) {
  ExpectWords<DecisionMethod>(
      {{DecisionMethod::kVote, "vote"}, {DecisionMethod::kConsensus, "consensus"}},
      ParseDecisionMethod);
  EXPECT_FALSE(ParseDecisionMethod("musyawarah").has_value());
}

TEST(GroupWords, OutcomeRoundTripsAndRejectsOtherWords) {
  ExpectWords<Outcome>({{Outcome::kAgreed, "agreed"}, {Outcome::kNotAgreed, "not_agreed"}},
                       ParseOutcome);
  EXPECT_FALSE(ParseOutcome("not agreed").has_value());
  EXPECT_FALSE(ParseOutcome("disagreed").has_value());
}

TEST(GroupWords, LedgerAccountRoundTripsAndRejectsOtherWords) {
  ExpectWords<LedgerAccount>({{LedgerAccount::kCash, "cash"},
                              {LedgerAccount::kFeesReceivable, "fees_receivable"},
                              {LedgerAccount::kCommonAssets, "common_assets"},
                              {LedgerAccount::kAidReceived, "aid_received"},
                              {LedgerAccount::kMemberFees, "member_fees"},
                              {LedgerAccount::kShopRevenue, "shop_revenue"},
                              {LedgerAccount::kPurchases, "purchases"},
                              {LedgerAccount::kExpenses, "expenses"}},
                             ParseLedgerAccount);
  EXPECT_FALSE(ParseLedgerAccount("kas").has_value());
  for (LedgerAccount account : kLedgerAccounts) {
    EXPECT_EQ(ParseLedgerAccount(ToString(account)), account) << ToString(account);
  }
}

TEST(GroupWords, MaterialKindRoundTripsAndRejectsOtherWords) {
  ExpectWords<MaterialKind>({{MaterialKind::kOffer, "offer"}, {MaterialKind::kRequest, "request"}},
                            ParseMaterialKind);
}

TEST(GroupWords, PartsHaveTheirApiWords) {
  const std::vector<std::pair<Part, std::string_view>> words = {
      {Part::kProfile, "profile"},   {Part::kMembers, "members"},
      {Part::kMeetings, "meetings"}, {Part::kDeliberations, "deliberations"},
      {Part::kLedger, "ledger"},     {Part::kAssets, "assets"},
      {Part::kMaterials, "materials"}, {Part::kMarketAreas, "market_areas"},
      {Part::kOrders, "orders"},     {Part::kPosts, "posts"}};
  for (const auto& [part, word] : words) EXPECT_EQ(ToString(part), word);
}

TEST(BecomesNorm, OnlyPriceMarketAreasFeeRuleAndRuleBecomeNorms) {
  EXPECT_TRUE(BecomesNorm(Topic::kPrice));
  EXPECT_TRUE(BecomesNorm(Topic::kMarketAreas));
  EXPECT_TRUE(BecomesNorm(Topic::kFeeRule));
  EXPECT_TRUE(BecomesNorm(Topic::kRule));
  EXPECT_FALSE(BecomesNorm(Topic::kLearningTheme));
  EXPECT_FALSE(BecomesNorm(Topic::kSchedule));
  EXPECT_FALSE(BecomesNorm(Topic::kVenue));
  EXPECT_FALSE(BecomesNorm(Topic::kOther));
}

// ---- who writes what ------------------------------------------------------------------------

constexpr Part kAllParts[] = {Part::kProfile,   Part::kMembers,     Part::kMeetings,
                              Part::kDeliberations, Part::kLedger, Part::kAssets,
                              Part::kMaterials, Part::kMarketAreas, Part::kOrders,
                              Part::kPosts};

void ExpectWrites(MemberRole role, bool mentor, const std::set<Part>& writes) {
  for (Part part : kAllParts) {
    EXPECT_EQ(RoleWrites(role, mentor, part), writes.count(part) == 1)
        << ToString(role) << (mentor ? " (mentor)" : "") << " on " << ToString(part);
  }
}

TEST(RoleWrites, LeaderWritesEveryPartMentorOrNot) {
  std::set<Part> all(std::begin(kAllParts), std::end(kAllParts));
  ExpectWrites(MemberRole::kLeader, false, all);
  ExpectWrites(MemberRole::kLeader, true, all);
}

TEST(RoleWrites, SecretaryWritesMembersMeetingsDeliberationsAreasOrdersPosts) {
  std::set<Part> secretary = {Part::kMembers,     Part::kMeetings, Part::kDeliberations,
                              Part::kMarketAreas, Part::kOrders,   Part::kPosts};
  ExpectWrites(MemberRole::kSecretary, false, secretary);
  ExpectWrites(MemberRole::kSecretary, true, secretary);  // already has meetings and posts
}

TEST(RoleWrites, TreasurerWritesLedgerAssetsMaterialsOrdersPosts) {
  std::set<Part> treasurer = {Part::kLedger, Part::kAssets, Part::kMaterials, Part::kOrders,
                              Part::kPosts};
  ExpectWrites(MemberRole::kTreasurer, false, treasurer);
  std::set<Part> mentoring = treasurer;
  mentoring.insert(Part::kMeetings);
  ExpectWrites(MemberRole::kTreasurer, true, mentoring);
}

TEST(RoleWrites, MemberWritesPostsOnlyAndAMentoringMemberAlsoMeetings) {
  ExpectWrites(MemberRole::kMember, false, {Part::kPosts});
  ExpectWrites(MemberRole::kMember, true, {Part::kPosts, Part::kMeetings});
}

TEST(RoleWrites, MentoringGivesNeitherProfileNorLedgerNorMembers) {
  for (MemberRole role : {MemberRole::kSecretary, MemberRole::kTreasurer, MemberRole::kMember}) {
    EXPECT_FALSE(RoleWrites(role, true, Part::kProfile)) << ToString(role);
  }
  EXPECT_FALSE(RoleWrites(MemberRole::kMember, true, Part::kLedger));
  EXPECT_FALSE(RoleWrites(MemberRole::kMember, true, Part::kMembers));
  EXPECT_FALSE(RoleWrites(MemberRole::kMember, true, Part::kDeliberations));
}

// ---- status changes -------------------------------------------------------------------------

TEST(CanChangeStatus, AllowsExactlyTheDocumentedChanges) {
  using S = GroupStatus;
  const std::set<std::pair<S, S>> allowed = {
      {S::kEmbryo, S::kActive},     {S::kActive, S::kInactive},  {S::kInactive, S::kActive},
      {S::kEmbryo, S::kDissolved},  {S::kActive, S::kDissolved}, {S::kInactive, S::kDissolved}};
  const S all[] = {S::kEmbryo, S::kActive, S::kInactive, S::kDissolved};
  int checked = 0;
  for (S from : all) {
    for (S to : all) {
      EXPECT_EQ(CanChangeStatus(from, to), allowed.count({from, to}) == 1)
          << ToString(from) << " -> " << ToString(to);
      ++checked;
    }
  }
  EXPECT_EQ(checked, 16);
}

TEST(CanChangeStatus, DissolvedIsFinalAndStayingIsNoChange) {
  for (GroupStatus to : {GroupStatus::kEmbryo, GroupStatus::kActive, GroupStatus::kInactive,
                         GroupStatus::kDissolved}) {
    EXPECT_FALSE(CanChangeStatus(GroupStatus::kDissolved, to)) << ToString(to);
    EXPECT_FALSE(CanChangeStatus(to, to)) << ToString(to);
  }
  EXPECT_FALSE(CanChangeStatus(GroupStatus::kActive, GroupStatus::kEmbryo));
  EXPECT_FALSE(CanChangeStatus(GroupStatus::kInactive, GroupStatus::kEmbryo));
  EXPECT_FALSE(CanChangeStatus(GroupStatus::kEmbryo, GroupStatus::kInactive));
}

// ---- months ---------------------------------------------------------------------------------

TEST(Month, ParsesYearDashMonthAndWritesItBack) {
  auto november = Month::Parse("2026-11");
  ASSERT_TRUE(november.has_value());
  EXPECT_EQ(*november, M(2026, 11));
  EXPECT_EQ(november->ToString(), "2026-11");
  EXPECT_EQ(Month::Parse("2026-01"), M(2026, 1));
  EXPECT_EQ(Month::Parse("2026-12"), M(2026, 12));
  EXPECT_EQ(Month::Parse("1999-09"), M(1999, 9));
  EXPECT_EQ(M(2026, 3).ToString(), "2026-03");
  EXPECT_EQ(M(999, 3).ToString(), "0999-03");
  for (const char* text : {"2024-02", "2000-10", "2100-12"}) {
    auto month = Month::Parse(text);
    ASSERT_TRUE(month.has_value()) << text;
    EXPECT_EQ(month->ToString(), text);
  }
}

TEST(Month, RefusesEverythingButYearDashTwoDigitMonth) {
  for (const char* text : {"2026-13", "2026-00", "2026-1", "2026-11-01", "", " 2026-11",
                           "2026-11 ", "2026/11", "26-11", "202611", "2026-1a", "abcd-ef",
                           "+026-11", "-026-11", "2026--1", "2026-+1", "20261-1", "2026-99",
                           "2026-011", "2026 -11", "2026-11\n"}) {
    EXPECT_FALSE(Month::Parse(text).has_value()) << '"' << text << '"';
  }
}

TEST(Month, NextCrossesDecemberIntoTheNextYear) {
  EXPECT_EQ(M(2026, 12).Next(), M(2027, 1));
  EXPECT_EQ(M(2026, 1).Next(), M(2026, 2));
  EXPECT_EQ(M(2026, 11).Next(), M(2026, 12));
  EXPECT_EQ(M(1999, 12).Next(), M(2000, 1));
}

TEST(Month, FirstAndLastDayKnowLeapYears) {
  EXPECT_EQ(M(2024, 2).LastDay(), D(2024, 2, 29));
  EXPECT_EQ(M(2100, 2).LastDay(), D(2100, 2, 28));
  EXPECT_EQ(M(2000, 2).LastDay(), D(2000, 2, 29));
  EXPECT_EQ(M(2026, 2).LastDay(), D(2026, 2, 28));
  EXPECT_EQ(M(1900, 2).LastDay(), D(1900, 2, 28));
  const unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  for (unsigned month = 1; month <= 12; ++month) {
    EXPECT_EQ(M(2026, month).FirstDay(), D(2026, month, 1));
    EXPECT_EQ(M(2026, month).LastDay(), D(2026, month, days[month - 1])) << month;
  }
}

TEST(Month, OfTakesTheDatesMonthAndMonthsOrder) {
  EXPECT_EQ(Month::Of(D(2026, 11, 23)), M(2026, 11));
  EXPECT_EQ(Month::Of(D(2024, 2, 29)), M(2024, 2));
  EXPECT_LT(M(2025, 12), M(2026, 1));
  EXPECT_LT(M(2026, 1), M(2026, 2));
  EXPECT_GT(M(2027, 1), M(2026, 12));
}

TEST(MonthsBetween, CountsInclusiveMonthsAndZeroWhenBackwards) {
  EXPECT_EQ(MonthsBetween(M(2026, 3), M(2026, 3)), 1);
  EXPECT_EQ(MonthsBetween(M(2026, 1), M(2026, 12)), 12);
  EXPECT_EQ(MonthsBetween(M(2025, 11), M(2026, 2)), 4);
  EXPECT_EQ(MonthsBetween(M(2020, 1), M(2029, 12)), 120);
  EXPECT_EQ(MonthsBetween(M(2026, 4), M(2026, 3)), 0);
  EXPECT_EQ(MonthsBetween(M(2027, 1), M(2026, 12)), 0);
}

// ---- SOP compliance -------------------------------------------------------------------------

TEST(ComplianceByMonth, Seed001MeetingTwiceAMonthUnderAnSopOfOneIs200Percent) {
  std::vector<core::Date> held = {D(2026, 1, 8),  D(2026, 1, 22), D(2026, 2, 5),
                                  D(2026, 2, 19), D(2026, 3, 5),  D(2026, 3, 19)};
  auto rows = ComplianceByMonth(held, M(2026, 1), M(2026, 3), 1);
  ASSERT_EQ(rows.size(), 3u);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(rows[i].month, M(2026, static_cast<unsigned>(i + 1)));
    EXPECT_EQ(rows[i].held, 2);
    EXPECT_EQ(rows[i].required, 1);
    EXPECT_EQ(rows[i].percent, 200);
  }
}

TEST(ComplianceByMonth, AMonthWithoutMeetingsIsZeroAndOutsideDatesAreIgnored) {
  std::vector<core::Date> held = {D(2025, 10, 31), D(2025, 11, 1), D(2025, 11, 30),
                                  D(2026, 1, 15),  D(2026, 2, 1),  D(2026, 1, 31)};
  auto rows = ComplianceByMonth(held, M(2025, 11), M(2026, 1), 2);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].month, M(2025, 11));
  EXPECT_EQ(rows[0].held, 2);
  EXPECT_EQ(rows[0].percent, 100);
  EXPECT_EQ(rows[1].month, M(2025, 12));
  EXPECT_EQ(rows[1].held, 0);
  EXPECT_EQ(rows[1].required, 2);
  EXPECT_EQ(rows[1].percent, 0);
  EXPECT_EQ(rows[2].month, M(2026, 1));
  EXPECT_EQ(rows[2].held, 2);
  EXPECT_EQ(rows[2].percent, 100);
}

TEST(ComplianceByMonth, SeveralMeetingsOnOneDayEachCount) {
  auto rows = ComplianceByMonth({D(2026, 5, 4), D(2026, 5, 4), D(2026, 5, 4)}, M(2026, 5),
                                M(2026, 5), 2);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].held, 3);
  EXPECT_EQ(rows[0].percent, 150);
}

TEST(ComplianceByMonth, RoundsHalfUp) {
  auto one = ComplianceByMonth({D(2026, 6, 1)}, M(2026, 6), M(2026, 6), 3);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].percent, 33);
  auto two = ComplianceByMonth({D(2026, 6, 1), D(2026, 6, 15)}, M(2026, 6), M(2026, 6), 3);
  ASSERT_EQ(two.size(), 1u);
  EXPECT_EQ(two[0].percent, 67);
  auto one_of_eight = ComplianceByMonth({D(2026, 6, 1)}, M(2026, 6), M(2026, 6), 8);
  EXPECT_EQ(one_of_eight[0].percent, 13);  // 12.5 → 13
}

TEST(ComplianceByMonth, CrossesTheYearAndIsEmptyWhenBackwards) {
  auto rows = ComplianceByMonth({D(2026, 12, 10), D(2027, 1, 10)}, M(2026, 11), M(2027, 2), 1);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].month, M(2026, 11));
  EXPECT_EQ(rows[1].month, M(2026, 12));
  EXPECT_EQ(rows[2].month, M(2027, 1));
  EXPECT_EQ(rows[3].month, M(2027, 2));
  EXPECT_EQ(rows[0].percent, 0);
  EXPECT_EQ(rows[1].percent, 100);
  EXPECT_EQ(rows[2].percent, 100);
  EXPECT_EQ(rows[3].percent, 0);
  EXPECT_TRUE(ComplianceByMonth({D(2026, 5, 1)}, M(2026, 6), M(2026, 5), 1).empty());
}

TEST(Percent, RoundsHalfUpAndIsZeroForAZeroWhole) {
  EXPECT_EQ(Percent(1, 3), 33);
  EXPECT_EQ(Percent(2, 3), 67);
  EXPECT_EQ(Percent(1, 2), 50);
  EXPECT_EQ(Percent(1, 200), 1);  // 0.5 → 1
  EXPECT_EQ(Percent(1, 201), 0);  // 0.497…
  EXPECT_EQ(Percent(1, 8), 13);   // 12.5 → 13
  EXPECT_EQ(Percent(0, 5), 0);
  EXPECT_EQ(Percent(5, 5), 100);
  EXPECT_EQ(Percent(200, 100), 200);
  EXPECT_EQ(Percent(0, 0), 0);
  EXPECT_EQ(Percent(7, 0), 0);
}

TEST(Percent, DoesNotOverflowOnHugeNumbers) {
  EXPECT_EQ(Percent(kMax, kMax), 100);
  EXPECT_EQ(Percent(kMax / 2, kMax), 50);
  EXPECT_EQ(Percent(kTrillion, 3 * kTrillion), 33);
}

// ---- deliberation by vote -------------------------------------------------------------------

using Votes = std::vector<std::optional<std::int64_t>>;
constexpr Decision kNotAgreed{Outcome::kNotAgreed, std::nullopt};

TEST(DecideByVote, AMajorityAgreesOnItsOption) {
  EXPECT_EQ(DecideByVote(Votes{11, 11, 12}), (Decision{Outcome::kAgreed, 11}));
  EXPECT_EQ(DecideByVote(Votes{12, 11, 12, 12, std::nullopt}), (Decision{Outcome::kAgreed, 12}));
  EXPECT_EQ(DecideByVote(Votes{7}), (Decision{Outcome::kAgreed, 7}));
}

TEST(DecideByVote, ATieIsNotAgreed) {
  EXPECT_EQ(DecideByVote(Votes{11, 12}), kNotAgreed);
  EXPECT_EQ(DecideByVote(Votes{11, 12, 12, 11}), kNotAgreed);
  // Exactly half for, half against: not more than half.
  EXPECT_EQ(DecideByVote(Votes{11, 11, std::nullopt, std::nullopt}), kNotAgreed);
}

TEST(DecideByVote, APluralityShortOfAMajorityIsNotAgreed) {
  EXPECT_EQ(DecideByVote(Votes{11, 11, 12, 13, std::nullopt}), kNotAgreed);
  EXPECT_EQ(DecideByVote(Votes{11, 11, 12, 13}), kNotAgreed);
}

TEST(DecideByVote, AMajorityAgainstIsNotAgreed) {
  EXPECT_EQ(DecideByVote(Votes{std::nullopt, std::nullopt, 11}), kNotAgreed);
  EXPECT_EQ(DecideByVote(Votes{std::nullopt}), kNotAgreed);
}

TEST(DecideByVote, NoVotesIsNotAgreed) { EXPECT_EQ(DecideByVote(Votes{}), kNotAgreed); }

TEST(DecideByVote, TwoThirdsNeedsAtLeastTwoThirdsOfTheVotesCast) {
  constexpr auto kTwoThirds = DecisionRule::kTwoThirds;
  EXPECT_EQ(DecideByVote(Votes{11, 11, std::nullopt}, kTwoThirds), (Decision{Outcome::kAgreed, 11}));
  EXPECT_EQ(DecideByVote(Votes{11, 11, 11, std::nullopt, std::nullopt}, kTwoThirds), kNotAgreed);  // 60%
  EXPECT_EQ(DecideByVote(Votes{11, 11, 11, 11, std::nullopt, std::nullopt}, kTwoThirds),
            (Decision{Outcome::kAgreed, 11}));
  EXPECT_EQ(DecideByVote(Votes{11, 11, 12}, kTwoThirds), (Decision{Outcome::kAgreed, 11}));
  EXPECT_EQ(DecideByVote(Votes{}, kTwoThirds), kNotAgreed);
}

TEST(DefaultQuorum, IsMoreThanHalfOfTheMembersAndAtLeastOne) {
  EXPECT_EQ(DefaultQuorum(10), 6);
  EXPECT_EQ(DefaultQuorum(11), 6);
  EXPECT_EQ(DefaultQuorum(1), 1);
  EXPECT_EQ(DefaultQuorum(0), 1);
}

TEST(GroupWords, DecisionRuleAndSettingRoundTripAndFollowEachOther) {
  for (auto rule : {DecisionRule::kMajority, DecisionRule::kTwoThirds, DecisionRule::kConsensus}) {
    EXPECT_EQ(ParseDecisionRule(ToString(rule)), rule);
  }
  EXPECT_EQ(MethodOf(DecisionRule::kTwoThirds), DecisionMethod::kVote);
  EXPECT_EQ(MethodOf(DecisionRule::kConsensus), DecisionMethod::kConsensus);
  EXPECT_EQ(ParseDecisionRule("unanimous"), std::nullopt);
  EXPECT_EQ(TopicOf(*ParseGroupSetting("monthly_fee")), Topic::kFeeRule);
  EXPECT_EQ(TopicOf(*ParseGroupSetting("sop_meetings")), Topic::kRule);
  EXPECT_EQ(TopicOf(*ParseGroupSetting("market_area")), Topic::kMarketAreas);
  EXPECT_EQ(ParseGroupSetting("holiday"), std::nullopt);
}

TEST(SopOn, TheLatestChangeByTheMonthElseTheGroupsOwn) {
  std::vector<SopChange> changes = {{1, M(2026, 2), 2, 10, {}}, {1, M(2026, 5), 3, 11, {}}};
  EXPECT_EQ(SopOn(M(2026, 1), 1, changes), 1);
  EXPECT_EQ(SopOn(M(2026, 2), 1, changes), 2);
  EXPECT_EQ(SopOn(M(2026, 4), 1, changes), 2);
  EXPECT_EQ(SopOn(M(2027, 1), 1, changes), 3);
  EXPECT_EQ(SopOn(M(2027, 1), 4, {}), 4);
}

TEST(ComplianceByMonth, EachMonthIsMeasuredAgainstTheSopItNames) {
  auto rows = ComplianceByMonth({D(2026, 1, 4), D(2026, 2, 4)}, M(2026, 1), M(2026, 2),
                                [](Month month) { return month < M(2026, 2) ? 1 : 2; });
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].required, 1);
  EXPECT_EQ(rows[0].percent, 100);
  EXPECT_EQ(rows[1].required, 2);
  EXPECT_EQ(rows[1].percent, 50);
}

// ---- the ledger -----------------------------------------------------------------------------

LedgerLine Debit(LedgerAccount account, std::int64_t amount) {
  return LedgerLine{account, amount, 0, std::nullopt};
}
LedgerLine Credit(LedgerAccount account, std::int64_t amount) {
  return LedgerLine{account, 0, amount, std::nullopt};
}

std::vector<std::string> Fields(const core::Error& error) {
  std::vector<std::string> fields;
  for (const auto& field : error.fields) fields.push_back(field.field);
  return fields;
}

TEST(CheckEntry, AcceptsBalancedEntries) {
  EXPECT_TRUE(CheckEntry({Debit(LedgerAccount::kCash, 150'000),
                          Credit(LedgerAccount::kMemberFees, 150'000)})
                  .ok());
  // A fee paid by three members into cash.
  EXPECT_TRUE(CheckEntry({Debit(LedgerAccount::kCash, 30'000),
                          LedgerLine{LedgerAccount::kMemberFees, 0, 10'000, 1},
                          LedgerLine{LedgerAccount::kMemberFees, 0, 10'000, 2},
                          LedgerLine{LedgerAccount::kMemberFees, 0, 10'000, 3}})
                  .ok());
  // The largest entry that can be recorded.
  EXPECT_TRUE(CheckEntry({Debit(LedgerAccount::kCommonAssets, kMax),
                          Credit(LedgerAccount::kAidReceived, kMax)})
                  .ok());
}

TEST(CheckEntry, RefusesAnUnbalancedEntryShowingBothTotalsInRupiah) {
  auto status = CheckEntry({Debit(LedgerAccount::kCash, 100'000),
                            Debit(LedgerAccount::kPurchases, 50'000),
                            Credit(LedgerAccount::kShopRevenue, 100'000)});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidArgument);
  ASSERT_EQ(status.error().fields.size(), 1u);
  const auto& field = status.error().fields[0];
  EXPECT_EQ(field.field, "lines");
  EXPECT_EQ(field.code, "unbalanced");
  EXPECT_EQ(field.message, "debits (Rp 150.000) and credits (Rp 100.000) must be equal");
  EXPECT_NE(status.error().message.find("Rp 150.000"), std::string::npos);
  EXPECT_NE(status.error().message.find("Rp 100.000"), std::string::npos);
}

TEST(CheckEntry, RefusesFewerThanTwoLinesNamingLines) {
  for (const auto& lines :
       {std::vector<LedgerLine>{}, std::vector<LedgerLine>{Debit(LedgerAccount::kCash, 5'000)}}) {
    auto status = CheckEntry(lines);
    ASSERT_FALSE(status.ok()) << lines.size();
    EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(status.error()), std::vector<std::string>{"lines"});
  }
}

TEST(CheckEntry, RefusesANegativeAmountNamingItsLineAndSide) {
  auto debit = CheckEntry({Debit(LedgerAccount::kCash, 5'000), Debit(LedgerAccount::kCash, -5'000),
                           Credit(LedgerAccount::kMemberFees, 0)});
  ASSERT_FALSE(debit.ok());
  ASSERT_EQ(debit.error().fields.size(), 2u);
  EXPECT_EQ(debit.error().fields[0].field, "lines[1].debit");
  EXPECT_EQ(debit.error().fields[0].code, "negative");
  EXPECT_EQ(debit.error().fields[1].field, "lines[2].debit");  // neither side set

  auto credit = CheckEntry({Credit(LedgerAccount::kCash, -1), Debit(LedgerAccount::kCash, 1)});
  ASSERT_FALSE(credit.ok());
  ASSERT_EQ(credit.error().fields.size(), 1u);
  EXPECT_EQ(credit.error().fields[0].field, "lines[0].credit");
  EXPECT_EQ(credit.error().fields[0].code, "negative");
}

TEST(CheckEntry, RefusesALineWithBothSidesSet) {
  auto status = CheckEntry({LedgerLine{LedgerAccount::kCash, 1'000, 1'000, std::nullopt},
                            Debit(LedgerAccount::kExpenses, 1'000),
                            Credit(LedgerAccount::kCash, 1'000)});
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].field, "lines[0].credit");
  EXPECT_EQ(status.error().fields[0].code, "invalid_value");
  EXPECT_NE(status.error().fields[0].message.find("lines[0]"), std::string::npos);
}

TEST(CheckEntry, RefusesALineWithNeitherSideSet) {
  auto status = CheckEntry({Debit(LedgerAccount::kCash, 1'000), Credit(LedgerAccount::kCash, 1'000),
                            LedgerLine{LedgerAccount::kExpenses, 0, 0, std::nullopt}});
  ASSERT_FALSE(status.ok());
  ASSERT_EQ(status.error().fields.size(), 1u);
  EXPECT_EQ(status.error().fields[0].field, "lines[2].debit");
  EXPECT_EQ(status.error().fields[0].code, "required");
}

TEST(CheckEntry, ReportsEveryWrongLineWithItsIndex) {
  auto status = CheckEntry({LedgerLine{LedgerAccount::kCash, -10, -20, std::nullopt},
                            Debit(LedgerAccount::kCash, 100),
                            LedgerLine{LedgerAccount::kExpenses, 0, 0, std::nullopt},
                            LedgerLine{LedgerAccount::kMemberFees, 5, 5, std::nullopt},
                            Credit(LedgerAccount::kMemberFees, 100),
                            Credit(LedgerAccount::kShopRevenue, -3)});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(status.error()),
            (std::vector<std::string>{"lines[0].debit", "lines[0].credit", "lines[2].debit",
                                      "lines[3].credit", "lines[5].credit"}));
  EXPECT_EQ(status.error().message, "5 fields are invalid");
}

TEST(CheckEntry, RefusesTotalsBeyondInt64EvenWhenTheyWouldBalance) {
  auto status = CheckEntry({Debit(LedgerAccount::kCash, kMax), Debit(LedgerAccount::kCash, 1),
                            Credit(LedgerAccount::kAidReceived, kMax),
                            Credit(LedgerAccount::kAidReceived, 1)});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(status.error()), std::vector<std::string>{"lines"});
  auto one_side = CheckEntry({Debit(LedgerAccount::kCash, kMax), Debit(LedgerAccount::kCash, kMax),
                              Credit(LedgerAccount::kAidReceived, 5)});
  ASSERT_FALSE(one_side.ok());
  EXPECT_EQ(Fields(one_side.error()), std::vector<std::string>{"lines"});
}

TEST(Reversal, SwapsDebitAndCreditKeepingAccountAndMember) {
  std::vector<LedgerLine> entry = {LedgerLine{LedgerAccount::kCash, 20'000, 0, std::nullopt},
                                   LedgerLine{LedgerAccount::kMemberFees, 0, 20'000, 42}};
  auto reversed = Reversal(entry);
  ASSERT_EQ(reversed.size(), 2u);
  EXPECT_EQ(reversed[0], (LedgerLine{LedgerAccount::kCash, 0, 20'000, std::nullopt}));
  EXPECT_EQ(reversed[1], (LedgerLine{LedgerAccount::kMemberFees, 20'000, 0, 42}));
  EXPECT_TRUE(CheckEntry(reversed).ok());
  EXPECT_EQ(Reversal(reversed), entry);
  EXPECT_TRUE(Reversal({}).empty());
}

TEST(TypeOf, GivesEachAccountItsType) {
  EXPECT_EQ(TypeOf(LedgerAccount::kCash), AccountType::kAsset);
  EXPECT_EQ(TypeOf(LedgerAccount::kFeesReceivable), AccountType::kAsset);
  EXPECT_EQ(TypeOf(LedgerAccount::kCommonAssets), AccountType::kAsset);
  EXPECT_EQ(TypeOf(LedgerAccount::kAidReceived), AccountType::kIncome);
  EXPECT_EQ(TypeOf(LedgerAccount::kMemberFees), AccountType::kIncome);
  EXPECT_EQ(TypeOf(LedgerAccount::kShopRevenue), AccountType::kIncome);
  EXPECT_EQ(TypeOf(LedgerAccount::kPurchases), AccountType::kExpense);
  EXPECT_EQ(TypeOf(LedgerAccount::kExpenses), AccountType::kExpense);
}

TEST(Balance, AssetsAndExpensesAreDebitMinusCreditIncomeTheOtherWay) {
  for (LedgerAccount account : kLedgerAccounts) {
    bool income = TypeOf(account) == AccountType::kIncome;
    EXPECT_EQ(Balance(account, 500'000, 200'000), income ? -300'000 : 300'000) << ToString(account);
    EXPECT_EQ(Balance(account, 200'000, 500'000), income ? 300'000 : -300'000) << ToString(account);
    EXPECT_EQ(Balance(account, 0, 0), 0) << ToString(account);
  }
  EXPECT_EQ(Balance(LedgerAccount::kCash, kMax, 0), kMax);
  EXPECT_EQ(Balance(LedgerAccount::kMemberFees, 0, kMax), kMax);
}

TEST(FormatRupiah, GroupsThousandsWithDots) {
  EXPECT_EQ(FormatRupiah(0), "Rp 0");
  EXPECT_EQ(FormatRupiah(1), "Rp 1");
  EXPECT_EQ(FormatRupiah(999), "Rp 999");
  EXPECT_EQ(FormatRupiah(1'000), "Rp 1.000");
  EXPECT_EQ(FormatRupiah(12'345), "Rp 12.345");
  EXPECT_EQ(FormatRupiah(100'000), "Rp 100.000");
  EXPECT_EQ(FormatRupiah(1'500'000), "Rp 1.500.000");
  EXPECT_EQ(FormatRupiah(kMax), "Rp 9.223.372.036.854.775.807");
}

TEST(FormatRupiah, PutsTheMinusBeforeRp) {
  EXPECT_EQ(FormatRupiah(-25'000), "-Rp 25.000");
  EXPECT_EQ(FormatRupiah(-1), "-Rp 1");
  EXPECT_EQ(FormatRupiah(-999), "-Rp 999");
  EXPECT_EQ(FormatRupiah(-1'000), "-Rp 1.000");
  EXPECT_EQ(FormatRupiah(kMin), "-Rp 9.223.372.036.854.775.808");
}

// ---- fees due -------------------------------------------------------------------------------

TEST(FeesDue, CountsMonthsFromTheLaterOfJoiningAndTheRule) {
  // Rule of Rp 10.000 a month from January 2026, counted through June.
  EXPECT_EQ(FeesDue(M(2025, 10), std::nullopt, M(2026, 1), 10'000, M(2026, 6)), 60'000);
  EXPECT_EQ(FeesDue(M(2026, 3), std::nullopt, M(2026, 1), 10'000, M(2026, 6)), 40'000);
  EXPECT_EQ(FeesDue(M(2026, 6), std::nullopt, M(2026, 1), 10'000, M(2026, 6)), 10'000);
  EXPECT_EQ(FeesDue(M(2026, 1), std::nullopt, M(2026, 1), 10'000, M(2026, 1)), 10'000);
}

TEST(FeesDue, StopsAtTheMonthSheLeftInclusive) {
  EXPECT_EQ(FeesDue(M(2025, 1), M(2026, 4), M(2026, 1), 10'000, M(2026, 6)), 40'000);
  EXPECT_EQ(FeesDue(M(2025, 1), M(2026, 9), M(2026, 1), 10'000, M(2026, 6)), 60'000);
  EXPECT_EQ(FeesDue(M(2025, 1), M(2025, 12), M(2026, 1), 10'000, M(2026, 6)), 0);
}

TEST(FeesDue, IsZeroWhenNothingFallsInTheWindow) {
  EXPECT_EQ(FeesDue(M(2025, 1), std::nullopt, M(2026, 1), 10'000, M(2025, 12)), 0);
  EXPECT_EQ(FeesDue(M(2026, 7), std::nullopt, M(2026, 1), 10'000, M(2026, 6)), 0);
  EXPECT_EQ(FeesDue(M(2026, 3), M(2026, 2), M(2026, 1), 10'000, M(2026, 6)), 0);
}

TEST(FeesDue, CrossesTheYear) {
  EXPECT_EQ(FeesDue(M(2025, 1), std::nullopt, M(2025, 11), 25'000, M(2026, 2)), 100'000);
}

// ---- splitting a joint order ----------------------------------------------------------------

std::vector<Share> Split(std::int64_t quantity, const std::vector<Capacity>& capacities) {
  auto shares = SplitOrder(quantity, capacities);
  EXPECT_TRUE(shares.ok()) << (shares.ok() ? "" : shares.error().message);
  if (!shares.ok()) return {};
  return *shares;
}

TEST(SplitOrder, SplitsExactlyInProportionWhenItDivides) {
  EXPECT_EQ(Split(150, {{1, 50}, {2, 100}, {3, 150}}),
            (std::vector<Share>{{1, 25}, {2, 50}, {3, 75}}));
  EXPECT_EQ(Split(300, {{1, 50}, {2, 100}, {3, 150}}),
            (std::vector<Share>{{1, 50}, {2, 100}, {3, 150}}));  // everyone at capacity
  EXPECT_EQ(Split(10, {{5, 40}}), (std::vector<Share>{{5, 10}}));
}

TEST(SplitOrder, GivesLeftoverUnitsToTheLargestRemainders) {
  // 11 over 30:30:40 → 3.3, 3.3, 4.4 → 3, 3, 4 and one unit left; member 3's 0.4 is largest.
  EXPECT_EQ(Split(11, {{1, 30}, {2, 30}, {3, 40}}), (std::vector<Share>{{1, 3}, {2, 3}, {3, 5}}));
  // 7 over 5:3:2 → 3.5, 2.1, 1.4 → 3, 2, 1 and one left for the .5.
  EXPECT_EQ(Split(7, {{1, 5}, {2, 3}, {3, 2}}), (std::vector<Share>{{1, 4}, {2, 2}, {3, 1}}));
}

TEST(SplitOrder, BreaksRemainderTiesByLargerCapacity) {
  // 2 over 1:3 → 0.5 and 1.5: equal remainders, the unit goes to the larger capacity even
  // though her member id is larger and she is listed second.
  EXPECT_EQ(Split(2, {{1, 1}, {2, 3}}), (std::vector<Share>{{1, 0}, {2, 2}}));
  EXPECT_EQ(Split(2, {{2, 3}, {1, 1}}), (std::vector<Share>{{2, 2}, {1, 0}}));
}

TEST(SplitOrder, BreaksFullTiesBySmallerMemberId) {
  // 1 over 1:1 → 0.5 each: member 4 has the smaller id though listed second.
  EXPECT_EQ(Split(1, {{9, 1}, {4, 1}}), (std::vector<Share>{{9, 0}, {4, 1}}));
  EXPECT_EQ(Split(1, {{4, 1}, {9, 1}}), (std::vector<Share>{{4, 1}, {9, 0}}));
  // 2 over three equal capacities: the two smallest ids get one each.
  EXPECT_EQ(Split(2, {{30, 5}, {10, 5}, {20, 5}}),
            (std::vector<Share>{{30, 0}, {10, 1}, {20, 1}}));
}

TEST(SplitOrder, ZeroCapacityMembersGetNothingButKeepTheirPlace) {
  EXPECT_EQ(Split(5, {{1, 0}, {2, 10}, {3, 0}}), (std::vector<Share>{{1, 0}, {2, 5}, {3, 0}}));
  // Ties elsewhere must not hand a unit to a member who can make none.
  EXPECT_EQ(Split(1, {{1, 0}, {2, 1}, {3, 1}}), (std::vector<Share>{{1, 0}, {2, 1}, {3, 0}}));
}

TEST(SplitOrder, HandlesQuantitiesAndCapacitiesOfATrillion) {
  // 10^12 × 10^12 overflows int64; the split must still be exact.
  EXPECT_EQ(Split(kTrillion, {{1, kTrillion}, {2, kTrillion}, {3, kTrillion}}),
            (std::vector<Share>{{1, 333'333'333'334}, {2, 333'333'333'333}, {3, 333'333'333'333}}));
  EXPECT_EQ(Split(kTrillion, {{1, kTrillion}}), (std::vector<Share>{{1, kTrillion}}));
  EXPECT_EQ(Split(kTrillion, {{1, kTrillion - 1}, {2, 1}}),
            (std::vector<Share>{{1, kTrillion - 1}, {2, 1}}));
  auto shares = Split(kTrillion - 1, {{1, kTrillion}, {2, kTrillion}, {3, 7}});
  ASSERT_EQ(shares.size(), 3u);
  EXPECT_EQ(shares[0].quantity + shares[1].quantity + shares[2].quantity, kTrillion - 1);
  EXPECT_EQ(shares[2].quantity, 3);  // 7 × (10^12 − 1) ÷ (2·10^12 + 7) = 3.49…
  // Totals beyond int64 are fine.
  auto huge = Split(kMax, {{1, kMax}, {2, kMax}});
  ASSERT_EQ(huge.size(), 2u);
  EXPECT_EQ(huge[0].quantity, kMax / 2 + 1);
  EXPECT_EQ(huge[1].quantity, kMax / 2);
}

TEST(SplitOrder, KeepsItsInvariantsOnManyGeneratedCases) {
  std::mt19937 random(20260323);
  for (int round = 0; round < 3000; ++round) {
    const bool large = round % 3 == 0;
    std::uniform_int_distribution<int> count(1, 8);
    std::uniform_int_distribution<std::int64_t> capacity(0, large ? kTrillion : 12);
    std::uniform_int_distribution<int> zero(0, 4);
    std::vector<Capacity> capacities;
    std::int64_t total = 0;
    const int n = count(random);
    for (int i = 0; i < n; ++i) {
      std::int64_t c = zero(random) == 0 ? 0 : capacity(random);
      capacities.push_back(Capacity{1000 - i * 7, c});  // ids fall as the list goes on
      total += c;
    }
    if (total == 0) continue;
    std::int64_t quantity = std::uniform_int_distribution<std::int64_t>(1, total)(random);
    SCOPED_TRACE("round " + std::to_string(round) + " quantity " + std::to_string(quantity));

    auto result = SplitOrder(quantity, capacities);
    ASSERT_TRUE(result.ok()) << result.error().message;
    const auto& shares = *result;
    ASSERT_EQ(shares.size(), capacities.size());
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
      EXPECT_EQ(shares[i].member_id, capacities[i].member_id);
      EXPECT_GE(shares[i].quantity, 0);
      EXPECT_LE(shares[i].quantity, capacities[i].capacity);
      if (capacities[i].capacity == 0) {
        EXPECT_EQ(shares[i].quantity, 0);
      }
      // Largest remainder: each share is its quota rounded down or up.
      __int128 scaled = static_cast<__int128>(quantity) * capacities[i].capacity;
      auto floor = static_cast<std::int64_t>(scaled / total);
      EXPECT_TRUE(shares[i].quantity == floor || shares[i].quantity == floor + 1) << i;
      sum += shares[i].quantity;
    }
    EXPECT_EQ(sum, quantity);

    // Deterministic, and independent of the order members are listed in.
    auto again = SplitOrder(quantity, capacities);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, shares);
    std::vector<Capacity> shuffled = capacities;
    std::shuffle(shuffled.begin(), shuffled.end(), random);
    auto reordered = SplitOrder(quantity, shuffled);
    ASSERT_TRUE(reordered.ok());
    std::map<std::int64_t, std::int64_t> by_member;
    for (const Share& share : shares) by_member[share.member_id] = share.quantity;
    for (std::size_t i = 0; i < shuffled.size(); ++i) {
      EXPECT_EQ((*reordered)[i].member_id, shuffled[i].member_id);
      EXPECT_EQ((*reordered)[i].quantity, by_member[shuffled[i].member_id]);
    }
  }
}

TEST(SplitOrder, RefusesAnOrderBeyondCapacityWithTheShortfall) {
  auto shares = SplitOrder(150, {{1, 50}, {2, 70}});
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, core::ErrorCode::kFailedPrecondition);
  EXPECT_EQ(shares.error().message, "members can make 120 of 150; 30 short");
  ASSERT_EQ(shares.error().fields.size(), 1u);
  EXPECT_EQ(shares.error().fields[0].field, "quantity");
  EXPECT_EQ(shares.error().fields[0].code, "insufficient_capacity");
  EXPECT_EQ(shares.error().fields[0].message, "members can make 120 of 150; 30 short");

  auto none = SplitOrder(1, {{1, 0}, {2, 0}});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, core::ErrorCode::kFailedPrecondition);
  EXPECT_EQ(none.error().message, "members can make 0 of 1; 1 short");

  auto one_short = SplitOrder(kTrillion, {{1, kTrillion - 1}});
  ASSERT_FALSE(one_short.ok());
  EXPECT_EQ(one_short.error().message, "members can make 999999999999 of 1000000000000; 1 short");
}

TEST(SplitOrder, RefusesAQuantityBelowOne) {
  for (std::int64_t quantity : {std::int64_t{0}, std::int64_t{-1}, kMin}) {
    auto shares = SplitOrder(quantity, {{1, 10}});
    ASSERT_FALSE(shares.ok()) << quantity;
    EXPECT_EQ(shares.error().code, core::ErrorCode::kInvalidArgument);
    EXPECT_EQ(Fields(shares.error()), std::vector<std::string>{"quantity"});
  }
}

TEST(SplitOrder, RefusesAnEmptyList) {
  auto shares = SplitOrder(10, {});
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(shares.error()), std::vector<std::string>{"capacities"});
}

TEST(SplitOrder, RefusesANegativeCapacityNamingItsIndex) {
  auto shares = SplitOrder(10, {{1, 20}, {2, -5}, {3, 20}, {4, -1}});
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(shares.error()),
            (std::vector<std::string>{"capacities[1].capacity", "capacities[3].capacity"}));
  EXPECT_EQ(shares.error().fields[0].code, "negative");
}

TEST(SplitOrder, RefusesAMemberListedTwiceNamingTheRepeat) {
  auto shares = SplitOrder(10, {{1, 20}, {2, 20}, {3, 20}, {2, 5}});
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(shares.error()), std::vector<std::string>{"capacities[3].member_id"});
  EXPECT_EQ(shares.error().fields[0].code, "duplicate");
  EXPECT_NE(shares.error().fields[0].message.find("member 2"), std::string::npos);
}

TEST(SplitOrder, ReportsEveryInvalidFieldTogether) {
  auto shares = SplitOrder(0, {{1, -1}, {1, 5}});
  ASSERT_FALSE(shares.ok());
  EXPECT_EQ(shares.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_EQ(Fields(shares.error()),
            (std::vector<std::string>{"quantity", "capacities[0].capacity",
                                      "capacities[1].member_id"}));
}

// ---- market areas ---------------------------------------------------------------------------

TEST(AreaKey, TrimsFoldsCaseAndCollapsesInnerSpaces) {
  EXPECT_EQ(AreaKey("Pasar  Ngajum "), "pasar ngajum");
  EXPECT_EQ(AreaKey("pasar ngajum"), "pasar ngajum");
  EXPECT_EQ(AreaKey("  PASAR\tNGAJUM\n"), "pasar ngajum");
  EXPECT_EQ(AreaKey("3507012001"), "3507012001");
  EXPECT_EQ(AreaKey(""), "");
  EXPECT_EQ(AreaKey("   "), "");
  EXPECT_EQ(AreaKey("Desa   Kesamben  Lor"), "desa kesamben lor");
}

TEST(FindOverlaps, FindsAreasClaimedByMoreThanOneMemberOrderedByKey) {
  std::vector<AreaClaim> claims = {
      {1, 10, "Pasar Ngajum"},   {2, 11, "pasar  ngajum "}, {3, 10, "Desa Kesamben"},
      {4, 10, "desa kesamben"},  {5, 12, "Balesari"},       {6, 13, "BALESARI"},
      {7, 12, "Pasar Ngajum"},   {8, 14, "Ngasem"},
  };
  auto overlaps = FindOverlaps(claims);
  ASSERT_EQ(overlaps.size(), 2u);
  EXPECT_EQ(overlaps[0], (Overlap{"Balesari", {12, 13}, {5, 6}}));
  EXPECT_EQ(overlaps[1], (Overlap{"Pasar Ngajum", {10, 11, 12}, {1, 2, 7}}));
}

TEST(FindOverlaps, ASameMemberClaimingTwiceIsNotAnOverlap) {
  EXPECT_TRUE(FindOverlaps({{1, 10, "Pasar Ngajum"}, {2, 10, "PASAR NGAJUM"}}).empty());
  EXPECT_TRUE(FindOverlaps({}).empty());
  EXPECT_TRUE(FindOverlaps({{1, 10, "Pasar Ngajum"}, {2, 11, "Pasar Kepanjen"}}).empty());
}

TEST(FindOverlaps, ListsMembersOnceAndIdsAscendingWhateverTheInputOrder) {
  auto overlaps = FindOverlaps({{9, 30, "Pasar Besar"}, {4, 20, "pasar besar"},
                                {6, 30, "PASAR BESAR"}, {2, 20, "Pasar besar"}});
  ASSERT_EQ(overlaps.size(), 1u);
  EXPECT_EQ(overlaps[0].member_ids, (std::vector<std::int64_t>{20, 30}));
  EXPECT_EQ(overlaps[0].claim_ids, (std::vector<std::int64_t>{2, 4, 6, 9}));
  // "As first written": the earliest claim (smallest id) gives the area's text.
  EXPECT_EQ(overlaps[0].area, "Pasar besar");
}

// ---- raw material ---------------------------------------------------------------------------

MaterialPost Post(std::int64_t id, std::int64_t member, MaterialKind kind, std::string material,
                  std::string unit, std::int64_t quantity, core::Date until, bool closed = false) {
  return MaterialPost{id, member, kind, std::move(material), std::move(unit), quantity, until,
                      closed};
}

TEST(MatchMaterials, MatchesOpenRequestsToOpenOffersOfOtherMembers) {
  const core::Date today = D(2026, 3, 10);
  const auto kOffer = MaterialKind::kOffer;
  const auto kRequest = MaterialKind::kRequest;
  std::vector<MaterialPost> posts = {
      Post(8, 2, kRequest, "singkong", "kg", 20, D(2026, 3, 31)),
      Post(1, 1, kRequest, "Singkong", "kg", 100, D(2026, 3, 31)),
      Post(2, 2, kOffer, "SINGKONG", "KG", 60, today),                 // open through today
      Post(3, 3, kOffer, "singkong", "kg", 200, D(2026, 3, 9)),        // expired yesterday
      Post(4, 4, kOffer, "singkong", "kg", 30, D(2026, 3, 31), true),  // closed
      Post(5, 1, kOffer, "singkong", "kg", 50, D(2026, 3, 31)),        // member 1's own
      Post(6, 5, kOffer, "singkong", "ton", 1, D(2026, 3, 31)),        // other unit
      Post(7, 6, kOffer, "tapioka", "kg", 100, D(2026, 3, 31)),        // other material
      Post(9, 7, kRequest, "singkong", "kg", 10, D(2026, 3, 31), true),  // closed request
      Post(10, 8, kOffer, "  singkong ", " kg", 150, D(2026, 4, 30)),
      Post(11, 9, kRequest, "singkong", "kg", 10, D(2026, 3, 1)),      // expired request
  };
  auto matches = MatchMaterials(posts, today);
  EXPECT_EQ(matches, (std::vector<MaterialMatch>{{1, 2, 60}, {1, 10, 100}, {8, 5, 20},
                                                 {8, 10, 20}}));
}

TEST(MatchMaterials, NothingMatchesWithoutBothSides) {
  const core::Date today = D(2026, 3, 10);
  EXPECT_TRUE(MatchMaterials({}, today).empty());
  EXPECT_TRUE(MatchMaterials({Post(1, 1, MaterialKind::kOffer, "singkong", "kg", 5, today),
                              Post(2, 2, MaterialKind::kOffer, "singkong", "kg", 5, today)},
                             today)
                  .empty());
  EXPECT_TRUE(MatchMaterials({Post(1, 1, MaterialKind::kRequest, "singkong", "kg", 5, today),
                              Post(2, 1, MaterialKind::kOffer, "singkong", "kg", 5, today)},
                             today)
                  .empty());
  // Every post expired the day after.
  EXPECT_TRUE(MatchMaterials({Post(1, 1, MaterialKind::kRequest, "singkong", "kg", 5, today),
                              Post(2, 2, MaterialKind::kOffer, "singkong", "kg", 5, today)},
                             D(2026, 3, 11))
                  .empty());
}

TEST(Saving, IsThePriceDifferenceTimesQuantity) {
  EXPECT_EQ(Saving(12'000, 10'000, 50), 100'000);
  EXPECT_EQ(Saving(10'000, 10'000, 50), 0);
  EXPECT_EQ(Saving(10'000, 11'000, 50), -50'000);  // the group paid more
  EXPECT_EQ(Saving(12'000, 10'000, 0), 0);
  EXPECT_EQ(Saving(3'000'000, 2'000'000, 1'000'000), 1'000'000'000'000);
}

// ---- knowledge sharing ----------------------------------------------------------------------

TEST(WhatsAppLink, PercentEncodesSpacesAndNewlines) {
  EXPECT_EQ(WhatsAppLink(""), "https://wa.me/?text=");
  EXPECT_EQ(WhatsAppLink("Rp 1.500.000"), "https://wa.me/?text=Rp%201.500.000");
  EXPECT_EQ(WhatsAppLink("Kue\nenak"), "https://wa.me/?text=Kue%0Aenak");
  EXPECT_EQ(WhatsAppLink("a\r\nb\tc"), "https://wa.me/?text=a%0D%0Ab%09c");
}

TEST(WhatsAppLink, EncodesUtf8BytesInUpperCaseHex) {
  EXPECT_EQ(WhatsAppLink("Kafé Rp 25.000"), "https://wa.me/?text=Kaf%C3%A9%20Rp%2025.000");
  EXPECT_EQ(WhatsAppLink("Harga singkong naik 10%!"),
            "https://wa.me/?text=Harga%20singkong%20naik%2010%25%21");
  EXPECT_EQ(WhatsAppLink("Resep keripik: https://x.id/a?b=1&c=2#d"),
            "https://wa.me/?text=Resep%20keripik%3A%20https%3A%2F%2Fx.id%2Fa%3Fb%3D1%26c%3D2%23d");
  EXPECT_EQ(WhatsAppLink("\xF0\x9F\x98\x80"), "https://wa.me/?text=%F0%9F%98%80");  // 😀
  EXPECT_EQ(WhatsAppLink("+/\"'"), "https://wa.me/?text=%2B%2F%22%27");
}

TEST(WhatsAppLink, KeepsUnreservedCharacters) {
  const std::string unreserved =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  EXPECT_EQ(WhatsAppLink(unreserved), "https://wa.me/?text=" + unreserved);
}

}  // namespace
}  // namespace gotong::domain::groups
