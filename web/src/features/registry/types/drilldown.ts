// The area drill-down: Indonesia → province → regency → district → village. The page
// URL holds only the current region's code; the breadcrumb above it is rebuilt from the
// code's ancestors and the names seen on the way down (or fetched once, after a reload).
import { ancestorCodes, levelOfCode, PLACE_LEVELS, type PlaceLevel } from '../../../lib/places';
import type { AreaCount } from './index';

export interface Crumb {
  /** null is the whole country, the top of the drill-down. */
  code: string | null;
  /** null while the name is not yet known; the code is shown instead. */
  name: string | null;
}

/** The region whose children the counts show: a village has none, so its district stands in. */
export function drillRegion(region: string | null): string | null {
  if (region === null) return null;
  return levelOfCode(region) === 'village' ? (ancestorCodes(region).at(-1) ?? null) : region;
}

/** The trail from the whole country down to `region`, each step with its name when known. */
export function breadcrumb(region: string | null, names: ReadonlyMap<string, string>): Crumb[] {
  const top: Crumb = { code: null, name: null };
  if (region === null) return [top];
  return [top, ...[...ancestorCodes(region), region].map((code) => ({ code, name: names.get(code) ?? null }))];
}

/** The codes on the trail whose names are not known yet. */
export function missingNames(region: string | null, names: ReadonlyMap<string, string>): string[] {
  return breadcrumb(region, names)
    .filter((crumb) => crumb.code !== null && crumb.name === null)
    .map((crumb) => crumb.code!);
}

/** The level of the areas listed under `region` (provinces at the top). */
export function childLevel(region: string | null): PlaceLevel {
  if (region === null) return 'province';
  const index = PLACE_LEVELS.indexOf(levelOfCode(region));
  return PLACE_LEVELS[Math.min(index + 1, PLACE_LEVELS.length - 1)]!;
}

/** Villages have no smaller areas: choosing one opens the list of its enterprises instead. */
export function canDrillInto(area: Pick<AreaCount, 'level'>): boolean {
  return area.level !== 'village';
}

/** The stale share of an area, 0..1; null when the area has no enterprises at all. */
export function staleShare(area: Pick<AreaCount, 'total' | 'stale'>): number | null {
  if (area.total <= 0) return null;
  return Math.min(1, Math.max(0, area.stale / area.total));
}

export interface ChartRow {
  code: string;
  name: string;
  /** Verified within the staleness period. */
  current: number;
  stale: number;
  total: number;
}

/** One bar per area: the up-to-date part and the stale part, stacked to the total. */
export function chartRows(areas: readonly AreaCount[]): ChartRow[] {
  return areas.map((area) => {
    const stale = Math.min(Math.max(area.stale, 0), Math.max(area.total, 0));
    return { code: area.code, name: area.name, current: Math.max(area.total, 0) - stale, stale, total: area.total };
  });
}
