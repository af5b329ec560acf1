#include "io/import_messages.hpp"

#include <gtest/gtest.h>

#include <string>

namespace gotong::io {
namespace {

namespace row_error = domain::registry::row_error;
using domain::registry::RowError;

RowError Error(std::string_view code, std::vector<domain::registry::RowErrorParam> params = {},
               std::string message = "stored English message") {
  return {7, "tenaga_kerja", "abc", std::move(message), std::string(code), std::move(params)};
}

TEST(ImportMessages, EveryCodeHasWordsInBothLanguages) {
  for (std::string_view code : row_error::kAll) {
    EXPECT_TRUE(KnowsRowErrorCode(code)) << code;
  }
  // Every argument any code takes: each code then has a sentence of its own, free of ';' (the
  // delimiter of errors.csv) and of unfilled placeholders.
  std::vector<domain::registry::RowErrorParam> all = {{"fields", "1"}, {"header_fields", "2"},
                                                      {"min", "3"},    {"max", "4"},
                                                      {"line", "5"},   {"enterprise_id", "6"},
                                                      {"person_id", "7"}};
  for (std::string_view code : row_error::kAll) {
    for (Language language : {Language::kIndonesian, Language::kEnglish}) {
      std::string text = RowErrorText(Error(code, all), language);
      EXPECT_NE(text, "stored English message") << code;
      EXPECT_EQ(text.find_first_of(";{}"), std::string::npos) << code << ": " << text;
    }
  }
  EXPECT_FALSE(KnowsRowErrorCode(""));
  EXPECT_FALSE(KnowsRowErrorCode("no_such_code"));
}

TEST(ImportMessages, FillsTheArgumentsWithThousandsSeparatorsPerLanguage) {
  auto range = Error(row_error::kOutOfRange, {{"min", "0"}, {"max", "100000"}});
  EXPECT_EQ(RowErrorText(range, Language::kIndonesian), "harus angka bulat dari 0 sampai 100.000");
  EXPECT_EQ(RowErrorText(range, Language::kEnglish), "must be a whole number from 0 to 100,000");
  auto long_text = Error(row_error::kTooLong, {{"max", "1200"}});
  EXPECT_EQ(RowErrorText(long_text, Language::kIndonesian), "paling banyak 1.200 karakter");
  // Years and line numbers are not amounts: no separators.
  auto year = Error(row_error::kBadYear, {{"min", "1900"}, {"max", "2026"}});
  EXPECT_EQ(RowErrorText(year, Language::kIndonesian), "harus tahun dari 1900 sampai 2026");
  auto duplicate = Error(row_error::kDuplicateNib, {{"line", "12345"}});
  EXPECT_EQ(RowErrorText(duplicate, Language::kIndonesian), "NIB yang sama sudah ada di baris 12345");
  EXPECT_EQ(RowErrorText(Error(row_error::kRequired), Language::kIndonesian), "wajib diisi");
  EXPECT_EQ(RowErrorText(Error(row_error::kRequired), Language::kEnglish), "is required");
  auto width = Error(row_error::kFieldCount, {{"fields", "3"}, {"header_fields", "5"}});
  EXPECT_EQ(RowErrorText(width, Language::kIndonesian),
            "baris ini berisi 3 kolom, sedangkan baris judul berisi 5 kolom");
}

TEST(ImportMessages, FallsBackToTheStoredMessage) {
  // Stored before codes existed, or a code this build does not know.
  EXPECT_EQ(RowErrorText(Error(""), Language::kIndonesian), "stored English message");
  EXPECT_EQ(RowErrorText(Error("from_the_future"), Language::kEnglish), "stored English message");
  // An argument missing or not a number.
  EXPECT_EQ(RowErrorText(Error(row_error::kTooLong), Language::kIndonesian), "stored English message");
  EXPECT_EQ(RowErrorText(Error(row_error::kTooLong, {{"max", "many"}}), Language::kIndonesian),
            "stored English message");
}

TEST(ImportMessages, GroupsDigits) {
  EXPECT_EQ(GroupDigits(0, Language::kIndonesian), "0");
  EXPECT_EQ(GroupDigits(999, Language::kIndonesian), "999");
  EXPECT_EQ(GroupDigits(1000, Language::kIndonesian), "1.000");
  EXPECT_EQ(GroupDigits(1500000, Language::kIndonesian), "1.500.000");
  EXPECT_EQ(GroupDigits(-1500000, Language::kEnglish), "-1,500,000");
  EXPECT_EQ(GroupDigits(-100, Language::kEnglish), "-100");
}

TEST(ImportMessages, ParsesOnlyTheTwoLanguages) {
  EXPECT_EQ(ParseLanguage("id"), Language::kIndonesian);
  EXPECT_EQ(ParseLanguage("en"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage(""), std::nullopt);
  EXPECT_EQ(ParseLanguage("ID"), std::nullopt);
  EXPECT_EQ(ParseLanguage("fr"), std::nullopt);
}

TEST(ImportMessages, WritesCsvRowsInTheReadersLanguage) {
  std::string out = ImportErrorsCsvHeader(Language::kIndonesian);
  AppendImportErrorCsvRow(out, Error(row_error::kOutOfRange, {{"min", "0"}, {"max", "100000"}}),
                          Language::kIndonesian);
  EXPECT_EQ(out, "\xEF\xBB\xBF" "baris;kolom;nilai;pesan\r\n"
                 "7;tenaga_kerja;abc;harus angka bulat dari 0 sampai 100.000\r\n");
  EXPECT_EQ(ImportErrorsCsvHeader(Language::kEnglish), "\xEF\xBB\xBF" "row;field;value;message\r\n");
}

}  // namespace
}  // namespace gotong::io
