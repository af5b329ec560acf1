#include <charconv>
#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"

namespace gotong::api::handlers {

namespace json = boost::json;

std::optional<std::int64_t> PathId(const Call& call) { return PathId(call, "id"); }

std::optional<std::int64_t> PathId(const Call& call, const std::string& name) {
  const std::string& text = call.path.at(name);
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

core::Result<core::PageRequest> PageOnly(const Call& call) {
  GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
  auto page = ReadPage(query);
  GOTONG_RETURN_IF_ERROR(query.Finish());
  return page;
}

core::Status NoQuery(const Call& call) {
  GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
  return query.Finish();
}

core::PageRequest ReadPage(QueryReader& query) {
  core::PageRequest page;
  page.limit = static_cast<int>(query.Int("limit", 1, core::PageRequest::kMaxLimit)
                                    .value_or(core::PageRequest::kDefaultLimit));
  page.offset = query.Int("offset", 0, INT64_MAX / 2).value_or(0);
  return page;
}

void AddSystemRoutes(std::vector<Route>& routes, const Services& services,
                     const ApiOptions& options) {
  // Answered from the last probe of the database when the app keeps one (on the I/O thread,
  // so health answers while every worker is busy), else by a ping.
  auto health = services.database_health;
  Route route{"GET", "/api/v1/health", Access::Public(),
              [&database = services.database, health, version = options.version](Call&) -> Reply {
                auto status = health ? health() : database.Ping();
                // Say why: an operator reads this, and it holds no secrets.
                if (!status.ok()) return core::Error::Unavailable(status.error().message);
                Response response = JsonResponse(200, json::object{{"status", "ok"},
                                                                   {"version", version},
                                                                   {"database", database.Backend()}});
                response.SetHeader("Cache-Control", "no-store");
                return response;
              }};
  route.answers_inline = static_cast<bool>(health);
  routes.push_back(std::move(route));
}

}  // namespace gotong::api::handlers
