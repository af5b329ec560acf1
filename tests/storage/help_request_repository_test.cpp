#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "domain/groups/cooperation.hpp"
#include "domain/mentoring/help_request.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using core::ErrorCode;
using domain::mentoring::Advice;
using domain::mentoring::Attempt;
using domain::mentoring::HelpActor;
using domain::mentoring::HelpPhoto;
using domain::mentoring::HelpRequest;
using domain::mentoring::HelpRequestFilter;
using domain::mentoring::HelpStatus;
using domain::mentoring::PhotoSize;

class HelpRequestRepository : public TwoGroupsTest {
 protected:
  void SetUp() override {
    TwoGroupsTest::SetUp();
    if (HasFatalFailure()) return;
    painem_ = AddMember(group_, "Painem");
    darmi_ = AddMember(group_, "Ibu Darmi");
    stranger_ = AddMember(other_group_, "Tukini");
    ASSERT_GT(stranger_, 0);
  }

  HelpRequest Request(const std::string& title, const char* at, std::int64_t group = 0,
                      std::int64_t member = 0) {
    HelpRequest r;
    r.group_id = group == 0 ? group_ : group;
    r.member_id = member == 0 ? painem_ : member;
    r.title = title;
    r.status = HelpStatus::kOpen;
    r.reported_by = HelpActor{std::nullopt, "system", r.member_id, ""};
    r.created_at = r.updated_at = T(at);
    return r;
  }
  std::int64_t Insert(const HelpRequest& request) {
    return Committed([&](UnitOfWork& unit) { return unit.HelpRequests().Insert(request); });
  }
  HelpRequest Find(std::int64_t id) {
    auto unit = Begin(Access::kRead);
    auto found = unit->HelpRequests().Find(id);
    EXPECT_TRUE(found.ok()) << found.error().message;
    return found.ok() ? *found : HelpRequest{};
  }
  void Update(const HelpRequest& request) {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit->HelpRequests().Update(request).ok());
    ASSERT_TRUE(unit->Commit().ok());
  }
  std::vector<std::string> Titles(const HelpRequestFilter& filter, int limit = 50, std::int64_t offset = 0) {
    auto unit = Begin(Access::kRead);
    auto page = unit->HelpRequests().List(filter, core::PageRequest{limit, offset});
    EXPECT_TRUE(page.ok()) << page.error().message;
    std::vector<std::string> titles;
    if (page.ok()) {
      for (const auto& r : page->items) titles.push_back(r.title);
    }
    return titles;
  }

  std::int64_t painem_ = 0, darmi_ = 0, stranger_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(HelpRequestRepository);

