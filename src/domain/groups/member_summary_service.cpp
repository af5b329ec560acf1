#include "domain/groups/member_summary_service.hpp"

#include <algorithm>
#include <utility>

namespace gotong::domain::groups {
namespace {

using accounts::Context;

// The fee rule in force in `month`, if any (`rules` in the order of the month they start).
std::optional<std::int64_t> FeeIn(const std::vector<FeeRule>& rules, Month month) {
  std::optional<std::int64_t> amount;
  for (const auto& rule : rules) {
    if (rule.from <= month) amount = rule.amount;
  }
  return amount;
}

// Her share of each order, the order without the others' shares.
core::Page<MemberShare> SharesOf(core::Page<JointOrder> orders, std::int64_t member_id,
                                 const core::Date& today) {
  core::Page<MemberShare> shares{{}, orders.total, orders.limit, orders.offset};
  for (auto& order : orders.items) {
    auto share = std::find_if(order.shares.begin(), order.shares.end(),
                              [member_id](const OrderShare& s) { return s.member_id == member_id; });
    if (share == order.shares.end()) continue;
    MemberShare item{std::move(order), *share};
    item.order.shares.clear();
    item.order.overdue = item.order.OverdueOn(today);
    shares.items.push_back(std::move(item));
  }
  return shares;
}

// Her payments among `entries`: what each moved of her fees.
core::Page<FeePayment> PaymentsOf(const core::Page<LedgerEntry>& entries, std::int64_t member_id) {
  core::Page<FeePayment> payments{{}, entries.total, entries.limit, entries.offset};
  for (const auto& entry : entries.items) {
    FeePayment payment;
    payment.entry_id = entry.id;
    payment.date = entry.date;
    payment.kind = entry.kind;
    payment.memo = entry.memo;
    payment.reversed = entry.reversed_by.has_value();
    for (const auto& line : entry.lines) {
      if (line.account == LedgerAccount::kMemberFees && line.member_id == member_id) {
        payment.amount += line.credit - line.debit;
      }
    }
    payments.items.push_back(std::move(payment));
  }
  return payments;
}

}  // namespace

core::Result<MemberSummary> MemberSummaryService::Summary(const Context& context,
                                                          std::int64_t group_id,
                                                          std::int64_t member_id,
                                                          std::optional<std::int64_t> limit) {
  if (limit && (*limit < 1 || *limit > kMaxSummaryItems)) {
    return core::Error::Invalid("limit", "invalid_value",
                                "limit must be between 1 and " + std::to_string(kMaxSummaryItems));
  }
  const core::PageRequest page{static_cast<int>(limit.value_or(kSummaryItems)), 0};
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  MemberSummary summary;
  GOTONG_ASSIGN_OR_RETURN(summary.member, unit->Groups().FindMember(group_id, member_id));

  const core::Date today = Today();
  FeePosition& fees = summary.fees;
  fees.through = Month::Of(today);
  GOTONG_ASSIGN_OR_RETURN(auto rules, unit->Treasury().FeeRules(group_id));
  GOTONG_ASSIGN_OR_RETURN(auto paid, unit->Treasury().FeesPaid(group_id, fees.through.LastDay()));
  if (auto it = paid.find(member_id); it != paid.end()) fees.paid = it->second;
  fees.monthly_fee = FeeIn(rules, fees.through);
  fees.due = MemberFeesDue(summary.member, rules, fees.through);
  fees.arrears = fees.due - fees.paid;
  fees.paid_through = PaidThrough(summary.member, rules, fees.paid, fees.through);
  LedgerFilter filter;
  filter.fees_of = member_id;
  GOTONG_ASSIGN_OR_RETURN(auto entries, unit->Treasury().ListEntries(group_id, filter, page));
  fees.payments = PaymentsOf(entries, member_id);

  GOTONG_ASSIGN_OR_RETURN(auto orders, unit->Cooperation().OrdersOf(group_id, member_id, page));
  summary.orders = SharesOf(std::move(orders), member_id, today);
  GOTONG_ASSIGN_OR_RETURN(summary.votes, unit->Deliberations().VotesOf(group_id, member_id, page));
  GOTONG_ASSIGN_OR_RETURN(summary.posts, unit->Cooperation().PostsOf(group_id, member_id, page));
  GOTONG_ASSIGN_OR_RETURN(auto learnt, unit->Cycles().OfMentee(group_id, member_id));
  summary.competencies = mentoring::MenteeCompetencies(learnt);
  return summary;
}

}  // namespace gotong::domain::groups
