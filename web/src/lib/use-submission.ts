import { useCallback, useRef, useState } from 'react';
import { isApiError, newIdempotencyKey } from './api-client';

/** The server's answers about the key itself: the first request with it is still running, or
 * was cut off. Either way it may write (or have written), so the key must be kept. */
const KEY_STILL_OPEN = new Set(['idempotency-key-in-use', 'idempotency-outcome-unknown']);

/**
 * Whether a failed write may have reached the database after all: the network failed (status 0,
 * or the request was aborted), the server failed (5xx), it asked to be tried again (408, 429), or
 * it said the first request with this key is still running or was cut off (409 of the key).
 * A retry of such a submission must carry the same Idempotency-Key. Any other answer (400, 403,
 * 409 ...) is the server's word that nothing was written, so the next try is a new submission.
 */
export function mayHaveBeenWritten(error: unknown): boolean {
  if (!isApiError(error)) return true;
  if (KEY_STILL_OPEN.has(error.slug)) return true;
  return error.status === 0 || error.status >= 500 || error.status === 408 || error.status === 429;
}

/**
 * The Idempotency-Key of one form's submissions: made when the form is first sent, kept for every
 * retry of the same values, replaced when the values change, and dropped once the server took
 * the submission (or refused it outright).
 */
export class SubmissionKey {
  private key: string | null = null;
  private values = '';

  /** The key to send `values` with. */
  for(values: unknown): string {
    const fingerprint = JSON.stringify(values) ?? '';
    if (this.key === null || fingerprint !== this.values) {
      this.key = newIdempotencyKey();
      this.values = fingerprint;
    }
    return this.key;
  }

  succeeded(): void {
    this.key = null;
  }

  failed(error: unknown): void {
    if (!mayHaveBeenWritten(error)) this.key = null;
  }
}

export interface SubmitHandlers<T> {
  onSuccess?: (value: T) => void;
  onError?: (error: unknown) => void;
}

/**
 * One form's writes, safe to tap twice and to retry: `submit(values, send, handlers)` calls
 * `send(key)` with the submission's Idempotency-Key (SubmissionKey) and ignores a second submit
 * while the first is in flight, so a double tap sends one request and a retry after a timeout
 * sends the same key (the server then records the fee once). `submitting` is for aria-busy and
 * the button.
 */
export function useSubmission() {
  const keyRef = useRef<SubmissionKey | null>(null);
  const inFlight = useRef(false);
  const [submitting, setSubmitting] = useState(false);

  const submit = useCallback(
    async <T>(values: unknown, send: (idempotencyKey: string) => Promise<T>, handlers: SubmitHandlers<T> = {}) => {
      if (inFlight.current) return;
      inFlight.current = true;
      setSubmitting(true);
      keyRef.current ??= new SubmissionKey();
      const key = keyRef.current;
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await send(key.for(values)) };
        key.succeeded();
      } catch (error) {
        outcome = { ok: false, error };
        key.failed(error);
      } finally {
        inFlight.current = false;
        setSubmitting(false);
      }
      if (outcome.ok) handlers.onSuccess?.(outcome.value);
      else if (handlers.onError) handlers.onError(outcome.error);
      else throw outcome.error;
    },
    [],
  );

  return { submitting, submit };
}
