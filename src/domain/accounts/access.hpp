#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "domain/accounts/role.hpp"

namespace gotong::domain::accounts {

// The authenticated caller of a use case.
struct Principal {
  std::int64_t user_id = 0;
  std::string username;
  Role role = Role::kMember;
  std::optional<Scope> scope;
};

// Who owns a record: later contexts fill this from the record (an enterprise's stakeholder, a
// group's programmes, ...). A record may be owned through several routes at once.
struct Ownership {
  std::vector<std::int64_t> stakeholder_ids;
  std::vector<std::int64_t> programme_ids;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> user_id;  // the account the record belongs to personally
};

bool HasRole(const Principal& principal, std::initializer_list<Role> roles);

// True when the principal's scope reaches the record: admins reach everything; everyone reaches
// their own records; otherwise the scope must name one of the record's owners.
bool Reaches(const Principal& principal, const Ownership& ownership);

// Who may call a use case (the call context: a signed-in principal or the local operator).
struct Context {
  std::optional<Principal> principal;
  // The operator at the server's console (gotong user add, demo): trusted like an admin.
  bool system = false;
  std::string request_id;
  std::string client_address;

  static Context System(std::string request_id = "cli");
  bool IsAdmin() const;
  // The caller's account, as a record names who made it; none for the console operator.
  std::optional<std::int64_t> UserId() const;
};

}  // namespace gotong::domain::accounts
