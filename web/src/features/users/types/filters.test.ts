import { describe, expect, it } from 'vitest';
import type { User } from './index';
import { filterUsers, filtersFromSearchParams, filtersToSearchParams, PAGE_SIZE, pageOf } from './filters';

function user(id: number, username: string, display_name: string, role: User['role'], disabled = false): User {
  return { id, username, display_name, role, scope: null, disabled, created_at: '2026-01-01T00:00:00Z' };
}

const USERS = [
  user(1, 'admin', 'Administrator', 'admin'),
  user(2, 'siti.rahayu', 'Siti Rahayu', 'facilitator'),
  user(3, 'dinas1', 'Budi Santoso', 'officer'),
  user(4, 'dinas2', 'Sití Aminah', 'officer', true),
];

describe('user list filters in the address', () => {
  it('round-trip search, role, status and page', () => {
    const filters = { q: 'siti', role: 'officer' as const, status: 'disabled' as const, offset: PAGE_SIZE };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('q=siti&role=officer&status=disabled&page=2');
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('drops unknown roles and statuses and broken page numbers', () => {
    expect(filtersFromSearchParams(new URLSearchParams('role=boss&status=gone&page=-3&q=%20a%20'))).toEqual({
      q: 'a',
      role: null,
      status: null,
      offset: 0,
    });
  });
});

describe('filterUsers', () => {
  it('finds every word of the search in the username or name, ignoring case and accents', () => {
    expect(filterUsers(USERS, { q: 'SITI', role: null, status: null }).map((u) => u.id)).toEqual([2, 4]);
    expect(filterUsers(USERS, { q: 'dinas budi', role: null, status: null }).map((u) => u.id)).toEqual([3]);
  });

  it('keeps one role and active or disabled accounts', () => {
    expect(filterUsers(USERS, { q: '', role: 'officer', status: null }).map((u) => u.id)).toEqual([3, 4]);
    expect(filterUsers(USERS, { q: '', role: 'officer', status: 'active' }).map((u) => u.id)).toEqual([3]);
    expect(filterUsers(USERS, { q: '', role: null, status: 'disabled' }).map((u) => u.id)).toEqual([4]);
  });
});

describe('pageOf', () => {
  const items = Array.from({ length: PAGE_SIZE + 3 }, (_, i) => i);

  it('cuts one page out of the filtered list', () => {
    expect(pageOf(items, PAGE_SIZE)).toEqual({ items: [PAGE_SIZE, PAGE_SIZE + 1, PAGE_SIZE + 2], offset: PAGE_SIZE });
  });

  it('shows the last page when the address points past the end (a filter made the list shorter)', () => {
    expect(pageOf(items, PAGE_SIZE * 4).offset).toBe(PAGE_SIZE);
    expect(pageOf([], 50)).toEqual({ items: [], offset: 0 });
  });
});
