// Surveys of a group's members (seed 000): the seeded templates, answers by each member or for
// those without an account, the totals charted per question, and the coding of open answers
// with its frequencies, co-occurrences and export.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Surveys : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    leader_login_ = Login("group_leader");
    member_login_ = Login("member");
  }

  json::object Template(const std::string& code) {
    Reply templates = Get("/api/v1/survey-templates", &member_login_);
    for (const auto& t : templates.body.at("items").as_array()) {
      if (t.at("code").as_string() == code) return t.as_object();
    }
    ADD_FAILURE() << "no template " << code;
    return {};
  }
  static std::int64_t Question(const json::object& survey_template, std::size_t index) {
    return survey_template.at("questions").as_array().at(index).at("id").as_int64();
  }
  std::int64_t Open(const std::string& code) {
    Reply created = Post("/api/v1/surveys", {{"group_id", 1}, {"template_id", Template(code).at("id")}}, leader_login_);
    EXPECT_EQ(created.status(), 201) << created;
    return created.status() == 201 ? created.body.at("id").as_int64() : 0;
  }
  static std::string SurveyPath(std::int64_t id, const std::string& tail = "") {
    return "/api/v1/surveys/" + std::to_string(id) + tail;
  }

  Browser leader_login_, member_login_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Surveys);

TEST_P(Surveys, TheTemplatesAreSeed000sQuestionnairesAndTheValuesMatchingReads) {
  Reply templates = Get("/api/v1/survey-templates", &member_login_);
  ASSERT_EQ(templates.status(), 200) << templates;
  ASSERT_EQ(templates.body.at("items").as_array().size(), 4u);
  auto open = Template("seed000.open");
  ASSERT_EQ(open.at("questions").as_array().size(), 6u);
  EXPECT_EQ(open.at("questions").as_array()[0].at("text"), "Sudah berapa lama Anda di komunitas ini?");
  EXPECT_EQ(open.at("questions").as_array()[5].at("text_en"), "Impressions and messages for the community?");
  for (const auto& q : open.at("questions").as_array()) EXPECT_EQ(q.at("kind"), "open");
  auto benefits = Template("seed000.benefits");
  EXPECT_EQ(benefits.at("questions").as_array().size(), 5u);
  EXPECT_EQ(benefits.at("questions").as_array()[2].at("code"), "pemasaran_bersama");
  auto values = Template("values");
  ASSERT_EQ(values.at("questions").as_array().size(), 4u);
  EXPECT_EQ(values.at("questions").as_array()[3].at("text_en"), "Complementarity");
  EXPECT_EQ(values.at("questions").as_array()[0].at("kind"), "likert");
  EXPECT_EQ(Get("/api/v1/survey-templates", nullptr).status(), 401);
}

