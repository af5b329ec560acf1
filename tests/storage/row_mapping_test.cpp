// The declared row mapping (storage/sql_row.hpp) on a table of its own, in an SQLite database in
// memory: what each kind of member reads and writes, and the errors of a damaged row.

#include <gtest/gtest.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.hpp"
#include "domain/repository.hpp"
#include "storage/sql_record_repository.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

enum class Mood { kCalm, kBusy };

std::string_view ToString(Mood mood) { return mood == Mood::kCalm ? "calm" : "busy"; }
std::optional<Mood> ParseMood(std::string_view text) {
  if (text == "calm") return Mood::kCalm;
  if (text == "busy") return Mood::kBusy;
  return std::nullopt;
}

struct Stall {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> note;
  std::optional<std::int64_t> parent_id;
  bool open = false;
  Mood mood = Mood::kCalm;
  core::Date opened_on;
  std::optional<core::Date> closed_on;
  core::Instant created_at{};
  std::string label;     // read only: derived from name and mood
  std::string raw_note;  // read only: the note's cell as a fill sees it
};

constexpr Column<Stall> kStallColumns[] = {
    Member<&Stall::id>("s.id"),
    Field<&Stall::name>("s.name"),
    Field<&Stall::note>("s.note"),
    Field<&Stall::parent_id>("s.parent_id"),
    Field<&Stall::open>("s.open"),
    Field<&Stall::mood, ParseMood>("s.mood"),
    Field<&Stall::opened_on>("s.opened_on"),
    Field<&Stall::closed_on>("s.closed_on"),
    Field<&Stall::created_at>("s.created_at").OnInsert(),
    // Reads members filled by the columns before it.
    {"s.name", CellKind::kText,
     [](Stall& stall, const Cell&, std::string_view) {
       stall.label = stall.name + " (" + std::string(ToString(stall.mood)) + ")";
     }},
    // A fill that does not ask whether its cell is NULL.
    {"s.note", CellKind::kText,
     [](Stall& stall, const Cell& cell, std::string_view) { stall.raw_note = cell.text; }},
    // Written, never read: the name as a search finds it.
    {"search_name", CellKind::kText, nullptr,
     [](const Stall& stall, Cell& cell) { cell.SetText("~" + stall.name); }, Written::kAlways},
};
constexpr RecordTable<Stall> kStallTable{kStallColumns, " FROM stalls s", "s", "stall"};

class RowMapping : public ::testing::Test {
 protected:
  RowMapping() : sql_("sqlite3", ":memory:") {
    sql_ << "CREATE TABLE stalls (id INTEGER PRIMARY KEY, name TEXT, note TEXT, parent_id INTEGER, "
            "open INTEGER NOT NULL, mood TEXT, opened_on TEXT, closed_on TEXT, created_at TEXT, "
            "search_name TEXT)";
  }

  static Stall Sample() {
    Stall stall;
    stall.name = "Warung Bu Sri";
    stall.open = true;
    stall.mood = Mood::kBusy;
    stall.opened_on = core::Date::Parse("2026-03-01").value();
    stall.created_at = core::ParseInstant("2026-03-01T02:03:04Z").value();
    return stall;
  }

  std::int64_t Insert(const Stall& stall) {
    return InsertRecord<Stall>(sql_, "stalls", kStallColumns, stall);
  }

  soci::session sql_;
};

