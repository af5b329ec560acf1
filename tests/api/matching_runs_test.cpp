// Mentor matching runs (issue 14): an officer starts a run over a group, the worker solves it,
// the proposal explains each pair and why a mentee stayed unplaced, and publishing it creates the
// mentorships in one transaction — refused when the proposal went stale.
#include <algorithm>

#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class MatchingRuns : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    if (HasFatalFailure()) return;
    leader_login_ = Login("group_leader");
    yeast_ = CompetencyId("tape.ragi");
    cassava_ = CompetencyId("tape.singkong");
    packaging_ = CompetencyId("tape.kemasan");
  }


  std::int64_t Cycle(const json::object& mentor, std::int64_t target, const json::array& mentees) {
    json::object body{{"group_id", 1}, {"title", "Belajar bersama"},
                      {"targets", json::array{json::object{{"competency_id", target}}}}, {"mentees", mentees}};
    for (const auto& [key, value] : mentor) body[key] = value;
    Reply created = Post("/api/v1/cycles", body, leader_login_);
    EXPECT_EQ(created.status(), 201) << created;
    return created.status() == 201 ? created.body.at("id").as_int64() : 0;
  }

  void Answer(std::int64_t survey, const std::vector<std::int64_t>& questions, int scale,
              std::optional<std::int64_t> member, const Browser& as) {
    json::array answers;
    for (auto q : questions) answers.push_back(json::object{{"question_id", q}, {"scale", scale}});
    json::object body{{"answers", answers}};
    if (member) body["member_id"] = *member;
    Reply reply = Post("/api/v1/surveys/" + std::to_string(survey) + "/responses", body, as);
    EXPECT_EQ(reply.status(), 201) << reply;
  }

  // Two mentors: Ibu Darmi (community, led the yeast cycle) and Dr. Bambang (an outside
  // consultant, leads the cassava cycle). Five mentees: Painem and Tukini learn yeast, Sutini
  // cassava, Suwarni packaging (a cycle Sulastri leads, who is no mentor), Sulastri nothing.
  // Ibu Darmi and Painem share every value; Tukini shares none.
  void SeedPool() {
    Reply consultant = Post("/api/v1/people", {{"name", "Dr. Bambang"}, {"gender", "male"}}, officer_);
    ASSERT_EQ(consultant.status(), 201) << consultant;
    bambang_ = consultant.body.at("id").as_int64();
    Cycle({{"mentor_member_id", mentor_}, {"mentor_origin", "community"}}, yeast_,
          json::array{json::object{{"member_id", member_}}, json::object{{"member_id", other_}}});
    Cycle({{"mentor_person_id", bambang_}, {"mentor_origin", "external"}}, cassava_,
          json::array{json::object{{"member_id", secretary_}}});
    Cycle({{"mentor_member_id", leader_}, {"mentor_origin", "community"}}, packaging_,
          json::array{json::object{{"member_id", treasurer_}}});
    Reply templates = Get("/api/v1/survey-templates", &admin_);
    json::object values;
    for (const auto& t : templates.body.at("items").as_array()) {
      if (t.at("code").as_string() == "values") values = t.as_object();
    }
    std::vector<std::int64_t> questions;
    for (const auto& q : values.at("questions").as_array()) questions.push_back(q.at("id").as_int64());
    Reply survey = Post("/api/v1/surveys", {{"group_id", 1}, {"template_id", values.at("id")}}, leader_login_);
    ASSERT_EQ(survey.status(), 201) << survey;
    std::int64_t id = survey.body.at("id").as_int64();
    Answer(id, questions, 5, std::nullopt, Login("mentor"));
    Answer(id, questions, 5, std::nullopt, Login("member"));
    Answer(id, questions, 1, other_, leader_login_);
  }

  json::object RunBody() const {
    return {{"group_ids", json::array{1}},
            {"default_capacity", 2},
            {"capacities", json::array{json::object{{"member_id", mentor_}, {"capacity", 1}}}}};
  }

  // Starts a run and runs it as the worker would.
  Reply StartAndRun(const json::object& body) {
    Reply started = Post("/api/v1/matching/runs", body, officer_);
    EXPECT_EQ(started.status(), 202) << started;
    if (started.status() != 202) return started;
    std::int64_t id = started.body.at("id").as_int64();
    EXPECT_EQ(services().queued_matching.back(), id);
    auto run = services().matching_runs.Run(id);
    EXPECT_TRUE(run.ok());
    return Get("/api/v1/matching/runs/" + std::to_string(id), &officer_);
  }

  std::int64_t RunCount() {
    Reply all = Get("/api/v1/matching/runs?group_id=1", &admin_);
    EXPECT_EQ(all.status(), 200) << all;
    return all.body.at("total").as_int64();
  }

  Browser leader_login_;
  std::int64_t yeast_ = 0, cassava_ = 0, packaging_ = 0, bambang_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(MatchingRuns);

