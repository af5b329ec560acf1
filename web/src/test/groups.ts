// Sample records of the group workspace for its tests: Harapan Sejahtera, a joint business group
// of tape makers in Banjarsari (Ngajum, Kabupaten Malang), as in seed 001.
import type {
  Compliance,
  ComplianceMonth,
  DeliberationView,
  GroupView,
  Member,
  MeetingView,
  Part,
  RegionCompliance,
  RegionComplianceRow,
  VoteLine,
} from '../features/groups/types';
import { PARTS } from '../features/groups/types';
import type {
  AreasView,
  CollectivePurchase,
  JointOrder,
  KnowledgePost,
  MarketArea,
  MaterialPost,
} from '../features/groups/types/cooperation';
import type { MemberSummary } from '../features/groups/types/mine';
import type { CommonAsset, Fees, LedgerEntry, Statement } from '../features/groups/types/treasury';
import type { Place } from '../lib/places';
import { placeOf } from './fixtures';

export const BANJARSARI: Place = placeOf([
  { code: '35', name: 'JAWA TIMUR' },
  { code: '35.07', name: 'KABUPATEN MALANG' },
  { code: '35.07.20', name: 'NGAJUM' },
  { code: '35.07.20.2004', name: 'BANJARSARI' },
]);

export const ALL_PARTS: Part[] = [...PARTS];

export function groupView(overrides: Partial<GroupView> = {}): GroupView {
  return {
    id: 1,
    name: 'Harapan Sejahtera',
    kind: 'joint_business_group',
    sector: 'food_processing',
    business_centre: 'sentra tape Ngajum',
    village_code: BANJARSARI.code,
    village: BANJARSARI,
    origin: 'programme_formed',
    programme_id: 1,
    legality: 'Keputusan Kepala Desa Banjarsari No. 12/2019',
    legality_date: '2019-03-01',
    status: 'active',
    status_since: '2026-02-01',
    founded_on: '2018-06-01',
    sop_meetings_per_month: 1,
    steward_id: 1,
    active_members: 4,
    created_at: '2026-01-05T02:00:00Z',
    updated_at: '2026-02-01T02:00:00Z',
    writes: ALL_PARTS,
    member_id: 11,
    ...overrides,
  };
}

export function member(id: number, name: string, overrides: Partial<Member> = {}): Member {
  return {
    id,
    group_id: 1,
    person: { id: id + 100, name, birth_year: null, occupation: null },
    enterprise: null,
    role: 'member',
    mentor: false,
    local_hero: false,
    joined_on: '2018-06-01',
    joined_precision: 'day',
    left_on: null,
    active: true,
    user_id: null,
    created_at: '2026-01-05T02:00:00Z',
    updated_at: '2026-01-05T02:00:00Z',
    ...overrides,
  };
}

/** Sulastri leads (and mentors), Sutini writes, Suwarni keeps the money, Painem is a member. */
export const MEMBERS: Member[] = [
  member(11, 'Sulastri', { role: 'leader', mentor: true, local_hero: true, enterprise: { id: 7, name: 'Tape Bu Sulastri' } }),
  member(12, 'Sutini', { role: 'secretary' }),
  member(13, 'Suwarni', { role: 'treasurer' }),
  member(14, 'Painem'),
];

export function meetingView(overrides: Partial<MeetingView> = {}): MeetingView {
  return {
    id: 5,
    group_id: 1,
    kind: 'formal',
    held_on: '2026-03-05',
    status: 'held',
    venue: 'rumah Bu Sulastri',
    host_member_id: 11,
    agenda: 'Pembagian wilayah pasar',
    minutes: null,
    present: 0,
    excused: 0,
    absent: 0,
    created_at: '2026-03-05T02:00:00Z',
    updated_at: '2026-03-05T02:00:00Z',
    attendance: [],
    ...overrides,
  };
}

export function deliberationView(overrides: Partial<DeliberationView> = {}): DeliberationView {
  return {
    id: 3,
    group_id: 1,
    meeting_id: null,
    title: 'Pembagian wilayah pasar',
    description: null,
    topic: 'market_areas',
    method: 'vote',
    rule: 'majority',
    quorum: 3,
    change: null,
    options: [
      { id: 31, label: 'Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen', votes: 0, targets: [] },
      { id: 32, label: 'Semua anggota bebas di semua pasar', votes: 0, targets: [] },
    ],
    votes_against: 0,
    votes_cast: 0,
    decided: false,
    outcome: null,
    option_id: null,
    decided_on: null,
    note: null,
    proposed_by: null,
    created_at: '2026-03-05T02:00:00Z',
    updated_at: '2026-03-05T02:00:00Z',
    voters: 4,
    votes: [],
    norm: null,
    ...overrides,
  };
}

