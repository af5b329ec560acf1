// Who may do what, as the API contract says; the server enforces it, the UI only hides
// what a role cannot use. Shared by the shell's navigation and the features' buttons.
import type { Role } from './user';

export type Permission =
  | 'registry.read'
  | 'registry.write'
  | 'registry.nik'
  | 'imports.use'
  | 'stakeholders.read'
  | 'stakeholders.write'
  | 'groups.create'
  | 'groups.compliance'
  | 'users.manage'
  | 'audit.read'
  | 'regions.browse'
  | 'competencies.write'
  | 'matching.use'
  | 'programmes.read'
  | 'programmes.write'
  | 'dashboards.equity'
  | 'dashboards.helix'
  | 'programmes.selections';

const GRANTS: Record<Permission, readonly Role[]> = {
  'registry.read': ['admin', 'officer', 'facilitator'],
  'registry.write': ['admin', 'officer'],
  // may ask for NIK in full (exports); the server still checks each record's steward
  'registry.nik': ['admin', 'officer'],
  'imports.use': ['admin', 'officer'],
  'stakeholders.read': ['admin', 'officer', 'facilitator', 'group_leader', 'mentor', 'member'],
  'stakeholders.write': ['admin'],
  // registers a group; an officer stewards the groups it adds (what each may change inside a
  // group comes from the group itself: GET /groups/{id} answers with `writes`)
  'groups.create': ['admin', 'officer'],
  // reads many groups at once: SOP compliance across a region, for offices and programmes
  'groups.compliance': ['admin', 'officer', 'facilitator'],
  // accounts, their passwords and API tokens; the audit log (the API allows these to admins alone)
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  // the catalogue of competencies: everyone reads it; admins keep it
  'competencies.write': ['admin'],
  // mentor matching runs over the groups one oversees (the server checks each group)
  'matching.use': ['admin', 'officer', 'facilitator'],
  // empowerment programmes: the nav item for those who read them (the server says which ones each
  // reaches; a group's accounts reach theirs from the group), and designing one
  'programmes.read': ['admin', 'officer', 'facilitator'],
  'programmes.write': ['admin', 'officer'],
  // the dashboards (issue 15): assistance against the registry is the offices'; the quadruple helix
  // network is also the facilitators'
  'dashboards.equity': ['admin', 'officer'],
  'dashboards.helix': ['admin', 'officer', 'facilitator'],
  // her own enterprises' selections by programmes' targeting rounds (GET /me/selections)
  'programmes.selections': ['group_leader', 'member'],
  // the official region tree as a page of its own (the API reads it for anyone: the pickers use it)
  'regions.browse': ['admin'],
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role !== null && role !== undefined && GRANTS[permission].includes(role);
}
