import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listActors, listAudit } from '../api/audit';
import { auditKeys } from '../api/keys';
import { auditQuery, byName, type AuditFilters } from '../types';

/** The page of the log the filters ask for; the last page stays on screen while the next loads. */
export function useAuditPage(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.page(auditQuery(filters)),
    queryFn: ({ signal }) => listAudit(filters, signal),
    placeholderData: keepPreviousData,
  });
}

/** Accounts change rarely while the log is read: asked again after five minutes. */
const ACTORS_STALE_MS = 5 * 60 * 1000;

/** Every account, by name: who the "who" filter offers. */
export function useAuditActors() {
  return useQuery({
    queryKey: auditKeys.actors(),
    queryFn: ({ signal }) => listActors(signal),
    select: byName,
    staleTime: ACTORS_STALE_MS,
  });
}
