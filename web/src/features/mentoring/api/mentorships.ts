import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/page';
import type { Mentorship, MentorshipInput, MentorshipPage, MentorshipPatch } from '../types/cycles';

/** Who mentors whom in a group, newest start first (one page of the largest size). */
export function listMentorships(groupId: number, signal?: AbortSignal): Promise<MentorshipPage> {
  return api.get<MentorshipPage>('/mentorships', { query: { group_id: groupId, limit: MAX_PAGE_SIZE, offset: 0 }, ...withSignal(signal) });
}

export function createMentorship(body: MentorshipInput, idempotencyKey?: string): Promise<Mentorship> {
  return api.post<Mentorship>('/mentorships', body, { idempotencyKey });
}

export function updateMentorship(id: number, patch: MentorshipPatch): Promise<Mentorship> {
  return api.patch<Mentorship>(`/mentorships/${id}`, patch);
}
