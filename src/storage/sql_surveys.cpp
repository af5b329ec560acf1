// The mentoring context's surveys: templates and their questions, surveys of a group, members'
// responses and answers, a survey's codebook and the passages tagged with its codes.

#include "sql_mentoring.hpp"
#include "sql_row.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::mentoring;  // NOLINT: this file implements that context's interfaces

constexpr Column<Survey> kSurveyColumns[] = {
    Member<&Survey::id>("s.id"),
    Member<&Survey::group_id>("s.group_id"),
    Member<&Survey::template_id>("s.template_id"),
    Member<&Survey::template_code>("t.code"),
    Member<&Survey::title>("s.title"),
    Member<&Survey::opened_on>("s.opened_on"),
    Member<&Survey::created_by>("s.created_by"),
    Member<&Survey::created_at>("s.created_at"),
    Member<&Survey::responses>(
        "(SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id)"),
};
constexpr RecordTable<Survey> kSurveyTable{
    kSurveyColumns, " FROM surveys s JOIN survey_templates t ON t.id = s.template_id", "s",
    "survey"};

constexpr WriteColumn<Survey> kSurveyWrites[] = {
    Writes<&Survey::group_id>("group_id"),     Writes<&Survey::template_id>("template_id"),
    Writes<&Survey::title>("title"),           Writes<&Survey::opened_on>("opened_on"),
    Writes<&Survey::created_by>("created_by"), Writes<&Survey::created_at>("created_at"),
};

// A response's own row; its answers are written after it, under its new id.
constexpr WriteColumn<SurveyResponse> kResponseWrites[] = {
    Writes<&SurveyResponse::survey_id>("survey_id"),
    Writes<&SurveyResponse::member_id>("member_id"),
    Writes<&SurveyResponse::recorded_by>("recorded_by"),
    Writes<&SurveyResponse::created_at>("created_at"),
};

constexpr WriteColumn<SurveyCode> kCodeWrites[] = {
    Writes<&SurveyCode::survey_id>("survey_id"),
    Writes<&SurveyCode::code>("code"),
    Writes<&SurveyCode::label>("label"),
};

constexpr WriteColumn<CodeTag> kTagWrites[] = {
    Writes<&CodeTag::survey_id>("survey_id"),
    Writes<&CodeTag::response_id>("response_id"),
    Writes<&CodeTag::question_id>("question_id"),
    Writes<&CodeTag::code_id>("code_id"),
    Writes<&CodeTag::quote>("quote"),
    Writes<&CodeTag::tagged_by>("tagged_by"),
    Writes<&CodeTag::created_at>("created_at"),
};

}  // namespace

void SqlSurveyRepository::ReadQuestions(std::vector<SurveyTemplate>& templates) {
  long long template_id = 0, id = 0;
  int position = 0;
  std::string code, kind, text, text_en;
  Query query(sql_);
  query.Into(template_id).Into(id).Into(position).Into(code).Into(kind).Into(text).Into(text_en);
  if (query.Run("SELECT template_id, id, position, code, kind, text, text_en FROM survey_questions "
                "ORDER BY template_id, position")) {
    do {
      for (auto& survey_template : templates) {
        if (survey_template.id != template_id) continue;
        survey_template.questions.push_back(
            {id, position, code, Stored("kind", kind, ParseQuestionKind), text, text_en});
      }
    } while (query.Next());
  }
}

