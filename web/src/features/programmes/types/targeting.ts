// Targeting's wire types (docs/openapi.yaml: candidates, rounds, decisions, a member's selections)
// and the words that explain them: each need-score term, a round's status and counts, a decision
// (selected or not, and why). Pure, so they are tested without React.
import type { TFunction } from 'i18next';
import { formatDay } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import { isSectorCode } from '../../../lib/sectors';
import type { Schemas } from '../../../lib/api/schemas';
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import { CATEGORIES, SCALES, type ProgrammeCategory, type Scale } from './index';

export type TargetingCandidate = Schemas['TargetingCandidate'];
export type TargetingCandidatePage = Schemas['TargetingCandidatePage'];
export type NeedTerm = Schemas['NeedTerm'];
export type CandidateFacts = Schemas['CandidateFacts'];
export type TargetingRoundInput = Schemas['TargetingRoundInput'];
export type TargetingRound = Schemas['TargetingRound'];
export type TargetingRoundView = Schemas['TargetingRoundView'];
export type TargetingRoundPage = Schemas['TargetingRoundPage'];
export type RoundStatus = TargetingRound['status'];
export type RoundBeneficiary = Schemas['RoundBeneficiary'];
export type RoundBeneficiaryPage = Schemas['RoundBeneficiaryPage'];
export type TargetingDecision = Schemas['TargetingDecision'];
export type DecisionReason = TargetingDecision['reason'];
export type MySelections = Schemas['MySelections'];
export type MySelection = MySelections['items'][number];
export type RecipientKind = TargetingRound['kind'];

/** The member's page of her selections. */
export const SELECTIONS_PATH = '/selections';

const isScale = (value: string | undefined): value is Scale => value !== undefined && (SCALES as readonly string[]).includes(value);
const isCategory = (value: string): value is ProgrammeCategory => (CATEGORIES as readonly string[]).includes(value);

