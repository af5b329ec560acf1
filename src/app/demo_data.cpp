#include "app/demo_data.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "app/demo_history.hpp"
#include "core/text.hpp"
#include "domain/accounts/access.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/registry/import.hpp"

namespace gotong::app {
namespace {

using domain::accounts::Context;
using demo::Random;
namespace registry = domain::registry;

struct SectorMix {
  registry::Sector sector;
  int weight;
  std::array<std::string_view, 4> businesses;
  std::string_view products;
};

// Batu is a city of apples, vegetables and tourism (seed 002).
constexpr std::array<SectorMix, 11> kMix = {{
    {registry::Sector::kTrade, 27, {"Toko Sembako", "Toko Oleh-oleh", "Kios Buah", "Toko Kelontong"}, "sembako, oleh-oleh khas Batu"},
    {registry::Sector::kCulinary, 18, {"Warung Makan", "Depot Bakso", "Kedai Kopi", "Warung Pecel"}, "makanan dan minuman"},
    {registry::Sector::kFoodProcessing, 15, {"Keripik Apel", "Dodol Apel", "Jenang", "Tape"}, "keripik apel, dodol, jenang"},
    {registry::Sector::kAgriculture, 12, {"Kebun Apel", "Tani Sayur", "Kebun Jeruk", "Bunga Potong"}, "apel, sayur, bunga potong"},
    {registry::Sector::kServices, 9, {"Bengkel", "Salon", "Laundry", "Jasa Foto"}, "jasa"},
    {registry::Sector::kCrafts, 5, {"Kerajinan Bambu", "Anyaman", "Ukir Kayu", "Souvenir"}, "kerajinan tangan, suvenir"},
    {registry::Sector::kAccommodation, 5, {"Homestay", "Penginapan", "Villa", "Guest House"}, "penginapan wisata"},
    {registry::Sector::kFashion, 3, {"Konveksi", "Penjahit", "Butik", "Bordir"}, "pakaian, bordir"},
    {registry::Sector::kBeverages, 3, {"Sari Apel", "Susu Segar", "Jamu", "Wedang"}, "sari apel, susu, jamu"},
    {registry::Sector::kBatik, 2, {"Batik", "Batik Tulis", "Batik Ciprat", "Ecoprint"}, "batik tulis, ecoprint"},
    {registry::Sector::kFisheries, 1, {"Ikan Hias", "Budidaya Lele", "Kolam Nila", "Ikan Segar"}, "ikan"},
}};

constexpr std::array<std::string_view, 24> kWomen = {
    "Siti", "Sri", "Dewi", "Ani", "Rina", "Yuli", "Endang", "Wati", "Sumiati", "Nur", "Lestari",
    "Ratna", "Umi", "Tutik", "Suharti", "Indah", "Puji", "Sulastri", "Eni", "Ida", "Murni",
    "Rahayu", "Kartini", "Winarti"};
constexpr std::array<std::string_view, 24> kMen = {
    "Budi", "Agus", "Slamet", "Joko", "Bambang", "Hadi", "Eko", "Sugeng", "Wahyu", "Imam",
    "Supriyadi", "Darmaji", "Heru", "Yusuf", "Ahmad", "Rudi", "Teguh", "Suyono", "Hariyanto",
    "Gunawan", "Samsul", "Priyo", "Kusnadi", "Mulyono"};
constexpr std::array<std::string_view, 16> kFamily = {
    "Santoso", "Wijaya", "Pratama", "Susanto", "Hidayat", "Setiawan", "Purnomo", "Rahmawati",
    "Utomo", "Wibowo", "Kurniawan", "Handayani", "Saputra", "Nugroho", "Lestari", "Prasetyo"};

}  // namespace

core::Result<std::int64_t> LoadDemoStakeholders(Runtime& runtime) {
  struct Demo {
    const char* name;
    const char* helix;
    const char* kind;
    const char* region;
    const char* contact;
  };
  static constexpr Demo kStakeholders[] = {
      {"Dinas Koperasi, Usaha Mikro dan Perdagangan Kota Batu", "government", "agency", "35.79",
       "Jl. Panglima Sudirman 507, Kota Batu"},
      {"PLUT-KUMKM / IBSC Kota Batu", "government", "agency", "35.79",
       "Integrated Business Service Centre, Kota Batu"},
      {"Bank Indonesia", "government", "bank", "35", "Kantor Perwakilan Malang"},
      {"Bank Rakyat Indonesia (BRI)", "business", "soe", "35.79", "KUR dan kemitraan UMKM"},
      {"Bank Tabungan Negara (BTN)", "business", "soe", "35.79", nullptr},
      {"Permodalan Nasional Madani (PNM)", "business", "soe", "35.79", "Mekaar dan ULaMM"},
      {"PT Telkom Indonesia", "business", "csr_unit", "35", "Program kemitraan dan bina lingkungan"},
      {"Telkomsel", "business", "csr_unit", "35", nullptr},
      {"Garuda Indonesia", "business", "csr_unit", nullptr, "Program kemitraan"},
      {"Universitas Brawijaya", "academia", "university", "35.73", "Malang"},
      {"Universitas Muhammadiyah Malang", "academia", "university", "35.07", "Malang"},
      {"Komunitas UMKM Kota Batu", "civil_society", "community", "35.79", nullptr},
      {"YBM BRILiaN", "civil_society", "zakat_institution", nullptr,
       "Yayasan Baitul Maal BRILiaN, lembaga amil zakat karyawan BRI"},
  };
  auto& registry = *runtime.registry;
  Context system = Context::System("demo");
  std::int64_t dinas = 0;
  for (const auto& demo : kStakeholders) {
    auto existing = registry.ListStakeholders(system, std::nullopt, std::nullopt,
                                              core::AsciiLower(demo.name), {200, 0});
    std::int64_t id = 0;
    if (existing.ok()) {
      for (const auto& s : existing->items) {
        if (s.name == demo.name) id = s.id;
      }
    }
    if (id == 0) {
      registry::StakeholderInput input;
      input.name = std::optional<std::string>(demo.name);
      input.helix = std::optional<std::string>(demo.helix);
      input.kind = std::optional<std::string>(demo.kind);
      if (demo.region) input.region_code = std::optional<std::string>(demo.region);
      if (demo.contact) input.contact = std::optional<std::string>(demo.contact);
      GOTONG_ASSIGN_OR_RETURN(auto created, registry.CreateStakeholder(system, input));
      id = created.id;
    }
    if (dinas == 0) dinas = id;
  }
  return dinas;
}

core::Result<std::int64_t> LoadDemoRegistry(Runtime& runtime, std::int64_t steward_id,
                                            std::int64_t count) {
  auto& database = *runtime.database;
  std::vector<std::string> villages;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database.Begin(domain::Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(auto codes, unit->Regions().CodesAt(domain::regions::Level::kVillage));
    for (auto& code : codes) {
      if (code.rfind("35.79.", 0) == 0) villages.push_back(std::move(code));
    }
    registry::EnterpriseFilter batu;
    batu.region = "35.79";
    GOTONG_ASSIGN_OR_RETURN(auto existing, unit->Enterprises().List(batu, registry::EnterpriseSort::kCreatedAt, {1, 0}));
    if (existing.total > 0) return 0;
  }
  if (villages.empty()) return core::Error::Internal("the regions of Kota Batu (35.79) are not loaded");
  std::sort(villages.begin(), villages.end());

  Random random(20161231);
  const int this_year = core::DayInIndonesia(runtime.clock.Now()).year;
  int total_weight = 0;
  for (const auto& mix : kMix) total_weight += mix.weight;
  core::Instant now = runtime.clock.Now();
  std::vector<registry::ImportRecord> batch;
  std::unordered_set<std::string> niks;
  std::int64_t added = 0;
  auto flush = [&]() -> core::Status {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database.Begin(domain::Access::kWrite));
    GOTONG_RETURN_IF_ERROR(unit->Bulk().InsertMany(batch));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
    added += static_cast<std::int64_t>(batch.size());
    batch.clear();
    return core::OkStatus();
  };
  for (std::int64_t i = 0; i < count; ++i) {
    registry::ImportRecord record;
    auto& owner = record.owner;
    auto& e = record.enterprise;
    bool woman = random.Chance(58);  // most Indonesian micro enterprises are run by women
    std::string given(woman ? kWomen[random.Below(kWomen.size())] : kMen[random.Below(kMen.size())]);
    owner.name = given + " " + std::string(kFamily[random.Below(kFamily.size())]);
    owner.gender = woman ? registry::Gender::kFemale : registry::Gender::kMale;
    owner.birth_year = static_cast<int>(random.Between(1955, 2003));
    if (random.Chance(80)) owner.phone = "+628" + std::to_string(random.Between(1100000000, 5999999999));
    std::string village = villages[random.Below(villages.size())];
    owner.village_code = village;
    if (random.Chance(40)) {
      // 35.79.xx district digits, a birth date, a serial: the shape of a real NIK.
      std::string district = village.substr(0, 2) + village.substr(3, 2) + village.substr(6, 2);
      char tail[32];
      std::snprintf(tail, sizeof tail, "%02d%02d%02d%04d", static_cast<int>(random.Between(1, 28)) + (woman ? 40 : 0),
                    static_cast<int>(random.Between(1, 12)), *owner.birth_year % 100,
                    static_cast<int>(random.Between(1, 9999)));
      // A NIK belongs to one person (V014): a drawn one that is taken is left out.
      if (niks.insert(district + tail).second) {
        owner.nik = district + tail;
        owner.nik_consent_at = now;
      }
    }
    owner.steward_id = steward_id;

    int pick = static_cast<int>(random.Below(static_cast<std::size_t>(total_weight)));
    const SectorMix* mix = &kMix.front();
    for (const auto& candidate : kMix) {
      if (pick < candidate.weight) {
        mix = &candidate;
        break;
      }
      pick -= candidate.weight;
    }
    e.sector = mix->sector;
    e.name = std::string(mix->businesses[random.Below(4)]) + " " + (woman ? "Bu " : "Pak ") + given;
    if (random.Chance(50)) e.name += " " + std::to_string(i % 97 + 1);
    e.products = std::string(mix->products);
    e.village_code = village;
    // Founded any year up to this one: some are young businesses (the soft loans' criterion).
    e.founded_year = static_cast<int>(random.Between(1990, this_year));
    e.employees = random.Chance(70) ? random.Between(1, 4) : random.Between(5, 30);
    // Turnover: mostly micro, a few small and medium firms; some records know only capital.
    int band = static_cast<int>(random.Below(1000));
    std::int64_t turnover = band < 960   ? random.Between(12'000'000, 1'900'000'000)
                            : band < 996 ? random.Between(2'100'000'000, 14'000'000'000)
                                         : random.Between(15'500'000'000, 45'000'000'000);
    turnover = turnover / 100'000 * 100'000;
    if (random.Chance(88)) {
      e.turnover = turnover;
    } else if (random.Chance(80)) {
      e.capital = turnover / 3 / 100'000 * 100'000;
    }
    if (random.Chance(55)) {
      char nib[32];
      std::snprintf(nib, sizeof nib, "91%011lld", static_cast<long long>(i) + 1);
      e.nib = std::string(nib);
    }
    e.status = random.Chance(96) ? registry::Status::kActive : registry::Status::kClosed;
    if (random.Chance(82)) {
      // Verified some time in the last two years: about a third are stale by now.
      e.verified_at = now - std::chrono::days(random.Between(1, 730));
    }
    e.steward_id = steward_id;
    owner.created_at = owner.updated_at = e.created_at = e.updated_at = now;
    record.match_key = registry::MatchKey(owner.name, e.name, e.village_code);
    batch.push_back(std::move(record));
    if (batch.size() == 5000) GOTONG_RETURN_IF_ERROR(flush());
  }
  if (!batch.empty()) GOTONG_RETURN_IF_ERROR(flush());
  // The first lists after the load plan on real statistics.
  GOTONG_ASSIGN_OR_RETURN(auto unit, database.Begin(domain::Access::kWrite));
  GOTONG_RETURN_IF_ERROR(unit->Bulk().Analyze());
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return added;
}

}  // namespace gotong::app

