import { useTranslation } from 'react-i18next';
import { Bar, Cell, ReferenceLine } from 'recharts';
import { ChartDrawing, LABEL_AXIS, PERCENT_AXIS, percentTick, TrendLine } from '../../../charts/ChartDrawing';
import { ChartLegend } from '../../../components/ChartLegend';
import { type ComplianceChartRow, hasAttendance, heldAxisMax } from '../types/compliance';

const HEIGHT = 220;

// Brand green where a month met the SOP, dark orange where it fell short: both meet 3:1 against
// white and differ in lightness, so they stay apart for colour-blind readers too. The SOP line is
// dark and dashed; attendance is blue.
const MET_COLOUR = '#0f5f4f';
const SHORT_COLOUR = '#c2410c';
const SOP_COLOUR = '#1b1f23';
const ATTENDANCE_COLOUR = '#1d4f91';

interface ComplianceChartsProps {
  rows: readonly ComplianceChartRow[];
  /** Meetings a month the SOP asks: the reference line. */
  sop: number;
}

/**
 * Meetings held per month as bars against the SOP's line, then the attendance trend. The table
 * beside them carries the same figures for screen readers and for exact numbers, so the drawings
 * themselves are hidden from assistive technology.
 */
export function ComplianceCharts({ rows, sop }: ComplianceChartsProps) {
  const { t } = useTranslation();
  return (
    <>
      <figure className="chart" data-testid="held-chart">
        <figcaption className="chart__caption">{t('groups.compliance.heldChart')}</figcaption>
        <ChartLegend
          keys={[
            { look: 'met', label: t('groups.compliance.met') },
            { look: 'short', label: t('groups.compliance.short') },
            { look: 'sop', label: t('groups.compliance.required') },
          ]}
        />
        <div aria-hidden="true">
          <ChartDrawing kind="bar" layout="columns" data={rows} height={HEIGHT} x={LABEL_AXIS} y={{ allowDecimals: false, domain: [0, heldAxisMax(rows, sop)] }}>
            {/* minPointSize: a month without meetings still shows, as a sliver in the "short" colour */}
            <Bar dataKey="held" name={t('groups.compliance.held')} minPointSize={3} isAnimationActive={false}>
              {rows.map((row) => (
                <Cell key={row.month} fill={row.met ? MET_COLOUR : SHORT_COLOUR} />
              ))}
            </Bar>
            <ReferenceLine y={sop} stroke={SOP_COLOUR} strokeDasharray="6 4" strokeWidth={2} />
          </ChartDrawing>
        </div>
      </figure>
      <figure className="chart" data-testid="attendance-chart">
        <figcaption className="chart__caption">{t('groups.compliance.attendanceChart')}</figcaption>
        {hasAttendance(rows) ? (
          <div aria-hidden="true">
            <ChartDrawing kind="line" layout="columns" data={rows} height={HEIGHT} x={LABEL_AXIS} y={PERCENT_AXIS} tooltip={percentTick}>
              <TrendLine dataKey="attendance" name={t('groups.compliance.attendance')} colour={ATTENDANCE_COLOUR} />
            </ChartDrawing>
          </div>
        ) : (
          <p className="muted">{t('groups.compliance.noAttendance')}</p>
        )}
        <p className="chart__note muted">{t('groups.compliance.chartNote')}</p>
      </figure>
    </>
  );
}
