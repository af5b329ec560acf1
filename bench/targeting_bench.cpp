// Targeting at scale (issue 15), over the registry bench/dashboards_bench.sh fills (1,000,000
// enterprises of East Java, 2,000,000 assistance records) with two programmes it adds: 9001 for
// the micro businesses of the whole province, 9002 for those of one regency. Reports the p95 of a
// programme's first page of candidates (target 200 ms), narrowed to a sector, a district and a
// village, and of later pages, then freezes rounds of 100,000 beneficiaries (target 5 s each),
// cancelling each so the next may be made.
//   targeting_bench DATABASE [REQUESTS_PER_CASE] [ROUNDS]
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "bench_api.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: targeting_bench DATABASE [REQUESTS_PER_CASE] [ROUNDS]\n";
    return 2;
  }
  const std::size_t requests = argc > 2 ? std::stoul(argv[2]) : 50;
  const int rounds = argc > 3 ? std::stoi(argv[3]) : 3;
  auto bench = gotong::bench::Bench::Open(argv[1]);
  const std::string province = "/api/v1/programmes/9001/candidates";
  const std::string regency = "/api/v1/programmes/9002/candidates";
  auto first = bench.GetJson(province + "?limit=50");
  auto narrow = bench.GetJson(regency + "?limit=50");
  // A village and its district where the regency's neediest candidate lies, to narrow the province
  // programme to: a short list among a million, sorted rather than walked.
  const std::string village(narrow.at("items").at(0).at("facts").at("village_code").as_string());
  const std::string district = village.substr(0, 8);
  auto in_district = bench.GetJson(province + "?limit=50&region=" + district);
  auto in_village = bench.GetJson(province + "?limit=50&region=" + village);
  std::printf("candidates: %lld%s in the province programme, %lld%s in the regency one, %lld in district %s, %lld "
              "in village %s; %zu requests per case\n",
              static_cast<long long>(first.at("total").as_int64()), first.as_object().contains("total_capped") ? "+" : "",
              static_cast<long long>(narrow.at("total").as_int64()), narrow.as_object().contains("total_capped") ? "+" : "",
              static_cast<long long>(in_district.at("total").as_int64()), district.c_str(),
              static_cast<long long>(in_village.at("total").as_int64()), village.c_str(), requests);
  const double target = 200;
  std::vector<gotong::bench::Case> cases = {
      {"targeting: first page, the province's micro businesses", target,
       [&](std::size_t) { return province + "?limit=50"; }},
      {"targeting: first page, one regency's micro businesses", target,
       [&](std::size_t) { return regency + "?limit=50"; }},
      {"targeting: first page, the province programme narrowed to a sector", target,
       [&](std::size_t) { return province + "?limit=50&sector=food_processing"; }},
      {"targeting: first page, the province programme narrowed to a district", target,
       [&](std::size_t) { return province + "?limit=50&region=" + district; }},
      {"targeting: first page, the province programme narrowed to a village", target,
       [&](std::size_t) { return province + "?limit=50&region=" + village; }},
      {"targeting: page 20, the province's micro businesses", target,
       [&](std::size_t) { return province + "?limit=50&offset=950"; }},
  };
  if (gotong::bench::Measure(bench, cases, requests) != 0) return 1;

  // Freezing: a round of the province programme's 100,000 neediest, cancelled after each.
  std::printf("\n| round | beneficiaries | freeze | target |\n|---|---|---|---|\n");
  int missed = 0;
  for (int i = 0; i < rounds; ++i) {
    boost::json::object body{{"kind", "enterprise"}, {"opens_on", "2024-01-01"}, {"closes_on", "2024-01-31"},
                             {"quota", 100000}};
    auto start = std::chrono::steady_clock::now();
    auto made = bench.Send("POST", "/api/v1/programmes/9001/rounds", boost::json::serialize(body));
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (made.status != 201) {
      std::cerr << "freezing answered " << made.status << ": " << made.body << "\n";
      return 1;
    }
    auto round = boost::json::parse(made.body);
    const auto id = round.at("id").as_int64();
    const bool ok = ms <= 5000;
    missed += ok ? 0 : 1;
    std::printf("| %d | %lld | %.0f ms | %s 5000 ms |\n", i + 1,
                static_cast<long long>(round.at("selected_count").as_int64()), ms, ok ? "met, <=" : "MISSED, <=");
    std::fflush(stdout);
    auto cancelled = bench.Send("POST", "/api/v1/programmes/9001/rounds/" + std::to_string(id) + "/cancel", "{}");
    if (cancelled.status != 200) {
      std::cerr << "cancelling answered " << cancelled.status << ": " << cancelled.body << "\n";
      return 1;
    }
  }
  return 0;
}
