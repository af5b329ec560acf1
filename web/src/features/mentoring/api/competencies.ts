import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE, readAllPages } from '../../../lib/page';
import type { Competency, CompetencyPage } from '../types';
import type { CompetencyInput } from '../types/form';

/** Guard against a server that keeps reporting a larger total. */
const MAX_PAGES = 25;

/**
 * The whole catalogue of competencies still taught (GET /competencies, page after page); with a
 * sector, that sector's own and the business skills every sector shares.
 */
export function listCompetencies(signal?: AbortSignal, sector?: string): Promise<Competency[]> {
  return readAllPages(
    (offset) => api.get<CompetencyPage>('/competencies', { query: { sector, limit: MAX_PAGE_SIZE, offset }, ...withSignal(signal) }),
    MAX_PAGES,
  );
}

export function createCompetency(body: CompetencyInput, idempotencyKey?: string): Promise<Competency> {
  return api.post<Competency>('/competencies', body, { idempotencyKey });
}

export function updateCompetency(id: number, patch: CompetencyInput): Promise<Competency> {
  return api.patch<Competency>(`/competencies/${id}`, patch);
}
