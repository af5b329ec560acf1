#pragma once

// Equitable targeting (issue 15; seed 002: assistance shared equitably and aimed at those who need
// it): the need score that ranks a programme's candidates, the rounds that freeze a ranked list,
// and the repository behind them. Pure records and rules.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/programmes/programmes.hpp"

namespace gotong::domain::programmes {

// What one recipient has received from anyone (the whole ledger, any provider).
struct AssistanceSummary {
  std::int64_t count = 0;
  std::int64_t value = 0;  // rupiah
  std::int64_t providers = 0;
  std::optional<core::Date> last_on;
  friend bool operator==(const AssistanceSummary&, const AssistanceSummary&) = default;
};

// The weights of the need score. Higher is needier; a candidate's score is the sum of its terms.
// Storage ranks a million candidates with the same weights in SQL (NeedScoreSql).
struct NeedWeights {
  static constexpr int kMicro = 20;           // usaha mikro
  static constexpr int kSmall = 10;           // usaha kecil (medium and large: 0)
  static constexpr int kHousehold = 25;       // a poor (DTKS) or zakat-recipient household
  static constexpr int kYoung = 10;           // founded this year or in the 3 years before
  static constexpr int kYoungYears = 3;
  static constexpr int kNeverAssisted = 30;   // nothing in the ledger, from anyone
  static constexpr std::int64_t kRupiahPerPoint = 1'000'000;  // −1 per Rp 1.000.000 received
  static constexpr int kMaxValuePenalty = 20;
  static constexpr int kPerYearSinceLast = 2;  // +2 per full calendar year since the last assistance
  static constexpr int kMaxSinceLast = 10;
};

// One term of a score: a stable code, its points, the values a client words it from, and an
// Indonesian label ("belum pernah menerima bantuan +30").
struct NeedTerm {
  std::string code;  // scale, household, young_business, never_assisted, value_received, since_last
  int points = 0;
  core::ErrorParams params;
  std::string label;
};

struct NeedScore {
  int score = 0;
  std::vector<NeedTerm> terms;
};

// The need of a candidate with `facts` (scale, household categories, founding year) that has
// received `received`, scored in `year` (young business and years since the last assistance count
// in calendar years, so a stored score holds for the year).
NeedScore ScoreNeed(const CandidateFacts& facts, const AssistanceSummary& received, int year);

// The ranking order: higher score first, ties by the lower id.
bool RanksBefore(int score_a, std::int64_t id_a, int score_b, std::int64_t id_b);

enum class RecipientKind { kEnterprise, kGroup };
std::string_view ToString(RecipientKind kind);
std::optional<RecipientKind> ParseRecipientKind(std::string_view text);

// A candidate as the ranking read it: who, what the criteria and the score read, its score.
struct Candidate {
  std::int64_t id = 0;
  std::string name;
  CandidateFacts facts;
  AssistanceSummary received;
  int score = 0;
};

struct CandidateFilter {
  std::int64_t programme_id = 0;
  RecipientKind kind = RecipientKind::kEnterprise;
  Criteria criteria;
  core::Date criteria_starts_on;  // the programme's start, from which founded_within_years counts
  int year = 0;                   // the scoring year
  std::optional<std::string> region_code;  // a filter besides the criteria
  std::optional<registry::Sector> sector;
};

// The regions a candidate of `filter` must lie in: the criteria's regions narrowed by the filter's
// region (a criteria region inside it, or it inside a criteria region). Nullopt when neither
// names one (anywhere); empty when they do not meet (no candidate).
std::optional<std::vector<std::string>> CandidateRegions(const CandidateFilter& filter);

// Candidates are counted up to this many past the page's offset; a longer list answers with
// that many as its total and says the total is capped (a province programme can have a million).
inline constexpr std::int64_t kCandidatesCounted = 10'000;

// draft → confirmed (final) or cancelled.
enum class RoundStatus { kDraft, kConfirmed, kCancelled };
std::string_view ToString(RoundStatus status);
std::optional<RoundStatus> ParseRoundStatus(std::string_view text);

struct Round {
  std::int64_t id = 0;
  std::int64_t programme_id = 0;
  RecipientKind kind = RecipientKind::kEnterprise;
  RoundStatus status = RoundStatus::kDraft;
  core::Date opens_on;
  core::Date closes_on;
  std::optional<std::int64_t> quota;
  std::optional<std::string> region_code;
  std::optional<registry::Sector> sector;
  std::optional<std::string> note;
  int scored_year = 0;
  core::Date criteria_starts_on;
  Criteria criteria;  // as frozen
  std::int64_t candidate_count = 0;
  std::int64_t selected_count = 0;
  std::optional<int> cut_score;
  std::optional<std::int64_t> enrolled_count;
  std::optional<std::int64_t> created_by;
  core::Instant created_at{};
  std::optional<std::int64_t> decided_by;
  std::optional<core::Instant> decided_at;
  core::Instant updated_at{};
};

struct Beneficiary {
  std::int64_t round_id = 0;
  std::int64_t position = 0;  // 1 = the neediest
  Candidate candidate;        // as frozen
};

struct RoundFilter {
  std::optional<std::int64_t> programme_id;
  std::optional<RoundStatus> status;
  std::optional<RecipientKind> kind;
};

class TargetingRepository {
 public:
  virtual ~TargetingRepository() = default;
  // Recounts what an enterprise or a group has received from the ledger (in the unit of the write
  // that changed it).
  virtual core::Status RecountReceived(RecipientKind kind, std::int64_t id) = 0;
  virtual core::Result<AssistanceSummary> Received(RecipientKind kind, std::int64_t id) = 0;
  // Candidates that meet every criterion and are not enrolled in the programme, neediest first
  // (ties by id).
  virtual core::Result<core::Page<Candidate>> Candidates(const CandidateFilter& filter,
                                                         const core::PageRequest& page) = 0;
  // One enterprise or group as the ranking reads it now, whatever the criteria; kNotFound.
  virtual core::Result<Candidate> CandidateNow(RecipientKind kind, std::int64_t id, int year) = 0;
  virtual core::Result<bool> Enrolled(std::int64_t programme_id, RecipientKind kind, std::int64_t id) = 0;
  // Periods of rounds of the programme, not cancelled, that overlap [opens_on, closes_on].
  virtual core::Result<std::vector<Round>> Overlapping(std::int64_t programme_id, const core::Date& opens_on,
                                                       const core::Date& closes_on) = 0;
  // Inserts the round with its criteria and freezes the top `round.quota` candidates of `filter`
  // (all without a quota) in one INSERT … SELECT; sets the counts and cut score; returns its id.
  virtual core::Result<std::int64_t> Freeze(const Round& round, const CandidateFilter& filter) = 0;
  virtual core::Result<Round> FindRound(std::int64_t id) = 0;
  // Newest first.
  virtual core::Result<core::Page<Round>> ListRounds(const RoundFilter& filter, const core::PageRequest& page) = 0;
  // Its status and decision.
  virtual core::Status UpdateRound(const Round& round) = 0;
  // By position.
  virtual core::Result<core::Page<Beneficiary>> Beneficiaries(std::int64_t round_id,
                                                              const core::PageRequest& page) = 0;
  virtual core::Result<std::optional<Beneficiary>> FindBeneficiary(std::int64_t round_id, RecipientKind kind,
                                                                   std::int64_t id) = 0;
  // Enrols the round's beneficiaries not enrolled in its programme yet; returns how many.
  virtual core::Result<std::int64_t> EnrolBeneficiaries(const Round& round, const core::Date& enrolled_on,
                                                        std::optional<std::int64_t> by, core::Instant at) = 0;
  // The enterprises of the person the account is a current group member as.
  virtual core::Result<std::vector<std::int64_t>> EnterprisesOfAccount(std::int64_t user_id) = 0;
};

}  // namespace gotong::domain::programmes
