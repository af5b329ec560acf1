#pragma once

#include <soci/soci.h>

#include "domain/accounts/user.hpp"
#include "domain/audit/audit.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/regions/region.hpp"
#include "storage/migrations.hpp"

namespace gotong::storage::internal {

class SqlUserRepository final : public domain::accounts::UserRepository {
 public:
  explicit SqlUserRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::accounts::User& user) override;
  core::Status Update(const domain::accounts::User& user) override;
  core::Result<domain::accounts::User> Find(std::int64_t id) override;
  core::Result<domain::accounts::User> FindByUsername(const std::string& username) override;
  core::Result<core::Page<domain::accounts::User>> List(const core::PageRequest& page) override;
  core::Result<std::vector<domain::accounts::User>> FacilitatorsOf(std::int64_t programme_id) override;

 private:
  soci::session& sql_;
};

class SqlSessionRepository final : public domain::accounts::SessionRepository {
 public:
  explicit SqlSessionRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::accounts::Session& session) override;
  core::Result<domain::accounts::Session> FindByTokenHash(const std::string& token_hash) override;
  core::Status Touch(std::int64_t id, core::Instant at) override;
  core::Status Revoke(std::int64_t id, core::Instant at) override;
  core::Status RevokeAllOfUser(std::int64_t user_id, core::Instant at,
                               std::optional<std::int64_t> keep) override;

 private:
  soci::session& sql_;
};

class SqlApiTokenRepository final : public domain::accounts::ApiTokenRepository {
 public:
  explicit SqlApiTokenRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::accounts::ApiToken& token) override;
  core::Result<domain::accounts::ApiToken> FindByTokenHash(const std::string& token_hash) override;
  core::Result<std::vector<domain::accounts::ApiToken>> OfUser(std::int64_t user_id) override;
  core::Result<bool> Revoke(std::int64_t user_id, std::int64_t id, core::Instant at) override;

 private:
  soci::session& sql_;
};

class SqlAuditLog final : public domain::audit::AuditLog {
 public:
  explicit SqlAuditLog(soci::session& sql) : sql_(sql) {}
  core::Status Append(const domain::audit::Entry& entry) override;
  core::Result<core::Page<domain::audit::Entry>> List(const domain::audit::Filter& filter,
                                                      const core::PageRequest& page) override;

 private:
  soci::session& sql_;
};

class SqlIdempotencyRepository final : public domain::idempotency::IdempotencyRepository {
 public:
  explicit SqlIdempotencyRepository(soci::session& sql) : sql_(sql) {}
  core::Result<bool> Insert(const domain::idempotency::Record& record) override;
  core::Result<std::optional<domain::idempotency::Record>> Find(std::int64_t user_id,
                                                                const std::string& key) override;
  core::Status Complete(std::int64_t user_id, const std::string& key,
                        const domain::idempotency::StoredResponse& response) override;
  core::Status Remove(std::int64_t user_id, const std::string& key) override;
  core::Result<std::int64_t> RemoveCreatedBefore(core::Instant before) override;

 private:
  soci::session& sql_;
};

class SqlRegionRepository final : public domain::regions::RegionRepository {
 public:
  SqlRegionRepository(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {}
  core::Result<core::Page<domain::regions::Region>> Children(
      const std::optional<std::string>& parent, const core::PageRequest& page) override;
  core::Result<core::Page<domain::regions::Region>> Search(const std::string& needle,
                                                           const core::PageRequest& page) override;
  core::Result<domain::regions::Region> Get(const std::string& code) override;
  core::Result<std::vector<domain::regions::Region>> Find(const std::vector<std::string>& codes) override;
  core::Result<std::vector<domain::regions::PathItem>> Names(
      const std::vector<std::string>& codes) override;
  core::Result<std::int64_t> Count() override;
  core::Result<std::vector<std::string>> CodesAt(domain::regions::Level level) override;
  core::Status ReplaceAll(const std::vector<domain::regions::RegionRecord>& records) override;

 private:
  core::Status CopyPostgres(const std::vector<domain::regions::RegionRecord>& records);

  soci::session& sql_;
  Dialect dialect_;
};

}  // namespace gotong::storage::internal