TEST_P(Surveys, MembersAnswerForThemselvesTheLeaderForThoseWithoutAnAccountAndTheTotalsAreCharted) {
  std::int64_t survey = Open("seed000.perception");
  auto perception = Template("seed000.perception");
  std::int64_t example = Question(perception, 0), ask = Question(perception, 1);
  // Painem answers from her own phone.
  Reply own = Post(SurveyPath(survey, "/responses"),
                   {{"answers", json::array{json::object{{"question_id", example}, {"scale", 5}},
                                            json::object{{"question_id", ask}, {"scale", 4}}}}},
                   member_login_);
  ASSERT_EQ(own.status(), 201) << own;
  EXPECT_EQ(own.body.at("member"), "Painem");
  // Tukini has no account: the leader enters hers; Painem's only Painem does.
  ASSERT_EQ(Post(SurveyPath(survey, "/responses"),
                 {{"member_id", other_}, {"answers", json::array{json::object{{"question_id", example}, {"scale", 3}}}}},
                 leader_login_)
                .status(),
            201);
  Reply for_her = Post(SurveyPath(survey, "/responses"),
                       {{"member_id", member_}, {"answers", json::array{json::object{{"question_id", example}, {"scale", 1}}}}},
                       leader_login_);
  EXPECT_TRUE(HasFieldError(for_her, "member_id", "has_account")) << for_her;
  Reply again = Post(SurveyPath(survey, "/responses"),
                     {{"answers", json::array{json::object{{"question_id", example}, {"scale", 1}}}}}, member_login_);
  EXPECT_EQ(again.status(), 409) << again;

  Reply view = Get(SurveyPath(survey), &member_login_);
  ASSERT_EQ(view.status(), 200) << view;
  EXPECT_EQ(view.body.at("responses"), 2);
  EXPECT_EQ(view.body.at("own_response_id"), own.body.at("id"));
  EXPECT_EQ(view.body.at("can_guide"), false);
  const auto& first = view.body.at("summary").as_array()[0];
  EXPECT_EQ(first.at("answered"), 2);
  EXPECT_EQ(first.at("scale_counts"), (json::array{0, 0, 1, 0, 1}));
  EXPECT_DOUBLE_EQ(first.at("mean").as_double(), 4.0);
  EXPECT_TRUE(view.body.at("summary").as_array()[4].at("mean").is_null());  // nobody answered it

  // The answers one by one: all of them for the leader, her own for a member.
  EXPECT_EQ(Get(SurveyPath(survey, "/responses"), &leader_login_).body.at("items").as_array().size(), 2u);
  Reply hers = Get(SurveyPath(survey, "/responses"), &member_login_);
  ASSERT_EQ(hers.body.at("items").as_array().size(), 1u);
  EXPECT_EQ(hers.body.at("items").as_array()[0].at("member"), "Painem");
  Reply list = Get("/api/v1/surveys?group_id=1", &member_login_);
  EXPECT_EQ(list.body.at("total"), 1);
  EXPECT_EQ(list.body.at("items").as_array()[0].at("title"), "Persepsi model pendampingan");  // the template's name
}

TEST_P(Surveys, WrongAnswersAreRefusedByFieldAndNothingIsKept) {
  std::int64_t survey = Open("seed000.benefits");
  auto benefits = Template("seed000.benefits");
  std::int64_t other_template_question = Question(Template("values"), 0);
  Reply wrong = Post(SurveyPath(survey, "/responses"),
                     {{"answers", json::array{json::object{{"question_id", Question(benefits, 0)}, {"checked", true}},
                                              json::object{{"question_id", Question(benefits, 0)}, {"checked", false}},
                                              json::object{{"question_id", other_template_question}, {"scale", 3}},
                                              json::object{{"question_id", Question(benefits, 1)}}}}},
                     member_login_);
  ASSERT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "answers[1].question_id", "duplicate")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "answers[2].question_id", "not_found")) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "answers[3].checked", "required")) << wrong;
  std::int64_t values = Open("values");
  Reply scale = Post(SurveyPath(values, "/responses"),
                     {{"answers", json::array{json::object{{"question_id", other_template_question}, {"scale", 6}}}}},
                     member_login_);
  EXPECT_TRUE(HasFieldError(scale, "answers[0].scale", "out_of_range")) << scale;
  EXPECT_TRUE(HasFieldError(Post(SurveyPath(values, "/responses"), {{"answers", json::array{}}}, member_login_),
                            "answers", "required"));
  EXPECT_EQ(Get(SurveyPath(survey), &admin_).body.at("responses"), 0);
  EXPECT_EQ(Get(SurveyPath(values), &admin_).body.at("responses"), 0);
  // A member does not open surveys; an unknown template is named.
  EXPECT_EQ(Post("/api/v1/surveys", {{"group_id", 1}, {"template_id", Template("values").at("id")}}, member_login_).status(),
            403);
  EXPECT_TRUE(HasFieldError(Post("/api/v1/surveys", {{"group_id", 1}, {"template_id", 999}}, leader_login_),
                            "template_id", "not_found"));
}

