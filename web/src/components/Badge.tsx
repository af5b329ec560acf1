import type { ReactNode } from 'react';

interface BadgeProps {
  tone: 'warning' | 'success' | 'neutral' | 'danger' | 'info';
  children: ReactNode;
  testId?: string;
  /** Text that may be long (an option a group agreed on) wraps inside the pill instead of widening the page. */
  wrap?: boolean;
}

/** A short status word in a coloured pill ("Perlu diperbarui", "Aktif"). */
export function Badge({ tone, children, testId, wrap = false }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}${wrap ? ' badge--wrap' : ''}`} data-testid={testId}>
      {children}
    </span>
  );
}
