#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

// Retry-safe writes (IETF draft httpapi-idempotency-key-header): a client sends a key with a
// write; the same key from the same user within the retention period gets the first answer back
// and writes nothing again.
namespace gotong::domain::idempotency {

// The first answer, kept to be sent again.
struct StoredResponse {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

struct Record {
  std::int64_t user_id = 0;
  std::string key;
  // Identifies the request the key was first used for (method, target, body); a different
  // request under the same key is refused.
  std::string fingerprint;
  core::Instant created_at{};
  std::optional<StoredResponse> response;  // empty while the first request is being processed
};

class IdempotencyRepository {
 public:
  virtual ~IdempotencyRepository() = default;
  // Inserts an in-progress record; false (and nothing written) when the user's key exists.
  virtual core::Result<bool> Insert(const Record& record) = 0;
  virtual core::Result<std::optional<Record>> Find(std::int64_t user_id,
                                                   const std::string& key) = 0;
  virtual core::Status Complete(std::int64_t user_id, const std::string& key,
                                const StoredResponse& response) = 0;
  virtual core::Status Remove(std::int64_t user_id, const std::string& key) = 0;
  // Removes the records created before `before`; returns how many.
  virtual core::Result<std::int64_t> RemoveCreatedBefore(core::Instant before) = 0;
};

// A key's syntax: 1 to 255 visible ASCII characters (a UUID fits); the header's surrounding
// quotes (a structured-field string) are taken off first. Returns the key, or the error naming
// the header.
core::Result<std::string> ParseKey(std::string_view header);

}  // namespace gotong::domain::idempotency
