// People, enterprises, stakeholders and sectors: the registry of seed 002.

#include <charconv>
#include <map>

#include "api/dto.hpp"
#include "api/handlers/handlers.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "core/time.hpp"
#include "io/registry_export.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace registry = domain::registry;
using domain::accounts::Role;

json::value PersonJson(const registry::PersonView& view, const Villages& villages) {
  const auto& p = view.person;
  json::value value = json::object{
      {"id", p.id},
      {"name", p.name},
      {"gender", p.gender ? json::value(json::string(ToString(*p.gender))) : json::value(nullptr)},
      {"birth_year", NullableNumber(p.birth_year)},
      {"occupation", Nullable(p.occupation)},
      {"phone", Nullable(p.phone)},
      {"village_code", Nullable(p.village_code)},
      {"village", villages.Of(p.village_code)},
      {"nik", Nullable(p.nik)},
      {"nik_masked", view.nik_masked},
      {"nik_consent_at", NullableInstant(p.nik_consent_at)},
      {"steward_id", NullableNumber(p.steward_id)},
      {"created_at", core::FormatInstant(p.created_at)},
      {"updated_at", core::FormatInstant(p.updated_at)}};
  // Household categories only for those who may see them (admins, the steward's officers).
  if (view.categories) {
    json::array categories;
    for (const auto& c : *view.categories) {
      categories.push_back(json::object{{"category", c.category},
                                        {"since", NullableDate(c.since)},
                                        {"source", Nullable(c.source)}});
    }
    value.as_object()["categories"] = std::move(categories);
  }
  return value;
}

// The household categories a person's create or update may give (null clears them).
void ReadCategories(BodyReader& body, registry::PersonInput& input) {
  if (body.Has("categories") && body.IsNull("categories")) {
    input.categories.emplace();
    return;
  }
  if (auto items = body.Objects("categories", false, 2, {"category", "since", "source"})) {
    input.categories.emplace();
    for (auto& item : *items) {
      input.categories->push_back(
          {TextField(item, "category"), TextField(item, "since"), TextField(item, "source")});
    }
  }
}

constexpr auto kPersonCategoryFields =
    std::to_array<BodyField<registry::PersonInput>>({{"categories", &ReadCategories}});

json::value EnterpriseJson(const registry::EnterpriseView& view, const Villages& villages) {
  const auto& e = view.enterprise;
  auto scale = e.scale();
  json::value verified_by = nullptr;
  if (e.verified_at) {
    verified_by = json::object{{"id", NullableNumber(e.verified_by)},
                               {"username", e.verified_by_username}};
  }
  return json::object{
      {"id", e.id},
      {"owner", json::object{{"id", e.owner_id},
                             {"name", e.owner_name},
                             {"gender", e.owner_gender
                                            ? json::value(json::string(ToString(*e.owner_gender)))
                                            : json::value(nullptr)}}},
      {"name", e.name},
      {"sector", ToString(e.sector)},
      {"kbli", registry::InfoOf(e.sector).kbli},
      {"products", Nullable(e.products)},
      {"business_centre", Nullable(e.business_centre)},
      {"village_code", e.village_code},
      {"village", villages.Of(e.village_code)},
      {"founded_year", NullableNumber(e.founded_year)},
      {"employees", NullableNumber(e.employees)},
      {"capital", NullableNumber(e.capital)},
      {"turnover", NullableNumber(e.turnover)},
      {"nib", Nullable(e.nib)},
      {"status", ToString(e.status)},
      {"scale", scale ? json::value(json::string(ToString(scale->scale))) : json::value(nullptr)},
      {"scale_criterion",
       scale ? json::value(json::string(ToString(scale->criterion))) : json::value(nullptr)},
      {"verified_at", NullableInstant(e.verified_at)},
      {"verified_by", std::move(verified_by)},
      {"stale", view.stale},
      {"steward_id", NullableNumber(e.steward_id)},
      {"created_at", core::FormatInstant(e.created_at)},
      {"updated_at", core::FormatInstant(e.updated_at)}};
}

