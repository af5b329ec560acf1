// A group's learning outcomes (GET /groups/{id}/learning-outcomes) turned into what the charts of
// the learning tab draw: completion and attendance per cycle, and seed 000's comparison of
// community mentors against outside ones on completion and on how long help took.
import type { Schemas } from '../../../lib/api/schemas';
import type { MentorOrigin } from './cycles';

export type LearningOutcomes = Schemas['LearningOutcomes'];
export type HelpOutcomes = Schemas['HelpOutcomes'];
export type OutcomeCycle = LearningOutcomes['cycles'][number];
export type OriginOutcome = LearningOutcomes['by_origin'][number];

/** The most cycles the chart draws (the newest): more would not read on a phone. */
export const MAX_CHART_CYCLES = 12;

export interface CycleBar {
  id: number;
  /** The theme the group chose, else the cycle's title. */
  label: string;
  /** Whole percent, or null while the cycle has no mentees or targets. */
  completion: number | null;
  /** Whole percent present at its sessions, or null before any. */
  attendance: number | null;
  closed: boolean;
}

/** The newest cycles, oldest first (time runs left to right), as the chart's rows. */
export function cycleBars(outcomes: LearningOutcomes, max = MAX_CHART_CYCLES): CycleBar[] {
  return outcomes.cycles
    .slice(0, max)
    .reverse()
    .map((cycle) => ({
      id: cycle.id,
      label: cycle.theme ?? cycle.title,
      completion: cycle.completion_percent,
      attendance: cycle.attendance_percent,
      closed: cycle.status === 'closed',
    }));
}

export interface OriginRow {
  origin: MentorOrigin;
  cycles: number;
  closed: number;
  /** Over closed cycles; null until one closed. */
  completion: number | null;
  attendance: number | null;
  requests: number;
  resolved: number;
  /** Median hours from the report to the first advice / to the resolution; null without any. */
  adviceHours: number | null;
  resolutionHours: number | null;
}

/** Community mentors, then outside ones: one row each, whatever order the server sent. */
export function originRows(outcomes: LearningOutcomes): OriginRow[] {
  const order: MentorOrigin[] = ['community', 'external'];
  return order.flatMap((origin) => {
    const side = outcomes.by_origin.find((o) => o.origin === origin);
    if (!side) return [];
    return [
      {
        origin,
        cycles: side.cycles,
        closed: side.closed,
        completion: side.completion_percent,
        attendance: side.attendance_percent,
        requests: side.help_requests.total,
        resolved: side.help_requests.resolved,
        adviceHours: side.help_requests.first_advice.median_hours,
        resolutionHours: side.help_requests.resolution.median_hours,
      },
    ];
  });
}

/** Whether there is anything to compare: a closed cycle or a resolved request on either side. */
export function hasComparison(rows: readonly OriginRow[]): boolean {
  return rows.some((row) => row.completion !== null || row.resolutionHours !== null);
}

/** Whether the group has any outcome to show at all. */
export function hasOutcomes(outcomes: LearningOutcomes): boolean {
  return outcomes.cycles.length > 0 || outcomes.help_requests.total > 0;
}

/** A duration in hours as people say it: hours below two days, days from there. */
export type HourSpan = { unit: 'hours'; value: number } | { unit: 'days'; value: number };

export function spanOf(hours: number): HourSpan {
  if (hours < 48) return { unit: 'hours', value: Math.round(hours * 10) / 10 };
  return { unit: 'days', value: Math.round((hours / 24) * 10) / 10 };
}

/** The largest median resolution time, for the chart's axis (at least an hour). */
export function resolutionAxisMax(rows: readonly OriginRow[]): number {
  const most = Math.max(1, ...rows.map((row) => row.resolutionHours ?? 0));
  return Math.ceil(most);
}
