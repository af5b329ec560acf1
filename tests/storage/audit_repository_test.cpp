#include <gtest/gtest.h>

#include <climits>

#include "domain/audit/audit.hpp"
#include "storage/storage_fixture.hpp"

namespace gotong::storage_tests {
namespace {

using domain::audit::Entry;
using domain::audit::Filter;
using domain::audit::Snapshot;

class AuditLog : public StorageTest {
 protected:
  Entry MakeEntry(const std::string& entity, const std::string& entity_id,
                  const std::string& action) {
    Entry entry;
    entry.at = T("2026-04-05T06:07:08Z");
    entry.actor_username = "system";
    entry.entity = entity;
    entry.entity_id = entity_id;
    entry.action = action;
    entry.request_id = "req-" + entity_id;
    return entry;
  }

  void Append(const Entry& entry) {
    auto unit = Begin(Access::kWrite);
    ASSERT_TRUE(unit);
    ASSERT_OK(unit->Audit().Append(entry));
    ASSERT_OK(unit->Commit());
  }

  core::Page<Entry> List(const Filter& filter, core::PageRequest page = {}) {
    auto unit = Begin(Access::kRead);
    if (!unit) return {};
    auto result = unit->Audit().List(filter, page);
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : core::Page<Entry>{};
  }
};
GOTONG_INSTANTIATE_FOR_BACKENDS(AuditLog);

TEST_P(AuditLog, SnapshotsRoundTripWithEveryValueKind) {
  std::int64_t actor = InsertUser(SampleUser("siti"));
  Entry entry = MakeEntry("user", "12", "update");
  entry.actor_id = actor;
  entry.actor_username = "siti";
  entry.before = Snapshot{{"display_name", std::string("Old \"quoted\" \xE2\x80\x94 name\n")},
                          {"disabled", false},
                          {"scope_id", std::int64_t{-5}},
                          {"scope_kind", nullptr}};
  entry.after = Snapshot{{"display_name", std::string("New")},
                         {"disabled", true},
                         {"scope_id", std::int64_t{INT64_MAX}},
                         {"scope_kind", std::string("group")}};
  Append(entry);

  auto page = List({});
  ASSERT_EQ(page.items.size(), 1u);
  const Entry& found = page.items[0];
  EXPECT_GT(found.id, 0);
  EXPECT_EQ(found.at, entry.at);
  EXPECT_EQ(found.actor_id, actor);
  EXPECT_EQ(found.actor_username, "siti");
  EXPECT_EQ(found.entity, "user");
  EXPECT_EQ(found.entity_id, "12");
  EXPECT_EQ(found.action, "update");
  EXPECT_EQ(found.request_id, "req-12");
  EXPECT_EQ(found.before, entry.before);
  EXPECT_EQ(found.after, entry.after);
}

TEST_P(AuditLog, AbsentAndEmptySnapshotsStayDistinct) {
  Entry entry = MakeEntry("session", "1", "logout");
  entry.after = Snapshot{};
  Append(entry);
  auto page = List({});
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_FALSE(page.items[0].before.has_value());
  ASSERT_TRUE(page.items[0].after.has_value());
  EXPECT_TRUE(page.items[0].after->empty());
  EXPECT_FALSE(page.items[0].actor_id.has_value());
  EXPECT_EQ(page.items[0].actor_username, "system");
}

TEST_P(AuditLog, ActorMustBeAKnownUser) {
  Entry entry = MakeEntry("user", "1", "create");
  entry.actor_id = 55555;
  auto unit = Begin(Access::kWrite);
  ASSERT_TRUE(unit);
  EXPECT_FALSE(unit->Audit().Append(entry).ok());
}

TEST_P(AuditLog, ListFiltersNewestFirstAndPages) {
  Append(MakeEntry("user", "1", "create"));
  Append(MakeEntry("user", "2", "create"));
  Append(MakeEntry("session", "1", "login"));
  Append(MakeEntry("user", "1", "update"));
  Append(MakeEntry("user", "10", "create"));

  auto all = List({});
  EXPECT_EQ(all.total, 5);
  ASSERT_EQ(all.items.size(), 5u);
  for (std::size_t i = 1; i < all.items.size(); ++i) {
    EXPECT_GT(all.items[i - 1].id, all.items[i].id) << "newest first";
  }

  auto users = List(Filter{.entity = "user"});
  EXPECT_EQ(users.total, 4);

  auto user1 = List(Filter{.entity = "user", .entity_id = "1"});
  EXPECT_EQ(user1.total, 2) << "entity_id is matched exactly (not 10)";
  ASSERT_EQ(user1.items.size(), 2u);
  EXPECT_EQ(user1.items[0].action, "update");
  EXPECT_EQ(user1.items[1].action, "create");

  auto by_id_only = List(Filter{.entity_id = "1"});
  EXPECT_EQ(by_id_only.total, 3);

  auto second = List(Filter{.entity = "user"}, {2, 2});
  EXPECT_EQ(second.total, 4);
  EXPECT_EQ(second.limit, 2);
  EXPECT_EQ(second.offset, 2);
  ASSERT_EQ(second.items.size(), 2u);
  EXPECT_EQ(second.items[0].entity_id, "2");
  EXPECT_EQ(second.items[1].entity_id, "1");

  auto none = List(Filter{.entity = "programme"});
  EXPECT_EQ(none.total, 0);
  EXPECT_TRUE(none.items.empty());
}

TEST_P(AuditLog, ListFiltersByActorAndTime) {
  std::int64_t siti = InsertUser(SampleUser("siti"));
  std::int64_t budi = InsertUser(SampleUser("budi"));
  auto by = [&](std::int64_t actor, const std::string& username, const char* at,
                const std::string& entity_id) {
    Entry entry = MakeEntry("user", entity_id, "update");
    entry.actor_id = actor;
    entry.actor_username = username;
    entry.at = T(at);
    return entry;
  };
  Append(by(siti, "siti", "2026-04-04T23:59:59Z", "1"));
  Append(by(siti, "siti", "2026-04-05T00:00:00Z", "2"));
  Append(by(budi, "budi", "2026-04-05T12:00:00Z", "3"));
  Append(by(siti, "siti", "2026-04-06T00:00:00Z", "4"));
  Entry system = MakeEntry("user", "5", "create");
  system.at = T("2026-04-05T13:00:00Z");
  Append(system);

  auto ids = [](const core::Page<Entry>& page) {
    std::vector<std::string> out;
    for (const auto& entry : page.items) out.push_back(entry.entity_id);
    return out;
  };
  using domain::audit::Actor;
  EXPECT_EQ(ids(List(Filter{.actor = Actor{siti}})), (std::vector<std::string>{"4", "2", "1"}));
  EXPECT_EQ(ids(List(Filter{.actor = Actor{budi}})), (std::vector<std::string>{"3"}));
  EXPECT_EQ(ids(List(Filter{.actor = Actor{}})), (std::vector<std::string>{"5"}))
      << "no account: the system's own entries";
  EXPECT_EQ(List(Filter{.actor = Actor{999999}}).total, 0);

  // since is inclusive, before exclusive, to the second.
  Filter day{.since = T("2026-04-05T00:00:00Z"), .before = T("2026-04-06T00:00:00Z")};
  EXPECT_EQ(ids(List(day)), (std::vector<std::string>{"5", "3", "2"}));
  EXPECT_EQ(ids(List(Filter{.since = T("2026-04-05T12:00:00Z")})),
            (std::vector<std::string>{"5", "4", "3"}));
  EXPECT_EQ(ids(List(Filter{.before = T("2026-04-05T00:00:00Z")})),
            (std::vector<std::string>{"1"}));

  // Every filter narrows the others; total counts the filtered entries, not the page.
  day.actor = Actor{siti};
  EXPECT_EQ(ids(List(day)), (std::vector<std::string>{"2"}));
  Filter all{.entity = "user", .actor = Actor{siti}, .since = T("2026-04-01T00:00:00Z")};
  auto first = List(all, {1, 0});
  EXPECT_EQ(first.total, 3);
  EXPECT_EQ(ids(first), (std::vector<std::string>{"4"}));
  all.entity_id = "4";
  EXPECT_EQ(List(all).total, 1);
  all.entity = "session";
  EXPECT_EQ(List(all).total, 0);
}

}  // namespace
}  // namespace gotong::storage_tests
