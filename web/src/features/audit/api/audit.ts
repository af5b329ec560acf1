import { api, withSignal } from '../../../lib/api-client';
import { auditQuery, type AuditFilters, type AuditPage } from '../types';

/** One page of the log, newest first (GET /audit). */
export function listAudit(filters: AuditFilters, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>('/audit', { query: auditQuery(filters), ...withSignal(signal) });
}
