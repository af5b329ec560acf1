#include "app/runtime.hpp"

#include <iostream>

#include <spdlog/spdlog.h>

#include "domain/accounts/access.hpp"
#include "domain/audit/audit.hpp"
#include "io/region_dataset.hpp"

namespace gotong::app {

core::Result<std::unique_ptr<Runtime>> OpenRuntime(const Config& config) {
  GOTONG_RETURN_IF_ERROR(config.Validate());
  auto runtime = std::make_unique<Runtime>();
  runtime->config = config;
  storage::DatabaseOptions options;
  options.url = config.database;
  options.pool_size = static_cast<std::size_t>(config.db_pool);
  GOTONG_ASSIGN_OR_RETURN(runtime->database, storage::OpenDatabase(options));
  runtime->throttle = std::make_unique<domain::accounts::LoginThrottle>(runtime->clock);
  runtime->accounts = std::make_unique<domain::accounts::AccountService>(
      *runtime->database, runtime->hasher, runtime->secrets, runtime->clock, *runtime->throttle);
  runtime->regions = std::make_unique<domain::regions::RegionService>(*runtime->database);
  runtime->registry = std::make_unique<domain::registry::RegistryService>(
      *runtime->database, runtime->clock,
      domain::registry::RegistryOptions{std::chrono::days(config.stale_days)});
  domain::registry::ImportOptions import_options;
  import_options.report_database_error = [](std::int64_t job_id, const core::Error& error) {
    spdlog::error("event=import_database_error job={} error=\"{}\"", job_id, error.message);
  };
  runtime->imports = std::make_unique<domain::registry::ImportService>(
      *runtime->database, runtime->clock, std::move(import_options));
  runtime->groups = std::make_unique<domain::groups::GroupService>(
      *runtime->database, runtime->clock, *runtime->registry);
  runtime->meetings =
      std::make_unique<domain::groups::MeetingService>(*runtime->database, runtime->clock);
  runtime->deliberations =
      std::make_unique<domain::groups::DeliberationService>(*runtime->database, runtime->clock);
  runtime->treasury =
      std::make_unique<domain::groups::TreasuryService>(*runtime->database, runtime->clock);
  runtime->cooperation =
      std::make_unique<domain::groups::CooperationService>(*runtime->database, runtime->clock);
  runtime->member_summary =
      std::make_unique<domain::groups::MemberSummaryService>(*runtime->database, runtime->clock);
  runtime->competencies =
      std::make_unique<domain::mentoring::CompetencyService>(*runtime->database, runtime->clock);
  runtime->mentorships =
      std::make_unique<domain::mentoring::MentorshipService>(*runtime->database, runtime->clock);
  runtime->cycles = std::make_unique<domain::mentoring::CycleService>(*runtime->database, runtime->clock);
  runtime->surveys = std::make_unique<domain::mentoring::SurveyService>(*runtime->database, runtime->clock);
  // libvips starts once, here, so that a server whose image library is broken says so at once.
  GOTONG_RETURN_IF_ERROR(io::StartImageLibrary());
  io::PhotoOptions photo_options;
  photo_options.max_bytes = config.max_photo_bytes;
  runtime->photos = std::make_unique<io::VipsPhotoEncoder>(photo_options);
  runtime->help_requests = std::make_unique<domain::mentoring::HelpRequestService>(
      *runtime->database, runtime->clock, *runtime->photos);
  runtime->matching_runs = std::make_unique<domain::mentoring::MatchingRunService>(
      *runtime->database, runtime->clock, runtime->matching_solver);
  runtime->programmes = std::make_unique<domain::programmes::ProgrammeService>(*runtime->database, runtime->clock);
  runtime->assistance =
      std::make_unique<domain::programmes::AssistanceService>(*runtime->database, runtime->clock);
  runtime->targeting =
      std::make_unique<domain::programmes::TargetingService>(*runtime->database, runtime->clock);
  runtime->exits =
      std::make_unique<domain::programmes::ExitService>(*runtime->database, runtime->clock, *runtime->cycles);
  runtime->dashboards = std::make_unique<domain::programmes::DashboardService>(*runtime->database);
  runtime->idempotency =
      std::make_unique<domain::idempotency::IdempotencyService>(*runtime->database, runtime->clock);
  return runtime;
}

core::Status MigrateAndLoadRegions(Runtime& runtime, bool reload, bool quiet) {
  GOTONG_ASSIGN_OR_RETURN(auto applied, runtime.database->Migrate());
  for (const auto& migration : applied) {
    if (!quiet) std::cout << "applied migration V" << migration.version << " " << migration.name << "\n";
  }
  std::int64_t count = 0;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, runtime.database->Begin(domain::Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(count, unit->Regions().Count());
  }
  if (count > 0 && !reload) return core::OkStatus();
  GOTONG_ASSIGN_OR_RETURN(auto records, io::ReadRegionDataset(runtime.config.regions_dir));
  GOTONG_ASSIGN_OR_RETURN(auto unit, runtime.database->Begin(domain::Access::kWrite));
  GOTONG_RETURN_IF_ERROR(unit->Regions().ReplaceAll(records));
  domain::audit::Snapshot loaded{{"count", static_cast<std::int64_t>(records.size())},
                                 {"source", runtime.config.regions_dir}};
  // Which edition of the official list this is, so an admin can tell whether it is current.
  if (auto version = io::RegionDatasetVersion(runtime.config.regions_dir)) {
    loaded.emplace_back("version", *version);
  }
  GOTONG_RETURN_IF_ERROR(domain::audit::Record(
      unit->Audit(), domain::accounts::Context::System("migrate"), runtime.clock.Now(), "regions",
      "idn-area-data", "load", std::nullopt, std::move(loaded)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  if (!quiet) std::cout << "loaded " << records.size() << " official regions\n";
  return core::OkStatus();
}

}  // namespace gotong::app
