#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "api/api.hpp"
#include "api/json_io.hpp"

// One file per resource; each adds its routes to the table.
namespace gotong::api::handlers {

using AddRoutes = void(std::vector<Route>& routes, const Services& services, const ApiOptions& options);
AddRoutes AddSystemRoutes, AddSessionRoutes, AddUserRoutes, AddRegionRoutes, AddAuditRoutes,
    AddRegistryRoutes, AddImportRoutes, AddTreasuryRoutes, AddCooperationRoutes, AddGroupRoutes,
    AddMeetingRoutes, AddDeliberationRoutes, AddMemberSummaryRoutes, AddMentoringRoutes, AddSurveyRoutes,
    AddHelpRequestRoutes, AddMatchingRoutes, AddProgrammeRoutes, AddAssistanceRoutes, AddTargetingRoutes, AddExitRoutes,
    AddDashboardRoutes;

// The positive integer {id} of a route's path, or nothing (the caller answers 404).
std::optional<std::int64_t> PathId(const Call& call);
// The positive integer path parameter `name` ("member_id"), or nothing.
std::optional<std::int64_t> PathId(const Call& call, const std::string& name);

// Limit and offset from the query, within the page cap.
core::PageRequest ReadPage(QueryReader& query);
// The page of a route whose query holds limit and offset only.
core::Result<core::PageRequest> PageOnly(const Call& call);
// For a route that reads no query parameter: any parameter is refused by name (unknown_field).
core::Status NoQuery(const Call& call);

// A programme's (or a round's) eligibility criteria, and how one candidate meets them
// (programmes.cpp; targeting answers them too).
boost::json::value CriteriaJson(const domain::programmes::Criteria& criteria);
boost::json::value EligibilityJson(const domain::programmes::Eligibility& eligibility);

// A knowledge post as GET /groups/{id}/posts lists it (cooperation.cpp): also the post a shared
// help request became.
boost::json::value PostJson(const domain::groups::PostView& view);

// Competencies to reach, each at its level, as a cycle's targets and a learning theme's options
// list them (mentoring.cpp; deliberations.cpp answers them too).
boost::json::array TargetsJson(const std::vector<domain::mentoring::CompetencyTarget>& targets);

}  // namespace gotong::api::handlers
