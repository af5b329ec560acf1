import { describe, expect, it, vi } from 'vitest';
import { offsetFromAddress, readAllPages, searchFromAddress, setAddressPage } from './page';

/** A list of `total` numbers served `size` at a time, whatever limit is asked. */
function server(total: number, size: number, reportedTotal = total) {
  return vi.fn(async (offset: number) => ({
    items: Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => offset + i),
    total: reportedTotal,
  }));
}

describe('readAllPages', () => {
  it('reads page after page from where the last ended until it has the total', async () => {
    const readPage = server(5, 2);
    await expect(readAllPages(readPage, 10)).resolves.toEqual([0, 1, 2, 3, 4]);
    expect(readPage.mock.calls.map(([offset]) => offset)).toEqual([0, 2, 4]);
  });

  it('stops at an empty page even when the total says there are more', async () => {
    const readPage = server(3, 2, 9);
    await expect(readAllPages(readPage, 10)).resolves.toEqual([0, 1, 2]);
    expect(readPage).toHaveBeenCalledTimes(3);
  });

  it('reads no more than maxPages pages from a server that keeps promising more', async () => {
    const readPage = vi.fn(async () => ({ items: [1], total: 1_000 }));
    await expect(readAllPages(readPage, 4)).resolves.toEqual([1, 1, 1, 1]);
    expect(readPage).toHaveBeenCalledTimes(4);
  });
});

describe('a list’s page and search in the address', () => {
  it('reads the page as an offset, the first for none or a broken number, and writes it back', () => {
    const offsetOf = (query: string) => offsetFromAddress(new URLSearchParams(query), 20);
    expect(offsetOf('page=3')).toBe(40);
    expect(['', 'page=1', 'page=0', 'page=-2', 'page=2.5', 'page=x', 'page=1e99'].map(offsetOf)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    const params = new URLSearchParams();
    setAddressPage(params, 0, 20);
    expect(params.has('page')).toBe(false);
    setAddressPage(params, 45, 20);
    expect(params.get('page')).toBe('3');
  });

  it('reads the search trimmed and cut to the longest the server takes, in characters', () => {
    expect(searchFromAddress(new URLSearchParams('q=%20siti%20'), 100)).toBe('siti');
    expect(searchFromAddress(new URLSearchParams('q=😀😀😀'), 2)).toBe('😀😀');
    expect(searchFromAddress(new URLSearchParams(''), 100)).toBe('');
  });
});
