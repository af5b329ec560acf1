// Help requests (incidental learning, seed 000): a mentee reports a failure from her phone with a
// photo, the group's mentors advise, she logs her attempts and resolves it, and the answer is
// shared with the group as a knowledge post.

#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/mentoring/help_request_service.hpp"
#include "io/upload.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace mentoring = domain::mentoring;

constexpr const char* kCollection = "/api/v1/help-requests";
constexpr const char* kNoRequest = "no help request with that id";

std::string RequestPath(std::int64_t id) { return std::string(kCollection) + "/" + std::to_string(id); }

json::value NullableSeconds(const std::optional<std::chrono::seconds>& value) {
  if (!value) return nullptr;
  return static_cast<std::int64_t>(value->count());
}

json::value ActorJson(const mentoring::HelpActor& a) {
  json::value member = nullptr;
  if (a.member_id) member = json::object{{"id", *a.member_id}, {"name", a.member_name}};
  return json::object{{"user_id", NullableNumber(a.user_id)}, {"username", a.username}, {"member", member}};
}

json::object RequestObject(const mentoring::HelpRequest& r) {
  json::value competency = nullptr;
  if (r.competency_id) competency = json::object{{"id", *r.competency_id}, {"name", r.competency_name}};
  json::value photo = nullptr;
  if (r.has_photo) {
    photo = json::object{{"url", RequestPath(r.id) + "/photo"}, {"thumbnail_url", RequestPath(r.id) + "/thumbnail"}};
  }
  return json::object{{"id", r.id},
                      {"group_id", r.group_id},
                      {"member", json::object{{"id", r.member_id}, {"name", r.member_name}}},
                      {"competency", competency},
                      {"title", r.title},
                      {"description", Nullable(r.description)},
                      {"status", mentoring::ToString(r.status)},
                      {"reported_by", ActorJson(r.reported_by)},
                      {"closed_by", r.closed_by ? ActorJson(*r.closed_by) : json::value(nullptr)},
                      {"close_note", Nullable(r.close_note)},
                      {"knowledge_post_id", NullableNumber(r.knowledge_post_id)},
                      {"advice_count", r.advice_count},
                      {"attempt_count", r.attempt_count},
                      {"photo", photo},
                      {"created_at", core::FormatInstant(r.created_at)},
                      {"updated_at", core::FormatInstant(r.updated_at)},
                      {"first_advice_at", NullableInstant(r.first_advice_at)},
                      {"closed_at", NullableInstant(r.closed_at)},
                      {"seconds_to_first_advice", NullableSeconds(r.TimeToFirstAdvice())},
                      {"seconds_to_resolution", NullableSeconds(r.TimeToResolution())}};
}

json::value RequestJson(const mentoring::HelpRequest& r) { return RequestObject(r); }

json::value ViewJson(const mentoring::HelpRequestView& view) {
  json::object out = RequestObject(view.request);
  json::array advice;
  for (const auto& a : view.advice) {
    advice.push_back(json::object{{"id", a.id},
                                  {"author", ActorJson(a.author)},
                                  {"text", a.text},
                                  {"created_at", core::FormatInstant(a.created_at)}});
  }
  json::array attempts;
  for (const auto& t : view.attempts) {
    attempts.push_back(json::object{{"id", t.id},
                                    {"number", t.number},
                                    {"note", t.note},
                                    {"attempted_on", t.attempted_on.ToString()},
                                    {"recorded_by", ActorJson(t.recorded_by)},
                                    {"created_at", core::FormatInstant(t.created_at)}});
  }
  const auto& may = view.rights;
  out["advice"] = std::move(advice);
  out["attempts"] = std::move(attempts);
  out["can"] = json::object{{"advise", may.advise},   {"attempt", may.attempt}, {"resolve", may.resolve},
                            {"abandon", may.abandon}, {"share", may.share},     {"photo", may.photo}};
  return out;
}

using RequestIn = mentoring::HelpRequestInput;
constexpr auto kRequestFields = std::to_array<BodyField<RequestIn>>({
    {"group_id", &RequestIn::group_id}, {"member_id", &RequestIn::member_id},
    {"competency_id", &RequestIn::competency_id}, {"title", &RequestIn::title},
    {"description", &RequestIn::description, core::TextLines::kMulti}});

constexpr auto kAdviceFields = std::to_array<BodyField<mentoring::AdviceInput>>(
    {{"text", &mentoring::AdviceInput::text, core::TextLines::kMulti}});

