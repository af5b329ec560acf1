import { describe, expect, it } from 'vitest';
import { auditEntry } from '../../../test/audit';
import { placeOf } from '../../../test/fixtures';
import { childLevelOf, crumbsOf, dataLoadOf, isRegionCode } from './browse';

const NGAJUM = placeOf([
  { code: '35', name: 'Jawa Timur' },
  { code: '35.07', name: 'Kabupaten Malang' },
  { code: '35.07.20', name: 'Ngajum' },
]);

describe('browsing the region tree', () => {
  it('takes only codes shaped like Kemendagri codes from the address', () => {
    expect(['35', '35.07', '35.07.20', '35.07.20.2004'].every(isRegionCode)).toBe(true);
    expect(isRegionCode('35.7')).toBe(false);
    expect(isRegionCode(undefined)).toBe(false);
  });

  it('lists the next level down, provinces at the top and nothing under a village', () => {
    expect(childLevelOf(null)).toBe('province');
    expect(childLevelOf(NGAJUM)).toBe('village');
    expect(childLevelOf({ level: 'village' })).toBeNull();
  });

  it('builds the trail from Indonesia down to the region itself', () => {
    expect(crumbsOf(NGAJUM)).toEqual([
      { code: null, name: null },
      { code: '35', name: 'Jawa Timur' },
      { code: '35.07', name: 'Kabupaten Malang' },
      { code: '35.07.20', name: 'Ngajum' },
    ]);
    expect(crumbsOf(null)).toEqual([{ code: null, name: null }]);
  });
});

describe('dataLoadOf', () => {
  it('reads when, how many, from where and which edition out of the load’s audit entry', () => {
    expect(dataLoadOf(auditEntry())).toEqual({ at: '2026-11-20T00:00:00Z', count: 91599, source: '/srv/idn-area-data/data', version: '4.0.1' });
  });

  it('leaves out what the entry does not say, and ignores any other entry', () => {
    expect(dataLoadOf(auditEntry({ after: {} }))).toEqual({ at: '2026-11-20T00:00:00Z', count: null, source: null, version: null });
    expect(dataLoadOf(auditEntry({ action: 'update' }))).toBeNull();
    expect(dataLoadOf(null)).toBeNull();
  });
});
