// Community mentoring (seed 000): the catalogue of competencies members learn, mentorships, and
// learning cycles with their sessions, evaluations and transitions.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/mentoring/competency_service.hpp"
#include "domain/mentoring/cycle_service.hpp"

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

json::value MentorshipJson(const mentoring::Mentorship& m) {
  return json::object{{"id", m.id},
                      {"group_id", m.group_id},
                      {"mentor_person_id", m.mentor_person_id},
                      {"mentor_member_id", NullableNumber(m.mentor_member_id)},
                      {"mentor_name", m.mentor_name},
                      {"mentor_origin", ToString(m.origin)},
                      {"mentee_member_id", m.mentee_member_id},
                      {"mentee_name", m.mentee_name},
                      {"started_on", m.started_on.ToString()},
                      {"ended_on", NullableDate(m.ended_on)},
                      {"note", Nullable(m.note)},
                      {"created_at", core::FormatInstant(m.created_at)},
                      {"updated_at", core::FormatInstant(m.updated_at)}};
}

// A cycle's own fields, its plan and its mentor, as the list and the record both give them.
json::object CycleJson(const mentoring::LearningCycle& c) {
  json::array targets = TargetsJson(c.targets), mentees;
  for (const auto& m : c.mentees) mentees.push_back(json::object{{"member_id", m.member_id}, {"name", m.person_name}});
  auto next = mentoring::NextStatus(c.status);
  return json::object{{"id", c.id},
                      {"group_id", c.group_id},
                      {"title", c.title},
                      {"theme", Nullable(c.theme)},
                      {"deliberation_id", NullableNumber(c.deliberation_id)},
                      {"schedule_deliberation_id", NullableNumber(c.schedule_deliberation_id)},
                      {"venue_deliberation_id", NullableNumber(c.venue_deliberation_id)},
                      {"status", ToString(c.status)},
                      {"status_since", c.status_since.ToString()},
                      {"next_status", next ? json::value(ToString(*next)) : json::value(nullptr)},
                      {"mentor_person_id", c.mentor_person_id},
                      {"mentor_member_id", NullableNumber(c.mentor_member_id)},
                      {"mentor_name", c.mentor_name},
                      {"mentor_origin", ToString(c.mentor_origin)},
                      {"venue", Nullable(c.venue)},
                      {"host_member_id", NullableNumber(c.host_member_id)},
                      {"time_allocation", Nullable(c.time_allocation)},
                      {"facilities", Nullable(c.facilities)},
                      {"planned_from", NullableDate(c.planned_from)},
                      {"planned_to", NullableDate(c.planned_to)},
                      {"targets", std::move(targets)},
                      {"mentees", std::move(mentees)},
                      {"created_at", core::FormatInstant(c.created_at)},
                      {"updated_at", core::FormatInstant(c.updated_at)}};
}

json::value CycleSummaryJson(const mentoring::CycleSummary& summary) {
  auto value = CycleJson(summary.cycle);
  value["completion"] = json::object{
      {"achieved", summary.achieved}, {"targets", summary.targets}, {"evaluated", summary.evaluated}};
  value["session_count"] = summary.sessions;
  return value;
}

// Where a proposal choosing part of a cycle's plan stands, or null when none is linked.
json::value PlanDecisionJson(const std::optional<mentoring::PlanDecision>& decision) {
  if (!decision) return nullptr;
  const auto& d = *decision;
  return json::object{{"deliberation_id", d.deliberation_id}, {"title", d.title}, {"decided", d.decided},
                      {"outcome", d.outcome ? json::value(domain::groups::ToString(*d.outcome)) : json::value(nullptr)},
                      {"agreed_option", Nullable(d.agreed_option)}, {"agreed_targets", TargetsJson(d.agreed_targets)}};
}

