#include "api/handlers/values.hpp"

#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"

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

core::Result<std::int64_t> RequiredPathId(const Call& call, const std::string& not_found) {
  auto id = PathId(call, "id");
  if (!id) return core::Error::NotFound(not_found);
  return *id;
}

core::Result<std::int64_t> GroupId(const Call& call) {
  auto id = PathId(call, "id");
  if (!id) return NoGroup();
  return *id;
}

core::Result<GroupRecordIds> ReadGroupRecordIds(const Call& call, const std::string& name,
                                                const std::string& not_found) {
  auto group_id = PathId(call, "id");
  auto id = PathId(call, name);
  if (!group_id || !id) return core::Error::NotFound(not_found);
  return GroupRecordIds{*group_id, *id};
}

Route GroupRoute(std::string method, std::string_view tail, GroupHandler handler) {
  return {std::move(method), "/api/v1/groups/{id}" + std::string(tail), Access::SignedIn(),
          [handler = std::move(handler)](Call& call) -> Reply {
            GOTONG_ASSIGN_OR_RETURN(auto id, GroupId(call));
            return handler(call, id);
          }};
}

Route GroupRecordRoute(std::string method, std::string_view tail, std::string record,
                       std::string not_found, GroupRecordHandler handler) {
  return {std::move(method), "/api/v1/groups/{id}" + std::string(tail), Access::SignedIn(),
          [record = std::move(record), not_found = std::move(not_found),
           handler = std::move(handler)](Call& call) -> Reply {
            GOTONG_ASSIGN_OR_RETURN(auto ids, ReadGroupRecordIds(call, record, not_found));
            return handler(call, ids);
          }};
}

namespace {

core::Result<DateRangeQuery> ReadDateRangeQuery(const Call& call, bool paged) {
  GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
  DateRangeQuery range;
  range.from = query.String("from");
  range.to = query.String("to");
  if (paged) range.page = ReadPage(query);
  GOTONG_RETURN_IF_ERROR(query.Finish());
  return range;
}

}  // namespace

core::Result<DateRangeQuery> ReadDateRange(const Call& call) { return ReadDateRangeQuery(call, false); }

core::Result<DateRangeQuery> ReadDateRangePage(const Call& call) {
  return ReadDateRangeQuery(call, true);
}

Response CreatedResponse(const json::value& body, const std::string& location) {
  Response response = JsonResponse(201, body);
  response.SetHeader("Location", location);
  return response;
}

std::string GroupRecordPath(std::int64_t group_id, std::string_view records, std::int64_t id) {
  return "/api/v1/groups/" + std::to_string(group_id) + "/" + std::string(records) + "/" +
         std::to_string(id);
}

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
