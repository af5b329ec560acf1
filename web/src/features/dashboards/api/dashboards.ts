// The dashboards feature's calls: GET /dashboards/equity and /dashboards/helix, the programmes the
// equity dashboard filters by, and one region (its path names the breadcrumb).
import { api, withSignal, type QueryValue } from '../../../lib/api-client';
import { MAX_PAGE_SIZE } from '../../../lib/page';
import type { EquityDashboard, HelixDashboard, ProgrammePage, Region } from '../types';

export const getEquity = (query: Record<string, QueryValue>, signal?: AbortSignal) =>
  api.get<EquityDashboard>('/dashboards/equity', { query, ...withSignal(signal) });

export const getHelix = (signal?: AbortSignal) => api.get<HelixDashboard>('/dashboards/helix', withSignal(signal));

/** The programmes the caller reaches, a first page of the most the API gives: to filter by one. */
export const listProgrammes = (signal?: AbortSignal) =>
  api.get<ProgrammePage>('/programmes', { query: { limit: MAX_PAGE_SIZE, offset: 0 }, ...withSignal(signal) });

export const getRegion = (code: string, signal?: AbortSignal) =>
  api.get<Region>(`/regions/${encodeURIComponent(code)}`, withSignal(signal));
