#include "domain/audit/audit.hpp"

namespace gotong::domain::audit {

Entry NewEntry(const accounts::Context& context, core::Instant at, std::string entity,
               std::string entity_id, std::string action) {
  Entry entry;
  entry.at = at;
  if (context.principal) {
    entry.actor_id = context.principal->user_id;
    entry.actor_username = context.principal->username;
  } else {
    entry.actor_username = context.system ? "system" : "anonymous";
  }
  entry.entity = std::move(entity);
  entry.entity_id = std::move(entity_id);
  entry.action = std::move(action);
  entry.request_id = context.request_id;
  return entry;
}

core::Status Record(AuditLog& log, const accounts::Context& context, core::Instant at,
                    std::string entity, std::string entity_id, std::string action,
                    std::optional<Snapshot> before, std::optional<Snapshot> after) {
  Entry entry = NewEntry(context, at, std::move(entity), std::move(entity_id), std::move(action));
  entry.before = std::move(before);
  entry.after = std::move(after);
  return log.Append(entry);
}

core::Status Record(AuditLog& log, const accounts::Context& context, core::Instant at,
                    std::string entity, std::int64_t id, std::string action,
                    std::optional<Snapshot> before, std::optional<Snapshot> after) {
  return Record(log, context, at, std::move(entity), std::to_string(id), std::move(action),
                std::move(before), std::move(after));
}

}  // namespace gotong::domain::audit
