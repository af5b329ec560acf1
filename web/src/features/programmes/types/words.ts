// A programme's design and what the registry holds, in words: the criteria as sentences, an
// eligibility check's finding, partners grouped by helix. Pure, so they are tested without React.
import type { TFunction } from 'i18next';
import { isSectorCode } from '../../../lib/sectors';
import {
  CATEGORIES,
  HELICES,
  SCALES,
  type EligibilityCheck,
  type Helix,
  type ProgrammeCategory,
  type ProgrammeCriteria,
  type ProgrammePartner,
  type Scale,
} from './index';

const isScale = (value: string): value is Scale => (SCALES as readonly string[]).includes(value);
const isCategory = (value: string): value is ProgrammeCategory => (CATEGORIES as readonly string[]).includes(value);

/** A region's name where it is known ("Kabupaten Malang"), its code otherwise. */
export type RegionName = (code: string) => string;

function joinWords(t: TFunction, words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return t('programmes.words.list', { head: words.slice(0, -1).join(', '), last: words.at(-1) });
}

/**
 * Each criterion the programme sets as a sentence, in the order the eligibility check uses:
 * "Berada di Kabupaten Malang", "Sektor olahan pangan atau batik", … An empty list: open to all.
 */
export function criteriaInWords(t: TFunction, criteria: ProgrammeCriteria, regionName: RegionName = (code) => code): string[] {
  const lines: string[] = [];
  if (criteria.region_codes.length > 0) {
    lines.push(t('programmes.criteria.region', { regions: joinWords(t, criteria.region_codes.map(regionName)) }));
  }
  if (criteria.sectors.length > 0) {
    lines.push(t('programmes.criteria.sector', { sectors: joinWords(t, criteria.sectors.map((s) => t(`sectors.${s}`))) }));
  }
  if (criteria.scales.length > 0) {
    lines.push(t('programmes.criteria.scale', { scales: joinWords(t, criteria.scales.map((s) => t(`scales.${s}`))) }));
  }
  if (criteria.founded_within_years !== null) {
    lines.push(t('programmes.criteria.foundedWithin', { count: criteria.founded_within_years }));
  }
  if (criteria.homogeneous) lines.push(t('programmes.criteria.homogeneous'));
  if (criteria.categories.length > 0) {
    lines.push(
      t('programmes.criteria.category', { categories: joinWords(t, criteria.categories.map((c) => t(`programmes.categories.${c}`))) }),
    );
  }
  return lines;
}

/** What the registry holds for one criterion, in words; "not recorded" when it holds nothing. */
export function foundInWords(t: TFunction, check: EligibilityCheck, regionName: RegionName = (code) => code): string {
  const found = check.found.trim();
  if (found === '') return t('programmes.eligibility.unknown');
  switch (check.criterion) {
    case 'region':
      return regionName(found);
    case 'sector':
      return isSectorCode(found) ? t(`sectors.${found}`) : found;
    case 'scale':
      return isScale(found) ? t(`scales.${found}`) : found;
    case 'founded_within_years':
      return t('programmes.eligibility.foundedIn', { year: found });
    case 'homogeneous':
      return found === 'true' ? t('programmes.eligibility.homogeneousYes') : t('programmes.eligibility.homogeneousNo');
    case 'category':
      return joinWords(
        t,
        found.split(',').map((c) => (isCategory(c) ? t(`programmes.categories.${c}`) : c)),
      );
  }
}

/** The criteria a refusal names as not met ("region,sector"), in words. */
export function unmetInWords(t: TFunction, unmet: string): string {
  const names = unmet
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => (hasCriterion(c) ? t(`programmes.criterionNames.${c}`) : c));
  return joinWords(t, names);
}

function hasCriterion(value: string): value is EligibilityCheck['criterion'] {
  return ['region', 'sector', 'scale', 'founded_within_years', 'homogeneous', 'category'].includes(value);
}

/** The owner and partners by helix, in the helices' order; a helix nobody plays is left out. */
export function partnersByHelix(partners: readonly ProgrammePartner[]): { helix: Helix; partners: ProgrammePartner[] }[] {
  return HELICES.map((helix) => ({ helix, partners: partners.filter((p) => p.helix === helix) })).filter(
    (row) => row.partners.length > 0,
  );
}
