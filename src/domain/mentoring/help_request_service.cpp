#include "domain/mentoring/help_request_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/text.hpp"
#include "domain/accounts/role.hpp"
#include "domain/mentoring/mentoring.hpp"
#include "domain/service.hpp"

namespace gotong::domain::mentoring {
namespace {

using groups::Caller;
using groups::Group;
using groups::GroupStatus;
using groups::MemberRole;
using groups::Precondition;

constexpr std::size_t kMaxPostTitle = 120;  // as a knowledge post takes them
constexpr std::size_t kMaxPostBody = 4000;
constexpr std::size_t kMaxTags = 10;
constexpr std::size_t kMaxTag = 30;

// What the caller is to one request.
struct Standing {
  bool mentee = false;      // the member who asked
  bool acts_for = false;    // an overseer or the group's leader, who act for a member
  bool adviser = false;     // the group's mentor (not on her own request) or an overseer
  bool reporter = false;    // the account that reported it
};

bool IsMentor(const Context& context, const Caller& caller) {
  if (!caller.member) return false;
  if (caller.member->mentor) return true;
  return context.principal && context.principal->role == Role::kMentor;
}

Standing StandingOf(const Context& context, const Caller& caller, const HelpRequest& request) {
  Standing standing;
  standing.mentee = caller.member && caller.member->id == request.member_id;
  standing.acts_for =
      caller.Overseer() || (caller.member && caller.member->role == MemberRole::kLeader);
  standing.adviser = caller.Overseer() || (IsMentor(context, caller) && !standing.mentee);
  standing.reporter = context.principal && request.reported_by.user_id &&
                      *request.reported_by.user_id == context.principal->user_id;
  return standing;
}

HelpRights RightsOf(const Context& context, const Caller& caller, const Group& group,
                    const HelpRequest& request) {
  HelpRights rights;
  if (group.status == GroupStatus::kDissolved) return rights;
  const Standing s = StandingOf(context, caller, request);
  const bool own = s.mentee || s.acts_for;
  switch (request.status) {
    case HelpStatus::kOpen:
      rights.advise = s.adviser;
      rights.abandon = own || s.adviser;
      rights.photo = own || s.reporter;
      break;
    case HelpStatus::kAdvised:
      rights.advise = s.adviser;
      rights.attempt = own;
      rights.resolve = own || s.adviser;
      rights.abandon = own || s.adviser;
      rights.photo = own || s.reporter;
      break;
    case HelpStatus::kResolved:
      rights.share = !request.knowledge_post_id && (own || s.adviser);
      break;
    case HelpStatus::kAbandoned:
      break;
  }
  return rights;
}

HelpActor ActorOf(const Context& context, const Caller& caller) {
  HelpActor actor;
  if (context.principal) {
    actor.user_id = context.principal->user_id;
    actor.username = context.principal->username;
  } else {
    actor.username = "system";
  }
  if (caller.member) {
    actor.member_id = caller.member->id;
    actor.member_name = caller.member->person_name;
  }
  return actor;
}

audit::Snapshot SnapshotOf(const HelpRequest& request) {
  return {{"group_id", request.group_id},
          {"member_id", request.member_id},
          {"competency_id", audit::Nullable(request.competency_id)},
          {"title", request.title},
          {"description", audit::Nullable(request.description)},
          {"status", std::string(ToString(request.status))}};
}

// The refusal of something the request's status does not allow: 409 naming "status".
Error NotNow(const HelpRequest& request, const std::string& what) {
  return Precondition("status", std::string(ToString(request.status)),
                      what + "; this request is " + std::string(ToString(request.status)));
}

// A competency a request may name: in the catalogue, not retired, of the group's sector or one
// every sector shares.
void CheckCompetency(UnitOfWork& unit, Problems& problems, const Group& group, std::int64_t id,
                     HelpRequest& request, core::Status& status) {
  auto competency = unit.Competencies().Find(id);
  if (!competency.ok()) {
    if (competency.error().code != core::ErrorCode::kNotFound) {
      status = std::move(competency).error();
      return;
    }
    problems.Add("competency_id", "not_found", "no competency " + std::to_string(id) + " in the catalogue");
    return;
  }
  if (competency->retired) {
    problems.Add("competency_id", "retired", competency->name + " is no longer taught");
    return;
  }
  if (competency->sector && *competency->sector != registry::ToString(group.sector)) {
    problems.Add("competency_id", "other_sector",
                 competency->name + " is a skill of another sector than this group's");
    return;
  }
  request.competency_id = id;
  request.competency_name = competency->name;
}

// The member a report is for: the caller's own membership, or (for the leader and overseers) the
// one named. She must be a current member of the group.
core::Result<groups::Membership> Mentee(UnitOfWork& unit, const Caller& caller, const Group& group,
                                        const form::Field<std::int64_t>& member_id) {
  std::int64_t id = 0;
  const bool acts_for =
      caller.Overseer() || (caller.member && caller.member->role == MemberRole::kLeader);
  if (IsSet(member_id)) {
    id = **member_id;
    if (!(caller.member && caller.member->id == id) && !acts_for) {
      return Error::Denied("a member asks for help for herself; the group's leader asks for another");
    }
  } else if (caller.member) {
    id = caller.member->id;
  } else {
    return Error::Invalid("member_id", "required", "say which member asks for help");
  }
  return groups::CurrentMember(unit, group.id, id);
}

// The group a report goes to: the one given, or the group of the caller's account.
core::Result<std::int64_t> ReportGroup(const Context& context, const form::Field<std::int64_t>& group_id) {
  if (IsSet(group_id)) return **group_id;
  if (context.principal && context.principal->scope &&
      context.principal->scope->kind == ScopeKind::kGroup) {
    return context.principal->scope->id;
  }
  return Error::Invalid("group_id", "required", "say which group the request is for");
}

std::vector<HelpStatus> ParseStatuses(Problems& problems, const std::optional<std::string>& text) {
  std::vector<HelpStatus> statuses;
  if (!text) return statuses;
  std::string_view rest = *text;
  while (true) {
    auto comma = rest.find(',');
    auto word = core::Trim(rest.substr(0, comma));
    auto status = ParseHelpStatus(word);
    if (!status) {
      problems.Add("status", "invalid_value",
                   "status must be open, advised, resolved or abandoned, or several joined by commas");
      return {};
    }
    if (std::find(statuses.begin(), statuses.end(), *status) == statuses.end()) statuses.push_back(*status);
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return statuses;
}

}  // namespace

// ---- reading ------------------------------------------------------------------------------

namespace {

// A request read with its advice and attempts, and what the caller may do to it.
core::Result<HelpRequestView> ViewOf(UnitOfWork& unit, const Context& context, const Caller& caller,
                                     const Group& group, HelpRequest request) {
  HelpRequestView view;
  GOTONG_ASSIGN_OR_RETURN(view.advice, unit.HelpRequests().AdviceOf(request.id));
  GOTONG_ASSIGN_OR_RETURN(view.attempts, unit.HelpRequests().AttemptsOf(request.id));
  view.rights = RightsOf(context, caller, group, request);
  view.request = std::move(request);
  return view;
}

// A request and its group as the caller reaches them (kPermissionDenied when out of reach).
struct Opened {
  HelpRequest request;
  Group group;
  Caller caller;
};

core::Result<Opened> Open(UnitOfWork& unit, const Context& context, std::int64_t id, const core::Date& today) {
  GOTONG_ASSIGN_OR_RETURN(auto request, unit.HelpRequests().Find(id));
  GOTONG_ASSIGN_OR_RETURN(auto opened, groups::OpenGroup(context, unit, request.group_id, today));
  return Opened{std::move(request), std::move(opened.first), std::move(opened.second)};
}

}  // namespace

core::Result<core::Page<HelpRequest>> HelpRequestService::List(const Context& context,
                                                               const HelpRequestQuery& query) {
  Problems problems;
  HelpRequestFilter filter;
  filter.statuses = ParseStatuses(problems, query.status);
  filter.member_id = query.member_id;
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  std::optional<Caller> caller;
  if (query.group_id) {
    GOTONG_ASSIGN_OR_RETURN(auto opened, groups::OpenGroup(context, *unit, *query.group_id, Today()));
    filter.group_id = *query.group_id;
    caller = std::move(opened.second);
  } else {
    // Every group the caller reaches.
    GOTONG_ASSIGN_OR_RETURN(auto reach, groups::ReachFilter(context));
    filter.steward_id = reach.steward_id;
    filter.programme_id = reach.programme_id;
    if (reach.group_id) {
      GOTONG_ASSIGN_OR_RETURN(auto opened, groups::OpenGroup(context, *unit, *reach.group_id, Today()));
      filter.group_id = reach.group_id;
      caller = std::move(opened.second);
    }
  }
  if (query.mine) {
    if (!caller || !caller->member) {
      return Error::Invalid("mine", "not_member", "only a member of the group has requests of her own");
    }
    if (query.member_id && *query.member_id != caller->member->id) {
      return Error::Invalid("member_id", "invalid_value", "mine and another member's id ask for two things");
    }
    filter.member_id = caller->member->id;
  }
  return unit->HelpRequests().List(filter, query.page);
}

core::Result<HelpRequestView> HelpRequestService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(*unit, context, id, Today()));
  return ViewOf(*unit, context, opened.caller, opened.group, std::move(opened.request));
}

