// Exit to a local hero, follow-up visits and the programme dashboard (issue 15):
// /api/v1/programmes/{id}/exits, /follow-ups and /dashboard.

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/programmes/exit_service.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace programmes = domain::programmes;

constexpr const char* kNoProgramme = "no programme with that id";

json::value CheckJson(const programmes::ReadinessCheck& check) {
  return json::object{{"met", check.met},
                      {"evidence", Nullable(check.evidence)},
                      {"checked_on", NullableDate(check.checked_on)}};
}

json::value NominationJson(const programmes::Nomination& n) {
  json::object checklist;
  for (auto item : programmes::kReadinessItems) checklist[programmes::ToString(item)] = CheckJson(n.Check(item));
  json::array unmet;
  for (auto item : programmes::Unmet(n)) unmet.push_back(json::value(programmes::ToString(item)));
  json::value hand_over = nullptr;
  if (n.handed_over_on) {
    json::value by = nullptr;
    if (n.handed_over_by) by = json::object{{"id", *n.handed_over_by}, {"name", n.handed_over_by_name}};
    hand_over = json::object{
        {"handed_over_on", n.handed_over_on->ToString()}, {"by", by}, {"note", Nullable(n.hand_over_note)}};
  }
  return json::object{{"id", n.id},
                      {"member_id", n.member_id},
                      {"hero_name", n.hero_name},
                      {"nominated_on", n.nominated_on.ToString()},
                      {"note", Nullable(n.note)},
                      {"checklist", std::move(checklist)},
                      {"unmet", std::move(unmet)},
                      {"hand_over", hand_over},
                      {"replaced_at", NullableInstant(n.replaced_at)},
                      {"created_at", core::FormatInstant(n.created_at)},
                      {"updated_at", core::FormatInstant(n.updated_at)}};
}

json::value OptionalNomination(const std::optional<programmes::Nomination>& n) {
  return n ? NominationJson(*n) : json::value(nullptr);
}

json::value GroupRefJson(const programmes::Enrolment& e) {
  return json::object{{"id", e.group_id.value_or(0)}, {"name", e.recipient_name}};
}

json::value ExitSummaryJson(const programmes::ExitSummary& s) {
  return json::object{{"enrolment_id", s.enrolment.id},
                      {"group", GroupRefJson(s.enrolment)},
                      {"status", programmes::ToString(s.status)},
                      {"current", OptionalNomination(s.current)}};
}

json::value HeroRecordJson(const programmes::HeroRecord& r) {
  return json::object{{"role", domain::groups::ToString(r.role)},
                      {"mentor", r.mentor},
                      {"local_hero", r.local_hero},
                      {"joined_on", r.joined_on.ToString()},
                      {"left_on", NullableDate(r.left_on)},
                      {"from", r.from.ToString()},
                      {"to", r.to.ToString()},
                      {"meetings_held", r.meetings_held},
                      {"meetings_attended", r.meetings_attended},
                      {"meetings_hosted", r.meetings_hosted},
                      {"ledger_entries", NullableNumber(r.ledger_entries)},
                      {"other_groups", r.other_groups}};
}

json::value ExitViewJson(const programmes::ExitView& v) {
  json::array history;
  for (const auto& n : v.history) history.push_back(NominationJson(n));
  return json::object{{"enrolment_id", v.enrolment.id},
                      {"group", GroupRefJson(v.enrolment)},
                      {"status", programmes::ToString(v.status)},
                      {"current", OptionalNomination(v.current)},
                      {"record", v.record ? HeroRecordJson(*v.record) : json::value(nullptr)},
                      {"history", std::move(history)},
                      {"can_manage", v.can_manage}};
}

json::value FollowUpJson(const programmes::FollowUp& f) {
  json::value by = nullptr;
  if (f.recorded_by) by = json::object{{"id", *f.recorded_by}, {"name", f.recorded_by_name}};
  return json::object{{"id", f.id},
                      {"group", json::object{{"id", f.group_id}, {"name", f.group_name}}},
                      {"follow_up_month", NullableNumber(f.follow_up_month)},
                      {"visited_on", f.visited_on.ToString()},
                      {"status", programmes::ToString(f.status)},
                      {"active_members", f.active_members},
                      {"meets_sop", f.meets_sop},
                      {"hero_coaching", f.hero_coaching ? json::value(*f.hero_coaching) : json::value(nullptr)},
                      {"note", Nullable(f.note)},
                      {"recorded_by", by},
                      {"created_at", core::FormatInstant(f.created_at)}};
}

