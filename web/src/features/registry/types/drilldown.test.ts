import { describe, expect, it } from 'vitest';
import type { AreaCount } from './index';
import { breadcrumb, canDrillInto, chartRows, childLevel, drillRegion, missingNames, staleShare } from './drilldown';

function area(code: string, total: number, stale: number, level: AreaCount['level'] = 'district'): AreaCount {
  return { code, name: code, level, total, stale, by_scale: { micro: total, small: 0, medium: 0, large: 0, unknown: 0 } };
}

describe('breadcrumb', () => {
  const names = new Map([
    ['35', 'JAWA TIMUR'],
    ['35.79', 'KOTA BATU'],
  ]);

  it('is just the whole country at the top', () => {
    expect(breadcrumb(null, names)).toEqual([{ code: null, name: null }]);
  });

  it('runs from the country down to the region, with the names it knows', () => {
    expect(breadcrumb('35.79.01', names)).toEqual([
      { code: null, name: null },
      { code: '35', name: 'JAWA TIMUR' },
      { code: '35.79', name: 'KOTA BATU' },
      { code: '35.79.01', name: null },
    ]);
  });

  it('lists the names still to fetch after a reload deep in the tree', () => {
    expect(missingNames('35.79.01', names)).toEqual(['35.79.01']);
    expect(missingNames('35.79.01', new Map())).toEqual(['35', '35.79', '35.79.01']);
    expect(missingNames('35.79', names)).toEqual([]);
    expect(missingNames(null, names)).toEqual([]);
  });
});

describe('drilling', () => {
  it('goes province → regency → district → village', () => {
    expect(childLevel(null)).toBe('province');
    expect(childLevel('35')).toBe('regency');
    expect(childLevel('35.79')).toBe('district');
    expect(childLevel('35.79.01')).toBe('village');
  });

  it('shows a village through its district, since a village has no smaller areas', () => {
    expect(drillRegion('35.79.01.2001')).toBe('35.79.01');
    expect(drillRegion('35.79.01')).toBe('35.79.01');
    expect(drillRegion(null)).toBeNull();
    expect(canDrillInto(area('35.79.01.2001', 1, 0, 'village'))).toBe(false);
    expect(canDrillInto(area('35.79.01', 1, 0))).toBe(true);
  });
});

describe('stale share and chart rows', () => {
  it('is the stale part of the total, and unknown for an empty area', () => {
    expect(staleShare(area('a', 200, 50))).toBe(0.25);
    expect(staleShare(area('a', 0, 0))).toBeNull();
    expect(staleShare(area('a', 10, 12))).toBe(1);
  });

  it('stacks the up-to-date and the stale part to the total', () => {
    expect(chartRows([area('35.79.01', 5000, 700), area('35.79.02', 0, 0)])).toEqual([
      { code: '35.79.01', name: '35.79.01', current: 4300, stale: 700, total: 5000 },
      { code: '35.79.02', name: '35.79.02', current: 0, stale: 0, total: 0 },
    ]);
  });

  it('never draws a negative bar when the stale count is off', () => {
    const [row] = chartRows([area('x', 10, 15)]);
    expect(row).toMatchObject({ current: 0, stale: 10 });
  });
});