/** One vote as the server lists it: entered by the leader (sulastri) unless cast by the member herself. */
export function vote(memberId: number, optionId: number | null, overrides: Partial<VoteLine> = {}): VoteLine {
  const name = MEMBERS.find((m) => m.id === memberId)?.person.name ?? `Anggota ${memberId}`;
  return { member_id: memberId, name, option_id: optionId, recorded_by: 'sulastri', own: false, ...overrides };
}

export function complianceMonth(month: string, held: number, present = 0, recorded = 0, required = 1): ComplianceMonth {
  return {
    month,
    held,
    required,
    percent: required === 0 ? 0 : Math.round((held * 100) / required),
    present,
    recorded,
    attendance_percent: recorded === 0 ? null : Math.round((present * 100) / recorded),
  };
}

/** Seed 001: twice a month where the SOP asked once = 200%. */
export function compliance(months: ComplianceMonth[] = [
  complianceMonth('2026-01', 2, 6, 8),
  complianceMonth('2026-02', 2, 7, 8),
  complianceMonth('2026-03', 0),
]): Compliance {
  const held = months.reduce((sum, m) => sum + m.held, 0);
  const required = months.reduce((sum, m) => sum + m.required, 0);
  return {
    sop_meetings_per_month: 1,
    from: months[0]!.month,
    to: months.at(-1)!.month,
    held,
    required,
    percent: required === 0 ? 0 : Math.round((held * 100) / required),
    months,
  };
}

/** One group's line of a region's compliance table (seed 001's group by default: 200%). */
export function regionRow(overrides: Partial<RegionComplianceRow> = {}): RegionComplianceRow {
  return {
    id: 1,
    name: 'Harapan Sejahtera',
    village_code: BANJARSARI.code,
    status: 'active',
    sop_meetings_per_month: 1,
    held: 6,
    required: 3,
    percent: 200,
    ...overrides,
  };
}

/** Kabupaten Malang over three months, least compliant first: one group stopped, one half, one met. */
export function regionCompliance(overrides: Partial<RegionCompliance> = {}): RegionCompliance {
  return {
    from: '2026-01',
    to: '2026-03',
    bands: { met: 5, partial: 2, low: 1, none: 2 },
    items: [
      regionRow({ id: 2, name: 'Kelompok Tani Makmur', village_code: '35.07.20.2001', status: 'inactive', held: 0, percent: 0 }),
      regionRow({ id: 3, name: 'Batik Sekar Jagad', village_code: '35.07.20.2002', held: 2, sop_meetings_per_month: 1, percent: 67 }),
      regionRow(),
    ],
    total: 10,
    limit: 25,
    offset: 0,
    ...overrides,
  };
}

// ---- the treasury and cooperation (seed 001's year in small) --------------------------------------


export function ledgerEntry(overrides: Partial<LedgerEntry> = {}): LedgerEntry {
  return {
    id: 7,
    group_id: 1,
    date: '2026-03-04',
    kind: 'fee_payment',
    memo: '',
    amount: 10_000,
    lines: [
      { account: 'cash', debit: 10_000, credit: 0, member_id: 14 },
      { account: 'member_fees', debit: 0, credit: 10_000, member_id: 14 },
    ],
    reverses_id: null,
    reversed_by: null,
    asset_id: null,
    meeting_id: null,
    created_by: { id: 5, username: 'suwarni' },
    created_at: '2026-03-04T02:00:00Z',
    ...overrides,
  };
}

/** Entry 7 undone by entry 9: the lines the other way round. */
export function reversalOf(original: LedgerEntry, id = 9): LedgerEntry {
  return {
    ...original,
    id,
    kind: 'reversal',
    lines: original.lines.map((line) => ({ ...line, debit: line.credit, credit: line.debit })),
    reverses_id: original.id,
    reversed_by: null,
  };
}

