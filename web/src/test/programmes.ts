// Sample records of the programmes pages for their tests, as the API answers them: a programme of
// the Dinas Koperasi Kota Batu (stakeholder 2), the officer who manages it, its dashboard, a
// targeting round and its decision about one enterprise, and a nominated local hero's record.
import type { HeroRecord, ProgrammeDashboard, ProgrammeView } from '../features/programmes/types';
import type { TargetingDecision, TargetingRound } from '../features/programmes/types/targeting';
import type { User } from '../lib/user';

/** An officer of the programme's owner. */
export const OFFICER = {
  id: 3,
  username: 'petugas',
  display_name: 'Petugas Dinas',
  role: 'officer',
  scope: { kind: 'stakeholder', id: 2 },
  disabled: false,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
} as User;

/** The owner, as a programme's partners list it. */
export const OWNER_PARTNER: ProgrammeView['partners'][number] = {
  stakeholder_id: 2,
  name: 'Dinas Koperasi Kota Batu',
  role: 'owner',
  helix: 'government',
  contribution: null,
};

/** A soft-loan programme for 2026 that the caller manages, unless `overrides` say otherwise. */
export function programmeView(overrides: Partial<ProgrammeView> = {}): ProgrammeView {
  return {
    id: 7,
    name: 'Pinjaman Lunak Usaha Muda',
    owner: { id: 2, name: 'Dinas Koperasi Kota Batu' },
    description: null,
    status: 'active',
    starts_on: '2026-01-01',
    ends_on: '2026-12-31',
    factors: ['capital_access'],
    sop_meetings_per_month: 1,
    sop_reports_per_year: 12,
    budget: 150_000_000,
    exit_strategy: null,
    follow_up_months: [3, 6],
    partners: [OWNER_PARTNER, { stakeholder_id: 5, name: 'Bank Jatim', role: 'partner', helix: 'business', contribution: 'pinjaman lunak' }],
    criteria: { region_codes: [], sectors: ['food_processing'], scales: [], founded_within_years: null, homogeneous: false, categories: [] },
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    can_manage: true,
    ...overrides,
  };
}

/** The programme's dashboard on 3 December 2026: one group, two closed cycles, two loans (one at risk). */
export function programmeDashboard(overrides: Partial<ProgrammeDashboard> = {}): ProgrammeDashboard {
  return {
    programme_id: 7,
    group_id: null,
    as_of: '2026-12-03',
    enrolment: { groups: { current: 1, left: 0 }, enterprises: { current: 0, left: 0 }, outside_criteria: 0 },
    compliance: { from: '2025-09', to: '2026-08', groups: 1, bands: { met: 1, partial: 0, low: 0, none: 0 }, rows: [] },
    completion: { groups: 1, cycles: 2, closed: 2, achieved: 6, targets: 8 },
    budget: { budget: 50_000_000, committed: 9_000_000, disbursed: 9_000_000, over: 0, over_budget_records: 0 },
    loans: {
      as_of: '2026-12-03',
      loans: 2,
      par30: { at_risk_principal: 3_000_000, outstanding_principal: 9_000_000, ratio: 1 / 3, loans_at_risk: 1, loans_outstanding: 2 },
      bands: { current: 1, days_1_30: 0, days_31_60: 0, days_61_90: 1, days_over_90: 0, closed: 0, undisbursed: 0 },
    },
    exits: { none: 0, nominated: 1, ready: 0, handed_over: 0 },
    follow_ups: { ended: true, schedule: { done: 0, overdue: 1, upcoming: 1 }, latest_status: { active: 0, struggling: 0, dormant: 0, dissolved: 0, not_visited: 1 } },
    ...overrides,
  };
}

/** Round 4's decision about Tape Bu Sri, selected on the frozen facts; `overrides` give its place and score. */
export function decision(overrides: Partial<TargetingDecision> = {}): TargetingDecision {
  return {
    round_id: 4,
    programme_id: 7,
    kind: 'enterprise',
    id: 31,
    name: 'Tape Bu Sri',
    selected: true,
    reason: 'selected',
    facts_from: 'frozen',
    position: 1,
    score: 0,
    terms: [],
    cut_score: 0,
    eligibility: { eligible: true, checks: [] },
    ...overrides,
  };
}

/** Round 4 of the programme, a draft choosing one enterprise on the programme's criteria, unless `overrides` say otherwise. */
export function targetingRound(overrides: Partial<TargetingRound> = {}): TargetingRound {
  return {
    id: 4,
    programme_id: 7,
    kind: 'enterprise',
    status: 'draft',
    opens_on: '2026-02-01',
    closes_on: '2026-03-31',
    quota: 1,
    region: null,
    sector: null,
    note: null,
    scored_year: 2026,
    criteria: programmeView().criteria,
    criteria_starts_on: '2026-01-01',
    candidate_count: 2,
    selected_count: 1,
    cut_score: 75,
    enrolled_count: null,
    created_at: '2026-02-01T02:00:00Z',
    decided_at: null,
    updated_at: '2026-02-01T02:00:00Z',
    ...overrides,
  };
}

/** What the records say of Sulastri, her group's leader since 2021, over the six months before her nomination. */
export function heroRecord(overrides: Partial<HeroRecord> = {}): HeroRecord {
  return {
    role: 'leader',
    mentor: false,
    local_hero: false,
    joined_on: '2021-01-10',
    left_on: null,
    from: '2026-06-03',
    to: '2026-12-03',
    meetings_held: 6,
    meetings_attended: 5,
    meetings_hosted: 2,
    ledger_entries: null,
    other_groups: 1,
    ...overrides,
  };
}
