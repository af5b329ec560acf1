#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/health_monitor.hpp"
#include "app/import_runner.hpp"
#include "app/matching_runner.hpp"
#include "app/runtime.hpp"
#include "api/api.hpp"
#include "core/result.hpp"
#include "net/server.hpp"
#include "storage/sql_database.hpp"

namespace gotong::app {

// The runtime's services as the API takes them: `start_import` hands a queued import to its
// worker, `database_health` answers health without blocking (either may be empty).
api::Services ApiServices(Runtime& runtime, std::function<void(std::int64_t)> start_import,
                          std::function<core::Status()> database_health);

// `gotong serve` as one object: the API behind the HTTP server (handlers on the worker pool,
// bodies admitted from their headers, health answered on the I/O threads from its own probe of
// the database), and the import runner. Tests drive the same wiring over real sockets.
class HttpService {
 public:
  // Opens the health probe's own connection and wires everything; nothing listens yet.
  static core::Result<std::unique_ptr<HttpService>> Create(Runtime& runtime);
  ~HttpService();
  HttpService(const HttpService&) = delete;
  HttpService& operator=(const HttpService&) = delete;

  // Listens, starts the health probe and the import runner; returns the base URL.
  core::Result<std::string> Start();
  // Serves until Stop() or SIGTERM/SIGINT; then stops the import runner and the probe.
  void Run();
  void Stop();
  net::ServerStats Stats() const;

 private:
  explicit HttpService(Runtime& runtime) : runtime_(runtime) {}

  Runtime& runtime_;
  std::unique_ptr<storage::SqlDatabase> probe_database_;
  std::unique_ptr<HealthMonitor> health_;
  std::unique_ptr<ImportRunner> runner_;
  std::unique_ptr<MatchingRunner> matching_runner_;
  std::unique_ptr<api::Api> api_;
  std::unique_ptr<net::Server> server_;
};

}  // namespace gotong::app
