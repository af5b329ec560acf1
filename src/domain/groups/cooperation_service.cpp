#include "domain/groups/cooperation_service.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "core/text.hpp"
#include "domain/groups/group_access.hpp"
#include "domain/groups/treasury.hpp"
#include "domain/service.hpp"

namespace gotong::domain::groups {
namespace {

constexpr std::int64_t kMaxQuantity = 1'000'000'000;
constexpr std::int64_t kMaxPrice = 1'000'000'000'000;

// A whole number within [min, max], required.
std::optional<std::int64_t> CheckNumber(Problems& problems, const std::string& field,
                                        const form::Field<std::int64_t>& input, std::int64_t min,
                                        std::int64_t max) {
  if (!IsSet(input)) {
    problems.Add(field, "required", field + " is required");
    return std::nullopt;
  }
  if (**input < 0 && min >= 0) {
    problems.Add(field, "negative", field + " must not be negative");
    return std::nullopt;
  }
  if (**input < min || **input > max) {
    problems.Add(field, "out_of_range",
                 field + " must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return **input;
}

// Whether the caller records a member's own act for her: admins, and the group's officers named.
bool ActsFor(const Caller& caller, std::initializer_list<MemberRole> officers) {
  if (caller.admin) return true;
  if (!caller.member) return false;
  return std::find(officers.begin(), officers.end(), caller.member->role) != officers.end();
}

// The membership a member's own act is for: the caller's own, or (for admins and the `officers`)
// the one named. She must not have left.
core::Result<Membership> Actor(UnitOfWork& unit, const Caller& caller, const Group& group,
                               const form::Field<std::int64_t>& member_id,
                               std::initializer_list<MemberRole> officers) {
  if (group.status == GroupStatus::kDissolved) return Dissolved();
  std::int64_t id = 0;
  if (IsSet(member_id)) {
    id = **member_id;
    bool own = caller.member && caller.member->id == id;
    if (!own && !ActsFor(caller, officers)) {
      return Error::Denied("you write only your own; ask the group's leader to record it for her");
    }
  } else if (caller.member) {
    id = caller.member->id;
  } else {
    if (!caller.admin) return Error::Denied("only the group's members post here");
    return Error::Invalid("member_id", "required", "say which member this is from");
  }
  return groups::CurrentMember(unit, group.id, id);
}

// The active members among `ids`, each named by its field when it is not one.
std::vector<Membership> ActiveMembers(UnitOfWork& unit, Problems& problems, std::int64_t group_id,
                                      const std::vector<std::pair<std::string, std::int64_t>>& named,
                                      core::Status& status) {
  std::vector<std::int64_t> ids;
  ids.reserve(named.size());
  for (const auto& [field, id] : named) ids.push_back(id);
  auto found = unit.Groups().FindMembers(group_id, ids);
  if (!found.ok()) {
    status = std::move(found).error();
    return {};
  }
  for (const auto& [field, id] : named) {
    auto it = std::find_if(found->begin(), found->end(), [member_id = id](const Membership& m) { return m.id == member_id; });
    if (it == found->end()) {
      problems.Add(field, "not_member", "member " + std::to_string(id) + " is not in this group");
    } else if (it->left_on) {
      problems.Add(field, "not_member_now", it->person_name + " is not a member now");
    }
  }
  return std::move(found).value();
}

PostView ViewOf(KnowledgePost post) {
  std::string text = post.title + "\n\n" + post.body;
  return PostView{std::move(post), WhatsAppLink(text)};
}

audit::Snapshot SnapshotOf(const JointOrder& order) {
  std::string shares;
  for (const auto& share : order.shares) {
    if (!shares.empty()) shares += "; ";
    shares += "member " + std::to_string(share.member_id) + ": " + std::to_string(share.quantity) +
              " (delivered " + std::to_string(share.delivered) + ", paid " +
              std::to_string(share.paid_out) + ")";
  }
  return {{"customer", order.customer},
          {"product", order.product},
          {"quantity", order.quantity},
          {"unit", order.unit},
          {"unit_price", order.unit_price},
          {"status", std::string(ToString(order.status))},
          {"shares", shares}};
}

}  // namespace

// ---- market areas -------------------------------------------------------------------------

core::Result<AreasView> CooperationService::Areas(const Context& context, std::int64_t group_id,
                                                  bool include_ended) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  AreasView view;
  GOTONG_ASSIGN_OR_RETURN(view.areas, unit->Cooperation().Areas(group_id, include_ended));
  std::vector<AreaClaim> claims;
  for (const auto& area : view.areas) {
    if (!area.ended_on) claims.push_back({area.id, area.member_id, area.area});
  }
  view.overlaps = FindOverlaps(claims);
  return view;
}

core::Result<MarketArea> CooperationService::ClaimArea(const Context& context, std::int64_t group_id,
                                                       const AreaInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kMarketAreas));
  auto& [unit, group, caller, trail] = write;
  core::Date today = Today();
  Problems problems;
  MarketArea area;
  area.group_id = group_id;
  area.claimed_on = today;
  ApplyRequiredText(problems, input.area, true, "area", 120, area.area);
  if (!IsSet(input.member_id)) {
    problems.Add("member_id", "required", "say which member claims the area");
  } else {
    area.member_id = **input.member_id;
    core::Status status = core::OkStatus();
    ActiveMembers(*unit, problems, group_id, {{"member_id", area.member_id}}, status);
    GOTONG_RETURN_IF_ERROR(status);
  }
  ApplyPastDate(problems, input.claimed_on, "claimed_on", today, area.claimed_on);
  area.deliberation_id =
      CitedDeliberation(*unit, problems, group_id, input.deliberation_id, Topic::kMarketAreas,
                        "only an agreed deliberation on market areas lets members share an area");
  if (!problems.empty()) return problems.ToError();
  area.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(auto saved, InsertClaim(*unit, trail, std::move(area)));
  return write.Commit(std::move(saved));
}