namespace gotong::app {
namespace {

namespace groups = domain::groups;
using groups::Month;
using demo::History;
using Text = std::optional<std::string>;
using Number = std::optional<std::int64_t>;

std::string Day(int year, unsigned month, unsigned day) {
  return core::Date{year, month, day}.ToString();
}

core::Result<std::int64_t> StakeholderNamed(Runtime& runtime, const std::string& name) {
  Context system = Context::System("demo");
  GOTONG_ASSIGN_OR_RETURN(auto found, runtime.registry->ListStakeholders(
                                          system, std::nullopt, std::nullopt, core::AsciiLower(name), {200, 0}));
  for (const auto& s : found.items) {
    if (s.name == name) return s.id;
  }
  return core::Error::NotFound("no stakeholder " + name);
}

// Adds a member created with her person; returns the membership id.
core::Result<std::int64_t> AddDemoMember(Runtime& runtime, std::int64_t group_id, const std::string& name,
                                         const std::string& village, const std::string& role, bool mentor,
                                         const std::string& joined) {
  groups::MemberInput input;
  domain::registry::PersonInput person;
  person.name = Text(name);
  person.gender = Text("female");
  person.village_code = Text(village);
  input.person = person;
  input.role = Text(role);
  input.mentor = std::optional<bool>(mentor);
  input.joined_on = Text(joined);
  GOTONG_ASSIGN_OR_RETURN(auto member, runtime.groups->AddMember(Context::System("demo"), group_id, input));
  return member.id;
}

// A group of the demo as it is founded: its kind, trade and village, kept by `steward_id`.
struct DemoGroup {
  const char* name;
  const char* kind;
  const char* sector;
  const char* business_centre;
  std::string village_code;
  const char* origin;
  const char* status;  // nullptr: the service's first status (embryo)
  core::Date founded;
  std::int64_t steward_id;
};

// Founds the group on its day; returns its id.
core::Result<std::int64_t> FoundDemoGroup(Runtime& runtime, const DemoGroup& group) {
  groups::GroupInput input;
  input.name = Text(group.name);
  input.kind = Text(group.kind);
  input.sector = Text(group.sector);
  input.business_centre = Text(group.business_centre);
  input.village_code = Text(group.village_code);
  input.origin = Text(group.origin);
  if (group.status != nullptr) input.status = Text(group.status);
  input.founded_on = Text(group.founded.ToString());
  input.status_since = Text(group.founded.ToString());
  input.steward_id = Number(group.steward_id);
  GOTONG_ASSIGN_OR_RETURN(auto created,
                          runtime.groups->CreateGroup(Context::System("demo"), input));
  return created.group.id;
}

// A founding member: her name and her role in the group.
struct Founder {
  const char* name;
  const char* role;
};

// Adds the founders, all of `village`, as members since `joined`; returns their membership ids
// in order.
core::Result<std::vector<std::int64_t>> AddFounders(Runtime& runtime, std::int64_t group_id,
                                                    std::span<const Founder> founders,
                                                    const std::string& village,
                                                    const core::Date& joined) {
  std::vector<std::int64_t> members;
  for (const auto& founder : founders) {
    GOTONG_ASSIGN_OR_RETURN(auto member, AddDemoMember(runtime, group_id, founder.name, village,
                                                       founder.role, false, joined.ToString()));
    members.push_back(member);
  }
  return members;
}

core::Status Entry(Runtime& runtime, std::int64_t group_id, const std::string& kind, std::int64_t amount,
                   const std::string& date, const std::string& memo, Number member = std::nullopt,
                   Number asset = std::nullopt) {
  groups::EntryInput input;
  input.kind = Text(kind);
  input.amount = Number(amount);
  input.date = Text(date);
  input.memo = Text(memo);
  if (member) input.member_id = Number(*member);
  if (asset) input.asset_id = Number(*asset);
  GOTONG_RETURN_IF_ERROR(runtime.treasury->PostEntry(Context::System("demo"), group_id, input));
  return core::OkStatus();
}

// Proposes, records each vote (nullopt: against) and decides; returns the deliberation id.
core::Result<std::int64_t> Deliberate(Runtime& runtime, std::int64_t group_id, const std::string& title,
                                      const std::string& topic, const std::string& option,
                                      const std::vector<std::pair<std::int64_t, bool>>& votes) {
  Context system = Context::System("demo");
  groups::DeliberationInput input;
  input.title = Text(title);
  input.topic = Text(topic);
  input.options = std::vector<std::string>{option};
  GOTONG_ASSIGN_OR_RETURN(auto created, runtime.deliberations->CreateDeliberation(system, group_id, input));
  std::int64_t id = created.deliberation.id;
  std::int64_t option_id = created.deliberation.options.front().id;
  for (const auto& [member, in_favour] : votes) {
    groups::VoteInput vote;
    vote.member_id = member;
    vote.option_id = in_favour ? std::optional<std::optional<std::int64_t>>(option_id)
                               : std::optional<std::optional<std::int64_t>>(std::optional<std::int64_t>{});
    GOTONG_RETURN_IF_ERROR(runtime.deliberations->CastVote(system, group_id, id, vote));
  }
  GOTONG_RETURN_IF_ERROR(runtime.deliberations->Decide(system, group_id, id, {}));
  return id;
}

// A meeting held on `held_on`, recorded that day with each member's presence (`presence_of`
// the i-th member's word: present, excused or absent).
core::Status HoldMeeting(Runtime& runtime, History& history, std::int64_t group_id, const core::Date& held_on,
                         const std::string& kind, std::int64_t host, const std::string& venue,
                         const std::string& agenda, const std::vector<std::int64_t>& members,
                         const std::function<std::string(std::size_t)>& presence_of) {
  Context system = Context::System("demo");
  history.At(held_on);
  groups::MeetingInput meeting;
  meeting.held_on = Text(held_on.ToString());
  meeting.kind = Text(kind);
  meeting.host_member_id = Number(host);
  meeting.venue = Text(venue);
  meeting.agenda = Text(agenda);
  GOTONG_ASSIGN_OR_RETURN(auto held, runtime.meetings->CreateMeeting(system, group_id, meeting));
  std::vector<groups::AttendanceInput> lines;
  lines.reserve(members.size());
  for (std::size_t i = 0; i < members.size(); ++i) lines.push_back({members[i], presence_of(i)});
  GOTONG_RETURN_IF_ERROR(runtime.meetings->RecordAttendance(system, group_id, held.meeting.id, lines));
  return core::OkStatus();
}

// Seed 001: the Harapan Sejahtera tape group of Banjarsari, Ngajum. An embryo group the leader
// had legalised by the village head, formalised through YBM BRILiaN's programme: a year of
// mentoring with working capital (part of it set aside as a group shop), equipment a year later,
// and two years of meetings twice a month where the SOP asked once, ending this month.
core::Result<std::int64_t> LoadHarapanSejahtera(Runtime& runtime, std::int64_t steward_id) {
  Context system = Context::System("demo");
  constexpr const char* kVillage = "35.07.20.2004";
  History history(runtime);
  const Month first = history.Back(23);  // the first of the two years of meetings
  const core::Date founded = history.On(history.Back(36), 1);
  history.At(founded);
  GOTONG_ASSIGN_OR_RETURN(
      std::int64_t id,
      FoundDemoGroup(runtime, {"KUB Harapan Sejahtera", "joint_business_group", "food_processing",
                               "Sentra tape singkong Banjarsari", kVillage, "programme_formed",
                               nullptr, founded, steward_id}));
  static constexpr Founder kMembers[] = {
      {"Sulastri", "leader"}, {"Sutini", "secretary"}, {"Suwarni", "treasurer"},
      {"Painem", "member"},   {"Tukini", "member"},    {"Sumarni", "member"},
      {"Ngatini", "member"},  {"Wagini", "member"},    {"Sarmi", "member"},
      {"Juminten", "member"},
  };
  GOTONG_ASSIGN_OR_RETURN(auto members, AddFounders(runtime, id, kMembers, kVillage, founded));
  // The leader has the group legalised by the village head; the programme formalises it.
  const core::Date legalised = history.On(history.Back(25), 15);
  history.At(legalised);
  groups::GroupInput legal;
  legal.status = Text("active");
  legal.status_since = Text(legalised.ToString());
  legal.legality = Text("Keputusan Kepala Desa Banjarsari No. 141/27/35.07.20.2004/" +
                        std::to_string(legalised.year));
  legal.legality_date = Text(legalised.ToString());
  GOTONG_RETURN_IF_ERROR(runtime.groups->UpdateGroup(system, id, legal));

  // Two years of meetings twice a month (the SOP asked once), at members' houses.
  Random random(2016);
  for (Month month = first; month <= history.current(); month = month.Next()) {
    for (unsigned day : {5u, 20u}) {
      std::int64_t host = members[random.Below(members.size())];
      GOTONG_RETURN_IF_ERROR(HoldMeeting(
          runtime, history, id, history.On(month, day), day == 5 ? "formal" : "informal", host,
          "Rumah anggota", day == 5 ? "Iuran, kas, rencana produksi" : "Berbagi bahan baku dan pasar", members,
          [&](std::size_t) {
            int roll = static_cast<int>(random.Below(100));
            return std::string(roll < 85 ? "present" : roll < 95 ? "excused" : "absent");
          }));
    }
  }

  // The fee from the first month; the programme's working capital, part of it set aside as the
  // group shop; its trade every month since.
  history.At(history.On(first, 5));
  groups::FeeRuleInput fee;
  fee.amount = Number(10'000);
  fee.from = Text(first.ToString());
  GOTONG_RETURN_IF_ERROR(runtime.treasury->AddFeeRule(system, id, fee));
  const core::Date aid_day = history.On(first.Next(), 10);
  history.At(aid_day);
  GOTONG_RETURN_IF_ERROR(Entry(runtime, id, "aid_received", 15'000'000, aid_day.ToString(),
                               "Bantuan modal usaha YBM BRILiaN"));
  const Month shop_month = first.Next().Next();
  history.At(history.On(shop_month, 1));
  groups::AssetInput shop;
  shop.name = Text("Toko kelompok Harapan Sejahtera");
  shop.kind = Text("shop");
  shop.source = Text("aid");
  shop.value = Number(6'000'000);
  shop.acquired_on = Text(history.On(shop_month, 1).ToString());
  GOTONG_ASSIGN_OR_RETURN(auto asset, runtime.treasury->AddAsset(system, id, shop));

  // Market areas agreed and documented at a meeting; a uniform price proposed and not agreed.
  std::vector<std::pair<std::int64_t, bool>> all_for, most_against;
  for (std::size_t i = 0; i < members.size(); ++i) {
    all_for.emplace_back(members[i], true);
    most_against.emplace_back(members[i], i < 3);
  }
  history.At(history.On(shop_month, 5));
  GOTONG_ASSIGN_OR_RETURN(auto areas, Deliberate(runtime, id, "Pembagian wilayah pemasaran", "market_areas",
                                                 "Setiap anggota memasarkan di pasar yang disepakati", all_for));
  static constexpr const char* kMarkets[] = {"Pasar Ngajum", "Pasar Kepanjen", "Pasar Sumberpucung",
                                             "Pasar Kesamben", "Desa Banjarsari"};
  for (std::size_t i = 0; i < std::size(kMarkets); ++i) {
    groups::AreaInput claim;
    claim.member_id = Number(members[i]);
    claim.area = Text(kMarkets[i]);
    claim.deliberation_id = Number(areas);
    GOTONG_RETURN_IF_ERROR(runtime.cooperation->ClaimArea(system, id, claim));
  }
  history.At(history.On(shop_month.Next(), 5));
  GOTONG_RETURN_IF_ERROR(Deliberate(runtime, id, "Harga tape seragam", "price",
                                    "Harga tape Rp 12.000 per kg untuk semua anggota", most_against));

  // A year on, YBM supports the group again with equipment for a shared business line.
  const core::Date equipment_day = history.On(history.Back(11), 10);
  history.At(equipment_day);
  GOTONG_RETURN_IF_ERROR(Entry(runtime, id, "aid_received", 4'500'000, equipment_day.ToString(),
                               "Bantuan peralatan YBM BRILiaN"));
  groups::AssetInput equipment;
  equipment.name = Text("Mesin pengupas dan panci kukus bersama");
  equipment.kind = Text("equipment");
  equipment.source = Text("aid");
  equipment.value = Number(4'500'000);
  equipment.acquired_on = Text(equipment_day.ToString());
  GOTONG_RETURN_IF_ERROR(runtime.treasury->AddAsset(system, id, equipment));

  for (Month month = first; month <= history.current(); month = month.Next()) {
    core::Date fee_day = history.On(month, 5);
    history.At(fee_day);
    for (std::size_t i = 0; i < members.size(); ++i) {
      // Two members fall behind in the last six months.
      if (i >= 8 && month > history.Back(6)) continue;
      GOTONG_RETURN_IF_ERROR(Entry(runtime, id, "fee_payment", 10'000, fee_day.ToString(), "Iuran bulanan",
                                   members[i]));
    }
    // The shop's month of trade: stock bought near the month's end and the month's sales, this
    // month's up to today (as its meetings are).
    if (month < shop_month) continue;
    history.At(history.On(month, 27));
    GOTONG_RETURN_IF_ERROR(Entry(runtime, id, "purchase", random.Between(20, 45) * 10'000,
                                 history.On(month, 27).ToString(), "Belanja barang toko", std::nullopt, asset.id));
    history.At(history.On(month, 28));
    GOTONG_RETURN_IF_ERROR(Entry(runtime, id, "shop_sale", random.Between(40, 90) * 10'000,
                                 history.On(month, 28).ToString(), "Penjualan toko bulan ini", std::nullopt,
                                 asset.id));
  }
  // Cassava was scarce four months ago: bought together from one supplier.
  const core::Date scarce = history.On(history.Back(4), 12);
  history.At(scarce);
  groups::PurchaseInput cassava;
  cassava.supplier = Text("Pak Slamet, pengepul singkong Kepanjen");
  cassava.material = Text("Singkong");
  cassava.unit = Text("kg");
  cassava.quantity = Number(800);
  cassava.group_price = Number(2'200);
  cassava.alone_price = Number(3'000);
  cassava.purchased_on = Text(scarce.ToString());
  GOTONG_RETURN_IF_ERROR(runtime.cooperation->RecordPurchase(system, id, cassava));
  // And again this month, for this month's production (on its 3rd, or today before that).
  const core::Date recent = history.On(history.current(), 3);
  history.At(recent);
  groups::PurchaseInput again = cassava;
  again.quantity = Number(600);
  again.group_price = Number(2'300);
  again.alone_price = Number(3'100);
  again.purchased_on = Text(recent.ToString());
  GOTONG_RETURN_IF_ERROR(runtime.cooperation->RecordPurchase(system, id, again));
  // And on the board now: one member short of cassava, another with some to spare.
  history.Now();
  auto until_day = std::chrono::sys_days{std::chrono::year{history.today().year} /
                                         std::chrono::month{history.today().month} /
                                         std::chrono::day{history.today().day}} +
                   std::chrono::days(14);
  std::chrono::year_month_day until(until_day);
  std::string until_text = Day(static_cast<int>(until.year()), static_cast<unsigned>(until.month()),
                               static_cast<unsigned>(until.day()));
  struct Board {
    std::size_t member;
    const char* kind;
    std::int64_t quantity;
  };
  static constexpr Board kBoard[] = {{3, "request", 100}, {5, "offer", 60}};
  for (const auto& post : kBoard) {
    groups::MaterialInput material;
    material.member_id = Number(members[post.member]);
    material.kind = Text(post.kind);
    material.material = Text("Singkong");
    material.unit = Text("kg");
    material.quantity = Number(post.quantity);
    material.price = Number(2'500);
    material.until = Text(until_text);
    GOTONG_RETURN_IF_ERROR(runtime.cooperation->PostMaterial(system, id, material));
  }
  return id;
}

// `day` moved by `days` (back when negative).
core::Date DaysAfter(const core::Date& day, int days) {
  std::chrono::sys_days at = std::chrono::year{day.year} / std::chrono::month{day.month} / std::chrono::day{day.day};
  std::chrono::year_month_day moved{at + std::chrono::days{days}};
  return core::Date{static_cast<int>(moved.year()), static_cast<unsigned>(moved.month()),
                    static_cast<unsigned>(moved.day())};
}

// The competency of the seeded catalogue with `code`.
core::Result<std::int64_t> CompetencyCoded(Runtime& runtime, const std::string& code) {
  domain::mentoring::CompetencyQuery query;
  query.page = {core::PageRequest::kMaxLimit, 0};
  GOTONG_ASSIGN_OR_RETURN(auto all, runtime.competencies->List(Context::System("demo"), query));
  for (const auto& competency : all.items) {
    if (competency.code == code) return competency.id;
  }
  return core::Error::NotFound("no competency " + code);
}

// A learning cycle of seed 000's model, run from plan to close: `mentor` leads it (a member of
// the group, or an outside person when `mentor_member` is false), the mentees learn `targets` in
// `sessions` (days, each with what was practised), and every mentee is evaluated on every target
// the day after the last session; `achieved(i, j)` says whether mentee i reached target j.
struct DemoCycle {
  std::string title;
  std::optional<std::int64_t> theme_proposal;  // the group's agreed learning_theme proposal
  std::optional<std::int64_t> venue_proposal;  // and its agreed venue proposal
  std::optional<std::string> theme;
  std::int64_t mentor = 0;
  bool mentor_member = true;
  std::string venue;
  std::optional<std::int64_t> host;
  std::string time_allocation;
  std::string facilities;
  std::vector<std::int64_t> targets;
  std::vector<std::int64_t> mentees;
  std::vector<std::pair<core::Date, std::string>> sessions;
  std::function<bool(std::size_t, std::size_t)> achieved;
};

core::Status RunCycle(Runtime& runtime, History& history, std::int64_t group_id, const DemoCycle& plan) {
  Context system = Context::System("demo");
  history.At(DaysAfter(plan.sessions.front().first, -14));
  domain::mentoring::CycleInput input;
  input.group_id = Number(group_id);
  input.title = Text(plan.title);
  if (plan.theme) input.theme = Text(*plan.theme);
  if (plan.theme_proposal) input.deliberation_id = Number(*plan.theme_proposal);
  if (plan.venue_proposal) input.venue_deliberation_id = Number(*plan.venue_proposal);
  (plan.mentor_member ? input.mentor.mentor_member_id : input.mentor.mentor_person_id) = Number(plan.mentor);
  input.mentor.origin = Text(plan.mentor_member ? "community" : "external");
  input.venue = Text(plan.venue);
  if (plan.host) input.host_member_id = Number(*plan.host);
  input.time_allocation = Text(plan.time_allocation);
  input.facilities = Text(plan.facilities);
  input.planned_from = Text(plan.sessions.front().first.ToString());
  input.planned_to = Text(DaysAfter(plan.sessions.back().first, 1).ToString());
  input.targets.emplace();
  for (auto competency : plan.targets) input.targets->push_back({competency, 2});
  input.mentees.emplace();
  for (auto member : plan.mentees) input.mentees->push_back({member});
  GOTONG_ASSIGN_OR_RETURN(auto cycle, runtime.cycles->Create(system, input));
  std::int64_t id = cycle.cycle.id;
  GOTONG_RETURN_IF_ERROR(runtime.cycles->Transition(system, id, Text("implementation")));
  for (const auto& [day, practice] : plan.sessions) {
    history.At(day);
    domain::mentoring::SessionInput session;
    session.meeting.held_on = Text(day.ToString());
    session.practice = Text(practice);
    session.attendance.emplace();
    for (std::size_t i = 0; i < plan.mentees.size(); ++i) {
      session.attendance->push_back({plan.mentees[i], std::string(i % 4 == 3 && day.day % 2 == 0 ? "excused" : "present")});
    }
    GOTONG_RETURN_IF_ERROR(runtime.cycles->AddSession(system, id, session));
  }
  history.At(DaysAfter(plan.sessions.back().first, 1));
  GOTONG_RETURN_IF_ERROR(runtime.cycles->Transition(system, id, Text("evaluation")));
  for (std::size_t i = 0; i < plan.mentees.size(); ++i) {
    for (std::size_t j = 0; j < plan.targets.size(); ++j) {
      domain::mentoring::EvaluationInput evaluation;
      evaluation.member_id = Number(plan.mentees[i]);
      evaluation.competency_id = Number(plan.targets[j]);
      bool achieved = plan.achieved(i, j);
      evaluation.achieved = std::optional<bool>(achieved);
      if (achieved) evaluation.level = Number(i % 3 == 0 ? 3 : 2);
      GOTONG_RETURN_IF_ERROR(runtime.cycles->AddEvaluation(system, id, evaluation));
    }
  }
  GOTONG_RETURN_IF_ERROR(runtime.cycles->Transition(system, id, Text("closed")));
  return core::OkStatus();
}

// The demo account `username` as `member_id` of the group (its scope and the member's link to it),
// when the account exists, and the context of one signed in with it: what the demo does in her
// name is recorded as hers (AD's advice in the help requests shows AD, not the console). The
// console's context when there is no such account.
core::Result<Context> ActAs(Runtime& runtime, const std::string& username, std::int64_t group_id,
                            std::int64_t member_id) {
  Context system = Context::System("demo");
  GOTONG_ASSIGN_OR_RETURN(auto users, runtime.accounts->ListUsers(system, {core::PageRequest::kMaxLimit, 0}));
  for (const auto& user : users.items) {
    if (user.username != username) continue;
    domain::accounts::UserPatch patch;
    patch.scope = std::optional<domain::accounts::ScopeInput>(domain::accounts::ScopeInput{"group", group_id});
    GOTONG_ASSIGN_OR_RETURN(auto scoped, runtime.accounts->UpdateUser(system, user.id, patch));
    groups::MemberInput link;
    link.user_id = std::optional<std::optional<std::int64_t>>(user.id);
    GOTONG_ASSIGN_OR_RETURN(auto linked, runtime.groups->UpdateMember(system, group_id, member_id, link));
    (void)linked;
    Context as;
    as.request_id = "demo";
    as.principal = domain::accounts::Principal{scoped.id, scoped.username, scoped.role, scoped.scope};
    return as;
  }
  return system;
}

// A help request of seed 000's incidental learning, told as it happened: `member` reports
// `title` on `reported` at `hour` UTC; advice comes `advice_after` hours later; each attempt is a
// day after the one before; it is resolved `resolved_after` hours after the report (never, when
// 0), and a resolved one may be shared with the group as a knowledge post.
struct DemoHelp {
  std::int64_t member = 0;
  std::optional<std::int64_t> competency;
  std::string title;
  std::string description;
  core::Date reported;
  int hour = 2;
  int advice_after = 0;  // hours; 0: nobody has advised yet
  std::string advice;
  std::vector<std::string> attempts;
  int resolved_after = 0;  // hours; 0: still open
  std::string close_note;
  bool share = false;
};

// `adviser` gives the advice (the console when it is the console's context).
core::Status RunHelp(Runtime& runtime, History& history, std::int64_t group_id, const DemoHelp& plan,
                     const Context& adviser = Context::System("demo")) {
  Context system = Context::System("demo");
  history.At(plan.reported, plan.hour);
  domain::mentoring::HelpRequestInput input;
  input.group_id = Number(group_id);
  input.member_id = Number(plan.member);
  if (plan.competency) input.competency_id = Number(*plan.competency);
  input.title = Text(plan.title);
  input.description = Text(plan.description);
  GOTONG_ASSIGN_OR_RETURN(auto request, runtime.help_requests->Report(system, input));
  const std::int64_t id = request.request.id;
  if (plan.advice_after == 0) return core::OkStatus();
  history.At(plan.reported, plan.hour + plan.advice_after);
  domain::mentoring::AdviceInput advice;
  advice.text = Text(plan.advice);
  GOTONG_RETURN_IF_ERROR(runtime.help_requests->Advise(adviser, id, advice));
  for (std::size_t k = 0; k < plan.attempts.size(); ++k) {
    const core::Date day = DaysAfter(plan.reported, static_cast<int>(k) + 1);
    history.At(day, 9);
    domain::mentoring::AttemptInput attempt;
    attempt.note = Text(plan.attempts[k]);
    attempt.attempted_on = Text(day.ToString());
    GOTONG_RETURN_IF_ERROR(runtime.help_requests->LogAttempt(system, id, attempt));
  }
  if (plan.resolved_after == 0) return core::OkStatus();
  history.At(plan.reported, plan.hour + plan.resolved_after);
  domain::mentoring::TransitionInput resolve;
  resolve.to = Text("resolved");
  resolve.note = Text(plan.close_note);
  GOTONG_RETURN_IF_ERROR(runtime.help_requests->Transition(system, id, resolve));
  if (plan.share) GOTONG_RETURN_IF_ERROR(runtime.help_requests->Share(system, id, {}));
  return core::OkStatus();
}

// Opens a survey of `template_code` in the group on `day` and records each member's answers:
// `answer(i, question)` gives the i-th member's answer to a question (nullopt: she skipped it).
// A member in `own` answers with her own account; the console records the others'.
core::Result<std::int64_t> DemoSurvey(
    Runtime& runtime, History& history, std::int64_t group_id, const std::string& template_code,
    const core::Date& day, const std::vector<std::int64_t>& members,
    const std::function<std::optional<domain::mentoring::AnswerInput>(std::size_t, const domain::mentoring::SurveyQuestion&)>&
        answer,
    const std::map<std::int64_t, Context>& own = {}) {
  Context system = Context::System("demo");
  history.At(day);
  GOTONG_ASSIGN_OR_RETURN(auto templates, runtime.surveys->Templates(system));
  auto found = std::find_if(templates.begin(), templates.end(), [&](const auto& t) { return t.code == template_code; });
  if (found == templates.end()) return core::Error::NotFound("no survey template " + template_code);
  domain::mentoring::SurveyInput input;
  input.group_id = Number(group_id);
  input.template_id = Number(found->id);
  GOTONG_ASSIGN_OR_RETURN(auto survey, runtime.surveys->Create(system, input));
  for (std::size_t i = 0; i < members.size(); ++i) {
    domain::mentoring::ResponseInput response;
    response.member_id = members[i];
    response.answers.emplace();
    for (const auto& question : found->questions) {
      if (auto given = answer(i, question)) response.answers->push_back(*given);
    }
    if (response.answers->empty()) continue;
    auto account = own.find(members[i]);
    GOTONG_RETURN_IF_ERROR(
        runtime.surveys->Respond(account == own.end() ? system : account->second, survey.survey.id, response));
  }
  return survey.survey.id;
}

domain::mentoring::AnswerInput ScaleAnswer(std::int64_t question, int scale) {
  domain::mentoring::AnswerInput answer;
  answer.question_id = question;
  answer.scale = Number(scale);
  return answer;
}

// Seed 000's questionnaires as Table 1's members might have answered them after the ecotik
// cycle: the perception items mostly agreed (Figure 1), the benefits with competence first
// (Figure 2), the values they share (which matching reads), and two members' open answers in the
// paper's own words, coded with its values.
core::Status LoadCitraGendhisSurveys(Runtime& runtime, History& history, std::int64_t id,
                                     const std::vector<std::int64_t>& members, const std::map<std::int64_t, Context>& own) {
  Context system = Context::System("demo");
  const core::Date day = history.On(history.Back(1), 5);
  std::vector<std::int64_t> mentees(members.begin() + 1, members.end());
  GOTONG_RETURN_IF_ERROR(DemoSurvey(runtime, history, id, "seed000.perception", day, mentees,
                                    [](std::size_t i, const domain::mentoring::SurveyQuestion& q) {
                                      return std::optional(ScaleAnswer(q.id, (i + static_cast<std::size_t>(q.position)) % 4 == 0 ? 4 : 5));
                                    }));
  GOTONG_RETURN_IF_ERROR(DemoSurvey(runtime, history, id, "seed000.benefits", day, mentees,
                                    [](std::size_t i, const domain::mentoring::SurveyQuestion& q) {
                                      // Competence for all; income, joint marketing, friends and
                                      // confidence for most.
                                      static constexpr std::size_t kTicked[] = {10, 7, 8, 9, 6};
                                      domain::mentoring::AnswerInput answer;
                                      answer.question_id = q.id;
                                      answer.checked = std::optional<bool>(i < kTicked[q.position - 1]);
                                      return std::optional(answer);
                                    }));
  GOTONG_RETURN_IF_ERROR(DemoSurvey(runtime, history, id, "values", day, members,
                                    [](std::size_t i, const domain::mentoring::SurveyQuestion& q) {
                                      return std::optional(ScaleAnswer(q.id, (i * 3 + static_cast<std::size_t>(q.position)) % 5 == 0 ? 4 : 5));
                                    },
                                    own));
  // JU (index 4) and DW (index 1) in the paper's words.
  std::vector<std::int64_t> speakers = {members[4], members[1]};
  static const char* const kValues[] = {
      "Setelah pelatihan saya membantu yang kesulitan. Intinya kerja sama; kalau saya kesulitan, saya hubungi "
      "mentor. Jawabannya kadang dibagikan di grup WA.",
      "Saling membantu dan persahabatan. Kalau belajar sendiri, hasilnya dibagikan ke teman di grup, jadi "
      "pengetahuan bertambah untuk semua anggota."};
  static const char* const kModel[] = {
      "Mentor memberi contoh, kami praktik bersama sampai tiga hari.",
      "Tanya lalu langsung praktik. Kalau salah jadi lebih ingat dan tidak diulang."};
  GOTONG_ASSIGN_OR_RETURN(auto open, DemoSurvey(runtime, history, id, "seed000.open", day, speakers,
                                                [](std::size_t i, const domain::mentoring::SurveyQuestion& q)
                                                    -> std::optional<domain::mentoring::AnswerInput> {
                                                  domain::mentoring::AnswerInput answer;
                                                  answer.question_id = q.id;
                                                  if (q.code == "nilai") answer.text = Text(kValues[i]);
                                                  else if (q.code == "model") answer.text = Text(kModel[i]);
                                                  else return std::nullopt;
                                                  return answer;
                                                }));
  GOTONG_ASSIGN_OR_RETURN(auto survey, runtime.surveys->Get(system, open));
  GOTONG_ASSIGN_OR_RETURN(auto responses, runtime.surveys->Responses(system, open));
  auto code = [&](const std::string& name) -> std::int64_t {
    for (const auto& c : survey.codes) {
      if (c.code == name) return c.id;
    }
    return 0;
  };
  auto question = [&](const std::string& name) -> std::int64_t {
    for (const auto& q : survey.survey_template.questions) {
      if (q.code == name) return q.id;
    }
    return 0;
  };
  struct Coded {
    std::size_t response;
    const char* question;
    const char* code;
    const char* quote;
  };
  static constexpr Coded kCoded[] = {
      {0, "nilai", "kerja_sama", "Intinya kerja sama"},
      {0, "nilai", "saling_membantu", "saya membantu yang kesulitan"},
      {1, "nilai", "saling_membantu", "Saling membantu"},
      {1, "nilai", "persahabatan", "persahabatan"},
      {1, "model", "belajar_praktik", "langsung praktik"},
      {0, "model", "belajar_praktik", "kami praktik bersama"},
  };
  for (const auto& coded : kCoded) {
    domain::mentoring::TagInput tag;
    tag.response_id = Number(responses[coded.response].id);
    tag.question_id = Number(question(coded.question));
    tag.code_id = Number(code(coded.code));
    tag.quote = Text(coded.quote);
    GOTONG_RETURN_IF_ERROR(runtime.surveys->Tag(system, open, tag));
  }
  return core::OkStatus();
}

// Seed 000's incidental learning in Citra Gendhis: after the second ecotik session DW's piece
// came out patchy at home; AD advised the same morning and DW re-processed it six times (the
// seed's own count) until the colour held, then shared the fix with the group. KU's cracked wax
// was answered within hours; SA's request of two days ago still waits for AD.
core::Status LoadCitraGendhisHelp(Runtime& runtime, History& history, std::int64_t id,
                                  const std::vector<std::int64_t>& members, std::int64_t ecotik, const Context& ad) {
  DemoHelp dw;
  dw.member = members[1];  // DW
  dw.competency = ecotik;
  dw.title = "Warna ecotik belang, daun tidak tercetak";
  dw.description = "Kain mori sudah dikukus, tapi motif daun jati hanya muncul sebagian dan warnanya belang.";
  dw.reported = history.On(history.Back(3), 19);
  dw.hour = 1;
  dw.advice_after = 5;
  dw.advice = "Kain direndam tawas semalam dulu, daun jati ditata rapat lalu dipukul merata sebelum "
              "digulung kencang; kukus dua jam, jangan dibuka sebelum dingin.";
  dw.attempts = {"Proses ulang ke-1: direndam tawas semalam, motif mulai muncul tapi pucat",
                 "Proses ulang ke-2: daun ditata lebih rapat, warna masih belang di tepi",
                 "Proses ulang ke-3: dipukul lebih lama, tepi sudah rata",
                 "Proses ulang ke-4: gulungan kurang kencang, ada bagian kabur",
                 "Proses ulang ke-5: gulungan kencang, warna pekat tapi luntur saat dibilas",
                 "Proses ulang ke-6: fiksasi tawas diulang, warna pekat dan tidak luntur"};
  dw.resolved_after = 8 * 24 + 7;
  dw.close_note = "Warna ecotik pekat dan tidak luntur setelah proses ulang keenam.";
  dw.share = true;
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, dw, ad));

  DemoHelp ku;
  ku.member = members[2];  // KU
  ku.title = "Malam retak saat dicanting";
  ku.description = "Malam cepat mengeras dan retak di kain.";
  ku.reported = history.On(history.Back(1), 3);
  ku.advice_after = 3;
  ku.advice = "Panaskan malam dengan api kecil terus-menerus, campur sedikit gondorukem.";
  ku.attempts = {"Diulang dengan api kecil dan gondorukem"};
  ku.resolved_after = 32;
  ku.close_note = "Malam tidak retak lagi.";
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, ku, ad));

  DemoHelp sa;
  sa.member = members[6];  // SA
  sa.title = "Warna soga kurang pekat";
  sa.reported = DaysAfter(history.today(), -2);
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, sa));
  return core::OkStatus();
}

// Seed 000's mentoring in Citra Gendhis: AD, a member, mentors the others from the day each
// joined; the members chose ecotik (a market trend) by vote, learnt it with mondeng at AD's house
// (a yard large enough to pound leaves on long cloth) and were all evaluated: 100% completion.
core::Status LoadCitraGendhisLearning(Runtime& runtime, History& history, std::int64_t id,
                                      const std::vector<std::int64_t>& members, const std::vector<int>& joined) {
  Context system = Context::System("demo");
  for (std::size_t i = 1; i < members.size(); ++i) {
    domain::mentoring::MentorshipInput pair;
    pair.group_id = Number(id);
    pair.mentor.mentor_member_id = Number(members[0]);
    pair.mentor.origin = Text("community");
    pair.mentee_member_id = Number(members[i]);
    // From the day she joined, or the community's founding for those who came before it.
    pair.started_on = Text(std::max(core::Date{joined[i], 1, 1}, core::Date{2017, 1, 15}).ToString());
    history.At(history.On(history.Back(6), 1));
    GOTONG_RETURN_IF_ERROR(runtime.mentorships->Create(system, pair));
  }
  Month planned = history.Back(5);
  history.At(history.On(planned, 10));
  // The theme, then where to learn it, each put to the group and chosen by vote (one in five for
  // the second option).
  auto agreed = [&](const char* title, const char* description, const char* topic, std::vector<std::string> options,
                    std::vector<std::vector<domain::mentoring::TargetInput>> targets = {})
      -> core::Result<std::int64_t> {
    groups::DeliberationInput proposal;
    proposal.title = Text(title);
    proposal.description = Text(description);
    proposal.topic = Text(topic);
    proposal.options = std::move(options);
    proposal.option_targets = std::move(targets);
    GOTONG_ASSIGN_OR_RETURN(auto created, runtime.deliberations->CreateDeliberation(system, id, proposal));
    for (std::size_t i = 0; i < members.size(); ++i) {
      groups::VoteInput vote;
      vote.member_id = members[i];
      vote.option_id = Number(created.deliberation.options[i % 5 == 4 ? 1 : 0].id);
      GOTONG_RETURN_IF_ERROR(runtime.deliberations->CastVote(system, id, created.deliberation.id, vote));
    }
    GOTONG_RETURN_IF_ERROR(runtime.deliberations->Decide(system, id, created.deliberation.id, {}));
    return created.deliberation.id;
  };
  GOTONG_ASSIGN_OR_RETURN(auto ecotik, CompetencyCoded(runtime, "batik.ecotik"));
  GOTONG_ASSIGN_OR_RETURN(auto mondeng, CompetencyCoded(runtime, "batik.mondeng"));
  GOTONG_ASSIGN_OR_RETURN(auto colouring, CompetencyCoded(runtime, "batik.pewarnaan"));
  // Each theme names what the members would learn with it: the agreed one's become the targets.
  GOTONG_ASSIGN_OR_RETURN(auto theme, agreed("Tema belajar berikutnya",
                                             "Usulan anggota: ecotik sedang dicari pasar; jumputan lebih mudah.",
                                             "learning_theme", {"Ecotik", "Jumputan"},
                                             {{{ecotik, 2}, {mondeng, 2}}, {{colouring, 2}}}));
  GOTONG_ASSIGN_OR_RETURN(auto venue, agreed("Tempat belajar ecotik",
                                             "Mondeng butuh halaman luas untuk memukul daun di kain panjang.",
                                             "venue", {"Rumah Bu AD: halaman luas untuk mondeng", "Balai RW"}));
  DemoCycle cycle;
  cycle.title = "Belajar bersama semester ini";
  cycle.theme_proposal = theme;
  cycle.venue_proposal = venue;
  cycle.mentor = members[0];
  cycle.venue = "Rumah Bu AD";  // the agreed option replaces it when the cycle starts
  cycle.host = members[0];
  cycle.time_allocation = "Sabtu, pukul 13.00-16.00, tiga kali";
  cycle.facilities = "Daun jati dan jarak, kain mori, palu kayu, dandang, tawas";
  cycle.targets = {ecotik, mondeng};  // as the agreed theme names them, for the evaluations below
  cycle.mentees = {members[1], members[2], members[6], members[8], members[9]};  // DW, KU, SA, AV, SR
  cycle.sessions = {{history.On(history.Back(4), 17), "Menata daun jati di kain mori, menggulung, mengukus"},
                    {history.On(history.Back(3), 17), "Mondeng: memukul daun dengan palu sampai warnanya keluar"},
                    {history.On(history.Back(2), 17), "Fiksasi dengan tawas, lalu membatik tepi dengan canting"}};
  cycle.achieved = [](std::size_t, std::size_t) { return true; };
  GOTONG_RETURN_IF_ERROR(RunCycle(runtime, history, id, cycle));
  // AD advises and answers surveys from her own account (the demo's `mentor`), as she would on her
  // phone.
  GOTONG_ASSIGN_OR_RETURN(const Context ad, ActAs(runtime, "mentor", id, members[0]));
  GOTONG_RETURN_IF_ERROR(LoadCitraGendhisHelp(runtime, history, id, members, ecotik, ad));
  return LoadCitraGendhisSurveys(runtime, history, id, members, {{members[0], ad}});
}

// Seed 000: the Citra Gendhis batik community of Gondanglegi and the informants of its Table 1,
// with a year of its monthly learning meetings, a joint order now past its deadline with nothing
// delivered, and knowledge posts from that year.
core::Result<std::int64_t> LoadCitraGendhis(Runtime& runtime, std::int64_t steward_id) {
  Context system = Context::System("demo");
  constexpr const char* kVillage = "35.07.10.2004";  // Gondanglegi Wetan
  History history(runtime);
  const core::Date founded{2017, 1, 15};
  history.At(founded);
  GOTONG_ASSIGN_OR_RETURN(
      std::int64_t id,
      FoundDemoGroup(runtime, {"Komunitas Batik Citra Gendhis", "learning_community", "batik",
                               "Batik Gondanglegi", kVillage, "self_initiated", "active", founded,
                               steward_id}));
  // Table 1 as the paper gives it: the age in its year of study (accepted January 2023, so 2022)
  // as a birth year, the year each joined (no day is known), and her other venture: an
  // enterprise of her own where it is a business, her occupation otherwise.
  constexpr int kYearOfStudy = 2022;
  struct Who {
    const char* name;
    const char* role;
    bool mentor;
    int age;
    int joined;
    const char* occupation;  // nullptr: the venture below is a business
    const char* business;    // the enterprise's name, with its sector
    const char* sector;
  };
  static constexpr Who kMembers[] = {
      {"AD", "leader", true, 50, 2017, "mentor batik", nullptr, nullptr},
      {"DW", "treasurer", false, 46, 2017, nullptr, "Rias Pengantin DW", "services"},
      {"KU", "member", false, 48, 2017, "ibu rumah tangga", nullptr, nullptr},
      {"NA", "member", false, 32, 2019, "karyawan", nullptr, nullptr},
      {"JU", "member", false, 45, 2017, nullptr, "Minuman Segar JU", "beverages"},
      {"AN", "member", false, 40, 2017, nullptr, "Warung Makan AN", "culinary"},
      {"SA", "member", false, 42, 2020, "ibu rumah tangga", nullptr, nullptr},
      {"SU", "member", false, 35, 2019, "ibu rumah tangga", nullptr, nullptr},
      {"AV", "member", false, 20, 2019, "ibu rumah tangga", nullptr, nullptr},
      {"SR", "member", false, 36, 2017, "ibu rumah tangga", nullptr, nullptr},
      // JA joined the batik circle in 2013, before the community was founded: the paper says
      // so, and the record keeps it.
      {"JA", "secretary", false, 49, 2013, "ibu rumah tangga", nullptr, nullptr},
  };
  std::vector<std::int64_t> members;
  for (const auto& who : kMembers) {
    history.At(core::Date{who.joined, 12, 31});
    domain::registry::PersonInput person;
    person.name = Text(who.name);
    person.gender = Text("female");
    person.village_code = Text(kVillage);
    person.birth_year = Number(kYearOfStudy - who.age);
    if (who.occupation) person.occupation = Text(who.occupation);
    groups::MemberInput joining;
    if (who.business) {
      domain::registry::EnterpriseInput venture;
      venture.owner = person;
      venture.name = Text(who.business);
      venture.sector = Text(who.sector);
      venture.village_code = Text(kVillage);
      venture.steward_id = Number(steward_id);
      GOTONG_ASSIGN_OR_RETURN(auto enterprise, runtime.registry->CreateEnterprise(system, venture));
      joining.person_id = Number(enterprise.enterprise.owner_id);
      joining.enterprise_id = Number(enterprise.enterprise.id);
    } else {
      joining.person = person;
    }
    joining.role = Text(who.role);
    joining.mentor = std::optional<bool>(who.mentor);
    joining.joined_on = Text(std::to_string(who.joined));
    GOTONG_ASSIGN_OR_RETURN(auto member, runtime.groups->AddMember(system, id, joining));
    members.push_back(member.id);
  }
  // A learning meeting every month this past year, at the house of a member with room to spare.
  for (Month month = history.Back(11); month <= history.current(); month = month.Next()) {
    GOTONG_RETURN_IF_ERROR(HoldMeeting(runtime, history, id, history.On(month, 10), "formal", members[0],
                                       "Rumah Bu AD, Gondanglegi", "Praktik membatik bersama", members,
                                       [&](std::size_t i) {
                                         return std::string((i + month.month) % 5 == 0 ? "excused" : "present");
                                       }));
  }
  // A large order split among members by what each can make in time; its deadline has passed
  // and nothing is delivered yet.
  history.At(history.On(history.Back(2), 3));
  groups::OrderInput order;
  order.customer = Text("Dinas Pendidikan Kabupaten Malang");
  order.product = Text("Seragam batik tulis motif Gendhis");
  order.quantity = Number(240);
  order.unit = Text("lembar");
  order.unit_price = Number(175'000);
  order.due_on = Text(history.On(history.Back(1), 1).ToString());
  order.capacities.emplace();
  static constexpr std::int64_t kCapacity[] = {40, 25, 20, 30, 15, 20, 10, 25, 20, 30, 25};
  for (std::size_t i = 0; i < members.size(); ++i) order.capacities->push_back({members[i], kCapacity[i]});
  GOTONG_RETURN_IF_ERROR(runtime.cooperation->CreateOrder(system, id, order));
  struct Post {
    std::size_t author;
    int months_ago;
    const char* kind;
    const char* title;
    const char* body;
  };
  static constexpr Post kPosts[] = {
      {0, 10, "technique", "Ecoprint daun jati (ecotik)",
       "Daun jati muda ditata di kain, digulung rapat, dikukus 2 jam. Fiksasi dengan tawas."},
      {0, 8, "technique", "Mondeng: menutup motif dengan malam",
       "Gunakan canting tembok untuk bidang lebar, panaskan malam sampai tidak berasap."},
      {4, 5, "supplier", "Malam dan kain mori murah di Pasar Besar Malang",
       "Toko di lantai 2 memberi harga grosir bila membeli bersama lebih dari 10 kg malam."},
      {6, 1, "fix", "Warna luntur setelah dicuci",
       "Setelah 6 kali mengulang, ternyata waterglass kurang lama. Diamkan semalam sebelum dibilas."},
  };
  for (const auto& post : kPosts) {
    history.At(history.On(history.Back(post.months_ago), 12));
    groups::PostInput input_post;
    input_post.member_id = Number(members[post.author]);
    input_post.kind = Text(post.kind);
    input_post.title = Text(post.title);
    input_post.body = Text(post.body);
    GOTONG_RETURN_IF_ERROR(runtime.cooperation->CreatePost(system, id, input_post));
  }
  std::vector<int> joined;
  for (const auto& who : kMembers) joined.push_back(who.joined);
  GOTONG_RETURN_IF_ERROR(LoadCitraGendhisLearning(runtime, history, id, members, joined));
  return id;
}

// Help in Batu, both sides of seed 000's comparison in one group: the consultant mentors three of
// her cycle's mentees and takes a day or two to answer them (she comes to the village for her
// sessions); the leader, Sri Wahyuni, mentors the other two from the group itself and answers
// within hours.
core::Status LoadBatuHelp(Runtime& runtime, History& history, std::int64_t id, std::int64_t consultant,
                          const std::vector<std::int64_t>& members) {
  Context system = Context::System("demo");
  const core::Date since = history.On(history.Back(5), 1);
  history.At(since);
  for (std::size_t i = 1; i < members.size(); ++i) {
    domain::mentoring::MentorshipInput pair;
    pair.group_id = Number(id);
    if (i <= 3) {
      pair.mentor.mentor_person_id = Number(consultant);
      pair.mentor.origin = Text("external");
    } else {
      pair.mentor.mentor_member_id = Number(members[0]);
      pair.mentor.origin = Text("community");
    }
    pair.mentee_member_id = Number(members[i]);
    pair.started_on = Text(since.ToString());
    GOTONG_RETURN_IF_ERROR(runtime.mentorships->Create(system, pair));
  }
  GOTONG_ASSIGN_OR_RETURN(auto packaging, CompetencyCoded(runtime, "usaha.kemasan"));
  GOTONG_ASSIGN_OR_RETURN(auto pricing, CompetencyCoded(runtime, "usaha.harga"));
  DemoHelp soft;
  soft.member = members[1];  // Endang Lestari, the consultant's
  soft.competency = packaging;
  soft.title = "Keripik melempem di dalam kemasan";
  soft.reported = history.On(history.Back(3), 22);
  soft.advice_after = 48;
  soft.advice = "Pakai plastik metalizing dan tambahkan silica gel; tutup dengan sealer sampai rapat.";
  soft.attempts = {"Ganti ke plastik metalizing", "Tambah silica gel dan sealer"};
  soft.resolved_after = 10 * 24;
  soft.close_note = "Keripik tetap renyah dua minggu.";
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, soft));

