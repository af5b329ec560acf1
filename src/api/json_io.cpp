#include "api/json_io.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace gotong::api {
namespace {

namespace json = boost::json;

bool Allowed(std::span<const std::string_view> allowed, std::string_view name) {
  return std::find(allowed.begin(), allowed.end(), name) != allowed.end();
}

void CheckFields(const json::object& object, std::span<const std::string_view> allowed,
                         const std::string& prefix, std::vector<core::FieldError>& errors) {
  for (const auto& [key, value] : object) {
    if (!Allowed(allowed, key)) {
      errors.push_back({prefix + std::string(key), "unknown_field",
                        "unknown field " + prefix + std::string(key)});
    }
  }
}

}  // namespace

core::Result<BodyReader> BodyReader::Parse(const Request& request,
                                           std::span<const std::string_view> allowed) {
  // Media types are case-insensitive (RFC 9110 8.3.1).
  std::string type = core::AsciiLower(core::Trim(request.Header("Content-Type").substr(
      0, request.Header("Content-Type").find(';'))));
  if (type != "application/json") {
    core::Error error = core::Error::Invalid("", "invalid_format",
                                             "send the body as application/json");
    error.type = "unsupported-media-type";
    return error;
  }
  json::error_code ec;
  json::value value = json::parse(request.body, ec);
  if (ec) {
    return core::Error::Invalid("", "malformed_json", "the body is not valid JSON: " + ec.message());
  }
  if (!value.is_object()) {
    return core::Error::Invalid("", "wrong_type", "the body must be a JSON object");
  }
  auto errors = std::make_shared<std::vector<core::FieldError>>();
  CheckFields(value.as_object(), allowed, "", *errors);
  return BodyReader(std::move(value.as_object()), "", std::move(errors));
}

const json::value* BodyReader::Field(const std::string& name, bool required, const char* type) {
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) {
    if (required) AddError({Name(name), "required", Name(name) + " is required"});
    return nullptr;
  }
  (void)type;
  return &it->value();
}

core::FieldError ControlCharacterError(const std::string& field) {
  return {field, "control_character",
          field + " must not hold control characters (such as NUL, a tab or a line break)"};
}

std::optional<std::string> BodyReader::Text(const std::string& name, bool required,
                                            core::TextLines lines) {
  const json::value* value = Field(name, required, "string");
  if (!value) return std::nullopt;
  if (!value->is_string()) {
    AddError({Name(name), "wrong_type", Name(name) + " must be a string"});
    return std::nullopt;
  }
  std::string_view text = value->as_string();
  if (core::FindControlCharacter(text, lines) != std::string_view::npos) {
    AddError(ControlCharacterError(Name(name)));
    return std::nullopt;
  }
  return std::string(text);
}

std::optional<std::string> BodyReader::String(const std::string& name, bool required) {
  return Text(name, required, core::TextLines::kSingle);
}

std::optional<std::string> BodyReader::MultiLineString(const std::string& name, bool required) {
  return Text(name, required, core::TextLines::kMulti);
}

std::optional<std::int64_t> BodyReader::Int(const std::string& name, bool required) {
  const json::value* value = Field(name, required, "integer");
  if (!value) return std::nullopt;
  if (value->is_int64()) return value->as_int64();
  if (value->is_uint64() && value->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(value->as_uint64());
  }
  AddError({Name(name), "wrong_type", Name(name) + " must be an integer"});
  return std::nullopt;
}

std::optional<bool> BodyReader::Bool(const std::string& name, bool required) {
  const json::value* value = Field(name, required, "boolean");
  if (!value) return std::nullopt;
  if (!value->is_bool()) {
    AddError({Name(name), "wrong_type", Name(name) + " must be true or false"});
    return std::nullopt;
  }
  return value->as_bool();
}

bool BodyReader::IsNull(const std::string& name) const {
  auto it = object_.find(name);
  return it != object_.end() && it->value().is_null();
}

std::optional<BodyReader> BodyReader::Object(const std::string& name, bool required,
                                             std::span<const std::string_view> allowed) {
  const json::value* value = Field(name, required, "object");
  if (!value) return std::nullopt;
  if (!value->is_object()) {
    AddError({Name(name), "wrong_type", Name(name) + " must be an object"});
    return std::nullopt;
  }
  std::string prefix = Name(name) + ".";
  CheckFields(value->as_object(), allowed, prefix, *errors_);
  return BodyReader(value->as_object(), prefix, errors_);
}

const json::array* BodyReader::Array(const std::string& name, bool required, std::size_t max_items,
                                     const char* of) {
  const json::value* value = Field(name, required, "array");
  if (!value) return nullptr;
  if (!value->is_array()) {
    AddError({Name(name), "wrong_type", Name(name) + " must be an array of " + of});
    return nullptr;
  }
  const auto& array = value->as_array();
  if (array.size() > max_items) {
    AddError({Name(name), "too_many", Name(name) + " holds at most " + std::to_string(max_items) +
                                          " items"});
    return nullptr;
  }
  return &array;
}

