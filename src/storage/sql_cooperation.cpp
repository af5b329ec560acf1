// Cooperation among a group's members: market areas, joint orders and their shares, knowledge
// posts with useful marks, raw-material posts and collective purchases.

#include <boost/json.hpp>

#include "storage/sql_groups.hpp"
#include "storage/sql_row.hpp"

namespace gotong::storage::internal {
namespace {

namespace json = boost::json;
using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

// ---- market areas -------------------------------------------------------------------------

// A claim is inserted once; EndArea writes its end alone.
constexpr Column<MarketArea> kAreaColumns[] = {
    Member<&MarketArea::id>("a.id"),
    Field<&MarketArea::group_id>("a.group_id"),
    Field<&MarketArea::member_id>("a.member_id"),
    Member<&MarketArea::member_name>("p.name"),
    Field<&MarketArea::area>("a.area"),
    Field<&MarketArea::deliberation_id>("a.deliberation_id"),
    Field<&MarketArea::claimed_on>("a.claimed_on"),
    Member<&MarketArea::ended_on>("a.ended_on"),
    Field<&MarketArea::created_at>("a.created_at"),
    {"area_key", CellKind::kText, nullptr,
     [](const MarketArea& a, Cell& cell) { cell.SetText(AreaKey(a.area)); }, Written::kAlways},
};
constexpr RecordTable<MarketArea> kAreaTable{kAreaColumns,
                                             " FROM market_areas a JOIN memberships m ON m.id = "
                                             "a.member_id JOIN people p ON p.id = m.person_id",
                                             "a", "market area"};

// ---- joint orders -------------------------------------------------------------------------

// What was ordered is written once; an update moves the status. The shares are written apart.
constexpr Column<JointOrder> kOrderColumns[] = {
    Member<&JointOrder::id>("o.id"),
    Field<&JointOrder::group_id>("o.group_id").OnInsert(),
    Field<&JointOrder::customer>("o.customer").OnInsert(),
    Field<&JointOrder::product>("o.product").OnInsert(),
    Field<&JointOrder::quantity>("o.quantity").OnInsert(),
    Field<&JointOrder::unit>("o.unit").OnInsert(),
    Field<&JointOrder::unit_price>("o.unit_price").OnInsert(),
    Field<&JointOrder::due_on>("o.due_on").OnInsert(),
    Field<&JointOrder::status, ParseOrderStatus>("o.status"),
    Field<&JointOrder::created_at>("o.created_at").OnInsert(),
    Field<&JointOrder::updated_at>("o.updated_at"),
};
constexpr RecordTable<JointOrder> kOrderTable{kOrderColumns, " FROM joint_orders o", "o",
                                              "joint order"};

// A share is read with its order's id (not one of its members), which places it.
constexpr Column<OrderShare> kShareColumns[] = {
    Member<&OrderShare::member_id>("s.member_id"), Member<&OrderShare::member_name>("p.name"),
    Member<&OrderShare::capacity>("s.capacity"),   Member<&OrderShare::quantity>("s.quantity"),
    Member<&OrderShare::delivered>("s.delivered"), Member<&OrderShare::paid_out>("s.paid_out"),
};

// An empty page of `page`'s size holding the count of the rows of `table` that group `group_id`
// has.
template <typename T>
core::Page<T> CountedPage(soci::session& sql, const std::string& table, std::int64_t group_id,
                          const core::PageRequest& page) {
  core::Page<T> result{{}, 0, page.limit, page.offset};
  long long group = group_id, total = 0;
  sql << "SELECT COUNT(*) FROM " + table + " WHERE group_id = :g", soci::into(total), soci::use(group);
  result.total = total;
  return result;
}

// A post's tags as stored: a JSON array of strings, since a tag may hold a comma. Posts written
// before that hold their tags joined by commas, and are read so.
std::string JoinTags(const std::vector<std::string>& tags) {
  json::array array;
  for (const auto& tag : tags) array.emplace_back(tag);
  return json::serialize(array);
}

std::vector<std::string> SplitTags(const std::string& text) {
  std::vector<std::string> tags;
  if (!text.empty() && text.front() == '[') {
    json::error_code ec;
    auto value = json::parse(text, ec);
    if (!ec && value.is_array()) {
      for (const auto& item : value.as_array()) {
        if (item.is_string()) tags.emplace_back(item.as_string());
      }
      return tags;
    }
  }
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    if (comma > start) tags.push_back(text.substr(start, comma - start));
    start = comma + 1;
  }
  return tags;
}

// ---- knowledge posts ----------------------------------------------------------------------

// Posts are not updated.
constexpr Column<KnowledgePost> kPostColumns[] = {
    Member<&KnowledgePost::id>("k.id"),
    Field<&KnowledgePost::group_id>("k.group_id"),
    Field<&KnowledgePost::member_id>("k.member_id"),
    Member<&KnowledgePost::member_name>("p.name"),
    Field<&KnowledgePost::kind, ParsePostKind>("k.kind"),
    Field<&KnowledgePost::title>("k.title"),
    Field<&KnowledgePost::body>("k.body"),
    {"k.tags", CellKind::kText,
     [](KnowledgePost& k, const Cell& cell, std::string_view) { k.tags = SplitTags(cell.text); },
     [](const KnowledgePost& k, Cell& cell) { cell.SetText(JoinTags(k.tags)); }, Written::kAlways},
    Member<&KnowledgePost::useful>("(SELECT COUNT(*) FROM useful_marks u WHERE u.post_id = k.id)"),
    Field<&KnowledgePost::created_at>("k.created_at"),
};
constexpr RecordTable<KnowledgePost> kPostTable{
    kPostColumns,
    " FROM knowledge_posts k JOIN memberships m ON m.id = k.member_id JOIN people p ON p.id = "
    "m.person_id",
    "k", "knowledge post"};

// ---- raw material -------------------------------------------------------------------------

// The post's own fields are its `post`; the group, the name, the price and the creation are the
// record's.
// A post is inserted open; CloseMaterial closes it.
constexpr Column<MaterialRecord> kMaterialColumns[] = {
    PartMember<&MaterialRecord::post, &MaterialPost::id>("t.id"),
    Field<&MaterialRecord::group_id>("t.group_id"),
    PartField<&MaterialRecord::post, &MaterialPost::member_id>("t.member_id"),
    Member<&MaterialRecord::member_name>("p.name"),
    PartField<&MaterialRecord::post, &MaterialPost::kind, ParseMaterialKind>("t.kind"),
    PartField<&MaterialRecord::post, &MaterialPost::material>("t.material"),
    PartField<&MaterialRecord::post, &MaterialPost::unit>("t.unit"),
    PartField<&MaterialRecord::post, &MaterialPost::quantity>("t.quantity"),
    Field<&MaterialRecord::price>("t.price"),
    PartField<&MaterialRecord::post, &MaterialPost::until>("t.until_on"),
    PartField<&MaterialRecord::post, &MaterialPost::closed>("t.closed").OnInsert(),  // open
    Field<&MaterialRecord::created_at>("t.created_at"),
};
constexpr RecordTable<MaterialRecord> kMaterialTable{
    kMaterialColumns,
    " FROM material_posts t JOIN memberships m ON m.id = t.member_id JOIN people p ON p.id = "
    "m.person_id",
    "t", "material post"};

// A purchase's group is the one asked for.
// Purchases are not updated.
constexpr Column<CollectivePurchase> kPurchaseColumns[] = {
    Member<&CollectivePurchase::id>("c.id"),
    Field<&CollectivePurchase::supplier>("c.supplier"),
    Field<&CollectivePurchase::material>("c.material"),
    Field<&CollectivePurchase::unit>("c.unit"),
    Field<&CollectivePurchase::quantity>("c.quantity"),
    Field<&CollectivePurchase::group_price>("c.group_price"),
    Field<&CollectivePurchase::alone_price>("c.alone_price"),
    Field<&CollectivePurchase::purchased_on>("c.purchased_on"),
    Field<&CollectivePurchase::entry_id>("c.entry_id"),
    Field<&CollectivePurchase::created_at>("c.created_at"),
    WrittenOnly<&CollectivePurchase::group_id>("group_id"),
};
constexpr RecordTable<CollectivePurchase> kPurchaseTable{
    kPurchaseColumns, " FROM collective_purchases c", "c", "collective purchase"};

void LoadShares(soci::session& sql, std::span<JointOrder> orders) {
  LoadChildren<&JointOrder::shares>(sql, orders, kShareColumns,
                                    " FROM order_shares s JOIN memberships m ON m.id = s.member_id "
                                    "JOIN people p ON p.id = m.person_id",
                                    "s.order_id", "s.order_id, s.position");
}

}  // namespace