TEST_P(MatchingRuns, ProposesPairsWithTheirExplanationAndSaysWhyTheOthersStayUnplaced) {
  SeedPool();
  ASSERT_FALSE(HasFailure());
  Reply started = Post("/api/v1/matching/runs", RunBody(), officer_);
  ASSERT_EQ(started.status(), 202) << started;
  std::int64_t id = started.body.at("id").as_int64();
  EXPECT_EQ(started.header("Location"), "/api/v1/matching/runs/" + std::to_string(id));
  EXPECT_EQ(started.body.at("status"), "queued");
  EXPECT_EQ(services().queued_matching, std::vector<std::int64_t>{id});
  Reply queued = Get("/api/v1/matching/runs/" + std::to_string(id), &officer_);
  EXPECT_TRUE(queued.body.at("result").is_null());
  // Each term's maximum, so a reader can weigh a pair's points (proximity: the same group's).
  EXPECT_EQ(queued.body.at("weights"),
            (json::object{{"values", 40}, {"coverage", 40}, {"proximity", 15}, {"community", 10}}));

  ASSERT_TRUE(services().matching_runs.Run(id).ok());
  Reply done = Get("/api/v1/matching/runs/" + std::to_string(id), &officer_);
  ASSERT_EQ(done.status(), 200) << done;
  EXPECT_EQ(done.body.at("status"), "succeeded");
  EXPECT_EQ(done.body.at("progress").at("done"), done.body.at("progress").at("total"));
  const auto& pairs = done.body.at("result").at("pairs").as_array();
  ASSERT_EQ(pairs.size(), 3u) << done;
  // In the mentees' order: Sulastri, Sutini (Dr. Bambang's), then Painem (Ibu Darmi's).
  EXPECT_EQ(pairs[0].at("mentee_name"), "Sulastri");
  EXPECT_EQ(pairs[0].at("mentor_name"), "Dr. Bambang");
  EXPECT_EQ(pairs[0].at("score"), (json::object{{"total", 20}, {"values", 20}, {"values_answered", false},
                                                {"coverage", 0}, {"proximity", 0}, {"proximity_kind", "none"},
                                                {"community", 0}}));
  EXPECT_EQ(pairs[1].at("mentee_name"), "Sutini");
  EXPECT_EQ(pairs[1].at("mentor_origin"), "external");
  EXPECT_EQ(pairs[1].at("score").at("coverage"), 40);
  EXPECT_EQ(pairs[1].at("score").at("total"), 60);
  EXPECT_EQ(pairs[1].at("covered_competencies"),
            (json::array{json::object{{"id", cassava_}, {"name", "Memilih singkong"}}}))
      << pairs[1];
  EXPECT_EQ(pairs[2].at("mentee_name"), "Painem");
  EXPECT_EQ(pairs[2].at("mentor_name"), "Ibu Darmi");
  EXPECT_EQ(pairs[2].at("mentor_member_id"), mentor_);
  EXPECT_EQ(pairs[2].at("score"), (json::object{{"total", 105}, {"values", 40}, {"values_answered", true},
                                                {"coverage", 40}, {"proximity", 15}, {"proximity_kind", "same_group"},
                                                {"community", 10}}));
  const auto& unplaced = done.body.at("result").at("unplaced").as_array();
  ASSERT_EQ(unplaced.size(), 2u) << done;
  EXPECT_EQ(unplaced[0].at("name"), "Suwarni");
  EXPECT_EQ(unplaced[0].at("reason"), "no_mentor_covers");
  ASSERT_EQ(unplaced[0].at("uncovered_competencies").as_array().size(), 1u);
  EXPECT_EQ(unplaced[0].at("uncovered_competencies").as_array()[0].at("id"), packaging_);
  EXPECT_EQ(unplaced[1].at("name"), "Tukini");
  EXPECT_EQ(unplaced[1].at("reason"), "capacity");
  EXPECT_TRUE(unplaced[1].at("uncovered_competencies").as_array().empty());

  // Published: one mentorship per pair, started today; a second publish is refused.
  Reply published = Post("/api/v1/matching/runs/" + std::to_string(id) + "/publish", {}, officer_);
  ASSERT_EQ(published.status(), 200) << published;
  EXPECT_EQ(published.body.at("status"), "published");
  Reply mentorships = Get("/api/v1/mentorships?group_id=1&active=true", &officer_);
  EXPECT_EQ(mentorships.body.at("total"), 3) << mentorships;
  Reply again = Post("/api/v1/matching/runs/" + std::to_string(id) + "/publish", {}, officer_);
  EXPECT_EQ(again.status(), 409) << again;
  EXPECT_TRUE(HasFieldError(again, "status", "published")) << again;
  EXPECT_EQ(Get("/api/v1/mentorships?group_id=1", &officer_).body.at("total"), 3);
  Reply audit = Get("/api/v1/audit?entity=matching_run", &admin_);
  EXPECT_EQ(audit.body.at("total"), 2) << audit;
}

