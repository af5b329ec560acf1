#include "domain/accounts/role.hpp"

#include "core/names.hpp"

namespace gotong::domain::accounts {
namespace {

constexpr core::Names<Role, 6> kRoles = {{
    {"admin", Role::kAdmin}, {"officer", Role::kOfficer}, {"facilitator", Role::kFacilitator},
    {"group_leader", Role::kGroupLeader}, {"mentor", Role::kMentor}, {"member", Role::kMember}}};

constexpr core::Names<ScopeKind, 3> kScopeKinds = {{
    {"stakeholder", ScopeKind::kStakeholder}, {"programme", ScopeKind::kProgramme},
    {"group", ScopeKind::kGroup}}};

}  // namespace

std::string_view ToString(Role role) { return core::NameOf(role, kRoles); }
std::optional<Role> ParseRole(std::string_view text) { return core::ValueNamed(text, kRoles); }

std::string_view ToString(ScopeKind kind) { return core::NameOf(kind, kScopeKinds); }
std::optional<ScopeKind> ParseScopeKind(std::string_view text) {
  return core::ValueNamed(text, kScopeKinds);
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
