#include "api/json_io.hpp"

#include <gtest/gtest.h>

namespace gotong::api {
namespace {

Request JsonRequest(std::string body, std::string type = "application/json") {
  Request request;
  request.method = "POST";
  request.target = "/api/v1/x";
  request.headers = {{"Content-Type", std::move(type)}};
  request.body = std::move(body);
  return request;
}

std::vector<std::pair<std::string, std::string>> Fields(const core::Error& error) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& f : error.fields) out.emplace_back(f.field, f.code);
  return out;
}

using FieldList = std::vector<std::pair<std::string, std::string>>;

TEST(BodyReader, ReadsTypedFields) {
  auto body = BodyReader::Parse(
      JsonRequest(R"({"name":"Siti","age":41,"active":true,"big":9223372036854775807})"),
      {"name", "age", "active", "big"});
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->String("name", true), "Siti");
  EXPECT_EQ(body->Int("age", true), 41);
  EXPECT_EQ(body->Bool("active", true), true);
  EXPECT_EQ(body->Int("big", true), INT64_MAX);
  EXPECT_TRUE(body->Finish().ok());
}

TEST(BodyReader, AcceptsJsonWithParameters) {
  EXPECT_TRUE(BodyReader::Parse(JsonRequest("{}", "application/json; charset=utf-8"), {}).ok());
}

TEST(BodyReader, RejectsOtherContentTypes) {
  for (const char* type : {"text/plain", "", "application/x-www-form-urlencoded",
                           "application/jsonx"}) {
    auto body = BodyReader::Parse(JsonRequest("{}", type), {});
    ASSERT_FALSE(body.ok()) << type;
    EXPECT_EQ(body.error().type, "unsupported-media-type") << type;
  }
}

TEST(BodyReader, RejectsMalformedJsonAndNonObjects) {
  for (const char* text : {"", "{", "{\"a\":}", "{'a':1}", "{\"a\":1,}"}) {
    auto body = BodyReader::Parse(JsonRequest(text), {"a"});
    ASSERT_FALSE(body.ok()) << text;
    EXPECT_EQ(Fields(body.error()), (FieldList{{"", "malformed_json"}})) << text;
  }
  for (const char* text : {"[]", "\"text\"", "42", "null", "true"}) {
    auto body = BodyReader::Parse(JsonRequest(text), {"a"});
    ASSERT_FALSE(body.ok()) << text;
    EXPECT_EQ(Fields(body.error()), (FieldList{{"", "wrong_type"}})) << text;
  }
}

TEST(BodyReader, CollectsEveryWrongField) {
  auto body = BodyReader::Parse(
      JsonRequest(R"({"name":5,"age":"old","active":"yes","extra":1,"more":null})"),
      {"name", "age", "active", "missing"});
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->String("name", true).has_value());
  EXPECT_FALSE(body->Int("age", true).has_value());
  EXPECT_FALSE(body->Bool("active", true).has_value());
  EXPECT_FALSE(body->String("missing", true).has_value());
  auto status = body->Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(Fields(status.error()), (FieldList{{"extra", "unknown_field"},
                                               {"more", "unknown_field"},
                                               {"name", "wrong_type"},
                                               {"age", "wrong_type"},
                                               {"active", "wrong_type"},
                                               {"missing", "required"}}));
}

TEST(BodyReader, NullCountsAsAbsent) {
  auto body = BodyReader::Parse(JsonRequest(R"({"nick":null,"name":null})"), {"nick", "name"});
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->String("nick", false).has_value());
  EXPECT_TRUE(body->IsNull("nick"));
  EXPECT_TRUE(body->Has("nick"));
  EXPECT_FALSE(body->String("name", true).has_value());
  auto status = body->Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(Fields(status.error()), (FieldList{{"name", "required"}}));
}

TEST(BodyReader, FractionsAndOverflowAreNotIntegers) {
  auto body = BodyReader::Parse(JsonRequest(R"({"a":1.5,"b":18446744073709551615,"c":-3})"),
                                {"a", "b", "c"});
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->Int("a", true).has_value());
  EXPECT_FALSE(body->Int("b", true).has_value());
  EXPECT_EQ(body->Int("c", true), -3);
  EXPECT_EQ(Fields(body->Finish().error()), (FieldList{{"a", "wrong_type"}, {"b", "wrong_type"}}));
}

