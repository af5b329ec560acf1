#include "domain/groups/group_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/text.hpp"
#include "domain/regions/region.hpp"
#include "domain/service.hpp"

namespace gotong::domain::groups {
namespace {

// Why a cited deliberation does not authorise an office.
constexpr char kOfficeRefusal[] = "only a proposal the group has agreed gives or takes an office";

}  // namespace

// ---- groups -------------------------------------------------------------------------------

namespace {

// The filter of a group query, narrowed to what the caller reaches.
core::Result<GroupFilter> FilterFor(const Context& context, const GroupQuery& query) {
  GOTONG_ASSIGN_OR_RETURN(auto filter, ReachFilter(context));
  Problems problems;
  if (query.region) {
    if (!regions::LevelOfCode(*query.region)) {
      problems.Add("region", "invalid_format", "region must be a region code such as 35.07 or 35.07.20");
    } else {
      filter.region = *query.region;
    }
  }
  if (query.kind) {
    filter.kind = ParseGroupKind(*query.kind);
    if (!filter.kind) {
      problems.Add("kind", "invalid_value",
                   "kind must be learning_community, joint_business_group or cooperative");
    }
  }
  if (query.status) {
    filter.status = ParseGroupStatus(*query.status);
    if (!filter.status) {
      problems.Add("status", "invalid_value", "status must be embryo, active, inactive or dissolved");
    }
  }
  if (query.q) {
    if (auto q = CheckText(problems, "q", *query.q, 100)) filter.q = core::AsciiLower(*q);
  }
  if (!problems.empty()) return problems.ToError();
  return filter;
}

}  // namespace

core::Result<core::Page<Group>> GroupService::ListGroups(const Context& context,
                                                         const GroupQuery& query,
                                                         const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto filter, FilterFor(context, query));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(bool acts, ActsInItsGroup(context, *unit, Today()));
  if (!acts) return core::Page<Group>{{}, 0, page.limit, page.offset};
  return unit->Groups().List(filter, page);
}

core::Result<ComplianceTable> GroupService::RegionCompliance(
    const Context& context, const GroupQuery& query, const std::optional<std::string>& from,
    const std::optional<std::string>& to, const std::optional<std::string>& sort,
    const core::PageRequest& page) {
  Problems problems;
  auto filter = FilterFor(context, query);
  if (!filter.ok()) {
    if (filter.error().code != core::ErrorCode::kInvalidArgument) return std::move(filter).error();
    problems.Add(filter.error());
  }
  auto [first, last] = ReadMonthRange(problems, from, to, Today(), 2, kMaxComplianceMonths);
  ComplianceSort order = ComplianceSort::kPercent;
  if (sort) {
    if (*sort == "percent") {
      order = ComplianceSort::kPercent;
    } else if (*sort == "-percent") {
      order = ComplianceSort::kPercentDesc;
    } else if (*sort == "name") {
      order = ComplianceSort::kName;
    } else {
      problems.Add("sort", "invalid_value", "sort must be percent, -percent or name");
    }
  }
  if (!problems.empty()) return problems.ToError();
  if (!query.status) filter->include_dissolved = false;
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(bool acts, ActsInItsGroup(context, *unit, Today()));
  if (!acts) {
    ComplianceTable none;
    none.from = first;
    none.to = last;
    return none;
  }
  GOTONG_ASSIGN_OR_RETURN(auto table, unit->Groups().Compliance(*filter, first.FirstDay(), last.LastDay(),
                                                                 MonthsBetween(first, last), order, page));
  table.from = first;
  table.to = last;
  return table;
}

core::Result<GroupView> GroupService::GetGroup(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenGroup(context, *unit, id, Today()));
  auto& [group, caller] = opened;
  GroupView view{group, Writes(caller, group), std::nullopt};
  if (caller.member) view.member_id = caller.member->id;
  return view;
}

