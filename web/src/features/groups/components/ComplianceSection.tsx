import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/SelectField';
import { type Column, DataTable } from '../../../components/DataTable';
import { QueryStatus } from '../../../components/QueryStatus';
import { formatMonth, todayIso } from '../../../lib/format';
import { useCompliance } from '../hooks/use-group-queries';
import type { GroupView } from '../types';
import { complianceChartRows, monthsEnding, SPANS, type Span } from '../types/compliance';
import { groupProblemMessage } from '../types/errors';

// The chart library is large and only this tab needs it: it loads when the tab first opens, so
// phones opening the rest of the workspace never download it.
const ComplianceCharts = lazy(() => import('./ComplianceCharts').then((m) => ({ default: m.ComplianceCharts })));

const COLUMNS: readonly Column[] = [
  { label: 'groups.compliance.month' },
  { label: 'groups.compliance.tableHeld', num: true },
  { label: 'groups.compliance.tableRequired', num: true },
  { label: 'groups.compliance.percent', num: true },
  { label: 'groups.compliance.attendance', num: true },
];

interface ComplianceSectionProps {
  group: GroupView;
  language: string | undefined;
  /** The month the view ends with ("2026-11"); this month by default. */
  thisMonth?: string;
}

/** Kepatuhan SOP: meetings held per month against the SOP, attendance, and the same as a table. */
export function ComplianceSection({ group, language, thisMonth }: ComplianceSectionProps) {
  const { t } = useTranslation();
  const id = useId();
  const [span, setSpan] = useState<Span>(12);
  const range = monthsEnding(thisMonth ?? todayIso().slice(0, 7), span);
  const report = useCompliance(group.id, group.sop_meetings_per_month, range);
  const data = report.data;
  const rows = data ? complianceChartRows(data.months, (month) => formatMonth(month, language)) : [];

  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={report.isFetching}>
      <h2 id={`${id}-title`}>{t('groups.compliance.title')}</h2>
      <p className="muted">{t('groups.compliance.intro')}</p>
      <SelectField
        id={`${id}-span`}
        label={t('groups.compliance.span')}
        options={SPANS.map((months) => ({ value: String(months), label: t('groups.compliance.spans', { count: months }) }))}
        value={String(span)}
        onChange={(e) => setSpan(Number(e.target.value) as Span)}
      />
      <QueryStatus query={report} problem={(e) => groupProblemMessage(t, e)} loading={t('groups.compliance.loading')} />
      {data ? (
        <>
          <p className="lead" data-testid="compliance-summary">
            {t('groups.compliance.summary', { held: data.held, required: data.required, percent: data.percent })}
          </p>
          <p className="muted">
            {[
              t('groups.compliance.period', { from: formatMonth(data.from, language, 'long'), to: formatMonth(data.to, language, 'long') }),
              t('groups.compliance.sopLine', { count: data.sop_meetings_per_month }),
            ].join(' · ')}
          </p>
          <Suspense fallback={<p className="muted">{t('groups.compliance.loading')}</p>}>
            <ComplianceCharts rows={rows} sop={data.sop_meetings_per_month} />
          </Suspense>
          <DataTable caption={t('groups.compliance.table')} testId="compliance-table" columns={COLUMNS}>
            {rows.map((row) => (
              <tr key={row.month}>
                <th scope="row" className="nowrap">
                  {row.label}
                </th>
                <td className="num">{row.held}</td>
                <td className="num">{row.required}</td>
                <td className={row.met ? 'num' : 'num num--short'}>{`${row.percent}%`}</td>
                <td className="num">{row.attendance === null ? t('groups.compliance.none') : `${row.attendance}%`}</td>
              </tr>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}
