#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/audit/audit.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/mentoring/mentoring.hpp"

namespace gotong::domain::mentoring {

struct CompetencyQuery {
  std::optional<std::string> sector;
  bool include_retired = false;
  core::PageRequest page;
};

struct CompetencyInput {
  form::Field<std::string> code;    // on create only
  form::Field<std::string> sector;  // on create only; null: a business skill of every sector
  form::Field<std::string> name;
  form::Field<std::string> name_en;
  form::Field<std::string> description;
  form::Field<bool> retired;
};

audit::Snapshot SnapshotOf(const Competency& competency);

// The catalogue of competencies: read by everyone signed in (mentors plan with it, members see
// what they learn), kept by admins. A competency is never deleted: evaluations name it, so one no
// longer taught is retired.
class CompetencyService {
 public:
  CompetencyService(Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

  core::Result<core::Page<Competency>> List(const accounts::Context& context, const CompetencyQuery& query);
  core::Result<Competency> Get(const accounts::Context& context, std::int64_t id);
  core::Result<Competency> Create(const accounts::Context& context, const CompetencyInput& input);
  core::Result<Competency> Update(const accounts::Context& context, std::int64_t id,
                                  const CompetencyInput& input);

 private:
  Database& database_;
  const core::Clock& clock_;
};

}  // namespace gotong::domain::mentoring
