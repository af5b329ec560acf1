import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE, readAllPages } from '../../../lib/page';
import type {
  Cycle,
  CycleInput,
  CyclePatch,
  CycleStatus,
  CycleSummaryPage,
  EvaluationInput,
  EvaluationPatch,
  GroupMember,
  MemberPage,
  Proposal,
  ProposalInput,
  ProposalPage,
  SessionInput,
} from '../types/cycles';
import type { LearningOutcomes } from '../types/outcomes';

/** Guard against a server that keeps reporting a larger total. */
const MAX_PAGES = 25;

// ---- learning cycles ----

/** A group's cycles, newest first (one page of the largest size: a group plans a few a year). */
export function listCycles(groupId: number, signal?: AbortSignal): Promise<CycleSummaryPage> {
  return api.get<CycleSummaryPage>('/cycles', { query: { group_id: groupId, limit: MAX_PAGE_SIZE, offset: 0 }, ...withSignal(signal) });
}

/** What the group's learning achieved: cycles, help requests, community against outside mentors. */
export function getLearningOutcomes(groupId: number, signal?: AbortSignal): Promise<LearningOutcomes> {
  return api.get<LearningOutcomes>(`/groups/${groupId}/learning-outcomes`, withSignal(signal));
}

export function getCycle(cycleId: number, signal?: AbortSignal): Promise<Cycle> {
  return api.get<Cycle>(`/cycles/${cycleId}`, withSignal(signal));
}

export function createCycle(body: CycleInput, idempotencyKey?: string): Promise<Cycle> {
  return api.post<Cycle>('/cycles', body, { idempotencyKey });
}

export function updateCycle(cycleId: number, patch: CyclePatch): Promise<Cycle> {
  return api.patch<Cycle>(`/cycles/${cycleId}`, patch);
}

export function transitionCycle(cycleId: number, to: CycleStatus, idempotencyKey?: string): Promise<Cycle> {
  return api.post<Cycle>(`/cycles/${cycleId}/transitions`, { to }, { idempotencyKey });
}

export function addSession(cycleId: number, body: SessionInput, idempotencyKey?: string): Promise<Cycle> {
  return api.post<Cycle>(`/cycles/${cycleId}/sessions`, body, { idempotencyKey });
}

export function addEvaluation(cycleId: number, body: EvaluationInput, idempotencyKey?: string): Promise<Cycle> {
  return api.post<Cycle>(`/cycles/${cycleId}/evaluations`, body, { idempotencyKey });
}

/** Corrects an evaluation until the cycle closes (the pair and on_request stay). */
export function correctEvaluation(cycleId: number, evaluationId: number, body: EvaluationPatch): Promise<Cycle> {
  return api.patch<Cycle>(`/cycles/${cycleId}/evaluations/${evaluationId}`, body);
}

// ---- what a plan is made of: the group's members and its theme proposals ----

/** Every member of the group, those who left too (a closed cycle names them), page after page. */
export function listGroupMembers(groupId: number, signal?: AbortSignal): Promise<GroupMember[]> {
  const query = { include_left: 'true', limit: MAX_PAGE_SIZE };
  return readAllPages((offset) => api.get<MemberPage>(`/groups/${groupId}/members`, { query: { ...query, offset }, ...withSignal(signal) }), MAX_PAGES);
}

/** The topics of the proposals that choose part of a cycle's plan: its theme, its time, its venue. */
export const PLAN_TOPICS = ['learning_theme', 'schedule', 'venue'] as const;

/** The group's proposals that choose part of a cycle's plan, newest first (from its latest proposals). */
export async function listPlanProposals(groupId: number, signal?: AbortSignal): Promise<Proposal[]> {
  const page = await api.get<ProposalPage>(`/groups/${groupId}/deliberations`, {
    query: { limit: MAX_PAGE_SIZE, offset: 0 },
    ...withSignal(signal),
  });
  return page.items.filter((proposal) => (PLAN_TOPICS as readonly string[]).includes(proposal.topic));
}

/** Puts a theme proposal to the group (POST …/deliberations, topic learning_theme). */
export function createThemeProposal(groupId: number, body: ProposalInput, idempotencyKey?: string): Promise<Proposal> {
  return api.post<Proposal>(`/groups/${groupId}/deliberations`, body, { idempotencyKey });
}