constexpr auto kAttemptFields = std::to_array<BodyField<mentoring::AttemptInput>>(
    {{"note", &mentoring::AttemptInput::note, core::TextLines::kMulti},
     {"attempted_on", &mentoring::AttemptInput::attempted_on}});

constexpr auto kTransitionFields = std::to_array<BodyField<mentoring::TransitionInput>>(
    {{"to", &mentoring::TransitionInput::to},
     {"note", &mentoring::TransitionInput::note, core::TextLines::kMulti}});

using ShareIn = mentoring::ShareInput;
void ReadTags(BodyReader& body, ShareIn& input) { input.tags = body.Strings("tags", false, 10); }
constexpr auto kShareFields = std::to_array<BodyField<ShareIn>>({
    {"title", &ShareIn::title}, {"body", &ShareIn::body, core::TextLines::kMulti}, {"kind", &ShareIn::kind},
    {"tags", ReadTags}});

core::Result<mentoring::HelpRequestQuery> ReadQuery(const Call& call) {
  GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
  mentoring::HelpRequestQuery filter;
  filter.group_id = query.Int("group_id", 1, INT64_MAX);
  filter.member_id = query.Int("member_id", 1, INT64_MAX);
  filter.status = query.String("status");
  filter.mine = query.Bool("mine").value_or(false);
  filter.page = ReadPage(query);
  GOTONG_RETURN_IF_ERROR(query.Finish());
  return filter;
}

// A JPEG of the request: private to those who read it, never sniffed into something else.
Reply ImageReply(const core::Result<mentoring::EncodedImage>& image) {
  if (!image.ok()) return image.error();
  Response response;
  response.status = 200;
  response.body = image->bytes;
  response.SetHeader("Content-Type", "image/jpeg");
  response.SetHeader("Cache-Control", "private, max-age=3600");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace

void AddHelpRequestRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& service = services.help_requests;
  const auto signed_in = Access::SignedIn();

  routes.push_back({"GET", kCollection, signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, ReadQuery(call));
    return PageJsonReply(service.List(call.context, query), RequestJson);
  }});

  routes.push_back({"POST", kCollection, signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kRequestFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, service.Report(call.context, input));
    return CreatedResponse(ViewJson(created), RequestPath(created.request.id));
  }});

  routes.push_back({"GET", std::string(kCollection) + "/{id}", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    return JsonReply(200, service.Get(call.context, id), ViewJson);
  }});

  routes.push_back({"POST", std::string(kCollection) + "/{id}/advice", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kAdviceFields));
    return JsonReply(201, service.Advise(call.context, id, input), ViewJson);
  }});

  routes.push_back({"POST", std::string(kCollection) + "/{id}/attempts", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kAttemptFields));
    return JsonReply(201, service.LogAttempt(call.context, id, input), ViewJson);
  }});

  routes.push_back({"POST", std::string(kCollection) + "/{id}/transitions", signed_in,
                    [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kTransitionFields));
    return JsonReply(200, service.Transition(call.context, id, input), ViewJson);
  }});

  routes.push_back({"POST", std::string(kCollection) + "/{id}/share", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kShareFields));
    return JsonReply(201, service.Share(call.context, id, input), PostJson);
  }});

  // The photo's bytes are the body (any Content-Type: the bytes say what it is), streamed to a
  // file by the transport and refused from its Content-Length when over the limit.
  Route photo{"POST", std::string(kCollection) + "/{id}/photo", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    if (call.request.body_file.empty()) {
      return JsonReply(200, service.AttachPhoto(call.context, id, call.request.body), ViewJson);
    }
    GOTONG_ASSIGN_OR_RETURN(auto bytes, io::ReadSpooledBody(call.request.body_file, service.MaxPhotoBytes()));
    return JsonReply(200, service.AttachPhoto(call.context, id, bytes), ViewJson);
  }};
  photo.max_body = service.MaxPhotoBytes();
  photo.body_field = "photo";
  routes.push_back(std::move(photo));

  routes.push_back({"GET", std::string(kCollection) + "/{id}/photo", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    return ImageReply(service.Photo(call.context, id, mentoring::PhotoSize::kFull));
  }});

  routes.push_back({"GET", std::string(kCollection) + "/{id}/thumbnail", signed_in, [&service](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, kNoRequest));
    return ImageReply(service.Photo(call.context, id, mentoring::PhotoSize::kThumbnail));
  }});
}

}  // namespace gotong::api::handlers
