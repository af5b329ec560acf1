#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/registry/registry.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::registry {

// insert: every row is a new enterprise (rows matching an existing one are refused);
// upsert: a row matching an existing enterprise (by NIB, else owner + name + village) updates it.
enum class ImportMode { kInsert, kUpsert };
std::string_view ToString(ImportMode mode);
std::optional<ImportMode> ParseImportMode(std::string_view text);

enum class JobStatus { kQueued, kRunning, kSucceeded, kFailed };
std::string_view ToString(JobStatus status);
std::optional<JobStatus> ParseJobStatus(std::string_view text);

// What a job says about a whole file (why it failed, what it skipped), as a stable code that
// readers' languages put into words (the API's `message_code`, `warning_details[].code`; the web
// app's i18n, imports.jobNotes), with named arguments:
namespace job_note {
inline constexpr std::string_view kEmptyFile = "empty_file";
inline constexpr std::string_view kMissingColumns = "missing_columns";    // columns
inline constexpr std::string_view kDuplicateColumn = "duplicate_column";  // column
inline constexpr std::string_view kMalformedFile = "malformed_file";      // line
inline constexpr std::string_view kFileGone = "file_gone";
inline constexpr std::string_view kUnknownColumn = "unknown_column";      // column (a warning)
// The database refused a batch: what it said (SQL, other rows' values) goes to the log under
// the job's number only. job
inline constexpr std::string_view kDatabaseError = "database_error";
}  // namespace job_note

// One such note. A failure nobody foresaw has no code: its English message is all there is.
struct JobNote {
  std::string message;  // in English: what the CLI prints
  std::string code;     // one of job_note, or empty
  std::vector<std::pair<std::string, std::string>> params;  // name, value
  bool operator==(const JobNote&) const = default;
};

struct ImportJob {
  std::int64_t id = 0;
  std::string kind = "enterprises";
  ImportMode mode = ImportMode::kInsert;
  bool dry_run = false;
  JobStatus status = JobStatus::kQueued;
  std::string file_name;  // as the uploader named it
  std::string file_path;  // where the server keeps it while the job runs
  std::int64_t bytes_total = 0;
  std::int64_t bytes_read = 0;
  // Data rows done (committed with their batch); a resumed job skips this many.
  std::int64_t rows_read = 0;
  std::int64_t rows_inserted = 0;
  std::int64_t rows_updated = 0;
  std::int64_t rows_failed = 0;
  std::int64_t errors_stored = 0;
  std::optional<JobNote> message;  // why the job failed
  std::vector<JobNote> warnings;   // what it skipped
  std::optional<std::int64_t> created_by;
  std::string created_by_username;
  std::optional<std::int64_t> steward_id;  // what the imported records are stewarded by
  core::Instant created_at{};
  std::optional<core::Instant> started_at;
  std::optional<core::Instant> finished_at;
};

// What is wrong with a row, as a stable code that readers' languages put into words (the API's
// `code`; the texts live in io/import_messages.cpp and the web app's i18n). Named arguments go
// with some codes, in this order:
namespace row_error {
inline constexpr std::string_view kFieldCount = "field_count";  // fields, header_fields
inline constexpr std::string_view kRequired = "required";
inline constexpr std::string_view kNotUtf8 = "not_utf8";
inline constexpr std::string_view kTooLong = "too_long";          // max (characters)
inline constexpr std::string_view kBadYear = "bad_year";          // min, max (years)
inline constexpr std::string_view kOutOfRange = "out_of_range";   // min, max (whole numbers)
inline constexpr std::string_view kNegative = "negative";
inline constexpr std::string_view kTooLarge = "too_large";
inline constexpr std::string_view kNotRupiah = "not_rupiah";
inline constexpr std::string_view kBadGender = "bad_gender";
inline constexpr std::string_view kBadPhone = "bad_phone";
inline constexpr std::string_view kBadNik = "bad_nik";
inline constexpr std::string_view kNikWithoutConsent = "nik_without_consent";
inline constexpr std::string_view kUnknownSector = "unknown_sector";
inline constexpr std::string_view kNotAVillage = "not_a_village";      // not a village code at all
inline constexpr std::string_view kUnknownVillage = "unknown_village";  // not in the region list
inline constexpr std::string_view kBadNib = "bad_nib";
inline constexpr std::string_view kBadStatus = "bad_status";
inline constexpr std::string_view kBadDate = "bad_date";
inline constexpr std::string_view kInFuture = "in_future";
// A second row of the file with the same NIB / owner + name + village; line: the first one.
inline constexpr std::string_view kDuplicateNib = "duplicate_nib";
inline constexpr std::string_view kDuplicateEnterprise = "duplicate_enterprise";
// (mode insert) The registry already has the enterprise, matched by NIB / owner + name +
// village; enterprise_id: which one.
inline constexpr std::string_view kNibRegistered = "nib_registered";
inline constexpr std::string_view kEnterpriseRegistered = "enterprise_registered";
// A NIK on an earlier line of the file (line), or (either mode) held by another person of the
// registry (person_id): a NIK belongs to one person.
inline constexpr std::string_view kDuplicateNik = "duplicate_nik";
inline constexpr std::string_view kNikRegistered = "nik_registered";
// A cell holding a control character (NUL, a tab, a line break, ...): no cell of an import is a
// multi-line text.
inline constexpr std::string_view kControlCharacter = "control_character";
// A cell longer than kMaxCellBytes as written in the file; it was not read. max (bytes)
inline constexpr std::string_view kFieldTooLong = "field_too_long";

inline constexpr std::array<std::string_view, 28> kAll = {
    kFieldCount, kRequired, kNotUtf8, kTooLong, kBadYear, kOutOfRange, kNegative, kTooLarge,
    kNotRupiah, kBadGender, kBadPhone, kBadNik, kNikWithoutConsent, kUnknownSector, kNotAVillage,
    kUnknownVillage, kBadNib, kBadStatus, kBadDate, kInFuture, kDuplicateNib,
    kDuplicateEnterprise, kNibRegistered, kEnterpriseRegistered, kControlCharacter,
    kFieldTooLong, kDuplicateNik, kNikRegistered};
}  // namespace row_error

