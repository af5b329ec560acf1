#include "domain/groups/deliberation_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "domain/groups/cooperation_service.hpp"
#include "domain/service.hpp"

namespace gotong::domain::groups {
namespace {

// The option among the proposal's, or nullopt.
const DeliberationOption* OptionOf(const Deliberation& deliberation, std::int64_t option_id) {
  auto& options = deliberation.options;
  auto it = std::find_if(options.begin(), options.end(),
                         [&](const DeliberationOption& o) { return o.id == option_id; });
  return it == options.end() ? nullptr : &*it;
}

// A field of the change that its setting does not take.
void NotApplicable(Problems& problems, bool given, const std::string& field, GroupSetting setting) {
  if (given) {
    problems.Add(field, "not_applicable",
                 field + " does not apply to a change of " + std::string(ToString(setting)));
  }
}

// The change a proposal would make, checked; nullopt with the problems added otherwise.
std::optional<SettingChange> CheckChange(UnitOfWork& unit, Problems& problems, std::int64_t group_id,
                                         const ChangeInput& input, const core::Date& today,
                                         core::Status& status) {
  Problems found;
  SettingChange change;
  ApplyRequiredChoice(found, input.setting, true, "change.setting", ParseGroupSetting,
                      "change.setting must be monthly_fee, sop_meetings or market_area", change.setting);
  if (!IsSet(input.effective_on)) {
    found.Add("change.effective_on", "required",
              "change.effective_on is required: the day the change applies from");
  } else if (auto day = form::CheckDate(found, "change.effective_on", **input.effective_on)) {
    change.effective_on = *day;
  }
  bool by_month = change.setting == GroupSetting::kMonthlyFee || change.setting == GroupSetting::kSopMeetings;
  if (IsSet(input.setting) && ParseGroupSetting(**input.setting) && by_month && IsSet(input.effective_on) &&
      found.empty() && change.effective_on.day != 1) {
    found.Add("change.effective_on", "not_first_of_month",
              "a fee or the SOP changes by month: change.effective_on must be the first day of a month");
  }
  if (IsSet(input.setting) && ParseGroupSetting(**input.setting)) {
    GroupSetting setting = change.setting;
    NotApplicable(found, IsSet(input.amount) && setting != GroupSetting::kMonthlyFee, "change.amount", setting);
    NotApplicable(found, IsSet(input.meetings) && setting != GroupSetting::kSopMeetings, "change.meetings", setting);
    NotApplicable(found, IsSet(input.member_id) && setting != GroupSetting::kMarketArea, "change.member_id", setting);
    NotApplicable(found, IsSet(input.area) && setting != GroupSetting::kMarketArea, "change.area", setting);
    switch (setting) {
      case GroupSetting::kMonthlyFee:
        change.amount = CheckAmount(found, "change.amount", input.amount);
        break;
      case GroupSetting::kSopMeetings:
        if (!IsSet(input.meetings)) {
          found.Add("change.meetings", "required", "change.meetings is required: meetings a month");
        } else if (**input.meetings < 1 || **input.meetings > 31) {
          found.Add("change.meetings", "out_of_range", "change.meetings must be between 1 and 31");
        } else {
          change.meetings = static_cast<int>(**input.meetings);
        }
        break;
      case GroupSetting::kMarketArea: {
        std::string area;
        ApplyRequiredText(found, input.area, true, "change.area", 120, area);
        if (IsSet(input.area) && !area.empty()) change.area = area;
        if (!IsSet(input.member_id)) {
          found.Add("change.member_id", "required", "change.member_id is required: who claims the area");
        } else {
          auto member = unit.Groups().FindMember(group_id, **input.member_id);
          if (!member.ok()) {
            if (member.error().code != core::ErrorCode::kNotFound) {
              status = std::move(member).error();
              return std::nullopt;
            }
            found.Add("change.member_id", "not_member",
                      "member " + std::to_string(**input.member_id) + " is not in this group");
          } else if (!member->ActiveOn(today)) {
            found.Add("change.member_id", "not_member_now", member->person_name + " is not a member now");
          } else {
            change.member_id = member->id;
          }
        }
        break;
      }
    }
  }
  if (!found.empty()) {
    problems.Add(found.ToError());
    return std::nullopt;
  }
  return change;
}

// A norm is named after the proposal: its title, and the option agreed on when there were several.
std::string NormText(const Deliberation& deliberation, std::int64_t option_id) {
  if (deliberation.options.size() <= 1) return deliberation.title;
  const DeliberationOption* option = OptionOf(deliberation, option_id);
  return option ? deliberation.title + ": " + option->label : deliberation.title;
}

core::Error NoQuorum(std::int64_t voted, std::int64_t voters, std::int64_t needed) {
  std::string message = std::to_string(voted) + " of " + std::to_string(voters) + " voted; " +
                        std::to_string(needed) + " needed";
  core::Error error = Precondition("deliberation", "no_quorum", message);
  error.fields.front().params = {{"voted", std::to_string(voted)},
                                 {"voters", std::to_string(voters)},
                                 {"needed", std::to_string(needed)}};
  return error;
}

audit::Snapshot SnapshotOf(const Vote& vote) {
  return {{"member_id", vote.member_id},
          {"option_id", vote.option_id ? audit::Value(*vote.option_id) : audit::Value(nullptr)}};
}

// The target competencies each option names: a learning theme's options may each name what the
// group will learn if it is chosen ("options[1].targets[0].competency_id" when one is wrong).
core::Status ApplyOptionTargets(UnitOfWork& unit, Problems& problems, const DeliberationInput& input,
                                Deliberation& deliberation) {
  const bool names_any = std::any_of(input.option_targets.begin(), input.option_targets.end(),
                                     [](const auto& targets) { return !targets.empty(); });
  if (!names_any) return core::OkStatus();
  if (deliberation.topic != Topic::kLearningTheme) {
    problems.Add("options", "targets_not_allowed", "only a learning theme's options name target competencies");
    return core::OkStatus();
  }
  if (input.option_targets.size() != deliberation.options.size()) return core::OkStatus();  // an option was refused
  for (std::size_t i = 0; i < input.option_targets.size(); ++i) {
    GOTONG_ASSIGN_OR_RETURN(deliberation.options[i].targets,
                            mentoring::CheckTargets(unit, problems, input.option_targets[i],
                                                    "options[" + std::to_string(i) + "].targets"));
  }
  return core::OkStatus();
}

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
  GOTONG_ASSIGN_OR_RETURN(view.voters, unit.Groups().CountMembersOn(group_id, Today()));
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
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  Problems problems;
  Deliberation deliberation;
  deliberation.group_id = group_id;
  if (auto recorder = MayWrite(caller, group, Part::kDeliberations); !recorder.ok()) {
    // Members propose learning themes (seed 000); everything else is put by the leader or secretary.
    const bool theme = !input.change && IsSet(input.topic) && ParseTopic(**input.topic) == Topic::kLearningTheme;
    if (group.status == GroupStatus::kDissolved || !caller.member || !theme) return recorder.error();
    if (IsSet(input.meeting_id)) {
      return Error::Denied("the leader or secretary puts a proposal to a meeting; a member proposes it");
    }
    deliberation.proposed_by_member_id = caller.member->id;
  }
  const core::Date today = Today();
  ApplyRequiredText(problems, input.title, true, "title", 200, deliberation.title);
  ApplyOptionalText(problems, input.description, "description", 4000, deliberation.description);
  core::Status status = core::OkStatus();
  if (input.change) {
    deliberation.change = CheckChange(*unit, problems, group_id, *input.change, today, status);
    GOTONG_RETURN_IF_ERROR(status);
  }
  if (input.change && IsSet(input.change->setting) && ParseGroupSetting(**input.change->setting)) {
    // The topic follows the setting the proposal changes.
    deliberation.topic = TopicOf(*ParseGroupSetting(**input.change->setting));
    if (IsSet(input.topic) && ParseTopic(**input.topic) != deliberation.topic) {
      problems.Add("topic", "mismatch",
                   "a change of " + **input.change->setting + " is decided under topic " +
                       std::string(ToString(deliberation.topic)));
    }
  } else if (!input.change) {
    ApplyRequiredChoice(problems, input.topic, true, "topic", ParseTopic,
                        "topic must be learning_theme, schedule, venue, price, market_areas, "
                        "fee_rule, rule or other",
                        deliberation.topic);
  }
  // The rule; older clients send only the method.
  std::optional<DecisionMethod> method;
  if (Given(input.method)) {
    DecisionMethod parsed = DecisionMethod::kVote;
    ApplyRequiredChoice(problems, input.method, true, "method", ParseDecisionMethod,
                        "method must be vote or consensus", parsed);
    if (IsSet(input.method) && ParseDecisionMethod(**input.method)) method = parsed;
  }
  if (Given(input.rule)) {
    ApplyRequiredChoice(problems, input.rule, true, "rule", ParseDecisionRule,
                        "rule must be majority, two_thirds or consensus", deliberation.rule);
    if (method && IsSet(input.rule) && ParseDecisionRule(**input.rule) && MethodOf(deliberation.rule) != *method) {
      problems.Add("rule", "mismatch",
                   "rule " + **input.rule + " contradicts method " + std::string(ToString(*method)));
    }
  } else if (method == DecisionMethod::kConsensus) {
    deliberation.rule = DecisionRule::kConsensus;
  }
  deliberation.method = MethodOf(deliberation.rule);
  GOTONG_ASSIGN_OR_RETURN(std::int64_t voters, unit->Groups().CountMembersOn(group_id, today));
  if (deliberation.rule == DecisionRule::kConsensus) {
    if (IsSet(input.quorum)) {
      problems.Add("quorum", "invalid_value", "a consensus takes no quorum: nobody votes");
    }
  } else if (IsSet(input.quorum)) {
    std::int64_t most = std::max<std::int64_t>(voters, 1);
    if (**input.quorum < 1 || **input.quorum > most) {
      problems.Add("quorum", "out_of_range",
                   "quorum must be between 1 and " + std::to_string(most) +
                       ", the members who may vote today");
    } else {
      deliberation.quorum = **input.quorum;
    }
  } else {
    deliberation.quorum = DefaultQuorum(voters);
  }
  if (input.change && (!input.options || input.options->empty())) {
    // A change is voted for or against: its one option is the proposal itself.
    if (!deliberation.title.empty()) deliberation.options.push_back({0, deliberation.title, 0, {}});
  } else if (!input.options || input.options->empty()) {
    problems.Add("options", "required", "a proposal needs at least one option");
  } else if (input.change && input.options->size() > 1) {
    problems.Add("options", "one_option",
                 "a proposal that changes a setting has one option, voted for or against");
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
      deliberation.options.push_back({0, *label, 0, {}});
    }
  }
  GOTONG_RETURN_IF_ERROR(ApplyOptionTargets(*unit, problems, input, deliberation));
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
  } else if (context.principal && member->user_id && !(caller.member && caller.member->id == member_id)) {
    problems.Add("member_id", "has_account",
                 member->person_name + " has an account of her own: she casts her vote herself");
  }
  Vote vote;
  vote.member_id = member_id;
  if (context.principal) {
    vote.recorded_by_id = context.principal->user_id;
    vote.recorded_by = context.principal->username;
  }
  if (!Given(input.option_id)) {
    problems.Add("option_id", "required", "choose an option, or null to vote against the proposal");
  } else if (IsSet(input.option_id)) {
    if (!OptionOf(deliberation, **input.option_id)) {
      problems.Add("option_id", "not_found",
                   "option " + std::to_string(**input.option_id) + " is not one of this proposal's");
    } else {
      vote.option_id = **input.option_id;
    }
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_RETURN_IF_ERROR(unit->Deliberations().InsertVote(id, vote, clock_.Now()));
  GOTONG_RETURN_IF_ERROR(trail.Record("deliberation", id, "vote", std::nullopt, SnapshotOf(vote)));
  GOTONG_ASSIGN_OR_RETURN(auto view, DeliberationViewOf(*unit, group_id, id));
  return write.Commit(std::move(view));
}

