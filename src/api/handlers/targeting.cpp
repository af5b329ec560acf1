// Equitable targeting (issue 15): a programme's candidates ranked by need with their reasons,
// rounds that freeze them until an officer confirms, and the explanation a person is owed.

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/programmes/targeting_service.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace programmes = domain::programmes;

constexpr const char* kNoProgramme = "no programme with that id";
constexpr const char* kNoRound = "no round with that id";

json::value NeedJson(const programmes::NeedScore& need) {
  json::array terms;
  for (const auto& term : need.terms) {
    json::object params;
    for (const auto& [key, value] : term.params) params[key] = value;
    terms.push_back(
        json::object{{"code", term.code}, {"points", term.points}, {"params", std::move(params)}, {"label", term.label}});
  }
  return terms;
}

// What the ranking read of a candidate.
json::object FactsJson(const programmes::Candidate& c) {
  const auto& f = c.facts;
  return json::object{
      {"village_code", f.village_code},
      {"sector", f.sector ? json::value(domain::registry::ToString(*f.sector)) : json::value(nullptr)},
      {"scale", f.scale ? json::value(domain::registry::ToString(*f.scale)) : json::value(nullptr)},
      {"founded_year", NullableNumber(f.founded_year)},
      {"homogeneous", f.homogeneous ? json::value(*f.homogeneous) : json::value(nullptr)},
      {"categories", Names(f.categories)},
      {"received", json::object{{"count", c.received.count},
                                {"value", c.received.value},
                                {"providers", c.received.providers},
                                {"last_on", NullableDate(c.received.last_on)}}}};
}

json::value CandidateJson(const programmes::RankedCandidate& ranked) {
  const auto& c = ranked.candidate;
  return json::object{{"rank", ranked.rank},
                      {"id", c.id},
                      {"name", c.name},
                      {"facts", FactsJson(c)},
                      {"score", ranked.need.score},
                      {"terms", NeedJson(ranked.need)},
                      {"eligibility", EligibilityJson(ranked.eligibility)}};
}

json::value RoundJson(const programmes::Round& r) {
  return json::object{
      {"id", r.id},
      {"programme_id", r.programme_id},
      {"kind", ToString(r.kind)},
      {"status", ToString(r.status)},
      {"opens_on", r.opens_on.ToString()},
      {"closes_on", r.closes_on.ToString()},
      {"quota", NullableNumber(r.quota)},
      {"region", Nullable(r.region_code)},
      {"sector", r.sector ? json::value(domain::registry::ToString(*r.sector)) : json::value(nullptr)},
      {"note", Nullable(r.note)},
      {"scored_year", r.scored_year},
      {"criteria", CriteriaJson(r.criteria)},
      {"criteria_starts_on", r.criteria_starts_on.ToString()},
      {"candidate_count", r.candidate_count},
      {"selected_count", r.selected_count},
      {"cut_score", NullableNumber(r.cut_score)},
      {"enrolled_count", NullableNumber(r.enrolled_count)},
      {"created_at", core::FormatInstant(r.created_at)},
      {"decided_at", NullableInstant(r.decided_at)},
      {"updated_at", core::FormatInstant(r.updated_at)}};
}

json::value RoundViewJson(const programmes::RoundView& view) {
  auto value = RoundJson(view.round);
  value.as_object()["can_manage"] = view.can_manage;
  return value;
}

json::value BeneficiaryJson(const programmes::BeneficiaryView& view) {
  const auto& b = view.beneficiary;
  return json::object{{"position", b.position},
                      {"id", b.candidate.id},
                      {"name", b.candidate.name},
                      {"facts", FactsJson(b.candidate)},
                      {"score", view.need.score},
                      {"terms", NeedJson(view.need)},
                      {"eligibility", EligibilityJson(view.eligibility)}};
}

