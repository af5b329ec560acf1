#include "domain/groups/deliberation_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

namespace gotong::domain::groups {
namespace {

using accounts::Context;
using core::Error;
using form::ApplyOptionalText;
using form::ApplyRequiredChoice;
using form::ApplyRequiredText;
using form::CheckText;
using form::Given;
using form::IsSet;
using form::Problems;

}  // namespace

// ---- deliberations ------------------------------------------------------------------------

core::Result<core::Page<Deliberation>> DeliberationService::ListDeliberations(const Context& context,
                                                                       std::int64_t group_id,
                                                                       const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Deliberations().List(group_id, page);
}

core::Result<DeliberationView> DeliberationService::DeliberationViewOf(UnitOfWork& unit,
                                                                std::int64_t group_id,
                                                                std::int64_t id) {
  DeliberationView view;
  GOTONG_ASSIGN_OR_RETURN(view.deliberation, unit.Deliberations().Find(group_id, id));
  GOTONG_ASSIGN_OR_RETURN(view.votes, unit.Deliberations().Votes(id));
  if (view.deliberation.outcome == Outcome::kAgreed) {
    GOTONG_ASSIGN_OR_RETURN(auto norms, unit.Deliberations().Norms(group_id));
    for (auto& norm : norms) {
      if (norm.deliberation_id == id) view.norm = std::move(norm);
    }
  }
  return view;
}

core::Result<DeliberationView> DeliberationService::GetDeliberation(const Context& context,
                                                             std::int64_t group_id,
                                                             std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return DeliberationViewOf(*unit, group_id, id);
}

core::Result<DeliberationView> DeliberationService::CreateDeliberation(const Context& context,
                                                                std::int64_t group_id,
                                                                const DeliberationInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kDeliberations));
  auto& [unit, group, caller, trail] = write;
  Problems problems;
  Deliberation deliberation;
  deliberation.group_id = group_id;
  ApplyRequiredText(problems, input.title, true, "title", 200, deliberation.title);
  ApplyOptionalText(problems, input.description, "description", 4000, deliberation.description);
  ApplyRequiredChoice(problems, input.topic, true, "topic", ParseTopic,
                      "topic must be learning_theme, schedule, venue, price, market_areas, "
                      "fee_rule, rule or other",
                      deliberation.topic);
  if (Given(input.method)) {
    ApplyRequiredChoice(problems, input.method, true, "method", ParseDecisionMethod,
                        "method must be vote or consensus", deliberation.method);
  }
  if (!input.options || input.options->empty()) {
    problems.Add("options", "required", "a proposal needs at least one option");
  } else if (input.options->size() > 12) {
    problems.Add("options", "too_many", "a proposal has at most 12 options");
  } else {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < input.options->size(); ++i) {
      std::string field = "options[" + std::to_string(i) + "]";
      auto label = CheckText(problems, field, (*input.options)[i], 200);
      if (!label) continue;
      if (!seen.insert(AreaKey(*label)).second) {
        problems.Add(field, "duplicate", field + " repeats an earlier option");
        continue;
      }
      deliberation.options.push_back({0, *label, 0});
    }
  }
  if (IsSet(input.meeting_id)) {
    auto meeting = unit->Meetings().Find(group_id, **input.meeting_id);
    if (!meeting.ok()) {
      problems.Add("meeting_id", "not_found",
                   "meeting " + std::to_string(**input.meeting_id) + " is not this group's");
    } else {
      deliberation.meeting_id = meeting->id;
    }
  }
  if (!problems.empty()) return problems.ToError();
  deliberation.created_at = deliberation.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Deliberations().Insert(deliberation));
  GOTONG_RETURN_IF_ERROR(
      trail.Record("deliberation", saved.id, "create", std::nullopt, SnapshotOf(saved)));
  GOTONG_ASSIGN_OR_RETURN(auto view, DeliberationViewOf(*unit, group_id, saved.id));
  return write.Commit(std::move(view));
}

