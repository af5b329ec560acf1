#include "domain/programmes/targeting.hpp"

#include <algorithm>

#include "core/names.hpp"
#include "domain/groups/rules.hpp"
#include "domain/regions/region.hpp"

namespace gotong::domain::programmes {
namespace {

constexpr core::Names<RecipientKind, 2> kKinds = {{{"enterprise", RecipientKind::kEnterprise},
                                                    {"group", RecipientKind::kGroup}}};

constexpr core::Names<RoundStatus, 3> kRoundStatuses = {
    {{"draft", RoundStatus::kDraft}, {"confirmed", RoundStatus::kConfirmed}, {"cancelled", RoundStatus::kCancelled}}};

std::string Signed(int points) {
  if (points > 0) return "+" + std::to_string(points);
  if (points < 0) return "\xE2\x88\x92" + std::to_string(-points);  // U+2212 minus
  return "0";
}

void Add(NeedScore& score, std::string code, int points, core::ErrorParams params, const std::string& words) {
  score.score += points;
  score.terms.push_back({std::move(code), points, std::move(params), words + " " + Signed(points)});
}

}  // namespace

std::string_view ToString(RecipientKind kind) { return core::NameOf(kind, kKinds); }
std::optional<RecipientKind> ParseRecipientKind(std::string_view text) { return core::ValueNamed(text, kKinds); }
std::string_view ToString(RoundStatus status) { return core::NameOf(status, kRoundStatuses); }
std::optional<RoundStatus> ParseRoundStatus(std::string_view text) { return core::ValueNamed(text, kRoundStatuses); }

NeedScore ScoreNeed(const CandidateFacts& facts, const AssistanceSummary& received, int year) {
  using W = NeedWeights;
  NeedScore score;
  if (facts.scale == registry::Scale::kMicro) {
    Add(score, "scale", W::kMicro, {{"scale", "micro"}}, "usaha mikro");
  } else if (facts.scale == registry::Scale::kSmall) {
    Add(score, "scale", W::kSmall, {{"scale", "small"}}, "usaha kecil");
  }
  if (!facts.categories.empty()) {
    std::string names, words;
    for (Category category : facts.categories) {
      names += (names.empty() ? "" : ",") + std::string(ToString(category));
      words += std::string(words.empty() ? "" : " dan ") +
               (category == Category::kPoor ? "rumah tangga miskin (DTKS)" : "penerima zakat");
    }
    Add(score, "household", W::kHousehold, {{"categories", names}}, words);
  }
  if (facts.founded_year && *facts.founded_year <= year && year - *facts.founded_year <= W::kYoungYears) {
    Add(score, "young_business", W::kYoung, {{"founded_year", std::to_string(*facts.founded_year)}},
        "usaha muda (berdiri " + std::to_string(*facts.founded_year) + ")");
  }
  if (received.count == 0) {
    Add(score, "never_assisted", W::kNeverAssisted, {}, "belum pernah menerima bantuan");
    return score;
  }
  const int penalty = static_cast<int>(std::min<std::int64_t>(received.value / W::kRupiahPerPoint,
                                                              W::kMaxValuePenalty));
  Add(score, "value_received", -penalty,
      {{"value", std::to_string(received.value)}, {"providers", std::to_string(received.providers)},
       {"count", std::to_string(received.count)}},
      "menerima " + groups::FormatRupiah(received.value) + " dari " + std::to_string(received.providers) +
          " penyedia");
  if (received.last_on) {
    const int years = year - received.last_on->year;
    if (years > 0) {
      const int points = std::min(years * W::kPerYearSinceLast, W::kMaxSinceLast);
      Add(score, "since_last", points,
          {{"last_on", received.last_on->ToString()}, {"years", std::to_string(years)}},
          "bantuan terakhir " + std::to_string(years) + " tahun lalu");
    }
  }
  return score;
}

bool RanksBefore(int score_a, std::int64_t id_a, int score_b, std::int64_t id_b) {
  if (score_a != score_b) return score_a > score_b;
  return id_a < id_b;
}

std::optional<std::vector<std::string>> CandidateRegions(const CandidateFilter& filter) {
  const auto& criteria = filter.criteria.region_codes;
  if (!filter.region_code) {
    if (criteria.empty()) return std::nullopt;
    return criteria;
  }
  const std::string& narrowing = *filter.region_code;
  if (criteria.empty()) return std::vector<std::string>{narrowing};
  std::vector<std::string> regions;
  for (const auto& code : criteria) {
    if (regions::IsWithin(code, narrowing)) {
      regions.push_back(code);
    } else if (regions::IsWithin(narrowing, code)) {
      regions.push_back(narrowing);
    }
  }
  std::sort(regions.begin(), regions.end());
  regions.erase(std::unique(regions.begin(), regions.end()), regions.end());
  return regions;
}

}  // namespace gotong::domain::programmes
