#pragma once

// Community mentoring (seed 000): surveys of a group's members from templates (the seed's six
// open questions, its perception items, its benefits, and the values mentor and mentee share),
// and the coding of open answers — a codebook per survey and passages tagged with its codes — so
// a facilitator sees which values and benefits the members name, and which together.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"

namespace gotong::domain::mentoring {

// open: a few words; likert: 1 (strongly disagree / not important) to 5; check: yes or no.
enum class QuestionKind { kOpen, kLikert, kCheck };  // open, likert, check
std::string_view ToString(QuestionKind kind);
std::optional<QuestionKind> ParseQuestionKind(std::string_view text);

inline constexpr int kLikertMin = 1;
inline constexpr int kLikertMax = 5;

struct SurveyQuestion {
  std::int64_t id = 0;
  int position = 0;
  std::string code;  // "bebas_bertanya"
  QuestionKind kind = QuestionKind::kOpen;
  std::string text;
  std::string text_en;
};

struct SurveyTemplate {
  std::int64_t id = 0;
  std::string code;  // "seed000.open", "values"
  std::string name;
  std::string name_en;
  std::string description;
  std::vector<SurveyQuestion> questions;  // in order
};

// The template matching reads each member's values from.
inline constexpr std::string_view kValuesTemplate = "values";

struct Survey {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t template_id = 0;
  std::string template_code;  // read
  std::string title;
  core::Date opened_on;
  std::optional<std::int64_t> created_by;
  core::Instant created_at{};
  std::int64_t responses = 0;  // read
};

struct Answer {
  std::int64_t question_id = 0;
  std::optional<std::string> text;  // open
  std::optional<int> scale;         // likert
  std::optional<bool> checked;      // check
};

struct SurveyResponse {
  std::int64_t id = 0;
  std::int64_t survey_id = 0;
  std::int64_t member_id = 0;
  std::string person_name;  // read
  std::optional<std::int64_t> recorded_by;
  core::Instant created_at{};
  std::vector<Answer> answers;
};

struct SurveyCode {
  std::int64_t id = 0;
  std::int64_t survey_id = 0;
  std::string code;
  std::string label;
};

// A passage of one open answer marked with a code.
struct CodeTag {
  std::int64_t id = 0;
  std::int64_t survey_id = 0;
  std::int64_t response_id = 0;
  std::int64_t question_id = 0;
  std::int64_t code_id = 0;
  std::string quote;
  std::optional<std::int64_t> tagged_by;
  core::Instant created_at{};
};

// ---- what the answers add up to (computed, never stored) ------------------------------------

struct QuestionSummary {
  std::int64_t question_id = 0;
  std::int64_t answered = 0;
  std::vector<std::int64_t> scale_counts;  // likert: how many chose 1 … 5
  std::optional<double> mean;              // likert
  std::int64_t checked = 0;                // check: how many ticked it
};
std::vector<QuestionSummary> Summarise(const SurveyTemplate& survey_template,
                                       const std::vector<SurveyResponse>& responses);

struct CodeFrequency {
  std::int64_t code_id = 0;
  std::int64_t tags = 0;       // passages
  std::int64_t responses = 0;  // members who named it
};
struct CoOccurrence {
  std::int64_t code_a = 0;  // the smaller id
  std::int64_t code_b = 0;
  std::int64_t responses = 0;  // members whose answers carry both
  friend bool operator==(const CoOccurrence&, const CoOccurrence&) = default;
};
struct CodingAnalysis {
  std::vector<CodeFrequency> frequencies;  // in the codebook's order
  std::vector<CoOccurrence> co_occurrences;  // pairs seen at least once, by code ids
};
CodingAnalysis AnalyseCoding(const std::vector<SurveyCode>& codes, const std::vector<CodeTag>& tags);

class SurveyRepository {
 public:
  virtual ~SurveyRepository() = default;
  virtual core::Result<std::vector<SurveyTemplate>> Templates() = 0;
  // kNotFound naming the template.
  virtual core::Result<SurveyTemplate> FindTemplate(std::int64_t id) = 0;
  // Inserts the survey and its codebook, copied from the template's.
  virtual core::Result<std::int64_t> Insert(const Survey& survey) = 0;
  virtual core::Result<Survey> Find(std::int64_t id) = 0;
  // Newest first.
  virtual core::Result<core::Page<Survey>> List(std::int64_t group_id, const core::PageRequest& page) = 0;
  // kAlreadyExists (field "member_id") when the member answered already.
  virtual core::Result<std::int64_t> InsertResponse(const SurveyResponse& response) = 0;
  // Every response of the survey with its answers (a group's members: bounded by its size).
  virtual core::Result<std::vector<SurveyResponse>> Responses(std::int64_t survey_id) = 0;
  // kAlreadyExists (field "code") when the survey's codebook has it.
  virtual core::Result<std::int64_t> InsertCode(const SurveyCode& code) = 0;
  virtual core::Result<std::vector<SurveyCode>> Codes(std::int64_t survey_id) = 0;
  virtual core::Result<std::int64_t> InsertTag(const CodeTag& tag) = 0;
  // False when the survey has no such tag.
  virtual core::Result<bool> DeleteTag(std::int64_t survey_id, std::int64_t tag_id) = 0;
  virtual core::Result<std::vector<CodeTag>> Tags(std::int64_t survey_id) = 0;
};

}  // namespace gotong::domain::mentoring
