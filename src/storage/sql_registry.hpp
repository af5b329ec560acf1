#pragma once

// The registry's SOCI repositories; not part of storage's public interface.

#include <soci/soci.h>

#include "domain/registry/import.hpp"
#include "domain/registry/registry.hpp"
#include "storage/migrations.hpp"
#include "storage/sql_record_repository.hpp"

namespace gotong::storage::internal {

// What `q` searches: lower-cased name, owner and NIB, separated by U+001F.
std::string SearchText(const std::string& name, const std::string& owner_name,
                       const std::optional<std::string>& nib);

class SqlStakeholderRepository final
    : public SqlRecordRepository<domain::registry::StakeholderRepository,
                                 domain::registry::Stakeholder> {
 public:
  explicit SqlStakeholderRepository(soci::session& sql);
  core::Result<core::Page<domain::registry::Stakeholder>> List(
      std::optional<domain::registry::Helix> helix,
      std::optional<domain::registry::StakeholderKind> kind, const std::optional<std::string>& q,
      const core::PageRequest& page) override;
};

class SqlPersonRepository final
    : public SqlRecordRepository<domain::registry::PersonRepository, domain::registry::Person> {
 public:
  explicit SqlPersonRepository(soci::session& sql);
  core::Result<core::Page<domain::registry::Person>> List(const std::optional<std::string>& region,
                                                          const std::optional<std::string>& q,
                                                          const core::PageRequest& page) override;
};

class SqlEnterpriseRepository final
    : public SqlRecordRepository<domain::registry::EnterpriseRepository,
                                 domain::registry::Enterprise> {
 public:
  explicit SqlEnterpriseRepository(soci::session& sql);
  core::Result<core::Page<domain::registry::Enterprise>> List(
      const domain::registry::EnterpriseFilter& filter, domain::registry::EnterpriseSort sort,
      const core::PageRequest& page) override;
  core::Status ForEach(const domain::registry::EnterpriseFilter& filter,
                       domain::registry::EnterpriseSort sort,
                       const std::function<bool(const domain::registry::Enterprise&,
                                                domain::registry::Person)>& each) override;
  core::Result<std::vector<domain::registry::AreaCount>> CountByArea(
      const domain::registry::EnterpriseFilter& filter, std::size_t child_code_length) override;
  core::Status OwnerRenamed(std::int64_t owner_id, const std::string& owner_name) override;
};

class SqlBulkRegistryWriter final : public domain::registry::BulkRegistryWriter {
 public:
  SqlBulkRegistryWriter(soci::session& sql, Dialect dialect) : sql_(sql), dialect_(dialect) {}
  core::Result<std::vector<domain::registry::ExistingEnterprise>> FindExisting(
      const std::vector<std::string>& nibs, const std::vector<std::string>& match_keys) override;
  core::Status InsertMany(std::vector<domain::registry::ImportRecord>& records) override;
  core::Result<std::vector<domain::registry::NikHolder>> FindNikHolders(
      const std::vector<std::string>& niks) override;
  core::Result<std::int64_t> CountOthers(std::int64_t job_id) override;
  core::Result<int> SuspendIndexes() override;
  core::Result<int> RestoreIndexes() override;
  core::Status Analyze() override;

 private:
  core::Status InsertSqlite(std::vector<domain::registry::ImportRecord>& records);
  core::Status InsertPostgres(std::vector<domain::registry::ImportRecord>& records);

  soci::session& sql_;
  Dialect dialect_;
};

class SqlImportRepository final : public domain::registry::ImportRepository {
 public:
  explicit SqlImportRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::registry::ImportJob& job) override;
  core::Status Update(const domain::registry::ImportJob& job) override;
  core::Result<domain::registry::ImportJob> Find(std::int64_t id) override;
  core::Result<core::Page<domain::registry::ImportJob>> List(
      std::optional<std::int64_t> created_by, const core::PageRequest& page) override;
  core::Result<std::vector<domain::registry::ImportJob>> Unfinished() override;
  core::Status AddErrors(std::int64_t job_id,
                         const std::vector<domain::registry::RowError>& errors) override;
  core::Result<core::Page<domain::registry::RowError>> ListErrors(
      std::int64_t job_id, const core::PageRequest& page) override;
  core::Status ForEachError(std::int64_t job_id,
                            const std::function<bool(const domain::registry::RowError&)>& each) override;

 private:
  soci::session& sql_;
};

}  // namespace gotong::storage::internal
