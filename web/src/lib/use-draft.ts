import { useState } from 'react';

/**
 * A text box's own value that starts from `source` (e.g. the search in the address) and starts
 * again from it whenever `source` changes (back, forward, a link), while typing stays local.
 */
export function useDraft<T>(source: T): [T, (value: T) => void] {
  const [draft, setDraft] = useState(source);
  const [shown, setShown] = useState(source);
  if (!Object.is(shown, source)) {
    setShown(source);
    setDraft(source);
  }
  return [draft, setDraft];
}
