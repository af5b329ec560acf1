#include "domain/mentoring/surveys.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "core/names.hpp"

namespace gotong::domain::mentoring {
namespace {

constexpr core::Names<QuestionKind, 3> kQuestionKinds = {{
    {"open", QuestionKind::kOpen}, {"likert", QuestionKind::kLikert}, {"check", QuestionKind::kCheck}
}};

}  // namespace

std::string_view ToString(QuestionKind kind) { return core::NameOf(kind, kQuestionKinds); }
std::optional<QuestionKind> ParseQuestionKind(std::string_view text) {
  return core::ValueNamed(text, kQuestionKinds);
}

std::vector<QuestionSummary> Summarise(const SurveyTemplate& survey_template,
                                       const std::vector<SurveyResponse>& responses) {
  std::vector<QuestionSummary> summaries;
  for (const auto& question : survey_template.questions) {
    QuestionSummary summary;
    summary.question_id = question.id;
    if (question.kind == QuestionKind::kLikert) summary.scale_counts.assign(kLikertMax, 0);
    std::int64_t total = 0;
    for (const auto& response : responses) {
      for (const auto& answer : response.answers) {
        if (answer.question_id != question.id) continue;
        if (question.kind == QuestionKind::kOpen && answer.text && !answer.text->empty()) ++summary.answered;
        if (question.kind == QuestionKind::kLikert && answer.scale) {
          ++summary.answered;
          ++summary.scale_counts[static_cast<std::size_t>(*answer.scale - kLikertMin)];
          total += *answer.scale;
        }
        if (question.kind == QuestionKind::kCheck && answer.checked) {
          ++summary.answered;
          if (*answer.checked) ++summary.checked;
        }
      }
    }
    if (question.kind == QuestionKind::kLikert && summary.answered > 0) {
      summary.mean = static_cast<double>(total) / static_cast<double>(summary.answered);
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

CodingAnalysis AnalyseCoding(const std::vector<SurveyCode>& codes, const std::vector<CodeTag>& tags) {
  std::map<std::int64_t, std::set<std::int64_t>> codes_of_response;
  std::map<std::int64_t, std::int64_t> tag_count;
  std::map<std::int64_t, std::set<std::int64_t>> responses_of_code;
  for (const auto& tag : tags) {
    codes_of_response[tag.response_id].insert(tag.code_id);
    ++tag_count[tag.code_id];
    responses_of_code[tag.code_id].insert(tag.response_id);
  }
  CodingAnalysis analysis;
  for (const auto& code : codes) {
    analysis.frequencies.push_back({code.id, tag_count[code.id],
                                    static_cast<std::int64_t>(responses_of_code[code.id].size())});
  }
  std::map<std::pair<std::int64_t, std::int64_t>, std::int64_t> pairs;
  for (const auto& [response, named] : codes_of_response) {
    for (auto a = named.begin(); a != named.end(); ++a) {
      for (auto b = std::next(a); b != named.end(); ++b) ++pairs[{*a, *b}];
    }
  }
  for (const auto& [pair, count] : pairs) analysis.co_occurrences.push_back({pair.first, pair.second, count});
  return analysis;
}

}  // namespace gotong::domain::mentoring
