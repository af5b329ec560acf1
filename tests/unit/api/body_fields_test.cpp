// A table of body fields is both a body's allowed names and its reader (values.hpp).

#include <gtest/gtest.h>

#include "api/handlers/values.hpp"

namespace gotong::api::handlers {
namespace {

using domain::form::Field;

struct NoteInput {
  Field<std::int64_t> id;
  Field<std::string> title;
  Field<std::string> text;
  Field<std::int64_t> pages;
  Field<bool> shared;
  std::optional<std::vector<std::string>> tags;
};

void ReadTags(BodyReader& body, NoteInput& input) { input.tags = body.Strings("tags", false, 3); }

constexpr auto kNoteFields = std::to_array<BodyField<NoteInput>>(
    {{"title", &NoteInput::title},
     {"tags", ReadTags},
     {"text", &NoteInput::text, core::TextLines::kMulti},
     {"pages", &NoteInput::pages},
     {"shared", &NoteInput::shared}});

constexpr auto kIdFields = std::to_array<BodyField<NoteInput>>({{"id", &NoteInput::id}});

core::Result<NoteInput> Read(const std::string& body) {
  Request request;
  request.method = "POST";
  request.target = "/api/v1/notes";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = body;
  Call call{request, {}, "", {}, std::nullopt};
  return ReadBody(call, kNoteFields);
}

std::vector<std::string> Problems(const core::Result<NoteInput>& read) {
  std::vector<std::string> out;
  if (read.ok()) return out;
  for (const auto& field : read.error().fields) out.push_back(field.field + ":" + field.code);
  return out;
}

TEST(BodyFields, FillEachMemberByItsTypeAndLeaveAbsentOnesUnset) {
  auto read =
      Read(R"({"title":"Ecotik","text":"Rebus\ndaun","pages":3,"shared":true,"tags":["batik"]})");
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->title, std::optional<std::string>("Ecotik"));
  EXPECT_EQ(read->text, std::optional<std::string>("Rebus\ndaun"));
  EXPECT_EQ(read->pages, std::optional<std::int64_t>(3));
  EXPECT_EQ(read->shared, std::optional<bool>(true));
  EXPECT_EQ(read->tags, std::vector<std::string>{"batik"});

  auto empty = Read("{}");
  ASSERT_TRUE(empty.ok());
  EXPECT_FALSE(empty->title.has_value());
  EXPECT_FALSE(empty->tags.has_value());
}

TEST(BodyFields, AFieldOutsideTheTableIsRefusedByName) {
  EXPECT_EQ(Problems(Read(R"({"title":"x","author":"Siti"})")),
            std::vector<std::string>{"author:unknown_field"});
}

TEST(BodyFields, OnlyTextTheTableMarksMultiLineMayBreakLines) {
  EXPECT_EQ(Problems(Read(R"({"title":"a\nb","text":"a\nb"})")),
            std::vector<std::string>{"title:control_character"});
}

TEST(BodyFields, WrongFieldsAreReportedInTheTablesOrderCustomFieldsIncluded) {
  EXPECT_EQ(Problems(Read(R"({"shared":"yes","pages":"two","tags":"batik","title":7})")),
            (std::vector<std::string>{"title:wrong_type", "tags:wrong_type", "pages:wrong_type",
                                      "shared:wrong_type"}));
}

TEST(BodyFields, ExceptLeavesAFieldOutOfTheNamesAndTheReading) {
  EXPECT_EQ(FieldNames(kNoteFields, {"tags", "shared"}),
            (std::vector<std::string_view>{"title", "text", "pages"}));
  Request request;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = R"({"title":"x","pages":"not a number"})";
  auto body = BodyReader::Parse(request, FieldNames(kNoteFields));
  ASSERT_TRUE(body.ok());
  NoteInput input;
  ReadFields(*body, kNoteFields, input, {"pages"});
  EXPECT_TRUE(body->Finish().ok());
  EXPECT_EQ(input.title, std::optional<std::string>("x"));
  EXPECT_FALSE(input.pages.has_value());
}

TEST(BodyFields, SeveralTablesReadOneBodyInTurn) {
  Request request;
  request.headers = {{"Content-Type", "application/json"}};
  request.body = R"({"id":9,"title":"x","extra":1})";
  Call call{request, {}, "", {}, std::nullopt};
  auto read = ReadBody(call, kIdFields, kNoteFields);
  EXPECT_EQ(Problems(read), std::vector<std::string>{"extra:unknown_field"});
  request.body = R"({"id":9,"title":"x"})";
  read = ReadBody(call, kIdFields, kNoteFields);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->id, std::optional<std::int64_t>(9));
  EXPECT_EQ(read->title, std::optional<std::string>("x"));
}

}  // namespace
}  // namespace gotong::api::handlers
