// A mentorship as its form records it: a mentor (a member of the group, or an outside consultant
// by her registry number), one mentee, and the period (open-ended while it lasts).
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import type { MentorshipInput } from './cycles';
import { checkMentor, type MentorDraft } from './mentor';

export interface MentorshipDraft extends MentorDraft {
  mentee_member_id: string;
  started_on: string;
  ended_on: string;
  note: string;
}

export type MentorshipField = 'mentor_origin' | 'mentor_member_id' | 'mentor_person_id' | 'mentee_member_id' | 'started_on' | 'ended_on' | 'note';

export const MENTORSHIP_FIELDS: readonly string[] = ['mentor_origin', 'mentor_member_id', 'mentor_person_id', 'mentee_member_id', 'started_on', 'ended_on', 'note'];

export const MAX_NOTE = 2000;

export function emptyMentorshipDraft(today: string): MentorshipDraft {
  return { origin: 'community', mentor_member_id: '', mentor_person_id: '', mentee_member_id: '', started_on: today, ended_on: '', note: '' };
}

export function validateMentorship(draft: MentorshipDraft, groupId: number): Checked<MentorshipField, MentorshipInput> {
  const errors: LocalProblems<MentorshipField> = {};
  const mentor = checkMentor(draft, errors);
  if (draft.mentee_member_id === '') errors.mentee_member_id = ['mentoring.mentorships.form.menteeRequired'];
  else if (draft.origin === 'community' && draft.mentee_member_id === draft.mentor_member_id) errors.mentee_member_id = ['mentoring.errors.mentee_member_id.same_person'];
  if (draft.started_on === '') errors.started_on = ['mentoring.mentorships.form.startedRequired'];
  if (draft.started_on && draft.ended_on && draft.ended_on < draft.started_on) errors.ended_on = ['mentoring.plan.datesOrder'];
  const note = draft.note.trim();
  if ([...note].length > MAX_NOTE) errors.note = ['mentoring.plan.tooLong'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  return {
    errors,
    input: {
      group_id: groupId,
      mentor_origin: draft.origin,
      ...mentor,
      mentee_member_id: Number(draft.mentee_member_id),
      started_on: draft.started_on,
      ended_on: draft.ended_on || null,
      note: note || null,
    },
  };
}
