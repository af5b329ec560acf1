#include "io/csv_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace gotong::io {
namespace {

struct Row {
  std::int64_t line;
  std::vector<std::string> fields;
  friend bool operator==(const Row&, const Row&) = default;
};

void PrintTo(const Row& row, std::ostream* out) {
  *out << "line " << row.line << ":";
  for (const auto& f : row.fields) *out << " [" << f << "]";
}

struct Parsed {
  core::Status status = core::OkStatus();
  std::vector<Row> rows;
};

Parsed Parse(const std::string& text, CsvOptions options = {}, std::size_t stop_after = 0) {
  std::istringstream input(text);
  Parsed parsed;
  parsed.status = ReadCsv(input, options, [&](std::int64_t line, const auto& fields) {
    parsed.rows.push_back({line, fields});
    return stop_after == 0 || parsed.rows.size() < stop_after;
  });
  return parsed;
}

TEST(ReadCsv, ReadsRecordsWithTheirLineNumbers) {
  auto parsed = Parse("code,name\n35,Jawa Timur\n36,Banten\n");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"code", "name"}},
                                           {2, {"35", "Jawa Timur"}},
                                           {3, {"36", "Banten"}}}));
}

TEST(ReadCsv, ReadsALastLineWithoutNewline) {
  auto parsed = Parse("a,b\nc,d");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"a", "b"}}, {2, {"c", "d"}}}));
}

TEST(ReadCsv, EmptyInputHasNoRecords) {
  auto parsed = Parse("");
  EXPECT_TRUE(parsed.status.ok());
  EXPECT_TRUE(parsed.rows.empty());
}

TEST(ReadCsv, SkipsAUtf8ByteOrderMark) {
  auto parsed = Parse("\xEF\xBB\xBF" "code,name\n35,Jawa Timur\n");
  ASSERT_TRUE(parsed.status.ok());
  ASSERT_EQ(parsed.rows.size(), 2u);
  EXPECT_EQ(parsed.rows[0].fields.at(0), "code");
}

TEST(ReadCsv, HandlesCrlfLineEnds) {
  auto parsed = Parse("a,b\r\nc,d\r\ne,f\r\n");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"a", "b"}}, {2, {"c", "d"}}, {3, {"e", "f"}}}));
}

TEST(ReadCsv, DetectsSemicolonsFromTheHeader) {
  // Indonesian Excel writes ';' and a decimal comma.
  auto parsed = Parse("nama;omzet\nWarung Siti;1,5\n");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"nama", "omzet"}}, {2, {"Warung Siti", "1,5"}}}));
}

TEST(ReadCsv, DetectionIgnoresDelimitersInsideQuotes) {
  auto parsed = Parse("\"a,b,c\";d\n1;2\n");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows.at(0).fields, (std::vector<std::string>{"a,b,c", "d"}));
  auto commas = Parse("\"a;b;c\",d\n1,2\n");
  ASSERT_TRUE(commas.status.ok());
  EXPECT_EQ(commas.rows.at(0).fields, (std::vector<std::string>{"a;b;c", "d"}));
}

TEST(ReadCsv, ExplicitDelimiterOverridesDetection) {
  auto parsed = Parse("a;b;c\n", CsvOptions{','});
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows.at(0).fields, (std::vector<std::string>{"a;b;c"}));
}

TEST(ReadCsv, QuotedFieldsKeepDelimitersNewlinesAndDoubledQuotes) {
  auto parsed = Parse(
      "code,name\n"
      "12.07.28.1007,\"Lubuk Pakam I,II\"\n"
      "35.13.15.2017,\"Soka\"\"an\"\n"
      "1,\"two\nlines\"\n"
      "2,after\n");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"code", "name"}},
                                           {2, {"12.07.28.1007", "Lubuk Pakam I,II"}},
                                           {3, {"35.13.15.2017", "Soka\"an"}},
                                           {4, {"1", "two\nlines"}},
                                           {6, {"2", "after"}}}));
}

TEST(ReadCsv, EmptyFieldsAreKept) {
  auto parsed = Parse("a,,c\n,,\n");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"a", "", "c"}}, {2, {"", "", ""}}}));
}

TEST(ReadCsv, SkipsBlankLines) {
  auto parsed = Parse("a,b\n\n\nc,d\n\r\n");
  ASSERT_TRUE(parsed.status.ok());
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"a", "b"}}, {4, {"c", "d"}}}));
}

