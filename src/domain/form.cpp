#include "domain/form.hpp"

#include "core/text.hpp"
#include "domain/regions/region.hpp"

namespace gotong::domain::form {

void Problems::Add(const core::Error& error) {
  if (error.fields.empty()) {
    fields_.push_back({"", "invalid_value", error.message});
  } else {
    fields_.insert(fields_.end(), error.fields.begin(), error.fields.end());
  }
}

std::optional<std::string> CheckText(Problems& problems, const std::string& field,
                                     const std::string& value, std::size_t max) {
  if (!core::IsValidUtf8(value)) {
    problems.Add(field, "invalid_format", field + " must be UTF-8 text");
    return std::nullopt;
  }
  std::string trimmed(core::Trim(value));
  if (trimmed.empty()) {
    problems.Add(field, "required", field + " must not be empty");
    return std::nullopt;
  }
  if (core::CodePointCount(trimmed) > max) {
    problems.Add(field, "too_long", field + " must be at most " + std::to_string(max) + " characters");
    return std::nullopt;
  }
  return trimmed;
}

void ApplyRequiredText(Problems& problems, const Field<std::string>& input, bool creating,
                       const std::string& field, std::size_t max, std::string& target) {
  if (!Given(input) && !creating) return;
  if (!IsSet(input)) {
    problems.Add(field, "required", field + " is required");
  } else if (auto text = CheckText(problems, field, **input, max)) {
    target = *text;
  }
}

void ApplyOptionalText(Problems& problems, const Field<std::string>& input,
                       const std::string& field, std::size_t max,
                       std::optional<std::string>& target) {
  if (!Given(input)) return;
  if (!IsSet(input) || core::Trim(**input).empty()) {
    target.reset();
    return;
  }
  if (auto text = CheckText(problems, field, **input, max)) target = *text;
}

std::optional<core::Date> CheckDate(Problems& problems, const std::string& field,
                                    const std::string& value) {
  auto date = core::Date::Parse(value);
  if (!date) problems.Add(field, "invalid_format", field + " must be a date such as 2026-11-23");
  return date;
}

void CheckVillage(UnitOfWork& unit, Problems& problems, const std::string& field,
                  const std::string& code) {
  auto level = regions::LevelOfCode(code);
  if (!level || *level != regions::Level::kVillage) {
    problems.Add(field, "invalid_format", field + " must be a village code such as 35.79.01.2001");
    return;
  }
  auto region = unit.Regions().Get(code);
  if (!region.ok()) {
    if (region.error().code == core::ErrorCode::kNotFound) {
      problems.Add(field, "not_found", "no village with code " + code);
    } else {
      problems.Add(region.error());
    }
  }
}

}  // namespace gotong::domain::form
