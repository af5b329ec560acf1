import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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
  const data = [...rows];
  const percent = (value: unknown) => `${Number(value)}%`;
  return (
    <>
      <figure className="chart" data-testid="held-chart">
        <figcaption className="chart__caption">{t('groups.compliance.heldChart')}</figcaption>
        <p className="chart__legend" aria-hidden="true">
          <span className="chart__key chart__key--met">{t('groups.compliance.met')}</span>
          <span className="chart__key chart__key--short">{t('groups.compliance.short')}</span>
          <span className="chart__key chart__key--sop">{t('groups.compliance.required')}</span>
        </p>
        <div aria-hidden="true">
          <BarChart
            data={data}
            responsive
            style={{ width: '100%', height: HEIGHT }}
            margin={{ top: 12, right: 8, bottom: 4, left: -16 }}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} strokeDasharray="3 3" />
            <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} domain={[0, heldAxisMax(rows, sop)]} tick={{ fontSize: 12 }} />
            <Tooltip />
            {/* minPointSize: a month without meetings still shows, as a sliver in the "short" colour */}
            <Bar dataKey="held" name={t('groups.compliance.held')} minPointSize={3} isAnimationActive={false}>
              {data.map((row) => (
                <Cell key={row.month} fill={row.met ? MET_COLOUR : SHORT_COLOUR} />
              ))}
            </Bar>
            <ReferenceLine y={sop} stroke={SOP_COLOUR} strokeDasharray="6 4" strokeWidth={2} />
          </BarChart>
        </div>
      </figure>
      <figure className="chart" data-testid="attendance-chart">
        <figcaption className="chart__caption">{t('groups.compliance.attendanceChart')}</figcaption>
        {hasAttendance(rows) ? (
          <div aria-hidden="true">
            <LineChart
              data={data}
              responsive
              style={{ width: '100%', height: HEIGHT }}
              margin={{ top: 12, right: 16, bottom: 4, left: -16 }}
              accessibilityLayer={false}
            >
              <CartesianGrid vertical={false} strokeDasharray="3 3" />
              <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} tickFormatter={percent} tick={{ fontSize: 12 }} />
              <Tooltip formatter={percent} />
              <Line
                type="monotone"
                dataKey="attendance"
                name={t('groups.compliance.attendance')}
                stroke={ATTENDANCE_COLOUR}
                strokeWidth={3}
                dot={{ r: 4 }}
                connectNulls={false}
                isAnimationActive={false}
              />
            </LineChart>
          </div>
        ) : (
          <p className="muted">{t('groups.compliance.noAttendance')}</p>
        )}
        <p className="chart__note muted">{t('groups.compliance.chartNote')}</p>
      </figure>
    </>
  );
}
