import type { ReactNode } from 'react';

interface BadgeProps {
  tone: 'warning' | 'success' | 'neutral' | 'danger' | 'info';
  children: ReactNode;
  testId?: string;
}

/** A short status word in a coloured pill ("Perlu diperbarui", "Aktif"). */
export function Badge({ tone, children, testId }: BadgeProps) {
  return (
    <span className={`badge badge--${tone}`} data-testid={testId}>
      {children}
    </span>
  );
}
