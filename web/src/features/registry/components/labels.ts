// Words for the registry's codes, shared by its pages.
import type { TFunction } from 'i18next';
import { isScale, isSectorCode, type Enterprise } from '../types';
import type { Sort } from '../types/filters';

export function sectorLabel(t: TFunction, code: string): string {
  return isSectorCode(code) ? t(`sectors.${code}`) : code;
}

/** "Mikro (menurut omzet)"; "Mikro" when the criterion is missing; null when the scale is unknown. */
export function scaleLabel(t: TFunction, enterprise: Pick<Enterprise, 'scale' | 'scale_criterion'>): string | null {
  if (!enterprise.scale || !isScale(enterprise.scale)) return null;
  const scale = t(`scales.${enterprise.scale}`);
  if (!enterprise.scale_criterion) return scale;
  return t('registry.detail.scaleWithCriterion', { scale, criterion: t(`criteria.${enterprise.scale_criterion}`) });
}

const SORT_KEYS = {
  name: 'registry.sorts.name',
  '-name': 'registry.sorts.nameDesc',
  verified_at: 'registry.sorts.verifiedAt',
  '-verified_at': 'registry.sorts.verifiedAtDesc',
  turnover: 'registry.sorts.turnover',
  '-turnover': 'registry.sorts.turnoverDesc',
  created_at: 'registry.sorts.createdAt',
  '-created_at': 'registry.sorts.createdAtDesc',
} as const satisfies Record<Sort, string>;

export function sortLabel(t: TFunction, sort: Sort): string {
  return t(SORT_KEYS[sort]);
}
