#include "domain/registry/registry_service.hpp"

#include <algorithm>
#include <chrono>
#include <iterator>
#include <map>
#include <utility>

#include "core/text.hpp"
#include "domain/form.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/regions/region.hpp"
#include "domain/service.hpp"

namespace gotong::domain::registry {
namespace {

int CurrentYear(core::Instant now) {
  return static_cast<int>(std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)).year());
}

}  // namespace

// ---- rights -------------------------------------------------------------------------------

core::Status RegistryService::MayChange(const Context& context,
                                        std::optional<std::int64_t> steward_id,
                                        std::string_view what) {
  if (MayWrite(context, steward_id)) return core::OkStatus();
  return Error::Denied(MayRead(context)
                           ? "this " + std::string(what) + " is kept by another stakeholder"
                           : std::string("the registry is for officers and facilitators"));
}

bool RegistryService::MayRead(const Context& context) {
  if (context.system) return true;
  return context.principal &&
         accounts::HasRole(*context.principal, {Role::kAdmin, Role::kOfficer, Role::kFacilitator});
}

bool RegistryService::MayWrite(const Context& context, std::optional<std::int64_t> steward_id) {
  if (context.IsAdmin()) return true;
  if (!context.principal || context.principal->role != Role::kOfficer) return false;
  const auto& scope = context.principal->scope;
  if (!scope || scope->kind != accounts::ScopeKind::kStakeholder) return false;
  return steward_id && *steward_id == scope->id;
}

bool RegistryService::MaySeeNik(const Context& context, std::optional<std::int64_t> steward_id) {
  return MayWrite(context, steward_id);
}

core::Instant RegistryService::StaleBefore() const {
  return clock_.Now() - std::chrono::duration_cast<std::chrono::seconds>(options_.stale_after);
}

bool RegistryService::IsStale(const Enterprise& enterprise) const {
  if (enterprise.status != Status::kActive) return false;
  return !enterprise.verified_at || *enterprise.verified_at < StaleBefore();
}

PersonView RegistryService::ViewOf(const Context& context, Person person) const {
  PersonView view;
  if (person.nik && !MaySeeNik(context, person.steward_id)) {
    person.nik = MaskNik(*person.nik);
    view.nik_masked = true;
  }
  view.person = std::move(person);
  return view;
}

EnterpriseView RegistryService::ViewOf(Enterprise enterprise) const {
  EnterpriseView view;
  view.stale = IsStale(enterprise);
  view.enterprise = std::move(enterprise);
  return view;
}

core::Result<std::optional<std::int64_t>> RegistryService::StewardFor(
    const Context& context, UnitOfWork& unit, const Field<std::int64_t>& requested) {
  if (context.IsAdmin()) {
    if (!IsSet(requested)) return std::optional<std::int64_t>{};
    auto stakeholder = unit.Stakeholders().Find(**requested);
    if (!stakeholder.ok()) {
      if (stakeholder.error().code == core::ErrorCode::kNotFound) {
        return Error::Invalid("steward_id", "not_found",
                              "no stakeholder with id " + std::to_string(**requested));
      }
      return std::move(stakeholder).error();
    }
    return std::optional<std::int64_t>{stakeholder->id};
  }
  if (Given(requested)) {
    return Error::Denied("only an admin chooses a record's steward; officers steward what they add");
  }
  const auto& scope = context.principal->scope;
  if (!scope || scope->kind != accounts::ScopeKind::kStakeholder) {
    return Error::Denied("your account is not attached to a stakeholder; ask an admin");
  }
  return std::optional<std::int64_t>{scope->id};
}

// ---- stakeholders -------------------------------------------------------------------------