/** Points with their sign, as the score adds them: "+30", "−12", "0". */
export function signedPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${-points}`;
  return '0';
}

/** A count from a term's params (they travel as text). */
const countOf = (value: string | undefined) => {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) ? n : 0;
};

/**
 * One term of a need score in words, without its points: "usaha mikro", "belum pernah menerima
 * bantuan", "sudah menerima Rp 12.000.000 dari 2 penyedia". A term the app does not know yet keeps
 * the server's own words.
 */
export function termInWords(t: TFunction, term: NeedTerm, language: string | undefined): string {
  const p = term.params;
  switch (term.code) {
    case 'scale':
      return isScale(p.scale) ? t(`programmes.targeting.terms.scale.${p.scale}`) : term.label;
    case 'household': {
      const names = (p.categories ?? '').split(',').filter(isCategory);
      if (names.length === 0) return term.label;
      return names.map((c) => t(`programmes.targeting.terms.household.${c}`)).join(t('programmes.targeting.terms.and'));
    }
    case 'young_business':
      return t('programmes.targeting.terms.young', { year: p.founded_year ?? '' });
    case 'never_assisted':
      return t('programmes.targeting.terms.never');
    case 'value_received':
      return t('programmes.targeting.terms.received', {
        value: formatRupiah(countOf(p.value)),
        count: countOf(p.providers),
      });
    case 'since_last':
      return t('programmes.targeting.terms.sinceLast', {
        count: countOf(p.years),
        day: p.last_on ? formatDay(p.last_on, language) : '',
      });
    default:
      return term.label;
  }
}

/** The largest points a term may add or take (targeting.hpp's weights), for the width of its bar. */
export const MAX_TERM_POINTS = 30;

/** How wide a term's bar is, in whole percent of the largest term (0 for none). */
export function termBarPercent(points: number): number {
  return Math.min(100, Math.round((Math.abs(points) / MAX_TERM_POINTS) * 100));
}

/** A round's period and figures in one line: "1 Feb 2026 – 31 Mar 2026 · 12 dari 40 memenuhi syarat". */
/** "hanya Kota Batu, sektor Batik": what a round or a list was narrowed to besides the criteria; '' when nothing. */
export function narrowingInWords(
  t: TFunction,
  narrowing: { region: string | null; sector: string | null },
  regionName: (code: string) => string,
): string {
  const parts: string[] = [];
  if (narrowing.region) parts.push(regionName(narrowing.region));
  if (narrowing.sector) parts.push(t('programmes.targeting.narrow.sectorWord', { sector: isSectorCode(narrowing.sector) ? t(`sectors.${narrowing.sector}`) : narrowing.sector }));
  return parts.length > 0 ? t('programmes.targeting.narrow.only', { what: parts.join(', ') }) : '';
}

export function roundSummary(
  t: TFunction,
  round: TargetingRound,
  language: string | undefined,
  regionName: (code: string) => string = (code) => code,
): string {
  const parts = [
    t('programmes.targeting.rounds.period', { from: formatDay(round.opens_on, language), to: formatDay(round.closes_on, language) }),
    t('programmes.targeting.rounds.selectedOf', { count: round.candidate_count, selected: round.selected_count }),
  ];
  const narrowed = narrowingInWords(t, round, regionName);
  if (narrowed) parts.push(narrowed);
  if (round.cut_score !== null) parts.push(t('programmes.targeting.rounds.cut', { score: round.cut_score }));
  if (round.status === 'confirmed' && round.enrolled_count !== null) {
    parts.push(t('programmes.targeting.rounds.enrolled', { count: round.enrolled_count }));
  }
  return parts.join(' · ');
}

/**
 * Why a round selected one or did not, in sentences: the verdict ("Terpilih, urutan ke-3 dengan
 * skor 55.") and what it rests on (the cut-off, the criteria unmet, the registry changed since).
 */
export function decisionInWords(t: TFunction, decision: TargetingDecision): string[] {
  const lines: string[] = [];
  switch (decision.reason) {
    case 'selected':
      lines.push(
        decision.position !== null
          ? t('programmes.targeting.decision.selectedAt', { position: decision.position, score: decision.score })
          : t('programmes.targeting.decision.selected', { score: decision.score }),
      );
      break;
    case 'criteria_unmet':
      lines.push(t('programmes.targeting.decision.criteriaUnmet'));
      break;
    case 'enrolled':
      lines.push(t('programmes.targeting.decision.enrolled'));
      break;
    case 'outside_round_filter':
      lines.push(t('programmes.targeting.decision.outsideFilter'));
      break;
    case 'below_cut':
      lines.push(
        decision.cut_score !== null
          ? t('programmes.targeting.decision.belowCut', { score: decision.score, cut: decision.cut_score })
          : t('programmes.targeting.decision.belowCutNoScore', { score: decision.score }),
      );
      break;
    case 'not_a_candidate_then':
      lines.push(t('programmes.targeting.decision.notThen', { score: decision.score }));
      break;
  }
  lines.push(decision.facts_from === 'frozen' ? t('programmes.targeting.decision.frozen') : t('programmes.targeting.decision.registry'));
  return lines;
}

/** The criteria a decision found unmet, for the list under it. */
export const unmetChecks = (decision: TargetingDecision) => decision.eligibility.checks.filter((c) => !c.met);

/** A round's beneficiaries: the whole number must be typed to confirm them. */
export function parseCount(text: string): number | null {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{1,7}$/.test(digits) ? Number(digits) : null;
}

// ---- freezing a round ----

/** What the candidates are narrowed to besides the criteria: enterprises or groups, a region, a sector. */
export interface Narrowing {
  kind: RecipientKind;
  /** A region code the candidates must lie in besides the criteria's regions; null: no more than those. */
  region: string | null;
  /** A sector code; '': every sector the criteria allow. */
  sector: string;
}

export const NO_NARROWING: Narrowing = { kind: 'enterprise', region: null, sector: '' };

const FREEZE_FIELDS = ['kind', 'region', 'sector', 'opens_on', 'closes_on', 'quota', 'note'] as const;
export type FreezeField = (typeof FREEZE_FIELDS)[number];

export interface FreezeDraft {
  kind: RecipientKind;
  region: string | null;
  sector: string;
  opens_on: string;
  closes_on: string;
  /** How many to select, the neediest first; empty selects every candidate. */
  quota: string;
  note: string;
}

/** The server's largest quota. */
export const MAX_QUOTA = 1_000_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's own checks, as the server makes them; the body to send when they pass. */
export function validateFreeze(draft: FreezeDraft): Checked<FreezeField, TargetingRoundInput> {
  const errors: LocalProblems<FreezeField> = {};
  if (!ISO_DAY.test(draft.opens_on)) errors.opens_on = ['programmes.targeting.freeze.errors.day'];
  if (!ISO_DAY.test(draft.closes_on)) errors.closes_on = ['programmes.targeting.freeze.errors.day'];
  else if (ISO_DAY.test(draft.opens_on) && draft.closes_on < draft.opens_on) errors.closes_on = ['fieldErrors.before_opens'];
  let quota: number | null = null;
  if (draft.quota.trim() !== '') {
    quota = parseCount(draft.quota);
    if (quota === null || quota < 1 || quota > MAX_QUOTA) {
      errors.quota = [{ key: 'programmes.errors.outOfRange', values: { min: 1, max: formatThousands(MAX_QUOTA) } }];
    }
  }
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const note = draft.note.trim();
  return {
    errors,
    input: {
      kind: draft.kind,
      opens_on: draft.opens_on,
      closes_on: draft.closes_on,
      quota,
      ...(draft.region ? { region: draft.region } : {}),
      ...(draft.sector && isSectorCode(draft.sector) ? { sector: draft.sector } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/** Thousands with dots, as Indonesian writes them: 1.000.000. */
const formatThousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** The freeze form's field a server error names; null for one it has not (said above the form). */
export function freezeFieldOf(base: string): FreezeField | null {
  return (FREEZE_FIELDS as readonly string[]).includes(base) ? (base as FreezeField) : null;
}