core::Result<EncodedImage> HelpRequestService::Photo(const Context& context, std::int64_t id, PhotoSize size) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(*unit, context, id, Today()));
  return unit->HelpRequests().Photo(id, size);
}

// ---- writing ------------------------------------------------------------------------------

namespace {

// A write to one request: the group's write, and the request as it stands.
struct RequestWrite {
  groups::GroupWrite write;
  HelpRequest request;
};

core::Result<RequestWrite> BeginRequestWrite(Database& database, const core::Clock& clock,
                                             const Context& context, std::int64_t id) {
  RequestWrite out;
  auto& write = out.write;
  GOTONG_ASSIGN_OR_RETURN(write.unit, database.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto opened,
                          Open(*write.unit, context, id, core::DayInIndonesia(clock.Now())));
  out.request = std::move(opened.request);
  write.group = std::move(opened.group);
  write.caller = std::move(opened.caller);
  write.trail = groups::AuditTrail(*write.unit, context, clock);
  if (write.group.status == GroupStatus::kDissolved) return groups::Dissolved();
  return out;
}

// The request as saved, with what the caller may now do, once the unit has committed.
core::Result<HelpRequestView> Saved(RequestWrite& out, const Context& context) {
  auto& [unit, group, caller, trail] = out.write;
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->HelpRequests().Find(out.request.id));
  GOTONG_ASSIGN_OR_RETURN(auto view, ViewOf(*unit, context, caller, group, std::move(saved)));
  return out.write.Commit(std::move(view));
}

}  // namespace

