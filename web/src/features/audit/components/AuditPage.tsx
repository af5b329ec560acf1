import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { type Column, DataTable } from '../../../components/DataTable';
import { FormField } from '../../../components/FormField';
import { Pagination } from '../../../components/Pagination';
import { SearchForm } from '../../../components/SearchForm';
import { SelectField } from '../../../components/SelectField';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useAdminTexts } from '../../../lib/i18n/admin';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDraft } from '../../../lib/use-draft';
import { useAuditActors, useAuditPage } from '../hooks/use-audit';
import {
  AUDIT_ENTITIES,
  emptyAuditFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  isDayRange,
  isEntityId,
  isFiltered,
  PAGE_SIZE,
  SYSTEM_ACTOR,
  type AuditActor,
  type AuditFilters,
} from '../types';
import { actionLabel, actorLabel, entityLabel, recordLabel } from '../types/labels';
import { AuditEntryDetail } from './AuditEntryDetail';

const COLUMNS: readonly Column[] = [
  { label: 'audit.columns.at' },
  { label: 'audit.columns.actor' },
  { label: 'audit.columns.record' },
  { label: 'audit.columns.action' },
  { label: 'audit.columns.open', hidden: true },
];

/** "Siti Rahayu (siti.rahayu)": the name the admin knows, and the account's own name when they differ. */
function actorOption(t: TFunction, actor: AuditActor): string {
  return actor.display_name && actor.display_name !== actor.username
    ? t('audit.filters.actorNamed', { name: actor.display_name, username: actor.username })
    : actor.username;
}

