import { describe, expect, it } from 'vitest';
import {
  auditQuery,
  byName,
  emptyAuditFilters,
  filtersFromSearchParams,
  filtersToSearchParams,
  isDay,
  isDayRange,
  isEntityId,
  isFiltered,
  PAGE_SIZE,
  type AuditActor,
} from './index';

describe('audit filters', () => {
  it('round-trip kind, record, who, days, page and the opened entry through the address', () => {
    const filters = { entity: 'user', entityId: '12', actor: '7', from: '2026-11-01', to: '2026-11-30', offset: PAGE_SIZE * 2, entry: 41 };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('entity=user&entity_id=12&actor=7&from=2026-11-01&to=2026-11-30&page=3&entry=41');
    expect(filtersFromSearchParams(params)).toEqual(filters);
    const system = { ...emptyAuditFilters(), actor: 'system' };
    expect(filtersFromSearchParams(filtersToSearchParams(system))).toEqual(system);
  });

  it('turn into the API query: kind, record, who, days and page, never the opened entry', () => {
    expect(auditQuery({ entity: 'user', entityId: '12', actor: 'system', from: '2026-11-01', to: '', offset: PAGE_SIZE, entry: 41 })).toEqual({
      entity: 'user',
      entity_id: '12',
      actor: 'system',
      from: '2026-11-01',
      to: null,
      limit: PAGE_SIZE,
      offset: PAGE_SIZE,
    });
    expect(auditQuery(emptyAuditFilters())).toEqual({ entity: null, entity_id: null, actor: null, from: null, to: null, limit: PAGE_SIZE, offset: 0 });
  });

  it('drop what the server could not mean from the address', () => {
    expect(
      filtersFromSearchParams(new URLSearchParams('entity=User%20X&entity_id=1%202&actor=siti&from=2026-02-30&to=30-11-2026&page=0&entry=-4')),
    ).toEqual(emptyAuditFilters());
    expect(filtersFromSearchParams(new URLSearchParams('actor=0')).actor).toBeNull();
    expect(filtersFromSearchParams(new URLSearchParams('actor=SYSTEM')).actor).toBeNull();
  });

  it('keep the first day when the last one lies before it', () => {
    const filters = filtersFromSearchParams(new URLSearchParams('from=2026-11-30&to=2026-11-01'));
    expect([filters.from, filters.to]).toEqual(['2026-11-30', '']);
  });

  it('accept a kind the filter does not list yet, as the API may grow', () => {
    expect(filtersFromSearchParams(new URLSearchParams('entity=programme_round')).entity).toBe('programme_round');
  });

  it('check a typed record number before it is sent', () => {
    expect(isEntityId('')).toBe(true);
    expect(isEntityId('12')).toBe(true);
    expect(isEntityId('12 13')).toBe(false);
  });

  it('know a calendar day and a range of them', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-05')).toBe(false);
    expect(isDay('')).toBe(false);
    expect(isDayRange('', '')).toBe(true);
    expect(isDayRange('2026-11-01', '')).toBe(true);
    expect(isDayRange('2026-11-01', '2026-11-01')).toBe(true);
    expect(isDayRange('2026-11-02', '2026-11-01')).toBe(false);
    expect(isDayRange('x', '')).toBe(false);
  });

  it('say whether anything narrows the log (not the page or the entry opened)', () => {
    expect(isFiltered({ ...emptyAuditFilters(), offset: 50, entry: 3 })).toBe(false);
    expect(isFiltered({ ...emptyAuditFilters(), actor: 'system' })).toBe(true);
    expect(isFiltered({ ...emptyAuditFilters(), to: '2026-11-01' })).toBe(true);
  });

  it('sort accounts by the name shown', () => {
    const actor = (id: number, username: string, display_name: string): AuditActor => ({
      id,
      username,
      display_name,
      role: 'officer',
      scope: { kind: 'stakeholder', id: 1 },
      disabled: false,
      created_at: '2026-01-01T00:00:00Z',
    });
    const sorted = byName([actor(1, 'zed', 'Ani'), actor(2, 'budi', 'budi'), actor(3, 'andi', 'Ani')]);
    expect(sorted.map((a) => a.id)).toEqual([3, 1, 2]);
  });
});
