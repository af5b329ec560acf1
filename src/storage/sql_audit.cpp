#include <boost/json.hpp>

#include "sql_internal.hpp"
#include "sql_repositories.hpp"

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

std::optional<Snapshot> FromJson(const std::string& text, soci::indicator indicator) {
  if (indicator != soci::i_ok) return std::nullopt;
  Snapshot snapshot;
  json::error_code ec;
  json::value value = json::parse(text, ec);
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

}  // namespace

core::Status SqlAuditLog::Append(const Entry& entry) {
  return Guard("append audit entry", [&]() -> core::Status {
    std::string at = Text(entry.at);
    long long actor = entry.actor_id.value_or(0);
    soci::indicator actor_ind = entry.actor_id ? soci::i_ok : soci::i_null;
    std::string before = entry.before ? ToJson(*entry.before) : std::string();
    std::string after = entry.after ? ToJson(*entry.after) : std::string();
    soci::indicator before_ind = entry.before ? soci::i_ok : soci::i_null;
    soci::indicator after_ind = entry.after ? soci::i_ok : soci::i_null;
    Query query(sql_);
    query.Use(at).Use(actor, actor_ind).Use(entry.actor_username).Use(entry.entity)
        .Use(entry.entity_id).Use(entry.action).Use(before, before_ind).Use(after, after_ind)
        .Use(entry.request_id);
    query.Run(
        "INSERT INTO audit_log (at, actor_id, actor_username, entity, entity_id, action, "
        "before_json, after_json, request_id) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i)");
    return core::OkStatus();
  });
}

core::Result<core::Page<Entry>> SqlAuditLog::List(const domain::audit::Filter& filter,
                                                  const core::PageRequest& page) {
  return Guard("list audit log", [&]() -> core::Result<core::Page<Entry>> {
    Params params;
    std::string where = " FROM audit_log WHERE 1 = 1";
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
    long long id = 0, actor = 0;
    std::string at, actor_username, entity, entity_id, action, before, after, request_id;
    soci::indicator actor_ind = soci::i_null, before_ind = soci::i_null, after_ind = soci::i_null;
    return PagedQuery<Entry>(
        sql_, page,
        "id, at, actor_id, actor_username, entity, entity_id, action, before_json, after_json, "
        "request_id",
        where, params, "id DESC",
        [&](Query& query) {
          query.Into(id).Into(at).Into(actor, actor_ind).Into(actor_username).Into(entity)
              .Into(entity_id).Into(action).Into(before, before_ind).Into(after, after_ind)
              .Into(request_id);
        },
        [&] {
          Entry entry;
          entry.id = id;
          entry.at = InstantFrom(at);
          if (actor_ind == soci::i_ok) entry.actor_id = actor;
          entry.actor_username = actor_username;
          entry.entity = entity;
          entry.entity_id = entity_id;
          entry.action = action;
          entry.before = FromJson(before, before_ind);
          entry.after = FromJson(after, after_ind);
          entry.request_id = request_id;
          return entry;
        });
  });
}

}  // namespace gotong::storage::internal