core::Result<HelpRequestView> HelpRequestService::Report(const Context& context,
                                                         const HelpRequestInput& input) {
  GOTONG_ASSIGN_OR_RETURN(std::int64_t group_id, ReportGroup(context, input.group_id));
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  if (group.status == GroupStatus::kDissolved) return groups::Dissolved();
  GOTONG_ASSIGN_OR_RETURN(auto mentee, Mentee(*unit, caller, group, input.member_id));
  Problems problems;
  HelpRequest request;
  request.group_id = group_id;
  request.member_id = mentee.id;
  request.member_name = mentee.person_name;
  ApplyRequiredText(problems, input.title, true, "title", kMaxHelpTitle, request.title);
  ApplyOptionalText(problems, input.description, "description", kMaxHelpText, request.description);
  if (IsSet(input.competency_id)) {
    core::Status status = core::OkStatus();
    CheckCompetency(*unit, problems, group, **input.competency_id, request, status);
    GOTONG_RETURN_IF_ERROR(status);
  }
  if (!problems.empty()) return problems.ToError();
  request.status = HelpStatus::kOpen;
  request.reported_by = ActorOf(context, caller);
  request.created_at = request.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(request.id, unit->HelpRequests().Insert(request));
  GOTONG_RETURN_IF_ERROR(trail.Record("help_request", request.id, "report", std::nullopt, SnapshotOf(request)));
  RequestWrite out{std::move(write), std::move(request)};
  return Saved(out, context);
}

