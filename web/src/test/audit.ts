// Sample entries of the audit log for the tests of the pages that read it, as GET /audit answers them.
import type { AuditEntry } from '../features/audit/types';

/** An entry: the system's load of the official regions (idn-area-data 4.0.1) unless `overrides` say otherwise. */
export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: 1,
    at: '2026-11-20T00:00:00Z',
    actor: null,
    entity: 'regions',
    entity_id: 'idn-area-data',
    action: 'load',
    before: null,
    after: { count: 91599, source: '/srv/idn-area-data/data', version: '4.0.1' },
    request_id: '',
    ...overrides,
  };
}
