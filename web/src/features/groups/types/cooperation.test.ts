import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../lib/api-client';
import { areasView, deliberationView, knowledgePost, marketArea, materialPost } from '../../../test/groups';
import {
  agreedOn,
  agreementsOf,
  areaKey,
  areasByMember,
  canClose,
  canMarkUseful,
  capacityTotal,
  draftSaving,
  emptyClaimDraft,
  emptyMaterialDraft,
  emptyOrderDraft,
  emptyPostDraft,
  emptyPurchaseDraft,
  holderOf,
  isAlreadyMarked,
  isClaimedByOther,
  matchesByPost,
  memberOfSentCapacity,
  overlapOfClaim,
  readCount,
  safeShareLink,
  shortfallOf,
  splitTags,
  validateClaim,
  validateMaterial,
  validateOrder,
  validatePost,
  validatePurchase,
  validateShare,
  weekAfter,
} from './cooperation';

const TODAY = '2026-03-10';
const keys = (problems: { key: string }[] | undefined) => (problems ?? []).map((p) => p.key);

function problem(
  status: number,
  errors: { field: string; code: string; message?: string; params?: Record<string, string> }[],
  detail = '',
) {
  return new ApiError({
    type: 'urn:gotong:problem:conflict',
    status,
    title: '',
    detail,
    errors: errors.map((e) => ({ message: '', params: {}, ...e })),
  });
}

describe('market areas', () => {
  it('compares areas the way the server does', () => {
    expect(areaKey('  Pasar   NGAJUM ')).toBe('pasar ngajum');
  });

  it('lists claims per member and finds the overlap a claim is in', () => {
    const view = areasView();
    expect(areasByMember(view.items).map(({ member, claims }) => [member.name, claims.map((c) => c.area)])).toEqual([
      ['Sulastri', ['Pasar Ngajum']],
      ['Sutini', ['Pasar Kepanjen', 'Pasar Ngajum']],
    ]);
    expect(overlapOfClaim(3, view.overlaps)?.member_ids).toEqual([11, 12]);
    expect(overlapOfClaim(2, view.overlaps)).toBeNull();
  });

  it('gives every claim of an overlap the agreement that allowed sharing it, the first claim too', () => {
    const view = areasView();
    expect(agreementsOf(view.overlaps[0]!, view.items)).toEqual([3]);
    expect(agreementsOf({ area: 'Pasar X', member_ids: [11, 12], claim_ids: [1, 2] }, view.items)).toEqual([]);
  });

  it('names who holds an area a member tried to claim, ignoring ended claims and her own', () => {
    const areas = [
      marketArea(1, 11, 'Sulastri', 'Pasar Ngajum'),
      marketArea(5, 13, 'Suwarni', 'Pasar Sumberpucung', { ended_on: '2026-02-01' }),
    ];
    expect(holderOf('pasar  ngajum', 12, areas)?.member.name).toBe('Sulastri');
    expect(holderOf('Pasar Ngajum', 11, areas)).toBeNull();
    expect(holderOf('Pasar Sumberpucung', 12, areas)).toBeNull();
  });

  it('offers only agreed deliberations on the topic', () => {
    const items = [
      deliberationView({ id: 3, decided: true, outcome: 'agreed' }),
      deliberationView({ id: 4, decided: true, outcome: 'not_agreed' }),
      deliberationView({ id: 5, decided: false }),
      deliberationView({ id: 6, topic: 'fee_rule', decided: true, outcome: 'agreed' }),
    ];
    expect(agreedOn(items, 'market_areas').map((d) => d.id)).toEqual([3]);
    expect(agreedOn(items, 'fee_rule').map((d) => d.id)).toEqual([6]);
  });

  it('builds a claim, with the agreement when one was picked', () => {
    expect(validateClaim({ ...emptyClaimDraft(TODAY), member_id: '12', area: ' Pasar  Ngajum ' }, TODAY).input).toEqual({
      member_id: 12,
      area: 'Pasar Ngajum',
      claimed_on: TODAY,
    });
    expect(
      validateClaim({ ...emptyClaimDraft(TODAY), member_id: '12', area: 'Pasar Ngajum', deliberation_id: '3' }, TODAY).input,
    ).toMatchObject({ deliberation_id: 3 });
    const { errors } = validateClaim({ ...emptyClaimDraft('2026-04-01') }, TODAY);
    expect(Object.keys(errors).sort()).toEqual(['area', 'claimed_on', 'member_id']);
  });

  it('recognises the refusal of an area someone else holds', () => {
    expect(isClaimedByOther(problem(409, [{ field: 'area', code: 'claimed_by_other' }]))).toBe(true);
    expect(isClaimedByOther(problem(409, [{ field: 'area', code: 'already_claimed' }]))).toBe(false);
    expect(isClaimedByOther(new Error('x'))).toBe(false);
  });
});

