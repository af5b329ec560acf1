// Community mentoring (seed 000): mentorships, and a learning cycle planned by the group's
// deliberation, carried out in sessions that are the group's meetings, and closed only once every
// mentee is evaluated on every target competency.
#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Cycles : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    leader_login_ = Login("group_leader");
    member_login_ = Login("member");
    yeast_ = CompetencyId("tape.ragi");
    cassava_ = CompetencyId("tape.singkong");
  }


  static std::string CyclePath(std::int64_t id, const std::string& tail = "") {
    return "/api/v1/cycles/" + std::to_string(id) + tail;
  }

  // A cycle of the group's community mentor (Ibu Darmi) for Painem and Tukini on yeast and
  // cassava.
  json::object PlannedCycle() const {
    return {{"group_id", 1},
            {"title", "Belajar bersama musim panen"},
            {"mentor_member_id", mentor_},
            {"mentor_origin", "community"},
            {"venue", "rumah Bu Sulastri: dapur luas"},
            {"host_member_id", leader_},
            {"time_allocation", "dua kali seminggu, pukul 13.00-16.00"},
            {"facilities", "dandang, tampah, daun pisang"},
            {"planned_from", "2026-01-01"},
            {"planned_to", "2026-03-31"},
            {"targets", json::array{json::object{{"competency_id", yeast_}, {"level", 2}},
                                    json::object{{"competency_id", cassava_}}}},
            {"mentees", json::array{json::object{{"member_id", member_}}, json::object{{"member_id", other_}}}}};
  }

  std::int64_t CreateCycle(const json::object& body) {
    Reply created = Post("/api/v1/cycles", body, leader_login_);
    EXPECT_EQ(created.status(), 201) << created;
    if (created.status() != 201) return 0;
    return created.body.at("id").as_int64();
  }

  Reply Transition(std::int64_t cycle, const std::string& to) {
    return Post(CyclePath(cycle, "/transitions"), {{"to", to}}, leader_login_);
  }

  Reply Evaluate(std::int64_t cycle, std::int64_t member, std::int64_t competency, bool achieved,
                 const json::object& extra = {}) {
    json::object body{{"member_id", member}, {"competency_id", competency}, {"achieved", achieved}};
    if (achieved && !extra.contains("level")) body["level"] = 2;
    for (const auto& [key, value] : extra) body[key] = value;
    return Post(CyclePath(cycle, "/evaluations"), body, Login("mentor"));
  }

  // A cycle under way: planned, theme chosen, one session held.
  std::int64_t CycleUnderWay() {
    json::object body = PlannedCycle();
    body["theme"] = "Ragi tape yang manis";
    std::int64_t cycle = CreateCycle(body);
    EXPECT_EQ(Transition(cycle, "implementation").status(), 200);
    Reply session = Post(CyclePath(cycle, "/sessions"),
                         {{"held_on", "2026-01-03"}, {"practice", "membuat ragi dari tepung beras dan bawang putih"}},
                         leader_login_);
    EXPECT_EQ(session.status(), 201) << session;
    return cycle;
  }

  Browser leader_login_, member_login_;
  std::int64_t yeast_ = 0, cassava_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Cycles);

TEST_P(Cycles, ACommunityMentorAndAnExternalConsultantAreEachPairedWithAMenteeForAPeriod) {
  Reply community = Post("/api/v1/mentorships",
                         {{"group_id", 1},
                          {"mentor_member_id", mentor_},
                          {"mentor_origin", "community"},
                          {"mentee_member_id", member_},
                          {"started_on", "2025-07-01"},
                          {"note", "belajar ragi"}},
                         leader_login_);
  ASSERT_EQ(community.status(), 201) << community;
  EXPECT_EQ(community.body.at("mentor_name"), "Ibu Darmi");
  EXPECT_EQ(community.body.at("mentee_name"), "Painem");
  EXPECT_EQ(community.body.at("mentor_origin"), "community");
  EXPECT_EQ(community.body.at("mentor_member_id"), mentor_);
  EXPECT_TRUE(community.body.at("ended_on").is_null());
  std::int64_t id = community.body.at("id").as_int64();
  EXPECT_EQ(community.header("Location"), "/api/v1/mentorships/" + std::to_string(id));

  Reply consultant = Post("/api/v1/people", {{"name", "Dr. Bambang"}, {"gender", "male"}}, officer_);
  ASSERT_EQ(consultant.status(), 201) << consultant;
  std::int64_t bambang = consultant.body.at("id").as_int64();
  Reply external = Post("/api/v1/mentorships",
                        {{"group_id", 1},
                         {"mentor_person_id", bambang},
                         {"mentor_origin", "external"},
                         {"mentee_member_id", other_},
                         {"started_on", "2025-01-01"},
                         {"ended_on", "2025-06-30"}},
                        officer_);
  ASSERT_EQ(external.status(), 201) << external;
  EXPECT_TRUE(external.body.at("mentor_member_id").is_null());
  EXPECT_EQ(external.body.at("mentor_name"), "Dr. Bambang");

  // Members read the group's mentorships; the ended one drops out of the active list.
  Reply all = Get("/api/v1/mentorships?group_id=1", &member_login_);
  ASSERT_EQ(all.status(), 200) << all;
  EXPECT_EQ(all.body.at("total"), 2);
  EXPECT_EQ(all.body.at("items").as_array()[0].at("id"), id);  // newest start first
  Reply active = Get("/api/v1/mentorships?group_id=1&active=true", &member_login_);
  EXPECT_EQ(active.body.at("total"), 1);
  Reply hers = Get("/api/v1/mentorships?group_id=1&mentee_member_id=" + std::to_string(other_), &member_login_);
  EXPECT_EQ(hers.body.at("total"), 1);

  // Ended, with the day it ended; who mentors whom does not change.
  Reply ended = Patch("/api/v1/mentorships/" + std::to_string(id), {{"ended_on", "2026-01-04"}}, leader_login_);
  ASSERT_EQ(ended.status(), 200) << ended;
  EXPECT_EQ(ended.body.at("ended_on"), "2026-01-04");
  Reply moved = Patch("/api/v1/mentorships/" + std::to_string(id), {{"mentee_member_id", other_}}, leader_login_);
  EXPECT_TRUE(HasFieldError(moved, "mentee_member_id", "immutable")) << moved;
  Reply audit = Get("/api/v1/audit?entity=mentorship", &admin_);
  EXPECT_EQ(audit.body.at("total"), 3) << audit;
}

