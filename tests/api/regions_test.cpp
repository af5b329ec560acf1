#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

class RegionsApi : public ApiTest {
 protected:
  const json::object* FindItem(const Reply& reply, const std::string& code) {
    for (const auto& item : reply.body.at("items").as_array()) {
      if (item.at("code") == json::value(code)) return &item.as_object();
    }
    return nullptr;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(RegionsApi);

TEST_P(RegionsApi, WithoutParametersListsTheProvinces) {
  Reply reply = Get("/api/v1/regions");
  ASSERT_EQ(reply.status(), 200) << reply;
  EXPECT_EQ(reply.body.at("total"), 38);
  EXPECT_EQ(reply.body.at("limit"), 50);
  EXPECT_EQ(reply.body.at("offset"), 0);
  EXPECT_EQ(reply.body.at("items").as_array().size(), 38u);
  EXPECT_EQ(reply.header("Cache-Control"), "public, max-age=3600");
  const json::object* jatim = FindItem(reply, "35");
  ASSERT_NE(jatim, nullptr);
  EXPECT_EQ(*jatim, (json::object{{"code", "35"},
                                  {"name", "Jawa Timur"},
                                  {"level", "province"},
                                  {"parent_code", nullptr},
                                  {"has_children", true},
                                  {"path", json::array{{{"code", "35"}, {"name", "Jawa Timur"}}}}}));
}

TEST_P(RegionsApi, ParentListsItsChildrenWithPaths) {
  Reply reply = Get("/api/v1/regions?parent=35.07");
  ASSERT_EQ(reply.status(), 200) << reply;
  const auto& items = reply.body.at("items").as_array();
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(reply.body.at("total").as_int64(), static_cast<std::int64_t>(items.size()));
  for (const auto& item : items) {
    EXPECT_EQ(item.at("level"), "district");
    EXPECT_EQ(item.at("parent_code"), "35.07");
    EXPECT_EQ(item.at("has_children"), true);
    const auto& path = item.at("path").as_array();
    ASSERT_EQ(path.size(), 3u);
    EXPECT_EQ(path[0], (json::object{{"code", "35"}, {"name", "Jawa Timur"}}));
    EXPECT_EQ(path[1], (json::object{{"code", "35.07"}, {"name", "Kabupaten Malang"}}));
    EXPECT_EQ(path[2].at("code"), item.at("code"));
    EXPECT_EQ(path[2].at("name"), item.at("name"));
  }
  ASSERT_NE(FindItem(reply, "35.07.20"), nullptr);
  EXPECT_EQ(FindItem(reply, "35.07.20")->at("name"), "Ngajum");
}

TEST_P(RegionsApi, SearchFindsBanjarsariInNgajumWithItsPath) {
  Reply reply = Get("/api/v1/regions?q=banjarsari");
  ASSERT_EQ(reply.status(), 200) << reply;
  EXPECT_GE(reply.body.at("total").as_int64(), 60);
  const json::object* village = FindItem(reply, "35.07.20.2004");
  ASSERT_NE(village, nullptr) << "not on the first page: " << reply;
  EXPECT_EQ(village->at("name"), "Banjarsari");
  EXPECT_EQ(village->at("level"), "village");
  EXPECT_EQ(village->at("parent_code"), "35.07.20");
  EXPECT_EQ(village->at("has_children"), false);
  EXPECT_EQ(village->at("path"), (json::array{{{"code", "35"}, {"name", "Jawa Timur"}},
                                             {{"code", "35.07"}, {"name", "Kabupaten Malang"}},
                                             {{"code", "35.07.20"}, {"name", "Ngajum"}},
                                             {{"code", "35.07.20.2004"}, {"name", "Banjarsari"}}}));
  // Case does not matter; percent-encoding is decoded.
  Reply upper = Get("/api/v1/regions?q=BANJAR%53ARI");
  EXPECT_EQ(upper.body.at("total"), reply.body.at("total"));
}

TEST_P(RegionsApi, SearchTreatsLikeWildcardsAsText) {
  for (const char* q : {"%25%25", "__", "b_njarsari", "banjar%25"}) {
    Reply reply = Get(std::string("/api/v1/regions?q=") + q);
    ASSERT_EQ(reply.status(), 200) << q << ": " << reply;
    EXPECT_EQ(reply.body.at("total"), 0) << q;
  }
}

TEST_P(RegionsApi, PagingWalksTheWholeList) {
  Reply first = Get("/api/v1/regions?parent=35.07&limit=10");
  Reply second = Get("/api/v1/regions?parent=35.07&limit=10&offset=10");
  ASSERT_EQ(first.status(), 200) << first;
  ASSERT_EQ(second.status(), 200) << second;
  EXPECT_EQ(first.body.at("items").as_array().size(), 10u);
  EXPECT_EQ(second.body.at("offset"), 10);
  EXPECT_NE(first.body.at("items").at(0).at("code"), second.body.at("items").at(0).at("code"));
  EXPECT_EQ(Get("/api/v1/regions?parent=35.07&limit=200").status(), 200);
  EXPECT_EQ(Get("/api/v1/regions?limit=1").status(), 200);
}

TEST_P(RegionsApi, BadParametersAre400NamingTheField) {
  struct Case {
    const char* query;
    std::vector<std::string> fields;
  };
  for (const Case& c : std::vector<Case>{
           {"parent=35.07&q=x", {"q:invalid_value"}},
           {"parent=35.07&q=malang", {"q:invalid_value"}},
           {"parent=abc", {"parent:invalid_format"}},
           {"parent=35.7", {"parent:invalid_format"}},
           {"parent=", {"parent:invalid_format"}},
           {"q=a", {"q:too_short"}},
           {"q=", {"q:too_short"}},
           {"limit=0", {"limit:invalid_value"}},
           {"limit=201", {"limit:invalid_value"}},
           {"limit=ten", {"limit:wrong_type"}},
           {"offset=-1", {"offset:invalid_value"}},
           {"level=village", {"level:unknown_field"}},
           {"q=%C3", {"q:invalid_format"}},
       }) {
    Reply reply = Get(std::string("/api/v1/regions?") + c.query);
    ASSERT_EQ(reply.status(), 400) << c.query << ": " << reply;
    EXPECT_EQ(reply.problem(), "invalid-input") << c.query;
    EXPECT_EQ(reply.field_errors(), c.fields) << c.query;
  }
}

TEST_P(RegionsApi, UnknownParentIs404) {
  Reply reply = Get("/api/v1/regions?parent=99.99");
  EXPECT_EQ(reply.status(), 404) << reply;
  EXPECT_EQ(reply.problem(), "not-found");
  EXPECT_EQ(Get("/api/v1/regions?parent=99").status(), 404);
}

TEST_P(RegionsApi, OneRegionByCode) {
  Reply reply = Get("/api/v1/regions/35.07.20.2004");
  ASSERT_EQ(reply.status(), 200) << reply;
  EXPECT_EQ(reply.body.at("name"), "Banjarsari");
  EXPECT_EQ(reply.body.at("path").as_array().size(), 4u);
  EXPECT_EQ(reply.header("Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(Get("/api/v1/regions/35").body.at("name"), "Jawa Timur");
}

TEST_P(RegionsApi, UnknownOrMalformedCodeIs404) {
  for (const char* code : {"99.99", "99", "abc", "35.7", "35.07.20.2004.1", "%20"}) {
    Reply reply = Get(std::string("/api/v1/regions/") + code);
    EXPECT_EQ(reply.status(), 404) << code << ": " << reply;
    EXPECT_EQ(reply.problem(), "not-found") << code;
  }
}

}  // namespace
}  // namespace gotong::api_tests
