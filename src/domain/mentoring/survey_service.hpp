#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/form.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/mentoring/surveys.hpp"

namespace gotong::domain::mentoring {

struct SurveyInput {
  form::Field<std::int64_t> group_id;
  form::Field<std::int64_t> template_id;
  form::Field<std::string> title;
  form::Field<std::string> opened_on;  // default: today
};

struct AnswerInput {
  std::optional<std::int64_t> question_id;
  form::Field<std::string> text;
  form::Field<std::int64_t> scale;
  form::Field<bool> checked;
};

struct ResponseInput {
  std::optional<std::int64_t> member_id;  // default: the caller's own membership
  std::optional<std::vector<AnswerInput>> answers;
};

struct CodeInput {
  form::Field<std::string> code;
  form::Field<std::string> label;
};

struct TagInput {
  form::Field<std::int64_t> response_id;
  form::Field<std::int64_t> question_id;
  form::Field<std::int64_t> code_id;
  form::Field<std::string> quote;  // default: the whole answer
};

struct SurveyView {
  Survey survey;
  SurveyTemplate survey_template;
  std::vector<QuestionSummary> summary;
  std::vector<SurveyCode> codes;
  std::optional<std::int64_t> own_response;  // the caller's, when she answered
  bool can_guide = false;
};

struct CodingView {
  std::vector<SurveyCode> codes;
  std::vector<CodeTag> tags;
  CodingAnalysis analysis;
  std::vector<SurveyResponse> responses;  // the answers the tags quote
};

// Surveys of a group's members. Anyone who reaches the group sees a survey and its totals; each
// member answers for herself (those who guide the group record the answers of members without an
// account); the answers one by one and their coding are for those who guide the group.
class SurveyService : public groups::GroupWorkspace {
 public:
  using groups::GroupWorkspace::GroupWorkspace;

  core::Result<std::vector<SurveyTemplate>> Templates(const accounts::Context& context);
  core::Result<core::Page<Survey>> List(const accounts::Context& context, std::optional<std::int64_t> group_id,
                                        const core::PageRequest& page);
  core::Result<SurveyView> Get(const accounts::Context& context, std::int64_t id);
  core::Result<SurveyView> Create(const accounts::Context& context, const SurveyInput& input);
  // Those who guide the group: every response; a member: her own.
  core::Result<std::vector<SurveyResponse>> Responses(const accounts::Context& context, std::int64_t id);
  core::Result<SurveyResponse> Respond(const accounts::Context& context, std::int64_t id, const ResponseInput& input);
  core::Result<SurveyCode> AddCode(const accounts::Context& context, std::int64_t id, const CodeInput& input);
  core::Result<CodeTag> Tag(const accounts::Context& context, std::int64_t id, const TagInput& input);
  core::Status Untag(const accounts::Context& context, std::int64_t id, std::int64_t tag_id);
  core::Result<CodingView> Coding(const accounts::Context& context, std::int64_t id);

 private:
  struct Opened {
    std::unique_ptr<UnitOfWork> unit;
    Survey survey;
    groups::Group group;
    groups::Caller caller;
  };
  core::Result<Opened> Open(const accounts::Context& context, std::int64_t id, Access access) const;
  // Open for writing the survey's codebook and tags: only those who guide the group code answers.
  core::Result<Opened> OpenToCode(const accounts::Context& context, std::int64_t id) const;
};

}  // namespace gotong::domain::mentoring