TEST_F(RowMapping, ARecordWrittenIsReadBackMemberByMemberWithNullAsNone) {
  Stall stall = Sample();
  stall.note = "buka pagi";
  stall.parent_id = 7;
  stall.closed_on = core::Date::Parse("2026-11-30").value();
  const std::int64_t id = Insert(stall);

  auto read = FindRecord(sql_, kStallTable, id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->id, id);
  EXPECT_EQ(read->name, "Warung Bu Sri");
  EXPECT_EQ(read->note, "buka pagi");
  EXPECT_EQ(read->parent_id, 7);
  EXPECT_TRUE(read->open);
  EXPECT_EQ(read->mood, Mood::kBusy);
  EXPECT_EQ(read->opened_on.ToString(), "2026-03-01");
  ASSERT_TRUE(read->closed_on);
  EXPECT_EQ(read->closed_on->ToString(), "2026-11-30");
  EXPECT_EQ(core::FormatInstant(read->created_at), "2026-03-01T02:03:04Z");
  EXPECT_EQ(read->label, "Warung Bu Sri (busy)");

  const std::int64_t bare = Insert(Sample());
  auto empty = FindRecord(sql_, kStallTable, bare);
  ASSERT_TRUE(empty.ok()) << empty.error().message;
  EXPECT_FALSE(empty->note);
  EXPECT_FALSE(empty->parent_id);
  EXPECT_FALSE(empty->closed_on);
  std::string stored_note;
  soci::indicator note_indicator = soci::i_ok;
  sql_ << "SELECT note FROM stalls WHERE id = :id", soci::into(stored_note, note_indicator),
      soci::use(bare);
  EXPECT_EQ(note_indicator, soci::i_null)
      << "an empty optional is written as NULL, not as empty text";
}

TEST_F(RowMapping, AnUpdateWritesEveryColumnButThoseWrittenOnce) {
  const std::int64_t id = Insert(Sample());
  Stall changed = Sample();
  changed.id = id;
  changed.name = "Warung Sri Rejeki";
  changed.open = false;
  changed.note = "tutup sementara";
  changed.created_at = core::ParseInstant("2030-01-01T00:00:00Z").value();
  EXPECT_EQ(UpdateRecord<Stall>(sql_, "stalls", kStallColumns, changed), 1);

  auto read = FindRecord(sql_, kStallTable, id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->name, "Warung Sri Rejeki");
  EXPECT_FALSE(read->open);
  EXPECT_EQ(read->note, "tutup sementara");
  EXPECT_EQ(core::FormatInstant(read->created_at), "2026-03-01T02:03:04Z");
  std::string search_name;
  sql_ << "SELECT search_name FROM stalls WHERE id = :id", soci::into(search_name), soci::use(id);
  EXPECT_EQ(search_name, "~Warung Sri Rejeki")
      << "a column written only is written by the update too";

  changed.id = id + 1;
  EXPECT_EQ(UpdateRecord<Stall>(sql_, "stalls", kStallColumns, changed), 0) << "no such row";
}

TEST_F(RowMapping, SelectAndPageReadRowsInTheOrderAsked) {
  for (const char* name : {"A", "B", "C"}) {
    Stall stall = Sample();
    stall.name = name;
    Insert(stall);
  }
  Params params;
  std::string where = " WHERE s.name <> ";
  params.Text(where, "B");
  auto rows = SelectRecords(sql_, kStallTable, where + " ORDER BY s.name DESC", params);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].name, "C");
  EXPECT_EQ(rows[1].name, "A");

  auto page =
      PagedRecords(sql_, core::PageRequest{1, 1}, kStallTable, " WHERE 1 = 1", Params{}, "s.name");
  EXPECT_EQ(page.total, 3);
  ASSERT_EQ(page.items.size(), 1U);
  EXPECT_EQ(page.items[0].name, "B");
}

TEST_F(RowMapping, ANullCellCarriesNothingFromTheRowReadBeforeIt) {
  Stall noted = Sample();
  noted.note = "buka pagi";
  Insert(noted);
  Insert(Sample());  // no note: NULL
  auto rows = SelectRecords(sql_, kStallTable, " ORDER BY s.id", Params{});
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].raw_note, "buka pagi");
  EXPECT_EQ(rows[1].raw_note, "") << "the second row's NULL note read as the first row's text";
  EXPECT_FALSE(rows[1].note);
}

// A parent of stalls (their parent_id), for the child loaders.
struct Market {
  std::int64_t id = 0;
  std::vector<Stall> stalls;
};

