#include "api/api.hpp"

#include "api/compression.hpp"
#include "api/handlers/handlers.hpp"
#include "api/problem.hpp"
#include "api/static_files.hpp"

namespace gotong::api {

std::vector<Route> BuildRoutes(const Services& services, const ApiOptions& options) {
  std::vector<Route> routes;
  // In this order: a request takes the first route that matches it.
  for (handlers::AddRoutes* add :
       {handlers::AddSystemRoutes, handlers::AddSessionRoutes, handlers::AddUserRoutes,
        handlers::AddRegionRoutes, handlers::AddAuditRoutes, handlers::AddRegistryRoutes,
        handlers::AddImportRoutes, handlers::AddGroupRoutes, handlers::AddMeetingRoutes,
        handlers::AddDeliberationRoutes, handlers::AddTreasuryRoutes, handlers::AddCooperationRoutes,
        handlers::AddMemberSummaryRoutes, handlers::AddMentoringRoutes, handlers::AddSurveyRoutes,
        handlers::AddHelpRequestRoutes, handlers::AddMatchingRoutes, handlers::AddProgrammeRoutes,
        handlers::AddAssistanceRoutes, handlers::AddTargetingRoutes, handlers::AddExitRoutes,
        handlers::AddDashboardRoutes}) {
    add(routes, services, options);
  }
  return routes;
}

Api::Api(Services services, ApiOptions options)
    : services_(std::move(services)),
      options_(std::move(options)),
      router_(BuildRoutes(services_, options_), services_.accounts, services_.idempotency,
              options_.router) {}

namespace {

bool IsApiPath(const std::string& target) {
  return std::string_view(target).substr(0, target.find('?')).starts_with("/api/");
}

}  // namespace

std::optional<Response> Api::Admit(Request& request) {
  if (!IsApiPath(request.target)) return std::nullopt;
  return router_.Admit(request);
}

std::optional<Response> Api::AnswerInline(const Request& request) {
  if (!IsApiPath(request.target)) return std::nullopt;
  return router_.AnswerInline(request);
}

Response Api::Handle(const Request& request) {
  std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
  if (path.starts_with("/api/")) {
    if (auto response = router_.Dispatch(request)) {
      return CompressForClient(request, std::move(*response));
    }
    return ProblemResponse(core::Error::NotFound("no API route " + std::string(path)),
                           request.request_id);
  }
  if (options_.web_root.empty()) {
    return ProblemResponse(core::Error::NotFound("no such page"), request.request_id);
  }
  return ServeStatic(request, options_.web_root);
}

}  // namespace gotong::api
