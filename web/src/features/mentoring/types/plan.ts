// A learning cycle's plan as its form edits it: what the group will learn (target competencies
// and the level each is learnt to), who learns (mentees), who guides (a member of the group, or an
// outside consultant by her registry number), where, when and with what. While the cycle is
// planned every part changes; once under way only the practical details do (the server's rule).
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { Cycle, CycleInput, CyclePatch, Level } from './cycles';
import { catalogueFor, competencyName, type Competency } from './index';
import { checkMentor, type MentorDraft } from './mentor';

export interface PlanTarget {
  competency_id: number;
  level: Level;
}

export interface PlanDraft extends MentorDraft {
  title: string;
  theme: string;
  /** The theme proposal linked, '' for none. */
  deliberation_id: string;
  /** The schedule proposal linked (its agreed option becomes the time allocation), '' for none. */
  schedule_deliberation_id: string;
  /** The venue proposal linked (its agreed option becomes the venue), '' for none. */
  venue_deliberation_id: string;
  targets: PlanTarget[];
  mentees: number[];
  venue: string;
  host_member_id: string;
  time_allocation: string;
  facilities: string;
  planned_from: string;
  planned_to: string;
}

export type PlanField =
  | 'title'
  | 'theme'
  | 'mentor_origin'
  | 'mentor_member_id'
  | 'mentor_person_id'
  | 'deliberation_id'
  | 'schedule_deliberation_id'
  | 'venue_deliberation_id'
  | 'targets'
  | 'mentees'
  | 'venue'
  | 'host_member_id'
  | 'time_allocation'
  | 'facilities'
  | 'planned_from'
  | 'planned_to'
  /** A target competency's own box, and a mentee's (a refusal of one item of the lists). */
  | `target-${number}`
  | `mentee-${number}`;

/** What the cycle is, who guides it and the proposals behind them: fixed, with the lists, once it is under way. */
const DECIDED_PARTS = [
  'title',
  'theme',
  'mentor_origin',
  'mentor_member_id',
  'mentor_person_id',
  'deliberation_id',
  'schedule_deliberation_id',
  'venue_deliberation_id',
] as const satisfies readonly PlanField[];

/** The fields a refusal is shown beside (a target's or mentee's under its own key, see planErrorKey). */
export const PLAN_FIELDS: readonly string[] = [
  ...DECIDED_PARTS,
  'targets',
  'targets_competency_id',
  'targets_level',
  'mentees',
  'mentees_member_id',
  'venue',
  'host_member_id',
  'time_allocation',
  'facilities',
  'planned_from',
  'planned_to',
];

/** The parts of the plan that stay once the cycle is under way. */
export const LOCKED_ONCE_STARTED: readonly PlanField[] = [...DECIDED_PARTS, 'targets', 'mentees'];

/** The server's limits (docs/openapi.yaml, CycleFields). */
export const MAX_SHORT = 200;
export const MAX_FACILITIES = 2000;
const DEFAULT_LEVEL: Level = 2;

export function emptyPlanDraft(): PlanDraft {
  return {
    title: '',
    theme: '',
    origin: 'community',
    mentor_member_id: '',
    mentor_person_id: '',
    deliberation_id: '',
    schedule_deliberation_id: '',
    venue_deliberation_id: '',
    targets: [],
    mentees: [],
    venue: '',
    host_member_id: '',
    time_allocation: '',
    facilities: '',
    planned_from: '',
    planned_to: '',
  };
}

const text = (value: string | null) => value ?? '';
const idText = (value: number | null) => (value === null ? '' : String(value));

