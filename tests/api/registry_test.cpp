// The registry: stakeholders, people and enterprises, their filters, NIK masking per role,
// staleness, history, area counts and exports.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>

#include "api/api_harness.hpp"
#include "core/time.hpp"

namespace gotong::api_tests {
namespace {

constexpr const char* kNik = "3507012345670001";
constexpr const char* kMaskedNik = "3507********0001";

bool HasFieldError(const Reply& reply, const std::string& field) {
  auto errors = reply.field_errors();
  return std::any_of(errors.begin(), errors.end(),
                     [&](const std::string& e) { return e.rfind(field + ":", 0) == 0; });
}

using NameList = std::vector<std::string>;

class Registry : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
    // Officers are scoped to stakeholder 1 (the harness's Dinas); officer2 to stakeholder 2.
    Reply bank = Write("POST", "/api/v1/stakeholders",
                       json::object{{"name", "Bank Jatim Cabang Batu"},
                                    {"helix", "business"},
                                    {"kind", "bank"}},
                       &admin_);
    ASSERT_EQ(bank.status(), 201) << bank;
    ASSERT_EQ(bank.body.at("id"), 2);
    domain::accounts::NewUser other;
    other.username = "officer2";
    other.role = "officer";
    other.password = kPassword;
    other.scope = domain::accounts::ScopeInput{"stakeholder", 2};
    auto created = services().accounts.CreateUser(domain::accounts::Context::System(), other);
    ASSERT_TRUE(created.ok()) << created.error().message;
    officer_ = Login("officer");
    officer2_ = Login("officer2");
    facilitator_ = Login("facilitator");
  }

  Reply Post(const std::string& target, const json::object& body, const Browser& as) {
    return Write("POST", target, body, &as);
  }
  Reply Patch(const std::string& target, const json::object& body, const Browser& as) {
    return Write("PATCH", target, body, &as);
  }

  // An enterprise with a new owner, by `as`; returns its id (0 on failure).
  std::int64_t AddEnterprise(json::object body, const Browser& as) {
    Reply reply = Post("/api/v1/enterprises", body, as);
    EXPECT_EQ(reply.status(), 201) << reply;
    if (reply.status() != 201) return 0;
    return reply.body.at("id").as_int64();
  }

  // Four enterprises: three in Kota Batu (one per district) and one in Kabupaten Malang.
  void Seed() {
    batik_ = AddEnterprise({{"owner", {{"name", "Siti Aminah"},
                                       {"gender", "P"},
                                       {"nik", kNik},
                                       {"nik_consent", true}}},
                            {"name", "Batik Sekar Arum"},
                            {"sector", "batik"},
                            {"village_code", "35.79.02.2006"},
                            {"turnover", 180'000'000},
                            {"nib", "1234567890123"}},
                           officer_);
    keripik_ = AddEnterprise({{"owner", {{"name", "Rina Wati"}}},
                              {"name", "Keripik Apel Bu Rina"},
                              {"sector", "olahan pangan"},
                              {"village_code", "35.79.01.2005"},
                              {"turnover", 3'000'000'000}},
                             admin_);
    kopi_ = AddEnterprise({{"owner", {{"name", "Bambang Susilo"}}},
                           {"name", "Kopi Tlekung"},
                           {"sector", "culinary"},
                           {"village_code", "35.79.03.2004"},
                           {"capital", 6'000'000'000},
                           {"status", "closed"}},
                          officer_);
    tenun_ = AddEnterprise({{"owner", {{"name", "Dewi Lestari"}}},
                            {"name", "Tenun Banjarsari"},
                            {"sector", "crafts"},
                            {"village_code", "35.07.20.2004"}},
                           admin_);
  }

  // The names in a list answer, in order.
  std::vector<std::string> NamesOf(const Reply& reply) {
    std::vector<std::string> names;
    if (!reply.body.is_object()) return names;
    for (const auto& item : reply.body.at("items").as_array()) {
      names.emplace_back(item.at("name").as_string());
    }
    return names;
  }
  std::vector<std::string> List(const std::string& query) {
    Reply reply = Get("/api/v1/enterprises" + query, &admin_);
    EXPECT_EQ(reply.status(), 200) << query << ": " << reply;
    return NamesOf(reply);
  }

  Browser admin_, officer_, officer2_, facilitator_;
  std::int64_t batik_ = 0, keripik_ = 0, kopi_ = 0, tenun_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Registry);


// ---- sectors ----

TEST_P(Registry, SectorsListEveryCodeAndRefuseAQueryParameterByName) {
  Reply sectors = Get("/api/v1/sectors", &facilitator_);
  ASSERT_EQ(sectors.status(), 200) << sectors;
  const auto& items = sectors.body.at("items").as_array();
  ASSERT_EQ(items.size(), 11U) << sectors;
  EXPECT_EQ(items.at(0).at("code"), "batik");
  EXPECT_EQ(items.at(0).at("kbli"), "13134");
  // The list takes no parameter: one sent is named, not silently ignored.
  Reply asked = Get("/api/v1/sectors?q=batik", &facilitator_);
  EXPECT_EQ(asked.status(), 400) << asked;
  EXPECT_EQ(asked.field_errors(), std::vector<std::string>{"q:unknown_field"}) << asked;
}

// ---- stakeholders ----

TEST_P(Registry, AdminCreatesReadsListsAndUpdatesStakeholders) {
  Reply read = Get("/api/v1/stakeholders/1", &officer_);
  ASSERT_EQ(read.status(), 200) << read;
  EXPECT_EQ(read.body.at("name"), "Dinas Koperasi Kota Batu");
  EXPECT_EQ(read.body.at("helix"), "government");
  EXPECT_EQ(read.body.at("kind"), "agency");
  EXPECT_EQ(read.body.at("region_code"), "35.79");
  EXPECT_EQ(read.body.at("region").at("code"), "35.79");

  Reply list = Get("/api/v1/stakeholders", &facilitator_);
  ASSERT_EQ(list.status(), 200) << list;
  EXPECT_EQ(list.body.at("total"), 2);
  // Sorted by helix in quadruple-helix order (government, business, ...), then name.
  EXPECT_EQ(NamesOf(list), (NameList{"Dinas Koperasi Kota Batu", "Bank Jatim Cabang Batu"}));
  Reply banks = Get("/api/v1/stakeholders?kind=bank", &admin_);
  EXPECT_EQ(NamesOf(banks), (NameList{"Bank Jatim Cabang Batu"}));

  Reply patched = Patch("/api/v1/stakeholders/2", {{"contact", "0341 591234"}}, admin_);
  ASSERT_EQ(patched.status(), 200) << patched;
  EXPECT_EQ(patched.body.at("contact"), "0341 591234");
  EXPECT_EQ(patched.body.at("name"), "Bank Jatim Cabang Batu");
}

TEST_P(Registry, StakeholderWritesAreForAdminsAndNamesAreUnique) {
  json::object body{{"name", "Universitas Brawijaya"}, {"helix", "academia"}, {"kind", "university"}};
  EXPECT_EQ(Post("/api/v1/stakeholders", body, officer_).status(), 403);
  EXPECT_EQ(Patch("/api/v1/stakeholders/1", {{"contact", "x"}}, officer_).status(), 403);
  Reply duplicate = Post("/api/v1/stakeholders",
                         {{"name", "Dinas Koperasi Kota Batu"}, {"helix", "government"}, {"kind", "agency"}},
                         admin_);
  EXPECT_EQ(duplicate.status(), 409) << duplicate;
  EXPECT_TRUE(HasFieldError(duplicate, "name")) << duplicate;
  Reply bad = Post("/api/v1/stakeholders", {{"name", "X"}, {"helix", "church"}, {"kind", "guild"}}, admin_);
  EXPECT_EQ(bad.status(), 400) << bad;
  EXPECT_TRUE(HasFieldError(bad, "helix")) << bad;
}

// ---- people ----

TEST_P(Registry, OfficerCreatesReadsUpdatesAndListsPeople) {
  Reply created = Post("/api/v1/people",
                       {{"name", "  Siti Aminah  "},
                        {"gender", "female"},
                        {"birth_year", 1980},
                        {"phone", "0812-3456-7890"},
                        {"village_code", "35.79.02.2006"},
                        {"nik", kNik},
                        {"nik_consent", true}},
                       officer_);
  ASSERT_EQ(created.status(), 201) << created;
  std::int64_t id = created.body.at("id").as_int64();
  EXPECT_EQ(created.header("Location"), "/api/v1/people/" + std::to_string(id));
  EXPECT_EQ(created.body.at("name"), "Siti Aminah");
  EXPECT_EQ(created.body.at("phone"), "+6281234567890");
  EXPECT_EQ(created.body.at("steward_id"), 1);
  EXPECT_EQ(created.body.at("nik"), kNik);
  EXPECT_EQ(created.body.at("nik_masked"), false);
  EXPECT_EQ(created.body.at("nik_consent_at"), kStart);
  const auto& path = created.body.at("village").at("path").as_array();
  ASSERT_EQ(path.size(), 4u);
  EXPECT_EQ(path[1].at("code"), "35.79");
  EXPECT_EQ(path[3].at("code"), "35.79.02.2006");

  Reply patched = Patch("/api/v1/people/" + std::to_string(id),
                        {{"phone", "+62 341 591234"}, {"nik", nullptr}}, officer_);
  ASSERT_EQ(patched.status(), 200) << patched;
  EXPECT_EQ(patched.body.at("phone"), "+62341591234");
  EXPECT_EQ(patched.body.at("nik"), nullptr);
  EXPECT_EQ(patched.body.at("nik_consent_at"), nullptr);
  EXPECT_EQ(patched.body.at("name"), "Siti Aminah");

  Reply list = Get("/api/v1/people?region=35.79.02&q=siti", &facilitator_);
  ASSERT_EQ(list.status(), 200) << list;
  EXPECT_EQ(list.body.at("total"), 1);
  EXPECT_EQ(list.body.at("items").at(0).at("village"), created.body.at("village"));
  EXPECT_EQ(Get("/api/v1/people?region=35.79.01", &admin_).body.at("total"), 0);

  Reply history = Get("/api/v1/people/" + std::to_string(id) + "/history", &admin_);
  ASSERT_EQ(history.status(), 200) << history;
  const auto& entries = history.body.at("items").as_array();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].at("action"), "update");
  EXPECT_EQ(entries[1].at("action"), "create");
  // The NIK never appears in full in the history.
  EXPECT_EQ(history.response.body.find(kNik), std::string::npos) << history;
  EXPECT_NE(history.response.body.find(kMaskedNik), std::string::npos) << history;
}

TEST_P(Registry, PersonRefusesEachBadFieldByName) {
  Reply reply = Post("/api/v1/people",
                     {{"gender", "x"},
                      {"birth_year", 1800},
                      {"phone", "call me"},
                      {"village_code", "35.79.02.9999"},
                      {"nik", kNik}},
                     officer_);
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.field_errors(),
            (std::vector<std::string>{"name:required", "gender:invalid_value", "birth_year:out_of_range",
                                      "phone:invalid_format", "village_code:not_found",
                                      "nik_consent:required"}));
  Reply bad_nik = Post("/api/v1/people", {{"name", "A"}, {"nik", "12345"}, {"nik_consent", true}}, officer_);
  EXPECT_EQ(bad_nik.field_errors(), (std::vector<std::string>{"nik:invalid_format"}));
  Reply district = Post("/api/v1/people", {{"name", "A"}, {"village_code", "35.79.02"}}, officer_);
  EXPECT_EQ(district.field_errors(), (std::vector<std::string>{"village_code:invalid_format"}));
  Reply unknown = Post("/api/v1/people", {{"name", "A"}, {"shoe_size", 42}}, officer_);
  EXPECT_EQ(unknown.status(), 400);
  EXPECT_TRUE(HasFieldError(unknown, "shoe_size")) << unknown;
  // Nothing was written by any of them.
  EXPECT_EQ(Get("/api/v1/people", &admin_).body.at("total"), 0);
}

