// The import's row parser and reading side without a database or a file: rows are built by
// field, as a RowSource hands them over.
#include "domain/registry/row_parser.hpp"

#include <gtest/gtest.h>

#include <deque>
#include <map>
#include <string>

#include "core/time.hpp"
#include "domain/registry/import_reading.hpp"

namespace gotong::domain::registry {
namespace {

using F = ImportField;

const core::Instant kNow = *core::ParseInstant("2026-06-15T08:00:00Z");

// A row whose cells are `cells` and whose columns the file names in Indonesian.
struct RowBuilder {
  std::map<F, std::string> cells;
  std::int64_t line = 2;

  ImportRow Build() const {
    static const std::array<std::string, kImportFieldCount> kNames = {
        "nama_pemilik", "jenis_kelamin", "tahun_lahir", "telepon", "nik", "persetujuan_nik",
        "nama_usaha", "sektor", "produk", "sentra", "kode_desa", "tahun_berdiri",
        "tenaga_kerja", "modal", "omzet", "nib", "status", "tanggal_verifikasi"};
    ImportRow row;
    row.line = line;
    for (std::size_t i = 0; i < kImportFieldCount; ++i) row.columns[i] = kNames[i];
    for (const auto& [field, cell] : cells) row.cells[static_cast<std::size_t>(field)] = cell;
    return row;
  }
};

RowBuilder Valid() {
  return {{{F::kOwnerName, "Siti Aminah"},
           {F::kName, "Batik Sekar"},
           {F::kSector, "batik"},
           {F::kVillageCode, "35.79.02.2006"}}};
}

class RowParserTest : public testing::Test {
 protected:
  VillageSet villages_{"35.79.02.2006", "35.79.01.2001"};
  RowParser parser_{villages_, kNow};
  ImportRecord record_;
  std::vector<RowError> errors_;