// One argument of a row error's code: min=0, max=100000.
struct RowErrorParam {
  std::string name;
  std::string value;
  bool operator==(const RowErrorParam&) const = default;
};

// One wrong cell (or row, when `field` is empty). `row` is the file's line number; the header
// is line 1.
struct RowError {
  std::int64_t row = 0;
  std::string field;
  std::string value;
  std::string message;  // in English, naming the column: what the CLI prints
  std::string code;     // one of row_error::kAll; empty for errors stored before codes existed
  std::vector<RowErrorParam> params;
};

// Update writes the job's status, counters, message, warnings and times.
class ImportRepository : public RecordRepository<ImportJob> {
 public:
  // Newest first; only `created_by`'s jobs when given.
  virtual core::Result<core::Page<ImportJob>> List(std::optional<std::int64_t> created_by,
                                                   const core::PageRequest& page) = 0;
  virtual core::Result<std::vector<ImportJob>> Unfinished() = 0;
  virtual core::Status AddErrors(std::int64_t job_id, const std::vector<RowError>& errors) = 0;
  virtual core::Result<core::Page<RowError>> ListErrors(std::int64_t job_id,
                                                        const core::PageRequest& page) = 0;
  virtual core::Status ForEachError(std::int64_t job_id,
                                    const std::function<bool(const RowError&)>& each) = 0;
};

// A row bound for the registry: a new owner and enterprise, or an update of `existing_id`.
struct ImportRecord {
  std::int64_t line = 0;
  Person owner;
  Enterprise enterprise;
  std::string match_key;
};

// An enterprise already registered that a row may match.
struct ExistingEnterprise {
  std::int64_t id = 0;
  std::optional<std::string> nib;
  std::string match_key;
  std::int64_t owner_id = 0;
};

// A person of the registry who holds a NIK a row gives.
struct NikHolder {
  std::string nik;
  std::int64_t person_id = 0;
};

// The bulk side of the registry, for imports (SQLite prepared statements, PostgreSQL COPY).
class BulkRegistryWriter {
 public:
  virtual ~BulkRegistryWriter() = default;
  // Enterprises with any of these NIBs or match keys.
  virtual core::Result<std::vector<ExistingEnterprise>> FindExisting(
      const std::vector<std::string>& nibs, const std::vector<std::string>& match_keys) = 0;
  // The people who hold any of these NIKs.
  virtual core::Result<std::vector<NikHolder>> FindNikHolders(const std::vector<std::string>& niks) = 0;
  // Inserts each record's owner and enterprise, filling their ids. kAlreadyExists (field nib)
  // when an NIB is taken; then nothing of the batch is kept once the unit rolls back.
  virtual core::Status InsertMany(std::vector<ImportRecord>& records) = 0;
  // Enterprises not written by this job (0: only the file itself can hold duplicates).
  virtual core::Result<std::int64_t> CountOthers(std::int64_t job_id) = 0;
  // A bulk load into an empty registry builds the secondary indexes of people and enterprises
  // (and the search index; on PostgreSQL also checks their foreign keys) once at the end
  // instead of row by row. Suspending drops them and records their definitions in the same
  // transaction; restoring re-creates whatever is recorded (nothing: no-op), so a load killed
  // half-way restores them when it is resumed or fails. Unique constraints stay. Returns how
  // many were suspended or restored.
  virtual core::Result<int> SuspendIndexes() = 0;
  virtual core::Result<int> RestoreIndexes() = 0;
  // Gathers fresh planner statistics of people, enterprises and the tables kept beside them
  // (PostgreSQL ANALYZE, SQLite ANALYZE with a bounded sample), so that the first queries after
  // a bulk write plan on what is really there.
  virtual core::Status Analyze() = 0;
};

// The longest cell a file's reader keeps, in bytes as written in the file; a longer one is not
// kept and its row refused (row_error::kFieldTooLong), so that one huge cell cannot fill the
// memory.
inline constexpr std::size_t kMaxCellBytes = std::size_t{64} * 1024;

}  // namespace gotong::domain::registry
