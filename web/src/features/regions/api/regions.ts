import { api, withSignal } from '../../../lib/api-client';
import { readAllPages } from '../../../lib/page';
import type { AuditPage, Region, RegionPage } from '../types';
import { dataLoadOf, type RegionDataLoad } from '../types/browse';

/** The API's largest page; lists of children are read page by page up to `total`. */
export const MAX_PAGE_SIZE = 200;
/** Guard against a server that keeps reporting a larger total: no region has this many children. */
const MAX_PAGES = 50;

function listAll(query: Record<string, string>, signal?: AbortSignal): Promise<Region[]> {
  return readAllPages(
    (offset) => api.get<RegionPage>('/regions', { query: { ...query, limit: MAX_PAGE_SIZE, offset }, ...withSignal(signal) }),
    MAX_PAGES,
  );
}

/** All provinces (GET /regions). */
export function listProvinces(signal?: AbortSignal): Promise<Region[]> {
  return listAll({}, signal);
}

/** All direct children of a region (GET /regions?parent=CODE). */
export function listChildren(parentCode: string, signal?: AbortSignal): Promise<Region[]> {
  return listAll({ parent: parentCode }, signal);
}

/** One page of a name search over all levels (GET /regions?q=…). */
export function searchRegions(q: string, offset: number, limit: number, signal?: AbortSignal): Promise<RegionPage> {
  return api.get<RegionPage>('/regions', { query: { q, limit, offset }, ...(signal ? { signal } : {}) });
}

/** One region with the names on its path (GET /regions/{code}). */
export function getRegion(code: string, signal?: AbortSignal): Promise<Region> {
  return api.get<Region>(`/regions/${encodeURIComponent(code)}`, { ...(signal ? { signal } : {}) });
}

/**
 * The last load of the official list, as the audit log recorded it (admin only): the API says
 * nothing about the data's source or version anywhere else. Null when no load was recorded.
 */
export async function getRegionDataLoad(signal?: AbortSignal): Promise<RegionDataLoad | null> {
  const page = await api.get<AuditPage>('/audit', { query: { entity: 'regions', limit: 1 }, ...(signal ? { signal } : {}) });
  return dataLoadOf(page.items[0] ?? null);
}
