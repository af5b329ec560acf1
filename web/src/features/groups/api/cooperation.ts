import { api } from '../../../lib/api-client';
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

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});
const base = (groupId: number) => `/groups/${groupId}`;

// ---- market areas ----

export function listAreas(groupId: number, includeEnded: boolean, signal?: AbortSignal): Promise<AreasView> {
  return api.get<AreasView>(`${base(groupId)}/market-areas`, {
    query: { include_ended: includeEnded ? 'true' : null },
    ...withSignal(signal),
  });
}

export function claimArea(groupId: number, body: AreaInput, idempotencyKey?: string): Promise<MarketArea> {
  return api.post<MarketArea>(`${base(groupId)}/market-areas`, body, { idempotencyKey });
}

export function endArea(groupId: number, areaId: number): Promise<MarketArea> {
  return api.post<MarketArea>(`${base(groupId)}/market-areas/${areaId}/end`, {});
}

// ---- joint orders ----

export function listOrders(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<OrderPage> {
  return api.get<OrderPage>(`${base(groupId)}/orders`, { query: { limit, offset }, ...withSignal(signal) });
}

export function getOrder(groupId: number, orderId: number, signal?: AbortSignal): Promise<JointOrder> {
  return api.get<JointOrder>(`${base(groupId)}/orders/${orderId}`, withSignal(signal));
}

export function createOrder(groupId: number, body: OrderInput, idempotencyKey?: string): Promise<JointOrder> {
  return api.post<JointOrder>(`${base(groupId)}/orders`, body, { idempotencyKey });
}

export function updateShare(groupId: number, orderId: number, memberId: number, body: ShareInput): Promise<JointOrder> {
  return api.patch<JointOrder>(`${base(groupId)}/orders/${orderId}/shares/${memberId}`, body);
}

export function cancelOrder(groupId: number, orderId: number): Promise<JointOrder> {
  return api.post<JointOrder>(`${base(groupId)}/orders/${orderId}/cancel`, {});
}

// ---- knowledge posts ----

export function listPosts(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<PostPage> {
  return api.get<PostPage>(`${base(groupId)}/posts`, { query: { limit, offset }, ...withSignal(signal) });
}

export function createPost(groupId: number, body: PostInput, idempotencyKey?: string): Promise<KnowledgePost> {
  return api.post<KnowledgePost>(`${base(groupId)}/posts`, body, { idempotencyKey });
}

export function markUseful(groupId: number, postId: number): Promise<KnowledgePost> {
  return api.post<KnowledgePost>(`${base(groupId)}/posts/${postId}/useful`, {});
}

// ---- raw material ----

export function getMaterials(groupId: number, signal?: AbortSignal): Promise<MaterialsView> {
  return api.get<MaterialsView>(`${base(groupId)}/materials`, withSignal(signal));
}

/** An offer or request of the caller's own. */
export function postMaterial(groupId: number, body: MaterialInput, idempotencyKey?: string): Promise<MaterialPost> {
  return api.post<MaterialPost>(`${base(groupId)}/materials`, body, { idempotencyKey });
}

export function closeMaterial(groupId: number, postId: number): Promise<MaterialPost> {
  return api.post<MaterialPost>(`${base(groupId)}/materials/${postId}/close`, {});
}

export function listPurchases(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<PurchasePage> {
  return api.get<PurchasePage>(`${base(groupId)}/purchases`, { query: { limit, offset }, ...withSignal(signal) });
}

/** Records a collective purchase; the server posts what was paid to the ledger as a purchase. */
export function recordPurchase(groupId: number, body: PurchaseInput, idempotencyKey?: string): Promise<CollectivePurchase> {
  return api.post<CollectivePurchase>(`${base(groupId)}/purchases`, body, { idempotencyKey });
}
