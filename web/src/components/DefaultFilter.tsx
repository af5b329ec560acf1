import { useState, type ReactNode } from 'react';
import { Navigate, NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';

interface DefaultFilterProps {
  /** The search parameter the page filters by (`region`, `village`). */
  name: string;
  /** Its value when the page is opened afresh; null: none. */
  value: string | null;
  children: ReactNode;
}

/**
 * Opens a list on a filter of the reader's own (an officer's lists on her office's area): a page
 * opened afresh with nothing in its address — from the menu, a link or a typed address — is
 * replaced by the same page with `name=value`, before the page asks the server for anything.
 * Back and forward return to the address as it was, and a reader who clears the filter keeps it
 * cleared: it is applied once per visit.
 */
export function DefaultFilter({ name, value, children }: DefaultFilterProps) {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigationType = useNavigationType();
  const [target] = useState(() => {
    const returning = navigationType === NavigationType.Pop && location.key !== 'default';
    if (value === null || returning || params.size > 0) return null;
    return `${location.pathname}?${new URLSearchParams({ [name]: value }).toString()}`;
  });
  const [applied, setApplied] = useState(target === null);
  if (applied) return children;
  // Arrived: from now on the address is the reader's (adjusting state while rendering, as React advises).
  if (params.has(name)) {
    setApplied(true);
    return children;
  }
  return <Navigate to={target!} replace />;
}
