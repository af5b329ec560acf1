// The exit to a local hero and the follow-ups, read for people and written from forms: what the
// group's own records say beside each readiness item, a refused hand-over in words, the drafts of
// the nomination, checklist and visit forms with their checks, and the dashboard's figures as rows
// for a chart and its table. Pure, so they are tested without React.
import type { TFunction } from 'i18next';
import { isApiError, type FieldError } from '../../../lib/api-client';
import { formatDay } from '../../../lib/format';
import { serverField } from '../../../lib/problem-messages';
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import { parseWhole } from './form';
import {
  READINESS_ITEMS,
  type ChecklistInput,
  type ExitStatus,
  type FollowUpInput,
  type GroupCondition,
  type HeroRecord,
  type NominationInput,
  type ProgrammeDashboard,
  type ReadinessItem,
  type ScheduledVisit,
} from './index';

export const MAX_EXIT_NOTE = 2000;
export const MAX_EVIDENCE = 1000;
export const MAX_ACTIVE_MEMBERS = 100_000;

export function isReadinessItem(value: string | undefined): value is ReadinessItem {
  return value !== undefined && (READINESS_ITEMS as readonly string[]).includes(value);
}

/** What the group's records say of the nominee about one readiness item, in a sentence. */
export function recordForItem(t: TFunction, item: ReadinessItem, record: HeroRecord): string {
  switch (item) {
    case 'leads_meetings':
      return [
        t(`programmes.exits.record.roles.${record.role}`),
        t('programmes.exits.record.attended', { attended: record.meetings_attended, count: record.meetings_held }),
        t('programmes.exits.record.hosted', { count: record.meetings_hosted }),
      ].join('; ');
    case 'keeps_books':
      return record.ledger_entries === null
        ? t('programmes.exits.record.noAccount')
        : t('programmes.exits.record.ledger', { count: record.ledger_entries });
    case 'outside_network':
      return t('programmes.exits.record.otherGroups', { count: record.other_groups });
  }
}

/** The window the record covers: "1 Jun 2026 – 3 Des 2026". */
export function recordWindow(record: HeroRecord, language: string | undefined): string {
  return `${formatDay(record.from, language)} – ${formatDay(record.to, language)}`;
}

/** Items in words, joined as a list ("memimpin rapat, memegang pembukuan dan punya jaringan"). */
export function itemsInWords(t: TFunction, items: readonly ReadinessItem[]): string {
  const words = items.map((item) => t(`programmes.exits.itemNames.${item}`));
  if (words.length <= 1) return words.join('');
  return t('programmes.exits.and', { head: words.slice(0, -1).join(', '), last: words.at(-1) });
}

/** The unmet items a refused hand-over names (`checklist.<item>`, code `unmet`), in the checklist's order. */
export function unmetItems(errors: readonly FieldError[]): ReadinessItem[] {
  const named = new Set(errors.filter((e) => e.code === 'unmet').map((e) => e.params.item ?? serverField(e.field).base.replace(/^checklist_/, '')));
  return READINESS_ITEMS.filter((item) => named.has(item));
}

/**
 * A refused hand-over in words: the unmet items by name when that is why, else each field error
 * (`message` words one), else the problem's own words (`problem`).
 */
export function handOverRefusal(
  t: TFunction,
  error: unknown,
  message: (e: FieldError) => string,
  problem: (e: unknown) => string,
): string {
  if (!isApiError(error) || error.errors.length === 0) return problem(error);
  const unmet = unmetItems(error.errors);
  const others = error.errors.filter((e) => e.code !== 'unmet').map(message);
  const lines = unmet.length > 0 ? [t('programmes.exits.handOverRefused', { items: itemsInWords(t, unmet) })] : [];
  return [...lines, ...others].join(' ');
}

export const EXIT_TONES: Record<ExitStatus, 'neutral' | 'info' | 'warning' | 'success'> = {
  none: 'neutral',
  nominated: 'warning',
  ready: 'info',
  handed_over: 'success',
};

export const VISIT_TONES: Record<ScheduledVisit['state'], 'success' | 'danger' | 'neutral'> = {
  done: 'success',
  overdue: 'danger',
  upcoming: 'neutral',
};

