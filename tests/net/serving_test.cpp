// `gotong serve`'s wiring (app::HttpService) over real sockets, under the load an office puts on
// it: health must keep answering while exports and list readers keep every worker busy.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <regex>
#include <thread>
#include <vector>

#include "app/demo_data.hpp"
#include "app/http_service.hpp"
#include "app/runtime_fixture.hpp"
#include "net/http_client.hpp"

namespace gotong::app {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;
using domain::accounts::Context;
using net::Client;
using net::Get;

class ServingTest : public RuntimeTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(RuntimeTest::SetUp());
    auto steward = LoadDemoStakeholders(*runtime_);
    ASSERT_TRUE(steward.ok()) << steward.error().message;
    auto added = LoadDemoRegistry(*runtime_, *steward);
    ASSERT_TRUE(added.ok()) << added.error().message;
    domain::accounts::NewUser admin{"beban", std::string("Uji beban"), "admin",
                                    "kata sandi yang panjang", std::nullopt};
    ASSERT_TRUE(runtime_->accounts->CreateUser(Context::System("test"), admin).ok());
    auto token = runtime_->accounts->IssueApiToken(Context::System("test"), "beban", "load test");
    ASSERT_TRUE(token.ok()) << token.error().message;
    auth_ = "Authorization: Bearer " + *token + "\r\n";
  }

  // Starts the service on a free port with `configure` applied; returns the port.
  int Start() {
    runtime_->config.listen = "127.0.0.1:0";
    runtime_->config.handle_signals = false;
    auto service = HttpService::Create(*runtime_);
    EXPECT_TRUE(service.ok()) << service.error().message;
    if (!service.ok()) return 0;
    service_ = std::move(service).value();
    auto url = service_->Start();
    EXPECT_TRUE(url.ok()) << url.error().message;
    if (!url.ok()) return 0;
    thread_ = std::thread([this] { service_->Run(); });
    std::smatch match;
    static const std::regex kPort(R"(:(\d+)$)");
    EXPECT_TRUE(std::regex_search(*url, match, kPort));
    return std::stoi(match[1]);
  }

  void TearDown() override {
    if (service_) service_->Stop();
    if (thread_.joinable()) thread_.join();
    service_.reset();
    RuntimeTest::TearDown();
  }

  std::string auth_;
  std::unique_ptr<HttpService> service_;
  std::thread thread_;
};

