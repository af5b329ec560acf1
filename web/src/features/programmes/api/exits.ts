// The exit to a local hero, the follow-up visits after the programme's end and the programme's
// dashboard: /programmes/{id}/exits, /follow-ups and /dashboard, and the members of a group to
// nominate from.
import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/page';
import type {
  ChecklistInput,
  ExitSummaryPage,
  ExitView,
  FollowUp,
  FollowUpBoard,
  FollowUpInput,
  HandOverInput,
  MembershipPage,
  NominationInput,
  ProgrammeDashboard,
} from '../types';
import { PAGE_SIZE } from './programmes';

export const listExits = (id: number, offset: number, signal?: AbortSignal) =>
  api.get<ExitSummaryPage>(`/programmes/${id}/exits`, { query: { limit: PAGE_SIZE, offset }, ...withSignal(signal) });

export const getExit = (id: number, groupId: number, signal?: AbortSignal) =>
  api.get<ExitView>(`/programmes/${id}/exits/${groupId}`, withSignal(signal));

export const nominate = (id: number, groupId: number, body: NominationInput, idempotencyKey?: string) =>
  api.post<ExitView>(`/programmes/${id}/exits/${groupId}/nominations`, body, { idempotencyKey });

export const checkReadiness = (id: number, groupId: number, body: ChecklistInput) =>
  api.patch<ExitView>(`/programmes/${id}/exits/${groupId}/checklist`, body);

export const handOver = (id: number, groupId: number, body: HandOverInput, idempotencyKey?: string) =>
  api.post<ExitView>(`/programmes/${id}/exits/${groupId}/hand-over`, body, { idempotencyKey });

/** The follow-up schedule, a page of groups in the exits' order (oldest enrolment first). */
export const listFollowUps = (id: number, offset: number, signal?: AbortSignal) =>
  api.get<FollowUpBoard>(`/programmes/${id}/follow-ups`, { query: { limit: PAGE_SIZE, offset }, ...withSignal(signal) });

export const recordFollowUp = (id: number, body: FollowUpInput, idempotencyKey?: string) =>
  api.post<FollowUp>(`/programmes/${id}/follow-ups`, body, { idempotencyKey });

export const getDashboard = (id: number, signal?: AbortSignal) =>
  api.get<ProgrammeDashboard>(`/programmes/${id}/dashboard`, withSignal(signal));

/** A group's members now (a local hero is one of them). */
export const listMembers = (groupId: number, signal?: AbortSignal) =>
  api.get<MembershipPage>(`/groups/${groupId}/members`, { query: { limit: MAX_PAGE_SIZE, offset: 0 }, ...withSignal(signal) });
