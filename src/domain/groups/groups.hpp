#pragma once

// Groups as alliances (seeds 000 and 001): the records and the repositories that keep them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/audit/audit.hpp"
#include "domain/groups/rules.hpp"
#include "domain/mentoring/mentoring.hpp"
#include "domain/registry/rules.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::groups {

struct Group {
  std::int64_t id = 0;
  std::string name;
  GroupKind kind = GroupKind::kJointBusinessGroup;
  registry::Sector sector = registry::Sector::kFoodProcessing;
  std::optional<std::string> business_centre;  // "sentra tape Ngajum"
  std::string village_code;
  Origin origin = Origin::kSelfInitiated;
  // The programme that formed it; programmes are a later context, so this is not yet checked.
  std::optional<std::int64_t> programme_id;
  std::optional<std::string> legality;         // "Keputusan Kepala Desa No. 12/2019"
  std::optional<core::Date> legality_date;
  GroupStatus status = GroupStatus::kEmbryo;
  core::Date status_since;
  std::optional<core::Date> founded_on;
  int sop_meetings_per_month = 1;              // what the programme's SOP asks
  std::optional<std::int64_t> steward_id;      // the stakeholder whose officers keep it
  core::Instant created_at{};
  core::Instant updated_at{};
  std::int64_t active_members = 0;             // read only: members who have not left
};

struct Membership {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t person_id = 0;
  std::string person_name;                     // read from the person
  std::optional<int> person_birth_year;        // read from the person
  std::optional<std::string> person_occupation;  // read from the person
  std::optional<std::int64_t> enterprise_id;
  std::string enterprise_name;                 // read from the enterprise ("" without one)
  MemberRole role = MemberRole::kMember;
  bool mentor = false;
  bool local_hero = false;
  core::Date joined_on;                        // the first day it can be, as far as known:
  DatePrecision joined_precision = DatePrecision::kDay;  // 2017 is 2017-01-01, precision year
  std::optional<core::Date> left_on;
  std::optional<std::int64_t> user_id;         // the account that acts as this member
  core::Instant created_at{};
  core::Instant updated_at{};

  // A member on `day`: joined by then and not left before it.
  bool ActiveOn(const core::Date& day) const {
    return joined_on <= day && (!left_on || *left_on >= day);
  }
  // Whether her account acts for her on `day`: joined by then and not yet left (from the day
  // she leaves on, the group is closed to her account).
  bool ActsOn(const core::Date& day) const {
    return joined_on <= day && (!left_on || day < *left_on);
  }
};

struct Meeting {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  MeetingKind kind = MeetingKind::kFormal;
  core::Date held_on;
  MeetingStatus status = MeetingStatus::kHeld;
  std::optional<std::string> venue;             // "rumah Bu Sulastri"
  std::optional<std::int64_t> host_member_id;   // whose house, when it was a member's
  std::optional<std::string> agenda;
  std::optional<std::string> minutes;
  core::Instant created_at{};
  core::Instant updated_at{};
  // Read only: attendance as recorded.
  std::int64_t present = 0;
  std::int64_t excused = 0;
  std::int64_t absent = 0;
};

struct Attendance {
  std::int64_t member_id = 0;
  Presence presence = Presence::kPresent;
  std::string person_name;  // read only
};

struct DeliberationOption {
  std::int64_t id = 0;
  std::string label;
  std::int64_t votes = 0;  // read only
  std::vector<mentoring::CompetencyTarget>
      targets;  // a learning theme's only; empty for every other topic
};

// What an agreed proposal changes in the group's settings, from `effective_on`: the monthly fee
// (`amount` rupiah), the SOP's meetings a month (`meetings`), or a member's market area.
struct SettingChange {
  GroupSetting setting = GroupSetting::kMonthlyFee;
  std::optional<std::int64_t> amount;
  std::optional<int> meetings;
  std::optional<std::int64_t> member_id;
  std::optional<std::string> area;
  core::Date effective_on;
  friend bool operator==(const SettingChange&, const SettingChange&) = default;
};

struct Deliberation {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::optional<std::int64_t> meeting_id;  // the meeting it was put to
  std::string title;
  std::optional<std::string> description;
  Topic topic = Topic::kOther;
  DecisionMethod method = DecisionMethod::kVote;  // follows the rule
  DecisionRule rule = DecisionRule::kMajority;
  std::optional<std::int64_t> quorum;     // votes needed before deciding; none under consensus
  std::optional<SettingChange> change;    // applied when agreed
  std::vector<DeliberationOption> options;
  bool decided = false;
  std::optional<Outcome> outcome;
  std::optional<std::int64_t> option_id;   // the option agreed on
  std::optional<core::Date> decided_on;
  std::optional<std::string> note;         // how the consensus was reached, objections
  // The member who put it when she was not the leader or secretary recording it: members propose
  // learning themes (seed 000).
  std::optional<std::int64_t> proposed_by_member_id;
  std::string proposed_by_name;            // read only; "" without one
  core::Instant created_at{};
  core::Instant updated_at{};
  std::int64_t votes_against = 0;          // read only
};

