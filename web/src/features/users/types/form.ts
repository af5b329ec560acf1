// The user forms' drafts and their checks, as the server makes them (GET/POST/PATCH /users).
import type { Checked } from '../../../lib/use-form';
import type { LocalProblems } from '../../../lib/use-form-errors';
import { isListable, scopeKindFor, type Role, type Scope, type ScopeKind, type User, type UserCreate, type UserUpdate } from './index';

/** The server's limits, in characters (Unicode code points). */
export const USERNAME_PATTERN = /^[a-z0-9._-]+$/;
export const MIN_USERNAME = 3;
export const MAX_USERNAME = 32;
export const MAX_DISPLAY_NAME = 100;
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 1024;
export const MAX_TOKEN_NAME = 100;

/** A record chosen as the scope; its name is null while it is not known yet (an edit opening). */
export interface ScopePick {
  kind: ScopeKind;
  id: number;
  name: string | null;
}

/** What the role and scope part of both forms holds. */
export interface AccessDraft {
  display_name: string;
  role: Role | '';
  /** The stakeholder or group chosen in the picker. */
  target: ScopePick | null;
  /** A programme's number, typed: the API has no list of programmes to choose from. */
  programme: string;
}

export interface NewUserDraft extends AccessDraft {
  username: string;
  password: string;
  password_confirm: string;
}

export type AccessField = 'display_name' | 'role' | 'scope';
export type NewUserField = AccessField | 'username' | 'password' | 'password_confirm';

/** What an edit sends when it is valid: every field, from which `accessPatch` keeps what changed. */
export interface AccessInput {
  display_name: string;
  role: Role;
  scope: Scope | null;
}

const length = (text: string) => [...text].length;

export function emptyNewUserDraft(): NewUserDraft {
  return { username: '', display_name: '', role: '', target: null, programme: '', password: '', password_confirm: '' };
}

/** The edit form opening on a user: `names` gives the name of her stakeholder or group when known. */
export function draftFromUser(user: User, names: ReadonlyMap<string, string>): AccessDraft {
  const scope = user.scope;
  return {
    display_name: user.display_name,
    role: user.role,
    target: scope && isListable(scope.kind) ? { ...scope, name: names.get(`${scope.kind}:${scope.id}`) ?? null } : null,
    programme: scope?.kind === 'programme' ? String(scope.id) : '',
  };
}

/**
 * A new role keeps the chosen scope only when it points to the kind of record the role works for
 * (a leader who becomes a member keeps her group; an officer who becomes a facilitator does not).
 */
export function withRole<D extends AccessDraft>(draft: D, role: Role | ''): D {
  const kind = role === '' ? null : scopeKindFor(role);
  return {
    ...draft,
    role,
    target: draft.target && draft.target.kind === kind ? draft.target : null,
    programme: kind === 'programme' ? draft.programme : '',
  };
}

/** The scope the draft's choices make for its role, or the problem with the programme's number. */
export function scopeOf(draft: AccessDraft): { scope: Scope | null } | { problem: 'users.form.programmeInvalid' } {
  const kind = draft.role === '' ? null : scopeKindFor(draft.role);
  if (kind === null) return { scope: null };
  if (kind === 'programme') {
    const text = draft.programme.trim();
    if (text === '') return { scope: null };
    const id = Number(text);
    return /^\d+$/.test(text) && Number.isSafeInteger(id) && id > 0 ? { scope: { kind, id } } : { problem: 'users.form.programmeInvalid' };
  }
  return { scope: draft.target && draft.target.kind === kind ? { kind, id: draft.target.id } : null };
}

function checkAccess(draft: AccessDraft, nameRequired: boolean): { errors: LocalProblems<AccessField>; scope: Scope | null } {
  const errors: LocalProblems<AccessField> = {};
  const name = draft.display_name.trim();
  if (nameRequired && name === '') errors.display_name = ['users.form.displayNameRequired'];
  else if (length(name) > MAX_DISPLAY_NAME) errors.display_name = [{ key: 'users.form.displayNameTooLong', values: { count: MAX_DISPLAY_NAME } }];
  if (draft.role === '') errors.role = ['users.form.roleRequired'];
  const made = scopeOf(draft);
  if ('problem' in made) errors.scope = [made.problem];
  return { errors, scope: 'scope' in made ? made.scope : null };
}

/** A new account: username and password as the server requires them, a role, a scope that fits it. */
export function validateNewUser(draft: NewUserDraft): Checked<NewUserField, UserCreate> {
  const access = checkAccess(draft, false);
  const errors: LocalProblems<NewUserField> = { ...access.errors };
  const username = draft.username.trim();
  if (username === '') errors.username = ['users.form.usernameRequired'];
  else if (length(username) < MIN_USERNAME || length(username) > MAX_USERNAME) {
    errors.username = [{ key: 'users.form.usernameLength', values: { min: MIN_USERNAME, max: MAX_USERNAME } }];
  } else if (!USERNAME_PATTERN.test(username)) errors.username = ['users.form.usernameFormat'];
  if (length(draft.password) < MIN_PASSWORD) errors.password = [{ key: 'users.form.passwordTooShort', values: { count: MIN_PASSWORD } }];
  else if (length(draft.password) > MAX_PASSWORD) errors.password = [{ key: 'users.form.passwordTooLong', values: { count: MAX_PASSWORD } }];
  else if (draft.password_confirm !== draft.password) errors.password_confirm = ['users.form.passwordMismatch'];
  if (Object.keys(errors).length > 0 || draft.role === '') return { errors, input: null };
  const input: UserCreate = { username, role: draft.role, password: draft.password };
  const name = draft.display_name.trim();
  // Left out, the server names the account after its username.
  if (name !== '') input.display_name = name;
  if (access.scope) input.scope = access.scope;
  return { errors, input };
}

/** A change of name, role and scope: the name may not be emptied. */
export function validateAccess(draft: AccessDraft): Checked<AccessField, AccessInput> {
  const { errors, scope } = checkAccess(draft, true);
  if (Object.keys(errors).length > 0 || draft.role === '') return { errors, input: null };
  return { errors, input: { display_name: draft.display_name.trim(), role: draft.role, scope } };
}

const sameScope = (a: Scope | null, b: Scope | null) => (a === null || b === null ? a === b : a.kind === b.kind && a.id === b.id);

/** Only what changed, for PATCH /users/{id}; `scope: null` takes the scope away. */
export function accessPatch(original: User, input: AccessInput): UserUpdate {
  const patch: UserUpdate = {};
  if (input.display_name !== original.display_name) patch.display_name = input.display_name;
  if (input.role !== original.role) patch.role = input.role;
  if (!sameScope(input.scope, original.scope)) patch.scope = input.scope;
  return patch;
}

/** A token's name says what it is for: 1 to 100 characters. */
export function validateTokenName(draft: { name: string }): Checked<'name', { name: string }> {
  const name = draft.name.trim();
  if (name === '') return { errors: { name: ['users.tokens.nameRequired'] }, input: null };
  if (length(name) > MAX_TOKEN_NAME) return { errors: { name: [{ key: 'users.tokens.nameTooLong', values: { count: MAX_TOKEN_NAME } }] }, input: null };
  return { errors: {}, input: { name } };
}