core::Result<MarketArea> InsertClaim(UnitOfWork& unit, const AuditTrail& trail, MarketArea area) {
  const std::int64_t group_id = area.group_id;
  GOTONG_ASSIGN_OR_RETURN(auto current, unit.Cooperation().Areas(group_id, false));
  std::string key = AreaKey(area.area);
  for (const auto& other : current) {
    if (AreaKey(other.area) != key) continue;
    if (other.member_id == area.member_id) {
      return Error{core::ErrorCode::kConflict, other.member_name + " already claims " + other.area,
                   {{"area", "already_claimed", other.member_name + " already claims " + other.area}},
                   std::nullopt, ""};
    }
    if (!area.deliberation_id) {
      std::string message = other.area + " is claimed by " + other.member_name +
                            "; agree on sharing it in a deliberation first";
      return Error{core::ErrorCode::kConflict, message, {{"area", "claimed_by_other", message}},
                   std::nullopt, ""};
    }
  }
  GOTONG_ASSIGN_OR_RETURN(area.id, unit.Cooperation().InsertArea(area));
  GOTONG_RETURN_IF_ERROR(trail.Record("market_area", area.id, "claim", std::nullopt,
                                     {{"group_id", group_id},
                                      {"member_id", area.member_id},
                                      {"area", area.area},
                                      {"deliberation_id", area.deliberation_id ? audit::Value(*area.deliberation_id)
                                                                               : audit::Value(nullptr)}}));
  return unit.Cooperation().FindArea(group_id, area.id);
}

core::Result<MarketArea> CooperationService::EndArea(const Context& context, std::int64_t group_id,
                                                     std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kMarketAreas));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto area, unit->Cooperation().FindArea(group_id, id));
  if (area.ended_on) {
    return Precondition("area", "ended", "this claim ended on " + area.ended_on->ToString());
  }
  core::Date today = Today();
  GOTONG_RETURN_IF_ERROR(unit->Cooperation().EndArea(id, today));
  GOTONG_RETURN_IF_ERROR(trail.Record("market_area", id, "end", std::nullopt,
                                     {{"ended_on", today.ToString()}}));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindArea(group_id, id));
  return write.Commit(std::move(saved));
}

// ---- joint orders -------------------------------------------------------------------------

JointOrder CooperationService::Dated(JointOrder order) const {
  order.overdue = order.OverdueOn(Today());
  return order;
}

