import { describe, expect, it } from 'vitest';
import { ancestorCodes, formatPlacePath, levelOfCode } from './places';

describe('places', () => {
  it('tells the level from the number of parts in a code', () => {
    expect(levelOfCode('35')).toBe('province');
    expect(levelOfCode('35.79')).toBe('regency');
    expect(levelOfCode('35.79.01')).toBe('district');
    expect(levelOfCode('35.79.01.2001')).toBe('village');
  });

  it('lists the ancestors of a code from the province down', () => {
    expect(ancestorCodes('35.79.01.2001')).toEqual(['35', '35.79', '35.79.01']);
    expect(ancestorCodes('35')).toEqual([]);
  });

  it('writes a path with the place first', () => {
    expect(
      formatPlacePath({
        name: 'Sisir',
        path: [
          { code: '35', name: 'Jawa Timur' },
          { code: '35.79', name: 'Kota Batu' },
          { code: '35.79.01', name: 'Batu' },
          { code: '35.79.01.2001', name: 'Sisir' },
        ],
      }),
    ).toBe('Sisir › Batu › Kota Batu › Jawa Timur');
    expect(formatPlacePath({ name: 'Jawa Timur', path: [] })).toBe('Jawa Timur');
  });
});
