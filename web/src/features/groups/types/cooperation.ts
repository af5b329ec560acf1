// Cooperation among a group's members (seeds 000 and 001) as the API answers it: market areas
// divided among members (shared only by an agreed deliberation), joint orders split by capacity,
// raw material offered and requested between members and bought together, and what members
// share with each other as knowledge posts.
import { isApiError } from '../../../lib/api-client';
import { valuesOf, type Schemas } from '../../../lib/api/schemas';
import type { Collector, Validated } from './forms';
import { codePoints, collector, isIsoDay } from './forms';
import type { Deliberation, Topic } from './index';
import { readAmount } from './treasury';

export type MemberRef = Schemas['GroupMemberRef'];

/** A whole number of units typed in a box ("150"; "1.500" reads as 1500). */
export function readCount(text: string): number | null {
  const value = text.trim().replace(/[.\s]/g, '');
  if (!/^\d{1,12}$/.test(value)) return null;
  return Number(value);
}

/** The unit ("kg") and how many of it, as an order, a material post and a purchase ask them. */
function readUnitAndQuantity(draft: { unit: string; quantity: string }, { add, text }: Pick<Collector<'unit' | 'quantity'>, 'add' | 'text'>) {
  const unit = text('unit', draft.unit, MAX_UNIT, 'groups.orders.errors.unitRequired');
  const quantity = readCount(draft.quantity);
  if (draft.quantity.trim() === '') add('quantity', { key: 'groups.orders.errors.quantityRequired' });
  else if (quantity === null || quantity < 1 || quantity > MAX_QUANTITY) add('quantity', { key: 'groups.orders.errors.quantity' });
  return { unit, quantity };
}

// ---- market areas ------------------------------------------------------------------------------

/** A member's claim on a market area; `deliberation_id` is the agreed deliberation that lets her share it. */
export type MarketArea = Schemas['MarketArea'];

export type AreaOverlap = Schemas['AreaOverlap'];

export type AreasView = Schemas['MarketAreaList'];

export type AreaInput = Schemas['MarketAreaInput'];

/** The key two claims on one area share, as the server compares them: "Pasar  Ngajum " is "pasar ngajum". */
export function areaKey(area: string): string {
  return area.trim().replace(/\s+/g, ' ').toLowerCase();
}

export interface MemberAreas {
  member: MemberRef;
  claims: MarketArea[];
}

/** Claims by member (members by name), each member's claims in the server's order. */
export function areasByMember(areas: readonly MarketArea[]): MemberAreas[] {
  const byMember = new Map<number, MemberAreas>();
  for (const area of areas) {
    let entry = byMember.get(area.member.id);
    if (!entry) {
      entry = { member: area.member, claims: [] };
      byMember.set(area.member.id, entry);
    }
    entry.claims.push(area);
  }
  return [...byMember.values()].sort((a, b) => a.member.name.localeCompare(b.member.name, 'id'));
}

/** The overlap a claim belongs to, if its area is claimed by another member too. */
export function overlapOfClaim(claimId: number, overlaps: readonly AreaOverlap[]): AreaOverlap | null {
  return overlaps.find((overlap) => overlap.claim_ids.includes(claimId)) ?? null;
}

/** The deliberations on `topic` the group agreed on: an agreed market-areas one lets members share an area. */
export function agreedOn(items: readonly Deliberation[], topic: Topic): Deliberation[] {
  return items.filter((d) => d.topic === topic && d.decided && d.outcome === 'agreed');
}

/**
 * The agreements that let an area be shared: the deliberations named by the claims of its overlap.
 * Shown on every claim of the overlap, the first claim's too (it was made before the agreement).
 */
export function agreementsOf(overlap: AreaOverlap, areas: readonly MarketArea[]): number[] {
  const ids = areas.filter((claim) => overlap.claim_ids.includes(claim.id) && claim.deliberation_id !== null).map((claim) => claim.deliberation_id!);
  return [...new Set(ids)];
}

/** The member who holds an area now (a current claim by someone other than `memberId`). */
export function holderOf(area: string, memberId: number | null, areas: readonly MarketArea[]): MarketArea | null {
  const key = areaKey(area);
  return areas.find((claim) => claim.ended_on === null && claim.member.id !== memberId && areaKey(claim.area) === key) ?? null;
}

export interface ClaimDraft {
  member_id: string;
  area: string;
  claimed_on: string;
  /** The agreed deliberation picked after the server said the area is someone else's. */
  deliberation_id: string;
}

