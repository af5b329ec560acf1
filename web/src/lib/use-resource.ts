import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  status: 'idle' | 'loading' | 'done' | 'error';
  data: T | null;
  error: unknown;
  /** Loads again with the same key (after a change elsewhere). */
  reload(): void;
  /** Replaces the data in place, e.g. with what a write returned. */
  setData(update: T | ((previous: T | null) => T | null)): void;
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * Loads data for `key` (null: nothing to load). A new key aborts the previous request, so a
 * slow answer for an old key never replaces a newer one. The data of the previous key stays
 * visible while the next loads, which keeps tables from flickering while paging.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ status: Resource<T>['status']; data: T | null; error: unknown }>({
    status: key === null ? 'idle' : 'loading',
    data: null,
    error: null,
  });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  useEffect(() => {
    if (key === null) {
      setState({ status: 'idle', data: null, error: null });
      return undefined;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, status: 'loading', error: null }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'done', data, error: null });
      },
      (error: unknown) => {
        if (!controller.signal.aborted && !isAbort(error)) setState((s) => ({ ...s, status: 'error', error }));
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setData = useCallback((update: T | ((previous: T | null) => T | null)) => {
    setState((s) => ({
      ...s,
      data: typeof update === 'function' ? (update as (previous: T | null) => T | null)(s.data) : update,
    }));
  }, []);

  return { ...state, reload, setData };
}
