// `gotong demo`'s groups: seed 001's tape group and seed 000's batik community, loaded through
// the real services into a fresh SQLite registry, hold the facts the seeds report.
#include "app/demo_data.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>

#include "app/runtime_fixture.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/mentoring/help_request_service.hpp"

namespace gotong::app {
namespace {

using domain::accounts::Context;

class DemoGroupsTest : public RuntimeTest {
 protected:
  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(RuntimeTest::SetUp());
    ASSERT_OK(LoadDemoStakeholders(*runtime_));
    // As `gotong demo` does: its accounts exist before the groups' history is written.
    ASSERT_OK(runtime_->accounts->CreateUser(system_, {"mentor", "Mentor Komunitas", "mentor",
                                                       "kata-sandi-panjang-sekali", std::nullopt}));
    auto loaded = LoadDemoGroups(*runtime_);
    ASSERT_TRUE(loaded.ok()) << loaded.error().message;
    groups_ = *loaded;
  }

  // The demo is dated back from the day it runs.
  domain::groups::Month Back(int months) const {
    return domain::groups::MonthsBefore(domain::groups::Month::Of(today_), months);
  }

  DemoGroups groups_;
  Context system_ = Context::System("test");
  core::Date today_ = core::DayInIndonesia(core::SystemClock{}.Now());
};

TEST_F(DemoGroupsTest, TheTapeGroupMetTwiceAMonthWhereItsSopAskedOnceForTwoYearsEndingThisMonth) {
  ASSERT_GT(groups_.tape_group, 0);
  auto view = runtime_->meetings->Compliance(system_, groups_.tape_group, Back(23).ToString(),
                                             Back(0).ToString());
  ASSERT_TRUE(view.ok()) << view.error().message;
  ASSERT_EQ(view->months.size(), 24u);
  for (const auto& month : view->months) EXPECT_EQ(month.compliance.percent, 200) << month.compliance.month.ToString();
  // The view a leader opens first (the twelve months to this one) shows the seed's 200%.
  auto first_view = runtime_->meetings->Compliance(system_, groups_.tape_group, std::nullopt, std::nullopt);
  ASSERT_TRUE(first_view.ok());
  EXPECT_EQ(first_view->held, 2 * first_view->required);
  EXPECT_EQ(first_view->required, 12);
  auto meetings = runtime_->meetings->ListMeetings(system_, groups_.tape_group, std::nullopt, std::nullopt, {1, 0});
  ASSERT_TRUE(meetings.ok());
  ASSERT_EQ(meetings->items.size(), 1u);
  EXPECT_LE(meetings->items.front().held_on, today_) << "no meeting after today";
  EXPECT_EQ(meetings->total, 48);
  auto group = runtime_->groups->GetGroup(system_, groups_.tape_group);
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group->group.status, domain::groups::GroupStatus::kActive);
  EXPECT_EQ(group->group.origin, domain::groups::Origin::kProgrammeFormed);  // YBM BRILiaN's programme
  EXPECT_TRUE(group->group.legality.has_value());                           // the village resolution
}

TEST_F(DemoGroupsTest, TheTapeGroupAgreedItsMarketAreasButNotAUniformPrice) {
  auto norms = runtime_->deliberations->Norms(system_, groups_.tape_group);
  ASSERT_TRUE(norms.ok());
  ASSERT_EQ(norms->size(), 1u);
  EXPECT_EQ(norms->front().topic, domain::groups::Topic::kMarketAreas);
  auto deliberations = runtime_->deliberations->ListDeliberations(system_, groups_.tape_group, {50, 0});
  ASSERT_TRUE(deliberations.ok());
  ASSERT_EQ(deliberations->total, 2);
  for (const auto& d : deliberations->items) {
    if (d.topic == domain::groups::Topic::kPrice) {
      EXPECT_EQ(d.outcome, domain::groups::Outcome::kNotAgreed);
    }
    // Decided at the group's meetings inside its history, not on the day the demo ran.
    ASSERT_TRUE(d.decided_on.has_value());
    EXPECT_LT(*d.decided_on, Back(18).FirstDay()) << d.title;
    EXPECT_GE(*d.decided_on, Back(23).FirstDay()) << d.title;
  }
  auto areas = runtime_->cooperation->Areas(system_, groups_.tape_group, false);
  ASSERT_TRUE(areas.ok());
  EXPECT_EQ(areas->areas.size(), 5u);
  EXPECT_TRUE(areas->overlaps.empty());
}

