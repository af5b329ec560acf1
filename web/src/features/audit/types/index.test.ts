import { describe, expect, it } from 'vitest';
import { auditQuery, emptyAuditFilters, filtersFromSearchParams, filtersToSearchParams, isEntityId, PAGE_SIZE } from './index';

describe('audit filters', () => {
  it('round-trip kind, record, page and the opened entry through the address', () => {
    const filters = { entity: 'user', entityId: '12', offset: PAGE_SIZE * 2, entry: 41 };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('entity=user&entity_id=12&page=3&entry=41');
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('turn into the API query: kind, record and page only, never the opened entry', () => {
    expect(auditQuery({ entity: 'user', entityId: '12', offset: PAGE_SIZE, entry: 41 })).toEqual({
      entity: 'user',
      entity_id: '12',
      limit: PAGE_SIZE,
      offset: PAGE_SIZE,
    });
    expect(auditQuery(emptyAuditFilters())).toEqual({ entity: null, entity_id: null, limit: PAGE_SIZE, offset: 0 });
  });

  it('drop what the server could not mean from the address', () => {
    expect(filtersFromSearchParams(new URLSearchParams('entity=User%20X&entity_id=1%202&page=0&entry=-4'))).toEqual(emptyAuditFilters());
  });

  it('accept a kind the filter does not list yet, as the API may grow', () => {
    expect(filtersFromSearchParams(new URLSearchParams('entity=programme_round')).entity).toBe('programme_round');
  });

  it('check a typed record number before it is sent', () => {
    expect(isEntityId('')).toBe(true);
    expect(isEntityId('12')).toBe(true);
    expect(isEntityId('12 13')).toBe(false);
  });
});
