#pragma once

// A group with its officers and members, for the groups context's API suites: group 1, kept by
// the harness's officer's stakeholder, in Banjarsari (Ngajum), formed by programme 1.

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "api/api_harness.hpp"

namespace gotong::api_tests {

inline constexpr const char* kBanjarsari = "35.07.20.2004";  // Banjarsari, Ngajum, Kabupaten Malang

inline bool HasFieldError(const Reply& reply, const std::string& field, const std::string& code = "") {
  auto errors = reply.field_errors();
  std::string wanted = code.empty() ? field + ":" : field + ":" + code;
  return std::any_of(errors.begin(), errors.end(), [&](const std::string& e) {
    return code.empty() ? e.rfind(wanted, 0) == 0 : e == wanted;
  });
}

inline std::vector<std::string> Words(const json::value& array) {
  std::vector<std::string> words;
  for (const auto& item : array.as_array()) words.emplace_back(item.as_string());
  return words;
}

class GroupTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
    officer_ = Login("officer");
  }

  Reply Post(const std::string& target, const json::object& body, const Browser& as) {
    return Write("POST", target, body, &as);
  }
  Reply Patch(const std::string& target, const json::object& body, const Browser& as) {
    return Write("PATCH", target, body, &as);
  }

  // Group 1, kept by the officer's stakeholder, with a leader, secretary, treasurer, a mentor
  // and two members; the harness's group accounts act as the leader, the mentor and a member.
  void SeedGroup() {
    Reply group = Post("/api/v1/groups",
                       {{"name", "Harapan Sejahtera"},
                        {"kind", "joint_business_group"},
                        {"sector", "food_processing"},
                        {"business_centre", "sentra tape Ngajum"},
                        {"village_code", kBanjarsari},
                        {"origin", "programme_formed"},
                        {"programme_id", 1},
                        {"legality", "Keputusan Kepala Desa Banjarsari No. 12/2019"},
                        {"legality_date", "2019-03-01"},
                        {"founded_on", "2018-06-01"}},
                       officer_);
    ASSERT_EQ(group.status(), 201) << group;
    ASSERT_EQ(group.body.at("id"), 1);
    leader_ = AddMember("Sulastri", "leader", UserId("group_leader"));
    secretary_ = AddMember("Sutini", "secretary");
    treasurer_ = AddMember("Suwarni", "treasurer");
    mentor_ = AddMember("Ibu Darmi", "member", UserId("mentor"), true);
    member_ = AddMember("Painem", "member", UserId("member"));
    other_ = AddMember("Tukini", "member");
    ASSERT_FALSE(HasFailure());
  }

  std::int64_t AddMember(const std::string& name, const std::string& role,
                         std::optional<std::int64_t> user_id = std::nullopt, bool mentor = false) {
    json::object body{{"person", {{"name", name}, {"gender", "female"}, {"village_code", kBanjarsari}}},
                      {"role", role},
                      {"mentor", mentor},
                      {"joined_on", "2018-06-01"}};
    if (user_id) body["user_id"] = *user_id;
    Reply reply = Post("/api/v1/groups/1/members", body, officer_);
    EXPECT_EQ(reply.status(), 201) << reply;
    if (reply.status() != 201) return 0;
    return reply.body.at("id").as_int64();
  }

  std::int64_t Meeting(const std::string& day, const Browser& as) {
    Reply reply = Post("/api/v1/groups/1/meetings",
                       {{"held_on", day}, {"kind", "formal"}, {"venue", "rumah Bu Sulastri"}}, as);
    EXPECT_EQ(reply.status(), 201) << reply;
    if (reply.status() != 201) return 0;
    return reply.body.at("id").as_int64();
  }

  Reply Attendance(std::int64_t meeting, const json::array& lines, const Browser& as) {
    return Write("PUT", "/api/v1/groups/1/meetings/" + std::to_string(meeting) + "/attendance",
                 json::object{{"attendance", lines}}, &as);
  }

  std::int64_t Proposal(const json::object& body, const Browser& as) {
    Reply reply = Post("/api/v1/groups/1/deliberations", body, as);
    EXPECT_EQ(reply.status(), 201) << reply;
    if (reply.status() != 201) return 0;
    return reply.body.at("id").as_int64();
  }

  Reply Vote(std::int64_t deliberation, json::object body, const Browser& as) {
    return Post("/api/v1/groups/1/deliberations/" + std::to_string(deliberation) + "/votes", body, as);
  }

  std::int64_t OptionId(std::int64_t deliberation, std::size_t index, const Browser& as) {
    Reply reply = Get("/api/v1/groups/1/deliberations/" + std::to_string(deliberation), &as);
    return reply.body.at("options").as_array().at(index).at("id").as_int64();
  }

  // The id of the catalogue's competency `code` ("tape.ragi"), retired or not.
  std::int64_t CompetencyId(const std::string& code) {
    Reply all = Get("/api/v1/competencies?retired=true&limit=200", &admin_);
    for (const auto& item : all.body.at("items").as_array()) {
      if (item.at("code").as_string() == code) return item.at("id").as_int64();
    }
    ADD_FAILURE() << "no competency " << code;
    return 0;
  }

  Browser admin_, officer_;
  std::int64_t leader_ = 0, secretary_ = 0, treasurer_ = 0, mentor_ = 0, member_ = 0, other_ = 0;
};

}  // namespace gotong::api_tests
