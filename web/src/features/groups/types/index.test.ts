import { describe, expect, it } from 'vitest';
import { groupView, member } from '../../../test/groups';
import { activeOn, canWrite, GROUP_STATUSES, nextStatuses } from './index';
import { groupPath, idParam, meetingPath } from './paths';

describe('group rules the pages share', () => {
  it('shows a part as writable only when the server says the caller writes it', () => {
    const treasurer = groupView({ writes: ['ledger', 'assets', 'materials', 'orders', 'posts'] });
    expect(canWrite(treasurer, 'ledger')).toBe(true);
    expect(canWrite(treasurer, 'meetings')).toBe(false);
    expect(canWrite(groupView({ writes: [] }), 'members')).toBe(false);
  });

  it('counts a member on a day from joining through leaving, both days included', () => {
    const left = member(1, 'Tukini', { joined_on: '2020-01-01', left_on: '2026-01-31' });
    expect(activeOn(left, '2019-12-31')).toBe(false);
    expect(activeOn(left, '2020-01-01')).toBe(true);
    expect(activeOn(left, '2026-01-31')).toBe(true);
    expect(activeOn(left, '2026-02-01')).toBe(false);
  });

  it('offers only the status changes the server allows; dissolved is final', () => {
    expect(nextStatuses('embryo')).toEqual(['active', 'dissolved']);
    expect(nextStatuses('active')).toEqual(['inactive', 'dissolved']);
    expect(nextStatuses('inactive')).toEqual(['active', 'dissolved']);
    expect(nextStatuses('dissolved')).toEqual([]);
    for (const status of GROUP_STATUSES) expect(nextStatuses(status)).not.toContain(status);
  });

  it('builds workspace addresses and reads only positive whole ids from them', () => {
    expect(groupPath(4)).toBe('/groups/4');
    expect(groupPath(4, 'compliance')).toBe('/groups/4/compliance');
    expect(meetingPath(4, 9)).toBe('/groups/4/meetings/9');
    expect(idParam('12')).toBe(12);
    expect(idParam('0')).toBeNull();
    expect(idParam('new')).toBeNull();
    expect(idParam('1e3')).toBeNull();
    expect(idParam(undefined)).toBeNull();
  });
});
