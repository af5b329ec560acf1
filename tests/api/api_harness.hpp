#pragma once

// The real API over the real services, called in process (no sockets): a TestDatabase of the
// parameter's backend, argon2id at its minimum cost, and a ManualClock.
//
// When GOTONG_API_RECORD_DIR names a folder, every response is also appended to
// responses-<pid>.jsonl there, one JSON line each: backend, test, method, target, status,
// content_type and the body (parsed when JSON; otherwise only its size).
// scripts/check-api-contract.mjs checks those lines against docs/openapi.yaml.

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <atomic>
#include <map>
#include <memory>
#include <string>

#include "api/api.hpp"
#include "core/clock.hpp"
#include "crypto/sodium.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/login_throttle.hpp"
#include "domain/regions/region_service.hpp"
#include "io/photo.hpp"
#include "optim/lemon_matching_solver.hpp"
#include "support/testing.hpp"

namespace gotong::api_tests {

namespace json = boost::json;
using domain::accounts::Role;

inline constexpr const char* kPassword = "correct horse battery staple";
inline constexpr const char* kStart = "2026-01-05T08:00:00Z";

// A response with its body parsed when it is JSON.
struct Reply {
  api::Response response;  // a streamed download's bytes are read into response.body
  json::value body;        // null when the body is empty or not JSON
  std::string body_file;   // where a streamed download was (removed once read)

  int status() const { return response.status; }
  std::string_view header(std::string_view name) const { return response.Header(name); }
  // The problem type without its "urn:gotong:problem:" prefix, or "".
  std::string problem() const;
  // "field:code" of each field error, in order.
  std::vector<std::string> field_errors() const;
};

// Prints status and body when an expectation on a reply fails.
std::ostream& operator<<(std::ostream& out, const Reply& reply);

// A browser that has signed in: its cookie and CSRF token.
struct Browser {
  std::string cookie;  // "gotong_session=..."
  std::string csrf;
  std::int64_t user_id = 0;
};

// A database that cannot be reached: every unit and ping fails with kUnavailable.
class DownDatabase final : public domain::Database {
 public:
  core::Result<std::unique_ptr<domain::UnitOfWork>> Begin(domain::Access) override {
    return core::Error::Unavailable("connection refused (test)");
  }
  std::string_view Backend() const override { return "postgresql"; }
  core::Status Ping() override {
    return core::Error::Unavailable("the database cannot be reached: connection refused (test)");
  }
};

// Every service, wired as app/runtime.cpp wires them, over `database`.
class Services {
 public:
  explicit Services(domain::Database& database, api::RouterOptions router = {});
  ~Services();  // removes work_dir and what the test left in it
  Services(const Services&) = delete;
  Services& operator=(const Services&) = delete;

  core::ManualClock clock;
  crypto::SodiumPasswordHasher hasher{crypto::Argon2Cost::Minimum()};
  crypto::SodiumSecretGenerator secrets;
  domain::accounts::LoginThrottle throttle{clock};
  domain::accounts::AccountService accounts;
  domain::regions::RegionService regions;
  domain::registry::RegistryService registry;
  domain::registry::ImportService imports;
  domain::groups::GroupService groups;
  domain::groups::MeetingService meetings;
  domain::groups::DeliberationService deliberations;
  domain::groups::TreasuryService treasury;
  domain::groups::CooperationService cooperation;
  domain::groups::MemberSummaryService member_summary;
  domain::mentoring::CompetencyService competencies;
  domain::mentoring::MentorshipService mentorships;
  domain::mentoring::CycleService cycles;
  domain::mentoring::SurveyService surveys;
  io::VipsPhotoEncoder photos;
  domain::mentoring::HelpRequestService help_requests;
  optim::LemonMatchingSolver matching_solver;
  domain::mentoring::MatchingRunService matching_runs;
  domain::programmes::ProgrammeService programmes;
  domain::programmes::AssistanceService assistance;
  domain::programmes::TargetingService targeting;
  domain::programmes::ExitService exits;
  domain::programmes::DashboardService dashboards;
  domain::idempotency::IdempotencyService idempotency;
  std::vector<std::int64_t> queued_imports;  // jobs POST /imports handed to the worker
  std::vector<std::int64_t> queued_matching;  // runs POST /matching/runs handed to the worker
  std::string work_dir;                      // a fresh folder for uploads and exports
  api::Api app;  // the whole HTTP surface under test

  Reply Send(const std::string& method, const std::string& target, const std::string& body = "",
             api::Headers headers = {}, const std::string& remote_address = "127.0.0.1");

 private:
  std::atomic<int> request_count_{0};
  std::string backend_;  // the database's Backend(), or "down" for a DownDatabase
};

class ApiTest : public testing::DatabaseTest {
 protected:
  void SetUp() override;

  Services& services() { return *services_; }
  core::ManualClock& clock() { return services_->clock; }

  // Creates a user through the service as the console does; returns its id.
  std::int64_t CreateUser(const std::string& username, Role role,
                          const std::string& password = kPassword);
  std::int64_t UserId(const std::string& username) const { return user_ids_.at(username); }

  // POST /api/v1/session; fails the test unless it answers 201.
  Browser Login(const std::string& username, const std::string& password = kPassword);

  Reply Get(const std::string& target, const Browser* as = nullptr);
  // A JSON write with the browser's cookie and (unless told otherwise) its CSRF token.
  Reply Write(const std::string& method, const std::string& target, const json::value& body,
              const Browser* as, bool with_csrf = true);
  Reply WithBearer(const std::string& method, const std::string& target, const std::string& token,
                   const std::string& body = "");

  // The seeded users: one per role, named after it ("admin", "officer", ...), password kPassword.
  static std::string NameOf(Role role);

 private:
  std::unique_ptr<Services> services_;
  std::map<std::string, std::int64_t> user_ids_;
};

}  // namespace gotong::api_tests
