import { describe, expect, it } from 'vitest';
import { can } from './permissions';
import { ROLES } from './user';

describe('can', () => {
  it('lets admin, officer and facilitator read the registry, and only admin and officer change it', () => {
    const readers = ROLES.filter((role) => can(role, 'registry.read'));
    const writers = ROLES.filter((role) => can(role, 'registry.write'));
    expect(readers).toEqual(['admin', 'officer', 'facilitator']);
    expect(writers).toEqual(['admin', 'officer']);
    expect(ROLES.filter((role) => can(role, 'imports.use'))).toEqual(['admin', 'officer']);
  });

  it('lets every signed-in role read stakeholders and only admin change them', () => {
    expect(ROLES.every((role) => can(role, 'stakeholders.read'))).toBe(true);
    expect(ROLES.filter((role) => can(role, 'stakeholders.write'))).toEqual(['admin']);
  });

  it('offers the full NIK only to admin and officer', () => {
    expect(ROLES.filter((role) => can(role, 'registry.nik'))).toEqual(['admin', 'officer']);
  });

  it('lets only admin and officer register a group', () => {
    expect(ROLES.filter((role) => can(role, 'groups.create'))).toEqual(['admin', 'officer']);
  });

  it("shows a region's SOP compliance to those who read many groups, not to a group's own accounts", () => {
    expect(ROLES.filter((role) => can(role, 'groups.compliance'))).toEqual(['admin', 'officer', 'facilitator']);
  });

  it('keeps user administration, the audit log and the region tree page to admins', () => {
    for (const permission of ['users.manage', 'audit.read', 'regions.browse'] as const) {
      expect(ROLES.filter((role) => can(role, permission))).toEqual(['admin']);
    }
  });

  it('lists programmes for admin, officer and facilitator; only admin and officer design them', () => {
    expect(ROLES.filter((role) => can(role, 'programmes.read'))).toEqual(['admin', 'officer', 'facilitator']);
    expect(ROLES.filter((role) => can(role, 'programmes.write'))).toEqual(['admin', 'officer']);
    expect(ROLES.filter((role) => can(role, 'programmes.selections'))).toEqual(['group_leader', 'member']);
  });

  it('shows the equity dashboard to admin and officer, the helix one to facilitators too, as the API allows', () => {
    expect(ROLES.filter((role) => can(role, 'dashboards.equity'))).toEqual(['admin', 'officer']);
    expect(ROLES.filter((role) => can(role, 'dashboards.helix'))).toEqual(['admin', 'officer', 'facilitator']);
  });

  it('grants nothing without a role', () => {
    expect(can(null, 'stakeholders.read')).toBe(false);
    expect(can(undefined, 'registry.read')).toBe(false);
  });
});
