#include "domain/accounts/access.hpp"

#include <algorithm>

namespace gotong::domain::accounts {

bool HasRole(const Principal& principal, std::initializer_list<Role> roles) {
  return std::find(roles.begin(), roles.end(), principal.role) != roles.end();
}

bool Reaches(const Principal& principal, const Ownership& ownership) {
  if (principal.role == Role::kAdmin) return true;
  if (ownership.user_id && *ownership.user_id == principal.user_id) return true;
  if (!principal.scope) return false;
  const Scope& scope = *principal.scope;
  auto contains = [&](const std::vector<std::int64_t>& ids) {
    return std::find(ids.begin(), ids.end(), scope.id) != ids.end();
  };
  switch (scope.kind) {
    case ScopeKind::kStakeholder: return contains(ownership.stakeholder_ids);
    case ScopeKind::kProgramme: return contains(ownership.programme_ids);
    case ScopeKind::kGroup: return ownership.group_id && *ownership.group_id == scope.id;
  }
  return false;
}

Context Context::System(std::string request_id) {
  Context context;
  context.system = true;
  context.request_id = std::move(request_id);
  return context;
}

bool Context::IsAdmin() const {
  return system || (principal && principal->role == Role::kAdmin);
}

std::optional<std::int64_t> Context::UserId() const {
  if (principal) return principal->user_id;
  return std::nullopt;
}

}  // namespace gotong::domain::accounts
