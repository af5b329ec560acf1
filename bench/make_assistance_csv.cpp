// The equity dashboard benchmark's data (issue 15), for bench/dashboards_bench.sh: SQL for the
// stakeholders (three of each helix), programmes with their partners and groups of a province,
// and a CSV of assistance records over the enterprises an import numbered 1..ENTERPRISES: 95% to
// an enterprise drawn at random (so about e^-1.9 = 15% of them are never served), 5% to a group,
// seven kinds, twelve providers, half under one of the programmes, given over 2020–2024.
// Deterministic (a fixed seed).
//   make_assistance_csv VILLAGES_CSV PROVINCE ENTERPRISES RECORDS GROUPS OUT.sql OUT.csv
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::uint64_t Next(std::uint64_t& state) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

constexpr const char* kHelixes[] = {"government", "business", "academia", "civil_society"};
constexpr const char* kKinds[] = {"grant",          "working_capital", "equipment",  "training_seat",
                                  "exhibition_slot", "market_access",  "consultation"};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 8) {
    std::cerr << "usage: make_assistance_csv VILLAGES_CSV PROVINCE ENTERPRISES RECORDS GROUPS OUT.sql OUT.csv\n";
    return 2;
  }
  const std::string province = argv[2];
  const std::uint64_t enterprises = std::stoull(argv[3]);
  const std::uint64_t records = std::stoull(argv[4]);
  const std::uint64_t groups = std::stoull(argv[5]);
  std::vector<std::string> villages;
  {
    std::ifstream in(argv[1]);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind(province + ".", 0) == 0) villages.push_back(line.substr(0, line.find(',')));
    }
  }
  if (villages.empty() || enterprises == 0) {
    std::cerr << "no villages of province " << province << " or no enterprises\n";
    return 1;
  }
  FILE* sql = std::fopen(argv[6], "w");
  FILE* csv = std::fopen(argv[7], "w");
  if (sql == nullptr || csv == nullptr) {
    std::cerr << "cannot write the output files\n";
    return 1;
  }
  const char* stamp = "2025-01-01T00:00:00Z";
  std::fputs("BEGIN;\n", sql);
  // Stakeholders 1..12 (the bench database has none before).
  const char* kinds[] = {"agency", "bank", "university", "ngo"};
  for (int s = 0; s < 12; ++s) {
    std::fprintf(sql,
                 "INSERT INTO stakeholders (id, name, helix, kind, created_at, updated_at) VALUES (%d, "
                 "'Bench stakeholder %d', '%s', '%s', '%s', '%s');\n",
                 s + 1, s + 1, kHelixes[s % 4], kinds[s % 4], stamp, stamp);
  }
  for (int p = 0; p < 50; ++p) {
    const int owner = 1 + p % 12;
    std::fprintf(sql,
                 "INSERT INTO programmes (id, name, search_name, owner_id, status, starts_on, ends_on, capital_access, "
                 "human_resources, partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, "
                 "budget, follow_up_months, created_at, updated_at) VALUES (%d, 'Bench programme %d', 'bench programme "
                 "%d', %d, 'active', '2020-01-01', '2024-12-31', 1, 1, 0, 0, 1, 0, 0, '3,6', '%s', '%s');\n",
                 p + 1, p + 1, p + 1, owner, stamp, stamp);
    std::fprintf(sql,
                 "INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, contribution, position) "
                 "VALUES (%d, %d, 'owner', '%s', NULL, 0), (%d, %d, 'partner', '%s', 'Bench contribution', 1);\n",
                 p + 1, owner, kHelixes[(owner - 1) % 4], p + 1, 1 + (owner + 4) % 12, kHelixes[(owner + 4) % 4]);
  }
  std::uint64_t state = 0x9E3779B97F4A7C15ULL;
  for (std::uint64_t g = 0; g < groups; ++g) {
    const std::string& village = villages[Next(state) % villages.size()];
    std::fprintf(sql,
                 "INSERT INTO groups (id, name, search_name, kind, sector, village_code, origin, status, status_since, "
                 "sop_meetings_per_month, created_at, updated_at) VALUES (%llu, 'Kelompok %llu', 'kelompok %llu', "
                 "'joint_business_group', 'food_processing', '%s', 'self_initiated', 'active', '2020-01-01', 1, "
                 "'%s', '%s');\n",
                 static_cast<unsigned long long>(g + 1), static_cast<unsigned long long>(g + 1),
                 static_cast<unsigned long long>(g + 1), village.c_str(), stamp, stamp);
  }
  std::fputs("COMMIT;\n", sql);
  // provider_id,enterprise_id,group_id,programme_id,kind,value,given_on,created_at,updated_at
  for (std::uint64_t r = 0; r < records; ++r) {
    const std::uint64_t x = Next(state);
    const bool to_group = groups > 0 && x % 20 == 0;
    const std::uint64_t recipient = 1 + Next(state) % (to_group ? groups : enterprises);
    const int provider = 1 + static_cast<int>((x >> 8) % 12);
    const std::uint64_t programme = (x >> 16) % 2 == 0 ? 1 + (x >> 17) % 50 : 0;
    const char* kind = kKinds[(x >> 24) % 7];
    const long long value = 100'000 + static_cast<long long>((x >> 28) % 500) * 100'000;
    const unsigned day = static_cast<unsigned>((x >> 40) % (5 * 365));
    const int year = 2020 + static_cast<int>(day / 365);
    const unsigned yday = day % 365, month = 1 + yday / 31 % 12, mday = 1 + yday % 28;
    std::string id = std::to_string(recipient);
    std::fprintf(csv, "%d,%s,%s,%s,%s,%lld,%04d-%02u-%02u,%s,%s\n", provider, to_group ? "" : id.c_str(),
                 to_group ? id.c_str() : "", programme ? std::to_string(programme).c_str() : "", kind, value, year,
                 month, mday, stamp, stamp);
  }
  std::fclose(sql);
  std::fclose(csv);
  return 0;
}
