// An audit entry in words: the kind of record, what was done, each field's name and value. The
// server's names are programmers' words ("api_token", "set_password", "scope_kind"): the texts
// name those gotong writes today; a name they do not know yet is shown as the server sent it.
import type { ParseKeys, TFunction } from 'i18next';
import { formatDateTime, formatDay, formatMonth, formatNumber } from '../../../lib/format';
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
  'budget',
]);
/** Counts of things (not ids): "91.599", not "91599". */
const COUNTS = new Set([
  'count',
  'rows_read',
  'rows_inserted',
  'rows_updated',
  'rows_failed',
  'employees',
  'quantity',
  'present',
  'excused',
  'absent',
  'quorum',
  'attendance',
  'answers',
  'groups',
  'mentorships',
  'width',
  'height',
  'bytes',
  'received_bytes',
]);
interface Words {
  root: object;
  prefix: string;
}

/** Values the texts have words for, by the field that holds them, whatever the record. */
const VALUE_TEXTS: Record<string, Words> = {
  role: { root: texts.roles, prefix: 'roles' },
  scope_kind: { root: texts.scope.kinds, prefix: 'scope.kinds' },
  gender: { root: texts.genders, prefix: 'genders' },
  sector: { root: texts.sectors, prefix: 'sectors' },
  scale: { root: texts.scales, prefix: 'scales' },
  scale_criterion: { root: texts.criteria, prefix: 'criteria' },
  helix: { root: texts.stakeholders.helices, prefix: 'stakeholders.helices' },
  origin: { root: texts.groups.origins, prefix: 'groups.origins' },
  topic: { root: texts.groups.deliberations.topics, prefix: 'groups.deliberations.topics' },
  rule: { root: texts.groups.deliberations.rules, prefix: 'groups.deliberations.rules' },
  outcome: { root: texts.groups.deliberations.outcomes, prefix: 'groups.deliberations.outcomes' },
  mentor_origin: { root: adminId.audit.value.mentorOrigin, prefix: 'audit.value.mentorOrigin' },
};

/** Fields whose words depend on the kind of record ("kind" of a stakeholder, of a group …), as "entity:field". */
const ENTITY_VALUE_TEXTS: Record<string, Words> = {
  'stakeholder:kind': { root: texts.stakeholders.kinds, prefix: 'stakeholders.kinds' },
  'group:kind': { root: texts.groups.kinds, prefix: 'groups.kinds' },
  'group:status': { root: texts.groups.statuses, prefix: 'groups.statuses' },
  'membership:role': { root: texts.groups.roles, prefix: 'groups.roles' },
  'enterprise:status': { root: texts.enterpriseStatus, prefix: 'enterpriseStatus' },
  'import:status': { root: texts.imports.status, prefix: 'imports.status' },
  'import:mode': { root: texts.imports.modes, prefix: 'imports.modes' },
  'meeting:kind': { root: texts.groups.meetings.kinds, prefix: 'groups.meetings.kinds' },
  'meeting:status': { root: texts.groups.meetings.statuses, prefix: 'groups.meetings.statuses' },
  'ledger_entry:kind': { root: texts.groups.treasury.kinds, prefix: 'groups.treasury.kinds' },
  'common_asset:kind': { root: texts.groups.treasury.assetKinds, prefix: 'groups.treasury.assetKinds' },
  'common_asset:source': { root: texts.groups.treasury.assetSources, prefix: 'groups.treasury.assetSources' },
  'knowledge_post:kind': { root: texts.groups.posts.kinds, prefix: 'groups.posts.kinds' },
  'material_post:kind': { root: texts.groups.materials.kinds, prefix: 'groups.materials.kinds' },
  'membership:joined_precision': { root: adminId.audit.value.precision, prefix: 'audit.value.precision' },
  'joint_order:status': { root: texts.groups.orders.statuses, prefix: 'groups.orders.statuses' },
  'mentorship:origin': { root: adminId.audit.value.mentorOrigin, prefix: 'audit.value.mentorOrigin' },
  'learning_cycle:status': { root: adminId.audit.value.cycleStatus, prefix: 'audit.value.cycleStatus' },
  'help_request:status': { root: adminId.audit.value.helpStatus, prefix: 'audit.value.helpStatus' },
  'matching_run:status': { root: adminId.audit.value.matchingStatus, prefix: 'audit.value.matchingStatus' },
  'programme:status': { root: adminId.audit.value.programmeStatus, prefix: 'audit.value.programmeStatus' },
  'assistance:kind': { root: adminId.audit.value.assistanceKind, prefix: 'audit.value.assistanceKind' },
  'assistance:loan.method': { root: adminId.audit.value.loanMethod, prefix: 'audit.value.loanMethod' },
};

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

export function entityLabel(t: TFunction, entity: string): string {
  return hasPath(adminId.audit.entities, [entity]) ? t(`audit.entities.${entity}` as Key) : entity;
}

/** What was done; `entity` for an action whose name means something else on that kind of record. */
export function actionLabel(t: TFunction, action: string, entity = ''): string {
  if (hasPath(adminId.audit.entityActions, [entity, action])) return t(`audit.entityActions.${entity}.${action}` as Key);
  return hasPath(adminId.audit.actions, [action]) ? t(`audit.actions.${action}` as Key) : action;
}

