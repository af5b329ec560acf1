// The programme design form's draft, its own checks (as the server makes them) and the body it
// sends. Money is typed the Indonesian way ("1.500.000") and read by lib/rupiah.
import type { LocalProblems } from '../../../lib/use-form-errors';
import { parseRupiah } from '../../../lib/rupiah';
import type { Checked } from '../../../lib/use-form';
import { serverField } from '../../../lib/problem-messages';
import { formatAmountInput } from '../../../lib/rupiah';
import type { EmpowermentFactor, Helix, ProgrammeCategory, ProgrammeInput, ProgrammeView, Scale } from './index';
import type { SectorCode } from '../../../lib/sectors';

export const MAX_NAME = 160;
export const MAX_CONTRIBUTION = 300;
export const MAX_FOLLOW_UPS = 12;

export interface PartnerDraft {
  stakeholder_id: string;
  helix: Helix | '';
  contribution: string;
}

export interface ProgrammeDraft {
  name: string;
  owner_id: string;
  description: string;
  starts_on: string;
  ends_on: string;
  factors: EmpowermentFactor[];
  partners: PartnerDraft[];
  region_codes: string[];
  sectors: SectorCode[];
  scales: Scale[];
  founded_within_years: string;
  homogeneous: boolean;
  categories: ProgrammeCategory[];
  sop_meetings_per_month: string;
  sop_reports_per_year: string;
  budget: string;
  exit_strategy: string;
  follow_up_months: string;
}

export type ProgrammeField =
  | 'name'
  | 'owner_id'
  | 'description'
  | 'starts_on'
  | 'ends_on'
  | 'factors'
  | 'partners'
  | 'criteria_region_codes'
  | 'criteria_sectors'
  | 'criteria_scales'
  | 'criteria_founded_within_years'
  | 'criteria_homogeneous'
  | 'criteria_categories'
  | 'sop_meetings_per_month'
  | 'sop_reports_per_year'
  | 'budget'
  | 'exit_strategy'
  | 'follow_up_months'
  | 'status';

export const PROGRAMME_FIELDS: readonly ProgrammeField[] = [
  'name',
  'owner_id',
  'description',
  'starts_on',
  'ends_on',
  'factors',
  'partners',
  'criteria_region_codes',
  'criteria_sectors',
  'criteria_scales',
  'criteria_founded_within_years',
  'criteria_homogeneous',
  'criteria_categories',
  'sop_meetings_per_month',
  'sop_reports_per_year',
  'budget',
  'exit_strategy',
  'follow_up_months',
  'status',
];

/** The form's field for a server field ("partners[1].helix" → partners, "criteria.sectors" → criteria_sectors). */
export function programmeFieldOf(field: string): ProgrammeField | null {
  const { base } = serverField(field);
  if (base.startsWith('partners')) return 'partners';
  if (base.startsWith('follow_up_months')) return 'follow_up_months';
  return (PROGRAMME_FIELDS as readonly string[]).includes(base) ? (base as ProgrammeField) : null;
}

export function emptyProgrammeDraft(ownerId: number | null): ProgrammeDraft {
  return {
    name: '',
    owner_id: ownerId === null ? '' : String(ownerId),
    description: '',
    starts_on: '',
    ends_on: '',
    factors: [],
    partners: [],
    region_codes: [],
    sectors: [],
    scales: [],
    founded_within_years: '',
    homogeneous: false,
    categories: [],
    sop_meetings_per_month: '1',
    sop_reports_per_year: '12',
    budget: '',
    exit_strategy: '',
    follow_up_months: '',
  };
}

export function draftFromProgramme(programme: ProgrammeView): ProgrammeDraft {
  const c = programme.criteria;
  return {
    name: programme.name,
    owner_id: String(programme.owner.id),
    description: programme.description ?? '',
    starts_on: programme.starts_on,
    ends_on: programme.ends_on,
    factors: [...programme.factors],
    partners: programme.partners
      .filter((p) => p.role === 'partner')
      .map((p) => ({ stakeholder_id: String(p.stakeholder_id), helix: p.helix, contribution: p.contribution ?? '' })),
    region_codes: [...c.region_codes],
    sectors: [...c.sectors],
    scales: [...c.scales],
    founded_within_years: c.founded_within_years === null ? '' : String(c.founded_within_years),
    homogeneous: c.homogeneous,
    categories: [...c.categories],
    sop_meetings_per_month: String(programme.sop_meetings_per_month),
    sop_reports_per_year: String(programme.sop_reports_per_year),
    budget: formatAmountInput(programme.budget),
    exit_strategy: programme.exit_strategy ?? '',
    follow_up_months: programme.follow_up_months.join(', '),
  };
}