TEST_P(Surveys, AFacilitatorCodesOpenAnswersAndSeesWhichValuesAreNamedAndWhichTogether) {
  std::int64_t survey = Open("seed000.open");
  auto open = Template("seed000.open");
  std::int64_t values_question = Question(open, 4), benefits_question = Question(open, 2);
  Reply painem = Post(SurveyPath(survey, "/responses"),
                      {{"answers", json::array{json::object{{"question_id", values_question},
                                                            {"text", "Kerja sama dan saling membantu; tidak ada yang pelit."}},
                                               json::object{{"question_id", benefits_question},
                                                            {"text", "Pendapatan naik karena pemasaran bersama."}}}}},
                      member_login_);
  ASSERT_EQ(painem.status(), 201) << painem;
  Reply tukini = Post(SurveyPath(survey, "/responses"),
                      {{"member_id", other_},
                       {"answers", json::array{json::object{{"question_id", values_question},
                                                            {"text", "Persahabatan. Kami saling membantu."}}}}},
                      leader_login_);
  ASSERT_EQ(tukini.status(), 201) << tukini;

  // The codebook starts with the seed's values and benefits.
  Reply view = Get(SurveyPath(survey), &leader_login_);
  auto code_id = [&](const std::string& code) -> std::int64_t {
    for (const auto& c : view.body.at("codes").as_array()) {
      if (c.at("code").as_string() == code) return c.at("id").as_int64();
    }
    ADD_FAILURE() << "no code " << code;
    return 0;
  };
  EXPECT_EQ(view.body.at("codes").as_array().size(), 10u);
  std::int64_t cooperation = code_id("kerja_sama"), help = code_id("saling_membantu"),
               friendship = code_id("persahabatan"), income = code_id("pendapatan");
  Reply added = Post(SurveyPath(survey, "/codes"), {{"code", "tidak_pelit"}, {"label", "Tidak pelit ilmu"}}, leader_login_);
  ASSERT_EQ(added.status(), 201) << added;
  EXPECT_EQ(Post(SurveyPath(survey, "/codes"), {{"code", "tidak_pelit"}, {"label", "x"}}, leader_login_).status(), 409);
  EXPECT_TRUE(HasFieldError(Post(SurveyPath(survey, "/codes"), {{"code", "Tidak Pelit"}, {"label", "x"}}, leader_login_),
                            "code", "invalid_format"));

  std::int64_t p = painem.body.at("id").as_int64(), t = tukini.body.at("id").as_int64();
  auto tag = [&](std::int64_t response, std::int64_t question, std::int64_t code, std::optional<std::string> quote) {
    json::object body{{"response_id", response}, {"question_id", question}, {"code_id", code}};
    if (quote) body["quote"] = *quote;
    return Post(SurveyPath(survey, "/tags"), body, leader_login_);
  };
  ASSERT_EQ(tag(p, values_question, cooperation, "Kerja sama").status(), 201);
  ASSERT_EQ(tag(p, values_question, help, "saling membantu").status(), 201);
  ASSERT_EQ(tag(p, benefits_question, income, std::nullopt).status(), 201);
  Reply whole = tag(t, values_question, friendship, std::nullopt);
  ASSERT_EQ(whole.status(), 201) << whole;
  EXPECT_EQ(whole.body.at("quote"), "Persahabatan. Kami saling membantu.");  // the whole answer
  ASSERT_EQ(tag(t, values_question, help, "saling membantu").status(), 201);
  EXPECT_TRUE(HasFieldError(tag(t, values_question, help, "gotong royong"), "quote", "not_in_answer"));
  EXPECT_TRUE(HasFieldError(tag(t, benefits_question, help, std::nullopt), "question_id", "not_found"));
  EXPECT_TRUE(HasFieldError(tag(t, values_question, 99999, std::nullopt), "code_id", "not_found"));
  EXPECT_EQ(Post(SurveyPath(survey, "/tags"), {{"response_id", t}, {"question_id", values_question}, {"code_id", help}},
                 member_login_).status(),
            403);

  Reply coding = Get(SurveyPath(survey, "/coding"), &leader_login_);
  ASSERT_EQ(coding.status(), 200) << coding;
  auto frequency = [&](std::int64_t code) -> json::object {
    for (const auto& f : coding.body.at("frequencies").as_array()) {
      if (f.at("code_id") == code) return f.as_object();
    }
    return {};
  };
  EXPECT_EQ(frequency(help).at("tags"), 2);
  EXPECT_EQ(frequency(help).at("responses"), 2);  // both members named mutual help
  EXPECT_EQ(frequency(cooperation).at("responses"), 1);
  EXPECT_EQ(frequency(code_id("teman")).at("tags"), 0);
  // Mutual help goes with cooperation (Painem) and with friendship (Tukini).
  bool help_with_friendship = false;
  std::int64_t pairs_with_help = 0;
  for (const auto& pair : coding.body.at("co_occurrences").as_array()) {
    if (pair.at("code_a") == help || pair.at("code_b") == help) ++pairs_with_help;
    if ((pair.at("code_a") == help && pair.at("code_b") == friendship) ||
        (pair.at("code_a") == friendship && pair.at("code_b") == help)) {
      help_with_friendship = pair.at("responses") == 1;
    }
  }
  EXPECT_TRUE(help_with_friendship) << coding;
  EXPECT_EQ(pairs_with_help, 3) << coding;  // cooperation, income (Painem), friendship (Tukini)
  EXPECT_EQ(Get(SurveyPath(survey, "/coding"), &member_login_).status(), 403);

  Reply csv = Get(SurveyPath(survey, "/coding.csv"), &leader_login_);
  ASSERT_EQ(csv.status(), 200);
  EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.response.body.rfind("\xEF\xBB\xBF" "anggota;pertanyaan;kode;label;kutipan\r\n", 0), 0u) << csv.response.body;
  EXPECT_NE(csv.response.body.find("Painem;nilai;kerja_sama;Kerja sama;Kerja sama\r\n"), std::string::npos) << csv.response.body;
  EXPECT_NE(csv.response.body.find("saling_membantu;Saling membantu;2;2\r\n"), std::string::npos) << csv.response.body;
  // Then the co-occurrences, one row per pair as the JSON has them: mutual help with friendship
  // (Tukini) and the three pairs of Painem's cooperation, mutual help and income.
  std::string pairs = "\r\nkode_a;kode_b;jumlah_anggota\r\n";
  auto code_name = [&](const json::value& id) -> std::string {
    for (const auto& c : view.body.at("codes").as_array()) {
      if (c.at("id") == id) return std::string(c.at("code").as_string());
    }
    return "";
  };
  for (const auto& pair : coding.body.at("co_occurrences").as_array()) {
    pairs += code_name(pair.at("code_a")) + ";" + code_name(pair.at("code_b")) + ";" +
             std::to_string(pair.at("responses").as_int64()) + "\r\n";
  }
  EXPECT_EQ(coding.body.at("co_occurrences").as_array().size(), 4u) << coding;
  EXPECT_TRUE(csv.response.body.ends_with(pairs)) << csv.response.body;
  const std::string help_with_friend = help < friendship ? "\r\nsaling_membantu;persahabatan;1\r\n"
                                                         : "\r\npersahabatan;saling_membantu;1\r\n";
  EXPECT_NE(csv.response.body.find(help_with_friend), std::string::npos) << csv.response.body;

  std::int64_t first_tag = coding.body.at("tags").as_array()[0].at("id").as_int64();
  EXPECT_EQ(Write("DELETE", SurveyPath(survey, "/tags/" + std::to_string(first_tag)), json::object{}, &leader_login_).status(),
            204);
  EXPECT_EQ(Write("DELETE", SurveyPath(survey, "/tags/" + std::to_string(first_tag)), json::object{}, &leader_login_).status(),
            404);
  EXPECT_EQ(Get(SurveyPath(survey, "/coding"), &leader_login_).body.at("tags").as_array().size(), 4u);
}

}  // namespace
}  // namespace gotong::api_tests
