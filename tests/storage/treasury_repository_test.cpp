#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/groups/treasury.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::groups::AccountTotals;
using domain::groups::AssetKind;
using domain::groups::AssetSource;
using domain::groups::CommonAsset;
using domain::groups::EntryKind;
using domain::groups::FeeRule;
using domain::groups::LedgerAccount;
using domain::groups::LedgerEntry;
using domain::groups::LedgerFilter;
using domain::groups::LedgerLine;
using domain::groups::Month;
using domain::groups::Meeting;
using domain::groups::MonthlyMovement;

class TreasuryRepository : public TwoGroupsTest {
 protected:
  // A two-line entry: `amount` from `credit` to `debit`.
  LedgerEntry Entry(const char* day, EntryKind kind, std::int64_t amount, LedgerAccount debit,
                    LedgerAccount credit, std::optional<std::int64_t> member = std::nullopt) {
    LedgerEntry entry;
    entry.group_id = group_;
    entry.date = D(day);
    entry.kind = kind;
    entry.memo = std::string(domain::groups::ToString(kind)) + " " + day;
    entry.amount = amount;
    entry.lines = {{debit, amount, 0, std::nullopt}, {credit, 0, amount, member}};
    entry.created_by_username = "system";
    entry.created_at = T("2026-03-04T05:06:07Z");
    return entry;
  }

  LedgerEntry Fee(const char* day, std::int64_t amount, std::int64_t member) {
    return Entry(day, EntryKind::kFeePayment, amount, LedgerAccount::kCash,
                 LedgerAccount::kMemberFees, member);
  }

  std::int64_t Post(const LedgerEntry& entry) {
    return Committed([&](UnitOfWork& unit) { return unit.Treasury().InsertEntry(entry); });
  }

  // The entry that undoes `original` (id `id`), as Reverse posts it.
  LedgerEntry ReversalOf(const LedgerEntry& original, std::int64_t id, const char* day) {
    LedgerEntry reversal = original;
    reversal.date = D(day);
    reversal.kind = EntryKind::kReversal;
    reversal.memo = "reverses " + std::to_string(id);
    reversal.lines = domain::groups::Reversal(original.lines);
    reversal.reverses_id = id;
    return reversal;
  }

