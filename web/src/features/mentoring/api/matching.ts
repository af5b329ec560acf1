import { api, withSignal } from '../../../lib/api-client';
import type { Schemas } from '../../../lib/api/schemas';
import { MAX_PAGE_SIZE } from '../../../lib/page';
import type { GroupMember, GroupView, MemberPage } from '../types/cycles';
import type { MatchingRun, MatchingRunInput, MatchingRunPage, MatchingRunView } from '../types/matching';

export type MatchableGroup = Schemas['Group'];
type GroupPage = Schemas['GroupPage'];

/** Starts a run: the server answers 202 with it queued, a worker runs it. */
export function startMatchingRun(body: MatchingRunInput, idempotencyKey?: string): Promise<MatchingRun> {
  return api.post<MatchingRun>('/matching/runs', body, { idempotencyKey });
}

export function getMatchingRun(id: number, signal?: AbortSignal): Promise<MatchingRunView> {
  return api.get<MatchingRunView>(`/matching/runs/${id}`, withSignal(signal));
}

/** The runs touching a group, newest first. */
export function listMatchingRuns(groupId: number, offset: number, limit: number, signal?: AbortSignal): Promise<MatchingRunPage> {
  return api.get<MatchingRunPage>('/matching/runs', { query: { group_id: groupId, limit, offset }, ...withSignal(signal) });
}

export function publishMatchingRun(id: number): Promise<MatchingRunView> {
  return api.post<MatchingRunView>(`/matching/runs/${id}/publish`);
}

/**
 * The active groups the caller reaches whose name holds `q` (the first page of the largest size):
 * an officer's or a facilitator's are those she oversees.
 */
export function listMatchableGroups(q: string, signal?: AbortSignal): Promise<GroupPage> {
  return api.get<GroupPage>('/groups', {
    query: { status: 'active', limit: MAX_PAGE_SIZE, offset: 0, ...(q.trim() ? { q: q.trim() } : {}) },
    ...withSignal(signal),
  });
}

export function getMatchableGroup(id: number, signal?: AbortSignal): Promise<GroupView> {
  return api.get<GroupView>(`/groups/${id}`, withSignal(signal));
}

/** A group's active mentors (members marked as mentors), for a capacity of their own. */
export async function listGroupMentors(groupId: number, signal?: AbortSignal): Promise<GroupMember[]> {
  const page = await api.get<MemberPage>(`/groups/${groupId}/members`, {
    query: { limit: MAX_PAGE_SIZE, offset: 0 },
    ...withSignal(signal),
  });
  return page.items.filter((member) => member.mentor);
}