TEST_P(Cycles, AWrongMentorshipIsRefusedByFieldAndNothingIsWritten) {
  auto create = [&](const json::object& body, const Browser& as) {
    json::object full{{"group_id", 1}, {"mentor_member_id", mentor_}, {"mentor_origin", "community"},
                      {"mentee_member_id", member_}, {"started_on", "2025-07-01"}};
    for (const auto& [key, value] : body) {
      if (value.is_null()) {
        full.erase(key);
      } else {
        full[key] = value;
      }
    }
    return Post("/api/v1/mentorships", full, as);
  };
  Reply person = Post("/api/v1/people", {{"name", "Dr. Bambang"}}, officer_);
  std::int64_t bambang = person.body.at("id").as_int64();
  EXPECT_TRUE(HasFieldError(create({{"mentor_member_id", nullptr}, {"mentor_person_id", bambang}}, leader_login_),
                            "mentor_member_id", "required"));
  EXPECT_TRUE(HasFieldError(create({{"mentee_member_id", mentor_}}, leader_login_), "mentee_member_id", "same_person"));
  EXPECT_TRUE(HasFieldError(create({{"mentee_member_id", 999}}, leader_login_), "mentee_member_id", "not_member"));
  EXPECT_TRUE(HasFieldError(create({{"mentor_origin", "guru"}}, leader_login_), "mentor_origin", "invalid_value"));
  EXPECT_TRUE(HasFieldError(create({{"ended_on", "2025-01-01"}}, leader_login_), "ended_on", "after_to"));
  EXPECT_TRUE(HasFieldError(create({{"started_on", nullptr}}, leader_login_), "started_on", "required"));
  EXPECT_EQ(create({}, member_login_).status(), 403);  // a member does not assign mentors
  EXPECT_EQ(Get("/api/v1/mentorships?group_id=1", &admin_).body.at("total"), 0);

  ASSERT_EQ(create({}, leader_login_).status(), 201);
  // The same pair again in a period that overlaps the first (open-ended) one.
  Reply again = create({{"started_on", "2026-01-01"}}, leader_login_);
  EXPECT_EQ(again.status(), 409) << again;
  EXPECT_TRUE(HasFieldError(again, "mentee_member_id")) << again;
  EXPECT_EQ(Get("/api/v1/mentorships?group_id=1", &admin_).body.at("total"), 1);
  EXPECT_EQ(Get("/api/v1/mentorships", &admin_).status(), 400);  // group_id is required
}

// Seed 000: planning by deliberation chooses the time and the place too (the ecotik cycle met at
// a member's house with room for mondeng). The agreed options become the cycle's when it starts;
// an undecided or disagreed proposal holds it in planning.
TEST_P(Cycles, TheGroupChoosesTheTimeAndThePlaceByProposalsWhoseAgreedOptionsTheCycleTakes) {
  std::int64_t cycle = CreateCycle(PlannedCycle());
  ASSERT_EQ(Patch(CyclePath(cycle), {{"theme", "Ecotik"}}, leader_login_).status(), 200);
  std::int64_t schedule = Proposal({{"title", "Waktu belajar"},
                                    {"topic", "schedule"},
                                    {"options", json::array{"Selasa dan Jumat, 13.00-16.00", "Sabtu pagi"}}},
                                   leader_login_);
  std::int64_t venue = Proposal({{"title", "Tempat belajar"},
                                 {"topic", "venue"},
                                 {"options", json::array{"rumah Bu Painem: halaman luas untuk mondeng",
                                                         "balai desa"}}},
                                leader_login_);
  std::int64_t theme = Proposal({{"title", "Tema"}, {"topic", "learning_theme"}, {"options", json::array{"Ecotik"}}},
                                leader_login_);
  // A proposal on another topic, or none, is named in words; nothing is linked.
  EXPECT_TRUE(HasFieldError(Patch(CyclePath(cycle), {{"schedule_deliberation_id", venue}}, leader_login_),
                            "schedule_deliberation_id", "invalid_value"));
  EXPECT_TRUE(HasFieldError(Patch(CyclePath(cycle), {{"venue_deliberation_id", theme}}, leader_login_),
                            "venue_deliberation_id", "invalid_value"));
  EXPECT_TRUE(HasFieldError(Patch(CyclePath(cycle), {{"venue_deliberation_id", 9999}}, leader_login_),
                            "venue_deliberation_id", "not_found"));
  EXPECT_TRUE(Get(CyclePath(cycle), &admin_).body.at("venue_deliberation_id").is_null());

  Reply linked = Patch(CyclePath(cycle), {{"schedule_deliberation_id", schedule}, {"venue_deliberation_id", venue}},
                       leader_login_);
  ASSERT_EQ(linked.status(), 200) << linked;
  EXPECT_EQ(linked.body.at("schedule_deliberation_id"), schedule);
  EXPECT_EQ(linked.body.at("schedule_decision").at("title"), "Waktu belajar");
  EXPECT_EQ(linked.body.at("venue_decision").at("decided"), false);
  EXPECT_TRUE(linked.body.at("decision").is_null());  // the theme was written, not proposed
  Reply early = Transition(cycle, "implementation");
  EXPECT_EQ(early.status(), 409) << early;
  EXPECT_TRUE(HasFieldError(early, "schedule_deliberation_id", "not_held")) << early;
  EXPECT_TRUE(HasFieldError(early, "venue_deliberation_id", "not_held")) << early;

  // The schedule is agreed; the venue splits two against two, which is no agreement.
  std::int64_t tuesday = OptionId(schedule, 0, leader_login_);
  for (auto member : {leader_, secretary_, treasurer_, other_}) {
    ASSERT_EQ(Vote(schedule, {{"member_id", member}, {"option_id", tuesday}}, leader_login_).status(), 201);
  }
  std::int64_t house = OptionId(venue, 0, leader_login_), hall = OptionId(venue, 1, leader_login_);
  ASSERT_EQ(Vote(venue, {{"member_id", leader_}, {"option_id", house}}, leader_login_).status(), 201);
  ASSERT_EQ(Vote(venue, {{"member_id", secretary_}, {"option_id", house}}, leader_login_).status(), 201);
  ASSERT_EQ(Vote(venue, {{"member_id", treasurer_}, {"option_id", hall}}, leader_login_).status(), 201);
  ASSERT_EQ(Vote(venue, {{"member_id", other_}, {"option_id", hall}}, leader_login_).status(), 201);
  for (auto proposal : {schedule, venue}) {
    Reply decided = Post("/api/v1/groups/1/deliberations/" + std::to_string(proposal) + "/decide", {}, leader_login_);
    ASSERT_EQ(decided.status(), 200) << decided;
  }
  Reply split = Transition(cycle, "implementation");
  EXPECT_EQ(split.status(), 409) << split;
  EXPECT_EQ(split.field_errors(), (std::vector<std::string>{"venue_deliberation_id:not_agreed"})) << split;
  EXPECT_EQ(Get(CyclePath(cycle), &admin_).body.at("status"), "planning");

  // The group proposes the venue again and agrees this time.
  std::int64_t again = Proposal({{"title", "Tempat belajar (ulang)"},
                                 {"topic", "venue"},
                                 {"options", json::array{"rumah Bu Painem: halaman luas untuk mondeng"}}},
                                leader_login_);
  std::int64_t only = OptionId(again, 0, leader_login_);
  for (auto member : {leader_, secretary_, treasurer_, other_}) {
    ASSERT_EQ(Vote(again, {{"member_id", member}, {"option_id", only}}, leader_login_).status(), 201);
  }
  ASSERT_EQ(Post("/api/v1/groups/1/deliberations/" + std::to_string(again) + "/decide", {}, leader_login_).status(),
            200);
  ASSERT_EQ(Patch(CyclePath(cycle), {{"venue_deliberation_id", again}}, leader_login_).status(), 200);
  Reply started = Transition(cycle, "implementation");
  ASSERT_EQ(started.status(), 200) << started;
  EXPECT_EQ(started.body.at("time_allocation"), "Selasa dan Jumat, 13.00-16.00");
  EXPECT_EQ(started.body.at("venue"), "rumah Bu Painem: halaman luas untuk mondeng");
  EXPECT_EQ(started.body.at("venue_decision").at("agreed_option"), "rumah Bu Painem: halaman luas untuk mondeng");
  EXPECT_EQ(started.body.at("theme"), "Ecotik");
  // Under way, what the group chose stays chosen.
  EXPECT_TRUE(HasFieldError(Patch(CyclePath(cycle), {{"schedule_deliberation_id", nullptr}}, leader_login_),
                            "schedule_deliberation_id", "not_allowed"));
}