TEST_P(HelpRequestRepository, ReadsBackARequestWithItsNamesNullsAndCounts) {
  HelpRequest request = Request("Warna ecotik luntur", "2026-03-01T02:00:00Z");
  request.description = "Daun jati tidak mencetak.\nWarnanya pudar setelah dicuci.";
  std::int64_t id = Insert(request);
  ASSERT_GT(id, 0);
  HelpRequest found = Find(id);
  EXPECT_EQ(found.id, id);
  EXPECT_EQ(found.group_id, group_);
  EXPECT_EQ(found.member_id, painem_);
  EXPECT_EQ(found.member_name, "Painem");
  EXPECT_EQ(found.title, "Warna ecotik luntur");
  EXPECT_EQ(found.description, "Daun jati tidak mencetak.\nWarnanya pudar setelah dicuci.");
  EXPECT_EQ(found.competency_id, std::nullopt);
  EXPECT_EQ(found.competency_name, "");
  EXPECT_EQ(found.status, HelpStatus::kOpen);
  EXPECT_EQ(found.reported_by.username, "system");
  EXPECT_EQ(found.reported_by.member_id, painem_);
  EXPECT_EQ(found.reported_by.member_name, "Painem");
  EXPECT_EQ(found.closed_by, std::nullopt);
  EXPECT_EQ(found.first_advice_at, std::nullopt);
  EXPECT_EQ(found.closed_at, std::nullopt);
  EXPECT_EQ(found.knowledge_post_id, std::nullopt);
  EXPECT_EQ(found.created_at, T("2026-03-01T02:00:00Z"));
  EXPECT_EQ(found.advice_count, 0);
  EXPECT_EQ(found.attempt_count, 0);
  EXPECT_FALSE(found.has_photo);

  auto unit = Begin(Access::kRead);
  auto missing = unit->HelpRequests().Find(id + 100);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

TEST_P(HelpRequestRepository, AdviceAndSixAttemptsAreKeptInOrderAndTheClosingIsStored) {
  std::int64_t id = Insert(Request("Malam retak", "2026-03-01T02:00:00Z"));
  Committed([&](UnitOfWork& unit) {
    return unit.HelpRequests().InsertAdvice(
        Advice{0, id, HelpActor{std::nullopt, "mentor", darmi_, ""}, "Rebus malam lebih lama.", T("2026-03-01T05:00:00Z")});
  });
  for (int k = 1; k <= 6; ++k) {
    Attempt attempt;
    attempt.request_id = id;
    attempt.note = "Proses ulang ke-" + std::to_string(k);
    attempt.attempted_on = D("2026-03-02");
    attempt.recorded_by = HelpActor{std::nullopt, "member", painem_, ""};
    attempt.created_at = T("2026-03-02T01:00:00Z");
    Committed([&](UnitOfWork& unit) { return unit.HelpRequests().InsertAttempt(attempt); });
  }
  HelpRequest request = Find(id);
  EXPECT_EQ(request.advice_count, 1);
  EXPECT_EQ(request.attempt_count, 6);
  request.status = HelpStatus::kResolved;
  request.first_advice_at = T("2026-03-01T05:00:00Z");
  request.closed_at = T("2026-03-09T05:00:00Z");
  request.closed_by = HelpActor{std::nullopt, "mentor", darmi_, ""};
  request.close_note = "Sudah rapi.";
  request.updated_at = T("2026-03-09T05:00:00Z");
  Update(request);

  HelpRequest closed = Find(id);
  EXPECT_EQ(closed.status, HelpStatus::kResolved);
  ASSERT_TRUE(closed.closed_by.has_value());
  EXPECT_EQ(closed.closed_by->username, "mentor");
  EXPECT_EQ(closed.closed_by->member_name, "Ibu Darmi");
  EXPECT_EQ(closed.close_note, "Sudah rapi.");
  EXPECT_EQ(closed.TimeToFirstAdvice(), std::chrono::hours(3));
  EXPECT_EQ(closed.TimeToResolution(), std::chrono::hours(8 * 24 + 3));

  auto unit = Begin(Access::kRead);
  auto advice = unit->HelpRequests().AdviceOf(id);
  ASSERT_TRUE(advice.ok());
  ASSERT_EQ(advice->size(), 1u);
  EXPECT_EQ(advice->front().text, "Rebus malam lebih lama.");
  EXPECT_EQ(advice->front().author.member_name, "Ibu Darmi");
  auto attempts = unit->HelpRequests().AttemptsOf(id);
  ASSERT_TRUE(attempts.ok());
  ASSERT_EQ(attempts->size(), 6u);
  EXPECT_EQ(attempts->front().number, 1);
  EXPECT_EQ(attempts->back().number, 6);
  EXPECT_EQ(attempts->back().note, "Proses ulang ke-6");
  EXPECT_EQ(attempts->back().attempted_on, D("2026-03-02"));
}

TEST_P(HelpRequestRepository, AMentorSeesOpenFirstThenAdvisedEachLongestWaitingFirstThenTheClosed) {
  auto add = [&](const std::string& title, const char* at, HelpStatus status, const char* closed = nullptr) {
    HelpRequest r = Request(title, at);
    std::int64_t id = Insert(r);
    r.id = id;
    r.status = status;
    if (closed) r.closed_at = T(closed);
    Update(r);
  };
  add("advised new", "2026-03-05T00:00:00Z", HelpStatus::kAdvised);
  add("open new", "2026-03-04T00:00:00Z", HelpStatus::kOpen);
  add("resolved early", "2026-01-01T00:00:00Z", HelpStatus::kResolved, "2026-01-03T00:00:00Z");
  add("open old", "2026-02-01T00:00:00Z", HelpStatus::kOpen);
  add("abandoned late", "2026-01-02T00:00:00Z", HelpStatus::kAbandoned, "2026-02-20T00:00:00Z");
  add("advised old", "2026-02-02T00:00:00Z", HelpStatus::kAdvised);
  Insert(Request("other group's", "2026-01-01T00:00:00Z", other_group_, stranger_));

  HelpRequestFilter group;
  group.group_id = group_;
  EXPECT_EQ(Titles(group), (std::vector<std::string>{"open old", "open new", "advised old", "advised new",
                                                     "abandoned late", "resolved early"}));
  EXPECT_EQ(Titles(group, 2, 2), (std::vector<std::string>{"advised old", "advised new"}));

  HelpRequestFilter waiting = group;
  waiting.statuses = {HelpStatus::kOpen, HelpStatus::kAdvised};
  EXPECT_EQ(Titles(waiting), (std::vector<std::string>{"open old", "open new", "advised old", "advised new"}));

  HelpRequestFilter theirs;
  theirs.member_id = stranger_;
  EXPECT_EQ(Titles(theirs), (std::vector<std::string>{"other group's"}));
  HelpRequestFilter everything;
  EXPECT_EQ(Titles(everything).size(), 7u);
}

TEST_P(HelpRequestRepository, APhotoIsKeptByteForByteAndReplacedWhole) {
  std::int64_t id = Insert(Request("Cap tidak rata", "2026-03-01T02:00:00Z"));
  // Every byte value, so no encoding on the way loses a NUL or a high byte.
  std::string jpeg = "\xFF\xD8\xFF";
  for (int k = 0; k < 1000; ++k) jpeg += static_cast<char>(k % 256);
  HelpPhoto photo;
  photo.request_id = id;
  photo.image.photo = {jpeg, 1600, 1200};
  photo.image.thumbnail = {jpeg.substr(0, 101), 320, 240};
  photo.created_at = T("2026-03-01T02:01:00Z");
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit->HelpRequests().PutPhoto(photo).ok());
    ASSERT_TRUE(unit->Commit().ok());
  }
  EXPECT_TRUE(Find(id).has_photo);
  {
    auto unit = Begin(Access::kRead);
    auto full = unit->HelpRequests().Photo(id, PhotoSize::kFull);
    ASSERT_TRUE(full.ok()) << full.error().message;
    EXPECT_EQ(full->bytes, jpeg);
    EXPECT_EQ(full->width, 1600);
    EXPECT_EQ(full->height, 1200);
    auto small = unit->HelpRequests().Photo(id, PhotoSize::kThumbnail);
    ASSERT_TRUE(small.ok());
    EXPECT_EQ(small->bytes, jpeg.substr(0, 101));
    EXPECT_EQ(small->width, 320);
  }
  photo.image.photo = {jpeg.substr(0, 102), 1200, 1600};
  {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit->HelpRequests().PutPhoto(photo).ok());
    ASSERT_TRUE(unit->Commit().ok());
  }
  auto unit = Begin(Access::kRead);
  auto replaced = unit->HelpRequests().Photo(id, PhotoSize::kFull);
  ASSERT_TRUE(replaced.ok());
  EXPECT_EQ(replaced->bytes, jpeg.substr(0, 102));
  EXPECT_EQ(replaced->height, 1600);
  std::int64_t bare = Insert(Request("Tanpa foto", "2026-03-01T03:00:00Z"));
  auto none = unit->HelpRequests().Photo(bare, PhotoSize::kThumbnail);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kNotFound);
}

