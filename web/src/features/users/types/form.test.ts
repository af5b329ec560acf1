import { describe, expect, it } from 'vitest';
import { OFFICER } from '../../../test/users';
import {
  accessPatch,
  draftFromUser,
  emptyNewUserDraft,
  scopeOf,
  validateAccess,
  validateNewUser,
  validateTokenName,
  withRole,
  type NewUserDraft,
} from './form';

const draft = (overrides: Partial<NewUserDraft>): NewUserDraft => ({
  ...emptyNewUserDraft(),
  username: 'siti.rahayu',
  password: 'kata sandi yang panjang',
  password_confirm: 'kata sandi yang panjang',
  ...overrides,
});

describe('validateNewUser', () => {
  it('asks for a username, a role and a password of at least 12 characters', () => {
    const { errors, input } = validateNewUser(emptyNewUserDraft());
    expect(input).toBeNull();
    expect(errors.username).toEqual(['users.form.usernameRequired']);
    expect(errors.role).toEqual(['users.form.roleRequired']);
    expect(errors.password).toEqual([{ key: 'users.form.passwordTooShort', values: { count: 12 } }]);
  });

  it('refuses a username the server would refuse: capitals, spaces, too short', () => {
    expect(validateNewUser(draft({ username: 'Siti Rahayu', role: 'member' })).errors.username).toEqual(['users.form.usernameFormat']);
    expect(validateNewUser(draft({ username: 'ab', role: 'member' })).errors.username).toEqual([
      { key: 'users.form.usernameLength', values: { min: 3, max: 32 } },
    ]);
  });

  it('counts the password in characters, not bytes, and wants it repeated the same', () => {
    const emoji = '🌾'.repeat(12);
    expect(validateNewUser(draft({ role: 'admin', password: emoji, password_confirm: emoji })).input).not.toBeNull();
    expect(validateNewUser(draft({ role: 'admin', password_confirm: 'lain' })).errors.password_confirm).toEqual([
      'users.form.passwordMismatch',
    ]);
  });

  it('sends the chosen stakeholder as an officer’s scope and leaves an empty name out', () => {
    const { input } = validateNewUser(draft({ role: 'officer', target: { kind: 'stakeholder', id: 3, name: 'Dinas' } }));
    expect(input).toEqual({
      username: 'siti.rahayu',
      role: 'officer',
      password: 'kata sandi yang panjang',
      scope: { kind: 'stakeholder', id: 3 },
    });
  });

  it('sends a typed programme number for a facilitator, and refuses one that is not a number', () => {
    expect(validateNewUser(draft({ role: 'facilitator', programme: ' 3 ', display_name: ' Siti ' })).input).toMatchObject({
      display_name: 'Siti',
      scope: { kind: 'programme', id: 3 },
    });
    expect(validateNewUser(draft({ role: 'facilitator', programme: 'tiga' })).errors.scope).toEqual(['users.form.programmeInvalid']);
  });
});

describe('withRole and scopeOf', () => {
  const leader = { ...emptyNewUserDraft(), role: 'group_leader' as const, target: { kind: 'group' as const, id: 7, name: 'Harapan' } };

  it('keeps the group when a leader becomes a member, and drops it when she becomes an officer', () => {
    expect(withRole(leader, 'member').target).toEqual(leader.target);
    expect(withRole(leader, 'officer').target).toBeNull();
    expect(scopeOf(withRole(leader, 'admin'))).toEqual({ scope: null });
  });

  it('never sends a picked record whose kind does not fit the role', () => {
    expect(scopeOf({ ...leader, role: 'officer' })).toEqual({ scope: null });
  });
});

describe('accessPatch', () => {
  it('sends only what changed', () => {
    const { input } = validateAccess({ ...draftFromUser(OFFICER, new Map()), display_name: 'Budi S.' });
    expect(accessPatch(OFFICER, input!)).toEqual({ display_name: 'Budi S.' });
  });

  it('sends the new role with its new scope, and scope null to take a scope away', () => {
    const toMember = withRole(draftFromUser(OFFICER, new Map()), 'member');
    const { input } = validateAccess({ ...toMember, target: { kind: 'group', id: 7, name: 'Harapan' } });
    expect(accessPatch(OFFICER, input!)).toEqual({ role: 'member', scope: { kind: 'group', id: 7 } });
    const cleared = validateAccess({ ...draftFromUser(OFFICER, new Map()), target: null });
    expect(accessPatch(OFFICER, cleared.input!)).toEqual({ scope: null });
  });

  it('refuses an emptied name', () => {
    expect(validateAccess({ ...draftFromUser(OFFICER, new Map()), display_name: '  ' }).errors.display_name).toEqual([
      'users.form.displayNameRequired',
    ]);
  });

  it('opens on the stakeholder by name when the name is known', () => {
    expect(draftFromUser(OFFICER, new Map([['stakeholder:3', 'Dinas Koperasi']])).target).toEqual({
      kind: 'stakeholder',
      id: 3,
      name: 'Dinas Koperasi',
    });
  });
});

describe('validateTokenName', () => {
  it('wants 1 to 100 characters, trimmed', () => {
    expect(validateTokenName({ name: '  ' }).errors).toEqual({ name: ['users.tokens.nameRequired'] });
    expect(validateTokenName({ name: 'x'.repeat(101) }).errors.name).toEqual([{ key: 'users.tokens.nameTooLong', values: { count: 100 } }]);
    expect(validateTokenName({ name: ' laporan dinas ' }).input).toEqual({ name: 'laporan dinas' });
  });
});
