#pragma once

#include <memory>
#include <string_view>

#include "core/result.hpp"
#include "domain/accounts/user.hpp"
#include "domain/audit/audit.hpp"
#include "domain/groups/cooperation.hpp"
#include "domain/groups/groups.hpp"
#include "domain/groups/treasury.hpp"
#include "domain/idempotency/idempotency.hpp"
#include "domain/mentoring/mentoring.hpp"
#include "domain/regions/region.hpp"
#include "domain/registry/import.hpp"
#include "domain/registry/registry.hpp"

namespace gotong::domain {

// Declared only: a context whose repositories are named here by declaration keeps its own
// header out of every file that includes this one.
namespace mentoring {
class MentorshipRepository;
class CycleRepository;
class SurveyRepository;
class HelpRequestRepository;
class MatchingRunRepository;
}  // namespace mentoring
namespace programmes {
class ProgrammeRepository;
class EnrolmentRepository;
class AssistanceRepository;
class TargetingRepository;
class ExitRepository;
class DashboardRepository;
}  // namespace programmes
namespace registry {
class HouseholdRepository;
}  // namespace registry

// One transaction. Nothing is kept unless Commit() succeeds; destroying an uncommitted unit
// rolls it back. Repositories obtained from it are valid only while it lives.
class UnitOfWork {
 public:
  virtual ~UnitOfWork() = default;
  virtual accounts::UserRepository& Users() = 0;
  virtual accounts::SessionRepository& Sessions() = 0;
  virtual accounts::ApiTokenRepository& ApiTokens() = 0;
  virtual regions::RegionRepository& Regions() = 0;
  virtual registry::StakeholderRepository& Stakeholders() = 0;
  virtual registry::PersonRepository& People() = 0;
  virtual registry::EnterpriseRepository& Enterprises() = 0;
  virtual registry::BulkRegistryWriter& Bulk() = 0;
  virtual registry::ImportRepository& Imports() = 0;
  virtual groups::GroupRepository& Groups() = 0;
  virtual groups::MeetingRepository& Meetings() = 0;
  virtual groups::DeliberationRepository& Deliberations() = 0;
  virtual groups::TreasuryRepository& Treasury() = 0;
  virtual groups::CooperationRepository& Cooperation() = 0;
  virtual mentoring::CompetencyRepository& Competencies() = 0;
  virtual mentoring::MentorshipRepository& Mentorships() = 0;
  virtual mentoring::CycleRepository& Cycles() = 0;
  virtual mentoring::SurveyRepository& Surveys() = 0;
  virtual mentoring::HelpRequestRepository& HelpRequests() = 0;
  virtual mentoring::MatchingRunRepository& MatchingRuns() = 0;
  virtual programmes::ProgrammeRepository& Programmes() = 0;
  virtual programmes::EnrolmentRepository& Enrolments() = 0;
  virtual programmes::AssistanceRepository& Assistance() = 0;
  virtual programmes::TargetingRepository& Targeting() = 0;
  virtual registry::HouseholdRepository& Households() = 0;
  virtual programmes::ExitRepository& Exits() = 0;
  virtual programmes::DashboardRepository& Dashboards() = 0;
  virtual idempotency::IdempotencyRepository& Idempotency() = 0;
  virtual audit::AuditLog& Audit() = 0;
  virtual core::Status Commit() = 0;
};

// Whether a unit may write. SQLite takes its write lock at the start of a writing unit (so two
// writers queue instead of failing half-way); reading units never wait for writers.
enum class Access { kRead, kWrite };

class Database {
 public:
  virtual ~Database() = default;
  virtual core::Result<std::unique_ptr<UnitOfWork>> Begin(Access access) = 0;
  // "sqlite" or "postgresql".
  virtual std::string_view Backend() const = 0;
  // A cheap round trip; kUnavailable with the reason when the database cannot be reached.
  virtual core::Status Ping() = 0;
};

}  // namespace gotong::domain
