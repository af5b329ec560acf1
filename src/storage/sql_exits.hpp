#pragma once

#include <soci/soci.h>

#include "domain/programmes/exits.hpp"

namespace gotong::storage::internal {

class Params;

class SqlExitRepository final : public domain::programmes::ExitRepository {
 public:
  explicit SqlExitRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> InsertNomination(const domain::programmes::Nomination& nomination) override;
  core::Status UpdateNomination(const domain::programmes::Nomination& nomination) override;
  core::Result<std::optional<domain::programmes::Nomination>> CurrentNomination(std::int64_t enrolment_id) override;
  core::Result<std::vector<domain::programmes::Nomination>> Nominations(std::int64_t enrolment_id, int limit) override;
  core::Result<std::vector<domain::programmes::Nomination>> CurrentNominations(
      std::int64_t programme_id, const std::optional<std::vector<std::int64_t>>& enrolment_ids) override;
  core::Status MarkHandedOver(std::int64_t enrolment_id, const core::Date& day) override;
  core::Result<domain::programmes::HeroRecord> HeroRecordOf(std::int64_t group_id, std::int64_t member_id,
                                                            const core::Date& from, const core::Date& to) override;
  core::Result<std::int64_t> InsertFollowUp(const domain::programmes::FollowUp& follow_up) override;
  core::Result<domain::programmes::FollowUp> FindFollowUp(std::int64_t id) override;
  core::Result<std::vector<domain::programmes::FollowUp>> FollowUps(std::int64_t programme_id,
                                                                    std::optional<std::int64_t> group_id,
                                                                    int limit) override;
  core::Result<core::Page<domain::programmes::GroupEnrolment>> GroupEnrolments(
      std::int64_t programme_id, std::optional<std::int64_t> group_id, const core::PageRequest& page) override;
  core::Result<domain::programmes::EnrolmentCounts> CountEnrolments(std::int64_t programme_id,
                                                                    std::optional<std::int64_t> group_id) override;

 private:
  // The nominations `where` selects (" WHERE …" on alias n, its parameters in `params`) in `order`.
  std::vector<domain::programmes::Nomination> ReadNominations(const std::string& where, const Params& params,
                                                              const std::string& order);
  soci::session& sql_;
};

}  // namespace gotong::storage::internal
