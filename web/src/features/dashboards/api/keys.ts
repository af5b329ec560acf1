// The dashboards feature's query keys: the equity dashboard by its query, the helix network, the
// programmes to filter by, and region names for the breadcrumb.
import type { QueryValue } from '../../../lib/api-client';

export const dashboardKeys = {
  all: ['dashboards'] as const,
  equity: (query: Record<string, QueryValue>) => [...dashboardKeys.all, 'equity', query] as const,
  helix: () => [...dashboardKeys.all, 'helix'] as const,
  programmes: () => [...dashboardKeys.all, 'programmes'] as const,
  region: (code: string) => [...dashboardKeys.all, 'region', code] as const,
};
