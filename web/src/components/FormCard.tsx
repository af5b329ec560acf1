import { type ReactNode, useEffect, useId, useRef } from 'react';
import type { FormSubmit } from '../lib/use-form';
import { Alert } from './Alert';

export interface FormCardProps {
  title: ReactNode;
  /** A line under the heading. */
  intro?: ReactNode;
  /** What the server said that no field shows. */
  general: readonly string[];
  submitting: boolean;
  onSubmit: FormSubmit;
  submitLabel: string;
  /** The submit button's words while the form is being sent. */
  savingLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  testId?: string;
  children: ReactNode;
}

/**
 * A section's form, opened in place (SectionCard's Add): its heading takes the focus as it opens,
 * the server's general messages stand above the fields, Save and Cancel below them.
 */
export function FormCard({ title, intro, general, submitting, onSubmit, submitLabel, savingLabel, cancelLabel, onCancel, testId, children }: FormCardProps) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="subcard" aria-labelledby={`${id}-title`} data-testid={testId}>
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h3>
      {intro}
      {general.length > 0 ? <Alert tone="error">{general.join(' ')}</Alert> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)} noValidate aria-busy={submitting}>
        {children}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={submitting}>
            {submitting ? savingLabel : submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel}>
            {cancelLabel}
          </button>
        </div>
      </form>
    </section>
  );
}
