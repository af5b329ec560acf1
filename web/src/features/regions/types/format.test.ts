import { describe, expect, it } from 'vitest';
import { formatRegionPath } from './index';

describe('formatRegionPath', () => {
  it('lists the region first and the province last', () => {
    expect(
      formatRegionPath({
        name: 'Banjarsari',
        path: [
          { code: '35', name: 'Jawa Timur' },
          { code: '35.07', name: 'Kabupaten Malang' },
          { code: '35.07.20', name: 'Ngajum' },
          { code: '35.07.20.2004', name: 'Banjarsari' },
        ],
      }),
    ).toBe('Banjarsari › Ngajum › Kabupaten Malang › Jawa Timur');
  });

  it('shows just the name when the path is missing', () => {
    expect(formatRegionPath({ name: 'Jawa Timur', path: [] })).toBe('Jawa Timur');
  });
});
