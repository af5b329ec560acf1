#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "domain/registry/import.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::registry::Enterprise;
using domain::registry::EnterpriseFilter;
using domain::registry::EnterpriseSort;
using domain::registry::Gender;
using domain::registry::ImportJob;
using domain::registry::ImportMode;
using domain::registry::ImportRecord;
using domain::registry::JobNote;
using domain::registry::JobStatus;
using domain::registry::MatchKey;
using domain::registry::Person;
using domain::registry::RowError;
using domain::registry::RowErrorParam;
using domain::registry::Sector;
using domain::registry::Status;

// ---- import jobs and their row errors ---------------------------------------------------------

class ImportRepository : public StorageTest {
 protected:
  ImportJob SampleJob(const std::string& file_name, std::optional<std::int64_t> created_by = {}) {
    ImportJob job;
    job.file_name = file_name;
    job.file_path = "/var/lib/gotong/uploads/" + file_name;
    job.bytes_total = 5'000'000'000;  // beyond 32 bits
    job.created_by = created_by;
    job.created_by_username = created_by ? "petugas" : "system";
    job.created_at = T("2026-04-05T06:07:08Z");
    return job;
  }
  std::int64_t Insert(const ImportJob& job) {
    return Committed([&](UnitOfWork& unit) { return unit.Imports().Insert(job); });
  }
  ImportJob Find(std::int64_t id) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto found = unit->Imports().Find(id);
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? *found : ImportJob{};
  }
  void Update(const ImportJob& job) {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Imports().Update(job));
    ASSERT_OK(unit->Commit());
  }
  void AddErrors(std::int64_t job, const std::vector<RowError>& errors) {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Imports().AddErrors(job, errors));
    ASSERT_OK(unit->Commit());
  }
  static std::vector<std::int64_t> Ids(const std::vector<ImportJob>& jobs) {
    std::vector<std::int64_t> ids;
    for (const auto& job : jobs) ids.push_back(job.id);
    return ids;
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(ImportRepository);

TEST_P(ImportRepository, NewJobReadsBackWithZeroCountersAndEveryField) {
  std::int64_t user = InsertUser(SampleUser("petugas"));
  std::int64_t steward = Committed([](UnitOfWork& unit) {
    domain::registry::Stakeholder s;
    s.name = "Dinas Koperasi";
    s.created_at = T("2026-01-02T03:04:05Z");
    s.updated_at = T("2026-01-02T03:04:05Z");
    return unit.Stakeholders().Insert(s);
  });
  ImportJob job = SampleJob("umkm \xE2\x80\x94 ngajum.csv", user);
  job.mode = ImportMode::kUpsert;
  job.dry_run = true;
  job.steward_id = steward;
  job.warnings = {{"column \"fax\" is not known; skipped", "unknown_column", {{"column", "fax"}}},
                  {"an older warning", "", {}}};
  // Counters and times are not written by Insert: a new job starts at zero.
  job.rows_read = 99;
  job.started_at = T("2026-04-05T06:07:09Z");
  std::int64_t id = Insert(job);
  ASSERT_GT(id, 0);

  ImportJob found = Find(id);
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.kind, "enterprises");
  EXPECT_EQ(found.mode, ImportMode::kUpsert);
  EXPECT_TRUE(found.dry_run);
  EXPECT_EQ(found.status, JobStatus::kQueued);
  EXPECT_EQ(found.file_name, job.file_name);
  EXPECT_EQ(found.file_path, job.file_path);
  EXPECT_EQ(found.bytes_total, 5'000'000'000);
  EXPECT_EQ(found.bytes_read, 0);
  EXPECT_EQ(found.rows_read, 0);
  EXPECT_EQ(found.rows_inserted, 0);
  EXPECT_EQ(found.rows_updated, 0);
  EXPECT_EQ(found.rows_failed, 0);
  EXPECT_EQ(found.errors_stored, 0);
  EXPECT_FALSE(found.message.has_value());
  EXPECT_EQ(found.warnings, job.warnings);
  EXPECT_EQ(found.created_by, user);
  EXPECT_EQ(found.created_by_username, "petugas");
  EXPECT_EQ(found.steward_id, steward);
  EXPECT_EQ(found.created_at, job.created_at);
  EXPECT_FALSE(found.started_at.has_value());
  EXPECT_FALSE(found.finished_at.has_value());

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_ERROR_CODE(unit->Imports().Find(424242), ErrorCode::kNotFound);
}

TEST_P(ImportRepository, UpdateWritesStatusCountersMessageWarningsAndTimes) {
  std::int64_t id = Insert(SampleJob("a.csv"));
  ImportJob job = Find(id);
  job.status = JobStatus::kFailed;
  job.bytes_total = 6'000'000'000;
  job.bytes_read = 4'000'000'000;
  job.rows_read = 3'000'000'000;
  job.rows_inserted = 2'000'000'001;
  job.rows_updated = 7;
  job.rows_failed = 8;
  job.errors_stored = 9;
  job.message = JobNote{"missing columns: nib, nama", "missing_columns",
                        {{"columns", "nib, nama"}, {"z_first", "1"}, {"a_second", "2"}}};
  job.warnings = {{"w", "unknown_column", {{"column", "fax"}}}};
  job.started_at = T("2026-04-05T06:07:09Z");
  job.finished_at = T("2026-04-05T06:08:00Z");
  // Not rewritten by Update:
  job.file_name = "renamed.csv";
  Update(job);

  ImportJob found = Find(id);
  EXPECT_EQ(found.status, JobStatus::kFailed);
  EXPECT_EQ(found.bytes_total, 6'000'000'000);
  EXPECT_EQ(found.bytes_read, 4'000'000'000);
  EXPECT_EQ(found.rows_read, 3'000'000'000);
  EXPECT_EQ(found.rows_inserted, 2'000'000'001);
  EXPECT_EQ(found.rows_updated, 7);
  EXPECT_EQ(found.rows_failed, 8);
  EXPECT_EQ(found.errors_stored, 9);
  ASSERT_TRUE(found.message.has_value());
  EXPECT_EQ(*found.message, *job.message) << "params keep their order";
  EXPECT_EQ(found.warnings, job.warnings);
  EXPECT_EQ(found.started_at, job.started_at);
  EXPECT_EQ(found.finished_at, job.finished_at);
  EXPECT_EQ(found.file_name, "a.csv");

  // A message without a code or params, then none at all; warnings cleared.
  job.message = JobNote{"something nobody foresaw", "", {}};
  job.warnings.clear();
  Update(job);
  found = Find(id);
  ASSERT_TRUE(found.message.has_value());
  EXPECT_EQ(*found.message, *job.message);
  EXPECT_TRUE(found.warnings.empty());
  job.message.reset();
  job.started_at.reset();
  job.finished_at.reset();
  job.status = JobStatus::kQueued;
  Update(job);
  found = Find(id);
  EXPECT_FALSE(found.message.has_value());
  EXPECT_FALSE(found.started_at.has_value());
  EXPECT_FALSE(found.finished_at.has_value());
}

TEST_P(ImportRepository, ListIsNewestFirstPagesAndFiltersByCreator) {
  std::int64_t user = InsertUser(SampleUser("petugas"));
  std::int64_t a = Insert(SampleJob("a.csv", user));
  std::int64_t b = Insert(SampleJob("b.csv"));
  std::int64_t c = Insert(SampleJob("c.csv", user));
  std::int64_t d = Insert(SampleJob("d.csv"));

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Imports().List(std::nullopt, {}));
  EXPECT_EQ(all.total, 4);
  EXPECT_EQ(Ids(all.items), (std::vector<std::int64_t>{d, c, b, a}));
  ASSERT_OK_AND_ASSIGN(auto mine, unit->Imports().List(user, {}));
  EXPECT_EQ(mine.total, 2);
  EXPECT_EQ(Ids(mine.items), (std::vector<std::int64_t>{c, a}));
  ASSERT_OK_AND_ASSIGN(auto page, unit->Imports().List(std::nullopt, {2, 1}));
  EXPECT_EQ(page.total, 4);
  EXPECT_EQ(Ids(page.items), (std::vector<std::int64_t>{c, b}));
  ASSERT_OK_AND_ASSIGN(auto past_end, unit->Imports().List(user, {5, 2}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 2);
  ASSERT_OK_AND_ASSIGN(auto nobody, unit->Imports().List(424242, {}));
  EXPECT_EQ(nobody.total, 0);
}

TEST_P(ImportRepository, UnfinishedAreTheQueuedAndRunningOldestFirst) {
  std::int64_t queued = Insert(SampleJob("queued.csv"));
  std::int64_t running = Insert(SampleJob("running.csv"));
  std::int64_t succeeded = Insert(SampleJob("succeeded.csv"));
  std::int64_t failed = Insert(SampleJob("failed.csv"));
  for (auto [id, status] : {std::pair{running, JobStatus::kRunning},
                            std::pair{succeeded, JobStatus::kSucceeded},
                            std::pair{failed, JobStatus::kFailed}}) {
    ImportJob job = Find(id);
    job.status = status;
    job.rows_read = 40;  // a resumed job skips this many
    Update(job);
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto unfinished, unit->Imports().Unfinished());
  EXPECT_EQ(Ids(unfinished), (std::vector<std::int64_t>{queued, running}));
  ASSERT_EQ(unfinished.size(), 2u);
  EXPECT_EQ(unfinished[1].status, JobStatus::kRunning);
  EXPECT_EQ(unfinished[1].rows_read, 40) << "the resume counter comes with it";
}

TEST_P(ImportRepository, RowErrorsPageInTheOrderStoredWithTheirParams) {
  std::int64_t job = Insert(SampleJob("a.csv"));
  std::int64_t other = Insert(SampleJob("b.csv"));
  std::vector<RowError> errors;
  for (int i = 0; i < 5; ++i) {
    RowError error;
    error.row = 10 - i;  // stored order, not row order
    error.field = i == 0 ? "" : "turnover";
    error.value = "\"-5\" \xE2\x80\x94 " + std::to_string(i);
    error.message = "turnover must not be negative";
    error.code = i == 0 ? "" : "out_of_range";
    if (i > 0) error.params = {{"min", "0"}, {"max", std::to_string(100000 + i)}, {"a", "z"}};
    errors.push_back(error);
  }
  AddErrors(job, {errors[0], errors[1], errors[2]});
  AddErrors(job, {errors[3], errors[4]});
  AddErrors(job, {});
  AddErrors(other, {errors[0]});

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto all, unit->Imports().ListErrors(job, {}));
  EXPECT_EQ(all.total, 5);
  ASSERT_EQ(all.items.size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(all.items[i].row, errors[i].row);
    EXPECT_EQ(all.items[i].field, errors[i].field);
    EXPECT_EQ(all.items[i].value, errors[i].value);
    EXPECT_EQ(all.items[i].message, errors[i].message);
    EXPECT_EQ(all.items[i].code, errors[i].code);
    EXPECT_EQ(all.items[i].params, errors[i].params) << i;
  }
  ASSERT_OK_AND_ASSIGN(auto page, unit->Imports().ListErrors(job, {2, 2}));
  EXPECT_EQ(page.total, 5);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].row, 8);
  EXPECT_EQ(page.items[1].row, 7);
  ASSERT_OK_AND_ASSIGN(auto past_end, unit->Imports().ListErrors(job, {2, 5}));
  EXPECT_TRUE(past_end.items.empty());
  EXPECT_EQ(past_end.total, 5);

  std::vector<std::int64_t> rows;
  ASSERT_OK(unit->Imports().ForEachError(job, [&](const RowError& error) {
    rows.push_back(error.row);
    return rows.size() < 3;
  }));
  EXPECT_EQ(rows, (std::vector<std::int64_t>{10, 9, 8})) << "stops when told";
}

TEST_P(ImportRepository, UncommittedErrorsAndJobLeaveNothingBehind) {
  std::int64_t id = 0;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK_AND_ASSIGN(id, unit->Imports().Insert(SampleJob("a.csv")));
    RowError error;
    error.row = 2;
    error.field = "nib";
    ASSERT_OK(unit->Imports().AddErrors(id, {error}));
  }
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM import_jobs"), 0);
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM import_errors"), 0);
}

// ---- the bulk writer --------------------------------------------------------------------------

class BulkRegistryWriter : public StorageTest {
 protected:
  ImportRecord Record(std::int64_t line, const std::string& owner, const std::string& name,
                      std::optional<std::string> nib = std::nullopt,
                      const std::string& village = kBanjarsari) {
    ImportRecord record;
    record.line = line;
    record.owner.name = owner;
    record.owner.village_code = village;
    record.owner.created_at = T("2026-04-05T06:07:08Z");
    record.owner.updated_at = T("2026-04-05T06:07:08Z");
    record.enterprise.owner_name = owner;
    record.enterprise.name = name;
    record.enterprise.sector = Sector::kFoodProcessing;
    record.enterprise.village_code = village;
    record.enterprise.nib = nib;
    record.enterprise.created_at = T("2026-04-05T06:07:08Z");
    record.enterprise.updated_at = T("2026-04-05T06:07:08Z");
    record.match_key = MatchKey(owner, name, village);
    return record;
  }

  core::Page<Enterprise> List(const EnterpriseFilter& filter) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto list = unit->Enterprises().List(filter, EnterpriseSort::kName, {});
    EXPECT_TRUE(list.ok()) << list.error().message;
    return list.ok() ? *list : core::Page<Enterprise>{};
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(BulkRegistryWriter);

TEST_P(BulkRegistryWriter, InsertManyFillsIdsAndWritesWhatTheRepositoriesReadBack) {
  std::int64_t job = Committed([](UnitOfWork& unit) {
    ImportJob j;
    j.file_name = "a.csv";
    j.file_path = "/tmp/a.csv";
    j.created_by_username = "system";
    j.created_at = T("2026-04-05T06:07:08Z");
    return unit.Imports().Insert(j);
  });
  std::vector<ImportRecord> records = {Record(2, "Sulastri", "Tape Bu Las", "9120000000001"),
                                       Record(3, "Painem", "Jamu Gendong")};
  ImportRecord& full = records[0];
  full.owner.gender = Gender::kFemale;
  full.owner.birth_year = 1975;
  full.owner.phone = "+6281234567890";
  full.owner.nik = "3507204101750001";
  full.owner.nik_consent_at = T("2026-04-01T00:00:00Z");
  full.enterprise.sector = Sector::kBatik;
  full.enterprise.products = "tape singkong";
  full.enterprise.business_centre = "sentra tape Ngajum";
  full.enterprise.founded_year = 1998;
  full.enterprise.employees = 12;
  full.enterprise.capital = 9'000'000'000;
  full.enterprise.turnover = 100'000'000;
  full.enterprise.status = Status::kClosed;
  full.enterprise.verified_at = T("2026-04-02T00:00:00Z");
  full.enterprise.import_job_id = job;
  records[1].enterprise.import_job_id = job;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Bulk().InsertMany(records));
    ASSERT_OK(unit->Commit());
  }
  ASSERT_GT(records[0].owner.id, 0);
  ASSERT_GT(records[0].enterprise.id, 0);
  ASSERT_GT(records[1].enterprise.id, 0);
  EXPECT_NE(records[0].enterprise.id, records[1].enterprise.id);
  EXPECT_EQ(records[0].enterprise.owner_id, records[0].owner.id);

  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(Person owner, unit->People().Find(records[0].owner.id));
  EXPECT_EQ(owner.name, "Sulastri");
  EXPECT_EQ(owner.gender, Gender::kFemale);
  EXPECT_EQ(owner.birth_year, 1975);
  EXPECT_EQ(owner.phone, full.owner.phone);
  EXPECT_EQ(owner.village_code, kBanjarsari);
  EXPECT_EQ(owner.nik, full.owner.nik);
  EXPECT_EQ(owner.nik_consent_at, full.owner.nik_consent_at);
  EXPECT_EQ(owner.created_at, full.owner.created_at);
  ASSERT_OK_AND_ASSIGN(Enterprise e, unit->Enterprises().Find(records[0].enterprise.id));
  EXPECT_EQ(e.owner_id, owner.id);
  EXPECT_EQ(e.owner_name, "Sulastri");
  EXPECT_EQ(e.name, "Tape Bu Las");
  EXPECT_EQ(e.sector, Sector::kBatik);
  EXPECT_EQ(e.products, full.enterprise.products);
  EXPECT_EQ(e.business_centre, full.enterprise.business_centre);
  EXPECT_EQ(e.village_code, kBanjarsari);
  EXPECT_EQ(e.founded_year, 1998);
  EXPECT_EQ(e.employees, 12);
  EXPECT_EQ(e.capital, 9'000'000'000);
  EXPECT_EQ(e.turnover, 100'000'000);
  EXPECT_EQ(e.nib, "9120000000001");
  EXPECT_EQ(e.status, Status::kClosed);
  EXPECT_EQ(e.verified_at, full.enterprise.verified_at);
  EXPECT_EQ(e.import_job_id, job);
  EXPECT_EQ(e.created_at, full.enterprise.created_at);
  ASSERT_OK_AND_ASSIGN(Enterprise bare, unit->Enterprises().Find(records[1].enterprise.id));
  EXPECT_FALSE(bare.nib.has_value());
  EXPECT_FALSE(bare.turnover.has_value());
  EXPECT_FALSE(bare.verified_at.has_value());
  EXPECT_EQ(bare.status, Status::kActive);

  // The lists, tallies and search see the batch as they see enterprises written one by one.
  EnterpriseFilter micro;
  micro.scale = domain::registry::Scale::kMicro;
  EXPECT_EQ(List(micro).total, 1);
  EnterpriseFilter regency;
  regency.region = "35.07";
  EXPECT_EQ(List(regency).total, 2);
  EnterpriseFilter search;
  search.q = "painem";
  EXPECT_EQ(List(search).total, 1);
  search.q = "9120000000001";
  EXPECT_EQ(List(search).total, 1);
}

TEST_P(BulkRegistryWriter, TakenNibIsAlreadyExistsOnNibAndTheBatchRollsBack) {
  {
    std::vector<ImportRecord> first = {Record(2, "Sulastri", "Tape", "9120000000001")};
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Bulk().InsertMany(first));
    ASSERT_OK(unit->Commit());
  }
  {
    std::vector<ImportRecord> batch = {Record(2, "Painem", "Jamu"),
                                       Record(3, "Tukini", "Keripik", "9120000000001")};
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    auto taken = unit->Bulk().InsertMany(batch);
    ASSERT_FALSE(taken.ok());
    EXPECT_EQ(taken.error().code, ErrorCode::kAlreadyExists);
    ASSERT_EQ(taken.error().fields.size(), 1u);
    EXPECT_EQ(taken.error().fields[0].field, "nib");
  }
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM enterprises"), 1);
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM people"), 1);
  EXPECT_EQ(List({}).total, 1);
}

