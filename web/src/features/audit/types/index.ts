// The audit log (admin only): every write, who made it and when, with the record before and after.
import type { QueryValue } from '../../../lib/api-client';
import type { Schemas } from '../../../lib/api/schemas';

export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];

export const PAGE_SIZE = 25;

/**
 * The kinds of record the server writes to the log today, in the order the filter offers them
 * (accounts first, then the registry, then the groups). The API's `entity` is an open string: a
 * kind not listed here still shows, by its own name.
 */
export const AUDIT_ENTITIES = [
  'user',
  'session',
  'api_token',
  'stakeholder',
  'person',
  'enterprise',
  'import',
  'export',
  'regions',
  'group',
  'membership',
  'meeting',
  'deliberation',
  'norm',
  'ledger_entry',
  'fee_rule',
  'common_asset',
  'market_area',
  'joint_order',
  'knowledge_post',
  'material_post',
  'collective_purchase',
] as const;

/** A kind as the address may carry it: lower-case words joined by "_", as the server names them. */
const ENTITY_PATTERN = /^[a-z][a-z_]{0,49}$/;
/** An id as the address may carry it: the server's ids are numbers or short words ("enterprises"). */
const ENTITY_ID_PATTERN = /^[A-Za-z0-9._-]{1,50}$/;

/** What the log shows: a kind of record, one record of it, a page, and the entry opened. */
export interface AuditFilters {
  entity: string | null;
  entityId: string;
  offset: number;
  /** The entry whose before and after are shown, by its id. */
  entry: number | null;
}

export function emptyAuditFilters(): AuditFilters {
  return { entity: null, entityId: '', offset: 0, entry: null };
}

const positive = (text: string | null) => {
  const n = Number(text ?? '');
  return text !== null && /^\d+$/.test(text) && Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** The address's words, those that make sense kept (/audit?entity=user&entity_id=12&page=2&entry=41). */
export function filtersFromSearchParams(params: URLSearchParams): AuditFilters {
  const entity = (params.get('entity') ?? '').trim();
  const entityId = (params.get('entity_id') ?? '').trim();
  const page = positive(params.get('page'));
  return {
    entity: ENTITY_PATTERN.test(entity) ? entity : null,
    entityId: ENTITY_ID_PATTERN.test(entityId) ? entityId : '',
    offset: page !== null && page > 1 ? (page - 1) * PAGE_SIZE : 0,
    entry: positive(params.get('entry')),
  };
}

export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.entity) params.set('entity', filters.entity);
  if (filters.entityId) params.set('entity_id', filters.entityId);
  const page = Math.floor(filters.offset / PAGE_SIZE) + 1;
  if (page > 1) params.set('page', String(page));
  if (filters.entry !== null) params.set('entry', String(filters.entry));
  return params;
}

/**
 * GET /audit's query: the API filters by kind and record only (not by who or when). The entry
 * opened is the page's own business and never sent.
 */
export function auditQuery(filters: AuditFilters): Record<string, QueryValue> {
  return { entity: filters.entity, entity_id: filters.entityId || null, limit: PAGE_SIZE, offset: filters.offset };
}

/** Whether an id typed into the filter can be sent (the address drops anything else too). */
export function isEntityId(text: string): boolean {
  return text === '' || ENTITY_ID_PATTERN.test(text);
}