core::Result<core::Page<Stakeholder>> RegistryService::ListStakeholders(
    const Context& context, const std::optional<std::string>& helix,
    const std::optional<std::string>& kind, const std::optional<std::string>& q,
    const core::PageRequest& page) {
  if (!context.system && !context.principal) return Error::Denied("sign in first");
  std::optional<Helix> helix_value;
  std::optional<StakeholderKind> kind_value;
  if (helix) {
    helix_value = ParseHelix(*helix);
    if (!helix_value) {
      return Error::Invalid("helix", "invalid_value",
                            "helix must be government, business, academia or civil_society");
    }
  }
  if (kind) {
    kind_value = ParseStakeholderKind(*kind);
    if (!kind_value) return Error::Invalid("kind", "invalid_value", "kind is not a known kind");
  }
  std::optional<std::string> needle;
  if (q) {
    needle = core::AsciiLower(core::Trim(*q));
    if (core::CodePointCount(*needle) < 2) {
      return Error::Invalid("q", "too_short", "q must be at least 2 characters");
    }
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Stakeholders().List(helix_value, kind_value, needle, page);
}

core::Result<Stakeholder> RegistryService::GetStakeholder(const Context& context, std::int64_t id) {
  if (!context.system && !context.principal) return Error::Denied("sign in first");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Stakeholders().Find(id);
}

namespace {

// A person written as part of a larger body ("owner.", "person."): the fields of the storage's
// errors (a NIK another person has) named as the body names them.
template <typename T>
core::Result<T> Prefixed(core::Result<T> result, const std::string& prefix) {
  if (result.ok() || prefix.empty()) return result;
  core::Error error = std::move(result).error();
  for (auto& field : error.fields) field.field = prefix + field.field;
  return error;
}

core::Status ApplyStakeholder(UnitOfWork& unit, const StakeholderInput& input,
                              Stakeholder& stakeholder, bool creating) {
  Problems problems;
  ApplyRequiredText(problems, input.name, creating, "name", 200, stakeholder.name);
  ApplyRequiredChoice(problems, input.helix, creating, "helix",
                      [](std::string_view text) { return ParseHelix(text); },
                      "helix must be government, business, academia or civil_society",
                      stakeholder.helix);
  ApplyRequiredChoice(problems, input.kind, creating, "kind",
                      [](std::string_view text) { return ParseStakeholderKind(text); },
                      "kind must be agency, bank, soe, csr_unit, university, ngo, community, "
                      "zakat_institution or media",
                      stakeholder.kind);
  if (Given(input.region_code)) {
    stakeholder.region_code.reset();
    if (IsSet(input.region_code)) {
      const std::string& code = **input.region_code;
      if (!regions::LevelOfCode(code)) {
        problems.Add("region_code", "invalid_format", "region_code must be a region code such as 35.79");
      } else if (auto region = unit.Regions().Get(code); !region.ok()) {
        problems.Add("region_code", "not_found", "no region with code " + code);
      } else {
        stakeholder.region_code = code;
      }
    }
  }
  if (Given(input.contact)) {
    stakeholder.contact.reset();
    if (IsSet(input.contact) && !core::Trim(**input.contact).empty()) {
      if (auto contact = CheckText(problems, "contact", **input.contact, 500)) {
        stakeholder.contact = contact;
      }
    }
  }
  if (!problems.empty()) return problems.ToError();
  return core::OkStatus();
}

// The person `id` named as an enterprise's owner; kInvalidArgument naming owner_id when there is
// none.
core::Result<Person> FindOwner(UnitOfWork& unit, std::int64_t id) {
  auto found = unit.People().Find(id);
  if (!found.ok() && found.error().code == core::ErrorCode::kNotFound) {
    return Error::Invalid("owner_id", "not_found", "no person with id " + std::to_string(id));
  }
  return found;
}

}  // namespace

core::Result<Stakeholder> RegistryService::CreateStakeholder(const Context& context,
                                                             const StakeholderInput& input) {
  if (!context.IsAdmin()) return Error::Denied("only an admin adds stakeholders");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  Stakeholder stakeholder;
  GOTONG_RETURN_IF_ERROR(ApplyStakeholder(*unit, input, stakeholder, true));
  stakeholder.created_at = stakeholder.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(stakeholder.id, unit->Stakeholders().Insert(stakeholder));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, stakeholder.created_at,
                                       "stakeholder", stakeholder.id, "create", std::nullopt,
                                       SnapshotOf(stakeholder)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return stakeholder;
}

core::Result<Stakeholder> RegistryService::UpdateStakeholder(const Context& context,
                                                             std::int64_t id,
                                                             const StakeholderInput& input) {
  if (!context.IsAdmin()) return Error::Denied("only an admin changes stakeholders");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(Stakeholder stakeholder, unit->Stakeholders().Find(id));
  auto before = SnapshotOf(stakeholder);
  GOTONG_RETURN_IF_ERROR(ApplyStakeholder(*unit, input, stakeholder, false));
  stakeholder.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Stakeholders().Update(stakeholder));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, stakeholder.updated_at,
                                       "stakeholder", id, "update", std::move(before),
                                       SnapshotOf(stakeholder)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return stakeholder;
}

// ---- people -------------------------------------------------------------------------------

