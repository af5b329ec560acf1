#include "domain/mentoring/survey_service.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "domain/mentoring/cycle_service.hpp"
#include "domain/service.hpp"

namespace gotong::domain::mentoring {
namespace {

constexpr std::string_view kRunSurveys = "run its surveys";

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxAnswer = 2000;
constexpr std::size_t kMaxAnswers = 100;

// "kerja_sama": lower-case letters, digits and "_", from a letter, at most 40.
bool IsCode(const std::string& code) {
  if (code.empty() || code.size() > 40 || std::islower(static_cast<unsigned char>(code.front())) == 0) return false;
  return std::all_of(code.begin(), code.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return std::islower(u) != 0 || std::isdigit(u) != 0 || c == '_';
  });
}

const SurveyQuestion* QuestionOf(const SurveyTemplate& survey_template, std::int64_t id) {
  for (const auto& question : survey_template.questions) {
    if (question.id == id) return &question;
  }
  return nullptr;
}

std::vector<Answer> CheckAnswers(Problems& problems, const SurveyTemplate& survey_template,
                                 const std::vector<AnswerInput>& inputs) {
  std::vector<Answer> answers;
  std::set<std::int64_t> seen;
  if (inputs.empty()) problems.Add("answers", "required", "answer at least one question");
  if (inputs.size() > kMaxAnswers) problems.Add("answers", "too_many", "at most 100 answers");
  for (std::size_t i = 0; i < inputs.size() && i < kMaxAnswers; ++i) {
    const auto& input = inputs[i];
    std::string at = "answers[" + std::to_string(i) + "].";
    if (!input.question_id) {
      problems.Add(at + "question_id", "required", at + "question_id is required");
      continue;
    }
    const SurveyQuestion* question = QuestionOf(survey_template, *input.question_id);
    if (!question) {
      problems.Add(at + "question_id", "not_found", "question " + std::to_string(*input.question_id) + " is not in this survey");
      continue;
    }
    if (!seen.insert(question->id).second) {
      problems.Add(at + "question_id", "duplicate", "question " + std::to_string(question->id) + " is answered twice");
      continue;
    }
    Answer answer;
    answer.question_id = question->id;
    switch (question->kind) {
      case QuestionKind::kOpen:
        if (IsSet(input.text)) answer.text = form::CheckText(problems, at + "text", **input.text, kMaxAnswer);
        if (!answer.text || answer.text->empty()) {
          if (!IsSet(input.text)) problems.Add(at + "text", "required", "an open question is answered in words");
          continue;
        }
        break;
      case QuestionKind::kLikert:
        if (!IsSet(input.scale)) {
          problems.Add(at + "scale", "required", "a scale question is answered with 1 to 5");
          continue;
        }
        if (**input.scale < kLikertMin || **input.scale > kLikertMax) {
          problems.Add(at + "scale", "out_of_range", "scale is 1 to 5");
          continue;
        }
        answer.scale = static_cast<int>(**input.scale);
        break;
      case QuestionKind::kCheck:
        if (!IsSet(input.checked)) {
          problems.Add(at + "checked", "required", "a checklist item is answered true or false");
          continue;
        }
        answer.checked = **input.checked;
        break;
    }
    answers.push_back(std::move(answer));
  }
  return answers;
}

}  // namespace

core::Result<SurveyService::Opened> SurveyService::Open(const Context& context, std::int64_t id,
                                                        Access access) const {
  Opened opened;
  GOTONG_ASSIGN_OR_RETURN(opened.unit, database_.Begin(access));
  GOTONG_ASSIGN_OR_RETURN(opened.survey, opened.unit->Surveys().Find(id));
  GOTONG_ASSIGN_OR_RETURN(auto reached, groups::OpenGroup(context, *opened.unit, opened.survey.group_id, Today()));
  opened.group = std::move(reached.first);
  opened.caller = std::move(reached.second);
  return opened;
}

core::Result<SurveyService::Opened> SurveyService::OpenToCode(const Context& context,
                                                              std::int64_t id) const {
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, id, Access::kWrite));
  GOTONG_RETURN_IF_ERROR(MayGuide(opened.caller, opened.group, kRunSurveys));
  return opened;
}

core::Result<std::vector<SurveyTemplate>> SurveyService::Templates(const Context& context) {
  if (!context.system && !context.principal) return Error::Denied("sign in first");
  GOTONG_ASSIGN_OR_RETURN(auto unit, database_.Begin(Access::kRead));
  return unit->Surveys().Templates();
}

core::Result<core::Page<Survey>> SurveyService::List(const Context& context, std::optional<std::int64_t> group_id,
                                                     const core::PageRequest& page) {
  if (!group_id) return Error::Invalid("group_id", "required", "group_id is required");
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, *group_id));
  return unit->Surveys().List(*group_id, page);
}

