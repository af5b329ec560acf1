#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace gotong::domain::accounts {

enum class Role { kAdmin, kOfficer, kFacilitator, kGroupLeader, kMentor, kMember };

inline constexpr Role kAllRoles[] = {Role::kAdmin,       Role::kOfficer, Role::kFacilitator,
                                     Role::kGroupLeader, Role::kMentor,  Role::kMember};

std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view text);

// What a user's rights are bounded by: the stakeholder they work for (officers), the programme
// they facilitate, or the group they lead, mentor or belong to.
enum class ScopeKind { kStakeholder, kProgramme, kGroup };

std::string_view ToString(ScopeKind kind);
std::optional<ScopeKind> ParseScopeKind(std::string_view text);

struct Scope {
  ScopeKind kind = ScopeKind::kGroup;
  std::int64_t id = 0;
  friend bool operator==(const Scope&, const Scope&) = default;
};

// The one kind of scope a role may carry; admins carry none.
std::optional<ScopeKind> ScopeKindFor(Role role);

}  // namespace gotong::domain::accounts
