#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/database.hpp"
#include "domain/form.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/groups.hpp"
#include "domain/mentoring/targets.hpp"

namespace gotong::domain::groups {

using form::Field;

// What an agreed proposal changes (SettingChange), as sent.
struct ChangeInput {
  Field<std::string> setting;
  Field<std::int64_t> amount;
  Field<std::int64_t> meetings;
  Field<std::int64_t> member_id;
  Field<std::string> area;
  Field<std::string> effective_on;
};

struct DeliberationInput {
  Field<std::string> title;
  Field<std::string> description;
  Field<std::string> topic;   // follows the change when one is given
  Field<std::string> method;  // older clients: vote or consensus
  Field<std::string> rule;
  Field<std::int64_t> quorum;
  std::optional<ChangeInput> change;  // nullopt: no change (left out or null)
  std::optional<std::vector<std::string>> options;
  // Per option, the target competencies it names (a learning theme's only): empty when the options
  // came as plain labels, else one list per option.
  std::vector<std::vector<mentoring::TargetInput>> option_targets;
  Field<std::int64_t> meeting_id;
};

struct VoteInput {
  std::optional<std::int64_t> member_id;  // default: the caller's own membership
  Field<std::int64_t> option_id;          // null: against the proposal
};

// A meeting's votes entered on one sheet: one line per member.
using VoteSheet = std::optional<std::vector<VoteInput>>;

struct DecisionInput {
  Field<std::string> outcome;     // consensus only
  Field<std::int64_t> option_id;  // consensus only
  Field<std::string> note;
};

struct DeliberationView {
  Deliberation deliberation;
  std::int64_t voters = 0;  // members who may vote today
  std::vector<Vote> votes;
  std::optional<Norm> norm;  // the norm it became, once agreed
};

// A group deciding by deliberation (seeds 000 and 001): proposals with their options, the
// members' votes, the decision, and the norms agreed outcomes become.
class DeliberationService : public GroupWorkspace {
 public:
  using GroupWorkspace::GroupWorkspace;

  core::Result<core::Page<Deliberation>> ListDeliberations(const accounts::Context& context,
                                                           std::int64_t group_id,
                                                           const core::PageRequest& page);
  core::Result<DeliberationView> GetDeliberation(const accounts::Context& context,
                                                 std::int64_t group_id, std::int64_t id);
  core::Result<DeliberationView> CreateDeliberation(const accounts::Context& context,
                                                    std::int64_t group_id,
                                                    const DeliberationInput& input);
  // A member's own vote, or one a recorder enters for a member without an account of her own.
  core::Result<DeliberationView> CastVote(const accounts::Context& context, std::int64_t group_id,
                                          std::int64_t id, const VoteInput& input);
  // A recorder's sheet of votes from a meeting, saved at once: each line sets that member's vote
  // (replacing one cast before). All or nothing; a wrong line is named "votes[3].member_id".
  core::Result<DeliberationView> RecordVotes(const accounts::Context& context,
                                             std::int64_t group_id, std::int64_t id,
                                             const VoteSheet& sheet);
  // Takes a vote back while the proposal is open (a vote recorded for the wrong member or
  // option is withdrawn and cast again): the member herself or whoever records votes.
  core::Result<DeliberationView> WithdrawVote(const accounts::Context& context, std::int64_t group_id,
                                              std::int64_t id, std::int64_t member_id);
  core::Result<DeliberationView> Decide(const accounts::Context& context, std::int64_t group_id,
                                        std::int64_t id, const DecisionInput& input);
  core::Result<std::vector<Norm>> Norms(const accounts::Context& context, std::int64_t group_id);

 private:
  core::Result<DeliberationView> DeliberationViewOf(UnitOfWork& unit, std::int64_t group_id,
                                                    std::int64_t id);
  // Applies an agreed change in the decision's unit: a fee rule, the SOP from a month, a claim.
  core::Status ApplyChange(GroupWrite& write, const Deliberation& deliberation);
};

}  // namespace gotong::domain::groups
