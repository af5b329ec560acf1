// net::Server over real sockets on 127.0.0.1, port 0, with plain POSIX clients.
#include "net/server.hpp"

#include "net/http_client.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <random>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>

namespace gotong::net {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// ---- a server on its own thread ----

// One I/O thread by default (handlers run on the worker pool): Run() executes on the test's own
// thread, so anything thrown out of the io loop is caught and reported (see StopSurvives*)
// instead of ending the whole binary from a thread the test does not own.
ServerOptions TestOptions() {
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 1;
  options.handle_signals = false;
  options.shutdown_grace = 5s;
  return options;
}

class RunningServer {
 public:
  RunningServer(ServerOptions options, Handler handler, Hooks hooks = {})
      : server_(std::move(options), std::move(handler), std::move(hooks)) {}

  ~RunningServer() {
    if (thread_.joinable()) {
      server_.Stop();
      thread_.join();
    }
  }

  // Starts listening and runs the server on a thread; the port, or 0 after a failure.
  int Start() {
    auto url = server_.Start();
    EXPECT_TRUE(url.ok()) << url.error().message;
    if (!url.ok()) return 0;
    std::smatch match;
    static const std::regex kUrl(R"(^http://127\.0\.0\.1:(\d+)$)");
    EXPECT_TRUE(std::regex_match(*url, match, kUrl)) << *url;
    int port = std::stoi(match[1]);
    EXPECT_GT(port, 0);
    thread_ = std::thread([this] {
      try {
        server_.Run();
      } catch (const std::exception& error) {
        run_error_ = error.what();
      } catch (...) {
        run_error_ = "a non-standard exception";
      }
      stopped_.set_value();
    });
    return port;
  }

  void Stop() { server_.Stop(); }
  ServerStats Stats() const { return server_.Stats(); }

  // True when Run() returned within `limit`.
  bool WaitStopped(std::chrono::milliseconds limit) {
    return stopped_future_.wait_for(limit) == std::future_status::ready;
  }

  // What Run() threw, if anything ("" when it returned normally).
  const std::string& run_error() const { return run_error_; }

 private:
  Server server_;
  std::thread thread_;
  std::promise<void> stopped_;
  std::shared_future<void> stopped_future_ = stopped_.get_future().share();
  std::string run_error_;
};

api::Response Text(int status, std::string body) {
  api::Response response;
  response.status = status;
  response.SetHeader("Content-Type", "text/plain");
  response.body = std::move(body);
  return response;
}

// ---- tests ----

TEST(Server, StartReportsItsUrlAndServes) {
  RunningServer server(TestOptions(), [](const api::Request&) { return Text(200, "hello"); });
  int port = server.Start();
  ASSERT_GT(port, 0);
  Client client(port);
  ASSERT_TRUE(client.connected());
  client.Send(Get("/", "Connection: close\r\n"));
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "hello");
  EXPECT_EQ(response->header("content-type"), "text/plain");
}

TEST(Server, EveryResponseCarriesTheSecurityHeaders) {
  std::mutex mutex;
  std::string seen_request_id;
  RunningServer server(TestOptions(), [&](const api::Request& request) {
    std::lock_guard lock(mutex);
    seen_request_id = request.request_id;
    return Text(404, "nope");
  });
  int port = server.Start();
  Client client(port);
  client.Send(Get("/missing", "Connection: close\r\n"));
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 404);
  std::string csp = response->header("content-security-policy");
  EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
  EXPECT_NE(csp.find("object-src 'none'"), std::string::npos) << csp;
  EXPECT_EQ(response->header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response->header("referrer-policy"), "strict-origin-when-cross-origin");
  EXPECT_EQ(response->header("x-frame-options"), "DENY");
  std::string id = response->header("x-request-id");
  EXPECT_TRUE(std::regex_match(id, std::regex("[0-9a-f]{16}"))) << id;
  std::lock_guard lock(mutex);
  EXPECT_EQ(seen_request_id, id) << "the handler and the client see the same request id";
}