export const CONDITION_TONES: Record<GroupCondition, 'success' | 'warning' | 'danger' | 'neutral'> = {
  active: 'success',
  struggling: 'warning',
  dormant: 'danger',
  dissolved: 'neutral',
};

// ---- nomination ----

export interface NominationDraft {
  member_id: string;
  nominated_on: string;
  note: string;
}
export type NominationField = 'member_id' | 'nominated_on' | 'note';

export function validateNomination(draft: NominationDraft): Checked<NominationField, NominationInput> {
  const errors: LocalProblems<NominationField> = {};
  if (draft.member_id === '') errors.member_id = ['programmes.exits.problems.pickMember'];
  const note = draft.note.trim();
  if (note === '') errors.note = ['programmes.exits.problems.reason'];
  else if (note.length > MAX_EXIT_NOTE) errors.note = [{ key: 'programmes.exits.problems.tooLong', values: { max: MAX_EXIT_NOTE } }];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return { errors, input: { member_id: Number(draft.member_id), nominated_on: draft.nominated_on || null, note } };
}

export function nominationFieldOf(field: string): NominationField | null {
  const { base } = serverField(field);
  return base === 'member_id' || base === 'nominated_on' || base === 'note' ? base : null;
}

// ---- readiness checklist ----

export interface ChecklistDraft {
  items: Record<ReadinessItem, { met: boolean; evidence: string }>;
}
/** A checklist field: "leads_meetings.evidence", or an item's date. */
export type ChecklistField = `${ReadinessItem}.${'met' | 'evidence' | 'checked_on'}`;

export function checklistDraftOf(checklist: Record<ReadinessItem, { met: boolean; evidence: string | null }>): ChecklistDraft {
  const items = {} as ChecklistDraft['items'];
  for (const item of READINESS_ITEMS) items[item] = { met: checklist[item].met, evidence: checklist[item].evidence ?? '' };
  return { items };
}

/**
 * The items changed from `before` (every item without it), checked again today: met needs its
 * evidence (as the server asks). An item left as it was keeps the day it was checked.
 */
export function validateChecklist(draft: ChecklistDraft, before?: ChecklistDraft): Checked<ChecklistField, ChecklistInput> {
  const errors: LocalProblems<ChecklistField> = {};
  const input: ChecklistInput = {};
  for (const item of READINESS_ITEMS) {
    const { met, evidence } = draft.items[item];
    const text = evidence.trim();
    if (met && text === '') errors[`${item}.evidence`] = ['programmes.exits.problems.evidence'];
    else if (text.length > MAX_EVIDENCE) errors[`${item}.evidence`] = [{ key: 'programmes.exits.problems.tooLong', values: { max: MAX_EVIDENCE } }];
    const was = before?.items[item];
    if (was && was.met === met && was.evidence.trim() === text) continue;
    input[item] = { met, evidence: text || null };
  }
  return Object.keys(errors).length > 0 ? { errors, input: null } : { errors, input };
}

export function checklistFieldOf(field: string): ChecklistField | null {
  const [item, part] = field.split('.');
  if (!isReadinessItem(item)) return null;
  return part === 'met' || part === 'evidence' || part === 'checked_on' ? `${item}.${part}` : `${item}.evidence`;
}

// ---- follow-up visit ----

export interface VisitDraft {
  visited_on: string;
  status: GroupCondition | '';
  active_members: string;
  meets_sop: boolean;
  /** '' where coaching was not handed over (or not asked), else 'yes' or 'no'. */
  hero_coaching: '' | 'yes' | 'no';
  follow_up_month: string;
  note: string;
}
export type VisitField = 'visited_on' | 'status' | 'active_members' | 'meets_sop' | 'hero_coaching' | 'follow_up_month' | 'note' | 'group_id';

export function emptyVisitDraft(today: string): VisitDraft {
  return { visited_on: today, status: '', active_members: '', meets_sop: true, hero_coaching: '', follow_up_month: '', note: '' };
}