namespace {

// Applies a group body to `group`; `today` bounds the dates.
core::Status ApplyGroup(UnitOfWork& unit, const GroupInput& input, Group& group,
                        const core::Date& today) {
  Problems problems;
  bool creating = group.id == 0;
  ApplyRequiredText(problems, input.name, creating, "name", 120, group.name);
  ApplyRequiredChoice(problems, input.kind, creating, "kind", ParseGroupKind,
                      "kind must be learning_community, joint_business_group or cooperative",
                      group.kind);
  ApplyRequiredChoice(problems, input.sector, creating, "sector", registry::ParseSector,
                      "sector must be one of GET /api/v1/sectors", group.sector);
  ApplyOptionalText(problems, input.business_centre, "business_centre", 120, group.business_centre);
  if (Given(input.village_code) || creating) {
    if (!IsSet(input.village_code)) {
      problems.Add("village_code", "required", "village_code is required");
    } else {
      CheckVillage(unit, problems, "village_code", **input.village_code);
      group.village_code = **input.village_code;
    }
  }
  if (Given(input.origin)) {
    ApplyRequiredChoice(problems, input.origin, true, "origin", ParseOrigin,
                        "origin must be self_initiated or programme_formed", group.origin);
  }
  if (Given(input.programme_id)) {
    group.programme_id.reset();
    if (IsSet(input.programme_id)) {
      if (**input.programme_id <= 0) {
        problems.Add("programme_id", "invalid_value", "programme_id must be a positive number");
      } else {
        group.programme_id = **input.programme_id;
      }
    }
  }
  if (group.programme_id && group.origin != Origin::kProgrammeFormed) {
    problems.Add("programme_id", "invalid_value",
                 "only a programme-formed group names the programme that formed it");
  }
  ApplyOptionalText(problems, input.legality, "legality", 200, group.legality);
  if (Given(input.legality_date)) {
    group.legality_date.reset();
    if (IsSet(input.legality_date)) {
      group.legality_date = PastDate(problems, "legality_date", **input.legality_date, today);
    }
  }
  if (Given(input.founded_on)) {
    group.founded_on.reset();
    if (IsSet(input.founded_on)) {
      group.founded_on = PastDate(problems, "founded_on", **input.founded_on, today);
    }
  }
  if (Given(input.sop_meetings_per_month)) {
    if (!IsSet(input.sop_meetings_per_month)) {
      problems.Add("sop_meetings_per_month", "required", "sop_meetings_per_month is required");
    } else if (**input.sop_meetings_per_month < 1 ||
        **input.sop_meetings_per_month > 31) {
      problems.Add("sop_meetings_per_month", "out_of_range",
                   "sop_meetings_per_month must be between 1 and 31");
    } else {
      group.sop_meetings_per_month = static_cast<int>(**input.sop_meetings_per_month);
    }
  }
  GroupStatus before = group.status;
  if (Given(input.status)) {
    GroupStatus wanted = group.status;
    ApplyRequiredChoice(problems, input.status, true, "status", ParseGroupStatus,
                        "status must be embryo, active, inactive or dissolved", wanted);
    if (creating && wanted != GroupStatus::kEmbryo && wanted != GroupStatus::kActive) {
      problems.Add("status", "invalid_transition", "a new group starts as embryo or active");
    } else if (!creating && wanted != before && !CanChangeStatus(before, wanted)) {
      problems.Add("status", "invalid_transition",
                   "a group cannot go from " + std::string(ToString(before)) + " to " +
                       std::string(ToString(wanted)));
    } else {
      group.status = wanted;
    }
  }
  if (creating || group.status != before) {
    group.status_since = today;
    if (IsSet(input.status_since)) {
      if (auto since = PastDate(problems, "status_since", **input.status_since, today)) {
        group.status_since = *since;
      }
    }
  } else if (IsSet(input.status_since)) {
    problems.Add("status_since", "invalid_value", "status_since is given only with a new status");
  }
  if (!problems.empty()) return problems.ToError();
  return core::OkStatus();
}

// The id of the stakeholder `id` named as a group's steward, or kInvalidArgument naming
// steward_id when there is none.
core::Result<std::int64_t> FindSteward(UnitOfWork& unit, std::int64_t id) {
  auto stakeholder = unit.Stakeholders().Find(id);
  if (!stakeholder.ok()) {
    if (stakeholder.error().code != core::ErrorCode::kNotFound) return std::move(stakeholder).error();
    return Error::Invalid("steward_id", "not_found", "no stakeholder with id " + std::to_string(id));
  }
  return stakeholder->id;
}

}  // namespace

