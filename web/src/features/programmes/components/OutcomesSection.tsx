import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../components/DataTable';
import { Pending } from '../../../components/Pending';
import { isApiError } from '../../../lib/api-client';
import { problemMessage } from '../../../lib/problem-messages';
import { useLearningOutcomes } from '../hooks/use-programmes';
import type { GroupOutcomeLine } from '../types';

const OutcomeCharts = lazy(() => import('./OutcomeCharts').then((m) => ({ default: m.OutcomeCharts })));

function OutcomeRow({ line, name }: { line: Omit<GroupOutcomeLine, 'group_id' | 'name'>; name: string }) {
  const { t } = useTranslation();
  const percent = (value: number | null) => (value === null ? t('programmes.outcomes.noValue') : `${value}%`);
  const hours = (value: number | null) => (value === null ? t('programmes.outcomes.noValue') : t('programmes.outcomes.hours', { hours: value }));
  return (
    <tr>
      <th scope="row">{name}</th>
      <td className="num">{t('programmes.outcomes.cycles', { cycles: line.cycles, closed: line.closed })}</td>
      <td className="num">{percent(line.completion_percent)}</td>
      <td className="num">{percent(line.attendance_percent)}</td>
      <td className="num">{line.help_requests.total}</td>
      <td className="num">{hours(line.help_requests.first_advice.median_hours)}</td>
      <td className="num">{hours(line.help_requests.resolution.median_hours)}</td>
    </tr>
  );
}

/** Issue 14's figures for the programme's groups: charts first, the table of figures behind them. */
export function OutcomesSection({ programmeId }: { programmeId: number }) {
  const { t } = useTranslation();
  const outcomes = useLearningOutcomes(programmeId);
  const none = outcomes.isError && isApiError(outcomes.error) && outcomes.error.slug === 'not-found';
  let content: ReactNode;
  if (none || (outcomes.data && outcomes.data.groups.length === 0)) {
    content = <p>{t('programmes.outcomes.none')}</p>;
  } else if (!outcomes.data) {
    content = <Pending problem={outcomes.isError ? problemMessage(t, outcomes.error) : null} loading={t('programmes.outcomes.loading')} />;
  } else {
    content = (
      <>
        <p>{t('programmes.outcomes.groupsTotal', { count: outcomes.data.groups_total })}</p>
        <Suspense fallback={<p role="status">{t('programmes.outcomes.loading')}</p>}>
          <OutcomeCharts outcomes={outcomes.data} />
        </Suspense>
        <details>
          <summary>{t('programmes.outcomes.table')}</summary>
          <DataTable
            caption={t('programmes.outcomes.table')}
            testId="outcome-table"
            columns={[
              { label: 'programmes.outcomes.columns.group' },
              { label: 'programmes.outcomes.columns.cycles', num: true },
              { label: 'programmes.outcomes.columns.completion', num: true },
              { label: 'programmes.outcomes.columns.attendance', num: true },
              { label: 'programmes.outcomes.columns.requests', num: true },
              { label: 'programmes.outcomes.columns.firstAdvice', num: true },
              { label: 'programmes.outcomes.columns.resolution', num: true },
            ]}
            foot={<OutcomeRow line={outcomes.data.totals} name={t('programmes.outcomes.totals')} />}
          >
            {outcomes.data.groups.map((g) => (
              <OutcomeRow key={g.group_id} line={g} name={g.name} />
            ))}
          </DataTable>
        </details>
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="programme-outcomes" data-testid="outcomes">
      <h2 id="programme-outcomes">{t('programmes.outcomes.title')}</h2>
      <p className="muted">{t('programmes.outcomes.intro')}</p>
      {content}
    </section>
  );
}
