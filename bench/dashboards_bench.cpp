// The equity and quadruple-helix dashboards at scale (issue 15), over a registry filled by
// bench/dashboards_bench.sh: 1,000,000 enterprises of East Java and 2,000,000 assistance records.
// Every request goes through the whole in-process stack; each case reports p50, p95 and max
// against the target for the equity dashboard (300 ms p95).
//   dashboards_bench DATABASE PROVINCE [REQUESTS_PER_CASE]
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "bench_api.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: dashboards_bench DATABASE PROVINCE [REQUESTS_PER_CASE]\n";
    return 2;
  }
  const std::string province = argv[2];
  const std::size_t requests = argc > 3 ? std::stoul(argv[3]) : 200;
  auto bench = gotong::bench::Bench::Open(argv[1]);
  const std::string equity = "/api/v1/dashboards/equity";
  auto top = bench.GetJson(equity + "?region=" + province);
  std::printf("enterprises %lld, records %lld, enterprises served %lld; %zu requests per case\n",
              static_cast<long long>(top.at("totals").at("enterprises").as_int64()),
              static_cast<long long>(top.at("totals").at("records").as_int64()),
              static_cast<long long>(top.at("totals").at("enterprises_served").as_int64()), requests);
  // The regencies with enterprises, and a district of each, to drill into.
  std::vector<std::string> regencies, districts;
  for (const auto& row : top.at("rows").as_array()) {
    if (row.at("enterprises").as_int64() > 0) regencies.emplace_back(row.at("key").as_string());
  }
  for (const auto& regency : regencies) {
    auto rows = bench.GetJson(equity + "?region=" + regency).at("rows");
    for (const auto& row : rows.as_array()) {
      if (row.at("enterprises").as_int64() > 0) {
        districts.emplace_back(row.at("key").as_string());
        break;
      }
    }
  }
  if (regencies.empty() || districts.empty()) {
    std::cerr << "no enterprises in province " << province << "\n";
    return 1;
  }
  const std::vector<std::string> kinds = {"grant", "working_capital", "equipment", "training_seat",
                                          "exhibition_slot", "market_access", "consultation"};
  const std::vector<std::string> helixes = {"government", "business", "academia", "civil_society"};
  auto regency = [&](std::size_t i) { return regencies[i % regencies.size()]; };
  auto district = [&](std::size_t i) { return districts[i % districts.size()]; };
  auto year = [](std::size_t i) { return std::to_string(2020 + i % 5); };
  const double target = 300;
  std::vector<gotong::bench::Case> cases = {
      {"equity: provinces, everything", target, [&](std::size_t) { return equity; }},
      {"equity: regencies of the province", target, [&](std::size_t) { return equity + "?region=" + province; }},
      {"equity: districts of a regency", target, [&](std::size_t i) { return equity + "?region=" + regency(i); }},
      {"equity: villages of a district", target, [&](std::size_t i) { return equity + "?region=" + district(i); }},
      {"equity: by sector", target, [&](std::size_t) { return equity + "?by=sector"; }},
      {"equity: by scale", target, [&](std::size_t) { return equity + "?by=scale"; }},
      {"equity: by gender", target, [&](std::size_t) { return equity + "?by=gender"; }},
      {"equity: regencies, one calendar year", target,
       [&](std::size_t i) { return equity + "?region=" + province + "&from=" + year(i) + "-01-01&to=" + year(i) + "-12-31"; }},
      {"equity: districts, a kind and a helix", target,
       [&](std::size_t i) {
         return equity + "?region=" + regency(i) + "&kind=" + kinds[i % kinds.size()] + "&helix=" + helixes[i % 4];
       }},
      {"equity: by gender, a year and a kind", target,
       [&](std::size_t i) {
         return equity + "?by=gender&from=" + year(i) + "-01-01&to=" + year(i) + "-12-31&kind=" + kinds[i % kinds.size()];
       }},
      {"equity: regencies, six months (served from the ledger)", target,
       [&](std::size_t i) { return equity + "?region=" + province + "&from=" + year(i) + "-01-01&to=" + year(i) + "-06-30"; }},
      {"equity: regencies, a quarter not month-aligned (ledger)", target,
       [&](std::size_t i) { return equity + "?region=" + province + "&from=" + year(i) + "-01-15&to=" + year(i) + "-04-14"; }},
      {"equity: villages of a district, a programme (ledger)", target,
       [&](std::size_t i) { return equity + "?region=" + district(i) + "&programme_id=" + std::to_string(1 + i % 50); }},
      {"equity: regencies, a programme (ledger)", target,
       [&](std::size_t i) { return equity + "?region=" + province + "&programme_id=" + std::to_string(1 + i % 50); }},
      {"helix: network and contributions", target, [](std::size_t) { return std::string("/api/v1/dashboards/helix"); }},
  };
  return gotong::bench::Measure(bench, cases, requests);
}
