#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/audit/audit.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/programmes/targeting.hpp"

namespace gotong::domain::programmes {

struct CandidateListQuery {
  std::optional<std::string> kind;  // enterprise (default) or group
  std::optional<std::string> region;
  std::optional<std::string> sector;
  core::PageRequest page;
};

// A candidate with its place in the ranking, why it qualifies (every criterion met) and what moved
// its rank.
struct RankedCandidate {
  std::int64_t rank = 0;
  Candidate candidate;
  NeedScore need;
  Eligibility eligibility;
};

struct RoundInput {
  form::Field<std::string> kind;
  form::Field<std::string> opens_on;
  form::Field<std::string> closes_on;
  form::Field<std::int64_t> quota;  // top N; absent or null: every candidate
  form::Field<std::string> region;
  form::Field<std::string> sector;
  form::Field<std::string> note;
};

struct ConfirmInput {
  form::Field<std::int64_t> count;  // the number of beneficiaries the officer confirms
};

struct RoundQuery {
  std::optional<std::string> status;
  core::PageRequest page;
};

struct RoundView {
  Round round;
  bool can_manage = false;
};

struct BeneficiaryView {
  Beneficiary beneficiary;
  NeedScore need;           // from the frozen facts and the round's scoring year
  Eligibility eligibility;  // the frozen criteria over the frozen facts
};

struct DecisionQuery {
  std::optional<std::int64_t> enterprise_id;
  std::optional<std::int64_t> group_id;
};

// Why a round selected a candidate or did not. `reason`: selected; criteria_unmet (the frozen
// criteria over the registry now); enrolled (it was enrolled in the programme already); below_cut
// (it qualifies, its score now is below the last selected score); not_a_candidate_then (it
// qualifies now above the cut, but was not on the list when the round was frozen: the registry
// changed since). `facts`: frozen for a selected one, registry otherwise.
struct Decision {
  Round round;
  RecipientKind kind = RecipientKind::kEnterprise;
  std::int64_t id = 0;
  std::string name;
  bool selected = false;
  std::string reason;
  std::string facts;  // frozen or registry
  std::optional<std::int64_t> position;
  NeedScore need;
  Eligibility eligibility;
};

struct Selection {
  std::string programme_name;
  Decision decision;
};

audit::Snapshot SnapshotOf(const Round& round);

// Targeting for a programme: candidates ranked by need, rounds that freeze them, the officer's
// confirmation as the human decision, and the explanation a person is owed (UU 27/2022). Those
// who manage the programme (MayManage) list candidates and make, confirm and cancel rounds; the
// officers and admins who read it read its rounds and their decisions; a member reads the
// decisions of confirmed rounds about her own enterprises.
class TargetingService {
 public:
  TargetingService(Database& database, const core::Clock& clock) : database_(database), clock_(clock) {}

  core::Result<core::Page<RankedCandidate>> Candidates(const accounts::Context& context, std::int64_t programme_id,
                                                       const CandidateListQuery& query);
  // Freezes the current candidates (top quota, or all) into a draft round.
  core::Result<RoundView> CreateRound(const accounts::Context& context, std::int64_t programme_id,
                                      const RoundInput& input);
  core::Result<core::Page<Round>> Rounds(const accounts::Context& context, std::int64_t programme_id,
                                         const RoundQuery& query);
  core::Result<RoundView> GetRound(const accounts::Context& context, std::int64_t programme_id,
                                   std::int64_t round_id);
  core::Result<core::Page<BeneficiaryView>> Beneficiaries(const accounts::Context& context,
                                                          std::int64_t programme_id, std::int64_t round_id,
                                                          const core::PageRequest& page);
  // Final: enrols the beneficiaries in the programme in the same transaction.
  core::Result<RoundView> Confirm(const accounts::Context& context, std::int64_t programme_id,
                                  std::int64_t round_id, const ConfirmInput& input);
  core::Result<RoundView> Cancel(const accounts::Context& context, std::int64_t programme_id,
                                 std::int64_t round_id);
  core::Result<Decision> Decide(const accounts::Context& context, std::int64_t programme_id,
                                std::int64_t round_id, const DecisionQuery& query);
  // The confirmed enterprise rounds that considered the caller's enterprises (newest 50 rounds).
  core::Result<std::vector<Selection>> MySelections(const accounts::Context& context);

 private:
  core::Date Today() const;
  Database& database_;
  const core::Clock& clock_;
};

}  // namespace gotong::domain::programmes
