import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { Pending } from '../../../components/Pending';
import { formatDay, formatMonth, formatNumber, formatPercent } from '../../../lib/format';
import { problemMessage } from '../../../lib/problem-messages';
import { formatRupiah } from '../../../lib/rupiah';
import { useDashboard } from '../hooks/use-exits';
import type { ProgrammeDashboard } from '../types';
import { completionPercent, dashboardRows, type FigureRow } from '../types/exits';
import { par30Percent } from '../types/loans';
import { BudgetBar } from './BudgetBar';

const CountChart = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.CountChart })));

// Colours that meet 3:1 against white and differ in lightness: good to bad, then the neutral ones.
const GREEN = '#0f5f4f';
const BLUE = '#1d4f91';
const AMBER = '#a16207';
const ORANGE = '#c2410c';
const RED = '#991b1b';
const GREY = '#5b6560';

interface FigureProps {
  caption: string;
  /** The heading above says the caption already: it is there for screen readers only. */
  quietCaption?: boolean;
  rows: readonly FigureRow[];
  colours: readonly string[];
  testId: string;
  children?: ReactNode;
}

/** A figure's chart and, behind it, its table (each row's label and count). */
function Figure({ caption, quietCaption = false, rows, colours, testId, children }: FigureProps) {
  const { t, i18n } = useTranslation();
  return (
    <figure className="chart" data-testid={testId}>
      <figcaption className={quietCaption ? 'visually-hidden' : 'chart__caption'}>{caption}</figcaption>
      <Suspense fallback={<p role="status">{t('programmes.dashboard.loading')}</p>}>
        <CountChart rows={rows} colours={colours} />
      </Suspense>
      <details>
        <summary>{t('programmes.dashboard.table')}</summary>
        <DataTable caption={caption} testId={`${testId}-table`} columns={[{ label: 'programmes.dashboard.columns.what' }, { label: 'programmes.dashboard.columns.count', num: true }]}>
          {rows.map((row) => (
            <tr key={row.key} data-testid={`${testId}-${row.key}`}>
              <th scope="row">{row.label}</th>
              <td className="num">{formatNumber(row.value, i18n.resolvedLanguage)}</td>
            </tr>
          ))}
        </DataTable>
        {children}
      </details>
    </figure>
  );
}

/** The programme's figures, charts first and each one's table behind it. */
export function DashboardSection({ programmeId }: { programmeId: number }) {
  const { t, i18n } = useTranslation();
  const dashboard = useDashboard(programmeId);
  const d = dashboard.data;
  return (
    <section className="card" aria-labelledby="programme-dashboard" data-testid="dashboard" aria-busy={dashboard.isFetching}>
      <h2 id="programme-dashboard">{t('programmes.dashboard.title')}</h2>
      <p className="muted">{t('programmes.dashboard.intro')}</p>
      {!d ? (
        <Pending problem={dashboard.isError ? problemMessage(t, dashboard.error) : null} loading={t('programmes.dashboard.loading')} />
      ) : (
        <>
          <p className="muted" data-testid="dashboard-as-of">
            {t('programmes.dashboard.asOf', { day: formatDay(d.as_of, i18n.resolvedLanguage) })}
            {d.group_id !== null ? ` · ${t('programmes.dashboard.ownGroup')}` : ''}
          </p>
          <DashboardFigures d={d} />
        </>
      )}
    </section>
  );
}

