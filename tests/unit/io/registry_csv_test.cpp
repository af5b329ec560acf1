// An enterprise import's CSV as rows by field: the header's two languages, the notes a file's
// header earns, and the problems that make a row unreadable as a whole.
#include "io/registry_csv.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "domain/registry/import_reading.hpp"

namespace gotong::io {
namespace {

namespace registry = domain::registry;
using registry::ImportField;

CsvRowSource Source(const std::string& text) {
  return CsvRowSource(std::make_unique<std::istringstream>(text));
}

TEST(CsvRowSource, ReadsAnExcelFileWithIndonesianColumnsInAnyOrder) {
  auto source = Source(
      "\xEF\xBB\xBFKode Desa;Nama Usaha;SEKTOR;nama-pemilik;omzet\r\n"
      "35.79.02.2006; Batik Sekar ;batik;Siti Aminah;1.500.000\r\n");
  auto warnings = source.Start();
  ASSERT_TRUE(warnings.ok()) << warnings.error().message;
  EXPECT_TRUE(warnings->empty());
  registry::ImportRow row;
  ASSERT_TRUE(source.Next(row).value());
  EXPECT_EQ(row.line, 2);
  EXPECT_TRUE(row.problems.empty());
  EXPECT_EQ(row[ImportField::kName], "Batik Sekar") << "cells are trimmed";
  EXPECT_EQ(row[ImportField::kOwnerName], "Siti Aminah");
  EXPECT_EQ(row[ImportField::kVillageCode], "35.79.02.2006");
  EXPECT_EQ(row[ImportField::kTurnover], "1.500.000");
  EXPECT_EQ(row[ImportField::kNib], "") << "a column the file lacks is an empty cell";
  EXPECT_EQ(row.column(ImportField::kName), "Nama Usaha") << "named as the file writes it";
  EXPECT_EQ(row.column(ImportField::kNib), "nib") << "a column the file lacks: its English name";
  EXPECT_FALSE(source.Next(row).value());
}

TEST(CsvRowSource, AnUnknownColumnIsSkippedWithAWarningNamingIt) {
  auto source = Source("owner_name,name,sector,village_code,catatan\nA,B,batik,35.79.02.2006,x\n");
  auto warnings = source.Start();
  ASSERT_TRUE(warnings.ok());
  ASSERT_EQ(warnings->size(), 1U);
  EXPECT_EQ(warnings->at(0).code, registry::job_note::kUnknownColumn);
  EXPECT_EQ(warnings->at(0).params.at(0).second, "catatan");
}

TEST(CsvRowSource, MissingRequiredColumnsFailTheFileNamingEachInBothLanguages) {
  auto source = Source("nama_pemilik;sektor\nA;batik\n");
  auto started = source.Start();
  ASSERT_FALSE(started.ok());
  auto note = registry::NoteOf(started.error());
  EXPECT_EQ(note.code, registry::job_note::kMissingColumns);
  EXPECT_EQ(note.params.at(0).second, "nama_usaha (name), kode_desa (village_code)");
  EXPECT_EQ(note.message,
            "the file has no column name (or nama_usaha); the file has no column village_code (or "
            "kode_desa)");
}

TEST(CsvRowSource, AColumnNamedTwiceFailsTheFile) {
  auto source = Source("owner_name,nama_pemilik,name,sector,village_code\n");
  auto started = source.Start();
  ASSERT_FALSE(started.ok());
  auto note = registry::NoteOf(started.error());
  EXPECT_EQ(note.code, registry::job_note::kDuplicateColumn);
  EXPECT_EQ(note.params.at(0).second, "nama_pemilik (owner_name)");
}

TEST(CsvRowSource, AnEmptyFileHasNoHeaderToStartFrom) {
  auto source = Source("");
  auto started = source.Start();
  ASSERT_FALSE(started.ok());
  EXPECT_EQ(registry::NoteOf(started.error()).code, registry::job_note::kEmptyFile);
}

TEST(CsvRowSource, MalformedCsvIsAMalformedFileNoteWithItsLine) {
  auto source = Source("owner_name,name,sector,village_code\nA,B,batik,35.79.02.2006\nA,\"B,batik\n");
  ASSERT_TRUE(source.Start().ok());
  registry::ImportRow row;
  ASSERT_TRUE(source.Next(row).value());
  auto broken = source.Next(row);
  ASSERT_FALSE(broken.ok());
  auto note = registry::NoteOf(broken.error());
  EXPECT_EQ(note.code, registry::job_note::kMalformedFile);
  EXPECT_EQ(note.params, (std::vector<std::pair<std::string, std::string>>{{"line", "3"}}));
}

TEST(CsvRowSource, ARowMissingAKnownColumnIsAFieldCountProblem) {
  auto source = Source("owner_name,name,sector,village_code\nA,B\nA,B,batik,35.79.02.2006,extra\n");
  ASSERT_TRUE(source.Start().ok());
  registry::ImportRow row;
  ASSERT_TRUE(source.Next(row).value());
  ASSERT_EQ(row.problems.size(), 1U);
  EXPECT_EQ(row.problems[0].code, registry::row_error::kFieldCount);
  EXPECT_EQ(row.problems[0].message, "the row has 2 fields; the header has 4");
  ASSERT_TRUE(source.Next(row).value());
  EXPECT_TRUE(row.problems.empty()) << "an extra cell past the known columns does no harm";
}

TEST(CsvRowSource, ACellTooLongToKeepIsAProblemNamingItsColumn) {
  std::string huge(registry::kMaxCellBytes + 1, 'x');
  auto source = Source("owner_name,name,sector,village_code\nA," + huge + ",batik,35.79.02.2006\n");
  ASSERT_TRUE(source.Start().ok());
  registry::ImportRow row;
  ASSERT_TRUE(source.Next(row).value());
  ASSERT_EQ(row.problems.size(), 1U);
  EXPECT_EQ(row.problems[0].code, registry::row_error::kFieldTooLong);
  EXPECT_EQ(row.problems[0].field, "name");
  EXPECT_EQ(row[ImportField::kName], "") << "its bytes were never kept";
}

}  // namespace
}  // namespace gotong::io
