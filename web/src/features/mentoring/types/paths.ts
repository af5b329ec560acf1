// Addresses of a group's help requests, inside the group's workspace (the app's route table uses
// the same patterns: /groups/:id/help, /groups/:id/help/new, /groups/:id/help/:requestId).
import type { HelpFilter } from './help';

const groupBase = (groupId: number) => `/groups/${groupId}`;

export function helpListPath(groupId: number, filter?: HelpFilter): string {
  return `${groupBase(groupId)}/help${filter ? `?filter=${filter}` : ''}`;
}

export function newHelpRequestPath(groupId: number): string {
  return `${groupBase(groupId)}/help/new`;
}

export function helpRequestPath(groupId: number, id: number): string {
  return `${groupBase(groupId)}/help/${id}`;
}

/** The group's knowledge posts, where a shared answer shows. */
export function knowledgePath(groupId: number): string {
  return `${groupBase(groupId)}/knowledge`;
}

/** What a form tells the request's page it opens, shown there once. */
export interface HelpNotice {
  notice?: 'reported';
}