export function draftFromCycle(cycle: Cycle): PlanDraft {
  return {
    title: cycle.title,
    theme: text(cycle.theme),
    origin: cycle.mentor_origin,
    mentor_member_id: idText(cycle.mentor_member_id),
    mentor_person_id: cycle.mentor_member_id === null ? String(cycle.mentor_person_id) : '',
    deliberation_id: idText(cycle.deliberation_id),
    schedule_deliberation_id: idText(cycle.schedule_deliberation_id),
    venue_deliberation_id: idText(cycle.venue_deliberation_id),
    targets: cycle.targets.map((target) => ({ competency_id: target.competency_id, level: target.level as Level })),
    mentees: cycle.mentees.map((mentee) => mentee.member_id),
    venue: text(cycle.venue),
    host_member_id: idText(cycle.host_member_id),
    time_allocation: text(cycle.time_allocation),
    facilities: text(cycle.facilities),
    planned_from: text(cycle.planned_from),
    planned_to: text(cycle.planned_to),
  };
}

/** A competency to tick, named in the reader's language. */
export interface TargetChoice {
  id: number;
  name: string;
}

/**
 * The competencies to tick: the sector's own, then the shared ones, then any already named
 * (`named`: a plan's targets) that left the catalogue.
 */
export function targetChoices(
  items: readonly Competency[],
  sector: string,
  named: readonly { competency_id: number; name: string }[],
  language: string | undefined,
): TargetChoice[] {
  const view = catalogueFor(items, sector);
  const choices = [...view.own, ...view.shared].map((c) => ({ id: c.id, name: competencyName(c, language) }));
  for (const target of named) {
    if (!choices.some((c) => c.id === target.competency_id)) choices.push({ id: target.competency_id, name: target.name });
  }
  return choices;
}

/** Ticks a competency (at the usual level) or unticks it. */
export function toggleTarget(targets: readonly PlanTarget[], competencyId: number): PlanTarget[] {
  return targets.some((t) => t.competency_id === competencyId)
    ? targets.filter((t) => t.competency_id !== competencyId)
    : [...targets, { competency_id: competencyId, level: DEFAULT_LEVEL }];
}

export function setTargetLevel(targets: readonly PlanTarget[], competencyId: number, level: Level): PlanTarget[] {
  return targets.map((t) => (t.competency_id === competencyId ? { ...t, level } : t));
}

export function toggleMentee(mentees: readonly number[], memberId: number): number[] {
  return mentees.includes(memberId) ? mentees.filter((m) => m !== memberId) : [...mentees, memberId];
}

/** A community mentor chosen: she no longer learns in the cycle she guides. */
export function chooseMentor(draft: PlanDraft, memberId: string): PlanDraft {
  const id = Number(memberId);
  return { ...draft, mentor_member_id: memberId, mentees: memberId === '' ? draft.mentees : draft.mentees.filter((m) => m !== id) };
}

/** The body the server takes for the whole plan (PlanInput without the group). */
type PlanBody = Omit<CycleInput, 'group_id'>;

/** The key a refusal about a list item is shown under: the competency's or the member's own box. */
export function planErrorKey(base: string, sent: PlanBody, index: number | null): string | null {
  if (index === null) return base;
  if (base === 'targets_competency_id' || base === 'targets_level') {
    const target = sent.targets?.[index];
    return target ? `target-${target.competency_id}` : 'targets';
  }
  if (base === 'mentees_member_id') {
    const mentee = sent.mentees?.[index];
    return mentee ? `mentee-${mentee.member_id}` : 'mentees';
  }
  return base;
}

/**
 * The plan's own checks, as the server makes them: a title; a mentor (a member, or a registry
 * number for a consultant); dates in order. Blank texts are sent as null.
 */
