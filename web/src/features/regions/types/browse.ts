// Browsing the official tree: Indonesia → province → regency/city → district → village, one
// level at a time, with the trail back up; and what is known of where the list came from.
import { REGION_LEVELS, type AuditEntry, type Region, type RegionLevel } from './index';

/** A region code as the API writes them: 35, 35.07, 35.07.20, 35.07.20.2004. */
const CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isRegionCode(text: string | undefined): text is string {
  return text !== undefined && CODE.test(text);
}

/** The level listed under a region (the provinces at the top); null under a village. */
export function childLevelOf(region: Pick<Region, 'level'> | null): RegionLevel | null {
  if (region === null) return 'province';
  return REGION_LEVELS[REGION_LEVELS.indexOf(region.level) + 1] ?? null;
}

export interface Crumb {
  /** null is the whole country, the top of the tree. */
  code: string | null;
  name: string | null;
}

/** The trail from the whole country down to the region itself (the last crumb). */
export function crumbsOf(region: Pick<Region, 'code' | 'name' | 'path'> | null): Crumb[] {
  const top: Crumb = { code: null, name: null };
  if (region === null) return [top];
  const path = region.path.length > 0 ? region.path : [{ code: region.code, name: region.name }];
  return [top, ...path.map((place) => ({ code: place.code, name: place.name }))];
}

/** The official list's last load into gotong. */
export interface RegionDataLoad {
  at: string;
  /** How many regions were loaded. */
  count: number | null;
  /** Where the server read them from, as it recorded it. */
  source: string | null;
  /** The dataset's edition (idn-area-data's package version), when the server could tell. */
  version: string | null;
}

/** The load as its audit entry tells it (entity `regions`, action `load`); null for anything else. */
export function dataLoadOf(entry: AuditEntry | null): RegionDataLoad | null {
  if (!entry || entry.entity !== 'regions' || entry.action !== 'load') return null;
  const after = entry.after ?? {};
  const count = typeof after.count === 'number' && Number.isFinite(after.count) ? after.count : null;
  const source = typeof after.source === 'string' && after.source !== '' ? after.source : null;
  const version = typeof after.version === 'string' && after.version !== '' ? after.version : null;
  return { at: entry.at, count, source, version };
}
