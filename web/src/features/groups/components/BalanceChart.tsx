import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { localeOf } from '../../../lib/format';
import { formatRupiah } from '../../../lib/rupiah';
import type { BalanceChartRow } from '../types/treasury';

const HEIGHT = 220;

// Cash in the brand green, drawn solid; common assets in blue and dashed, so the two lines stay
// apart without colour too.
const CASH_COLOUR = '#0f5f4f';
const ASSETS_COLOUR = '#1d4f91';

/**
 * Month-end cash and common assets as two lines. The statement beside it carries the exact
 * figures, so the drawing is hidden from screen readers.
 */
export function BalanceChart({ rows }: { rows: readonly BalanceChartRow[] }) {
  const { t, i18n } = useTranslation();
  const compact = new Intl.NumberFormat(localeOf(i18n.resolvedLanguage), { notation: 'compact', maximumFractionDigits: 2 });
  const data = [...rows];
  return (
    <figure className="chart" data-testid="balance-chart">
      <figcaption className="chart__caption">{t('groups.treasury.chart.title')}</figcaption>
      <p className="chart__legend" aria-hidden="true">
        <span className="chart__key chart__key--cash">{t('groups.treasury.chart.cash')}</span>
        <span className="chart__key chart__key--assets">{t('groups.treasury.chart.assets')}</span>
      </p>
      <div aria-hidden="true">
        <LineChart
          data={data}
          responsive
          style={{ width: '100%', height: HEIGHT }}
          margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" />
          <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 12 }} />
          <YAxis width={48} tickFormatter={(value: number) => compact.format(value)} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => formatRupiah(Number(value))} />
          <Line
            type="monotone"
            dataKey="cash"
            name={t('groups.treasury.chart.cash')}
            stroke={CASH_COLOUR}
            strokeWidth={3}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="common_assets"
            name={t('groups.treasury.chart.assets')}
            stroke={ASSETS_COLOUR}
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
    </figure>
  );
}
