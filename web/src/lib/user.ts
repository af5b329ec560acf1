// The signed-in user as the API describes it (GET /api/v1/me). Shared by the
// shell, the auth feature and the account feature, so it lives in lib/.

export const ROLES = ['admin', 'officer', 'facilitator', 'group_leader', 'mentor', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_KINDS = ['stakeholder', 'programme', 'group'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface Scope {
  kind: ScopeKind;
  id: number;
}

export interface User {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  scope: Scope | null;
  disabled: boolean;
  created_at: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isScopeKind(value: string): value is ScopeKind {
  return (SCOPE_KINDS as readonly string[]).includes(value);
}
