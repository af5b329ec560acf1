import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/page';
import { auditQuery, type AuditActor, type AuditFilters, type AuditPage, type UserPage } from '../types';

/** One page of the log, newest first (GET /audit). */
export function listAudit(filters: AuditFilters, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>('/audit', { query: auditQuery(filters), ...withSignal(signal) });
}

/** Guard against a server that keeps reporting a larger total. */
const MAX_PAGES = 50;

/** Every account (GET /users, page after page): the people the "who" filter offers. */
export async function listActors(signal?: AbortSignal): Promise<AuditActor[]> {
  const items: AuditActor[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await api.get<UserPage>('/users', { query: { limit: MAX_PAGE_SIZE, offset: items.length }, ...withSignal(signal) });
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}