core::Result<core::Page<JointOrder>> CooperationService::Orders(const Context& context,
                                                                std::int64_t group_id,
                                                                const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  GOTONG_ASSIGN_OR_RETURN(auto orders, unit->Cooperation().Orders(group_id, page));
  for (auto& order : orders.items) order = Dated(std::move(order));
  return orders;
}

core::Result<JointOrder> CooperationService::GetOrder(const Context& context, std::int64_t group_id,
                                                      std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  GOTONG_ASSIGN_OR_RETURN(auto order, unit->Cooperation().FindOrder(group_id, id));
  return Dated(std::move(order));
}

core::Result<JointOrder> CooperationService::CreateOrder(const Context& context, std::int64_t group_id,
                                                         const OrderInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kOrders));
  auto& [unit, group, caller, trail] = write;
  Problems problems;
  JointOrder order;
  order.group_id = group_id;
  ApplyRequiredText(problems, input.customer, true, "customer", 120, order.customer);
  ApplyRequiredText(problems, input.product, true, "product", 120, order.product);
  ApplyRequiredText(problems, input.unit, true, "unit", 20, order.unit);
  auto quantity = CheckNumber(problems, "quantity", input.quantity, 1, kMaxQuantity);
  if (auto price = CheckNumber(problems, "unit_price", input.unit_price, 0, kMaxPrice)) order.unit_price = *price;
  if (quantity) order.quantity = *quantity;
  if (quantity && order.unit_price > 0 && order.unit_price > kMaxAmount / *quantity) {
    problems.Add("unit_price", "out_of_range", "the order's value is larger than Rp 10.000.000.000.000");
  }
  if (IsSet(input.due_on)) order.due_on = CheckDate(problems, "due_on", **input.due_on);
  std::vector<Capacity> capacities;
  if (!input.capacities || input.capacities->empty()) {
    problems.Add("capacities", "required", "say what each member can make");
  } else {
    std::vector<std::pair<std::string, std::int64_t>> named;
    for (std::size_t i = 0; i < input.capacities->size(); ++i) {
      const auto& in = (*input.capacities)[i];
      std::string at = "capacities[" + std::to_string(i) + "].";
      if (!in.member_id) problems.Add(at + "member_id", "required", at + "member_id is required");
      if (!in.capacity) problems.Add(at + "capacity", "required", at + "capacity is required");
      if (in.capacity && *in.capacity > kMaxQuantity) {
        problems.Add(at + "capacity", "out_of_range", at + "capacity is at most 1000000000");
      }
      if (in.member_id) named.emplace_back(at + "member_id", *in.member_id);
      capacities.push_back({in.member_id.value_or(0), in.capacity.value_or(0)});
    }
    core::Status status = core::OkStatus();
    auto members = ActiveMembers(*unit, problems, group_id, named, status);
    GOTONG_RETURN_IF_ERROR(status);
    for (const auto& capacity : capacities) {
      auto it = std::find_if(members.begin(), members.end(),
                             [&](const Membership& m) { return m.id == capacity.member_id; });
      order.shares.push_back({capacity.member_id, it == members.end() ? "" : it->person_name,
                              capacity.capacity, 0, 0, 0});
    }
  }
  if (!problems.empty()) return problems.ToError();
  GOTONG_ASSIGN_OR_RETURN(auto shares, SplitOrder(order.quantity, capacities));
  for (std::size_t i = 0; i < shares.size(); ++i) order.shares[i].quantity = shares[i].quantity;
  order.created_at = order.updated_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(order.id, unit->Cooperation().InsertOrder(order));
  GOTONG_RETURN_IF_ERROR(trail.Record("joint_order", order.id, "create", std::nullopt,
                                     SnapshotOf(order)));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindOrder(group_id, order.id));
  return write.Commit(Dated(std::move(saved)));
}

