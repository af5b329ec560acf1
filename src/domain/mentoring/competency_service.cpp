#include "domain/mentoring/competency_service.hpp"

#include <cctype>

#include "domain/registry/rules.hpp"
#include "domain/service.hpp"

namespace gotong::domain::mentoring {
namespace {

constexpr std::size_t kMaxCode = 60;
constexpr std::size_t kMaxName = 120;
constexpr std::size_t kMaxDescription = 2000;

// "batik.ecotik", "usaha.jualan_daring": lower-case letters, digits, "_" and ".", from a letter.
bool IsCode(const std::string& code) {
  if (code.size() < 2 || code.size() > kMaxCode || std::islower(static_cast<unsigned char>(code.front())) == 0) {
    return false;
  }
  for (char c : code) {
    auto u = static_cast<unsigned char>(c);
    if (std::islower(u) == 0 && std::isdigit(u) == 0 && c != '_' && c != '.') return false;
  }
  return true;
}

// The fields a create sets once: the code that names it for good, and its sector.
void ApplyIdentity(Problems& problems, const CompetencyInput& input, Competency& competency) {
  if (!IsSet(input.code)) {
    problems.Add("code", "required", "give the competency a code such as batik.ecotik");
  } else if (!IsCode(**input.code)) {
    problems.Add("code", "invalid_format",
                 "code is 2 to 60 lower-case letters, digits, _ or ., starting with a letter (batik.ecotik)");
  } else {
    competency.code = **input.code;
  }
  if (IsSet(input.sector)) {
    if (!registry::ParseSector(**input.sector)) {
      problems.Add("sector", "invalid_value", "sector is not a known sector (GET /api/v1/sectors)");
    } else {
      competency.sector = **input.sector;
    }
  }
}

void ApplyText(Problems& problems, const CompetencyInput& input, bool creating, Competency& competency) {
  ApplyRequiredText(problems, input.name, creating, "name", kMaxName, competency.name);
  ApplyOptionalText(problems, input.name_en, "name_en", kMaxName, competency.name_en);
  ApplyOptionalText(problems, input.description, "description", kMaxDescription, competency.description);
  if (Given(input.retired)) {
    if (!IsSet(input.retired)) {
      problems.Add("retired", "required", "retired is true or false");
    } else {
      competency.retired = **input.retired;
    }
  }
}

core::Status MaySee(const Context& context) {
  if (!context.system && !context.principal) return Error::Denied("sign in first");
  return core::OkStatus();
}

}  // namespace

audit::Snapshot SnapshotOf(const Competency& competency) {
  return {
      {"code", competency.code},
      {"sector", audit::Nullable(competency.sector)},
      {"name", competency.name},
      {"name_en", audit::Nullable(competency.name_en)},
      {"description", audit::Nullable(competency.description)},
      {"retired", competency.retired},
  };
}

core::Result<core::Page<Competency>> CompetencyService::List(const Context& context, const CompetencyQuery& query) {
  GOTONG_RETURN_IF_ERROR(MaySee(context));
  CompetencyFilter filter;
  filter.include_retired = query.include_retired;
  if (query.sector) {
    if (!registry::ParseSector(*query.sector)) {
      return Error::Invalid("sector", "invalid_value", "sector is not a known sector (GET /api/v1/sectors)");
    }
    filter.sector = *query.sector;
  }
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Competencies().List(filter, query.page);
}

core::Result<Competency> CompetencyService::Get(const Context& context, std::int64_t id) {
  GOTONG_RETURN_IF_ERROR(MaySee(context));
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Competencies().Find(id);
}

core::Result<Competency> CompetencyService::Create(const Context& context, const CompetencyInput& input) {
  if (!context.IsAdmin()) return Error::Denied("only an admin adds competencies to the catalogue");
  Problems problems;
  Competency competency;
  ApplyIdentity(problems, input, competency);
  ApplyText(problems, input, true, competency);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  competency.created_at = competency.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(competency.id, unit->Competencies().Insert(competency));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, competency.created_at, "competency",
                                       competency.id, "create", std::nullopt,
                                       SnapshotOf(competency)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return competency;
}

core::Result<Competency> CompetencyService::Update(const Context& context, std::int64_t id,
                                                   const CompetencyInput& input) {
  if (!context.IsAdmin()) return Error::Denied("only an admin changes the catalogue of competencies");
  Problems problems;
  // Evaluations and cycles name a competency by what it is: its code and sector stay.
  if (Given(input.code)) problems.Add("code", "immutable", "a competency's code does not change");
  if (Given(input.sector)) problems.Add("sector", "immutable", "a competency's sector does not change");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kWrite));
  GOTONG_ASSIGN_OR_RETURN(Competency competency, unit->Competencies().Find(id));
  auto before = SnapshotOf(competency);
  ApplyText(problems, input, false, competency);
  if (!problems.empty()) return problems.ToError();
  competency.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Competencies().Update(competency));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, competency.updated_at, "competency",
                                       id, "update", std::move(before), SnapshotOf(competency)));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return competency;
}

}  // namespace gotong::domain::mentoring
