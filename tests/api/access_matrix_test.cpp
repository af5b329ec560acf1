// Every route × every role (and anonymous): the status class the route's Access implies. The test
// walks the route table itself, so a route added later is covered without touching this file.
#include <algorithm>
#include <map>
#include <regex>

#include "api/api_harness.hpp"

namespace gotong::api_tests {
namespace {

class AccessMatrix : public ApiTest {
 protected:
  // The pattern with each {parameter} filled with something that exists.
  std::string Concrete(const std::string& pattern) {
    static const std::regex kParameter(R"(\{([a-z_]+)\})");
    std::string out;
    auto begin = std::sregex_iterator(pattern.begin(), pattern.end(), kParameter);
    std::size_t last = 0;
    for (auto it = begin; it != std::sregex_iterator(); ++it) {
      out += pattern.substr(last, static_cast<std::size_t>(it->position()) - last);
      std::string name = (*it)[1];
      if (name == "id" && pattern.rfind("/api/v1/users/", 0) == 0) {
        // A user of its own: a password reset must not lock out the roles the matrix signs in as.
        out += std::to_string(Bystander());
      } else if (name == "id") {
        out += std::to_string(UserId("member"));
      } else if (name == "code") {
        out += "35.07";
      } else if (name.ends_with("_id")) {  // a record inside a group ({member_id}, ...)
        out += "1";
      } else {
        ADD_FAILURE() << "no sample value for path parameter {" << name << "} in " << pattern
                      << ": teach AccessMatrix::Concrete about it";
        out += "1";
      }
      last = static_cast<std::size_t>(it->position() + it->length());
    }
    return out + pattern.substr(last);
  }

  std::int64_t Bystander() {
    if (bystander_ == 0) bystander_ = CreateUser("bystander", Role::kMember);
    return bystander_;
  }
  std::int64_t bystander_ = 0;

