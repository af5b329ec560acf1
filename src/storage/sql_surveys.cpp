// The mentoring context's surveys: templates and their questions, surveys of a group, members'
// responses and answers, a survey's codebook and the passages tagged with its codes.

#include "storage/sql_mentoring.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::mentoring;  // NOLINT: this file implements that context's interfaces

// ---- templates ---------------------------------------------------------------------------------

constexpr Column<SurveyTemplate> kTemplateColumns[] = {
    Member<&SurveyTemplate::id>("id"),
    Member<&SurveyTemplate::code>("code"),
    Member<&SurveyTemplate::name>("name"),
    Member<&SurveyTemplate::name_en>("name_en"),
    Member<&SurveyTemplate::description>("description"),
};
constexpr RecordTable<SurveyTemplate> kTemplateTable{kTemplateColumns, " FROM survey_templates",
                                                     "survey_templates", "survey template"};

// A question, read with its template's id.
constexpr Column<SurveyQuestion> kQuestionColumns[] = {
    Member<&SurveyQuestion::id>("id"),     Member<&SurveyQuestion::position>("position"),
    Member<&SurveyQuestion::code>("code"), Member<&SurveyQuestion::kind, ParseQuestionKind>("kind"),
    Member<&SurveyQuestion::text>("text"), Member<&SurveyQuestion::text_en>("text_en"),
};

// ---- surveys -----------------------------------------------------------------------------------

constexpr Column<Survey> kSurveyColumns[] = {
    Member<&Survey::id>("s.id"),
    Field<&Survey::group_id>("s.group_id"),
    Field<&Survey::template_id>("s.template_id"),
    Member<&Survey::template_code>("t.code"),
    Field<&Survey::title>("s.title"),
    Field<&Survey::opened_on>("s.opened_on"),
    Field<&Survey::created_by>("s.created_by"),
    Field<&Survey::created_at>("s.created_at"),
    Member<&Survey::responses>(
        "(SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id)"),
};
constexpr RecordTable<Survey> kSurveyTable{
    kSurveyColumns, " FROM surveys s JOIN survey_templates t ON t.id = s.template_id", "s",
    "survey"};

// A response's own row; its answers are written after it, under its new id.
constexpr Column<SurveyResponse> kResponseColumns[] = {
    Member<&SurveyResponse::id>("r.id"),
    Field<&SurveyResponse::survey_id>("r.survey_id"),
    Field<&SurveyResponse::member_id>("r.member_id"),
    Member<&SurveyResponse::person_name>("p.name"),
    Field<&SurveyResponse::recorded_by>("r.recorded_by"),
    Field<&SurveyResponse::created_at>("r.created_at"),
};
constexpr RecordTable<SurveyResponse> kResponseTable{
    kResponseColumns,
    " FROM survey_responses r JOIN memberships m ON m.id = r.member_id "
    "JOIN people p ON p.id = m.person_id",
    "r", "survey response"};

// An answer, read with its response's id.
constexpr Column<Answer> kAnswerColumns[] = {
    Member<&Answer::question_id>("a.question_id"),
    Member<&Answer::text>("a.text"),
    Member<&Answer::scale>("a.scale"),
    Member<&Answer::checked>("a.checked"),
};

// ---- codebook and tags -------------------------------------------------------------------------

constexpr Column<SurveyCode> kCodeColumns[] = {
    Member<&SurveyCode::id>("id"),
    Field<&SurveyCode::survey_id>("survey_id"),
    Field<&SurveyCode::code>("code"),
    Field<&SurveyCode::label>("label"),
};
constexpr RecordTable<SurveyCode> kCodeTable{kCodeColumns, " FROM survey_codes", "survey_codes",
                                             "survey code"};

constexpr Column<CodeTag> kTagColumns[] = {
    Member<&CodeTag::id>("id"),
    Field<&CodeTag::survey_id>("survey_id"),
    Field<&CodeTag::response_id>("response_id"),
    Field<&CodeTag::question_id>("question_id"),
    Field<&CodeTag::code_id>("code_id"),
    Field<&CodeTag::quote>("quote"),
    Field<&CodeTag::tagged_by>("tagged_by"),
    Field<&CodeTag::created_at>("created_at"),
};
constexpr RecordTable<CodeTag> kTagTable{kTagColumns, " FROM code_tags", "code_tags", "code tag"};

}  // namespace

core::Result<std::vector<SurveyTemplate>> SqlSurveyRepository::Templates() {
  return Guard("list survey templates", [&]() -> core::Result<std::vector<SurveyTemplate>> {
    auto templates = SelectRecords(sql_, kTemplateTable, " ORDER BY id", Params());
    LoadChildren<&SurveyTemplate::questions>(sql_, templates, kQuestionColumns,
                                             " FROM survey_questions", "template_id",
                                             "template_id, position");
    return templates;
  });
}

