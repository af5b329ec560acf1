import type { InfiniteData } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../lib/api/schemas';
import { actorOf, changesOf } from '../lib/audit-changes';
import { formatDateTime } from '../lib/format';
import type { Page } from '../lib/page';
import { problemMessage } from '../lib/problem-messages';
import { Alert } from './Alert';

type AuditEntry = Schemas['AuditEntry'];

/** What ChangeHistory reads of a record's history, read a page at a time (TanStack's useInfiniteQuery gives it). */
export interface HistoryQuery {
  data?: InfiniteData<Page<AuditEntry>> | undefined;
  isFetching: boolean;
  isSuccess: boolean;
  isError: boolean;
  error: unknown;
  fetchNextPage(): Promise<unknown>;
}

/** How one kind of record names its fields, its values and what was done to it. */
export interface HistoryWords {
  /** A field's name in words ("Nomor telepon"); the field itself when it has none. */
  field: (field: string) => string;
  /** A value in words when the record has its own reading (a sector, a gender); undefined for the shared one. */
  value?: (field: string, value: unknown) => string | undefined;
  /** What was done ("Diubah", "Didaftarkan"). */
  action: (action: string) => string;
}

/** A field whose value is an instant, shown as a date and time. */
const isInstantField = (field: string) => field.endsWith('_at');

/**
 * A value from an audit record in words, as every record's history reads it: empty, yes or no,
 * an instant, a linked record by its name; anything else as it was stored.
 */
export function sharedHistoryValue(t: TFunction, language: string | undefined, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.emptyValue');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (typeof value === 'string') return isInstantField(field) ? formatDateTime(value, language) : value;
  if (typeof value === 'number' || typeof value === 'bigint') return value.toString();
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.name === 'string') return record.name;
    if (typeof record.username === 'string') return record.username;
  }
  return JSON.stringify(value) ?? '';
}

function Entry({ entry, words }: { entry: AuditEntry; words: HistoryWords }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const actor = actorOf(entry) ?? t('common.system');
  const changes = changesOf(entry);
  const value = (field: string, raw: unknown) => words.value?.(field, raw) ?? sharedHistoryValue(t, language, field, raw);
  return (
    <li className="history__entry">
      <p className="history__head">
        <strong>{words.action(entry.action)}</strong>{' '}
        <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>{' '}
        <span className="muted">{t('history.by', { actor })}</span>
      </p>
      {changes.length > 0 ? (
        <ul className="history__changes">
          {changes.map((change) => (
            <li key={change.field}>
              <span className="history__field">{words.field(change.field)}</span>
              {': '}
              {entry.before !== null ? (
                <>
                  <del>{value(change.field, change.before)}</del>
                  {' → '}
                </>
              ) : null}
              <ins>{value(change.field, change.after)}</ins>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

interface ChangeHistoryProps {
  history: HistoryQuery;
  words: HistoryWords;
  /** The heading; "Riwayat perubahan" when left out. */
  title?: string;
  testId?: string;
}

/**
 * A record's change history: who changed which field from what to what, and when, newest first,
 * page by page ("more" loads older entries). A change to the record adds a line once the history
 * is read again.
 */
export function ChangeHistory({ history, words, title, testId = 'history' }: ChangeHistoryProps) {
  const { t } = useTranslation();
  const id = useId();
  const items = history.data?.pages.flatMap((page) => page.items) ?? [];
  const total = history.data?.pages.at(-1)?.total ?? 0;
  const loading = history.isFetching;

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={loading}>
      <h2 id={`${id}-title`}>{title ?? t('history.title')}</h2>
      {history.isError ? <Alert tone="error">{problemMessage(t, history.error)}</Alert> : null}
      {history.isSuccess && !loading && items.length === 0 ? <p className="muted">{t('history.empty')}</p> : null}
      {items.length > 0 ? (
        <ol className="history" data-testid={testId}>
          {items.map((entry) => (
            <Entry key={entry.id} entry={entry} words={words} />
          ))}
        </ol>
      ) : null}
      {items.length < total ? (
        <button type="button" className="button button--secondary" disabled={loading} onClick={() => void history.fetchNextPage()}>
          {t('history.more')}
        </button>
      ) : null}
    </section>
  );
}
