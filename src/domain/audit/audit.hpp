#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/accounts/access.hpp"

namespace gotong::domain::audit {

using Value = std::variant<std::nullptr_t, bool, std::int64_t, std::string>;
// A record's fields as they were before or after a change; secrets are never put here.
using Snapshot = std::vector<std::pair<std::string, Value>>;

// An optional field as a snapshot holds it: null when absent, a date as written ("2026-01-31").
inline Value Nullable(const std::optional<std::string>& value) {
  return value ? Value(*value) : Value(nullptr);
}
inline Value Nullable(const std::optional<std::int64_t>& value) {
  return value ? Value(*value) : Value(nullptr);
}
inline Value Nullable(const std::optional<core::Date>& value) {
  return value ? Value(value->ToString()) : Value(nullptr);
}

struct Entry {
  std::int64_t id = 0;
  core::Instant at{};
  std::optional<std::int64_t> actor_id;
  std::string actor_username;  // "system" for the console operator
  std::string entity;          // "user", "session", ...
  std::string entity_id;
  std::string action;          // "create", "update", "login", ...
  std::optional<Snapshot> before;
  std::optional<Snapshot> after;
  std::string request_id;
};

// Who made a change: a user, or no account at all (the console operator and the writes the
// system makes by itself, such as the demo's), which the API names "system".
struct Actor {
  std::optional<std::int64_t> user_id{};  // nullopt: no account
  friend bool operator==(const Actor&, const Actor&) = default;
};

// Every part optional and all of them combined; `{"person", "12"}` still reads one record's entries.
struct Filter {
  std::optional<std::string> entity{};
  std::optional<std::string> entity_id{};
  std::optional<Actor> actor{};
  std::optional<core::Instant> since{};   // at or after
  std::optional<core::Instant> before{};  // strictly before
};

// The append-only audit log (every write appends to it in the write's own transaction).
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual core::Status Append(const Entry& entry) = 0;
  virtual core::Result<core::Page<Entry>> List(const Filter& filter,
                                               const core::PageRequest& page) = 0;
};

// An entry for `context`'s caller, stamped `at`; the caller fills before/after.
Entry NewEntry(const accounts::Context& context, core::Instant at, std::string entity,
               std::string entity_id, std::string action);

// Appends to `log` that `context`'s caller did `action` at `at` to record `entity_id` of
// `entity`: the record as it was before (none for a creation) and after (none for a removal).
// Every write records itself this way, in its own transaction.
core::Status Record(AuditLog& log, const accounts::Context& context, core::Instant at,
                    std::string entity, std::string entity_id, std::string action,
                    std::optional<Snapshot> before, std::optional<Snapshot> after);
// The same for record number `id`.
core::Status Record(AuditLog& log, const accounts::Context& context, core::Instant at,
                    std::string entity, std::int64_t id, std::string action,
                    std::optional<Snapshot> before, std::optional<Snapshot> after);

}  // namespace gotong::domain::audit