TEST_F(ServingTest, HealthAnswersWithin50msAtP99WhileEightExportsAndSixtyFourListReadersRun) {
  runtime_->config.exports_per_user = 8;
  int port = Start();
  ASSERT_GT(port, 0);
  std::atomic<bool> stop{false};
  std::atomic<int> exports_done{0}, lists_done{0}, failures{0};
  std::vector<std::thread> load;
  for (int i = 0; i < 8; ++i) {
    load.emplace_back([&] {
      while (!stop) {
        Client client(port, 60);
        client.Send(Get("/api/v1/enterprises/export?format=xlsx&region=35.79",
                        auth_ + "Connection: close\r\n"));
        auto response = client.ReadResponse();
        if (!response || response->status != 200) {
          ++failures;
        } else if (!stop) {
          ++exports_done;
        }
      }
    });
  }
  for (int i = 0; i < 64; ++i) {
    load.emplace_back([&] {
      Client client(port, 60);
      while (!stop) {
        client.Send(Get("/api/v1/enterprises?region=35.79&limit=50", auth_));
        auto response = client.ReadResponse();
        if (!response || response->status != 200) {
          ++failures;
          return;
        }
        ++lists_done;
      }
    });
  }
  std::this_thread::sleep_for(1500ms);  // every worker busy, a queue waiting
  int exports_before = exports_done, lists_before = lists_done;
  Client health(port);
  std::vector<double> millis;
  // At least 300 probes, and on until the load has shown it is real (on a slow machine an export
  // can take longer than 300 probes), for 60 s at the most.
  auto loaded = [&] {
    return exports_done - exports_before >= 2 && lists_done - lists_before >= 64;
  };
  const auto give_up = Clock::now() + 60s;
  for (int i = 0; i < 300 || (!loaded() && Clock::now() < give_up); ++i) {
    auto started = Clock::now();
    health.Send(Get("/api/v1/health"));
    auto response = health.ReadResponse();
    auto elapsed = std::chrono::duration<double, std::milli>(Clock::now() - started).count();
    ASSERT_TRUE(response.has_value()) << "health did not answer, request " << i;
    ASSERT_EQ(response->status, 200) << response->body;
    millis.push_back(elapsed);
    std::this_thread::sleep_for(5ms);
  }
  int exports_during = exports_done - exports_before, lists_during = lists_done - lists_before;
  stop = true;
  for (auto& thread : load) thread.join();
  std::sort(millis.begin(), millis.end());
  double p50 = millis[millis.size() / 2], p99 = millis[millis.size() * 99 / 100];
  EXPECT_LT(p99, 50.0) << "p50 " << p50 << " ms, max " << millis.back() << " ms";
  // The load was real: exports and list pages kept completing while health was asked.
  EXPECT_GE(exports_during, 2) << "exports finished during the measurement";
  EXPECT_GE(lists_during, 64) << "list pages served during the measurement";
  EXPECT_EQ(failures.load(), 0) << "a loaded request failed (503 or a dropped connection)";
  std::printf("health under load: p50 %.2f ms, p99 %.2f ms, max %.2f ms; %d exports, %d lists\n",
              p50, p99, millis.back(), exports_during, lists_during);
}

TEST_F(ServingTest, AnImportWithoutASessionIsRefusedBeforeItsBodyReachesTheDisk) {
  int port = Start();
  ASSERT_GT(port, 0);
  Client client(port);
  client.Send(
      "POST /api/v1/imports?kind=enterprises HTTP/1.1\r\nHost: x\r\n"
      "Content-Type: text/csv\r\nContent-Length: 536870000\r\n\r\n");
  auto started = Clock::now();
  auto response = client.ReadResponse();
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 401) << response->body;
  EXPECT_LT(Clock::now() - started, 2s) << "the 401 waited for the body";
  auto uploads = std::filesystem::path(dir_) / "uploads";
  bool stored = std::filesystem::exists(uploads) && !std::filesystem::is_empty(uploads);
  EXPECT_FALSE(stored) << "an unauthenticated upload reached " << uploads;
}

TEST_F(ServingTest, AUserPastHerExportLimitGets429WithRetryAfter) {
  runtime_->config.exports_per_user = 1;
  int port = Start();
  ASSERT_GT(port, 0);
  constexpr int kClients = 4;
  std::vector<int> statuses(kClients);
  std::vector<std::string> retry_after(kClients);
  std::vector<std::thread> clients;
  for (int i = 0; i < kClients; ++i) {
    clients.emplace_back([&, i] {
      Client client(port, 60);
      client.Send(Get("/api/v1/enterprises/export?format=xlsx", auth_ + "Connection: close\r\n"));
      auto response = client.ReadResponse();
      statuses[static_cast<std::size_t>(i)] = response ? response->status : 0;
      if (response) retry_after[static_cast<std::size_t>(i)] = response->header("retry-after");
    });
  }
  for (auto& client : clients) client.join();
  int ok = 0, limited = 0;
  for (int i = 0; i < kClients; ++i) {
    if (statuses[static_cast<std::size_t>(i)] == 200) ++ok;
    if (statuses[static_cast<std::size_t>(i)] == 429) {
      ++limited;
      EXPECT_FALSE(retry_after[static_cast<std::size_t>(i)].empty());
    }
  }
  EXPECT_GE(ok, 1);
  EXPECT_GE(limited, 1) << "four exports at once from one user, limit one";
  EXPECT_EQ(ok + limited, kClients);
}

}  // namespace
}  // namespace gotong::app
