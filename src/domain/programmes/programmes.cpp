#include "domain/programmes/programmes.hpp"

#include <algorithm>

#include "core/names.hpp"

namespace gotong::domain::programmes {
namespace {

constexpr core::Names<ProgrammeStatus, 3> kStatuses = {{
    {"draft", ProgrammeStatus::kDraft}, {"active", ProgrammeStatus::kActive}, {"closed", ProgrammeStatus::kClosed}}};

constexpr core::Names<PartnerRole, 2> kRoles = {{{"owner", PartnerRole::kOwner}, {"partner", PartnerRole::kPartner}}};

constexpr core::Names<Category, 2> kCategories = {{{"poor", Category::kPoor}, {"zakat_recipient", Category::kZakatRecipient}}};

// True when `code` is `region` or lies inside it ("35.79" holds "35.79.01.1001").
bool Inside(const std::string& code, const std::string& region) {
  return code.size() >= region.size() && code.compare(0, region.size(), region) == 0 &&
         (code.size() == region.size() || code[region.size()] == '.');
}

template <typename T>
bool Contains(const std::vector<T>& values, const T& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

}  // namespace

std::string_view ToString(ProgrammeStatus status) { return core::NameOf(status, kStatuses); }
std::optional<ProgrammeStatus> ParseProgrammeStatus(std::string_view text) { return core::ValueNamed(text, kStatuses); }

bool MayMove(ProgrammeStatus from, ProgrammeStatus to) {
  return (from == ProgrammeStatus::kDraft && to == ProgrammeStatus::kActive) ||
         (from == ProgrammeStatus::kActive && to == ProgrammeStatus::kClosed);
}

std::string_view ToString(PartnerRole role) { return core::NameOf(role, kRoles); }
std::optional<PartnerRole> ParsePartnerRole(std::string_view text) { return core::ValueNamed(text, kRoles); }

std::string_view ToString(Category category) { return core::NameOf(category, kCategories); }
std::optional<Category> ParseCategory(std::string_view text) { return core::ValueNamed(text, kCategories); }

Eligibility CheckEligibility(const Criteria& criteria, const CandidateFacts& facts, const core::Date& starts_on) {
  Eligibility result;
  auto add = [&](std::string criterion, bool met, std::string found) {
    result.checks.push_back({std::move(criterion), met, std::move(found)});
    result.eligible = result.eligible && met;
  };
  if (!criteria.region_codes.empty()) {
    bool met = std::any_of(criteria.region_codes.begin(), criteria.region_codes.end(),
                           [&](const std::string& region) { return Inside(facts.village_code, region); });
    add("region", met, facts.village_code);
  }
  if (!criteria.sectors.empty()) {
    add("sector", facts.sector && Contains(criteria.sectors, *facts.sector),
        facts.sector ? std::string(registry::ToString(*facts.sector)) : "");
  }
  if (!criteria.scales.empty()) {
    add("scale", facts.scale && Contains(criteria.scales, *facts.scale),
        facts.scale ? std::string(registry::ToString(*facts.scale)) : "");
  }
  if (criteria.founded_within_years) {
    // Founded in the start's year counts as 0 years before it.
    bool met = facts.founded_year && *facts.founded_year <= starts_on.year &&
               starts_on.year - *facts.founded_year <= *criteria.founded_within_years;
    add("founded_within_years", met, facts.founded_year ? std::to_string(*facts.founded_year) : "");
  }
  if (criteria.homogeneous) {
    add("homogeneous", facts.homogeneous.value_or(false),
        facts.homogeneous ? (*facts.homogeneous ? "true" : "false") : "");
  }
  if (!criteria.categories.empty()) {
    std::string found;
    bool met = false;
    for (Category category : facts.categories) {
      if (!found.empty()) found += ",";
      found += ToString(category);
      met = met || Contains(criteria.categories, category);
    }
    add("category", met, found);
  }
  return result;
}

}  // namespace gotong::domain::programmes