core::Status RegistryService::ApplyPerson(UnitOfWork& unit, const PersonInput& input,
                                          Person& person, const std::string& prefix) {
  Problems problems;
  bool creating = person.id == 0;
  auto name_of = [&](const char* field) { return prefix + field; };
  ApplyRequiredText(problems, input.name, creating, name_of("name"), 120, person.name);
  if (Given(input.gender)) {
    person.gender.reset();
    if (IsSet(input.gender)) {
      person.gender = ParseGender(**input.gender);
      if (!person.gender) {
        problems.Add(name_of("gender"), "invalid_value", name_of("gender") + " must be female or male");
      }
    }
  }
  if (Given(input.birth_year)) {
    person.birth_year.reset();
    if (IsSet(input.birth_year)) {
      auto year = **input.birth_year;
      if (year < 1900 || year > CurrentYear(clock_.Now())) {
        problems.Add(name_of("birth_year"), "out_of_range",
                     name_of("birth_year") + " must be between 1900 and this year");
      } else {
        person.birth_year = static_cast<int>(year);
      }
    }
  }
  form::ApplyOptionalText(problems, input.occupation, name_of("occupation"), 100, person.occupation);
  if (Given(input.phone)) {
    person.phone.reset();
    if (IsSet(input.phone) && !core::Trim(**input.phone).empty()) {
      auto phone = NormalisePhone(**input.phone, name_of("phone"));
      if (phone.ok()) {
        person.phone = *phone;
      } else {
        problems.Add(phone.error());
      }
    }
  }
  if (Given(input.village_code)) {
    person.village_code.reset();
    if (IsSet(input.village_code)) {
      CheckVillage(unit, problems, name_of("village_code"), **input.village_code);
      person.village_code = **input.village_code;
    }
  }
  if (Given(input.nik)) {
    if (!IsSet(input.nik)) {
      person.nik.reset();
      person.nik_consent_at.reset();
    } else {
      std::string nik(core::Trim(**input.nik));
      bool consent = IsSet(input.nik_consent) && **input.nik_consent;
      if (!IsValidNik(nik)) {
        problems.Add(name_of("nik"), "invalid_format",
                     name_of("nik") + " must be the 16 digits of an Indonesian national id");
      } else if (!consent) {
        problems.Add(name_of("nik_consent"), "required",
                     "a NIK is stored only with the person's consent: set " +
                         name_of("nik_consent") + " to true");
      } else {
        person.nik = nik;
        person.nik_consent_at = clock_.Now();
      }
    }
  } else if (IsSet(input.nik_consent) && !**input.nik_consent && person.nik) {
    // Consent withdrawn: the NIK goes with it.
    person.nik.reset();
    person.nik_consent_at.reset();
  }
  if (!problems.empty()) return problems.ToError();
  return core::OkStatus();
}

core::Result<core::Page<PersonView>> RegistryService::ListPeople(
    const Context& context, const std::optional<std::string>& region,
    const std::optional<std::string>& q, const core::PageRequest& page) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  if (region && !regions::LevelOfCode(*region)) {
    return Error::Invalid("region", "invalid_format", "region must be a region code such as 35.79");
  }
  std::optional<std::string> needle;
  if (q) {
    needle = core::AsciiLower(core::Trim(*q));
    if (core::CodePointCount(*needle) < 2) {
      return Error::Invalid("q", "too_short", "q must be at least 2 characters");
    }
    if (core::CodePointCount(*needle) > 100) {
      return Error::Invalid("q", "too_long", "q must be at most 100 characters");
    }
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto people, unit->People().List(region, needle, page));
  core::Page<PersonView> views{{}, people.total, people.limit, people.offset};
  for (auto& person : people.items) views.items.push_back(ViewOf(context, std::move(person)));
  std::vector<PersonView*> listed;
  for (auto& view : views.items) listed.push_back(&view);
  GOTONG_RETURN_IF_ERROR(AddCategories(context, *unit, listed));
  return views;
}

core::Result<PersonView> RegistryService::GetPerson(const Context& context, std::int64_t id) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  auto person = unit->People().Find(id);
  if (!person.ok()) return std::move(person).error();
  auto view = ViewOf(context, std::move(person).value());
  GOTONG_RETURN_IF_ERROR(AddCategories(context, *unit, {&view}));
  return view;
}