  bool Parse(const RowBuilder& builder) { return parser_.Parse(builder.Build(), record_, errors_); }
};

TEST_F(RowParserTest, AValidRowBecomesAnOwnerAndHerEnterpriseInTheSameVillage) {
  RowBuilder row = Valid();
  row.cells[F::kOwnerGender] = "P";
  row.cells[F::kOwnerPhone] = "0812-3456-7890";
  row.cells[F::kCapital] = "1.500.000";
  row.cells[F::kNib] = "1234567890123";
  ASSERT_TRUE(Parse(row)) << errors_.front().message;
  EXPECT_TRUE(errors_.empty());
  EXPECT_EQ(record_.line, 2);
  EXPECT_EQ(record_.owner.name, "Siti Aminah");
  EXPECT_EQ(record_.owner.gender, Gender::kFemale);
  EXPECT_EQ(record_.owner.village_code, "35.79.02.2006");
  EXPECT_EQ(record_.enterprise.village_code, "35.79.02.2006");
  EXPECT_EQ(record_.enterprise.sector, Sector::kBatik);
  EXPECT_EQ(record_.enterprise.capital, 1'500'000);
  EXPECT_EQ(record_.enterprise.nib, "1234567890123");
  EXPECT_EQ(record_.match_key, MatchKey("Siti Aminah", "Batik Sekar", "35.79.02.2006"));
}

TEST_F(RowParserTest, EachWrongCellIsAnErrorNamingTheColumnAsTheFileCallsIt) {
  RowBuilder row = Valid();
  row.cells[F::kOwnerGender] = "X";
  row.cells[F::kFoundedYear] = "2030";
  row.cells[F::kTurnover] = "-5";
  ASSERT_FALSE(Parse(row));
  ASSERT_EQ(errors_.size(), 3U);
  EXPECT_EQ(errors_[0].field, "jenis_kelamin");
  EXPECT_EQ(errors_[0].code, row_error::kBadGender);
  EXPECT_EQ(errors_[0].value, "X");
  EXPECT_EQ(errors_[0].message, "jenis_kelamin must be P or L (perempuan or laki-laki)");
  EXPECT_EQ(errors_[1].field, "tahun_berdiri");
  EXPECT_EQ(errors_[1].code, row_error::kBadYear);
  EXPECT_EQ(errors_[1].params, (std::vector<RowErrorParam>{{"min", "1900"}, {"max", "2026"}}))
      << "a founding year may not pass the clock's year";
  EXPECT_EQ(errors_[2].code, row_error::kNegative);
  for (const auto& error : errors_) EXPECT_EQ(error.row, 2);
}

TEST_F(RowParserTest, RequiredCellsLeftEmptyAreEachRequired) {
  ASSERT_FALSE(Parse(RowBuilder{}));
  std::vector<std::string> fields;
  for (const auto& error : errors_) {
    EXPECT_EQ(error.code, row_error::kRequired) << error.field;
    fields.push_back(error.field);
  }
  EXPECT_EQ(fields, (std::vector<std::string>{"nama_pemilik", "nama_usaha", "sektor", "kode_desa"}));
}

TEST_F(RowParserTest, AVillageCodeIsCheckedAgainstTheOfficialList) {
  RowBuilder unknown = Valid();
  unknown.cells[F::kVillageCode] = "35.79.02.2999";
  ASSERT_FALSE(Parse(unknown));
  EXPECT_EQ(errors_.back().code, row_error::kUnknownVillage);
  RowBuilder district = Valid();
  district.cells[F::kVillageCode] = "35.79.02";
  ASSERT_FALSE(Parse(district));
  EXPECT_EQ(errors_.back().code, row_error::kNotAVillage);
}

TEST_F(RowParserTest, ANikIsKeptOnlyWithTheOwnersConsentAndDatedByTheClock) {
  RowBuilder without = Valid();
  without.cells[F::kOwnerNik] = "3579024101900001";
  ASSERT_FALSE(Parse(without));
  EXPECT_EQ(errors_.back().field, "persetujuan_nik");
  EXPECT_EQ(errors_.back().code, row_error::kNikWithoutConsent);
  RowBuilder with = without;
  with.cells[F::kNikConsent] = "Ya";
  ASSERT_TRUE(Parse(with));
  EXPECT_EQ(record_.owner.nik, "3579024101900001");
  EXPECT_EQ(record_.owner.nik_consent_at, kNow);
}

TEST_F(RowParserTest, AVerifiedDateMayNotBeAfterTheClock) {
  RowBuilder tomorrow = Valid();
  tomorrow.cells[F::kVerifiedAt] = "2026-06-16";
  ASSERT_FALSE(Parse(tomorrow));
  EXPECT_EQ(errors_.back().code, row_error::kInFuture);
  RowBuilder today = Valid();
  today.cells[F::kVerifiedAt] = "2026-06-15";
  EXPECT_TRUE(Parse(today));
}

TEST_F(RowParserTest, AControlCharacterRefusesTheRowWithoutCheckingItsOtherCells) {
  RowBuilder row = Valid();
  row.cells[F::kName] = std::string("Batik\0Sekar", 11);
  row.cells[F::kOwnerGender] = "X";  // would be an error of its own
  ASSERT_FALSE(Parse(row));
  ASSERT_EQ(errors_.size(), 1U);
  EXPECT_EQ(errors_[0].code, row_error::kControlCharacter);
  EXPECT_EQ(errors_[0].value, "Batik\xEF\xBF\xBDSekar") << "shown back with U+FFFD";
}

TEST_F(RowParserTest, TheReadersProblemsRefuseTheRowAsTheyAre) {
  ImportRow row = Valid().Build();
  row.problems.push_back({2, "", "", "the row has 2 fields; the header has 4",
                          std::string(row_error::kFieldCount), {}});
  ASSERT_FALSE(parser_.Parse(row, record_, errors_));
  ASSERT_EQ(errors_.size(), 1U);
  EXPECT_EQ(errors_[0].code, row_error::kFieldCount);
}

TEST(SeenRows, ASecondRowWithTheSameNibNikOrOwnerNameAndVillageIsRefusedNamingTheFirst) {
  SeenRows seen;
  std::vector<RowError> errors;
  auto record = [](std::int64_t line, std::string name, std::optional<std::string> nib,
                   std::optional<std::string> nik) {
    ImportRecord r;
    r.line = line;
    r.enterprise.name = name;
    r.enterprise.nib = std::move(nib);
    r.owner.nik = std::move(nik);
    r.match_key = MatchKey("Siti", name, "35.79.02.2006");
    return r;
  };
  EXPECT_TRUE(seen.Add(record(2, "Batik A", "1000000000001", "3579024101900001"), errors));
  EXPECT_FALSE(seen.Add(record(3, "Batik B", "1000000000001", std::nullopt), errors));
  EXPECT_FALSE(seen.Add(record(4, "Batik C", std::nullopt, "3579024101900001"), errors));
  EXPECT_FALSE(seen.Add(record(5, "Batik A", std::nullopt, std::nullopt), errors));
  EXPECT_TRUE(seen.Add(record(6, "Batik B", std::nullopt, std::nullopt), errors))
      << "a refused row's keys are not remembered";
  ASSERT_EQ(errors.size(), 3U);
  EXPECT_EQ(errors[0].code, row_error::kDuplicateNib);
  EXPECT_EQ(errors[0].message, "the same NIB is already on line 2");
  EXPECT_EQ(errors[1].code, row_error::kDuplicateNik);
  EXPECT_EQ(errors[1].value, MaskNik("3579024101900001")) << "a NIK is never shown whole";
  EXPECT_EQ(errors[2].code, row_error::kDuplicateEnterprise);
  for (const auto& error : errors) EXPECT_EQ(error.params.front().value, "2");
}

// Rows from memory, ending with `error` when one is given.
class ListSource final : public RowSource {
 public:
  ListSource(std::vector<RowBuilder> rows, std::optional<core::Error> error = std::nullopt)
      : rows_(rows.begin(), rows.end()), error_(std::move(error)) {}
  core::Result<std::vector<JobNote>> Start() override { return std::vector<JobNote>{}; }
  core::Result<bool> Next(ImportRow& row) override {
    if (rows_.empty()) {
      if (error_) return *error_;
      return false;
    }
    current_ = rows_.front();
    rows_.pop_front();
    row = current_.Build();
    bytes_ += 100;
    return true;
  }
  std::int64_t BytesRead() const override { return bytes_; }

