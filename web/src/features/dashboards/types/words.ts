// The words a dashboard's row or node is shown with: sectors, scales, genders and helixes from the
// app's own texts (as the registry and stakeholders pages word them), a region by its name.
import type { TFunction } from 'i18next';
import { isSectorCode } from '../../../lib/sectors';
import type { EquityBy, EquityRow, Helix } from './index';

const SCALE_KEYS = ['micro', 'small', 'medium', 'large', 'unknown'] as const;
type ScaleKey = (typeof SCALE_KEYS)[number];
const isScaleKey = (key: string): key is ScaleKey => (SCALE_KEYS as readonly string[]).includes(key);

/** A row's name in the reader's words; a key the app has no word for stands for itself. */
export function rowLabel(t: TFunction, by: EquityBy, row: Pick<EquityRow, 'key' | 'name'>): string {
  switch (by) {
    case 'region':
      return row.name;
    case 'sector':
      return isSectorCode(row.key) ? t(`sectors.${row.key}`) : row.key;
    case 'scale':
      return isScaleKey(row.key) ? t(`scales.${row.key}`) : row.key;
    case 'gender':
      if (row.key === 'female' || row.key === 'male') return t(`genders.${row.key}`);
      return row.key === 'unknown' ? t('dashboards.equity.genderUnknown') : row.key;
  }
}

export function helixLabel(t: TFunction, helix: Helix): string {
  return t(`stakeholders.helices.${helix}`);
}

/** The colour each helix is drawn in: four hues apart in lightness too, each 3:1 or more on white. */
export const HELIX_COLOURS: Record<Helix, string> = {
  government: '#1d4f91',
  business: '#c2410c',
  academia: '#6b21a8',
  civil_society: '#0f5f4f',
};
