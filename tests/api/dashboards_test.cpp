// The equity and quadruple-helix dashboards (issue 15), asserted against a hand-counted fixture:
// five enterprises in Kabupaten Malang and Kota Batu, three groups, five assistance records from
// three stakeholders of three helixes. Drill-down sums equal their parent; a region with
// enterprises and nothing given shows as never served, so do groups never given to; an owner of
// unknown gender counts as such; filters narrow; every wrong input is named by its field.
//
// Stakeholders: 1 Dinas Koperasi (government, the harness's), 2 Bank Jatim (business),
// 3 Universitas Brawijaya (academia). Programmes: 1 Kredit Usaha Muda (Dinas owner; bank and
// university partners), 2 Pelatihan IBSC (university owner).
//
//   enterprise                  owner       sector           village (district, regency)   scale
//   E1 Tape Bu Siti             female      food_processing  Banjarsari (Ngajum, Malang)    micro
//   E2 Batik Sekar Arum         female      batik            Ngajum (Ngajum, Malang)        small
//   E3 Kopi Donomulyo           male        beverages        Tulungrejo (Donomulyo, Malang) micro
//   E4 Keripik Temas            unknown     food_processing  Temas (Batu, Kota Batu)        unknown
//   E5 Apel Ngaglik             female      agriculture      Ngaglik (Batu, Kota Batu)      micro
//   groups: G1 Banjarsari, G2 Temas, G3 Ngajum
//
//   record  recipient  kind             value       provider  programme  given_on
//   A1      E1         grant            1,000,000   Dinas     1          2024-03-05
//   A2      E1         training_seat      500,000   Univ      2          2024-05-10
//   A3      E3         working_capital 10,000,000   Bank      1          2023-07-01
//   A4      G1         equipment        2,500,000   Dinas     -          2024-01-10
//   A5      E5         exhibition_slot    750,000   Dinas     -          2024-08-17
#include <string>

#include "api/group_fixture.hpp"

