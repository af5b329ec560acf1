// The signed-in user as the API describes it (GET /api/v1/me). Shared by the
// shell, the auth feature and the account feature, so it lives in lib/.

import { valuesOf, type Schemas } from './api/schemas';

export type Role = Schemas['Role'];
export const ROLES = valuesOf<Role>()(['admin', 'officer', 'facilitator', 'group_leader', 'mentor', 'member']);

export type Scope = NonNullable<Schemas['Scope']>;
export type ScopeKind = Scope['kind'];
export const SCOPE_KINDS = valuesOf<ScopeKind>()(['stakeholder', 'programme', 'group']);

export type User = Schemas['User'];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isScopeKind(value: string): value is ScopeKind {
  return (SCOPE_KINDS as readonly string[]).includes(value);
}
