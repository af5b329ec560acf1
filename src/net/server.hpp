#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "api/http.hpp"
#include "core/result.hpp"

namespace gotong::net {

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0 picks a free port
  int threads = 4;             // I/O threads: they only read, write and time out sockets
  // Handlers run on this many worker threads, never on the I/O threads (database calls,
  // argon2id, exports). At most `max_queue` requests wait for a worker; past that a request is
  // answered 503 with Retry-After at once.
  int workers = 8;
  std::size_t max_queue = 256;
  std::chrono::seconds retry_after{2};
  // Open connections past this are not accepted until one closes (the backlog holds them).
  std::size_t max_connections = 4096;
  std::size_t max_header_bytes = std::size_t{16} * 1024;     // past it: 431
  std::size_t max_body_bytes = std::size_t{8} * 1024 * 1024;  // past it: 413
  // POSTs under these path prefixes are streamed to a file in upload_dir (request.body_file),
  // up to max_upload_bytes (or the request's own body_limit, set by admission), so a large import
  // never sits in memory. A "*" in a prefix stands for one path segment
  // ("/api/v1/help-requests/*/photo").
  std::vector<std::string> upload_prefixes;
  std::string upload_dir = "var/uploads";
  std::size_t max_upload_bytes = 512ull * 1024 * 1024;
  std::chrono::seconds upload_timeout{600};  // reading an upload's body
  std::chrono::seconds idle_timeout{60};     // waiting for a request's headers
  std::chrono::seconds read_timeout{30};     // reading a request's body
  std::chrono::seconds write_timeout{60};
  std::chrono::seconds shutdown_grace{20};  // in-flight requests get this long on stop
  // When accept fails for want of descriptors (EMFILE, ENFILE, ENOBUFS), the listener waits
  // this long before trying again, doubling up to the maximum, and logs once per interval.
  std::chrono::milliseconds accept_backoff{20};
  std::chrono::milliseconds max_accept_backoff{1000};
  std::chrono::seconds accept_log_interval{10};
  bool handle_signals = true;  // SIGTERM/SIGINT stop gracefully
};

// Runs on a worker thread: the request with its body; the response to send.
using Handler = std::function<api::Response(api::Request&)>;

struct Hooks {
  // Runs on a worker thread once a request's headers are in and before any of its body is read
  // (only for requests that have a body). A response refuses the request: it is sent and the
  // body is never read. Nothing admits it; the hook may leave state in request.admission for the
  // handler (and hold resources there until the request ends).
  std::function<std::optional<api::Response>(api::Request&)> admit;
  // Runs on the I/O thread for every request without a body: a response answers it there and
  // then, without a worker. Only for answers that come from memory and never block (health).
  std::function<std::optional<api::Response>(const api::Request&)> answer_inline;
};

// Counters for tests and operators.
struct ServerStats {
  std::size_t connections = 0;      // open now
  std::size_t queued = 0;           // handlers waiting for or running on a worker now
  std::size_t refused_busy = 0;     // answered 503 because the queue was full, since start
  std::size_t accept_failures = 0;  // accept errors for want of descriptors, since start
};

// The HTTP/1.1 server: Boost.Beast with C++20 coroutines on the I/O threads, handlers on a
// bounded worker pool, limits, timeouts, an access log with a request id, security headers on
// every response, and a graceful stop.
class Server {
 public:
  Server(ServerOptions options, Handler handler, Hooks hooks = {});
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
  ServerStats Stats() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gotong::net
