#include "domain/registry/import_writing.hpp"

#include <algorithm>

#include "domain/audit/audit.hpp"

namespace gotong::domain::registry {
namespace {

// Merges a row's non-empty cells into an existing record (upsert).
void MergeInto(const ImportRecord& row, Person& owner, Enterprise& enterprise) {
  const Person& from = row.owner;
  owner.name = from.name;
  if (from.gender) owner.gender = from.gender;
  if (from.birth_year) owner.birth_year = from.birth_year;
  if (from.phone) owner.phone = from.phone;
  if (from.nik) {
    owner.nik = from.nik;
    owner.nik_consent_at = from.nik_consent_at;
  }
  if (from.village_code) owner.village_code = from.village_code;
  const Enterprise& e = row.enterprise;
  enterprise.name = e.name;
  enterprise.sector = e.sector;
  if (e.products) enterprise.products = e.products;
  if (e.business_centre) enterprise.business_centre = e.business_centre;
  enterprise.village_code = e.village_code;
  if (e.founded_year) enterprise.founded_year = e.founded_year;
  if (e.employees) enterprise.employees = e.employees;
  if (e.capital) enterprise.capital = e.capital;
  if (e.turnover) enterprise.turnover = e.turnover;
  if (e.nib) enterprise.nib = e.nib;
  enterprise.status = e.status;
  if (e.verified_at) enterprise.verified_at = e.verified_at;
}

}  // namespace

accounts::Context JobContext(const ImportJob& job) {
  accounts::Context context;
  if (job.created_by) {
    accounts::Principal principal;
    principal.user_id = *job.created_by;
    principal.username = job.created_by_username;
    principal.role = accounts::Role::kAdmin;  // only for attributing the audit entries
    context.principal = principal;
  } else {
    context.system = true;
  }
  context.request_id = "import-" + std::to_string(job.id);
  return context;
}

core::Result<ImportJob> BatchWriter::Write(Batch& batch, const std::vector<JobNote>& warnings) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
    GOTONG_ASSIGN_OR_RETURN(auto job, unit->Imports().Find(job_id_));
    GOTONG_ASSIGN_OR_RETURN(auto plan, Sort(*unit, job.mode, batch));
    if (!job.dry_run) {
      for (auto& record : plan.inserts) {
        record.owner.steward_id = record.enterprise.steward_id = job.steward_id;
        record.enterprise.import_job_id = job_id_;
        record.owner.created_at = record.owner.updated_at = now_;
        record.enterprise.created_at = record.enterprise.updated_at = now_;
      }
      auto inserted = unit->Bulk().InsertMany(plan.inserts);
      if (!inserted.ok()) {
        if (inserted.error().code != core::ErrorCode::kAlreadyExists || check_registry_) return inserted.error();
        // Someone registered an enterprise meanwhile: look the batch up after all, keeping the
        // rows already refused for their NIK.
        check_registry_ = true;
        batch.records = std::move(plan.inserts);
        batch.errors = std::move(plan.errors);
        batch.failed = plan.failed;
        continue;
      }
      for (auto& [record, id] : plan.updates) GOTONG_RETURN_IF_ERROR(Update(*unit, job, *record, id));
    }
    job.warnings = warnings;
    GOTONG_RETURN_IF_ERROR(SaveJob(*unit, job, batch, plan));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
    return job;
  }
  return core::Error::Internal("the batch could not be written");
}

core::Result<BatchWriter::Plan> BatchWriter::Sort(UnitOfWork& unit, ImportMode mode, Batch& batch) {
  Plan plan;
  plan.errors = batch.errors;
  plan.failed = batch.failed;
  std::vector<std::string> niks;
  for (auto& record : batch.records) {
    if (record.owner.nik) niks.push_back(*record.owner.nik);
  }
  if (!niks.empty()) {
    GOTONG_ASSIGN_OR_RETURN(auto holders, unit.Bulk().FindNikHolders(niks));
    for (auto& holder : holders) plan.nik_holders.emplace(holder.nik, holder.person_id);
  }
  if (check_registry_) {
    GOTONG_RETURN_IF_ERROR(MatchRegistry(unit, mode, batch, plan));
    return plan;
  }
  for (auto& record : batch.records) {
    if (!NikTaken(record, 0, plan)) plan.inserts.push_back(std::move(record));
  }
  batch.records.clear();
  return plan;
}

