import type { ParseKeys } from 'i18next';
import { can, type Permission } from '../lib/permissions';
import type { Role } from '../lib/user';

export interface NavItem {
  path: string;
  labelKey: ParseKeys<'translation'>;
  /** Shown only to roles with this permission; everyone signed in sees items without one. */
  permission?: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home' },
  { path: '/registry', labelKey: 'nav.registry', permission: 'registry.read' },
  { path: '/people', labelKey: 'nav.people', permission: 'registry.read' },
  { path: '/renewal', labelKey: 'nav.renewal', permission: 'registry.write' },
  { path: '/imports', labelKey: 'nav.imports', permission: 'imports.use' },
  { path: '/stakeholders', labelKey: 'nav.stakeholders', permission: 'stakeholders.read' },
  { path: '/groups', labelKey: 'nav.groups' },
  { path: '/competencies', labelKey: 'nav.competencies' },
  { path: '/matching', labelKey: 'nav.matching', permission: 'matching.use' },
  { path: '/programmes', labelKey: 'nav.programmes', permission: 'programmes.read' },
  { path: '/dashboards', labelKey: 'nav.dashboards', permission: 'dashboards.helix' },
  { path: '/selections', labelKey: 'nav.selections', permission: 'programmes.selections' },
  { path: '/users', labelKey: 'nav.users', permission: 'users.manage' },
  { path: '/audit', labelKey: 'nav.audit', permission: 'audit.read' },
  { path: '/regions', labelKey: 'nav.regions', permission: 'regions.browse' },
  { path: '/account', labelKey: 'nav.account' },
];

/** The navigation a role sees: the pages it may use. */
export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(role, item.permission));
}
