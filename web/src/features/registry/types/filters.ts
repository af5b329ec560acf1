// The registry's filters live in the page URL (so a filtered list can be bookmarked,
// shared and survives a reload) and become the API's query parameters. The list, the
// export and the area counts accept different parameters: the server rejects unknown
// ones, so each gets exactly its own.
import type { QueryValue } from '../../../lib/api-client';
import { offsetFromAddress, setAddressPage } from '../../../lib/page';
import { isScale, isSectorCode, isStatus, type EnterpriseStatus, type Scale, type SectorCode } from './index';

export const SORTS = [
  'name',
  '-name',
  'verified_at',
  '-verified_at',
  'turnover',
  '-turnover',
  'created_at',
  '-created_at',
] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = 'name';

export const PAGE_SIZE = 25;
/** The server's bounds for the free-text search, counted in characters. */
export const Q_MIN = 2;
export const Q_MAX = 100;

export interface EnterpriseFilters {
  region: string | null;
  sector: SectorCode | null;
  scale: Scale | null;
  status: EnterpriseStatus | null;
  stale: boolean | null;
  q: string;
  sort: Sort;
  offset: number;
}

export const EMPTY_FILTERS: EnterpriseFilters = {
  region: null,
  sector: null,
  scale: null,
  status: null,
  stale: null,
  q: '',
  sort: DEFAULT_SORT,
  offset: 0,
};

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

function isSort(value: string): value is Sort {
  return (SORTS as readonly string[]).includes(value);
}

function length(text: string): number {
  return [...text].length;
}

/** True when the text may be sent as `q` (the server wants 2..100 characters). */
export function isSearchable(q: string): boolean {
  const n = length(q.trim());
  return n >= Q_MIN && n <= Q_MAX;
}

/** Reads filters from the page URL; anything unknown or malformed is ignored, not an error. */
export function filtersFromSearchParams(params: URLSearchParams): EnterpriseFilters {
  const region = params.get('region') ?? '';
  const sector = params.get('sector') ?? '';
  const scale = params.get('scale') ?? '';
  const status = params.get('status') ?? '';
  const stale = params.get('stale');
  const sort = params.get('sort') ?? '';
  return {
    region: isRegionCode(region) ? region : null,
    sector: isSectorCode(sector) ? sector : null,
    scale: isScale(scale) ? scale : null,
    status: isStatus(status) ? status : null,
    stale: stale === 'true' ? true : stale === 'false' ? false : null,
    q: (params.get('q') ?? '').slice(0, 200),
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    offset: offsetFromAddress(params, PAGE_SIZE),
  };
}

/** Writes filters into the page URL, leaving out defaults so a plain list has a plain address. */
export function filtersToSearchParams(filters: EnterpriseFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.region) params.set('region', filters.region);
  if (filters.sector) params.set('sector', filters.sector);
  if (filters.scale) params.set('scale', filters.scale);
  if (filters.status) params.set('status', filters.status);
  if (filters.stale !== null) params.set('stale', String(filters.stale));
  if (filters.q.trim()) params.set('q', filters.q.trim());
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  setAddressPage(params, filters.offset, PAGE_SIZE);
  return params;
}

/** The filters every registry endpoint shares; `q` only when the server would accept it. */
function common(filters: EnterpriseFilters): Record<string, QueryValue> {
  return {
    sector: filters.sector,
    scale: filters.scale,
    status: filters.status,
    q: isSearchable(filters.q) ? filters.q.trim() : null,
  };
}

/** GET /enterprises: every filter, the sort and one page. */
export function listQuery(filters: EnterpriseFilters, limit = PAGE_SIZE): Record<string, QueryValue> {
  return {
    region: filters.region,
    ...common(filters),
    stale: filters.stale,
    sort: filters.sort,
    limit,
    offset: filters.offset,
  };
}

export type ExportFormat = 'csv' | 'xlsx';

/** GET /enterprises/export: the list's filters and sort, every match (no limit or offset). */
export function exportQuery(
  filters: EnterpriseFilters,
  format: ExportFormat,
  includeNik: boolean,
): Record<string, QueryValue> {
  return {
    format,
    include_nik: includeNik,
    region: filters.region,
    ...common(filters),
    stale: filters.stale,
    sort: filters.sort,
  };
}

/** GET /enterprises/areas: counts per child of `region`; it takes no stale, sort or paging. */
export function areasQuery(filters: EnterpriseFilters, region: string | null): Record<string, QueryValue> {
  return { region, ...common(filters) };
}

/** How many filters narrow the list (the sort and the page are not filters). */
export function activeFilterCount(filters: EnterpriseFilters): number {
  return [filters.region, filters.sector, filters.scale, filters.status, filters.stale, filters.q.trim() || null].filter(
    (value) => value !== null,
  ).length;
}
