// The group list's search and filters live in the address (/groups?q=harapan&status=active), so a
// filtered list can be bookmarked, shared and reached again with the back button.
import type { QueryValue } from '../../../lib/api-client';
import { offsetFromAddress, searchFromAddress, setAddressPage } from '../../../lib/page';
import { isGroupKind, isGroupStatus, type GroupKind, type GroupStatus } from './index';

export const PAGE_SIZE = 20;
/** The server's limit on the search text, in characters. */
export const MAX_Q = 100;

export interface GroupFilters {
  q: string;
  status: GroupStatus | null;
  kind: GroupKind | null;
  offset: number;
}

export function emptyFilters(): GroupFilters {
  return { q: '', status: null, kind: null, offset: 0 };
}

/** Unknown words and broken numbers in the address are dropped rather than sent to the server. */
export function filtersFromSearchParams(params: URLSearchParams): GroupFilters {
  const status = params.get('status') ?? '';
  const kind = params.get('kind') ?? '';
  return {
    q: searchFromAddress(params, MAX_Q),
    status: isGroupStatus(status) ? status : null,
    kind: isGroupKind(kind) ? kind : null,
    offset: offsetFromAddress(params, PAGE_SIZE),
  };
}

export function filtersToSearchParams(filters: GroupFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  setAddressPage(params, filters.offset, PAGE_SIZE);
  return params;
}

/** GET /groups query: empty filters are left out. */
export function listQuery(filters: GroupFilters): Record<string, QueryValue> {
  return {
    q: filters.q || null,
    status: filters.status,
    kind: filters.kind,
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
}
