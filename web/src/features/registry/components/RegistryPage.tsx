import { useTranslation } from 'react-i18next';
import { Link, NavLink, useNavigate, useSearchParams } from 'react-router';
import { ResultsSection } from '../../../components/ResultsSection';
import { formatNumber } from '../../../lib/format';
import { can } from '../../../lib/permissions';
import type { RegionPickerSlot } from '../../../lib/places';
import { problemMessage } from '../../../lib/problem-messages';
import { useDocumentTitle } from '../../../lib/use-document-title';
import type { Role } from '../../../lib/user';
import { useEnterprises } from '../hooks/use-registry-queries';
import { useSectors } from '../hooks/use-sectors';
import {
  filtersFromSearchParams,
  filtersToSearchParams,
  PAGE_SIZE,
  type EnterpriseFilters,
} from '../types/filters';
import { AREAS_PATH, NEW_ENTERPRISE_PATH, REGISTRY_PATH } from '../types/paths';
import { AreaDrilldown } from './AreaDrilldown';
import { EnterpriseList } from './EnterpriseList';
import { ExportPanel } from './ExportPanel';
import { FilterPanel } from './FilterPanel';

interface RegistryPageProps {
  role: Role;
  view: 'list' | 'areas';
  RegionPicker: RegionPickerSlot;
}

/** The registry: a filtered, paged list of enterprises, or their counts per area. */
export function RegistryPage({ role, view, RegionPicker }: RegistryPageProps) {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('registry.title'));
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const sectors = useSectors();
  const filters = filtersFromSearchParams(params);

  const setFilters = (next: EnterpriseFilters) => setParams(filtersToSearchParams(next));
  // The other tab keeps the filters, but not the page.
  const tabSearch = (() => {
    const text = filtersToSearchParams({ ...filters, offset: 0 }).toString();
    return text ? `?${text}` : '';
  })();

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('registry.title')}</h1>
        {can(role, 'registry.write') ? (
          <Link to={NEW_ENTERPRISE_PATH} className="button button--primary">
            {t('registry.add')}
          </Link>
        ) : null}
      </div>
      <nav className="tabs" aria-label={t('registry.tabsLabel')}>
        <NavLink end to={`${REGISTRY_PATH}${tabSearch}`} className="tabs__tab">
          {t('registry.tabList')}
        </NavLink>
        <NavLink end to={`${AREAS_PATH}${tabSearch}`} className="tabs__tab">
          {t('registry.tabAreas')}
        </NavLink>
      </nav>

      <FilterPanel filters={filters} view={view} sectors={sectors} RegionPicker={RegionPicker} onChange={setFilters} />

      {view === 'list' ? (
        <ListView filters={filters} role={role} language={i18n.resolvedLanguage} onChange={setFilters} />
      ) : (
        <AreaDrilldown
          filters={filters}
          onDrill={(region) => setFilters({ ...filters, region, offset: 0 })}
          onOpenList={(region) =>
            void navigate({
              pathname: REGISTRY_PATH,
              search: `?${filtersToSearchParams({ ...filters, region, offset: 0 }).toString()}`,
            })
          }
        />
      )}
    </>
  );
}

interface ListViewProps {
  filters: EnterpriseFilters;
  role: Role;
  language: string | undefined;
  onChange: (filters: EnterpriseFilters) => void;
}

function ListView({ filters, role, language, onChange }: ListViewProps) {
  const { t } = useTranslation();
  const page = useEnterprises(filters);
  const data = page.data;

  return (
    <>
      <ResultsSection
        title={t('registry.list.title')}
        query={page}
        loading={t('registry.list.loading')}
        total={(count) => t('registry.list.total', { count, formatted: formatNumber(count, language) })}
        empty={t('registry.list.empty')}
        problem={(error) => problemMessage(t, error)}
        totalTestId="enterprise-total"
        limit={PAGE_SIZE}
        offset={filters.offset}
        onOffset={(offset) => onChange({ ...filters, offset })}
      >
        {(items) => <EnterpriseList items={items} />}
      </ResultsSection>
      {can(role, 'registry.read') ? (
        <ExportPanel filters={filters} total={data?.total ?? null} canIncludeNik={can(role, 'registry.nik')} />
      ) : null}
    </>
  );
}
