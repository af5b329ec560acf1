import { type RefObject, useEffect, useState } from 'react';

/**
 * After a refused attempt, takes the user to the first field in `formRef` to correct (or to the
 * form's alert when no field is marked). Returns the callback to pass as useForm's `onRejected`.
 */
export function useFocusAfterRefusal(formRef: RefObject<HTMLFormElement | null>): () => void {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else document.querySelector<HTMLElement>('[data-form-alert]')?.focus();
  }, [attempt, formRef]);
  return () => setAttempt((n) => n + 1);
}