TEST_P(MatchingRuns, ACommunityMentorMayBePairedWithAMenteeOfAnotherGroupOfTheRun) {
  // A second group in the same village with one member and no mentor of its own.
  Reply group = Post("/api/v1/groups",
                     {{"name", "Tape Manis Ngajum"}, {"kind", "joint_business_group"}, {"sector", "food_processing"},
                      {"village_code", kBanjarsari}, {"origin", "self_initiated"}, {"founded_on", "2020-01-01"}},
                     officer_);
  ASSERT_EQ(group.status(), 201) << group;
  std::int64_t second = group.body.at("id").as_int64();
  Reply joined = Post("/api/v1/groups/" + std::to_string(second) + "/members",
                      {{"person", {{"name", "Sumiati"}, {"gender", "female"}, {"village_code", kBanjarsari}}},
                       {"role", "member"}, {"joined_on", "2020-01-01"}},
                      officer_);
  ASSERT_EQ(joined.status(), 201) << joined;
  std::int64_t sumiati = joined.body.at("id").as_int64();

  Reply done = StartAndRun({{"group_ids", json::array{1, second}}, {"default_capacity", 10}});
  ASSERT_EQ(done.body.at("status"), "succeeded") << done;
  const auto& pairs = done.body.at("result").at("pairs").as_array();
  auto hers = std::find_if(pairs.begin(), pairs.end(), [&](const json::value& p) {
    return p.at("mentee_member_id") == sumiati;
  });
  ASSERT_NE(hers, pairs.end()) << done;
  EXPECT_EQ(hers->at("mentor_name"), "Ibu Darmi");
  EXPECT_EQ(hers->at("group_id"), second);
  EXPECT_EQ(hers->at("mentor_origin"), "community");
  EXPECT_EQ(hers->at("score").at("proximity_kind"), "same_village");  // not her group: less than a member would get

  std::int64_t id = done.body.at("id").as_int64();
  Reply published = Post("/api/v1/matching/runs/" + std::to_string(id) + "/publish", {}, officer_);
  ASSERT_EQ(published.status(), 200) << published;
  Reply mentorships = Get("/api/v1/mentorships?group_id=" + std::to_string(second), &officer_);
  ASSERT_EQ(mentorships.body.at("total"), 1) << mentorships;
  const auto& mentorship = mentorships.body.at("items").as_array().at(0);
  EXPECT_EQ(mentorship.at("mentee_member_id"), sumiati);
  EXPECT_EQ(mentorship.at("mentor_name"), "Ibu Darmi");
  EXPECT_EQ(mentorship.at("mentor_origin"), "community");
  EXPECT_EQ(mentorship.at("mentor_member_id"), mentor_);  // her membership in her own group
}