  // Calls the route as `role` (anonymous when empty), signed in afresh so that earlier calls (a
  // logout, a password change) cannot affect this one.
  Reply Call(const api::Route& route, std::optional<Role> role) {
    std::string target = Concrete(route.pattern);
    api::Headers headers;
    std::string body;
    if (route.method != "GET") {
      headers.emplace_back("Content-Type", "application/json");
      body = "{}";
    }
    if (role) {
      Browser browser = Login(NameOf(*role));
      headers.emplace_back("Cookie", browser.cookie);
      headers.emplace_back("X-CSRF-Token", browser.csrf);
    }
    return services().Send(route.method, target, body, std::move(headers));
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(AccessMatrix);

std::string Describe(const api::Route& route, std::optional<Role> role) {
  return route.method + " " + route.pattern + " as " +
         (role ? std::string(domain::accounts::ToString(*role)) : std::string("anonymous"));
}

bool Refused(int status) { return status == 401 || status == 403; }

TEST_P(AccessMatrix, EveryRouteAnswersEveryCallerAsItsAccessSays) {
  const auto& routes = services().app.routes();
  ASSERT_GE(routes.size(), 10u);
  int public_routes = 0, signed_in_routes = 0, role_routes = 0;
  for (const api::Route& route : routes) {
    const api::Access& access = route.access;
    if (access.is_public) {
      ++public_routes;
    } else if (access.roles.empty()) {
      ++signed_in_routes;
    } else {
      ++role_routes;
    }

    Reply anonymous = Call(route, std::nullopt);
    if (access.is_public) {
      EXPECT_FALSE(Refused(anonymous.status())) << Describe(route, std::nullopt) << ": " << anonymous;
    } else {
      EXPECT_EQ(anonymous.status(), 401) << Describe(route, std::nullopt) << ": " << anonymous;
    }

    for (Role role : domain::accounts::kAllRoles) {
      Reply reply = Call(route, role);
      bool allowed = access.is_public || access.roles.empty() ||
                     std::find(access.roles.begin(), access.roles.end(), role) != access.roles.end();
      if (allowed) {
        EXPECT_FALSE(Refused(reply.status())) << Describe(route, role) << ": " << reply;
        EXPECT_LT(reply.status(), 500) << Describe(route, role) << ": " << reply;
      } else {
        EXPECT_EQ(reply.status(), 403) << Describe(route, role) << ": " << reply;
        EXPECT_EQ(reply.problem(), "forbidden") << Describe(route, role);
      }
    }
  }
  // The table as it stands: guard against the matrix silently testing nothing of a kind.
  EXPECT_GE(public_routes, 3);
  EXPECT_GE(signed_in_routes, 3);
  EXPECT_GE(role_routes, 5);
}

// A route open to every signed-in caller whose service narrows by reach: the programme's outcomes
// answer each role what its scope reaches of programme 1's group, and a 404 (not a 403) for what
// it does not, so that a programme outside one's reach is not seen to exist.
TEST_P(AccessMatrix, TheProgrammesOutcomesAnswerEachRoleOnlyWhatItsScopeReaches) {
  Browser admin = Login(NameOf(Role::kAdmin));
  Reply group = Write("POST", "/api/v1/groups",
                      json::object{{"name", "Harapan Sejahtera"},
                                   {"kind", "learning_community"},
                                   {"sector", "food_processing"},
                                   {"village_code", "35.07.20.2004"},
                                   {"origin", "programme_formed"},
                                   {"programme_id", 1},
                                   {"steward_id", 1}},
                      &admin);
  ASSERT_EQ(group.status(), 201) << group;
  // The group roles' accounts are scoped to group 1 but linked to none of its members: they reach
  // nothing of it.
  const std::map<Role, int> expected{{Role::kAdmin, 200},       {Role::kOfficer, 200}, {Role::kFacilitator, 200},
                                     {Role::kGroupLeader, 404}, {Role::kMentor, 404},  {Role::kMember, 404}};
  for (Role role : domain::accounts::kAllRoles) {
    Browser browser = Login(NameOf(role));
    Reply reply = Get("/api/v1/programmes/1/learning-outcomes", &browser);
    EXPECT_EQ(reply.status(), expected.at(role)) << NameOf(role) << ": " << reply;
    Reply other = Get("/api/v1/programmes/2/learning-outcomes", &browser);
    EXPECT_EQ(other.status(), 404) << NameOf(role) << ": " << other;
  }
  EXPECT_EQ(Get("/api/v1/programmes/1/learning-outcomes").status(), 401);
}

// Exit to a local hero, follow-ups and the programme dashboard (issue 15): open to every signed-in
// caller, narrowed by the service. On programme 1 with group 1 enrolled (the harness's facilitator
// its facilitator): admins, the owner's officers and the group's facilitator read and write;
// the group roles' accounts, linked to no member of group 1, reach nothing of it (404), as does
// everyone on a programme that does not exist. Every route of the family is listed, so that a new
// one must be added here.
TEST_P(AccessMatrix, TheExitsFollowUpsAndDashboardAnswerEachRoleWhatItsScopeReaches) {
  Browser admin = Login(NameOf(Role::kAdmin));
  Reply group = Write("POST", "/api/v1/groups",
                      json::object{{"name", "Harapan Sejahtera"},
                                   {"kind", "joint_business_group"},
                                   {"sector", "food_processing"},
                                   {"village_code", "35.07.20.2004"},
                                   {"origin", "self_initiated"},
                                   {"steward_id", 1}},
                      &admin);
  ASSERT_EQ(group.status(), 201) << group;
  Reply programme = Write("POST", "/api/v1/programmes",
                          json::object{{"name", "Pemberdayaan Kelompok Tape"},
                                       {"owner_id", 1},
                                       {"starts_on", "2025-01-01"},
                                       {"ends_on", "2025-06-30"},
                                       {"factors", json::array{"human_resources"}},
                                       {"budget", 0},
                                       {"follow_up_months", json::array{3}}},
                          &admin);
  ASSERT_EQ(programme.status(), 201) << programme;
  Reply enrolled = Write("POST", "/api/v1/programmes/1/enrolments",
                         json::object{{"group_id", 1}, {"enrolled_on", "2025-01-10"},
                                      {"facilitator_id", UserId(NameOf(Role::kFacilitator))}},
                         &admin);
  ASSERT_EQ(enrolled.status(), 201) << enrolled;

  struct Case {
    std::string method, path;
    int manager;  // admin, officer and the group's facilitator: the request is theirs to make
  };
  // The writes carry an empty body: a manager is told what is missing (400) or that nobody is
  // nominated yet (409), never refused.
  const std::vector<Case> cases{
      {"GET", "/api/v1/programmes/1/exits", 200},
      {"GET", "/api/v1/programmes/1/exits/1", 200},
      {"POST", "/api/v1/programmes/1/exits/1/nominations", 400},
      {"PATCH", "/api/v1/programmes/1/exits/1/checklist", 409},
      {"POST", "/api/v1/programmes/1/exits/1/hand-over", 409},
      {"GET", "/api/v1/programmes/1/follow-ups", 200},
      {"POST", "/api/v1/programmes/1/follow-ups", 400},
      {"GET", "/api/v1/programmes/1/follow-ups/1", 200},
      {"GET", "/api/v1/programmes/1/dashboard", 200}};
  int family = 0;
  for (const api::Route& route : services().app.routes()) {
    const std::string& p = route.pattern;
    if (p.find("/exits") != std::string::npos || p.find("/follow-ups") != std::string::npos ||
        p == "/api/v1/programmes/{id}/dashboard") {
      ++family;
    }
  }
  EXPECT_EQ(family, static_cast<int>(cases.size())) << "a route of the family is missing from the cases";
  for (Role role : domain::accounts::kAllRoles) {
    Browser browser = Login(NameOf(role));
    const bool manager = role == Role::kAdmin || role == Role::kOfficer || role == Role::kFacilitator;
    for (const auto& c : cases) {
      Reply reply = c.method == "GET" ? Get(c.path, &browser) : Write(c.method, c.path, json::object{}, &browser);
      EXPECT_EQ(reply.status(), manager ? c.manager : 404) << c.method << " " << c.path << " as " << NameOf(role)
                                                           << ": " << reply;
      std::string elsewhere = c.path;
      elsewhere.replace(elsewhere.find("/programmes/1"), 13, "/programmes/9");
      Reply other = c.method == "GET" ? Get(elsewhere, &browser) : Write(c.method, elsewhere, json::object{}, &browser);
      EXPECT_EQ(other.status(), 404) << c.method << " " << elsewhere << " as " << NameOf(role) << ": " << other;
    }
  }
}

// The admin-only routes of today, by name: the table must keep them admin-only.
TEST_P(AccessMatrix, AccountAdministrationIsAdminOnly) {
  for (const api::Route& route : services().app.routes()) {
    bool admin_area = route.pattern.rfind("/api/v1/users", 0) == 0 ||
                      route.pattern.rfind("/api/v1/audit", 0) == 0;
    if (!admin_area) continue;
    EXPECT_FALSE(route.access.is_public) << route.method << " " << route.pattern;
    EXPECT_EQ(route.access.roles, std::vector<Role>{Role::kAdmin})
        << route.method << " " << route.pattern;
  }
}

// The assistance ledger, its loans and a programme's budget (issue 15): kept by admins, officers
// and facilitators only (the service narrows each to its own records).
TEST_P(AccessMatrix, TheAssistanceLedgerIsForAdminsOfficersAndFacilitators) {
  const std::vector<Role> keepers{Role::kAdmin, Role::kOfficer, Role::kFacilitator};
  int ledger_routes = 0;
  for (const api::Route& route : services().app.routes()) {
    const std::string& p = route.pattern;
    bool ledger = p.rfind("/api/v1/assistance", 0) == 0 || p.rfind("/api/v1/loans", 0) == 0 ||
                  p == "/api/v1/programmes/{id}/budget";
    if (!ledger) continue;
    ++ledger_routes;
    EXPECT_FALSE(route.access.is_public) << route.method << " " << p;
    EXPECT_EQ(route.access.roles, keepers) << route.method << " " << p;
  }
  EXPECT_EQ(ledger_routes, 7);
}

// Targeting (issue 15): every route open to the signed-in, narrowed by the programme's reach. Its
// managers (admins, the owner's officers) list candidates and the facilitators they may name; its
// facilitator reads the programme but neither candidates, rounds nor the facilitators (403); group
// accounts do not reach it (404); /me/selections answers everyone with their own (none here).
TEST_P(AccessMatrix, TargetingAnswersEachRoleWhatTheProgrammesReachAllows) {
  ASSERT_OK(test_database().Execute(
      "INSERT INTO programmes (name, search_name, owner_id, status, starts_on, ends_on, capital_access, "
      "human_resources, partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, "
      "budget, follow_up_months, created_at, updated_at) VALUES ('Modal Usaha', 'modal usaha', 1, 'active', "
      "'2025-01-01', '2026-12-31', 1, 0, 0, 0, 1, 0, 0, '', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')"));
  ASSERT_OK(test_database().Execute(
      "INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, position) VALUES "
      "(1, 1, 'owner', 'government', 0)"));
  int targeting_routes = 0;
  for (const api::Route& route : services().app.routes()) {
    const std::string& p = route.pattern;
    if (p.find("/candidates") != std::string::npos || p.find("/rounds") != std::string::npos ||
        p == "/api/v1/me/selections") {
      ++targeting_routes;
      EXPECT_FALSE(route.access.is_public) << p;
      EXPECT_TRUE(route.access.roles.empty()) << p;
    }
  }
  EXPECT_EQ(targeting_routes, 9);
  const std::map<Role, int> reads{{Role::kAdmin, 200},       {Role::kOfficer, 200}, {Role::kFacilitator, 403},
                                  {Role::kGroupLeader, 404}, {Role::kMentor, 404},  {Role::kMember, 404}};
  for (Role role : domain::accounts::kAllRoles) {
    Browser browser = Login(NameOf(role));
    for (const char* target : {"/api/v1/programmes/1/candidates", "/api/v1/programmes/1/rounds",
                               "/api/v1/programmes/1/facilitators"}) {
      Reply reply = Get(target, &browser);
      EXPECT_EQ(reply.status(), reads.at(role)) << NameOf(role) << " " << target << ": " << reply;
    }
    Reply round = Get("/api/v1/programmes/1/rounds/1", &browser);
    EXPECT_EQ(round.status(), reads.at(role) == 200 ? 404 : reads.at(role)) << NameOf(role) << ": " << round;
    Reply confirm = Write("POST", "/api/v1/programmes/1/rounds/1/confirm", json::object{{"count", 1}}, &browser);
    const int manage = role == Role::kAdmin || role == Role::kOfficer ? 404 : reads.at(role);
    EXPECT_EQ(confirm.status(), manage) << NameOf(role) << ": " << confirm;
    Reply mine = Get("/api/v1/me/selections", &browser);
    EXPECT_EQ(mine.status(), 200) << NameOf(role) << ": " << mine;
  }
}

// The dashboards (issue 15): equity for admins and officers (it reads the whole registry and
// ledger), the helix network also for facilitators.
TEST_P(AccessMatrix, TheDashboardsAreForTheOfficeAndTheHelixAlsoForFacilitators) {
  int dashboard_routes = 0;
  for (const api::Route& route : services().app.routes()) {
    if (route.pattern.rfind("/api/v1/dashboards/", 0) != 0) continue;
    ++dashboard_routes;
    EXPECT_FALSE(route.access.is_public) << route.method << " " << route.pattern;
    if (route.pattern == "/api/v1/dashboards/equity") {
      EXPECT_EQ(route.access.roles, (std::vector<Role>{Role::kAdmin, Role::kOfficer}));
    } else {
      EXPECT_EQ(route.access.roles, (std::vector<Role>{Role::kAdmin, Role::kOfficer, Role::kFacilitator}))
          << route.pattern;
    }
  }
  EXPECT_EQ(dashboard_routes, 2);
}

}  // namespace
}  // namespace gotong::api_tests
