// Taking attendance in a few taps: every member of the meeting's day is listed, each marked
// present, excused or absent (or not yet marked); "everyone present" marks them all; one save
// sends the whole list (PUT replaces what was recorded before).
import { activeOn, type AttendanceInput, type AttendanceLine, type Member, type MemberRole, type Presence } from './index';

export interface RosterRow {
  member_id: number;
  name: string;
  role: MemberRole | null;
  /** null: not marked yet; such members are left out of the list that is saved. */
  presence: Presence | null;
}

/**
 * The members to mark for a meeting on `heldOn`: everyone who was a member that day, in the
 * server's order (offices first, then by name), each with what was recorded for them. A recorded
 * line for someone no longer in the list of members is kept, so saving never drops it silently.
 */
export function rosterFor(members: readonly Member[], heldOn: string, recorded: readonly AttendanceLine[]): RosterRow[] {
  const marked = new Map(recorded.map((line) => [line.member_id, line.presence]));
  const rows: RosterRow[] = members
    .filter((member) => activeOn(member, heldOn) || marked.has(member.id))
    .map((member) => ({
      member_id: member.id,
      name: member.person.name,
      role: member.role,
      presence: marked.get(member.id) ?? null,
    }));
  const listed = new Set(rows.map((row) => row.member_id));
  for (const line of recorded) {
    if (!listed.has(line.member_id)) rows.push({ member_id: line.member_id, name: line.name, role: null, presence: line.presence });
  }
  return rows;
}

/** Tapping a button marks the member so; tapping the one already chosen clears the mark. */
export function togglePresence(rows: readonly RosterRow[], memberId: number, presence: Presence): RosterRow[] {
  return rows.map((row) =>
    row.member_id === memberId ? { ...row, presence: row.presence === presence ? null : presence } : row,
  );
}

/** "Everyone present": every member marked present; change the few who were not afterwards. */
export function markAllPresent(rows: readonly RosterRow[]): RosterRow[] {
  return rows.map((row) => ({ ...row, presence: 'present' }));
}

/** The PUT body: the marked members in the roster's order. */
export function attendanceBody(rows: readonly RosterRow[]): AttendanceInput {
  return {
    attendance: rows.flatMap((row) => (row.presence ? [{ member_id: row.member_id, presence: row.presence }] : [])),
  };
}

export interface AttendanceCounts {
  present: number;
  excused: number;
  absent: number;
  unmarked: number;
}

export function countPresence(rows: readonly RosterRow[]): AttendanceCounts {
  const counts: AttendanceCounts = { present: 0, excused: 0, absent: 0, unmarked: 0 };
  for (const row of rows) counts[row.presence ?? 'unmarked'] += 1;
  return counts;
}

/** Whether the marks differ from what was recorded (so there is something to save). */
export function attendanceChanged(rows: readonly RosterRow[], recorded: readonly AttendanceLine[]): boolean {
  const before = new Map(recorded.map((line) => [line.member_id, line.presence]));
  const marked = rows.filter((row) => row.presence !== null);
  if (marked.length !== before.size) return true;
  return marked.some((row) => before.get(row.member_id) !== row.presence);
}
