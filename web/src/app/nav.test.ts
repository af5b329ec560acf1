import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../lib/user';
import { NAV_ITEMS, navItemsFor } from './nav';

const paths = (role: Role) => navItemsFor(role).map((item) => item.path);

describe('navItemsFor', () => {
  it('gives admin and officer the registry, the renewal worklist, imports and stakeholders', () => {
    for (const role of ['admin', 'officer'] as const) {
      expect(paths(role)).toEqual(expect.arrayContaining(['/registry', '/renewal', '/imports', '/stakeholders']));
    }
  });

  it('gives those who read the registry its business owners, right after it', () => {
    for (const role of ['admin', 'officer', 'facilitator'] as const) {
      const own = paths(role);
      expect(own[own.indexOf('/registry') + 1]).toBe('/people');
    }
    for (const role of ['group_leader', 'mentor', 'member'] as const) expect(paths(role)).not.toContain('/people');
  });

  it('lets a facilitator read the registry but not renew data or import', () => {
    expect(paths('facilitator')).toContain('/registry');
    expect(paths('facilitator')).not.toContain('/renewal');
    expect(paths('facilitator')).not.toContain('/imports');
    expect(paths('facilitator')).toContain('/stakeholders');
  });

  it('hides the registry, renewal and imports from group roles', () => {
    for (const role of ['group_leader', 'mentor', 'member'] as const) {
      expect(paths(role)).not.toContain('/registry');
      expect(paths(role)).not.toContain('/renewal');
      expect(paths(role)).not.toContain('/imports');
      expect(paths(role)).toContain('/stakeholders');
    }
  });

  it('shows users, the audit log and the regions to an admin alone, before the account', () => {
    expect(paths('admin').slice(-4)).toEqual(['/users', '/audit', '/regions', '/account']);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(paths(role)).not.toEqual(expect.arrayContaining(['/users']));
      expect(paths(role)).not.toContain('/audit');
      expect(paths(role)).not.toContain('/regions');
    }
  });

  it('shows the catalogue of competencies to every role, after the groups', () => {
    for (const role of ROLES) {
      const list = paths(role);
      expect(list.indexOf('/competencies')).toBe(list.indexOf('/groups') + 1);
    }
  });

  it('lists only pages that exist: no area that is still to come', () => {
    for (const path of ['/mentoring', '/reports']) {
      expect(NAV_ITEMS.map((item) => item.path)).not.toContain(path);
    }
  });

  it('shows the programmes to admin, officer and facilitator, after mentor matching', () => {
    for (const role of ['admin', 'officer', 'facilitator'] as const) {
      const list = paths(role);
      expect(list.indexOf('/programmes')).toBe(list.indexOf('/matching') + 1);
    }
    for (const role of ['group_leader', 'mentor', 'member'] as const) expect(paths(role)).not.toContain('/programmes');
  });

  it('shows the dashboards to admin, officer and facilitator, right after the programmes', () => {
    for (const role of ['admin', 'officer', 'facilitator'] as const) {
      const list = paths(role);
      expect(list.indexOf('/dashboards')).toBe(list.indexOf('/programmes') + 1);
    }
    for (const role of ['group_leader', 'mentor', 'member'] as const) expect(paths(role)).not.toContain('/dashboards');
  });

  it('shows a member and a group leader their own programme selections, after the programmes', () => {
    for (const role of ['group_leader', 'member'] as const) expect(paths(role)).toContain('/selections');
    for (const role of ['admin', 'officer', 'facilitator', 'mentor'] as const) expect(paths(role)).not.toContain('/selections');
  });

  it('always shows home, the group workspace and the account, in the same order for every role', () => {
    for (const role of ROLES) {
      const own = paths(role);
      expect(own[0]).toBe('/');
      expect(own.at(-1)).toBe('/account');
      expect(own).toContain('/groups');
      const order = NAV_ITEMS.map((item) => item.path).filter((path) => own.includes(path));
      expect(own).toEqual(order);
    }
  });
});
