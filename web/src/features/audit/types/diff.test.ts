import { describe, expect, it } from 'vitest';
import { changedCount, diffRows, sameValue } from './diff';

describe('diffRows', () => {
  it('lists every field of an update side by side and marks only those that changed', () => {
    const rows = diffRows({
      before: { username: 'dinas1', role: 'officer', disabled: false, scope_kind: 'stakeholder', scope_id: 3 },
      after: { username: 'dinas1', role: 'member', disabled: false, scope_kind: 'group', scope_id: 7 },
    });
    expect(rows.map((row) => [row.field, row.before, row.after, row.changed])).toEqual([
      ['username', 'dinas1', 'dinas1', false],
      ['role', 'officer', 'member', true],
      ['disabled', false, false, false],
      ['scope_kind', 'stakeholder', 'group', true],
      ['scope_id', 3, 7, true],
    ]);
    expect(changedCount(rows)).toBe(3);
  });

  it('shows a creation with nothing before, every field changed', () => {
    const rows = diffRows({ before: null, after: { name: 'laporan dinas', user_id: 12 } });
    expect(rows.every((row) => row.changed && !row.inBefore && row.inAfter)).toBe(true);
    expect(rows.map((row) => row.field)).toEqual(['name', 'user_id']);
  });

  it('keeps a field the change removed, after those it kept, with nothing after', () => {
    const rows = diffRows({ before: { a: 1, gone: 'x' }, after: { a: 1 } });
    expect(rows.map((row) => [row.field, row.inAfter, row.changed])).toEqual([
      ['a', true, false],
      ['gone', false, true],
    ]);
  });

  it('tells a value of null apart from a field that is not there', () => {
    const [row] = diffRows({ before: { scope_id: null }, after: {} });
    expect(row).toMatchObject({ inBefore: true, inAfter: false, changed: true });
  });

  it('has no rows for an action that records no data (a logout)', () => {
    expect(diffRows({ before: null, after: null })).toEqual([]);
  });
});

describe('sameValue', () => {
  it('compares lists and records by value, whatever the order of their keys', () => {
    expect(sameValue({ a: [1, { b: 2 }], c: null }, { c: null, a: [1, { b: 2 }] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameValue(0, false)).toBe(false);
  });
});
