// The user list's search and filters live in the address (/users?q=siti&role=officer&status=active).
// GET /users has no search or filter parameters, only pages: the page reads every account (an
// office has tens, not thousands) and filters them here.
import { offsetFromAddress, searchFromAddress, setAddressPage } from '../../../lib/page';
import { isRole, type Role } from '../../../lib/user';
import type { User } from './index';

export const PAGE_SIZE = 25;
export const MAX_Q = 100;

export const USER_STATUSES = ['active', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export interface UserFilters {
  q: string;
  role: Role | null;
  status: UserStatus | null;
  offset: number;
}

export function isUserStatus(value: string): value is UserStatus {
  return (USER_STATUSES as readonly string[]).includes(value);
}

/** Unknown words and broken numbers in the address are dropped. */
export function filtersFromSearchParams(params: URLSearchParams): UserFilters {
  const role = params.get('role') ?? '';
  const status = params.get('status') ?? '';
  return {
    q: searchFromAddress(params, MAX_Q),
    role: isRole(role) ? role : null,
    status: isUserStatus(status) ? status : null,
    offset: offsetFromAddress(params, PAGE_SIZE),
  };
}

export function filtersToSearchParams(filters: UserFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.role) params.set('role', filters.role);
  if (filters.status) params.set('status', filters.status);
  setAddressPage(params, filters.offset, PAGE_SIZE);
  return params;
}

/** Lower case without accents, so "Sití" finds "siti". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('id');
}

/** The users matching the filters: `q` in the username or the name, the role, active or disabled. */
export function filterUsers(users: readonly User[], filters: Pick<UserFilters, 'q' | 'role' | 'status'>): User[] {
  const words = fold(filters.q).split(/\s+/).filter(Boolean);
  return users.filter((user) => {
    if (filters.role && user.role !== filters.role) return false;
    if (filters.status === 'active' && user.disabled) return false;
    if (filters.status === 'disabled' && !user.disabled) return false;
    const text = fold(`${user.username} ${user.display_name}`);
    return words.every((word) => text.includes(word));
  });
}

/** One page of the filtered list; a page past the end shows the last one. */
export function pageOf<T>(items: readonly T[], offset: number): { items: T[]; offset: number } {
  const last = items.length === 0 ? 0 : Math.floor((items.length - 1) / PAGE_SIZE) * PAGE_SIZE;
  const start = Math.min(Math.max(0, offset), last);
  return { items: items.slice(start, start + PAGE_SIZE), offset: start };
}
