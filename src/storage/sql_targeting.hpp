#pragma once

#include <soci/soci.h>

#include "domain/programmes/targeting.hpp"
#include "domain/registry/households.hpp"

namespace gotong::storage::internal {

class SqlTargetingRepository final : public domain::programmes::TargetingRepository {
 public:
  explicit SqlTargetingRepository(soci::session& sql) : sql_(sql) {}
  core::Status RecountReceived(domain::programmes::RecipientKind kind, std::int64_t id) override;
  core::Result<domain::programmes::AssistanceSummary> Received(domain::programmes::RecipientKind kind,
                                                               std::int64_t id) override;
  core::Result<core::Page<domain::programmes::Candidate>> Candidates(
      const domain::programmes::CandidateFilter& filter, const core::PageRequest& page) override;
  core::Result<domain::programmes::Candidate> CandidateNow(domain::programmes::RecipientKind kind, std::int64_t id,
                                                           int year) override;
  core::Result<bool> Enrolled(std::int64_t programme_id, domain::programmes::RecipientKind kind,
                              std::int64_t id) override;
  core::Result<std::vector<domain::programmes::Round>> Overlapping(std::int64_t programme_id,
                                                                   const core::Date& opens_on,
                                                                   const core::Date& closes_on) override;
  core::Result<std::int64_t> Freeze(const domain::programmes::Round& round,
                                    const domain::programmes::CandidateFilter& filter) override;
  core::Result<domain::programmes::Round> FindRound(std::int64_t id) override;
  core::Result<core::Page<domain::programmes::Round>> ListRounds(const domain::programmes::RoundFilter& filter,
                                                                 const core::PageRequest& page) override;
  core::Status UpdateRound(const domain::programmes::Round& round) override;
  core::Result<core::Page<domain::programmes::Beneficiary>> Beneficiaries(std::int64_t round_id,
                                                                          const core::PageRequest& page) override;
  core::Result<std::optional<domain::programmes::Beneficiary>> FindBeneficiary(
      std::int64_t round_id, domain::programmes::RecipientKind kind, std::int64_t id) override;
  core::Result<std::int64_t> EnrolBeneficiaries(const domain::programmes::Round& round, const core::Date& enrolled_on,
                                                std::optional<std::int64_t> by, core::Instant at) override;
  core::Result<std::vector<std::int64_t>> EnterprisesOfAccount(std::int64_t user_id) override;

 private:
  soci::session& sql_;
};

class SqlHouseholdRepository final : public domain::registry::HouseholdRepository {
 public:
  explicit SqlHouseholdRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::map<std::int64_t, std::vector<domain::registry::HouseholdCategory>>> Categories(
      const std::vector<std::int64_t>& person_ids) override;
  core::Status Replace(std::int64_t person_id, const std::vector<domain::registry::HouseholdCategory>& categories,
                       core::Instant at) override;

 private:
  soci::session& sql_;
};

}  // namespace gotong::storage::internal