function DashboardFigures({ d }: { d: ProgrammeDashboard }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const rows = dashboardRows(t, d);
  const completion = completionPercent(d.completion);
  const par30 = par30Percent({ par30: d.loans.par30.ratio, outstanding_principal: d.loans.par30.outstanding_principal });
  return (
    <>
      <h3>{t('programmes.dashboard.enrolment')}</h3>
      <p className="lead" data-testid="dashboard-enrolment">
        {t('programmes.dashboard.enrolmentLine', {
          groups: d.enrolment.groups.current,
          enterprises: d.enrolment.enterprises.current,
          outside: d.enrolment.outside_criteria,
        })}
      </p>
      <Figure caption={t('programmes.dashboard.enrolment')} quietCaption rows={rows.enrolment} colours={[GREEN, GREY, BLUE, GREY, AMBER]} testId="chart-enrolment" />

      <h3>{t('programmes.dashboard.compliance')}</h3>
      {d.compliance.groups === 0 ? (
        <p>{t('programmes.dashboard.complianceNone')}</p>
      ) : (
        <>
          <p className="lead" data-testid="dashboard-compliance">
            {t('programmes.dashboard.complianceLine', {
              met: d.compliance.bands.met,
              count: d.compliance.groups,
              from: formatMonth(d.compliance.from, language),
              to: formatMonth(d.compliance.to, language),
            })}
          </p>
          <Figure caption={t('programmes.dashboard.compliance')} quietCaption rows={rows.compliance} colours={[GREEN, AMBER, ORANGE, RED]} testId="chart-compliance">
            {d.compliance.rows.length > 0 ? (
              <DataTable
                caption={t('programmes.dashboard.complianceLeast')}
                testId="compliance-rows"
                columns={[
                  { label: 'programmes.dashboard.columns.group' },
                  { label: 'programmes.dashboard.columns.held', num: true },
                  { label: 'programmes.dashboard.columns.required', num: true },
                ]}
              >
                {d.compliance.rows.map((r) => (
                  <tr key={r.group_id}>
                    <th scope="row">{r.name}</th>
                    <td className="num">{r.held}</td>
                    <td className="num">{r.required}</td>
                  </tr>
                ))}
              </DataTable>
            ) : null}
          </Figure>
        </>
      )}

      <h3>{t('programmes.dashboard.completion')}</h3>
      <p className="lead" data-testid="dashboard-completion">
        {completion === null
          ? t('programmes.dashboard.completionNone')
          : t('programmes.dashboard.completionLine', {
              percent: completion,
              achieved: d.completion.achieved,
              targets: d.completion.targets,
              closed: d.completion.closed,
              cycles: d.completion.cycles,
              groups: d.completion.groups,
            })}
      </p>
      {completion !== null ? (
        <Figure caption={t('programmes.dashboard.completion')} quietCaption rows={rows.completion} colours={[GREEN, GREY, BLUE, GREY]} testId="chart-completion" />
      ) : null}

      {d.budget ? (
        <>
          <h3>{t('programmes.dashboard.budget')}</h3>
          <BudgetBar budget={d.budget} />
          {d.budget.over > 0 ? (
            <p data-testid="dashboard-over">{t('programmes.dashboard.budgetOver', { over: formatRupiah(d.budget.over), count: d.budget.over_budget_records })}</p>
          ) : null}
          <details>
            <summary>{t('programmes.dashboard.table')}</summary>
            <DataTable caption={t('programmes.dashboard.budget')} testId="budget-table" columns={[{ label: 'programmes.dashboard.columns.what' }, { label: 'programmes.dashboard.columns.amount', num: true }]}>
              {(
                [
                  ['budget', d.budget.budget],
                  ['committed', d.budget.committed],
                  ['disbursed', d.budget.disbursed],
                  ['over', d.budget.over],
                ] as const
              ).map(([key, value]) => (
                <tr key={key}>
                  <th scope="row">{t(`programmes.dashboard.rows.${key}`)}</th>
                  <td className="num">{formatRupiah(value)}</td>
                </tr>
              ))}
            </DataTable>
          </details>
        </>
      ) : null}

      <h3>{t('programmes.dashboard.loans')}</h3>
      {d.loans.loans === 0 ? (
        <p>{t('programmes.dashboard.loansNone')}</p>
      ) : (
        <>
          <p className="stat">
            {t('programmes.dashboard.par30')}: <span data-testid="dashboard-par30">{formatPercent(par30 / 100, language)}</span>
          </p>
          <p data-testid="dashboard-loans">
            {t('programmes.dashboard.loansLine', {
              risk: d.loans.par30.loans_at_risk,
              count: d.loans.par30.loans_outstanding,
              atRisk: formatRupiah(d.loans.par30.at_risk_principal),
              outstanding: formatRupiah(d.loans.par30.outstanding_principal),
            })}
          </p>
          <Figure caption={t('programmes.dashboard.loanBandsChart')} rows={rows.loans} colours={[GREEN, AMBER, ORANGE, RED, RED, BLUE, GREY]} testId="chart-loans" />
        </>
      )}

      <h3>{t('programmes.dashboard.exits')}</h3>
      <p className="lead" data-testid="dashboard-exits">
        {t('programmes.dashboard.exitsLine', { handed: d.exits.handed_over, ready: d.exits.ready, nominated: d.exits.nominated, none: d.exits.none })}
      </p>
      <Figure caption={t('programmes.dashboard.exits')} quietCaption rows={rows.exits} colours={[GREY, AMBER, BLUE, GREEN]} testId="chart-exits" />

      <h3>{t('programmes.dashboard.followUps')}</h3>
      {!d.follow_ups.ended ? <p className="muted">{t('programmes.dashboard.followUpsNotEnded')}</p> : null}
      <p className="lead" data-testid="dashboard-follow-ups">
        {t('programmes.dashboard.followUpsLine', {
          done: d.follow_ups.schedule.done,
          overdue: d.follow_ups.schedule.overdue,
          upcoming: d.follow_ups.schedule.upcoming,
        })}
      </p>
      <div className="outcome-pair">
        <Figure caption={t('programmes.dashboard.followUps')} rows={rows.schedule} colours={[GREEN, RED, GREY]} testId="chart-schedule" />
        <Figure caption={t('programmes.dashboard.latestChart')} rows={rows.latest} colours={[GREEN, AMBER, ORANGE, RED, GREY]} testId="chart-latest" />
      </div>
    </>
  );
}
