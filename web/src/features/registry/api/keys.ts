// The registry feature's query keys: enterprises (lists, one record, its history, area counts),
// and the look-ups the forms need (sectors, stewards, people).
import type { QueryValue } from '../../../lib/api-client';

type Query = Record<string, QueryValue>;

export const registryKeys = {
  enterprises: ['enterprises'] as const,
  lists: () => [...registryKeys.enterprises, 'list'] as const,
  list: (query: Query) => [...registryKeys.lists(), query] as const,
  areas: (query: Query) => [...registryKeys.enterprises, 'areas', query] as const,
  enterprise: (id: number) => [...registryKeys.enterprises, 'one', id] as const,
  history: (id: number) => [...registryKeys.enterprise(id), 'history'] as const,
  sectors: () => ['sectors'] as const,
  stewards: () => ['stewards'] as const,
  person: (id: number) => ['people', id] as const,
  /** A region with the names of its ancestors (GET /regions/{code}), for the drill-down's breadcrumb. */
  place: (code: string) => ['places', code] as const,
  peopleSearch: (q: string) => ['people', 'search', q] as const,
};