TEST(BodyReader, NestedObjectsPrefixTheirFieldNames) {
  auto body = BodyReader::Parse(JsonRequest(R"({"scope":{"kind":1,"id":"x","extra":true}})"),
                                {"scope"});
  ASSERT_TRUE(body.ok());
  auto scope = body->Object("scope", false, {"kind", "id"});
  ASSERT_TRUE(scope.has_value());
  EXPECT_FALSE(scope->String("kind", true).has_value());
  EXPECT_FALSE(scope->Int("id", true).has_value());
  EXPECT_EQ(Fields(body->Finish().error()), (FieldList{{"scope.extra", "unknown_field"},
                                                       {"scope.kind", "wrong_type"},
                                                       {"scope.id", "wrong_type"}}));
}

TEST(BodyReader, NestedFieldOfTheWrongType) {
  auto body = BodyReader::Parse(JsonRequest(R"({"scope":"group"})"), {"scope"});
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->Object("scope", false, {"kind"}).has_value());
  EXPECT_EQ(Fields(body->Finish().error()), (FieldList{{"scope", "wrong_type"}}));
}

TEST(BodyReader, RefusesControlCharactersInOneLineText) {
  auto body = BodyReader::Parse(
      JsonRequest(R"({"name":"Ba\u0000tik","city":"a\tb","code":"35\n79","esc":"\u001b[0m",)"
                  R"("c1":"a\u0085b","ok":"Batik Sari – Batu"})"),
      {"name", "city", "code", "esc", "c1", "ok"});
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->String("name", true).has_value());
  EXPECT_FALSE(body->String("city", true).has_value());
  EXPECT_FALSE(body->String("code", true).has_value());
  EXPECT_FALSE(body->String("esc", true).has_value());
  EXPECT_FALSE(body->String("c1", true).has_value());
  EXPECT_EQ(body->String("ok", true), "Batik Sari – Batu");
  auto error = body->Finish().error();
  EXPECT_EQ(Fields(error), (FieldList{{"name", "control_character"},
                                      {"city", "control_character"},
                                      {"code", "control_character"},
                                      {"esc", "control_character"},
                                      {"c1", "control_character"}}));
  EXPECT_NE(error.fields.front().message.find("name"), std::string::npos);
}

TEST(BodyReader, MultiLineTextKeepsTabsAndLineEndsButNotNul) {
  auto body = BodyReader::Parse(
      JsonRequest(R"({"minutes":"1. Kas\r\n2. Iuran\tRp 5.000","agenda":"a\u0000b"})"),
      {"minutes", "agenda"});
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(body->MultiLineString("minutes", true), "1. Kas\r\n2. Iuran\tRp 5.000");
  EXPECT_FALSE(body->MultiLineString("agenda", true).has_value());
  EXPECT_EQ(Fields(body->Finish().error()), (FieldList{{"agenda", "control_character"}}));
}

TEST(BodyReader, ControlCharactersInNestedFieldsAndArraysNameTheirPlace) {
  auto body = BodyReader::Parse(
      JsonRequest(R"({"owner":{"name":"Si\u0000ti"},"tags":["batik","a\u0000"]})"),
      {"owner", "tags"});
  ASSERT_TRUE(body.ok());
  auto owner = body->Object("owner", true, {"name"});
  ASSERT_TRUE(owner.has_value());
  EXPECT_FALSE(owner->String("name", true).has_value());
  EXPECT_FALSE(body->Strings("tags", false, 5).has_value());
  EXPECT_EQ(Fields(body->Finish().error()), (FieldList{{"owner.name", "control_character"},
                                                       {"tags[1]", "control_character"}}));
}

TEST(QueryReader, RefusesControlCharacters) {
  auto query = QueryReader::Parse("q=ba%00tik&region=35%0A79&sort=name");
  ASSERT_TRUE(query.ok());
  EXPECT_FALSE(query->String("q").has_value());
  EXPECT_FALSE(query->String("region").has_value());
  EXPECT_EQ(query->String("sort"), "name");
  EXPECT_EQ(Fields(query->Finish().error()), (FieldList{{"q", "control_character"},
                                                        {"region", "control_character"}}));
}

TEST(QueryReader, ReadsDecodedValues) {
  auto query = QueryReader::Parse("q=banjar%20sari&limit=20&parent=35.07");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->String("q"), "banjar sari");
  EXPECT_EQ(query->String("parent"), "35.07");
  EXPECT_EQ(query->Int("limit", 1, 200), 20);
  EXPECT_FALSE(query->String("offset").has_value());
  EXPECT_TRUE(query->Finish().ok());
}

