// Community mentoring (seed 000): surveys of a group's members, their answers, and the coding of
// open answers with its frequencies, co-occurrences and CSV export.

#include "api/handlers/handlers.hpp"
#include "api/handlers/service_calls.hpp"
#include "api/handlers/values.hpp"
#include "api/problem.hpp"
#include "domain/mentoring/survey_service.hpp"
#include "io/registry_export.hpp"

namespace gotong::api::handlers {
namespace {

namespace json = boost::json;
namespace mentoring = domain::mentoring;

json::value TemplateJson(const mentoring::SurveyTemplate& t) {
  json::array questions;
  for (const auto& q : t.questions) {
    questions.push_back(json::object{{"id", q.id}, {"position", q.position}, {"code", q.code},
                                     {"kind", ToString(q.kind)}, {"text", q.text}, {"text_en", q.text_en}});
  }
  return json::object{{"id", t.id},     {"code", t.code}, {"name", t.name}, {"name_en", t.name_en},
                      {"description", t.description}, {"questions", std::move(questions)}};
}

json::object SurveyJson(const mentoring::Survey& s) {
  return json::object{{"id", s.id},
                      {"group_id", s.group_id},
                      {"template_id", s.template_id},
                      {"template_code", s.template_code},
                      {"title", s.title},
                      {"opened_on", s.opened_on.ToString()},
                      {"responses", s.responses},
                      {"created_at", core::FormatInstant(s.created_at)}};
}

json::value CodeJson(const mentoring::SurveyCode& c) {
  return json::object{{"id", c.id}, {"code", c.code}, {"label", c.label}};
}

json::value SurveyViewJson(const mentoring::SurveyView& view) {
  json::object value = SurveyJson(view.survey);
  value["template"] = TemplateJson(view.survey_template);
  json::array summary, codes;
  for (const auto& s : view.summary) {
    json::array counts;
    for (auto count : s.scale_counts) counts.push_back(count);
    summary.push_back(json::object{{"question_id", s.question_id},
                                   {"answered", s.answered},
                                   {"scale_counts", std::move(counts)},
                                   {"mean", s.mean ? json::value(*s.mean) : json::value(nullptr)},
                                   {"checked", s.checked}});
  }
  for (const auto& c : view.codes) codes.push_back(CodeJson(c));
  value["summary"] = std::move(summary);
  value["codes"] = std::move(codes);
  value["own_response_id"] = NullableNumber(view.own_response);
  value["can_guide"] = view.can_guide;
  return value;
}

json::value ResponseJson(const mentoring::SurveyResponse& r) {
  json::array answers;
  for (const auto& a : r.answers) {
    answers.push_back(json::object{{"question_id", a.question_id},
                                   {"text", Nullable(a.text)},
                                   {"scale", NullableNumber(a.scale)},
                                   {"checked", a.checked ? json::value(*a.checked) : json::value(nullptr)}});
  }
  return json::object{{"id", r.id},
                      {"member_id", r.member_id},
                      {"member", r.person_name},
                      {"answers", std::move(answers)},
                      {"created_at", core::FormatInstant(r.created_at)}};
}

json::value TagJson(const mentoring::CodeTag& t) {
  return json::object{{"id", t.id},           {"response_id", t.response_id}, {"question_id", t.question_id},
                      {"code_id", t.code_id}, {"quote", t.quote},             {"created_at", core::FormatInstant(t.created_at)}};
}

json::value CodingJson(const mentoring::CodingView& view) {
  json::array codes, tags, frequencies, pairs;
  for (const auto& c : view.codes) codes.push_back(CodeJson(c));
  for (const auto& t : view.tags) tags.push_back(TagJson(t));
  for (const auto& f : view.analysis.frequencies) {
    frequencies.push_back(json::object{{"code_id", f.code_id}, {"tags", f.tags}, {"responses", f.responses}});
  }
  for (const auto& p : view.analysis.co_occurrences) {
    pairs.push_back(json::object{{"code_a", p.code_a}, {"code_b", p.code_b}, {"responses", p.responses}});
  }
  return json::object{{"codes", std::move(codes)},
                      {"tags", std::move(tags)},
                      {"frequencies", std::move(frequencies)},
                      {"co_occurrences", std::move(pairs)}};
}

// The tagged passages as a sheet to open in Excel: one row per tag (member, question, code,
// passage), then the frequencies, then the co-occurrences (pairs of codes in one member's
// answers). UTF-8 with a BOM, ';' and CRLF like every export.
std::string CodingCsv(const mentoring::CodingView& view, const mentoring::SurveyTemplate& survey_template) {
  std::string out = "\xEF\xBB\xBF";
  auto row = [&out](std::initializer_list<std::string> fields) {
    bool first = true;
    for (const auto& field : fields) {
      if (!first) out += ';';
      io::AppendCsvField(out, field);
      first = false;
    }
    out += "\r\n";
  };
  auto code_of = [&](std::int64_t id) {
    for (const auto& c : view.codes) {
      if (c.id == id) return c;
    }
    return mentoring::SurveyCode{};
  };
  auto question_of = [&](std::int64_t id) {
    for (const auto& q : survey_template.questions) {
      if (q.id == id) return q.code;
    }
    return std::string();
  };
  auto member_of = [&](std::int64_t response) {
    for (const auto& r : view.responses) {
      if (r.id == response) return r.person_name;
    }
    return std::string();
  };
  row({"anggota", "pertanyaan", "kode", "label", "kutipan"});
  for (const auto& tag : view.tags) {
    auto code = code_of(tag.code_id);
    row({member_of(tag.response_id), question_of(tag.question_id), code.code, code.label, tag.quote});
  }
  out += "\r\n";
  row({"kode", "label", "jumlah_kutipan", "jumlah_anggota"});
  for (const auto& f : view.analysis.frequencies) {
    auto code = code_of(f.code_id);
    row({code.code, code.label, std::to_string(f.tags), std::to_string(f.responses)});
  }
  out += "\r\n";
  row({"kode_a", "kode_b", "jumlah_anggota"});
  for (const auto& pair : view.analysis.co_occurrences) {
    row({code_of(pair.code_a).code, code_of(pair.code_b).code, std::to_string(pair.responses)});
  }
  return out;
}

using SurveyIn = mentoring::SurveyInput;
constexpr auto kSurveyFields = std::to_array<BodyField<SurveyIn>>({
    {"group_id", &SurveyIn::group_id}, {"template_id", &SurveyIn::template_id}, {"title", &SurveyIn::title},
    {"opened_on", &SurveyIn::opened_on}});

mentoring::ResponseInput ReadResponse(BodyReader& body) {
  mentoring::ResponseInput input;
  input.member_id = body.Int("member_id", false);
  if (auto items = body.Objects("answers", true, 100, {"question_id", "text", "scale", "checked"})) {
    input.answers.emplace();
    for (auto& item : *items) {
      input.answers->push_back({item.Int("question_id", false), MultiLineTextField(item, "text"),
                                NumberField(item, "scale"), BoolField(item, "checked")});
    }
  }
  return input;
}

using CodeIn = mentoring::CodeInput;
constexpr auto kCodeFields = std::to_array<BodyField<CodeIn>>({{"code", &CodeIn::code}, {"label", &CodeIn::label}});

using TagIn = mentoring::TagInput;
constexpr auto kTagFields = std::to_array<BodyField<TagIn>>({
    {"response_id", &TagIn::response_id}, {"question_id", &TagIn::question_id}, {"code_id", &TagIn::code_id},
    {"quote", &TagIn::quote, core::TextLines::kMulti}});

}  // namespace

void AddSurveyRoutes(std::vector<Route>& routes, const Services& services, const ApiOptions&) {
  auto& surveys = services.surveys;

  routes.push_back({"GET", "/api/v1/survey-templates", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_RETURN_IF_ERROR(NoQuery(call));
    GOTONG_ASSIGN_OR_RETURN(auto templates, surveys.Templates(call.context));
    json::array items;
    for (const auto& t : templates) items.push_back(TemplateJson(t));
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  }});