json::value DecisionJson(const programmes::Decision& d) {
  return json::object{{"round_id", d.round.id},
                      {"programme_id", d.round.programme_id},
                      {"kind", ToString(d.kind)},
                      {"id", d.id},
                      {"name", d.name},
                      {"selected", d.selected},
                      {"reason", d.reason},
                      {"facts_from", d.facts},
                      {"position", NullableNumber(d.position)},
                      {"score", d.need.score},
                      {"terms", NeedJson(d.need)},
                      {"cut_score", NullableNumber(d.round.cut_score)},
                      {"eligibility", EligibilityJson(d.eligibility)}};
}

json::value SelectionsJson(const std::vector<programmes::Selection>& selections) {
  json::array items;
  for (const auto& s : selections) {
    items.push_back(json::object{{"programme_name", s.programme_name},
                                 {"round", RoundJson(s.decision.round)},
                                 {"decision", DecisionJson(s.decision)}});
  }
  return json::object{{"items", std::move(items)}};
}

using RoundIn = programmes::RoundInput;
constexpr auto kRoundFields = std::to_array<BodyField<RoundIn>>({{"kind", &RoundIn::kind},
                                                                  {"opens_on", &RoundIn::opens_on},
                                                                  {"closes_on", &RoundIn::closes_on},
                                                                  {"quota", &RoundIn::quota},
                                                                  {"region", &RoundIn::region},
                                                                  {"sector", &RoundIn::sector},
                                                                  {"note", &RoundIn::note, core::TextLines::kMulti}});

using ConfirmIn = programmes::ConfirmInput;
constexpr auto kConfirmFields = std::to_array<BodyField<ConfirmIn>>({{"count", &ConfirmIn::count}});

// The programme and round ids of /programmes/{id}/rounds/{round_id}/…, or a 404.
core::Result<std::pair<std::int64_t, std::int64_t>> RoundIds(const Call& call) {
  auto id = PathId(call, "id");
  auto round_id = PathId(call, "round_id");
  if (!id) return core::Error::NotFound(kNoProgramme);
  if (!round_id) return core::Error::NotFound(kNoRound);
  return std::make_pair(*id, *round_id);
}

}  // namespace

void AddTargetingRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.targeting;
  routes.push_back({"GET", "/api/v1/programmes/{id}/candidates", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto query,
                            QueryReader::Parse(call.query));
    programmes::CandidateListQuery filter;
    filter.kind = query.String("kind");
    filter.region = query.String("region");
    filter.sector = query.String("sector");
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(service.Candidates(call.context, id, filter), CandidateJson);
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/rounds", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    programmes::RoundQuery filter;
    filter.status = query.String("status");
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(service.Rounds(call.context, id, filter), RoundJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes/{id}/rounds", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kRoundFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, service.CreateRound(call.context, id, input));
    return CreatedResponse(RoundViewJson(created), "/api/v1/programmes/" + std::to_string(id) + "/rounds/" +
                                                       std::to_string(created.round.id));
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/rounds/{round_id}", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto ids, RoundIds(call));
    return JsonReply(200, service.GetRound(call.context, ids.first, ids.second), RoundViewJson);
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/rounds/{round_id}/beneficiaries", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto ids, RoundIds(call));
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    return PageJsonReply(service.Beneficiaries(call.context, ids.first, ids.second, page), BeneficiaryJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes/{id}/rounds/{round_id}/confirm", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto ids, RoundIds(call));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kConfirmFields));
    return JsonReply(200, service.Confirm(call.context, ids.first, ids.second, input), RoundViewJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes/{id}/rounds/{round_id}/cancel", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto ids, RoundIds(call));
    return JsonReply(200, service.Cancel(call.context, ids.first, ids.second), RoundViewJson);
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/rounds/{round_id}/decision", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto ids, RoundIds(call));
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    programmes::DecisionQuery asked;
    asked.enterprise_id = query.Int("enterprise_id", 1, INT64_MAX);
    asked.group_id = query.Int("group_id", 1, INT64_MAX);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return JsonReply(200, service.Decide(call.context, ids.first, ids.second, asked), DecisionJson);
  }});
  routes.push_back({"GET", "/api/v1/me/selections", Access::SignedIn(), [&service](Call& call) -> Reply {
    return JsonReply(200, service.MySelections(call.context), SelectionsJson);
  }});
}

}  // namespace gotong::api::handlers
