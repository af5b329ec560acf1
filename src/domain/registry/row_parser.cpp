#include "domain/registry/row_parser.hpp"

#include <chrono>

#include "core/text.hpp"
#include "core/time.hpp"
#include "domain/regions/region.hpp"
#include "domain/registry/rules.hpp"

namespace gotong::domain::registry {
namespace {

using F = ImportField;

int YearOf(core::Instant now) {
  return static_cast<int>(
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
}

std::optional<bool> ParseYesNo(std::string_view text) {
  std::string lower = core::AsciiLower(core::Trim(text));
  if (lower == "ya" || lower == "yes" || lower == "true" || lower == "1" || lower == "y") return true;
  if (lower == "tidak" || lower == "no" || lower == "false" || lower == "0" || lower == "t" ||
      lower == "n") {
    return false;
  }
  return std::nullopt;
}

}  // namespace

RowParser::RowParser(const VillageSet& villages, core::Instant now)
    : villages_(villages), now_(now), this_year_(YearOf(now)) {}

bool RowParser::Parse(const ImportRow& row, ImportRecord& record, std::vector<RowError>& errors) {
  if (!row.problems.empty()) {
    errors.insert(errors.end(), row.problems.begin(), row.problems.end());
    return false;
  }
  row_ = &row;
  errors_ = &errors;
  const std::size_t before = errors.size();
  // A cell holding a control character refuses the row: its other cells are not worth checking.
  for (std::size_t i = 0; i < kImportFieldCount; ++i) {
    if (core::FindControlCharacter(row.cells[i]) != std::string_view::npos) {
      Fail(static_cast<ImportField>(i), row_error::kControlCharacter,
           "holds a control character (such as NUL or a line break), which no cell may hold");
    }
  }
  if (errors.size() != before) return false;
  record = ImportRecord{};
  record.line = row.line;
  ReadOwner(record.owner);
  ReadEnterprise(record.enterprise);
  if (errors.size() != before) return false;
  record.owner.village_code = record.enterprise.village_code;
  record.match_key = MatchKey(record.owner.name, record.enterprise.name, record.enterprise.village_code);
  return true;
}

void RowParser::ReadOwner(Person& owner) {
  const ImportRow& row = *row_;
  if (auto name = Text(F::kOwnerName, 120, true)) owner.name = std::move(*name);
  if (auto gender = row[F::kOwnerGender]; !gender.empty()) {
    owner.gender = ParseGender(gender);
    if (!owner.gender) Fail(F::kOwnerGender, row_error::kBadGender, "must be P or L (perempuan or laki-laki)");
  }
  if (auto year = Number(F::kOwnerBirthYear, 1900, this_year_, row_error::kBadYear)) {
    owner.birth_year = static_cast<int>(*year);
  }
  if (auto phone = row[F::kOwnerPhone]; !phone.empty()) {
    auto normalised = NormalisePhone(phone, std::string(row.column(F::kOwnerPhone)));
    if (normalised.ok()) {
      owner.phone = std::move(normalised).value();
    } else {
      Fail(F::kOwnerPhone, row_error::kBadPhone, "must be a phone number such as 0812-3456-7890");
    }
  }
  if (auto nik = row[F::kOwnerNik]; !nik.empty()) {
    auto consent = ParseYesNo(row[F::kNikConsent]);
    if (!IsValidNik(nik)) {
      Fail(F::kOwnerNik, row_error::kBadNik, "must be the 16 digits of a national id (NIK)");
    } else if (!consent || !*consent) {
      Fail(F::kNikConsent, row_error::kNikWithoutConsent,
           "a NIK is stored only with the owner's consent: write ya here");
    } else {
      owner.nik = std::string(nik);
      owner.nik_consent_at = now_;
    }
  }
}

void RowParser::ReadEnterprise(Enterprise& enterprise) {
  const ImportRow& row = *row_;
  if (auto name = Text(F::kName, 200, true)) enterprise.name = std::move(*name);
  if (auto sector = row[F::kSector]; sector.empty()) {
    Fail(F::kSector, row_error::kRequired, "is required");
  } else if (auto parsed = ParseSector(sector)) {
    enterprise.sector = *parsed;
  } else {
    Fail(F::kSector, row_error::kUnknownSector,
         "is not a known sector (batik, olahan pangan, kuliner, ... or a KBLI code)");
  }
  if (auto products = Text(F::kProducts, 500, false)) enterprise.products = std::move(products);
  if (auto centre = Text(F::kBusinessCentre, 200, false)) enterprise.business_centre = std::move(centre);
  ReadVillage(enterprise);
  if (auto year = Number(F::kFoundedYear, 1900, this_year_, row_error::kBadYear)) {
    enterprise.founded_year = static_cast<int>(*year);
  }
  if (auto employees = Number(F::kEmployees, 0, 100'000, row_error::kOutOfRange)) {
    enterprise.employees = *employees;
  }
  enterprise.capital = Amount(F::kCapital);
  enterprise.turnover = Amount(F::kTurnover);
  if (auto nib = row[F::kNib]; !nib.empty()) {
    if (!IsValidNib(nib)) {
      Fail(F::kNib, row_error::kBadNib, "must be exactly 13 digits");
    } else {
      enterprise.nib = std::string(nib);
    }
  }
  if (auto status = row[F::kStatus]; !status.empty()) {
    auto parsed = ParseStatus(status);
    if (!parsed) {
      Fail(F::kStatus, row_error::kBadStatus, "must be aktif or tutup (active or closed)");
    } else {
      enterprise.status = *parsed;
    }
  }
  ReadVerifiedAt(enterprise);
}

void RowParser::ReadVillage(Enterprise& enterprise) {
  std::string_view village = (*row_)[F::kVillageCode];
  if (village.empty()) {
    Fail(F::kVillageCode, row_error::kRequired, "is required");
  } else if (villages_.contains(village)) {
    enterprise.village_code = std::string(village);
  } else if (auto level = regions::LevelOfCode(village); level && *level == regions::Level::kVillage) {
    Fail(F::kVillageCode, row_error::kUnknownVillage, "is not a village in the official region list");
  } else {
    Fail(F::kVillageCode, row_error::kNotAVillage, "must be a village code such as 35.79.01.2001");
  }
}

void RowParser::ReadVerifiedAt(Enterprise& enterprise) {
  std::string_view verified = (*row_)[F::kVerifiedAt];
  if (verified.empty()) return;
  auto date = core::Date::Parse(verified);
  if (!date) {
    Fail(F::kVerifiedAt, row_error::kBadDate, "must be a date written YYYY-MM-DD");
    return;
  }
  auto instant = core::ParseInstant(date->ToString() + "T00:00:00Z");
  if (!instant || *instant > now_) {
    Fail(F::kVerifiedAt, row_error::kInFuture, "must not be in the future");
  } else {
    enterprise.verified_at = instant;
  }
}

// `why` is the English message after the column's name; `code` and `params` say the same for
// other languages.
void RowParser::Fail(ImportField field, std::string_view code, const std::string& why,
                     std::vector<RowErrorParam> params) {
  std::string column(row_->column(field));
  std::string message = column + " " + why;
  errors_->push_back({row_->line, std::move(column), core::ShownText((*row_)[field]),
                      std::move(message), std::string(code), std::move(params)});
}

std::optional<std::string> RowParser::Text(ImportField field, std::size_t max, bool required) {
  std::string_view cell = (*row_)[field];
  if (cell.empty()) {
    if (required) Fail(field, row_error::kRequired, "is required");
    return std::nullopt;
  }
  if (!core::IsValidUtf8(cell)) {
    Fail(field, row_error::kNotUtf8, "is not UTF-8 text; save the file as CSV UTF-8");
    return std::nullopt;
  }
  if (core::CodePointCount(cell) > max) {
    Fail(field, row_error::kTooLong, "must be at most " + std::to_string(max) + " characters",
         {{"max", std::to_string(max)}});
    return std::nullopt;
  }
  return std::string(cell);
}

// `code`: kBadYear for a year, else kOutOfRange (for a number out of range or no number).
std::optional<std::int64_t> RowParser::Number(ImportField field, std::int64_t min,
                                              std::int64_t max, std::string_view code) {
  std::string_view cell = (*row_)[field];
  if (cell.empty()) return std::nullopt;
  auto value = ParseWhole(cell, std::string(row_->column(field)), min, max);
  if (!value.ok()) {
    Fail(field, code,
         "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max),
         {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
    return std::nullopt;
  }
  return *value;
}

std::optional<std::int64_t> RowParser::Amount(ImportField field) {
  std::string_view cell = (*row_)[field];
  if (cell.empty()) return std::nullopt;
  auto value = ParseRupiah(cell, std::string(row_->column(field)));
  if (value.ok()) return *value;
  const auto& fields = value.error().fields;
  std::string code = fields.empty() ? "" : fields.front().code;
  if (code == "negative") {
    Fail(field, row_error::kNegative, "must not be negative");
  } else if (code == "too_large") {
    Fail(field, row_error::kTooLarge, "is too large");
  } else {
    Fail(field, row_error::kNotRupiah, "must be whole rupiah such as 1500000 or 1.500.000");
  }
  return std::nullopt;
}

}  // namespace gotong::domain::registry
