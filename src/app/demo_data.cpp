#include "app/demo_data.hpp"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "domain/accounts/access.hpp"
#include "core/text.hpp"
#include "domain/registry/import.hpp"
#include <algorithm>
#include <chrono>
#include <cstdio>

namespace gotong::app {
namespace {

using domain::accounts::Context;
namespace registry = domain::registry;

// A small deterministic generator (the standard distributions differ between libraries).
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
  bool Chance(int percent) { return static_cast<int>(Below(100)) < percent; }
  std::int64_t Between(std::int64_t low, std::int64_t high) {
    return low + static_cast<std::int64_t>(Next() % static_cast<std::uint64_t>(high - low + 1));
  }

 private:
  std::uint64_t state_;
};

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
  int total_weight = 0;
  for (const auto& mix : kMix) total_weight += mix.weight;
  core::Instant now = runtime.clock.Now();
  std::vector<registry::ImportRecord> batch;
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
      owner.nik = district + tail;
      owner.nik_consent_at = now;
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
    e.founded_year = static_cast<int>(random.Between(1985, 2016));
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
      std::snprintf(nib, sizeof nib, "91%011lld", static_cast<long long>(i + 1));
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
  return added;
}

}  // namespace gotong::app
