// Empowerment programmes (issue 15): a stakeholder's programme with its partners across the
// quadruple helix, factors, criteria, SOPs and budget, and the groups and enterprises enrolled.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/programmes/programme_service.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace programmes = domain::programmes;

constexpr const char* kNoProgramme = "no programme with that id";

json::array Words(const std::vector<std::string>& words) {
  json::array array;
  for (const auto& word : words) array.push_back(json::value(word));
  return array;
}

json::value ProgrammeJson(const programmes::Programme& p) {
  json::array factors, partners, months;
  if (p.factors.capital_access) factors.push_back("capital_access");
  if (p.factors.human_resources) factors.push_back("human_resources");
  if (p.factors.partnership) factors.push_back("partnership");
  if (p.factors.market_strengthening) factors.push_back("market_strengthening");
  for (const auto& partner : p.partners) {
    partners.push_back(json::object{{"stakeholder_id", partner.stakeholder_id},
                                    {"name", partner.name},
                                    {"role", ToString(partner.role)},
                                    {"helix", domain::registry::ToString(partner.helix)},
                                    {"contribution", Nullable(partner.contribution)}});
  }
  for (int month : p.follow_up_months) months.push_back(month);
  return json::object{{"id", p.id},
                      {"name", p.name},
                      {"owner", json::object{{"id", p.owner_id}, {"name", p.owner_name}}},
                      {"description", Nullable(p.description)},
                      {"status", ToString(p.status)},
                      {"starts_on", p.starts_on.ToString()},
                      {"ends_on", p.ends_on.ToString()},
                      {"factors", std::move(factors)},
                      {"sop_meetings_per_month", p.sop_meetings_per_month},
                      {"sop_reports_per_year", p.sop_reports_per_year},
                      {"budget", p.budget},
                      {"exit_strategy", Nullable(p.exit_strategy)},
                      {"follow_up_months", std::move(months)},
                      {"partners", std::move(partners)},
                      {"criteria", CriteriaJson(p.criteria)},
                      {"created_at", core::FormatInstant(p.created_at)},
                      {"updated_at", core::FormatInstant(p.updated_at)}};
}

json::value ProgrammeViewJson(const programmes::ProgrammeView& view) {
  auto value = ProgrammeJson(view.programme);
  value.as_object()["can_manage"] = view.can_manage;
  return value;
}

json::value EnrolmentJson(const programmes::Enrolment& e) {
  json::value facilitator = nullptr;
  if (e.facilitator_id) facilitator = json::object{{"id", *e.facilitator_id}, {"name", e.facilitator_name}};
  return json::object{{"id", e.id},
                      {"programme_id", e.programme_id},
                      {"group_id", NullableNumber(e.group_id)},
                      {"enterprise_id", NullableNumber(e.enterprise_id)},
                      {"recipient_name", e.recipient_name},
                      {"facilitator", facilitator},
                      {"enrolled_on", e.enrolled_on.ToString()},
                      {"left_on", NullableDate(e.left_on)},
                      {"outside_criteria", e.outside_criteria_reason.has_value()},
                      {"outside_criteria_reason", Nullable(e.outside_criteria_reason)},
                      {"created_at", core::FormatInstant(e.created_at)},
                      {"updated_at", core::FormatInstant(e.updated_at)}};
}

json::value EnrolmentViewJson(const programmes::EnrolmentView& view) {
  auto value = EnrolmentJson(view.enrolment);
  value.as_object()["eligibility"] = EligibilityJson(view.eligibility);
  return value;
}

using ProgrammeIn = programmes::ProgrammeInput;

void ReadFactors(BodyReader& body, ProgrammeIn& input) { input.factors = body.Strings("factors", false, 4); }

void ReadFollowUps(BodyReader& body, ProgrammeIn& input) {
  input.follow_up_months = body.Ints("follow_up_months", false, 12);
}

void ReadPartners(BodyReader& body, ProgrammeIn& input) {
  if (auto items = body.Objects("partners", false, 50, {"stakeholder_id", "helix", "contribution"})) {
    input.partners.emplace();
    for (auto& item : *items) {
      input.partners->push_back(
          {item.Int("stakeholder_id", true), item.String("helix", false), item.String("contribution", false)});
    }
  }
}

void ReadCriteria(BodyReader& body, ProgrammeIn& input) {
  auto criteria = body.Object("criteria", false,
                              {"region_codes", "sectors", "scales", "founded_within_years", "homogeneous", "categories"});
  if (!criteria) return;
  programmes::CriteriaInput read;
  read.region_codes = criteria->Strings("region_codes", false, 100);
  read.sectors = criteria->Strings("sectors", false, 50);
  read.scales = criteria->Strings("scales", false, 4);
  read.founded_within_years = NumberField(*criteria, "founded_within_years");
  read.homogeneous = BoolField(*criteria, "homogeneous");
  read.categories = criteria->Strings("categories", false, 2);
  input.criteria = std::move(read);
}

