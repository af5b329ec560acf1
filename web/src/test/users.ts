// Sample accounts for the users pages' tests, as GET /users answers them.
import type { User } from '../features/users/types';

/** An account: the administrator unless `overrides` say otherwise. */
export function user(overrides: Partial<User> = {}): User {
  return {
    id: 1,
    username: 'admin',
    display_name: 'Administrator',
    role: 'admin',
    scope: null,
    disabled: false,
    created_at: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

/** Budi Santoso, an officer of the Dinas Koperasi Kota Batu (stakeholder 3). */
export const OFFICER = user({ id: 12, username: 'dinas1', display_name: 'Budi Santoso', role: 'officer', scope: { kind: 'stakeholder', id: 3 } });