describe('joint orders', () => {
  const draft = {
    ...emptyOrderDraft(),
    customer: 'Dinas Pariwisata',
    product: 'Kain batik tulis',
    quantity: '150',
    unit: 'lembar',
    unit_price: '350.000',
    due_on: '2026-03-01',
    capacities: { 11: '50', 12: '', 14: '40', 13: '30' },
  };

  it('sends the capacities typed, in the members’ order, and leaves empty boxes out', () => {
    const { errors, input } = validateOrder(draft, [11, 12, 13, 14]);
    expect(errors).toEqual({});
    expect(input).toEqual({
      customer: 'Dinas Pariwisata',
      product: 'Kain batik tulis',
      quantity: 150,
      unit: 'lembar',
      unit_price: 350_000,
      due_on: '2026-03-01',
      capacities: [
        { member_id: 11, capacity: 50 },
        { member_id: 13, capacity: 30 },
        { member_id: 14, capacity: 40 },
      ],
    });
    expect(capacityTotal(draft.capacities)).toBe(120);
    expect(memberOfSentCapacity(input!, 1)).toBe(13);
    expect(memberOfSentCapacity(input!, 5)).toBeNull();
  });

  it('needs who ordered what, a whole quantity and at least one capacity', () => {
    const { errors, input } = validateOrder({ ...emptyOrderDraft(), quantity: '2,5', capacities: { 11: 'banyak' } }, [11]);
    expect(input).toBeNull();
    expect(Object.keys(errors).sort()).toEqual(['capacity-11', 'customer', 'product', 'quantity', 'unit', 'unit_price']);
    expect(keys(validateOrder({ ...draft, capacities: {} }, [11]).errors.capacities)).toEqual(['groups.orders.errors.capacitiesRequired']);
    expect(readCount('1.500')).toBe(1500);
    expect(readCount('-3')).toBeNull();
  });

  it('reads the shortfall from the params of the server’s 409, never from its English', () => {
    const refused = problem(409, [
      {
        field: 'quantity',
        code: 'insufficient_capacity',
        message: 'kata-kata apa saja',
        params: { can: '120', ordered: '150', short: '30' },
      },
    ]);
    expect(shortfallOf(refused)).toEqual({ can: 120, ordered: 150, short: 30 });
    // Without usable params, the numbers of the order that was sent.
    const sent = { quantity: 150, capacities: [{ member_id: 11, capacity: 50 }, { member_id: 13, capacity: 70 }] };
    const bare = problem(409, [{ field: 'quantity', code: 'insufficient_capacity', message: 'members can make 70 of 100; 30 short' }]);
    expect(shortfallOf(bare, sent)).toEqual({ can: 120, ordered: 150, short: 30 });
    expect(shortfallOf(bare)).toBeNull();
    const garbled = problem(409, [{ field: 'quantity', code: 'insufficient_capacity', params: { can: 'banyak', ordered: '150', short: '30' } }]);
    expect(shortfallOf(garbled, sent)).toEqual({ can: 120, ordered: 150, short: 30 });
    expect(shortfallOf(problem(400, [{ field: 'quantity', code: 'out_of_range' }]))).toBeNull();
  });

  it('records only what changed of a share, within her part and payout', () => {
    const share = { quantity: 42, delivered: 10, payout: 14_700_000, paid_out: 0 };
    expect(validateShare({ delivered: '42', paid_out: '14.700.000' }, share).input).toEqual({ delivered: 42, paid_out: 14_700_000 });
    expect(validateShare({ delivered: '10', paid_out: '1.000.000' }, share).input).toEqual({ paid_out: 1_000_000 });
    const over = validateShare({ delivered: '43', paid_out: '15.000.000' }, share);
    expect(over.input).toBeNull();
    expect(keys(over.errors.delivered)).toEqual(['groups.orders.errors.delivered']);
    expect(keys(over.errors.paid_out)).toEqual(['groups.orders.errors.paidOut']);
  });
});

