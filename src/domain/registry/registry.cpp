#include "domain/registry/registry.hpp"

#include "core/names.hpp"
#include "core/text.hpp"
#include "core/time.hpp"

namespace gotong::domain::registry {
namespace {

template <typename T>
audit::Value Optional(const std::optional<T>& value) {
  if (!value) return nullptr;
  if constexpr (std::is_integral_v<T>) {
    return static_cast<std::int64_t>(*value);
  } else {
    return audit::Value(std::string(*value));
  }
}

audit::Value OptionalInstant(const std::optional<core::Instant>& value) {
  if (!value) return nullptr;
  return core::FormatInstant(*value);
}

}  // namespace

audit::Snapshot SnapshotOf(const Person& person) {
  return {
      {"name", person.name},
      {"gender", person.gender ? audit::Value(std::string(ToString(*person.gender))) : nullptr},
      {"birth_year", Optional(person.birth_year)},
      {"occupation", Optional(person.occupation)},
      {"phone", Optional(person.phone)},
      {"village_code", Optional(person.village_code)},
      {"nik", person.nik ? audit::Value(MaskNik(*person.nik)) : nullptr},
      {"nik_consent_at", OptionalInstant(person.nik_consent_at)},
      {"steward_id", Optional(person.steward_id)},
  };
}

audit::Snapshot SnapshotOf(const Enterprise& enterprise) {
  auto scale = enterprise.scale();
  return {
      {"owner_id", enterprise.owner_id},
      {"name", enterprise.name},
      {"sector", std::string(ToString(enterprise.sector))},
      {"products", Optional(enterprise.products)},
      {"business_centre", Optional(enterprise.business_centre)},
      {"village_code", enterprise.village_code},
      {"founded_year", Optional(enterprise.founded_year)},
      {"employees", Optional(enterprise.employees)},
      {"capital", Optional(enterprise.capital)},
      {"turnover", Optional(enterprise.turnover)},
      {"nib", Optional(enterprise.nib)},
      {"status", std::string(ToString(enterprise.status))},
      {"scale", scale ? audit::Value(std::string(ToString(scale->scale))) : nullptr},
      {"verified_at", OptionalInstant(enterprise.verified_at)},
      {"steward_id", Optional(enterprise.steward_id)},
  };
}

audit::Snapshot SnapshotOf(const Stakeholder& stakeholder) {
  return {
      {"name", stakeholder.name},
      {"helix", std::string(ToString(stakeholder.helix))},
      {"kind", std::string(ToString(stakeholder.kind))},
      {"region_code", Optional(stakeholder.region_code)},
      {"contact", Optional(stakeholder.contact)},
  };
}

std::string MatchKey(std::string_view owner_name, std::string_view name,
                     std::string_view village_code) {
  auto fold = [](std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : core::AsciiLower(core::Trim(text))) {
      if (c == ' ' || c == '\t') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
    return out;
  };
  return fold(owner_name) + '|' + fold(name) + '|' + std::string(village_code);
}

std::optional<EnterpriseSort> ParseEnterpriseSort(std::string_view text) {
  static constexpr core::Names<EnterpriseSort, 8> kSorts = {{
      {"name", EnterpriseSort::kName},
      {"-name", EnterpriseSort::kNameDesc},
      {"verified_at", EnterpriseSort::kVerifiedAt},
      {"-verified_at", EnterpriseSort::kVerifiedAtDesc},
      {"turnover", EnterpriseSort::kTurnover},
      {"-turnover", EnterpriseSort::kTurnoverDesc},
      {"created_at", EnterpriseSort::kCreatedAt},
      {"-created_at", EnterpriseSort::kCreatedAtDesc},
  }};
  return core::ValueNamed(text, kSorts);
}

}  // namespace gotong::domain::registry