core::Result<std::vector<SurveyTemplate>> SqlSurveyRepository::Templates() {
  return Guard("list survey templates", [&]() -> core::Result<std::vector<SurveyTemplate>> {
    std::vector<SurveyTemplate> templates;
    long long id = 0;
    std::string code, name, name_en, description;
    Query query(sql_);
    query.Into(id).Into(code).Into(name).Into(name_en).Into(description);
    if (query.Run("SELECT id, code, name, name_en, description FROM survey_templates ORDER BY id")) {
      do {
        templates.push_back({id, code, name, name_en, description, {}});
      } while (query.Next());
    }
    ReadQuestions(templates);
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
    long long id = InsertRecord<Survey>(sql_, "surveys", kSurveyWrites, survey);
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
  return Guard("insert survey response", [&]() -> core::Result<std::int64_t> {
    try {
      long long id =
          InsertRecord<SurveyResponse>(sql_, "survey_responses", kResponseWrites, response);
      for (const auto& answer : response.answers) {
        long long question = answer.question_id;
        In<std::string> text = TextIn(answer.text);
        In<int> scale(answer.scale);
        In<int> checked(answer.checked ? std::optional<int>(*answer.checked ? 1 : 0) : std::nullopt);
        sql_ << "INSERT INTO survey_answers (response_id, question_id, text, scale, checked) "
                "VALUES (:r, :q, :t, :s, :c)",
            soci::use(id), soci::use(question), soci::use(text.value, text.indicator),
            soci::use(scale.value, scale.indicator), soci::use(checked.value, checked.indicator);
      }
      return static_cast<std::int64_t>(id);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return core::Error::Exists("member_id", "this member has answered the survey already");
      throw;
    }
  });
}

core::Result<std::vector<SurveyResponse>> SqlSurveyRepository::Responses(std::int64_t survey_id) {
  return Guard("read survey responses", [&]() -> core::Result<std::vector<SurveyResponse>> {
    std::vector<SurveyResponse> responses;
    long long survey = survey_id;
    {
      long long id = 0, member = 0;
      Slot<long long> by;
      std::string name, created;
      Query query(sql_);
      query.Into(id).Into(member).Into(name).Into(by.value, by.indicator).Into(created).Use(survey);
      if (query.Run("SELECT r.id, r.member_id, p.name, r.recorded_by, r.created_at FROM survey_responses r "
                    "JOIN memberships m ON m.id = r.member_id JOIN people p ON p.id = m.person_id "
                    "WHERE r.survey_id = :s ORDER BY r.id")) {
        do {
          SurveyResponse response;
          response.id = id;
          response.survey_id = survey_id;
          response.member_id = member;
          response.person_name = name;
          if (by.has()) response.recorded_by = by.value;
          response.created_at = InstantFrom(created);
          responses.push_back(std::move(response));
        } while (query.Next());
      }
    }
    long long response_id = 0, question = 0;
    Slot<std::string> text;
    Slot<int> scale, checked;
    Query query(sql_);
    query.Into(response_id).Into(question).Into(text.value, text.indicator).Into(scale.value, scale.indicator)
        .Into(checked.value, checked.indicator).Use(survey);
    if (query.Run("SELECT a.response_id, a.question_id, a.text, a.scale, a.checked FROM survey_answers a "
                  "JOIN survey_responses r ON r.id = a.response_id JOIN survey_questions q ON q.id = a.question_id "
                  "WHERE r.survey_id = :s ORDER BY a.response_id, q.position")) {
      std::size_t at = 0;
      do {
        while (at < responses.size() && responses[at].id != response_id) ++at;
        if (at == responses.size()) break;
        Answer answer;
        answer.question_id = question;
        answer.text = text.get();
        answer.scale = scale.get();
        if (checked.has()) answer.checked = checked.value != 0;
        responses[at].answers.push_back(std::move(answer));
      } while (query.Next());
    }
    return responses;
  });
}

core::Result<std::int64_t> SqlSurveyRepository::InsertCode(const SurveyCode& code) {
  return Guard("insert survey code", [&]() -> core::Result<std::int64_t> {
    try {
      return InsertRecord<SurveyCode>(sql_, "survey_codes", kCodeWrites, code);
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) return core::Error::Exists("code", "the codebook has this code already");
      throw;
    }
  });
}

core::Result<std::vector<SurveyCode>> SqlSurveyRepository::Codes(std::int64_t survey_id) {
  return Guard("read survey codes", [&]() -> core::Result<std::vector<SurveyCode>> {
    std::vector<SurveyCode> codes;
    long long survey = survey_id, id = 0;
    std::string code, label;
    Query query(sql_);
    query.Into(id).Into(code).Into(label).Use(survey);
    if (query.Run("SELECT id, code, label FROM survey_codes WHERE survey_id = :s ORDER BY id")) {
      do {
        codes.push_back({id, survey_id, code, label});
      } while (query.Next());
    }
    return codes;
  });
}

core::Result<std::int64_t> SqlSurveyRepository::InsertTag(const CodeTag& tag) {
  return Guard("insert code tag", [&]() -> core::Result<std::int64_t> {
    return InsertRecord<CodeTag>(sql_, "code_tags", kTagWrites, tag);
  });
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
    std::vector<CodeTag> tags;
    long long survey = survey_id, id = 0, response = 0, question = 0, code = 0;
    Slot<long long> by;
    std::string quote, created;
    Query query(sql_);
    query.Into(id).Into(response).Into(question).Into(code).Into(quote).Into(by.value, by.indicator).Into(created)
        .Use(survey);
    if (query.Run("SELECT id, response_id, question_id, code_id, quote, tagged_by, created_at FROM code_tags "
                  "WHERE survey_id = :s ORDER BY response_id, question_id, id")) {
      do {
        CodeTag tag;
        tag.id = id;
        tag.survey_id = survey_id;
        tag.response_id = response;
        tag.question_id = question;
        tag.code_id = code;
        tag.quote = quote;
        if (by.has()) tag.tagged_by = by.value;
        tag.created_at = InstantFrom(created);
        tags.push_back(std::move(tag));
      } while (query.Next());
    }
    return tags;
  });
}

}  // namespace gotong::storage::internal