core::Result<JointOrder> CooperationService::UpdateShare(const Context& context, std::int64_t group_id,
                                                         std::int64_t order_id, std::int64_t member_id,
                                                         const ShareInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kOrders));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto order, unit->Cooperation().FindOrder(group_id, order_id));
  if (order.status == OrderStatus::kCancelled) {
    return Precondition("order", "cancelled", "this order was cancelled");
  }
  auto share = std::find_if(order.shares.begin(), order.shares.end(),
                            [&](const OrderShare& s) { return s.member_id == member_id; });
  if (share == order.shares.end()) {
    return Error::NotFound("member " + std::to_string(member_id) + " has no share of this order");
  }
  auto before = SnapshotOf(order);
  Problems problems;
  if (Given(input.delivered)) {
    if (auto delivered = CheckNumber(problems, "delivered", input.delivered, 0, share->quantity)) {
      share->delivered = *delivered;
    }
  }
  if (Given(input.paid_out)) {
    std::int64_t most = share->quantity * order.unit_price;
    if (auto paid = CheckNumber(problems, "paid_out", input.paid_out, 0, most)) share->paid_out = *paid;
  }
  if (!problems.empty()) return problems.ToError();
  bool all_delivered = std::all_of(order.shares.begin(), order.shares.end(),
                                   [](const OrderShare& s) { return s.delivered == s.quantity; });
  order.status = all_delivered ? OrderStatus::kFulfilled : OrderStatus::kOpen;
  order.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Cooperation().UpdateOrder(order));
  GOTONG_RETURN_IF_ERROR(trail.Record("joint_order", order_id, "share", before,
                                     SnapshotOf(order)));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindOrder(group_id, order_id));
  return write.Commit(Dated(std::move(saved)));
}

core::Result<JointOrder> CooperationService::CancelOrder(const Context& context, std::int64_t group_id,
                                                         std::int64_t order_id) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kOrders));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto order, unit->Cooperation().FindOrder(group_id, order_id));
  if (order.status != OrderStatus::kOpen) {
    return Precondition("order", std::string(ToString(order.status)),
                        "only an open order is cancelled; this one is " + std::string(ToString(order.status)));
  }
  auto before = SnapshotOf(order);
  order.status = OrderStatus::kCancelled;
  order.updated_at = clock_.Now();
  GOTONG_RETURN_IF_ERROR(unit->Cooperation().UpdateOrder(order));
  GOTONG_RETURN_IF_ERROR(trail.Record("joint_order", order_id, "cancel", before,
                                     SnapshotOf(order)));
  return write.Commit(Dated(std::move(order)));
}

// ---- knowledge posts ----------------------------------------------------------------------

core::Result<core::Page<PostView>> CooperationService::Posts(const Context& context,
                                                             std::int64_t group_id,
                                                             const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  GOTONG_ASSIGN_OR_RETURN(auto posts, unit->Cooperation().Posts(group_id, page));
  core::Page<PostView> views{{}, posts.total, posts.limit, posts.offset};
  for (auto& post : posts.items) views.items.push_back(ViewOf(std::move(post)));
  return views;
}

core::Result<PostView> CooperationService::CreatePost(const Context& context, std::int64_t group_id,
                                                      const PostInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto author, Actor(*unit, caller, group, input.member_id,
                                             {MemberRole::kLeader, MemberRole::kSecretary}));
  Problems problems;
  KnowledgePost post;
  post.group_id = group_id;
  post.member_id = author.id;
  ApplyRequiredChoice(problems, input.kind, true, "kind", ParsePostKind,
                      "kind must be technique, supplier, fix, market or other", post.kind);
  ApplyRequiredText(problems, input.title, true, "title", 120, post.title);
  ApplyRequiredText(problems, input.body, true, "body", 4000, post.body);
  if (input.tags) {
    if (input.tags->size() > 10) problems.Add("tags", "too_many", "a post has at most 10 tags");
    std::set<std::string> seen;
    for (std::size_t i = 0; i < input.tags->size() && i < 10; ++i) {
      std::string field = "tags[" + std::to_string(i) + "]";
      if (auto tag = CheckText(problems, field, (*input.tags)[i], 30)) {
        std::string key = AreaKey(*tag);
        if (seen.insert(key).second) post.tags.push_back(key);
      }
    }
  }
  if (!problems.empty()) return problems.ToError();
  post.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(post.id, unit->Cooperation().InsertPost(post));
  GOTONG_RETURN_IF_ERROR(trail.Record("knowledge_post", post.id, "create", std::nullopt,
                                     {{"group_id", group_id},
                                      {"member_id", post.member_id},
                                      {"kind", std::string(ToString(post.kind))},
                                      {"title", post.title}}));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindPost(group_id, post.id));
  return write.Commit(ViewOf(std::move(saved)));
}

