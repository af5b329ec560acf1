// Surveys on both backends: the seeded templates in order, a new survey's codebook copied from
// its template, a response read back with its answers in question order, one response per member,
// and tags deleted only within their survey.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/mentoring/surveys.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::mentoring::Answer;
using domain::mentoring::CodeTag;
using domain::mentoring::QuestionKind;
using domain::mentoring::Survey;
using domain::mentoring::SurveyResponse;
using domain::mentoring::SurveyTemplate;

class SurveyRepository : public TwoGroupsTest {
 protected:
  SurveyTemplate TemplateCoded(const std::string& code) {
    auto unit = Begin(Access::kRead);
    auto templates = unit->Surveys().Templates();
    EXPECT_TRUE(templates.ok());
    for (const auto& t : *templates) {
      if (t.code == code) return t;
    }
    ADD_FAILURE() << "no template " << code;
    return {};
  }
  std::int64_t Open(std::int64_t group, const SurveyTemplate& t) {
    Survey survey;
    survey.group_id = group;
    survey.template_id = t.id;
    survey.title = t.name;
    survey.opened_on = D("2026-01-05");
    survey.created_at = T("2026-01-05T03:00:00Z");
    return Committed([&](UnitOfWork& unit) { return unit.Surveys().Insert(survey); });
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(SurveyRepository);

TEST_P(SurveyRepository, TheSeededTemplatesHoldTheirQuestionsInOrder) {
  auto unit = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto templates, unit->Surveys().Templates());
  ASSERT_EQ(templates.size(), 4u);
  EXPECT_EQ(templates[0].code, "seed000.open");
  ASSERT_EQ(templates[0].questions.size(), 6u);
  EXPECT_EQ(templates[0].questions[0].code, "lama");
  EXPECT_EQ(templates[0].questions[5].code, "kesan");
  EXPECT_EQ(templates[1].questions[0].kind, QuestionKind::kLikert);
  EXPECT_EQ(templates[2].questions[0].kind, QuestionKind::kCheck);
  ASSERT_OK_AND_ASSIGN(auto values, unit->Surveys().FindTemplate(templates[3].id));
  EXPECT_EQ(values.code, "values");
  EXPECT_EQ(unit->Surveys().FindTemplate(999).error().code, ErrorCode::kNotFound);
}

TEST_P(SurveyRepository, ANewSurveyStartsWithItsTemplatesCodebookAndCountsItsResponses) {
  auto open = TemplateCoded("seed000.open");
  std::int64_t survey = Open(group_, open);
  std::int64_t other = Open(other_group_, TemplateCoded("values"));
  std::int64_t painem = AddMember(group_, "Painem");
  SurveyResponse response;
  response.survey_id = survey;
  response.member_id = painem;
  response.created_at = T("2026-01-05T04:00:00Z");
  // Given out of order; read back in the questions' order.
  response.answers = {Answer{open.questions[4].id, "saling membantu", {}, {}},
                      Answer{open.questions[0].id, "sejak 2017", {}, {}}};
  std::int64_t id = Committed([&](UnitOfWork& unit) { return unit.Surveys().InsertResponse(response); });
  ASSERT_GT(id, 0);
  auto unit = Begin(Access::kRead);
  ASSERT_OK_AND_ASSIGN(auto codes, unit->Surveys().Codes(survey));
  EXPECT_EQ(codes.size(), 10u);
  ASSERT_OK_AND_ASSIGN(auto none, unit->Surveys().Codes(other));
  EXPECT_TRUE(none.empty());  // the values survey has no open questions to code
  ASSERT_OK_AND_ASSIGN(auto found, unit->Surveys().Find(survey));
  EXPECT_EQ(found.responses, 1);
  EXPECT_EQ(found.template_code, "seed000.open");
  ASSERT_OK_AND_ASSIGN(auto responses, unit->Surveys().Responses(survey));
  ASSERT_EQ(responses.size(), 1u);
  EXPECT_EQ(responses[0].person_name, "Painem");
  ASSERT_EQ(responses[0].answers.size(), 2u);
  EXPECT_EQ(responses[0].answers[0].text, "sejak 2017");
  EXPECT_EQ(responses[0].answers[1].scale, std::nullopt);
  ASSERT_OK_AND_ASSIGN(auto page, unit->Surveys().List(group_, {}));
  EXPECT_EQ(page.total, 1);
}

TEST_P(SurveyRepository, AMemberAnswersOnceAndATagIsDeletedOnlyFromItsOwnSurvey) {
  auto values = TemplateCoded("values");
  std::int64_t survey = Open(group_, values);
  std::int64_t painem = AddMember(group_, "Painem");
  SurveyResponse response;
  response.survey_id = survey;
  response.member_id = painem;
  response.created_at = T("2026-01-05T04:00:00Z");
  response.answers = {Answer{values.questions[0].id, {}, 5, {}}};
  ASSERT_GT(Committed([&](UnitOfWork& unit) { return unit.Surveys().InsertResponse(response); }), 0);
  {
    auto unit = Begin(Access::kWrite);
    auto twice = unit->Surveys().InsertResponse(response);
    ASSERT_FALSE(twice.ok());
    EXPECT_EQ(twice.error().code, ErrorCode::kAlreadyExists);
  }
  auto open = TemplateCoded("seed000.open");
  std::int64_t coded = Open(group_, open);
  response.survey_id = coded;
  response.answers = {Answer{open.questions[4].id, "kerja sama", {}, {}}};
  std::int64_t answered = Committed([&](UnitOfWork& unit) { return unit.Surveys().InsertResponse(response); });
  std::int64_t code_id = 0;
  {
    auto unit = Begin(Access::kRead);
    ASSERT_OK_AND_ASSIGN(auto codes, unit->Surveys().Codes(coded));
    code_id = codes.front().id;
  }
  CodeTag tag;
  tag.survey_id = coded;
  tag.response_id = answered;
  tag.question_id = open.questions[4].id;
  tag.code_id = code_id;
  tag.quote = "kerja sama";
  tag.created_at = T("2026-01-05T05:00:00Z");
  std::int64_t tag_id = Committed([&](UnitOfWork& unit) { return unit.Surveys().InsertTag(tag); });
  auto unit = Begin(Access::kWrite);
  ASSERT_OK_AND_ASSIGN(bool elsewhere, unit->Surveys().DeleteTag(survey, tag_id));
  EXPECT_FALSE(elsewhere);
  ASSERT_OK_AND_ASSIGN(auto tags, unit->Surveys().Tags(coded));
  ASSERT_EQ(tags.size(), 1u);
  EXPECT_EQ(tags[0].quote, "kerja sama");
  ASSERT_OK_AND_ASSIGN(bool deleted, unit->Surveys().DeleteTag(coded, tag_id));
  EXPECT_TRUE(deleted);
}

}  // namespace
}  // namespace gotong::storage_tests