core::Result<SurveyView> SurveyService::Get(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, id, Access::kRead));
  auto& unit = *opened.unit;
  SurveyView view;
  view.survey = opened.survey;
  GOTONG_ASSIGN_OR_RETURN(view.survey_template, unit.Surveys().FindTemplate(opened.survey.template_id));
  GOTONG_ASSIGN_OR_RETURN(auto responses, unit.Surveys().Responses(id));
  view.summary = Summarise(view.survey_template, responses);
  GOTONG_ASSIGN_OR_RETURN(view.codes, unit.Surveys().Codes(id));
  if (opened.caller.member) {
    for (const auto& response : responses) {
      if (response.member_id == opened.caller.member->id) view.own_response = response.id;
    }
  }
  view.can_guide = Guides(opened.caller);
  return view;
}

core::Result<SurveyView> SurveyService::Create(const Context& context, const SurveyInput& input) {
  if (!IsSet(input.group_id)) return Error::Invalid("group_id", "required", "group_id is required");
  Problems problems;
  Survey survey;
  {
    GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, **input.group_id, std::nullopt));
    auto& [unit, group, caller, trail] = write;
    GOTONG_RETURN_IF_ERROR(MayGuide(caller, group, kRunSurveys));
    survey.group_id = group.id;
    if (!IsSet(input.template_id)) {
      problems.Add("template_id", "required", "template_id is required (GET /api/v1/survey-templates)");
    } else if (auto found = unit->Surveys().FindTemplate(**input.template_id); !found.ok()) {
      problems.Add("template_id", "not_found", "no survey template " + std::to_string(**input.template_id));
    } else {
      survey.template_id = found->id;
      survey.template_code = found->code;
      if (!IsSet(input.title)) survey.title = found->name;
    }
    if (IsSet(input.title)) ApplyRequiredText(problems, input.title, true, "title", kMaxTitle, survey.title);
    survey.opened_on = Today();
    if (IsSet(input.opened_on)) {
      if (auto day = groups::PastDate(problems, "opened_on", **input.opened_on, Today())) survey.opened_on = *day;
    }
    if (!problems.empty()) return problems.ToError();
    survey.created_by = context.UserId();
    survey.created_at = clock_.Now();
    GOTONG_ASSIGN_OR_RETURN(survey.id, unit->Surveys().Insert(survey));
    GOTONG_RETURN_IF_ERROR(trail.Record("survey", survey.id, "create", std::nullopt,
                                        audit::Snapshot{{"group_id", survey.group_id},
                                                        {"template", survey.template_code},
                                                        {"title", survey.title},
                                                        {"opened_on", survey.opened_on.ToString()}}));
    GOTONG_RETURN_IF_ERROR(write.unit->Commit());
  }
  return Get(context, survey.id);
}

core::Result<std::vector<SurveyResponse>> SurveyService::Responses(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, id, Access::kRead));
  GOTONG_ASSIGN_OR_RETURN(auto responses, opened.unit->Surveys().Responses(id));
  if (Guides(opened.caller)) return responses;
  // A member reads her own answers, not the others'.
  std::vector<SurveyResponse> own;
  for (auto& response : responses) {
    if (opened.caller.member && response.member_id == opened.caller.member->id) own.push_back(std::move(response));
  }
  return own;
}

