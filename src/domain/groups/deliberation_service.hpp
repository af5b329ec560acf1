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

namespace gotong::domain::groups {

using form::Field;

struct DeliberationInput {
  Field<std::string> title;
  Field<std::string> description;
  Field<std::string> topic;
  Field<std::string> method;
  std::optional<std::vector<std::string>> options;
  Field<std::int64_t> meeting_id;
};

struct VoteInput {
  std::optional<std::int64_t> member_id;  // default: the caller's own membership
  Field<std::int64_t> option_id;          // null: against the proposal
};

struct DecisionInput {
  Field<std::string> outcome;     // consensus only
  Field<std::int64_t> option_id;  // consensus only
  Field<std::string> note;
};

struct DeliberationView {
  Deliberation deliberation;
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
  core::Result<DeliberationView> CastVote(const accounts::Context& context, std::int64_t group_id,
                                          std::int64_t id, const VoteInput& input);
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
};

}  // namespace gotong::domain::groups
