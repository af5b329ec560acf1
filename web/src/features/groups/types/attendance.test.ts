import { describe, expect, it } from 'vitest';
import { member, MEMBERS } from '../../../test/groups';
import {
  attendanceBody,
  attendanceChanged,
  countPresence,
  markAllPresent,
  rosterFor,
  togglePresence,
} from './attendance';
import { sortSheetErrors } from './errors';
import { refusal } from '../../../test/render';

const HELD_ON = '2026-03-05';

describe('rosterFor', () => {
  it('lists everyone who was a member on the day, in the server order, with what was recorded', () => {
    const rows = rosterFor(MEMBERS, HELD_ON, [{ member_id: 13, name: 'Suwarni', presence: 'excused' }]);
    expect(rows.map((row) => [row.member_id, row.name, row.role, row.presence])).toEqual([
      [11, 'Sulastri', 'leader', null],
      [12, 'Sutini', 'secretary', null],
      [13, 'Suwarni', 'treasurer', 'excused'],
      [14, 'Painem', 'member', null],
    ]);
  });

  it('leaves out a newcomer who joined after the meeting and someone who had left before it', () => {
    const members = [
      ...MEMBERS,
      member(15, 'Sumi', { joined_on: '2026-03-06' }),
      member(16, 'Tukini', { left_on: '2026-03-04', active: false }),
      member(17, 'Ngatini', { left_on: '2026-03-05', active: false }),
    ];
    const names = rosterFor(members, HELD_ON, []).map((row) => row.name);
    expect(names).not.toContain('Sumi');
    expect(names).not.toContain('Tukini');
    expect(names).toContain('Ngatini'); // left on the day itself: still a member at the meeting
  });

  it('keeps a recorded line for someone no longer listed, so saving never drops it silently', () => {
    const rows = rosterFor(MEMBERS.slice(0, 1), HELD_ON, [{ member_id: 99, name: 'Darmi', presence: 'present' }]);
    expect(rows.at(-1)).toEqual({ member_id: 99, name: 'Darmi', role: null, presence: 'present' });
  });
});

describe('marking attendance', () => {
  const rows = rosterFor(MEMBERS, HELD_ON, []);

  it('marks a member with one tap, switches with another, and clears when the chosen one is tapped again', () => {
    const present = togglePresence(rows, 12, 'present');
    expect(present.find((row) => row.member_id === 12)?.presence).toBe('present');
    const absent = togglePresence(present, 12, 'absent');
    expect(absent.find((row) => row.member_id === 12)?.presence).toBe('absent');
    expect(togglePresence(absent, 12, 'absent').find((row) => row.member_id === 12)?.presence).toBeNull();
    expect(rows.every((row) => row.presence === null)).toBe(true); // the original is left alone
  });

  it('"everyone present" marks every member present, also those marked otherwise', () => {
    const marked = markAllPresent(togglePresence(rows, 14, 'absent'));
    expect(marked.map((row) => row.presence)).toEqual(['present', 'present', 'present', 'present']);
  });

  it('sends only the marked members, in the list order, and counts each kind', () => {
    let next = markAllPresent(rows);
    next = togglePresence(next, 13, 'excused');
    next = togglePresence(next, 14, 'present'); // cleared
    expect(attendanceBody(next)).toEqual({
      attendance: [
        { member_id: 11, presence: 'present' },
        { member_id: 12, presence: 'present' },
        { member_id: 13, presence: 'excused' },
      ],
    });
    expect(countPresence(next)).toEqual({ present: 2, excused: 1, absent: 0, unmarked: 1 });
  });

  it('knows whether anything differs from what was recorded', () => {
    const recorded = [{ member_id: 11, name: 'Sulastri', presence: 'present' as const }];
    const same = rosterFor(MEMBERS, HELD_ON, recorded);
    expect(attendanceChanged(same, recorded)).toBe(false);
    expect(attendanceChanged(togglePresence(same, 11, 'absent'), recorded)).toBe(true);
    expect(attendanceChanged(togglePresence(same, 12, 'present'), recorded)).toBe(true);
    expect(attendanceChanged(togglePresence(same, 11, 'present'), recorded)).toBe(true);
  });

  it('points a server error about attendance[i] at the i-th member sent, the rest at the sheet', () => {
    const body = attendanceBody(togglePresence(togglePresence(rows, 12, 'present'), 14, 'absent'));
    const error = refusal(
      [
        { field: 'attendance[1].member_id', code: 'not_member_then' },
        { field: 'attendance[5].member_id', code: 'not_member_then' },
        { field: 'attendance', code: 'not_held' },
      ],
      'invalid-input',
      400,
    );
    const sorted = sortSheetErrors(error, 'attendance', body.attendance);
    expect([...sorted.byMember.keys()]).toEqual([14]);
    expect(sorted.other.map((e) => e.field)).toEqual(['attendance[5].member_id', 'attendance']);
  });
});