core::Result<PersonView> RegistryService::CreatePerson(const Context& context,
                                                       const PersonInput& input) {
  if (!context.IsAdmin() && !(context.principal && context.principal->role == Role::kOfficer)) {
    return Error::Denied("only admins and officers add people to the registry");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(auto steward_id, StewardFor(context, *unit, input.steward_id));
  GOTONG_ASSIGN_OR_RETURN(auto person, AddPerson(*unit, context, input, steward_id, ""));
  auto view = ViewOf(context, std::move(person));
  GOTONG_RETURN_IF_ERROR(AddCategories(context, *unit, {&view}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return view;
}

core::Result<Person> RegistryService::AddPerson(UnitOfWork& unit, const Context& context,
                                                const PersonInput& input,
                                                std::optional<std::int64_t> steward_id,
                                                const std::string& prefix) {
  Person person;
  person.steward_id = steward_id;
  GOTONG_RETURN_IF_ERROR(ApplyPerson(unit, input, person, prefix));
  person.created_at = person.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(person.id, Prefixed(unit.People().Insert(person), prefix));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit.Audit(), context, person.created_at, "person",
                                       person.id, "create", std::nullopt, SnapshotOf(person)));
  GOTONG_RETURN_IF_ERROR(WriteCategories(context, unit, input, person, prefix));
  return person;
}

core::Result<PersonView> RegistryService::UpdatePerson(const Context& context, std::int64_t id,
                                                       const PersonInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(Person person, unit->People().Find(id));
  GOTONG_RETURN_IF_ERROR(MayChange(context, person.steward_id, "person"));
  auto before = SnapshotOf(person);
  std::string old_name = person.name;
  if (Given(input.steward_id)) {
    GOTONG_ASSIGN_OR_RETURN(person.steward_id, StewardFor(context, *unit, input.steward_id));
  }
  GOTONG_RETURN_IF_ERROR(ApplyPerson(*unit, input, person, ""));
  person.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->People().Update(person));
  if (person.name != old_name) {
    GOTONG_RETURN_IF_ERROR(unit->Enterprises().OwnerRenamed(person.id, person.name));
  }
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, person.updated_at, "person", id,
                                       "update", std::move(before), SnapshotOf(person)));
  GOTONG_RETURN_IF_ERROR(WriteCategories(context, *unit, input, person, ""));
  auto view = ViewOf(context, std::move(person));
  GOTONG_RETURN_IF_ERROR(AddCategories(context, *unit, {&view}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return view;
}

// ---- household categories (issue 15: what targeting reads of a household) ------------------

namespace {

constexpr std::size_t kMaxCategorySource = 200;

std::string CategoriesText(const std::vector<HouseholdCategory>& categories) {
  std::string text;
  for (const auto& c : categories) {
    text += (text.empty() ? "" : ", ") + c.category;
    if (c.since) text += " since " + c.since->ToString();
    if (c.source) text += " (" + *c.source + ")";
  }
  return text;
}

}  // namespace

core::Status RegistryService::AddCategories(const Context& context, UnitOfWork& unit,
                                            const std::vector<PersonView*>& views) const {
  std::vector<std::int64_t> ids;
  for (const auto* view : views) {
    if (MayWrite(context, view->person.steward_id)) ids.push_back(view->person.id);
  }
  if (ids.empty()) return core::OkStatus();
  GOTONG_ASSIGN_OR_RETURN(auto found, unit.Households().Categories(ids));
  for (auto* view : views) {
    if (!MayWrite(context, view->person.steward_id)) continue;
    auto it = found.find(view->person.id);
    view->categories = it == found.end() ? std::vector<HouseholdCategory>{} : it->second;
  }
  return core::OkStatus();
}

core::Status RegistryService::WriteCategories(const Context& context, UnitOfWork& unit,
                                              const PersonInput& input, const Person& person,
                                              const std::string& prefix) {
  if (!input.categories) return core::OkStatus();
  if (!MayWrite(context, person.steward_id)) {
    return Error::Denied(
        "only admins and the officers of the person's steward set household categories");
  }
  Problems problems;
  std::vector<HouseholdCategory> categories;
  const core::Date today = core::DayInIndonesia(clock_.Now());
  for (std::size_t i = 0; i < input.categories->size(); ++i) {
    const auto& given = (*input.categories)[i];
    const std::string at = prefix + "categories[" + std::to_string(i) + "]";
    HouseholdCategory category;
    if (!IsSet(given.category)) {
      problems.Add(at + ".category", "required", "category is poor or zakat_recipient");
      continue;
    }
    const std::string& word = **given.category;
    if (std::find(std::begin(kHouseholdCategories), std::end(kHouseholdCategories), word) ==
        std::end(kHouseholdCategories)) {
      problems.Add(at + ".category", "invalid_value", "category is poor or zakat_recipient");
      continue;
    }
    if (std::any_of(categories.begin(), categories.end(),
                    [&](const HouseholdCategory& c) { return c.category == word; })) {
      problems.Add(at + ".category", "duplicate", "a category is given once");
      continue;
    }
    category.category = word;
    if (IsSet(given.since)) {
      category.since = form::CheckDate(problems, at + ".since", **given.since);
      if (category.since && *category.since > today) {
        problems.Add(at + ".since", "in_future", "since is a day not after today");
      }
    }
    form::ApplyOptionalText(problems, given.source, at + ".source", kMaxCategorySource,
                            category.source);
    categories.push_back(std::move(category));
  }
  if (!problems.empty()) return problems.ToError();
  // In the order of kHouseholdCategories.
  std::sort(categories.begin(), categories.end(), [](const auto& a, const auto& b) {
    return a.category < b.category;
  });
  GOTONG_ASSIGN_OR_RETURN(auto before, unit.Households().Categories({person.id}));
  const auto& old = before.count(person.id) ? before.at(person.id) : std::vector<HouseholdCategory>{};
  if (old == categories) return core::OkStatus();
  const core::Instant now = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit.Households().Replace(person.id, categories, now));
  // Its own entity, so that the person's history (read by every registry reader) does not show it.
  return audit::Record(unit.Audit(), context, now, "household_categories", person.id, "update",
                       audit::Snapshot{{"categories", CategoriesText(old)}},
                       audit::Snapshot{{"categories", CategoriesText(categories)}});
}

