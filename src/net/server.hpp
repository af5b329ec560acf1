#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "api/http.hpp"
#include "core/result.hpp"

namespace gotong::net {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 4;
  std::size_t max_header_bytes = 16 * 1024;       // past it: 431
  std::size_t max_body_bytes = 8 * 1024 * 1024;   // past it: 413
  // POSTs under these path prefixes are streamed to a file in upload_dir (request.body_file),
  // up to max_upload_bytes, so a large import never sits in memory.
  std::vector<std::string> upload_prefixes;
  std::string upload_dir = "var/uploads";
  std::size_t max_upload_bytes = 512ull * 1024 * 1024;
  std::chrono::seconds upload_timeout{600};     // reading an upload's body
  std::chrono::seconds idle_timeout{60};          // waiting for a request's headers
  std::chrono::seconds read_timeout{30};          // reading a request's body
  std::chrono::seconds write_timeout{60};
  std::chrono::seconds shutdown_grace{20};        // in-flight requests get this long on stop
  bool handle_signals = true;                     // SIGTERM/SIGINT stop gracefully
};

using Handler = std::function<api::Response(const api::Request&)>;

// The HTTP/1.1 server: Boost.Beast with C++20 coroutines, limits, timeouts, an access log with
// a request id, security headers on every response, and a graceful stop.
class Server {
 public:
  Server(ServerOptions options, Handler handler);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; afterwards connections are accepted (queued until Run). Returns the base
  // URL, e.g. "http://127.0.0.1:43127".
  core::Result<std::string> Start();
  // Serves until Stop() or a signal, then returns once in-flight requests have finished.
  void Run();
  // Stops accepting; idle connections close, busy ones finish their request. Thread-safe.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gotong::net
