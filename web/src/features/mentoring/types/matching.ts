// Mentor matching runs (issue 14): an overseer matches the mentees of some groups with mentors in
// a background job; the run's page follows its progress, then shows each pair with the points of
// each term of its score against that term's maximum, and the mentees left unplaced with why.
import type { TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { formatNumber } from '../../../lib/format';
import { valuesOf, type Schemas } from '../../../lib/api/schemas';
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import { learningFieldMessage } from './errors';

export type MatchingRun = Schemas['MatchingRun'];
export type MatchingRunView = Schemas['MatchingRunView'];
export type MatchingRunPage = Schemas['MatchingRunPage'];
export type MatchingRunInput = Schemas['MatchingRunInput'];
export type MatchingPair = Schemas['MatchingPair'];
export type MatchingUnplaced = Schemas['MatchingUnplaced'];
export type MatchingStatus = Schemas['MatchingRunStatus'];
export type MatchingWeights = MatchingRunView['weights'];
export type MatchingStage = NonNullable<MatchingRun['progress']['stage']>;
export type ProximityKind = MatchingPair['score']['proximity_kind'];
export type UnplacedReason = MatchingUnplaced['reason'];

export const MATCHING_STATUSES = valuesOf<MatchingStatus>()(['queued', 'running', 'succeeded', 'failed', 'published']);
export const MATCHING_STAGES = valuesOf<MatchingStage>()(['scoring', 'solving', 'explaining']);

export const MATCHING_PATH = '/matching';

export function matchingRunPath(id: number): string {
  return `${MATCHING_PATH}/${id}`;
}

/** A run that will not change by itself any more (publishing is the overseer's doing). */
export function isRunFinished(run: Pick<MatchingRun, 'status'>): boolean {
  return run.status !== 'queued' && run.status !== 'running';
}

/** Where each stage starts and ends on the one bar, in percent: scoring is the long part. */
const STAGE_SPANS: Record<MatchingStage, readonly [number, number]> = {
  scoring: [0, 50],
  solving: [50, 80],
  explaining: [80, 100],
};

/**
 * How far the run is, 0..100 whole percent, over its three stages one after the other. A run
 * still going never shows 100%; a finished one shows 100% unless it failed (then where it stopped).
 */
export function runPercent(run: Pick<MatchingRun, 'status' | 'progress'>): number {
  if (run.status === 'succeeded' || run.status === 'published') return 100;
  const { stage, done, total } = run.progress;
  if (!stage) return 0;
  const [from, to] = STAGE_SPANS[stage];
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const percent = Math.floor(from + share * (to - from));
  return run.status === 'failed' ? percent : Math.min(percent, 99);
}

/** What the run is doing, in words: waiting its turn, or its stage with how far it got. */
export function progressWords(t: TFunction, run: Pick<MatchingRun, 'status' | 'progress'>, language?: string): string {
  const number = (value: number) => formatNumber(value, language);
  if (run.status === 'queued') return t('mentoring.matching.progress.queued');
  if (run.status === 'failed') return t('mentoring.matching.progress.failed');
  if (isRunFinished(run)) return t('mentoring.matching.progress.done');
  const { stage, done, total } = run.progress;
  if (!stage) return t('mentoring.matching.progress.starting');
  return t(`mentoring.matching.progress.${stage}`, { done: number(done), total: number(total) });
}

export type Term = 'values' | 'coverage' | 'proximity' | 'community';
export const TERMS: readonly Term[] = ['values', 'coverage', 'proximity', 'community'];

/** One term of a pair's score: its points against the run's weight for it, and why in words. */
export interface TermBar {
  term: Term;
  points: number;
  max: number;
  /** 0..100, the bar's length. */
  percent: number;
  /** Why it scored so (an i18n key under mentoring.matching.why). */
  why: TermWhy;
}

export type TermWhy =
  | 'valuesShared'
  | 'valuesUnanswered'
  | 'coverageAll'
  | 'coverageSome'
  | 'coverageNone'
  | 'same_group'
  | 'same_village'
  | 'none'
  | 'community'
  | 'external';

/** The four bars of a pair, in the order the page shows them. */
export function termBars(pair: Pick<MatchingPair, 'score' | 'mentor_origin'>, weights: MatchingWeights): TermBar[] {
  const { score } = pair;
  const bar = (term: Term, points: number, why: TermWhy): TermBar => {
    const max = weights[term];
    const percent = max > 0 ? Math.round((Math.min(Math.max(points, 0), max) / max) * 100) : 0;
    return { term, points, max, percent, why };
  };
  const coverage: TermWhy =
    score.coverage <= 0 ? 'coverageNone' : score.coverage >= weights.coverage ? 'coverageAll' : 'coverageSome';
  return [
    bar('values', score.values, score.values_answered ? 'valuesShared' : 'valuesUnanswered'),
    bar('coverage', score.coverage, coverage),
    bar('proximity', score.proximity, score.proximity_kind),
    bar('community', score.community, pair.mentor_origin === 'community' ? 'community' : 'external'),
  ];
}

/** The largest score a pair can get with the run's weights. */
export function maxScore(weights: MatchingWeights): number {
  return weights.values + weights.coverage + weights.proximity + weights.community;
}

/** A list of names the reader's way: "A, B dan C" / "A, B and C". */
export function namesList(t: TFunction, names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return t('mentoring.matching.list', { head: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}

/** Why a mentee stayed unplaced, in words, naming the competencies no mentor with room covers. */
export function unplacedWords(t: TFunction, unplaced: Pick<MatchingUnplaced, 'reason' | 'uncovered_competencies'>): string {
  if (unplaced.reason === 'capacity') return t('mentoring.matching.unplaced.capacity');
  const names = unplaced.uncovered_competencies.map((c) => c.name);
  if (names.length === 0) return t('mentoring.matching.unplaced.noMentor');
  return t('mentoring.matching.unplaced.noMentorCovers', { competencies: namesList(t, names) });
}

/**
 * Why publishing was refused, one line per member: the run went stale ("Tukini sudah punya mentor
 * (Ibu Darmi diusulkan)"), or was published already; otherwise the app's words for the failure.
 */
export function publishRefusalLines(t: TFunction, error: unknown): string[] {
  if (!isApiError(error) || error.errors.length === 0) return [];
  return error.errors.map((fieldError) => {
    if (fieldError.field === 'pairs' && fieldError.code === 'stale') {
      const values = { member: fieldError.params.member ?? '', mentor: fieldError.params.mentor ?? '' };
      return fieldError.params.reason === 'left'
        ? t('mentoring.matching.stale.left', values)
        : t('mentoring.matching.stale.mentored', values);
    }
    if (fieldError.field === 'status' && (fieldError.code === 'published' || fieldError.code === 'not_succeeded')) {
      return t(`mentoring.matching.publishStatus.${fieldError.code}`);
    }
    return learningFieldMessage(t, fieldError);
  });
}

/** One field error of a refused start, in words (the group with no mentee, no capacity left …). */
export function startFieldMessage(t: TFunction, fieldError: FieldError): string {
  if (fieldError.code === 'no_mentees') return t('mentoring.matching.startErrors.no_mentees');
  if (fieldError.code === 'no_capacity') return t('mentoring.matching.startErrors.no_capacity');
  if (fieldError.code === 'out_of_range') return t('mentoring.matching.startErrors.out_of_range');
  return learningFieldMessage(t, fieldError);
}

/** Which field of the start form shows a field error of the server's. */
export function startFieldOf(field: string): RunField | null {
  if (field === 'default_capacity') return 'default_capacity';
  if (field.startsWith('capacities')) return 'capacities';
  if (field.startsWith('group_ids')) return 'groups';
  return null;
}

/** Status badge tones, as the imports page colours its jobs. */
export const STATUS_TONES = {
  queued: 'neutral',
  running: 'info',
  succeeded: 'warning',
  failed: 'danger',
  published: 'success',
} as const satisfies Record<MatchingStatus, 'neutral' | 'info' | 'success' | 'danger' | 'warning'>;

/**
 * The body of a new run: the chosen groups, the default capacity, and each mentor whose capacity
 * differs from it (blank: the default; 0: on leave). Capacities given as text from the form.
 */
export function runInput(groupIds: readonly number[], defaultCapacity: number, capacities: Readonly<Record<number, string>>): MatchingRunInput {
  const overrides: NonNullable<MatchingRunInput['capacities']> = [];
  for (const [memberId, text] of Object.entries(capacities)) {
    if (text.trim() === '') continue;
    const capacity = Number(text);
    if (!Number.isInteger(capacity) || capacity === defaultCapacity) continue;
    overrides.push({ member_id: Number(memberId), capacity });
  }
  return { group_ids: [...groupIds], default_capacity: defaultCapacity, ...(overrides.length > 0 ? { capacities: overrides } : {}) };
}

/** What the start form holds: the chosen groups, the default capacity, and each mentor's own (as typed). */
export interface RunDraft {
  groupIds: number[];
  default_capacity: string;
  /** By the mentor's membership id; blank: the default. */
  capacities: Record<number, string>;
}

export type RunField = 'groups' | 'default_capacity' | 'capacities';

export const MAX_RUN_CAPACITY = 50;
export const DEFAULT_RUN_CAPACITY = 5;

export function emptyRunDraft(groupIds: readonly number[] = []): RunDraft {
  return { groupIds: [...groupIds], default_capacity: String(DEFAULT_RUN_CAPACITY), capacities: {} };
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/** The form's own checks, as the server makes them; the body to send when they pass. */
export function validateRunDraft(draft: RunDraft): Checked<RunField, MatchingRunInput> {
  const errors: LocalProblems<RunField> = {};
  if (draft.groupIds.length === 0) errors.groups = ['mentoring.matching.form.groupsRequired'];
  const capacity = wholeNumber(draft.default_capacity);
  if (capacity === null || capacity < 1 || capacity > MAX_RUN_CAPACITY) {
    errors.default_capacity = [{ key: 'mentoring.matching.form.capacityRange', values: { min: 1, max: MAX_RUN_CAPACITY } }];
  }
  const badOverride = Object.values(draft.capacities).some((text) => {
    if (text.trim() === '') return false;
    const value = wholeNumber(text);
    return value === null || value > MAX_RUN_CAPACITY;
  });
  if (badOverride) errors.capacities = [{ key: 'mentoring.matching.form.capacityRange', values: { min: 0, max: MAX_RUN_CAPACITY } }];
  if (Object.keys(errors).length > 0 || capacity === null) return { errors, input: null };
  return { errors, input: runInput(draft.groupIds, capacity, draft.capacities) };
}
