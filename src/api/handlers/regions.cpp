#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/problem.hpp"

namespace gotong::api::handlers {

namespace json = boost::json;

void AddRegionRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& regions = services.regions;

  routes.push_back({"GET", "/api/v1/regions", Access::Public(), [&regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    domain::regions::ListQuery list;
    list.parent = query.String("parent");
    list.q = query.String("q");
    list.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto page, regions.List(list));
    Response response = JsonResponse(200, PageToJson(page));
    // Official regions change once a year at most: let browsers and proxies keep them a while.
    response.SetHeader("Cache-Control", "public, max-age=3600");
    return response;
  }});

  routes.push_back({"GET", "/api/v1/regions/{code}", Access::Public(), [&regions](Call& call) -> Reply {
    auto region = regions.Get(call.path.at("code"));
    if (!region.ok()) {
      if (region.error().code == core::ErrorCode::kInvalidArgument) {
        return core::Error::NotFound(region.error().message);
      }
      return region.error();
    }
    Response response = JsonResponse(200, json::value_from(*region));
    response.SetHeader("Cache-Control", "public, max-age=3600");
    return response;
  }});
}

}  // namespace gotong::api::handlers
