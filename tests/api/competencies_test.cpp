// Community mentoring (seed 000): the catalogue of competencies, seeded from the papers, read by
// everyone signed in and kept by admins.
#include <algorithm>

#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

using CodeList = std::vector<std::string>;

class Competencies : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
    member_ = Login("member");
  }

  static CodeList CodesOf(const Reply& list) {
    CodeList codes;
    for (const auto& item : list.body.at("items").as_array()) codes.emplace_back(item.at("code").as_string());
    return codes;
  }
  static bool HasFieldError(const Reply& reply, const std::string& field_and_code) {
    auto errors = reply.field_errors();
    return std::find(errors.begin(), errors.end(), field_and_code) != errors.end();
  }
  std::int64_t IdOf(const std::string& code) {
    Reply all = Get("/api/v1/competencies?retired=true&limit=200", &admin_);
    for (const auto& item : all.body.at("items").as_array()) {
      if (item.at("code").as_string() == code) return item.at("id").as_int64();
    }
    ADD_FAILURE() << "no competency " << code;
    return 0;
  }

  Browser admin_, member_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Competencies);

TEST_P(Competencies, ASectorsListHasItsOwnSkillsFirstThenTheBusinessSkillsEverySectorShares) {
  Reply batik = Get("/api/v1/competencies?sector=batik", &member_);
  ASSERT_EQ(batik.status(), 200) << batik;
  EXPECT_EQ(batik.body.at("total"), 11);
  EXPECT_EQ(CodesOf(batik), (CodeList{"batik.cap", "batik.ecotik", "batik.canting", "batik.mondeng",
                                      "batik.pelorodan", "batik.pewarnaan", "usaha.jualan_daring",
                                      "usaha.kemasan", "usaha.harga", "usaha.pembukuan",
                                      "usaha.halal"}));
  const auto& ecotik = batik.body.at("items").as_array()[1];
  EXPECT_EQ(ecotik.at("name"), "Ecotik");
  EXPECT_EQ(ecotik.at("name_en"), "Ecotik (ecoprint with batik)");
  EXPECT_EQ(ecotik.at("sector"), "batik");
  EXPECT_EQ(ecotik.at("retired"), false);
  EXPECT_NE(std::string(ecotik.at("description").as_string()).find("ecoprint"), std::string::npos);
  EXPECT_TRUE(batik.body.at("items").as_array()[6].at("sector").is_null());

  Reply tape = Get("/api/v1/competencies?sector=food_processing&limit=3", &member_);
  ASSERT_EQ(tape.status(), 200) << tape;
  EXPECT_EQ(tape.body.at("total"), 8);
  EXPECT_EQ(CodesOf(tape), (CodeList{"tape.ragi", "tape.singkong", "tape.kemasan"}));

  Reply all = Get("/api/v1/competencies?limit=200", &member_);
  EXPECT_EQ(all.body.at("total"), 14);
  Reply one = Get("/api/v1/competencies/" + std::to_string(IdOf("batik.mondeng")), &member_);
  ASSERT_EQ(one.status(), 200) << one;
  EXPECT_EQ(one.body.at("name"), "Mondeng");
}