// Seed 000: the group chooses by deliberation what it will learn along with the theme. Each option
// of the theme's proposal names its competencies; the agreed option's become the cycle's targets
// when it starts, in place of the ones the planner wrote.
TEST_P(Cycles, TheAgreedThemesCompetenciesBecomeTheCyclesTargetsWhenItStarts) {
  std::int64_t packaging = CompetencyId("tape.kemasan");
  std::int64_t pricing = CompetencyId("usaha.harga");
  std::int64_t cycle = CreateCycle(PlannedCycle());  // the planner wrote yeast and cassava
  json::array options{
      json::object{{"label", "Tape kemasan daun untuk oleh-oleh"},
                   {"targets", json::array{json::object{{"competency_id", packaging}, {"level", 3}},
                                           json::object{{"competency_id", pricing}}}}},
      json::object{{"label", "Ragi sendiri"}, {"targets", json::array{json::object{{"competency_id", yeast_}}}}}};
  Reply proposed = Post("/api/v1/groups/1/deliberations",
                        {{"title", "Tema belajar"}, {"topic", "learning_theme"}, {"options", options}}, leader_login_);
  ASSERT_EQ(proposed.status(), 201) << proposed;
  const auto& first = proposed.body.at("options").as_array().at(0);
  ASSERT_EQ(first.at("targets").as_array().size(), 2u) << proposed;
  EXPECT_EQ(first.at("targets").as_array()[0].at("code"), "tape.kemasan");
  EXPECT_EQ(first.at("targets").as_array()[0].at("name"),
            "Mengemas tape");  // the catalogue's names, both
  EXPECT_EQ(first.at("targets").as_array()[0].at("name_en"), "Packaging tape");
  EXPECT_EQ(first.at("targets").as_array()[0].at("level"), 3);
  EXPECT_EQ(first.at("targets").as_array()[1].at("level"), 2);  // the default level
  std::int64_t theme = proposed.body.at("id").as_int64();
  // Members read what each option would have them learn.
  Reply read = Get("/api/v1/groups/1/deliberations/" + std::to_string(theme), &member_login_);
  ASSERT_EQ(read.status(), 200) << read;
  EXPECT_EQ(read.body.at("options").as_array().at(1).at("targets").as_array().at(0).at("competency_id"), yeast_);
  // The audit log keeps what each option would have them learn, as members voted on it.
  Reply log = Get("/api/v1/audit?entity=deliberation&entity_id=" + std::to_string(theme), &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  EXPECT_EQ(log.body.at("items").as_array().at(0).at("after").at("options"),
            "Tape kemasan daun untuk oleh-oleh (tape.kemasan 3, usaha.harga 2) | Ragi sendiri "
            "(tape.ragi 2)")
      << log;
  // Plain labels name nothing.
  std::int64_t plain = Proposal({{"title", "Waktu"}, {"topic", "schedule"}, {"options", json::array{"Sabtu"}}},
                                leader_login_);
  EXPECT_TRUE(Get("/api/v1/groups/1/deliberations/" + std::to_string(plain), &admin_)
                  .body.at("options").as_array().at(0).at("targets").as_array().empty());

  Reply linked = Patch(CyclePath(cycle), {{"deliberation_id", theme}}, leader_login_);
  ASSERT_EQ(linked.status(), 200) << linked;
  EXPECT_TRUE(linked.body.at("decision").at("agreed_targets").as_array().empty());  // nothing agreed yet
  std::int64_t leaf = OptionId(theme, 0, leader_login_);
  for (auto member : {leader_, secretary_, treasurer_, other_}) {
    ASSERT_EQ(Vote(theme, {{"member_id", member}, {"option_id", leaf}}, leader_login_).status(), 201);
  }
  ASSERT_EQ(Post("/api/v1/groups/1/deliberations/" + std::to_string(theme) + "/decide", {}, leader_login_).status(),
            200);
  Reply agreed = Get(CyclePath(cycle), &member_login_);
  ASSERT_EQ(agreed.body.at("decision").at("agreed_targets").as_array().size(), 2u) << agreed;
  EXPECT_EQ(agreed.body.at("targets").as_array().at(0).at("code"), "tape.ragi");  // the plan's, until it starts

  Reply started = Transition(cycle, "implementation");
  ASSERT_EQ(started.status(), 200) << started;
  EXPECT_EQ(started.body.at("theme"), "Tape kemasan daun untuk oleh-oleh");
  const auto& targets = started.body.at("targets").as_array();
  ASSERT_EQ(targets.size(), 2u) << started;
  EXPECT_EQ(targets[0].at("competency_id"), packaging);
  EXPECT_EQ(targets[0].at("level"), 3);
  EXPECT_EQ(targets[1].at("competency_id"), pricing);
  EXPECT_EQ(started.body.at("completion").at("targets"), 4);  // 2 mentees × the 2 agreed competencies
  // Stored, not only answered: the cycle read again, and evaluations name the agreed competencies.
  Reply stored = Get(CyclePath(cycle), &admin_);
  EXPECT_EQ(stored.body.at("targets").as_array().at(0).at("competency_id"), packaging);
  EXPECT_EQ(stored.body.at("targets").as_array().at(0).at("name_en"), "Packaging tape");
  EXPECT_TRUE(HasFieldError(Evaluate(cycle, member_, yeast_, true, {{"on_request", true}}), "competency_id",
                            "not_target"));
  EXPECT_EQ(Evaluate(cycle, member_, packaging, true, {{"on_request", true}, {"level", 3}}).status(), 201);
}

TEST_P(Cycles, WrongTargetsOnAProposalsOptionsAreRefusedByFieldAndNoProposalIsWritten) {
  std::int64_t packaging = CompetencyId("tape.kemasan");
  auto propose = [&](const std::string& topic, const json::array& targets) {
    json::array options{json::object{{"label", "Tape daun"}, {"targets", targets}},
                        json::object{{"label", "Ragi"}}};
    return Post("/api/v1/groups/1/deliberations", {{"title", "Tema"}, {"topic", topic}, {"options", options}},
                leader_login_);
  };
  auto one = [](const json::object& target) { return json::array{target}; };
  EXPECT_TRUE(HasFieldError(propose("venue", one({{"competency_id", packaging}})), "options", "targets_not_allowed"));
  EXPECT_TRUE(HasFieldError(propose("learning_theme", one({{"competency_id", 99999}})),
                            "options[0].targets[0].competency_id", "not_found"));
  EXPECT_TRUE(HasFieldError(propose("learning_theme", one({{"level", 2}})), "options[0].targets[0].competency_id",
                            "required"));
  EXPECT_TRUE(HasFieldError(propose("learning_theme", one({{"competency_id", packaging}, {"level", 4}})),
                            "options[0].targets[0].level", "out_of_range"));
  EXPECT_TRUE(HasFieldError(propose("learning_theme", json::array{json::object{{"competency_id", packaging}},
                                                                  json::object{{"competency_id", packaging}}}),
                            "options[0].targets[1].competency_id", "duplicate"));
  EXPECT_TRUE(HasFieldError(propose("learning_theme", one({{"competency_id", "kemasan"}})),
                            "options[0].targets[0].competency_id", "wrong_type"));
  EXPECT_TRUE(HasFieldError(propose("learning_theme", one({{"competency_id", packaging}, {"why", "x"}})),
                            "options[0].targets[0].why", "unknown_field"));
  Reply unlabelled = Post("/api/v1/groups/1/deliberations",
                          {{"title", "Tema"}, {"topic", "learning_theme"}, {"options", json::array{json::object{}}}},
                          leader_login_);
  EXPECT_TRUE(HasFieldError(unlabelled, "options[0]", "required")) << unlabelled;
  ASSERT_EQ(Write("PATCH", "/api/v1/competencies/" + std::to_string(packaging), json::object{{"retired", true}}, &admin_)
                .status(),
            200);
  EXPECT_TRUE(HasFieldError(propose("learning_theme", one({{"competency_id", packaging}})),
                            "options[0].targets[0].competency_id", "retired"));
  EXPECT_EQ(Get("/api/v1/groups/1/deliberations", &admin_).body.at("total"), 0);
  EXPECT_EQ(*test_database().QueryInt("SELECT COUNT(*) FROM deliberation_option_targets"), 0);
}

TEST_P(Cycles, TheGroupChoosesTheThemeByVoteThenLearnsByDoingAndClosesWithEveryMenteeEvaluated) {
  std::int64_t cycle = CreateCycle(PlannedCycle());
  Reply planned = Get(CyclePath(cycle), &member_login_);
  ASSERT_EQ(planned.status(), 200) << planned;
  EXPECT_EQ(planned.body.at("status"), "planning");
  EXPECT_EQ(planned.body.at("next_status"), "implementation");
  EXPECT_EQ(planned.body.at("mentor_name"), "Ibu Darmi");
  EXPECT_EQ(planned.body.at("targets").as_array().size(), 2u);
  EXPECT_EQ(planned.body.at("targets").as_array()[0].at("code"), "tape.ragi");
  EXPECT_EQ(planned.body.at("targets").as_array()[1].at("level"), 2);  // the default level
  EXPECT_EQ(planned.body.at("completion").at("targets"), 4);  // 2 mentees × 2 competencies
  EXPECT_EQ(planned.body.at("can_guide"), false);              // Painem reads, does not guide

  // Members propose themes; the group decides by vote (seed 000: ecotik was a market trend).
  std::int64_t proposal = Proposal({{"title", "Tema belajar musim ini"},
                                    {"topic", "learning_theme"},
                                    {"options", json::array{"Tape ketan hitam", "Tape singkong madu"}}},
                                   leader_login_);
  Reply linked = Patch(CyclePath(cycle), {{"deliberation_id", proposal}}, leader_login_);
  ASSERT_EQ(linked.status(), 200) << linked;
  EXPECT_EQ(linked.body.at("decision").at("decided"), false);
  Reply early = Transition(cycle, "implementation");
  EXPECT_EQ(early.status(), 409) << early;
  EXPECT_TRUE(HasFieldError(early, "deliberation_id", "not_held")) << early;

  std::int64_t honey = OptionId(proposal, 1, leader_login_);
  for (auto member : {leader_, secretary_, treasurer_, other_}) {
    ASSERT_EQ(Vote(proposal, {{"member_id", member}, {"option_id", honey}}, leader_login_).status(), 201);
  }
  ASSERT_EQ(Post("/api/v1/groups/1/deliberations/" + std::to_string(proposal) + "/decide", {}, leader_login_).status(),
            200);
  Reply started = Transition(cycle, "implementation");
  ASSERT_EQ(started.status(), 200) << started;
  EXPECT_EQ(started.body.at("status"), "implementation");
  EXPECT_EQ(started.body.at("theme"), "Tape singkong madu");  // the option the group agreed on
  EXPECT_EQ(started.body.at("decision").at("agreed_option"), "Tape singkong madu");
  // Under way, the plan stays.
  EXPECT_TRUE(HasFieldError(Patch(CyclePath(cycle), {{"mentees", json::array{}}}, leader_login_), "mentees",
                            "not_allowed"));

  // A learning-by-doing session is a meeting of the group, with its attendance.
  Reply session = Post(CyclePath(cycle, "/sessions"),
                       {{"held_on", "2026-01-03"},
                        {"practice", "memilih singkong, mengukus, menaburkan ragi"},
                        {"attendance", json::array{json::object{{"member_id", member_}, {"presence", "present"}},
                                                   json::object{{"member_id", other_}, {"presence", "present"}},
                                                   json::object{{"member_id", mentor_}, {"presence", "present"}}}}},
                       leader_login_);
  ASSERT_EQ(session.status(), 201) << session;
  const auto& held = session.body.at("sessions").as_array().at(0);
  EXPECT_EQ(held.at("present"), 3);
  EXPECT_EQ(held.at("venue"), "rumah Bu Sulastri: dapur luas");  // the cycle's venue
  std::int64_t meeting = held.at("meeting_id").as_int64();
  Reply minutes = Get("/api/v1/groups/1/meetings/" + std::to_string(meeting), &member_login_);
  ASSERT_EQ(minutes.status(), 200) << minutes;
  EXPECT_EQ(minutes.body.at("agenda"), "Belajar: Tape singkong madu");
  EXPECT_EQ(minutes.body.at("attendance").as_array().size(), 3u);

  // Painem asks to be evaluated on yeast before the sessions end.
  Reply asked = Evaluate(cycle, member_, yeast_, true, {{"on_request", true}, {"notes", "ragi jadi dalam 2 hari"}});
  ASSERT_EQ(asked.status(), 201) << asked;
  EXPECT_EQ(asked.body.at("evaluations").as_array().at(0).at("on_request"), true);

  ASSERT_EQ(Transition(cycle, "evaluation").status(), 200);
  ASSERT_EQ(Evaluate(cycle, member_, cassava_, true).status(), 201);
  ASSERT_EQ(Evaluate(cycle, other_, yeast_, true, {{"level", 3}}).status(), 201);

  // Tukini is not evaluated on cassava yet: the cycle does not close, and says what is missing.
  Reply refused = Transition(cycle, "closed");
  ASSERT_EQ(refused.status(), 409) << refused;
  const auto& errors = refused.body.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << refused;
  EXPECT_EQ(errors[0].at("field"), "evaluations");
  EXPECT_EQ(errors[0].at("code"), "missing_evaluation");
  EXPECT_EQ(errors[0].at("params").at("member"), "Tukini");
  EXPECT_EQ(std::string(errors[0].at("params").at("competency_id").as_string()), std::to_string(cassava_));
  EXPECT_EQ(Get(CyclePath(cycle), &admin_).body.at("status"), "evaluation");

  ASSERT_EQ(Evaluate(cycle, other_, cassava_, true).status(), 201);
  Reply closed = Transition(cycle, "closed");
  ASSERT_EQ(closed.status(), 200) << closed;
  EXPECT_EQ(closed.body.at("status"), "closed");
  EXPECT_TRUE(closed.body.at("next_status").is_null());
  EXPECT_EQ(closed.body.at("completion").at("achieved"), 4);  // seed 000: 100%
  EXPECT_EQ(closed.body.at("completion").at("targets"), 4);
  EXPECT_TRUE(closed.body.at("completion").at("missing").as_array().empty());
  EXPECT_EQ(Patch(CyclePath(cycle), {{"venue", "balai desa"}}, leader_login_).status(), 409);

  Reply list = Get("/api/v1/cycles?group_id=1", &member_login_);
  ASSERT_EQ(list.status(), 200) << list;
  EXPECT_EQ(list.body.at("items").as_array().at(0).at("session_count"), 1);
  EXPECT_EQ(list.body.at("items").as_array().at(0).at("completion").at("achieved"), 4);
  EXPECT_EQ(Get("/api/v1/cycles?group_id=1&status=planning", &member_login_).body.at("total"), 0);
}

TEST_P(Cycles, AMistakenEvaluationIsCorrectedUntilTheCycleClosesAndTheCorrectionIsAudited) {
  std::int64_t cycle = CycleUnderWay();
  ASSERT_EQ(Transition(cycle, "evaluation").status(), 200);
  Reply wrong = Evaluate(cycle, member_, yeast_, false, {{"notes", "belum jadi"}});
  ASSERT_EQ(wrong.status(), 201) << wrong;
  std::int64_t evaluation = wrong.body.at("evaluations").as_array().at(0).at("id").as_int64();
  EXPECT_EQ(wrong.body.at("completion").at("achieved"), 0);
  const std::string path = CyclePath(cycle, "/evaluations/" + std::to_string(evaluation));

  // Achieved needs a level; who and what was evaluated stay; a plain member does not correct.
  EXPECT_TRUE(HasFieldError(Patch(path, {{"achieved", true}}, Login("mentor")), "level", "required"));
  Reply moved = Patch(path, {{"member_id", other_}, {"competency_id", cassava_}, {"level", 9}}, Login("mentor"));
  EXPECT_TRUE(HasFieldError(moved, "member_id", "immutable")) << moved;
  EXPECT_TRUE(HasFieldError(moved, "competency_id", "immutable")) << moved;
  EXPECT_TRUE(HasFieldError(moved, "level", "out_of_range")) << moved;
  EXPECT_EQ(Patch(path, {{"achieved", true}, {"level", 2}}, member_login_).status(), 403);
  EXPECT_EQ(Patch(CyclePath(cycle, "/evaluations/999999"), {{"notes", "x"}}, Login("mentor")).status(), 404);
  EXPECT_EQ(Get(CyclePath(cycle), &admin_).body.at("completion").at("achieved"), 0);  // nothing written

  Reply corrected = Patch(path, {{"achieved", true}, {"level", 2}, {"notes", "ragi jadi, manis"}}, Login("mentor"));
  ASSERT_EQ(corrected.status(), 200) << corrected;
  const auto& now = corrected.body.at("evaluations").as_array().at(0);
  EXPECT_EQ(now.at("achieved"), true);
  EXPECT_EQ(now.at("level"), 2);
  EXPECT_EQ(now.at("notes"), "ragi jadi, manis");
  EXPECT_EQ(now.at("member_id"), member_);
  EXPECT_EQ(corrected.body.at("completion").at("achieved"), 1);
  Reply log = Get("/api/v1/audit?entity=evaluation&entity_id=" + std::to_string(evaluation), &admin_);
  ASSERT_EQ(log.status(), 200) << log;
  ASSERT_EQ(log.body.at("total"), 2) << log;
  const auto& update = log.body.at("items").as_array().at(0);
  EXPECT_EQ(update.at("action"), "update");
  EXPECT_EQ(update.at("before").at("achieved"), false);
  EXPECT_EQ(update.at("after").at("achieved"), true);

  ASSERT_EQ(Evaluate(cycle, member_, cassava_, true).status(), 201);
  ASSERT_EQ(Evaluate(cycle, other_, yeast_, true).status(), 201);
  ASSERT_EQ(Evaluate(cycle, other_, cassava_, false).status(), 201);
  ASSERT_EQ(Transition(cycle, "closed").status(), 200);
  Reply late = Patch(path, {{"achieved", false}}, Login("mentor"));
  EXPECT_EQ(late.status(), 409) << late;
  EXPECT_TRUE(HasFieldError(late, "status", "closed")) << late;
}

TEST_P(Cycles, ACycleMovesOnlyOneStepForwardAndOnlyWhenReady) {
  std::int64_t cycle = CreateCycle(PlannedCycle());
  Reply skip = Transition(cycle, "evaluation");
  EXPECT_EQ(skip.status(), 409) << skip;
  EXPECT_TRUE(HasFieldError(skip, "to", "invalid_transition")) << skip;
  EXPECT_EQ(skip.body.at("errors").as_array()[0].at("params").at("from"), "planning");
  EXPECT_TRUE(HasFieldError(Transition(cycle, "later"), "to", "invalid_value"));
  Reply no_theme = Transition(cycle, "implementation");
  EXPECT_TRUE(HasFieldError(no_theme, "theme", "required")) << no_theme;
  // Without targets or mentees, each is named.
  ASSERT_EQ(Patch(CyclePath(cycle), {{"theme", "Ragi"}, {"targets", json::array{}}, {"mentees", json::array{}}},
                  leader_login_).status(), 200);
  Reply empty = Transition(cycle, "implementation");
  EXPECT_TRUE(HasFieldError(empty, "targets", "required")) << empty;
  EXPECT_TRUE(HasFieldError(empty, "mentees", "required")) << empty;

  std::int64_t underway = CycleUnderWay();
  EXPECT_TRUE(HasFieldError(Transition(underway, "planning"), "to", "invalid_transition"));
  // A mentee not evaluated on request waits for the evaluation stage.
  Reply unasked = Evaluate(underway, member_, yeast_, true);
  EXPECT_EQ(unasked.status(), 409) << unasked;
  // No session, no evaluation stage.
  Reply fresh = Post("/api/v1/cycles", PlannedCycle(), leader_login_);
  std::int64_t sessionless = fresh.body.at("id").as_int64();
  ASSERT_EQ(Patch(CyclePath(sessionless), {{"theme", "Ragi"}}, leader_login_).status(), 200);
  ASSERT_EQ(Transition(sessionless, "implementation").status(), 200);
  EXPECT_TRUE(HasFieldError(Transition(sessionless, "evaluation"), "sessions", "required"));
}

TEST_P(Cycles, WrongPlansSessionsAndEvaluationsAreRefusedByFieldAndWriteNothing) {
  json::object bad = PlannedCycle();
  bad["targets"] = json::array{json::object{{"competency_id", yeast_}}, json::object{{"competency_id", yeast_}},
                               json::object{{"competency_id", 9999}}, json::object{{"competency_id", cassava_}, {"level", 4}}};
  bad["mentees"] = json::array{json::object{{"member_id", member_}}, json::object{{"member_id", member_}},
                               json::object{{"member_id", mentor_}}, json::object{{"member_id", 999}}};
  bad["planned_to"] = "2025-12-31";
  Reply refused = Post("/api/v1/cycles", bad, leader_login_);
  ASSERT_EQ(refused.status(), 400) << refused;
  EXPECT_TRUE(HasFieldError(refused, "targets[1].competency_id", "duplicate")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "targets[2].competency_id", "not_found")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "targets[3].level", "out_of_range")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "mentees[1].member_id", "duplicate")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "mentees[2].member_id", "same_person")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "mentees[3].member_id", "not_member")) << refused;
  EXPECT_TRUE(HasFieldError(refused, "planned_to", "after_to")) << refused;
  EXPECT_EQ(Post("/api/v1/cycles", PlannedCycle(), member_login_).status(), 403);  // a member does not plan
  EXPECT_EQ(Get("/api/v1/cycles?group_id=1", &admin_).body.at("total"), 0);

  // A retired competency is not offered for a new cycle.
  ASSERT_EQ(Write("PATCH", "/api/v1/competencies/" + std::to_string(cassava_), json::object{{"retired", true}}, &admin_)
                .status(),
            200);
  EXPECT_TRUE(HasFieldError(Post("/api/v1/cycles", PlannedCycle(), leader_login_), "targets[1].competency_id", "retired"));
  ASSERT_EQ(Write("PATCH", "/api/v1/competencies/" + std::to_string(cassava_), json::object{{"retired", false}}, &admin_)
                .status(),
            200);

  std::int64_t cycle = CycleUnderWay();
  Reply future = Post(CyclePath(cycle, "/sessions"), {{"held_on", "2026-02-01"}, {"practice", "x"}}, leader_login_);
  EXPECT_EQ(future.status(), 400) << future;
  Reply no_practice = Post(CyclePath(cycle, "/sessions"),
                           {{"held_on", "2026-01-04"},
                            {"attendance", json::array{json::object{{"member_id", 999}, {"presence", "present"}}}}},
                           leader_login_);
  EXPECT_TRUE(HasFieldError(no_practice, "practice", "required")) << no_practice;
  EXPECT_TRUE(HasFieldError(no_practice, "attendance[0].member_id", "not_member")) << no_practice;
  EXPECT_EQ(Post(CyclePath(cycle, "/sessions"), {{"held_on", "2026-01-04"}, {"practice", "x"}}, member_login_).status(),
            403);
  EXPECT_EQ(Get(CyclePath(cycle), &admin_).body.at("sessions").as_array().size(), 1u);

  ASSERT_EQ(Transition(cycle, "evaluation").status(), 200);
  std::int64_t bookkeeping = CompetencyId("usaha.pembukuan");
  EXPECT_TRUE(HasFieldError(Evaluate(cycle, member_, bookkeeping, true), "competency_id", "not_target"));
  EXPECT_TRUE(HasFieldError(Evaluate(cycle, secretary_, yeast_, true), "member_id", "not_mentee"));
  EXPECT_TRUE(HasFieldError(Evaluate(cycle, member_, yeast_, true, {{"level", nullptr}}), "level", "required"));
  EXPECT_TRUE(HasFieldError(Evaluate(cycle, member_, yeast_, true, {{"evaluated_on", "2026-02-01"}}), "evaluated_on",
                            "in_future"));
  EXPECT_EQ(Post(CyclePath(cycle, "/evaluations"), {{"member_id", member_}, {"competency_id", yeast_}, {"achieved", false}},
                 member_login_).status(),
            403);  // Painem does not evaluate herself
  ASSERT_EQ(Evaluate(cycle, member_, yeast_, false, {{"notes", "ragi belum jadi"}}).status(), 201);
  Reply twice = Evaluate(cycle, member_, yeast_, true);
  EXPECT_EQ(twice.status(), 409) << twice;
  Reply view = Get(CyclePath(cycle), &admin_);
  EXPECT_EQ(view.body.at("evaluations").as_array().size(), 1u);
  EXPECT_EQ(view.body.at("completion").at("achieved"), 0);
  EXPECT_EQ(view.body.at("completion").at("evaluated"), 1);
}

}  // namespace
}  // namespace gotong::api_tests

