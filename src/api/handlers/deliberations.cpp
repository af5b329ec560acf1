// A group deciding by deliberation (seeds 000 and 001): proposals, votes, decisions and the
// norms agreed outcomes become.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace groups = domain::groups;

json::value ChangeJson(const std::optional<groups::SettingChange>& change) {
  if (!change) return nullptr;
  return json::object{{"setting", groups::ToString(change->setting)},
                      {"amount", NullableNumber(change->amount)},
                      {"meetings", NullableNumber(change->meetings)},
                      {"member_id", NullableNumber(change->member_id)},
                      {"area", Nullable(change->area)},
                      {"effective_on", change->effective_on.ToString()}};
}

json::value DeliberationJson(const groups::Deliberation& d) {
  json::array options;
  std::int64_t cast = d.votes_against;
  for (const auto& option : d.options) {
    options.push_back(json::object{{"id", option.id},
                                   {"label", option.label},
                                   {"votes", option.votes},
                                   {"targets", TargetsJson(option.targets)}});
    cast += option.votes;
  }
  return json::object{
      {"id", d.id},
      {"group_id", d.group_id},
      {"meeting_id", NullableNumber(d.meeting_id)},
      {"title", d.title},
      {"description", Nullable(d.description)},
      {"topic", groups::ToString(d.topic)},
      {"method", groups::ToString(d.method)},
      {"rule", groups::ToString(d.rule)},
      {"quorum", NullableNumber(d.quorum)},
      {"change", ChangeJson(d.change)},
      {"options", std::move(options)},
      {"votes_against", d.votes_against},
      {"votes_cast", cast},
      {"decided", d.decided},
      {"outcome", d.outcome ? json::value(json::string(groups::ToString(*d.outcome))) : json::value(nullptr)},
      {"option_id", NullableNumber(d.option_id)},
      {"decided_on", NullableDate(d.decided_on)},
      {"note", Nullable(d.note)},
      {"proposed_by", d.proposed_by_member_id ? json::value(json::object{{"member_id", *d.proposed_by_member_id},
                                                                         {"name", d.proposed_by_name}})
                                              : json::value(nullptr)},
      {"created_at", core::FormatInstant(d.created_at)},
      {"updated_at", core::FormatInstant(d.updated_at)}};
}

json::value NormJson(const groups::Norm& n) {
  return json::object{{"id", n.id},
                      {"deliberation_id", n.deliberation_id},
                      {"topic", groups::ToString(n.topic)},
                      {"text", n.text},
                      {"adopted_on", n.adopted_on.ToString()},
                      {"change", ChangeJson(n.change)}};
}

json::value DeliberationViewJson(const groups::DeliberationView& view) {
  json::value value = DeliberationJson(view.deliberation);
  json::array votes;
  for (const auto& vote : view.votes) {
    votes.push_back(json::object{{"member_id", vote.member_id},
                                 {"name", vote.person_name},
                                 {"option_id", NullableNumber(vote.option_id)},
                                 {"recorded_by", Nullable(vote.recorded_by)},
                                 {"own", vote.own}});
  }
  value.as_object()["voters"] = view.voters;
  value.as_object()["votes"] = std::move(votes);
  value.as_object()["norm"] = view.norm ? NormJson(*view.norm) : json::value(nullptr);
  return value;
}

// The options: labels, or objects {label, targets} when a learning theme's options each name the
// competencies the group would learn ("options[1].targets[0].level").
void ReadOptions(BodyReader& body, groups::DeliberationInput& input) {
  if (!body.HoldsObjects("options")) {
    input.options = body.Strings("options", false, 12);
    return;
  }
  auto options = body.Objects("options", false, 12, {"label", "targets"});
  if (!options) return;
  std::vector<std::string> labels;
  std::vector<std::vector<domain::mentoring::TargetInput>> targets;
  for (auto& option : *options) {
    labels.push_back(option.String("label", false).value_or(""));
    auto& named = targets.emplace_back();
    if (auto lines = option.Objects("targets", false, domain::mentoring::kMaxTargets, {"competency_id", "level"})) {
      for (auto& line : *lines) named.push_back({line.Int("competency_id", false), line.Int("level", false)});
    }
  }
  input.options = std::move(labels);
  input.option_targets = std::move(targets);
}

using ChangeIn = groups::ChangeInput;
constexpr auto kChangeFields = std::to_array<BodyField<ChangeIn>>({
    {"setting", &ChangeIn::setting}, {"amount", &ChangeIn::amount},
    {"meetings", &ChangeIn::meetings}, {"member_id", &ChangeIn::member_id},
    {"area", &ChangeIn::area}, {"effective_on", &ChangeIn::effective_on}});

// The change an agreed proposal makes: an object, or null or left out for none.
void ReadChange(BodyReader& body, groups::DeliberationInput& input) {
  if (!body.Has("change") || body.IsNull("change")) return;
  static const auto kNames = FieldNames(kChangeFields);
  if (auto change = body.Object("change", false, kNames)) {
    input.change.emplace();
    ReadFields(*change, kChangeFields, *input.change);
  }
}

