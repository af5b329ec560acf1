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