// ---- market areas -------------------------------------------------------------------------

core::Result<std::int64_t> SqlCooperationRepository::InsertArea(const MarketArea& area) {
  return Guard("claim market area", [&]() -> core::Result<std::int64_t> {
    return InsertRecord<MarketArea>(sql_, "market_areas", kAreaColumns, area);
  });
}

core::Status SqlCooperationRepository::EndArea(std::int64_t id, core::Date ended_on) {
  return Guard("end market area", [&]() -> core::Status {
    long long key = id;
    std::string day = ended_on.ToString();
    sql_ << "UPDATE market_areas SET ended_on = :d WHERE id = :id", soci::use(day), soci::use(key);
    return core::OkStatus();
  });
}

core::Result<std::vector<MarketArea>> SqlCooperationRepository::SelectAreas(
    const std::string& where, long long group_id, std::optional<long long> id) {
  Params params;
  std::string text = " WHERE a.group_id = ";
  params.Number(text, group_id);
  if (id) {
    text += " AND a.id = ";
    params.Number(text, *id);
  }
  return SelectRecords(sql_, kAreaTable, text + where + " ORDER BY a.area_key, a.id", params);
}

core::Result<MarketArea> SqlCooperationRepository::FindArea(std::int64_t group_id, std::int64_t id) {
  return FindRecord(sql_, kAreaTable, id, group_id);
}