core::Result<PostView> CooperationService::MarkUseful(const Context& context, std::int64_t group_id,
                                                      std::int64_t post_id) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  if (group.status == GroupStatus::kDissolved) return Dissolved();
  if (!caller.member) return Error::Denied("only the group's members mark posts useful");
  GOTONG_ASSIGN_OR_RETURN(auto post, unit->Cooperation().FindPost(group_id, post_id));
  if (post.member_id == caller.member->id) {
    return Error::Invalid("post", "own_post", "a member does not mark her own post useful");
  }
  GOTONG_RETURN_IF_ERROR(unit->Cooperation().MarkUseful(post_id, caller.member->id, clock_.Now()));
  GOTONG_RETURN_IF_ERROR(trail.Record("knowledge_post", post_id, "useful", std::nullopt,
                                     {{"member_id", caller.member->id}}));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindPost(group_id, post_id));
  return write.Commit(ViewOf(std::move(saved)));
}

// ---- raw material -------------------------------------------------------------------------

core::Result<MaterialsView> CooperationService::Materials(const Context& context, std::int64_t group_id) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  core::Date today = Today();
  MaterialsView view;
  GOTONG_ASSIGN_OR_RETURN(view.open, unit->Cooperation().OpenMaterials(group_id, today, 500));
  std::vector<MaterialPost> posts;
  for (const auto& record : view.open) posts.push_back(record.post);
  view.matches = MatchMaterials(posts, today);
  return view;
}

core::Result<MaterialRecord> CooperationService::PostMaterial(const Context& context,
                                                              std::int64_t group_id,
                                                              const MaterialInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto member, Actor(*unit, caller, group, input.member_id,
                                             {MemberRole::kLeader, MemberRole::kTreasurer}));
  core::Date today = Today();
  Problems problems;
  MaterialRecord record;
  record.group_id = group_id;
  record.post.member_id = member.id;
  ApplyRequiredChoice(problems, input.kind, true, "kind", ParseMaterialKind,
                      "kind must be offer or request", record.post.kind);
  ApplyRequiredText(problems, input.material, true, "material", 60, record.post.material);
  ApplyRequiredText(problems, input.unit, true, "unit", 20, record.post.unit);
  if (auto quantity = CheckNumber(problems, "quantity", input.quantity, 1, kMaxQuantity)) {
    record.post.quantity = *quantity;
  }
  if (IsSet(input.price)) record.price = CheckNumber(problems, "price", input.price, 0, kMaxPrice);
  if (!IsSet(input.until)) {
    problems.Add("until", "required", "until is required: the last day the post stands");
  } else if (auto day = CheckDate(problems, "until", **input.until)) {
    if (*day < today) {
      problems.Add("until", "in_past", "until " + day->ToString() + " has passed");
    } else {
      record.post.until = *day;
    }
  }
  if (!problems.empty()) return problems.ToError();
  record.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(record.post.id, unit->Cooperation().InsertMaterial(record));
  GOTONG_RETURN_IF_ERROR(trail.Record("material_post", record.post.id, "create", std::nullopt,
                                     {{"member_id", member.id},
                                      {"kind", std::string(ToString(record.post.kind))},
                                      {"material", record.post.material},
                                      {"quantity", record.post.quantity},
                                      {"unit", record.post.unit}}));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindMaterial(group_id, record.post.id));
  return write.Commit(std::move(saved));
}

core::Result<MaterialRecord> CooperationService::CloseMaterial(const Context& context,
                                                               std::int64_t group_id, std::int64_t id) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, std::nullopt));
  auto& [unit, group, caller, trail] = write;
  GOTONG_ASSIGN_OR_RETURN(auto record, unit->Cooperation().FindMaterial(group_id, id));
  // Her own post, or one the leader or treasurer closes for her (also after she left).
  if (group.status == GroupStatus::kDissolved) return Dissolved();
  bool own = caller.member && caller.member->id == record.post.member_id;
  if (!own && !ActsFor(caller, {MemberRole::kLeader, MemberRole::kTreasurer})) {
    return Error::Denied("only she, the leader or the treasurer closes this post");
  }
  if (record.post.closed) return Precondition("post", "closed", "this post is closed already");
  GOTONG_RETURN_IF_ERROR(unit->Cooperation().CloseMaterial(id));
  GOTONG_RETURN_IF_ERROR(trail.Record("material_post", id, "close", std::nullopt, {}));
  GOTONG_ASSIGN_OR_RETURN(auto saved, unit->Cooperation().FindMaterial(group_id, id));
  return write.Commit(std::move(saved));
}

