// Cooperation among a group's members: market areas, joint orders and their shares, knowledge
// posts with useful marks, raw-material posts and collective purchases.

#include <boost/json.hpp>
#include <map>

#include "sql_groups.hpp"
#include "sql_row.hpp"

namespace gotong::storage::internal {
namespace {

namespace json = boost::json;
using namespace domain::groups;  // NOLINT: this file implements that context's interfaces

constexpr const char* kAreaSelect =
    "SELECT a.id, a.group_id, a.member_id, p.name, a.area, a.deliberation_id, a.claimed_on, "
    "a.ended_on, a.created_at FROM market_areas a JOIN memberships m ON m.id = a.member_id "
    "JOIN people p ON p.id = m.person_id";

constexpr Column<JointOrder> kOrderColumns[] = {
    Member<&JointOrder::id>("o.id"),
    Member<&JointOrder::group_id>("o.group_id"),
    Member<&JointOrder::customer>("o.customer"),
    Member<&JointOrder::product>("o.product"),
    Member<&JointOrder::quantity>("o.quantity"),
    Member<&JointOrder::unit>("o.unit"),
    Member<&JointOrder::unit_price>("o.unit_price"),
    Member<&JointOrder::due_on>("o.due_on"),
    Member<&JointOrder::status, ParseOrderStatus>("o.status"),
    Member<&JointOrder::created_at>("o.created_at"),
    Member<&JointOrder::updated_at>("o.updated_at"),
};
constexpr RecordTable<JointOrder> kOrderTable{kOrderColumns, " FROM joint_orders o", "o",
                                              "joint order"};

// What was ordered is written once; an update moves the status. The shares are written apart.
constexpr WriteColumn<JointOrder> kOrderWrites[] = {
    Writes<&JointOrder::status>("status"),
    Writes<&JointOrder::updated_at>("updated_at"),
    WritesOnce<&JointOrder::group_id>("group_id"),
    WritesOnce<&JointOrder::customer>("customer"),
    WritesOnce<&JointOrder::product>("product"),
    WritesOnce<&JointOrder::quantity>("quantity"),
    WritesOnce<&JointOrder::unit>("unit"),
    WritesOnce<&JointOrder::unit_price>("unit_price"),
    WritesOnce<&JointOrder::due_on>("due_on"),
    WritesOnce<&JointOrder::created_at>("created_at"),
};

constexpr const char* kPostSelect =
    "SELECT k.id, k.group_id, k.member_id, p.name, k.kind, k.title, k.body, k.tags, "
    "(SELECT COUNT(*) FROM useful_marks u WHERE u.post_id = k.id), k.created_at "
    "FROM knowledge_posts k JOIN memberships m ON m.id = k.member_id JOIN people p ON p.id = m.person_id";

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

constexpr const char* kMaterialSelect =
    "SELECT t.id, t.group_id, t.member_id, p.name, t.kind, t.material, t.unit, t.quantity, t.price, "
    "t.until_on, t.closed, t.created_at FROM material_posts t "
    "JOIN memberships m ON m.id = t.member_id JOIN people p ON p.id = m.person_id";

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

// Runs `sql` with `params` and calls `row` once per fetched row.
template <typename Bind, typename Row>
void ForRows(soci::session& sql, const std::string& text, const Params& params, Bind bind, Row row) {
  Query query(sql);
  bind(query);
  params.BindTo(query);
  if (query.Run(text)) {
    do {
      row();
    } while (query.Next());
  }
}

}  // namespace

// ---- market areas -------------------------------------------------------------------------

core::Result<std::int64_t> SqlCooperationRepository::InsertArea(const MarketArea& area) {
  return Guard("claim market area", [&]() -> core::Result<std::int64_t> {
    long long group = area.group_id, member = area.member_id, id = 0;
    std::string key = AreaKey(area.area), claimed = area.claimed_on.ToString(), created = Text(area.created_at);
    auto deliberation = NumberIn(area.deliberation_id);
    Query query(sql_);
    query.Use(group).Use(member).Use(area.area).Use(key).Use(deliberation.value, deliberation.indicator)
        .Use(claimed).Use(created).Into(id);
    query.Run("INSERT INTO market_areas (group_id, member_id, area, area_key, deliberation_id, "
              "claimed_on, created_at) VALUES (:a, :b, :c, :d, :e, :f, :g) RETURNING id");
    return static_cast<std::int64_t>(id);
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

core::Result<std::vector<MarketArea>> SqlCooperationRepository::SelectAreas(const std::string& where,
                                                                            long long group_id,
                                                                            std::optional<long long> id) {
  std::vector<MarketArea> areas;
  Params params;
  std::string text = std::string(kAreaSelect) + " WHERE a.group_id = ";
  params.Number(text, group_id);
  if (id) {
    text += " AND a.id = ";
    params.Number(text, *id);
  }
  text += where + " ORDER BY a.area_key, a.id";
  long long key = 0, group = 0, member = 0;
  std::string name, area, claimed, created;
  Slot<long long> deliberation;
  Slot<std::string> ended;
  ForRows(
      sql_, text, params,
      [&](Query& query) {
        query.Into(key).Into(group).Into(member).Into(name).Into(area)
            .Into(deliberation.value, deliberation.indicator).Into(claimed)
            .Into(ended.value, ended.indicator).Into(created);
      },
      [&] {
        MarketArea a;
        a.id = key;
        a.group_id = group;
        a.member_id = member;
        a.member_name = name;
        a.area = area;
        if (deliberation.has()) a.deliberation_id = deliberation.value;
        a.claimed_on = DateFrom(claimed);
        a.ended_on = OptionalDate(ended);
        a.created_at = InstantFrom(created);
        areas.push_back(std::move(a));
      });
  return areas;
}

core::Result<MarketArea> SqlCooperationRepository::FindArea(std::int64_t group_id, std::int64_t id) {
  return Guard("find market area", [&]() -> core::Result<MarketArea> {
    GOTONG_ASSIGN_OR_RETURN(auto found, SelectAreas("", group_id, id));
    if (found.empty()) return core::Error::NotFound("no market area " + std::to_string(id) + " in this group");
    return std::move(found.front());
  });
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
    long long id = InsertRecord<JointOrder>(sql_, "joint_orders", kOrderWrites, order);
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
    UpdateRecord<JointOrder>(sql_, "joint_orders", kOrderWrites, order);
    long long id = order.id;
    for (const auto& share : order.shares) {
      long long member = share.member_id, delivered = share.delivered, paid = share.paid_out;
      sql_ << "UPDATE order_shares SET delivered = :d, paid_out = :p WHERE order_id = :o AND member_id = :m",
          soci::use(delivered), soci::use(paid), soci::use(id), soci::use(member);
    }
    return core::OkStatus();
  });
}

core::Status SqlCooperationRepository::LoadShares(std::vector<JointOrder>& orders) {
  if (orders.empty()) return core::OkStatus();
  std::map<std::int64_t, JointOrder*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& order : orders) {
    by_id[order.id] = &order;
    ids.push_back(order.id);
  }
  Params params;
  std::string text =
      "SELECT s.order_id, s.member_id, p.name, s.capacity, s.quantity, s.delivered, s.paid_out "
      "FROM order_shares s JOIN memberships m ON m.id = s.member_id JOIN people p ON p.id = m.person_id "
      "WHERE s.order_id IN " + IdList(params, ids) + " ORDER BY s.order_id, s.position";
  long long order_id = 0, member = 0, capacity = 0, quantity = 0, delivered = 0, paid = 0;
  std::string name;
  ForRows(
      sql_, text, params,
      [&](Query& query) {
        query.Into(order_id).Into(member).Into(name).Into(capacity).Into(quantity).Into(delivered).Into(paid);
      },
      [&] { by_id.at(order_id)->shares.push_back({member, name, capacity, quantity, delivered, paid}); });
  return core::OkStatus();
}

core::Result<JointOrder> SqlCooperationRepository::FindOrder(std::int64_t group_id, std::int64_t id) {
  return Guard("find joint order", [&]() -> core::Result<JointOrder> {
    GOTONG_ASSIGN_OR_RETURN(auto order, FindRecord(sql_, kOrderTable, id, group_id));
    std::vector<JointOrder> found{std::move(order)};
    GOTONG_RETURN_IF_ERROR(LoadShares(found));
    return std::move(found.front());
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
    GOTONG_RETURN_IF_ERROR(LoadShares(result.items));
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
    GOTONG_RETURN_IF_ERROR(LoadShares(result.items));
    return result;
  });
}

// ---- knowledge posts ----------------------------------------------------------------------

core::Result<std::int64_t> SqlCooperationRepository::InsertPost(const KnowledgePost& post) {
  return Guard("insert knowledge post", [&]() -> core::Result<std::int64_t> {
    long long group = post.group_id, member = post.member_id, id = 0;
    std::string kind(ToString(post.kind)), tags = JoinTags(post.tags), created = Text(post.created_at);
    Query query(sql_);
    query.Use(group).Use(member).Use(kind).Use(post.title).Use(post.body).Use(tags).Use(created).Into(id);
    query.Run("INSERT INTO knowledge_posts (group_id, member_id, kind, title, body, tags, created_at) "
              "VALUES (:a, :b, :c, :d, :e, :f, :g) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<KnowledgePost>> SqlCooperationRepository::SelectPosts(long long group_id,
                                                                               const Tail& more) {
  std::vector<KnowledgePost> posts;
  Params params;
  std::string text = std::string(kPostSelect) + " WHERE k.group_id = ";
  params.Number(text, group_id);
  more(text, params);
  long long id = 0, group = 0, member = 0, useful = 0;
  std::string name, kind, title, body, tags, created;
  ForRows(
      sql_, text, params,
      [&](Query& query) {
        query.Into(id).Into(group).Into(member).Into(name).Into(kind).Into(title).Into(body).Into(tags)
            .Into(useful).Into(created);
      },
      [&] {
        KnowledgePost p;
        p.id = id;
        p.group_id = group;
        p.member_id = member;
        p.member_name = name;
        p.kind = Stored("kind", kind, ParsePostKind);
        p.title = title;
        p.body = body;
        p.tags = SplitTags(tags);
        p.useful = useful;
        p.created_at = InstantFrom(created);
        posts.push_back(std::move(p));
      });
  return posts;
}

core::Result<KnowledgePost> SqlCooperationRepository::FindPost(std::int64_t group_id, std::int64_t id) {
  return Guard("find knowledge post", [&]() -> core::Result<KnowledgePost> {
    GOTONG_ASSIGN_OR_RETURN(auto found, SelectPosts(group_id, [&](std::string& sql, Params& params) {
      sql += " AND k.id = ";
      params.Number(sql, id);
    }));
    if (found.empty()) return core::Error::NotFound("no post " + std::to_string(id) + " in this group");
    return std::move(found.front());
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
  return Guard("mark post useful", [&]() -> core::Status {
    try {
      long long post = post_id, member = member_id;
      std::string when = Text(at);
      sql_ << "INSERT INTO useful_marks (post_id, member_id, marked_at) VALUES (:p, :m, :a)",
          soci::use(post), soci::use(member), soci::use(when);
      return core::OkStatus();
    } catch (const soci::soci_error& error) {
      if (IsUniqueViolation(error)) {
        return core::Error::Exists("member_id", "this member has marked the post useful already");
      }
      throw;
    }
  });
}

// ---- raw material -------------------------------------------------------------------------

core::Result<std::int64_t> SqlCooperationRepository::InsertMaterial(const MaterialRecord& record) {
  return Guard("insert material post", [&]() -> core::Result<std::int64_t> {
    long long group = record.group_id, member = record.post.member_id, quantity = record.post.quantity, id = 0;
    std::string kind(ToString(record.post.kind)), until = record.post.until.ToString();
    std::string created = Text(record.created_at);
    auto price = NumberIn(record.price);
    Query query(sql_);
    query.Use(group).Use(member).Use(kind).Use(record.post.material).Use(record.post.unit).Use(quantity)
        .Use(price.value, price.indicator).Use(until).Use(created).Into(id);
    query.Run("INSERT INTO material_posts (group_id, member_id, kind, material, unit, quantity, price, "
              "until_on, closed, created_at) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, 0, :i) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<std::vector<MaterialRecord>> SqlCooperationRepository::SelectMaterials(long long group_id,
                                                                                    const Tail& more) {
  std::vector<MaterialRecord> records;
  Params params;
  std::string sql = std::string(kMaterialSelect) + " WHERE t.group_id = ";
  params.Number(sql, group_id);
  more(sql, params);
  long long id = 0, group = 0, member = 0, quantity = 0;
  int closed = 0;
  std::string name, kind, material, unit, until, created;
  Slot<long long> price;
  ForRows(
      sql_, sql, params,
      [&](Query& query) {
        query.Into(id).Into(group).Into(member).Into(name).Into(kind).Into(material).Into(unit)
            .Into(quantity).Into(price.value, price.indicator).Into(until).Into(closed).Into(created);
      },
      [&] {
        MaterialRecord r;
        r.post.id = id;
        r.post.member_id = member;
        r.post.kind = Stored("kind", kind, ParseMaterialKind);
        r.post.material = material;
        r.post.unit = unit;
        r.post.quantity = quantity;
        r.post.until = DateFrom(until);
        r.post.closed = closed != 0;
        r.group_id = group;
        r.member_name = name;
        if (price.has()) r.price = price.value;
        r.created_at = InstantFrom(created);
        records.push_back(std::move(r));
      });
  return records;
}

core::Result<MaterialRecord> SqlCooperationRepository::FindMaterial(std::int64_t group_id, std::int64_t id) {
  return Guard("find material post", [&]() -> core::Result<MaterialRecord> {
    GOTONG_ASSIGN_OR_RETURN(auto found, SelectMaterials(group_id, [&](std::string& sql, Params& params) {
      sql += " AND t.id = ";
      params.Number(sql, id);
    }));
    if (found.empty()) return core::Error::NotFound("no material post " + std::to_string(id) + " in this group");
    return std::move(found.front());
  });
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
  return Guard("insert collective purchase", [&]() -> core::Result<std::int64_t> {
    long long group = purchase.group_id, quantity = purchase.quantity, group_price = purchase.group_price,
              alone_price = purchase.alone_price, id = 0;
    std::string day = purchase.purchased_on.ToString(), created = Text(purchase.created_at);
    auto entry = NumberIn(purchase.entry_id);
    Query query(sql_);
    query.Use(group).Use(purchase.supplier).Use(purchase.material).Use(purchase.unit).Use(quantity)
        .Use(group_price).Use(alone_price).Use(day).Use(entry.value, entry.indicator).Use(created).Into(id);
    query.Run("INSERT INTO collective_purchases (group_id, supplier, material, unit, quantity, group_price, "
              "alone_price, purchased_on, entry_id, created_at) VALUES (:a, :b, :c, :d, :e, :f, :g, :h, :i, "
              ":j) RETURNING id");
    return static_cast<std::int64_t>(id);
  });
}

core::Result<core::Page<CollectivePurchase>> SqlCooperationRepository::Purchases(
    std::int64_t group_id, const core::PageRequest& page) {
  return Guard("list collective purchases", [&]() -> core::Result<core::Page<CollectivePurchase>> {
    auto result = CountedPage<CollectivePurchase>(sql_, "collective_purchases", group_id, page);
    Params params;
    std::string text =
        "SELECT c.id, c.supplier, c.material, c.unit, c.quantity, c.group_price, c.alone_price, "
        "c.purchased_on, c.entry_id, c.created_at FROM collective_purchases c WHERE c.group_id = ";
    params.Number(text, group_id);
    text += " ORDER BY c.purchased_on DESC, c.id DESC";
    params.Page(text, page);
    long long id = 0, quantity = 0, group_price = 0, alone_price = 0;
    std::string supplier, material, unit, day, created;
    Slot<long long> entry;
    ForRows(
        sql_, text, params,
        [&](Query& query) {
          query.Into(id).Into(supplier).Into(material).Into(unit).Into(quantity).Into(group_price)
              .Into(alone_price).Into(day).Into(entry.value, entry.indicator).Into(created);
        },
        [&] {
          CollectivePurchase c;
          c.id = id;
          c.group_id = group_id;
          c.supplier = supplier;
          c.material = material;
          c.unit = unit;
          c.quantity = quantity;
          c.group_price = group_price;
          c.alone_price = alone_price;
          c.purchased_on = DateFrom(day);
          if (entry.has()) c.entry_id = entry.value;
          c.created_at = InstantFrom(created);
          result.items.push_back(std::move(c));
        });
    return result;
  });
}

}  // namespace gotong::storage::internal