TEST_F(RowMapping, ChildrenLoadIntoTheirOwnParentInTheOrderAskedWithOneQuery) {
  std::vector<Market> markets(3);
  markets[0].id = 10;
  markets[1].id = 20;
  markets[2].id = 30;
  for (auto [name, parent] : {std::pair{"B", 20}, {"A", 20}, {"C", 10}, {"D", 40}}) {
    Stall stall = Sample();
    stall.name = name;
    stall.parent_id = parent;
    Insert(stall);
  }
  LoadChildren<&Market::stalls>(sql_, markets, kStallColumns, " FROM stalls s", "s.parent_id",
                                "s.parent_id, s.name");
  ASSERT_EQ(markets[0].stalls.size(), 1U);
  EXPECT_EQ(markets[0].stalls[0].name, "C");
  ASSERT_EQ(markets[1].stalls.size(), 2U);
  EXPECT_EQ(markets[1].stalls[0].name, "A");
  EXPECT_EQ(markets[1].stalls[1].name, "B");
  EXPECT_EQ(markets[1].stalls[1].parent_id, 20) << "a child's own columns are read as well";
  EXPECT_TRUE(markets[2].stalls.empty()) << "a parent without children has none";

  Market one;
  one.id = 20;
  LoadChildren<&Market::stalls>(sql_, std::span(&one, 1), kStallColumns, " FROM stalls s",
                                "s.parent_id", "s.parent_id, s.name");
  EXPECT_EQ(one.stalls.size(), 2U) << "one record is a range of one";
}

TEST_F(RowMapping, ReadChildrenOfNoParentsRunsNoQuery) {
  sql_ << "DROP TABLE stalls";
  int calls = 0;
  ReadChildren<Stall>(sql_, kStallColumns, " FROM stalls s", "s.parent_id", {}, "s.id",
                      [&](std::int64_t, const Stall&) { ++calls; });
  EXPECT_EQ(calls, 0) << "with the table gone, a query would have thrown";
}

TEST_F(RowMapping, ForEachRowCallsOncePerRowAndNotAtAllForNone) {
  Insert(Sample());
  Insert(Sample());
  long long id = 0;
  std::vector<long long> seen;
  Query query(sql_);
  query.Into(id);
  query.ForEachRow("SELECT id FROM stalls ORDER BY id DESC", [&] { seen.push_back(id); });
  EXPECT_EQ(seen, (std::vector<long long>{2, 1}));

  Query none(sql_);
  none.Into(id);
  int calls = 0;
  none.ForEachRow("SELECT id FROM stalls WHERE id > 99", [&] { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST_F(RowMapping, GuardUniqueTurnsOnlyAUniqueViolationIntoTheConflictNamed) {
  sql_ << "CREATE UNIQUE INDEX stalls_name ON stalls (name)";
  Insert(Sample());
  auto insert_again = [&]() -> core::Result<std::int64_t> { return Insert(Sample()); };
  auto taken = GuardUnique(
      "insert stall", [] { return core::Error::Exists("name", "the name is taken"); },
      insert_again);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().code, core::ErrorCode::kAlreadyExists);
  EXPECT_EQ(taken.error().message, "the name is taken");

  auto named_by_error = GuardUnique(
      "insert stall",
      [](const soci::soci_error& error) {
        return core::Error::Exists(
            "name", std::string(error.what()).find("stalls.name") != std::string::npos
                        ? "by column"
                        : "by other");
      },
      insert_again);
  ASSERT_FALSE(named_by_error.ok());
  EXPECT_EQ(named_by_error.error().message, "by column") << "the conflict sees the violation";

  auto not_unique = GuardUnique(
      "insert stall", [] { return core::Error::Exists("name", "the name is taken"); },
      [&]() -> core::Result<std::int64_t> {
        sql_ << "INSERT INTO stalls (name, open) VALUES ('Lain', NULL)";
        return 0;
      });
  ASSERT_FALSE(not_unique.ok());
  EXPECT_NE(not_unique.error().code, core::ErrorCode::kAlreadyExists)
      << "another constraint is not the conflict: " << not_unique.error().message;
}

TEST_F(RowMapping, AddAndChangeRecordWriteTheTablesOwnTableAndNameTheRecordInErrors) {
  Stall stall = Sample();
  auto id = AddRecord(sql_, kStallTable, stall);
  ASSERT_TRUE(id.ok()) << id.error().message;
  stall.id = *id;
  stall.name = "Warung Sri Rejeki";
  ASSERT_TRUE(ChangeRecord(sql_, kStallTable, stall).ok());
  auto read = FindRecord(sql_, kStallTable, *id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->name, "Warung Sri Rejeki");

  sql_ << "CREATE UNIQUE INDEX stalls_name ON stalls (name)";
  auto taken = AddRecord(sql_, kStallTable, stall,
                         [] { return core::Error::Exists("name", "the name is taken"); });
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().message, "the name is taken");
  auto failed = AddRecord(sql_, kStallTable, stall);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().message.rfind("insert stall", 0), 0U)
      << "a failure without a conflict named is named by the record: " << failed.error().message;
}

