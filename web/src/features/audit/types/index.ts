// The audit log (admin only): every write, who made it and when, with the record before and after.
import type { QueryValue } from '../../../lib/api-client';
import type { Schemas } from '../../../lib/api/schemas';
import { setAddressPage } from '../../../lib/page';

export type AuditEntry = Schemas['AuditEntry'];
export type AuditPage = Schemas['AuditPage'];
export type UserPage = Schemas['UserPage'];
/** An account the "who" filter offers. */
export type AuditActor = Schemas['User'];

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

/** The API's word for the changes made without an account (the console, the system itself). */
export const SYSTEM_ACTOR = 'system';

/** What the log shows: a kind of record, one record of it, who, which days, a page, and the entry opened. */
export interface AuditFilters {
  entity: string | null;
  entityId: string;
  /** Who made the changes: a user's id ("7"), SYSTEM_ACTOR, or null for everyone. */
  actor: string | null;
  /** The first and last day, "2026-11-23" (days in UTC+9, as the server counts them), or "". */
  from: string;
  to: string;
  offset: number;
  /** The entry whose before and after are shown, by its id. */
  entry: number | null;
}

export function emptyAuditFilters(): AuditFilters {
  return { entity: null, entityId: '', actor: null, from: '', to: '', offset: 0, entry: null };
}

const positive = (text: string | null) => {
  const n = Number(text ?? '');
  return text !== null && /^\d+$/.test(text) && Number.isSafeInteger(n) && n > 0 ? n : null;
};

/** Whether `text` is a calendar day written as a date input holds it ("2026-11-23"). */
export function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Whether the days can be sent: each empty or a day, and the first not after the last. */
export function isDayRange(from: string, to: string): boolean {
  return (from === '' || isDay(from)) && (to === '' || isDay(to)) && (from === '' || to === '' || from <= to);
}

/** The address's words, those that make sense kept (/audit?entity=user&entity_id=12&actor=7&from=…&page=2&entry=41). */
export function filtersFromSearchParams(params: URLSearchParams): AuditFilters {
  const entity = (params.get('entity') ?? '').trim();
  const entityId = (params.get('entity_id') ?? '').trim();
  const actor = (params.get('actor') ?? '').trim();
  const page = positive(params.get('page'));
  const from = isDay(params.get('from') ?? '') ? params.get('from')! : '';
  const to = isDay(params.get('to') ?? '') ? params.get('to')! : '';
  return {
    entity: ENTITY_PATTERN.test(entity) ? entity : null,
    entityId: ENTITY_ID_PATTERN.test(entityId) ? entityId : '',
    actor: actor === SYSTEM_ACTOR || positive(actor) !== null ? actor : null,
    from,
    // A last day before the first cannot be meant: the first is kept.
    to: isDayRange(from, to) ? to : '',
    offset: page !== null && page > 1 ? (page - 1) * PAGE_SIZE : 0,
    entry: positive(params.get('entry')),
  };
}

export function filtersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.entity) params.set('entity', filters.entity);
  if (filters.entityId) params.set('entity_id', filters.entityId);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  setAddressPage(params, filters.offset, PAGE_SIZE);
  if (filters.entry !== null) params.set('entry', String(filters.entry));
  return params;
}

/** GET /audit's query: kind, record, who, days and page. The entry opened is the page's own business and never sent. */
export function auditQuery(filters: AuditFilters): Record<string, QueryValue> {
  return {
    entity: filters.entity,
    entity_id: filters.entityId || null,
    actor: filters.actor,
    from: filters.from || null,
    to: filters.to || null,
    limit: PAGE_SIZE,
    offset: filters.offset,
  };
}

/** Whether any filter narrows the log (the page and the entry opened do not). */
export function isFiltered(filters: AuditFilters): boolean {
  return Boolean(filters.entity || filters.entityId || filters.actor || filters.from || filters.to);
}

/** Whether an id typed into the filter can be sent (the address drops anything else too). */
export function isEntityId(text: string): boolean {
  return text === '' || ENTITY_ID_PATTERN.test(text);
}

/** The accounts sorted as a person looks for them: by the name shown, then the username. */
export function byName(actors: AuditActor[]): AuditActor[] {
  const name = (actor: AuditActor) => actor.display_name || actor.username;
  return [...actors].sort((a, b) => name(a).localeCompare(name(b), 'id') || a.username.localeCompare(b.username, 'id'));
}