core::Result<HelpRequestView> HelpRequestService::Advise(const Context& context, std::int64_t id,
                                                         const AdviceInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto out, BeginRequestWrite(database_, clock_, context, id));
  auto& [unit, group, caller, trail] = out.write;
  auto& request = out.request;
  const Standing standing = StandingOf(context, caller, request);
  if (!standing.adviser) {
    return Error::Denied(standing.mentee ? "another mentor answers your own request"
                                         : "only the group's mentors and its facilitator advise");
  }
  if (IsClosed(request.status)) return NotNow(request, "a closed request takes no more advice");
  Problems problems;
  Advice advice;
  advice.request_id = id;
  ApplyRequiredText(problems, input.text, true, "text", kMaxHelpText, advice.text);
  if (!problems.empty()) return problems.ToError();
  const core::Instant now = clock_.Now();
  advice.author = ActorOf(context, caller);
  advice.created_at = now;
  GOTONG_ASSIGN_OR_RETURN(advice.id, unit->HelpRequests().InsertAdvice(advice));
  auto before = SnapshotOf(request);
  if (request.status == HelpStatus::kOpen) {
    request.status = HelpStatus::kAdvised;
    request.first_advice_at = now;
  }
  request.updated_at = now;
  GOTONG_RETURN_IF_ERROR(unit->HelpRequests().Update(request));
  GOTONG_RETURN_IF_ERROR(trail.Record("help_request", id, "advise", before,
                                     {{"status", std::string(ToString(request.status))},
                                      {"advice_id", advice.id},
                                      {"text", advice.text}}));
  return Saved(out, context);
}

core::Result<HelpRequestView> HelpRequestService::LogAttempt(const Context& context, std::int64_t id,
                                                             const AttemptInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto out, BeginRequestWrite(database_, clock_, context, id));
  auto& [unit, group, caller, trail] = out.write;
  auto& request = out.request;
  const Standing standing = StandingOf(context, caller, request);
  if (!standing.mentee && !standing.acts_for) {
    return Error::Denied("only she, or the group's leader for her, logs her attempts");
  }
  if (request.status != HelpStatus::kAdvised) {
    return NotNow(request, "an attempt follows advice");
  }
  const core::Date today = Today();
  Problems problems;
  Attempt attempt;
  attempt.request_id = id;
  attempt.attempted_on = today;
  ApplyRequiredText(problems, input.note, true, "note", kMaxHelpNote, attempt.note);
  groups::ApplyPastDate(problems, input.attempted_on, "attempted_on", today, attempt.attempted_on);
  if (!problems.empty()) return problems.ToError();
  const core::Instant now = clock_.Now();
  attempt.recorded_by = ActorOf(context, caller);
  attempt.created_at = now;
  GOTONG_ASSIGN_OR_RETURN(attempt.id, unit->HelpRequests().InsertAttempt(attempt));
  request.updated_at = now;
  GOTONG_RETURN_IF_ERROR(unit->HelpRequests().Update(request));
  GOTONG_RETURN_IF_ERROR(trail.Record("help_request", id, "attempt", std::nullopt,
                                     {{"attempt_id", attempt.id},
                                      {"attempted_on", attempt.attempted_on.ToString()},
                                      {"note", attempt.note}}));
  return Saved(out, context);
}