  DemoHelp price;
  price.member = members[2];  // Murni, the consultant's
  price.competency = pricing;
  price.title = "Harga jual di bawah modal";
  price.reported = history.On(history.Back(3), 21);
  price.advice_after = 26;
  price.advice = "Hitung ulang harga pokok: apel, minyak, gas, kemasan dan tenaga; tambahkan laba 30%.";
  price.attempts = {"Menghitung ulang harga pokok per bungkus"};
  price.resolved_after = 6 * 24;
  price.close_note = "Harga baru Rp 15.000 per bungkus, di atas modal.";
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, price));

  DemoHelp label;
  label.member = members[3];  // Rahayu, the consultant's
  label.competency = packaging;
  label.title = "Label mudah lepas";
  label.reported = history.On(history.Back(1), 10);
  label.advice_after = 30;
  label.advice = "Pakai stiker vinyl, tempel saat kemasan masih dingin.";
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, label));

  DemoHelp brown;
  brown.member = members[5];  // Winarti, Sri Wahyuni's
  brown.title = "Irisan apel cepat kecoklatan";
  brown.reported = history.On(history.Back(2), 12);
  brown.advice_after = 2;
  brown.advice = "Rendam irisan di air garam sebentar sebelum digoreng vakum.";
  brown.attempts = {"Direndam air garam sepuluh menit"};
  brown.resolved_after = 26;
  brown.close_note = "Warna keripik tetap kuning.";
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, brown));

  DemoHelp oil;
  oil.member = members[4];  // Tutik, Sri Wahyuni's
  oil.title = "Keripik berminyak";
  oil.reported = history.On(history.Back(1), 6);
  oil.advice_after = 4;
  oil.advice = "Tiriskan dengan spinner minyak lima menit sebelum dikemas.";
  oil.resolved_after = 30;
  oil.close_note = "Minyak berkurang banyak.";
  GOTONG_RETURN_IF_ERROR(RunHelp(runtime, history, id, oil));
  return core::OkStatus();
}