json::value GroupFollowUpsJson(const programmes::GroupFollowUps& g) {
  json::array schedule, visits;
  for (const auto& slot : g.schedule) {
    schedule.push_back(json::object{{"month", slot.month},
                                    {"due_on", slot.due_on.ToString()},
                                    {"state", programmes::ToString(slot.state)},
                                    {"follow_up_id", NullableNumber(slot.follow_up_id)},
                                    {"visited_on", NullableDate(slot.visited_on)}});
  }
  for (const auto& visit : g.visits) visits.push_back(FollowUpJson(visit));
  return json::object{{"enrolment_id", g.enrolment.id},
                      {"group", GroupRefJson(g.enrolment)},
                      {"schedule", std::move(schedule)},
                      {"visits", std::move(visits)}};
}

json::value BoardJson(const programmes::FollowUpBoard& board) {
  json::array months;
  for (int month : board.months) months.push_back(month);
  auto value = PageJson(board.groups, GroupFollowUpsJson);
  auto& object = value.as_object();
  object["ends_on"] = board.ends_on.ToString();
  object["follow_up_months"] = std::move(months);
  object["ended"] = board.ended;
  return value;
}

json::value DashboardJson(const programmes::Dashboard& d) {
  const auto& e = d.enrolment.counts;
  const auto& c = d.compliance;
  json::array rows;
  for (const auto& row : c.rows) {
    rows.push_back(json::object{{"group_id", row.group_id},
                                {"name", row.name},
                                {"sop_meetings_per_month", row.sop_meetings_per_month},
                                {"held", row.held},
                                {"required", row.required}});
  }
  json::value budget = nullptr;
  if (d.budget) {
    budget = json::object{{"budget", d.budget->budget},
                          {"committed", d.budget->tally.committed},
                          {"disbursed", d.budget->tally.disbursed},
                          {"over", d.budget->over},
                          {"over_budget_records", d.budget->tally.over_budget_records}};
  }
  const auto& p = d.loans.portfolio;
  const auto& b = d.loans.bands;
  const auto& f = d.follow_ups;
  json::object latest;
  for (auto condition : programmes::kGroupConditions) {
    latest[programmes::ToString(condition)] = f.latest.at(static_cast<std::size_t>(condition));
  }
  latest["not_visited"] = f.not_visited;
  return json::object{
      {"programme_id", d.programme_id},
      {"group_id", NullableNumber(d.group_id)},
      {"as_of", d.as_of.ToString()},
      {"enrolment",
       json::object{{"groups", json::object{{"current", e.current_groups}, {"left", e.left_groups}}},
                    {"enterprises", json::object{{"current", e.current_enterprises}, {"left", e.left_enterprises}}},
                    {"outside_criteria", e.outside_criteria}}},
      {"compliance", json::object{{"from", c.from.ToString()},
                                  {"to", c.to.ToString()},
                                  {"groups", c.groups},
                                  {"bands", json::object{{"met", c.bands.met},
                                                         {"partial", c.bands.partial},
                                                         {"low", c.bands.low},
                                                         {"none", c.bands.none}}},
                                  {"rows", std::move(rows)}}},
      {"completion", json::object{{"groups", d.completion.groups},
                                  {"cycles", d.completion.cycles},
                                  {"closed", d.completion.closed},
                                  {"achieved", d.completion.achieved},
                                  {"targets", d.completion.targets}}},
      {"budget", budget},
      {"loans", json::object{{"as_of", d.loans.as_of.ToString()},
                             {"loans", d.loans.loans},
                             {"par30", json::object{{"at_risk_principal", p.at_risk_principal},
                                                    {"outstanding_principal", p.outstanding_principal},
                                                    {"ratio", p.ratio},
                                                    {"loans_at_risk", p.loans_at_risk},
                                                    {"loans_outstanding", p.loans_outstanding}}},
                             {"bands", json::object{{"current", b.current},
                                                    {"days_1_30", b.days_1_30},
                                                    {"days_31_60", b.days_31_60},
                                                    {"days_61_90", b.days_61_90},
                                                    {"days_over_90", b.days_over_90},
                                                    {"closed", b.closed},
                                                    {"undisbursed", b.undisbursed}}}}},
      {"exits", json::object{{"none", d.exits.none},
                             {"nominated", d.exits.nominated},
                             {"ready", d.exits.ready},
                             {"handed_over", d.exits.handed_over}}},
      {"follow_ups", json::object{{"ended", f.ended},
                                  {"schedule", json::object{{"done", f.done},
                                                            {"overdue", f.overdue},
                                                            {"upcoming", f.upcoming}}},
                                  {"latest_status", std::move(latest)}}}};
}

using NominationIn = programmes::NominationInput;
constexpr auto kNominationFields = std::to_array<BodyField<NominationIn>>({
    {"member_id", &NominationIn::member_id},
    {"nominated_on", &NominationIn::nominated_on},
    {"note", &NominationIn::note, core::TextLines::kMulti}});

using ChecklistIn = programmes::ChecklistInput;

