import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAudit } from '../api/audit';
import { auditKeys } from '../api/keys';
import { auditQuery, type AuditFilters } from '../types';

/** The page of the log the filters ask for; the last page stays on screen while the next loads. */
export function useAuditPage(filters: AuditFilters) {
  return useQuery({
    queryKey: auditKeys.page(auditQuery(filters)),
    queryFn: ({ signal }) => listAudit(filters, signal),
    placeholderData: keepPreviousData,
  });
}
