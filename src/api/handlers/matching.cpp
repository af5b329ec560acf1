// Mentor matching runs (issue 14): an overseer starts a run over some groups (a background job),
// follows its progress, reads the proposal with each pair's explanation, and publishes it.

#include <algorithm>

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/mentoring/matching_run_service.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace mentoring = domain::mentoring;

json::value OptionalInstant(const std::optional<core::Instant>& instant) {
  if (!instant) return nullptr;
  return json::value(core::FormatInstant(*instant));
}

json::object RunJson(const mentoring::MatchingRun& r) {
  json::array groups, capacities;
  for (auto id : r.group_ids) groups.push_back(id);
  for (const auto& c : r.capacities) capacities.push_back(json::object{{"person_id", c.person_id}, {"capacity", c.capacity}});
  return json::object{
      {"id", r.id},
      {"status", ToString(r.status)},
      {"input", json::object{{"group_ids", std::move(groups)},
                             {"default_capacity", r.default_capacity},
                             {"top_k", r.top_k ? json::value(*r.top_k) : json::value(nullptr)},
                             {"capacities", std::move(capacities)}}},
      {"progress", json::object{{"stage", r.stage ? json::value(ToString(*r.stage)) : json::value(nullptr)},
                                {"done", r.done},
                                {"total", r.total}}},
      {"error", Nullable(r.error)},
      {"total_score", NullableNumber(r.total_score)},
      {"created_by", NullableNumber(r.created_by)},
      {"created_at", core::FormatInstant(r.created_at)},
      {"started_at", OptionalInstant(r.started_at)},
      {"finished_at", OptionalInstant(r.finished_at)},
      {"published_by", NullableNumber(r.published_by)},
      {"published_at", OptionalInstant(r.published_at)}};
}

json::value RunSummaryJson(const mentoring::MatchingRun& r) { return RunJson(r); }

json::array Competencies(const std::vector<std::int64_t>& ids, const std::map<std::int64_t, std::string>& names) {
  json::array items;
  for (auto id : ids) items.push_back(json::object{{"id", id}, {"name", names.at(id)}});
  return items;
}

// Each term's maximum: a pair's points read against them. Proximity's is the same group's
// (the larger of its two kinds).
json::object WeightsJson(const mentoring::MatchWeights& w) {
  return json::object{{"values", w.values},
                      {"coverage", w.coverage},
                      {"proximity", std::max(w.same_group, w.same_village)},
                      {"community", w.community}};
}

json::value RunViewJson(const mentoring::MatchingRunView& view) {
  auto value = RunJson(view.run);
  value["weights"] = WeightsJson(view.weights);
  bool has_result = view.run.status == mentoring::RunStatus::kSucceeded ||
                    view.run.status == mentoring::RunStatus::kPublished;
  if (!has_result) {
    value["result"] = nullptr;
    return value;
  }
  json::array pairs, unplaced;
  for (const auto& p : view.pairs) {
    const auto& s = p.score;
    pairs.push_back(json::object{
        {"mentee_member_id", p.mentee_member_id},
        {"mentee_name", p.mentee_name},
        {"group_id", p.mentee_group_id},
        {"mentor_person_id", p.mentor_person_id},
        {"mentor_member_id", NullableNumber(p.mentor_member_id)},
        {"mentor_name", p.mentor_name},
        {"mentor_origin", ToString(p.origin)},
        {"score", json::object{{"total", s.total},
                               {"values", s.values},
                               {"values_answered", s.values_answered},
                               {"coverage", s.coverage},
                               {"proximity", s.proximity},
                               {"proximity_kind", mentoring::ToString(s.proximity_kind)},
                               {"community", s.community}}},
        {"covered_competencies", Competencies(s.covered_competencies, view.competency_names)}});
  }
  for (const auto& u : view.unplaced) {
    unplaced.push_back(json::object{{"member_id", u.member_id},
                                    {"name", u.name},
                                    {"group_id", u.group_id},
                                    {"reason", mentoring::ToString(u.reason)},
                                    {"uncovered_competencies", Competencies(u.uncovered_competencies, view.competency_names)}});
  }
  value["result"] = json::object{{"pairs", std::move(pairs)}, {"unplaced", std::move(unplaced)}};
  return value;
}

mentoring::MatchingRunInput ReadRunInput(BodyReader& body) {
  mentoring::MatchingRunInput input;
  input.group_ids = body.Ints("group_ids", true, mentoring::kMaxRunGroups);
  input.default_capacity = body.Int("default_capacity", false);
  input.top_k = body.Int("top_k", false);
  if (auto items = body.Objects("capacities", false, 10'000, {"person_id", "member_id", "capacity"})) {
    for (auto& item : *items) {
      input.capacities.push_back({item.Int("person_id", false), item.Int("member_id", false), item.Int("capacity", true)});
    }
  }
  return input;
}

}  // namespace

void AddMatchingRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& runs = services.matching_runs;
  routes.push_back({"POST", "/api/v1/matching/runs", Access::SignedIn(),
                    [&runs, start = services.start_matching](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, {"group_ids", "default_capacity", "capacities", "top_k"},
                                                 ReadRunInput));
    GOTONG_ASSIGN_OR_RETURN(auto run, runs.Create(call.context, input));
    if (start && !start(run.id)) {
      GOTONG_RETURN_IF_ERROR(runs.Abandon(run.id, "the matching queue was full"));
      core::Error busy{core::ErrorCode::kUnavailable, "matching is busy: try again shortly", {}, 30, ""};
      return busy;
    }
    Response response = JsonResponse(202, RunJson(run));
    response.SetHeader("Location", "/api/v1/matching/runs/" + std::to_string(run.id));
    return response;
  }});

  routes.push_back({"GET", "/api/v1/matching/runs", Access::SignedIn(), [&runs](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto group_id = query.Int("group_id", 1, INT64_MAX);
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    if (!group_id) return core::Error::Invalid("group_id", "required", "group_id is required");
    return PageJsonReply(runs.List(call.context, *group_id, page), RunSummaryJson);
  }});

  routes.push_back({"GET", "/api/v1/matching/runs/{id}", Access::SignedIn(),
                    OnId("no matching run with that id", runs, &mentoring::MatchingRunService::Get,
                         RunViewJson)});

  routes.push_back({"POST", "/api/v1/matching/runs/{id}/publish", Access::SignedIn(), [&runs](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no matching run with that id"));
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    return JsonReply(200, runs.Publish(call.context, id), RunViewJson);
  }});
}

}  // namespace gotong::api::handlers