core::Result<HelpRequestView> HelpRequestService::Transition(const Context& context, std::int64_t id,
                                                             const TransitionInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto out, BeginRequestWrite(database_, clock_, context, id));
  auto& [unit, group, caller, trail] = out.write;
  auto& request = out.request;
  Problems problems;
  HelpStatus to = HelpStatus::kResolved;
  if (!IsSet(input.to)) {
    problems.Add("to", "required", "to is resolved or abandoned");
  } else if (auto parsed = ParseHelpStatus(**input.to); parsed && IsClosed(*parsed)) {
    to = *parsed;
  } else {
    problems.Add("to", "invalid_value", "a request is moved to resolved or abandoned");
  }
  std::optional<std::string> note;
  ApplyOptionalText(problems, input.note, "note", kMaxHelpNote, note);
  if (!problems.empty()) return problems.ToError();
  const HelpRights rights = RightsOf(context, caller, group, request);
  const bool allowed = to == HelpStatus::kResolved ? rights.resolve : rights.abandon;
  if (!allowed) {
    if (IsClosed(request.status)) return NotNow(request, "a closed request stays closed; report a new one");
    if (to == HelpStatus::kResolved && request.status == HelpStatus::kOpen) {
      return NotNow(request, "a request is resolved after advice");
    }
    return Error::Denied("only she, her adviser, the group's leader or its overseers close her request");
  }
  auto before = SnapshotOf(request);
  const core::Instant now = clock_.Now();
  request.status = to;
  request.closed_at = now;
  request.closed_by = ActorOf(context, caller);
  request.close_note = note;
  request.updated_at = now;
  GOTONG_RETURN_IF_ERROR(unit->HelpRequests().Update(request));
  GOTONG_RETURN_IF_ERROR(trail.Record("help_request", id, to == HelpStatus::kResolved ? "resolve" : "abandon", before,
                                     {{"status", std::string(ToString(request.status))},
                                      {"note", audit::Nullable(note)}}));
  return Saved(out, context);
}

core::Result<groups::PostView> HelpRequestService::Share(const Context& context, std::int64_t id,
                                                         const ShareInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto out, BeginRequestWrite(database_, clock_, context, id));
  auto& [unit, group, caller, trail] = out.write;
  auto& request = out.request;
  if (request.knowledge_post_id) {
    std::string message = "this request was shared already as knowledge post " +
                          std::to_string(*request.knowledge_post_id);
    return Error{core::ErrorCode::kConflict, message,
                 {{"knowledge_post_id", "already_shared", message}}, std::nullopt, ""};
  }
  if (request.status != HelpStatus::kResolved) {
    return NotNow(request, "only a resolved request is shared with the group");
  }
  if (!RightsOf(context, caller, group, request).share) {
    return Error::Denied("only she, her adviser, the group's leader or its overseers share her answer");
  }
  GOTONG_ASSIGN_OR_RETURN(auto advice, unit->HelpRequests().AdviceOf(id));
  Problems problems;
  groups::KnowledgePost post;
  post.group_id = request.group_id;
  // Hers when she (or her mentor, a member too) shares it; the mentee's when an overseer does.
  post.member_id = caller.member ? caller.member->id : request.member_id;
  post.kind = groups::PostKind::kFix;
  post.title = request.title;
  if (!advice.empty()) post.body = advice.back().text;
  if (Given(input.kind)) {
    ApplyRequiredChoice(problems, input.kind, true, "kind", groups::ParsePostKind,
                        "kind must be technique, supplier, fix, market or other", post.kind);
  }
  if (Given(input.title)) ApplyRequiredText(problems, input.title, true, "title", kMaxPostTitle, post.title);
  if (Given(input.body)) ApplyRequiredText(problems, input.body, true, "body", kMaxPostBody, post.body);
  if (core::CodePointCount(post.title) > kMaxPostTitle) {
    problems.Add("title", "too_long", "title must be at most 120 characters");
  }
  if (post.body.empty()) problems.Add("body", "required", "body is required");
  if (input.tags) {
    if (input.tags->size() > kMaxTags) problems.Add("tags", "too_many", "a post has at most 10 tags");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < input.tags->size() && i < kMaxTags; ++i) {
      std::string field = "tags[" + std::to_string(i) + "]";
      if (auto tag = CheckText(problems, field, (*input.tags)[i], kMaxTag)) {
        std::string key = groups::AreaKey(*tag);
        if (seen.insert(key).second) post.tags.push_back(key);
      }
    }
  }
  if (!problems.empty()) return problems.ToError();
  const core::Instant now = clock_.Now();
  post.created_at = now;
  GOTONG_ASSIGN_OR_RETURN(post.id, unit->Cooperation().InsertPost(post));
  GOTONG_RETURN_IF_ERROR(trail.Record("knowledge_post", post.id, "create", std::nullopt,
                                     {{"group_id", post.group_id},
                                      {"member_id", post.member_id},
                                      {"kind", std::string(groups::ToString(post.kind))},
                                      {"title", post.title},
                                      {"help_request_id", id}}));
  request.knowledge_post_id = post.id;
  request.updated_at = now;
  GOTONG_RETURN_IF_ERROR(unit->HelpRequests().Update(request));
  GOTONG_RETURN_IF_ERROR(trail.Record("help_request", id, "share", std::nullopt,
                                     {{"knowledge_post_id", post.id}}));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindPost(request.group_id, post.id));
  std::string text = saved.title + "\n\n" + saved.body;
  return out.write.Commit(groups::PostView{std::move(saved), groups::WhatsAppLink(text)});
}

