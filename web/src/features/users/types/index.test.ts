import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../lib/user';
import { scopeKindFor, scopeLabel, scopesToName, sortTokens, withoutSecret, type ApiToken } from './index';

describe('scopeKindFor', () => {
  it('binds each role to the kind of record the server checks: none for an admin', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, scopeKindFor(role)]))).toEqual({
      admin: null,
      officer: 'stakeholder',
      facilitator: 'programme',
      group_leader: 'group',
      mentor: 'group',
      member: 'group',
    });
  });
});

describe('scopeLabel', () => {
  const names = new Map([['stakeholder:3', 'Dinas Koperasi Kota Batu']]);

  it('says an admin sees all data and any other role without a scope has none set', () => {
    expect(scopeLabel({ role: 'admin', scope: null }, names)).toEqual({ kind: 'all' });
    expect(scopeLabel({ role: 'facilitator', scope: null }, names)).toEqual({ kind: 'unset' });
  });

  it('names the record when its name is known, and gives its number until then', () => {
    expect(scopeLabel({ role: 'officer', scope: { kind: 'stakeholder', id: 3 } }, names)).toEqual({
      kind: 'named',
      scopeKind: 'stakeholder',
      name: 'Dinas Koperasi Kota Batu',
    });
    expect(scopeLabel({ role: 'member', scope: { kind: 'group', id: 3 } }, names)).toEqual({
      kind: 'numbered',
      scopeKind: 'group',
      id: 3,
    });
  });
});

describe('scopesToName', () => {
  it('asks once for each stakeholder and group, and never for a programme (it cannot be read)', () => {
    expect(
      scopesToName([
        { scope: { kind: 'stakeholder', id: 3 } },
        { scope: { kind: 'group', id: 7 } },
        { scope: { kind: 'stakeholder', id: 3 } },
        { scope: { kind: 'programme', id: 1 } },
        { scope: null },
      ]),
    ).toEqual([
      { kind: 'stakeholder', id: 3 },
      { kind: 'group', id: 7 },
    ]);
  });
});

describe('tokens', () => {
  const token = (id: number, created: string, revoked: string | null): ApiToken => ({ id, name: `t${id}`, created_at: created, revoked_at: revoked });

  it('lists tokens in use first, newest first, and revoked ones after them', () => {
    const sorted = sortTokens([
      token(1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z'),
      token(2, '2026-03-01T00:00:00Z', null),
      token(3, '2026-04-01T00:00:00Z', '2026-04-02T00:00:00Z'),
      token(4, '2026-01-15T00:00:00Z', null),
    ]);
    expect(sorted.map((t) => t.id)).toEqual([2, 4, 3, 1]);
  });

  it('drops the secret from an issued token', () => {
    const kept = withoutSecret({ ...token(5, '2026-05-01T00:00:00Z', null), token: 'gtk_secret' });
    expect(kept).toEqual(token(5, '2026-05-01T00:00:00Z', null));
    expect(JSON.stringify(kept)).not.toContain('gtk_secret');
  });
});