namespace gotong::api_tests {
namespace {

class Dashboards : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    admin_ = Login("admin");
    officer_ = Login("officer");
    Stakeholder("Bank Jatim Cabang Batu", "business", "bank");
    Stakeholder("Universitas Brawijaya", "academia", "university");
    Programme("Kredit Usaha Muda", 1);
    Programme("Pelatihan IBSC", 3);
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, contribution, position) VALUES "
        "(1, 1, 'owner', 'government', NULL, 0), (1, 2, 'partner', 'business', 'kredit lunak', 1), "
        "(1, 3, 'partner', 'academia', NULL, 2), (2, 3, 'owner', 'academia', 'pelatih', 0)"));
    e1_ = Enterprise("Tape Bu Siti", "Siti Aminah", "female", "food_processing", kBanjarsari, 100'000'000);
    e2_ = Enterprise("Batik Sekar Arum", "Rina Wati", "female", "batik", "35.07.20.2001", 3'000'000'000);
    e3_ = Enterprise("Kopi Donomulyo", "Budi Santoso", "male", "beverages", "35.07.01.2001", 100'000'000);
    e4_ = Enterprise("Keripik Temas", "Ahmad", std::nullopt, "food_processing", "35.79.01.1001", std::nullopt);
    e5_ = Enterprise("Apel Ngaglik", "Wati", "female", "agriculture", "35.79.01.1002", 100'000'000);
    g1_ = Group("Kelompok Tape Banjarsari", kBanjarsari);
    Group("KUB Apel Batu", "35.79.01.1001");
    Group("Komunitas Batik Ngajum", "35.07.20.2001");
    Give(e1_, 0, "grant", 1'000'000, 1, 1, "2024-03-05");
    Give(e1_, 0, "training_seat", 500'000, 3, 2, "2024-05-10");
    Give(e3_, 0, "working_capital", 10'000'000, 2, 1, "2023-07-01");
    Give(0, g1_, "equipment", 2'500'000, 1, 0, "2024-01-10");
    Give(e5_, 0, "exhibition_slot", 750'000, 1, 0, "2024-08-17");
  }

  void Stakeholder(const std::string& name, const std::string& helix, const std::string& kind) {
    Reply reply = Write("POST", "/api/v1/stakeholders", json::object{{"name", name}, {"helix", helix}, {"kind", kind}},
                        &admin_);
    ASSERT_EQ(reply.status(), 201) << reply;
  }

  void Programme(const std::string& name, std::int64_t owner) {
    ASSERT_OK(test_database().Execute(
        "INSERT INTO programmes (name, search_name, owner_id, status, starts_on, ends_on, capital_access, "
        "human_resources, partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, "
        "budget, follow_up_months, created_at, updated_at) VALUES ('" + name + "', '" + name + "', " +
        std::to_string(owner) + ", 'active', '2023-01-01', '2025-12-31', 1, 1, 0, 0, 1, 0, 100000000, '3,6', "
        "'2023-01-01T00:00:00Z', '2023-01-01T00:00:00Z')"));
  }

  std::int64_t Enterprise(const std::string& name, const std::string& owner, std::optional<std::string> gender,
                          const std::string& sector, const std::string& village, std::optional<std::int64_t> turnover) {
    json::object person{{"name", owner}};
    if (gender) person["gender"] = *gender;
    json::object body{{"owner", person}, {"name", name}, {"sector", sector}, {"village_code", village}};
    if (turnover) body["turnover"] = *turnover;
    Reply reply = Write("POST", "/api/v1/enterprises", body, &admin_);
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  }

  std::int64_t Group(const std::string& name, const std::string& village) {
    Reply reply = Write("POST", "/api/v1/groups",
                        json::object{{"name", name},
                                     {"kind", "joint_business_group"},
                                     {"sector", "food_processing"},
                                     {"village_code", village},
                                     {"origin", "self_initiated"}},
                        &admin_);
    EXPECT_EQ(reply.status(), 201) << reply;
    return reply.status() == 201 ? reply.body.at("id").as_int64() : 0;
  }

  void Give(std::int64_t enterprise, std::int64_t group, const std::string& kind, std::int64_t value,
            std::int64_t provider, std::int64_t programme, const std::string& given_on) {
    json::object body{{"kind", kind}, {"value", value}, {"provider_id", provider}, {"given_on", given_on},
                      {"disbursed_on", given_on}};
    if (enterprise > 0) body["enterprise_id"] = enterprise;
    if (group > 0) body["group_id"] = group;
    if (programme > 0) body["programme_id"] = programme;
    Reply reply = Write("POST", "/api/v1/assistance", body, &admin_);
    ASSERT_EQ(reply.status(), 201) << reply;
  }

  Reply Equity(const std::string& query, const Browser* as = nullptr) {
    return Get("/api/v1/dashboards/equity" + query, as ? as : &officer_);
  }

  // The row of `key` in the answer's rows (a null value when there is none).
  static json::value Row(const Reply& reply, const std::string& key) {
    for (const auto& row : reply.body.at("rows").as_array()) {
      if (row.at("key") == key.c_str()) return row;
    }
    return nullptr;
  }

  static std::vector<std::string> Keys(const json::value& rows) {
    std::vector<std::string> keys;
    for (const auto& row : rows.as_array()) keys.emplace_back(row.at("key").as_string());
    return keys;
  }

  static std::vector<std::string> Names(const json::value& page) {
    std::vector<std::string> names;
    for (const auto& item : page.at("items").as_array()) names.emplace_back(item.at("name").as_string());
    return names;
  }

  // enterprises, enterprises_served, groups_served, records, value of a row.
  static std::vector<std::int64_t> Figures(const json::value& row) {
    if (row.is_null()) return {};
    return {row.at("enterprises").as_int64(), row.at("enterprises_served").as_int64(),
            row.at("groups_served").as_int64(), row.at("records").as_int64(), row.at("value").as_int64()};
  }
  using F = std::vector<std::int64_t>;

  Browser admin_, officer_;
  std::int64_t e1_ = 0, e2_ = 0, e3_ = 0, e4_ = 0, e5_ = 0, g1_ = 0;
};
GOTONG_INSTANTIATE_FOR_BACKENDS(Dashboards);

TEST_P(Dashboards, ProvincesRegenciesAndDistrictsAddUpToTheirParent) {
  Reply provinces = Equity("");
  ASSERT_EQ(provinces.status(), 200) << provinces;
  EXPECT_EQ(provinces.body.at("by"), "region");
  EXPECT_EQ(provinces.body.at("level"), "province");
  EXPECT_EQ(Figures(Row(provinces, "35")), (F{5, 3, 1, 5, 14'750'000}));
  EXPECT_EQ(Figures(provinces.body.at("totals")), (F{5, 3, 1, 5, 14'750'000}));
  EXPECT_EQ(provinces.body.at("counted_from").at("assistance"), "tallies");
  EXPECT_EQ(provinces.body.at("counted_from").at("served"), "tallies");

  Reply regencies = Equity("?region=35");
  ASSERT_EQ(regencies.status(), 200) << regencies;
  EXPECT_EQ(regencies.body.at("level"), "regency");
  EXPECT_EQ(regencies.body.at("region").at("code"), "35");
  EXPECT_EQ(Figures(Row(regencies, "35.07")), (F{3, 2, 1, 4, 14'000'000}));
  EXPECT_EQ(Figures(Row(regencies, "35.79")), (F{2, 1, 0, 1, 750'000}));
  EXPECT_EQ(Row(regencies, "35.07").at("name"), "Kabupaten Malang");
  EXPECT_EQ(Figures(Row(regencies, "35.78")), (F{0, 0, 0, 0, 0}));  // Kota Surabaya: no enterprises
  EXPECT_TRUE(Row(regencies, "35.78").at("share_served").is_null());
  EXPECT_EQ(Figures(regencies.body.at("totals")), Figures(Row(provinces, "35")));
  EXPECT_DOUBLE_EQ(Row(regencies, "35.07").at("share_served").as_double(), 2.0 / 3.0);
  EXPECT_EQ(Row(regencies, "35.07").at("value_per_enterprise"), 4'666'666);

  Reply districts = Equity("?region=35.07");
  ASSERT_EQ(districts.status(), 200) << districts;
  EXPECT_EQ(Figures(Row(districts, "35.07.20")), (F{2, 1, 1, 3, 4'000'000}));
  EXPECT_EQ(Figures(Row(districts, "35.07.01")), (F{1, 1, 0, 1, 10'000'000}));
  EXPECT_EQ(Figures(districts.body.at("totals")), Figures(Row(regencies, "35.07")));
}

TEST_P(Dashboards, AreasAndGroupsNeverServedAreListed) {
  Reply batu = Equity("?region=35.79.01");
  ASSERT_EQ(batu.status(), 200) << batu;
  EXPECT_EQ(batu.body.at("level"), "village");
  EXPECT_EQ(Figures(Row(batu, "35.79.01.1001")), (F{1, 0, 0, 0, 0}));  // Temas: Keripik Temas, nothing given
  EXPECT_EQ(Keys(batu.body.at("never_served")), std::vector<std::string>{"35.79.01.1001"});
  EXPECT_EQ(Names(batu.body.at("groups_never_served")), std::vector<std::string>{"KUB Apel Batu"});

  Reply ngajum = Equity("?region=35.07.20");
  ASSERT_EQ(ngajum.status(), 200) << ngajum;
  EXPECT_EQ(Keys(ngajum.body.at("never_served")), std::vector<std::string>{"35.07.20.2001"});
  EXPECT_EQ(Names(ngajum.body.at("groups_never_served")), std::vector<std::string>{"Komunitas Batik Ngajum"});

  Reply everywhere = Equity("?limit=1");
  ASSERT_EQ(everywhere.status(), 200) << everywhere;
  EXPECT_EQ(everywhere.body.at("groups_never_served").at("total"), 2);
  // By name, as people read a list ("Komunitas …" before "KUB …").
  EXPECT_EQ(Names(everywhere.body.at("groups_never_served")), std::vector<std::string>{"Komunitas Batik Ngajum"});
  Reply second = Equity("?limit=1&offset=1");
  EXPECT_EQ(Names(second.body.at("groups_never_served")), std::vector<std::string>{"KUB Apel Batu"});
  // Under a filter, a group given something else was not served either.
  Reply grants = Equity("?kind=grant");
  EXPECT_EQ(grants.body.at("groups_never_served").at("total"), 3);
}

TEST_P(Dashboards, GenderSectorAndScaleCountEnterprisesOnlyWithUnknownAsSuch) {
  Reply gender = Equity("?by=gender");
  ASSERT_EQ(gender.status(), 200) << gender;
  EXPECT_EQ(gender.body.at("by"), "gender");
  EXPECT_EQ(Keys(gender.body.at("rows")), (std::vector<std::string>{"female", "male", "unknown"}));
  EXPECT_EQ(Figures(Row(gender, "female")), (F{3, 2, 0, 3, 2'250'000}));
  EXPECT_EQ(Figures(Row(gender, "male")), (F{1, 1, 0, 1, 10'000'000}));
  EXPECT_EQ(Figures(Row(gender, "unknown")), (F{1, 0, 0, 0, 0}));
  EXPECT_EQ(Keys(gender.body.at("never_served")), std::vector<std::string>{"unknown"});
  // The group's equipment has no owner's gender: it counts in the region levels only.
  EXPECT_EQ(Figures(gender.body.at("totals")), (F{5, 3, 0, 4, 12'250'000}));

  Reply sector = Equity("?by=sector");
  ASSERT_EQ(sector.status(), 200) << sector;
  EXPECT_EQ(Figures(Row(sector, "food_processing")), (F{2, 1, 0, 2, 1'500'000}));
  EXPECT_EQ(Figures(Row(sector, "batik")), (F{1, 0, 0, 0, 0}));
  EXPECT_EQ(Figures(Row(sector, "beverages")), (F{1, 1, 0, 1, 10'000'000}));
  EXPECT_EQ(Keys(sector.body.at("never_served")), std::vector<std::string>{"batik"});

  Reply scale = Equity("?by=scale");
  ASSERT_EQ(scale.status(), 200) << scale;
  EXPECT_EQ(Figures(Row(scale, "micro")), (F{3, 3, 0, 4, 12'250'000}));
  EXPECT_EQ(Figures(Row(scale, "small")), (F{1, 0, 0, 0, 0}));
  EXPECT_EQ(Figures(Row(scale, "unknown")), (F{1, 0, 0, 0, 0}));
  EXPECT_EQ(Keys(scale.body.at("never_served")), (std::vector<std::string>{"small", "unknown"}));
}

TEST_P(Dashboards, FiltersNarrowTheAssistanceNotTheRegistry) {
  Reply grants = Equity("?region=35&kind=grant");
  ASSERT_EQ(grants.status(), 200) << grants;
  EXPECT_EQ(Figures(Row(grants, "35.07")), (F{3, 1, 0, 1, 1'000'000}));
  EXPECT_EQ(Keys(grants.body.at("never_served")), std::vector<std::string>{"35.79"});

  Reply academia = Equity("?region=35&helix=academia");
  EXPECT_EQ(Figures(Row(academia, "35.07")), (F{3, 1, 0, 1, 500'000}));

  Reply year = Equity("?region=35&from=2024-01-01&to=2024-12-31");
  ASSERT_EQ(year.status(), 200) << year;
  EXPECT_EQ(Figures(Row(year, "35.07")), (F{3, 1, 1, 3, 4'000'000}));
  EXPECT_EQ(year.body.at("counted_from").at("served"), "tallies");

  // Not whole months: counted from the ledger, the same way.
  Reply spring = Equity("?region=35&from=2024-03-01&to=2024-06-15");
  ASSERT_EQ(spring.status(), 200) << spring;
  EXPECT_EQ(Figures(Row(spring, "35.07")), (F{3, 1, 0, 2, 1'500'000}));
  EXPECT_EQ(spring.body.at("counted_from").at("assistance"), "ledger");
  EXPECT_EQ(spring.body.at("counted_from").at("served"), "ledger");
  EXPECT_EQ(spring.body.at("filters").at("from"), "2024-03-01");

  Reply programme = Equity("?region=35.07&programme_id=1");
  ASSERT_EQ(programme.status(), 200) << programme;
  EXPECT_EQ(Figures(Row(programme, "35.07.20")), (F{2, 1, 0, 1, 1'000'000}));
  EXPECT_EQ(Figures(Row(programme, "35.07.01")), (F{1, 1, 0, 1, 10'000'000}));

  // A kept count follows an edit: the batik enterprise moves to Kota Batu.
  Reply moved = Write("PATCH", "/api/v1/enterprises/" + std::to_string(e2_),
                      json::object{{"village_code", "35.79.01.1002"}}, &admin_);
  ASSERT_EQ(moved.status(), 200) << moved;
  Reply after = Equity("?region=35");
  EXPECT_EQ(Figures(Row(after, "35.07")), (F{2, 2, 1, 4, 14'000'000}));
  EXPECT_EQ(Figures(Row(after, "35.79")), (F{3, 1, 0, 1, 750'000}));
}

TEST_P(Dashboards, WrongInputIsNamedByItsField) {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"?from=2024-13-01", "from:invalid_format"},
      {"?from=2024-05-01&to=2024-04-30", "from:after_to"},
      {"?kind=loan", "kind:invalid_value"},
      {"?by=colour", "by:invalid_value"},
      {"?helix=military", "helix:invalid_value"},
      {"?region=99.99", "region:not_found"},
      {"?region=malang", "region:invalid_value"},
      {"?region=35.07.20.2004", "region:no_smaller_areas"},
      {"?by=sector&region=35", "region:only_by_region"},
      {"?programme_id=999", "programme_id:not_found"},
  };
  for (const auto& [query, error] : cases) {
    Reply reply = Equity(query);
    EXPECT_EQ(reply.status(), 400) << query << ": " << reply;
    const auto at = error.find(':');
    EXPECT_TRUE(HasFieldError(reply, error.substr(0, at), error.substr(at + 1))) << query << ": " << reply;
  }
  Reply unknown = Equity("?colour=red");
  EXPECT_EQ(unknown.status(), 400) << unknown;
}

TEST_P(Dashboards, EquityIsForAdminsAndOfficersHelixAlsoForFacilitators) {
  for (Role role : domain::accounts::kAllRoles) {
    Browser browser = Login(NameOf(role));
    const bool office = role == Role::kAdmin || role == Role::kOfficer;
    EXPECT_EQ(Equity("", &browser).status(), office ? 200 : 403) << NameOf(role);
    const bool helix = office || role == Role::kFacilitator;
    EXPECT_EQ(Get("/api/v1/dashboards/helix", &browser).status(), helix ? 200 : 403) << NameOf(role);
  }
  EXPECT_EQ(Get("/api/v1/dashboards/equity").status(), 401);
}

TEST_P(Dashboards, TheHelixNetworkAndWhatEachHelixContributes) {
  Browser facilitator = Login("facilitator");
  Reply helix = Get("/api/v1/dashboards/helix", &facilitator);
  ASSERT_EQ(helix.status(), 200) << helix;
  EXPECT_EQ(helix.body.at("nodes").as_array().size(), 5u);  // three stakeholders, two programmes
  EXPECT_EQ(helix.body.at("edges").as_array().size(), 4u);
  EXPECT_EQ(helix.body.at("programmes_total"), 2);
  EXPECT_EQ(helix.body.at("max_programmes"), 500);
  EXPECT_EQ(helix.body.at("truncated"), false);
  bool found = false;
  for (const auto& edge : helix.body.at("edges").as_array()) {
    if (edge.at("source") == "s2" && edge.at("target") == "p1") {
      found = true;
      EXPECT_EQ(edge.at("role"), "partner");
      EXPECT_EQ(edge.at("helix"), "business");
      EXPECT_EQ(edge.at("contribution"), "kredit lunak");
    }
  }
  EXPECT_TRUE(found) << helix;
  const auto& helixes = helix.body.at("helixes").as_array();
  ASSERT_EQ(helixes.size(), 4u);
  auto figures = [](const json::value& h) {
    return F{h.at("programmes_owned").as_int64(), h.at("programmes_partnered").as_int64(),
             h.at("contributions_declared").as_int64(), h.at("records").as_int64(), h.at("value").as_int64()};
  };
  EXPECT_EQ(helixes[0].at("helix"), "government");
  EXPECT_EQ(figures(helixes[0]), (F{1, 0, 0, 3, 4'250'000}));
  EXPECT_EQ(helixes[0].at("by_kind").as_array().size(), 3u);
  EXPECT_EQ(figures(helixes[1]), (F{0, 1, 1, 1, 10'000'000}));
  EXPECT_EQ(figures(helixes[2]), (F{1, 1, 1, 1, 500'000}));
  EXPECT_EQ(helixes[3].at("helix"), "civil_society");
  EXPECT_EQ(figures(helixes[3]), (F{0, 0, 0, 0, 0}));
}

}  // namespace
}  // namespace gotong::api_tests
