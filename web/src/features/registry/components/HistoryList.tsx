import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { formatDateTime } from '../../../lib/format';
import { id as texts } from '../../../lib/i18n/id';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useEnterpriseHistory } from '../hooks/use-registry-queries';
import type { AuditEntry } from '../types';
import { actorOf, changesOf } from '../types/history';
import { sectorLabel } from './labels';

const MONEY = new Set(['capital', 'turnover']);
const INSTANTS = new Set(['verified_at', 'created_at', 'updated_at', 'nik_consent_at']);
// The fields with a name of their own in the texts (an import's job and file among them); others show as sent.
const KNOWN_FIELDS = new Set(Object.keys(texts.registry.fields));
// 'import_update' is an upsert import changing a registered enterprise (the server's action name).
const KNOWN_ACTIONS = new Set(['create', 'update', 'verify', 'import', 'import_update']);

export function fieldLabel(t: TFunction, field: string): string {
  return KNOWN_FIELDS.has(field) ? t(`registry.fields.${field}` as 'registry.fields.name') : field;
}

/** A value from an audit record in words: rupiah, dates, sector names, names of linked records. */
export function historyValue(t: TFunction, language: string | undefined, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('registry.history.emptyValue');
  if (typeof value === 'boolean') return value ? t('registry.history.yes') : t('registry.history.no');
  if (typeof value === 'number' && MONEY.has(field)) return formatRupiah(value);
  if (typeof value === 'string') {
    if (INSTANTS.has(field)) return formatDateTime(value, language);
    if (field === 'sector') return sectorLabel(t, value);
    if (field === 'status' && (value === 'active' || value === 'closed')) return t(`enterpriseStatus.${value}`);
    if (field === 'gender' && (value === 'female' || value === 'male')) return t(`genders.${value}`);
    if (field === 'scale_criterion' && (value === 'turnover' || value === 'capital')) return t(`criteria.${value}`);
    if (field === 'scale' && ['micro', 'small', 'medium', 'large'].includes(value)) {
      return t(`scales.${value as 'micro'}`);
    }
    return value;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string') return record.name;
    if (typeof record.username === 'string') return record.username;
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? '';
}

function Entry({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const actor = actorOf(entry) ?? t('common.system');
  const changes = changesOf(entry);
  const action = KNOWN_ACTIONS.has(entry.action)
    ? t(`registry.history.actions.${entry.action as 'create'}`)
    : entry.action;
  return (
    <li className="history__entry">
      <p className="history__head">
        <strong>{action}</strong>{' '}
        <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>{' '}
        <span className="muted">{t('registry.history.by', { actor })}</span>
      </p>
      {changes.length > 0 ? (
        <ul className="history__changes">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="history__field">{fieldLabel(t, change.field)}</span>
              {': '}
              {entry.before !== null ? (
                <>
                  <del>{historyValue(t, language, change.field, change.before)}</del>
                  {' → '}
                </>
              ) : null}
              <ins>{historyValue(t, language, change.field, change.after)}</ins>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** Who changed what and when, newest first, page by page; a change to the record adds a line. */
export function HistoryList({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const id = useId();
  const history = useEnterpriseHistory(enterpriseId);
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const total = history.data?.pages.at(-1)?.total ?? 0;
  const loading = history.isFetching;

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={loading}>
      <h2 id={`${id}-title`}>{t('registry.history.title')}</h2>
      {history.isError ? <Alert tone="error">{problemMessage(t, history.error)}</Alert> : null}
      {history.isSuccess && !loading && items.length === 0 ? <p className="muted">{t('registry.history.empty')}</p> : null}
      {items.length > 0 ? (
        <ol className="history" data-testid="history">
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      ) : null}
      {items.length < total ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={loading}
          onClick={() => void history.fetchNextPage()}
        >
          {t('registry.history.more')}
        </button>
      ) : null}
    </section>
  );
}
