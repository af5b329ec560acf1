#pragma once

// The groups context's SOCI repositories; not part of storage's public interface.

#include <soci/soci.h>

#include <functional>
#include <map>

#include "domain/groups/cooperation.hpp"
#include "domain/groups/groups.hpp"
#include "domain/groups/treasury.hpp"
#include "storage/sql_internal.hpp"
#include "storage/sql_record_repository.hpp"

namespace gotong::storage::internal {

class SqlGroupRepository final
    : public SqlRecordRepository<domain::groups::GroupRepository, domain::groups::Group> {
 public:
  explicit SqlGroupRepository(soci::session& sql);
  core::Result<core::Page<domain::groups::Group>> List(const domain::groups::GroupFilter& filter,
                                                       const core::PageRequest& page) override;
  core::Result<domain::groups::ComplianceTable> Compliance(const domain::groups::GroupFilter& filter,
                                                           core::Date from, core::Date to, int months,
                                                           domain::groups::ComplianceSort sort,
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
  core::Result<bool> InProgramme(std::int64_t group_id, std::int64_t programme_id) override;
  core::Result<std::optional<domain::groups::Membership>> MemberOfUser(
      std::int64_t group_id, std::int64_t user_id) override;
  core::Result<std::int64_t> CountMembersOn(std::int64_t group_id, core::Date day) override;
  core::Status InsertSopChange(const domain::groups::SopChange& change) override;
  core::Result<std::vector<domain::groups::SopChange>> SopChanges(std::int64_t group_id) override;
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
  core::Result<core::Page<domain::groups::MemberVote>> VotesOf(std::int64_t group_id,
                                                              std::int64_t member_id,
                                                              const core::PageRequest& page) override;
  core::Result<bool> DeleteVote(std::int64_t deliberation_id, std::int64_t member_id) override;
  core::Result<std::int64_t> InsertNorm(const domain::groups::Norm& norm) override;
  core::Result<std::vector<domain::groups::Norm>> Norms(std::int64_t group_id) override;

 private:
  soci::session& sql_;
};

class SqlTreasuryRepository final : public domain::groups::TreasuryRepository {
 public:
  explicit SqlTreasuryRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> InsertEntry(const domain::groups::LedgerEntry& entry) override;
  core::Result<domain::groups::LedgerEntry> FindEntry(std::int64_t group_id, std::int64_t id) override;
  core::Result<core::Page<domain::groups::LedgerEntry>> ListEntries(
      std::int64_t group_id, const domain::groups::LedgerFilter& filter,
      const core::PageRequest& page) override;
  core::Result<std::vector<domain::groups::AccountTotals>> Totals(std::int64_t group_id,
                                                                 std::optional<core::Date> from,
                                                                 core::Date to) override;
  core::Result<std::vector<domain::groups::MonthlyMovement>> Monthly(std::int64_t group_id,
                                                                    core::Date from,
                                                                    core::Date to) override;
  core::Result<std::map<std::int64_t, std::int64_t>> FeesPaid(std::int64_t group_id,
                                                             core::Date to) override;
  core::Result<std::int64_t> InsertFeeRule(const domain::groups::FeeRule& rule) override;
  core::Result<std::vector<domain::groups::FeeRule>> FeeRules(std::int64_t group_id) override;
  core::Result<std::int64_t> InsertAsset(const domain::groups::CommonAsset& asset) override;
  core::Result<domain::groups::CommonAsset> FindAsset(std::int64_t group_id, std::int64_t id) override;
  core::Result<std::vector<domain::groups::CommonAsset>> Assets(std::int64_t group_id) override;

 private:
  core::Result<std::vector<domain::groups::CommonAsset>> SelectAssets(std::int64_t group_id,
                                                                      std::optional<std::int64_t> id);

  soci::session& sql_;
};

class SqlCooperationRepository final : public domain::groups::CooperationRepository {
 public:
  explicit SqlCooperationRepository(soci::session& sql) : sql_(sql) {}
  core::Result<std::int64_t> InsertArea(const domain::groups::MarketArea& area) override;
  core::Status EndArea(std::int64_t id, core::Date ended_on) override;
  core::Result<domain::groups::MarketArea> FindArea(std::int64_t group_id, std::int64_t id) override;
  core::Result<std::vector<domain::groups::MarketArea>> Areas(std::int64_t group_id,
                                                             bool include_ended) override;
  core::Result<std::int64_t> InsertOrder(const domain::groups::JointOrder& order) override;
  core::Status UpdateOrder(const domain::groups::JointOrder& order) override;
  core::Result<domain::groups::JointOrder> FindOrder(std::int64_t group_id, std::int64_t id) override;
  core::Result<core::Page<domain::groups::JointOrder>> Orders(std::int64_t group_id,
                                                             const core::PageRequest& page) override;
  core::Result<core::Page<domain::groups::JointOrder>> OrdersOf(std::int64_t group_id,
                                                               std::int64_t member_id,
                                                               const core::PageRequest& page) override;
  core::Result<std::int64_t> InsertPost(const domain::groups::KnowledgePost& post) override;
  core::Result<domain::groups::KnowledgePost> FindPost(std::int64_t group_id, std::int64_t id) override;
  core::Result<core::Page<domain::groups::KnowledgePost>> Posts(std::int64_t group_id,
                                                               const core::PageRequest& page) override;
  core::Result<core::Page<domain::groups::KnowledgePost>> PostsOf(std::int64_t group_id,
                                                                 std::int64_t member_id,
                                                                 const core::PageRequest& page) override;
  core::Status MarkUseful(std::int64_t post_id, std::int64_t member_id, core::Instant at) override;
  core::Result<std::int64_t> InsertMaterial(const domain::groups::MaterialRecord& record) override;
  core::Result<domain::groups::MaterialRecord> FindMaterial(std::int64_t group_id, std::int64_t id) override;
  core::Status CloseMaterial(std::int64_t id) override;
  core::Result<std::vector<domain::groups::MaterialRecord>> OpenMaterials(std::int64_t group_id,
                                                                         core::Date today,
                                                                         int limit) override;
  core::Result<std::int64_t> InsertPurchase(const domain::groups::CollectivePurchase& purchase) override;
  core::Result<core::Page<domain::groups::CollectivePurchase>> Purchases(
      std::int64_t group_id, const core::PageRequest& page) override;

 private:
  core::Result<std::vector<domain::groups::MarketArea>> SelectAreas(const std::string& where,
                                                                    long long group_id,
                                                                    std::optional<long long> id);
  // `more` appends conditions and ordering after "WHERE <table>.group_id = :g", binding its
  // values through the Params it is given.
  using Tail = std::function<void(std::string& sql, Params& params)>;
  core::Result<std::vector<domain::groups::KnowledgePost>> SelectPosts(long long group_id,
                                                                       const Tail& more);
  core::Result<std::vector<domain::groups::MaterialRecord>> SelectMaterials(long long group_id,
                                                                            const Tail& more);

  soci::session& sql_;
};

}  // namespace gotong::storage::internal
