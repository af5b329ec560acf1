import type { Schemas } from './api/schemas';

/** One page of a list as every gotong list endpoint answers it: the spec's PageMeta and the items. */
export type Page<T> = Schemas['PageMeta'] & { items: T[] };

/** The API's largest page size. */
export const MAX_PAGE_SIZE = 200;

/**
 * The offset of the page after those loaded ("show more"), or undefined when there is no more:
 * TanStack Query's getNextPageParam for a list read a page at a time.
 */
export function nextOffset<T>(last: Page<T>, pages: readonly Page<T>[]): number | undefined {
  const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
  return last.items.length > 0 && loaded < last.total ? loaded : undefined;
}

/**
 * Every item of a list, read a page after the other from `readPage(offset)` until the total is
 * reached or a page comes back empty; `maxPages` guards against a server that keeps reporting a
 * larger total.
 */
export async function readAllPages<T>(readPage: (offset: number) => Promise<Pick<Page<T>, 'items' | 'total'>>, maxPages: number): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; page < maxPages; page += 1) {
    const result = await readPage(items.length);
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) break;
  }
  return items;
}

// A list kept in the address (/groups?q=harapan&page=2) names its page, not its offset, and its
// search as typed: these read and write the two for every such list's filtersFromSearchParams and
// filtersToSearchParams.

/** The offset of the page the address names (`page=3`: 2 × pageSize); 0 when it names none, or no whole number above 1. */
export function offsetFromAddress(params: URLSearchParams, pageSize: number): number {
  const page = Number(params.get('page') ?? '1');
  return Number.isSafeInteger(page) && page > 1 ? (page - 1) * pageSize : 0;
}

/** Names the page of `offset` in the address (`page=3`); the first page's address names none. */
export function setAddressPage(params: URLSearchParams, offset: number, pageSize: number): void {
  const page = Math.floor(offset / pageSize) + 1;
  if (page > 1) params.set('page', String(page));
}

/** The address's search (`q`) trimmed, cut to the server's `max` characters (not UTF-16 units). */
export function searchFromAddress(params: URLSearchParams, max: number): string {
  return [...(params.get('q') ?? '').trim()].slice(0, max).join('');
}