export type ClaimField = 'member_id' | 'area' | 'claimed_on' | 'deliberation_id';

export const MAX_AREA = 120;

export function emptyClaimDraft(today: string): ClaimDraft {
  return { member_id: '', area: '', claimed_on: today, deliberation_id: '' };
}

export function validateClaim(draft: ClaimDraft, today: string): Validated<ClaimField, AreaInput> {
  const { errors, add, text } = collector<ClaimField>();
  if (draft.member_id === '') add('member_id', { key: 'groups.markets.errors.memberRequired' });
  const area = text('area', draft.area.trim().replace(/\s+/g, ' '), MAX_AREA, 'groups.markets.errors.areaRequired');
  if (draft.claimed_on !== '') {
    if (!isIsoDay(draft.claimed_on)) add('claimed_on', { key: 'groups.form.errors.date' });
    else if (draft.claimed_on > today) add('claimed_on', { key: 'groups.form.errors.dateInFuture' });
  }
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const input: AreaInput = { member_id: Number(draft.member_id), area };
  if (draft.claimed_on !== '') input.claimed_on = draft.claimed_on;
  if (draft.deliberation_id !== '') input.deliberation_id = Number(draft.deliberation_id);
  return { errors, input };
}

/** Whether a failed claim failed because another member holds the area (409, area/claimed_by_other). */
export function isClaimedByOther(error: unknown): boolean {
  return isApiError(error) && error.errors.some((e) => e.field === 'area' && e.code === 'claimed_by_other');
}

// ---- joint orders ------------------------------------------------------------------------------

export type OrderStatus = Schemas['JointOrderStatus'];
export const ORDER_STATUSES = valuesOf<OrderStatus>()(['open', 'fulfilled', 'cancelled']);

/**
 * A member's part of a joint order: `quantity` in units, `payout` = quantity × unit price (what
 * she earns for it), `paid_out` the rupiah paid to her so far.
 */
export type OrderShare = Schemas['OrderShare'];

export type JointOrder = Schemas['JointOrder'];

export type OrderPage = Schemas['JointOrderPage'];

export type OrderInput = Schemas['JointOrderInput'];

export type ShareInput = Schemas['OrderShareUpdate'];

export interface OrderDraft {
  customer: string;
  product: string;
  quantity: string;
  unit: string;
  unit_price: string;
  due_on: string;
  /** Each active member's capacity as typed, by member id; empty boxes are left out. */
  capacities: Record<number, string>;
}

export type OrderField = 'customer' | 'product' | 'quantity' | 'unit' | 'unit_price' | 'due_on' | 'capacities' | `capacity-${number}`;

export const MAX_ORDER_TEXT = 120;
export const MAX_UNIT = 20;
export const MAX_QUANTITY = 1_000_000_000;

export function emptyOrderDraft(): OrderDraft {
  return { customer: '', product: '', quantity: '', unit: '', unit_price: '', due_on: '', capacities: {} };
}

/** The capacities typed so far and their sum, for the live "can make 120 of 150" line. */
export function capacityTotal(capacities: Record<number, string>): number {
  return Object.values(capacities).reduce((sum, text) => sum + (readCount(text) ?? 0), 0);
}

/**
 * POST /groups/{id}/orders. Members whose capacity box is empty are not in the order; the server
 * splits the quantity among the rest by capacity (and says so when they cannot make it all).
 */
export function validateOrder(draft: OrderDraft, memberOrder: readonly number[]): Validated<OrderField, OrderInput> {
  const checks = collector<OrderField>();
  const { errors, add, text } = checks;
  const customer = text('customer', draft.customer, MAX_ORDER_TEXT, 'groups.orders.errors.customerRequired');
  const product = text('product', draft.product, MAX_ORDER_TEXT, 'groups.orders.errors.productRequired');
  const { unit, quantity } = readUnitAndQuantity(draft, checks);
  const price = readAmount(draft.unit_price, { allowZero: true });
  if (!price.ok) add('unit_price', price.problem);
  if (draft.due_on !== '' && !isIsoDay(draft.due_on)) add('due_on', { key: 'groups.form.errors.date' });
  const capacities: OrderInput['capacities'] = [];
  for (const memberId of memberOrder) {
    const typed = (draft.capacities[memberId] ?? '').trim();
    if (typed === '') continue;
    const capacity = readCount(typed);
    if (capacity === null || capacity > MAX_QUANTITY) add(`capacity-${memberId}`, { key: 'groups.orders.errors.capacity' });
    else capacities.push({ member_id: memberId, capacity });
  }
  if (capacities.length === 0 && !Object.keys(errors).some((field) => field.startsWith('capacity-'))) {
    add('capacities', { key: 'groups.orders.errors.capacitiesRequired' });
  }
  if (Object.keys(errors).length > 0 || quantity === null || !price.ok) return { errors, input: null };
  const input: OrderInput = { customer, product, quantity, unit, unit_price: price.value, capacities };
  if (draft.due_on !== '') input.due_on = draft.due_on;
  return { errors, input };
}

