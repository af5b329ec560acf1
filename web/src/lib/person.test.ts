import { describe, expect, it } from 'vitest';
import { compactNik, isValidNik, normalisePhone } from './person';

describe('phone and NIK rules', () => {
  it('normalises Indonesian numbers like the server', () => {
    expect(normalisePhone('0812-3456-7890')).toBe('+6281234567890');
    expect(normalisePhone('+62 812 3456 7890')).toBe('+6281234567890');
    expect(normalisePhone('6281234567890')).toBe('+6281234567890');
    expect(normalisePhone('(0341) 591234')).toBe('+62341591234');
    expect(normalisePhone('+1 555 1234 567')).toBeNull();
    expect(normalisePhone('0812')).toBeNull();
    expect(normalisePhone('0812-abc')).toBeNull();
  });

  it('wants 16 digits starting with a province code', () => {
    expect(isValidNik('3507012345670001')).toBe(true);
    expect(isValidNik('0107012345670001')).toBe(false);
    expect(isValidNik('350701234567000')).toBe(false);
  });

  it('reads a NIK typed in groups as its digits', () => {
    expect(compactNik(' 3579 0155-0180 0001 ')).toBe('3579015501800001');
  });
});
