#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/audit/audit.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/programmes/programmes.hpp"

namespace gotong::domain::programmes {

struct PartnerInput {
  std::optional<std::int64_t> stakeholder_id;
  std::optional<std::string> helix;  // default: the stakeholder's own
  std::optional<std::string> contribution;
};

struct CriteriaInput {
  std::optional<std::vector<std::string>> region_codes;
  std::optional<std::vector<std::string>> sectors;
  std::optional<std::vector<std::string>> scales;
  form::Field<std::int64_t> founded_within_years;
  form::Field<bool> homogeneous;
  std::optional<std::vector<std::string>> categories;
};

struct ProgrammeInput {
  form::Field<std::string> name;
  form::Field<std::int64_t> owner_id;  // on create only; an officer's own stakeholder by default
  form::Field<std::string> description;
  form::Field<std::string> status;  // on update: one step forward (MayMove)
  form::Field<std::string> starts_on;
  form::Field<std::string> ends_on;
  std::optional<std::vector<std::string>> factors;  // capital_access, human_resources, ...
  form::Field<std::int64_t> sop_meetings_per_month;
  form::Field<std::int64_t> sop_reports_per_year;
  form::Field<std::int64_t> budget;
  form::Field<std::string> exit_strategy;
  std::optional<std::vector<std::int64_t>> follow_up_months;
  std::optional<std::vector<PartnerInput>> partners;  // replaces the partners (the owner stays)
  std::optional<CriteriaInput> criteria;              // replaces the criteria
};

struct ProgrammeQuery {
  std::optional<std::string> status;
  std::optional<std::string> q;
  core::PageRequest page;
};

struct ProgrammeView {
  Programme programme;
  bool can_manage = false;  // the caller designs it and enrols (admins, its owner's officers)
};

struct EnrolmentInput {
  form::Field<std::int64_t> group_id;       // on create only; one of the two
  form::Field<std::int64_t> enterprise_id;  // on create only
  form::Field<std::int64_t> facilitator_id;
  form::Field<std::string> enrolled_on;  // on create; default today
  form::Field<std::string> left_on;
  form::Field<std::string> outside_criteria_reason;  // on create, required when outside the criteria
};

struct EnrolmentQuery {
  bool current_only = false;
  bool outside_criteria_only = false;
  core::PageRequest page;
};

struct EnrolmentView {
  Enrolment enrolment;
  Eligibility eligibility;  // as the programme's criteria read the candidate now
};

// An account that can be named an enrolment's facilitator.
struct FacilitatorRef {
  std::int64_t id = 0;
  std::string name;
};

struct CandidateQuery {
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> enterprise_id;
};

audit::Snapshot SnapshotOf(const Programme& programme);
audit::Snapshot SnapshotOf(const Enrolment& enrolment);

// Programmes and their enrolments. Admins and officers design programmes (an officer's are owned
// by her stakeholder); the owner's officers change and enrol; its partners' officers, its
// facilitators and the accounts of its enrolled groups read it. A programme out of a caller's
// reach does not exist for her (kNotFound).
class ProgrammeService {
 public:
  ProgrammeService(Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

  core::Result<core::Page<Programme>> List(const accounts::Context& context, const ProgrammeQuery& query);
  core::Result<ProgrammeView> Get(const accounts::Context& context, std::int64_t id);
  core::Result<ProgrammeView> Create(const accounts::Context& context, const ProgrammeInput& input);
  // A closed programme does not change.
  core::Result<ProgrammeView> Update(const accounts::Context& context, std::int64_t id, const ProgrammeInput& input);

  // Oldest first; one enrolled outside the criteria carries its reason.
  core::Result<core::Page<Enrolment>> Enrolments(const accounts::Context& context, std::int64_t programme_id,
                                                 const EnrolmentQuery& query);
  // Which criteria a group or an enterprise meets, before it is enrolled.
  core::Result<Eligibility> CheckCandidate(const accounts::Context& context, std::int64_t programme_id,
                                           const CandidateQuery& query);
  // Into a draft or active programme; outside the criteria only with a written reason.
  core::Result<EnrolmentView> Enrol(const accounts::Context& context, std::int64_t programme_id,
                                    const EnrolmentInput& input);
  // The active facilitator accounts scoped to the programme, for those who enrol (an officer picks
  // an enrolment's facilitator from them; the users list is the admin's).
  core::Result<std::vector<FacilitatorRef>> Facilitators(const accounts::Context& context, std::int64_t programme_id);
  // Its facilitator and the day it left.
  core::Result<EnrolmentView> UpdateEnrolment(const accounts::Context& context, std::int64_t id,
                                              const EnrolmentInput& input);

 private:
  core::Date Today() const;
  Database& database_;
  const core::Clock& clock_;
};

}  // namespace gotong::domain::programmes
