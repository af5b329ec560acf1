// Registry list, search and drill-down latency at scale (issue 3): every request goes through
// the whole in-process stack (router, bearer authentication, services, SOCI, the database) of a
// registry that bench/import_bench.sh filled with 1,000,000 enterprises. Each case varies its
// parameters across requests (regencies, villages, sectors, words) and reports p50, p95 and max.
//   registry_bench DATABASE [REQUESTS_PER_CASE]
#include <cctype>
#include <cstdio>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include "bench_api.hpp"

namespace {

namespace json = boost::json;
using gotong::bench::Bench;
using gotong::bench::Case;

std::vector<std::string> Codes(const json::value& page, const char* list, const char* field) {
  std::vector<std::string> codes;
  for (const auto& item : page.at(list).as_array()) codes.emplace_back(item.at(field).as_string());
  return codes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: registry_bench DATABASE [REQUESTS_PER_CASE]\n";
    return 2;
  }
  const std::size_t requests = argc > 2 ? std::stoul(argv[2]) : 200;
  Bench bench = Bench::Open(argv[1]);

  // What the registry holds: its busiest province, that province's regencies and districts,
  // villages and words taken from a sample of its records.
  auto provinces = bench.GetJson("/api/v1/enterprises/areas");
  std::string province;
  std::int64_t most = -1, total = provinces.at("total").as_int64();
  for (const auto& area : provinces.at("areas").as_array()) {
    if (area.at("total").as_int64() > most) {
      most = area.at("total").as_int64();
      province = std::string(area.at("code").as_string());
    }
  }
  auto regencies = Codes(bench.GetJson("/api/v1/enterprises/areas?region=" + province), "areas", "code");
  auto districts = Codes(bench.GetJson("/api/v1/enterprises/areas?region=" + regencies.front()),
                         "areas", "code");
  auto sample = bench.GetJson("/api/v1/enterprises?region=" + province + "&sort=-created_at&limit=200");
  std::vector<std::string> villages = Codes(sample, "items", "village_code");
  std::set<std::string> word_set;
  for (const auto& item : sample.at("items").as_array()) {
    std::string owner(item.at("owner").at("name").as_string());
    word_set.insert(owner.substr(0, owner.find(' ')));
  }
  std::vector<std::string> words(word_set.begin(), word_set.end());
  for (auto& word : words) {
    for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const std::vector<std::string> sectors = {"batik", "food_processing", "crafts", "fashion",
                                            "agriculture", "trade", "services", "culinary"};
  std::printf("registry: %lld enterprises; province %s (%lld), %zu regencies, %zu sampled villages, "
              "%zu words; %zu requests per case\n",
              static_cast<long long>(total), province.c_str(), static_cast<long long>(most),
              regencies.size(), villages.size(), words.size(), requests);

  auto pick = [](const std::vector<std::string>& from, std::size_t i) { return from[i % from.size()]; };
  std::vector<Case> cases = {
      {"list: regency, sorted by name, first page", 50,
       [&](std::size_t i) { return "/api/v1/enterprises?region=" + pick(regencies, i) + "&limit=50"; }},
      {"list: province + sector, sorted by -turnover", 50,
       [&](std::size_t i) {
         return "/api/v1/enterprises?region=" + province + "&sector=" + pick(sectors, i) +
                "&sort=-turnover&limit=50";
       }},
      {"list: whole registry, sorted by name", 50,
       [&](std::size_t) { return std::string("/api/v1/enterprises?limit=50"); }},
      {"list: whole registry, page 100, sorted by -created_at", 50,
       [&](std::size_t) { return std::string("/api/v1/enterprises?sort=-created_at&limit=50&offset=4950"); }},
      {"renewal worklist: village, stale, by verified_at", 50,
       [&](std::size_t i) {
         return "/api/v1/enterprises?region=" + pick(villages, i) + "&stale=true&sort=verified_at&limit=50";
       }},
      {"search: q = an owner's first name", 50,
       [&](std::size_t i) { return "/api/v1/enterprises?q=" + pick(words, i) + "&limit=50"; }},
      {"search: q = a word's start + regency", 50,
       [&](std::size_t i) {
         return "/api/v1/enterprises?q=" + pick(words, i).substr(0, 3) + "&region=" +
                pick(regencies, i) + "&limit=50";
       }},
      {"search: q = a word's first two letters (several words)", 50,
       [&](std::size_t i) { return "/api/v1/enterprises?q=" + pick(words, i).substr(0, 2) + "&limit=50"; }},
      {"drill-down: provinces", 100, [&](std::size_t) { return std::string("/api/v1/enterprises/areas"); }},
      {"drill-down: regencies of the province", 100,
       [&](std::size_t) { return "/api/v1/enterprises/areas?region=" + province; }},
      {"drill-down: districts of a regency", 100,
       [&](std::size_t i) { return "/api/v1/enterprises/areas?region=" + pick(regencies, i); }},
      {"drill-down: villages of a district", 100,
       [&](std::size_t i) { return "/api/v1/enterprises/areas?region=" + pick(districts, i); }},
      {"drill-down: regencies, stale only", 100,
       [&](std::size_t) { return "/api/v1/enterprises/areas?region=" + province + "&stale=true"; }},
  };

  return gotong::bench::Measure(bench, cases, requests);
}
