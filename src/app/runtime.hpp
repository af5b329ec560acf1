#pragma once

#include <memory>
#include <string>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "crypto/sodium.hpp"
#include "domain/accounts/account_service.hpp"
#include "domain/accounts/login_throttle.hpp"
#include "domain/groups/cooperation_service.hpp"
#include "domain/groups/member_summary_service.hpp"
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
#include "domain/groups/deliberation_service.hpp"
#include "domain/groups/group_service.hpp"
#include "domain/groups/meeting_service.hpp"
#include "domain/groups/treasury_service.hpp"
#include "domain/idempotency/idempotency_service.hpp"
#include "domain/regions/region_service.hpp"
#include "domain/registry/import_service.hpp"
#include "domain/registry/registry_service.hpp"
#include "io/photo.hpp"
#include "optim/lemon_matching_solver.hpp"
#include "storage/sql_database.hpp"

namespace gotong::app {

// The composition root: every long-lived object, wired once.
struct Runtime {
  Config config;
  std::unique_ptr<storage::SqlDatabase> database;
  core::ReplayClock clock;  // the system's; the demo replays its history through it
  crypto::SodiumPasswordHasher hasher;
  crypto::SodiumSecretGenerator secrets;
  std::unique_ptr<domain::accounts::LoginThrottle> throttle;
  std::unique_ptr<domain::accounts::AccountService> accounts;
  std::unique_ptr<domain::regions::RegionService> regions;
  std::unique_ptr<domain::registry::RegistryService> registry;
  std::unique_ptr<domain::registry::ImportService> imports;
  std::unique_ptr<domain::groups::GroupService> groups;
  std::unique_ptr<domain::groups::MeetingService> meetings;
  std::unique_ptr<domain::groups::DeliberationService> deliberations;
  std::unique_ptr<domain::groups::TreasuryService> treasury;
  std::unique_ptr<domain::groups::CooperationService> cooperation;
  std::unique_ptr<domain::groups::MemberSummaryService> member_summary;
  std::unique_ptr<domain::mentoring::CompetencyService> competencies;
  std::unique_ptr<domain::mentoring::MentorshipService> mentorships;
  std::unique_ptr<domain::mentoring::CycleService> cycles;
  std::unique_ptr<domain::mentoring::SurveyService> surveys;
  std::unique_ptr<io::VipsPhotoEncoder> photos;
  std::unique_ptr<domain::mentoring::HelpRequestService> help_requests;
  optim::LemonMatchingSolver matching_solver;
  std::unique_ptr<domain::mentoring::MatchingRunService> matching_runs;
  std::unique_ptr<domain::programmes::ProgrammeService> programmes;
  std::unique_ptr<domain::programmes::AssistanceService> assistance;
  std::unique_ptr<domain::programmes::TargetingService> targeting;
  std::unique_ptr<domain::programmes::ExitService> exits;
  std::unique_ptr<domain::programmes::DashboardService> dashboards;
  std::unique_ptr<domain::idempotency::IdempotencyService> idempotency;
};

// Opens the database and builds the services (no migration).
core::Result<std::unique_ptr<Runtime>> OpenRuntime(const Config& config);

// Applies migrations and loads the official regions when the table is empty (or `reload`).
core::Status MigrateAndLoadRegions(Runtime& runtime, bool reload, bool quiet);

}  // namespace gotong::app
