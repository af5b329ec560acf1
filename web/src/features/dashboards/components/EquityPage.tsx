import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { type Column, DataTable } from '../../../components/DataTable';
import { Pagination } from '../../../components/Pagination';
import { formatNumber, formatPercent } from '../../../lib/format';
import { fieldErrorMessage, problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { NO_ERRORS, readServerErrors } from '../../../lib/use-form-errors';
import type { Role } from '../../../lib/user';
import { useEquity, useRegion } from '../hooks/use-dashboards';
import type { EquityDashboard, EquityRow } from '../types';
import { drawnRows, equityBars } from '../types/chart';
import {
  equityFiltersFrom,
  equityFiltersToParams,
  GROUPS_PAGE_SIZE,
  isDrillableRegion,
  withFilter,
  type EquityFilters,
} from '../types/filters';
import { rowLabel } from '../types/words';
import { BarList } from './BarList';
import { DashboardTabs } from './DashboardTabs';
import { EquityFiltersCard } from './EquityFiltersCard';

const COLUMNS: readonly Column[] = [
  { label: 'dashboards.equity.columns.name' },
  { label: 'dashboards.equity.columns.enterprises', num: true },
  { label: 'dashboards.equity.columns.served', num: true },
  { label: 'dashboards.equity.columns.share', num: true },
  { label: 'dashboards.equity.columns.groups', num: true },
  { label: 'dashboards.equity.columns.records', num: true },
  { label: 'dashboards.equity.columns.value', num: true },
  { label: 'dashboards.equity.columns.perEnterprise', num: true },
];

/** The filter fields a refusal may name, by the API's parameter. */
const FILTER_FIELDS: Record<string, string> = { from: 'from', to: 'to', kind: 'kind', helix: 'helix', programme_id: 'programme' };

/** Assistance by region, sector, scale or gender against the registry, with who was never served. */
export function EquityPage({ role }: { role: Role }) {
  const { t } = useTranslation();
  useDocumentTitle(t('dashboards.equity.title'));
  const [params, setParams] = useSearchParams();
  const filters = equityFiltersFrom(params);
  // Each change is a new entry in the history: Back returns to the view before it.
  const setFilters = (next: EquityFilters) => setParams(equityFiltersToParams(next));
  const report = useEquity(filters);
  const data = report.data;
  // A refused query (a day the server does not take, a programme it does not know) is said beside
  // the filter it is about; anything else above the figures.
  const refusal = report.isError
    ? readServerErrors(report.error, {
        fieldOf: (error) => FILTER_FIELDS[error.field] ?? null,
        message: (error) => fieldErrorMessage(t, error),
        problem: (error) => problemMessage(t, error),
      })
    : NO_ERRORS;

  return (
    <>
      <div className="page-head">
        <h1 tabIndex={-1}>{t('dashboards.equity.title')}</h1>
      </div>
      <DashboardTabs role={role} />
      <p className="muted">{t('dashboards.equity.intro')}</p>
      <EquityFiltersCard filters={filters} errors={refusal.byField} onChange={setFilters} />
      <section className="card" aria-labelledby="equity-title" aria-busy={report.isFetching} data-testid="equity">
        <h2 id="equity-title">{t(`dashboards.equity.byOptions.${filters.by}`)}</h2>
        {filters.by === 'region' ? <Breadcrumb region={filters.region} onDrill={(region) => setFilters(withFilter(filters, { region }))} /> : null}
        {refusal.general.map((message) => (
          <Alert key={message} tone="error">
            {message}
          </Alert>
        ))}
        {!data && report.isPending ? <p role="status">{t('dashboards.equity.loading')}</p> : null}
        {data ? (
          <EquityReport
            data={data}
            onDrill={(region) => setFilters(withFilter(filters, { region }))}
            groupsOffset={filters.groupsOffset}
            onGroupsOffset={(groupsOffset) => setFilters({ ...filters, groupsOffset })}
          />
        ) : null}
      </section>
    </>
  );
}

/** Indonesia › province › regency › district: each step but the last opens that level again. */
function Breadcrumb({ region, onDrill }: { region: string | null; onDrill: (region: string | null) => void }) {
  const { t } = useTranslation();
  const place = useRegion(region);
  const path: { code: string | null; name: string }[] = [{ code: null, name: t('dashboards.equity.country') }];
  if (region !== null) {
    const known = place.data?.code === region ? place.data.path : [];
    path.push(...(known.length > 0 ? known : [{ code: region, name: region }]));
  }
  return (
    <nav aria-label={t('dashboards.equity.breadcrumb')} className="breadcrumb" data-testid="equity-breadcrumb">
      <ol>
        {path.map((crumb, index) => (
          <li key={crumb.code ?? 'top'}>
            {index === path.length - 1 ? (
              <span aria-current="location">{crumb.name}</span>
            ) : (
              <button type="button" className="button--link breadcrumb__link" onClick={() => onDrill(crumb.code)}>
                {crumb.name}
              </button>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

interface EquityReportProps {
  data: EquityDashboard;
  onDrill: (region: string) => void;
  groupsOffset: number;
  onGroupsOffset: (offset: number) => void;
}

function EquityReport({ data, onDrill, groupsOffset, onGroupsOffset }: EquityReportProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const number = (value: number) => formatNumber(value, language);
  const share = (row: EquityRow) => (row.share_served === null ? t('dashboards.equity.noShare') : formatPercent(row.share_served, language));
  const perEnterprise = (row: EquityRow) => (row.value_per_enterprise === null ? t('dashboards.equity.noShare') : formatRupiah(row.value_per_enterprise));
  const label = (row: EquityRow) => rowLabel(t, data.by, row);
  const drillable = (row: EquityRow) => data.by === 'region' && isDrillableRegion(row.key);
  const bars = equityBars(data.rows);
  const hidden = data.rows.length - drawnRows(data.rows).length;
  const byWord = t(`dashboards.equity.byOptions.${data.by}`).toLowerCase();
  const cells = (row: EquityRow) => (
    <>
      <td className="num">{number(row.enterprises)}</td>
      <td className="num">{number(row.enterprises_served)}</td>
      <td className="num">{share(row)}</td>
      <td className="num">{number(row.groups_served)}</td>
      <td className="num">{number(row.records)}</td>
      <td className="num">{formatRupiah(row.value)}</td>
      <td className="num">{perEnterprise(row)}</td>
    </>
  );

  return (
    <>
      <p className="lead" role="status" data-testid="equity-summary">
        {t('dashboards.equity.summary', {
          served: number(data.totals.enterprises_served),
          enterprises: number(data.totals.enterprises),
          percent: share(data.totals),
          records: number(data.totals.records),
          value: formatRupiah(data.totals.value),
          groups: number(data.totals.groups_served),
        })}
      </p>
      {bars.length === 0 ? (
        <p>{t('dashboards.equity.empty')}</p>
      ) : (
        <div className="dash-charts">
          <BarList
            caption={t('dashboards.equity.chartTitle')}
            testId="equity-chart"
            legend={[
              { label: t('dashboards.equity.keyRegistry'), tone: 'track' },
              { label: t('dashboards.equity.keyServed'), tone: 'fill' },
            ]}
            items={bars.map((bar) => ({
              key: bar.key,
              label: label(bar.row),
              percent: bar.registry,
              inner: bar.served,
              text: t('dashboards.equity.barText', {
                served: number(bar.row.enterprises_served),
                enterprises: number(bar.row.enterprises),
                percent: share(bar.row),
              }),
            }))}
            onSelect={data.by === 'region' ? (key) => isDrillableRegion(key) && onDrill(key) : undefined}
          />
          <BarList
            caption={t('dashboards.equity.chartValueTitle')}
            testId="equity-value-chart"
            items={bars.map((bar) => ({ key: bar.key, label: label(bar.row), percent: bar.perEnterprise, text: perEnterprise(bar.row) }))}
            onSelect={data.by === 'region' ? (key) => isDrillableRegion(key) && onDrill(key) : undefined}
          />
        </div>
      )}
      {data.by === 'region' && bars.length > 0 ? <p className="chart__note muted">{t('dashboards.equity.chartNote')}</p> : null}
      {hidden > 0 ? <p className="chart__note muted">{t('dashboards.equity.hiddenRows', { count: hidden })}</p> : null}

      <DataTable
        caption={t('dashboards.equity.tableCaption', { by: byWord })}
        testId="equity-table"
        columns={COLUMNS}
        foot={
          <tr data-testid="equity-total">
            <th scope="row">{t('dashboards.equity.total')}</th>
            {cells(data.totals)}
          </tr>
        }
      >
        {data.rows.map((row) => (
          <tr key={row.key} data-testid={`equity-row-${row.key}`}>
            <th scope="row">
              {drillable(row) ? (
                <button
                  type="button"
                  className="button--link table-link"
                  aria-label={t('dashboards.equity.drillLabel', { name: label(row) })}
                  onClick={() => onDrill(row.key)}
                >
                  {label(row)}
                </button>
              ) : (
                label(row)
              )}
            </th>
            {cells(row)}
          </tr>
        ))}
      </DataTable>
      <p className="chart__note muted" data-testid="counted-from">
        {t(`dashboards.equity.counted.${data.counted_from.assistance === 'ledger' || data.counted_from.served === 'ledger' ? 'ledger' : 'tallies'}`)}
      </p>

      <NeverServed data={data} label={label} groupsOffset={groupsOffset} onGroupsOffset={onGroupsOffset} />
    </>
  );
}

interface NeverServedProps {
  data: EquityDashboard;
  label: (row: EquityRow) => string;
  groupsOffset: number;
  onGroupsOffset: (offset: number) => void;
}

/** The rows with enterprises and no assistance, and the groups never served (paged). */
function NeverServed({ data, label, groupsOffset, onGroupsOffset }: NeverServedProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const groups = data.groups_never_served;
  return (
    <section className="dash-never" aria-labelledby="never-title" data-testid="never-served">
      <h3 id="never-title">{t('dashboards.equity.never.title')}</h3>
      <h4>{t('dashboards.equity.never.areas')}</h4>
      {data.never_served.length === 0 ? (
        <p className="muted">{t('dashboards.equity.never.areasEmpty')}</p>
      ) : (
        <ul className="dash-never__list" data-testid="never-served-rows">
          {data.never_served.map((row) => (
            <li key={row.key}>{t('dashboards.equity.never.areaLine', { name: label(row), count: formatNumber(row.enterprises, language) })}</li>
          ))}
        </ul>
      )}
      <h4>{t('dashboards.equity.never.groups')}</h4>
      {groups.total === 0 ? (
        <p className="muted">{t('dashboards.equity.never.groupsEmpty')}</p>
      ) : (
        <>
          <p data-testid="never-served-groups-total">
            {t('dashboards.equity.never.groupsTotal', { count: groups.total, formatted: formatNumber(groups.total, language) })}
          </p>
          <ul className="dash-never__list" data-testid="never-served-groups">
            {groups.items.map((group) => (
              <li key={group.id}>
                <Link to={`/groups/${group.id}`}>{group.name}</Link>
              </li>
            ))}
          </ul>
          <Pagination
            total={groups.total}
            limit={GROUPS_PAGE_SIZE}
            offset={groupsOffset}
            onChange={onGroupsOffset}
            label={t('dashboards.equity.never.groupsLabel')}
          />
        </>
      )}
    </section>
  );
}
