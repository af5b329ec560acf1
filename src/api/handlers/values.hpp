#pragma once

// JSON values shared by the resource handlers: nullable fields, pages, village names, and body
// fields that may be absent, null or set.

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "api/json_io.hpp"
#include "api/router.hpp"
#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/time.hpp"
#include "domain/form.hpp"
#include "domain/regions/region_service.hpp"
#include "domain/registry/registry_service.hpp"

namespace gotong::api::handlers {

boost::json::value Nullable(const std::optional<std::string>& value);
boost::json::value NullableInstant(const std::optional<core::Instant>& value);
boost::json::value NullableDate(const std::optional<core::Date>& value);

// The words of a list of enum values ("poor", "zakat_recipient"), each by its ToString.
template <typename Enum>
boost::json::array Names(const std::vector<Enum>& values) {
  boost::json::array array;
  for (auto value : values) array.push_back(boost::json::value(ToString(value)));
  return array;
}

template <typename T>
boost::json::value NullableNumber(const std::optional<T>& value) {
  if (!value) return nullptr;
  return static_cast<std::int64_t>(*value);
}

template <typename T, typename ToJson>
boost::json::value PageJson(const core::Page<T>& page, ToJson&& to_json) {
  boost::json::array items;
  for (const auto& item : page.items) items.push_back(to_json(item));
  boost::json::object json{{"items", std::move(items)},
                           {"total", page.total},
                           {"limit", page.limit},
                           {"offset", page.offset}};
  if (page.total_capped) json["total_capped"] = true;  // only lists too long to count say it
  return json;
}

// Village names and paths for the records of one answer, looked up together before the answer
// is written: a database failure fails the answer instead of leaving a village out.
class Villages {
 public:
  explicit Villages(domain::regions::RegionService& regions) : regions_(regions) {}

  // Looks up the regions of a page's items together (code_of gives an item's code, if any).
  template <typename Items, typename CodeOf>
  core::Status Load(const Items& items, CodeOf code_of) {
    std::vector<std::string> codes;
    for (const auto& item : items) {
      std::optional<std::string> code = code_of(item);
      if (code && !cache_.contains(*code)) codes.push_back(*code);
    }
    return LoadCodes(codes);
  }
  // Looks up one record's region.
  core::Status Load(const std::optional<std::string>& code);
  // A loaded region as JSON; null for no code, a code the official tree does not hold, or one
  // not loaded.
  boost::json::value Of(const std::optional<std::string>& code) const;

 private:
  core::Status LoadCodes(const std::vector<std::string>& codes);

