import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResultsSection } from '../../../components/ResultsSection';
import { SearchForm } from '../../../components/SearchForm';
import { formatNumber, joinDetails } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import { useAddressFilters } from '../../../lib/use-address-filters';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Role } from '../../../lib/user';
import { useGroupList } from '../hooks/use-group-queries';
import type { Group } from '../types';
import { groupProblemMessage } from '../types/errors';
import { filtersFromSearchParams, filtersToSearchParams, MAX_Q, PAGE_SIZE } from '../types/filters';
import { groupPath, NEW_GROUP_PATH, REGION_COMPLIANCE_PATH } from '../types/paths';
import { GroupSelects } from './GroupSelects';
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
        {joinDetails([t(`groups.kinds.${group.kind}`), sectorLabel(t, group.sector), group.business_centre])}
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
  const { filters, setFilters, apply, searchBox } = useAddressFilters(filtersFromSearchParams, filtersToSearchParams);
  const page = useGroupList(filters);

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
          {...searchBox}
          maxLength={MAX_Q}
        />
        <div className="filters__grid">
          <GroupSelects idPrefix="group" filters={filters} allStatuses={t('groups.allStatuses')} onChange={apply} />
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
