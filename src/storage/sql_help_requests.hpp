#pragma once

#include <soci/soci.h>

#include "domain/mentoring/help_request.hpp"
#include "storage/sql_record_repository.hpp"

namespace gotong::storage::internal {

class SqlHelpRequestRepository final
    : public SqlRecordRepository<domain::mentoring::HelpRequestRepository,
                                 domain::mentoring::HelpRequest> {
 public:
  explicit SqlHelpRequestRepository(soci::session& sql);
  core::Result<core::Page<domain::mentoring::HelpRequest>> List(
      const domain::mentoring::HelpRequestFilter& filter, const core::PageRequest& page) override;
  core::Result<std::int64_t> InsertAdvice(const domain::mentoring::Advice& advice) override;
  core::Result<std::vector<domain::mentoring::Advice>> AdviceOf(std::int64_t request_id) override;
  core::Result<std::int64_t> InsertAttempt(const domain::mentoring::Attempt& attempt) override;
  core::Result<std::vector<domain::mentoring::Attempt>> AttemptsOf(std::int64_t request_id) override;
  core::Result<std::vector<domain::mentoring::HelpTiming>> Timings(const std::vector<std::int64_t>& group_ids,
                                                                   std::int64_t limit) override;
  core::Status PutPhoto(const domain::mentoring::HelpPhoto& photo) override;
  core::Result<domain::mentoring::EncodedImage> Photo(std::int64_t request_id,
                                                      domain::mentoring::PhotoSize size) override;
};

}  // namespace gotong::storage::internal