export function validateVisit(draft: VisitDraft, groupId: number): Checked<VisitField, FollowUpInput> {
  const errors: LocalProblems<VisitField> = {};
  if (draft.visited_on === '') errors.visited_on = ['programmes.followUps.problems.visitedOn'];
  if (draft.status === '') errors.status = ['programmes.followUps.problems.status'];
  const members = parseWhole(draft.active_members, 0, MAX_ACTIVE_MEMBERS);
  if (members === null) errors.active_members = ['programmes.followUps.problems.activeMembers'];
  const note = draft.note.trim();
  if (note.length > MAX_EXIT_NOTE) errors.note = [{ key: 'programmes.exits.problems.tooLong', values: { max: MAX_EXIT_NOTE } }];
  if (Object.keys(errors).length > 0 || draft.status === '' || members === null) return { errors, input: null };
  const input: FollowUpInput = {
    group_id: groupId,
    visited_on: draft.visited_on,
    status: draft.status,
    active_members: members,
    meets_sop: draft.meets_sop,
    note: note || null,
  };
  if (draft.hero_coaching !== '') input.hero_coaching = draft.hero_coaching === 'yes';
  if (draft.follow_up_month !== '') input.follow_up_month = Number(draft.follow_up_month);
  return { errors, input };
}

export function visitFieldOf(field: string): VisitField | null {
  const { base } = serverField(field);
  const fields: readonly string[] = ['visited_on', 'status', 'active_members', 'meets_sop', 'hero_coaching', 'follow_up_month', 'note', 'group_id'];
  return fields.includes(base) ? (base as VisitField) : null;
}

// ---- dashboard ----

/** One bar of a dashboard chart and one row of its table. */
export interface FigureRow {
  key: string;
  label: string;
  value: number;
}

/** Closed cycles' achieved over targeted competencies as a whole percent; null when none was targeted. */
export function completionPercent(completion: ProgrammeDashboard['completion']): number | null {
  return completion.targets > 0 ? Math.round((completion.achieved / completion.targets) * 100) : null;
}

/** The dashboard's counts as rows per chart, in words, in a fixed order. */
export function dashboardRows(t: TFunction, d: ProgrammeDashboard) {
  const row = (key: string, label: string, value: number): FigureRow => ({ key, label, value });
  return {
    enrolment: [
      row('groups_current', t('programmes.dashboard.rows.groupsCurrent'), d.enrolment.groups.current),
      row('groups_left', t('programmes.dashboard.rows.groupsLeft'), d.enrolment.groups.left),
      row('enterprises_current', t('programmes.dashboard.rows.enterprisesCurrent'), d.enrolment.enterprises.current),
      row('enterprises_left', t('programmes.dashboard.rows.enterprisesLeft'), d.enrolment.enterprises.left),
      row('outside_criteria', t('programmes.dashboard.rows.outsideCriteria'), d.enrolment.outside_criteria),
    ],
    completion: [
      row('achieved', t('programmes.dashboard.rows.achieved'), d.completion.achieved),
      row('not_achieved', t('programmes.dashboard.rows.notAchieved'), Math.max(0, d.completion.targets - d.completion.achieved)),
      row('closed', t('programmes.dashboard.rows.cyclesClosed'), d.completion.closed),
      row('open', t('programmes.dashboard.rows.cyclesOpen'), Math.max(0, d.completion.cycles - d.completion.closed)),
    ],
    compliance: (['met', 'partial', 'low', 'none'] as const).map((band) =>
      row(band, t(`groups.regionCompliance.bands.${band}`), d.compliance.bands[band]),
    ),
    loans: (['current', 'days_1_30', 'days_31_60', 'days_61_90', 'days_over_90', 'closed', 'undisbursed'] as const).map((band) =>
      row(band, t(`programmes.dashboard.loanBands.${band}`), d.loans.bands[band]),
    ),
    exits: (['none', 'nominated', 'ready', 'handed_over'] as const).map((status) =>
      row(status, t(`programmes.exits.statuses.${status}`), d.exits[status]),
    ),
    schedule: (['done', 'overdue', 'upcoming'] as const).map((state) =>
      row(state, t(`programmes.followUps.states.${state}`), d.follow_ups.schedule[state]),
    ),
    latest: (['active', 'struggling', 'dormant', 'dissolved', 'not_visited'] as const).map((status) =>
      row(status, status === 'not_visited' ? t('programmes.followUps.notVisited') : t(`programmes.followUps.conditions.${status}`), d.follow_ups.latest_status[status]),
    ),
  };
}
