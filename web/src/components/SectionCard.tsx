import { type ReactNode, useId, useState } from 'react';
import { Alert } from './Alert';

export interface SectionCardProps {
  /** The heading's content. */
  title: ReactNode;
  /** How many records, in words, beside the title ("12 pertemuan"); none while unknown. */
  count?: string | null;
  /** The Add button's words; no button when `canAdd` is false. */
  addLabel: string;
  canAdd: boolean;
  /** The main action of the page gets the primary button; a card's side action the secondary one. */
  addTone?: 'primary' | 'secondary';
  /** Called as the form opens, e.g. to clear the last notice. */
  onAdd?: () => void;
  /** The form the Add button opens; `close` closes it (after saving or on cancel). */
  form: (close: () => void) => ReactNode;
  /** A line under the heading, above the notice and the form. */
  intro?: ReactNode;
  /** What the last write did, in words (shown as a success message). */
  notice?: string | null;
  busy?: boolean;
  testId?: string;
  children?: ReactNode;
}

/**
 * A section of the group workspace: a heading with an Add button that opens the section's form
 * in place, the notice of the last save, and the section's records below.
 */
export function SectionCard({ title, count, addLabel, canAdd, addTone = 'primary', onAdd, form, intro, notice, busy, testId, children }: SectionCardProps) {
  const id = useId();
  const [adding, setAdding] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-title`} aria-busy={busy} data-testid={testId}>
      <div className="section-head">
        <h2 id={`${id}-title`}>
          {title}
          {count ? (
            <>
              {' '}
              <span className="muted heading-count">{`(${count})`}</span>
            </>
          ) : null}
        </h2>
        {canAdd && !adding ? (
          <button
            type="button"
            className={`button button--${addTone}`}
            onClick={() => {
              onAdd?.();
              setAdding(true);
            }}
          >
            {addLabel}
          </button>
        ) : null}
      </div>
      {intro}
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {canAdd && adding ? form(() => setAdding(false)) : null}
      {children}
    </section>
  );
}