describe('knowledge posts', () => {
  const own = knowledgePost(1, 11, 'Sulastri');

  it('lets a member mark others’ posts useful, once, and never her own', () => {
    expect(canMarkUseful(own, 14, new Set())).toBe(true);
    expect(canMarkUseful(own, 11, new Set())).toBe(false);
    expect(canMarkUseful(own, 14, new Set([1]))).toBe(false);
    expect(canMarkUseful(own, null, new Set())).toBe(false);
  });

  it('reads the server saying she marked it already', () => {
    expect(isAlreadyMarked(problem(409, [{ field: 'member_id', code: 'already_exists' }]))).toBe(true);
    expect(isAlreadyMarked(problem(400, [{ field: 'post', code: 'own_post' }]))).toBe(false);
  });

  it('opens only WhatsApp links', () => {
    expect(safeShareLink('https://wa.me/?text=Halo')).toBe('https://wa.me/?text=Halo');
    expect(safeShareLink('javascript:alert(1)')).toBeNull();
  });

  it('splits tags at commas, each once', () => {
    expect(splitTags('Pewarna, mahoni,, pewarna ,  kain  tulis')).toEqual(['Pewarna', 'mahoni', 'kain tulis']);
    expect(splitTags('  ')).toEqual([]);
  });

  it('builds a post and checks it as the server would', () => {
    expect(validatePost({ kind: 'technique', title: ' Warna alam ', body: 'Rebus 2 jam.', tags: 'pewarna, mahoni' }).input).toEqual({
      kind: 'technique',
      title: 'Warna alam',
      body: 'Rebus 2 jam.',
      tags: ['pewarna', 'mahoni'],
    });
    expect(validatePost({ kind: 'fix', title: 'X', body: 'Y', tags: '' }).input).toEqual({ kind: 'fix', title: 'X', body: 'Y' });
    const { errors } = validatePost({ ...emptyPostDraft(), tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(',') });
    expect(Object.keys(errors).sort()).toEqual(['body', 'kind', 'tags', 'title']);
  });
});

describe('raw material', () => {
  const offer = materialPost(1, 11, 'Sulastri');
  const request = materialPost(2, 14, 'Painem', { kind: 'request', material: 'singkong', quantity: 50, price: null });
  const other = materialPost(3, 14, 'Painem', { kind: 'request', unit: 'karung', quantity: 2 });

  it('gives each post its matches, from both sides', () => {
    const matches = matchesByPost({ items: [offer, request, other], matches: [{ request_id: 2, offer_id: 1, quantity: 50 }] });
    expect(matches.get(1)?.map((m) => [m.other.id, m.quantity])).toEqual([[2, 50]]);
    expect(matches.get(2)?.map((m) => [m.other.id, m.quantity])).toEqual([[1, 50]]);
    expect(matches.get(3)).toBeUndefined();
  });

  it('lets a member close her own open post, and the keeper of materials any', () => {
    expect(canClose(request, 14, false)).toBe(true);
    expect(canClose(request, 11, false)).toBe(false);
    expect(canClose(request, 11, true)).toBe(true);
    expect(canClose({ ...request, closed: true }, 14, true)).toBe(false);
  });

  it('builds an offer, open a week unless said otherwise', () => {
    expect(weekAfter('2026-03-28')).toBe('2026-04-04');
    expect(validateMaterial({ ...emptyMaterialDraft(TODAY), material: 'Singkong', quantity: '80', price: '2.500' }, TODAY).input).toEqual({
      kind: 'offer',
      material: 'Singkong',
      unit: 'kg',
      quantity: 80,
      price: 2_500,
      until: '2026-03-17',
    });
    const { errors } = validateMaterial({ ...emptyMaterialDraft(TODAY, 'request'), quantity: '0', until: '2026-03-01' }, TODAY);
    expect(Object.keys(errors).sort()).toEqual(['material', 'quantity', 'until']);
    expect(keys(errors.until)).toEqual(['groups.materials.errors.untilPast']);
  });

  it('builds a collective purchase with both prices as integers, and shows the saving as it is typed', () => {
    const draft = { ...emptyPurchaseDraft(TODAY), supplier: 'Pak Slamet', material: 'singkong', quantity: '500', group_price: '2.000', alone_price: '2.600' };
    expect(validatePurchase(draft, TODAY).input).toEqual({
      supplier: 'Pak Slamet',
      material: 'singkong',
      unit: 'kg',
      quantity: 500,
      group_price: 2_000,
      alone_price: 2_600,
      purchased_on: TODAY,
    });
    expect(draftSaving(draft)).toBe(300_000);
    expect(draftSaving({ ...draft, alone_price: '1.500' })).toBe(-250_000);
    expect(draftSaving({ ...draft, quantity: '' })).toBeNull();
    expect(Object.keys(validatePurchase(emptyPurchaseDraft(TODAY), TODAY).errors).sort()).toEqual([
      'alone_price',
      'group_price',
      'material',
      'quantity',
      'supplier',
    ]);
  });
});