TEST_P(Registry, NikWithoutConsentIsRefused) {
  Reply refused = Post("/api/v1/people", {{"name", "Siti"}, {"nik", kNik}, {"nik_consent", false}}, officer_);
  ASSERT_EQ(refused.status(), 400) << refused;
  EXPECT_EQ(refused.field_errors(), (std::vector<std::string>{"nik_consent:required"}));
  Reply nested = Post("/api/v1/enterprises",
                      {{"owner", {{"name", "Siti"}, {"nik", kNik}}},
                       {"name", "Batik"}, {"sector", "batik"}, {"village_code", "35.79.02.2006"}},
                      officer_);
  ASSERT_EQ(nested.status(), 400) << nested;
  EXPECT_EQ(nested.field_errors(), (std::vector<std::string>{"owner.nik_consent:required"}));
}

// ---- NIK masking and access per role ----

TEST_P(Registry, NikIsFullOnlyForAdminsAndTheStewardsOfficers) {
  Reply created = Post("/api/v1/people", {{"name", "Siti Aminah"}, {"nik", kNik}, {"nik_consent", true}},
                       officer_);
  ASSERT_EQ(created.status(), 201) << created;
  std::string target = "/api/v1/people/" + std::to_string(created.body.at("id").as_int64());
  for (const Browser* full : {&admin_, &officer_}) {
    Reply reply = Get(target, full);
    ASSERT_EQ(reply.status(), 200) << reply;
    EXPECT_EQ(reply.body.at("nik"), kNik);
    EXPECT_EQ(reply.body.at("nik_masked"), false);
  }
  for (const Browser* masked : {&officer2_, &facilitator_}) {
    Reply reply = Get(target, masked);
    ASSERT_EQ(reply.status(), 200) << reply;
    EXPECT_EQ(reply.body.at("nik"), kMaskedNik);
    EXPECT_EQ(reply.body.at("nik_masked"), true);
    Reply list = Get("/api/v1/people", masked);
    ASSERT_EQ(list.status(), 200) << list;
    EXPECT_EQ(list.response.body.find(kNik), std::string::npos) << list;
  }
  // A person without a NIK shows null, not a mask.
  Reply plain = Post("/api/v1/people", {{"name", "Rina"}}, officer_);
  Reply seen = Get("/api/v1/people/" + std::to_string(plain.body.at("id").as_int64()), &facilitator_);
  EXPECT_EQ(seen.body.at("nik"), nullptr);
  EXPECT_EQ(seen.body.at("nik_masked"), false);
}

TEST_P(Registry, GroupRolesCannotReadTheRegistry) {
  Seed();
  for (Role role : {Role::kMember, Role::kMentor, Role::kGroupLeader}) {
    Browser browser = Login(NameOf(role));
    for (const std::string& target : std::vector<std::string>{"/api/v1/people", "/api/v1/people/1", "/api/v1/enterprises",
          "/api/v1/enterprises/" + std::to_string(batik_), "/api/v1/enterprises/areas",
          "/api/v1/enterprises/export?format=csv"}) {
      EXPECT_EQ(Get(target, &browser).status(), 403) << NameOf(role) << " " << target;
    }
    EXPECT_EQ(Post("/api/v1/people", {{"name", "X"}}, browser).status(), 403) << NameOf(role);
  }
  // The facilitator reads but does not write.
  EXPECT_EQ(Get("/api/v1/enterprises", &facilitator_).status(), 200);
  EXPECT_EQ(Post("/api/v1/people", {{"name", "X"}}, facilitator_).status(), 403);
  EXPECT_EQ(Patch("/api/v1/enterprises/" + std::to_string(batik_), {{"employees", 3}}, facilitator_).status(),
            403);
  EXPECT_EQ(Get("/api/v1/enterprises").status(), 401);
}

