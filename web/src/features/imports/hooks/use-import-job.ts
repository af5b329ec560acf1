import { useEffect, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { getImport } from '../api/imports';
import { isFinished, type ImportJob } from '../types';

export const POLL_MS = 1000;

export interface ImportJobState {
  job: ImportJob | null;
  /** The last failure to read the job; polling goes on, a network blip should not end it. */
  error: unknown;
}

/**
 * Reads the job, then again `pollMs` after each answer until it has finished. Waiting for the
 * answer before the next timer means a slow server is never asked twice at once.
 */
export function useImportJob(id: number, pollMs = POLL_MS, initial: ImportJob | null = null): ImportJobState {
  const [state, setState] = useState<ImportJobState>({ job: initial, error: null });

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;

    const poll = () => {
      getImport(id, controller.signal).then(
        (job) => {
          if (controller.signal.aborted) return;
          failures = 0;
          setState({ job, error: null });
          if (!isFinished(job)) timer = setTimeout(poll, pollMs);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          failures += 1;
          setState((s) => ({ ...s, error }));
          // Not found, forbidden: asking again will not help. Network and server trouble may pass.
          if (isApiError(error) && error.status >= 400 && error.status < 500) return;
          // Back off on repeated failures, up to ten intervals apart.
          timer = setTimeout(poll, pollMs * Math.min(10, 2 ** (failures - 1)));
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [id, pollMs]);

  return state;
}