core::Result<DeliberationView> DeliberationService::CastVote(const Context& context, std::int64_t group_id,
                                                      std::int64_t id, const VoteInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  if (group.status == GroupStatus::kDissolved) return Dissolved();
  GOTONG_ASSIGN_OR_RETURN(auto deliberation, unit->Deliberations().Find(group_id, id));
  if (deliberation.decided) {
    return Precondition("deliberation", "decided", "this proposal has been decided; votes are closed");
  }
  if (deliberation.method != DecisionMethod::kVote) {
    return Precondition("deliberation", "consensus", "this proposal is decided by consensus, not by vote");
  }
  bool recorder = MayWrite(caller, group, Part::kDeliberations).ok();
  if (!recorder && !caller.member) return Error::Denied("only the group's members vote");
  std::int64_t member_id = 0;
  if (input.member_id) {
    member_id = *input.member_id;
    if (!recorder && (!caller.member || caller.member->id != member_id)) {
      return Error::Denied("you can cast only your own vote");
    }
  } else if (caller.member) {
    member_id = caller.member->id;
  } else {
    return Error::Invalid("member_id", "required", "member_id is required: whose vote is it?");
  }
  Problems problems;
  auto member = unit->Groups().FindMember(group_id, member_id);
  if (!member.ok()) {
    if (member.error().code != core::ErrorCode::kNotFound) return std::move(member).error();
    problems.Add("member_id", "not_member", "member " + std::to_string(member_id) + " is not in this group");
  } else if (member->left_on || member->joined_on > Today()) {
    problems.Add("member_id", "not_member_now", member->person_name + " is not a member now");
  }
  Vote vote;
  vote.member_id = member_id;
  if (!Given(input.option_id)) {
    problems.Add("option_id", "required", "choose an option, or null to vote against the proposal");
  } else if (IsSet(input.option_id)) {
    auto& options = deliberation.options;
    if (std::none_of(options.begin(), options.end(),
                     [&](const DeliberationOption& o) { return o.id == **input.option_id; })) {
      problems.Add("option_id", "not_found",
                   "option " + std::to_string(**input.option_id) + " is not one of this proposal's");
    } else {
      vote.option_id = **input.option_id;
    }
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_RETURN_IF_ERROR(unit->Deliberations().InsertVote(id, vote, clock_.Now()));
  GOTONG_RETURN_IF_ERROR(trail.Record(
      "deliberation", id, "vote", std::nullopt,
      {{"member_id", vote.member_id},
       {"option_id", vote.option_id ? audit::Value(*vote.option_id) : audit::Value(nullptr)}}));
  GOTONG_ASSIGN_OR_RETURN(auto view, DeliberationViewOf(*unit, group_id, id));
  return write.Commit(std::move(view));
}

core::Result<DeliberationView> DeliberationService::WithdrawVote(const Context& context, std::int64_t group_id,
                                                          std::int64_t id, std::int64_t member_id) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  if (group.status == GroupStatus::kDissolved) return Dissolved();
  bool recorder = MayWrite(caller, group, Part::kDeliberations).ok();
  if (!recorder && !(caller.member && caller.member->id == member_id)) {
    return Error::Denied("you can take back only your own vote");
  }
  GOTONG_ASSIGN_OR_RETURN(auto deliberation, unit->Deliberations().Find(group_id, id));
  if (deliberation.decided) {
    return Precondition("deliberation", "decided", "this proposal has been decided; its votes stand");
  }
  GOTONG_ASSIGN_OR_RETURN(bool removed, unit->Deliberations().DeleteVote(id, member_id));
  if (!removed) return Error::NotFound("member " + std::to_string(member_id) + " has not voted on this proposal");
  auto entry = audit::NewEntry(context, clock_.Now(), "deliberation", std::to_string(id), "withdraw_vote");
  entry.before = audit::Snapshot{{"member_id", member_id}};
  GOTONG_RETURN_IF_ERROR(unit->Audit().Append(entry));
  GOTONG_ASSIGN_OR_RETURN(auto view, DeliberationViewOf(*unit, group_id, id));
  return write.Commit(std::move(view));
}

