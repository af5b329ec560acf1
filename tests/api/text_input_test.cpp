// Hostile text at the API's edge: a control character (NUL, a line break where one line is
// meant) in any text field or query parameter is a 400 naming the field, and nothing is written.
// Multi-line texts (a meeting's minutes) keep their line breaks.
#include <string>

#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

using namespace std::string_literals;

class TextInput : public GroupTest {
 protected:
  static json::string Text(const std::string& text) { return json::string(text); }
};

TEST_P(TextInput, NulInAnEnterpriseNameIsRefusedNamingTheField) {
  Reply reply = Post("/api/v1/enterprises",
                     {{"owner", {{"name", Text("Siti\0Aminah"s)}}},
                      {"name", Text("Ba\0tik Sekar"s)},
                      {"sector", "batik"},
                      {"village_code", "35.79.02.2006"}},
                     officer_);
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.problem(), "invalid-input") << reply;
  EXPECT_EQ(reply.field_errors(),
            (std::vector<std::string>{"owner.name:control_character", "name:control_character"}));
  EXPECT_EQ(Get("/api/v1/enterprises", &admin_).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/people", &admin_).body.at("total"), 0);
  // Nor may a PATCH put one in, or a line break into a one-line field.
  Reply created = Post("/api/v1/enterprises",
                       {{"owner", {{"name", "Siti Aminah"}}}, {"name", "Batik Sekar"},
                        {"sector", "batik"}, {"village_code", "35.79.02.2006"}},
                       officer_);
  ASSERT_EQ(created.status(), 201) << created;
  std::string target = "/api/v1/enterprises/" + std::to_string(created.body.at("id").as_int64());
  Reply patched = Patch(target, {{"name", Text("Batik\nSekar")}, {"products", Text("kain\ttulis")}},
                        officer_);
  EXPECT_EQ(patched.status(), 400) << patched;
  EXPECT_EQ(patched.field_errors(),
            (std::vector<std::string>{"name:control_character", "products:control_character"}));
  EXPECT_EQ(Get(target, &admin_).body.at("name"), "Batik Sekar");
}

TEST_P(TextInput, NulInAGroupNameIsRefusedNamingTheField) {
  Reply reply = Post("/api/v1/groups",
                     {{"name", Text("Harapan\0Sejahtera"s)},
                      {"kind", "joint_business_group"},
                      {"sector", "food_processing"},
                      {"village_code", kBanjarsari}},
                     officer_);
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(), (std::vector<std::string>{"name:control_character"}));
  EXPECT_EQ(Get("/api/v1/groups", &admin_).body.at("total"), 0);
}

TEST_P(TextInput, MinutesKeepTheirLineBreaksButNotANul) {
  SeedGroup();
  Browser leader = Login("group_leader");
  const std::string minutes = "1. Iuran kas Rp 5.000\r\n2. Beli singkong bersama\n\tdisepakati";
  Reply held = Post("/api/v1/groups/1/meetings",
                    {{"held_on", "2026-01-02"}, {"agenda", Text("Iuran\nSingkong")},
                     {"minutes", Text(minutes)}},
                    leader);
  ASSERT_EQ(held.status(), 201) << held;
  EXPECT_EQ(std::string(held.body.at("minutes").as_string()), minutes);
  Reply nul = Post("/api/v1/groups/1/meetings",
                   {{"held_on", "2026-01-03"}, {"minutes", Text("Iuran\0kas"s)},
                    {"venue", Text("rumah\nBu Sulastri")}},
                   leader);
  ASSERT_EQ(nul.status(), 400) << nul;
  EXPECT_EQ(nul.field_errors(),
            (std::vector<std::string>{"venue:control_character", "minutes:control_character"}));
}

TEST_P(TextInput, ControlCharacterInAQueryParameterIsRefused) {
  Reply reply = Get("/api/v1/enterprises?q=ba%00tik", &admin_);
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(), (std::vector<std::string>{"q:control_character"}));
  EXPECT_EQ(Get("/api/v1/groups?q=harapan%0A", &admin_).field_errors(),
            (std::vector<std::string>{"q:control_character"}));
}

GOTONG_INSTANTIATE_FOR_BACKENDS(TextInput);

}  // namespace
}  // namespace gotong::api_tests
