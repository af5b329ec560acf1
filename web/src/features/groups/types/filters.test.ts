import { describe, expect, it } from 'vitest';
import { emptyFilters, filtersFromSearchParams, filtersToSearchParams, listQuery, PAGE_SIZE } from './filters';

describe('group list filters in the address', () => {
  it('reads search, status, kind and page, and writes them back the same way', () => {
    const params = new URLSearchParams('q=harapan&status=active&kind=cooperative&page=3');
    const filters = filtersFromSearchParams(params);
    expect(filters).toEqual({ q: 'harapan', status: 'active', kind: 'cooperative', offset: 2 * PAGE_SIZE });
    expect(filtersToSearchParams(filters).toString()).toBe('q=harapan&status=active&kind=cooperative&page=3');
  });

  it('drops words the server would refuse instead of sending them', () => {
    expect(filtersFromSearchParams(new URLSearchParams('status=asleep&kind=gang&page=-2'))).toEqual(emptyFilters());
  });

  it('leaves empty filters out of the request', () => {
    expect(listQuery(emptyFilters())).toEqual({ q: null, status: null, kind: null, limit: PAGE_SIZE, offset: 0 });
  });
});
