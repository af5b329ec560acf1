// Request handling through the whole in-process stack (router, services, SOCI, SQLite) for the
// region endpoints every form's region picker calls. The database is built once in a temp dir.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "api/api.hpp"
#include "app/http_service.hpp"
#include "app/runtime.hpp"
#include "crypto/sodium.hpp"

namespace {

struct Fixture {
  std::unique_ptr<gotong::app::Runtime> runtime;
  std::unique_ptr<gotong::api::Api> api;

  Fixture() {
    gotong::crypto::InitSodium();
    auto dir = std::filesystem::temp_directory_path() / "gotong-bench";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    gotong::app::Config config;
    config.database = "sqlite:" + (dir / "bench.db").string();
    if (const char* regions = std::getenv("GOTONG_REGIONS_DIR")) config.regions_dir = regions;
    auto opened = gotong::app::OpenRuntime(config);
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    runtime = std::move(opened).value();
    auto status = gotong::app::MigrateAndLoadRegions(*runtime, false, true);
    if (!status.ok()) throw std::runtime_error(status.error().message);
    gotong::api::Services services = gotong::app::ApiServices(*runtime, nullptr, nullptr);
    api = std::make_unique<gotong::api::Api>(services, gotong::api::ApiOptions{"bench", "", "var", {}});
  }
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

void Get(benchmark::State& state, const std::string& target) {
  auto& fixture = Shared();
  gotong::api::Request request;
  request.method = "GET";
  request.target = target;
  request.remote_address = "127.0.0.1";
  request.request_id = "bench";
  for (auto _ : state) {
    auto response = fixture.api->Handle(request);
    if (response.status != 200) state.SkipWithError("request failed");
    benchmark::DoNotOptimize(response.body);
  }
}

void BM_RegionChildrenOfDistrict(benchmark::State& state) {
  Get(state, "/api/v1/regions?parent=35.07.20");
}
void BM_RegionChildrenOfProvince(benchmark::State& state) {
  Get(state, "/api/v1/regions?parent=35&limit=200");
}
void BM_RegionSearchBanjarsari(benchmark::State& state) {
  Get(state, "/api/v1/regions?q=banjarsari");
}
void BM_Health(benchmark::State& state) { Get(state, "/api/v1/health"); }

BENCHMARK(BM_RegionChildrenOfDistrict)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RegionChildrenOfProvince)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_RegionSearchBanjarsari)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_Health)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