 private:
  std::deque<RowBuilder> rows_;
  RowBuilder current_;  // the cells the row handed over points into
  std::optional<core::Error> error_;
  std::int64_t bytes_ = 0;
};

std::vector<RowBuilder> Rows(int count) {
  std::vector<RowBuilder> rows;
  for (int i = 0; i < count; ++i) {
    RowBuilder row = Valid();
    row.cells[F::kName] = "Usaha " + std::to_string(i);
    row.line = i + 2;
    rows.push_back(row);
  }
  return rows;
}

std::vector<Batch> ReadAll(RowSource& source, std::int64_t rows_done, std::size_t batch_rows,
                           std::optional<core::Error>* ending = nullptr) {
  VillageSet villages{"35.79.02.2006"};
  RowParser parser(villages, kNow);
  core::BoundedQueue<Batch> queue(100);
  ReadRows(source, parser, rows_done, batch_rows, queue);
  std::vector<Batch> batches;
  while (auto batch = queue.Pop()) batches.push_back(std::move(*batch));
  if (ending) *ending = queue.error();
  return batches;
}

TEST(ReadRows, BatchesRowsCountingRefusedOnesAndTheBytesReadUpToEachBatch) {
  auto rows = Rows(5);
  rows[1].cells[F::kSector] = "";  // refused: still a row of its batch
  ListSource source(rows);
  auto batches = ReadAll(source, 0, 2);
  ASSERT_EQ(batches.size(), 3U);
  EXPECT_EQ(batches[0].records.size(), 1U);
  EXPECT_EQ(batches[0].failed, 1);
  EXPECT_EQ(batches[0].errors.at(0).row, 3);
  EXPECT_EQ(batches[0].bytes_read, 200);
  EXPECT_EQ(batches[1].records.size(), 2U);
  EXPECT_EQ(batches[2].records.size(), 1U);
  EXPECT_EQ(batches[2].bytes_read, 500);
}

TEST(ReadRows, ResumingSkipsTheRowsDoneButStillRefusesLaterCopiesOfThem) {
  auto rows = Rows(4);
  rows[3].cells[F::kName] = "Usaha 0";  // the same enterprise as the first row, written before
  ListSource source(rows);
  auto batches = ReadAll(source, 2, 10);
  ASSERT_EQ(batches.size(), 1U);
  ASSERT_EQ(batches[0].records.size(), 1U);
  EXPECT_EQ(batches[0].records[0].line, 4);
  EXPECT_EQ(batches[0].failed, 1);
  EXPECT_EQ(batches[0].errors.at(0).code, row_error::kDuplicateEnterprise);
}

TEST(ReadRows, AFileThatCannotBeReadOnKeepsTheRowsBeforeAndEndsWithItsError) {
  core::Error malformed = core::Error::Invalid("file", "malformed_file", "line 4: unclosed quote");
  ListSource source(Rows(2), malformed);
  std::optional<core::Error> ending;
  auto batches = ReadAll(source, 0, 10, &ending);
  ASSERT_EQ(batches.size(), 1U);
  EXPECT_EQ(batches[0].records.size(), 2U);
  ASSERT_TRUE(ending.has_value());
  EXPECT_EQ(NoteOf(*ending).code, "malformed_file");
  EXPECT_EQ(NoteOf(*ending).message, "line 4: unclosed quote");
}

}  // namespace
}  // namespace gotong::domain::registry