core::Result<std::vector<MarketArea>> SqlCooperationRepository::Areas(std::int64_t group_id,
                                                                      bool include_ended) {
  return Guard("list market areas", [&]() -> core::Result<std::vector<MarketArea>> {
    return SelectAreas(include_ended ? "" : " AND a.ended_on IS NULL", group_id, std::nullopt);
  });
}

// ---- joint orders -------------------------------------------------------------------------

core::Result<std::int64_t> SqlCooperationRepository::InsertOrder(const JointOrder& order) {
  return Guard("insert joint order", [&]() -> core::Result<std::int64_t> {
    long long id = InsertRecord<JointOrder>(sql_, "joint_orders", kOrderColumns, order);
    int position = 0;
    for (const auto& share : order.shares) {
      ++position;
      long long member = share.member_id, capacity = share.capacity, part = share.quantity,
                delivered = share.delivered, paid = share.paid_out;
      sql_ << "INSERT INTO order_shares (order_id, member_id, position, capacity, quantity, delivered, "
              "paid_out) VALUES (:a, :b, :c, :d, :e, :f, :g)",
          soci::use(id), soci::use(member), soci::use(position), soci::use(capacity), soci::use(part),
          soci::use(delivered), soci::use(paid);
    }
    return static_cast<std::int64_t>(id);
  });
}

