import { describe, expect, it } from 'vitest';
import {
  activeRegionFilterCount,
  bandOf,
  bandSlices,
  emptyRegionFilters,
  endMonthChoices,
  REGION_PAGE_SIZE,
  regionComplianceQuery,
  regionFiltersFromSearchParams,
  regionFiltersToSearchParams,
  regionRange,
} from './region-compliance';

describe('bandSlices', () => {
  it('gives the four bands good to bad, each with its count, exact share and whole percent', () => {
    const { total, slices } = bandSlices({ met: 5, partial: 2, low: 1, none: 2 });
    expect(total).toBe(10);
    expect(slices).toEqual([
      { band: 'met', count: 5, share: 0.5, percent: 50 },
      { band: 'partial', count: 2, share: 0.2, percent: 20 },
      { band: 'low', count: 1, share: 0.1, percent: 10 },
      { band: 'none', count: 2, share: 0.2, percent: 20 },
    ]);
  });

  it('shares whole percents out so they add up to 100', () => {
    const thirds = bandSlices({ met: 1, partial: 1, low: 1, none: 0 }).slices;
    expect(thirds.map((slice) => slice.percent)).toEqual([34, 33, 33, 0]);
    const uneven = bandSlices({ met: 2, partial: 1, low: 0, none: 4 }).slices;
    expect(uneven.map((slice) => slice.percent)).toEqual([29, 14, 0, 57]);
    expect(uneven.reduce((sum, slice) => sum + slice.percent, 0)).toBe(100);
  });

  it('draws nothing and divides by nothing when no group matches', () => {
    const { total, slices } = bandSlices({ met: 0, partial: 0, low: 0, none: 0 });
    expect(total).toBe(0);
    expect(slices.map((slice) => [slice.band, slice.count, slice.share, slice.percent])).toEqual([
      ['met', 0, 0, 0],
      ['partial', 0, 0, 0],
      ['low', 0, 0, 0],
      ['none', 0, 0, 0],
    ]);
  });

  it('reads a broken count from the server as none rather than a negative slice', () => {
    const { total, slices } = bandSlices({ met: -3, partial: 1, low: Number.NaN, none: 1 });
    expect(total).toBe(2);
    expect(slices.map((slice) => slice.count)).toEqual([0, 1, 0, 1]);
  });
});

describe('bandOf', () => {
  it('bands a group as the server counts it, from its meetings held and required', () => {
    expect(bandOf({ held: 0, required: 3 })).toBe('none');
    expect(bandOf({ held: 1, required: 3 })).toBe('low');
    expect(bandOf({ held: 2, required: 4 })).toBe('partial');
    expect(bandOf({ held: 3, required: 3 })).toBe('met');
    expect(bandOf({ held: 6, required: 3 })).toBe('met');
  });

  it('keeps a group just short of its SOP partial even when its percent rounds to 100', () => {
    expect(bandOf({ held: 239, required: 240 })).toBe('partial');
    expect(bandOf({ held: 1, required: 3 })).toBe('low');
  });
});

describe('region compliance filters in the address', () => {
  it('reads region, search, status, kind, period, order and page, and writes them back the same way', () => {
    const address = 'region=35.07&q=tani&status=inactive&kind=cooperative&months=12&to=2025-12&sort=name&page=3';
    const filters = regionFiltersFromSearchParams(new URLSearchParams(address));
    expect(filters).toEqual({
      region: '35.07',
      q: 'tani',
      status: 'inactive',
      kind: 'cooperative',
      months: 12,
      to: '2025-12',
      sort: 'name',
      offset: 2 * REGION_PAGE_SIZE,
    });
    expect(regionFiltersToSearchParams(filters).toString()).toBe(address);
  });

  it('leaves the defaults out of the address: three months to this one, least compliant first', () => {
    expect(regionFiltersToSearchParams(emptyRegionFilters()).toString()).toBe('');
    expect(regionFiltersToSearchParams({ ...emptyRegionFilters(), sort: '-percent', months: 6 }).toString()).toBe(
      'months=6&sort=-percent',
    );
  });

  it('counts the choices that narrow the view, not the order', () => {
    expect(activeRegionFilterCount(emptyRegionFilters())).toBe(0);
    expect(activeRegionFilterCount({ ...emptyRegionFilters(), sort: 'name' })).toBe(0);
    expect(activeRegionFilterCount({ ...emptyRegionFilters(), region: '35', months: 12, to: '2025-12', q: 'tani' })).toBe(4);
  });

  it('drops what the server would refuse instead of sending it', () => {
    const params = new URLSearchParams('region=35.7&status=asleep&kind=gang&months=5&to=2026-13&sort=best&page=-1');
    expect(regionFiltersFromSearchParams(params)).toEqual(emptyRegionFilters());
    expect(regionFiltersFromSearchParams(new URLSearchParams('region=35.07.20.2004&months=6')).region).toBe('35.07.20.2004');
  });
});

describe('regionComplianceQuery', () => {
  it('asks for the three months to this one by default, leaving empty filters and the default order out', () => {
    expect(regionComplianceQuery(emptyRegionFilters(), '2026-03')).toEqual({
      region: null,
      q: null,
      status: null,
      kind: null,
      from: '2026-01',
      to: '2026-03',
      sort: null,
      limit: REGION_PAGE_SIZE,
      offset: 0,
    });
  });

  it('counts the chosen months back from the chosen end, across a year', () => {
    const filters = { ...emptyRegionFilters(), region: '35', months: 12 as const, to: '2026-02', sort: 'name' as const, offset: 25 };
    expect(regionComplianceQuery(filters, '2026-03')).toMatchObject({
      region: '35',
      from: '2025-03',
      to: '2026-02',
      sort: 'name',
      offset: 25,
    });
    expect(regionRange({ months: 6, to: null }, '2026-03')).toEqual({ from: '2025-10', to: '2026-03' });
  });
});

describe('endMonthChoices', () => {
  it('offers this month first and two years back, keeping a chosen month from further back', () => {
    const months = endMonthChoices('2026-03', null);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2026-03');
    expect(months.at(-1)).toBe('2024-04');
    expect(endMonthChoices('2026-03', '2020-06').at(-1)).toBe('2020-06');
    expect(endMonthChoices('2026-03', '2025-06')).toHaveLength(24);
  });
});