json::value CycleViewJson(const mentoring::CycleView& view) {
  auto value = CycleJson(view.cycle);
  json::array missing, sessions, evaluations;
  for (const auto& m : view.completion.missing) {
    missing.push_back(json::object{{"member_id", m.member_id}, {"member", m.person_name},
                                   {"competency_id", m.competency_id}, {"competency", m.competency_name}});
  }
  auto evaluated = view.completion.targets - static_cast<std::int64_t>(view.completion.missing.size());
  value["completion"] = json::object{{"achieved", view.completion.achieved},
                                     {"targets", view.completion.targets},
                                     {"evaluated", evaluated},
                                     {"missing", std::move(missing)}};
  value["decision"] = PlanDecisionJson(view.decision);
  value["schedule_decision"] = PlanDecisionJson(view.schedule_decision);
  value["venue_decision"] = PlanDecisionJson(view.venue_decision);
  for (const auto& s : view.sessions) {
    sessions.push_back(json::object{{"id", s.id}, {"meeting_id", s.meeting_id}, {"held_on", s.held_on.ToString()},
                                    {"venue", Nullable(s.venue)}, {"host_member_id", NullableNumber(s.host_member_id)},
                                    {"practice", s.practice}, {"present", s.present}, {"excused", s.excused},
                                    {"absent", s.absent}});
  }
  for (const auto& e : view.evaluations) {
    evaluations.push_back(json::object{{"id", e.id}, {"member_id", e.member_id}, {"member", e.person_name},
                                       {"competency_id", e.competency_id}, {"achieved", e.achieved},
                                       {"level", NullableNumber(e.level)}, {"notes", Nullable(e.notes)},
                                       {"evaluated_on", e.evaluated_on.ToString()}, {"on_request", e.on_request},
                                       {"created_at", core::FormatInstant(e.created_at)}});
  }
  value["sessions"] = std::move(sessions);
  value["evaluations"] = std::move(evaluations);
  value["can_guide"] = view.can_guide;
  return value;
}

json::value PercentOf(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return nullptr;
  return static_cast<std::int64_t>((part * 100 + whole / 2) / whole);
}

json::value HoursJson(const std::optional<double>& hours) {
  if (!hours) return nullptr;
  return *hours;
}

json::value DurationJson(const mentoring::DurationSummary& summary) {
  return json::object{{"count", summary.count},
                      {"median_hours", HoursJson(summary.median_hours)},
                      {"p90_hours", HoursJson(summary.p90_hours)}};
}

json::value HelpOutcomeJson(const mentoring::HelpOutcome& help) {
  return json::object{{"total", help.Total()},
                      {"open", help.open},
                      {"advised", help.advised},
                      {"resolved", help.resolved},
                      {"abandoned", help.abandoned},
                      {"first_advice", DurationJson(help.first_advice)},
                      {"resolution", DurationJson(help.resolution)}};
}

// What cycles and help requests achieved, after `head` (an origin, a group): completion over the
// closed cycles, attendance over all, the requests by status with their times.
json::object FiguresJson(json::object head, const mentoring::OutcomeFigures& figures) {
  head.emplace("cycles", figures.cycles);
  head.emplace("closed", figures.closed);
  head.emplace("achieved", figures.achieved);
  head.emplace("targets", figures.targets);
  head.emplace("completion_percent", PercentOf(figures.achieved, figures.targets));
  head.emplace("attendance_percent", PercentOf(figures.present, figures.recorded));
  head.emplace("help_requests", HelpOutcomeJson(figures.help));
  return head;
}

json::array ByOriginJson(const std::vector<mentoring::OriginOutcome>& sides) {
  json::array origins;
  for (const auto& side : sides) origins.push_back(FiguresJson({{"origin", ToString(side.origin)}}, side));
  return origins;
}

