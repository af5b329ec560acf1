#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/page.hpp"
#include "core/result.hpp"
#include "domain/accounts/access.hpp"
#include "domain/form.hpp"
#include "domain/groups/cooperation.hpp"
#include "domain/groups/group_access.hpp"

namespace gotong::domain::groups {

struct AreaInput {
  form::Field<std::int64_t> member_id;
  form::Field<std::string> area;
  form::Field<std::int64_t> deliberation_id;
  form::Field<std::string> claimed_on;
};

struct CapacityInput {
  std::optional<std::int64_t> member_id;
  std::optional<std::int64_t> capacity;
};

struct OrderInput {
  form::Field<std::string> customer;
  form::Field<std::string> product;
  form::Field<std::int64_t> quantity;
  form::Field<std::string> unit;
  form::Field<std::int64_t> unit_price;
  form::Field<std::string> due_on;
  std::optional<std::vector<CapacityInput>> capacities;
};

struct ShareInput {
  form::Field<std::int64_t> delivered;
  form::Field<std::int64_t> paid_out;
};

struct PostInput {
  form::Field<std::int64_t> member_id;  // default: the caller's own membership
  form::Field<std::string> kind;
  form::Field<std::string> title;
  form::Field<std::string> body;
  std::optional<std::vector<std::string>> tags;
};

struct MaterialInput {
  form::Field<std::int64_t> member_id;  // default: the caller's own membership
  form::Field<std::string> kind;
  form::Field<std::string> material;
  form::Field<std::string> unit;
  form::Field<std::int64_t> quantity;
  form::Field<std::int64_t> price;
  form::Field<std::string> until;
};

struct PurchaseInput {
  form::Field<std::string> supplier;
  form::Field<std::string> material;
  form::Field<std::string> unit;
  form::Field<std::int64_t> quantity;
  form::Field<std::int64_t> group_price;
  form::Field<std::int64_t> alone_price;
  form::Field<std::string> purchased_on;
};

struct AreasView {
  std::vector<MarketArea> areas;
  std::vector<Overlap> overlaps;  // areas claimed by more than one member
};

struct PostView {
  KnowledgePost post;
  std::string share_link;  // wa.me with the post's text
};

struct MaterialsView {
  std::vector<MaterialRecord> open;
  std::vector<MaterialMatch> matches;
};

// Records a member's claim on a market area (created_at set) after the checks every claim
// passes: kConflict (field "area") when she claims it already ("already_claimed"), or when
// another member does and no agreed deliberation allows sharing it ("claimed_by_other").
// Audited as entity market_area, action claim. The claim as stored.
core::Result<MarketArea> InsertClaim(UnitOfWork& unit, const AuditTrail& trail, MarketArea area);

// Cooperation among members. The leader and secretary keep the market areas; the leader,
// secretary and treasurer keep joint orders; the leader and treasurer record collective
// purchases; every member writes her own knowledge posts and raw-material offers and requests.
class CooperationService : public GroupWorkspace {
 public:
  using GroupWorkspace::GroupWorkspace;

  core::Result<AreasView> Areas(const accounts::Context& context, std::int64_t group_id,
                                bool include_ended);
  // A claim on an area another member holds needs an agreed market-areas deliberation.
  core::Result<MarketArea> ClaimArea(const accounts::Context& context, std::int64_t group_id,
                                     const AreaInput& input);
  core::Result<MarketArea> EndArea(const accounts::Context& context, std::int64_t group_id,
                                   std::int64_t id);

  core::Result<core::Page<JointOrder>> Orders(const accounts::Context& context,
                                              std::int64_t group_id, const core::PageRequest& page);
  core::Result<JointOrder> GetOrder(const accounts::Context& context, std::int64_t group_id,
                                    std::int64_t id);
  // Splits the order among the members by their declared capacity (largest remainder).
  core::Result<JointOrder> CreateOrder(const accounts::Context& context, std::int64_t group_id,
                                       const OrderInput& input);
  core::Result<JointOrder> UpdateShare(const accounts::Context& context, std::int64_t group_id,
                                       std::int64_t order_id, std::int64_t member_id,
                                       const ShareInput& input);
  core::Result<JointOrder> CancelOrder(const accounts::Context& context, std::int64_t group_id,
                                       std::int64_t order_id);

  core::Result<core::Page<PostView>> Posts(const accounts::Context& context, std::int64_t group_id,
                                           const core::PageRequest& page);
  core::Result<PostView> CreatePost(const accounts::Context& context, std::int64_t group_id,
                                    const PostInput& input);
  core::Result<PostView> MarkUseful(const accounts::Context& context, std::int64_t group_id,
                                    std::int64_t post_id);

  core::Result<MaterialsView> Materials(const accounts::Context& context, std::int64_t group_id);
  core::Result<MaterialRecord> PostMaterial(const accounts::Context& context, std::int64_t group_id,
                                            const MaterialInput& input);
  core::Result<MaterialRecord> CloseMaterial(const accounts::Context& context,
                                             std::int64_t group_id, std::int64_t id);
  core::Result<core::Page<CollectivePurchase>> Purchases(const accounts::Context& context,
                                                         std::int64_t group_id,
                                                         const core::PageRequest& page);
  // Records the purchase and posts what the group paid to the ledger.
  core::Result<CollectivePurchase> RecordPurchase(const accounts::Context& context,
                                                  std::int64_t group_id, const PurchaseInput& input);

 private:
  // The order as today finds it: `overdue` set.
  JointOrder Dated(JointOrder order) const;
};

}  // namespace gotong::domain::groups