TEST_P(Registry, OfficerOfAnotherStakeholderCannotChangeARecord) {
  Seed();
  std::string target = "/api/v1/enterprises/" + std::to_string(batik_);
  Reply patched = Patch(target, {{"employees", 5}}, officer2_);
  EXPECT_EQ(patched.status(), 403) << patched;
  EXPECT_EQ(patched.problem(), "forbidden");
  EXPECT_EQ(Post(target + "/verify", {}, officer2_).status(), 403);
  // An officer cannot pick a steward either.
  Reply steward = Post("/api/v1/people", {{"name", "X"}, {"steward_id", 2}}, officer_);
  EXPECT_EQ(steward.status(), 403) << steward;
  // Nothing changed; the steward's own officer may change it.
  EXPECT_EQ(Get(target, &admin_).body.at("employees"), nullptr);
  Reply own = Patch(target, {{"employees", 5}}, officer_);
  ASSERT_EQ(own.status(), 200) << own;
  EXPECT_EQ(own.body.at("employees"), 5);
  // The admin may change any record, including one without a steward.
  EXPECT_EQ(Patch("/api/v1/enterprises/" + std::to_string(keripik_), {{"employees", 2}}, admin_).status(), 200);
  EXPECT_EQ(Patch("/api/v1/enterprises/" + std::to_string(keripik_), {{"employees", 3}}, officer_).status(),
            403);
}

// ---- enterprises ----

TEST_P(Registry, EnterpriseIsCreatedWithItsOwnerAndDerivedScale) {
  Seed();
  Reply batik = Get("/api/v1/enterprises/" + std::to_string(batik_), &officer_);
  ASSERT_EQ(batik.status(), 200) << batik;
  EXPECT_EQ(batik.body.at("name"), "Batik Sekar Arum");
  EXPECT_EQ(batik.body.at("owner").at("name"), "Siti Aminah");
  EXPECT_EQ(batik.body.at("owner").at("gender"), "female");
  EXPECT_EQ(batik.body.at("sector"), "batik");
  EXPECT_EQ(batik.body.at("kbli"), "13134");
  EXPECT_EQ(batik.body.at("turnover"), 180'000'000);
  EXPECT_EQ(batik.body.at("capital"), nullptr);
  EXPECT_EQ(batik.body.at("scale"), "micro");
  EXPECT_EQ(batik.body.at("scale_criterion"), "turnover");
  EXPECT_EQ(batik.body.at("status"), "active");
  EXPECT_EQ(batik.body.at("steward_id"), 1);
  EXPECT_EQ(batik.body.at("verified_at"), nullptr);
  EXPECT_EQ(batik.body.at("verified_by"), nullptr);
  EXPECT_EQ(batik.body.at("stale"), true);  // never verified
  EXPECT_EQ(batik.body.at("village").at("name"), "Bumiaji");

  Reply keripik = Get("/api/v1/enterprises/" + std::to_string(keripik_), &admin_);
  EXPECT_EQ(keripik.body.at("sector"), "food_processing");
  EXPECT_EQ(keripik.body.at("scale"), "small");
  EXPECT_EQ(keripik.body.at("steward_id"), nullptr);
  Reply kopi = Get("/api/v1/enterprises/" + std::to_string(kopi_), &admin_);
  EXPECT_EQ(kopi.body.at("scale"), "medium");
  EXPECT_EQ(kopi.body.at("scale_criterion"), "capital");
  EXPECT_EQ(kopi.body.at("stale"), false);  // closed enterprises are never stale
  Reply tenun = Get("/api/v1/enterprises/" + std::to_string(tenun_), &admin_);
  EXPECT_EQ(tenun.body.at("scale"), nullptr);
  EXPECT_EQ(tenun.body.at("scale_criterion"), nullptr);

  // A PATCH rederives the scale; null clears an optional figure.
  Reply patched = Patch("/api/v1/enterprises/" + std::to_string(keripik_),
                        {{"turnover", nullptr}, {"capital", 500'000'000}}, admin_);
  ASSERT_EQ(patched.status(), 200) << patched;
  EXPECT_EQ(patched.body.at("turnover"), nullptr);
  EXPECT_EQ(patched.body.at("scale"), "micro");
  EXPECT_EQ(patched.body.at("scale_criterion"), "capital");

  // An existing person may own a second enterprise.
  std::int64_t owner = batik.body.at("owner").at("id").as_int64();
  Reply second = Post("/api/v1/enterprises",
                      {{"owner_id", owner}, {"name", "Ecoprint Arum"}, {"sector", "14"},
                       {"village_code", "35.79.02.2006"}},
                      officer_);
  ASSERT_EQ(second.status(), 201) << second;
  EXPECT_EQ(second.header("Location"), "/api/v1/enterprises/" + std::to_string(second.body.at("id").as_int64()));
  EXPECT_EQ(second.body.at("sector"), "fashion");
  EXPECT_EQ(second.body.at("owner").at("id"), owner);
}