json::value OutcomesJson(const mentoring::LearningOutcomes& outcomes) {
  json::array cycles;
  for (const auto& tally : outcomes.cycles) {
    const auto& cycle = tally.cycle;
    cycles.push_back(json::object{{"id", cycle.id},
                                  {"title", cycle.title},
                                  {"theme", Nullable(cycle.theme)},
                                  {"status", ToString(cycle.status)},
                                  {"mentor_name", cycle.mentor_name},
                                  {"mentor_origin", ToString(cycle.mentor_origin)},
                                  {"planned_from", cycle.planned_from ? json::value(cycle.planned_from->ToString())
                                                                      : json::value(nullptr)},
                                  {"mentees", tally.mentees},
                                  {"sessions", tally.sessions},
                                  {"achieved", tally.achieved},
                                  {"targets", tally.targets},
                                  {"completion_percent", PercentOf(tally.achieved, tally.targets)},
                                  {"attendance_percent", PercentOf(tally.present, tally.recorded)}});
  }
  return json::object{{"cycles", std::move(cycles)},
                      {"by_origin", ByOriginJson(outcomes.by_origin)},
                      {"help_requests", HelpOutcomeJson(outcomes.help)}};
}

json::value ProgrammeOutcomesJson(const mentoring::ProgrammeOutcomes& outcomes) {
  json::array groups;
  for (const auto& row : outcomes.groups) {
    groups.push_back(FiguresJson({{"group_id", row.group_id}, {"name", row.name}}, row));
  }
  return json::object{{"programme_id", outcomes.programme_id},
                      {"groups_total", outcomes.groups_total},
                      {"groups", std::move(groups)},
                      {"totals", FiguresJson({}, outcomes.totals)},
                      {"by_origin", ByOriginJson(outcomes.by_origin)}};
}

using MentorshipIn = mentoring::MentorshipInput;
void ReadMentorshipMentor(BodyReader& body, MentorshipIn& input) {
  input.mentor.mentor_member_id = NumberField(body, "mentor_member_id");
  input.mentor.mentor_person_id = NumberField(body, "mentor_person_id");
  input.mentor.origin = TextField(body, "mentor_origin");
}
constexpr auto kMentorshipFields = std::to_array<BodyField<MentorshipIn>>({
    {"group_id", &MentorshipIn::group_id}, {"mentor_member_id", &ReadMentorshipMentor},
    {"mentor_person_id", [](BodyReader&, MentorshipIn&) {}}, {"mentor_origin", [](BodyReader&, MentorshipIn&) {}},
    {"mentee_member_id", &MentorshipIn::mentee_member_id}, {"started_on", &MentorshipIn::started_on},
    {"ended_on", &MentorshipIn::ended_on}, {"note", &MentorshipIn::note, core::TextLines::kMulti}});

using CycleIn = mentoring::CycleInput;
void ReadCycleMentor(BodyReader& body, CycleIn& input) {
  input.mentor.mentor_member_id = NumberField(body, "mentor_member_id");
  input.mentor.mentor_person_id = NumberField(body, "mentor_person_id");
  input.mentor.origin = TextField(body, "mentor_origin");
}
void ReadTargets(BodyReader& body, CycleIn& input) {
  if (auto items = body.Objects("targets", false, 100, {"competency_id", "level"})) {
    input.targets.emplace();
    for (auto& item : *items) input.targets->push_back({item.Int("competency_id", false), item.Int("level", false)});
  }
}
void ReadMentees(BodyReader& body, CycleIn& input) {
  if (auto items = body.Objects("mentees", false, 1000, {"member_id"})) {
    input.mentees.emplace();
    for (auto& item : *items) input.mentees->push_back({item.Int("member_id", false)});
  }
}
constexpr auto kCycleFields = std::to_array<BodyField<CycleIn>>({
    {"group_id", &CycleIn::group_id}, {"title", &CycleIn::title}, {"theme", &CycleIn::theme},
    {"deliberation_id", &CycleIn::deliberation_id}, {"schedule_deliberation_id", &CycleIn::schedule_deliberation_id},
    {"venue_deliberation_id", &CycleIn::venue_deliberation_id}, {"mentor_member_id", &ReadCycleMentor},
    {"mentor_person_id", [](BodyReader&, CycleIn&) {}}, {"mentor_origin", [](BodyReader&, CycleIn&) {}},
    {"venue", &CycleIn::venue}, {"host_member_id", &CycleIn::host_member_id},
    {"time_allocation", &CycleIn::time_allocation}, {"facilities", &CycleIn::facilities, core::TextLines::kMulti},
    {"planned_from", &CycleIn::planned_from}, {"planned_to", &CycleIn::planned_to}, {"targets", &ReadTargets},
    {"mentees", &ReadMentees}});

