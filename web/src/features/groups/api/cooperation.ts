import { api, withSignal } from '../../../lib/api-client';
import { groupBase } from './groups';
import type {
  AreaInput,
  AreasView,
  CollectivePurchase,
  JointOrder,
  KnowledgePost,
  MarketArea,
  MaterialInput,
  MaterialPost,
  MaterialsView,
  OrderInput,
  OrderPage,
  PostInput,
  PostPage,
  PurchaseInput,
  PurchasePage,
  ShareInput,
} from '../types/cooperation';

// ---- market areas ----

export function listAreas(groupId: number, includeEnded: boolean, signal?: AbortSignal): Promise<AreasView> {
  return api.get<AreasView>(`${groupBase(groupId)}/market-areas`, {
    query: { include_ended: includeEnded ? 'true' : null },
    ...withSignal(signal),
  });
}

export function claimArea(groupId: number, body: AreaInput, idempotencyKey?: string): Promise<MarketArea> {
  return api.post<MarketArea>(`${groupBase(groupId)}/market-areas`, body, { idempotencyKey });
}

export function endArea(groupId: number, areaId: number): Promise<MarketArea> {
  return api.post<MarketArea>(`${groupBase(groupId)}/market-areas/${areaId}/end`, {});
}

// ---- joint orders ----

export function listOrders(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<OrderPage> {
  return api.get<OrderPage>(`${groupBase(groupId)}/orders`, { query: { limit, offset }, ...withSignal(signal) });
}

export function getOrder(groupId: number, orderId: number, signal?: AbortSignal): Promise<JointOrder> {
  return api.get<JointOrder>(`${groupBase(groupId)}/orders/${orderId}`, withSignal(signal));
}

export function createOrder(groupId: number, body: OrderInput, idempotencyKey?: string): Promise<JointOrder> {
  return api.post<JointOrder>(`${groupBase(groupId)}/orders`, body, { idempotencyKey });
}

export function updateShare(groupId: number, orderId: number, memberId: number, body: ShareInput): Promise<JointOrder> {
  return api.patch<JointOrder>(`${groupBase(groupId)}/orders/${orderId}/shares/${memberId}`, body);
}

export function cancelOrder(groupId: number, orderId: number): Promise<JointOrder> {
  return api.post<JointOrder>(`${groupBase(groupId)}/orders/${orderId}/cancel`, {});
}

// ---- knowledge posts ----

export function listPosts(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<PostPage> {
  return api.get<PostPage>(`${groupBase(groupId)}/posts`, { query: { limit, offset }, ...withSignal(signal) });
}

export function createPost(groupId: number, body: PostInput, idempotencyKey?: string): Promise<KnowledgePost> {
  return api.post<KnowledgePost>(`${groupBase(groupId)}/posts`, body, { idempotencyKey });
}

export function markUseful(groupId: number, postId: number): Promise<KnowledgePost> {
  return api.post<KnowledgePost>(`${groupBase(groupId)}/posts/${postId}/useful`, {});
}

// ---- raw material ----

export function getMaterials(groupId: number, signal?: AbortSignal): Promise<MaterialsView> {
  return api.get<MaterialsView>(`${groupBase(groupId)}/materials`, withSignal(signal));
}

/** An offer or request of the caller's own. */
export function postMaterial(groupId: number, body: MaterialInput, idempotencyKey?: string): Promise<MaterialPost> {
  return api.post<MaterialPost>(`${groupBase(groupId)}/materials`, body, { idempotencyKey });
}

export function closeMaterial(groupId: number, postId: number): Promise<MaterialPost> {
  return api.post<MaterialPost>(`${groupBase(groupId)}/materials/${postId}/close`, {});
}

export function listPurchases(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<PurchasePage> {
  return api.get<PurchasePage>(`${groupBase(groupId)}/purchases`, { query: { limit, offset }, ...withSignal(signal) });
}

/** Records a collective purchase; the server posts what was paid to the ledger as a purchase. */
export function recordPurchase(groupId: number, body: PurchaseInput, idempotencyKey?: string): Promise<CollectivePurchase> {
  return api.post<CollectivePurchase>(`${groupBase(groupId)}/purchases`, body, { idempotencyKey });
}