TEST_P(Registry, EnterpriseRefusesEachBadFieldByName) {
  Reply owner = Post("/api/v1/people", {{"name", "Siti"}}, officer_);
  ASSERT_EQ(owner.status(), 201) << owner;
  std::int64_t owner_id = owner.body.at("id").as_int64();
  Reply reply = Post("/api/v1/enterprises",
                     {{"owner_id", owner_id},
                      {"sector", "mining"},
                      {"village_code", "35.79.02.9999"},
                      {"capital", -1},
                      {"turnover", -5},
                      {"employees", 100'001},
                      {"founded_year", 1899},
                      {"nib", "123456789012"},
                      {"status", "bankrupt"}},
                     officer_);
  ASSERT_EQ(reply.status(), 400) << reply;
  EXPECT_EQ(reply.problem(), "invalid-input") << reply;
  EXPECT_EQ(reply.field_errors(),
            (std::vector<std::string>{"name:required", "sector:invalid_value", "village_code:not_found",
                                      "founded_year:out_of_range", "employees:out_of_range",
                                      "capital:negative", "turnover:negative", "nib:invalid_format",
                                      "status:invalid_value"}));
  Reply no_owner = Post("/api/v1/enterprises",
                        {{"name", "A"}, {"sector", "batik"}, {"village_code", "35.79.02.2006"}}, officer_);
  EXPECT_EQ(no_owner.field_errors(), (std::vector<std::string>{"owner_id:required"}));
  Reply missing_owner = Post("/api/v1/enterprises",
                             {{"owner_id", 999}, {"name", "A"}, {"sector", "batik"},
                              {"village_code", "35.79.02.2006"}},
                             officer_);
  EXPECT_EQ(missing_owner.field_errors(), (std::vector<std::string>{"owner_id:not_found"}));
  Reply both = Post("/api/v1/enterprises",
                    {{"owner_id", owner_id}, {"owner", {{"name", "B"}}}, {"name", "A"}, {"sector", "batik"},
                     {"village_code", "35.79.02.2006"}},
                    officer_);
  EXPECT_EQ(both.field_errors(), (std::vector<std::string>{"owner:invalid_value"}));
  Reply nib_letters = Post("/api/v1/enterprises",
                           {{"owner_id", owner_id}, {"name", "A"}, {"sector", "batik"},
                            {"village_code", "35.79.02.2006"}, {"nib", "12345678901a3"}},
                           officer_);
  EXPECT_EQ(nib_letters.field_errors(), (std::vector<std::string>{"nib:invalid_format"}));
  Reply wrong_type = Post("/api/v1/enterprises",
                          {{"owner_id", owner_id}, {"name", "A"}, {"sector", "batik"},
                           {"village_code", "35.79.02.2006"}, {"capital", "lots"}},
                          officer_);
  EXPECT_EQ(wrong_type.status(), 400) << wrong_type;
  EXPECT_TRUE(HasFieldError(wrong_type, "capital")) << wrong_type;
  // A new owner's errors are named under owner. and come with the enterprise's.
  Reply nested = Post("/api/v1/enterprises",
                      {{"owner", {{"phone", "12"}}}, {"name", "A"}, {"sector", "batik"},
                       {"village_code", "35.79"}},
                      officer_);
  EXPECT_EQ(nested.field_errors(), (std::vector<std::string>{"owner.name:required", "owner.phone:invalid_format",
                                                              "village_code:invalid_format"}));
  EXPECT_EQ(Get("/api/v1/enterprises", &admin_).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/people", &admin_).body.at("total"), 1);  // only Siti
}

TEST_P(Registry, DuplicateNibIsAConflictOnNib) {
  Seed();
  Reply duplicate = Post("/api/v1/enterprises",
                         {{"owner", {{"name", "Someone Else"}}}, {"name", "Batik Tiruan"}, {"sector", "batik"},
                          {"village_code", "35.79.01.2005"}, {"nib", "1234567890123"}},
                         officer_);
  ASSERT_EQ(duplicate.status(), 409) << duplicate;
  EXPECT_EQ(duplicate.problem(), "already-exists");
  EXPECT_EQ(duplicate.field_errors().size(), 1u);
  EXPECT_TRUE(HasFieldError(duplicate, "nib")) << duplicate;
  // The new owner was not kept either.
  Reply people = Get("/api/v1/people?q=someone", &admin_);
  EXPECT_EQ(people.body.at("total"), 0) << people;
  // Nor may a PATCH take another's NIB.
  Reply patched = Patch("/api/v1/enterprises/" + std::to_string(keripik_), {{"nib", "1234567890123"}}, admin_);
  EXPECT_EQ(patched.status(), 409) << patched;
  EXPECT_TRUE(HasFieldError(patched, "nib")) << patched;
}

TEST_P(Registry, ANikBelongsToOnePersonAndASecondHolderIsAConflictOnNik) {
  Reply first = Post("/api/v1/people", {{"name", "Siti Aminah"}, {"nik", kNik}, {"nik_consent", true}},
                     officer_);
  ASSERT_EQ(first.status(), 201) << first;
  Reply second = Post("/api/v1/people", {{"name", "Sri Rahayu"}, {"nik", kNik}, {"nik_consent", true}},
                      admin_);
  ASSERT_EQ(second.status(), 409) << second;
  EXPECT_EQ(second.problem(), "already-exists");
  EXPECT_EQ(second.field_errors(), (std::vector<std::string>{"nik:already_exists"}));
  // A new owner of an enterprise: named as the body names it, and nothing is kept.
  Reply owner = Post("/api/v1/enterprises",
                     {{"owner", {{"name", "Sri Rahayu"}, {"nik", kNik}, {"nik_consent", true}}},
                      {"name", "Batik Sri"},
                      {"sector", "batik"},
                      {"village_code", "35.79.02.2006"}},
                     officer_);
  ASSERT_EQ(owner.status(), 409) << owner;
  EXPECT_EQ(owner.field_errors(), (std::vector<std::string>{"owner.nik:already_exists"}));
  EXPECT_EQ(Get("/api/v1/enterprises", &admin_).body.at("total"), 0);
  EXPECT_EQ(Get("/api/v1/people", &admin_).body.at("total"), 1);
  // Nor may a PATCH give another person the same NIK; without a NIK, anyone may be added.
  Reply other = Post("/api/v1/people", {{"name", "Ani"}}, officer_);
  ASSERT_EQ(other.status(), 201) << other;
  Reply patched = Patch("/api/v1/people/" + std::to_string(other.body.at("id").as_int64()),
                        {{"nik", kNik}, {"nik_consent", true}}, officer_);
  ASSERT_EQ(patched.status(), 409) << patched;
  EXPECT_EQ(patched.field_errors(), (std::vector<std::string>{"nik:already_exists"}));
  EXPECT_EQ(Post("/api/v1/people", {{"name", "Budi"}}, officer_).status(), 201);
  // The holder may save her own record with her NIK unchanged.
  Reply own = Patch("/api/v1/people/" + std::to_string(first.body.at("id").as_int64()),
                    {{"name", "Siti Aminah Z."}, {"nik", kNik}, {"nik_consent", true}}, officer_);
  EXPECT_EQ(own.status(), 200) << own;
}

TEST_P(Registry, ListFiltersByRegionAtEachLevel) {
  Seed();
  EXPECT_EQ(List("?region=35"),
            (NameList{"Batik Sekar Arum", "Keripik Apel Bu Rina", "Kopi Tlekung", "Tenun Banjarsari"}));
  EXPECT_EQ(List("?region=35.79"), (NameList{"Batik Sekar Arum", "Keripik Apel Bu Rina", "Kopi Tlekung"}));
  EXPECT_EQ(List("?region=35.79.02"), (NameList{"Batik Sekar Arum"}));
  EXPECT_EQ(List("?region=35.79.02.2006"), (NameList{"Batik Sekar Arum"}));
  EXPECT_EQ(List("?region=35.79.02.2001"), (NameList{}));
  EXPECT_EQ(List("?region=35.07"), (NameList{"Tenun Banjarsari"}));
  EXPECT_EQ(List("?region=36"), (NameList{}));
  // A page's villages are looked up together: each as the record's own answer gives it.
  Reply page = Get("/api/v1/enterprises?region=35", &admin_);
  ASSERT_EQ(page.body.at("items").as_array().size(), 4u) << page;
  for (const auto& item : page.body.at("items").as_array()) {
    Reply one = Get("/api/v1/enterprises/" + std::to_string(item.at("id").as_int64()), &admin_);
    EXPECT_EQ(item.at("village"), one.body.at("village")) << item;
    EXPECT_EQ(item.at("village").at("path").as_array().size(), 4u) << item;
  }
  for (const char* bad : {"35.7", "abc", "35.79.", "35.79.02.20061"}) {
    Reply reply = Get(std::string("/api/v1/enterprises?region=") + bad, &admin_);
    EXPECT_EQ(reply.status(), 400) << bad;
    EXPECT_TRUE(HasFieldError(reply, "region")) << bad << ": " << reply;
  }
}

TEST_P(Registry, ListFiltersBySectorScaleStatusAndStaleness) {
  Seed();
  EXPECT_EQ(List("?sector=batik"), (NameList{"Batik Sekar Arum"}));
  EXPECT_EQ(List("?sector=10"), (NameList{"Keripik Apel Bu Rina"}));
  EXPECT_EQ(List("?scale=micro"), (NameList{"Batik Sekar Arum"}));
  EXPECT_EQ(List("?scale=small"), (NameList{"Keripik Apel Bu Rina"}));
  EXPECT_EQ(List("?scale=medium"), (NameList{"Kopi Tlekung"}));
  EXPECT_EQ(List("?scale=large"), (NameList{}));
  EXPECT_EQ(List("?status=closed"), (NameList{"Kopi Tlekung"}));
  EXPECT_EQ(List("?status=active&region=35.79"), (NameList{"Batik Sekar Arum", "Keripik Apel Bu Rina"}));
  EXPECT_EQ(List("?stale=true"), (NameList{"Batik Sekar Arum", "Keripik Apel Bu Rina", "Tenun Banjarsari"}));
  EXPECT_EQ(List("?stale=false"), (NameList{"Kopi Tlekung"}));
  for (const char* bad : {"sector=mining", "scale=huge", "status=open", "stale=maybe", "sort=owner"}) {
    Reply reply = Get(std::string("/api/v1/enterprises?") + bad, &admin_);
    EXPECT_EQ(reply.status(), 400) << bad << ": " << reply;
    std::string field(bad, std::string_view(bad).find('='));
    EXPECT_TRUE(HasFieldError(reply, field)) << bad << ": " << reply;
  }
}

TEST_P(Registry, ListSearchesWordsOfNameOwnerAndNibByTheirStart) {
  Seed();
  EXPECT_EQ(List("?q=sekar"), (NameList{"Batik Sekar Arum"}));
  EXPECT_EQ(List("?q=KERIPIK"), (NameList{"Keripik Apel Bu Rina"}));
  EXPECT_EQ(List("?q=aminah"), (NameList{"Batik Sekar Arum"}));  // the owner's name
  EXPECT_EQ(List("?q=1234567"), (NameList{"Batik Sekar Arum"}));  // the start of the NIB
  EXPECT_EQ(List("?q=1234567890123"), (NameList{"Batik Sekar Arum"}));
  EXPECT_EQ(List("?q=kerip"), (NameList{"Keripik Apel Bu Rina"}));  // a word's start
  EXPECT_EQ(List("?q=apel%20ker"), (NameList{"Keripik Apel Bu Rina"}));  // every word, any order
  EXPECT_EQ(List("?q=bu%20rina"), (NameList{"Keripik Apel Bu Rina"}));
  EXPECT_EQ(List("?q=apel%20kopi"), (NameList{}));
  EXPECT_EQ(List("?q=ripik"), (NameList{}));  // the middle of a word is not a word's start
  EXPECT_EQ(List("?q=%25%25"), (NameList{}));  // % is text, not a wildcard
  EXPECT_EQ(List("?q=%22sekar%22%20OR%20x*"), (NameList{}));  // no query syntax gets through
  EXPECT_EQ(List("?q=s%F4%8F%BF%BF"), (NameList{}));  // the highest code point last: no match
  EXPECT_EQ(List("?q=%F4%8F%BF%BF%F4%8F%BF%BF"), (NameList{}));
  EXPECT_EQ(List("?q=sekar%27s"), (NameList{"Batik Sekar Arum"}));  // "sekar" and "s" (Siti)
  // With other conditions, the total comes with the page, or (past its end) on its own.
  EXPECT_EQ(List("?q=ba&region=35.79"), (NameList{"Batik Sekar Arum", "Kopi Tlekung"}));
  EXPECT_EQ(List("?q=ba&region=35.79.02&status=active"), (NameList{"Batik Sekar Arum"}));
  EXPECT_EQ(List("?q=ba&sector=crafts"), (NameList{"Tenun Banjarsari"}));
  for (const char* query : {"?q=ba&region=35.79&limit=1", "?q=ba&region=35.79&offset=5"}) {
    Reply reply = Get(std::string("/api/v1/enterprises") + query, &admin_);
    EXPECT_EQ(reply.body.at("total"), 2) << query << ": " << reply;
  }
  EXPECT_EQ(Get("/api/v1/enterprises?q=ba&region=35.79&offset=5", &admin_).body.at("items"),
            json::array());
}

TEST_P(Registry, SearchFollowsRenamesMovesAndNewOwnerNames) {
  Seed();
  auto total = [&](const std::string& query) {
    return Get("/api/v1/enterprises" + query, &admin_).body.at("total").as_int64();
  };
  std::string kopi = "/api/v1/enterprises/" + std::to_string(kopi_);
  ASSERT_EQ(Patch(kopi, {{"name", "Kopi Bumiaji"}}, admin_).status(), 200);
  EXPECT_EQ(List("?q=tlekung"), (NameList{}));  // the old name's words are gone
  EXPECT_EQ(List("?q=bumi"), (NameList{"Kopi Bumiaji"}));
  EXPECT_EQ(total("?q=kopi"), 1);
  // Moved to a village of another regency, it is found there and no longer in Batu.
  ASSERT_EQ(Patch(kopi, {{"village_code", "35.07.20.2004"}}, admin_).status(), 200);
  EXPECT_EQ(List("?q=kopi&region=35.79"), (NameList{}));
  EXPECT_EQ(total("?q=kopi&region=35.79"), 0);
  EXPECT_EQ(List("?q=kopi&region=35.07.20"), (NameList{"Kopi Bumiaji"}));
  EXPECT_EQ(total("?q=kopi&region=35.07.20.2004"), 1);
  // The owner's new name finds all of the owner's enterprises; the old one none.
  std::int64_t owner = Get(kopi, &admin_).body.at("owner").at("id").as_int64();
  ASSERT_EQ(Patch("/api/v1/people/" + std::to_string(owner), {{"name", "Bambang Priyono"}}, admin_).status(),
            200);
  EXPECT_EQ(List("?q=susilo"), (NameList{}));
  EXPECT_EQ(List("?q=priyo%20bambang"), (NameList{"Kopi Bumiaji"}));
  // A word may end in a letter outside ASCII: its start is still a word's start.
  AddEnterprise({{"owner", {{"name", "Ni Made Kadék"}}}, {"name", "Warung Kadék"}, {"sector", "culinary"},
                 {"village_code", "35.79.01.2005"}},
                admin_);
  EXPECT_EQ(List("?q=kad%C3%A9"), (NameList{"Warung Kadék"}));
  EXPECT_EQ(List("?q=kad%C3%A9k&region=35.79.01"), (NameList{"Warung Kadék"}));
  EXPECT_EQ(total("?q=kad%C3%A9"), 1);  // the name and the owner both have the word: counted once
  EXPECT_EQ(List("?q=kad%C3%A9kk"), (NameList{}));
  // Only the words of the enterprises that match count, in any region.
  EXPECT_EQ(total("?q=ba"), 3);
  EXPECT_EQ(total("?q=ba&region=35.79"), 1);
  // Enterprises with four words starting "tan" each are counted and paged once each.
  for (const char* name : {"Tani Tanijaya Tanimulya B", "Tani Tanijaya Tanimulya A", "Tani Tanijaya Tanimulya C"}) {
    AddEnterprise({{"owner", {{"name", "Tanto"}}}, {"name", name}, {"sector", "agriculture"},
                   {"village_code", "35.79.01.2005"}},
                  admin_);
  }
  EXPECT_EQ(total("?q=tan"), 3);
  EXPECT_EQ(List("?q=tan&limit=2"), (NameList{"Tani Tanijaya Tanimulya A", "Tani Tanijaya Tanimulya B"}));
  EXPECT_EQ(List("?q=tan&limit=2&offset=2"), (NameList{"Tani Tanijaya Tanimulya C"}));
  EXPECT_EQ(List("?q=tan&sort=-created_at&limit=1"), (NameList{"Tani Tanijaya Tanimulya C"}));
}

// A search pages its matches like the list of the same filter without the search, filtered by
// hand: in every order an index gives, in a village, a regency or the whole registry, at any
// offset. (SQLite walks an order's index against a bitmap of matches, or sorts a region's
// matches in memory; PostgreSQL reads its word table.)
TEST_P(Registry, SearchPagesAsTheListFilteredByHandInEveryOrderRegionAndOffset) {
  const std::vector<std::string> kinds = {"Tahu", "Warung", "Batik", "Tani Makmur", "Kopi"};
  const std::vector<std::string> owners = {"Tarno", "Budi", "Sri Tanti", "Agus", "Dewi"};
  const std::vector<std::string> villages = {"35.79.01.2005", "35.79.02.2006", "35.07.20.2004"};
  std::set<std::string> matching;  // a word of the name or of the owner's name starts "ta"
  for (int i = 0; i < 45; ++i) {
    const std::string& kind = kinds[static_cast<std::size_t>(i % 5)];
    const std::string& owner = owners[static_cast<std::size_t>(i * 7 % 5)];
    std::string name = kind + " " + std::to_string(100 - i);
    ASSERT_NE(AddEnterprise({{"owner", {{"name", owner}}}, {"name", name}, {"sector", "culinary"},
                             {"village_code", villages[static_cast<std::size_t>(i % 3)]}},
                            admin_),
              0);
    if (kind.starts_with("Ta") || owner.starts_with("Ta") || owner.find(" Ta") != std::string::npos) {
      matching.insert(name);
    }
  }
  ASSERT_GT(matching.size(), 15u);
  for (std::string region : {"", "35.79", "35.79.01.2005"}) {
    for (std::string sort : {"name", "-name", "created_at", "-created_at"}) {
      std::string filter = "sort=" + sort + (region.empty() ? "" : "&region=" + region);
      NameList expected;
      for (auto& name : List("?limit=200&" + filter)) {
        if (matching.contains(name)) expected.push_back(name);
      }
      ASSERT_FALSE(expected.empty()) << filter;
      for (long long offset : {0, 3, 7, 40}) {
        std::string query = "?q=ta&limit=5&offset=" + std::to_string(offset) + "&" + filter;
        Reply reply = Get("/api/v1/enterprises" + query, &admin_);
        ASSERT_EQ(reply.status(), 200) << query << ": " << reply;
        EXPECT_EQ(reply.body.at("total").as_int64(), static_cast<std::int64_t>(expected.size())) << query;
        auto from = std::min(expected.size(), static_cast<std::size_t>(offset));
        auto to = std::min(expected.size(), from + 5);
        EXPECT_EQ(NamesOf(reply), NameList(expected.begin() + static_cast<std::ptrdiff_t>(from),
                                           expected.begin() + static_cast<std::ptrdiff_t>(to)))
            << query;
      }
    }
  }
}

// The total of a search of two letters over the whole registry (PostgreSQL reads it from
// tallies of prefixes kept by triggers) is the count by hand of the enterprises with a
// word of the name, the owner's name or the NIB starting so, after every kind of change.
TEST_P(Registry, TwoLetterTotalsFollowNamesOwnersMovesAndNewEnterprises) {
  Seed();
  // (A one-letter word alone, "b.", is counted from the word index, not from a tally.)
  const std::vector<std::string> prefixes = {"ba", "bu", "ke", "ko", "si", "su", "ta", "te",
                                             "wa", "12", "pr", "b.", "k."};
  auto check = [&](const std::string& when) {
    Reply all = Get("/api/v1/enterprises?limit=200", &admin_);
    ASSERT_EQ(all.status(), 200) << all;
    for (const auto& prefix : prefixes) {
      std::int64_t by_hand = 0;
      for (const auto& item : all.body.at("items").as_array()) {
        std::string text = std::string(item.at("name").as_string()) + " " +
                           std::string(item.at("owner").at("name").as_string());
        if (const auto* nib = item.as_object().if_contains("nib"); nib && nib->is_string()) {
          text += " " + std::string(nib->as_string());
        }
        bool found = false;
        std::string word;
        for (char c : text + " ") {
          if (std::isalnum(static_cast<unsigned char>(c))) {
            word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          } else {
            found = found || word.starts_with(prefix.substr(0, prefix.find('.')));
            word.clear();
          }
        }
        by_hand += found ? 1 : 0;
      }
      Reply reply = Get("/api/v1/enterprises?q=" + prefix, &admin_);
      ASSERT_EQ(reply.status(), 200) << reply;
      EXPECT_EQ(reply.body.at("total").as_int64(), by_hand) << when << ", q=" << prefix;
    }
  };
  check("seeded");
  std::string kopi = "/api/v1/enterprises/" + std::to_string(kopi_);
  ASSERT_EQ(Patch(kopi, {{"name", "Warung Bu Tatik"}}, admin_).status(), 200);
  check("a name changed");
  std::int64_t owner = Get(kopi, &admin_).body.at("owner").at("id").as_int64();
  ASSERT_EQ(Patch("/api/v1/people/" + std::to_string(owner), {{"name", "Teguh Prasetyo"}}, admin_).status(), 200);
  check("an owner renamed");
  ASSERT_EQ(Patch(kopi, {{"village_code", "35.07.20.2004"}}, admin_).status(), 200);
  check("an enterprise moved");
  AddEnterprise({{"owner", {{"name", "Budi Santoso"}}}, {"name", "Bengkel Budi Bersaudara"},
                 {"sector", "services"}, {"village_code", "35.79.01.2005"}, {"nib", "1299999999999"}},
                admin_);
  check("an enterprise added");
}

TEST_P(Registry, ListSortsLimitsAndCountsTotal) {
  Seed();
  EXPECT_EQ(List("?sort=-name"),
            (NameList{"Tenun Banjarsari", "Kopi Tlekung", "Keripik Apel Bu Rina", "Batik Sekar Arum"}));
  Reply page = Get("/api/v1/enterprises?limit=2&offset=1", &admin_);
  ASSERT_EQ(page.status(), 200) << page;
  EXPECT_EQ(page.body.at("total"), 4);
  EXPECT_EQ(page.body.at("limit"), 2);
  EXPECT_EQ(page.body.at("offset"), 1);
  EXPECT_EQ(NamesOf(page), (NameList{"Keripik Apel Bu Rina", "Kopi Tlekung"}));
  // Turnover ascending: the known turnovers in order (unknown ones sort together).
  NameList by_turnover = List("?sort=turnover&region=35.79&status=active");
  EXPECT_EQ(by_turnover, (NameList{"Batik Sekar Arum", "Keripik Apel Bu Rina"}));
  EXPECT_EQ(List("?sort=-turnover&region=35.79&status=active"),
            (NameList{"Keripik Apel Bu Rina", "Batik Sekar Arum"}));

  EXPECT_EQ(Get("/api/v1/enterprises?limit=200", &admin_).status(), 200);
  for (const char* bad : {"limit=201", "limit=0", "limit=-1", "limit=ten", "offset=-1"}) {
    Reply reply = Get(std::string("/api/v1/enterprises?") + bad, &admin_);
    EXPECT_EQ(reply.status(), 400) << bad << ": " << reply;
    std::string field(bad, std::string_view(bad).find('='));
    EXPECT_TRUE(HasFieldError(reply, field)) << bad << ": " << reply;
  }
  Reply q_short = Get("/api/v1/enterprises?q=a", &admin_);
  EXPECT_EQ(q_short.field_errors(), (std::vector<std::string>{"q:too_short"}));
  Reply unknown = Get("/api/v1/enterprises?colour=red", &admin_);
  EXPECT_EQ(unknown.status(), 400) << unknown;
  EXPECT_EQ(unknown.field_errors(), (std::vector<std::string>{"colour:unknown_field"}));
}

TEST_P(Registry, VerifySetsVerifiedAtAndClearsStaleUntilAYearPasses) {
  Seed();
  std::string target = "/api/v1/enterprises/" + std::to_string(batik_);
  clock().Advance(std::chrono::minutes(10));
  std::string verified_at = core::FormatInstant(clock().Now());
  Reply verified = Write("POST", target + "/verify", json::object{}, &officer_);
  ASSERT_EQ(verified.status(), 200) << verified;
  EXPECT_EQ(verified.body.at("verified_at"), verified_at.c_str());
  EXPECT_EQ(verified.body.at("verified_by"),
            (json::object{{"id", UserId("officer")}, {"username", "officer"}}));
  EXPECT_EQ(verified.body.at("stale"), false);
  EXPECT_EQ(List("?stale=true"), (NameList{"Keripik Apel Bu Rina", "Tenun Banjarsari"}));

  // An empty body verifies too.
  Reply empty = services().Send("POST", target + "/verify", "",
                                {{"Cookie", officer_.cookie}, {"X-CSRF-Token", officer_.csrf}});
  EXPECT_EQ(empty.status(), 200) << empty;
  Reply with_field = Write("POST", target + "/verify", json::object{{"note", "x"}}, &officer_);
  EXPECT_EQ(with_field.status(), 400) << with_field;
  EXPECT_EQ(with_field.field_errors(), (std::vector<std::string>{"note:unknown_field"}));

  clock().Advance(std::chrono::days(364));
  admin_ = Login("admin");  // sessions do not last a year
  EXPECT_EQ(Get(target, &admin_).body.at("stale"), false);
  clock().Advance(std::chrono::days(2));
  admin_ = Login("admin");
  EXPECT_EQ(Get(target, &admin_).body.at("stale"), true);
  EXPECT_EQ(List("?stale=true"), (NameList{"Batik Sekar Arum", "Keripik Apel Bu Rina", "Tenun Banjarsari"}));
  // The renewal worklist: the village's stale records, never-verified first then oldest.
  EXPECT_EQ(List("?region=35.79&stale=true&sort=verified_at"),
            (NameList{"Keripik Apel Bu Rina", "Batik Sekar Arum"}));

  Reply again = Write("POST", target + "/verify", json::object{}, &admin_);
  ASSERT_EQ(again.status(), 200) << again;
  EXPECT_EQ(again.body.at("stale"), false);
  EXPECT_EQ(again.body.at("verified_by").at("username"), "admin");
  EXPECT_EQ(Write("POST", "/api/v1/enterprises/9999/verify", json::object{}, &admin_).status(), 404);
}

TEST_P(Registry, HistoryListsCreateUpdateAndVerifyNewestFirst) {
  Seed();
  std::string target = "/api/v1/enterprises/" + std::to_string(batik_);
  ASSERT_EQ(Patch(target, {{"employees", 4}}, officer_).status(), 200);
  ASSERT_EQ(Write("POST", target + "/verify", json::object{}, &officer_).status(), 200);
  Reply history = Get(target + "/history", &facilitator_);
  ASSERT_EQ(history.status(), 200) << history;
  const auto& items = history.body.at("items").as_array();
  ASSERT_EQ(items.size(), 3u) << history;
  EXPECT_EQ(items[0].at("action"), "verify");
  EXPECT_EQ(items[1].at("action"), "update");
  EXPECT_EQ(items[2].at("action"), "create");
  for (const auto& item : items) {
    EXPECT_EQ(item.at("entity"), "enterprise");
    EXPECT_EQ(item.at("entity_id"), std::to_string(batik_).c_str());
    EXPECT_EQ(item.at("actor").at("username"), "officer");
  }
  EXPECT_EQ(items[1].at("before").at("employees"), nullptr);
  EXPECT_EQ(items[1].at("after").at("employees"), 4);
  EXPECT_EQ(Get("/api/v1/enterprises/9999/history", &admin_).status(), 404);
}

TEST_P(Registry, AreasCountEveryChildIncludingEmptyOnes) {
  Seed();
  Reply regency = Get("/api/v1/enterprises/areas?region=35.79", &officer_);
  ASSERT_EQ(regency.status(), 200) << regency;
  EXPECT_EQ(regency.body.at("region").at("code"), "35.79");
  EXPECT_EQ(regency.body.at("region").at("level"), "regency");
  EXPECT_EQ(regency.body.at("total"), 3);
  EXPECT_EQ(regency.body.at("stale"), 2);  // the closed one is never stale
  const auto& districts = regency.body.at("areas").as_array();
  ASSERT_EQ(districts.size(), 3u);
  for (const auto& area : districts) {
    EXPECT_EQ(area.at("level"), "district");
    EXPECT_EQ(area.at("total"), 1) << area;
  }
  const json::value* bumiaji = nullptr;
  for (const auto& area : districts) {
    if (area.at("code") == "35.79.02") bumiaji = &area;
  }
  ASSERT_NE(bumiaji, nullptr);
  EXPECT_EQ(bumiaji->at("name"), "Bumiaji");
  EXPECT_EQ(bumiaji->at("by_scale"),
            (json::object{{"micro", 1}, {"small", 0}, {"medium", 0}, {"large", 0}, {"unknown", 0}}));

  Reply district = Get("/api/v1/enterprises/areas?region=35.79.02", &admin_);
  ASSERT_EQ(district.status(), 200) << district;
  const auto& villages = district.body.at("areas").as_array();
  EXPECT_EQ(villages.size(), 9u);  // Bumiaji has nine villages, eight of them empty
  int empty = 0;
  for (const auto& area : villages) {
    EXPECT_EQ(area.at("level"), "village");
    if (area.at("total") == 0) ++empty;
    else EXPECT_EQ(area.at("code"), "35.79.02.2006");
  }
  EXPECT_EQ(empty, 8);

  Reply filtered = Get("/api/v1/enterprises/areas?region=35.79&sector=batik", &admin_);
  EXPECT_EQ(filtered.body.at("total"), 1);
  EXPECT_EQ(filtered.body.at("areas").as_array().size(), 3u);

  Reply provinces = Get("/api/v1/enterprises/areas", &admin_);
  ASSERT_EQ(provinces.status(), 200) << provinces;
  EXPECT_EQ(provinces.body.at("region"), nullptr);
  EXPECT_EQ(provinces.body.at("areas").as_array().size(), 38u);
  EXPECT_EQ(provinces.body.at("total"), 4);

  Reply village = Get("/api/v1/enterprises/areas?region=35.79.02.2006", &admin_);
  EXPECT_EQ(village.status(), 400) << village;
  EXPECT_EQ(village.field_errors(), (std::vector<std::string>{"region:no_smaller_areas"}));
  EXPECT_EQ(Get("/api/v1/enterprises/areas?region=35.99", &admin_).status(), 404);
  EXPECT_EQ(Get("/api/v1/enterprises/areas?region=35.79&limit=5", &admin_).status(), 400);
  // The list's filters, but not its order: counts have none, so a sort sent is named.
  Reply sorted = Get("/api/v1/enterprises/areas?region=35.79&sort=name&lang=id", &admin_);
  EXPECT_EQ(sorted.status(), 400) << sorted;
  EXPECT_EQ(sorted.field_errors(), (std::vector<std::string>{"sort:unknown_field", "lang:unknown_field"}));
  EXPECT_EQ(Get("/api/v1/enterprises?region=35.79&sort=name", &admin_).status(), 200);
}

// Province and regency counts are added up from enterprise_tallies; district and village
// counts are counted from the rows. The two must agree after every kind of change.
TEST_P(Registry, TalliedCountsFollowEveryChangeAndTheStaleCutOffWithinItsMonth) {
  Seed();
  // Each regency's numbers in the province's drill-down (tallied) against the sum of its
  // districts (counted), for a filter; returns the province's total and stale.
  auto check = [&](const std::string& filter) -> std::pair<std::int64_t, std::int64_t> {
    Reply province = Get("/api/v1/enterprises/areas?region=35" + filter, &admin_);
    EXPECT_EQ(province.status(), 200) << filter << ": " << province;
    if (province.status() != 200) return {-1, -1};
    for (const auto& regency : province.body.at("areas").as_array()) {
      std::string code(regency.at("code").as_string());
      if (code != "35.07" && code != "35.79") {
        EXPECT_EQ(regency.at("total"), 0) << code << filter;
        continue;
      }
      Reply districts = Get("/api/v1/enterprises/areas?region=" + code + filter, &admin_);
      std::int64_t total = 0, stale = 0;
      json::object by_scale;
      for (const auto& district : districts.body.at("areas").as_array()) {
        total += district.at("total").as_int64();
        stale += district.at("stale").as_int64();
        for (const auto& [scale, n] : district.at("by_scale").as_object()) {
          by_scale[scale] = (by_scale.contains(scale) ? by_scale[scale].as_int64() : 0) + n.as_int64();
        }
      }
      EXPECT_EQ(regency.at("total"), total) << code << filter;
      EXPECT_EQ(regency.at("stale"), stale) << code << filter;
      EXPECT_EQ(regency.at("by_scale"), by_scale) << code << filter;
    }
    Reply list = Get("/api/v1/enterprises?region=35" + filter, &admin_);
    EXPECT_EQ(list.body.at("total"), province.body.at("total")) << filter;
    return {province.body.at("total").as_int64(), province.body.at("stale").as_int64()};
  };
  auto check_all = [&](std::int64_t total, std::int64_t stale) {
    for (const char* filter : {"", "&sector=crafts", "&scale=micro", "&status=active",
                               "&stale=false", "&sector=batik&scale=micro"}) {
      check(filter);
    }
    EXPECT_EQ(check(""), std::make_pair(total, stale));
    EXPECT_EQ(check("&stale=true"), std::make_pair(stale, stale));
    EXPECT_EQ(check("&stale=false").first, total - stale);
  };
  check_all(4, 3);  // the closed Kopi Tlekung is never stale

  // Moved to another regency, another sector and a larger scale; then closed, then reopened.
  std::string batik = "/api/v1/enterprises/" + std::to_string(batik_);
  ASSERT_EQ(Patch(batik, {{"village_code", "35.07.20.2004"}, {"sector", "crafts"},
                          {"turnover", 4'000'000'000}}, officer_).status(), 200);
  check_all(4, 3);
  ASSERT_EQ(Patch("/api/v1/enterprises/" + std::to_string(keripik_), {{"status", "closed"}},
                  admin_).status(), 200);
  check_all(4, 2);
  ASSERT_EQ(Patch("/api/v1/enterprises/" + std::to_string(kopi_), {{"status", "active"}},
                  admin_).status(), 200);
  check_all(4, 3);

  // Verified on 2026-01-05 at 08:10; a year on, the cut-off passes 08:10 within its month.
  std::string tenun = "/api/v1/enterprises/" + std::to_string(tenun_);
  clock().Advance(std::chrono::minutes(10));
  ASSERT_EQ(Write("POST", tenun + "/verify", json::object{}, &admin_).status(), 200);
  check_all(4, 2);
  clock().Advance(std::chrono::days(365) - std::chrono::minutes(5));  // cut-off 08:05
  admin_ = Login("admin");
  check_all(4, 2);
  clock().Advance(std::chrono::minutes(10));  // cut-off 08:15
  admin_ = Login("admin");
  check_all(4, 3);
  // A month later the whole month of that verification is before the cut-off's month, and a
  // new verification is in a month after it.
  clock().Advance(std::chrono::days(31));
  admin_ = Login("admin");
  ASSERT_EQ(Write("POST", batik + "/verify", json::object{}, &admin_).status(), 200);
  check_all(4, 2);
}

// ---- exports ----

TEST_P(Registry, CsvExportUsesBomSemicolonsCrlfAndMasksNik) {
  Seed();
  Reply csv = Get("/api/v1/enterprises/export?format=csv&region=35.79", &officer_);
  ASSERT_EQ(csv.status(), 200) << csv;
  EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
  std::string_view disposition = csv.header("Content-Disposition");
  EXPECT_EQ(disposition.rfind("attachment; filename=\"gotong-enterprises-", 0), 0u) << disposition;
  // The file is named by the services' day (the test clock's 5 January 2026), YYYYMMDD.
  EXPECT_EQ(disposition, "attachment; filename=\"gotong-enterprises-20260105.csv\"");
  const std::string& body = csv.response.body;
  ASSERT_EQ(body.rfind("\xEF\xBB\xBF", 0), 0u) << "no BOM";
  std::string header = body.substr(3, body.find("\r\n") - 3);
  EXPECT_EQ(header.rfind("id;owner_name;", 0), 0u) << header;
  EXPECT_NE(header.find(";owner_nik;"), std::string::npos) << header;
  EXPECT_NE(header.find(";scale;scale_criterion;"), std::string::npos) << header;
  // Every line ends in CRLF: four lines (header and three enterprises), no bare LF.
  std::size_t crlf = 0;
  for (std::size_t at = body.find("\r\n"); at != std::string::npos; at = body.find("\r\n", at + 2)) ++crlf;
  EXPECT_EQ(crlf, 4u);
  EXPECT_EQ(std::count(body.begin(), body.end(), '\n'), 4);
  EXPECT_TRUE(body.ends_with("\r\n"));
  // Masked by default, even for the steward's own officer.
  EXPECT_EQ(body.find(kNik), std::string::npos) << body;
  EXPECT_NE(body.find(kMaskedNik), std::string::npos) << body;
  EXPECT_NE(body.find("Batik Sekar Arum"), std::string::npos);
  EXPECT_EQ(body.find("Tenun Banjarsari"), std::string::npos);  // outside the region

  Reply bad = Get("/api/v1/enterprises/export?format=pdf", &admin_);
  EXPECT_EQ(bad.field_errors(), (std::vector<std::string>{"format:invalid_value"}));
  Reply bad_nik = Get("/api/v1/enterprises/export?include_nik=yes", &admin_);
  EXPECT_EQ(bad_nik.field_errors(), (std::vector<std::string>{"include_nik:invalid_value"}));
  EXPECT_EQ(Get("/api/v1/enterprises/export?limit=5", &admin_).status(), 400);
}

TEST_P(Registry, ExportWithNikIsForbiddenToFacilitatorsAndAuditedForAdmins) {
  Seed();
  Reply refused = Get("/api/v1/enterprises/export?format=csv&include_nik=true", &facilitator_);
  EXPECT_EQ(refused.status(), 403) << refused;
  Reply audit_before = Get("/api/v1/audit?entity=export", &admin_);
  ASSERT_EQ(audit_before.status(), 200) << audit_before;
  EXPECT_EQ(audit_before.body.at("total"), 0);

  Reply full = Get("/api/v1/enterprises/export?format=csv&include_nik=true&sector=batik", &admin_);
  ASSERT_EQ(full.status(), 200) << full;
  EXPECT_NE(full.response.body.find(kNik), std::string::npos) << full.response.body;
  Reply audit = Get("/api/v1/audit?entity=export", &admin_);
  ASSERT_EQ(audit.status(), 200) << audit;
  ASSERT_EQ(audit.body.at("total"), 1) << audit;
  const auto& entry = audit.body.at("items").as_array()[0];
  EXPECT_EQ(entry.at("action"), "export_nik");
  EXPECT_EQ(entry.at("actor").at("username"), "admin");
  EXPECT_EQ(entry.at("after").at("sector"), "batik");

  // Another stakeholder's officer may ask, but sees only their own records' NIKs in full.
  Reply other = Get("/api/v1/enterprises/export?format=csv&include_nik=true", &officer2_);
  ASSERT_EQ(other.status(), 200) << other;
  EXPECT_EQ(other.response.body.find(kNik), std::string::npos);
  EXPECT_NE(other.response.body.find(kMaskedNik), std::string::npos);
}

TEST_P(Registry, XlsxExportIsAZipFile) {
  Seed();
  Reply xlsx = Get("/api/v1/enterprises/export?format=xlsx", &facilitator_);
  ASSERT_EQ(xlsx.status(), 200) << xlsx.status();
  EXPECT_EQ(xlsx.header("Content-Type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  ASSERT_GT(xlsx.response.body.size(), 4u);
  EXPECT_EQ(xlsx.response.body.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_NE(xlsx.header("Content-Disposition").find(".xlsx\""), std::string_view::npos);
}

}  // namespace
}  // namespace gotong::api_tests
