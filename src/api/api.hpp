#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/http.hpp"
#include "api/router.hpp"
#include "core/clock.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/database.hpp"
#include "domain/groups/cooperation_service.hpp"
#include "domain/groups/deliberation_service.hpp"
#include "domain/groups/meeting_service.hpp"
#include "domain/groups/member_summary_service.hpp"
#include "domain/groups/group_service.hpp"
#include "domain/groups/treasury_service.hpp"
#include "domain/idempotency/idempotency_service.hpp"
#include "domain/mentoring/competency_service.hpp"
#include "domain/mentoring/cycle_service.hpp"
#include "domain/mentoring/matching_run_service.hpp"
#include "domain/mentoring/survey_service.hpp"
#include "domain/mentoring/help_request_service.hpp"
#include "domain/programmes/programme_service.hpp"
#include "domain/programmes/assistance_service.hpp"
#include "domain/programmes/targeting_service.hpp"
#include "domain/programmes/exit_service.hpp"
#include "domain/programmes/dashboard_service.hpp"
#include "domain/regions/region_service.hpp"
#include "domain/registry/import_service.hpp"
#include "domain/registry/registry_service.hpp"

namespace gotong::api {

struct Services {
  domain::Database& database;
  domain::accounts::AccountService& accounts;
  domain::regions::RegionService& regions;
  domain::registry::RegistryService& registry;
  domain::registry::ImportService& imports;
  domain::groups::GroupService& groups;
  domain::groups::MeetingService& meetings;
  domain::groups::DeliberationService& deliberations;
  domain::groups::TreasuryService& treasury;
  domain::groups::CooperationService& cooperation;
  domain::groups::MemberSummaryService& member_summary;
  domain::mentoring::CompetencyService& competencies;
  domain::mentoring::MentorshipService& mentorships;
  domain::mentoring::CycleService& cycles;
  domain::mentoring::SurveyService& surveys;
  domain::mentoring::HelpRequestService& help_requests;
  domain::mentoring::MatchingRunService& matching_runs;
  domain::programmes::ProgrammeService& programmes;
  domain::programmes::AssistanceService& assistance;
  domain::programmes::TargetingService& targeting;
  domain::programmes::ExitService& exits;
  domain::programmes::DashboardService& dashboards;
  domain::idempotency::IdempotencyService& idempotency;
  const core::Clock& clock;  // the services' clock, for what a handler dates itself (file names)
  // Hands a queued import job to the worker that runs it (empty: jobs stay queued).
  std::function<void(std::int64_t job_id)> start_import;
  // The database's state as last probed, without blocking (app's HealthMonitor). When given,
  // /api/v1/health answers from it on the I/O thread; when empty, health pings the database.
  std::function<core::Status()> database_health;
  // Hands a queued matching run to its worker; false when the worker's queue is full (503).
  // Empty: runs stay queued.
  std::function<bool(std::int64_t run_id)> start_matching;
};

struct ApiOptions {
  std::string version;
  std::string web_root;  // the built web app (web/dist); empty serves no files
  std::string work_dir = "var";  // uploads waiting to be imported, exports being built
  RouterOptions router;
};

// The whole HTTP surface: /api/v1 through the route table, the web app for everything else.
class Api {
 public:
  Api(Services services, ApiOptions options);
  Response Handle(const Request& request);
  // Before a body is read (see Router::Admit); nothing for requests outside /api/.
  std::optional<Response> Admit(Request& request);
  // The answer of a route served on the I/O thread (health), or nothing.
  std::optional<Response> AnswerInline(const Request& request);
  const std::vector<Route>& routes() const { return router_.routes(); }

 private:
  Services services_;
  ApiOptions options_;
  Router router_;
};

// The route table (one place: method, path, handler, who may call it).
std::vector<Route> BuildRoutes(const Services& services, const ApiOptions& options);

}  // namespace gotong::api