/** The capacity box a server error about `capacities[i]` points at: the i-th capacity sent. */
export function memberOfSentCapacity(input: Pick<OrderInput, 'capacities'>, index: number): number | null {
  return input.capacities[index]?.member_id ?? null;
}

export interface Shortfall {
  /** What the members can make together. */
  can: number;
  ordered: number;
  short: number;
}

/** A whole number the server sent as a parameter, or null. */
function countParam(params: Record<string, string>, name: string): number | null {
  const text = params[name];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : null;
}

/**
 * The shortfall of a refused order (409, quantity/insufficient_capacity): the numbers in the
 * error's params (can, ordered, short), or, from a server that sent none, those of the order
 * that was sent. Null when the failure was something else.
 */
export function shortfallOf(error: unknown, sent?: Pick<OrderInput, 'quantity' | 'capacities'>): Shortfall | null {
  if (!isApiError(error)) return null;
  const found = error.errors.find((e) => e.code === 'insufficient_capacity');
  if (!found) return null;
  const can = countParam(found.params, 'can');
  const ordered = countParam(found.params, 'ordered');
  const short = countParam(found.params, 'short');
  if (can !== null && ordered !== null && short !== null) return { can, ordered, short };
  if (sent) {
    const can = sent.capacities.reduce((sum, c) => sum + c.capacity, 0);
    return { can, ordered: sent.quantity, short: Math.max(0, sent.quantity - can) };
  }
  return null;
}

export interface ShareDraft {
  delivered: string;
  paid_out: string;
}

export type ShareField = 'delivered' | 'paid_out';

export function shareDraftOf(share: Pick<OrderShare, 'delivered' | 'paid_out'>): ShareDraft {
  return { delivered: String(share.delivered), paid_out: share.paid_out === 0 ? '' : String(share.paid_out) };
}

/** PATCH …/shares/{member_id}: only what changed; delivered at most her part, paid at most her payout. */
export function validateShare(
  draft: ShareDraft,
  share: Pick<OrderShare, 'quantity' | 'delivered' | 'payout' | 'paid_out'>,
): Validated<ShareField, ShareInput> {
  const { errors, add } = collector<ShareField>();
  const input: ShareInput = {};
  const delivered = draft.delivered.trim() === '' ? 0 : readCount(draft.delivered);
  if (delivered === null) add('delivered', { key: 'groups.orders.errors.delivered', values: { max: share.quantity } });
  else if (delivered > share.quantity) add('delivered', { key: 'groups.orders.errors.delivered', values: { max: share.quantity } });
  else if (delivered !== share.delivered) input.delivered = delivered;
  const paid = draft.paid_out.trim() === '' ? ({ ok: true, value: 0 } as const) : readAmount(draft.paid_out, { allowZero: true });
  if (!paid.ok) add('paid_out', paid.problem);
  else if (paid.value > share.payout) add('paid_out', { key: 'groups.orders.errors.paidOut' });
  else if (paid.value !== share.paid_out) input.paid_out = paid.value;
  return { errors, input: Object.keys(errors).length === 0 ? input : null };
}

// ---- knowledge posts ---------------------------------------------------------------------------

export type PostKind = Schemas['KnowledgePostKind'];
export const POST_KINDS = valuesOf<PostKind>()(['technique', 'supplier', 'fix', 'market', 'other']);

/** A knowledge post: `useful` counts the members who found it so, `share_link` sends it in WhatsApp. */
export type KnowledgePost = Schemas['KnowledgePost'];

export type PostPage = Schemas['KnowledgePostPage'];

export type PostInput = Schemas['KnowledgePostInput'];

/**
 * Whether the caller may mark a post useful: members only, never their own post, and once (the
 * posts she marked in this visit, or that the server said she had marked, are in `marked`).
 */