TEST_P(HelpRequestRepository, APhotoWrittenInAUnitThatIsNotCommittedLeavesNothing) {
  std::int64_t id = Insert(Request("Pola bergeser", "2026-03-01T02:00:00Z"));
  {
    auto unit = Begin(Access::kWrite);
    HelpPhoto photo;
    photo.request_id = id;
    photo.image.photo = {"\xFF\xD8\xFF\xE0", 10, 10};
    photo.image.thumbnail = {"\xFF\xD8\xFF\xE0", 10, 10};
    photo.created_at = T("2026-03-01T02:01:00Z");
    ASSERT_TRUE(unit->HelpRequests().PutPhoto(photo).ok());
    // The unit dies here, as a request killed half-way would.
  }
  EXPECT_FALSE(Find(id).has_photo);
}

TEST_P(HelpRequestRepository, ARequestIsLinkedToOnePostOnly) {
  domain::groups::KnowledgePost post;
  post.group_id = group_;
  post.member_id = painem_;
  post.title = "Malam retak";
  post.body = "Rebus malam lebih lama.";
  post.created_at = T("2026-03-10T00:00:00Z");
  std::int64_t post_id = Committed([&](UnitOfWork& unit) { return unit.Cooperation().InsertPost(post); });
  HelpRequest first = Request("Malam retak", "2026-03-01T02:00:00Z");
  first.id = Insert(first);
  first.knowledge_post_id = post_id;
  Update(first);
  EXPECT_EQ(Find(first.id).knowledge_post_id, post_id);
  HelpRequest second = Request("Malam retak lagi", "2026-03-01T03:00:00Z");
  second.id = Insert(second);
  second.knowledge_post_id = post_id;
  auto unit = Begin(Access::kWrite);
  EXPECT_FALSE(unit->HelpRequests().Update(second).ok());
}

}  // namespace
}  // namespace gotong::storage_tests
