#include "api/dto.hpp"

#include "core/time.hpp"

namespace json = boost::json;

namespace gotong::domain::accounts {

void tag_invoke(json::value_from_tag, json::value& out, const User& user) {
  json::value scope = nullptr;
  if (user.scope) {
    scope = json::object{{"kind", ToString(user.scope->kind)}, {"id", user.scope->id}};
  }
  out = json::object{{"id", user.id},
                     {"username", user.username},
                     {"display_name", user.display_name},
                     {"role", ToString(user.role)},
                     {"scope", std::move(scope)},
                     {"disabled", user.disabled},
                     {"created_at", core::FormatInstant(user.created_at)}};
}

}  // namespace gotong::domain::accounts

namespace gotong::domain::regions {

void tag_invoke(json::value_from_tag, json::value& out, const Region& region) {
  json::array path;
  for (const auto& item : region.path) {
    path.push_back(json::object{{"code", item.code}, {"name", item.name}});
  }
  json::value parent = nullptr;
  if (region.parent_code) parent = json::string(*region.parent_code);
  out = json::object{{"code", region.code},
                     {"name", region.name},
                     {"level", ToString(region.level)},
                     {"parent_code", std::move(parent)},
                     {"has_children", region.has_children},
                     {"path", std::move(path)}};
}

}  // namespace gotong::domain::regions

namespace gotong::domain::audit {
namespace {

json::value SnapshotJson(const std::optional<Snapshot>& snapshot) {
  if (!snapshot) return nullptr;
  json::object object;
  for (const auto& [key, value] : *snapshot) {
    std::visit(
        [&, k = key](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::nullptr_t>) {
            object[k] = nullptr;
          } else {
            object[k] = v;
          }
        },
        value);
  }
  return object;
}

}  // namespace

void tag_invoke(json::value_from_tag, json::value& out, const Entry& entry) {
  json::value actor = nullptr;
  if (entry.actor_id) {
    actor = json::object{{"id", *entry.actor_id}, {"username", entry.actor_username}};
  }
  out = json::object{{"id", entry.id},
                     {"at", core::FormatInstant(entry.at)},
                     {"actor", std::move(actor)},
                     {"entity", entry.entity},
                     {"entity_id", entry.entity_id},
                     {"action", entry.action},
                     {"before", SnapshotJson(entry.before)},
                     {"after", SnapshotJson(entry.after)},
                     {"request_id", entry.request_id}};
}

}  // namespace gotong::domain::audit
