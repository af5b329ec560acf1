// The dashboard's bars, a chunk of their own: recharts loads when the dashboard is opened.
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts';
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
      <BarChart
        data={[...rows]}
        layout="vertical"
        responsive
        style={{ width: '100%', height: CHROME_HEIGHT + rows.length * ROW_HEIGHT }}
        margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        barCategoryGap={6}
        accessibilityLayer={false}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} tickFormatter={number} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={120} interval={0} tick={{ fontSize: 12 }} />
        <Tooltip formatter={number} />
        <Bar dataKey="value" name={t('programmes.dashboard.countKey')} minPointSize={2} isAnimationActive={false}>
          {rows.map((row, index) => (
            <Cell key={row.key} fill={colours[index % colours.length]} />
          ))}
        </Bar>
      </BarChart>
    </div>
  );
}
