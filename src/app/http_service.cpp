#include "app/http_service.hpp"

#include <filesystem>

namespace gotong::app {

api::Services ApiServices(Runtime& runtime, std::function<void(std::int64_t)> start_import,
                          std::function<core::Status()> database_health) {
  return api::Services{*runtime.database,
                       *runtime.accounts,
                       *runtime.regions,
                       *runtime.registry,
                       *runtime.imports,
                       *runtime.groups,
                       *runtime.meetings,
                       *runtime.deliberations,
                       *runtime.treasury,
                       *runtime.cooperation,
                       *runtime.member_summary,
                       *runtime.competencies,
                       *runtime.mentorships,
                       *runtime.cycles,
                       *runtime.surveys,
                       *runtime.help_requests,
                       *runtime.matching_runs,
                       *runtime.programmes,
                       *runtime.assistance,
                       *runtime.targeting,
                       *runtime.exits,
                       *runtime.dashboards,
                       *runtime.idempotency,
                       runtime.clock,
                       std::move(start_import),
                       std::move(database_health),
                       nullptr};
}

core::Result<std::unique_ptr<HttpService>> HttpService::Create(Runtime& runtime) {
  const Config& config = runtime.config;
  std::unique_ptr<HttpService> service(new HttpService(runtime));
  // Health pings on a connection of its own, so it answers while the pool is busy.
  storage::DatabaseOptions probe_options;
  probe_options.url = config.database;
  probe_options.pool_size = 1;
  GOTONG_ASSIGN_OR_RETURN(service->probe_database_, storage::OpenDatabase(probe_options));
  service->health_ = std::make_unique<HealthMonitor>(*service->probe_database_);
  service->runner_ = std::make_unique<ImportRunner>(*runtime.imports);
  auto* runner = service->runner_.get();
  auto* health = service->health_.get();
  api::Services services = ApiServices(
      runtime, [runner](std::int64_t job_id) { runner->Enqueue(job_id); },
      [health] { return health->Status(); });
  service->matching_runner_ = std::make_unique<MatchingRunner>(*runtime.matching_runs);
  auto* matching = service->matching_runner_.get();
  services.start_matching = [matching](std::int64_t run_id) { return matching->Enqueue(run_id); };
  api::ApiOptions api_options;
  api_options.version = GOTONG_VERSION;
  api_options.web_root = config.web_root;
  api_options.work_dir = config.work_dir;
  api_options.router.cookie_secure = config.cookie_secure;
  api_options.router.trust_proxy = config.trust_proxy;
  api_options.router.limits.exports_per_user = config.exports_per_user;
  api_options.router.limits.imports_per_user = config.imports_per_user;
  api_options.router.limits.imports_total = config.imports_total;
  service->api_ = std::make_unique<api::Api>(services, api_options);

  net::ServerOptions options;
  options.host = config.ListenHost();
  options.port = config.ListenPort();
  options.threads = config.threads;
  options.workers = config.Workers();
  options.max_queue = static_cast<std::size_t>(config.max_queue);
  options.max_connections = static_cast<std::size_t>(config.max_connections);
  options.max_body_bytes = config.max_body_bytes;
  options.max_upload_bytes = config.max_upload_bytes;
  options.upload_dir = (std::filesystem::path(config.work_dir) / "uploads").string();
  // Imports, and a help request's photo (held to its own limit by the route).
  options.upload_prefixes = {"/api/v1/imports", "/api/v1/help-requests/*/photo"};
  options.handle_signals = config.handle_signals;
  auto* api = service->api_.get();
  net::Hooks hooks;
  hooks.admit = [api](api::Request& request) { return api->Admit(request); };
  hooks.answer_inline = [api](const api::Request& request) { return api->AnswerInline(request); };
  service->server_ = std::make_unique<net::Server>(
      options, [api](api::Request& request) { return api->Handle(request); }, std::move(hooks));
  return service;
}

HttpService::~HttpService() {
  if (runner_) runner_->Stop();
  if (matching_runner_) matching_runner_->Stop();
  if (health_) health_->Stop();
}

core::Result<std::string> HttpService::Start() {
  GOTONG_ASSIGN_OR_RETURN(auto url, server_->Start());
  health_->Start();
  runner_->Start();
  runner_->ResumeUnfinished();
  matching_runner_->Start();
  matching_runner_->ResumeUnfinished();
  return url;
}

void HttpService::Run() {
  server_->Run();
  runner_->Stop();
  matching_runner_->Stop();
  health_->Stop();
}

void HttpService::Stop() { server_->Stop(); }

net::ServerStats HttpService::Stats() const { return server_->Stats(); }

}  // namespace gotong::app