template <programmes::ReadinessItem kItem>
void ReadCheck(BodyReader& body, ChecklistIn& input) {
  const std::string name(programmes::ToString(kItem));
  auto item = body.Object(name, false, {"met", "evidence", "checked_on"});
  if (!item) return;
  programmes::CheckInput check;
  check.met = BoolField(*item, "met");
  check.evidence = MultiLineTextField(*item, "evidence");
  check.checked_on = TextField(*item, "checked_on");
  input.items.at(static_cast<std::size_t>(kItem)) = std::move(check);
}

constexpr auto kChecklistFields = std::to_array<BodyField<ChecklistIn>>({
    {"leads_meetings", &ReadCheck<programmes::ReadinessItem::kLeadsMeetings>},
    {"keeps_books", &ReadCheck<programmes::ReadinessItem::kKeepsBooks>},
    {"outside_network", &ReadCheck<programmes::ReadinessItem::kOutsideNetwork>},
    {"note", &ChecklistIn::note, core::TextLines::kMulti}});

using HandOverIn = programmes::HandOverInput;
constexpr auto kHandOverFields = std::to_array<BodyField<HandOverIn>>({
    {"handed_over_on", &HandOverIn::handed_over_on}, {"note", &HandOverIn::note, core::TextLines::kMulti}});

using FollowUpIn = programmes::FollowUpInput;
constexpr auto kFollowUpFields = std::to_array<BodyField<FollowUpIn>>({
    {"group_id", &FollowUpIn::group_id},
    {"follow_up_month", &FollowUpIn::follow_up_month},
    {"visited_on", &FollowUpIn::visited_on},
    {"status", &FollowUpIn::status},
    {"active_members", &FollowUpIn::active_members},
    {"meets_sop", &FollowUpIn::meets_sop},
    {"hero_coaching", &FollowUpIn::hero_coaching},
    {"note", &FollowUpIn::note, core::TextLines::kMulti}});

// The programme and group of a route under /programmes/{id}/…/{group_id}.
struct ExitPath {
  std::int64_t programme_id = 0;
  std::int64_t group_id = 0;
};

core::Result<ExitPath> ReadExitPath(const Call& call) {
  GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
  auto group = PathId(call, "group_id");
  if (!group) return core::Error::NotFound("no group with that id in this programme");
  return ExitPath{id, *group};
}

std::string ExitPathOf(const ExitPath& path) {
  return "/api/v1/programmes/" + std::to_string(path.programme_id) + "/exits/" + std::to_string(path.group_id);
}

}  // namespace

void AddExitRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.exits;
  routes.push_back({"GET", "/api/v1/programmes/{id}/exits", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto status = query.String("status");
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(service.List(call.context, id, status, page), ExitSummaryJson);
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/exits/{group_id}", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto path, ReadExitPath(call));
    return JsonReply(200, service.Get(call.context, path.programme_id, path.group_id), ExitViewJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes/{id}/exits/{group_id}/nominations", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto path, ReadExitPath(call));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kNominationFields));
    GOTONG_ASSIGN_OR_RETURN(auto view, service.Nominate(call.context, path.programme_id, path.group_id, input));
    return CreatedResponse(ExitViewJson(view), ExitPathOf(path));
  }});
  routes.push_back({"PATCH", "/api/v1/programmes/{id}/exits/{group_id}/checklist", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto path, ReadExitPath(call));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kChecklistFields));
    return JsonReply(200, service.Check(call.context, path.programme_id, path.group_id, input), ExitViewJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes/{id}/exits/{group_id}/hand-over", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto path, ReadExitPath(call));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kHandOverFields));
    GOTONG_ASSIGN_OR_RETURN(auto view, service.HandOver(call.context, path.programme_id, path.group_id, input));
    return CreatedResponse(ExitViewJson(view), ExitPathOf(path));
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/follow-ups", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    return JsonReply(200, service.FollowUps(call.context, id, page), BoardJson);
  }});
  routes.push_back({"POST", "/api/v1/programmes/{id}/follow-ups", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kFollowUpFields));
    GOTONG_ASSIGN_OR_RETURN(auto visit, service.RecordFollowUp(call.context, id, input));
    return CreatedResponse(FollowUpJson(visit), "/api/v1/programmes/" + std::to_string(id) + "/follow-ups/" +
                                                    std::to_string(visit.group_id));
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/follow-ups/{group_id}", Access::SignedIn(),
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto path, ReadExitPath(call));
    return JsonReply(200, service.GroupVisits(call.context, path.programme_id, path.group_id), GroupFollowUpsJson);
  }});
  routes.push_back({"GET", "/api/v1/programmes/{id}/dashboard", Access::SignedIn(), [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoProgramme));
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    return JsonReply(200, service.ProgrammeDashboard(call.context, id), DashboardJson);
  }});
}

}  // namespace gotong::api::handlers