  routes.push_back({"GET", "/api/v1/surveys", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto query, QueryReader::Parse(call.query));
    auto group_id = query.Int("group_id", 1, INT64_MAX);
    auto page = ReadPage(query);
    GOTONG_RETURN_IF_ERROR(query.Finish());
    return PageJsonReply(surveys.List(call.context, group_id, page),
                         [](const mentoring::Survey& s) { return json::value(SurveyJson(s)); });
  }});

  routes.push_back({"POST", "/api/v1/surveys", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kSurveyFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, surveys.Create(call.context, input));
    return CreatedResponse(SurveyViewJson(created), "/api/v1/surveys/" + std::to_string(created.survey.id));
  }});

  routes.push_back(
      {"GET", "/api/v1/surveys/{id}", Access::SignedIn(),
       OnId("no survey with that id", surveys, &mentoring::SurveyService::Get, SurveyViewJson)});

  routes.push_back({"GET", "/api/v1/surveys/{id}/responses", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no survey with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto responses, surveys.Responses(call.context, id));
    json::array items;
    for (const auto& r : responses) items.push_back(ResponseJson(r));
    return JsonResponse(200, json::object{{"items", std::move(items)}});
  }});

  routes.push_back({"POST", "/api/v1/surveys/{id}/responses", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no survey with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, {"member_id", "answers"}, ReadResponse));
    GOTONG_ASSIGN_OR_RETURN(auto created, surveys.Respond(call.context, id, input));
    return JsonResponse(201, ResponseJson(created));
  }});

  routes.push_back({"POST", "/api/v1/surveys/{id}/codes", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no survey with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kCodeFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, surveys.AddCode(call.context, id, input));
    return JsonResponse(201, CodeJson(created));
  }});

  routes.push_back({"POST", "/api/v1/surveys/{id}/tags", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no survey with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto input, ReadBody(call, kTagFields));
    GOTONG_ASSIGN_OR_RETURN(auto created, surveys.Tag(call.context, id, input));
    return JsonResponse(201, TagJson(created));
  }});

  routes.push_back({"DELETE", "/api/v1/surveys/{id}/tags/{tag_id}", Access::SignedIn(),
                    [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no survey with that id"));
    auto tag = PathId(call, "tag_id");
    if (!tag) return core::Error::NotFound("no such tag");
    GOTONG_RETURN_IF_ERROR(surveys.Untag(call.context, id, *tag));
    return NoContent();
  }});

  routes.push_back(
      {"GET", "/api/v1/surveys/{id}/coding", Access::SignedIn(),
       OnId("no survey with that id", surveys, &mentoring::SurveyService::Coding, CodingJson)});

  routes.push_back({"GET", "/api/v1/surveys/{id}/coding.csv", Access::SignedIn(), [&surveys](Call& call) -> Reply {
    GOTONG_ASSIGN_OR_RETURN(auto id, RequiredPathId(call, "no survey with that id"));
    GOTONG_ASSIGN_OR_RETURN(auto coding, surveys.Coding(call.context, id));
    GOTONG_ASSIGN_OR_RETURN(auto survey, surveys.Get(call.context, id));
    Response response;
    response.status = 200;
    response.body = CodingCsv(coding, survey.survey_template);
    response.SetHeader("Content-Type", "text/csv; charset=utf-8");
    response.SetHeader("Content-Disposition", "attachment; filename=\"survey-" + std::to_string(id) + "-coding.csv\"");
    return response;
  }});
}

}  // namespace gotong::api::handlers