TEST(Server, HandlerGetsMethodTargetHeadersBodyAndAddress) {
  std::promise<api::Request> seen;
  RunningServer server(TestOptions(), [&](const api::Request& request) {
    seen.set_value(request);
    return Text(201, "created");
  });
  int port = server.Start();
  Client client(port);
  std::string body = R"({"name":"Warung Siti"})";
  client.Send("POST /api/v1/things?x=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
              "Content-Type: application/json\r\nX-Custom: abc\r\nConnection: close\r\n"
              "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 201);
  api::Request request = seen.get_future().get();
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.target, "/api/v1/things?x=1");
  EXPECT_EQ(request.Header("content-type"), "application/json");
  EXPECT_EQ(request.Header("X-Custom"), "abc");
  EXPECT_EQ(request.body, body);
  EXPECT_EQ(request.remote_address, "127.0.0.1");
}

TEST(Server, KeepAliveServesSeveralRequestsOnOneConnection) {
  std::atomic<int> calls{0};
  RunningServer server(TestOptions(), [&](const api::Request& request) {
    ++calls;
    return Text(200, request.target);
  });
  int port = server.Start();
  Client client(port);
  client.Send(Get("/one"));
  auto first = client.ReadResponse();
  client.Send(Get("/two"));
  auto second = client.ReadResponse();
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(first->body, "/one");
  EXPECT_EQ(second->body, "/two");
  EXPECT_NE(first->header("x-request-id"), second->header("x-request-id"));
  EXPECT_EQ(calls.load(), 2);
}

TEST(Server, HeadAnswersWithoutABody) {
  RunningServer server(TestOptions(), [](const api::Request&) { return Text(200, "twelve bytes"); });
  int port = server.Start();
  Client client(port);
  client.Send("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string raw = client.ReadToEnd();
  EXPECT_EQ(raw.rfind("HTTP/1.1 200", 0), 0u) << raw;
  EXPECT_NE(raw.find("Content-Length: 12"), std::string::npos) << raw;
  EXPECT_EQ(raw.find("twelve bytes"), std::string::npos) << raw;
}

// A download the handler left in a file: written as `content` under a fresh temp name.
std::string DownloadFile(const std::string& content) {
  auto path = std::filesystem::temp_directory_path() /
              ("gotong-download-" + std::to_string(std::random_device{}()) + ".csv");
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(Server, ABodyFileIsStreamedWithItsHeadersThenRemoved) {
  std::string content(3 * 1024 * 1024 + 17, 'x');  // larger than any one write
  content.replace(0, 9, "\xEF\xBB\xBFid;name");
  std::string path = DownloadFile(content);
  RunningServer server(TestOptions(), [&](const api::Request&) {
    api::Response response;
    response.SetHeader("Content-Type", "text/csv; charset=utf-8");
    response.SetHeader("Content-Disposition", "attachment; filename=\"x.csv\"");
    response.body_file = path;
    return response;
  });
  int port = server.Start();
  Client client(port);
  client.Send(Get("/export", "Connection: close\r\n"));
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(response->header("content-disposition"), "attachment; filename=\"x.csv\"");
  EXPECT_EQ(response->header("x-content-type-options"), "nosniff");
  EXPECT_EQ(response->header("content-length"), std::to_string(content.size()));
  EXPECT_TRUE(response->body == content) << "the body differs (" << response->body.size() << " bytes)";
  EXPECT_FALSE(std::filesystem::exists(path)) << "the sent file is removed";
}

TEST(Server, AHeadOfABodyFileGivesItsLengthAndRemovesIt) {
  std::string path = DownloadFile("0123456789");
  RunningServer server(TestOptions(), [&](const api::Request&) {
    api::Response response;
    response.body_file = path;
    return response;
  });
  int port = server.Start();
  Client client(port);
  client.Send("HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::string raw = client.ReadToEnd();
  EXPECT_EQ(raw.rfind("HTTP/1.1 200", 0), 0u) << raw;
  EXPECT_NE(raw.find("Content-Length: 10"), std::string::npos) << raw;
  EXPECT_EQ(raw.find("0123456789"), std::string::npos) << raw;
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Server, AMissingBodyFileIsA500Problem) {
  RunningServer server(TestOptions(), [&](const api::Request&) {
    api::Response response;
    response.body_file = "/nonexistent/gotong/download.csv";
    return response;
  });
  int port = server.Start();
  Client client(port);
  client.Send(Get("/", "Connection: close\r\n"));
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->header("content-type"), "application/problem+json");
}

TEST(Server, HandlerExceptionBecomesA500Problem) {
  RunningServer server(TestOptions(), [](const api::Request&) -> api::Response {
    throw std::runtime_error("secret internals");
  });
  int port = server.Start();
  Client client(port);
  client.Send(Get("/", "Connection: close\r\n"));
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 500);
  EXPECT_EQ(response->header("content-type"), "application/problem+json");
  EXPECT_NE(response->body.find("urn:gotong:problem:internal"), std::string::npos);
  EXPECT_EQ(response->body.find("secret internals"), std::string::npos);
  EXPECT_FALSE(response->header("x-request-id").empty());
}

TEST(ServerAdmission, AWildcardPrefixStreamsAPhotoHeldToTheLimitItsAdmissionSet) {
  auto dir = std::filesystem::temp_directory_path() /
             ("gotong-net-photo-" + std::to_string(std::random_device{}()));
  ServerOptions options = TestOptions();
  options.max_body_bytes = 1024;
  options.upload_prefixes = {"/items/*/photo"};
  options.upload_dir = dir.string();
  Hooks hooks;
  hooks.admit = [](api::Request& request) -> std::optional<api::Response> {
    request.body_limit = 4000;  // what the route takes
    return std::nullopt;
  };
  RunningServer server(options, [&](const api::Request& request) {
    std::string size = request.body_file.empty() ? "memory " + std::to_string(request.body.size())
                                                 : "file " + std::to_string(std::filesystem::file_size(request.body_file));
    return Text(200, size);
  }, std::move(hooks));
  int port = server.Start();
  {
    Client client(port);
    client.Send("POST /items/7/photo HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\nConnection: close\r\n\r\n" +
                std::string(3000, 'p'));
    auto response = client.ReadResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "file 3000") << "over max_body_bytes, streamed to a file";
  }
  {
    // Without a length, cut off at the admitted limit rather than the uploads' own.
    Client client(port);
    std::string chunk(3000, 'p');
    client.Send("POST /items/7/photo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                "bb8\r\n" + chunk + "\r\nbb8\r\n" + chunk + "\r\n0\r\n\r\n");
    auto response = client.ReadResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 413);
  }
  {
    // The star is one segment: another path under it is an ordinary body.
    Client client(port);
    client.Send("POST /items/7/notes HTTP/1.1\r\nHost: x\r\nContent-Length: 3000\r\n\r\n");
    auto response = client.ReadResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 413);
  }
  std::filesystem::remove_all(dir);
}

