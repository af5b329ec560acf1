#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/audit/audit.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/registry/households.hpp"
#include "domain/registry/registry.hpp"

namespace gotong::domain::registry {

using form::Field;

struct HouseholdCategoryInput {
  Field<std::string> category;
  Field<std::string> since;
  Field<std::string> source;
};

struct PersonInput {
  Field<std::string> name;
  Field<std::string> gender;
  Field<std::int64_t> birth_year;
  Field<std::string> occupation;
  Field<std::string> phone;
  Field<std::string> village_code;
  Field<std::string> nik;
  Field<bool> nik_consent;
  Field<std::int64_t> steward_id;
  // Replaces the household categories; only admins and the steward's officers may give it.
  std::optional<std::vector<HouseholdCategoryInput>> categories;
};

struct EnterpriseInput {
  Field<std::int64_t> owner_id;
  std::optional<PersonInput> owner;  // create the owner together with the enterprise
  Field<std::string> name;
  Field<std::string> sector;
  Field<std::string> products;
  Field<std::string> business_centre;
  Field<std::string> village_code;
  Field<std::int64_t> founded_year;
  Field<std::int64_t> employees;
  Field<std::int64_t> capital;
  Field<std::int64_t> turnover;
  Field<std::string> nib;
  Field<std::string> status;
  Field<std::int64_t> steward_id;
};

struct StakeholderInput {
  Field<std::string> name;
  Field<std::string> helix;
  Field<std::string> kind;
  Field<std::string> region_code;
  Field<std::string> contact;
};

// A person as the caller may see it: the NIK masked unless the caller may see it whole.
struct PersonView {
  Person person;
  bool nik_masked = false;
  // The household categories, for admins and the officers of the person's steward only.
  std::optional<std::vector<HouseholdCategory>> categories;
};

struct EnterpriseView {
  Enterprise enterprise;
  bool stale = false;
};

struct EnterpriseQuery {
  std::optional<std::string> region;
  std::optional<std::string> sector;
  std::optional<std::string> scale;
  std::optional<std::string> status;
  std::optional<bool> stale;
  std::optional<std::string> q;
  std::optional<std::string> sort;
};

struct AreaSummary {
  std::optional<std::string> region_code;  // the area drilled into; nullopt = the country
  std::int64_t total = 0;
  std::int64_t stale = 0;
  std::vector<AreaCount> areas;  // every child area, also those without enterprises
  std::vector<std::string> area_names;  // parallel to areas
};

struct RegistryOptions {
  std::chrono::days stale_after{365};
};

// The registry's use cases: people, enterprises and stakeholders (seed 002's data that the city
// office keeps current so that assistance is equitable and targeted).
class RegistryService {
 public:
  RegistryService(Database& database, const core::Clock& clock, RegistryOptions options)
      : database_(database), clock_(clock), options_(options) {}

  // Stakeholders.
  core::Result<core::Page<Stakeholder>> ListStakeholders(const accounts::Context& context,
                                                        const std::optional<std::string>& helix,
                                                        const std::optional<std::string>& kind,
                                                        const std::optional<std::string>& q,
                                                        const core::PageRequest& page);
  core::Result<Stakeholder> GetStakeholder(const accounts::Context& context, std::int64_t id);
  core::Result<Stakeholder> CreateStakeholder(const accounts::Context& context,
                                              const StakeholderInput& input);
  core::Result<Stakeholder> UpdateStakeholder(const accounts::Context& context, std::int64_t id,
                                              const StakeholderInput& input);

  // People.
  core::Result<core::Page<PersonView>> ListPeople(const accounts::Context& context,
                                                  const std::optional<std::string>& region,
                                                  const std::optional<std::string>& q,
                                                  const core::PageRequest& page);
  core::Result<PersonView> GetPerson(const accounts::Context& context, std::int64_t id);
  core::Result<PersonView> CreatePerson(const accounts::Context& context, const PersonInput& input);
  // Adds a person within `unit` and audits it there, for another use case that has checked the
  // caller's right to (a group adding a new member). Wrong fields are named with `prefix`.
  core::Result<Person> AddPerson(UnitOfWork& unit, const accounts::Context& context,
                                 const PersonInput& input, std::optional<std::int64_t> steward_id,
                                 const std::string& prefix);
  core::Result<PersonView> UpdatePerson(const accounts::Context& context, std::int64_t id,
                                        const PersonInput& input);
  core::Result<core::Page<audit::Entry>> PersonHistory(const accounts::Context& context,
                                                       std::int64_t id,
                                                       const core::PageRequest& page);

