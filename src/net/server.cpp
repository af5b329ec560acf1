#include "net/server.hpp"

#include "api/problem.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <vector>

namespace gotong::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

std::string NewRequestId() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(engine()));
  return text;
}

// The transport's own answers (limits, overload, failures), written by the API's one
// problem+json writer.
api::Response Refuse(core::ErrorCode code, const char* type, const char* detail,
                     const std::string& request_id) {
  return api::ProblemResponse(api::Problem(code, type, detail), request_id);
}

api::Response TooLarge(const char* detail, const std::string& request_id) {
  return Refuse(core::ErrorCode::kInvalidArgument, "payload-too-large", detail, request_id);
}

// A 500: the reason goes to the log under the request id, not to the client.
api::Response Internal(const std::string& reason, const std::string& request_id) {
  return api::ProblemResponse(core::Error::Internal(reason), request_id);
}

// accept() failures that mean "no descriptor or buffer now": retrying at once only spins.
bool IsResourceShortage(const beast::error_code& ec) {
  return ec == asio::error::no_descriptors || ec == asio::error::no_buffer_space ||
         ec == asio::error::no_memory ||
         (ec.category() == asio::error::get_system_category() && ec.value() == ENFILE);
}

// One connection's state, shared with the server so Stop() can close it while it is idle.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  std::atomic<bool> busy{false};
};