core::Result<core::Page<audit::Entry>> RegistryService::PersonHistory(
    const Context& context, std::int64_t id, const core::PageRequest& page) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_RETURN_IF_ERROR(unit->People().Find(id));
  return unit->Audit().List({"person", std::to_string(id)}, page);
}

// ---- enterprises --------------------------------------------------------------------------

core::Result<EnterpriseFilter> RegistryService::BuildFilter(const EnterpriseQuery& query) const {
  EnterpriseFilter filter;
  filter.stale_before = StaleBefore();
  Problems problems;
  if (query.region) {
    if (!regions::LevelOfCode(*query.region)) {
      problems.Add("region", "invalid_format", "region must be a region code such as 35.79");
    } else {
      filter.region = *query.region;
    }
  }
  if (query.sector) {
    filter.sector = ParseSector(*query.sector);
    if (!filter.sector) problems.Add("sector", "invalid_value", "sector is not a known sector");
  }
  if (query.scale) {
    filter.scale = ParseScale(*query.scale);
    if (!filter.scale) {
      problems.Add("scale", "invalid_value", "scale must be micro, small, medium or large");
    }
  }
  if (query.status) {
    filter.status = ParseStatus(*query.status);
    if (!filter.status) problems.Add("status", "invalid_value", "status must be active or closed");
  }
  filter.stale = query.stale;
  if (query.q) {
    std::string needle = core::AsciiLower(core::Trim(*query.q));
    if (core::CodePointCount(needle) < 2) {
      problems.Add("q", "too_short", "q must be at least 2 characters");
    } else if (core::CodePointCount(needle) > 100) {
      problems.Add("q", "too_long", "q must be at most 100 characters");
    } else {
      filter.q = needle;
    }
  }
  if (!problems.empty()) return problems.ToError();
  return filter;
}

core::Result<core::Page<EnterpriseView>> RegistryService::ListEnterprises(
    const Context& context, const EnterpriseQuery& query, const core::PageRequest& page) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  GOTONG_ASSIGN_OR_RETURN(auto filter, BuildFilter(query));
  auto sort = EnterpriseSort::kName;
  if (query.sort) {
    auto parsed = ParseEnterpriseSort(*query.sort);
    if (!parsed) {
      return Error::Invalid("sort", "invalid_value",
                            "sort must be name, verified_at, turnover or created_at, optionally "
                            "with a leading - for descending");
    }
    sort = *parsed;
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto found, unit->Enterprises().List(filter, sort, page));
  core::Page<EnterpriseView> views{{}, found.total, found.limit, found.offset};
  views.items.reserve(found.items.size());
  for (auto& enterprise : found.items) views.items.push_back(ViewOf(std::move(enterprise)));
  return views;
}

