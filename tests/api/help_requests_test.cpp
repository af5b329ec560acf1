// Help requests (incidental learning, seed 000): a mentee reports a failure with a photo from her
// phone, the group's mentor advises, she logs her reworks and resolves it, and the answer becomes a
// knowledge post of the group. Wrong input and wrong callers are refused with nothing written.
#include <vips/vips.h>

#include <algorithm>
#include <memory>

#include "api/group_fixture.hpp"
#include "domain/mentoring/help_request.hpp"
#include "domain/mentoring/help_request_service.hpp"
#include "domain/programmes/assistance.hpp"
#include "domain/programmes/exits.hpp"

namespace gotong::api_tests {
namespace {

// A phone's JPEG: `width` × `height`, with the GPS position of its owner's home in its EXIF.
std::string PhoneJpeg(int width, int height) {
  EXPECT_TRUE(io::StartImageLibrary().ok());
  VipsImage* black = nullptr;
  EXPECT_EQ(vips_black(&black, width, height, "bands", 3, nullptr), 0);
  VipsImage* grey = nullptr;
  EXPECT_EQ(vips_linear1(black, &grey, 1.0, 120.0, "uchar", TRUE, nullptr), 0);
  g_object_unref(black);
  vips_image_set_string(grey, "exif-ifd2-GPSLatitude", "7 50 10.5");
  vips_image_set_string(grey, "exif-ifd2-GPSLatitudeRef", "S");
  vips_image_set_string(grey, "exif-ifd0-Make", "PhoneMakerX");
  void* buffer = nullptr;
  std::size_t size = 0;
  EXPECT_EQ(vips_jpegsave_buffer(grey, &buffer, &size, nullptr), 0);
  g_object_unref(grey);
  std::string bytes(static_cast<const char*>(buffer), size);
  g_free(buffer);
  return bytes;
}

// Every repository of the real unit, but Commit fails: the process dies after its writes and
// before its commit, and the unit rolls back as it goes.
class KilledBeforeCommit final : public domain::Database {
 public:
  explicit KilledBeforeCommit(domain::Database& real) : real_(real) {}
  core::Result<std::unique_ptr<domain::UnitOfWork>> Begin(domain::Access access) override {
    GOTONG_ASSIGN_OR_RETURN(auto unit, real_.Begin(access));
    return std::unique_ptr<domain::UnitOfWork>(new Unit(std::move(unit)));
  }
  std::string_view Backend() const override { return real_.Backend(); }
  core::Status Ping() override { return real_.Ping(); }

 private:
  class Unit final : public domain::UnitOfWork {
   public:
    explicit Unit(std::unique_ptr<domain::UnitOfWork> inner) : inner_(std::move(inner)) {}
    domain::accounts::UserRepository& Users() override { return inner_->Users(); }
    domain::accounts::SessionRepository& Sessions() override { return inner_->Sessions(); }
    domain::accounts::ApiTokenRepository& ApiTokens() override { return inner_->ApiTokens(); }
    domain::regions::RegionRepository& Regions() override { return inner_->Regions(); }
    domain::registry::StakeholderRepository& Stakeholders() override { return inner_->Stakeholders(); }
    domain::registry::PersonRepository& People() override { return inner_->People(); }
    domain::registry::EnterpriseRepository& Enterprises() override { return inner_->Enterprises(); }
    domain::registry::BulkRegistryWriter& Bulk() override { return inner_->Bulk(); }
    domain::registry::ImportRepository& Imports() override { return inner_->Imports(); }
    domain::groups::GroupRepository& Groups() override { return inner_->Groups(); }
    domain::groups::MeetingRepository& Meetings() override { return inner_->Meetings(); }
    domain::groups::DeliberationRepository& Deliberations() override { return inner_->Deliberations(); }
    domain::groups::TreasuryRepository& Treasury() override { return inner_->Treasury(); }
    domain::groups::CooperationRepository& Cooperation() override { return inner_->Cooperation(); }
    domain::mentoring::CompetencyRepository& Competencies() override { return inner_->Competencies(); }
    domain::mentoring::MentorshipRepository& Mentorships() override { return inner_->Mentorships(); }
    domain::mentoring::CycleRepository& Cycles() override { return inner_->Cycles(); }
    domain::mentoring::SurveyRepository& Surveys() override { return inner_->Surveys(); }
    domain::mentoring::HelpRequestRepository& HelpRequests() override { return inner_->HelpRequests(); }
    domain::mentoring::MatchingRunRepository& MatchingRuns() override { return inner_->MatchingRuns(); }
    domain::programmes::ProgrammeRepository& Programmes() override { return inner_->Programmes(); }
    domain::programmes::EnrolmentRepository& Enrolments() override { return inner_->Enrolments(); }
    domain::programmes::AssistanceRepository& Assistance() override { return inner_->Assistance(); }
    domain::programmes::TargetingRepository& Targeting() override { return inner_->Targeting(); }
    domain::registry::HouseholdRepository& Households() override { return inner_->Households(); }
    domain::programmes::ExitRepository& Exits() override { return inner_->Exits(); }
    domain::programmes::DashboardRepository& Dashboards() override { return inner_->Dashboards(); }
    domain::idempotency::IdempotencyRepository& Idempotency() override { return inner_->Idempotency(); }
    domain::audit::AuditLog& Audit() override { return inner_->Audit(); }
    core::Status Commit() override { return core::Error::Unavailable("killed before the commit (test)"); }

