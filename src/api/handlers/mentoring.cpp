// Community mentoring (seed 000): the catalogue of competencies members learn.

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/mentoring/competency_service.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace mentoring = domain::mentoring;

json::value CompetencyJson(const mentoring::Competency& c) {
  return json::object{{"id", c.id},
                      {"code", c.code},
                      {"sector", Nullable(c.sector)},
                      {"name", c.name},
                      {"name_en", Nullable(c.name_en)},
                      {"description", Nullable(c.description)},
                      {"retired", c.retired},
                      {"created_at", core::FormatInstant(c.created_at)},
                      {"updated_at", core::FormatInstant(c.updated_at)}};
}

using CompetencyIn = mentoring::CompetencyInput;
constexpr auto kCompetencyFields = std::to_array<BodyField<CompetencyIn>>({
    {"code", &CompetencyIn::code}, {"sector", &CompetencyIn::sector}, {"name", &CompetencyIn::name},
    {"name_en", &CompetencyIn::name_en},
    {"description", &CompetencyIn::description, core::TextLines::kMulti},
    {"retired", &CompetencyIn::retired}});

}  // namespace

void AddMentoringRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& competencies = services.competencies;
  const auto admin = Access::Roles({domain::accounts::Role::kAdmin});

  routes.push_back({"GET", "/api/v1/competencies", Access::SignedIn(), [&competencies](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query, {"sector", "retired", "limit", "offset"}));
    mentoring::CompetencyQuery filter;
    filter.sector = query.String("sector");
    filter.include_retired = query.Bool("retired").value_or(false);
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(competencies.List(call.context, filter), CompetencyJson);
  }});

  routes.push_back({"POST", "/api/v1/competencies", admin, [&competencies](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kCompetencyFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, competencies.Create(call.context, input));
    return CreatedResponse(CompetencyJson(created), "/api/v1/competencies/" + std::to_string(created.id));
  }});

  routes.push_back({"GET", "/api/v1/competencies/{id}", Access::SignedIn(), [&competencies](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no competency with that id"));
    return JsonReply(200, competencies.Get(call.context, id), CompetencyJson);
  }});

  routes.push_back({"PATCH", "/api/v1/competencies/{id}", admin, [&competencies](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no competency with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kCompetencyFields));
    return JsonReply(200, competencies.Update(call.context, id, input), CompetencyJson);
  }});
}

}  // namespace gotong::api::handlers