/** A whole number typed in a box, within [min, max]; null otherwise. */
export function parseWhole(text: string, min: number, max: number): number | null {
  const value = text.trim();
  if (!/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n >= min && n <= max ? n : null;
}

export type MonthsProblem = 'invalid' | 'notRising' | 'tooMany';

/** "3, 6, 12" → [3, 6, 12]: months after the end, 1–120, each later than the one before, at most 12. */
export function parseFollowUpMonths(text: string): { ok: true; months: number[] } | { ok: false; problem: MonthsProblem } {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const months: number[] = [];
  for (const part of parts) {
    const n = parseWhole(part, 1, 120);
    if (n === null) return { ok: false, problem: 'invalid' };
    if (months.length > 0 && n <= months.at(-1)!) return { ok: false, problem: 'notRising' };
    months.push(n);
  }
  if (months.length > MAX_FOLLOW_UPS) return { ok: false, problem: 'tooMany' };
  return { ok: true, months };
}

/** Checks the draft as the server would; the body to send when nothing is wrong. */
export function validateProgramme(draft: ProgrammeDraft, creating: boolean): Checked<ProgrammeField, ProgrammeInput> {
  const errors: LocalProblems<ProgrammeField> = {};
  const name = draft.name.trim();
  if (name === '') errors.name = ['programmes.form.problems.nameRequired'];
  else if (name.length > MAX_NAME) errors.name = [{ key: 'programmes.form.problems.tooLong', values: { max: MAX_NAME } }];
  if (creating && draft.owner_id === '') errors.owner_id = ['programmes.form.problems.ownerRequired'];
  if (draft.starts_on === '') errors.starts_on = ['programmes.form.problems.dateRequired'];
  if (draft.ends_on === '') errors.ends_on = ['programmes.form.problems.dateRequired'];
  else if (draft.starts_on !== '' && draft.ends_on < draft.starts_on) errors.ends_on = ['programmes.form.problems.endsBeforeStart'];
  if (draft.factors.length === 0) errors.factors = ['programmes.form.problems.factorRequired'];
  const budget = parseRupiah(draft.budget);
  if (!budget.ok) errors.budget = [`amount.${budget.problem}`];
  const meetings = parseWhole(draft.sop_meetings_per_month, 0, 31);
  if (meetings === null) errors.sop_meetings_per_month = [{ key: 'programmes.form.problems.between', values: { min: 0, max: 31 } }];
  const reports = parseWhole(draft.sop_reports_per_year, 0, 52);
  if (reports === null) errors.sop_reports_per_year = [{ key: 'programmes.form.problems.between', values: { min: 0, max: 52 } }];
  const months = parseFollowUpMonths(draft.follow_up_months);
  if (!months.ok) errors.follow_up_months = [`programmes.form.problems.months.${months.problem}`];
  let founded: number | null = null;
  if (draft.founded_within_years.trim() !== '') {
    founded = parseWhole(draft.founded_within_years, 0, 100);
    if (founded === null) errors.criteria_founded_within_years = [{ key: 'programmes.form.problems.between', values: { min: 0, max: 100 } }];
  }
  const seen = new Set<string>();
  for (const partner of draft.partners) {
    if (partner.stakeholder_id === '') errors.partners = ['programmes.form.problems.partnerRequired'];
    else if (seen.has(partner.stakeholder_id) || partner.stakeholder_id === draft.owner_id) {
      errors.partners = ['programmes.form.problems.partnerTwice'];
    }
    seen.add(partner.stakeholder_id);
    if (partner.contribution.length > MAX_CONTRIBUTION) {
      errors.partners = [{ key: 'programmes.form.problems.tooLong', values: { max: MAX_CONTRIBUTION } }];
    }
  }
  if (Object.keys(errors).length > 0 || !budget.ok || meetings === null || reports === null || !months.ok) {
    return { errors, input: null };
  }
  const input: ProgrammeInput = {
    name,
    description: draft.description.trim() || null,
    starts_on: draft.starts_on,
    ends_on: draft.ends_on,
    factors: [...draft.factors],
    sop_meetings_per_month: meetings,
    sop_reports_per_year: reports,
    budget: budget.value,
    exit_strategy: draft.exit_strategy.trim() || null,
    follow_up_months: months.months,
    partners: draft.partners.map((p) => ({
      stakeholder_id: Number(p.stakeholder_id),
      ...(p.helix ? { helix: p.helix } : {}),
      ...(p.contribution.trim() ? { contribution: p.contribution.trim() } : {}),
    })),
    criteria: {
      region_codes: [...draft.region_codes],
      sectors: [...draft.sectors],
      scales: [...draft.scales],
      founded_within_years: founded,
      homogeneous: draft.homogeneous,
      categories: [...draft.categories],
    },
  };
  if (creating && draft.owner_id !== '') input.owner_id = Number(draft.owner_id);
  return { errors, input };
}

/** Adds or takes away one value of a multiple choice, keeping the order of `all`. */
export function toggled<T extends string>(all: readonly T[], chosen: readonly T[], value: T, on: boolean): T[] {
  return all.filter((v) => (v === value ? on : chosen.includes(v)));
}
