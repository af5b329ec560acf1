#pragma once

// The in-process API the latency benchmarks call: the whole stack (router, bearer
// authentication, services, SOCI, the database) without sockets, as an admin with a token.

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "api/api.hpp"
#include "app/http_service.hpp"
#include "app/runtime.hpp"
#include "crypto/sodium.hpp"

namespace gotong::bench {

struct Bench {
  std::unique_ptr<app::Runtime> runtime;
  std::unique_ptr<api::Api> api;
  std::string token;

  // Opens the database at `url` and signs in a bench admin; exits with a message on failure.
  static Bench Open(const std::string& url) {
    crypto::InitSodium();
    app::Config config;
    config.database = url;
    auto opened = app::OpenRuntime(config);
    if (!opened.ok()) {
      std::cerr << opened.error().message << "\n";
      std::exit(1);
    }
    Bench bench;
    bench.runtime = std::move(opened).value();
    auto& rt = *bench.runtime;
    auto system = domain::accounts::Context::System("bench");
    (void)rt.accounts->CreateUser(system, {"bench-admin", std::nullopt, "admin",
                                           "a long bench password of no use", std::nullopt});
    auto token = rt.accounts->IssueApiToken(system, "bench-admin", "bench " + std::to_string(std::time(nullptr)));
    if (!token.ok()) {
      std::cerr << "cannot issue a token: " << token.error().message << "\n";
      std::exit(1);
    }
    bench.token = *token;
    api::Services services = app::ApiServices(rt, nullptr, nullptr);
    bench.api = std::make_unique<api::Api>(services, api::ApiOptions{"bench", "", "var", {}});
    return bench;
  }

  api::Response Get(const std::string& target) const {
    api::Request request;
    request.method = "GET";
    request.target = target;
    request.headers.emplace_back("Authorization", "Bearer " + token);
    request.remote_address = "127.0.0.1";
    request.request_id = "bench";
    return api->Handle(request);
  }

  // A write with a JSON body (`method` POST, PATCH or PUT).
  api::Response Send(const std::string& method, const std::string& target, std::string body) const {
    api::Request request;
    request.method = method;
    request.target = target;
    request.headers.emplace_back("Authorization", "Bearer " + token);
    request.headers.emplace_back("Content-Type", "application/json");
    request.body = std::move(body);
    request.remote_address = "127.0.0.1";
    request.request_id = "bench";
    return api->Handle(request);
  }

  boost::json::value GetJson(const std::string& target) const {
    auto response = Get(target);
    if (response.status != 200) {
      std::cerr << target << " answered " << response.status << ": " << response.body << "\n";
      std::exit(1);
    }
    return boost::json::parse(response.body);
  }
};

struct Case {
  std::string name;
  double target_ms;
  std::function<std::string(std::size_t)> target;
};

// Runs each case `requests` times and prints a Markdown table of p50, p95 and max against the
// case's p95 target. Returns 1 when a request failed. Every distinct request of the run is
// made once beforehand, as a server in use would have: a fresh PostgreSQL connection pays a
// page fault on its first touch of each shared buffer (a regency's first list on a new
// connection took 100 ms, the same list again 12 ms), and each regency's list touches its own.
inline int Measure(const Bench& bench, const std::vector<Case>& cases, std::size_t requests) {
  using Clock = std::chrono::steady_clock;
  std::printf("| case | p50 | p95 | max | target (p95) |\n|---|---|---|---|---|\n");
  for (const auto& c : cases) {
    std::set<std::string> distinct;
    for (std::size_t i = 0; i < requests; ++i) {
      if (distinct.insert(c.target(i)).second) (void)bench.Get(c.target(i));
    }
    // A case far over its target would take hours at 200 requests: after a minute it stops at
    // 20 requests or more, and the row says how many it measured.
    constexpr std::size_t kAtLeast = 20;
    const auto budget = std::chrono::seconds(60);
    const auto began = Clock::now();
    std::vector<double> ms;
    for (std::size_t i = 0; i < requests; ++i) {
      if (i >= kAtLeast && Clock::now() - began > budget) break;
      std::string target = c.target(i);
      auto start = Clock::now();
      auto response = bench.Get(target);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
      if (response.status != 200) {
        std::cerr << target << " answered " << response.status << ": " << response.body << "\n";
        return 1;
      }
    }
    std::sort(ms.begin(), ms.end());
    double p50 = ms[ms.size() / 2], p95 = ms[(ms.size() * 95) / 100], max = ms.back();
    bool ok = p95 <= c.target_ms;
    std::string name = c.name;
    if (ms.size() < requests) name += " (" + std::to_string(ms.size()) + " requests)";
    std::printf("| %s | %.1f ms | %.1f ms | %.1f ms | %s %.0f ms |\n", name.c_str(), p50, p95, max,
                ok ? "met, <=" : "MISSED, <=", c.target_ms);
    std::fflush(stdout);
  }
  return 0;
}

}  // namespace gotong::bench
