#include "api/handlers/values.hpp"

#include "api/dto.hpp"

namespace gotong::api::handlers {

namespace json = boost::json;

json::value Nullable(const std::optional<std::string>& value) {
  if (!value) return nullptr;
  return json::string(*value);
}

json::value NullableInstant(const std::optional<core::Instant>& value) {
  if (!value) return nullptr;
  return json::string(core::FormatInstant(*value));
}

json::value NullableDate(const std::optional<core::Date>& value) {
  if (!value) return nullptr;
  return json::string(value->ToString());
}

core::Error NoGroup() { return core::Error::NotFound("no group with that id"); }

core::Status Villages::LoadCodes(const std::vector<std::string>& codes) {
  if (codes.empty()) return core::OkStatus();
  GOTONG_ASSIGN_OR_RETURN(auto found, regions_.GetMany(codes));
  for (const auto& code : codes) cache_.emplace(code, nullptr);  // unknown ones stay null
  for (const auto& region : found) cache_[region.code] = json::value_from(region);
  return core::OkStatus();
}

core::Status Villages::Load(const std::optional<std::string>& code) {
  if (!code || cache_.contains(*code)) return core::OkStatus();
  return LoadCodes({*code});
}

json::value Villages::Of(const std::optional<std::string>& code) const {
  if (!code) return nullptr;
  auto found = cache_.find(*code);
  return found == cache_.end() ? json::value(nullptr) : found->second;
}

namespace {

domain::form::Field<std::string> Text(BodyReader& body, const std::string& name,
                                      core::TextLines lines) {
  if (!body.Has(name)) return std::nullopt;
  if (body.IsNull(name)) return std::optional<std::string>{};
  auto value = lines == core::TextLines::kSingle ? body.String(name, false)
                                                 : body.MultiLineString(name, false);
  if (!value) return std::nullopt;
  return std::optional<std::string>{*value};
}

}  // namespace

domain::form::Field<std::string> TextField(BodyReader& body, const std::string& name) {
  return Text(body, name, core::TextLines::kSingle);
}

domain::form::Field<std::string> MultiLineTextField(BodyReader& body, const std::string& name) {
  return Text(body, name, core::TextLines::kMulti);
}

domain::form::Field<std::int64_t> NumberField(BodyReader& body, const std::string& name) {
  if (!body.Has(name)) return std::nullopt;
  if (body.IsNull(name)) return std::optional<std::int64_t>{};
  auto value = body.Int(name, false);
  if (!value) return std::nullopt;
  return std::optional<std::int64_t>{*value};
}

domain::form::Field<bool> BoolField(BodyReader& body, const std::string& name) {
  domain::form::Field<bool> field;
  if (!body.Has(name)) return field;
  if (body.IsNull(name)) {
    field.emplace();
    return field;
  }
  if (auto value = body.Bool(name, false)) field.emplace(*value);
  return field;
}

}  // namespace gotong::api::handlers
