// User administration (admin only): the accounts, their role and scope, their API tokens.
import type { Schemas } from '../../../lib/api/schemas';
import type { Role, Scope, ScopeKind, User } from '../../../lib/user';

export type { Role, Scope, ScopeKind, User };
export type UserPage = Schemas['UserPage'];
export type UserCreate = Schemas['UserCreate'];
export type UserUpdate = Schemas['UserUpdate'];
export type TemporaryPassword = Schemas['TemporaryPassword'];
export type ApiToken = Schemas['ApiToken'];
export type ApiTokenList = Schemas['ApiTokenList'];
export type ApiTokenInput = Schemas['ApiTokenInput'];
export type IssuedApiToken = Schemas['IssuedApiToken'];
export type Stakeholder = Schemas['Stakeholder'];
export type StakeholderPage = Schemas['StakeholderPage'];
export type Group = Schemas['Group'];
export type GroupPage = Schemas['GroupPage'];

/**
 * The kind of record a role's scope points to, as the server checks it: an officer works for a
 * stakeholder, a facilitator for a programme, a group's leader, mentor and members for their group;
 * an admin has no scope at all.
 */
export function scopeKindFor(role: Role): ScopeKind | null {
  switch (role) {
    case 'admin':
      return null;
    case 'officer':
      return 'stakeholder';
    case 'facilitator':
      return 'programme';
    case 'group_leader':
    case 'mentor':
    case 'member':
      return 'group';
  }
}

/** The kinds the API lets us list, so that the admin picks one by name instead of typing a number. */
export type ListableScopeKind = Exclude<ScopeKind, 'programme'>;

export function isListable(kind: ScopeKind): kind is ListableScopeKind {
  return kind !== 'programme';
}

/** A record a scope may point to, as the picker shows it. */
export interface ScopeTarget {
  kind: ScopeKind;
  id: number;
  name: string;
  /** A second line that tells records with similar names apart (a region, a kind). */
  detail: string | null;
}

/** "stakeholder:3": the key of a scope in maps of names. */
export function scopeKey(scope: Pick<NonNullable<Scope>, 'kind' | 'id'>): string {
  return `${scope.kind}:${scope.id}`;
}

/** How a user's scope reads: the kind and the record's name, the number while the name is unknown. */
export type ScopeLabel =
  | { kind: 'all' }
  | { kind: 'unset' }
  | { kind: 'named'; scopeKind: ScopeKind; name: string }
  | { kind: 'numbered'; scopeKind: ScopeKind; id: number };

/**
 * What to say about a user's scope: an admin sees all data; any other role without a scope has
 * none set; with one, the record's name when known (`names`, by scopeKey), else its number.
 */
export function scopeLabel(user: Pick<User, 'role' | 'scope'>, names: ReadonlyMap<string, string>): ScopeLabel {
  if (!user.scope) return user.role === 'admin' ? { kind: 'all' } : { kind: 'unset' };
  const name = names.get(scopeKey(user.scope));
  return name !== undefined
    ? { kind: 'named', scopeKind: user.scope.kind, name }
    : { kind: 'numbered', scopeKind: user.scope.kind, id: user.scope.id };
}

/** The scopes whose names a list needs, each once (programmes cannot be read by name). */
export function scopesToName(users: readonly Pick<User, 'scope'>[]): { kind: ListableScopeKind; id: number }[] {
  const seen = new Map<string, { kind: ListableScopeKind; id: number }>();
  for (const user of users) {
    const scope = user.scope;
    if (scope && isListable(scope.kind)) seen.set(scopeKey(scope), { kind: scope.kind, id: scope.id });
  }
  return [...seen.values()];
}

/** Tokens as the page lists them: those still in use first, newest first within each part. */
export function sortTokens(tokens: readonly ApiToken[]): ApiToken[] {
  const time = (iso: string) => Date.parse(iso) || 0;
  return [...tokens].sort((a, b) => {
    const revoked = Number(a.revoked_at !== null) - Number(b.revoked_at !== null);
    return revoked !== 0 ? revoked : time(b.created_at) - time(a.created_at) || b.id - a.id;
  });
}

/** The token as a list may keep it: never with its secret. */
export function withoutSecret(issued: IssuedApiToken): ApiToken {
  return { id: issued.id, name: issued.name, created_at: issued.created_at, revoked_at: issued.revoked_at };
}