TEST_P(MatchingRuns, AStaleProposalIsRefusedWithTheListAndNothingIsPublished) {
  SeedPool();
  ASSERT_FALSE(HasFailure());
  Reply done = StartAndRun(RunBody());
  ASSERT_EQ(done.body.at("status"), "succeeded") << done;
  std::int64_t id = done.body.at("id").as_int64();
  // Meanwhile Sutini got a mentor by hand.
  Reply by_hand = Post("/api/v1/mentorships",
                       {{"group_id", 1}, {"mentor_member_id", mentor_}, {"mentor_origin", "community"},
                        {"mentee_member_id", secretary_}, {"started_on", "2026-01-01"}},
                       leader_login_);
  ASSERT_EQ(by_hand.status(), 201) << by_hand;
  Reply stale = Post("/api/v1/matching/runs/" + std::to_string(id) + "/publish", {}, officer_);
  ASSERT_EQ(stale.status(), 409) << stale;
  ASSERT_EQ(stale.body.at("errors").as_array().size(), 1u) << stale;
  const auto& error = stale.body.at("errors").as_array()[0];
  EXPECT_EQ(error.at("field"), "pairs");
  EXPECT_EQ(error.at("code"), "stale");
  EXPECT_EQ(error.at("params").at("member"), "Sutini");
  EXPECT_EQ(error.at("params").at("mentor"), "Dr. Bambang");
  EXPECT_EQ(Get("/api/v1/mentorships?group_id=1", &officer_).body.at("total"), 1);
  EXPECT_EQ(Get("/api/v1/matching/runs/" + std::to_string(id), &officer_).body.at("status"), "succeeded");
}

TEST_P(MatchingRuns, WrongInputIsRefusedAndWritesNothing) {
  SeedPool();
  ASSERT_FALSE(HasFailure());
  Reply unknown = Post("/api/v1/matching/runs", {{"group_ids", json::array{1, 99}}}, officer_);
  EXPECT_TRUE(HasFieldError(unknown, "group_ids[1]", "not_found")) << unknown;
  Reply none = Post("/api/v1/matching/runs", {{"group_ids", json::array{}}}, officer_);
  EXPECT_TRUE(HasFieldError(none, "group_ids", "required")) << none;
  Reply zero = Post("/api/v1/matching/runs",
                    {{"group_ids", json::array{1}},
                     {"capacities", json::array{json::object{{"member_id", mentor_}, {"capacity", 0}},
                                                json::object{{"person_id", bambang_}, {"capacity", 0}}}}},
                    officer_);
  EXPECT_TRUE(HasFieldError(zero, "capacities", "no_capacity")) << zero;
  Reply range = Post("/api/v1/matching/runs",
                     {{"group_ids", json::array{1}}, {"default_capacity", 51},
                      {"capacities", json::array{json::object{{"member_id", mentor_}, {"capacity", -1}}}}},
                     officer_);
  EXPECT_TRUE(HasFieldError(range, "default_capacity", "out_of_range")) << range;
  Reply over = Post("/api/v1/matching/runs",
                    {{"group_ids", json::array{1}},
                     {"capacities", json::array{json::object{{"member_id", mentor_}, {"capacity", 51}}}}},
                    officer_);
  EXPECT_TRUE(HasFieldError(over, "capacities[0].capacity", "out_of_range")) << over;
  // A group leader and a member do not start runs.
  EXPECT_EQ(Post("/api/v1/matching/runs", RunBody(), leader_login_).status(), 403);
  EXPECT_EQ(Post("/api/v1/matching/runs", RunBody(), Login("member")).status(), 403);
  EXPECT_EQ(RunCount(), 0);
  EXPECT_TRUE(services().queued_matching.empty());
  EXPECT_EQ(Get("/api/v1/audit?entity=matching_run", &admin_).body.at("total"), 0);
}

TEST_P(MatchingRuns, ARunThatWasKilledIsRunAgainFromTheStart) {
  SeedPool();
  ASSERT_FALSE(HasFailure());
  Reply started = Post("/api/v1/matching/runs", RunBody(), officer_);
  ASSERT_EQ(started.status(), 202) << started;
  std::int64_t id = started.body.at("id").as_int64();
  auto unfinished = services().matching_runs.Unfinished();
  ASSERT_TRUE(unfinished.ok());
  ASSERT_EQ(unfinished->size(), 1u);
  EXPECT_EQ((*unfinished)[0].id, id);
  ASSERT_TRUE(services().matching_runs.Run(id).ok());
  EXPECT_TRUE(services().matching_runs.Unfinished()->empty());
  // Running a finished run again changes nothing.
  auto again = services().matching_runs.Run(id);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Get("/api/v1/matching/runs/" + std::to_string(id), &officer_).body.at("result").at("pairs").as_array().size(),
            3u);
}

}  // namespace
}  // namespace gotong::api_tests
