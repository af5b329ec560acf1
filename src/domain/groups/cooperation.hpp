#pragma once

// Cooperation among a group's members (seeds 000 and 001): the division of market areas, joint
// orders split by capacity, knowledge posts, and raw material shared and bought together.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/page.hpp"
#include "core/result.hpp"
#include "core/time.hpp"
#include "domain/groups/rules.hpp"

namespace gotong::domain::groups {

// A member's claim on a market area (a village or a named market).
struct MarketArea {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t member_id = 0;
  std::string member_name;  // read only
  std::string area;
  std::optional<std::int64_t> deliberation_id;  // the agreement that allows sharing it
  core::Date claimed_on;
  std::optional<core::Date> ended_on;
  core::Instant created_at{};
};

struct OrderShare {
  std::int64_t member_id = 0;
  std::string member_name;  // read only
  std::int64_t capacity = 0;
  std::int64_t quantity = 0;   // her part of the order
  std::int64_t delivered = 0;  // ≤ quantity
  std::int64_t paid_out = 0;   // rupiah paid to her for it
};

struct JointOrder {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::string customer;
  std::string product;
  std::int64_t quantity = 0;
  std::string unit;
  std::int64_t unit_price = 0;
  std::optional<core::Date> due_on;
  OrderStatus status = OrderStatus::kOpen;
  bool overdue = false;  // read only: OverdueOn(today), set by the service
  std::vector<OrderShare> shares;
  core::Instant created_at{};
  core::Instant updated_at{};

  // Still open on `today` though its day has passed: not all of it was delivered in time.
  bool OverdueOn(core::Date today) const { return status == OrderStatus::kOpen && due_on && *due_on < today; }
};

struct KnowledgePost {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::int64_t member_id = 0;
  std::string member_name;  // read only
  PostKind kind = PostKind::kTechnique;
  std::string title;
  std::string body;
  std::vector<std::string> tags;
  std::int64_t useful = 0;  // read only: members who marked it useful
  core::Instant created_at{};
};

struct MaterialRecord {
  MaterialPost post;        // id, member, kind, material, unit, quantity, until, closed
  std::int64_t group_id = 0;
  std::string member_name;  // read only
  std::optional<std::int64_t> price;  // per unit, rupiah
  core::Instant created_at{};
};

struct CollectivePurchase {
  std::int64_t id = 0;
  std::int64_t group_id = 0;
  std::string supplier;
  std::string material;
  std::string unit;
  std::int64_t quantity = 0;
  std::int64_t group_price = 0;  // per unit, bought together
  std::int64_t alone_price = 0;  // per unit, what members paid alone
  core::Date purchased_on;
  std::optional<std::int64_t> entry_id;  // the ledger's purchase entry
  core::Instant created_at{};
};

class CooperationRepository {
 public:
  virtual ~CooperationRepository() = default;

  virtual core::Result<std::int64_t> InsertArea(const MarketArea& area) = 0;
  virtual core::Status EndArea(std::int64_t id, core::Date ended_on) = 0;
  virtual core::Result<MarketArea> FindArea(std::int64_t group_id, std::int64_t id) = 0;
  // Claims not ended (or all), by area, then oldest first.
  virtual core::Result<std::vector<MarketArea>> Areas(std::int64_t group_id, bool include_ended) = 0;

  virtual core::Result<std::int64_t> InsertOrder(const JointOrder& order) = 0;
  virtual core::Status UpdateOrder(const JointOrder& order) = 0;  // status and every share
  virtual core::Result<JointOrder> FindOrder(std::int64_t group_id, std::int64_t id) = 0;
  virtual core::Result<core::Page<JointOrder>> Orders(std::int64_t group_id,
                                                      const core::PageRequest& page) = 0;
  // The orders in which the member holds a share, newest first, with every share.
  virtual core::Result<core::Page<JointOrder>> OrdersOf(std::int64_t group_id, std::int64_t member_id,
                                                        const core::PageRequest& page) = 0;

  virtual core::Result<std::int64_t> InsertPost(const KnowledgePost& post) = 0;
  virtual core::Result<KnowledgePost> FindPost(std::int64_t group_id, std::int64_t id) = 0;
  virtual core::Result<core::Page<KnowledgePost>> Posts(std::int64_t group_id,
                                                        const core::PageRequest& page) = 0;
  // The member's own posts, newest first.
  virtual core::Result<core::Page<KnowledgePost>> PostsOf(std::int64_t group_id, std::int64_t member_id,
                                                          const core::PageRequest& page) = 0;
  // kAlreadyExists (field "member_id") when she marked it already.
  virtual core::Status MarkUseful(std::int64_t post_id, std::int64_t member_id, core::Instant at) = 0;

  virtual core::Result<std::int64_t> InsertMaterial(const MaterialRecord& record) = 0;
  virtual core::Result<MaterialRecord> FindMaterial(std::int64_t group_id, std::int64_t id) = 0;
  virtual core::Status CloseMaterial(std::int64_t id) = 0;
  // Posts not closed whose day has not passed, oldest first (at most `limit`).
  virtual core::Result<std::vector<MaterialRecord>> OpenMaterials(std::int64_t group_id,
                                                                  core::Date today, int limit) = 0;

  virtual core::Result<std::int64_t> InsertPurchase(const CollectivePurchase& purchase) = 0;
  virtual core::Result<core::Page<CollectivePurchase>> Purchases(std::int64_t group_id,
                                                                 const core::PageRequest& page) = 0;
};

}  // namespace gotong::domain::groups