core::Status SqlCooperationRepository::UpdateOrder(const JointOrder& order) {
  return Guard("update joint order", [&]() -> core::Status {
    UpdateRecord<JointOrder>(sql_, "joint_orders", kOrderColumns, order);
    long long id = order.id;
    for (const auto& share : order.shares) {
      long long member = share.member_id, delivered = share.delivered, paid = share.paid_out;
      sql_ << "UPDATE order_shares SET delivered = :d, paid_out = :p WHERE order_id = :o AND member_id = :m",
          soci::use(delivered), soci::use(paid), soci::use(id), soci::use(member);
    }
    return core::OkStatus();
  });
}

core::Result<JointOrder> SqlCooperationRepository::FindOrder(std::int64_t group_id, std::int64_t id) {
  return Guard("find joint order", [&]() -> core::Result<JointOrder> {
    GOTONG_ASSIGN_OR_RETURN(auto order, FindRecord(sql_, kOrderTable, id, group_id));
    LoadShares(sql_, std::span(&order, 1));
    return order;
  });
}

core::Result<core::Page<JointOrder>> SqlCooperationRepository::Orders(std::int64_t group_id,
                                                                      const core::PageRequest& page) {
  return Guard("list joint orders", [&]() -> core::Result<core::Page<JointOrder>> {
    auto result = CountedPage<JointOrder>(sql_, "joint_orders", group_id, page);
    Params params;
    std::string where = " WHERE o.group_id = ";
    params.Number(where, group_id);
    where += " ORDER BY o.id DESC";
    params.Page(where, page);
    result.items = SelectRecords(sql_, kOrderTable, where, params);
    LoadShares(sql_, result.items);
    return result;
  });
}

core::Result<core::Page<JointOrder>> SqlCooperationRepository::OrdersOf(std::int64_t group_id,
                                                                        std::int64_t member_id,
                                                                        const core::PageRequest& page) {
  return Guard("list a member's joint orders", [&]() -> core::Result<core::Page<JointOrder>> {
    Params params;
    // Read after the table's FROM: the join to the shares, then the WHERE.
    std::string where = " JOIN order_shares s ON s.order_id = o.id WHERE o.group_id = ";
    params.Number(where, group_id);
    where += " AND s.member_id = ";
    params.Number(where, member_id);
    auto result = PagedRecords(sql_, page, kOrderTable, where, params, "o.id DESC");
    LoadShares(sql_, result.items);
    return result;
  });
}

// ---- knowledge posts ----------------------------------------------------------------------

core::Result<std::int64_t> SqlCooperationRepository::InsertPost(const KnowledgePost& post) {
  return AddRecord(sql_, kPostTable, post);
}

core::Result<std::vector<KnowledgePost>> SqlCooperationRepository::SelectPosts(long long group_id,
                                                                               const Tail& more) {
  Params params;
  std::string where = " WHERE k.group_id = ";
  params.Number(where, group_id);
  more(where, params);
  return SelectRecords(sql_, kPostTable, where, params);
}

core::Result<KnowledgePost> SqlCooperationRepository::FindPost(std::int64_t group_id, std::int64_t id) {
  return Guard("find knowledge post", [&]() -> core::Result<KnowledgePost> {
    if (auto post = FetchRecord(sql_, kPostTable, id, group_id)) return *std::move(post);
    return core::Error::NotFound("no post " + std::to_string(id) + " in this group");
  });
}

core::Result<core::Page<KnowledgePost>> SqlCooperationRepository::Posts(std::int64_t group_id,
                                                                        const core::PageRequest& page) {
  return Guard("list knowledge posts", [&]() -> core::Result<core::Page<KnowledgePost>> {
    auto result = CountedPage<KnowledgePost>(sql_, "knowledge_posts", group_id, page);
    GOTONG_ASSIGN_OR_RETURN(result.items, SelectPosts(group_id, [&](std::string& sql, Params& params) {
      sql += " ORDER BY k.id DESC";
      params.Page(sql, page);
    }));
    return result;
  });
}

