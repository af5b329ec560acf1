import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Region } from '../types';
import { RegionPicker } from './RegionPicker';
import { formatPlacePath } from '../../../lib/places';

/** The "Wilayah" card on the home page: the picker, and what it chose. */
export function RegionDemoCard() {
  const { t } = useTranslation();
  const [code, setCode] = useState<string | null>(null);
  const [region, setRegion] = useState<Region | null>(null);
  return (
    <section className="card" aria-labelledby="region-card-title" data-testid="region-card">
      <h2 id="region-card-title">{t('regions.cardTitle')}</h2>
      <p className="muted">{t('regions.cardIntro')}</p>
      <RegionPicker
        hideLabel
        value={code}
        onChange={(nextCode, nextRegion) => {
          setCode(nextCode);
          setRegion(nextRegion);
        }}
      />
      <div className="region-result" aria-live="polite">
        {region ? (
          <dl className="details">
            <dt>{t('regions.selected')}</dt>
            <dd data-testid="region-path">{formatPlacePath(region)}</dd>
            <dt>{t('regions.code')}</dt>
            <dd data-testid="region-code">
              <code>{region.code}</code>
            </dd>
          </dl>
        ) : (
          <p className="muted">{t('regions.none')}</p>
        )}
      </div>
    </section>
  );
}