   private:
    std::unique_ptr<domain::UnitOfWork> inner_;
  };

  domain::Database& real_;
};

class HelpRequests : public GroupTest {
 protected:
  void SetUp() override {
    GroupTest::SetUp();
    if (HasFatalFailure()) return;
    SeedGroup();
    if (HasFatalFailure()) return;
    mentee_ = Login("member");       // Painem
    mentor_account_ = Login("mentor");  // Ibu Darmi, the group's mentor
    leader_account_ = Login("group_leader");
    facilitator_ = Login("facilitator");
  }

  // The clock moved on by `by`; everyone signs in again (a session ends after 30 idle minutes).
  void Later(std::chrono::seconds by) {
    clock().Advance(by);
    admin_ = Login("admin");
    officer_ = Login("officer");
    mentee_ = Login("member");
    mentor_account_ = Login("mentor");
    leader_account_ = Login("group_leader");
    facilitator_ = Login("facilitator");
  }

  static std::string Path(std::int64_t id, const std::string& tail = "") {
    return "/api/v1/help-requests/" + std::to_string(id) + tail;
  }

  std::int64_t Report(const json::object& body, const Browser& as) {
    Reply reply = Post("/api/v1/help-requests", body, as);
    EXPECT_EQ(reply.status(), 201) << reply;
    if (reply.status() != 201) return 0;
    return reply.body.at("id").as_int64();
  }

  Reply SendPhoto(std::int64_t id, const std::string& bytes, const Browser& as,
                  const std::string& type = "image/jpeg") {
    return services().Send("POST", Path(id, "/photo"), bytes,
                           {{"Content-Type", type}, {"Cookie", as.cookie}, {"X-CSRF-Token", as.csrf}});
  }

  std::int64_t AuditCount(const std::string& entity, std::int64_t id) {
    Reply log = Get("/api/v1/audit?entity=" + entity + "&entity_id=" + std::to_string(id), &admin_);
    EXPECT_EQ(log.status(), 200) << log;
    return log.status() == 200 ? log.body.at("total").as_int64() : -1;
  }

  std::int64_t PostCount() {
    Reply posts = Get("/api/v1/groups/1/posts", &mentee_);
    EXPECT_EQ(posts.status(), 200) << posts;
    return posts.status() == 200 ? posts.body.at("total").as_int64() : -1;
  }

  static std::vector<std::string> Titles(const Reply& list) {
    std::vector<std::string> titles;
    for (const auto& item : list.body.at("items").as_array()) titles.emplace_back(item.at("title").as_string());
    return titles;
  }

  // A second group, with one member, kept by the same officer.
  std::int64_t OtherGroupsMember() {
    Reply group = Post("/api/v1/groups",
                       {{"name", "Batik Tulis Lestari"},
                        {"kind", "learning_community"},
                        {"sector", "batik"},
                        {"village_code", kBanjarsari},
                        {"origin", "self_initiated"}},
                       officer_);
    EXPECT_EQ(group.status(), 201) << group;
    Reply member = Post("/api/v1/groups/2/members",
                        {{"person", {{"name", "Warsini"}, {"gender", "female"}, {"village_code", kBanjarsari}}},
                         {"role", "member"},
                         {"joined_on", "2020-01-01"}},
                        officer_);
    EXPECT_EQ(member.status(), 201) << member;
    return member.status() == 201 ? member.body.at("id").as_int64() : 0;
  }

