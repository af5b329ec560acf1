// The admin's audit log read by who made a change and by the days it was made (issue 13).
#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

class Audit : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");  // 2026-01-05T08:00:00Z: 17:00 on 5 January in UTC+9
  }

  Reply List(const std::string& query) { return Get("/api/v1/audit?" + query, &admin_); }

  // "action by username" of every entry the query finds, newest first.
  std::vector<std::string> Found(const std::string& query) {
    Reply reply = List(query);
    EXPECT_EQ(reply.status(), 200) << query << ": " << reply;
    if (reply.status() != 200) return {};
    std::vector<std::string> out;
    const auto& items = reply.body.at("items").as_array();
    EXPECT_EQ(reply.body.at("total").as_int64(), static_cast<std::int64_t>(items.size())) << query;
    for (const auto& item : items) {
      const auto& actor = item.at("actor");
      std::string who = actor.is_null() ? "system" : std::string(actor.at("username").as_string());
      out.push_back(std::string(item.at("entity").as_string()) + " " +
                    std::string(item.at("action").as_string()) + " by " + who);
    }
    return out;
  }

  Browser admin_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Audit);

using Lines = std::vector<std::string>;

TEST_P(Audit, FiltersByWhoAndByDayInIndonesianTime) {
  // 15:30 UTC on 5 January is already 00:30 on 6 January in UTC+9.
  clock().Advance(std::chrono::hours{7} + std::chrono::minutes{30});
  Browser officer = Login("officer");
  // A day later, 7 January in UTC+9: the admin signs in again (her session has idled out).
  clock().Advance(std::chrono::hours{24});
  admin_ = Login("admin");
  ASSERT_EQ(Write("POST", "/api/v1/users",
                  json::object{{"username", "rina"}, {"role", "member"}, {"password", kPassword}},
                  &admin_)
                .status(),
            201);
  officer = Login("officer");
  std::string officer_id = std::to_string(UserId("officer"));
  std::string admin_id = std::to_string(UserId("admin"));

  EXPECT_EQ(Found("actor=" + officer_id),
            (Lines{"session login by officer", "session login by officer"}));
  EXPECT_EQ(Found("actor=" + admin_id),
            (Lines{"user create by admin", "session login by admin", "session login by admin"}));
  EXPECT_EQ(Found("actor=" + officer_id + "&from=2026-01-06&to=2026-01-06"),
            (Lines{"session login by officer"}));
  Reply sixth = List("actor=" + officer_id + "&from=2026-01-06&to=2026-01-06");
  EXPECT_EQ(sixth.body.at("items").at(0).at("at"), "2026-01-05T15:30:00Z")
      << "the day is counted in UTC+9, the instant kept in UTC";
  EXPECT_EQ(Found("actor=" + officer_id + "&to=2026-01-05"), Lines{});
  EXPECT_EQ(Found("actor=" + officer_id + "&from=2026-01-07"), (Lines{"session login by officer"}));

  // One day: the seeding (no account) and the admin's sign-in, nobody else's.
  Lines fifth = Found("from=2026-01-05&to=2026-01-05");
  ASSERT_EQ(fifth.size(), 8u);  // the stakeholder, six users, the admin's sign-in
  EXPECT_EQ(fifth.front(), "session login by admin");
  for (std::size_t i = 1; i < fifth.size(); ++i)
    EXPECT_NE(fifth[i].find(" by system"), std::string::npos);

  // "system": the changes made without an account.
  Lines system = Found("actor=system");
  EXPECT_EQ(system.size(), 7u);
  for (const auto& line : system) EXPECT_NE(line.find(" by system"), std::string::npos) << line;
  EXPECT_EQ(Found("actor=system&from=2026-01-06"), Lines{});

  // Combined with the entity filters, and paged over the filtered entries.
  EXPECT_EQ(Found("entity=session&actor=" + admin_id + "&to=2026-01-06"),
            (Lines{"session login by admin"}));
  EXPECT_EQ(Found("entity=user&actor=" + admin_id + "&from=2026-01-07&to=2026-01-07"),
            (Lines{"user create by admin"}));
  EXPECT_EQ(Found("entity=user&entity_id=" + officer_id + "&actor=system"),
            (Lines{"user create by system"}));
  Reply page = List("actor=" + officer_id + "&limit=1&offset=1");
  ASSERT_EQ(page.status(), 200) << page;
  EXPECT_EQ(page.body.at("total"), 2);
  EXPECT_EQ(page.body.at("items").as_array().size(), 1u);

  // An id no user has finds nothing, as other filters by id do.
  EXPECT_EQ(Found("actor=999999"), Lines{});
}

TEST_P(Audit, RefusesAWrongWhoOrDayNamingTheParameter) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"actor=abc", "actor:wrong_type"},
      {"actor=", "actor:wrong_type"},
      {"actor=1.5", "actor:wrong_type"},
      {"actor=SYSTEM", "actor:wrong_type"},
      {"actor=0", "actor:invalid_value"},
      {"actor=-3", "actor:invalid_value"},
      {"from=2026-13-01", "from:invalid_format"},
      {"from=2026-02-30", "from:invalid_format"},
      {"to=05-01-2026", "to:invalid_format"},
      {"to=2026-01-05T00:00:00Z", "to:invalid_format"},
      {"from=", "from:invalid_format"},
      {"from=2026-01-07&to=2026-01-05", "from:after_to"},
      {"from=yesterday&to=2026-01-05", "from:invalid_format"},
      {"actor=system&from=2026-01-07&to=2026-01-06", "from:after_to"},
      {"who=1", "who:unknown_field"},
  };
  for (const auto& [query, field] : cases) {
    Reply reply = List(query);
    EXPECT_EQ(reply.status(), 400) << query << ": " << reply;
    EXPECT_EQ(reply.field_errors(), std::vector<std::string>{field}) << query;
  }
  // Both dates wrong: both named at once.
  Reply both = List("from=x&to=y");
  EXPECT_EQ(both.field_errors(),
            (std::vector<std::string>{"from:invalid_format", "to:invalid_format"}));
  // The same day on both ends is one day, not an error.
  EXPECT_EQ(List("from=2026-01-05&to=2026-01-05").status(), 200);
  // Only an admin reads the log, whatever the filters.
  Browser officer = Login("officer");
  EXPECT_EQ(Get("/api/v1/audit?actor=system", &officer).status(), 403);
}

}  // namespace
}  // namespace gotong::api_tests