core::Result<SurveyResponse> SurveyService::Respond(const Context& context, std::int64_t id, const ResponseInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, id, Access::kWrite));
  auto& [unit, survey, group, caller] = opened;
  if (group.status == groups::GroupStatus::kDissolved) return groups::Dissolved();
  Problems problems;
  SurveyResponse response;
  response.survey_id = id;
  // Her own answers, or those of a member without an account entered by one who guides the group.
  std::optional<std::int64_t> member_id = input.member_id;
  if (!member_id && caller.member) member_id = caller.member->id;
  if (!member_id) return Error::Invalid("member_id", "required", "say whose answers these are");
  auto member = unit->Groups().FindMember(group.id, *member_id);
  if (!member.ok()) return Error::Invalid("member_id", "not_member", "member " + std::to_string(*member_id) + " is not in this group");
  bool own = caller.member && caller.member->id == member->id;
  if (!own) {
    if (!Guides(caller)) return Error::Denied("a member answers a survey for herself");
    if (member->user_id) {
      return Error::Invalid("member_id", "has_account", member->person_name + " has an account and answers for herself");
    }
  }
  if (!member->ActiveOn(Today())) {
    return Error::Invalid("member_id", "not_member_now", member->person_name + " is no longer a member");
  }
  response.member_id = member->id;
  response.person_name = member->person_name;
  GOTONG_ASSIGN_OR_RETURN(auto survey_template, unit->Surveys().FindTemplate(survey.template_id));
  if (!input.answers) {
    problems.Add("answers", "required", "answers is required");
  } else {
    response.answers = CheckAnswers(problems, survey_template, *input.answers);
  }
  if (!problems.empty()) return problems.ToError();
  response.recorded_by = context.UserId();
  response.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(response.id, unit->Surveys().InsertResponse(response));
  GOTONG_RETURN_IF_ERROR(audit::Record(
      unit->Audit(), context, clock_.Now(), "survey_response", response.id, "create", std::nullopt,
      audit::Snapshot{{"survey_id", id},
                      {"member_id", response.member_id},
                      {"answers", static_cast<std::int64_t>(response.answers.size())}}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return response;
}

core::Result<SurveyCode> SurveyService::AddCode(const Context& context, std::int64_t id, const CodeInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenToCode(context, id));
  auto& [unit, survey, group, caller] = opened;
  Problems problems;
  SurveyCode code;
  code.survey_id = id;
  if (!IsSet(input.code)) {
    problems.Add("code", "required", "give the code a short name such as kerja_sama");
  } else if (!IsCode(**input.code)) {
    problems.Add("code", "invalid_format", "code is lower-case letters, digits and _, from a letter (kerja_sama)");
  } else {
    code.code = **input.code;
  }
  ApplyRequiredText(problems, input.label, true, "label", kMaxTitle, code.label);
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(code.id, unit->Surveys().InsertCode(code));
  GOTONG_RETURN_IF_ERROR(audit::Record(
      unit->Audit(), context, clock_.Now(), "survey_code", code.id, "create", std::nullopt,
      audit::Snapshot{{"survey_id", id}, {"code", code.code}, {"label", code.label}}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return code;
}

core::Result<CodeTag> SurveyService::Tag(const Context& context, std::int64_t id, const TagInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenToCode(context, id));
  auto& [unit, survey, group, caller] = opened;
  Problems problems;
  CodeTag tag;
  tag.survey_id = id;
  GOTONG_ASSIGN_OR_RETURN(auto codes, unit->Surveys().Codes(id));
  if (!IsSet(input.code_id)) {
    problems.Add("code_id", "required", "code_id is required");
  } else if (std::none_of(codes.begin(), codes.end(), [&](const SurveyCode& c) { return c.id == **input.code_id; })) {
    problems.Add("code_id", "not_found", "code " + std::to_string(**input.code_id) + " is not in this survey's codebook");
  } else {
    tag.code_id = **input.code_id;
  }
  GOTONG_ASSIGN_OR_RETURN(auto responses, unit->Surveys().Responses(id));
  const Answer* answer = nullptr;
  if (!IsSet(input.response_id) || !IsSet(input.question_id)) {
    if (!IsSet(input.response_id)) problems.Add("response_id", "required", "response_id is required");
    if (!IsSet(input.question_id)) problems.Add("question_id", "required", "question_id is required");
  } else {
    auto response = std::find_if(responses.begin(), responses.end(),
                                 [&](const SurveyResponse& r) { return r.id == **input.response_id; });
    if (response == responses.end()) {
      problems.Add("response_id", "not_found", "response " + std::to_string(**input.response_id) + " is not in this survey");
    } else {
      for (const auto& a : response->answers) {
        if (a.question_id == **input.question_id && a.text) answer = &a;
      }
      if (!answer) problems.Add("question_id", "not_found", "that response has no open answer to this question");
    }
  }
  if (answer) {
    tag.response_id = **input.response_id;
    tag.question_id = answer->question_id;
    if (IsSet(input.quote)) {
      auto quote = form::CheckText(problems, "quote", **input.quote, kMaxAnswer);
      if (quote && answer->text->find(*quote) == std::string::npos) {
        problems.Add("quote", "not_in_answer", "the passage is not in the answer");
      } else if (quote) {
        tag.quote = *quote;
      }
    } else {
      tag.quote = *answer->text;
    }
  }
  if (!problems.empty()) return problems.ToError();
  tag.tagged_by = context.UserId();
  tag.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(tag.id, unit->Surveys().InsertTag(tag));
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, clock_.Now(), "code_tag", tag.id,
                                       "create", std::nullopt,
                                       audit::Snapshot{{"survey_id", id},
                                                       {"response_id", tag.response_id},
                                                       {"code_id", tag.code_id},
                                                       {"quote", tag.quote}}));
  GOTONG_RETURN_IF_ERROR(unit->Commit());
  return tag;
}

core::Status SurveyService::Untag(const Context& context, std::int64_t id, std::int64_t tag_id) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, OpenToCode(context, id));
  auto& [unit, survey, group, caller] = opened;
  GOTONG_ASSIGN_OR_RETURN(bool deleted, unit->Surveys().DeleteTag(id, tag_id));
  if (!deleted) return Error::NotFound("no tag " + std::to_string(tag_id) + " in this survey");
  GOTONG_RETURN_IF_ERROR(audit::Record(unit->Audit(), context, clock_.Now(), "code_tag", tag_id,
                                       "delete", std::nullopt, audit::Snapshot{{"survey_id", id}}));
  return unit->Commit();
}

core::Result<CodingView> SurveyService::Coding(const Context& context, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto opened, Open(context, id, Access::kRead));
  if (!Guides(opened.caller)) {
    return Error::Denied("the coding of answers is for the group's leader, its mentors and those who oversee it");
  }
  CodingView view;
  GOTONG_ASSIGN_OR_RETURN(view.codes, opened.unit->Surveys().Codes(id));
  GOTONG_ASSIGN_OR_RETURN(view.tags, opened.unit->Surveys().Tags(id));
  GOTONG_ASSIGN_OR_RETURN(view.responses, opened.unit->Surveys().Responses(id));
  view.analysis = AnalyseCoding(view.codes, view.tags);
  return view;
}

}  // namespace gotong::domain::mentoring