  std::map<LedgerAccount, std::pair<std::int64_t, std::int64_t>> Totals(
      std::optional<core::Date> from, core::Date to, std::int64_t group = 0) {
    std::map<LedgerAccount, std::pair<std::int64_t, std::int64_t>> out;
    auto unit = Begin(Access::kRead);
    if (!unit) return out;
    auto totals = unit->Treasury().Totals(group == 0 ? group_ : group, from, to);
    EXPECT_TRUE(totals.ok()) << totals.error().message;
    if (!totals.ok()) return out;
    for (const AccountTotals& t : *totals) {
      EXPECT_FALSE(out.count(t.account)) << "one row per account";
      out[t.account] = {t.debits, t.credits};
    }
    return out;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(TreasuryRepository);

using Sides = std::map<LedgerAccount, std::pair<std::int64_t, std::int64_t>>;

TEST_P(TreasuryRepository, EntryRoundTripsWithLinesInOrder) {
  std::int64_t ani = AddMember(group_, "Ani");
  std::int64_t budi = AddMember(group_, "Budi");
  std::int64_t user = InsertUser(SampleUser("bendahara"));
  LedgerEntry entry;
  entry.group_id = group_;
  entry.date = D("2026-02-28");
  entry.kind = EntryKind::kGeneral;
  entry.memo = "Iuran Februari \xE2\x80\x94 dua anggota";
  entry.amount = 9'000'000'000'000;  // beyond 32 bits
  entry.lines = {{LedgerAccount::kCash, 9'000'000'000'000, 0, std::nullopt},
                 {LedgerAccount::kMemberFees, 0, 4'000'000'000'000, ani},
                 {LedgerAccount::kMemberFees, 0, 5'000'000'000'000, budi}};
  entry.created_by = user;
  entry.created_by_username = "bendahara";
  entry.created_at = T("2026-03-01T08:09:10Z");
  std::int64_t id = Post(entry);
  ASSERT_GT(id, 0);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(LedgerEntry found, unit->Treasury().FindEntry(group_, id));
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.date, D("2026-02-28"));
  EXPECT_EQ(found.kind, EntryKind::kGeneral);
  EXPECT_EQ(found.memo, entry.memo);
  EXPECT_EQ(found.amount, entry.amount);
  EXPECT_EQ(found.lines, entry.lines);
  EXPECT_FALSE(found.reverses_id.has_value());
  EXPECT_FALSE(found.reversed_by.has_value());
  EXPECT_FALSE(found.asset_id.has_value());
  EXPECT_EQ(found.created_by, user);
  EXPECT_EQ(found.created_by_username, "bendahara");
  EXPECT_EQ(found.created_at, T("2026-03-01T08:09:10Z"));
}

// A fee sheet's entries keep the meeting they were recorded at, and a list can keep only those.
TEST_P(TreasuryRepository, AnEntryKeepsItsMeetingAndTheListFiltersByIt) {
  std::int64_t ani = AddMember(group_, "Ani");
  auto meeting_on = [&](const char* day) {
    Meeting meeting;
    meeting.group_id = group_;
    meeting.held_on = D(day);
    meeting.created_at = T("2026-01-02T03:04:05Z");
    meeting.updated_at = T("2026-01-02T03:04:05Z");
    return Committed([&](UnitOfWork& unit) { return unit.Meetings().Insert(meeting); });
  };
  std::int64_t march = meeting_on("2026-03-01");
  std::int64_t april = meeting_on("2026-04-05");
  LedgerEntry at_march = Fee("2026-03-01", 10'000, ani);
  at_march.meeting_id = march;
  std::int64_t first = Post(at_march);
  LedgerEntry at_april = Fee("2026-04-05", 15'000, ani);
  at_april.meeting_id = april;
  std::int64_t second = Post(at_april);
  std::int64_t loose = Post(Fee("2026-04-06", 5'000, ani));
  ASSERT_GT(first, 0);
  ASSERT_GT(second, 0);
  ASSERT_GT(loose, 0);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(LedgerEntry found, unit->Treasury().FindEntry(group_, first));
  EXPECT_EQ(found.meeting_id, march);
  ASSERT_OK_AND_ASSIGN(LedgerEntry plain, unit->Treasury().FindEntry(group_, loose));
  EXPECT_FALSE(plain.meeting_id.has_value());

  LedgerFilter filter;
  filter.meeting_id = april;
  ASSERT_OK_AND_ASSIGN(auto at_meeting, unit->Treasury().ListEntries(group_, filter, {}));
  ASSERT_EQ(at_meeting.total, 1);
  EXPECT_EQ(at_meeting.items.at(0).id, second);
  EXPECT_EQ(at_meeting.items.at(0).meeting_id, april);
  ASSERT_EQ(at_meeting.items.at(0).lines.size(), 2u);
  EXPECT_EQ(at_meeting.items.at(0).lines[1].member_id, ani);
  // Another group's list never holds the entries, whatever meeting it names.
  ASSERT_OK_AND_ASSIGN(auto elsewhere, unit->Treasury().ListEntries(other_group_, filter, {}));
  EXPECT_EQ(elsewhere.total, 0);
}

// A member's fee entries (issue 13, the member): those with a member_fees line naming her — her
// payments and their reversals — newest first; another member's and other entries are left out.
TEST_P(TreasuryRepository, TheListKeepsTheEntriesThatMoveOneMembersFees) {
  std::int64_t ani = AddMember(group_, "Ani");
  std::int64_t budi = AddMember(group_, "Budi");
  LedgerEntry paid = Fee("2026-03-01", 10'000, ani);
  std::int64_t first = Post(paid);
  std::int64_t undone = Post(ReversalOf(paid, first, "2026-03-02"));
  Post(Fee("2026-03-03", 20'000, budi));
  Post(Entry("2026-03-04", EntryKind::kExpense, 1'000, LedgerAccount::kExpenses, LedgerAccount::kCash));
  std::int64_t again = Post(Fee("2026-03-05", 10'000, ani));
  ASSERT_GT(again, 0);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  LedgerFilter filter;
  filter.fees_of = ani;
  ASSERT_OK_AND_ASSIGN(auto hers, unit->Treasury().ListEntries(group_, filter, {}));
  EXPECT_EQ(hers.total, 3);
  ASSERT_EQ(hers.items.size(), 3u);
  EXPECT_EQ(hers.items[0].id, again);
  EXPECT_EQ(hers.items[1].id, undone);
  EXPECT_EQ(hers.items[2].id, first);
  EXPECT_EQ(hers.items[2].reversed_by, undone);
  ASSERT_OK_AND_ASSIGN(auto latest, unit->Treasury().ListEntries(group_, filter, {1, 0}));
  EXPECT_EQ(latest.total, 3);
  ASSERT_EQ(latest.items.size(), 1u);
  EXPECT_EQ(latest.items[0].id, again);
  filter.fees_of = budi;
  filter.from = D("2026-03-04");
  ASSERT_OK_AND_ASSIGN(auto after, unit->Treasury().ListEntries(group_, filter, {}));
  EXPECT_EQ(after.total, 0) << "the other filters still apply";
}

TEST_P(TreasuryRepository, EntryOfAnotherGroupIsNotFound) {
  LedgerEntry elsewhere = Entry("2026-02-01", EntryKind::kExpense, 1'000, LedgerAccount::kExpenses,
                                LedgerAccount::kCash);
  elsewhere.group_id = other_group_;
  std::int64_t id = Post(elsewhere);
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Treasury().FindEntry(group_, id), ErrorCode::kNotFound);
  EXPECT_OK(unit->Treasury().FindEntry(other_group_, id));
}

TEST_P(TreasuryRepository, UncommittedEntryLeavesNoEntryOrLines) {
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Treasury().InsertEntry(Entry("2026-02-01", EntryKind::kAidReceived, 500'000,
                                                 LedgerAccount::kCash,
                                                 LedgerAccount::kAidReceived)));
  }
  EXPECT_TRUE(Totals(std::nullopt, D("2030-01-01")).empty());
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM ledger_entries"), 0);
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM ledger_lines"), 0);
}

TEST_P(TreasuryRepository, ALineWithNeitherSideIsRefused) {
  LedgerEntry entry = Entry("2026-02-01", EntryKind::kGeneral, 1'000, LedgerAccount::kCash,
                            LedgerAccount::kMemberFees);
  entry.lines.push_back({LedgerAccount::kExpenses, 0, 0, std::nullopt});
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->Treasury().InsertEntry(entry).ok());
}

TEST_P(TreasuryRepository, ReversingTwiceIsAlreadyExistsOnEntryAndReversedByIsRead) {
  LedgerEntry sale = Entry("2026-02-01", EntryKind::kShopSale, 75'000, LedgerAccount::kCash,
                           LedgerAccount::kShopRevenue);
  std::int64_t id = Post(sale);
  std::int64_t reversal = Post(ReversalOf(sale, id, "2026-02-02"));
  ASSERT_GT(reversal, 0);
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto again = unit->Treasury().InsertEntry(ReversalOf(sale, id, "2026-02-03"));
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(again.error().fields.size(), 1u);
    EXPECT_EQ(again.error().fields[0].field, "entry");
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(LedgerEntry original, unit->Treasury().FindEntry(group_, id));
  EXPECT_EQ(original.reversed_by, reversal);
  ASSERT_OK_AND_ASSIGN(LedgerEntry undo, unit->Treasury().FindEntry(group_, reversal));
  EXPECT_EQ(undo.reverses_id, id);
  EXPECT_EQ(undo.kind, EntryKind::kReversal);
  EXPECT_EQ(undo.lines, domain::groups::Reversal(sale.lines));
  EXPECT_FALSE(undo.reversed_by.has_value());
}

TEST_P(TreasuryRepository, ListIsNewestFirstWithinInclusiveDatesWithLinesAndPages) {
  std::int64_t jan31 = Post(Entry("2026-01-31", EntryKind::kExpense, 1'000,
                                  LedgerAccount::kExpenses, LedgerAccount::kCash));
  std::int64_t feb1a = Post(Entry("2026-02-01", EntryKind::kExpense, 2'000,
                                  LedgerAccount::kExpenses, LedgerAccount::kCash));
  std::int64_t feb1b = Post(Entry("2026-02-01", EntryKind::kExpense, 3'000,
                                  LedgerAccount::kExpenses, LedgerAccount::kCash));
  std::int64_t feb28 = Post(Entry("2026-02-28", EntryKind::kExpense, 4'000,
                                  LedgerAccount::kExpenses, LedgerAccount::kCash));
  // Posted last but dated first: the date orders, not the id.
  std::int64_t jan1 = Post(Entry("2026-01-01", EntryKind::kExpense, 5'000,
                                 LedgerAccount::kExpenses, LedgerAccount::kCash));
  LedgerEntry elsewhere = Entry("2026-02-10", EntryKind::kExpense, 9'000,
                                LedgerAccount::kExpenses, LedgerAccount::kCash);
  elsewhere.group_id = other_group_;
  Post(elsewhere);

  auto ids = [](const core::Page<LedgerEntry>& page) {
    std::vector<std::int64_t> out;
    for (const auto& entry : page.items) out.push_back(entry.id);
    return out;
  };
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Treasury().ListEntries(group_, {}, {}));
  EXPECT_EQ(all.total, 5);
  EXPECT_EQ(ids(all), (std::vector<std::int64_t>{feb28, feb1b, feb1a, jan31, jan1}));
  for (const auto& entry : all.items) {
    ASSERT_EQ(entry.lines.size(), 2u) << "every listed entry carries its own lines";
    EXPECT_EQ(entry.lines[0].debit, entry.amount);
    EXPECT_EQ(entry.lines[1].credit, entry.amount);
  }

  ASSERT_OK_AND_ASSIGN(auto february,
                       unit->Treasury().ListEntries(group_, {D("2026-02-01"), D("2026-02-28"), std::nullopt, std::nullopt}, {}));
  EXPECT_EQ(ids(february), (std::vector<std::int64_t>{feb28, feb1b, feb1a}));
  EXPECT_EQ(february.total, 3);

  ASSERT_OK_AND_ASSIGN(auto page,
                       unit->Treasury().ListEntries(group_, {}, {2, 2}));
  EXPECT_EQ(page.total, 5);
  EXPECT_EQ(page.limit, 2);
  EXPECT_EQ(page.offset, 2);
  EXPECT_EQ(ids(page), (std::vector<std::int64_t>{feb1a, jan31}));
  ASSERT_OK_AND_ASSIGN(auto past_end,
                       unit->Treasury().ListEntries(group_, {}, {2, 9}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 5);
}

TEST_P(TreasuryRepository, TotalsAddUpEachAccountWithinInclusiveDates) {
  std::int64_t ani = AddMember(group_, "Ani");
  Post(Entry("2026-01-31", EntryKind::kAidReceived, 1'000'000, LedgerAccount::kCash,
             LedgerAccount::kAidReceived));
  Post(Fee("2026-02-01", 10'000, ani));
  Post(Fee("2026-02-28", 20'000, ani));
  Post(Entry("2026-02-15", EntryKind::kPurchase, 300'000, LedgerAccount::kPurchases,
             LedgerAccount::kCash));
  Post(Entry("2026-03-01", EntryKind::kExpense, 5'000, LedgerAccount::kExpenses,
             LedgerAccount::kCash));
  LedgerEntry elsewhere = Entry("2026-02-10", EntryKind::kExpense, 7'000, LedgerAccount::kExpenses,
                                LedgerAccount::kCash);
  elsewhere.group_id = other_group_;
  Post(elsewhere);

  EXPECT_EQ(Totals(std::nullopt, D("2026-03-01")),
            (Sides{{LedgerAccount::kCash, {1'030'000, 305'000}},
                   {LedgerAccount::kAidReceived, {0, 1'000'000}},
                   {LedgerAccount::kMemberFees, {0, 30'000}},
                   {LedgerAccount::kPurchases, {300'000, 0}},
                   {LedgerAccount::kExpenses, {5'000, 0}}}));
  EXPECT_EQ(Totals(D("2026-02-01"), D("2026-02-28")),
            (Sides{{LedgerAccount::kCash, {30'000, 300'000}},
                   {LedgerAccount::kMemberFees, {0, 30'000}},
                   {LedgerAccount::kPurchases, {300'000, 0}}}));
  EXPECT_EQ(Totals(std::nullopt, D("2026-01-30")), Sides{});
  EXPECT_EQ(Totals(std::nullopt, D("2026-12-31"), other_group_),
            (Sides{{LedgerAccount::kCash, {0, 7'000}}, {LedgerAccount::kExpenses, {7'000, 0}}}));
}

TEST_P(TreasuryRepository, MonthlySumsEachAccountPerCalendarMonth) {
  std::int64_t ani = AddMember(group_, "Ani");
  Post(Fee("2026-01-01", 10'000, ani));  // the range's first day
  Post(Fee("2026-02-01", 20'000, ani));
  Post(Fee("2026-02-28", 30'000, ani));  // its last
  Post(Entry("2026-02-15", EntryKind::kExpense, 4'000, LedgerAccount::kExpenses,
             LedgerAccount::kCash));
  Post(Fee("2026-03-01", 50'000, ani));  // after the range
  Post(Fee("2025-12-31", 60'000, ani));  // before it

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto monthly, unit->Treasury().Monthly(group_, D("2026-01-01"),
                                                              D("2026-02-28")));
  std::map<std::pair<std::string, LedgerAccount>, std::pair<std::int64_t, std::int64_t>> sums;
  for (const MonthlyMovement& m : monthly) {
    auto key = std::make_pair(m.month.ToString(), m.account);
    EXPECT_FALSE(sums.count(key)) << "one row per month and account";
    sums[key] = {m.debits, m.credits};
  }
  using Key = std::pair<std::string, LedgerAccount>;
  EXPECT_EQ(sums, (std::map<Key, std::pair<std::int64_t, std::int64_t>>{
                      {{"2026-01", LedgerAccount::kCash}, {10'000, 0}},
                      {{"2026-01", LedgerAccount::kMemberFees}, {0, 10'000}},
                      {{"2026-02", LedgerAccount::kCash}, {50'000, 4'000}},
                      {{"2026-02", LedgerAccount::kMemberFees}, {0, 50'000}},
                      {{"2026-02", LedgerAccount::kExpenses}, {4'000, 0}}}));
  ASSERT_FALSE(monthly.empty());
  EXPECT_EQ(monthly.front().month.ToString(), "2026-01") << "months in order";
  EXPECT_EQ(monthly.back().month.ToString(), "2026-02");
}

TEST_P(TreasuryRepository, FeesPaidIsPerMemberNetOfReversalsUpToTheDay) {
  std::int64_t ani = AddMember(group_, "Ani");
  std::int64_t budi = AddMember(group_, "Budi");
  AddMember(group_, "Citra");  // never paid: absent from the map
  Post(Fee("2026-01-10", 10'000, ani));
  LedgerEntry wrong = Fee("2026-01-11", 99'000, ani);
  std::int64_t wrong_id = Post(wrong);
  Post(ReversalOf(wrong, wrong_id, "2026-01-12"));
  Post(Fee("2026-02-10", 10'000, ani));
  Post(Fee("2026-01-20", 15'000, budi));
  Post(Fee("2026-03-01", 15'000, budi));  // after the day
  // Income without a member is not anyone's fee.
  Post(Entry("2026-01-05", EntryKind::kGeneral, 8'000, LedgerAccount::kCash,
             LedgerAccount::kMemberFees));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto paid, unit->Treasury().FeesPaid(group_, D("2026-02-28")));
  EXPECT_EQ(paid, (std::map<std::int64_t, std::int64_t>{{ani, 20'000}, {budi, 15'000}}));
  ASSERT_OK_AND_ASSIGN(auto early, unit->Treasury().FeesPaid(group_, D("2026-01-11")));
  EXPECT_EQ(early, (std::map<std::int64_t, std::int64_t>{{ani, 109'000}}));
}

TEST_P(TreasuryRepository, StoredEntryKindThisVersionCannotReadIsAnError) {
  std::int64_t id = Post(Entry("2026-02-01", EntryKind::kExpense, 1'000, LedgerAccount::kExpenses,
                               LedgerAccount::kCash));
  ASSERT_OK(test_database().Execute("UPDATE ledger_entries SET kind = 'mystery' WHERE id = " +
                                    std::to_string(id)));
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  auto found = unit->Treasury().FindEntry(group_, id);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kInternal);
  EXPECT_NE(found.error().message.find("mystery"), std::string::npos) << found.error().message;
  EXPECT_ERROR_CODE(unit->Treasury().ListEntries(group_, {}, {}),
                    ErrorCode::kInternal);
}

TEST_P(TreasuryRepository, FeeRulesListByStartingMonthAndOnePerMonth) {
  auto rule = [&](const char* month, std::int64_t amount) {
    FeeRule r;
    r.group_id = group_;
    r.amount = amount;
    r.from = Month::Parse(month).value();
    r.created_at = T("2026-01-01T00:00:00Z");
    return r;
  };
  std::int64_t deliberation = Committed([&](UnitOfWork& unit) -> core::Result<std::int64_t> {
    domain::groups::Deliberation d;
    d.group_id = group_;
    d.title = "Iuran";
    d.topic = domain::groups::Topic::kFeeRule;
    d.created_at = T("2026-01-01T00:00:00Z");
    d.updated_at = T("2026-01-01T00:00:00Z");
    GOTONG_ASSIGN_OR_RETURN(auto saved, unit.Deliberations().Insert(d));
    return saved.id;
  });
  FeeRule later = rule("2026-07", 10'000);
  later.deliberation_id = deliberation;
  std::int64_t later_id =
      Committed([&](UnitOfWork& unit) { return unit.Treasury().InsertFeeRule(later); });
  std::int64_t first_id = Committed(
      [&](UnitOfWork& unit) { return unit.Treasury().InsertFeeRule(rule("2025-12", 5'000)); });
  FeeRule elsewhere = rule("2026-07", 1'000);
  elsewhere.group_id = other_group_;
  EXPECT_GT(Committed([&](UnitOfWork& unit) { return unit.Treasury().InsertFeeRule(elsewhere); }),
            0)
      << "another group may start a rule the same month";
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto same_month = unit->Treasury().InsertFeeRule(rule("2026-07", 20'000));
    ASSERT_FALSE(same_month.ok());
    EXPECT_EQ(same_month.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(same_month.error().fields.size(), 1u);
    EXPECT_EQ(same_month.error().fields[0].field, "from");
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto rules, unit->Treasury().FeeRules(group_));
  ASSERT_EQ(rules.size(), 2u);
  EXPECT_EQ(rules[0].id, first_id);
  EXPECT_EQ(rules[0].from.ToString(), "2025-12");
  EXPECT_EQ(rules[0].amount, 5'000);
  EXPECT_FALSE(rules[0].deliberation_id.has_value());
  EXPECT_EQ(rules[1].id, later_id);
  EXPECT_EQ(rules[1].group_id, group_);
  EXPECT_EQ(rules[1].from.ToString(), "2026-07");
  EXPECT_EQ(rules[1].amount, 10'000);
  EXPECT_EQ(rules[1].deliberation_id, deliberation);
  EXPECT_EQ(rules[1].created_at, T("2026-01-01T00:00:00Z"));
}

TEST_P(TreasuryRepository, AssetsRoundTripWithSalesAndPurchasesNetOfReversals) {
  CommonAsset shop;
  shop.group_id = group_;
  shop.name = "Toko bersama";
  shop.kind = AssetKind::kShop;
  shop.source = AssetSource::kAid;
  shop.value = 2'500'000;
  shop.acquired_on = D("2024-02-29");
  shop.created_at = T("2026-01-01T00:00:00Z");
  std::int64_t shop_id =
      Committed([&](UnitOfWork& unit) { return unit.Treasury().InsertAsset(shop); });
  CommonAsset press = shop;
  press.name = "Mesin press";
  press.kind = AssetKind::kEquipment;
  press.source = AssetSource::kFees;
  press.value = 0;
  std::int64_t press_id =
      Committed([&](UnitOfWork& unit) { return unit.Treasury().InsertAsset(press); });

  auto for_shop = [&](LedgerEntry entry) {
    entry.asset_id = shop_id;
    return entry;
  };
  Post(for_shop(Entry("2026-02-01", EntryKind::kShopSale, 40'000, LedgerAccount::kCash,
                      LedgerAccount::kShopRevenue)));
  LedgerEntry wrong = for_shop(Entry("2026-02-02", EntryKind::kShopSale, 9'000,
                                     LedgerAccount::kCash, LedgerAccount::kShopRevenue));
  std::int64_t wrong_id = Post(wrong);
  Post(ReversalOf(wrong, wrong_id, "2026-02-03"));
  Post(for_shop(Entry("2026-02-04", EntryKind::kPurchase, 25'000, LedgerAccount::kPurchases,
                      LedgerAccount::kCash)));
  // A sale that names no asset is not the shop's.
  Post(Entry("2026-02-05", EntryKind::kShopSale, 1'000, LedgerAccount::kCash,
             LedgerAccount::kShopRevenue));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(CommonAsset found, unit->Treasury().FindAsset(group_, shop_id));
  EXPECT_EQ(found.id, shop_id);
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.name, "Toko bersama");
  EXPECT_EQ(found.kind, AssetKind::kShop);
  EXPECT_EQ(found.source, AssetSource::kAid);
  EXPECT_EQ(found.value, 2'500'000);
  EXPECT_EQ(found.acquired_on, D("2024-02-29"));
  EXPECT_EQ(found.created_at, T("2026-01-01T00:00:00Z"));
  EXPECT_EQ(found.sales, 40'000);
  EXPECT_EQ(found.purchases, 25'000);

  ASSERT_OK_AND_ASSIGN(auto assets, unit->Treasury().Assets(group_));
  ASSERT_EQ(assets.size(), 2u);
  EXPECT_EQ(assets[0].id, shop_id) << "oldest first";
  EXPECT_EQ(assets[1].id, press_id);
  EXPECT_EQ(assets[1].kind, AssetKind::kEquipment);
  EXPECT_EQ(assets[1].source, AssetSource::kFees);
  EXPECT_EQ(assets[1].sales, 0) << "no ledger lines: zero, not null";
  EXPECT_EQ(assets[1].purchases, 0);

  EXPECT_ERROR_CODE(unit->Treasury().FindAsset(other_group_, shop_id), ErrorCode::kNotFound);
  ASSERT_OK_AND_ASSIGN(auto none, unit->Treasury().Assets(other_group_));
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace gotong::storage_tests