/** A field's name; a dotted one ("loan.term_months") is a field inside a part of the record. */
export function fieldLabel(t: TFunction, field: string): string {
  return hasPath(adminId.audit.fields, field.split('.')) ? t(`audit.fields.${field}` as Key) : field;
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

const LEDGER_LINE = /^([a-z_]+) (Dr|Cr) (\d+)(?: member (\d+))?$/;
const SHARE = /^member (\d+): (\d+) \(delivered (\d+), paid (\d+)\)$/;
const PARTNER = /^(\d+):(owner|partner):([a-z_]+)$/;
const CRITERION = /^(region|sector|scale|founded_within_years|category)=(.+)$|^(homogeneous)$/;

/** A word the texts have at `prefix.value` under `root`, or the value itself. */
function wordFor(t: TFunction, root: object, prefix: string, value: string): string {
  return hasPath(root, [value]) ? t(`${prefix}.${value}` as Key) : value;
}

/**
 * A programme's lists as the server writes them out: its partners ("2:owner:government"), its
 * criteria ("sector=food_processing,homogeneous") and its factors ("capital_access,partnership").
 * Null when the text is not such a list.
 */
function programmeListText(t: TFunction, field: string, value: string): string | null {
  const parts = value.split(',');
  if (field === 'partners') {
    const partners = parts.map((part) => PARTNER.exec(part));
    if (partners.some((partner) => partner === null)) return null;
    return partners
      .map((partner) => {
        const [, id, role, helix] = partner!;
        return t('audit.value.partner', {
          id,
          role: t(`audit.value.partnerRole.${role as 'owner' | 'partner'}`),
          helix: wordFor(t, texts.stakeholders.helices, 'stakeholders.helices', helix!),
        });
      })
      .join('; ');
  }
  if (field === 'criteria') {
    const criteria = parts.map((part) => CRITERION.exec(part));
    if (criteria.some((criterion) => criterion === null)) return null;
    return criteria
      .map((criterion) => {
        const [, name, raw, homogeneous] = criterion!;
        if (homogeneous) return t('audit.value.criterion.homogeneous');
        let words = raw!;
        if (name === 'sector') words = wordFor(t, texts.sectors, 'sectors', raw!);
        if (name === 'scale') words = wordFor(t, texts.scales, 'scales', raw!);
        if (name === 'category') words = wordFor(t, adminId.audit.value.category, 'audit.value.category', raw!);
        return t(`audit.value.criterion.${name as 'region' | 'sector' | 'scale' | 'founded_within_years' | 'category'}`, { value: words });
      })
      .join('; ');
  }
  if (field === 'factors') {
    if (!parts.every((part) => hasPath(adminId.audit.value.factor, [part]))) return null;
    return parts.map((part) => t(`audit.value.factor.${part}` as Key)).join(', ');
  }
  return null;
}

/**
 * A list the server writes out as one text, in the reader's words: a ledger entry's lines
 * ("cash Dr 10000 member 8; member_fees Cr 10000 member 8") or a joint order's shares
 * ("member 11: 37 (delivered 0, paid 0); …"). Null when the text is not such a list.
 */
function serverListText(t: TFunction, language: string | undefined, entity: string, field: string, value: string): string | null {
  const parts = value.split('; ');
  if (entity === 'ledger_entry' && field === 'lines') {
    const lines = parts.map((part) => LEDGER_LINE.exec(part));
    if (lines.some((line) => line === null)) return null;
    return lines
      .map((line) => {
        const [, account, side, amount, member] = line!;
        const values = {
          account: hasPath(texts.groups.treasury.accounts, [account!])
            ? t(`groups.treasury.accounts.${account}` as Key)
            : account,
          side: side === 'Dr' ? t('audit.value.debit') : t('audit.value.credit'),
          amount: formatRupiah(Number(amount)),
          member,
        };
        return member ? t('audit.value.ledgerLineMember', values) : t('audit.value.ledgerLine', values);
      })
      .join('; ');
  }
  if (entity === 'joint_order' && field === 'shares') {
    const shares = parts.map((part) => SHARE.exec(part));
    if (shares.some((share) => share === null)) return null;
    return shares
      .map((share) => {
        const [, member, quantity, delivered, paid] = share!;
        return t('audit.value.share', {
          member,
          quantity: formatNumber(Number(quantity), language),
          delivered: formatNumber(Number(delivered), language),
          paid: formatRupiah(Number(paid)),
        });
      })
      .join('; ');
  }
  return null;
}

/**
 * One value of a recorded field of a kind of record (`entity`) in words: yes/no, dates and times in
 * the reader's way, rupiah, counts, roles, kinds, statuses and other words the texts know; lists
 * and records as compact text.
 */
export function valueText(t: TFunction, language: string | undefined, field: string, value: unknown, entity = ''): string {
  if (value === null || value === undefined || value === '') return t('audit.value.empty');
  if (typeof value === 'boolean') return value ? t('audit.value.yes') : t('audit.value.no');
  if (typeof value === 'number') {
    if (MONEY.has(field) && Number.isFinite(value)) return formatRupiah(value);
    if (COUNTS.has(field)) return formatNumber(value, language);
    return String(value);
  }
  if (typeof value === 'string') {
    const words = ENTITY_VALUE_TEXTS[`${entity}:${field}`] ?? VALUE_TEXTS[field];
    if (words && hasPath(words.root, [value])) return t(`${words.prefix}.${value}` as Key);
    const list = entity === 'programme' ? programmeListText(t, field, value) : serverListText(t, language, entity, field, value);
    if (list !== null) return list;
    if (INSTANT.test(value)) return formatDateTime(value, language);
    if (DAY.test(value)) return formatDay(value, language);
    if (MONTH.test(value)) return formatMonth(value, language);
    return value;
  }
  return JSON.stringify(value) ?? '';
}
