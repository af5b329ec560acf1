import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE, readAllPages } from '../../../lib/page';
import type {
  AttendanceInput,
  Compliance,
  DecisionInput,
  DeliberationInput,
  DeliberationPage,
  DeliberationView,
  GroupInput,
  GroupPage,
  GroupView,
  Member,
  MemberInput,
  MemberPage,
  MeetingInput,
  MeetingPage,
  MeetingView,
  Norm,
  PersonPage,
  RegionCompliance,
  VoteInput,
  VoteSheetInput,
} from '../types';
import type { GroupFilters } from '../types/filters';
import { listQuery } from '../types/filters';
import { regionComplianceQuery, type RegionComplianceFilters } from '../types/region-compliance';

/** The path of one group's resources. */
export const groupBase = (groupId: number) => `/groups/${groupId}`;

/** Guard against a server that keeps reporting a larger total. */
const MAX_PAGES = 25;

// ---- groups ----

export function listGroups(filters: GroupFilters, signal?: AbortSignal): Promise<GroupPage> {
  return api.get<GroupPage>('/groups', { query: listQuery(filters), ...withSignal(signal) });
}

export function getGroup(id: number, signal?: AbortSignal): Promise<GroupView> {
  return api.get<GroupView>(groupBase(id), withSignal(signal));
}

export function createGroup(body: GroupInput, idempotencyKey?: string): Promise<GroupView> {
  return api.post<GroupView>('/groups', body, { idempotencyKey });
}

export function updateGroup(id: number, body: GroupInput): Promise<GroupView> {
  return api.patch<GroupView>(groupBase(id), body);
}

// ---- members ----

export function listMembers(
  groupId: number,
  options: { includeLeft?: boolean; limit?: number; offset?: number } = {},
  signal?: AbortSignal,
): Promise<MemberPage> {
  return api.get<MemberPage>(`${groupBase(groupId)}/members`, {
    query: {
      include_left: options.includeLeft ? 'true' : null,
      limit: options.limit ?? MAX_PAGE_SIZE,
      offset: options.offset ?? 0,
    },
    ...withSignal(signal),
  });
}

/** Every member (page after page), those who left included when asked: attendance needs them all. */
export function listAllMembers(groupId: number, includeLeft: boolean, signal?: AbortSignal): Promise<Member[]> {
  return readAllPages((offset) => listMembers(groupId, { includeLeft, limit: MAX_PAGE_SIZE, offset }, signal), MAX_PAGES);
}

/** People in the registry by name, to add one as a member (GET /people: officers and facilitators only). */
export function searchPeople(q: string, signal?: AbortSignal): Promise<PersonPage> {
  return api.get<PersonPage>('/people', { query: { q, limit: 20, offset: 0 }, ...withSignal(signal) });
}

export function addMember(groupId: number, body: MemberInput, idempotencyKey?: string): Promise<Member> {
  return api.post<Member>(`${groupBase(groupId)}/members`, body, { idempotencyKey });
}

export function updateMember(groupId: number, memberId: number, body: MemberInput): Promise<Member> {
  return api.patch<Member>(`${groupBase(groupId)}/members/${memberId}`, body);
}

// ---- meetings ----

export function listMeetings(groupId: number, limit: number, offset: number, signal?: AbortSignal): Promise<MeetingPage> {
  return api.get<MeetingPage>(`${groupBase(groupId)}/meetings`, { query: { limit, offset }, ...withSignal(signal) });
}

export function getMeeting(groupId: number, meetingId: number, signal?: AbortSignal): Promise<MeetingView> {
  return api.get<MeetingView>(`${groupBase(groupId)}/meetings/${meetingId}`, withSignal(signal));
}

export function createMeeting(groupId: number, body: MeetingInput, idempotencyKey?: string): Promise<MeetingView> {
  return api.post<MeetingView>(`${groupBase(groupId)}/meetings`, body, { idempotencyKey });
}

export function updateMeeting(groupId: number, meetingId: number, body: MeetingInput): Promise<MeetingView> {
  return api.patch<MeetingView>(`${groupBase(groupId)}/meetings/${meetingId}`, body);
}

export function recordAttendance(groupId: number, meetingId: number, body: AttendanceInput): Promise<MeetingView> {
  return api.put<MeetingView>(`${groupBase(groupId)}/meetings/${meetingId}/attendance`, body);
}

// ---- compliance ----

/** Months "2026-01" to "2026-12"; without them the server gives the twelve months to this one. */
export function getCompliance(
  groupId: number,
  range: { from?: string | null; to?: string | null } = {},
  signal?: AbortSignal,
): Promise<Compliance> {
  return api.get<Compliance>(`${groupBase(groupId)}/compliance`, {
    query: { from: range.from ?? null, to: range.to ?? null },
    ...withSignal(signal),
  });
}

/** Every group in a region against its SOP over the filters' months, least compliant first by default. */
export function listRegionCompliance(
  filters: RegionComplianceFilters,
  thisMonth: string,
  signal?: AbortSignal,
): Promise<RegionCompliance> {
  return api.get<RegionCompliance>('/groups/compliance', {
    query: regionComplianceQuery(filters, thisMonth),
    ...withSignal(signal),
  });
}

// ---- deliberations ----

export function listDeliberations(
  groupId: number,
  limit: number,
  offset: number,
  signal?: AbortSignal,
): Promise<DeliberationPage> {
  return api.get<DeliberationPage>(`${groupBase(groupId)}/deliberations`, { query: { limit, offset }, ...withSignal(signal) });
}

export function getDeliberation(groupId: number, deliberationId: number, signal?: AbortSignal): Promise<DeliberationView> {
  return api.get<DeliberationView>(`${groupBase(groupId)}/deliberations/${deliberationId}`, withSignal(signal));
}

export function createDeliberation(groupId: number, body: DeliberationInput, idempotencyKey?: string): Promise<DeliberationView> {
  return api.post<DeliberationView>(`${groupBase(groupId)}/deliberations`, body, { idempotencyKey });
}

export function castVote(groupId: number, deliberationId: number, body: VoteInput, idempotencyKey?: string): Promise<DeliberationView> {
  return api.post<DeliberationView>(`${groupBase(groupId)}/deliberations/${deliberationId}/votes`, body, { idempotencyKey });
}

/** DELETE …/votes/{member_id}: a vote taken back while the proposal is open, to be cast again. */
export function withdrawVote(groupId: number, deliberationId: number, memberId: number): Promise<DeliberationView> {
  return api.delete<DeliberationView>(`${groupBase(groupId)}/deliberations/${deliberationId}/votes/${memberId}`);
}

/** PUT …/votes: a meeting's sheet of votes at once, all or nothing; each line replaces that member's vote. */
export function recordVotes(
  groupId: number,
  deliberationId: number,
  body: VoteSheetInput,
  idempotencyKey?: string,
): Promise<DeliberationView> {
  return api.put<DeliberationView>(`${groupBase(groupId)}/deliberations/${deliberationId}/votes`, body, { idempotencyKey });
}

export function decide(groupId: number, deliberationId: number, body: DecisionInput, idempotencyKey?: string): Promise<DeliberationView> {
  return api.post<DeliberationView>(`${groupBase(groupId)}/deliberations/${deliberationId}/decide`, body, { idempotencyKey });
}

export function listNorms(groupId: number, signal?: AbortSignal): Promise<{ items: Norm[] }> {
  return api.get<{ items: Norm[] }>(`${groupBase(groupId)}/norms`, withSignal(signal));
}
