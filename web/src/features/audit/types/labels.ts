// An audit entry in words: the kind of record, what was done, each field's name and value. The
// server's names are programmers' words ("api_token", "set_password", "scope_kind"): the texts
// name those gotong writes today; a name they do not know yet is shown as the server sent it.
import type { ParseKeys, TFunction } from 'i18next';
import { formatDateTime, formatDay, formatNumber } from '../../../lib/format';
import { adminId } from '../../../lib/i18n/admin-id';
import { id as texts } from '../../../lib/i18n/id';
import { hasPath } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import type { AuditEntry } from './index';

type Key = ParseKeys<'translation'>;

/** Whole rupiah, as the treasury and registry record them. */
const MONEY = new Set([
  'amount',
  'capital',
  'turnover',
  'price',
  'unit_price',
  'group_price',
  'alone_price',
  'monthly_fee',
  'debit',
  'credit',
  'value',
]);
/** Counts of things (not ids): "91.599", not "91599". */
const COUNTS = new Set(['count', 'rows_read', 'rows_inserted', 'rows_updated', 'rows_failed', 'employees', 'quantity']);
/** Values the texts have words for, by the field that holds them. */
const VALUE_TEXTS: Record<string, { root: object; prefix: string }> = {
  role: { root: texts.roles, prefix: 'roles' },
  scope_kind: { root: texts.scope.kinds, prefix: 'scope.kinds' },
  gender: { root: texts.genders, prefix: 'genders' },
  sector: { root: texts.sectors, prefix: 'sectors' },
  scale: { root: texts.scales, prefix: 'scales' },
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function entityLabel(t: TFunction, entity: string): string {
  return hasPath(adminId.audit.entities, [entity]) ? t(`audit.entities.${entity}` as Key) : entity;
}

export function actionLabel(t: TFunction, action: string): string {
  return hasPath(adminId.audit.actions, [action]) ? t(`audit.actions.${action}` as Key) : action;
}

export function fieldLabel(t: TFunction, field: string): string {
  return hasPath(adminId.audit.fields, [field]) ? t(`audit.fields.${field}` as Key) : field;
}

/** "Pengguna nomor 12"; an id that is not a number as it is ("Ekspor data: enterprises"). */
export function recordLabel(t: TFunction, entry: Pick<AuditEntry, 'entity' | 'entity_id'>): string {
  const entity = entityLabel(t, entry.entity);
  return /^\d+$/.test(entry.entity_id)
    ? t('audit.recordNumbered', { entity, id: entry.entity_id })
    : t('audit.recordNamed', { entity, id: entry.entity_id });
}

/** Who made the change: the account's username, or the system itself (a migration, an import's job). */
export function actorLabel(t: TFunction, entry: Pick<AuditEntry, 'actor'>): string {
  return entry.actor?.username ?? t('audit.system');
}

/**
 * One value of a recorded field in words: yes/no, dates and times in the reader's way, rupiah,
 * counts, roles and other words the texts know; lists and records as compact text.
 */
export function valueText(t: TFunction, language: string | undefined, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.value.empty');
  if (typeof value === 'boolean') return value ? t('audit.value.yes') : t('audit.value.no');
  if (typeof value === 'number') {
    if (MONEY.has(field) && Number.isFinite(value)) return formatRupiah(value);
    if (COUNTS.has(field)) return formatNumber(value, language);
    return String(value);
  }
  if (typeof value === 'string') {
    const words = VALUE_TEXTS[field];
    if (words && hasPath(words.root, [value])) return t(`${words.prefix}.${value}` as Key);
    if (INSTANT.test(value)) return formatDateTime(value, language);
    if (DAY.test(value)) return formatDay(value, language);
    return value;
  }
  return JSON.stringify(value) ?? '';
}