export function statement(cash = 2_190_000, overrides: Partial<Statement> = {}): Statement {
  return {
    from: '2026-01-01',
    to: '2026-03-10',
    accounts: [
      { account: 'cash', type: 'asset', opening: 2_000_000, debits: 290_000, credits: 100_000, closing: cash },
      { account: 'fees_receivable', type: 'asset', opening: 0, debits: 0, credits: 0, closing: 0 },
      { account: 'common_assets', type: 'asset', opening: 3_000_000, debits: 0, credits: 0, closing: 3_000_000 },
      { account: 'aid_received', type: 'income', opening: 5_000_000, debits: 0, credits: 0, closing: 5_000_000 },
      { account: 'member_fees', type: 'income', opening: 0, debits: 0, credits: 40_000, closing: 40_000 },
      { account: 'shop_revenue', type: 'income', opening: 0, debits: 0, credits: 250_000, closing: 250_000 },
      { account: 'purchases', type: 'expense', opening: 0, debits: 100_000, credits: 0, closing: 100_000 },
      { account: 'expenses', type: 'expense', opening: 0, debits: 0, credits: 0, closing: 0 },
    ],
    assets: cash + 3_000_000,
    income: 290_000,
    expenses: 100_000,
    surplus: 190_000,
    balanced: true,
    ...overrides,
  };
}

export function fees(): Fees {
  return {
    through: '2026-03',
    rules: [{ id: 1, amount: 10_000, from: '2025-11', deliberation_id: null, created_at: '2025-11-01T02:00:00Z' }],
    members: [
      { member_id: 11, name: 'Sulastri', active: true, due: 50_000, paid: 50_000, arrears: 0 },
      { member_id: 12, name: 'Sutini', active: true, due: 50_000, paid: 60_000, arrears: -10_000 },
      { member_id: 13, name: 'Suwarni', active: true, due: 50_000, paid: 40_000, arrears: 10_000 },
      { member_id: 14, name: 'Painem', active: true, due: 50_000, paid: 10_000, arrears: 40_000 },
    ],
    due: 200_000,
    paid: 160_000,
    arrears: 50_000,
  };
}

export const SHOP: CommonAsset = {
  id: 2,
  group_id: 1,
  name: 'Toko kelompok',
  kind: 'shop',
  source: 'aid',
  value: 3_000_000,
  acquired_on: '2025-12-10',
  sales: 250_000,
  purchases: 100_000,
  created_at: '2025-12-10T02:00:00Z',
};

export function marketArea(id: number, memberId: number, name: string, area: string, overrides: Partial<MarketArea> = {}): MarketArea {
  return {
    id,
    member: { id: memberId, name },
    area,
    deliberation_id: null,
    claimed_on: '2026-01-05',
    ended_on: null,
    created_at: '2026-01-05T02:00:00Z',
    ...overrides,
  };
}

/** Sulastri and Sutini share Pasar Ngajum by agreement 3; Sutini also sells in Pasar Kepanjen. */
export function areasView(): AreasView {
  return {
    items: [
      marketArea(1, 11, 'Sulastri', 'Pasar Ngajum'),
      marketArea(2, 12, 'Sutini', 'Pasar Kepanjen'),
      marketArea(3, 12, 'Sutini', 'Pasar Ngajum', { deliberation_id: 3 }),
    ],
    overlaps: [{ area: 'Pasar Ngajum', member_ids: [11, 12], claim_ids: [1, 3] }],
  };
}

/** Seed 000's joint marketing: 100 pieces of batik split 42 / 25 / 33 by capacities 50 / 30 / 40. */
export function jointOrder(overrides: Partial<JointOrder> = {}): JointOrder {
  return {
    id: 4,
    group_id: 1,
    customer: 'Dinas Pariwisata',
    product: 'Kain batik tulis',
    quantity: 100,
    unit: 'lembar',
    unit_price: 350_000,
    value: 35_000_000,
    due_on: '2026-03-01',
    status: 'open',
    overdue: false,
    delivered: 0,
    shares: [
      { member: { id: 11, name: 'Sulastri' }, capacity: 50, quantity: 42, delivered: 0, payout: 14_700_000, paid_out: 0 },
      { member: { id: 12, name: 'Sutini' }, capacity: 30, quantity: 25, delivered: 0, payout: 8_750_000, paid_out: 0 },
      { member: { id: 14, name: 'Painem' }, capacity: 40, quantity: 33, delivered: 0, payout: 11_550_000, paid_out: 0 },
    ],
    created_at: '2026-02-01T02:00:00Z',
    updated_at: '2026-02-01T02:00:00Z',
    ...overrides,
  };
}

