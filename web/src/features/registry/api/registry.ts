import { api, type Download, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE, type Page } from '../../../lib/page';
import type { Place } from '../../../lib/places';
import {
  areasQuery,
  exportQuery,
  listQuery,
  type EnterpriseFilters,
  type ExportFormat,
} from '../types/filters';
import type {
  AreaReport,
  AuditPage,
  Enterprise,
  EnterpriseInput,
  EnterprisePage,
  Person,
  PersonInput,
  PersonPage,
  Sector,
  StewardOption,
} from '../types';

export function listEnterprises(filters: EnterpriseFilters, signal?: AbortSignal, limit?: number): Promise<EnterprisePage> {
  return api.get<EnterprisePage>('/enterprises', { query: listQuery(filters, limit), ...withSignal(signal) });
}

export function getEnterprise(id: number, signal?: AbortSignal): Promise<Enterprise> {
  return api.get<Enterprise>(`/enterprises/${id}`, withSignal(signal));
}

export function createEnterprise(body: EnterpriseInput, idempotencyKey?: string): Promise<Enterprise> {
  return api.post<Enterprise>('/enterprises', body, { idempotencyKey });
}

export function updateEnterprise(id: number, body: EnterpriseInput): Promise<Enterprise> {
  return api.patch<Enterprise>(`/enterprises/${id}`, body);
}

/** "The data is still right": verified now, by the caller; the enterprise is no longer stale. */
export function verifyEnterprise(id: number): Promise<Enterprise> {
  return api.post<Enterprise>(`/enterprises/${id}/verify`, {});
}

export function enterpriseHistory(id: number, offset: number, limit: number, signal?: AbortSignal): Promise<AuditPage> {
  return api.get<AuditPage>(`/enterprises/${id}/history`, { query: { limit, offset }, ...withSignal(signal) });
}

export function enterpriseAreas(
  filters: EnterpriseFilters,
  region: string | null,
  signal?: AbortSignal,
): Promise<AreaReport> {
  return api.get<AreaReport>('/enterprises/areas', { query: areasQuery(filters, region), ...withSignal(signal) });
}

export function exportEnterprises(
  filters: EnterpriseFilters,
  format: ExportFormat,
  includeNik: boolean,
): Promise<Download> {
  return api.download('/enterprises/export', { query: exportQuery(filters, format, includeNik) });
}

export function listSectors(signal?: AbortSignal): Promise<{ items: Sector[] }> {
  return api.get<{ items: Sector[] }>('/sectors', withSignal(signal));
}

export function searchPeople(q: string, signal?: AbortSignal): Promise<PersonPage> {
  return api.get<PersonPage>('/people', { query: { q, limit: 20, offset: 0 }, ...withSignal(signal) });
}

export function createPerson(body: PersonInput, idempotencyKey?: string): Promise<Person> {
  return api.post<Person>('/people', body, { idempotencyKey });
}

export function getPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return api.get<Person>(`/people/${id}`, withSignal(signal));
}

/** A region's name and path, for the breadcrumb after a reload (GET /regions/{code}). */
export function getPlace(code: string, signal?: AbortSignal): Promise<Place> {
  return api.get<Place>(`/regions/${encodeURIComponent(code)}`, withSignal(signal));
}

/** Every stakeholder, for an admin choosing a record's steward. */
export async function listStewards(signal?: AbortSignal): Promise<StewardOption[]> {
  const items: StewardOption[] = [];
  for (let page = 0; page < 20; page += 1) {
    const result = await api.get<Page<StewardOption>>('/stakeholders', {
      query: { limit: MAX_PAGE_SIZE, offset: items.length },
      ...withSignal(signal),
    });
    items.push(...result.items.map(({ id, name }) => ({ id, name })));
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}
