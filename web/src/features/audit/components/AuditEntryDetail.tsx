import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column, DataTable } from '../../../components/DataTable';
import { DetailRow } from '../../../components/DetailRow';
import { formatDateTime } from '../../../lib/format';
import type { AuditEntry } from '../types';
import { changedCount, diffRows, type DiffRow } from '../types/diff';
import { actionLabel, actorLabel, fieldLabel, recordLabel, valueText } from '../types/labels';

const COLUMNS: readonly Column[] = [{ label: 'audit.diff.field' }, { label: 'audit.diff.before' }, { label: 'audit.diff.after' }];

function Cell({ row, side, entity }: { row: DiffRow; side: 'before' | 'after'; entity: string }) {
  const { t, i18n } = useTranslation();
  const present = side === 'before' ? row.inBefore : row.inAfter;
  const value = side === 'before' ? row.before : row.after;
  return (
    <td data-label={t(`audit.diff.${side}`)} className={`diff__${side} cell-wrap`}>
      {present ? valueText(t, i18n.resolvedLanguage, row.field, value, entity) : <span className="muted">{t('audit.value.absent')}</span>}
    </td>
  );
}

/**
 * One entry of the log opened: when, who, which record, what was done, and the record before and
 * after side by side, the fields that changed marked. On a phone each field's before and after
 * stack.
 */
export function AuditEntryDetail({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rows = diffRows(entry);
  const changed = changedCount(rows);

  useEffect(() => {
    headingRef.current?.focus();
  }, [entry.id]);

  return (
    <section className="card audit-entry" aria-labelledby={`${id}-title`} data-testid="audit-entry">
      <div className="section-head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {t('audit.entry.title', { action: actionLabel(t, entry.action, entry.entity), record: recordLabel(t, entry) })}
        </h2>
        <button type="button" className="button button--secondary" onClick={onClose}>
          {t('audit.entry.close')}
        </button>
      </div>
      <dl className="details">
        <DetailRow label={t('audit.columns.at')}>
          <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.resolvedLanguage)}</time>
        </DetailRow>
        <DetailRow label={t('audit.columns.actor')}>{actorLabel(t, entry)}</DetailRow>
        <DetailRow label={t('audit.columns.record')}>{recordLabel(t, entry)}</DetailRow>
        <DetailRow label={t('audit.columns.action')}>{actionLabel(t, entry.action, entry.entity)}</DetailRow>
        <DetailRow label={t('audit.entry.requestId')}>
          <code>{entry.request_id}</code>
        </DetailRow>
      </dl>
      {rows.length === 0 ? (
        <p className="muted">{t('audit.entry.noFields')}</p>
      ) : (
        <>
          <p data-testid="audit-changed">
            {entry.before === null
              ? t('audit.entry.created')
              : entry.after === null
                ? t('audit.entry.deleted')
                : t('audit.entry.changed', { count: changed })}
          </p>
          <DataTable columns={COLUMNS} caption={t('audit.diff.caption')} className="data-table--stack diff" testId="audit-diff">
            {rows.map((row) => (
              <tr key={row.field} className={row.changed ? 'diff__row diff__row--changed' : 'diff__row'} data-testid={`diff-${row.field}`}>
                <th scope="row">
                  {fieldLabel(t, row.field)}
                  {row.changed ? (
                    <>
                      {' '}
                      <span className="diff__mark">{t('audit.diff.changedMark')}</span>
                    </>
                  ) : null}
                </th>
                <Cell row={row} side="before" entity={entry.entity} />
                <Cell row={row} side="after" entity={entry.entity} />
              </tr>
            ))}
          </DataTable>
        </>
      )}
    </section>
  );
}