core::Status RegistryService::ExportEnterprises(
    const Context& context, const EnterpriseQuery& query, bool include_nik,
    const std::function<bool(const EnterpriseView&, const Person& owner)>& each) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  GOTONG_ASSIGN_OR_RETURN(auto filter, BuildFilter(query));
  auto sort = EnterpriseSort::kName;
  if (query.sort) {
    auto parsed = ParseEnterpriseSort(*query.sort);
    if (!parsed) return Error::Invalid("sort", "invalid_value", "sort is not a known order");
    sort = *parsed;
  }
  if (include_nik && !context.IsAdmin() &&
      !(context.principal && context.principal->role == Role::kOfficer)) {
    return Error::Denied("only admins and officers may export NIKs");
  }
  if (include_nik) {
    // The export itself is recorded before any NIK leaves the server.
    GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
    audit::Snapshot what;
    what.emplace_back("region", query.region ? audit::Value(*query.region) : audit::Value(nullptr));
    what.emplace_back("sector", query.sector ? audit::Value(*query.sector) : audit::Value(nullptr));
    what.emplace_back("scale", query.scale ? audit::Value(*query.scale) : audit::Value(nullptr));
    what.emplace_back("status", query.status ? audit::Value(*query.status) : audit::Value(nullptr));
    what.emplace_back("q", query.q ? audit::Value(*query.q) : audit::Value(nullptr));
    GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, clock_.Now(), "export",
                                         "enterprises", "export_nik", std::nullopt,
                                         std::move(what)));
    GOTONG_RETURN_IF_ERROR(unit->Commit());
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Enterprises().ForEach(filter, sort, [&](const Enterprise& enterprise, Person owner) {
    if (owner.nik && !(include_nik && MaySeeNik(context, owner.steward_id))) {
      owner.nik = MaskNik(*owner.nik);
    }
    return each(ViewOf(enterprise), owner);
  });
}

core::Result<AreaSummary> RegistryService::CountByArea(const Context& context,
                                                       const EnterpriseQuery& query) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  GOTONG_ASSIGN_OR_RETURN(auto filter, BuildFilter(query));
  std::size_t child_length = 2;
  if (query.region) {
    auto level = regions::LevelOfCode(*query.region);
    switch (*level) {
      case regions::Level::kProvince: child_length = 5; break;
      case regions::Level::kRegency: child_length = 8; break;
      case regions::Level::kDistrict: child_length = 13; break;
      case regions::Level::kVillage:
        return Error::Invalid("region", "no_smaller_areas", "a village has no smaller areas");
    }
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  if (query.region) GOTONG_RETURN_IF_ERROR(unit->Regions().Get(*query.region));
  GOTONG_ASSIGN_OR_RETURN(auto counts, unit->Enterprises().CountByArea(filter, child_length));
  std::map<std::string, AreaCount> by_code;
  for (auto& count : counts) by_code.emplace(count.code, count);
  AreaSummary summary;
  summary.region_code = query.region;
  GOTONG_RETURN_IF_ERROR(core::ForEachItem(
      [&](const core::PageRequest& page) { return unit->Regions().Children(query.region, page); },
      [&](const regions::Region& child) {
        AreaCount count;
        if (auto found = by_code.find(child.code); found != by_code.end()) {
          count = found->second;
          by_code.erase(found);
        }
        count.code = child.code;
        summary.total += count.total;
        summary.stale += count.stale;
        summary.areas.push_back(count);
        summary.area_names.push_back(child.name);
      }));
  // Enterprises in codes the region table no longer knows still count, under their code.
  for (auto& [code, count] : by_code) {
    summary.total += count.total;
    summary.stale += count.stale;
    summary.areas.push_back(count);
    summary.area_names.push_back(code);
  }
  return summary;
}

core::Result<EnterpriseView> RegistryService::GetEnterprise(const Context& context,
                                                            std::int64_t id) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  auto enterprise = unit->Enterprises().Find(id);
  if (!enterprise.ok()) return std::move(enterprise).error();
  return ViewOf(std::move(enterprise).value());
}

