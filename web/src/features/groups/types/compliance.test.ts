import { describe, expect, it } from 'vitest';
import { compliance, complianceMonth } from '../../../test/groups';
import { complianceChartRows, hasAttendance, heldAxisMax, latestMonth, monthsEnding, shiftMonth } from './compliance';

const label = (month: string) => `m${month}`;

describe('complianceChartRows', () => {
  it('gives one row per month, oldest first, with held meetings against the SOP and whether it was met', () => {
    const rows = complianceChartRows(
      [complianceMonth('2026-03', 0), complianceMonth('2026-01', 2, 6, 8), complianceMonth('2026-02', 1, 3, 4)],
      label,
    );
    expect(rows).toEqual([
      { month: '2026-01', label: 'm2026-01', held: 2, required: 1, percent: 200, met: true, attendance: 75 },
      { month: '2026-02', label: 'm2026-02', held: 1, required: 1, percent: 100, met: true, attendance: 75 },
      { month: '2026-03', label: 'm2026-03', held: 0, required: 1, percent: 0, met: false, attendance: null },
    ]);
  });

  it('leaves a gap in the attendance line for months whose attendance was not taken', () => {
    const rows = complianceChartRows([complianceMonth('2026-01', 1, 0, 0), complianceMonth('2026-02', 1, 0, 5)], label);
    expect(rows.map((row) => row.attendance)).toEqual([null, 0]);
    expect(hasAttendance(rows)).toBe(true);
    expect(hasAttendance(complianceChartRows([complianceMonth('2026-01', 1)], label))).toBe(false);
  });

  it('counts a month short of a twice-a-month SOP as not met', () => {
    const [row] = complianceChartRows([complianceMonth('2026-01', 1, 0, 0, 2)], label);
    expect(row).toMatchObject({ held: 1, required: 2, percent: 50, met: false });
  });
});

describe('heldAxisMax', () => {
  it('keeps the SOP line and every bar inside the chart, and never draws an empty axis', () => {
    const rows = complianceChartRows([complianceMonth('2026-01', 3), complianceMonth('2026-02', 0)], label);
    expect(heldAxisMax(rows, 1)).toBe(3);
    expect(heldAxisMax(rows, 4)).toBe(4);
    expect(heldAxisMax([], 0)).toBe(1);
  });
});

describe('months', () => {
  it('takes the latest month of a view as "this month"', () => {
    expect(latestMonth(compliance())?.month).toBe('2026-03');
    expect(latestMonth({ months: [] })).toBeNull();
  });

  it('moves across years both ways', () => {
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(shiftMonth('2026-11', -23)).toBe('2024-12');
    expect(() => shiftMonth('2026-1', 1)).toThrow(RangeError);
  });

  it('asks for the twelve months that end with this one, as the server does by default', () => {
    expect(monthsEnding('2026-04', 12)).toEqual({ from: '2025-05', to: '2026-04' });
    expect(monthsEnding('2026-04', 1)).toEqual({ from: '2026-04', to: '2026-04' });
  });
});