export function knowledgePost(id: number, memberId: number, name: string, overrides: Partial<KnowledgePost> = {}): KnowledgePost {
  return {
    id,
    member: { id: memberId, name },
    kind: 'technique',
    title: 'Warna alam dari kulit mahoni',
    body: 'Rebus kulit mahoni 2 jam, saring, celup kain 3 kali.',
    tags: ['pewarna', 'mahoni'],
    useful: 0,
    share_link: 'https://wa.me/?text=Warna%20alam%20dari%20kulit%20mahoni',
    created_at: '2026-03-01T02:00:00Z',
    ...overrides,
  };
}

export function materialPost(id: number, memberId: number, name: string, overrides: Partial<MaterialPost> = {}): MaterialPost {
  return {
    id,
    member: { id: memberId, name },
    kind: 'offer',
    material: 'Singkong',
    unit: 'kg',
    quantity: 80,
    price: 2_500,
    until: '2026-03-20',
    closed: false,
    created_at: '2026-03-01T02:00:00Z',
    ...overrides,
  };
}

export const PURCHASE: CollectivePurchase = {
  id: 1,
  supplier: 'Pak Slamet, Kepanjen',
  material: 'singkong',
  unit: 'kg',
  quantity: 500,
  group_price: 2_000,
  alone_price: 2_600,
  paid: 1_000_000,
  saving: 300_000,
  purchased_on: '2026-03-02',
  entry_id: 12,
  created_at: '2026-03-02T02:00:00Z',
};

/**
 * Painem's own records (the "mine" view): in arrears by Rp 20.000 after paying through October,
 * one share of an order past its day, a vote of her own and one the leader entered against, a post;
 * yeast not yet reached in a closed cycle and aimed at again in one under way, cassava reached.
 */
export function memberSummary(overrides: Partial<MemberSummary> = {}): MemberSummary {
  return {
    member: { id: 14, name: 'Painem', role: 'member', joined_on: '2018-06-01', left_on: null },
    limit: 5,
    fees: {
      through: '2026-12',
      monthly_fee: 10_000,
      due: 120_000,
      paid: 100_000,
      arrears: 20_000,
      paid_through: '2026-10',
      payments: {
        items: [
          { entry_id: 31, date: '2026-10-04', kind: 'fee_payment', memo: 'Iuran pertemuan 2026-10-04', amount: 10_000, reversed: false },
          { entry_id: 30, date: '2026-09-06', kind: 'reversal', memo: 'Salah catat', amount: -10_000, reversed: false },
          { entry_id: 29, date: '2026-09-06', kind: 'fee_payment', memo: 'Iuran', amount: 10_000, reversed: true },
        ],
        total: 12,
      },
    },
    orders: {
      items: [
        {
          order_id: 7,
          customer: 'Toko Oleh-oleh Batu',
          product: 'Tape singkong',
          unit: 'kg',
          unit_price: 12_000,
          due_on: '2026-11-20',
          status: 'open',
          overdue: true,
          quantity: 20,
          delivered: 5,
          payout: 240_000,
          paid_out: 60_000,
        },
      ],
      total: 1,
    },
    votes: {
      items: [
        {
          deliberation_id: 9,
          title: 'Studi banding ke Kediri',
          decided: false,
          outcome: null,
          option_id: null,
          choice: null,
          cast_at: '2026-11-02T03:00:00Z',
          recorded_by: 'ketua',
          own: false,
        },
        {
          deliberation_id: 5,
          title: 'Harga tape seragam',
          decided: true,
          outcome: 'agreed',
          option_id: 12,
          choice: 'Rp 13.000 per kg',
          cast_at: '2026-10-04T02:30:00Z',
          recorded_by: 'anggota',
          own: true,
        },
      ],
      total: 2,
    },
    posts: {
      items: [{ post_id: 3, kind: 'technique', title: 'Fermentasi tape 48 jam', useful: 3, created_at: '2026-08-10T05:00:00Z' }],
      total: 1,
    },
    competencies: [
      {
        competency_id: 21,
        code: 'tape.ragi',
        name: 'Fermentasi dengan ragi',
        name_en: 'Fermentation with yeast',
        latest: { achieved: false, level: 1, evaluated_on: '2026-10-20', cycle_id: 4, cycle_title: 'Belajar ragi' },
        targets: [{ cycle_id: 6, cycle_title: 'Tape ketan hitam', status: 'implementation', level: 2 }],
      },
      {
        competency_id: 20,
        code: 'tape.singkong',
        name: 'Memilih singkong',
        name_en: 'Choosing cassava',
        latest: { achieved: true, level: 2, evaluated_on: '2026-10-20', cycle_id: 4, cycle_title: 'Belajar ragi' },
        targets: [],
      },
    ],
    ...overrides,
  };
}