using DeliberationIn = groups::DeliberationInput;
constexpr auto kDeliberationFields = std::to_array<BodyField<DeliberationIn>>({
    {"title", &DeliberationIn::title},
    {"description", &DeliberationIn::description, core::TextLines::kMulti},
    {"topic", &DeliberationIn::topic}, {"method", &DeliberationIn::method},
    {"rule", &DeliberationIn::rule}, {"quorum", &DeliberationIn::quorum},
    {"change", ReadChange},
    {"options", ReadOptions}, {"meeting_id", &DeliberationIn::meeting_id}});

// The member a leader records the vote for; a member voting for herself leaves it out.
void ReadVoter(BodyReader& body, groups::VoteInput& input) {
  input.member_id = body.Int("member_id", false);
}

using VoteIn = groups::VoteInput;
constexpr auto kVoteFields = std::to_array<BodyField<VoteIn>>({
    {"member_id", ReadVoter}, {"option_id", &VoteIn::option_id}});

// A meeting's sheet: "votes", each line a member and her choice ("votes[3].member_id").
struct VoteSheetIn {
  groups::VoteSheet votes;
};
void ReadSheet(BodyReader& body, VoteSheetIn& input) {
  if (auto lines = body.Objects("votes", true, 500, {"member_id", "option_id"})) {
    input.votes.emplace();
    for (auto& line : *lines) {
      VoteIn vote;
      vote.member_id = line.Int("member_id", true);
      vote.option_id = NumberField(line, "option_id");
      input.votes->push_back(vote);
    }
  }
}
constexpr auto kSheetFields = std::to_array<BodyField<VoteSheetIn>>({{"votes", ReadSheet}});

using DecisionIn = groups::DecisionInput;
constexpr auto kDecisionFields = std::to_array<BodyField<DecisionIn>>({
    {"outcome", &DecisionIn::outcome}, {"option_id", &DecisionIn::option_id},
    {"note", &DecisionIn::note, core::TextLines::kMulti}});

}  // namespace

void AddDeliberationRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.deliberations;
  const Access signed_in = Access::SignedIn();

  routes.push_back(GroupRoute(
      "GET", "/deliberations",
      PageOfGroup(service, &groups::DeliberationService::ListDeliberations, DeliberationJson)));

  routes.push_back(GroupRoute("POST", "/deliberations", [&service](Call& call, std::int64_t id) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(
        auto input, ReadBody(call, kDeliberationFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, service.CreateDeliberation(call.context, id, input));
    return CreatedResponse(DeliberationViewJson(created),
                           GroupRecordPath(id, "deliberations", created.deliberation.id));
  }));

  routes.push_back(GroupRecordRoute(
      "GET", "/deliberations/{deliberation_id}", "deliberation_id", "no such deliberation",
      OnGroupRecord(service, &groups::DeliberationService::GetDeliberation, DeliberationViewJson)));

  routes.push_back(GroupRecordRoute("POST", "/deliberations/{deliberation_id}/votes",
                                    "deliberation_id", "no such deliberation",
                                    OnGroupRecord(service, &groups::DeliberationService::CastVote,
                                                  kVoteFields, DeliberationViewJson, 201)));

  routes.push_back(GroupRecordRoute("PUT", "/deliberations/{deliberation_id}/votes", "deliberation_id", "no such deliberation",
                                    [&service](Call& call, GroupRecordIds ids) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kSheetFields));
    return JsonReply(200, service.RecordVotes(call.context, ids.group_id, ids.id, input.votes),
                     DeliberationViewJson);
  }));

  routes.push_back({"DELETE", "/api/v1/groups/{id}/deliberations/{deliberation_id}/votes/{member_id}",
                    signed_in, [&service](Call& call) -> Reply {
    auto id = PathId(call, "id");
    auto deliberation_id = PathId(call, "deliberation_id");
    auto member_id = PathId(call, "member_id");
    if (!id || !deliberation_id || !member_id) return core::Error::NotFound("no such vote");
    return JsonReply(200, service.WithdrawVote(call.context, *id, *deliberation_id, *member_id),
                     DeliberationViewJson);
  }});

  routes.push_back(GroupRecordRoute("POST", "/deliberations/{deliberation_id}/decide", "deliberation_id", "no such deliberation",
                                    [&service](Call& call, GroupRecordIds ids) -> Reply {
    groups::DecisionInput input;
    if (!call.request.body.empty()) {
      GOTONG_ASSIGN_OR_RETURN(input, ReadBody(call, kDecisionFields));
    }
    return JsonReply(200, service.Decide(call.context, ids.group_id, ids.id, input), DeliberationViewJson);
  }));

  routes.push_back(GroupRoute("GET", "/norms", [&service](Call& call, std::int64_t id) -> Reply {
    return ItemsJsonReply(service.Norms(call.context, id), NormJson);
  }));
}

}  // namespace gotong::api::handlers