export function validatePlan(draft: PlanDraft): Checked<PlanField, PlanBody> {
  const errors: LocalProblems<PlanField> = {};
  const title = draft.title.trim();
  if (title === '') errors.title = ['mentoring.plan.titleRequired'];
  for (const [field, limit] of [
    ['title', MAX_SHORT],
    ['theme', MAX_SHORT],
    ['venue', MAX_SHORT],
    ['time_allocation', MAX_SHORT],
    ['facilities', MAX_FACILITIES],
  ] as const) {
    if (!errors[field] && [...draft[field].trim()].length > limit) errors[field] = ['mentoring.plan.tooLong'];
  }
  const mentor = checkMentor(draft, errors);
  if (draft.planned_from && draft.planned_to && draft.planned_to < draft.planned_from) errors.planned_to = ['mentoring.plan.datesOrder'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const orNull = (value: string) => value.trim() || null;
  return {
    errors,
    input: {
      title,
      theme: orNull(draft.theme),
      mentor_origin: draft.origin,
      ...mentor,
      deliberation_id: draft.deliberation_id === '' ? null : Number(draft.deliberation_id),
      schedule_deliberation_id: draft.schedule_deliberation_id === '' ? null : Number(draft.schedule_deliberation_id),
      venue_deliberation_id: draft.venue_deliberation_id === '' ? null : Number(draft.venue_deliberation_id),
      targets: draft.targets.map((t) => ({ competency_id: t.competency_id, level: t.level })),
      mentees: draft.mentees.map((member_id) => ({ member_id })),
      venue: orNull(draft.venue),
      host_member_id: draft.host_member_id === '' ? null : Number(draft.host_member_id),
      time_allocation: orNull(draft.time_allocation),
      facilities: orNull(draft.facilities),
      planned_from: draft.planned_from || null,
      planned_to: draft.planned_to || null,
    },
  };
}

const sameList = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string) =>
  a.length === b.length && a.every((item, i) => key(item) === key(b[i]!));

/**
 * Only what changed, for PATCH: a changed mentor is sent whole (origin, member, person), the
 * targets and mentees as whole lists; what stays once the cycle is under way is never sent then.
 */
export function planPatch(original: Cycle, input: PlanBody): CyclePatch {
  const patch: CyclePatch = {};
  const planning = original.status === 'planning';
  if (planning) {
    if (input.title !== undefined && input.title !== original.title) patch.title = input.title;
    if (input.theme !== undefined && input.theme !== original.theme) patch.theme = input.theme;
    if (input.deliberation_id !== undefined && input.deliberation_id !== original.deliberation_id) patch.deliberation_id = input.deliberation_id;
    if (input.schedule_deliberation_id !== undefined && input.schedule_deliberation_id !== original.schedule_deliberation_id) {
      patch.schedule_deliberation_id = input.schedule_deliberation_id;
    }
    if (input.venue_deliberation_id !== undefined && input.venue_deliberation_id !== original.venue_deliberation_id) {
      patch.venue_deliberation_id = input.venue_deliberation_id;
    }
    const mentorChanged =
      input.mentor_origin !== original.mentor_origin ||
      (input.mentor_member_id ?? null) !== original.mentor_member_id ||
      (input.mentor_member_id == null && (input.mentor_person_id ?? null) !== original.mentor_person_id);
    if (mentorChanged) {
      patch.mentor_origin = input.mentor_origin;
      patch.mentor_member_id = input.mentor_member_id ?? null;
      patch.mentor_person_id = input.mentor_person_id ?? null;
    }
    const targets = input.targets ?? [];
    if (!sameList(targets, original.targets, (t) => `${t.competency_id}:${t.level ?? DEFAULT_LEVEL}`)) patch.targets = targets;
    const mentees = input.mentees ?? [];
    if (!sameList(mentees, original.mentees, (m) => String(m.member_id))) patch.mentees = mentees;
  }
  if (input.venue !== undefined && input.venue !== original.venue) patch.venue = input.venue;
  if (input.host_member_id !== undefined && input.host_member_id !== original.host_member_id) patch.host_member_id = input.host_member_id;
  if (input.time_allocation !== undefined && input.time_allocation !== original.time_allocation) patch.time_allocation = input.time_allocation;
  if (input.facilities !== undefined && input.facilities !== original.facilities) patch.facilities = input.facilities;
  if (input.planned_from !== undefined && input.planned_from !== original.planned_from) patch.planned_from = input.planned_from;
  if (input.planned_to !== undefined && input.planned_to !== original.planned_to) patch.planned_to = input.planned_to;
  return patch;
}
