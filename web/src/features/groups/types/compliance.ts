// SOP compliance as people would rather look at it (seed 001: the group met twice a month where
// the SOP asked once = 200%): one bar per month of meetings held against the SOP's line, and the
// share of members present at the meetings whose attendance was taken.
import type { Compliance, ComplianceMonth } from './index';

export interface ComplianceChartRow {
  month: string;
  /** "Nov 2026": the axis label, in the reader's language. */
  label: string;
  held: number;
  required: number;
  percent: number;
  /** Whether the month met the SOP (held ≥ required). */
  met: boolean;
  /** Members present in percent; null where no attendance was taken (the line has a gap there). */
  attendance: number | null;
}

/** One row per month, oldest first, labelled by `label` ("2026-11" → "Nov 2026"). */
export function complianceChartRows(
  months: readonly ComplianceMonth[],
  label: (month: string) => string,
): ComplianceChartRow[] {
  return [...months]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((row) => ({
      month: row.month,
      label: label(row.month),
      held: Math.max(0, row.held),
      required: Math.max(0, row.required),
      percent: Math.max(0, row.percent),
      met: row.held >= row.required,
      attendance: row.recorded > 0 && row.attendance_percent !== null ? row.attendance_percent : null,
    }));
}

/** Whether any month had its attendance taken: without that the attendance chart has nothing to draw. */
export function hasAttendance(rows: readonly ComplianceChartRow[]): boolean {
  return rows.some((row) => row.attendance !== null);
}

/** The highest value the meetings axis must show: the SOP line and every bar, at least 1. */
export function heldAxisMax(rows: readonly ComplianceChartRow[], sop: number): number {
  return Math.max(1, sop, ...rows.map((row) => row.held));
}

/** The latest month of a compliance view (the current one, when the range ends today). */
export function latestMonth(compliance: Pick<Compliance, 'months'>): ComplianceMonth | null {
  const months = [...compliance.months].sort((a, b) => a.month.localeCompare(b.month));
  return months.at(-1) ?? null;
}

/** "2026-11" moved by `delta` months ("2026-11", -11 → "2025-12"). */
export function shiftMonth(month: string, delta: number): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new RangeError(`not a month: ${month}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + delta;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The `count` months that end with `to`, as the from/to the API takes. */
export function monthsEnding(to: string, count: number): { from: string; to: string } {
  return { from: shiftMonth(to, -(Math.max(1, count) - 1)), to };
}

/** The spans a reader may choose on the compliance tab, in months. */
export const SPANS = [6, 12, 24] as const;
export type Span = (typeof SPANS)[number];