core::Result<HelpRequestView> HelpRequestService::AttachPhoto(const Context& context, std::int64_t id,
                                                              std::string_view bytes) {
  // May she? Asked before a pixel is decoded, so that no one makes the server decode for nothing.
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
    GOTONG_ASSIGN_OR_RETURN(auto opened, Open(*unit, context, id, Today()));
    if (opened.group.status == GroupStatus::kDissolved) return groups::Dissolved();
    if (!RightsOf(context, opened.caller, opened.group, opened.request).photo) {
      if (IsClosed(opened.request.status)) return NotNow(opened.request, "a closed request takes no photo");
      return Error::Denied("only she, or whoever reported it for her, adds its photo");
    }
  }
  if (bytes.size() > photos_.MaxBytes()) return PhotoTooLarge(photos_.MaxBytes());
  GOTONG_ASSIGN_OR_RETURN(auto encoded, photos_.Encode(bytes));

  GOTONG_ASSIGN_OR_RETURN(auto out, BeginRequestWrite(database_, clock_, context, id));
  auto& [unit, group, caller, trail] = out.write;
  auto& request = out.request;
  if (!RightsOf(context, caller, group, request).photo) {
    // Closed (or her membership ended) while the photo was being decoded.
    if (IsClosed(request.status)) return NotNow(request, "a closed request takes no photo");
    return Error::Denied("only she, or whoever reported it for her, adds its photo");
  }
  HelpPhoto photo;
  photo.request_id = id;
  photo.uploaded_by = context.UserId();
  photo.created_at = clock_.Now();
  const bool replaced = request.has_photo;
  audit::Snapshot after{{"width", static_cast<std::int64_t>(encoded.photo.width)},
                        {"height", static_cast<std::int64_t>(encoded.photo.height)},
                        {"bytes", static_cast<std::int64_t>(encoded.photo.bytes.size())},
                        {"received_bytes", static_cast<std::int64_t>(bytes.size())}};
  photo.image = std::move(encoded);
  GOTONG_RETURN_IF_ERROR(unit->HelpRequests().PutPhoto(photo));
  request.updated_at = photo.created_at;
  GOTONG_RETURN_IF_ERROR(unit->HelpRequests().Update(request));
  GOTONG_RETURN_IF_ERROR(trail.Record("help_request", id, replaced ? "replace_photo" : "add_photo",
                                     std::nullopt, std::move(after)));
  return Saved(out, context);
}

}  // namespace gotong::domain::mentoring