TEST(Server, BodyOverTheLimitIs413WithoutCallingTheHandler) {
  std::atomic<int> calls{0};
  ServerOptions options = TestOptions();
  options.max_body_bytes = 1024;
  RunningServer server(options, [&](const api::Request& request) {
    ++calls;
    return Text(200, std::to_string(request.body.size()));
  });
  int port = server.Start();
  {
    Client client(port);
    client.Send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                "Content-Length: 1024\r\nConnection: close\r\n\r\n" + std::string(1024, 'a'));
    auto response = client.ReadResponse();
    ASSERT_TRUE(response.has_value());
    EXPECT_EQ(response->status, 200) << "exactly the limit is allowed";
    EXPECT_EQ(response->body, "1024");
  }
  Client client(port);
  // Only the headers: the server must answer from the declared length alone.
  client.Send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
              "Content-Length: 1025\r\n\r\n");
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->header("content-type"), "application/problem+json");
  EXPECT_NE(response->body.find("\"type\":\"urn:gotong:problem:payload-too-large\""),
            std::string::npos)
      << response->body;
  EXPECT_NE(response->body.find("\"status\":413"), std::string::npos);
  EXPECT_NE(response->body.find("\"errors\":[]"), std::string::npos);
  EXPECT_EQ(response->header("x-content-type-options"), "nosniff");
  EXPECT_TRUE(client.WaitForClose()) << "the connection is closed after a 413";
  EXPECT_EQ(calls.load(), 1);
}