// What a request was answered with, for the access log.
struct Sent {
  int status = 0;
  std::uint64_t bytes = 0;
  bool ok = false;  // written whole; the connection may be reused
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions server_options, Handler request_handler, Hooks server_hooks)
      : options(std::move(server_options)),
        handler(std::move(request_handler)),
        hooks(std::move(server_hooks)),
        io(this->options.threads),
        workers(static_cast<std::size_t>(std::max(1, this->options.workers))),
        acceptor(io),
        signals(io),
        grace_timer(io) {}

  ServerOptions options;
  Handler handler;
  Hooks hooks;
  asio::io_context io;
  // Declared after io: destroyed (and joined) first, so no worker finishes into a dead context.
  asio::thread_pool workers;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  std::atomic<bool> stopping{false};
  mutable std::mutex mutex;
  std::set<std::shared_ptr<Connection>> connections;
  std::atomic<std::size_t> queued{0};
  std::atomic<std::size_t> refused_busy{0};
  std::atomic<std::size_t> accept_failures{0};

  void Finish(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex);
    connections.erase(connection);
    if (stopping && connections.empty()) grace_timer.cancel();
  }

  std::size_t OpenConnections() const {
    std::lock_guard lock(mutex);
    return connections.size();
  }

  void BeginStop() {
    if (stopping.exchange(true)) return;
    asio::post(io, [this] {
      beast::error_code ec;
      acceptor.close(ec);
      signals.cancel(ec);
      std::lock_guard lock(mutex);
      for (const auto& connection : connections) {
        asio::post(connection->stream.get_executor(), [connection] {
          beast::error_code ignored;  // a client that already went away is fine
          if (!connection->busy) connection->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        });
      }
      if (connections.empty()) return;
      grace_timer.expires_after(options.shutdown_grace);
      grace_timer.async_wait([this](beast::error_code wait_error) {
        if (!wait_error) {
          spdlog::warn("event=shutdown_forced reason=\"requests still running after grace\"");
          io.stop();
        }
      });
    });
  }

  api::Response Busy(const std::string& request_id) {
    refused_busy.fetch_add(1, std::memory_order_relaxed);
    core::Error busy = api::Problem(core::ErrorCode::kUnavailable, "busy",
                                    "the server is busy; try again in a moment");
    busy.retry_after_seconds = static_cast<int>(options.retry_after.count());
    return api::ProblemResponse(busy, request_id);
  }

  // Runs `work` (returning an optional answer) on a worker thread and resumes on the
  // connection's executor with what it returned. When the workers and their queue are full,
  // answers 503 at once instead of waiting; a throwing `work` answers 500.
  template <typename Work>
  asio::awaitable<std::optional<api::Response>> OnWorker(Work work, const std::string& request_id) {
    std::size_t capacity = static_cast<std::size_t>(std::max(1, options.workers)) + options.max_queue;
    if (queued.fetch_add(1) >= capacity) {
      queued.fetch_sub(1);
      co_return Busy(request_id);
    }
    struct Release {
      std::atomic<std::size_t>& count;
      ~Release() { count.fetch_sub(1); }
    } release{queued};
    co_return co_await asio::co_spawn(
        workers,
        [&work, &request_id]() -> asio::awaitable<std::optional<api::Response>> {
          co_return Guarded(work, request_id);
        },
        asio::use_awaitable);
  }

  // Calls `work`, turning an exception into a logged 500 (STYLE.md 2: caught once per request).
  template <typename Work>
  static std::optional<api::Response> Guarded(Work& work, const std::string& request_id) {
    try {
      return work();
    } catch (const std::exception& error) {
      return Internal(std::string("unhandled exception: ") + error.what(), request_id);
    }
  }

  template <typename Body>
  static void SetHeaders(http::response<Body>& out, const api::Response& response,
                         const std::string& request_id) {
    for (const auto& [name, value] : response.headers) out.set(name, value);
    out.set(http::field::server, "gotong");
    out.set("X-Request-Id", request_id);
    out.set("X-Content-Type-Options", "nosniff");
    out.set("X-Frame-Options", "DENY");
    out.set("Referrer-Policy", "strict-origin-when-cross-origin");
    out.set("Content-Security-Policy", kContentSecurityPolicy);
  }

  bool IsUpload(const http::request_header<>& header) const {
    if (header.method() != http::verb::post) return false;
    std::string_view target = header.target();
    for (const auto& prefix : options.upload_prefixes) {
      if (StartsWithPattern(target, prefix)) return true;
    }
    return false;
  }

  // Whether `target` starts with `prefix`, in which a "*" stands for one path segment.
  static bool StartsWithPattern(std::string_view target, std::string_view prefix) {
    while (!prefix.empty()) {
      if (prefix.front() == '*') {
        std::size_t end = std::min(target.find_first_of("/?"), target.size());
        if (end == 0) return false;
        target.remove_prefix(end);
      } else {
        if (target.empty() || target.front() != prefix.front()) return false;
        target.remove_prefix(1);
      }
      prefix.remove_prefix(1);
    }
    return true;
  }

  static void RemoveFile(const std::string& path) {
    if (path.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }

  static bool HasBody(const http::request_parser<http::string_body>& parser) {
    if (parser.chunked()) return true;
    auto length = parser.content_length();
    return length && *length > 0;
  }

  static api::Request HeadOf(const http::request_header<>& header, const std::string& remote,
                             const std::string& request_id) {
    api::Request request;
    request.method = std::string(header.method_string());
    request.target = std::string(header.target());
    for (const auto& field : header) {
      request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    }
    request.remote_address = remote;
    request.request_id = request_id;
    return request;
  }

  void Log(const std::string& request_id, const std::string& remote, const api::Request& request,
           const Sent& sent, SteadyClock::time_point started) const {
    auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - started).count();
    spdlog::info("request_id={} remote={} method={} target=\"{}\" status={} bytes={} ms={:.1f}",
                 request_id, remote, request.method.empty() ? "-" : request.method,
                 request.target.empty() ? "-" : request.target, sent.status, sent.bytes,
                 static_cast<double>(micros) / 1000.0);
  }

  // Writes `answer`: from its file when it names one (a download, then removed), else from
  // memory. A HEAD gets the headers and the length the body would have.
  asio::awaitable<Sent> Write(Connection& connection, api::Response answer, unsigned version,
                              bool keep_alive, bool head, const std::string& request_id) const {
    Sent sent;
    std::optional<std::uint64_t> file_length;
    if (!answer.body_file.empty()) {
      std::string file_path = std::move(answer.body_file);
      http::response<http::file_body> file_response{static_cast<http::status>(answer.status), version};
      beast::error_code open_error;
      file_response.body().open(file_path.c_str(), beast::file_mode::scan, open_error);
      if (!open_error && !head) {
        SetHeaders(file_response, answer, request_id);
        file_response.keep_alive(keep_alive);
        file_response.prepare_payload();
        sent.status = answer.status;
        sent.bytes = file_response.body().size();
        connection.stream.expires_after(options.write_timeout);
        auto [write_error, written] = co_await http::async_write(
            connection.stream, file_response, asio::as_tuple(asio::use_awaitable));
        (void)written;
        file_response.body().close();
        RemoveFile(file_path);
        sent.ok = !write_error;
        co_return sent;
      }
      std::uint64_t length = open_error ? 0 : file_response.body().size();
      file_response.body().close();
      RemoveFile(file_path);
      if (open_error) {
        answer = Internal("download unreadable: " + open_error.message(), request_id);
      } else {
        file_length = length;
      }
    }
    http::response<http::string_body> out{static_cast<http::status>(answer.status), version};
    SetHeaders(out, answer, request_id);
    out.body() = std::move(answer.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    if (head) {
      auto length = file_length.value_or(out.body().size());
      out.body().clear();
      out.content_length(length);
    }
    sent.status = answer.status;
    sent.bytes = out.body().size();
    connection.stream.expires_after(options.write_timeout);
    auto [write_error, written] =
        co_await http::async_write(connection.stream, out, asio::as_tuple(asio::use_awaitable));
    (void)written;
    sent.ok = !write_error;
    co_return sent;
  }

  // After refusing a request whose body was never read: stop sending, then read and drop what
  // the client still sends for a moment, so it sees the answer instead of a reset. Bounded in
  // time and bytes: nobody holds the connection open by sending forever.
  static asio::awaitable<void> Linger(Connection& connection) {
    beast::error_code ec;
    connection.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    connection.stream.expires_after(std::chrono::seconds(2));
    std::vector<char> scratch(std::size_t{64} * 1024);
    std::size_t dropped = 0;
    while (dropped < std::size_t{8} * 1024 * 1024) {
      auto [read_error, n] = co_await connection.stream.async_read_some(
          asio::buffer(scratch), asio::as_tuple(asio::use_awaitable));
      if (read_error) break;
      dropped += n;
    }
  }

  asio::awaitable<void> SendContinue(Connection& connection, unsigned version) const {
    http::response<http::empty_body> interim{http::status::continue_, version};
    connection.stream.expires_after(options.write_timeout);
    co_await http::async_write(connection.stream, interim, asio::as_tuple(asio::use_awaitable));
  }

  asio::awaitable<void> Serve(std::shared_ptr<Connection> connection) {
    beast::flat_buffer buffer;
    std::string remote;
    {
      beast::error_code ec;
      auto endpoint = connection->stream.socket().remote_endpoint(ec);
      if (!ec) remote = endpoint.address().to_string();
    }
    while (!stopping) {
      http::request_parser<http::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
      // Uploads may be larger; every other request is held to max_body_bytes below.
      parser.body_limit(std::max(options.max_body_bytes, options.max_upload_bytes));
      connection->stream.expires_after(options.idle_timeout);
      auto [header_error, header_bytes] = co_await http::async_read_header(
          connection->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
      (void)header_bytes;
      auto started = SteadyClock::now();
      std::string request_id = NewRequestId();
      std::optional<api::Response> early;  // answered without calling the handler
      if (header_error == http::error::header_limit) {
        early = Refuse(core::ErrorCode::kInvalidArgument, "headers-too-large",
                       "the request headers are larger than the server accepts", request_id);
      } else if (header_error == http::error::body_limit) {
        // A Content-Length over the limit is refused before any of the body is read.
        early = TooLarge("the request body is larger than the server accepts", request_id);
      } else if (header_error) {
        break;  // closed, timed out or garbage: nothing to answer
      }
      connection->busy = true;
      api::Request request;
      bool is_upload = false, has_body = false;
      unsigned version = 11;
      bool keep_alive = false, head = false;
      if (!early) {
        const auto& header = parser.get();
        request = HeadOf(header, remote, request_id);
        version = header.version();
        head = header.method() == http::verb::head;
        is_upload = IsUpload(header);
        has_body = HasBody(parser);
        keep_alive = header.keep_alive();
        if (!is_upload) {
          parser.body_limit(options.max_body_bytes);
          auto length = parser.content_length();
          if (length && *length > options.max_body_bytes) {
            early = TooLarge("the request body is larger than the server accepts", request_id);
          }
        }
      }
      // Without a body, a request the API answers from memory never waits for a worker.
      if (!early && !has_body && hooks.answer_inline) {
        auto answer_inline = [this, &request] { return hooks.answer_inline(request); };
        early = Guarded(answer_inline, request_id);
      }
      // With a body: may its sender send it? Decided from the headers, before reading any of it.
      bool body_unread = has_body;
      if (!early && has_body && hooks.admit) {
        early = co_await OnWorker([this, &request] { return hooks.admit(request); }, request_id);
      }
      if (early && body_unread) keep_alive = false;
      if (!early && has_body) {
        std::string_view expect = parser.get()[http::field::expect];
        if (beast::iequals(expect, "100-continue")) co_await SendContinue(*connection, version);
      }
      // Uploads go to a file: switch the parser's body type now that the header is known.
      std::string upload_path;
      if (!early && is_upload) {
        beast::error_code file_error;
        std::filesystem::create_directories(options.upload_dir, file_error);
        upload_path = (std::filesystem::path(options.upload_dir) / ("body-" + request_id)).string();
        http::request_parser<http::file_body> upload(std::move(parser));
        // A route that takes a small file (a photo) holds it to its own limit.
        upload.body_limit(request.body_limit > 0 ? std::min(request.body_limit, options.max_upload_bytes)
                                                 : options.max_upload_bytes);
        upload.get().body().open(upload_path.c_str(), beast::file_mode::write, file_error);
        if (file_error) {
          early = Refuse(core::ErrorCode::kUnavailable, "unavailable",
                         "the server cannot store the upload now", request_id);
          upload_path.clear();
          keep_alive = false;
        } else {
          connection->stream.expires_after(options.upload_timeout);
          auto [body_error, body_bytes] = co_await http::async_read(
              connection->stream, buffer, upload, asio::as_tuple(asio::use_awaitable));
          (void)body_bytes;
          upload.get().body().close();
          body_unread = false;
          if (body_error) RemoveFile(upload_path);
          if (body_error == http::error::body_limit) {
            early = TooLarge("the file is larger than the server accepts", request_id);
            keep_alive = false;
          } else if (body_error) {
            break;
          }
          keep_alive = keep_alive && upload.get().keep_alive();
          request.body_file = upload_path;
        }
      } else if (!early) {
        connection->stream.expires_after(options.read_timeout);
        auto [body_error, body_bytes] = co_await http::async_read(
            connection->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        (void)body_bytes;
        body_unread = false;
        if (body_error == http::error::body_limit) {
          early = TooLarge("the request body is larger than the server accepts", request_id);
          keep_alive = false;
        } else if (body_error) {
          break;
        }
        request.body = std::move(parser.get().body());
      }

      api::Response answer;
      if (early) {
        answer = std::move(*early);
      } else {
        auto handled = co_await OnWorker(
            [this, &request] { return std::optional<api::Response>(handler(request)); }, request_id);
        answer = handled ? std::move(*handled) : Internal("the handler gave no answer", request_id);
      }
      // A handler that wanted the upload has moved it away; anything left is removed.
      RemoveFile(upload_path);
      keep_alive = keep_alive && !stopping;
      Sent sent = co_await Write(*connection, std::move(answer), version, keep_alive, head, request_id);
      request.admission.reset();  // what admission held (an upload slot) is free again
      connection->busy = false;
      Log(request_id, remote, request, sent, started);
      if (sent.ok && body_unread) co_await Linger(*connection);
      if (!sent.ok || !keep_alive) break;
    }
    beast::error_code ec;
    connection->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    connection->stream.close();
    Finish(connection);
  }

  asio::awaitable<void> Accept() {
    asio::steady_timer pause(io);
    auto backoff = options.accept_backoff;
    auto last_log = SteadyClock::time_point{};
    std::size_t unlogged = 0;
    while (!stopping) {
      // At the connection cap, leave new clients in the backlog until one leaves.
      if (OpenConnections() >= options.max_connections) {
        pause.expires_after(std::chrono::milliseconds(20));
        co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        continue;
      }
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io),
                                                         asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        // Out of descriptors (or another failure that repeats at once): the pending client stays
        // in the backlog and accept fails again immediately. Wait before retrying, longer each
        // time, and say so once per interval, while open connections go on being served.
        if (IsResourceShortage(ec)) accept_failures.fetch_add(1, std::memory_order_relaxed);
        ++unlogged;
        auto now = SteadyClock::now();
        if (now - last_log >= options.accept_log_interval) {
          spdlog::warn("event=accept_failed error=\"{}\" failures={} retry_ms={}", ec.message(),
                       unlogged, backoff.count());
          last_log = now;
          unlogged = 0;
        }
        pause.expires_after(backoff);
        co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
        backoff = std::min(backoff * 2, options.max_accept_backoff);
        continue;
      }
      backoff = options.accept_backoff;
      auto connection = std::make_shared<Connection>(std::move(socket));
      {
        std::lock_guard lock(mutex);
        if (stopping) co_return;
        connections.insert(connection);
      }
      asio::co_spawn(connection->stream.get_executor(), Serve(connection), asio::detached);
    }
  }
};