TEST(ReadCsv, UnterminatedQuoteIsAnErrorNamingItsLine) {
  auto parsed = Parse("code,name\n35,Jawa Timur\n36,\"Banten\n37,Bali\n");
  ASSERT_FALSE(parsed.status.ok());
  EXPECT_EQ(parsed.status.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_NE(parsed.status.error().message.find("line 3"), std::string::npos)
      << parsed.status.error().message;
  EXPECT_EQ(parsed.status.error().fields.at(0).field, "file");
}

TEST(ReadCsv, TextAfterAClosingQuoteIsAnErrorNamingItsLine) {
  auto parsed = Parse("a,b\nc,d\n\"e\"x,f\ng,h\n");
  ASSERT_FALSE(parsed.status.ok());
  EXPECT_NE(parsed.status.error().message.find("line 3"), std::string::npos)
      << parsed.status.error().message;
  // Records before the bad line were delivered, none after it.
  EXPECT_EQ(parsed.rows.size(), 2u);
}

TEST(ReadCsv, StopsWhenTheHandlerSaysSo) {
  auto parsed = Parse("a\nb\nc\nd\n\"never closed\n", {}, 2);
  EXPECT_TRUE(parsed.status.ok()) << "stopping early is not an error, and the rest is not read";
  EXPECT_EQ(parsed.rows, (std::vector<Row>{{1, {"a"}}, {2, {"b"}}}));
}

TEST(ReadCsv, RecordsSpanningReadChunksArriveWhole) {
  // The reader works in 64 KiB chunks: put many records and a quoted multi-line field across
  // the first chunk boundary.
  std::string text = "n,text\n";
  int lines = 1;
  while (text.size() < 65536 - 40) {
    text += std::to_string(lines) + ",row " + std::to_string(lines) + "\n";
    ++lines;
  }
  text += "boundary,\"" + std::string(30, 'x') + "\n" + std::string(30, 'y') + "\"\n";
  int boundary_line = lines + 1;
  text += "last,row\n";
  ASSERT_GT(text.size(), 65536u);
  auto parsed = Parse(text);
  ASSERT_TRUE(parsed.status.ok()) << parsed.status.error().message;
  ASSERT_EQ(parsed.rows.size(), static_cast<std::size_t>(lines + 2));
  const Row& boundary = parsed.rows[parsed.rows.size() - 2];
  EXPECT_EQ(boundary.line, boundary_line);
  EXPECT_EQ(boundary.fields, (std::vector<std::string>{
                                 "boundary", std::string(30, 'x') + "\n" + std::string(30, 'y')}));
  EXPECT_EQ(parsed.rows.back(), (Row{boundary_line + 2, {"last", "row"}}));
  for (int i = 1; i < lines; ++i) {
    ASSERT_EQ(parsed.rows[static_cast<std::size_t>(i)].line, i + 1);
  }
}

// The pull API, as an import reads a file: every record, then false for good.
std::vector<Row> Pull(CsvReader& reader, core::Status& status) {
  std::vector<Row> rows;
  std::int64_t line = 0;
  std::vector<std::string> fields;
  while (true) {
    auto more = reader.Next(line, fields);
    if (!more.ok()) {
      status = std::move(more).error();
      return rows;
    }
    if (!*more) return rows;
    rows.push_back({line, fields});
  }
}

TEST(CsvReader, ReadsAnIndonesianExcelExportWhole) {
  // BOM, ';' detected from the header, CRLF, and a quoted cell holding ';', a CRLF and quotes.
  std::string text = "\xEF\xBB\xBF" "nama_pemilik;nama_usaha;produk\r\n"
                     "Siti;Batik Sekar;\"tulis; cap\r\n\"\"halus\"\"\"\r\n"
                     "Rina;Keripik;apel\r\n";
  std::istringstream input(text);
  CsvReader reader(input, {});
  core::Status status = core::OkStatus();
  auto rows = Pull(reader, status);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(reader.delimiter(), ';');
  EXPECT_EQ(rows, (std::vector<Row>{{1, {"nama_pemilik", "nama_usaha", "produk"}},
                                    {2, {"Siti", "Batik Sekar", "tulis; cap\r\n\"halus\""}},
                                    {4, {"Rina", "Keripik", "apel"}}}));
  EXPECT_EQ(reader.BytesRead(), static_cast<std::int64_t>(text.size()));
  std::int64_t line = 0;
  std::vector<std::string> fields;
  auto after = reader.Next(line, fields);
  ASSERT_TRUE(after.ok());
  EXPECT_FALSE(*after) << "the end stays the end";
}

TEST(CsvReader, CommaHeaderKeepsSemicolonsInsideFields) {
  std::istringstream input("a,b\nx;y,z\n");
  CsvReader reader(input, {});
  core::Status status = core::OkStatus();
  auto rows = Pull(reader, status);
  ASSERT_TRUE(status.ok());
  EXPECT_EQ(reader.delimiter(), ',');
  EXPECT_EQ(rows, (std::vector<Row>{{1, {"a", "b"}}, {2, {"x;y", "z"}}}));
}

TEST(CsvReader, HandsOutRecordsBeforeAnUnclosedQuoteThenFails) {
  std::istringstream input("a;b\r\n1;2\r\n3;4\r\n5;\"never closed\r\n6;7\r\n");
  CsvReader reader(input, {});
  core::Status status = core::OkStatus();
  auto rows = Pull(reader, status);
  EXPECT_EQ(rows, (std::vector<Row>{{1, {"a", "b"}}, {2, {"1", "2"}}, {3, {"3", "4"}}}));
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, core::ErrorCode::kInvalidArgument);
  EXPECT_NE(status.error().message.find("line 4"), std::string::npos) << status.error().message;
}