TEST(Server, ChunkedBodyOverTheLimitIs413) {
  std::atomic<int> calls{0};
  ServerOptions options = TestOptions();
  options.max_body_bytes = 1024;
  RunningServer server(options, [&](const api::Request&) {
    ++calls;
    return Text(200, "ok");
  });
  int port = server.Start();
  Client client(port);
  std::string chunk(800, 'b');
  client.Send("POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
              "320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(calls.load(), 0);
}

TEST(Server, HeadersOverTheLimitAre431) {
  std::atomic<int> calls{0};
  ServerOptions options = TestOptions();
  options.max_header_bytes = 1024;
  RunningServer server(options, [&](const api::Request&) {
    ++calls;
    return Text(200, "ok");
  });
  int port = server.Start();
  Client client(port);
  client.Send(Get("/", "X-Padding: " + std::string(2000, 'p') + "\r\n"));
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 431);
  EXPECT_EQ(response->header("content-type"), "application/problem+json");
  EXPECT_NE(response->body.find("urn:gotong:problem:headers-too-large"), std::string::npos);
  EXPECT_EQ(calls.load(), 0);
  // Headers under the limit still work.
  Client small(port);
  small.Send(Get("/", "X-Padding: " + std::string(100, 'p') + "\r\nConnection: close\r\n"));
  auto ok = small.ReadResponse();
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->status, 200);
}

TEST(Server, SilentClientIsDroppedAfterTheIdleTimeout) {
  ServerOptions options = TestOptions();
  options.idle_timeout = 1s;
  RunningServer server(options, [](const api::Request&) { return Text(200, "ok"); });
  int port = server.Start();
  Client client(port);
  ASSERT_TRUE(client.connected());
  auto started = Clock::now();
  std::string leftover;
  EXPECT_TRUE(client.WaitForClose(&leftover)) << "still open after the 5 s receive timeout";
  auto waited = Clock::now() - started;
  EXPECT_GE(waited, 900ms);
  EXPECT_LT(waited, 4s);
  EXPECT_TRUE(leftover.empty()) << "nothing is sent to a client that sent nothing: " << leftover;
}

TEST(Server, IdleTimeoutAlsoEndsAKeptAliveConnection) {
  ServerOptions options = TestOptions();
  options.idle_timeout = 1s;
  RunningServer server(options, [](const api::Request&) { return Text(200, "ok"); });
  int port = server.Start();
  Client client(port);
  client.Send(Get("/"));
  ASSERT_TRUE(client.ReadResponse().has_value());
  auto started = Clock::now();
  EXPECT_TRUE(client.WaitForClose());
  EXPECT_LT(Clock::now() - started, 4s);
}

// A handler that is slow for /slow and tells the test when it has started.
struct SlowHandler {
  std::mutex mutex;
  std::condition_variable entered_cv;
  bool entered = false;

  Handler handler() {
    return [this](const api::Request& request) {
      if (request.target == "/slow") {
        {
          std::lock_guard lock(mutex);
          entered = true;
        }
        entered_cv.notify_all();
        std::this_thread::sleep_for(500ms);
        return Text(200, "slow done");
      }
      return Text(200, "fast");
    };
  }

  bool WaitEntered() {
    std::unique_lock lock(mutex);
    return entered_cv.wait_for(lock, 5s, [this] { return entered; });
  }
};

TEST(Server, StopLetsTheRequestInFlightFinish) {
  SlowHandler slow;
  ServerOptions options = TestOptions();
  options.threads = 2;  // Stop() is handled while the other thread is busy in the handler
  RunningServer server(options, slow.handler());
  int port = server.Start();
  Client client(port);
  client.Send(Get("/slow"));  // keep-alive: the server decides to close
  ASSERT_TRUE(slow.WaitEntered());
  auto stop_at = Clock::now();
  server.Stop();
  EXPECT_FALSE(server.WaitStopped(100ms)) << "Run() returned while a request was running";

  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value()) << "the in-flight response was lost";
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "slow done");
  EXPECT_GE(Clock::now() - stop_at, 300ms);
  EXPECT_TRUE(client.WaitForClose()) << "the connection is closed once its request is done";
  EXPECT_TRUE(server.WaitStopped(3s)) << "Run() did not return after the last request";
  EXPECT_EQ(server.run_error(), "");
}

