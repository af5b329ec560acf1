import { useTranslation } from 'react-i18next';
import { Bar, Legend } from 'recharts';
import { ChartDrawing } from '../../../charts/ChartDrawing';
import { formatNumber } from '../../../lib/format';
import type { ChartRow } from '../types/drilldown';

const ROW_HEIGHT = 30;
const CHROME_HEIGHT = 70; // axis and legend
const LABEL_CHARS = 16;

// The two parts of a bar, stacked: brand green for up-to-date data and a dark orange for stale data: both meet 3:1 against
// white, and they differ in lightness, so they stay apart for colour-blind readers too.
const PARTS = [
  { key: 'current', label: 'registry.areas.chartCurrent', colour: '#0f5f4f' },
  { key: 'stale', label: 'registry.areas.chartStale', colour: '#c2410c' },
] as const satisfies readonly { key: keyof ChartRow; label: string; colour: string }[];

function shorten(name: string): string {
  return [...name].length > LABEL_CHARS ? `${[...name].slice(0, LABEL_CHARS - 1).join('')}…` : name;
}

interface AreaChartProps {
  rows: readonly ChartRow[];
  caption: string;
  /** Clicking a bar opens that area. */
  onSelect?: (code: string) => void;
}

/**
 * One horizontal bar per area, the up-to-date part and the stale part stacked to the total.
 * The table under the chart carries the same figures for screen readers and for reading exact
 * numbers, so the drawing itself is hidden from assistive technology.
 */
export function AreaChart({ rows, caption, onSelect }: AreaChartProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const height = CHROME_HEIGHT + rows.length * ROW_HEIGHT;
  const number = (value: unknown) => formatNumber(Number(value), language);
  return (
    <figure className="chart" data-testid="area-chart">
      <figcaption className="chart__caption">{caption}</figcaption>
      <div aria-hidden="true">
        <ChartDrawing
          kind="bar"
          layout="rows"
          data={rows}
          height={height}
          barCategoryGap={6}
          x={{ allowDecimals: false, tickFormatter: number, tick: true }}
          y={{ dataKey: 'name', width: 130, tickFormatter: shorten, interval: 0 }}
          tooltip={number}
        >
          <Legend />
          {PARTS.map((part) => (
            <Bar
              key={part.key}
              dataKey={part.key}
              stackId="total"
              name={t(part.label)}
              fill={part.colour}
              cursor={onSelect ? 'pointer' : undefined}
              onClick={(item) => {
                const code = (item.payload as ChartRow | undefined)?.code;
                if (code && onSelect) onSelect(code);
              }}
              isAnimationActive={false}
            />
          ))}
        </ChartDrawing>
      </div>
      <p className="chart__note muted">{t('registry.areas.chartNote')}</p>
    </figure>
  );
}
