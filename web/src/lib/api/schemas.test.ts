import { describe, expect, it } from 'vitest';
import { valuesOf, type Schemas } from './schemas';

describe('valuesOf', () => {
  it('returns the list as given, typed as the spec enum', () => {
    const scales = valuesOf<Schemas['Scale']>()(['micro', 'small', 'medium', 'large']);
    expect(scales).toEqual(['micro', 'small', 'medium', 'large']);
    const first: Schemas['Scale'] = scales[0];
    expect(first).toBe('micro');
  });

  it('is refused by the compiler when a value is missing or unknown', () => {
    // @ts-expect-error 'large' is missing
    const missing = valuesOf<Schemas['Scale']>()(['micro', 'small', 'medium']);
    // @ts-expect-error 'huge' is not a Scale
    const unknown = valuesOf<Schemas['Scale']>()(['micro', 'small', 'medium', 'large', 'huge']);
    expect(missing.length + unknown.length).toBe(8);
  });
});
