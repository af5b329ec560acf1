import { describe, expect, it } from 'vitest';
import { filtersFromSearchParams, filtersToSearchParams, isFiltered, listQuery, PAGE_SIZE } from './filters';

describe('the people list’s search in the address', () => {
  it('round-trips the name, the region and the page', () => {
    const filters = { q: 'siti', region: '35.79', offset: PAGE_SIZE * 2 };
    const params = filtersToSearchParams(filters);
    expect(params.toString()).toBe('q=siti&region=35.79&page=3');
    expect(filtersFromSearchParams(params)).toEqual(filters);
  });

  it('drops a broken region and page, and trims the name', () => {
    expect(filtersFromSearchParams(new URLSearchParams('q=%20siti%20&region=jatim&page=-2'))).toEqual({ q: 'siti', region: null, offset: 0 });
    expect(filtersToSearchParams({ q: '', region: null, offset: 0 }).toString()).toBe('');
  });

  it('asks the server for one page, sending a name only when it has 2 letters or more', () => {
    expect(listQuery({ q: 'si', region: '35.79.03.2001', offset: 25 })).toEqual({ q: 'si', region: '35.79.03.2001', limit: PAGE_SIZE, offset: 25 });
    expect(listQuery({ q: 's', region: null, offset: 0 }).q).toBeNull();
  });

  it('knows when the list is narrowed', () => {
    expect(isFiltered({ q: '', region: null, offset: 50 })).toBe(false);
    expect(isFiltered({ q: 'siti', region: null, offset: 0 })).toBe(true);
  });
});
