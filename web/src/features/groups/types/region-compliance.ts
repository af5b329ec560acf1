// SOP compliance across a region (GET /groups/compliance), for an office or a programme: which
// of a province's groups still meet as their SOP asks and which have stopped. The filters live in
// the address (/groups/compliance?region=35.07&months=6), so a view can be bookmarked and shared.
import type { QueryValue } from '../../../lib/api-client';
import { offsetFromAddress, searchFromAddress, setAddressPage } from '../../../lib/page';
import { shiftMonth } from './compliance';
import { MAX_Q } from './filters';
import {
  COMPLIANCE_BANDS,
  isGroupKind,
  isGroupStatus,
  type ComplianceBand,
  type GroupKind,
  type GroupStatus,
  type RegionComplianceRow,
} from './index';

export const REGION_PAGE_SIZE = 25;

/** The periods a reader may choose, in months ending with the chosen month. */
export const REGION_SPANS = [3, 6, 12] as const;
export type RegionSpan = (typeof REGION_SPANS)[number];
export const DEFAULT_SPAN: RegionSpan = 3;

/** How many months back the "up to" choice reaches (the server counts at most 120). */
export const END_MONTH_CHOICES = 24;

/** The server's orders: the least compliant first (its default), the most compliant first, by name. */
export const REGION_SORTS = ['percent', '-percent', 'name'] as const;
export type RegionSort = (typeof REGION_SORTS)[number];
export const DEFAULT_SORT: RegionSort = 'percent';

export interface RegionComplianceFilters {
  /** A Kemendagri code at any level ("35", "35.07", …); null: every group the caller reaches. */
  region: string | null;
  q: string;
  /** null: every status but dissolved (the server leaves dissolved groups out unless asked). */
  status: GroupStatus | null;
  kind: GroupKind | null;
  months: RegionSpan;
  /** The last month counted ("2026-03"); null: this month, whenever the page is opened. */
  to: string | null;
  sort: RegionSort;
  offset: number;
}

export function emptyRegionFilters(): RegionComplianceFilters {
  return { region: null, q: '', status: null, kind: null, months: DEFAULT_SPAN, to: null, sort: DEFAULT_SORT, offset: 0 };
}

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

function isSpan(value: number): value is RegionSpan {
  return (REGION_SPANS as readonly number[]).includes(value);
}

export function isRegionSort(value: string): value is RegionSort {
  return (REGION_SORTS as readonly string[]).includes(value);
}

/** Unknown words and broken numbers in the address are dropped rather than sent to the server. */
export function regionFiltersFromSearchParams(params: URLSearchParams): RegionComplianceFilters {
  const region = params.get('region') ?? '';
  const status = params.get('status') ?? '';
  const kind = params.get('kind') ?? '';
  const months = Number(params.get('months') ?? DEFAULT_SPAN);
  const to = params.get('to') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    region: isRegionCode(region) ? region : null,
    q: searchFromAddress(params, MAX_Q),
    status: isGroupStatus(status) ? status : null,
    kind: isGroupKind(kind) ? kind : null,
    months: isSpan(months) ? months : DEFAULT_SPAN,
    to: isMonth(to) ? to : null,
    sort: isRegionSort(sort) ? sort : DEFAULT_SORT,
    offset: offsetFromAddress(params, REGION_PAGE_SIZE),
  };
}

/** The address of a view: what is left at its default stays out, so the plain page reads "/groups/compliance". */
export function regionFiltersToSearchParams(filters: RegionComplianceFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.region) params.set('region', filters.region);
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.months !== DEFAULT_SPAN) params.set('months', String(filters.months));
  if (filters.to) params.set('to', filters.to);
  if (filters.sort !== DEFAULT_SORT) params.set('sort', filters.sort);
  setAddressPage(params, filters.offset, REGION_PAGE_SIZE);
  return params;
}

/** The months counted: `months` of them ending with `to` (this month when none is chosen). */
export function regionRange(filters: Pick<RegionComplianceFilters, 'months' | 'to'>, thisMonth: string): { from: string; to: string } {
  const to = filters.to ?? thisMonth;
  return { from: shiftMonth(to, -(filters.months - 1)), to };
}

/** How many choices narrow the view (the order does not): shown on the folded filters of a phone. */
export function activeRegionFilterCount(filters: RegionComplianceFilters): number {
  return [
    filters.region !== null,
    filters.q !== '',
    filters.status !== null,
    filters.kind !== null,
    filters.months !== DEFAULT_SPAN,
    filters.to !== null,
  ].filter(Boolean).length;
}

/** GET /groups/compliance query: empty filters and the default order are left out; the period is always sent. */
export function regionComplianceQuery(filters: RegionComplianceFilters, thisMonth: string): Record<string, QueryValue> {
  const { from, to } = regionRange(filters, thisMonth);
  return {
    region: filters.region,
    q: filters.q || null,
    status: filters.status,
    kind: filters.kind,
    from,
    to,
    sort: filters.sort === DEFAULT_SORT ? null : filters.sort,
    limit: REGION_PAGE_SIZE,
    offset: filters.offset,
  };
}

/** The months offered as the period's end: this month first, then back `END_MONTH_CHOICES` − 1; a chosen one outside is kept. */
export function endMonthChoices(thisMonth: string, chosen: string | null): string[] {
  const months = Array.from({ length: END_MONTH_CHOICES }, (_, i) => shiftMonth(thisMonth, -i));
  if (chosen && !months.includes(chosen)) months.push(chosen);
  return months.sort((a, b) => b.localeCompare(a));
}

/**
 * A group's band as the server counts it: none when no meeting was held, met at 100% or more,
 * partial from half, low below. Read from the counts, so a group at 99.6% (shown as "100%") is
 * still partial, as in the band totals.
 */
export function bandOf(row: Pick<RegionComplianceRow, 'held' | 'required'>): ComplianceBand {
  if (row.held <= 0) return 'none';
  if (row.held >= row.required) return 'met';
  if (row.held * 2 >= row.required) return 'partial';
  return 'low';
}

export interface BandSlice {
  band: ComplianceBand;
  count: number;
  /** The slice's exact share, 0..1: the width of its part of the bar. */
  share: number;
  /** The share in whole percent; the four add up to 100 whenever there is a group. */
  percent: number;
}

/**
 * The stacked bar's data: one slice per band, met first and no meeting last, with each band's
 * share of all matching groups. Whole percents are shared out by largest remainder so they add
 * up to 100 (1 / 1 / 1 → 34 / 33 / 33, not 33 / 33 / 33).
 */
export function bandSlices(bands: Record<ComplianceBand, number>): { total: number; slices: BandSlice[] } {
  const counts = COMPLIANCE_BANDS.map((band) => Math.max(0, Math.floor(Number(bands[band]) || 0)));
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) {
    return { total, slices: COMPLIANCE_BANDS.map((band) => ({ band, count: 0, share: 0, percent: 0 })) };
  }
  const exact = counts.map((count) => (count * 100) / total);
  const percents = exact.map(Math.floor);
  let left = 100 - percents.reduce((sum, p) => sum + p, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .filter(({ remainder }) => remainder > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    percents[index]! += 1;
    left -= 1;
  }
  return {
    total,
    slices: COMPLIANCE_BANDS.map((band, index) => ({
      band,
      count: counts[index]!,
      share: counts[index]! / total,
      percent: percents[index]!,
    })),
  };
}