core::Status BatchWriter::MatchRegistry(UnitOfWork& unit, ImportMode mode, Batch& batch, Plan& plan) {
  std::vector<std::string> nibs, keys;
  for (auto& record : batch.records) {
    if (record.enterprise.nib) nibs.push_back(*record.enterprise.nib);
    keys.push_back(record.match_key);
  }
  GOTONG_ASSIGN_OR_RETURN(auto existing, unit.Bulk().FindExisting(nibs, keys));
  std::unordered_map<std::string, std::int64_t> by_nib, by_key;
  std::unordered_map<std::int64_t, std::int64_t> owner_of;  // enterprise id → owner id
  for (auto& e : existing) {
    if (e.nib) by_nib.emplace(*e.nib, e.id);
    by_key.emplace(e.match_key, e.id);
    owner_of.emplace(e.id, e.owner_id);
  }
  for (auto& record : batch.records) {
    std::optional<std::int64_t> match;
    const char* how = "the same owner, name and village";
    std::string_view code = row_error::kEnterpriseRegistered;
    if (auto it = record.enterprise.nib ? by_nib.find(*record.enterprise.nib) : by_nib.end();
        it != by_nib.end()) {
      match = it->second;
      how = "the same NIB";
      code = row_error::kNibRegistered;
    } else if (auto by = by_key.find(record.match_key); by != by_key.end()) {
      match = by->second;
    }
    if (!match) {
      if (!NikTaken(record, 0, plan)) plan.inserts.push_back(std::move(record));
    } else if (mode == ImportMode::kInsert) {
      ++plan.failed;
      plan.errors.push_back({record.line, record.enterprise.nib ? "nib" : "name",
                             record.enterprise.nib.value_or(record.enterprise.name),
                             "already registered as enterprise #" + std::to_string(*match) + " (" +
                                 how + "); import with mode upsert to update it",
                             std::string(code),
                             {{"enterprise_id", std::to_string(*match)}}});
    } else if (!NikTaken(record, owner_of[*match], plan)) {
      plan.updates.emplace_back(&record, *match);
    }
  }
  return core::OkStatus();
}

bool BatchWriter::NikTaken(const ImportRecord& record, std::int64_t own_owner, Plan& plan) {
  if (!record.owner.nik) return false;
  auto it = plan.nik_holders.find(*record.owner.nik);
  if (it == plan.nik_holders.end() || it->second == own_owner) return false;
  ++plan.failed;
  plan.errors.push_back({record.line, "nik", std::string(MaskNik(*record.owner.nik)),
                         "another person of the registry (#" + std::to_string(it->second) +
                             ") already has this NIK",
                         std::string(row_error::kNikRegistered),
                         {{"person_id", std::to_string(it->second)}}});
  return true;
}

core::Status BatchWriter::Update(UnitOfWork& unit, const ImportJob& job, const ImportRecord& record,
                                 std::int64_t enterprise_id) {
  GOTONG_ASSIGN_OR_RETURN(auto enterprise, unit.Enterprises().Find(enterprise_id));
  GOTONG_ASSIGN_OR_RETURN(auto owner, unit.People().Find(enterprise.owner_id));
  auto before = SnapshotOf(enterprise);
  std::string old_owner_name = owner.name;
  MergeInto(record, owner, enterprise);
  owner.updated_at = enterprise.updated_at = now_;
  GOTONG_RETURN_IF_ERROR(unit.People().Update(owner));
  enterprise.owner_name = owner.name;
  GOTONG_RETURN_IF_ERROR(unit.Enterprises().Update(enterprise));
  if (owner.name != old_owner_name) {
    GOTONG_RETURN_IF_ERROR(unit.Enterprises().OwnerRenamed(owner.id, owner.name));
  }
  return audit::Record(unit.Audit(), JobContext(job), now_, "enterprise", enterprise_id,
                       "import_update", std::move(before), SnapshotOf(enterprise));
}

core::Status BatchWriter::SaveJob(UnitOfWork& unit, ImportJob& job, const Batch& batch,
                                  Plan& plan) const {
  job.rows_read += static_cast<std::int64_t>(plan.inserts.size() + plan.updates.size()) + plan.failed;
  job.rows_inserted += static_cast<std::int64_t>(plan.inserts.size());
  job.rows_updated += static_cast<std::int64_t>(plan.updates.size());
  job.rows_failed += plan.failed;
  std::int64_t room = std::max<std::int64_t>(0, max_errors_ - job.errors_stored);
  if (static_cast<std::int64_t>(plan.errors.size()) > room) plan.errors.resize(static_cast<std::size_t>(room));
  GOTONG_RETURN_IF_ERROR(unit.Imports().AddErrors(job_id_, plan.errors));
  job.errors_stored += static_cast<std::int64_t>(plan.errors.size());
  job.bytes_read = batch.bytes_read;
  return unit.Imports().Update(job);
}

}  // namespace gotong::domain::registry