json::value StakeholderJson(const registry::Stakeholder& s, const Villages& regions) {
  return json::object{{"id", s.id},
                      {"name", s.name},
                      {"helix", ToString(s.helix)},
                      {"kind", ToString(s.kind)},
                      {"region_code", Nullable(s.region_code)},
                      {"region", regions.Of(s.region_code)},
                      {"contact", Nullable(s.contact)},
                      {"created_at", core::FormatInstant(s.created_at)},
                      {"updated_at", core::FormatInstant(s.updated_at)}};
}

// A new person to add as the owner with the enterprise (instead of owner_id).
void ReadOwner(BodyReader& body, registry::EnterpriseInput& input) {
  if (body.Has("owner") && !body.IsNull("owner")) {
    if (auto owner = body.Object("owner", false, FieldNames(kPersonFields))) {
      registry::PersonInput person;
      ReadFields(*owner, kPersonFields, person);
      input.owner = std::move(person);
    }
  }
}

using EnterpriseIn = registry::EnterpriseInput;
constexpr auto kEnterpriseFields = std::to_array<BodyField<EnterpriseIn>>({
    {"owner_id", &EnterpriseIn::owner_id}, {"owner", ReadOwner}, {"name", &EnterpriseIn::name},
    {"sector", &EnterpriseIn::sector}, {"products", &EnterpriseIn::products},
    {"business_centre", &EnterpriseIn::business_centre},
    {"village_code", &EnterpriseIn::village_code}, {"founded_year", &EnterpriseIn::founded_year},
    {"employees", &EnterpriseIn::employees}, {"capital", &EnterpriseIn::capital},
    {"turnover", &EnterpriseIn::turnover}, {"nib", &EnterpriseIn::nib},
    {"status", &EnterpriseIn::status}, {"steward_id", &EnterpriseIn::steward_id}});

using StakeholderIn = registry::StakeholderInput;
constexpr auto kStakeholderFields = std::to_array<BodyField<StakeholderIn>>({
    {"name", &StakeholderIn::name}, {"helix", &StakeholderIn::helix},
    {"kind", &StakeholderIn::kind}, {"region_code", &StakeholderIn::region_code},
    {"contact", &StakeholderIn::contact, core::TextLines::kMulti}});

// The list filters shared by the list, the area counts and the export; `sorted`: the list and
// the export, which also take a sort order.
registry::EnterpriseQuery ReadEnterpriseQuery(QueryReader& query, bool sorted) {
  registry::EnterpriseQuery filter;
  filter.region = query.String("region");
  filter.sector = query.String("sector");
  filter.scale = query.String("scale");
  filter.status = query.String("status");
  filter.q = query.String("q");
  if (sorted) filter.sort = query.String("sort");
  filter.stale = query.Bool("stale");
  return filter;
}

// The area counts, and the region they are counted within (null for all of Indonesia).
core::Result<json::value> AreaSummaryJson(const registry::AreaSummary& summary,
                                          domain::regions::RegionService& regions) {
  json::value region = nullptr;
  if (summary.region_code) {
    auto found = regions.Get(*summary.region_code);
    if (found.ok()) {
      region = json::object{{"code", found->code}, {"name", found->name}, {"level", ToString(found->level)}};
    } else if (found.error().code != core::ErrorCode::kNotFound) {
      return found.error();
    }
  }
  json::array areas;
  for (std::size_t i = 0; i < summary.areas.size(); ++i) {
    const auto& area = summary.areas[i];
    auto level = domain::regions::LevelOfCode(area.code);
    areas.push_back(json::object{
        {"code", area.code},
        {"name", summary.area_names[i]},
        {"level", level ? json::value(json::string(ToString(*level))) : json::value(nullptr)},
        {"total", area.total},
        {"stale", area.stale},
        {"by_scale", json::object{{"micro", area.micro},
                                  {"small", area.small},
                                  {"medium", area.medium},
                                  {"large", area.large},
                                  {"unknown", area.unknown}}}});
  }
  return json::value(json::object{{"region", std::move(region)},
                                  {"total", summary.total},
                                  {"stale", summary.stale},
                                  {"areas", std::move(areas)}});
}

