#include "domain/mentoring/help_request.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "core/names.hpp"

namespace gotong::domain::mentoring {
namespace {

constexpr core::Names<HelpStatus, 4> kStatuses = {{{"open", HelpStatus::kOpen},
                                                   {"advised", HelpStatus::kAdvised},
                                                   {"resolved", HelpStatus::kResolved},
                                                   {"abandoned", HelpStatus::kAbandoned}}};

}  // namespace

std::string_view ToString(HelpStatus status) { return core::NameOf(status, kStatuses); }
std::optional<HelpStatus> ParseHelpStatus(std::string_view text) {
  return core::ValueNamed(text, kStatuses);
}

std::optional<double> QuantileHours(std::vector<std::int64_t> seconds, double p) {
  if (seconds.empty()) return std::nullopt;
  std::sort(seconds.begin(), seconds.end());
  const double rank = p * static_cast<double>(seconds.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(rank));
  const std::size_t above = std::min(below + 1, seconds.size() - 1);
  const double value = static_cast<double>(seconds[below]) +
                       (static_cast<double>(seconds[above] - seconds[below])) * (rank - static_cast<double>(below));
  return std::round(value / 360.0) / 10.0;  // hours, to a tenth
}

HelpOutcome HelpOutcomeOf(const std::vector<HelpTiming>& timings) {
  HelpOutcome outcome;
  std::vector<std::int64_t> to_advice, to_resolution;
  for (const auto& timing : timings) {
    switch (timing.status) {
      case HelpStatus::kOpen:
        ++outcome.open;
        break;
      case HelpStatus::kAdvised:
        ++outcome.advised;
        break;
      case HelpStatus::kResolved:
        ++outcome.resolved;
        break;
      case HelpStatus::kAbandoned:
        ++outcome.abandoned;
        break;
    }
    if (timing.first_advice_at) to_advice.push_back((*timing.first_advice_at - timing.created_at).count());
    if (timing.status == HelpStatus::kResolved && timing.closed_at) {
      to_resolution.push_back((*timing.closed_at - timing.created_at).count());
    }
  }
  auto summarise = [](std::vector<std::int64_t> seconds) {
    DurationSummary summary;
    summary.count = static_cast<std::int64_t>(seconds.size());
    summary.median_hours = QuantileHours(seconds, 0.5);
    summary.p90_hours = QuantileHours(std::move(seconds), 0.9);
    return summary;
  };
  outcome.first_advice = summarise(std::move(to_advice));
  outcome.resolution = summarise(std::move(to_resolution));
  return outcome;
}

core::Error PhotoTooLarge(std::size_t max_bytes) {
  const std::size_t mebibytes = max_bytes / (std::size_t{1024} * 1024);
  core::Error error = core::Error::Invalid(
      "photo", "too_large",
      "the photo is larger than " + (mebibytes > 0 ? std::to_string(mebibytes) + " MB"
                                                   : std::to_string(max_bytes) + " bytes"));
  error.fields.front().params = {{"max_bytes", std::to_string(max_bytes)},
                                 {"max_megabytes", std::to_string(mebibytes)}};
  error.type = "payload-too-large";  // 413, as the transport answers an oversized body
  return error;
}

}  // namespace gotong::domain::mentoring