Server::Server(ServerOptions options, Handler handler, Hooks hooks)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler), std::move(hooks))) {}

Server::~Server() = default;

core::Result<std::string> Server::Start() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) {
    return core::Error::Invalid("listen", "invalid_format",
                                "not an IP address: " + impl_->options.host);
  }
  tcp::endpoint endpoint{address, impl_->options.port};
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return core::Error::Unavailable("cannot listen on " + impl_->options.host + ":" +
                                    std::to_string(impl_->options.port) + ": " + ec.message());
  }
  auto bound = acceptor.local_endpoint();
  std::string host = bound.address().is_v6() ? "[" + bound.address().to_string() + "]"
                                             : bound.address().to_string();
  asio::co_spawn(impl_->io, impl_->Accept(), asio::detached);
  if (impl_->options.handle_signals) {
    impl_->signals.add(SIGINT);
    impl_->signals.add(SIGTERM);
    impl_->signals.async_wait([impl = impl_.get()](beast::error_code error, int signal) {
      if (error) return;
      spdlog::info("event=stopping signal={}", signal);
      impl->BeginStop();
    });
  }
  return "http://" + host + ":" + std::to_string(bound.port());
}

void Server::Run() {
  std::vector<std::thread> threads;
  for (int i = 1; i < impl_->options.threads; ++i) {
    threads.emplace_back([this] { impl_->io.run(); });
  }
  impl_->io.run();
  for (auto& thread : threads) thread.join();
  // Handlers still running after a forced stop finish before the server goes away.
  impl_->workers.join();
}

void Server::Stop() { impl_->BeginStop(); }

ServerStats Server::Stats() const {
  ServerStats stats;
  stats.connections = impl_->OpenConnections();
  stats.queued = impl_->queued.load();
  stats.refused_busy = impl_->refused_busy.load();
  stats.accept_failures = impl_->accept_failures.load();
  return stats;
}

}  // namespace gotong::net
