#include "domain/mentoring/help_request.hpp"

#include <array>
#include <utility>

namespace gotong::domain::mentoring {
namespace {

constexpr std::array<std::pair<HelpStatus, std::string_view>, 4> kStatuses = {{
    {HelpStatus::kOpen, "open"},
    {HelpStatus::kAdvised, "advised"},
    {HelpStatus::kResolved, "resolved"},
    {HelpStatus::kAbandoned, "abandoned"},
}};

}  // namespace

std::string_view ToString(HelpStatus status) {
  for (const auto& [value, name] : kStatuses) {
    if (value == status) return name;
  }
  return "open";
}

std::optional<HelpStatus> ParseHelpStatus(std::string_view text) {
  for (const auto& [value, name] : kStatuses) {
    if (name == text) return value;
  }
  return std::nullopt;
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
