#pragma once

// Checking the fields of a create or patch body in the services: every wrong field is
// collected, so a form shows them all at once.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/database.hpp"

namespace gotong::domain::form {

// A field of a create or patch body: absent (not given), null (cleared) or a value.
template <typename T>
using Field = std::optional<std::optional<T>>;

template <typename T>
bool Given(const Field<T>& field) {
  return field.has_value();
}

template <typename T>
bool IsSet(const Field<T>& field) {
  return field.has_value() && field->has_value();
}

class Problems {
 public:
  void Add(std::string field, std::string code, std::string message) {
    fields_.push_back({std::move(field), std::move(code), std::move(message)});
  }
  // An error of a nested check: its fields, or its message when it names none.
  void Add(const core::Error& error);
  bool empty() const { return fields_.empty(); }
  core::Error ToError() const { return core::Error::Invalid(fields_); }

 private:
  std::vector<core::FieldError> fields_;
};

// A required or optional text field, trimmed, at most `max` characters.
std::optional<std::string> CheckText(Problems& problems, const std::string& field,
                                     const std::string& value, std::size_t max);

// A required text field: checked when creating, or when a patch names it.
void ApplyRequiredText(Problems& problems, const Field<std::string>& input, bool creating,
                       const std::string& field, std::size_t max, std::string& target);

// An optional text field: null or blank clears it.
void ApplyOptionalText(Problems& problems, const Field<std::string>& input,
                       const std::string& field, std::size_t max,
                       std::optional<std::string>& target);

// A calendar date written "2026-11-23".
std::optional<core::Date> CheckDate(Problems& problems, const std::string& field,
                                    const std::string& value);

// A required choice from a fixed list (`parse` gives nullopt for a word not on it).
template <typename Enum, typename Parse>
void ApplyRequiredChoice(Problems& problems, const Field<std::string>& input, bool creating,
                         const std::string& field, Parse parse, const std::string& message,
                         Enum& target) {
  if (!Given(input) && !creating) return;
  std::optional<Enum> value = IsSet(input) ? parse(**input) : std::nullopt;
  if (!value) {
    problems.Add(field, IsSet(input) ? "invalid_value" : "required", message);
  } else {
    target = *value;
  }
}

// Village codes must name an existing village (level 4).
void CheckVillage(UnitOfWork& unit, Problems& problems, const std::string& field,
                  const std::string& code);

}  // namespace gotong::domain::form
