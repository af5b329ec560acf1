#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/audit/audit.hpp"
#include "domain/registry/rules.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::registry {

struct Stakeholder {
  std::int64_t id = 0;
  std::string name;
  Helix helix = Helix::kGovernment;
  StakeholderKind kind = StakeholderKind::kAgency;
  std::optional<std::string> region_code;
  std::optional<std::string> contact;
  core::Instant created_at{};
  core::Instant updated_at{};
};

struct Person {
  std::int64_t id = 0;
  std::string name;
  std::optional<Gender> gender;
  std::optional<int> birth_year;
  std::optional<std::string> occupation;  // what she does besides any enterprise ("ibu rumah tangga")
  std::optional<std::string> phone;  // normalised, "+6281234567890"
  std::optional<std::string> village_code;
  std::optional<std::string> nik;    // only with nik_consent_at
  std::optional<core::Instant> nik_consent_at;
  std::optional<std::int64_t> steward_id;
  core::Instant created_at{};
  core::Instant updated_at{};
};

struct Enterprise {
  std::int64_t id = 0;
  std::int64_t owner_id = 0;
  std::string owner_name;                  // read from the owner; not written
  std::optional<Gender> owner_gender;      // read from the owner; not written
  std::string name;
  Sector sector = Sector::kBatik;
  std::optional<std::string> products;
  std::optional<std::string> business_centre;
  std::string village_code;
  std::optional<int> founded_year;
  std::optional<std::int64_t> employees;
  std::optional<std::int64_t> capital;
  std::optional<std::int64_t> turnover;
  std::optional<std::string> nib;
  Status status = Status::kActive;
  std::optional<core::Instant> verified_at;
  std::optional<std::int64_t> verified_by;
  std::string verified_by_username;        // read only
  std::optional<std::int64_t> steward_id;
  std::optional<std::int64_t> import_job_id;  // the import that created it, if one did
  core::Instant created_at{};
  core::Instant updated_at{};

  std::optional<ScaleResult> scale() const { return DeriveScale(turnover, capital); }
};

// The audit views; the NIK is always masked there, whoever reads the history later.
audit::Snapshot SnapshotOf(const Person& person);
audit::Snapshot SnapshotOf(const Enterprise& enterprise);
audit::Snapshot SnapshotOf(const Stakeholder& stakeholder);

// How upsert recognises an enterprise without an NIB: owner, name and village, ignoring case
// and spacing.
std::string MatchKey(std::string_view owner_name, std::string_view name,
                     std::string_view village_code);

enum class EnterpriseSort {
  kName,
  kNameDesc,
  kVerifiedAt,      // never verified first, then the oldest verification
  kVerifiedAtDesc,
  kTurnover,
  kTurnoverDesc,
  kCreatedAt,
  kCreatedAtDesc,
};
std::optional<EnterpriseSort> ParseEnterpriseSort(std::string_view text);

struct EnterpriseFilter {
  std::optional<std::string> region;  // a region code at any level; prefix match on the village
  std::optional<Sector> sector;
  std::optional<Scale> scale;
  std::optional<Status> status;
  std::optional<bool> stale;
  std::optional<std::string> q;       // lower-case; substring of name, owner name or NIB
  core::Instant stale_before{};       // verified before this (or never) and active = stale
};

struct AreaCount {
  std::string code;  // the child area's code
  std::int64_t total = 0;
  std::int64_t stale = 0;
  std::int64_t micro = 0, small = 0, medium = 0, large = 0, unknown = 0;
};

class StakeholderRepository : public RecordRepository<Stakeholder> {
 public:
  virtual core::Result<core::Page<Stakeholder>> List(std::optional<Helix> helix,
                                                     std::optional<StakeholderKind> kind,
                                                     const std::optional<std::string>& q,
                                                     const core::PageRequest& page) = 0;
};

class PersonRepository : public RecordRepository<Person> {
 public:
  virtual core::Result<core::Page<Person>> List(const std::optional<std::string>& region,
                                                const std::optional<std::string>& q,
                                                const core::PageRequest& page) = 0;
};

// Insert and Update answer kAlreadyExists (field "nib") when the NIB is taken.
class EnterpriseRepository : public RecordRepository<Enterprise> {
 public:
  virtual core::Result<core::Page<Enterprise>> List(const EnterpriseFilter& filter,
                                                    EnterpriseSort sort,
                                                    const core::PageRequest& page) = 0;
  // Calls `each` for every match with its owner in `sort` order (exports); stops on false.
  virtual core::Status ForEach(const EnterpriseFilter& filter, EnterpriseSort sort,
                               const std::function<bool(const Enterprise&, Person owner)>& each) = 0;
  // Counts per child area of `region` (nullopt: per province); `child_code_length` is the
  // length of a child's code ("35.79.01" = 8).
  virtual core::Result<std::vector<AreaCount>> CountByArea(const EnterpriseFilter& filter,
                                                           std::size_t child_code_length) = 0;
  // The owner's name changed: keep the enterprises' search text in step.
  virtual core::Status OwnerRenamed(std::int64_t owner_id, const std::string& owner_name) = 0;
};

}  // namespace gotong::domain::registry
