// The charts' one drawing: what every chart of the app sets the same way (the size, the grid, the
// axes' type size, and no keyboard layer, since the table beside each chart says the same for
// screen readers). It imports recharts, so it lives outside components/ and lib/, which
// every first visit loads (vite.config.ts): only the lazily loaded chart files import it.
import type { ReactNode } from 'react';
import {
  BarChart,
  CartesianGrid,
  ComposedChart,
  Line,
  LineChart,
  type Margin,
  Tooltip,
  XAxis,
  type XAxisProps,
  YAxis,
  type YAxisProps,
} from 'recharts';

const CHARTS = { bar: BarChart, line: LineChart, composed: ComposedChart } as const;

const TICK = { fontSize: 12 };
const ROWS_MARGIN: Margin = { top: 4, right: 16, bottom: 4, left: 4 };
const COLUMNS_MARGIN: Margin = { top: 12, right: 8, bottom: 4, left: -16 };
// A line runs to the last column's middle, a bar stops short of it: the line's last dot needs more room.
const LINE_MARGIN: Margin = { ...COLUMNS_MARGIN, right: 16 };

/** A value on an axis or in a tooltip as a whole percent: 40 → "40%". */
export const percentTick = (value: unknown) => `${Number(value)}%`;

/** A category axis of the rows' `label`s, thinned to what fits but for the first and the last. */
export const LABEL_AXIS: XAxisProps = { dataKey: 'label', interval: 'preserveStartEnd' };

/** A value axis from 0 to 100%. */
export const PERCENT_AXIS: XAxisProps & YAxisProps = { domain: [0, 100], tickFormatter: percentTick };

interface ChartDrawingProps {
  /** Bars, lines, or both (a line chart spreads its points to the edges; the others centre them in columns). */
  kind: keyof typeof CHARTS;
  data: readonly object[];
  height: number;
  /**
   * `columns`: the categories along the bottom, the values up the side (months, groups);
   * `rows`: one horizontal bar a category, named on the left, the values along the bottom.
   */
  layout: 'columns' | 'rows';
  margin?: Margin;
  /** Space between the rows' bars, in pixels (recharts' own share otherwise). */
  barCategoryGap?: number;
  /** The bottom axis: in rows, the values'; in columns, the categories' (say which `dataKey`). */
  x?: XAxisProps;
  /** The side axis: in rows, the categories' (say which `dataKey`); in columns, the values'. */
  y?: YAxisProps;
  /** How the tooltip writes a value (as it comes when not given). */
  tooltip?: (value: unknown) => string;
  /** The bars, lines and reference lines, drawn over the grid and the axes. */
  children: ReactNode;
}

/** A bar, line or combined chart as wide as its box, with a dashed grid across the values. */
export function ChartDrawing({ kind, data, height, layout, margin, barCategoryGap, x, y, tooltip, children }: ChartDrawingProps) {
  const Chart = CHARTS[kind];
  const rows = layout === 'rows';
  return (
    <Chart
      data={data}
      {...(rows ? { layout: 'vertical' } : {})}
      responsive
      style={{ width: '100%', height }}
      margin={margin ?? (rows ? ROWS_MARGIN : kind === 'line' ? LINE_MARGIN : COLUMNS_MARGIN)}
      {...(barCategoryGap !== undefined ? { barCategoryGap } : {})}
      accessibilityLayer={false}
    >
      <CartesianGrid {...(rows ? { horizontal: false } : { vertical: false })} strokeDasharray="3 3" />
      <XAxis {...(rows ? { type: 'number' } : {})} tick={TICK} {...x} />
      <YAxis {...(rows ? { type: 'category' } : {})} tick={TICK} {...y} />
      <Tooltip {...(tooltip ? { formatter: tooltip } : {})} />
      {children}
    </Chart>
  );
}

interface TrendLineProps {
  dataKey: string;
  name: string;
  colour: string;
}

/** A thick smooth line with a dot at each value that breaks where a value is missing (e.g. a month without a meeting). */
export function TrendLine({ dataKey, name, colour }: TrendLineProps) {
  return (
    <Line
      type="monotone"
      dataKey={dataKey}
      name={name}
      stroke={colour}
      strokeWidth={3}
      dot={{ r: 4 }}
      connectNulls={false}
      isAnimationActive={false}
    />
  );
}
