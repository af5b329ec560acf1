import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import { type CycleBar, type OriginRow, resolutionAxisMax } from '../types/outcomes';

const HEIGHT = 220;
const SMALL_HEIGHT = 180;

// Brand green for completion and for community mentors, dark orange for outside consultants, blue
// for attendance: each meets 3:1 against white and they differ in lightness, so colour-blind
// readers still tell them apart (the table beside the charts carries every figure in words).
const COMPLETION_COLOUR = '#0f5f4f';
const ATTENDANCE_COLOUR = '#1d4f91';
const ORIGIN_COLOURS = { community: '#0f5f4f', external: '#c2410c' } as const;

interface CycleChartProps {
  bars: readonly CycleBar[];
}

/**
 * Completion of each cycle as bars, attendance at its sessions as a line, oldest on the left. The
 * drawing is hidden from assistive technology: the table after it says the same.
 */
export function CycleOutcomesChart({ bars }: CycleChartProps) {
  const { t } = useTranslation();
  const percent = (value: unknown) => `${Number(value)}%`;
  return (
    <div aria-hidden="true">
      <ComposedChart
        data={[...bars]}
        responsive
        style={{ width: '100%', height: HEIGHT }}
        margin={{ top: 12, right: 8, bottom: 4, left: -16 }}
        accessibilityLayer={false}
      >
        <CartesianGrid vertical={false} strokeDasharray="3 3" />
        <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} tickFormatter={percent} tick={{ fontSize: 12 }} />
        <Tooltip formatter={percent} />
        <Bar dataKey="completion" name={t('mentoring.outcomes.completionKey')} fill={COMPLETION_COLOUR} minPointSize={2} isAnimationActive={false} />
        <Line
          type="monotone"
          dataKey="attendance"
          name={t('mentoring.outcomes.attendanceKey')}
          stroke={ATTENDANCE_COLOUR}
          strokeWidth={3}
          dot={{ r: 4 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}

interface OriginChartsProps {
  rows: readonly OriginRow[];
}

/**
 * Seed 000's comparison drawn: completion over closed cycles, and the median time to resolve a
 * help request, community mentors beside outside consultants. Two small charts (their units
 * differ) that sit side by side on a wide screen and one above the other on a phone.
 */
export function OriginCharts({ rows }: OriginChartsProps) {
  const { t } = useTranslation();
  const data = rows.map((row) => ({ ...row, name: t(`mentoring.outcomes.short.${row.origin}`) }));
  const hours = (value: unknown) => `${Number(value)}`;
  return (
    <div className="outcome-pair" aria-hidden="true">
      <div>
        <p className="chart__caption">{t('mentoring.outcomes.compareCompletion')}</p>
        <BarChart
          data={data}
          responsive
          style={{ width: '100%', height: SMALL_HEIGHT }}
          margin={{ top: 12, right: 8, bottom: 4, left: -16 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="completion" name={t('mentoring.outcomes.completionKey')} isAnimationActive={false}>
            {data.map((row) => (
              <Cell key={row.origin} fill={ORIGIN_COLOURS[row.origin]} />
            ))}
          </Bar>
        </BarChart>
      </div>
      <div>
        <p className="chart__caption">{t('mentoring.outcomes.compareResolution')}</p>
        <BarChart
          data={data}
          responsive
          style={{ width: '100%', height: SMALL_HEIGHT }}
          margin={{ top: 12, right: 8, bottom: 4, left: -16 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="name" tick={{ fontSize: 12 }} />
          <YAxis domain={[0, resolutionAxisMax(rows)]} tickFormatter={hours} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Bar dataKey="resolutionHours" name={t('mentoring.outcomes.colResolution')} isAnimationActive={false}>
            {data.map((row) => (
              <Cell key={row.origin} fill={ORIGIN_COLOURS[row.origin]} />
            ))}
          </Bar>
        </BarChart>
      </div>
    </div>
  );
}