core::Status RegistryService::ApplyEnterprise(UnitOfWork& unit, const EnterpriseInput& input,
                                              Enterprise& enterprise) {
  Problems problems;
  bool creating = enterprise.id == 0;
  int this_year = CurrentYear(clock_.Now());
  ApplyRequiredText(problems, input.name, creating, "name", 200, enterprise.name);
  ApplyRequiredChoice(problems, input.sector, creating, "sector",
                      [](std::string_view text) { return ParseSector(text); },
                      "sector must be one of the sector codes (GET /api/v1/sectors)",
                      enterprise.sector);
  auto optional_text = [&](const Field<std::string>& field, const std::string& name,
                           std::optional<std::string>& target, std::size_t max) {
    if (!Given(field)) return;
    target.reset();
    if (IsSet(field) && !core::Trim(**field).empty()) target = CheckText(problems, name, **field, max);
  };
  optional_text(input.products, "products", enterprise.products, 500);
  optional_text(input.business_centre, "business_centre", enterprise.business_centre, 200);
  if (Given(input.village_code) || creating) {
    if (!IsSet(input.village_code)) {
      problems.Add("village_code", "required", "village_code is required");
    } else {
      CheckVillage(unit, problems, "village_code", **input.village_code);
      enterprise.village_code = **input.village_code;
    }
  }
  auto optional_number = [&](const Field<std::int64_t>& field, const std::string& name,
                             std::int64_t min, std::int64_t max, auto& target) {
    if (!Given(field)) return;
    target.reset();
    if (!IsSet(field)) return;
    std::int64_t value = **field;
    if (value < min || value > max) {
      if (value < 0 && min == 0) {
        problems.Add(name, "negative", name + " must not be negative");
      } else {
        problems.Add(name, "out_of_range",
                     name + " must be between " + std::to_string(min) + " and " + std::to_string(max));
      }
      return;
    }
    target = static_cast<typename std::decay_t<decltype(target)>::value_type>(value);
  };
  optional_number(input.founded_year, "founded_year", 1900, this_year, enterprise.founded_year);
  optional_number(input.employees, "employees", 0, 100000, enterprise.employees);
  optional_number(input.capital, "capital", 0, INT64_MAX, enterprise.capital);
  optional_number(input.turnover, "turnover", 0, INT64_MAX, enterprise.turnover);
  if (Given(input.nib)) {
    enterprise.nib.reset();
    if (IsSet(input.nib) && !core::Trim(**input.nib).empty()) {
      std::string nib(core::Trim(**input.nib));
      if (!IsValidNib(nib)) {
        problems.Add("nib", "invalid_format", "nib must be exactly 13 digits");
      } else {
        enterprise.nib = nib;
      }
    }
  }
  if (Given(input.status)) {
    auto status = IsSet(input.status) ? ParseStatus(**input.status) : std::nullopt;
    if (!status) {
      problems.Add("status", "invalid_value", "status must be active or closed");
    } else {
      enterprise.status = *status;
    }
  }
  if (!problems.empty()) return problems.ToError();
  return core::OkStatus();
}

core::Result<EnterpriseView> RegistryService::CreateEnterprise(const Context& context,
                                                               const EnterpriseInput& input) {
  if (!context.IsAdmin() && !(context.principal && context.principal->role == Role::kOfficer)) {
    return Error::Denied("only admins and officers add enterprises to the registry");
  }
  if (IsSet(input.owner_id) && input.owner) {
    return Error::Invalid("owner", "invalid_value", "give either owner_id or owner, not both");
  }
  if (!IsSet(input.owner_id) && !input.owner) {
    return Error::Invalid("owner_id", "required", "owner_id (or a new owner) is required");
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  Enterprise enterprise;
  GOTONG_ASSIGN_OR_RETURN(enterprise.steward_id, StewardFor(context, *unit, input.steward_id));
  core::Instant now = clock_.Now();
  Person owner;
  if (input.owner) {
    owner.steward_id = enterprise.steward_id;
    auto status = ApplyPerson(*unit, *input.owner, owner, "owner.");
    auto own = ApplyEnterprise(*unit, input, enterprise);
    if (!status.ok() || !own.ok()) {
      std::vector<FieldError> fields;
      if (!status.ok()) fields = status.error().fields;
      if (!own.ok()) fields.insert(fields.end(), own.error().fields.begin(), own.error().fields.end());
      return Error::Invalid(std::move(fields));
    }
    owner.created_at = owner.updated_at = now;
    GOTONG_ASSIGN_OR_RETURN(owner.id, Prefixed(unit->People().Insert(owner), "owner."));
    GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "person", owner.id, "create",
                                         std::nullopt, SnapshotOf(owner)));
  } else {
    GOTONG_ASSIGN_OR_RETURN(owner, FindOwner(*unit, **input.owner_id));
    GOTONG_RETURN_IF_ERROR(ApplyEnterprise(*unit, input, enterprise));
  }
  enterprise.owner_id = owner.id;
  enterprise.owner_name = owner.name;
  enterprise.owner_gender = owner.gender;
  enterprise.created_at = enterprise.updated_at = now;
  GOTONG_ASSIGN_OR_RETURN(enterprise.id, unit->Enterprises().Insert(enterprise));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "enterprise", enterprise.id,
                                       "create", std::nullopt, SnapshotOf(enterprise)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return ViewOf(std::move(enterprise));
}

