import { api, withSignal } from '../../../lib/api-client';
import { MAX_PAGE_SIZE, readAllPages } from '../../../lib/page';
import type { Stakeholder, StakeholderInput, StakeholderPage } from '../types';

/** Guard against a server that keeps reporting a larger total. */
const MAX_PAGES = 25;

/** Every stakeholder matching `q` (GET /stakeholders, page after page). */
export function listStakeholders(q: string, signal?: AbortSignal): Promise<Stakeholder[]> {
  return readAllPages(
    (offset) => api.get<StakeholderPage>('/stakeholders', { query: { q: q || null, limit: MAX_PAGE_SIZE, offset }, ...withSignal(signal) }),
    MAX_PAGES,
  );
}

export function getStakeholder(id: number, signal?: AbortSignal): Promise<Stakeholder> {
  return api.get<Stakeholder>(`/stakeholders/${id}`, withSignal(signal));
}

export function createStakeholder(input: StakeholderInput, idempotencyKey?: string): Promise<Stakeholder> {
  return api.post<Stakeholder>('/stakeholders', input, { idempotencyKey });
}

export function updateStakeholder(id: number, input: StakeholderInput): Promise<Stakeholder> {
  return api.patch<Stakeholder>(`/stakeholders/${id}`, input);
}
