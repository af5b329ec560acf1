// Addresses of the group workspace; the app's route table uses the same patterns.

export const GROUPS_PATH = '/groups';
export const NEW_GROUP_PATH = '/groups/new';
/** SOP compliance of every group in a region, for offices and programmes. */
export const REGION_COMPLIANCE_PATH = '/groups/compliance';

export const SECTIONS = [
  'summary',
  'mine',
  'help',
  'members',
  'meetings',
  'deliberations',
  'learning',
  'treasury',
  'markets',
  'orders',
  'materials',
  'knowledge',
  'compliance',
  'settings',
] as const;
export type Section = (typeof SECTIONS)[number];

/** The workspace of a group, at one of its sections (the summary is the workspace's own address). */
export function groupPath(id: number, section: Section = 'summary'): string {
  return section === 'summary' ? `${GROUPS_PATH}/${id}` : `${GROUPS_PATH}/${id}/${section}`;
}

export function meetingPath(groupId: number, meetingId: number): string {
  return `${groupPath(groupId, 'meetings')}/${meetingId}`;
}

export function deliberationPath(groupId: number, deliberationId: number): string {
  return `${groupPath(groupId, 'deliberations')}/${deliberationId}`;
}

/** A learning cycle's page in the learning tab (the mentoring feature fills that tab). */
export function cyclePath(groupId: number, cycleId: number): string {
  return `${groupPath(groupId, 'learning')}/${cycleId}`;
}

export function orderPath(groupId: number, orderId: number): string {
  return `${groupPath(groupId, 'orders')}/${orderId}`;
}

/** A member's report of a failure, new: the help tab's form (seed 000's incidental learning). */
export function newHelpPath(groupId: number): string {
  return `${groupPath(groupId, 'help')}/new`;
}

/** A positive whole id from the address, or null ("/groups/abc" is no group). */
export function idParam(value: string | undefined): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/** What a form tells the page it opens after saving, shown there once as a confirmation. */
export interface WorkspaceNotice {
  notice?: 'groupCreated' | 'meetingCreated' | 'deliberationCreated' | 'orderCreated';
}
