import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { nextOffset } from '../../../lib/page';
import { useDebounced } from '../../../lib/use-debounced';
import { searchRegions } from '../api/regions';
import { regionKeys } from '../api/keys';
import type { Region } from '../types';

export const MIN_QUERY_LENGTH = 2;
export const SEARCH_PAGE_SIZE = 20;

export interface RegionSearch {
  status: 'idle' | 'loading' | 'done' | 'error';
  items: Region[];
  total: number;
  loadMore: () => void;
}

const searchable = (text: string) => [...text].length >= MIN_QUERY_LENGTH;

/** Debounced name search (GET /regions?q=), with "show more" paging. */
export function useRegionSearch(query: string, delayMs: number): RegionSearch {
  const q = query.trim();
  const settled = useDebounced(q, delayMs);
  const search = useInfiniteQuery({
    queryKey: regionKeys.search(settled),
    queryFn: ({ signal, pageParam }) => searchRegions(settled, pageParam, SEARCH_PAGE_SIZE, signal),
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    enabled: searchable(settled) && searchable(q),
    placeholderData: keepPreviousData,
  });

  if (!searchable(q)) return { status: 'idle', items: [], total: 0, loadMore: () => undefined };
  const pages = search.data?.pages ?? [];
  const status = search.isError ? 'error' : search.isFetching ? 'loading' : search.isSuccess ? 'done' : 'idle';
  return {
    status,
    items: pages.flatMap((page) => page.items),
    total: pages.at(-1)?.total ?? 0,
    loadMore: () => {
      if (search.hasNextPage && !search.isFetching) void search.fetchNextPage();
    },
  };
}
