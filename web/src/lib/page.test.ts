import { describe, expect, it, vi } from 'vitest';
import { readAllPages } from './page';

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
