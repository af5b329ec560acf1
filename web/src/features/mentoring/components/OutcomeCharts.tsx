import { useTranslation } from 'react-i18next';
import { Bar, Cell } from 'recharts';
import { ChartDrawing, LABEL_AXIS, PERCENT_AXIS, percentTick, TrendLine } from '../../../charts/ChartDrawing';
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
  return (
    <div aria-hidden="true">
      <ChartDrawing kind="composed" layout="columns" data={bars} height={HEIGHT} x={LABEL_AXIS} y={PERCENT_AXIS} tooltip={percentTick}>
        <Bar dataKey="completion" name={t('mentoring.outcomes.completionKey')} fill={COMPLETION_COLOUR} minPointSize={2} isAnimationActive={false} />
        <TrendLine dataKey="attendance" name={t('mentoring.outcomes.attendanceKey')} colour={ATTENDANCE_COLOUR} />
      </ChartDrawing>
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
  const pair = [
    { key: 'completion', caption: 'mentoring.outcomes.compareCompletion', name: 'mentoring.outcomes.completionKey', y: { domain: [0, 100] } },
    { key: 'resolutionHours', caption: 'mentoring.outcomes.compareResolution', name: 'mentoring.outcomes.colResolution', y: { domain: [0, resolutionAxisMax(rows)], tickFormatter: hours } },
  ] as const;
  return (
    <div className="outcome-pair" aria-hidden="true">
      {pair.map((chart) => (
        <div key={chart.key}>
          <p className="chart__caption">{t(chart.caption)}</p>
          <ChartDrawing kind="bar" layout="columns" data={data} height={SMALL_HEIGHT} x={{ dataKey: 'name' }} y={chart.y}>
            <Bar dataKey={chart.key} name={t(chart.name)} isAnimationActive={false}>
              {data.map((row) => (
                <Cell key={row.origin} fill={ORIGIN_COLOURS[row.origin]} />
              ))}
            </Bar>
          </ChartDrawing>
        </div>
      ))}
    </div>
  );
}
