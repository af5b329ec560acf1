import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import type { ComplianceBand } from '../types';
import { bandSlices } from '../types/region-compliance';

/**
 * Every matching group by its compliance band, as one stacked bar (met, partial, low, no meeting)
 * and a key that gives each band's count and share. The bar is drawn in HTML, so it fits a 360 px
 * phone without a chart library; it is hidden from screen readers, which read the key instead.
 */
export function ComplianceBands({ bands }: { bands: Record<ComplianceBand, number> }) {
  const { t, i18n } = useTranslation();
  const { total, slices } = bandSlices(bands);
  return (
    <figure className="chart band-chart" data-testid="band-chart">
      <figcaption className="chart__caption">{t('groups.regionCompliance.bandsTitle')}</figcaption>
      {total === 0 ? (
        <p className="muted">{t('groups.regionCompliance.bandsEmpty')}</p>
      ) : (
        <>
          <div className="band-bar" aria-hidden="true" data-testid="band-bar">
            {slices
              .filter((slice) => slice.count > 0)
              .map((slice) => (
                <span
                  key={slice.band}
                  className={`band-bar__part band-bar__part--${slice.band}`}
                  data-band={slice.band}
                  style={{ flexGrow: slice.count }}
                />
              ))}
          </div>
          <ul className="band-legend">
            {slices.map((slice) => (
              <li key={slice.band} className={`band-legend__item band-legend__item--${slice.band}`} data-testid={`band-${slice.band}`}>
                <span className="band-legend__label">{t(`groups.regionCompliance.bands.${slice.band}`)}</span>{' '}
                <span className="band-legend__count">
                  {t('groups.regionCompliance.bandCount', {
                    count: slice.count,
                    formatted: formatNumber(slice.count, i18n.resolvedLanguage),
                    percent: slice.percent,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
