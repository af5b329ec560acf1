import { useCallback, useState } from 'react';
import { changePassword } from '../api/change-password';
import type { ChangePasswordRequest } from '../types';

export interface ChangePasswordState {
  submitting: boolean;
  /** The last failure (an ApiError for server answers), or null. */
  error: unknown;
  done: boolean;
  submit: (request: ChangePasswordRequest) => Promise<boolean>;
  reset: () => void;
}

export function useChangePassword(): ChangePasswordState {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const reset = useCallback(() => {
    setError(null);
    setDone(false);
  }, []);

  const submit = useCallback(async (request: ChangePasswordRequest) => {
    setSubmitting(true);
    setError(null);
    setDone(false);
    try {
      await changePassword(request);
      setDone(true);
      return true;
    } catch (caught) {
      setError(caught);
      return false;
    } finally {
      setSubmitting(false);
    }
  }, []);

  return { submitting, error, done, submit, reset };
}
