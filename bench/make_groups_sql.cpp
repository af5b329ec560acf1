// Writes the groups benchmark's data as SQL that SQLite and PostgreSQL both run (multi-row
// INSERTs in one transaction), deterministic for the same arguments:
//  - group 1, the busy one: 50 members, five years of weekly meetings (2021-11-01 to
//    2026-10-26) with everyone's attendance, a monthly fee payment per member and a weekly shop
//    sale in its ledger, and twelve help requests a week (issue 14) with their advice and
//    reworks: the older ones closed, the last two months' a mentor's queue; and its learning
//    (issue 14): every member mentored from 2021 (by member 4 or 5, or an outside consultant),
//    a learning cycle a month with ten mentees, three targets, four of the weekly meetings as its
//    sessions and an evaluation of every mentee on every target, the last one still under way;
//  - groups 2..GROUPS over the villages of PROVINCE, each with 0 to 3 meetings held in every
//    month from 2025-11 to 2026-10 (a province's compliance table).
//   make_groups_sql VILLAGES_CSV PROVINCE GROUPS OUT.sql
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <iostream>
#include <string>
#include <vector>

namespace {

class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }

 private:
  std::uint64_t state_;
};

// Collects rows of one table and writes them as INSERTs of up to 1,000 rows.
class Inserts {
 public:
  Inserts(std::ofstream& out, std::string head) : out_(out), head_(std::move(head)) {}
  ~Inserts() { Flush(); }
  void Row(const std::string& values) {
    out_ << (count_ == 0 ? head_ + " VALUES\n(" : ",\n(") << values << ")";
    if (++count_ == 1000) Flush();
  }
  void Flush() {
    if (count_ > 0) out_ << ";\n";
    count_ = 0;
  }

 private:
  std::ofstream& out_;
  std::string head_;
  int count_ = 0;
};

