import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../lib/api-client';
import { getImport } from '../api/imports';
import { importKeys } from '../api/keys';
import { isFinished, type ImportJob, type ImportJobPage } from '../types';

export const POLL_MS = 1000;

export interface ImportJobState {
  job: ImportJob | null;
  /** The last failure to read the job; polling goes on, a network blip should not end it. */
  error: unknown;
}

/** When to read the job again: never once it finished or the server refused (4xx); later after each failure. */
export function nextPoll(job: ImportJob | undefined, failures: number, error: unknown, pollMs: number): number | false {
  if (failures > 0) {
    // Not found, forbidden: asking again will not help. Network and server trouble may pass.
    if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
    // Back off on repeated failures, up to ten intervals apart.
    return pollMs * Math.min(10, 2 ** (failures - 1));
  }
  return job && isFinished(job) ? false : pollMs;
}

/** The page of recent imports with `job` in place of its older copy; the same page if it is not on it. */
export function withJob(page: ImportJobPage, job: ImportJob): ImportJobPage {
  if (!page.items.some((item) => item.id === job.id)) return page;
  return { ...page, items: page.items.map((item) => (item.id === job.id ? job : item)) };
}

/**
 * Reads the job, then again `pollMs` after each answer until it has finished (TanStack Query's
 * refetchInterval waits for the answer, so a slow server is never asked twice at once).
 */
export function useImportJob(id: number, pollMs = POLL_MS, initial: ImportJob | null = null): ImportJobState {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: importKeys.job(id),
    queryFn: async ({ signal }) => {
      const job = await getImport(id, signal);
      // The recent imports already read keep up, so going back does not show "waiting" for a job done.
      client.setQueriesData<ImportJobPage>({ queryKey: importKeys.pages() }, (page) => page && withJob(page, job));
      return job;
    },
    ...(initial ? { initialData: initial, initialDataUpdatedAt: 0 } : {}),
    // The interval does the retrying, with its own back-off.
    retry: false,
    refetchInterval: (q) => nextPoll(q.state.data, q.state.fetchFailureCount, q.state.error, pollMs),
    refetchIntervalInBackground: true,
  });
  return { job: query.data ?? null, error: query.error };
}
