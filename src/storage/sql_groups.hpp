#pragma once

// The groups context's SOCI repositories; not part of storage's public interface.

#include <soci/soci.h>

#include "domain/groups/groups.hpp"

namespace gotong::storage::internal {

class SqlGroupRepository final : public domain::groups::GroupRepository {
 public:
  explicit SqlGroupRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::groups::Group& group) override;
  core::Status Update(const domain::groups::Group& group) override;
  core::Result<domain::groups::Group> Find(std::int64_t id) override;
  core::Result<core::Page<domain::groups::Group>> List(const domain::groups::GroupFilter& filter,
                                                       const core::PageRequest& page) override;
  core::Result<std::int64_t> InsertMember(const domain::groups::Membership& membership) override;
  core::Status UpdateMember(const domain::groups::Membership& membership) override;
  core::Result<domain::groups::Membership> FindMember(std::int64_t group_id,
                                                      std::int64_t member_id) override;
  core::Result<core::Page<domain::groups::Membership>> ListMembers(
      std::int64_t group_id, bool include_left, const core::PageRequest& page) override;
  core::Result<std::vector<domain::groups::Membership>> FindMembers(
      std::int64_t group_id, const std::vector<std::int64_t>& ids) override;
  core::Result<std::optional<domain::groups::Membership>> OfficeHolder(
      std::int64_t group_id, domain::groups::MemberRole role) override;
  core::Result<std::optional<domain::groups::Membership>> MemberOfUser(
      std::int64_t group_id, std::int64_t user_id) override;

 private:
  soci::session& sql_;
};

class SqlMeetingRepository final : public domain::groups::MeetingRepository {
 public:
  explicit SqlMeetingRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> Insert(const domain::groups::Meeting& meeting) override;
  core::Status Update(const domain::groups::Meeting& meeting) override;
  core::Result<domain::groups::Meeting> Find(std::int64_t group_id, std::int64_t id) override;
  core::Result<core::Page<domain::groups::Meeting>> List(std::int64_t group_id,
                                                         std::optional<core::Date> from,
                                                         std::optional<core::Date> to,
                                                         const core::PageRequest& page) override;
  core::Status ReplaceAttendance(std::int64_t meeting_id,
                                 const std::vector<domain::groups::Attendance>& attendance) override;
  core::Result<std::vector<domain::groups::Attendance>> AttendanceOf(
      std::int64_t meeting_id) override;
  core::Result<std::vector<domain::groups::HeldMeeting>> Held(std::int64_t group_id,
                                                              core::Date from,
                                                              core::Date to) override;

 private:
  soci::session& sql_;
};

class SqlDeliberationRepository final : public domain::groups::DeliberationRepository {
 public:
  explicit SqlDeliberationRepository(soci::session& sql) : sql_(sql) {}
  core::Result<domain::groups::Deliberation> Insert(
      const domain::groups::Deliberation& deliberation) override;
  core::Status Update(const domain::groups::Deliberation& deliberation) override;
  core::Result<domain::groups::Deliberation> Find(std::int64_t group_id, std::int64_t id) override;
  core::Result<core::Page<domain::groups::Deliberation>> List(
      std::int64_t group_id, const core::PageRequest& page) override;
  core::Status InsertVote(std::int64_t deliberation_id, const domain::groups::Vote& vote,
                          core::Instant at) override;
  core::Result<std::vector<domain::groups::Vote>> Votes(std::int64_t deliberation_id) override;
  core::Result<std::int64_t> InsertNorm(const domain::groups::Norm& norm) override;
  core::Result<std::vector<domain::groups::Norm>> Norms(std::int64_t group_id) override;

 private:
  core::Status LoadOptions(std::vector<domain::groups::Deliberation>& deliberations);

  soci::session& sql_;
};

}  // namespace gotong::storage::internal
