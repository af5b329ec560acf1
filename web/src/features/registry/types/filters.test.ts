import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  areasQuery,
  EMPTY_FILTERS,
  exportQuery,
  filtersFromSearchParams,
  filtersToSearchParams,
  isSearchable,
  listQuery,
  PAGE_SIZE,
  type EnterpriseFilters,
} from './filters';

/** Every filter and the sort set: what the list and the export both send as they are. */
const SET = {
  region: '35.79',
  sector: 'batik',
  scale: 'micro',
  status: 'active',
  stale: true,
  q: 'sekar',
  sort: '-turnover',
} as const;

const FULL: EnterpriseFilters = { ...SET, offset: 2 * PAGE_SIZE };

describe('filters in the page URL', () => {
  it('round-trips every filter, the sort and the page', () => {
    const params = filtersToSearchParams(FULL);
    expect(params.toString()).toBe('region=35.79&sector=batik&scale=micro&status=active&stale=true&q=sekar&sort=-turnover&page=3');
    expect(filtersFromSearchParams(params)).toEqual(FULL);
  });

  it('leaves defaults out, so the plain list has a plain address', () => {
    expect(filtersToSearchParams(EMPTY_FILTERS).toString()).toBe('');
    expect(filtersFromSearchParams(new URLSearchParams())).toEqual(EMPTY_FILTERS);
  });

  it('keeps stale=false apart from "any"', () => {
    const params = filtersToSearchParams({ ...EMPTY_FILTERS, stale: false });
    expect(params.get('stale')).toBe('false');
    expect(filtersFromSearchParams(params).stale).toBe(false);
  });

  it('ignores values a hand-edited address may carry instead of sending them to the server', () => {
    const filters = filtersFromSearchParams(
      new URLSearchParams('region=35.7x&sector=tambang&scale=huge&status=open&stale=yes&sort=owner&page=-4'),
    );
    expect(filters).toEqual(EMPTY_FILTERS);
    expect(filtersFromSearchParams(new URLSearchParams('page=2.5')).offset).toBe(0);
  });

  it('accepts region codes at every level', () => {
    for (const region of ['35', '35.79', '35.79.01', '35.79.01.2001']) {
      expect(filtersFromSearchParams(new URLSearchParams({ region })).region).toBe(region);
    }
  });
});

describe('filters as API queries', () => {
  it('sends the list every filter, the sort and one page', () => {
    expect(listQuery(FULL)).toEqual({ ...SET, limit: PAGE_SIZE, offset: 50 });
  });

  it('sends the export the filters and sort but no page, with the NIK choice', () => {
    const query = exportQuery(FULL, 'xlsx', true);
    expect(query).toEqual({ format: 'xlsx', include_nik: true, ...SET });
    expect(query).not.toHaveProperty('limit');
    expect(query).not.toHaveProperty('offset');
  });

  it('sends the area counts only the parameters they accept', () => {
    expect(areasQuery(FULL, '35.79')).toEqual({
      region: '35.79',
      sector: 'batik',
      scale: 'micro',
      status: 'active',
      q: 'sekar',
    });
  });

  it('leaves out a search shorter than the server accepts', () => {
    expect(listQuery({ ...FULL, q: 'a' }).q).toBeNull();
    expect(listQuery({ ...FULL, q: '  ab  ' }).q).toBe('ab');
    expect(isSearchable('a')).toBe(false);
    expect(isSearchable('ab')).toBe(true);
    expect(isSearchable('x'.repeat(101))).toBe(false);
    expect(isSearchable('🌾🌾')).toBe(true); // counted in characters, as the server does
  });

  it('counts the active filters but not the sort or the page', () => {
    expect(activeFilterCount(EMPTY_FILTERS)).toBe(0);
    expect(activeFilterCount({ ...EMPTY_FILTERS, sort: '-name', offset: 50 })).toBe(0);
    expect(activeFilterCount(FULL)).toBe(6);
    expect(activeFilterCount({ ...EMPTY_FILTERS, stale: false })).toBe(1);
  });
});
