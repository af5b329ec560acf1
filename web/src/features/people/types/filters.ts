// The people list's search lives in the address (/people?q=siti&region=35.79&page=2), so that a
// search can be bookmarked, shared and survives a reload, and becomes GET /people's parameters.
import type { QueryValue } from '../../../lib/api-client';
import { offsetFromAddress, searchFromAddress, setAddressPage } from '../../../lib/page';

export const PAGE_SIZE = 25;
/** The server's bounds for the name search, counted in characters. */
export const Q_MIN = 2;
export const Q_MAX = 100;

export interface PeopleFilters {
  /** Part of the name, as typed ("" for everyone). */
  q: string;
  /** Only people living in this region, at any level ("35.79", "35.79.02.2006"). */
  region: string | null;
  offset: number;
}

export const EMPTY_FILTERS: PeopleFilters = { q: '', region: null, offset: 0 };

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

const length = (text: string) => [...text].length;

/** True when the text may be sent as `q` (the server wants 2..100 characters). */
export function isSearchable(q: string): boolean {
  const n = length(q.trim());
  return n >= Q_MIN && n <= Q_MAX;
}

/** Reads the search from the address; anything unknown or malformed is dropped, not an error. */
export function filtersFromSearchParams(params: URLSearchParams): PeopleFilters {
  const region = params.get('region') ?? '';
  return {
    q: searchFromAddress(params, Q_MAX),
    region: REGION_CODE.test(region) ? region : null,
    offset: offsetFromAddress(params, PAGE_SIZE),
  };
}

/** Writes the search into the address, leaving out what is empty so a plain list has a plain address. */
export function filtersToSearchParams(filters: PeopleFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.region) params.set('region', filters.region);
  setAddressPage(params, filters.offset, PAGE_SIZE);
  return params;
}

/** GET /people: the name (only when the server would accept it), the region and one page. */
export function listQuery(filters: PeopleFilters): Record<string, QueryValue> {
  return {
    q: isSearchable(filters.q) ? filters.q.trim() : null,
    region: filters.region,
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
}

/** Whether the list is narrowed at all (then an empty answer means "no match", not "nobody yet"). */
export function isFiltered(filters: PeopleFilters): boolean {
  return filters.q.trim() !== '' || filters.region !== null;
}
