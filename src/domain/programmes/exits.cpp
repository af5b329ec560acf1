#include "domain/programmes/exits.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "core/names.hpp"
#include "domain/programmes/loans.hpp"

namespace gotong::domain::programmes {
namespace {

// Days since the epoch, for the distance between two dates.
std::int64_t DayNumber(const core::Date& date) {
  const std::chrono::sys_days days{std::chrono::year{date.year} / std::chrono::month{date.month} /
                                   std::chrono::day{date.day}};
  return days.time_since_epoch().count();
}

constexpr core::Names<ReadinessItem, 3> kReadinessWords = {
    {{"leads_meetings", ReadinessItem::kLeadsMeetings},
     {"keeps_books", ReadinessItem::kKeepsBooks},
     {"outside_network", ReadinessItem::kOutsideNetwork}}};

constexpr core::Names<ExitStatus, 4> kExitStatuses = {{{"none", ExitStatus::kNone},
                                                       {"nominated", ExitStatus::kNominated},
                                                       {"ready", ExitStatus::kReady},
                                                       {"handed_over", ExitStatus::kHandedOver}}};

constexpr core::Names<GroupCondition, 4> kConditionWords = {
    {{"active", GroupCondition::kActive},
     {"struggling", GroupCondition::kStruggling},
     {"dormant", GroupCondition::kDormant},
     {"dissolved", GroupCondition::kDissolved}}};

constexpr core::Names<VisitState, 3> kVisitStates = {{{"done", VisitState::kDone},
                                                      {"overdue", VisitState::kOverdue},
                                                      {"upcoming", VisitState::kUpcoming}}};

}  // namespace

std::string_view ToString(ReadinessItem item) { return core::NameOf(item, kReadinessWords); }

std::string_view ToString(ExitStatus status) { return core::NameOf(status, kExitStatuses); }

std::optional<ExitStatus> ParseExitStatus(std::string_view text) {
  return core::ValueNamed(text, kExitStatuses);
}

std::vector<ReadinessItem> Unmet(const Nomination& nomination) {
  std::vector<ReadinessItem> unmet;
  for (auto item : kReadinessItems) {
    if (!nomination.Check(item).met) unmet.push_back(item);
  }
  return unmet;
}

ExitStatus StatusOf(const std::optional<Nomination>& current) {
  if (!current) return ExitStatus::kNone;
  if (current->handed_over_on) return ExitStatus::kHandedOver;
  return Unmet(*current).empty() ? ExitStatus::kReady : ExitStatus::kNominated;
}

std::string_view ToString(GroupCondition condition) {
  return core::NameOf(condition, kConditionWords);
}

std::optional<GroupCondition> ParseGroupCondition(std::string_view text) {
  return core::ValueNamed(text, kConditionWords);
}

std::string_view ToString(VisitState state) { return core::NameOf(state, kVisitStates); }

core::Date FollowUpDue(const core::Date& ends_on, int month) {
  // The loans' due dates move a day on by months the same way.
  return DueDate(ends_on, month);
}

std::vector<ScheduledVisit> FollowUpSchedule(const core::Date& ends_on, const std::vector<int>& months,
                                             const std::vector<FollowUp>& visits, const core::Date& today) {
  std::vector<ScheduledVisit> schedule;
  schedule.reserve(months.size());
  for (int month : months) {
    ScheduledVisit visit;
    visit.month = month;
    visit.due_on = FollowUpDue(ends_on, month);
    auto answer = std::find_if(visits.begin(), visits.end(),
                               [month](const FollowUp& f) { return f.follow_up_month == month; });
    if (answer != visits.end()) {
      visit.state = VisitState::kDone;
      visit.follow_up_id = answer->id;
      visit.visited_on = answer->visited_on;
    } else {
      visit.state = visit.due_on < today ? VisitState::kOverdue : VisitState::kUpcoming;
    }
    schedule.push_back(visit);
  }
  return schedule;
}

std::optional<int> NearestOpenMonth(const core::Date& ends_on, const std::vector<int>& months,
                                    const std::vector<int>& answered, const core::Date& visited_on) {
  std::optional<int> nearest;
  std::int64_t best = 0;
  const std::int64_t day = DayNumber(visited_on);
  for (int month : months) {
    if (std::find(answered.begin(), answered.end(), month) != answered.end()) continue;
    const std::int64_t distance = std::abs(DayNumber(FollowUpDue(ends_on, month)) - day);
    // Months ascend: a later month only wins when strictly nearer.
    if (!nearest || distance < best) {
      nearest = month;
      best = distance;
    }
  }
  return nearest;
}

}  // namespace gotong::domain::programmes