namespace gotong::api_tests {
namespace {

TEST_P(Cycles, TheOutcomesSetCommunityMentorsAgainstOutsideOnesOverClosedCyclesWithAttendance) {
  // A community cycle closed with every target reached, and an outside consultant's still under way.
  std::int64_t community = CycleUnderWay();
  ASSERT_EQ(Transition(community, "evaluation").status(), 200);
  for (auto member : {member_, other_}) {
    for (auto competency : {yeast_, cassava_}) {
      ASSERT_EQ(Evaluate(community, member, competency, !(member == other_ && competency == cassava_)).status(), 201);
    }
  }
  ASSERT_EQ(Transition(community, "closed").status(), 200);
  Reply consultant = Post("/api/v1/people", {{"name", "Dr. Bambang"}}, officer_);
  json::object outside = PlannedCycle();
  outside.erase("mentor_member_id");
  outside["mentor_person_id"] = consultant.body.at("id");
  outside["mentor_origin"] = "external";
  outside["theme"] = "Kemasan";
  std::int64_t external = CreateCycle(outside);
  ASSERT_EQ(Transition(external, "implementation").status(), 200);
  ASSERT_EQ(Post(CyclePath(external, "/sessions"),
                 {{"held_on", "2026-01-04"},
                  {"practice", "label kemasan"},
                  {"attendance", json::array{json::object{{"member_id", member_}, {"presence", "present"}},
                                             json::object{{"member_id", other_}, {"presence", "absent"}}}}},
                 leader_login_)
                .status(),
            201);

  Reply outcomes = Get("/api/v1/groups/1/learning-outcomes", &member_login_);
  ASSERT_EQ(outcomes.status(), 200) << outcomes;
  const auto& cycles = outcomes.body.at("cycles").as_array();
  ASSERT_EQ(cycles.size(), 2u);
  EXPECT_EQ(cycles[0].at("id"), external);  // newest first
  EXPECT_EQ(cycles[0].at("attendance_percent"), 50);
  EXPECT_EQ(cycles[1].at("completion_percent"), 75);  // 3 of 4
  EXPECT_EQ(cycles[1].at("planned_from"), "2026-01-01");
  EXPECT_EQ(cycles[1].at("mentees"), 2);
  EXPECT_EQ(cycles[1].at("sessions"), 1);
  const auto& origins = outcomes.body.at("by_origin").as_array();
  ASSERT_EQ(origins.size(), 2u);
  EXPECT_EQ(origins[0].at("origin"), "community");
  EXPECT_EQ(origins[0].at("closed"), 1);
  EXPECT_EQ(origins[0].at("completion_percent"), 75);
  EXPECT_EQ(origins[1].at("origin"), "external");
  EXPECT_EQ(origins[1].at("cycles"), 1);
  EXPECT_EQ(origins[1].at("closed"), 0);
  EXPECT_TRUE(origins[1].at("completion_percent").is_null());  // nothing closed: no figure yet
  EXPECT_EQ(origins[1].at("attendance_percent"), 50);
  EXPECT_EQ(Get("/api/v1/groups/1/learning-outcomes?x=1", &member_login_).status(), 400);
  EXPECT_EQ(Get("/api/v1/groups/2/learning-outcomes", &member_login_).status(), 404);
}

TEST_P(Cycles, TheOutcomesTimeHelpRequestsPerTheOriginOfTheMenteesMentorshipThatDay) {
  // Painem is mentored by Ibu Darmi (community); Tukini was too until November, and by an outside
  // consultant since December; Sutini has no mentor.
  auto pair = [&](json::object body) {
    body["group_id"] = 1;
    Reply reply = Post("/api/v1/mentorships", body, officer_);
    EXPECT_EQ(reply.status(), 201) << reply;
  };
  Reply consultant = Post("/api/v1/people", {{"name", "Dr. Bambang"}}, officer_);
  ASSERT_EQ(consultant.status(), 201) << consultant;
  pair({{"mentor_member_id", mentor_}, {"mentor_origin", "community"}, {"mentee_member_id", member_},
        {"started_on", "2025-07-01"}});
  pair({{"mentor_member_id", mentor_}, {"mentor_origin", "community"}, {"mentee_member_id", other_},
        {"started_on", "2025-01-01"}, {"ended_on", "2025-11-30"}});
  pair({{"mentor_person_id", consultant.body.at("id")}, {"mentor_origin", "external"}, {"mentee_member_id", other_},
        {"started_on", "2025-12-01"}});

  // Everyone signs in again after the clock moves (a session ends after 30 idle minutes).
  auto later = [&](int hours) {
    clock().Advance(std::chrono::hours(hours));
    admin_ = Login("admin");
    officer_ = Login("officer");
    leader_login_ = Login("group_leader");
    member_login_ = Login("member");
  };
  auto report = [&](json::object body, const Browser& as) -> std::int64_t {
    Reply reply = Post("/api/v1/help-requests", body, as);
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  };
  auto act = [&](std::int64_t id, const std::string& tail, json::object body, const Browser& as) {
    Reply reply = Post("/api/v1/help-requests/" + std::to_string(id) + tail, body, as);
    EXPECT_LT(reply.status(), 300) << tail << " " << reply;
  };
  std::int64_t painem = report({{"title", "Warna ecotik luntur"}}, member_login_);
  std::int64_t tukini = report({{"member_id", other_}, {"title", "Tape asam"}}, leader_login_);
  report({{"member_id", secretary_}, {"title", "Label luntur"}}, leader_login_);  // stays open
  later(2);
  act(painem, "/advice", {{"text", "Rendam lebih lama dengan tawas."}}, Login("mentor"));
  later(4);
  act(tukini, "/advice", {{"text", "Kurangi ragi."}}, admin_);
  later(2);
  act(painem, "/transitions", {{"to", "resolved"}}, member_login_);  // 8 hours after her report
  later(22);
  act(tukini, "/transitions", {{"to", "resolved"}}, admin_);  // 30 hours
  std::int64_t again = report({{"title", "Kain berjamur"}}, member_login_);
  later(4);
  act(again, "/advice", {{"text", "Jemur di tempat teduh."}}, Login("mentor"));
  later(6);
  act(again, "/transitions", {{"to", "abandoned"}}, member_login_);

  Reply outcomes = Get("/api/v1/groups/1/learning-outcomes", &member_login_);
  ASSERT_EQ(outcomes.status(), 200) << outcomes;
  const auto& all = outcomes.body.at("help_requests");
  EXPECT_EQ(all.at("total"), 4);
  EXPECT_EQ(all.at("open"), 1);
  EXPECT_EQ(all.at("advised"), 0);
  EXPECT_EQ(all.at("resolved"), 2);
  EXPECT_EQ(all.at("abandoned"), 1);
  // First advice after 2, 4 and 6 hours; resolution after 8 and 30.
  EXPECT_EQ(all.at("first_advice").at("count"), 3);
  EXPECT_EQ(all.at("first_advice").at("median_hours").as_double(), 4.0);
  EXPECT_EQ(all.at("first_advice").at("p90_hours").as_double(), 5.6);
  EXPECT_EQ(all.at("resolution").at("count"), 2);
  EXPECT_EQ(all.at("resolution").at("median_hours").as_double(), 19.0);
  EXPECT_EQ(all.at("resolution").at("p90_hours").as_double(), 27.8);

  const auto& origins = outcomes.body.at("by_origin").as_array();
  ASSERT_EQ(origins.size(), 2u);
  const auto& community = origins[0].at("help_requests");
  EXPECT_EQ(community.at("total"), 2);  // Painem's two
  EXPECT_EQ(community.at("resolved"), 1);
  EXPECT_EQ(community.at("abandoned"), 1);
  EXPECT_EQ(community.at("first_advice").at("median_hours").as_double(), 3.0);
  EXPECT_EQ(community.at("first_advice").at("p90_hours").as_double(), 3.8);
  EXPECT_EQ(community.at("resolution").at("count"), 1);
  EXPECT_EQ(community.at("resolution").at("median_hours").as_double(), 8.0);
  // Tukini's counts under her consultant of that day, not the community mentor she had before.
  const auto& external = origins[1].at("help_requests");
  EXPECT_EQ(external.at("total"), 1);
  EXPECT_EQ(external.at("first_advice").at("median_hours").as_double(), 6.0);
  EXPECT_EQ(external.at("resolution").at("median_hours").as_double(), 30.0);
  EXPECT_EQ(external.at("resolution").at("p90_hours").as_double(), 30.0);

  // No cycle ran: the cycle figures of the comparison stay empty beside the requests'.
  EXPECT_EQ(origins[1].at("cycles"), 0);
  EXPECT_TRUE(origins[1].at("completion_percent").is_null());
}

TEST_P(Cycles, TheOutcomesOfAGroupWithoutRequestsHaveNoTimes) {
  Reply outcomes = Get("/api/v1/groups/1/learning-outcomes", &member_login_);
  ASSERT_EQ(outcomes.status(), 200) << outcomes;
  EXPECT_TRUE(outcomes.body.at("cycles").as_array().empty());
  const auto& all = outcomes.body.at("help_requests");
  EXPECT_EQ(all.at("total"), 0);
  EXPECT_EQ(all.at("first_advice").at("count"), 0);
  EXPECT_TRUE(all.at("first_advice").at("median_hours").is_null());
  EXPECT_TRUE(all.at("resolution").at("p90_hours").is_null());
  for (const auto& side : outcomes.body.at("by_origin").as_array()) {
    EXPECT_EQ(side.at("help_requests").at("total"), 0);
  }
}

}  // namespace
}  // namespace gotong::api_tests
