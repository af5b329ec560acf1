#pragma once

// One member's own records in her group, read at once (issue 13, the member): her fees and
// arrears, her shares of joint orders, her votes, her knowledge posts and (issue 14, mentees see
// their competencies) where she stands on each competency her group's cycles taught or teach her.
// The group's books are open to its members by design, so whoever reaches the group reads any
// member's summary.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/groups/cooperation.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/groups.hpp"
#include "domain/groups/treasury.hpp"
#include "domain/groups/treasury_service.hpp"
#include "domain/mentoring/cycles.hpp"

namespace gotong::domain::groups {

// One ledger entry that moved a member's fees.
struct FeePayment {
  std::int64_t entry_id = 0;
  core::Date date;
  EntryKind kind = EntryKind::kFeePayment;
  std::string memo;
  std::int64_t amount = 0;  // her member_fees credits − debits: negative when it takes a fee back
  bool reversed = false;    // a later entry undid it
};

// A member's fees through a month, as GET …/fees counts them, and her latest payments.
struct FeePosition {
  Month through;
  std::optional<std::int64_t> monthly_fee;  // the rule in force in `through`; none before a rule
  std::int64_t due = 0;
  std::int64_t paid = 0;
  std::int64_t arrears = 0;  // due − paid; negative when she paid ahead
  std::optional<Month> paid_through;  // PaidThrough
  core::Page<FeePayment> payments;    // newest first
};

// A member's share of a joint order; `order.shares` is left empty.
struct MemberShare {
  JointOrder order;
  OrderShare share;
};

struct MemberSummary {
  Membership member;
  FeePosition fees;
  core::Page<MemberShare> orders;  // newest order first
  core::Page<MemberVote> votes;    // latest cast first
  core::Page<KnowledgePost> posts; // newest first
  std::vector<mentoring::MenteeCompetency> competencies;  // MenteeCompetencies' order, all of them
};

// How many of each of her records a summary lists unless asked otherwise, and at most.
inline constexpr std::int64_t kSummaryItems = 5;
inline constexpr std::int64_t kMaxSummaryItems = 20;

class MemberSummaryService : public GroupWorkspace {
 public:
  using GroupWorkspace::GroupWorkspace;

  // Member `member_id`'s summary (kNotFound, field "member_id", when she is not of the group),
  // each list the latest `limit` (default kSummaryItems, 1 to kMaxSummaryItems) with its total.
  core::Result<MemberSummary> Summary(const accounts::Context& context, std::int64_t group_id,
                                      std::int64_t member_id, std::optional<std::int64_t> limit);
};

}  // namespace gotong::domain::groups