/** The log of writes, newest first: filtered by who, which days, kind of record and record, a page at a time. */
export function AuditPage() {
  useAdminTexts();
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('audit.title'));
  const language = i18n.resolvedLanguage;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearchParams(params);
  const [entityId, setEntityId] = useDraft(filters.entityId);
  const [from, setFrom] = useDraft(filters.from);
  const [to, setTo] = useDraft(filters.to);
  const page = useAuditPage(filters);
  const actors = useAuditActors();
  const data = page.data;
  const opened = filters.entry !== null ? (data?.items.find((entry) => entry.id === filters.entry) ?? null) : null;
  const entities: string[] = [...AUDIT_ENTITIES];
  if (filters.entity && !entities.includes(filters.entity)) entities.push(filters.entity);

  const setFilters = (next: AuditFilters) => setParams(filtersToSearchParams(next));
  const idProblem = isEntityId(entityId.trim()) ? [] : [t('audit.filters.entityIdInvalid')];
  const daysProblem = isDayRange(from, to) ? [] : [t('audit.filters.toBeforeFrom')];
  // Days apply as soon as they make a range; a last day before the first waits for a correction.
  const setDays = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (isDayRange(nextFrom, nextTo)) setFilters({ ...filters, from: nextFrom, to: nextTo, offset: 0, entry: null });
  };
  const actorOptions = [
    { value: SYSTEM_ACTOR, label: t('audit.filters.system') },
    ...(actors.data ?? []).map((actor) => ({ value: String(actor.id), label: actorOption(t, actor) })),
  ];
  if (filters.actor && !actorOptions.some((option) => option.value === filters.actor)) {
    actorOptions.push({ value: filters.actor, label: t('audit.filters.actorNumbered', { id: filters.actor }) });
  }

  return (
    <>
      <h1 tabIndex={-1}>{t('audit.title')}</h1>
      <p className="muted">{t('audit.intro')}</p>

      <section className="card" aria-labelledby="audit-filters-title">
        <h2 id="audit-filters-title">{t('audit.filters.title')}</h2>
        <div className="filters__grid">
          <SelectField
            id="audit-actor"
            name="actor"
            label={t('audit.filters.actor')}
            hint={actors.isError ? t('audit.filters.actorsFailed') : undefined}
            emptyLabel={t('audit.filters.allActors')}
            options={actorOptions}
            value={filters.actor ?? ''}
            onChange={(e) => setFilters({ ...filters, actor: e.target.value || null, offset: 0, entry: null })}
          />
          <FormField
            id="audit-from"
            name="from"
            type="date"
            label={t('audit.filters.from')}
            value={from}
            max={to || undefined}
            onChange={(e) => setDays(e.target.value, to)}
          />
          <FormField
            id="audit-to"
            name="to"
            type="date"
            label={t('audit.filters.to')}
            hint={t('audit.filters.daysHint')}
            errors={daysProblem}
            value={to}
            min={from || undefined}
            onChange={(e) => setDays(from, e.target.value)}
          />
          <SelectField
            id="audit-entity"
            name="entity"
            label={t('audit.filters.entity')}
            emptyLabel={t('audit.filters.allEntities')}
            options={entities.map((entity) => ({ value: entity, label: entityLabel(t, entity) }))}
            value={filters.entity ?? ''}
            onChange={(e) => setFilters({ ...filters, entity: e.target.value || null, offset: 0, entry: null })}
          />
        </div>
        <SearchForm
          id="audit-entity-id"
          label={t('audit.filters.entityId')}
          hint={t('audit.filters.entityIdHint')}
          errors={idProblem}
          value={entityId}
          maxLength={50}
          onChange={setEntityId}
          onSearch={() => {
            if (idProblem.length === 0) setFilters({ ...filters, entityId: entityId.trim(), offset: 0, entry: null });
          }}
        />
        {isFiltered(filters) ? (
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setEntityId('');
              setFrom('');
              setTo('');
              setFilters(emptyAuditFilters());
            }}
          >
            {t('audit.filters.reset')}
          </button>
        ) : null}
      </section>

      {opened ? <AuditEntryDetail entry={opened} onClose={() => setFilters({ ...filters, entry: null })} /> : null}
      {filters.entry !== null && data && !opened && !page.isFetching ? (
        <Alert tone="info">{t('audit.entry.notOnPage')}</Alert>
      ) : null}

      <section className="card" aria-labelledby="audit-list-title" aria-busy={page.isFetching}>
        <h2 id="audit-list-title">{t('audit.list.title')}</h2>
        <p className="lead" role="status" data-testid="audit-total">
          {page.isFetching && !data
            ? t('audit.list.loading')
            : data
              ? t('audit.list.total', { count: data.total, formatted: formatNumber(data.total, language) })
              : null}
        </p>
        {page.isError ? <Alert tone="error">{problemMessage(t, page.error)}</Alert> : null}
        {data && data.items.length === 0 ? <p>{t('audit.list.empty')}</p> : null}
        {data && data.items.length > 0 ? (
          <DataTable columns={COLUMNS} caption={t('audit.list.title')} className="data-table--stack" testId="audit-table">
            {data.items.map((entry) => (
              <tr key={entry.id} data-testid={`audit-row-${entry.id}`} aria-current={entry.id === filters.entry ? 'true' : undefined}>
                <td data-label={t('audit.columns.at')} className="nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                </td>
                <td data-label={t('audit.columns.actor')}>
                  {entry.actor ? <Link to={`/users/${entry.actor.id}`}>{actorLabel(t, entry)}</Link> : actorLabel(t, entry)}
                </td>
                <td data-label={t('audit.columns.record')}>{recordLabel(t, entry)}</td>
                <td data-label={t('audit.columns.action')}>{actionLabel(t, entry.action, entry.entity)}</td>
                <td>
                  <button
                    type="button"
                    className="button--link table-link"
                    aria-label={t('audit.list.openLabel', { record: recordLabel(t, entry), action: actionLabel(t, entry.action, entry.entity) })}
                    onClick={() => setFilters({ ...filters, entry: entry.id })}
                  >
                    {t('audit.list.open')}
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        ) : null}
        {data ? (
          <Pagination
            total={data.total}
            limit={PAGE_SIZE}
            offset={filters.offset}
            onChange={(offset) => setFilters({ ...filters, offset, entry: null })}
            focusHeading
          />
        ) : null}
      </section>
    </>
  );
}