TEST(Server, StopClosesIdleConnectionsWithoutWaitingForTheirTimeout) {
  ServerOptions options = TestOptions();
  options.idle_timeout = 30s;
  RunningServer server(options, [](const api::Request&) { return Text(200, "ok"); });
  int port = server.Start();
  Client idle(port);
  idle.Send(Get("/"));
  ASSERT_TRUE(idle.ReadResponse().has_value());
  Client silent(port);
  ASSERT_TRUE(silent.connected());
  std::this_thread::sleep_for(50ms);  // let the server accept it
  auto started = Clock::now();
  server.Stop();
  EXPECT_TRUE(server.WaitStopped(3s)) << "Run() waited for idle connections";
  EXPECT_LT(Clock::now() - started, 3s);
  EXPECT_TRUE(idle.WaitForClose());
  EXPECT_TRUE(silent.WaitForClose());
  EXPECT_EQ(server.run_error(), "");
}

TEST(Server, NewConnectionsAreRefusedAfterStop) {
  RunningServer server(TestOptions(), [](const api::Request&) { return Text(200, "ok"); });
  int port = server.Start();
  {
    Client before(port);
    before.Send(Get("/", "Connection: close\r\n"));
    ASSERT_TRUE(before.ReadResponse().has_value());
  }
  server.Stop();
  ASSERT_TRUE(server.WaitStopped(3s));
  Client after(port);
  EXPECT_FALSE(after.connected());
  EXPECT_EQ(after.connect_errno(), ECONNREFUSED) << std::strerror(after.connect_errno());
}

// A keep-alive client leaves just as the server is told to stop, while the server's only thread is
// busy with another request: stopping must not throw out of Run() (which would end the process).
TEST(Server, StopSurvivesAClientThatJustLeft) {
  ServerOptions options = TestOptions();
  SlowHandler slow;
  RunningServer server(options, slow.handler());
  int port = server.Start();
  Client leaving(port);
  leaving.Send(Get("/"));
  ASSERT_TRUE(leaving.ReadResponse().has_value());  // accepted, served, now idle
  Client busy(port);
  busy.Send(Get("/slow"));
  ASSERT_TRUE(slow.WaitEntered());
  leaving.Close();
  server.Stop();
  auto response = busy.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body, "slow done");
  EXPECT_TRUE(server.WaitStopped(3s));
  EXPECT_EQ(server.run_error(), "") << "Run() threw while stopping";
}

TEST(Server, StopSurvivesAClientThatResetItsConnection) {
  ServerOptions options = TestOptions();
  SlowHandler slow;
  RunningServer server(options, slow.handler());
  int port = server.Start();
  Client leaving(port);
  leaving.Send(Get("/"));
  ASSERT_TRUE(leaving.ReadResponse().has_value());
  Client busy(port);
  busy.Send(Get("/slow"));
  ASSERT_TRUE(slow.WaitEntered());
  leaving.Reset();
  server.Stop();
  auto response = busy.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body, "slow done");
  EXPECT_TRUE(server.WaitStopped(3s));
  EXPECT_EQ(server.run_error(), "") << "Run() threw while stopping";
}

TEST(Server, StartFailsCleanlyOnABadAddress) {
  ServerOptions options = TestOptions();
  options.host = "not-an-address";
  Server server(options, [](const api::Request&) { return Text(200, "ok"); });
  auto result = server.Start();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::kInvalidArgument);
}

TEST(Server, StartFailsCleanlyOnAPortInUse) {
  RunningServer first(TestOptions(), [](const api::Request&) { return Text(200, "ok"); });
  int port = first.Start();
  ServerOptions options = TestOptions();
  options.port = static_cast<unsigned short>(port);
  Server second(options, [](const api::Request&) { return Text(200, "ok"); });
  auto result = second.Start();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, core::ErrorCode::kUnavailable);
}


// ---- the worker pool, admission, inline answers, descriptor exhaustion ----

// Holds every /block request until Release(); counts what it saw.
struct Gate {
  std::mutex mutex;
  std::condition_variable cv;
  int entered = 0;
  bool open = false;
  std::atomic<int> calls{0};