  domain::regions::RegionService& regions_;
  std::map<std::string, boost::json::value> cache_;
};

// How a record that names a village is written, specialised next to the record's JSON:
//   static std::optional<std::string> Code(const T&);        its village (or region) code
//   static boost::json::value Json(const T&, const Villages&);
template <typename T>
struct VillageJson;

// A record as JSON, its village looked up first.
template <typename T>
Reply RecordReply(int status, const T& record, domain::regions::RegionService& regions) {
  Villages villages(regions);
  if (auto loaded = villages.Load(VillageJson<T>::Code(record)); !loaded.ok()) return loaded.error();
  return JsonResponse(status, VillageJson<T>::Json(record, villages));
}

// A created record: 201 with its Location (collection + "/" + id).
template <typename T>
Reply CreatedReply(const T& record, std::int64_t id, const std::string& collection,
                   domain::regions::RegionService& regions) {
  Reply response = RecordReply(201, record, regions);
  if (response.ok()) response->SetHeader("Location", collection + "/" + std::to_string(id));
  return response;
}

// A page of records, their villages looked up together.
template <typename T>
Reply PageReply(const core::Page<T>& page, domain::regions::RegionService& regions) {
  Villages villages(regions);
  auto loaded = villages.Load(page.items, [](const T& record) { return VillageJson<T>::Code(record); });
  if (!loaded.ok()) return loaded.error();
  return JsonResponse(200, PageJson(page, [&](const T& record) {
    return VillageJson<T>::Json(record, villages);
  }));
}

// The 404 for a group id that is not a positive number.
core::Error NoGroup();

// The {id} of a route, or the 404 `not_found` ("no person with that id") when it is not a
// positive number.
core::Result<std::int64_t> RequiredPathId(const Call& call, const std::string& not_found);
// The {id} of a /groups/{id}/… route, or NoGroup().
core::Result<std::int64_t> GroupId(const Call& call);

// The ids of one of a group's records on /groups/{id}/<records>/{name}, or the 404 `not_found`
// ("no such meeting") when either is not a positive number.
struct GroupRecordIds {
  std::int64_t group_id = 0;
  std::int64_t id = 0;
};
core::Result<GroupRecordIds> ReadGroupRecordIds(const Call& call, const std::string& name,
                                                const std::string& not_found);

// A route on one group, /api/v1/groups/{id}<tail>, open to every signed-in caller: the groups
// services decide who reaches the group. The handler gets the group's id ("no group with that id"
// when the path's is not one).
using GroupHandler = std::function<Reply(Call& call, std::int64_t group_id)>;
Route GroupRoute(std::string method, std::string_view tail, GroupHandler handler);

// A route on one record of a group, whose tail names the record's id as {record}: the handler
// gets both ids (`not_found` when either is not one).
using GroupRecordHandler = std::function<Reply(Call& call, GroupRecordIds ids)>;
Route GroupRecordRoute(std::string method, std::string_view tail, std::string record,
                       std::string not_found, GroupRecordHandler handler);

// The from and to of a query that takes a date range, and its limit and offset where it pages.
struct DateRangeQuery {
  std::optional<std::string> from;
  std::optional<std::string> to;
  core::PageRequest page;
};
core::Result<DateRangeQuery> ReadDateRange(const Call& call);
core::Result<DateRangeQuery> ReadDateRangePage(const Call& call);

// A body field: absent, null, or a value of the wanted type.
// A one-line text (BodyReader::String), or one that may span lines (minutes, notes,
// descriptions, a post's body: BodyReader::MultiLineString).
domain::form::Field<std::string> TextField(BodyReader& body, const std::string& name);
domain::form::Field<std::string> MultiLineTextField(BodyReader& body, const std::string& name);
domain::form::Field<std::int64_t> NumberField(BodyReader& body, const std::string& name);
domain::form::Field<bool> BoolField(BodyReader& body, const std::string& name);

// A JSON body holding only `allowed`, read by `read` (BodyReader& → the input), or every wrong
// field.
template <typename Read>
auto ReadBody(const Call& call, std::initializer_list<std::string_view> allowed, Read read)
    -> core::Result<std::invoke_result_t<Read&, BodyReader&>> {
  GOTONG_ASSIGN_OR_RETURN(auto body, BodyReader::Parse(call.request, allowed));
  auto input = read(body);
  GOTONG_RETURN_IF_ERROR(body.Finish());
  return input;
}

// ---- bodies read by a table of fields -------------------------------------------------------

// One field of a JSON body and the member of `Input` it fills, or the function that reads it
// (arrays, nested objects). A table of them (std::to_array), in the order the fields are
// checked, is both the body's allowed names and its reader, so the two cannot drift apart.
template <typename Input>
struct BodyField {
  using Text = domain::form::Field<std::string> Input::*;
  using Number = domain::form::Field<std::int64_t> Input::*;
  using Flag = domain::form::Field<bool> Input::*;
  using Custom = void (*)(BodyReader& body, Input& input);

