import type { Schemas } from '../../../lib/api/schemas';

export type Competency = Schemas['Competency'];
export type CompetencyPage = Schemas['CompetencyPage'];

/** The levels every competency is learnt to (seed 000: examples, practice, then teaching others). */
export const LEVELS = [
  { level: 1, meaning: 'guided' },
  { level: 2, meaning: 'alone' },
  { level: 3, meaning: 'teaches' },
] as const;

/** A sector's own competencies, and the business skills every sector shares. */
export interface CatalogueView {
  own: Competency[];
  shared: Competency[];
}

/** The sectors that have competencies of their own, in the catalogue's order. */
export function sectorsOf(items: readonly Competency[]): string[] {
  const seen: string[] = [];
  for (const item of items) if (item.sector !== null && !seen.includes(item.sector)) seen.push(item.sector);
  return seen;
}

/**
 * What a member of `sector` learns: that sector's competencies and the shared business skills;
 * with no sector, every sector's competencies (in the catalogue's order) and the shared ones.
 */
export function catalogueFor(items: readonly Competency[], sector: string | null): CatalogueView {
  return {
    own: items.filter((item) => item.sector !== null && (sector === null || item.sector === sector)),
    shared: items.filter((item) => item.sector === null),
  };
}

export { competencyName } from '../../../lib/competencies';