  Handler handler() {
    return [this](const api::Request& request) {
      ++calls;
      if (request.target == "/block") {
        std::unique_lock lock(mutex);
        ++entered;
        cv.notify_all();
        cv.wait(lock, [this] { return open; });
        return Text(200, "unblocked");
      }
      return Text(200, "fast");
    };
  }
  bool WaitEntered(int count) {
    std::unique_lock lock(mutex);
    return cv.wait_for(lock, 5s, [&] { return entered >= count; });
  }
  void Release() {
    {
      std::lock_guard lock(mutex);
      open = true;
    }
    cv.notify_all();
  }
};

// Releases the gate even when an assertion ends the test early, so the server can stop.
struct OpenAtEnd {
  Gate& gate;
  ~OpenAtEnd() { gate.Release(); }
};

TEST(ServerWorkers, ASlowHandlerDoesNotHoldTheOnlyIoThread) {
  Gate gate;
  ServerOptions options = TestOptions();
  options.workers = 4;
  RunningServer server(options, gate.handler());
  OpenAtEnd release{gate};
  int port = server.Start();
  Client slow(port);
  slow.Send(Get("/block"));
  ASSERT_TRUE(gate.WaitEntered(1));
  Client fast(port);
  auto started = Clock::now();
  fast.Send(Get("/fast"));
  auto response = fast.ReadResponse();
  ASSERT_TRUE(response.has_value()) << "the I/O thread was held by the slow handler";
  EXPECT_EQ(response->body, "fast");
  EXPECT_LT(Clock::now() - started, 1s);
  gate.Release();
  auto unblocked = slow.ReadResponse();
  ASSERT_TRUE(unblocked.has_value());
  EXPECT_EQ(unblocked->body, "unblocked");
}

TEST(ServerWorkers, AFullQueueIsAnswered503WithRetryAfterAtOnce) {
  Gate gate;
  ServerOptions options = TestOptions();
  options.workers = 1;
  options.max_queue = 1;
  options.retry_after = 3s;
  RunningServer server(options, gate.handler());
  OpenAtEnd release{gate};
  int port = server.Start();
  Client running(port), waiting(port), refused(port);
  running.Send(Get("/block"));
  ASSERT_TRUE(gate.WaitEntered(1));
  waiting.Send(Get("/block"));
  for (int i = 0; i < 100 && server.Stats().queued < 2; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_EQ(server.Stats().queued, 2u);
  auto started = Clock::now();
  refused.Send(Get("/fast"));
  auto busy = refused.ReadResponse();
  ASSERT_TRUE(busy.has_value());
  EXPECT_LT(Clock::now() - started, 1s) << "a full queue must answer at once";
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(busy->header("retry-after"), "3");
  EXPECT_EQ(busy->header("content-type"), "application/problem+json");
  EXPECT_NE(busy->body.find("urn:gotong:problem:busy"), std::string::npos) << busy->body;
  EXPECT_EQ(server.Stats().refused_busy, 1u);
  gate.Release();
  auto first = running.ReadResponse();
  auto second = waiting.ReadResponse();
  ASSERT_TRUE(first.has_value());
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(second->status, 200) << "the queued request was served, not dropped";
  EXPECT_EQ(gate.calls.load(), 2) << "the refused request never reached the handler";
}

TEST(ServerWorkers, InlineAnswersComeWhileEveryWorkerIsBusy) {
  Gate gate;
  ServerOptions options = TestOptions();
  options.workers = 1;
  Hooks hooks;
  hooks.answer_inline = [](const api::Request& request) -> std::optional<api::Response> {
    if (request.target == "/health") return Text(200, "alive");
    return std::nullopt;
  };
  RunningServer server(options, gate.handler(), std::move(hooks));
  OpenAtEnd release{gate};
  int port = server.Start();
  Client blocked(port);
  blocked.Send(Get("/block"));
  ASSERT_TRUE(gate.WaitEntered(1));
  Client health(port);
  auto started = Clock::now();
  health.Send(Get("/health"));
  auto response = health.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->body, "alive");
  EXPECT_LT(Clock::now() - started, 500ms);
  EXPECT_EQ(gate.calls.load(), 1) << "health never went to the handler";
}

// The admission hook for the tests below: only "Authorization: ok" may send a body.
std::optional<api::Response> AdmitOnlyOk(api::Request& request) {
  if (request.Header("Authorization") != "ok") return Text(401, "sign in first");
  request.admission = std::make_shared<int>(42);
  return std::nullopt;
}

