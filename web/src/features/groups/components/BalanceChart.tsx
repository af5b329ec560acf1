import { useTranslation } from 'react-i18next';
import { Line } from 'recharts';
import { ChartDrawing, LABEL_AXIS } from '../../../charts/ChartDrawing';
import { ChartLegend } from '../../../components/ChartLegend';
import { localeOf } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import type { BalanceChartRow } from '../types/treasury';

const HEIGHT = 220;

// Cash in the brand green, drawn solid; common assets in blue and dashed, so the two lines stay
// apart without colour too.
const LINES = [
  { key: 'cash', label: 'groups.treasury.chart.cash', look: 'cash', colour: '#0f5f4f', width: 3, dash: undefined },
  { key: 'common_assets', label: 'groups.treasury.chart.assets', look: 'assets', colour: '#1d4f91', width: 2, dash: '6 4' },
] as const satisfies readonly {
  key: keyof BalanceChartRow;
  label: string;
  /** The legend key's look (styles.css). */
  look: string;
  colour: string;
  width: number;
  dash: string | undefined;
}[];

/**
 * Month-end cash and common assets as two lines. The statement beside it carries the exact
 * figures, so the drawing is hidden from screen readers.
 */
export function BalanceChart({ rows }: { rows: readonly BalanceChartRow[] }) {
  const { t, i18n } = useTranslation();
  const compact = new Intl.NumberFormat(localeOf(i18n.resolvedLanguage), { notation: 'compact', maximumFractionDigits: 2 });
  return (
    <figure className="chart" data-testid="balance-chart">
      <figcaption className="chart__caption">{t('groups.treasury.chart.title')}</figcaption>
      <ChartLegend keys={LINES.map((line) => ({ look: line.look, label: t(line.label) }))} />
      <div aria-hidden="true">
        <ChartDrawing
          kind="line"
          layout="columns"
          data={rows}
          height={HEIGHT}
          margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
          x={LABEL_AXIS}
          y={{ width: 48, tickFormatter: (value: number) => compact.format(value) }}
          tooltip={(value) => formatRupiah(Number(value))}
        >
          {LINES.map((line) => (
            <Line
              key={line.key}
              type="monotone"
              dataKey={line.key}
              name={t(line.label)}
              stroke={line.colour}
              strokeWidth={line.width}
              strokeDasharray={line.dash}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ))}
        </ChartDrawing>
      </div>
    </figure>
  );
}
