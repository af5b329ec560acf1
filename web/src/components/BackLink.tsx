import type { ReactNode } from 'react';
import { Link } from 'react-router';

/** The way up from a page to the list it belongs to ("Kembali ke …"), above the page's heading. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p>
      <Link to={to}>{children}</Link>
    </p>
  );
}