// GET /api/v1/regions has no query string at all: the router passes "".
TEST(QueryReader, EmptyQueryStringHasNoParameters) {
  auto query = QueryReader::Parse("");
  ASSERT_TRUE(query.ok());
  EXPECT_FALSE(query->Int("limit", 1, 200).has_value());
  auto status = query->Finish();
  EXPECT_TRUE(status.ok()) << status.error().message;
}

TEST(QueryReader, ChecksIntegersAndTheirRange) {
  auto query = QueryReader::Parse("a=0&b=201&c=abc&d=12x&e=-1&f=200&g=");
  ASSERT_TRUE(query.ok());
  EXPECT_FALSE(query->Int("a", 1, 200).has_value());
  EXPECT_FALSE(query->Int("b", 1, 200).has_value());
  EXPECT_FALSE(query->Int("c", 1, 200).has_value());
  EXPECT_FALSE(query->Int("d", 1, 200).has_value());
  EXPECT_FALSE(query->Int("e", 0, 10).has_value());
  EXPECT_EQ(query->Int("f", 1, 200), 200);
  EXPECT_FALSE(query->Int("g", 0, 10).has_value());
  EXPECT_EQ(Fields(query->Finish().error()), (FieldList{{"a", "invalid_value"},
                                                        {"b", "invalid_value"},
                                                        {"c", "wrong_type"},
                                                        {"d", "wrong_type"},
                                                        {"e", "invalid_value"},
                                                        {"g", "wrong_type"}}));
}

TEST(QueryReader, ReadsFlagsAsTrueOrFalseOnlyAndReportsTheRestWithOtherErrors) {
  auto query = QueryReader::Parse("a=true&b=false&c=yes&d=1&e=TRUE&f=&limit=x");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->Bool("a"), true);
  EXPECT_EQ(query->Bool("b"), false);
  EXPECT_EQ(query->Bool("absent"), std::nullopt);
  for (const char* name : {"c", "d", "e", "f"}) EXPECT_EQ(query->Bool(name), std::nullopt) << name;
  EXPECT_FALSE(query->Int("limit", 1, 200).has_value());
  auto status = query->Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(Fields(status.error()), (FieldList{{"c", "invalid_value"},
                                               {"d", "invalid_value"},
                                               {"e", "invalid_value"},
                                               {"f", "invalid_value"},
                                               {"limit", "wrong_type"}}));
  EXPECT_EQ(status.error().fields.front().message, "c must be true or false");
}

TEST(QueryReader, RefusesByNameEveryParameterNoReadAskedForInTheQuerysOrder) {
  auto query = QueryReader::Parse("sort=name&q=%C3&limit=x&page=2&sort=size");
  ASSERT_TRUE(query.ok());
  EXPECT_FALSE(query->String("q").has_value());
  EXPECT_FALSE(query->Int("limit", 1, 200).has_value());
  auto status = query->Finish();
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(Fields(status.error()), (FieldList{{"sort", "unknown_field"},
                                               {"q", "invalid_format"},
                                               {"page", "unknown_field"},
                                               {"sort", "unknown_field"},
                                               {"limit", "wrong_type"}}));
  EXPECT_EQ(status.error().fields.front().message, "unknown query parameter sort");
}

TEST(QueryReader, ARepeatedParameterIsReadAsItsFirstValue) {
  auto query = QueryReader::Parse("status=open&status=closed");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->String("status"), "open");
  EXPECT_TRUE(query->Finish().ok())
      << "a repeated parameter is read as its first value, not refused";
}

TEST(QueryReader, AnUnreadableValueIsSkippedForTheNextOfItsName) {
  auto query = QueryReader::Parse("q=%C3&q=batik");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(query->String("q"), "batik");
  EXPECT_EQ(Fields(query->Finish().error()), (FieldList{{"q", "invalid_format"}}));
}

TEST(QueryReader, RejectsMalformedPercentEncoding) {
  EXPECT_FALSE(QueryReader::Parse("q=%ZZ").ok());
}

TEST(JsonResponse, IsNotCached) {
  Response response = JsonResponse(200, boost::json::object{{"a", 1}});
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Header("Content-Type"), "application/json");
  EXPECT_EQ(response.Header("Cache-Control"), "no-store");
  EXPECT_EQ(response.body, R"({"a":1})");
  EXPECT_EQ(NoContent().status, 204);
  EXPECT_TRUE(NoContent().body.empty());
}

}  // namespace
}  // namespace gotong::api