TEST_P(Competencies, AnAdminAddsRenamesAndRetiresOneAndTheLogKeepsEachChange) {
  Reply created = Write("POST", "/api/v1/competencies",
                        json::object{{"code", "batik.jumputan"},
                                     {"sector", "batik"},
                                     {"name", "  Jumputan  "},
                                     {"description", "Ikat celup: kain diikat lalu dicelup.\nPola lingkaran."}},
                        &admin_);
  ASSERT_EQ(created.status(), 201) << created;
  std::int64_t id = created.body.at("id").as_int64();
  EXPECT_EQ(created.header("Location"), "/api/v1/competencies/" + std::to_string(id));
  EXPECT_EQ(created.body.at("name"), "Jumputan");
  EXPECT_TRUE(created.body.at("name_en").is_null());
  EXPECT_EQ(Get("/api/v1/competencies?sector=batik", &member_).body.at("total"), 12);

  std::string path = "/api/v1/competencies/" + std::to_string(id);
  Reply renamed = Write("PATCH", path, json::object{{"name_en", "Tie-dye (jumputan)"}}, &admin_);
  ASSERT_EQ(renamed.status(), 200) << renamed;
  EXPECT_EQ(renamed.body.at("name_en"), "Tie-dye (jumputan)");
  EXPECT_EQ(renamed.body.at("name"), "Jumputan");

  Reply retired = Write("PATCH", path, json::object{{"retired", true}}, &admin_);
  ASSERT_EQ(retired.status(), 200) << retired;
  EXPECT_EQ(retired.body.at("retired"), true);
  // Retired: no longer offered, still found by id and in the full list.
  EXPECT_EQ(Get("/api/v1/competencies?sector=batik", &member_).body.at("total"), 11);
  EXPECT_EQ(Get("/api/v1/competencies?sector=batik&retired=true", &member_).body.at("total"), 12);
  EXPECT_EQ(Get(path, &member_).status(), 200);

  Reply log = Get("/api/v1/audit?entity=competency&entity_id=" + std::to_string(id), &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  ASSERT_EQ(log.body.at("total"), 3);
  const auto& last = log.body.at("items").as_array()[0];
  EXPECT_EQ(last.at("action"), "update");
  EXPECT_EQ(last.at("before").at("retired"), false);
  EXPECT_EQ(last.at("after").at("retired"), true);
}

TEST_P(Competencies, WrongInputIsRefusedNamingTheFieldAndWritesNothing) {
  auto post = [&](const json::object& body, const Browser& as) {
    return Write("POST", "/api/v1/competencies", body, &as);
  };
  Reply bad = post({{"code", "Batik Ecotik!"}, {"sector", "pottery"}, {"name", "   "}}, admin_);
  EXPECT_EQ(bad.status(), 400) << bad;
  EXPECT_TRUE(HasFieldError(bad, "code:invalid_format")) << bad;
  EXPECT_TRUE(HasFieldError(bad, "sector:invalid_value")) << bad;
  EXPECT_TRUE(HasFieldError(bad, "name:required")) << bad;
  Reply missing = post({{"name", "Jumputan"}}, admin_);
  EXPECT_EQ(missing.status(), 400) << missing;
  EXPECT_TRUE(HasFieldError(missing, "code:required")) << missing;
  Reply taken = post({{"code", "batik.ecotik"}, {"sector", "batik"}, {"name", "Ecotik lagi"}}, admin_);
  EXPECT_EQ(taken.status(), 409) << taken;
  EXPECT_TRUE(HasFieldError(taken, "code:already_exists")) << taken;
  Reply long_name = post({{"code", "batik.x"}, {"name", std::string(121, 'a')}}, admin_);
  EXPECT_EQ(long_name.status(), 400) << long_name;
  Reply unknown_field = post({{"code", "batik.x"}, {"name", "X"}, {"level", 3}}, admin_);
  EXPECT_EQ(unknown_field.status(), 400) << unknown_field;
  EXPECT_EQ(post({{"code", "batik.x"}, {"name", "X"}}, member_).status(), 403);
  EXPECT_EQ(Get("/api/v1/competencies?retired=true&limit=200", &admin_).body.at("total"), 14);

  std::string ecotik = "/api/v1/competencies/" + std::to_string(IdOf("batik.ecotik"));
  Reply immutable = Write("PATCH", ecotik, json::object{{"code", "batik.eco"}, {"sector", "fashion"}}, &admin_);
  EXPECT_EQ(immutable.status(), 400) << immutable;
  EXPECT_TRUE(HasFieldError(immutable, "code:immutable")) << immutable;
  EXPECT_TRUE(HasFieldError(immutable, "sector:immutable")) << immutable;
  Reply null_retired = Write("PATCH", ecotik, json::object{{"retired", nullptr}}, &admin_);
  EXPECT_EQ(null_retired.status(), 400) << null_retired;
  EXPECT_TRUE(HasFieldError(null_retired, "retired:required")) << null_retired;
  EXPECT_EQ(Get(ecotik, &admin_).body.at("name"), "Ecotik");
  EXPECT_EQ(Write("PATCH", ecotik, json::object{{"name", "X"}}, &member_).status(), 403);
  EXPECT_EQ(Write("PATCH", "/api/v1/competencies/999999", json::object{{"name", "X"}}, &admin_).status(), 404);

  Reply sector = Get("/api/v1/competencies?sector=pottery", &member_);
  EXPECT_EQ(sector.status(), 400) << sector;
  EXPECT_TRUE(HasFieldError(sector, "sector:invalid_value")) << sector;
  EXPECT_EQ(Get("/api/v1/competencies?level=3", &member_).status(), 400);
  EXPECT_EQ(Get("/api/v1/competencies/999999", &member_).status(), 404);
  EXPECT_EQ(Get("/api/v1/competencies").status(), 401);
}

}  // namespace
}  // namespace gotong::api_tests
