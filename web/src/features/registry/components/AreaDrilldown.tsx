import { lazy, Suspense, useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/Alert';
import { type Column, DataTable } from '../../../components/DataTable';
import { formatNumber, formatPercent } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { useEnterpriseAreas } from '../hooks/use-registry-queries';
import { usePlaceNames } from '../hooks/use-place-names';
import { SCALES, type AreaCount, type ScaleCounts } from '../types';
import { breadcrumb, canDrillInto, chartRows, childLevel, drillRegion, staleShare } from '../types/drilldown';
import type { EnterpriseFilters } from '../types/filters';

interface AreaDrilldownProps {
  filters: EnterpriseFilters;
  /** Go one level down (or back up, null for the whole country). */
  onDrill: (region: string | null) => void;
  /** Open the list of enterprises in an area. */
  onOpenList: (region: string) => void;
}

// The chart library is large and only this view needs it: it loads when the view first opens,
// so phones opening the list never download it.
const AreaChart = lazy(() => import('./AreaChart').then((m) => ({ default: m.AreaChart })));

const SCALE_COLUMNS = [...SCALES, 'unknown'] as const satisfies readonly (keyof ScaleCounts)[];
const AREA_COLUMNS: readonly Column[] = [
  { label: 'registry.areas.area' },
  { label: 'registry.areas.total', num: true },
  { label: 'registry.areas.stale', num: true },
  { label: 'registry.areas.stalePercent', num: true },
  ...SCALE_COLUMNS.map((scale): Column => ({ label: `scales.${scale}`, num: true })),
  { label: 'registry.areas.openList', hidden: true },
];

/** Counts per area with a chart and a table; choosing an area goes one level down. */
export function AreaDrilldown({ filters, onDrill, onOpenList }: AreaDrilldownProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const language = i18n.resolvedLanguage;
  const region = drillRegion(filters.region);
  const report = useEnterpriseAreas(filters, region);
  const current = report.data && (report.data.region?.code ?? null) === region ? report.data : null;
  const { names, learn } = usePlaceNames(region, current !== null);

  useEffect(() => {
    if (!current) return;
    learn([...(current.region ? [current.region] : []), ...current.areas]);
  }, [current, learn]);

  const crumbs = breadcrumb(region, names);
  const share = (area: Pick<AreaCount, 'total' | 'stale'>) => {
    const value = staleShare(area);
    return value === null ? '–' : formatPercent(value, language);
  };
  const sums = (current?.areas ?? []).reduce<ScaleCounts>(
    (acc, area) => {
      for (const scale of SCALE_COLUMNS) acc[scale] += area.by_scale[scale] ?? 0;
      return acc;
    },
    { micro: 0, small: 0, medium: 0, large: 0, unknown: 0 },
  );
  const openArea = (area: AreaCount) => (canDrillInto(area) ? onDrill(area.code) : onOpenList(area.code));

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={report.isFetching}>
      <h2 id={`${id}-title`}>{t('registry.areas.title')}</h2>
      <p className="muted">{t('registry.areas.intro')}</p>

      <nav aria-label={t('registry.areas.breadcrumb')} className="breadcrumb" data-testid="breadcrumb">
        <ol>
          {crumbs.map((crumb, index) => {
            const label = crumb.code === null ? t('registry.areas.country') : (crumb.name ?? crumb.code);
            const last = index === crumbs.length - 1;
            return (
              <li key={crumb.code ?? 'top'}>
                {last ? (
                  <span aria-current="location">{label}</span>
                ) : (
                  <button type="button" className="button--link breadcrumb__link" onClick={() => onDrill(crumb.code)}>
                    {label}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </nav>

      {report.isError ? <Alert tone="error">{problemMessage(t, report.error)}</Alert> : null}
      {report.isFetching && !current ? <p role="status">{t('registry.areas.loading')}</p> : null}

      {current ? (
        <>
          <p className="lead" role="status">
            {t('registry.areas.summary', {
              total: formatNumber(current.total, language),
              stale: formatNumber(current.stale, language),
              percent: share(current),
            })}
          </p>
          {current.areas.length === 0 ? (
            <p>{t('registry.areas.empty')}</p>
          ) : (
            <>
              <Suspense fallback={<p className="muted">{t('registry.areas.loading')}</p>}>
                <AreaChart
                  rows={chartRows(current.areas)}
                  caption={`${t(`registry.areas.byLevel.${childLevel(region)}`)}: ${t('registry.areas.chartTitle')}`}
                  onSelect={(code) => {
                    const area = current.areas.find((a) => a.code === code);
                    if (area) openArea(area);
                  }}
                />
              </Suspense>
              <DataTable
                caption={t(`registry.areas.byLevel.${childLevel(region)}`)}
                testId="area-table"
                className="data-table--areas"
                columns={AREA_COLUMNS}
                foot={
                  <tr>
                    <th scope="row">{t('registry.areas.totalRow')}</th>
                    <td className="num">{formatNumber(current.total, language)}</td>
                    <td className="num">{formatNumber(current.stale, language)}</td>
                    <td className="num">{share(current)}</td>
                    {SCALE_COLUMNS.map((scale) => (
                      <td className="num" key={scale}>
                        {formatNumber(sums[scale], language)}
                      </td>
                    ))}
                    <td />
                  </tr>
                }
              >
                {current.areas.map((area) => (
                  <tr key={area.code}>
                    <th scope="row">
                      {canDrillInto(area) ? (
                        <button
                          type="button"
                          className="button--link table-link"
                          aria-label={t('registry.areas.drillLabel', { name: area.name })}
                          onClick={() => onDrill(area.code)}
                        >
                          {area.name}
                        </button>
                      ) : (
                        area.name
                      )}
                    </th>
                    <td className="num">{formatNumber(area.total, language)}</td>
                    <td className="num">{formatNumber(area.stale, language)}</td>
                    <td className="num">{share(area)}</td>
                    {SCALE_COLUMNS.map((scale) => (
                      <td className="num" key={scale}>
                        {formatNumber(area.by_scale[scale] ?? 0, language)}
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        className="button--link table-link"
                        aria-label={t('registry.areas.openListLabel', { name: area.name })}
                        onClick={() => onOpenList(area.code)}
                      >
                        {t('registry.areas.openList')}
                      </button>
                    </td>
                  </tr>
                ))}
              </DataTable>
            </>
          )}
        </>
      ) : null}
    </section>
  );
}