core::Error StallNameTaken() { return core::Error::Exists("name", "another stall has this name"); }
constexpr RecordTable<Stall> kNamedStallTable{kStallColumns, " FROM stalls s", "s", "stall",
                                              StallNameTaken};

TEST_F(RowMapping, ATablesConflictIsWhatAddAndChangeRecordReturnForAUniqueViolation) {
  sql_ << "CREATE UNIQUE INDEX stalls_name ON stalls (name)";
  Stall first = Sample();
  ASSERT_TRUE(AddRecord(sql_, kNamedStallTable, first).ok());
  auto again = AddRecord(sql_, kNamedStallTable, first);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, core::ErrorCode::kAlreadyExists);
  EXPECT_EQ(again.error().message, "another stall has this name");

  Stall second = Sample();
  second.name = "Warung Pak Budi";
  auto id = AddRecord(sql_, kNamedStallTable, second);
  ASSERT_TRUE(id.ok()) << id.error().message;
  second.id = *id;
  second.name = first.name;
  auto renamed = ChangeRecord(sql_, kNamedStallTable, second);
  ASSERT_FALSE(renamed.ok());
  EXPECT_EQ(renamed.error().message, "another stall has this name");

  auto named_by_call = AddRecord(sql_, kNamedStallTable, first,
                                 [] { return core::Error::Exists("name", "said by the call"); });
  ASSERT_FALSE(named_by_call.ok());
  EXPECT_EQ(named_by_call.error().message, "said by the call") << "the call's conflict comes first";
}

class StallRepository final : public SqlRecordRepository<domain::RecordRepository<Stall>, Stall> {
 public:
  explicit StallRepository(soci::session& sql) : SqlRecordRepository(sql, kNamedStallTable) {}
};

TEST_F(RowMapping, ARecordRepositoryInsertsUpdatesAndFindsThroughItsTable) {
  StallRepository stalls(sql_);
  Stall stall = Sample();
  auto id = stalls.Insert(stall);
  ASSERT_TRUE(id.ok()) << id.error().message;
  stall.id = *id;
  stall.name = "Warung Sri Rejeki";
  stall.mood = Mood::kCalm;
  ASSERT_TRUE(stalls.Update(stall).ok());
  auto read = stalls.Find(*id);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->name, "Warung Sri Rejeki");
  EXPECT_EQ(read->mood, Mood::kCalm);

  auto missing = stalls.Find(*id + 1);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(missing.error().message, "no stall with id " + std::to_string(*id + 1));

  sql_ << "CREATE UNIQUE INDEX stalls_name ON stalls (name)";
  auto taken = stalls.Insert(stall);
  ASSERT_FALSE(taken.ok());
  EXPECT_EQ(taken.error().message, "another stall has this name") << "the table's conflict";
}

TEST_F(RowMapping, RecordsWhereSelectsByOneColumnInTheOrderAsked) {
  for (auto [name, parent] : {std::pair{"B", 7}, {"A", 7}, {"C", 8}}) {
    Stall stall = Sample();
    stall.name = name;
    stall.parent_id = parent;
    Insert(stall);
  }
  auto rows = RecordsWhere(sql_, kStallTable, "s.parent_id", 7, "s.name");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].name, "A");
  EXPECT_EQ(rows[1].name, "B");
}

