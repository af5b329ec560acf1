#include "domain/registry/rules.hpp"

#include <charconv>
#include <limits>

#include "core/names.hpp"
#include "core/text.hpp"

namespace gotong::domain::registry {
namespace {

constexpr std::int64_t kBillion = 1'000'000'000;

constexpr core::Names<Scale, 4> kScales = {{
    {"micro", Scale::kMicro}, {"small", Scale::kSmall}, {"medium", Scale::kMedium},
    {"large", Scale::kLarge}}};

constexpr core::Names<ScaleCriterion, 2> kScaleCriteria = {{
    {"turnover", ScaleCriterion::kTurnover}, {"capital", ScaleCriterion::kCapital}}};

// The first word of each value is its name; the others are what people type in a spreadsheet.
constexpr core::Names<Gender, 10> kGenders = {{
    {"female", Gender::kFemale}, {"p", Gender::kFemale}, {"perempuan", Gender::kFemale},
    {"wanita", Gender::kFemale}, {"f", Gender::kFemale}, {"male", Gender::kMale},
    {"l", Gender::kMale}, {"laki-laki", Gender::kMale}, {"pria", Gender::kMale},
    {"m", Gender::kMale}}};

constexpr core::Names<Status, 4> kStatuses = {{
    {"active", Status::kActive}, {"aktif", Status::kActive}, {"closed", Status::kClosed},
    {"tutup", Status::kClosed}}};

constexpr core::Names<Helix, 4> kHelixes = {{
    {"government", Helix::kGovernment}, {"business", Helix::kBusiness},
    {"academia", Helix::kAcademia}, {"civil_society", Helix::kCivilSociety}}};

constexpr core::Names<StakeholderKind, 9> kKinds = {{
    {"agency", StakeholderKind::kAgency}, {"bank", StakeholderKind::kBank},
    {"soe", StakeholderKind::kSoe}, {"csr_unit", StakeholderKind::kCsrUnit},
    {"university", StakeholderKind::kUniversity}, {"ngo", StakeholderKind::kNgo},
    {"community", StakeholderKind::kCommunity},
    {"zakat_institution", StakeholderKind::kZakatInstitution}, {"media", StakeholderKind::kMedia}}};

// Words read from people and files: trimmed and case-folded before they are matched.
template <typename Enum, std::size_t N>
std::optional<Enum> Lookup(std::string_view text, const core::Names<Enum, N>& names) {
  return core::ValueNamed(std::string_view(core::AsciiLower(core::Trim(text))), names);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

}  // namespace

const SectorInfo& InfoOf(Sector sector) {
  for (const auto& info : kSectors) {
    if (info.sector == sector) return info;
  }
  return kSectors.front();
}

std::string_view ToString(Sector sector) { return InfoOf(sector).code; }

std::optional<Sector> ParseSector(std::string_view text) {
  std::string lower = core::AsciiLower(core::Trim(text));
  for (const auto& info : kSectors) {
    if (lower == info.code || lower == info.kbli || lower == info.name_id) return info.sector;
  }
  return std::nullopt;
}

std::string_view ToString(Scale scale) { return core::NameOf(scale, kScales); }
std::optional<Scale> ParseScale(std::string_view text) { return Lookup(text, kScales); }

std::string_view ToString(ScaleCriterion criterion) {
  return core::NameOf(criterion, kScaleCriteria);
}
std::optional<ScaleCriterion> ParseScaleCriterion(std::string_view text) {
  return Lookup(text, kScaleCriteria);
}

std::optional<ScaleResult> DeriveScale(std::optional<std::int64_t> turnover,
                                       std::optional<std::int64_t> capital) {
  if (turnover) {
    Scale scale = *turnover <= 2 * kBillion    ? Scale::kMicro
                  : *turnover <= 15 * kBillion ? Scale::kSmall
                  : *turnover <= 50 * kBillion ? Scale::kMedium
                                               : Scale::kLarge;
    return ScaleResult{scale, ScaleCriterion::kTurnover};
  }
  if (capital) {
    Scale scale = *capital <= 1 * kBillion    ? Scale::kMicro
                  : *capital <= 5 * kBillion  ? Scale::kSmall
                  : *capital <= 10 * kBillion ? Scale::kMedium
                                              : Scale::kLarge;
    return ScaleResult{scale, ScaleCriterion::kCapital};
  }
  return std::nullopt;
}

std::string_view ToString(Gender gender) { return core::NameOf(gender, kGenders); }
std::optional<Gender> ParseGender(std::string_view text) { return Lookup(text, kGenders); }

std::string_view ToString(Status status) { return core::NameOf(status, kStatuses); }
std::optional<Status> ParseStatus(std::string_view text) { return Lookup(text, kStatuses); }

std::string_view ToString(Helix helix) { return core::NameOf(helix, kHelixes); }
std::optional<Helix> ParseHelix(std::string_view text) { return Lookup(text, kHelixes); }

std::string_view ToString(StakeholderKind kind) { return core::NameOf(kind, kKinds); }
std::optional<StakeholderKind> ParseStakeholderKind(std::string_view text) {
  return Lookup(text, kKinds);
}

core::Result<std::string> NormalisePhone(std::string_view text, const std::string& field) {
  std::string digits;
  bool plus = false;
  for (char c : text) {
    if (IsDigit(c)) {
      digits.push_back(c);
    } else if (c == '+' && digits.empty() && !plus) {
      plus = true;
    } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
      return core::Error::Invalid(field, "invalid_format",
                                  field + " may hold only digits, spaces, dashes and a leading +");
    }
  }
  std::string national;
  if (digits.starts_with("62")) {
    national = digits.substr(2);
  } else if (plus) {
    return core::Error::Invalid(field, "invalid_format",
                                field + " must be an Indonesian number (+62)");
  } else if (digits.starts_with("0")) {
    national = digits.substr(1);
  } else if (digits.starts_with("8")) {
    national = digits;  // a mobile number written without its leading 0
  } else {
    return core::Error::Invalid(field, "invalid_format",
                                field + " must start with 0, 62 or +62, e.g. 0812-3456-7890");
  }
  if (national.empty() || national.front() == '0' || national.size() < 8 || national.size() > 12) {
    return core::Error::Invalid(field, "invalid_format",
                                field + " must have 9 to 13 digits, e.g. 0812-3456-7890");
  }
  return "+62" + national;
}

bool IsValidNik(std::string_view nik) {
  if (nik.size() != 16 || !AllDigits(nik)) return false;
  int province = (nik[0] - '0') * 10 + (nik[1] - '0');
  return province >= 11 && province <= 94;
}

std::string MaskNik(std::string_view nik) {
  if (nik.size() < 8) return std::string(nik.size(), '*');
  return std::string(nik.substr(0, 4)) + std::string(nik.size() - 8, '*') +
         std::string(nik.substr(nik.size() - 4));
}

bool IsValidNib(std::string_view nib) { return nib.size() == 13 && AllDigits(nib); }

core::Result<std::int64_t> ParseRupiah(std::string_view text, const std::string& field) {
  auto invalid = [&](const std::string& why) {
    return core::Error::Invalid(field, "invalid_format", field + " " + why);
  };
  std::string_view value = core::Trim(text);
  if (value.size() >= 2 && (value[0] == 'R' || value[0] == 'r') && (value[1] == 'p' || value[1] == 'P')) {
    value = core::Trim(value.substr(2));
    if (!value.empty() && value.front() == '.') value = core::Trim(value.substr(1));
  }
  if (value.empty()) return invalid("is empty");
  if (value.front() == '-') {
    return core::Error::Invalid(field, "negative", field + " must not be negative");
  }
  // A decimal part: ",00" after '.' grouping (Indonesian) or ".00" after ',' grouping.
  auto strip_zero_decimals = [&](char decimal) -> core::Result<std::string_view> {
    auto at = value.rfind(decimal);
    if (at == std::string_view::npos) return value;
    std::string_view fraction = value.substr(at + 1);
    if (fraction.empty() || fraction.size() > 2 || !AllDigits(fraction)) return value;
    for (char c : fraction) {
      if (c != '0') {
        return core::Error::Invalid(field, "invalid_format",
                                    field + " must be whole rupiah, without cents");
      }
    }
    return value.substr(0, at);
  };
  bool has_dot = value.find('.') != std::string_view::npos;
  bool has_comma = value.find(',') != std::string_view::npos;
  char group = 0;
  if (has_dot && has_comma) {
    group = value.find('.') < value.find(',') ? '.' : ',';
    GOTONG_ASSIGN_OR_RETURN(value, strip_zero_decimals(group == '.' ? ',' : '.'));
  } else if (has_comma) {
    // "1,500,000" groups; "1500,00" is a decimal part.
    auto stripped = strip_zero_decimals(',');
    if (!stripped.ok()) return std::move(stripped).error();
    if (stripped->size() != value.size() && value.size() - stripped->size() <= 3 &&
        value.substr(stripped->size() + 1).size() <= 2) {
      value = *stripped;
    } else {
      group = ',';
    }
  } else if (has_dot) {
    group = '.';
  }
  std::string digits;
  if (group) {
    // Groups of three after the first group of one to three digits.
    std::size_t start = 0;
    bool first = true;
    while (true) {
      auto end = value.find(group, start);
      std::string_view part = value.substr(start, end == std::string_view::npos ? end : end - start);
      if (!AllDigits(part) || (first ? part.size() > 3 : part.size() != 3)) {
        return invalid("must be whole rupiah such as 1500000 or 1.500.000");
      }
      digits += part;
      first = false;
      if (end == std::string_view::npos) break;
      start = end + 1;
    }
  } else {
    for (char c : value) {
      if (c == ' ') continue;
      if (!IsDigit(c)) return invalid("must be whole rupiah such as 1500000 or 1.500.000");
      digits.push_back(c);
    }
  }
  if (digits.empty()) return invalid("must be whole rupiah such as 1500000 or 1.500.000");
  if (digits.size() > 18) {
    return core::Error::Invalid(field, "too_large", field + " is too large");
  }
  std::int64_t amount = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), amount);
  return amount;
}

core::Result<std::int64_t> ParseWhole(std::string_view text, const std::string& field,
                                      std::int64_t min, std::int64_t max) {
  std::string_view value = core::Trim(text);
  std::int64_t number = 0;
  auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (value.empty() || ec != std::errc{} || ptr != value.data() + value.size()) {
    return core::Error::Invalid(field, "invalid_format", field + " must be a whole number");
  }
  if (number < min || number > max) {
    return core::Error::Invalid(field, "out_of_range",
                                field + " must be between " + std::to_string(min) + " and " +
                                    std::to_string(max));
  }
  return number;
}

}  // namespace gotong::domain::registry
