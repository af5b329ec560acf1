import { describe, expect, it } from 'vitest';
import { actorOf, changesOf } from './audit-changes';

describe('changesOf', () => {
  it('lists only the fields whose value changed', () => {
    expect(
      changesOf({
        before: { name: 'Batik Sekar', turnover: 150_000_000, employees: 4, updated_at: 'a' },
        after: { name: 'Batik Sekar', turnover: 180_000_000, employees: 5, updated_at: 'b' },
      }),
    ).toEqual([
      { field: 'turnover', before: 150_000_000, after: 180_000_000 },
      { field: 'employees', before: 4, after: 5 },
    ]);
  });

  it('lists what a creation filled in, and a cleared value as null', () => {
    expect(changesOf({ before: null, after: { name: 'X', nib: null, id: 7 } })).toEqual([
      { field: 'name', before: null, after: 'X' },
    ]);
    expect(changesOf({ before: { nib: '1234567890123' }, after: { nib: null } })).toEqual([
      { field: 'nib', before: '1234567890123', after: null },
    ]);
  });

  it('compares nested values by content, not by identity', () => {
    expect(
      changesOf({ before: { owner: { id: 1, name: 'A' } }, after: { owner: { id: 1, name: 'A' } } }),
    ).toEqual([]);
  });

  it('takes fields that appear only before the change too', () => {
    expect(changesOf({ before: { products: 'kain' }, after: {} })).toEqual([
      { field: 'products', before: 'kain', after: null },
    ]);
  });
});

describe('actorOf', () => {
  it('reads the actor, and null for the system', () => {
    expect(actorOf({ actor: { id: 2, username: 'dinas1' } })).toBe('dinas1');
    expect(actorOf({ actor: null })).toBeNull();
  });
});
