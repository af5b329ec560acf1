// A learning-by-doing session as its form records it: the day (today or before: a session is
// recorded once held), what was practised, where, and who came. The cycle's mentees (and its
// community mentor) are ticked present to begin with; a mentee left unticked is recorded absent,
// another member left unticked is not recorded at all.
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import { membersOn, type Cycle, type GroupMember, type SessionInput } from './cycles';

export interface SessionDraft {
  held_on: string;
  practice: string;
  /** '' for the cycle's own venue. */
  venue: string;
  /** The members ticked present. */
  present: number[];
}

export type SessionField = 'held_on' | 'practice' | 'venue' | 'attendance' | `attendance-${number}`;

export const SESSION_FIELDS: readonly string[] = ['held_on', 'status', 'practice', 'venue', 'attendance', 'attendance_member_id', 'attendance_presence'];

export const MAX_PRACTICE = 2000;
export const MAX_VENUE = 200;

export interface RosterLine {
  member_id: number;
  name: string;
  /** A mentee of the cycle (recorded absent when not ticked). */
  mentee: boolean;
  /** The cycle's mentor. */
  mentor: boolean;
}

/**
 * Who may be ticked for a session on `day`: the cycle's mentees first, then its mentor when she is
 * a member, then the group's other members of that day, by name.
 */
export function sessionRoster(cycle: Pick<Cycle, 'mentees' | 'mentor_member_id' | 'mentor_name'>, members: readonly GroupMember[], day: string): RosterLine[] {
  const menteeIds = new Set(cycle.mentees.map((m) => m.member_id));
  const lines: RosterLine[] = cycle.mentees.map((m) => ({ member_id: m.member_id, name: m.name, mentee: true, mentor: false }));
  if (cycle.mentor_member_id !== null && !menteeIds.has(cycle.mentor_member_id)) {
    lines.push({ member_id: cycle.mentor_member_id, name: cycle.mentor_name, mentee: false, mentor: true });
  }
  const listed = new Set(lines.map((line) => line.member_id));
  const others = membersOn(members, day)
    .filter((m) => !listed.has(m.id))
    .map((m) => ({ member_id: m.id, name: m.person.name, mentee: false, mentor: false }))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  return [...lines, ...others];
}

/** A new session today, with the mentees and the community mentor ticked present. */
export function emptySessionDraft(cycle: Pick<Cycle, 'mentees' | 'mentor_member_id'>, today: string): SessionDraft {
  const present = cycle.mentees.map((m) => m.member_id);
  if (cycle.mentor_member_id !== null && !present.includes(cycle.mentor_member_id)) present.push(cycle.mentor_member_id);
  return { held_on: today, practice: '', venue: '', present };
}

export function togglePresent(present: readonly number[], memberId: number): number[] {
  return present.includes(memberId) ? present.filter((m) => m !== memberId) : [...present, memberId];
}

/** The form's own checks (a day not after today, what was practised) and the body to send. */
export function validateSession(draft: SessionDraft, roster: readonly RosterLine[], today: string): Checked<SessionField, SessionInput> {
  const errors: LocalProblems<SessionField> = {};
  if (draft.held_on === '') errors.held_on = ['mentoring.sessions.form.heldOnRequired'];
  else if (draft.held_on > today) errors.held_on = ['mentoring.sessions.form.heldOnFuture'];
  const practice = draft.practice.trim();
  if (practice === '') errors.practice = ['mentoring.sessions.form.practiceRequired'];
  else if ([...practice].length > MAX_PRACTICE) errors.practice = ['mentoring.sessions.form.tooLong'];
  if ([...draft.venue.trim()].length > MAX_VENUE) errors.venue = ['mentoring.sessions.form.tooLong'];
  if (Object.keys(errors).length > 0) return { errors, input: null };
  const attendance = roster.flatMap((line): SessionInput['attendance'] & object => {
    if (draft.present.includes(line.member_id)) return [{ member_id: line.member_id, presence: 'present' }];
    return line.mentee ? [{ member_id: line.member_id, presence: 'absent' }] : [];
  });
  const venue = draft.venue.trim();
  return { errors, input: { held_on: draft.held_on, practice, ...(venue ? { venue } : {}), attendance } };
}

/** The key a refusal about `attendance[i]` is shown under: that member's line. */
export function attendanceErrorKey(sent: SessionInput, index: number | null): string {
  const line = index === null ? undefined : sent.attendance?.[index];
  return line ? `attendance-${line.member_id}` : 'attendance';
}