core::Result<DeliberationView> DeliberationService::Decide(const Context& context, std::int64_t group_id,
                                                    std::int64_t id, const DecisionInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kDeliberations));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto deliberation, unit->Deliberations().Find(group_id, id));
  if (deliberation.decided) {
    return Precondition("deliberation", "decided", "this proposal has been decided already");
  }
  auto entry = audit::NewEntry(context, clock_.Now(), "deliberation", std::to_string(id), "decide");
  entry.before = SnapshotOf(deliberation);
  Problems problems;
  ApplyOptionalText(problems, input.note, "note", 2000, deliberation.note);
  Decision decision;
  if (deliberation.method == DecisionMethod::kVote) {
    if (Given(input.outcome)) {
      problems.Add("outcome", "decided_by_vote", "a vote is decided by its count; leave outcome out");
    }
    if (Given(input.option_id)) {
      problems.Add("option_id", "decided_by_vote", "a vote is decided by its count; leave option_id out");
    }
    GOTONG_ASSIGN_OR_RETURN(auto votes, unit->Deliberations().Votes(id));
    std::vector<std::optional<std::int64_t>> choices;
    choices.reserve(votes.size());
    for (const auto& vote : votes) choices.push_back(vote.option_id);
    decision = DecideByVote(choices);
  } else {
    Outcome outcome = Outcome::kNotAgreed;
    ApplyRequiredChoice(problems, input.outcome, true, "outcome", ParseOutcome,
                        "outcome must be agreed or not_agreed", outcome);
    decision.outcome = outcome;
    if (IsSet(input.outcome) && outcome == Outcome::kAgreed) {
      if (!IsSet(input.option_id)) {
        problems.Add("option_id", "required", "say which option the members agreed on");
      } else {
        auto& options = deliberation.options;
        if (std::none_of(options.begin(), options.end(),
                         [&](const DeliberationOption& o) { return o.id == **input.option_id; })) {
          problems.Add("option_id", "not_found",
                       "option " + std::to_string(**input.option_id) + " is not one of this proposal's");
        } else {
          decision.option_id = **input.option_id;
        }
      }
    } else if (IsSet(input.option_id)) {
      problems.Add("option_id", "invalid_value", "a proposal not agreed has no chosen option");
    }
  }
  if (!problems.empty()) return problems.ToError();
  deliberation.decided = true;
  deliberation.outcome = decision.outcome;
  deliberation.option_id = decision.option_id;
  deliberation.decided_on = Today();
  deliberation.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Deliberations().Update(deliberation));
  entry.after = SnapshotOf(deliberation);
  GOTONG_RETURN_IF_ERROR(unit->Audit().Append(entry));
  if (decision.outcome == Outcome::kAgreed && BecomesNorm(deliberation.topic)) {
    Norm norm;
    norm.group_id = group_id;
    norm.deliberation_id = id;
    norm.topic = deliberation.topic;
    for (const auto& option : deliberation.options) {
      if (option.id == decision.option_id) norm.text = option.label;
    }
    norm.adopted_on = *deliberation.decided_on;
    norm.created_at = clock_.Now();
    GOTONG_ASSIGN_OR_RETURN(norm.id, unit->Deliberations().InsertNorm(norm));
    GOTONG_RETURN_IF_ERROR(trail.Record("norm", norm.id, "create", std::nullopt,
                                       {{"group_id", group_id},
                                        {"deliberation_id", id},
                                        {"topic", std::string(ToString(norm.topic))},
                                        {"text", norm.text}}));
  }
  GOTONG_ASSIGN_OR_RETURN(auto view, DeliberationViewOf(*unit, group_id, id));
  return write.Commit(std::move(view));
}

core::Result<std::vector<Norm>> DeliberationService::Norms(const Context& context, std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Deliberations().Norms(group_id);
}

}  // namespace gotong::domain::groups
