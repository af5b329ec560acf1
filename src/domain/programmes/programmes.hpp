#pragma once

// Empowerment programmes (issue 15; seeds 001 and 002): a stakeholder's programme with its
// partners across the quadruple helix, the empowerment factors it gives, who is eligible, its
// SOPs, budget, exit strategy and follow-up schedule; and the groups and enterprises enrolled in
// it. Pure records and rules; storage is behind the repositories.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/registry/rules.hpp"
#include "domain/repository.hpp"

namespace gotong::domain::programmes {

// draft (being designed) → active (enrolling and running) → closed. No way back: a closed
// programme's records are its history.
enum class ProgrammeStatus { kDraft, kActive, kClosed };
std::string_view ToString(ProgrammeStatus status);
std::optional<ProgrammeStatus> ParseProgrammeStatus(std::string_view text);
// The one step forward from `from`, when `to` is it.
bool MayMove(ProgrammeStatus from, ProgrammeStatus to);

enum class PartnerRole { kOwner, kPartner };
std::string_view ToString(PartnerRole role);
std::optional<PartnerRole> ParsePartnerRole(std::string_view text);

// A stakeholder in a programme with the helix role it plays there (a bank's zakat foundation
// plays civil society though its bank is business) and what it brings.
struct Partner {
  std::int64_t stakeholder_id = 0;
  std::string name;  // read only
  PartnerRole role = PartnerRole::kPartner;
  registry::Helix helix = registry::Helix::kGovernment;
  std::optional<std::string> contribution;
};

// Seed 002's four factors of empowerment.
struct Factors {
  bool capital_access = false;
  bool human_resources = false;
  bool partnership = false;
  bool market_strengthening = false;
  bool Any() const { return capital_access || human_resources || partnership || market_strengthening; }
};

// A household category a programme may aim at: on the poverty register (DTKS) or a zakat
// recipient (mustahik, seed 001's YBM BRILiaN).
enum class Category { kPoor, kZakatRecipient };
std::string_view ToString(Category category);
std::optional<Category> ParseCategory(std::string_view text);

// Eligibility as structured filters: the values of one list are alternatives, every list given
// applies; an empty list asks nothing.
struct Criteria {
  std::vector<std::string> region_codes;  // the candidate lies in one of these regions
  std::vector<registry::Sector> sectors;
  std::vector<registry::Scale> scales;
  std::optional<int> founded_within_years;  // founded at most this many years before the start
  bool homogeneous = false;                 // a group whose members share one sector
  std::vector<Category> categories;
  bool Empty() const {
    return region_codes.empty() && sectors.empty() && scales.empty() && !founded_within_years && !homogeneous &&
           categories.empty();
  }
};

struct Programme {
  std::int64_t id = 0;
  std::string name;
  std::int64_t owner_id = 0;
  std::string owner_name;  // read only
  std::optional<std::string> description;
  ProgrammeStatus status = ProgrammeStatus::kDraft;
  core::Date starts_on;
  core::Date ends_on;
  Factors factors;
  int sop_meetings_per_month = 1;
  int sop_reports_per_year = 0;
  std::int64_t budget = 0;  // rupiah
  std::optional<std::string> exit_strategy;
  std::vector<int> follow_up_months;  // after the end, ascending
  std::vector<Partner> partners;      // the owner first
  Criteria criteria;
  std::optional<std::int64_t> created_by;
  core::Instant created_at{};
  core::Instant updated_at{};
};

// What the list reaches: everything (admins), or the programmes some stakeholders own or partner
// in, or one programme (a facilitator's), or those in which some groups are enrolled.
struct ProgrammeFilter {
  bool everything = false;
  std::vector<std::int64_t> stakeholder_ids;
  std::optional<std::int64_t> programme_id;
  std::optional<std::int64_t> enrolled_group_id;
  std::optional<ProgrammeStatus> status;
  std::optional<std::string> q;  // the start of a word of its name
};

// What a candidate is, as the criteria read it (an enterprise, or a group with its members).
struct CandidateFacts {
  std::string village_code;
  std::optional<registry::Sector> sector;
  std::optional<registry::Scale> scale;
  std::optional<int> founded_year;
  std::optional<bool> homogeneous;  // groups only
  std::vector<Category> categories;
};

// One criterion as it applied to a candidate: which, whether met, and what the candidate has.
struct CriterionCheck {
  std::string criterion;  // region, sector, scale, founded_within_years, homogeneous, category
  bool met = false;
  std::string found;  // the candidate's value ("35.79.01.1001", "food", "" when unknown)
};

struct Eligibility {
  bool eligible = true;
  std::vector<CriterionCheck> checks;  // one per criterion the programme sets
};

// Which of `criteria` the candidate meets, for a programme starting on `starts_on`. A value the
// registry does not hold (no founding year) does not meet a criterion that asks for it.
Eligibility CheckEligibility(const Criteria& criteria, const CandidateFacts& facts, const core::Date& starts_on);

struct Enrolment {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> enterprise_id;
  std::string recipient_name;  // read only: the group's or the enterprise's name
  std::optional<std::int64_t> facilitator_id;
  std::string facilitator_name;  // read only; "" without one
  core::Date enrolled_on;
  std::optional<core::Date> left_on;
  // Set when it was enrolled outside the criteria: the written reason (flagged in every list).
  std::optional<std::string> outside_criteria_reason;
  std::optional<std::int64_t> created_by;
  core::Instant created_at{};
  core::Instant updated_at{};
};

struct EnrolmentFilter {
  std::optional<std::int64_t> programme_id;
  std::optional<std::int64_t> facilitator_id;
  std::optional<std::int64_t> group_id;
  std::optional<std::int64_t> enterprise_id;
  bool current_only = false;  // not left
  bool outside_criteria_only = false;
};

// Insert and Update write a programme with its partners and criteria.
class ProgrammeRepository : public RecordRepository<Programme> {
 public:
  // Holds the programme's row against other writers until this unit ends (its budget checked and
  // spent in one unit); nothing when there is no such programme.
  virtual core::Status Lock(std::int64_t id) = 0;
  // Newest first; with partners and criteria.
  virtual core::Result<core::Page<Programme>> List(const ProgrammeFilter& filter, const core::PageRequest& page) = 0;
};

// Insert answers kAlreadyExists (field group_id or enterprise_id) when the group or enterprise
// is enrolled in the programme already.
class EnrolmentRepository : public RecordRepository<Enrolment> {
 public:
  // Oldest first.
  virtual core::Result<core::Page<Enrolment>> List(const EnrolmentFilter& filter, const core::PageRequest& page) = 0;
  // What the criteria read of an enterprise (its sector, scale, village and founding year) or a
  // group (its sector and village, its founding year, whether its current members' enterprises all
  // share its sector); kNotFound naming it.
  virtual core::Result<CandidateFacts> EnterpriseFacts(std::int64_t enterprise_id) = 0;
  virtual core::Result<CandidateFacts> GroupFacts(std::int64_t group_id) = 0;
};

}  // namespace gotong::domain::programmes
