import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE, readAllPages } from '../../../lib/page';
import { auditQuery, type AuditActor, type AuditFilters, type AuditPage, type UserPage } from '../types';

/** One page of the log, newest first (GET /audit). */
export function listAudit(filters: AuditFilters, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>('/audit', { query: auditQuery(filters), ...withSignal(signal) });
}

/** Guard against a server that keeps reporting a larger total. */
const MAX_PAGES = 50;

/** Every account (GET /users, page after page): the people the "who" filter offers. */
export function listActors(signal?: AbortSignal): Promise<AuditActor[]> {
  return readAllPages<AuditActor>((offset) => api.get<UserPage>('/users', { query: { limit: MAX_PAGE_SIZE, offset }, ...withSignal(signal) }), MAX_PAGES);
}