// A group of Batu itself, kept by the city's department, so that its officer's group and
// compliance lists open on something: apple-chip makers meeting monthly for half a year.
core::Result<std::int64_t> LoadBatuGroup(Runtime& runtime, std::int64_t steward_id) {
  Context system = Context::System("demo");
  std::string village;
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, runtime.database->Begin(domain::Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(auto codes, unit->Regions().CodesAt(domain::regions::Level::kVillage));
    std::sort(codes.begin(), codes.end());
    for (const auto& code : codes) {
      if (code.rfind("35.79.", 0) == 0) {
        village = code;
        break;
      }
    }
  }
  if (village.empty()) return core::Error::Internal("the regions of Kota Batu (35.79) are not loaded");
  History history(runtime);
  const core::Date founded = history.On(history.Back(8), 1);
  history.At(founded);
  GOTONG_ASSIGN_OR_RETURN(
      std::int64_t id,
      FoundDemoGroup(runtime, {"KUB Keripik Apel Makmur", "joint_business_group", "food_processing",
                               "Sentra keripik apel Kota Batu", village, "programme_formed",
                               "active", founded, steward_id}));
  static constexpr Founder kMembers[] = {{"Sri Wahyuni", "leader"}, {"Endang Lestari", "secretary"},
                                         {"Murni", "treasurer"},    {"Rahayu", "member"},
                                         {"Tutik", "member"},       {"Winarti", "member"}};
  GOTONG_ASSIGN_OR_RETURN(auto members, AddFounders(runtime, id, kMembers, village, founded));
  // Monthly meetings, one month missed: the officer sees a group that is not quite keeping up.
  for (Month month = history.Back(5); month <= history.current(); month = month.Next()) {
    if (month == history.Back(2)) continue;
    GOTONG_RETURN_IF_ERROR(HoldMeeting(runtime, history, id, history.On(month, 8), "formal", members[0],
                                       "Balai desa", "Produksi dan pemasaran keripik apel", members,
                                       [](std::size_t) { return std::string("present"); }));
  }
  // An outside consultant taught packaging and pricing in a cycle of her own: seed 000's other
  // side of the comparison, where not every member reached every target.
  history.At(history.On(history.Back(5), 1));
  domain::registry::PersonInput consultant;
  consultant.name = Text("Rina Kusumawati (konsultan)");
  consultant.gender = Text("female");
  consultant.occupation = Text("konsultan pemasaran");
  consultant.steward_id = Number(steward_id);
  GOTONG_ASSIGN_OR_RETURN(auto person, runtime.registry->CreatePerson(system, consultant));
  GOTONG_ASSIGN_OR_RETURN(auto packaging, CompetencyCoded(runtime, "usaha.kemasan"));
  GOTONG_ASSIGN_OR_RETURN(auto pricing, CompetencyCoded(runtime, "usaha.harga"));
  DemoCycle cycle;
  cycle.title = "Kemasan dan harga jual";
  cycle.theme = "Kemasan keripik apel untuk toko oleh-oleh";
  cycle.mentor = person.person.id;
  cycle.mentor_member = false;
  cycle.venue = "Balai desa";
  cycle.time_allocation = "Dua pelatihan, pukul 09.00-12.00";
  cycle.facilities = "Proyektor, contoh kemasan, timbangan";
  cycle.targets = {packaging, pricing};
  cycle.mentees = {members[1], members[2], members[3], members[4], members[5]};
  cycle.sessions = {{history.On(history.Back(4), 20), "Mengenal bahan kemasan dan label"},
                    {history.On(history.Back(3), 20), "Menghitung harga pokok dan harga jual"}};
  cycle.achieved = [](std::size_t mentee, std::size_t target) { return !(target == 1 && mentee % 2 == 1); };
  GOTONG_RETURN_IF_ERROR(RunCycle(runtime, history, id, cycle));
  GOTONG_RETURN_IF_ERROR(LoadBatuHelp(runtime, history, id, person.person.id, members));
  return id;
}

}  // namespace

