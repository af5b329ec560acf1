// The mentoring context's surveys: templates and their questions, surveys of a group, members'
// responses and answers, a survey's codebook and the passages tagged with its codes.

#include "sql_internal.hpp"
#include "sql_mentoring.hpp"

namespace gotong::storage::internal {
namespace {

using namespace domain::mentoring;  // NOLINT: this file implements that context's interfaces

constexpr const char* kSurveyColumns =
    "s.id, s.group_id, s.template_id, t.code, s.title, s.opened_on, s.created_by, s.created_at, "
    "(SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id)";
constexpr const char* kSurveyFrom = " FROM surveys s JOIN survey_templates t ON t.id = s.template_id";
const RecordTable kSurveyTable{kSurveyColumns, kSurveyFrom, "s", "survey"};

struct SurveyVars {
  long long id = 0, group_id = 0, template_id = 0, responses = 0;
  Slot<long long> created_by;
  std::string template_code, title, opened_on, created_at;
  void Bind(Query& query) {
    query.Into(id).Into(group_id).Into(template_id).Into(template_code).Into(title).Into(opened_on)
        .Into(created_by.value, created_by.indicator).Into(created_at).Into(responses);
  }
  Survey Get() const {
    Survey s;
    s.id = id;
    s.group_id = group_id;
    s.template_id = template_id;
    s.template_code = template_code;
    s.title = title;
    s.opened_on = DateFrom(opened_on);
    if (created_by.has()) s.created_by = created_by.value;
    s.created_at = InstantFrom(created_at);
    s.responses = responses;
    return s;
  }
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
    long long group = survey.group_id, template_id = survey.template_id, id = 0;
    In<long long> by = NumberIn(survey.created_by);
    std::string opened = survey.opened_on.ToString(), created = Text(survey.created_at);
    Query query(sql_);
    query.Use(group).Use(template_id).Use(survey.title).Use(opened).Use(by.value, by.indicator).Use(created).Into(id);
    query.Run("INSERT INTO surveys (group_id, template_id, title, opened_on, created_by, created_at) "
              "VALUES (:g, :t, :n, :o, :b, :c) RETURNING id");
    // The survey's codebook starts as its template's.
    sql_ << "INSERT INTO survey_codes (survey_id, code, label) SELECT CAST(:s AS BIGINT), code, label FROM template_codes "
            "WHERE template_id = :t ORDER BY code",
        soci::use(id), soci::use(template_id);
    return static_cast<std::int64_t>(id);
  });
}

core::Result<Survey> SqlSurveyRepository::Find(std::int64_t id) { return FindRecord<SurveyVars>(sql_, kSurveyTable, id); }

core::Result<core::Page<Survey>> SqlSurveyRepository::List(std::int64_t group_id, const core::PageRequest& page) {
  return Guard("list surveys", [&]() -> core::Result<core::Page<Survey>> {
    Params params;
    std::string where = " WHERE s.group_id = ";
    params.Number(where, group_id);
    SurveyVars vars;
    return PagedQuery<Survey>(
        sql_, page, kSurveyColumns, kSurveyFrom + where, params, "s.id DESC",
        [&](Query& query) { vars.Bind(query); }, [&] { return vars.Get(); });
  });
}

core::Result<std::int64_t> SqlSurveyRepository::InsertResponse(const SurveyResponse& response) {
  return Guard("insert survey response", [&]() -> core::Result<std::int64_t> {
    try {
      long long survey = response.survey_id, member = response.member_id, id = 0;
      In<long long> by = NumberIn(response.recorded_by);
      std::string created = Text(response.created_at);
      Query query(sql_);
      query.Use(survey).Use(member).Use(by.value, by.indicator).Use(created).Into(id);
      query.Run("INSERT INTO survey_responses (survey_id, member_id, recorded_by, created_at) "
                "VALUES (:s, :m, :b, :c) RETURNING id");
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
      long long survey = code.survey_id, id = 0;
      Query query(sql_);
      query.Use(survey).Use(code.code).Use(code.label).Into(id);
      query.Run("INSERT INTO survey_codes (survey_id, code, label) VALUES (:s, :c, :l) RETURNING id");
      return static_cast<std::int64_t>(id);
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
    long long survey = tag.survey_id, response = tag.response_id, question = tag.question_id, code = tag.code_id,
              id = 0;
    In<long long> by = NumberIn(tag.tagged_by);
    std::string created = Text(tag.created_at);
    Query query(sql_);
    query.Use(survey).Use(response).Use(question).Use(code).Use(tag.quote).Use(by.value, by.indicator).Use(created)
        .Into(id);
    query.Run("INSERT INTO code_tags (survey_id, response_id, question_id, code_id, quote, tagged_by, created_at) "
              "VALUES (:s, :r, :q, :c, :t, :b, :a) RETURNING id");
    return static_cast<std::int64_t>(id);
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