core::Result<GroupView> GroupService::CreateGroup(const Context& context, const GroupInput& input) {
  std::optional<std::int64_t> steward_id;
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  if (context.IsAdmin()) {
    if (IsSet(input.steward_id)) {
      GOTONG_ASSIGN_OR_RETURN(steward_id, FindSteward(*unit, **input.steward_id));
    }
  } else {
    const auto& principal = context.principal;
    if (!principal || principal->role != Role::kOfficer || !principal->scope ||
        principal->scope->kind != ScopeKind::kStakeholder) {
      return Error::Denied("only admins and officers register groups");
    }
    if (Given(input.steward_id)) {
      return Error::Denied("only an admin chooses a group's steward; officers steward what they add");
    }
    steward_id = principal->scope->id;
  }
  Group group;
  group.steward_id = steward_id;
  GOTONG_RETURN_IF_ERROR(ApplyGroup(*unit, input, group, Today()));
  group.created_at = group.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(group.id, unit->Groups().Insert(group));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, group.created_at, "group", group.id,
                                       "create", std::nullopt, SnapshotOf(group)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return GetGroup(context, group.id);
}

core::Result<GroupView> GroupService::UpdateGroup(const Context& context, std::int64_t id,
                                                  const GroupInput& input) {
  {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
    GOTONG_ASSIGN_OR_RETURN(auto opened, OpenGroup(context, *unit, id, Today()));
    auto& [group, caller] = opened;
    GOTONG_RETURN_IF_ERROR(MayWrite(caller, group, Part::kProfile));
    auto before = SnapshotOf(group);
    if (Given(input.steward_id)) {
      if (!caller.admin) return Error::Denied("only an admin moves a group to another steward");
      group.steward_id.reset();
      if (IsSet(input.steward_id)) {
        GOTONG_ASSIGN_OR_RETURN(group.steward_id, FindSteward(*unit, **input.steward_id));
      }
    }
    GOTONG_RETURN_IF_ERROR(ApplyGroup(*unit, input, group, Today()));
    group.updated_at = clock_.Now();
    GOTONG_RETURN_IF_ERROR(unit->Groups().Update(group));
    GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, group.updated_at, "group", id,
                                         "update", std::move(before), SnapshotOf(group)));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
  }
  return GetGroup(context, id);
}

// ---- members ------------------------------------------------------------------------------

core::Result<core::Page<Membership>> GroupService::ListMembers(const Context& context,
                                                               std::int64_t group_id,
                                                               bool include_left,
                                                               const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Groups().ListMembers(group_id, include_left, page);
}

