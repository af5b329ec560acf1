import { api, withSignal } from '../../../lib/api-client';
import type { MemberSummary } from '../types/mine';
import { groupBase } from './groups';

/** One member's fees, order shares, votes and posts in one request (a phone on a slow network). */
export function getMemberSummary(groupId: number, memberId: number, limit: number, signal?: AbortSignal): Promise<MemberSummary> {
  return api.get<MemberSummary>(`${groupBase(groupId)}/members/${memberId}/summary`, { query: { limit }, ...withSignal(signal) });
}