  std::string_view name;
  std::variant<Text, Number, Flag, Custom> member;
  core::TextLines lines = core::TextLines::kSingle;  // kMulti: text that may span lines
};

template <typename Input, std::size_t N>
using BodyFields = std::array<BodyField<Input>, N>;

// Appends the names of `fields` but `except` to `names`.
template <typename Input, std::size_t N>
void AddFieldNames(std::vector<std::string_view>& names, const BodyFields<Input, N>& fields,
                   std::initializer_list<std::string_view> except = {}) {
  for (const auto& field : fields) {
    if (std::find(except.begin(), except.end(), field.name) == except.end()) {
      names.push_back(field.name);
    }
  }
}

template <typename Input, std::size_t N>
std::vector<std::string_view> FieldNames(const BodyFields<Input, N>& fields,
                                         std::initializer_list<std::string_view> except = {}) {
  std::vector<std::string_view> names;
  AddFieldNames(names, fields, except);
  return names;
}

// Fills `input` from `body` by `fields`, but `except`.
template <typename Input, std::size_t N>
void ReadFields(BodyReader& body, const BodyFields<Input, N>& fields, Input& input,
                std::initializer_list<std::string_view> except = {}) {
  using Field = BodyField<Input>;
  for (const auto& field : fields) {
    if (std::find(except.begin(), except.end(), field.name) != except.end()) continue;
    const std::string name(field.name);
    std::visit(
        [&](auto member) {
          using Member = decltype(member);
          if constexpr (std::is_same_v<Member, typename Field::Custom>) {
            member(body, input);
          } else if constexpr (std::is_same_v<Member, typename Field::Number>) {
            input.*member = NumberField(body, name);
          } else if constexpr (std::is_same_v<Member, typename Field::Flag>) {
            input.*member = BoolField(body, name);
          } else {
            input.*member = field.lines == core::TextLines::kMulti ? MultiLineTextField(body, name)
                                                                   : TextField(body, name);
          }
        },
        field.member);
  }
}

// A JSON body holding only the fields of `tables`, read by them in order, or every wrong field.
template <typename Input, std::size_t... N>
core::Result<Input> ReadBody(const Call& call, const BodyFields<Input, N>&... tables) {
  std::vector<std::string_view> allowed;
  (AddFieldNames(allowed, tables), ...);
  GOTONG_ASSIGN_OR_RETURN(auto body, BodyReader::Parse(call.request, allowed));
  Input input;
  (ReadFields(body, tables, input), ...);
  GOTONG_RETURN_IF_ERROR(body.Finish());
  return input;
}

// A person's fields, for the people routes and for the new person an enterprise's owner or a
// group's member may bring along.
using PersonIn = domain::registry::PersonInput;
inline constexpr auto kPersonFields = std::to_array<BodyField<PersonIn>>({
    {"name", &PersonIn::name}, {"gender", &PersonIn::gender}, {"birth_year", &PersonIn::birth_year},
    {"occupation", &PersonIn::occupation},
    {"phone", &PersonIn::phone}, {"village_code", &PersonIn::village_code}, {"nik", &PersonIn::nik},
    {"nik_consent", &PersonIn::nik_consent}, {"steward_id", &PersonIn::steward_id}});

// A service's answer as JSON with `status`, or its error.
template <typename T, typename ToJson>
Reply JsonReply(int status, const core::Result<T>& found, ToJson&& to_json) {
  if (!found.ok()) return found.error();
  return JsonResponse(status, to_json(*found));
}

// A page the service found, each item written by to_json, or its error.
template <typename T, typename ToJson>
Reply PageJsonReply(const core::Result<core::Page<T>>& found, ToJson&& to_json) {
  if (!found.ok()) return found.error();
  return JsonResponse(200, PageJson(*found, to_json));
}

// A list the service found as {"items": [...]}, each written by to_json, or its error.
template <typename Items, typename ToJson>
Reply ItemsJsonReply(const core::Result<Items>& found, ToJson&& to_json) {
  if (!found.ok()) return found.error();
  boost::json::array items;
  for (const auto& item : *found) items.push_back(to_json(item));
  return JsonResponse(200, boost::json::object{{"items", std::move(items)}});
}

// 201 with `body` and the created record's Location.
Response CreatedResponse(const boost::json::value& body, const std::string& location);
// The path of one of a group's records: /api/v1/groups/{group_id}/<records>/{id}.
std::string GroupRecordPath(std::int64_t group_id, std::string_view records, std::int64_t id);


}  // namespace gotong::api::handlers
