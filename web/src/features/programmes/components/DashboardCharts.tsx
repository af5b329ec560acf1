// The dashboard's bars, a chunk of their own: recharts loads when the dashboard is opened.
import { useTranslation } from 'react-i18next';
import { Bar, Cell } from 'recharts';
import { ChartDrawing } from '../../../charts/ChartDrawing';
import { formatNumber } from '../../../lib/format';
import type { FigureRow } from '../types/exits';

const ROW_HEIGHT = 30;
const CHROME_HEIGHT = 36; // the number axis

/**
 * One horizontal bar per row, in the given colours (one for all when a single one is given). The
 * drawing is hidden from assistive technology: the table under it says the same in figures.
 */
export function CountChart({ rows, colours }: { rows: readonly FigureRow[]; colours: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  const number = (value: unknown) => formatNumber(Number(value), language);
  return (
    <div aria-hidden="true">
      <ChartDrawing
        kind="bar"
        layout="rows"
        data={rows}
        height={CHROME_HEIGHT + rows.length * ROW_HEIGHT}
        barCategoryGap={6}
        x={{ allowDecimals: false, tickFormatter: number }}
        y={{ dataKey: 'label', width: 120, interval: 0 }}
        tooltip={number}
      >
        <Bar dataKey="value" name={t('programmes.dashboard.countKey')} minPointSize={2} isAnimationActive={false}>
          {rows.map((row, index) => (
            <Cell key={row.key} fill={colours[index % colours.length]} />
          ))}
        </Bar>
      </ChartDrawing>
    </div>
  );
}
