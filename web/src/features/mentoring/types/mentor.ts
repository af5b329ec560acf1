// Who guides, as the plan's and the mentorship's forms both take it: a member of the group picked
// from a list, or an outside consultant by her number in the registry.
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { MentorOrigin } from './cycles';

export interface MentorDraft {
  origin: MentorOrigin;
  /** The community mentor: a member's id, '' while none is chosen. */
  mentor_member_id: string;
  /** The outside consultant: her number in the registry, as typed. */
  mentor_person_id: string;
}

export interface MentorIds {
  mentor_member_id: number | null;
  mentor_person_id: number | null;
}

/** The mentor's ids to send (the other origin's null), adding to `errors` what is missing or malformed. */
export function checkMentor(draft: MentorDraft, errors: LocalProblems<'mentor_member_id' | 'mentor_person_id'>): MentorIds {
  if (draft.origin === 'community') {
    if (draft.mentor_member_id === '') errors.mentor_member_id = ['mentoring.plan.mentorRequired'];
    return { mentor_member_id: draft.mentor_member_id === '' ? null : Number(draft.mentor_member_id), mentor_person_id: null };
  }
  const typed = draft.mentor_person_id.trim();
  if (typed === '') errors.mentor_person_id = ['mentoring.plan.personRequired'];
  else if (!/^\d{1,15}$/.test(typed) || Number(typed) === 0) errors.mentor_person_id = ['mentoring.plan.personFormat'];
  return { mentor_member_id: null, mentor_person_id: /^\d+$/.test(typed) ? Number(typed) : null };
}