constexpr auto kProgrammeFields = std::to_array<BodyField<ProgrammeIn>>({
    {"name", &ProgrammeIn::name},
    {"owner_id", &ProgrammeIn::owner_id},
    {"description", &ProgrammeIn::description, core::TextLines::kMulti},
    {"status", &ProgrammeIn::status},
    {"starts_on", &ProgrammeIn::starts_on},
    {"ends_on", &ProgrammeIn::ends_on},
    {"factors", &ReadFactors},
    {"sop_meetings_per_month", &ProgrammeIn::sop_meetings_per_month},
    {"sop_reports_per_year", &ProgrammeIn::sop_reports_per_year},
    {"budget", &ProgrammeIn::budget},
    {"exit_strategy", &ProgrammeIn::exit_strategy, core::TextLines::kMulti},
    {"follow_up_months", &ReadFollowUps},
    {"partners", &ReadPartners},
    {"criteria", &ReadCriteria}});

using EnrolmentIn = programmes::EnrolmentInput;
constexpr auto kEnrolmentFields = std::to_array<BodyField<EnrolmentIn>>({
    {"group_id", &EnrolmentIn::group_id},
    {"enterprise_id", &EnrolmentIn::enterprise_id},
    {"facilitator_id", &EnrolmentIn::facilitator_id},
    {"enrolled_on", &EnrolmentIn::enrolled_on},
    {"left_on", &EnrolmentIn::left_on},
    {"outside_criteria_reason", &EnrolmentIn::outside_criteria_reason, core::TextLines::kMulti}});

}  // namespace

json::value CriteriaJson(const programmes::Criteria& c) {
  json::array sectors, scales;
  for (auto sector : c.sectors) sectors.push_back(json::value(domain::registry::ToString(sector)));
  for (auto scale : c.scales) scales.push_back(json::value(domain::registry::ToString(scale)));
  return json::object{{"region_codes", Words(c.region_codes)},
                      {"sectors", std::move(sectors)},
                      {"scales", std::move(scales)},
                      {"founded_within_years", NullableNumber(c.founded_within_years)},
                      {"homogeneous", c.homogeneous},
                      {"categories", Names(c.categories)}};
}

json::value EligibilityJson(const programmes::Eligibility& eligibility) {
  json::array checks;
  for (const auto& check : eligibility.checks) {
    checks.push_back(json::object{{"criterion", check.criterion}, {"met", check.met}, {"found", check.found}});
  }
  return json::object{{"eligible", eligibility.eligible}, {"checks", std::move(checks)}};
}

void AddProgrammeRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.programmes;
  const auto designers = Access::Roles({domain::accounts::Role::kAdmin, domain::accounts::Role::kOfficer});
  routes.push_back({"GET", "/api/v1/programmes", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    programmes::ProgrammeQuery filter;
    filter.status = query.String("status");
    filter.q = query.String("q");
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(service.List(call.context, filter), ProgrammeJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes", designers, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kProgrammeFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, service.Create(call.context, input));
    return CreatedResponse(ProgrammeViewJson(created), "/api/v1/programmes/" + std::to_string(created.programme.id));
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    return JsonReply(200, service.Get(call.context, id), ProgrammeViewJson);
  }});
  routes.push_back({"PATCH", "/api/v1/programmes/{id}", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kProgrammeFields));
    return JsonReply(200, service.Update(call.context, id, input), ProgrammeViewJson);
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/enrolments", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto query,
                            QueryReader::Parse(call.query));
    programmes::EnrolmentQuery filter;
    filter.current_only = query.Bool("current").value_or(false);
    filter.outside_criteria_only = query.Bool("outside_criteria").value_or(false);
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(service.Enrolments(call.context, id, filter), EnrolmentJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes/{id}/enrolments", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kEnrolmentFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, service.Enrol(call.context, id, input));
    return CreatedResponse(EnrolmentViewJson(created), "/api/v1/enrolments/" + std::to_string(created.enrolment.id));
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/eligibility", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    programmes::CandidateQuery candidate;
    candidate.group_id = query.Int("group_id", 1, INT64_MAX);
    candidate.enterprise_id = query.Int("enterprise_id", 1, INT64_MAX);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return JsonReply(200, service.CheckCandidate(call.context, id, candidate), EligibilityJson);
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/facilitators", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    return ItemsJsonReply(service.Facilitators(call.context, id), [](const programmes::FacilitatorRef& f) {
      return json::value(json::object{{"id", f.id}, {"name", f.name}});
    });
  }});
  routes.push_back(
      {"PATCH", "/api/v1/enrolments/{id}", Access::SignedIn(),
       OnId("no enrolment with that id", service, &programmes::ProgrammeService::UpdateEnrolment,
            kEnrolmentFields, EnrolmentViewJson, 200)});
}

}  // namespace gotong::api::handlers