TEST(RegionRange, AVillageIsItsOwnCodeAndAnAreaTheCodesUnderIt) {
  const RegionRange village = RangeOf("35.07.20.2001");
  EXPECT_TRUE(village.exact);
  EXPECT_EQ(village.from, "35.07.20.2001");
  const RegionRange regency = RangeOf("35.07");
  EXPECT_FALSE(regency.exact);
  EXPECT_EQ(regency.from, "35.07.");
  EXPECT_EQ(regency.to, "35.07/");
  // "35.07.20.2001" falls in it, and "35.070" (a lookalike) and "35.08" do not.
  EXPECT_TRUE(regency.from <= "35.07.20.2001" && std::string("35.07.20.2001") < regency.to);
  EXPECT_FALSE(regency.from <= "35.070" && std::string("35.070") < regency.to);
  EXPECT_FALSE(regency.from <= "35.08" && std::string("35.08") < regency.to);
  // A regency's code is whole at 5 characters, as the tallies keep it.
  EXPECT_TRUE(RangeOf("35.07", 5).exact);
}

TEST(RecordTable, TableIsTheWordAfterFrom) {
  constexpr RecordTable<Stall> kJoined{
      kStallColumns, " FROM stalls s LEFT JOIN stalls o ON o.id = s.parent_id", "s", "stall"};
  static_assert(kJoined.Table() == "stalls");
  constexpr RecordTable<Stall> kBare{kStallColumns, " FROM stalls", "stalls", "stall"};
  static_assert(kBare.Table() == "stalls");
  EXPECT_EQ(kStallTable.Table(), "stalls");
}

TEST(RecordTable, JoinsAreTheFromWithoutItsTableAndAlias) {
  constexpr RecordTable<Stall> kJoined{
      kStallColumns, " FROM stalls s LEFT JOIN stalls o ON o.id = s.parent_id", "s", "stall"};
  static_assert(kJoined.Joins() == " LEFT JOIN stalls o ON o.id = s.parent_id");
  EXPECT_EQ(kJoined.Joins(), " LEFT JOIN stalls o ON o.id = s.parent_id");
  EXPECT_EQ(kStallTable.Joins(), "") << "a table without joins has none";
}

TEST_F(RowMapping, NoSuchRecordIsNotFoundNamingTheRecord) {
  auto read = FindRecord(sql_, kStallTable, 404);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, core::ErrorCode::kNotFound);
  EXPECT_EQ(read.error().message, "no stall with id 404");
}

TEST_F(RowMapping, NullInARequiredColumnIsADamagedRowNamingTheColumn) {
  const std::int64_t id = Insert(Sample());
  sql_ << "UPDATE stalls SET opened_on = NULL WHERE id = :id", soci::use(id);
  auto read = FindRecord(sql_, kStallTable, id);
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, core::ErrorCode::kInternal);
  EXPECT_NE(read.error().message.find("NULL in s.opened_on"), std::string::npos)
      << read.error().message;
}

TEST_F(RowMapping, TextAnEnumCannotReadIsADamagedRowNamingTheColumnAndTheText) {
  const std::int64_t id = Insert(Sample());
  sql_ << "UPDATE stalls SET mood = 'sleepy' WHERE id = :id", soci::use(id);
  auto read = FindRecord(sql_, kStallTable, id);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("'sleepy' in s.mood"), std::string::npos)
      << read.error().message;
}

TEST_F(RowMapping, ADateThatIsNotOneIsADamagedRowNamingTheColumn) {
  const std::int64_t id = Insert(Sample());
  sql_ << "UPDATE stalls SET opened_on = '2026-02-30' WHERE id = :id", soci::use(id);
  auto read = FindRecord(sql_, kStallTable, id);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.error().message.find("'2026-02-30' in s.opened_on"), std::string::npos)
      << read.error().message;
}

}  // namespace
}  // namespace gotong::storage::internal
