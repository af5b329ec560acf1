#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/groups.hpp"
#include "domain/registry/registry_service.hpp"

namespace gotong::domain::groups {

using registry::Field;

struct GroupInput {
  Field<std::string> name;
  Field<std::string> kind;
  Field<std::string> sector;
  Field<std::string> business_centre;
  Field<std::string> village_code;
  Field<std::string> origin;
  Field<std::int64_t> programme_id;
  Field<std::string> legality;
  Field<std::string> legality_date;
  Field<std::string> status;
  Field<std::string> status_since;  // the day the status changed (default: today)
  Field<std::string> founded_on;
  Field<std::int64_t> sop_meetings_per_month;
  Field<std::int64_t> steward_id;
};

struct MemberInput {
  Field<std::int64_t> person_id;
  std::optional<registry::PersonInput> person;  // add a new person to the registry with it
  Field<std::int64_t> enterprise_id;
  Field<std::string> role;
  Field<bool> mentor;
  Field<bool> local_hero;
  Field<std::string> joined_on;
  Field<std::string> left_on;
  Field<std::int64_t> user_id;
  // The group's agreed deliberation that a leader cites to give or take an office.
  Field<std::int64_t> deliberation_id;
};

struct GroupQuery {
  std::optional<std::string> region;
  std::optional<std::string> kind;
  std::optional<std::string> status;
  std::optional<std::string> q;
};

// A group as its caller sees it: which parts she writes and whom she acts as.
struct GroupView {
  Group group;
  std::vector<Part> writes;
  std::optional<std::int64_t> member_id;  // the caller's own membership
};

// Groups and their members (seeds 000 and 001). Admins and the officers of the group's steward
// register groups and members; the group's own leader, secretary and treasurer write their parts
// (RoleWrites); facilitators of the group's programme and every account scoped to the group read.
// A group's meetings are MeetingService's, its deliberations DeliberationService's, its books
// TreasuryService's and its cooperation CooperationService's.
class GroupService : public GroupWorkspace {
 public:
  GroupService(Database& database, const core::Clock& clock, registry::RegistryService& registry)
      : GroupWorkspace(database, clock), registry_(registry) {}

  core::Result<core::Page<Group>> ListGroups(const accounts::Context& context,
                                                 const GroupQuery& query,
                                                 const core::PageRequest& page);
  // The compliance of every group the caller reaches in a region (seed 002's province view):
  // months `from`..`to` ("2026-11"; default: the three months to this one), least compliant
  // first unless `sort` says "-percent" or "name". Dissolved groups are left out unless asked
  // for by status.
  core::Result<ComplianceTable> RegionCompliance(const accounts::Context& context,
                                                const GroupQuery& query,
                                                const std::optional<std::string>& from,
                                                const std::optional<std::string>& to,
                                                const std::optional<std::string>& sort,
                                                const core::PageRequest& page);
  core::Result<GroupView> GetGroup(const accounts::Context& context, std::int64_t id);
  core::Result<GroupView> CreateGroup(const accounts::Context& context, const GroupInput& input);
  core::Result<GroupView> UpdateGroup(const accounts::Context& context, std::int64_t id,
                                      const GroupInput& input);

  core::Result<core::Page<Membership>> ListMembers(const accounts::Context& context,
                                                   std::int64_t group_id, bool include_left,
                                                   const core::PageRequest& page);
  core::Result<Membership> AddMember(const accounts::Context& context, std::int64_t group_id,
                                     const MemberInput& input);
  core::Result<Membership> UpdateMember(const accounts::Context& context, std::int64_t group_id,
                                        std::int64_t member_id, const MemberInput& input);

 private:
  registry::RegistryService& registry_;
};

}  // namespace gotong::domain::groups
