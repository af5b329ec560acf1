#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/role.hpp"
#include "domain/audit/audit.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::accounts {

struct User {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::kMember;
  std::optional<Scope> scope;
  std::string password_hash;
  bool disabled = false;
  core::Instant created_at{};
  core::Instant updated_at{};
};

// The audit view of a user: every field except the password hash.
audit::Snapshot SnapshotOf(const User& user);

struct Session {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string token_hash;  // SHA-256 of the cookie value; the value itself is never stored
  std::string csrf_token;
  core::Instant created_at{};
  core::Instant last_seen_at{};
  std::optional<core::Instant> revoked_at;
  std::string client_address;
};

struct ApiToken {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string name;
  std::string token_hash;
  core::Instant created_at{};
  std::optional<core::Instant> revoked_at;
};

// Insert answers kAlreadyExists (field "username") when the name is taken.
class UserRepository : public RecordRepository<User> {
 public:
  virtual core::Result<User> FindByUsername(const std::string& username) = 0;
  virtual core::Result<core::Page<User>> List(const core::PageRequest& page) = 0;
  // The active (not disabled) facilitators scoped to a programme, by display name.
  virtual core::Result<std::vector<User>> FacilitatorsOf(std::int64_t programme_id) = 0;
};

class SessionRepository {
 public:
  virtual ~SessionRepository() = default;
  virtual core::Result<std::int64_t> Insert(const Session& session) = 0;
  virtual core::Result<Session> FindByTokenHash(const std::string& token_hash) = 0;
  virtual core::Status Touch(std::int64_t id, core::Instant at) = 0;
  virtual core::Status Revoke(std::int64_t id, core::Instant at) = 0;
  // Revokes every live session of the user but `keep` (the caller's own, when changing a password).
  virtual core::Status RevokeAllOfUser(std::int64_t user_id, core::Instant at,
                                       std::optional<std::int64_t> keep) = 0;
};

class ApiTokenRepository {
 public:
  virtual ~ApiTokenRepository() = default;
  virtual core::Result<std::int64_t> Insert(const ApiToken& token) = 0;
  virtual core::Result<ApiToken> FindByTokenHash(const std::string& token_hash) = 0;
  // The user's tokens, newest first, revoked ones too (token_hash left empty).
  virtual core::Result<std::vector<ApiToken>> OfUser(std::int64_t user_id) = 0;
  // Sets revoked_at unless it is set; false when the user has no such token.
  virtual core::Result<bool> Revoke(std::int64_t user_id, std::int64_t id, core::Instant at) = 0;
};

// Password hashing and secret tokens; implemented with libsodium in src/crypto.
class PasswordHasher {
 public:
  virtual ~PasswordHasher() = default;
  virtual core::Result<std::string> Hash(const std::string& password) = 0;
  virtual bool Verify(const std::string& hash, const std::string& password) = 0;
};

class SecretGenerator {
 public:
  virtual ~SecretGenerator() = default;
  // 256 random bits, URL-safe text.
  virtual std::string NewToken() = 0;
  // A one-way digest of a token, for storage.
  virtual std::string Digest(const std::string& token) = 0;
};

}  // namespace gotong::domain::accounts
