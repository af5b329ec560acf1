import { describe, expect, it } from 'vitest';
import { cycle, LEARNING_MEMBERS } from '../../../test/learning';
import { member } from '../../../test/groups';
import { attendanceErrorKey, emptySessionDraft, sessionRoster, togglePresent, validateSession } from './session';

describe('a learning session', () => {
  const c = cycle({ status: 'implementation' });

  it('lists the mentees first, then the mentor, then the other members of the day by name', () => {
    const members = [...LEARNING_MEMBERS, member(17, 'Aminah', { joined_on: '2026-04-01' })];
    expect(sessionRoster(c, members, '2026-03-10').map((line) => [line.name, line.mentee, line.mentor])).toEqual([
      ['Painem', true, false],
      ['Tukini', true, false],
      ['Darmi', false, true],
      ['Sulastri', false, false],
      ['Sutini', false, false],
      ['Suwarni', false, false],
    ]);
  });

  it('starts with the mentees and the mentor present; an unticked mentee is absent, another member unrecorded', () => {
    const draft = emptySessionDraft(c, '2026-03-10');
    expect(draft.present).toEqual([14, 16, 15]);
    const roster = sessionRoster(c, LEARNING_MEMBERS, '2026-03-10');
    const checked = validateSession({ ...draft, present: togglePresent(draft.present, 16), practice: ' mengukus ' }, roster, '2026-03-10');
    expect(checked.input).toEqual({
      held_on: '2026-03-10',
      practice: 'mengukus',
      attendance: [
        { member_id: 14, presence: 'present' },
        { member_id: 16, presence: 'absent' },
        { member_id: 15, presence: 'present' },
      ],
    });
    expect(attendanceErrorKey(checked.input!, 1)).toBe('attendance-16');
    expect(attendanceErrorKey(checked.input!, null)).toBe('attendance');
  });

  it('is recorded once held, with what was practised', () => {
    const roster = sessionRoster(c, LEARNING_MEMBERS, '2026-03-10');
    expect(validateSession({ ...emptySessionDraft(c, '2026-03-11'), practice: '' }, roster, '2026-03-10').errors).toEqual({
      held_on: ['mentoring.sessions.form.heldOnFuture'],
      practice: ['mentoring.sessions.form.practiceRequired'],
    });
  });
});
