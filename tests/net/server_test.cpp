// net::Server over real sockets on 127.0.0.1, port 0, with plain POSIX clients.
#include "net/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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
#include <string>
#include <thread>

namespace gotong::net {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// ---- a minimal HTTP/1.1 client ----

class Client {
 public:
  explicit Client(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      connect_errno_ = errno;
    }
  }
  ~Client() { Close(); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connect_errno_ == 0; }
  int connect_errno() const { return connect_errno_; }

  void Send(const std::string& data) {
    std::size_t sent = 0;
    while (sent < data.size()) {
      ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<std::size_t>(n);
    }
  }

  // Bytes until EOF, an error or the 5 s receive timeout.
  std::string ReadToEnd() {
    std::string out = std::move(pending_);
    pending_.clear();
    char chunk[4096];
    while (true) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) break;
      out.append(chunk, static_cast<std::size_t>(n));
    }
    return out;
  }

  // Waits for the server to end the connection; true when it did (EOF or reset) before the
  // receive timeout, with any bytes that arrived first left in `leftover`.
  bool WaitForClose(std::string* leftover = nullptr) {
    char chunk[4096];
    while (true) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n == 0) return true;
      if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK;
      if (leftover) leftover->append(chunk, static_cast<std::size_t>(n));
    }
  }

  struct Response {
    int status = 0;
    std::map<std::string, std::string> headers;  // lowercase names
    std::string body;
    std::string header(const std::string& name) const {
      auto it = headers.find(name);
      return it == headers.end() ? "" : it->second;
    }
  };

  // One response, framed by Content-Length; nothing when the connection ended first.
  std::optional<Response> ReadResponse() {
    std::string data = std::move(pending_);
    pending_.clear();
    char chunk[4096];
    std::size_t header_end;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      data.append(chunk, static_cast<std::size_t>(n));
    }
    Response response;
    std::string head = data.substr(0, header_end);
    std::size_t line_end = head.find("\r\n");
    std::string status_line = head.substr(0, line_end);
    if (status_line.rfind("HTTP/1.1 ", 0) != 0) return std::nullopt;
    response.status = std::stoi(status_line.substr(9, 3));
    std::size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
    while (pos < head.size()) {
      std::size_t end = head.find("\r\n", pos);
      if (end == std::string::npos) end = head.size();
      std::string line = head.substr(pos, end - pos);
      auto colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      response.headers[name] = value;
      pos = end + 2;
    }
    std::size_t length = std::stoul(response.header("content-length").empty()
                                        ? "0"
                                        : response.header("content-length"));
    std::string rest = data.substr(header_end + 4);
    while (rest.size() < length) {
      ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      if (n <= 0) return std::nullopt;
      rest.append(chunk, static_cast<std::size_t>(n));
    }
    response.body = rest.substr(0, length);
    pending_ = rest.substr(length);
    return response;
  }

  // Closes with a reset instead of a FIN (SO_LINGER 0), as a crashed client would.
  void Reset() {
    linger hard{1, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    Close();
  }

  void Close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
  int connect_errno_ = 0;
  std::string pending_;
};

std::string Get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
}

// ---- a server on its own thread ----

// One thread by default: Run() then executes every handler on the test's own thread, so anything
// thrown out of the io loop is caught and reported (see StopSurvives*) instead of ending the
// whole binary from a thread the test does not own. The graceful-stop test uses two.
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
  RunningServer(ServerOptions options, Handler handler)
      : server_(std::move(options), std::move(handler)) {}

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

}  // namespace
}  // namespace gotong::net