std::optional<std::vector<std::string>> BodyReader::Strings(const std::string& name, bool required,
                                                          std::size_t max_items) {
  const json::array* found = Array(name, required, max_items, "text");
  if (!found) return std::nullopt;
  const auto& array = *found;
  std::vector<std::string> items;
  bool ok = true;
  for (std::size_t i = 0; i < array.size(); ++i) {
    std::string item_name = Name(name) + "[" + std::to_string(i) + "]";
    if (!array[i].is_string()) {
      AddError({item_name, "wrong_type", item_name + " must be text"});
      ok = false;
      continue;
    }
    if (core::FindControlCharacter(array[i].as_string()) != std::string_view::npos) {
      AddError(ControlCharacterError(item_name));
      ok = false;
      continue;
    }
    items.emplace_back(array[i].as_string());
  }
  if (!ok) return std::nullopt;
  return items;
}

std::optional<std::vector<std::int64_t>> BodyReader::Ints(const std::string& name, bool required,
                                                           std::size_t max_items) {
  const json::array* found = Array(name, required, max_items, "integers");
  if (!found) return std::nullopt;
  std::vector<std::int64_t> items;
  bool ok = true;
  for (std::size_t i = 0; i < found->size(); ++i) {
    const auto& item = (*found)[i];
    if (item.is_int64()) {
      items.push_back(item.as_int64());
    } else {
      std::string item_name = Name(name) + "[" + std::to_string(i) + "]";
      AddError({item_name, "wrong_type", item_name + " must be an integer"});
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return items;
}

std::optional<std::vector<BodyReader>> BodyReader::Objects(
    const std::string& name, bool required, std::size_t max_items,
    std::initializer_list<std::string_view> allowed) {
  const json::array* found = Array(name, required, max_items, "objects");
  if (!found) return std::nullopt;
  const auto& array = *found;
  std::vector<BodyReader> items;
  bool ok = true;
  for (std::size_t i = 0; i < array.size(); ++i) {
    std::string item_name = Name(name) + "[" + std::to_string(i) + "]";
    if (!array[i].is_object()) {
      AddError({item_name, "wrong_type", item_name + " must be an object"});
      ok = false;
      continue;
    }
    CheckFields(array[i].as_object(), std::span(allowed.begin(), allowed.size()), item_name + ".",
                *errors_);
    items.push_back(BodyReader(array[i].as_object(), item_name + ".", errors_));
  }
  if (!ok) return std::nullopt;
  return items;
}

bool BodyReader::HoldsObjects(const std::string& name) const {
  const auto* value = object_.if_contains(name);
  if (!value || !value->is_array()) return false;
  const auto& array = value->as_array();
  return std::any_of(array.begin(), array.end(), [](const json::value& item) { return item.is_object(); });
}

core::Status BodyReader::Finish() {
  if (errors_->empty()) return core::OkStatus();
  return core::Error::Invalid(*errors_);
}

core::Result<QueryReader> QueryReader::Parse(std::string_view query) {
  QueryReader reader;
  if (query.empty()) return reader;
  const std::string target = "/?" + std::string(query);  // the view below points into it
  auto url = boost::urls::parse_origin_form(target);
  if (!url) return core::Error::Invalid("", "invalid_format", "the query string is malformed");
  for (auto param : url->params()) {
    Param read{param.key, param.value, std::nullopt, false};
    if (read.key.empty() && read.value.empty()) continue;  // "a=1&&b=2", a trailing '&'
    if (!core::IsValidUtf8(read.value)) {
      read.unreadable =
          core::FieldError{read.key, "invalid_format", read.key + " must be UTF-8 text"};
    } else if (core::FindControlCharacter(read.value) != std::string_view::npos) {
      read.unreadable = ControlCharacterError(read.key);
    }
    reader.params_.push_back(std::move(read));
  }
  return reader;
}

std::optional<std::string> QueryReader::String(const std::string& name) {
  std::optional<std::string> value;
  for (auto& param : params_) {
    if (param.key != name) continue;
    param.read = true;
    if (!value && !param.unreadable) value = param.value;
  }
  return value;
}

std::optional<std::int64_t> QueryReader::Int(const std::string& name, std::int64_t min,
                                             std::int64_t max) {
  auto text = String(name);
  if (!text) return std::nullopt;
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || ptr != text->data() + text->size()) {
    errors_.push_back({name, "wrong_type", name + " must be a whole number"});
    return std::nullopt;
  }
  if (value < min || value > max) {
    errors_.push_back({name, "invalid_value",
                       name + " must be between " + std::to_string(min) + " and " +
                           std::to_string(max)});
    return std::nullopt;
  }
  return value;
}

std::optional<bool> QueryReader::Bool(const std::string& name) {
  auto text = String(name);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  errors_.push_back({name, "invalid_value", name + " must be true or false"});
  return std::nullopt;
}

core::Status QueryReader::Finish() {
  std::vector<core::FieldError> errors;
  for (const auto& param : params_) {
    if (!param.read) {
      errors.push_back({param.key, "unknown_field", "unknown query parameter " + param.key});
    } else if (param.unreadable) {
      errors.push_back(*param.unreadable);
    }
  }
  errors.insert(errors.end(), errors_.begin(), errors_.end());
  if (errors.empty()) return core::OkStatus();
  return core::Error::Invalid(std::move(errors));
}

Response JsonResponse(int status, const json::value& body) {
  Response response;
  response.status = status;
  response.SetHeader("Content-Type", "application/json");
  response.SetHeader("Cache-Control", "no-store");
  response.body = json::serialize(body);
  return response;
}

Response NoContent() {
  Response response;
  response.status = 204;
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace gotong::api