struct Vote {
  std::int64_t member_id = 0;
  std::optional<std::int64_t> option_id;   // nullopt: against the proposal
  std::string person_name;                 // read only
  std::optional<std::int64_t> recorded_by_id;  // the account that entered it
  std::optional<std::string> recorded_by;      // its username
  bool own = false;  // read only: entered by the member's own account
};

// A member's vote with the proposal it was cast on, as her own records list it.
struct MemberVote {
  std::int64_t deliberation_id = 0;
  std::string title;
  bool decided = false;
  std::optional<Outcome> outcome;
  Vote vote;                          // her option (nullopt: against), who entered it
  std::optional<std::string> choice;  // the label of her option; nullopt when she voted against
  core::Instant cast_at{};
};

// An agreed outcome the group keeps (seed 001: the market areas).
struct Norm {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t deliberation_id = 0;
  Topic topic = Topic::kRule;
  std::string text;
  core::Date adopted_on;
  std::optional<SettingChange> change;  // the setting it changed
  core::Instant created_at{};
};

// The SOP's meetings a month from `from` on, as an agreed deliberation changed it.
struct SopChange {
  std::int64_t group_id = 0;
  Month from;
  int meetings = 1;
  std::int64_t deliberation_id = 0;
  core::Instant created_at{};
};

// The meetings a month the SOP asks in `month`: the latest change from that month or before
// (`changes` in SopChanges' order), else the group's own `base`.
int SopOn(Month month, int base, const std::vector<SopChange>& changes);

// A held meeting's day and attendance, for compliance and attendance charts.
struct HeldMeeting {
  core::Date held_on;
  std::int64_t present = 0;
  std::int64_t recorded = 0;  // present + excused + absent
};

// One group's row in a region's compliance table.
struct ComplianceRow {
  std::int64_t group_id = 0;
  std::string name;
  std::string village_code;
  GroupStatus status = GroupStatus::kActive;
  int sop_meetings_per_month = 1;
  std::int64_t held = 0;
  std::int64_t required = 0;  // SOP × months
};

// How many groups of the table fall in each band of compliance.
struct ComplianceBands {
  std::int64_t met = 0;      // ≥ 100%
  std::int64_t partial = 0;  // 50–99%
  std::int64_t low = 0;      // 1–49%
  std::int64_t none = 0;     // no meeting held
};

struct ComplianceTable {
  Month from;  // the months counted (filled by the service)
  Month to;
  std::vector<ComplianceRow> rows;
  std::int64_t total = 0;
  ComplianceBands bands;
};

// The order of a compliance table: the least compliant first (the groups to visit), or the
// most, or by name.
enum class ComplianceSort { kPercent, kPercentDesc, kName };

struct GroupFilter {
  std::optional<std::string> region;  // prefix of the village code at any level
  std::optional<GroupKind> kind;
  std::optional<GroupStatus> status;
  std::optional<std::string> q;       // lower-case; part of the name
  bool include_dissolved = true;
  // Limits to what the caller reaches (nullopt: everything).
  std::optional<std::int64_t> steward_id;
  std::optional<std::int64_t> programme_id;  // formed by the programme or enrolled in it now
  std::optional<std::int64_t> group_id;
};

audit::Snapshot SnapshotOf(const Group& group);
audit::Snapshot SnapshotOf(const Membership& membership);
audit::Snapshot SnapshotOf(const Meeting& meeting);
audit::Snapshot SnapshotOf(const Deliberation& deliberation);

class GroupRepository : public RecordRepository<Group> {
 public:
  virtual core::Result<core::Page<Group>> List(const GroupFilter& filter,
                                               const core::PageRequest& page) = 0;
  // Held meetings against the SOP from `from` to `to` (inclusive days spanning `months` whole
  // months) for every group the filter selects, a page of them in `sort` order, with bands.
  virtual core::Result<ComplianceTable> Compliance(const GroupFilter& filter, core::Date from,
                                                   core::Date to, int months, ComplianceSort sort,
                                                   const core::PageRequest& page) = 0;

