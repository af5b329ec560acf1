#include "domain/groups/group_access.hpp"

#include <algorithm>

#include "domain/service.hpp"

namespace gotong::domain::groups {
namespace {

std::string DeniedMessage(Part part) {
  switch (part) {
    case Part::kProfile: return "only an admin, the group's officers or its leader change the group";
    case Part::kMembers: return "only the group's leader or secretary, or its officers, change the members";
    case Part::kMeetings: return "only the group's leader, secretary or mentor keep its meetings";
    case Part::kDeliberations: return "only the group's leader or secretary record deliberations (a member may propose a learning theme)";
    case Part::kLedger: return "only the group's leader or treasurer write the treasury";
    case Part::kAssets: return "only the group's leader or treasurer keep its common assets";
    case Part::kMaterials: return "only the group's leader or treasurer record collective purchases";
    case Part::kMarketAreas: return "only the group's leader or secretary keep the market areas";
    case Part::kOrders: return "only the group's leader, secretary or treasurer keep joint orders";
    case Part::kPosts: return "only the group's members write knowledge posts";
  }
  return "you may not change this part of the group";
}

constexpr Part kParts[] = {Part::kProfile,     Part::kMembers, Part::kMeetings, Part::kDeliberations,
                           Part::kLedger,      Part::kAssets,  Part::kMaterials, Part::kMarketAreas,
                           Part::kOrders,      Part::kPosts};

}  // namespace

core::Error Dissolved() {
  return Error{core::ErrorCode::kFailedPrecondition,
               "this group is dissolved; its records are kept as they were",
               {}, std::nullopt, "group-dissolved"};
}

core::Error Precondition(std::string field, std::string code, std::string message) {
  Error error{core::ErrorCode::kFailedPrecondition, message, {}, std::nullopt, ""};
  error.fields.push_back({std::move(field), std::move(code), std::move(message)});
  return error;
}

core::Result<GroupWrite> BeginGroupWrite(Database& database, const core::Clock& clock,
                                         const Context& context, std::int64_t group_id,
                                         std::optional<Part> part) {
  GroupWrite write;
  GOTONG_ASSIGN_OR_RETURN(write.unit, database.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(
      auto opened, OpenGroup(context, *write.unit, group_id, core::DayInIndonesia(clock.Now())));
  write.group = std::move(opened.first);
  write.caller = std::move(opened.second);
  write.trail = AuditTrail(*write.unit, context, clock);
  if (part) GOTONG_RETURN_IF_ERROR(MayWrite(write.caller, write.group, *part));
  return write;
}

core::Result<std::unique_ptr<UnitOfWork>> BeginGroupRead(Database& database,
                                                         const core::Clock& clock,
                                                         const Context& context,
                                                         std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database.Begin(Access::kRead));
  GOTONG_RETURN_IF_ERROR(OpenGroup(context, *unit, group_id, core::DayInIndonesia(clock.Now())));
  return unit;
}

Month MonthsBefore(Month month, int count) {
  int index = month.year * 12 + static_cast<int>(month.month) - 1 - count;
  return Month{index / 12, static_cast<unsigned>(index % 12 + 1)};
}

MonthRange ReadMonthRange(form::Problems& problems, const std::optional<std::string>& from,
                          const std::optional<std::string>& to, const core::Date& today,
                          int default_back, int max_months) {
  bool ok = true;
  auto read = [&](const std::optional<std::string>& text, const char* field) -> std::optional<Month> {
    if (!text) return std::nullopt;
    auto month = Month::Parse(*text);
    if (!month) {
      problems.Add(field, "invalid_format", std::string(field) + " must be a month such as 2026-11");
      ok = false;
    }
    return month;
  };
  MonthRange range;
  range.to = read(to, "to").value_or(Month::Of(today));
  range.from = read(from, "from").value_or(MonthsBefore(range.to, default_back));
  if (ok && range.from > range.to) {
    problems.Add("from", "after_to", "from must not be after to");
  } else if (ok && MonthsBetween(range.from, range.to) > max_months) {
    problems.Add("from", "out_of_range", "a view spans at most " + std::to_string(max_months) + " months");
  }
  return range;
}

DateRange ReadDateRange(form::Problems& problems, const std::optional<std::string>& from,
                        const std::optional<std::string>& to) {
  DateRange range;
  if (from) range.from = form::CheckDate(problems, "from", *from);
  if (to) range.to = form::CheckDate(problems, "to", *to);
  if (range.from && range.to && *range.from > *range.to) {
    problems.Add("from", "after_to", "from must not be after to");
  }
  return range;
}

core::Status AuditTrail::Record(std::string entity, std::int64_t id, std::string action,
                                std::optional<audit::Snapshot> before, audit::Snapshot after) const {
  return audit::Record(unit_->Audit(), *context_, clock_->Now(), std::move(entity), id,
                       std::move(action), std::move(before), std::move(after));
}

// ---- rights -------------------------------------------------------------------------------

core::Result<Caller> Reach(const Context& context, UnitOfWork& unit, const Group& group,
                           const core::Date& today) {
  Caller caller;
  if (context.IsAdmin()) {
    caller.admin = true;
    return caller;
  }
  if (!context.principal) return Error::Denied("sign in first");
  const auto& principal = *context.principal;
  const auto& scope = principal.scope;
  accounts::Ownership ownership;
  if (group.steward_id) ownership.stakeholder_ids.push_back(*group.steward_id);
  if (group.programme_id) ownership.programme_ids.push_back(*group.programme_id);
  if (scope && scope->kind == ScopeKind::kProgramme && group.programme_id != scope->id) {
    // A programme also reaches the groups enrolled in it, not only those it formed.
    GOTONG_ASSIGN_OR_RETURN(bool enrolled, unit.Groups().InProgramme(group.id, scope->id));
    if (enrolled) ownership.programme_ids.push_back(scope->id);
  }
  ownership.group_id = group.id;
  if (!accounts::Reaches(principal, ownership)) {
    return Error::Denied("this group is outside your stakeholder, programme or group");
  }
  caller.steward = principal.role == Role::kOfficer && scope &&
                   scope->kind == ScopeKind::kStakeholder && group.steward_id &&
                   *group.steward_id == scope->id;
  caller.facilitator = principal.role == Role::kFacilitator && scope && scope->kind == ScopeKind::kProgramme &&
                       std::find(ownership.programme_ids.begin(), ownership.programme_ids.end(), scope->id) !=
                           ownership.programme_ids.end();
  if (scope && scope->kind == ScopeKind::kGroup) {
    // Access follows membership: a former member's account, or one no member record names,
    // is shut out of the group.
    GOTONG_ASSIGN_OR_RETURN(auto linked, unit.Groups().MemberOfUser(group.id, principal.user_id));
    if (!linked || !linked->ActsOn(today)) {
      return Error::Denied("your account does not act as a current member of this group");
    }
    caller.member = std::move(linked);
  }
  return caller;
}

core::Result<GroupFilter> ReachFilter(const Context& context) {
  GroupFilter filter;
  if (context.IsAdmin()) return filter;
  if (!context.principal) return Error::Denied("sign in first");
  const auto& scope = context.principal->scope;
  if (!scope) return Error::Denied("your account is not attached to a stakeholder, programme or group");
  switch (scope->kind) {
    case ScopeKind::kStakeholder: filter.steward_id = scope->id; break;
    case ScopeKind::kProgramme: filter.programme_id = scope->id; break;
    case ScopeKind::kGroup: filter.group_id = scope->id; break;
  }
  return filter;
}

core::Result<bool> ActsInItsGroup(const Context& context, UnitOfWork& unit,
                                  const core::Date& today) {
  if (context.IsAdmin() || !context.principal) return true;
  const auto& principal = *context.principal;
  if (!principal.scope || principal.scope->kind != ScopeKind::kGroup) return true;
  GOTONG_ASSIGN_OR_RETURN(auto linked,
                          unit.Groups().MemberOfUser(principal.scope->id, principal.user_id));
  return linked && linked->ActsOn(today);
}

core::Status MayWrite(const Caller& caller, const Group& group, Part part) {
  if (group.status == GroupStatus::kDissolved) return Dissolved();
  if (caller.admin) return core::OkStatus();
  if (caller.steward && (part == Part::kProfile || part == Part::kMembers)) return core::OkStatus();
  if (caller.member && RoleWrites(caller.member->role, caller.member->mentor, part)) {
    return core::OkStatus();
  }
  return Error::Denied(DeniedMessage(part));
}

std::vector<Part> Writes(const Caller& caller, const Group& group) {
  std::vector<Part> parts;
  for (Part part : kParts) {
    if (MayWrite(caller, group, part).ok()) parts.push_back(part);
  }
  return parts;
}

core::Result<std::pair<Group, Caller>> OpenGroup(const Context& context, UnitOfWork& unit,
                                                 std::int64_t group_id, const core::Date& today) {
  GOTONG_ASSIGN_OR_RETURN(auto group, unit.Groups().Find(group_id));
  GOTONG_ASSIGN_OR_RETURN(auto caller, Reach(context, unit, group, today));
  return std::make_pair(std::move(group), std::move(caller));
}

std::optional<std::int64_t> CheckAmount(form::Problems& problems, const std::string& field,
                                        const form::Field<std::int64_t>& input) {
  if (!form::IsSet(input)) {
    problems.Add(field, "required", field + " is required");
    return std::nullopt;
  }
  std::int64_t amount = **input;
  if (amount < 0) {
    problems.Add(field, "negative", field + " must not be negative; write it as a positive amount");
  } else if (amount == 0) {
    problems.Add(field, "invalid_value", field + " must be more than Rp 0");
  } else if (amount > kMaxAmount) {
    problems.Add(field, "out_of_range", field + " is larger than Rp 10.000.000.000.000");
  } else {
    return amount;
  }
  return std::nullopt;
}

std::optional<core::Date> PastDate(form::Problems& problems, const std::string& field,
                                   const std::string& value, const core::Date& today) {
  auto date = form::CheckDate(problems, field, value);
  if (date && *date > today) {
    problems.Add(field, "in_future", field + " " + date->ToString() + " is after today");
    return std::nullopt;
  }
  return date;
}

void ApplyPastDate(form::Problems& problems, const form::Field<std::string>& input,
                   const std::string& field, const core::Date& today, core::Date& out) {
  if (!form::IsSet(input)) return;
  if (auto date = PastDate(problems, field, **input, today)) out = *date;
}

std::optional<std::int64_t> CitedDeliberation(UnitOfWork& unit, form::Problems& problems,
                                              std::int64_t group_id,
                                              const form::Field<std::int64_t>& deliberation_id,
                                              std::optional<Topic> topic, const std::string& refusal) {
  if (!form::IsSet(deliberation_id)) return std::nullopt;
  auto deliberation = unit.Deliberations().Find(group_id, **deliberation_id);
  if (!deliberation.ok()) {
    problems.Add("deliberation_id", "not_found",
                 "deliberation " + std::to_string(**deliberation_id) + " is not this group's");
    return std::nullopt;
  }
  if ((topic && deliberation->topic != *topic) || deliberation->outcome != Outcome::kAgreed) {
    problems.Add("deliberation_id", "not_agreed", refusal);
    return std::nullopt;
  }
  return deliberation->id;
}

core::Result<Membership> CurrentMember(UnitOfWork& unit, std::int64_t group_id, std::int64_t member_id) {
  auto member = unit.Groups().FindMember(group_id, member_id);
  if (!member.ok()) {
    if (member.error().code != core::ErrorCode::kNotFound) return std::move(member).error();
    return core::Error::Invalid("member_id", "not_member",
                                "member " + std::to_string(member_id) + " is not in this group");
  }
  if (member->left_on) {
    return core::Error::Invalid("member_id", "not_member_now", member->person_name + " is not a member now");
  }
  return std::move(member).value();
}

}  // namespace gotong::domain::groups
