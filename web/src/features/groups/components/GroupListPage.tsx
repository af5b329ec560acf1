import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ResultsSection } from '../../../components/ResultsSection';
import { SelectField } from '../../../components/SelectField';
import { SearchForm } from '../../../components/SearchForm';
import { formatNumber } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useDraft } from '../../../lib/use-draft';
import type { Role } from '../../../lib/user';
import { useGroupList } from '../hooks/use-group-queries';
import { GROUP_KINDS, GROUP_STATUSES, isGroupKind, isGroupStatus, type Group } from '../types';
import { groupProblemMessage } from '../types/errors';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  MAX_Q,
  PAGE_SIZE,
  type GroupFilters,
} from '../types/filters';
import { groupPath, NEW_GROUP_PATH, REGION_COMPLIANCE_PATH } from '../types/paths';
import { GroupStatusBadge, sectorLabel, shortPlace } from './labels';

/** One group as a card: big enough to tap on a phone, with what tells groups apart. */
function GroupCard({ group }: { group: Group }) {
  const { t } = useTranslation();
  return (
    <li className="record-card" data-testid={`group-card-${group.id}`}>
      <h3 className="record-card__title">
        <Link to={groupPath(group.id)}>{group.name}</Link>
      </h3>
      <p className="record-card__line">{shortPlace(group.village, group.village_code)}</p>
      <p className="record-card__line muted">
        {[t(`groups.kinds.${group.kind}`), sectorLabel(t, group.sector), group.business_centre].filter(Boolean).join(' · ')}
      </p>
      <p className="record-card__badges">
        <GroupStatusBadge status={group.status} />
        <span className="record-card__count">{t('groups.list.activeMembers', { count: group.active_members })}</span>
      </p>
    </li>
  );
}

/** The groups the caller reaches: search by name, filter by status and kind, one card each. */
export function GroupListPage({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('groups.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearchParams(params);
  // Back and forward change the address: the search box follows it.
  const [query, setQuery] = useDraft(filters.q);
  const page = useGroupList(filters);

  const setFilters = (next: GroupFilters) => setParams(filtersToSearchParams(next));


  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('groups.title')}</h1>
        <div className="page-head__actions">
          {can(role, 'groups.compliance') ? (
            <Link to={REGION_COMPLIANCE_PATH} className="button button--secondary">
              {t('groups.regionCompliance.title')}
            </Link>
          ) : null}
          {can(role, 'groups.create') ? (
            <Link to={NEW_GROUP_PATH} className="button button--primary">
              {t('groups.add')}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="muted">{t('groups.intro')}</p>

      <div className="card group-filters">
        <SearchForm
          id="group-q"
          label={t('groups.search')}
          hint={t('groups.searchHint')}
          value={query}
          maxLength={MAX_Q}
          onChange={setQuery}
          onSearch={() => setFilters({ ...filters, q: query.trim(), offset: 0 })}
        />
        <div className="filters__grid">
          <SelectField
            id="group-status"
            label={t('groups.status')}
            emptyLabel={t('groups.allStatuses')}
            options={GROUP_STATUSES.map((status) => ({ value: status, label: t(`groups.statuses.${status}`) }))}
            name="status"
            value={filters.status ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, q: query.trim(), status: isGroupStatus(e.target.value) ? e.target.value : null, offset: 0 })}
          />
          <SelectField
            id="group-kind"
            label={t('groups.kind')}
            emptyLabel={t('groups.allKinds')}
            options={GROUP_KINDS.map((kind) => ({ value: kind, label: t(`groups.kinds.${kind}`) }))}
            name="kind"
            value={filters.kind ?? ''}
            onChange={(e) =>
              setFilters({ ...filters, q: query.trim(), kind: isGroupKind(e.target.value) ? e.target.value : null, offset: 0 })}
          />
        </div>
      </div>

      <ResultsSection
        title={t('groups.list.title')}
        query={page}
        loading={t('groups.list.loading')}
        total={(count) => t('groups.list.total', { count, formatted: formatNumber(count, i18n.resolvedLanguage) })}
        empty={t('groups.list.empty')}
        problem={(error) => groupProblemMessage(t, error)}
        totalTestId="group-total"
        limit={PAGE_SIZE}
        offset={filters.offset}
        onOffset={(offset) => setFilters({ ...filters, offset })}
      >
        {(items) => (
          <ul className="record-list" data-testid="group-cards">
            {items.map((group) => (
              <GroupCard key={group.id} group={group} />
            ))}
          </ul>
        )}
      </ResultsSection>
    </>
  );
}
