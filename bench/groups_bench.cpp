// A group's pages and a province's compliance table at scale (issue 4), over data written by
// bench/make_groups_sql: group 1 with 50 members and five years of weekly meetings, attendance
// and ledger entries; 40,000 groups of one province with a year of meetings. Every request
// goes through the whole in-process stack; each case reports p50, p95 and max.
//   groups_bench DATABASE PROVINCE [REQUESTS_PER_CASE]
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "bench_api.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: groups_bench DATABASE PROVINCE [REQUESTS_PER_CASE]\n";
    return 2;
  }
  const std::string province = argv[2];
  const std::size_t requests = argc > 3 ? std::stoul(argv[3]) : 100;
  auto bench = gotong::bench::Bench::Open(argv[1]);
  auto table = bench.GetJson("/api/v1/groups/compliance?region=" + province + "&from=2025-11&to=2026-10&limit=1");
  std::printf("groups in province %s: %lld; %zu requests per case\n", province.c_str(),
              static_cast<long long>(table.at("total").as_int64()), requests);
  // A regency of the province for the regency-sized table.
  std::string regency = std::string(bench.GetJson("/api/v1/groups?limit=1&offset=1").at("items").at(0)
                                        .at("village_code").as_string()).substr(0, 5);
  const std::vector<std::string> years = {"2022", "2023", "2024", "2025", "2026"};
  auto year = [&](std::size_t i) { return years[i % years.size()]; };
  std::vector<gotong::bench::Case> cases = {
      {"group page (group 1: 50 members, 5 years)", 50,
       [](std::size_t) { return std::string("/api/v1/groups/1"); }},
      {"members, first page", 50, [](std::size_t) { return std::string("/api/v1/groups/1/members?limit=50"); }},
      {"meetings, a year's page", 50,
       [&](std::size_t i) { return "/api/v1/groups/1/meetings?limit=20&from=" + year(i) + "-01-01"; }},
      {"meeting with its attendance", 50,
       [](std::size_t i) { return "/api/v1/groups/1/meetings/" + std::to_string(1 + (i * 37) % 260); }},
      {"compliance view, 12 months", 50,
       [&](std::size_t i) { return "/api/v1/groups/1/compliance?from=" + year(i) + "-01&to=" + year(i) + "-10"; }},
      {"compliance view, 60 months", 50,
       [](std::size_t) { return std::string("/api/v1/groups/1/compliance?from=2021-11&to=2026-10"); }},
      {"treasury statement, a year", 50,
       [&](std::size_t i) { return "/api/v1/groups/1/statement?from=" + year(i) + "-01-01&to=" + year(i) + "-10-31"; }},
      {"month-end balances, 60 months", 50,
       [](std::size_t) { return std::string("/api/v1/groups/1/balances?from=2021-11&to=2026-10"); }},
      {"fees and arrears per member", 50, [](std::size_t) { return std::string("/api/v1/groups/1/fees?through=2026-10"); }},
      {"ledger, first page", 50, [](std::size_t) { return std::string("/api/v1/groups/1/ledger?limit=50"); }},
      // Issue 14: a mentor's queue of help requests first (open, then advised, oldest first).
      {"help requests: a mentor's waiting ones, first page", 50,
       [](std::size_t) { return std::string("/api/v1/help-requests?group_id=1&status=open,advised&limit=20"); }},
      {"help requests: all of the group's, page 40", 50,
       [](std::size_t) { return std::string("/api/v1/help-requests?group_id=1&limit=20&offset=780"); }},
      {"help requests: one member's own", 50,
       [](std::size_t i) { return "/api/v1/help-requests?group_id=1&limit=20&member_id=" + std::to_string(6 + i % 45); }},
      {"help request with its advice and reworks", 50,
       [](std::size_t i) { return "/api/v1/help-requests/" + std::to_string(1 + (i * 97) % 3000); }},
      // Issue 14: the outcomes page over 60 cycles, 240 sessions, 1,770 evaluations and 3,132
      // help requests with their mentors' origins.
      {"learning outcomes (60 cycles, 3,132 help requests)", 50,
       [](std::size_t) { return std::string("/api/v1/groups/1/learning-outcomes"); }},
      {"learning cycles list (60 cycles)", 50, [](std::size_t) { return std::string("/api/v1/cycles?group_id=1&limit=200"); }},
      {"province compliance table, 3 months, least first", 1000,
       [&](std::size_t) { return "/api/v1/groups/compliance?region=" + province + "&from=2026-08&to=2026-10"; }},
      {"province compliance table, 12 months, page 20", 1000,
       [&](std::size_t) {
         return "/api/v1/groups/compliance?region=" + province + "&from=2025-11&to=2026-10&offset=950";
       }},
      {"regency compliance table, 12 months", 1000,
       [&](std::size_t) { return "/api/v1/groups/compliance?region=" + regency + "&from=2025-11&to=2026-10"; }},
  };
  return gotong::bench::Measure(bench, cases, requests);
}
