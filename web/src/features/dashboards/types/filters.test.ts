import { describe, expect, it } from 'vitest';
import { EMPTY_EQUITY_FILTERS, equityFiltersFrom, equityFiltersToParams, equityQuery, periodInvalid, withFilter } from './filters';

const from = (search: string) => equityFiltersFrom(new URLSearchParams(search));

describe('the equity filters in the address', () => {
  it('reads every filter and writes them back the same', () => {
    const search = 'region=35.79&from=2024-01-01&to=2024-12-31&kind=grant&helix=business&programme=7&groups=25';
    const filters = from(search);
    expect(filters).toEqual({
      by: 'region',
      region: '35.79',
      from: '2024-01-01',
      to: '2024-12-31',
      kind: 'grant',
      helix: 'business',
      programmeId: 7,
      groupsOffset: 25,
    });
    expect(equityFiltersToParams(filters).toString()).toBe(search);
  });

  it('gives the plain dashboard a plain address', () => {
    expect(from('')).toEqual(EMPTY_EQUITY_FILTERS);
    expect(equityFiltersToParams(EMPTY_EQUITY_FILTERS).toString()).toBe('');
  });

  it('ignores what it does not know: a village, a bad day, an unknown kind, a programme that is no id', () => {
    expect(from('region=35.79.02.2006&from=2024-1-1&kind=gift&helix=media&programme=0&groups=-5&by=colour')).toEqual(EMPTY_EQUITY_FILTERS);
    expect(from('programme=abc').programmeId).toBeNull();
  });

  it('keeps a region only when the rows are regions', () => {
    expect(from('by=gender&region=35.79')).toMatchObject({ by: 'gender', region: null });
    expect(equityFiltersToParams({ ...EMPTY_EQUITY_FILTERS, by: 'sector', region: '35' }).toString()).toBe('by=sector');
  });

  it('starts the groups never served at their first page when what is counted changes', () => {
    const paged = { ...EMPTY_EQUITY_FILTERS, groupsOffset: 50 };
    expect(withFilter(paged, { kind: 'grant' })).toMatchObject({ kind: 'grant', groupsOffset: 0 });
  });
});

describe('the equity query', () => {
  it('names the API’s parameters, a page of groups never served at a time', () => {
    expect(equityQuery({ ...EMPTY_EQUITY_FILTERS, region: '35.79', programmeId: 3, groupsOffset: 25 })).toEqual({
      by: 'region',
      region: '35.79',
      from: null,
      to: null,
      kind: null,
      helix: null,
      programme_id: 3,
      limit: 25,
      offset: 25,
    });
  });

  it('leaves out a period that ends before it starts (the page says why)', () => {
    const filters = { ...EMPTY_EQUITY_FILTERS, from: '2024-12-31', to: '2024-01-01' };
    expect(periodInvalid(filters)).toBe(true);
    expect(equityQuery(filters)).toMatchObject({ from: null, to: null });
    expect(periodInvalid({ from: '2024-01-01', to: '2024-01-01' })).toBe(false);
  });
});