int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string Date(int year, int month, int day) {
  char buffer[40];  // room for any int, so -Wformat-truncation has nothing to say
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// Day `n` after 2021-11-01 (n < 1900).
std::string DayAfterStart(int n) {
  int year = 2021, month = 11, day = 1 + n;
  while (day > DaysInMonth(year, month)) {
    day -= DaysInMonth(year, month);
    if (++month == 13) {
      month = 1;
      ++year;
    }
  }
  return Date(year, month, day);
}

std::string Quote(const std::string& text) { return "'" + text + "'"; }

// The values of one row, joined by commas.
std::string Values(std::initializer_list<std::string> values) {
  std::string row;
  for (const auto& value : values) {
    if (!row.empty()) row += ", ";
    row += value;
  }
  return row;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::cerr << "usage: make_groups_sql VILLAGES_CSV PROVINCE GROUPS OUT.sql\n";
    return 2;
  }
  const std::string province = argv[2];
  const long groups = std::stol(argv[3]);
  std::vector<std::string> villages;
  {
    std::ifstream csv(argv[1]);
    std::string line;
    while (std::getline(csv, line)) {
      std::string code = line.substr(0, line.find(','));
      if (code.size() == 13 && code.rfind(province + ".", 0) == 0) villages.push_back(code);
    }
  }
  if (villages.empty()) {
    std::cerr << "no villages of province " << province << " in " << argv[1] << "\n";
    return 1;
  }
  std::ofstream out(argv[4]);
  const std::string now = Quote("2026-11-01T00:00:00Z");
  Random random(2026);
  out << "BEGIN;\n";
  {
    Inserts rows(out, "INSERT INTO groups (id, name, search_name, kind, sector, business_centre, village_code, "
                      "origin, programme_id, legality, legality_date, status, status_since, founded_on, "
                      "sop_meetings_per_month, steward_id, created_at, updated_at)");
    for (long g = 1; g <= groups; ++g) {
      std::string name = g == 1 ? "Kelompok Sibuk" : "Kelompok " + std::to_string(g);
      const char* status = g % 10 == 0 ? "inactive" : g % 17 == 0 ? "embryo" : "active";
      rows.Row(std::to_string(g) + ", " + Quote(name) + ", " + Quote("kelompok " + std::to_string(g)) +
               ", 'joint_business_group', 'food_processing', NULL, " +
               Quote(villages[random.Below(villages.size())]) + ", 'self_initiated', NULL, NULL, NULL, " +
               Quote(status) + ", '2021-01-01', '2021-01-01', " + (g % 3 == 0 ? "2" : "1") + ", NULL, " +
               now + ", " + now);
    }
  }
  const int kMembers = 50;
  {
    Inserts people(out, "INSERT INTO people (id, name, search_name, gender, birth_year, phone, village_code, "
                        "nik, nik_consent_at, steward_id, created_at, updated_at)");
    for (int p = 1; p <= kMembers; ++p) {
      people.Row(std::to_string(p) + ", " + Quote("Anggota " + std::to_string(p)) + ", " +
                 Quote("anggota " + std::to_string(p)) + ", 'female', NULL, NULL, NULL, NULL, NULL, NULL, " +
                 now + ", " + now);
    }
    // Person kMembers + 1: the outside consultant who mentors some of group 1's members.
    people.Row(std::to_string(kMembers + 1) + ", 'Konsultan Luar', 'konsultan luar', 'female', NULL, NULL, NULL, "
               "NULL, NULL, NULL, " + now + ", " + now);
  }
  {
    Inserts members(out, "INSERT INTO memberships (id, group_id, person_id, enterprise_id, role, mentor, "
                         "local_hero, joined_on, left_on, user_id, created_at, updated_at)");
    for (int m = 1; m <= kMembers; ++m) {
      const char* role = m == 1 ? "leader" : m == 2 ? "secretary" : m == 3 ? "treasurer" : "member";
      // Members 4 and 5 mentor the others (seed 000).
      const char* mentor = m == 4 || m == 5 ? "1" : "0";
      members.Row(std::to_string(m) + ", 1, " + std::to_string(m) + ", NULL, " + Quote(role) + ", " + mentor +
                  ", 0, '2021-01-01', NULL, NULL, " + now + ", " + now);
    }
  }
  // Group 1: weekly meetings for five years, with attendance.
  const int kWeeks = 261;
  long meeting_id = 0;
  {
    Inserts meetings(out, "INSERT INTO meetings (id, group_id, kind, held_on, status, venue, host_member_id, "
                          "agenda, minutes, created_at, updated_at)");
    for (int w = 0; w < kWeeks; ++w) {
      meetings.Row(std::to_string(++meeting_id) + ", 1, 'formal', " + Quote(DayAfterStart(w * 7)) +
                   ", 'held', 'Balai desa', NULL, 'Rapat mingguan', NULL, " + now + ", " + now);
    }
  }
  {
    Inserts attendance(out, "INSERT INTO attendance (meeting_id, member_id, presence)");
    for (int w = 1; w <= kWeeks; ++w) {
      for (int m = 1; m <= kMembers; ++m) {
        std::size_t roll = random.Below(100);
        const char* presence = roll < 80 ? "present" : roll < 92 ? "excused" : "absent";
        attendance.Row(std::to_string(w) + ", " + std::to_string(m) + ", " + Quote(presence));
      }
    }
  }
  // Group 1's ledger: a fee a month per member, a shop sale a week (entries before their lines).
  {
    struct Post {
      std::string day;
      const char* kind;
      long amount;
      const char* credit_account;
      std::string member;
    };
    std::vector<Post> posts;
    for (int year = 2021, month = 11; year < 2026 || month <= 10;) {
      for (int m = 1; m <= kMembers; ++m) {
        posts.push_back({Date(year, month, 5), "fee_payment", 10'000, "member_fees", std::to_string(m)});
      }
      if (++month == 13) {
        month = 1;
        ++year;
      }
    }
    for (int w = 0; w < kWeeks; ++w) {
      posts.push_back({DayAfterStart(w * 7 + 3), "shop_sale", static_cast<long>(50 + random.Below(200)) * 1000,
                       "shop_revenue", "NULL"});
    }
    {
      Inserts entries(out, "INSERT INTO ledger_entries (id, group_id, entry_date, kind, memo, amount, "
                           "reverses_id, asset_id, created_by, created_by_username, created_at)");
      for (std::size_t i = 0; i < posts.size(); ++i) {
        const auto& p = posts[i];
        entries.Row(std::to_string(i + 1) + ", 1, " + Quote(p.day) + ", " + Quote(p.kind) + ", '', " +
                    std::to_string(p.amount) + ", NULL, NULL, NULL, 'bench', " + now);
      }
    }
    Inserts lines(out, "INSERT INTO ledger_lines (entry_id, line_no, group_id, entry_date, account, debit, "
                       "credit, member_id)");
    for (std::size_t i = 0; i < posts.size(); ++i) {
      const auto& p = posts[i];
      std::string entry = std::to_string(i + 1);
      lines.Row(entry + ", 1, 1, " + Quote(p.day) + ", 'cash', " + std::to_string(p.amount) + ", 0, " + p.member);
      lines.Row(entry + ", 2, 1, " + Quote(p.day) + ", " + Quote(p.credit_account) + ", 0, " +
                std::to_string(p.amount) + ", " + p.member);
    }
  }
  // Group 1's help requests: twelve a week from members 6 to 50, advised by member 4 or 5 within
  // two days and reworked up to six times; those of the last eight weeks partly still waiting.
  long help_requests = 0;
  // A generator of its own, so that the province's data stays as earlier runs measured it.
  Random help_random(14);
  {
    // Each table's rows are gathered first: one table's INSERT must end before the next begins.
    std::vector<std::string> request_rows, advice_rows, attempt_rows;
    const std::string requests_head("INSERT INTO help_requests (id, group_id, member_id, competency_id, title, description, "
                          "status, reported_by, reported_by_username, reported_by_member, closed_by, "
                          "closed_by_username, closed_by_member, close_note, knowledge_post_id, created_at, "
                          "updated_at, first_advice_at, closed_at)");
    const std::string advice_head("INSERT INTO help_advice (id, request_id, author, author_username, author_member, text, "
                        "created_at)");
    const std::string attempts_head("INSERT INTO help_attempts (id, request_id, note, attempted_on, recorded_by, "
                          "recorded_by_username, recorded_by_member, created_at)");
    long advice_id = 0, attempt_id = 0;
    for (int w = 0; w < kWeeks; ++w) {
      for (int k = 0; k < 12; ++k) {
        const long id = ++help_requests;
        const int day = w * 7 + k % 7;
        const std::string reported = Quote(DayAfterStart(day) + "T0" + std::to_string(k % 9) + ":00:00Z");
        const std::string member = std::to_string(6 + static_cast<int>(help_random.Below(45)));
        const std::string mentor = help_random.Below(2) == 0 ? "4" : "5";
        const bool recent = w >= kWeeks - 8;
        const std::size_t roll = help_random.Below(100);
        const bool advised = !recent || roll >= 30;
        const bool closed = !recent ? true : roll >= 75;
        const char* status = closed ? (roll % 7 == 0 ? "abandoned" : "resolved") : advised ? "advised" : "open";
        const int advice_day = day + static_cast<int>(help_random.Below(2));
        const int close_day = std::min(advice_day + 1 + static_cast<int>(help_random.Below(10)), kWeeks * 7 - 1);
        const std::string advice_at = advised ? Quote(DayAfterStart(advice_day) + "T10:00:00Z") : "NULL";
        const std::string closed_at = closed ? Quote(DayAfterStart(close_day) + "T15:00:00Z") : "NULL";
        request_rows.push_back(std::to_string(id) + ", 1, " + member + ", NULL, " + Quote("Masalah " + std::to_string(id)) +
                     ", " + Quote("Hasilnya tidak seperti yang diharapkan.") + ", " + Quote(status) + ", NULL, " +
                     Quote("anggota-" + member) + ", " + member + ", " + (closed ? "NULL, " + Quote("anggota-" + member) +
                     ", " + member : "NULL, NULL, NULL") + ", NULL, NULL, " + reported + ", " +
                     (closed ? closed_at : advised ? advice_at : reported) + ", " + advice_at + ", " + closed_at);
        if (!advised) continue;
        advice_rows.push_back(std::to_string(++advice_id) + ", " + std::to_string(id) + ", NULL, " +
                   Quote("mentor-" + mentor) + ", " + mentor + ", " + Quote("Coba kurangi ragi dan peram lebih lama.") +
                   ", " + advice_at);
        const std::size_t reworks = help_random.Below(7);
        for (std::size_t r = 0; r < reworks; ++r) {
          attempt_rows.push_back(std::to_string(++attempt_id) + ", " + std::to_string(id) + ", " +
                       Quote("Proses ulang ke-" + std::to_string(r + 1)) + ", " + Quote(DayAfterStart(advice_day)) +
                       ", NULL, " + Quote("anggota-" + member) + ", " + member + ", " + advice_at);
        }
      }
    }
    for (const auto& [head, rows] : {std::pair{&requests_head, &request_rows}, std::pair{&advice_head, &advice_rows},
                                     std::pair{&attempts_head, &attempt_rows}}) {
      Inserts table(out, *head);
      for (const auto& row : *rows) table.Row(row);
    }
  }

  // Group 1's learning: members 6..25 mentored by member 4, 26..40 by member 5 (community), 41..50
  // by the consultant (external) since 2021; sixty monthly cycles, every third the consultant's.
  {
    Inserts pairs(out, "INSERT INTO mentorships (id, group_id, mentor_person_id, mentor_member_id, "
                       "mentee_member_id, origin, started_on, ended_on, note, created_at, updated_at)");
    for (int m = 6; m <= kMembers; ++m) {
      const bool external = m > 40;
      const std::string mentor = m <= 25 ? "4" : "5";
      pairs.Row(Values({std::to_string(m), "1", external ? std::to_string(kMembers + 1) : mentor,
                        external ? "NULL" : mentor, std::to_string(m), Quote(external ? "external" : "community"),
                        "'2021-01-01'", "NULL", "NULL", now, now}));
    }
  }
  const int kCycles = 60;
  Random learning_random(15);
  {
    const char* codes[] = {"tape.singkong", "tape.ragi", "tape.kemasan", "usaha.pembukuan", "usaha.harga",
                           "usaha.kemasan", "usaha.jualan_daring", "usaha.halal"};
    std::vector<std::string> cycle_rows, target_rows, mentee_rows, session_rows, evaluation_rows;
    long evaluation_id = 0;
    for (int c = 0; c < kCycles; ++c) {
      const int year = 2021 + (10 + c) / 12, month = (10 + c) % 12 + 1;
      const std::string first = Date(year, month, 1), last = Date(year, month, DaysInMonth(year, month));
      const bool external = c % 3 == 2, closed = c + 1 < kCycles;
      const std::string mentor = external ? std::to_string(kMembers + 1) : c % 3 == 0 ? "4" : "5";
      const std::string id = std::to_string(c + 1);
      cycle_rows.push_back(Values({id, "1", Quote("Siklus " + id), Quote("Tema " + id), "NULL",
                                   Quote(closed ? "closed" : "implementation"), Quote(closed ? last : first), mentor,
                                   external ? "NULL" : mentor, Quote(external ? "external" : "community"),
                                   "'Balai desa'", "NULL", "NULL", "NULL", Quote(first), Quote(last), now, now}));
      std::vector<std::string> targets;
      for (int k = 0; k < 3; ++k) {
        std::string competency = std::string("(SELECT id FROM competencies WHERE code = '") + codes[(c + k) % 8] + "')";
        targets.push_back(competency);
        target_rows.push_back(Values({id, competency, "2", std::to_string(k + 1)}));
      }
      // Ten mentees a cycle, in turn through members 6..50; four weekly meetings as its sessions.
      for (int k = 0; k < 10; ++k) {
        const std::string mentee = std::to_string(6 + (c * 10 + k) % 45);
        mentee_rows.push_back(Values({id, mentee}));
        if (!closed) continue;
        for (const auto& competency : targets) {
          const bool achieved = learning_random.Below(100) < (external ? 70u : 90u);
          evaluation_rows.push_back(Values({std::to_string(++evaluation_id), id, mentee, competency,
                                            achieved ? "1, 2" : "0, NULL", "NULL", Quote(last), "0", "NULL", now}));
        }
      }
      for (int k = 1; k <= 4; ++k) {
        const std::string meeting = std::to_string(c * 4 + k);
        session_rows.push_back(Values({meeting, id, meeting, "'Praktik bersama'", now}));
      }
    }
    for (const auto& [head, rows] : {
             std::pair{std::string("INSERT INTO learning_cycles (id, group_id, title, theme, deliberation_id, status, "
                                   "status_since, mentor_person_id, mentor_member_id, mentor_origin, venue, "
                                   "host_member_id, time_allocation, facilities, planned_from, planned_to, "
                                   "created_at, updated_at)"), &cycle_rows},
             std::pair{std::string("INSERT INTO cycle_targets (cycle_id, competency_id, level, position)"), &target_rows},
             std::pair{std::string("INSERT INTO cycle_mentees (cycle_id, member_id)"), &mentee_rows},
             std::pair{std::string("INSERT INTO cycle_sessions (id, cycle_id, meeting_id, practice, created_at)"),
                       &session_rows},
             std::pair{std::string("INSERT INTO cycle_evaluations (id, cycle_id, member_id, competency_id, achieved, "
                                   "level, notes, evaluated_on, on_request, evaluated_by, created_at)"),
                       &evaluation_rows}}) {
      Inserts table(out, head);
      for (const auto& row : *rows) table.Row(row);
    }
  }

  // The province: 0 to 3 meetings held in each month of the last year.
  {
    Inserts meetings(out, "INSERT INTO meetings (id, group_id, kind, held_on, status, venue, host_member_id, "
                          "agenda, minutes, created_at, updated_at)");
    for (long g = 2; g <= groups; ++g) {
      for (int year = 2025, month = 11, i = 0; i < 12; ++i) {
        std::size_t held = random.Below(4);
        for (std::size_t k = 0; k < held; ++k) {
          meetings.Row(std::to_string(++meeting_id) + ", " + std::to_string(g) + ", 'formal', " +
                       Quote(Date(year, month, static_cast<int>(1 + 9 * k))) + ", 'held', NULL, NULL, NULL, NULL, " +
                       now + ", " + now);
        }
        if (++month == 13) {
          month = 1;
          ++year;
        }
      }
    }
  }
  out << "COMMIT;\n";
  std::cout << "groups: " << groups << ", meetings: " << meeting_id << ", help requests: " << help_requests
            << ", learning cycles: " << kCycles << "\n";
  return 0;
}
