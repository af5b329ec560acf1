#pragma once

#include <soci/soci.h>

#include "domain/mentoring/mentoring.hpp"

namespace gotong::storage::internal {

class SqlCompetencyRepository final : public domain::mentoring::CompetencyRepository {
 public:
  explicit SqlCompetencyRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::mentoring::Competency& competency) override;
  core::Status Update(const domain::mentoring::Competency& competency) override;
  core::Result<domain::mentoring::Competency> Find(std::int64_t id) override;
  core::Result<core::Page<domain::mentoring::Competency>> List(const domain::mentoring::CompetencyFilter& filter,
                                                               const core::PageRequest& page) override;

 private:
  soci::session& sql_;
};

}  // namespace gotong::storage::internal
