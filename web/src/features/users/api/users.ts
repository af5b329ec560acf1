import { api, withSignal } from '../../../lib/api-client';
import { formatPlacePath } from '../../../lib/places';
import { MAX_PAGE_SIZE, readAllPages } from '../../../lib/page';
import type {
  ApiToken,
  ApiTokenInput,
  ApiTokenList,
  Group,
  GroupPage,
  IssuedApiToken,
  ListableScopeKind,
  ScopeTarget,
  Stakeholder,
  StakeholderPage,
  TemporaryPassword,
  User,
  UserCreate,
  UserPage,
  UserUpdate,
} from '../types';

/** Guard against a server that keeps reporting a larger total. */
const MAX_PAGES = 50;

/** Every account (GET /users, page after page): the list is searched and filtered in the browser. */
export function listAllUsers(signal?: AbortSignal): Promise<User[]> {
  return readAllPages((offset) => api.get<UserPage>('/users', { query: { limit: MAX_PAGE_SIZE, offset }, ...withSignal(signal) }), MAX_PAGES);
}

export function getUser(id: number, signal?: AbortSignal): Promise<User> {
  return api.get<User>(`/users/${id}`, withSignal(signal));
}

export function createUser(body: UserCreate, idempotencyKey?: string): Promise<User> {
  return api.post<User>('/users', body, { idempotencyKey });
}

export function updateUser(id: number, patch: UserUpdate): Promise<User> {
  return api.patch<User>(`/users/${id}`, patch);
}

/** A new temporary password, answered this once; the user is signed out everywhere. */
export function resetPassword(id: number): Promise<TemporaryPassword> {
  return api.post<TemporaryPassword>(`/users/${id}/password-reset`);
}

export async function listTokens(userId: number, signal?: AbortSignal): Promise<ApiToken[]> {
  const list = await api.get<ApiTokenList>(`/users/${userId}/tokens`, withSignal(signal));
  return list.items;
}

/** A new token, its secret answered this once. */
export function issueToken(userId: number, body: ApiTokenInput, idempotencyKey?: string): Promise<IssuedApiToken> {
  return api.post<IssuedApiToken>(`/users/${userId}/tokens`, body, { idempotencyKey });
}

export function revokeToken(userId: number, tokenId: number): Promise<void> {
  return api.delete<void>(`/users/${userId}/tokens/${tokenId}`);
}

const SCOPE_PAGE = 20;

function stakeholderTarget(s: Stakeholder): ScopeTarget {
  return { kind: 'stakeholder', id: s.id, name: s.name, detail: s.region ? formatPlacePath(s.region) : null };
}

function groupTarget(g: Group): ScopeTarget {
  return { kind: 'group', id: g.id, name: g.name, detail: g.village ? formatPlacePath(g.village) : null };
}

/**
 * The stakeholders or groups whose name holds `q` (the first ones by name when `q` is empty), for
 * the scope picker. The stakeholder search needs two letters; one letter lists the first ones.
 */
export async function searchScopeTargets(kind: ListableScopeKind, q: string, signal?: AbortSignal) {
  const text = q.trim();
  if (kind === 'stakeholder') {
    const page = await api.get<StakeholderPage>('/stakeholders', {
      query: { q: [...text].length >= 2 ? text : null, limit: SCOPE_PAGE },
      ...withSignal(signal),
    });
    return { items: page.items.map(stakeholderTarget), total: page.total };
  }
  const page = await api.get<GroupPage>('/groups', { query: { q: text || null, limit: SCOPE_PAGE }, ...withSignal(signal) });
  return { items: page.items.map(groupTarget), total: page.total };
}

/** The name of the stakeholder or group a scope points to. */
export async function scopeTargetName(kind: ListableScopeKind, id: number, signal?: AbortSignal): Promise<string> {
  const path = kind === 'stakeholder' ? `/stakeholders/${id}` : `/groups/${id}`;
  const record = await api.get<{ name: string }>(path, withSignal(signal));
  return record.name;
}