// 20261123: the date as export file names carry it.
std::string Today(const core::Clock& clock) {
  std::string date = core::FormatInstant(clock.Now()).substr(0, 10);
  std::erase(date, '-');
  return date;
}

// A finished sheet as the download it is sent as.
Response SheetDownload(std::string file, const std::string& format, const core::Clock& clock) {
  Response response;
  response.status = 200;
  response.body_file = std::move(file);  // streamed from disk, then removed
  std::string name = "gotong-enterprises-" + Today(clock) + "." + format;
  response.SetHeader("Content-Type",
                     format == "csv" ? "text/csv; charset=utf-8"
                                     : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace

template <>
struct VillageJson<registry::PersonView> {
  static std::optional<std::string> Code(const registry::PersonView& view) {
    return view.person.village_code;
  }
  static json::value Json(const registry::PersonView& view, const Villages& villages) {
    return PersonJson(view, villages);
  }
};

template <>
struct VillageJson<registry::EnterpriseView> {
  static std::optional<std::string> Code(const registry::EnterpriseView& view) {
    return view.enterprise.village_code;
  }
  static json::value Json(const registry::EnterpriseView& view, const Villages& villages) {
    return EnterpriseJson(view, villages);
  }
};

template <>
struct VillageJson<registry::Stakeholder> {
  static std::optional<std::string> Code(const registry::Stakeholder& s) { return s.region_code; }
  static json::value Json(const registry::Stakeholder& s, const Villages& regions) {
    return StakeholderJson(s, regions);
  }
};

void AddRegistryRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions& options) {
  auto& registry = services.registry;
  auto& regions = services.regions;
  const Access readers = Access::Roles({Role::kAdmin, Role::kOfficer, Role::kFacilitator});
  const Access writers = Access::Roles({Role::kAdmin, Role::kOfficer});
  const Access admin = Access::Roles({Role::kAdmin});

  routes.push_back({"GET", "/api/v1/sectors", Access::SignedIn(), [](Call& call) -> Reply {
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    json::array items;
    for (const auto& info : registry::kSectors) {
      items.push_back(json::object{{"code", info.code}, {"kbli", info.kbli}});
    }
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  }});

  // ---- stakeholders ----
  routes.push_back({"GET", "/api/v1/stakeholders", Access::SignedIn(), [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto helix = query.String("helix");
    auto kind = query.String("kind");
    auto q = query.String("q");
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto found, registry.ListStakeholders(call.context, helix, kind, q, page));
    return PageReply(found, regions);
  }});

  routes.push_back({"POST", "/api/v1/stakeholders", admin, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kStakeholderFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, registry.CreateStakeholder(call.context, input));
    return CreatedReply(created, created.id, "/api/v1/stakeholders", regions);
  }});

  routes.push_back({"GET", "/api/v1/stakeholders/{id}", Access::SignedIn(), [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no stakeholder with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto found, registry.GetStakeholder(call.context, id));
    return RecordReply(200, found, regions);
  }});

  routes.push_back({"PATCH", "/api/v1/stakeholders/{id}", admin, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no stakeholder with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kStakeholderFields));
    GOTONG_ASSIGN_OR_RETURN(auto updated, registry.UpdateStakeholder(call.context, id, input));
    return RecordReply(200, updated, regions);
  }});

  // ---- people ----
  routes.push_back({"GET", "/api/v1/people", readers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto region = query.String("region");
    auto q = query.String("q");
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto found, registry.ListPeople(call.context, region, q, page));
    return PageReply(found, regions);
  }});

  routes.push_back({"POST", "/api/v1/people", writers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kPersonFields, kPersonCategoryFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, registry.CreatePerson(call.context, input));
    return CreatedReply(created, created.person.id, "/api/v1/people", regions);
  }});

  routes.push_back({"GET", "/api/v1/people/{id}", readers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no person with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto found, registry.GetPerson(call.context, id));
    return RecordReply(200, found, regions);
  }});

  routes.push_back({"PATCH", "/api/v1/people/{id}", writers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no person with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kPersonFields, kPersonCategoryFields));
    GOTONG_ASSIGN_OR_RETURN(auto updated, registry.UpdatePerson(call.context, id, input));
    return RecordReply(200, updated, regions);
  }});

  routes.push_back({"GET", "/api/v1/people/{id}/history", readers, [&registry](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no person with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    return JsonReply(200, registry.PersonHistory(call.context, id, page), PageToJson<domain::audit::Entry>);
  }});

  // ---- enterprises ----
  routes.push_back({"GET", "/api/v1/enterprises", readers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto filter = ReadEnterpriseQuery(query, true);
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto found, registry.ListEnterprises(call.context, filter, page));
    return PageReply(found, regions);
  }});

  routes.push_back({"GET", "/api/v1/enterprises/areas", readers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto filter = ReadEnterpriseQuery(query, false);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    GOTONG_ASSIGN_OR_RETURN(auto summary, registry.CountByArea(call.context, filter));
    GOTONG_ASSIGN_OR_RETURN(auto body, AreaSummaryJson(summary, regions));
    return JsonResponse(200, body);
  }});

  routes.push_back({"GET", "/api/v1/enterprises/export", readers,
                    [&registry, &clock = services.clock, tmpdir = options.work_dir](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto format = query.String("format").value_or("csv");
    bool include = query.Bool("include_nik").value_or(false);
    auto filter = ReadEnterpriseQuery(query, true);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    if (format != "csv" && format != "xlsx") {
      return core::Error::Invalid("format", "invalid_value", "format must be csv or xlsx");
    }
    GOTONG_ASSIGN_OR_RETURN(auto sheet, format == "csv" ? io::NewCsvSheet(tmpdir) : io::NewXlsxSheet(tmpdir));
    GOTONG_RETURN_IF_ERROR(registry.ExportEnterprises(
        call.context, filter, include,
        [&](const registry::EnterpriseView& view, const registry::Person& owner) {
          sheet->Add(view.enterprise, owner, view.stale);
          return true;
        }));
    GOTONG_ASSIGN_OR_RETURN(auto file, sheet->Finish());
    return SheetDownload(std::move(file), format, clock);
  }, Heavy::kExport});

  routes.push_back({"POST", "/api/v1/enterprises", writers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kEnterpriseFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, registry.CreateEnterprise(call.context, input));
    return CreatedReply(created, created.enterprise.id, "/api/v1/enterprises", regions);
  }});

  routes.push_back({"GET", "/api/v1/enterprises/{id}", readers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no enterprise with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto found, registry.GetEnterprise(call.context, id));
    return RecordReply(200, found, regions);
  }});

  routes.push_back({"PATCH", "/api/v1/enterprises/{id}", writers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no enterprise with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kEnterpriseFields));
    GOTONG_ASSIGN_OR_RETURN(auto updated, registry.UpdateEnterprise(call.context, id, input));
    return RecordReply(200, updated, regions);
  }});

  routes.push_back({"POST", "/api/v1/enterprises/{id}/verify", writers, [&registry, &regions](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no enterprise with that id"));
    if (!call.request.body.empty()) {
      GOTONG_ASSIGN_OR_RETURN(auto body, BodyReader::Parse(call.request, {}));
      GOTONG_RETURN_IF_ERROR(body.Finish());
    }
    GOTONG_ASSIGN_OR_RETURN(auto verified, registry.VerifyEnterprise(call.context, id));
    return RecordReply(200, verified, regions);
  }});

  routes.push_back({"GET", "/api/v1/enterprises/{id}/history", readers, [&registry](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no enterprise with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto page, PageOnly(call));
    return JsonReply(200, registry.EnterpriseHistory(call.context, id, page), PageToJson<domain::audit::Entry>);
  }});
}

}  // namespace gotong::api::handlers
