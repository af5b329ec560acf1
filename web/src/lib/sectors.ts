import { valuesOf, type Schemas } from './api/schemas';

/** The registry's business sectors, in the server's order (GET /sectors gives the same codes). */
export type SectorCode = Schemas['SectorCode'];
export const SECTORS = valuesOf<SectorCode>()([
  'batik',
  'food_processing',
  'beverages',
  'fashion',
  'crafts',
  'agriculture',
  'fisheries',
  'trade',
  'culinary',
  'accommodation',
  'services',
]);

export function isSectorCode(value: string): value is SectorCode {
  return (SECTORS as readonly string[]).includes(value);
}