namespace {

// Applies a membership body (not the person) to `member`.
void ApplyMember(UnitOfWork& unit, Problems& problems, const MemberInput& input,
                 Membership& member, const core::Date& today) {
  bool creating = member.id == 0;
  if (Given(input.role)) {
    ApplyRequiredChoice(problems, input.role, true, "role", ParseMemberRole,
                        "role must be leader, secretary, treasurer or member", member.role);
  }
  if (Given(input.mentor)) {
    if (!IsSet(input.mentor)) {
      problems.Add("mentor", "required", "mentor must be true or false");
    } else {
      member.mentor = **input.mentor;
    }
  }
  if (Given(input.local_hero)) {
    if (!IsSet(input.local_hero)) {
      problems.Add("local_hero", "required", "local_hero must be true or false");
    } else {
      member.local_hero = **input.local_hero;
    }
  }
  if (Given(input.joined_on)) {
    if (!IsSet(input.joined_on)) {
      problems.Add("joined_on", "required", "joined_on is required");
    } else if (auto partial = ParsePartialDate(core::Trim(**input.joined_on))) {
      // A year or a month only (seed 000's Table 1 gives years): its first day, marked so.
      if (partial->first > today) {
        problems.Add("joined_on", "in_future", "joined_on " + std::string(core::Trim(**input.joined_on)) +
                                                   " is after today");
      } else {
        member.joined_on = partial->first;
        member.joined_precision = partial->second;
      }
    } else {
      problems.Add("joined_on", "invalid_format",
                   "joined_on must be a year (2017), a month (2017-03) or a date (2017-03-05)");
    }
  } else if (creating) {
    member.joined_on = today;
  }
  if (Given(input.left_on)) {
    member.left_on.reset();
    if (IsSet(input.left_on)) member.left_on = PastDate(problems, "left_on", **input.left_on, today);
  }
  if (member.left_on && *member.left_on < member.joined_on) {
    problems.Add("left_on", "before_joined", "left_on must not be before joined_on");
  }
  if (Given(input.enterprise_id) && member.person_id != 0) {
    member.enterprise_id.reset();
    if (IsSet(input.enterprise_id)) {
      auto enterprise = unit.Enterprises().Find(**input.enterprise_id);
      if (!enterprise.ok()) {
        problems.Add("enterprise_id", "not_found",
                     "no enterprise with id " + std::to_string(**input.enterprise_id));
      } else if (enterprise->owner_id != member.person_id) {
        problems.Add("enterprise_id", "not_owner", "this enterprise belongs to someone else");
      } else {
        member.enterprise_id = enterprise->id;
      }
    }
  }
  if (Given(input.user_id)) {
    member.user_id.reset();
    if (IsSet(input.user_id)) {
      auto user = unit.Users().Find(**input.user_id);
      if (!user.ok()) {
        problems.Add("user_id", "not_found", "no account with id " + std::to_string(**input.user_id));
      } else if (!user->scope || user->scope->kind != ScopeKind::kGroup ||
                 user->scope->id != member.group_id) {
        problems.Add("user_id", "wrong_scope",
                     "only an account scoped to this group can act as its member");
      } else {
        member.user_id = user->id;
      }
    }
  }
}

// The office a member holds: none once she has left.
struct Office {
  MemberRole role = MemberRole::kMember;
  bool mentor = false;
  bool operator==(const Office&) const = default;
};

Office OfficeOf(const Membership& member) {
  if (member.left_on) return {};
  return {member.role, member.mentor};
}

// The fields of the write that give or take an office.
std::vector<std::string> OfficeFields(const Membership& before, const Membership& after,
                                      const MemberInput& input) {
  std::vector<std::string> fields;
  if (Given(input.role) && before.role != after.role) fields.emplace_back("role");
  if (Given(input.mentor) && before.mentor != after.mentor) fields.emplace_back("mentor");
  if (before.left_on.has_value() != after.left_on.has_value()) fields.emplace_back("left_on");
  if (fields.empty()) fields.emplace_back("role");
  return fields;
}

core::Error DeniedFields(const std::vector<std::string>& fields, const std::string& code,
                         const std::string& message) {
  Error error = Error::Denied(message);
  for (const auto& field : fields) error.fields.push_back({field, code, message});
  return error;
}

// Who gives or takes an office (leader, secretary, treasurer, mentor) and who links a member to
// an account (issue 11): an admin, the steward's officers or the programme's facilitator; the
// group's leader gives or takes an office only by citing the group's agreed deliberation. Nobody
// changes her own office or her own account link, so a secretary cannot make herself leader.
core::Status CheckStanding(const Caller& caller, const Membership& before, const Membership& after,
                           const MemberInput& input, std::optional<std::int64_t> deliberation) {
  bool own = caller.member && before.id != 0 && caller.member->id == before.id;
  if (before.user_id != after.user_id) {
    if (own) {
      return DeniedFields({"user_id"}, "own_account", "nobody changes the account she acts with");
    }
    if (!caller.Overseer()) {
      return DeniedFields({"user_id"}, "not_allowed",
                          "only an admin, the group's officers or its programme's facilitator "
                          "link a member to an account");
    }
  }
  if (OfficeOf(before) == OfficeOf(after)) return core::OkStatus();
  auto fields = OfficeFields(before, after, input);
  if (own) return DeniedFields(fields, "own_office", "nobody changes her own office");
  if (caller.Overseer()) return core::OkStatus();
  if (caller.member && caller.member->role == MemberRole::kLeader) {
    if (deliberation) return core::OkStatus();
    return Error::Invalid("deliberation_id", "required",
                          "an office is given or taken by the group's agreed deliberation: "
                          "name it in deliberation_id");
  }
  return DeniedFields(fields, "not_allowed",
                      "only the group's leader, by an agreed deliberation, or an admin, the "
                      "group's officers or its programme's facilitator change an office");
}

// One leader, one secretary and one treasurer at a time.
core::Status CheckOffice(UnitOfWork& unit, const Membership& member) {
  if (member.role == MemberRole::kMember || member.left_on) return core::OkStatus();
  GOTONG_ASSIGN_OR_RETURN(auto holder, unit.Groups().OfficeHolder(member.group_id, member.role));
  if (holder && holder->id != member.id) {
    return Error{core::ErrorCode::kConflict,
                 "the group already has a " + std::string(ToString(member.role)) + ": " +
                     holder->person_name + "; change her or his role first",
                 {{"role", "office_taken",
                   "the group already has a " + std::string(ToString(member.role)) + ": " +
                       holder->person_name}},
                 std::nullopt, ""};
  }
  return core::OkStatus();
}

// Applies `input` to `member` and checks the change as a whole: its fields, the deliberation it
// cites, the caller's standing to make it and the offices it leaves. The cited deliberation's id.
core::Result<std::optional<std::int64_t>> ApplyMemberChange(UnitOfWork& unit, Problems& problems,
                                                            const Caller& caller,
                                                            const MemberInput& input,
                                                            const core::Date& today,
                                                            Membership& member) {
  const Membership before = member;
  ApplyMember(unit, problems, input, member, today);
  auto deliberation = CitedDeliberation(unit, problems, member.group_id, input.deliberation_id,
                                        std::nullopt, kOfficeRefusal);
  if (!problems.empty()) return problems.ToError();
  GOTONG_RETURN_IF_ERROR(CheckStanding(caller, before, member, input, deliberation));
  GOTONG_RETURN_IF_ERROR(CheckOffice(unit, member));
  return deliberation;
}

}  // namespace

