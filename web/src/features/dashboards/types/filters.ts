// The equity dashboard's filters live in the page URL (a view can be bookmarked and shared, and Back
// returns to the one before) and become GET /dashboards/equity's query. Anything unknown or
// malformed in the address is ignored, not an error.
import type { QueryValue } from '../../../lib/api-client';
import { isAssistanceKind, isEquityBy, isHelix, type AssistanceKind, type EquityBy, type Helix } from './index';

/** The groups never served, a page at a time. */
export const GROUPS_PAGE_SIZE = 25;

export interface EquityFilters {
  by: EquityBy;
  /** The area drilled into (by=region only); null at the top, the provinces. */
  region: string | null;
  from: string | null;
  to: string | null;
  kind: AssistanceKind | null;
  helix: Helix | null;
  programmeId: number | null;
  /** Offset into the groups never served. */
  groupsOffset: number;
}

export const EMPTY_EQUITY_FILTERS: EquityFilters = {
  by: 'region',
  region: null,
  from: null,
  to: null,
  kind: null,
  helix: null,
  programmeId: null,
  groupsOffset: 0,
};

/** A province, regency or district: a village has no rows under it. */
const DRILLABLE = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDrillableRegion(code: string): boolean {
  return DRILLABLE.test(code);
}

function day(value: string | null): string | null {
  return value !== null && DAY.test(value) ? value : null;
}

function wholeAbove(value: string | null, min: number): number | null {
  if (value === null || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= min ? n : null;
}

export function equityFiltersFrom(params: URLSearchParams): EquityFilters {
  const by = params.get('by');
  const region = params.get('region');
  const kind = params.get('kind');
  const helix = params.get('helix');
  const filters: EquityFilters = {
    by: isEquityBy(by) ? by : 'region',
    region: region !== null && isDrillableRegion(region) ? region : null,
    from: day(params.get('from')),
    to: day(params.get('to')),
    kind: isAssistanceKind(kind) ? kind : null,
    helix: isHelix(helix) ? helix : null,
    programmeId: wholeAbove(params.get('programme'), 1),
    groupsOffset: wholeAbove(params.get('groups'), 0) ?? 0,
  };
  if (filters.by !== 'region') filters.region = null;
  return filters;
}

/** The filters as an address, leaving out defaults so the plain dashboard has a plain address. */
export function equityFiltersToParams(filters: EquityFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.by !== 'region') params.set('by', filters.by);
  if (filters.by === 'region' && filters.region) params.set('region', filters.region);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.helix) params.set('helix', filters.helix);
  if (filters.programmeId !== null) params.set('programme', String(filters.programmeId));
  if (filters.groupsOffset > 0) params.set('groups', String(filters.groupsOffset));
  return params;
}

/** A period whose end lies before its start: the server refuses it, so it is not sent. */
export function periodInvalid(filters: Pick<EquityFilters, 'from' | 'to'>): boolean {
  return filters.from !== null && filters.to !== null && filters.to < filters.from;
}

/** GET /dashboards/equity's query; an impossible period is left out (the page says why). */
export function equityQuery(filters: EquityFilters): Record<string, QueryValue> {
  const period = periodInvalid(filters) ? { from: null, to: null } : { from: filters.from, to: filters.to };
  return {
    by: filters.by,
    region: filters.by === 'region' ? filters.region : null,
    ...period,
    kind: filters.kind,
    helix: filters.helix,
    programme_id: filters.programmeId,
    limit: GROUPS_PAGE_SIZE,
    offset: filters.groupsOffset,
  };
}

/** A change of what is counted starts the groups never served at their first page again. */
export function withFilter(filters: EquityFilters, change: Partial<EquityFilters>): EquityFilters {
  return { ...filters, groupsOffset: 0, ...change };
}