  Browser mentee_, mentor_account_, leader_account_, facilitator_;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(HelpRequests);

TEST_P(HelpRequests, AMenteeIsAdvisedReworksSixTimesResolvesAndSharesTheAnswerWithTheGroup) {
  const std::int64_t ragi = CompetencyId("tape.ragi");
  Reply reported = Post("/api/v1/help-requests",
                        {{"title", "  Tape terlalu asam  "},
                         {"description", "Sudah tiga hari diperam.\nRasanya asam, tidak manis."},
                         {"competency_id", ragi}},
                        mentee_);
  ASSERT_EQ(reported.status(), 201) << reported;
  const std::int64_t id = reported.body.at("id").as_int64();
  EXPECT_EQ(std::string(reported.header("Location")), Path(id));
  EXPECT_EQ(reported.body.at("group_id"), 1);
  EXPECT_EQ(reported.body.at("member").at("id"), member_);
  EXPECT_EQ(reported.body.at("member").at("name"), "Painem");
  EXPECT_EQ(reported.body.at("title"), "Tape terlalu asam");
  EXPECT_EQ(reported.body.at("competency").at("id"), ragi);
  EXPECT_EQ(reported.body.at("competency").at("name"), "Fermentasi dengan ragi");
  EXPECT_EQ(reported.body.at("status"), "open");
  EXPECT_EQ(reported.body.at("reported_by").at("username"), "member");
  EXPECT_EQ(reported.body.at("reported_by").at("member").at("id"), member_);
  EXPECT_TRUE(reported.body.at("photo").is_null());
  EXPECT_TRUE(reported.body.at("seconds_to_first_advice").is_null());
  const auto& can = reported.body.at("can");
  EXPECT_EQ(can.at("advise"), false);  // not on her own request
  EXPECT_EQ(can.at("attempt"), false);  // not before advice
  EXPECT_EQ(can.at("resolve"), false);
  EXPECT_EQ(can.at("abandon"), true);
  EXPECT_EQ(can.at("photo"), true);

  // The mentor sees it, advises three hours later.
  Reply seen = Get(Path(id), &mentor_account_);
  ASSERT_EQ(seen.status(), 200) << seen;
  EXPECT_EQ(seen.body.at("can").at("advise"), true);
  EXPECT_EQ(seen.body.at("can").at("attempt"), false);
  Later(std::chrono::hours(3));
  Reply advised = Post(Path(id, "/advice"),
                       {{"text", "Kurangi ragi jadi setengah butir per kilo.\nPeram cukup dua hari."}},
                       mentor_account_);
  ASSERT_EQ(advised.status(), 201) << advised;
  EXPECT_EQ(advised.body.at("status"), "advised");
  EXPECT_EQ(advised.body.at("seconds_to_first_advice"), 3 * 3600);
  ASSERT_EQ(advised.body.at("advice").as_array().size(), 1u);
  const auto& advice = advised.body.at("advice").as_array()[0];
  EXPECT_EQ(advice.at("author").at("username"), "mentor");
  EXPECT_EQ(advice.at("author").at("member").at("name"), "Ibu Darmi");
  EXPECT_EQ(advice.at("text"), "Kurangi ragi jadi setengah butir per kilo.\nPeram cukup dua hari.");

  // Seed 000: the piece was re-processed six times.
  for (int k = 1; k <= 6; ++k) {
    Later(std::chrono::hours(20));
    Reply attempt = Post(Path(id, "/attempts"), {{"note", "Proses ulang ke-" + std::to_string(k)}}, mentee_);
    ASSERT_EQ(attempt.status(), 201) << attempt;
    EXPECT_EQ(attempt.body.at("attempt_count"), k);
  }
  Reply detail = Get(Path(id), &mentee_);
  const auto& attempts = detail.body.at("attempts").as_array();
  ASSERT_EQ(attempts.size(), 6u);
  EXPECT_EQ(attempts[0].at("number"), 1);
  EXPECT_EQ(attempts[5].at("number"), 6);
  EXPECT_EQ(attempts[5].at("note"), "Proses ulang ke-6");
  EXPECT_EQ(attempts[5].at("recorded_by").at("username"), "member");
  EXPECT_EQ(detail.body.at("can").at("resolve"), true);

  Later(std::chrono::hours(1));
  Reply resolved = Post(Path(id, "/transitions"), {{"to", "resolved"}, {"note", "Manis, tidak asam lagi."}}, mentee_);
  ASSERT_EQ(resolved.status(), 200) << resolved;
  EXPECT_EQ(resolved.body.at("status"), "resolved");
  EXPECT_EQ(resolved.body.at("seconds_to_resolution"), (3 + 6 * 20 + 1) * 3600);
  EXPECT_EQ(resolved.body.at("closed_by").at("username"), "member");
  EXPECT_EQ(resolved.body.at("close_note"), "Manis, tidak asam lagi.");
  EXPECT_EQ(resolved.body.at("can").at("share"), true);
  EXPECT_EQ(resolved.body.at("can").at("attempt"), false);

  const std::int64_t posts_before = PostCount();
  Reply shared = Post(Path(id, "/share"), {{"title", "Agar tape tidak asam"}}, mentee_);
  ASSERT_EQ(shared.status(), 201) << shared;
  EXPECT_EQ(shared.body.at("kind"), "fix");
  EXPECT_EQ(shared.body.at("title"), "Agar tape tidak asam");
  EXPECT_EQ(shared.body.at("body"), "Kurangi ragi jadi setengah butir per kilo.\nPeram cukup dua hari.");
  EXPECT_EQ(shared.body.at("member").at("name"), "Painem");
  const std::int64_t post_id = shared.body.at("id").as_int64();
  EXPECT_EQ(PostCount(), posts_before + 1);
  Reply posts = Get("/api/v1/groups/1/posts", &leader_account_);
  EXPECT_EQ(posts.body.at("items").as_array()[0].at("title"), "Agar tape tidak asam");

  Reply linked = Get(Path(id), &mentor_account_);
  EXPECT_EQ(linked.body.at("knowledge_post_id"), post_id);
  EXPECT_EQ(linked.body.at("can").at("share"), false);
  Reply again = Post(Path(id, "/share"), {}, mentor_account_);
  EXPECT_EQ(again.status(), 409) << again;
  EXPECT_TRUE(HasFieldError(again, "knowledge_post_id", "already_shared"));
  EXPECT_EQ(PostCount(), posts_before + 1);

  // Every step is in the log: report, advise, six attempts, resolve, share.
  EXPECT_EQ(AuditCount("help_request", id), 10);
  EXPECT_EQ(AuditCount("knowledge_post", post_id), 1);
}

TEST_P(HelpRequests, AMentorSeesOpenRequestsFirstAndAMemberHerOwn) {
  const std::int64_t old_open = Report({{"title", "Kemasan bocor"}}, mentee_);
  Later(std::chrono::hours(1));
  const std::int64_t advised = Report({{"title", "Singkong keras"}}, mentee_);
  Later(std::chrono::hours(1));
  const std::int64_t newer_open = Report({{"member_id", other_}, {"title", "Ragi tidak jadi"}}, leader_account_);
  Later(std::chrono::hours(1));
  const std::int64_t closed = Report({{"title", "Label luntur"}}, mentee_);
  ASSERT_GT(closed, 0);
  ASSERT_EQ(Post(Path(advised, "/advice"), {{"text", "Pilih singkong umur 8 bulan."}}, mentor_account_).status(), 201);
  ASSERT_EQ(Post(Path(closed, "/transitions"), {{"to", "abandoned"}}, mentee_).status(), 200);
  (void)old_open;
  (void)newer_open;

  Reply queue = Get("/api/v1/help-requests?group_id=1", &mentor_account_);
  ASSERT_EQ(queue.status(), 200) << queue;
  EXPECT_EQ(Titles(queue), (std::vector<std::string>{"Kemasan bocor", "Ragi tidak jadi", "Singkong keras",
                                                     "Label luntur"}));
  EXPECT_TRUE(queue.body.at("items").as_array()[0].at("photo").is_null());
  EXPECT_EQ(queue.body.at("items").as_array()[2].at("advice_count"), 1);
  Reply waiting = Get("/api/v1/help-requests?status=open,advised", &mentor_account_);
  EXPECT_EQ(Titles(waiting), (std::vector<std::string>{"Kemasan bocor", "Ragi tidak jadi", "Singkong keras"}));
  Reply open = Get("/api/v1/help-requests?group_id=1&status=open&limit=1", &mentor_account_);
  EXPECT_EQ(open.body.at("total"), 2);
  EXPECT_EQ(Titles(open), (std::vector<std::string>{"Kemasan bocor"}));

  Reply mine = Get("/api/v1/help-requests?mine=true", &mentee_);
  ASSERT_EQ(mine.status(), 200) << mine;
  EXPECT_EQ(Titles(mine), (std::vector<std::string>{"Kemasan bocor", "Singkong keras", "Label luntur"}));
  Reply hers = Get("/api/v1/help-requests?group_id=1&member_id=" + std::to_string(other_), &mentee_);
  EXPECT_EQ(Titles(hers), (std::vector<std::string>{"Ragi tidak jadi"}));

  // Outside the group: the steward's officer and the programme's facilitator reach it, an admin
  // everything; an admin acts as no member, so has no requests of her own.
  EXPECT_EQ(Get("/api/v1/help-requests", &officer_).body.at("total"), 4);
  EXPECT_EQ(Get("/api/v1/help-requests", &facilitator_).body.at("total"), 4);
  EXPECT_EQ(Get("/api/v1/help-requests", &admin_).body.at("total"), 4);
  Reply admin_mine = Get("/api/v1/help-requests?group_id=1&mine=true", &admin_);
  EXPECT_EQ(admin_mine.status(), 400) << admin_mine;
  EXPECT_TRUE(HasFieldError(admin_mine, "mine", "not_member"));

  Reply bad = Get("/api/v1/help-requests?status=waiting", &mentor_account_);
  EXPECT_EQ(bad.status(), 400);
  EXPECT_TRUE(HasFieldError(bad, "status", "invalid_value"));
  EXPECT_EQ(Get("/api/v1/help-requests?colour=red", &mentor_account_).status(), 400);
  EXPECT_EQ(Get("/api/v1/help-requests?group_id=99", &mentor_account_).status(), 404);
}

TEST_P(HelpRequests, OnlyLegalTransitionsAreTakenAndAClosedRequestStaysClosed) {
  const std::int64_t id = Report({{"title", "Tape berair"}}, mentee_);
  Reply early = Post(Path(id, "/attempts"), {{"note", "Coba lagi"}}, mentee_);
  EXPECT_EQ(early.status(), 409) << early;
  EXPECT_TRUE(HasFieldError(early, "status", "open"));
  Reply unadvised = Post(Path(id, "/transitions"), {{"to", "resolved"}}, mentee_);
  EXPECT_EQ(unadvised.status(), 409) << unadvised;
  EXPECT_TRUE(HasFieldError(unadvised, "status", "open"));
  Reply reopen = Post(Path(id, "/transitions"), {{"to", "open"}}, mentee_);
  EXPECT_EQ(reopen.status(), 400);
  EXPECT_TRUE(HasFieldError(reopen, "to", "invalid_value"));
  EXPECT_TRUE(HasFieldError(Post(Path(id, "/transitions"), {}, mentee_), "to", "required"));
  Reply share_open = Post(Path(id, "/share"), {}, mentee_);
  EXPECT_EQ(share_open.status(), 409);
  EXPECT_TRUE(HasFieldError(share_open, "status", "open"));

  ASSERT_EQ(Post(Path(id, "/advice"), {{"text", "Tiriskan lebih lama."}}, mentor_account_).status(), 201);
  Reply future = Post(Path(id, "/attempts"), {{"note", "Besok"}, {"attempted_on", "2026-01-07"}}, mentee_);
  EXPECT_EQ(future.status(), 400);
  EXPECT_TRUE(HasFieldError(future, "attempted_on", "in_future"));
  Reply blank = Post(Path(id, "/attempts"), {{"note", "   "}}, mentee_);
  EXPECT_TRUE(HasFieldError(blank, "note", "required"));
  Reply dated = Post(Path(id, "/attempts"), {{"note", "Kemarin"}, {"attempted_on", "2026-01-04"}}, mentee_);
  ASSERT_EQ(dated.status(), 201) << dated;
  EXPECT_EQ(dated.body.at("attempts").as_array()[0].at("attempted_on"), "2026-01-04");

  ASSERT_EQ(Post(Path(id, "/transitions"), {{"to", "abandoned"}}, mentor_account_).status(), 200);
  for (const auto& [path, body] : std::vector<std::pair<std::string, json::object>>{
           {"/advice", {{"text", "Lagi"}}},
           {"/attempts", {{"note", "Lagi"}}},
           {"/transitions", {{"to", "resolved"}}},
           {"/transitions", {{"to", "abandoned"}}},
           {"/share", {}}}) {
    Reply refused = Post(Path(id, path), body, path == "/advice" ? mentor_account_ : mentee_);
    EXPECT_EQ(refused.status(), 409) << path << ": " << refused;
    EXPECT_TRUE(HasFieldError(refused, "status", "abandoned")) << path << ": " << refused;
  }
  Reply photo = SendPhoto(id, PhoneJpeg(200, 100), mentee_);
  EXPECT_EQ(photo.status(), 409) << photo;

  // An open request may be withdrawn before anyone advises.
  const std::int64_t withdrawn = Report({{"title", "Salah kirim"}}, mentee_);
  Reply abandoned = Post(Path(withdrawn, "/transitions"), {{"to", "abandoned"}}, mentee_);
  ASSERT_EQ(abandoned.status(), 200) << abandoned;
  EXPECT_TRUE(abandoned.body.at("seconds_to_resolution").is_null());
  EXPECT_FALSE(abandoned.body.at("closed_at").is_null());
}

TEST_P(HelpRequests, EachCallerDoesOnlyWhatTheirPlaceInTheGroupAllows) {
  const std::int64_t id = Report({{"title", "Cap batik tidak rata"}}, mentee_);
  // A plain member of the group, with an account of her own.
  const std::int64_t sumini_user = CreateUser("sumini", Role::kMember);
  const std::int64_t sumini = AddMember("Sumini", "member", sumini_user);
  ASSERT_GT(sumini, 0);
  Browser plain = Login("sumini");

  // Everyone who reaches the group reads it: its requests are open to its members.
  for (const Browser* reader : {&plain, &leader_account_, &officer_, &facilitator_, &admin_}) {
    Reply read = Get(Path(id), reader);
    EXPECT_EQ(read.status(), 200) << read;
  }
  Reply not_advice = Post(Path(id, "/advice"), {{"text", "Menurut saya..."}}, plain);
  EXPECT_EQ(not_advice.status(), 403) << not_advice;
  EXPECT_EQ(Get(Path(id), &plain).body.at("can").at("advise"), false);
  EXPECT_EQ(Post(Path(id, "/advice"), {{"text", "Saya sendiri"}}, mentee_).status(), 403);
  EXPECT_EQ(Post(Path(id, "/advice"), {{"text", "Sebagai ketua"}}, leader_account_).status(), 403);
  EXPECT_EQ(Post(Path(id, "/transitions"), {{"to", "abandoned"}}, plain).status(), 403);
  EXPECT_EQ(SendPhoto(id, PhoneJpeg(100, 100), plain).status(), 403);

  // The programme's facilitator advises from outside the group; the mentor too.
  Reply outside = Post(Path(id, "/advice"), {{"text", "Panaskan cap lebih lama."}}, facilitator_);
  ASSERT_EQ(outside.status(), 201) << outside;
  EXPECT_TRUE(outside.body.at("advice").as_array()[0].at("author").at("member").is_null());
  ASSERT_EQ(Post(Path(id, "/advice"), {{"text", "Malam harus cair betul."}}, mentor_account_).status(), 201);
  EXPECT_EQ(Post(Path(id, "/attempts"), {{"note", "Bukan saya"}}, plain).status(), 403);
  EXPECT_EQ(Post(Path(id, "/attempts"), {{"note", "Dicatat ketua"}}, leader_account_).status(), 201);

  // Reporting for another member: the leader and the overseers may, a plain member may not.
  EXPECT_EQ(Post("/api/v1/help-requests", {{"member_id", member_}, {"title", "Untuk Painem"}}, plain).status(), 403);
  EXPECT_GT(Report({{"group_id", 1}, {"member_id", sumini}, {"title", "Untuk Sumini"}}, officer_), 0);
  Reply no_member = Post("/api/v1/help-requests", {{"group_id", 1}, {"title", "Siapa?"}}, officer_);
  EXPECT_EQ(no_member.status(), 400);
  EXPECT_TRUE(HasFieldError(no_member, "member_id", "required"));
  Reply no_group = Post("/api/v1/help-requests", {{"member_id", member_}, {"title", "Di mana?"}}, admin_);
  EXPECT_TRUE(HasFieldError(no_group, "group_id", "required"));

}

TEST_P(HelpRequests, AnotherGroupsMemberAndWrongFieldsAreRefusedNamingTheField) {
  const std::int64_t stranger = OtherGroupsMember();
  ASSERT_GT(stranger, 0);
  Reply theirs = Post("/api/v1/help-requests", {{"group_id", 1}, {"member_id", stranger}, {"title", "Bukan anggota"}},
                      leader_account_);
  EXPECT_EQ(theirs.status(), 400) << theirs;
  EXPECT_TRUE(HasFieldError(theirs, "member_id", "not_member"));

  Reply wrong = Post("/api/v1/help-requests",
                     {{"title", std::string(121, 'a')},
                      {"description", std::string(4001, 'b')},
                      {"competency_id", 9999}},
                     mentee_);
  EXPECT_EQ(wrong.status(), 400) << wrong;
  EXPECT_TRUE(HasFieldError(wrong, "title", "too_long"));
  EXPECT_TRUE(HasFieldError(wrong, "description", "too_long"));
  EXPECT_TRUE(HasFieldError(wrong, "competency_id", "not_found"));
  Reply batik = Post("/api/v1/help-requests", {{"title", "Canting"}, {"competency_id", CompetencyId("batik.canting")}},
                     mentee_);
  EXPECT_TRUE(HasFieldError(batik, "competency_id", "other_sector")) << batik;
  EXPECT_TRUE(HasFieldError(Post("/api/v1/help-requests", {}, mentee_), "title", "required"));
  Reply unknown = Post("/api/v1/help-requests", {{"title", "x"}, {"colour", "red"}}, mentee_);
  EXPECT_EQ(unknown.status(), 400);
  EXPECT_EQ(Get("/api/v1/help-requests?group_id=1", &mentee_).body.at("total"), 0);

  // A request of another group is out of reach of this group's accounts.
  const std::int64_t theirs_id = Report({{"group_id", 2}, {"member_id", stranger}, {"title", "Pola geser"}}, officer_);
  Reply out = Get(Path(theirs_id), &mentee_);
  EXPECT_EQ(out.status(), 403) << out;
  EXPECT_EQ(Post(Path(theirs_id, "/advice"), {{"text", "x"}}, mentor_account_).status(), 403);
  EXPECT_EQ(Get(Path(theirs_id, "/photo"), &mentee_).status(), 403);
  EXPECT_EQ(Get(Path(987654), &mentee_).status(), 404);
  EXPECT_EQ(Get("/api/v1/help-requests/abc", &mentee_).status(), 404);
}

TEST_P(HelpRequests, APhonePhotoIsKeptWithoutItsExifAndServedPrivately) {
  const std::int64_t id = Report({{"title", "Warna ecotik luntur"}}, mentee_);
  std::string sent = PhoneJpeg(3200, 2400);
  ASSERT_NE(sent.find("PhoneMakerX"), std::string::npos);
  // The type a phone's browser claims does not count; the bytes do.
  Reply added = SendPhoto(id, sent, mentee_, "application/octet-stream");
  ASSERT_EQ(added.status(), 200) << added;
  EXPECT_EQ(std::string(added.body.at("photo").at("url").as_string()), Path(id, "/photo"));
  EXPECT_EQ(std::string(added.body.at("photo").at("thumbnail_url").as_string()), Path(id, "/thumbnail"));

  Reply photo = Get(Path(id, "/photo"), &mentor_account_);
  ASSERT_EQ(photo.status(), 200);
  EXPECT_EQ(photo.header("Content-Type"), "image/jpeg");
  EXPECT_EQ(photo.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(photo.header("Cache-Control").substr(0, 7), "private");
  const std::string& kept = photo.response.body;
  EXPECT_EQ(io::SniffImage(kept), io::ImageFormat::kJpeg);
  EXPECT_EQ(kept.find("Exif"), std::string::npos);
  EXPECT_EQ(kept.find("GPS"), std::string::npos);
  EXPECT_EQ(kept.find("PhoneMakerX"), std::string::npos);
  VipsImage* decoded = vips_image_new_from_buffer(kept.data(), kept.size(), "", nullptr);
  ASSERT_NE(decoded, nullptr);
  EXPECT_EQ(vips_image_get_width(decoded), 1600);
  EXPECT_EQ(vips_image_get_height(decoded), 1200);
  g_object_unref(decoded);
  Reply thumbnail = Get(Path(id, "/thumbnail"), &leader_account_);
  ASSERT_EQ(thumbnail.status(), 200);
  EXPECT_LT(thumbnail.response.body.size(), kept.size());
  EXPECT_EQ(Get(Path(id, "/photo")).status(), 401);

  // A second photo replaces the first; the list says it has one.
  ASSERT_EQ(SendPhoto(id, PhoneJpeg(600, 800), mentee_).status(), 200);
  Reply list = Get("/api/v1/help-requests?group_id=1", &mentor_account_);
  EXPECT_FALSE(list.body.at("items").as_array()[0].at("photo").is_null());
  Reply log = Get("/api/v1/audit?entity=help_request&entity_id=" + std::to_string(id), &admin_);
  EXPECT_EQ(log.body.at("items").as_array()[0].at("action"), "replace_photo");
  EXPECT_EQ(log.body.at("items").as_array()[1].at("action"), "add_photo");

  const std::int64_t bare = Report({{"title", "Tanpa foto"}}, mentee_);
  EXPECT_EQ(Get(Path(bare, "/thumbnail"), &mentee_).status(), 404);
}

TEST_P(HelpRequests, WhatIsNotAPhotoIsRefusedAndNothingIsKept) {
  const std::int64_t id = Report({{"title", "Tape berjamur"}}, mentee_);
  auto refused = [&](const std::string& bytes, int status, const std::string& code) {
    Reply reply = SendPhoto(id, bytes, mentee_);
    EXPECT_EQ(reply.status(), status) << code << ": " << reply;
    EXPECT_TRUE(HasFieldError(reply, "photo", code)) << reply;
  };
  // A text file renamed foto.jpg, sent as image/jpeg.
  refused("Ini bukan foto, hanya catatan belanja.\n", 400, "not_an_image");
  const std::string whole = PhoneJpeg(1200, 900);
  refused(whole.substr(0, whole.size() / 2), 400, "unreadable");
  refused("", 400, "required");
  std::string huge(services().help_requests.MaxPhotoBytes() + 1, '\0');
  huge.replace(0, 3, "\xFF\xD8\xFF");
  Reply too_large = SendPhoto(id, huge, mentee_);
  EXPECT_EQ(too_large.status(), 413) << too_large;
  EXPECT_EQ(too_large.problem(), "payload-too-large");
  ASSERT_TRUE(HasFieldError(too_large, "photo", "too_large"));
  EXPECT_EQ(too_large.body.at("errors").as_array()[0].at("params").at("max_megabytes"), "10");

  Reply still = Get(Path(id), &mentee_);
  EXPECT_TRUE(still.body.at("photo").is_null());
  EXPECT_EQ(Get(Path(id, "/photo"), &mentee_).status(), 404);
  EXPECT_EQ(AuditCount("help_request", id), 1);  // the report alone
}

TEST_P(HelpRequests, ATooLargePhotoIsRefusedFromItsLengthBeforeItsBodyIsRead) {
  const std::int64_t id = Report({{"title", "Motif pecah"}}, mentee_);
  api::Request request;
  request.method = "POST";
  request.target = Path(id, "/photo");
  request.headers = {{"Content-Type", "image/jpeg"},
                     {"Content-Length", std::to_string(services().help_requests.MaxPhotoBytes() + 1)},
                     {"Cookie", mentee_.cookie},
                     {"X-CSRF-Token", mentee_.csrf}};
  request.request_id = "admit-1";
  auto refusal = services().app.Admit(request);
  ASSERT_TRUE(refusal.has_value());
  EXPECT_EQ(refusal->status, 413);
  EXPECT_NE(refusal->body.find("\"too_large\""), std::string::npos);
  EXPECT_NE(refusal->body.find("\"photo\""), std::string::npos);

  // Within the limit it is admitted, and the transport is told the limit.
  request.headers[1].second = "250000";
  EXPECT_FALSE(services().app.Admit(request).has_value());
  EXPECT_EQ(request.body_limit, services().help_requests.MaxPhotoBytes());
  // No one who is not signed in gets as far as sending the body.
  api::Request anonymous = request;
  anonymous.headers = {{"Content-Length", "250000"}};
  auto unauthenticated = services().app.Admit(anonymous);
  ASSERT_TRUE(unauthenticated.has_value());
  EXPECT_EQ(unauthenticated->status, 401);
}

TEST_P(HelpRequests, AWriteKilledBeforeItsCommitLeavesNoPartialRecords) {
  const std::int64_t id = Report({{"title", "Malam retak"}}, mentee_);
  ASSERT_EQ(Post(Path(id, "/advice"), {{"text", "Campur malam tawon."}}, mentor_account_).status(), 201);
  ASSERT_EQ(Post(Path(id, "/transitions"), {{"to", "resolved"}}, mentee_).status(), 200);
  const std::int64_t posts = PostCount();
  const std::int64_t logged = AuditCount("help_request", id);

  KilledBeforeCommit dying(db());
  domain::mentoring::HelpRequestService service(dying, clock(), services().photos);
  domain::accounts::Context as_painem;
  as_painem.principal = domain::accounts::Principal{UserId("member"), "member", Role::kMember,
                                                    domain::accounts::Scope{domain::accounts::ScopeKind::kGroup, 1}};
  auto shared = service.Share(as_painem, id, {});
  ASSERT_FALSE(shared.ok());
  EXPECT_EQ(PostCount(), posts);
  EXPECT_TRUE(Get(Path(id), &mentee_).body.at("knowledge_post_id").is_null());

  const std::int64_t open = Report({{"title", "Foto belum ada"}}, mentee_);
  auto photo = service.AttachPhoto(as_painem, open, PhoneJpeg(400, 300));
  ASSERT_FALSE(photo.ok());
  EXPECT_TRUE(Get(Path(open), &mentee_).body.at("photo").is_null());
  domain::mentoring::HelpRequestInput input;
  input.title = std::optional<std::string>("Tidak tersimpan");
  ASSERT_FALSE(service.Report(as_painem, input).ok());
  EXPECT_EQ(Get("/api/v1/help-requests?group_id=1", &mentee_).body.at("total"), 2);
  EXPECT_EQ(AuditCount("help_request", id), logged);

  // The same share, not killed, goes through whole.
  ASSERT_EQ(Post(Path(id, "/share"), {}, mentee_).status(), 201);
  EXPECT_EQ(PostCount(), posts + 1);
}

TEST_P(HelpRequests, ARetriedReportWithTheSameKeyIsKeptOnce) {
  api::Headers headers{{"Content-Type", "application/json"},
                       {"Cookie", mentee_.cookie},
                       {"X-CSRF-Token", mentee_.csrf},
                       {"Idempotency-Key", "6c1e2a8f-4f5e-4bb0-9d7a-2f3e9a1b0c11"}};
  const std::string body = json::serialize(json::object{{"title", "Sinyal lemah, terkirim dua kali"}});
  Reply first = services().Send("POST", "/api/v1/help-requests", body, headers);
  Reply second = services().Send("POST", "/api/v1/help-requests", body, headers);
  ASSERT_EQ(first.status(), 201) << first;
  EXPECT_EQ(second.status(), 201);
  EXPECT_EQ(second.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(second.body.at("id"), first.body.at("id"));
  EXPECT_EQ(Get("/api/v1/help-requests?mine=true", &mentee_).body.at("total"), 1);
}

}  // namespace
}  // namespace gotong::api_tests
