#include "domain/mentoring/matching.hpp"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>
#include <utility>

#include "core/names.hpp"

namespace gotong::domain::mentoring {
namespace {

using core::FieldError;

// `numerator / denominator` rounded to the nearest whole number, halves up (both ≥ 0, d > 0).
int RoundedRatio(std::int64_t numerator, std::int64_t denominator) {
  return static_cast<int>((2 * numerator + denominator) / (2 * denominator));
}

bool Answered(const std::vector<int>& values) { return values.size() == kSurveyValues.size(); }

std::vector<std::int64_t> Sorted(std::vector<std::int64_t> ids) {
  std::sort(ids.begin(), ids.end());
  return ids;
}

std::string At(const std::string& list, std::size_t index) {
  return list + "[" + std::to_string(index) + "]";
}

// Collects field errors up to kMaxFieldErrors: a file of 100,000 wrong rows answers with the
// first hundred, not with a hundred thousand.
class Errors {
 public:
  void Add(std::string field, std::string code, std::string message,
           core::ErrorParams params = {}) {
    if (fields_.size() < kMaxFieldErrors) {
      fields_.emplace_back(std::move(field), std::move(code), std::move(message),
                           std::move(params));
    }
  }
  bool full() const { return fields_.size() >= kMaxFieldErrors; }
  core::Status ToStatus() const {
    if (fields_.empty()) return core::OkStatus();
    return core::Error::Invalid(fields_);
  }

 private:
  std::vector<FieldError> fields_;
};

void CheckValues(Errors& errors, const std::string& field, const std::vector<int>& values) {
  if (values.empty()) return;
  if (!Answered(values)) {
    errors.Add(field, "invalid_length",
               field + " has one answer per value of the survey (" +
                   std::to_string(kSurveyValues.size()) + "), or none",
               {{"expected", std::to_string(kSurveyValues.size())}});
    return;
  }
  for (std::size_t j = 0; j < values.size(); ++j) {
    if (values[j] < kMinValueAnswer || values[j] > kMaxValueAnswer) {
      errors.Add(
          At(field, j), "out_of_range",
          At(field, j) + " (" + std::string(kSurveyValues[j]) + ") must be between " +
              std::to_string(kMinValueAnswer) + " and " + std::to_string(kMaxValueAnswer),
          {{"min", std::to_string(kMinValueAnswer)}, {"max", std::to_string(kMaxValueAnswer)}});
    }
  }
}

void CheckCompetencies(Errors& errors, const std::string& field,
                       const std::vector<std::int64_t>& ids) {
  if (ids.size() > kMaxMatchCompetencies) {
    errors.Add(field, "too_many",
               field + " names at most " + std::to_string(kMaxMatchCompetencies) + " competencies",
               {{"max", std::to_string(kMaxMatchCompetencies)}});
    return;
  }
  std::vector<std::int64_t> sorted = Sorted(ids);
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) {
    errors.Add(field, "duplicate", field + " names a competency twice");
  }
}

void CheckWeight(Errors& errors, const std::string& name, int value, int min, int max) {
  if (value < min || value > max) {
    std::string field = "weights." + name;
    errors.Add(field, "out_of_range",
               field + " must be between " + std::to_string(min) + " and " + std::to_string(max),
               {{"min", std::to_string(min)}, {"max", std::to_string(max)}});
  }
}

void CheckMentees(Errors& errors, const std::vector<MatchMentee>& mentees) {
  if (mentees.size() > kMaxMatchMentees) {
    errors.Add("mentees", "too_many",
               "at most " + std::to_string(kMaxMatchMentees) + " mentees at once",
               {{"max", std::to_string(kMaxMatchMentees)}});
    return;
  }
  std::unordered_set<std::int64_t> seen;
  seen.reserve(mentees.size());
  for (std::size_t i = 0; i < mentees.size() && !errors.full(); ++i) {
    const MatchMentee& mentee = mentees[i];
    std::string field = At("mentees", i);
    if (!seen.insert(mentee.member_id).second) {
      errors.Add(field + ".member_id", "duplicate",
                 field + ".member_id is already a mentee of this matching");
    }
    CheckCompetencies(errors, field + ".target_competencies", mentee.target_competencies);
    CheckValues(errors, field + ".values", mentee.values);
  }
}

void CheckMentors(Errors& errors, const std::vector<MatchMentor>& mentors) {
  if (mentors.size() > kMaxMatchMentors) {
    errors.Add("mentors", "too_many",
               "at most " + std::to_string(kMaxMatchMentors) + " mentors at once",
               {{"max", std::to_string(kMaxMatchMentors)}});
    return;
  }
  std::unordered_set<std::int64_t> seen;
  seen.reserve(mentors.size());
  std::int64_t total_capacity = 0;
  bool capacity_wrong = false;
  for (std::size_t i = 0; i < mentors.size(); ++i) {
    const MatchMentor& mentor = mentors[i];
    std::string field = At("mentors", i);
    if (!seen.insert(mentor.member_id).second) {
      errors.Add(field + ".member_id", "duplicate",
                 field + ".member_id is already a mentor of this matching");
    }
    if (mentor.capacity < 0) {
      errors.Add(field + ".capacity", "negative", field + ".capacity must not be negative");
      capacity_wrong = true;
    } else if (mentor.capacity > kMaxMentorCapacity) {
      errors.Add(field + ".capacity", "out_of_range",
                 field + ".capacity must be between 0 and " + std::to_string(kMaxMentorCapacity),
                 {{"min", "0"}, {"max", std::to_string(kMaxMentorCapacity)}});
      capacity_wrong = true;
    } else {
      total_capacity += mentor.capacity;
    }
    CheckCompetencies(errors, field + ".achieved_competencies", mentor.achieved_competencies);
    CheckValues(errors, field + ".values", mentor.values);
  }
  if (!mentors.empty() && !capacity_wrong && total_capacity == 0) {
    errors.Add("mentors", "no_capacity",
               "every mentor has capacity 0: give at least one mentor room for a mentee");
  }
}

constexpr core::Names<Proximity, 3> kProximities = {{{"none", Proximity::kNone},
                                                     {"same_village", Proximity::kSameVillage},
                                                     {"same_group", Proximity::kSameGroup}}};

constexpr core::Names<UnplacedReason, 2> kUnplacedReasons = {
    {{"no_mentor_covers", UnplacedReason::kNoMentorCovers},
     {"capacity", UnplacedReason::kCapacity}}};

constexpr core::Names<MatchingStage, 3> kMatchingStages = {
    {{"scoring", MatchingStage::kScoring},
     {"solving", MatchingStage::kSolving},
     {"explaining", MatchingStage::kExplaining}}};

}  // namespace

