// Learning cycles and mentorships (seed 000's mentoring model) as the API answers them, and the
// small rules the learning tab shares: the stages in order, completion, who guides, and where a
// mentee stands on each target competency.
import { valuesOf, type Schemas } from '../../../lib/api/schemas';
import type { Page } from '../../../lib/page';

/** planning → implementation → evaluation → closed, one step at a time. */
export type CycleStatus = Schemas['CycleStatus'];
export const STAGES = valuesOf<CycleStatus>()(['planning', 'implementation', 'evaluation', 'closed']);

/** A mentor from the MSME community itself, or an outside consultant. */
export type MentorOrigin = Schemas['MentorOrigin'];
export const MENTOR_ORIGINS = valuesOf<MentorOrigin>()(['community', 'external']);

export type Cycle = Schemas['Cycle'];
/** Where a proposal choosing the theme, schedule or venue of a cycle stands. */
export type CyclePlanDecision = Schemas['CyclePlanDecision'];
export type CycleSummary = Schemas['CycleSummary'];
export type CycleSummaryPage = Schemas['CycleSummaryPage'];
export type CycleTarget = Schemas['CycleTarget'];
export type CycleMentee = Schemas['CycleMentee'];
export type CycleSession = Cycle['sessions'][number];
export type CycleEvaluation = Cycle['evaluations'][number];
export type MissingEvaluation = Cycle['completion']['missing'][number];

export type CycleInput = Schemas['CycleInput'];
export type CyclePatch = Schemas['CyclePatch'];
export type SessionInput = Schemas['CycleSessionInput'];
export type EvaluationInput = Schemas['CycleEvaluationInput'];
export type EvaluationPatch = Schemas['CycleEvaluationPatch'];

export type Mentorship = Schemas['Mentorship'];
export type MentorshipPage = Schemas['MentorshipPage'];
export type MentorshipInput = Schemas['MentorshipInput'];
export type MentorshipPatch = Schemas['MentorshipPatch'];

/** The group as the workspace hands it over, and its members (read by this feature itself). */
export type GroupView = Schemas['GroupView'];
export type GroupMember = Schemas['Membership'];
export type MemberPage = Page<GroupMember>;

/** A proposal of the group (the theme proposal is one, topic `learning_theme`). */
export type Proposal = Schemas['Deliberation'];
export type ProposalPage = Schemas['DeliberationPage'];
export type ProposalInput = Schemas['DeliberationInput'];

/** The level a mentee reached or is to reach: 1 with guidance, 2 alone, 3 teaches others. */
export type Level = 1 | 2 | 3;

/** The stage's place in the order: 0 for planning … 3 for closed. */
export function stageIndex(status: CycleStatus): number {
  return STAGES.indexOf(status);
}

/** Whole percent of `achieved` over `targets`; null when there is nothing to achieve. */
export function percentOf(achieved: number, targets: number): number | null {
  return targets > 0 ? Math.round((achieved * 100) / targets) : null;
}

/** Members of the group on `day` ("2026-11-23"), those who left or have not yet joined left out. */
export function membersOn(members: readonly GroupMember[], day: string): GroupMember[] {
  return members.filter((m) => m.joined_on <= day && (m.left_on === null || m.left_on >= day));
}

/**
 * Whether the caller guides the group's learning (plans cycles, holds sessions, evaluates, pairs
 * mentors), as the server decides it: one who reaches the group without being a member of it is
 * an admin, an officer of its steward or its facilitator, and guides; a member guides when she
 * leads the group or mentors. A dissolved group takes no more writes. The server checks again.
 */
export function guides(group: Pick<GroupView, 'member_id' | 'status'>, members: readonly GroupMember[]): boolean {
  if (group.status === 'dissolved') return false;
  if (group.member_id === null) return true;
  const me = members.find((m) => m.id === group.member_id);
  return me !== undefined && (me.role === 'leader' || me.mentor);
}

/** The evaluation of one mentee on one target competency, if she has one. */
export function evaluationOf(cycle: Pick<Cycle, 'evaluations'>, memberId: number, competencyId: number): CycleEvaluation | null {
  return cycle.evaluations.find((e) => e.member_id === memberId && e.competency_id === competencyId) ?? null;
}

export interface MenteeProgress {
  member_id: number;
  name: string;
  /** Target competencies she achieved. */
  achieved: number;
  /** Those evaluated, achieved or not. */
  evaluated: number;
  /** The cycle's target competencies. */
  targets: number;
  percent: number | null;
}

/** Each mentee's completion: the cycle's targets she achieved, in the cycle's order of mentees. */
export function progressByMentee(cycle: Pick<Cycle, 'mentees' | 'targets' | 'evaluations'>): MenteeProgress[] {
  const targetIds = new Set(cycle.targets.map((target) => target.competency_id));
  return cycle.mentees.map((mentee) => {
    const hers = cycle.evaluations.filter((e) => e.member_id === mentee.member_id && targetIds.has(e.competency_id));
    const achieved = hers.filter((e) => e.achieved).length;
    return {
      member_id: mentee.member_id,
      name: mentee.name,
      achieved,
      evaluated: hers.length,
      targets: cycle.targets.length,
      percent: percentOf(achieved, cycle.targets.length),
    };
  });
}

/**
 * Whether the cycle takes an evaluation now: during its evaluation stage, and while under way
 * only one the mentee asked for (`on_request`).
 */
export function evaluationMode(status: CycleStatus): 'open' | 'on_request' | 'closed' {
  if (status === 'evaluation') return 'open';
  if (status === 'implementation') return 'on_request';
  return 'closed';
}

/** The step a stage button takes: the cycle's next stage, none once closed. */
export function nextStage(cycle: Pick<Cycle, 'next_status'>): Exclude<CycleStatus, 'planning'> | null {
  const next = cycle.next_status;
  return next === null || next === 'planning' ? null : next;
}
