// The audit feature's query keys.
import type { QueryValue } from '../../../lib/api-client';

export const auditKeys = {
  all: ['audit'] as const,
  pages: () => [...auditKeys.all, 'page'] as const,
  page: (query: Record<string, QueryValue>) => [...auditKeys.pages(), query] as const,
  /** The accounts the "who" filter offers. */
  actors: () => [...auditKeys.all, 'actors'] as const,
};