  // Enterprises.
  core::Result<core::Page<EnterpriseView>> ListEnterprises(const accounts::Context& context,
                                                           const EnterpriseQuery& query,
                                                           const core::PageRequest& page);
  // Every match with its owner, for exports. Owners' NIKs are masked unless `include_nik` and
  // the caller may see them; asking for them is itself audited.
  core::Status ExportEnterprises(
      const accounts::Context& context, const EnterpriseQuery& query, bool include_nik,
      const std::function<bool(const EnterpriseView&, const Person& owner)>& each);
  core::Result<AreaSummary> CountByArea(const accounts::Context& context,
                                        const EnterpriseQuery& query);
  core::Result<EnterpriseView> GetEnterprise(const accounts::Context& context, std::int64_t id);
  core::Result<EnterpriseView> CreateEnterprise(const accounts::Context& context,
                                                const EnterpriseInput& input);
  core::Result<EnterpriseView> UpdateEnterprise(const accounts::Context& context, std::int64_t id,
                                                const EnterpriseInput& input);
  core::Result<EnterpriseView> VerifyEnterprise(const accounts::Context& context, std::int64_t id);
  core::Result<core::Page<audit::Entry>> EnterpriseHistory(const accounts::Context& context,
                                                           std::int64_t id,
                                                           const core::PageRequest& page);

  // Whether the caller sees this steward's NIKs whole: admins, and the steward's own officers.
  static bool MaySeeNik(const accounts::Context& context, std::optional<std::int64_t> steward_id);
  // Whether the caller may change a record with this steward.
  static bool MayWrite(const accounts::Context& context, std::optional<std::int64_t> steward_id);
  static bool MayRead(const accounts::Context& context);
  // OK when the caller may change a `what` ("person", "enterprise") with this steward, else
  // the denial in words.
  static core::Status MayChange(const accounts::Context& context,
                                std::optional<std::int64_t> steward_id, std::string_view what);

  core::Instant StaleBefore() const;
  bool IsStale(const Enterprise& enterprise) const;
  core::Result<EnterpriseFilter> BuildFilter(const EnterpriseQuery& query) const;

 private:
  PersonView ViewOf(const accounts::Context& context, Person person) const;
  EnterpriseView ViewOf(Enterprise enterprise) const;
  core::Result<std::optional<std::int64_t>> StewardFor(const accounts::Context& context,
                                                       UnitOfWork& unit,
                                                       const Field<std::int64_t>& requested);
  core::Status ApplyPerson(UnitOfWork& unit, const PersonInput& input, Person& person,
                           const std::string& prefix);
  core::Status ApplyEnterprise(UnitOfWork& unit, const EnterpriseInput& input,
                               Enterprise& enterprise);
  // Changes enterprise `id` in one unit: checks that the caller may, lets `change` set what it
  // sets, stamps updated_at, and records `action` with the before and after in the audit log.
  using EnterpriseChange = std::function<core::Status(UnitOfWork&, Enterprise&, core::Instant)>;
  core::Result<EnterpriseView> ChangeEnterprise(const accounts::Context& context, std::int64_t id,
                                                std::string_view action,
                                                const EnterpriseChange& change);
  // The household categories of the people in `views` whom the caller may see them of.
  core::Status AddCategories(const accounts::Context& context, UnitOfWork& unit,
                             const std::vector<PersonView*>& views) const;
  // Replaces the person's household categories when the input gives them, audited; wrong fields
  // are named with `prefix`.
  core::Status WriteCategories(const accounts::Context& context, UnitOfWork& unit,
                               const PersonInput& input, const Person& person,
                               const std::string& prefix);

  Database& database_;
  const core::Clock& clock_;
  RegistryOptions options_;
};

}  // namespace gotong::domain::registry