std::string_view ToString(Proximity proximity) { return core::NameOf(proximity, kProximities); }
std::optional<Proximity> ParseProximity(std::string_view text) {
  return core::ValueNamed(text, kProximities);
}

std::string_view ToString(UnplacedReason reason) { return core::NameOf(reason, kUnplacedReasons); }
std::optional<UnplacedReason> ParseUnplacedReason(std::string_view text) {
  return core::ValueNamed(text, kUnplacedReasons);
}

std::string_view ToString(MatchingStage stage) { return core::NameOf(stage, kMatchingStages); }
std::optional<MatchingStage> ParseMatchingStage(std::string_view text) {
  return core::ValueNamed(text, kMatchingStages);
}

int ValuesPoints(int distance, const MatchWeights& weights) {
  int alignment = kMaxValueDistance - std::clamp(distance, 0, kMaxValueDistance);
  return RoundedRatio(std::int64_t{weights.values} * alignment, kMaxValueDistance);
}

int UnansweredValuesPoints(const MatchWeights& weights) { return RoundedRatio(weights.values, 2); }

int CoveragePoints(int covered, int targets, const MatchWeights& weights) {
  if (targets <= 0 || covered <= 0) return 0;
  return RoundedRatio(std::int64_t{weights.coverage} * std::min(covered, targets), targets);
}

int ProximityPoints(Proximity proximity, const MatchWeights& weights) {
  switch (proximity) {
    case Proximity::kSameGroup:
      return weights.same_group;
    case Proximity::kSameVillage:
      return weights.same_village;
    case Proximity::kNone:
      return 0;
  }
  return 0;
}

int CommunityPoints(MentorOrigin origin, const MatchWeights& weights) {
  return origin == MentorOrigin::kCommunity ? weights.community : 0;
}

int MaxPairScore(const MatchWeights& weights) {
  return weights.values + weights.coverage + std::max(weights.same_group, weights.same_village) +
         weights.community;
}

PairScore ScorePair(const MatchMentee& mentee, const MatchMentor& mentor,
                    const MatchWeights& weights) {
  PairScore score;
  score.values_answered = Answered(mentee.values) && Answered(mentor.values);
  if (score.values_answered) {
    int distance = 0;
    for (std::size_t j = 0; j < kSurveyValues.size(); ++j)
      distance += std::abs(mentee.values[j] - mentor.values[j]);
    score.values = ValuesPoints(distance, weights);
  } else {
    score.values = UnansweredValuesPoints(weights);
  }

  std::vector<std::int64_t> achieved = Sorted(mentor.achieved_competencies);
  for (std::int64_t target : Sorted(mentee.target_competencies)) {
    if (std::binary_search(achieved.begin(), achieved.end(), target))
      score.covered_competencies.push_back(target);
  }
  score.coverage = CoveragePoints(static_cast<int>(score.covered_competencies.size()),
                                  static_cast<int>(mentee.target_competencies.size()), weights);

  if (mentor.group_id && *mentor.group_id == mentee.group_id) {
    score.proximity_kind = Proximity::kSameGroup;
  } else if (mentor.village_code && mentee.village_code &&
             *mentor.village_code == *mentee.village_code) {
    score.proximity_kind = Proximity::kSameVillage;
  }
  score.proximity = ProximityPoints(score.proximity_kind, weights);
  score.community = CommunityPoints(mentor.origin, weights);
  score.total = score.values + score.coverage + score.proximity + score.community;
  return score;
}

bool IsAdmissible(const MatchMentee& mentee, const MatchMentor& mentor) {
  if (mentee.member_id == mentor.member_id) return false;
  if (mentee.target_competencies.empty()) return true;
  return std::any_of(mentee.target_competencies.begin(), mentee.target_competencies.end(),
                     [&](std::int64_t target) {
                       return std::find(mentor.achieved_competencies.begin(),
                                        mentor.achieved_competencies.end(),
                                        target) != mentor.achieved_competencies.end();
                     });
}

core::Status ValidateMatchingProblem(const MatchingProblem& problem) {
  Errors errors;
  const MatchWeights& weights = problem.weights;
  CheckWeight(errors, "values", weights.values, 0, kMaxMatchWeight);
  CheckWeight(errors, "coverage", weights.coverage, 0, kMaxMatchWeight);
  CheckWeight(errors, "same_group", weights.same_group, 0, kMaxMatchWeight);
  CheckWeight(errors, "same_village", weights.same_village, 0, kMaxMatchWeight);
  CheckWeight(errors, "community", weights.community, 0, kMaxMatchWeight);
  CheckWeight(errors, "top_k", weights.top_k, 1, kMaxTopK);
  CheckMentors(errors, problem.mentors);
  CheckMentees(errors, problem.mentees);
  return errors.ToStatus();
}

}  // namespace gotong::domain::mentoring
