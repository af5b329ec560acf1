// The users feature's reads and writes through TanStack Query, keyed by `userKeys`. The answers
// that carry a secret (a temporary password, a new token) are never put in the cache: the page
// holds them in its own state until the admin has taken them, and forgets them then.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { userKeys } from '../api/keys';
import {
  createUser,
  getUser,
  issueToken,
  listAllUsers,
  listTokens,
  resetPassword,
  revokeToken,
  scopeTargetName,
  searchScopeTargets,
  updateUser,
} from '../api/users';
import { scopeKey, scopesToName, type ApiTokenInput, type ListableScopeKind, type User, type UserCreate, type UserUpdate } from '../types';

/** A form's submission: the body, and the Idempotency-Key its retries share. */
export interface Submission<Body> {
  body: Body;
  idempotencyKey?: string | undefined;
}

/** Names of stakeholders and groups change rarely: a page asks again after five minutes. */
const NAMES_STALE_MS = 5 * 60 * 1000;

export function useUserList() {
  return useQuery({ queryKey: userKeys.list(), queryFn: ({ signal }) => listAllUsers(signal) });
}

/** One account (null: nothing to load, e.g. a bad id in the address). */
export function useUser(id: number | null) {
  return useQuery({ queryKey: userKeys.view(id ?? 0), queryFn: ({ signal }) => getUser(id!, signal), enabled: id !== null });
}

export function useUserTokens(id: number) {
  return useQuery({ queryKey: userKeys.tokens(id), queryFn: ({ signal }) => listTokens(id, signal) });
}

export function useScopeTargets(kind: ListableScopeKind, q: string) {
  return useQuery({
    queryKey: userKeys.scopeTargets(kind, q),
    queryFn: ({ signal }) => searchScopeTargets(kind, q, signal),
    staleTime: NAMES_STALE_MS,
  });
}

/** The names of the stakeholders and groups the users' scopes point to, by scopeKey, as they arrive. */
export function useScopeNames(users: readonly Pick<User, 'scope'>[]): ReadonlyMap<string, string> {
  const scopes = scopesToName(users);
  const results = useQueries({
    queries: scopes.map((scope) => ({
      queryKey: userKeys.scopeName(scope.kind, scope.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => scopeTargetName(scope.kind, scope.id, signal),
      staleTime: NAMES_STALE_MS,
    })),
  });
  const names = results.map((result) => result.data);
  const key = JSON.stringify([scopes, names]);
  return useMemo(() => {
    const map = new Map<string, string>();
    scopes.forEach((scope, i) => {
      const name = names[i];
      if (name !== undefined) map.set(scopeKey(scope), name);
    });
    return map;
    // `key` stands for scopes and names: a new map only when one of them changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<UserCreate>) => createUser(body, idempotencyKey),
    onSuccess: (user) => {
      client.setQueryData(userKeys.view(user.id), user);
      void client.invalidateQueries({ queryKey: userKeys.list() });
    },
  });
}

/** A change to an account (an edit that changes nothing sends nothing): its page shows the answer, the list reloads. */
export function useUpdateUser(original: User) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UserUpdate) => (Object.keys(patch).length > 0 ? updateUser(original.id, patch) : Promise.resolve(original)),
    onSuccess: (user) => {
      client.setQueryData(userKeys.view(user.id), user);
      void client.invalidateQueries({ queryKey: userKeys.list() });
    },
  });
}

/** The temporary password is the caller's to show once: `gcTime: 0` keeps no copy after the page lets go. */
export function useResetPassword(id: number) {
  return useMutation({ mutationFn: () => resetPassword(id), gcTime: 0 });
}

/** A new token: the list reloads from the server (which never sends the secret again). */
export function useIssueToken(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Submission<ApiTokenInput>) => issueToken(id, body, idempotencyKey),
    gcTime: 0,
    onSuccess: () => void client.invalidateQueries({ queryKey: userKeys.tokens(id) }),
  });
}

export function useRevokeToken(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: number) => revokeToken(id, tokenId),
    onSuccess: () => void client.invalidateQueries({ queryKey: userKeys.tokens(id) }),
  });
}