// Every record with the fields the reader cut for being too long.
struct CutRow {
  std::int64_t line;
  std::vector<std::string> fields;
  std::vector<std::size_t> cut;
  friend bool operator==(const CutRow&, const CutRow&) = default;
};

void PrintTo(const CutRow& row, std::ostream* out) {
  *out << "line " << row.line << ":";
  for (const auto& f : row.fields) *out << " [" << f.substr(0, 20) << (f.size() > 20 ? "…" : "") << "]";
  *out << " cut:";
  for (auto i : row.cut) *out << " " << i;
}

std::vector<CutRow> PullCut(const std::string& text, CsvOptions options, core::Status& status) {
  std::istringstream input(text);
  CsvReader reader(input, options);
  std::vector<CutRow> rows;
  std::int64_t line = 0;
  std::vector<std::string> fields;
  while (true) {
    auto more = reader.Next(line, fields);
    if (!more.ok()) {
      status = std::move(more).error();
      return rows;
    }
    if (!*more) return rows;
    rows.push_back({line, fields, reader.cut_fields()});
  }
}

TEST(CsvReader, CutsAQuotedFieldLongerThanTheLimitAndKeepsTheRestOfTheFile) {
  // 3 MB in one quoted field with line ends and doubled quotes in it, across many read chunks.
  std::string huge = "\"";
  while (huge.size() < 3'000'000) huge += "Batik \"\"tulis\"\" halus\r\n";
  huge += "\"";
  std::string text = "nama;produk;desa\r\nSiti;tulis;35.79\r\nRina;" + huge +
                     ";35.79\r\nAni;cap;35.07\r\n";
  core::Status status = core::OkStatus();
  auto rows = PullCut(text, {}, status);
  ASSERT_TRUE(status.ok()) << status.error().message;
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (CutRow{1, {"nama", "produk", "desa"}, {}}));
  EXPECT_EQ(rows[1], (CutRow{2, {"Siti", "tulis", "35.79"}, {}}));
  EXPECT_EQ(rows[2], (CutRow{3, {"Rina", "", "35.79"}, {1}}));
  const auto lines_in_field = static_cast<std::int64_t>(std::count(huge.begin(), huge.end(), '\n'));
  EXPECT_EQ(rows[3], (CutRow{4 + lines_in_field, {"Ani", "cap", "35.07"}, {}}));
}

TEST(CsvReader, CutsAnUnquotedFieldAndALastFieldWithoutLineEnd) {
  core::Status status = core::OkStatus();
  CsvOptions options;
  options.max_field_bytes = 8;
  auto rows = PullCut("a,b\n123456789012,x\ny,1234567890123", options, status);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(rows, (std::vector<CutRow>{{1, {"a", "b"}, {}},
                                       {2, {"", "x"}, {0}},
                                       {3, {"y", ""}, {1}}}));
}

TEST(CsvReader, KeepsAFieldOfExactlyTheLimitAndCutsOneByteMore) {
  core::Status status = core::OkStatus();
  CsvOptions options;
  options.max_field_bytes = 10;
  // A quoted field counts its quotes as written: "12345678" is 10 bytes.
  auto rows = PullCut("a;b\n\"12345678\";1234567890\n\"123456789\";12345678901\n", options, status);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(rows, (std::vector<CutRow>{{1, {"a", "b"}, {}},
                                       {2, {"12345678", "1234567890"}, {}},
                                       {3, {"", ""}, {0, 1}}}));
}

TEST(CsvReader, CutsAtDoubledQuotesWithoutLosingTheFieldsEnd) {
  core::Status status = core::OkStatus();
  CsvOptions options;
  options.max_field_bytes = 4;
  // The limit falls inside a run of doubled quotes, and on the second quote of a pair.
  // Last, a field of nothing but doubled quotes.
  auto rows = PullCut("a,b\n\"x\"\"\"\"\"\"y\",z\n\"ab\",w\n\"ab\"\"\",v\n\"" + std::string(40, '"') +
                          "\",u\n",
                      options, status);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(rows, (std::vector<CutRow>{{1, {"a", "b"}, {}},
                                       {2, {"", "z"}, {0}},
                                       {3, {"ab", "w"}, {}},
                                       {4, {"", "v"}, {0}},
                                       {5, {"", "u"}, {0}}}));
}

TEST(CsvReader, AnUnclosedQuoteInACutFieldIsStillAnError) {
  core::Status status = core::OkStatus();
  CsvOptions options;
  options.max_field_bytes = 4;
  auto rows = PullCut("a,b\n1,2\n3,\"never closed\n", options, status);
  EXPECT_EQ(rows, (std::vector<CutRow>{{1, {"a", "b"}, {}}, {2, {"1", "2"}, {}}}));
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("line 3"), std::string::npos) << status.error().message;
}

TEST(CsvReader, BomOnlyInputHasNoRecords) {
  std::istringstream input("\xEF\xBB\xBF");
  CsvReader reader(input, {});
  core::Status status = core::OkStatus();
  EXPECT_TRUE(Pull(reader, status).empty());
  EXPECT_TRUE(status.ok());
}

}  // namespace
}  // namespace gotong::io
