import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResultsSection } from '../../../components/ResultsSection';
import { SearchForm } from '../../../components/SearchForm';
import { SelectField } from '../../../components/SelectField';
import { formatDay, formatNumber } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { problemMessage } from '../../../lib/problem-messages';
import { useAddressFilters } from '../../../lib/use-address-filters';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Role } from '../../../lib/user';
import { PAGE_SIZE } from '../api/programmes';
import { useProgrammeList } from '../hooks/use-programmes';
import { isProgrammeStatus, NEW_PROGRAMME_PATH, programmePath, PROGRAMME_STATUSES, type Programme, type ProgrammeStatus } from '../types';
import { ProgrammeStatusBadge } from './labels';

const MAX_Q = 100;

interface Filters {
  q: string;
  status: ProgrammeStatus | null;
  offset: number;
}

function filtersFrom(params: URLSearchParams): Filters {
  const status = params.get('status');
  const offset = Number(params.get('offset') ?? '0');
  return {
    q: (params.get('q') ?? '').slice(0, MAX_Q),
    status: isProgrammeStatus(status) ? status : null,
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

function toParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.offset > 0) params.set('offset', String(filters.offset));
  return params;
}

function ProgrammeCard({ programme }: { programme: Programme }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  return (
    <li className="record-card" data-testid={`programme-card-${programme.id}`}>
      <h3 className="record-card__title">
        <Link to={programmePath(programme.id)}>{programme.name}</Link>
      </h3>
      <p className="record-card__line">{t('programmes.list.owner', { name: programme.owner.name })}</p>
      <p className="record-card__line muted">
        {t('programmes.list.period', { from: formatDay(programme.starts_on, language), to: formatDay(programme.ends_on, language) })}
        {' · '}
        {programme.factors.map((f) => t(`programmes.factors.${f}`)).join(', ')}
      </p>
      <p className="record-card__badges">
        <ProgrammeStatusBadge status={programme.status} />
      </p>
    </li>
  );
}

/** The programmes the caller reaches: search by name and filter by status, both kept in the address. */
export function ProgrammeListPage({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('programmes.title'));
  const { filters, setFilters, apply, searchBox } = useAddressFilters(filtersFrom, toParams);
  const page = useProgrammeList(filters);

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('programmes.title')}</h1>
        {can(role, 'programmes.write') ? (
          <Link to={NEW_PROGRAMME_PATH} className="button button--primary">
            {t('programmes.add')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('programmes.intro')}</p>
      <div className="card">
        <SearchForm
          id="programme-q"
          label={t('programmes.search')}
          hint={t('programmes.searchHint')}
          {...searchBox}
          maxLength={MAX_Q}
        />
        <SelectField
          id="programme-status"
          label={t('programmes.status')}
          emptyLabel={t('programmes.allStatuses')}
          options={PROGRAMME_STATUSES.map((s) => ({ value: s, label: t(`programmes.statuses.${s}`) }))}
          name="status"
          value={filters.status ?? ''}
          onChange={(e) => apply({ status: isProgrammeStatus(e.target.value) ? e.target.value : null })}
        />
      </div>
      <ResultsSection
        title={t('programmes.list.title')}
        query={page}
        loading={t('programmes.list.loading')}
        total={(count) => t('programmes.list.total', { count, formatted: formatNumber(count, i18n.resolvedLanguage) })}
        empty={t('programmes.list.empty')}
        problem={(error) => problemMessage(t, error)}
        totalTestId="programme-total"
        limit={PAGE_SIZE}
        offset={filters.offset}
        onOffset={(offset) => setFilters({ ...filters, offset })}
      >
        {(items) => (
          <ul className="record-list" data-testid="programme-cards">
            {items.map((programme) => (
              <ProgrammeCard key={programme.id} programme={programme} />
            ))}
          </ul>
        )}
      </ResultsSection>
    </>
  );
}
