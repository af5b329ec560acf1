// The API's wire types, as docs/openapi.yaml defines them: schema.d.ts is generated from the
// spec (`npm run gen:api-types`), and each feature's types/ names the shapes it uses from here
// (`type Enterprise = Schemas['Enterprise']`), so the spec is the one place a field is defined.
import type { components } from './schema';

export type Schemas = components['schemas'];

/**
 * The values of an enum the spec defines, listed in the order the app shows them (a select, a
 * filter). The compiler refuses a list that misses one of the spec's values or holds one the
 * spec does not: `valuesOf<Schemas['Scale']>()(['micro', 'small', 'medium', 'large'])`.
 */
export function valuesOf<T extends string>() {
  return <const V extends readonly T[]>(
    values: V & ([Exclude<T, V[number]>] extends [never] ? unknown : { missing: Exclude<T, V[number]> }),
  ): V => values;
}