core::Result<EnterpriseView> RegistryService::UpdateEnterprise(const Context& context,
                                                               std::int64_t id,
                                                               const EnterpriseInput& input) {
  if (input.owner) {
    return Error::Invalid("owner", "invalid_value",
                          "an existing enterprise changes owner by owner_id");
  }
  return ChangeEnterprise(
      context, id, "update",
      [&](UnitOfWork& unit, Enterprise& enterprise, core::Instant) -> core::Status {
        if (Given(input.steward_id)) {
          GOTONG_ASSIGN_OR_RETURN(enterprise.steward_id,
                                  StewardFor(context, unit, input.steward_id));
        }
        if (Given(input.owner_id)) {
          if (!IsSet(input.owner_id))
            return Error::Invalid("owner_id", "required", "owner_id cannot be null");
          GOTONG_ASSIGN_OR_RETURN(auto owner, FindOwner(unit, **input.owner_id));
          enterprise.owner_id = owner.id;
          enterprise.owner_name = owner.name;
          enterprise.owner_gender = owner.gender;
        }
        return ApplyEnterprise(unit, input, enterprise);
      });
}

core::Result<EnterpriseView> RegistryService::VerifyEnterprise(const Context& context,
                                                               std::int64_t id) {
  return ChangeEnterprise(
      context, id, "verify",
      [&](UnitOfWork&, Enterprise& enterprise, core::Instant now) -> core::Status {
        enterprise.verified_at = now;
        enterprise.verified_by = context.UserId();
        enterprise.verified_by_username =
            context.principal ? context.principal->username : "system";
        return core::OkStatus();
      });
}

core::Result<EnterpriseView> RegistryService::ChangeEnterprise(const Context& context,
                                                               std::int64_t id,
                                                               std::string_view action,
                                                               const EnterpriseChange& change) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(Enterprise enterprise, unit->Enterprises().Find(id));
  GOTONG_RETURN_IF_ERROR(MayChange(context, enterprise.steward_id, "enterprise"));
  core::Instant now = clock_.Now();
  auto before = SnapshotOf(enterprise);
  GOTONG_RETURN_IF_ERROR(change(*unit, enterprise, now));
  enterprise.updated_at = now;
  GOTONG_RETURN_IF_ERROR(unit->Enterprises().Update(enterprise));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, now, "enterprise", id,
                                       std::string(action), std::move(before),
                                       SnapshotOf(enterprise)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return ViewOf(std::move(enterprise));
}

core::Result<core::Page<audit::Entry>> RegistryService::EnterpriseHistory(
    const Context& context, std::int64_t id, const core::PageRequest& page) {
  if (!MayRead(context)) return Error::Denied("the registry is for officers and facilitators");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto enterprise, unit->Enterprises().Find(id));
  GOTONG_ASSIGN_OR_RETURN(auto history, unit->Audit().List({"enterprise", std::to_string(id)}, page));
  if (!enterprise.import_job_id) return history;
  // A bulk import writes no audit entry per row: its job stands for the creation, the oldest
  // entry of the history, after every audited change.
  const std::int64_t audited = history.total;
  history.total += 1;
  if (page.offset > audited || page.offset + static_cast<std::int64_t>(page.limit) <= audited) {
    return history;
  }
  GOTONG_ASSIGN_OR_RETURN(auto job, unit->Imports().Find(*enterprise.import_job_id));
  audit::Entry created;
  created.at = enterprise.created_at;
  created.actor_id = job.created_by;
  created.actor_username = job.created_by_username;
  created.entity = "enterprise";
  created.entity_id = std::to_string(id);
  created.action = "import";
  created.after = audit::Snapshot{{"import_job", job.id}, {"file_name", job.file_name}};
  created.request_id = "import-" + std::to_string(job.id);
  history.items.push_back(std::move(created));
  return history;
}

}  // namespace gotong::domain::registry
