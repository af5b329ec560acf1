#include "domain/programmes/programme_reach.hpp"

#include <algorithm>
#include <string>

#include "domain/groups/group_access.hpp"
#include "domain/service.hpp"

namespace gotong::domain::programmes {
namespace {

core::Result<bool> GroupEnrolled(UnitOfWork& unit, std::int64_t programme_id, std::int64_t group_id) {
  EnrolmentFilter filter;
  filter.programme_id = programme_id;
  filter.group_id = group_id;
  filter.current_only = true;
  GOTONG_ASSIGN_OR_RETURN(auto found, unit.Enrolments().List(filter, {1, 0}));
  return found.total > 0;
}

}  // namespace

bool IsPartner(const Programme& programme, std::int64_t stakeholder_id) {
  return programme.owner_id == stakeholder_id ||
         std::any_of(programme.partners.begin(), programme.partners.end(),
                     [&](const Partner& p) { return p.stakeholder_id == stakeholder_id; });
}

core::Result<ProgrammeReach> ReachOf(const Context& context, UnitOfWork& unit, const Programme& programme,
                                     const core::Date& today) {
  if (context.IsAdmin()) return ProgrammeReach{true, true};
  if (!context.principal || !context.principal->scope) return ProgrammeReach{};
  const auto& principal = *context.principal;
  const auto& scope = *principal.scope;
  switch (scope.kind) {
    case ScopeKind::kStakeholder:
      if (principal.role != Role::kOfficer) return ProgrammeReach{};
      if (scope.id == programme.owner_id) return ProgrammeReach{true, true};
      return ProgrammeReach{IsPartner(programme, scope.id), false};
    case ScopeKind::kProgramme:
      return ProgrammeReach{scope.id == programme.id, false};
    case ScopeKind::kGroup: {
      GOTONG_ASSIGN_OR_RETURN(bool acts, groups::ActsInItsGroup(context, unit, today));
      if (!acts) return ProgrammeReach{};
      GOTONG_ASSIGN_OR_RETURN(bool enrolled, GroupEnrolled(unit, programme.id, scope.id));
      return ProgrammeReach{enrolled, false};
    }
  }
  return ProgrammeReach{};
}

core::Result<std::pair<Programme, ProgrammeReach>> OpenProgramme(const Context& context, UnitOfWork& unit,
                                                                 std::int64_t id, const core::Date& today,
                                                                 bool lock) {
  if (!context.system && !context.principal) return Error::Denied("sign in first");
  if (lock) GOTONG_RETURN_IF_ERROR(unit.Programmes().Lock(id));
  GOTONG_ASSIGN_OR_RETURN(auto programme, unit.Programmes().Find(id));
  GOTONG_ASSIGN_OR_RETURN(auto reach, ReachOf(context, unit, programme, today));
  if (!reach.read) return Error::NotFound("no programme with id " + std::to_string(id));
  return std::make_pair(std::move(programme), reach);
}

core::Status MayManage(const ProgrammeReach& reach, std::string_view what) {
  if (!reach.manage) {
    return Error::Denied("only an admin or an officer of the programme's owner may " + std::string(what));
  }
  return core::OkStatus();
}

}  // namespace gotong::domain::programmes