export function canMarkUseful(post: Pick<KnowledgePost, 'id' | 'member'>, memberId: number | null, marked: ReadonlySet<number>): boolean {
  return memberId !== null && post.member.id !== memberId && !marked.has(post.id);
}

/** Whether a failed "useful" says she had marked it already (409 on member_id). */
export function isAlreadyMarked(error: unknown): boolean {
  return isApiError(error) && error.status === 409 && error.errors.some((e) => e.field === 'member_id');
}

/** Only an address the API made for WhatsApp is opened; anything else is not a link at all. */
export function safeShareLink(link: string): string | null {
  return link.startsWith('https://wa.me/') ? link : null;
}

export interface PostDraft {
  kind: '' | PostKind;
  title: string;
  body: string;
  /** Tags as typed: "pewarna, mahoni". */
  tags: string;
}

export type PostField = 'kind' | 'title' | 'body' | 'tags';

export const MAX_POST_TITLE = 120;
export const MAX_POST_BODY = 4000;
export const MAX_TAGS = 10;
export const MAX_TAG = 30;

export function emptyPostDraft(): PostDraft {
  return { kind: '', title: '', body: '', tags: '' };
}

/** "Pewarna, mahoni,, pewarna" → ["pewarna", "mahoni"]: split at commas, trimmed, the same tag once. */
export function splitTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of text.split(/[,#\n]/)) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag === '') continue;
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  return tags;
}

export function validatePost(draft: PostDraft): Validated<PostField, PostInput> {
  const { errors, add, text } = collector<PostField>();
  if (draft.kind === '') add('kind', { key: 'groups.posts.errors.kindRequired' });
  const title = text('title', draft.title, MAX_POST_TITLE, 'groups.posts.errors.titleRequired');
  const body = text('body', draft.body, MAX_POST_BODY, 'groups.posts.errors.bodyRequired');
  const tags = splitTags(draft.tags);
  if (tags.length > MAX_TAGS) add('tags', { key: 'groups.posts.errors.tooManyTags', values: { max: MAX_TAGS } });
  else if (tags.some((tag) => codePoints(tag) > MAX_TAG)) add('tags', { key: 'groups.posts.errors.tagTooLong', values: { max: MAX_TAG } });
  if (Object.keys(errors).length > 0 || draft.kind === '') return { errors, input: null };
  const input: PostInput = { kind: draft.kind, title, body };
  if (tags.length > 0) input.tags = tags;
  return { errors, input };
}

// ---- raw material ------------------------------------------------------------------------------

export type MaterialKind = Schemas['MaterialKind'];
export const MATERIAL_KINDS = valuesOf<MaterialKind>()(['offer', 'request']);

/** An offer or request of raw material: `price` per unit (null when not said), open through `until`. */
export type MaterialPost = Schemas['MaterialPost'];

export type MaterialMatch = Schemas['MaterialMatch'];

export type MaterialsView = Schemas['MaterialBoard'];

export type MaterialInput = Schemas['MaterialPostInput'];

/**
 * Raw material bought together: prices per unit, bought together (`group_price`) and alone
 * (`alone_price`); `saving` = (alone − group) × quantity, negative when the group paid more;
 * `entry_id` the ledger's purchase entry.
 */
export type CollectivePurchase = Schemas['CollectivePurchase'];

export type PurchasePage = Schemas['CollectivePurchasePage'];

export type PurchaseInput = Schemas['CollectivePurchaseInput'];

export interface PostMatch {
  /** The post on the other side. */
  other: MaterialPost;
  quantity: number;
}

/** Each open post's matches: a request with the offers that can fill it, an offer with the requests it can fill. */
export function matchesByPost(view: MaterialsView): Map<number, PostMatch[]> {
  const byId = new Map(view.items.map((post) => [post.id, post]));
  const result = new Map<number, PostMatch[]>();
  const add = (postId: number, other: MaterialPost | undefined, quantity: number) => {
    if (!other) return;
    const list = result.get(postId) ?? [];
    list.push({ other, quantity });
    result.set(postId, list);
  };
  for (const match of view.matches) {
    add(match.request_id, byId.get(match.offer_id), match.quantity);
    add(match.offer_id, byId.get(match.request_id), match.quantity);
  }
  return result;
}

/** Whether the caller may close a post: her own, or any when she keeps the group's materials. */
export function canClose(post: Pick<MaterialPost, 'member' | 'closed'>, memberId: number | null, keepsMaterials: boolean): boolean {
  return !post.closed && (keepsMaterials || (memberId !== null && post.member.id === memberId));
}

export interface MaterialDraft {
  kind: MaterialKind;
  material: string;
  unit: string;
  quantity: string;
  price: string;
  until: string;
}

export type MaterialField = 'kind' | 'material' | 'unit' | 'quantity' | 'price' | 'until';

export const MAX_MATERIAL = 60;

/** A week from `today` ("2026-03-10" → "2026-03-17"): how long a post stands unless she says otherwise. */
export function weekAfter(today: string): string {
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 7);
  return date.toISOString().slice(0, 10);
}

