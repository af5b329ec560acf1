#include "domain/programmes/exits.hpp"

#include <algorithm>
#include <chrono>
#include <cstdlib>

#include "domain/programmes/loans.hpp"

namespace gotong::domain::programmes {
namespace {

// Days since the epoch, for the distance between two dates.
std::int64_t DayNumber(const core::Date& date) {
  const std::chrono::sys_days days{std::chrono::year{date.year} / std::chrono::month{date.month} /
                                   std::chrono::day{date.day}};
  return days.time_since_epoch().count();
}

}  // namespace

std::string_view ToString(ReadinessItem item) {
  switch (item) {
    case ReadinessItem::kLeadsMeetings: return "leads_meetings";
    case ReadinessItem::kKeepsBooks: return "keeps_books";
    case ReadinessItem::kOutsideNetwork: return "outside_network";
  }
  return "leads_meetings";
}

std::string_view ToString(ExitStatus status) {
  switch (status) {
    case ExitStatus::kNone: return "none";
    case ExitStatus::kNominated: return "nominated";
    case ExitStatus::kReady: return "ready";
    case ExitStatus::kHandedOver: return "handed_over";
  }
  return "none";
}

std::optional<ExitStatus> ParseExitStatus(std::string_view text) {
  for (auto status : {ExitStatus::kNone, ExitStatus::kNominated, ExitStatus::kReady, ExitStatus::kHandedOver}) {
    if (ToString(status) == text) return status;
  }
  return std::nullopt;
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
  switch (condition) {
    case GroupCondition::kActive: return "active";
    case GroupCondition::kStruggling: return "struggling";
    case GroupCondition::kDormant: return "dormant";
    case GroupCondition::kDissolved: return "dissolved";
  }
  return "active";
}

std::optional<GroupCondition> ParseGroupCondition(std::string_view text) {
  for (auto condition : kGroupConditions) {
    if (ToString(condition) == text) return condition;
  }
  return std::nullopt;
}

std::string_view ToString(VisitState state) {
  switch (state) {
    case VisitState::kDone: return "done";
    case VisitState::kOverdue: return "overdue";
    case VisitState::kUpcoming: return "upcoming";
  }
  return "upcoming";
}

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
