import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartLegend } from '../../../components/ChartLegend';
import { type Column, DataTable } from '../../../components/DataTable';
import { QueryStatus } from '../../../components/QueryStatus';
import { localeOf } from '../../../lib/format';
import { useLearningTexts } from '../../../lib/i18n/learning';
import { useLearningOutcomes } from '../hooks/use-learning';
import type { GroupView } from '../types/cycles';
import { learningProblemMessage } from '../types/errors';
import { cycleBars, hasComparison, hasOutcomes, type HelpOutcomes, originRows, spanOf } from '../types/outcomes';

// The charts bring recharts: loaded only when there is something to draw.
const CycleOutcomesChart = lazy(() => import('./OutcomeCharts').then((m) => ({ default: m.CycleOutcomesChart })));
const OriginCharts = lazy(() => import('./OutcomeCharts').then((m) => ({ default: m.OriginCharts })));

const CYCLE_COLUMNS: readonly Column[] = [
  { label: 'mentoring.outcomes.colCycle' },
  { label: 'mentoring.outcomes.colCompletion', num: true },
  { label: 'mentoring.outcomes.colAttendance', num: true },
];

const ORIGIN_COLUMNS: readonly Column[] = [
  { label: 'mentoring.outcomes.colMentor' },
  { label: 'mentoring.outcomes.colCompletion', num: true },
  { label: 'mentoring.outcomes.colAdvice', num: true },
  { label: 'mentoring.outcomes.colResolution', num: true },
];

/** "5,5 jam", "2,3 hari" / "5.5 h", "2.3 days"; a dash without a figure. */
function useDuration() {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(localeOf(i18n.resolvedLanguage), { maximumFractionDigits: 1 });
  return (hours: number | null): string => {
    if (hours === null) return t('mentoring.outcomes.noTime');
    const span = spanOf(hours);
    return t(span.unit === 'hours' ? 'mentoring.outcomes.hours' : 'mentoring.outcomes.days', { value: number.format(span.value) });
  };
}

function percentText(value: number | null, none: string): string {
  return value === null ? none : `${value}%`;
}

function HelpSummary({ help }: { help: HelpOutcomes }) {
  const { t } = useTranslation();
  const duration = useDuration();
  if (help.total === 0) return null;
  return (
    <>
      <p className="lead" data-testid="outcomes-help">
        {t('mentoring.outcomes.helpLine', {
          count: help.total,
          resolved: help.resolved,
          waiting: help.open + help.advised,
          abandoned: help.abandoned,
        })}
      </p>
      {help.first_advice.count > 0 ? (
        <p className="muted" data-testid="outcomes-help-times">
          {t('mentoring.outcomes.helpTimes', {
            advice: duration(help.first_advice.median_hours),
            adviceP90: duration(help.first_advice.p90_hours),
            resolution: duration(help.resolution.median_hours),
            resolutionP90: duration(help.resolution.p90_hours),
          })}
        </p>
      ) : null}
    </>
  );
}

/**
 * Hasil belajar: what the group's learning achieved (issue 14's outcomes) — completion and
 * attendance per cycle as a chart, the help requests' times, and seed 000's comparison of
 * community mentors with outside consultants on completion and on time to resolution, drawn and
 * written out in a table.
 */
export function OutcomesSection({ group }: { group: GroupView }) {
  useLearningTexts();  // the tab's texts (a no-op once LearningSection loaded them)
  const { t } = useTranslation();
  const id = useId();
  const duration = useDuration();
  const outcomes = useLearningOutcomes(group.id);
  const data = outcomes.data;
  const bars = data ? cycleBars(data) : [];
  const origins = data ? originRows(data) : [];
  const none = t('mentoring.outcomes.noTime');
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={outcomes.isFetching} data-testid="outcomes">
      <h2 id={`${id}-title`}>{t('mentoring.outcomes.title')}</h2>
      <p className="muted">{t('mentoring.outcomes.intro')}</p>
      <QueryStatus query={outcomes} problem={(e) => learningProblemMessage(t, e)} loading={t('mentoring.outcomes.loading')} />
      {data && !hasOutcomes(data) ? <p className="muted">{t('mentoring.outcomes.empty')}</p> : null}
      {data && hasOutcomes(data) ? (
        <>
          <HelpSummary help={data.help_requests} />
          {bars.length > 0 ? (
            <figure className="chart" data-testid="cycle-outcomes-chart">
              <figcaption className="chart__caption">{t('mentoring.outcomes.cyclesChart')}</figcaption>
              <ChartLegend
                keys={[
                  { look: 'met', label: t('mentoring.outcomes.completionKey') },
                  { look: 'attendance', label: t('mentoring.outcomes.attendanceKey') },
                ]}
              />
              <Suspense fallback={<p className="muted">{t('mentoring.outcomes.chartLoading')}</p>}>
                <CycleOutcomesChart bars={bars} />
              </Suspense>
              {bars.length < data.cycles.length ? (
                <p className="chart__note muted">{t('mentoring.outcomes.cyclesNewest', { count: bars.length, total: data.cycles.length })}</p>
              ) : null}
              <DataTable caption={t('mentoring.outcomes.cyclesTable')} testId="cycle-outcomes-table" columns={CYCLE_COLUMNS}>
                {bars.map((bar) => (
                  <tr key={bar.id}>
                    <th scope="row">{bar.label}</th>
                    <td className="num">{percentText(bar.completion, none)}</td>
                    <td className="num">{percentText(bar.attendance, none)}</td>
                  </tr>
                ))}
              </DataTable>
            </figure>
          ) : null}
          <figure className="chart" data-testid="origin-chart">
            <figcaption className="chart__caption">{t('mentoring.outcomes.compareTitle')}</figcaption>
            <p className="muted">{t('mentoring.outcomes.compareIntro')}</p>
            {hasComparison(origins) ? (
              <>
                <ChartLegend
                  keys={[
                    { look: 'met', label: t('mentoring.origins.community') },
                    { look: 'short', label: t('mentoring.origins.external') },
                  ]}
                />
                <Suspense fallback={<p className="muted">{t('mentoring.outcomes.chartLoading')}</p>}>
                  <OriginCharts rows={origins} />
                </Suspense>
              </>
            ) : (
              <p className="muted">{t('mentoring.outcomes.compareNone')}</p>
            )}
            <DataTable caption={t('mentoring.outcomes.compareTable')} testId="origin-table" columns={ORIGIN_COLUMNS}>
              {origins.map((row) => (
                <tr key={row.origin} data-testid={`origin-${row.origin}`}>
                  <th scope="row">{t(`mentoring.origins.${row.origin}`)}</th>
                  <td className="num">
                    {percentText(row.completion, none)}
                    <br />
                    <span className="muted">{t('mentoring.outcomes.closedCycles', { count: row.closed })}</span>
                  </td>
                  <td className="num">{duration(row.adviceHours)}</td>
                  <td className="num">
                    {duration(row.resolutionHours)}
                    <br />
                    <span className="muted">{t('mentoring.outcomes.resolvedRequests', { count: row.resolved })}</span>
                  </td>
                </tr>
              ))}
            </DataTable>
          </figure>
        </>
      ) : null}
    </section>
  );
}
