// The app's TanStack Query defaults, in one place: what the server state cache retries, when it
// loads again, and how long it keeps what it loaded.
import { QueryClient, type QueryClientConfig } from '@tanstack/react-query';
import { isApiError } from './api-client';

const MAX_RETRIES = 2;

/**
 * Whether a failed read is worth trying again: the network failed (status 0) or the server did
 * (5xx, 408, 429). Any other answer (400, 401, 403, 404 …) is the server's word, and asking again
 * gets the same answer.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (!isApiError(error)) return false;
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
}

export const QUERY_DEFAULTS: QueryClientConfig['defaultOptions'] = {
  queries: {
    retry: shouldRetry,
    // A page loads what it shows when it opens (as it always did), not when the window regains focus.
    refetchOnWindowFocus: false,
  },
  // Writes are never retried by the cache: a form retries with the same Idempotency-Key itself.
  mutations: { retry: false },
};

export function createQueryClient(config: QueryClientConfig = {}): QueryClient {
  return new QueryClient({ ...config, defaultOptions: { ...QUERY_DEFAULTS, ...config.defaultOptions } });
}
