// The demo's empowerment programmes (issue 15): seed 001's one-year YBM BRILiaN programme for the
// Banjarsari tape group, and seed 002's programmes of Kota Batu over its registry — soft loans
// through partner banks for young businesses, IBSC training, exhibitions — with the assistance
// ledger those would have written. Everything goes through the services, dated back from the day
// it runs (Runtime::clock replays it), as the groups' history is.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "app/demo_data.hpp"
#include "app/demo_history.hpp"
#include "core/text.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/rules.hpp"

namespace gotong::app {
namespace {

using domain::accounts::Context;
namespace groups = domain::groups;
namespace programmes = domain::programmes;
namespace registry = domain::registry;
using groups::Month;
using Text = std::optional<std::string>;
using Number = std::optional<std::int64_t>;
using demo::History;
using demo::Random;
namespace form = domain::form;

core::Date AddDays(const core::Date& day, int days) {
  std::chrono::sys_days at{std::chrono::year{day.year} / std::chrono::month{day.month} / std::chrono::day{day.day}};
  std::chrono::year_month_day moved{at + std::chrono::days(days)};
  return core::Date{static_cast<int>(moved.year()), static_cast<unsigned>(moved.month()),
                    static_cast<unsigned>(moved.day())};
}

core::Result<std::int64_t> Stakeholder(Runtime& runtime, const std::string& name) {
  Context system = Context::System("demo");
  GOTONG_ASSIGN_OR_RETURN(auto found, runtime.registry->ListStakeholders(system, std::nullopt, std::nullopt,
                                                                         core::AsciiLower(name), {200, 0}));
  for (const auto& s : found.items) {
    if (s.name == name) return s.id;
  }
  return core::Error::Internal("the demo stakeholder " + name + " is missing");
}

programmes::PartnerInput Partner(std::int64_t id, const char* helix, const char* contribution) {
  programmes::PartnerInput partner;
  partner.stakeholder_id = id;
  partner.helix = std::string(helix);
  partner.contribution = std::string(contribution);
  return partner;
}

struct Design {
  std::string name;
  std::string description;
  std::int64_t owner = 0;
  core::Date starts_on;
  core::Date ends_on;
  std::vector<std::string> factors;
  std::int64_t budget = 0;
  std::string exit_strategy;
  std::vector<std::int64_t> follow_up_months;
  std::vector<programmes::PartnerInput> partners;
  programmes::CriteriaInput criteria;
};

// Designs the programme as a draft and activates it on its first day.
core::Result<std::int64_t> Launch(Runtime& runtime, History& replay, const Design& design) {
  Context system = Context::System("demo");
  replay.At(AddDays(design.starts_on, -20));
  programmes::ProgrammeInput input;
  input.name = Text(design.name);
  input.owner_id = Number(design.owner);
  input.description = Text(design.description);
  input.starts_on = Text(design.starts_on.ToString());
  input.ends_on = Text(design.ends_on.ToString());
  input.factors = design.factors;
  input.sop_meetings_per_month = Number(1);
  input.sop_reports_per_year = Number(12);
  input.budget = Number(design.budget);
  input.exit_strategy = Text(design.exit_strategy);
  input.follow_up_months = design.follow_up_months;
  input.partners = design.partners;
  input.criteria = design.criteria;
  GOTONG_ASSIGN_OR_RETURN(auto created, runtime.programmes->Create(system, input));
  replay.At(design.starts_on);
  programmes::ProgrammeInput activate;
  activate.status = Text("active");
  GOTONG_RETURN_IF_ERROR(runtime.programmes->Update(system, created.programme.id, activate));
  return created.programme.id;
}

struct Benefit {
  std::optional<std::int64_t> programme;
  std::int64_t provider = 0;
  std::optional<std::int64_t> enterprise;
  std::optional<std::int64_t> group;
  const char* kind = "grant";
  std::int64_t value = 0;
  core::Date given_on;
  std::optional<core::Date> until_on;
  bool disbursed = true;
  std::string description;
  std::optional<programmes::LoanInput> loan;
};

core::Result<programmes::Assistance> Give(Runtime& runtime, History& replay, const Benefit& benefit) {
  replay.At(benefit.given_on);
  programmes::AssistanceInput input;
  if (benefit.programme) input.programme_id = Number(*benefit.programme);
  input.provider_id = Number(benefit.provider);
  if (benefit.enterprise) input.enterprise_id = Number(*benefit.enterprise);
  if (benefit.group) input.group_id = Number(*benefit.group);
  input.kind = Text(benefit.kind);
  input.value = Number(benefit.value);
  input.given_on = Text(benefit.given_on.ToString());
  if (benefit.until_on) input.until_on = Text(benefit.until_on->ToString());
  if (benefit.disbursed) input.disbursed_on = Text(benefit.given_on.ToString());
  input.description = Text(benefit.description);
  input.loan = benefit.loan;
  return runtime.assistance->Create(Context::System("demo"), input);
}

// Seed 001's exit: near the end of the year the foundation's mentor nominates the group's leader,
// Sulastri, as its local hero — she hosts the meetings, keeps the books with the treasurer and
// speaks for the group to the village, the bank and the buyers — checks her readiness item by item
// and hands the coaching over to her before the programme closes.
core::Status HandOverToLocalHero(Runtime& runtime, History& replay, std::int64_t programme,
                                 std::int64_t tape_group, const core::Date& ends_on) {
  Context system = Context::System("demo");
  GOTONG_ASSIGN_OR_RETURN(auto members, runtime.groups->ListMembers(system, tape_group, false, {200, 0}));
  std::int64_t sulastri = 0;
  for (const auto& m : members.items) {
    if (m.person_name == "Sulastri") sulastri = m.id;
  }
  if (sulastri == 0) return core::Error::Internal("the tape group's leader Sulastri is missing");

  const core::Date nominated_on = AddDays(ends_on, -75);
  replay.At(nominated_on);
  programmes::NominationInput nominate;
  nominate.member_id = Number(sulastri);
  nominate.nominated_on = Text(nominated_on.ToString());
  nominate.note = Text("Pemrakarsa kelompok sejak awal, diterima semua anggota, dan menjadi penghubung "
                       "kelompok dengan desa, bank dan pembeli.");
  GOTONG_RETURN_IF_ERROR(runtime.exits->Nominate(system, programme, tape_group, nominate));

  const core::Date checked_on = AddDays(ends_on, -30);
  replay.At(checked_on);
  auto check = [&](const char* evidence) {
    programmes::CheckInput item;
    item.met = form::Field<bool>(true);
    item.evidence = Text(evidence);
    item.checked_on = Text(checked_on.ToString());
    return item;
  };
  programmes::ChecklistInput checklist;
  checklist.items = {check("Memimpin pertemuan dua kali sebulan di rumahnya sejak kelompok berdiri"),
                     check("Memeriksa buku kas bersama bendahara setiap pertemuan"),
                     check("Dikenal pemerintah desa, BRI dan pembeli tape di Madiun")};
  GOTONG_RETURN_IF_ERROR(runtime.exits->Check(system, programme, tape_group, checklist));

  const core::Date handed_over_on = AddDays(ends_on, -10);
  replay.At(handed_over_on);
  programmes::HandOverInput hand_over;
  hand_over.handed_over_on = Text(handed_over_on.ToString());
  hand_over.note = Text("Pendampingan diserahkan dalam pertemuan penutupan program.");
  GOTONG_RETURN_IF_ERROR(runtime.exits->HandOver(system, programme, tape_group, hand_over));
  return core::OkStatus();
}

// The foundation's follow-up visits after the end: one on each month of the schedule that has come
// (the group is active, meets its SOP, and Sulastri coaches it); a later one is still ahead.
core::Status VisitAfterTheEnd(Runtime& runtime, History& replay, std::int64_t programme, std::int64_t tape_group,
                              const core::Date& ends_on) {
  struct Visit {
    int month;
    std::int64_t active_members;
    const char* note;
  };
  const Visit visits[] = {
      {3, 10, "Pertemuan tetap berjalan dua kali sebulan; kas dan toko kelompok tertib."},
      {6, 10, "Kelompok membeli singkong bersama dan mengirim tape ke pasar Madiun."},
      {12, 9, "Satu anggota pindah kerja; kelompok tetap aktif di bawah pendampingan Bu Sulastri."},
  };
  for (const auto& v : visits) {
    const core::Date visited_on = AddDays(ends_on, v.month * 30 + 5);
    if (visited_on >= replay.today()) break;
    replay.At(visited_on);
    programmes::FollowUpInput visit;
    visit.group_id = Number(tape_group);
    visit.follow_up_month = Number(v.month);
    visit.visited_on = Text(visited_on.ToString());
    visit.status = Text("active");
    visit.active_members = Number(v.active_members);
    visit.meets_sop = form::Field<bool>(true);
    visit.hero_coaching = form::Field<bool>(true);
    visit.note = Text(v.note);
    GOTONG_RETURN_IF_ERROR(runtime.exits->RecordFollowUp(Context::System("demo"), programme, visit));
  }
  return core::OkStatus();
}

// Seed 001: YBM BRILiaN's year with the tape group — equipment, working capital (the aid the
// group's treasury received), hygiene and packaging training, the food permit — then, after the
// year, the further equipment support of 2024.
core::Result<std::int64_t> LoadYbmProgramme(Runtime& runtime, History& replay, std::int64_t tape_group) {
  GOTONG_ASSIGN_OR_RETURN(auto ybm, Stakeholder(runtime, "YBM BRILiaN"));
  GOTONG_ASSIGN_OR_RETURN(auto bri, Stakeholder(runtime, "Bank Rakyat Indonesia (BRI)"));
  GOTONG_ASSIGN_OR_RETURN(auto umm, Stakeholder(runtime, "Universitas Muhammadiyah Malang"));
  Design design;
  design.name = "Pemberdayaan Kelompok Usaha Tape Banjarsari";
  design.description =
      "Program satu tahun YBM BRILiaN: peralatan, modal kerja dan pendampingan kelompok pengrajin tape "
      "singkong di bawah SOP pertemuan bulanan, lalu pendampingan diserahkan kepada pahlawan lokal.";
  design.owner = ybm;
  design.starts_on = replay.On(replay.Back(23), 1);
  design.ends_on = replay.Back(12).LastDay();
  design.factors = {"capital_access", "human_resources", "partnership"};
  design.budget = 60'000'000;
  design.exit_strategy =
      "Setelah satu tahun pendampingan diserahkan kepada pahlawan lokal dari dalam kelompok yang memimpin "
      "pertemuan, memegang pembukuan dan punya jaringan di luar desa.";
  design.follow_up_months = {3, 6, 12};
  design.partners = {Partner(bri, "business", "Dana CSR dan rekening kelompok"),
                     Partner(umm, "academia", "Kajian kelompok sebagai aliansi strategis")};
  design.criteria.region_codes = std::vector<std::string>{"35.07.20"};
  design.criteria.sectors = std::vector<std::string>{"food_processing"};
  GOTONG_ASSIGN_OR_RETURN(auto id, Launch(runtime, replay, design));

  programmes::EnrolmentInput enrol;
  enrol.group_id = Number(tape_group);
  enrol.enrolled_on = Text(design.starts_on.ToString());
  GOTONG_RETURN_IF_ERROR(runtime.programmes->Enrol(Context::System("demo"), id, enrol));

  const Month first = replay.Back(23);
  struct Given {
    Month month;
    unsigned day;
    const char* kind;
    std::int64_t value;
    const char* description;
  };
  const Given given[] = {
      {first, 12, "equipment", 12'000'000, "Peralatan produksi tape: dandang, kukusan, rak fermentasi, timbangan"},
      {first.Next(), 10, "working_capital", 15'000'000, "Bantuan modal usaha YBM BRILiaN (kas kelompok)"},
      {replay.Back(20), 14, "training_seat", 4'500'000, "Pelatihan higiene pangan dan kemasan untuk 10 anggota"},
      {replay.Back(17), 9, "market_access", 2'500'000, "Pengurusan izin PIRT dan label halal"},
      {replay.Back(14), 18, "consultation", 3'000'000, "Pendampingan pembukuan kelompok"},
  };
  for (const auto& g : given) {
    Benefit benefit;
    benefit.programme = id;
    benefit.provider = ybm;
    benefit.group = tape_group;
    benefit.kind = g.kind;
    benefit.value = g.value;
    benefit.given_on = replay.On(g.month, g.day);
    benefit.description = g.description;
    GOTONG_RETURN_IF_ERROR(Give(runtime, replay, benefit));
  }
  GOTONG_RETURN_IF_ERROR(HandOverToLocalHero(runtime, replay, id, tape_group, design.ends_on));
  // The year is over: the programme closes; the foundation's further equipment support (seed 001's
  // 2024 support) comes after it, outside the programme's budget.
  replay.At(AddDays(design.ends_on, 1));
  programmes::ProgrammeInput close;
  close.status = Text("closed");
  GOTONG_RETURN_IF_ERROR(runtime.programmes->Update(Context::System("demo"), id, close));
  GOTONG_RETURN_IF_ERROR(VisitAfterTheEnd(runtime, replay, id, tape_group, design.ends_on));
  Benefit later;
  later.provider = ybm;
  later.group = tape_group;
  later.kind = "equipment";
  later.value = 8'500'000;
  later.given_on = replay.On(replay.Back(6), 16);
  later.description = "Bantuan peralatan lanjutan: mesin pengemas vakum dan lemari pendingin";
  GOTONG_RETURN_IF_ERROR(Give(runtime, replay, later));
  return id;
}

// The enterprises of Kota Batu, as the registry lists them (oldest record first).
core::Result<std::vector<registry::Enterprise>> BatuEnterprises(Runtime& runtime) {
  std::vector<registry::Enterprise> all;
  registry::EnterpriseQuery query;
  query.region = "35.79";
  query.status = "active";
  GOTONG_RETURN_IF_ERROR(core::ForEachItem(
      [&](const core::PageRequest& page) {
        return runtime.registry->ListEnterprises(Context::System("demo"), query, page);
      },
      [&](registry::EnterpriseView& view) { all.push_back(std::move(view.enterprise)); }));
  return all;
}

struct Repaid {
  core::Date paid_on;
  std::int64_t loan_id = 0;
  std::int64_t amount = 0;
};

// The repayments of a loan up to today: most borrowers pay each instalment on its day; some pay
// a few days late; some stop paying (the portfolio at risk the officer watches).
core::Status PlanRepayments(Runtime& runtime, History& replay, Random& draw, std::int64_t loan_id,
                            std::vector<Repaid>& plan) {
  GOTONG_ASSIGN_OR_RETURN(auto loan, runtime.assistance->Loan(Context::System("demo"), loan_id));
  const int habit = static_cast<int>(draw.Below(100));
  const std::size_t stops_after = habit < 10 ? draw.Below(loan.schedule.instalments.size()) : SIZE_MAX;
  std::size_t number = 0;
  for (const auto& instalment : loan.schedule.instalments) {
    if (number++ >= stops_after) break;
    core::Date paid_on = habit < 25 ? AddDays(instalment.due_on, static_cast<int>(draw.Between(3, 25)))
                                    : AddDays(instalment.due_on, -static_cast<int>(draw.Between(0, 3)));
    if (paid_on >= replay.today()) break;
    plan.push_back({paid_on, loan_id, instalment.Amount()});
  }
  return core::OkStatus();
}

// The households Batu's social office lists as poor (DTKS) and those BAZNAS gives zakat to, among the
// owners of its enterprises: what targeting reads as need. Set by the department's officer, who
// alone (with admins) sees them.
core::Status MarkHouseholds(Runtime& runtime, History& replay, const std::vector<registry::Enterprise>& enterprises) {
  replay.At(replay.On(replay.Back(19), 20));
  Random draw(2019);
  for (const auto& e : enterprises) {
    const bool poor = draw.Chance(6);
    const bool zakat = draw.Chance(2);
    if (!poor && !zakat) continue;
    registry::PersonInput input;
    input.categories.emplace();
    auto add = [&](const char* category, const char* source) {
      registry::HouseholdCategoryInput given;
      given.category = Text(category);
      given.since = Text(replay.On(replay.Back(static_cast<int>(draw.Between(20, 60))), 1).ToString());
      given.source = Text(source);
      input.categories->push_back(std::move(given));
    };
    if (poor) add("poor", "DTKS Kota Batu");
    if (zakat) add("zakat_recipient", "BAZNAS Kota Batu");
    GOTONG_RETURN_IF_ERROR(runtime.registry->UpdatePerson(Context::System("demo"), e.owner_id, input));
  }
  return core::OkStatus();
}

// Who receives the soft loans: a round of the candidates the criteria find, ranked by need (poor and
// zakat-receiving households, micro businesses, those never assisted first), frozen a week into the
// programme with a quota of 120 and confirmed by the officer, which enrols them.
core::Result<std::vector<std::int64_t>> SelectBorrowers(Runtime& runtime, History& replay, std::int64_t programme,
                                                        const core::Date& starts_on) {
  Context system = Context::System("demo");
  replay.At(AddDays(starts_on, 7));
  programmes::RoundInput round;
  round.kind = Text("enterprise");
  round.opens_on = Text(starts_on.ToString());
  round.closes_on = Text(AddDays(starts_on, 30).ToString());
  round.quota = Number(120);
  round.note = Text("Putaran pertama Kredit Usaha Muda");
  GOTONG_ASSIGN_OR_RETURN(auto frozen, runtime.targeting->CreateRound(system, programme, round));
  replay.At(AddDays(starts_on, 10));
  programmes::ConfirmInput confirm;
  confirm.count = Number(frozen.round.selected_count);
  GOTONG_RETURN_IF_ERROR(runtime.targeting->Confirm(system, programme, frozen.round.id, confirm));
  std::vector<std::int64_t> borrowers;
  GOTONG_RETURN_IF_ERROR(core::ForEachItem(
      [&](const core::PageRequest& page) {
        return runtime.targeting->Beneficiaries(system, programme, frozen.round.id, page);
      },
      [&](const auto& b) { borrowers.push_back(b.beneficiary.candidate.id); }));
  return borrowers;
}

// Seed 002: Batu's department with its partners — soft loans through BRI and BTN for micro
// businesses founded in the last five years, IBSC training with the university and Telkom,
// exhibitions with the community — over a share of the 14,579 enterprises, and the ledger's other
// providers (PNM's working capital) outside any programme.
core::Result<DemoProgrammes> LoadBatuProgrammes(Runtime& runtime, History& replay, DemoProgrammes loaded) {
  GOTONG_ASSIGN_OR_RETURN(auto dinas, Stakeholder(runtime, "Dinas Koperasi, Usaha Mikro dan Perdagangan Kota Batu"));
  GOTONG_ASSIGN_OR_RETURN(auto ibsc, Stakeholder(runtime, "PLUT-KUMKM / IBSC Kota Batu"));
  GOTONG_ASSIGN_OR_RETURN(auto bri, Stakeholder(runtime, "Bank Rakyat Indonesia (BRI)"));
  GOTONG_ASSIGN_OR_RETURN(auto btn, Stakeholder(runtime, "Bank Tabungan Negara (BTN)"));
  GOTONG_ASSIGN_OR_RETURN(auto pnm, Stakeholder(runtime, "Permodalan Nasional Madani (PNM)"));
  GOTONG_ASSIGN_OR_RETURN(auto telkom, Stakeholder(runtime, "PT Telkom Indonesia"));
  GOTONG_ASSIGN_OR_RETURN(auto ub, Stakeholder(runtime, "Universitas Brawijaya"));
  GOTONG_ASSIGN_OR_RETURN(auto community, Stakeholder(runtime, "Komunitas UMKM Kota Batu"));
  GOTONG_ASSIGN_OR_RETURN(auto enterprises, BatuEnterprises(runtime));
  if (enterprises.empty()) return loaded;  // the registry was not generated: nothing to assist

  Design loans;
  loans.name = "Kredit Usaha Muda Kota Batu";
  loans.description = "Kredit lunak berbunga ringan melalui bank mitra untuk usaha mikro yang berdiri "
                      "paling lama lima tahun.";
  loans.owner = dinas;
  loans.starts_on = replay.On(replay.Back(18), 1);
  loans.ends_on = AddDays(replay.On(replay.Back(-6), 1), -1);
  loans.factors = {"capital_access"};
  loans.budget = 3'000'000'000;  // 120 loans of at most Rp 25.000.000
  loans.exit_strategy = "Peminjam yang lancar diteruskan ke KUR reguler bank mitra.";
  loans.follow_up_months = {6};
  loans.partners = {Partner(bri, "business", "Penyaluran kredit bunga 6% per tahun"),
                    Partner(btn, "business", "Penyaluran kredit bunga 6% per tahun")};
  loans.criteria.region_codes = std::vector<std::string>{"35.79"};
  loans.criteria.scales = std::vector<std::string>{"micro"};
  loans.criteria.founded_within_years = Number(5);
  GOTONG_RETURN_IF_ERROR(MarkHouseholds(runtime, replay, enterprises));
  GOTONG_ASSIGN_OR_RETURN(loaded.soft_loans, Launch(runtime, replay, loans));
  GOTONG_ASSIGN_OR_RETURN(auto borrowers, SelectBorrowers(runtime, replay, loaded.soft_loans, loans.starts_on));

  Design training;
  training.name = "Pelatihan dan Pendampingan IBSC Kota Batu";
  training.description = "Pelatihan kewirausahaan, kemasan, pemasaran digital dan konsultasi bisnis di "
                         "Integrated Business Service Centre.";
  training.owner = dinas;
  training.starts_on = replay.On(replay.Back(20), 1);
  training.ends_on = replay.Back(-4).LastDay();
  training.factors = {"human_resources", "partnership"};
  training.budget = 900'000'000;
  training.exit_strategy = "Alumni pelatihan menjadi mentor komunitas bagi peserta berikutnya.";
  training.follow_up_months = {3, 12};
  training.partners = {Partner(ibsc, "government", "Tempat dan konsultan IBSC"),
                       Partner(ub, "academia", "Pelatih kemasan dan keuangan"),
                       Partner(telkom, "business", "Pelatihan pemasaran digital")};
  training.criteria.region_codes = std::vector<std::string>{"35.79"};
  GOTONG_ASSIGN_OR_RETURN(loaded.training, Launch(runtime, replay, training));

  Design fairs;
  fairs.name = "Pameran dan Penguatan Pasar UMKM Kota Batu";
  fairs.description = "Stan pameran, bazar wisata dan akses pasar daring untuk produk UMKM Kota Batu.";
  fairs.owner = dinas;
  fairs.starts_on = replay.On(replay.Back(12), 1);
  fairs.ends_on = replay.Back(-12).LastDay();
  fairs.factors = {"market_strengthening", "partnership"};
  fairs.budget = 900'000'000;
  fairs.exit_strategy = "Komunitas UMKM mengelola bazar bulanan sendiri.";
  fairs.follow_up_months = {6};
  fairs.partners = {Partner(community, "civil_society", "Panitia bazar dan kurasi produk"),
                    Partner(telkom, "business", "Lapak daring dan pelatihan foto produk")};
  fairs.criteria.region_codes = std::vector<std::string>{"35.79"};
  GOTONG_ASSIGN_OR_RETURN(loaded.exhibitions, Launch(runtime, replay, fairs));

  // Who gets what, drawn once over the registry; then written in the order of its days, as the
  // ledger would have been kept.
  Random draw(2017);
  std::vector<Benefit> benefits;
  for (std::int64_t borrower : borrowers) {
    Benefit loan;
    loan.programme = loaded.soft_loans;
    loan.provider = draw.Chance(70) ? bri : btn;
    loan.enterprise = borrower;
    loan.kind = "soft_loan";
    loan.value = draw.Between(5, 25) * 1'000'000;
    loan.given_on = replay.On(replay.Back(static_cast<int>(draw.Between(2, 17))), static_cast<unsigned>(draw.Between(1, 28)));
    loan.description = "Kredit Usaha Muda";
    programmes::LoanInput terms;
    terms.annual_rate_bp = Number(600);
    terms.term_months = Number(draw.Chance(60) ? 12 : 18);
    terms.method = Text(draw.Chance(50) ? "flat" : "declining");
    terms.first_due_on = Text(AddDays(loan.given_on, 30).ToString());
    loan.loan = terms;
    benefits.push_back(std::move(loan));
  }
  for (const auto& e : enterprises) {
    if (draw.Chance(5)) {
      Benefit seat;
      seat.programme = loaded.training;
      seat.provider = draw.Chance(70) ? ibsc : ub;
      seat.enterprise = e.id;
      seat.kind = "training_seat";
      seat.value = 750'000;
      seat.given_on = replay.On(replay.Back(static_cast<int>(draw.Between(1, 19))), static_cast<unsigned>(draw.Between(1, 20)));
      seat.until_on = AddDays(seat.given_on, 2);
      seat.description = draw.Chance(50) ? "Pelatihan kemasan dan label" : "Pelatihan pemasaran digital";
      // A few attended the same course twice from two providers: the ledger flags it.
      if (draw.Chance(4)) {
        Benefit twice = seat;
        twice.provider = seat.provider == ibsc ? telkom : ibsc;
        benefits.push_back(twice);
      }
      benefits.push_back(std::move(seat));
    }
    if (draw.Chance(2)) {
      Benefit stall;
      stall.programme = loaded.exhibitions;
      stall.provider = dinas;
      stall.enterprise = e.id;
      stall.kind = "exhibition_slot";
      stall.value = 2'500'000;
      stall.given_on = replay.On(replay.Back(static_cast<int>(draw.Between(1, 11))), 10);
      stall.until_on = AddDays(stall.given_on, 3);
      stall.description = "Stan Batu Expo dan bazar wisata";
      benefits.push_back(std::move(stall));
    }
    if (draw.Chance(1)) {
      Benefit capital;
      capital.provider = pnm;
      capital.enterprise = e.id;
      capital.kind = "working_capital";
      capital.value = draw.Between(2, 5) * 1'000'000;
      capital.given_on = replay.On(replay.Back(static_cast<int>(draw.Between(1, 24))), 15);
      capital.description = "Modal kerja PNM Mekaar";
      benefits.push_back(std::move(capital));
    }
  }
  std::stable_sort(benefits.begin(), benefits.end(),
                   [](const Benefit& a, const Benefit& b) { return a.given_on < b.given_on; });
  std::vector<std::int64_t> loan_ids;
  for (const auto& benefit : benefits) {
    GOTONG_ASSIGN_OR_RETURN(auto recorded, Give(runtime, replay, benefit));
    if (benefit.loan) loan_ids.push_back(recorded.id);
  }
  // The repayments, in the order of their days.
  Random habits(2018);
  std::vector<Repaid> repaid;
  for (std::int64_t loan : loan_ids) GOTONG_RETURN_IF_ERROR(PlanRepayments(runtime, replay, habits, loan, repaid));
  std::stable_sort(repaid.begin(), repaid.end(), [](const Repaid& a, const Repaid& b) { return a.paid_on < b.paid_on; });
  for (const auto& r : repaid) {
    replay.At(r.paid_on);
    programmes::RepaymentInput repay;
    repay.paid_on = Text(r.paid_on.ToString());
    repay.amount = Number(r.amount);
    GOTONG_RETURN_IF_ERROR(runtime.assistance->Repay(Context::System("demo"), r.loan_id, repay));
  }
  loaded.assistance_records = static_cast<std::int64_t>(benefits.size());
  return loaded;
}

}  // namespace

core::Result<DemoProgrammes> LoadDemoProgrammes(Runtime& runtime, const DemoGroups& groups_loaded) {
  DemoProgrammes loaded;
  if (groups_loaded.tape_group == 0) return loaded;  // loaded before: the groups' history is there
  History replay(runtime);
  GOTONG_ASSIGN_OR_RETURN(loaded.ybm, LoadYbmProgramme(runtime, replay, groups_loaded.tape_group));
  return LoadBatuProgrammes(runtime, replay, loaded);
}

}  // namespace gotong::app
