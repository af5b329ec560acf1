#pragma once

// JSON values shared by the resource handlers: nullable fields, pages, village names, and body
// fields that may be absent, null or set.

#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "api/json_io.hpp"
#include "api/router.hpp"
#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/time.hpp"
#include "domain/form.hpp"
#include "domain/regions/region_service.hpp"

namespace gotong::api::handlers {

boost::json::value Nullable(const std::optional<std::string>& value);
boost::json::value NullableInstant(const std::optional<core::Instant>& value);
boost::json::value NullableDate(const std::optional<core::Date>& value);

template <typename T>
boost::json::value NullableNumber(const std::optional<T>& value) {
  if (!value) return nullptr;
  return static_cast<std::int64_t>(*value);
}

template <typename T, typename ToJson>
boost::json::value PageJson(const core::Page<T>& page, ToJson&& to_json) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(to_json(item));
  return boost::json::object{{"items", std::move(items)},
                             {"total", page.total},
                             {"limit", page.limit},
                             {"offset", page.offset}};
}

// Village names and paths for the records of one answer, each looked up once.
class Villages {
 public:
  explicit Villages(domain::regions::RegionService& regions) : regions_(regions) {}

  // Looks up the regions of a page's items together (code_of gives an item's code, if any).
  template <typename Items, typename CodeOf>
  void Load(const Items& items, CodeOf code_of) {
    std::vector<std::string> codes;
    for (const auto& item : items) {
      std::optional<std::string> code = code_of(item);
      if (code && !cache_.contains(*code)) codes.push_back(*code);
    }
    LoadCodes(codes);
  }
  boost::json::value Of(const std::optional<std::string>& code);

 private:
  void LoadCodes(const std::vector<std::string>& codes);

  domain::regions::RegionService& regions_;
  std::map<std::string, boost::json::value> cache_;
};

// The problem+json answer for a failed use case.
Response Fail(const core::Error& error, const Call& call);

// The 404 for a group id that is not a positive number.
Response NoGroup();

// A body field: absent, null, or a value of the wanted type.
// A one-line text (BodyReader::String), or one that may span lines (minutes, notes,
// descriptions, a post's body: BodyReader::MultiLineString).
domain::form::Field<std::string> TextField(BodyReader& body, const std::string& name);
domain::form::Field<std::string> MultiLineTextField(BodyReader& body, const std::string& name);
domain::form::Field<std::int64_t> NumberField(BodyReader& body, const std::string& name);
domain::form::Field<bool> BoolField(BodyReader& body, const std::string& name);

}  // namespace gotong::api::handlers