  // kAlreadyExists (field "person_id") when the person is already in the group.
  virtual core::Result<std::int64_t> InsertMember(const Membership& membership) = 0;
  virtual core::Status UpdateMember(const Membership& membership) = 0;
  // kNotFound unless the membership belongs to the group.
  virtual core::Result<Membership> FindMember(std::int64_t group_id, std::int64_t member_id) = 0;
  // Members who have not left first, then by office, then by name.
  virtual core::Result<core::Page<Membership>> ListMembers(std::int64_t group_id,
                                                           bool include_left,
                                                           const core::PageRequest& page) = 0;
  // The memberships among `ids` that belong to the group (for checking many at once).
  virtual core::Result<std::vector<Membership>> FindMembers(std::int64_t group_id,
                                                            const std::vector<std::int64_t>& ids) = 0;
  // Who holds an office (leader, secretary, treasurer) now, if anyone.
  virtual core::Result<std::optional<Membership>> OfficeHolder(std::int64_t group_id,
                                                               MemberRole role) = 0;
  // The membership the account is linked to in the group (one at most), left or not.
  virtual core::Result<std::optional<Membership>> MemberOfUser(std::int64_t group_id,
                                                               std::int64_t user_id) = 0;
  // Whether the group is the programme's: formed by it, or enrolled in it now (its facilitators
  // reach it).
  virtual core::Result<bool> InProgramme(std::int64_t group_id, std::int64_t programme_id) = 0;
  // How many members the group has on `day` (Membership::ActiveOn).
  virtual core::Result<std::int64_t> CountMembersOn(std::int64_t group_id, core::Date day) = 0;

  virtual core::Status InsertSopChange(const SopChange& change) = 0;
  // In the order of the month they start, then of the deliberation.
  virtual core::Result<std::vector<SopChange>> SopChanges(std::int64_t group_id) = 0;
};

class MeetingRepository {
 public:
  virtual ~MeetingRepository() = default;
  virtual core::Result<std::int64_t> Insert(const Meeting& meeting) = 0;
  virtual core::Status Update(const Meeting& meeting) = 0;
  // kNotFound unless the meeting belongs to the group.
  virtual core::Result<Meeting> Find(std::int64_t group_id, std::int64_t id) = 0;
  // Newest first; `from`/`to` bound the day, inclusive.
  virtual core::Result<core::Page<Meeting>> List(std::int64_t group_id,
                                                 std::optional<core::Date> from,
                                                 std::optional<core::Date> to,
                                                 const core::PageRequest& page) = 0;
  virtual core::Status ReplaceAttendance(std::int64_t meeting_id,
                                         const std::vector<Attendance>& attendance) = 0;
  virtual core::Result<std::vector<Attendance>> AttendanceOf(std::int64_t meeting_id) = 0;
  // Held meetings from `from` to `to` inclusive, oldest first.
  virtual core::Result<std::vector<HeldMeeting>> Held(std::int64_t group_id, core::Date from,
                                                      core::Date to) = 0;
};

class DeliberationRepository {
 public:
  virtual ~DeliberationRepository() = default;
  // Inserts the deliberation and its options; returns it with ids filled.
  virtual core::Result<Deliberation> Insert(const Deliberation& deliberation) = 0;
  // Writes the decision fields (decided, outcome, option, day, note).
  virtual core::Status Update(const Deliberation& deliberation) = 0;
  // With its options and their vote counts; kNotFound unless it belongs to the group.
  virtual core::Result<Deliberation> Find(std::int64_t group_id, std::int64_t id) = 0;
  // Newest first, with options and counts.
  virtual core::Result<core::Page<Deliberation>> List(std::int64_t group_id,
                                                      const core::PageRequest& page) = 0;
  // kAlreadyExists (field "member_id") when the member has voted already.
  virtual core::Status InsertVote(std::int64_t deliberation_id, const Vote& vote,
                                  core::Instant at) = 0;
  virtual core::Result<std::vector<Vote>> Votes(std::int64_t deliberation_id) = 0;
  // The member's votes in the group, the latest cast first.
  virtual core::Result<core::Page<MemberVote>> VotesOf(std::int64_t group_id, std::int64_t member_id,
                                                       const core::PageRequest& page) = 0;
  // Removes a member's vote; false when she had not voted.
  virtual core::Result<bool> DeleteVote(std::int64_t deliberation_id, std::int64_t member_id) = 0;
  virtual core::Result<std::int64_t> InsertNorm(const Norm& norm) = 0;
  // Oldest first.
  virtual core::Result<std::vector<Norm>> Norms(std::int64_t group_id) = 0;
};

}  // namespace gotong::domain::groups