TEST(ServerAdmission, AnUploadIsRefusedBeforeAnyOfItsBodyIsRead) {
  auto dir = std::filesystem::temp_directory_path() /
             ("gotong-net-admit-" + std::to_string(std::random_device{}()));
  std::atomic<int> calls{0};
  ServerOptions options = TestOptions();
  options.upload_prefixes = {"/upload"};
  options.upload_dir = dir.string();
  Hooks hooks;
  hooks.admit = AdmitOnlyOk;
  RunningServer server(options, [&](const api::Request&) {
    ++calls;
    return Text(200, "stored");
  }, std::move(hooks));
  int port = server.Start();
  Client client(port);
  // Announces 100 MB and sends none of it: the answer must not wait for the body.
  client.Send("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
              "Content-Length: 104857600\r\n\r\n");
  auto started = Clock::now();
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 401);
  EXPECT_LT(Clock::now() - started, 2s);
  EXPECT_EQ(calls.load(), 0);
  EXPECT_TRUE(client.WaitForClose()) << "a refused body is not read: the connection ends";
  bool any_file = std::filesystem::exists(dir) && !std::filesystem::is_empty(dir);
  EXPECT_FALSE(any_file) << "nothing of a refused upload reaches the disk";
  std::filesystem::remove_all(dir);
}

TEST(ServerAdmission, AnOrdinaryBodyIsRefusedBeforeItIsRead) {
  std::atomic<int> calls{0};
  Hooks hooks;
  hooks.admit = AdmitOnlyOk;
  RunningServer server(TestOptions(), [&](const api::Request&) {
    ++calls;
    return Text(200, "ok");
  }, std::move(hooks));
  int port = server.Start();
  Client client(port);
  client.Send("POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n");
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 401);
  EXPECT_EQ(calls.load(), 0);
  // A request without a body is not asked about: it goes to the handler.
  Client plain(port);
  plain.Send(Get("/page"));
  auto page = plain.ReadResponse();
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->status, 200);
}

TEST(ServerAdmission, AnAdmittedBodyIsAskedForWithContinueAndItsStateLivesUntilAnswered) {
  auto dir = std::filesystem::temp_directory_path() /
             ("gotong-net-continue-" + std::to_string(std::random_device{}()));
  ServerOptions options = TestOptions();
  options.upload_prefixes = {"/upload"};
  options.upload_dir = dir.string();
  std::weak_ptr<void> held;
  std::mutex held_mutex;
  Hooks hooks;
  hooks.admit = AdmitOnlyOk;
  RunningServer server(options, [&](const api::Request& request) {
    std::lock_guard lock(held_mutex);
    held = request.admission;
    std::ifstream file(request.body_file, std::ios::binary);
    std::string body((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    return Text(200, "got " + body + " admitted " +
                         std::to_string(*std::static_pointer_cast<int>(request.admission)));
  }, std::move(hooks));
  int port = server.Start();
  Client client(port);
  client.Send("POST /upload HTTP/1.1\r\nHost: x\r\nAuthorization: ok\r\n"
              "Expect: 100-continue\r\nContent-Length: 5\r\n\r\n");
  auto interim = client.ReadResponse();
  ASSERT_TRUE(interim.has_value());
  EXPECT_EQ(interim->status, 100);
  client.Send("a;b;c");
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "got a;b;c admitted 42");
  // The admission's state is let go once the answer is out.
  bool released = false;
  for (int i = 0; i < 100 && !released; ++i) {
    {
      std::lock_guard lock(held_mutex);
      released = held.expired();
    }
    if (!released) std::this_thread::sleep_for(10ms);
  }
  EXPECT_TRUE(released);
  std::filesystem::remove_all(dir);
}

TEST(ServerLimits, AtTheConnectionCapNewClientsWaitInTheBacklog) {
  ServerOptions options = TestOptions();
  options.max_connections = 2;
  RunningServer server(options, [](const api::Request&) { return Text(200, "ok"); });
  int port = server.Start();
  auto first = std::make_unique<Client>(port);
  Client second(port);
  first->Send(Get("/"));
  second.Send(Get("/"));
  ASSERT_TRUE(first->ReadResponse().has_value());
  ASSERT_TRUE(second.ReadResponse().has_value());
  Client third(port);
  ASSERT_TRUE(third.connected()) << "the kernel's backlog takes the connection";
  third.Send(Get("/"));
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(server.Stats().connections, 2u) << "the third is not accepted at the cap";
  first.reset();  // one leaves: the third is served
  auto response = third.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 200);
}

