// The users feature's query keys. Everything about one account sits under `userKeys.user(id)`.
import type { ListableScopeKind } from '../types';

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  user: (id: number) => [...userKeys.all, 'user', id] as const,
  view: (id: number) => [...userKeys.user(id), 'view'] as const,
  tokens: (id: number) => [...userKeys.user(id), 'tokens'] as const,
  /** The stakeholders or groups a scope picker offers for a search. */
  scopeTargets: (kind: ListableScopeKind, q: string) => [...userKeys.all, 'scope-targets', kind, q] as const,
  /** The name of the stakeholder or group a scope points to. */
  scopeName: (kind: ListableScopeKind, id: number) => [...userKeys.all, 'scope-name', kind, id] as const,
};
