import { describe, expect, it } from 'vitest';
import { helpOutcomes, learningOutcomes } from '../../../test/learning';
import { cycleBars, hasComparison, hasOutcomes, originRows, resolutionAxisMax, spanOf } from './outcomes';

describe('the outcome charts’ data', () => {
  it('draws the newest cycles oldest first, by theme, with completion and attendance', () => {
    expect(cycleBars(learningOutcomes())).toEqual([
      { id: 4, label: 'Ragi tape yang manis', completion: 75, attendance: 100, closed: true },
      { id: 5, label: 'Kemasan', completion: 0, attendance: 50, closed: false },
    ]);
  });

  it('keeps only the newest cycles when there are more than the chart holds, and names a cycle without a theme by its title', () => {
    const many = learningOutcomes({
      cycles: Array.from({ length: 15 }, (_, k) => ({
        ...learningOutcomes().cycles[1]!,
        id: 100 - k,
        theme: k === 0 ? null : `Tema ${100 - k}`,
        title: `Siklus ${100 - k}`,
      })),
    });
    const bars = cycleBars(many);
    expect(bars).toHaveLength(12);
    expect(bars[0]!.id).toBe(89);
    expect(bars[11]).toMatchObject({ id: 100, label: 'Siklus 100' });
    expect(cycleBars(many, 3).map((b) => b.id)).toEqual([98, 99, 100]);
  });

  it('sets community mentors before outside ones whatever the order sent, with completion and median times', () => {
    const outcomes = learningOutcomes();
    const reversed = { ...outcomes, by_origin: [...outcomes.by_origin].reverse() };
    const rows = originRows(reversed);
    expect(rows.map((r) => r.origin)).toEqual(['community', 'external']);
    expect(rows[0]).toEqual({
      origin: 'community', cycles: 1, closed: 1, completion: 75, attendance: 100,
      requests: 3, resolved: 2, adviceHours: 4, resolutionHours: 19,
    });
    expect(rows[1]).toMatchObject({ completion: null, resolutionHours: 54, adviceHours: 6 });
    expect(resolutionAxisMax(rows)).toBe(54);
  });

  it('has nothing to compare before a cycle closes or a request is resolved', () => {
    const empty = learningOutcomes({
      cycles: [],
      help_requests: helpOutcomes(),
      by_origin: learningOutcomes().by_origin.map((side) => ({
        ...side, closed: 0, completion_percent: null, help_requests: helpOutcomes({ total: 1, open: 1 }),
      })),
    });
    expect(hasComparison(originRows(empty))).toBe(false);
    expect(hasOutcomes(empty)).toBe(false);
    expect(hasComparison(originRows(learningOutcomes()))).toBe(true);
    expect(hasOutcomes(learningOutcomes())).toBe(true);
    expect(resolutionAxisMax(originRows(empty))).toBe(1);
  });

  it('says a duration in hours below two days and in days from there', () => {
    expect(spanOf(5.55)).toEqual({ unit: 'hours', value: 5.6 });
    expect(spanOf(47.9)).toEqual({ unit: 'hours', value: 47.9 });
    expect(spanOf(48)).toEqual({ unit: 'days', value: 2 });
    expect(spanOf(54)).toEqual({ unit: 'days', value: 2.3 });
  });
});