core::Result<core::Page<CollectivePurchase>> CooperationService::Purchases(
    const Context& context, std::int64_t group_id, const core::PageRequest& page) {
  GOTONG_ASSIGN_OR_RETURN(auto unit, BeginRead(context, group_id));
  return unit->Cooperation().Purchases(group_id, page);
}

core::Result<CollectivePurchase> CooperationService::RecordPurchase(const Context& context,
                                                                    std::int64_t group_id,
                                                                    const PurchaseInput& input) {
  GOTONG_ASSIGN_OR_RETURN(auto write, BeginWrite(context, group_id, Part::kMaterials));
  auto& [unit, group, caller, trail] = write;
  core::Date today = Today();
  Problems problems;
  CollectivePurchase purchase;
  purchase.group_id = group_id;
  purchase.purchased_on = today;
  ApplyRequiredText(problems, input.supplier, true, "supplier", 120, purchase.supplier);
  ApplyRequiredText(problems, input.material, true, "material", 60, purchase.material);
  ApplyRequiredText(problems, input.unit, true, "unit", 20, purchase.unit);
  if (auto quantity = CheckNumber(problems, "quantity", input.quantity, 1, kMaxQuantity)) {
    purchase.quantity = *quantity;
  }
  if (auto price = CheckNumber(problems, "group_price", input.group_price, 0, kMaxPrice)) {
    purchase.group_price = *price;
  }
  if (auto price = CheckNumber(problems, "alone_price", input.alone_price, 0, kMaxPrice)) {
    purchase.alone_price = *price;
  }
  if (purchase.quantity > 0 && purchase.group_price > kMaxAmount / purchase.quantity) {
    problems.Add("group_price", "out_of_range", "the purchase is larger than Rp 10.000.000.000.000");
  }
  if (purchase.quantity > 0 && purchase.alone_price > kMaxAmount / purchase.quantity) {
    problems.Add("alone_price", "out_of_range", "that price makes more than Rp 10.000.000.000.000");
  }
  ApplyPastDate(problems, input.purchased_on, "purchased_on", today, purchase.purchased_on);
  if (!problems.empty()) return problems.ToError();
  std::int64_t paid = purchase.quantity * purchase.group_price;
  if (paid > 0) {
    LedgerEntry entry;
    entry.group_id = group_id;
    entry.date = purchase.purchased_on;
    entry.kind = EntryKind::kPurchase;
    entry.memo = purchase.material + " — " + purchase.supplier;
    entry.lines = EntryLines(EntryKind::kPurchase, paid, std::nullopt);
    entry.amount = paid;
    entry.created_by = context.UserId();
    entry.created_by_username = context.principal ? context.principal->username : "system";
    entry.created_at = clock_.Now();
    GOTONG_ASSIGN_OR_RETURN(purchase.entry_id, unit->Treasury().InsertEntry(entry));
    GOTONG_RETURN_IF_ERROR(trail.Record("ledger_entry", *purchase.entry_id, "post", std::nullopt,
                                       {{"kind", "purchase"}, {"amount", paid}, {"memo", entry.memo}}));
  }
  purchase.created_at = clock_.Now();
  GOTONG_ASSIGN_OR_RETURN(purchase.id, unit->Cooperation().InsertPurchase(purchase));
  GOTONG_RETURN_IF_ERROR(trail.Record("collective_purchase", purchase.id, "create", std::nullopt,
                                     {{"supplier", purchase.supplier},
                                      {"material", purchase.material},
                                      {"quantity", purchase.quantity},
                                      {"group_price", purchase.group_price},
                                      {"alone_price", purchase.alone_price}}));
  return write.Commit(std::move(purchase));
}

}  // namespace gotong::domain::groups