TEST_P(BulkRegistryWriter, FindsExistingEnterprisesByNibOrMatchKeyAndNikHolders) {
  std::vector<ImportRecord> records = {Record(2, "Sulastri", "Tape", "9120000000001"),
                                       Record(3, "Painem", "Jamu"),
                                       Record(4, "Tukini", "Keripik")};
  records[0].owner.nik = "3507204101750001";
  records[0].owner.nik_consent_at = T("2026-04-01T00:00:00Z");
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Bulk().InsertMany(records));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  ASSERT_OK_AND_ASSIGN(auto found,
                       unit->Bulk().FindExisting({"9120000000001", "9999999999999"},
                                                 {records[1].match_key, "nobody|nothing|nowhere",
                                                  records[0].match_key}));
  std::map<std::int64_t, domain::registry::ExistingEnterprise> by_id;
  for (const auto& existing : found) by_id[existing.id] = existing;
  ASSERT_EQ(by_id.size(), 2u) << "each once, even when found by NIB and by key";
  EXPECT_EQ(found.size(), 2u);
  const auto& tape = by_id[records[0].enterprise.id];
  EXPECT_EQ(tape.nib, "9120000000001");
  EXPECT_EQ(tape.match_key, records[0].match_key);
  EXPECT_EQ(tape.owner_id, records[0].owner.id);
  const auto& jamu = by_id[records[1].enterprise.id];
  EXPECT_FALSE(jamu.nib.has_value());
  EXPECT_EQ(jamu.owner_id, records[1].owner.id);

  ASSERT_OK_AND_ASSIGN(auto none, unit->Bulk().FindExisting({}, {}));
  EXPECT_TRUE(none.empty());

  ASSERT_OK_AND_ASSIGN(auto holders,
                       unit->Bulk().FindNikHolders({"3507204101750001", "3507204101750002"}));
  ASSERT_EQ(holders.size(), 1u);
  EXPECT_EQ(holders[0].nik, "3507204101750001");
  EXPECT_EQ(holders[0].person_id, records[0].owner.id);
}