core::Result<SurveyTemplate> SqlSurveyRepository::FindTemplate(std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto templates, Templates());
  for (auto& survey_template : templates) {
    if (survey_template.id == id) return std::move(survey_template);
  }
  return core::Error::NotFound("no survey template with id " + std::to_string(id));
}

core::Result<std::int64_t> SqlSurveyRepository::Insert(const Survey& survey) {
  return Guard("insert survey", [&]() -> core::Result<std::int64_t> {
    long long id = InsertRecord<Survey>(sql_, "surveys", kSurveyColumns, survey);
    long long template_id = survey.template_id;
    // The survey's codebook starts as its template's.
    sql_ << "INSERT INTO survey_codes (survey_id, code, label) SELECT CAST(:s AS BIGINT), code, label FROM template_codes "
            "WHERE template_id = :t ORDER BY code",
        soci::use(id), soci::use(template_id);
    return static_cast<std::int64_t>(id);
  });
}

core::Result<Survey> SqlSurveyRepository::Find(std::int64_t id) {
  return FindRecord(sql_, kSurveyTable, id);
}

core::Result<core::Page<Survey>> SqlSurveyRepository::List(std::int64_t group_id, const core::PageRequest& page) {
  return Guard("list surveys", [&]() -> core::Result<core::Page<Survey>> {
    Params params;
    std::string where = " WHERE s.group_id = ";
    params.Number(where, group_id);
    return PagedRecords(sql_, page, kSurveyTable, where, params, "s.id DESC");
  });
}

core::Result<std::int64_t> SqlSurveyRepository::InsertResponse(const SurveyResponse& response) {
  return GuardUnique(
      "insert survey response",
      [] {
        return core::Error::Exists("member_id", "this member has answered the survey already");
      },
      [&]() -> core::Result<std::int64_t> {
        long long id =
            InsertRecord<SurveyResponse>(sql_, "survey_responses", kResponseColumns, response);
        for (const auto& answer : response.answers) {
          long long question = answer.question_id;
          In<std::string> text = TextIn(answer.text);
          In<int> scale(answer.scale);
          In<int> checked(answer.checked ? std::optional<int>(*answer.checked ? 1 : 0)
                                         : std::nullopt);
          sql_ << "INSERT INTO survey_answers (response_id, question_id, text, scale, checked) "
                  "VALUES (:r, :q, :t, :s, :c)",
              soci::use(id), soci::use(question), soci::use(text.value, text.indicator),
              soci::use(scale.value, scale.indicator), soci::use(checked.value, checked.indicator);
        }
        return static_cast<std::int64_t>(id);
      });
}

core::Result<std::vector<SurveyResponse>> SqlSurveyRepository::Responses(std::int64_t survey_id) {
  return Guard("read survey responses", [&]() -> core::Result<std::vector<SurveyResponse>> {
    Params params;
    std::string where = " WHERE r.survey_id = ";
    params.Number(where, survey_id);
    auto responses = SelectRecords(sql_, kResponseTable, where + " ORDER BY r.id", params);
    LoadChildren<&SurveyResponse::answers>(
        sql_, responses, kAnswerColumns,
        " FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id", "a.response_id",
        "a.response_id, q.position");
    return responses;
  });
}

core::Result<std::int64_t> SqlSurveyRepository::InsertCode(const SurveyCode& code) {
  return AddRecord(sql_, kCodeTable, code, [] {
    return core::Error::Exists("code", "the codebook has this code already");
  });
}

core::Result<std::vector<SurveyCode>> SqlSurveyRepository::Codes(std::int64_t survey_id) {
  return Guard("read survey codes", [&]() -> core::Result<std::vector<SurveyCode>> {
    return RecordsWhere(sql_, kCodeTable, "survey_id", survey_id, "id");
  });
}

core::Result<std::int64_t> SqlSurveyRepository::InsertTag(const CodeTag& tag) {
  return AddRecord(sql_, kTagTable, tag);
}

core::Result<bool> SqlSurveyRepository::DeleteTag(std::int64_t survey_id, std::int64_t tag_id) {
  return Guard("delete code tag", [&]() -> core::Result<bool> {
    long long survey = survey_id, id = tag_id;
    Query query(sql_);
    query.Use(id).Use(survey);
    query.Run("DELETE FROM code_tags WHERE id = :i AND survey_id = :s");
    return query.AffectedRows() > 0;
  });
}

core::Result<std::vector<CodeTag>> SqlSurveyRepository::Tags(std::int64_t survey_id) {
  return Guard("read code tags", [&]() -> core::Result<std::vector<CodeTag>> {
    return RecordsWhere(sql_, kTagTable, "survey_id", survey_id, "response_id, question_id, id");
  });
}

}  // namespace gotong::storage::internal
