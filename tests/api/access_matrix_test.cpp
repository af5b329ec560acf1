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