core::Result<DeliberationView> DeliberationService::RecordVotes(const Context& context,
                                                                std::int64_t group_id, std::int64_t id,
                                                                const VoteSheet& sheet) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kDeliberations));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto deliberation, unit->Deliberations().Find(group_id, id));
  if (deliberation.decided) {
    return Precondition("deliberation", "decided", "this proposal has been decided; votes are closed");
  }
  if (deliberation.method != DecisionMethod::kVote) {
    return Precondition("deliberation", "consensus", "this proposal is decided by consensus, not by vote");
  }
  if (!sheet || sheet->empty()) {
    return Error::Invalid("votes", "required", "votes is required: one line per member who voted");
  }
  if (sheet->size() > 500) return Error::Invalid("votes", "too_many", "a sheet holds at most 500 votes");
  std::vector<std::int64_t> ids;
  for (const auto& line : *sheet) {
    if (line.member_id) ids.push_back(*line.member_id);
  }
  GOTONG_ASSIGN_OR_RETURN(auto members, unit->Groups().FindMembers(group_id, ids));
  GOTONG_ASSIGN_OR_RETURN(auto cast, unit->Deliberations().Votes(id));
  const core::Date today = Today();
  Problems problems;
  std::set<std::int64_t> seen;
  std::vector<Vote> votes;
  for (std::size_t i = 0; i < sheet->size(); ++i) {
    const VoteInput& line = (*sheet)[i];
    const std::string at = "votes[" + std::to_string(i) + "].";
    Vote vote;
    if (!line.member_id) {
      problems.Add(at + "member_id", "required", at + "member_id is required: whose vote is it?");
    } else {
      vote.member_id = *line.member_id;
      auto member = std::find_if(members.begin(), members.end(),
                                 [&](const Membership& m) { return m.id == vote.member_id; });
      if (member == members.end()) {
        problems.Add(at + "member_id", "not_member",
                     "member " + std::to_string(vote.member_id) + " is not in this group");
      } else if (!member->ActiveOn(today)) {
        problems.Add(at + "member_id", "not_member_now", member->person_name + " is not a member now");
      } else if (!seen.insert(vote.member_id).second) {
        problems.Add(at + "member_id", "duplicate", member->person_name + " is on the sheet twice");
      } else if (context.principal && member->user_id) {
        problems.Add(at + "member_id", "has_account",
                     member->person_name + " has an account of her own: she casts her vote herself");
      }
    }
    if (!Given(line.option_id)) {
      problems.Add(at + "option_id", "required", "choose an option, or null to vote against the proposal");
    } else if (IsSet(line.option_id)) {
      if (!OptionOf(deliberation, **line.option_id)) {
        problems.Add(at + "option_id", "not_found",
                     "option " + std::to_string(**line.option_id) + " is not one of this proposal's");
      } else {
        vote.option_id = **line.option_id;
      }
    }
    if (context.principal) {
      vote.recorded_by_id = context.principal->user_id;
      vote.recorded_by = context.principal->username;
    }
    votes.push_back(std::move(vote));
  }
  if (!problems.empty()) return problems.ToError();
  const core::Instant now = clock_.Now();
  for (const auto& vote : votes) {
    auto before = std::find_if(cast.begin(), cast.end(), [&](const Vote& v) { return v.member_id == vote.member_id; });
    if (before != cast.end()) {
      GOTONG_ASSIGN_OR_RETURN(bool replaced, unit->Deliberations().DeleteVote(id, vote.member_id));
      (void)replaced;
    }
    GOTONG_RETURN_IF_ERROR(unit->Deliberations().InsertVote(id, vote, now));
    GOTONG_RETURN_IF_ERROR(trail.Record(
        "deliberation", id, "vote",
        before != cast.end() ? std::optional<audit::Snapshot>(SnapshotOf(*before)) : std::nullopt,
        SnapshotOf(vote)));
  }
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
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, clock_.Now(), "deliberation", id,
                                       "withdraw_vote", audit::Snapshot{{"member_id", member_id}},
                                       std::nullopt));
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
  auto before = SnapshotOf(deliberation);
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
    const auto voted = static_cast<std::int64_t>(votes.size());
    if (deliberation.quorum && voted < *deliberation.quorum) {
      GOTONG_ASSIGN_OR_RETURN(std::int64_t voters, unit->Groups().CountMembersOn(group_id, Today()));
      return NoQuorum(voted, voters, *deliberation.quorum);
    }
    std::vector<std::optional<std::int64_t>> choices;
    choices.reserve(votes.size());
    for (const auto& vote : votes) choices.push_back(vote.option_id);
    decision = DecideByVote(choices, deliberation.rule);
  } else {
    Outcome outcome = Outcome::kNotAgreed;
    ApplyRequiredChoice(problems, input.outcome, true, "outcome", ParseOutcome,
                        "outcome must be agreed or not_agreed", outcome);
    decision.outcome = outcome;
    if (IsSet(input.outcome) && outcome == Outcome::kAgreed) {
      if (!IsSet(input.option_id)) {
        problems.Add("option_id", "required", "say which option the members agreed on");
      } else {
        if (!OptionOf(deliberation, **input.option_id)) {
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
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, deliberation.updated_at,
                                       "deliberation", id, "decide", std::move(before),
                                       SnapshotOf(deliberation)));
  if (decision.outcome == Outcome::kAgreed && (BecomesNorm(deliberation.topic) || deliberation.change)) {
    Norm norm;
    norm.group_id = group_id;
    norm.deliberation_id = id;
    norm.topic = deliberation.topic;
    norm.text = NormText(deliberation, decision.option_id.value_or(0));
    norm.change = deliberation.change;
    norm.adopted_on = *deliberation.decided_on;
    norm.created_at = clock_.Now();
    GOTONG_ASSIGN_OR_RETURN(norm.id, unit->Deliberations().InsertNorm(norm));
    GOTONG_RETURN_IF_ERROR(trail.Record("norm", norm.id, "create", std::nullopt,
                                       {{"group_id", group_id},
                                        {"deliberation_id", id},
                                        {"topic", std::string(ToString(norm.topic))},
                                        {"text", norm.text}}));
    if (deliberation.change) GOTONG_RETURN_IF_ERROR(ApplyChange(write, deliberation));
  }
  GOTONG_ASSIGN_OR_RETURN(auto view, DeliberationViewOf(*unit, group_id, id));
  return write.Commit(std::move(view));
}

core::Status DeliberationService::ApplyChange(GroupWrite& write, const Deliberation& deliberation) {
  auto& [unit, group, caller, trail] = write;
  const SettingChange& change = *deliberation.change;
  switch (change.setting) {
    case GroupSetting::kMonthlyFee: {
      FeeRule rule;
      rule.group_id = group.id;
      rule.amount = change.amount.value_or(0);
      rule.from = Month::Of(change.effective_on);
      rule.deliberation_id = deliberation.id;
      rule.created_at = clock_.Now();
      auto inserted = unit->Treasury().InsertFeeRule(rule);
      if (!inserted.ok() && inserted.error().code == core::ErrorCode::kAlreadyExists) {
        return Precondition("change.effective_on", "fee_rule_exists",
                            "a fee already starts in " + rule.from.ToString() +
                                "; the group cannot agree on a second one for that month");
      }
      GOTONG_ASSIGN_OR_RETURN(rule.id, std::move(inserted));
      return trail.Record("fee_rule", rule.id, "create", std::nullopt,
                          {{"group_id", group.id},
                           {"amount", rule.amount},
                           {"from", rule.from.ToString()},
                           {"deliberation_id", deliberation.id}});
    }
    case GroupSetting::kSopMeetings: {
      SopChange sop{group.id, Month::Of(change.effective_on), change.meetings.value_or(1),
                    deliberation.id, clock_.Now()};
      GOTONG_RETURN_IF_ERROR(unit->Groups().InsertSopChange(sop));
      return trail.Record("group", group.id, "change_sop",
                          audit::Snapshot{{"sop_meetings_per_month", static_cast<std::int64_t>(group.sop_meetings_per_month)}},
                          {{"sop_meetings_per_month", static_cast<std::int64_t>(sop.meetings)},
                           {"from", sop.from.ToString()},
                           {"deliberation_id", deliberation.id}});
    }
    case GroupSetting::kMarketArea: {
      MarketArea area;
      area.group_id = group.id;
      area.member_id = change.member_id.value_or(0);
      area.area = change.area.value_or("");
      area.deliberation_id = deliberation.id;
      area.claimed_on = change.effective_on;
      area.created_at = clock_.Now();
      GOTONG_ASSIGN_OR_RETURN(auto claim, InsertClaim(*unit, trail, std::move(area)));
      (void)claim;
      return core::OkStatus();
    }
  }
  return core::OkStatus();
}

core::Result<std::vector<Norm>> DeliberationService::Norms(const Context& context, std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Deliberations().Norms(group_id);
}

}  // namespace gotong::domain::groups
