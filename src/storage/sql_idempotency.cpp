#include <boost/json.hpp>

#include "storage/sql_repositories.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

namespace json = boost::json;
using domain::idempotency::Record;
using domain::idempotency::StoredResponse;

std::string HeadersJson(const StoredResponse& response) {
  json::array pairs;
  for (const auto& [name, value] : response.headers) pairs.push_back(json::array{name, value});
  return json::serialize(pairs);
}

std::vector<std::pair<std::string, std::string>> HeadersFrom(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> headers;
  json::error_code ec;
  auto value = json::parse(text, ec);
  if (ec || !value.is_array()) return headers;
  for (const auto& pair : value.as_array()) {
    const auto* items = pair.if_array();
    if (!items || items->size() != 2 || !(*items)[0].is_string() || !(*items)[1].is_string())
      continue;
    headers.emplace_back(std::string((*items)[0].as_string()),
                         std::string((*items)[1].as_string()));
  }
  return headers;
}

// A key's row but for its owner and the key, which the caller looking it up holds. The answer is
// kept once its status is: the status makes it, the headers and the body complete it.
constexpr Column<Record> kKeyColumns[] = {
    Member<&Record::fingerprint>("fingerprint"),
    Member<&Record::created_at>("created_at"),
    {"status", CellKind::kNumber,
     [](Record& record, const Cell& cell, std::string_view) {
       if (!cell.IsNull()) record.response.emplace().status = static_cast<int>(cell.number);
     }},
    {"headers", CellKind::kText,
     [](Record& record, const Cell& cell, std::string_view) {
       if (record.response && !cell.IsNull()) record.response->headers = HeadersFrom(cell.text);
     }},
    PartMember<&Record::response, &StoredResponse::body>("body"),
};

}  // namespace

core::Result<bool> SqlIdempotencyRepository::Insert(const Record& record) {
  return Guard("claim an idempotency key", [&]() -> core::Result<bool> {
    long long user = record.user_id;
    std::string at = Text(record.created_at);
    Query query(sql_);
    query.Use(user).Use(record.key).Use(record.fingerprint).Use(at);
    query.Run(
        "INSERT INTO idempotency_keys (user_id, idem_key, fingerprint, created_at) "
        "VALUES (:u, :k, :f, :a) ON CONFLICT DO NOTHING");
    return query.AffectedRows() == 1;
  });
}

core::Result<std::optional<Record>> SqlIdempotencyRepository::Find(std::int64_t user_id,
                                                                   const std::string& key) {
  return Guard("read an idempotency key", [&]() -> core::Result<std::optional<Record>> {
    long long user = user_id;
    RowReader<Record> row(kKeyColumns);
    Query query(sql_);
    row.Bind(query);
    query.Use(user).Use(key);
    if (!query.Run("SELECT " + SelectList<Record>(kKeyColumns) +
                   " FROM idempotency_keys WHERE user_id = :u AND idem_key = :k")) {
      return std::optional<Record>();
    }
    Record record = row.Get();
    record.user_id = user_id;
    record.key = key;
    return std::optional<Record>(std::move(record));
  });
}

core::Status SqlIdempotencyRepository::Complete(std::int64_t user_id, const std::string& key,
                                                const StoredResponse& response) {
  return Guard("keep an idempotent answer", [&]() -> core::Status {
    long long user = user_id;
    int status = response.status;
    std::string headers = HeadersJson(response);
    Query query(sql_);
    query.Use(status).Use(headers).Use(response.body).Use(user).Use(key);
    query.Run(
        "UPDATE idempotency_keys SET status = :s, headers = :h, body = :b "
        "WHERE user_id = :u AND idem_key = :k");
    return core::OkStatus();
  });
}

core::Status SqlIdempotencyRepository::Remove(std::int64_t user_id, const std::string& key) {
  return Guard("forget an idempotency key", [&]() -> core::Status {
    long long user = user_id;
    Query query(sql_);
    query.Use(user).Use(key);
    query.Run("DELETE FROM idempotency_keys WHERE user_id = :u AND idem_key = :k");
    return core::OkStatus();
  });
}

core::Result<std::int64_t> SqlIdempotencyRepository::RemoveCreatedBefore(core::Instant before) {
  return Guard("forget old idempotency keys", [&]() -> core::Result<std::int64_t> {
    std::string at = Text(before);
    Query query(sql_);
    query.Use(at);
    query.Run("DELETE FROM idempotency_keys WHERE created_at < :a");
    return static_cast<std::int64_t>(query.AffectedRows());
  });
}

}  // namespace gotong::storage::internal