std::size_t OpenDescriptors() {
  std::size_t count = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) ++count;
  return count - 1;  // the iterator's own
}

double CpuSeconds() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// With every descriptor used, accept() fails at once for as long as a client waits in the
// backlog. The listener must back off (not spin at 100% CPU and log millions of lines) and keep
// serving the connections already open; once descriptors free up, the waiting clients are served.
TEST(ServerLimits, OutOfDescriptorsTheListenerBacksOffAndOpenConnectionsAreServed) {
  auto log_stream = std::make_shared<std::ostringstream>();
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(*log_stream);
  auto previous_logger = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("net-test", sink));
  struct RestoreLogger {
    std::shared_ptr<spdlog::logger> logger;
    ~RestoreLogger() { spdlog::set_default_logger(logger); }
  } restore_logger{previous_logger};

  ServerOptions options = TestOptions();
  RunningServer server(options, [](const api::Request&) { return Text(200, "ok"); });
  int port = server.Start();
  Client kept(port);
  kept.Send(Get("/"));
  ASSERT_TRUE(kept.ReadResponse().has_value());

  // The flood comes from a child process (its own descriptor table), so only the server's
  // process runs out: it keeps a few descriptors spare and the child connects thirty clients.
  int pipe_fds[2];
  ASSERT_EQ(::pipe(pipe_fds), 0);
  rlimit original{};
  ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &original), 0);
  struct RestoreLimit {
    rlimit limit;
    ~RestoreLimit() { ::setrlimit(RLIMIT_NOFILE, &limit); }
  } restore_limit{original};
  rlimit lowered = original;
  lowered.rlim_cur = OpenDescriptors() + 4;
  ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    ::setrlimit(RLIMIT_NOFILE, &original);
    ::close(pipe_fds[1]);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < 30; ++i) {
      int fd = ::socket(AF_INET, SOCK_STREAM, 0);
      ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    }
    char byte;
    while (::read(pipe_fds[0], &byte, 1) > 0) {
    }
    ::_exit(0);  // its sockets close with it
  }
  ::close(pipe_fds[0]);
  struct EndChild {
    int write_fd;
    pid_t pid;
    ~EndChild() {
      if (write_fd >= 0) ::close(write_fd);
      ::waitpid(pid, nullptr, 0);
    }
  } end_child{pipe_fds[1], child};
  std::this_thread::sleep_for(300ms);  // the server takes what it can, then runs out

  auto failures_before = server.Stats().accept_failures;
  auto cpu_before = CpuSeconds();
  std::this_thread::sleep_for(2s);
  auto failures = server.Stats().accept_failures - failures_before;
  auto cpu = CpuSeconds() - cpu_before;
  EXPECT_GT(failures, 0u) << "the test did not exhaust the descriptors";
  EXPECT_LT(failures, 60u) << "accept retried without pause";
  EXPECT_LT(cpu, 0.5) << "the process spun while out of descriptors";

  // The connection that was already open is still served.
  kept.Send(Get("/still"));
  auto still = kept.ReadResponse();
  ASSERT_TRUE(still.has_value());
  EXPECT_EQ(still->status, 200);

  ::setrlimit(RLIMIT_NOFILE, &original);
  ::close(end_child.write_fd);  // the child leaves, freeing the server's descriptors
  end_child.write_fd = -1;
  Client later(port);
  later.Send(Get("/", "Connection: close\r\n"));
  auto response = later.ReadResponse();
  ASSERT_TRUE(response.has_value()) << "accepting resumed once descriptors were free";
  EXPECT_EQ(response->status, 200);
  auto logged = log_stream->str();
  std::size_t lines = 0;
  for (auto at = logged.find("accept_failed"); at != std::string::npos;
       at = logged.find("accept_failed", at + 1)) {
    ++lines;
  }
  EXPECT_GE(lines, 1u);
  EXPECT_LE(lines, 2u) << "logged once per interval, not once per failure";
}

}  // namespace
}  // namespace gotong::net
