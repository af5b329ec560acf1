#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace gotong::domain::registry {

// Business sectors, each with its KBLI 2020 code (Klasifikasi Baku Lapangan Usaha Indonesia).
enum class Sector {
  kBatik,
  kFoodProcessing,
  kBeverages,
  kFashion,
  kCrafts,
  kAgriculture,
  kFisheries,
  kTrade,
  kCulinary,
  kAccommodation,
  kServices,
};

struct SectorInfo {
  Sector sector;
  std::string_view code;  // "food_processing"
  std::string_view kbli;  // "10"
  std::string_view name_id;  // "olahan pangan": what an Indonesian spreadsheet says
};

inline constexpr std::array<SectorInfo, 11> kSectors = {{
    {Sector::kBatik, "batik", "13134", "batik"},
    {Sector::kFoodProcessing, "food_processing", "10", "olahan pangan"},
    {Sector::kBeverages, "beverages", "11", "minuman"},
    {Sector::kFashion, "fashion", "14", "fesyen"},
    {Sector::kCrafts, "crafts", "32", "kerajinan"},
    {Sector::kAgriculture, "agriculture", "01", "pertanian"},
    {Sector::kFisheries, "fisheries", "03", "perikanan"},
    {Sector::kTrade, "trade", "47", "perdagangan"},
    {Sector::kCulinary, "culinary", "56", "kuliner"},
    {Sector::kAccommodation, "accommodation", "55", "penginapan"},
    {Sector::kServices, "services", "96", "jasa"},
}};

const SectorInfo& InfoOf(Sector sector);
std::string_view ToString(Sector sector);
// The API code ("batik"), its KBLI code ("13134") or its Indonesian name ("Olahan Pangan").
std::optional<Sector> ParseSector(std::string_view text);

// Business scale by Government Regulation (PP) 7/2021, article 35.
enum class Scale { kMicro, kSmall, kMedium, kLarge };
// Which figure decided the scale: annual turnover when known, otherwise capital.
enum class ScaleCriterion { kTurnover, kCapital };

std::string_view ToString(Scale scale);
std::optional<Scale> ParseScale(std::string_view text);
std::string_view ToString(ScaleCriterion criterion);
std::optional<ScaleCriterion> ParseScaleCriterion(std::string_view text);

struct ScaleResult {
  Scale scale;
  ScaleCriterion criterion;
  friend bool operator==(const ScaleResult&, const ScaleResult&) = default;
};

// Turnover ≤ Rp 2 bn micro, ≤ 15 bn small, ≤ 50 bn medium; where turnover is unknown, capital
// (excluding land and buildings) ≤ 1 bn micro, ≤ 5 bn small, ≤ 10 bn medium; above: large.
// nullopt when both are unknown.
std::optional<ScaleResult> DeriveScale(std::optional<std::int64_t> turnover,
                                       std::optional<std::int64_t> capital);

enum class Gender { kFemale, kMale };
std::string_view ToString(Gender gender);
// "female"/"male", and what Indonesian forms write: P/L, perempuan/laki-laki, wanita/pria.
std::optional<Gender> ParseGender(std::string_view text);

enum class Status { kActive, kClosed };
std::string_view ToString(Status status);
// "active"/"closed" and "aktif"/"tutup".
std::optional<Status> ParseStatus(std::string_view text);

enum class Helix { kGovernment, kBusiness, kAcademia, kCivilSociety };
std::string_view ToString(Helix helix);
std::optional<Helix> ParseHelix(std::string_view text);

enum class StakeholderKind {
  kAgency,
  kBank,
  kSoe,
  kCsrUnit,
  kUniversity,
  kNgo,
  kCommunity,
  kZakatInstitution,
  kMedia,
};
std::string_view ToString(StakeholderKind kind);
std::optional<StakeholderKind> ParseStakeholderKind(std::string_view text);

// "0812-3456-7890", "+62 812 3456 7890", "62812…", "(0341) 591234" → "+6281234567890".
// kInvalidArgument (code invalid_format) names `field`.
core::Result<std::string> NormalisePhone(std::string_view text, const std::string& field);

// A national id number: 16 digits whose first two are a province code (11..94).
bool IsValidNik(std::string_view nik);
// "3507012345670001" → "3507********0001".
std::string MaskNik(std::string_view nik);

// A business identification number (Nomor Induk Berusaha): 13 digits.
bool IsValidNib(std::string_view nib);

// Whole rupiah as people type them: "1500000", "1.500.000", "Rp 1.500.000", "1,500,000",
// "1.500.000,00". Negative amounts and fractions of a rupiah are refused, naming `field`.
core::Result<std::int64_t> ParseRupiah(std::string_view text, const std::string& field);

// A whole number within [min, max], naming `field` when it is not.
core::Result<std::int64_t> ParseWhole(std::string_view text, const std::string& field,
                                      std::int64_t min, std::int64_t max);

}  // namespace gotong::domain::registry
