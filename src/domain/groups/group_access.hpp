#pragma once

// Who reaches a group and which parts of its workspace they write; shared by the groups
// context's services.

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/accounts/access.hpp"
#include "domain/audit/audit.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/groups/groups.hpp"

namespace gotong::domain::groups {

// The caller of a use case on one group.
struct Caller {
  bool admin = false;        // an admin or the console
  bool steward = false;      // an officer of the group's steward
  bool facilitator = false;  // a facilitator of the programme that formed the group or enrolled it now
  std::optional<Membership> member;  // the membership the caller's account acts as

  // Those who answer for the group from outside it: they alone give or take an office without
  // the group's own deliberation, and link members to accounts.
  bool Overseer() const { return admin || steward || facilitator; }
};

// Admins reach every group; officers the groups their stakeholder keeps; facilitators those
// their programme formed or has enrolled now; an account scoped to a group that group, while the member it is
// linked to belongs to it on `today` (Membership::ActsOn): an account linked to no member, or to
// one who has left or not yet joined, reaches nothing. kPermissionDenied otherwise.
core::Result<Caller> Reach(const accounts::Context& context, UnitOfWork& unit, const Group& group,
                           const core::Date& today);

// The group (kNotFound) and its caller (kPermissionDenied when out of reach).
core::Result<std::pair<Group, Caller>> OpenGroup(const accounts::Context& context,
                                                 UnitOfWork& unit, std::int64_t group_id,
                                                 const core::Date& today);

// The groups the caller reaches, as a filter to narrow further: admins every group; otherwise
// those of the caller's stakeholder (as steward), programme or group. kPermissionDenied for a
// caller who is not signed in or whose account is attached to none. A group-scoped account
// reaches its group only while it acts in it (ActsInItsGroup): lists check that apart.
core::Result<GroupFilter> ReachFilter(const accounts::Context& context);

// False for an account scoped to a group that does not act as a current member of it on `today`
// (it reaches no group, so lists show it none); true for every other caller.
core::Result<bool> ActsInItsGroup(const accounts::Context& context, UnitOfWork& unit,
                                  const core::Date& today);

// Member `member_id` of the group, who has not left it: kInvalidArgument on field member_id
// (not_member, not_member_now) otherwise; another read failure as it came.
core::Result<Membership> CurrentMember(UnitOfWork& unit, std::int64_t group_id, std::int64_t member_id);

// Appends to a unit's audit log as the caller of a use case, at the clock's time. It points at
// the unit, context and clock it was made from, which outlive the use case's write.
class AuditTrail {
 public:
  AuditTrail() = default;
  AuditTrail(UnitOfWork& unit, const accounts::Context& context, const core::Clock& clock)
      : unit_(&unit), context_(&context), clock_(&clock) {}

  // That the caller did `action` to record `id` of `entity`.
  core::Status Record(std::string entity, std::int64_t id, std::string action,
                      std::optional<audit::Snapshot> before, audit::Snapshot after) const;

 private:
  UnitOfWork* unit_ = nullptr;
  const accounts::Context* context_ = nullptr;
  const core::Clock* clock_ = nullptr;
};

// A write to one group: its transaction, the group, the caller and the audit trail. Use cases
// bind all four (`auto& [unit, group, caller, trail] = write;`) and end with Commit.
struct GroupWrite {
  std::unique_ptr<UnitOfWork> unit;
  Group group;
  Caller caller;
  AuditTrail trail;