core::Result<DemoGroups> LoadDemoGroups(Runtime& runtime) {
  Context system = Context::System("demo");
  GOTONG_ASSIGN_OR_RETURN(auto existing, runtime.groups->ListGroups(system, {{}, {}, {}, std::string("harapan")},
                                                                    {10, 0}));
  if (existing.total > 0) return DemoGroups{};
  GOTONG_ASSIGN_OR_RETURN(auto ybm, StakeholderNamed(runtime, "YBM BRILiaN"));
  GOTONG_ASSIGN_OR_RETURN(auto umm, StakeholderNamed(runtime, "Universitas Muhammadiyah Malang"));
  GOTONG_ASSIGN_OR_RETURN(auto dinas,
                          StakeholderNamed(runtime, "Dinas Koperasi, Usaha Mikro dan Perdagangan Kota Batu"));
  DemoGroups loaded;
  GOTONG_ASSIGN_OR_RETURN(loaded.tape_group, LoadHarapanSejahtera(runtime, ybm));
  GOTONG_ASSIGN_OR_RETURN(loaded.batik_community, LoadCitraGendhis(runtime, umm));
  GOTONG_ASSIGN_OR_RETURN(loaded.batu_group, LoadBatuGroup(runtime, dinas));
  return loaded;
}

}  // namespace gotong::app