core::Result<Membership> GroupService::AddMember(const Context& context, std::int64_t group_id,
                                                 const MemberInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kMembers));
  auto& [unit, group, caller, trail] = write;
  Problems problems;
  Membership member;
  member.group_id = group_id;
  if (IsSet(input.person_id) && input.person) {
    problems.Add("person_id", "invalid_value", "give either person_id or a new person, not both");
  } else if (!IsSet(input.person_id) && !input.person) {
    problems.Add("person_id", "required", "give person_id, or a new person to add");
  } else if (IsSet(input.person_id)) {
    // Beyond admins, a group reaches only the people its own stakeholder keeps.
    auto person = unit->People().Find(**input.person_id);
    if (!person.ok() && person.error().code != core::ErrorCode::kNotFound) {
      return std::move(person).error();
    }
    if (!person.ok() || (!caller.admin && person->steward_id != group.steward_id)) {
      problems.Add("person_id", "not_found",
                   "no person with id " + std::to_string(**input.person_id) +
                       " in this group's registry");
    } else {
      member.person_id = person->id;
    }
  } else if (IsSet(input.person->nik) && !caller.admin && !caller.steward) {
    problems.Add("person.nik", "not_allowed",
                 "only the stakeholder's officers record a NIK; leave it out");
  } else {
    // The new person is written in this unit; nothing is kept unless the member is valid too.
    auto person = registry_.AddPerson(*unit, context, *input.person, group.steward_id, "person.");
    if (!person.ok()) {
      if (person.error().code != core::ErrorCode::kInvalidArgument) return std::move(person).error();
      problems.Add(person.error());
    } else {
      member.person_id = person->id;
    }
  }
  GOTONG_ASSIGN_OR_RETURN(auto deliberation,
                          ApplyMemberChange(*unit, problems, caller, input, Today(), member));
  member.created_at = member.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(member.id, unit->Groups().InsertMember(member));
  audit::Snapshot after = SnapshotOf(member);
  if (deliberation) after.emplace_back("deliberation_id", *deliberation);
  GOTONG_RETURN_IF_ERROR(
      trail.Record("membership", member.id, "create", std::nullopt, std::move(after)));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Groups().FindMember(group_id, member.id));
  return write.Commit(std::move(saved));
}

core::Result<Membership> GroupService::UpdateMember(const Context& context, std::int64_t group_id,
                                                    std::int64_t member_id,
                                                    const MemberInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  // The programme's facilitator also keeps the members she accompanies (their offices and
  // accounts above all); she does not add people to the steward's registry.
  if (auto may = MayWrite(caller, group, Part::kMembers); !may.ok()) {
    if (!caller.facilitator || group.status == GroupStatus::kDissolved) return may.error();
  }
  GOTONG_ASSIGN_OR_RETURN(auto member, unit->Groups().FindMember(group_id, member_id));
  auto before = SnapshotOf(member);
  Problems problems;
  GOTONG_ASSIGN_OR_RETURN(auto deliberation,
                          ApplyMemberChange(*unit, problems, caller, input, Today(), member));
  member.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Groups().UpdateMember(member));
  auto after = SnapshotOf(member);
  if (deliberation) after.emplace_back("deliberation_id", *deliberation);
  GOTONG_RETURN_IF_ERROR(
      trail.Record("membership", member_id, "update", std::move(before), std::move(after)));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Groups().FindMember(group_id, member_id));
  return write.Commit(std::move(saved));
}

}  // namespace gotong::domain::groups