  // Commits the unit; `result` on success.
  template <typename T>
  core::Result<T> Commit(T result) {
    GOTONG_RETURN_IF_ERROR(unit->Commit());
    return result;
  }
};

// Begins a writing unit on the group the caller reaches and, when `part` is given, checks that
// the caller writes it (MayWrite). Use cases that check rights of their own pass nullopt.
core::Result<GroupWrite> BeginGroupWrite(Database& database, const core::Clock& clock,
                                         const accounts::Context& context, std::int64_t group_id,
                                         std::optional<Part> part);

// Begins a reading unit on a group the caller reaches.
core::Result<std::unique_ptr<UnitOfWork>> BeginGroupRead(Database& database,
                                                         const core::Clock& clock,
                                                         const accounts::Context& context,
                                                         std::int64_t group_id);

// OK when the caller writes `part` of the group: admins every part; the steward's officers the
// profile and members; the group's own officers by RoleWrites. A dissolved group takes no
// writes (kFailedPrecondition, type "group-dissolved").
core::Status MayWrite(const Caller& caller, const Group& group, Part part);

// Every part the caller writes.
std::vector<Part> Writes(const Caller& caller, const Group& group);

core::Error Dissolved();

// kFailedPrecondition naming `field`: the record is in a state that does not allow this.
core::Error Precondition(std::string field, std::string code, std::string message);

// `month` less `count` months.
Month MonthsBefore(Month month, int count);

struct MonthRange {
  Month from;
  Month to;
};

// The months of the query parameters `from` and `to` ("2026-11"): `to` defaults to the month of
// `today`, `from` to `default_back` months before `to`. A wrong month, `from` after `to` or a span
// over `max_months` is added to `problems`, naming the parameter.
// The longest span of months a compliance view covers.
inline constexpr int kMaxComplianceMonths = 120;

MonthRange ReadMonthRange(form::Problems& problems, const std::optional<std::string>& from,
                          const std::optional<std::string>& to, const core::Date& today,
                          int default_back, int max_months);

struct DateRange {
  std::optional<core::Date> from;
  std::optional<core::Date> to;
};

// The dates of the query parameters `from` and `to` ("2026-11-30"), each open when absent. A
// wrong date or `from` after `to` is added to `problems`, naming the parameter.
DateRange ReadDateRange(form::Problems& problems, const std::optional<std::string>& from,
                        const std::optional<std::string>& to);

// The most rupiah one amount may hold (Rp 10.000.000.000.000).
inline constexpr std::int64_t kMaxAmount = 10'000'000'000'000;

// An amount of whole rupiah, above 0 and at most kMaxAmount: required, named `field` when wrong.
std::optional<std::int64_t> CheckAmount(form::Problems& problems, const std::string& field,
                                        const form::Field<std::int64_t>& input);

// A date field that may not lie after `today`: the date, or nullopt with the problem
// ("in_future") added to `problems`, naming `field`.
std::optional<core::Date> PastDate(form::Problems& problems, const std::string& field,
                                   const std::string& value, const core::Date& today);

// Sets `out` from `input` when it is given and a date not after `today` (PastDate).
void ApplyPastDate(form::Problems& problems, const form::Field<std::string>& input,
                   const std::string& field, const core::Date& today, core::Date& out);

// The deliberation a write cites in `deliberation_id`, when it cites one: an agreed proposal of
// this group, on `topic` when one is given. Otherwise nullopt, with "not_found" or "not_agreed"
// (and `refusal` as its message) added to `problems`.
std::optional<std::int64_t> CitedDeliberation(UnitOfWork& unit, form::Problems& problems,
                                              std::int64_t group_id,
                                              const form::Field<std::int64_t>& deliberation_id,
                                              std::optional<Topic> topic, const std::string& refusal);

// What the services of a group's workspace are built on: the database and the clock, today where
// the group is, and units opened on one group the caller reaches. A new service of the workspace
// derives from it (`class MeetingService : public GroupWorkspace`).
class GroupWorkspace {
 public:
  GroupWorkspace(Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

  core::Date Today() const { return core::DayInIndonesia(clock_.Now()); }

 protected:
  // BeginGroupWrite and BeginGroupRead on the workspace's database and clock.
  core::Result<GroupWrite> BeginWrite(const accounts::Context& context, std::int64_t group_id,
                                      std::optional<Part> part) const {
    return BeginGroupWrite(database_, clock_, context, group_id, part);
  }
  core::Result<std::unique_ptr<UnitOfWork>> BeginRead(const accounts::Context& context,
                                                      std::int64_t group_id) const {
    return BeginGroupRead(database_, clock_, context, group_id);
  }

  Database& database_;
  const core::Clock& clock_;
};

}  // namespace gotong::domain::groups
