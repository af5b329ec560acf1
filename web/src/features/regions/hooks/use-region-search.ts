import { useCallback, useEffect, useRef, useState } from 'react';
import { searchRegions } from '../api/regions';
import type { Region } from '../types';

export const MIN_QUERY_LENGTH = 2;
export const SEARCH_PAGE_SIZE = 20;

export interface RegionSearch {
  status: 'idle' | 'loading' | 'done' | 'error';
  items: Region[];
  total: number;
  loadMore(): void;
}

/** Debounced name search (GET /regions?q=), with "show more" paging. */
export function useRegionSearch(query: string, delayMs: number): RegionSearch {
  const [status, setStatus] = useState<RegionSearch['status']>('idle');
  const [items, setItems] = useState<Region[]>([]);
  const [total, setTotal] = useState(0);
  const controllerRef = useRef<AbortController | null>(null);
  const q = query.trim();

  const fetchPage = useCallback((text: string, offset: number) => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    setStatus('loading');
    searchRegions(text, offset, SEARCH_PAGE_SIZE, controller.signal).then(
      (page) => {
        setItems((previous) => (offset === 0 ? page.items : [...previous, ...page.items]));
        setTotal(page.total);
        setStatus('done');
      },
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setStatus('error');
      },
    );
  }, []);

  useEffect(() => {
    controllerRef.current?.abort();
    if ([...q].length < MIN_QUERY_LENGTH) {
      setItems([]);
      setTotal(0);
      setStatus('idle');
      return undefined;
    }
    const timer = setTimeout(() => fetchPage(q, 0), delayMs);
    return () => clearTimeout(timer);
  }, [q, delayMs, fetchPage]);

  useEffect(() => () => controllerRef.current?.abort(), []);

  const loadMore = useCallback(() => {
    if (items.length < total) fetchPage(q, items.length);
  }, [fetchPage, q, items.length, total]);

  return { status, items, total, loadMore };
}
