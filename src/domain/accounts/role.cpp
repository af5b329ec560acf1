#include "domain/accounts/role.hpp"

namespace gotong::domain::accounts {

std::string_view ToString(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kOfficer: return "officer";
    case Role::kFacilitator: return "facilitator";
    case Role::kGroupLeader: return "group_leader";
    case Role::kMentor: return "mentor";
    case Role::kMember: return "member";
  }
  return "member";
}

std::optional<Role> ParseRole(std::string_view text) {
  for (Role role : kAllRoles) {
    if (ToString(role) == text) return role;
  }
  return std::nullopt;
}

std::string_view ToString(ScopeKind kind) {
  switch (kind) {
    case ScopeKind::kStakeholder: return "stakeholder";
    case ScopeKind::kProgramme: return "programme";
    case ScopeKind::kGroup: return "group";
  }
  return "group";
}

std::optional<ScopeKind> ParseScopeKind(std::string_view text) {
  for (ScopeKind kind : {ScopeKind::kStakeholder, ScopeKind::kProgramme, ScopeKind::kGroup}) {
    if (ToString(kind) == text) return kind;
  }
  return std::nullopt;
}

std::optional<ScopeKind> ScopeKindFor(Role role) {
  switch (role) {
    case Role::kAdmin: return std::nullopt;
    case Role::kOfficer: return ScopeKind::kStakeholder;
    case Role::kFacilitator: return ScopeKind::kProgramme;
    case Role::kGroupLeader:
    case Role::kMentor:
    case Role::kMember: return ScopeKind::kGroup;
  }
  return std::nullopt;
}

}  // namespace gotong::domain::accounts