core::Result<core::Page<KnowledgePost>> SqlCooperationRepository::PostsOf(std::int64_t group_id,
                                                                          std::int64_t member_id,
                                                                          const core::PageRequest& page) {
  return Guard("list a member's knowledge posts", [&]() -> core::Result<core::Page<KnowledgePost>> {
    core::Page<KnowledgePost> result{{}, 0, page.limit, page.offset};
    long long group = group_id, member = member_id, total = 0;
    sql_ << "SELECT COUNT(*) FROM knowledge_posts WHERE group_id = :g AND member_id = :m",
        soci::into(total), soci::use(group), soci::use(member);
    result.total = total;
    GOTONG_ASSIGN_OR_RETURN(result.items, SelectPosts(group_id, [&](std::string& sql, Params& params) {
      sql += " AND k.member_id = ";
      params.Number(sql, member_id);
      sql += " ORDER BY k.id DESC";
      params.Page(sql, page);
    }));
    return result;
  });
}

core::Status SqlCooperationRepository::MarkUseful(std::int64_t post_id, std::int64_t member_id,
                                                  core::Instant at) {
  return GuardUnique(
      "mark post useful",
      [&] {
        return core::Error::Exists("member_id", "this member has marked the post useful already");
      },
      [&]() -> core::Status {
        long long post = post_id, member = member_id;
        std::string when = Text(at);
        sql_ << "INSERT INTO useful_marks (post_id, member_id, marked_at) VALUES (:p, :m, :a)",
            soci::use(post), soci::use(member), soci::use(when);
        return core::OkStatus();
      });
}

// ---- raw material -------------------------------------------------------------------------

core::Result<std::int64_t> SqlCooperationRepository::InsertMaterial(const MaterialRecord& record) {
  return AddRecord(sql_, kMaterialTable, record);
}

core::Result<std::vector<MaterialRecord>> SqlCooperationRepository::SelectMaterials(
    long long group_id, const Tail& more) {
  Params params;
  std::string where = " WHERE t.group_id = ";
  params.Number(where, group_id);
  more(where, params);
  return SelectRecords(sql_, kMaterialTable, where, params);
}

core::Result<MaterialRecord> SqlCooperationRepository::FindMaterial(std::int64_t group_id, std::int64_t id) {
  return FindRecord(sql_, kMaterialTable, id, group_id);
}

core::Status SqlCooperationRepository::CloseMaterial(std::int64_t id) {
  return Guard("close material post", [&]() -> core::Status {
    long long key = id;
    sql_ << "UPDATE material_posts SET closed = 1 WHERE id = :id", soci::use(key);
    return core::OkStatus();
  });
}

core::Result<std::vector<MaterialRecord>> SqlCooperationRepository::OpenMaterials(std::int64_t group_id,
                                                                                  core::Date today,
                                                                                  int limit) {
  return Guard("list material posts", [&]() -> core::Result<std::vector<MaterialRecord>> {
    return SelectMaterials(group_id, [&](std::string& sql, Params& params) {
      sql += " AND t.closed = 0 AND t.until_on >= ";
      params.Text(sql, today.ToString());
      sql += " ORDER BY t.id LIMIT ";
      params.Number(sql, limit);
    });
  });
}

core::Result<std::int64_t> SqlCooperationRepository::InsertPurchase(const CollectivePurchase& purchase) {
  return AddRecord(sql_, kPurchaseTable, purchase);
}

core::Result<core::Page<CollectivePurchase>> SqlCooperationRepository::Purchases(
    std::int64_t group_id, const core::PageRequest& page) {
  return Guard("list collective purchases", [&]() -> core::Result<core::Page<CollectivePurchase>> {
    auto result = CountedPage<CollectivePurchase>(sql_, "collective_purchases", group_id, page);
    Params params;
    std::string where = " WHERE c.group_id = ";
    params.Number(where, group_id);
    where += " ORDER BY c.purchased_on DESC, c.id DESC";
    params.Page(where, page);
    result.items = SelectRecords(sql_, kPurchaseTable, where, params);
    for (auto& purchase : result.items) purchase.group_id = group_id;
    return result;
  });
}

}  // namespace gotong::storage::internal