export function emptyMaterialDraft(today: string, kind: MaterialKind = 'offer'): MaterialDraft {
  return { kind, material: '', unit: 'kg', quantity: '', price: '', until: weekAfter(today) };
}

export function validateMaterial(draft: MaterialDraft, today: string): Validated<MaterialField, MaterialInput> {
  const checks = collector<MaterialField>();
  const { errors, add, text } = checks;
  const material = text('material', draft.material, MAX_MATERIAL, 'groups.materials.errors.materialRequired');
  const { unit, quantity } = readUnitAndQuantity(draft, checks);
  const price = draft.price.trim() === '' ? null : readAmount(draft.price, { allowZero: true });
  if (price && !price.ok) add('price', price.problem);
  if (draft.until === '') add('until', { key: 'groups.materials.errors.untilRequired' });
  else if (!isIsoDay(draft.until)) add('until', { key: 'groups.form.errors.date' });
  else if (draft.until < today) add('until', { key: 'groups.materials.errors.untilPast' });
  if (Object.keys(errors).length > 0 || quantity === null) return { errors, input: null };
  const input: MaterialInput = { kind: draft.kind, material, unit, quantity, until: draft.until };
  if (price && price.ok) input.price = price.value;
  return { errors, input };
}

export interface PurchaseDraft {
  supplier: string;
  material: string;
  unit: string;
  quantity: string;
  group_price: string;
  alone_price: string;
  purchased_on: string;
}

export type PurchaseField = 'supplier' | 'material' | 'unit' | 'quantity' | 'group_price' | 'alone_price' | 'purchased_on';

export function emptyPurchaseDraft(today: string): PurchaseDraft {
  return { supplier: '', material: '', unit: 'kg', quantity: '', group_price: '', alone_price: '', purchased_on: today };
}

/** What buying together saves on a draft, while it is typed (null until the numbers read). */
export function draftSaving(draft: Pick<PurchaseDraft, 'quantity' | 'group_price' | 'alone_price'>): number | null {
  const quantity = readCount(draft.quantity);
  const group = readAmount(draft.group_price, { allowZero: true });
  const alone = readAmount(draft.alone_price, { allowZero: true });
  if (quantity === null || !group.ok || !alone.ok) return null;
  return (alone.value - group.value) * quantity;
}

export function validatePurchase(draft: PurchaseDraft, today: string): Validated<PurchaseField, PurchaseInput> {
  const checks = collector<PurchaseField>();
  const { errors, add, text } = checks;
  const supplier = text('supplier', draft.supplier, MAX_ORDER_TEXT, 'groups.materials.errors.supplierRequired');
  const material = text('material', draft.material, MAX_MATERIAL, 'groups.materials.errors.materialRequired');
  const { unit, quantity } = readUnitAndQuantity(draft, checks);
  const group = readAmount(draft.group_price, { allowZero: true });
  if (!group.ok) add('group_price', group.problem);
  const alone = readAmount(draft.alone_price, { allowZero: true });
  if (!alone.ok) add('alone_price', alone.problem);
  if (draft.purchased_on !== '') {
    if (!isIsoDay(draft.purchased_on)) add('purchased_on', { key: 'groups.form.errors.date' });
    else if (draft.purchased_on > today) add('purchased_on', { key: 'groups.form.errors.dateInFuture' });
  }
  if (Object.keys(errors).length > 0 || quantity === null || !group.ok || !alone.ok) return { errors, input: null };
  const input: PurchaseInput = { supplier, material, unit, quantity, group_price: group.value, alone_price: alone.value };
  if (draft.purchased_on !== '') input.purchased_on = draft.purchased_on;
  return { errors, input };
}
