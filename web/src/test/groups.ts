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
} from '../features/groups/types';
import { PARTS } from '../features/groups/types';

export const BANJARSARI = {
  code: '35.07.20.2004',
  name: 'BANJARSARI',
  path: [
    { code: '35', name: 'JAWA TIMUR' },
    { code: '35.07', name: 'KABUPATEN MALANG' },
    { code: '35.07.20', name: 'NGAJUM' },
    { code: '35.07.20.2004', name: 'BANJARSARI' },
  ],
};

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
    person: { id: id + 100, name },
    enterprise: null,
    role: 'member',
    mentor: false,
    local_hero: false,
    joined_on: '2018-06-01',
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
    options: [
      { id: 31, label: 'Bu Sulastri: Pasar Ngajum; Bu Sutini: Pasar Kepanjen', votes: 0 },
      { id: 32, label: 'Semua anggota bebas di semua pasar', votes: 0 },
    ],
    votes_against: 0,
    votes_cast: 0,
    decided: false,
    outcome: null,
    option_id: null,
    decided_on: null,
    note: null,
    created_at: '2026-03-05T02:00:00Z',
    updated_at: '2026-03-05T02:00:00Z',
    votes: [],
    norm: null,
    ...overrides,
  };
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
