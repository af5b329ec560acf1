#include "net/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
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

std::string ProblemBody(int status, const char* slug, const char* title, const char* detail) {
  return std::string("{\"type\":\"urn:gotong:problem:") + slug + "\",\"title\":\"" + title +
         "\",\"status\":" + std::to_string(status) + ",\"detail\":\"" + detail +
         "\",\"errors\":[]}";
}

// One connection's state, shared with the server so Stop() can close it while it is idle.
struct Connection {
  explicit Connection(tcp::socket socket) : stream(std::move(socket)) {}
  beast::tcp_stream stream;
  std::atomic<bool> busy{false};
};

}  // namespace

struct Server::Impl {
  Impl(ServerOptions server_options, Handler request_handler)
      : options(std::move(server_options)),
        handler(std::move(request_handler)),
        io(this->options.threads),
        acceptor(io),
        signals(io),
        grace_timer(io) {}

  ServerOptions options;
  Handler handler;
  asio::io_context io;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  std::atomic<bool> stopping{false};
  std::mutex mutex;
  std::set<std::shared_ptr<Connection>> connections;

  void Finish(const std::shared_ptr<Connection>& connection) {
    std::lock_guard lock(mutex);
    connections.erase(connection);
    if (stopping && connections.empty()) grace_timer.cancel();
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

  http::response<http::string_body> ToBeast(api::Response&& response, unsigned version,
                                            bool keep_alive, const std::string& request_id) {
    http::response<http::string_body> out{static_cast<http::status>(response.status), version};
    SetHeaders(out, response, request_id);
    out.body() = std::move(response.body);
    out.keep_alive(keep_alive);
    out.prepare_payload();
    return out;
  }

  bool IsUpload(const http::request_header<>& header) const {
    if (header.method() != http::verb::post) return false;
    std::string_view target = header.target();
    for (const auto& prefix : options.upload_prefixes) {
      if (target.starts_with(prefix)) return true;
    }
    return false;
  }

  static void RemoveFile(const std::string& path) {
    if (path.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
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
      auto started = std::chrono::steady_clock::now();
      std::string request_id = NewRequestId();
      int early_status = 0;
      const char* early_slug = "";
      const char* early_title = "";
      const char* early_detail = "";
      if (header_error == http::error::header_limit) {
        early_status = 431;
        early_slug = "headers-too-large";
        early_title = "Request headers too large";
        early_detail = "the request headers are larger than the server accepts";
      } else if (header_error == http::error::body_limit) {
        // A Content-Length over the limit is refused before any of the body is read.
        early_status = 413;
        early_slug = "payload-too-large";
        early_title = "Request too large";
        early_detail = "the request body is larger than the server accepts";
      } else if (header_error) {
        break;  // closed, timed out or garbage: nothing to answer
      }
      connection->busy = true;
      bool is_upload = !early_status && !header_error && IsUpload(parser.get());
      if (!early_status && !header_error && !is_upload) {
        parser.body_limit(options.max_body_bytes);
        auto length = parser.content_length();
        if (length && *length > options.max_body_bytes) {
          // A Content-Length over the limit is refused before any of the body is read.
          early_status = 413;
          early_slug = "payload-too-large";
          early_title = "Request too large";
          early_detail = "the request body is larger than the server accepts";
        }
      }
      // Uploads go to a file: switch the parser's body type now that the header is known.
      std::string upload_path;
      std::optional<http::request_parser<http::file_body>> upload;
      if (is_upload) {
        beast::error_code file_error;
        std::filesystem::create_directories(options.upload_dir, file_error);
        upload_path = (std::filesystem::path(options.upload_dir) / ("body-" + request_id)).string();
        upload.emplace(std::move(parser));
        upload->body_limit(options.max_upload_bytes);
        upload->get().body().open(upload_path.c_str(), beast::file_mode::write, file_error);
        if (file_error) {
          early_status = 503;
          early_slug = "unavailable";
          early_title = "Service unavailable";
          early_detail = "the server cannot store the upload now";
          upload.reset();
          upload_path.clear();
        }
      }
      if (upload) {
        connection->stream.expires_after(options.upload_timeout);
        auto [body_error, body_bytes] = co_await http::async_read(
            connection->stream, buffer, *upload, asio::as_tuple(asio::use_awaitable));
        (void)body_bytes;
        upload->get().body().close();
        if (body_error == http::error::body_limit) {
          RemoveFile(upload_path);
          early_status = 413;
          early_slug = "payload-too-large";
          early_title = "Request too large";
          early_detail = "the file is larger than the server accepts";
        } else if (body_error) {
          RemoveFile(upload_path);
          connection->busy = false;
          break;
        }
      } else if (!early_status) {
        connection->stream.expires_after(options.read_timeout);
        auto [body_error, body_bytes] = co_await http::async_read(
            connection->stream, buffer, parser, asio::as_tuple(asio::use_awaitable));
        (void)body_bytes;
        if (body_error == http::error::body_limit) {
          early_status = 413;
          early_slug = "payload-too-large";
          early_title = "Request too large";
          early_detail = "the request body is larger than the server accepts";
        } else if (body_error) {
          connection->busy = false;
          break;
        }
      }

      http::response<http::string_body> response;
      std::string method = "-", target = "-";
      bool keep_alive = false;
      if (early_status) {
        api::Response problem;
        problem.status = early_status;
        problem.SetHeader("Content-Type", "application/problem+json");
        problem.body = ProblemBody(early_status, early_slug, early_title, early_detail);
        response = ToBeast(std::move(problem), 11, false, request_id);
      } else {
        auto& header = upload ? static_cast<http::request_header<>&>(upload->get())
                              : static_cast<http::request_header<>&>(parser.get());
        method = std::string(header.method_string());
        target = std::string(header.target());
        keep_alive = (upload ? upload->get().keep_alive() : parser.get().keep_alive()) && !stopping;
        api::Request request;
        request.method = method;
        request.target = target;
        for (const auto& field : header) {
          request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        }
        if (upload) {
          request.body_file = upload_path;
        } else {
          request.body = std::move(parser.get().body());
        }
        request.remote_address = remote;
        request.request_id = request_id;
        api::Response answer;
        try {
          answer = handler(request);
        } catch (const std::exception& error) {
          spdlog::error("request_id={} event=unhandled_exception error=\"{}\"", request_id,
                        error.what());
          answer.status = 500;
          answer.SetHeader("Content-Type", "application/problem+json");
          answer.body = ProblemBody(500, "internal", "Internal error", "something went wrong");
        }
        // A handler that wanted the upload has moved it away; anything left is removed.
        if (upload) RemoveFile(upload_path);
        bool head = header.method() == http::verb::head;
        std::optional<std::uint64_t> file_length;  // a HEAD of a download announces its size
        if (!answer.body_file.empty()) {
          // A large download: sent from its file in chunks, never held in memory.
          std::string file_path = std::move(answer.body_file);
          http::response<http::file_body> file_response{static_cast<http::status>(answer.status),
                                                        header.version()};
          beast::error_code open_error;
          file_response.body().open(file_path.c_str(), beast::file_mode::scan, open_error);
          if (!open_error && !head) {
            SetHeaders(file_response, answer, request_id);
            file_response.keep_alive(keep_alive);
            file_response.prepare_payload();
            std::uint64_t length = file_response.body().size();
            connection->stream.expires_after(options.write_timeout);
            auto [write_error, written] = co_await http::async_write(
                connection->stream, file_response, asio::as_tuple(asio::use_awaitable));
            (void)written;
            file_response.body().close();
            RemoveFile(file_path);
            connection->busy = false;
            auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
            spdlog::info("request_id={} remote={} method={} target=\"{}\" status={} bytes={} ms={:.1f}",
                         request_id, remote, method, target, answer.status, length,
                         static_cast<double>(micros) / 1000.0);
            if (write_error || !keep_alive) break;
            continue;
          }
          std::uint64_t length = open_error ? 0 : file_response.body().size();
          file_response.body().close();
          RemoveFile(file_path);
          if (open_error) {
            spdlog::error("request_id={} event=download_unreadable error=\"{}\"", request_id,
                          open_error.message());
            answer = api::Response{};
            answer.status = 500;
            answer.SetHeader("Content-Type", "application/problem+json");
            answer.body = ProblemBody(500, "internal", "Internal error", "something went wrong");
          } else {
            file_length = length;
          }
        }
        response = ToBeast(std::move(answer), header.version(), keep_alive, request_id);
        if (head) {
          auto length = file_length.value_or(response.body().size());
          response.body().clear();
          response.content_length(length);
        }
      }
      int status = response.result_int();
      std::size_t bytes = response.body().size();
      connection->stream.expires_after(options.write_timeout);
      auto [write_error, written] = co_await http::async_write(
          connection->stream, response, asio::as_tuple(asio::use_awaitable));
      (void)written;
      connection->busy = false;
      auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
      spdlog::info("request_id={} remote={} method={} target=\"{}\" status={} bytes={} ms={:.1f}",
                   request_id, remote, method, target, status, bytes,
                   static_cast<double>(micros) / 1000.0);
      if (write_error || !keep_alive) break;
    }
    beast::error_code ec;
    connection->stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    connection->stream.close();
    Finish(connection);
  }

  asio::awaitable<void> Accept() {
    while (!stopping) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io),
                                                         asio::as_tuple(asio::use_awaitable));
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        spdlog::warn("event=accept_failed error=\"{}\"", ec.message());
        continue;
      }
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

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

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
}

void Server::Stop() { impl_->BeginStop(); }

}  // namespace gotong::net