using SessionIn = mentoring::SessionInput;
void ReadSessionAttendance(BodyReader& body, SessionIn& input) {
  if (auto items = body.Objects("attendance", false, 1000, {"member_id", "presence"})) {
    input.attendance.emplace();
    for (auto& item : *items) input.attendance->push_back({item.Int("member_id", false), item.String("presence", false)});
  }
}
constexpr auto kSessionFields = std::to_array<BodyField<SessionIn>>({
    {"held_on", [](BodyReader& body, SessionIn& in) { in.meeting.held_on = TextField(body, "held_on"); }},
    {"kind", [](BodyReader& body, SessionIn& in) { in.meeting.kind = TextField(body, "kind"); }},
    {"venue", [](BodyReader& body, SessionIn& in) { in.meeting.venue = TextField(body, "venue"); }},
    {"host_member_id", [](BodyReader& body, SessionIn& in) { in.meeting.host_member_id = NumberField(body, "host_member_id"); }},
    {"minutes", [](BodyReader& body, SessionIn& in) { in.meeting.minutes = MultiLineTextField(body, "minutes"); }},
    {"practice", &SessionIn::practice, core::TextLines::kMulti}, {"attendance", &ReadSessionAttendance}});

using EvaluationIn = mentoring::EvaluationInput;
constexpr auto kEvaluationFields = std::to_array<BodyField<EvaluationIn>>({
    {"member_id", &EvaluationIn::member_id}, {"competency_id", &EvaluationIn::competency_id},
    {"achieved", &EvaluationIn::achieved}, {"level", &EvaluationIn::level},
    {"notes", &EvaluationIn::notes, core::TextLines::kMulti}, {"evaluated_on", &EvaluationIn::evaluated_on},
    {"on_request", &EvaluationIn::on_request}});

struct TransitionIn {
  domain::form::Field<std::string> to;
};
constexpr auto kTransitionFields = std::to_array<BodyField<TransitionIn>>({{"to", &TransitionIn::to}});

}  // namespace

json::array TargetsJson(const std::vector<mentoring::CompetencyTarget>& targets) {
  json::array items;
  for (const auto& t : targets) {
    items.push_back(json::object{{"competency_id", t.competency_id},
                                 {"code", t.code},
                                 {"name", t.name},
                                 {"name_en", Nullable(t.name_en)},
                                 {"level", t.level}});
  }
  return items;
}

void AddMentoringRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& competencies = services.competencies;
  const auto admin = Access::Roles({domain::accounts::Role::kAdmin});

  routes.push_back({"GET", "/api/v1/competencies", Access::SignedIn(), [&competencies](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
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

  routes.push_back({"GET", "/api/v1/competencies/{id}", Access::SignedIn(),
                    OnId("no competency with that id", competencies,
                         &mentoring::CompetencyService::Get, CompetencyJson)});

  routes.push_back(
      {"PATCH", "/api/v1/competencies/{id}", admin,
       OnId("no competency with that id", competencies, &mentoring::CompetencyService::Update,
            kCompetencyFields, CompetencyJson, 200)});
  auto& mentorships = services.mentorships;
  routes.push_back({"GET", "/api/v1/mentorships", Access::SignedIn(), [&mentorships](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    mentoring::MentorshipQuery filter;
    filter.group_id = query.Int("group_id", 1, INT64_MAX);
    filter.mentor_person_id = query.Int("mentor_person_id", 1, INT64_MAX);
    filter.mentee_member_id = query.Int("mentee_member_id", 1, INT64_MAX);
    filter.active_only = query.Bool("active").value_or(false);
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(mentorships.List(call.context, filter), MentorshipJson);
  }});

  routes.push_back({"POST", "/api/v1/mentorships", Access::SignedIn(), [&mentorships](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kMentorshipFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, mentorships.Create(call.context, input));
    return CreatedResponse(MentorshipJson(created), "/api/v1/mentorships/" + std::to_string(created.id));
  }});

  routes.push_back({"GET", "/api/v1/mentorships/{id}", Access::SignedIn(),
                    OnId("no mentorship with that id", mentorships,
                         &mentoring::MentorshipService::Get, MentorshipJson)});

  routes.push_back(
      {"PATCH", "/api/v1/mentorships/{id}", Access::SignedIn(),
       OnId("no mentorship with that id", mentorships, &mentoring::MentorshipService::Update,
            kMentorshipFields, MentorshipJson, 200)});

  auto& cycles = services.cycles;
  routes.push_back({"GET", "/api/v1/cycles", Access::SignedIn(), [&cycles](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    mentoring::CycleQuery filter;
    filter.group_id = query.Int("group_id", 1, INT64_MAX);
    filter.status = query.String("status");
    filter.page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(cycles.List(call.context, filter), CycleSummaryJson);
  }});

  routes.push_back(GroupRoute("GET", "/learning-outcomes", [&cycles](Call& call, std::int64_t id) -> Reply {
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    return JsonReply(200, cycles.Outcomes(call.context, id), OutcomesJson);
  }));

  routes.push_back({"GET", "/api/v1/programmes/{id}/learning-outcomes", Access::SignedIn(),
                    [&cycles](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no programme with that id"));
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    return JsonReply(200, cycles.OutcomesOfProgramme(call.context, id), ProgrammeOutcomesJson);
  }});

  routes.push_back({"POST", "/api/v1/cycles", Access::SignedIn(), [&cycles](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kCycleFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, cycles.Create(call.context, input));
    return CreatedResponse(CycleViewJson(created), "/api/v1/cycles/" + std::to_string(created.cycle.id));
  }});

  routes.push_back({"GET", "/api/v1/cycles/{id}", Access::SignedIn(),
                    OnId("no learning cycle with that id", cycles, &mentoring::CycleService::Get,
                         CycleViewJson)});

  routes.push_back({"PATCH", "/api/v1/cycles/{id}", Access::SignedIn(),
                    OnId("no learning cycle with that id", cycles, &mentoring::CycleService::Update,
                         kCycleFields, CycleViewJson, 200)});

  routes.push_back({"POST", "/api/v1/cycles/{id}/transitions", Access::SignedIn(), [&cycles](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no learning cycle with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kTransitionFields));
    return JsonReply(200, cycles.Transition(call.context, id, input.to), CycleViewJson);
  }});

  routes.push_back(
      {"POST", "/api/v1/cycles/{id}/sessions", Access::SignedIn(),
       OnId("no learning cycle with that id", cycles, &mentoring::CycleService::AddSession,
            kSessionFields, CycleViewJson, 201)});

  routes.push_back(
      {"POST", "/api/v1/cycles/{id}/evaluations", Access::SignedIn(),
       OnId("no learning cycle with that id", cycles, &mentoring::CycleService::AddEvaluation,
            kEvaluationFields, CycleViewJson, 201)});

  routes.push_back({"PATCH", "/api/v1/cycles/{id}/evaluations/{evaluation_id}", Access::SignedIn(),
                    [&cycles](Call& call) -> Reply {
    auto id = PathId(call, "id");
    auto evaluation_id = PathId(call, "evaluation_id");
    if (!id || !evaluation_id) return core::Error::NotFound("no such evaluation");
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kEvaluationFields));
    return JsonReply(200, cycles.CorrectEvaluation(call.context, *id, *evaluation_id, input), CycleViewJson);
  }});
}

}  // namespace gotong::api::handlers
