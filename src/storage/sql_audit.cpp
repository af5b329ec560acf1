#include <boost/json.hpp>

#include "storage/sql_repositories.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

namespace json = boost::json;
using domain::audit::Entry;
using domain::audit::Snapshot;

std::string ToJson(const Snapshot& snapshot) {
  json::object object;
  for (const auto& [key, value] : snapshot) {
    std::visit(
        [&, k = key](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::nullptr_t>) {
            object[k] = nullptr;
          } else {
            object[k] = v;
          }
        },
        value);
  }
  return json::serialize(object);
}

std::optional<Snapshot> FromJson(const Cell& cell) {
  if (cell.IsNull()) return std::nullopt;
  Snapshot snapshot;
  json::error_code ec;
  json::value value = json::parse(cell.text, ec);
  if (ec || !value.is_object()) return snapshot;
  for (const auto& [key, field] : value.as_object()) {
    std::string name(key);
    if (field.is_null()) {
      snapshot.emplace_back(name, nullptr);
    } else if (field.is_bool()) {
      snapshot.emplace_back(name, field.as_bool());
    } else if (field.is_int64()) {
      snapshot.emplace_back(name, field.as_int64());
    } else if (field.is_string()) {
      snapshot.emplace_back(name, std::string(field.as_string()));
    } else {
      snapshot.emplace_back(name, json::serialize(field));
    }
  }
  return snapshot;
}

// An entry is written once, never updated.
constexpr Column<Entry> kEntryColumns[] = {
    Member<&Entry::id>("id"),
    Field<&Entry::at>("at"),
    Field<&Entry::actor_id>("actor_id"),
    Field<&Entry::actor_username>("actor_username"),
    Field<&Entry::entity>("entity"),
    Field<&Entry::entity_id>("entity_id"),
    Field<&Entry::action>("action"),
    {"before_json", CellKind::kText,
     [](Entry& entry, const Cell& cell, std::string_view) { entry.before = FromJson(cell); },
     [](const Entry& entry, Cell& cell) {
       if (entry.before) cell.SetText(ToJson(*entry.before));
     },
     Written::kAlways},
    {"after_json", CellKind::kText,
     [](Entry& entry, const Cell& cell, std::string_view) { entry.after = FromJson(cell); },
     [](const Entry& entry, Cell& cell) {
       if (entry.after) cell.SetText(ToJson(*entry.after));
     },
     Written::kAlways},
    Field<&Entry::request_id>("request_id"),
};
constexpr RecordTable<Entry> kEntryTable{kEntryColumns, " FROM audit_log", "audit_log",
                                         "audit entry"};

}  // namespace

core::Status SqlAuditLog::Append(const Entry& entry) {
  return Guard("append audit entry", [&]() -> core::Status {
    InsertRecord<Entry>(sql_, "audit_log", kEntryColumns, entry);
    return core::OkStatus();
  });
}

core::Result<core::Page<Entry>> SqlAuditLog::List(const domain::audit::Filter& filter,
                                                  const core::PageRequest& page) {
  return Guard("list audit log", [&]() -> core::Result<core::Page<Entry>> {
    Params params;
    std::string where = " WHERE 1 = 1";
    if (filter.entity) {
      where += " AND entity = ";
      params.Text(where, *filter.entity);
    }
    if (filter.entity_id) {
      where += " AND entity_id = ";
      params.Text(where, *filter.entity_id);
    }
    if (filter.actor && filter.actor->user_id) {
      where += " AND actor_id = ";
      params.Number(where, *filter.actor->user_id);
    } else if (filter.actor) {
      where += " AND actor_id IS NULL";
    }
    // `at` is written "2026-11-23T08:51:00Z" throughout, so text order is time order.
    if (filter.since) {
      where += " AND at >= ";
      params.Text(where, Text(*filter.since));
    }
    if (filter.before) {
      where += " AND at < ";
      params.Text(where, Text(*filter.before));
    }
    return PagedRecords(sql_, page, kEntryTable, where, params, "id DESC");
  });
}

}  // namespace gotong::storage::internal