TEST_F(DemoGroupsTest, TheTreasuryBalancesWithAShopFromAidAndTwoMembersInArrears) {
  auto statement = runtime_->treasury->GetStatement(system_, groups_.tape_group, Back(23).FirstDay().ToString(),
                                                    today_.ToString());
  ASSERT_TRUE(statement.ok()) << statement.error().message;
  EXPECT_TRUE(statement->balanced);
  auto assets = runtime_->treasury->Assets(system_, groups_.tape_group);
  ASSERT_TRUE(assets.ok());
  ASSERT_EQ(assets->size(), 2u);  // the shop, and the equipment YBM gave a year on
  for (const auto& asset : *assets) EXPECT_EQ(asset.source, domain::groups::AssetSource::kAid);
  auto shop = std::find_if(assets->begin(), assets->end(),
                           [](const auto& a) { return a.kind == domain::groups::AssetKind::kShop; });
  ASSERT_NE(shop, assets->end());
  EXPECT_GT(shop->sales, shop->purchases);
  // The shop traded this month too, up to today: its stock bought and its sales recorded.
  auto this_month = runtime_->treasury->ListEntries(system_, groups_.tape_group, Back(0).FirstDay().ToString(),
                                                    std::nullopt, std::nullopt, {100, 0});
  ASSERT_TRUE(this_month.ok()) << this_month.error().message;
  std::map<domain::groups::EntryKind, core::Date> latest_of;
  for (const auto& entry : this_month->items) {
    if (entry.asset_id != shop->id) continue;
    EXPECT_LE(entry.date, today_) << "no trade after today";
    auto& day = latest_of[entry.kind];
    day = std::max(day, entry.date);
  }
  // Its month's sales on the 28th, or today before that.
  const core::Date sale_day = std::min(today_, core::Date{today_.year, today_.month, 28});
  ASSERT_TRUE(latest_of.contains(domain::groups::EntryKind::kShopSale)) << "the shop sold this month";
  EXPECT_EQ(latest_of[domain::groups::EntryKind::kShopSale], sale_day);
  ASSERT_TRUE(latest_of.contains(domain::groups::EntryKind::kPurchase)) << "the shop bought stock this month";
  EXPECT_LE(latest_of[domain::groups::EntryKind::kPurchase], sale_day);
  // Through this month only the two members who fell behind owe anything: the demo filled
  // every month it shows.
  auto fees = runtime_->treasury->Fees(system_, groups_.tape_group, Back(0).ToString());
  ASSERT_TRUE(fees.ok());
  auto in_arrears = std::count_if(fees->members.begin(), fees->members.end(),
                                  [](const auto& row) { return row.arrears > 0; });
  EXPECT_EQ(in_arrears, 2);
  EXPECT_EQ(fees->arrears, 2 * 6 * 10'000);
  auto purchases = runtime_->cooperation->Purchases(system_, groups_.tape_group, {50, 0});
  ASSERT_TRUE(purchases.ok());
  // Cassava bought together when it was scarce four months ago, and again this month: the
  // latest purchase is in the current month, never after today.
  ASSERT_EQ(purchases->items.size(), 2u);
  const auto& latest = purchases->items.front();
  EXPECT_EQ(latest.purchased_on, std::min(today_, core::Date{today_.year, today_.month, 3}));
  const auto& cassava = purchases->items.back();
  EXPECT_EQ(domain::groups::Month::Of(cassava.purchased_on), Back(4));
  EXPECT_EQ(domain::groups::Saving(cassava.alone_price, cassava.group_price, cassava.quantity), 640'000);
  auto board = runtime_->cooperation->Materials(system_, groups_.tape_group);
  ASSERT_TRUE(board.ok());
  ASSERT_EQ(board->matches.size(), 1u);
  EXPECT_EQ(board->matches.front().quantity, 60);
}

TEST_F(DemoGroupsTest, TheBatikCommunityHasTheElevenInformantsOfTableOne) {
  ASSERT_GT(groups_.batik_community, 0);
  auto members = runtime_->groups->ListMembers(system_, groups_.batik_community, true, {50, 0});
  ASSERT_TRUE(members.ok());
  ASSERT_EQ(members->total, 11);
  auto find = [&](const std::string& name) {
    return *std::find_if(members->items.begin(), members->items.end(),
                         [&](const auto& m) { return m.person_name == name; });
  };
  EXPECT_EQ(find("AD").role, domain::groups::MemberRole::kLeader);
  EXPECT_TRUE(find("AD").mentor);
  EXPECT_EQ(find("DW").role, domain::groups::MemberRole::kTreasurer);
  EXPECT_EQ(find("JA").role, domain::groups::MemberRole::kSecretary);
  EXPECT_EQ(find("JA").joined_on.year, 2013);  // before the founding, as the paper says
  EXPECT_EQ(find("SA").joined_on.year, 2020);
  // Only the year is known, and the record says so.
  EXPECT_EQ(find("SA").joined_precision, domain::groups::DatePrecision::kYear);
  // Ages in the year of study (2022) as birth years; other ventures as an enterprise of her own
  // where they are a business, as her occupation otherwise.
  auto person = [&](const std::string& name) {
    auto found = runtime_->registry->GetPerson(system_, find(name).person_id);
    EXPECT_TRUE(found.ok());
    return found.ok() ? found->person : domain::registry::Person{};
  };
  EXPECT_EQ(person("AD").birth_year, 1972);
  EXPECT_EQ(person("AD").occupation, "mentor batik");
  EXPECT_EQ(person("AV").birth_year, 2002);
  EXPECT_EQ(person("NA").occupation, "karyawan");
  EXPECT_EQ(find("DW").enterprise_name, "Rias Pengantin DW");
  EXPECT_EQ(find("AN").enterprise_name, "Warung Makan AN");
  EXPECT_FALSE(person("DW").occupation.has_value());
  auto orders = runtime_->cooperation->Orders(system_, groups_.batik_community, {50, 0});
  ASSERT_TRUE(orders.ok());
  ASSERT_EQ(orders->items.size(), 1u);
  EXPECT_LT(orders->items.front().due_on, today_) << "past its deadline with nothing delivered";
  std::int64_t split = 0;
  for (const auto& share : orders->items.front().shares) {
    EXPECT_LE(share.quantity, share.capacity);
    split += share.quantity;
  }
  EXPECT_EQ(split, 240);
  auto posts = runtime_->cooperation->Posts(system_, groups_.batik_community, {50, 0});
  ASSERT_TRUE(posts.ok());
  EXPECT_EQ(posts->total, 5);  // four shared that year, and DW's fix from her help request
  for (const auto& post : posts->items) {
    EXPECT_LT(post.post.created_at, runtime_->clock.Now() - std::chrono::days(20)) << post.post.title;
  }
}

TEST_F(DemoGroupsTest, TheBatikCommunityMeetsSoItsPageDoesNotSayNoMeetings) {
  auto view = runtime_->meetings->Compliance(system_, groups_.batik_community, std::nullopt, std::nullopt);
  ASSERT_TRUE(view.ok()) << view.error().message;
  EXPECT_EQ(view->held, 15);  // a learning meeting every month, and the ecotik cycle's three sessions
  EXPECT_EQ(view->required, 12);
}

TEST_F(DemoGroupsTest, TheBatikCommunityChoseEcotikAndAdsHouseByVoteLearntItWithAdAndEveryMenteeReachedIt) {
  domain::mentoring::CycleQuery query;
  query.group_id = groups_.batik_community;
  auto cycles = runtime_->cycles->List(system_, query);
  ASSERT_TRUE(cycles.ok()) << cycles.error().message;
  ASSERT_EQ(cycles->total, 1);
  const auto& cycle = cycles->items.front();
  EXPECT_EQ(cycle.cycle.status, domain::mentoring::CycleStatus::kClosed);
  EXPECT_EQ(cycle.cycle.theme, "Ecotik");  // the option the members voted for
  EXPECT_EQ(cycle.cycle.mentor_name, "AD");
  EXPECT_EQ(cycle.cycle.mentor_origin, domain::mentoring::MentorOrigin::kCommunity);
  EXPECT_EQ(cycle.sessions, 3);
  EXPECT_EQ(cycle.targets, 10);  // five mentees × ecotik and mondeng
  EXPECT_EQ(cycle.achieved, cycle.targets) << "seed 000 reports 100% completion";
  auto view = runtime_->cycles->Get(system_, cycle.cycle.id);
  ASSERT_TRUE(view.ok());
  ASSERT_TRUE(view->decision.has_value());
  EXPECT_EQ(view->decision->agreed_option, "Ecotik");
  // Held where the members chose: AD's house, its yard large enough for mondeng.
  ASSERT_TRUE(view->venue_decision.has_value());
  EXPECT_EQ(view->venue_decision->agreed_option, "Rumah Bu AD: halaman luas untuk mondeng");
  EXPECT_EQ(cycle.cycle.venue, "Rumah Bu AD: halaman luas untuk mondeng");
  for (const auto& session : view->sessions) EXPECT_LT(session.held_on, today_);
  domain::mentoring::MentorshipQuery pairs;
  pairs.group_id = groups_.batik_community;
  pairs.active_only = true;
  auto mentorships = runtime_->mentorships->List(system_, pairs);
  ASSERT_TRUE(mentorships.ok());
  EXPECT_EQ(mentorships->total, 10);  // AD mentors every other member
}

TEST_F(DemoGroupsTest, TableOnesMembersAnsweredSeed000sQuestionnairesAndTwoOpenAnswersAreCoded) {
  auto surveys = runtime_->surveys->List(system_, groups_.batik_community, {50, 0});
  ASSERT_TRUE(surveys.ok()) << surveys.error().message;
  ASSERT_EQ(surveys->total, 4);
  std::map<std::string, std::int64_t> responses, ids;
  for (const auto& survey : surveys->items) {
    responses[survey.template_code] = survey.responses;
    ids[survey.template_code] = survey.id;
  }
  EXPECT_EQ(responses["seed000.perception"], 10);  // every mentee of AD
  EXPECT_EQ(responses["seed000.benefits"], 10);
  EXPECT_EQ(responses["values"], 11);              // the mentor too: matching reads both sides
  EXPECT_EQ(responses["seed000.open"], 2);         // JU and DW, in the paper's words
  auto benefits = runtime_->surveys->Get(system_, ids["seed000.benefits"]);
  ASSERT_TRUE(benefits.ok());
  EXPECT_EQ(benefits->summary.front().checked, 10) << "competence first, as in Figure 2";
  auto coding = runtime_->surveys->Coding(system_, ids["seed000.open"]);
  ASSERT_TRUE(coding.ok()) << coding.error().message;
  EXPECT_EQ(coding->tags.size(), 6u);
  for (const auto& f : coding->analysis.frequencies) {
    for (const auto& c : coding->codes) {
      if (c.id == f.code_id && c.code == "saling_membantu") {
        EXPECT_EQ(f.responses, 2);
      }
    }
  }
}

TEST_F(DemoGroupsTest, AnOutsideConsultantTaughtBatuAndNotEveryMenteeReachedEveryTarget) {
  domain::mentoring::CycleQuery query;
  query.group_id = groups_.batu_group;
  auto cycles = runtime_->cycles->List(system_, query);
  ASSERT_TRUE(cycles.ok()) << cycles.error().message;
  ASSERT_EQ(cycles->total, 1);
  const auto& cycle = cycles->items.front();
  EXPECT_EQ(cycle.cycle.mentor_origin, domain::mentoring::MentorOrigin::kExternal);
  EXPECT_FALSE(cycle.cycle.mentor_member_id.has_value());
  EXPECT_EQ(cycle.cycle.status, domain::mentoring::CycleStatus::kClosed);
  EXPECT_EQ(cycle.targets, 10);
  EXPECT_EQ(cycle.achieved, 8);
}

TEST_F(DemoGroupsTest, DwsPieceWasReProcessedSixTimesAfterAdsAdviceAndHerFixSharedWithTheGroup) {
  domain::mentoring::HelpRequestQuery query;
  query.group_id = groups_.batik_community;
  query.page = {50, 0};
  auto requests = runtime_->help_requests->List(system_, query);
  ASSERT_TRUE(requests.ok()) << requests.error().message;
  ASSERT_EQ(requests->total, 3);
  EXPECT_EQ(requests->items.front().status, domain::mentoring::HelpStatus::kOpen);  // SA's, waiting for AD
  EXPECT_EQ(requests->items.front().member_name, "SA");
  auto dw = std::find_if(requests->items.begin(), requests->items.end(),
                         [](const auto& r) { return r.member_name == "DW"; });
  ASSERT_NE(dw, requests->items.end());
  EXPECT_EQ(dw->status, domain::mentoring::HelpStatus::kResolved);
  EXPECT_EQ(dw->competency_name, "Ecotik");
  EXPECT_EQ(dw->attempt_count, 6) << "seed 000: the piece was re-processed six times";
  EXPECT_EQ(dw->advice_count, 1);
  ASSERT_TRUE(dw->knowledge_post_id.has_value()) << "shared with the group";
  EXPECT_EQ(dw->TimeToFirstAdvice(), std::chrono::hours(5));
  EXPECT_EQ(dw->TimeToResolution(), std::chrono::hours(8 * 24 + 7));
  EXPECT_LT(*dw->closed_at, runtime_->clock.Now() - std::chrono::days(20));
  auto view = runtime_->help_requests->Get(system_, dw->id);
  ASSERT_TRUE(view.ok());
  // AD advised from her own account (the demo's `mentor`), not the console.
  EXPECT_EQ(view->advice.front().author.username, "mentor");
  EXPECT_EQ(view->advice.front().author.member_name, "AD");
  EXPECT_EQ(view->advice.front().text.rfind("Kain direndam tawas", 0), 0u);
  EXPECT_EQ(view->attempts.back().note.rfind("Proses ulang ke-6", 0), 0u);
  for (std::size_t k = 1; k < view->attempts.size(); ++k) {
    EXPECT_LT(view->attempts[k - 1].attempted_on, view->attempts[k].attempted_on);
  }
}

TEST_F(DemoGroupsTest, TheOutcomesSetAdsQuickAnswersBesideTheConsultantsSlowerOnes) {
  auto batik = runtime_->cycles->Outcomes(system_, groups_.batik_community);
  ASSERT_TRUE(batik.ok()) << batik.error().message;
  EXPECT_EQ(batik->help.Total(), 3);
  EXPECT_EQ(batik->help.resolved, 2);
  EXPECT_EQ(batik->help.open, 1);
  const auto& ad = batik->by_origin[0];
  EXPECT_EQ(ad.help.Total(), 3);  // every member of Citra Gendhis has AD as her mentor
  EXPECT_EQ(ad.help.first_advice.median_hours, 4.0);  // 5 and 3 hours
  EXPECT_EQ(ad.help.resolution.median_hours, 115.5);  // 199 and 32 hours
  EXPECT_EQ(batik->by_origin[1].help.Total(), 0);
  EXPECT_EQ(ad.closed, 1);
  EXPECT_EQ(ad.achieved, ad.targets);

  auto batu = runtime_->cycles->Outcomes(system_, groups_.batu_group);
  ASSERT_TRUE(batu.ok()) << batu.error().message;
  const auto& community = batu->by_origin[0];
  const auto& external = batu->by_origin[1];
  EXPECT_EQ(external.closed, 1);
  EXPECT_EQ(external.achieved, 8);
  EXPECT_EQ(external.help.Total(), 3);
  EXPECT_EQ(external.help.advised, 1);  // Rahayu's, still being worked on
  EXPECT_EQ(external.help.first_advice.median_hours, 30.0);    // 48, 26 and 30 hours
  EXPECT_EQ(external.help.resolution.median_hours, 192.0);     // 240 and 144 hours
  EXPECT_EQ(community.help.Total(), 2);
  EXPECT_EQ(community.help.resolution.median_hours, 28.0);     // 26 and 30 hours
  EXPECT_LT(*community.help.resolution.median_hours, *external.help.resolution.median_hours);
}

TEST_F(DemoGroupsTest, BatuHasAGroupOfItsOwnForTheOfficer) {
  ASSERT_GT(groups_.batu_group, 0);
  auto group = runtime_->groups->GetGroup(system_, groups_.batu_group);
  ASSERT_TRUE(group.ok());
  EXPECT_EQ(group->group.village_code.rfind("35.79.", 0), 0u) << group->group.village_code;
  auto dinas = LoadDemoStakeholders(*runtime_);
  ASSERT_TRUE(dinas.ok());
  EXPECT_EQ(group->group.steward_id, *dinas);
  auto view = runtime_->meetings->Compliance(system_, groups_.batu_group, Back(5).ToString(), Back(0).ToString());
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->held, 7);  // one month of six missed; two with a learning session besides
}

TEST_F(DemoGroupsTest, LoadingAgainAddsNothing) {
  auto again = LoadDemoGroups(*runtime_);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->tape_group, 0);
  auto list = runtime_->groups->ListGroups(system_, {}, {50, 0});
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->total, 3);
}

}  // namespace
}  // namespace gotong::app