TEST_P(BulkRegistryWriter, CountOthersCountsEnterprisesNotWrittenByTheJob) {
  auto job = [&](const char* file) {
    return Committed([&](UnitOfWork& unit) {
      ImportJob j;
      j.file_name = file;
      j.file_path = std::string("/tmp/") + file;
      j.created_by_username = "system";
      j.created_at = T("2026-04-05T06:07:08Z");
      return unit.Imports().Insert(j);
    });
  };
  std::int64_t mine = job("mine.csv"), theirs = job("theirs.csv");
  std::vector<ImportRecord> records = {Record(2, "A", "a"), Record(3, "B", "b"),
                                       Record(4, "C", "c"), Record(5, "D", "d")};
  records[0].enterprise.import_job_id = mine;
  records[1].enterprise.import_job_id = mine;
  records[2].enterprise.import_job_id = theirs;
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Bulk().InsertMany(records));
    ASSERT_OK(unit->Commit());
  }
  auto unit = Begin(Access::kRead);
  ASSERT_TRUE(unit);
  EXPECT_EQ(*unit->Bulk().CountOthers(mine), 2) << "theirs and the one written by hand";
  EXPECT_EQ(*unit->Bulk().CountOthers(theirs), 3);
}

}  // namespace
}  // namespace gotong::storage_tests
